// The worker thread side of runner.ts: lets the thread import TypeScript, loads the group module
// named in workerData, and serves its `tasks` one message at a time.
import { register } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

register(new URL("./ts-hooks.mjs", import.meta.url));
const group = await import(workerData.group);

/** What crosses back for a thrown value: enough to assert on its class and message. */
function describeError(e) {
  if (e instanceof Error) return { name: e.constructor?.name ?? e.name, message: e.message, stack: e.stack };
  return { name: typeof e, message: String(e), stack: "" };
}

parentPort.on("message", async ({ id, task, args }) => {
  try {
    const fn = group.tasks[task];
    if (typeof fn !== "function") throw new Error(`no task "${task}" in ${workerData.group}`);
    parentPort.postMessage({ id, ok: true, value: await fn(...args) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: describeError(e) });
  }
});
parentPort.postMessage({ ready: true });
