// Loading in Node, beyond test/loading.test.ts: over HTTP (a 404, a dev server's HTML fallback,
// progress as the bytes stream in), and in child processes: the Node version check, a Rust
// panic's message, and the process's own stdin as Python's default stdin (as in Pyodide).

import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadPython, type LoadProgress } from "../../dist/index.js";

const dist = resolve(import.meta.dirname, "../../dist");
const entry = new URL("../../dist/index.js", import.meta.url).href;

let server: Server;
let origin: string;
beforeAll(async () => {
  // Serves the two files in chunks with a Content-Length, anything else as a dev server's
  // fallback page would (200, text/html), and /missing/* as 404.
  server = createServer((req, res) => {
    const path = new URL(req.url!, "http://x").pathname;
    if (path.startsWith("/missing/")) return void res.writeHead(404, "Not Found").end("no");
    const file = { "/core_bg.wasm": "wasm/core_bg.wasm", "/stdlib.bin": "wasm/stdlib.bin" }[path];
    if (file === undefined) return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><div id=app></div>");
    const body = readFileSync(resolve(dist, file));
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
    for (let at = 0; at < body.length; at += 1 << 20) res.write(body.subarray(at, at + (1 << 20)));
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

describe("loading over HTTP", () => {
  test("HTTP 404 names the status, the option and the URL", async () => {
    await expect(loadPython({ stdlibUrl: `${origin}/missing/stdlib.bin` })).rejects.toThrow(
      `loadPython: could not load the Python standard library (stdlibUrl) from ${origin}/missing/stdlib.bin: the server answered HTTP 404 Not Found. ` +
        "Serve node_modules/@pkg/ffi/dist/wasm/stdlib.bin at that URL",
    );
  });

  test("a dev server's HTML page for the wasm (Vite 6/7 dev without optimizeDeps.exclude) names the fix", async () => {
    await expect(loadPython({ wasmUrl: `${origin}/node_modules/.vite/deps/wasm/core_bg.wasm` })).rejects.toThrow(
      /the server answered with an HTML page, not the file .*optimizeDeps: \{ exclude: \["@pkg\/ffi"\] \}/,
    );
  });

  test("progress follows the bytes as they stream in, with Content-Length as the total", async () => {
    const events: LoadProgress[] = [];
    const py = await loadPython({ wasmUrl: `${origin}/core_bg.wasm`, stdlibUrl: `${origin}/stdlib.bin`, onProgress: (e) => events.push(e) });
    expect(py.runPython("import json; json.dumps([1])")).toBe("[1]");
    const size = readFileSync(resolve(dist, "wasm/core_bg.wasm")).length;
    const wasm = events.filter((e) => e.phase === "fetch" && e.file === "core_bg.wasm") as Array<LoadProgress & { phase: "fetch" }>;
    expect(wasm.length).toBeGreaterThan(3);
    expect(wasm.every((e) => e.total === size && e.url === `${origin}/core_bg.wasm`)).toBe(true);
    expect(wasm[0].loaded).toBe(0);
    expect(wasm[wasm.length - 1].loaded).toBe(size);
  });
});

/** Runs an ES module in a new Node process; returns its stdout (and fails on a non-zero exit). */
function runNode(source: string, input = ""): string {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", source], { input, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`node exited with ${result.status}: ${result.stderr}`);
  return result.stdout.trim();
}

describe("in a new Node process", () => {
  test("Node older than 20 is a clear Error before anything loads", () => {
    const out = runNode(`
      Object.defineProperty(process, "versions", { value: { ...process.versions, node: "18.20.4" } });
      const { loadPython } = await import(${JSON.stringify(entry)});
      try { await loadPython(); console.log("loaded"); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
    `);
    expect(out).toBe("Error: loadPython: @pkg/ffi needs Node 20 or later; this is Node 18.20.4");
  });

  test("a Rust panic is an Error with its message and place, not a bare 'unreachable'", () => {
    // Without Web Crypto (as in Node 18) the interpreter's random seed panics.
    const out = runNode(`
      delete globalThis.crypto;
      const { loadPython } = await import(${JSON.stringify(entry)});
      try { await loadPython(); console.log("loaded"); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
    `);
    expect(out).toMatch(/^Error: Rust panic: .*Web Crypto API is unavailable.* at \S+\.rs:\d+:\d+ \(the Python runtimes of this page or process are now in an unknown state/);
  });

  test("without a stdin option, input() reads the process's stdin, as in Pyodide", () => {
    const out = runNode(
      `
      const { loadPython } = await import(${JSON.stringify(entry)});
      const py = await loadPython();
      console.log(py.runPython("a = input(); b = input()\\ntry:\\n  input()\\nexcept EOFError:\\n  c = 'EOF'\\n[a, b, c]").toJs().join(","));
    `,
      "first line\nsecond\n",
    );
    expect(out).toBe("first line,second,EOF");
  });
});
