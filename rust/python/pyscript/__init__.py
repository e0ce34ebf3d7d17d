"""PyScript's `pyscript` module over this package's FFI: `js`, `window`, `document` (where the
host has one), `ffi`, `fetch`, `when` and `Event`, `display` and `HTML`, `config`,
`current_target`, `RUNNING_IN_WORKER`; and the submodules `web`, `events`, `js_modules`."""

import js

from . import ffi
from .context import RUNNING_IN_WORKER, config, current_target, window
from .display import HTML, display
from .events import Event, when
from .fetch import fetch

__all__ = [
    "Event", "HTML", "RUNNING_IN_WORKER", "config", "current_target", "display", "fetch", "ffi", "js",
    "when", "window",
]

if hasattr(js, "document"):
    document = js.document
    __all__.append("document")
