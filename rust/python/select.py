"""`select` for a runtime with no sockets or pipes to wait on.

`selectors` and `asyncio` import it; waiting with nothing to wait for just sleeps, and asking
to watch a descriptor fails clearly, since no descriptor here can become ready by itself.
"""

import errno as _errno

error = OSError


def select(rlist, wlist, xlist, timeout=None):
    if rlist or wlist or xlist:
        raise OSError(_errno.ENOSYS, "select() on file descriptors is not supported in WebAssembly")
    if timeout is None:
        raise OSError(_errno.EDEADLK, "select() with nothing to wait for and no timeout would never return")
    if timeout < 0:
        raise ValueError("timeout must be non-negative")
    import time
    time.sleep(timeout)
    return [], [], []
