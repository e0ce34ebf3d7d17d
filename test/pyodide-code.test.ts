// pyodide.code (eval_code, CodeRunner, find_imports, run_js, relaxed_call), pyodide.ffi.wrappers
// (timers and event listeners whose proxies are freed when JS is done with them) and
// run_sync / can_run_sync, as Pyodide 314 has them.

import { beforeAll, describe, expect, test } from "vitest";
import type { PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython());
});

const turns = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("pyodide.code", () => {
  test("eval_code: the last expression, a trailing semicolon, return modes, globals and locals", () => {
    const r = py.runPython(`
from pyodide.code import eval_code
ns = {"x": 3}
[eval_code("x + 1", ns), eval_code("x + 1;", ns), eval_code("x + 1;", ns, quiet_trailing_semicolon=False),
 eval_code("y = x * 2", ns), eval_code("y = x * 2", ns, return_mode="last_expr_or_assign"),
 eval_code("y += 1", ns, return_mode="last_expr_or_assign"), eval_code("x", ns, return_mode="none"),
 eval_code("z = 5\\nz", {}, {"w": 1}), eval_code("    1 + 1\\n    2 + 2"), eval_code("")]`);
    expect(r.toJs()).toEqual([4, undefined, 4, undefined, 6, 7, undefined, 5, 4, undefined]);
    r.destroy();
  });

  test("eval_code reports errors with the given file name; top-level await needs eval_code_async", () => {
    const e = thrown(() => py.runPython("from pyodide.code import eval_code\neval_code('1 +\\nnope', filename='mine.py')"));
    expect(e.type).toBe("SyntaxError");
    const n = thrown(() => py.runPython("from pyodide.code import eval_code\neval_code('undefined_name', filename='mine.py')"));
    expect(n.type).toBe("NameError");
    expect(n.message).toContain('File "mine.py", line 1');
    expect(thrown(() => py.runPython("from pyodide.code import eval_code\neval_code('await f()')")).type).toBe("SyntaxError");
  });

  test("eval_code_async awaits a top-level await and gives the last value", async () => {
    const r = await py.runPythonAsync(`
from pyodide.code import eval_code_async
import asyncio
ns = {"asyncio": asyncio}
[await eval_code_async("await asyncio.sleep(0)\\n7", ns), await eval_code_async("v = await asyncio.sleep(0, 'slept')", ns, return_mode="last_expr_or_assign")]`);
    expect(r.toJs()).toEqual([7, "slept"]);
    r.destroy();
  });

  test("CodeRunner: the AST can be edited before compile(); compile() only once", () => {
    const r = py.runPython(`
import ast
from pyodide.code import CodeRunner
runner = CodeRunner("a + b")
runner.ast.body[-1].value.op = ast.Mult()
results = [runner.compile() is runner, runner.run({"a": 6, "b": 7})]
try:
    runner.compile()
except RuntimeError as e:
    results.append(str(e))
try:
    CodeRunner("1").run()
except RuntimeError as e:
    results.append(str(e))
results`);
    expect(r.toJs()).toEqual([true, 42, "Already compiled", "Not yet compiled"]);
    r.destroy();
  });

  test("should_quiet and find_imports", () => {
    const r = py.runPython(`
from pyodide.code import should_quiet, find_imports
[should_quiet("1;"), should_quiet("1; # note"), should_quiet("1 # ;"), should_quiet("x = 's;'"),
 find_imports("import numpy as np; import scipy.stats\\nfrom a.b import c\\nfrom . import d"),
 find_imports("  import indented"), find_imports("not python (")]`);
    expect(r.toJs()).toEqual([true, true, false, false, ["a", "a.b", "numpy", "scipy", "scipy.stats"], ["indented"], []]);
    r.destroy();
  });

  test("run_js: the result converted as a call's result; a promise is a future; non-strings are refused", async () => {
    const r = await py.runPythonAsync(`
import asyncio
from pyodide.code import run_js
f = run_js("Promise.resolve('later')")
results = [run_js("1 + 2"), run_js("'s' + 't'"), run_js("(x) => x * 2")(21), isinstance(f, asyncio.Future), await f]
try:
    run_js(b"1")
except TypeError as e:
    results.append(str(e))
results`);
    expect(r.toJs()).toEqual([3, "st", 42, true, "later", "argument should have type 'string' not type 'bytes'"]);
    r.destroy();
  });

  test("relaxed_call and relaxed_wrap drop the arguments a function does not take", () => {
    const r = py.runPython(`
from pyodide.code import relaxed_call, relaxed_wrap
def two(a, b=2, *, k=0):
    return a + b + k
def anything(*args, **kwargs):
    return (len(args), sorted(kwargs))
wrapped = relaxed_wrap(two)
results = [relaxed_call(two, 1, 5, 9), relaxed_call(two, 1, k=3, other=4), relaxed_call(anything, 1, 2, x=1),
           wrapped(1, 1, 1, 1, k=1, z=2), relaxed_call(len, [1, 2])]
try:
    relaxed_call(two)
except TypeError:
    results.append("missing a")
results`);
    expect(r.toJs()).toEqual([6, 6, [2, ["x"]], 3, 2, "missing a"]);
    r.destroy();
  });
});

