"""The Python half of `runPython` / `runPythonAsync` (Pyodide's rules for the value of the last
expression), and settling a JS promise with a Python awaitable."""

import sys

import _pyffi_imports


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
    _pyffi_imports.invalidate_finder_caches()  # files written from JS since the last run must be importable
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


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def settle(awaitable, resolve, reject):
    import _pyffi_loop
    _pyffi_loop.settle(awaitable, resolve, reject)
