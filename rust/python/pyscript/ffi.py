"""`pyscript.ffi`: PyScript's FFI names over `pyodide.ffi`. `to_js` turns dicts into plain
objects unless a `dict_converter` is given."""

import js
from pyodide.ffi import create_proxy, jsnull
from pyodide.ffi import to_js as _to_js

__all__ = ["assign", "create_proxy", "direct", "is_none", "jsnull", "to_js"]


def to_js(value, **kw):
    """`pyodide.ffi.to_js` with dicts becoming plain objects by default."""
    if "dict_converter" not in kw:
        kw["dict_converter"] = js.Object.fromEntries
    return _to_js(value, **kw)


def is_none(value):
    """True for `None` (JS `undefined` and `null` arrive as `None`) and for `jsnull`."""
    return value is None or value is jsnull


def assign(source, *args):
    """`Object.assign(source, to_js(arg))` for each argument, in order; returns `source`."""
    for arg in args:
        js.Object.assign(source, to_js(arg))
    return source


def direct(value):
    """Marks a value to be sent by value to another thread; on the main thread, the value itself."""
    return value
