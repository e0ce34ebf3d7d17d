// Argument checks for the public entry points (`py.*`, `py.FS.*`, `loadPython`): a wrong type is
// a TypeError naming the method, the argument and what it got, thrown in JS before anything
// reaches the wasm core (whose bindings would read a number as a pointer, say). The conversion
// options (`toJs`, `toPy`) are the exception: the core reads them as one object and checks them
// itself (rust/src/convert/options.rs), the same way for Python's `to_js` and `to_py`.

import { isPyProxy } from "../pyproxy/proxy-state.js";
import { describeValue } from "../wasm/helpers.js";

/** A short, never-throwing description of `value` for messages: `number (123)`, `null`,
 * `object (Map)`. The core's JS snippet has it, so that its option errors read the same. */
export { describeValue };

/** The TypeError for argument `name` of `method`, which should have been `expected`. */
export function argumentError(method: string, name: string, expected: string, value: unknown): TypeError {
  return new TypeError(`${method}: ${name} must be ${expected}, not ${describeValue(value)}`);
}

export function checkString(method: string, name: string, value: unknown): string {
  if (typeof value !== "string") throw argumentError(method, name, "a string", value);
  return value;
}

export function checkOptionalString(method: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== "string") throw argumentError(method, name, "a string", value);
  return value;
}

export function checkOptionalBoolean(method: string, name: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") throw argumentError(method, name, "a boolean", value);
  return value;
}

export function checkOptionalFunction<F extends Function>(method: string, name: string, value: unknown): F | undefined {
  if (value !== undefined && typeof value !== "function") throw argumentError(method, name, "a function", value);
  return value as F | undefined;
}

/** An object or a function (not null): what may stand for a Python module, say. */
export function checkObject(method: string, name: string, value: unknown): object {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) {
    throw argumentError(method, name, "an object", value);
  }
  return value;
}

/** An options bag: `undefined` (no options) or an object; returns an object either way. */
export function checkOptions<T extends object>(method: string, name: string, value: unknown): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null) throw argumentError(method, name, "an object", value);
  return value as Partial<T>;
}

/** One of a few literal values (`"manual"` or `"auto"`), or `undefined` when `optional`. */
export function checkOneOf<T>(method: string, name: string, value: unknown, allowed: readonly T[], optional = true): T | undefined {
  if ((optional && value === undefined) || allowed.includes(value as T)) return value as T | undefined;
  throw argumentError(method, name, orList(allowed.map((a) => JSON.stringify(a))), value);
}

/** A plain record (not an array, Map, or other built-in with its own [[Class]]). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !isPyProxy(value) &&
    Object.prototype.toString.call(value) === "[object Object]"
  );
}

/** A string or a URL (from any realm). */
export function isUrlLike(value: unknown): value is string | URL {
  return typeof value === "string" || value instanceof URL || Object.prototype.toString.call(value) === "[object URL]";
}

// %TypedArray%.prototype[@@toStringTag] reads the internal slot: a typed array's kind, from any
// realm, and undefined for anything else (a Symbol.toStringTag of its own cannot fake it).
const typedArrayKind = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)!.get!;

/** A Uint8Array (Node's Buffer is one), from any realm. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return typedArrayKind.call(value) === "Uint8Array";
}

/** File contents: a string or a Uint8Array. */
export function isFileData(value: unknown): value is string | Uint8Array {
  return typeof value === "string" || isUint8Array(value);
}

function orList(items: string[]): string {
  return items.length <= 2 ? items.join(" or ") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
