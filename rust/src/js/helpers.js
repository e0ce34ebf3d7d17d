// Operations the Rust core needs from JavaScript, each in a single wasm->JS crossing.
// wasm-bindgen copies this file next to the generated glue.

// Every PyProxy answers this registered symbol with its registry id (see js/pyproxy.ts).
const PYPROXY_ID = Symbol.for("@pkg/ffi.pyproxy.id");
const TWO_53 = 2 ** 53;

// What a JS value becomes in Python, as one small integer (see Kind in rust/src/js2py.rs).
export function kindOf(v) {
  switch (typeof v) {
    case "undefined":
      return 0;
    case "boolean":
      return v ? 2 : 1;
    case "number":
      return Number.isInteger(v) && Math.abs(v) <= TWO_53 ? 3 : 4;
    case "string":
      return 5;
    case "bigint":
      return 6;
    case "object":
      if (v === null) return 0;
    // falls through: objects and functions may be PyProxies
    case "function": {
      const id = v[PYPROXY_ID];
      return id === undefined ? 8 : 7;
    }
    default:
      return 8;
  }
}

export function pyproxyId(v) {
  return v[PYPROXY_ID];
}

// Property read for Python's getattr: a missing property is `MISSING` so Python can raise
// AttributeError, while a present property holding `undefined` is still `undefined`.
export const MISSING = Symbol("missing");
export function getAttr(obj, key) {
  const v = obj[key];
  if (v === undefined && !(key in Object(obj))) return MISSING;
  return v;
}
export function isMissing(v) {
  return v === MISSING;
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
export function stringOf(v) {
  try {
    if (typeof v?.toString === "function") return String(v.toString());
  } catch {
    // fall through to the tag, like Pyodide
  }
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
