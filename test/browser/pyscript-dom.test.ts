// The DOM half of the `pyscript` module, in Chromium: `when` on elements, `display`,
// `pyscript.web` (with the FFI user guide's task board written its way), and the FAQ's examples
// that use the page: the file system ones with `fetch`, upload and download, `py:ready`.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { loadPython, type PythonRuntime } from "../../dist/index.js";
import { collectGarbage, startPython, thrown } from "../helpers.js";

let py: PythonRuntime;
let out: string[];
let root: HTMLElement;

beforeAll(async () => {
  root = document.createElement("div");
  root.id = "display-default";
  document.body.append(root);
  ({ py, out } = await startPython({ target: root }));
});
afterEach(() => {
  root.replaceChildren();
  for (const el of document.querySelectorAll("[data-test]")) el.remove();
});

/** Adds elements to the page from HTML; they are removed after the test. */
function page(html: string): HTMLElement {
  const holder = document.createElement("div");
  holder.dataset.test = "";
  holder.innerHTML = html;
  document.body.append(holder);
  return holder;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("when() on DOM elements", () => {
  test("a selector's elements call the handler, with or without the event, no create_proxy needed", () => {
    page('<button class="b" id="b1">one</button><button class="b" id="b2">two</button>');
    py.runPython(`
from pyscript import when
clicks = []

@when("click", ".b")
def on_click(event):
    clicks.append(event.target.id)

@when("click", "#b2")
def no_argument():
    clicks.append("no-argument")
`);
    (document.getElementById("b1") as HTMLButtonElement).click();
    (document.getElementById("b2") as HTMLButtonElement).click();
    expect(py.runPython("clicks").toJs()).toEqual(["b1", "b2", "no-argument"]);
  });

  test("an async handler runs; custom events work; addEventListener options are passed", async () => {
    page('<div id="custom"></div><button id="once">x</button>');
    py.runPython(`
import asyncio
from pyscript import when
heard = []

@when("my-event", "#custom")
async def on_custom(event):
    await asyncio.sleep(0)
    heard.append(event.detail)

@when("click", "#once", once=True)
def only_once():
    heard.append("once")
`);
    document.getElementById("custom")!.dispatchEvent(new CustomEvent("my-event", { detail: "payload" }));
    const button = document.getElementById("once") as HTMLButtonElement;
    button.click();
    button.click();
    // The async handler finishes on a later turn of the loop: wait for it (a loaded machine is slow).
    for (let i = 0; i < 100 && py.runPython("len(heard)") < 2; i++) await sleep(20);
    expect(py.runPython("heard").toJs()).toEqual(["once", "payload"]);
  });

  test("an element, a pyscript.web Element, a collection and a list are targets too", () => {
    const holder = page('<p id="p1"></p><p id="p2" class="c"></p><p id="p3" class="c"></p>');
    py.runPython(`
from pyscript import when, web, document
hits = []
def record(event):
    hits.append(event.target.id)
when("click", document.getElementById("p1"))(record)
when("click", web.page["p2"])(record)
when("click", web.page.find(".c"))(record)
when("click", [document.getElementById("p1")])(record)
`);
    for (const id of ["p1", "p2", "p3"]) (holder.querySelector(`#${id}`) as HTMLElement).click();
    expect(py.runPython("hits").toJs()).toEqual(["p1", "p1", "p2", "p2", "p3"]);
  });

  test("no matching element is PyScript's ValueError", () => {
    expect(thrown(() => py.runPython("from pyscript import when\nwhen('click', '#nothing-here')(print)")).message).toContain(
      "ValueError: No elements found for selector: #nothing-here",
    );
  });

  test("handlers of elements that are gone are freed (nothing leaks)", async () => {
    py.runPython("import gc; gc.collect()");
    await collectGarbage();
    const before = py.stats().pyproxies;
    (() => {
      const holder = page('<button class="leak">a</button><button class="leak">b</button>');
      py.runPython(`
from pyscript import when
@when("click", ".leak")
def on_leak(event):
    pass
del on_leak
`);
      holder.remove();
    })();
    expect(py.stats().pyproxies).toBe(before + 2);
    for (let i = 0; i < 5 && py.stats().pyproxies > before; i++) await collectGarbage();
    expect(py.stats().pyproxies).toBe(before);
  });
});

describe("display()", () => {
  test("strings are escaped text; HTML() is markup; each value gets its own div", () => {
    py.runPython(`
from pyscript import display, HTML
display("<b>not bold</b>", HTML("<i id='italic'>italic</i>"))
`);
    expect(root.children.length).toBe(2);
    expect(root.children[0].textContent).toBe("<b>not bold</b>");
    expect(root.querySelector("b")).toBeNull();
    expect(root.querySelector("#italic")?.textContent).toBe("italic");
  });

  test("representations are tried in PyScript's order: html, svg, png, jpeg, markdown, json, repr", () => {
    py.runPython(`
from pyscript import display
class All:
    def _repr_html_(self): return "<span class='html'>html</span>"
    def _repr_svg_(self): return "<svg class='svg'></svg>"
class Svg:
    def _repr_svg_(self): return "<svg class='svg'><circle r='1'/></svg>"
    def _repr_png_(self): return b"PNG"
class Png:
    def _repr_png_(self): return b"\\x89PNG"
    def _repr_jpeg_(self): return "not used"
class Jpeg:
    def _repr_jpeg_(self): return "anBlZw=="
class Markdown:
    def _repr_markdown_(self): return "# <title>"
    def _repr_json_(self): return {"not": "used"}
class Json:
    def _repr_json_(self): return {"a": [1, "<x>"]}
class Plain:
    def __repr__(self): return "<Plain & simple>"
display(All(), Svg(), Png(), Jpeg(), Markdown(), Json(), Plain())
`);
    const [html, svg, png, jpeg, markdown, json, plain] = [...root.children];
    expect(html.querySelector(".html")?.textContent).toBe("html");
    expect(svg.querySelector("svg.svg circle")).not.toBeNull();
    expect(png.querySelector("img")?.getAttribute("src")).toBe(`data:image/png;base64,${btoa("\x89PNG")}`);
    expect(jpeg.querySelector("img")?.getAttribute("src")).toBe("data:image/jpeg;base64,anBlZw==");
    expect(markdown.textContent).toBe("# <title>");
    expect(json.textContent).toBe('{"a": [1, "<x>"]}');
    expect(plain.textContent).toBe("<Plain & simple>");
  });

  test("_repr_mimebundle_ comes first; a (data, metadata) pair gives the image its attributes", () => {
    py.runPython(`
from pyscript import display
class Bundle:
    def _repr_mimebundle_(self):
        return {"image/png": (b"img", {"width": "10"})}
    def _repr_html_(self): return "<b>not used</b>"
display(Bundle())
`);
    const img = root.querySelector("img")!;
    expect(img.getAttribute("width")).toBe("10");
    expect(root.querySelector("b")).toBeNull();
  });

  test("target by id (with or without #) or element; append=False replaces", () => {
    page('<div id="out"><span>old</span></div>');
    py.runPython(`
from pyscript import display, document
display("a", target="out")
display("b", target="#out")
`);
    expect(document.getElementById("out")!.textContent).toBe("oldab");
    py.runPython("display('only', target='out', append=False)");
    expect(document.getElementById("out")!.innerHTML).toBe("only");
    py.runPython("display('el', target=document.getElementById('out'))");
    expect(document.getElementById("out")!.textContent).toBe("onlyel");
  });

  test("a missing target is PyScript's ValueError; without any target, one that says what to do", async () => {
    expect(thrown(() => py.runPython("from pyscript import display\ndisplay('x', target='missing')")).message).toContain(
      "ValueError: Cannot find element with id='missing' in the page.",
    );
    const { py: untargeted } = await startPython();
    expect(thrown(() => untargeted.runPython("from pyscript import display\ndisplay('x')")).message).toContain(
      "ValueError: display() has no target: pass target='element-id', or load the runtime with loadPython({ target }) to give it a default one",
    );
  });

  test("a target of the wrong type is a TypeError that says what a target is", () => {
    expect(thrown(() => py.runPython("from pyscript import display\ndisplay('x', target=5)")).message).toContain(
      "TypeError: display() target must be an element id, an element or a pyscript.web element, not int",
    );
  });

  test("current_target() is the id of the runtime's target", async () => {
    expect(py.runPython("import pyscript\npyscript.current_target()")).toBe("display-default");
    page('<div id="by-id"></div>');
    const { py: byId } = await startPython({ target: "#by-id" });
    byId.runPython("from pyscript import display\ndisplay('here')");
    expect(document.getElementById("by-id")!.textContent).toBe("here");
    await expect(loadPython({ target: "no-such-element" })).rejects.toThrow('loadPython: target: there is no element with id "no-such-element" in the page');
  });
});

describe("pyscript.web", () => {
  test("page: find, [id], body, title", () => {
    page('<ul id="list"><li class="item">a</li><li class="item">b</li></ul>');
    const r = py.runPython(`
from pyscript import web
items = web.page.find(".item")
old_title = web.page.title
web.page.title = "web title"
[len(items), [i.textContent for i in items], web.page["list"].tagName, web.page["#list"].id, web.page["nope"] is None,
 web.page.body.tagName, type(items).__name__, type(web.page["list"]).__name__]
`);
    expect(r.toJs()).toEqual([2, ["a", "b"], "UL", "list", true, "BODY", "ElementCollection", "ul"]);
    expect(document.title).toBe("web title");
  });

  test("page indices are ids: anything else is a TypeError", () => {
    expect(thrown(() => py.runPython("from pyscript import web\nweb.page[0]")).message).toContain(
      "TypeError: page indices must be element ids (str), not int",
    );
  });

  test("elements by tag: children, id, classes, style, properties and append", () => {
    py.runPython(`
from pyscript import web
box = web.div(
    web.h1("Title"),
    web.p("First <b>bold</b>", classes=["intro", "lead"]),
    "<em>html string</em>",
    id="made",
    classes="box wide",
    style={"color": "red", "font-size": "12px"},
    title="tip",
)
box.append(web.span("appended"), "text", [web.i("in a list")])
web.page.body.append(box)
`);
    const box = document.getElementById("made")!;
    box.dataset.test = "";
    expect(box.tagName).toBe("DIV");
    expect([...box.classList]).toEqual(["box", "wide"]);
    expect(box.style.color).toBe("red");
    expect(box.style.fontSize).toBe("12px");
    expect(box.title).toBe("tip");
    expect(box.querySelector("p.intro.lead b")?.textContent).toBe("bold");
    expect(box.querySelector("em")?.textContent).toBe("html string");
    expect([...box.childNodes].slice(-3).map((n) => n.textContent)).toEqual(["appended", "text", "in a list"]);
  });

  test("classes is a live set; style is a live dict", () => {
    page('<div id="styled" class="a b" style="color: blue"></div>');
    const r = py.runPython(`
from pyscript import web
el = web.page["styled"]
el.classes.add("c d")
el.classes.discard("a")
el.classes.remove("missing")
before = sorted(el.classes)
has = ("b" in el.classes, "a" in el.classes, len(el.classes))
el.style["background-color"] = "white"
del el.style["color"]
styles = (dict(el.style), "color" in el.style, el.style.get("background-color"))
el.classes.clear()
[before, has, styles, len(el.classes)]
`);
    expect(r.toJs({ dict_converter: Object.fromEntries })).toEqual([
      ["b", "c", "d"], [true, false, 3], [{ "background-color": "white" }, false, "white"], 0,
    ]);
  });

  test("element properties read and write the DOM; for_ and class_ are htmlFor and className", () => {
    page('<input id="field" value="start"><label id="lab"></label>');
    const r = py.runPython(`
from pyscript import web
field = web.page["field"]
label = web.page["lab"]
label.for_ = "field"
label.class_ = "lbl"
field.value = "changed"
[field.value, type(field).__name__, label.htmlFor, label.className, field.parent.tagName]
`);
    expect(r.toJs()).toEqual(["changed", "input_", "field", "lbl", "DIV"]);
    expect((document.getElementById("field") as HTMLInputElement).value).toBe("changed");
  });

  test("ElementCollection: indexing, slices, ids, find, and setting on all at once", () => {
    page('<div class="row" id="r1"><span class="cell">1</span></div><div class="row" id="r2"><span class="cell" id="deep">2</span></div>');
    const r = py.runPython(`
from pyscript import web
rows = web.page.find(".row")
first = rows[0].id
sliced = [e.id for e in rows[1:]]
by_id = rows["r2"].id
deep = rows["#deep"].textContent
cells = rows.find(".cell")
cells.innerHTML = "x"
rows.update_all(title="row")
rows.classes.add("done")
rows.style["color"] = "green"
[first, sliced, by_id, deep, len(cells), cells.textContent, "done" in rows.classes]
`);
    expect(r.toJs()).toEqual(["r1", ["r2"], "r2", "2", 2, ["x", "x"], true]);
    for (const row of document.querySelectorAll(".row")) {
      expect((row as HTMLElement).title).toBe("row");
      expect((row as HTMLElement).style.color).toBe("green");
      expect(row.classList.contains("done")).toBe(true);
    }
  });

  test("on_<event>: an Event per DOM event, as an argument or by add_listener", () => {
    const r = py.runPython(`
from pyscript import web
got = []
button = web.button("go", id="go-button", on_click=lambda e: got.append("kwarg"))
button.on_click.add_listener(lambda e: got.append(e.type))
web.page.body.append(button)
got
`);
    const button = document.getElementById("go-button") as HTMLButtonElement;
    button.dataset.test = "";
    button.click();
    expect(r.toJs()).toEqual(["kwarg", "click"]);
    expect(thrown(() => py.runPython("web.div().on_nonsense")).message).toContain("ValueError: Element has no 'nonsense' event.");
  });

  test("clone() copies deeply without the id", () => {
    page('<div id="original"><b>in</b></div>');
    const r = py.runPython(`
from pyscript import web
copy = web.page["original"].clone("copy")
[copy.id, copy.innerHTML, copy == web.page["original"], web.page["original"] == web.page["#original"]]
`);
    expect(r.toJs()).toEqual(["copy", "<b>in</b>", false, true]);
  });

  test("the FFI user guide's task board, the pyscript.web way", () => {
    page('<input id="task-input"><button id="add-task">Add</button><div id="task-list"></div>');
    py.runPython(`
from pyscript import web, when

task_input = web.page["task-input"]
task_list = web.page["task-list"]

def add_task(text):
    task = web.div(web.span(text), classes="task")
    delete = web.button("Delete", classes="delete")

    @when("click", delete)
    def remove_task():
        task.remove()

    task.append(delete)
    task_list.append(task)

@when("click", "#add-task")
def on_add():
    text = task_input.value.strip()
    if text:
        add_task(text)
        task_input.value = ""
`);
    const input = document.getElementById("task-input") as HTMLInputElement;
    const add = document.getElementById("add-task") as HTMLButtonElement;
    for (const text of ["write tests", "  ", "ship it"]) {
      input.value = text;
      add.click();
    }
    const list = document.getElementById("task-list")!;
    expect([...list.querySelectorAll(".task span")].map((s) => s.textContent)).toEqual(["write tests", "ship it"]);
    expect(input.value).toBe("");
    (list.querySelector(".task .delete") as HTMLButtonElement).click();
    expect([...list.querySelectorAll(".task span")].map((s) => s.textContent)).toEqual(["ship it"]);
  });
});

describe("the FAQ's examples", () => {
  test("writing and reading a text file", () => {
    py.runPython(`
with open("./test.txt", "w") as dest:
    dest.write("hello vFS")

# Read and print the written content.
with open("./test.txt", "r") as f:
    content = f.read()
    print(content)
`);
    expect(out.at(-1)).toBe("hello vFS");
  });

  test("writing a binary file fetched from the page's own URL", async () => {
    await py.runPythonAsync(`
# Assume an \`async\` attribute / execution.
from pyscript import fetch, window

href = window.location.href

with open("./page.html", "wb") as dest:
    dest.write(await fetch(href).bytearray())

# Read and print the current HTML page.
with open("./page.html", "r") as source:
    print(source.read())
`);
    // The test page is made per request (its ids differ), so compare its fixed head.
    const head = (await (await fetch(location.href)).text()).slice(0, 40);
    expect(head).toMatch(/^<!DOCTYPE html>/i);
    expect(py.FS.readFile("/home/user/page.html", { encoding: "utf8" }).slice(0, 40)).toBe(head);
    expect(out.join("\n")).toContain(head.split("\n")[0]);
  });

  test("uploading files from an <input type=file> into the file system", async () => {
    page('<input type="file" multiple>');
    py.runPython(`
from pyscript import document, fetch, window

async def on_change(event):
    # For each file the user has selected to upload...
    for file in input.files:
        # create a temporary URL,
        tmp = window.URL.createObjectURL(file)
        # fetch and save its content somewhere,
        with open(f"./{file.name}", "wb") as dest:
            dest.write(await fetch(tmp).bytearray())
        # then revoke the tmp URL.
        window.URL.revokeObjectURL(tmp)

# Grab a reference to the file upload input element and add
# the on_change handler (defined above) to process the files.
input = document.querySelector("input[type=file]")
input.onchange = on_change
`);
    const bytes = new Uint8Array(300).map((_, i) => (i * 7) % 256);
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "upload.bin"));
    transfer.items.add(new File(["text file"], "notes.txt"));
    const input = document.querySelector("input[type=file]") as HTMLInputElement;
    input.files = transfer.files;
    input.dispatchEvent(new Event("change"));
    // The handler opens each file before its fetch settles, so wait for the content, not the name.
    const notesWritten = () =>
      py.FS.exists("/home/user/notes.txt") &&
      py.FS.readFile("/home/user/notes.txt", { encoding: "utf8" }) === "text file";
    for (let i = 0; i < 250 && !notesWritten(); i++) await sleep(20);
    expect(py.FS.readFile("/home/user/upload.bin")).toEqual(bytes);
    expect(py.FS.readFile("/home/user/notes.txt", { encoding: "utf8" })).toBe("text file");
  });

  test("downloading a file from the file system through a temporary link", async () => {
    const bytes = new Uint8Array(256).map((_, i) => 255 - i);
    py.FS.writeFile("/home/user/report.bin", bytes);
    py.runPython(`
from pyscript import document, ffi, window
import os

def download_file(path, mime_type):
    name = os.path.basename(path)
    with open(path, "rb") as source:
        data = source.read()

        # Populate the buffer.
        buffer = window.Uint8Array.new(len(data))
        for pos, b in enumerate(data):
            buffer[pos] = b
        details = ffi.to_js({"type": mime_type})

        # This is JS specific
        file = window.File.new([buffer], name, details)
        tmp = window.URL.createObjectURL(file)
        dest = document.createElement("a")
        dest.setAttribute("download", name)
        dest.setAttribute("href", tmp)
        dest.id = "download-link"
        document.body.appendChild(dest)

download_file("./report.bin", "application/octet-stream")
`);
    const link = document.getElementById("download-link") as HTMLAnchorElement;
    link.dataset.test = "";
    expect(link.getAttribute("download")).toBe("report.bin");
    const downloaded = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
    expect(downloaded).toEqual(bytes);
    URL.revokeObjectURL(link.href);
  });

  test("py:ready and py:done drive a status element, as in the lifecycle examples", async () => {
    const holder = page('<div id="status">bootstrapping</div>');
    const status = holder.querySelector("#status")!;
    const seen: string[] = [];
    const onReady = () => {
      seen.push(status.textContent!);
      status.textContent = "running";
    };
    const onDone = () => {
      seen.push(status.textContent!);
    };
    addEventListener("py:ready", onReady);
    addEventListener("py:done", onDone);
    try {
      const { py: app } = await startPython();
      app.runPython(`
from pyscript import document

# show done after running
status = document.getElementById("status")
status.textContent = "done"
`);
    } finally {
      removeEventListener("py:ready", onReady);
      removeEventListener("py:done", onDone);
    }
    expect(seen).toEqual(["bootstrapping", "done"]);
  });

  test("a JavaScript module from js_modules, used from Python", async () => {
    const { py: withModules } = await startPython({
      config: { js_modules: { main: { [new URL("/test/fixtures/pyscript/greet.js", location.origin).href]: "greet" } } },
    });
    expect(withModules.runPython("from pyscript.js_modules import greet\ngreet.greet('d3 user')")).toBe("Hello, d3 user!");
  });
});
