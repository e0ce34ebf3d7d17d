//! How a call from JS enters a runtime (`Core::entry`): the runtime is marked current, the
//! interpreter held, and a Python exception leaving it becomes the JS error thrown to the caller.

use crate::crossing::errors::py_exc_to_js;
use crate::state::{Core, RuntimeState};
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use wasm_bindgen::JsValue;

impl Core {
    pub(crate) fn entry<R>(&self, f: impl FnOnce(&RuntimeState, &VirtualMachine) -> PyResult<R>) -> Result<R, JsValue> {
        let rt = &self.rt;
        crate::state::enter(rt, |vm| f(rt, vm).map_err(|e| py_exc_to_js(rt, &e, vm)))
    }

    /// As `entry`, for work that JS starts and that calls only back into JS (`toPy`): a JS error
    /// raised on the way reaches the caller as the very value JS threw, as in Pyodide, whose
    /// conversion runs in JS.
    pub(crate) fn entry_from_js<R>(&self, f: impl FnOnce(&RuntimeState, &VirtualMachine) -> PyResult<R>) -> Result<R, JsValue> {
        let rt = &self.rt;
        crate::state::enter(rt, |vm| {
            f(rt, vm).map_err(|e| crate::crossing::jsproxy_object::js_value_of(rt, rustpython_vm::AsObject::as_object(&e), vm).unwrap_or_else(|| py_exc_to_js(rt, &e, vm)))
        })
    }

    pub(crate) fn object(&self, id: f64, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        self.rt.registry.borrow().get(id).cloned().ok_or_else(|| vm.new_runtime_error(wire::DESTROYED_MESSAGE))
    }
}
