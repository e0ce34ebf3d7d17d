"""`pyscript.web`: the page's elements as Python objects.

- `page`: `page.find(selector)` (an ElementCollection), `page["id"]` / `page["#id"]` (an Element
  or None), `page.body`, `page.head`, `page.title` (settable), `page.append(...)`.
- Elements are made by tag: `div("text", p("child"), id="box", classes=["a", "b"],
  style={"color": "red"}, on_click=handler)`; string children are inserted as HTML, as PyScript
  does. Any other attribute reads and writes the DOM element's property (`el.innerHTML`,
  `el.value`; a trailing `_` is dropped, so `for_` and `class_` work).
- `el.classes` is a live set of CSS class names, `el.style` a live dict of CSS properties.
- `el.append(...)`, `el.find(selector)`, `el.children`, `el.parent`, `el.clone()`,
  `el.update(classes=, style=, **properties)`, `el.on_<event>` (an `Event` to add listeners to).
- An ElementCollection indexes like a list (`[0]`, slices, `["id"]`), finds inside its elements,
  and sets on all of them at once: `items.innerHTML = "x"`, `items.update_all(...)`,
  `items.classes.add("done")`, `items.style["color"] = "red"`.
`@when(event, element_or_collection)` attaches handlers to them."""

from collections.abc import MutableMapping, MutableSet

from pyodide.ffi import create_proxy

from . import context
from .events import Event, when
from .ffi import is_none

__all__ = ["Element", "ElementCollection", "Page", "page", "when"]


def _document():
    return context.window.document


def _wrap(dom_element):
    return None if dom_element is None or is_none(dom_element) else Element.wrap(dom_element)


def _by_id(dom_node, key):
    element_id = key[1:] if key.startswith("#") else key
    if not element_id:
        return None
    escape = context.window.CSS.escape
    return _wrap(dom_node.querySelector("#" + str(escape(element_id))))


def _property_name(name):
    if name.endswith("_"):
        name = name[:-1]
    return {"for": "htmlFor", "class": "className"}.get(name, name)


class Element:
    """A DOM element. Made by its tag's class (`div(...)`) or found on the page."""

    _classes_by_tag = {}

    @classmethod
    def tag_name(cls):
        return cls.__name__.rstrip("_")

    @classmethod
    def wrap(cls, dom_element):
        """The Element of `dom_element`, of its tag's class where there is one."""
        element_class = Element._classes_by_tag.get(str(dom_element.tagName).lower(), Element)
        return element_class(dom_element=dom_element)

    def __init__(self, dom_element=None, classes=None, style=None, **properties):
        if dom_element is None:
            if type(self) is Element:
                raise TypeError("Element() needs dom_element=...; make new elements with their tag: div(), p(), ...")
            dom_element = _document().createElement(type(self).tag_name())
        object.__setattr__(self, "_dom_element", dom_element)
        object.__setattr__(self, "_events", {})
        self.update(classes=classes, style=style, **properties)

    def __eq__(self, other):
        return isinstance(other, Element) and other._dom_element == self._dom_element

    def __hash__(self):
        return hash(self._dom_element)

    def __repr__(self):
        element_id = str(self._dom_element.id)
        return f"<{type(self).__name__}{' #' + element_id if element_id else ''}>"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name.startswith("on_"):
            return self.get_event(name)
        return getattr(self._dom_element, _property_name(name))

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        elif name.startswith("on_"):
            self.get_event(name).add_listener(value)
        else:
            setattr(self._dom_element, _property_name(name), value)

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            return self.children[key]
        if isinstance(key, str):
            return _by_id(self._dom_element, key)
        raise TypeError(f"Element indices must be integers, slices, or strings, not {type(key).__name__}.")

    def get_event(self, name):
        """The `Event` for DOM event `on_<name>`: its listeners run on each such DOM event."""
        if not name.startswith("on_"):
            raise ValueError("Event names must start with 'on_'.")
        event = self._events.get(name)
        if event is None:
            event_name = name[3:]
            if not hasattr(self._dom_element, "on" + event_name) and not hasattr(self._dom_element, event_name):
                raise ValueError(f"Element has no '{event_name}' event.")
            event = Event()
            self._events[name] = event
            self._dom_element.addEventListener(event_name, create_proxy(event.trigger))
        return event

    @property
    def classes(self):
        """The element's CSS classes, as a live set."""
        return Classes(self._dom_element)

    @property
    def style(self):
        """The element's inline CSS properties, as a live dict (`style["font-size"] = "2em"`)."""
        return Style(self._dom_element)

    @property
    def children(self):
        return ElementCollection.wrap(self._dom_element.children)

    @property
    def parent(self):
        return _wrap(self._dom_element.parentElement)

    def append(self, *items):
        """Appends Elements, collections, DOM nodes, lists of these, or text."""
        for item in items:
            if isinstance(item, Element):
                self._dom_element.appendChild(item._dom_element)
            elif isinstance(item, (ElementCollection, list, tuple)):
                self.append(*item)
            elif isinstance(item, (str, int, float)):
                self._dom_element.append(str(item))
            elif hasattr(item, "nodeType"):
                self._dom_element.appendChild(item)
            else:
                raise TypeError(f"Cannot append {type(item).__name__} to element.")

    def find(self, selector):
        """The elements inside this one that match a CSS selector."""
        return ElementCollection.wrap(self._dom_element.querySelectorAll(selector))

    def clone(self, clone_id=None):
        """A deep copy of the element (with id `clone_id`, or none)."""
        copy = Element.wrap(self._dom_element.cloneNode(True))
        copy._dom_element.removeAttribute("id")
        if clone_id is not None:
            copy.id = clone_id
        return copy

    def show_me(self):
        self._dom_element.scrollIntoView()

    def update(self, classes=None, style=None, **properties):
        """Adds `classes` (a name, names separated by spaces, or a list), sets `style` (a dict)
        and sets each other keyword as a property (`on_<event>` ones add listeners)."""
        if classes:
            for name in [classes] if isinstance(classes, str) else classes:
                self.classes.add(name)
        if style:
            self.style.update(style)
        for name, value in properties.items():
            setattr(self, name, value)


