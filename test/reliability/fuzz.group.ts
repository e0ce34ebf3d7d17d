// Worker side of fuzz.test.ts: seeded values through every conversion path, each checked against
// the conversion tables by the model of test/node/conversion-fuzz.test.ts (fuzz-model.ts).
// Every task takes a list of seeds and returns the failure messages ("seed N: <path>: ..."),
// at most MAX_FAILS of them.
import { ffi, loadPython, type PythonRuntime } from "../../dist/index.js";
import { loadFuzzModel, type FuzzModel } from "./fuzz-model.js";
import { health } from "./health.js";

const MAX_FAILS = 20;

// Implicit conversions at call boundaries, in Python. A container crosses as a proxy and comes
// back as the very same object; a scalar follows the tables both ways (what Cmp checks).
const PY_IMPLICIT = String.raw`
def _fail_text(s, e, v):
    return "seed %s: %s: %s\n    value: %s" % (s, type(e).__name__, _short(str(e), 200), _short(v))


def _same_or_check(v, back, s, how):
    if _is_container(v):
        if back is v:
            return ""
        return "seed %s: a %s %s came back as %s, not the same object\n    value: %s" % (s, type(v).__name__, how, Cmp().show(back), _short(v))
    return check(v, back, s)


def implicit_py_to_js(seeds, js_identity):
    """Python values as arguments of a JS function, and its results."""
    fails = []
    for s in seeds:
        v = gen(s)
        try:
            msg = _same_or_check(v, js_identity(v), s, "passed to a JS function and returned")
        except Exception as e:  # noqa: BLE001
            msg = _fail_text(s, e, v)
        if msg:
            fails.append(msg)
            if len(fails) >= 20:
                break
    return fails


_made = {}


def make_value(s):
    """A Python result for JS (kept so its return trip can be checked)."""
    v = gen(s)
    _made[s] = v
    return v


def check_returned(s, back):
    v = _made.pop(s)
    try:
        return _same_or_check(v, back, s, "returned to JS and passed back")
    except Exception as e:  # noqa: BLE001
        return _fail_text(s, e, v)


def identity(x):
    return x
`;

let py: PythonRuntime;
let model: FuzzModel;

async function setup(): Promise<void> {
  if (py) return;
  model = await loadFuzzModel();
  py = await loadPython({ stdout: () => {}, stderr: () => {} });
  py.runPython(model.PY_FUZZ);
  py.runPython(PY_IMPLICIT);
}

function free(v: unknown): void {
  if (v instanceof ffi.PyProxy) v.destroy();
}

function threw(seed: number, e: any, value: string): string {
  return `seed ${seed}: threw ${e?.constructor?.name}: ${String(e?.message ?? e).split("\n").slice(-2).join(" ")}\n    value: ${value}`;
}

/** Python's list of failure messages as a JS array. */
function pyList(result: any): string[] {
  try {
    return result.toJs();
  } finally {
    result.destroy();
  }
}

/** Runs `body` and appends a health failure (the runtime broken afterwards) to its failures. */
async function checked(body: () => string[]): Promise<{ fails: string[]; stats: object }> {
  await setup();
  const fails = body();
  const sick = health(py);
  if (sick) fails.push(`after this chunk: ${sick}`);
  return { fails, stats: py.stats() };
}

