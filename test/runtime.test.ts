import { beforeAll, describe, expect, test } from "vitest";
import { ffi, loadPython, PythonError, type PythonRuntime } from "../dist/index.js";
import { dropProxies, startPython, thrown, type Captured } from "./helpers.js";

let c: Captured;
let py: PythonRuntime;
beforeAll(async () => {
  c = await startPython({ env: { GREETING: "hi there" } });
  py = c.py;
});

describe("runPython", () => {
  test("returns the last expression's value", () => {
    expect(py.runPython("1 + 1")).toBe(2);
    expect(py.runPython("x = 3\nx * 2")).toBe(6);
  });
  test("gives undefined when the code ends in a statement or a trailing semicolon", () => {
    expect(py.runPython("y = 5")).toBeUndefined();
    expect(py.runPython("y;")).toBeUndefined();
    expect(py.runPython("y  # comment")).toBe(5);
  });
  test("the last expression may share a line, span lines, or follow CRLF and non-ASCII text", () => {
    expect(py.runPython("é = 'ü'; é * 2")).toBe("üü");
    expect(py.runPython("a = [1,\r\n 2]\r\n(a[0] +\r\n a[1])  # sum")).toBe(3);
    expect(py.runPython("s = '\\ud800'\ns")).toBe("\ud800");
    expect(py.runPython("t = 1\n'\\ud800x'")).toBe("\ud800x");
    expect(py.runPython("# \ud800 in a comment\nu = 1; u;")).toBeUndefined();
    const e = thrown(() => py.runPython("v = 1\n\nv +\\\n undefined_name"));
    expect(e.message).toMatch(/File "<exec>", line 4, in <module>/);
    expect(e.message).toMatch(/NameError: name 'undefined_name' is not defined/);
  });
  test("calls into JavaScript through `import js`", () => {
    expect(py.runPython("import js; js.Math.max(3, 9)")).toBe(9);
    expect(py.runPython("import js; js is __import__('sys').modules['js']")).toBe(true);
  });
  test("runs in a given namespace", () => {
    const ns = py.runPython("{}");
    py.runPython("z = 41", { globals: ns });
    expect(py.runPython("z + 1", { globals: ns })).toBe(42);
    expect(py.runPython("'z' in globals()")).toBe(false);
    ns.destroy();
  });
});

describe("implicit conversions Python -> JS", () => {
  test.each([
    ["2**53", 2 ** 53],
    ["-2**53", -(2 ** 53)],
    ["2**53 - 1", 2 ** 53 - 1],
  ])("int %s is a Number", (code, value) => {
    expect(py.runPython(code)).toBe(value);
  });
  test("ints beyond 2^53 are BigInts", () => {
    expect(py.runPython("2**53 + 1")).toBe(2n ** 53n + 1n);
    expect(py.runPython("-(2**53) - 1")).toBe(-(2n ** 53n) - 1n);
    expect(py.runPython("2**100")).toBe(2n ** 100n);
  });
  test("floats keep NaN, infinities and -0", () => {
    expect(py.runPython("float('nan')")).toBeNaN();
    expect(py.runPython("float('inf')")).toBe(Infinity);
    expect(py.runPython("-float('inf')")).toBe(-Infinity);
    expect(Object.is(py.runPython("-0.0"), -0)).toBe(true);
    expect(py.runPython("1.5")).toBe(1.5);
  });
  test("strings keep every code point, lone surrogates too", () => {
    expect(py.runPython("'\\U0001D11E'")).toBe("𝄞");
    expect(py.runPython("chr(0xD800)")).toBe("\ud800");
    expect(py.runPython("'a' + chr(0xDFFF) + 'b'")).toBe("a\udfffb");
    expect(py.runPython("'héllo'")).toBe("héllo");
  });
  test("bools and None", () => {
    expect(py.runPython("True")).toBe(true);
    expect(py.runPython("False")).toBe(false);
    expect(py.runPython("None")).toBeUndefined();
  });
});

describe("implicit conversions JS -> Python", () => {
  const typeAndRepr = (value: unknown) => {
    py.globals.set("v", value);
    return py.runPython("type(v).__name__ + ':' + repr(v)");
  };
  test("integer Numbers up to 2^53 are ints, others floats", () => {
    expect(typeAndRepr(2 ** 53)).toBe("int:9007199254740992");
    expect(typeAndRepr(-(2 ** 53))).toBe("int:-9007199254740992");
    expect(typeAndRepr(2 ** 53 + 2)).toBe("float:9007199254740994.0");
    expect(typeAndRepr(1.5)).toBe("float:1.5");
    expect(typeAndRepr(NaN)).toBe("float:nan");
    expect(typeAndRepr(-0)).toBe("int:0");
  });
  test("BigInt is a JsBigInt, an int subclass (Pyodide 314)", () => {
    expect(typeAndRepr(2n ** 64n)).toBe("JsBigInt:18446744073709551616");
    expect(typeAndRepr(-5n)).toBe("JsBigInt:-5");
    expect(py.runPython("isinstance(v, int)")).toBe(true);
  });
  test("strings, booleans, null and undefined", () => {
    expect(typeAndRepr("𝄞")).toBe("str:'𝄞'");
    expect(py.runPython("len(v)")).toBe(1);
    expect(typeAndRepr("\ud800")).toBe("str:'\\ud800'");
    expect(py.runPython("hex(ord(v))")).toBe("0xd800");
    expect(typeAndRepr(true)).toBe("bool:True");
    expect(typeAndRepr(null)).toBe("NoneType:None");
    expect(typeAndRepr(undefined)).toBe("NoneType:None");
  });
  test("objects cross as JsProxy", () => {
    expect(typeAndRepr({ a: 1 })).toBe("JsProxy:[object Object]");
    py.globals.delete("v");
  });
});

