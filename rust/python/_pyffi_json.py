"""`json` writes `pyodide.ffi.jsnull` as `null`, as Pyodide's patched encoder does.

`jsnull` only reaches Python code that imports `pyodide.ffi` (JS `null` arrives as `None` here), so
the encoder is taught about it from that import on: `JSONEncoder.iterencode` (which `dumps`, `dump`
and `encode` all use) first replaces `jsnull` keys and values with `None`, copying only the
containers on the way to one.
"""

import sys

from _pyffi import jsnull


def _without_jsnull(o, active):
    if o is jsnull:
        return None
    kind = type(o)
    if kind is not dict and kind is not list and kind is not tuple:
        return o
    if id(o) in active:
        return o  # a cycle: the encoder reports it
    active.add(id(o))
    try:
        if kind is dict:
            changed = False
            items = []
            for k, v in o.items():
                k2 = None if k is jsnull else k
                v2 = _without_jsnull(v, active)
                changed = changed or k2 is not k or v2 is not v
                items.append((k2, v2))
            return dict(items) if changed else o
        new = [_without_jsnull(v, active) for v in o]
        if all(a is b for a, b in zip(new, o)):
            return o
        return new if kind is list else tuple(new)
    finally:
        active.discard(id(o))


def _patch(encoder_module):
    cls = encoder_module.JSONEncoder
    if getattr(cls.iterencode, "_knows_jsnull", False):
        return
    original = cls.iterencode

    def iterencode(self, o, _one_shot=False):
        return original(self, _without_jsnull(o, set()), _one_shot)

    iterencode._knows_jsnull = True
    cls.iterencode = iterencode


class _PatchJsonEncoder:
    """Patches `json.encoder` right after it is first imported."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname != "json.encoder":
            return None
        sys.meta_path.remove(cls)
        try:
            import importlib.util
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, cls)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            _patch(module)
            if cls in sys.meta_path:
                sys.meta_path.remove(cls)

        spec.loader.exec_module = exec_and_patch
        return spec


def install():
    module = sys.modules.get("json.encoder")
    if module is not None:
        _patch(module)
    elif _PatchJsonEncoder not in sys.meta_path:
        sys.meta_path.insert(0, _PatchJsonEncoder)
