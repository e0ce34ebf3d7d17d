// PyProxy: a JavaScript handle on a Python object. The object lives in the core's registry;
// the proxy holds its id. One JS class per flag set (cached), combined from one mixin per
// Python protocol, as Pyodide does; the JS Proxy handler sends unknown names to Python.

import * as F from "./typeflags.js";
import type { Core } from "./wasm/core.js";

const ID = Symbol.for("@pkg/ffi.pyproxy.id");
const STATE = Symbol("pyproxy.state");

export const DESTROYED_MESSAGE = "Object has already been destroyed";

/** What every proxy of one runtime shares. */
export interface ProxyContext {
  core: Core;
  registry: FinalizationRegistry<number>;
}

interface ProxyState {
  ctx: ProxyContext;
  id: number;
  flags: number;
  /** Set once destroyed: the message later use throws. */
  destroyed?: string;
}

function stateOf(p: object): ProxyState {
  return (p as any)[STATE];
}

/** The live registry id, or the destroyed-proxy error. */
function idOf(p: object): number {
  const s = stateOf(p);
  if (s.destroyed !== undefined) throw new Error(s.destroyed);
  return s.id;
}

function coreOf(p: object): Core {
  return stateOf(p).ctx.core;
}

export function isPyProxy(v: unknown): v is PyProxy {
  return (typeof v === "object" || typeof v === "function") && v !== null && (v as any)[STATE] !== undefined;
}

function flagsOf(v: unknown): number {
  return isPyProxy(v) ? stateOf(v).flags : -1;
}

function hasFlags(v: unknown, required: number): boolean {
  const flags = flagsOf(v);
  return flags >= 0 && (flags & required) === required;
}

/** Every PyProxy is an instance of this class (checked by flags, so callables pass too). */
export class PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return isPyProxy(v);
  }

  /** The Python type's name, e.g. "list". */
  get type(): string {
    return coreOf(this).proxy_type(idOf(this));
  }

  /** Python's `str()` of the object. */
  toString(): string {
    return coreOf(this).proxy_str(idOf(this));
  }

  /** Releases the Python object; later use throws. A second call does nothing. */
  destroy(options: { message?: string } = {}): void {
    const s = stateOf(this);
    if (s.destroyed !== undefined) return;
    s.ctx.registry.unregister(this);
    s.destroyed = options.message ?? DESTROYED_MESSAGE;
    s.ctx.core.proxy_release(s.id);
  }

  [Symbol.dispose](): void {
    this.destroy();
  }

  /** A new proxy to the same object with its own lifetime. */
  copy(): PyProxy {
    const s = stateOf(this);
    const id = s.ctx.core.proxy_copy(idOf(this));
    return createPyProxy(s.ctx, id, s.flags, false);
  }

  get [Symbol.toStringTag](): string {
    return "PyProxy";
  }
}

export class PyProxyWithLength extends PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasFlags(v, F.HAS_LENGTH);
  }
  get length(): number {
    return coreOf(this).proxy_len(idOf(this));
  }
}

export class PyProxyWithGet extends PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasFlags(v, F.HAS_GET);
  }
  /** `obj[key]`; a missing key (KeyError, IndexError) gives `undefined`. */
  get(key: any): any {
    return coreOf(this).proxy_getitem(idOf(this), key);
  }
}

export class PyProxyWithSet extends PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasFlags(v, F.HAS_SET);
  }
  set(key: any, value: any): void {
    coreOf(this).proxy_setitem(idOf(this), key, value);
  }
  delete(key: any): void {
    coreOf(this).proxy_delitem(idOf(this), key);
  }
}

export class PyProxyWithHas extends PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasFlags(v, F.HAS_CONTAINS);
  }
  has(key: any): boolean {
    return coreOf(this).proxy_contains(idOf(this), key);
  }
}

export class PyCallable extends PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasFlags(v, F.IS_CALLABLE);
  }
  /** Calls with positional arguments and, from the last argument, keyword arguments. */
  callKwargs(...args: any[]): any {
    if (args.length === 0) {
      throw new TypeError("callKwargs requires at least one argument (the key word argument object)");
    }
    const kwargs = args.pop();
    if (kwargs === null || typeof kwargs !== "object" || (kwargs.constructor && kwargs.constructor.name !== "Object")) {
      throw new TypeError("kwargs argument is not an object");
    }
    return coreOf(this).proxy_call(idOf(this), args, kwargs);
  }
}

export class PyDict extends PyProxy {
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasFlags(v, F.IS_DICT);
  }
}

