"""An asyncio event loop driven by the JavaScript event loop.

Nothing blocks: `call_soon` and `call_later` hand their callbacks to the host's scheduler
(setImmediate / setTimeout), and the loop counts as always running, so tasks keep going
between calls into Python.
"""

import asyncio
import sys
import time

import _pyffi


class WebLoop(asyncio.AbstractEventLoop):
    def __init__(self):
        self._task_factory = None
        self._exception_handler = None
        self._debug = False

    def _schedule(self, handle, delay_ms):
        def run():
            if not handle._cancelled:
                handle._run()
        _pyffi.schedule(run, max(0.0, float(delay_ms)))

    def time(self):
        return time.monotonic()

    def call_soon(self, callback, *args, context=None):
        handle = asyncio.Handle(callback, args, self, context)
        self._schedule(handle, 0)
        return handle

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        handle = asyncio.TimerHandle(self.time() + delay, callback, args, self, context)
        self._schedule(handle, delay * 1000)
        return handle

    def call_at(self, when, callback, *args, context=None):
        return self.call_later(when - self.time(), callback, *args, context=context)

    def _timer_handle_cancelled(self, handle):
        pass

    def create_future(self):
        return asyncio.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None, **kwargs):
        if self._task_factory is not None:
            return self._task_factory(self, coro, **kwargs)
        return asyncio.Task(coro, loop=self, name=name, context=context)

    def set_task_factory(self, factory):
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def is_running(self):
        return True

    def is_closed(self):
        return False

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def run_until_complete(self, future):
        raise RuntimeError("the event loop runs on the JavaScript event loop: use `await` "
                           "(runPythonAsync allows top-level await) instead of run_until_complete")

    def run_forever(self):
        raise RuntimeError("the event loop already runs on the JavaScript event loop")

    def stop(self):
        pass

    def close(self):
        pass

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self, timeout=None):
        pass

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        exc = context.get("exception")
        print(message, file=sys.stderr)
        if exc is not None:
            import traceback
            traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        sys.stderr.flush()

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)


_loop = None


def loop():
    global _loop
    if _loop is None:
        _loop = WebLoop()
        asyncio.set_event_loop(_loop)
        asyncio.events._set_running_loop(_loop)
    return _loop


def settle(awaitable, resolve, reject):
    """Runs `awaitable` as a task and settles a JS promise with its outcome."""
    task = asyncio.ensure_future(awaitable, loop=loop())

    def done(t):
        if t.cancelled():
            _pyffi.settle_error(reject, asyncio.CancelledError())
        elif t.exception() is not None:
            _pyffi.settle_error(reject, t.exception())
        else:
            _pyffi.settle(resolve, t.result())

    task.add_done_callback(done)
