// The PyProxy classes: one per Python protocol, as Pyodide's `pyodide.ffi` has them. A proxy's
// prototype is built from the classes its type flags select (PROTOCOLS below, used by
// prototypeFor in pyproxy.ts); `instanceof` answers from the flags, so it holds for every
// combination.

import { callProxy, getItem, handlerFor, jsonAdaptorOf, readingFrom, setCoroutineHook } from "./pyproxy-handler.js";
import {
  cacheOf,
  coreOf,
  destroyProxy,
  hasFlags,
  idOf,
  isPyProxy,
  makeProxy,
  noteCreated,
  propsOf,
  stateOf,
  type ProxyContext,
  type ProxyProps,
  type ProxyState,
} from "./proxy-state.js";
import { getBuffer, type BufferType, type PyBufferView } from "./pybuffer.js";
import { settle } from "../crossing/settle.js";
import { ProxyHelper, PyTypeFlag as F } from "../wasm/core.js";
import { hasPlainConstructor } from "../crossing/plain-object.js";
import type { Core } from "../wasm/core.js";
import type { ToJsOptions } from "../wasm/options.js";

/** Options of `toJs` (Pyodide's `ConversionOptions`): declared in rust/src/convert/options.rs. */
export type { ToJsOptions };

/** Every PyProxy is an instance of this class (checked by flags, so callables pass too). */
export class PyProxy {
  /** Proxies are made only by the runtime (as in Pyodide). */
  constructor() {
    throw new TypeError("PyProxy is not a constructor");
  }

  /** The Python type's name: CPython's `tp_name`, e.g. "list", "collections.deque". */
  get type(): string {
    return coreOf(this).proxy_type(idOf(this));
  }

  /** Python's `str()` of the object. */
  toString(): string {
    return coreOf(this).proxy_str(idOf(this));
  }

  /**
   * Releases the Python object; later use throws an Error with `message` (default "Object has
   * already been destroyed"). A second call does nothing. Aliases made by `bind` die with it,
   * and so do the attribute proxies read from it (unless a copy of it still lives).
   * `destroyRoundtrip: false` spares a proxy made by `create_proxy(..., roundtrip=True)`.
   */
  destroy(options: { message?: string; destroyRoundtrip?: boolean } = {}): void {
    const { message, destroyRoundtrip } = { message: "", destroyRoundtrip: true, ...options };
    destroyProxy(this, message, !!destroyRoundtrip);
  }

  [Symbol.dispose](): void {
    this.destroy();
  }

  /**
   * A new proxy to the same object with its own lifetime (and the same call settings). It
   * shares the attribute proxies read so far, which live until both are destroyed.
   */
  copy(): this {
    const s = stateOf(this);
    const id = s.ctx.core.proxy_copy(idOf(this));
    const cache = cacheOf(s);
    cache.refcnt++;
    const { owner: _, ...props } = propsOf(this);
    const state: ProxyState = { ctx: s.ctx, id, flags: s.flags, cache };
    const proxy = makeProxy(state, { ...props, boundArgs: [...props.boundArgs] }, Object.getPrototypeOf(this), handlerFor(s.flags, props.jsonAdaptor), typeof this === "function");
    s.ctx.registry.register(proxy, id, proxy);
    if (s.ctx.live !== undefined) noteCreated(state, proxy);
    return proxy;
  }

  /**
   * Deep conversion: list and tuple to Array, dict to Map (or what `dict_converter` makes), set
   * to Set, buffers to typed-array copies; the rest stays a PyProxy (see ToJsOptions). `T`
   * (default `any`) is what the caller knows the result to be, e.g. `toJs<number[]>()`.
   */
  toJs<T = any>(options?: ToJsOptions): T {
    // The core reads and checks the options (a bad one is a TypeError naming it).
    return coreOf(this).proxy_to_js(idOf(this), options);
  }

