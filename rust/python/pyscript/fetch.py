"""`pyscript.fetch(url, **options)`: the host's `fetch` with Python results. The options are
`RequestInit`'s (`method`, `headers`, `body`, ...), given as keywords. The result can be awaited
for a response (`ok`, `status`, `statusText`, `headers`, ... and `await r.json()`, `.text()`,
`.bytearray()`, `.bytes()`, `.arrayBuffer()`, `.blob()`), or those methods can be called on it
directly: `await fetch(url).json()`. A fetch that fails (no answer at all, not an HTTP error
status) raises a JsException whose message names the URL."""

import js
from pyodide.ffi import JsException, create_proxy

from .ffi import to_js

__all__ = ["fetch"]


class FetchResponse:
    """A `Response`: its properties are the JS object's; the body methods give Python values."""

    def __init__(self, response):
        self._response = response

    def __getattr__(self, name):
        return getattr(self._response, name)

    def __repr__(self):
        return f"<FetchResponse {self._response.status} {self._response.url}>"

    async def arrayBuffer(self):
        """The body as a memoryview (as PyScript gives on Pyodide)."""
        return (await self._response.arrayBuffer()).to_py()

    async def bytes(self):
        return (await self._response.arrayBuffer()).to_bytes()

    async def bytearray(self):
        return bytearray((await self._response.arrayBuffer()).to_bytes())

    async def text(self):
        return await self._response.text()

    async def json(self):
        """The body parsed as JSON into Python values (dicts, lists, ...)."""
        import json  # here: importing it costs more than a worker's start-up

        return json.loads(await self._response.text())

    async def blob(self):
        """The body as a JS `Blob` (a JsProxy)."""
        return await self._response.blob()


# A rejection nobody awaited must not become an unhandled rejection of the host (which ends a
# Node process): every fetch promise gets this handler too. One proxy, kept for good.
_ignore = create_proxy(lambda *_: None)


class FetchRequest:
    """What `fetch` returns: awaitable (once or many times) for the FetchResponse, with the
    body methods as shortcuts."""

    def __init__(self, url, promise):
        self._url = url
        self._promise = promise
        self._response = None
        promise.catch(_ignore)

    def __repr__(self):
        return f"<FetchRequest {self._url}>"

    def __await__(self):
        return self._get().__await__()

    async def _get(self):
        if self._response is None:
            try:
                response = await self._promise
            except JsException as error:
                raise _fetch_failed(self._url, error) from error
            self._response = FetchResponse(response)
        return self._response

    async def arrayBuffer(self):
        return await (await self._get()).arrayBuffer()

    async def bytes(self):
        return await (await self._get()).bytes()

    async def bytearray(self):
        return await (await self._get()).bytearray()

    async def text(self):
        return await (await self._get()).text()

    async def json(self):
        return await (await self._get()).json()

    async def blob(self):
        return await (await self._get()).blob()


def _fetch_failed(url, error):
    # Same JS error name (TypeError for a network failure), with the URL in the message and the
    # original error as its cause.
    failed = JsException(error.name, f"fetch {url!r} failed: {error.message}")
    failed.cause = error
    return failed


def fetch(url, **options):
    """Starts fetching `url` with `RequestInit` options given as keywords (dicts become plain
    objects); returns an awaitable FetchRequest."""
    if not isinstance(url, str):
        url = str(url)
    promise = js.fetch(url, to_js(options)) if options else js.fetch(url)
    return FetchRequest(url, promise)
