// The packed tarball, installed into an empty folder, works from a Node ESM script and from a
// page built by Vite and opened in Chromium.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { chromium } from "playwright";

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
  expect(names).toEqual(["FSError", "PythonRuntime", "ffi", "loadPython", ...ffiClasses].sort());
});

const MIME: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

test("a page built by Vite runs Python in Chromium", async () => {
  writeFileSync(join(app, "index.html"), '<!doctype html><script type="module" src="./page.js"></script>');
  writeFileSync(
    join(app, "page.js"),
    'import { loadPython } from "@pkg/ffi";\nconst py = await loadPython();\n' +
      'window.result = py.runPython("import js; js.Math.max(3, 9) + 1");\n',
  );
  execFileSync(join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: app, stdio: "pipe" });
  const dist = join(app, "dist");
  const server = createServer(async (req, res) => {
    try {
      const path = join(dist, new URL(req.url!, "http://x").pathname.replace(/\/$/, "/index.html"));
      const body = await readFile(path);
      res.writeHead(200, { "content-type": MIME[extname(path)] ?? "application/octet-stream" });
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
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (window as any).result !== undefined, null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as any).result)).toBe(10);
  } finally {
    await browser.close();
    server.close();
  }
});
