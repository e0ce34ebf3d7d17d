// `npm run playground` in real Chromium: type code, run it (Ctrl+Enter and the Run button),
// read stdout, stderr, the last value and a traceback, and see the proxy counts change.
// A screenshot goes to target/artifacts/playground.png.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { chromium, type Browser, type Page } from "playwright";

const root = resolve(import.meta.dirname, "../..");
let server: ChildProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = spawn("node", ["scripts/playground.mjs", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let seen = "";
    server.stdout!.on("data", (d) => {
      seen += d;
      const m = /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
      if (m) resolveUrl(m[1]);
    });
    server.on("exit", (code) => reject(new Error(`the playground server exited (${code}): ${seen}`)));
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/** Replaces the editor's text, runs it with `how`, and waits for the run to finish. */
async function run(source: string, how: "keyboard" | "button"): Promise<void> {
  const runs = await page.locator("#output .run").count();
  await page.fill("#code", source);
  if (how === "keyboard") {
    await page.focus("#code");
    await page.keyboard.press("Control+Enter");
  } else {
    await page.click("#run");
  }
  await page.waitForFunction((n) => document.querySelectorAll("#output .run").length > n, runs);
  await page.waitForSelector('#status[data-state="ready"]');
}

const lastOutput = (kind: string) => page.locator(`#output .${kind}`).last().textContent();
const stat = async (name: string) => Number(await page.locator(`#stats [data-stat="${name}"]`).textContent());

test("Ctrl+Enter runs the code: stdout, stderr and the last expression's repr", async () => {
  await run('import sys\nprint("hello from Python")\nprint("to stderr", file=sys.stderr)\nx = 1.5\n{"x": x * 2}', "keyboard");
  expect(await lastOutput("stdout")).toBe("hello from Python\n");
  expect(await lastOutput("stderr")).toBe("to stderr\n");
  expect(await lastOutput("result")).toBe("{'x': 3.0}\n");
});

test("Tab in the editor indents with four spaces", async () => {
  await page.fill("#code", "if True:\n");
  await page.focus("#code");
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Tab");
  await page.keyboard.type('print("indented")');
  expect(await page.inputValue("#code")).toBe('if True:\n    print("indented")');
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => document.querySelector("#output .stdout:last-of-type")?.textContent === "indented\n");
});

test("names persist between runs, and top-level await works", async () => {
  await run("import asyncio\nawait asyncio.sleep(0)\nx + 1", "button");
  expect(await lastOutput("result")).toBe("2.5\n");
});

test("an error shows as a Python traceback that starts at the user's code", async () => {
  await run("def f():\n    return 1 / 0\n\nf()", "button");
  const error = await lastOutput("error");
  expect(error).toBe(
    'Traceback (most recent call last):\n  File "<playground>", line 4, in <module>\n  File "<playground>", line 2, in f\n' +
      "ZeroDivisionError: division by zero\n",
  );
  await run("1 +", "button");
  expect(await lastOutput("error")).toMatch(/File "<playground>", line 1\n[\s\S]*SyntaxError: /);
});

test("the proxy counts view shows py.stats() after each run", async () => {
  const before = { py: await stat("pyproxies"), js: await stat("jsproxies"), errors: await page.locator("#output .error").count() };
  expect(Number.isInteger(before.py) && Number.isInteger(before.js)).toBe(true);
  await run("import js\nfrom pyodide.ffi import create_proxy\nkept = [create_proxy({}) for _ in range(3)]\njs_kept = js.Object.new()", "button");
  expect(await stat("pyproxies")).toBe(before.py + 3);
  expect(await stat("jsproxies")).toBeGreaterThan(before.js);
  await run("for p in kept: p.destroy()", "button");
  expect(await stat("pyproxies")).toBe(before.py);
  // Runs that end in a statement show no value and no error.
  expect(await page.locator("#output .error").count()).toBe(before.errors);
  mkdirSync(join(root, "target/artifacts"), { recursive: true });
  await page.screenshot({ path: join(root, "target/artifacts/playground.png"), fullPage: true });
});
