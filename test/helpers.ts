import { loadPython, type PythonRuntime } from "../dist/index.js";

export interface Captured {
  py: PythonRuntime;
  out: string[];
  err: string[];
}

/** A fresh runtime whose stdout and stderr lines are collected. */
export async function startPython(options: Record<string, unknown> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const py = await loadPython({ stdout: (l) => out.push(l), stderr: (l) => err.push(l), ...options });
  return { py, out, err };
}

/** Forces garbage collection so FinalizationRegistry callbacks run (needs --expose-gc). */
export async function collectGarbage(): Promise<void> {
  const gc = (globalThis as any).gc as undefined | (() => void);
  if (!gc) throw new Error("gc() is not exposed: run with --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What `fn` throws (fails the test if it returns normally). */
export function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

/**
 * Runs `code` `n` times and drops every result without `destroy()`; returns the live PyProxy
 * count before, right after, and after garbage collection.
 */
export async function dropProxies(py: PythonRuntime, code: string, n: number): Promise<{ before: number; held: number; after: number }> {
  await collectGarbage();
  const before = py.stats().pyproxies;
  (() => {
    for (let i = 0; i < n; i++) py.runPython(code);
  })();
  const held = py.stats().pyproxies;
  await collectGarbage();
  return { before, held, after: py.stats().pyproxies };
}
