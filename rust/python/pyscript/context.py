"""Where PyScript code runs: the page's `window` and `document`, the configuration this runtime
was loaded with (`loadPython({ config })`), and the element `display()` writes to by default
(`loadPython({ target })`, which stands in for PyScript's `<script>` tag). The host fills these
in at load time through `pyscript._host`."""

import js

from .util import NotSupported

try:
    # Registered by a worker that `loadPythonWorker` started, before anything else runs.
    import _pyffi_worker as _worker
except ImportError:
    _worker = None

RUNNING_IN_WORKER = _worker is not None

if RUNNING_IN_WORKER:
    # The main thread's globalThis and document, as JsProxies of the main thread's objects.
    window = _worker.window
    if window is not None:
        document = window.document if _worker.has_document else None
        if document is not None:
            js.document = document
    else:
        if not _worker.sync_main_only:
            js.console.warn(_worker.sab_error)
        window = NotSupported("pyscript.window", _worker.sab_error)
        document = NotSupported("pyscript.document", _worker.sab_error)
    sync = _worker.sync
    PyWorker = NotSupported("pyscript.PyWorker", "pyscript.PyWorker works only when running in the main thread")
else:
    window = js
    document = getattr(js, "document", None)
    sync = NotSupported("pyscript.sync", "pyscript.sync works only when running in a worker")

    def PyWorker(url, **options):
        """Starts Python in a worker running the file at `url`; returns the worker at once (its
        `sync` can be given functions before it is ready; `await worker.ready` waits for it)."""
        from ._host import main_thread_workers
        from .ffi import to_js

        return main_thread_workers().PyWorker(url, to_js(options))

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
