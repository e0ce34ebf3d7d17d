"""Pyodide-compatible names for code written for Pyodide."""

from . import ffi  # noqa: F401
from .ffi import create_once_callable, create_proxy, to_js  # noqa: F401

__version__ = "0.1.0"
