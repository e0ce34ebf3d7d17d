// Cases that need a DOM: they run in the Chromium project only (Pyodide loads there from
// node_modules, served by the test server).
import type { CompatCase } from "../runner.js";

export const dom: CompatCase[] = [
  {
    name: "document.createElement gives an element whose tagName reads back",
    dom: true,
    run: (c) => c.run("import js\nel = js.document.createElement('div')\nel.tagName"),
  },
  {
    name: "an element is a JsDomElement in Python",
    dom: true,
    run: (c) => c.run("import js\nfrom pyodide.ffi import JsProxy\nel = js.document.createElement('span')\nrepr((isinstance(el, JsProxy), type(el).__name__))"),
  },
  {
    name: "setting document.title from Python is seen in JS",
    dom: true,
    run: (c) => {
      c.run("import js\njs.document.title = 'from python'");
      const t = document.title;
      document.title = "";
      return t;
    },
  },
  {
    name: "a child appended from Python is in the document",
    dom: true,
    run: (c) => {
      c.run("import js\nd = js.document.createElement('p')\nd.id = 'compat-dom-p'\nd.textContent = 'hi'\njs.document.body.appendChild(d)");
      const p = document.getElementById("compat-dom-p");
      const text = p?.textContent;
      p?.remove();
      return text;
    },
  },
  {
    name: "a create_proxy event listener runs on a dispatched event",
    dom: true,
    run: (c) =>
      c.run(`import js
from pyodide.ffi import create_proxy
seen = []
btn = js.document.createElement('button')
handler = create_proxy(lambda e: seen.append(e.type))
btn.addEventListener('click', handler)
btn.click()
btn.removeEventListener('click', handler)
handler.destroy()
repr(seen)`),
  },
  {
    name: "querySelectorAll gives an iterable NodeList with a length",
    dom: true,
    run: (c) =>
      c.run(`import js
box = js.document.createElement('div')
for i in range(3):
    box.appendChild(js.document.createElement('i'))
nodes = box.querySelectorAll('i')
repr((len(nodes), [n.tagName for n in nodes]))`),
  },
  {
    name: "a DOMException thrown into Python is a JsException",
    dom: true,
    run: (c) =>
      c.run(`import js
from pyodide.ffi import JsException
try:
    js.document.querySelector('###')
    r = 'no error'
except JsException as e:
    r = (type(e).__name__, e.name)
repr(r)`),
  },
  {
    name: "a borrowed element argument is usable during the call",
    dom: true,
    run: (c) => {
      const f = c.run("def tag_of(el):\n    return el.tagName.lower()\ntag_of");
      const r = f(document.createElement("section"));
      f.destroy();
      return r;
    },
  },
];
