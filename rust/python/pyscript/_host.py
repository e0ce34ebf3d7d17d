"""Called by the JavaScript side while a runtime loads (not part of PyScript's API): hands the
configuration, the display target and the configured JavaScript modules to the `pyscript`
package."""

import sys

from . import context


def install(config, target, modules):
    """`config` is PyScript's configuration object (a JsProxy, or None), `target` the default
    display element (or None), `modules` an object of name -> JS module namespace (or None)."""
    if config is not None:
        context.config.update(config.to_py())
    context._target = target
    if modules is not None:
        install_js_modules(modules)


def install_js_modules(modules):
    """Makes each module importable as `pyscript.js_modules.<name>` (`from pyscript.js_modules
    import d3`, `import pyscript.js_modules.d3`): `pyscript.js_modules` becomes a JS module whose
    members are the namespaces, so the JS module importer finds the submodules."""
    import _pyffi_jsproxy

    import pyscript

    import _frozen_importlib

    import _pyffi_imports

    name = "pyscript.js_modules"
    loader = _pyffi_imports._JsLoader(modules)
    spec = _frozen_importlib.spec_from_loader(name, loader, origin="javascript", is_package=True)
    module = _pyffi_jsproxy.as_module(modules)
    # The attributes an imported package has, so that `import pyscript.js_modules.<name>` finds
    # the submodules (the JS module importer resolves them from this module's members).
    for key, value in (("__name__", name), ("__spec__", spec), ("__loader__", loader), ("__path__", []), ("__package__", name)):
        module.__dict__[key] = value
    sys.modules["pyscript.js_modules"] = module
    pyscript.js_modules = module


def main_thread_workers():
    """The JavaScript side of `PyWorker` and `workers` on the main thread (`exposeWorkersToPython`
    in js/worker/python-worker.ts puts it on the global object under a registered symbol)."""
    import js

    return js.Reflect.get(js.globalThis, getattr(js.Symbol, "for")("@pkg/ffi.workers"))


def place_file(url, destination, data):
    """Writes the bytes fetched from `url` to `destination` (relative to the working
    directory). A destination ending in `*` is a folder to unpack the archive into (its format
    from the URL's extension); one ending in `/` (or empty) keeps the URL's file name."""
    import os

    import _pyffi_archive

    data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
    if destination.endswith("*"):
        format_name = _pyffi_archive.format_of(url)
        if format_name is None:
            raise ValueError(
                f"cannot tell the archive format of {url}: a destination ending in '*' unpacks an "
                f"archive, whose URL must end in .zip, .tar.gz, .tgz, .tar.bz2, .tar.xz or .tar"
            )
        _pyffi_archive.unpack(data, format_name, destination[:-1] or ".")
        return
    if destination == "" or destination.endswith("/"):
        name = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        destination = os.path.join(destination or ".", name)
    folder = os.path.dirname(os.path.abspath(destination))
    os.makedirs(folder, exist_ok=True)
    with open(destination, "wb") as file:
        file.write(data)
