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
