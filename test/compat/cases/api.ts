// The API around the FFI: create_proxy (roundtrip and destroy rules), create_once_callable,
// destroy_proxies, borrowed proxies of call arguments, destroyed proxies passed back into Python,
// registerJsModule / unregisterJsModule / pyimport, runPython's globals and locals, the globals
// dict, the names of pyodide.ffi, pyodide.code and pyodide.ffi.wrappers (Pyodide's
// test_pyodide.py, test_pyproxy.py::test_roundtrip_no_destroy, test_jsproxy.py module tests,
// pyodide-ffi-js-api.txt and §1.2 / §1.4 of the FFI reference).
//
// pyscript.ffi is not here: Pyodide has no `pyscript` module, so those cases cannot be differential.
import type { CaseContext } from "../adapter.js";
import { dedent as py, runWithGlobals as withGlobals } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";



/**
 * What `f` threw, as [constructor name, first line of the message], or a marker if it did not
 * throw. Only the first line: the destroyed-proxy messages end with a setDebug hint, which has its
 * own case.
 */
function thrownText(f: () => unknown): unknown {
  try {
    f();
    return "did not throw";
  } catch (e: any) {
    return [e?.constructor?.name, String(e?.message ?? e).split("\n")[0]];
  }
}

export const api: CompatCase[] = [
  // ---------------------------------------------------------------------------------------------
  // create_proxy
  // ---------------------------------------------------------------------------------------------
  {
    name: "create_proxy gives a JsDoubleProxy that is a JsProxy",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import create_proxy, JsDoubleProxy, JsProxy
        api_p = create_proxy(lambda: 7)
        api_r = [isinstance(api_p, JsDoubleProxy), isinstance(api_p, JsProxy), api_p.typeof, api_p()]
        api_p.destroy()
        repr(api_r)
      `)),
  },
  {
    name: "a create_proxy callback kept by JS still works after the call that received it",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (f: any) => { kept = f; } }, `
        from pyodide.ffi import create_proxy
        from js import api_keep
        api_keep(create_proxy(lambda x: x * 3))
      `);
      try {
        return [kept(5), kept(6)];
      } finally {
        kept.destroy();
      }
    },
  },
  {
    name: "a create_proxy callback kept by JS is the same object on every call",
    run: (c) => {
      let kept: any;
      let same: boolean | undefined;
      withGlobals(
        c,
        { api_keep: (f: any) => { kept = f; }, api_check: (f: any) => { same = f === kept; } },
        `
        from pyodide.ffi import create_proxy
        from js import api_keep, api_check
        api_proxy = create_proxy(lambda: 1)
        api_keep(api_proxy)
        api_check(api_proxy)
        api_proxy.destroy()
        `,
      );
      return same;
    },
  },
  {
    name: "calling a create_proxy callback after destroy() throws Object has already been destroyed",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (f: any) => { kept = f; } }, `
        from pyodide.ffi import create_proxy
        from js import api_keep
        api_proxy = create_proxy(lambda: 1)
        api_keep(api_proxy)
        api_proxy.destroy()
      `);
      return thrownText(() => kept());
    },
  },
  {
    name: "with roundtrip=True a create_proxy stored on a JS object reads back as a JsDoubleProxy that unwraps",
    run: (c) =>
      withGlobals(c, { api_obj: {} }, `
        from pyodide.ffi import create_proxy, JsDoubleProxy
        from js import api_obj
        api_value = {"k": 1}
        api_obj.f = create_proxy(api_value, roundtrip=True)
        api_r = [isinstance(api_obj.f, JsDoubleProxy), api_obj.f.unwrap() is api_value]
        api_obj.f.destroy()
        repr(api_r)
      `),
  },
  {
    name: "with roundtrip=False a create_proxy stored on a JS object reads back as the Python object",
    run: (c) => {
      const obj: any = {};
      const r = withGlobals(c, { api_obj: obj }, `
        from pyodide.ffi import create_proxy
        from js import api_obj
        api_value = {"k": 1}
        api_obj.f = create_proxy(api_value, roundtrip=False)
        repr(api_obj.f is api_value)
      `);
      obj.f.destroy();
      return r;
    },
  },
  {
    name: "the PyProxy made by create_proxy can be destroyed from JS",
    run: (c) => {
      const r = withGlobals(c, { api_destroy: (p: any) => p.destroy(), api_use: (p: any) => p.length }, `
        from pyodide.ffi import create_proxy, JsException
        from js import api_destroy, api_use
        api_p = create_proxy([1, 2], roundtrip=False)
        api_before = api_use(api_p)
        api_destroy(api_p)
        try:
            api_use(api_p)
            api_after = "alive"
        except JsException as e:
            api_after = e.message.split("\\n")[0]
        repr([api_before, api_after])
      `);
      return r;
    },
  },
  {
    name: "destroy({destroyRoundtrip: false}) leaves a roundtrip create_proxy alive",
    run: (c) =>
      withGlobals(
        c,
        {
          api_soft_destroy: (p: any) => p.destroy({ destroyRoundtrip: false }),
          api_hard_destroy: (p: any) => p.destroy({ destroyRoundtrip: true }),
          api_use: (p: any) => p.length,
        },
        `
        from pyodide.ffi import create_proxy, JsException
        from js import api_soft_destroy, api_hard_destroy, api_use
        api_p = create_proxy([1, 2, 3])
        api_soft_destroy(api_p)
        api_r = [api_use(api_p)]
        api_hard_destroy(api_p)
        try:
            api_use(api_p)
            api_r.append("alive")
        except JsException as e:
            api_r.append(e.message.split("\\n")[0])
        repr(api_r)
        `,
      ),
  },
  {
    name: "destroy() from JS with no options destroys a roundtrip create_proxy",
    run: (c) =>
      withGlobals(c, { api_destroy: (p: any) => p.destroy(), api_use: (p: any) => p.length }, `
        from pyodide.ffi import create_proxy, JsException
        from js import api_destroy, api_use
        api_p = create_proxy([1, 2, 3])
        api_destroy(api_p)
        try:
            api_use(api_p)
            api_r = "alive"
        except JsException as e:
            api_r = e.message.split("\\n")[0]
        api_r
      `),
  },
  {
    name: "create_proxy with capture_this passes the JS this as the first argument",
    run: (c) =>
      withGlobals(c, { api_obj: { name: "api owner" }, api_call_method: (o: any) => o.m(5) }, `
        from pyodide.ffi import create_proxy
        from js import api_obj, api_call_method
        def api_method(this, x):
            return this.name + " " + str(x)
        api_obj.m = create_proxy(api_method, capture_this=True)
        api_r = api_call_method(api_obj)
        api_obj.m.destroy()
        api_r
      `),
  },
  {
    name: "create_proxy returned to JS from runPython is a PyProxy of the object",
    run: (c) => c.run("from pyodide.ffi import create_proxy\ncreate_proxy([1, 2])"),
  },

  // ---------------------------------------------------------------------------------------------
  // create_once_callable
  // ---------------------------------------------------------------------------------------------
  {
    name: "a create_once_callable works once, then raises OnceProxy can only be called once",
    run: (c) =>
      withGlobals(c, { api_call: (f: any, x: number) => f(x) }, `
        from pyodide.ffi import create_once_callable, JsException
        from js import api_call
        api_once = create_once_callable(lambda x: x * x)
        api_r = [api_call(api_once, 7)]
        try:
            api_call(api_once, 8)
            api_r.append("called twice")
        except JsException as e:
            api_r.append([e.name, e.message])
        repr(api_r)
      `),
  },
  {
    name: "a create_once_callable called twice from JS throws an Error",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (f: any) => { kept = f; } }, `
        from pyodide.ffi import create_once_callable
        from js import api_keep
        api_keep(create_once_callable(lambda: "api once"))
      `);
      return [kept(), thrownText(() => kept())];
    },
  },
  {
    name: "calling a destroyed create_once_callable throws OnceProxy can only be called once",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (f: any) => { kept = f; } }, `
        from pyodide.ffi import create_once_callable
        from js import api_keep
        api_once = create_once_callable(lambda: 1)
        api_keep(api_once)
        api_once.destroy()
      `);
      return thrownText(() => kept());
    },
  },
  {
    name: "destroying a create_once_callable twice raises",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import create_once_callable
        api_once = create_once_callable(lambda: 1)
        api_once.destroy()
        try:
            api_once.destroy()
            api_r = "no exception"
        except Exception as e:
            api_r = [type(e).__name__, str(e)]
        repr(api_r)
      `)),
  },
  {
    name: "a create_once_callable is a JsOnceCallable",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import create_once_callable, JsOnceCallable, JsCallable
        api_once = create_once_callable(lambda: 1)
        api_r = [isinstance(api_once, JsOnceCallable), isinstance(api_once, JsCallable), api_once.typeof]
        api_once.destroy()
        repr(api_r)
      `)),
  },
  {
    name: "a create_once_callable given to setTimeout runs once",
    run: async (c) => {
      await c.runAsync(py(`
        import asyncio, js
        from pyodide.ffi import create_once_callable
        api_ticks = []
        js.setTimeout(create_once_callable(lambda: api_ticks.append("tick")), 1)
        await asyncio.sleep(0.02)
      `));
      return c.run("repr(api_ticks)");
    },
  },

  // ---------------------------------------------------------------------------------------------
  // destroy_proxies
  // ---------------------------------------------------------------------------------------------
  {
    name: "destroy_proxies destroys every PyProxy of a JS array",
    run: (c) => {
      const probe = (arr: any[]) =>
        arr.map((p) => {
          try {
            return p.length;
          } catch (e: any) {
            return e.message.split("\n")[0];
          }
        });
      return withGlobals(c, { api_probe: probe }, `
        import js
        from pyodide.ffi import to_js, destroy_proxies
        from js import api_probe
        api_tracked = js.Array.new()
        to_js([[1], [2, 3]], depth=1, pyproxies=api_tracked)
        api_r = [list(api_probe(api_tracked))]
        destroy_proxies(api_tracked)
        api_r.append(list(api_probe(api_tracked)))
        repr(api_r)
      `);
    },
  },
  {
    name: "destroy_proxies of a non-array raises TypeError",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import destroy_proxies
        try:
            destroy_proxies([1])
            api_r = "no exception"
        except TypeError as e:
            api_r = ["TypeError", str(e)]
        repr(api_r)
      `)),
  },

  // ---------------------------------------------------------------------------------------------
  // Borrowed proxies of call arguments
  // ---------------------------------------------------------------------------------------------
  {
    name: "a Python list passed to a JS function is usable during the call",
    run: (c) =>
      withGlobals(c, { api_sum: (l: any) => l.toJs().reduce((a: number, b: number) => a + b, 0) }, `
        from js import api_sum
        api_sum([1, 2, 3])
      `),
  },
  {
    name: "a Python argument kept by a JS function is destroyed at the end of the call",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (x: any) => { kept = x; } }, "from js import api_keep\napi_keep([1, 2])");
      return thrownText(() => kept.length);
    },
  },
  {
    name: "a Python argument of new JsClass() kept by the constructor is destroyed afterwards",
    run: (c) => {
      let kept: any;
      class ApiKeeper {
        constructor(x: any) {
          kept = x;
        }
      }
      withGlobals(c, { ApiKeeper }, "from js import ApiKeeper\nApiKeeper.new([1, 2])\nNone");
      return thrownText(() => kept.length);
    },
  },
  {
    name: "the borrowed-proxy message ends with the setDebug hint",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (x: any) => { kept = x; } }, "from js import api_keep\napi_keep([1, 2])");
      try {
        kept.length;
        return "did not throw";
      } catch (e: any) {
        return e.message.split("\n").slice(1);
      }
    },
  },
  {
    name: "a kept argument can be copied during the call to outlive it",
    run: (c) => {
      let kept: any;
      withGlobals(c, { api_keep: (x: any) => { kept = x.copy(); } }, "from js import api_keep\napi_keep([1, 2])");
      try {
        return kept.length;
      } finally {
        kept.destroy();
      }
    },
  },
  {
    name: "a destroyed PyProxy passed into Python raises JsException Object has already been destroyed",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import create_proxy, JsException
        import js
        api_identity = js.Function.new("x", "return x")
        api_p = create_proxy([])
        api_p.destroy()
        try:
            api_identity(api_p)
            api_r = "no exception"
        except JsException as e:
            api_r = [e.name, e.message.split("\\n")[0]]
        repr(api_r)
      `)),
  },
  {
    name: "a destroyed PyProxy passed from JS to a Python function throws",
    run: (c) => {
      const f = c.run("def api_len(x):\n    return len(x)\napi_len");
      const l = c.run("[1, 2, 3]");
      l.destroy();
      try {
        f(l);
        return "did not throw";
      } catch (e: any) {
        return [e.constructor.name, e.type, e.message.split("\n").find((l: string) => l.includes("destroyed"))];
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "using a destroyed PyProxy from JS throws Object has already been destroyed",
    run: (c) => {
      const l = c.run("[1, 2, 3]");
      l.destroy();
      return thrownText(() => l.length);
    },
  },
  {
    name: "destroying a PyProxy twice is allowed",
    run: (c) => {
      const l = c.run("[1, 2, 3]");
      l.destroy();
      l.destroy();
      return "ok";
    },
  },

  // ---------------------------------------------------------------------------------------------
  // registerJsModule / unregisterJsModule / pyimport
  // ---------------------------------------------------------------------------------------------
  {
    name: "a module registered with registerJsModule can be imported from Python",
    run: (c) => {
      c.py.registerJsModule("api_mod", { value: 41, inc: (x: number) => x + 1 });
      try {
        return c.run("import api_mod\nfrom api_mod import value\napi_mod.inc(value)");
      } finally {
        c.py.unregisterJsModule("api_mod");
      }
    },
  },
  {
    name: "a registered JS module is a JsProxy in sys.modules",
    run: (c) => {
      c.py.registerJsModule("api_mod", { value: 1 });
      try {
        return c.run(py(`
          import sys
          from pyodide.ffi import JsProxy
          import api_mod
          repr([isinstance(api_mod, JsProxy), "api_mod" in sys.modules])
        `));
      } finally {
        c.py.unregisterJsModule("api_mod");
      }
    },
  },
  {
    name: "a nested object of a registered JS module imports as a submodule",
    run: (c) => {
      c.py.registerJsModule("api_pkg", { sub: { leaf: "api leaf" } });
      try {
        return c.run("from api_pkg.sub import leaf\nleaf");
      } finally {
        c.py.unregisterJsModule("api_pkg");
      }
    },
  },
  {
    name: "from a registered JS module import * honours __all__",
    run: (c) => {
      c.py.registerJsModule("api_star", { __all__: ["api_star_a"], api_star_a: 1, api_star_b: 2 });
      try {
        return c.run(py(`
          api_ns = {}
          exec("from api_star import *", api_ns)
          repr(sorted(k for k in api_ns if k.startswith("api_star")))
        `));
      } finally {
        c.py.unregisterJsModule("api_star");
      }
    },
  },
  {
    name: "after unregisterJsModule a fresh import fails with ModuleNotFoundError",
    run: (c) => {
      c.py.registerJsModule("api_gone", { x: 1 });
      c.run("import api_gone");
      c.py.unregisterJsModule("api_gone");
      return c.run(py(`
        import sys
        sys.modules.pop("api_gone", None)
        try:
            import api_gone
            api_r = "imported"
        except ModuleNotFoundError as e:
            api_r = str(e)
        api_r
      `));
    },
  },
  {
    name: "unregisterJsModule of an unknown name throws",
    run: (c) => c.py.unregisterJsModule("api_never_registered"),
  },
  {
    name: "register_js_module from Python makes a JS object importable",
    run: (c) =>
      c.run(py(`
        import js
        from pyodide.ffi import register_js_module, unregister_js_module
        register_js_module("api_pymod", js.Object.fromEntries([["v", 12]]))
        import api_pymod
        api_r = api_pymod.v
        unregister_js_module("api_pymod")
        api_r
      `)),
  },
  {
    name: "pyimport returns a PyProxy of the module",
    run: (c) => {
      const m = c.py.pyimport("math");
      try {
        return [m.type, m.sqrt(16), m.__name__];
      } finally {
        m.destroy();
      }
    },
  },
  {
    name: "pyimport of a dotted name returns the submodule",
    run: (c) => {
      const m = c.py.pyimport("os.path");
      try {
        return [m.type, m.basename("/a/b.txt")];
      } finally {
        m.destroy();
      }
    },
  },
  {
    name: "pyimport does not bind the module in globals",
    run: (c) => {
      const m = c.py.pyimport("colorsys");
      m.destroy();
      return c.py.globals.has("colorsys");
    },
  },
  {
    name: "pyimport of a missing module throws a PythonError ModuleNotFoundError",
    run: (c) => c.py.pyimport("api_no_such_module"),
  },

  // ---------------------------------------------------------------------------------------------
  // runPython options and globals
  // ---------------------------------------------------------------------------------------------
  {
    name: "runPython with a globals dict runs in that namespace",
    run: (c) => {
      const dict = c.run("dict");
      const ns = dict();
      dict.destroy();
      try {
        c.run("api_in_ns = 5", { globals: ns });
        return [ns.get("api_in_ns"), c.py.globals.has("api_in_ns"), c.run("api_in_ns * 2", { globals: ns })];
      } finally {
        ns.destroy();
      }
    },
  },
  {
    name: "runPython with globals and locals reads both and writes to locals",
    run: (c) => {
      const locals = c.run("{'x': 7}");
      const globals = c.run("{'x': 5, 'y': 29}");
      try {
        const r1 = c.run("z = 13; x + y", { locals, globals });
        const r2 = c.run("del x; x + y", { locals, globals });
        return [r1, r2, locals.get("z"), locals.has("x"), globals.has("z")];
      } finally {
        locals.destroy();
        globals.destroy();
      }
    },
  },
  {
    name: "runPythonAsync with globals and locals",
    run: async (c) => {
      const locals = c.run("{'x': 7}");
      const globals = c.run("{'x': 5, 'y': 29}");
      try {
        const r = await c.runAsync("z = x + y\nz * 2", { locals, globals });
        return [r, locals.get("z"), globals.has("z")];
      } finally {
        locals.destroy();
        globals.destroy();
      }
    },
  },
  {
    name: "runPython with locals only runs in py.globals and writes to locals",
    run: (c) => {
      const locals = c.run("{'api_loc_a': 2}");
      try {
        c.run("api_loc_g = 40");
        const r = c.run("api_loc_b = api_loc_a + api_loc_g; api_loc_b", { locals });
        return [r, locals.get("api_loc_b"), c.py.globals.has("api_loc_b")];
      } finally {
        locals.destroy();
      }
    },
  },
  {
    name: "runPython's filename option names the file in tracebacks",
    run: (c) => {
      try {
        c.run("raise ValueError('api file')", { filename: "api_file.py" });
        return "no throw";
      } catch (e: any) {
        return e.message.includes('File "api_file.py", line 1');
      }
    },
  },
  {
    name: "globals.set makes a value visible to Python",
    run: (c) => {
      c.py.globals.set("api_from_js", 31);
      return c.run("api_from_js + 1");
    },
  },
  {
    name: "globals.get reads a Python global",
    run: (c) => {
      c.run("api_answer = 'api forty-two'");
      return c.py.globals.get("api_answer");
    },
  },
  {
    name: "globals.get of a missing name is undefined",
    run: (c) => c.py.globals.get("api_never_defined"),
  },
  {
    name: "globals.get and globals.has fall back to builtins",
    run: (c) => {
      const len = c.py.globals.get("len");
      try {
        return [c.py.globals.has("len"), len.type, len([1, 2])];
      } finally {
        len.destroy();
      }
    },
  },
  {
    name: "globals.has tells a defined name from an undefined one",
    run: (c) => {
      c.run("api_present = 1");
      return [c.py.globals.has("api_present"), c.py.globals.has("api_absent")];
    },
  },
  {
    name: "globals.delete removes a Python global",
    run: (c) => {
      c.run("api_doomed = 1");
      c.py.globals.delete("api_doomed");
      return [c.py.globals.has("api_doomed"), c.run("'api_doomed' in globals()")];
    },
  },
  {
    name: "a JS object set with globals.set is a JsProxy in Python",
    run: (c) => {
      c.py.globals.set("api_js_obj", { a: 1 });
      return c.run("from pyodide.ffi import JsProxy\nrepr([isinstance(api_js_obj, JsProxy), api_js_obj.a])");
    },
  },
  {
    name: "globals is a PyDict of the main namespace",
    run: (c) => [c.py.globals.type, c.py.globals instanceof c.ffi.PyDict, c.py.globals.get("__name__")],
  },

  // ---------------------------------------------------------------------------------------------
  // Names of pyodide.ffi, pyodide.code, pyodide.ffi.wrappers
  // ---------------------------------------------------------------------------------------------
  {
    name: "pyodide.ffi has the documented functions and classes",
    run: (c) =>
      c.run(py(`
        import pyodide.ffi
        api_names = ["to_js", "create_proxy", "create_once_callable", "destroy_proxies",
                     "register_js_module", "unregister_js_module", "run_sync", "can_run_sync",
                     "JsProxy", "JsException", "ConversionError", "InternalError", "JsArray",
                     "JsMap", "JsMutableMap", "JsPromise", "JsCallable", "JsBuffer", "JsTypedArray",
                     "JsIterable", "JsIterator", "JsAsyncIterable", "JsAsyncIterator", "JsGenerator",
                     "JsAsyncGenerator", "JsDoubleProxy", "JsCallableDoubleProxy", "JsOnceCallable",
                     "JsWeakRef", "JsNull", "jsnull", "JsBigInt", "IN_PYODIDE"]
        repr([n for n in api_names if not hasattr(pyodide.ffi, n)])
      `)),
  },
  {
    name: "from pyodide.ffi import * brings in to_js and JsProxy",
    run: (c) =>
      c.run(py(`
        api_ns = {}
        exec("from pyodide.ffi import *", api_ns)
        repr([n in api_ns for n in ["to_js", "JsProxy", "JsException", "create_proxy"]])
      `)),
  },
  {
    name: "ConversionError is an Exception subclass",
    run: (c) =>
      c.run("from pyodide.ffi import ConversionError\nrepr([issubclass(ConversionError, Exception), ConversionError.__name__])"),
  },
  {
    name: "to_js returns a str, int, float, bool or None unchanged",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import to_js
        api_values = ["s", 1, 1.5, True, None]
        repr([to_js(v) is v for v in api_values])
      `)),
  },
  {
    name: "to_js of a list gives a JsArray in Python",
    run: (c) =>
      c.run("from pyodide.ffi import to_js, JsArray\napi_a = to_js([1, 2])\nrepr([isinstance(api_a, JsArray), api_a.length])"),
  },
  {
    name: "can_run_sync is False inside synchronous runPython",
    run: (c) => c.run("from pyodide.ffi import can_run_sync\ncan_run_sync()"),
  },
  {
    name: "the JsProxy classes of pyodide.ffi cannot be instantiated",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import JsProxy
        try:
            JsProxy()
            api_r = "instantiated"
        except TypeError as e:
            api_r = str(e)
        api_r
      `)),
  },
  {
    name: "pyodide.code.run_js evaluates JS and converts the result",
    run: (c) =>
      c.run(py(`
        from pyodide.code import run_js
        api_f = run_js("(x) => x + 1")
        repr([api_f(7), run_js("[1, 2, 3]")[2], run_js("'api ' + 'js'")])
      `)),
  },
  {
    name: "pyodide.code.run_js of a non-string raises TypeError",
    run: (c) =>
      c.run(py(`
        from pyodide.code import run_js
        try:
            run_js(3)
            api_r = "no exception"
        except TypeError as e:
            api_r = "TypeError"
        api_r
      `)),
  },
  {
    name: "pyodide.code.eval_code returns the last expression",
    run: (c) =>
      c.run(py(`
        from pyodide.code import eval_code
        api_ns = {"x": 3}
        repr([eval_code("x + 7", api_ns), eval_code("y = 1\\ny + x", api_ns), eval_code("x;", api_ns)])
      `)),
  },
  {
    name: "pyodide.code.relaxed_call drops extra arguments",
    run: (c) =>
      c.run(py(`
        from pyodide.code import relaxed_call
        def api_two(a, b=2):
            return a + b
        repr([relaxed_call(api_two, 1, 5, 9), relaxed_call(api_two, 1, c=3)])
      `)),
  },
  {
    name: "pyodide.code.find_imports lists the imported top-level modules",
    run: (c) =>
      c.run("from pyodide.code import find_imports\nrepr(sorted(find_imports('import numpy as np\\nfrom a.b import c\\nimport os')))"),
  },
  {
    name: "pyodide.ffi.wrappers has the timer and event-listener helpers",
    run: (c) =>
      c.run(py(`
        import pyodide.ffi.wrappers as w
        api_names = ["add_event_listener", "remove_event_listener", "set_timeout", "clear_timeout",
                     "set_interval", "clear_interval"]
        repr([n for n in api_names if not hasattr(w, n)])
      `)),
  },
  {
    name: "pyodide.ffi.wrappers.set_timeout runs its callback once and clear_timeout cancels",
    run: async (c) => {
      await c.runAsync(py(`
        import asyncio
        from pyodide.ffi.wrappers import set_timeout, clear_timeout
        api_fired = []
        set_timeout(lambda: api_fired.append("kept"), 1)
        api_cancel = set_timeout(lambda: api_fired.append("cleared"), 1)
        clear_timeout(api_cancel)
        await asyncio.sleep(0.03)
      `));
      return c.run("repr(api_fired)");
    },
  },
  {
    name: "pyodide.ffi.wrappers.set_interval repeats until clear_interval",
    run: async (c) => {
      await c.runAsync(py(`
        import asyncio
        from pyodide.ffi.wrappers import set_interval, clear_interval
        api_count = []
        def api_tick():
            api_count.append(1)
            if len(api_count) == 3:
                clear_interval(api_interval)
        api_interval = set_interval(api_tick, 1)
        await asyncio.sleep(0.1)
      `));
      return c.run("len(api_count)");
    },
  },
  {
    name: "pyodide.ffi.wrappers.add_event_listener and remove_event_listener on an EventTarget",
    run: (c) =>
      c.run(py(`
        import js
        from pyodide.ffi.wrappers import add_event_listener, remove_event_listener
        api_target = js.EventTarget.new()
        api_heard = []
        def api_listener(event):
            api_heard.append(event.type)
        add_event_listener(api_target, "api-ping", api_listener)
        api_target.dispatchEvent(js.Event.new("api-ping"))
        remove_event_listener(api_target, "api-ping", api_listener)
        api_target.dispatchEvent(js.Event.new("api-ping"))
        repr(api_heard)
      `)),
  },

  // ---------------------------------------------------------------------------------------------
  // unpackArchive (the archive is made by each runtime's own zipfile/tarfile)
  // ---------------------------------------------------------------------------------------------
  {
    name: "unpackArchive unpacks a zip into extractDir",
    run: (c) => {
      const bytes = c.run(py(`
        import io, zipfile
        api_b = io.BytesIO()
        with zipfile.ZipFile(api_b, "w") as api_z:
            api_z.writestr("pkg/a.py", "x = 1\\n")
        api_b.getvalue()
      `)).toJs();
      c.py.unpackArchive(bytes, "zip", { extractDir: "/tmp/api_zip" });
      return c.run("import os\nsorted(os.listdir('/tmp/api_zip/pkg')), open('/tmp/api_zip/pkg/a.py').read()").toJs();
    },
  },
  {
    name: "unpackArchive takes a file extension as the format and unpacks into the working directory",
    run: (c) => {
      const bytes = c.run(py(`
        import io, tarfile
        api_t = io.BytesIO()
        with tarfile.open(fileobj=api_t, mode="w:gz") as api_tar:
            api_info = tarfile.TarInfo("api_tgz_dir/f.txt")
            api_info.size = 2
            api_tar.addfile(api_info, io.BytesIO(b"hi"))
        api_t.getvalue()
      `)).toJs();
      const results = [];
      for (const format of [".tar.gz", "tgz", "gztar"]) {
        c.py.unpackArchive(bytes.buffer, format);
        results.push(c.run("import os\nopen(os.path.join(os.getcwd(), 'api_tgz_dir/f.txt')).read()"));
      }
      return results;
    },
  },
  {
    name: "unpackArchive with an unknown format is a PythonError ValueError",
    run: (c) => {
      try {
        c.py.unpackArchive(new Uint8Array(4), "nope");
        return "did not throw";
      } catch (e: any) {
        // The traceback's frames are each runtime's own code; its last line is the error.
        return [e.constructor.name, e.type, e.message.trim().split("\n").at(-1)];
      }
    },
  },
  {
    name: "unpackArchive of bytes that are not the format is a PythonError",
    run: (c) => {
      try {
        c.py.unpackArchive(new Uint8Array([1, 2, 3]), "zip", { extractDir: "/tmp/api_bad" });
        return "did not throw";
      } catch (e: any) {
        return [e.constructor.name, e.type, /is not a zip file/.test(e.message)];
      }
    },
  },
  {
    name: "unpackArchive of a non-buffer is a TypeError",
    run: (c) => thrownText(() => c.py.unpackArchive("text", "zip")),
  },
];
