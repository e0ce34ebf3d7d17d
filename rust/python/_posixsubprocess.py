"""`subprocess` imports this to start programs; a WebAssembly runtime has none to start."""

import errno as _errno


def fork_exec(*args, **kwargs):
    raise OSError(_errno.ENOSYS, "subprocesses are not supported in WebAssembly")
