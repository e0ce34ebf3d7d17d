// Errors across the boundary: PythonError in JS, JsException in Python, errors that go out and
// come back (callbacks, generator throw(), rejected promises, converters), KeyboardInterrupt and
// SystemExit, and the texts users see (Pyodide's test_pyodide.py, test_jsproxy.py,
// test_typeconversions.py, and the PythonError / JsException sections of the FFI reference).
import type { CaseContext } from "../adapter.js";
import { dedent as py, runWithGlobals as withGlobals } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";



/** What `f` threw (the error itself, described by observe.ts), or a marker if it did not throw. */
function thrown(f: () => unknown): unknown {
  try {
    f();
    return "did not throw";
  } catch (e) {
    return e;
  }
}

/** The JS error classes a script can throw; each gets a case checking what Python sees. */
const JS_ERRORS: [string, () => Error][] = [
  ["Error", () => new Error("errors boom")],
  ["TypeError", () => new TypeError("errors boom")],
  ["RangeError", () => new RangeError("errors boom")],
  ["SyntaxError", () => new SyntaxError("errors boom")],
  ["ReferenceError", () => new ReferenceError("errors boom")],
  ["EvalError", () => new EvalError("errors boom")],
  ["URIError", () => new URIError("errors boom")],
  ["AggregateError", () => new AggregateError([new Error("inner")], "errors boom")],
  ["DOMException", () => new DOMException("errors boom", "AbortError")],
  [
    "Error subclass with its own name",
    () => {
      class ErrorsCustomError extends Error {
        constructor(m: string) {
          super(m);
          this.name = "ErrorsCustomError";
        }
      }
      return new ErrorsCustomError("errors boom");
    },
  ],
];

const PY_CATCH_THROWN = `
  from pyodide.ffi import JsException, JsProxy
  from js import errors_throw
  try:
      errors_throw()
      r = "no exception"
  except JsException as e:
      r = [type(e).__name__, e.name, e.message, str(e), isinstance(e, JsProxy), isinstance(e, Exception)]
  repr(r)
`;

const jsErrorClassCases: CompatCase[] = JS_ERRORS.map(([label, make]) => ({
  name: `a thrown JS ${label} is caught in Python as a JsException with its name and message`,
  run: (c) =>
    withGlobals(c, { errors_throw: () => { throw make(); } }, PY_CATCH_THROWN),
}));

