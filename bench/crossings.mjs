// JS -> Python crossings in Node: 100k attribute reads and 100k calls of a Python function,
// the two issue-3 figures (the full harness beside Pyodide is bench/'s later work).
// Usage: node bench/crossings.mjs [rounds=5]
import { loadPython } from "../dist/index.js";

const rounds = Number(process.argv[2] ?? 5);
const N = 100_000;
const py = await loadPython();
const obj = py.runPython("class O:\n  x = 1\nO()");
const f = py.runPython("def f(): return None\nf");

function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
const cases = {
  "100k JS reads of a Python attribute": () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += obj.x;
    if (s !== N) throw new Error("wrong sum");
  },
  "100k JS calls of a Python function": () => {
    for (let i = 0; i < N; i++) f();
  },
};
for (const fn of Object.values(cases)) fn(); // warm-up
const out = {};
for (const [name, fn] of Object.entries(cases)) {
  const samples = [];
  for (let r = 0; r < rounds; r++) samples.push(time(fn));
  samples.sort((a, b) => a - b);
  out[name] = { median_ms: Math.round(samples[Math.floor(rounds / 2)] * 10) / 10, samples: samples.map((t) => Math.round(t)) };
}
console.log(JSON.stringify(out, null, 1));
