// The JS Proxy traps of every PyProxy: JS members (the class for the flag set) first, then
// Python attributes; `$name` forces the Python attribute. Sequences also answer numeric keys,
// and an exact dict falls back to its items, as Pyodide's handlers do.

import { callResult } from "../crossing/call-result.js";
import { PythonError } from "../crossing/errors.js";
import { cacheOf, coreOf, ID, idOf, makeProxy, PROPS, propsOf, ROUNDTRIP, STATE, type ProxyProps, type ProxyState } from "./proxy-state.js";
// The protocol bits the core computes per Python type (PyTypeFlag, declared in rust/wire).
import { ProxyHelper, PyTypeFlag as F } from "../wasm/core.js";

// Own properties every function has: on a callable proxy they are Python attributes.
const FUNCTION_NOISE = new Set<string | symbol>(["name", "length", "caller", "arguments"]);
const INDEX = /^[0-9]+$/;

function flags(target: any): number {
  return (target[STATE] as ProxyState).flags;
}

/**
 * Whether `prop` is served by JS (a class member or an own property of the target). On a
 * callable the function's own names are not; nor is `prototype` when reading or writing
 * (`in` must still report it: the target's `prototype` cannot be deleted).
 */
function isJsMember(target: any, prop: string | symbol, filterPrototype: boolean): boolean {
  if (typeof target === "function") {
    if (FUNCTION_NOISE.has(prop) || (filterPrototype && prop === "prototype")) return false;
  }
  return prop in target;
}

/** A callable target's own `name` or `length`, which stand for the Python attributes. */
function isFunctionNoise(target: any, prop: string | symbol): boolean {
  return typeof target === "function" && (prop === "name" || prop === "length");
}

function isPythonError(e: unknown, type: string): boolean {
  return e instanceof PythonError && e.type === type;
}

/** The proxy whose read is under way: its cache is the one the core asks about. */
let reading: ProxyState | undefined;
/** Whether that read is a JSON adaptor's item read (its own cache, and results are adaptors). */
let readingJson = false;

function readingMap(create: boolean): Map<number, any> | undefined {
  if (reading === undefined) return undefined;
  if (!readingJson) return create ? cacheOf(reading).map : reading.cache?.map;
  if (!create) return reading.cache?.jsonMap;
  const cache = cacheOf(reading);
  return (cache.jsonMap ??= new Map());
}

/** The core's lookup (rust/src/pyproxy/ops.rs): a live proxy cached under `key`, or undefined. */
export function attrCacheGet(key: number): any {
  const map = readingMap(false);
  const hit = map?.get(key);
  if (hit === undefined) return undefined;
  if ((hit[STATE] as ProxyState).destroyed === undefined) return hit;
  map!.delete(key); // destroyed by the user: a fresh proxy takes its place
  return undefined;
}

/** The core's store of a new proxy; returns what the read gives (an adaptor for an adaptor). */
export function attrCacheSet(key: number, proxy: any): any {
  const map = readingMap(true);
  if (map === undefined) return proxy;
  const value = readingJson && ((proxy[STATE] as ProxyState).flags & (F.HasGet | F.IsSequence)) !== 0 ? jsonAdaptorOf(proxy) : proxy;
  map.set(key, value);
  return value;
}

/**
 * Runs a core read with `s` named as the proxy being read (restored after: Python code run by
 * the read may read other proxies).
 */
export function readingFrom<T>(s: ProxyState, json: boolean, read: () => T): T {
  const outer = reading;
  const outerJson = readingJson;
  reading = s;
  readingJson = json;
  try {
    return read();
  } finally {
    reading = outer;
    readingJson = outerJson;
  }
}

/**
 * The object's attribute; a proxy result is borrowed from (and cached on) the parent.
 * `readingFrom` written out: no closure on the hottest path.
 */
function getattr(target: any, name: string): any {
  const s: ProxyState = target[STATE];
  const id = idOf(target);
  const outer = reading;
  const outerJson = readingJson;
  reading = s;
  readingJson = false;
  try {
    return s.ctx.core.proxy_getattr(id, name);
  } finally {
    reading = outer;
    readingJson = outerJson;
  }
}

