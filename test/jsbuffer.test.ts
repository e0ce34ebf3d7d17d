// JS buffers in Python: ArrayBuffer, every TypedArray and DataView are JsBuffers with copying
// conversions and size-checked assignment.

import { beforeAll, describe, expect, test } from "vitest";
import type { PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython());
});

const FORMATS: Array<[string, string]> = [
  ["Int8Array", "b"], ["Uint8Array", "B"], ["Uint8ClampedArray", "B"], ["Int16Array", "h"], ["Uint16Array", "H"],
  ["Int32Array", "i"], ["Uint32Array", "I"], ["Float32Array", "f"], ["Float64Array", "d"],
  ["BigInt64Array", "q"], ["BigUint64Array", "Q"], ["DataView", "B"], ["ArrayBuffer", "B"],
];

describe("JsBuffer", () => {
  test("every kind is a JsBuffer whose to_memoryview() copies in the matching format", () => {
    const r = py.runPython(`
import js
from pyodide.ffi import JsBuffer
out = []
for name in ${JSON.stringify(FORMATS.map(([n]) => n))}:
    if name == "DataView":
        v = js.DataView.new(js.ArrayBuffer.new(8))
    elif name == "ArrayBuffer":
        v = js.ArrayBuffer.new(8)
    else:
        v = getattr(js, name).new(2)
    m = v.to_memoryview()
    out.append([isinstance(v, JsBuffer), m.format, m.nbytes])
out`).toJs();
    const nbytes = (name: string) => (name === "DataView" || name === "ArrayBuffer" ? 8 : 2 * (globalThis as any)[name].BYTES_PER_ELEMENT);
    expect(r).toEqual(FORMATS.map(([name, format]) => [true, format, nbytes(name)]));
  });

  test("typed-array items can be replaced, never added or removed; slices are not supported", () => {
    const i16 = new Int16Array(3);
    py.globals.set("i16", i16);
    const r = py.runPython(`
i16[0] = 7
i16[-1] = -2
errors = []
for op in (lambda: i16.__setitem__(slice(1, 3), [5, 6]), lambda: i16[0:2], lambda: i16.__delitem__(0)):
    try:
        op()
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
errors`).toJs();
    expect(Array.from(i16)).toEqual([7, 0, -2]);
    // Pyodide's errors.
    expect(r).toEqual([
      "NotImplementedError: Slice assignment isn't implemented for typed arrays",
      "NotImplementedError: Slice subscripting isn't implemented for typed arrays",
      "TypeError: object doesn't support item deletion",
    ]);
    py.globals.delete("i16");
    py.globals.delete("errors");
  });

  test("to_py, to_bytes and to_string copy; the copy does not follow later JS writes", () => {
    const u8 = new Uint8Array([104, 105]);
    py.globals.set("u8", u8);
    const r = py.runPython("m = u8.to_py()\nb = u8.to_bytes()\nu8[0] = 120\n[m.tolist(), b, u8.to_string(), u8.to_string('latin-1')]").toJs();
    expect(r[0]).toEqual([104, 105]);
    expect(r[1]).toEqual(new Uint8Array([104, 105]));
    expect(r.slice(2)).toEqual(["xi", "xi"]);
    py.globals.delete("u8");
    py.globals.delete("m");
    py.globals.delete("b");
  });

  test("to_string refuses bytes that are not UTF-8", () => {
    const e = thrown(() => py.runPython("import js\njs.Uint8Array.new([255, 254]).to_string()"));
    expect(e.message).toContain("ValueError: Failed to decode Javascript TypedArray as utf8");
  });

  test("assign and assign_to copy between same-sized buffers, with clear errors otherwise", () => {
    const f32 = new Float32Array(2);
    py.globals.set("f32", f32);
    const r = py.runPython(`
import array
f32.assign(array.array('f', [1.5, 2.5]))
target = array.array('f', [0, 0])
f32.assign_to(target)
errors = []
for attempt in (lambda: f32.assign(array.array('f', [1.0])), lambda: f32.assign(array.array('d', [1.0])), lambda: f32.assign_to(bytes(8))):
    try:
        attempt()
    except (ValueError, TypeError) as e:
        errors.append(f"{type(e).__name__}: {e}")
[target.tolist(), errors]`).toJs();
    expect(Array.from(f32)).toEqual([1.5, 2.5]);
    expect(r[0]).toEqual([1.5, 2.5]);
    expect(r[1]).toEqual([
      // Pyodide's wording (which names the lengths the other way round).
      "ValueError: cannot assign to TypedArray of length 4 from buffer of length 8",
      "ValueError: TypedArray and memorybuffer have incompatible formats",
      "TypeError: assign_to: the Python buffer is read-only",
    ]);
    py.globals.delete("f32");
  });
});
