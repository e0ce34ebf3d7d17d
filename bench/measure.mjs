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

async function timeOnce(prepared) {
  collectGarbage();
  const t0 = performance.now();
  let result = prepared.op();
  if (prepared.async) result = await result;
  return { ms: performance.now() - t0, result };
}

async function warmUp(rt, c, warmup) {
  const prepared = { ...c.setup(rt), async: c.async };
  const { result } = await timeOnce(prepared);
  try {
    prepared.check(result);
  } catch (e) {
    return { prepared, failure: { status: "wrong", reason: errorText(e) } };
  } finally {
    rt.release(result);
  }
  // V8 tiers hot wasm up only after a while, so warm up for a time as well as a count.
  const until = performance.now() + WARMUP_MS;
  for (let i = 1; i < warmup || (performance.now() < until && i < 100); i++) rt.release((await timeOnce(prepared)).result);
  return { prepared };
}

async function measureCase(c, runtimes, loadErrors, { samples, warmup }) {
  const cells = {};
  const ready = [];
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
    for (const { name, rt, prepared } of order) {
      if (cells[name].status !== "ok") continue;
      try {
        const { ms, result } = await timeOnce(prepared);
        rt.release(result);
        cells[name].samples.push(ms);
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
  for (const c of CASES.filter((c) => matches(c.name, filter))) {
    log(`case: ${c.name}`);
    cases.push({ name: c.name, unit: "ms", runtimes: await measureCase(c, runtimes, loadErrors, { samples, warmup }) });
  }
  const references = [];
  for (const r of REFERENCES.filter((r) => matches(r.name, filter))) {
    const times = [];
    r.check(r.op());
    for (let i = 0; i < samples; i++) times.push((await timeOnce(r)).ms);
    references.push({ name: r.name, unit: "ms", samples: times, ...summarize(times) });
  }
  return { cases, derived: derive(cases), references };
}
