// The worker cases, run inside workers.html: each peer's worker started once, a warm-up run per
// case that also checks the results, then samples interleaved across the peers in rotating order
// (as measure.mjs does for the runtimes). A sample is one loop of n operations in the worker; its
// figure is a rate (ops/s) or a time per op. Start-up is timed in fresh pages instead (runStartup).
import { errorText, matches } from "./measure.mjs";
import { summarize } from "./stats.mjs";
import { PEERS, loadPeer } from "./workers-peers.mjs";

// The title the worker reads; the harness's "ready" title is replaced once the page is driven.
const TITLE = "worker bench: the title read from the worker";
// A peer that hangs (a deadlock in a worker) must cost this much, not the whole bench.
const TIMEOUT_MS = 30_000;

const perSecond = (ms, n) => (n * 1000) / ms;
const perOp = (ms, n) => ms / n;

// n keeps one sample near 50-100 ms for coincident, so the whole section stays under a minute.
export const WORKER_CASES = [
  { name: "worker -> main sync call returning 1", unit: "calls/s", n: 2000, run: (w, n) => w.calls(n), figure: perSecond },
  { name: "worker reads main's document.title", unit: "reads/s", n: 2000, run: (w, n) => w.reads(n, TITLE), figure: perSecond },
  { name: "1 MiB Uint8Array main -> worker (main fn result)", unit: "ms", n: 20, run: (w, n) => w.fromMain(n), figure: perOp },
  { name: "1 MiB Uint8Array worker -> main (main fn argument)", unit: "ms", n: 20, run: (w, n) => w.toMain(n), figure: perOp },
];

export const WORKER_STARTUP = {
  first: "first worker in a page: create -> ready",
  second: "second worker in the same page: create -> ready",
};

class Timeout extends Error {}

function within(promise, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what}: no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// Without isolation there is no SharedArrayBuffer: coincident would fall back to asynchronous
// calls and a Python worker could not call main synchronously, so no figure would mean anything.
function assertIsolated() {
  if (globalThis.crossOriginIsolated !== true) {
    throw new Error(
      "workers.html is not cross-origin isolated (crossOriginIsolated !== true): it must be served with " +
        "Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp",
    );
  }
}

const cannot = (reason) => ({ status: "cannot", reason });

async function startPeers(log) {
  const workers = {};
  const errors = {};
  for (const name of PEERS) {
    try {
      const peer = await loadPeer(name);
      workers[name] = await within(peer.start(), `${name}: start`);
    } catch (e) {
      errors[name] = errorText(e);
      log(`${name}: ${errors[name]}`);
    }
  }
  return { workers, errors };
}

/** Drops a peer whose worker stopped answering: every later case would wait TIMEOUT_MS for it. */
function dropIfHung(e, name, workers, errors) {
  if (!(e instanceof Timeout)) return;
  workers[name].terminate();
  delete workers[name];
  errors[name] = `an earlier case timed out (${e.message})`;
}

async function measureCase(c, { samples }, workers, errors) {
  const cells = {};
  const ready = [];
  for (const name of PEERS) {
    if (!workers[name]) {
      cells[name] = cannot(errors[name]);
      continue;
    }
    try {
      await within(c.run(workers[name], c.n), `${name}: ${c.name}`); // warm-up and check
      cells[name] = { status: "ok", samples: [], opsPerSample: c.n };
      ready.push(name);
    } catch (e) {
      cells[name] = cannot(errorText(e));
      dropIfHung(e, name, workers, errors);
    }
  }
  for (let i = 0; i < samples; i++) {
    for (let k = 0; k < ready.length; k++) {
      const name = ready[(k + i) % ready.length];
      if (cells[name].status !== "ok") continue;
      try {
        const ms = await within(c.run(workers[name], c.n), `${name}: ${c.name}`);
        cells[name].samples.push(c.figure(ms, c.n));
      } catch (e) {
        cells[name] = cannot(`failed while sampling: ${errorText(e)}`);
        dropIfHung(e, name, workers, errors);
      }
    }
  }
  for (const cell of Object.values(cells)) {
    if (cell.status === "ok") Object.assign(cell, summarize(cell.samples));
  }
  return cells;
}

export async function runWorkerCases({ samples = 11, filter, log = () => {} }) {
  assertIsolated();
  document.title = TITLE;
  const { workers, errors } = await startPeers(log);
  const cases = [];
  try {
    for (const c of WORKER_CASES.filter((c) => matches(c.name, filter))) {
      log(`worker case: ${c.name}`);
      cases.push({ name: c.name, unit: c.unit, peers: await measureCase(c, { samples }, workers, errors) });
    }
  } finally {
    for (const w of Object.values(workers)) w.terminate();
  }
  return cases;
}

/**
 * In a fresh page (an empty cache): one peer's first worker, then a second one beside it; ms from
 * the start call to ready. Returns { first, second } or { error } (an error is data, not a throw,
 * so that Node gets its one line rather than Playwright's wrapping).
 */
export async function runStartup(name) {
  assertIsolated();
  const started = [];
  try {
    const peer = await loadPeer(name);
    const t0 = performance.now();
    started.push(await within(peer.start(), `${name}: first worker`));
    const t1 = performance.now();
    started.push(await within(peer.start(), `${name}: second worker`));
    const t2 = performance.now();
    return { first: t1 - t0, second: t2 - t1 };
  } catch (e) {
    return { error: errorText(e) };
  } finally {
    for (const w of started) w.terminate();
  }
}
