"""Type stubs for `pyscript.ffi`: PyScript's FFI names over `pyodide.ffi` (`to_js` turns dicts
into plain objects unless a `dict_converter` is given)."""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pyodide.ffi import JsArray, JsProxy
from pyodide.ffi import create_proxy as create_proxy
from pyodide.ffi import jsnull as jsnull
# The same options as pyodide.ffi's; only the default dict_converter differs (plain objects).
from pyodide.ffi import to_js as to_js

_T = TypeVar("_T")

def is_none(value: Any) -> bool:
    """True for `None` (JS `undefined` and `null` arrive as `None`) and for `jsnull`."""

def assign(source: JsProxy, *args: Any) -> JsProxy:
    """`Object.assign(source, to_js(arg))` for each argument, in order; returns `source`."""

def direct(value: _T) -> _T:
    """Marks a value to be sent by value to another thread; on the main thread, the value itself."""

__all__ = ["assign", "create_proxy", "direct", "is_none", "jsnull", "to_js"]
