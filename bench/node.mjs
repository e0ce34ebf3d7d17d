// The Node environment: the cases on all three runtimes in this process, then cold starts in a
// fresh process each. run.mjs starts this file with --expose-gc and reads the JSON it writes:
//   node --expose-gc bench/node.mjs --out <file> [--samples N] [--cold-samples N] [--case S]
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runCases } from "./measure.mjs";
import { refuseNetwork } from "./offline-node.mjs";
import { coldRuns, startupRows, wantsStartup } from "./startup.mjs";

const coldScript = fileURLToPath(new URL("./cold-node.mjs", import.meta.url));

function coldChild(name, measure) {
  return new Promise((resolve, reject) => {
    const args = [coldScript, name, ...(measure ? ["--measure"] : [])];
    execFile(process.execPath, args, { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)));
      else reject(new Error(stderr.trim().split("\n").at(-1)?.slice(0, 160) || String(err)));
    });
  });
}

export async function runNode({ samples, coldSamples, filter, log }) {
  const refused = refuseNetwork();
  const result = await runCases({ samples, filter, log });
  const { rows, refused: refusedCold } = wantsStartup(filter)
    ? startupRows(await coldRuns(coldChild, coldSamples, log), filter)
    : { rows: [], refused: [] };
  return { environment: `Node ${process.version}`, ...result, startup: rows, refused: [...refused, ...refusedCold] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { out: { type: "string" }, samples: { type: "string" }, "cold-samples": { type: "string" }, case: { type: "string" } },
  });
  const result = await runNode({
    samples: Number(values.samples ?? 11),
    coldSamples: Number(values["cold-samples"] ?? 5),
    filter: values.case,
    log: (line) => process.stderr.write(`[node] ${line}\n`),
  });
  writeFileSync(values.out, JSON.stringify(result));
  process.exit(0);
}
