// Every public entry point checks its arguments in JS: a wrong type is a TypeError naming the
// method, the argument and what it got, and never reaches the wasm core (where a number read as a
// string pointer is "memory access out of bounds"). After each bad call the runtime still works.

import { beforeAll, describe, expect, test } from "vitest";
import { FSError, loadPython, PythonError, PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
let other: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython());
  ({ py: other } = await startPython());
});

type ErrorClass = new (...args: any[]) => Error;
interface Row {
  label: string;
  call: () => unknown;
  error: ErrorClass;
  message: string | RegExp;
}

/** Values that are not strings, and how messages describe them. */
const NOT_STRINGS: Array<[unknown, string]> = [
  [123, "number (123)"],
  [NaN, "number (NaN)"],
  [{}, "object"],
  [Object.create(null), "object"],
  [null, "null"],
  [undefined, "undefined"],
  [Symbol("s"), "symbol (Symbol(s))"],
  [1n, "bigint (1n)"],
  [true, "boolean (true)"],
  [["x"], "object (Array)"],
  [new Map(), "object (Map)"],
  [new Uint8Array(2), "object (Uint8Array)"],
  [new String("boxed"), "object (String)"],
  [function named() {}, "function (named)"],
];
/** Values that are not option objects (`undefined` is: no options). */
const NOT_OBJECTS: Array<[unknown, string]> = [
  [null, "null"],
  [5, "number (5)"],
  ["utf8", 'string ("utf8")'],
  [Symbol.iterator, "symbol (Symbol(Symbol.iterator))"],
  [false, "boolean (false)"],
];

/** One row per value that is not a string, for argument `arg` of `method`. */
function stringRows(method: string, arg: string, call: (value: any) => unknown): Row[] {
  return NOT_STRINGS.map(([value, got]) => ({
    label: `${method}: ${arg} = ${got}`,
    call: () => call(value),
    error: TypeError,
    message: `${method}: ${arg} must be a string, not ${got}`,
  }));
}

function optionRows(method: string, call: (value: any) => unknown): Row[] {
  return NOT_OBJECTS.map(([value, got]) => ({
    label: `${method}: options = ${got}`,
    call: () => call(value),
    error: TypeError,
    message: `${method}: options must be an object, not ${got}`,
  }));
}

function row(label: string, call: () => unknown, error: ErrorClass, message: string | RegExp): Row {
  return { label, call, error, message };
}

function expectError(caught: unknown, r: Row): void {
  expect(caught).toBeInstanceOf(r.error);
  const message = (caught as Error).message;
  if (typeof r.message === "string") expect(message).toBe(r.message);
  else expect(message).toMatch(r.message);
}

function expectAlive(): void {
  expect(py.runPython("repr([1, 2])")).toBe("[1, 2]");
  expect(py.FS.exists("/tmp")).toBe(true);
}

async function rejection(promise: unknown): Promise<unknown> {
  expect(promise).toBeInstanceOf(Promise);
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected the promise to reject");
}