  get [Symbol.toStringTag](): string {
    return "PyProxy";
  }
}

/** Objects with `__len__`. */
export class PyProxyWithLength extends PyProxy {
  /** `len(obj)`; read-only. */
  get length(): number {
    return coreOf(this).proxy_len(idOf(this));
  }
}

/** Objects with `__getitem__`. */
export class PyProxyWithGet extends PyProxy {
  /** `obj[key]`; a missing key (KeyError, IndexError) gives `undefined`. */
  get(key: any): any {
    return getItem(this, key);
  }

  /**
   * The object as a JSON adaptor (Pyodide 0.26+): properties read, write and delete items (a
   * numeric name the int key), and the containers it gives are adaptors too, so
   * `JSON.stringify(proxy.asJsJson())` inverts `json.loads`. Same object and lifetime.
   */
  asJsJson(): any {
    idOf(this);
    return jsonAdaptorOf(this);
  }
}

/** Objects with `__setitem__` or `__delitem__`. */
export class PyProxyWithSet extends PyProxy {
  /** `obj[key] = value`. */
  set(key: any, value: any): void {
    coreOf(this).proxy_setitem(idOf(this), key, value);
  }
  /** `del obj[key]`. */
  delete(key: any): void {
    coreOf(this).proxy_delitem(idOf(this), key);
  }
}

/** Objects with `__contains__`. */
export class PyProxyWithHas extends PyProxy {
  /** `key in obj`. */
  has(key: any): boolean {
    return coreOf(this).proxy_contains(idOf(this), key);
  }
}

const EXHAUSTED_MESSAGE = "This borrowed proxy was automatically destroyed when an iterator was exhausted.";

/**
 * The steps of a `for...of` over `iter(obj)`. As in Pyodide, the proxies it produced are
 * destroyed once it runs to its end (or fails), not when the loop is left early; the Python
 * iterator is released either way.
 */
function* iterate(core: Core, it: PyProxy, adaptor: ProxyState | undefined): Generator<any, void, undefined> {
  const produced: PyProxy[] = [];
  try {
    const itId = idOf(it);
    // A JSON adaptor's items are adaptors cached on it (they live as long as it does).
    const next = adaptor === undefined ? () => core.proxy_next(itId, undefined, false) : () => readingFrom(adaptor, true, () => core.proxy_next(itId, undefined, true));
    for (;;) {
      const value = next();
      if (core.last_done()) break;
      yield value;
      if (adaptor === undefined && isPyProxy(value)) produced.push(value);
    }
  } catch (e) {
    destroyAll(produced);
    throw e;
  } finally {
    it.destroy();
  }
  destroyAll(produced);
}

function destroyAll(proxies: PyProxy[]): void {
  for (const p of proxies) {
    try {
      p.destroy({ message: EXHAUSTED_MESSAGE });
    } catch {
      // A proxy the loop body destroyed or broke is no reason to fail the loop.
    }
  }
}

/** Objects with `__iter__` (or `__next__`, or the old `__getitem__` protocol): `for...of`. */
export class PyIterable extends PyProxy {
  /** Calls `iter(obj)` at once (its error throws here) and iterates it. */
  [Symbol.iterator](): Iterator<any, any, any> {
    const core = coreOf(this);
    const it = core.proxy_iter(idOf(this));
    if (!isPyProxy(it)) throw new TypeError("iter() did not return a Python iterator");
    return iterate(core, it as PyProxy, propsOf(this).jsonAdaptor ? stateOf(this) : undefined);
  }
}

/** Python iterators (`__next__`): JS iterators too. */
export class PyIterator extends PyProxy {
  [Symbol.iterator](): this {
    return this;
  }
  /** `next(it)`, or `it.send(arg)` when `arg` is given; at the end `value` is the return value. */
  next(arg: any = undefined): IteratorResult<any, any> {
    const core = coreOf(this);
    const value = core.proxy_next(idOf(this), arg, false);
    return { done: core.last_done(), value };
  }
}

