// A page that is not cross-origin isolated has no SharedArrayBuffer: a worker cannot block on
// the main thread. loadPythonWorker says which headers are missing; with syncMainOnly, main ->
// worker calls still work and the worker's window/document raise PyScript's error.

import { expect, test } from "vitest";
import { loadPythonWorker, PythonError } from "../../dist/index.js";

test("this page is not cross-origin isolated", () => {
  expect([crossOriginIsolated, typeof SharedArrayBuffer]).toEqual([false, "undefined"]);
});

test("loadPythonWorker rejects with an error that names the headers and syncMainOnly", async () => {
  const e = await loadPythonWorker({ code: "x = 1" }).catch((x) => x);
  expect(e).toBeInstanceOf(Error);
  expect(e.message).toMatch(/Cross-Origin-Opener-Policy: same-origin/);
  expect(e.message).toMatch(/Cross-Origin-Embedder-Policy: require-corp/);
  expect(e.message).toMatch(/syncMainOnly: true/);
});

test("with syncMainOnly, main -> worker calls work and window/document raise PyScript's error", async () => {
  const out: string[] = [];
  const w = await loadPythonWorker({
    syncMainOnly: true,
    stdout: (line) => out.push(line),
    code: `
from pyscript import sync, window, document
sync.add = lambda a, b: a + b

def fails():
    raise KeyError("k")
sync.fails = fails
print("started")
`,
  });
  try {
    expect(out).toEqual(["started"]);
    expect(await w.sync.add(2, 3)).toBe(5);
    expect(await w.runPython("{'a': 1}")).toEqual({ a: 1 });
    const e = await w.sync.fails().catch((x: unknown) => x);
    expect([e instanceof PythonError, e.type]).toEqual([true, "KeyError"]);
    const messages = await w.runPython(`
r = []
for name in ("window", "document"):
    try:
        getattr(__import__("pyscript"), name).title
    except AttributeError as e:
        r.append(str(e))
try:
    sync.title()
except Exception as e:
    r.append(str(e))
r`);
    const sabError = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer";
    expect(messages).toEqual([sabError, sabError, expect.stringContaining("SharedArrayBuffer")]);
    expect(() => w.interrupt()).toThrow(/syncMainOnly/);
  } finally {
    w.terminate();
  }
});
