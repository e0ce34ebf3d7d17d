"""How modules are found: the path importers over the file system (sharing the standard
library's bytecode between runtimes), `import js` and the JS modules registered with
`registerJsModule` (Pyodide's JsFinder), and the asyncio loop installed with asyncio."""

import sys

import _pyffi
import _pyffi_errors
import _vfs

# Registered JS modules by name (None: the JS global object, made when first imported).
_js_modules = {"js": None}


def install(home):
    # Without host_env RustPython never installs the path-based importers; do what it would.
    import _frozen_importlib
    _frozen_importlib._install_external_importers()
    import _frozen_importlib_external
    # RustPython's default entries (/usr/local/lib/...) do not exist here; every import would
    # look in them first.
    sys.path[:] = [home, _vfs.stdlib_dir()]
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


def invalidate_finder_caches():
    # importlib.invalidate_caches() would also import importlib.metadata (half a second on the
    # first run); only the path finders' directory listings can be stale here.
    for finder in list(sys.path_importer_cache.values()):
        invalidate = getattr(finder, "invalidate_caches", None)
        if invalidate is not None:
            invalidate()


def register_js_module(name, jsproxy):
    """Makes the JS object `jsproxy` importable as the module `name` (Pyodide's
    `pyodide.ffi.register_js_module`). A module already imported under that name stays in
    sys.modules until removed from there."""
    if not isinstance(name, str):
        raise TypeError(f"Argument 'name' must be a str, not {type(name).__name__!r}")
    if not isinstance(jsproxy, (_pyffi.JsProxy, _pyffi_errors.JsException)):
        raise TypeError(f"Argument 'jsproxy' must be a JsProxy, not {type(jsproxy).__name__!r}")
    _js_modules[name] = jsproxy


def unregister_js_module(name):
    """Undoes `register_js_module(name, ...)`; as in Pyodide, an already imported module stays in
    sys.modules."""
    if name not in _js_modules:
        raise ValueError(f"Cannot unregister {name!r}: no Javascript module with that name is registered")
    del _js_modules[name]
