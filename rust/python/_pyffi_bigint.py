"""`pyodide.ffi.JsBigInt`, what a JS BigInt is in Python."""


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
