// The pyscript and pyodide.ffi modules, and every example of the PyScript FFI pages
// (../shared/spec/pyscript-ffi*.txt); the DOM ones run in the browser project only.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { type PythonRuntime } from "../dist/index.js";
import { startPython } from "./helpers.js";

let py: PythonRuntime;
let out: string[];
beforeAll(async () => {
  ({ py, out } = await startPython());
});

const hasDom = typeof document !== "undefined";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("to_js", () => {
  test("pyodide.ffi.to_js turns a dict into a Map (the seed)", () => {
    const m = py.runPython('from pyodide.ffi import to_js\n# default into JS new Map([["a", 1], ["b", 2]])\nto_js({"a": 1, "b": 2})');
    expect(m).toBeInstanceOf(Map);
    expect([...m]).toEqual([["a", 1], ["b", 2]]);
  });
  test("pyscript.ffi.to_js turns a dict into a plain object", () => {
    const o = py.runPython('from pyscript.ffi import to_js\n# always default into JS {"a": 1, "b": 2}\nto_js({"a": 1, "b": 2})');
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(o).toEqual({ a: 1, b: 2 });
    expect(py.runPython('import js\nlist(js.Object.keys(to_js({"a": 1, "b": 2})))').toJs()).toEqual(["a", "b"]);
  });
  test("an explicit dict_converter still wins", () => {
    const m = py.runPython("import js\nto_js({'a': [1, {'b': 2}]}, dict_converter=js.eval('(entries) => new Map(entries)'))");
    expect(m).toBeInstanceOf(Map);
  });
  test("the user guide's conversions", () => {
    py.runPython(`
from pyscript.ffi import to_js
# Python dict becomes JavaScript object.
options = {"title": "Hello", "icon": "icon.png"}
js_options = to_js(options)
# Python list becomes JavaScript array.
numbers = [1, 2, 3, 4, 5]
js_array = to_js(numbers)`);
    expect(py.runPython("js_options")).toEqual({ title: "Hello", icon: "icon.png" });
    expect(py.runPython("js_array")).toEqual([1, 2, 3, 4, 5]);
  });
  test("values with no conversion come back unchanged", () => {
    expect(py.runPython("from pyodide.ffi import to_js\ns = 'text'\n(to_js(s) is s, to_js(5), to_js(None) is None)").toJs()).toEqual([true, 5, true]);
  });
  test("a dict with a __proto__ or constructor key pollutes nothing", () => {
    const o = py.runPython("from pyscript.ffi import to_js\nto_js({'__proto__': {'polluted': True}, 'constructor': 1, 'toString': 2})");
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(o)).toEqual(["__proto__", "constructor", "toString"]);
    expect(o.__proto__).toEqual({ polluted: true });
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
    const m = py.runPython("from pyodide.ffi import to_js as pyodide_to_js\npyodide_to_js({'__proto__': 1})");
    expect(m.get("__proto__")).toBe(1);
  });
  test("a dict converted with dict_converter that contains itself becomes an object that contains itself", () => {
    const o = py.runPython("from pyscript.ffi import to_js\nd = {'n': 1}\nd['self'] = d\nto_js(d)");
    expect(o.self).toBe(o);
    expect(o.n).toBe(1);
    const m = py.runPython("import js\nto_js(d, dict_converter=js.eval('(e) => new Map(e)'))");
    expect(m.get("self")).toBe(m);
  });
});

