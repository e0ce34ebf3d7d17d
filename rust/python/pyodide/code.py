"""`pyodide.code`: run Python or JavaScript source, as Pyodide's module of that name does.

`eval_code` gives the value of a final expression the way `runPython` does (a trailing `;`
silences it); `CodeRunner` exposes the steps (parse, let the caller edit the AST, compile,
run) for REPLs. `run_js` evaluates JavaScript; `relaxed_call` calls a function with only the
arguments it accepts.
"""

import ast
import linecache
import tokenize
from functools import lru_cache, wraps
from inspect import Parameter, signature
from io import StringIO
from textwrap import dedent

_CO_COROUTINE = 0x80


def should_quiet(source, /):
    """True if the last token of `source` that is not a comment or a line end is `;`."""
    try:
        tokens = list(tokenize.generate_tokens(StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        tokens = []
    skipped = (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
    for token in reversed(tokens):
        if token.type in skipped:
            continue
        return token.type == tokenize.OP and token.string == ";"
    return False


def _expose_last_assignment(module):
    """`return_mode="last_expr_or_assign"`: a final assignment to a name also gives its value."""
    if not module.body:
        return
    last = module.body[-1]
    if isinstance(last, ast.Assign):
        target = last.targets[0]
    elif isinstance(last, (ast.AugAssign, ast.AnnAssign)):
        target = last.target
    else:
        return
    if isinstance(target, ast.Name):
        module.body.append(ast.copy_location(ast.Expr(ast.Name(target.id, ast.Load())), last))


class CodeRunner:
    """Runs a block of source in steps: `ast` is parsed at construction and may be edited,
    `compile()` compiles it (once), `run()` / `run_async()` execute it and give the value of
    the final expression (per `return_mode`: "last_expr", "last_expr_or_assign" or "none")."""

    def __init__(self, source, *, return_mode="last_expr", mode="exec", quiet_trailing_semicolon=True,
                 filename="<exec>", flags=0x0, dont_inherit=False, optimize=-1):
        self._source = source = dedent(source)
        self._return_mode = return_mode
        self._quiet = quiet_trailing_semicolon
        self._mode = mode
        self._filename = filename
        self._flags = flags
        self._dont_inherit = dont_inherit
        self._optimize = optimize
        self._compiled = False
        self._tail = None
        self.code = None
        self.ast = compile(source, filename, mode, flags | ast.PyCF_ONLY_AST, dont_inherit, optimize)

    def compile(self):
        """Compiles `self.ast` into `self.code`; returns self. Only once."""
        if self._compiled:
            raise RuntimeError("Already compiled")
        self._compiled = True
        module = self.ast
        return_mode = self._return_mode
        if self._quiet and should_quiet(self._source):
            return_mode = "none"
        if return_mode == "last_expr_or_assign" and isinstance(module, ast.Module):
            _expose_last_assignment(module)
        # The final expression compiles on its own, in eval mode, so its value comes back
        # (and a coroutine it makes stays a value, while a top-level await is awaited).
        if return_mode.startswith("last_expr") and isinstance(module, ast.Module) and module.body \
                and isinstance(module.body[-1], ast.Expr):
            last = module.body[-1]
            module = ast.Module(body=module.body[:-1], type_ignores=[])
            tail = ast.fix_missing_locations(ast.Expression(body=last.value))
            self._tail = self._compile(tail, "eval")
        ast.fix_missing_locations(module)
        self.code = self._compile(module, self._mode)
        return self

    def _compile(self, tree, mode):
        return compile(tree, self._filename, mode, self._flags, self._dont_inherit, self._optimize)

    def _set_linecache(self):
        # Tracebacks of a file name that is not <...> show the source lines.
        filename = self._filename
        if not (filename.startswith("<") and filename.endswith(">")):
            lines = self._source.splitlines(keepends=True)
            linecache.cache[filename] = (len(self._source), None, lines, filename)

    def _prepare(self, globals, locals):
        if not self._compiled:
            raise RuntimeError("Not yet compiled")
        if globals is None:
            globals = {}
        if locals is None:
            locals = globals
        self._set_linecache()
        return globals, locals

    def run(self, globals=None, locals=None):
        """Executes the code (no top-level await: use `run_async`); the final value or None."""
        globals, locals = self._prepare(globals, locals)
        for code in (self.code, self._tail):
            if code is not None and code.co_flags & _CO_COROUTINE:
                raise RuntimeError("Used eval_code with TOP_LEVEL_AWAIT. Use run_async for this instead.")
        value = eval(self.code, globals, locals) if self.code is not None else None
        if self._tail is not None:
            return eval(self._tail, globals, locals)
        return value if self._mode == "eval" else None

    async def run_async(self, globals=None, locals=None):
        """Executes the code, awaiting a top-level await; the final value or None."""
        globals, locals = self._prepare(globals, locals)
        if self.code is not None:
            result = eval(self.code, globals, locals)
            if self.code.co_flags & _CO_COROUTINE:
                await result
        if self._tail is None:
            return None
        value = eval(self._tail, globals, locals)
        if self._tail.co_flags & _CO_COROUTINE:
            value = await value
        return value


def eval_code(source, globals=None, locals=None, *, return_mode="last_expr", quiet_trailing_semicolon=True,
              filename="<exec>", flags=0x0, dont_inherit=False, optimize=-1):
    """Runs `source` in `globals`/`locals`; gives the value of its final expression (see
    CodeRunner for `return_mode`), None when it ends with a statement or a `;`."""
    runner = CodeRunner(source, return_mode=return_mode, quiet_trailing_semicolon=quiet_trailing_semicolon,
                        filename=filename, flags=flags, dont_inherit=dont_inherit, optimize=optimize)
    return runner.compile().run(globals, locals)


async def eval_code_async(source, globals=None, locals=None, *, return_mode="last_expr",
                          quiet_trailing_semicolon=True, filename="<exec>", flags=0x0, dont_inherit=False,
                          optimize=-1):
    """`eval_code` with top-level `await` allowed."""
    runner = CodeRunner(source, return_mode=return_mode, quiet_trailing_semicolon=quiet_trailing_semicolon,
                        filename=filename, flags=flags or ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                        dont_inherit=dont_inherit, optimize=optimize)
    return await runner.compile().run_async(globals, locals)


def find_imports(source):
    """The modules `source` imports, sorted: `import a.b` counts as "a" and "a.b" (`from .m
    import x` as "m", as in Pyodide); source that does not parse gives []."""
    try:
        tree = ast.parse(dedent(source))
    except SyntaxError:
        return []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return sorted(found)


def run_js(code, /):
    """Evaluates the JavaScript `code` (global `eval`) and gives its result as a JS call's
    result comes back: a promise becomes a future."""
    if not isinstance(code, str):
        raise TypeError(f"argument should have type 'string' not type '{type(code).__name__}'")
    from js import eval as js_eval
    return js_eval(code)


def _relaxed_signature(func):
    """`func`'s signature with catch-all *args and **kwargs added where it has none, or None if
    it has no signature."""
    try:
        sig = signature(func)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    kinds = [p.kind for p in params]
    if Parameter.VAR_POSITIONAL not in kinds:
        # Goes after the positional parameters, before keyword-only ones.
        at = next((i for i, k in enumerate(kinds) if k in (Parameter.KEYWORD_ONLY, Parameter.VAR_KEYWORD)),
                  len(params))
        params.insert(at, Parameter("__var_positional", Parameter.VAR_POSITIONAL))
    if Parameter.VAR_KEYWORD not in kinds:
        params.append(Parameter("__var_keyword", Parameter.VAR_KEYWORD))
    return sig.replace(parameters=params)


@lru_cache
def _relaxed_signature_cached(func):
    return _relaxed_signature(func)


def _call_relaxed(func, sig, args, kwargs):
    bound = sig.bind(*args, **kwargs)
    bound.arguments.pop("__var_positional", None)
    bound.arguments.pop("__var_keyword", None)
    return func(*bound.args, **bound.kwargs)


def relaxed_wrap(func):
    """Decorator: the wrapped function drops the positional and keyword arguments `func`
    does not take."""
    sig = _relaxed_signature(func)
    if sig is None:
        raise TypeError("Cannot wrap function")

    @wraps(func)
    def wrapper(*args, **kwargs):
        return _call_relaxed(func, sig, args, kwargs)

    return wrapper


def relaxed_call(func, *args, **kwargs):
    """Calls `func` with the given arguments minus those it does not take."""
    sig = _relaxed_signature_cached(func)
    if sig is None:
        return func(*args, **kwargs)
    return _call_relaxed(func, sig, args, kwargs)


__all__ = [
    "CodeRunner",
    "eval_code",
    "eval_code_async",
    "find_imports",
    "relaxed_call",
    "relaxed_wrap",
    "run_js",
    "should_quiet",
]
