// npm run bench -- [--samples N] [--cold-samples N] [--node-only | --browser-only | --workers-only] [--case <substring>]
// Runs the cases in Node (a child process, for --expose-gc and a clean heap), then in headless
// Chromium, then the worker cases beside coincident in Chromium ("Workers (Chromium)"); prints a
// table per section and writes everything to bench/results/<time>.json. An --X-only flag runs that
// section alone.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runBrowser } from "./browser.mjs";
import { errorText } from "./measure.mjs";
import { formatEnvironment, formatWorkers } from "./report.mjs";
import { runWorkers, wantsWorkers } from "./workers.mjs";

const { values: opts } = parseArgs({
  options: {
    samples: { type: "string", default: "11" },
    "cold-samples": { type: "string", default: "5" },
    "node-only": { type: "boolean", default: false },
    "browser-only": { type: "boolean", default: false },
    "workers-only": { type: "boolean", default: false },
    case: { type: "string" },
  },
});
const samples = Number(opts.samples);
const coldSamples = Number(opts["cold-samples"]);
const root = fileURLToPath(new URL("..", import.meta.url));
const only = ["node", "browser", "workers"].filter((section) => opts[`${section}-only`]);
if (only.length > 1) throw new Error(`choose one of ${only.map((s) => `--${s}-only`).join(", ")}`);
const wants = (section) => only.length === 0 || only[0] === section;

function runNodeChild() {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const out = join(dir, "node.json");
  const args = ["--expose-gc", join(root, "bench/node.mjs"), "--out", out, "--samples", `${samples}`, "--cold-samples", `${coldSamples}`];
  if (opts.case) args.push(`--case=${opts.case}`);
  return new Promise((resolve, reject) => {
    // The runtimes print to stdout; their lines go to our stderr beside the progress log.
    const child = spawn(process.execPath, args, { stdio: ["ignore", process.stderr, "inherit"] });
    child.on("exit", (code) => {
      try {
        if (code !== 0) throw new Error(`bench/node.mjs exited with ${code}`);
        resolve(JSON.parse(readFileSync(out, "utf8")));
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

function git(...args) {
  try {
    return execFileSync("git", args, { cwd: root }).toString().trim();
  } catch {
    return undefined;
  }
}

const results = {
  date: new Date().toISOString(),
  commit: git("rev-parse", "HEAD"),
  uncommittedChanges: Boolean(git("status", "--porcelain", "--", "rust", "js")),
  wasmBytes: statSync(join(root, "dist/wasm/core_bg.wasm")).size,
  cpus: cpus().length,
  samples,
  coldSamples,
  filter: opts.case ?? null,
};
if (wants("node")) results.node = await runNodeChild();
if (wants("browser")) {
  results.browser = await runBrowser({
    samples,
    coldSamples,
    filter: opts.case,
    log: (line) => process.stderr.write(`[chromium] ${line}\n`),
  });
}
// A failure here (no isolation, Chromium gone) is reported and fails the run, but does not lose
// the sections above. A peer that cannot run (ours before the worker mode is built) is not a
// failure: its cells say why.
if (wants("workers") && wantsWorkers(opts.case)) {
  try {
    results.workers = await runWorkers({
      samples,
      startupSamples: coldSamples,
      filter: opts.case,
      log: (line) => process.stderr.write(`[workers] ${line}\n`),
    });
  } catch (e) {
    results.workers = { error: errorText(e) };
    process.exitCode = 1;
  }
}

console.log(`\nours: dist/wasm/core_bg.wasm ${results.wasmBytes} bytes, commit ${results.commit?.slice(0, 10)}${results.uncommittedChanges ? " + uncommitted rust/ or js/ changes" : ""}`);
for (const env of [results.node, results.browser].filter(Boolean)) console.log(`\n${formatEnvironment(env)}`);
if (results.workers) console.log(`\n${formatWorkers(results.workers)}`);
const dir = join(root, "bench/results");
mkdirSync(dir, { recursive: true });
const file = join(dir, `${results.date.replace(/[:.]/g, "-")}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
console.log(`\nwritten: ${file}`);