export const tasks = {
  /** Python value -> PyProxy.toJs() -> py.toPy() -> compared in Python. */
  pyToJs: (seeds: number[]) =>
    checked(() => {
      const fails: string[] = [];
      const batch = py.runPython(`FuzzBatch([${seeds.join(", ")}])`);
      const values = batch.values;
      const check = batch.check;
      try {
        for (let i = 0; i < seeds.length && fails.length < MAX_FAILS; i++) {
          let item: any, js: unknown, back: unknown;
          try {
            item = values.get(i);
            js = item instanceof ffi.PyProxy ? item.toJs() : item;
            back = py.toPy(js);
            const msg = check(i, back);
            if (msg) fails.push(msg);
          } catch (e) {
            fails.push(threw(seeds[i], e, `(as JS) ${model.show(js)}`));
          } finally {
            free(item);
            free(back);
          }
        }
      } finally {
        check.destroy();
        values.destroy();
        batch.destroy();
      }
      return fails;
    }),

  /** to_js(v).to_py() inside Python. */
  inPython: (seeds: number[]) => checked(() => pyList(py.runPython(`roundtrip_in_python([${seeds.join(", ")}])`))),

  /** JS value -> py.toPy() -> PyProxy.toJs() -> compared in JS. */
  jsToPy: (seeds: number[]) =>
    checked(() => {
      const fails: string[] = [];
      for (const seed of seeds) {
        const v = model.jsGen(seed);
        let p: any;
        try {
          if (model.meetsNullConstructor(v)) {
            const e = (() => { try { py.toPy(v); } catch (error) { return error; } })() as Error | undefined;
            if (!(e instanceof TypeError) || e.message !== "Cannot read properties of null (reading 'name')") {
              fails.push(`seed ${seed}: a null constructor: expected Pyodide's TypeError, got ${String(e)}\n    value: ${model.show(v)}`);
            }
            continue;
          }
          p = py.toPy(v);
          const back = p instanceof ffi.PyProxy ? p.toJs() : p;
          const msg = model.isContainer(v)
            ? model.jsDiff(v, back)
            : typeof back === typeof v && Object.is(back, v) ? null : `v: expected ${model.show(v)} unchanged, got ${model.show(back)}`;
          if (msg) fails.push(`seed ${seed}: ${msg}\n    value: ${model.show(v)}`);
        } catch (e) {
          fails.push(threw(seed, e, model.show(v)));
        } finally {
          free(p);
        }
        if (fails.length >= MAX_FAILS) break;
      }
      return fails;
    }),

  /**
   * JS values as arguments of a Python function and back as its result, and through
   * globals.set/get: a container is a JsProxy in Python and comes back as the same object; a
   * scalar follows the tables (expectedPrimitive).
   */
  implicitJs: (seeds: number[]) =>
    checked(() => {
      const fails: string[] = [];
      const identity = py.globals.get("identity");
      try {
        for (const seed of seeds) {
          const v = model.jsGen(seed);
          try {
            for (const [how, back] of [
              ["through a Python function call", () => identity(v)],
              ["through globals.set/get", () => (py.globals.set("_fz", v), py.globals.get("_fz"))],
            ] as const) {
              const b = back();
              const want = model.isContainer(v) ? v : model.expectedPrimitive(v);
              if (!(typeof b === typeof want && Object.is(b, want))) {
                fails.push(`seed ${seed}: ${how}: expected ${model.isContainer(v) ? "the same object" : model.show(want)}, got ${model.show(b)}\n    value: ${model.show(v)}`);
                free(b);
                break;
              }
            }
          } catch (e) {
            fails.push(threw(seed, e, model.show(v)));
          }
          if (fails.length >= MAX_FAILS) break;
        }
        py.globals.delete("_fz");
      } finally {
        identity.destroy();
      }
      return fails;
    }),

  /** Python values as arguments of a JS function and back as its result (checked in Python). */
  implicitPy: (seeds: number[]) =>
    checked(() => {
      const f = py.globals.get("implicit_py_to_js");
      try {
        return pyList(f(seeds, (x: unknown) => x));
      } finally {
        f.destroy();
      }
    }),

  /** Python results in JS, passed back as arguments (checked in Python). */
  returned: (seeds: number[]) =>
    checked(() => {
      const fails: string[] = [];
      const make = py.globals.get("make_value");
      const check = py.globals.get("check_returned");
      try {
        for (const seed of seeds) {
          let r: unknown;
          try {
            r = make(seed);
            const msg = check(seed, r);
            if (msg) fails.push(msg);
          } catch (e) {
            fails.push(threw(seed, e, "(see gen(seed) in Python)"));
          } finally {
            free(r);
          }
          if (fails.length >= MAX_FAILS) break;
        }
      } finally {
        make.destroy();
        check.destroy();
      }
      return fails;
    }),

  stats: async () => (await setup(), py.stats()),
};
