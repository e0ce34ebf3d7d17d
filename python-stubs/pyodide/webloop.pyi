"""Type stubs for `pyodide.webloop`: the asyncio loop that runs on the JavaScript event loop."""

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

_T = TypeVar("_T")

class PyodideFuture(asyncio.Future[_T]):
    """A future with JS promise methods."""

    def then(self, onfulfilled: Callable[[_T], Any] | None, onrejected: Callable[[BaseException], Any] | None = None) -> PyodideFuture[Any]: ...
    def catch(self, onrejected: Callable[[BaseException], Any]) -> PyodideFuture[Any]: ...
    def finally_(self, onfinally: Callable[[], Any]) -> PyodideFuture[_T]: ...

class PyodideTask(asyncio.Task[_T], PyodideFuture[_T]):
    """A task with JS promise methods."""

class WebLoop(asyncio.AbstractEventLoop):
    """The asyncio event loop of this runtime: its steps run as JS event-loop turns."""

__all__ = ["PyodideFuture", "PyodideTask", "WebLoop"]