const SYNC_ROWS: Row[] = [
  ...stringRows("runPython", "code", (v) => py.runPython(v)),
  row("runPython: code = a PyProxy", () => py.runPython(py.globals), TypeError, "runPython: code must be a string, not PyProxy"),
  ...optionRows("runPython", (v) => py.runPython("1", v)),
  ...stringRows("runPython", "filename", (v) => py.runPython("1", { filename: v }))
    .filter((r) => !r.label.endsWith("= undefined")),
  ...[
    [5, "number (5)"],
    [{}, "object"],
    [null, "null"],
    ["g", 'string ("g")'],
  ].map(([value, got]) =>
    row(`runPython: globals = ${got}`, () => py.runPython("1", { globals: value as any }), TypeError,
      `runPython: globals must be a PyProxy of a dict (e.g. py.globals or py.toPy({})), not ${got}`),
  ),
  row("runPython: globals of another runtime", () => py.runPython("1", { globals: other.globals }), TypeError,
    "runPython: globals is a PyProxy of another Python runtime"),
  row("runPython: globals destroyed", () => {
    const ns = py.runPython("{}");
    ns.destroy();
    return py.runPython("1", { globals: ns });
  }, Error, /^Object has already been destroyed\n/),
  row("runPython: locals = 5", () => py.runPython("1", { locals: 5 as any }), TypeError,
    "runPython: locals must be a PyProxy of a dict (e.g. py.globals or py.toPy({})), not number (5)"),
  row("runPython: globals not a dict", () => py.runPython("1", { globals: py.runPython("[]") }), PythonError, /TypeError/),

  ...stringRows("pyimport", "name", (v) => py.pyimport(v)),
  row("pyimport: an empty name is Python's error", () => py.pyimport(""), PythonError, /ValueError: Empty module name/),

  ...stringRows("registerJsModule", "name", (v) => py.registerJsModule(v, {})),
  row("registerJsModule: name = empty", () => py.registerJsModule("", {}), TypeError, "registerJsModule: name must be a non-empty string"),
  ...[
    [5, "number (5)"],
    [null, "null"],
    [undefined, "undefined"],
    ["mod", 'string ("mod")'],
    [Symbol("m"), "symbol (Symbol(m))"],
  ].map(([value, got]) =>
    row(`registerJsModule: object = ${String(got)}`, () => py.registerJsModule("badmod", value as any), TypeError,
      `registerJsModule: object must be an object, not ${String(got)}`),
  ),
  ...stringRows("unregisterJsModule", "name", (v) => py.unregisterJsModule(v)),

  ...optionRows("toPy", (v) => py.toPy([1], v)),
  ...[
    [1.5, "number (1.5)"],
    [NaN, "number (NaN)"],
    [Infinity, "number (Infinity)"],
    ["2", 'string ("2")'],
    [null, "null"],
    [2n, "bigint (2n)"],
  ].map(([value, got]) =>
    row(`toPy: depth = ${String(got)}`, () => py.toPy([1], { depth: value as any }), TypeError,
      `toPy: depth must be an integer (-1 for no limit), not ${String(got)}`),
  ),
  row("toPy: defaultConverter = 1", () => py.toPy([], { defaultConverter: 1 as any }), TypeError, "toPy: defaultConverter must be a function"),

  ...stringRows("FS.writeFile", "path", (v) => py.FS.writeFile(v, "x")),
  ...[
    [5, "number (5)"],
    [null, "null"],
    [undefined, "undefined"],
    [{}, "object"],
    [[1, 2], "object (Array)"],
    [new Uint16Array(2), "object (Uint16Array)"],
    [new ArrayBuffer(2), "object (ArrayBuffer)"],
    [new DataView(new ArrayBuffer(2)), "object (DataView)"],
    [{ length: 3, [Symbol.toStringTag]: "Uint8Array" }, "object"],
  ].map(([value, got]) =>
    row(`FS.writeFile: data = ${String(got)}`, () => py.FS.writeFile("/tmp/bad.txt", value as any), TypeError,
      `FS.writeFile: data must be a string or a Uint8Array, not ${String(got)}`),
  ),
  ...stringRows("FS.readFile", "path", (v) => py.FS.readFile(v)),
  ...optionRows("FS.readFile", (v) => py.FS.readFile("/tmp/ok.txt", v)),
  ...[
    ["latin1", 'string ("latin1")'],
    [5, "number (5)"],
    [null, "null"],
    [true, "boolean (true)"],
  ].map(([value, got]) =>
    row(`FS.readFile: encoding = ${String(got)}`, () => py.FS.readFile("/tmp/ok.txt", { encoding: value as any }), TypeError,
      `FS.readFile: encoding must be "utf8", "utf-8" or "binary", not ${String(got)}`),
  ),
  ...stringRows("FS.mkdir", "path", (v) => py.FS.mkdir(v)),
  ...optionRows("FS.mkdir", (v) => py.FS.mkdir("/tmp/never", v)),
  ...[
    [1, "number (1)"],
    ["yes", 'string ("yes")'],
    [null, "null"],
  ].map(([value, got]) =>
    row(`FS.mkdir: recursive = ${String(got)}`, () => py.FS.mkdir("/tmp/never", { recursive: value as any }), TypeError,
      `FS.mkdir: recursive must be a boolean, not ${String(got)}`),
  ),
  ...stringRows("FS.readdir", "path", (v) => py.FS.readdir(v)),
  ...stringRows("FS.unlink", "path", (v) => py.FS.unlink(v)),
  ...stringRows("FS.rmdir", "path", (v) => py.FS.rmdir(v)),
  ...stringRows("FS.rename", "from", (v) => py.FS.rename(v, "/tmp/to")),
  ...stringRows("FS.rename", "to", (v) => py.FS.rename("/tmp/ok.txt", v)),
  ...stringRows("FS.stat", "path", (v) => py.FS.stat(v)),
  ...stringRows("FS.exists", "path", (v) => py.FS.exists(v)),
  // Strings the file system has no entry for are its own errors, never a trap.
  row("FS.readFile: empty path", () => py.FS.readFile(""), FSError, /^ENOENT/),
  row("FS.stat: a NUL in the path", () => py.FS.stat("/tmp/a\0b"), FSError, /^EINVAL/),
  row("FS.readFile: a lone surrogate in the path", () => py.FS.readFile("/tmp/\ud800"), FSError, /^ENOENT/),
];