/** `obj[key]`, undefined if missing; through a JSON adaptor, cached adaptors for containers. */
export function getItem(p: any, key: unknown): any {
  const s: ProxyState = p[STATE];
  const id = idOf(p);
  if ((p[PROPS] as ProxyProps).jsonAdaptor !== true) return s.ctx.core.proxy_getitem(id, key, false);
  return readingFrom(s, true, () => s.ctx.core.proxy_getitem(id, key, true));
}

/**
 * An alias of `p` that is a JSON adaptor (Pyodide's `asJsJson`): the same object and lifetime,
 * properties read and write items, and the containers it gives are adaptors too.
 */
export function jsonAdaptorOf(p: any): any {
  const s: ProxyState = p[STATE];
  const props: ProxyProps = p[PROPS];
  const alias = { ...props, boundArgs: [...props.boundArgs], owner: props.owner ?? p, jsonAdaptor: true };
  return makeProxy(s, alias, Object.getPrototypeOf(p), handlerFor(s.flags, true), typeof p === "function");
}

/** Calls the proxy's Python object, applying what `bind` and `captureThis` set. */
export function callProxy(proxy: object, thisArg: unknown, args: unknown[], kwargs: object | undefined): any {
  const props = propsOf(proxy);
  let all = args;
  if (props.boundArgs.length !== 0) all = [...props.boundArgs, ...all];
  if (props.captureThis) all = [props.hasBoundThis ? props.boundThis : thisArg, ...all];
  const core = coreOf(proxy);
  const id = idOf(proxy);
  const result = all.length === 0 && kwargs === undefined ? callResult(core.proxy_call0(id)) : callResult(core.proxy_call(id, all, kwargs));
  // As in Pyodide, the coroutine an `async def` returns is scheduled at once, awaited or not.
  if (typeof result === "object" && result !== null) {
    const s: ProxyState | undefined = (result as any)[STATE];
    if (s !== undefined && (s.flags & F.IsCoroutine) !== 0 && onCoroutineResult !== undefined) {
      onCoroutineResult(proxy, result);
    }
  }
  return result;
}

/** Set by the classes module (it owns the awaitable machinery): schedules a coroutine result. */
let onCoroutineResult: ((callee: object, coroutine: object) => void) | undefined;
export function setCoroutineHook(hook: (callee: object, coroutine: object) => void): void {
  onCoroutineResult = hook;
}

/** Every PyProxy's traps (Pyodide's PyProxyHandlers). */
const plain = {
  get(target: any, prop: string | symbol): any {
    if (typeof prop === "symbol") {
      if (prop === ID) {
        const s: ProxyState = target[STATE];
        return s.destroyed === undefined ? s.id : -1;
      }
      if (prop === ROUNDTRIP) return propsOf(target).roundtrip === true;
      return Reflect.get(target, prop, target);
    }
    // Getters run with the target as `this`: its state is an own property there, with no trap.
    if (isJsMember(target, prop, true)) return Reflect.get(target, prop, target);
    return getattr(target, prop.startsWith("$") ? prop.slice(1) : prop);
  },

  set(target: any, prop: string | symbol, value: unknown): boolean {
    if (!isFunctionNoise(target, prop)) {
      const own = Reflect.getOwnPropertyDescriptor(target, prop);
      if (own && !own.writable && !own.set) return false;
    }
    if (typeof prop === "symbol" || isJsMember(target, prop, true)) return Reflect.set(target, prop, value, target);
    coreOf(target).proxy_setattr(idOf(target), prop.startsWith("$") ? prop.slice(1) : prop, value);
    return true;
  },

  has(target: any, prop: string | symbol): boolean {
    if (isJsMember(target, prop, false)) return true;
    if (typeof prop === "symbol") return false;
    return coreOf(target).proxy_hasattr(idOf(target), prop.startsWith("$") ? prop.slice(1) : prop);
  },

  deleteProperty(target: any, prop: string | symbol): boolean {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own && !own.configurable) return false;
    if (typeof prop === "symbol" || isJsMember(target, prop, true)) return Reflect.deleteProperty(target, prop);
    coreOf(target).proxy_delattr(idOf(target), prop.startsWith("$") ? prop.slice(1) : prop);
    return true;
  },

  // Python attributes are not own properties, so Object.keys of a proxy is [] as in Pyodide,
  // while `in` and reads still see them. A callable target's own name and length are hidden.
  getOwnPropertyDescriptor(target: any, prop: string | symbol): PropertyDescriptor | undefined {
    return isFunctionNoise(target, prop) ? undefined : Reflect.getOwnPropertyDescriptor(target, prop);
  },

  ownKeys(target: any): (string | symbol)[] {
    const keys = new Set<string | symbol>(coreOf(target).proxy_dir(idOf(target)));
    for (const key of Reflect.ownKeys(target)) if (!isFunctionNoise(target, key)) keys.add(key);
    return [...keys];
  },

  apply(target: any, thisArg: unknown, args: unknown[]): any {
    return callProxy(target, thisArg, args, undefined);
  },
};

