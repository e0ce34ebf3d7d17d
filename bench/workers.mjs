// The "Workers (Chromium)" section: ours (a Python worker, loadPythonWorker) beside coincident
// 4.1.1 (a JS worker) in headless Chromium, on bench/workers.html served by browser.mjs's server,
// whose COOP/COEP headers make the page cross-origin isolated (SharedArrayBuffer, Atomics.wait).
// The steady cases run in one page; start-up runs in a fresh page (empty cache) per peer and sample.
import { launchChromium, openPage, pageUrl, serve } from "./browser.mjs";
import { matches } from "./measure.mjs";
import { summarize } from "./stats.mjs";
import { WORKER_CASES, WORKER_STARTUP } from "./workers-cases.mjs";
import { PEERS } from "./workers-peers.mjs";

export const wantsWorkers = (filter) =>
  [...WORKER_CASES.map((c) => c.name), ...Object.values(WORKER_STARTUP)].some((name) => matches(name, filter));

async function inPage(open, run) {
  const { context, page } = await open();
  try {
    return await run(page);
  } finally {
    await context.close();
  }
}

function startupCell(times, failures) {
  if (!times.length) return { status: "cannot", reason: failures[0] ?? "no samples" };
  const note = failures.length ? `${failures.length} run(s) failed: ${failures[0]}` : undefined;
  return { status: "ok", samples: times, ...summarize(times), note };
}

/** Start-up samples in rotating peer order; a peer whose first page fails is not tried again. */
async function startupRows(open, startupSamples, filter, log) {
  const runs = Object.fromEntries(PEERS.map((name) => [name, { first: [], second: [], failures: [] }]));
  for (let i = 0; i < startupSamples; i++) {
    for (let k = 0; k < PEERS.length; k++) {
      const name = PEERS[(k + i) % PEERS.length];
      const run = runs[name];
      if (run.failures.length && !run.first.length) continue;
      log(`worker start-up ${i + 1}/${startupSamples}: ${name}`);
      const result = await inPage(open, (page) => page.evaluate((peer) => window.bench.startup(peer), name));
      if (result.error) {
        run.failures.push(result.error);
        log(`${name}: ${result.error}`);
      } else {
        run.first.push(result.first);
        run.second.push(result.second);
      }
    }
  }
  return Object.entries(WORKER_STARTUP)
    .filter(([, name]) => matches(name, filter))
    .map(([key, name]) => ({
      name,
      unit: "ms",
      peers: Object.fromEntries(PEERS.map((peer) => [peer, startupCell(runs[peer][key], runs[peer].failures)])),
    }));
}

export async function runWorkers({ samples, startupSamples, filter, log }) {
  const server = await serve();
  const browser = await launchChromium();
  const refused = [];
  const open = () => openPage(browser, pageUrl(server, "workers.html"), { log, refused });
  try {
    const cases = WORKER_CASES.some((c) => matches(c.name, filter))
      ? await inPage(open, (page) => page.evaluate((o) => window.bench.cases(o), { samples, filter }))
      : [];
    const startup = await startupRows(open, startupSamples, filter, log);
    return { environment: `Workers (Chromium ${browser.version()})`, cases, startup, refused };
  } finally {
    await browser.close();
    server.close();
  }
}
