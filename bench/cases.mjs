// The benchmark cases. setup(rt) runs once per runtime, outside the timing, and returns
// { op, check, note?, async? }: op is one timed operation on a fixed payload, check(result) throws
// if the first result is wrong. A setup or op that throws means the runtime cannot do the case.
const N = 100_000;
const MiB = 1 << 20;

function expect(ok, message) {
  if (!ok) throw new Error(message);
}

// Checks a result that lives in Python with a Python expression over it, bound as R.
function pyCheck(rt, result, expr) {
  rt.set("R", result);
  const ok = rt.eval(expr);
  rt.exec("R = None");
  expect(ok === true, `${expr} is not True`);
}

// Names a value's kind without reading its properties: MicroPython's proxies throw on unknown ones.
const describe = (v) => (v === null || typeof v !== "object" ? typeof v : Object.prototype.toString.call(v).slice(8, -1));

function expectArray(a, length, ok) {
  expect(Array.isArray(a), `got ${describe(a)}, not an Array`);
  expect(a.length === length, `length ${a.length}, not ${length}`);
  expect(ok(a), "wrong elements");
}

function expectPlainObject(o) {
  expect(!(o instanceof Map) && Object.getPrototypeOf(o) === Object.prototype, `got ${describe(o)}, not a plain Object`);
}

// A Python object's value in JS, from a Python expression, after defining `defs`.
function pyValue(rt, defs, expr) {
  rt.exec(defs);
  return rt.eval(expr);
}

let payloads;
function js() {
  payloads ??= {
    numbers: Array.from({ length: N }, (_, i) => i),
    object: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
    objects: Array.from({ length: 1000 }, (_, i) =>
      Object.fromEntries(Array.from({ length: 10 }, (_, j) => [`k${j}`, i * 10 + j])),
    ),
    u8: Uint8Array.from({ length: MiB }, (_, i) => i & 255),
  };
  return payloads;
}

const toJsCase = (name, defs, expr, options, check) => ({
  name,
  setup(rt) {
    const value = pyValue(rt, defs, expr);
    return { op: () => rt.toJs(value, options), check };
  },
});

const toPyCase = (name, payload, expr) => ({
  name,
  setup(rt) {
    const value = js()[payload];
    const note = rt.name === "micropython" ? "no toPy: a Python walk over the JsProxy (runtimes.mjs)" : undefined;
    return { op: () => rt.toPy(value), check: (r) => pyCheck(rt, r, expr), note };
  },
});

// A Python loop of 100k iterations doing `body` on local `o`, called from JS as one function.
function pyLoop(rt, fn, init, body) {
  rt.exec(`def ${fn}():\n    o = ${init}\n    for _ in range(${N}):\n        ${body}\n    return ${body}\n`);
  return rt.eval(fn);
}

const fromEntries = { dict_converter: Object.fromEntries };
const toMap = { dict_converter: (entries) => new Map(entries) };
const CLASS_P = "class BenchP:\n    pass\nbench_pobj = BenchP()\nbench_pobj.x = 1\n";
const PY_NOOP = "def bench_pynoop():\n    pass\n";

