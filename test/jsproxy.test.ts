// JavaScript objects seen from Python: the JsProxy protocols, the pyodide.ffi classes, errors.
import { beforeAll, describe, expect, test } from "vitest";
import { ffi, type PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
/** Runs `code`; a Python container result comes back as JS data (toJs), not a proxy. */
function run(code: string): any {
  const v = py.runPython(code);
  if (v instanceof ffi.PyProxy) {
    const data = v.toJs();
    v.destroy();
    return data;
  }
  return v;
}
/** The Python exception `code` raises: "TypeName: message". */
function pyError(code: string): string {
  return run(`try:\n${code.replace(/^/gm, "    ")}\n    r = 'no error'\nexcept BaseException as e:\n    r = f"{type(e).__name__}: {e}"\nr`);
}

beforeAll(async () => {
  py = (await startPython()).py;
  py.runPython("import js\nfrom pyodide.ffi import *");
});

describe("attributes", () => {
  test("get, set, delete, hasattr", () => {
    expect(run("o = js.Object.new(); o.x = 1; (o.x, hasattr(o, 'x'), hasattr(o, 'y'))")).toEqual([1, true, false]);
    expect(run("del o.x; hasattr(o, 'x')")).toBe(false);
    expect(pyError("o.missing")).toBe("AttributeError: missing");
    expect(pyError("del o.missing")).toBe("AttributeError: missing");
  });
  test("a property holding undefined is None, not missing", () => {
    expect(run("o = js.eval('({u: undefined, n: null})'); (o.u, o.n, hasattr(o, 'u'))")).toEqual([undefined, undefined, true]);
  });
  test("Python keywords reach JS with a trailing underscore", () => {
    expect(run("o = js.eval('({from: 1, class: 2})'); (o.from_, o.class_)")).toEqual([1, 2]);
    expect(run("'from_' in dir(o)")).toBe(true);
  });
  test("a stored Python value is the same object when read back", () => {
    expect(run("class T: pass\nt = T(); o = js.Object.new(); o.t = t; o.t is t")).toBe(true);
  });
  test("a read whose value runs Python while it is classified still gets its own value", () => {
    // Classifying the value asks for Symbol.iterator: here a trap that calls back into Python,
    // which reads another JS property in the middle of this read.
    const readsAgain = py.runPython("import js\ndef reads_again():\n    return js.otherObj.x\nreads_again");
    (globalThis as any).otherObj = { x: 42 };
    const value = new Proxy({ marker: 7 }, {
      get: (t, key) => (key === Symbol.iterator ? (readsAgain(), undefined) : Reflect.get(t, key)),
    });
    (globalThis as any).outerObj = { p: value };
    expect(run("import js\np = js.outerObj.p\n[p.typeof, p.marker, js.otherObj.x]")).toEqual(["object", 7, 42]);
    readsAgain.destroy();
    run("del p");
    delete (globalThis as any).otherObj;
    delete (globalThis as any).outerObj;
  });
  test("a throwing getter raises JsException, not AttributeError", () => {
    expect(pyError("js.eval('({get bad() { throw new RangeError(\"no\") }})').bad")).toBe("JsException: RangeError: no");
  });
});

describe("items, len and in", () => {
  test("arrays: indices, negative indices, slices", () => {
    expect(run("a = js.Array.of(1, 2, 3, 4); (a[0], a[-1], len(a), 3 in a, 9 in a)")).toEqual([1, 4, 4, true, false]);
    expect(run("list(a[1:3]), list(a[::-1]), list(a[::2])")).toEqual([[2, 3], [4, 3, 2, 1], [1, 3]]);
    expect(run("isinstance(a[1:], JsArray)")).toBe(true);
    // Pyodide's IndexError carries the index given.
    expect(pyError("a[4]")).toBe("IndexError: 4");
    expect(pyError("a[-5]")).toBe("IndexError: -5");
    expect(pyError("a['0']")).toBe("TypeError: list indices must be integers or slices, not str");
  });
  test("arrays are mutable sequences with list semantics", () => {
    expect(run("a = js.Array.of(1, 2, 3); a[0] = 10; a[-1] = 30; a.append(4); a.extend([5, 6]); list(a)")).toEqual([10, 2, 30, 4, 5, 6]);
    expect(run("del a[1]; del a[-1]; a.insert(0, 0); a.insert(-1, 9); list(a)")).toEqual([0, 10, 30, 4, 9, 5]);
    expect(run("(a.pop(), a.pop(0), list(a))")).toEqual([5, 0, [10, 30, 4, 9]]);
    expect(run("a[1:2] = [7, 8]; a.remove(10); a.reverse(); list(a), a.index(8), a.count(8)")).toEqual([[9, 4, 8, 7], 2, 1]);
    expect(run("del a[::2]; list(a)")).toEqual([4, 7]);
    expect(pyError("js.Array.new().pop()")).toBe("IndexError: pop from empty list");
    expect(pyError("a.index(99)")).toBe("ValueError: 99 is not in list");
    expect(pyError("a[::2] = [1, 2, 3]")).toBe("ValueError: attempt to assign sequence of size 3 to extended slice of size 1");
    // As in Pyodide (and JS), assigning past the end extends the array.
    expect(run("a[3] = 1; len(a), a[3]")).toEqual([4, 1]);
    expect(run("b = a + [2]; c = a * 2; a += [5]; (list(b), len(c), len(a))")).toEqual([[4, 7, undefined, 1, 2], 8, 5]);
  });
  test("len, indexing and in of every array class are native slots, not Python methods", () => {
    // A Python __getitem__ earlier in a composed class's MRO would cost a frame per index (and
    // RustPython would specialise `arr[i]` into a call of it): the three must stay the wrappers
    // of _pyffi.JsArraySlots (rust/src/jsproxy/array.rs).
    py.runPython(`
import _pyffi
def _slot_kinds(x):
    cls = type(x)
    return [type(getattr(cls, m)).__name__ for m in ("__len__", "__getitem__", "__contains__")] + [isinstance(x, _pyffi.JsArraySlots)]
`);
    const kinds = ["js.Array.of(1)", "js.Uint8Array.new(1)", "js.eval('(function () { return arguments })')(1)", "js.eval('[[1]]').as_py_json()[0]"];
    for (const code of kinds.slice(0, 3)) expect(run(`_slot_kinds(${code})`), code).toEqual(["wrapper_descriptor", "wrapper_descriptor", "wrapper_descriptor", true]);
    // JSON views wrap what they read in Python, over the native read.
    expect(run(`_slot_kinds(${kinds[3]})[1]`)).toBe("function");
    expect(pyError("a = js.Array.of(1); a[2**31]")).toBe("IndexError: cannot fit 'int' into an index-sized integer");
  });
  test("holes raise IndexError", () => {
    expect(pyError("js.eval('[1, , 3]')[1]")).toBe("IndexError: 1");
  });
  test("Python values stored in an array stay alive while the array keeps them", () => {
    py.runPython("stored = js.Array.new(); stored.append(lambda: 'alive'); stored[0:0] = [lambda: 'spliced']");
    const stored = py.globals.get("stored");
    expect(stored[0]()).toBe("spliced");
    expect(stored[1]()).toBe("alive");
  });
  test("array-likes are read-only sequences", () => {
    expect(run("f = js.eval('(function () { return arguments })'); args = f(5, 6, 7); (isinstance(args, JsArray), len(args), args[-1], list(args[0:2]))")).toEqual([true, 3, 7, [5, 6]]);
    expect(pyError("args[0] = 1")).toMatch(/^TypeError: .*does not support item assignment/);
  });
  test("Map-like objects are mappings through get/set/delete/has", () => {
    expect(run("m = js.Map.new(); m['a'] = 1; m[2] = 'two'; (m['a'], m[2], len(m), 'a' in m, 'z' in m, list(m))")).toEqual([1, "two", 2, true, false, ["a", 2]]);
    expect(run("del m['a']; (dict(m), m.get('zz', 'default'), list(m.items()))")).toEqual([new Map([[2, "two"]]), "default", [[2, "two"]]]);
    expect(pyError("m['missing']")).toBe("KeyError: 'missing'");
    expect(pyError("del m['missing']")).toBe("KeyError: 'missing'");
    expect(run("m2 = js.Map.new([['k', None]]); m2['k'] is None")).toBe(true);
    expect(run("(isinstance(m, JsMap), isinstance(m, JsMutableMap))")).toEqual([true, true]);
  });
  test("len is size or length, with Pyodide's errors", () => {
    expect(run("len(js.Set.new([1, 2, 3])), len(js.eval('({length: 5})'))")).toEqual([3, 5]);
    expect(pyError("len(js.eval('({length: -1})'))")).toBe("ValueError: length -1 of object is negative");
    expect(pyError("len(js.eval('({length: 2 ** 31})'))")).toBe("OverflowError: length 2147483648 of object is larger than INT_MAX (2147483647)");
    expect(pyError("len(js.Object.new())")).toMatch(/^TypeError: .*has no len\(\)/);
  });
  test("in uses has, else includes", () => {
    expect(run("s = js.Set.new([1, 'x']); (1 in s, 'x' in s, 2 in s)")).toEqual([true, true, false]);
    expect(run("o = js.eval('({includes: (v) => v === 42})'); (42 in o, 1 in o)")).toEqual([true, false]);
  });
});

describe("iteration", () => {
  test("JS iterables and iterators", () => {
    expect(run("list(js.Set.new([1, 2, 3]))")).toEqual([1, 2, 3]);
    expect(run("list(js.Map.new([[1, 'a']]).values())")).toEqual(["a"]);
    expect(run("it = js.eval('[1, 2][Symbol.iterator]()'); (isinstance(it, JsIterator), next(it), next(it), next(it, 'end'))")).toEqual([true, 1, 2, "end"]);
  });
  test("JS generators: send, the return value, throw, close", () => {
    py.runPython(`mk = js.eval("(function* () { const got = yield 1; try { yield got * 2 } catch (e) { yield 'caught ' + e.message } return 'done' })")`);
    expect(run("g = mk(); (isinstance(g, JsGenerator), next(g), g.send(21))")).toEqual([true, 1, 42]);
    expect(run("try:\n    next(g)\nexcept StopIteration as e:\n    r = e.value\nr")).toBe("done");
    expect(run("g = mk(); next(g); next(g); g.throw(js.Error.new('boom'))")).toBe("caught boom");
    expect(pyError("g = mk(); next(g); g.close(); next(g)")).toBe("StopIteration: ");
    expect(pyError("g = js.eval('(function* () { try { yield 1 } finally { yield 2 } })')(); next(g); g.close()")).toBe("RuntimeError: JavaScript generator ignored return");
  });
  test("a bad next() result is a TypeError", () => {
    expect(pyError("next(js.eval('({next: () => 5, [Symbol.iterator]() { return this }})'))")).toBe('TypeError: Result should have type "object" not "number"');
    expect(pyError("next(js.eval('({next: () => ({}), [Symbol.iterator]() { return this }})'))")).toBe('TypeError: Result has no "done" field.');
  });
});

describe("calls", () => {
  test("keyword arguments become one trailing object; `this` is the owner", () => {
    expect(run("f = js.eval('(function (a, opts) { return [a, opts.x, opts.y] })'); list(f(1, x=2, y=3))")).toEqual([1, 2, 3]);
    expect(run("o = js.eval('({v: 7, get() { return this.v }})'); o.get()")).toBe(7);
  });
  test("new() constructs; only functions have it", () => {
    expect(run("d = js.Date.new(2020, 0, 1); (d.getFullYear(), d.getMonth())")).toEqual([2020, 0]);
    expect(pyError("js.Math.new()")).toBe("AttributeError: new");
    // CPython names the type by tp_name, which Pyodide's classes spell pyodide.ffi.JsProxy.
    expect(pyError("js.Math()")).toBe("TypeError: 'pyodide.ffi.JsProxy' object is not callable");
    expect(run("callable(js.Math), callable(js.Math.max)")).toEqual([false, true]);
  });
});

describe("the js module", () => {
  test("is the JS global object, made on the first import of a fresh runtime, and again after removal", async () => {
    const fresh = (await startPython()).py;
    const inFresh = (code: string) => fresh.runPython(`str(${code})`);
    fresh.runPython("import sys, js\nfrom js import Object");
    expect(inFresh("(js is sys.modules['js'], js == js.globalThis, Object == js.Object)")).toBe("(True, True, True)");
    fresh.runPython("del sys.modules['js']\nimport js as again");
    expect(inFresh("(again == js, again is sys.modules['js'])")).toBe("(True, True)");
    expect(fresh.runPython("import importlib; importlib.import_module('js') is sys.modules['js']")).toBe(true);
  });
  test("importing it writes no module attributes into the JS global object", () => {
    for (const name of ["__spec__", "__loader__", "__name__", "__package__", "__path__", "__file__", "__cached__"]) {
      expect(name in globalThis, name).toBe(false);
    }
  });
});

describe("identity, truth, text", () => {
  test("typeof, js_id, == as identity", () => {
    expect(run("(js.Math.typeof, js.Math.max.typeof)")).toEqual(["object", "function"]);
    expect(run("(js.Math.js_id == js.Math.js_id, js.Math.js_id == js.JSON.js_id, js.Math == js.Math, js.Math != js.JSON, js.Math == 1)")).toEqual([true, false, true, true, false]);
  });
  test("truthiness as JS sees it, with Pyodide's emptiness rules", () => {
    expect(run("[bool(js.eval(x)) for x in ['[]', '[0]', '({})', 'new Map()', 'new Set([1])', 'new ArrayBuffer(0)', '(() => 0)']]")).toEqual([false, true, true, false, true, false, true]);
  });
  test("repr and str are JS toString(); dir walks the prototype chain", () => {
    expect(run("repr(js.Array.of(1, 2)), str(js.Object.new())")).toEqual(["1,2", "[object Object]"]);
    expect(run("d = dir(js.Array.of(1)); ('push' in d, 'hasOwnProperty' in d, '0' in d)")).toEqual([true, true, false]);
  });
  test("object_entries, object_keys, object_values, as_object_map", () => {
    py.runPython("o = js.eval('({a: 1, b: 2})')");
    expect(run("list(o.object_keys()), list(o.object_values()), [list(e) for e in o.object_entries()]")).toEqual([["a", "b"], [1, 2], [["a", 1], ["b", 2]]]);
    expect(run("m = o.as_object_map(); m['c'] = 3; del m['a']; (dict(m), len(m), 'b' in m, 'toString' in m)")).toEqual([new Map([["b", 2], ["c", 3]]), 2, true, false]);
    // Own keys only; `hereditary` makes nested objects maps too (Pyodide's meaning).
    expect(run("'toString' in js.Object.new().as_object_map(hereditary=True), len(js.Object.create(o).as_object_map(hereditary=True))")).toEqual([false, 0]);
    expect(run("n = js.eval('({x: {y: 1}})'); n.as_object_map(hereditary=True)['x']['y']")).toBe(1);
    expect(pyError("o.as_object_map()[1] = 2")).toBe("TypeError: Can only assign keys of type string to JavaScript object map");
  });
});

describe("pyodide.ffi classes", () => {
  const cases: Array<[string, string[]]> = [
    ["js.Array.of(1)", ["JsProxy", "JsArray", "JsIterable"]],
    ["js.Map.new()", ["JsProxy", "JsMap", "JsMutableMap", "JsIterable"]],
    ["js.Math.max", ["JsProxy", "JsCallable"]],
    ["js.Object.new()", ["JsProxy"]],
    ["js.eval('[][Symbol.iterator]()')", ["JsProxy", "JsIterator", "JsIterable"]],
    ["js.eval('(function* () {})()')", ["JsProxy", "JsIterator", "JsGenerator", "JsIterable"]],
    ["js.Set.new()", ["JsProxy", "JsIterable"]],
    ["create_proxy(lambda: 1)", ["JsProxy", "JsDoubleProxy", "JsCallable"]],
    ["create_proxy([1])", ["JsProxy", "JsDoubleProxy"]],
  ];
  const all = ["JsProxy", "JsArray", "JsMap", "JsMutableMap", "JsCallable", "JsIterator", "JsGenerator", "JsIterable", "JsDoubleProxy"];
  test.each(cases)("isinstance(%s, ...)", (code, expected) => {
    const got = run(`x = ${code}\n[c for c in ${JSON.stringify(all)} if isinstance(x, globals()[c])]`);
    expect(got).toEqual(all.filter((c) => expected.includes(c)));
  });
  test("the classes cannot be instantiated", () => {
    expect(pyError("JsArray()")).toBe("TypeError: JsArray cannot be instantiated.");
    expect(pyError("JsProxy()")).toMatch(/^TypeError: /);
  });
  test("jsnull is JS null; JS null arrives as None", () => {
    expect(run("(repr(jsnull), bool(jsnull), jsnull.typeof, JsNull() is jsnull, js.Array.of(jsnull)[0])")).toEqual(["jsnull", false, "object", true, undefined]);
    expect(py.runPython("js.eval('(x) => x === null')(jsnull)")).toBe(true);
  });
});

describe("errors across the boundary", () => {
  test("a JS error is a JsException (one class, also a JsProxy) of the thrown object", () => {
    (globalThis as any).thrownError = new TypeError("bad thing");
    py.runPython(`
try:
    js.eval("(e) => { throw e }")(js.thrownError)
except JsException as e:
    caught = e`);
    expect(run("(type(caught).__name__, isinstance(caught, JsException), caught.name, caught.message, str(caught))")).toEqual(["JsException", true, "TypeError", "bad thing", "TypeError: bad thing"]);
    expect(run("'bad thing' in caught.stack, caught.js_error == js.thrownError, isinstance(caught, __import__('pyodide.ffi').ffi.JsProxy)")).toEqual([true, true, true]);
    expect(run("e2 = js.Error.new('made'); type(e2).__name__, isinstance(e2, Exception)")).toEqual(["JsException", true]);
    expect(run("type(caught).__module__, JsException.__module__")).toEqual(["pyodide.ffi", "pyodide.ffi"]);
  });
  test("a plain Error is JsException itself; thrown strings are errors too", () => {
    expect(pyError("js.eval('() => { throw new Error(\"plain\") }')()")).toBe("JsException: Error: plain");
    expect(pyError("js.eval('() => { throw \"just text\" }')()")).toBe("JsException: Error: just text");
  });
  test("an uncaught JS error reaches JS as a PythonError of type JsException, the JS error its cause", () => {
    const err = new RangeError("out");
    (globalThis as any).err = err;
    const e = thrown(() => py.runPython("js.eval('(e) => { throw e }')(js.err)"));
    expect(e).toBeInstanceOf(ffi.PythonError);
    expect([e.type, e.cause]).toEqual(["JsException", err]);
    expect(e.cause).toBe(err);
    // Sent back as a value (not raised), a caught JsException is the very JS error.
    expect(py.runPython("try:\n    js.eval('(e) => { throw e }')(js.err)\nexcept Exception as x:\n    caught = x\ncaught")).toBe(err);
  });
  test("a Python exception raised in a callback arrives in JS as PythonError", () => {
    const f = py.runPython("def fail(x):\n    raise ValueError(f'no {x}')\nfail");
    const e = thrown(() => f(3));
    expect(e).toBeInstanceOf(ffi.PythonError);
    expect(e.type).toBe("ValueError");
    expect(e.message).toContain("ValueError: no 3");
    f.destroy();
  });
  test("a Python exception that crosses JS comes back to Python as itself", () => {
    expect(run("def boom(): raise KeyError('k')\ntry:\n    js.Reflect.apply(create_proxy(boom), None, js.Array.new())\nexcept KeyError as e:\n    r = 'KeyError ' + str(e)\nr")).toBe("KeyError 'k'");
  });
  test("the runtime keeps working after errors", () => {
    expect(py.runPython("1 + 1")).toBe(2);
  });
});
