"""`pyodide.ffi`: the Python side of the JavaScript FFI, with Pyodide's names."""

from _pyffi import JsProxy
from _pyffi_boot import JsException

IN_PYODIDE = False

__all__ = ["JsProxy", "JsException", "IN_PYODIDE"]
