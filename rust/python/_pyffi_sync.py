"""`pyodide.ffi.run_sync` and `can_run_sync`. Blocking on an awaitable needs WebAssembly stack
switching (JSPI), which this runtime does not use: `can_run_sync()` is always False and
`run_sync` raises Pyodide's error for a JavaScript runtime without it."""


def can_run_sync():
    """Whether `run_sync` can block here: never, in this runtime."""
    return False


def run_sync(x):
    """Would run the awaitable `x` to completion synchronously; raises RuntimeError here."""
    raise RuntimeError("WebAssembly stack switching not supported in this JavaScript runtime")
