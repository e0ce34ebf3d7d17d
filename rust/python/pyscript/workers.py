"""`pyscript.workers` (main thread): `await workers["name"]` is the `sync` of the worker started
with that name (`loadPythonWorker({ name })`, or `PyWorker(url, name=...)`), once it is ready."""

from ._host import main_thread_workers


class _ReadOnlyWorkersProxy:
    """Named workers by item or attribute; each lookup is a promise of that worker's `sync`."""

    def __getitem__(self, name):
        return main_thread_workers().named(name)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return main_thread_workers().named(name)


workers = _ReadOnlyWorkersProxy()
