"""`pyodide.ffi.wrappers`: JS timers and event listeners with Python callbacks, without leaks.

A Python callable handed to JS needs a PyProxy that outlives the call that passed it. These
helpers make that proxy and free it when JS can no longer call it: a timeout's after it ran
or was cleared, an interval's when it is cleared, a listener's when it is removed.
"""

import js
from _pyffi import create_once_callable, create_proxy


def _key(handle):
    # setTimeout/setInterval give a number in browsers and a Timeout object in Node.
    return handle if isinstance(handle, int) else handle.js_id


# A listener's proxy, by (target, event type, Python listener), until it is removed.
EVENT_LISTENERS = {}


def add_event_listener(elt, event, listener):
    """`elt.addEventListener(event, listener)` through a proxy kept until `remove_event_listener`."""
    proxy = create_proxy(listener)
    EVENT_LISTENERS[(elt.js_id, event, listener)] = proxy
    elt.addEventListener(event, proxy)


def remove_event_listener(elt, event, listener):
    """Undoes `add_event_listener(elt, event, listener)` and frees its proxy. KeyError if that
    listener was not added."""
    proxy = EVENT_LISTENERS.pop((elt.js_id, event, listener))
    elt.removeEventListener(event, proxy)
    proxy.destroy()


# A pending timeout's once-callable, by its handle; gone once it ran or was cleared.
TIMEOUTS = {}


def set_timeout(callback, timeout):
    """`setTimeout(callback, timeout)`; gives the handle `clear_timeout` takes."""
    key = None

    def run_once():
        try:
            callback()
        finally:
            TIMEOUTS.pop(key, None)

    once = create_once_callable(run_once)
    handle = js.setTimeout(once, timeout)
    key = _key(handle)
    TIMEOUTS[key] = once
    return handle


def clear_timeout(timeout_retval):
    """`clearTimeout(handle)`, freeing the callback if it has not run yet."""
    js.clearTimeout(timeout_retval)
    once = TIMEOUTS.pop(_key(timeout_retval), None)
    if once is not None:
        once.destroy()


# A running interval's proxy, by its handle, until it is cleared.
INTERVAL_CALLBACKS = {}


def set_interval(callback, interval):
    """`setInterval(callback, interval)`; gives the handle `clear_interval` takes."""
    proxy = create_proxy(callback)
    handle = js.setInterval(proxy, interval)
    INTERVAL_CALLBACKS[_key(handle)] = proxy
    return handle


def clear_interval(interval_retval):
    """`clearInterval(handle)`, freeing the callback."""
    js.clearInterval(interval_retval)
    proxy = INTERVAL_CALLBACKS.pop(_key(interval_retval), None)
    if proxy is not None:
        proxy.destroy()


__all__ = [
    "add_event_listener",
    "remove_event_listener",
    "set_timeout",
    "clear_timeout",
    "set_interval",
    "clear_interval",
]