function isIndex(prop: string | symbol): prop is string {
  return typeof prop === "string" && INDEX.test(prop);
}

/** Sequences: numeric keys are items (Pyodide's PyProxySequenceHandlers). */
const sequence = {
  ...plain,
  get(target: any, prop: string | symbol): any {
    if (prop === "length") return coreOf(target).proxy_len(idOf(target));
    if (isIndex(prop)) return getItem(target, Number(prop));
    return plain.get(target, prop);
  },
  set(target: any, prop: string | symbol, value: unknown): boolean {
    if (!isIndex(prop)) return plain.set(target, prop, value);
    try {
      coreOf(target).proxy_setitem(idOf(target), Number(prop), value);
      return true;
    } catch (e) {
      if (isPythonError(e, "IndexError")) return false;
      throw e;
    }
  },
  has(target: any, prop: string | symbol): boolean {
    if (isIndex(prop)) return Number(prop) < coreOf(target).proxy_len(idOf(target));
    return plain.has(target, prop);
  },
  deleteProperty(target: any, prop: string | symbol): boolean {
    if (!isIndex(prop)) return plain.deleteProperty(target, prop);
    try {
      coreOf(target).proxy_delitem(idOf(target), Number(prop));
      return true;
    } catch (e) {
      if (isPythonError(e, "IndexError")) return false;
      throw e;
    }
  },
  ownKeys(target: any): (string | symbol)[] {
    const keys = plain.ownKeys(target);
    const n = coreOf(target).proxy_len(idOf(target));
    for (let i = 0; i < n; i++) keys.push(String(i));
    keys.push("length");
    return keys;
  },
};

// A dict's items as properties (Pyodide's JSON-adaptor dict traps, the fallback of its dict
// handler): the str key, else for a numeric name the int key.
function itemHas(target: any, prop: string | symbol): boolean {
  if (typeof prop === "symbol") return false;
  const core = coreOf(target);
  const id = idOf(target);
  return core.proxy_contains(id, prop) || (INDEX.test(prop) && core.proxy_contains(id, Number(prop)));
}

function itemGet(target: any, prop: string | symbol): any {
  if (typeof prop === "symbol") return Reflect.get(target, prop, target);
  const result = getItem(target, prop);
  if (result !== undefined || coreOf(target).proxy_contains(idOf(target), prop)) return result;
  if (INDEX.test(prop)) return getItem(target, Number(prop));
  return undefined;
}

/** The key an item write or delete uses: a numeric name is the int key unless the str key exists. */
function itemKey(target: any, prop: string): string | number {
  if (INDEX.test(prop) && !coreOf(target).proxy_contains(idOf(target), prop)) return Number(prop);
  return prop;
}

function itemChange(target: any, prop: string | symbol, change: (key: string | number) => void): boolean {
  if (typeof prop === "symbol") return false;
  try {
    change(itemKey(target, prop));
    return true;
  } catch (e) {
    if (isPythonError(e, "KeyError")) return false;
    throw e;
  }
}

