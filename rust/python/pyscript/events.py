"""`pyscript.when` and `pyscript.Event`, as PyScript has them.

`@when("click", "#button")` attaches a Python handler to every element a CSS selector matches
(or to an element, a `pyscript.web` element or collection, or a list of elements); the handler
may take the event or nothing, and may be `async`. No `create_proxy` is needed, and nothing
leaks: each listener is a proxy the JS garbage collector frees once its element is gone.
`@when(event)` with an `Event` (or a list of them) listens to that Python-side event instead."""

import asyncio
import functools
import inspect

from pyodide.ffi import create_proxy

from .ffi import is_none, to_js

__all__ = ["Event", "when"]


class Event:
    """A Python-side event: listeners (plain or `async` functions) run on `trigger(result)`."""

    def __init__(self):
        self._listeners = []

    def add_listener(self, listener):
        """Adds `listener` (once: adding it again does nothing)."""
        if not callable(listener):
            raise ValueError("Listener must be callable.")
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, *listeners):
        """Removes the given listeners (those not listening are ignored), or all of them."""
        if not listeners:
            self._listeners = []
            return
        for listener in listeners:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def trigger(self, result):
        """Calls every listener with `result`; `async` ones are scheduled as tasks."""
        for listener in list(self._listeners):
            if inspect.iscoroutinefunction(listener):
                asyncio.ensure_future(listener(result))
            else:
                listener(result)


def _elements(selector):
    """The DOM elements (JsProxies) `selector` stands for."""
    from . import web

    if isinstance(selector, str):
        from .context import window

        return list(window.document.querySelectorAll(selector))
    if isinstance(selector, web.Element):
        return [selector._dom_element]
    if isinstance(selector, web.ElementCollection):
        return [element._dom_element for element in selector]
    if isinstance(selector, (list, tuple)):
        return [item._dom_element if isinstance(item, web.Element) else item for item in selector]
    return [selector]


def _takes_arguments(func):
    original = inspect.unwrap(func)
    try:
        return bool(inspect.signature(original).parameters)
    except (TypeError, ValueError):
        return True


def _handler(func):
    """`func` as a one-argument callable, whether it takes the event or not; an `async` one
    stays a coroutine function (the JS-side call schedules it)."""
    takes_event = _takes_arguments(func)
    if inspect.iscoroutinefunction(func):

        async def handler(event=None):
            return await (func(event) if takes_event else func())

    else:

        def handler(event=None):
            return func(event) if takes_event else func()

    return functools.wraps(func)(handler)


def _dom_listener(handler):
    """The function the element calls: an `async` handler's coroutine is scheduled on the
    running loop (a JS caller would not await it)."""

    def listener(event):
        result = handler(event)
        if inspect.iscoroutine(result):
            asyncio.ensure_future(result)

    return listener


def when(event_type, selector=None, **options):
    """Decorator: calls the function on `event_type`.

    A DOM event: `event_type` is its name ("click", or any custom event's) and `selector` a CSS
    selector, an element, a `pyscript.web` Element or ElementCollection, or a list of elements;
    `options` are `addEventListener`'s (`once`, `capture`, `passive`, `signal`). A Python-side
    event: `event_type` is an `Event` or a list of them, and there is no selector."""
    events = None
    if isinstance(event_type, Event):
        events = [event_type]
    elif isinstance(event_type, (list, tuple)) and event_type and all(isinstance(e, Event) for e in event_type):
        events = list(event_type)
    elif not isinstance(event_type, str):
        raise TypeError(f"when() takes an event name, an Event or a list of Events, not {type(event_type).__name__}")
    elements = None
    if events is None:
        if selector is None or is_none(selector) or selector == "":
            raise ValueError("Selector required for DOM event handling.")
        elements = _elements(selector)
        if not elements:
            raise ValueError(f"No elements found for selector: {selector}")

    def decorator(func):
        handler = _handler(func)
        if events is not None:
            for event in events:
                event.add_listener(handler)
        else:
            js_options = to_js(options) if options else False
            for element in elements:
                # A proxy per element: each is freed when its element (and so its listener list)
                # is collected by the JS engine.
                element.addEventListener(event_type, create_proxy(_dom_listener(handler)), js_options)
        return handler

    return decorator
