"""The classes of JavaScript objects in Python.

A JsProxy's class is chosen from the capabilities of its JS value (the bits `jsFlags` computes
in rust/src/js/helpers.js): one class per combination, composed here from one class per
capability and cached by the core, so that len(), `in`, indexing, iteration and
isinstance(x, JsArray) follow the JS object. The capability classes are pyodide.ffi's
JsArray, JsMap, JsCallable, ...; they cannot be instantiated from Python.
"""

import _pyffi
from _collections_abc import Mapping, MutableMapping, MutableSequence, Sequence
from _pyffi import JsProxy

# Must match jsFlags() in rust/src/js/helpers.js and `flags` in rust/src/jsproxy.rs.
CALLABLE = 1 << 0
ARRAY = 1 << 1
TYPED_ARRAY = 1 << 2
ARRAY_LIKE = 1 << 3
ITERABLE = 1 << 4
ITERATOR = 1 << 5
GENERATOR = 1 << 6
HAS_GET = 1 << 7
HAS_SET = 1 << 8
HAS_HAS = 1 << 9
HAS_INCLUDES = 1 << 10
HAS_LENGTH = 1 << 11
THENABLE = 1 << 12
ASYNC_ITERABLE = 1 << 13
ASYNC_ITERATOR = 1 << 14
ASYNC_GENERATOR = 1 << 15
ERROR = 1 << 16
BUFFER = 1 << 17
DISPOSABLE = 1 << 18
ASYNC_DISPOSABLE = 1 << 19
DOUBLE_PROXY = 1 << 20
OBJECT_MAP = 1 << 21
OBJECT_MAP_HEREDITARY = 1 << 22

_MISSING = object()
_js = None


def _global():
    global _js
    if _js is None:
        _js = _pyffi.js_global()
    return _js


class _JsObject(JsProxy):
    """What every JsProxy has beyond attribute access, calls and `==` (which are native)."""

    __slots__ = ()
    _js_flags = 0

    def __new__(cls, *args, **kwargs):
        raise TypeError(f"{cls.__name__} cannot be instantiated.")

    def __bool__(self):
        return _pyffi.js_truthy(self)

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(_pyffi.js_dir(self)))

    def object_entries(self):
        """`Object.entries(obj)`, as a JsProxy of the JS array."""
        return _global().Object.entries(self)

    def object_keys(self):
        """`Object.keys(obj)`, as a JsProxy of the JS array."""
        return _global().Object.keys(self)

    def object_values(self):
        """`Object.values(obj)`, as a JsProxy of the JS array."""
        return _global().Object.values(self)

    def as_object_map(self, *, hereditary=False):
        """The object's properties as a mutable mapping: `m["key"]`, `len(m)`, `for k in m`.
        With `hereditary`, inherited enumerable properties count too."""
        return _pyffi.js_rewrap(self, OBJECT_MAP | (OBJECT_MAP_HEREDITARY if hereditary else 0))


