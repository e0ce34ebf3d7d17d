import { type Port } from "./channel.js";
/** Starts the worker's side on `port` once `init` arrives. */
export declare function serveWorker(port: Port, listen: (handler: (data: unknown) => void) => void): void;
