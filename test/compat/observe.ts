// Turns whatever a case produced into a plain description that can be compared across the two
// runtimes: JS type and value, PyProxy type and the ffi classes it is an instance of, errors by
// class, name, Python type and the message's last line (tracebacks name different frames in
// CPython and RustPython, so only the exception line is compared).

import type { CaseContext } from "./adapter.js";

const PROXY_CLASSES = [
  "PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithSet", "PyProxyWithHas", "PyDict",
  "PyIterable", "PyAsyncIterable", "PyIterator", "PyAsyncIterator", "PyGenerator", "PyAsyncGenerator",
  "PyAwaitable", "PyCallable", "PyBuffer", "PySequence", "PyMutableSequence",
];

/** The last non-empty line of a message: a traceback's exception line, or the whole message. */
export function lastLine(message: string): string {
  const lines = String(message).split("\n").filter((l) => l.trim() !== "");
  return lines.length ? lines[lines.length - 1] : "";
}

function describeError(e: any, ctx: CaseContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    error: e?.constructor?.name ?? typeof e,
    name: e?.name,
    message: lastLine(e?.message ?? String(e)),
  };
  if (e instanceof ctx.ffi.PythonError) out.type = e.type;
  return out;
}

function typedName(v: object): string | undefined {
  if (ArrayBuffer.isView(v)) return v.constructor.name;
  if (v instanceof ArrayBuffer) return "ArrayBuffer";
  return undefined;
}

/** A JSON-comparable description of `value` as `ctx`'s runtime produced it. */
export function observe(value: unknown, ctx: CaseContext, seen: Map<object, number> = new Map()): unknown {
  switch (typeof value) {
    case "undefined":
      return { undefined: true };
    case "number":
      if (Number.isNaN(value)) return { number: "NaN" };
      if (Object.is(value, -0)) return { number: "-0" };
      if (!Number.isFinite(value)) return { number: String(value) };
      return value;
    case "bigint":
      return { bigint: value.toString() };
    case "symbol":
      return { symbol: value.toString() };
    case "string":
    case "boolean":
      return value;
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) return { cycle: seen.get(obj) };
  seen.set(obj, seen.size);
  if (ctx.isPyProxy(obj)) {
    const p = obj as any;
    let type: unknown;
    try {
      type = p.type;
    } catch (e) {
      type = describeError(e, ctx);
    }
    return { pyproxy: type, classes: PROXY_CLASSES.filter((c) => obj instanceof ctx.ffi[c]) };
  }
  if (obj instanceof Error) return describeError(obj, ctx);
  const typed = typedName(obj);
  if (typed === "ArrayBuffer") return { ArrayBuffer: Array.from(new Uint8Array(obj as ArrayBuffer)) };
  if (typed === "DataView") return { DataView: (obj as DataView).byteLength };
  if (typed) return { [typed]: Array.from(obj as any, (x) => observe(x, ctx, seen)) };
  if (Array.isArray(obj)) return { array: obj.map((x) => observe(x, ctx, seen)) };
  if (obj instanceof Map) {
    return { map: [...obj.entries()].map(([k, v]) => [observe(k, ctx, seen), observe(v, ctx, seen)]) };
  }
  if (obj instanceof Set) return { set: [...obj].map((x) => observe(x, ctx, seen)) };
  if (obj instanceof Promise) return { promise: true };
  if (typeof obj === "function") return { function: (obj as Function).name };
  const proto = Object.getPrototypeOf(obj);
  if (proto === Object.prototype || proto === null) {
    return { object: Object.entries(obj).map(([k, v]) => [k, observe(v, ctx, seen)]) };
  }
  return { instance: proto?.constructor?.name ?? "?" };
}

/** Runs `fn` and describes its outcome: `{ value }` or `{ threw }`. */
export async function outcomeOf(fn: () => unknown, ctx: CaseContext): Promise<unknown> {
  try {
    const value = await fn();
    return { value: observe(value, ctx) };
  } catch (e) {
    return { threw: observe(e, ctx) };
  }
}
