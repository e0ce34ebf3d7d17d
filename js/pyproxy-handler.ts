// The JS Proxy traps of every PyProxy: JS members (the class for the flag set) first, then
// Python attributes; `$name` forces the Python attribute; sequences also answer numeric keys.

import { callResult } from "./call-result.js";
import { PythonError } from "./errors.js";
import { coreOf, ID, idOf, propsOf, ROUNDTRIP, STATE, type ProxyState } from "./proxy-state.js";
import * as F from "./typeflags.js";

// Own properties every function has: on a callable proxy they must not hide Python attributes.
const FUNCTION_NOISE = new Set(["name", "length", "caller", "arguments"]);
const INDEX = /^(?:0|[1-9]\d*)$/;

function flags(target: any): number {
  return (target[STATE] as ProxyState).flags;
}

/** Whether `prop` is served by JS (a class member or an own property of the target). */
function isJsMember(target: any, prop: string): boolean {
  if (typeof target === "function" && FUNCTION_NOISE.has(prop)) {
    // Only the class (e.g. PyProxyWithLength's `length`) may define these.
    return Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(target), prop);
  }
  return prop in target;
}

function isIndex(target: any, prop: string): boolean {
  return (flags(target) & F.IS_SEQUENCE) !== 0 && INDEX.test(prop);
}

function isIndexError(e: unknown): boolean {
  return e instanceof PythonError && e.type === "IndexError";
}

/** Calls the proxy's Python object, applying what `bind` and `captureThis` set. */
export function callProxy(proxy: object, thisArg: unknown, args: unknown[], kwargs: object | undefined): any {
  const props = propsOf(proxy);
  let all = args;
  if (props.boundArgs.length !== 0) all = [...props.boundArgs, ...all];
  if (props.captureThis) all = [props.hasBoundThis ? props.boundThis : thisArg, ...all];
  if (all.length === 0 && kwargs === undefined) return callResult(coreOf(proxy).proxy_call0(idOf(proxy)));
  return callResult(coreOf(proxy).proxy_call(idOf(proxy), all, kwargs));
}

export const handler: ProxyHandler<any> = {
  get(target, prop, receiver) {
    if (typeof prop === "symbol") {
      if (prop === ID) {
        const s: ProxyState = target[STATE];
        return s.destroyed === undefined ? s.id : -1;
      }
      if (prop === ROUNDTRIP) return propsOf(target).roundtrip === true;
      return Reflect.get(target, prop, receiver);
    }
    if (prop.startsWith("$")) return coreOf(target).proxy_getattr(idOf(target), prop.slice(1));
    // Getters run with the target as `this`: its state is an own property there, with no trap.
    if (isJsMember(target, prop)) return Reflect.get(target, prop, target);
    if (isIndex(target, prop)) return coreOf(target).proxy_getitem(idOf(target), Number(prop));
    return coreOf(target).proxy_getattr(idOf(target), prop);
  },

  set(target, prop, value, receiver) {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own && !own.writable && !own.set) return false;
    if (typeof prop === "symbol" || (!prop.startsWith("$") && isJsMember(target, prop))) {
      return Reflect.set(target, prop, value, receiver);
    }
    if (isIndex(target, prop)) {
      try {
        coreOf(target).proxy_setitem(idOf(target), Number(prop), value);
      } catch (e) {
        if (isIndexError(e)) return false;
        throw e;
      }
      return true;
    }
    coreOf(target).proxy_setattr(idOf(target), prop.startsWith("$") ? prop.slice(1) : prop, value);
    return true;
  },

  has(target, prop) {
    if (typeof prop === "symbol") return Reflect.has(target, prop);
    if (prop.startsWith("$")) return coreOf(target).proxy_hasattr(idOf(target), prop.slice(1));
    if (isJsMember(target, prop)) return true;
    if (isIndex(target, prop)) return Number(prop) < coreOf(target).proxy_len(idOf(target));
    return coreOf(target).proxy_hasattr(idOf(target), prop);
  },

  deleteProperty(target, prop) {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own && !own.configurable) return false;
    if (typeof prop === "symbol" || (!prop.startsWith("$") && isJsMember(target, prop))) {
      return Reflect.deleteProperty(target, prop);
    }
    if (isIndex(target, prop)) {
      coreOf(target).proxy_delitem(idOf(target), Number(prop));
      return true;
    }
    coreOf(target).proxy_delattr(idOf(target), prop.startsWith("$") ? prop.slice(1) : prop);
    return true;
  },

  ownKeys(target) {
    const keys = new Set<string | symbol>(coreOf(target).proxy_dir(idOf(target)));
    if ((flags(target) & F.IS_SEQUENCE) !== 0) {
      const n = coreOf(target).proxy_len(idOf(target));
      for (let i = 0; i < n; i++) keys.add(String(i));
      keys.add("length");
    }
    for (const key of Reflect.ownKeys(target)) keys.add(key);
    return [...keys];
  },

  getOwnPropertyDescriptor(target, prop) {
    const own = Reflect.getOwnPropertyDescriptor(target, prop);
    if (own || typeof prop === "symbol") return own;
    const core = coreOf(target);
    const id = idOf(target);
    if (isIndex(target, prop)) {
      if (Number(prop) >= core.proxy_len(id)) return undefined;
      return { value: core.proxy_getitem(id, Number(prop)), writable: true, enumerable: true, configurable: true };
    }
    if (!core.proxy_hasattr(id, prop)) return undefined;
    // An accessor: listing keys (Object.keys) must not fetch, and leak, every attribute value.
    return {
      get: () => core.proxy_getattr(idOf(target), prop),
      set: (v: unknown) => core.proxy_setattr(idOf(target), prop, v),
      enumerable: true,
      configurable: true,
    };
  },

  apply(target, thisArg, args) {
    return callProxy(target, thisArg, args, undefined);
  },
};
