# pyodide.code, pyodide.webloop and pyscript through their stubs (no error from pyright; the
# runtime runs it as well).
import asyncio

import pyodide
import pyscript
from pyodide.code import CodeRunner, eval_code, find_imports, relaxed_call
from pyodide.webloop import WebLoop
from pyscript import ffi as pyscript_ffi

value = eval_code("1 + 2", {}, return_mode="last_expr")
assert value == 3
runner = CodeRunner("x = 5\nx * 2").compile()
assert runner.run({}) == 10
modules: list[str] = find_imports("import numpy")
assert modules == ["numpy"]
assert relaxed_call(lambda a: a, 1, 2) == 1

obj = pyscript_ffi.to_js({"k": "v"})
assert obj.k == "v"
assert pyscript_ffi.is_none(None) and pyscript_ffi.direct(3) == 3
assert pyscript.window is pyscript.js
assert isinstance(pyodide.__version__, str)
assert isinstance(asyncio.get_event_loop(), WebLoop)
