// @pkg/ffi: Python in the browser and in Node, with Pyodide's FFI API.

import { FSError, PythonError } from "./errors.js";
import {
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
} from "./pyproxy.js";

export { loadPython, PythonRuntime } from "./runtime.js";
export type { LoadPythonOptions, RunOptions, RuntimeStats } from "./runtime.js";
export type { FileSystem, FSStat } from "./fs.js";
export type { ToJsOptions } from "./pyproxy.js";
export { PythonError, FSError };

/** The proxy classes and errors, for `instanceof` checks (Pyodide's `pyodide.ffi`). */
export const ffi = {
  PyProxy,
  PyProxyWithLength,
  PyProxyWithGet,
  PyProxyWithSet,
  PyProxyWithHas,
  PyDict,
  PyIterable,
  PyAsyncIterable,
  PyIterator,
  PyAsyncIterator,
  PyGenerator,
  PyAsyncGenerator,
  PyAwaitable,
  PyCallable,
  PyBuffer,
  PySequence,
  PyMutableSequence,
  PythonError,
};
export {
  PyProxy,
  PyProxyWithLength,
  PyProxyWithGet,
  PyProxyWithSet,
  PyProxyWithHas,
  PyDict,
  PyIterable,
  PyAsyncIterable,
  PyIterator,
  PyAsyncIterator,
  PyGenerator,
  PyAsyncGenerator,
  PyAwaitable,
  PyCallable,
  PyBuffer,
  PySequence,
  PyMutableSequence,
};
