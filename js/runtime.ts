// The runtime object `loadPython` returns: Pyodide's names over one core `Core`.

import { stashResult } from "./call-result.js";
import { FSError, PythonError } from "./errors.js";
import { FileSystem } from "./fs.js";
import { loadCore } from "./loader.js";
import { createPyProxy, isPyProxy, markDestroyed, proxyId, settle, type ProxyContext, type PyCallable, type PyProxy } from "./pyproxy.js";
import { onceCallable } from "./once-callable.js";
import { bufferToJs } from "./pybuffer.js";
import { buildJs } from "./to-js-build.js";
import { EncodeSession, encodePy } from "./to-py-encode.js";
import { propsOf } from "./proxy-state.js";
import { Core } from "./wasm/core.js";

export interface LoadPythonOptions {
  /** Called with each complete line Python writes to stdout (default: console.log). */
  stdout?: (line: string) => void;
  /** Called with each complete line Python writes to stderr (default: console.warn). */
  stderr?: (line: string) => void;
  /** Environment variables for `os.environ`. */
  env?: Record<string, string>;
  /** Files written before start-up: a path -> content map, or a list of `{ path, data }`. */
  files?: Record<string, string | Uint8Array> | Array<{ path: string; data: string | Uint8Array }>;
  /** Where the `.wasm` file is (default: next to this module). */
  wasmUrl?: string | URL;
  /** Where the packed standard library `stdlib.bin` is (default: next to this module). */
  stdlibUrl?: string | URL;
  /**
   * How long PyProxies made for the arguments of a JS call live. `"manual"` (default, as in
   * Pyodide): until the call returns; keep one with `create_proxy`. `"auto"` (PyScript's
   * `experimental_create_proxy = "auto"`): until JS drops it (FinalizationRegistry).
   */
  createProxy?: "manual" | "auto";
}

export interface RunOptions {
  /** The namespace to run in (a PyProxy of a dict); default `py.globals`. */
  globals?: PyProxy;
  /** The file name tracebacks show (default "<exec>"). */
  filename?: string;
}

/** Options of `toPy` (Pyodide's names). */
export interface ToPyOptions {
  /** How many levels of containers to convert; -1 (the default) converts all of them. */
  depth?: number;
  /**
   * Converts what has no rule (class instances, functions, ...): `convert(x)` converts children
   * with the same options and returns a PyProxy; `cacheConversion(input, output)` (before
   * converting children) lets cycles through `input` resolve to the PyProxy `output`.
   */
  defaultConverter?: (
    value: any,
    convert: (value: any) => any,
    cacheConversion: (input: any, output: PyProxy) => void,
  ) => any;
}

export interface RuntimeStats {
  /** Python objects JavaScript holds (live PyProxies, counting copies). */
  pyproxies: number;
  /** JavaScript objects Python holds (live JsProxy objects). */
  jsproxies: number;
  /** Open file descriptors in the virtual file system. */
  openFiles: number;
}

const encoder = new TextEncoder();

// setImmediate in Node; a MessageChannel in browsers (setTimeout(0) is clamped to 4 ms there).
const runSoon: (fn: () => void) => void = (() => {
  if (typeof setImmediate === "function") return (fn: () => void) => void setImmediate(fn);
  const queue: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn: () => void) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  };
})();

function reportFailure(stderr: (line: string) => void, run: () => void): void {
  try {
    run();
  } catch (e) {
    stderr(String(e));
  }
}

function normalizeFiles(files: LoadPythonOptions["files"]): Array<[string, Uint8Array]> {
  if (!files) return [];
  const entries = Array.isArray(files) ? files.map((f) => [f.path, f.data] as const) : Object.entries(files);
  return entries.map(([path, data]) => [path, typeof data === "string" ? encoder.encode(data) : data]);
}

export class PythonRuntime {
  readonly #core: Core;
  readonly #ctx: ProxyContext;
  #globals: PyProxy | undefined;
  /** The in-memory file system Python's `os` and `open()` use. */
  readonly FS: FileSystem;
  /** This package's version. */
  readonly version: string = "0.1.0";

