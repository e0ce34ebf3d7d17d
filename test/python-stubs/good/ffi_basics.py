# Uses the pyodide.ffi stubs the way programs do; pyright must find no error here, and the
# runtime runs this file too (test/node/python-stubs.test.ts), so the stubs match what exists.
import js
from pyodide.ffi import (
    ConversionError,
    JsArray,
    JsBigInt,
    JsCallable,
    JsDoubleProxy,
    JsException,
    JsMap,
    JsProxy,
    create_once_callable,
    create_proxy,
    destroy_proxies,
    jsnull,
    to_js,
)

array = to_js([3, 1, 2])
assert isinstance(array, JsArray)
numbers: JsArray[int] = array
numbers.append(4)
first: int = numbers[0]
count: int = len(numbers)
assert (first, count) == (3, 4)

as_object = to_js({"a": 1}, dict_converter=js.Object.fromEntries)
assert as_object.a == 1
as_map = to_js({"b": 2}, depth=1, create_pyproxies=True)
assert isinstance(as_map, JsMap)

pyproxies = js.Array.new()
converted = to_js([object()], pyproxies=pyproxies)
destroy_proxies(pyproxies)

length: int = js.Math.max(1, 2)
text: str = js.JSON.stringify(to_js([1, 2]))
assert (length, text) == (2, "[1,2]")

proxy = create_proxy(lambda x: x * 2)
assert isinstance(proxy, JsDoubleProxy)
doubled = proxy.unwrap()(21)
proxy.destroy()
once = create_once_callable(lambda: None)
assert isinstance(once, JsCallable)
once()

try:
    js.JSON.parse("{")
except JsException as e:
    name: str = e.name
    assert name == "SyntaxError"

back = js.Object.new().to_py(depth=1)
assert isinstance(js.Object, JsProxy) and back == {}
assert jsnull is not None and not jsnull
assert int(JsBigInt(5)) == 5
assert issubclass(ConversionError, Exception)
assert doubled == 42 and converted is not None
