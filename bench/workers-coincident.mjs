// coincident 4.1.1 on the main thread: its window entry (window/main), which also answers the
// worker's `window` reads. The prebuilt dist/ file is used because src/ imports bare package names
// that a browser cannot resolve without a bundler or an import map.
import coincident from "../node_modules/coincident/dist/window/main.js";
import { MAIN_FUNCTIONS } from "./workers-peers.mjs";

const WORKER_URL = new URL("./coincident-worker.mjs", import.meta.url);

export function prepare() {
  // One factory per page, as an application would have; the Worker class it returns is timed.
  const { Worker } = coincident();
  return {
    /** Worker creation -> its first answered call (coincident has no ready promise of its own). */
    async start() {
      const worker = new Worker(WORKER_URL);
      Object.assign(worker.proxy, MAIN_FUNCTIONS);
      // A worker that throws while starting would otherwise leave ready() pending for ever.
      const failed = new Promise((_, reject) =>
        worker.addEventListener("error", (e) => reject(new Error(`coincident worker failed: ${e.message ?? "error event"}`))),
      );
      const ok = await Promise.race([worker.proxy.ready(), failed]);
      if (ok !== true) throw new Error(`ready() gave ${ok}`);
      const { proxy } = worker;
      return {
        calls: (n) => proxy.calls(n),
        reads: (n, title) => proxy.reads(n, title),
        fromMain: (n) => proxy.fromMain(n),
        toMain: (n) => proxy.toMain(n),
        terminate: () => worker.terminate(),
      };
    },
  };
}
