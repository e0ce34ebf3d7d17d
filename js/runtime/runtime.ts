// The runtime object `loadPython` returns: Pyodide's names over one core `Core`.

import { stashResult } from "../crossing/call-result.js";
import {
  argumentError, checkObject, checkOneOf, checkOptionalFunction, checkOptionalString, checkOptions, checkString,
  describeValue, isFileData, isRecord, isUrlLike,
} from "./check-args.js";
import { FSError, PythonError } from "../crossing/errors.js";
import { FileSystem } from "./fs.js";
import { loadCore } from "./loader.js";
import { isEventTarget, Lifecycle, type LifecycleEventTarget } from "./lifecycle.js";
import { checkConfig, loadConfig, type LoadedConfig, type PyScriptConfig } from "./pyscript-config.js";
import { checkNodeVersion } from "./host.js";
import { progressReporter, type LoadProgress, type ProgressCallback } from "./load-progress.js";
import { loadOptionSource, stdinSource, type StdinOptions, type StdinResult, type StdinSource } from "./stdin.js";
import { stackFrames } from "./stack-probe.js";
import { createPyProxy, isPyProxy, markDestroyed, proxyId, type ProxyContext } from "../pyproxy/pyproxy.js";
import { attrCacheGet, attrCacheSet } from "../pyproxy/pyproxy-handler.js";
import type { PyCallable, PyDict, PyProxy } from "../pyproxy/pyproxy-classes.js";
import { settle } from "../crossing/settle.js";
import { onceCallable } from "../pyproxy/once-callable.js";
import { bufferToJs } from "../pyproxy/pybuffer.js";
import { buildJs } from "../convert/to-js-build.js";
import { EncodeSession, encodePy } from "../convert/to-py-encode.js";
import type { LiveProxy } from "../pyproxy/debug.js";
import { propsOf, stateOf } from "../pyproxy/proxy-state.js";
import { BootEntry, Core, ModuleEntry, type CoreHooks, type CoreOptions } from "../wasm/core.js";
import type { LoadPythonOptions, ToPyOptions } from "../wasm/options.js";

/**
 * A URL: a string, or an instance of the URL class where the consumer's libraries declare one
 * (the DOM lib, @types/node). Written so that these types compile with `lib: ["es2022"]` alone.
 */
export type UrlLike = string | (typeof globalThis extends { URL: { prototype: infer U } } ? U : never);

/** Options of `loadPython` and of `toPy`: declared in rust/src (runtime/options.rs, convert/options.rs). */
export type { LoadPythonOptions, ToPyOptions };

/** Options of `unpackArchive` (Pyodide's). */
export interface UnpackArchiveOptions {
  /** The folder to unpack into (default: the working directory, /home/user). */
  extractDir?: string;
}

export interface RunOptions {
  /** The namespace to run in (a PyProxy of a dict); default `py.globals`. */
  globals?: PyProxy;
  /** The local namespace (a PyProxy of a mapping); default the same as `globals`. */
  locals?: PyProxy;
  /** The file name tracebacks show (default "<exec>"). */
  filename?: string;
}

