// Deep recursion ends in Python's RecursionError, never in the engine's RangeError unwinding
// through the interpreter (which would skip its clean-up), and the runtime keeps working.
import { beforeAll, describe, expect, test } from "vitest";
import { PythonError, type PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  py = (await startPython()).py;
});

const lastLine = (e: any): string => String(e.message).trim().split("\n").at(-1) ?? "";

function stillWorks(): void {
  expect(py.runPython("repr([1, [2], {'a': (3,)}])")).toBe("[1, [2], {'a': (3,)}]");
  expect(py.toPy([1, { a: 2 }]).toJs()).toEqual([1, new Map([["a", 2]])]);
  // The recursion depth is back where it was: a low limit can be set again.
  expect(py.runPython("import sys\nold = sys.getrecursionlimit()\nsys.setrecursionlimit(50)\nsys.setrecursionlimit(old)\nold")).toBeGreaterThanOrEqual(100);
}

describe("recursion is a RecursionError, and the runtime keeps working", () => {
  test("repr() of a 10,000-deep list", () => {
    const e = thrown(() => py.runPython("x = []\nfor _ in range(10000):\n    x = [x]\nrepr(x)"));
    expect(e).toBeInstanceOf(PythonError);
    expect(e.type).toBe("RecursionError");
    py.runPython("del x");
    stillWorks();
  });

  test("unbounded Python recursion", () => {
    const e = thrown(() => py.runPython("def down(n):\n    return down(n + 1)\ndown(0)"));
    expect([e.type, lastLine(e)]).toEqual(["RecursionError", "RecursionError: maximum recursion depth exceeded"]);
    stillWorks();
  });

  test("JS and Python calling each other without end", () => {
    const g = globalThis as any;
    g.pingJs = (n: number) => g.pongPy(n + 1);
    py.runPython("import js\ndef pong(n):\n    return js.pingJs(n)\njs.pongPy = pong");
    const e = thrown(() => g.pingJs(0));
    expect(e).toBeInstanceOf(PythonError);
    expect(lastLine(e)).toBe("RecursionError: maximum recursion depth exceeded while calling a JavaScript object");
    delete g.pingJs;
    delete g.pongPy;
    stillWorks();
  });

  test("the same again after a RecursionError (no state left behind)", () => {
    for (let i = 0; i < 3; i++) {
      expect(thrown(() => py.runPython("down(0)")).type).toBe("RecursionError");
      const g = globalThis as any;
      g.pingJs = (n: number) => g.pongPy(n + 1);
      py.runPython("js.pongPy = pong");
      expect(thrown(() => g.pingJs(0)).type).toBe("RecursionError");
      delete g.pingJs;
      delete g.pongPy;
    }
    stillWorks();
  });

  test("the recursion limit is sized to the stack: reachable without a RangeError", () => {
    const limit = py.runPython("sys.getrecursionlimit()");
    // A recursion just short of the limit completes (the stack has room for it).
    py.runPython(`import sys\ndef count(n):\n    return 0 if n == 0 else count(n - 1) + 1\nr = count(${limit - 50})`);
    expect(py.runPython("r")).toBe(limit - 50);
  });
});

describe("deeply nested source is a RecursionError at compile time", () => {
  // The parser and compiler recurse per nested operator; such source is refused before it
  // could overflow the JS stack (CPython: "maximum recursion depth exceeded during compilation").
  const sources = [
    ["a chain of 100,000 binary operators", "'1+' * 100000 + '1'"],
    ["100,000 nested `not`", "'not ' * 100000 + '1'"],
    ["5,000 unary minus signs", "'-' * 5000 + '1'"],
    ["an attribute chain of 100,000", "'a' + '.b' * 100000"],
    ["100,000 chained calls", "'f' + '()' * 100000"],
  ];
  test.each(sources)("%s", (_label, src) => {
    expect(py.runPython(`try:\n    eval(${src})\n    r = 'no error'\nexcept RecursionError as e:\n    r = str(e)\nr`)).toBe(
      "maximum recursion depth exceeded during compilation",
    );
    stillWorks();
  });
  test("ordinary long source still compiles, and exec/eval keep their caller's namespaces", () => {
    expect(py.runPython("eval('1+' * 200 + '1')")).toBe(201);
    expect(py.runPython("eval('[' + '[1, 2],' * 5000 + ']')").length).toBe(5000);
    expect(py.runPython("def nsf():\n    y = 3\n    return eval('y * 2')\nnsf()")).toBe(6);
    expect(py.runPython("exec('ns_z = 7')\nns_z")).toBe(7);
    expect(py.runPython("type(eval).__name__, type(exec).__name__, type(compile).__name__").toJs()).toEqual([
      "builtin_function_or_method", "builtin_function_or_method", "builtin_function_or_method",
    ]);
  });
});
