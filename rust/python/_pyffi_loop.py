"""An asyncio event loop driven by the JavaScript event loop.

Nothing blocks: ready callbacks wait in one queue that the host drains in a later turn of its
event loop (setImmediate / a MessageChannel), timers are the host's setTimeout, a task awaiting
a JS promise goes on in the promise's microtask, and the loop counts as always running, so
tasks keep going between calls into Python.
"""

import asyncio
import collections
import contextvars
import functools
import inspect
import sys
import time

import _pyffi


_Handle = asyncio.Handle
_new_handle = object.__new__


class PyodideFuture(asyncio.Future):
    """The loop's futures (and what a JS call that returns a promise gives): an asyncio Future
    with the JS promise methods `then`, `catch` and `finally_`, each giving a new future."""

    __slots__ = ()

    def _chain(self, settle):
        # `settle(outcome_future, result_future)` runs in a task once this future is done, so
        # that it may await what a callback returns.
        result = PyodideFuture(loop=self.get_loop())

        async def run(done):
            try:
                await settle(done, result)
            except Exception as exc:
                if not result.done():
                    result.set_exception(exc)

        self.add_done_callback(lambda done: asyncio.ensure_future(run(done)))
        return result

    def then(self, onfulfilled, onrejected=None):
        """A future of what `onfulfilled(result)` or `onrejected(exception)` returns (awaited
        while it is awaitable); a missing callback passes the outcome on."""

        async def settle(done, result):
            if done.cancelled():
                result.cancel()
                return
            exc = done.exception()
            if exc is not None:
                if onrejected is None:
                    raise exc
                value = onrejected(exc)
            else:
                value = done.result() if onfulfilled is None else onfulfilled(done.result())
            while inspect.isawaitable(value):
                value = await value
            result.set_result(value)

        return self._chain(settle)

    def catch(self, onrejected):
        """`then(None, onrejected)`."""
        return self.then(None, onrejected)

    def finally_(self, onfinally):
        """A future with this one's outcome, settled after `onfinally()` (awaited while it is
        awaitable) ran; an exception from `onfinally` replaces the outcome."""

        async def settle(done, result):
            value = onfinally()
            while inspect.isawaitable(value):
                value = await value
            if done.cancelled():
                result.cancel()
            elif done.exception() is not None:
                result.set_exception(done.exception())
            else:
                result.set_result(done.result())

        return self._chain(settle)


class PyodideTask(asyncio.Task, PyodideFuture):
    """The loop's tasks: asyncio Tasks with PyodideFuture's `then`, `catch` and `finally_`."""

    __slots__ = ()


PyodideFuture.__module__ = PyodideTask.__module__ = "pyodide.webloop"


class WebLoop(asyncio.AbstractEventLoop):
    def __init__(self):
        self._task_factory = None
        self._exception_handler = None
        self._ready = collections.deque()
        self._turn_requested = False
        self.set_debug(False)

    def _enqueue(self, handle):
        # One host turn runs every handle that is ready: a callback costs a deque append, not
        # a crossing of its own.
        self._ready.append(handle)
        self._request_turn()

    def _request_turn(self):
        # At most one host turn is pending at a time.
        if not self._turn_requested:
            self._turn_requested = True
            _pyffi.request_turn()

    def _host_turn(self):
        # Handles queued while these run wait for the next host turn (asyncio's rule), so a
        # task that never blocks still lets the page and its timers run.
        self._turn_requested = False
        self._run_ready()
        if self._ready:
            self._request_turn()

    def _run_ready(self):
        ready = self._ready
        for _ in range(len(ready)):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            # Handle._run without its extra call: every await passes through here.
            try:
                handle._context.run(handle._callback, *handle._args)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self.call_exception_handler({
                    "message": f"Exception in callback {handle._callback!r}",
                    "exception": exc,
                    "handle": handle,
                })

    def time(self):
        return time.monotonic()

    def call_soon(self, callback, *args, context=None):
        if self._debug:
            handle = _Handle(callback, args, self, context)
            self._enqueue(handle)
            return handle
        # Handle.__init__ without its get_debug() call: every await passes through here.
        handle = _new_handle(_Handle)
        handle._context = contextvars.copy_context() if context is None else context
        handle._loop = self
        handle._callback = callback
        handle._args = args
        handle._cancelled = False
        handle._repr = None
        handle._source_traceback = None
        self._ready.append(handle)  # _enqueue and _request_turn, inlined
        if not self._turn_requested:
            self._turn_requested = True
            _pyffi.request_turn()
        return handle

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        handle = asyncio.TimerHandle(self.time() + delay, callback, args, self, context)
        if delay <= 0:
            self._enqueue(handle)
        else:
            # A due timer joins the back of the ready queue, behind callbacks already queued.
            _pyffi.schedule(lambda: self._enqueue(handle), float(delay) * 1000)
        return handle

    def call_at(self, when, callback, *args, context=None):
        return self.call_later(when - self.time(), callback, *args, context=context)

    def _timer_handle_cancelled(self, handle):
        pass

    def create_future(self):
        return PyodideFuture(loop=self)

    def create_task(self, coro, *, name=None, context=None, **kwargs):
        if self._task_factory is not None:
            return self._task_factory(self, coro, **kwargs)
        return PyodideTask(coro, loop=self, name=name, context=context)

    def set_task_factory(self, factory):
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def is_running(self):
        return True

    def is_closed(self):
        return False

    def set_debug(self, enabled):
        self._debug = bool(enabled)
        # `get_debug` is a builtin bound method, not a Python one: every native Future and Task
        # asks for it when it is made.
        self.get_debug = self._debug.__bool__

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


# Importing this module installs the loop (the boot module imports it right after asyncio).
_loop = WebLoop()
asyncio.set_event_loop(_loop)
asyncio.events._set_running_loop(_loop)
_pyffi.set_loop(functools.partial(PyodideFuture, loop=_loop), _loop._host_turn, _loop._run_ready)


def loop():
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
