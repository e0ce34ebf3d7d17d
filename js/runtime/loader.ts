// Loads the wasm core and the packed standard library once per JS realm: by URL in browsers (by
// default from the package's wasm/ folder, see ../default-urls.ts), from disk in Node (whose fetch
// cannot read file: URLs). Nothing comes from the network unless the URLs given say so.

import init, { install_stdlib } from "../wasm/core.js";
import { importNodeFs, isNode, resolveUserUrl } from "./host.js";
import { isNotFound, loadFile, STDLIB_FILE, WASM_FILE, type FileToLoad } from "./load-file.js";
import type { LoadProgress, ProgressCallback } from "./load-progress.js";
import { defaultUrls } from "../default-urls.js";

/** The loaded (or loading) core of this realm, with the events it reported. */
interface CoreLoad {
  wasm: string;
  stdlib: string;
  done: Promise<void>;
  listeners: Set<ProgressCallback>;
  /** The latest fetch event per file and the compile event, for callers that come later. */
  latest: Map<string, LoadProgress>;
  finished: boolean;
  /** The compiled core and the standard library's bytes, kept for workers (see compileCore). */
  module?: WebAssembly.Module;
  archive?: Uint8Array;
}

let current: CoreLoad | undefined;
/** Whether this realm's core is instantiated (a realm that only starts workers never does). */
let instantiated: Promise<void> | undefined;

async function instantiateCore(module: WebAssembly.Module, archive: Uint8Array): Promise<void> {
  instantiated ??= (async () => {
    await init({ module_or_path: module });
    install_stdlib(archive);
  })();
  return instantiated;
}

function checkSameSource(what: string, option: string, first: string, second: string): void {
  if (first === second) return;
  throw new Error(
    `loadPython: the ${what} is already loaded from ${first} and cannot be reloaded from ${second} in this realm ` +
      `(every runtime of a realm shares it: pass the same ${option}, or none, to later loadPython calls)`,
  );
}

/** Loads `spec`'s file from the first of `urls` (one, or a default and a fallback) that serves it. */
async function loadFirst(spec: FileToLoad, urls: URL[], report: ProgressCallback): Promise<Uint8Array> {
  try {
    return await loadFile(spec, urls[0], report);
  } catch (e) {
    // The fallback is tried only when the first URL served something else; the error reported
    // is the first one (it names the URL the user would expect, and the fix).
    if (urls.length < 2 || !isNotFound(e)) throw e;
    try {
      return await loadFile(spec, urls[1], report);
    } catch {
      throw e;
    }
  }
}

/**
 * Loads the core and the standard library (once per realm), reporting progress to `report`.
 * A later call waits for the same load; its `report` hears what is still to come, after the
 * latest event of each step so far (marked `cached` once the load has finished).
 */
export async function loadCore(wasmUrl: string | URL | undefined, stdlibUrl: string | URL | undefined, report: ProgressCallback): Promise<void> {
  const { module, stdlib } = await fetchCore(wasmUrl, stdlibUrl, report);
  await instantiateCore(module, stdlib);
}

/**
 * The compiled core and the standard library's bytes, fetched and compiled once per realm but
 * not instantiated: what a worker is handed so that it neither downloads nor compiles again.
 */
export async function compileCore(
  wasmUrl: string | URL | undefined, stdlibUrl: string | URL | undefined, report: ProgressCallback,
): Promise<{ module: WebAssembly.Module; stdlib: Uint8Array }> {
  return fetchCore(wasmUrl, stdlibUrl, report);
}

/** In a worker: the core its parent compiled, instantiated here (loadCore then finds it loaded). */
export async function installCompiledCore(module: WebAssembly.Module, stdlib: Uint8Array): Promise<void> {
  const load: CoreLoad = {
    wasm: defaultUrls("core_bg.wasm")[0].href,
    stdlib: defaultUrls("stdlib.bin")[0].href,
    done: Promise.resolve(),
    listeners: new Set(),
    latest: new Map(),
    finished: true,
    module,
    archive: stdlib,
  };
  await instantiateCore(module, stdlib);
  current = load;
}

async function fetchCore(
  wasmUrl: string | URL | undefined, stdlibUrl: string | URL | undefined, report: ProgressCallback,
): Promise<{ module: WebAssembly.Module; stdlib: Uint8Array }> {
  await startLoad(wasmUrl, stdlibUrl, report);
  return { module: current!.module!, stdlib: current!.archive! };
}

function startLoad(wasmUrl: string | URL | undefined, stdlibUrl: string | URL | undefined, report: ProgressCallback): Promise<void> {
  const wasmUrls = wasmUrl === undefined ? defaultUrls("core_bg.wasm") : [resolveUserUrl(wasmUrl)];
  const stdlibUrls = stdlibUrl === undefined ? defaultUrls("stdlib.bin") : [resolveUserUrl(stdlibUrl)];
  if (current !== undefined) {
    checkSameSource("core", "wasmUrl", current.wasm, wasmUrls[0].href);
    checkSameSource("standard library", "stdlibUrl", current.stdlib, stdlibUrls[0].href);
    // In a fixed order: the files' first events arrive in whichever order the network gives.
    for (const step of ["core_bg.wasm", "stdlib.bin", "compile"]) {
      const event = current.latest.get(step);
      if (event !== undefined) report(current.finished ? ({ ...event, cached: true } as LoadProgress) : event);
    }
    if (!current.finished) {
      const listeners = current.listeners;
      listeners.add(report);
      void current.done.then(() => listeners.delete(report), () => listeners.delete(report));
    }
    return current.done;
  }
  const load: CoreLoad = {
    wasm: wasmUrls[0].href,
    stdlib: stdlibUrls[0].href,
    done: undefined as unknown as Promise<void>,
    listeners: new Set([report]),
    latest: new Map(),
    finished: false,
  };
  const broadcast: ProgressCallback = (event) => {
    load.latest.set(event.phase === "fetch" ? event.file : event.phase, event);
    for (const listener of load.listeners) listener(event);
  };
  load.done = (async () => {
    if (isNode()) await importNodeFs();
    const [wasm, archive] = await Promise.all([
      loadFirst(WASM_FILE, wasmUrls, broadcast),
      loadFirst(STDLIB_FILE, stdlibUrls, broadcast),
    ]);
    broadcast({ phase: "compile", cached: false });
    // From bytes, not streamed: the bytes are already checked, and a load that fails here is a
    // real compile error (streaming compilation would need the server's MIME type right, too).
    load.module = await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>);
    load.archive = archive;
    load.finished = true;
  })();
  current = load;
  // A failed load (a missing file, say) may be retried with other URLs.
  load.done.catch(() => {
    if (current === load) current = undefined;
  });
  return load.done;
}
