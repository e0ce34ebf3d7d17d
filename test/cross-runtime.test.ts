// Two runtimes in one realm: a PyProxy belongs to the runtime that made it. Handed to another
// runtime it is a foreign JS object there (a JsProxy usable through its owner), never the object
// that happens to have the same id in the other runtime's table.
import { beforeAll, describe, expect, test } from "vitest";
import { PythonError, type PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let a: PythonRuntime;
let b: PythonRuntime;
beforeAll(async () => {
  a = (await startPython()).py;
  b = (await startPython()).py;
  // Objects at the same early registry slots in both runtimes, so that an id confusion shows.
  b.runPython("decoys = [{'who': 'B'} for _ in range(8)]");
  for (let i = 0; i < 8; i++) b.runPython("{'who': 'B'}");
});

describe("a PyProxy handed to another runtime", () => {
  test("through globals.set it is a JsProxy there, reading through its owner", () => {
    const d = a.runPython("{'who': 'A'}");
    b.globals.set("x", d);
    // As in Pyodide: a JS object here (its properties are the dict's items, through A's proxy).
    expect(b.runPython("type(x).__name__, x.who, len(x), 'who' in x").toJs()).toEqual(["JsProxy", "A", 1, true]);
    b.globals.delete("x");
    d.destroy();
  });

  test("as a call argument", () => {
    const d = a.runPython("{'who': 'A'}");
    const f = b.runPython("def f(v):\n    return type(v).__name__, v.get('who')\nf");
    expect(f(d).toJs()).toEqual(["JsProxy", "A"]);
    f.destroy();
    d.destroy();
  });

  test("inside toPy and registerJsModule", () => {
    const d = a.runPython("{'who': 'A'}");
    b.globals.set("converted", b.toPy([d]));
    expect(b.runPython("converted[0].who")).toBe("A");
    b.registerJsModule("from_a", { d });
    expect(b.runPython("import from_a\nfrom_a.d.who")).toBe("A");
    b.unregisterJsModule("from_a");
    b.globals.delete("converted");
    d.destroy();
  });

  test("changes made through it reach the owner's object", () => {
    const d = a.runPython("shared = {'n': 1}\nshared");
    b.globals.set("remote", d);
    b.runPython("remote.set('n', 2)");
    expect(a.runPython("shared['n']")).toBe(2);
    b.globals.delete("remote");
    d.destroy();
  });

  test("another runtime's globals are refused with a TypeError", () => {
    const e = thrown(() => b.runPython("1", { globals: a.globals }));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toMatch(/another Python runtime/);
  });

  test("a destroyed proxy of the same runtime is still 'already destroyed'", () => {
    const d = b.runPython("[1]");
    const f = b.runPython("def g(v):\n    return v\ng");
    d.destroy();
    const e = thrown(() => f(d));
    expect(e).toBeInstanceOf(PythonError);
    expect(e.type).toBe("JsException");
    expect(String(e.message).trim().split("\n").at(-1)).toBe("pyodide.ffi.JsException: Error: Object has already been destroyed");
    f.destroy();
  });

  test("both runtimes keep working", () => {
    expect(a.runPython("repr([1, 2])")).toBe("[1, 2]");
    expect(b.runPython("repr([1, 2])")).toBe("[1, 2]");
  });
});
