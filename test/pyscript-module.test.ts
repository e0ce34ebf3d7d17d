// The `pyscript` module beyond its FFI: fetch, the configuration (js_modules, files and archives),
// unpackArchive, the lifecycle events, and the Python side of `when`/`Event`. The DOM parts
// (`when` on elements, `display`, `pyscript.web`, the FAQ's examples) are in
// pyscript-dom.test.ts. Nothing leaves 127.0.0.1: in Node a local server stands in for remote
// URLs, in the browser the Vitest server does.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { loadPython, type PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

const hasDom = typeof document !== "undefined";
const FIXTURES = "test/fixtures/pyscript";

let py: PythonRuntime;
let base: string; // the fixtures folder as an http: URL ending in "/"
let closeServer: (() => Promise<void>) | undefined;

/** In Node: an HTTP server on 127.0.0.1 serving the fixtures, plus /echo and /status/<n>. */
async function startFixtureServer(): Promise<string> {
  const http = await import("node:http");
  const { readFile } = await import("node:fs/promises");
  const { join, resolve } = await import("node:path");
  const root = resolve(FIXTURES);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/echo") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ method: req.method, body: Buffer.concat(chunks).toString(), header: req.headers["x-test"] ?? null }));
      return;
    }
    const status = /^\/status\/(\d+)$/.exec(url.pathname);
    if (status) {
      res.statusCode = Number(status[1]);
      res.end("status page");
      return;
    }
    try {
      const body = await readFile(join(root, url.pathname.replace(/^\/+/, "")));
      res.setHeader("content-type", url.pathname.endsWith(".json") ? "application/json" : "application/octet-stream");
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end("not found");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  closeServer = () => new Promise((r) => server.close(() => r()));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

beforeAll(async () => {
  base = hasDom ? new URL(`/${FIXTURES}/`, location.origin).href : await startFixtureServer();
  ({ py } = await startPython());
  py.globals.set("BASE", base);
});
afterAll(async () => {
  await closeServer?.();
});

describe("pyscript.fetch", () => {
  test("awaiting fetch gives the response: ok, status, headers and a json() of Python values", async () => {
    const r = await py.runPythonAsync(`
from pyscript import fetch
response = await fetch(BASE + "data.json")
data = await response.json()
(response.ok, response.status, "json" in response.headers.get("content-type"), type(data).__name__, data)
`);
    const [ok, status, isJson, type, data] = r.toJs({ dict_converter: Object.fromEntries });
    expect([ok, status, isJson, type]).toEqual([true, 200, true, "dict"]);
    expect(data).toEqual({ title: "fixture", items: [1, 2, 3], nested: { ok: true } });
  });

  test("the body methods can be called on fetch(...) directly, as the FAQ writes it", async () => {
    const r = await py.runPythonAsync(`
from pyscript import fetch
csv = BASE + "data.csv"
text = await fetch(csv).text()
raw = await fetch(csv).bytes()
mutable = await fetch(csv).bytearray()
view = await fetch(csv).arrayBuffer()
blob = await fetch(csv).blob()
parsed = await fetch(BASE + "data.json").json()
[text, type(raw).__name__, raw == text.encode(), type(mutable).__name__, mutable == raw,
 type(view).__name__, bytes(view) == raw, blob.size, parsed["items"]]
`);
    expect(r.toJs()).toEqual([
      "name,score\nada,3\ngrace,5\n", "bytes", true, "bytearray", true, "memoryview", true, 25, [1, 2, 3],
    ]);
  });

  test("an HTTP error status is a response (ok is False), not an exception", async () => {
    const url = hasDom ? `${base}missing-file.bin` : `${base}status/404`;
    const r = await py.runPythonAsync(`
from pyscript import fetch
r = await fetch(${JSON.stringify(url)})
(r.ok, r.status)
`);
    expect(r.toJs()).toEqual([false, 404]);
  });

  test("a fetch that fails is a JsException naming the URL, caused by the original error", async () => {
    const r = await py.runPythonAsync(`
from pyscript import fetch
from pyodide.ffi import JsException
url = "http://127.0.0.1:1/nothing-listens-here"
try:
    await fetch(url).text()
except JsException as e:
    failure = (type(e).__name__, e.name, url in e.message, e.cause.name, e.cause is not None)
failure
`);
    expect(r.toJs()).toEqual(["JsException", "TypeError", true, "TypeError", true]);
  });

  test("the request can be awaited twice and gives the same response", async () => {
    const r = await py.runPythonAsync(`
from pyscript import fetch
request = fetch(BASE + "data.csv")
first = await request
second = await request
(first is second, await first.text() == "name,score\\nada,3\\ngrace,5\\n")
`);
    expect(r.toJs()).toEqual([true, true]);
  });

  test("a failed fetch nobody awaits does not become an unhandled rejection", async () => {
    py.runPython(`
from pyscript import fetch
fetch("http://127.0.0.1:1/never-awaited")
`);
    // Vitest fails the run on an unhandled rejection; give the request time to fail.
    await new Promise((r) => setTimeout(r, 300));
  });

  test.runIf(!hasDom)("keyword options are RequestInit: method, headers, body", async () => {
    const r = await py.runPythonAsync(`
from pyscript import fetch
import json
r = await fetch(BASE + "echo", method="POST", headers={"x-test": "yes"}, body=json.dumps({"a": 1}))
await r.json()
`);
    expect(r.toJs({ dict_converter: Object.fromEntries })).toEqual({ method: "POST", body: '{"a": 1}', header: "yes" });
  });
});

describe("loadPython({ config }): PyScript's configuration", () => {
  const greet = () => (hasDom ? `${base}greet.js` : `${FIXTURES}/greet.js`);

  test("js_modules.main: each module imports as pyscript.js_modules.<name>", async () => {
    const { py } = await startPython({ config: { js_modules: { main: { [greet()]: "greet" } } } });
    const r = py.runPython(`
from pyscript.js_modules import greet
import pyscript.js_modules.greet as same
import pyscript.js_modules
[greet.greet("Python"), greet.answer, same.answer, greet.default.kind, hasattr(pyscript.js_modules, "greet")]
`);
    expect(r.toJs()).toEqual(["Hello, Python!", 42, 42, "default export", true]);
  });

  test("without js_modules, importing one is an ImportError", () => {
    const e = thrown(() => py.runPython("from pyscript.js_modules import d3"));
    expect(e.type).toBe("ImportError");
    expect(e.message).toContain("cannot import name 'd3'");
  });

  test("a module that fails to import rejects loadPython with an error naming it and its URL", async () => {
    const url = hasDom ? `${base}no-such-module.js` : `${FIXTURES}/no-such-module.js`;
    const error = await loadPython({ config: { js_modules: { main: { [url]: "nothere" } } } }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^loadPython: config\.js_modules\.main: could not import "nothere" from .*no-such-module\.js/);
  });

  test("files: a URL into the file system, a folder destination and {NAME} placeholders", async () => {
    const { py } = await startPython({
      config: {
        files: {
          "{FIXTURES}": base.replace(/\/$/, ""),
          "{FIXTURES}/data.csv": "./data/scores.csv",
          "{FIXTURES}/bisect_helper.py": "./",
          [`${base}data.json`]: "/tmp/config/",
        },
      },
    });
    const r = py.runPython(`
import os, bisect_helper
[open("data/scores.csv").read(), bisect_helper.insort_all([3, 1, 2]), os.listdir("/tmp/config"), os.getcwd()]
`);
    expect(r.toJs()).toEqual(["name,score\nada,3\ngrace,5\n", [1, 2, 3], ["data.json"], "/home/user"]);
  });

  test("files: an archive with a destination ending in * is unpacked there (the FAQ's code archive)", async () => {
    const { py } = await startPython({
      config: { files: { [`${base}my_module.zip`]: "./*", [`${base}my_module.tgz`]: "./from_tgz/*" } },
    });
    const r = py.runPython(`
from my_module import util
from my_module.sub import sub_util
import os
[util(), sub_util(), sorted(os.listdir("from_tgz/my_module"))]
`);
    expect(r.toJs()).toEqual(["util from the archive", "sub_util from the archive", ["__init__.py", "sub.py", "util.py"]]);
  });

  test("in Node, a relative URL is a path from the working directory", async () => {
    if (hasDom) return;
    const { py } = await startPython({ config: { files: { [`${FIXTURES}/data.csv`]: "data.csv" } } });
    expect(py.runPython("open('data.csv').read()")).toBe("name,score\nada,3\ngrace,5\n");
  });

  test("a file that cannot be fetched rejects loadPython with its URL", async () => {
    const url = hasDom ? "http://127.0.0.1:1/data.csv" : `${base}status/404`;
    const error = await loadPython({ config: { files: { [url]: "./x.csv" } } }).catch((e) => e);
    expect(error.message).toContain(`loadPython: config.files: could not fetch ${url} (for "./x.csv")`);
    if (!hasDom) expect(error.message).toContain("HTTP 404");
  });

  test("an archive destination for a URL whose format is unknown rejects loadPython", async () => {
    const error = await loadPython({ config: { files: { [`${base}data.csv`]: "./*" } } }).catch((e) => e);
    expect(error.message).toMatch(/config\.files: could not place .*data\.csv at "\.\/\*": [\s\S]*cannot tell the archive format/);
  });

  test("experimental_create_proxy = auto is createProxy: auto", async () => {
    const { py: auto } = await startPython({ config: { experimental_create_proxy: "auto" } });
    const kept = auto.runPython("import js\njs.Array.of(lambda: 5)");
    expect(kept[0]()).toBe(5);
    const manual = py.runPython("import js\njs.Array.of(lambda: 5)");
    expect(() => manual[0]()).toThrow(/This borrowed proxy was automatically destroyed/);
  });

  test("keys it does not use are a warning, not silence", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await loadPython({ config: { packages: ["numpy"], colour: "blue", js_modules: { worker: {} } } });
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines).toContain("loadPython: config.packages is a PyScript setting this runtime does not use; it is ignored");
      expect(lines).toContain("loadPython: config.colour is not a PyScript setting; it is ignored");
      expect(lines.some((l) => l.startsWith("loadPython: config.js_modules.worker is ignored"))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  test("a configuration of the wrong shape is a TypeError naming the setting", async () => {
    await expect(loadPython({ config: 5 as any })).rejects.toThrow(new TypeError("loadPython: config must be an object (PyScript's configuration), not number (5)"));
    await expect(loadPython({ config: { files: { "a.csv": 3 } } as any })).rejects.toThrow('loadPython: config.files["a.csv"] must be a string, not number (3)');
    await expect(loadPython({ config: { js_modules: { side: {} } } as any })).rejects.toThrow(TypeError);
    await expect(loadPython({ config: { experimental_create_proxy: "yes" } as any })).rejects.toThrow(/experimental_create_proxy must be "auto" or "manual"/);
  });

  test("pyscript.config is the configuration, as a dict", async () => {
    const { py } = await startPython({ config: { files: {}, custom: { a: [1, 2] } } as any });
    expect(py.runPython("import pyscript\n(pyscript.config['type'], pyscript.config['custom']['a'])").toJs()).toEqual(["py", [1, 2]]);
  });
});

describe("unpackArchive and FS.unpackArchive", () => {
  const zipBytes = () =>
    py.runPython(`
import io, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("pkg/mod.py", "VALUE = 'unpacked'\\n")
b.getvalue()`).toJs() as Uint8Array;

  test("FS.unpackArchive(bytes, format, dir) unpacks into dir, creating it", () => {
    py.FS.unpackArchive(zipBytes(), "zip", "/tmp/unpacked/here");
    expect(py.FS.readFile("/tmp/unpacked/here/pkg/mod.py", { encoding: "utf8" })).toBe("VALUE = 'unpacked'\n");
  });

  test("unpackArchive takes an ArrayBuffer and an extension, and defaults to the working directory", () => {
    py.unpackArchive(zipBytes().slice().buffer, ".zip");
    expect(py.runPython("import importlib, sys\nsys.modules.pop('pkg.mod', None)\nimportlib.import_module('pkg.mod').VALUE")).toBe("unpacked");
  });

  test("the archive's own files cannot escape the folder (tar's data filter)", () => {
    const tar = py.runPython(`
import io, tarfile
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w") as t:
    info = tarfile.TarInfo("../escaped.txt")
    info.size = 1
    t.addfile(info, io.BytesIO(b"x"))
b.getvalue()`).toJs();
    const e = thrown(() => py.FS.unpackArchive(tar, "tar", "/tmp/jail"));
    expect(e.type).toBe("OutsideDestinationError");
    expect(py.FS.exists("/tmp/escaped.txt")).toBe(false);
  });

  test("bad arguments are TypeErrors naming them", () => {
    expect(() => py.FS.unpackArchive("x" as any, "zip")).toThrow(new TypeError("FS.unpackArchive: buffer must be an ArrayBuffer or an ArrayBuffer view, not string (\"x\")"));
    expect(() => py.FS.unpackArchive(new Uint8Array(1), 5 as any)).toThrow(new TypeError("FS.unpackArchive: format must be a string, not number (5)"));
    expect(() => py.FS.unpackArchive(new Uint8Array(1), "zip", 5 as any)).toThrow(new TypeError("FS.unpackArchive: dir must be a string, not number (5)"));
    expect(() => py.unpackArchive(new Uint8Array(1), "zip", { extractDir: 5 } as any)).toThrow(new TypeError("unpackArchive: extractDir must be a string, not number (5)"));
    expect(py.runPython("1 + 1")).toBe(2);
  });
});

describe("lifecycle events", () => {
  test("py:ready is dispatched before loadPython resolves, py:done after each run", async () => {
    const target = new EventTarget();
    const seen: string[] = [];
    let readyRuntime: unknown;
    target.addEventListener("py:ready", (e) => {
      seen.push("ready");
      readyRuntime = (e as CustomEvent).detail.runtime;
    });
    target.addEventListener("py:done", (e) => seen.push((e as CustomEvent).detail.error ? "done with error" : "done"));
    const py = await loadPython({ eventTarget: target });
    expect(seen).toEqual(["ready"]);
    expect(readyRuntime).toBe(py);
    py.runPython("x = 1");
    expect(() => py.runPython("1 / 0")).toThrow(/ZeroDivisionError/);
    await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0)");
    await expect(py.runPythonAsync("raise ValueError('no')")).rejects.toThrow(/ValueError/);
    expect(seen).toEqual(["ready", "done", "done with error", "done", "done with error"]);
  });

  test("py:progress mirrors onProgress, step by step", async () => {
    const target = new EventTarget();
    const fromEvents: string[] = [];
    const fromCallback: string[] = [];
    target.addEventListener("py:progress", (e) => fromEvents.push((e as CustomEvent).detail.phase));
    target.addEventListener("py:ready", () => fromEvents.push("py:ready"));
    await loadPython({ eventTarget: target, onProgress: (p) => fromCallback.push(p.phase) });
    expect(fromCallback).toEqual(["fetch", "fetch", "compile", "boot", "ready"]);
    // py:ready comes once Python is up, before the last step (loadPython resolving).
    expect(fromEvents).toEqual(["fetch", "fetch", "compile", "boot", "py:ready", "ready"]);
  });

  test("the done event's error is what the run threw", async () => {
    const target = new EventTarget();
    const errors: unknown[] = [];
    target.addEventListener("py:done", (e) => errors.push((e as CustomEvent).detail.error));
    const py = await loadPython({ eventTarget: target });
    const e = thrown(() => py.runPython("raise KeyError('k')"));
    expect(errors).toEqual([e]);
  });

  test.runIf(hasDom)("in a page, the events reach window listeners (as PyScript's do), bubbling from target", async () => {
    const element = document.createElement("div");
    element.id = "lifecycle-target";
    document.body.append(element);
    const onWindow: string[] = [];
    const onElement: string[] = [];
    const listen = (e: Event) => onWindow.push(`${e.type}:${e.target === element ? "element" : "window"}`);
    addEventListener("py:ready", listen);
    addEventListener("py:done", listen);
    element.addEventListener("py:ready", (e) => onElement.push(e.type));
    try {
      const plain = await loadPython();
      plain.runPython("1");
      const targeted = await loadPython({ target: "#lifecycle-target" });
      targeted.runPython("1");
    } finally {
      removeEventListener("py:ready", listen);
      removeEventListener("py:done", listen);
      element.remove();
    }
    expect(onWindow).toEqual(["py:ready:window", "py:done:window", "py:ready:element", "py:done:element"]);
    expect(onElement).toEqual(["py:ready"]);
  });

  test("bad lifecycle options are TypeErrors naming them", async () => {
    await expect(loadPython({ eventTarget: {} as any })).rejects.toThrow(new TypeError("loadPython: eventTarget must be an EventTarget, not object"));
    await expect(loadPython({ target: 5 as any })).rejects.toThrow(new TypeError("loadPython: target must be an element or an element's id, not number (5)"));
  });
});

describe("pyscript.Event and when() without the DOM", () => {
  afterEach(() => py.runPython("import gc; gc.collect()"));

  test("listeners run on trigger, with or without the result; async ones are scheduled", async () => {
    const r = await py.runPythonAsync(`
import asyncio
from pyscript import Event, when
heard = []
loaded = Event()
other = Event()

@when(loaded)
def with_result(result):
    heard.append(("with", result))

@when([loaded, other])
def without_result():
    heard.append("without")

@when(other)
async def later(result):
    await asyncio.sleep(0)
    heard.append(("async", result))

loaded.trigger(1)
other.trigger(2)
await asyncio.sleep(0.01)
heard
`);
    expect(r.toJs()).toEqual([["with", 1], "without", "without", ["async", 2]]);
  });

  test("add_listener ignores duplicates; remove_listener removes some or all", () => {
    const r = py.runPython(`
from pyscript import Event
calls = []
e = Event()
f = lambda r: calls.append(("f", r))
g = lambda r: calls.append(("g", r))
e.add_listener(f); e.add_listener(f); e.add_listener(g)
e.trigger(1)
e.remove_listener(f)
e.trigger(2)
e.remove_listener()
e.trigger(3)
calls
`);
    expect(r.toJs()).toEqual([["f", 1], ["g", 1], ["g", 2]]);
  });

  test("PyScript's errors: a listener must be callable; a DOM event needs a selector", () => {
    expect(thrown(() => py.runPython("from pyscript import Event\nEvent().add_listener(3)")).message).toContain("ValueError: Listener must be callable.");
    expect(thrown(() => py.runPython("from pyscript import when\nwhen('click')")).message).toContain("ValueError: Selector required for DOM event handling.");
  });
});

describe("the FAQ's create_proxy and to_js examples", () => {
  test("with experimental_create_proxy = auto, callbacks need no create_proxy (the MicroPython-style examples)", async () => {
    const { py, out } = await startPython({ config: { experimental_create_proxy: "auto" } });
    py.runPython(`
from pyscript import window

# This just works.
window.setTimeout(print, 10, "print")

# This also just works.
window.setTimeout(lambda x: print(x), 10, "lambda")

# And so does this.
window.Object().no_create_function = lambda: print("ok")
`);
    // The timers fire after 10 ms; a loaded machine may take longer.
    for (let i = 0; i < 100 && out.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(out).toEqual(["print", "lambda"]);
  });

  test("a dict to an object literal in Pyodide's way, and pyscript.ffi's", () => {
    const r = py.runPython(`
import js
from pyodide.ffi import to_js
from pyscript.ffi import to_js as pyscript_to_js

options = to_js(
    {"async": False},
    # Transform the default Map into an object literal.
    dict_converter=js.Object.fromEntries,
)
[options, pyscript_to_js({"async": False})]
`);
    expect(r.toJs()).toEqual([{ async: false }, { async: false }]);
  });
});

