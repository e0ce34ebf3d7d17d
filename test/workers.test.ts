// Python in a worker (loadPythonWorker, PyWorker): synchronous calls to the main thread, calls
// into the worker, main-thread objects from the worker by reference, lifetimes across the
// boundary, interrupts and stdin. Node runs it in worker_threads, Chromium in a Web Worker on a
// cross-origin isolated page (vite.config.js sends COOP/COEP to the browser project).

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadPythonWorker, PythonError, PyWorker, type PythonWorker } from "../dist/index.js";
import { collectGarbage, startPython } from "./helpers.js";

const inBrowser = typeof document !== "undefined";

test.runIf(inBrowser)("the browser project's page is cross-origin isolated (workers need SharedArrayBuffer)", () => {
  expect(crossOriginIsolated).toBe(true);
});
const fixture = (name: string) => new URL(`./fixtures/workers/${name}`, import.meta.url);

/** Polls `check` (each turn lets messages and timers run) until it holds or `ms` pass. */
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("the condition did not hold in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

let w: PythonWorker;
const out: string[] = [];
const err: string[] = [];
beforeAll(async () => {
  w = await loadPythonWorker({
    code: `
from pyscript import sync, window, RUNNING_IN_WORKER
import js

def double(n):
    return n * 2

def profile(name, tags):
    return {"name": name, "tags": list(tags), "count": len(tags)}

def fails():
    raise ValueError("worker says no")

async def later(x):
    import asyncio
    await asyncio.sleep(0.01)
    return x + 1

sync.double = double
sync.profile = profile
sync.fails = fails
sync.later = later
print("booted", RUNNING_IN_WORKER)
`,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    sync: { title: () => "main title" },
  });
});
afterAll(() => w?.terminate());

describe("start-up", () => {
  test("loadPythonWorker resolves after the start-up code ran, whose output reaches stdout", () => {
    expect(out).toContain("booted True");
  });

  test("loadPython's options reach the worker's runtime: env, files", async () => {
    const configured = await loadPythonWorker({ env: { GREETING: "hi" }, files: { "/home/user/data.txt": "from main" } });
    try {
      expect(await configured.runPython("import os\n[os.environ['GREETING'], open('data.txt').read()]")).toEqual(["hi", "from main"]);
    } finally {
      configured.terminate();
    }
  });

  test("a failing start rejects with the worker's error", async () => {
    const e = await loadPythonWorker({ code: "raise RuntimeError('bad start')" }).catch((x) => x);
    expect(e).toBeInstanceOf(PythonError);
    expect([e.type, e.message]).toEqual(["RuntimeError", expect.stringContaining("bad start")]);
  });

  test("wrong options are TypeErrors naming the option", async () => {
    await expect(loadPythonWorker({ code: 5 } as never)).rejects.toThrow(/loadPythonWorker: code must be a string/);
    await expect(loadPythonWorker({ stdout: 1 } as never)).rejects.toThrow(/stdout/);
    await expect(loadPythonWorker({ sync: { f: 3 } } as never)).rejects.toThrow(/sync\.f/);
    await expect(loadPythonWorker({ colour: "red" } as never)).rejects.toThrow(/unknown option "colour"/);
    await expect(PyWorker(5 as never)).rejects.toThrow(TypeError);
  });

  test("PyScript's config: js_modules.worker loads in the worker, js_modules.main on the main thread", async () => {
    const greet = new URL("./fixtures/pyscript/greet.js", import.meta.url).href;
    const withModules = await loadPythonWorker({
      config: { js_modules: { main: { [greet]: "on_main" }, worker: { [greet]: "in_worker" } } },
      code: "from pyscript.js_modules import on_main, in_worker",
    });
    try {
      expect(await withModules.runPython("[on_main.greet('main'), in_worker.greet('worker'), in_worker.answer]"))
        .toEqual(["Hello, main!", "Hello, worker!", 42]);
    } finally {
      withModules.terminate();
    }
  });

  test("a second worker is handed the compiled core: its progress is all cached", async () => {
    const events: { cached?: boolean }[] = [];
    const second = await loadPythonWorker({ code: "x = 1", onProgress: (e) => events.push(e) });
    try {
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.cached === true)).toBe(true);
      expect(await second.runPython("x + 1")).toBe(2);
    } finally {
      second.terminate();
    }
  });
});

