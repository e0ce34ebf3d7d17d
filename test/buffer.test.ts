import { beforeAll, describe, expect, test } from "vitest";
import { ffi, type PythonRuntime } from "../dist/index.js";
import { arrayForFormat, bufferToJs } from "../dist/pyproxy/pybuffer.js";
import { startPython } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  py = (await startPython()).py;
});

function view(code: string, type?: any) {
  const p = py.runPython(code);
  expect(p).toBeInstanceOf(ffi.PyBuffer);
  const v = p.getBuffer(type);
  p.destroy();
  return v;
}

describe("getBuffer", () => {
  test("bytes: a read-only Uint8Array over the object's bytes", () => {
    const v = view("b'bytes'");
    expect(v).toBeInstanceOf(ffi.PyBufferView);
    expect(v.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(v.data as Uint8Array)).toEqual([98, 121, 116, 101, 115]);
    expect([v.readonly, v.format, v.itemsize, v.ndim, v.nbytes, v.offset]).toEqual([1, "B", 1, 1, 5, 0]);
    expect(v.shape).toEqual([5]);
    expect(v.strides).toEqual([1]);
    // Numbers 1/0, as Pyodide's view has them.
    expect([v.c_contiguous, v.f_contiguous]).toEqual([1, 1]);
    v.release();
    v.release(); // harmless
  });
  test("bytearray: writes through data reach Python (zero copy)", () => {
    py.runPython("ba = bytearray(b'abc')");
    const p = py.runPython("ba");
    const v = p.getBuffer();
    expect(v.readonly).toBe(0);
    (v.data as Uint8Array)[0] = 65;
    expect(py.runPython("bytes(ba)").toString()).toBe("b'Abc'");
    expect(() => py.runPython("ba.append(1)")).toThrow(/BufferError/);
    v.release();
    py.runPython("ba.append(100)");
    expect(py.runPython("len(ba)")).toBe(4);
    p.destroy();
  });
  test.each([
    ["b", Int8Array, [-1, 2]],
    ["B", Uint8Array, [255, 2]],
    ["h", Int16Array, [-1, 2]],
    ["H", Uint16Array, [65535, 2]],
    ["i", Int32Array, [-1, 2]],
    ["I", Uint32Array, [4294967295, 2]],
    ["l", Int32Array, [-1, 2]],
    ["L", Uint32Array, [4294967295, 2]],
    ["q", BigInt64Array, [-1n, 2n]],
    ["Q", BigUint64Array, [18446744073709551615n, 2n]],
    ["f", Float32Array, [1.5, 2]],
    ["d", Float64Array, [1.5, 2]],
  ])("array.array('%s') gives %o", (code, ctor, values) => {
    const first = ["B", "H", "I", "L", "Q"].includes(code) ? `${values[0]}` : code === "f" || code === "d" ? "1.5" : "-1";
    const v = view(`import array; array.array('${code}', [${first}, 2])`);
    expect(v.data).toBeInstanceOf(ctor);
    expect(Array.from(v.data as any)).toEqual(values);
    expect(v.format).toBe(code);
    v.release();
  });
  test("'?' and 'c' buffers: the raw bytes as a Uint8Array", () => {
    const flags = view("memoryview(bytes([0, 1, 1])).cast('?')");
    expect([flags.format, flags.itemsize]).toEqual(["?", 1]);
    expect(flags.data).toEqual(new Uint8Array([0, 1, 1]));
    flags.release();
    const chars = view("memoryview(b'hi').cast('c')");
    expect(chars.format).toBe("c");
    expect(chars.data).toEqual(new Uint8Array([104, 105]));
    chars.release();
  });
  test("'s' buffers: Uint8Array from getBuffer, a string from toJs", () => {
    // Nothing in this runtime exports format 's' (memoryview.cast refuses it; there is no numpy
    // or ctypes), so the two rules are checked on the functions that apply them.
    expect(arrayForFormat("s").ctor).toBe(Uint8Array);
    expect(bufferToJs(new TextEncoder().encode("héllo"), "s", 1, [6])).toBe("héllo");
    expect(bufferToJs(new TextEncoder().encode("abcd"), "s", 1, [2, 2])).toEqual(["ab", "cd"]);
  });
  test("memory growth: an old typed array is detached (empty, not stale); view.data is rebuilt", () => {
    py.runPython("grown = bytearray(b'abc')");
    const p = py.runPython("grown");
    const v = p.getBuffer();
    p.destroy();
    const before = v.data as Uint8Array;
    py.runPython("big = bytearray(256 << 20)"); // more than the whole heap at start: memory grows
    expect(before.length).toBe(0);
    const after = v.data as Uint8Array;
    expect(after === before).toBe(false); // (expect() would print the detached array)
    expect(Array.from(after)).toEqual([97, 98, 99]);
    after[0] = 65;
    expect(py.runPython("bytes(grown)").toString()).toBe("b'Abc'");
    expect(v.data === after).toBe(true); // rebuilt once, not on every access
    v.release();
    py.runPython("del big, grown");
  });
  test("the issue's float array", () => {
    const buf = view("import array; array.array('f', [1, 2, 3])");
    expect(buf.data).toEqual(new Float32Array([1, 2, 3]));
    buf.release();
  });
  test("multi-dimensional cast views", () => {
    const v = view("import array; memoryview(array.array('i', range(6))).cast('B').cast('i', [2, 3])");
    expect([v.ndim, v.shape, v.strides, v.c_contiguous]).toEqual([2, [2, 3], [3, 1], 1]);
    const d = v.data as Int32Array;
    expect(d[v.offset + 1 * v.strides[0] + 2 * v.strides[1]]).toBe(5);
    v.release();
  });
  test("non-contiguous and reversed slices", () => {
    const step = view("memoryview(b'abcdef')[::2]");
    expect([step.shape, step.strides, step.offset, step.c_contiguous]).toEqual([[3], [2], 0, 0]);
    const d = step.data as Uint8Array;
    expect([0, 1, 2].map((i) => String.fromCharCode(d[step.offset + i * step.strides[0]]))).toEqual(["a", "c", "e"]);
    step.release();
    const rev = view("memoryview(b'abcdef')[::-1]");
    expect([rev.strides, rev.offset]).toEqual([[-1], 5]);
    const r = rev.data as Uint8Array;
    expect(String.fromCharCode(r[rev.offset], r[rev.offset - 5])).toBe("fa");
    rev.release();
  });
  test("type overrides, and dataview", () => {
    const v = view("import array; array.array('i', [1, 2])", "u8");
    expect(v.data).toBeInstanceOf(Uint8Array);
    expect((v.data as Uint8Array).length).toBe(8);
    expect(v.strides).toEqual([4]);
    v.release();
    const dv = view("import array; array.array('i', [258])", "dataview");
    expect((dv.data as DataView).getInt32(0, true)).toBe(258);
    dv.release();
  });
  test("empty buffers are fine", () => {
    const v = view("b''");
    expect((v.data as Uint8Array).length).toBe(0);
    expect(v.nbytes).toBe(0);
    v.release();
  });
  test("errors: unknown type, Float16, misalignment; the runtime keeps working", () => {
    const p = py.runPython("import array; array.array('i', [1])");
    const before = py.stats().pyproxies;
    expect(() => p.getBuffer("x")).toThrow("Unknown type x");
    expect(py.stats().pyproxies).toBe(before);
    p.destroy();
    const half = py.runPython("memoryview(bytes(4)).cast('e')");
    expect(() => half.getBuffer()).toThrow("Javascript has no Float16 support.");
    half.destroy();
    const odd = py.runPython("memoryview(bytes(9))[1:]");
    expect(() => odd.getBuffer("i32")).toThrow("Buffer does not have valid alignment for a Int32Array");
    odd.destroy();
    expect(py.stats().pyproxies).toBe(before - 1);
    expect(py.runPython("1 + 1")).toBe(2);
  });
  test("a view holds the buffer until released, then the counters are back", () => {
    const before = py.stats().pyproxies;
    const v = view("bytearray(10)");
    expect(py.stats().pyproxies).toBe(before + 1);
    v[Symbol.dispose]();
    expect(py.stats().pyproxies).toBe(before);
  });
});

describe("a released view no longer reaches wasm memory", () => {
  test("data is no typed array after release() (Pyodide's marker symbol), and later allocations cannot be written through it", () => {
    const p = py.runPython("bytearray(b'secret!!')");
    const v = p.getBuffer();
    const before = v.data as Uint8Array;
    expect(before[0]).toBe("s".charCodeAt(0));
    v.release();
    p.destroy();
    expect(typeof v.data).toBe("symbol");
    py.runPython("import gc\ngc.collect()\nvictim = bytearray(b'AAAAAAAA')");
    // Only the reference taken before release() could still write; the view gives none out.
    expect(ArrayBuffer.isView(v.data)).toBe(false);
    expect(py.runPython("bytes(victim)").toJs()).toEqual(new Uint8Array([65, 65, 65, 65, 65, 65, 65, 65]));
    v.release(); // a second release does nothing
  });
});
