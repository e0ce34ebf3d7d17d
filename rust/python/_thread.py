"""Threads for a runtime that has exactly one: locks work, starting a thread is refused.

The wasm build has no threads, so `start_new_thread` raises RuntimeError as Pyodide's does,
and a lock that would block forever raises instead of hanging the page.
"""

error = RuntimeError
TIMEOUT_MAX = float(2**31)
_MAIN_IDENT = 1


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _MAIN_IDENT


def _get_main_thread_ident():
    return _MAIN_IDENT


def _is_main_interpreter():
    return True


def daemon_threads_allowed():
    return True


def _count():
    return 0


def stack_size(size=0):
    if size:
        raise error("setting the stack size is not supported")
    return 0


def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("can't start new thread: this Python runtime (WebAssembly) has no threads")


start_new = start_new_thread


def start_joinable_thread(function, handle=None, daemon=True):
    raise RuntimeError("can't start new thread: this Python runtime (WebAssembly) has no threads")


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


def _shutdown():
    pass


def set_name(name):
    pass


class LockType:
    """A lock in a single-threaded world: a blocking acquire of a held lock could never end."""

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if timeout is not None and timeout >= 0:
            import time
            time.sleep(timeout)
            return False
        raise RuntimeError("deadlock: acquiring a lock this (only) thread already holds")

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return f"<{'locked' if self._locked else 'unlocked'} _thread.lock object at {id(self):#x}>"


lock = LockType


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0

    def _recursion_count(self):
        return self._count

    def _release_save(self):
        count, self._count = self._count, 0
        return count

    def _acquire_restore(self, count):
        self._count = count

    def _at_fork_reinit(self):
        self._count = 0

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


class _ThreadHandle:
    def __init__(self, ident=_MAIN_IDENT):
        self.ident = ident
        self._done = False

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True

    def join(self, timeout=None):
        pass

    def set_done(self):
        self._done = True


def _make_thread_handle(ident):
    return _ThreadHandle(ident)


def _get_thread_handle():
    return _ThreadHandle()


class _local:
    """Thread-local data: with one thread, plain per-instance attributes."""


class _ExceptHookArgs(tuple):
    exc_type = property(lambda s: s[0])
    exc_value = property(lambda s: s[1])
    exc_traceback = property(lambda s: s[2])
    thread = property(lambda s: s[3])


def _excepthook(args):
    import sys
    import traceback
    print("Exception in thread:", file=sys.stderr)
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=sys.stderr)
