"""`pyscript.when` and `pyscript.Event`."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pyodide.ffi import JsProxy

from .web import Element, ElementCollection

_F = TypeVar("_F", bound=Callable[..., Any])

class Event:
    def __init__(self) -> None: ...
    def add_listener(self, listener: Callable[..., Any]) -> None: ...
    def remove_listener(self, *listeners: Callable[..., Any]) -> None: ...
    def trigger(self, result: Any) -> None: ...

def when(
    event_type: str | Event | Sequence[Event],
    selector: str | JsProxy | Element | ElementCollection | Sequence[JsProxy | Element] | None = None,
    *,
    once: bool = ...,
    capture: bool = ...,
    passive: bool = ...,
    signal: JsProxy = ...,
) -> Callable[[_F], _F]: ...
