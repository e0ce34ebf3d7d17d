import { type ProgressCallback } from "../load-progress.js";
import { type StdinResult } from "../stdin.js";
import { type PyScriptConfig } from "../pyscript-config.js";
import type { UrlLike } from "../runtime.js";
export interface LoadPythonWorkerOptions {
    /** Python code the worker runs once booted (before `loadPythonWorker` resolves). */
    code?: string;
    /** A Python file the worker fetches and runs instead of `code` (relative: to the page / working directory). */
    url?: UrlLike;
    /** A name: `pyscript.workers[name]` on the main thread resolves to this worker's `sync`. */
    name?: string;
    /**
     * Message passing only (PyScript's `sync_main_only`): needed where SharedArrayBuffer is not
     * available (a page without COOP/COEP headers). Main -> worker calls work; the worker's
     * `window`, `document` and `sync.f()` calls do not.
     */
    syncMainOnly?: boolean;
    /** Main-thread functions the worker can call through `sync` from its first line. */
    sync?: Record<string, (...args: any[]) => unknown>;
    /** Called with each line the worker's Python prints (default: console.log). */
    stdout?: (line: string) => void;
    /** Called with each line the worker's Python writes to stderr (default: console.warn). */
    stderr?: (line: string) => void;
    /** Asked, synchronously, for each line the worker's Python reads (as `loadPython`'s `stdin`). */
    stdin?: () => StdinResult;
    /** As `loadPython`'s: environment variables, files, `createProxy`, PyScript's `config`, `debug`. */
    env?: Record<string, string>;
    files?: Record<string, string | Uint8Array> | Array<{
        path: string;
        data: string | Uint8Array;
    }>;
    createProxy?: "manual" | "auto";
    config?: PyScriptConfig;
    debug?: boolean;
    /** Where the core and the standard library are (as `loadPython`'s); compiled once per page. */
    wasmUrl?: UrlLike;
    stdlibUrl?: UrlLike;
    /** Progress of the main thread's fetch and compile (the first worker's). */
    onProgress?: ProgressCallback;
}
/** Live references across one worker's boundary (`PythonWorker.stats()`). */
export interface WorkerStats {
    main: {
        /** Main-thread objects the worker holds proxies of (the pinned `window` and modules not counted). */
        objectsLent: number;
        /** Worker functions main holds (listeners, callbacks). */
        workerFunctions: number;
    };
    /** The worker runtime's `stats()`, plus `mainObjects` (its live proxies of main objects) and `lentToMain`. */
    worker: Record<string, unknown>;
}
/** `worker.sync`: functions the worker exports (call them: each returns a Promise), and functions main sets for the worker. */
export type WorkerSync = Record<string, (...args: any[]) => any>;
/** A promise of the `sync` of the worker named `name`, once it is ready (it may start later). */
export declare function namedWorker(name: string): Promise<WorkerSync>;
/**
 * Starts Python in a worker (a Web Worker in browsers, a `worker_threads` Worker in Node);
 * resolves once it has booted and run its start-up `code` (or `url`). The core is compiled once
 * per page and handed to each worker.
 */
export declare function loadPythonWorker(options?: LoadPythonWorkerOptions): Promise<PythonWorker>;
/** PyScript's JS `PyWorker(url, options)`: `loadPythonWorker({ ...options, url })`. */
export declare function PyWorker(url: UrlLike, options?: Omit<LoadPythonWorkerOptions, "url" | "code"> & {
    type?: string;
}): Promise<PythonWorker>;
/** Starts a worker and returns it at once (Python's `PyWorker` needs it before it is ready). */
export declare function startWorker(method: string, options: unknown): PythonWorker;
export declare class PythonWorker {
    #private;
    /** The worker's exports (call them; each returns a Promise) and the functions main gives it. */
    readonly sync: WorkerSync;
    /** Resolves once the worker has booted and run its start-up code. */
    readonly ready: Promise<PythonWorker>;
    /** The name given at start, if any. */
    readonly name: string | undefined;
    /** Runs Python code in the worker; resolves to its last expression's value, converted. */
    runPython(code: string): Promise<any>;
    /** As `runPython`, with top-level `await` allowed. */
    runPythonAsync(code: string): Promise<any>;
    /** Both sides' live references across this worker's boundary. */
    stats(): Promise<WorkerStats>;
    /**
     * Raises KeyboardInterrupt in the worker's running Python (a busy loop stops; a wait for the
     * main thread is abandoned). Needs shared memory (not with `syncMainOnly`).
     */
    interrupt(): void;
    /** Stops the worker: pending calls reject, references are released. */
    terminate(): void;
}
