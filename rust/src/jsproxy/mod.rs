//! JS objects in Python beyond the class itself: the protocols (`ops`), the native slots of
//! JsArray (`array`), `JsProxy.to_py` (`to_py_method`) and the `pyodide.ffi` functions
//! (`ffi_api`). Depends on `convert`, `crossing`, `state` and `host`.

pub mod array;
pub mod ffi_api;
pub mod ops;
pub mod to_py_method;
