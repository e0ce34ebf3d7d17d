// Runs a group of reliability tasks in its own worker thread behind a watchdog. A wasm trap, a
// hang or a crashed thread then becomes one failed test with a message saying which, and the
// next task gets a fresh thread (and so a fresh wasm instance: one realm shares one core).
import { Worker } from "node:worker_threads";

export interface TaskError {
  name: string;
  message: string;
  stack: string;
}

export class TaskFailed extends Error {
  constructor(readonly task: string, readonly error: TaskError) {
    super(`${task}: ${error.name}: ${error.message}\n${error.stack}`);
  }
}

/** The thread died or hung: the runtime in it is gone. */
export class WorkerLost extends Error {}

export class GroupWorker {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;
  #pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; task: string }>();
  #next = 0;
  /** How many threads this group has started (each restart after a loss adds one). */
  started = 0;

  /** `group` is the URL of a module exporting `tasks: Record<string, (...args) => any>`. */
  constructor(readonly group: URL, readonly options: { startTimeoutMs?: number } = {}) {}

  #start(): Promise<void> {
    if (this.#ready) return this.#ready;
    this.started++;
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
      workerData: { group: this.group.href },
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    const lose = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#ready = undefined;
      for (const p of this.#pending.values()) p.reject(new WorkerLost(`${p.task}: ${why}`));
      this.#pending.clear();
    };
    worker.on("error", (e) => lose(`the worker thread crashed: ${e?.stack ?? e}`));
    worker.on("exit", (code) => lose(`the worker thread exited (code ${code})`));
    worker.on("message", (m) => {
      if (m.ready) return;
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new TaskFailed(p.task, m.error));
    });
    this.#ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new WorkerLost("the worker thread did not start")), this.options.startTimeoutMs ?? 60_000);
      worker.once("message", () => (clearTimeout(timer), resolve()));
      worker.once("error", (e) => (clearTimeout(timer), reject(e)));
    });
    return this.#ready;
  }

  /**
   * Runs `task(...args)` in the thread; rejects with TaskFailed when the task throws, and with
   * WorkerLost (after stopping the thread) when it does not answer within `timeoutMs`.
   */
  async run<T = any>(task: string, args: unknown[], timeoutMs: number): Promise<T> {
    await this.#start();
    const worker = this.#worker!;
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.#pending.get(id);
        this.#pending.delete(id);
        this.stop();
        p?.reject(new WorkerLost(`${task}: watchdog: no answer within ${timeoutMs / 1000} s (a hang, or far too slow); the worker thread was stopped`));
      }, timeoutMs);
      this.#pending.set(id, {
        task,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      worker.postMessage({ id, task, args });
    });
  }

  /** Stops the thread; the next `run` starts a fresh one. */
  stop(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    for (const p of this.#pending.values()) p.reject(new WorkerLost(`${p.task}: the worker thread was stopped`));
    this.#pending.clear();
    void worker?.terminate();
  }
}
