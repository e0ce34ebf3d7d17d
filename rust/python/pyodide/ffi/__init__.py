"""`pyodide.ffi`: the Python side of the JavaScript FFI, with Pyodide's names."""

from _pyffi import JsNull, JsProxy as _NativeJsProxy, create_once_callable, create_proxy, destroy_proxies, jsnull, to_js
from _pyffi_bigint import JsBigInt
from _pyffi_errors import ConversionError, JsException
from _pyffi_imports import register_js_module, unregister_js_module
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
    JsTypedArray,
)


IN_PYODIDE = False

__import__("_pyffi_json").install()


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


class _JsVirtualMetaClass(_JsProxyMetaClass):
    # Pyodide's typing-only classes: isinstance answers from the class they stand for.
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls._stands_for)

    def __subclasscheck__(cls, sub):
        return type.__subclasscheck__(cls, sub) or issubclass(sub, cls._stands_for)


class JsWeakRef(JsProxy, metaclass=_JsVirtualMetaClass):
    """A JsProxy of a JS `WeakRef` (what `to_weakref()` gives): `deref()`."""

    _stands_for = JsProxy


class JsDomElement(JsProxy, metaclass=_JsVirtualMetaClass):
    """A JsProxy of a DOM element (a typing aid: every JsProxy passes isinstance, as in Pyodide)."""

    _stands_for = JsProxy


class JsFetchResponse(JsProxy, metaclass=_JsVirtualMetaClass):
    """A JsProxy of a `fetch` Response (a typing aid: every JsProxy passes isinstance, as in Pyodide)."""

    _stands_for = JsProxy


class JsOnceCallable(JsProxy, metaclass=_JsVirtualMetaClass):
    """What `create_once_callable` gives: a JS function that calls the Python one once; `destroy()`."""

    _stands_for = JsCallable


class JsCallableDoubleProxy(JsProxy, metaclass=_JsVirtualMetaClass):
    """A callable `create_proxy` result: `unwrap()`, `destroy()` and calls."""

    _stands_for = JsDoubleProxy


for _cls in (JsWeakRef, JsDomElement, JsFetchResponse, JsOnceCallable, JsCallableDoubleProxy):
    _cls.__module__ = "pyodide.ffi"


class InternalError(Exception):
    """Thrown when a recoverable assertion error occurs in internal code."""


InternalError.__module__ = "pyodide.ffi"

__all__ = [
    "ConversionError",
    "IN_PYODIDE",
    "InternalError",
    "JsCallableDoubleProxy",
    "JsDomElement",
    "JsFetchResponse",
    "JsOnceCallable",
    "JsTypedArray",
    "JsWeakRef",
    "register_js_module",
    "unregister_js_module",
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
