"""The classes of JavaScript objects in Python.

A JsProxy's class is chosen from the capabilities of its JS value (the bits `jsFlags` computes
in rust/src/host/helpers.js): one class per combination, composed here from one class per
capability and cached by the core, so that len(), `in`, indexing, iteration and
isinstance(x, JsArray) follow the JS object. The capability classes are pyodide.ffi's
JsArray, JsMap, JsCallable, ...; they cannot be instantiated from Python.
"""

import _pyffi
from _collections_abc import Mapping, MutableMapping, MutableSequence, Sequence
from _pyffi import JsArraySlots, JsConvertible, JsProxy
from _pyffi_errors import JsException

# The JS capability bits as module constants (CALLABLE, ARRAY, TYPED_ARRAY, ..., MODULE),
# declared once in rust/wire (JsFlag). OBJECT_MAP, OBJECT_MAP_HEREDITARY, PY_JSON and
# MODULE are set here and by the core, never by jsFlags in helpers.js.
globals().update(_pyffi.JS_FLAGS)

# Pyodide's INCLUDE_OBJMAP_METHODS: what counts as a plain object.
_NOT_PLAIN = ARRAY | TYPED_ARRAY | ARRAY_LIKE | BUFFER | DOUBLE_PROXY | ITERATOR | CALLABLE | ERROR

_js = None


def _global():
    global _js
    if _js is None:
        _js = _pyffi.js_global()
    return _js


class _JsObject(JsConvertible):
    """What every JsProxy has beyond attribute access, calls, `==` and `to_py` (which are native)."""

    __slots__ = ()
    _js_flags = 0
    # `==` is JS identity, so (as in Pyodide) a JsProxy is not hashable: key by `js_id`.
    __hash__ = None

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

    def to_weakref(self):
        """A JS `WeakRef` to the object (`.deref()` gives it back while it is alive)."""
        return _global().WeakRef.new(self)


def _nested(value, flags):
    """An item read through an object map or JSON view: nested JS objects become views too
    (Pyodide's JsProxy_create_objmap)."""
    if not isinstance(value, JsProxy):
        return value
    inner = _pyffi.js_flags_of(value)
    if flags & PY_JSON:
        if inner & (ARRAY | ARRAY_LIKE | ITERATOR):
            return _pyffi.js_rewrap(value, inner | PY_JSON)
        if not inner & _NOT_PLAIN:
            return _pyffi.js_rewrap(value, OBJECT_MAP | PY_JSON)
        return value
    if flags & OBJECT_MAP_HEREDITARY and not inner & _NOT_PLAIN:
        return _pyffi.js_rewrap(value, OBJECT_MAP | OBJECT_MAP_HEREDITARY)
    return value


class _JsPlainObject(_JsObject):
    """The views of a plain object (Pyodide gives them to nothing else)."""

    __slots__ = ()

    def as_object_map(self, *, hereditary=False):
        """The object's own enumerable properties as a mutable mapping: `m["key"]`, `len(m)`,
        `for k in m`. With `hereditary`, nested plain objects are object maps too.
        (Deprecated in Pyodide for as_py_json(); its warning is not one Python code can catch.)"""
        return _pyffi.js_rewrap(self, OBJECT_MAP | (OBJECT_MAP_HEREDITARY if hereditary else 0))

    def as_py_json(self):
        """The object as a JSON-like mapping whose nested objects and arrays are views too."""
        return _pyffi.js_rewrap(self, OBJECT_MAP | PY_JSON)


