// Cases for conversions (see ../runner.ts for the format): implicit and explicit translation in
// both directions (Pyodide's type-translation page, pyodide-ffi.md §1.3, test_typeconversions.py).
import type { CaseContext } from "../adapter.js";
import { pyRaw as py, withJsGlobals as withGlobals } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";

const g = globalThis as any;



/** What a JS function sees when Python calls it with `expr`: [typeof, value or "PyProxy:<type>"]. */
function jsSees(c: CaseContext, expr: string, setup = ""): unknown {
  let seen: unknown;
  const sink = (v: any) => {
    seen = [typeof v, c.isPyProxy(v) ? `PyProxy:${v.type}` : v];
  };
  withGlobals({ cv_sink: sink }, () => c.run(`${setup}\nimport js\njs.cv_sink(${expr})`));
  return seen;
}

/** What Python makes of the JS value `value`: repr((type name, value)). */
function pySees(c: CaseContext, value: unknown, expr = "repr((type(x).__name__, x))"): unknown {
  return withGlobals({ cv_value: value }, () => c.run(`import js\nx = js.cv_value\n${expr}`));
}

const PAIR_CLASS = py`
  class CvPair:
      def __init__(self, first, second):
          self.first = first
          self.second = second
`;

/**
 * For depth 0..6, how many Array levels `toJs({ depth })` of the nested Python value `code`
 * makes, and whether what lies below them is a PyProxy.
 */
function levelsPerDepth(c: CaseContext, code: string): unknown {
  const p = c.run(code);
  const out = [];
  try {
    for (let i = 0; i < 7; i++) {
      let x = p.toJs({ depth: i });
      let levels = 0;
      while (Array.isArray(x)) {
        levels++;
        x = x[1];
      }
      out.push([levels, c.isPyProxy(x)]);
      if (c.isPyProxy(x)) x.destroy();
    }
    return out;
  } finally {
    p.destroy();
  }
}

