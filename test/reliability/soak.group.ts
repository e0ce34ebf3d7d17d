// Worker side of soak.test.ts: a seeded mix of everyday operations, run many times, after which
// both proxy tables must be back where they started and wasm memory must have levelled off.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ffi, loadPython, PythonError, type PythonRuntime } from "../../dist/index.js";
import { initSync } from "../../dist/wasm/core.js";
import { loadFuzzModel } from "./fuzz-model.js";
import { health } from "./health.js";

const PY_SETUP = String.raw`
import soakjs
from pyodide.ffi import create_proxy, JsException


class Thing:
    def __init__(self, n):
        self.n = n
        self.items = list(range(n % 7))

    def method(self, a, b=1):
        return self.n + a + b


def make(n):
    return {"n": n, "l": [n, str(n), [n] * 3], "t": (n, None), "s": {n, -n}}


def counter(n):
    for i in range(n):
        yield i


def fail(msg):
    raise ValueError(msg)


def call_js(n):
    # a list and a dict as arguments: borrowed PyProxies, destroyed when the call returns
    return soakjs.f(n, [n, n + 1], {"a": n})


def js_throws(n):
    try:
        soakjs.boom(n)
    except JsException as e:
        return str(e)
    return None


def use_proxy(n):
    p = create_proxy(lambda x: x + n)
    try:
        return soakjs.callIt(p, n)
    finally:
        p.destroy()


def iter_js(arr):
    return sum(x for x in arr)


held = []


def hold(obj):
    held.append(obj)
    if len(held) > 50:
        held.clear()
    return len(held)


def read_js(o):
    return o.a + len(o.b) + o.c.d
`;

const soakjs = {
  f: (n: number, list: any, dict: any) => n + list.length + dict.get("a"),
  boom: (n: number) => {
    throw new Error(`boom ${n}`);
  },
  callIt: (p: any, n: number) => p(n),
};

let py: PythonRuntime;
let fns: Record<string, any>;

const gc: () => void = (() => {
  if (typeof (globalThis as any).gc === "function") return (globalThis as any).gc;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc");
})();

async function collect(): Promise<void> {
  py.runPython("import gc as _gc; _gc.collect()");
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  py.runPython("_gc.collect()");
}

function wasmBytes(): number {
  return initSync(undefined as any).memory.buffer.byteLength;
}

function expectEq(what: string, got: unknown, want: unknown): void {
  if (got !== want) throw new Error(`${what}: expected ${String(want)}, got ${String(got)}`);
}

/** The operations; each is one "operation" of the count (a few do two or three small things). */
const OPS: Array<[string, (n: number) => void]> = [
  ["create, read and destroy a dict proxy", (n) => {
    const p = py.runPython(`make(${n})`);
    const l = p.get("l");
    expectEq("len", l.length, 3);
    expectEq("has", p.has("t"), true);
    l.destroy();
    p.destroy();
  }],
  ["toJs of a nested value", (n) => {
    const p = fns.make(n);
    const js = p.toJs();
    p.destroy();
    expectEq("toJs", js.get("l")[2][1], n);
  }],
  ["toPy of a nested value, read in Python", (n) => {
    const p = py.toPy({ a: n, b: [1, 2, [3]], c: new Map([["d", n]]) });
    const b = p.get("b");
    expectEq("len", b.length, 3);
    b.destroy();
    p.destroy();
  }],
  ["Python method call with keywords, attribute reads", (n) => {
    const t = fns.Thing(n);
    const method = t.method;
    expectEq("method", method.callKwargs(1, { b: 2 }), n + 3);
    method.destroy();
    expectEq("n", t.n, n);
    const items = t.items;
    expectEq("items", items.length, n % 7);
    items.destroy();
    t.destroy();
  }],
  ["Python calls JS with containers (borrowed proxies)", (n) => expectEq("call_js", fns.call_js(n), 2 * n + 2)],
  ["iterate a Python generator", (n) => {
    const g = fns.counter(5);
    let s = 0;
    for (const x of g) s += x;
    g.destroy();
    expectEq("sum", s, 10);
  }],
  ["Python iterates a JS array", (n) => expectEq("iter_js", fns.iter_js([n, 1, 2]), n + 3)],
  ["a Python exception reaches JS", (n) => {
    try {
      fns.fail(`no ${n}`);
      throw new Error("did not throw");
    } catch (e) {
      if (!(e instanceof PythonError) || e.type !== "ValueError") throw e;
    }
  }],
  ["a JS exception reaches Python", (n) => expectEq("js_throws", fns.js_throws(n).includes(`boom ${n}`), true)],
  ["create_proxy, call from JS, destroy", (n) => expectEq("use_proxy", fns.use_proxy(n), 2 * n)],
  ["copy and destroy both", (n) => {
    const p = py.runPython(`[${n}]`);
    const c = p.copy();
    p.destroy();
    expectEq("copy", c.get(0), n);
    c.destroy();
  }],
  ["drop a proxy without destroy (FinalizationRegistry)", (n) => void py.runPython(`(${n}, [])`)],
  ["generator next/return", (n) => {
    const g = fns.counter(3);
    expectEq("next", g.next().value, 0);
    expectEq("return", g.return(n).done, true);
    g.destroy();
  }],
  ["dict proxy set/get/delete", (n) => {
    const d = py.runPython("{}");
    d.set("k", n);
    d.set(n, { js: n });
    expectEq("get", d.get("k"), n);
    d.delete("k");
    expectEq("has", d.has("k"), false);
    d.destroy();
  }],
  ["Python keeps JS objects, then lets go", (n) => void fns.hold({ n })],
  ["Python reads JS attributes", (n) => expectEq("read_js", fns.read_js({ a: n, b: [1, 2], c: { d: 1 } }), n + 3)],
];

async function setup(): Promise<void> {
  if (py) return;
  py = await loadPython({ stdout: () => {}, stderr: () => {} });
  py.registerJsModule("soakjs", soakjs);
  py.runPython(PY_SETUP);
  fns = {};
  for (const name of ["make", "Thing", "call_js", "counter", "iter_js", "fail", "js_throws", "use_proxy", "hold", "read_js"]) {
    fns[name] = py.globals.get(name);
  }
}

export const opNames = (): string[] => OPS.map(([name]) => name);

export const tasks = {
  opNames,
  /** Runs `count` operations from `seed` (only those named `only`, to find a leak); returns per-kind counts and stats/memory after gc. */
  async run(seed: number, count: number, only?: string) {
    await setup();
    // The fuzz model's generator: the same seed gives the same sequence of operations.
    const r = (await loadFuzzModel()).prng(seed);
    const ops = only === undefined ? OPS : OPS.filter(([name]) => name === only);
    const counts: Record<string, number> = {};
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const [name, op] = ops[Math.floor(r() * ops.length)];
      try {
        op(i % 1000);
      } catch (e: any) {
        throw new Error(`operation ${i} (${name}) of seed ${seed}: ${e?.constructor?.name}: ${e?.message ?? e}`);
      }
      counts[name] = (counts[name] ?? 0) + 1;
      // a turn of the event loop now and then, so FinalizationRegistry callbacks can run
      if (i % 5000 === 4999) await new Promise((res) => setTimeout(res, 0));
    }
    const ms = performance.now() - t0;
    py.runPython("held.clear()");
    await collect();
    return { counts, ms, stats: py.stats(), wasmBytes: wasmBytes(), health: health(py) };
  },
  async baseline() {
    await setup();
    py.runPython("held.clear()");
    await collect();
    return { stats: py.stats(), wasmBytes: wasmBytes() };
  },
};
