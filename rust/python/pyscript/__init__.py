"""PyScript's `pyscript` module over this package's FFI: `js`, `window`, `document` (where the
host has one), `ffi`, `fetch`, `when` and `Event`, `display` and `HTML`, `config`,
`current_target`, `RUNNING_IN_WORKER`; and the submodules `web`, `events`, `js_modules`."""

import js

from . import context, ffi
from .context import PyWorker, RUNNING_IN_WORKER, config, current_target, sync, window
from .display import HTML, display
from .fetch import fetch

__all__ = [
    "Event", "HTML", "PyWorker", "RUNNING_IN_WORKER", "config", "current_target", "display", "fetch", "ffi",
    "js", "sync", "when", "window",
]

if context.document is not None:
    document = context.document
    __all__.append("document")

if not RUNNING_IN_WORKER:
    from .workers import workers

    __all__.append("workers")


def __getattr__(name):
    # `when` and `Event` load on first use (PEP 562): their module imports asyncio, which would
    # otherwise be most of a worker's start-up for code that only wants `sync` or `document`.
    if name in ("when", "Event"):
        from . import events

        globals().update(when=events.when, Event=events.Event)
        return globals()[name]
    raise AttributeError(f"module 'pyscript' has no attribute {name!r}")
