// The threads workers run on: a module Web Worker in browsers, a worker_threads Worker in Node,
// behind one shape.

import { isNode } from "../host.js";
import type { Port } from "./channel.js";

export interface HostWorker extends Port {
  terminate(): void;
  /** Node: whether the worker keeps the process alive. */
  keepAlive(on: boolean): void;
}

/**
 * Starts the thread of a new worker; its events go to the two callbacks. An idle thread does not
 * keep Node running: the PythonWorker decides (`keepAlive`).
 */
export async function startHost(name: string | undefined, onMessage: (data: unknown) => void, onFailure: (e: Error) => void): Promise<HostWorker> {
  const host = isNode() ? await startNode(name, onMessage, onFailure) : startBrowser(name, onMessage, onFailure);
  host.keepAlive(false);
  return host;
}
async function startNode(name: string | undefined, onMessage: (data: unknown) => void, onFailure: (e: Error) => void): Promise<HostWorker> {
  const entry = new URL("./entry.js", import.meta.url);
  const specifier = "node:worker_threads";
  const { Worker } = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as typeof import("node:worker_threads");
  const worker = new Worker(entry, { name });
  worker.on("message", onMessage);
  worker.on("error", onFailure);
  worker.on("exit", (code) => onFailure(new Error(`the worker exited (code ${code})`)));
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer as never),
    terminate: () => void worker.terminate(),
    keepAlive: (on) => (on ? worker.ref() : worker.unref()),
  };
}

function startBrowser(name: string | undefined, onMessage: (data: unknown) => void, onFailure: (e: Error) => void): HostWorker {
  // Written as bundlers recognise a worker (Vite, webpack): they bundle the entry and its imports.
  const worker = new Worker(new URL("./entry.js", import.meta.url), { type: "module", name });
  worker.addEventListener("message", (event) => onMessage(event.data));
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    onFailure(new Error(`the worker failed: ${event.message || "its script did not load"} (${new URL("./entry.js", import.meta.url).href})`));
  });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    terminate: () => worker.terminate(),
    keepAlive: () => {},
  };
}