describe("main -> worker: worker.sync", () => {
  test("an exported function is called with converted arguments; dicts come back as plain objects", async () => {
    expect(await w.sync.double(21)).toBe(42);
    const p = await w.sync.profile("ada", ["x", "y"]);
    expect(p).toEqual({ name: "ada", tags: ["x", "y"], count: 2 });
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });

  test("a Python exception rejects with PythonError", async () => {
    const e = await w.sync.fails().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PythonError);
    expect(e.type).toBe("ValueError");
    expect(e.message).toContain("worker says no");
  });

  test("an async function's result is awaited in the worker", async () => {
    expect(await w.sync.later(1)).toBe(2);
  });

  test("an unknown name rejects with an error that lists the exports", async () => {
    await expect(w.sync.nope()).rejects.toThrow(/the worker exports no "nope" \(it exports .*double.*\)/);
  });

  test("awaiting worker.sync itself does not hang", async () => {
    const s = await w.sync;
    expect(s).toBe(w.sync);
  });

  test("runPython and runPythonAsync return converted results", async () => {
    expect(await w.runPython("1 + 2")).toBe(3);
    expect(await w.runPython("{'a': [1, 2]}")).toEqual({ a: [1, 2] });
    expect(await w.runPythonAsync("import asyncio\nawait asyncio.sleep(0)\n'done'")).toBe("done");
    const e = await w.runPython("1/0").catch((x) => x);
    expect([e.name, e.type]).toEqual(["PythonError", "ZeroDivisionError"]);
    await expect(w.runPython(5 as never)).rejects.toThrow(TypeError);
  });

  test("names listed in __export__ are exported; PyWorker(url) runs a file", async () => {
    const calc = await PyWorker(fixture("calc.py"));
    try {
      expect(await calc.sync.add(2, 3)).toBe(5);
      expect(await calc.sync.describe([1])).toEqual({ type: "JsProxy", in_worker: true });
    } finally {
      calc.terminate();
    }
  });
});