/** Python generators: `throw` and `return` as well as `next`. */
export class PyGenerator extends PyProxy {
  /** Raises `exc` inside the generator (a JS error arrives as a JsException). */
  throw(exc: any): IteratorResult<any, any> {
    const core = coreOf(this);
    const value = core.proxy_step(ProxyHelper.GenThrow, idOf(this), [exc]);
    return { done: core.last_done(), value };
  }
  /** Closes the generator; `value` is the result unless the generator yields or returns another. */
  return(value: any): IteratorResult<any, any> {
    const core = coreOf(this);
    const result = core.proxy_step(ProxyHelper.GenReturn, idOf(this), [value]);
    return { done: core.last_done(), value: result };
  }
}

/** Runs helper `name` (an `async def` returning `(done, value)`) and awaits it as a JS result. */
async function asyncStep(p: object, name: ProxyHelper, args: unknown[]): Promise<IteratorResult<any, any>> {
  const core = coreOf(p);
  const coro = core.proxy_helper(name, idOf(p), args, 0) as PyProxy;
  let pair: any;
  try {
    pair = await settle(core, coro);
  } finally {
    coro.destroy();
  }
  try {
    return { done: pair.get(0), value: pair.get(1) };
  } finally {
    pair.destroy();
  }
}

/** Objects with `__aiter__`: usable in `for await (const x of proxy)`. */
export class PyAsyncIterable extends PyProxy {
  /** Iterates `aiter(obj)`; the Python iterator is released when the loop ends. */
  async *[Symbol.asyncIterator](): AsyncIterator<any, any, any> {
    const it = coreOf(this).proxy_helper(ProxyHelper.AiterOf, idOf(this), [], 0);
    if (!isPyProxy(it)) throw new TypeError("aiter() did not return a Python async iterator");
    try {
      for (;;) {
        const step = await asyncStep(it, ProxyHelper.AnextStep, []);
        if (step.done) return;
        yield step.value;
      }
    } finally {
      (it as PyProxy).destroy();
    }
  }
}

/** Objects with `__anext__`: JS async iterators too. */
export class PyAsyncIterator extends PyProxy {
  [Symbol.asyncIterator](): this {
    return this;
  }
  /** `await anext(it)`, or `await it.asend(arg)` when `arg` is given. */
  next(arg: any = undefined): Promise<IteratorResult<any, any>> {
    return asyncStep(this, ProxyHelper.AnextStep, arg === undefined ? [] : [arg]);
  }
}

/** Python async generators: `throw` and `return` as well as `next`. */
export class PyAsyncGenerator extends PyProxy {
  /** Raises `exc` inside the generator (a JS error arrives as a JsException). */
  throw(exc: any): Promise<IteratorResult<any, any>> {
    return asyncStep(this, ProxyHelper.AgenThrow, [exc]);
  }
  /** Closes the generator; `value` is the result unless the generator yields another. */
  return(value: any): Promise<IteratorResult<any, any>> {
    return asyncStep(this, ProxyHelper.AgenReturn, [value]);
  }
}

/**
 * The promise that runs an awaitable once (as an asyncio task) and settles with its result.
 * As in Pyodide, the proxy is destroyed once the task is made: awaiting it again gives the
 * same promise.
 */
function ensureFuture(p: object): Promise<any> {
  const s = stateOf(p);
  if (s.promise !== undefined) return s.promise;
  idOf(p); // a destroyed proxy with no promise throws its message
  const promise = settle(s.ctx.core, p);
  s.promise = promise;
  destroyProxy(p, undefined, true);
  return promise;
}

// A call from JS to an `async def` schedules its coroutine at once (Pyodide checks the callee
// with iscoroutinefunction, so a plain function returning a coroutine does not).
setCoroutineHook((callee, coroutine) => {
  const s = stateOf(callee);
  if (s.destroyed !== undefined) return;
  if (s.ctx.core.proxy_helper(ProxyHelper.IsCoroutineFunction, s.id, [], 0)) ensureFuture(coroutine);
});