class ContainerElement(Element):
    """An element with children: positional arguments (and `children=`) are appended; strings
    are inserted as HTML."""

    def __init__(self, *children, dom_element=None, classes=None, style=None, **properties):
        more = properties.pop("children", None) or []
        super().__init__(dom_element=dom_element, classes=classes, style=style, **properties)
        for child in list(children) + list(more):
            if isinstance(child, str):
                self._dom_element.insertAdjacentHTML("beforeend", child)
            else:
                self.append(child)

    def __iter__(self):
        return iter(self.children)


def _class_names(names):
    return [name for name in str(names).split() if name]


class Classes(MutableSet):
    """The live set of an element's CSS class names (its `classList`)."""

    def __init__(self, dom_element):
        self._list = dom_element.classList

    def __contains__(self, name):
        return bool(self._list.contains(name))

    def __iter__(self):
        return iter([str(name) for name in self._list])

    def __len__(self):
        return int(self._list.length)

    def __repr__(self):
        return f"Classes({set(self)!r})"

    def add(self, name):
        for one in _class_names(name):
            self._list.add(one)

    def discard(self, name):
        for one in _class_names(name):
            self._list.remove(one)

    def remove(self, name):
        # As in PyScript: a missing class is a console warning, not a KeyError.
        for one in _class_names(name):
            if one in self:
                self._list.remove(one)
            else:
                context.window.console.warn(f"Class '{one}' not found in element classes.")

    def clear(self):
        self._list.value = ""


class Style(MutableMapping):
    """The live dict of an element's inline CSS properties (CSS names: "font-size")."""

    def __init__(self, dom_element):
        self._style = dom_element.style

    def __getitem__(self, name):
        value = str(self._style.getPropertyValue(name))
        if value == "":
            raise KeyError(name)
        return value

    def __setitem__(self, name, value):
        self._style.setProperty(name, str(value))

    def __delitem__(self, name):
        if name not in self:
            raise KeyError(name)
        self._style.removeProperty(name)

    def __contains__(self, name):
        return str(self._style.getPropertyValue(name)) != ""

    def __iter__(self):
        return iter([str(self._style.item(i)) for i in range(int(self._style.length))])

    def __len__(self):
        return int(self._style.length)

    def __repr__(self):
        return f"Style({dict(self)!r})"


