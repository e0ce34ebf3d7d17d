// @pkg/ffi: Python in the browser and in Node, with Pyodide's FFI API.

import { FSError, PythonError } from "./errors.js";
import {
  PyCallable,
  PyDict,
  PyProxy,
  PyProxyWithGet,
  PyProxyWithHas,
  PyProxyWithLength,
  PyProxyWithSet,
} from "./pyproxy.js";

export { loadPython, PythonRuntime } from "./runtime.js";
export type { LoadPythonOptions, RunOptions, RuntimeStats } from "./runtime.js";
export type { FileSystem, FSStat } from "./fs.js";
export { PythonError, FSError };

/** The proxy classes and errors, for `instanceof` checks (Pyodide's `pyodide.ffi`). */
export const ffi = {
  PyProxy,
  PyProxyWithLength,
  PyProxyWithGet,
  PyProxyWithSet,
  PyProxyWithHas,
  PyDict,
  PyCallable,
  PythonError,
};
export {
  PyProxy,
  PyProxyWithLength,
  PyProxyWithGet,
  PyProxyWithSet,
  PyProxyWithHas,
  PyDict,
  PyCallable,
};
