import { beforeAll, describe, expect, test } from "vitest";
import { ffi, PythonError, type PythonRuntime } from "../dist/index.js";
import { dropProxies, startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  py = (await startPython()).py;
  py.runPython(`
class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10

class LenContains:
    def __len__(self): return 7
    def __contains__(self, x): return x == "yes"

class CallMe:
    def __call__(self, a, b=2): return a * b

def gen():
    received = yield 1
    yield received
    return "finished"

async def agen():
    yield 1

async def coro():
    return 5
`);
});

type Row = [string, string[], string[]];
const ALL = [
  "PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithSet", "PyProxyWithHas", "PyDict",
  "PyIterable", "PyAsyncIterable", "PyIterator", "PyAsyncIterator", "PyGenerator", "PyAsyncGenerator",
  "PyAwaitable", "PyCallable", "PyBuffer", "PySequence", "PyMutableSequence",
];
// [code, classes it is an instance of]; every other class of ALL must answer false. As in
// Pyodide, PyMutableSequence admits every sequence, and `__getitem__` alone makes an iterable.
const INSTANCES: Row[] = [
  ["[1, 2]", ["PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithSet", "PyProxyWithHas", "PyIterable", "PySequence", "PyMutableSequence"], []],
  ["(1, 2)", ["PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithHas", "PyIterable", "PySequence", "PyMutableSequence"], []],
  ["{'a': 1}", ["PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithSet", "PyProxyWithHas", "PyIterable", "PyDict"], []],
  ["{1, 2}", ["PyProxy", "PyProxyWithLength", "PyProxyWithHas", "PyIterable"], []],
  ["gen()", ["PyProxy", "PyIterable", "PyIterator", "PyGenerator"], []],
  ["agen()", ["PyProxy", "PyAsyncIterable", "PyAsyncIterator", "PyAsyncGenerator"], []],
  ["c = coro(); c", ["PyProxy", "PyAwaitable"], []],
  ["OnlyGetitem()", ["PyProxy", "PyProxyWithGet", "PyIterable"], []],
  ["LenContains()", ["PyProxy", "PyProxyWithLength", "PyProxyWithHas"], []],
  ["CallMe()", ["PyProxy", "PyCallable"], []],
  ["b'abc'", ["PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithHas", "PyIterable", "PyBuffer", "PySequence", "PyMutableSequence"], []],
];

describe("instanceof follows the Python object's protocols", () => {
  test.each(INSTANCES)("%s", (code, yes) => {
    const p = py.runPython(code);
    for (const name of ALL) {
      expect([name, p instanceof (ffi as any)[name]]).toEqual([name, yes.includes(name)]);
    }
    p.destroy();
  });
  test("the same classes before collections.abc is imported as after", async () => {
    const classes = `
class MyList(list): pass
class MyTuple(tuple): pass
class Gen:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass
class AGen:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
    async def asend(self, v): pass
    async def athrow(self, *a): pass
    async def aclose(self): pass
`;
    const codes = ["MyList()", "MyTuple()", "range(3)", "memoryview(b'x')", "bytearray(b'x')", "Gen()", "AGen()", "(i for i in [])", "{}"];
    const namesIn = async (setup: string) => {
      const fresh = (await startPython()).py;
      fresh.runPython(classes + setup);
      return codes.map((code) => {
        const p = fresh.runPython(code);
        const names = ALL.filter((name) => p instanceof (ffi as any)[name]);
        p.destroy();
        return [code, names];
      });
    };
    const before = await namesIn("import sys\nassert '_collections_abc' not in sys.modules");
    const after = await namesIn("import collections.abc");
    expect(before).toEqual(after);
    expect(Object.fromEntries(before)["MyTuple()"]).toContain("PySequence");
    expect(Object.fromEntries(before)["Gen()"]).toContain("PyGenerator");
    expect(Object.fromEntries(before)["AGen()"]).toContain("PyAsyncGenerator");
  });
  test("a str converts, so it is no proxy at all", () => {
    const s = py.runPython("'text'");
    expect(typeof s).toBe("string");
    expect(s instanceof ffi.PyProxy).toBe(false);
  });
  test("callables are JS functions; others are not", () => {
    const f = py.runPython("CallMe()");
    expect(typeof f).toBe("function");
    expect(f instanceof Function).toBe(true);
    const l = py.runPython("[]");
    expect(typeof l).toBe("object");
    expect(l instanceof Function).toBe(false);
    f.destroy();
    l.destroy();
  });
  test("proxies of one flag set share one prototype", () => {
    const a = py.runPython("[1]");
    const b = py.runPython("[2, 3]");
    const t = py.runPython("(1,)");
    expect(Object.getPrototypeOf(a) === Object.getPrototypeOf(b)).toBe(true);
    expect(Object.getPrototypeOf(a) === Object.getPrototypeOf(t)).toBe(false);
    a.destroy();
    b.destroy();
    t.destroy();
  });
  test("Symbol.toStringTag is PyProxy and symbol keys never reach Python", () => {
    const p = py.runPython("OnlyGetitem()");
    expect(Object.prototype.toString.call(p)).toBe("[object PyProxy]");
    expect((p as any)[Symbol("x")]).toBeUndefined();
    p.destroy();
  });
});