describe("errors", () => {
  test("a Python exception is a PythonError with type and traceback", () => {
    const caught = thrown(() => py.runPython("def f():\n    raise ValueError('boom')\nf()"));
    expect(caught).toBeInstanceOf(PythonError);
    expect(caught).toBeInstanceOf(ffi.PythonError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught.name).toBe("PythonError");
    expect(caught.type).toBe("ValueError");
    expect(caught.message).toMatch(/^Traceback \(most recent call last\):/);
    expect(caught.message.trimEnd()).toMatch(/ValueError: boom$/);
    expect(py.runPython("import sys; type(sys.last_value).__name__")).toBe("ValueError");
  });
  test("syntax errors are PythonErrors too", () => {
    expect(() => py.runPython("def (")).toThrow(PythonError);
  });
  test("a JS exception is a catchable JsException naming the error", () => {
    const r = py.runPython(`
import js
from pyodide.ffi import JsException
try:
    js.JSON.parse("{bad")
except JsException as e:
    r = str(e)
r`);
    expect(r).toMatch(/^SyntaxError: /);
  });
  test("an uncaught JsException is a PythonError of type JsException caused by the JS error", () => {
    const err = new RangeError("mine");
    py.globals.set("thrower", () => {
      throw err;
    });
    const caught = thrown(() => py.runPython("thrower()"));
    expect(caught).toBeInstanceOf(PythonError);
    expect(caught.type).toBe("JsException");
    expect(caught.cause).toBe(err);
    py.globals.delete("thrower");
  });
  test("the runtime keeps working after 100 errors in a row", () => {
    for (let i = 0; i < 100; i++) {
      expect(() => py.runPython(`raise KeyError(${i})`)).toThrow(PythonError);
    }
    expect(py.runPython("sum(range(10))")).toBe(45);
  });
});

describe("JsProxy", () => {
  test("attribute get, set, delete and hasattr", () => {
    const obj: any = { a: 1, nothing: undefined };
    py.globals.set("o", obj);
    expect(py.runPython("o.a")).toBe(1);
    py.runPython("o.b = 'two'");
    expect(obj.b).toBe("two");
    py.runPython("del o.a");
    expect("a" in obj).toBe(false);
    expect(py.runPython("hasattr(o, 'b'), hasattr(o, 'zzz')").toString()).toBe("(True, False)");
    expect(py.runPython("o.nothing is None")).toBe(true);
    expect(() => py.runPython("o.zzz")).toThrow(/AttributeError/);
    py.globals.delete("o");
  });
  test("calls with positional and keyword arguments", () => {
    const seen: unknown[][] = [];
    py.globals.set("f", (...args: unknown[]) => {
      seen.push(args);
      return args.length;
    });
    expect(py.runPython("f(1, 'a')")).toBe(2);
    expect(py.runPython("f(1, x=2, y='z')")).toBe(2);
    expect(seen[1]).toEqual([1, { x: 2, y: "z" }]);
    py.globals.delete("f");
  });
  test("methods keep `this`", () => {
    const counter = { n: 0, inc() { return ++this.n; } };
    py.globals.set("counter", counter);
    py.runPython("counter.inc(); counter.inc()");
    expect(counter.n).toBe(2);
    py.globals.delete("counter");
  });
  test(".new() constructs and repr shows JS toString", () => {
    expect(py.runPython("import js; js.Date.new(2020, 0, 1).getFullYear()")).toBe(2020);
    expect(py.runPython("import js; repr(js.Array.of(1, 2))")).toBe("1,2");
    expect(py.runPython("import js; js.Array.new(3).length")).toBe(3);
  });
  test("== is JS identity", () => {
    expect(py.runPython("import js; js.Math == js.Math, js.Math == js.JSON").toString()).toBe("(True, False)");
  });
});

