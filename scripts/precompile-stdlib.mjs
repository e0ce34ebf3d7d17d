// Compiles the standard-library modules most programs import, with the freshly built runtime
// itself (the bytecode is RustPython's own), and writes their __pycache__ files under <out dir>
// for pack-stdlib.mjs to add to the archive. The long tail stays source only: it is compiled on
// first import (and shared by later runtimes of the same process or page).
// Usage: node scripts/precompile-stdlib.mjs <out dir>
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadPython } from "../dist/index.js";

// abc and _collections_abc (the first `import js` and most of the library need them), asyncio
// (the FFI's awaits need it; it alone brings ~80 modules) and the small utility modules nearly
// every program imports. Each compiled module costs archive
// bytes, so the long tail stays source and is compiled on first import.
const WARM = [
  "abc", "_collections_abc", "encodings", "asyncio", "json", "re", "dataclasses", "typing", "collections",
  "functools", "itertools", "enum", "datetime", "random", "string", "traceback", "copy", "contextlib",
  "operator", "math", "base64", "struct", "io", "os", "weakref", "heapq", "bisect", "warnings",
];

const [outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node scripts/precompile-stdlib.mjs <out dir>");
  process.exit(2);
}
const py = await loadPython({ stdout: () => {}, stderr: () => {} });
const stdlib = py.runPython("import _vfs; _vfs.stdlib_dir()");
const missing = py.runPython(`
import importlib
missing = []
for name in ${JSON.stringify(WARM)}:
    try:
        importlib.import_module(name)
    except ImportError as e:
        missing.append(f"{name}: {e}")
missing`).toJs();
if (missing.length) console.warn(`[precompile-stdlib] not importable: ${missing.join("; ")}`);
const compiled = py.runPython(`
import os
found = []
for d, _, names in os.walk(${JSON.stringify(stdlib)}):
    found += [os.path.join(d, n) for n in names if n.endswith(".pyc")]
found`).toJs();
rmSync(outDir, { recursive: true, force: true });
let bytes = 0;
for (const path of compiled) {
  const data = py.FS.readFile(path);
  const target = join(outDir, path.slice(stdlib.length + 1));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, data);
  bytes += data.length;
}
console.log(`[precompile-stdlib] ${compiled.length} modules compiled, ${(bytes / 1e6).toFixed(2)} MB of bytecode`);