describe("members of every PyProxy", () => {
  test("type, toString, copy, destroy", () => {
    const p = py.runPython("[1, 'a']");
    expect(p.type).toBe("list");
    expect(p.toString()).toBe("[1, 'a']");
    const q = p.copy();
    p.destroy();
    p.destroy(); // harmless
    expect(q.toString()).toBe("[1, 'a']");
    expect(() => p.toString()).toThrow(/^Object has already been destroyed/);
    q.destroy({ message: "gone on purpose" });
    expect(() => q.length).toThrow("gone on purpose");
  });
  test("Symbol.dispose destroys", () => {
    const p = py.runPython("object()");
    p[Symbol.dispose]();
    expect(() => p.type).toThrow(/already been destroyed/);
  });
  test("toJs converts deeply, keeps sharing and cycles, and honours depth", () => {
    const p = py.runPython("inner = [3]; x = [1, (2, inner), {'k': {4}}, inner, None]; x");
    const js = p.toJs();
    expect(Array.isArray(js)).toBe(true);
    expect(js[1]).toEqual([2, [3]]);
    expect(js[2]).toBeInstanceOf(Map);
    expect(js[2].get("k")).toEqual(new Set([4]));
    expect(js[1][1]).toBe(js[3]);
    expect(js[4]).toBeUndefined();
    const shallow = p.toJs({ depth: 1 });
    expect(shallow[1]).toBeInstanceOf(ffi.PyProxy);
    expect(shallow[1].type).toBe("tuple");
    shallow[1].destroy();
    shallow[2].destroy();
    shallow[3].destroy();
    p.destroy();
    const cyc = py.runPython("c = [1]; c.append(c); c");
    const arr = cyc.toJs();
    expect(arr[1]).toBe(arr);
    cyc.destroy();
    py.runPython("del c, x, inner");
  });
  test("non-container objects stay proxies in toJs", () => {
    const p = py.runPython("[object()]");
    const [o] = p.toJs();
    expect(o).toBeInstanceOf(ffi.PyProxy);
    expect(o.type).toBe("object");
    o.destroy();
    p.destroy();
  });
});