describe("PyProxy basics", () => {
  test("type, toString, destroy", () => {
    const p = py.runPython("[1, 2, 3]");
    expect(p).toBeInstanceOf(ffi.PyProxy);
    expect(p.type).toBe("list");
    expect(p.toString()).toBe("[1, 2, 3]");
    expect(Object.prototype.toString.call(p)).toBe("[object PyProxy]");
    p.destroy();
    expect(() => p.type).toThrow(/^Object has already been destroyed/);
    expect(() => p.toString()).toThrow(/^Object has already been destroyed/);
    p.destroy();
  });
  test("callable proxies are functions", () => {
    const f = py.runPython("def f(a, b=10):\n    return a + b\nf");
    expect(typeof f).toBe("function");
    expect(f).toBeInstanceOf(Function);
    expect(f).toBeInstanceOf(ffi.PyCallable);
    expect(f(1, 2)).toBe(3);
    expect(f.callKwargs(1, { b: 5 })).toBe(6);
    f.destroy();
    expect(() => f(1)).toThrow(/^Object has already been destroyed/);
  });
  test("a Python callback given to JS is borrowed for the call only", () => {
    py.globals.set("keep", (cb: any) => {
      (globalThis as any).__kept = cb;
      return cb(2);
    });
    expect(py.runPython("keep(lambda x: x * 3)")).toBe(6);
    expect(() => (globalThis as any).__kept(1)).toThrow(
      "This borrowed proxy was automatically destroyed at the end of a function call. Try using create_proxy or create_once_callable.",
    );
    py.globals.delete("keep");
  });
  test("a proxy dropped without destroy() is freed by the FinalizationRegistry", async () => {
    const { before, held, after } = await dropProxies(py, "object()", 50);
    expect(held).toBeGreaterThanOrEqual(before + 50);
    expect(after).toBe(before);
  });
});

describe("globals, modules, version", () => {
  test("globals get/set/has/delete", () => {
    py.globals.set("answer", 42);
    expect(py.globals.get("answer")).toBe(42);
    expect(py.globals.has("answer")).toBe(true);
    expect(py.runPython("answer")).toBe(42);
    py.globals.delete("answer");
    expect(py.globals.has("answer")).toBe(false);
    expect(py.globals.get("answer")).toBeUndefined();
    expect(py.globals).toBeInstanceOf(ffi.PyDict);
  });
  test("registerJsModule / unregisterJsModule", () => {
    py.registerJsModule("mylib", { twice: (x: number) => x * 2, label: "L" });
    expect(py.runPython("import mylib; mylib.twice(4)")).toBe(8);
    expect(py.runPython("from mylib import label; label")).toBe("L");
    py.unregisterJsModule("mylib");
    // As in Pyodide, a module already imported stays in sys.modules; a new import fails.
    expect(py.runPython("import mylib as m2; m2.label")).toBe("L");
    expect(() => py.runPython("import sys; del sys.modules['mylib']; import mylib")).toThrow(/ModuleNotFoundError/);
    expect(() => py.unregisterJsModule("mylib")).toThrow(/Cannot unregister 'mylib'/);
  });
  test("pyimport", () => {
    const json = py.pyimport("json");
    expect(json.type).toBe("module");
    expect(json.dumps(7)).toBe("7");
    const path = py.pyimport("os.path");
    expect(path.join("a", "b")).toBe("a/b");
    json.destroy();
    path.destroy();
  });
  test("version is a string", () => {
    expect(typeof py.version).toBe("string");
  });
});

describe("output and environment", () => {
  test("stdout and stderr are line-buffered callbacks", () => {
    c.out.length = 0;
    c.err.length = 0;
    py.runPython("print('one'); print('two', 'three'); import sys; print('oops', file=sys.stderr)");
    expect(c.out).toEqual(["one", "two three"]);
    expect(c.err).toEqual(["oops"]);
    py.runPython("print('a', end=''); print('b', end='')");
    expect(c.out.slice(2)).toEqual(["ab"]);
  });
  test("env reaches os.environ", () => {
    expect(py.runPython("import os; os.environ['GREETING']")).toBe("hi there");
    expect(py.runPython("import os; os.environ['HOME']")).toBe("/home/user");
  });
});

describe("runPythonAsync", () => {
  test("top-level await", async () => {
    const r = await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0.01)\n'done'");
    expect(r).toBe("done");
  });
  test("awaits coroutines and rejects with PythonError", async () => {
    expect(await py.runPythonAsync("async def g():\n    return 5\nawait g()")).toBe(5);
    await expect(py.runPythonAsync("async def h():\n    raise KeyError('k')\nawait h()")).rejects.toThrow(PythonError);
  });
  test("plain code works too", async () => {
    expect(await py.runPythonAsync("3 * 3")).toBe(9);
  });
});

test("two runtimes are independent", async () => {
  const other = await loadPython({ stdout: () => {} });
  other.runPython("shared = 1");
  expect(py.runPython("'shared' in globals()")).toBe(false);
  other.FS.writeFile("/home/user/only-here.txt", "x");
  expect(py.FS.exists("/home/user/only-here.txt")).toBe(false);
});
