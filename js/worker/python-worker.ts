// The main thread's half: starts a worker with the compiled core, lends main-thread objects to
// it by reference (answering its synchronous requests), calls into it, and keeps both sides'
// reference counts straight.

import { argumentError, checkOptionalBoolean, checkOptionalFunction, checkOptionalString, checkOptions, isRecord, isUrlLike } from "../runtime/check-args.js";
import { PythonError } from "../crossing/errors.js";
import { resolveUserUrl } from "../runtime/host.js";
import { compileCore } from "../runtime/loader.js";
import { progressReporter, type ProgressCallback } from "../runtime/load-progress.js";
import { loadOptionSource, type StdinResult, type StdinSource } from "../runtime/stdin.js";
import { importJsModules, type PyScriptConfig } from "../runtime/pyscript-config.js";
import { checkLoadOptions, type UrlLike } from "../runtime/runtime.js";
import type { LoadPythonOptions } from "../wasm/options.js";
import { createSharedSlot, MainSlot, RequestSlot, type Port } from "./channel.js";
import { errorData, Reader, Shape, Tag, Writer, WriterPool, type ErrorData, type Ref, type RefPolicy } from "./codec.js";
import { HeldTable, RemoteCache } from "./held-table.js";
import { CallKind, DEADLOCK_WARNING_MS, Op, ToMain, ToWorker, type WorkerInit } from "./protocol.js";
import { remoteFlagsOf } from "./main-flags.js";
import { hostReady, hostReleased, startHost, type HostWorker } from "./host-worker.js";

/**
 * `loadPython`'s options (the worker's Python prints through `stdout`, reads through `stdin`
 * synchronously; `wasmUrl`/`stdlibUrl` are compiled once per page and `onProgress` sees the first
 * worker's fetch and compile) but the page-only `target` and `eventTarget`, and these.
 */
