// THIRD_PARTY_NOTICES.md (shipped in the tarball) must list what the wasm is built from now:
// the script regenerates it from `cargo metadata` and compares.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");

test("THIRD_PARTY_NOTICES.md matches the crates cargo resolves for the wasm", () => {
  let failure = "";
  try {
    execFileSync("node", ["scripts/third-party-notices.mjs", "--check"], { cwd: root, stdio: "pipe" });
  } catch (e: any) {
    failure = `${e.stderr}`;
  }
  expect(failure).toBe("");
});
