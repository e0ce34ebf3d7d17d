"""Where PyScript code runs: the page's `window` and `document`, the configuration this runtime
was loaded with (`loadPython({ config })`), and the element `display()` writes to by default
(`loadPython({ target })`, which stands in for PyScript's `<script>` tag). The host fills these
in at load time through `pyscript._host`."""

import js

RUNNING_IN_WORKER = False

window = js

# PyScript's configuration object as a dict (what a pyscript.json holds), plus "type".
config = {"type": "py"}

# The JsProxy of the default display target, or None.
_target = None


def current_target():
    """The id of the element `display()` writes to when it is given no target ("" when that
    element has no id, None when the runtime was loaded without a `target`)."""
    if _target is None:
        return None
    return str(_target.id)


def default_target():
    """The element `display()` writes to when it is given no target, or None."""
    return _target
