// Explicit conversions: PyProxy.toJs / pyodide.ffi.to_js with every option, py.toPy and
// JsProxy.to_py, ConversionError texts, shared references and cycles, and what bad input leaves
// behind.

import { beforeAll, describe, expect, test } from "vitest";
import { ffi, PythonError, type PythonRuntime } from "../dist/index.js";
import { collectGarbage, startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython());
});

const lastLine = (e: any): string => String(e.message).trim().split("\n").at(-1) ?? "";

describe("Python -> JS: toJs and to_js", () => {
  test("the issue's example: dicts to Maps, lists and tuples to Arrays, sets to Sets", () => {
    const p = py.runPython("{'a': [1, 2, {'b': (3, 4)}], 'c': {1, 2}}");
    expect(p.toJs()).toEqual(new Map<string, unknown>([["a", [1, 2, new Map([["b", [3, 4]]])]], ["c", new Set([1, 2])]]));
    expect(p.toJs({ dict_converter: Object.fromEntries })).toEqual({ a: [1, 2, { b: [3, 4] }], c: new Set([1, 2]) });
    const shallow = p.toJs({ depth: 1 });
    expect(shallow).toBeInstanceOf(Map);
    expect(shallow.get("a")).toBeInstanceOf(ffi.PyProxy);
    expect(shallow.get("a").toJs()).toEqual([1, 2, new Map([["b", [3, 4]]])]);
  });

  test("numbers, strings and None keep the implicit rules inside containers", () => {
    const r = py.runPython("[2**53, 2**53 + 1, -2**70, 1.5, float('nan'), -0.0, True, None, 'h\\u00e9\\U0001F600', chr(0xd800)]").toJs();
    expect(r.slice(0, 4)).toEqual([2 ** 53, 2n ** 53n + 1n, -(2n ** 70n), 1.5]);
    expect(r[4]).toBeNaN();
    expect(Object.is(r[5], -0)).toBe(true);
    expect(r.slice(6)).toEqual([true, undefined, "h\u00e9\u{1F600}", "\uD800"]);
  });

  test("each depth converts exactly that many container levels", () => {
    const p = py.runPython("[[[[1]]]]");
    for (const depth of [1, 2, 3]) {
      let v = p.toJs({ depth });
      for (let i = 0; i < depth; i++) {
        expect(Array.isArray(v)).toBe(true);
        v = v[0];
      }
      expect(v).toBeInstanceOf(ffi.PyProxy);
    }
    expect(p.toJs({ depth: 4 })).toEqual([[[[1]]]]);
  });

  test("shared references stay shared and cycles become cycles", () => {
    const r = py.runPython("s = [1]\nl = [s, s]\nl.append(l)\nd = {'k': 1}\nd['me'] = d\n[l, d, d]").toJs();
    const [l, d, d2] = r;
    expect(l[0]).toBe(l[1]);
    expect(l[2]).toBe(l);
    expect(d.get("me")).toBe(d);
    expect(d2).toBe(d);
    const o = py.runPython("[d, d]").toJs({ dict_converter: Object.fromEntries });
    expect(o[0]).toBe(o[1]);
    expect(o[0].me).toBe(o[0]);
  });

  test("dict keys keep their types through a Map; '__proto__' becomes an own property", () => {
    const m = py.runPython("{1: 'int', '1': 'str', 1.5: 'float', None: 'none', False: 'bool'}").toJs();
    expect([...m.keys()]).toEqual([1, "1", 1.5, undefined, false]);
    const o = py.runPython("{'__proto__': {'polluted': 1}}").toJs({ dict_converter: Object.fromEntries });
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(["__proto__"]);
    expect(({} as any).polluted).toBeUndefined();
  });
  test("string keys repeated across records, beyond the key table and not UTF-8, all arrive", () => {
    // 5000 distinct keys (more than the encoder's key table holds), each in two records, plus
    // keys that are astral, lone surrogates, '__proto__', and equal to a value string.
    const p = py.runPython(`
keys = ['k%d' % i for i in range(5000)] + ['\\U0001F600', 'caf\\u00e9', '\\ud800', '__proto__', 'v']
[{k: i for i, k in enumerate(keys)}, {k: 'v' for k in reversed(keys)}, ['v', {'v': 'v'}]]`);
    const keys = [...Array.from({ length: 5000 }, (_, i) => `k${i}`), "\u{1F600}", "caf\u00e9", "\ud800", "__proto__", "v"];
    for (const options of [{ dict_converter: Object.fromEntries }, {}]) {
      const [a, b, c] = p.toJs(options);
      const entries = (x: any) => (x instanceof Map ? [...x.entries()] : Object.entries(x));
      expect(entries(a)).toEqual(keys.map((k, i) => [k, i]));
      expect(entries(b)).toEqual([...keys].reverse().map((k) => [k, "v"]));
      expect(entries(c[1])).toEqual([["v", "v"]]);
      expect(c[0]).toBe("v");
    }
    p.destroy();
  });

  test("keys JS would compare by identity raise ConversionError", () => {
    const e = thrown(() => py.runPython("{(2, 2): 1}").toJs());
    expect(e).toBeInstanceOf(ffi.PythonError);
    expect(e.type).toBe("ConversionError");
    expect(lastLine(e)).toBe("pyodide.ffi.ConversionError: Cannot use (2, 2) as a key for a Javascript Map");
    expect(lastLine(thrown(() => py.runPython("{(2, 2)}").toJs()))).toBe("pyodide.ffi.ConversionError: Cannot use (2, 2) as a key for a Javascript Set");
    expect(py.runPython("{1, '1'}").toJs()).toEqual(new Set([1, "1"]));
  });

  test("pyproxies collects every proxy made; create_pyproxies: false refuses instead", () => {
    const pyproxies: any[] = [];
    const r = py.runPython("class A: pass\n[A(), [A(), A()], 1]").toJs({ pyproxies });
    expect(pyproxies.length).toBe(3);
    expect(pyproxies).toContain(r[0]);
    for (const p of pyproxies) p.destroy();
    const e = thrown(() => py.runPython("[1, A()]").toJs({ create_pyproxies: false }));
    expect(e.type).toBe("ConversionError");
    expect(lastLine(e)).toBe("pyodide.ffi.ConversionError: No conversion known for x."); // Pyodide's text
  });

  test("dict_converter gets [key, value] entries", () => {
    const entries = py.runPython("{'a': 1, 'b': [2]}").toJs({ dict_converter: (e: any) => e });
    expect(entries).toEqual([["a", 1], ["b", [2]]]);
    expect(py.runPython("{'a': 1}").toJs({ dict_converter: (e: any) => new Map(e) })).toEqual(new Map([["a", 1]]));
  });

  test("default_converter handles what has no rule, with convert and cacheConversion", () => {
    const p = py.runPython("class P:\n  def __init__(s): s.name = 'p'; s.me = s\n[P(), 5]");
    const r = p.toJs({
      default_converter: (v: any, convert: any, cache: any) => {
        const o: any = {};
        cache(v, o);
        o.name = v.name;
        o.me = convert(v.me);
        return o;
      },
    });
    expect(r[0].name).toBe("p");
    expect(r[0].me).toBe(r[0]);
    expect(r[1]).toBe(5);
    // As in Pyodide, a failure inside the conversion is a ConversionError caused by it.
    const e = thrown(() => p.toJs({ default_converter: (_v: any, _c: any, cache: any) => cache({}, 1) }));
    expect(e).toBeInstanceOf(ffi.PythonError);
    expect([e.type, lastLine(e)]).toEqual(["ConversionError", "pyodide.ffi.ConversionError: Conversion from python to javascript failed"]);
  });

  test("to_js in Python: every option, results as JsProxies", () => {
    const r = py.runPython(`
import js
from pyodide.ffi import to_js, ConversionError, JsArray
class P: pass
p = P()
def conv(v, convert, cache):
    o = js.Object.new()
    cache(v, o)
    o.self = convert(v)
    return o
out = to_js([p, p], default_converter=conv)
proxies = js.Array.new()
to_js([P(), P()], pyproxies=proxies)
try:
    to_js([P()], create_pyproxies=False)
    refused = None
except ConversionError as e:
    refused = str(e)
(js.JSON.stringify(to_js({"a": 1}, dict_converter=js.Object.fromEntries)), isinstance(to_js([1, 2]), JsArray),
 out[0] == out[1], out[0].self == out[0], proxies.length, refused.startswith("No conversion known for"))`).toJs();
    expect(r).toEqual(['{"a":1}', true, true, true, 2, true]);
  });

  test("buffers become typed-array copies; 2-D views nested arrays; '?' booleans", () => {
    const r = py.runPython("import array\n[b'ab', array.array('f', [1, 2]), array.array('q', [-1]), memoryview(bytes(range(4))).cast('B', [2, 2]), memoryview(b'\\x00\\x01').cast('?')]").toJs();
    expect(r[0]).toEqual(new Uint8Array([97, 98]));
    expect(r[1]).toEqual(new Float32Array([1, 2]));
    expect(r[2]).toEqual(new BigInt64Array([-1n]));
    expect(r[3]).toEqual([new Uint8Array([0, 1]), new Uint8Array([2, 3])]);
    expect(r[4]).toEqual([false, true]);
  });
});

