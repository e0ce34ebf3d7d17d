// Type-checked (not run) against the published .d.ts by test/node/package.test.ts.
import { ffi, loadPython, PyDict, PythonError, type LoadPythonOptions, type RuntimeStats } from "@pkg/ffi";

const options: LoadPythonOptions = { stdout: (line: string) => console.log(line), env: { A: "1" } };
const py = await loadPython(options);
const value: unknown = py.runPython("{'name': 'Alice'}", { filename: "<consumer>" });

if (value instanceof ffi.PyDict) {
  const name: unknown = value.get("name");
  value.set("age", 31);
  const has: boolean = value.has("city");
  const n: number = value.length;
  const keys: unknown[] = [...value.keys()];
  const copy: PyDict = value.copy();
  copy.destroy({ message: "done" });
  console.log(name, has, n, keys);
  // @ts-expect-error length is read-only
  value.length = 3;
}

const calc: unknown = py.runPython("lambda x, y=1: x * y");
if (calc instanceof ffi.PyCallable) {
  const r: unknown = calc.callKwargs(5, { y: 3 });
  const bound: ffi.PyCallable = calc.bind(null, 2).captureThis();
  console.log(r, bound.apply(null, [1]), bound.call(undefined, 1));
}

const gen: unknown = py.runPython("(i for i in range(3))");
if (gen instanceof ffi.PyGenerator) {
  const step: IteratorResult<unknown> = gen.next();
  for (const v of gen) console.log(v, step.done);
  gen.return(undefined);
}

const list: unknown = py.runPython("[3, 1, 2]");
if (list instanceof ffi.PyMutableSequence) {
  list.sort((a: number, b: number) => a - b).reverse();
  const n: number = list.push(4);
  const doubled: number[] = list.map((x: number) => x * 2);
  const js: unknown = list.toJs({ depth: 1 });
  console.log(n, doubled, js, list.type, list.toString());
  list[Symbol.dispose]();
}

const coro: unknown = py.runPython("import asyncio\nasyncio.sleep(0, 'x')");
if (coro instanceof ffi.PyAwaitable) {
  const result: unknown = await coro;
  console.log(result);
}

const stats: RuntimeStats = py.stats();
const files: string[] = py.FS.readdir("/home/user");
const err = new PythonError("ValueError", "boom");
const typeName: string = err.type;
console.log(stats.pyproxies, files, typeName, py.globals instanceof PyDict);

const p: ffi.PyProxy = py.pyimport("sys");
// @ts-expect-error a plain PyProxy has no get()
p.get("x");
