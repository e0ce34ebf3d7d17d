// The asyncio event loop driven by the JS event loop: timers, tasks between calls, the usual
// primitives, unhandled task errors on stderr, and JS async iterables in `async for`.

import { beforeAll, describe, expect, test } from "vitest";
import type { PythonRuntime } from "../dist/index.js";
import { startPython } from "./helpers.js";

let py: PythonRuntime;
let err: string[];
beforeAll(async () => {
  ({ py, err } = await startPython());
});

describe("asyncio on the JS event loop", () => {
  test("an async def called from JS (the issue's example)", async () => {
    const fetchData = py.runPython(`
import asyncio
async def fetch_data():
    await asyncio.sleep(0.01)
    return "Data fetched!"
fetch_data`);
    expect(await fetchData()).toBe("Data fetched!");
    fetchData.destroy();
  });

  test("get_running_loop, call_soon, call_later, create_task and gather", async () => {
    const r = await py.runPythonAsync(`
import asyncio
loop = asyncio.get_running_loop()
log = []
loop.call_soon(log.append, "soon")
loop.call_later(0.005, log.append, "later")
async def work(i):
    await asyncio.sleep(0.001 * i)
    return i * i
results = await asyncio.gather(*[asyncio.create_task(work(i)) for i in range(5)])
await asyncio.sleep(0.01)
[results, log]`);
    expect(r.toJs()).toEqual([[0, 1, 4, 9, 16], ["soon", "later"]]);
  });

  test("wait_for times out; Queue and Event coordinate tasks", async () => {
    const r = await py.runPythonAsync(`
import asyncio
try:
    await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    timed_out = False
except asyncio.TimeoutError:
    timed_out = True
fast = await asyncio.wait_for(asyncio.sleep(0, result="fast"), timeout=1)
queue = asyncio.Queue()
event = asyncio.Event()
async def producer():
    for i in range(3):
        await queue.put(i)
        await asyncio.sleep(0)
    event.set()
async def consumer():
    await event.wait()
    return [queue.get_nowait() for _ in range(queue.qsize())]
_, got = await asyncio.gather(producer(), consumer())
[timed_out, fast, got]`);
    expect(r.toJs()).toEqual([true, "fast", [0, 1, 2]]);
  });

  test("asyncio.get_event_loop() in plain runPython is the JS-driven loop (a fresh runtime)", async () => {
    const { py: fresh, out } = await startPython();
    fresh.runPython(`
import asyncio
loop = asyncio.get_event_loop()
loop.call_soon(print, "soon")
loop.call_later(0, print, "due at once")`);
    expect(fresh.runPython("type(loop).__name__")).toBe("WebLoop");
    expect(fresh.runPython("asyncio.get_running_loop() is loop")).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(out).toEqual(["soon", "due at once"]);
  });

  test.each([
    ["asyncio.sleep(0)", "asyncio.sleep(0)"],
    ["settled JS promises", "js.Promise.resolve(0)"],
  ])("a task that never blocks on %s still lets JS timers run", async (_, awaited) => {
    const r = await py.runPythonAsync(`
import asyncio, js
from pyodide.ffi import create_once_callable
spins = 0
seen = []
js.setTimeout(create_once_callable(lambda: seen.append(spins)), 0)
while spins < 2000:
    spins += 1
    await ${awaited}
seen`);
    const seen = r.toJs();
    r.destroy();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThan(2000);
  });

  test("a task keeps running between calls into Python", async () => {
    py.runPython(`
import asyncio
ticks = []
async def ticker():
    for i in range(3):
        await asyncio.sleep(0.002)
        ticks.append(i)
background = asyncio.ensure_future(ticker())`);
    await new Promise((r) => setTimeout(r, 50));
    expect(py.runPython("ticks").toJs()).toEqual([0, 1, 2]);
  });

  test("an unhandled task exception is reported on stderr, not lost", async () => {
    err.length = 0;
    py.runPython(`
import asyncio
async def fails():
    raise ValueError("nobody awaited me")
lost = asyncio.ensure_future(fails())`);
    await new Promise((r) => setTimeout(r, 20));
    py.runPython("del lost\nimport gc\ngc.collect()");
    await new Promise((r) => setTimeout(r, 20));
    expect(err.join("\n")).toContain("ValueError: nobody awaited me");
  });
});

describe("JS async iterables in async for", () => {
  test("an async generator and a hand-written async iterator", async () => {
    const r = await py.runPythonAsync(`
import js
from pyodide.ffi import JsAsyncIterator
gen = js.eval("(async function* () { yield 1; await new Promise((r) => setTimeout(r, 1)); yield 2; })()")
a = [x async for x in gen]
counter = js.eval("({ n: 0, [Symbol.asyncIterator]() { return this; }, next() { return Promise.resolve(this.n < 3 ? { value: this.n++, done: false } : { done: true }); } })")
b = [x async for x in counter]
[a, b, isinstance(gen, JsAsyncIterator)]`);
    expect(r.toJs()).toEqual([[1, 2], [0, 1, 2], true]);
  });

  test("an error thrown by the JS iterator reaches Python as JsException", async () => {
    const r = await py.runPythonAsync(`
import js
from pyodide.ffi import JsException
gen = js.eval("(async function* () { yield 1; throw new RangeError('stop here'); })()")
seen = []
try:
    async for x in gen:
        seen.append(x)
except JsException as e:
    seen.append(str(e))
seen`);
    expect(r.toJs()).toEqual([1, "RangeError: stop here"]);
  });
});
