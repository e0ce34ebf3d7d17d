// The messages between the main thread and a worker. Each is one byte buffer (js/worker/codec.ts):
// a message type, then its fields. The first message (main -> worker) is the exception: the
// structured-clone `WorkerInit`, since it carries the compiled module and the shared memory.

/** Worker -> main. */
export const enum ToMain {
  /** A synchronous request (the worker blocks for its answer): call id, `Op`, operands. */
  Request = 1,
  /** The outcome of a main -> worker call: call id, ok, value. */
  Result = 2,
  /** A line of output: fd (1 or 2), text. */
  Output = 3,
  /** References the worker dropped: count, then (id, gen, count) each. */
  Release = 4,
  /** The names the worker exports through `sync`: count, then names. */
  Exports = 5,
  /** The worker stopped waiting for a request (an interrupt): its id. */
  Abandon = 6,
}

/** Main -> worker. */
export const enum ToWorker {
  /** The answer to a `Request`: call id, ok, value. */
  Answer = 1,
  /** A call into the worker: call id, `CallKind`, operands. */
  Call = 2,
  /** A main-thread promise the worker mirrors settled: promise id, ok, value. */
  Settle = 3,
  /** References main dropped: count, then (id, gen, count) each. */
  Release = 4,
}

/** What a worker's `Request` asks the main thread to do. */
export const enum Op {
  Get = 1,
  Set = 2,
  Has = 3,
  Delete = 4,
  /** The own enumerable string keys. */
  Keys = 5,
  Apply = 6,
  Construct = 7,
  /** A function the main thread put on `worker.sync`: name, arguments. */
  Sync = 8,
  /** The next chunk of stdin. */
  Stdin = 9,
}

/** What a main -> worker `Call` runs. */
export const enum CallKind {
  /** Start-up: run the code given at load (no operands). */
  Boot = 0,
  /** A function the worker exports on `sync`: name, arguments. */
  Export = 1,
  /** A worker object main holds (a Python callable): reference, this, arguments. */
  Ref = 2,
  /** `runPython` / `runPythonAsync`: code, async flag. */
  Run = 3,
  /** The worker's live references (for `stats()`). */
  Stats = 4,
}

/** Everything a worker needs to start (structured clone). */
export interface WorkerInit {
  type: "pkg-ffi:init";
  module: WebAssembly.Module;
  stdlib: Uint8Array;
  shared: SharedArrayBuffer | undefined;
  /** The worker's requests go here when main can listen to shared memory (`RequestSlot`). */
  requests: SharedArrayBuffer | undefined;
  code: string | undefined;
  url: string | undefined;
  env: Record<string, string> | undefined;
  files: unknown;
  createProxy: "manual" | "auto";
  config: unknown;
  debug: boolean;
  /** The main thread has a `document` (so `pyscript.document` exists in the worker). */
  mainHasDocument: boolean;
  name: string | undefined;
  /** The user chose message passing only (PyScript's `sync_main_only`): no warning for it. */
  syncMainOnly: boolean;
  /** Set the runtime's interrupt buffer (running Python can be interrupted, at a cost). */
  interruptible: boolean;
}

/** How long a blocked worker waits before warning that the main thread may be waiting on it. */
export const DEADLOCK_WARNING_MS = 3000;
