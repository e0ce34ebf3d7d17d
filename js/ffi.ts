// The `ffi` namespace (Pyodide's `pyodide.ffi`): the PyProxy classes for `instanceof` checks and
// type annotations, PyBufferView and PythonError. `import { ffi } from "@pkg/ffi"` gives both
// value and type. Named one by one: the modules behind it have internals the package keeps.

export {
  PyProxy, PyProxyWithLength, PyProxyWithGet, PyProxyWithSet, PyProxyWithHas, PyIterable, PyIterator,
  PyGenerator, PyAsyncIterable, PyAsyncIterator, PyAsyncGenerator, PyAwaitable, PyBuffer, PyCallable,
  PySequence, PyMutableSequence, PyDict, type ToJsOptions,
} from "./pyproxy/pyproxy-classes.js";
export { PyBufferView, type BufferType } from "./pyproxy/pybuffer.js";
export { PythonError } from "./crossing/errors.js";
