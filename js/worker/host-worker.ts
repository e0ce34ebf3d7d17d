// The threads workers run on: a module Web Worker in browsers, a worker_threads Worker in Node,
// behind one shape. While any worker lives, the page keeps one spare thread with the worker's
// script loaded, so that the next worker starts with its runtime, not its script: in a browser
// each worker fetches and compiles its modules again, most of a second worker's start.

import { isNode } from "../runtime/host.js";
import type { Port } from "./channel.js";

export interface HostWorker extends Port {
  terminate(): void;
  /** Node: whether the worker keeps the process alive. */
  keepAlive(on: boolean): void;
}

type Handlers = { message(data: unknown): void; failure(e: Error): void };

/** A started thread, whose events go where `bind` says (the spare's, once a worker takes it). */
interface Started {
  host: HostWorker;
  bind(handlers: Handlers): void;
}

let spare: Promise<Started> | undefined;
/** Workers holding a thread (taken, not yet released). */
let live = 0;

/**
 * The thread of a new worker, its events going to the two callbacks: the spare (for an unnamed
 * worker; a named one gets its own, so that debuggers show the name), else a new thread. The
 * first worker also starts the spare, beside it. An idle thread does not keep Node running: the
 * PythonWorker decides (`keepAlive`).
 */
export async function startHost(name: string | undefined, onMessage: (data: unknown) => void, onFailure: (e: Error) => void): Promise<HostWorker> {
  live++;
  let started: Started | undefined;
  if (name === undefined && spare !== undefined) {
    const taken = spare;
    spare = undefined;
    started = await taken.catch(() => undefined);
  } else {
    keepSpare();
  }
  started ??= await start(name);
  started.bind({ message: onMessage, failure: onFailure });
  return started.host;
}

/**
 * A worker is ready: a new spare starts now (not while that worker booted, which it would have
 * slowed).
 */
export function hostReady(): void {
  keepSpare();
}

/** A worker let its thread go (terminated, failed): with none left, the spare goes too. */
export function hostReleased(): void {
  live = Math.max(0, live - 1);
  if (live > 0 || spare === undefined) return;
  const dropped = spare;
  spare = undefined;
  dropped.then((s) => s.host.terminate(), () => {});
}

function keepSpare(): void {
  if (spare !== undefined || live === 0) return;
  const starting = start(undefined);
  spare = starting;
  // A spare that fails is dropped; the next worker starts a thread of its own.
  const drop = () => {
    if (spare === starting) spare = undefined;
  };
  starting.then((s) => s.bind({ message: () => {}, failure: drop }), drop);
}

async function start(name: string | undefined): Promise<Started> {
  let handlers: Handlers | undefined;
  let failed: Error | undefined;
  const failure = (e: Error) => {
    if (handlers !== undefined) handlers.failure(e);
    else failed ??= e;
  };
  const message = (data: unknown) => handlers?.message(data);
  const host = isNode() ? await startNode(name, message, failure) : startBrowser(name, message, failure);
  host.keepAlive(false);
  return {
    host,
    bind(next) {
      handlers = next;
      if (failed !== undefined) next.failure(failed);
    },
  };
}

async function startNode(name: string | undefined, onMessage: (data: unknown) => void, onFailure: (e: Error) => void): Promise<HostWorker> {
  const entry = new URL("./entry.js", import.meta.url);
  const specifier = "node:worker_threads";
  const { Worker } = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as typeof import("node:worker_threads");
  const worker = new Worker(entry, { name });
  worker.on("message", onMessage);
  worker.on("error", onFailure);
  worker.on("exit", (code) => onFailure(new Error(`the worker exited (code ${code})`)));
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer as never),
    terminate: () => void worker.terminate(),
    keepAlive: (on) => (on ? worker.ref() : worker.unref()),
  };
}

function startBrowser(name: string | undefined, onMessage: (data: unknown) => void, onFailure: (e: Error) => void): HostWorker {
  // Written as bundlers recognise a worker (Vite, webpack): they bundle the entry and its imports.
  const worker = new Worker(new URL("./entry.js", import.meta.url), { type: "module", name });
  worker.addEventListener("message", (event) => onMessage(event.data));
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    onFailure(new Error(`the worker failed: ${event.message || "its script did not load"} (${new URL("./entry.js", import.meta.url).href})`));
  });
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    terminate: () => worker.terminate(),
    keepAlive: () => {},
  };
}