/** Coroutines, futures, tasks and other objects with `__await__`: JS thenables. */
export class PyAwaitable extends PyProxy {
  then<T = any, E = never>(
    onFulfilled?: ((value: any) => T | PromiseLike<T>) | null,
    onRejected?: ((reason: any) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    return ensureFuture(this).then(onFulfilled, onRejected);
  }
  catch<E = never>(onRejected?: ((reason: any) => E | PromiseLike<E>) | null): Promise<any> {
    return ensureFuture(this).catch(onRejected);
  }
  finally(onFinally?: (() => void) | null): Promise<any> {
    return ensureFuture(this).finally(onFinally);
  }
}

/** Objects with the buffer protocol (bytes, bytearray, memoryview, array.array). */
export class PyBuffer extends PyProxy {
  /**
   * A view of the object's memory without a copy. `type` overrides the typed array the
   * format would pick ("i8", "u8", "u8clamped", "i16", "u16", "i32", "u32", "i64", "u64",
   * "f32", "f64" or "dataview"). Call `release()` on the view when done.
   */
  getBuffer(type?: BufferType): PyBufferView {
    return getBuffer(this, type);
  }
}

function aliasOf<T extends object>(p: T, change: (props: ProxyProps) => ProxyProps): T {
  const props = propsOf(p);
  const s = stateOf(p);
  const alias = change({ ...props, boundArgs: [...props.boundArgs], owner: props.owner ?? p });
  return makeProxy(s, alias, Object.getPrototypeOf(p), handlerFor(s.flags, alias.jsonAdaptor), true);
}

/** The keyword-argument object a `...Kwargs` call ends with, checked as Pyodide does. */
function popKwargs(args: any[], method: string): object {
  if (args.length === 0) {
    throw new TypeError(`${method} requires at least one argument (the key word argument object)`);
  }
  const kwargs = args.pop();
  if (!isKwargsObject(kwargs)) throw new TypeError("kwargs argument is not an object");
  return kwargs;
}

/** A proxy of `_pyffi_proxy.relaxed_call`, one per runtime. */
const relaxedCalls = new WeakMap<ProxyContext, PyProxy>();
function relaxedCall(p: object): PyProxy {
  const ctx = stateOf(p).ctx;
  let f = relaxedCalls.get(ctx);
  if (f === undefined) {
    f = ctx.core.proxy_helper_function(ProxyHelper.RelaxedCall) as PyProxy;
    relaxedCalls.set(ctx, f);
  }
  return f;
}

/** Calls `p` through `relaxed_call`, which drops the arguments its signature has no room for. */
function callRelaxedWith(p: object, args: unknown[], kwargs: object | undefined): any {
  return callProxy(relaxedCall(p), undefined, [p, ...args], kwargs);
}

/** What `callPromising` does without stack switching: the call, from a fresh event-loop turn. */
async function callLater(p: object, args: unknown[], kwargs: object | undefined): Promise<any> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return callProxy(p, undefined, args, kwargs);
}

function isKwargsObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && hasPlainConstructor(v);
}

/** Python callables: JS functions (`typeof` "function", `instanceof Function`). */
export class PyCallable extends PyProxy {
  /** Calls with positional arguments; the last argument is an object of keyword arguments. */
  callKwargs(...args: any[]): any {
    if (args.length === 0) {
      throw new TypeError("callKwargs requires at least one argument (the key word argument object)");
    }
    const kwargs = args.pop();
    if (!isKwargsObject(kwargs)) throw new TypeError("kwargs argument is not an object");
    return callProxy(this, undefined, args, kwargs);
  }

