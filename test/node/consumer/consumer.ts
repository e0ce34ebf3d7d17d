// Type-checked (not run) against the published .d.ts by test/node/package.test.ts, once with
// `lib: ["es2022"]` alone and once with the DOM lib. Each `@ts-expect-error` line must fail to
// compile (tsc reports an unused one), so the types are checked in both directions.
import * as pkg from "@pkg/ffi";
import { ffi, loadPython, PyCallable, PyDict, PythonError, type LoadProgress, type LoadPythonOptions, type RuntimeStats } from "@pkg/ffi";

/** Somewhere to put values (no `console` without the DOM lib or @types/node). */
declare function use(...values: unknown[]): void;

const onProgress = (e: LoadProgress) => {
  if (e.phase === "fetch") use(e.file, e.url, e.loaded, e.total ?? "?", e.cached);
  else if (e.phase === "compile") use(e.cached);
  // @ts-expect-error only fetch events name a file
  else use(e.file);
};
const options: LoadPythonOptions = {
  stdout: (line: string) => use(line),
  env: { A: "1" },
  onProgress,
  stdin: () => null,
  wasmUrl: "./static/core_bg.wasm",
};
const py = await loadPython(options);
// @ts-expect-error a misspelt option key
await loadPython({ stdot: (line: string) => use(line) });
// @ts-expect-error env values are strings
await loadPython({ env: { A: 1 } });
py.setStdin({ stdin: () => new Uint8Array([0x0a]), isatty: false });
py.setStdin({ error: true });
py.setStdin();
// @ts-expect-error a stdin handler returns a line, bytes, a number or null
py.setStdin({ stdin: () => ({}) });
const value: unknown = py.runPython("{'name': 'Alice'}", { filename: "<consumer>" });
// @ts-expect-error a misspelt run option
py.runPython("1", { filenme: "<consumer>" });

// Typed results: the caller names what it expects; the default stays `any`.
const two: number = py.runPython<number>("1 + 1");
// @ts-expect-error a number result is not a string
const notText: string = py.runPython<number>("1 + 1");
const anything: string = py.runPython("'any by default'");
const later: Promise<string[]> = py.runPythonAsync<string[]>("['a']");
use(two, notText, anything, later);

// `globals` is a PyDict.
const globals: PyDict = py.globals;
globals.set("x", 1);
const hasX: boolean = globals.has("x");
// @ts-expect-error a misspelt PyDict method
globals.sett("y", 2);
use(hasX);

if (value instanceof ffi.PyDict) {
  const name: unknown = value.get("name");
  value.set("age", 31);
  const has: boolean = value.has("city");
  const n: number = value.length;
  const keys: unknown[] = [...value.keys()];
  const copy: PyDict = value.copy();
  copy.destroy({ message: "done" });
  use(name, has, n, keys);
  // @ts-expect-error length is read-only
  value.length = 3;
}

// A callable proxy can be called directly once narrowed.
const f: unknown = py.runPython("lambda x: x * 2");
if (f instanceof PyCallable) {
  const six: number = f(3);
  use(six, f(1, 2, { a: 1 }));
}
// @ts-expect-error an unknown value is not callable before narrowing
f(3);

const calc: unknown = py.runPython("lambda x, y=1: x * y");
if (calc instanceof ffi.PyCallable) {
  const r: unknown = calc.callKwargs(5, { y: 3 });
  const bound: ffi.PyCallable = calc.bind(null, 2).captureThis();
  use(r, bound.apply(null, [1]), bound.call(undefined, 1), bound(4));
}

const gen: unknown = py.runPython("(i for i in range(3))");
if (gen instanceof ffi.PyGenerator) {
  const step: IteratorResult<unknown> = gen.next();
  for (const v of gen) use(v, step.done);
  gen.return(undefined);
}

const list: unknown = py.runPython("[3, 1, 2]");
if (list instanceof ffi.PyMutableSequence) {
  list.sort((a: number, b: number) => a - b).reverse();
  const n: number = list.push(4);
  const doubled: number[] = list.map((x: number) => x * 2);
  const js: number[] = list.toJs<number[]>({ depth: 1 });
  // @ts-expect-error a misspelt toJs option
  list.toJs({ dict_convertr: Object.fromEntries });
  // @ts-expect-error depth is a number
  list.toJs({ depth: "all" });
  const back = py.toPy([[1]], { depth: 1, defaultConverter: (value, convert) => convert(value) });
  // @ts-expect-error a misspelt toPy option (Pyodide's camelCase)
  py.toPy([[1]], { default_converter: () => 1 });
  use(n, doubled, js, back, list.type, list.toString());
  list[Symbol.dispose]();
}

const coro: unknown = py.runPython("import asyncio\nasyncio.sleep(0, 'x')");
if (coro instanceof ffi.PyAwaitable) {
  const result: unknown = await coro;
  use(result);
}

const stats: RuntimeStats = py.stats();
const proxies: number = stats.pyproxies;
const files: string[] = py.FS.readdir("/home/user");
const err = new PythonError("ValueError", "boom");
const typeName: string = err.type;
use(proxies, files, typeName, py.globals instanceof PyDict);

const p: ffi.PyProxy = py.pyimport("sys");
// @ts-expect-error a plain PyProxy has no get()
p.get("x");

// Only the public API is exported: no internals of the implementation.
// @ts-expect-error settle is internal
use(pkg.settle);
// @ts-expect-error PROTOCOLS is internal
use(pkg.PROTOCOLS);

// The worker mode.
const worker = await pkg.loadPythonWorker({ code: "x = 1", sync: { title: () => "t" }, name: "w", syncMainOnly: false, stdout: (l: string) => use(l) });
worker.sync.title = () => "x";
const doubled: Promise<number> = worker.sync.double(2);
const workerStats: pkg.WorkerStats = await worker.stats();
use(doubled, workerStats.main.objectsLent, workerStats.main.workerFunctions, workerStats.worker, worker.name, await worker.ready);
const fromRun: number = await worker.runPython("1 + 1");
use(fromRun, await worker.runPythonAsync("1"));
worker.interrupt();
worker.terminate();
const pyWorker: pkg.PythonWorker = await pkg.PyWorker("./w.py", { name: "w2" });
use(pyWorker);
const workerOptions: pkg.LoadPythonWorkerOptions = { url: "./w.py", config: { js_modules: { worker: { "./m.js": "m" } } } };
use(workerOptions);
// @ts-expect-error code is a string
await pkg.loadPythonWorker({ code: 1 });
// @ts-expect-error a misspelt option key
await pkg.loadPythonWorker({ cod: "x = 1" });