describe("worker -> main: synchronous calls and main-thread objects", () => {
  test("sync.f() calls a main function and returns its value synchronously", async () => {
    expect(await w.runPython("sync.title()")).toBe("main title");
    w.sync.add = (a: number, b: number) => a + b;
    expect(await w.runPython("sync.add(2, 5)")).toBe(7);
    // A main function may return a promise: the worker waits for its value.
    w.sync.slow = async (x: number) => {
      await new Promise((r) => setTimeout(r, 20));
      return x * 10;
    };
    expect(await w.runPython("sync.slow(4)")).toBe(40);
  });

  test("an unknown main function is an error in Python that says what to do", async () => {
    const message = await w.runPython(`
try:
    sync.missing(1)
except Exception as e:
    r = str(e)
r`);
    expect(message).toMatch(/the main thread gave the worker no sync\.missing: set worker\.sync\.missing = function/);
  });

  test("window is the main thread's globalThis: attributes, calls, new(), iteration, to_py", async () => {
    (globalThis as any).mainData = { n: 7, list: [1, 2, 3], greet: (who: string) => `hi ${who}` };
    (globalThis as any).MainPoint = class {
      constructor(public x: number, public y: number) {}
      sum() {
        return this.x + this.y;
      }
    };
    try {
      const r = await w.runPython(`
d = window.mainData
p = window.MainPoint.new(2, 3)
[d.n, d.greet("py"), list(d.list), len(d.list), d.list[1], p.sum(), d.to_py()["n"], window.mainData == d]`);
      expect(r).toEqual([7, "hi py", [1, 2, 3], 3, 2, 5, 7, true]);
    } finally {
      delete (globalThis as any).mainData;
      delete (globalThis as any).MainPoint;
    }
  });

  test("setting and deleting properties of main objects from the worker", async () => {
    const target: Record<string, unknown> = {};
    (globalThis as any).mainTarget = target;
    try {
      await w.runPython("t = window.mainTarget\nt.a = 1\nt.b = {'k': 'v'}\nt.c = [1, 2]\ndel t.a\nt = None");
      expect(target).toEqual({ b: { k: "v" }, c: [1, 2] });
    } finally {
      delete (globalThis as any).mainTarget;
    }
  });

  test("awaiting a main-thread promise gives its value; a rejection raises", async () => {
    (globalThis as any).mainLater = (v: number) => new Promise((r) => setTimeout(() => r(v + 1), 10));
    (globalThis as any).mainFail = () => Promise.reject(new TypeError("main failed"));
    try {
      const r = await w.runPythonAsync(`
from pyodide.ffi import JsException
v = await window.mainLater(41)
try:
    await window.mainFail()
    e = None
except JsException as x:
    e = [x.name, x.message]
[v, e]`);
      expect(r).toEqual([42, ["TypeError", "main failed"]]);
    } finally {
      delete (globalThis as any).mainLater;
      delete (globalThis as any).mainFail;
    }
  });

  test("a main function's exception is a JsException with its name and message", async () => {
    w.sync.throws = () => {
      throw new RangeError("out of range on main");
    };
    const r = await w.runPython(`
from pyodide.ffi import JsException
try:
    sync.throws()
except JsException as x:
    r = [x.name, x.message]
r`);
    expect(r).toEqual(["RangeError", "out of range on main"]);
  });

  test("Python callables cross without create_proxy: a timer on main calls back into the worker", async () => {
    const r = await w.runPythonAsync(`
import asyncio
fired = []
window.setTimeout(lambda: fired.append("ok"), 10)
for _ in range(200):
    if fired:
        break
    await asyncio.sleep(0.01)
fired`);
    expect(r).toEqual(["ok"]);
  });

  test("listeners: one create_proxy is one function on main, so removeEventListener removes it", async () => {
    const target = new EventTarget();
    (globalThis as any).mainTarget = target;
    try {
      await w.runPython(`
from pyodide.ffi import create_proxy
heard = []
on_ping = create_proxy(lambda e: heard.append(e.type))
t = window.mainTarget
t.addEventListener("ping", on_ping)
`);
      target.dispatchEvent(new Event("ping"));
      await until(async () => (await w.runPython("len(heard)")) === 1);
      await w.runPython("t.removeEventListener('ping', on_ping)");
      target.dispatchEvent(new Event("ping"));
      await new Promise((r) => setTimeout(r, 50));
      expect(await w.runPython("heard")).toEqual(["ping"]);
      await w.runPython("on_ping.destroy()\nt = None");
    } finally {
      delete (globalThis as any).mainTarget;
    }
  });

  test("typed arrays are copied both ways, larger than the initial shared buffer", async () => {
    const size = 5 * 1024 * 1024;
    w.sync.bytes = () => new Uint8Array(size).map((_, i) => i % 251);
    let received: Uint8Array | undefined;
    w.sync.take = (b: Uint8Array) => void (received = b);
    const r = await w.runPython(`
from pyodide.ffi import to_js
b = sync.bytes()
ok = b.length == ${size} and b[250] == 250 and b[251] == 0
sync.take(to_js(bytes(range(256)) * 8192))
ok`);
    expect(r).toBe(true);
    expect(received).toBeInstanceOf(Uint8Array);
    expect(received!.length).toBe(256 * 8192);
    expect(received![255]).toBe(255);
  });

  test("input() asks the main thread's stdin option", async () => {
    const lines = ["first", "second"];
    const reader = await loadPythonWorker({ code: "a = input()\nb = input('prompt> ')", stdin: () => lines.shift() ?? null });
    try {
      expect(await reader.runPython("[a, b]")).toEqual(["first", "second"]);
    } finally {
      reader.terminate();
    }
  });

  test("pyscript names: RUNNING_IN_WORKER, sync; PyWorker raises in a worker, sync on the main thread", async () => {
    expect(await w.runPython(`
import pyscript
r = [pyscript.RUNNING_IN_WORKER]
try:
    pyscript.PyWorker("x.py")
except TypeError as e:
    r.append(str(e))
r`)).toEqual([true, "pyscript.PyWorker works only when running in the main thread"]);
    const { py } = await startPython();
    expect(py.runPython(`
import pyscript
r = [pyscript.RUNNING_IN_WORKER]
try:
    pyscript.sync.f()
except AttributeError as e:
    r.append(str(e))
r`).toJs()).toEqual([false, "pyscript.sync works only when running in a worker"]);
  });
});

describe("no deadlock", () => {
  test("the FAQ's example completes: main awaits a worker function while serving the worker's call", async () => {
    const { py, out: mainOut } = await startPython();
    py.runPython(`
from pyscript import PyWorker

async def main_task():
    value = await pw.sync.worker_task()
    print("main got", value)
    return value

pw = PyWorker(${JSON.stringify(fixture("deadlock.py").href)})
pw.sync.main_task = main_task
`);
    const pw = py.globals.get("pw") as any;
    try {
      await pw.ready;
      expect(mainOut).toContain("main got this is fine");
      expect(await pw.runPython("result")).toBe("this is fine");
    } finally {
      pw.terminate();
    }
  });

  test("named workers: await workers[name] on the main thread gives that worker's sync", async () => {
    const { py } = await startPython();
    const named = loadPythonWorker({ name: "calc", code: "from pyscript import sync\nsync.add = lambda a, b: a + b" });
    try {
      expect(await py.runPythonAsync(`
from pyscript import workers
calc = await workers["calc"]
await calc.add(2, 3)`)).toBe(5);
    } finally {
      (await named).terminate();
    }
  });
});

