"""`pyscript.display` and `pyscript.HTML`."""

from typing import Any

from pyodide.ffi import JsProxy

from .web import Element

class HTML:
    def __init__(self, html: str) -> None: ...
    def _repr_html_(self) -> str: ...

def display(*values: Any, target: str | JsProxy | Element | None = None, append: bool = True) -> None: ...
