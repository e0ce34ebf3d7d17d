// What a PyProxy carries on its Proxy target: the registry id (shared with its aliases) and
// the per-proxy call settings. Kept apart from the classes so handler and classes can both use it.

import { destroyedHint, destroyedMessage as coreDestroyedMessage, type Core } from "../wasm/core.js";
import { createdAtNote, creationSite, type LiveTable } from "./debug.js";

/** Registered so the core's JS helpers (rust/src/host/helpers.js) can read the id too. */
export const ID = Symbol.for("@pkg/ffi.pyproxy.id");
/** True on a `create_proxy(..., roundtrip=True)` proxy: it returns to Python as its JsDoubleProxy. */
export const ROUNDTRIP = Symbol.for("@pkg/ffi.pyproxy.roundtrip");
export const STATE = Symbol("pyproxy.state");
export const PROPS = Symbol("pyproxy.props");

const CACHE_DESTROYED_MESSAGE =
  "This borrowed attribute proxy was automatically destroyed in the process of destroying the proxy it was borrowed from. Try using the 'copy' method.";

/** What every proxy of one runtime shares. */
export interface ProxyContext {
  core: Core;
  registry: FinalizationRegistry<number>;
  /** `setDebug(true)`: destroyed-proxy messages describe the object instead of the hint. */
  debug?: boolean;
  /** With `loadPython({ debug: true })`: the live proxies and where they were made (debug.ts). */
  live?: LiveTable;
}

/**
 * The proxies that attribute reads made (`p.x`), by the core's key for the attribute's object:
 * read again, the same proxy comes back. Shared by a proxy and its copies; when the last of
 * them is destroyed, so are these (Pyodide's borrowed attribute proxies).
 */
export interface AttrCache {
  map: Map<number, any>;
  /** What a JSON adaptor's item reads and iteration made (Pyodide's json_adaptor_map). */
  jsonMap?: Map<number, any>;
  /** How many live proxies (a proxy and its copies) share the cache. */
  refcnt: number;
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
  /** Made on the first attribute read or copy. */
  cache?: AttrCache;
  /** While debugging: the JS stack that made the proxy. */
  createdAt?: string;
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
  /** Made by `asJsJson()`: properties are items, and what it reads are adaptors too. */
  jsonAdaptor?: boolean;
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

/** While debugging: remembers where `proxy` (whose state is `s`) was made, and that it lives. */
export function noteCreated(s: ProxyState, proxy: object): void {
  s.createdAt = creationSite();
  (s.ctx.live ??= new Map()).set(s.id, { proxy: new WeakRef(proxy), createdAt: s.createdAt });
}

/** The attribute cache of `s`, made on first use. */
export function cacheOf(s: ProxyState): AttrCache {
  return (s.cache ??= { map: new Map(), refcnt: 1 });
}

/**
 * The message later use of a destroyed proxy throws: `message` (or the default) and Pyodide's
 * second line, the setDebug hint, or with debugging on what the object was. Only a `live` entry
 * can be described (the core frees borrowed arguments before JS hears of it: those get the hint).
 */
export function destroyedMessage(s: ProxyState, message: string | undefined, live: boolean): string {
  // Pyodide's texts, declared in the core (rust/wire/src/lib.rs); a proxy exists only once it loaded.
  const first = message || coreDestroyedMessage();
  s.ctx.live?.delete(s.id);
  if (!s.ctx.debug) return `${first}\n${destroyedHint()}`;
  if (!live) return `${first}${createdAtNote(s.createdAt)}`;
  let type = "?";
  let repr: string | undefined;
  try {
    type = s.ctx.core.proxy_type(s.id);
    repr = s.ctx.core.proxy_str(s.id) as unknown as string;
  } catch {
    // A failing __str__ is described as such below.
  }
  const description = repr === undefined ? "an error was raised when trying to generate its repr" : `had repr "${repr}"`;
  return `${first}\nThe object was of type "${type}" and ${description}${createdAtNote(s.createdAt)}`;
}

/**
 * Releases the object of `proxy` (and its aliases); later use throws the message. A proxy from
 * `create_proxy(..., roundtrip=True)` survives unless `destroyRoundtrip`. Idempotent.
 */
export function destroyProxy(proxy: object, message: string | undefined, destroyRoundtrip: boolean): void {
  const s = stateOf(proxy);
  if (s.destroyed !== undefined) return;
  const props = propsOf(proxy);
  if (!destroyRoundtrip && props.roundtrip) return;
  s.destroyed = destroyedMessage(s, message, true);
  s.ctx.registry.unregister(props.owner ?? proxy);
  releaseCache(s);
  s.ctx.core.proxy_release(s.id);
}

/** Marks proxies whose entries the core already freed (borrowed call arguments). */
export function markDestroyed(proxies: unknown[], message: string): void {
  for (const p of proxies) {
    const s = stateOf(p as object);
    if (s.destroyed !== undefined) continue;
    s.destroyed = destroyedMessage(s, message, false);
    releaseCache(s);
  }
}

/** One user of the cache is gone; the last one takes the attribute proxies with it. */
function releaseCache(s: ProxyState): void {
  const cache = s.cache;
  if (cache === undefined || --cache.refcnt !== 0) return;
  for (const map of [cache.map, cache.jsonMap]) {
    if (map === undefined) continue;
    for (const attr of map.values()) destroyProxy(attr, CACHE_DESTROYED_MESSAGE, true);
    map.clear();
  }
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
  // A callable's target keeps its own name, length and prototype (deleting them, as Pyodide
  // does, makes every callable proxy slower to make): the traps treat them as Python attributes.
  const target: any = callable ? function () {} : {};
  Object.setPrototypeOf(target, prototype);
  // Configurable, so that a trap may leave them out of ownKeys (a JSON adaptor lists only items).
  Object.defineProperty(target, STATE, { value: state, configurable: true });
  Object.defineProperty(target, PROPS, { value: props, configurable: true });
  return new Proxy(target, handler);
}

export function freshProps(): ProxyProps {
  return { boundArgs: [], captureThis: false };
}