export interface LoadPythonWorkerOptions extends Omit<LoadPythonOptions, "target" | "eventTarget"> {
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
  /**
   * Whether `interrupt()` can stop running Python (default true). The worker's runtime then
   * checks an interrupt buffer, which makes pure-Python loops several times slower
   * (docs/workers.md); `false` runs them at full speed, and `interrupt()` then only ends a wait
   * on the main thread.
   */
  interruptible?: boolean;
  /** Main-thread functions the worker can call through `sync` from its first line. */
  sync?: Record<string, (...args: any[]) => unknown>;
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

const KNOWN_OPTIONS = new Set([
  "code", "url", "name", "syncMainOnly", "interruptible", "sync", "stdout", "stderr", "stdin", "env", "files", "createProxy", "config",
  "debug", "wasmUrl", "stdlibUrl", "onProgress",
]);

const NO_SHARED_MEMORY =
  "loadPythonWorker: this page has no SharedArrayBuffer, which a worker needs to reach the main thread synchronously. " +
  "Serve the page with the headers 'Cross-Origin-Opener-Policy: same-origin' and 'Cross-Origin-Embedder-Policy: require-corp' " +
  "(crossOriginIsolated is then true), or pass syncMainOnly: true for main -> worker calls only.";

/** Named workers, for `pyscript.workers[name]`: the worker, or those waiting for it. */
const named = new Map<string, { worker?: PythonWorker; waiting: ((sync: WorkerSync) => void)[] }>();

/** A promise of the `sync` of the worker named `name`, once it is ready (it may start later). */
export function namedWorker(name: string): Promise<WorkerSync> {
  let entry = named.get(name);
  if (entry === undefined) named.set(name, (entry = { waiting: [] }));
  const worker = entry.worker;
  if (worker !== undefined) return worker.ready.then((w) => w.sync);
  return new Promise((resolve) => entry.waiting.push(resolve));
}

function checkWorkerOptions(method: string, options: unknown): LoadPythonWorkerOptions {
  const o = checkOptions<LoadPythonWorkerOptions>(method, "options", options);
  for (const key of Object.keys(o)) {
    if (!KNOWN_OPTIONS.has(key)) throw new TypeError(`${method}: unknown option ${JSON.stringify(key)}`);
  }
  checkOptionalString(method, "code", o.code);
  if (o.url !== undefined && !isUrlLike(o.url)) throw argumentError(method, "url", "a string or URL", o.url);
  if (o.code !== undefined && o.url !== undefined) throw new TypeError(`${method}: give code or url, not both`);
  checkOptionalString(method, "name", o.name);
  checkOptionalBoolean(method, "syncMainOnly", o.syncMainOnly);
  checkOptionalBoolean(method, "interruptible", o.interruptible);
  if (o.sync !== undefined) {
    if (!isRecord(o.sync)) throw argumentError(method, "sync", "an object of functions", o.sync);
    for (const [name, f] of Object.entries(o.sync)) checkOptionalFunction(method, `sync.${name}`, f);
  }
  // What it shares with loadPython is checked as loadPython checks it.
  checkLoadOptions(o, method);
  return o as LoadPythonWorkerOptions;
}

/**
 * Starts Python in a worker (a Web Worker in browsers, a `worker_threads` Worker in Node);
 * resolves once it has booted and run its start-up `code` (or `url`). The core is compiled once
 * per page and handed to each worker.
 */
export function loadPythonWorker(options: LoadPythonWorkerOptions = {}): Promise<PythonWorker> {
  try {
    return startWorker("loadPythonWorker", options).ready;
  } catch (e) {
    return Promise.reject(e);
  }
}

/** PyScript's JS `PyWorker(url, options)`: `loadPythonWorker({ ...options, url })`. */
export function PyWorker(url: UrlLike, options: Omit<LoadPythonWorkerOptions, "url" | "code"> & { type?: string } = {}): Promise<PythonWorker> {
  try {
    if (!isUrlLike(url)) throw argumentError("PyWorker", "url", "a string or URL", url);
    const o = checkOptions<LoadPythonWorkerOptions>("PyWorker", "options", options);
    return startWorker("PyWorker", { ...fromPyScriptOptions(o), url }).ready;
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Python's `pyscript.PyWorker(url, **options)`: the worker at once, not yet ready. @internal */
export function pyWorkerFromPython(url: unknown, options: unknown): PythonWorker {
  if (!isUrlLike(url)) throw argumentError("PyWorker", "url", "a string or URL", url);
  const o = options === undefined || options === null ? {} : checkOptions<LoadPythonWorkerOptions>("PyWorker", "options", options);
  return startWorker("PyWorker", { ...fromPyScriptOptions(o), url });
}

// `pyscript.PyWorker` and `pyscript.workers` on the main thread reach the worker API here
// (rust/python/pyscript/_host.py), under a registered symbol: nothing crosses into Python until
// they are used, and a runtime's start makes no JsProxy.
const WORKER_API = Symbol.for("@pkg/ffi.workers");

/**
 * Puts the worker API where the main thread's Python finds it (once per realm). `loadPython`
 * (js/index.ts) calls it, so that runtime/ need not import worker/. @internal
 */
export function exposeWorkersToPython(): void {
  if (!(WORKER_API in globalThis)) {
    Object.defineProperty(globalThis, WORKER_API, { value: { PyWorker: pyWorkerFromPython, named: namedWorker }, configurable: true });
  }
}

/** PyScript's option names (`config.sync_main_only`, a `type` naming the interpreter) mapped to ours. */
function fromPyScriptOptions(o: Record<string, unknown>): LoadPythonWorkerOptions {
  const { type: _type, config, ...rest } = o;
  const result: Record<string, unknown> = { ...rest };
  if (config !== undefined) {
    result.config = config;
    if (isRecord(config) && config.sync_main_only === true && result.syncMainOnly === undefined) result.syncMainOnly = true;
  }
  return result as LoadPythonWorkerOptions;
}

/** Starts a worker and returns it at once (Python's `PyWorker` needs it before it is ready). */
export function startWorker(method: string, options: unknown): PythonWorker {
  const o = checkWorkerOptions(method, options);
  const shared = o.syncMainOnly ? undefined : createSharedSlot();
  if (shared === undefined && !o.syncMainOnly) throw new Error(NO_SHARED_MEMORY);
  return new PythonWorker(o, shared);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  label: string;
}

export class PythonWorker {
  /** The worker's exports (call them; each returns a Promise) and the functions main gives it. */
  readonly sync: WorkerSync;
  /** Resolves once the worker has booted and run its start-up code. */
  readonly ready: Promise<PythonWorker>;
  /** The name given at start, if any. */
  readonly name: string | undefined;

  readonly #options: LoadPythonWorkerOptions;
  readonly #slot: MainSlot;
  readonly #held = new HeldTable();
  readonly #remotes: RemoteCache<(...args: unknown[]) => Promise<unknown>>;
  readonly #wrappers = new WeakMap<object, Ref>();
  readonly #pending = new Map<number, Pending>();
  readonly #mainSync = new Map<string, (...args: unknown[]) => unknown>();
  readonly #stdin: StdinSource;
  readonly #policy: RefPolicy;
  readonly #writers: WriterPool;
  #host: HostWorker | undefined;
  #early: { message: unknown; transfer?: Transferable[] }[] = [];
  #exports: string[] = [];
  #lastCall = 0;
  #lastPromise = 0;
  #failure: Error | undefined;
  /** Whether this worker counts among the threads' users (host-worker.ts keeps a spare for them). */
  #holdsThread = false;
  #requestListener: { stop(): void } | undefined;
  /** The worker's synchronous requests in progress, for the deadlock warning. */
  readonly #requests = new Map<number, string>();

  /** @internal Use `loadPythonWorker`. */
  constructor(options: LoadPythonWorkerOptions, shared: SharedArrayBuffer | undefined) {
    this.#options = options;
    this.name = options.name;
    this.#stdin = loadOptionSource(options.stdin);
    const port: Port = {
      postMessage: (message, transfer) => {
        if (this.#host === undefined) this.#early.push({ message, transfer });
        else this.#host.postMessage(message, transfer);
      },
    };
    this.#slot = new MainSlot(port, shared);
    // The worker's `window`: the first reference, pinned (js/worker/worker-side.ts knows it).
    // The second, `js_modules.main`, is pinned once imported (#start).
    this.#held.pin(globalThis);
    this.#remotes = new RemoteCache(() => this.#flushReleases());
    this.#policy = {
      writeObject: (w, v) => this.#writeObject(w, v),
      readMainRef: (ref) => {
        const value = this.#held.get(ref);
        if (value === undefined) throw new Error("the worker used a main-thread object that was already released");
        return value;
      },
      readWorkerRef: (ref) => this.#remotes.receive(ref, () => this.#workerFunction(ref)),
      readPromise: () => {
        throw new Error("a worker message is corrupt: the worker sent a promise");
      },
      readError: (e) => toMainError(e),
    };
    this.#writers = new WriterPool(this.#policy);
    for (const [name, f] of Object.entries(options.sync ?? {})) this.#mainSync.set(name, f);
    this.sync = this.#syncProxy();
    this.ready = new Promise<unknown>((resolve, reject) => this.#pending.set(0, { resolve, reject, label: "the worker's start" }))
      .then(() => {
        hostReady();
        return this;
      });
    this.#keepAlive();
    if (this.name !== undefined) {
      const entry = named.get(this.name) ?? { waiting: [] };
      entry.worker = this;
      named.set(this.name, entry);
      void this.ready.then(() => {
        for (const resolve of entry.waiting.splice(0)) resolve(this.sync);
      }, () => {});
    }
    void this.#start(shared).catch((e) => this.#fail(e));
  }

  async #start(shared: SharedArrayBuffer | undefined): Promise<void> {
    const o = this.#options;
    // The thread and its script load while the core is fetched and compiled.
    const host = startHost(this.name, (data) => this.#onMessage(data), (e) => this.#fail(e));
    this.#holdsThread = true;
    const [{ module, stdlib }, mainModules] = await Promise.all([
      compileCore(o.wasmUrl, o.stdlibUrl, progressReporter(o.onProgress)),
      // PyScript's js_modules.main: imported here, reached from the worker through main.
      importJsModules(o.config, "main"),
    ]).catch(async (e) => {
      (await host.catch(() => undefined))?.terminate();
      throw e;
    });
    this.#host = await host;
    if (this.#failure !== undefined) {
      this.#host.terminate();
      return;
    }
    this.#held.pin(mainModules ?? {});
    // Requests through shared memory where this thread can listen to it without blocking.
    const requests = shared !== undefined && RequestSlot.supported() ? createSharedSlot() : undefined;
    if (requests !== undefined) this.#requestListener = new RequestSlot(requests).listen((bytes) => this.#onMessage(bytes));
    const init: WorkerInit = {
      type: "pkg-ffi:init",
      module,
      stdlib,
      shared,
      requests,
      code: o.code,
      url: o.url === undefined ? undefined : resolveUserUrl(o.url).href,
      env: o.env,
      files: o.files,
      createProxy: o.createProxy ?? "manual",
      config: o.config,
      debug: o.debug === true,
      mainHasDocument: typeof document !== "undefined",
      name: o.name,
      syncMainOnly: o.syncMainOnly === true,
      interruptible: o.interruptible !== false,
    };
    this.#host.postMessage(init);
    for (const { message, transfer } of this.#early.splice(0)) this.#host.postMessage(message, transfer);
    this.#keepAlive();
  }

  /** Runs Python code in the worker; resolves to its last expression's value, converted. */
  runPython(code: string): Promise<any> {
    return this.#runCode("runPython", code, false);
  }

  /** As `runPython`, with top-level `await` allowed. */
  runPythonAsync(code: string): Promise<any> {
    return this.#runCode("runPythonAsync", code, true);
  }

  #runCode(method: string, code: unknown, asynchronous: boolean): Promise<any> {
    if (typeof code !== "string") return Promise.reject(argumentError(method, "code", "a string", code));
    return this.#call(CallKind.Run, `worker.${method}(...)`, (w) => {
      w.string(code);
      w.u8(asynchronous ? 1 : 0);
    });
  }

  /** Both sides' live references across this worker's boundary. */
  async stats(): Promise<WorkerStats> {
    const worker = (await this.#call(CallKind.Stats, "worker.stats()", () => {})) as Record<string, unknown>;
    return {
      // The two pinned objects (globalThis, js_modules.main) are not counted.
      main: { objectsLent: this.#held.size - 2, workerFunctions: this.#remotes.size },
      worker,
    };
  }

  /**
   * Raises KeyboardInterrupt in the worker's running Python (a busy loop stops; a wait for the
   * main thread is abandoned). Needs shared memory (not with `syncMainOnly`); with
   * `interruptible: false`, only a wait for the main thread is ended.
   */
  interrupt(): void {
    if (!this.#slot.shared) throw new Error("PythonWorker.interrupt: a worker started with syncMainOnly cannot be interrupted (it has no shared memory)");
    this.#slot.interrupt(2);
  }

  /** Stops the worker: pending calls reject, references are released. */
  terminate(): void {
    this.#fail(new Error("the worker was terminated"));
  }

  #fail(e: unknown): void {
    if (this.#failure !== undefined) return;
    const error = e instanceof Error ? e : new Error(String(e));
    this.#failure = error;
    this.#host?.terminate();
    if (this.#holdsThread) hostReleased();
    this.#holdsThread = false;
    this.#requestListener?.stop();
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    this.#held.clear();
    this.#remotes.clear();
    if (this.name !== undefined && named.get(this.name)?.worker === this) named.delete(this.name);
    this.#keepAlive();
  }

  /** Node: the worker keeps the process alive only while calls into it are pending. */
  #keepAlive(): void {
    this.#host?.keepAlive(this.#pending.size > 0 && this.#failure === undefined);
  }

  // --- main -> worker ----------------------------------------------------------------------

  #call(kind: CallKind, label: string, write: (w: Writer) => void): Promise<any> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = ++this.#lastCall;
    const result = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject, label }));
    try {
      this.#writers.message(
        (w) => {
          w.u8(ToWorker.Call);
          w.u32(id);
          w.u8(kind);
          write(w);
        },
        (bytes) => this.#send(bytes),
      );
    } catch (e) {
      this.#pending.delete(id);
      return Promise.reject(e);
    }
    this.#keepAlive();
    return result;
  }

