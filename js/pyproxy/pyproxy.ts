// PyProxy: a JavaScript handle on a Python object. The object lives in the core's registry;
// the proxy holds its id. One JS prototype per flag set (cached), combined from one class per
// Python protocol, as Pyodide does; the Proxy handler sends other names to Python.

import { PROTOCOLS, PyProxy } from "./pyproxy-classes.js";
import { handlerFor } from "./pyproxy-handler.js";
import { freshProps, idOf, makeProxy, noteCreated, type ProxyContext, type ProxyState } from "./proxy-state.js";
import { PyTypeFlag as F } from "../wasm/core.js";

export * from "./pyproxy-classes.js";
export { isPyProxy, markDestroyed, type ProxyContext } from "./proxy-state.js";

const prototypes = new Map<number, object>();

function prototypeFor(flags: number): object {
  let prototype = prototypes.get(flags);
  if (prototype) return prototype;
  // Callable proxies inherit from Function.prototype, so `instanceof Function` holds.
  prototype = Object.create((flags & F.IsCallable) !== 0 ? Function.prototype : Object.prototype) as object;
  for (const [flag, cls] of PROTOCOLS) {
    if ((flags & flag) !== flag) continue;
    for (const key of Reflect.ownKeys(cls.prototype)) {
      if (key === "constructor") continue;
      Object.defineProperty(prototype, key, Object.getOwnPropertyDescriptor(cls.prototype, key)!);
    }
  }
  // Pyodide keeps the flag set on each prototype as an enumerable `$$flags`, which `for...in`
  // over a proxy visits; kept so that such loops see the same keys.
  Object.defineProperty(prototype, "$$flags", { value: flags, writable: true, enumerable: true, configurable: true });
  // Every proxy's `constructor` is PyProxy (which refuses `new`), as in Pyodide.
  Object.defineProperty(prototype, "constructor", { value: PyProxy, writable: true, configurable: true });
  prototypes.set(flags, prototype);
  return prototype;
}

/**
 * Wraps registry entry `id` in a JS Proxy. An owned proxy is registered with the
 * FinalizationRegistry (held value: the id); a borrowed one lives for one call and skips it.
 */
export function createPyProxy(ctx: ProxyContext, id: number, flags: number, borrowed: boolean): PyProxy {
  const state: ProxyState = { ctx, id, flags };
  const proxy = makeProxy(state, freshProps(), prototypeFor(flags), handlerFor(flags), (flags & F.IsCallable) !== 0);
  if (!borrowed) ctx.registry.register(proxy, id, proxy);
  if (ctx.live !== undefined) noteCreated(state, proxy);
  return proxy;
}

/** The registry id a PyProxy passes to the core (for `runPython(..., { globals })`). */
export function proxyId(p: PyProxy): number {
  return idOf(p);
}