class JsCallable(_JsObject):
    """A JS function: call it (keyword arguments become one trailing object) or `new()` it."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        # The core installs a native call slot on every callable class; this is what
        # `JsCallable.__call__(f, ...)` and introspection see.
        return _pyffi.js_call(self, *args, **kwargs)

    def __get__(self, instance, owner=None):
        # Stored on a Python class, a JS function is a method: `this` is the instance.
        if instance is None:
            return self
        return _pyffi.js_bind(self, instance)

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
        # The exception crosses as a PythonError (a JsException as the JS error it holds); what
        # the generator lets out comes back as the original exception.
        done, value = _pyffi.js_next(self, "throw", exc)
        if done:
            raise StopIteration(value)
        return value

    def close(self):
        done, _ = _pyffi.js_next(self, "return")
        if not done:
            raise RuntimeError("JavaScript generator ignored return")


def _int_index(index):
    if type(index) is int:
        return index
    if hasattr(type(index), "__index__"):
        return index.__index__()
    raise TypeError(f"list indices must be integers or slices, not {type(index).__name__}")


class JsArray(_JsObject, JsArraySlots, Sequence):
    """A JS array or array-like (NodeList, typed array, arguments): indexing with negative
    indices and slices, len, `in`, index, count. Real arrays are also mutable sequences."""

    __slots__ = ()

    # Native (rust/src/jsproxy/array.rs): `arr[i]` runs no Python code. Named here, not only
    # inherited, so that they come before _JsSized's and _JsContainer's Python methods in the
    # composed classes' MRO, whose slots RustPython then takes from these wrappers.
    __len__ = JsArraySlots.__len__
    __getitem__ = JsArraySlots.__getitem__
    __contains__ = JsArraySlots.__contains__

    def index(self, value, start=0, stop=None):
        try:
            return Sequence.index(self, value, start, stop)
        except ValueError:
            raise ValueError(f"{value!r} is not in list") from None


def _concat(seq, other):
    result = _global().Array.from_(seq)
    values = list(other)
    if values:
        _pyffi.js_store(result, "push", *values)
    return result


def _repeat(seq, count):
    n = _int_index(count)
    copy = _global().Array.from_(seq)
    if n <= 0:
        return _global().Array.new()
    return _pyffi.js_method(copy, "concat", *([copy] * (n - 1))) if n > 1 else copy


class _JsArrayLike(JsArray):
    """NodeList, arguments, ...: read-only, but `+` and `*` give new arrays."""

    __slots__ = ()

    def __add__(self, other):
        return _concat(self, other)

    def __mul__(self, count):
        return _repeat(self, count)

    __rmul__ = __mul__

    def as_py_json(self):
        return _pyffi.js_rewrap(self, self._js_flags | PY_JSON)


class _JsMutableArray(JsArray, MutableSequence):
    """A JS Array: a mutable sequence whose stored Python values live as long as the array keeps them."""

    __slots__ = ()

    @property
    def keys(self):
        # Hidden, as in Pyodide: Python takes anything with `keys` for a mapping (dict(pairs)).
        raise AttributeError("keys")

    def __setitem__(self, index, value):
        if type(index) is int and index >= 0:
            _pyffi.js_set_item(self, index, value)
            return
        if not isinstance(index, slice):
            i = _int_index(index)
            if i < 0:
                i += _pyffi.js_len(self)
            _pyffi.js_set_item(self, i, value)
            return
        start, stop, step = index.indices(len(self))
        try:
            values = list(iter(value))
        except TypeError:
            if hasattr(type(value), "__iter__") or hasattr(type(value), "__getitem__"):
                raise
            raise TypeError("must assign iterable to extended slice") from None
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
            i = _int_index(index)
            n = len(self)
            if i < 0:
                i += n
            if not 0 <= i < n:
                raise IndexError(index)
            _pyffi.js_method(self, "splice", i, 1)
            return
        start, stop, step = index.indices(len(self))
        if step == 1:
            _pyffi.js_method(self, "splice", start, max(0, stop - start))
            return
        for i in sorted(range(start, stop, step), reverse=True):
            _pyffi.js_method(self, "splice", i, 1)

    def __add__(self, other):
        return _concat(self, other)

    def __mul__(self, count):
        return _repeat(self, count)

    __rmul__ = __mul__

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __imul__(self, count):
        n = _int_index(count)
        if n <= 0:
            self.clear()
        elif n > 1:
            copy = _global().Array.from_(self)
            js = _global()
            push = _pyffi.js_item(js.Array.prototype, "push", None)
            js.Reflect.apply(push, self, _pyffi.js_method(copy, "concat", *([copy] * (n - 2))))
        return self

    def insert(self, index, value):
        n = len(self)
        i = _int_index(index)
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
        values = list(values)
        if values:
            _pyffi.js_store(self, "push", *values)

    def pop(self, index=-1):
        n = len(self)
        if n == 0:
            raise IndexError("pop from empty list")
        i = _int_index(index)
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

    def as_py_json(self):
        return _pyffi.js_rewrap(self, self._js_flags | PY_JSON)


def _map_get(self, key):
    value = _pyffi.js_method(self, "get", key)
    if value is None and self._js_flags & HAS_HAS and not _pyffi.js_method(self, "has", key):
        raise KeyError(key)
    return value


def _map_set(self, key, value):
    _pyffi.js_store(self, "set", key, value)


def _map_delete(self, key):
    if not _pyffi.js_method(self, "delete", key):
        raise KeyError(key)


def _container_has(self, value):
    return _pyffi.js_method(self, "has" if self._js_flags & HAS_HAS else "includes", value)


class JsMap(_JsObject, Mapping):
    """A JS Map-like object (`get`, `size` or `length`, iterable): a read-only Python mapping."""

    __slots__ = ()

    __getitem__ = _map_get

    def __len__(self):
        return _pyffi.js_len(self)

    def __iter__(self):
        if _pyffi.js_has_method(self, "keys"):
            return iter(_pyffi.js_method(self, "keys"))
        return _pyffi.js_iter(self)

    def __contains__(self, key):
        if self._js_flags & (HAS_HAS | HAS_INCLUDES):
            return _container_has(self, key)
        return Mapping.__contains__(self, key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default


class JsMutableMap(JsMap, MutableMapping):
    """A JS Map-like object with `set` and `delete`: a mutable Python mapping."""

    __slots__ = ()

    __setitem__ = _map_set
    __delitem__ = _map_delete

    def clear(self):
        if _pyffi.js_has_method(self, "clear"):
            _pyffi.js_method(self, "clear")
        else:
            MutableMapping.clear(self)


class _JsObjectMap(JsMutableMap):
    """`as_object_map()` / `as_py_json()`: a plain object's own enumerable string keys as a
    mutable mapping."""

    __slots__ = ()

    def __getitem__(self, key):
        if type(key) is not str or not _pyffi.js_has_own(self, key):
            raise KeyError(key)
        value = _pyffi.js_item(self, key, None)
        return _nested(value, self._js_flags)

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("Can only assign keys of type string to JavaScript object map")
        _pyffi.js_set_item(self, key, value)

    def __delitem__(self, key):
        if type(key) is not str or not _pyffi.js_has_own(self, key):
            raise KeyError(key)
        _global().Reflect.deleteProperty(self, key)

    def __len__(self):
        return len(_pyffi.js_own_keys(self))

    def __iter__(self):
        return iter(_pyffi.js_own_keys(self))

    def __contains__(self, key):
        return type(key) is str and _pyffi.js_has_own(self, key)

    def clear(self):
        for key in _pyffi.js_own_keys(self):
            _global().Reflect.deleteProperty(self, key)


class _JsJsonSequence(_JsObject):
    """as_py_json() of an array or iterator: what it gives is a JSON view too (kept apart from
    the plain classes so that their item reads stay lean)."""

    __slots__ = ()

    def __getitem__(self, index):
        return _nested(super().__getitem__(index), self._js_flags)

    def __iter__(self):
        if self._js_flags & ITERATOR:
            return self
        return _nested(_pyffi.js_iter(self), self._js_flags)

    def __next__(self):
        return _nested(super().__next__(), self._js_flags)


class _JsGettable(_JsObject):
    """`obj[key]` is `obj.get(key)` (KeyError when `has` says the key is absent)."""

    __slots__ = ()
    __getitem__ = _map_get


class _JsSettable(_JsObject):
    """`obj[key] = v` is `obj.set(key, v)`, `del obj[key]` is `obj.delete(key)`."""

    __slots__ = ()
    __setitem__ = _map_set
    __delitem__ = _map_delete


class _JsSized(_JsObject):
    __slots__ = ()

    def __len__(self):
        return _pyffi.js_len(self)


class _JsContainer(_JsObject):
    __slots__ = ()
    __contains__ = _container_has


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

    def to_file(self, file):
        """Writes the bytes to `file` (at its descriptor's position, past Python's buffering)."""
        import os
        data = memoryview(_pyffi.js_buffer_bytes(self))
        fd = file.fileno()
        while data:
            data = data[os.write(fd, data):]

    def from_file(self, file):
        """Reads as many bytes as the buffer holds (fewer at the end of the file) from `file`'s
        descriptor into the start of the buffer."""
        import os
        fd = file.fileno()
        size = self.byteLength
        chunks = []
        while size > 0:
            chunk = os.read(fd, size)
            if not chunk:
                break
            chunks.append(chunk)
            size -= len(chunk)
        data = b"".join(chunks)
        if data:
            _pyffi.js_buffer_write(self, data)


class JsTypedArray(JsBuffer, JsArray):
    """A typed array: a fixed-length sequence of numbers; items can be replaced, not added or
    removed, and slices are not supported."""

    __slots__ = ()

    # __getitem__ is JsArray's (native), which refuses slices of typed arrays.

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            raise NotImplementedError("Slice assignment isn't implemented for typed arrays")
        i = _int_index(index)
        if i < 0:
            i += _pyffi.js_len(self)
        _pyffi.js_set_item(self, i, value)

    def __delitem__(self, index):
        raise TypeError("object doesn't support item deletion")

    def reverse(self):
        _pyffi.js_method(self, "reverse")


class _JsDisposable(_JsObject):
    """`with obj:` calls `obj[Symbol.dispose]()` at the end."""

    __slots__ = ()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        _pyffi.js_dispose(self, False)


class _JsAsyncDisposable(_JsObject):
    """`async with obj:` awaits `obj[Symbol.asyncDispose]()` at the end."""

    __slots__ = ()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        await _pyffi.js_dispose(self, True)


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

    def asend(self, value):
        return self._step("next", value)


class JsAsyncGenerator(JsAsyncIterator):
    """A JS async generator: also `athrow` and `aclose`."""

    __slots__ = ()

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


class _JsThenable(_JsObject):
    """An object that had a `then` method when it crossed; awaiting it asks again (Pyodide
    refuses to await one whose `then` is gone)."""

    __slots__ = ()

    def __hash__(self):
        # Unlike Pyodide's (unhashable) JsProxies: asyncio.gather / wait keep their awaitables in
        # dicts and sets, and Pyodide hands them Futures where ours are still JsPromises.
        return hash(self.js_id)

    def __await__(self):
        if not _pyffi.js_has_method(self, "then"):
            raise TypeError("object pyodide.ffi.JsProxy can't be used in 'await' expression")
        return JsPromise.__await__(self)


class _JsModuleObject(_JsObject):
    """A JsProxy that is a module in sys.modules (`js`, registered JS modules and their nested
    objects, as in Pyodide). It keeps the import system's attributes (`__name__`, `__spec__`,
    `__path__`, ...) in its own `__dict__` rather than on the JS object, and gives
    `from mod import *` the names it takes: the JS `__all__`, else every own property."""

    # No __slots__: RustPython's `import *` reads the instance __dict__.

    def __setattr__(self, name, value):
        if name in _MODULE_ATTRS:
            self.__dict__[name] = value
        else:
            JsProxy.__setattr__(self, name, value)


# What Pyodide keeps off the JS object (no reference loops between the two heaps).
_MODULE_ATTRS = frozenset(("__loader__", "__name__", "__package__", "__path__", "__spec__"))


class _StarNames:
    """`__all__` of a JS module, computed when `import *` iterates it (the object may change)."""

    __slots__ = ("_module",)

    def __init__(self, module):
        self._module = module

    def __iter__(self):
        module = self._module
        names = _pyffi.js_item(module, "__all__", None)
        if names is None:
            names = [k for k in _pyffi.js_own_names(module) if not k.startswith("_")]
        return iter(list(names))


def as_module(proxy):
    """The module object for the JS object `proxy`: a JsProxy of it with a __dict__."""
    if not isinstance(proxy, JsProxy):
        proxy = proxy._js  # a JsException: its JS error
    module = _pyffi.js_rewrap(proxy, _pyffi.js_flags_of(proxy) | MODULE)
    module.__dict__["__all__"] = _StarNames(module)
    return module


def _capabilities(flags):
    if flags & MODULE:
        yield _JsModuleObject
    if flags & DOUBLE_PROXY:
        # A PyProxy's own capabilities are Python's: only its callability matters here.
        yield JsDoubleProxy
        if flags & CALLABLE:
            yield JsCallable
        return
    # Earlier classes win (Pyodide's later slots override earlier ones: arrays over get/set,
    # has over includes).
    if flags & PY_JSON and not flags & OBJECT_MAP:
        yield _JsJsonSequence
    if flags & OBJECT_MAP:
        yield _JsObjectMap
    elif flags & ARRAY:
        yield _JsMutableArray
    elif flags & TYPED_ARRAY:
        yield JsTypedArray
    elif flags & ARRAY_LIKE:
        yield _JsArrayLike
    elif flags & HAS_GET and flags & HAS_LENGTH and flags & ITERABLE:
        yield JsMutableMap if flags & HAS_SET else JsMap
    if not flags & OBJECT_MAP:
        if flags & HAS_GET:
            yield _JsGettable
        if flags & HAS_SET:
            yield _JsSettable
        if flags & HAS_LENGTH:
            yield _JsSized
        if flags & (HAS_HAS | HAS_INCLUDES):
            yield _JsContainer
        if flags & DISPOSABLE:
            yield _JsDisposable
        if flags & ASYNC_DISPOSABLE:
            yield _JsAsyncDisposable
    if flags & GENERATOR:
        yield JsGenerator
    elif flags & ITERATOR:
        yield JsIterator
    if flags & ITERABLE and not flags & OBJECT_MAP:
        yield JsIterable
    if flags & ASYNC_GENERATOR:
        yield JsAsyncGenerator
    elif flags & ASYNC_ITERATOR:
        yield JsAsyncIterator
    elif flags & ASYNC_ITERABLE:
        yield JsAsyncIterable
    if flags & BUFFER and not flags & TYPED_ARRAY:
        yield JsBuffer
    if flags & THENABLE:
        yield _JsThenable
        yield JsPromise
    if flags & CALLABLE:
        yield JsCallable
    if not flags & (_NOT_PLAIN | OBJECT_MAP):
        yield _JsPlainObject


class _JsProxyType(type):
    """The metaclass of the composed classes. CPython's messages name a type by its tp_name,
    which Pyodide's dynamic classes spell "pyodide.ffi.JsProxy" while their __name__ is
    "JsProxy"; RustPython's messages use __name__, so the class is made with the long name and
    this property gives the short one."""

    @property
    def __name__(cls):
        return "JsProxy"


class _JsProxyABCType(_JsProxyType, type(Sequence)):
    pass


def class_for(flags):
    """The class of JsProxies whose JS values have the capability bits `flags` (the core caches it)."""
    bases = tuple(_capabilities(flags)) or (_JsObject,)
    meta = _JsProxyABCType if any(isinstance(b, type(Sequence)) for b in bases) else _JsProxyType
    namespace = {"_js_flags": flags, "__module__": "pyodide.ffi", "__qualname__": "JsProxy"}
    if not flags & MODULE:
        namespace["__slots__"] = ()
    return meta("pyodide.ffi.JsProxy", bases, namespace)


for _cls in (JsBuffer, JsTypedArray, JsCallable, JsIterable, JsIterator, JsGenerator, JsAsyncIterable, JsAsyncIterator,
             JsAsyncGenerator, JsArray, JsMap, JsMutableMap, JsPromise, JsDoubleProxy):
    _cls.__module__ = "pyodide.ffi"
