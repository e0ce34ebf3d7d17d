"""Pyodide-compatible names for code written for Pyodide."""

from . import ffi  # noqa: F401

__version__ = "0.1.0"
