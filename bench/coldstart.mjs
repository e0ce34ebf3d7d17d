// Cold start in Node: a fresh process per sample, import -> first runPython("1 + 1").
// Usage: node bench/coldstart.mjs [samples=5]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const samples = Number(process.argv[2] ?? 5);
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const child = `const t0 = performance.now(); const { loadPython } = await import(${JSON.stringify(entry)});
const py = await loadPython(); if (py.runPython("1 + 1") !== 2) throw new Error("wrong result");
console.log(performance.now() - t0);`;
const times = [];
for (let i = 0; i < samples; i++) {
  times.push(Number(execFileSync("node", ["--input-type=module", "-e", child]).toString().trim()));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ samples: times.map((t) => Math.round(t)), median: Math.round(times[Math.floor(times.length / 2)]) }));
