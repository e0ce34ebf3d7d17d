// Standard input: `loadPython({ stdin })` and `py.setStdin`, with Pyodide's semantics (checked
// against Pyodide 314: a string is a line, bytes and numbers are UTF-8 bytes, null/undefined is
// end of file, a handler that throws or `error: true` is OSError [Errno 29]).

import { describe, expect, test, vi } from "vitest";
import { PythonError } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";

/** A stdin handler that gives `items` one per call, then end of file; counts its calls. */
function feed(...items: unknown[]) {
  const handler = Object.assign(() => (handler.calls++, items.shift() as any), { calls: 0 });
  return handler;
}

function pythonError(run: () => unknown): PythonError {
  const e = thrown(run);
  expect(e).toBeInstanceOf(PythonError);
  return e;
}

describe("stdin", () => {
  test("input() reads the lines loadPython's stdin gives, one call per line, then EOFError", async () => {
    const stdin = feed("hello", "world");
    const { py, out } = await startPython({ stdin });
    expect(py.runPython("input('Name: ')")).toBe("hello");
    expect(stdin.calls).toBe(1);
    expect(out).toEqual(["Name: "]);
    expect(py.runPython("input()")).toBe("world");
    expect(pythonError(() => py.runPython("input()")).type).toBe("EOFError");
    // End of file is not sticky: a later read asks the handler again.
    expect(stdin.calls).toBe(3);
    pythonError(() => py.runPython("input()"));
    expect(stdin.calls).toBe(4);
  });

  test("sys.stdin's readline, read, read(n) and iteration", async () => {
    const { py } = await startPython();
    py.setStdin({ stdin: feed("one", "two\n", "three") });
    expect(py.runPython("import sys; sys.stdin.readline()")).toBe("one\n");
    expect(py.runPython("sys.stdin.read(2), sys.stdin.read(3)").toJs()).toEqual(["tw", "o\nt"]);
    expect(py.runPython("sys.stdin.read()")).toBe("hree\n");
    expect(py.runPython("sys.stdin.read()")).toBe("");
    py.setStdin({ stdin: feed("a\nb", "", "c") });
    expect(py.runPython("[line for line in sys.stdin]").toJs()).toEqual(["a\n", "b\n", "\n", "c\n"]);
    py.setStdin({ stdin: feed("x", "y") });
    expect(py.runPython("sys.stdin.readlines()").toJs()).toEqual(["x\n", "y\n"]);
  });

  test("bytes and numbers are UTF-8; bytes that do not end a line are one, as in Pyodide", async () => {
    const { py } = await startPython();
    const stdin = feed(new Uint8Array([0x68, 0xc3, 0xa9]), new Uint8Array([0x61, 0x0a]).buffer, 0x21, 0xc3, 0xa9, 0x0a);
    py.setStdin({ stdin });
    expect(py.runPython("input(), input(), input()").toJs()).toEqual(["hé", "a", "!é"]);
    // The line of bytes without a newline ended without asking the handler for more.
    expect(stdin.calls).toBe(6);
    py.setStdin({ stdin: feed(new DataView(new Uint8Array([0x6f, 0x6b, 0x0a]).buffer), new Uint8Array(0), "later") });
    expect(py.runPython("import sys; sys.stdin.read()")).toBe("ok\n");
  });

  test("error: true, a handler that throws and a handler that returns an object are OSError [Errno 29]", async () => {
    const { py } = await startPython();
    py.setStdin({ error: true });
    let e = pythonError(() => py.runPython("input()"));
    expect(e.type).toBe("OSError");
    expect(e.message).toContain("OSError: [Errno 29] I/O error");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      py.setStdin({ stdin: () => { throw new Error("no keyboard"); } });
      e = pythonError(() => py.runPython("import sys; sys.stdin.readline()"));
      expect(e.type).toBe("OSError");
      expect(logged.mock.calls[0][1]).toEqual(new Error("no keyboard"));
      py.setStdin({ stdin: () => ({}) as any });
      expect(pythonError(() => py.runPython("input()")).type).toBe("OSError");
    } finally {
      logged.mockRestore();
    }
    // Caught in Python like any OSError, and the runtime goes on.
    py.setStdin({ error: true });
    expect(py.runPython("try:\n  input()\nexcept OSError as e:\n  r = e.errno\nr")).toBe(29);
  });

  test("isatty is what setStdin says (default false)", async () => {
    const { py } = await startPython({ stdin: feed() });
    expect(py.runPython("import sys; sys.stdin.isatty()")).toBe(false);
    py.setStdin({ stdin: feed("q"), isatty: true });
    expect(py.runPython("sys.stdin.isatty()")).toBe(true);
    expect(py.runPython("input()")).toBe("q");
  });

  test("setStdin checks its options", async () => {
    const { py } = await startPython();
    const cases: Array<[unknown, string]> = [
      [5, "setStdin: options must be an object, not number (5)"],
      [{ stdin: "line" }, 'setStdin: stdin must be a function, not string ("line")'],
      [{ error: 1 }, "setStdin: error must be a boolean, not number (1)"],
      [{ stdin: () => "x", isatty: "yes" }, 'setStdin: isatty must be a boolean, not string ("yes")'],
      [{ stdin: () => "x", error: true }, "setStdin: at most one of stdin and error may be given"],
    ];
    for (const [options, message] of cases) {
      const e = thrown(() => py.setStdin(options as any));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toBe(message);
    }
  });

  test.runIf(!inNode)("in a browser, the default stdin is prompt(), as in Pyodide", async () => {
    const asked: unknown[] = [];
    const prompt = vi.fn((...args: unknown[]) => (asked.push(args), asked.length === 1 ? "typed" : null));
    vi.stubGlobal("prompt", prompt);
    try {
      const { py } = await startPython();
      expect(py.runPython("input()")).toBe("typed");
      expect(pythonError(() => py.runPython("input()")).type).toBe("EOFError");
      py.setStdin({ stdin: feed("mine") });
      expect(py.runPython("input()")).toBe("mine");
      py.setStdin();
      expect(pythonError(() => py.runPython("input()")).type).toBe("EOFError");
      expect(prompt).toHaveBeenCalledTimes(3);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
