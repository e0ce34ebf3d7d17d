// Loads the wasm core and the packed standard library once per JS realm: by URL next to this
// module in browsers, from disk in Node (whose fetch cannot read file: URLs). Nothing comes from
// the network unless the URLs given say so.

import init, { install_stdlib } from "./wasm/core.js";

let ready: Promise<void> | undefined;

function isNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

async function readBytes(url: URL): Promise<Uint8Array> {
  if (isNode() && url.protocol === "file:") {
    const fsModule = "node:fs/promises";
    const { readFile } = await import(/* @vite-ignore */ fsModule);
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function load(what: string, url: URL): Promise<Uint8Array> {
  try {
    return await readBytes(url);
  } catch (e) {
    throw new Error(`loadPython: could not load ${what} from ${url.href}: ${(e as Error)?.message ?? e}`);
  }
}

/** Where the loaded (or loading) core came from: one core per realm, so later loads must agree. */
let loadedFrom: { wasm: string; stdlib: string } | undefined;

function checkSameSource(what: string, option: string, first: string, second: string): void {
  if (first === second) return;
  throw new Error(
    `loadPython: the ${what} is already loaded from ${first} and cannot be reloaded from ${second} in this realm ` +
      `(every runtime of a realm shares it: pass the same ${option}, or none, to later loadPython calls)`,
  );
}

export function loadCore(wasmUrl?: string | URL, stdlibUrl?: string | URL): Promise<void> {
  // Written out in full so that bundlers see (and copy) both files.
  const wasm = new URL(wasmUrl ?? new URL("./wasm/core_bg.wasm", import.meta.url));
  const stdlib = new URL(stdlibUrl ?? new URL("./wasm/stdlib.bin", import.meta.url));
  if (ready && loadedFrom) {
    checkSameSource("core", "wasmUrl", loadedFrom.wasm, wasm.href);
    checkSameSource("standard library", "stdlibUrl", loadedFrom.stdlib, stdlib.href);
    return ready;
  }
  loadedFrom = { wasm: wasm.href, stdlib: stdlib.href };
  ready = (async () => {
    const [module, archive] = await Promise.all([
      isNode() && wasm.protocol === "file:" ? load("the wasm core", wasm) : Promise.resolve(wasm),
      load("the Python standard library", stdlib),
    ]);
    await init({ module_or_path: module });
    install_stdlib(archive);
  })();
  // A failed load (a missing file, say) may be retried with other URLs.
  const loading = ready;
  loading.catch(() => {
    if (ready !== loading) return;
    ready = undefined;
    loadedFrom = undefined;
  });
  return loading;
}