/** Exactly `dict`: attributes first, then the items (Pyodide's PyProxyDictHandlers). */
const dict = {
  ...plain,
  get(target: any, prop: string | symbol): any {
    const result = plain.get(target, prop);
    if (result !== undefined || plain.has(target, prop)) return result;
    return itemGet(target, prop);
  },
  set(target: any, prop: string | symbol, value: unknown): boolean {
    if (plain.has(target, prop)) return plain.set(target, prop, value);
    return itemChange(target, prop, (key) => coreOf(target).proxy_setitem(idOf(target), key, value));
  },
  has(target: any, prop: string | symbol): boolean {
    return plain.has(target, prop) || itemHas(target, prop);
  },
  deleteProperty(target: any, prop: string | symbol): boolean {
    if (plain.has(target, prop)) return plain.deleteProperty(target, prop);
    return itemChange(target, prop, (key) => coreOf(target).proxy_delitem(idOf(target), key));
  },
  getOwnPropertyDescriptor(target: any, prop: string | symbol): PropertyDescriptor | undefined {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own !== undefined || !itemHas(target, prop)) return own;
    return { value: itemGet(target, prop), writable: true, enumerable: true, configurable: true };
  },
  ownKeys(target: any): (string | symbol)[] {
    const keys = new Set(plain.ownKeys(target));
    for (const key of dictKeys(target)) keys.add(key);
    return [...keys];
  },
};

function dictKeys(target: any): string[] {
  return (coreOf(target).proxy_helper(ProxyHelper.DictPropKeys, idOf(target), [], 1) as unknown[]).map(String);
}

// The JS members a JSON adaptor of a mapping still has; every other property is an item.
const JSON_DICT_MEMBERS = new Set<string | symbol>(["copy", "constructor", "toString", "destroy"]);

/** A JSON adaptor of a mapping (Pyodide's PyProxyJsonAdaptorDictHandlers): items only. */
const jsonDict: ProxyHandler<any> = {
  has: itemHas,
  get(target: any, prop: string | symbol): any {
    if (typeof prop === "symbol" || JSON_DICT_MEMBERS.has(prop)) return Reflect.get(target, prop, target);
    const result = itemGet(target, prop);
    // Neither item nor JS member: what the class has (get, set, asJsJson, ...).
    return result !== undefined || itemHas(target, prop) ? result : Reflect.get(target, prop, target);
  },
  set(target: any, prop: string | symbol, value: unknown): boolean {
    return itemChange(target, prop, (key) => coreOf(target).proxy_setitem(idOf(target), key, value));
  },
  deleteProperty(target: any, prop: string | symbol): boolean {
    return itemChange(target, prop, (key) => coreOf(target).proxy_delitem(idOf(target), key));
  },
  getOwnPropertyDescriptor(target: any, prop: string | symbol): PropertyDescriptor | undefined {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own !== undefined && !own.configurable) return own; // the Proxy invariants require it
    if (!itemHas(target, prop)) return undefined;
    return { value: itemGet(target, prop), writable: true, enumerable: true, configurable: true };
  },
  ownKeys(target: any): (string | symbol)[] {
    // The target's non-configurable own keys must be listed (a callable's `prototype`).
    const keys = new Set<string | symbol>(dictKeys(target));
    for (const key of Reflect.ownKeys(target)) {
      if (!Reflect.getOwnPropertyDescriptor(target, key)!.configurable) keys.add(key);
    }
    return [...keys];
  },
  apply(target: any, thisArg: unknown, args: unknown[]): any {
    return callProxy(target, thisArg, args, undefined);
  },
};

/** The traps for a proxy with `flags` (a JSON adaptor's if `jsonAdaptor`). */
export function handlerFor(flags: number, jsonAdaptor = false): ProxyHandler<any> {
  if ((flags & F.IsSequence) !== 0) return sequence;
  if (jsonAdaptor) return jsonDict;
  if ((flags & F.IsDict) !== 0) return dict;
  return plain;
}
