// JS promises in Python: JsPromise, `await`, then/catch/finally_, rejections as JsException,
// cancellation, many concurrent awaits, and what is left behind afterwards.

import { beforeAll, describe, expect, test } from "vitest";
import type { PythonRuntime } from "../dist/index.js";
import { collectGarbage, startPython } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython());
});

describe("JsPromise", () => {
  test("awaiting a resolved promise gives its value (the issue's example)", async () => {
    expect(await py.runPythonAsync("import js\nawait js.Promise.resolve(7)")).toBe(7);
    // A promise read as a property is a JsPromise; one returned by a call is a future (below).
    (globalThis as any).promiseHolder = { p: Promise.resolve(1) };
    expect(await py.runPythonAsync("import js\nfrom pyodide.ffi import JsPromise\nisinstance(js.promiseHolder.p, JsPromise)")).toBe(true);
    delete (globalThis as any).promiseHolder;
  });

  test("a JS call that returns a promise gives a PyodideFuture, as in Pyodide; `new` gives a JsPromise", async () => {
    const r = await py.runPythonAsync(`
import asyncio, js
from pyodide.ffi import JsPromise, create_once_callable
f = js.Promise.resolve(3)
made = js.Promise.new(create_once_callable(lambda resolve, reject: resolve(4)))
[type(f).__name__, type(f).__module__, isinstance(f, asyncio.Future), isinstance(f, JsPromise),
 await f, await f.then(lambda v: v * 2), isinstance(made, JsPromise), await made]`);
    expect(r.toJs()).toEqual(["PyodideFuture", "pyodide.webloop", true, false, 3, 6, true, 4]);
  });

  test("PyodideFuture's then, catch and finally_; the loop's futures and tasks have them too", async () => {
    const r = await py.runPythonAsync(`
import asyncio, js
log = []
async def later(v):
    await asyncio.sleep(0)
    return v
a = await js.Promise.resolve(1).then(lambda v: later(v + 1))
b = await js.Promise.reject(js.Error.new("no")).catch(lambda e: e.message)
c = await js.Promise.resolve(5).finally_(lambda: log.append("finally"))
try:
    await js.Promise.reject(js.Error.new("kept")).then(lambda v: "not called")
except Exception as e:
    d = e.message
loop = asyncio.get_event_loop()
task = loop.create_task(later(7))
e = await task.then(lambda v: v + 1)
[a, b, c, d, e, log, type(loop.create_future()).__name__, type(task).__name__]`);
    expect(r.toJs()).toEqual([2, "no", 5, "kept", 8, ["finally"], "PyodideFuture", "PyodideTask"]);
  });

  test("a rejected promise returned by a call and never awaited is no unhandled rejection in JS", async () => {
    const seen: unknown[] = [];
    const listener = (reason: unknown) => seen.push(reason);
    const inNode = typeof process !== "undefined" && typeof process.on === "function";
    if (inNode) process.on("unhandledRejection", listener);
    else globalThis.addEventListener("unhandledrejection", listener);
    try {
      py.runPython("import js\njs.Promise.reject(js.Error.new('ignored'))\nNone");
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      if (inNode) process.off("unhandledRejection", listener);
      else globalThis.removeEventListener("unhandledrejection", listener);
    }
    expect(seen).toEqual([]);
  });

  test("a promise resolved later by a timer, and a plain thenable", async () => {
    const r = await py.runPythonAsync(`
import js
a = await js.eval("new Promise((r) => setTimeout(() => r('late'), 10))")
b = await js.eval("({ then(ok) { ok(42); } })")
[a, b]`);
    expect(r.toJs()).toEqual(["late", 42]);
  });

  test("a rejection raises JsException carrying the JS reason", async () => {
    const err = new TypeError("bad");
    (globalThis as any).rejectWith = err;
    const r = await py.runPythonAsync(`
import js
from pyodide.ffi import JsException
try:
    await js.Promise.reject(js.rejectWith)
except JsException as e:
    caught = (type(e).__name__, str(e), e.js_error)
caught`);
    const [name, text, jsError] = r.toJs({ depth: 1 });
    expect([name, text]).toEqual(["JsException", "TypeError: bad"]);
    expect(jsError).toBe(err);
    delete (globalThis as any).rejectWith;
  });

  test("a Python exception that became a rejection is the same exception again", async () => {
    const r = await py.runPythonAsync(`
import js
from pyodide.ffi import create_proxy
class Boom(Exception):
    pass
boom = Boom("inner")
def raiser():
    raise boom
f = create_proxy(raiser)
try:
    await js.eval("(f) => Promise.resolve().then(() => f())")(f)
except Boom as e:
    same = e is boom
f.destroy()
same`);
    expect(r).toBe(true);
  });

  test("then, catch and finally_ chain as in JS", async () => {
    const r = await py.runPythonAsync(`
import js
log = []
v = await js.Promise.resolve(2).then(lambda x: x * 10)
w = await js.Promise.reject(js.Error.new("no")).catch(lambda e: "caught " + e.message)
u = await js.Promise.resolve(5).finally_(lambda: log.append("finally"))
[v, w, u, log]`);
    expect(r.toJs()).toEqual([20, "caught no", 5, ["finally"]]);
  });

  test("a JS function that returns a Promise keeps its borrowed arguments until it settles", async () => {
    const r = await py.runPythonAsync(`
import js
later = js.eval("async (cb) => { await new Promise((r) => setTimeout(r, 5)); return cb(21); }")
await later(lambda x: x * 2)`);
    expect(r).toBe(42);
    const keep = await py.runPythonAsync(`
import js
keeper = js.eval("(cb) => { globalThis.keptCallback = cb; return Promise.resolve(1); }")
await keeper(lambda: 1)`);
    expect(keep).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(() => (globalThis as any).keptCallback()).toThrow(
      "This borrowed proxy was automatically destroyed at the end of an asynchronous function call. Try using create_proxy or create_once_callable.",
    );
    delete (globalThis as any).keptCallback;
  });

  test("cancelling a task that awaits a JS promise; the later settlement is ignored", async () => {
    const r = await py.runPythonAsync(`
import asyncio, js
resolve = []
p = js.eval("new Promise((r) => { globalThis.resolveLater = r; })")
async def waiter():
    return await p
task = asyncio.ensure_future(waiter())
await asyncio.sleep(0)
task.cancel()
try:
    await task
except asyncio.CancelledError:
    outcome = "cancelled"
js.resolveLater(1)
await asyncio.sleep(0.01)
outcome`);
    expect(r).toBe("cancelled");
  });

  test("1,000 concurrent tasks awaiting JS promises all complete, and nothing is left behind", async () => {
    await collectGarbage();
    const before = py.stats();
    const total = await py.runPythonAsync(`
import asyncio, js
async def one(i):
    return await js.eval("(i) => new Promise((r) => setTimeout(() => r(i), 1))")(i)
sum(await asyncio.gather(*[one(i) for i in range(1000)]))`);
    expect(total).toBe((999 * 1000) / 2);
    await collectGarbage();
    // Not above the baseline (an earlier test's leftovers may be collected meanwhile).
    expect(py.stats().pyproxies).toBeLessThanOrEqual(before.pyproxies);
    expect(py.stats().jsproxies).toBeLessThanOrEqual(before.jsproxies);
  });
});
