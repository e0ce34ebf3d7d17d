// One cold start in a fresh Node process: node bench/cold-node.mjs <runtime> [--measure]
// Prints "BENCH_RESULT <json>": { ms } or, with --measure, also the bytes read at start and after
// the imports, and the wasm memory. Measuring hooks every module load, so its time is not a sample.
import fs from "node:fs";
import { register, syncBuiltinESMExports } from "node:module";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { refuseNetwork } from "./offline-node.mjs";
import { IMPORTS, coldStart } from "./runtimes.mjs";
import { installMemoryProbe, wasmMemoryBytes } from "./wasm-memory.mjs";

const [name, flag] = process.argv.slice(2);
const measure = flag === "--measure";
const benchDir = fileURLToPath(new URL(".", import.meta.url));
const refused = refuseNetwork();

// Data files (wasm, Pyodide's stdlib zip and lock file) are read through fs.
const reads = [];
function countReads() {
  const record = (path, data) => {
    if (typeof path === "number") return data;
    const file = path instanceof URL ? fileURLToPath(path) : String(path);
    if (!file.startsWith(benchDir)) reads.push({ file, bytes: data.length ?? Buffer.byteLength(data) });
    return data;
  };
  const { readFileSync, readFile } = fs;
  const readFileAsync = fs.promises.readFile;
  fs.readFileSync = (path, ...rest) => record(path, readFileSync(path, ...rest));
  fs.promises.readFile = async (path, ...rest) => record(path, await readFileAsync(path, ...rest));
  fs.readFile = (path, ...rest) => {
    const callback = rest.pop();
    readFile(path, ...rest, (err, data) => callback(err, err ? data : record(path, data)));
  };
  syncBuiltinESMExports();
}

function countModules() {
  const { port1, port2 } = new MessageChannel();
  register("./node-hooks.mjs", import.meta.url, { data: { port: port2 }, transferList: [port2] });
  return () =>
    new Promise((resolve) => {
      port1.once("message", (loaded) => resolve(loaded.filter((m) => !fileURLToPath(m.url).startsWith(benchDir))));
      port1.postMessage("report");
    });
}

async function bytesSoFar(modules) {
  const loaded = await modules();
  return {
    total: [...loaded, ...reads].reduce((sum, f) => sum + f.bytes, 0),
    files: loaded.length + reads.length,
  };
}

let result;
if (measure) {
  countReads();
  const modules = countModules();
  installMemoryProbe();
  const { ms, rt } = await coldStart(name);
  const memory = wasmMemoryBytes();
  const atStart = await bytesSoFar(modules);
  let afterImports;
  try {
    rt.exec(IMPORTS);
    afterImports = await bytesSoFar(modules);
  } catch (e) {
    afterImports = { error: String(e.message).trim().split("\n").at(-1) };
  }
  result = { ms, memory, atStart, afterImports, refused };
} else {
  result = { ms: (await coldStart(name)).ms, refused };
}
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
process.exit(0);