describe("pyscript.ffi helpers", () => {
  test("is_none is true for None and jsnull, and for JS null and undefined", () => {
    expect(py.runPython("import js\nfrom pyscript.ffi import is_none, jsnull\n[is_none(v) for v in (None, jsnull, js.eval('null'), js.eval('undefined'), 0, '', js.Object.new())]").toJs())
      .toEqual([true, true, true, true, false, false, false]);
  });
  test("assign converts each source and merges it into the target (the seed)", () => {
    const opts = py.runPython('from pyscript.ffi import assign\nopts = assign(js.Object.new(), {"width": 800}, {"height": 600})\nopts');
    expect(opts).toEqual({ width: 800, height: 600 });
    expect(py.runPython("assign(opts) is opts")).toBe(true);
  });
  test("the user guide's assign example", () => {
    py.runPython(`
from pyscript.ffi import assign, to_js
from pyscript import js
# Create a base object.
options = js.Object.new()
# Merge in properties.
assign(options, {"width": 800}, {"height": 600})`);
    expect(py.runPython("options")).toEqual({ width: 800, height: 600 });
  });
  test("direct is the identity on the main thread", () => {
    expect(py.runPython("from pyscript.ffi import direct\nx = [1]\ndirect(x) is x")).toBe(true);
  });
  test("create_proxy from pyscript.ffi (the FFI page's last example)", async () => {
    out.length = 0;
    py.runPython(`
from pyscript.ffi import create_proxy
import js

def log(x):
    print(x)

proxy = create_proxy(log)
js.setTimeout(proxy, 10, "success");`);
    await sleep(40);
    expect(out).toContain("success");
    py.runPython("proxy.destroy()");
  });
  test("the pyscript module has js, window and ffi; document only where the host has one", () => {
    expect(py.runPython("import pyscript\n(pyscript.window is pyscript.js or pyscript.window == pyscript.js, pyscript.ffi.__name__)").toJs()).toEqual([true, "pyscript.ffi"]);
    expect(py.runPython("hasattr(pyscript, 'document')")).toBe(hasDom);
  });
  test("accessing JavaScript globals (the user guide)", () => {
    const logged: unknown[] = [];
    const alerts: unknown[] = [];
    const originalLog = console.log;
    const originalAlert = (globalThis as any).alert;
    console.log = (...a: unknown[]) => void logged.push(a.join(" "));
    (globalThis as any).alert = (m: unknown) => void alerts.push(m);
    try {
      py.runPython(`
from pyscript import js
# Call JavaScript functions.
js.console.log("Hello from Python!")
# Access browser APIs.
js.alert("This is an alert")
# Create JavaScript objects.
date = js.Date.new()
print(date.toISOString())`);
    } finally {
      console.log = originalLog;
      (globalThis as any).alert = originalAlert;
    }
    expect(logged).toEqual(["Hello from Python!"]);
    expect(alerts).toEqual(["This is an alert"]);
    expect(out.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe.runIf(hasDom)("DOM examples (browser)", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    document.onclick = null;
  });
  test("is_none on a missing element (the user guide)", () => {
    py.runPython(`
from pyscript.ffi import is_none
from pyscript import js
value = js.document.getElementById("nonexistent")
if is_none(value):
    print("Element not found")`);
    expect(out.at(-1)).toBe("Element not found");
  });
  test("a click handler made with create_proxy (the user guide)", () => {
    document.body.innerHTML = '<button id="my-button">b</button>';
    py.runPython(`
from pyscript.ffi import create_proxy
from pyscript import document
def handle_click(event):
    """
    Handle button clicks.
    """
    print("Button clicked!")
# Create a proxy for the JavaScript event listener.
button = document.getElementById("my-button")
button.addEventListener("click", create_proxy(handle_click))`);
    (document.getElementById("my-button") as HTMLButtonElement).click();
    expect(out.at(-1)).toBe("Button clicked!");
  });
  test("the task board's direct DOM manipulation", () => {
    document.body.innerHTML = '<div id="tasks"></div>';
    py.runPython(`
from pyscript import document
from pyscript.ffi import create_proxy
container = document.getElementById("tasks")
task_text = "Write tests"
def delete_handler(event):
    event.target.parentElement.remove()
# Create element.
task_div = document.createElement("div")
task_div.className = "task"
task_div.textContent = task_text
# Create button with event handler.
delete_btn = document.createElement("button")
delete_btn.textContent = "Delete"
delete_btn.addEventListener("click", create_proxy(delete_handler))
# Assemble the DOM.
task_div.appendChild(delete_btn)
container.appendChild(task_div)`);
    const task = document.querySelector("#tasks .task") as HTMLElement;
    expect(task.firstChild!.textContent).toBe("Write tests");
    (task.querySelector("button") as HTMLButtonElement).click();
    expect(document.querySelector("#tasks .task")).toBeNull();
  });
  test("a sticky lambda on document.onclick (the FAQ)", () => {
    py.runPython(`
from pyscript import document
# logs "click" if nothing else stopped propagation
document.onclick = lambda e: print(e.type)`);
    document.body.click();
    expect(out.at(-1)).toBe("click");
  });
  test("NodeList is a sequence", () => {
    document.body.innerHTML = "<p>a</p><p>b</p>";
    expect(py.runPython("[p.textContent for p in document.querySelectorAll('p')], len(document.querySelectorAll('p'))").toJs()).toEqual([["a", "b"], 2]);
  });
});