export const conversions: CompatCase[] = [
  // -------------------------------------------------------------------------------------------
  // Implicit Python -> JS: arguments of a JS function called from Python.
  // -------------------------------------------------------------------------------------------
  { name: "an int argument reaches JS as a number", run: (c) => jsSees(c, "42") },
  { name: "a float argument reaches JS as a number", run: (c) => jsSees(c, "2.5") },
  { name: "an integral float reaches JS as an integral number", run: (c) => jsSees(c, "3.0") },
  { name: "True reaches JS as true, not 1", run: (c) => jsSees(c, "True") },
  { name: "False reaches JS as false, not 0", run: (c) => jsSees(c, "False") },
  { name: "None reaches JS as undefined", run: (c) => jsSees(c, "None") },
  { name: "jsnull reaches JS as null", run: (c) => jsSees(c, "jsnull", "from pyodide.ffi import jsnull") },
  { name: "a Latin-1 str reaches JS unchanged", run: (c) => jsSees(c, "'pyodidé'") },
  { name: "a CJK str reaches JS unchanged", run: (c) => jsSees(c, "'碘化物'") },
  {
    name: "an astral character is one code point in Python and two UTF-16 units in JS",
    run: (c) => {
      let seen: unknown;
      withGlobals({ cv_sink: (s: string) => void (seen = [s, s.length, s.codePointAt(0)]) }, () =>
        c.run("import js\njs.cv_sink('🐍')"),
      );
      return seen;
    },
  },
  {
    name: "a str holding a lone surrogate keeps it in JS",
    run: (c) => {
      let seen: unknown;
      withGlobals({ cv_sink: (s: string) => void (seen = [s.length, s.charCodeAt(0), s.charCodeAt(1)]) }, () =>
        c.run(py`
          import js
          js.cv_sink('\ud83dA')
        `),
      );
      return seen;
    },
  },
  { name: "2**31 reaches JS as a number", run: (c) => jsSees(c, "2**31") },
  { name: "-(2**31) reaches JS as a number", run: (c) => jsSees(c, "-(2**31)") },
  { name: "2**30 - 1 + 2**30 reaches JS as a number", run: (c) => jsSees(c, "2**30 - 1 + 2**30") },
  { name: "2**64 reaches JS as a BigInt", run: (c) => jsSees(c, "2**64") },
  { name: "-(2**64) reaches JS as a BigInt", run: (c) => jsSees(c, "-(2**64)") },
  { name: "2**53 + 1 reaches JS as a BigInt", run: (c) => jsSees(c, "2**53 + 1") },
  { name: "-(2**53) - 1 reaches JS as a BigInt", run: (c) => jsSees(c, "-(2**53) - 1") },
  {
    name: "2**53 reaches JS as a number on ours and a BigInt on Pyodide",
    run: (c) => jsSees(c, "2**53"),
    policy: "int53",
    expect: {
      pyodide: { value: { array: ["bigint", { bigint: "9007199254740992" }] } },
      ours: { value: { array: ["number", 9007199254740992] } },
    },
  },
  {
    name: "-(2**53) reaches JS as a number on ours and a BigInt on Pyodide",
    run: (c) => jsSees(c, "-(2**53)"),
    policy: "int53",
    expect: {
      pyodide: { value: { array: ["bigint", { bigint: "-9007199254740992" }] } },
      ours: { value: { array: ["number", -9007199254740992] } },
    },
  },
  {
    name: "2**53 - 1 reaches JS as a number on ours and a BigInt on Pyodide",
    run: (c) => jsSees(c, "2**53 - 1"),
    policy: "int53",
    expect: {
      pyodide: { value: { array: ["bigint", { bigint: "9007199254740991" }] } },
      ours: { value: { array: ["number", 9007199254740991] } },
    },
  },
  {
    name: "-(2**53 - 1) reaches JS as a number on ours and a BigInt on Pyodide",
    run: (c) => jsSees(c, "-(2**53 - 1)"),
    policy: "int53",
    expect: {
      pyodide: { value: { array: ["bigint", { bigint: "-9007199254740991" }] } },
      ours: { value: { array: ["number", -9007199254740991] } },
    },
  },
  { name: "2**52 + 1 reaches JS as a number", run: (c) => jsSees(c, "2**52 + 1") },
  { name: "float nan reaches JS as NaN", run: (c) => jsSees(c, "float('nan')") },
  { name: "float -inf reaches JS as -Infinity", run: (c) => jsSees(c, "float('-inf')") },
  { name: "-0.0 reaches JS as negative zero", run: (c) => jsSees(c, "-0.0") },
  {
    name: "an IntEnum member reaches JS as a plain number",
    run: (c) => jsSees(c, "CvColor.RED", "import enum\nclass CvColor(enum.IntEnum):\n    RED = 7"),
  },
  { name: "a str subclass reaches JS as a plain string", run: (c) => jsSees(c, "CvStr('abc')", "class CvStr(str): pass") },
  { name: "a float subclass reaches JS as a plain number", run: (c) => jsSees(c, "CvFloat(1.25)", "class CvFloat(float): pass") },
  { name: "a tuple reaches JS as a PyProxy, not an Array", run: (c) => jsSees(c, "(1, 2)") },
  { name: "bytes reach JS as a PyProxy", run: (c) => jsSees(c, "b'ab'") },
  { name: "a list reaches JS as a PyProxy", run: (c) => jsSees(c, "[1, 2]") },
  { name: "a dict reaches JS as a PyProxy", run: (c) => jsSees(c, "{'a': 1}") },
  { name: "a Python function reaches JS as a callable PyProxy", run: (c) => jsSees(c, "len") },
  {
    name: "a JsProxy reaches JS as the very object it wraps",
    run: (c) => {
      const obj = { a: 1 };
      let same: unknown;
      withGlobals({ cv_obj: obj, cv_sink: (v: unknown) => void (same = v === obj) }, () =>
        c.run("import js\njs.cv_sink(js.cv_obj)"),
      );
      return same;
    },
  },
  {
    name: "a JsBigInt reaches JS as a BigInt",
    run: (c) => jsSees(c, "JsBigInt(5)", "from pyodide.ffi import JsBigInt"),
  },
  {
    name: "keyword arguments reach a JS function as one trailing object",
    run: (c) => {
      let seen: unknown;
      withGlobals({ cv_sink: (...args: unknown[]) => void (seen = JSON.stringify(args)) }, () =>
        c.run("import js\njs.cv_sink(1, a=2, b='x')"),
      );
      return seen;
    },
  },
  {
    name: "a long ASCII str reaches JS intact",
    run: (c) => {
      let seen: unknown;
      const check = (s: string) => {
        let ok = s.length === 40_000;
        for (let n = 0; ok && n < 20_000; n++) ok = s.slice(2 * n, 2 * n + 2) === "ab";
        seen = ok;
      };
      withGlobals({ cv_sink: check }, () => c.run("import js\njs.cv_sink('ab' * 20_000)"));
      return seen;
    },
  },
  {
    name: "a BOM character survives Python to JS",
    run: (c) => {
      let seen: unknown;
      withGlobals({ cv_sink: (s: string) => void (seen = [s.length, s.charCodeAt(0), s === "\ufeffx"]) }, () =>
        c.run(py`
          import js
          js.cv_sink('\ufeffx')
        `),
      );
      return seen;
    },
  },

  // -------------------------------------------------------------------------------------------
  // Implicit JS -> Python.
  // -------------------------------------------------------------------------------------------
  { name: "a JS integer becomes an int", run: (c) => pySees(c, 42) },
  { name: "a JS fractional number becomes a float", run: (c) => pySees(c, 42.5) },
  { name: "a JS integral number beyond 2**53 becomes a float", run: (c) => pySees(c, 1e20) },
  { name: "JS -0 becomes int 0", run: (c) => pySees(c, -0) },
  { name: "JS NaN becomes float nan", run: (c) => pySees(c, NaN) },
  { name: "JS Infinity becomes float inf", run: (c) => pySees(c, Infinity) },
  { name: "JS 2**53 - 1 becomes an int", run: (c) => pySees(c, 2 ** 53 - 1) },
  { name: "JS -(2**53 - 1) becomes an int", run: (c) => pySees(c, -(2 ** 53 - 1)) },
  { name: "JS 2**53 + 2 becomes a float", run: (c) => pySees(c, 2 ** 53 + 2) },
  {
    name: "JS 2**53 becomes an int on ours and a float on Pyodide",
    run: (c) => pySees(c, 2 ** 53),
    policy: "int53",
    expect: {
      pyodide: { value: "('float', 9007199254740992.0)" },
      ours: { value: "('int', 9007199254740992)" },
    },
  },
  {
    name: "JS -(2**53) becomes an int on ours and a float on Pyodide",
    run: (c) => pySees(c, -(2 ** 53)),
    policy: "int53",
    expect: {
      pyodide: { value: "('float', -9007199254740992.0)" },
      ours: { value: "('int', -9007199254740992)" },
    },
  },
  { name: "a JS BigInt becomes a JsBigInt", run: (c) => pySees(c, 5n) },
  { name: "a JS BigInt is an int of the same value", run: (c) => pySees(c, 2n ** 64n, "repr((isinstance(x, int), x == 2**64))") },
  { name: "a negative JS BigInt keeps its value", run: (c) => pySees(c, -(2n ** 70n), "repr(x == -(2**70))") },
  { name: "undefined becomes None", run: (c) => pySees(c, undefined) },
  {
    name: "JS null becomes None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, null),
    policy: "nullToNone",
    expect: { pyodide: { value: "('JsNull', jsnull)" }, ours: { value: "('NoneType', None)" } },
  },
  { name: "JS true becomes True", run: (c) => pySees(c, true) },
  { name: "JS false becomes False", run: (c) => pySees(c, false) },
  {
    name: "a JS string mixing widths becomes a str of code points",
    run: (c) => pySees(c, "a😀b漢c", "repr((x, len(x), [hex(ord(ch)) for ch in x]))"),
  },
  {
    name: "a surrogate pair from JS becomes one astral code point",
    run: (c) => pySees(c, String.fromCharCode(0xd83d, 0xde00), "repr((len(x), hex(ord(x))))"),
  },
  {
    name: "a lone high surrogate from JS stays a lone code point",
    run: (c) => pySees(c, String.fromCharCode(0xd83d, 0x41), "repr((len(x), hex(ord(x[0])), x[1]))"),
  },
  {
    name: "a lone low surrogate from JS stays a lone code point",
    run: (c) => pySees(c, String.fromCharCode(0xde00), "repr((len(x), hex(ord(x))))"),
  },
  {
    name: "a long JS string reaches Python intact",
    run: (c) => pySees(c, "ab".repeat(200_000), "repr((len(x), x.count('ab')))"),
  },
  {
    name: "a BOM character survives JS to Python",
    run: (c) => pySees(c, "\ufeffy", "repr((len(x), hex(ord(x[0]))))"),
  },
  {
    name: "a JS Array becomes a JsProxy, not a list",
    run: (c) =>
      pySees(c, [1, 2], "from pyodide.ffi import JsProxy, JsArray\nrepr((isinstance(x, JsProxy), isinstance(x, JsArray), isinstance(x, list)))"),
  },
  {
    name: "a plain JS object becomes a JsProxy, not a dict",
    run: (c) => pySees(c, { a: 1 }, "from pyodide.ffi import JsProxy\nrepr((isinstance(x, JsProxy), isinstance(x, dict), x.a))"),
  },
  {
    name: "a typed array becomes a JsProxy, not a memoryview",
    run: (c) =>
      pySees(c, new Uint8Array([1, 2]), "from pyodide.ffi import JsProxy\nrepr((isinstance(x, JsProxy), isinstance(x, memoryview), len(x)))"),
  },
  {
    name: "a JS function becomes a callable JsProxy",
    run: (c) => pySees(c, (a: number) => a * 2, "repr((callable(x), x(21)))"),
  },
  {
    name: "a PyProxy sent back to Python is the original object",
    run: (c) => {
      const p = c.run("cv_orig = [1, 2]\ncv_orig");
      try {
        return pySees(c, p, "repr(x is cv_orig)");
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a destroyed PyProxy entering Python raises",
    run: (c) => {
      const p = c.run("[1]");
      p.destroy();
      return withGlobals({ cv_dead: p }, () =>
        c.run(py`
          import js
          try:
              js.cv_dead
              out = 'no error'
          except Exception as e:
              out = repr((type(e).__name__, str(e).splitlines()[0]))
          out
        `),
      );
    },
  },
  {
    name: "a JS Symbol becomes a JsProxy",
    run: (c) => pySees(c, Symbol("s"), "from pyodide.ffi import JsProxy\nrepr((isinstance(x, JsProxy), x.typeof))"),
  },
  {
    name: "a Python function called from JS gets ints and floats by value",
    run: (c) => {
      const f = c.run("def cv_types(*a): return repr([(type(v).__name__, v) for v in a])\ncv_types");
      try {
        return f(5, 5.5, true, undefined, "s");
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a Python function called from JS gets a JS array as a JsProxy",
    run: (c) => {
      const f = c.run("from pyodide.ffi import JsProxy\ndef cv_arg(a): return repr((isinstance(a, JsProxy), list(a)))\ncv_arg");
      try {
        return f([1, 2, 3]);
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a JS null argument of a Python function is None on ours and jsnull on Pyodide",
    run: (c) => {
      const f = c.run("def cv_null_arg(a): return repr(a)\ncv_null_arg");
      try {
        return f(null);
      } finally {
        f.destroy();
      }
    },
    policy: "nullToNone",
    expect: { pyodide: { value: "jsnull" }, ours: { value: "None" } },
  },
  {
    name: "null inside a JS array reads as None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, [null], "repr(x[0])"),
    policy: "nullToNone",
    expect: { pyodide: { value: "jsnull" }, ours: { value: "None" } },
  },
  {
    name: "a null property of a JS object reads as None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, { a: null }, "repr(x.a)"),
    policy: "nullToNone",
    expect: { pyodide: { value: "jsnull" }, ours: { value: "None" } },
  },
  {
    name: "a JS function returning null gives None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, () => null, "repr(x())"),
    policy: "nullToNone",
    expect: { pyodide: { value: "jsnull" }, ours: { value: "None" } },
  },
  {
    name: "a null value of a JS Map reads as None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, new Map([["a", null]]), "repr(x['a'])"),
    policy: "nullToNone",
    expect: { pyodide: { value: "jsnull" }, ours: { value: "None" } },
  },

  // -------------------------------------------------------------------------------------------
  // Round trips.
  // -------------------------------------------------------------------------------------------
  {
    name: "a list sent to JS and back is the same object",
    run: (c) => withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js\ncv_l = ['a', 'b']\njs.cv_id(cv_l) is cv_l")),
  },
  {
    name: "a dict sent to JS and back is the same object",
    run: (c) => withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js\ncv_d = {'a': 5}\njs.cv_id(cv_d) is cv_d")),
  },
  {
    name: "an exception sent to JS and back is the same object",
    run: (c) =>
      withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js\ncv_e = Exception('hello there?')\njs.cv_id(cv_e) is cv_e")),
  },
  {
    name: "a JS array sent to Python and back is the same object",
    run: (c) => {
      const arr = [1, 2, 3];
      return withGlobals({ cv_arr: arr }, () => c.run("import js\njs.cv_arr") === arr);
    },
  },
  {
    name: "a JS object sent to Python and back is the same object",
    run: (c) => {
      const obj = { a: 1, b: 2, 0: 3 };
      return withGlobals({ cv_obj: obj }, () => c.run("import js\njs.cv_obj") === obj);
    },
  },
  {
    name: "a JS Error sent to Python is a JsException and comes back the same object",
    run: (c) => {
      const err = new Error("hello there?");
      return withGlobals({ cv_err: err }, () => [c.run("import js\ntype(js.cv_err).__name__"), c.run("js.cv_err") === err]);
    },
  },
  {
    name: "nan sent to JS and back is still nan",
    run: (c) => withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js, math\nmath.isnan(js.cv_id(float('nan')))")),
  },
  {
    name: "a float 3.0 sent to JS and back is the int 3",
    run: (c) => withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js\nrepr(js.cv_id(3.0))")),
  },
  {
    name: "an int beyond 2**53 sent to JS and back keeps its value",
    run: (c) =>
      withGlobals({ cv_id: (x: unknown) => x }, () =>
        c.run("import js\nrepr((js.cv_id(9992361673228537) == 9992361673228537, js.cv_id(-9992361673228537) == -9992361673228537))"),
      ),
  },
  {
    name: "2**53 sent to JS and back is an int on ours and a JsBigInt on Pyodide",
    run: (c) => withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js\nr = js.cv_id(2**53)\nrepr((type(r).__name__, r == 2**53))")),
    policy: "int53",
    expect: { pyodide: { value: "('JsBigInt', True)" }, ours: { value: "('int', True)" } },
  },
  {
    name: "a JS BigInt sent to Python and back is a BigInt",
    run: (c) => withGlobals({ cv_big: 5n }, () => c.run("import js\njs.cv_big")),
  },
  {
    name: "JS null sent to Python and back is undefined on ours and null on Pyodide",
    run: (c) => withGlobals({ cv_null: null }, () => c.run("import js\njs.cv_null")),
    policy: "nullToNone",
    expect: { pyodide: { value: null }, ours: { value: { undefined: true } } },
  },
  {
    name: "jsnull sent to JS and back is None on ours and jsnull on Pyodide",
    run: (c) =>
      withGlobals({ cv_id: (x: unknown) => x }, () => c.run("import js\nfrom pyodide.ffi import jsnull\nr = js.cv_id(jsnull)\nrepr((r is jsnull, r))")),
    policy: "nullToNone",
    expect: { pyodide: { value: "(True, jsnull)" }, ours: { value: "(False, None)" } },
  },
  {
    name: "a create_proxy proxy comes back as a JsDoubleProxy that unwraps to the object",
    run: (c) =>
      withGlobals({ cv_id: (x: unknown) => x }, () =>
        c.run(py`
          import js
          from pyodide.ffi import create_proxy
          cv_o = [1]
          cv_p = create_proxy(cv_o)
          r = js.cv_id(cv_p)
          out = repr((type(r).__name__, r.unwrap() is cv_o))
          cv_p.destroy()
          out
        `),
      ),
  },
  {
    name: "a create_proxy proxy reaches JS as a PyProxy that outlives the call",
    run: (c) => {
      let kept: any;
      withGlobals({ cv_keep: (p: any) => void (kept = p) }, () =>
        c.run("import js\nfrom pyodide.ffi import create_proxy\ncv_kept = create_proxy([4, 5])\njs.cv_keep(cv_kept)"),
      );
      const out = [c.isPyProxy(kept), kept.type, kept.length];
      c.run("cv_kept.destroy()");
      return out;
    },
  },
  {
    name: "a create_proxy(roundtrip=False) proxy comes back as the original object",
    run: (c) =>
      withGlobals({ cv_id: (x: unknown) => x }, () =>
        c.run(py`
          import js
          from pyodide.ffi import create_proxy
          cv_o = [1]
          cv_p = create_proxy(cv_o, roundtrip=False)
          r = js.cv_id(cv_p)
          out = r is cv_o
          cv_p.destroy()
          out
        `),
      ),
  },

  // -------------------------------------------------------------------------------------------
  // Explicit Python -> JS: PyProxy.toJs() and pyodide.ffi.to_js.
  // -------------------------------------------------------------------------------------------
  {
    name: "toJs of a list gives an Array",
    run: (c) => {
      const p = c.run("[7, 9, 13]");
      try {
        const x = p.toJs();
        return [p.type, x.constructor.name, x];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a tuple gives an Array",
    run: (c) => {
      const p = c.run("(1, 2, 3)");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs converts nested lists and tuples",
    run: (c) => {
      const p = c.run("[(1, 2), (3, 4), [5, [6, (7,)]]]");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a dict gives a Map on ours and an Object on Pyodide",
    run: (c) => {
      const p = c.run("{'a': 1, 'b': [2]}");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
    policy: "dictToMap",
    expect: {
      pyodide: { value: { object: [["a", 1], ["b", { array: [2] }]] } },
      ours: { value: { map: [["a", 1], ["b", { array: [2] }]] } },
    },
  },
  {
    name: "an int key of a converted dict is a property on Pyodide and a Map key on ours",
    run: (c) => {
      const p = c.run("{42: 64}");
      try {
        const x = p.toJs();
        return [p.type, x.constructor.name, x[42]];
      } finally {
        p.destroy();
      }
    },
    policy: "dictToMap",
    expect: {
      pyodide: { value: { array: ["dict", "Object", 64] } },
      ours: { value: { array: ["dict", "Map", { undefined: true }] } },
    },
  },
  {
    name: "to_js of a dict in Python gives a Map on ours and an Object on Pyodide",
    run: (c) => c.run("from pyodide.ffi import to_js\nr = to_js({'a': 1})\nrepr((r.constructor.name, r.hasOwnProperty('a')))"),
    policy: "dictToMap",
    expect: { pyodide: { value: "('Object', True)" }, ours: { value: "('Map', False)" } },
  },
  {
    name: "a dict nested in a list converts to a Map on ours and an Object on Pyodide",
    run: (c) => {
      const p = c.run("[{'k': (1,)}]");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
    policy: "dictToMap",
    expect: {
      pyodide: { value: { array: [{ object: [["k", { array: [1] }]] }] } },
      ours: { value: { array: [{ map: [["k", { array: [1] }]] }] } },
    },
  },
  {
    name: "keys 1 and '1' collide in an Object on Pyodide but coexist in a Map on ours",
    run: (c) => c.run("from pyodide.ffi import to_js\nto_js({1: 7, '1': 9})"),
    policy: "dictToMap",
    expect: {
      pyodide: {
        threw: {
          error: "PythonError",
          name: "PythonError",
          type: "ConversionError",
          message: "pyodide.ffi.ConversionError: Key collision when converting Python dictionary to JavaScript. Key: '1'",
        },
      },
      ours: { value: { map: [[1, 7], ["1", 9]] } },
    },
  },
  {
    name: "keys None and True stay values in a Map on ours and become strings on Pyodide",
    run: (c) => {
      const p = c.run("{None: 1, True: 2}");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
    policy: "dictToMap",
    expect: {
      pyodide: { value: { object: [["undefined", 1], ["true", 2]] } },
      ours: { value: { map: [[{ undefined: true }, 1], [true, 2]] } },
    },
  },
  {
    name: "to_js with dict_converter=Object.fromEntries gives a plain object",
    run: (c) =>
      c.run(py`
        import js
        from pyodide.ffi import to_js
        r = to_js({x: x + 2 for x in range(5)}, dict_converter=js.Object.fromEntries)
        repr((r.constructor.name, js.JSON.stringify(r)))
      `),
  },
  {
    name: "to_js with a Python callable as dict_converter: it gets the entries and its result is the conversion",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js
        seen = []
        def conv(entries):
            seen.append([list(e) for e in entries])
            return len(seen[-1])
        r = to_js({"a": 1, "b": 2}, dict_converter=conv)
        repr((r, seen))
      `),
  },
  {
    name: "to_js with a Python callable as dict_converter making a dict: the result is that dict's proxy",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js
        r = to_js({1: 2}, dict_converter=lambda e: dict(e))
        repr((type(r).__name__, r == {1: 2}))
      `),
  },
  {
    name: "toJs with dict_converter Object.fromEntries turns int keys into strings",
    run: (c) => {
      const p = c.run("{x: x + 2 for x in range(5)}");
      try {
        return p.toJs({ dict_converter: Object.fromEntries });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "dict_converter Array.from gives the entry pairs",
    run: (c) => {
      const p = c.run("{x: x + 2 for x in range(3)}");
      try {
        return p.toJs({ dict_converter: Array.from });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "to_js with dict_converter Array.from gives the entry pairs",
    run: (c) =>
      c.run(py`
        import js
        from pyodide.ffi import to_js
        r = to_js({1: 'a', 'b': 2}, dict_converter=js.Array.from_)
        repr((r.constructor.name, js.JSON.stringify(r)))
      `),
  },
  {
    name: "a dict_converter making a Map gives a Map",
    run: (c) => {
      const p = c.run("{'a': 1, 2: 'b'}");
      try {
        return p.toJs({ dict_converter: (it: Iterable<[unknown, unknown]>) => new Map(it) });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "nested dicts all go through dict_converter",
    run: (c) => {
      const p = c.run("[(1, 2), [5, 6], {'a': 1, 2: 3, 4: {'z': None}}]");
      try {
        return p.toJs({ dict_converter: Object.fromEntries });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a tuple dict key raises ConversionError naming a Javascript Map",
    run: (c) => c.run("from pyodide.ffi import to_js\nto_js({(2, 2): 0})"),
  },
  {
    name: "a tuple dict key raises ConversionError under dict_converter too",
    run: (c) => {
      const p = c.run("{(2, 2): 0}");
      try {
        return p.toJs({ dict_converter: Object.fromEntries });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a tuple set element raises ConversionError naming a Javascript Set",
    run: (c) => c.run("from pyodide.ffi import to_js\nto_js({(2, 2)})"),
  },
  {
    name: "toJs of a set gives a Set",
    run: (c) => {
      const p = c.run("{1, 2, 3}");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a set holding 1 and '1' converts to a Set holding both",
    run: (c) => c.run("import js\nfrom pyodide.ffi import to_js\nr = to_js({1, '1'})\nrepr(sorted(js.Array.from_(r.values()), key=repr))"),
  },
  {
    name: "toJs of a frozenset does not make a Set",
    run: (c) => {
      const p = c.run("frozenset([1])");
      try {
        const r = p.toJs();
        return [r instanceof Set, c.isPyProxy(r)];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of bytes gives a Uint8Array",
    run: (c) => {
      const p = c.run("b'bytes'");
      try {
        const x = p.toJs();
        return [x.constructor.name, x.length, x[0]];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a bytearray gives a Uint8Array",
    run: (c) => {
      const p = c.run("bytearray([1, 255])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of array('i') gives an Int32Array",
    run: (c) => {
      const p = c.run("import array\narray.array('i', [1, -2, 3])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of array('d') gives a Float64Array",
    run: (c) => {
      const p = c.run("import array\narray.array('d', [1.5, -2.0])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of array('h') gives an Int16Array",
    run: (c) => {
      const p = c.run("import array\narray.array('h', [-3, 4])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of array('q') gives a BigInt64Array",
    run: (c) => {
      const p = c.run("import array\narray.array('q', [1, -2])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a two-dimensional memoryview gives nested arrays",
    run: (c) => {
      const p = c.run("memoryview(bytes(range(6))).cast('B', shape=[2, 3])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a '?' buffer gives an Array of booleans",
    run: (c) => {
      const p = c.run("memoryview(bytes([1, 0, 1])).cast('?')");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a buffer inside a list gives a typed array there",
    run: (c) => {
      const p = c.run("[b'\\x01\\x02', 3]");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "an array('Q') reaches JS as a PyBuffer proxy",
    run: (c) => {
      const p = c.run("import array\narray.array('Q', [1, 2, 3])");
      try {
        return p instanceof c.ffi.PyBuffer;
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "the type of a PyProxy of a C-implemented class names its module",
    run: (c) => {
      const p = c.run("import array, io, collections\n[array.array('b'), io.BytesIO(), collections.OrderedDict()]");
      try {
        return [...p].map((x: any) => x.type);
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "getBuffer of bytes gives a view on its data",
    run: (c) => {
      const p = c.run("b'abc'");
      const buf = p.getBuffer();
      try {
        return [buf.data.constructor.name, Array.from(buf.data), buf.format, buf.shape];
      } finally {
        buf.release();
        p.destroy();
      }
    },
  },
  {
    name: "getBuffer of bytes is marked readonly with the number 1",
    run: (c) => {
      const p = c.run("b'abc'");
      const buf = p.getBuffer();
      try {
        return buf.readonly;
      } finally {
        buf.release();
        p.destroy();
      }
    },
  },
  {
    name: "toJs depth 1 leaves inner lists as PyProxies",
    run: (c) => {
      const p = c.run("[1, [2, [3]]]");
      try {
        const r = p.toJs({ depth: 1 });
        const out = [r.length, r[0], c.isPyProxy(r[1]), r[1].type];
        r[1].destroy();
        return out;
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs depth N converts exactly N levels of lists",
    run: (c) => levelsPerDepth(c, "[1, [2, [3, [4, [5, [6, [7]]]]]]]"),
  },
  {
    name: "toJs depth counts tuples like lists",
    run: (c) => levelsPerDepth(c, "[1, (2, (3, [4, (5, (6, [7]))]))]"),
  },
  {
    name: "to_js depth 1 leaves an inner dict as a proxy that reads back as the dict",
    run: (c) =>
      c.run(py`
        import js
        from pyodide.ffi import to_js
        cv_inner = {'a': 1}
        r = to_js([cv_inner], depth=1)
        repr((type(r[0]).__name__, r[0] is cv_inner))
      `),
  },
  {
    name: "toJs keeps shared references shared",
    run: (c) => {
      const p = c.run("cv_a = [1, 2, 3, 4, 5]\ncv_b = [cv_a, cv_a, cv_a, cv_a, cv_a]\n[cv_b, cv_b, cv_b, cv_b, cv_b]");
      try {
        const res = p.toJs();
        return [res[0] === res[1], res[0][0] === res[1][1], res[4][0] === res[1][4], res[2][3]];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs keeps a mixed reference graph",
    run: (c) => {
      const p = c.run("cv_ra = [['b']]\ncv_rb = [1, 2, 3, cv_ra[0]]\ncv_ra[0].append(cv_rb)\ncv_ra.append(cv_rb)\ncv_ra");
      try {
        const res = p.toJs();
        return [res[0][0], res[1][2], res[1][3] === res[0], res[0][1] === res[1]];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a list containing itself gives an Array containing itself",
    run: (c) => {
      const p = c.run("cv_rl = [1]\ncv_rl.append(cv_rl)\ncv_rl");
      try {
        const r = p.toJs();
        return [r.length, r[0], r[1] === r];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a dict containing itself gives a container containing itself",
    run: (c) => {
      const p = c.run("cv_rd = {}\ncv_rd[0] = cv_rd\ncv_rd");
      try {
        const r = p.toJs();
        // The container kind (Map or Object) is the dictToMap policy; the identity is checked here.
        return (r instanceof Map ? r.get(0) : r[0]) === r;
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "dict_converter keeps a dict shared under two keys shared",
    run: (c) => {
      const p = c.run("cv_sd = {0: {1: 2}}\ncv_sd[1] = cv_sd[0]\ncv_sd");
      try {
        const d = p.toJs({ dict_converter: Object.fromEntries });
        return [d[0] === d[1], d[0]];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "to_js of a list containing itself succeeds",
    run: (c) => c.run("from pyodide.ffi import to_js\ncv_rl2 = []\ncv_rl2.append(cv_rl2)\nr = to_js(cv_rl2)\nr[0] == r"),
  },
  {
    name: "toJs pyproxies collects every proxy it made",
    run: (c) => {
      const p = c.run(py`
        class CvT:
            pass
        [[CvT()], [CvT()], [[[CvT()], [CvT()]], [CvT(), [], [[CvT()]], CvT()], CvT(), CvT()], CvT()]
      `);
      try {
        const proxies: any[] = [];
        const result = p.toJs({ pyproxies: proxies });
        const inResult = [result[0][0], result[1][0], result[2][0][0][0], result[3]];
        const out = [proxies.length, proxies.every((x) => c.isPyProxy(x)), inResult.every((x) => proxies.includes(x))];
        for (const x of proxies) x.destroy();
        return out;
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "to_js pyproxies collects every proxy and destroy_proxies destroys them",
    run: (c) => {
      const r = c.run(py`
        from js import Array
        from pyodide.ffi import to_js, destroy_proxies
        class CvT2:
            pass
        cv_plist = Array.new()
        cv_r = to_js([[CvT2()], CvT2(), [1, [CvT2()]]], pyproxies=cv_plist)
        n = len(cv_plist)
        destroy_proxies(cv_plist)
        [n, cv_r]
      `);
      try {
        const [n, res] = r.toJs({ depth: 1 });
        let alive = 0;
        for (const x of [res[0][0], res[1], res[2][1][0]]) {
          try {
            void x.type;
            alive++;
          } catch {}
        }
        return [n, alive];
      } finally {
        r.destroy();
      }
    },
  },
  {
    name: "toJs with create_pyproxies false raises ConversionError",
    run: (c) => {
      const p = c.run("class CvNoConv:\n    def __repr__(self): return 'CvNoConv()'\n[1, [CvNoConv()]]");
      try {
        return p.toJs({ create_pyproxies: false });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "to_js with create_pyproxies False raises ConversionError naming the object",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js, ConversionError
        class CvNoConv2:
            def __repr__(self): return 'CvNoConv2()'
        try:
            to_js([CvNoConv2()], create_pyproxies=False)
        except ConversionError as e:
            out = str(e)
        out
      `),
  },
  {
    name: "to_js rejects a Python list as pyproxies",
    run: (c) => c.run("from pyodide.ffi import to_js\nclass CvT3: pass\nto_js([CvT3()], pyproxies=[])"),
  },
  {
    name: "to_js rejects a JS object as pyproxies",
    run: (c) => c.run("from js import Object\nfrom pyodide.ffi import to_js\nclass CvT4: pass\nto_js([CvT4()], pyproxies=Object.new())"),
  },
  {
    name: "to_js returns a str unchanged",
    run: (c) => c.run("from pyodide.ffi import to_js\ns = 'avafhjpa'\nto_js(s) is s"),
  },
  {
    name: "to_js returns an int unchanged",
    run: (c) => c.run("from pyodide.ffi import to_js\nt = 55\nrepr((to_js(t) is t, to_js(None), to_js(True), to_js(1.5)))"),
  },
  {
    name: "to_js returns a JsProxy unchanged",
    run: (c) =>
      withGlobals({ cv_obj: { a: 1 } }, () => c.run("import js\nfrom pyodide.ffi import to_js\no = js.cv_obj\nto_js(o) is o")),
  },
  {
    name: "to_js of a list gives a JS array",
    run: (c) => {
      let seen: unknown;
      withGlobals({ cv_sink: (a: unknown) => void (seen = [Array.isArray(a), JSON.stringify(a)]) }, () =>
        c.run("import js\nfrom pyodide.ffi import to_js\njs.cv_sink(to_js([1, 2, 3]))"),
      );
      return seen;
    },
  },
  {
    name: "to_js of a list is a JsArray in Python",
    run: (c) => c.run("from pyodide.ffi import to_js, JsArray, JsProxy\nr = to_js([1, 2])\nrepr((isinstance(r, JsArray), isinstance(r, JsProxy), list(r)))"),
  },
  {
    name: "to_js of an instance gives a double proxy whose copy is the instance",
    run: (c) =>
      withGlobals({ cv_copy: (t: any) => t.copy() }, () =>
        c.run(py`
          import js
          from pyodide.ffi import to_js
          class CvTest:
              pass
          t1 = CvTest()
          t2 = to_js(t1)
          t3 = js.cv_copy(t2)
          out = repr((type(t2).__name__, t1 is t3))
          t2.destroy()
          out
        `),
      ),
  },
  {
    name: "toJs of a class instance gives a PyProxy",
    run: (c) => {
      const p = c.run("class CvInst: pass\nCvInst()");
      try {
        const r = p.toJs();
        return [c.isPyProxy(r), r.type, r === p];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a range gives a PyProxy, not an Array",
    run: (c) => {
      const p = c.run("[range(3)]");
      try {
        const r = p.toJs();
        return [Array.isArray(r[0]), c.isPyProxy(r[0]) && r[0].type];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a JsProxy in a list gives back the JS object",
    run: (c) => {
      const obj = { a: 1 };
      return withGlobals({ cv_obj: obj }, () => {
        const p = c.run("import js\n[js.cv_obj]");
        try {
          return p.toJs()[0] === obj;
        } finally {
          p.destroy();
        }
      });
    },
  },
  {
    name: "toJs of None and jsnull in a list gives undefined and null",
    run: (c) => {
      const p = c.run("from pyodide.ffi import jsnull\n[None, jsnull]");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs keeps floats, bools and strings by value",
    run: (c) => {
      const p = c.run("[1.5, float('nan'), -0.0, float('inf'), True, False, 'x', '🐍']");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs gives a BigInt for 2**64 in a list",
    run: (c) => {
      const p = c.run("[2**64, -(2**64), 2**53 + 1]");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs gives a number for 2**53 in a list on ours and a BigInt on Pyodide",
    run: (c) => {
      const p = c.run("[2**53, -(2**53)]");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
    policy: "int53",
    expect: {
      pyodide: { value: { array: [{ bigint: "9007199254740992" }, { bigint: "-9007199254740992" }] } },
      ours: { value: { array: [9007199254740992, -9007199254740992] } },
    },
  },
  {
    name: "toJs turns a list subclass into an Array",
    run: (c) => {
      const p = c.run("class CvList(list): pass\nCvList([1, 2])");
      try {
        return p.toJs();
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs of a dict subclass goes through its items()",
    run: (c) => {
      const p = c.run(py`
        class CvItems(dict):
            def items(self):
                return [('from_items', 1)]
        CvItems({'a': 2})
      `);
      try {
        return p.toJs({ dict_converter: Object.fromEntries });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toJs converts ChainMap-and-dict subclasses",
    run: (c) =>
      withGlobals({ cv_json: (d: any) => JSON.stringify(d.toJs({ dict_converter: Object.fromEntries })) }, () =>
        c.run(py`
          import js
          from collections import ChainMap
          class CvD1(ChainMap, dict):
              pass
          class CvD2(dict, ChainMap):
              pass
          repr((js.cv_json(CvD1({'a': 'b'})), js.cv_json(CvD2({'a': 'b'}))))
        `),
      ),
  },
  {
    name: "a dict subclass whose items() raises gives a ConversionError caused by it",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js, ConversionError
        class CvBadItems(dict):
            def items(self):
                raise ValueError('no items')
        try:
            to_js(CvBadItems(a=1))
            out = 'no error'
        except ConversionError as e:
            out = repr((str(e), type(e.__cause__).__name__, str(e.__cause__)))
        out
      `),
  },
  {
    name: "a default_converter that raises gives a ConversionError caused by it",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js, ConversionError
        class CvOpaque:
            pass
        def cv_raiser(value, convert, cache):
            raise KeyError('boom')
        try:
            to_js([CvOpaque()], default_converter=cv_raiser)
            out = 'no error'
        except ConversionError as e:
            out = repr((str(e), type(e.__cause__).__name__, str(e.__cause__)))
        out
      `),
  },
  {
    name: "a JS default_converter that throws fails toJs with ConversionError",
    run: (c) => {
      const p = c.run("class CvOpaque2: pass\n[CvOpaque2()]");
      try {
        return p.toJs({
          default_converter: () => {
            throw new RangeError("js boom");
          },
        });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a JS default_converter's error is the cause of to_js's ConversionError",
    run: (c) =>
      withGlobals(
        {
          cv_thrower: () => {
            throw new RangeError("js boom");
          },
        },
        () =>
          c.run(py`
            import js
            from pyodide.ffi import to_js, ConversionError
            class CvOpaque3:
                pass
            try:
                to_js([CvOpaque3()], default_converter=js.cv_thrower)
                out = 'no error'
            except ConversionError as e:
                out = repr((str(e), type(e.__cause__).__name__, str(e.__cause__)))
            out
          `),
      ),
  },
  {
    name: "a JS default_converter converts objects nothing else handles",
    run: (c) => {
      const p = c.run(`${PAIR_CLASS}\nCvPair(1, 2)`);
      try {
        return p.toJs({
          default_converter(x: any, convert: any, cache: any) {
            const result: unknown[] = [];
            cache(x, result);
            result.push(convert(x.first));
            result.push(convert(x.second));
            return result;
          },
        });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a JS default_converter resolves cycles through cacheConversion",
    run: (c) => {
      const p = c.run(`${PAIR_CLASS}\ncv_pp = CvPair(1, 2)\ncv_pp.first = cv_pp\ncv_pp`);
      try {
        const res = p.toJs({
          default_converter(x: any, convert: any, cache: any) {
            const result: unknown[] = [];
            cache(x, result);
            result.push(convert(x.first));
            result.push(convert(x.second));
            return result;
          },
        });
        return [res[0] === res, res[1]];
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "cacheConversion rejects a first argument that is not a PyProxy",
    run: (c) => {
      const p = c.run(`${PAIR_CLASS}\n[CvPair(1, 2)]`);
      try {
        return p.toJs({
          default_converter(x: any, convert: any, cache: any) {
            cache({}, []);
            return 1;
          },
        });
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "a Python default_converter converts objects nothing else handles",
    run: (c) =>
      c.run(py`
        import js
        from js import Array, JSON
        from pyodide.ffi import to_js
        class CvSlotPair:
            __slots__ = ('first', 'second')
            def __init__(self, first, second):
                self.first = first
                self.second = second
        def cv_pair_conv(value, convert, cache):
            result = Array.new()
            cache(value, result)
            result.push(convert(value.first))
            result.push(convert(value.second))
            return result
        JSON.stringify(to_js(CvSlotPair(1, 2), default_converter=cv_pair_conv))
      `),
  },
  {
    name: "a Python default_converter resolves cycles through its cache",
    run: (c) =>
      withGlobals({ cv_check: (x: any) => [x[0] === x, x[1]] }, () => {
        const r: unknown = c.run(py`
          import js
          from js import Array
          from pyodide.ffi import to_js
          class CvSlotPair2:
              __slots__ = ('first', 'second')
              def __init__(self, first, second):
                  self.first = first
                  self.second = second
          def cv_pair_conv2(value, convert, cache):
              result = Array.new()
              cache(value, result)
              result.push(convert(value.first))
              result.push(convert(value.second))
              return result
          p2 = CvSlotPair2(1, 2)
          p2.first = p2
          js.cv_check(to_js(p2, default_converter=cv_pair_conv2))
        `);
        return r;
      }),
  },
  {
    name: "JSON.stringify of a cyclic default_converter result raises JsException",
    run: (c) =>
      c.run(py`
        from js import Array, JSON
        from pyodide.ffi import to_js, JsException
        class CvSlotPair3:
            __slots__ = ('first', 'second')
            def __init__(self, first, second):
                self.first = first
                self.second = second
        def cv_pair_conv3(value, convert, cache):
            result = Array.new()
            cache(value, result)
            result.push(convert(value.first))
            result.push(convert(value.second))
            return result
        p3 = CvSlotPair3(1, 2)
        p3.first = p3
        try:
            JSON.stringify(to_js(p3, default_converter=cv_pair_conv3))
            out = 'no error'
        except JsException as e:
            out = e.name
        out
      `),
  },
  {
    name: "default_converter is not consulted for lists, dicts and sets",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js
        seen = []
        def cv_spy(value, convert, cache):
            seen.append(type(value).__name__)
            return 0
        class CvLeaf: pass
        to_js([[1], {'a': {2}}, CvLeaf()], default_converter=cv_spy)
        repr(seen)
      `),
  },
  {
    name: "convert inside default_converter honours dict_converter",
    run: (c) =>
      c.run(py`
        from js import Object
        from pyodide.ffi import to_js
        def cv_dc(_obj, convert, _cache):
            return convert({'a': 2})
        class CvA:
            pass
        res = to_js(CvA, dict_converter=Object.fromEntries, default_converter=cv_dc)
        repr((res.a, res.constructor.name))
      `),
  },
  {
    name: "eager_converter returning convert(value) converts as usual",
    run: (c) =>
      c.run(py`
        import js
        from pyodide.ffi import to_js
        def cv_normal(value, convert, cache):
            return convert(value)
        cv_rl3 = []
        cv_rl3.append(cv_rl3)
        r1 = to_js(cv_rl3, eager_converter=cv_normal)
        r2 = to_js([(2, 4, 6), [1]], eager_converter=cv_normal)
        repr((r1[0] == r1, js.JSON.stringify(r2)))
      `),
  },
  {
    name: "eager_converter that raises aborts the conversion with its error",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js, ConversionError
        def cv_reject_tuples(value, convert, cache):
            if isinstance(value, tuple):
                raise ConversionError("We don't convert tuples!")
            return convert(value)
        try:
            to_js([{1: 2}, (2, 4, 6)], eager_converter=cv_reject_tuples)
            out = 'no error'
        except ConversionError as e:
            out = str(e)
        out
      `),
  },
  {
    name: "eager_converter returning the value keeps it as a proxy",
    run: (c) =>
      c.run(py`
        from js import Array
        from pyodide.ffi import to_js, destroy_proxies
        def cv_proxy_tuples(value, convert, cache):
            if isinstance(value, tuple):
                return value
            return convert(value)
        cv_plist2 = Array.new()
        res = to_js([{1: 2}, (2, 4, 6)], eager_converter=cv_proxy_tuples, pyproxies=cv_plist2)
        out = repr((res[-1] == (2, 4, 6), len(cv_plist2)))
        destroy_proxies(cv_plist2)
        out
      `),
  },
  {
    name: "eager_converter sees lists before they are converted",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import to_js
        seen = []
        def cv_eager_spy(value, convert, cache):
            seen.append(type(value).__name__)
            return convert(value)
        to_js([[1], ('a',)], eager_converter=cv_eager_spy)
        repr(seen)
      `),
  },
  {
    name: "toJs accepts an eager_converter",
    run: (c) => {
      const p = c.run("[(1, 2), [3]]");
      try {
        return p.toJs({
          eager_converter(v: any, convert: any) {
            return v.type === "tuple" ? "a tuple" : convert(v);
          },
        });
      } finally {
        p.destroy();
      }
    },
  },

  // -------------------------------------------------------------------------------------------
  // Explicit JS -> Python: JsProxy.to_py().
  // -------------------------------------------------------------------------------------------
  { name: "to_py of an Array gives a list", run: (c) => pySees(c, [1, "a", [2.5]], "repr(x.to_py())") },
  { name: "to_py of a plain object gives a dict", run: (c) => pySees(c, { a: 7, b: [2] }, "repr(x.to_py())") },
  { name: "to_py of a Map gives a dict", run: (c) => pySees(c, new Map<unknown, unknown>([[1, "a"], ["b", 2]]), "repr(x.to_py())") },
  { name: "to_py of a Set gives a set", run: (c) => pySees(c, new Set([3, 1, 2]), "repr(sorted(x.to_py()))+type(x.to_py()).__name__") },
  {
    name: "to_py keeps a plain object's numeric keys as strings",
    run: (c) => pySees(c, { 1: "a", b: 2 }, "repr(x.to_py())"),
  },
  {
    name: "to_py leaves an instance of a user class a JsProxy",
    run: (c) => {
      class Temp {
        x = 2;
        y = 7;
      }
      return pySees(c, new Temp(), "from pyodide.ffi import JsProxy\nr = x.to_py()\nrepr((isinstance(r, JsProxy), isinstance(r, dict), r is x or r == x))");
    },
  },
  {
    name: "to_py of an object with a foreign prototype leaves it alone",
    run: (c) => {
      class Test {}
      const y: any = { a: 7, b: 2 };
      Object.setPrototypeOf(y, Test.prototype);
      return pySees(c, y, "r = x.to_py()\nrepr((type(r) is dict, r == x))");
    },
  },
  { name: "to_py of a null-prototype object gives a dict", run: (c) => pySees(c, Object.assign(Object.create(null), { k: 1 }), "repr(x.to_py())") },
  {
    name: "to_py leaves a JS function a JsProxy",
    run: (c) => pySees(c, [() => 1], "from pyodide.ffi import JsProxy\nr = x.to_py()\nrepr((type(r).__name__, isinstance(r[0], JsProxy), r[0]()))"),
  },
  {
    name: "to_py depth limits how many levels of a Map graph convert",
    run: (c) => {
      const a: any = new Map<unknown, unknown>([
        [1, [1, 2, new Set([1, 2, 3])]],
        [2, new Map([[1, 2], [2, 7]])],
      ]);
      a.get(2).set("a", a);
      return pySees(c, a, "repr([repr(x.to_py(depth=i)) for i in range(4)])");
    },
  },
  {
    name: "to_py depth limits how many levels of an object graph convert",
    run: (c) => {
      const a: any = { x: 2, y: 7, z: [1, 2] };
      a.z.push(a);
      return pySees(c, a, "repr([repr(x.to_py(depth=i)) for i in range(4)])");
    },
  },
  {
    name: "to_py of an object containing itself gives a dict containing itself",
    run: (c) => {
      const a: any = { x: 1 };
      a.self = a;
      return pySees(c, a, "r = x.to_py()\nr['self'] is r");
    },
  },
  {
    name: "to_py keeps shared references shared",
    run: (c) => {
      const l = [1, 2];
      return pySees(c, [l, l, [l]], "r = x.to_py()\nrepr((r[0] is r[1], r[2][0] is r[0]))");
    },
  },
  {
    name: "to_py of an array holding a PyProxy gives the original object",
    run: (c) => {
      const p = c.run("cv_held = {'k': 1}\ncv_held");
      try {
        return pySees(c, [p], "r = x.to_py()\nr[0] is cv_held");
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "to_py of typed arrays gives memoryviews of the matching format",
    run: (c) => {
      const types = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array"];
      return pySees(
        c,
        types.map((t) => new g[t]([1, 2, 3, 4])),
        "import struct\nrepr([(m.format, m.tolist(), m.tobytes() == struct.pack(m.format * 4, 1, 2, 3, 4)) for m in (a.to_py() for a in x)])",
      );
    },
  },
  {
    name: "to_py of a typed array is a copy",
    run: (c) => {
      const a = new Uint8Array([1, 2, 3]);
      const r = pySees(c, a, "m = x.to_py()\nx[0] = 9\nrepr((type(m).__name__, m.tolist()))");
      return [r, a[0]];
    },
  },
  { name: "to_py of an ArrayBuffer gives a byte memoryview", run: (c) => pySees(c, new ArrayBuffer(100), "m = x.to_py()\nrepr((m.format, len(m.tobytes())))") },
  { name: "to_py of a DataView gives a byte memoryview", run: (c) => pySees(c, new DataView(new ArrayBuffer(4)), "m = x.to_py()\nrepr((m.format, m.nbytes))") },
  { name: "to_py of a BigInt64Array gives a memoryview", run: (c) => pySees(c, new BigInt64Array([1n, -2n]), "m = x.to_py()\nrepr((m.format, m.tolist()))") },
  {
    name: "to_py of a Map with an Array key fails",
    run: (c) => pySees(c, new Map([[[1, 1], 2]]), "try:\n    x.to_py()\nexcept Exception as e:\n    out = repr((type(e).__name__, str(e)))\nout"),
  },
  {
    name: "to_py of a Set with an Array element fails",
    run: (c) => pySees(c, new Set([[1, 1]]), "try:\n    x.to_py()\nexcept Exception as e:\n    out = repr((type(e).__name__, str(e)))\nout"),
  },
  {
    name: "to_py of a Map holding both 1 and true fails",
    run: (c) =>
      pySees(c, new Map<unknown, unknown>([[1, 2], [true, 3]]), "try:\n    x.to_py()\nexcept Exception as e:\n    out = repr((type(e).__name__, str(e)))\nout"),
  },
  {
    name: "to_py of a Map holding both 0 and false fails",
    run: (c) =>
      pySees(c, new Map<unknown, unknown>([[0, 2], [false, 3]]), "try:\n    x.to_py()\nexcept Exception as e:\n    out = repr((type(e).__name__, str(e)))\nout"),
  },
  {
    name: "to_py of a Set holding both 1 and true fails",
    run: (c) => pySees(c, new Set<unknown>([1, true]), "try:\n    x.to_py()\nexcept Exception as e:\n    out = repr((type(e).__name__, str(e)))\nout"),
  },
  {
    name: "to_py of a Set holding both 0 and false fails",
    run: (c) => pySees(c, new Set<unknown>([0, false]), "try:\n    x.to_py()\nexcept Exception as e:\n    out = repr((type(e).__name__, str(e)))\nout"),
  },
  {
    name: "to_py with a default_converter converts class instances",
    run: (c) => {
      class Pair {
        constructor(
          public first: unknown,
          public second: unknown,
        ) {}
      }
      const l = [1, 2, 3];
      return pySees(
        c,
        new Pair(l, [l]),
        py`
          def cv_conv(value, converter, cache):
              if value.constructor.name != 'Pair':
                  return value
              out = []
              cache(value, out)
              out.append(converter(value.first))
              out.append(converter(value.second))
              return out
          r = x.to_py(default_converter=cv_conv)
          repr((type(r).__name__, r[0] is r[1][0], r[0]))
        `,
      );
    },
  },
  {
    name: "to_py with a default_converter resolves cycles through its cache",
    run: (c) => {
      class Pair {
        constructor(
          public first: unknown,
          public second: unknown,
        ) {}
      }
      const r2 = new Pair(null, [1]);
      r2.first = r2;
      return pySees(
        c,
        r2,
        py`
          def cv_conv2(value, converter, cache):
              if value.constructor.name != 'Pair':
                  return value
              out = []
              cache(value, out)
              out.append(converter(value.first))
              out.append(converter(value.second))
              return out
          r = x.to_py(default_converter=cv_conv2)
          repr((r[0] is r, r[1]))
        `,
      );
    },
  },
  {
    name: "to_py turns undefined items into None",
    run: (c) => pySees(c, [undefined, 1], "repr(x.to_py())"),
  },
  {
    name: "to_py turns null items into None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, [null, null, null], "repr(x.to_py())"),
    policy: "nullToNone",
    expect: { pyodide: { value: "[jsnull, jsnull, jsnull]" }, ours: { value: "[None, None, None]" } },
  },
  {
    name: "to_py of a Map with a null value gives None on ours and jsnull on Pyodide",
    run: (c) => pySees(c, new Map([["a", null]]), "repr(x.to_py())"),
    policy: "nullToNone",
    expect: { pyodide: { value: "{'a': jsnull}" }, ours: { value: "{'a': None}" } },
  },
  {
    name: "to_py of a number array containing 2**53 gives an int on ours and a float on Pyodide",
    run: (c) => pySees(c, [2 ** 53, 1], "repr(x.to_py())"),
    policy: "int53",
    expect: { pyodide: { value: "[9007199254740992.0, 1]" }, ours: { value: "[9007199254740992, 1]" } },
  },

  // -------------------------------------------------------------------------------------------
  // pyodide.toPy.
  // -------------------------------------------------------------------------------------------
  {
    name: "toPy returns primitives unchanged",
    run: (c) => [c.py.toPy(5), c.py.toPy(5n), c.py.toPy("abc"), c.py.toPy(true), c.py.toPy(undefined), c.py.toPy(2.5)],
  },
  {
    name: "toPy returns a class instance unchanged",
    run: (c) => {
      class Test {}
      const t = new Test();
      return c.py.toPy(t) === t;
    },
  },
  {
    name: "toPy of an object whose own constructor key is not a function leaves it a JS object",
    run: (c) => {
      const own = { constructor: 1, x: 2 };
      const r = c.py.toPy(own);
      return [r === own, c.py.toPy({ x: 1, nested: { constructor: "text" } }).toJs({ dict_converter: Object.fromEntries }).nested === undefined];
    },
  },
  {
    name: "to_py of an object with an own constructor key and of Object.create(null)",
    run: (c) => withGlobals({ cv_own: { constructor: 1, x: 2 }, cv_bare: Object.assign(Object.create(null), { y: 3 }) }, () =>
      c.run("import js\nrepr((type(js.cv_own.to_py()).__name__, js.cv_bare.to_py()))")),
  },
  {
    name: "toPy of an object whose constructor is null throws the TypeError of reading its name",
    run: (c) => {
      try {
        c.py.toPy({ constructor: null, x: 1 });
        return "did not throw";
      } catch (e: any) {
        return [e.constructor.name, e.message];
      }
    },
  },
  {
    name: "callKwargs refuses a kwargs object with an own constructor key",
    run: (c) => {
      const f = c.run("lambda **kw: sorted(kw)");
      try {
        return [f.callKwargs({ a: 1 }), (() => { try { f.callKwargs({ constructor: 1 }); return "no error"; } catch (e: any) { return [e.constructor.name, e.message]; } })()];
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "toPy of an Array gives a PyProxy of an equal list",
    run: (c) => {
      const a1 = [1, 2, 3];
      const b1 = c.py.toPy(a1);
      try {
        return [b1.type, withGlobals({ cv_a1: a1, cv_b1: b1 }, () => c.run("import js\njs.cv_a1.to_py() == js.cv_b1"))];
      } finally {
        b1.destroy();
      }
    },
  },
  {
    name: "toPy of a plain object gives a PyProxy of an equal dict",
    run: (c) => {
      const a2 = { a: 1, b: 2, c: 3 };
      const b2 = c.py.toPy(a2);
      try {
        return [b2.type, withGlobals({ cv_a2: a2, cv_b2: b2 }, () => c.run("import js\njs.cv_a2.to_py() == js.cv_b2"))];
      } finally {
        b2.destroy();
      }
    },
  },
  {
    name: "toPy of a Set gives a PyProxy of a set",
    run: (c) => {
      const r = c.py.toPy(new Set([1, 2]));
      try {
        return [r.type, r.has(1), r.length];
      } finally {
        r.destroy();
      }
    },
  },
  {
    name: "toPy of a Uint8Array gives a memoryview",
    run: (c) => {
      const r = c.py.toPy(new Uint8Array([5, 6]));
      try {
        return [r.type, Array.from(r.toJs())];
      } finally {
        r.destroy();
      }
    },
  },
  {
    name: "toPy of a PyProxy returns it unchanged",
    run: (c) => {
      const p = c.run("[1]");
      try {
        return c.py.toPy(p) === p;
      } finally {
        p.destroy();
      }
    },
  },
  {
    name: "toPy of a Map holding both 1 and true throws a JS Error",
    run: (c) => c.py.toPy(new Map<unknown, unknown>([[1, 2], [true, 3]])),
  },
  {
    name: "toPy of a Set holding both 0 and false throws",
    run: (c) => c.py.toPy(new Set<unknown>([0, false])),
  },
  {
    name: "toPy of a Map with an Array key throws",
    run: (c) => c.py.toPy(new Map([[[1, 1], 2]])),
  },
  {
    name: "toPy depth 1 leaves inner arrays as JsProxies",
    run: (c) => {
      const r = c.py.toPy([[1], 2], { depth: 1 });
      try {
        return withGlobals({ cv_r: r }, () =>
          c.run("import js\nfrom pyodide.ffi import JsProxy\nrepr((type(js.cv_r).__name__, isinstance(js.cv_r[0], JsProxy), js.cv_r[1]))"),
        );
      } finally {
        r.destroy();
      }
    },
  },
  {
    name: "toPy with a defaultConverter converts class instances with shared references",
    run: (c) => {
      class Pair {
        constructor(
          public first: unknown,
          public second: unknown,
        ) {}
      }
      const l = [1, 2, 3];
      const r1 = new Pair(l, [l]);
      const r2: any = new Pair(l, [l]);
      r2.first = r2;
      const opts = {
        defaultConverter(value: any, converter: any, cache: any) {
          if (value.constructor.name !== "Pair") return value;
          const list = c.run("list");
          const out = list();
          list.destroy();
          cache(value, out);
          const first = converter(value.first);
          const second = converter(value.second);
          out.append(first);
          out.append(second);
          first.destroy();
          second.destroy();
          return out;
        },
      };
      const res = c.py.toPy([r1, r2], opts);
      try {
        return withGlobals({ cv_res: res }, () =>
          c.run("import js\n[r1, r2] = js.cv_res\nrepr((type(r1).__name__, r1[0] is r1[1][0], r1[0], r2[0] is r2))"),
        );
      } finally {
        res.destroy();
      }
    },
  },
  {
    name: "toPy cacheConversion rejects an output that is not a PyProxy",
    run: (c) => {
      class Opaque {}
      return c.py.toPy([new Opaque()], {
        defaultConverter(value: any, converter: any, cache: any) {
          cache(value, 42);
          return 1;
        },
      });
    },
  },
  {
    name: "toPy turns null items into None on ours and jsnull on Pyodide",
    run: (c) => {
      const r = c.py.toPy([null]);
      try {
        return withGlobals({ cv_r: r }, () => c.run("import js\nrepr(js.cv_r)"));
      } finally {
        r.destroy();
      }
    },
    policy: "nullToNone",
    expect: { pyodide: { value: "[jsnull]" }, ours: { value: "[None]" } },
  },
  {
    name: "toPy of null returns null",
    run: (c) => c.py.toPy(null),
  },

  // -------------------------------------------------------------------------------------------
  // jsnull, JsBigInt and JsProxy basics that conversions rely on.
  // -------------------------------------------------------------------------------------------
  {
    name: "json.dumps writes jsnull as null",
    run: (c) => c.run("import json\nfrom pyodide.ffi import jsnull\njson.dumps([jsnull, jsnull, {jsnull: 1, 1: jsnull}])"),
  },
  {
    name: "jsnull is a falsy singleton whose repr is jsnull",
    run: (c) => c.run("from pyodide.ffi import jsnull, JsNull\nrepr((repr(jsnull), bool(jsnull), JsNull() is jsnull, type(jsnull).__name__))"),
  },
  {
    name: "JsBigInt arithmetic result types follow the JsBigInt operand rules",
    run: (c) =>
      c.run(py`
        from pyodide.ffi import JsBigInt
        a, b = JsBigInt(13), JsBigInt(21)
        repr([type(v).__name__ for v in (a + b, a + 1, 1 + a, a & b, -a, a // 2, 2 // a, a / b, a ** 2, a + 0.5)])
      `),
  },
  {
    name: "a BigInt64Array can be built from JsBigInts",
    run: (c) =>
      c.run("from js import BigInt64Array\nfrom pyodide.ffi import JsBigInt\na = BigInt64Array.new([JsBigInt(x) for x in range(1, 10, 2)])\nrepr(list(a))"),
  },
  {
    name: "truthiness of JS containers follows their size",
    run: (c) =>
      withGlobals(
        {
          cv_vals: [() => {}, new Map(), new Map([[0, 1]]), new Set(), new Set([0]), [], [0], {}, new TextDecoder()],
        },
        () => c.run("import js\nrepr([bool(v) for v in js.cv_vals])"),
      ),
  },
  {
    name: "str of a JsProxy is the JS toString",
    run: (c) => withGlobals({ cv_td: new TextDecoder() }, () => c.run("import js\nrepr((str(js.cv_td), repr(js.cv_td)))")),
  },
  {
    name: "a missing attribute of a JsProxy raises AttributeError",
    run: (c) => {
      class Point {
        constructor(
          public x: number,
          public y: number,
        ) {}
      }
      return pySees(c, new Point(42, 43), "try:\n    x.z\nexcept AttributeError as e:\n    out = repr((x.y, str(e)))\nout");
    },
  },
  {
    name: "deleting an attribute of a JsProxy deletes the JS property",
    run: (c) => {
      const point = { x: 42, y: 43 };
      const r = pySees(c, point, "del x.y\ntry:\n    x.y\n    out = 'still there'\nexcept AttributeError:\n    out = 'gone'\nout");
      return [r, "y" in point];
    },
  },
  {
    name: "a JS property holding undefined reads as None",
    run: (c) => pySees(c, { u: undefined }, "repr(x.u)"),
  },
  {
    name: "a Python file object reaches JS as a proxy with its methods",
    run: (c) =>
      withGlobals({ cv_tell: (f: any) => [f.tell(), f.seek(0, 2), f.tell()] }, () =>
        c.run("import io, js\njs.cv_tell(io.BytesIO(b'abc'))"),
      ),
  },
  {
    name: "a Python function returning to_js of a list gives JS a plain Array",
    run: (c) => {
      const f = c.run("from pyodide.ffi import to_js\ndef cv_squares(x):\n    return to_js([n * n for n in x])\ncv_squares");
      try {
        return f([1, 2, 3, 4]);
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a Python function returning a list gives JS a PyProxy whose toJs is an Array",
    run: (c) => {
      const f = c.run("def cv_squares2(x):\n    return [n * n for n in x]\ncv_squares2");
      const r = f([1, 2, 3, 4]);
      try {
        return [r.type, r.toJs()];
      } finally {
        r.destroy();
        f.destroy();
      }
    },
  },
  {
    name: "callKwargs passes its last object as keyword arguments",
    run: (c) => {
      const f = c.run("from pyodide.ffi import to_js\ndef cv_offset(x, *, offset):\n    return to_js([n * n + offset for n in x])\ncv_offset");
      try {
        return f.callKwargs([1, 2, 3, 4], { offset: 7 });
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a list argument a JS function keeps is destroyed when the call returns",
    run: (c) => {
      let kept: any;
      withGlobals({ cv_keep: (l: any) => void (kept = l) }, () => c.run("import js\njs.cv_keep([1, 2])"));
      try {
        return kept.length;
      } catch (e: any) {
        return [e.constructor.name, e.message.split("\n")[0]];
      }
    },
  },
  {
    name: "assign copies a Python buffer into a typed array",
    run: (c) => {
      const arr = new Float32Array([1, 2, 3, 4, 5, 6]);
      withGlobals({ cv_f32: arr }, () => c.run("import js, array\njs.cv_f32.assign(array.array('f', [6, 5, 4, 3, 2, 77]))"));
      return arr;
    },
  },
  {
    name: "assign_to copies a typed array into a Python buffer",
    run: (c) => withGlobals({ cv_u8: new Uint8Array([9, 8, 7]) }, () => c.run("import js\nb = bytearray(3)\njs.cv_u8.assign_to(b)\nrepr(b)")),
  },
  {
    name: "to_bytes and to_memoryview copy a typed array",
    run: (c) =>
      withGlobals({ cv_u8: new Uint8Array([104, 105]) }, () =>
        c.run("import js\nm = js.cv_u8.to_memoryview()\nrepr((js.cv_u8.to_bytes(), type(m).__name__, m.tolist()))"),
      ),
  },
  {
    name: "to_string decodes a typed array as UTF-8",
    run: (c) => withGlobals({ cv_u8: new TextEncoder().encode("héllo") }, () => c.run("import js\njs.cv_u8.to_string()")),
  },
  {
    name: "as_py_json reads a JS object graph as dicts and lists without copying",
    run: (c) => {
      const o = { a: [1, { b: 2 }] };
      const r = withGlobals({ cv_json: o }, () =>
        c.run("import js\nj = js.cv_json.as_py_json()\nj['a'][1]['b'] = 5\nrepr((j['a'][0], len(j['a']), list(j)))"),
      );
      return [r, (o.a[1] as any).b];
    },
  },
  {
    name: "raising a JS Error in Python raises a JsException",
    run: (c) => c.run("from js import Error\nerr = Error.new('This is a js error')\nraise err"),
  },
];
