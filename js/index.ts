// @pkg/ffi: Python in the browser and in Node, with Pyodide's FFI API.

export { loadPython, PythonRuntime } from "./runtime.js";
export type {
  LoadPythonOptions, RunOptions, RuntimeStats, ToPyOptions, UnpackArchiveOptions,
} from "./runtime.js";
export type { PyScriptConfig } from "./pyscript-config.js";
export { loadPythonWorker, PyWorker, PythonWorker } from "./worker/python-worker.js";
export type { LoadPythonWorkerOptions, WorkerStats, WorkerSync } from "./worker/python-worker.js";
export type { LifecycleDetail, LifecycleEventTarget } from "./lifecycle.js";
export type { LiveProxy } from "./debug.js";
export type { LoadProgress, LoadedFile, ProgressCallback } from "./load-progress.js";
export type { StdinOptions, StdinResult } from "./stdin.js";
export type { FileSystem, FSStat } from "./fs.js";
export { FSError } from "./errors.js";
export * as ffi from "./ffi.js";
export * from "./ffi.js";

// The proxies are disposable (`using`); `Symbol.dispose` is declared here as in lib
// esnext.disposable (the declarations merge), so these types compile with `lib: ["es2022"]` too.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
