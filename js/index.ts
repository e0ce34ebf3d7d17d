// @pkg/ffi: Python in the browser and in Node, with Pyodide's FFI API.

import { bootPython, type LoadPythonOptions, type PythonRuntime } from "./runtime/runtime.js";
import { exposeWorkersToPython } from "./worker/python-worker.js";

export { PythonRuntime } from "./runtime/runtime.js";
export type {
  LoadPythonOptions, RunOptions, RuntimeStats, ToPyOptions, UnpackArchiveOptions,
} from "./runtime/runtime.js";
export type { PyScriptConfig } from "./runtime/pyscript-config.js";
export { loadPythonWorker, PyWorker, PythonWorker } from "./worker/python-worker.js";
export type { LoadPythonWorkerOptions, WorkerStats, WorkerSync } from "./worker/python-worker.js";
export type { LifecycleDetail, LifecycleEventTarget } from "./runtime/lifecycle.js";
export type { LiveProxy } from "./pyproxy/debug.js";
export type { LoadProgress, LoadedFile, ProgressCallback } from "./runtime/load-progress.js";
export type { StdinOptions, StdinResult } from "./runtime/stdin.js";
export type { FileSystem, FSStat } from "./runtime/fs.js";
export { FSError } from "./crossing/errors.js";
export * as ffi from "./ffi.js";
export * from "./ffi.js";

/**
 * Starts a Python runtime (the wasm module is loaded once and shared). Defined here, above both
 * runtime/ and worker/, because its runtime's `pyscript.PyWorker` and `pyscript.workers` need the
 * worker API, and runtime/ does not import worker/ (worker/ imports runtime/ to boot a worker's
 * runtime).
 */
export async function loadPython(options: LoadPythonOptions = {}): Promise<PythonRuntime> {
  exposeWorkersToPython();
  return bootPython(options);
}

// The proxies are disposable (`using`); `Symbol.dispose` is declared here as in lib
// esnext.disposable (the declarations merge), so these types compile with `lib: ["es2022"]` too.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