class ElementCollection:
    """Several Elements: indexed like a list (and by id), searched, and set all at once."""

    @classmethod
    def wrap(cls, dom_elements):
        return cls([Element.wrap(dom_element) for dom_element in dom_elements])

    def __init__(self, elements):
        object.__setattr__(self, "_elements", list(elements))

    def __eq__(self, other):
        return isinstance(other, ElementCollection) and other._elements == self._elements

    def __len__(self):
        return len(self._elements)

    def __iter__(self):
        return iter(self._elements)

    def __repr__(self):
        return f"ElementCollection (length: {len(self._elements)}) {self._elements!r}"

    def __getitem__(self, key):
        if isinstance(key, int):
            return self._elements[key]
        if isinstance(key, slice):
            return ElementCollection(self._elements[key])
        if isinstance(key, str):
            element_id = key[1:] if key.startswith("#") else key
            for element in self._elements:
                if str(element._dom_element.id) == element_id:
                    return element
                found = _by_id(element._dom_element, element_id)
                if found is not None:
                    return found
            return None
        raise TypeError(f"Collection indices must be integers, slices, or strings, not {type(key).__name__}")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        # A property read gives each element's value.
        return [getattr(element, name) for element in self._elements]

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        for element in self._elements:
            setattr(element, name, value)

    @property
    def elements(self):
        return list(self._elements)

    @property
    def classes(self):
        """Every element's classes at once: `add`, `discard`, `remove`, `clear`, `in` (in all)."""
        return _CollectionClasses(self._elements)

    @property
    def style(self):
        """Every element's style at once: `style[name] = value`, `del style[name]`."""
        return _CollectionStyle(self._elements)

    def find(self, selector):
        found = []
        for element in self._elements:
            found.extend(element.find(selector))
        return ElementCollection(found)

    def update_all(self, classes=None, style=None, **properties):
        for element in self._elements:
            element.update(classes=classes, style=style, **properties)


class _CollectionClasses:
    def __init__(self, elements):
        self._sets = [element.classes for element in elements]

    def __contains__(self, name):
        return bool(self._sets) and all(name in one for one in self._sets)

    def add(self, name):
        for one in self._sets:
            one.add(name)

    def discard(self, name):
        for one in self._sets:
            one.discard(name)

    def remove(self, name):
        for one in self._sets:
            one.remove(name)

    def clear(self):
        for one in self._sets:
            one.clear()


class _CollectionStyle:
    def __init__(self, elements):
        self._styles = [element.style for element in elements]

    def __setitem__(self, name, value):
        for one in self._styles:
            one[name] = value

    def __delitem__(self, name):
        for one in self._styles:
            one.pop(name, None)


class Page:
    """The document: find elements in it, reach its body and head, read and set its title."""

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"page indices must be element ids (str), not {type(key).__name__}")
        return _by_id(_document(), key)

    @property
    def body(self):
        return Element.wrap(_document().body)

    @property
    def head(self):
        return Element.wrap(_document().head)

    @property
    def title(self):
        return str(_document().title)

    @title.setter
    def title(self, value):
        _document().title = value

    def append(self, *items):
        self.body.append(*items)

    def find(self, selector):
        return ElementCollection.wrap(_document().querySelectorAll(selector))


# The tags: container elements take children; void elements cannot have any.
_CONTAINER_TAGS = (
    "a abbr address article aside audio b bdi bdo blockquote body button canvas caption cite code "
    "colgroup data datalist dd del_ details dfn dialog div dl dt em fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup html i iframe ins kbd label legend li main map_ mark menu "
    "meter nav object_ ol optgroup option output p picture pre progress q s samp script section select "
    "small span strong style sub summary sup table tbody td template textarea tfoot th thead time tr u "
    "ul var video"
).split()
_VOID_TAGS = "area base br col embed hr img input_ link meta param source track wbr".split()


def _define_tags():
    names = {}
    for name in _CONTAINER_TAGS:
        names[name] = type(name, (ContainerElement,), {"__module__": __name__, "__doc__": f"A <{name.rstrip('_')}> element."})
    for name in _VOID_TAGS:
        names[name] = type(name, (Element,), {"__module__": __name__, "__doc__": f"A <{name.rstrip('_')}> element."})
    for cls in names.values():
        Element._classes_by_tag[cls.tag_name()] = cls
    return names


_tags = _define_tags()
globals().update(_tags)
__all__ += sorted(_tags)

page = Page()
