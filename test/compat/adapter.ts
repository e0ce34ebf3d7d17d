// The differential suite's adapter: one interface over Pyodide 314 (the reference implementation,
// a devDependency that loads offline from node_modules) and over this package, so that a case is
// written once and run on both. It also holds the policy table: the three deviations from
// Pyodide that the specification itself decides (docs/compatibility.md is written from it).

import { ffi as ourFfi, loadPython } from "../../dist/index.js";

export type RuntimeKind = "pyodide" | "ours";

/** What a case sees: the runtime object (Pyodide's API names), its `ffi` namespace and helpers. */
export interface CaseContext {
  kind: RuntimeKind;
  /** `loadPyodide()`'s result or `loadPython()`'s result; both have Pyodide's method names. */
  py: any;
  /** `pyodide.ffi` or this package's `ffi`: PyProxy classes, PyBufferView, PythonError. */
  ffi: any;
  /** Runs Python code (`py.runPython`). */
  run(code: string, options?: any): any;
  /** Runs Python code with top-level await (`py.runPythonAsync`). */
  runAsync(code: string, options?: any): Promise<any>;
  /** Whether `value` is a PyProxy of this runtime. */
  isPyProxy(value: unknown): boolean;
  /** Forces garbage collection and lets FinalizationRegistry callbacks run. */
  gc(): Promise<void>;
  /** Lines the runtime wrote to stdout since the case started. */
  stdout: string[];
}

// ---------------------------------------------------------------------------------------------
// The policy table: where this package deliberately differs from Pyodide 314, and why. A case
// that touches one of these names it (`policy:`) and states both outcomes; the runner checks that
// each runtime gives exactly its stated outcome, so the deviation is tested, not tolerated.
// ---------------------------------------------------------------------------------------------
export const POLICY = {
  int53: {
    title: "Integers up to 2^53 inclusive are Numbers both ways",
    pyodide:
      "a Python int becomes a Number only while |x| < 2^53 - 1; from ±(2^53 - 1) on it becomes a BigInt (a JsBigInt coming back)",
    ours:
      "an int with |x| <= 2^53 becomes a Number and a fraction-free JS number with |x| <= 2^53 an int (the specification's table: the bound is inclusive)",
    why: "The specification's type-translation table states the inclusive bound; 2^53 itself is exactly representable as a double.",
  },
  nullToNone: {
    title: "JS null becomes None",
    pyodide: "JS null becomes pyodide.ffi.jsnull (since 0.28)",
    ours: "JS null and undefined both become None; Python sends null with pyodide.ffi.jsnull",
    why: "The specification (PyScript's ffi pages and Pyodide's type-translation page it was written from) maps null to None, and PyScript code relies on `x is None` for both.",
  },
  dictToMap: {
    title: "toJs turns a dict into a Map by default",
    pyodide: "PyProxy.toJs() and pyodide.ffi.to_js turn a dict into a plain Object (since 0.29)",
    ours: "PyProxy.toJs() and pyodide.ffi.to_js turn a dict into a Map unless dict_converter says otherwise; pyscript.ffi.to_js gives plain Objects",
    why: "The specification's toJs documentation gives Map as the default (any key type survives); PyScript's to_js is the plain-object form.",
  },
} as const;
export type PolicyId = keyof typeof POLICY;

// ---------------------------------------------------------------------------------------------
// Loading both runtimes.
// ---------------------------------------------------------------------------------------------

async function forceGc(): Promise<void> {
  const gc = (globalThis as any).gc as undefined | (() => void);
  if (!gc) throw new Error("gc() is not exposed: run with --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

function contextFor(kind: RuntimeKind, py: any, ffi: any, stdout: string[]): CaseContext {
  const pyProxyClass = ffi.PyProxy;
  return {
    kind,
    py,
    ffi,
    stdout,
    run: (code, options) => py.runPython(code, options),
    runAsync: (code, options) => py.runPythonAsync(code, options),
    isPyProxy: (v) => (typeof v === "object" || typeof v === "function") && v !== null && v instanceof pyProxyClass,
    gc: forceGc,
  };
}

async function loadReference(stdout: string[]): Promise<CaseContext> {
  const { loadPyodide } = await import("pyodide");
  const indexURL = await pyodideIndexUrl();
  const py = await loadPyodide({ indexURL, stdout: (line: string) => void stdout.push(line) } as any);
  return contextFor("pyodide", py, py.ffi, stdout);
}

async function pyodideIndexUrl(): Promise<string | undefined> {
  // In Node, Pyodide finds its files beside its own module; in a browser they are served from
  // node_modules by the test server.
  if (typeof process !== "undefined" && process.versions?.node) return undefined;
  return "/node_modules/pyodide/";
}

async function loadOurs(stdout: string[]): Promise<CaseContext> {
  const py = await loadPython({ stdout: (line: string) => void stdout.push(line), stderr: () => {} });
  return contextFor("ours", py, ourFfi, stdout);
}

/** Both runtimes, loaded once per test file. */
export async function loadBoth(): Promise<Record<RuntimeKind, CaseContext>> {
  const [pyodide, ours] = await Promise.all([loadReference([]), loadOurs([])]);
  return { pyodide, ours };
}
