"""Type stubs for `pyodide.code`: running source text as Pyodide's `runPython` does."""

import ast
from collections.abc import Callable
from types import CodeType
from typing import Any, Literal, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_ReturnMode = Literal["last_expr", "last_expr_or_assign", "none"]

class CodeRunner:
    """Runs a block of source in steps: `ast` may be edited before `compile()`; `run()` and
    `run_async()` give the value of the final expression (per `return_mode`)."""

    ast: ast.Module
    code: CodeType | None
    def __init__(
        self,
        source: str,
        *,
        return_mode: _ReturnMode = "last_expr",
        mode: str = "exec",
        quiet_trailing_semicolon: bool = True,
        filename: str = "<exec>",
        flags: int = 0x0,
        dont_inherit: bool = False,
        optimize: int = -1,
    ) -> None: ...
    def compile(self) -> CodeRunner: ...
    def run(self, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> Any: ...
    async def run_async(self, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> Any: ...

def eval_code(
    source: str,
    globals: dict[str, Any] | None = None,
    locals: dict[str, Any] | None = None,
    *,
    return_mode: _ReturnMode = "last_expr",
    quiet_trailing_semicolon: bool = True,
    filename: str = "<exec>",
    flags: int = 0x0,
    dont_inherit: bool = False,
    optimize: int = -1,
) -> Any: ...
async def eval_code_async(
    source: str,
    globals: dict[str, Any] | None = None,
    locals: dict[str, Any] | None = None,
    *,
    return_mode: _ReturnMode = "last_expr",
    quiet_trailing_semicolon: bool = True,
    filename: str = "<exec>",
    flags: int = 0x0,
    dont_inherit: bool = False,
    optimize: int = -1,
) -> Any: ...
def find_imports(source: str) -> list[str]: ...
def should_quiet(source: str, /) -> bool: ...
def run_js(code: str, /) -> Any:
    """Evaluates JavaScript (global `eval`); a promise result comes back as a future."""

def relaxed_wrap(func: _F) -> _F:
    """Decorator: calls drop the arguments `func` does not take."""

def relaxed_call(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

__all__ = ["CodeRunner", "eval_code", "eval_code_async", "find_imports", "relaxed_call", "relaxed_wrap", "run_js", "should_quiet"]
