// Writes THIRD_PARTY_NOTICES.md: what the package contains besides its own code, and under which
// licenses. The crate list is what `cargo metadata` resolves for wasm32-unknown-unknown from
// pkg-ffi-core through normal dependencies (proc-macro crates run at build time and are not
// linked in, so they and their dependencies are left out); each crate's license is its
// Cargo.toml `license`, and the license files it ships are quoted (identical texts once).
//   node scripts/third-party-notices.mjs           writes the file
//   node scripts/third-party-notices.mjs --check   exits 1 if the file is not current
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const OUT = join(root, "THIRD_PARTY_NOTICES.md");
const LICENSE_FILE = /^(LICEN[CS]E|COPYING|NOTICE|UNLICENSE)/i;

function metadata() {
  const json = execFileSync("cargo", ["metadata", "--format-version", "1", "--filter-platform", "wasm32-unknown-unknown"], {
    cwd: root, maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(json.toString());
}

/** The registry crates linked into the core, sorted by name and version. */
function linkedCrates(meta) {
  const byId = new Map(meta.packages.map((p) => [p.id, p]));
  const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
  const core = meta.packages.find((p) => p.name === "pkg-ffi-core");
  const seen = new Set();
  const stack = [core.id];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of nodes.get(id).deps) {
      const normal = dep.dep_kinds.some((k) => k.kind === null);
      const procMacro = byId.get(dep.pkg).targets.some((t) => t.kind.includes("proc-macro"));
      if (normal && !procMacro) stack.push(dep.pkg);
    }
  }
  return [...seen]
    .map((id) => byId.get(id))
    .filter((p) => p.source !== null) // the workspace's own crates are this package's code
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }));
}

function licenseFiles(pkg) {
  const dir = dirname(pkg.manifest_path);
  const names = readdirSync(dir).filter((f) => LICENSE_FILE.test(f)).sort();
  if (pkg.license_file && !names.includes(pkg.license_file)) names.push(pkg.license_file);
  return names.filter((f) => existsSync(join(dir, f))).map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8").trim() }));
}

function fenced(text) {
  return "````text\n" + text.replace(/\r\n/g, "\n") + "\n````";
}

// The LGPL's texts, for the crates under it that ship none (kept in licenses/ from Debian's
// common-licenses, so that generating this file needs nothing from the machine).
const LICENSES_DIR = join(root, "licenses");

/** The LGPL-3.0 crates: how the LGPL's conditions are met, and its text (with the GPL's, which it builds on). */
function lgplSection(crates) {
  const lgpl = crates.filter((p) => /LGPL-3\.0/.test(p.license ?? ""));
  if (lgpl.length === 0) return [];
  return [
    "## The LGPL-3.0 crates",
    "",
    `${lgpl.map((p) => `${p.name} ${p.version}`).join(", ")} (RustPython's arbitrary-precision integers)`,
    "are under the GNU Lesser General Public License version 3, and are linked statically into",
    "`dist/wasm/core_bg.wasm`. Their source is at the addresses in the table above, unmodified. This",
    "package's complete source and build scripts are public (see `repository` in package.json): to",
    "use a modified version of these libraries, point Cargo at it (a `[patch.crates-io]` entry in",
    "`Cargo.toml`) and run `npm run build`, which links a new `core_bg.wasm`. The texts of the LGPL",
    "version 3 and of the GPL version 3 it supplements follow.",
    "",
    "### GNU Lesser General Public License version 3",
    "",
    fenced(readFileSync(join(LICENSES_DIR, "LGPL-3.0.txt"), "utf8").trim()),
    "",
    "### GNU General Public License version 3",
    "",
    fenced(readFileSync(join(LICENSES_DIR, "GPL-3.0.txt"), "utf8").trim()),
    "",
  ];
}

export function render(meta) {
  const crates = linkedCrates(meta);
  const pylib = meta.packages.find((p) => p.name === "rustpython-pylib");
  const psf = readFileSync(join(dirname(pylib.manifest_path), pylib.license_file), "utf8").trim();
  const rustpython = crates.filter((p) => p.name.startsWith("rustpython-"));
  const sre = rustpython.find((p) => p.name === "rustpython-sre_engine");
  const rustpythonText = licenseFiles(sre).find((f) => f.name === "LICENSE").text;

  const texts = new Map(); // text -> crate names that ship it
  const withoutFiles = [];
  const rows = crates.map((p) => {
    const files = licenseFiles(p);
    if (files.length === 0 && !p.name.startsWith("rustpython-")) withoutFiles.push(p);
    for (const f of files) {
      if (f.text === rustpythonText) continue; // quoted in the RustPython section
      const list = texts.get(f.text) ?? [];
      list.push(`${p.name} ${p.version} (${f.name})`);
      texts.set(f.text, list);
    }
    const source = p.repository ?? `https://crates.io/crates/${p.name}`;
    return `| ${p.name} | ${p.version} | ${p.license ?? `see ${p.license_file}`} | ${source} |`;
  });

  return [
    "# Third-party notices",
    "",
    "The code of @pkg/ffi itself is under the MIT License (see `LICENSE`). The package also contains",
    "the works below, each under its own license. This file is generated by",
    "`scripts/third-party-notices.mjs` from `cargo metadata` and the license files the crates ship;",
    "the test suite checks that it is current.",
    "",
    "## The Python standard library (`dist/wasm/stdlib.bin`)",
    "",
    `\`stdlib.bin\` packs the \`Lib/\` directory of the rustpython-pylib ${pylib.version} crate: the Python`,
    "standard library of CPython (with RustPython's changes to some modules), under the Python",
    "Software Foundation License Version 2. Its text, as the crate ships it (`Lib/PSF-LICENSE`):",
    "",
    fenced(psf),
    "",
    "## RustPython (`dist/wasm/core_bg.wasm`)",
    "",
    `The Python interpreter is RustPython (${rustpython.map((p) => `${p.name} ${p.version}`).join(", ")}),`,
    "under the MIT License:",
    "",
    fenced(rustpythonText),
    "",
    "## Rust crates compiled into `dist/wasm/core_bg.wasm`",
    "",
    "Every crate linked into the WebAssembly core, with the license its `Cargo.toml` declares (for a",
    "choice such as `MIT OR Apache-2.0`, this package uses the crate under any one of them).",
    "",
    "| Crate | Version | License | Source |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    ...(withoutFiles.length
      ? [
          "These crates ship no license file; their license is the one in the table (texts at",
          "https://spdx.org/licenses/): " + withoutFiles.map((p) => `${p.name} ${p.version}`).join(", ") + ".",
          "",
        ]
      : []),
    ...lgplSection(crates),
    "## License texts shipped by the crates",
    "",
    ...[...texts].flatMap(([text, owners]) => [`### ${owners.join(", ")}`, "", fenced(text), ""]),
  ].join("\n");
}

const text = render(metadata());
if (process.argv.includes("--check")) {
  const current = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (current !== text) {
    console.error("THIRD_PARTY_NOTICES.md is not current: run node scripts/third-party-notices.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
}
