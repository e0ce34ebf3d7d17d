// Operations the Rust core needs from JavaScript, each in a single wasm->JS crossing.
// wasm-bindgen copies this file next to the generated glue.

// Every PyProxy answers this registered symbol with its registry id (see js/pyproxy/pyproxy.ts).
const PYPROXY_ID = Symbol.for("@pkg/ffi.pyproxy.id");
const PYPROXY_ROUNDTRIP = Symbol.for("@pkg/ffi.pyproxy.roundtrip");

// What a JS value becomes in Python, as one small integer. Objects and functions that are not
// PyProxies answer OBJECT + their capability flags * FLAG_SHIFT, so the core learns both in one
// crossing. These numbers (and the flags below) are declared in rust/wire/src/lib.rs (ValueKind,
// JsFlag); this file is imported by the glue before those exist, so it keeps copies, which
// test/node/wire-constants.test.ts checks against them.
const NULLISH = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 5;
const BIGINT = 6;
const PYPROXY = 7;
const ROUNDTRIP_PYPROXY = 9;
const OBJECT = 16;
const FLAG_SHIFT = 64;
export function kindOf(v) {
  switch (typeof v) {
    case "undefined":
      return NULLISH;
    case "boolean":
      return v ? TRUE : FALSE;
    case "number":
      return NUMBER; // int or float: rust/src/crossing/js2py.rs decides
    case "string":
      return STRING;
    case "bigint":
      return BIGINT;
    case "object":
      if (v === null) return NULLISH;
    // falls through: objects and functions may be PyProxies
    case "function": {
      let id;
      try {
        id = v[PYPROXY_ID];
      } catch {
        return OBJECT; // a revoked Proxy: a JsProxy with no capabilities
      }
      if (id !== undefined) return v[PYPROXY_ROUNDTRIP] === true ? ROUNDTRIP_PYPROXY : PYPROXY;
      return OBJECT + jsFlags(v) * FLAG_SHIFT;
    }
    default:
      return OBJECT;
  }
}

// JS capabilities, one bit each (JsFlag in rust/wire/src/lib.rs); the Python classes are chosen from
// them (rust/python/_pyffi_jsproxy.py).
const CALLABLE = 1 << 0;
const ARRAY = 1 << 1;
const TYPED_ARRAY = 1 << 2;
const ARRAY_LIKE = 1 << 3;
const ITERABLE = 1 << 4;
const ITERATOR = 1 << 5;
const GENERATOR = 1 << 6;
const HAS_GET = 1 << 7;
const HAS_SET = 1 << 8;
const HAS_HAS = 1 << 9;
const HAS_INCLUDES = 1 << 10;
const HAS_LENGTH = 1 << 11;
const THENABLE = 1 << 12;
const ASYNC_ITERABLE = 1 << 13;
const ASYNC_ITERATOR = 1 << 14;
const ASYNC_GENERATOR = 1 << 15;
const ERROR = 1 << 16;
const BUFFER = 1 << 17;
const DISPOSABLE = 1 << 18;
const ASYNC_DISPOSABLE = 1 << 19;

const REMOTE_FLAGS = Symbol.for("@pkg/ffi.remote.flags");

// Pyodide's probes: each one alone may throw (a getter, a revoked Proxy) and then answers no.
export function hasMethod(v, key) {
  try {
    return typeof v[key] === "function";
  } catch {
    return false;
  }
}
function hasProperty(v, key) {
  try {
    return key in v;
  } catch {
    return false;
  }
}
function typeTag(v) {
  try {
    return Object.prototype.toString.call(v);
  } catch {
    return "";
  }
}