  #send(bytes: Uint8Array, answers?: number): void {
    this.#flushReleases();
    this.#slot.send(bytes, answers);
  }

  #workerFunction(ref: Ref): (...args: unknown[]) => Promise<unknown> {
    const worker = this;
    const f = function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const result = worker.#call(CallKind.Ref, "a worker function", (w) => {
        w.ref(Tag.WorkerRef, ref, Shape.Function);
        w.value(undefined);
        w.copy(args);
      });
      // Callers such as event dispatch drop the promise: the worker reports its own errors.
      result.catch(() => {});
      return result;
    };
    this.#wrappers.set(f, ref);
    return f;
  }

  #flushReleases(): void {
    if (!this.#remotes.releasing || this.#failure !== undefined) return;
    this.#writers.message(
      (w) => {
        w.u8(ToWorker.Release);
        this.#remotes.writeReleases(w);
      },
      (bytes) => this.#slot.send(bytes),
    );
  }

  #writeObject(w: Writer, v: object): boolean {
    const ref = this.#wrappers.get(v);
    if (ref !== undefined) {
      w.ref(Tag.WorkerRef, ref, Shape.Function);
      return true;
    }
    if (v instanceof Promise) {
      const id = ++this.#lastPromise;
      w.u8(Tag.Promise);
      w.u32(id);
      const settle = (ok: boolean) => (value: unknown) => this.#settle(id, ok, value);
      v.then(settle(true), settle(false));
      return true;
    }
    const shape = typeof v === "function" ? Shape.Function : Array.isArray(v) ? Shape.Array : Shape.Object;
    w.ref(Tag.MainRef, this.#held.send(v), shape, remoteFlagsOf(v));
    return true;
  }

  #settle(id: number, ok: boolean, value: unknown): void {
    this.#reply(ToWorker.Settle, id, ok, (w) => w.value(value));
  }

  /**
   * Sends `tag id ok payload` (an answer, or a promise's settlement); a payload that cannot be
   * encoded is sent as a failure instead. `answers` is the request an answer ends.
   */
  #reply(tag: ToWorker, id: number, ok: boolean, payload: (w: Writer) => void, answers?: number): void {
    if (this.#failure !== undefined) return;
    const send = (fulfilled: boolean, write: (w: Writer) => void) =>
      this.#writers.message(
        (w) => {
          w.u8(tag);
          w.u32(id);
          w.u8(fulfilled ? 1 : 0);
          write(w);
        },
        (bytes) => this.#send(bytes, answers),
      );
    try {
      send(ok, payload);
    } catch (e) {
      send(false, (w) => w.error(errorData(e)));
    }
  }



  // --- worker -> main ----------------------------------------------------------------------

  #onMessage(data: unknown): void {
    if (!(data instanceof Uint8Array) || this.#failure !== undefined) return;
    const r = new Reader(data, this.#policy);
    switch (r.u8() as ToMain) {
      case ToMain.Request:
        return this.#onRequest(r);
      case ToMain.Result: {
        const id = r.u32();
        const ok = r.u8() === 1;
        let value: unknown;
        let decoded = true;
        try {
          value = r.value();
        } catch (e) {
          value = e;
          decoded = false;
        }
        // A failed start fails the worker: every call waiting on it rejects with the same error.
        if (id === 0 && !(ok && decoded)) {
          this.#fail(value);
          return;
        }
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        if (ok && decoded) pending?.resolve(value);
        else pending?.reject(value);
        this.#keepAlive();
        return;
      }
      case ToMain.Output: {
        const fd = r.u8();
        const text = r.string();
        const write = fd === 2 ? this.#options.stderr ?? ((line: string) => console.warn(line)) : this.#options.stdout ?? ((line: string) => console.log(line));
        write(text);
        return;
      }
      case ToMain.Release:
        return this.#held.releaseFrom(r);
      case ToMain.Abandon: {
        const id = r.u32();
        this.#requests.delete(id);
        this.#slot.abandon(id);
        return;
      }
      case ToMain.Exports: {
        const n = r.u32();
        const names: string[] = [];
        for (let i = 0; i < n; i++) names.push(r.string());
        this.#exports = names;
        return;
      }
    }
  }

  #onRequest(r: Reader): void {
    const id = r.u32();
    const op = r.u8() as Op;
    if (!this.#slot.blocked(id)) return;
    let result: unknown;
    let label = "a main-thread operation";
    try {
      [result, label] = this.#perform(op, r);
    } catch (e) {
      this.#answer(id, false, e);
      return;
    }
    if (op === Op.Sync && result !== null && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
      this.#requests.set(id, label);
      const timer = setTimeout(() => this.#warnDeadlock(id), DEADLOCK_WARNING_MS);
      const done = (ok: boolean) => (value: unknown) => {
        clearTimeout(timer);
        this.#requests.delete(id);
        this.#answer(id, ok, value);
      };
      (result as PromiseLike<unknown>).then(done(true), done(false));
    } else {
      this.#answer(id, true, result);
    }
  }

  #perform(op: Op, r: Reader): [unknown, string] {
    switch (op) {
      case Op.Get: {
        const target = r.value() as object;
        const key = r.value() as PropertyKey;
        return [Reflect.get(target, key), `reading ${String(key)}`];
      }
      case Op.Set: {
        const target = r.value() as object;
        const key = r.value() as PropertyKey;
        Reflect.set(target, key, r.value());
        return [undefined, ""];
      }
      case Op.Has: {
        const target = r.value() as object;
        return [Reflect.has(target, r.value() as PropertyKey), ""];
      }
      case Op.Delete: {
        const target = r.value() as object;
        return [Reflect.deleteProperty(target, r.value() as PropertyKey), ""];
      }
      case Op.Keys:
        return [Object.keys(r.value() as object), ""];
      case Op.Apply: {
        const f = r.value() as (...args: unknown[]) => unknown;
        const thisArg = r.value();
        return [Reflect.apply(f, thisArg, r.value() as unknown[]), ""];
      }
      case Op.Construct: {
        const f = r.value() as new (...args: unknown[]) => unknown;
        return [Reflect.construct(f, r.value() as unknown[]), ""];
      }
      case Op.Sync: {
        const name = r.string();
        const args = r.value() as unknown[];
        const f = this.#mainSync.get(name);
        if (f === undefined) {
          throw new TypeError(`the main thread gave the worker no sync.${name}: set worker.sync.${name} = function on the main thread (or pass it in loadPythonWorker's sync option)`);
        }
        return [f(...args), `sync.${name}()`];
      }
      case Op.Stdin:
        return [this.#stdin.read(), "input()"];
      default:
        throw new Error(`a worker message is corrupt: unknown request ${op}`);
    }
  }

  #answer(id: number, ok: boolean, value: unknown): void {
    this.#reply(ToWorker.Answer, id, ok, (w) => (ok ? w.value(value) : w.error(errorData(value))), id);
  }


  #warnDeadlock(id: number): void {
    const request = this.#requests.get(id);
    if (request === undefined) return;
    const awaited = [...this.#pending.entries()].filter(([callId]) => callId !== 0).map(([, p]) => p.label);
    if (awaited.length === 0) return;
    console.warn(
      `💀🔒 - Possible deadlock: the worker has waited ${DEADLOCK_WARNING_MS / 1000} s for ${request} on the main thread, ` +
        `which is awaiting ${awaited.join(", ")}. An async worker function cannot finish while its worker waits: ` +
        `do not await it inside ${request}, schedule it instead.`,
    );
  }

  #syncProxy(): WorkerSync {
    const callers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    return new Proxy(Object.create(null) as WorkerSync, {
      get: (_t, name) => {
        // Awaiting the object itself must not hang.
        if (typeof name !== "string" || name === "then") return undefined;
        const own = this.#mainSync.get(name);
        if (own !== undefined) return own;
        let caller = callers.get(name);
        if (caller === undefined) {
          caller = (...args: unknown[]) =>
            this.#call(CallKind.Export, `worker.sync.${name}()`, (w) => {
              w.string(name);
              w.copy(args);
            });
          callers.set(name, caller);
        }
        return caller;
      },
      set: (_t, name, value) => {
        if (typeof name !== "string") return false;
        if (typeof value !== "function") throw new TypeError(`worker.sync.${name} must be a function, not ${value === null ? "null" : typeof value}`);
        this.#mainSync.set(name, value as (...args: unknown[]) => unknown);
        return true;
      },
      deleteProperty: (_t, name) => typeof name === "string" && this.#mainSync.delete(name),
      has: (_t, name) => typeof name === "string" && (this.#mainSync.has(name) || this.#exports.includes(name)),
      ownKeys: () => [...new Set([...this.#exports, ...this.#mainSync.keys()])],
      getOwnPropertyDescriptor: (_t, name) =>
        typeof name === "string" && (this.#mainSync.has(name) || this.#exports.includes(name))
          ? { value: this.#mainSync.get(name) ?? callers.get(name), writable: true, enumerable: true, configurable: true }
          : undefined,
    });
  }
}

/** An error the worker sent, as main sees it: a PythonError for Python exceptions. */
function toMainError(e: ErrorData): Error {
  const error = e.pythonType !== undefined ? new PythonError(e.pythonType, e.message) : new Error(e.message);
  if (e.pythonType === undefined) Object.defineProperty(error, "name", { value: e.name, configurable: true, writable: true });
  if (e.stack) Object.defineProperty(error, "stack", { value: e.stack, configurable: true, writable: true });
  return error;
}
