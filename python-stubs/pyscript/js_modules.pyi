"""`pyscript.js_modules`: the JavaScript modules of the configuration's `js_modules.main`."""

from pyodide.ffi import JsProxy

def __getattr__(name: str) -> JsProxy: ...