  /**
   * Calls as `options` say: `kwargs` (the last argument holds keyword arguments), `relaxed`
   * (surplus arguments are dropped, see `callRelaxed`), `promising` (see `callPromising`).
   */
  callWithOptions(options: { relaxed?: boolean; kwargs?: boolean; promising?: boolean }, ...args: any[]): any {
    const { relaxed, kwargs, promising } = options;
    const kw = kwargs ? popKwargs(args, "callWithOptions with 'kwargs: true'") : undefined;
    const [target, all] = relaxed ? [relaxedCall(this), [this, ...args]] : [this, args];
    return promising ? callLater(target, all, kw) : callProxy(target, undefined, all, kw);
  }

  /**
   * Calls with the arguments the Python signature has room for, as JS functions ignore
   * surplus ones (Pyodide's `relaxed_call`); too few is still a TypeError.
   */
  callRelaxed(...args: any[]): any {
    return callRelaxedWith(this, args, undefined);
  }

  /** `callRelaxed` with keyword arguments: the last argument is an object of them. */
  callKwargsRelaxed(...args: any[]): any {
    const kwargs = popKwargs(args, "callKwargs");
    return callRelaxedWith(this, args, kwargs);
  }

  /**
   * Pyodide's call with stack switching; this runtime has none, so it is the call made from a
   * fresh event-loop turn: a Promise of its result.
   */
  callPromising(...args: any[]): Promise<any> {
    return callLater(this, args, undefined);
  }

  /** `callPromising` with keyword arguments: the last argument is an object of them. */
  callPromisingKwargs(...args: any[]): Promise<any> {
    const kwargs = popKwargs(args, "callKwargs");
    return callLater(this, args, kwargs);
  }

  /** As `Function.prototype.apply`: `thisArg` matters only after `captureThis()`. */
  apply(thisArg: any, argsLike?: ArrayLike<any> | null): any {
    if (argsLike === undefined || argsLike === null) return callProxy(this, thisArg, [], undefined);
    if (typeof argsLike !== "object" && typeof argsLike !== "function") {
      throw new TypeError("CreateListFromArrayLike called on non-object");
    }
    return callProxy(this, thisArg, Array.prototype.slice.call(argsLike), undefined);
  }

  /** As `Function.prototype.call`. */
  call(thisArg: any, ...args: any[]): any {
    return callProxy(this, thisArg, args, undefined);
  }

  /**
   * An alias that prepends `args`; only the first `bind`'s `thisArg` sticks. The alias shares
   * this proxy's lifetime: destroying either destroys both.
   */
  bind(thisArg: any, ...args: any[]): this {
    return aliasOf(this, (props) => {
      if (!props.hasBoundThis) {
        props.boundThis = thisArg;
        props.hasBoundThis = true;
      }
      props.boundArgs.push(...args);
      return props;
    });
  }

  /** An alias that passes the JS `this` as the first Python argument. */
  captureThis(): this {
    return aliasOf(this, (props) => ({ ...props, captureThis: true }));
  }
}

