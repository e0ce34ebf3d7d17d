// The packed tarball, installed into an empty folder, works from a Node ESM script and from a
// page built by Vite and opened in Chromium.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { chromium, type Page } from "playwright";

const root = resolve(import.meta.dirname, "../..");
let app: string;

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), "pkg-ffi-pack-"));
  execFileSync("npm", ["pack", "--pack-destination", packDir], { cwd: root, stdio: "pipe" });
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz"))!);
  app = mkdtempSync(join(tmpdir(), "pkg-ffi-app-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: app, stdio: "pipe" });
});

test("the tarball holds exactly the package's files", () => {
  const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, stdio: "pipe" }).toString());
  // wasm-bindgen names the snippets folder after a hash of the crate.
  const files = pack.files.map((f: { path: string }) => f.path.replace(/snippets\/pkg-ffi-core-[0-9a-f]+\//, "snippets/pkg-ffi-core-*/"));
  const modules = readdirSync(join(root, "js"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.startsWith("wasm"))
    .map((f) => f.split("\\").join("/").slice(0, -3));
  const stubs = readdirSync(join(root, "python-stubs"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".pyi") || f.endsWith("py.typed"))
    .map((f) => `python-stubs/${f.split("\\").join("/")}`);
  expect(files.sort()).toEqual([
    "LICENSE",
    "README.md",
    "THIRD_PARTY_NOTICES.md",
    "package.json",
    ...modules.map((m) => `dist/${m}.js`),
    "dist/wasm/core.js",
    "dist/wasm/core_bg.wasm",
    "dist/wasm/helpers.js",
    "dist/wasm/snippets/pkg-ffi-core-*/src/host/helpers.js",
    "dist/wasm/stdlib.bin",
    ...modules.map((m) => `types/${m}.d.ts`),
    "types/wasm/core.d.ts",
    "types/wasm/helpers.d.ts",
    "types/wasm/options.d.ts",
    ...stubs,
  ].sort());
  expect(stubs.length).toBeGreaterThan(0);
});

test("the installed package has its license, notices and metadata", () => {
  const dir = join(app, "node_modules/@pkg/ffi");
  expect(readFileSync(join(dir, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the @pkg\/ffi authors\n/);
  const notices = readFileSync(join(dir, "THIRD_PARTY_NOTICES.md"), "utf8");
  expect(notices).toContain("PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2");
  expect(notices).toMatch(/\| rustpython-vm \| 0\.6\.0 \| MIT \|/);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  expect(meta.repository.url).toBe("git+https://github.com/pkg-ffi/ffi.git");
  expect(meta.homepage).toMatch(/^https:\/\/github\.com\/pkg-ffi\/ffi/);
  expect(meta.bugs.url).toBe("https://github.com/pkg-ffi/ffi/issues");
  expect(meta.keywords).toContain("python");
});

test("the asset subpaths resolve from an installed consumer", () => {
  writeFileSync(
    join(app, "assets.mjs"),
    'import { statSync } from "node:fs";\nimport { fileURLToPath } from "node:url";\n' +
      'for (const name of ["@pkg/ffi/wasm/core_bg.wasm", "@pkg/ffi/wasm/stdlib.bin"]) {\n' +
      '  const url = import.meta.resolve(name);\n  console.log(url.split("/node_modules/")[1], statSync(fileURLToPath(url)).size);\n}\n',
  );
  const lines = execFileSync("node", ["assets.mjs"], { cwd: app }).toString().trim().split("\n");
  expect(lines.map((l) => l.split(" ")[0])).toEqual(["@pkg/ffi/dist/wasm/core_bg.wasm", "@pkg/ffi/dist/wasm/stdlib.bin"]);
  expect(lines.map((l) => Number(l.split(" ")[1]))).toEqual([
    statSync(join(root, "dist/wasm/core_bg.wasm")).size,
    statSync(join(root, "dist/wasm/stdlib.bin")).size,
  ]);
});

test("the README's Node quick start runs as written", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const quickStart = readme.slice(readme.indexOf("## Quick start"));
  const code = /```js\n([\s\S]*?)```/.exec(quickStart)?.[1];
  expect(code).toContain('import { loadPython } from "@pkg/ffi";');
  // Each line with a `// value` comment is checked against that value.
  const checked = code!.replace(/^(.*?);\s*\/\/ (.+)$/gm, (_, expr, want) => `console.log(JSON.stringify(${expr}) === ${JSON.stringify(want.trim())} ? "ok" : "bad: " + ${JSON.stringify(expr)});`);
  writeFileSync(join(app, "quickstart.mjs"), checked);
  const lines = execFileSync("node", ["quickstart.mjs"], { cwd: app }).toString().trim().split("\n");
  expect(lines).toEqual(["ok", "ok", "ok", "ok"]);
});

test("a Node ESM script imports the installed package", () => {
  writeFileSync(
    join(app, "main.mjs"),
    'import { loadPython } from "@pkg/ffi";\nconst py = await loadPython();\nconsole.log(py.runPython("1 + 1"));\n',
  );
  expect(execFileSync("node", ["main.mjs"], { cwd: app }).toString().trim()).toBe("2");
});

// consumer.ts holds `@ts-expect-error` lines too: tsc fails if any of them compiles.
test.each([
  ["with the DOM lib", "tsconfig.json"],
  ["with lib es2022 alone (no DOM, no @types/node)", "tsconfig.es2022.json"],
])("the published types check a strict TypeScript consumer %s", (_, config) => {
  for (const f of ["consumer.ts", config]) {
    writeFileSync(join(app, f), readFileSync(join(import.meta.dirname, "consumer", f)));
  }
  try {
    execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(app, config)], { cwd: app, stdio: "pipe" });
  } catch (e: any) {
    throw new Error(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
});

test("the package entry exports the public API only", async () => {
  writeFileSync(join(app, "names.mjs"), 'import * as m from "@pkg/ffi";\nconsole.log(JSON.stringify(Object.keys(m).sort()));\n');
  const names = JSON.parse(execFileSync("node", ["names.mjs"], { cwd: app }).toString());
  const ffiClasses = [
    "PyAsyncGenerator", "PyAsyncIterable", "PyAsyncIterator", "PyAwaitable", "PyBuffer", "PyBufferView", "PyCallable",
    "PyDict", "PyGenerator", "PyIterable", "PyIterator", "PyMutableSequence", "PyProxy", "PyProxyWithGet",
    "PyProxyWithHas", "PyProxyWithLength", "PyProxyWithSet", "PySequence", "PythonError",
  ];
  const workers = ["PyWorker", "PythonWorker", "loadPythonWorker"];
  expect(names).toEqual(["FSError", "PythonRuntime", "ffi", "loadPython", ...workers, ...ffiClasses].sort());
});

const MIME: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

/** Serves `dir` on 127.0.0.1 (a folder's "/" is its index.html) and runs `check` on `path` in Chromium. */
async function inChromium(dir: string, path: string, check: (page: Page) => Promise<void>): Promise<void> {
  const server = createServer(async (req, res) => {
    try {
      const file = join(dir, decodeURIComponent(new URL(req.url!, "http://x").pathname).replace(/\/$/, "/index.html"));
      const body = await readFile(file);
      res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}${path}`);
    await check(page);
  } finally {
    await browser.close();
    server.close();
  }
}

test("a page built by Vite runs Python in Chromium", async () => {
  writeFileSync(join(app, "index.html"), '<!doctype html><script type="module" src="./page.js"></script>');
  writeFileSync(
    join(app, "page.js"),
    'import { loadPython } from "@pkg/ffi";\n' +
      // The exported asset subpaths work with Vite's `?url` (what a page placing the files itself uses).
      'import wasmUrl from "@pkg/ffi/wasm/core_bg.wasm?url";\nimport stdlibUrl from "@pkg/ffi/wasm/stdlib.bin?url";\n' +
      'window.assets = [wasmUrl, stdlibUrl];\n' +
      'const py = await loadPython();\n' +
      'window.result = py.runPython("import js; js.Math.max(3, 9) + 1");\n',
  );
  execFileSync(join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: app, stdio: "pipe" });
  await inChromium(join(app, "dist"), "/", async (page) => {
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as any).result)).toBe(10);
    const assets = await page.evaluate(() =>
      Promise.all((window as any).assets.map(async (u: string) => [u.replace(/-[\w-]+\./, "."), (await fetch(u)).status])),
    );
    expect(assets).toEqual([["/assets/core_bg.wasm", 200], ["/assets/stdlib.bin", 200]]);
  });
});

test("a page without a bundler (the README's import map) runs Python in Chromium", async () => {
  // The README's example, as written, served from the app folder where the package is installed.
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const html = /```html\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(html).toContain('"@pkg/ffi": "/node_modules/@pkg/ffi/dist/index.js"');
  writeFileSync(join(app, "nobundle.html"), `<!doctype html><title>No bundler</title>\n${html}`);
  await inChromium(app, "/nobundle.html", async (page) => {
    await page.waitForFunction(() => document.getElementById("output")?.textContent !== "", null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.getElementById("output")!.textContent)).toBe(
      "Hello from Python, on a page titled 'No bundler'",
    );
  });
});
