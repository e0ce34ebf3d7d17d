// setInterruptBuffer (Pyodide's API): a signal number written into the buffer interrupts running
// Python code, from this thread or (the real use) from another one through a SharedArrayBuffer
// (Node only: the other thread is a worker_threads Worker).

import { Worker } from "node:worker_threads";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import type { PythonRuntime } from "../../dist/index.js";
import { startPython, thrown } from "../helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython());
  py.runPython("def spin(n):\n    for _ in range(n):\n        pass");
});
afterEach(() => py.setInterruptBuffer(undefined));

describe("setInterruptBuffer", () => {
  test("2 in the buffer raises KeyboardInterrupt in running code and resets the buffer", () => {
    const buffer = new Int8Array(1);
    py.setInterruptBuffer(buffer);
    buffer[0] = 2;
    const e = thrown(() => py.runPython("spin(10**7)"));
    expect([e.type, buffer[0]]).toEqual(["KeyboardInterrupt", 0]);
    // Nothing pending any more: the runtime goes on as before.
    expect(py.runPython("spin(1000)\n'still running'")).toBe("still running");
  });

  test("Python code can catch the KeyboardInterrupt, whose traceback ends in the interrupted loop", () => {
    (globalThis as any).interruptSoon = () => void (buffer[0] = 2);
    const buffer = new Int32Array(1);
    py.setInterruptBuffer(buffer);
    const r = py.runPython(`
import traceback
from js import interruptSoon
def busy():
    for i in range(10**6):
        if i == 100:
            interruptSoon()
try:
    busy()
    outcome = "finished"
except KeyboardInterrupt as e:
    outcome = traceback.format_exception(e)[-2].strip().split(", ")[-1]
outcome`);
    expect(r).toBe("in busy");
    delete (globalThis as any).interruptSoon;
  });

  test("another thread interrupts an endless loop through a SharedArrayBuffer", async () => {
    const shared = new SharedArrayBuffer(4);
    py.setInterruptBuffer(new Int32Array(shared));
    const worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
       Atomics.store(new Int32Array(workerData), 0, 2);`,
      { eval: true, workerData: shared },
    );
    try {
      const e = thrown(() => py.runPython("while True:\n    pass"));
      expect([e.type, new Int32Array(shared)[0]]).toEqual(["KeyboardInterrupt", 0]);
    } finally {
      await worker.terminate();
    }
  });

  test("a SIGINT handler set with signal.signal runs instead, with the signal number and a frame", () => {
    const buffer = new Int32Array(1);
    py.runPython(`
import signal
heard = []
previous = signal.signal(signal.SIGINT, lambda signum, frame: heard.append((signum, type(frame).__name__)))`);
    try {
      py.setInterruptBuffer(buffer);
      buffer[0] = 2;
      py.runPython("spin(1000)");
      expect(py.runPython("repr(heard)")).toBe("[(2, 'frame')]");
    } finally {
      py.runPython("signal.signal(signal.SIGINT, previous)");
    }
  });

  test("a signal whose handler is SIG_DFL, and a value that is no signal number, are taken out and ignored", () => {
    const buffer = new Int32Array(1);
    py.setInterruptBuffer(buffer);
    for (const value of [15, 99, -3]) {
      buffer[0] = value;
      expect(py.runPython("spin(1000)\n'done'")).toBe("done");
      expect(buffer[0]).toBe(0);
    }
  });

  test("undefined removes the buffer; another buffer replaces it", () => {
    const first = new Int32Array(1);
    const second = new Int32Array(1);
    py.setInterruptBuffer(first);
    py.setInterruptBuffer(second);
    first[0] = 2;
    py.runPython("spin(1000)");
    expect(first[0]).toBe(2);
    second[0] = 2;
    expect(thrown(() => py.runPython("spin(10**6)")).type).toBe("KeyboardInterrupt");
    py.setInterruptBuffer(undefined);
    second[0] = 2;
    py.runPython("spin(1000)");
    expect(second[0]).toBe(2);
  });

  test("anything but a TypedArray or undefined is refused with a TypeError", () => {
    expect(() => py.setInterruptBuffer([0] as any)).toThrow(TypeError);
    expect(() => py.setInterruptBuffer(new DataView(new ArrayBuffer(4)) as any)).toThrow(
      "setInterruptBuffer: buffer must be a TypedArray (or undefined to remove it)",
    );
  });

  test("the checks need sys.monitoring tool 4: if Python code holds it, setting a buffer fails", () => {
    py.runPython("import sys\nsys.monitoring.use_tool_id(4, 'mine')");
    try {
      const e = thrown(() => py.setInterruptBuffer(new Int32Array(1)));
      expect(e.type).toBe("ValueError");
    } finally {
      py.runPython("sys.monitoring.free_tool_id(4)");
    }
  });
});