/** `collections.abc.Sequence` objects (list, tuple, range, ...): JS array-like reading methods. */
export class PySequence extends PyProxy {
  get [Symbol.isConcatSpreadable](): boolean {
    return true;
  }
  join(separator?: string): string {
    return Array.prototype.join.call(this, separator);
  }
  slice(start?: number, end?: number): any[] {
    return Array.prototype.slice.call(this, start, end);
  }
  indexOf(value: any, fromIndex?: number): number {
    return Array.prototype.indexOf.call(this, value, fromIndex);
  }
  lastIndexOf(value: any, fromIndex?: number): number {
    return fromIndex === undefined
      ? Array.prototype.lastIndexOf.call(this, value)
      : Array.prototype.lastIndexOf.call(this, value, fromIndex);
  }
  forEach(callback: (value: any, index: number, seq: any) => void, thisArg?: any): void {
    Array.prototype.forEach.call(this, callback, thisArg);
  }
  map<U>(callback: (value: any, index: number, seq: any) => U, thisArg?: any): U[] {
    return Array.prototype.map.call(this, callback, thisArg) as U[];
  }
  filter(predicate: (value: any, index: number, seq: any) => unknown, thisArg?: any): any[] {
    return Array.prototype.filter.call(this, predicate, thisArg);
  }
  some(predicate: (value: any, index: number, seq: any) => unknown, thisArg?: any): boolean {
    return Array.prototype.some.call(this, predicate, thisArg);
  }
  every(predicate: (value: any, index: number, seq: any) => unknown, thisArg?: any): boolean {
    return Array.prototype.every.call(this, predicate, thisArg);
  }
  reduce(callback: (acc: any, value: any, index: number, seq: any) => any, ...initial: any[]): any {
    return (Array.prototype.reduce as Function).call(this, callback, ...initial);
  }
  reduceRight(callback: (acc: any, value: any, index: number, seq: any) => any, ...initial: any[]): any {
    return (Array.prototype.reduceRight as Function).call(this, callback, ...initial);
  }
  at(index: number): any {
    return Array.prototype.at.call(this, index);
  }
  concat(...items: any[]): any[] {
    // The proxy itself is spreadable (Symbol.isConcatSpreadable): its items are read by index,
    // not by an iteration that would destroy the proxies it made.
    return Array.prototype.concat.apply(this as any, items);
  }
  /** `value in seq` (Python equality). */
  includes(value: any): boolean {
    return coreOf(this).proxy_contains(idOf(this), value);
  }
  entries(): IterableIterator<[number, any]> {
    return Array.prototype.entries.call(this);
  }
  keys(): IterableIterator<number> {
    return Array.prototype.keys.call(this);
  }
  values(): IterableIterator<any> {
    return Array.prototype.values.call(this);
  }
  find(predicate: (value: any, index: number, seq: any) => unknown, thisArg?: any): any {
    return Array.prototype.find.call(this, predicate, thisArg);
  }
  findIndex(predicate: (value: any, index: number, seq: any) => unknown, thisArg?: any): number {
    return Array.prototype.findIndex.call(this, predicate, thisArg);
  }
  /** So `JSON.stringify(listProxy)` writes an array. */
  toJSON(): any[] {
    return Array.from(this as any);
  }
}

/** `collections.abc.MutableSequence` objects (list, ...): JS array-mutating methods. */
export class PyMutableSequence extends PyProxy {
  reverse(): this {
    coreOf(this).proxy_helper(ProxyHelper.SeqReverse, idOf(this), [], 0);
    return this;
  }
  /** JS `sort`: without a comparator, by string order with `undefined`/`None` last. */
  sort(compare?: (a: any, b: any) => number): this {
    coreOf(this).proxy_helper(ProxyHelper.SeqSort, idOf(this), compare === undefined ? [] : [compare], 0);
    return this;
  }
  splice(start?: number, deleteCount?: number, ...items: any[]): any[] {
    if (arguments.length === 0) return [];
    const args = arguments.length === 1 ? [start] : [start, deleteCount, ...items];
    return coreOf(this).proxy_helper(ProxyHelper.SeqSplice, idOf(this), args, 1);
  }
  push(...items: any[]): number {
    return coreOf(this).proxy_helper(ProxyHelper.SeqPush, idOf(this), items, 0);
  }
  pop(): any {
    return coreOf(this).proxy_helper(ProxyHelper.SeqPop, idOf(this), [-1], 0);
  }
  shift(): any {
    return coreOf(this).proxy_helper(ProxyHelper.SeqPop, idOf(this), [0], 0);
  }
  unshift(...items: any[]): number {
    return coreOf(this).proxy_helper(ProxyHelper.SeqUnshift, idOf(this), items, 0);
  }
  copyWithin(target: number, start?: number, end?: number): this {
    (Array.prototype.copyWithin as Function).call(this, target, start, end);
    return this;
  }
  fill(value: any, start?: number, end?: number): this {
    Array.prototype.fill.call(this, value, start, end);
    return this;
  }
}

