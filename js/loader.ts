// Loads the wasm core once per JS realm: by URL next to this module in browsers, from disk in
// Node (whose fetch cannot read file: URLs). Nothing comes from the network.

import init from "./wasm/core.js";

let ready: Promise<void> | undefined;

function isNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

export function loadCore(wasmUrl?: string | URL): Promise<void> {
  ready ??= (async () => {
    const url = new URL(wasmUrl ?? new URL("./wasm/core_bg.wasm", import.meta.url));
    if (isNode() && url.protocol === "file:") {
      const fsModule = "node:fs/promises";
      const { readFile } = await import(/* @vite-ignore */ fsModule);
      await init({ module_or_path: await readFile(url) });
    } else {
      await init({ module_or_path: url });
    }
  })();
  return ready;
}