export interface RuntimeStats {
  /** Python objects JavaScript holds (live PyProxies, counting copies). */
  pyproxies: number;
  /** JavaScript objects Python holds (live JsProxy objects). */
  jsproxies: number;
  /** Open file descriptors in the virtual file system. */
  openFiles: number;
  /** In debug mode: each live PyProxy made since debugging was turned on, and where. */
  live?: LiveProxy[];
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

/**
 * Checks `loadPython`'s options (before anything is loaded); returns them as an object. Keys
 * this version does not know are left alone (other versions and Pyodide have more). `m` names
 * the method in messages (`loadPythonWorker` checks its load options here too). @internal
 */
export function checkLoadOptions(options: unknown, m = "loadPython"): LoadPythonOptions {
  const o = checkOptions<LoadPythonOptions>(m, "options", options) as LoadPythonOptions;
  checkOptionalFunction(m, "stdout", o.stdout);
  checkOptionalFunction(m, "stderr", o.stderr);
  checkOptionalFunction(m, "stdin", o.stdin);
  checkOptionalFunction(m, "onProgress", o.onProgress);
  if (o.env !== undefined) {
    if (!isRecord(o.env)) throw argumentError(m, "env", "an object of strings", o.env);
    for (const [key, value] of Object.entries(o.env)) {
      if (typeof value !== "string") throw argumentError(m, `env[${JSON.stringify(key)}]`, "a string", value);
    }
  }
  fileEntries(o.files, m);
  for (const key of ["wasmUrl", "stdlibUrl"] as const) {
    const url = o[key];
    if (url === undefined) continue;
    if (!isUrlLike(url)) throw argumentError(m, key, "a string or a URL", url);
    if (String(url) === "") throw argumentError(m, key, "a URL or a path to the file", url);
  }
  checkOneOf(m, "createProxy", o.createProxy, ["manual", "auto"]);
  if (o.debug !== undefined && typeof o.debug !== "boolean") throw argumentError(m, "debug", "a boolean", o.debug);
  checkConfig(o.config);
  if (o.target !== undefined && typeof o.target !== "string" && (typeof o.target !== "object" || o.target === null)) {
    throw argumentError(m, "target", "an element or an element's id", o.target);
  }
  if (o.eventTarget !== undefined && !isEventTarget(o.eventTarget)) {
    throw argumentError(m, "eventTarget", "an EventTarget", o.eventTarget);
  }
  return o;
}

/** `files` as `[path, content]` pairs; a TypeError names the first bad entry. */
function fileEntries(files: unknown, m = "loadPython"): Array<[string, string | Uint8Array]> {
  if (files === undefined) return [];
  let entries: Array<[string, unknown, string]>;
  if (Array.isArray(files)) {
    entries = files.map((f: unknown, i) => {
      if (!isRecord(f)) throw argumentError(m, `files[${i}]`, "an object { path, data }", f);
      return [checkString(m, `files[${i}].path`, f.path), f.data, `files[${i}].data`];
    });
  } else if (isRecord(files)) {
    entries = Object.entries(files).map(([path, data]) => [path, data, `files[${JSON.stringify(path)}]`]);
  } else {
    throw argumentError(m, "files", "an object (path -> content) or an array of { path, data }", files);
  }
  return entries.map(([path, data, name]) => {
    if (!isFileData(data)) throw argumentError(m, name, "a string or a Uint8Array", data);
    return [path, data];
  });
}

function normalizeFiles(files: unknown): CoreOptions["files"] {
  return fileEntries(files).map(([path, data]) => ({ path, data: typeof data === "string" ? encoder.encode(data) : data }));
}

/** The element with id `id` ("#" optional) in the page; an Error names a missing one. */
function elementById(id: string): unknown {
  const document = (globalThis as { document?: { getElementById(id: string): unknown } }).document;
  if (document === undefined) throw new TypeError("loadPython: target can be an element's id only where there is a document");
  const element = document.getElementById(id.startsWith("#") ? id.slice(1) : id);
  if (element === null) throw new Error(`loadPython: target: there is no element with id ${JSON.stringify(id)} in the page`);
  return element;
}

/** The registry id in `py.*`'s `globals` option: a live PyProxy of this runtime. */
function namespaceId(method: string, ctx: ProxyContext, globals: unknown, option = "globals"): number {
  const expected = "a PyProxy of a dict (e.g. py.globals or py.toPy({}))";
  if (!isPyProxy(globals)) throw argumentError(method, option, expected, globals);
  if (stateOf(globals as object).ctx !== ctx) throw new TypeError(`${method}: ${option} is a PyProxy of another Python runtime`);
  return proxyId(globals as PyProxy);
}

/** `PythonRuntime`'s start-up step, reachable from `loadPython` only. */
let startRuntime: (runtime: PythonRuntime, loaded: LoadedConfig | undefined) => void;

export class PythonRuntime {
  static {
    startRuntime = (runtime, loaded) => runtime.#start(loaded);
  }

  readonly #core: Core;
  readonly #ctx: ProxyContext;
  #stdin: StdinSource;
  #globals: PyDict | undefined;
  readonly #lifecycle: Lifecycle;
  /** The default display element (`target`), if any. */
  readonly #target: unknown;
  /** The in-memory file system Python's `os` and `open()` use. */
  readonly FS: FileSystem;
  /** This package's version. */
  readonly version: string = "0.1.0";

