"""The PyProxy members whose semantics are easiest to state in Python.

The core calls `name(obj, *args)` here for a JS method on a PyProxy (see rust/src/pyproxy/ops.rs).
Step helpers return `(done, value)`, the shape of a JS iterator result.
"""

import functools


def gen_throw(gen, exc):
    # A JS Error arrives as a JsException already; anything else is for gen.throw to refuse.
    try:
        return False, gen.throw(exc)
    except StopIteration as stop:
        return True, stop.value


def gen_return(gen, value):
    # JS `return(v)`: close the generator; if it yields again instead, that value is the step.
    try:
        yielded = gen.throw(GeneratorExit)
    except GeneratorExit:
        return True, value
    except StopIteration as stop:
        return True, stop.value
    return False, yielded


def _js_default_compare(a, b):
    # Array.prototype.sort without a comparator: undefined last, the rest by string order.
    if a is None or b is None:
        return (a is None) - (b is None)
    a, b = _js_string(a), _js_string(b)
    return (a > b) - (a < b)


def _js_string(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def seq_sort(seq, compare=None):
    if compare is None:
        cmp = _js_default_compare
    else:
        def cmp(a, b):
            # JS comparators see undefined last without being asked, as Array.prototype.sort does.
            if a is None or b is None:
                return (a is None) - (b is None)
            result = compare(a, b)
            return 0 if result != result else result  # NaN counts as equal

    seq.sort(key=functools.cmp_to_key(cmp))


def _clamp_index(i, n):
    i = int(i)
    if i < 0:
        return max(n + i, 0)
    return min(i, n)


def seq_splice(seq, start=0, delete_count=None, *items):
    n = len(seq)
    begin = _clamp_index(start, n)
    count = n - begin if delete_count is None else max(0, min(int(delete_count), n - begin))
    removed = list(seq[begin:begin + count])
    seq[begin:begin + count] = list(items)
    return removed


def seq_push(seq, *items):
    for item in items:
        seq.append(item)
    return len(seq)


def seq_unshift(seq, *items):
    for offset, item in enumerate(items):
        seq.insert(offset, item)
    return len(seq)


def seq_pop(seq, index):
    # JS pop/shift: an empty sequence gives undefined rather than an error.
    if len(seq) == 0:
        return None
    return seq.pop(index)


def seq_reverse(seq):
    seq.reverse()


async def anext_step(it, arg=None):
    try:
        if arg is None:
            return False, await it.__anext__()
        return False, await it.asend(arg)
    except StopAsyncIteration:
        return True, None


async def agen_throw(gen, exc):
    try:
        return False, await gen.athrow(exc)
    except StopAsyncIteration:
        return True, None


async def agen_return(gen, value):
    # As gen_return, for async generators: close unless the generator yields again.
    try:
        yielded = await gen.athrow(GeneratorExit)
    except (GeneratorExit, StopAsyncIteration):
        return True, value
    return False, yielded


def aiter_of(obj):
    return aiter(obj)


_CO_COROUTINE = 0x80


def is_coroutine_function(f):
    # Asked after every JS call that returned a coroutine: plain functions and methods are
    # answered from the code flags; anything else (partials, marked functions) by inspect.
    func = getattr(f, "__func__", f)
    code = getattr(func, "__code__", None)
    if code is not None and type(func).__name__ == "function" and not hasattr(func, "_is_coroutine_marker"):
        return bool(code.co_flags & _CO_COROUTINE)
    try:
        import inspect
        return inspect.iscoroutinefunction(f)
    except Exception:
        return False


def dict_prop_keys(d):
    # The keys a dict proxy lists as JS properties: those that arrive in JS as a string or a
    # Number (Pyodide's ownKeys keeps exactly these).
    return [k for k in d if (isinstance(k, (str, float)) or (isinstance(k, int) and not isinstance(k, bool) and abs(k) <= 2**53))]


def _relaxed_signature(func):
    # `func`'s signature with room for any surplus: *args after the last positional parameter
    # and **kwargs at the end, unless it has them already. None if it has no signature.
    import inspect
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    kinds = [p.kind for p in params]
    P = inspect.Parameter
    if P.VAR_POSITIONAL not in kinds:
        at = next((i for i, k in enumerate(kinds) if k in (P.KEYWORD_ONLY, P.VAR_KEYWORD)), len(params))
        params.insert(at, P("__surplus_args", P.VAR_POSITIONAL))
    if P.VAR_KEYWORD not in kinds:
        params.append(P("__surplus_kwargs", P.VAR_KEYWORD))
    return sig.replace(parameters=params)


@functools.lru_cache(maxsize=128)
def _relaxed_signature_cached(func):
    return _relaxed_signature(func)


def relaxed_call(func, *args, **kwargs):
    """Calls `func` with the arguments its signature has room for (JS functions ignore the
    rest); too few arguments still raise TypeError."""
    try:
        sig = _relaxed_signature_cached(func)
    except TypeError:  # unhashable: computed each time
        sig = _relaxed_signature(func)
    if sig is None:
        return func(*args, **kwargs)
    bound = sig.bind(*args, **kwargs)
    bound.arguments.pop("__surplus_args", None)
    bound.arguments.pop("__surplus_kwargs", None)
    return func(*bound.args, **bound.kwargs)