// The capabilities Pyodide's JsProxy_compute_typeflags finds, with the same tests.
export function jsFlags(v) {
  // Functions first: they are what method calls read, the hottest path.
  if (typeof v === "function") return CALLABLE;
  if (typeof v !== "object" || v === null) return 0;
  let isArray;
  try {
    isArray = Array.isArray(v);
  } catch {
    return 0; // a revoked Proxy: nothing can be asked of it
  }
  if (isArray) return arrayFlags(v);
  if (ArrayBuffer.isView(v)) {
    return v instanceof DataView ? BUFFER : BUFFER | TYPED_ARRAY | ITERABLE | HAS_LENGTH | HAS_INCLUDES;
  }
  try {
    // A worker's proxy of a main-thread object knows its flags (computed there by this same
    // function): asking saves a round trip to the main thread per probe (js/worker/).
    const remote = v[REMOTE_FLAGS];
    if (remote !== undefined) return remote;
    // Each probe at its own site, so that V8's inline caches stay monomorphic (this runs for
    // every object that crosses).
    if (v instanceof ArrayBuffer) return BUFFER;
    let f = 0;
    if (typeof v[Symbol.iterator] === "function") f |= ITERABLE;
    if (typeof v[Symbol.asyncIterator] === "function") f |= ASYNC_ITERABLE;
    if (typeof v.then === "function") f |= THENABLE;
    const hasLength = "length" in v;
    if (hasLength || "size" in v) f |= HAS_LENGTH;
    if (typeof v.get === "function") f |= HAS_GET;
    if (typeof v.set === "function") f |= HAS_SET;
    if (typeof v.has === "function") f |= HAS_HAS;
    if (typeof v.includes === "function") f |= HAS_INCLUDES;
    if (typeof v[Symbol.dispose] === "function") f |= DISPOSABLE;
    if (typeof v[Symbol.asyncDispose] === "function") f |= ASYNC_DISPOSABLE;
    if (typeof v.next === "function") f = iteratorFlags(v, f);
    return finishFlags(v, f, hasLength);
  } catch {
    // A getter threw: probe one by one, each failure a no (Pyodide's hasMethod/hasProperty).
    return carefulFlags(v);
  }
}

// An Array is asked what Pyodide asks any object (an own `has` is what `in` calls, an own `then`
// makes it awaitable, name/message/stack make it an error); it is never array-like.
function arrayFlags(v) {
  return finishFlags(v, probedFlags(v) | ARRAY | HAS_LENGTH, false);
}

function iteratorFlags(v, f) {
  // Sync or async is only known from what next() returns; Pyodide guesses from the symbols.
  if (f & ITERABLE || !(f & ASYNC_ITERABLE)) f |= ITERATOR;
  if (!(f & ITERABLE) || f & ASYNC_ITERABLE) f |= ASYNC_ITERATOR;
  // Only an iterator can be a generator: the tag is read for those alone.
  const tag = typeTag(v);
  if (tag === "[object Generator]") f |= GENERATOR;
  else if (tag === "[object AsyncGenerator]") f |= ASYNC_GENERATOR;
  return f;
}

function finishFlags(v, f, hasLength) {
  // NodeList, HTMLCollection, arguments: indexable by position, read-only.
  if (hasLength && f & ITERABLE && !(f & ITERATOR)) f |= ARRAY_LIKE;
  // Pyodide's duck test: name, message and stack (a DOMException may lack a stack).
  if (hasProperty(v, "name") && hasProperty(v, "message") && (hasProperty(v, "stack") || constructorName(v) === "DOMException")) {
    f |= ERROR;
  }
  return f;
}

function carefulFlags(v) {
  if (typeTag(v) === "[object ArrayBuffer]") return BUFFER;
  const hasLength = hasProperty(v, "length");
  let f = probedFlags(v);
  if (hasLength || hasProperty(v, "size")) f |= HAS_LENGTH;
  return finishFlags(v, f, hasLength);
}

// The method probes, one by one, each failure a no (Pyodide's hasMethod).
function probedFlags(v) {
  let f = 0;
  if (hasMethod(v, Symbol.iterator)) f |= ITERABLE;
  if (hasMethod(v, Symbol.asyncIterator)) f |= ASYNC_ITERABLE;
  if (hasMethod(v, "then")) f |= THENABLE;
  if (hasMethod(v, "get")) f |= HAS_GET;
  if (hasMethod(v, "set")) f |= HAS_SET;
  if (hasMethod(v, "has")) f |= HAS_HAS;
  if (hasMethod(v, "includes")) f |= HAS_INCLUDES;
  if (hasMethod(v, Symbol.dispose)) f |= DISPOSABLE;
  if (hasMethod(v, Symbol.asyncDispose)) f |= ASYNC_DISPOSABLE;
  if (hasMethod(v, "next")) f = iteratorFlags(v, f);
  return f;
}

function constructorName(v) {
  try {
    return v.constructor.name;
  } catch {
    return "";
  }
}

export function pyproxyId(v) {
  return v[PYPROXY_ID];
}

// A plain property read (Python's getattr goes through readAttrKind, below).
export function getAttr(obj, key) {
  return obj[key];
}
// What getItem gives for an absent key, so that an item holding `undefined` is still one.
const MISSING = Symbol("missing");
export function isMissing(v) {
  return v === MISSING;
}

