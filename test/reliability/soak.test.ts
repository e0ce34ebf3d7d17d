// Soak: SOAK_OPS (default 100000) seeded mixed operations, twice, in a worker thread behind a
// watchdog. After each run and a gc, py.stats() must be back at its baseline; the second run
// may grow wasm memory by at most MAX_GROWTH (memory levels off: nothing accumulates per call).
// SOAK_SEED picks another sequence of operations.
import { afterAll, expect, test } from "vitest";
import { GroupWorker } from "./runner.js";

const OPS = Number(process.env.SOAK_OPS ?? 100_000);
const SEED = Number(process.env.SOAK_SEED ?? 19);
// The heap's high-water mark moves a little with GC timing (the "drop without destroy" operation
// leaves proxies to the FinalizationRegistry); a real per-operation leak of even one small object
// would add far more than this over 100000 operations.
const MAX_GROWTH = 4 * 1024 * 1024;
const RUN_TIMEOUT_MS = 240_000;

const worker = new GroupWorker(new URL("./soak.group.ts", import.meta.url));
afterAll(() => worker.stop());

test(`${OPS} mixed operations twice (seed ${SEED}): proxy tables back to baseline, wasm memory levels off`, async () => {
  // A short warm-up first: caches (type flags, proxy classes, imports) are not leaks.
  await worker.run("run", [SEED + 1, 2_000], RUN_TIMEOUT_MS);
  const base = await worker.run("baseline", [], RUN_TIMEOUT_MS);
  const first = await worker.run("run", [SEED, OPS], RUN_TIMEOUT_MS);
  const second = await worker.run("run", [SEED, OPS], RUN_TIMEOUT_MS);
  const mb = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;
  console.log(
    `soak: ${OPS} ops x2 in ${(first.ms / 1000).toFixed(1)} s + ${(second.ms / 1000).toFixed(1)} s; ` +
      `wasm memory ${mb(base.wasmBytes)} -> ${mb(first.wasmBytes)} -> ${mb(second.wasmBytes)}; ` +
      `stats ${JSON.stringify(base.stats)}; kinds ${Object.keys(first.counts).length}`,
  );
  expect(first.health, "the runtime after the first run").toBe("");
  expect(first.stats, "py.stats() after the first run and gc").toEqual(base.stats);
  expect(second.stats, "py.stats() after the second run and gc").toEqual(base.stats);
  expect(second.wasmBytes - first.wasmBytes, `wasm memory growth in the second run (${mb(first.wasmBytes)} -> ${mb(second.wasmBytes)})`).toBeLessThanOrEqual(MAX_GROWTH);
});