describe("mapping and sequence members", () => {
  test("the issue's dict example", () => {
    const d = py.runPython("{'name': 'Alice', 'age': 30}");
    expect(d).toBeInstanceOf(ffi.PyDict);
    expect(d.get("name")).toBe("Alice");
    d.set("age", 31);
    expect(d.get("age")).toBe(31);
    expect(d.has("city")).toBe(false);
    expect(d.has("name")).toBe(true);
    expect([...d.keys()]).toEqual(["name", "age"]);
    expect([...d.values()]).toEqual(["Alice", 31]);
    expect(d.length).toBe(2);
    expect(d.get("missing")).toBeUndefined();
    d.delete("age");
    expect(d.length).toBe(1);
    expect(d.toJs()).toEqual(new Map([["name", "Alice"]]));
    d.destroy();
    expect(() => d.get("name")).toThrow(/^Object has already been destroyed/);
  });
  test("items() pairs arrive as tuple proxies", () => {
    const d = py.runPython("{'a': 1}");
    const items = d.items();
    const pairs: unknown[] = [];
    for (const pair of items) pairs.push(pair.toJs());
    expect(pairs).toEqual([["a", 1]]);
    // As in Pyodide, a finished iteration destroys the proxies it produced.
    const [pair] = [...items];
    expect(() => pair.toJs()).toThrow(/destroyed when an iterator was exhausted/);
    items.destroy();
    d.destroy();
  });
  test("get on a missing index gives undefined; other errors throw", () => {
    const l = py.runPython("[1]");
    expect(l.get(5)).toBeUndefined();
    expect(() => l.get("x")).toThrow(PythonError);
    l.destroy();
  });
  test("length is read-only and delete of it does nothing", () => {
    const l = py.runPython("[1, 2]");
    expect(() => {
      "use strict";
      (l as any).length = 5;
    }).toThrow(TypeError);
    delete (l as any).length;
    expect(l.length).toBe(2);
    l.destroy();
  });
  test("sequences answer numeric keys, `in` and Object.keys", () => {
    const l = py.runPython("[10, 20, 30]");
    expect(l[0]).toBe(10);
    expect(l[2]).toBe(30);
    expect(l[3]).toBeUndefined();
    expect("2" in l).toBe(true);
    expect("3" in l).toBe(false);
    l[1] = 21;
    expect(py.runPython("x = None\nx")).toBeUndefined();
    expect(l.toJs()).toEqual([10, 21, 30]);
    expect(() => {
      l[7] = 1;
    }).toThrow(TypeError);
    delete l[0];
    expect(l.toJs()).toEqual([21, 30]);
    // Listed as keys but, as in Pyodide, not as enumerable own properties.
    expect(Reflect.ownKeys(l)).toEqual(expect.arrayContaining(["0", "1", "append", "length"]));
    expect(Object.keys(l)).toEqual([]);
    l.destroy();
  });
  test("array-like reading methods on a tuple", () => {
    const t = py.runPython("(3, 1, 2)");
    expect(t.join("-")).toBe("3-1-2");
    expect(t.slice(1)).toEqual([1, 2]);
    expect(t.indexOf(2)).toBe(2);
    expect(t.lastIndexOf(3)).toBe(0);
    expect(t.map((x: number) => x * 2)).toEqual([6, 2, 4]);
    expect(t.filter((x: number) => x > 1)).toEqual([3, 2]);
    expect(t.some((x: number) => x === 1)).toBe(true);
    expect(t.every((x: number) => x > 0)).toBe(true);
    expect(t.reduce((a: number, b: number) => a + b)).toBe(6);
    expect(t.reduceRight((a: string, b: number) => a + b, "")).toBe("213");
    expect(t.at(-1)).toBe(2);
    expect(t.concat([4])).toEqual([3, 1, 2, 4]);
    expect([0].concat(t)).toEqual([0, 3, 1, 2]);
    expect(t.includes(1)).toBe(true);
    expect([...t.entries()]).toEqual([[0, 3], [1, 1], [2, 2]]);
    expect([...t.keys()]).toEqual([0, 1, 2]);
    expect([...t.values()]).toEqual([3, 1, 2]);
    expect(t.find((x: number) => x < 3)).toBe(1);
    expect(t.findIndex((x: number) => x === 2)).toBe(2);
    expect(JSON.stringify(t)).toBe("[3,1,2]");
    const seen: number[] = [];
    t.forEach((x: number) => seen.push(x));
    expect(seen).toEqual([3, 1, 2]);
    t.destroy();
  });
  test("array-mutating methods on a list, and the Python methods behind them", () => {
    const l = py.runPython("[3, 1, 2]");
    expect(l).toBeInstanceOf(ffi.PyMutableSequence);
    expect(l.push(4, 5)).toBe(5);
    expect(l.pop()).toBe(5);
    expect(l.shift()).toBe(3);
    expect(l.unshift(9, 8)).toBe(5);
    expect(l.toJs()).toEqual([9, 8, 1, 2, 4]);
    expect(l.splice(1, 2, "a", "b", "c")).toEqual([8, 1]);
    expect(l.toJs()).toEqual([9, "a", "b", "c", 2, 4]);
    expect(l.splice(4)).toEqual([2, 4]);
    l.append(10);
    const more = py.runPython("[11, 12]");
    l.extend(more);
    more.destroy();
    l.insert(0, 0);
    expect(l.toJs()).toEqual([0, 9, "a", "b", "c", 10, 11, 12]);
    expect(l.$pop(1)).toBe(9);
    expect(l.reverse()).toBe(l);
    expect(l.toJs()).toEqual([12, 11, 10, "c", "b", "a", 0]);
    const n = py.runPython("[10, 9, 1, None, 100]");
    n.sort(); // JS default: by string, undefined last
    expect(n.toJs()).toEqual([1, 10, 100, 9, undefined]);
    n.sort((a: number, b: number) => b - a);
    expect(n.toJs()).toEqual([100, 10, 9, 1, undefined]);
    n.fill(0, 1, 3);
    expect(n.toJs()).toEqual([100, 0, 0, 1, undefined]);
    n.copyWithin(0, 3, 4);
    expect(n.toJs()).toEqual([1, 0, 0, 1, undefined]);
    const empty = py.runPython("[]");
    expect(empty.pop()).toBeUndefined();
    expect(empty.shift()).toBeUndefined();
    l.destroy();
    n.destroy();
    empty.destroy();
  });
});

