"""`pyodide.webloop`: the asyncio loop that runs on the JavaScript event loop, and the future
and task classes it makes (Pyodide's names)."""

from _pyffi_loop import PyodideFuture, PyodideTask, WebLoop

__all__ = ["PyodideFuture", "PyodideTask", "WebLoop"]