export const CASES = [
  toJsCase("list 100k int -> Array", "bench_ints = list(range(100000))", "bench_ints", undefined, (a) =>
    expectArray(a, N, (a) => a[1] === 1 && a[N - 1] === N - 1),
  ),
  toJsCase("list 100k float -> Array", "bench_floats = [i * 0.5 for i in range(100000)]", "bench_floats", undefined, (a) =>
    expectArray(a, N, (a) => a[1] === 0.5 && a[N - 1] === (N - 1) / 2),
  ),
  toJsCase("list 10k str -> Array", "bench_strs = ['s%d' % i for i in range(10000)]", "bench_strs", undefined, (a) =>
    expectArray(a, 10_000, (a) => a[0] === "s0" && a[9999] === "s9999"),
  ),
  toJsCase("dict 10k str->int -> Object", "bench_dict = {'k%d' % i: i for i in range(10000)}", "bench_dict", fromEntries, (o) => {
    expectPlainObject(o);
    expect(Object.keys(o).length === 10_000 && o.k42 === 42, "wrong entries");
  }),
  {
    // Pyodide 314's toJs() makes plain Objects of dicts (its docs still say Map), so ask for Maps.
    name: "dict 10k str->int -> Map",
    setup(rt) {
      if (rt.name === "micropython") throw new Error("PyProxy.toJs has no options: dicts always become plain Objects");
      const value = pyValue(rt, "bench_dict = {'k%d' % i: i for i in range(10000)}", "bench_dict");
      return {
        op: () => rt.toJs(value, toMap),
        check: (m) => expect(m instanceof Map && m.size === 10_000 && m.get("k42") === 42, `got ${describe(m)}, not a Map of 10k`),
      };
    },
  },
  toJsCase(
    "list 1k dicts x10 -> Array of Objects",
    "bench_recs = [{'k%d' % j: i * 10 + j for j in range(10)} for i in range(1000)]",
    "bench_recs",
    fromEntries,
    (a) => {
      expectArray(a, 1000, () => true);
      expectPlainObject(a[3]);
      expect(a[3].k7 === 37, "wrong values");
    },
  ),
  toPyCase("JS Array 100k numbers -> list", "numbers", "type(R) is list and len(R) == 100000 and R[99999] == 99999"),
  toPyCase("JS Object 10k keys -> dict", "object", "type(R) is dict and len(R) == 10000 and R['k42'] == 42"),
  toPyCase("JS Array 1k objects -> list of dicts", "objects", "type(R) is list and len(R) == 1000 and type(R[3]) is dict and R[3]['k7'] == 37"),
  {
    name: "Py loop calling a JS no-op, 100k",
    setup(rt) {
      let calls = 0;
      rt.set("bench_jsnoop", () => void calls++);
      const loop = pyLoop(rt, "bench_loop_js_call", "bench_jsnoop", "o()");
      return {
        op: () => {
          calls = 0;
          return loop();
        },
        check: () => expect(calls === N + 1, `${calls} calls, not ${N + 1}`),
      };
    },
  },
  {
    name: "Py loop calling a Py no-op, 100k",
    setup(rt) {
      rt.exec(PY_NOOP);
      const loop = pyLoop(rt, "bench_loop_py_call", "bench_pynoop", "o()");
      return { op: () => loop(), check: (r) => expect(r == null, `returned ${r}`) };
    },
  },
  {
    name: "JS calls a Py function, 100k",
    setup(rt) {
      const f = pyValue(rt, PY_NOOP, "bench_pynoop");
      return {
        op: () => {
          let r;
          for (let i = 0; i < N; i++) r = f();
          return r;
        },
        check: (r) => expect(r == null, `returned ${r}`),
      };
    },
  },
  {
    name: "Py reads a JS property, 100k",
    setup(rt) {
      rt.set("bench_jsobj", { x: 1 });
      const loop = pyLoop(rt, "bench_loop_js_read", "bench_jsobj", "o.x");
      return { op: () => loop(), check: (r) => expect(r === 1, `read ${r}`) };
    },
  },
  {
    name: "Py indexes a JS array, 100k",
    setup(rt) {
      rt.set("bench_jsarr", [1, 2, 3]);
      const loop = pyLoop(rt, "bench_loop_js_index", "bench_jsarr", "o[1]");
      return { op: () => loop(), check: (r) => expect(r === 2, `read ${r}`) };
    },
  },
  {
    name: "Py len() of a JS array, 100k",
    setup(rt) {
      rt.set("bench_jsarr", [1, 2, 3]);
      const loop = pyLoop(rt, "bench_loop_js_len", "bench_jsarr", "len(o)");
      return { op: () => loop(), check: (r) => expect(r === 3, `len ${r}`) };
    },
  },
  {
    name: "Py `in` on a JS array, 100k",
    setup(rt) {
      rt.set("bench_jsarr", [1, 2, 3]);
      const loop = pyLoop(rt, "bench_loop_js_in", "bench_jsarr", "3 in o");
      return { op: () => loop(), check: (r) => expect(r === true, `in ${r}`) };
    },
  },
  {
    name: "Py reads a Py attribute, 100k",
    setup(rt) {
      rt.exec(CLASS_P);
      const loop = pyLoop(rt, "bench_loop_py_read", "bench_pobj", "o.x");
      return { op: () => loop(), check: (r) => expect(r === 1, `read ${r}`) };
    },
  },
  {
    name: "JS reads a Py attribute, 100k",
    setup(rt) {
      const o = pyValue(rt, CLASS_P, "bench_pobj");
      return {
        op: () => {
          let s = 0;
          for (let i = 0; i < N; i++) s += o.x;
          return s;
        },
        check: (s) => expect(s === N, `sum ${s}`),
      };
    },
  },
  {
    name: "create_proxy + destroy, 10k",
    setup(rt) {
      const mp = rt.name === "micropython";
      rt.exec(PY_NOOP);
      rt.exec(
        `${mp ? "from jsffi import create_proxy" : "from pyodide.ffi import create_proxy"}\n` +
          "def bench_proxies():\n    for _ in range(10000):\n        p = create_proxy(bench_pynoop)\n" +
          (mp ? "" : "        p.destroy()\n"),
      );
      const f = rt.eval("bench_proxies");
      return {
        op: () => f(),
        check: (r) => expect(r == null, `returned ${r}`),
        note: mp ? "create only: MicroPython's proxies have no destroy()" : undefined,
      };
    },
  },
  toJsCase("bytes 1 MiB -> Uint8Array (toJs)", "bench_bytes = bytes(range(256)) * 4096", "bench_bytes", undefined, (u) => {
    expect(u instanceof Uint8Array, `got ${describe(u)}, not a Uint8Array`);
    expect(u.length === MiB && u[1] === 1 && u[MiB - 1] === 255, "wrong bytes");
  }),
  {
    name: "Uint8Array 1 MiB -> Python (to_py)",
    setup(rt) {
      const mp = rt.name === "micropython";
      rt.set("bench_u8", js().u8);
      // MicroPython's JsProxy has no to_py() and no buffer protocol; bytes() is what is left.
      // The copy stays in Python, where a user's `data = u8.to_py()` keeps it: handing it back
      // to JS would add a PyProxy that nothing destroys, so each sample would also pay for the
      // megabytes piling up until the FinalizationRegistry runs (as would slice()'s results
      // without a GC).
      const conversion = mp ? "bytes(bench_u8)" : "bench_u8.to_py()";
      const f = pyValue(rt, `def bench_u8_to_py():\n    global bench_u8_py\n    bench_u8_py = ${conversion}\n`, "bench_u8_to_py");
      return {
        op: () => f(),
        check: () => expect(rt.eval("len(bench_u8_py) == 1048576 and bench_u8_py[1] == 1 and bench_u8_py[1048575] == 255") === true, "wrong bytes"),
        note: mp ? "no to_py(): bytes(u8), which iterates the JsProxy element by element" : undefined,
      };
    },
  },
  {
    name: "await a resolved JS promise, 10k",
    async: true,
    setup(rt) {
      const code = "import js\nbench_awaited = 0\nfor _ in range(10000):\n    bench_awaited += await js.Promise.resolve(1)\n";
      return {
        op: () => rt.runAsync(code),
        check: () => expect(rt.eval("bench_awaited") === 10_000, "wrong sum"),
      };
    },
  },
];

/** JS-only references printed beside the runtimes' figures, sampled in the same rotation as
 * the cases whose names contain `with` (so that load on the machine affects both alike). */
export const REFERENCES = [
  { name: "plain JS u8.slice() 1 MiB", with: "1 MiB", op: () => js().u8.slice(), check: (u) => expect(u.length === MiB, "short") },
];

/** Per-crossing costs: (case a - case b) / count, from the medians. */
export const DERIVED = [
  { name: "net per Py->JS call", a: "Py loop calling a JS no-op, 100k", b: "Py loop calling a Py no-op, 100k", count: N },
  { name: "net per Py read of a JS property", a: "Py reads a JS property, 100k", b: "Py reads a Py attribute, 100k", count: N },
];
