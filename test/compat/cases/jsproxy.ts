// The Python side of JS objects: JsProxy and `import js` (Pyodide's type-translation page, the
// JsProxy part of pyodide.ffi, PyScript's FFI pages and the behaviours Pyodide's
// test_jsproxy.py checks). Each case sets up JS values as globals (removed afterwards), works on
// them from Python and returns what Python saw, mostly as a repr.
import type { CaseContext } from "../adapter.js";
import { dedent, runAsyncWithGlobals as withJsAsync, runWithGlobals as withJs } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";

const G = globalThis as any;




/** Runs Python `code` (no JS set-up). */
const py = (c: CaseContext, code: string) => c.run(dedent(code));

/** A promise already rejected with `message`, its rejection marked as handled. */
function rejected(message: string): Promise<never> {
  const p = Promise.reject(new Error(message));
  p.catch(() => {});
  return p;
}

/** A generator function. */
function* countTo3() {
  yield 1;
  yield 2;
  yield 3;
}

export const jsproxy: CompatCase[] = [
  // ---------------------------------------------------------------------------------------------
  // `import js` and registered JS modules
  // ---------------------------------------------------------------------------------------------
  {
    name: "js.<name> reads a global of globalThis",
    run: (c) => withJs(c, { jsp_num: 42 }, "import js\njs.jsp_num"),
  },
  {
    name: "from js import <name> gives the global",
    run: (c) => withJs(c, { jsp_obj: { x: 2, y: "9" } }, "from js import jsp_obj\nrepr([jsp_obj.x, jsp_obj.y])"),
  },
  {
    name: "from js import of a missing global raises ImportError",
    run: (c) => py(c, "from js import jsp_does_not_exist"),
  },
  {
    name: "js.<missing> raises AttributeError",
    run: (c) => py(c, "import js\njs.jsp_does_not_exist"),
  },
  {
    name: "assigning js.<name> from Python sets a JS global",
    run: (c) => {
      try {
        py(c, "import js\njs.jsp_assigned = 'from python'");
        return G.jsp_assigned;
      } finally {
        delete G.jsp_assigned;
      }
    },
  },
  {
    name: "nested attribute access on js reaches a static property",
    run: (c) => py(c, "import js\njs.Float64Array.BYTES_PER_ELEMENT"),
  },
  {
    name: "js.globalThis is globalThis and its Array is js.Array",
    run: (c) => py(c, "import js\nrepr([js.globalThis.Array == js.Array, js.globalThis.globalThis == js.globalThis])"),
  },
  {
    name: "dir(js) lists the JS globals",
    run: (c) => withJs(c, { jsp_visible: 1 }, "import js\nrepr([k in dir(js) for k in ['Array', 'Object', 'jsp_visible', 'jsp_not_there']])"),
  },
  {
    name: "from js.a.b import c imports a nested object as a submodule",
    run: (c) =>
      withJs(c, { jsp_nest: { b: { c: { d: 2 } } } }, `
        import sys
        from js.jsp_nest.b import c as jsp_c
        r = jsp_c.d
        sys.modules.pop("js.jsp_nest", None)
        sys.modules.pop("js.jsp_nest.b", None)
        r
      `),
  },
  {
    name: "registerJsModule makes a JS object importable by name",
    run: (c) => {
      c.py.registerJsModule("jsp_mod1", { s: 3, f: (x: number) => x * x + 1 });
      try {
        return py(c, `
          import jsp_mod1
          from jsp_mod1 import f as jsp_mod1_f
          repr([jsp_mod1.s, jsp_mod1_f(7)])
        `);
      } finally {
        c.py.unregisterJsModule("jsp_mod1");
        py(c, "import sys\nsys.modules.pop('jsp_mod1', None)");
      }
    },
  },
  {
    name: "registerJsModule makes nested objects importable as submodules",
    run: (c) => {
      c.py.registerJsModule("jsp_geometry", { consts: { PI: 3.5, E: 2.5 }, area: (r: number) => r * r });
      try {
        return py(c, `
          from jsp_geometry.consts import PI as jsp_PI
          import jsp_geometry.consts
          repr([jsp_PI, jsp_geometry.consts.E, jsp_geometry.area(3)])
        `);
      } finally {
        c.py.unregisterJsModule("jsp_geometry");
        py(c, "import sys\nfor k in ['jsp_geometry', 'jsp_geometry.consts']: sys.modules.pop(k, None)");
      }
    },
  },
  {
    name: "from jsmod import * takes every own property when there is no __all__",
    run: (c) => {
      c.py.registerJsModule("jsp_star1", { a: 2, b: 7, f: (x: number) => x + 1 });
      try {
        return py(c, `
          jsp_g = {}
          exec("from jsp_star1 import *", jsp_g)
          repr([sorted(k for k in jsp_g if k != "__builtins__"), jsp_g["a"], jsp_g["f"](9)])
        `);
      } finally {
        c.py.unregisterJsModule("jsp_star1");
        py(c, "import sys\nsys.modules.pop('jsp_star1', None)");
      }
    },
  },
  {
    name: "from jsmod import * honours __all__",
    run: (c) => {
      c.py.registerJsModule("jsp_star2", { a: 2, b: 7, __all__: c.py.toPy(["a"]) });
      try {
        return py(c, `
          jsp_g = {}
          exec("from jsp_star2 import *", jsp_g)
          repr(sorted(k for k in jsp_g if k != "__builtins__"))
        `);
      } finally {
        c.py.unregisterJsModule("jsp_star2");
        py(c, "import sys\nsys.modules.pop('jsp_star2', None)");
      }
    },
  },
  {
    name: "from jsmod import * works on a non-extensible object",
    run: (c) => {
      c.py.registerJsModule("jsp_star3", Object.preventExtensions({ aaa: 2, bbb: 7 }));
      try {
        return py(c, `
          jsp_g = {}
          exec("from jsp_star3 import *", jsp_g)
          repr([jsp_g["aaa"], jsp_g["bbb"]])
        `);
      } finally {
        c.py.unregisterJsModule("jsp_star3");
        py(c, "import sys\nsys.modules.pop('jsp_star3', None)");
      }
    },
  },
  {
    name: "setting an attribute of a registered module writes to the JS object",
    run: (c) => {
      const ns: any = { x: 3 };
      c.py.registerJsModule("jsp_ns", ns);
      try {
        py(c, "import jsp_ns\njsp_ns.y = 7");
        return [ns.x, ns.y];
      } finally {
        c.py.unregisterJsModule("jsp_ns");
        py(c, "import sys\nsys.modules.pop('jsp_ns', None)");
      }
    },
  },
  {
    name: "an unregistered JS module can no longer be imported",
    run: (c) => {
      c.py.registerJsModule("jsp_gone", { s: 7 });
      c.py.unregisterJsModule("jsp_gone");
      return py(c, "import jsp_gone");
    },
  },
  {
    name: "unregisterJsModule of an unknown name throws",
    run: (c) => c.py.unregisterJsModule("jsp_never_registered"),
  },
  {
    name: "dir() of a registered JS module lists the object's keys",
    run: (c) => {
      c.py.registerJsModule("jsp_dirmod", { x: 1, yy: 2 });
      try {
        return py(c, "import jsp_dirmod\nrepr([k in dir(jsp_dirmod) for k in ['x', 'yy', 'zz']])");
      } finally {
        c.py.unregisterJsModule("jsp_dirmod");
        py(c, "import sys\nsys.modules.pop('jsp_dirmod', None)");
      }
    },
  },
  {
    name: "register_js_module from Python makes a JsProxy importable",
    run: (c) =>
      withJs(c, { jsp_src: { v: 12 } }, `
        import sys
        from js import jsp_src
        from pyodide.ffi import register_js_module, unregister_js_module
        register_js_module("jsp_pymod", jsp_src)
        import jsp_pymod
        r = jsp_pymod.v
        unregister_js_module("jsp_pymod")
        sys.modules.pop("jsp_pymod", None)
        r
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Types: names and isinstance against pyodide.ffi's classes
  // ---------------------------------------------------------------------------------------------
  {
    name: "every JsProxy's type is named JsProxy",
    run: (c) =>
      py(c, `
        import js
        repr(sorted({type(x).__name__ for x in [js.Array.new(), js.Map.new(), js.Object.new(), js.Object, js.Uint8Array.new(2), js.Set.new()]}))
      `),
  },
  {
    name: "a JsProxy's type is shown as pyodide.ffi.JsProxy",
    run: (c) => py(c, "import js\nrepr(type(js.Object.new()))"),
  },
  {
    name: "pyodide.ffi exports the JsProxy classes",
    run: (c) =>
      py(c, `
        import pyodide.ffi
        names = ["JsProxy", "JsArray", "JsTypedArray", "JsBuffer", "JsMap", "JsMutableMap", "JsCallable",
                 "JsOnceCallable", "JsIterable", "JsIterator", "JsGenerator", "JsAsyncIterable", "JsAsyncIterator",
                 "JsAsyncGenerator", "JsPromise", "JsDoubleProxy", "JsCallableDoubleProxy", "JsException",
                 "JsWeakRef", "JsBigInt", "JsNull", "JsDomElement", "JsFetchResponse", "ConversionError", "InternalError"]
        repr([n for n in names if not hasattr(pyodide.ffi, n)])
      `),
  },
  {
    name: "every JS object proxy is an instance of JsProxy and a Python value is not",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsProxy
        repr([isinstance(js.Object.new(), JsProxy), isinstance(js.Array, JsProxy), isinstance(5, JsProxy), isinstance([], JsProxy)])
      `),
  },
  {
    name: "a JS Array is a JsArray and neither a JsMap, a JsBuffer nor a JsCallable",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsArray, JsMap, JsBuffer, JsCallable
        a = js.Array.new()
        repr([isinstance(a, JsArray), isinstance(a, JsMap), isinstance(a, JsBuffer), isinstance(a, JsCallable)])
      `),
  },
  {
    name: "a JsArray is a collections.abc MutableSequence",
    run: (c) =>
      py(c, `
        import js
        from collections.abc import MutableSequence, Sequence, Mapping
        a = js.Array.new()
        repr([isinstance(a, Sequence), isinstance(a, MutableSequence), isinstance(a, Mapping)])
      `),
  },
  {
    name: "a JS Map is a JsMap and a JsMutableMap",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsArray, JsMap, JsMutableMap
        from collections.abc import MutableMapping
        m = js.Map.new()
        repr([isinstance(m, JsMap), isinstance(m, JsMutableMap), isinstance(m, MutableMapping), isinstance(m, JsArray)])
      `),
  },
  {
    name: "a read-only map-like object is a JsMap but not a JsMutableMap",
    run: (c) =>
      withJs(c, { jsp_ro: { get: (k: any) => k, has: () => true, size: 1, *[Symbol.iterator]() { yield 1; } } }, `
        from js import jsp_ro
        from pyodide.ffi import JsMap, JsMutableMap
        repr([isinstance(jsp_ro, JsMap), isinstance(jsp_ro, JsMutableMap)])
      `),
  },
  {
    name: "a JS function is a JsCallable and a plain object is not",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsCallable
        repr([isinstance(js.Array, JsCallable), isinstance(js.Object.new(), JsCallable), callable(js.Array), callable(js.Object.new())])
      `),
  },
  {
    name: "an array iterator is a JsIterator and a JsIterable",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsIterator, JsIterable, JsGenerator
        it = js.Array.new().values()
        repr([isinstance(it, JsIterator), isinstance(it, JsIterable), isinstance(it, JsGenerator)])
      `),
  },
  {
    name: "a JS generator is a JsGenerator and a JsIterator, not async",
    run: (c) =>
      withJs(c, { jsp_gen: countTo3 }, `
        from js import jsp_gen
        from pyodide.ffi import JsGenerator, JsIterator, JsAsyncGenerator, JsAsyncIterator
        g = jsp_gen()
        repr([isinstance(g, JsGenerator), isinstance(g, JsIterator), isinstance(g, JsAsyncGenerator), isinstance(g, JsAsyncIterator)])
      `),
  },
  {
    name: "a JS async generator is a JsAsyncGenerator and not a JsIterator",
    run: (c) =>
      withJs(c, { jsp_agen: async function* () { yield 1; } }, `
        from js import jsp_agen
        from pyodide.ffi import JsGenerator, JsIterator, JsAsyncGenerator, JsAsyncIterator
        g = jsp_agen()
        repr([isinstance(g, JsAsyncGenerator), isinstance(g, JsAsyncIterator), isinstance(g, JsGenerator), isinstance(g, JsIterator)])
      `),
  },
  {
    name: "an object with only Symbol.asyncIterator is a JsAsyncIterable, not a JsIterable",
    run: (c) =>
      withJs(c, { jsp_ait: { [Symbol.asyncIterator]() { return (async function* () { yield 1; })(); } } }, `
        from js import jsp_ait
        from pyodide.ffi import JsAsyncIterable, JsIterable
        repr([isinstance(jsp_ait, JsAsyncIterable), isinstance(jsp_ait, JsIterable)])
      `),
  },
  {
    name: "a Promise read as an attribute is a JsPromise",
    run: (c) =>
      withJs(c, { jsp_holder: { p: Promise.resolve(1) } }, `
        from js import jsp_holder
        from pyodide.ffi import JsPromise
        repr([isinstance(jsp_holder.p, JsPromise), type(jsp_holder.p).__name__])
      `),
  },
  {
    name: "a typed array is a JsBuffer and a JsArray",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsArray, JsBuffer
        a = js.Uint8Array.new(3)
        repr([isinstance(a, JsBuffer), isinstance(a, JsArray)])
      `),
  },
  {
    name: "a typed array is a JsTypedArray and an Array is not",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsTypedArray
        repr([isinstance(js.Uint8Array.new(3), JsTypedArray), isinstance(js.Array.new(), JsTypedArray)])
      `),
  },
  {
    name: "an ArrayBuffer is a JsBuffer but not a JsArray",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsArray, JsBuffer
        b = js.ArrayBuffer.new(4)
        repr([isinstance(b, JsBuffer), isinstance(b, JsArray)])
      `),
  },
  {
    name: "a JS Error object is a JsException",
    run: (c) =>
      withJs(c, { jsp_err: new RangeError("too far") }, `
        from js import jsp_err
        from pyodide.ffi import JsException
        repr([isinstance(jsp_err, JsException), isinstance(jsp_err, Exception), jsp_err.name, jsp_err.message])
      `),
  },
  {
    name: "a JsException is also a JsProxy",
    run: (c) =>
      withJs(c, { jsp_f: () => { throw new Error("boom"); } }, `
        from js import jsp_f
        from pyodide.ffi import JsException, JsProxy
        try:
            jsp_f()
        except JsException as e:
            r = [isinstance(e, JsProxy), e.js_error is e or e.js_error == e, e.typeof]
        repr(r)
      `),
  },
  {
    name: "create_proxy gives a JsDoubleProxy",
    run: (c) =>
      py(c, `
        from pyodide.ffi import create_proxy, JsDoubleProxy, JsProxy
        p = create_proxy([1, 2])
        r = repr([isinstance(p, JsDoubleProxy), isinstance(p, JsProxy), p.unwrap()])
        p.destroy()
        r
      `),
  },
  {
    name: "create_proxy of a function is a callable JsDoubleProxy",
    run: (c) =>
      py(c, `
        from pyodide.ffi import create_proxy, JsCallable, JsDoubleProxy
        p = create_proxy(lambda x: x + 1)
        r = repr([isinstance(p, JsDoubleProxy), isinstance(p, JsCallable), p(1)])
        p.destroy()
        r
      `),
  },
  {
    name: "a plain object is not a JsDomElement",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsDomElement
        isinstance(js.Object.new(), JsDomElement)
      `),
  },
  {
    name: "JsProxy cannot be instantiated",
    run: (c) => py(c, "from pyodide.ffi import JsProxy\nJsProxy()"),
  },
  {
    name: "JsArray cannot be instantiated",
    run: (c) => py(c, "from pyodide.ffi import JsArray\nJsArray()"),
  },
  {
    name: "the type of a JsArray is a subclass of JsProxy and of JsArray",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import JsArray, JsProxy
        t = type(js.Array.new())
        repr([issubclass(t, JsProxy), issubclass(t, JsArray), issubclass(JsArray, t)])
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Attributes
  // ---------------------------------------------------------------------------------------------
  {
    name: "a missing attribute raises AttributeError",
    run: (c) => withJs(c, { jsp_o: { x: 1 } }, "from js import jsp_o\njsp_o.nope"),
  },
  {
    name: "an attribute that exists with value undefined is None",
    run: (c) => withJs(c, { jsp_o: { u: undefined } }, "from js import jsp_o\nrepr([jsp_o.u, hasattr(jsp_o, 'u')])"),
  },
  {
    name: "an attribute holding null is jsnull on Pyodide and None on ours",
    run: (c) => withJs(c, { jsp_o: { n: null } }, "from js import jsp_o\nrepr(jsp_o.n)"),
    policy: "nullToNone",
    expect: { pyodide: { value: "jsnull" }, ours: { value: "None" } },
  },
  {
    name: "setting an attribute from Python is seen by JS",
    run: (c) => {
      const o: any = {};
      withJs(c, { jsp_o: o }, "from js import jsp_o\njsp_o.a = 5\njsp_o.b = 'x'");
      return [o.a, o.b];
    },
  },
  {
    name: "del removes the JS property and hasattr turns false",
    run: (c) => {
      class Point {
        x: number;
        y: number;
        constructor(x: number, y: number) {
          this.x = x;
          this.y = y;
        }
      }
      const p = new Point(42, 43);
      const r = withJs(c, { jsp_pt: p }, "from js import jsp_pt\ndel jsp_pt.y\nrepr([hasattr(jsp_pt, 'y'), hasattr(jsp_pt, 'x')])");
      return [r, "y" in p];
    },
  },
  {
    name: "hasattr sees inherited JS properties",
    run: (c) => py(c, "import js\nrepr([hasattr(js.Array.new(), 'push'), hasattr(js.Array.new(), 'nope')])"),
  },
  {
    name: "a getter that throws raises JsException, not AttributeError",
    run: (c) =>
      withJs(c, { jsp_o: { get a() { throw new Error("oops"); } } }, `
        from js import jsp_o
        from pyodide.ffi import JsException
        try:
            jsp_o.a
        except AttributeError:
            r = "AttributeError"
        except JsException as e:
            r = "JsException " + str(e)
        r
      `),
  },
  {
    name: "an attribute is read even when the has trap denies it, and missing only when undefined and absent",
    run: (c) => {
      const vals: any = { a: 3, b: 7, c: undefined, d: undefined };
      const has: any = { a: true, b: false, c: true, d: false };
      const x = new Proxy({}, { get: (_t, k) => vals[k as string], has: (_t, k) => has[k as string] });
      return withJs(c, { jsp_x: x }, `
        from js import jsp_x
        r = [jsp_x.a, jsp_x.b, jsp_x.c]
        try:
            jsp_x.d
            r.append("no error")
        except AttributeError:
            r.append("AttributeError")
        repr(r)
      `);
    },
  },
  {
    name: "the typeof attribute is JS typeof, even over an own property of that name",
    run: (c) =>
      withJs(c, { jsp_o: { typeof: 7 }, jsp_f: () => 1 }, `
        import js
        from js import jsp_o, jsp_f
        repr([jsp_o.typeof, jsp_f.typeof, js.Array.typeof])
      `),
  },
  {
    name: "a Python keyword is reached with a trailing underscore",
    run: (c) =>
      withJs(c, { jsp_o: { async: 1, from: 2, None: 3, match: 4 } }, `
        from js import jsp_o
        repr([jsp_o.async_, jsp_o.from_, jsp_o.None_, jsp_o.match, getattr(jsp_o, "async")])
      `),
  },
  {
    name: "a name already ending in underscore gains one more underscore",
    run: (c) =>
      withJs(c, { jsp_o: { async: 1, async_: 2, async__: 3 } }, `
        from js import jsp_o
        repr([jsp_o.async_, jsp_o.async__, jsp_o.async___])
      `),
  },
  {
    name: "setting and deleting a keyword attribute with a trailing underscore",
    run: (c) => {
      const o: any = { async: 1 };
      const r = withJs(c, { jsp_o: o }, "from js import jsp_o\njsp_o.async_ = 2\njsp_o.await_ = 3\nrepr(jsp_o.async_)");
      const set = [o.async, o.await];
      withJs(c, { jsp_o: o }, "from js import jsp_o\ndel jsp_o.async_");
      return [r, set, "async" in o];
    },
  },
  {
    name: "dir() lists own and inherited keys, JsProxy members and no array indices",
    run: (c) =>
      withJs(c, { jsp_a: Object.assign([0, 1, 2], { abcd: 0, "α": 1 }) }, `
        from js import jsp_a
        d = dir(jsp_a)
        repr([k in d for k in ["abcd", "α", "push", "length", "constructor", "toString", "typeof", "to_py", "0", "2"]])
      `),
  },
  {
    name: "dir() of a function has __call__ and new, dir() of an object has not",
    run: (c) =>
      withJs(c, { jsp_o: { x: 2 }, jsp_f: function () {} }, `
        from js import jsp_o, jsp_f
        repr([["__call__" in dir(x), "new" in dir(x), "x" in dir(x)] for x in (jsp_o, jsp_f)])
      `),
  },
  {
    name: "dir() shows a keyword property with its trailing underscore",
    run: (c) =>
      withJs(c, { jsp_o: { async: 1, yield: 2 } }, `
        from js import jsp_o
        repr([k in dir(jsp_o) for k in ["async", "async_", "yield", "yield_"]])
      `),
  },
  {
    name: "dir() of a typed array lists the buffer methods",
    run: (c) =>
      py(c, `
        import js
        d = dir(js.Uint8Array.new(2))
        o = dir(js.Object.new())
        repr([[k in d for k in ["assign", "assign_to", "to_bytes", "to_memoryview", "to_string"]], [k in o for k in ["assign", "to_bytes"]]])
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Calls
  // ---------------------------------------------------------------------------------------------
  {
    name: "calling a JS function passes each positional argument",
    run: (c) =>
      withJs(c, { jsp_f: function (...args: unknown[]) { return args.length; } }, `
        from js import jsp_f
        repr([jsp_f(*range(n)) for n in range(5)])
      `),
  },
  {
    name: "keyword arguments reach a JS function as one trailing object",
    run: (c) =>
      withJs(c, { jsp_f: ({ a = 1, b = 1 }: any) => [a, b] }, "from js import jsp_f\nrepr(jsp_f(b=2, a=10).to_py())"),
  },
  {
    name: "keyword arguments come after the positional arguments",
    run: (c) =>
      withJs(c, { jsp_f: (...args: any[]) => JSON.stringify(args) }, "from js import jsp_f\njsp_f(1, 'two', x=3)"),
  },
  {
    name: "a call without keyword arguments passes no trailing object",
    run: (c) =>
      withJs(c, { jsp_f: (...args: any[]) => JSON.stringify(args) }, "from js import jsp_f\nrepr([jsp_f(1), jsp_f(1, **{}), jsp_f()])"),
  },
  {
    name: "a method call binds this to the object",
    run: (c) =>
      withJs(c, { jsp_o: { f() { return this; }, g({ x = 1, y = 1 }: any) { return [this, x, y]; } } }, `
        from js import jsp_o
        r = jsp_o.g(y=10, x=2)
        repr([jsp_o.f() == jsp_o, r[0] == jsp_o, r[1], r[2]])
      `),
  },
  {
    name: "a method read into a variable still has its object as this",
    run: (c) =>
      withJs(c, { jsp_o: { name: "o", f() { return this === undefined ? "undefined" : this.name; } } }, `
        from js import jsp_o
        m = jsp_o.f
        m()
      `),
  },
  {
    name: "a bare function is called with this undefined",
    run: (c) =>
      withJs(c, { jsp_mk: () => new Proxy(() => 1, { apply: (_t, thisArg) => thisArg === undefined }) }, "from js import jsp_mk\njsp_mk()()"),
  },
  {
    name: "a JS function stored on a Python class binds this to the instance",
    run: (c) =>
      withJs(c, { jsp_getter: function (this: any, k: string) { return this[k]; } }, `
        from js import jsp_getter
        class JspT:
            f = jsp_getter
        t = JspT()
        t.a = 7
        t.b = 66
        repr([t.f("a"), t.f("b"), t.f("c")])
      `),
  },
  {
    name: "new() constructs an instance of a JS class",
    run: (c) =>
      withJs(c, { jsp_C: class { x: number; constructor(x: number) { this.x = x * 2; } } }, `
        import js
        from js import jsp_C
        o = jsp_C.new(21)
        repr([o.x, js.Date.new(0).getTime(), js.Array.new(3).length])
      `),
  },
  {
    name: "new() passes keyword arguments as a trailing object",
    run: (c) =>
      withJs(c, { jsp_C: class { v: string; constructor(...args: any[]) { this.v = JSON.stringify(args); } } }, `
        from js import jsp_C
        jsp_C.new(1, a=2).v
      `),
  },
  {
    name: "a non-callable JsProxy has no new() and cannot be called",
    run: (c) =>
      withJs(c, { jsp_o: {} }, `
        from js import jsp_o
        r = [hasattr(jsp_o, "new")]
        try:
            jsp_o()
        except TypeError as e:
            r.append(str(e))
        repr(r)
      `),
  },
  {
    name: "a JS function's return value is converted to Python",
    run: (c) =>
      withJs(c, { jsp_f: (k: string) => ({ n: 1, s: "s", b: true, u: undefined, o: {} } as any)[k] }, `
        from js import jsp_f
        repr([type(jsp_f(k)).__name__ for k in ["n", "s", "b", "u", "o"]])
      `),
  },
  {
    name: "an error thrown by a JS function raises JsException",
    run: (c) =>
      withJs(c, { jsp_f: () => { throw new TypeError("bad thing"); } }, `
        from js import jsp_f
        from pyodide.ffi import JsException
        try:
            jsp_f()
        except JsException as e:
            r = [type(e).__name__, str(e), e.name, e.message]
        repr(r)
      `),
  },
  {
    name: "an uncaught JS error reaches JS as a PythonError of type JsException",
    run: (c) => withJs(c, { jsp_f: () => { throw new Error("hi"); } }, "from js import jsp_f\njsp_f()"),
  },
  {
    name: "a thrown string becomes an Error with that message",
    run: (c) =>
      withJs(c, { jsp_f: () => { throw "abc"; } }, `
        from js import jsp_f
        from pyodide.ffi import JsException
        try:
            jsp_f()
        except JsException as e:
            r = str(e)
        r
      `),
  },
  {
    name: "a JS Error object can be raised from Python",
    run: (c) =>
      withJs(c, { jsp_err: new Error("raised") }, `
        from js import jsp_err
        from pyodide.ffi import JsException
        try:
            raise jsp_err
        except JsException as e:
            r = [str(e), e is jsp_err, e == jsp_err]
        repr(r)
      `),
  },
  {
    name: "a JS error keeps its identity when it goes back to JS",
    run: (c) => {
      const err = new Error("same");
      return withJs(c, { jsp_err: err, jsp_check: (e: unknown) => e === err }, "from js import jsp_err, jsp_check\njsp_check(jsp_err)");
    },
  },
  {
    name: "a Python list passed to a JS function is destroyed when the call returns",
    run: (c) => {
      let kept: any;
      withJs(c, { jsp_keep: (x: any) => { kept = x; } }, "from js import jsp_keep\njsp_keep([1, 2])");
      try {
        return kept.length;
      } catch (e: any) {
        return `${e.constructor.name}: ${String(e.message).split("\n")[0]}`;
      }
    },
  },
  {
    name: "a create_proxy argument outlives the JS call",
    run: (c) => {
      let kept: any;
      const r = withJs(c, { jsp_keep: (x: any) => { kept = x; } }, `
        from js import jsp_keep
        from pyodide.ffi import create_proxy
        jsp_p = create_proxy([1, 2, 3])
        jsp_keep(jsp_p)
      `);
      const len = kept.length;
      py(c, "jsp_p.destroy()");
      return [r, len];
    },
  },
  {
    name: "a Python object passed through a JS function comes back as itself",
    run: (c) =>
      withJs(c, { jsp_id: (x: unknown) => x }, `
        from js import jsp_id
        l = [1, 2, 3]
        d = {"a": 1}
        repr([jsp_id(l) is l, jsp_id(d) is d])
      `),
  },
  {
    name: "a JsProxy passed back to JS is the original object",
    run: (c) => {
      const o = { a: 1 };
      return withJs(c, { jsp_o: o, jsp_same: (x: unknown) => x === o }, "from js import jsp_o, jsp_same\njsp_same(jsp_o)");
    },
  },
  {
    name: "a Python dict argument reaches JS as a PyProxy",
    run: (c) =>
      withJs(c, { jsp_f: (x: any) => [typeof x, x.type, x.get("k")] }, `
        from js import jsp_f
        jsp_f({"k": 5}).to_py()
      `).toString(),
  },
  {
    name: "a generator function's arguments live until the generator finishes",
    run: (c) =>
      withJs(c, { jsp_gen: function* (x: any) { yield 1; yield x.toString(); } }, `
        from js import jsp_gen
        g = jsp_gen({1, 2})
        repr([next(g), next(g)])
      `),
  },
  {
    name: "an async JS function's arguments live until its promise settles, then are destroyed",
    run: async (c) => {
      let kept: any;
      const r = await withJsAsync(c, {
        jsp_af: async (x: any) => {
          await new Promise((res) => setTimeout(res, 5));
          kept = x;
          return x.length;
        },
      }, "from js import jsp_af\nawait jsp_af([1, 2, 3])");
      try {
        return [r, kept.length];
      } catch (e: any) {
        return [r, `${e.constructor.name}: ${String(e.message).split("\n")[0]}`];
      }
    },
  },
  {
    name: "calling an async JS function gives an awaitable whose result is the value",
    run: (c) =>
      withJsAsync(c, { jsp_af: async (x: number) => x + 1 }, `
        from js import jsp_af
        fut = jsp_af(41)
        [type(fut).__name__, await fut]
      `).then((r: any) => {
        const out = r.toJs();
        r.destroy();
        return out;
      }),
  },
  {
    name: "a Python callable passed to a JS function can be called by it",
    run: (c) =>
      withJs(c, { jsp_apply: (f: any, x: number) => f(x) }, `
        from js import jsp_apply
        jsp_apply(lambda v: v * 3, 14)
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Equality, identity, hashing, ordering, truth
  // ---------------------------------------------------------------------------------------------
  {
    name: "two proxies of the same JS object are == but not is",
    run: (c) =>
      withJs(c, { jsp_o: {} }, `
        import js
        a = js.jsp_o
        b = js.jsp_o
        repr([a == b, a is b, a != b])
      `),
  },
  {
    name: "proxies of different JS objects are !=",
    run: (c) => withJs(c, { jsp_a: {}, jsp_b: {} }, "from js import jsp_a, jsp_b\nrepr([jsp_a == jsp_b, jsp_a != jsp_b])"),
  },
  {
    name: "a JsProxy compared with a Python value is unequal",
    run: (c) => withJs(c, { jsp_m: new Map() }, "from js import jsp_m\nrepr([jsp_m == 'foo', jsp_m != 'foo', jsp_m == jsp_m])"),
  },
  {
    name: "js_id is the same for the same JS object and differs for another",
    run: (c) =>
      withJs(c, { jsp_list: (() => { const a = {}; return [a, a, {}]; })() }, `
        from js import jsp_list
        x, y, z = jsp_list
        repr([x.js_id == y.js_id, x is y, x.js_id == z.js_id, type(x.js_id).__name__])
      `),
  },
  {
    name: "a JsProxy is not hashable",
    run: (c) => withJs(c, { jsp_o: {} }, "from js import jsp_o\nhash(jsp_o)"),
  },
  {
    name: "< and > on JsProxies use JS relational comparison",
    run: (c) =>
      withJs(c, { jsp_d1: new Date(1000), jsp_d2: new Date(2000) }, `
        from js import jsp_d1, jsp_d2
        repr([jsp_d1 < jsp_d2, jsp_d1 > jsp_d2, jsp_d1 <= jsp_d1, jsp_d2 >= jsp_d1])
      `),
  },
  {
    name: "bool() of an empty JS object is True",
    run: (c) => withJs(c, { jsp_a: {}, jsp_b: { a: 1 } }, "from js import jsp_a, jsp_b\nrepr([bool(jsp_a), bool(jsp_b)])"),
  },
  {
    name: "bool() of a JS array is False only when it is empty",
    run: (c) => withJs(c, { jsp_a: [], jsp_b: [1] }, "from js import jsp_a, jsp_b\nrepr([bool(jsp_a), bool(jsp_b)])"),
  },
  {
    name: "bool() of a Map or Set is False only when it is empty",
    run: (c) =>
      withJs(c, { jsp_l: [new Map(), new Map([[0, 0]]), new Set(), new Set([0])] }, `
        from js import jsp_l
        repr([bool(x) for x in jsp_l])
      `),
  },
  {
    name: "bool() of a typed array or ArrayBuffer is False only when it has no bytes",
    run: (c) =>
      withJs(c, { jsp_l: [new Uint8Array(0), new Uint8Array(1), new ArrayBuffer(0), new ArrayBuffer(1)] }, `
        from js import jsp_l
        repr([bool(x) for x in jsp_l])
      `),
  },
  {
    name: "bool() of a function, a class and a class instance is True",
    run: (c) => {
      class T {}
      return withJs(c, { jsp_l: [() => 0, T, new T()] }, "from js import jsp_l\nrepr([bool(x) for x in jsp_l])");
    },
  },

  // ---------------------------------------------------------------------------------------------
  // str / repr
  // ---------------------------------------------------------------------------------------------
  {
    name: "repr() of a plain object is [object Object]",
    run: (c) => withJs(c, { jsp_o: { a: 1 } }, "from js import jsp_o\nrepr(jsp_o)"),
  },
  {
    name: "str() of an array is its toString()",
    run: (c) => withJs(c, { jsp_a: [1, 2, 3] }, "from js import jsp_a\nrepr([str(jsp_a), repr(jsp_a)])"),
  },
  {
    name: "str() uses a custom toString method",
    run: (c) => withJs(c, { jsp_o: { toString: () => "custom!" } }, "from js import jsp_o\nrepr([str(jsp_o), repr(jsp_o)])"),
  },
  {
    name: "str() of an object without prototype is [object Object]",
    run: (c) => withJs(c, { jsp_o: Object.create(null) }, "from js import jsp_o\nstr(jsp_o)"),
  },
  {
    name: "str() of a JS function is its source text",
    run: (c) => py(c, "import js, re\nre.sub(r'\\s+', ' ', str(js.Array))"),
  },
  {
    name: "str() lets an error thrown by toString out",
    run: (c) =>
      withJs(c, { jsp_o: { toString() { throw new Error("hi!"); } } }, `
        from js import jsp_o
        from pyodide.ffi import JsException
        try:
            r = "no error: " + str(jsp_o)
        except JsException as e:
            r = "JsException: " + str(e)
        r
      `),
  },
  {
    name: "str() falls back to the toStringTag when reading toString throws",
    run: (c) =>
      withJs(c, { jsp_o: { get toString() { throw new Error(); }, [Symbol.toStringTag]: "SomeTag" } }, `
        from js import jsp_o
        str(jsp_o)
      `),
  },
  {
    name: "str() of a JS Error is Name: message",
    run: (c) => withJs(c, { jsp_e: new TypeError("nope") }, "from js import jsp_e\nrepr([str(jsp_e), repr(jsp_e)])"),
  },
  {
    name: "print() of a JsProxy writes its toString",
    run: (c) => {
      withJs(c, { jsp_a: [1, 2, 3], jsp_o: { a: 1 } }, "from js import jsp_a, jsp_o\nprint(jsp_a, jsp_o)");
      return [...c.stdout];
    },
  },
  {
    name: "a JS symbol is a JsProxy with typeof symbol and its description as str",
    run: (c) =>
      withJs(c, { jsp_sym: Symbol("tag") }, `
        from js import jsp_sym
        repr([type(jsp_sym).__name__, jsp_sym.typeof, str(jsp_sym)])
      `),
  },
  {
    name: "a revoked Proxy passes back to JS but str() of it raises JsException",
    run: (c) => {
      const p = Proxy.revocable({}, {});
      p.revoke();
      return withJs(c, { jsp_rev: p.proxy, jsp_id: (x: unknown) => x === p.proxy }, `
        from js import jsp_rev, jsp_id
        from pyodide.ffi import JsException
        r = [jsp_id(jsp_rev)]
        try:
            str(jsp_rev)
            r.append("no error")
        except JsException as e:
            r.append("revoked" in str(e))
        repr(r)
      `);
    },
  },

  // ---------------------------------------------------------------------------------------------
  // len, in, iteration
  // ---------------------------------------------------------------------------------------------
  {
    name: "len() of a JsArray is its length",
    run: (c) => withJs(c, { jsp_a: [1, 2, 3, 4] }, "from js import jsp_a\nlen(jsp_a)"),
  },
  {
    name: "len() of a Map or Set is its size",
    run: (c) => withJs(c, { jsp_m: new Map([[1, 2]]), jsp_s: new Set([1, 2, 3]) }, "from js import jsp_m, jsp_s\nrepr([len(jsp_m), len(jsp_s)])"),
  },
  {
    name: "len() prefers size over length",
    run: (c) => withJs(c, { jsp_a: { length: 7, size: 10 }, jsp_b: { length: 7 } }, "from js import jsp_a, jsp_b\nrepr([len(jsp_a), len(jsp_b)])"),
  },
  {
    name: "len() of an object without length or size raises TypeError",
    run: (c) => withJs(c, { jsp_o: { a: 1 } }, "from js import jsp_o\nlen(jsp_o)"),
  },
  {
    name: "len() of an object with a negative length raises ValueError",
    run: (c) => withJs(c, { jsp_o: { length: -1 } }, "from js import jsp_o\nlen(jsp_o)"),
  },
  {
    name: "len() of an object with a length beyond INT_MAX raises OverflowError",
    run: (c) => withJs(c, { jsp_o: { length: 2 ** 31 } }, "from js import jsp_o\nlen(jsp_o)"),
  },
  {
    name: "in on a JsArray uses includes",
    run: (c) => withJs(c, { jsp_a: [1, "a", NaN] }, "from js import jsp_a\nrepr([1 in jsp_a, 'a' in jsp_a, 2 in jsp_a, float('nan') in jsp_a])"),
  },
  {
    name: "in on a Map tests its keys with has",
    run: (c) => withJs(c, { jsp_m: new Map([["x", 42]]) }, "from js import jsp_m\nrepr(['x' in jsp_m, 42 in jsp_m])"),
  },
  {
    name: "in prefers has over includes",
    run: (c) =>
      withJs(c, {
        jsp_h: { has: (x: any) => typeof x === "string" && x.startsWith("x") },
        jsp_i: { includes: (x: any) => typeof x === "string" && x.startsWith("a") },
        jsp_hi: { has: (x: any) => typeof x === "string" && x.startsWith("x"), includes: (x: any) => typeof x === "string" && x.startsWith("a") },
      }, `
        from js import jsp_h, jsp_i, jsp_hi
        repr([[n in o for n in ["x9", "a9"]] for o in (jsp_h, jsp_i, jsp_hi)])
      `),
  },
  {
    name: "in on an object without has, includes or iterator raises TypeError",
    run: (c) => withJs(c, { jsp_o: { a: 1 } }, "from js import jsp_o\n'a' in jsp_o"),
  },
  {
    name: "iterating a JsArray gives its items",
    run: (c) => withJs(c, { jsp_a: [1, "b", 3.5] }, "from js import jsp_a\nrepr([list(jsp_a), [*jsp_a], list(jsp_a.values())])"),
  },
  {
    name: "iterating a Map gives its keys",
    run: (c) => withJs(c, { jsp_m: new Map<any, any>([["a", 1], [2, "b"]]) }, "from js import jsp_m\nrepr(list(jsp_m))"),
  },
  {
    name: "iterating a Set gives its members",
    run: (c) => withJs(c, { jsp_s: new Set([3, 1, 2]) }, "from js import jsp_s\nrepr(list(jsp_s))"),
  },
  {
    name: "entries() of a Map gives JS pairs",
    run: (c) => withJs(c, { jsp_m: new Map([[1, 6], [2, 5]]) }, "from js import jsp_m\nrepr([x.to_py() for x in jsp_m.entries()])"),
  },
  {
    name: "an object with only next() is iterated until done",
    run: (c) => {
      let i = 0;
      const it = { next: () => (i < 3 ? { value: ++i, done: false } : { value: undefined, done: true }) };
      return withJs(c, { jsp_it: it }, "from js import jsp_it\nrepr(list(jsp_it))");
    },
  },
  {
    name: "iterating an object with a generator Symbol.iterator",
    run: (c) => withJs(c, { jsp_o: { *[Symbol.iterator]() { yield 3; yield 5; yield 7; } } }, "from js import jsp_o\nrepr(list(iter(jsp_o)))"),
  },
  {
    name: "iter() of a non-iterable JsProxy raises TypeError",
    run: (c) => withJs(c, { jsp_o: { a: 1 } }, "from js import jsp_o\niter(jsp_o)"),
  },
  {
    name: "iter() of an async-only iterable raises TypeError",
    run: (c) =>
      withJs(c, { jsp_o: { [Symbol.asyncIterator]() { return (async function* () { yield 1; })(); } } }, "from js import jsp_o\niter(jsp_o)"),
  },
  {
    name: "next() through a JS iterator and StopIteration at the end",
    run: (c) =>
      withJs(c, { jsp_a: [1, 2] }, `
        from js import jsp_a
        it = iter(jsp_a)
        r = [next(it), next(it)]
        try:
            next(it)
        except StopIteration:
            r.append("stop")
        repr(r)
      `),
  },
  {
    name: "an iterator whose next() returns a non-object raises TypeError",
    run: (c) => withJs(c, { jsp_it: { next: () => 2 } }, "from js import jsp_it\nnext(jsp_it)"),
  },
  {
    name: "an iterator whose next() result has no done raises TypeError",
    run: (c) => withJs(c, { jsp_it: { next: () => ({}) } }, "from js import jsp_it\njsp_it.send(None)"),
  },
  {
    name: "an iterator whose next() returns a promise raises TypeError",
    run: (c) => withJs(c, { jsp_it: { next: () => Promise.resolve(2) } }, "from js import jsp_it\njsp_it.send(None)"),
  },
  {
    name: "methods deleted on the JS side after proxying raise JsException or TypeError",
    run: (c) => {
      const o: any = { next() {}, length: 1, get() {}, set() {}, has() {} };
      return withJs(c, { jsp_o: o, jsp_strip: () => { for (const k of Object.keys(o)) delete o[k]; } }, `
        from js import jsp_o, jsp_strip
        from pyodide.ffi import JsException
        jsp_strip()
        r = []
        for op in (lambda: next(jsp_o), lambda: len(jsp_o), lambda: jsp_o[0], lambda: jsp_o.__setitem__(0, 7)):
            try:
                op()
                r.append("no error")
            except JsException as e:
                r.append(["JsException", "is not a function" in str(e)])
            except TypeError as e:
                r.append(["TypeError", str(e)])
        repr(r)
      `);
    },
  },
  {
    name: "send() on a JS generator passes the value in",
    run: (c) =>
      withJs(c, { jsp_gen: function* () { let n: any = 0; for (let i = 0; i < 3; i++) n = yield n + 2; } }, `
        from js import jsp_gen
        g = jsp_gen()
        r = [g.send(None), g.send(2), g.send(3)]
        try:
            g.send(4)
        except StopIteration:
            r.append("stop")
        repr(r)
      `),
  },
  {
    name: "throw(type, value) into a JS generator",
    run: (c) =>
      withJs(c, { jsp_gen: function* () { try { yield 1; } finally { yield 2; } } }, `
        from js import jsp_gen
        g = jsp_gen()
        r = [next(g), g.throw(TypeError, "hi")]
        try:
            next(g)
        except TypeError as e:
            r.append("TypeError " + str(e))
        repr(r)
      `),
  },
  {
    name: "the return value of a JS generator is StopIteration.value",
    run: (c) =>
      withJs(c, { jsp_gen: function* () { yield 1; return "done"; } }, `
        from js import jsp_gen
        g = jsp_gen()
        next(g)
        try:
            next(g)
        except StopIteration as e:
            r = e.value
        r
      `),
  },
  {
    name: "throw() into a JS generator raises the exception out of the next step",
    run: (c) =>
      withJs(c, { jsp_gen: function* () { try { yield 1; } finally { yield 2; } } }, `
        from js import jsp_gen
        g = jsp_gen()
        r = [next(g), g.throw(TypeError("hi"))]
        try:
            next(g)
        except TypeError as e:
            r.append("TypeError " + str(e))
        repr(r)
      `),
  },
  {
    name: "close() on a JS generator that yields again raises RuntimeError",
    run: (c) =>
      withJs(c, { jsp_gen: function* () { try { yield 1; } finally { yield 2; } } }, `
        from js import jsp_gen
        g = jsp_gen()
        next(g)
        g.close()
      `),
  },
  {
    name: "close() on a JS generator runs its finally block",
    run: (c) => {
      const log: string[] = [];
      const r = withJs(c, { jsp_gen: function* () { try { yield 1; yield 2; } finally { log.push("finally"); } } }, `
        from js import jsp_gen
        g = jsp_gen()
        next(g)
        repr(g.close())
      `);
      return [r, log];
    },
  },
  {
    name: "reversed() of a JsArray and of a typed array",
    run: (c) =>
      withJs(c, { jsp_a: [5, 7, 9, -1], jsp_t: new Int8Array([5, 7, 9, -1]) }, "from js import jsp_a, jsp_t\nrepr([list(reversed(jsp_a)), list(reversed(jsp_t))])"),
  },
  {
    name: "async for over a JS async generator",
    run: (c) =>
      withJsAsync(c, { jsp_agen: async function* () { yield 2; yield 3; return 7; } }, `
        from js import jsp_agen
        r = []
        async for x in jsp_agen():
            r.append(x)
        repr(r)
      `),
  },
  {
    name: "anext() on an exhausted JS async generator raises StopAsyncIteration",
    run: (c) =>
      withJsAsync(c, { jsp_agen: async function* () { yield 2; } }, `
        from js import jsp_agen
        g = jsp_agen()
        r = [await anext(g)]
        try:
            await anext(g)
        except StopAsyncIteration:
            r.append("stop")
        repr(r)
      `),
  },
  {
    name: "asend() on a JS async generator passes the value in",
    run: (c) =>
      withJsAsync(c, { jsp_agen: async function* () { let n: any = 0; for (let i = 0; i < 3; i++) n = yield n + 2; } }, `
        from js import jsp_agen
        g = jsp_agen()
        repr([await g.asend(None), await g.asend(2), await g.asend(3)])
      `),
  },
  {
    name: "aiter() of an async iterable object",
    run: (c) =>
      withJsAsync(c, { jsp_o: { [Symbol.asyncIterator]() { return (async function* () { yield 1; yield 2; })(); } } }, `
        from js import jsp_o
        it = aiter(jsp_o)
        repr([await anext(it), await anext(it)])
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Arrays: subscripting and the list methods
  // ---------------------------------------------------------------------------------------------
  {
    name: "indexing a JsArray, with negative indices",
    run: (c) => withJs(c, { jsp_a: [10, 20, 30] }, "from js import jsp_a\nrepr([jsp_a[0], jsp_a[2], jsp_a[-1], jsp_a[-3]])"),
  },
  {
    name: "an index past the end of a JsArray raises IndexError",
    run: (c) => withJs(c, { jsp_a: [10, 20, 30] }, "from js import jsp_a\njsp_a[3]"),
  },
  {
    name: "a negative index before the start of a JsArray raises IndexError",
    run: (c) => withJs(c, { jsp_a: [10, 20, 30] }, "from js import jsp_a\njsp_a[-4]"),
  },
  {
    name: "a hole in a JsArray raises IndexError and to_py() gives None",
    run: (c) =>
      withJs(c, { jsp_a: [1, , 2] }, `
        from js import jsp_a
        try:
            jsp_a[1]
            r = ["no error"]
        except IndexError:
            r = ["IndexError"]
        r.append(jsp_a.to_py())
        repr(r)
      `),
  },
  {
    name: "a non-integer index on a JsArray raises TypeError",
    run: (c) => withJs(c, { jsp_a: [1, 2] }, "from js import jsp_a\njsp_a['0']"),
  },
  {
    name: "JsArray indices: bool, int subclasses by value, __index__, and the TypeError's type name",
    run: (c) =>
      withJs(c, { jsp_a: [10, 20, 30], jsp_o: {} }, `
        from js import jsp_a, jsp_o
        class I:
            def __index__(self): return -1
        class J(int):
            def __index__(self): return 2
        class K:
            def __index__(self): return "x"
        def t(f):
            try:
                return repr(f())
            except Exception as e:
                return f"{type(e).__name__}: {e}"
        repr([t(lambda: jsp_a[k]) for k in (True, False, I(), J(0), K(), 1.5, None, jsp_o, [1])])
      `),
  },
  {
    name: "a JS Array with name, message and stack is an error, one with next an iterator, as any object",
    run: (c) =>
      withJs(c, {}, `
        import js
        c = js.eval("Object.assign([1, 2], { name: 'n', message: 'm', stack: 's' })")
        b = js.eval("Object.assign([1, 2], { next: () => ({ done: true }) })")
        repr([type(c).__name__, type(b).__name__, list(b)])
      `),
  },
  {
    name: "len() of a JS Array that is also an error (a JsException)",
    run: (c) => withJs(c, {}, "import js\nc = js.eval(\"Object.assign([1, 2], { name: 'n', message: 'm', stack: 's' })\")\nrepr(len(c))"),
    known: "our JsException holds a JsProxy of the error and passes attribute access on to it, but not len(), indexing or iteration",
  },
  {
    name: "in on a JS Array with its own has method calls has",
    run: (c) => withJs(c, { jsp_a: Object.assign([1, 2], { has: (x: unknown) => x === 9 }) }, "from js import jsp_a\nrepr([9 in jsp_a, 1 in jsp_a])"),
  },
  {
    name: "a JsArray index too large for Py_ssize_t raises IndexError, not a lookup",
    run: (c) =>
      withJs(c, { jsp_a: [10, 20, 30] }, `
        from js import jsp_a
        def t(f):
            try:
                return repr(f())
            except Exception as e:
                return f"{type(e).__name__}: {e}"
        repr([t(lambda: jsp_a[i]) for i in (2**31 - 1, 2**31, 2**32, 2**70, -2**31, -2**70)])
      `),
  },
  {
    name: "len, indexing and in on array-likes and typed arrays, through the class's dunders too",
    run: (c) => {
      const args = (function (..._a: unknown[]) {
        return arguments;
      })(1, "b", 3);
      return withJs(c, { jsp_args: args, jsp_t: new Float64Array([1.5, 2.5]), jsp_a: [1, 2] }, `
        from js import jsp_args, jsp_t, jsp_a
        def t(f):
            try:
                return repr(f())
            except Exception as e:
                return f"{type(e).__name__}: {e}"
        repr([len(jsp_args), jsp_args[-1], "b" in jsp_args, 4 in jsp_args, list(jsp_args[:2]),
              len(jsp_t), jsp_t[-1], 2.5 in jsp_t, t(lambda: jsp_t[-3]), t(lambda: jsp_t[::2]),
              type(jsp_a).__getitem__(jsp_a, -1), type(jsp_a).__len__(jsp_a), type(jsp_a).__contains__(jsp_a, 2),
              jsp_a.__getitem__(0), [x for x in reversed(jsp_a)], jsp_a.index(2), jsp_a.count(1)])
      `);
    },
  },
  {
    name: "a slice of a JsArray is a new JsArray",
    run: (c) =>
      withJs(c, { jsp_a: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, `
        from js import jsp_a
        from pyodide.ffi import JsArray
        s = jsp_a[2:5]
        repr([isinstance(s, JsArray), s.to_py(), jsp_a[::-1].to_py(), jsp_a[-1:12].to_py(), jsp_a[12:-1:-2].to_py(), jsp_a[1::3].to_py()])
      `),
  },
  {
    name: "assigning to a JsArray index sets the JS element",
    run: (c) => {
      const a = [1, 2, 3];
      withJs(c, { jsp_a: a }, "from js import jsp_a\njsp_a[0] = 'x'\njsp_a[-1] = 9");
      return a;
    },
  },
  {
    name: "assigning past the end of a JsArray sets the JS element there",
    run: (c) => {
      const a = [1, 2, 3];
      withJs(c, { jsp_a: a }, "from js import jsp_a\njsp_a[5] = 1");
      return [a.length, a[5], 4 in a];
    },
  },
  {
    name: "del of a JsArray item removes it",
    run: (c) => {
      const a = [1, 2, 3, 4];
      withJs(c, { jsp_a: a }, "from js import jsp_a\ndel jsp_a[1]\ndel jsp_a[-1]");
      return a;
    },
  },
  {
    name: "del of a JsArray slice removes those items",
    run: (c) => {
      const a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      withJs(c, { jsp_a: a }, "from js import jsp_a\ndel jsp_a[1:3]\ndel jsp_a[::3]");
      return a;
    },
  },
  {
    name: "slice assignment on a JsArray replaces a range",
    run: (c) => {
      const a = [0, 1, 2, 3, 4, 5];
      withJs(c, { jsp_a: a }, "from js import jsp_a\njsp_a[1:3] = [7, 8, 9]\njsp_a[::2] = [-1, -2, -3, -4]");
      return a;
    },
  },
  {
    name: "extended slice assignment of the wrong size raises ValueError as a list does",
    run: (c) => withJs(c, { jsp_a: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, "from js import jsp_a\njsp_a[0:4:2] = [1, 2, 3, 4]"),
  },
  {
    name: "slice assignment of a non-iterable raises TypeError as a list does",
    run: (c) => withJs(c, { jsp_a: [0, 1, 2] }, "from js import jsp_a\njsp_a[:] = 1"),
  },
  {
    name: "append, extend and insert on a JsArray",
    run: (c) => {
      const a: any[] = [5, 7];
      withJs(c, { jsp_a: a }, "from js import jsp_a\njsp_a.append(1)\njsp_a.extend([2, 3])\njsp_a.insert(1, 66)\njsp_a.insert(-1, 97)");
      return a;
    },
  },
  {
    name: "pop on a JsArray, with and without an index",
    run: (c) => withJs(c, { jsp_a: [1, 2, 3] }, "from js import jsp_a\nrepr([jsp_a.pop(), jsp_a.pop(0), jsp_a.to_py()])"),
  },
  {
    name: "pop on an empty JsArray raises IndexError",
    run: (c) => withJs(c, { jsp_a: [] }, "from js import jsp_a\njsp_a.pop()"),
  },
  {
    name: "index and count on a JsArray",
    run: (c) =>
      withJs(c, { jsp_a: [5, 7, 9, -1, 3, 5] }, "from js import jsp_a\nrepr([jsp_a.index(5), jsp_a.index(5, 1), jsp_a.count(5), jsp_a.count(1)])"),
  },
  {
    name: "index of a missing value raises ValueError is not in list",
    run: (c) => withJs(c, { jsp_a: [5, 7, 9, -1, 3, 5] }, "from js import jsp_a\njsp_a.index(5, 1, -1)"),
  },
  {
    name: "remove on a JsArray removes the first match",
    run: (c) => {
      const a = [5, 7, 5];
      const r = withJs(c, { jsp_a: a }, `
        from js import jsp_a
        jsp_a.remove(5)
        try:
            jsp_a.remove(78)
        except ValueError as e:
            r = str(e)
        r
      `);
      return [r, a];
    },
  },
  {
    name: "reverse on a JsArray reverses it in place",
    run: (c) => {
      const a = [1, 2, 3];
      withJs(c, { jsp_a: a }, "from js import jsp_a\njsp_a.reverse()");
      return a;
    },
  },
  {
    name: "+ and * on a JsArray give new JsArrays",
    run: (c) =>
      withJs(c, { jsp_a: [1, 2] }, `
        from js import jsp_a
        from pyodide.ffi import JsArray
        s = jsp_a + [3]
        m = jsp_a * 2
        repr([isinstance(s, JsArray), s.to_py(), m.to_py(), (jsp_a * 0).to_py(), jsp_a.to_py()])
      `),
  },
  {
    name: "+= and *= on a JsArray extend it in place",
    run: (c) => {
      const a = [1, 2];
      const r = withJs(c, { jsp_a: a }, "from js import jsp_a\nb = jsp_a\nb += [3]\nb *= 2\nb is jsp_a");
      return [r, a];
    },
  },
  {
    name: "a JsArray matches a sequence pattern",
    run: (c) =>
      withJs(c, { jsp_a: [1, 2, 3, 4] }, `
        from js import jsp_a
        match jsp_a:
            case [x, y, *rest]:
                r = [x, y, rest]
            case _:
                r = "no match"
        repr(r)
      `),
  },
  {
    name: "a JsArray hides keys so dict() of an array of pairs works",
    run: (c) =>
      withJs(c, { jsp_pairs: [["a", 1], ["b", 2]] }, `
        from js import jsp_pairs
        repr([hasattr(jsp_pairs, "keys"), dict(jsp_pairs)])
      `),
  },
  {
    name: "an array-like with length and an iterator is a read-only sequence",
    run: (c) => {
      const al = Object.create({ [Symbol.iterator]: Array.prototype[Symbol.iterator] }, Object.getOwnPropertyDescriptors([77, 65, 23]));
      return withJs(c, { jsp_al: al }, `
        from js import jsp_al
        from pyodide.ffi import JsArray
        r = [isinstance(jsp_al, JsArray), len(jsp_al), jsp_al[0], jsp_al[-1], list(jsp_al[1:])]
        try:
            jsp_al[0] = 1
        except TypeError as e:
            r.append(str(e))
        repr(r)
      `);
    },
  },

  // ---------------------------------------------------------------------------------------------
  // Maps and map-likes
  // ---------------------------------------------------------------------------------------------
  {
    name: "subscripting a Map reads with get",
    run: (c) => withJs(c, { jsp_m: new Map<any, any>([["x", 42], [1, "one"]]) }, "from js import jsp_m\nrepr([jsp_m['x'], jsp_m[1]])"),
  },
  {
    name: "a missing Map key raises KeyError",
    run: (c) => withJs(c, { jsp_m: new Map([["x", 42]]) }, "from js import jsp_m\njsp_m['y']"),
  },
  {
    name: "a Map key whose value is undefined is present and None",
    run: (c) => withJs(c, { jsp_m: new Map([["u", undefined]]) }, "from js import jsp_m\nrepr([jsp_m['u'], 'u' in jsp_m])"),
  },
  {
    name: "item assignment and del on a Map use set and delete",
    run: (c) => {
      const m = new Map<any, any>([["x", 42], ["y", 43]]);
      withJs(c, { jsp_m: m }, "from js import jsp_m\njsp_m['z'] = 1\njsp_m[2] = 'two'\ndel jsp_m['y']");
      return m;
    },
  },
  {
    name: "del of a missing Map key raises KeyError",
    run: (c) => withJs(c, { jsp_m: new Map([["x", 42]]) }, "from js import jsp_m\ndel jsp_m['y']"),
  },
  {
    name: "get, keys, values and items on a Map",
    run: (c) =>
      withJs(c, { jsp_m: new Map([[1, 2], [3, 4]]) }, `
        from js import jsp_m
        repr([jsp_m.get(1, 7), jsp_m.get(2, 7), jsp_m.get(2), sorted(jsp_m.keys()), sorted(jsp_m.values()),
              sorted(jsp_m.items()), 1 in jsp_m.keys(), (1, 2) in jsp_m.items(), sorted(jsp_m.keys() | {2})])
      `),
  },
  {
    name: "pop, setdefault, update and clear on a Map",
    run: (c) =>
      withJs(c, { jsp_m: new Map<any, any>([[1, 2], [3, 4]]) }, `
        from js import jsp_m
        r = [jsp_m.pop(1), jsp_m.pop(1, 7), jsp_m.setdefault(1, 8), jsp_m.setdefault(3, 8), jsp_m.setdefault(4)]
        jsp_m.update({6: 7}, a=10)
        r.append(dict(jsp_m))
        jsp_m.clear()
        r.append(dict(jsp_m))
        repr(r)
      `),
  },
  {
    name: "dict() of a Map copies its entries",
    run: (c) => withJs(c, { jsp_m: new Map<any, any>([["a", 1], [2, [3]]]) }, "from js import jsp_m\nd = dict(jsp_m)\nrepr([type(d).__name__, sorted(map(str, d)), d['a']])"),
  },
  {
    name: "a Map matches a mapping pattern",
    run: (c) =>
      withJs(c, { jsp_m: new Map([[1, 2], [3, 4]]) }, `
        from js import jsp_m
        match jsp_m:
            case {1: x, 3: y}:
                r = [x, y]
            case _:
                r = "no match"
        repr(r)
      `),
  },
  {
    name: "an object with get but no has answers KeyError only when has says no",
    run: (c) =>
      withJs(c, { jsp_b: { has: () => false, get: () => undefined, set: () => false, delete: () => false, size: 0 } }, `
        from js import jsp_b
        r = []
        for op in (lambda: jsp_b[0], lambda: jsp_b.__delitem__(0)):
            try:
                op()
                r.append("no error")
            except KeyError:
                r.append("KeyError")
        repr(r)
      `),
  },
  {
    name: "subscripting an object with get uses it",
    run: (c) => withJs(c, { jsp_g: { get: (x: any) => x * 2 } }, "from js import jsp_g\nrepr([jsp_g[10], jsp_g[11]])"),
  },
  {
    name: "subscripting a plain object raises TypeError",
    run: (c) => withJs(c, { jsp_o: { a: 1 } }, "from js import jsp_o\njsp_o['a']"),
  },
  {
    name: "item assignment on a plain object raises TypeError",
    run: (c) => withJs(c, { jsp_o: { a: 1 } }, "from js import jsp_o\njsp_o['a'] = 2"),
  },
  {
    name: "hasattr of the Python protocol methods follows the JS capabilities",
    run: (c) =>
      withJs(c, {
        jsp_l: [
          { [Symbol.iterator]() {} },
          { next() {} },
          { length: 1 },
          { get() {} },
          { set() {} },
          { has() {} },
          { then() {} },
        ],
      }, `
        from js import jsp_l
        ms = ["__iter__", "__next__", "__len__", "__getitem__", "__setitem__", "__contains__", "__await__"]
        repr([[m for m in ms if hasattr(o, m)] for o in jsp_l])
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Typed arrays and buffers
  // ---------------------------------------------------------------------------------------------
  {
    name: "indexing and assigning a typed array, with negative indices",
    run: (c) => {
      const a = new Uint8Array([1, 2, 3, 4]);
      const r = withJs(c, { jsp_t: a }, "from js import jsp_t\njsp_t[-2] = 7\nrepr([jsp_t[0], jsp_t[-1], len(jsp_t)])");
      return [r, a];
    },
  },
  {
    name: "del of a typed array item raises TypeError",
    run: (c) => withJs(c, { jsp_t: new Uint8Array([1, 2, 3]) }, "from js import jsp_t\ndel jsp_t[0]"),
  },
  {
    name: "slicing a typed array raises NotImplementedError",
    run: (c) => withJs(c, { jsp_t: new Uint8Array([1, 2, 3]) }, "from js import jsp_t\njsp_t[:]"),
  },
  {
    name: "slice assignment on a typed array raises NotImplementedError",
    run: (c) => withJs(c, { jsp_t: new Uint8Array([1, 2, 3]) }, "from js import jsp_t\njsp_t[:] = [4, 5, 6]"),
  },
  {
    name: "a typed array has no extend and += raises TypeError",
    run: (c) =>
      withJs(c, { jsp_t: new Uint8Array([1, 2, 3]) }, `
        from js import jsp_t
        r = [hasattr(jsp_t, "extend")]
        try:
            t = jsp_t
            t += [1]
            r.append("no error")
        except TypeError:
            r.append("TypeError")
        repr(r)
      `),
  },
  {
    name: "index, count and reverse on a typed array",
    run: (c) => {
      const a = new Int8Array([5, 7, 9, -1, 3, 5]);
      const r = withJs(c, { jsp_t: a }, "from js import jsp_t\nr = [jsp_t.index(9), jsp_t.count(5), jsp_t.count(1)]\njsp_t.reverse()\nrepr(r)");
      return [r, a];
    },
  },
  {
    name: "JS members of a typed array are reached as attributes",
    run: (c) =>
      withJs(c, { jsp_t: new Uint16Array([1, 2, 3, 4]) }, `
        from js import jsp_t
        repr([jsp_t.BYTES_PER_ELEMENT, jsp_t.byteLength, jsp_t.subarray(1, 3).to_py().tolist(), jsp_t.buffer.byteLength])
      `),
  },
  {
    name: "to_py() of a typed array is a writable memoryview copy",
    run: (c) => {
      const a = new Uint32Array([0, 1, 2, 3]);
      const r = withJs(c, { jsp_t: a }, `
        from js import jsp_t
        m = jsp_t.to_py()
        m[1] = 7
        repr([type(m).__name__, m.format, m.itemsize, m.readonly, m.tolist()])
      `);
      return [r, a];
    },
  },
  {
    name: "to_py() of each typed array kind has the matching memoryview format",
    run: (c) =>
      withJs(c, {
        jsp_l: [
          new Int8Array(1), new Uint8Array(1), new Uint8ClampedArray(1), new Int16Array(1), new Uint16Array(1),
          new Int32Array(1), new Uint32Array(1), new Float32Array(1), new Float64Array(1), new BigInt64Array(1),
          new BigUint64Array(1), new DataView(new ArrayBuffer(2)),
        ],
      }, "from js import jsp_l\nrepr([x.to_py().format for x in jsp_l])"),
  },
  {
    name: "to_py() of an ArrayBuffer is a writable memoryview of bytes",
    run: (c) =>
      withJs(c, { jsp_b: new Uint8Array([1, 2, 3]).buffer }, `
        from js import jsp_b
        m = jsp_b.to_py()
        m[0] = 9
        repr([type(m).__name__, m.format, m.readonly, m.tolist()])
      `),
  },
  {
    name: "to_bytes() and to_memoryview() copy a typed array",
    run: (c) =>
      withJs(c, { jsp_t: new TextEncoder().encode("abcဴ") }, `
        from js import jsp_t
        b = jsp_t.to_bytes()
        m = jsp_t.to_memoryview()
        repr([b, b.decode(), bytes(m) == b, type(m).__name__])
      `),
  },
  {
    name: "to_string() decodes UTF-8 or the encoding given",
    run: (c) =>
      withJs(c, {
        jsp_u: new TextEncoder().encode("héllo"),
        jsp_w: new Uint8Array([207, 240, 232, 226, 229, 242, 44, 32, 236, 232, 240, 33]),
      }, "from js import jsp_u, jsp_w\nrepr([jsp_u.to_string(), jsp_w.to_string('windows-1251')])"),
  },
  {
    name: "to_string() of invalid UTF-8 raises ValueError",
    run: (c) => withJs(c, { jsp_w: new Uint8Array([207, 240, 232]) }, "from js import jsp_w\njsp_w.to_string()"),
  },
  {
    name: "assign() copies a Python buffer into a typed array and assign_to() back",
    run: (c) => {
      const a = new Uint32Array([0, 1, 2, 3, 4]);
      const r = withJs(c, { jsp_t: a }, `
        from js import jsp_t
        from array import array
        b = jsp_t.to_py()
        b[4] = 7
        jsp_t.assign_to(b)
        r = [b[4]]
        jsp_t.assign(array('I', [10, 11, 12, 13, 14]))
        r.append(jsp_t[4])
        repr(r)
      `);
      return [r, a];
    },
  },
  {
    name: "assign() from a buffer of another length raises ValueError",
    run: (c) => withJs(c, { jsp_t: new Uint32Array(10) }, "from js import jsp_t\nfrom array import array\njsp_t.assign(array('b', range(30)))"),
  },
  {
    name: "assign_to() a buffer of another length raises ValueError",
    run: (c) => withJs(c, { jsp_t: new Uint32Array(10) }, "from js import jsp_t\nfrom array import array\njsp_t.assign_to(array('b', range(30)))"),
  },
  {
    name: "assign() from a buffer of the same byte size but another item size raises ValueError",
    run: (c) => withJs(c, { jsp_t: new Uint32Array(10) }, "from js import jsp_t\nfrom array import array\njsp_t.assign(array('b', range(40)))"),
  },
  {
    name: "assign_to() a buffer of the same byte size but another item size raises ValueError",
    run: (c) => withJs(c, { jsp_t: new Uint32Array(10) }, "from js import jsp_t\nfrom array import array\njsp_t.assign_to(array('b', range(40)))"),
  },
  {
    name: "assign() from a strided slice writes back a changed copy",
    run: (c) => {
      const a = new Uint8Array([1, 2, 3, 4, 5, 6]);
      withJs(c, { jsp_t: a }, "from js import jsp_t\nm = jsp_t.to_py()\nm[1::2] = bytes([20, 77, 9])\njsp_t.assign(m)");
      return a;
    },
  },
  {
    name: "to_file() and from_file() move a typed array's bytes through a file",
    run: (c) =>
      py(c, `
        from js import Uint8Array
        from tempfile import TemporaryFile
        a = Uint8Array.new(range(10))
        with TemporaryFile() as f:
            a.to_file(f)
            f.seek(0)
            r = [f.read() == a.to_bytes()]
            f.write(b"abcdef")
            f.seek(-6, 1)
            a.from_file(f)
        r.append(a.subarray(0, 6).to_bytes())
        repr(r)
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // to_py and the object views
  // ---------------------------------------------------------------------------------------------
  {
    name: "to_py() of an array of objects gives a list of dicts",
    run: (c) => withJs(c, { jsp_v: [1, { a: [2, "x"] }, "s"] }, "from js import jsp_v\nrepr(jsp_v.to_py())"),
  },
  {
    name: "to_py() of a Map and a Set gives a dict and a set",
    run: (c) =>
      withJs(c, { jsp_m: new Map<any, any>([[1, "a"], ["b", new Set([1, 2])]]) }, "from js import jsp_m\nrepr(jsp_m.to_py())"),
  },
  {
    name: "to_py() leaves a class instance a JsProxy",
    run: (c) => {
      class Test {}
      const y = Object.setPrototypeOf({ a: 7 }, Test.prototype);
      return withJs(c, { jsp_y: y, jsp_x: { a: 7, b: 2 } }, `
        from js import jsp_x, jsp_y
        ypy = jsp_y.to_py()
        repr([jsp_x.to_py(), ypy == jsp_y, type(ypy).__name__])
      `);
    },
  },
  {
    name: "to_py() of an object without prototype gives a dict",
    run: (c) => withJs(c, { jsp_o: Object.assign(Object.create(null), { a: 1 }) }, "from js import jsp_o\nrepr(jsp_o.to_py())"),
  },
  {
    name: "to_py(depth=1) converts one level",
    run: (c) =>
      withJs(c, { jsp_v: [[1, 2], { a: 1 }] }, `
        from js import jsp_v
        r = jsp_v.to_py(depth=1)
        repr([type(r).__name__, [type(x).__name__ for x in r], r[0].to_py()])
      `),
  },
  {
    name: "to_py() keeps shared references and cycles",
    run: (c) => {
      const shared = { a: 1 };
      const cyc: any[] = [shared, shared];
      cyc.push(cyc);
      return withJs(c, { jsp_v: cyc }, "from js import jsp_v\nr = jsp_v.to_py()\nrepr([r[0] is r[1], r[2] is r])");
    },
  },
  {
    name: "to_py() of a Map with both 1 and true as keys fails",
    run: (c) => withJs(c, { jsp_m: new Map<any, any>([[1, "a"], [true, "b"]]) }, "from js import jsp_m\njsp_m.to_py()"),
  },
  {
    name: "to_py() with a default_converter converts other objects",
    run: (c) =>
      withJs(c, { jsp_v: [new Date(0), 1] }, `
        from js import jsp_v
        def conv(value, convert, cache):
            return "date:" + str(value.getTime())
        repr(jsp_v.to_py(default_converter=conv))
      `),
  },
  {
    name: "object_entries, object_keys and object_values give JS arrays",
    run: (c) =>
      withJs(c, { jsp_o: { a: 2, b: 3, c: 4 } }, `
        from js import jsp_o
        from pyodide.ffi import JsArray
        e = jsp_o.object_entries()
        repr([isinstance(e, JsArray), e.to_py(), jsp_o.object_keys().to_py(), jsp_o.object_values().to_py()])
      `),
  },
  {
    name: "as_object_map() reads, writes and deletes an object's string keys",
    run: (c) => {
      const o: any = { a: 2, b: 3, 1: 9 };
      const r = withJs(c, { jsp_o: o }, `
        from js import jsp_o
        from pyodide.ffi import JsMutableMap
        m = jsp_o.as_object_map()
        r = [isinstance(jsp_o, JsMutableMap), isinstance(m, JsMutableMap), len(m), sorted(m), "a" in m, "1" in m, 1 in m, m["1"], "constructor" in m]
        del m["a"]
        m["d"] = 36
        r.append(m.to_py())
        repr(r)
      `);
      return [r, Object.keys(o)];
    },
  },
  {
    name: "as_object_map() refuses a non-str key",
    run: (c) => withJs(c, { jsp_o: { a: 2 } }, "from js import jsp_o\nm = jsp_o.as_object_map()\nm[1] = 2"),
  },
  {
    name: "as_object_map() raises KeyError for a missing key",
    run: (c) => withJs(c, { jsp_o: { a: 2 } }, "from js import jsp_o\nm = jsp_o.as_object_map()\nm['b']"),
  },
  {
    name: "as_object_map(hereditary=True) maps nested objects too",
    run: (c) =>
      withJs(c, { jsp_o: { 1: { 2: 9, 3: 77 } } }, `
        from js import jsp_o
        from pyodide.ffi import JsMutableMap
        mh = jsp_o.as_object_map(hereditary=True)
        mn = jsp_o.as_object_map()
        repr([isinstance(mh["1"], JsMutableMap), mh["1"]["3"], isinstance(mn["1"], JsMutableMap)])
      `),
  },
  {
    name: "as_object_map() warns that it is deprecated",
    run: (c) =>
      withJs(c, { jsp_o: { a: 2 } }, `
        import warnings
        from js import jsp_o
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            jsp_o.as_object_map()
        repr([(x.category.__name__, str(x.message)) for x in w])
      `),
  },
  {
    name: "as_object_map exists on plain objects only and as_py_json on arrays too",
    run: (c) =>
      withJs(c, { jsp_l: [{}, [], new Uint8Array(1), new Error("x"), () => 0, { next() {} }] }, `
        from js import jsp_l
        repr([[hasattr(o, "as_object_map"), hasattr(o, "as_py_json")] for o in jsp_l])
      `),
  },
  {
    name: "as_py_json() makes nested objects and arrays dicts and lists",
    run: (c) =>
      withJs(c, { jsp_o: { a: [1, 2, { b: 7 }] } }, `
        from js import jsp_o
        from pyodide.ffi import JsMap
        o = jsp_o.as_py_json()
        repr([isinstance(o, JsMap), len(o), list(o.keys()), o["a"][0], len(o["a"]), o["a"][-1]["b"]])
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Promises and awaitables
  // ---------------------------------------------------------------------------------------------
  {
    name: "awaiting a JS promise gives its value",
    run: (c) => withJsAsync(c, { jsp_h: { p: Promise.resolve(17) } }, "from js import jsp_h\nawait jsp_h.p"),
  },
  {
    name: "awaiting a rejected JS promise raises JsException",
    run: (c) =>
      withJsAsync(c, { jsp_h: { p: rejected("nope") } }, `
        from js import jsp_h
        from pyodide.ffi import JsException
        try:
            await jsp_h.p
            r = "no error"
        except JsException as e:
            r = "JsException " + str(e)
        r
      `),
  },
  {
    name: "awaiting a thenable object calls its then",
    run: (c) => withJsAsync(c, { jsp_t: { then(cb: (v: number) => void) { cb(7); } } }, "from js import jsp_t\nawait jsp_t"),
  },
  {
    name: "awaiting an object whose then was deleted raises TypeError",
    run: (c) => {
      const o: any = { then() {} };
      return withJsAsync(c, { jsp_o: o, jsp_strip: () => { delete o.then; } }, `
        from js import jsp_o, jsp_strip
        jsp_strip()
        try:
            await jsp_o
            r = "no error"
        except TypeError as e:
            r = "can't be used in 'await' expression" in str(e)
        r
      `);
    },
  },
  {
    name: "then() on a JsPromise calls the Python callback with the value",
    run: (c) =>
      withJsAsync(c, { jsp_h: { p: Promise.resolve(5) } }, `
        from js import jsp_h
        from pyodide.ffi import JsPromise
        jsp_seen = []
        p2 = jsp_h.p.then(lambda v: jsp_seen.append(v * 2))
        await p2
        repr([isinstance(p2, JsPromise), jsp_seen])
      `),
  },
  {
    name: "catch() on a rejected JsPromise gets the JS error",
    run: (c) =>
      withJsAsync(c, { jsp_h: { p: rejected("bad") } }, `
        from js import jsp_h
        await jsp_h.p.catch(lambda e: "caught " + e.message)
      `),
  },
  {
    name: "finally_() on a JsPromise runs the callback and keeps the value",
    run: (c) =>
      withJsAsync(c, { jsp_h: { p: Promise.resolve(3) } }, `
        from js import jsp_h
        jsp_seen = []
        v = await jsp_h.p.finally_(lambda: jsp_seen.append("ran"))
        repr([v, jsp_seen])
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // BigInt, weak references, context managers, double proxies
  // ---------------------------------------------------------------------------------------------
  {
    name: "a JS BigInt becomes a JsBigInt, an int subclass",
    run: (c) =>
      withJs(c, { jsp_b: 5n }, `
        from js import jsp_b
        repr([type(jsp_b).__name__, isinstance(jsp_b, int), jsp_b == 5, jsp_b + 1])
      `),
  },
  {
    name: "a JsBigInt goes back to JS as a BigInt",
    run: (c) =>
      withJs(c, { jsp_t: (x: unknown) => typeof x }, `
        from js import jsp_t
        from pyodide.ffi import JsBigInt
        repr([jsp_t(JsBigInt(5)), jsp_t(5)])
      `),
  },
  {
    name: "JsBigInt arithmetic keeps the JsBigInt type, true division gives a float",
    run: (c) =>
      py(c, `
        from pyodide.ffi import JsBigInt
        a = JsBigInt(7)
        repr([type(a + JsBigInt(1)).__name__, type(a + 1).__name__, type(a // 2).__name__, type(-a).__name__, type(a / 2).__name__, repr(a)])
      `),
  },
  {
    name: "to_weakref().deref() gives the same JS object",
    run: (c) =>
      withJs(c, { jsp_o: { a: 1 } }, `
        from js import jsp_o
        w = jsp_o.to_weakref()
        repr([type(w).__name__, w.deref() == jsp_o, w.deref().a])
      `),
  },
  {
    name: "with on an object with Symbol.dispose disposes it at the end",
    run: (c) => {
      const make = () => ({ x: 9, closed: false, [Symbol.dispose]() { this.closed = true; } });
      return withJs(c, { jsp_make: make }, `
        from js import jsp_make
        with jsp_make() as o:
            r = [o.x, o.closed]
        r.append(o.closed)
        repr(r)
      `);
    },
  },
  {
    name: "with disposes the object even when the block raises",
    run: (c) => {
      const make = () => ({ closed: false, [Symbol.dispose]() { this.closed = true; } });
      return withJs(c, { jsp_make: make }, `
        from js import jsp_make
        try:
            with jsp_make() as o:
                raise ValueError("oops")
        except ValueError:
            pass
        o.closed
      `);
    },
  },
  {
    name: "with on an object without Symbol.dispose raises TypeError",
    run: (c) =>
      withJs(c, { jsp_o: {} }, `
        from js import jsp_o
        try:
            with jsp_o:
                pass
            r = "no error"
        except (TypeError, AttributeError) as e:
            r = type(e).__name__
        r
      `),
  },
  {
    name: "async with on an object with Symbol.asyncDispose awaits it",
    run: (c) => {
      const make = () => ({ closed: false, async [Symbol.asyncDispose]() { await null; this.closed = true; } });
      return withJsAsync(c, { jsp_make: make }, `
        from js import jsp_make
        async with jsp_make() as o:
            r = [o.closed]
        r.append(o.closed)
        repr(r)
      `);
    },
  },
  {
    name: "unwrap() of a create_proxy gives the Python object back",
    run: (c) =>
      py(c, `
        from pyodide.ffi import create_proxy
        jsp_obj = {"k": 1}
        p = create_proxy(jsp_obj)
        r = p.unwrap() is jsp_obj
        p.destroy()
        r
      `),
  },
  {
    name: "a destroyed create_proxy can no longer be unwrapped",
    run: (c) =>
      py(c, `
        from pyodide.ffi import create_proxy
        p = create_proxy([1])
        p.destroy()
        p.unwrap()
      `),
  },
  {
    name: "to_js of a list is a JsArray and of a dict with Object.fromEntries a plain object",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import to_js, JsArray
        a = to_js([1, 2])
        o = to_js({"title": "Hello"}, dict_converter=js.Object.fromEntries)
        repr([isinstance(a, JsArray), a.to_py(), o.title, o.hasOwnProperty("title"), o.constructor == js.Object])
      `),
  },
  {
    name: "an object built with Object.new and Object.assign gets the properties",
    run: (c) =>
      py(c, `
        import js
        from pyodide.ffi import to_js
        o = js.Object.new()
        js.Object.assign(o, to_js({"width": 800}, dict_converter=js.Object.fromEntries))
        repr([o.width, list(o.object_keys())])
      `),
  },
  {
    name: "jsnull passed to a JS function arrives as null",
    run: (c) =>
      withJs(c, { jsp_t: (x: unknown) => (x === null ? "null" : typeof x) }, `
        from js import jsp_t
        from pyodide.ffi import jsnull
        repr([jsp_t(jsnull), jsp_t(None)])
      `),
  },
];
