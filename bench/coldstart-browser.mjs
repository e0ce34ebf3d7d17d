// Cold start in headless Chromium: a fresh browser context (empty cache) per sample, served from
// 127.0.0.1; the page measures from the start of navigation to the first runPython("1 + 1").
// Usage: node bench/coldstart-browser.mjs [samples=5]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";

const samples = Number(process.argv[2] ?? 5);
const root = fileURLToPath(new URL("..", import.meta.url));
const MIME = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
const PAGE = `<!doctype html><script type="module">
const { loadPython } = await import("/dist/index.js");
const py = await loadPython();
if (py.runPython("1 + 1") !== 2) throw new Error("wrong result");
window.coldStart = performance.now();
</script>`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  try {
    const file = join(root, normalize(path));
    const body = await readFile(file);
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = [];
try {
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.coldStart !== undefined, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => window.coldStart));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ samples: times.map((t) => Math.round(t)), median: Math.round(times[Math.floor(times.length / 2)]) }));