describe("iteration", () => {
  test("for-of over an iterable (the issue's generator expression)", () => {
    const g = py.runPython("(i * i for i in range(4))");
    const seen: number[] = [];
    for (const v of g) seen.push(v);
    expect(seen).toEqual([0, 1, 4, 9]);
    g.destroy();
    const l = py.runPython("['a', 'b']");
    expect([...l]).toEqual(["a", "b"]);
    expect(Array.from(l)).toEqual(["a", "b"]);
    l.destroy();
  });
  test("leaving a loop early releases the Python iterator", () => {
    const before = py.stats().pyproxies;
    const l = py.runPython("[1, 2, 3]");
    for (const v of l) if (v === 2) break;
    l.destroy();
    expect(py.stats().pyproxies).toBe(before);
  });
  test("next/send, and the return value at the end", () => {
    const g = py.runPython("gen()");
    expect(g.next()).toEqual({ done: false, value: 1 });
    expect(g.next("sent")).toEqual({ done: false, value: "sent" });
    expect(g.next()).toEqual({ done: true, value: "finished" });
    expect(g[Symbol.iterator]()).toBe(g);
    g.destroy();
  });
  test("throw and return on a generator", () => {
    py.runPython(`
def catcher():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
    try:
        yield 2
    finally:
        pass
`);
    const g = py.runPython("catcher()");
    g.next();
    expect(g.throw(py.runPython("ValueError('x')"))).toEqual({ done: false, value: "caught x" });
    expect(g.return(42)).toEqual({ done: true, value: 42 });
    expect(g.next()).toEqual({ done: true, value: undefined });
    const h = py.runPython("catcher()");
    h.next();
    const err = new RangeError("from js");
    const out = thrown(() => h.throw(err)); // uncaught in Python: a PythonError caused by the JS error
    expect([out.type, out.cause]).toEqual(["JsException", err]);
    g.destroy();
    h.destroy();
  });
  test("an exception inside iteration is a PythonError", () => {
    const g = py.runPython("(1 // 0 for _ in range(1))");
    expect(() => [...g]).toThrow(/ZeroDivisionError/);
    g.destroy();
  });
});

