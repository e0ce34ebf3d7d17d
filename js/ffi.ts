// The `ffi` namespace (Pyodide's `pyodide.ffi`): the PyProxy classes for `instanceof` checks and
// type annotations, and PythonError. `import { ffi } from "@pkg/ffi"` gives both value and type.

export {
  PyAsyncGenerator,
  PyAsyncIterable,
  PyAsyncIterator,
  PyAwaitable,
  PyBuffer,
  PyCallable,
  PyDict,
  PyGenerator,
  PyIterable,
  PyIterator,
  PyMutableSequence,
  PyProxy,
  PyProxyWithGet,
  PyProxyWithHas,
  PyProxyWithLength,
  PyProxyWithSet,
  PySequence,
  type ToJsOptions,
} from "./pyproxy.js";
export { PyBufferView, type BufferType } from "./pybuffer.js";
export { PythonError } from "./errors.js";