class JsCallable(_JsObject):
    """A JS function: call it (keyword arguments become one trailing object) or `new()` it."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        # The core installs a native call slot on every callable class; this is what
        # `JsCallable.__call__(f, ...)` and introspection see.
        return _pyffi.js_call(self, *args, **kwargs)

    def new(self, *args, **kwargs):
        """`new F(...args)`."""
        return _pyffi.js_new(self, *args, **kwargs)


class JsIterable(_JsObject):
    """A JS object with `[Symbol.iterator]`."""

    __slots__ = ()

    def __iter__(self):
        return _pyffi.js_iter(self)


class JsIterator(_JsObject):
    """A JS iterator: an object with `next()`."""

    __slots__ = ()

    def __iter__(self):
        return self

    def __next__(self):
        done, value = _pyffi.js_next(self, "next")
        if done:
            raise StopIteration(value)
        return value

    def send(self, value):
        done, result = _pyffi.js_next(self, "next", value)
        if done:
            raise StopIteration(result)
        return result


class JsGenerator(JsIterator):
    """A JS generator: `send`, `throw` and `close` as Python generators have them."""

    __slots__ = ()

    def throw(self, typ, val=None, tb=None):
        if isinstance(typ, BaseException):
            exc = typ
        elif val is None:
            exc = typ()
        else:
            exc = val if isinstance(val, typ) else typ(val)
        # A JsException crosses as the JS error it holds.
        done, value = _pyffi.js_next(self, "throw", exc)
        if done:
            raise StopIteration(value)
        return value

    def close(self):
        done, _ = _pyffi.js_next(self, "return")
        if not done:
            raise RuntimeError("JavaScript generator ignored return")


def _position(seq, index, message):
    i = index if type(index) is int else index.__index__()
    n = len(seq)
    if i < 0:
        i += n
    if not 0 <= i < n:
        raise IndexError(message)
    return i


class JsArray(_JsObject, Sequence):
    """A JS array or array-like (NodeList, typed array, arguments): indexing with negative
    indices and slices, len, `in`, index, count. Real arrays are also mutable sequences."""

    __slots__ = ()

    def __len__(self):
        return _pyffi.js_len(self)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _pyffi.js_slice(self, *index.indices(len(self)))
        value = _pyffi.js_item(self, _position(self, index, "array index out of range"), _MISSING)
        if value is _MISSING:
            raise IndexError("array index out of range")
        return value

    def __contains__(self, value):
        if self._js_flags & HAS_INCLUDES:
            return _pyffi.js_method(self, "includes", value)
        return Sequence.__contains__(self, value)

    def index(self, value, start=0, stop=None):
        try:
            return Sequence.index(self, value, start, stop)
        except ValueError:
            raise ValueError(f"{value!r} is not in list") from None


class _JsMutableArray(JsArray, MutableSequence):
    """A JS Array: a mutable sequence whose stored Python values live as long as the array keeps them."""

    __slots__ = ()

    def __setitem__(self, index, value):
        if not isinstance(index, slice):
            _pyffi.js_set_item(self, _position(self, index, "list assignment index out of range"), value)
            return
        start, stop, step = index.indices(len(self))
        values = list(value)
        if step == 1:
            _pyffi.js_store(self, "splice", start, max(0, stop - start), *values)
            return
        positions = range(start, stop, step)
        if len(values) != len(positions):
            raise ValueError(f"attempt to assign sequence of size {len(values)} to extended slice of size {len(positions)}")
        for i, v in zip(positions, values):
            _pyffi.js_set_item(self, i, v)

    def __delitem__(self, index):
        if not isinstance(index, slice):
            _pyffi.js_method(self, "splice", _position(self, index, "list assignment index out of range"), 1)
            return
        start, stop, step = index.indices(len(self))
        if step == 1:
            _pyffi.js_method(self, "splice", start, max(0, stop - start))
            return
        for i in sorted(range(start, stop, step), reverse=True):
            _pyffi.js_method(self, "splice", i, 1)

    def insert(self, index, value):
        n = len(self)
        i = index if type(index) is int else index.__index__()
        i = max(0, i + n) if i < 0 else min(i, n)
        _pyffi.js_store(self, "splice", i, 0, value)

    def append(self, value):
        _pyffi.js_store(self, "push", value)

    def push(self, *values):
        """JS `push`, keeping the pushed Python values alive as long as the array holds them."""
        return _pyffi.js_store(self, "push", *values)

    def extend(self, values):
        if values is self:
            values = list(values)
        _pyffi.js_store(self, "push", *values)

    def pop(self, index=-1):
        n = len(self)
        if n == 0:
            raise IndexError("pop from empty list")
        i = index if type(index) is int else index.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("pop index out of range")
        value = self[i]
        _pyffi.js_method(self, "splice", i, 1)
        return value

    def remove(self, value):
        del self[self.index(value)]

    def reverse(self):
        _pyffi.js_method(self, "reverse")

    def clear(self):
        _pyffi.js_method(self, "splice", 0)


class JsMap(_JsObject, Mapping):
    """A JS Map-like object (`get`, `has`, `size`, iterable): a read-only Python mapping."""

    __slots__ = ()

    def __getitem__(self, key):
        value = _pyffi.js_method(self, "get", key)
        if value is None and self._js_flags & HAS_HAS and not _pyffi.js_method(self, "has", key):
            raise KeyError(key)
        return value

    def __len__(self):
        return _pyffi.js_len(self)

    def __iter__(self):
        return iter(_pyffi.js_method(self, "keys"))

    def __contains__(self, key):
        if self._js_flags & HAS_HAS:
            return _pyffi.js_method(self, "has", key)
        return _pyffi.js_method(self, "includes", key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default


class JsMutableMap(JsMap, MutableMapping):
    """A JS Map-like object with `set` and `delete`: a mutable Python mapping."""

    __slots__ = ()

    def __setitem__(self, key, value):
        _pyffi.js_store(self, "set", key, value)

    def __delitem__(self, key):
        if not _pyffi.js_method(self, "delete", key):
            raise KeyError(key)

    def clear(self):
        _pyffi.js_method(self, "clear")


class _JsObjectMap(JsMutableMap):
    """`as_object_map()`: a plain object's properties as a mutable mapping."""

    __slots__ = ()

    def _keys(self):
        if self._js_flags & OBJECT_MAP_HEREDITARY:
            return _pyffi.js_enumerable_keys(self)
        return list(_global().Object.keys(self))

    def _has(self, key):
        if not isinstance(key, str):
            return False
        if self._js_flags & OBJECT_MAP_HEREDITARY:
            return key in self._keys()
        return _global().Object.prototype.hasOwnProperty.call(self, key)

    def __getitem__(self, key):
        if not self._has(key):
            raise KeyError(key)
        return _pyffi.js_item(self, key, None)

    def __setitem__(self, key, value):
        _pyffi.js_set_item(self, key, value)

    def __delitem__(self, key):
        if not self._has(key):
            raise KeyError(key)
        _global().Reflect.deleteProperty(self, key)

    def __len__(self):
        return len(self._keys())

    def __iter__(self):
        return iter(self._keys())

    def __contains__(self, key):
        return self._has(key)

    def clear(self):
        for key in self._keys():
            del self[key]


