// The `ffi` namespace (Pyodide's `pyodide.ffi`): the PyProxy classes for `instanceof` checks and
// type annotations, PyBufferView and PythonError. `import { ffi } from "@pkg/ffi"` gives both
// value and type.

export * from "./pyproxy-classes.js";
export { PyBufferView, type BufferType } from "./pybuffer.js";
export { PythonError } from "./errors.js";