describe("pyodide.ffi.wrappers", () => {
  test("set_timeout runs once and frees its callback; clear_timeout cancels and frees", async () => {
    const before = py.stats().pyproxies;
    py.runPython(`
from pyodide.ffi.wrappers import set_timeout, clear_timeout, TIMEOUTS
fired = []
set_timeout(lambda: fired.append("ran"), 1)
cancelled = set_timeout(lambda: fired.append("cancelled"), 1)
clear_timeout(cancelled)
clear_timeout(cancelled)  # a second clear is harmless`);
    await turns(20);
    expect(py.runPython("repr([fired, len(TIMEOUTS)])")).toBe("[['ran'], 0]");
    expect(py.stats().pyproxies).toBe(before);
  });

  test("set_interval repeats until clear_interval, which frees its callback", async () => {
    const before = py.stats().pyproxies;
    py.runPython(`
from pyodide.ffi.wrappers import set_interval, clear_interval, INTERVAL_CALLBACKS
ticks = []
def tick():
    ticks.append(1)
    if len(ticks) == 3:
        clear_interval(handle)
handle = set_interval(tick, 1)`);
    await turns(60);
    expect(py.runPython("repr([len(ticks), len(INTERVAL_CALLBACKS)])")).toBe("[3, 0]");
    expect(py.stats().pyproxies).toBe(before);
  });

  test("add_event_listener keeps the listener until remove_event_listener frees it", () => {
    const before = py.stats().pyproxies;
    const r = py.runPython(`
import js
from pyodide.ffi.wrappers import add_event_listener, remove_event_listener
target = js.EventTarget.new()
heard = []
def listener(event):
    heard.append(event.type)
add_event_listener(target, "ping", listener)
target.dispatchEvent(js.Event.new("ping"))
target.dispatchEvent(js.Event.new("ping"))
remove_event_listener(target, "ping", listener)
target.dispatchEvent(js.Event.new("ping"))
try:
    remove_event_listener(target, "ping", listener)
except KeyError:
    heard.append("not registered")
heard`);
    expect(r.toJs()).toEqual(["ping", "ping", "not registered"]);
    r.destroy();
    expect(py.stats().pyproxies).toBe(before);
  });
});

describe("run_sync and can_run_sync (no JSPI in this runtime)", () => {
  test("can_run_sync() is False and run_sync raises Pyodide's error, in sync and async code", async () => {
    const code = `
from pyodide.ffi import run_sync, can_run_sync
import js
try:
    run_sync(js.Promise.resolve(1))
except RuntimeError as e:
    message = str(e)
[can_run_sync(), message]`;
    const expected = [false, "WebAssembly stack switching not supported in this JavaScript runtime"];
    const sync = py.runPython(code);
    expect(sync.toJs()).toEqual(expected);
    sync.destroy();
    const async_ = await py.runPythonAsync(code);
    expect(async_.toJs()).toEqual(expected);
    async_.destroy();
  });
});