class _JsSized(_JsObject):
    __slots__ = ()

    def __len__(self):
        return _pyffi.js_len(self)


class _JsContainer(_JsObject):
    __slots__ = ()

    def __contains__(self, value):
        return _pyffi.js_method(self, "has" if self._js_flags & HAS_HAS else "includes", value)


class _JsTypedArray(JsArray):
    """Typed arrays have a fixed length: items can be replaced, not added or removed."""

    __slots__ = ()

    def __setitem__(self, index, value):
        if not isinstance(index, slice):
            _pyffi.js_set_item(self, _position(self, index, "TypedArray assignment index out of range"), value)
            return
        positions = range(*index.indices(len(self)))
        values = list(value)
        if len(values) != len(positions):
            raise ValueError(f"cannot resize a TypedArray: {len(values)} values for {len(positions)} positions")
        for i, v in zip(positions, values):
            _pyffi.js_set_item(self, i, v)


class JsBuffer(_JsObject):
    """An ArrayBuffer, typed array or DataView. Its memory is outside Python's reach: these copy."""

    __slots__ = ()

    def to_memoryview(self):
        """A memoryview over a copy, in the typed array's format (`B` for DataView, ArrayBuffer)."""
        return self.to_py()

    def to_bytes(self):
        return _pyffi.js_buffer_bytes(self)

    def to_string(self, encoding=None):
        """The bytes decoded (UTF-8 unless `encoding` says otherwise)."""
        data = _pyffi.js_buffer_bytes(self)
        if encoding is None:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError("Failed to decode Javascript TypedArray as utf8") from None
        return data.decode(encoding)

    def assign(self, source):
        """Copies a contiguous Python buffer of the same size (and item size) into this one."""
        _pyffi.js_buffer_assign(self, source)

    def assign_to(self, target):
        """Copies this buffer into a writable contiguous Python buffer of the same size."""
        _pyffi.js_buffer_assign_to(self, target)


class JsAsyncIterable(_JsObject):
    """A JS object with `[Symbol.asyncIterator]`: `async for x in obj`."""

    __slots__ = ()

    def __aiter__(self):
        return _pyffi.js_iter(self, True)


class JsAsyncIterator(_JsObject):
    """A JS async iterator (`next()` returns a promise of `{value, done}`)."""

    __slots__ = ()

    def __aiter__(self):
        return self

    async def _step(self, method, *args):
        result = _pyffi.js_method(self, method, *args)
        if isinstance(result, JsPromise):
            result = await result
        if not isinstance(result, JsProxy):
            raise TypeError(f"Result of async iterator {method}() should be an object, not {type(result).__name__}")
        if result.done:
            raise StopAsyncIteration(getattr(result, "value", None))
        return result.value

    def __anext__(self):
        return self._step("next")


