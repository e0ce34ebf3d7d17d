"""Start-up of one runtime, and the Python half of `runPython` and the JS module registry.

The core calls `boot(env)` once, then keeps `globals`, `run_code`, `JsException` and
`ConversionError`.
"""

import sys

import _pyffi
import _vfs

HOME = "/home/user"
# Registered JS modules by name (None: the JS global object, made when first imported).
_js_modules = {"js": None}


class JsException(Exception):
    """A JavaScript error seen from Python, as Pyodide has it: one class for every JS error (the
    JS class is `e.name`), and a JsProxy of the error as well as an exception. RustPython cannot
    give one class two native layouts, so the exception holds a JsProxy of the error and passes
    attribute access on to it; `isinstance(e, pyodide.ffi.JsProxy)` is true through that class's
    metaclass, and converting `e` to JS gives the original error object again (the core unwraps
    it). `JsException(name, message="")` makes a new JS Error."""

    def __new__(cls, name, message=""):
        # A JS Error becomes a JsException as it enters Python.
        error = _pyffi.js_global().Error.new(str(message))
        error.name = str(name)
        return error

    def __init__(self, *args, **kwargs):
        pass

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'pyodide.ffi.JsException' is not an acceptable base type")

    @property
    def js_error(self):
        return self

    def __getattr__(self, name):
        if name == "_js":
            raise AttributeError(name)
        return getattr(self._js, name)

    def __setattr__(self, name, value):
        if name in _EXCEPTION_FIELDS:
            BaseException.__setattr__(self, name, value)
        else:
            setattr(self._js, name, value)

    def __delattr__(self, name):
        if name in _EXCEPTION_FIELDS:
            BaseException.__delattr__(self, name)
        else:
            delattr(self._js, name)

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(dir(self._js)))

    def __str__(self):
        return str(self._js)

    __repr__ = __str__

    def __eq__(self, other):
        if isinstance(other, JsException):
            other = other._js
        return self._js == other

    def __hash__(self):
        return hash(self._js)

    def __reduce__(self):
        raise TypeError("cannot pickle a JsException")


_EXCEPTION_FIELDS = frozenset(
    ("_js", "args", "__traceback__", "__cause__", "__context__", "__suppress_context__", "__notes__")
)


def _wrap_js_error(proxy):
    """The JsException of a JsProxy of a JS error (the core calls this for every JS error that
    becomes a Python value)."""
    exc = Exception.__new__(JsException)
    BaseException.__setattr__(exc, "_js", proxy)
    BaseException.__setattr__(exc, "args", (proxy,))
    return exc


JsException.__module__ = "pyodide.ffi"


class JsBigInt(int):
    """A JS BigInt in Python (Pyodide 314): an int that goes back to JS as a BigInt whatever its
    size, so BigInts round-trip. The operators Pyodide's JsBigInt defines give JsBigInts (the
    others, `*` and the reflected ones among them, plain ints, as there)."""

    _js_bigint = True  # what the core looks for (an int subclass takes the slow path anyway)

    def __repr__(self):
        return int.__repr__(self)


def _bigint_op(name):
    op = getattr(int, name)

    def method(self, *args):
        result = op(self, *args)
        return JsBigInt(result) if type(result) is int else result

    method.__name__ = name
    return method


for _name in ("__abs__", "__add__", "__and__", "__floordiv__", "__invert__", "__lshift__", "__mod__", "__neg__",
              "__or__", "__pow__", "__pos__", "__rshift__", "__sub__", "__xor__"):
    setattr(JsBigInt, _name, _bigint_op(_name))
JsBigInt.__module__ = "pyodide.ffi"


class ConversionError(Exception):
    """A value could not be converted between Python and JavaScript."""


ConversionError.__module__ = "pyodide.ffi"


def _install_errno():
    # RustPython's errno module is empty on wasm32; give it the codes the file system reports.
    import errno
    for name, code in _vfs.errno_codes():
        setattr(errno, name, code)
        errno.errorcode.setdefault(code, name)


