"""The exception classes of the FFI (`pyodide.ffi.JsException`, `ConversionError`) and the
traceback text a PythonError carries."""

import _pyffi


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


class ConversionError(Exception):
    """A value could not be converted between Python and JavaScript."""


ConversionError.__module__ = "pyodide.ffi"


def format_exception(exc):
    """The traceback text a PythonError carries, without this module's own frames."""
    import traceback
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith("_pyffi"):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))
