// What counts as a plain object, by Pyodide's two rules (src/core/pyproxy.ts for keyword
// arguments, src/core/js2python.js for conversions), which share the constructor test: an object
// with no constructor, or one named "Object" (so `Object.create(null)` and `{}` are plain, a class
// instance is not, and neither is `{ constructor: 1 }`).

/** No `constructor`, or one named "Object": Pyodide's test of a kwargs object. */
export function hasPlainConstructor(v: object): boolean {
  const ctor = (v as { constructor?: { name?: unknown } }).constructor;
  return ctor === undefined || ctor.name === "Object";
}

/** A plain object for conversion: tagged `[object Object]` (not a Map, Date, ...) and plain-made. */
export function isPlainObject(v: object): boolean {
  return Object.prototype.toString.call(v) === "[object Object]" && hasPlainConstructor(v);
}