describe("calls", () => {
  test("the issue's calc example: positional, callKwargs, kwargs errors", () => {
    const calc = py.runPython("def calc(x, y, op='add'):\n  return x + y if op == 'add' else x * y\ncalc");
    expect(calc(5, 3)).toBe(8);
    expect(calc.callKwargs(5, 3, { op: "multiply" })).toBe(15);
    expect(() => calc.callKwargs()).toThrow("callKwargs requires at least one argument (the key word argument object)");
    expect(() => calc.callKwargs(1, 2, 3)).toThrow("kwargs argument is not an object");
    expect(calc.callKwargs({ x: 1, y: 2 })).toBe(3);
    calc.destroy();
  });
  test("apply, call, bind and captureThis", () => {
    const f = py.runPython("def f(*args): return ','.join(map(str, args))\nf");
    expect(f.apply(null, [1, 2])).toBe("1,2");
    expect(f.apply(undefined, { length: 2, 0: "a", 1: "b" })).toBe("a,b");
    expect(f.apply(null, undefined)).toBe("");
    expect(() => f.apply(null, 5 as any)).toThrow(TypeError);
    expect(f.call({ ignored: true }, 7)).toBe("7");
    const b = f.bind(null, 1);
    expect(b(2)).toBe("1,2");
    expect(b.bind(null, 3)(4)).toBe("1,3,4");
    expect(b).toBeInstanceOf(ffi.PyCallable);
    const m = f.captureThis();
    const obj = { m, toString: () => "obj" };
    expect(obj.m(5)).toBe("obj,5");
    expect(m.bind("fixed")(6)).toBe("fixed,6");
    f.destroy();
    expect(() => b(1)).toThrow(/already been destroyed/); // aliases share the lifetime
  });
  test("arguments convert implicitly; JS objects arrive as JsProxy", () => {
    const f = py.runPython("def f(o, n): return type(o).__name__, o.x + n\nf");
    const r = f({ x: 40 }, 2);
    expect(r.toJs()).toEqual(["JsProxy", 42]);
    r.destroy();
    f.destroy();
  });
  test("a Python exception in a call is a PythonError kept in sys.last_value", () => {
    const f = py.runPython("def f():\n  raise KeyError('nope')\nf");
    const err = thrown(() => f());
    expect(err).toBeInstanceOf(PythonError);
    expect(err.type).toBe("KeyError");
    expect(err.message).toMatch(/^Traceback \(most recent call last\):\n  File "<exec>", line 2, in f\n/);
    expect(err.message).toMatch(/KeyError: 'nope'\n?$/);
    expect(err.message).not.toContain("_pyffi");
    expect(py.runPython("import sys; repr(sys.last_value)")).toBe("KeyError('nope')");
    expect(f.length === undefined || typeof f.length === "number").toBe(true);
    f.destroy();
  });
  test("results of every kind come back, also from calls nested inside a call", () => {
    const f = py.runPython(`
def result(kind, inner=None):
    if inner is not None:
        # JS calls back into Python while this call is still running.
        inner()
    return {"nan": float("nan"), "negzero": -0.0, "int": 2**53, "big": 2**60, "str": "s",
            "none": None, "true": True, "list": [1]}[kind]
result`);
    const inner = () => {
      expect(f("str")).toBe("s");
      expect(() => f("missing")).toThrow(PythonError);
    };
    expect(f("nan")).toBeNaN();
    expect(Object.is(f("negzero"), -0)).toBe(true);
    expect(f("int")).toBe(2 ** 53);
    expect(f("big")).toBe(2n ** 60n);
    expect(f("none", inner)).toBeUndefined();
    expect(f("true", inner)).toBe(true);
    expect(f("nan", inner)).toBeNaN();
    const list = f("list", inner);
    expect(list.toJs()).toEqual([1]);
    list.destroy();
    expect(() => f("missing", inner)).toThrow(/KeyError: 'missing'/);
    expect(f("str")).toBe("s");
    f.destroy();
  });
  test("function own properties do not hide Python attributes", () => {
    const f = py.runPython("def named(): pass\nnamed");
    expect(f.name).toBeUndefined();
    expect(f.__name__).toBe("named");
    expect("name" in f).toBe(false);
    expect("prototype" in f).toBe(true);
    f.destroy();
  });
});

describe("proxy traps", () => {
  test("JS members first, `$name` for the Python attribute, in / set / delete", () => {
    const d = py.runPython("{'a': 1}");
    expect(typeof d.get).toBe("function");
    const pyGet = d.$get;
    expect(pyGet.type).toBe("builtin_function_or_method");
    expect(pyGet("a")).toBe(1);
    pyGet.destroy();
    d.destroy();
    const o = py.runPython("class O: pass\nO()");
    o.color = "red";
    expect(py.runPython("lambda o: o.color")(o)).toBe("red");
    expect("color" in o).toBe(true);
    delete o.color;
    expect("color" in o).toBe(false);
    o.$type = "shadowed";
    expect(o.type).toBe("O");
    expect(o.$type).toBe("shadowed");
    expect(Object.keys(o)).toEqual([]);
    expect(Object.getOwnPropertyNames(o)).toContain("__class__");
    o.destroy();
  });
});

