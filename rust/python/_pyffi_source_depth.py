"""Refuses source whose expressions nest deeper than the interpreter can compile on the JS stack.

RustPython's parser, compiler and the drop of the parsed tree recurse once per nested operator
with no depth check, and wasm frames live on the JS engine's stack: `'not ' * 500 + '1'` (a few
hundred unary operators) or a chain of ~8,000 binary operators overflows it, and the JS RangeError
would unwind through the interpreter past every `except`. CPython raises RecursionError for such
source ("maximum recursion depth exceeded during compilation"); so does this check, run before
`compile`, `exec` and `eval` see a string (native wrappers, so that `exec` and `eval` keep
their caller's namespaces). A cheap scan looks for what such source must contain
(a long run of unary operators, or a very long line); only then is the source tokenized to count.
"""

import builtins

UNARY_LIMIT = 150
CHAIN_LIMIT = 3000
# Longer lines are not tokenized here (see _too_deep).
LONG_LINE = 2000
_UNARY_RUNS = tuple(op * UNARY_LIMIT for op in "-+~") + ("not " * 50, "not not not not not")
_MESSAGE = "maximum recursion depth exceeded during compilation"

def _suspicious(source):
    if len(source) < 2 * UNARY_LIMIT:
        return False
    if any(run in source for run in _UNARY_RUNS):
        return True
    return len(source) >= 2 * CHAIN_LIMIT and max(map(len, source.splitlines() or [""])) >= 2 * CHAIN_LIMIT


def _line_suspicious(line):
    if any(run in line for run in _UNARY_RUNS):
        return True
    if len(line) < 2 * CHAIN_LIMIT:
        return False
    # Binary and attribute chains, and chains of calls and subscripts (`f()()`, `a[0][0]`).
    return sum(map(line.count, "+-*/%&|^<>@.")) >= CHAIN_LIMIT or sum(map(line.count, (")(", ")[", "](", "]["))) >= CHAIN_LIMIT


def _too_deep(source):
    """Looks at the lines the cheap scan flagged: one too long to tokenize (the tokenizer's
    regular expressions would overflow the stack too) is refused as it is; a shorter one is
    tokenized, and a run of unary operators or a statement with too many operators is too deep."""
    for line in source.splitlines():
        if not _line_suspicious(line):
            continue
        if len(line) > LONG_LINE or _tokens_too_deep(line):
            return True
    return False


def _tokens_too_deep(line):
    import io
    import tokenize

    unary = {"not", "-", "+", "~"}
    grouping = {",", ":", ";", "(", ")", "[", "]", "{", "}", "=", "->"}
    run = operators = 0
    previous = ""
    try:
        for tok in tokenize.generate_tokens(io.StringIO(line).readline):
            is_op = tok.type == tokenize.OP or (tok.type == tokenize.NAME and tok.string in ("not", "and", "or", "is", "in"))
            run = run + 1 if tok.string in unary else 0
            if is_op and tok.string not in grouping:
                operators += 1
            elif previous in (")", "]") and tok.string in ("(", "["):
                operators += 1  # a call or subscript of a call or subscript
            previous = tok.string
            if run >= UNARY_LIMIT or operators >= CHAIN_LIMIT:
                return True
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return False  # a line out of its context (inside a string, say): the compiler decides
    return False


def _check(source):
    if isinstance(source, (bytes, bytearray)):
        try:
            source = bytes(source).decode("utf-8")
        except UnicodeDecodeError:
            return
    if isinstance(source, str) and _suspicious(source) and _too_deep(source):
        raise RecursionError(_MESSAGE)


def install():
    import _pyffi

    for name in ("compile", "exec", "eval"):
        setattr(builtins, name, _pyffi.native_builtin(name, getattr(builtins, name), _check))
