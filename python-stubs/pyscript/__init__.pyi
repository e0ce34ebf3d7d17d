"""Type stubs for `pyscript` as @pkg/ffi provides it: `js`, `window` (the same module),
`document` (browsers only), `ffi`, and PyScript's `fetch`, `when`/`Event`, `display`/`HTML`,
`config`, `current_target`, `RUNNING_IN_WORKER`; submodules `web`, `events`, `js_modules`."""

from typing import Any

import js as js

from . import ffi as ffi
from .display import HTML as HTML, display as display
from .events import Event as Event, when as when
from .fetch import fetch as fetch

window = js
document: js._Document
config: dict[str, Any]
RUNNING_IN_WORKER: bool

def current_target() -> str | None: ...

__all__ = [
    "Event", "HTML", "RUNNING_IN_WORKER", "config", "current_target", "display", "document", "fetch", "ffi", "js",
    "when", "window",
]