  constructor(options: LoadPythonOptions = {}) {
    options = checkLoadOptions(options);
    const stdout = options.stdout ?? ((line: string) => console.log(line));
    const stderr = options.stderr ?? ((line: string) => console.warn(line));
    this.#stdin = loadOptionSource(options.stdin);
    const registry = new FinalizationRegistry<number>((id) => {
      ctx.live?.delete(id);
      ctx.core.proxy_release(id);
    });
    const ctx = { registry, debug: options.debug === true, live: options.debug === true ? new Map() : undefined } as ProxyContext;
    const createProxy = options.createProxy ?? options.config?.experimental_create_proxy ?? "manual";
    const hooks: CoreHooks = {
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
      readStdin: () => this.#stdin.read(),
      attrCacheGet,
      attrCacheSet,
      stdinIsatty: () => this.#stdin.isatty,
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
    const coreOptions: CoreOptions = { env: { ...(options.env ?? {}) }, files: normalizeFiles(options.files), createProxy };
    this.#core = new Core(hooks, coreOptions);
    this.#core.set_stack_budget(stackFrames());
    ctx.core = this.#core;
    this.#ctx = ctx;
    this.FS = new FileSystem(this.#core, (method, buffer, format, extractDir) =>
      this.#unpack(method, buffer, format, extractDir));
    this.#target = typeof options.target === "string" ? elementById(options.target) : options.target;
    this.#lifecycle = Lifecycle.for(options.eventTarget, this.#target);
  }

  /**
   * Runs Python code; returns the value of its last expression (`undefined` after a statement).
   * `T` (default `any`) is what the caller knows the result to be, e.g. `runPython<number>("1 + 1")`.
   */
  runPython<T = any>(code: string, options: RunOptions = {}): T {
    const [globals, filename, locals] = this.#runArguments("runPython", code, options);
    let result: any;
    try {
      result = locals !== undefined
        ? this.#runWithLocals(code, options.globals, filename, false, locals)
        : this.#core.run(code, globals, filename, false);
    } catch (error) {
      this.#lifecycle.dispatch("py:done", { runtime: this, error });
      throw error;
    }
    this.#lifecycle.dispatch("py:done", { runtime: this });
    return result;
  }

  /** As `runPython`, with top-level `await` allowed; resolves once the code has finished. */
  async runPythonAsync<T = any>(code: string, options: RunOptions = {}): Promise<T> {
    const [globals, filename, locals] = this.#runArguments("runPythonAsync", code, options);
    // The core returns a coroutine that runs the code; it settles like any awaitable.
    let running: PyProxy | undefined;
    let result: any;
    try {
      running = (locals !== undefined
        ? this.#runWithLocals(code, options.globals, filename, true, locals)
        : this.#core.run(code, globals, filename, true)) as PyProxy;
      result = await settle(this.#core, running);
    } catch (error) {
      this.#lifecycle.dispatch("py:done", { runtime: this, error });
      throw error;
    } finally {
      running?.destroy();
    }
    this.#lifecycle.dispatch("py:done", { runtime: this });
    return result;
  }

  /**
   * Checks `runPython`'s arguments; returns the namespace's id (if given), the file name and
   * the locals (if given).
   */
  #runArguments(method: string, code: unknown, options: unknown): [number | undefined, string, PyProxy | undefined] {
    checkString(method, "code", code);
    const { globals, locals, filename } = checkOptions<RunOptions>(method, "options", options);
    if (locals !== undefined) namespaceId(method, this.#ctx, locals, "locals");
    return [
      globals === undefined ? undefined : namespaceId(method, this.#ctx, globals),
      checkOptionalString(method, "filename", filename) ?? "<exec>",
      locals,
    ];
  }

  /** `run_code` with a separate locals mapping (the rare case: the core's `run` has none). */
  #runWithLocals(code: string, globals: PyProxy | undefined, filename: string, allowAwait: boolean, locals: PyProxy): any {
    // The boot helper receives the namespaces as the Python objects the proxies stand for.
    return this.#core.call_boot(BootEntry.RunCode, [code, globals ?? this.globals, filename, allowAwait, locals]);
  }

  /**
   * `__main__`'s namespace as a PyDict (get, set, has, delete). As in Pyodide, `get` and `has`
   * fall back to the builtins; anything else is the dict's own.
   */
  get globals(): PyDict {
    if (this.#globals === undefined) {
      const dict = this.#core.globals() as PyProxy & { get(k: unknown): unknown; has(k: unknown): boolean };
      const builtinsModule = this.#core.pyimport("builtins") as any;
      const builtins = builtinsModule.__dict__.copy();
      builtinsModule.destroy();
      // Handed to Python, the wrapper is the dict itself: its id is read through it.
      this.#globals = new Proxy(dict, {
        get(target, key) {
          if (key === "get") {
            return (k: unknown) => {
              const v = target.get(k);
              return v === undefined ? builtins.get(k) : v;
            };
          }
          if (key === "has") return (k: unknown) => target.has(k) || builtins.has(k);
          return Reflect.get(target, key);
        },
      }) as PyDict;
    }
    return this.#globals;
  }

  /**
   * Pyodide's `setStdin`: where `input()` and `sys.stdin` read from from now on. `stdin` is
   * called for each chunk Python needs (see `LoadPythonOptions.stdin`); `error: true` makes
   * reading fail with OSError; `isatty` is what `sys.stdin.isatty()` says. No options: the
   * default again. Text already read but not yet consumed stays buffered in `sys.stdin`.
   */
  setStdin(options: StdinOptions = {}): void {
    this.#stdin = stdinSource("setStdin", options);
  }

  /**
   * Pyodide's debugging switch: on, a destroyed proxy's error says what the object was instead
   * of the hint to call this. Returns the previous setting.
   */
  setDebug(debug: boolean): boolean {
    const previous = !!this.#ctx.debug;
    this.#ctx.debug = !!debug;
    return previous;
  }

  /**
   * Deep conversion into Python: Array to list, Map and plain objects to dict, Set to set, typed
   * arrays to memoryview copies (`depth` levels; -1: all). Returns a PyProxy of the result;
   * primitives, PyProxies and objects that would only be wrapped (class instances) come back
   * unchanged. `defaultConverter(value, convert, cacheConversion)` handles what has no rule.
   */
  toPy<T = any>(obj: unknown, options?: ToPyOptions): T {
    // The core checks the options (a bad one is a TypeError naming it) before the walk starts.
    const depth = options === undefined ? -1 : this.#core.to_py_depth(options);
    const defaultConverter = options?.defaultConverter;
    if ((typeof obj !== "object" && typeof obj !== "function") || obj === null || isPyProxy(obj)) return obj as T;
    // The walk runs here and the core builds its result in one call; a walk that fails is handed
    // over too, so that its error reaches the caller as the core's other errors do.
    const session = new EncodeSession(defaultConverter !== undefined);
    let encoding: unknown;
    let failed = false;
    try {
      encoding = encodePy(session, obj, depth < 0 ? -1 : depth);
    } catch (e) {
      encoding = e;
      failed = true;
    }
    return this.#core.to_py_encoded(session, encoding, failed, defaultConverter);
  }

  /** Imports a Python module and returns it as a PyProxy (`T`, default `any`, says what the caller expects). */
  pyimport<T = any>(name: string): T {
    checkString("pyimport", "name", name);
    return this.#core.pyimport(name);
  }

  /** Makes `object` importable from Python as `import name`. */
  registerJsModule(name: string, object: object): void {
    checkString("registerJsModule", "name", name);
    if (name === "") throw new TypeError("registerJsModule: name must be a non-empty string");
    checkObject("registerJsModule", "object", object);
    this.#core.call_boot(BootEntry.RegisterJsModule, [name, object]);
  }

  /** Removes a module added by `registerJsModule`. */
  unregisterJsModule(name: string): void {
    checkString("unregisterJsModule", "name", name);
    this.#core.call_boot(BootEntry.UnregisterJsModule, [name]);
  }

  /**
   * Pyodide's interrupt buffer: while one is set, running Python code checks element 0 of
   * `buffer` (at loop back edges and function starts); a signal number found there is reset to
   * 0 and that signal's handler runs, so writing 2 (SIGINT) raises KeyboardInterrupt. Meant for
   * a SharedArrayBuffer written from another thread. Python runs slower while a buffer is set
   * (the checks use sys.monitoring); `undefined` removes it.
   */
  setInterruptBuffer(buffer: Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | undefined): void {
    const typed = ArrayBuffer.isView(buffer) && !(buffer instanceof DataView);
    if (buffer !== undefined && !typed) {
      throw argumentError("setInterruptBuffer", "buffer", "a TypedArray (or undefined to remove it)", buffer);
    }
    this.#core.set_interrupt_buffer(buffer);
  }

  /**
   * Pyodide's `unpackArchive`: unpacks a zip, tar, tar.gz, ... archive (`format` is a format
   * name or a file extension: "zip", ".tar.gz", "tgz") into `extractDir` (default: the working
   * directory). A bad archive or format is a PythonError, as in Pyodide.
   */
  unpackArchive(buffer: ArrayBuffer | ArrayBufferView, format: string, options: UnpackArchiveOptions = {}): void {
    const { extractDir } = checkOptions<UnpackArchiveOptions>("unpackArchive", "options", options);
    this.#unpack("unpackArchive", buffer, format, checkOptionalString("unpackArchive", "extractDir", extractDir));
  }

  #unpack(method: string, buffer: unknown, format: unknown, extractDir: string | undefined): void {
    if (!(buffer instanceof ArrayBuffer) && !ArrayBuffer.isView(buffer)) {
      // Pyodide's words for unpackArchive; the method name for FS.unpackArchive.
      throw new TypeError(method === "unpackArchive"
        ? "Expected argument 'buffer' to be an ArrayBuffer or an ArrayBuffer view"
        : `${method}: buffer must be an ArrayBuffer or an ArrayBuffer view, not ${describeValue(buffer)}`);
    }
    checkString(method, "format", format);
    const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this.#core.call_module(ModuleEntry.UnpackArchive, [bytes, format, extractDir]);
  }

  /**
   * Hands PyScript's configuration, what it loaded and the display target to the `pyscript`
   * package, then announces `py:ready`. Called once, by `loadPython`.
   */
  #start(loaded: LoadedConfig | undefined): void {
    if (loaded !== undefined || this.#target !== undefined) {
      this.#core.call_module(ModuleEntry.InstallPyScript, [loaded?.config, this.#target, loaded?.modules]);
    }
    for (const [url, destination, bytes] of loaded?.files ?? []) {
      try {
        this.#core.call_module(ModuleEntry.PlaceFile, [url, destination, bytes]);
      } catch (e) {
        throw new Error(`loadPython: config.files: could not place ${url} at ${JSON.stringify(destination)}: ${(e as Error)?.message ?? e}`, { cause: e });
      }
    }
    this.#lifecycle.dispatch("py:ready", { runtime: this });
  }

