// The runner itself: a hang (in JS or in wasm) or a dying thread must end as one failed task
// with a message saying so, and the next task must get a fresh thread.
import { afterAll, expect, test } from "vitest";
import { GroupWorker } from "./runner.js";

const worker = new GroupWorker(new URL("./watchdog.group.ts", import.meta.url));
afterAll(() => worker.stop());

test("a JS hang is stopped by the watchdog", async () => {
  await expect(worker.run("hang", [], 1_000)).rejects.toThrow(/hang: watchdog: no answer within 1 s/);
  expect(await worker.run("ok", [], 30_000)).toBe("fine");
});

test("a hang inside wasm is stopped by the watchdog", async () => {
  await expect(worker.run("wasmLoop", [], 1_000)).rejects.toThrow(/wasmLoop: watchdog: no answer within 1 s/);
  expect(await worker.run("ok", [], 30_000)).toBe("fine");
});

test("a thread that exits fails its task, and the next task gets a fresh thread", async () => {
  const before = worker.started;
  await expect(worker.run("exit", [], 30_000)).rejects.toThrow(/exit: the worker thread exited \(code 3\)/);
  expect(await worker.run("ok", [], 30_000)).toBe("fine");
  expect(worker.started).toBe(before + 1);
});
