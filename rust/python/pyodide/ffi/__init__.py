"""`pyodide.ffi`: the Python side of the JavaScript FFI, with Pyodide's names."""

from _pyffi import JsNull, JsProxy, create_once_callable, create_proxy, destroy_proxies, jsnull, to_js
from _pyffi_boot import ConversionError, JsException
from _pyffi_jsproxy import (
    JsArray,
    JsAsyncGenerator,
    JsAsyncIterable,
    JsAsyncIterator,
    JsBuffer,
    JsCallable,
    JsDoubleProxy,
    JsGenerator,
    JsIterable,
    JsIterator,
    JsMap,
    JsMutableMap,
    JsPromise,
)


IN_PYODIDE = False

__all__ = [
    "ConversionError",
    "IN_PYODIDE",
    "JsArray",
    "JsAsyncGenerator",
    "JsAsyncIterable",
    "JsAsyncIterator",
    "JsBuffer",
    "JsCallable",
    "JsDoubleProxy",
    "JsException",
    "JsGenerator",
    "JsIterable",
    "JsIterator",
    "JsMap",
    "JsMutableMap",
    "JsPromise",
    "JsNull",
    "JsProxy",
    "create_once_callable",
    "create_proxy",
    "destroy_proxies",
    "jsnull",
    "to_js",
]