  /** Live counts of both proxy tables, for finding leaks. */
  stats(): RuntimeStats {
    const stats = this.#core.stats() as RuntimeStats;
    const live = this.#ctx.live;
    if (live !== undefined) {
      stats.live = [];
      for (const [id, entry] of live) {
        const proxy = entry.proxy.deref();
        if (proxy === undefined || stateOf(proxy).destroyed !== undefined) {
          live.delete(id);
          continue;
        }
        let type = "?";
        try {
          type = this.#core.proxy_type(id);
        } catch {
          // freed by the core meanwhile: listed with an unknown type
        }
        stats.live.push({ type, createdAt: entry.createdAt });
      }
    }
    return stats;
  }
}

/** How a worker's runtime starts differently (js/worker/worker-side.ts). @internal */
export interface WorkerBoot {
  /** Called on the new runtime before anything runs in it (before `pyscript` can be imported). */
  beforeStart(runtime: PythonRuntime): void;
  /** The main thread's `js_modules.main`, as proxies (name -> namespace), if any. */
  mainModules(): Record<string, unknown> | undefined;
}

/** `loadPython` (js/index.ts) without the worker API, or a worker's start when `worker` is given. @internal */
export async function bootPython(options: LoadPythonOptions, worker?: WorkerBoot): Promise<PythonRuntime> {
  checkNodeVersion();
  options = checkLoadOptions(options);
  // Each step goes to onProgress and, as PyScript's `py:progress` event, to the lifecycle target.
  const onProgress = progressReporter(options.onProgress);
  const lifecycle = Lifecycle.for(options.eventTarget, typeof options.target === "string" ? elementById(options.target) : options.target);
  const report = (event: LoadProgress) => {
    onProgress(event);
    lifecycle.dispatch("py:progress", event);
  };
  const [, loaded] = await Promise.all([
    loadCore(options.wasmUrl, options.stdlibUrl, report),
    options.config === undefined ? undefined : loadConfig(options.config, worker === undefined ? "main" : "worker"),
  ]);
  const mainModules = loaded !== undefined ? worker?.mainModules() : undefined;
  if (loaded !== undefined && mainModules !== undefined) loaded.modules = { ...mainModules, ...loaded.modules };
  report({ phase: "boot" });
  const runtime = new PythonRuntime(options);
  worker?.beforeStart(runtime);
  startRuntime(runtime, loaded);
  report({ phase: "ready" });
  return runtime;
}
