"""`pyscript.workers` (main thread): named workers' `sync`, each a promise to await."""


from pyodide.ffi import JsPromise, JsProxy

class _ReadOnlyWorkersProxy:
    def __getitem__(self, name: str) -> JsPromise: ...
    def __getattr__(self, name: str) -> JsPromise: ...

workers: _ReadOnlyWorkersProxy