// A property read in one crossing for the common cases: the kind of the value (kindOf's codes,
// or READ_MISSING), with the value left here for takeRead() (which the core imports twice: as a
// JsValue, and as an f64 for numbers, which then never become a JsValue at all).
const READ_MISSING = 255;
let lastRead;
export function readAttrKind(obj, key) {
  const v = obj[key];
  if (v === undefined && !(key in Object(obj))) return READ_MISSING;
  // kindOf may run getters that call back into Python and read again: stash only after it.
  const kind = kindOf(v);
  lastRead = v;
  return kind;
}
// An index read (`arr[i]` from Python) in one crossing, as readAttrKind: no key value to make.
export function readIndexKind(obj, i) {
  const v = obj[i];
  if (v === undefined && !(i in obj)) return READ_MISSING;
  const kind = kindOf(v);
  lastRead = v;
  return kind;
}
export function takeRead() {
  const v = lastRead;
  lastRead = undefined;
  return v;
}
export function setAttr(obj, key, value) {
  obj[key] = value;
}
export function deleteAttr(obj, key) {
  if (!(key in Object(obj))) return false;
  delete obj[key];
  return true;
}
export function hasAttr(obj, key) {
  return key in Object(obj);
}
export function callFunction(fn, thisArg, args) {
  return Reflect.apply(fn, thisArg, args);
}
export function construct(fn, args) {
  return Reflect.construct(fn, args);
}
export function isCallable(v) {
  return typeof v === "function";
}
export function typeOf(v) {
  return typeof v;
}
// str() of a JsProxy: toString() if reading it gives a function (what it throws goes to Python),
// else the tag, as Pyodide's JsvObject_toString.
export function stringOf(v) {
  if (hasMethod(v, "toString")) return String(v.toString());
  return Object.prototype.toString.call(v);
}
export function isWellFormed(s) {
  return s.isWellFormed();
}
export function codeUnits(s) {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
export function fromCodeUnits(units) {
  let s = "";
  for (let i = 0; i < units.length; i += 8192) {
    s += String.fromCharCode.apply(null, units.subarray(i, i + 8192));
  }
  return s;
}
export function bigintFromString(s) {
  return BigInt(s);
}
export function bigintToString(b) {
  return b.toString();
}
// What a throw gives Python: the thrown value if it is an error, else an Error that describes it
// (Pyodide's wording, so messages match).
export function asThrownError(e) {
  if (typeof e === "string") return new Error(e);
  let isError = false;
  try {
    isError = typeof e === "object" && e !== null && typeof e.stack === "string" && typeof e.message === "string";
  } catch {
    // a throwing getter: describe the value instead
  }
  if (isError) return e;
  let msg = `A value of type ${typeof e} with tag ${Object.prototype.toString.call(e)} was thrown as an error!`;
  try {
    msg += `\nString interpolation of the thrown value gives """${e}""".`;
  } catch {
    msg += `\nString interpolation of the thrown value fails.`;
  }
  try {
    msg += `\nThe thrown value's toString method returns """${e.toString()}""".`;
  } catch {
    msg += `\nThe thrown value's toString method fails.`;
  }
  return new Error(msg);
}
export function errorName(e) {
  try {
    if (e && typeof e === "object" && typeof e.name === "string") return e.name;
  } catch {
    // a throwing getter: fall through
  }
  return "Error";
}
export function errorMessage(e) {
  try {
    if (e && typeof e === "object" && "message" in e) return String(e.message);
    return String(e);
  } catch {
    return Object.prototype.toString.call(e);
  }
}
export function objectKeysDeep(obj) {
  const keys = new Set();
  for (let o = Object(obj); o !== null; o = Object.getPrototypeOf(o)) {
    for (const k of Object.getOwnPropertyNames(o)) if (!/^\d+$/.test(k)) keys.add(k);
  }
  return Array.from(keys);
}
export function newObject() {
  return {};
}
export function defineOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
export function nowSeconds() {
  return Date.now() / 1000;
}
export function perfNow() {
  return performance.now();
}

// --- JsProxy protocols (rust/src/jsproxy/ops.rs) ---

// Python's len(): `size` (Map, Set) before `length`.
export function jsLength(v) {
  const n = typeof v.size === "number" ? v.size : v.length;
  return typeof n === "number" ? n : NaN;
}
export function getItem(obj, key) {
  const v = obj[key];
  if (v === undefined && !(key in obj)) return MISSING;
  return v;
}
export function setItem(obj, key, value) {
  obj[key] = value;
}
export function callMethod(obj, name, args) {
  const f = obj[name];
  if (typeof f !== "function") throw new TypeError(`${typeOf(obj)} has no method ${String(name)}()`);
  return Reflect.apply(f, obj, args);
}
export function iteratorOf(obj, asynchronous) {
  return asynchronous ? obj[Symbol.asyncIterator]() : obj[Symbol.iterator]();
}
// Python's bool(): JS truthiness, plus emptiness for sized containers (as Pyodide does).
export function truthy(v) {
  if (!v) return false;
  if (typeof v !== "object") return true;
  try {
    if (v.size === 0 && !(typeof HTMLElement === "function" && v instanceof HTMLElement)) return false;
    if (Array.isArray(v) && v.length === 0) return false;
    if (v.byteLength === 0) return false;
  } catch {
    // a throwing getter: the object itself is truthy
  }
  return true;
}
// A small integer per JS object, the same every time the object crosses (Python's js_id).
const ids = new WeakMap();
const primitiveIds = new Map();
let nextId = 1;
export function jsId(v) {
  const weak = (typeof v === "object" && v !== null) || typeof v === "function";
  const table = weak ? ids : primitiveIds;
  let id = table.get(v);
  if (id === undefined) {
    id = nextId++;
    table.set(v, id);
  }
  return id;
}
export function compare(a, b, op) {
  switch (op) {
    case 0:
      return a < b;
    case 1:
      return a <= b;
    case 4:
      return a > b;
    default:
      return a >= b;
  }
}
export function isArray(v) {
  return Array.isArray(v);
}
// A JsProxy of `create_proxy` is destroyed through the PyProxy's own method.
export function destroyAll(proxies) {
  for (const p of proxies) {
    if (p !== null && (typeof p === "object" || typeof p === "function") && typeof p.destroy === "function") p.destroy();
  }
}
// A JS iterator step: 0 not done, 1 done, 2 a promise (an async iterator), 3 no `done` field.
export function iteratorResult(r) {
  if (typeof r.then === "function") return 2;
  if (!("done" in r)) return 3;
  return r.done ? 1 : 0;
}
// obj[start:stop:step] as a new Array (array-likes included); indices come normalised.
export function sliceOf(obj, start, stop, step) {
  if (step === 1) return Array.prototype.slice.call(obj, start, stop);
  const out = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(obj[i]);
  return out;
}
export function ownKeys(obj, all) {
  return all ? Object.getOwnPropertyNames(obj) : Object.keys(obj);
}
export function hasOwn(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
export function dispose(obj, asynchronous) {
  if (!asynchronous) return obj[Symbol.dispose]();
  return Promise.resolve(obj[Symbol.asyncDispose]());
}

export function bufferBytes(v) {
  return v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

export function isThenable(v) {
  return typeof v === "object" && v !== null && typeof v.then === "function";
}

// A generator a JS call returned while it held borrowed argument proxies: they live until the
// generator completes (Pyodide's rule), then are destroyed with Pyodide's message.
export function releaseWhenGeneratorDone(gen, proxies) {
  let tag;
  try {
    tag = gen?.[Symbol.toStringTag];
  } catch {
    return undefined;
  }
  if (tag !== "Generator" && tag !== "AsyncGenerator") return undefined;
  const async = tag === "AsyncGenerator";
  const message = `This borrowed proxy was automatically destroyed when ${async ? "an asynchronous generator" : "a generator"} completed execution. Try using create_proxy or create_once_callable.`;
  const live = new Set(proxies);
  const cleanup = () => live.forEach((p) => p.destroy({ message }));
  const finish = (res) => {
    if (res.done) {
      live.delete(res.value);
      cleanup();
    }
    return res;
  };
  const step = (name) =>
    async
      ? async (v) => {
          try {
            return finish(await gen[name](v));
          } catch (e) {
            cleanup();
            throw e;
          }
        }
      : (v) => {
          try {
            return finish(gen[name](v));
          } catch (e) {
            cleanup();
            throw e;
          }
        };
  const wrapper = { next: step("next"), throw: step("throw"), return: step("return") };
  Object.defineProperty(wrapper, Symbol.toStringTag, { get: () => tag });
  if (async) wrapper[Symbol.asyncIterator] = function () { return this; };
  else wrapper[Symbol.iterator] = function () { return this; };
  return wrapper;
}

// A short, never-throwing description of `value` for error messages: `number (123)`, `null`,
// `object (Map)`, `PyProxy`. The TS layer's argument checks use this one too (js/wasm/helpers.js).
export function describeValue(value) {
  try {
    switch (typeof value) {
      case "undefined":
        return "undefined";
      case "string":
        return `string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
      case "number":
      case "boolean":
        return `${typeof value} (${String(value)})`;
      case "bigint":
        return `bigint (${String(value)}n)`;
      case "symbol":
        return `symbol (${String(value)})`;
    }
    if (value === null) return "null";
    if (value[PYPROXY_ID] !== undefined) return "PyProxy"; // a destroyed one answers -1
    if (typeof value === "function") return value.name ? `function (${value.name})` : "function";
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === "string" && name !== "" && name !== "Object" ? `object (${name})` : "object";
  } catch {
    // A revoked Proxy, a throwing getter: say what is certain.
    return typeof value;
  }
}

