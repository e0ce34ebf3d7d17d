// The packed package in fresh apps built by the bundlers people use, each page loaded in
// headless Chromium and checked that Python ran. The bundlers (pinned in fixture/package-lock.json)
// are installed once per machine by scripts/setup-bundlers.sh. What each needs is documented in
// docs/bundlers.md; this test is the proof, so keep the two in step.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
let tools: string;
let apps: string;
let template: string;
let browser: Browser;
const cleanups: Array<() => void> = [];

// One page for every app: Python runs, and a failure shows its message instead of a timeout.
const MAIN = `import { loadPython } from "@pkg/ffi";
loadPython({ stdout: () => {} }).then(
  (py) => { window.result = py.runPython("import json, sys; json.dumps([sys.version_info[0], 6 * 7])"); },
  (e) => { window.failure = String((e && e.message) || e); },
);
`;
const EXPECTED = "[3, 42]";

// A page that runs Python in a worker, which calls a main-thread function synchronously.
const WORKER_MAIN = `import { loadPythonWorker } from "@pkg/ffi";
loadPythonWorker({ code: "from pyscript import sync\\nsync.answer = lambda: str(sync.base() * 7)", sync: { base: () => 6 }, stdout: () => {} })
  .then((w) => w.sync.answer())
  .then((r) => { window.result = r; }, (e) => { window.failure = String((e && e.message) || e); });
`;

beforeAll(async () => {
  tools = execFileSync("bash", [join(root, "scripts/setup-bundlers.sh")], { encoding: "utf8" }).trim();
  const packDir = mkdtempSync(join(tmpdir(), "pkg-ffi-pack-"));
  execFileSync("npm", ["pack", "--pack-destination", packDir], { cwd: root, stdio: "pipe" });
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz"))!);
  apps = mkdtempSync(join(tmpdir(), "pkg-ffi-bundlers-"));
  template = newApp("template");
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: template, stdio: "pipe" });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) cleanup();
  await browser?.close();
});

/** A fresh app folder (its own package.json; the package installed from the template's copy). */
function newApp(name: string): string {
  const dir = join(apps, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `app-${name}`, private: true, type: "module" }));
  if (template !== undefined) cpSync(join(template, "node_modules"), join(dir, "node_modules"), { recursive: true });
  writeFileSync(join(dir, "main.js"), MAIN);
  return dir;
}

function tool(path: string): Promise<any> {
  return import(pathToFileURL(join(tools, "node_modules", path)).href);
}

/** Copies the package's two files where the bundle's `new URL("./wasm/…", import.meta.url)` points. */
function copyWasmBeside(app: string, outDir: string): void {
  cpSync(join(app, "node_modules/@pkg/ffi/dist/wasm/core_bg.wasm"), join(outDir, "wasm/core_bg.wasm"));
  cpSync(join(app, "node_modules/@pkg/ffi/dist/wasm/stdlib.bin"), join(outDir, "wasm/stdlib.bin"));
}

const MIME: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
};

/** The headers that make a page cross-origin isolated (SharedArrayBuffer, for workers). */
const ISOLATED = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };

