// Cases for pyproxy (see ../runner.ts for the format): the JS side of Python objects. Sources:
// Pyodide's FFI API and type-translation pages (PyProxy sections), the reference study
// (pyodide-ffi.md §1.1 and §1.4) and what Pyodide's own test_pyproxy.py checks.
import { pyCooked as py } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";
import type { CaseContext } from "../adapter.js";


/**
 * What `fn` throws: its class and the FIRST line of its message. Used where the interesting part
 * is the first line (a destroyed proxy's message, whose later lines are a hint).
 */
function firstLine(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e: any) {
    return { threw: e?.constructor?.name, message: String(e?.message ?? e).split("\n")[0] };
  }
  return "did not throw";
}

/** Whether `fn` throws, and the class of what it throws (for engine-worded messages). */
function throwsClass(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e: any) {
    return { threw: e?.constructor?.name };
  }
  return "did not throw";
}

const FFI_CLASSES = [
  "PyProxy", "PyProxyWithLength", "PyProxyWithGet", "PyProxyWithSet", "PyProxyWithHas", "PyDict",
  "PyIterable", "PyAsyncIterable", "PyIterator", "PyAsyncIterator", "PyGenerator", "PyAsyncGenerator",
  "PyAwaitable", "PyCallable", "PyBuffer", "PySequence", "PyMutableSequence",
];

/** The proxy's `type` and the ffi classes it is an instance of (for objects we must not return). */
function kinds(c: CaseContext, p: any): unknown {
  return [p.type, FFI_CLASSES.filter((k) => p instanceof c.ffi[k])];
}

/** A plain description of a PyBufferView (fields Pyodide documents). */
function bufferFields(b: any): unknown {
  return {
    data: [b.data.constructor.name, Array.from(b.data as ArrayLike<unknown>, (x) => String(x))],
    offset: b.offset,
    format: b.format,
    itemsize: b.itemsize,
    ndim: b.ndim,
    nbytes: b.nbytes,
    shape: b.shape,
    strides: b.strides,
    // Compared as booleans here; "the readonly and contiguity flags ..." compares their JS type.
    readonly: Boolean(b.readonly),
    c_contiguous: Boolean(b.c_contiguous),
    f_contiguous: Boolean(b.f_contiguous),
  };
}

/** Sets `globalThis[name]` for the duration of `fn`. */
function withGlobal<T>(name: string, value: unknown, fn: () => T): T {
  (globalThis as any)[name] = value;
  try {
    return fn();
  } finally {
    delete (globalThis as any)[name];
  }
}

