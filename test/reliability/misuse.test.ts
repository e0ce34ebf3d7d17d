// The misuse table (misuse.rows.ts): one test per row, run one at a time in a worker thread
// behind a watchdog (runner.ts). A row that traps, hangs or leaves the runtime broken fails with
// that said, and the rows after it get a fresh thread. Rows marked `fails` run as test.fails:
// they document a guarantee the package does not keep yet.
import { afterAll, describe, expect, test } from "vitest";
import { GroupWorker } from "./runner.js";
import { rows } from "./misuse.rows.js";

const ROW_TIMEOUT_MS = 30_000;
const worker = new GroupWorker(new URL("./misuse.group.ts", import.meta.url));
afterAll(() => worker.stop());

describe("misuse table", () => {
  rows.forEach((row, index) => {
    const timeout = row.timeoutMs ?? ROW_TIMEOUT_MS;
    (row.fails ? test.fails : test)(row.name, async () => {
      let result: { problem: string; health: string };
      try {
        result = await worker.run("row", [index], timeout);
      } catch (e: any) {
        worker.stop();
        throw new Error(`${row.name}: ${e?.message ?? e}`);
      }
      // a runtime left broken poisons the realm: the next row starts a fresh thread
      if (result.health) worker.stop();
      expect(result.problem, "the outcome").toBe("");
      expect(result.health, "the runtime afterwards").toBe("");
    }, timeout + 60_000);
  });
});