/** A static file server for `dir` (unknown paths: 404), sending `headers` too; returns its URL. */
async function serve(dir: string, headers: Record<string, string> = {}): Promise<string> {
  const server: Server = createServer(async (req, res) => {
    try {
      const path = join(dir, decodeURIComponent(new URL(req.url!, "http://x").pathname).replace(/\/$/, "/index.html"));
      const body = await readFile(path);
      res.writeHead(200, { ...headers, "content-type": MIME[extname(path)] ?? "application/octet-stream", "content-length": body.length });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

/** Opens `url` in Chromium and returns what the page's Python computed (or throws its failure). */
async function pythonResult(url: string): Promise<unknown> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as any).result !== undefined || (window as any).failure !== undefined, null, { timeout: 90_000 });
    const failure = await page.evaluate(() => (window as any).failure);
    if (failure !== undefined) throw new Error(`the page failed: ${failure}`);
    expect(errors).toEqual([]);
    return await page.evaluate(() => (window as any).result);
  } finally {
    await page.close();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts a Vite dev server (`vite` is "vite6", "vite7" or "vite8") in `app`; returns its URL. */
async function viteDev(vite: string, app: string): Promise<string> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(tools, "node_modules", vite, "bin/vite.js"), "--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
    cwd: app,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  cleanups.push(() => child.kill());
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${vite} exited: ${output}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${vite} did not start: ${output}`);
}

/** Builds `app`'s main.js with webpack 5 (production) into dist/, expecting no error or warning. */
async function webpackBuild(app: string): Promise<string> {
  const { default: webpack } = await tool("webpack/lib/index.js");
  const out = join(app, "dist");
  const stats: any = await new Promise((res, rej) =>
    webpack(
      {
        mode: "production",
        context: app,
        entry: "./main.js",
        output: { path: out, filename: "main.js" },
        // The 12 MB wasm is over webpack's 244 KiB advice for web assets (docs/bundlers.md).
        performance: { hints: false },
      },
      (err: Error | null, s: any) => (err ? rej(err) : res(s)),
    ),
  );
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  expect(info.errors.map((e: any) => e.message)).toEqual([]);
  expect(info.warnings.map((w: any) => w.message)).toEqual([]);
  return out;
}

const MODULE_PAGE = '<!doctype html><script type="module" src="./main.js"></script>';

describe("bundlers", () => {
  for (const vite of ["vite8", "vite7", "vite6"]) {
    const version = vite.slice(4);
    test(`Vite ${version}: build, served as static files`, async () => {
      const app = newApp(`${vite}-build`);
      writeFileSync(join(app, "index.html"), MODULE_PAGE);
      execFileSync(process.execPath, [join(tools, "node_modules", vite, "bin/vite.js"), "build", "--logLevel", "error"], { cwd: app, stdio: "pipe" });
      expect(await pythonResult(await serve(join(app, "dist")))).toBe(EXPECTED);
    });

    // Vite 6 and 7 run the package pre-bundled from node_modules/.vite/deps/ (docs/bundlers.md).
    test(`Vite ${version}: dev server, no configuration`, async () => {
      const app = newApp(`${vite}-dev`);
      writeFileSync(join(app, "index.html"), MODULE_PAGE);
      expect(await pythonResult(await viteDev(vite, app))).toBe(EXPECTED);
    });
  }

  // Vite and webpack bundle `new Worker(new URL("./entry.js", import.meta.url))` (docs/workers.md).
  test("Vite 8: build with a worker, served cross-origin isolated", async () => {
    const app = newApp("vite8-worker");
    writeFileSync(join(app, "main.js"), WORKER_MAIN);
    writeFileSync(join(app, "index.html"), MODULE_PAGE);
    execFileSync(process.execPath, [join(tools, "node_modules/vite8/bin/vite.js"), "build", "--logLevel", "error"], { cwd: app, stdio: "pipe" });
    expect(await pythonResult(await serve(join(app, "dist"), ISOLATED))).toBe("42");
  });

  test("webpack 5: production build with a worker, without warnings", async () => {
    const app = newApp("webpack-worker");
    writeFileSync(join(app, "main.js"), WORKER_MAIN);
    const out = await webpackBuild(app);
    writeFileSync(join(out, "index.html"), '<!doctype html><script src="./main.js"></script>');
    expect(await pythonResult(await serve(out, ISOLATED))).toBe("42");
  });

  test("webpack 5: production build without warnings", async () => {
    const app = newApp("webpack");
    const out = await webpackBuild(app);
    writeFileSync(join(out, "index.html"), '<!doctype html><script src="./main.js"></script>');
    expect(await pythonResult(await serve(out))).toBe(EXPECTED);
  });

  for (const format of ["esm", "iife"] as const) {
    test(`esbuild (${format}): bundle, with the wasm/ folder copied beside it`, async () => {
      const app = newApp(`esbuild-${format}`);
      const esbuild = await tool("esbuild/lib/main.js");
      const out = join(app, "dist");
      const result = await esbuild.build({ entryPoints: [join(app, "main.js")], bundle: true, format, outfile: join(out, "main.js"), logLevel: "silent" });
      // IIFE has no import.meta (esbuild says so); the package then finds its script's URL.
      const expectedWarnings = format === "iife" ? result.warnings.filter((w: any) => /import\.meta/.test(w.text)) : [];
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual(expectedWarnings);
      copyWasmBeside(app, out);
      const script = format === "esm" ? '<script type="module" src="./main.js"></script>' : '<script src="./main.js"></script>';
      writeFileSync(join(out, "index.html"), `<!doctype html>${script}`);
      expect(await pythonResult(await serve(out))).toBe(EXPECTED);
    });
  }

  test("Rollup (with @rollup/plugin-node-resolve): bundle, with the wasm/ folder copied beside it", async () => {
    const app = newApp("rollup");
    const { rollup } = await tool("rollup/dist/es/rollup.js");
    const { nodeResolve } = await tool("@rollup/plugin-node-resolve/dist/es/index.js");
    const warnings: string[] = [];
    const bundle = await rollup({ input: join(app, "main.js"), plugins: [nodeResolve({ browser: true })], onwarn: (w: any) => warnings.push(w.message) });
    const out = join(app, "dist");
    await bundle.write({ dir: out, format: "es" });
    await bundle.close();
    expect(warnings).toEqual([]);
    copyWasmBeside(app, out);
    writeFileSync(join(out, "index.html"), MODULE_PAGE);
    expect(await pythonResult(await serve(out))).toBe(EXPECTED);
  });
});
