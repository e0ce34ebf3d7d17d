// The three runtimes behind one small adapter, so each case is written once. Every path is
// relative to this module: it resolves to files on disk in Node and to 127.0.0.1 URLs in Chromium,
// and the runtimes themselves are imported only when loaded (a cold start must not pay for the others).
export const RUNTIMES = ["ours", "pyodide", "micropython"];
export const LABELS = { ours: "ours", pyodide: "Pyodide 314.0.7", micropython: "MicroPython 1.27.0" };

const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";

// Ours and Pyodide share an API, so one adapter serves both.
function pyodideAdapter(name, api) {
  return {
    name,
    exec: (code) => void api.runPython(code),
    eval: (code) => api.runPython(code),
    set: (key, value) => api.globals.set(key, value),
    toJs: (proxy, options) => proxy.toJs(options),
    toPy: (value) => api.toPy(value),
    runAsync: (code) => api.runPythonAsync(code),
    release: (value) => {
      if (typeof value?.destroy === "function") value.destroy();
    },
  };
}

// MicroPython: runPython returns no value, PyProxy.toJs is static and takes no options, proxies
// have no destroy(), and there is no toPy: a JS value reaches Python only as a JsProxy, which the
// Python-side walk below copies (what a MicroPython program has to do itself).
const WALK = `
import js, jsffi
def _bench_to_py(v):
    if not isinstance(v, jsffi.JsProxy):
        return v
    if js.Array.isArray(v):
        return [_bench_to_py(x) for x in v]
    return {k: _bench_to_py(v[k]) for k in js.Object.keys(v)}
`;

function microPythonAdapter(mp) {
  mp.runPython(WALK);
  const walk = mp.globals.get("_bench_to_py");
  return {
    name: "micropython",
    exec: (code) => void mp.runPython(code),
    eval: (code) => {
      mp.runPython(`_bench_value = (${code})`);
      return mp.globals.get("_bench_value");
    },
    set: (key, value) => mp.globals.set(key, value),
    toJs: (proxy) => mp.PyProxy.toJs(proxy),
    toPy: (value) => walk(value),
    runAsync: (code) => mp.runPythonAsync(code),
    release: () => {},
  };
}

const LOADERS = {
  async ours() {
    const { loadPython } = await import("../dist/index.js");
    return pyodideAdapter("ours", await loadPython());
  },
  async pyodide() {
    const { loadPyodide } = await import("../node_modules/pyodide/pyodide.mjs");
    const index = new URL("../node_modules/pyodide/", import.meta.url);
    // Node's Pyodide reads its files with fs, which wants a path rather than a file: URL.
    const indexURL = inNode ? decodeURIComponent(index.pathname) : index.href;
    return pyodideAdapter("pyodide", await loadPyodide({ indexURL }));
  },
  async micropython() {
    const { loadMicroPython } = await import(
      "../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"
    );
    return microPythonAdapter(await loadMicroPython());
  },
};

export function loadRuntime(name) {
  return LOADERS[name]();
}

/** Import -> first runPython("1 + 1"), the cold-start figure; returns the adapter too. */
export async function coldStart(name) {
  const t0 = performance.now();
  const rt = await loadRuntime(name);
  const two = rt.eval("1 + 1");
  const ms = performance.now() - t0;
  if (two !== 2) throw new Error(`1 + 1 gave ${two}`);
  return { ms, rt };
}

/** The imports of the "bytes after imports" figure; MicroPython lacks dataclasses. */
export const IMPORTS = "import asyncio, json, re, dataclasses";
