//! `JsProxy.to_py(*, depth=-1, default_converter=None)` as a native method, as in Pyodide: Array ->
//! list, Map and plain objects -> dict, Set -> set, buffers -> memoryview copies, `depth` levels
//! (-1: all); `default_converter(value, convert, cache)` handles what has no rule.
//!
//! It is a method of `_pyffi.JsConvertible`, a native class between JsProxy and every Python
//! JsProxy class (`_pyffi_jsproxy._JsObject`), so that the JsProxy class itself (in `crossing/`)
//! does not depend on the conversions.

use crate::convert::options;
use crate::convert::to_py::{self, PyDefaultConverter};
use crate::crossing::jsproxy_object::{JsProxy, runtime};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, TryFromObject, VirtualMachine, function::FuncArgs};

/// What `_pyffi` gets from here: the class, made once its base exists (see `array_slots`).
#[pymodule(sub)]
pub(crate) mod to_py_method {
    use super::JsConvertible;
    use crate::crossing::jsproxy_object::JsProxy;
    use rustpython_vm::{VirtualMachine, builtins::PyTypeRef, class::PyClassImpl};

    #[pyattr(name = "JsConvertible")]
    fn js_convertible(_vm: &VirtualMachine) -> PyTypeRef {
        let _ = JsProxy::make_static_type();
        JsConvertible::make_static_type()
    }
}

/// Never instantiated itself: its instances are JsProxies of the classes that derive from it.
#[pyclass(module = "pyodide.ffi", name = "JsProxy", base = JsProxy)]
#[repr(transparent)]
#[derive(Debug)]
pub struct JsConvertible(JsProxy);

#[pyclass(flags(BASETYPE))]
impl JsConvertible {
    /// Arguments parsed here for Pyodide's messages: keyword-only `depth` and `default_converter`.
    #[pymethod]
    fn to_py(zelf: PyObjectRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        if !args.args.is_empty() {
            return Err(vm.new_type_error("to_py() takes no positional arguments"));
        }
        let mut depth = -1;
        let mut converter = None;
        for (name, value) in args.kwargs {
            // A key that is no valid UTF-8 matches no parameter (and is reported as such).
            match name.as_str().unwrap_or("") {
                "depth" => depth = i32::try_from_object(vm, value)?,
                "default_converter" if vm.is_none(&value) => converter = None,
                "default_converter" if value.is_callable() => converter = Some(PyDefaultConverter::Py(value)),
                "default_converter" => {
                    return Err(vm.new_type_error(options::message("to_py", "default_converter", options::FUNCTION, None)));
                }
                _ => return Err(vm.new_type_error(format!("to_py() got an unexpected keyword argument '{name}'"))),
            }
        }
        let rt = runtime(vm)?;
        let proxy = zelf.as_object().downcast_ref::<JsProxy>().ok_or_else(|| vm.new_type_error("to_py() needs a JsProxy"))?;
        to_py::convert(&rt, proxy.value.clone(), depth, converter, vm)
    }
}
