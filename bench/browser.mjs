// The Chromium environment. A tiny server on 127.0.0.1 serves the repository's files as they are:
// dist/ and the peers' npm packages are ES modules whose imports are all relative and which find
// their wasm next to themselves, so no bundler is needed. Requests leaving 127.0.0.1 are aborted
// and recorded; bytes loaded are the response bodies Chromium received. The server, the launch and
// the page opener are exported for the worker cases (workers.mjs), which need the same isolation.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { coldRuns, startupRows, wantsStartup } from "./startup.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const MIME = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
};
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--js-flags=--expose-gc",
];
const NOT_LOCAL = /^(?!http:\/\/127\.0\.0\.1[:/])/;
const isHarness = (url) => new URL(url).pathname.startsWith("/bench/");

export async function serve() {
  const server = createServer(async (req, res) => {
    const file = join(root, normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(root + sep)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res
        .writeHead(200, {
          "content-type": MIME[extname(file)] ?? "application/octet-stream",
          // Cross-origin isolation refines performance.now() from 100 us to 5 us steps, which the
          // sub-millisecond cases need, and enables SharedArrayBuffer and Atomics.wait, without
          // which neither worker peer can call the main thread synchronously. Every response
          // carries both: a dedicated worker's script must too, or an isolated page may not load it.
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-embedder-policy": "require-corp",
        })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

async function coldPage(open, name, measure) {
  const { context, page } = await open();
  const sizes = [];
  if (measure) {
    page.on("response", (r) => {
      if (!isHarness(r.url())) sizes.push(r.request().sizes().then((s) => s.responseBodySize, () => 0));
    });
  }
  const total = async () => {
    await page.waitForLoadState("networkidle");
    return { total: (await Promise.all(sizes)).reduce((a, b) => a + b, 0), files: sizes.length };
  };
  try {
    const { ms, memory } = await page.evaluate((n) => window.bench.cold(n), name);
    if (!measure) return { ms };
    const atStart = await total();
    const error = await page.evaluate(() => window.bench.imports());
    return { ms, memory, atStart, afterImports: error ? { error } : await total() };
  } finally {
    await context.close();
  }
}

export const launchChromium = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });

export const pageUrl = (server, path) => `http://127.0.0.1:${server.address().port}/bench/${path}`;

/**
 * A fresh context (an empty cache, so a cold start loads everything again) with one page at `url`,
 * once its title is "ready". Non-local requests are refused into `refused`; the page's "bench: "
 * console lines and errors go to `log`.
 */
export async function openPage(browser, url, { log, refused }) {
  const context = await browser.newContext();
  await context.route(NOT_LOCAL, (route) => {
    refused.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (m) => m.text().startsWith("bench: ") && log(m.text().slice("bench: ".length)));
  page.on("pageerror", (e) => log(`page error: ${e.message.split("\n")[0]}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title === "ready");
    return { context, page };
  } catch (e) {
    await context.close();
    throw e;
  }
}

export async function runBrowser({ samples, coldSamples, filter, log }) {
  const server = await serve();
  const url = pageUrl(server, "page.html");
  const browser = await launchChromium();
  const refused = [];
  const open = () => openPage(browser, url, { log, refused });
  try {
    const { context, page } = await open();
    const result = await page.evaluate((o) => window.bench.cases(o), { samples, filter });
    await context.close();
    const coldRun = (name, measure) => coldPage(open, name, measure);
    const startup = wantsStartup(filter) ? startupRows(await coldRuns(coldRun, coldSamples, log), filter) : { rows: [] };
    return { environment: `Chromium ${browser.version()}`, ...result, startup: startup.rows, refused };
  } finally {
    await browser.close();
    server.close();
  }
}