def _install_os(env):
    # os.py picks its platform module from the builtin names; ours is frozen Python.
    sys.builtin_module_names = tuple(sorted({*sys.builtin_module_names, "posix"}))
    import posix
    defaults = {"HOME": HOME, "USER": "user", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TMPDIR": "/tmp"}
    for key, value in {**defaults, **env}.items():
        posix.environ[str(key).encode()] = str(value).encode()


def _install_importers():
    # Without host_env RustPython never installs the path-based importers; do what it would.
    import _frozen_importlib
    _frozen_importlib._install_external_importers()
    import _frozen_importlib_external
    # RustPython's default entries (/usr/local/lib/...) do not exist here; every import would
    # look in them first.
    sys.path[:] = [HOME, _vfs.stdlib_dir()]
    sys.meta_path.insert(0, _InstallLoopWithAsyncio)
    # Last, as Pyodide's JsFinder: a standard module wins over a JS module of the same name.
    sys.meta_path.append(_JsModuleFinder)
    _share_stdlib_bytecode(_frozen_importlib_external.SourceFileLoader)
    _lazy_encodings()


def _share_stdlib_bytecode(loader_class):
    # What the path importer compiles from the standard library is kept in the core, and a later
    # runtime finds it in its __pycache__ (the packed sources all have the same mtime).
    write = loader_class._cache_bytecode

    def _cache_bytecode(self, source_path, bytecode_path, data):
        result = write(self, source_path, bytecode_path, data)
        _vfs.share_bytecode(bytecode_path, data)
        return result

    loader_class._cache_bytecode = _cache_bytecode


def _lazy_encodings():
    # utf-8, ascii and latin-1 are built in; the `encodings` package (and its search function
    # for every other codec) is imported from the standard library when one is first asked for.
    import codecs

    def search(name):
        codecs.unregister(search)
        import encodings
        return encodings.search_function(name)

    codecs.register(search)


class _JsModuleFinder:
    """Pyodide's JsFinder: `import js` and the modules registered with `registerJsModule` /
    `register_js_module` are JsProxies of their JS objects, and an object nested in one is its
    submodule (`from js.a.b import c`, `import mymod.sub`). The module is made on first import:
    its class needs the JsProxy classes, which a program that never uses JS should not wait for."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        parent, _, child = fullname.rpartition(".")
        if parent:
            parent_module = sys.modules.get(parent)
            if not isinstance(parent_module, _pyffi.JsProxy):
                return None  # not one of ours
            try:
                obj = getattr(parent_module, child)
            except AttributeError:
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname) from None
            if not isinstance(obj, _pyffi.JsProxy):
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        else:
            if fullname not in _js_modules:
                return None
            obj = _js_modules[fullname]
            if obj is None:
                obj = _pyffi.js_global()
        import _frozen_importlib
        return _frozen_importlib.spec_from_loader(fullname, _JsLoader(obj), origin="javascript")


class _JsLoader:
    def __init__(self, obj):
        self._obj = obj

    def create_module(self, spec):
        import _pyffi_jsproxy
        return _pyffi_jsproxy.as_module(self._obj)

    def exec_module(self, module):
        pass

    def is_package(self, fullname):
        # Every JS module may have nested objects to import as submodules.
        return True


class _InstallLoopWithAsyncio:
    """Makes the JS-driven loop asyncio's current one as soon as asyncio is imported, as in
    Pyodide (`asyncio.get_event_loop()` works in plain runPython), without importing asyncio
    at start-up."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "asyncio":
            return None
        sys.meta_path.remove(cls)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                spec.loader = _ThenInstallLoop(spec.loader)
                return spec
        return None


class _ThenInstallLoop:
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        import _pyffi_loop  # noqa: F401  (installs the loop; a no-op if it is what imports asyncio)


def _install_time():
    # RustPython's monotonic clocks and sleep use std APIs that trap on wasm32-unknown-unknown.
    import time
    perf_now = _pyffi.perf_now

    def monotonic():
        return perf_now() / 1000

    def monotonic_ns():
        return int(perf_now() * 1_000_000)

    def time_ns():
        return int(time.time() * 1_000_000_000)

    def sleep(secs):
        """Blocks for `secs` seconds (a busy wait: there is no other way to block here).
        In async code use `await asyncio.sleep()`, which lets the page run meanwhile."""
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        # Compare elapsed time, not `start + secs`: the sum rounds, and a caller measuring
        # `monotonic() - start` must never see less than it asked for.
        start = monotonic()
        while monotonic() - start < secs:
            pass

    for name, fn in (("monotonic", monotonic), ("perf_counter", monotonic), ("process_time", monotonic),
                     ("thread_time", monotonic), ("monotonic_ns", monotonic_ns), ("perf_counter_ns", monotonic_ns),
                     ("process_time_ns", monotonic_ns), ("thread_time_ns", monotonic_ns), ("time_ns", time_ns),
                     ("sleep", sleep)):
        setattr(time, name, fn)


def _install_quitters():
    """`exit` and `quit` as CPython's site.py (and so Pyodide) sets them: `_sitebuiltins.Quitter`
    objects, whose call closes sys.stdin before raising SystemExit. RustPython's native ones
    leave sys.stdin open."""
    import builtins
    import _sitebuiltins
    builtins.exit = _sitebuiltins.Quitter("exit", "Ctrl-D (i.e. EOF)")
    builtins.quit = _sitebuiltins.Quitter("quit", "Ctrl-D (i.e. EOF)")


def boot(env):
    _install_time()
    _install_errno()
    _install_os(env)
    import _pyffi_io
    _pyffi_io.install()
    import _pyffi_source_depth
    _pyffi_source_depth.install()
    _install_importers()
    _install_quitters()
    global main_globals
    main = sys.modules.get("__main__")
    if main is None:
        import builtins
        main = type(sys)("__main__")
        main.__builtins__ = builtins
        sys.modules["__main__"] = main
    main_globals = main.__dict__
    return sys.modules[__name__]


def _quiet(source, last):
    """Pyodide's rule: a final expression followed by `;` gives no value."""
    lines = source.split("\n")
    end_line = getattr(last, "end_lineno", None)
    end_col = getattr(last, "end_col_offset", None)
    if end_line is None or end_col is None or end_line > len(lines):
        return source.rstrip().endswith(";")
    rest = lines[end_line - 1].encode("utf-8", "surrogatepass")[end_col:].decode("utf-8", "replace")
    for line in [rest, *lines[end_line:]]:
        line = line.split("#", 1)[0].strip()
        if line:
            return line.startswith(";")
    return False


_CO_COROUTINE = 0x80
_PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000  # as in CPython's and RustPython's _ast


def _invalidate_finder_caches():
    # importlib.invalidate_caches() would also import importlib.metadata (half a second on the
    # first run); only the path finders' directory listings can be stale here.
    for finder in list(sys.path_importer_cache.values()):
        invalidate = getattr(finder, "invalidate_caches", None)
        if invalidate is not None:
            invalidate()


def _cut(source, lineno, col_offset):
    """`source` split where line `lineno`, UTF-8 byte column `col_offset` starts; the second part
    keeps its line numbers by starting with the newlines before it."""
    start = 0
    for _ in range(lineno - 1):
        start = source.index("\n", start) + 1
    end = source.find("\n", start)
    line = source[start:] if end < 0 else source[start:end]
    prefix = line.encode("utf-8", "surrogatepass")[:col_offset].decode("utf-8", "surrogatepass")
    cut = start + len(prefix)
    return source[:cut], "\n" * (lineno - 1) + source[cut:]


def _compile_expression(source, filename, flags):
    """The code object when all of `source` is one expression (the common `runPython("1 + 1")`),
    found without building an AST; else None."""
    if source.rstrip().endswith(";"):
        return None
    try:
        return compile(source, filename, "eval", flags, dont_inherit=True)
    except SyntaxError:
        return None


def run_code(source, globals, filename="<exec>", allow_await=False, locals=None):
    """Runs `source` in `globals` (and `locals`, default the same); returns the value of a final
    expression, else None.
    With `allow_await`, returns a coroutine that runs the code (top-level `await` allowed)."""
    _invalidate_finder_caches()  # files written from JS since the last run must be importable
    flags = _PyCF_ALLOW_TOP_LEVEL_AWAIT if allow_await else 0
    body = None
    tail = _compile_expression(source, filename, flags)
    if tail is None:
        # The AST only says where the last statement starts; both parts compile from source
        # text. (RustPython's compile() of an AST turns lone surrogates in string constants
        # into U+FFFD.)
        import _ast
        source = source.replace("\r\n", "\n").replace("\r", "\n")  # as the tokenizer reads it
        tree = compile(source, filename, "exec", _ast.PyCF_ONLY_AST | flags, dont_inherit=True)
        last = tree.body[-1] if tree.body else None
        if isinstance(last, _ast.Expr) and not _quiet(source, last):
            head, tail_source = _cut(source, last.lineno, last.col_offset)
            body = compile(head, filename, "exec", flags, dont_inherit=True)
            tail = compile(tail_source, filename, "eval", flags, dont_inherit=True)
        else:
            body = compile(source, filename, "exec", flags, dont_inherit=True)
    if allow_await:
        return _run_async(body, tail, globals, locals)
    try:
        if body is not None:
            exec(body, globals, locals)
        return eval(tail, globals, locals) if tail is not None else None
    finally:
        _flush()


async def _run_async(body, tail, globals, locals=None):
    try:
        if body is not None:
            result = eval(body, globals, locals)
            if body.co_flags & _CO_COROUTINE:
                await result
        if tail is None:
            return None
        value = eval(tail, globals, locals)
        if tail.co_flags & _CO_COROUTINE:
            value = await value
        return value
    finally:
        _flush()


def format_exception(exc):
    """The traceback text a PythonError carries, without this module's own frames."""
    import traceback
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith("_pyffi"):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def settle(awaitable, resolve, reject):
    import _pyffi_loop
    _pyffi_loop.settle(awaitable, resolve, reject)


def register_js_module(name, jsproxy):
    """Makes the JS object `jsproxy` importable as the module `name` (Pyodide's
    `pyodide.ffi.register_js_module`). A module already imported under that name stays in
    sys.modules until removed from there."""
    if not isinstance(name, str):
        raise TypeError(f"Argument 'name' must be a str, not {type(name).__name__!r}")
    if not isinstance(jsproxy, (_pyffi.JsProxy, JsException)):
        raise TypeError(f"Argument 'jsproxy' must be a JsProxy, not {type(jsproxy).__name__!r}")
    _js_modules[name] = jsproxy


def unregister_js_module(name):
    """Undoes `register_js_module(name, ...)`; as in Pyodide, an already imported module stays in
    sys.modules."""
    if name not in _js_modules:
        raise ValueError(f"Cannot unregister {name!r}: no Javascript module with that name is registered")
    del _js_modules[name]