describe("awaitables", () => {
  test("a coroutine is a thenable", async () => {
    const c = py.runPython("coro()");
    expect(await c).toBe(5);
    expect(await c.then((v: number) => v + 1)).toBe(6);
    c.destroy();
  });
  test("asyncio.Future, Task, objects with __await__ and async def calls are PyAwaitables", async () => {
    // A runtime of its own: proxies other tests dropped may be collected while this one awaits.
    const { py } = await startPython();
    const before = py.stats().pyproxies;
    py.runPython(`
import asyncio
class Later:
    def __await__(self):
        yield from asyncio.sleep(0.001).__await__()
        return "later"
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
fut = asyncio.get_event_loop().create_future()
timer = asyncio.get_event_loop().call_later(0.002, fut.set_result, "future")`);
    const f = py.runPython("fut");
    const t = py.runPython("asyncio.ensure_future(add(1, 2))");
    const l = py.runPython("Later()");
    const add = py.runPython("add");
    const c = add(20, 22);
    for (const p of [f, t, l, c]) expect(p).toBeInstanceOf(ffi.PyAwaitable);
    expect(await Promise.all([f, t, l, c])).toEqual(["future", 3, "later", 42]);
    for (const p of [f, t, l, c, add]) p.destroy();
    py.runPython("del fut, timer, Later, add");
    expect(py.stats().pyproxies).toBe(before);
  });
  test("a failing coroutine rejects with PythonError; catch and finally work", async () => {
    const c = py.runPython("async def bad(): raise ValueError('no')\nbad()");
    let finished = false;
    const caught = await c.catch((e: any) => e).finally(() => (finished = true));
    expect(caught).toBeInstanceOf(PythonError);
    expect(caught.type).toBe("ValueError");
    expect(finished).toBe(true);
    c.destroy();
  });
});

describe("async iteration", () => {
  test("for await over an async generator and an async iterable", async () => {
    py.runPython(`
import asyncio
async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return ticks(self.n)
`);
    const seen: number[] = [];
    const g = py.runPython("ticks(3)");
    for await (const v of g) seen.push(v);
    g.destroy();
    const c = py.runPython("Countdown(2)");
    expect(c).toBeInstanceOf(ffi.PyAsyncIterable);
    expect(c).not.toBeInstanceOf(ffi.PyAsyncIterator);
    for await (const v of c) seen.push(v);
    c.destroy();
    expect(seen).toEqual([0, 1, 2, 0, 1]);
  });
  test("next/asend, throw and return on an async generator", async () => {
    py.runPython(`
async def echo():
    got = None
    while True:
        try:
            got = yield got
        except ValueError as e:
            got = f"caught {e}"
`);
    const g = py.runPython("echo()");
    expect(await g.next()).toEqual({ done: false, value: undefined });
    expect(await g.next("hi")).toEqual({ done: false, value: "hi" });
    expect(await g.throw(py.runPython("ValueError('v')"))).toEqual({ done: false, value: "caught v" });
    expect(await g.return(7)).toEqual({ done: true, value: 7 });
    expect(await g.next()).toEqual({ done: true, value: undefined });
    g.destroy();
  });
  test("an exception inside async iteration rejects with PythonError", async () => {
    const g = py.runPython("async def boom():\n  yield 1\n  raise KeyError('k')\nboom()");
    const seen: number[] = [];
    await expect((async () => {
      for await (const v of g) seen.push(v);
    })()).rejects.toThrow(/KeyError/);
    expect(seen).toEqual([1]);
    g.destroy();
  });
});

describe("lifetime", () => {
  const MEMBERS: Array<[string, string, (p: any) => unknown]> = [
    ["type", "[1]", (p) => p.type],
    ["toString", "[1]", (p) => p.toString()],
    ["copy", "[1]", (p) => p.copy()],
    ["toJs", "[1]", (p) => p.toJs()],
    ["get", "[1]", (p) => p.get(0)],
    ["set", "[1]", (p) => p.set(0, 1)],
    ["delete", "[1]", (p) => p.delete(0)],
    ["has", "[1]", (p) => p.has(1)],
    ["length", "[1]", (p) => p.length],
    ["iterator", "[1]", (p) => [...p]],
    ["next", "iter([1])", (p) => p.next()],
    ["throw", "gen()", (p) => p.throw(new Error("x"))],
    ["return", "gen()", (p) => p.return(1)],
    ["call", "CallMe()", (p) => p(1)],
    ["callKwargs", "CallMe()", (p) => p.callKwargs(1, {})],
    ["apply", "CallMe()", (p) => p.apply(null, [1])],
    ["attribute", "[1]", (p) => p.append],
    ["index", "[1]", (p) => p[0]],
    ["in", "[1]", (p) => "append" in p],
    ["push", "[1]", (p) => p.push(1)],
    ["sort", "[1]", (p) => p.sort()],
    ["map", "(1,)", (p) => p.map((x: unknown) => x)],
  ];
  test.each(MEMBERS)("a destroyed proxy refuses %s", (_name, code, use) => {
    const p = py.runPython(code);
    p.destroy();
    expect(() => use(p)).toThrow(/^Object has already been destroyed/);
  });
  test("a proxy dropped without destroy() is freed after gc()", async () => {
    const { before, held, after } = await dropProxies(py, "[object()]", 10);
    expect(held).toBe(before + 10);
    expect(after).toBe(before);
  });
  test("10,000 create/use/destroy cycles leave the counters at baseline", () => {
    const before = py.stats();
    const f = py.runPython("lambda i: {'i': i}");
    for (let i = 0; i < 10000; i++) {
      const d = f(i);
      if (d.get("i") !== i) throw new Error(`wrong value at ${i}`);
      d.destroy();
    }
    f.destroy();
    expect(py.stats()).toEqual(before);
  });
  test("globals is a PyDict", () => {
    expect(py.globals).toBeInstanceOf(ffi.PyDict);
  });
});

