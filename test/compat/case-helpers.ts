// What the case files share: Python snippets written indented inside template literals, and JS
// globals that exist only while a case runs.
import type { CaseContext } from "./adapter.js";

/** `code` without its first empty line, trailing blank lines and common indentation. */
export function dedent(code: string): string {
  const lines = code.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

/** A template tag: Python source with backslashes kept as written. */
export function pyRaw(strings: TemplateStringsArray, ...values: unknown[]): string {
  return dedent(String.raw(strings, ...values));
}

/** A template tag: Python source with the template's own escapes applied. */
export function pyCooked(strings: TemplateStringsArray, ...values: unknown[]): string {
  return dedent(String.raw({ raw: strings }, ...values));
}

/** Runs `body` while the JS globals `globals` exist, then deletes them. */
export function withJsGlobals<T>(globals: Record<string, unknown>, body: () => T): T {
  Object.assign(globalThis, globals);
  try {
    return body();
  } finally {
    for (const k of Object.keys(globals)) delete (globalThis as any)[k];
  }
}

/** As `withJsGlobals`, for an async `body` (the globals live until it settles). */
export async function withJsGlobalsAsync<T>(globals: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  Object.assign(globalThis, globals);
  try {
    return await body();
  } finally {
    for (const k of Object.keys(globals)) delete (globalThis as any)[k];
  }
}

/** Runs indented Python `code` while the JS globals `globals` exist. */
export function runWithGlobals(c: CaseContext, globals: Record<string, unknown>, code: string): unknown {
  return withJsGlobals(globals, () => c.run(dedent(code)));
}

/** Runs indented Python `code` with top-level await while the JS globals `globals` exist. */
export function runAsyncWithGlobals(c: CaseContext, globals: Record<string, unknown>, code: string): Promise<unknown> {
  return withJsGlobalsAsync(globals, () => c.runAsync(dedent(code)));
}