export const pyproxy: CompatCase[] = [
  {
    name: "a released buffer view's data is no longer a typed array",
    run: (c) => {
      const p = c.run("bytearray(b'released')");
      const v = p.getBuffer();
      v.release();
      p.destroy();
      return [typeof v.data, ArrayBuffer.isView(v.data), String(v.data)];
    },
  },
  // -------------------------------------------------------------------------------------------
  // Type flags: which ffi classes a proxy of each kind of object is an instance of.
  // -------------------------------------------------------------------------------------------
  { name: "a list proxy has the list flags", run: (c) => c.run("[1, 2]") },
  { name: "a tuple proxy has the tuple flags", run: (c) => c.run("(1, 2)") },
  { name: "a dict proxy has the dict flags", run: (c) => c.run("{'a': 1}") },
  { name: "a set proxy has the set flags", run: (c) => c.run("{1, 2}") },
  { name: "a frozenset proxy has the frozenset flags", run: (c) => c.run("frozenset([1])") },
  { name: "a bytes proxy has the bytes flags", run: (c) => c.run("b'ab'") },
  { name: "a bytearray proxy has the bytearray flags", run: (c) => c.run("bytearray(b'ab')") },
  { name: "a memoryview proxy has the memoryview flags", run: (c) => c.run("memoryview(b'ab')") },
  { name: "a range proxy has the range flags", run: (c) => c.run("range(3)") },
  { name: "a generator proxy has the generator flags", run: (c) => c.run("(x for x in [1])") },
  { name: "a list iterator proxy has the iterator flags", run: (c) => c.run("iter([1])") },
  { name: "a dict_keys view proxy has the view flags", run: (c) => c.run("{'a': 1}.keys()") },
  {
    name: "an async generator proxy has the async generator flags",
    run: (c) => c.run(py`
      async def pp_agen_flags():
          yield 1
      pp_agen_flags()
    `),
  },
  {
    name: "a coroutine proxy has the awaitable flags",
    run: (c) => {
      c.run(py`
        async def pp_coro_flags():
            return 1
        pp_coro_flags_obj = pp_coro_flags()
      `);
      const co = c.py.globals.get("pp_coro_flags_obj");
      const result = kinds(c, co);
      co.destroy();
      c.run("pp_coro_flags_obj.close(); del pp_coro_flags_obj");
      return result;
    },
  },
  { name: "a def function proxy has the callable flags", run: (c) => c.run("def pp_fn_flags(): pass\npp_fn_flags") },
  { name: "a lambda proxy has the callable flags", run: (c) => c.run("lambda: 1") },
  { name: "a builtin function proxy has the callable flags", run: (c) => c.run("len") },
  { name: "a user class proxy has the class flags", run: (c) => c.run("class PPFlagK: pass\nPPFlagK") },
  { name: "the list type proxy has the generic-class flags", run: (c) => c.run("list") },
  { name: "an object() proxy has no protocol flags", run: (c) => c.run("object()") },
  { name: "a module proxy has the module flags", run: (c) => c.run("import math; math") },
  {
    name: "an instance with __len__ is a PyProxyWithLength",
    run: (c) => c.run("class PPFlagLen:\n    def __len__(self): return 3\nPPFlagLen()"),
  },
  {
    name: "an instance with __getitem__ is a PyProxyWithGet and iterable",
    run: (c) => c.run("class PPFlagGet:\n    def __getitem__(self, k): return k\nPPFlagGet()"),
  },
  {
    name: "an instance with __setitem__ is a PyProxyWithSet",
    run: (c) => c.run("class PPFlagSet:\n    def __setitem__(self, k, v): pass\nPPFlagSet()"),
  },
  {
    name: "an instance with __contains__ is a PyProxyWithHas",
    run: (c) => c.run("class PPFlagHas:\n    def __contains__(self, k): return True\nPPFlagHas()"),
  },
  {
    name: "an instance with __iter__ is a PyIterable",
    run: (c) => c.run("class PPFlagIter:\n    def __iter__(self): return iter([])\nPPFlagIter()"),
  },
  {
    name: "an instance with __next__ is a PyIterator",
    run: (c) => c.run("class PPFlagNext:\n    def __next__(self): raise StopIteration\nPPFlagNext()"),
  },
  {
    name: "an instance with __await__ is a PyAwaitable",
    // Described, not returned: the runner would await an awaitable proxy.
    run: (c) => kinds(c, c.run("class PPFlagAwait:\n    def __await__(self): return iter([])\nPPFlagAwait()")),
  },
  {
    name: "an instance with __call__ is a PyCallable",
    run: (c) => c.run("class PPFlagCall:\n    def __call__(self): return 1\nPPFlagCall()"),
  },
  {
    name: "an instance with __aiter__ is a PyAsyncIterable",
    run: (c) => c.run("class PPFlagAiter:\n    def __aiter__(self): return self\nPPFlagAiter()"),
  },
  {
    name: "an instance with __anext__ is a PyAsyncIterator",
    run: (c) => c.run("class PPFlagAnext:\n    async def __anext__(self): raise StopAsyncIteration\nPPFlagAnext()"),
  },
  // The next three list the classes only: their `type` differs for its own reason (see "type of ...").
  { name: "a deque proxy is a PyMutableSequence", run: (c) => (kinds(c, c.run("import collections; collections.deque([1])")) as unknown[])[1] },
  { name: "a ChainMap proxy has mapping flags but is not a PyDict", run: (c) => c.run("import collections; collections.ChainMap({'a': 1})") },
  { name: "an OrderedDict proxy is not a PyDict", run: (c) => (kinds(c, c.run("import collections; collections.OrderedDict(a=1)")) as unknown[])[1] },
  { name: "an array.array proxy is a buffer and a mutable sequence", run: (c) => (kinds(c, c.run("import array; array.array('i', [1])")) as unknown[])[1] },
  {
    name: "a collections.abc.Sequence subclass instance is a PySequence",
    run: (c) => c.run(py`
      import collections.abc
      class PPFlagSeq(collections.abc.Sequence):
          def __len__(self): return 2
          def __getitem__(self, i):
              if i >= 2: raise IndexError(i)
              return i * 10
      PPFlagSeq()
    `),
  },
  { name: "typeof a list proxy is object", run: (c) => typeof c.run("[]") },
  { name: "typeof a function proxy is function", run: (c) => typeof c.run("len") },
  { name: "typeof a class proxy is function", run: (c) => typeof c.run("int") },
  {
    name: "callable proxies are instanceof Function, a dict is not",
    run: (c) => {
      const objs = [c.run("lambda: 0"), c.run("len"), c.run("class PPInstF:\n    def __call__(self): pass\nPPInstF()"), c.run("{}")];
      return objs.map((o) => [o instanceof Function, o instanceof c.ffi.PyProxy, o instanceof c.ffi.PyCallable]);
    },
  },
  {
    name: "a callable and a non-callable proxy are instances of each other's constructor",
    run: (c) => {
      const f = c.run("lambda: 0");
      const d = c.run("{}");
      return [d instanceof f.constructor, f instanceof d.constructor];
    },
  },
  {
    name: "plain JS values are not instanceof PyProxy",
    run: (c) => [{}, [], () => 1, null].map((v) => v instanceof c.ffi.PyProxy),
  },
  { name: "new PyProxy() is a TypeError", run: (c) => new c.ffi.PyProxy() },
  { name: "new PyDict() is a TypeError", run: (c) => new c.ffi.PyDict() },
  {
    name: "Symbol.toStringTag of a proxy is PyProxy",
    run: (c) => [c.run("[]")[Symbol.toStringTag], Object.prototype.toString.call(c.run("[]")), Object.prototype.toString.call(c.run("len"))],
  },

  // -------------------------------------------------------------------------------------------
  // type and toString
  // -------------------------------------------------------------------------------------------
  { name: "type of a list is list", run: (c) => c.run("[]").type },
  { name: "type of a user instance is its class name", run: (c) => c.run("class PPTypeFoo: pass\nPPTypeFoo()").type },
  { name: "type of a builtin method is builtin_function_or_method", run: (c) => c.run("[].append").type },
  { name: "type of a bound user method is method", run: (c) => c.run("class PPTypeM:\n    def m(self): pass\nPPTypeM().m").type },
  { name: "type of a class is type", run: (c) => c.run("int").type },
  { name: "type of a generator is generator", run: (c) => c.run("(x for x in [])").type },
  { name: "type of an OrderedDict includes its module", run: (c) => c.run("import collections; collections.OrderedDict()").type },
  { name: "type of a deque includes its module", run: (c) => c.run("import collections; collections.deque()").type },
  { name: "type of an array.array includes its module", run: (c) => c.run("import array; array.array('b')").type },
  { name: "type of a ChainMap is ChainMap", run: (c) => c.run("import collections; collections.ChainMap()").type },
  { name: "toString of a list is its str()", run: (c) => c.run("[1, 'a', None]").toString() },
  { name: "toString prefers __str__ to __repr__", run: (c) => c.run("class PPStr1:\n    def __repr__(self): return 'R'\n    def __str__(self): return 'S'\nPPStr1()").toString() },
  { name: "toString falls back to __repr__", run: (c) => c.run("class PPStr2:\n    def __repr__(self): return 'R'\nPPStr2()").toString() },
  { name: "String() and template literals use str()", run: (c) => { const p = c.run("(1, 2)"); return [String(p), `${p}`, p + ""]; } },
  { name: "toString surfaces an error raised by __str__", run: (c) => c.run("class PPStr3:\n    def __str__(self): raise ValueError('no str')\nPPStr3()").toString() },

  // -------------------------------------------------------------------------------------------
  // destroy and copy
  // -------------------------------------------------------------------------------------------
  {
    name: "using a destroyed proxy throws Object has already been destroyed",
    run: (c) => {
      const p = c.run("[1]");
      p.destroy();
      return firstLine(() => p.type);
    },
  },
  {
    name: "the destroyed-proxy message ends with the setDebug hint",
    run: (c) => {
      const p = c.run("[1]");
      p.destroy();
      try {
        p.toString();
      } catch (e: any) {
        return [e.constructor.name, e.message];
      }
      return "did not throw";
    },
  },
  {
    name: "with setDebug(true) the destroyed-proxy message describes the object",
    run: (c) => {
      const before = c.py.setDebug(true);
      try {
        const p = c.run("[1, 'two']");
        p.destroy();
        return [before, firstLine(() => p.length), (() => { try { p.length; } catch (e: any) { return e.message.split("\n")[1]; } })()];
      } finally {
        c.py.setDebug(false);
      }
    },
  },
  { name: "a proxy's constructor is PyProxy", run: (c) => [c.run("[]").constructor === c.ffi.PyProxy, c.run("len").constructor === c.ffi.PyProxy] },
  { name: "destroy twice is a no-op", run: (c) => { const p = c.run("[1]"); p.destroy(); return p.destroy(); } },
  {
    name: "destroy({message}) sets the message of later use",
    run: (c) => {
      const p = c.run("[1]");
      p.destroy({ message: "pp gone away" });
      return firstLine(() => p.length);
    },
  },
  {
    name: "calling a destroyed callable throws the destroyed message",
    run: (c) => {
      const f = c.run("lambda: 1");
      f.destroy();
      return firstLine(() => f());
    },
  },
  {
    name: "a destroyed proxy keeps its typeof and instanceof",
    run: (c) => {
      const p = c.run("[1]");
      const f = c.run("len");
      p.destroy();
      f.destroy();
      return [typeof p, p instanceof c.ffi.PyProxy, typeof f, f instanceof c.ffi.PyCallable];
    },
  },
  {
    name: "Symbol.dispose destroys the proxy",
    run: (c) => {
      const p = c.run("[1]");
      p[Symbol.dispose]();
      return firstLine(() => p.toString());
    },
  },
  {
    name: "a copy survives destroying the original",
    run: (c) => {
      const p = c.run("list(range(10))");
      const q = p.copy();
      p.destroy();
      return [q.length, q.type, q !== p];
    },
  },
  {
    name: "destroying a copy leaves the original usable",
    run: (c) => {
      const p = c.run("[1, 2]");
      p.copy().destroy();
      return p.toString();
    },
  },
  {
    name: "two proxies of one object have independent lifetimes",
    run: (c) => {
      const a = c.run("pp_shared_d = {1: 2}; pp_shared_d");
      const b = c.run("pp_shared_d");
      a.destroy();
      return [a === b, b.get(1)];
    },
  },
  {
    name: "destroying a proxy does not delete the Python object",
    run: (c) => {
      const p = c.run("pp_keep = [1, 2]; pp_keep");
      p.destroy();
      return c.run("repr(pp_keep)");
    },
  },
  {
    name: "a proxy passed back to Python is the original object",
    run: (c) => {
      const p = c.run("pp_orig = object(); pp_orig");
      const same = c.run("lambda x: x is pp_orig");
      return same(p);
    },
  },

  {
    name: "a live proxy keeps the Python object alive and destroy releases it",
    run: (c) => {
      c.run("import weakref\nclass PPLife1: pass\npp_life1 = PPLife1(); pp_life1_ref = weakref.ref(pp_life1)");
      const p = c.run("pp_life1");
      c.run("del pp_life1");
      const before = c.run("pp_life1_ref() is None");
      p.destroy();
      return [before, c.run("pp_life1_ref() is None")];
    },
  },
  {
    name: "a garbage-collected proxy releases the Python object",
    run: async (c) => {
      c.run("import weakref\nclass PPLife2: pass\npp_life2 = PPLife2(); pp_life2_ref = weakref.ref(pp_life2)");
      (() => void c.run("pp_life2"))();
      c.run("del pp_life2");
      const before = c.run("pp_life2_ref() is None");
      await c.gc();
      return [before, c.run("pp_life2_ref() is None")];
    },
  },
  {
    name: "destroy({destroyRoundtrip: false}) spares a create_proxy proxy",
    run: (c) => {
      c.run("from pyodide.ffi import create_proxy\npp_rt1 = create_proxy({1: 2})");
      const spare = (p: any) => {
        p.destroy({ destroyRoundtrip: false });
        return p.get(1);
      };
      const kill = (p: any) => {
        p.destroy({ destroyRoundtrip: true });
        return firstLine(() => p.get(1));
      };
      const a = withGlobal("pp_rt_spare", spare, () => c.run("import js; js.pp_rt_spare(pp_rt1)"));
      const b = withGlobal("pp_rt_kill", kill, () => c.run("import js; js.pp_rt_kill(pp_rt1)"));
      return [a, b];
    },
  },
  {
    name: "destroy() of a create_proxy proxy from JS destroys it",
    run: (c) => {
      c.run("from pyodide.ffi import create_proxy\npp_rt2 = create_proxy({1: 2})");
      withGlobal("pp_rt_destroy", (p: any) => p.destroy(), () => c.run("import js; js.pp_rt_destroy(pp_rt2)"));
      // The JS object the function returns comes back to JS as itself.
      return withGlobal("pp_rt_use", (p: any) => firstLine(() => p.get(1)), () => c.run("import js; js.pp_rt_use(pp_rt2)"));
    },
  },
  {
    name: "supportsLength and friends are not PyProxy methods",
    run: (c) => {
      const p = c.run("[1]");
      return [typeof p.supportsLength, typeof p.supportsGet, typeof p.supportsSet, typeof p.supportsHas];
    },
  },
  { name: "a live proxy has no destroyed property", run: (c) => c.run("[1]").destroyed },

  // -------------------------------------------------------------------------------------------
  // Attributes: get, set, delete, in, $-prefix, borrowed attribute proxies.
  // -------------------------------------------------------------------------------------------
  {
    name: "a class attribute is read through the proxy",
    run: (c) => c.run("class PPAttr1:\n    bar = 42\nPPAttr1()").bar,
  },
  { name: "a missing attribute reads as undefined", run: (c) => c.run("object()").pp_no_such_attr },
  {
    name: "in asks hasattr",
    run: (c) => {
      const o = c.run("class PPAttr2:\n    bar = 1\nPPAttr2()");
      return ["bar" in o, "pp_missing" in o, "__class__" in o];
    },
  },
  {
    name: "assigning a property sets the Python attribute",
    run: (c) => {
      const o = c.run("class PPAttr3: pass\npp_attr3 = PPAttr3(); pp_attr3");
      o.baz = 32;
      return [o.baz, c.run("pp_attr3.baz")];
    },
  },
  {
    name: "deleting a property deletes the Python attribute",
    run: (c) => {
      const o = c.run("class PPAttr4: pass\npp_attr4 = PPAttr4(); pp_attr4.baz = 1; pp_attr4");
      const r = delete o.baz;
      return [r, c.run("hasattr(pp_attr4, 'baz')")];
    },
  },
  {
    name: "deleting a missing attribute raises AttributeError",
    run: (c) => {
      const o = c.run("class PPAttr5: pass\nPPAttr5()");
      return delete o.nope;
    },
  },
  {
    name: "a method called through the proxy runs in Python",
    run: (c) => c.run("class PPAttr6:\n    def get_value(self, v): return v * 64\nPPAttr6()").get_value(2),
  },
  {
    name: "a method read as an attribute is a callable proxy",
    run: (c) => {
      const m = c.run("class PPAttr7:\n    def get_value(self, v): return v * 64\nPPAttr7()").get_value;
      return [m.type, m(3)];
    },
  },
  {
    name: "an error raised by __getattr__ surfaces on property read",
    run: (c) => c.run("class PPAttr8:\n    def __getattr__(self, n): raise ValueError('no ' + n)\nPPAttr8()").x,
  },
  {
    name: "an error raised by __setattr__ surfaces on property write",
    run: (c) => {
      const o = c.run("class PPAttr9:\n    def __setattr__(self, n, v): raise ValueError('read only')\nPPAttr9()");
      o.x = 1;
      return "no error";
    },
  },
  {
    name: "in is false when __getattr__ raises a non-AttributeError",
    run: (c) => "x" in c.run("class PPAttr10:\n    def __getattr__(self, n): raise ValueError('no')\nPPAttr10()"),
  },
  {
    name: "the same attribute read twice is the same proxy",
    run: (c) => {
      const o = c.run("class PPBorrow1:\n    x = []\nPPBorrow1()");
      return o.x === o.x;
    },
  },
  {
    name: "an attribute proxy is destroyed with the proxy it was read from",
    run: (c) => {
      const o = c.run("class PPBorrow2:\n    x = []\nPPBorrow2()");
      const x = o.x;
      o.destroy();
      return firstLine(() => x.type);
    },
  },
  {
    name: "a borrowed method dies with its parent",
    run: (c) => {
      const o = c.run("class PPBorrow3:\n    def f(self): return 7\nPPBorrow3()");
      const f = o.f;
      const before = f();
      o.destroy();
      return [before, firstLine(() => f())];
    },
  },
  {
    name: "copy() detaches an attribute proxy from its parent",
    run: (c) => {
      const t = c.run(py`
        class PPBorrowInner:
            def f(self):
                return 7
        class PPBorrowOuter:
            T = PPBorrowInner()
        PPBorrowOuter
      `);
      const T = t.T;
      const Tcopy = T.copy();
      t.destroy();
      return [Tcopy.f(), firstLine(() => T.f())];
    },
  },
  {
    name: "an attribute proxy lives on while a copy of its parent lives",
    run: (c) => {
      const o = c.run("class PPBorrow4:\n    x = [5]\nPPBorrow4()");
      const x = o.x;
      const o2 = o.copy();
      o.destroy();
      const alive = x.toString();
      o2.destroy();
      return [alive, firstLine(() => x.toString())];
    },
  },
  {
    name: "destroying an attribute proxy alone leaves its parent usable",
    run: (c) => {
      const o = c.run("class PPBorrow5:\n    x = [5]\n    y = 3\nPPBorrow5()");
      o.x.destroy();
      return o.y;
    },
  },
  {
    name: "$-prefixed and module attribute reads are cached too",
    run: (c) => {
      const d = c.run("{}");
      const m = c.run("import math; math");
      return [d.$get === d.$get, m.sqrt === m.sqrt, m.sqrt(16)];
    },
  },
  {
    name: "a property that makes a new object gives a new proxy each read, all dying with the parent",
    run: (c) => {
      const o = c.run("class PPBorrow6:\n    @property\n    def fresh(self): return [1]\nPPBorrow6()");
      const a = o.fresh;
      const b = o.fresh;
      const same = a === b;
      o.destroy();
      return [same, firstLine(() => a.length), firstLine(() => b.length)];
    },
  },
  {
    name: "copy() keeps the bound arguments and captureThis of an alias",
    run: (c) => {
      const g = c.run("lambda *a: repr(a)");
      const bound = g.bind(null, 1);
      const captured = g.captureThis();
      const copies = [bound.copy(), captured.copy()];
      g.destroy();
      return [copies[0](2), copies[1].call("self", 3)];
    },
  },
  {
    name: "a $-prefixed name reads the Python attribute a JS method shadows",
    run: (c) => {
      const d = c.run("{}");
      return [d.$get.type, d.get.type, typeof d.get];
    },
  },
  {
    name: "a $-prefixed assignment sets the Python attribute",
    run: (c) => {
      const o = c.run("class PPDollar1: pass\npp_dollar1 = PPDollar1(); pp_dollar1");
      o.$toString = 5;
      o.$type = 3;
      return [c.run("pp_dollar1.toString"), c.run("pp_dollar1.type"), typeof o.toString, o.type];
    },
  },
  {
    name: "in with a $-prefixed name asks hasattr",
    run: (c) => {
      const d = c.run("{}");
      return ["$keys" in d, "$pp_zz" in d, "$get" in d];
    },
  },
  {
    name: "a symbol property stays on the JS side",
    run: (c) => {
      const p = c.run("class PPSym: pass\npp_sym = PPSym(); pp_sym");
      const sym = Symbol("pp");
      p[sym] = 5;
      return [p[sym], sym in p, Symbol.iterator in p, c.run("repr(vars(pp_sym))")];
    },
  },
  {
    name: "Symbol.iterator, next, then and Symbol.asyncIterator by kind of object",
    run: (c) =>
      ["[]", "iter([])", "object()", "(x for x in [])"].map((src) => {
        const x = c.run(src);
        return [src, Symbol.iterator in x, "next" in x, "then" in x, Symbol.asyncIterator in x];
      }),
  },
  {
    name: "getOwnPropertyNames includes dir()",
    run: (c) => {
      const o = c.run("class PPOwn1:\n    bar = 42\n    def get_value(self): pass\nPPOwn1()");
      const names = Object.getOwnPropertyNames(o);
      return ["bar", "get_value", "__class__", "__init__", "__dict__"].map((n) => names.includes(n));
    },
  },
  {
    name: "getOwnPropertyNames surfaces an error raised by __dir__",
    run: (c) => Object.getOwnPropertyNames(c.run("class PPOwn2:\n    def __dir__(self): raise ValueError('no dir')\nPPOwn2()")),
  },
  {
    name: "Object.keys of a plain instance proxy is empty",
    run: (c) => Object.keys(c.run("class PPOwn3:\n    a = 1\nPPOwn3()")),
  },
  {
    name: "a property defined with defineProperty reads back",
    run: (c) => {
      const d = c.run("{}");
      Object.defineProperty(d, "x", { value: 9, configurable: true, writable: true });
      d.x = 10;
      return d.x;
    },
  },
  {
    name: "assigning a non-writable defined property is a TypeError",
    run: (c) => {
      const d = c.run("{}");
      Object.defineProperty(d, "x", { value: 9, configurable: false, writable: false });
      return [d.x, throwsClass(() => { d.x = 10; })];
    },
  },
  {
    name: "deleting a non-configurable defined property is a TypeError",
    run: (c) => {
      const d = c.run("{}");
      Object.defineProperty(d, "x", { value: 9, configurable: false, writable: true });
      return throwsClass(() => delete d.x);
    },
  },
  {
    name: "name, prototype and caller are not in a dict proxy but length is",
    run: (c) => {
      const d = c.run("{}");
      return ["prototype" in d, "caller" in d, "name" in d, "length" in d];
    },
  },
  {
    name: "Function.prototype members in a callable proxy",
    run: (c) => {
      const o = c.run("lambda: None");
      return ["length", "name", "arguments", "caller", "apply", "bind", "call", "toString", "constructor"].map((k) => [k, k in o]);
    },
  },
  {
    name: "prototype is in a callable proxy but reads as undefined",
    run: (c) => {
      const o = c.run("class PPProto1:\n    def __call__(self, x): return x + 1\nPPProto1()");
      return ["prototype" in o, o.prototype, o.name, o.length, o(1)];
    },
  },
  {
    name: "a callable's Python attributes name, length, caller and prototype win",
    run: (c) => {
      const t = c.run(py`
        class PPProto2:
            caller = "fifty"
            prototype = "proto"
            name = "me"
            length = 7
            def __call__(self, x):
                return x + 1
        PPProto2()
      `);
      return [t.caller, "prototype" in t, t.prototype, t.name, t.length, t(7)];
    },
  },
  {
    name: "a class proxy's own Python attributes name and length win",
    run: (c) => {
      const T = c.run("class PPProto3:\n    name = 'me'\n    length = 7\nPPProto3");
      return [T.name, T.length];
    },
  },
  {
    name: "a class without name or length attributes hides the function ones",
    run: (c) => {
      const T = c.run("class PPProto4:\n    prototype: int\n    name: int\nPPProto4");
      return [T.prototype, "name" in T, "length" in T];
    },
  },
  {
    name: "setting name and length on a class proxy sets Python attributes",
    run: (c) => {
      const T = c.run("class PPProto5: pass\nPPProto5");
      T.name = 7;
      T.length = 8;
      return c.run("[PPProto5.name, PPProto5.length]").toJs();
    },
  },

  // -------------------------------------------------------------------------------------------
  // length
  // -------------------------------------------------------------------------------------------
  { name: "length of a list proxy is len()", run: (c) => c.run("[1, 2, 3]").length },
  { name: "length of a dict proxy is len()", run: (c) => c.run("{'a': 1, 'b': 2}").length },
  { name: "length asks __len__", run: (c) => c.run("class PPLen1:\n    def __len__(self): return 9\nPPLen1()").length },
  {
    name: "length surfaces an error raised by __len__",
    run: (c) => c.run("class PPLen2:\n    def __len__(self): raise ValueError('bad len')\nPPLen2()").length,
  },
  {
    name: "length of a callable with __len__",
    run: (c) => {
      const f = c.run("class PPLen3:\n    def __call__(self): pass\n    def __len__(self): return 9\nPPLen3()");
      return [f.length, "length" in f, f instanceof c.ffi.PyProxyWithLength];
    },
  },
  {
    name: "length of a callable whose __len__ raises",
    run: (c) => c.run("class PPLen4:\n    def __call__(self): pass\n    def __len__(self): raise ValueError('bad len')\nPPLen4()").length,
  },
  {
    name: "a callable proxy has no own name or length and keeps prototype",
    run: (c) => {
      const f = c.run("lambda: 1");
      const own = (k: string) => Object.getOwnPropertyDescriptor(f, k) !== undefined;
      const listed = Reflect.ownKeys(f).filter((k) => k === "name" || k === "length" || k === "prototype");
      return [own("name"), own("length"), own("prototype"), listed, Object.keys(f), "prototype" in f, f.prototype];
    },
  },
  {
    name: "an object without __len__ has no length",
    run: (c) => {
      const o = c.run("object()");
      return [o.length, "length" in o];
    },
  },
  {
    name: "assigning length is a TypeError and leaves it unchanged",
    run: (c) => {
      const t = c.run("class PPLen5:\n    def __len__(self): return 9\nPPLen5()");
      return [throwsClass(() => { t.length = 10; }), t.length];
    },
  },
  {
    name: "deleting length does nothing",
    run: (c) => {
      const t = c.run("class PPLen6:\n    def __len__(self): return 9\nPPLen6()");
      return [delete t.length, t.length];
    },
  },

  // -------------------------------------------------------------------------------------------
  // get / set / has / delete
  // -------------------------------------------------------------------------------------------
  {
    name: "dict get, set, has and delete",
    run: (c) => {
      const d = c.run("pp_gshd = {'a': 1}; pp_gshd");
      d.set("b", 2);
      const r = [d.get("a"), d.has("a"), d.has("zz")];
      d.delete("a");
      return [...r, c.run("repr(pp_gshd)")];
    },
  },
  {
    name: "keys(), values() and items() of a dict proxy are Python views",
    run: (c) => {
      const d = c.run("{'a': 1, 'b': 2}");
      return [Array.from(d.keys()), Array.from(d.values()), Array.from(d.items(), (t: any) => t.toJs()), d.keys().type];
    },
  },
  { name: "get of a missing dict key is undefined", run: (c) => c.run("{}").get("missing") },
  { name: "get of a list index out of range is undefined", run: (c) => c.run("[1]").get(5) },
  {
    name: "get surfaces errors other than KeyError and IndexError",
    run: (c) => c.run("class PPGet1:\n    def __getitem__(self, k): raise ValueError('bad key')\nPPGet1()").get(1),
  },
  {
    name: "get swallows an IndexError raised by __getitem__",
    run: (c) => c.run("class PPGet2:\n    def __getitem__(self, k): raise IndexError('nope')\nPPGet2()").get(1),
  },
  { name: "delete of a missing dict key raises KeyError", run: (c) => c.run("{}").delete("x") },
  {
    name: "list set and delete by index",
    run: (c) => {
      const l = c.run("pp_lsd = [5, 6, 7]; pp_lsd");
      l.set(0, 80);
      l.delete(1);
      return [c.run("repr(pp_lsd)"), l.length, l.get(1)];
    },
  },
  { name: "has on a list tests membership", run: (c) => { const l = c.run("[1, 2]"); return [l.has(2), l.has(3)]; } },
  { name: "get with a tuple proxy as the key", run: (c) => c.run("{(1, 2): 'x'}").get(c.run("(1, 2)")) },
  {
    name: "set, has and delete surface errors from the Python methods",
    run: (c) => {
      const t = c.run(py`
        class PPGet3:
            def __setitem__(self, k, v): raise ValueError('no set')
            def __delitem__(self, k): raise ValueError('no del')
            def __contains__(self, k): raise ValueError('no has')
        PPGet3()
      `);
      const one = (fn: () => unknown) => {
        try {
          fn();
          return "no error";
        } catch (e: any) {
          return [e.constructor.name, e.type];
        }
      };
      return [one(() => t.set(1, 2)), one(() => t.delete(1)), one(() => t.has(1))];
    },
  },

  // -------------------------------------------------------------------------------------------
  // A dict proxy: properties fall back to the dict's items.
  // -------------------------------------------------------------------------------------------
  { name: "a dict proxy property reads the item when no attribute exists", run: (c) => c.run("{'a': 2}").a },
  {
    name: "a numeric property of a dict prefers the str key",
    run: (c) => c.run("{1: 'int', '1': 'string'}")[1],
  },
  { name: "a numeric property of a dict falls back to the int key", run: (c) => c.run("{2: 'int'}")[2] },
  {
    name: "a dict attribute wins over an item of the same name",
    run: (c) => typeof c.run("{'items': 'some value'}").items,
  },
  {
    name: "a $-prefixed dict key is read as an item",
    run: (c) => c.run("{'$dollar': 8, '$$dollar': 9}")["$$dollar"],
  },
  { name: "a missing dict item property reads as undefined", run: (c) => c.run("{'a': 1}").zz },
  {
    name: "assigning a dict proxy property stores an item",
    run: (c) => {
      const d = c.run("pp_dset1 = {}; pp_dset1");
      d.x = 7;
      d[2] = 3;
      return c.run("repr(pp_dset1)");
    },
  },
  {
    name: "assigning a numeric property of a dict keeps an existing str key",
    run: (c) => {
      const d = c.run("pp_dset2 = {1: 'int', '1': 'string'}; pp_dset2");
      d[1] = 7;
      return c.run("repr(pp_dset2)");
    },
  },
  {
    name: "deleting a dict proxy property deletes the item",
    run: (c) => {
      const d = c.run("pp_ddel1 = {'a': 1, 'b': 2, 3: 4}; pp_ddel1");
      const r = [delete d.a, delete d[3]];
      return [r, c.run("repr(pp_ddel1)")];
    },
  },
  {
    name: "deleting a missing dict property is a TypeError",
    run: (c) => throwsClass(() => delete c.run("{}").nope),
  },
  { name: "in on a dict proxy sees its items", run: (c) => { const d = c.run("{'a': 2}"); return ["a" in d, "zz" in d]; } },
  {
    name: "ownKeys of a dict proxy include its str and int keys",
    run: (c) => {
      const keys = Reflect.ownKeys(c.run("{'a': 1, 2: 3, (1, 2): 4}"));
      return ["a", "2", "keys", "items", "get"].map((k) => keys.includes(k));
    },
  },
  { name: "Object.keys of a dict proxy lists its items", run: (c) => Object.keys(c.run("{'a': 1, 'b': 2}")) },
  { name: "JSON.stringify of a dict proxy writes its str items", run: (c) => JSON.stringify(c.run("{'a': 1, 'b': 'x', 3: None, 'n': [1]}")) },
  { name: "spreading a dict proxy copies its items", run: (c) => { const o = { ...c.run("{'a': 1, 2: 'two'}") }; return Object.entries(o).map(([k, v]) => [k, typeof v === "object" ? "proxy" : v]); } },
  {
    name: "for...in over a dict proxy visits its items",
    run: (c) => {
      const seen: string[] = [];
      for (const k in c.run("{'a': 1, 'b': 2}")) seen.push(k);
      return seen;
    },
  },
  { name: "a dict proxy item whose name is a float string is not found", run: (c) => { const d = c.run("{1.5: 'f', '1.5': 's'}"); return [d[1.5], d["2.5"]]; } },
  { name: "Object.keys of py.globals lists __main__'s names", run: (c) => { c.run("pp_main_key = 1"); return Object.keys(c.py.globals).includes("pp_main_key"); } },
  { name: "Object.entries of a list proxy is empty", run: (c) => Object.entries(c.run("[1, 2]")) },
  { name: "a dict subclass proxy does not read items as properties", run: (c) => c.run("class PPDictSub(dict): pass\nPPDictSub(a=1)").a },
  {
    name: "an attribute of a dict proxy shadows its item of the same name",
    run: (c) => { const d = c.run("{'keys': 1, 'x': 2}"); return [typeof d.keys, d.x, d.$keys === d.keys]; },
  },

  // -------------------------------------------------------------------------------------------
  // py.globals
  // -------------------------------------------------------------------------------------------
  { name: "globals.get falls back to builtins", run: (c) => c.py.globals.get("open").type },
  {
    name: "globals.has sees builtins and main names",
    run: (c) => {
      c.run("pp_glob_y = 7");
      return ["pp_glob_x_missing", "pp_glob_y", "globals", "open"].map((k) => c.py.globals.has(k));
    },
  },
  { name: "globals.get of a missing name is undefined", run: (c) => c.py.globals.get("pp_glob_missing") },
  { name: "globals.get reads __name__", run: (c) => c.py.globals.get("__name__") },
  {
    name: "globals.set makes a name Python sees",
    run: (c) => {
      c.py.globals.set("pp_glob_set", 2);
      return c.run("pp_glob_set * 10");
    },
  },
  {
    name: "del of a builtin raises NameError and globals.get still finds it", 
    run: (c) => {
      let err: unknown = "no error";
      try {
        c.run("del open");
      } catch (e: any) {
        err = e.type;
      }
      return [err, c.py.globals.get("open").type];
    },
  },

  // -------------------------------------------------------------------------------------------
  // Calling: call, apply, bind, callKwargs, captureThis
  // -------------------------------------------------------------------------------------------
  { name: "a function proxy is called with positional arguments", run: (c) => c.run("lambda x, y=3: x * 10 + y")(4) },
  {
    name: "a call returning a list gives a PyProxy",
    run: (c) => c.run("lambda n: [i * i for i in range(n)]")(4),
  },
  {
    name: "JS arguments are converted on the way in",
    run: (c) => c.run("lambda *a: repr([type(x).__name__ for x in a])")(1, 1.5, "s", true, undefined),
  },
  {
    name: "a Python exception in a call is a PythonError",
    run: (c) => c.run("def pp_raiser():\n    raise KeyError('k')\npp_raiser")(),
  },
  {
    name: "callKwargs passes keyword arguments",
    run: (c) => {
      const f = c.run("def pp_kw1(x=2, y=3): return f'{x},{y}'\npp_kw1");
      return [f.callKwargs({}), f.callKwargs(7, {}), f.callKwargs({ y: 4 }), f.callKwargs({ y: 4, x: 9 }), f.callKwargs(8, { y: 4 })];
    },
  },
  { name: "callKwargs with no argument is a TypeError", run: (c) => c.run("lambda: 1").callKwargs() },
  { name: "callKwargs with a number last is a TypeError", run: (c) => c.run("lambda *a: 1").callKwargs(1) },
  { name: "callKwargs with an array last is a TypeError", run: (c) => c.run("lambda *a, **k: 1").callKwargs(1, [2]) },
  { name: "callKwargs with a Map last is a TypeError", run: (c) => c.run("lambda *a, **k: 1").callKwargs(1, new Map()) },
  {
    name: "callKwargs with an unexpected keyword raises TypeError",
    run: (c) => c.run("def pp_kw2(x=2): return x\npp_kw2").callKwargs({ z: 6 }),
  },
  {
    name: "callKwargs with a keyword repeating a positional raises TypeError",
    run: (c) => c.run("def pp_kw3(x=2): return x\npp_kw3").callKwargs(76, { x: 6 }),
  },
  {
    name: "callKwargs accepts an object without prototype",
    run: (c) => c.run("def pp_kw4(x=2): return x\npp_kw4").callKwargs(Object.assign(Object.create(null), { x: 5 })),
  },
  {
    name: "apply converts its argument list like Function.prototype.apply",
    run: (c) => {
      const f = c.run("lambda *a: ','.join(map(repr, a))");
      const inputs: unknown[] = [
        undefined,
        null,
        {},
        { 0: 1, 1: 7, 2: -3 },
        { *[Symbol.iterator]() { yield 3; } },
        { 0: 1, 1: 7, 2: -3, length: 2 },
        [1, 7, 9, 5],
        function (_a: unknown, _b: unknown) {},
      ];
      return inputs.map((x) => f.apply(undefined, x));
    },
  },
  {
    name: "apply with a primitive argument list is a TypeError",
    run: (c) => {
      const f = c.run("lambda *a: len(a)");
      return [1, "abc", 1n, true].map((x) => throwsClass(() => f.apply(undefined, x)));
    },
  },
  {
    name: "call ignores this",
    run: (c) => c.run("lambda *a: len(a)").call({ a: 1 }, 1, 2),
  },
  {
    name: "captureThis passes this as the first argument",
    run: (c) => {
      const f = c.run("def pp_this1(self, x): return getattr(self, x)\npp_this1");
      const x: any = { a: 7 };
      x.f = f.captureThis();
      return x.f("a");
    },
  },
  {
    name: "captureThis with call and apply",
    run: (c) => {
      const f = c.run("def pp_this2(self, *a): return repr([type(self).__name__, *a])\npp_this2").captureThis();
      return [f.call(5, 1), f.apply("s", [2, 3])];
    },
  },
  {
    name: "bind prepends arguments",
    run: (c) => {
      const g = c.run("lambda *a: repr(a)");
      const g1 = g.bind(1, 2, 3);
      const g2 = g1.bind(5, 6);
      return [g1(-1), g2(-1)];
    },
  },
  {
    name: "only the first bind's this sticks with captureThis",
    run: (c) => {
      const f = c.run("lambda *a: repr(a)").captureThis();
      const f1 = f.bind(1);
      const f2 = f1.bind(2);
      return [f1(3, 4), f2(3, 4), f.bind(2)(3, 4)];
    },
  },
  {
    name: "captureThis after bind passes the first bound this",
    run: (c) => {
      const g = c.run("lambda *a: repr(a)");
      const g3 = g.bind(1, 2, 3).bind(5, 6).captureThis();
      return g3(-1);
    },
  },
  {
    name: "a bound alias dies with the proxy it came from",
    run: (c) => {
      const g = c.run("lambda *a: len(a)");
      const g1 = g.bind(null, 1);
      g.destroy();
      return firstLine(() => g1());
    },
  },
  {
    name: "a bound alias is a PyCallable proxy",
    run: (c) => {
      const g1 = c.run("lambda *a: len(a)").bind(null, 1);
      return [typeof g1, g1 instanceof c.ffi.PyCallable, g1.type];
    },
  },
  {
    name: "callRelaxed drops surplus arguments",
    run: (c) => {
      const f = c.run("def pp_rel1(x=2, y=3): return f'{x},{y}'\npp_rel1");
      return [f.callRelaxed(), f.callRelaxed(1), f.callRelaxed(1, 2, 3, 4)];
    },
  },
  {
    name: "callWithOptions relaxed and kwargs",
    run: (c) => {
      const f = c.run("def pp_rel2(x=2, y=3): return f'{x},{y}'\npp_rel2");
      return [
        f.callWithOptions({}, 7),
        f.callWithOptions({ relaxed: true }, 7, 9, 10),
        f.callWithOptions({ kwargs: true }, { x: 9 }),
        f.callWithOptions({ kwargs: true, relaxed: true }, 7, 9, 10, {}),
      ];
    },
  },
  {
    name: "callWithOptions with kwargs and no argument is a TypeError",
    run: (c) => c.run("lambda *a: 1").callWithOptions({ kwargs: true }),
  },
  {
    name: "callKwargsRelaxed drops surplus positional and keyword arguments",
    run: (c) => {
      const f = c.run("def pp_rel3(x=2, y=3): return f'{x},{y}'\npp_rel3");
      return [
        f.callKwargsRelaxed(1, { y: 5, z: 9 }),
        f.callKwargsRelaxed({ x: 4 }),
        // An argument given both ways is still an error.
        (() => { try { return f.callKwargsRelaxed(1, 2, 3, { y: 5 }); } catch (e: any) { return e.type; } })(),
        throwsClass(() => f.callKwargsRelaxed()),
      ];
    },
  },
  {
    name: "callRelaxed still needs the required arguments",
    run: (c) => c.run("def pp_rel4(x, y): return x + y\npp_rel4").callRelaxed(1),
  },
  {
    name: "calling an async def from JS schedules it, a function returning a coroutine does not",
    run: async (c) => {
      c.run(py`
        pp_sched = []
        async def pp_sched_f(n):
            pp_sched.append(n)
        def pp_sched_g(n):
            return pp_sched_f(n)
      `);
      const f = c.py.globals.get("pp_sched_f");
      const g = c.py.globals.get("pp_sched_g");
      f(3);
      const co = g(5);
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
      const r = c.run("repr(pp_sched)");
      co.destroy();
      c.run("import gc; gc.collect()");
      return r;
    },
  },
  {
    name: "an async def called from JS is awaitable",
    run: async (c) => {
      const f = c.run("async def pp_async1(x):\n    return x * 2\npp_async1");
      return await f(21);
    },
  },
  {
    name: "async methods, partials and callKwargs calls are scheduled at once; an async __call__ is not",
    run: async (c) => {
      c.run(py`
        import functools
        pp_sched2 = []
        class PPSched:
            async def m(self, n):
                pp_sched2.append(("m", n))
            async def __call__(self, n):
                pp_sched2.append(("call", n))
        async def pp_sched2_f(n, k=0):
            pp_sched2.append(("f", n, k))
        pp_sched2_obj = PPSched()
        pp_sched2_partial = functools.partial(pp_sched2_f, 7)
      `);
      const obj = c.py.globals.get("pp_sched2_obj");
      const partial = c.py.globals.get("pp_sched2_partial");
      const f = c.py.globals.get("pp_sched2_f");
      obj.m(1);
      partial();
      f.callKwargs(2, { k: 3 });
      const co = obj(4);
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
      const r = c.run("repr(sorted(pp_sched2))");
      co.close();
      co.destroy();
      return r;
    },
  },
  {
    name: "then, catch and finally of an awaitable share one run",
    run: async (c) => {
      const co = c.run("pp_runs = []\nasync def pp_once():\n    pp_runs.append(1)\n    return 3\npp_once()");
      const a = await co.then((v: number) => v + 1);
      const b = await co.finally(() => undefined);
      const d = await co.catch(() => "no");
      return [a, b, d, c.run("len(pp_runs)")];
    },
  },

  // -------------------------------------------------------------------------------------------
  // A PyProxy a JS function returns to Python.
  // -------------------------------------------------------------------------------------------
  {
    name: "a PyProxy a JS function returns is the original Python object",
    run: (c) => {
      const p = c.run("pp_ret_obj = object(); pp_ret_obj");
      return withGlobal("pp_ret_fn", () => p, () => c.run("import js; js.pp_ret_fn() is pp_ret_obj"));
    },
  },
  {
    name: "a PyProxy a JS function returns is destroyed after the call",     run: (c) => {
      const p = c.run("pp_ret_obj2 = [1]; pp_ret_obj2");
      withGlobal("pp_ret_fn2", () => p, () => c.run("import js; js.pp_ret_fn2()"));
      return firstLine(() => p.type);
    },
  },
  {
    name: "a proxied argument a JS function returns is the original object",     run: (c) =>
      withGlobal("pp_ret_id", (x: unknown) => x, () => c.run("import js; pp_arg_obj = object(); js.pp_ret_id(pp_arg_obj) is pp_arg_obj")),
  },
  {
    name: "a proxied argument kept by JS is destroyed after the call",
    run: (c) => {
      const kept: any[] = [];
      withGlobal("pp_keep_arg", (x: unknown) => void kept.push(x), () => c.run("import js; js.pp_keep_arg([1, 2])"));
      return firstLine(() => kept[0].length);
    },
  },

  // -------------------------------------------------------------------------------------------
  // Iteration from JS
  // -------------------------------------------------------------------------------------------
  { name: "spreading a list proxy gives its items", run: (c) => [...c.run("[1, 'a', None]")] },
  { name: "iterating a dict proxy gives its keys", run: (c) => [...c.run("{'a': 1, 'b': 2}")] },
  { name: "spreading a generator consumes it", run: (c) => { const g = c.run("(x * x for x in range(4))"); return [[...g], [...g]]; } },
  { name: "Array.from a range proxy", run: (c) => Array.from(c.run("range(3)")) },
  {
    name: "iterating a ChainMap proxy gives its keys",
    run: (c) => [...c.run("import collections; collections.ChainMap({'a': 2}, {'b': 3})")].sort(),
  },
  {
    name: "proxies produced while iterating are destroyed when the iteration finishes",
    run: (c) => {
      const items = [...c.run("[object(), object()]")];
      return firstLine(() => items[0].type);
    },
  },
  {
    name: "an item proxy is alive inside the loop body",
    run: (c) => {
      const types: string[] = [];
      for (const x of c.run("[[1], (2,)]")) types.push(x.type);
      return types;
    },
  },
  {
    name: "a copy of an iterated item survives the end of the iteration",
    run: (c) => {
      const copies: any[] = [];
      for (const x of c.run("[[1], [2]]")) copies.push(x.copy());
      return copies.map((x) => x.toString());
    },
  },
  {
    name: "items of an iteration left early are not destroyed",
    run: (c) => {
      let first: any;
      for (const x of c.run("[[1], [2]]")) {
        first = x;
        break;
      }
      return first.toString();
    },
  },
  {
    name: "an error raised by __iter__ surfaces from Symbol.iterator",
    run: (c) => {
      const t = c.run("class PPIterErr:\n    def __iter__(self): raise Exception('hi')\nPPIterErr()");
      t[Symbol.iterator]();
      return "no error";
    },
  },
  {
    name: "an error raised mid-iteration surfaces from next",
    run: (c) => {
      const g = c.run(py`
        def pp_gen_err():
            yield 1
            yield 2
            raise Exception("hi")
        pp_gen_err()
      `);
      const r: unknown[] = [g.next().value, g.next().value];
      try {
        g.next();
      } catch (e: any) {
        r.push(e.constructor.name, e.type);
      }
      return r;
    },
  },
  {
    name: "a Python iterator's next gives done/value and Symbol.iterator returns itself",
    run: (c) => {
      const i = c.run("iter([1, 2])");
      return [i.next(), i.next(), i.next(), i[Symbol.iterator]() === i];
    },
  },
  {
    name: "generator next(value) sends the value",
    run: (c) => {
      const g = c.run(py`
        def pp_gen_send():
            n = 0
            for _ in range(3):
                n = yield n + 2
        pp_gen_send()
      `);
      return [g.next(), g.next(3), g.next(4), g.next(5), g.next()];
    },
  },
  {
    name: "generator next gives the return value with done",
    run: (c) => {
      const g = c.run("def pp_gen_ret():\n    yield 1\n    return 5\npp_gen_ret()");
      return [g.next(), g.next(), g.next()];
    },
  },
  {
    name: "generator return(v) finishes the generator",
    run: (c) => {
      const g = c.run("def pp_gen_r1():\n    yield 1\n    yield 2\npp_gen_r1()");
      return [g.next(), g.return(5), g.next()];
    },
  },
  {
    name: "generator return(v) gives a value yielded while closing",
    run: (c) => {
      const g = c.run(py`
        def pp_gen_r2():
            try:
                yield 1
                yield 2
            except GeneratorExit:
                yield 3
                return 5
        pp_gen_r2()
      `);
      return [g.next(), g.return(5), g.next()];
    },
  },
  {
    name: "generator return(v) gives the value the generator returns while closing",
    run: (c) => {
      const g = c.run(py`
        def pp_gen_r4():
            try:
                yield 1
                yield 2
            except GeneratorExit:
                return 3
        pp_gen_r4()
      `);
      return [g.next(), g.return(5)];
    },
  },
  {
    name: "generator return(v) re-raises GeneratorExit left by a finally that yields",
    run: (c) => {
      const g = c.run(py`
        def pp_gen_r5():
            try:
                yield 1
            finally:
                yield 3
        pp_gen_r5()
      `);
      const r: unknown[] = [g.next(), g.return(5)];
      try {
        g.next();
      } catch (e: any) {
        r.push([e.constructor.name, e.type]);
      }
      return r;
    },
  },
  {
    name: "generator return(v) on a fresh generator",
    run: (c) => {
      const g = c.run("def pp_gen_r3():\n    yield 1\npp_gen_r3()");
      return [g.return(7), g.next()];
    },
  },
  {
    name: "generator throw(jsError) raises it inside the generator",
    run: (c) => {
      const g = c.run("def pp_gen_t1():\n    yield 1\n    yield 2\npp_gen_t1()");
      g.next();
      return g.throw(new TypeError("hi"));
    },
  },
  {
    name: "generator throw(pythonException) raises it inside the generator",
    run: (c) => {
      const g = c.run("def pp_gen_t2():\n    yield 1\n    yield 2\npp_gen_t2()");
      g.next();
      return g.throw(c.run("ValueError('x')"));
    },
  },
  {
    name: "generator throw caught by the generator gives the next yield",
    run: (c) => {
      const g = c.run(py`
        def pp_gen_t3():
            try:
                yield 1
            except TypeError as e:
                yield "caught " + type(e).__name__
        pp_gen_t3()
      `);
      return [g.next(), g.throw(c.run("TypeError('x')")), g.next()];
    },
  },
  {
    name: "a generator's own [Symbol.iterator]() is itself",
    run: (c) => {
      const g = c.run("(x for x in [1])");
      return g[Symbol.iterator]() === g;
    },
  },

  // -------------------------------------------------------------------------------------------
  // Async iteration and awaitables
  // -------------------------------------------------------------------------------------------
  {
    name: "for await iterates an async generator",
    run: async (c) => {
      const g = c.run("async def pp_agen1():\n    for n in range(3):\n        yield n\npp_agen1()");
      const r: unknown[] = [];
      for await (const x of g) r.push(x);
      return r;
    },
  },
  {
    name: "for await iterates an object with __aiter__ and __anext__",
    run: async (c) => {
      const g = c.run(py`
        class PPAsyncIt:
            def __init__(self):
                self.i = 0
            def __aiter__(self):
                return self
            async def __anext__(self):
                self.i += 1
                if self.i > 2:
                    raise StopAsyncIteration
                return self.i
        PPAsyncIt()
      `);
      const r: unknown[] = [];
      for await (const x of g) r.push(x);
      return r;
    },
  },
  {
    name: "for await iterates an async generator method __aiter__",
    run: async (c) => {
      const g = c.run("class PPAsyncIt2:\n    async def __aiter__(self):\n        yield 1\n        yield 2\nPPAsyncIt2()");
      const r: unknown[] = [g instanceof c.ffi.PyAsyncIterable];
      for await (const x of g) r.push(x);
      return r;
    },
  },
  {
    name: "async generator next(value) sends the value",
    run: async (c) => {
      const g = c.run(py`
        async def pp_agen2():
            n = 0
            for _ in range(3):
                n = yield n + 2
        pp_agen2()
      `);
      return [await g.next(), await g.next(3), await g.next(4), await g.next(5)];
    },
  },
  {
    name: "async generator return(v) finishes it",
    run: async (c) => {
      const g = c.run("async def pp_agen3():\n    yield 1\n    yield 2\npp_agen3()");
      return [await g.next(), await g.return(5), await g.next()];
    },
  },
  {
    name: "async generator throw(jsError) rejects with the raised error",
    run: async (c) => {
      const g = c.run("async def pp_agen4():\n    yield 1\n    yield 2\npp_agen4()");
      await g.next();
      try {
        await g.throw(new TypeError("hi"));
        return "no error";
      } catch (e: any) {
        return [e.constructor.name, e.type];
      }
    },
  },
  {
    name: "async generator throw(jsError) caught by the generator gives its next yield",
    run: async (c) => {
      const g = c.run(py`
        async def pp_agen5():
            try:
                yield 1
                yield 2
            except Exception as e:
                yield "caught " + type(e).__name__
        pp_agen5()
      `);
      return [await g.next(), await g.throw(new TypeError("hi")), await g.next()];
    },
  },
  {
    name: "awaiting a coroutine proxy gives its result",
    run: async (c) => {
      const co = c.run("async def pp_coro1():\n    return [1, 2]\npp_coro1()");
      const r = await co;
      return [c.isPyProxy(r), r.toString()];
    },
  },
  {
    name: "an awaited proxy is destroyed but can be awaited again",
    run: async (c) => {
      const co = c.run("async def pp_coro2():\n    return 5\npp_coro2()");
      const first = await co;
      const after = firstLine(() => co.type);
      return [first, after, await co];
    },
  },
  {
    name: "a coroutine that raises rejects with a PythonError",
    run: async (c) => {
      const f = c.run("async def pp_coro3():\n    raise ValueError('async bad')\npp_coro3");
      try {
        await f();
        return "no error";
      } catch (e: any) {
        return [e.constructor.name, e.type, String(e.message).trim().split("\n").pop()];
      }
    },
  },
  {
    name: "awaiting an object whose __await__ raises rejects with a PythonError",
    run: async (c) => {
      const t = c.run("class PPAwaitErr:\n    def __await__(self): raise ValueError('aw')\nPPAwaitErr()");
      try {
        await t;
        return "no error";
      } catch (e: any) {
        return [e.constructor.name, e.type];
      }
    },
  },
  {
    name: "then, catch and finally are on awaitables only",
    run: (c) => {
      const l = c.run("[]");
      c.run("async def pp_coro4(): pass\npp_coro4_obj = pp_coro4()");
      const co = c.py.globals.get("pp_coro4_obj");
      const r = [["then", "catch", "finally"].map((k) => k in l), ["then", "catch", "finally"].map((k) => k in co)];
      co.destroy();
      c.run("pp_coro4_obj.close(); del pp_coro4_obj");
      return r;
    },
  },
  {
    name: "awaiting an object with __await__",
    run: async (c) => {
      const a = c.run(py`
        import asyncio
        class PPAwaitObj:
            def __await__(self):
                yield from asyncio.sleep(0).__await__()
                return 11
        PPAwaitObj()
      `);
      return await a;
    },
  },

  // -------------------------------------------------------------------------------------------
  // Sequences: index access and array methods.
  // -------------------------------------------------------------------------------------------
  { name: "p[i] reads list items", run: (c) => { const l = c.run("[9, 8, 7]"); return [l[0], l[1], l[2]]; } },
  { name: "p[i] out of range is undefined", run: (c) => c.run("[9, 8, 7]")[3] },
  { name: "a negative index string is not an item", run: (c) => c.run("[9, 8, 7]")["-1"] },
  { name: "index in a list proxy compares with its length", run: (c) => { const l = c.run("[9, 8, 7]"); return ["1" in l, "3" in l]; } },
  { name: "p[i] reads tuple items", run: (c) => { const t = c.run("('a', 'b')"); return [t[0], t[1], t.length]; } },
  {
    name: "p[i] = v sets a list item",
    run: (c) => {
      const l = c.run("pp_seq_set = [1, 2]; pp_seq_set");
      l[1] = 20;
      return c.run("repr(pp_seq_set)");
    },
  },
  {
    name: "p[i] = v out of range is a TypeError",
    run: (c) => {
      const l = c.run("[1]");
      return throwsClass(() => { l[5] = 3; });
    },
  },
  {
    name: "delete p[i] deletes a list item",
    run: (c) => {
      const l = c.run("pp_seq_del = [1, 2, 3]; pp_seq_del");
      return [delete l[1], c.run("repr(pp_seq_del)")];
    },
  },
  {
    name: "delete p[i] out of range is a TypeError",
    run: (c) => throwsClass(() => delete c.run("[1, 2, 3]")[7]),
  },
  {
    name: "ownKeys of a list include its indices and length",
    run: (c) => Reflect.ownKeys(c.run("[1, 2]")).filter((k) => typeof k === "string" && !k.startsWith("_")),
  },
  { name: "Object.keys of a list proxy", run: (c) => Object.keys(c.run("[1, 2]")) },
  { name: "Array.isArray of a list proxy is false", run: (c) => Array.isArray(c.run("[1]")) },
  {
    name: "join on a list proxy",
    run: (c) => {
      const a = c.run("['Wind', 'Water', 'Fire']");
      return [a.join(), a.join(", "), a.join(" ")];
    },
  },
  {
    name: "slice on a list proxy gives JS arrays",
    run: (c) => {
      const a = c.run("['ant', 'bison', 'camel', 'duck', 'elephant']");
      return [a.slice(2), a.slice(2, 4), a.slice(1, 5), a.slice(-2), a.slice(2, -1), a.slice()];
    },
  },
  {
    name: "indexOf on a list proxy",
    run: (c) => {
      const b = c.run("['ant', 'bison', 'camel', 'duck', 'bison']");
      return [b.indexOf("bison"), b.indexOf("bison", 2), b.indexOf("bison", -4), b.indexOf("bison", 3), b.indexOf("giraffe")];
    },
  },
  {
    name: "lastIndexOf on a list proxy",
    run: (c) => {
      const b = c.run("['ant', 'bison', 'camel', 'duck', 'bison']");
      return [b.lastIndexOf("bison"), b.lastIndexOf("bison", 2), b.lastIndexOf("bison", -4), b.lastIndexOf("bison", 3), b.lastIndexOf("giraffe")];
    },
  },
  {
    name: "forEach on a list proxy passes element, index, list and thisArg",
    run: (c) => {
      const a = c.run("['a', 'b', 'c']");
      let s = "";
      a.forEach(function (this: any, elt: string, idx: number, list: unknown) {
        s += `::${idx}${elt}${this[elt]}${list === a}`;
      }, { a: 6, b: 9, c: 22 });
      return s;
    },
  },
  {
    name: "map on a list proxy with thisArg",
    run: (c) =>
      c.run("['a', 'b', 'c']").map(function (this: any, elt: string, idx: number) {
        return [elt, idx, this[elt]];
      }, { a: 6, b: 9, c: 22 }),
  },
  {
    name: "filter on a list proxy",
    run: (c) => c.run("list(range(20, 0, -2))").filter((elt: number, idx: number) => elt + idx > 12),
  },
  {
    name: "reduce and reduceRight on a list proxy",
    run: (c) => {
      const a = c.run("list(range(20, 0, -2))");
      return [a.reduce((l: number, r: number) => l + 2 * r), a.reduceRight((l: number, r: number) => l + 2 * r), a.reduce((l: number, r: number) => l + r, 100)];
    },
  },
  {
    name: "reduce on an empty list proxy without initial value is a TypeError",
    run: (c) => throwsClass(() => c.run("[]").reduce((l: number, r: number) => l + r)),
  },
  {
    name: "some and every on list proxies",
    run: (c) => {
      const lists = ["[1, 2, 3, 4, 5]", "[2, 3, 4, 5]", "[1, 3, 5]", "[1, 4, 5]", "[4, 5]"].map((s) => c.run(s));
      const pred = (e: number, i: number) => (e + i) % 2 === 0;
      return lists.map((l) => [l.some(pred), l.every(pred)]);
    },
  },
  {
    name: "at on a list proxy",
    run: (c) => {
      const a = c.run("[5, 12, 8, 130, 44]");
      return [2, 3, 4, -2, -3, -4, 5, 7, -7].map((i) => a.at(i));
    },
  },
  {
    name: "concat on a list proxy spreads list proxies",
    run: (c) => c.run("[5, 12, 8]").concat(c.run("[130, 44]"), c.run("(6, 7)"), 1),
  },
  {
    name: "concat of a JS array with a list proxy spreads it",
    run: (c) => [0].concat(c.run("[1, 2]")),
  },
  {
    name: "includes on a list proxy",
    run: (c) => {
      const a = c.run("[5, 12, 8, 130, 44, 6, 7, 7]");
      return [4, 5, 6, 7, 8, 9].map((n) => a.includes(n));
    },
  },
  {
    name: "entries, keys and values on a list proxy",
    run: (c) => {
      const a = c.run("[5, 12, 8]");
      return [Array.from(a.entries()), Array.from(a.keys()), Array.from(a.values())];
    },
  },
  {
    name: "find and findIndex on a list proxy",
    run: (c) => {
      const a = c.run("[5, 12, 8, 130, 44]");
      return [a.find((e: number) => e > 10), a.findIndex((e: number) => e > 10), a.find((e: number) => e > 1000), a.findIndex((e: number) => e > 1000)];
    },
  },
  {
    name: "sort on a list proxy sorts strings in place and returns the proxy",
    run: (c) => {
      const a = c.run("pp_sort1 = ['Blue', 'Humpback', 'Beluga']; pp_sort1");
      const r = a.sort();
      return [r === a, c.run("repr(pp_sort1)")];
    },
  },
  {
    name: "sort without comparator orders numbers as strings with None last",
    run: (c) => {
      const a = c.run("pp_sort2 = [40, None, 1, 5, 200]; pp_sort2");
      a.sort();
      const first = c.run("repr(pp_sort2)");
      a.sort((x: number, y: number) => x - y);
      return [first, c.run("repr(pp_sort2)")];
    },
  },
  {
    name: "sort of mixed numbers and numeric strings",
    run: (c) => {
      const a = c.run("pp_sort3 = ['80', '9', '700', 40, 1, 5, 200]; pp_sort3");
      a.sort();
      const first = c.run("repr(pp_sort3)");
      a.sort((x: any, y: any) => x - y);
      return [first, c.run("repr(pp_sort3)")];
    },
  },
  {
    name: "reverse on a list proxy reverses in place and returns the proxy",
    run: (c) => {
      const a = c.run("pp_rev = [3, 2, 4, 1, 5]; pp_rev");
      return [a.reverse() === a, c.run("repr(pp_rev)")];
    },
  },
  {
    name: "splice on a list proxy",
    run: (c) => {
      const calls: Array<[string, (a: any) => unknown]> = [
        ['splice(2, 0, "drum")', (a) => a.splice(2, 0, "drum")],
        ['splice(2, 0, "drum", "guitar")', (a) => a.splice(2, 0, "drum", "guitar")],
        ["splice(3, 1)", (a) => a.splice(3, 1)],
        ['splice(2, 1, "trumpet")', (a) => a.splice(2, 1, "trumpet")],
        ['splice(0, 2, "parrot", "anemone", "blue")', (a) => a.splice(0, 2, "parrot", "anemone", "blue")],
        ["splice(2, 2)", (a) => a.splice(2, 2)],
        ["splice(-2, 1)", (a) => a.splice(-2, 1)],
        ["splice(2)", (a) => a.splice(2)],
        ["splice()", (a) => a.splice()],
      ];
      return calls.map(([label, f]) => {
        const a = c.run("pp_splice = ['angel', 'clown', 'mandarin', 'sturgeon']; pp_splice");
        const removed = f(a);
        return [label, c.isPyProxy(removed) ? removed.toJs() : removed, c.run("repr(pp_splice)")];
      });
    },
  },
  {
    name: "push and unshift on a list proxy return the new length",
    run: (c) => {
      const a = c.run("pp_push = [4, 5, 6]; pp_push");
      const r = [a.push(1, 2, 3), a.unshift(0), a.unshift(-2, -1)];
      return [r, c.run("repr(pp_push)")];
    },
  },
  {
    name: "pop and shift on a list proxy",
    run: (c) => {
      const a = c.run("pp_pop = ['broccoli', 'cauliflower', 'kale']; pp_pop");
      const r = [a.pop(), a.shift(), c.run("repr(pp_pop)")];
      const e = c.run("[]");
      return [...r, e.pop(), e.shift()];
    },
  },
  {
    name: "copyWithin on a list proxy",
    run: (c) => {
      const calls: Array<(a: any) => unknown> = [(a) => a.copyWithin(-2), (a) => a.copyWithin(0, 3), (a) => a.copyWithin(0, 3, 4), (a) => a.copyWithin(-2, -3, -1)];
      return calls.map((f) => {
        const a = c.run("pp_cw = ['a', 'b', 'c', 'd', 'e']; pp_cw");
        return [f(a) === a, c.run("repr(pp_cw)")];
      });
    },
  },
  {
    name: "fill on a list proxy",
    run: (c) => {
      const calls: Array<(a: any) => unknown> = [(a) => a.fill(0, 2, 4), (a) => a.fill(5, 1), (a) => a.fill(6)];
      return calls.map((f) => {
        const a = c.run("pp_fill = ['a', 'b', 'c', 'd', 'e']; pp_fill");
        return [f(a) === a, c.run("repr(pp_fill)")];
      });
    },
  },
  { name: "JSON.stringify of a list proxy writes an array", run: (c) => JSON.stringify(c.run("[1, 2, 'a']")) },
  {
    name: "JSON.stringify of a nested list proxy meets the inner proxies destroyed by the iteration",
    run: (c) => firstLine(() => JSON.stringify(c.run("[1, [2]]"))),
  },
  {
    name: "concat of a nested list proxy keeps the inner proxies alive",
    run: (c) => {
      const r = c.run("[[1], 2]").concat([3], 4);
      return [r.length, r[0].length, r.slice(1)];
    },
  },
  { name: "JSON.stringify of a tuple proxy writes an array", run: (c) => JSON.stringify(c.run("(1, 'a')")) },
  { name: "index, join and slice on a tuple proxy", run: (c) => { const t = c.run("('x', 'y', 'z')"); return [t.indexOf("y"), t.join("-"), t.slice(1)]; } },
  {
    name: "a JS Map built from a Python list of tuples reads the tuple proxies",
    run: (c) => c.run("from js import Map\npp_map = Map.new([(1, 2), (3, 4)])\nrepr([pp_map.get(1), pp_map.get(3), pp_map.size])"),
  },
  { name: "array methods are absent on a set proxy", run: (c) => { const s = c.run("{1}"); return [typeof s.map, typeof s.join, s[0]]; } },
  {
    name: "list methods append and extend are reached as Python attributes",
    run: (c) => {
      const a = c.run("pp_app = [1]; pp_app");
      a.append(2);
      a.extend(c.run("[3, 4]"));
      a.insert(0, 0);
      return c.run("repr(pp_app)");
    },
  },

  // -------------------------------------------------------------------------------------------
  // Buffers: getBuffer and PyBufferView.
  // -------------------------------------------------------------------------------------------
  {
    name: "getBuffer of bytes describes a read-only 1-D Uint8Array",
    run: (c) => {
      const b = c.run("b'abc'").getBuffer();
      const r = bufferFields(b);
      b.release();
      return r;
    },
  },
  {
    name: "getBuffer of a 2-D memoryview gives shape and strides",
    run: (c) => bufferFields(c.run("memoryview(bytes(range(6))).cast('b', [2, 3])").getBuffer()),
  },
  {
    name: "getBuffer of a reversed memoryview has a negative stride and an offset",
    run: (c) => bufferFields(c.run("memoryview(bytes(range(6)))[::-1]").getBuffer()),
  },
  {
    name: "getBuffer of a strided memoryview spans the touched bytes",
    run: (c) => bufferFields(c.run("memoryview(bytes(range(6)))[::2]").getBuffer()),
  },
  {
    name: "getBuffer of array('i') is a writable Int32Array",
    run: (c) => bufferFields(c.run("import array; array.array('i', [1, -2, 3])").getBuffer()),
  },
  {
    name: "getBuffer of array('d') is a Float64Array",
    run: (c) => bufferFields(c.run("import array; array.array('d', [1.5, 2])").getBuffer()),
  },
  {
    name: "getBuffer of an empty array('Q') works",
    run: (c) => {
      const b = c.run("import array; array.array('Q')").getBuffer();
      const r = bufferFields(b);
      b.release();
      return r;
    },
  },
  {
    name: "the readonly and contiguity flags of a buffer view are numbers",
    run: (c) => {
      const views = [c.run("b'ab'").getBuffer(), c.run("bytearray(b'ab')").getBuffer(), c.run("memoryview(b'abcd')[::2]").getBuffer()];
      return views.map((b) => [b.readonly, b.c_contiguous, b.f_contiguous]);
    },
  },
  {
    name: "getBuffer(type) picks the typed array",
    run: (c) => {
      const p = c.run("bytes(range(8))");
      return ["i8", "u8", "u8clamped", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64", "dataview"].map((t) => {
        const b = p.getBuffer(t);
        const r = b.data.constructor.name;
        b.release();
        return r;
      });
    },
  },
  {
    name: "getBuffer('i16') reinterprets the bytes",
    run: (c) => Array.from(c.run("bytes([1, 0, 2, 0, 255, 255, 0, 128])").getBuffer("i16").data),
  },
  { name: "getBuffer with an unknown type throws", run: (c) => c.run("b'abc'").getBuffer("xyz") },
  { name: "getBuffer of a float16 buffer throws", run: (c) => c.run("memoryview(bytes(4)).cast('e')").getBuffer() },
  {
    name: "writing through a bytearray's buffer changes the bytearray",
    run: (c) => {
      const b = c.run("pp_buf_ba = bytearray(b'abc'); pp_buf_ba").getBuffer();
      b.data[0] = 122;
      b.release();
      return [Boolean(b.readonly), c.run("pp_buf_ba.decode()")];
    },
  },
  {
    name: "release twice is fine",
    run: (c) => {
      const b = c.run("b'ab'").getBuffer();
      b.release();
      return b.release();
    },
  },
  {
    name: "a buffer view is a PyBufferView with Symbol.dispose",
    run: (c) => {
      const b = c.run("b'ab'").getBuffer();
      return [b instanceof c.ffi.PyBufferView, typeof b[Symbol.dispose], b.constructor.name];
    },
  },
  {
    name: "a buffer view outlives the proxy it came from",
    run: (c) => {
      const p = c.run("bytearray(b'xy')");
      const b = p.getBuffer();
      p.destroy();
      const r = Array.from(b.data);
      b.release();
      return r;
    },
  },
  { name: "a list proxy has no getBuffer", run: (c) => { const p = c.run("[1]"); return [typeof p.getBuffer, p instanceof c.ffi.PyBuffer]; } },
  { name: "new PyBufferView() is a TypeError", run: (c) => new c.ffi.PyBufferView() },
  {
    name: "a buffer view is an instance of PyBufferView",
    run: (c) => {
      const b = c.run("b'ab'").getBuffer();
      try {
        return [b instanceof c.ffi.PyBufferView, typeof b.release];
      } finally {
        b.release();
      }
    },
  },

  // -------------------------------------------------------------------------------------------
  // asJsJson
  // -------------------------------------------------------------------------------------------
  {
    name: "asJsJson is on get-able and sequence proxies only",
    run: (c) => ["{}", "[1]", "object()", "iter([])", "class PPJson1:\n    def __len__(self): return 1\nPPJson1()"].map((s) => "asJsJson" in c.run(s)),
  },
  {
    name: "asJsJson reads str and int keys through properties",
    run: (c) => {
      const j = c.run("{0: 'a', '1': 'b', '3c': 4}").asJsJson();
      return [j[0], j["0"], j.get(0), j.get("0"), j[1], j.get(1), j.get("1"), j["3c"], j[""]];
    },
  },
  {
    name: "asJsJson writes int keys for numeric properties",
    run: (c) => {
      const x = c.run("pp_json2 = {}; pp_json2").asJsJson();
      x.a = 1;
      x[2] = 3;
      x.b5 = "c";
      return c.run("repr(pp_json2)");
    },
  },
  {
    name: "JSON.stringify of asJsJson inverts json.loads",
    run: (c) => JSON.stringify(c.run("[1, 2, {'a': 3, 'b': {'c': 4, 'd': [1, {'c': 2}]}}]").asJsJson()),
  },
  {
    name: "an asJsJson adaptor and what it read die with the proxy it came from",
    run: (c) => {
      const d = c.run("{'a': [1], 'b': {'c': 2}}");
      const j = d.asJsJson();
      const a = j.a;
      const b = j.b;
      const before = [a.length, b.c, j.a === a];
      d.destroy();
      return [before, firstLine(() => j.a), firstLine(() => a.length), firstLine(() => b.c)];
    },
  },
  {
    name: "the items of an asJsJson iteration stay alive after it",
    run: (c) => {
      const items = [...c.run("[[1], {'x': 2}]").asJsJson()];
      return [items[0].length, items[1].x, Object.keys(items[1])];
    },
  },
  {
    name: "asJsJson of an object without items or a sequence is not a function",
    run: (c) => typeof c.run("object()").asJsJson,
  },
  {
    name: "Reflect.ownKeys of an asJsJson mapping is its str and int keys only",
    run: (c) => {
      const d = c.run("{1: 'int', '1': 'string', 2: 'int', '3': 'string', 'items': 'v', '$dollar': 8, (1, 2): 12}");
      return Reflect.ownKeys(d.asJsJson()).map(String).sort();
    },
  },
  {
    name: "asJsJson heritability: item reads of an adaptor are adaptors only if get-able",
    run: (c) => {
      const x = c.run(py`
        class PPJsonT1:
            a = {"x": 2}
        class PPJsonT2:
            a = {"x": 2}
            def __getitem__(self, key):
                return {"y": 3}
        [PPJsonT1(), PPJsonT2()]
      `).asJsJson();
      const x0 = x[0];
      const x1 = x[1];
      return [x0.a.type, x0.a.x, x1.a.y, x1.anything.y, typeof x0.asJsJson, x[5]];
    },
  },

  // -------------------------------------------------------------------------------------------
  // toJs on a proxy (the PyProxy-side options; conversions has the rest).
  // -------------------------------------------------------------------------------------------
  { name: "toJs of a nested list gives nested arrays", run: (c) => c.run("[1, [2, (3, 'x')]]").toJs() },
  {
    name: "toJs with depth 1 leaves inner lists as proxies",
    run: (c) => {
      const r = c.run("[1, [2]]").toJs({ depth: 1 });
      return [Array.isArray(r), r[0], r[1].type];
    },
  },
  {
    name: "toJs collects created proxies in pyproxies",
    run: (c) => {
      const pp: any[] = [];
      const r = c.run("[1, [2, object()]]").toJs({ pyproxies: pp });
      return [r.length, pp.length, pp[0].type, r[1][1] === pp[0]];
    },
  },
  {
    name: "toJs with create_pyproxies false throws a ConversionError",
    run: (c) => c.run("[1, object()]").toJs({ create_pyproxies: false }),
  },
];