describe("borrowed attribute proxies (Pyodide's attribute cache)", () => {
  test("reading an attribute twice gives the same proxy, a method too", () => {
    const o = py.runPython("class A:\n    items = [1]\n    def m(self): return 2\nA()");
    expect(o.items).toBe(o.items);
    expect(o.m).toBe(o.m);
    expect(o.m()).toBe(2);
    const before = py.stats().pyproxies;
    for (let i = 0; i < 100; i++) void o.items;
    expect(py.stats().pyproxies).toBe(before);
    o.destroy();
  });
  test("a reassigned attribute gives a new proxy; a destroyed one is replaced", () => {
    const o = py.runPython("class B:\n    pass\nb = B(); b.x = [1]; b");
    const first = o.x;
    py.runPython("b.x = [2]");
    const second = o.x;
    expect(second).not.toBe(first);
    expect(second.toString()).toBe("[2]");
    second.destroy();
    expect(o.x.toString()).toBe("[2]");
    o.destroy();
    py.runPython("del b");
  });
  test("attribute proxies die with the last of the proxy and its copies", () => {
    const o = py.runPython("class C:\n    x = [5]\nC()");
    const x = o.x;
    const kept = x.copy();
    const o2 = o.copy();
    o.destroy();
    expect(x.toString()).toBe("[5]");
    o2.destroy();
    expect(() => x.toString()).toThrow(/^This borrowed attribute proxy was automatically destroyed/);
    expect(kept.toString()).toBe("[5]");
    kept.destroy();
  });
  test("the attributes read from a borrowed argument die with the call", () => {
    const kept: any[] = [];
    (globalThis as any).keepAttr = (o: any) => void kept.push(o.x);
    try {
      py.runPython("import js\nclass D:\n    x = [1]\njs.keepAttr(D())");
    } finally {
      delete (globalThis as any).keepAttr;
    }
    expect(() => kept[0].length).toThrow(/^This borrowed attribute proxy was automatically destroyed/);
  });
  test("a Python getter that reads another proxy's attribute from JS caches each on its own parent", () => {
    const other = py.runPython("class E:\n    y = [3]\nE()");
    (globalThis as any).readOther = () => other.y;
    try {
      const o = py.runPython("import js\nclass F:\n    @property\n    def x(self):\n        js.readOther()\n        return [4]\nF()");
      const x = o.x;
      expect(x.toString()).toBe("[4]");
      const y = other.y;
      o.destroy();
      expect(y.toString()).toBe("[3]");
      expect(() => x.toString()).toThrow(/destroyed/);
      other.destroy();
      expect(() => y.toString()).toThrow(/destroyed/);
    } finally {
      delete (globalThis as any).readOther;
    }
  });
});

describe("dict proxies read and write items as properties", () => {
  test("get, set, delete, in and Object.keys fall back to the items", () => {
    const d = py.runPython("pd = {'a': 1, 2: 'two', '3': 'three'}; pd");
    expect([d.a, d[2], d[3], d.missing]).toEqual([1, "two", "three", undefined]);
    expect(typeof d.keys).toBe("function"); // an attribute wins over an item
    d.b = 5;
    d[7] = "seven";
    expect(py.runPython("pd['b'], pd[7]").toJs()).toEqual([5, "seven"]);
    expect(["a" in d, "2" in d, "zz" in d]).toEqual([true, true, false]);
    expect(new Set(Object.keys(d))).toEqual(new Set(["a", "2", "3", "b", "7"]));
    delete d.a;
    expect("a" in d).toBe(false);
    expect(Reflect.deleteProperty(d, "nothing")).toBe(false);
    d.destroy();
    py.runPython("del pd");
  });
  test("asJsJson: JSON.stringify inverts json.loads; the adaptor shares the dict's lifetime", () => {
    const d = py.runPython("import json\njson.loads('{\"a\": [1, {\"b\": null}], \"c\": \"d\"}')");
    const j = d.asJsJson();
    expect(JSON.stringify(j)).toBe('{"a":[1,{}],"c":"d"}');
    j.destroy();
    expect(() => d.type).toThrow(/^Object has already been destroyed/);
  });
});