/** The mixins: one per protocol flag; a proxy's class copies those its flags select. */
const MIXINS: Array<[number, Function]> = [
  [F.HAS_LENGTH, PyProxyWithLength],
  [F.HAS_GET, PyProxyWithGet],
  [F.HAS_SET, PyProxyWithSet],
  [F.HAS_CONTAINS, PyProxyWithHas],
  [F.IS_CALLABLE, PyCallable],
];

const classCache = new Map<number, { prototype: object }>();

function classFor(flags: number): { prototype: object } {
  let cls = classCache.get(flags);
  if (cls) return cls;
  // Callable proxies inherit from Function.prototype, so `instanceof Function` holds.
  const prototype = Object.create((flags & F.IS_CALLABLE) !== 0 ? Function.prototype : Object.prototype);
  for (const [flag, mixin] of [[0, PyProxy], ...MIXINS] as Array<[number, Function]>) {
    if ((flags & flag) !== flag) continue;
    for (const key of Reflect.ownKeys(mixin.prototype)) {
      if (key === "constructor") continue;
      Object.defineProperty(prototype, key, Object.getOwnPropertyDescriptor(mixin.prototype, key)!);
    }
  }
  cls = { prototype };
  classCache.set(flags, cls);
  return cls;
}

function pythonName(prop: string): string {
  return prop.startsWith("$") ? prop.slice(1) : prop;
}

const handler: ProxyHandler<any> = {
  get(target, prop, receiver) {
    if (typeof prop === "symbol") {
      if (prop === ID) {
        const s: ProxyState = target[STATE];
        return s.destroyed === undefined ? s.id : -1;
      }
      return Reflect.get(target, prop, receiver);
    }
    if (!prop.startsWith("$") && prop in target) return Reflect.get(target, prop, receiver);
    return coreOf(target).proxy_getattr(idOf(target), pythonName(prop));
  },
  set(target, prop, value, receiver) {
    if (typeof prop === "symbol" || Object.prototype.hasOwnProperty.call(target, prop)) {
      return Reflect.set(target, prop, value, receiver);
    }
    coreOf(target).proxy_setattr(idOf(target), pythonName(prop), value);
    return true;
  },
  has(target, prop) {
    if (typeof prop === "symbol") return Reflect.has(target, prop);
    if (!prop.startsWith("$") && prop in target) return true;
    return coreOf(target).proxy_hasattr(idOf(target), pythonName(prop));
  },
  deleteProperty(target, prop) {
    if (typeof prop === "symbol") return Reflect.deleteProperty(target, prop);
    coreOf(target).proxy_delattr(idOf(target), pythonName(prop));
    return true;
  },
  ownKeys(target) {
    const names: string[] = coreOf(target).proxy_dir(idOf(target));
    const own = Reflect.ownKeys(target);
    return [...new Set<string | symbol>([...names, ...own])];
  },
  getOwnPropertyDescriptor(target, prop) {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own || typeof prop === "symbol") return own;
    if (!coreOf(target).proxy_hasattr(idOf(target), prop)) return undefined;
    return { value: coreOf(target).proxy_getattr(idOf(target), prop), writable: true, enumerable: true, configurable: true };
  },
  apply(target, _thisArg, args) {
    return coreOf(target).proxy_call(idOf(target), args, undefined);
  },
};

/**
 * Wraps registry entry `id` in a JS Proxy. An owned proxy is registered with the
 * FinalizationRegistry (held value: the id); a borrowed one lives for one call and skips it.
 */
export function createPyProxy(ctx: ProxyContext, id: number, flags: number, borrowed: boolean): PyProxy {
  const callable = (flags & F.IS_CALLABLE) !== 0;
  // A function target makes `typeof` "function" and calls reach the apply trap.
  const target: any = callable ? function () {} : {};
  Object.setPrototypeOf(target, classFor(flags).prototype);
  Object.defineProperty(target, STATE, { value: { ctx, id, flags } satisfies ProxyState });
  const proxy = new Proxy(target, handler);
  if (!borrowed) ctx.registry.register(proxy, id, proxy);
  return proxy;
}

/** Marks proxies whose registry entries the core already freed (borrowed call arguments). */
export function markDestroyed(proxies: unknown[], message: string): void {
  for (const p of proxies) {
    const s = stateOf(p as object);
    if (s.destroyed === undefined) s.destroyed = message;
  }
}

/** The registry id a PyProxy passes to the core (for `runPython(..., { globals })`). */
export function proxyId(p: PyProxy): number {
  return idOf(p);
}
