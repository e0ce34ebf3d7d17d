// The misuse table: every public entry point and PyProxy member, and the JsProxy side from
// Python, called the wrong way. Each row says what must happen (an error of a given class and
// message, or a result); after every row the runtime must still work (health.ts).
//
// Where the package gives a clear, sensible error today, the row pins it. Where it traps, hangs
// or is left broken, the row says what it SHOULD do and carries `fails: "<symptom today>"`, which
// runs it as test.fails (the lead removes the mark with the fix).
import type { PythonRuntime } from "../../dist/index.js";

export interface Ctx {
  /** The runtime every row shares. */
  py: PythonRuntime;
  /** A second runtime of the same realm (for cross-runtime rows). */
  other(): Promise<PythonRuntime>;
  /** A fresh runtime, for rows that damage their runtime on purpose. */
  fresh(options?: object): Promise<PythonRuntime>;
  loadPython(options?: unknown): Promise<PythonRuntime>;
  ffi: any;
  /** `code`'s last expression (a Python `lambda: ...` body), run inside Python: "ok: <repr>" or "<Type>: <message>". */
  pyTry(code: string, py?: PythonRuntime): string;
  /** A PyProxy of `code`'s value, already destroyed. */
  destroyed(code: string): any;
}

export type Expect =
  /** throws an instance of class `cls` whose message matches `msg` (and, for a PythonError, whose `type` is `pyType`) */
  | { throws: string; msg: RegExp; pyType?: string }
  /** returns a value equal to `value` (strings may be matched by a RegExp) */
  | { returns: unknown }
  /** returns a value for which `ok` is true (`want` says what that means) */
  | { ok: (v: any) => boolean; want: string };

export interface Row {
  name: string;
  run: (ctx: Ctx) => unknown;
  expect: Expect;
  /** The symptom today, when the package does not yet do what the row asks (runs as test.fails). */
  fails?: string;
  timeoutMs?: number;
}

const err = (throws: string, msg: RegExp, pyType?: string): Expect => ({ throws, msg, pyType });
const pyErr = (pyType: string, msg: RegExp = /./): Expect => ({ throws: "PythonError", msg, pyType });
const returns = (value: unknown): Expect => ({ returns: value });
const ok = (want: string, f: (v: any) => boolean): Expect => ({ ok: f, want });

const DESTROYED = /Object has already been destroyed/;

/** A JS array nested `n` deep: [[[...[1]...]]]. */
function deepArray(n: number): unknown[] {
  let v: unknown[] = [1];
  for (let i = 1; i < n; i++) v = [v];
  return v;
}
function depthOf(v: any): number {
  let d = 0;
  while (Array.isArray(v)) (v = v[0]), d++;
  return d;
}

const DEEP_PY = "_d = [1]\nfor _ in range(9999):\n    _d = [_d]\n";