export const errors: CompatCase[] = [
  // ---------------------------------------------------------------------------------------------
  // PythonError: a Python exception in JS
  // ---------------------------------------------------------------------------------------------
  {
    name: "a Python exception reaches JS as a PythonError with its type and exception line",
    run: (c) => c.run("raise ValueError('errors bad value')"),
  },
  {
    name: "a PythonError is an instance of Error and of ffi.PythonError, named PythonError",
    run: (c) => {
      const e: any = thrown(() => c.run("raise TypeError('errors oops')"));
      return [e instanceof Error, e instanceof c.ffi.PythonError, e.name, e.constructor.name, typeof e.stack];
    },
  },
  {
    name: "PythonError.type is the qualified name of a nested exception class",
    run: (c) =>
      c.run(py(`
        class ErrorsOuter:
            class Inner(Exception):
                pass
        raise ErrorsOuter.Inner("errors nested")
      `)),
  },
  {
    name: "PythonError.type of a user-defined exception is its class name",
    run: (c) => c.run("class ErrorsMine(Exception): pass\nraise ErrorsMine('errors mine')"),
  },
  {
    name: "a PythonError's message starts with the traceback header",
    run: (c) => {
      const e: any = thrown(() => c.run("raise TypeError('errors oops')"));
      return e.message.split("\n")[0];
    },
  },
  {
    name: "a PythonError's message ends with the exception line and a newline",
    run: (c) => {
      const e: any = thrown(() => c.run("raise TypeError('errors oops')"));
      return e.message.endsWith("\nTypeError: errors oops\n");
    },
  },
  {
    name: "an exception raised without arguments shows only its class name",
    run: (c) => c.run("raise KeyError"),
  },
  {
    name: "a KeyError's exception line shows the key's repr",
    run: (c) => c.run("{}['errors_key']"),
  },
  {
    name: "division by zero gives ZeroDivisionError: division by zero",
    run: (c) => c.run("1 / 0"),
  },
  {
    name: "an undefined name gives a NameError naming it",
    run: (c) => c.run("errors_no_such_name"),
  },
  {
    name: "a missing attribute gives an AttributeError naming type and attribute",
    run: (c) => c.run("object().errors_missing"),
  },
  {
    name: "an exception with several arguments shows their tuple",
    run: (c) => c.run("raise ValueError('errors a', 2)"),
  },
  {
    name: "a syntax error in runPython is a PythonError of type SyntaxError",
    run: (c) => c.run("errors_x = = 1"),
  },
  {
    name: "a chained exception's message shows the cause first and the outer exception last",
    run: (c) => {
      const e: any = thrown(() => c.run("raise ValueError('errors outer') from KeyError('errors inner')"));
      return [
        e.type,
        e.message.includes("KeyError: 'errors inner'"),
        e.message.includes("The above exception was the direct cause of the following exception:"),
        e.message.trimEnd().split("\n").pop(),
      ];
    },
  },
  {
    name: "an exception note is printed after the exception line",
    run: (c) => {
      const e: any = thrown(() => c.run("errors_e = ValueError('errors noted')\nerrors_e.add_note('errors the note')\nraise errors_e"));
      return e.message.trimEnd().split("\n").slice(-2);
    },
  },
  {
    name: "after a failed runPython sys.last_exc is the exception raised",
    run: (c) => {
      thrown(() => c.run("errors_last = ValueError('errors last')\nraise errors_last"));
      return c.run("import sys\nsys.last_exc is errors_last and sys.last_value is errors_last");
    },
  },
  {
    name: "a Python function that raises, called from JS, throws a PythonError",
    run: (c) => {
      const f = c.run("def errors_raiser(x):\n    raise RuntimeError(f'errors got {x}')\nerrors_raiser");
      try {
        return thrown(() => f(5));
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a property that raises, read through a PyProxy, throws a PythonError",
    run: (c) => {
      const o = c.run(py(`
        class ErrorsProp:
            @property
            def bad(self):
                raise ValueError("errors from property")
        ErrorsProp()
      `));
      try {
        return thrown(() => o.bad);
      } finally {
        o.destroy();
      }
    },
  },
  {
    name: "a missing attribute read through a PyProxy is undefined, not an error",
    run: (c) => {
      const o = c.run("class ErrorsEmpty: pass\nErrorsEmpty()");
      try {
        return [o.errors_nothing, "errors_nothing" in o];
      } finally {
        o.destroy();
      }
    },
  },
  {
    name: "an exception from __len__ surfaces from .length as a PythonError",
    run: (c) => {
      const o = c.run(py(`
        class ErrorsBadLen:
            def __len__(self):
                raise IndexError("errors bad len")
        ErrorsBadLen()
      `));
      try {
        return thrown(() => o.length);
      } finally {
        o.destroy();
      }
    },
  },
  {
    name: "get() on a PyProxy rethrows an error that is not a KeyError",
    run: (c) => {
      const o = c.run(py(`
        class ErrorsBadGet:
            def __getitem__(self, k):
                raise TypeError("errors bad key " + repr(k))
        ErrorsBadGet()
      `));
      try {
        return thrown(() => o.get("k"));
      } finally {
        o.destroy();
      }
    },
  },
  {
    name: "an exception raised while JS iterates a Python generator is a PythonError",
    run: (c) => {
      const g = c.run("def errors_gen():\n    yield 1\n    raise Exception('errors in gen')\nerrors_gen()");
      try {
        const first = g.next();
        return [first.value, first.done, thrown(() => g.next())];
      } finally {
        g.destroy();
      }
    },
  },
  {
    name: "an exception object returned (not raised) reaches JS as a PyProxy",
    run: (c) => c.run("ValueError('errors as a value')"),
  },
  {
    name: "a toJs conversion that fails throws a PythonError of type ConversionError",
    run: (c) => {
      const s = c.run("{(1, 2)}");
      try {
        return thrown(() => s.toJs());
      } finally {
        s.destroy();
      }
    },
  },
  {
    name: "to_js with create_pyproxies=False raises ConversionError for an object it cannot convert",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import to_js, ConversionError
        class ErrorsOpaque: pass
        try:
            to_js([ErrorsOpaque()], create_pyproxies=False)
            r = "no exception"
        except ConversionError as e:
            r = [type(e).__name__, issubclass(ConversionError, Exception)]
        repr(r)
      `)),
  },

  // ---------------------------------------------------------------------------------------------
  // KeyboardInterrupt and SystemExit
  // ---------------------------------------------------------------------------------------------
  {
    name: "raising KeyboardInterrupt reaches JS as a PythonError of type KeyboardInterrupt",
    run: (c) => c.run("raise KeyboardInterrupt"),
  },
  {
    name: "a KeyboardInterrupt from a Python callback passes through JS and is not caught by except Exception",
    run: (c) => {
      const e: any = thrown(() =>
        withGlobals(
          c,
          { errors_call_cb: (f: any) => f() },
          `
          from js import errors_call_cb
          def errors_interrupt():
              raise KeyboardInterrupt
          errors_caught = "no"
          try:
              errors_call_cb(errors_interrupt)
          except Exception:
              errors_caught = "yes"
          `,
        ),
      );
      return [e?.type, c.run("errors_caught")];
    },
  },
  {
    name: "setting the interrupt buffer to 2 raises KeyboardInterrupt and resets the buffer",
    run: (c) => {
      const buffer = new Int8Array(1);
      c.py.setInterruptBuffer(buffer);
      buffer[0] = 2;
      try {
        const e: any = thrown(() => c.run("for errors_i in range(10**7): pass"));
        return [e?.type, buffer[0]];
      } finally {
        c.py.setInterruptBuffer(undefined);
      }
    },
  },
  {
    name: "exit(1) gives a PythonError of type SystemExit: 1",
    run: (c) => c.run("exit(1)"),
  },
  {
    name: "sys.exit with a message gives SystemExit with that message",
    run: (c) => c.run("import sys\nsys.exit('errors bye')"),
  },
  {
    name: "the runtime keeps working after a SystemExit",
    run: (c) => {
      thrown(() => c.run("raise SystemExit(3)"));
      thrown(() => c.run("raise SystemExit(4)"));
      return c.run("6 * 7");
    },
  },

  // ---------------------------------------------------------------------------------------------
  // JsException: a JS error in Python
  // ---------------------------------------------------------------------------------------------
  ...jsErrorClassCases,
  {
    name: "a JS Error read as a value (not thrown) is a JsException",
    run: (c) =>
      withGlobals(c, { errors_value: new RangeError("errors value") }, `
        from pyodide.ffi import JsException, JsProxy
        from js import errors_value
        repr([type(errors_value).__name__, isinstance(errors_value, JsException),
              isinstance(errors_value, BaseException), isinstance(errors_value, JsProxy), str(errors_value)])
      `),
  },
  {
    name: "a JS Error value can be raised in Python and caught as that same object",
    run: (c) =>
      withGlobals(c, { errors_value: new Error("errors raised") }, `
        from pyodide.ffi import JsException
        from js import errors_value
        try:
            raise errors_value
        except JsException as e:
            r = [e is errors_value, e.message]
        repr(r)
      `),
  },
  {
    name: "a raised JS Error that leaves runPython is a PythonError of type JsException",
    run: (c) => c.run("from js import Error\nraise Error.new('errors left python')"),
  },
  {
    name: "a caught JsException passed back to JS is the original Error object",
    run: (c) => {
      const original = new TypeError("errors original");
      let seen: unknown;
      withGlobals(
        c,
        { errors_throw: () => { throw original; }, errors_keep: (e: unknown) => { seen = e; } },
        `
        from js import errors_throw, errors_keep
        try:
            errors_throw()
        except Exception as e:
            errors_keep(e)
        `,
      );
      return [seen === original, seen instanceof TypeError];
    },
  },
  {
    name: "a JS Error returned from runPython is the original object",
    run: (c) => {
      const original = new Error("errors original");
      const back = withGlobals(c, { errors_value: original }, "from js import errors_value\nerrors_value");
      return back === original;
    },
  },
  {
    name: "JsException(name, message) builds a JS error with that name and message",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import JsException
        errors_made = JsException("RangeError", "errors made")
        repr([type(errors_made).__name__, errors_made.name, errors_made.message, str(errors_made)])
      `)),
  },
  {
    name: "a thrown string becomes an Error with that string as message",
    run: (c) =>
      withGlobals(c, { errors_throw: () => { throw "errors a string"; } }, `
        from pyodide.ffi import JsException
        from js import errors_throw
        try:
            errors_throw()
        except JsException as e:
            r = [e.name, e.message, str(e)]
        repr(r)
      `),
  },
  ...(
    [
      ["null", () => { throw null; }],
      ["undefined", () => { throw undefined; }],
      ["number", () => { throw 12; }],
      ["plain object", () => { throw {}; }],
    ] as [string, () => never][]
  ).map(([label, f]): CompatCase => ({
    name: `a thrown ${label} becomes an Error saying what kind of value was thrown`,
    run: (c) =>
      withGlobals(c, { errors_throw: f }, `
        from pyodide.ffi import JsException
        from js import errors_throw
        try:
            errors_throw()
        except JsException as e:
            r = [e.name, str(e).split("\\n")]
        repr(r)
      `),
  })),
  {
    name: "a JS getter that throws raises JsException in Python, not AttributeError",
    run: (c) =>
      withGlobals(c, { errors_obj: { get bad() { throw new Error("errors getter"); } } }, `
        from pyodide.ffi import JsException
        from js import errors_obj
        try:
            errors_obj.bad
            r = "no exception"
        except AttributeError:
            r = "AttributeError"
        except JsException as e:
            r = ["JsException", e.message]
        repr(r)
      `),
  },
  {
    name: "hasattr lets a throwing JS getter's JsException propagate",
    run: (c) =>
      withGlobals(c, { errors_obj: { get bad() { throw new Error("errors getter"); } } }, `
        from js import errors_obj
        try:
            r = hasattr(errors_obj, "bad")
        except Exception as e:
            r = type(e).__name__
        repr(r)
      `),
  },
  {
    name: "extra properties of a thrown JS error are readable on the JsException",
    run: (c) =>
      withGlobals(
        c,
        { errors_throw: () => { throw Object.assign(new Error("errors coded"), { code: "E_ERRORS", cause: "errors why" }); } },
        `
        from js import errors_throw
        try:
            errors_throw()
        except Exception as e:
            r = [e.code, e.cause]
        repr(r)
        `,
      ),
  },
  {
    name: "a JsException is caught by except Exception and has a str stack",
    run: (c) =>
      withGlobals(c, { errors_throw: () => { throw new Error("errors any"); } }, `
        from js import errors_throw
        try:
            errors_throw()
        except Exception as e:
            r = [type(e).__name__, type(e.stack).__name__, "errors any" in e.stack]
        repr(r)
      `),
  },
  {
    name: "JsException is a subclass of Exception and of JsProxy",
    run: (c) =>
      c.run(py(`
        from pyodide.ffi import JsException, JsProxy
        repr([issubclass(JsException, Exception), issubclass(JsException, JsProxy)])
      `)),
  },
  {
    name: "constructing a JS non-constructor with new raises a JsException TypeError",
    run: (c) =>
      c.run(py(`
        import js
        from pyodide.ffi import JsException
        try:
            js.Math.max.new()
            r = "no exception"
        except JsException as e:
            r = [e.name, "not a constructor" in e.message]
        repr(r)
      `)),
  },
  {
    name: "Python can raise a new exception from a caught JsException",
    run: (c) =>
      withGlobals(c, { errors_throw: () => { throw new Error("errors cause"); } }, `
        from js import errors_throw
        try:
            errors_throw()
        except Exception as e:
            raise ValueError("errors wrapped") from e
      `),
  },

  // ---------------------------------------------------------------------------------------------
  // Errors that go out and come back
  // ---------------------------------------------------------------------------------------------
  {
    name: "a JS error not caught in Python arrives in JS as a PythonError of type JsException",
    run: (c) =>
      withGlobals(c, { errors_throw: () => { throw new TypeError("errors through"); } }, `
        from js import errors_throw
        errors_throw()
      `),
  },
  {
    name: "a JS callback's error crossing a Python function called from JS is a PythonError of type JsException",
    run: (c) => {
      const f = c.run("def errors_call_it(cb):\n    return cb()\nerrors_call_it");
      try {
        return thrown(() => f(() => { throw new RangeError("errors from callback"); }));
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a Python callback's exception seen inside JS is a PythonError with the Python type",
    run: (c) =>
      withGlobals(
        c,
        {
          errors_try_call: (f: any) => {
            try {
              f();
              return "no exception";
            } catch (e: any) {
              return `${e.constructor.name} ${e.name} ${e.type} ${e instanceof c.ffi.PythonError}`;
            }
          },
        },
        `
        from js import errors_try_call
        def errors_cb():
            raise ValueError("errors in callback")
        errors_try_call(errors_cb)
        `,
      ),
  },
  {
    name: "a Python exception rethrown by JS comes back to Python as the same exception object",
    run: (c) =>
      withGlobals(c, { errors_call_cb: (f: any) => f() }, `
        from js import errors_call_cb
        errors_err = ValueError("errors same")
        def errors_cb():
            raise errors_err
        try:
            errors_call_cb(errors_cb)
            r = "no exception"
        except Exception as e:
            r = [type(e).__name__, e is errors_err]
        repr(r)
      `),
  },
  {
    name: "a Python exception inside a callback given to Array.map reaches Python with its type",
    run: (c) =>
      c.run(py(`
        import js
        def errors_bad_double(x, *rest):
            if x == 2:
                raise LookupError("errors two")
            return x * 2
        try:
            js.Array.of(1, 2, 3).map(errors_bad_double)
            r = "no exception"
        except LookupError as e:
            r = ["LookupError", str(e)]
        repr(r)
      `)),
  },
  {
    name: "a new JS error thrown by JS while handling a Python exception reaches Python as JsException",
    run: (c) =>
      withGlobals(
        c,
        {
          errors_translate: (f: any) => {
            try {
              f();
            } catch (e: any) {
              throw new Error(`errors translated ${e.type}`);
            }
          },
        },
        `
        from js import errors_translate
        def errors_cb():
            raise KeyError("k")
        try:
            errors_translate(errors_cb)
            r = "no exception"
        except Exception as e:
            r = [type(e).__name__, str(e)]
        repr(r)
        `,
      ),
  },
  {
    name: "PyGenerator.throw with a JS Error raises JsException inside the generator",
    run: (c) => {
      const g = c.run(py(`
        from pyodide.ffi import JsException
        def errors_catching():
            try:
                yield 1
            except JsException as e:
                yield "caught " + e.name + " " + e.message
        errors_catching()
      `));
      try {
        g.next();
        return g.throw(new TypeError("errors thrown in"));
      } finally {
        g.destroy();
      }
    },
  },
  {
    name: "a JS Error thrown into a generator that does not catch it comes back as PythonError of type JsException",
    run: (c) => {
      const g = c.run("def errors_plain_gen():\n    yield 1\n    yield 2\nerrors_plain_gen()");
      try {
        g.next();
        return [thrown(() => g.throw(new RangeError("errors not caught"))), g.next()];
      } finally {
        g.destroy();
      }
    },
  },
  {
    name: "a rejected promise awaited by runPythonAsync and not caught is a PythonError of type JsException",
    run: async (c) => {
      (globalThis as any).errors_reject = () => Promise.reject(new Error("errors rejected"));
      try {
        return await c.runAsync("from js import errors_reject\nawait errors_reject()");
      } finally {
        delete (globalThis as any).errors_reject;
      }
    },
  },
  {
    name: "a JS defaultConverter that throws makes pyodide.toPy throw that error",
    run: (c) => {
      class ErrorsOpaque {}
      return thrown(() =>
        c.py.toPy({ a: new ErrorsOpaque() }, { defaultConverter: () => { throw new Error("errors converter"); } }),
      );
    },
  },
  {
    name: "a JS default_converter that throws makes toJs throw a PythonError of type ConversionError",
    run: (c) => {
      const l = c.run("class ErrorsOpaque: pass\n[ErrorsOpaque()]");
      try {
        return thrown(() => l.toJs({ default_converter: () => { throw new Error("errors converter"); } }));
      } finally {
        l.destroy();
      }
    },
  },
  {
    name: "a JS default_converter that throws makes to_js raise ConversionError",
    run: (c) =>
      withGlobals(c, { errors_conv: () => { throw new RangeError("errors converter"); } }, `
        from pyodide.ffi import to_js
        from js import errors_conv
        class ErrorsOpaque: pass
        try:
            to_js([ErrorsOpaque()], default_converter=errors_conv)
            r = "no exception"
        except Exception as e:
            r = [type(e).__name__, str(e), type(e.__cause__).__name__]
        repr(r)
      `),
  },
  {
    name: "a Python default_converter that raises makes to_py raise that exception",
    run: (c) =>
      withGlobals(c, { errors_opaque: [new (class ErrorsOpaque {})()] }, `
        from js import errors_opaque
        def errors_bad_conv(value, convert, cache):
            raise ValueError("errors converter")
        try:
            errors_opaque.to_py(default_converter=errors_bad_conv)
            r = "no exception"
        except Exception as e:
            r = [type(e).__name__, str(e)]
        repr(r)
      `),
  },
];