describe("Pyodide's call variants", () => {
  test("callRelaxed, callKwargsRelaxed and callWithOptions", () => {
    const f = py.runPython("def relaxed(a, b=2, *, c=3): return (a, b, c)\nrelaxed");
    expect(f.callRelaxed(1, 5, 6, 7).toJs()).toEqual([1, 5, 3]);
    expect(f.callKwargsRelaxed(1, { c: 4, d: 9 }).toJs()).toEqual([1, 2, 4]);
    expect(f.callWithOptions({ relaxed: true, kwargs: true }, 1, 2, 3, { c: 0 }).toJs()).toEqual([1, 2, 0]);
    expect(f.callWithOptions({}, 8).toJs()).toEqual([8, 2, 3]);
    expect(() => f.callWithOptions({ kwargs: true })).toThrow(TypeError);
    expect(thrown(() => f.callRelaxed()).type).toBe("TypeError");
    f.destroy();
  });
  test("callPromising gives a Promise of the call's result", async () => {
    const f = py.runPython("lambda x: x + 1");
    const p = f.callPromising(1);
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toBe(2);
    expect(await f.callPromisingKwargs({ x: 4 })).toBe(5);
    f.destroy();
  });
  test("calling an async def schedules it at once; its proxy is destroyed but still awaitable", async () => {
    py.runPython("ran = []\nasync def job(n):\n    ran.append(n)\n    return n * 2");
    const job = py.globals.get("job");
    const co = job(3);
    expect(() => co.type).toThrow(/^Object has already been destroyed/);
    expect(await co).toBe(6);
    expect(py.runPython("ran").toJs()).toEqual([3]);
    job.destroy();
  });
});

describe("runtime details Pyodide has", () => {
  test("setDebug describes a destroyed proxy instead of the hint", () => {
    const p = py.runPython("[1]");
    p.destroy();
    expect(thrown(() => p.length).message).toBe(
      "Object has already been destroyed\nFor more information about the cause of this error, use `pyodide.setDebug(true)`",
    );
    expect(py.setDebug(true)).toBe(false);
    try {
      const q = py.runPython("(1,)");
      q.destroy({ message: "gone" });
      expect(thrown(() => q.length).message).toBe('gone\nThe object was of type "tuple" and had repr "(1,)"');
    } finally {
      expect(py.setDebug(false)).toBe(true);
    }
  });
  test("globals.get and has fall back to builtins; runPython takes locals", () => {
    expect(py.globals.has("len")).toBe(true);
    const len = py.globals.get("len");
    expect(len([1, 2, 3])).toBe(3);
    len.destroy();
    const locals = py.toPy({ v: 2 });
    expect(py.runPython("w = v * 21; w", { locals })).toBe(42);
    expect([locals.get("w"), py.globals.has("w")]).toEqual([42, false]);
    locals.destroy();
  });
  test("type is CPython's tp_name; PythonError.type the exception's __qualname__", () => {
    expect(py.runPython("import collections; collections.deque()").type).toBe("collections.deque");
    expect(py.runPython("class G: pass\nG()").type).toBe("G");
    expect(thrown(() => py.runPython("class Outer:\n    class Inner(Exception): pass\nraise Outer.Inner()")).type).toBe("Outer.Inner");
  });
  test("destroy({ destroyRoundtrip: false }) spares a create_proxy(roundtrip=True) proxy", () => {
    let proxy: any;
    (globalThis as any).keepRound = (p: any) => {
      proxy = p;
    };
    try {
      py.runPython("import js\nfrom pyodide.ffi import create_proxy\nrt = create_proxy([1, 2])\njs.keepRound(rt)");
    } finally {
      delete (globalThis as any).keepRound;
    }
    proxy.destroy({ destroyRoundtrip: false });
    expect(proxy.length).toBe(2);
    proxy.destroy();
    expect(() => proxy.length).toThrow(/destroyed/);
    py.runPython("del rt");
  });
});