export const rows: Row[] = [
  // ---- loadPython options --------------------------------------------------------------------
  { name: "loadPython: options not an object", run: (c) => c.loadPython("fast"), expect: err("TypeError", /^loadPython: options must be an object/) },
  { name: "loadPython: stdout not a function", run: (c) => c.loadPython({ stdout: 5 }), expect: err("TypeError", /^loadPython: stdout must be a function, not number \(5\)/) },
  { name: "loadPython: env with a non-string value", run: (c) => c.loadPython({ env: { A: 1 } }), expect: err("TypeError", /^loadPython: env\["A"\] must be a string/) },
  { name: "loadPython: files of a wrong type", run: (c) => c.loadPython({ files: 5 }), expect: err("TypeError", /^loadPython: files must be/) },
  { name: "loadPython: a file whose content is a number", run: (c) => c.loadPython({ files: { "/a.txt": 5 } }), expect: err("TypeError", /^loadPython: files\["\/a.txt"\] must be a string or a Uint8Array/) },
  { name: "loadPython: wasmUrl an empty string", run: (c) => c.loadPython({ wasmUrl: "" }), expect: err("TypeError", /^loadPython: wasmUrl must be a URL or a path to the file/) },
  { name: "loadPython: stdin not a function", run: (c) => c.loadPython({ stdin: "line" }), expect: err("TypeError", /^loadPython: stdin must be a function, not string/) },
  { name: "loadPython: onProgress not a function", run: (c) => c.loadPython({ onProgress: {} }), expect: err("TypeError", /^loadPython: onProgress must be a function, not object/) },
  { name: "loadPython: createProxy not one of its values", run: (c) => c.loadPython({ createProxy: "sometimes" }), expect: err("TypeError", /createProxy/) },
  { name: "loadPython: another wasmUrl in a realm that has a core", run: (c) => c.loadPython({ wasmUrl: "file:///nonexistent/core.wasm" }), expect: err("Error", /already loaded from .* cannot be reloaded/) },
  { name: "loadPython: a file at a path through a file", run: (c) => c.loadPython({ files: { "/f": "x", "/f/g": "y" } }), expect: err("FSError", /^ENOTDIR: not a directory/) },

  // ---- runPython / runPythonAsync ------------------------------------------------------------
  { name: "runPython: code not a string", run: (c) => c.py.runPython(5 as any), expect: err("TypeError", /^runPython: code must be a string, not number \(5\)/) },
  { name: "runPython: globals a plain object", run: (c) => c.py.runPython("1", { globals: {} as any }), expect: err("TypeError", /^runPython: globals must be a PyProxy of a dict/) },
  { name: "runPython: globals of another runtime", run: async (c) => c.py.runPython("1", { globals: (await c.other()).globals }), expect: err("TypeError", /another Python runtime/) },
  { name: "runPython: destroyed globals", run: (c) => c.py.runPython("1", { globals: c.destroyed("{}") }), expect: err("Error", DESTROYED) },
  { name: "runPython: globals a list", run: (c) => { const l = c.py.runPython("[]"); try { return c.py.runPython("1", { globals: l }); } finally { l.destroy(); } }, expect: pyErr("TypeError", /globals must be a real dict/) },
  { name: "runPython: filename not a string", run: (c) => c.py.runPython("1", { filename: 5 as any }), expect: err("TypeError", /^runPython: filename must be a string/) },
  { name: "runPython: a Python exception", run: (c) => c.py.runPython("1/0"), expect: pyErr("ZeroDivisionError", /ZeroDivisionError: division by zero/) },
  { name: "runPython: a NUL byte in the source", run: (c) => c.py.runPython("x = 1\0"), expect: pyErr("SyntaxError") },
  { name: "runPython: a lone surrogate in the source", run: (c) => c.py.runPython("'\uD800'"), expect: returns("\uFFFD") },
  { name: "runPython: unbounded recursion is a RecursionError", run: (c) => c.py.runPython("def _r(n):\n    return _r(n + 1)\n_r(0)"), expect: pyErr("RecursionError", /maximum recursion depth/) },
  { name: "runPython: recursion with a huge recursionlimit is a RecursionError, not a trap", run: (c) => c.py.runPython("import sys\n_old = sys.getrecursionlimit()\nsys.setrecursionlimit(10**6)\ndef _r(n):\n    return _r(n + 1)\ntry:\n    _r(0)\nfinally:\n    sys.setrecursionlimit(_old)"), expect: pyErr("RecursionError") },
  { name: "runPython: 10000 nested parentheses", run: (c) => c.py.runPython("(" .repeat(10000) + ")".repeat(10000)), expect: { throws: "PythonError", msg: /SyntaxError|RecursionError|MemoryError/ } },
  { name: "runPython: a 10000-deep nested list literal", run: (c) => c.py.runPython("len(" + "[".repeat(10000) + "]".repeat(10000) + ")"), expect: { throws: "PythonError", msg: /SyntaxError|RecursionError|MemoryError/ } },
  { name: "runPython: repr of a 10000-deep list is a RecursionError", run: (c) => c.py.runPython(DEEP_PY + "repr(_d)"), expect: pyErr("RecursionError") },
  { name: "runPython: 100 MB source", run: (c) => c.py.runPython("#" + "a".repeat(100_000_000) + "\n7"), expect: returns(7), timeoutMs: 120_000 },
  { name: "runPythonAsync: code not a string", run: (c) => c.py.runPythonAsync(null as any), expect: err("TypeError", /^runPythonAsync: code must be a string, not null/) },
  { name: "runPythonAsync: an exception after an await", run: (c) => c.py.runPythonAsync("import asyncio\nawait asyncio.sleep(0)\nraise ValueError('late')"), expect: pyErr("ValueError", /late/) },
  { name: "runPythonAsync: a rejected JS promise", run: (c) => c.py.runPythonAsync("import js\nawait js.Promise.reject(js.Error.new('nope'))"), expect: { throws: "PythonError", msg: /nope/ } },
  { name: "runPythonAsync: a syntax error", run: (c) => c.py.runPythonAsync("def ("), expect: pyErr("SyntaxError") },

  // ---- globals --------------------------------------------------------------------------------
  { name: "globals.get: a missing key", run: (c) => c.py.globals.get("no_such_name_here"), expect: returns(undefined) },
  { name: "globals.get: a number key", run: (c) => c.py.globals.get(5), expect: returns(undefined) },
  { name: "globals.get: an unhashable key (a Python list)", run: (c) => { const l = c.py.runPython("[]"); try { return c.py.globals.get(l); } finally { l.destroy(); } }, expect: pyErr("TypeError", /unhashable/) },
  { name: "globals.set: a destroyed proxy as the value", run: (c) => c.py.globals.set("_x", c.destroyed("[]")), expect: err("PythonError", DESTROYED, "JsException") },
  { name: "globals.delete: a missing key", run: (c) => c.py.globals.delete("no_such_name_here"), expect: pyErr("KeyError") },
  { name: "globals.has: a symbol key", run: (c) => c.py.globals.has(Symbol("s")), expect: err("PythonError", /unhashable type: 'pyodide\.ffi\.JsProxy'/, "TypeError") },

  // ---- toPy ---------------------------------------------------------------------------------
  { name: "toPy: depth not an integer", run: (c) => c.py.toPy([], { depth: "all" as any }), expect: err("TypeError", /^toPy: depth must be an integer/) },
  { name: "toPy: defaultConverter not a function", run: (c) => c.py.toPy([], { defaultConverter: 5 as any }), expect: err("TypeError", /^toPy: defaultConverter must be a function/) },
  { name: "toPy: options not an object", run: (c) => c.py.toPy([], 5 as any), expect: err("TypeError", /^toPy: options must be an object/) },
  { name: "toPy: a getter that throws", run: (c) => c.py.toPy({ get a() { throw new RangeError("getter"); } }), expect: err("RangeError", /^getter$/) },
  { name: "toPy: a revoked Proxy", run: (c) => { const r = Proxy.revocable({}, {}); r.revoke(); return c.py.toPy([r.proxy]); }, expect: err("TypeError", /Cannot perform 'get' on a proxy that has been revoked/) },
  { name: "toPy: a Proxy whose ownKeys throws", run: (c) => c.py.toPy(new Proxy({}, { ownKeys() { throw new Error("keys"); } })), expect: err("Error", /^keys$/) },
  { name: "toPy: defaultConverter throws", run: (c) => c.py.toPy([new (class K {})()], { defaultConverter: () => { throw new TypeError("conv"); } }), expect: err("TypeError", /^conv$/) },
  { name: "toPy: a 10000-deep array round-trips", run: (c) => { const p = c.py.toPy(deepArray(10000)); try { return depthOf(p.toJs()); } finally { p.destroy(); } }, expect: pyErr("ConversionError", /Cannot convert into Python: containers nested more than 1000 levels deep \(pass a smaller depth\)/) },
  { name: "toPy: a cyclic Map", run: (c) => { const m = new Map<any, any>(); m.set("self", m); const p = c.py.toPy(m); try { return c.py.runPython("lambda d: d['self'] is d")(p); } finally { p.destroy(); } }, expect: returns(true) },
  { name: "toPy: a sparse array of length 2^31", run: (c) => { const a: unknown[] = []; a.length = 2 ** 31; return c.py.toPy(a); }, expect: pyErr("ConversionError", /Cannot convert an? Array of 2147483648 items into Python: too large/), timeoutMs: 60_000 },
  { name: "toPy: another runtime's PyProxy inside an array is a JsProxy here", run: async (c) => { const o = await c.other(); const theirs = o.runPython("['theirs']"); const p = c.py.toPy([theirs]); try { return c.py.runPython("lambda l: type(l[0]).__name__ + ' ' + str(l[0])")(p); } finally { p.destroy(); theirs.destroy(); } }, expect: returns("JsProxy ['theirs']") },

  // ---- pyimport / registerJsModule ------------------------------------------------------------
  { name: "pyimport: name not a string", run: (c) => c.py.pyimport(5 as any), expect: err("TypeError", /^pyimport: name must be a string/) },
  { name: "pyimport: a missing module", run: (c) => c.py.pyimport("no_such_module_xyz"), expect: pyErr("ModuleNotFoundError", /no_such_module_xyz/) },
  { name: "pyimport: an empty name", run: (c) => c.py.pyimport(""), expect: pyErr("ValueError", /Empty module name/) },
  { name: "pyimport: a relative name", run: (c) => c.py.pyimport("..x"), expect: { throws: "PythonError", msg: /import|module/i } },
  { name: "registerJsModule: name not a string", run: (c) => c.py.registerJsModule(5 as any, {}), expect: err("TypeError", /^registerJsModule: name must be a string/) },
  { name: "registerJsModule: an empty name", run: (c) => c.py.registerJsModule("", {}), expect: err("TypeError", /non-empty/) },
  { name: "registerJsModule: module a number", run: (c) => c.py.registerJsModule("m5", 5 as any), expect: err("TypeError", /^registerJsModule: object must be/) },
  { name: "registerJsModule: a revoked Proxy, then imported", run: (c) => { const r = Proxy.revocable({}, {}); r.revoke(); c.py.registerJsModule("revoked_mod", r.proxy); return c.pyTry("__import__('revoked_mod').x"); }, expect: returns(/^JsException: TypeError: Cannot perform 'get' on a proxy that has been revoked/) },
  { name: "registerJsModule: another runtime's PyProxy", run: async (c) => { const o = await c.other(); const mod = o.runPython("import types\n_m = types.SimpleNamespace(v=41)\n_m"); c.py.registerJsModule("theirs_mod", mod); return c.pyTry("__import__('theirs_mod').v + 1"); }, expect: returns("ok: 42") },
  { name: "unregisterJsModule: never registered", run: (c) => c.py.unregisterJsModule("never_registered"), expect: { throws: "PythonError", msg: /never_registered/ } },

  // ---- FS -------------------------------------------------------------------------------------
  { name: "FS.writeFile: path not a string", run: (c) => c.py.FS.writeFile(5 as any, "x"), expect: err("TypeError", /path must be a string/) },
  { name: "FS.writeFile: data a number", run: (c) => c.py.FS.writeFile("/tmp/x", 5 as any), expect: err("TypeError", /data must be/) },
  { name: "FS.writeFile: into a missing directory", run: (c) => c.py.FS.writeFile("/no/such/dir/f", "x"), expect: err("FSError", /ENOENT|No such file/) },
  { name: "FS.readFile: a missing file", run: (c) => c.py.FS.readFile("/no_such_file"), expect: err("FSError", /ENOENT|No such file/) },
  { name: "FS.readFile: a directory", run: (c) => c.py.FS.readFile("/"), expect: err("FSError", /EISDIR|directory/i) },
  { name: "FS.readFile: an unknown encoding", run: (c) => { c.py.FS.writeFile("/tmp/e", "x"); return c.py.FS.readFile("/tmp/e", { encoding: "latin1" as any }); }, expect: err("TypeError", /encoding/) },
  { name: "FS.readFile: a NUL byte in the path", run: (c) => c.py.FS.readFile("/tmp/a\0b"), expect: { throws: "FSError", msg: /./ } },
  { name: "FS.mkdir: an existing directory", run: (c) => c.py.FS.mkdir("/tmp"), expect: err("FSError", /EEXIST|exists/) },
  { name: "FS.mkdir: 10000 levels deep, recursive", run: (c) => { c.py.FS.mkdir("/deep" + "/d".repeat(10000), { recursive: true }); return c.py.FS.exists("/deep" + "/d".repeat(10000)); }, expect: { ok: (v) => v === true, want: "the directories made (or an FSError)" } },
  { name: "FS.readdir: a file", run: (c) => { c.py.FS.writeFile("/tmp/file", "x"); return c.py.FS.readdir("/tmp/file"); }, expect: err("FSError", /ENOTDIR|directory/i) },
  { name: "FS.unlink: the root", run: (c) => c.py.FS.unlink("/"), expect: { throws: "FSError", msg: /EISDIR|EPERM|directory|permitted/i } },
  { name: "FS.rmdir: a non-empty directory", run: (c) => { c.py.FS.mkdir("/ne", { recursive: true }); c.py.FS.writeFile("/ne/f", "x"); return c.py.FS.rmdir("/ne"); }, expect: err("FSError", /ENOTEMPTY|not empty/i) },
  { name: "FS.rename: a directory into itself", run: (c) => { c.py.FS.mkdir("/rd", { recursive: true }); return c.py.FS.rename("/rd", "/rd/inner"); }, expect: err("FSError", /EINVAL|invalid/i) },
  { name: "FS.stat: an empty path", run: (c) => c.py.FS.stat(""), expect: err("FSError", /ENOENT|No such file/) },
  { name: "FS: a 100 MB file written and read back", run: (c) => { c.py.FS.writeFile("/tmp/big", new Uint8Array(100_000_000).fill(7)); try { const b = c.py.FS.readFile("/tmp/big"); return b.length === 100_000_000 && b[99_999_999] === 7; } finally { c.py.FS.unlink("/tmp/big"); } }, expect: returns(true), timeoutMs: 120_000 },

  // ---- PyProxy: toJs ----------------------------------------------------------------------------
  { name: "toJs: depth not an integer", run: (c) => c.py.globals.toJs({ depth: 1.5 }), expect: err("TypeError", /^toJs: depth must be an integer/) },
  { name: "toJs: dict_converter not a function", run: (c) => c.py.globals.toJs({ dict_converter: 5 as any }), expect: err("TypeError", /^toJs: dict_converter must be a function/) },
  { name: "toJs: on a destroyed proxy", run: (c) => c.destroyed("[1]").toJs(), expect: err("Error", DESTROYED) },
  { name: "toJs: default_converter throws", run: (c) => { const p = c.py.runPython("[object()]"); try { return p.toJs({ default_converter: () => { throw new RangeError("dc"); } }); } finally { p.destroy(); } }, expect: { throws: "ConversionError|RangeError|PythonError", msg: /dc/ } },
  { name: "toJs: a 10000-deep list", run: (c) => { const p = c.py.runPython(DEEP_PY + "_d"); try { return depthOf(p.toJs()); } finally { p.destroy(); } }, expect: pyErr("ConversionError", /containers nested more than 1000 levels deep \(pass a smaller depth\)/) },
  { name: "toJs: a self-containing dict", run: (c) => { const p = c.py.runPython("_c = {}; _c['c'] = _c; _c"); try { const m = p.toJs(); return m.get("c") === m; } finally { p.destroy(); } }, expect: returns(true) },
  { name: "length: of a 2^31-element range is an OverflowError (as on wasm32 CPython)", run: (c) => { const p = c.py.runPython("[range(2**31)]"); try { const [r] = p.toJs(); const n = r.length; r.destroy(); return n; } finally { p.destroy(); } }, expect: pyErr("OverflowError", /too large to convert/) },

  // ---- PyProxy: get / set / has / delete ----------------------------------------------------------
  { name: "get: on a destroyed proxy", run: (c) => c.destroyed("{}").get("a"), expect: err("Error", DESTROYED) },
  { name: "get: an index of 2^31 in a list", run: (c) => { const p = c.py.runPython("[1, 2]"); try { return p.get(2 ** 31); } finally { p.destroy(); } }, expect: returns(undefined) },
  { name: "get: a string index in a list", run: (c) => { const p = c.py.runPython("[1, 2]"); try { return p.get("x"); } finally { p.destroy(); } }, expect: pyErr("TypeError", /indices must be integers/) },
  { name: "set: an unhashable key", run: (c) => { const p = c.py.runPython("{}"); const k = c.py.runPython("[]"); try { return p.set(k, 1); } finally { p.destroy(); k.destroy(); } }, expect: pyErr("TypeError", /unhashable/) },
  { name: "set: on a tuple", run: (c) => { const p = c.py.runPython("(1,)"); try { return typeof p.set; } finally { p.destroy(); } }, expect: returns("undefined") },
  { name: "has: on a destroyed proxy", run: (c) => c.destroyed("{}").has("a"), expect: err("Error", DESTROYED) },
  { name: "delete: a missing key", run: (c) => { const p = c.py.runPython("{}"); try { return p.delete("a"); } finally { p.destroy(); } }, expect: pyErr("KeyError") },
  { name: "delete: an index past the end", run: (c) => { const p = c.py.runPython("[1]"); try { return p.delete(2 ** 40); } finally { p.destroy(); } }, expect: pyErr("IndexError") },
  { name: "length: of a 2^63 range is an OverflowError", run: (c) => { const p = c.py.runPython("range(2**63)"); try { return p.length; } finally { p.destroy(); } }, expect: pyErr("OverflowError") },

  // ---- PyProxy: calls -----------------------------------------------------------------------------
  { name: "call: a destroyed function", run: (c) => c.destroyed("len")([1]), expect: err("Error", DESTROYED) },
  { name: "call: a destroyed proxy as an argument", run: (c) => { const f = c.py.runPython("lambda x: x"); try { return f(c.destroyed("[]")); } finally { f.destroy(); } }, expect: { throws: "Error|PythonError", msg: DESTROYED } },
  { name: "call: a bound alias after the original is destroyed", run: (c) => { const f = c.py.runPython("lambda *a: len(a)"); const b = f.bind(null, 1); f.destroy(); return b(2); }, expect: err("Error", DESTROYED) },
  { name: "callKwargs: no arguments", run: (c) => { const f = c.py.runPython("lambda: 1"); try { return f.callKwargs(); } finally { f.destroy(); } }, expect: err("TypeError", /callKwargs requires at least one argument/) },
  { name: "callKwargs: last argument not an object", run: (c) => { const f = c.py.runPython("lambda *a: 1"); try { return f.callKwargs(1, 2); } finally { f.destroy(); } }, expect: err("TypeError", /kwargs argument is not an object/) },
  { name: "callKwargs: an unexpected keyword", run: (c) => { const f = c.py.runPython("lambda a: a"); try { return f.callKwargs({ b: 1 }); } finally { f.destroy(); } }, expect: pyErr("TypeError", /unexpected keyword|argument/) },
  { name: "apply: arguments not array-like", run: (c) => { const f = c.py.runPython("lambda *a: len(a)"); try { return f.apply(null, 5 as any); } finally { f.destroy(); } }, expect: err("TypeError", /CreateListFromArrayLike called on non-object/) },
  { name: "call: 50000 arguments", run: (c) => { const f = c.py.runPython("lambda *a: len(a)"); try { return f(...new Array(50_000).fill(1)); } finally { f.destroy(); } }, expect: returns(50_000) },
  { name: "call: a 100 MB string argument", run: (c) => { const f = c.py.runPython("len"); try { return f("é".repeat(50_000_000)); } finally { f.destroy(); } }, expect: returns(50_000_000), timeoutMs: 120_000 },
  { name: "result: a 100 MB string", run: (c) => c.py.runPython("'ab' * 50_000_000").length, expect: returns(100_000_000), timeoutMs: 120_000 },
  { name: "captureThis: on a non-callable", run: (c) => { const p = c.py.runPython("[1]"); try { return typeof p.captureThis; } finally { p.destroy(); } }, expect: returns("undefined") },
  { name: "call: a Python exception raised from a JS callback inside a Python call", run: (c) => { const f = c.py.runPython("def _f(cb):\n    return cb()\n_f"); try { return f(() => c.py.runPython("raise KeyError('inner')")); } finally { f.destroy(); } }, expect: pyErr("KeyError", /inner/) },
  { name: "call: a JS callback throws a string into Python", run: (c) => { const f = c.py.runPython("def _g(cb):\n    try:\n        cb()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n_g"); try { return f(() => { throw "plain string"; }); } finally { f.destroy(); } }, expect: returns(/^JsException: .*plain string/) },
  { name: "call: a JS callback throws undefined into Python", run: (c) => { const f = c.py.runPython("def _g(cb):\n    try:\n        cb()\n    except Exception as e:\n        return type(e).__name__\n_g"); try { return f(() => { throw undefined; }); } finally { f.destroy(); } }, expect: returns("JsException") },
  { name: "call: a JS callback throws an object whose toString throws", run: (c) => { const f = c.py.runPython("def _g(cb):\n    try:\n        cb()\n    except Exception as e:\n        return type(e).__name__\n_g"); try { return f(() => { throw { toString() { throw new Error("no"); } }; }); } finally { f.destroy(); } }, expect: returns("JsException") },
  { name: "call: mutual recursion Python -> JS -> Python ends in a clean error", run: (c) => { const f = c.py.runPython("def _m(cb, n):\n    return cb(n + 1)\n_m"); const cb = (n: number): unknown => f(cb, n); try { return f(cb, 0); } finally { f.destroy(); } }, expect: { throws: "PythonError|RangeError", msg: /RecursionError|Maximum call stack|recursion/ }, timeoutMs: 60_000 },
  { name: "call: a borrowed argument destroyed by the callee", run: (c) => c.pyTry("__import__('js').eval('(p) => { p.destroy(); return 1 }')([1, 2])"), expect: returns("ok: 1") },
  { name: "call: JS re-enters runPython from a Python call", run: (c) => { const f = c.py.runPython("lambda cb: cb() + 1"); try { return f(() => c.py.runPython("40 + 1")); } finally { f.destroy(); } }, expect: returns(42) },

  // ---- PyProxy: iterators and generators ------------------------------------------------------------
  { name: "next: on a destroyed generator", run: (c) => c.destroyed("(x for x in [1])").next(), expect: err("Error", DESTROYED) },
  { name: "next: past the end", run: (c) => { const g = c.py.runPython("(x for x in [1])"); try { g.next(); g.next(); return JSON.stringify(g.next()); } finally { g.destroy(); } }, expect: returns('{"done":true}') },
  { name: "throw: a JS Error into a generator", run: (c) => { const g = c.py.runPython("def _gen():\n    yield 1\n_gen()"); try { g.next(); return g.throw(new RangeError("into gen")); } finally { g.destroy(); } }, expect: { throws: "PythonError|RangeError", msg: /into gen/ } },
  { name: "throw: a number into a generator", run: (c) => { const g = c.py.runPython("def _gen():\n    yield 1\n_gen()"); try { g.next(); return g.throw(5); } finally { g.destroy(); } }, expect: { throws: "PythonError|TypeError", msg: /./ } },
  { name: "next: a generator re-entered from JS while running", run: (c) => { const g = c.py.runPython("import js\ndef _re():\n    yield js._reenter()\n_re()"); (globalThis as any)._reenter = () => g.next(); try { return g.next(); } finally { delete (globalThis as any)._reenter; g.destroy(); } }, expect: pyErr("ValueError", /generator already executing/) },
  { name: "return: on a finished generator", run: (c) => { const g = c.py.runPython("(x for x in [])"); try { g.next(); return JSON.stringify(g.return(5)); } finally { g.destroy(); } }, expect: returns('{"done":true,"value":5}') },

  // ---- PyProxy: buffers -------------------------------------------------------------------------------
  { name: "getBuffer: an unknown type", run: (c) => { const p = c.py.runPython("bytes(8)"); try { return p.getBuffer("i128" as any); } finally { p.destroy(); } }, expect: err("Error", /Unknown type i128/) },
  { name: "getBuffer: on a destroyed proxy", run: (c) => c.destroyed("bytes(8)").getBuffer(), expect: err("Error", DESTROYED) },
  { name: "getBuffer: on a list", run: (c) => { const p = c.py.runPython("[1]"); try { return typeof p.getBuffer; } finally { p.destroy(); } }, expect: returns("undefined") },
  { name: "getBuffer: data unreachable after release", run: (c) => { const p = c.py.runPython("bytearray(b'secret!!')"); const v = p.getBuffer(); p.destroy(); v.release(); let d: unknown; try { d = v.data; } catch { return "throws"; } return ArrayBuffer.isView(d) ? `still a ${d.constructor.name} over wasm memory` : "unreachable"; }, expect: { ok: (v) => v === "unreachable" || v === "throws", want: "data gone after release()" } },
  { name: "getBuffer: view kept after the proxy is destroyed", run: (c) => { const p = c.py.runPython("bytearray(b'abc')"); const v = p.getBuffer(); p.destroy(); c.py.runPython("[bytearray(100) for _ in range(1000)]").destroy(); try { return String.fromCharCode(...(v.data as Uint8Array)); } finally { v.release(); } }, expect: returns("abc") },
  { name: "getBuffer: a bytearray resized while a view is held", run: (c) => { const p = c.py.runPython("_ba = bytearray(8); _ba"); const v = p.getBuffer(); try { return c.pyTry("_ba.extend(b'x' * 100)"); } finally { v.release(); p.destroy(); } }, expect: returns(/^BufferError: /) },

  // ---- PyProxy: copy / destroy / toString / then ------------------------------------------------------
  { name: "copy: of a destroyed proxy", run: (c) => c.destroyed("[1]").copy(), expect: err("Error", DESTROYED) },
  { name: "destroy: twice", run: (c) => { const p = c.py.runPython("[1]"); p.destroy(); p.destroy(); return "fine"; }, expect: returns("fine") },
  { name: "destroy: a custom message", run: (c) => { const p = c.py.runPython("[1]"); p.destroy({ message: "gone for good" }); return p.toJs(); }, expect: err("Error", /gone for good/) },
  { name: "toString: of a destroyed proxy", run: (c) => String(c.destroyed("[1]")), expect: err("Error", DESTROYED) },
  { name: "toString: __str__ raises", run: (c) => { const p = c.py.runPython("class _S:\n    def __str__(self):\n        raise ValueError('no str')\n_S()"); try { return String(p); } finally { p.destroy(); } }, expect: pyErr("ValueError", /no str/) },
  { name: "toString: __repr__ recurses forever", run: (c) => { const p = c.py.runPython("class _R:\n    def __repr__(self):\n        return repr(self)\n_R()"); try { return String(p); } finally { p.destroy(); } }, expect: pyErr("RecursionError") },
  { name: "then: a coroutine that raises", run: async (c) => { const p = c.py.runPython("async def _co():\n    raise ValueError('async no')\n_co()"); try { return await p; } finally { p.destroy(); } }, expect: pyErr("ValueError", /async no/) },
  { name: "then: on a destroyed awaitable", run: (c) => { const p = c.py.runPython("async def _co2():\n    return 1\n_co2()"); const then = p.then; p.destroy(); return then.call(p, () => {}); }, expect: { throws: "PythonError|Error", msg: DESTROYED } },
  { name: "then: a non-awaitable has none", run: (c) => { const p = c.py.runPython("[1]"); try { return typeof p.then; } finally { p.destroy(); } }, expect: returns("undefined") },

  // ---- across runtimes ----------------------------------------------------------------------------
  { name: "cross-runtime: a PyProxy of another runtime never aliases this one's object", run: async (c) => { const o = await c.other(); const mine = c.py.runPython("['mine']"); const theirs = o.runPython("['theirs']"); const f = c.py.runPython("lambda x: str(x)"); try { return f(theirs); } finally { f.destroy(); mine.destroy(); theirs.destroy(); } }, expect: returns("['theirs']") },
  { name: "cross-runtime: globals.set with another runtime's proxy, read back", run: async (c) => { const o = await c.other(); const theirs = o.runPython("{'k': 'v'}"); c.py.globals.set("_theirs", theirs); const back = c.py.globals.get("_theirs"); try { return back === theirs && c.pyTry("type(_theirs).__name__.startswith('Js')"); } finally { c.py.globals.delete("_theirs"); theirs.destroy(); } }, expect: returns("ok: True") },
  { name: "cross-runtime: destroyed in its runtime, then used from this one", run: async (c) => { const o = await c.other(); const theirs = o.runPython("[1, 2]"); c.py.globals.set("_gone", theirs); theirs.destroy(); try { return c.pyTry("len(_gone)"); } finally { c.py.globals.delete("_gone"); } }, expect: returns(/^JsException: .*destroyed/) },

  // ---- JsProxy, from Python -------------------------------------------------------------------------
  { name: "to_py: depth a string", run: (c) => c.pyTry("__import__('js').eval('[1]').to_py(depth='x')"), expect: returns(/^TypeError: /) },
  { name: "to_py: default_converter not callable", run: (c) => c.pyTry("__import__('js').eval('[new (class K {})()]').to_py(default_converter=5)"), expect: returns(/^TypeError: /) },
  { name: "to_py: a Map with both 1 and true", run: (c) => c.pyTry("__import__('js').eval('new Map([[1, 0], [true, 0]])').to_py()"), expect: returns(/^JsException: Error: Cannot faithfully convert Map into Python since it contains both 1 and true as keys/) },
  { name: "to_py: a 10000-deep array", run: (c) => c.pyTry("(lambda v: [(v := v[0]) for _ in range(9999)] and v)(__import__('js').eval('let a = [1]; for (let i = 1; i < 10000; i++) a = [a]; a').to_py())"), expect: returns(/^ConversionError: Cannot convert into Python: containers nested more than 1000 levels deep/) },
  { name: "to_js: a 10000-deep list", run: (c) => { c.py.runPython(DEEP_PY); return c.pyTry("__import__('js').eval('(a) => { let d = 0; while (Array.isArray(a)) { a = a[0]; d++ } return d }')(__import__('pyodide.ffi').ffi.to_js(_d))"); }, expect: returns(/^ConversionError: Conversion from python to javascript failed: containers nested more than 1000 levels deep/) },
  { name: "as_object_map: a missing key", run: (c) => c.pyTry("__import__('js').eval('({a: 1})').as_object_map()['b']"), expect: returns(/^KeyError: /) },
  { name: "as_object_map: a non-string key", run: (c) => c.pyTry("__import__('js').eval('({a: 1})').as_object_map()[object()]"), expect: returns(/^(KeyError|TypeError): /) },
  { name: "new: on a non-constructor", run: (c) => c.pyTry("__import__('js').Math.new()"), expect: returns("AttributeError: new") },
  { name: "new: an arrow function", run: (c) => c.pyTry("__import__('js').eval('() => 1').new()"), expect: returns(/^JsException: TypeError: .*not a constructor/) },
  { name: "call: non-string keyword names", run: (c) => c.pyTry("__import__('js').Math.max(**{1: 2})"), expect: returns(/^TypeError: .*keywords must be strings/) },
  { name: "call: a non-callable JsProxy", run: (c) => c.pyTry("__import__('js').eval('({})')()"), expect: returns(/^TypeError: /) },
  { name: "index: an array by a string", run: (c) => c.pyTry("__import__('js').eval('[1, 2]')['x']"), expect: returns("TypeError: list indices must be integers or slices, not str") },
  { name: "index: an array by a float", run: (c) => c.pyTry("__import__('js').eval('[1, 2]')[1.5]"), expect: returns("TypeError: list indices must be integers or slices, not float") },
  { name: "index: an array past the end", run: (c) => c.pyTry("__import__('js').eval('[1, 2]')[2**31]"), expect: returns(/^IndexError: /) },
  { name: "index: an array by 2^64", run: (c) => c.pyTry("__import__('js').eval('[1, 2]')[2**64]"), expect: returns(/^IndexError: /) },
  { name: "index: a plain object", run: (c) => c.pyTry("__import__('js').eval('({a: 1})')['a']"), expect: returns(/^TypeError: .*not subscriptable/) },
  { name: "index: a Map by a list", run: (c) => c.pyTry("__import__('js').eval('new Map()')[[1]]"), expect: returns(/^(KeyError|TypeError): /) },
  { name: "del: an array item by a string", run: (c) => c.pyTry("exec(\"a = __import__('js').eval('[1]')\\ndel a['x']\")"), expect: returns(/^TypeError: list indices must be integers or slices, not str/) },
  { name: "attribute: a getter that throws", run: (c) => c.pyTry("__import__('js').eval('({get a() { throw new RangeError(\"g\") }})').a"), expect: returns(/^JsException: RangeError: g/) },
  { name: "call: a JS stack overflow inside a Python call", run: (c) => c.pyTry("__import__('js').eval('(function f() { return f() })')()"), expect: returns(/^JsException: RangeError: Maximum call stack size exceeded/) },
  { name: "call: a Python exception through Array.map comes back as itself", run: (c) => c.pyTry("__import__('js').eval('[1]').map(lambda *a: 1 / 0)"), expect: returns(/^(ZeroDivisionError|JsException): .*division by zero/) },
  { name: "call: js.Array.new(2**32)", run: (c) => c.pyTry("__import__('js').Array.new(2**32)"), expect: returns(/^JsException: RangeError: Invalid array length/) },
  { name: "call: an int beyond 2^64 as an argument", run: (c) => c.pyTry("__import__('js').eval('(x) => typeof x')(2**100)"), expect: returns("ok: 'bigint'") },
  { name: "iterate: a JS iterator that throws", run: (c) => c.pyTry("list(__import__('js').eval('({[Symbol.iterator]() { return { next() { throw new Error(\"it\") } } }})'))"), expect: returns(/^JsException: Error: it/) },
  { name: "huge: [0] * 2**31 is an OverflowError (as on wasm32 CPython)", run: (c) => c.pyTry("[0] * 2**31"), expect: returns("OverflowError: cannot fit 'int' into an index-sized integer"), timeoutMs: 60_000 },
  { name: "huge: bytearray(2**31) is an OverflowError (as on wasm32 CPython)", run: (c) => c.pyTry("bytearray(2**31)"), expect: returns("OverflowError: cannot fit 'int' into an index-sized integer"), timeoutMs: 60_000 },
  { name: "huge: 'a' * 2**31 is a MemoryError", run: (c) => c.pyTry("'a' * 2**31"), expect: returns(/^(MemoryError|OverflowError)/), timeoutMs: 60_000 },
  { name: "huge: [None] * 2**30 (4 GiB of pointers) is a MemoryError", run: (c) => c.pyTry("[None] * 2**30"), expect: returns(/^MemoryError/), timeoutMs: 60_000 },
  { name: "huge: (0,) * 2**30 is a MemoryError", run: (c) => c.pyTry("len((0,) * 2**30)"), expect: returns(/^MemoryError/), timeoutMs: 60_000 },
  { name: "huge: 'ab' * 2**30 is a MemoryError or OverflowError", run: (c) => c.pyTry("len('ab' * 2**30)"), expect: returns(/^(MemoryError|OverflowError)/), timeoutMs: 60_000 },

  // ---- native recursion and mutation during a conversion -----------------------------------------
  { name: "recursion: repr of a 100000-deep list with recursionlimit 10**6 is a RecursionError", run: (c) => c.py.runPython("import sys\n_d = []\nfor _ in range(100000):\n    _d = [_d]\n_old = sys.getrecursionlimit()\nsys.setrecursionlimit(10**6)\ntry:\n    repr(_d)\nfinally:\n    sys.setrecursionlimit(_old)\n    del _d"), expect: pyErr("RecursionError") },
  { name: "recursion: json.loads of 100000 nested arrays is a RecursionError", run: (c) => c.pyTry("__import__('json').loads('[' * 100000 + ']' * 100000)"), expect: returns(/^RecursionError/) },
  { name: "recursion: compiling 1+1+...+1 (100000 terms) is a Python error", run: (c) => c.pyTry("eval('1+' * 100000 + '1')"), expect: returns(/^(ok: 100001|RecursionError|MemoryError|SyntaxError)/) },
  { name: "recursion: compiling 'not not ... 1' (100000 deep) is a Python error", run: (c) => c.pyTry("eval('not ' * 100000 + '1')"), expect: returns(/^(ok: False|ok: True|RecursionError|MemoryError|SyntaxError)/) },
  { name: "recursion: compiling a 100000-deep list literal is a Python error", run: (c) => c.pyTry("eval('[' * 100000 + ']' * 100000)"), expect: returns(/^(RecursionError|MemoryError|SyntaxError)/) },
  { name: "toJs: a default_converter that empties the list being converted", run: (c) => { const p = c.py.runPython("_l = [object(), 1, 2, 3]; _l"); try { return JSON.stringify(p.toJs({ default_converter: () => (c.py.runPython("_l.clear()"), "x") })); } finally { p.destroy(); } }, expect: { ok: (v) => typeof v === "string", want: "a result (of any length) or a clean error, no trap" } },
  { name: "toJs: a default_converter that grows the dict being converted", run: (c) => { const p = c.py.runPython("_dd = {'a': object(), 'b': 1}; _dd"); try { return p.toJs({ default_converter: () => (c.py.runPython("_dd.update({i: i for i in range(100)})"), "x") }).size; } finally { p.destroy(); } }, expect: { ok: (v) => typeof v === "number", want: "a Map (any size) or a clean error, no trap" } },
  { name: "toJs: a list subclass whose __len__ lies (2**31 - 1)", run: (c) => { const p = c.py.runPython("class _L(list):\n    def __len__(self):\n        return 2**31 - 1\n_L([1, 2])"); try { return JSON.stringify(p.toJs()); } finally { p.destroy(); } }, expect: { ok: (v) => v === "[1,2]", want: "[1,2] (or a clean error)" } },
  { name: "toPy: a getter that runs Python re-entrantly", run: (c) => { const p = c.py.toPy({ get a() { return c.py.runPython("len([1, 2, 3])"); } }); try { return c.py.runPython("lambda d: d['a']")(p); } finally { p.destroy(); } }, expect: returns(3) },
  { name: "iterate: destroy a generator inside its for-of loop", run: (c) => { const g = c.py.runPython("(x for x in range(5))"); for (const _ of g) g.destroy(); return "done"; }, expect: err("Error", DESTROYED) },
  { name: "borrowed: an argument kept past the call", run: (c) => { let kept: any; const f = c.py.runPython("lambda cb: cb([1, 2])"); f((p: any) => (kept = p, 0)); f.destroy(); return kept.toJs(); }, expect: err("Error", /This borrowed proxy was automatically destroyed at the end of a function call/) },
  { name: "create_once_callable: called twice", run: (c) => c.pyTry("__import__('js').eval('(f) => { f(); return f() }')(__import__('pyodide.ffi').ffi.create_once_callable(lambda: 1))"), expect: returns(/^JsException: Error: .*can only be called once/) },
  { name: "stdout: a callback that throws is an OSError inside Python", run: async (c) => { const r = await c.fresh({ stdout: () => { throw new Error("stdout broke"); } }); return r.runPython("try:\n    print('hi')\n    _r = 'no error'\nexcept OSError as e:\n    _r = 'OSError: ' + str(e)\n_r"); }, expect: returns(/^OSError: \[Errno 29\] I\/O error/) },
  { name: "stdout: a callback that runs Python re-entrantly", run: async (c) => { const out: string[] = []; let r: any; r = await c.fresh({ stdout: (l: string) => { out.push(l); if (out.length < 3) r.runPython(`print('inner ${out.length}')`); } }); r.runPython("print('outer')"); return out.join(","); }, expect: returns(/^outer,inner 1,inner 2/) },
  { name: "getBuffer: a released memoryview", run: (c) => { const p = c.py.runPython("_mv = memoryview(b'abc'); _mv.release(); _mv"); try { return p.getBuffer(); } finally { p.destroy(); } }, expect: pyErr("ValueError", /released memoryview/) },
  { name: "call: a JS callback throws another runtime's PythonError", run: async (c) => { const o = await c.other(); const f = c.py.runPython("def _g(cb):\n    try:\n        cb()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n_g"); try { return f(() => o.runPython("raise ValueError('from the other one')")); } finally { f.destroy(); } }, expect: returns(/^JsException: PythonError: [\s\S]*ValueError: from the other one/) },
];
