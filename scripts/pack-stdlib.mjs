// Packs RustPython's Python standard library (the rustpython-pylib crate's Lib/ directory) into
// stdlib.bin: each file deflated on its own, so the runtime inflates and compiles only what a
// program imports. Usage: node scripts/pack-stdlib.mjs <Lib dir> <out file> [<compiled dir>]
//
// Format (little-endian): "PYLB", u32 version (1), u32 entry count, u32 mtime (seconds, the same
// for every file so compiled-code caches stay valid), then per entry u16 path length, the UTF-8
// path relative to Lib/, u32 offset into the data, u32 packed length, u32 unpacked length; then
// the data (zlib streams).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { deflateSync } from "node:zlib";

// Left out: what cannot work in WebAssembly (processes, threads, native GUI and terminal
// libraries, C extensions RustPython lacks), pip's bundled wheels, the IDE and the REPL, and
// non-source files. Everything else is importable.
const EXCLUDED = new RegExp(
  "^(ensurepip|idlelib|tkinter|turtledemo|_pyrepl|venv|multiprocessing|ctypes|sqlite3|curses|dbm|" +
    "__phello__|site-packages|test|tests)(/|$)|^turtle\\.py$|/(test|tests)(/|$)",
);
const isSource = (rel) => rel.endsWith(".py");
const MTIME = 1_700_000_000;

const [libDir, outFile, compiledDir] = process.argv.slice(2);
if (!libDir || !outFile) {
  console.error("usage: node scripts/pack-stdlib.mjs <Lib dir> <out file> [<dir of __pycache__ files to add>]");
  process.exit(2);
}

// [path in the archive, file on disk]
const files = [];
function walk(root, dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join("/");
    if (entry.isDirectory()) {
      if (!EXCLUDED.test(rel)) walk(root, full, keep);
    } else if (keep(rel) && !EXCLUDED.test(rel)) {
      files.push([rel, full]);
    }
  }
}
walk(libDir, libDir, isSource);
// Compiled code of the modules most programs import (scripts/precompile-stdlib.mjs): valid for
// the packed sources because they all carry MTIME.
if (compiledDir) walk(compiledDir, compiledDir, (rel) => rel.endsWith(".pyc"));
files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const encoder = new TextEncoder();
const chunks = [];
const index = [];
let offset = 0;
let unpackedTotal = 0;
for (const [rel, full] of files) {
  const raw = readFileSync(full);
  const packed = deflateSync(raw, { level: 9 });
  const path = encoder.encode(rel);
  const head = Buffer.alloc(2 + path.length + 12);
  head.writeUInt16LE(path.length, 0);
  head.set(path, 2);
  head.writeUInt32LE(offset, 2 + path.length);
  head.writeUInt32LE(packed.length, 6 + path.length);
  head.writeUInt32LE(raw.length, 10 + path.length);
  index.push(head);
  chunks.push(packed);
  offset += packed.length;
  unpackedTotal += raw.length;
}
const header = Buffer.alloc(16);
header.write("PYLB", 0, "latin1");
header.writeUInt32LE(1, 4);
header.writeUInt32LE(files.length, 8);
header.writeUInt32LE(MTIME, 12);
const out = Buffer.concat([header, ...index, ...chunks]);
writeFileSync(outFile, out);
console.log(`[pack-stdlib] ${files.length} files, ${(unpackedTotal / 1e6).toFixed(2)} MB -> ${(out.length / 1e6).toFixed(2)} MB`);
