"""`pyscript.display(*values, target=None, append=True)` and `pyscript.HTML`.

Each value is rendered by the first representation it has, in PyScript's order:
`_repr_mimebundle_`, then `_repr_html_`, `_repr_svg_`, `_repr_png_`, `_repr_jpeg_`,
`_repr_markdown_`, `_repr_json_`, and finally `repr()`. HTML and SVG are inserted as markup;
PNG and JPEG become `<img>` data URLs; everything else (strings included) is text, HTML-escaped.
"""

# `html` and `json` are imported where used: each costs more to import than a worker takes to
# start, and most programs that import `pyscript` never display anything.
import base64

from . import context
from .ffi import is_none

__all__ = ["HTML", "display"]


class HTML:
    """A string `display()` inserts as HTML (plain strings are shown as escaped text)."""

    def __init__(self, html):
        self._html = html

    def _repr_html_(self):
        return self._html

    def __repr__(self):
        return f"HTML({self._html!r})"


def _escape(text):
    import html

    return html.escape(text)


def _image(mime):
    def render(value, meta):
        if isinstance(value, (bytes, bytearray, memoryview)):
            value = base64.b64encode(bytes(value)).decode("ascii")
        attributes = "".join(f' {_escape(str(k))}="{_escape(str(v))}"' for k, v in meta.items())
        return f'<img src="data:{mime};base64,{value}"{attributes}>', True

    return render


def _text(value, meta):
    if isinstance(value, str):
        return _escape(value), False
    import json

    return _escape(json.dumps(value)), False


def _markup(value, meta):
    return value, True


# MIME type -> renderer giving (content, is_markup). Ordered: the first one an object has wins.
_RENDERERS = {
    "text/html": _markup,
    "image/svg+xml": _markup,
    "image/png": _image("image/png"),
    "image/jpeg": _image("image/jpeg"),
    "text/markdown": _text,
    "application/json": _text,
    "text/plain": _text,
}

_METHODS = {
    "text/html": "_repr_html_",
    "image/svg+xml": "_repr_svg_",
    "image/png": "_repr_png_",
    "image/jpeg": "_repr_jpeg_",
    "text/markdown": "_repr_markdown_",
    "application/json": "_repr_json_",
}


def _split_meta(output):
    # IPython's methods may return (data, metadata).
    if isinstance(output, tuple) and len(output) == 2 and isinstance(output[1], dict):
        return output
    return output, {}


def _from_mimebundle(value):
    method = getattr(value, "_repr_mimebundle_", None)
    if method is None or not callable(method):
        return None
    bundle = method()
    if not bundle:
        return None
    bundle, bundle_meta = _split_meta(bundle)
    for mime, render in _RENDERERS.items():
        if mime in bundle:
            output, meta = _split_meta(bundle[mime])
            return render(output, {**bundle_meta.get(mime, {}), **meta})
    return None


def _render(value):
    """(content, is_markup) for `value`."""
    if isinstance(value, str):
        return _escape(value), False
    rendered = _from_mimebundle(value)
    if rendered is not None:
        return rendered
    for mime, name in _METHODS.items():
        method = getattr(value, name, None)
        if method is None or not callable(method):
            continue
        output = method()
        if output is None:
            continue
        output, meta = _split_meta(output)
        return _RENDERERS[mime](output, meta)
    return _escape(repr(value)), False


def _target_element(target):
    if target is None or is_none(target):
        element = context.default_target()
        if element is None:
            raise ValueError(
                "display() has no target: pass target='element-id', or load the runtime with "
                "loadPython({ target }) to give it a default one"
            )
        return element
    if isinstance(target, str):
        element_id = target[1:] if target.startswith("#") else target
        element = context.window.document.getElementById(element_id)
        if is_none(element):
            raise ValueError(f"Cannot find element with id='{element_id}' in the page.")
        return element
    dom_element = getattr(target, "_dom_element", None)  # a pyscript.web Element
    if dom_element is not None:
        return dom_element
    if not hasattr(target, "append") or not hasattr(target, "replaceChildren"):
        raise TypeError(
            f"display() target must be an element id, an element or a pyscript.web element, "
            f"not {type(target).__name__}"
        )
    return target


def _write(element, value, append):
    content, is_markup = _render(value)
    if not content.strip():
        return
    document = context.window.document
    if append:
        container = document.createElement("div")
        element.append(container)
    else:
        container = element
    if is_markup:
        # A fragment rather than innerHTML, so that scripts in the markup run (as in PyScript).
        container.append(document.createRange().createContextualFragment(content))
    else:
        container.innerHTML = content


def display(*values, target=None, append=True):
    """Renders each value into `target` (an element id, with or without '#', an element, or a
    `pyscript.web` element; default: the runtime's `target`). `append=False` replaces what the
    target holds."""
    element = _target_element(target)
    if not append:
        element.replaceChildren()
    for value in values:
        _write(element, value, append)
