"""Type stubs for `pyscript.ffi`: PyScript's FFI names over `pyodide.ffi` (`to_js` turns dicts
into plain objects unless a `dict_converter` is given)."""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pyodide.ffi import JsArray, JsProxy
from pyodide.ffi import create_proxy as create_proxy
from pyodide.ffi import jsnull as jsnull

_T = TypeVar("_T")

def to_js(
    value: Any,
    *,
    depth: int = -1,
    pyproxies: JsArray[Any] | None = None,
    create_pyproxies: bool = True,
    dict_converter: Callable[[Iterable[JsArray[Any]]], Any] | None = None,
    default_converter: Callable[[Any, Callable[[Any], Any], Callable[[Any, Any], None]], Any] | None = None,
    eager_converter: Callable[[Any, Callable[[Any], Any], Callable[[Any, Any], None]], Any] | None = None,
) -> Any: ...
def is_none(value: Any) -> bool:
    """True for `None` (JS `undefined` and `null` arrive as `None`) and for `jsnull`."""

def assign(source: JsProxy, *args: Any) -> JsProxy:
    """`Object.assign(source, to_js(arg))` for each argument, in order; returns `source`."""

def direct(value: _T) -> _T:
    """Marks a value to be sent by value to another thread; on the main thread, the value itself."""

__all__ = ["assign", "create_proxy", "direct", "is_none", "jsnull", "to_js"]
