"""Type stubs for `pyodide` as @pkg/ffi provides it (`pyodide.ffi`, `pyodide.code`,
`pyodide.webloop`)."""

from . import ffi as ffi
from .ffi import create_once_callable as create_once_callable
from .ffi import create_proxy as create_proxy
from .ffi import to_js as to_js

__version__: str
