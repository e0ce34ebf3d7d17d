// Seeded fuzz of conversions both ways, in a worker thread behind a watchdog (runner.ts).
//
// FUZZ_VALUES (default 100000) values in all, spread over the paths below; FUZZ_BASE (default
// 500000000) is the first seed. A failure names its seed: rerun just those values with
// FUZZ_SEED=<seed>[,<seed>...] (every path then runs exactly those seeds), e.g.
//   FUZZ_SEED=500001234 npx vitest run --project reliability test/reliability/fuzz.test.ts
import { afterAll, describe, expect, test } from "vitest";
import { GroupWorker } from "./runner.js";

const env = process.env;
const TOTAL = Number(env.FUZZ_VALUES ?? 100_000);
const BASE = Number(env.FUZZ_BASE ?? 500_000_000);
const CHUNK = 2_500;
/** A chunk of CHUNK values may take this long (the dev build is the slow case) before the watchdog fires. */
const CHUNK_TIMEOUT_MS = 120_000;

/** Each path's share of TOTAL, and the offset of its seeds (so paths see different values). */
const PATHS = [
  { task: "pyToJs", share: 0.2, what: "Python values through PyProxy.toJs() and py.toPy()" },
  { task: "inPython", share: 0.1, what: "Python values through to_js(v).to_py() inside Python" },
  { task: "jsToPy", share: 0.35, what: "JS values through py.toPy() and PyProxy.toJs()" },
  { task: "implicitJs", share: 0.15, what: "JS values as arguments and results of a Python function, and via globals.set/get" },
  { task: "implicitPy", share: 0.1, what: "Python values as arguments and results of a JS function" },
  { task: "returned", share: 0.1, what: "Python results in JS passed back as arguments" },
];

function seedsOf(index: number, count: number): number[] {
  if (env.FUZZ_SEED) return env.FUZZ_SEED.split(",").map((s) => Number(s.trim()));
  const start = BASE + index * 10_000_000;
  return Array.from({ length: count }, (_, i) => start + i);
}

const worker = new GroupWorker(new URL("./fuzz.group.ts", import.meta.url));
afterAll(() => worker.stop());

describe("conversion fuzz", () => {
  PATHS.forEach(({ task, share, what }, index) => {
    const seeds = seedsOf(index, Math.round(TOTAL * share));
    test(`${seeds.length} ${what}`, async () => {
      const fails: string[] = [];
      for (let i = 0; i < seeds.length && fails.length < 20; i += CHUNK) {
        const chunk = seeds.slice(i, i + CHUNK);
        try {
          const r = await worker.run<{ fails: string[] }>(task, [chunk], CHUNK_TIMEOUT_MS);
          fails.push(...r.fails);
        } catch (e: any) {
          // a trap, a hang or a crash: the chunk's seeds are where to look
          fails.push(`seeds ${chunk[0]}..${chunk[chunk.length - 1]}: ${e?.message ?? e}`);
          worker.stop();
        }
      }
      expect(fails, `${task}: failing seeds (rerun with FUZZ_SEED=<seed>):\n${fails.join("\n")}`).toEqual([]);
    });
  });
});
