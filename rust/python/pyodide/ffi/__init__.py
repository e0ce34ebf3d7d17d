"""`pyodide.ffi`: the Python side of the JavaScript FFI, with Pyodide's names."""

from _pyffi import JsNull, JsProxy as _NativeJsProxy, create_once_callable, create_proxy, destroy_proxies, jsnull, to_js
from _pyffi_boot import ConversionError, JsBigInt, JsException
from _pyffi_sync import can_run_sync, run_sync
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


class _JsProxyMetaClass(type):
    # A JsException is a JsProxy of its JS error too (as in Pyodide), but RustPython cannot give
    # one class both native layouts: the answer comes from here instead of the class hierarchy.
    def __instancecheck__(cls, obj):
        return isinstance(obj, (_NativeJsProxy, JsException))

    def __subclasscheck__(cls, sub):
        return issubclass(sub, (_NativeJsProxy, JsException))


class JsProxy(metaclass=_JsProxyMetaClass):
    """A JavaScript object seen from Python. Every JsProxy (and every JsException) is an
    instance of this class; the concrete classes are JsArray, JsMap, JsCallable, ..."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("JsProxy cannot be instantiated.")


JsProxy.__module__ = "pyodide.ffi"

__all__ = [
    "ConversionError",
    "IN_PYODIDE",
    "JsArray",
    "JsAsyncGenerator",
    "JsAsyncIterable",
    "JsAsyncIterator",
    "JsBigInt",
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
    "run_sync",
]
