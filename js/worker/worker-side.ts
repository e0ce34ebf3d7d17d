// The worker's half: boots a runtime from what the main thread sent, makes the main thread's
// objects usable as JS Proxies (each trap one synchronous request, answered through the shared
// slot), lends worker functions to the main thread by reference, and serves main's calls: from
// its event loop when idle, and from inside its wait loop when blocked in a request.

import { bootPython, type PythonRuntime } from "../runtime/runtime.js";
import { installCompiledCore } from "../runtime/loader.js";
import { isPyProxy } from "../pyproxy/proxy-state.js";
import type { PyProxy } from "../pyproxy/pyproxy-classes.js";
import { fetchBytes, resolveUserUrl } from "../runtime/host.js";
import { postBytes, POKE, RequestSlot, WorkerSlot, type Port } from "./channel.js";
import { errorData, Reader, Shape, Tag, Writer, WriterPool, type ErrorData, type Ref, type RefPolicy } from "./codec.js";
import { HeldTable, RemoteCache } from "./held-table.js";
import { CallKind, Op, ToMain, ToWorker, type WorkerInit } from "./protocol.js";
import { REMOTE_FLAGS, remoteTarget } from "./remote-flags.js";

/** The references main pins first: its `globalThis`, then its `js_modules.main` (name -> namespace). */
const WINDOW_REF: Ref = { id: 0, gen: 1 };
const MAIN_MODULES_REF: Ref = { id: 1, gen: 1 };

const SAB_ERROR =
  "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. " +
  "See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer";

/** A worker's state once `init` arrived. */
class WorkerSide {
  readonly #port: Port;
  readonly #slot: WorkerSlot | undefined;
  /** Where requests go when main listens to shared memory; else they are posted. */
  readonly #requests: RequestSlot | undefined;
  runtime: PythonRuntime | undefined;
  /** Worker objects main holds (Python callables, as PyProxy copies; JS functions). */
  readonly #held = new HeldTable();
  /** Proxies of main-thread objects. */
  readonly #remotes: RemoteCache<object>;
  readonly #refs = new WeakMap<object, { ref: Ref; shape: Shape }>();
  readonly #promises = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  readonly #answers = new Map<number, { ok: boolean; value: unknown }>();
  /** Requests given up on (interrupted) whose answers may still arrive. */
  readonly #abandoned = new Set<number>();
  readonly #exports = new Map<string, unknown>();
  readonly #mainFunctions = new Map<string, (...args: unknown[]) => unknown>();
  #lastRequest = 0;
  booted = false;
  readonly #early: Uint8Array[] = [];
  readonly #policy: RefPolicy;
  readonly #writers: WriterPool;

