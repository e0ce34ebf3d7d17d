// Where the wasm core and the packed standard library are by default: in the `wasm/` folder beside
// this module. That is why this file sits at the top of js/ (so at dist/'s root, beside dist/wasm/)
// and not in runtime/ with the loader that uses it: `new URL("./wasm/…", import.meta.url)` is read
// by Vite and webpack relative to this file, and by esbuild and Rollup bundles relative to the
// bundle, beside which their users copy a `wasm/` folder (docs/bundlers.md); only a module at the
// root gives both the same answer. It imports nothing, so the folders may import it.

// An IIFE bundle (esbuild's `format: "iife"`) has no import.meta.url: the script's own URL, read
// while it first runs, stands in for it.
const scriptUrl: string | undefined =
  typeof document !== "undefined" ? ((document.currentScript as HTMLScriptElement | null)?.src || undefined) : undefined;

/** Where `file` is by default: next to this module (in its `wasm/` folder). */
export function defaultUrls(file: "core_bg.wasm" | "stdlib.bin"): URL[] {
  const moduleUrl = import.meta.url as string | undefined;
  if (!moduleUrl) {
    const base = scriptUrl ?? (typeof location !== "undefined" ? location.href : undefined);
    if (base === undefined) throw new Error("loadPython: cannot tell where this module is; pass wasmUrl and stdlibUrl");
    return [new URL(`./wasm/${file}`, base)];
  }
  // Written out in full so that bundlers see (and copy) both files.
  const beside = file === "core_bg.wasm" ? new URL("./wasm/core_bg.wasm", import.meta.url) : new URL("./wasm/stdlib.bin", import.meta.url);
  // Vite 6 and 7 dev servers run this module pre-bundled from node_modules/.vite/deps/, where
  // nothing is beside it; the package's own folder is then two levels up, where the dev server
  // serves it as it is.
  if (!/\/node_modules\/\.vite\/deps\//.test(moduleUrl)) return [beside];
  const packageFolder = "../../@pkg/ffi/dist/wasm/";
  return [beside, new URL(packageFolder + file, moduleUrl)];
}