class JsAsyncGenerator(JsAsyncIterator):
    """A JS async generator: also `asend`, `athrow` and `aclose`."""

    __slots__ = ()

    def asend(self, value):
        return self._step("next", value)

    def athrow(self, error):
        return self._step("throw", error)

    async def aclose(self):
        try:
            await self._step("return")
        except StopAsyncIteration:
            pass


class JsPromise(_JsObject):
    """A JS Promise (or any thenable): `await` it from a coroutine; `then`, `catch` and
    `finally_` chain as in JS. A rejection raises JsException carrying the JS reason."""

    __slots__ = ()

    def then(self, onfulfilled, onrejected=None):
        # Stored callbacks: JS keeps them until it runs or drops them.
        return _pyffi.js_store(self, "then", onfulfilled, onrejected)

    def catch(self, onrejected):
        return self.then(None, onrejected)

    def finally_(self, onfinally):
        # Promise.resolve gives thenables without `finally` one (called as a method: a call from
        # Python code would give a future).
        return _pyffi.js_store(_pyffi.js_method(_global().Promise, "resolve", self), "finally", onfinally)

    def __await__(self):
        # The iterator of an asyncio future that the core settles when the promise does (not
        # a generator of our own: one frame less on every await).
        return _pyffi.await_promise(self).__await__()


class JsDoubleProxy(_JsObject):
    """A PyProxy seen from Python (what `create_proxy` returns): `unwrap()` gives the Python
    object, `destroy()` frees the PyProxy."""

    __slots__ = ()

    def unwrap(self):
        return _pyffi.js_unwrap(self)

    def destroy(self):
        _pyffi.js_method(self, "destroy")


def _capabilities(flags):
    if flags & DOUBLE_PROXY:
        # A PyProxy's own capabilities are Python's: only its callability matters here.
        yield JsDoubleProxy
        if flags & CALLABLE:
            yield JsCallable
        return
    if flags & GENERATOR:
        yield JsGenerator
    elif flags & ITERATOR:
        yield JsIterator
    if flags & ASYNC_GENERATOR:
        yield JsAsyncGenerator
    elif flags & ASYNC_ITERATOR:
        yield JsAsyncIterator
    if flags & BUFFER:
        yield JsBuffer
    if flags & OBJECT_MAP:
        yield _JsObjectMap
    elif flags & ARRAY:
        yield _JsMutableArray
    elif flags & TYPED_ARRAY:
        yield _JsTypedArray
    elif flags & ARRAY_LIKE:
        yield JsArray
    elif flags & HAS_GET and flags & HAS_LENGTH and flags & ITERABLE:
        yield JsMutableMap if flags & HAS_SET else JsMap
    else:
        if flags & HAS_LENGTH:
            yield _JsSized
        if flags & (HAS_HAS | HAS_INCLUDES):
            yield _JsContainer
    if flags & ITERABLE:
        yield JsIterable
    if flags & ASYNC_ITERABLE and not flags & ASYNC_ITERATOR:
        yield JsAsyncIterable
    if flags & THENABLE:
        yield JsPromise
    if flags & CALLABLE:
        yield JsCallable


def class_for(flags):
    """The class of JsProxies whose JS values have the capability bits `flags` (the core caches it)."""
    bases = tuple(_capabilities(flags)) or (_JsObject,)
    meta = type(Sequence) if any(isinstance(b, type(Sequence)) for b in bases) else type
    return meta("JsProxy", bases, {"__slots__": (), "_js_flags": flags, "__module__": "pyodide.ffi"})


from _pyffi_boot import JsException  # noqa: E402  (the boot module imports this one lazily)

for _cls in (JsBuffer, JsCallable, JsIterable, JsIterator, JsGenerator, JsAsyncIterable, JsAsyncIterator, JsAsyncGenerator,
             JsArray, JsMap, JsMutableMap, JsPromise, JsDoubleProxy):
    _cls.__module__ = "pyodide.ffi"
