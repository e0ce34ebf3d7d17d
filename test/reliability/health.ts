// "Still works": after anything a caller did, the runtime must run Python and round-trip a
// conversion. Returns "" when healthy, else what is wrong.
import { type PythonRuntime } from "../../dist/index.js";

export function health(py: PythonRuntime): string {
  try {
    const r = py.runPython("repr([1, 2])");
    if (r !== "[1, 2]") return `runPython("repr([1, 2])") gave ${JSON.stringify(r)}`;
    const p = (py as any).toPy([1, "a", { b: [2.5, null] }]);
    let back: any;
    try {
      back = p.toJs();
    } finally {
      p.destroy();
    }
    const ok = Array.isArray(back) && back.length === 3 && back[0] === 1 && back[1] === "a" &&
      back[2] instanceof Map && JSON.stringify(back[2].get("b")) === "[2.5,null]";
    if (!ok) return `toPy([1, "a", {b: [2.5, null]}]).toJs() gave ${String(back)}`;
    const f = py.runPython("lambda x: x * 2");
    try {
      if (f(21) !== 42) return "a call of a Python lambda gave a wrong result";
    } finally {
      f.destroy();
    }
    return "";
  } catch (e: any) {
    return `the runtime no longer works: ${e?.constructor?.name}: ${String(e?.message ?? e).split("\n").slice(-3).join(" | ")}`;
  }
}