describe("JS -> Python: toPy and to_py", () => {
  test("the issue's examples", () => {
    const p = py.toPy({ x: [1, { y: 2 }] });
    expect(p).toBeInstanceOf(ffi.PyProxy);
    expect(p.type).toBe("dict");
    expect(String(p)).toBe("{'x': [1, {'y': 2}]}");
    p.destroy();
    expect(py.runPython("import js\njs.eval(\"({a: [1, 2], m: new Map([[1, 'x']])})\").to_py() == {'a': [1, 2], 'm': {1: 'x'}}")).toBe(true);
  });

  test("Arrays, Maps, Sets, plain objects and typed arrays convert; class instances stay", () => {
    class Test {}
    const t = new Test();
    const p = py.toPy([new Map<unknown, unknown>([[1, "a"], ["1", "b"]]), new Set([1, "1"]), Object.create(null), new Float32Array([1.5]), t, 2n ** 70n, null]);
    py.globals.set("converted", p);
    expect(py.runPython("[type(v).__name__ for v in converted]").toJs()).toEqual(["dict", "set", "dict", "memoryview", "JsProxy", "JsBigInt", "NoneType"]);
    expect(py.runPython("(converted[3].format, converted[3].tolist(), converted[5] == 2**70, converted[0])").toJs()).toEqual(["f", [1.5], true, new Map<unknown, string>([[1, "a"], ["1", "b"]])]);
    p.destroy();
    py.globals.delete("converted");
    expect(py.toPy(t)).toBe(t);
    expect(py.toPy(5n)).toBe(5n);
    expect(py.toPy(null)).toBe(null);
  });

  test("to_py(depth=i) converts i levels (Pyodide's reprs)", () => {
    const reprs = py.runPython(`
import js
a = js.eval("a = new Map([[1,[1,2,new Set([1,2,3])]],[2,new Map([[1,2],[2,7]])]]); a.get(2).set('a', a); a")
[repr(a.to_py(depth=i)) for i in range(4)]`).toJs();
    expect(reprs).toEqual([
      "[object Map]",
      "{1: 1,2,[object Set], 2: [object Map]}",
      "{1: [1, 2, [object Set]], 2: {1: 2, 2: 7, 'a': [object Map]}}",
      "{1: [1, 2, {1, 2, 3}], 2: {1: 2, 2: 7, 'a': {...}}}",
    ]);
  });

  test("shared references and cycles survive", () => {
    const shared = [1];
    const a: any[] = [shared, shared];
    a.push(a);
    py.globals.set("c", py.toPy(a));
    expect(py.runPython("(c[0] is c[1], c[2] is c)").toJs()).toEqual([true, true]);
    py.globals.get("c").destroy();
    py.globals.delete("c");
  });

  test("keys with different semantics are JS Errors with Pyodide's texts (JsException in Python)", () => {
    const e = thrown(() => py.toPy(new Map<unknown, number>([[1, 1], [true, 2]])));
    expect(e.constructor).toBe(Error);
    expect(e.message).toBe("Cannot faithfully convert Map into Python since it contains both 1 and true as keys.");
    expect(thrown(() => py.toPy(new Set<unknown>([0, false]))).message).toBe(
      "Cannot faithfully convert Set into Python since it contains both 0 and false as keys.",
    );
    expect(thrown(() => py.toPy(new Map([[[1], 1]]))).message).toBe("Cannot use key of type Array as a key to a Python dict");
    expect(py.runPython("import js\ntry:\n    js.eval('new Map([[1, 1], [true, 2]])').to_py()\nexcept Exception as e:\n    r = type(e).__name__\nr")).toBe("JsException");
  });

  test("defaultConverter and default_converter, with caching for cycles", () => {
    class T {
      me = this;
    }
    const p = py.toPy([new T()], {
      defaultConverter: (v: any, convert: any, cache: any) => {
        const d = py.toPy({});
        cache(v, d);
        d.set("me", convert(v.me));
        return d;
      },
    });
    py.globals.set("d", p);
    expect(py.runPython("d[0]['me'] is d[0]")).toBe(true);
    p.destroy();
    py.globals.delete("d");
    const e = thrown(() => py.toPy([new T()], { defaultConverter: (v: any, _c: any, cache: any) => cache(v, {}) }));
    expect(e.message).toBe("Second argument should be a PyProxy!");
    expect(
      py.runPython(`
import js
def conv(v, convert, cache):
    d = {}
    cache(v, d)
    d['me'] = convert(v.me)
    return d
r = js.eval("class U { constructor() { this.me = this } }; new U()").to_py(default_converter=conv)
r['me'] is r`),
    ).toBe(true);
  });
});

