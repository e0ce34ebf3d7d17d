"""Type stubs for `pyscript` as @pkg/ffi provides it: `js`, `window` (the same module),
`document` (browsers only) and `ffi`."""

import js as js

from . import ffi as ffi

window = js
document: js._Document

__all__ = ["ffi", "js", "window", "document"]