/** Exactly `dict`: the get/set/has/length/iteration members together. */
export class PyDict extends PyProxy {
}

/**
 * Each protocol's flag and class, in the order their members are copied into a prototype (a
 * later class's member wins: an iterator's own `[Symbol.iterator]` over the iterable's).
 * @internal
 */
export const PROTOCOLS: ReadonlyArray<readonly [number, Function]> = [
  [0, PyProxy],
  [F.HasLength, PyProxyWithLength],
  [F.HasGet, PyProxyWithGet],
  [F.HasSet, PyProxyWithSet],
  [F.HasContains, PyProxyWithHas],
  [F.IsIterable, PyIterable],
  [F.IsIterator, PyIterator],
  [F.IsGenerator, PyGenerator],
  [F.IsAsyncIterable, PyAsyncIterable],
  [F.IsAsyncIterator, PyAsyncIterator],
  [F.IsAsyncGenerator, PyAsyncGenerator],
  [F.IsAwaitable, PyAwaitable],
  [F.IsBuffer, PyBuffer],
  [F.IsCallable, PyCallable],
  [F.IsSequence, PySequence],
  [F.IsMutableSequence, PyMutableSequence],
  [F.IsDict, PyDict],
];

// `x instanceof PyDict` asks the proxy's flags, not its prototype chain (the prototype is a
// combination, and callables must stay `instanceof Function`). Some classes accept more than
// their own flag, as Pyodide's do: an iterator is a PyIterable, an async iterator a
// PyAsyncIterable, and every sequence a PyMutableSequence.
const INSTANCE_FLAGS = new Map<Function, number>([
  [PyIterable, F.IsIterable | F.IsIterator],
  [PyAsyncIterable, F.IsAsyncIterable | F.IsAsyncIterator],
  [PyMutableSequence, F.IsSequence],
]);
for (const [flag, cls] of PROTOCOLS) {
  const any = INSTANCE_FLAGS.get(cls);
  const test = any === undefined ? (v: unknown) => hasFlags(v, flag) : (v: unknown) => isPyProxy(v) && (stateOf(v as object).flags & any) !== 0;
  Object.defineProperty(cls, Symbol.hasInstance, { value: test });
}

// What the flag-selected classes add, for TypeScript (the JS side copies the members at run time).
export interface PyIterator extends PyIterable {}
export interface PyGenerator extends PyIterator {}
export interface PyAsyncIterator extends PyAsyncIterable {}
export interface PyAsyncGenerator extends PyAsyncIterator {}
export interface PySequence extends PyProxyWithLength, PyProxyWithGet, PyProxyWithHas, PyIterable {}
export interface PyMutableSequence extends PySequence, PyProxyWithSet {
  /** Python's `list.append` (reached as a Python attribute). */
  append(value: any): void;
  /** Python's `list.extend`: `values` must be a Python iterable (a PyProxy). */
  extend(values: any): void;
  /** Python's `list.insert`. */
  insert(index: number, value: any): void;
}
/** A callable proxy is a JS function: `if (f instanceof PyCallable) f(3)`. */
export interface PyCallable {
  (...args: any[]): any;
}
export interface PyDict extends PyProxyWithLength, PyProxyWithGet, PyProxyWithSet, PyProxyWithHas, PyIterable {
  /** Python's `dict.keys()`: a new view proxy (destroy it when done). */
  keys(): PyIterable & PyProxyWithLength & PyProxyWithHas;
  /** Python's `dict.values()`: a new view proxy. */
  values(): PyIterable & PyProxyWithLength;
  /** Python's `dict.items()`: a new view proxy of `(key, value)` tuples. */
  items(): PyIterable & PyProxyWithLength;
}