describe("bad input: clear errors, nothing leaked, the runtime keeps working", () => {
  test("nesting deeper than 1000 levels is refused both ways", () => {
    const e = thrown(() => py.runPython("x = []\nfor _ in range(1500): x = [x]\nx").toJs());
    expect(lastLine(e)).toMatch(/ConversionError: .*nested more than 1000 levels/);
    let deep: unknown[] = [];
    for (let i = 0; i < 1500; i++) deep = [deep];
    expect(lastLine(thrown(() => py.toPy(deep)))).toMatch(/ConversionError: .*nested more than 1000 levels/);
    expect(py.runPython("len(x)")).toBe(1);
  });

  test("a converter or getter that throws gives its own error and leaks nothing", async () => {
    await collectGarbage();
    const before = py.stats();
    const boom = new Error("boom");
    for (let i = 0; i < 20; i++) {
      const p = py.runPython("class Q: pass\n[Q(), {'a': Q()}]");
      // toJs wraps a converter's error in a ConversionError (as Pyodide); toPy runs in JS there
      // and lets the JS error itself through.
      expect(thrown(() => p.toJs({ dict_converter: () => { throw boom; } })).type).toBe("ConversionError");
      expect(thrown(() => p.toJs({ default_converter: () => { throw boom; } })).type).toBe("ConversionError");
      p.destroy();
      expect(thrown(() => py.toPy([1, { get a() { throw boom; } }]))).toBe(boom);
      expect(thrown(() => py.toPy([new (class {})()], { defaultConverter: () => { throw boom; } }))).toBe(boom);
    }
    expect(py.runPython("import js\ntry:\n    js.eval('[{get a() { throw new RangeError(\"getter\") }}]').to_py()\nexcept Exception as e:\n    r = type(e).__name__ + ': ' + str(e)\nr")).toBe("JsException: RangeError: getter");
    // sys.last_exc keeps the last error that reached JS (a ConversionError caused by a
    // JsException of `boom`), as in Pyodide; a plain error replaces it.
    thrown(() => py.runPython("raise ValueError()"));
    await collectGarbage();
    expect(py.stats().pyproxies).toBe(before.pyproxies);
    expect(py.stats().jsproxies).toBe(before.jsproxies);
    expect(py.runPython("1 + 1")).toBe(2);
  });

  test("options of the wrong type are refused in JS", () => {
    const p = py.runPython("[1]");
    expect(thrown(() => p.toJs({ depth: 1.5 }))).toBeInstanceOf(TypeError);
    expect(thrown(() => p.toJs({ pyproxies: {} as any }))).toBeInstanceOf(TypeError);
    expect(thrown(() => p.toJs({ dict_converter: 1 as any })).message).toBe("toJs: dict_converter must be a function");
    expect(thrown(() => py.toPy([], { defaultConverter: 1 as any })).message).toBe("toPy: defaultConverter must be a function");
    p.destroy();
  });

  test("a bad option is the same error from JS and from Python, naming the option", () => {
    const p = py.runPython("[[1]]");
    const fromPython = (code: string) => {
      const e = thrown(() => py.runPython(`from pyodide.ffi import to_js\nimport js\n${code}`)) as PythonError;
      expect(e).toBeInstanceOf(PythonError);
      expect(e.type).toBe("TypeError");
      return e.message.trim().split("\n").at(-1);
    };
    for (const name of ["dict_converter", "default_converter", "eager_converter"]) {
      const js = thrown(() => p.toJs({ [name]: 5 } as any));
      expect(js).toBeInstanceOf(TypeError);
      expect(js.message).toBe(`toJs: ${name} must be a function`);
      expect(fromPython(`to_js([[1]], ${name}=5)`)).toBe(`TypeError: to_js: ${name} must be a function`);
    }
    expect(thrown(() => py.toPy([1], { defaultConverter: 5 as any })).message).toBe("toPy: defaultConverter must be a function");
    expect(fromPython("js.eval('[1]').to_py(default_converter=5)")).toBe("TypeError: to_py: default_converter must be a function");
    // The JS form names what it got; unknown keys are ignored, as in Pyodide.
    expect(thrown(() => p.toJs({ depth: "all" as any })).message).toBe('toJs: depth must be an integer (-1 for no limit), not string ("all")');
    expect(thrown(() => p.toJs({ create_pyproxies: "no" as any })).message).toBe('toJs: create_pyproxies must be a boolean, not string ("no")');
    expect(thrown(() => p.toJs({ pyproxies: 5 as any })).message).toBe("toJs: pyproxies must be an array, not number (5)");
    expect(thrown(() => p.toJs(null as any)).message).toBe("toJs: options must be an object, not null");
    expect(p.toJs({ depht: 0 } as any)).toEqual([[1]]);
    expect(py.runPython("1 + 1")).toBe(2);
    p.destroy();
  });
});
