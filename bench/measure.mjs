// Runs the cases on all three runtimes in one JS realm (Node or a Chromium page): warm-up and a
// correctness check per runtime, then samples interleaved across runtimes in rotating order so
// that load drifting on the machine spreads over all of them.
import { CASES, DERIVED, REFERENCES } from "./cases.mjs";
import { RUNTIMES, loadRuntime } from "./runtimes.mjs";
import { summarize } from "./stats.mjs";

// Node needs --expose-gc and Chromium --js-flags=--expose-gc; without it samples are just noisier.
const collectGarbage = globalThis.gc ?? (() => {});
const WARMUP_MS = 500;

/** One line of an error: Python tracebacks end with the exception, JS messages start with it. */
export function errorText(e) {
  const lines = String(e?.message ?? e).split("\n").map((l) => l.trim()).filter(Boolean);
  const line = (e?.name === "PythonError" || e?.type ? lines.at(-1) : lines[0]) ?? String(e);
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export const matches = (name, filter) => !filter || name.toLowerCase().includes(filter.toLowerCase());

// A sample is a batch of back-to-back ops lasting at least BATCH_MS (at most MAX_BATCH ops), and
// its figure is the time per op: throughput, as the goals are stated. Timing single ops right
// after a forced full GC measured something else: the first call into a large wasm module after
// a major GC is slow in V8 (an empty Python call of ours goes from ~1 us to ~55 us), so fast ops
// were dominated by a cost a program pays once per GC, not once per op. Results are kept until
// the batch ends; MAX_BATCH keeps that under ~50 MB for the 1 MiB cases, because more retained
// memory makes V8 collect in the middle of the batch, which is that same cost again.
const BATCH_MS = 20;
const MAX_BATCH = 50;

async function runOnce(prepared) {
  const result = prepared.op();
  return prepared.async ? await result : result;
}

/** Times `count` ops after a full GC; results are kept (and released by the caller) untimed. */
async function timeBatch(prepared, count) {
  collectGarbage();
  const results = [];
  const t0 = performance.now();
  for (let k = 0; k < count; k++) results.push(await runOnce(prepared));
  return { ms: (performance.now() - t0) / count, results };
}

async function warmUp(rt, c, warmup) {
  const prepared = { ...c.setup(rt), async: c.async };
  const result = await runOnce(prepared);
  try {
    prepared.check(result);
  } catch (e) {
    return { prepared, failure: { status: "wrong", reason: errorText(e) } };
  } finally {
    rt.release(result);
  }
  // V8 tiers hot wasm up only after a while, so warm up for a time as well as a count.
  const until = performance.now() + WARMUP_MS;
  let fastest = Infinity;
  for (let i = 1; i < warmup || (performance.now() < until && i < 100); i++) {
    fastest = Math.min(fastest, await fastestOf(() => runOnce(prepared), 1, (r) => rt.release(r)));
  }
  prepared.batch = batchSize(fastest);
  return { prepared };
}

const batchSize = (opMs) => Math.max(1, Math.min(MAX_BATCH, Math.ceil(BATCH_MS / Math.max(opMs, 1e-3))));

/** Runs `op` `times` times (releasing each result) and returns the fastest run in ms. */
async function fastestOf(op, times, release = () => {}) {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    release(await op());
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

const NO_RELEASE = { release: () => {} };

async function measureCase(c, runtimes, loadErrors, { samples, warmup }, references) {
  const cells = {};
  const ready = [];
  for (const r of references) {
    r.check(r.op());
    r.samples ??= [];
    const batch = batchSize(await fastestOf(r.op, 20));
    ready.push({ name: r.name, rt: NO_RELEASE, prepared: { op: r.op, batch }, reference: r });
  }
  for (const name of RUNTIMES) {
    const rt = runtimes[name];
    if (!rt) {
      cells[name] = { status: "cannot", reason: `did not load: ${loadErrors[name]}` };
      continue;
    }
    try {
      const { prepared, failure } = await warmUp(rt, c, warmup);
      cells[name] = failure ?? { status: "ok", samples: [], note: prepared.note };
      if (!failure) ready.push({ name, rt, prepared });
    } catch (e) {
      cells[name] = { status: "cannot", reason: errorText(e) };
    }
  }
  for (let i = 0; i < samples; i++) {
    const order = ready.map((_, k) => ready[(k + i) % ready.length]);
    for (const { name, rt, prepared, reference } of order) {
      if (reference) {
        reference.samples.push((await timeBatch(prepared, prepared.batch)).ms);
        continue;
      }
      if (cells[name].status !== "ok") continue;
      try {
        const { ms, results } = await timeBatch(prepared, prepared.batch);
        for (const r of results) rt.release(r);
        cells[name].samples.push(ms);
        cells[name].batch = prepared.batch;
      } catch (e) {
        cells[name] = { status: "cannot", reason: `failed while sampling: ${errorText(e)}` };
      }
    }
  }
  for (const cell of Object.values(cells)) {
    if (cell.status === "ok") Object.assign(cell, summarize(cell.samples));
  }
  return cells;
}

function derive(cases) {
  const byName = Object.fromEntries(cases.map((c) => [c.name, c.runtimes]));
  return DERIVED.filter((d) => byName[d.a] && byName[d.b]).map((d) => {
    const runtimes = {};
    for (const name of RUNTIMES) {
      const a = byName[d.a][name];
      const b = byName[d.b][name];
      runtimes[name] =
        a.status === "ok" && b.status === "ok"
          ? { status: "ok", value: ((a.median - b.median) / d.count) * 1000 }
          : { status: "cannot", reason: (a.status === "ok" ? b : a).reason };
    }
    return { name: d.name, unit: "us", runtimes };
  });
}

export async function runCases({ samples = 11, warmup = 3, filter, log = () => {} }) {
  const runtimes = {};
  const loadErrors = {};
  for (const name of RUNTIMES) {
    try {
      runtimes[name] = await loadRuntime(name);
    } catch (e) {
      loadErrors[name] = errorText(e);
    }
  }
  const cases = [];
  const refs = REFERENCES.map((r) => ({ ...r, samples: undefined }));
  for (const c of CASES.filter((c) => matches(c.name, filter))) {
    log(`case: ${c.name}`);
    const together = refs.filter((r) => c.name.includes(r.with));
    cases.push({ name: c.name, unit: "ms", runtimes: await measureCase(c, runtimes, loadErrors, { samples, warmup }, together) });
  }
  const references = refs
    .filter((r) => r.samples)
    .map((r) => ({ name: r.name, unit: "ms", samples: r.samples, ...summarize(r.samples) }));
  return { cases, derived: derive(cases), references };
}
