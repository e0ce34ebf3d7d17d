"""PyScript's names: `js`, `window`, `document` (where the host has one) and `ffi`."""

import js

from . import ffi

window = js

__all__ = ["ffi", "js", "window"]

if hasattr(js, "document"):
    document = js.document
    __all__.append("document")
