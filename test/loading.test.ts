// Loading the core: errors that name the option, the URL and the fix; relative URLs; progress.
// The core is loaded once per realm, so the failing loads come first in this file, then the
// first successful one (with relative URLs and progress), then the cached ones.

import { describe, expect, test, vi } from "vitest";
import { loadPython, type LoadProgress } from "../dist/index.js";

const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
const wasmHref = new URL("../dist/wasm/core_bg.wasm", import.meta.url).href;
const stdlibHref = new URL("../dist/wasm/stdlib.bin", import.meta.url).href;

const HTML = "<!doctype html><html><head><title>app</title></head><body></body></html>";
const htmlUrl = `data:text/html,${encodeURIComponent(HTML)}`;
// The first bytes of the packed standard library: a file, but not a wasm module.
const stdlibHeadUrl = "data:application/octet-stream;base64,UFlMQgEAAAAAAAAAAAAAAA==";

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the load to fail");
}

/** `target` as a relative reference from `base` ("../../dist/wasm/x"). */
function relativeReference(base: string, target: string): string {
  const from = new URL(base).pathname.split("/").slice(1, -1);
  const to = new URL(target).pathname.split("/").slice(1);
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  const up = from.length - same;
  return (up === 0 ? "./" : "../".repeat(up)) + to.slice(same).join("/");
}

describe("load errors (before the core is loaded)", () => {
  test("an HTML page instead of the wasm names the option, the URL and the Vite fix", async () => {
    const e = await rejection(loadPython({ wasmUrl: htmlUrl }));
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toContain(`loadPython: could not load the wasm core (wasmUrl) from ${htmlUrl}: the server answered with an HTML page`);
    expect(e.message).toContain('add optimizeDeps: { exclude: ["@pkg/ffi"] } to vite.config.js');
    expect(e.message).toContain("node_modules/@pkg/ffi/dist/wasm/core_bg.wasm");
  });

  test("an HTML page instead of stdlib.bin is an error too (not accepted until something else fails)", async () => {
    const e = await rejection(loadPython({ stdlibUrl: htmlUrl }));
    expect(e.message).toContain(`loadPython: could not load the Python standard library (stdlibUrl) from ${htmlUrl}: the server answered with an HTML page`);
    expect(e.message).toContain("or pass stdlibUrl with the URL it is served at");
  });

  test("another file instead of the wasm shows its first bytes", async () => {
    const e = await rejection(loadPython({ wasmUrl: stdlibHeadUrl }));
    expect(e.message).toContain("it is not a WebAssembly module (it starts with 50 59 4c 42, expected 00 61 73 6d)");
  });

  test("the wasm instead of stdlib.bin is not a standard library", async () => {
    const e = await rejection(loadPython({ stdlibUrl: wasmHref }));
    expect(e.message).toContain(
      `from ${wasmHref}: it is not this version's packed standard library (stdlib.bin) (it starts with 00 61 73 6d 01 00 00 00, expected 50 59 4c 42 01 00 00 00)`,
    );
  });

  test("a server that cannot be reached", async () => {
    const url = "http://127.0.0.1:9/core_bg.wasm";
    const e = await rejection(loadPython({ wasmUrl: url }));
    expect(e.message).toMatch(/^loadPython: could not load the wasm core \(wasmUrl\) from http:\/\/127\.0\.0\.1:9\/core_bg\.wasm: the request failed \(TypeError: /);
    expect(e.cause).toBeInstanceOf(TypeError);
  });

  test("a missing file", async () => {
    const missing = new URL("../dist/wasm/no-such-core.wasm", import.meta.url).href;
    const e = await rejection(loadPython({ wasmUrl: missing }));
    // Node reads the file; a dev server answers 404, or its HTML page (Vite's does for unknown paths).
    expect(e.message).toMatch(
      new RegExp(`^loadPython: could not load the wasm core \\(wasmUrl\\) from ${missing.replace(/[.?*+^$()[\]{}|\\]/g, "\\$&")}: (there is no such file|the server answered HTTP 404|the server answered with an HTML page)`),
    );
  });
});

describe("loading", () => {
  test("relative URLs are resolved (against the page in browsers, the working directory in Node) and progress is reported", async () => {
    const base = inNode ? `file://${process.cwd()}/` : document.baseURI;
    const events: LoadProgress[] = [];
    const loading = loadPython({
      wasmUrl: relativeReference(base, wasmHref),
      stdlibUrl: relativeReference(base, stdlibHref),
      onProgress: (e) => events.push(e),
      stdout: () => {},
    });
    // A second load while the first is under way shares it and hears the rest of its steps.
    const joined: LoadProgress[] = [];
    const second = loadPython({ onProgress: (e) => joined.push(e), stdout: () => {} });
    const py = await loading;
    expect(py.runPython("1 + 1")).toBe(2);
    expect((await second).runPython("2 + 2")).toBe(4);
    expect(joined.filter((e) => e.phase !== "fetch")).toEqual([{ phase: "compile", cached: false }, { phase: "boot" }, { phase: "ready" }]);
    for (const [file, url] of [["core_bg.wasm", wasmHref], ["stdlib.bin", stdlibHref]]) {
      const fetches = events.filter((e) => e.phase === "fetch" && e.file === file) as Array<LoadProgress & { phase: "fetch" }>;
      expect(fetches.length).toBeGreaterThanOrEqual(2);
      expect(fetches.every((e) => e.url === url && e.cached === false)).toBe(true);
      expect(fetches[0].loaded).toBe(0);
      const loaded = fetches.map((e) => e.loaded);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      const last = fetches[fetches.length - 1];
      expect(last.loaded).toBeGreaterThan(file === "core_bg.wasm" ? 1_000_000 : 100_000);
      if (last.total !== undefined) expect(last.total).toBe(last.loaded);
    }
    // After the bytes: compile once, then this runtime's boot, then ready, last.
    const steps = events.filter((e) => e.phase !== "fetch");
    expect(steps).toEqual([{ phase: "compile", cached: false }, { phase: "boot" }, { phase: "ready" }]);
    expect(events.findIndex((e) => e.phase === "compile")).toBe(events.length - 3);
  });

  test("a later loadPython reports the shared steps once, as cached", async () => {
    const events: LoadProgress[] = [];
    await loadPython({ onProgress: (e) => events.push(e), stdout: () => {} });
    expect(events.map((e) => [e.phase, "file" in e ? e.file : undefined, "cached" in e ? e.cached : undefined])).toEqual([
      ["fetch", "core_bg.wasm", true],
      ["fetch", "stdlib.bin", true],
      ["compile", undefined, true],
      ["boot", undefined, undefined],
      ["ready", undefined, undefined],
    ]);
    const wasm = events[0] as LoadProgress & { phase: "fetch" };
    expect(wasm.url).toBe(wasmHref);
    expect(wasm.loaded).toBeGreaterThan(1_000_000);
  });

  test("an onProgress that throws is reported once on the console and the load goes on", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      let calls = 0;
      const py = await loadPython({
        onProgress: () => {
          calls++;
          throw new Error("progress bar broke");
        },
        stdout: () => {},
      });
      expect(py.runPython("2 + 3")).toBe(5);
      expect(calls).toBe(1);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0][0])).toContain("onProgress threw");
      expect((logged.mock.calls[0][1] as Error).message).toBe("progress bar broke");
    } finally {
      logged.mockRestore();
    }
  });
});
