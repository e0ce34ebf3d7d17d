//! Exceptions across the boundary: a Python exception reaching JS becomes a `PythonError` (for
//! a JsException, one whose `cause` is the original JS error: our addition to Pyodide's); a JS
//! throw reaching Python becomes a `JsException` of the thrown error.

use crate::host::js_imports;
use crate::crossing::jsproxy_object::{js_value_of, wrap_js};
use crate::state::RuntimeState;
use rustpython_vm::{
    AsObject, VirtualMachine,
    builtins::{PyBaseException, PyBaseExceptionRef, PyStr},
};
use wasm_bindgen::JsValue;

pub fn py_exc_to_js(rt: &RuntimeState, exc: &PyBaseExceptionRef, vm: &VirtualMachine) -> JsValue {
    let original = js_value_of(rt, exc.as_object(), vm);
    // Like CPython's interactive loop (and Pyodide): keep the exception for post-mortem use.
    let _ = vm.sys_module.set_attr("last_exc", exc.clone(), vm);
    let _ = vm.sys_module.set_attr("last_value", exc.clone(), vm);
    let _ = vm.sys_module.set_attr("last_type", exc.class().to_owned(), vm);
    let text = format_traceback(rt, exc, vm);
    // Pyodide names the class by its `__qualname__` (`Outer.Inner`), without the module.
    let class = exc.class();
    let qualname = class.__qualname__(vm);
    let type_name = match qualname.downcast_ref::<PyStr>() {
        Some(q) => q.to_string_lossy().into_owned(),
        None => class.name().to_string(),
    };
    let error = rt.hooks.python_error(&type_name, &text);
    if let Some(original) = original {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("cause"), &original);
    }
    *rt.last_error.borrow_mut() = Some((error.clone(), exc.clone()));
    error
}

/// The traceback module's text (RustPython's own writer differs from CPython's, e.g. for
/// KeyError); the native writer only before boot or if formatting itself fails.
fn format_traceback(rt: &RuntimeState, exc: &PyBaseExceptionRef, vm: &VirtualMachine) -> String {
    let format = rt.boot.borrow().as_ref().map(|b| b.format_exception.clone());
    if let Some(text) = format.and_then(|f| f.call((exc.clone(),), vm).ok()).and_then(|t| t.downcast::<PyStr>().ok()) {
        return text.to_string_lossy().into_owned();
    }
    let mut text = String::new();
    if vm.write_exception(&mut text, exc).is_err() {
        text = "Error occurred while formatting traceback".to_owned();
    }
    text
}

pub fn js_error_to_py(rt: &RuntimeState, err: JsValue, vm: &VirtualMachine) -> PyBaseExceptionRef {
    // A Python exception that went out as a PythonError and came back: the original again.
    // Compared outside the borrow: `==` on JsValues calls into JS, which may throw (a stack
    // overflow) and would leave the cell borrowed for good.
    let last = rt.last_error.borrow_mut().take();
    if let Some((thrown, exc)) = last {
        if thrown == err {
            return exc;
        }
        *rt.last_error.borrow_mut() = Some((thrown, exc));
    }
    if rt.boot.borrow().is_none() {
        // Only during start-up, before the JsException class exists.
        let text = format!("{}: {}", js_imports::error_name(&err), js_imports::error_message(&err));
        return vm.new_runtime_error(text);
    }
    // A thrown value that is not an error is wrapped in one that describes it, as Pyodide does.
    let err = js_imports::as_thrown_error(&err);
    match wrap_js(rt, err, vm) {
        Ok(obj) => match obj.downcast::<PyBaseException>() {
            Ok(exc) => exc,
            Err(_) => vm.new_runtime_error("a thrown JS error did not become a JsException"),
        },
        Err(e) => e,
    }
}

/// `pyodide.ffi.ConversionError(message)`.
pub fn conversion_error(rt: &RuntimeState, message: &str, vm: &VirtualMachine) -> PyBaseExceptionRef {
    let cls = rt.boot.borrow().as_ref().map(|b| b.conversion_error.clone());
    let made = cls.map(|cls| cls.call((message.to_owned(),), vm));
    match made {
        Some(Ok(obj)) => obj.downcast::<PyBaseException>().unwrap_or_else(|_| vm.new_type_error(message.to_owned())),
        Some(Err(e)) => e,
        None => vm.new_type_error(message.to_owned()),
    }
}
