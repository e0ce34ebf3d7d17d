"""Type stubs for `pyscript` as @pkg/ffi provides it: `js`, `window` (the same module),
`document` (browsers only), `ffi`, and PyScript's `fetch`, `when`/`Event`, `display`/`HTML`,
`config`, `current_target`, `RUNNING_IN_WORKER`; the worker names `sync` (in a worker), `PyWorker`
and `workers` (on the main thread); submodules `web`, `events`, `js_modules`, `workers`."""

from typing import Any

import js as js
from pyodide.ffi import JsPromise

from . import ffi as ffi
from .display import HTML as HTML, display as display
from .events import Event as Event, when as when
from .fetch import fetch as fetch

window = js
document: js._Document
config: dict[str, Any]
RUNNING_IN_WORKER: bool

def current_target() -> str | None: ...

class _Sync:
    """`pyscript.sync` in a worker: reading a name gives the main thread's function of that name
    (called synchronously); setting one exports a function to the main thread."""

    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any) -> None: ...

sync: _Sync

class _PythonWorker:
    """A worker started from Python on the main thread (`PyWorker`)."""

    sync: Any
    ready: JsPromise
    def runPython(self, code: str) -> JsPromise: ...
    def runPythonAsync(self, code: str) -> JsPromise: ...
    def interrupt(self) -> None: ...
    def terminate(self) -> None: ...

def PyWorker(url: str, **options: Any) -> _PythonWorker:
    """Starts Python in a worker running the file at `url` (main thread only); returns at once."""
    ...

from .workers import workers as workers

__all__ = [
    "Event", "HTML", "PyWorker", "RUNNING_IN_WORKER", "config", "current_target", "display", "document", "fetch",
    "ffi", "js", "sync", "when", "window", "workers",
]
