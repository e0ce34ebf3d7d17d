// Start-up figures from cold runs, the same for Node (a fresh process each) and Chromium (a fresh
// page each). coldRun(name, measure) returns { ms } or, measuring, { ms, memory, atStart, afterImports }.
import { matches } from "./measure.mjs";
import { RUNTIMES } from "./runtimes.mjs";
import { summarize } from "./stats.mjs";

const MiB = 1 << 20;
export const STARTUP = {
  cold: "cold start: import -> first runPython",
  bytes: "bytes loaded at start",
  imports: "bytes loaded after import asyncio, json, re, dataclasses",
  memory: "wasm memory after start",
};

export const wantsStartup = (filter) => Object.values(STARTUP).some((name) => matches(name, filter));

/**
 * One measuring run per runtime (its time is not a sample), then timed runs in rotating order. A
 * runtime that fails the measuring run is not timed; a failed timed run (say, dist/ being rebuilt
 * meanwhile) loses that sample only and is noted.
 */
export async function coldRuns(coldRun, coldSamples, log) {
  const runs = Object.fromEntries(RUNTIMES.map((name) => [name, { times: [], refused: [], failures: [] }]));
  const attempt = async (name, measure) => {
    try {
      const result = await coldRun(name, measure);
      runs[name].refused.push(...(result.refused ?? []));
      return result;
    } catch (e) {
      runs[name].failures.push(e.message.split("\n")[0]);
    }
  };
  for (const name of RUNTIMES) {
    log(`cold start (measuring bytes and memory): ${name}`);
    runs[name].measured = await attempt(name, true);
  }
  for (let i = 0; i < coldSamples; i++) {
    for (let k = 0; k < RUNTIMES.length; k++) {
      const name = RUNTIMES[(k + i) % RUNTIMES.length];
      if (!runs[name].measured) continue;
      log(`cold start ${i + 1}/${coldSamples}: ${name}`);
      const result = await attempt(name, false);
      if (result) runs[name].times.push(result.ms);
    }
  }
  return runs;
}

const cannot = (reason) => ({ status: "cannot", reason });

function cell(run, pick) {
  return run.measured ? pick(run.measured) : cannot(run.failures[0] ?? "not measured");
}

function coldCell(run) {
  if (!run.times.length) return cannot(run.failures[0] ?? "no samples");
  const lost = run.failures.length ? `${run.failures.length} run(s) failed: ${run.failures[0]}` : undefined;
  return { status: "ok", samples: run.times, ...summarize(run.times), note: lost };
}

const bytesCell = (b) => (b.error ? cannot(b.error) : { status: "ok", value: b.total / MiB, note: `${b.files} files` });

export function startupRows(runs, filter) {
  const row = (key, unit, pick, note) => {
    const runtimes = Object.fromEntries(RUNTIMES.map((name) => [name, pick(runs[name])]));
    return { name: STARTUP[key], unit, runtimes, note };
  };
  const rows = [
    row("cold", "ms", coldCell),
    row("bytes", "MiB", (run) => cell(run, (m) => bytesCell(m.atStart))),
    row("imports", "MiB", (run) => cell(run, (m) => bytesCell(m.afterImports))),
    row(
      "memory",
      "MiB",
      (run) => cell(run, (m) => (m.memory === undefined ? cannot("no WebAssembly.Memory seen") : { status: "ok", value: m.memory / MiB })),
      "caught at WebAssembly.instantiate; only Pyodide exposes its memory itself (pyodide._module.HEAP8)",
    ),
  ].filter((r) => matches(r.name, filter));
  const refused = RUNTIMES.flatMap((name) => runs[name].refused);
  return { rows, refused };
}