  constructor(options: LoadPythonOptions) {
    const stdout = options.stdout ?? ((line: string) => console.log(line));
    const stderr = options.stderr ?? ((line: string) => console.warn(line));
    const registry = new FinalizationRegistry<number>((id) => ctx.core.proxy_release(id));
    const ctx = { registry } as ProxyContext;
    const createProxy = options.createProxy ?? "manual";
    if (createProxy !== "manual" && createProxy !== "auto") {
      throw new TypeError(`loadPython: createProxy must be "manual" or "auto", not ${JSON.stringify(createProxy)}`);
    }
    const hooks = {
      newProxy: (id: number, flags: number, borrowed: boolean) => createPyProxy(ctx, id, flags, borrowed),
      markDestroyed,
      stashResult,
      markRoundtrip: (proxy: PyProxy) => void (propsOf(proxy).roundtrip = true),
      captureThis: (proxy: PyCallable) => proxy.captureThis(),
      onceCallable,
      releaseWhenSettled: (promise: PromiseLike<unknown>, proxies: PyProxy[], message: string) => {
        const release = () => {
          for (const p of proxies) if (isPyProxy(p)) (p as PyProxy).destroy({ message });
        };
        Promise.resolve(promise).then(release, release);
      },
      buildJs,
      bufferToJs,
      encodeSession: (converting: boolean) => new EncodeSession(converting),
      encodePy,
      encodeRemember: (session: EncodeSession, value: object) => session.remember(value),
      pythonError: (type: string, message: string) => new PythonError(type, message),
      fsError: (errno: number, code: string, message: string, op: string, path: string) =>
        new FSError(errno, code, message, op, path),
      write: (fd: number, text: string) => (fd === 2 ? stderr : stdout)(text),
      schedule: (callback: PyProxy & (() => void), delayMs: number) => {
        setTimeout(() => {
          try {
            callback();
          } finally {
            callback.destroy();
          }
        }, delayMs);
      },
      // The loop's host turns and promise settlements arrive from the event loop, where nobody
      // could catch a throw: a failure is reported on stderr (as an unhandled task error is).
      requestTurn: () => runSoon(() => reportFailure(stderr, () => ctx.core.loop_turn())),
      awaitPromise: (promise: PromiseLike<unknown>, token: number) => {
        const settled = (fulfilled: boolean) => (value: unknown) =>
          reportFailure(stderr, () => ctx.core.promise_settled(token, fulfilled, value));
        Promise.resolve(promise).then(settled(true), settled(false));
      },
    };
    this.#core = new Core(hooks as any, { ...(options.env ?? {}) }, normalizeFiles(options.files) as any, createProxy === "auto");
    ctx.core = this.#core;
    this.#ctx = ctx;
    this.FS = new FileSystem(this.#core);
  }

  /** Runs Python code; returns the value of its last expression (`undefined` after a statement). */
  runPython(code: string, options: RunOptions = {}): any {
    const globals = options.globals === undefined ? undefined : this.#namespaceId(options.globals);
    return this.#core.run(code, globals, options.filename ?? "<exec>", false);
  }

  /** As `runPython`, with top-level `await` allowed; resolves once the code has finished. */
  async runPythonAsync(code: string, options: RunOptions = {}): Promise<any> {
    const globals = options.globals === undefined ? undefined : this.#namespaceId(options.globals);
    // The core returns a coroutine that runs the code; it settles like any awaitable.
    const running = this.#core.run(code, globals, options.filename ?? "<exec>", true) as PyProxy;
    try {
      return await settle(this.#core, running);
    } finally {
      running.destroy();
    }
  }

  #namespaceId(globals: PyProxy): number {
    if (!isPyProxy(globals)) throw new TypeError("globals must be a PyProxy of a dict (e.g. py.globals or py.toPy({}))");
    return proxyId(globals);
  }

  /** `__main__`'s namespace as a PyDict (get, set, has, delete). */
  get globals(): any {
    this.#globals ??= this.#core.globals();
    return this.#globals;
  }

  /**
   * Deep conversion into Python: Array to list, Map and plain objects to dict, Set to set, typed
   * arrays to memoryview copies (`depth` levels; -1: all). Returns a PyProxy of the result;
   * primitives, PyProxies and objects that would only be wrapped (class instances) come back
   * unchanged. `defaultConverter(value, convert, cacheConversion)` handles what has no rule.
   */
  toPy(obj: unknown, options: ToPyOptions = {}): any {
    if (options === null || typeof options !== "object") throw new TypeError("toPy: options must be an object");
    const { depth = -1, defaultConverter } = options;
    if (!Number.isInteger(depth)) throw new TypeError("toPy: depth must be an integer (-1 for no limit)");
    if (defaultConverter !== undefined && typeof defaultConverter !== "function") {
      throw new TypeError("toPy: defaultConverter must be a function");
    }
    if ((typeof obj !== "object" && typeof obj !== "function") || obj === null || isPyProxy(obj)) return obj;
    return this.#core.to_py(obj, depth, defaultConverter);
  }

  /** Imports a Python module and returns it as a PyProxy. */
  pyimport(name: string): any {
    return this.#core.pyimport(name);
  }

  /** Makes `object` importable from Python as `import name`. */
  registerJsModule(name: string, object: object): void {
    this.#core.call_boot("register_js_module", [name, object]);
  }

  /** Removes a module added by `registerJsModule`. */
  unregisterJsModule(name: string): void {
    this.#core.call_boot("unregister_js_module", [name]);
  }

  /** Live counts of both proxy tables, for finding leaks. */
  stats(): RuntimeStats {
    return this.#core.stats() as RuntimeStats;
  }
}

/** Starts a Python runtime (the wasm module is loaded once and shared). */
export async function loadPython(options: LoadPythonOptions = {}): Promise<PythonRuntime> {
  await loadCore(options.wasmUrl, options.stdlibUrl);
  return new PythonRuntime(options);
}
