// What a PyProxy carries on its Proxy target: the registry id (shared with its aliases) and
// the per-proxy call settings. Kept apart from the classes so handler and classes can both use it.

import type { Core } from "./wasm/core.js";

/** Registered so the core's JS helpers (rust/src/js/helpers.js) can read the id too. */
export const ID = Symbol.for("@pkg/ffi.pyproxy.id");
/** True on a `create_proxy(..., roundtrip=True)` proxy: it returns to Python as its JsDoubleProxy. */
export const ROUNDTRIP = Symbol.for("@pkg/ffi.pyproxy.roundtrip");
export const STATE = Symbol("pyproxy.state");
export const PROPS = Symbol("pyproxy.props");

export const DESTROYED_MESSAGE = "Object has already been destroyed";

/** What every proxy of one runtime shares. */
export interface ProxyContext {
  core: Core;
  registry: FinalizationRegistry<number>;
}

/** One registry entry; a proxy and the aliases made by `bind`/`captureThis` share it. */
export interface ProxyState {
  ctx: ProxyContext;
  id: number;
  flags: number;
  /** Set once destroyed: the message later use throws. */
  destroyed?: string;
  /** A PyAwaitable's promise, made once so the awaitable runs once. */
  promise?: Promise<any>;
}

/** Per proxy object: what `bind` and `captureThis` set. */
export interface ProxyProps {
  /** `this` fixed by the first `bind`. */
  boundThis?: unknown;
  hasBoundThis?: boolean;
  /** Arguments prepended by `bind`. */
  boundArgs: unknown[];
  /** Pass `this` as the first Python argument. */
  captureThis: boolean;
  /** Keeps the proxy an alias was made from reachable, so its finalizer waits for the alias. */
  owner?: object;
  /** Made by `create_proxy(..., roundtrip=True)` (see ROUNDTRIP). */
  roundtrip?: boolean;
}

export function stateOf(p: object): ProxyState {
  const s = (p as any)[STATE];
  if (s === undefined) throw new TypeError("a PyProxy method was called on something that is not a PyProxy");
  return s;
}

export function propsOf(p: object): ProxyProps {
  return (p as any)[PROPS];
}

export function isPyProxy(v: unknown): boolean {
  return (typeof v === "object" || typeof v === "function") && v !== null && (v as any)[STATE] !== undefined;
}

/** The live registry id, or the destroyed-proxy error. */
export function idOf(p: object): number {
  const s = stateOf(p);
  if (s.destroyed !== undefined) throw new Error(s.destroyed);
  return s.id;
}

export function coreOf(p: object): Core {
  return stateOf(p).ctx.core;
}

export function hasFlags(v: unknown, required: number): boolean {
  if (!isPyProxy(v)) return false;
  return (stateOf(v as object).flags & required) === required;
}

/**
 * Wraps `state` in a JS Proxy with `prototype` (the class for its flags). A callable gets a
 * function target, so `typeof` is "function" and calls reach the `apply` trap.
 */
export function makeProxy(
  state: ProxyState,
  props: ProxyProps,
  prototype: object,
  handler: ProxyHandler<any>,
  callable: boolean,
): any {
  const target: any = callable ? function () {} : {};
  Object.setPrototypeOf(target, prototype);
  Object.defineProperty(target, STATE, { value: state });
  Object.defineProperty(target, PROPS, { value: props });
  return new Proxy(target, handler);
}

export function freshProps(): ProxyProps {
  return { boundArgs: [], captureThis: false };
}
