// Worker side of misuse.test.ts: runs one row of the misuse table, judges its outcome against
// the row's expectation, then checks that every runtime the row touched still works.
import { ffi, loadPython, type PythonRuntime } from "../../dist/index.js";
import { health } from "./health.js";
import { rows, type Ctx, type Expect } from "./misuse.rows.js";

const PY_TRY = String.raw`
def _try(f):
    try:
        return "ok: " + repr(f())
    except BaseException as e:  # noqa: BLE001
        return type(e).__name__ + ": " + str(e)
`;

let shared: PythonRuntime | undefined;
let second: PythonRuntime | undefined;

async function runtime(): Promise<PythonRuntime> {
  const py = await loadPython({ stdout: () => {}, stderr: () => {} });
  py.runPython(PY_TRY);
  return py;
}

/** A short description of what a row returned (PyProxies are described, then destroyed). */
function describe(v: unknown): string {
  if (v instanceof ffi.PyProxy) {
    const s = `PyProxy(${v.type})`;
    v.destroy();
    return s;
  }
  if (typeof v === "string") return JSON.stringify(v.length > 200 ? v.slice(0, 200) + "…" : v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "object" && v !== null) return `object (${v.constructor?.name ?? "null prototype"})`;
  return String(v);
}

function judge(expect: Expect, outcome: { value?: unknown; error?: any }): string {
  const { error } = outcome;
  if (error !== undefined) {
    const cls = error?.constructor?.name ?? typeof error;
    const msg = String(error?.message ?? error);
    const got = `threw ${cls}${error?.type ? ` (${error.type})` : ""}: ${msg.split("\n").slice(-3).join(" | ").slice(0, 400)}`;
    if (error instanceof WebAssembly.RuntimeError) return `wasm trap: ${got}`;
    if (!("throws" in expect)) return `expected ${"returns" in expect ? `to return ${String(expect.returns)}` : expect.want}, but ${got}`;
    const classes = expect.throws.split("|");
    if (!classes.includes(cls)) return `expected ${expect.throws}, but ${got}`;
    if (expect.pyType !== undefined && error.type !== expect.pyType) return `expected a PythonError of type ${expect.pyType}, but ${got}`;
    if (!expect.msg.test(msg)) return `expected a message matching ${expect.msg}, but ${got}`;
    return "";
  }
  const v = outcome.value;
  if ("throws" in expect) return `expected to throw ${expect.throws} (${expect.msg}), but returned ${describe(v)}`;
  if ("returns" in expect) {
    const want = expect.returns;
    const same = want instanceof RegExp ? typeof v === "string" && want.test(v) : Object.is(v, want);
    return same ? "" : `expected ${want instanceof RegExp ? `a string matching ${want}` : String(want)}, got ${describe(v)}`;
  }
  if (expect.ok(v)) {
    describe(v);
    return "";
  }
  return `expected ${expect.want}, got ${describe(v)}`;
}

export const tasks = {
  count: () => rows.length,

  /** Runs row `index`; "" in `problem` and `health` when it did what the row asks. */
  async row(index: number): Promise<{ problem: string; health: string }> {
    const row = rows[index];
    shared ??= await runtime();
    const py = shared;
    const touched: PythonRuntime[] = [py];
    const ctx: Ctx = {
      py,
      async other() {
        second ??= await runtime();
        touched.push(second);
        return second;
      },
      async fresh(options = {}) {
        const r = await loadPython({ stdout: () => {}, stderr: () => {}, ...options });
        touched.push(r);
        return r;
      },
      loadPython: (options?: unknown) => loadPython(options as any),
      ffi,
      pyTry(code, on = py) {
        on.runPython(PY_TRY);
        return on.runPython(`_try(lambda: (${code}))`);
      },
      destroyed(code) {
        const p = py.runPython(code);
        p.destroy();
        return p;
      },
    };
    let outcome: { value?: unknown; error?: any };
    try {
      outcome = { value: await row.run(ctx) };
    } catch (error) {
      outcome = { error: error ?? new Error(`threw ${String(error)}`) };
    }
    // loadPython rows return a runtime: nothing more to check on it than that it exists
    const problem = judge(row.expect, outcome);
    const sick = touched.map(health).filter((s) => s);
    return { problem, health: sick.join("; ") };
  },
};
