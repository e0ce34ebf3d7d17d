// The recursion limits hold in a worker thread too, whose stack differs from the main thread's.
import { Worker } from "node:worker_threads";
import { describe, expect, test } from "vitest";

function runIn(resourceLimits?: { stackSizeMb: number }): Promise<any> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./fixtures/recursion-worker.mjs", import.meta.url), { resourceLimits });
    worker.once("message", (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

const expected = {
  repr: "PythonError:RecursionError",
  python: "PythonError:RecursionError",
  crossing: "PythonError:RecursionError",
  after: "[1, [2]]",
};

describe("deep recursion in a worker thread", () => {
  test("with the default stack", async () => {
    expect(await runIn()).toEqual(expected);
  });
  test("with a 1 MB stack", async () => {
    expect(await runIn({ stackSizeMb: 1 })).toEqual(expected);
  });
});