  constructor(port: Port, shared: SharedArrayBuffer | undefined, requests: SharedArrayBuffer | undefined) {
    this.#port = port;
    this.#slot = shared === undefined ? undefined : new WorkerSlot(shared);
    this.#requests = requests === undefined ? undefined : new RequestSlot(requests);
    this.#remotes = new RemoteCache(() => this.#flushReleases());
    this.#held.onFree((value) => {
      if (isPyProxy(value)) (value as PyProxy).destroy();
    });
    this.#policy = {
      writeObject: (w, v) => this.#writeObject(w, v),
      readMainRef: (ref, shape, flags) => this.#remotes.receive(ref, () => this.#remoteProxy(ref, shape, flags)),
      readWorkerRef: (ref) => {
        const value = this.#held.get(ref);
        if (value === undefined) throw new Error("the main thread used a worker object that was already released");
        return value;
      },
      readPromise: (id) => new Promise((resolve, reject) => this.#promises.set(id, { resolve, reject })),
      readError: (e) => rebuildError(e),
    };
    this.#writers = new WriterPool(this.#policy);
  }

  get port(): Port {
    return this.#port;
  }

  /** The word main writes a signal number into (`setInterruptBuffer`), with shared memory. */
  interruptBuffer(): Int32Array | undefined {
    return this.#slot?.interruptBuffer();
  }

  // --- worker -> main -------------------------------------------------------------------

  #writeObject(w: Writer, v: object): boolean {
    const remote = this.#refs.get(v);
    if (remote !== undefined) {
      w.ref(Tag.MainRef, remote.ref, remote.shape);
      return true;
    }
    if (isPyProxy(v)) {
      const proxy = v as PyProxy;
      if (typeof v === "function") {
        // A borrowed argument is destroyed when its call returns: main holds a copy of its own.
        // The same PyProxy (a create_proxy result) is the same reference, so main sees one
        // function: removeEventListener finds what addEventListener added.
        w.ref(Tag.WorkerRef, this.#held.send(proxy, () => proxy.copy()), Shape.Function);
        return true;
      }
      // Other Python objects arrive converted, dicts as plain objects (as PyScript sends them).
      const converted = proxy.toJs({ dict_converter: Object.fromEntries });
      if (isPyProxy(converted)) {
        throw new TypeError(`a Python ${proxy.type} object cannot be sent to the main thread: send a function, or data that converts to JS (numbers, strings, lists, dicts, bytes)`);
      }
      w.value(converted);
      return true;
    }
    if (typeof v === "function") {
      w.ref(Tag.WorkerRef, this.#held.send(v), Shape.Function);
      return true;
    }
    if (v instanceof Error) {
      w.error(errorData(v));
      return true;
    }
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v) || proto === Object.prototype || proto === null) return false;
    throw new TypeError(`a ${proto?.constructor?.name ?? "JS"} object of the worker cannot be sent to the main thread: only plain data, typed arrays, functions and main-thread objects cross`);
  }

  /** Sends a request and blocks until its answer (serving main's calls meanwhile). */
  request(op: Op, write: (w: Writer) => void): unknown {
    if (this.#slot === undefined) throw new Error(SAB_ERROR);
    const id = ++this.#lastRequest;
    this.#flushReleases();
    this.#writers.message(
      (w) => {
        w.u8(ToMain.Request);
        w.u32(id);
        w.u8(op);
        write(w);
      },
      (bytes) => (this.#requests !== undefined ? this.#requests.write(bytes) : postBytes(this.#port, bytes)),
    );
    return this.#waitFor(id);
  }

  #waitFor(id: number): unknown {
    const slot = this.#slot!;
    for (;;) {
      const answer = this.#answers.get(id);
      if (answer !== undefined) {
        this.#answers.delete(id);
        if (answer.ok) return answer.value;
        throw answer.value;
      }
      const message = slot.peek();
      if (message !== undefined) {
        if (message[0] === ToWorker.Answer) {
          // Read in place (its values are copied out as they are decoded).
          try {
            this.#handle(message);
          } finally {
            slot.release();
          }
        } else {
          // Anything else may run code that waits for main, which needs the slot free.
          const copy = message.slice();
          slot.release();
          this.#handle(copy);
        }
        continue;
      }
      if (slot.interruptSignal !== 0) this.#interruptWait(id);
      slot.wait(1000);
    }
  }

  /**
   * An interrupt while blocked: the request is abandoned (its answer, when it comes, is
   * ignored) and Python gets KeyboardInterrupt, raised by Python so that it crosses back as itself.
   */
  #interruptWait(id: number): never {
    const signal = this.#slot!.interruptSignal;
    this.#slot!.clearInterrupt();
    this.#abandoned.add(id);
    this.#post((w) => {
      w.u8(ToMain.Abandon);
      w.u32(id);
    });
    this.runtime!.runPython(`import signal as _s\n_s.getsignal(${signal})(${signal}, None)`);
    throw new Error("the signal handler returned: the request was abandoned");
  }

  #flushReleases(): void {
    if (!this.#remotes.releasing) return;
    this.#post((w) => {
      w.u8(ToMain.Release);
      this.#remotes.writeReleases(w);
    });
  }

  /** Posts one message to main, written by `write`. */
  #post(write: (w: Writer) => void): void {
    this.#writers.message(write, (bytes) => postBytes(this.#port, bytes));
  }

  output(fd: number, text: string): void {
    this.#post((w) => {
      w.u8(ToMain.Output);
      w.u8(fd);
      w.string(text);
    });
  }

  #announceExports(): void {
    this.#post((w) => {
      w.u8(ToMain.Exports);
      w.u32(this.#exports.size);
      for (const name of this.#exports.keys()) w.string(name);
    });
  }

  // --- main-thread objects as proxies ----------------------------------------------------

  #remoteProxy(ref: Ref, shape: Shape, flags: number): object {
    const side = this;
    const target = remoteTarget(shape);
    let keys: Set<string> | undefined;
    const key = (w: Writer, k: string | symbol) => w.value(k);
    const proxy = new Proxy(target, {
      get(t, k) {
        if (k === REMOTE_FLAGS) return flags;
        if (typeof k === "symbol" && !isWellKnown(k)) return Reflect.get(t, k);
        return side.request(Op.Get, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          key(w, k);
        });
      },
      set(_t, k, value) {
        side.request(Op.Set, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          key(w, k);
          w.value(value);
        });
        return true;
      },
      has(t, k) {
        if (typeof k === "symbol" && !isWellKnown(k)) return Reflect.has(t, k);
        return side.request(Op.Has, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          key(w, k);
        }) as boolean;
      },
      deleteProperty(_t, k) {
        return side.request(Op.Delete, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          key(w, k);
        }) as boolean;
      },
      ownKeys(t) {
        const names = side.request(Op.Keys, (w) => w.ref(Tag.MainRef, ref, shape)) as string[];
        keys = new Set(names);
        // A Proxy must list its target's fixed own keys (an array's "length").
        return [...new Set([...names, ...Reflect.ownKeys(t).filter((k) => !Reflect.getOwnPropertyDescriptor(t, k)!.configurable)])];
      },
      getOwnPropertyDescriptor(t, k) {
        const own = Reflect.getOwnPropertyDescriptor(t, k);
        if (own !== undefined && !own.configurable) return own;
        if (typeof k !== "string" || !keys?.has(k)) return undefined;
        // Enumerable own keys, from the latest ownKeys: what Object.keys and for-in ask.
        return { value: undefined, writable: true, enumerable: true, configurable: true };
      },
      apply(_t, thisArg, args) {
        return side.request(Op.Apply, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          w.value(thisArg);
          w.copy(args);
        });
      },
      construct(_t, args) {
        return side.request(Op.Construct, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          w.copy(args);
        }) as object;
      },
      defineProperty(_t, k, descriptor) {
        side.request(Op.Set, (w) => {
          w.ref(Tag.MainRef, ref, shape);
          key(w, k);
          w.value(descriptor.value);
        });
        return true;
      },
    });
    this.#refs.set(proxy, { ref, shape });
    return proxy;
  }

  /** The main thread's `js_modules.main` (name -> proxy of the namespace), if any. */
  mainModules(): Record<string, unknown> | undefined {
    if (this.#slot === undefined) return undefined;
    const modules = this.#remotes.receive(MAIN_MODULES_REF, () => this.#remoteProxy(MAIN_MODULES_REF, Shape.Object, 0)) as Record<string, unknown>;
    const names = Object.keys(modules);
    return names.length === 0 ? undefined : Object.fromEntries(names.map((name) => [name, modules[name]]));
  }

  /** The main thread's `globalThis`, or undefined without shared memory. */
  window(): object | undefined {
    if (this.#slot === undefined) return undefined;
    return this.#remotes.receive(WINDOW_REF, () => this.#remoteProxy(WINDOW_REF, Shape.Object, 0));
  }

  /** `pyscript.sync` in the worker: names main set are functions to call; names set here are exports. */
  sync(): object {
    return new Proxy(Object.create(null), {
      get: (_t, name) => {
        if (typeof name !== "string" || name === "then") return undefined;
        if (this.#exports.has(name)) return this.#exports.get(name);
        let f = this.#mainFunctions.get(name);
        if (f === undefined) {
          f = (...args: unknown[]) =>
            this.request(Op.Sync, (w) => {
              w.string(name);
              w.copy(args);
            });
          this.#mainFunctions.set(name, f);
        }
        return f;
      },
      set: (_t, name, value) => {
        if (typeof name !== "string") return false;
        this.export(name, value);
        return true;
      },
      deleteProperty: (_t, name) => {
        if (typeof name !== "string") return false;
        this.#unexport(name);
        return true;
      },
      has: (_t, name) => typeof name === "string" && this.#exports.has(name),
      ownKeys: () => [...this.#exports.keys()],
      getOwnPropertyDescriptor: (_t, name) =>
        typeof name === "string" && this.#exports.has(name)
          ? { value: this.#exports.get(name), writable: true, enumerable: true, configurable: true }
          : undefined,
    });
  }

  export(name: string, value: unknown): void {
    this.#unexport(name, false);
    // A PyProxy set from Python is ours to keep; a borrowed one would be destroyed after the call.
    this.#exports.set(name, isPyProxy(value) ? (value as PyProxy).copy() : value);
    this.#announceExports();
  }

  #unexport(name: string, announce = true): void {
    const old = this.#exports.get(name);
    if (old === undefined) return;
    this.#exports.delete(name);
    if (isPyProxy(old)) (old as PyProxy).destroy();
    if (announce) this.#announceExports();
  }

  // --- main -> worker --------------------------------------------------------------------

  /** Handles one message from main. */
  #handle(bytes: Uint8Array): void {
    const r = new Reader(bytes, this.#policy);
    switch (r.u8() as ToWorker) {
      case ToWorker.Answer: {
        const id = r.u32();
        if (this.#abandoned.delete(id)) return;
        const ok = r.u8() === 1;
        let value: unknown;
        try {
          value = r.value();
        } catch (e) {
          this.#answers.set(id, { ok: false, value: e });
          return;
        }
        this.#answers.set(id, { ok, value });
        return;
      }
      case ToWorker.Call:
        // Main may call before the runtime exists: those calls wait for it (not for the
        // start-up code, which may itself wait for main to finish such a call).
        if (!this.booted) {
          this.#early.push(bytes);
          return;
        }
        return this.#call(r);
      case ToWorker.Settle: {
        const id = r.u32();
        const ok = r.u8() === 1;
        const value = r.value();
        const promise = this.#promises.get(id);
        this.#promises.delete(id);
        if (ok) promise?.resolve(value);
        else promise?.reject(value);
        return;
      }
      case ToWorker.Release:
        return this.#held.releaseFrom(r);
    }
  }

  /** The runtime is up (the start-up code is next): calls made before are served now. */
  runtimeReady(): void {
    this.booted = true;
    for (const message of this.#early.splice(0)) this.#handle(message);
    this.drain();
  }

  /** Reads every message waiting in the slot (an idle worker, told by a poke). */
  drain(): void {
    let message;
    while ((message = this.#slot?.take()) !== undefined) this.#handle(message);
  }

  /** A message posted by main (no shared memory). */
  receive(bytes: Uint8Array): void {
    this.#handle(bytes);
  }

  #call(r: Reader): void {
    const id = r.u32();
    const kind = r.u8() as CallKind;
    const failed = (e: unknown) => {
      // Main's callers of a worker callback (event dispatch, timers) drop its promise: the
      // error is reported here, as an exception in a listener would be.
      if (kind === CallKind.Ref) this.output(2, e instanceof Error ? (e.name === "PythonError" ? e.message : String(e.stack ?? e)) : String(e));
      this.reply(id, false, e);
    };
    let result: unknown;
    try {
      result = this.#run(kind, r);
    } catch (e) {
      failed(e);
      return;
    }
    // A Promise, or a PyProxy of an awaitable (an async function's call): its outcome is the answer.
    if (isThenable(result)) {
      Promise.resolve(result).then((v) => this.reply(id, true, v), failed);
    } else {
      this.reply(id, true, result);
    }
  }

  #run(kind: CallKind, r: Reader): unknown {
    const runtime = this.runtime!;
    switch (kind) {
      case CallKind.Export: {
        const name = r.string();
        const args = r.value() as unknown[];
        if (!this.#exports.has(name)) {
          const known = [...this.#exports.keys()];
          throw new Error(
            `the worker exports no "${name}" (${known.length === 0 ? "it exports nothing yet" : `it exports ${known.join(", ")}`}): ` +
              `set sync.${name} = f in the worker, or list it in __export__`,
          );
        }
        const f = this.#exports.get(name);
        if (typeof f !== "function") throw new TypeError(`the worker's sync.${name} is not a function`);
        return f(...args);
      }
      case CallKind.Ref: {
        const target = r.value() as (...a: unknown[]) => unknown;
        const thisArg = r.value();
        const args = r.value() as unknown[];
        return Reflect.apply(target, thisArg, args);
      }
      case CallKind.Run: {
        const code = r.string();
        return r.u8() === 1 ? runtime.runPythonAsync(code) : runtime.runPython(code);
      }
      case CallKind.Stats: {
        const stats = runtime.stats() as unknown as Record<string, unknown>;
        return { ...stats, mainObjects: this.#remotes.size, lentToMain: this.#held.size };
      }
      default:
        throw new Error(`unknown call kind ${kind}`);
    }
  }

  /** Answers main's call `id` (0 is the start): the value converted, or the error copied. */
  reply(id: number, ok: boolean, value: unknown): void {
    const send = (succeeded: boolean, write: (w: Writer) => void) =>
      this.#post((w) => {
        w.u8(ToMain.Result);
        w.u32(id);
        w.u8(succeeded ? 1 : 0);
        write(w);
      });
    this.#flushReleases();
    let converted = value;
    let owned: PyProxy | undefined;
    try {
      if (ok && isPyProxy(value) && typeof value !== "function") {
        owned = value as PyProxy;
        converted = owned.toJs({ dict_converter: Object.fromEntries });
      }
      send(ok, (w) => (ok ? w.value(converted) : w.error(errorData(value))));
    } catch (e) {
      // The value could not be sent (it does not convert, or cannot cross): its error is.
      send(false, (w) => w.error(errorData(e)));
    } finally {
      if (owned !== undefined && owned !== converted) owned.destroy();
    }
  }

}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}

function isWellKnown(s: symbol): boolean {
  return s === Symbol.iterator || s === Symbol.asyncIterator || s === Symbol.toPrimitive || s === Symbol.toStringTag;
}

/** A copied error as an Error of this realm, with the original's name, message and stack. */
function rebuildError(e: ErrorData): Error {
  const error = new Error(e.message);
  Object.defineProperty(error, "name", { value: e.name, configurable: true, writable: true });
  if (e.stack) Object.defineProperty(error, "stack", { value: e.stack, configurable: true, writable: true });
  return error;
}

/** Starts the worker's side on `port` once `init` arrives. */
export function serveWorker(port: Port, listen: (handler: (data: unknown) => void) => void): void {
  let side: WorkerSide | undefined;
  listen((data) => {
    if ((data as WorkerInit)?.type === "pkg-ffi:init") {
      side = new WorkerSide(port, (data as WorkerInit).shared, (data as WorkerInit).requests);
      void boot(side, data as WorkerInit);
    } else if (data === POKE) {
      side?.drain();
    } else if (data instanceof Uint8Array) {
      side?.receive(data);
    }
  });
}

/** Boots the runtime, runs the start-up code and reports (as the answer to call 0). */
async function boot(side: WorkerSide, init: WorkerInit): Promise<void> {
  try {
    await installCompiledCore(init.module, init.stdlib);
    const window = side.window();
    const runtime = await bootPython(
      {
        stdout: (line) => side.output(1, line),
        stderr: (line) => side.output(2, line),
        stdin: () => side.request(Op.Stdin, () => {}) as string | null,
        env: init.env,
        files: init.files as never,
        createProxy: init.createProxy,
        config: init.config as never,
        debug: init.debug,
      },
      {
        mainModules: () => side.mainModules(),
        beforeStart: (rt) => {
          side.runtime = rt;
          rt.registerJsModule("_pyffi_worker", {
            window,
            has_document: init.mainHasDocument,
            sync: side.sync(),
            sab_error: SAB_ERROR,
            sync_main_only: init.syncMainOnly,
            name: init.name ?? null,
          });
          const interrupts = side.interruptBuffer();
          if (interrupts !== undefined && init.interruptible) rt.setInterruptBuffer(interrupts);
        },
      },
    );
    side.runtimeReady();
    let code = init.code;
    if (init.url !== undefined) code = new TextDecoder().decode(await fetchBytes(resolveUserUrl(init.url)));
    if (code !== undefined) {
      // Code without top-level await runs as runPython: runPythonAsync's first use imports
      // asyncio, which would be most of a second worker's start-up.
      if (usesTopLevelAwait(runtime, code)) await runtime.runPythonAsync(code);
      else runtime.runPython(code);
    }
    for (const name of exportedNames(runtime)) side.export(name, runtime.globals.get(name));
    side.reply(0, true, undefined);
  } catch (e) {
    side.reply(0, false, e);
  }
}

/** Python's compile flag that allows top-level await, and the code flag of a coroutine. */
const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
const CO_COROUTINE = 0x80;

/** Whether `code` awaits at top level (it compiles to a coroutine with the flag that allows it). */
function usesTopLevelAwait(runtime: PythonRuntime, code: string): boolean {
  const builtins = runtime.pyimport("builtins") as PyProxy & { compile(...args: unknown[]): PyProxy & { co_flags: number } };
  let compiled: (PyProxy & { co_flags: number }) | undefined;
  try {
    compiled = builtins.compile(code, "<exec>", "exec", PyCF_ALLOW_TOP_LEVEL_AWAIT, true);
    return (compiled.co_flags & CO_COROUTINE) !== 0;
  } catch {
    return false; // a SyntaxError: runPython reports it as it would
  } finally {
    compiled?.destroy();
    builtins.destroy();
  }
}

/** The names the start-up code lists in `__export__` (a list or tuple of strings). */
function exportedNames(runtime: PythonRuntime): string[] {
  const names = runtime.runPython("list(__export__) if '__export__' in globals() else []") as PyProxy & { toJs(): unknown };
  try {
    const list = names.toJs() as unknown[];
    for (const name of list) {
      if (typeof name !== "string") throw new TypeError(`__export__ must list names (strings), not ${typeof name}`);
    }
    return list as string[];
  } finally {
    names.destroy();
  }
}