describe("interrupts and termination", () => {
  test("interrupt() raises KeyboardInterrupt in a busy worker, which keeps working", async () => {
    const busy = w.runPython("while True:\n    pass");
    await new Promise((r) => setTimeout(r, 100));
    w.interrupt();
    const e = await busy.catch((x) => x);
    expect([e.name, e.type]).toEqual(["PythonError", "KeyboardInterrupt"]);
    expect(await w.runPython("'still here'")).toBe("still here");
  });

  test("interrupt() stops a worker blocked on the main thread", async () => {
    w.sync.never = () => new Promise(() => {});
    const blocked = w.runPython("sync.never()");
    await new Promise((r) => setTimeout(r, 100));
    w.interrupt();
    const e = await blocked.catch((x) => x);
    expect(e.type).toBe("KeyboardInterrupt");
    expect(await w.runPython("2 * 21")).toBe(42);
  });

  test("interruptible: false runs Python without the interrupt buffer; interrupt() still ends a wait", async () => {
    const fast = await loadPythonWorker({ interruptible: false, code: "from pyscript import sync", sync: { never: () => new Promise(() => {}) } });
    try {
      const waiting = fast.runPython("sync.never()");
      await new Promise((r) => setTimeout(r, 100));
      fast.interrupt();
      expect((await waiting.catch((e) => e)).type).toBe("KeyboardInterrupt");
      expect(await fast.runPython("sum(range(1000))")).toBe(499500);
    } finally {
      fast.terminate();
    }
    await expect(loadPythonWorker({ interruptible: "yes" } as never)).rejects.toThrow(/interruptible/);
  });

  test("terminate() rejects pending calls; later calls reject too", async () => {
    const t = await loadPythonWorker({ code: "import time" });
    const pending = t.runPython("while True:\n    pass");
    t.terminate();
    await expect(pending).rejects.toThrow(/terminated/);
    await expect(t.runPython("1")).rejects.toThrow(/terminated/);
  });
});

describe("lifetimes", () => {
  test("both sides' references return to baseline after garbage collection", async () => {
    const gc = async () => {
      await w.runPython("import js, gc\ngc.collect()\njs.gc()");
      await collectGarbage();
      await new Promise((r) => setTimeout(r, 120));
    };
    await gc();
    const before = await w.stats();
    (globalThis as any).mainBag = { items: [{ a: 1 }, { b: 2 }] };
    const holders: unknown[] = [];
    w.sync.keep = (f: unknown) => void holders.push(f);
    await w.runPython(`
bag = window.mainBag
seen = [dict(x.to_py()) for x in bag.items]
for i in range(20):
    sync.keep(lambda i=i: i)
bag = None
seen = None`);
    const during = await w.stats();
    expect(during.main.objectsLent).toBeGreaterThan(before.main.objectsLent);
    expect(during.main.workerFunctions).toBe(before.main.workerFunctions + 20);
    holders.length = 0;
    delete (globalThis as any).mainBag;
    await until(async () => {
      await gc();
      const after = await w.stats();
      return after.main.objectsLent === before.main.objectsLent && after.main.workerFunctions === before.main.workerFunctions
        && after.worker.lentToMain === before.worker.lentToMain && after.worker.pyproxies === before.worker.pyproxies;
    }, 10_000);
  });
});

describe.runIf(inBrowser)("the page's DOM from a worker", () => {
  test("document: read and change elements, listen to events with a Python function", async () => {
    document.body.innerHTML = '<input id="name" value="Ada"><p id="out"></p><button id="go">go</button>';
    await w.runPython(`
from pyscript import document
name = document.getElementById("name").value
document.getElementById("out").textContent = "hello " + name
clicks = []
document.getElementById("go").addEventListener("click", lambda e: clicks.append(e.type))
`);
    expect(document.getElementById("out")!.textContent).toBe("hello Ada");
    document.getElementById("go")!.click();
    await until(async () => (await w.runPython("len(clicks)")) === 1);
    expect(await w.runPython("clicks")).toEqual(["click"]);
  });

  test("document.title and document.createElement from the worker", async () => {
    document.title = "worker page";
    const r = await w.runPython(`
el = document.createElement("div")
el.id = "made"
el.textContent = "made in a worker"
document.body.append(el)
document.title`);
    expect(r).toBe("worker page");
    expect(document.getElementById("made")!.textContent).toBe("made in a worker");
  });
});

describe("a deadlock that remains", () => {
  test("awaiting an async worker function inside a call the worker waits for warns after 3 s, naming both", async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(" "));
    try {
      w.sync.main_task = async () => await w.sync.later(1);
      const stuck = w.runPython("sync.main_task()");
      await until(() => warnings.length > 0, 10_000);
      expect(warnings[0]).toMatch(/Possible deadlock.*sync\.main_task\(\).*worker\.sync\.later\(\)/);
      // The way out: interrupting the worker abandons its wait.
      w.interrupt();
      expect((await stuck.catch((e) => e)).type).toBe("KeyboardInterrupt");
      expect(await w.runPython("'recovered'")).toBe("recovered");
    } finally {
      console.warn = warn;
    }
  });
});
