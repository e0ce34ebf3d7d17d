"""`pyscript.js_modules`: the JavaScript modules named in the configuration's `js_modules.main`
(`loadPython({ config: { js_modules: { main: { url: name } } } })`). Each one is importable as
`from pyscript.js_modules import name`. This module stands in when none are configured; loading
with some replaces it."""


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise AttributeError(
        f"no JavaScript module {name!r} is configured: list it in loadPython's "
        f"config.js_modules.main ({{ url: {name!r} }})"
    )
