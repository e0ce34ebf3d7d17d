// Debug mode: a PyProxy remembers where JS made it; a destroyed proxy's error and `stats().live`
// say so, so that a leak or a use after destroy can be traced to its source.
import { describe, expect, test } from "vitest";
import { type PythonRuntime } from "../dist/index.js";
import { collectGarbage, startPython, thrown } from "./helpers.js";

function makeLeakyProxy(py: PythonRuntime): any {
  return py.runPython("[1, 2, 3]");
}

describe("loadPython({ debug: true })", () => {
  test("a destroyed proxy's error names the object and where it was made", async () => {
    const { py } = await startPython({ debug: true });
    const p = makeLeakyProxy(py);
    p.destroy();
    const e = thrown(() => p.length);
    expect(e.message).toMatch(/^Object has already been destroyed\nThe object was of type "list" and had repr "\[1, 2, 3\]"\nThe proxy was created at:\n/);
    expect(e.message).toMatch(/makeLeakyProxy/);
  });

  test("stats().live lists live proxies with their types and creation sites", async () => {
    const { py } = await startPython({ debug: true });
    await collectGarbage();
    const base = py.stats().live!.length;
    const kept = makeLeakyProxy(py);
    const other = py.runPython("{'a': 1}");
    const live = py.stats().live!;
    expect(live.length).toBe(base + 2);
    const mine = live.find((l) => l.type === "list")!;
    expect(mine.createdAt).toMatch(/makeLeakyProxy/);
    expect(live.some((l) => l.type === "dict")).toBe(true);
    other.destroy();
    expect(py.stats().live!.length).toBe(base + 1);
    kept.destroy();
    expect(py.stats().live!.length).toBe(base);
  });

  test("proxies JS drops leave the list once collected", async () => {
    const { py } = await startPython({ debug: true });
    await collectGarbage();
    const base = py.stats().live!.length;
    (() => {
      for (let i = 0; i < 10; i++) makeLeakyProxy(py);
    })();
    expect(py.stats().live!.length).toBe(base + 10);
    await collectGarbage();
    expect(py.stats().live!.length).toBe(base);
  });

  test("without debug mode, stats() has no list and errors carry Pyodide's hint", async () => {
    const { py } = await startPython();
    expect(py.stats().live).toBeUndefined();
    const p = makeLeakyProxy(py);
    p.destroy();
    expect(thrown(() => p.length).message).toBe(
      "Object has already been destroyed\nFor more information about the cause of this error, use `pyodide.setDebug(true)`",
    );
  });

  test("debug must be a boolean", async () => {
    const e = await startPython({ debug: 1 }).then(() => undefined, (err) => err);
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toMatch(/^loadPython: debug must be a boolean/);
  });
});
