// Vitest runs every test file in two projects: Node, and headless Chromium (Debian's, driven by
// Playwright). Files under test/node/ run in Node only; under test/browser/, in Chromium only;
// under test/browser-nosab/, in Chromium on a page that is not cross-origin isolated.
import { defineConfig } from "vitest/config";
import { playwright } from "@vitest/browser-playwright";

const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--js-flags=--expose-gc",
];

const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** Headless Chromium for a project; each project's instance needs a name of its own. */
const browserOptions = (name) => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({ launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs } }),
  instances: [{ browser: "chromium", name }],
});

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          name: "node",
          include: ["test/*.test.ts", "test/node/*.test.ts"],
          environment: "node",
          pool: "forks",
          execArgv: ["--expose-gc"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The differential suite against Pyodide 314 (test/compat/): one Pyodide and one of ours
        // per file, so it is its own project.
        test: {
          name: "compat",
          include: ["test/compat/*.test.ts"],
          environment: "node",
          pool: "forks",
          execArgv: ["--expose-gc"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Fault injection (test/reliability/): fuzz, soak and misuse, each group in its own worker
        // thread behind a watchdog, so a trap or a hang fails a test instead of stalling the run.
        test: {
          name: "reliability",
          include: ["test/reliability/*.test.ts"],
          environment: "node",
          pool: "forks",
          execArgv: ["--expose-gc"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The packed package built by Vite 6, 7 and 8, webpack 5, esbuild and Rollup into fresh apps,
        // each loaded in headless Chromium (test/bundlers/; the bundlers come from
        // scripts/setup-bundlers.sh).
        test: {
          name: "bundlers",
          include: ["test/bundlers/*.test.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Cross-origin isolated (COOP/COEP on every response), as a page using workers must be:
        // SharedArrayBuffer exists (test/workers.test.ts).
        server: { headers: isolationHeaders },
        test: {
          name: "browser",
          // The differential suite's DOM cases run here (the rest are skipped: Node runs them).
          include: ["test/*.test.ts", "test/browser/*.test.ts", "test/compat/*.test.ts"],
          browser: browserOptions("browser (chromium)"),
        },
      },
      {
        // A page without those headers: no SharedArrayBuffer, so workers fall back to message
        // passing (syncMainOnly) or refuse to start (test/browser-nosab/).
        test: {
          name: "browser-nosab",
          include: ["test/browser-nosab/*.test.ts"],
          browser: browserOptions("browser-nosab (chromium)"),
        },
      },
    ],
  },
});
