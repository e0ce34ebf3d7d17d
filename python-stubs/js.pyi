"""Type stubs for `js`: JavaScript's `globalThis` as a module. Every global is reachable (the
module-level `__getattr__`); the common ones are typed here, loosely."""

from collections.abc import Callable
from typing import Any

from pyodide.ffi import JsCallable, JsDomElement, JsFetchResponse, JsPromise, JsProxy

def __getattr__(name: str) -> JsProxy: ...

# The global object itself, and the names browsers give it.
globalThis: JsProxy
window: JsProxy
self: JsProxy

# Constructors and functions of the language.
Object: JsCallable
Array: JsCallable
Map: JsCallable
Set: JsCallable
WeakMap: JsCallable
WeakRef: JsCallable
Promise: JsCallable
Error: JsCallable
TypeError: JsCallable
RangeError: JsCallable
Date: JsCallable
RegExp: JsCallable
Number: JsCallable
String: JsCallable
Boolean: JsCallable
BigInt: JsCallable
Symbol: JsCallable
Function: JsCallable
Proxy: JsCallable
ArrayBuffer: JsCallable
DataView: JsCallable
Int8Array: JsCallable
Uint8Array: JsCallable
Uint8ClampedArray: JsCallable
Int16Array: JsCallable
Uint16Array: JsCallable
Int32Array: JsCallable
Uint32Array: JsCallable
Float32Array: JsCallable
Float64Array: JsCallable
BigInt64Array: JsCallable
BigUint64Array: JsCallable
URL: JsCallable
TextEncoder: JsCallable
TextDecoder: JsCallable
AbortController: JsCallable
Event: JsCallable
Math: JsProxy
JSON: JsProxy
Reflect: JsProxy
Intl: JsProxy
console: JsProxy
performance: JsProxy
crypto: JsProxy
NaN: float
Infinity: float

def eval(code: str) -> Any: ...
def parseInt(string: str, radix: int = 10) -> float: ...
def parseFloat(string: str) -> float: ...
def isNaN(value: Any) -> bool: ...
def isFinite(value: Any) -> bool: ...
def encodeURIComponent(value: str) -> str: ...
def decodeURIComponent(value: str) -> str: ...
def structuredClone(value: Any, options: Any = ...) -> Any: ...
def queueMicrotask(callback: Callable[[], Any] | JsProxy) -> None: ...
def setTimeout(callback: Callable[..., Any] | JsProxy, delay: float = 0, *args: Any) -> Any: ...
def clearTimeout(handle: Any) -> None: ...
def setInterval(callback: Callable[..., Any] | JsProxy, delay: float = 0, *args: Any) -> Any: ...
def clearInterval(handle: Any) -> None: ...
def fetch(resource: str | JsProxy, options: Any = ...) -> JsPromise[JsFetchResponse]: ...

# Browsers only (in Node, reading them raises AttributeError).
class _Document(JsProxy):
    @property
    def body(self) -> JsDomElement: ...
    @property
    def head(self) -> JsDomElement: ...
    title: str
    def getElementById(self, elementId: str) -> JsDomElement | None: ...
    def querySelector(self, selectors: str) -> JsDomElement | None: ...
    def querySelectorAll(self, selectors: str) -> Any: ...
    def createElement(self, tagName: str, options: Any = ...) -> JsDomElement: ...
    def createTextNode(self, data: str) -> JsProxy: ...
    def addEventListener(self, event: str, listener: Callable[[Any], Any] | JsProxy, options: Any = ...) -> None: ...
    def removeEventListener(self, event: str, listener: Callable[[Any], Any] | JsProxy, options: Any = ...) -> None: ...

document: _Document
navigator: JsProxy
location: JsProxy
localStorage: JsProxy
sessionStorage: JsProxy
