// How long Python objects handed to JS live: borrowed arguments, sticky property stores,
// create_proxy, create_once_callable, destroy_proxies and auto mode; each freed in the end.
import { beforeAll, describe, expect, test } from "vitest";
import { type PythonRuntime } from "../dist/index.js";
import { collectGarbage, startPython, thrown } from "./helpers.js";

// Every destroyed-proxy message ends with Pyodide's second line, the setDebug hint.
const HINT = "\nFor more information about the cause of this error, use `pyodide.setDebug(true)`";
const BORROWED = "This borrowed proxy was automatically destroyed at the end of a function call. Try using create_proxy or create_once_callable." + HINT;

/** setTimeout whose callbacks' errors are collected instead of becoming uncaught exceptions. */
function capturingTimers(): { errors: unknown[]; restore: () => void } {
  const original = globalThis.setTimeout;
  const errors: unknown[] = [];
  (globalThis as any).setTimeout = (cb: (...a: unknown[]) => void, ms: number, ...args: unknown[]) =>
    original(() => {
      try {
        cb(...args);
      } catch (e) {
        errors.push(e);
      }
    }, ms);
  return { errors, restore: () => void ((globalThis as any).setTimeout = original) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Live PyProxies after garbage collection, and JsProxies after Python's own collection. */
async function settledCounts(py: PythonRuntime): Promise<[number, number]> {
  await collectGarbage();
  py.runPython("import gc; gc.collect()");
  return [py.stats().pyproxies, py.stats().jsproxies];
}

describe("default (manual) mode", () => {
  let py: PythonRuntime;
  let out: string[];
  beforeAll(async () => {
    ({ py, out } = await startPython());
    py.runPython("import js\nfrom pyodide.ffi import create_proxy, create_once_callable, destroy_proxies");
  });

  test("the seed: a lambda passed to setTimeout is a borrowed proxy and fails later", async () => {
    const timers = capturingTimers();
    try {
      py.runPython('js.setTimeout(lambda x: print(x), 10, "fail")');
      await sleep(40);
    } finally {
      timers.restore();
    }
    expect(timers.errors).toHaveLength(1);
    expect((timers.errors[0] as Error).message).toBe(BORROWED);
    expect(out).not.toContain("fail");
  });

  test("a kept argument throws Pyodide's message", () => {
    (globalThis as any).keep = (f: unknown) => void ((globalThis as any).kept = f);
    py.runPython("js.keep(lambda: 1)");
    expect(thrown(() => (globalThis as any).kept()).message).toBe(BORROWED);
    py.runPython("js.keep(js.Object)");
    expect(typeof (globalThis as any).kept()).toBe("object"); // a JS value is passed as itself
  });

  test("create_proxy keeps it alive until destroy(); counters return to baseline", async () => {
    const [pyBefore, jsBefore] = await settledCounts(py);
    py.runPython('p = create_proxy(lambda msg: print(msg))\njs.setTimeout(p, 10, "success")');
    await sleep(40);
    expect(out).toContain("success");
    expect(py.stats().pyproxies).toBe(pyBefore + 1);
    py.runPython("p.destroy()\ndel p");
    expect(await settledCounts(py)).toEqual([pyBefore, jsBefore]);
  });

  test("a create_proxy handle removes the listener it added", () => {
    py.runPython(`
target = js.EventTarget.new()
seen = []
handler = create_proxy(lambda e: seen.append(e.type))
target.addEventListener("ping", handler)
target.dispatchEvent(js.Event.new("ping"))
target.removeEventListener("ping", handler)
target.dispatchEvent(js.Event.new("ping"))
handler.destroy()`);
    expect(py.runPython("len(seen)")).toBe(1);
  });

  test("roundtrip: a create_proxy value comes back as the JsDoubleProxy unless roundtrip=False", () => {
    expect(py.runPython("f = lambda: 1\np = create_proxy(f)\nback = js.Array.of(p)[0]\n(back == p, back.unwrap() is f)").toJs()).toEqual([true, true]);
    expect(py.runPython("q = create_proxy(f, roundtrip=False)\njs.Array.of(q)[0] is f")).toBe(true);
    py.runPython("p.destroy(); q.destroy()");
  });

  test("capture_this passes `this` first", () => {
    py.runPython("o = js.Object.new(); o.name = 'obj'; o.m = create_proxy(lambda self, x: self.name + x, capture_this=True)");
    expect(py.runPython("o.m('!')")).toBe("obj!");
  });

  test("create_once_callable runs once, then refuses", async () => {
    const [before] = await settledCounts(py);
    const once = py.runPython("once = create_once_callable(lambda x: x * 2)\nonce");
    expect(once(21)).toBe(42);
    expect(thrown(() => once(1)).message).toBe("OnceProxy can only be called once");
    const unused = py.runPython("create_once_callable(lambda: 0)");
    unused.destroy();
    // As in Pyodide: after destroy() it cannot be called "again" either.
    expect(thrown(() => unused()).message).toBe("OnceProxy can only be called once");
    expect(thrown(() => unused.destroy()).message).toBe("OnceProxy has already been destroyed");
    py.runPython("del once");
    expect((await settledCounts(py))[0]).toBe(before);
    expect(py.runPython("try:\n    create_once_callable(3)\nexcept TypeError as e:\n    r = str(e)\nr")).toBe("create_once_callable: 'int' object is not callable");
  });

  test("destroy_proxies destroys every PyProxy in a JS array", async () => {
    const [before] = await settledCounts(py);
    py.runPython("arr = js.Array.of(create_proxy([1]), create_proxy({}))\ndestroy_proxies(arr)");
    expect(py.stats().pyproxies).toBe(before);
    expect(py.runPython("try:\n    destroy_proxies([1])\nexcept TypeError as e:\n    r = str(e)\nr")).toBe("Expected a JsProxy for the argument");
    expect(py.runPython("try:\n    destroy_proxies(js.Object.new())\nexcept TypeError as e:\n    r = str(e)\nr")).toBe("Expected a Js Array for the pyproxies argument");
  });

  test("sticky: a function stored on a JS object lives until JS drops the object", async () => {
    const [pyBefore, jsBefore] = await settledCounts(py);
    py.runPython("holder = js.Object.new()\nholder.onclick = lambda e: 'clicked ' + e\njs.holder = holder\ndel holder");
    expect((globalThis as any).holder.onclick("now")).toBe("clicked now");
    expect(py.stats().pyproxies).toBe(pyBefore + 1);
    delete (globalThis as any).holder;
    expect(await settledCounts(py)).toEqual([pyBefore, jsBefore]);
  });

  test("borrowed proxies of a constructor call die with the call", () => {
    (globalThis as any).Keeper = class {
      f: unknown;
      constructor(f: unknown) {
        this.f = f;
      }
    };
    const k = py.runPython("js.Keeper.new(lambda: 'kept')");
    expect(thrown(() => k.f()).message).toBe("This borrowed proxy was automatically destroyed. Try using create_proxy or create_once_callable." + HINT);
  });
});

describe('auto mode: loadPython({ createProxy: "auto" })', () => {
  let py: PythonRuntime;
  let out: string[];
  beforeAll(async () => {
    ({ py, out } = await startPython({ createProxy: "auto" }));
    py.runPython("import js");
  });

  test("the seed's setTimeout lambda works without create_proxy, and is freed later", async () => {
    const [pyBefore, jsBefore] = await settledCounts(py);
    py.runPython('js.setTimeout(lambda x: print(x), 10, "success")');
    await sleep(40);
    expect(out).toContain("success");
    expect(await settledCounts(py)).toEqual([pyBefore, jsBefore]);
  });

  test("constructor arguments and kept call arguments survive, then are freed", async () => {
    const [pyBefore] = await settledCounts(py);
    (globalThis as any).Keeper = class {
      f: () => unknown;
      constructor(f: () => unknown) {
        this.f = f;
      }
    };
    (globalThis as any).keep = (f: unknown) => void ((globalThis as any).kept = f);
    let k: any = py.runPython("js.keep(lambda: 'called later')\njs.Keeper.new(lambda: 'constructed')");
    expect(k.f()).toBe("constructed");
    expect((globalThis as any).kept()).toBe("called later");
    k = undefined;
    delete (globalThis as any).kept;
    expect((await settledCounts(py))[0]).toBe(pyBefore);
  });

  test("createProxy accepts only manual or auto", async () => {
    await expect(startPython({ createProxy: "sometimes" })).rejects.toThrow('createProxy must be "manual" or "auto"');
  });
});
