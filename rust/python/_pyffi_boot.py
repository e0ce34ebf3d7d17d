"""Start-up of one runtime. The core calls `boot(env)` once and keeps what it returns, this
module: `main_globals`, and the names below it reads (`run_code`, the exception classes, ...).
Each of those lives in the module of its concern; `Core.call_boot` (BootEntry) finds the ones the
TS layer calls here too."""

import sys

import _pyffi_imports
import _pyffi_time
import _vfs
from _pyffi_bigint import JsBigInt  # noqa: F401
from _pyffi_errors import ConversionError, JsException, _wrap_js_error, format_exception  # noqa: F401
from _pyffi_imports import register_js_module, unregister_js_module  # noqa: F401
from _pyffi_run import run_code, settle  # noqa: F401

HOME = "/home/user"


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


def _install_quitters():
    """`exit` and `quit` as CPython's site.py (and so Pyodide) sets them: `_sitebuiltins.Quitter`
    objects, whose call closes sys.stdin before raising SystemExit. RustPython's native ones
    leave sys.stdin open."""
    import builtins
    import _sitebuiltins
    builtins.exit = _sitebuiltins.Quitter("exit", "Ctrl-D (i.e. EOF)")
    builtins.quit = _sitebuiltins.Quitter("quit", "Ctrl-D (i.e. EOF)")


def boot(env):
    _pyffi_time.install()
    _install_errno()
    _install_os(env)
    import _pyffi_io
    _pyffi_io.install()
    import _pyffi_source_depth
    _pyffi_source_depth.install()
    _pyffi_imports.install(HOME)
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
