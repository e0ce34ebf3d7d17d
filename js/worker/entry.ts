// The script a worker runs: connects the worker's side (js/worker/worker-side.ts) to its parent,
// through `self` in browsers and `parentPort` in Node.

import { isNode } from "../runtime/host.js";
import { serveWorker } from "./worker-side.js";

if (isNode()) {
  // No top-level await: bundlers build worker entries as classic scripts by default (Vite's
  // worker.format is "iife"). Node holds the parent's messages until the listener is added.
  const specifier = "node:worker_threads";
  void (import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<typeof import("node:worker_threads")>).then(({ parentPort }) => {
    if (parentPort === null) throw new Error("@pkg/ffi's worker entry runs only as a worker");
    serveWorker(
      { postMessage: (message, transfer) => parentPort.postMessage(message, transfer as never) },
      (handler) => parentPort.on("message", handler),
    );
  });
} else {
  const scope = globalThis as unknown as {
    postMessage(message: unknown, transfer?: Transferable[]): void;
    addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  };
  serveWorker(
    { postMessage: (message, transfer) => scope.postMessage(message, transfer ?? []) },
    (handler) => scope.addEventListener("message", (event) => handler(event.data)),
  );
}