describe("synchronous entry points", () => {
  beforeAll(() => {
    py.FS.writeFile("/tmp/ok.txt", "ok");
  });
  for (const r of SYNC_ROWS) {
    test(r.label, () => {
      expectError(thrown(r.call), r);
      expectAlive();
    });
  }
  test("nothing was left behind by the bad calls", () => {
    expect(py.FS.exists("/tmp/bad.txt")).toBe(false);
    expect(py.FS.exists("/tmp/never")).toBe(false);
    expect(py.FS.readFile("/tmp/ok.txt", { encoding: "utf8" })).toBe("ok");
    expect(py.runPython("import sys; 'badmod' in sys.modules")).toBe(false);
  });
});

describe("what the checks let through", () => {
  test("omitted and undefined options are the defaults", () => {
    expect(py.runPython("1 + 1", undefined)).toBe(2);
    expect(py.runPython("1 + 1", { globals: undefined, filename: undefined })).toBe(2);
    expect(py.toPy([1], undefined).toString()).toBe("[1]");
    expect(py.FS.readFile("/tmp/ok.txt", { encoding: undefined })).toBeInstanceOf(Uint8Array);
    py.FS.mkdir("/tmp/made", undefined);
    py.FS.mkdir("/tmp/made", { recursive: true });
    py.FS.rmdir("/tmp/made");
  });
  test("unknown option keys are ignored", () => {
    expect(py.runPython("1", { locale: 5 } as any)).toBe(1);
    expect(py.FS.readFile("/tmp/ok.txt", { flags: "r" } as any)).toBeInstanceOf(Uint8Array);
  });
  test("readFile's \"binary\" encoding (Emscripten's name) gives the bytes", () => {
    expect(Array.from(py.FS.readFile("/tmp/ok.txt", { encoding: "binary" }))).toEqual([111, 107]);
  });
  test("a Uint8Array subclass (Node's Buffer) or a view into a larger buffer is file data", () => {
    class Bytes extends Uint8Array {}
    py.FS.writeFile("/tmp/sub.bin", new Bytes([1, 2]));
    expect(Array.from(py.FS.readFile("/tmp/sub.bin"))).toEqual([1, 2]);
    py.FS.writeFile("/tmp/sub.bin", new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
    expect(Array.from(py.FS.readFile("/tmp/sub.bin"))).toEqual([8, 7]);
    py.FS.unlink("/tmp/sub.bin");
  });
  test("toPy's depth beyond the core's range means no limit", () => {
    const p = py.toPy([[[1]]], { depth: 2 ** 40 });
    expect(py.runPython("repr")(p)).toBe("[[[1]]]");
    p.destroy();
    const q = py.toPy([[[1]]], { depth: -5 });
    expect(q.toString()).toBe("[[[1]]]");
    q.destroy();
  });
  test("a function is a module object", () => {
    const f = Object.assign(() => 1, { answer: 42 });
    py.registerJsModule("fnmod", f);
    expect(py.runPython("import fnmod; fnmod.answer")).toBe(42);
    py.unregisterJsModule("fnmod");
  });
});

describe("runPythonAsync", () => {
  const rows: Row[] = [
    ...stringRows("runPythonAsync", "code", (v) => py.runPythonAsync(v)),
    ...optionRows("runPythonAsync", (v) => py.runPythonAsync("1", v)),
    ...stringRows("runPythonAsync", "filename", (v) => py.runPythonAsync("1", { filename: v }))
      .filter((r) => !r.label.endsWith("= undefined")),
    row("runPythonAsync: globals = 5", () => py.runPythonAsync("1", { globals: 5 as any }), TypeError,
      "runPythonAsync: globals must be a PyProxy of a dict (e.g. py.globals or py.toPy({})), not number (5)"),
    row("runPythonAsync: globals of another runtime", () => py.runPythonAsync("1", { globals: other.globals }), TypeError,
      "runPythonAsync: globals is a PyProxy of another Python runtime"),
  ];
  for (const r of rows) {
    test(`${r.label} (a rejection)`, async () => {
      expectError(await rejection(r.call()), r);
      expectAlive();
      expect(await py.runPythonAsync("repr([1, 2])")).toBe("[1, 2]");
    });
  }
});

describe("loadPython options", () => {
  const rows: Row[] = [
    ...NOT_OBJECTS.map(([value, got]) =>
      row(`options = ${got}`, () => loadPython(value as any), TypeError, `loadPython: options must be an object, not ${got}`),
    ),
    ...(["stdout", "stderr", "stdin", "onProgress"] as const).flatMap((key) =>
      [
        [5, "number (5)"],
        ["console.log", 'string ("console.log")'],
        [{}, "object"],
        [null, "null"],
      ].map(([value, got]) =>
        row(`${key} = ${String(got)}`, () => loadPython({ [key]: value } as any), TypeError,
          `loadPython: ${key} must be a function, not ${String(got)}`),
      ),
    ),
    ...[
      [5, "number (5)"],
      ["A=1", 'string ("A=1")'],
      [null, "null"],
      [["A=1"], "object (Array)"],
      [new Map([["A", "1"]]), "object (Map)"],
    ].map(([value, got]) =>
      row(`env = ${String(got)}`, () => loadPython({ env: value as any }), TypeError,
        `loadPython: env must be an object of strings, not ${String(got)}`),
    ),
    row("env with a number", () => loadPython({ env: { A: "1", B: 2 as any } }), TypeError,
      'loadPython: env["B"] must be a string, not number (2)'),
    row("env with undefined", () => loadPython({ env: { A: undefined as any } }), TypeError,
      'loadPython: env["A"] must be a string, not undefined'),
    ...[
      [5, "number (5)"],
      ["/a.txt", 'string ("/a.txt")'],
      [null, "null"],
      [new Map(), "object (Map)"],
    ].map(([value, got]) =>
      row(`files = ${String(got)}`, () => loadPython({ files: value as any }), TypeError,
        `loadPython: files must be an object (path -> content) or an array of { path, data }, not ${String(got)}`),
    ),
    row("files[0] = 5", () => loadPython({ files: [5] as any }), TypeError,
      "loadPython: files[0] must be an object { path, data }, not number (5)"),
    row("files[1].path = 5", () => loadPython({ files: [{ path: "/a", data: "" }, { path: 5, data: "x" }] as any }), TypeError,
      "loadPython: files[1].path must be a string, not number (5)"),
    row("files[0].data = 5", () => loadPython({ files: [{ path: "/a", data: 5 }] as any }), TypeError,
      "loadPython: files[0].data must be a string or a Uint8Array, not number (5)"),
    row("files[0].data missing", () => loadPython({ files: [{ path: "/a" }] as any }), TypeError,
      "loadPython: files[0].data must be a string or a Uint8Array, not undefined"),
    row('files["/a"] = null', () => loadPython({ files: { "/a": null } as any }), TypeError,
      'loadPython: files["/a"] must be a string or a Uint8Array, not null'),
    row('files["/a"] = [1]', () => loadPython({ files: { "/a": [1] } as any }), TypeError,
      'loadPython: files["/a"] must be a string or a Uint8Array, not object (Array)'),
    ...[
      ["sometimes", 'string ("sometimes")'],
      [true, "boolean (true)"],
      [null, "null"],
    ].map(([value, got]) =>
      row(`createProxy = ${String(got)}`, () => loadPython({ createProxy: value as any }), TypeError,
        `loadPython: createProxy must be "manual" or "auto", not ${String(got)}`),
    ),
    ...(["wasmUrl", "stdlibUrl"] as const).flatMap((key) => [
      ...[
        [5, "number (5)"],
        [{}, "object"],
        [null, "null"],
      ].map(([value, got]) =>
        row(`${key} = ${String(got)}`, () => loadPython({ [key]: value } as any), TypeError,
          `loadPython: ${key} must be a string or a URL, not ${String(got)}`),
      ),
      row(`${key} = ""`, () => loadPython({ [key]: "" }), TypeError,
        `loadPython: ${key} must be a URL or a path to the file, not string ("")`),
    ]),
    // The core is loaded once per realm (by the runtimes above): other URLs cannot replace it.
    row("wasmUrl other than the loaded one", () => loadPython({ wasmUrl: "https://example.invalid/core_bg.wasm" }), Error,
      /^loadPython: the core is already loaded from \S+\/core_bg\.wasm and cannot be reloaded from https:\/\/example\.invalid\/core_bg\.wasm in this realm/),
    row("stdlibUrl other than the loaded one", () => loadPython({ stdlibUrl: new URL("https://example.invalid/stdlib.bin") }), Error,
      /^loadPython: the standard library is already loaded from \S+\/stdlib\.bin and cannot be reloaded from https:\/\/example\.invalid\/stdlib\.bin in this realm/),
  ];
  for (const r of rows) {
    test(`${r.label} (a rejection)`, async () => {
      expectError(await rejection(r.call()), r);
      expectAlive();
    });
  }

  test("the same URLs as the first load, or none, are fine; unknown keys are ignored", async () => {
    // The URLs the core came from (the defaults, resolved where the page serves dist/), as named
    // by the error.
    const loadedFrom = async (key: string) => {
      const e = (await rejection(loadPython({ [key]: "https://example.invalid/other" }))) as Error;
      return /already loaded from (\S+) and/.exec(e.message)![1];
    };
    const wasm = await loadedFrom("wasmUrl");
    const stdlib = await loadedFrom("stdlibUrl");
    expect(wasm).toMatch(/\/dist\/wasm\/core_bg\.wasm$/);
    expect(stdlib).toMatch(/\/dist\/wasm\/stdlib\.bin$/);
    for (const options of [
      {},
      { wasmUrl: new URL(wasm), stdlibUrl: stdlib },
      { indexURL: "https://example.invalid/", fullStdLib: false, stdout: undefined },
    ]) {
      const again = await loadPython({ stdout: () => {}, ...options } as any);
      expect(again.runPython("repr([1, 2])")).toBe("[1, 2]");
    }
  });

  test("good options still start a runtime", async () => {
    const out: string[] = [];
    const started = await loadPython({
      stdout: (l) => out.push(l),
      stderr: () => {},
      env: { A: "1" },
      files: [{ path: "/data/a.txt", data: "A" }, { path: "/data/b.bin", data: new Uint8Array([66]) }],
      createProxy: "auto",
    });
    started.runPython("import os; print(os.environ['A'], open('/data/a.txt').read(), open('/data/b.bin').read())");
    expect(out).toEqual(["1 A B"]);
  });

  test("new PythonRuntime checks its options too", () => {
    const caught = thrown(() => new PythonRuntime({ stdout: 5 as any }));
    expect(caught).toBeInstanceOf(TypeError);
    expect(caught.message).toBe("loadPython: stdout must be a function, not number (5)");
    expectAlive();
  });
});
