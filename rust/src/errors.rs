//! Exceptions across the boundary: a Python exception reaching JS becomes a `PythonError`
//! (or, for a JsException, the original JS value again); a JS throw reaching Python becomes
//! a `JsException` carrying the thrown value.

use crate::js_imports;
use crate::jsproxy::{JsProxy, wrap_js};
use crate::state::RuntimeState;
use rustpython_vm::{
    AsObject, VirtualMachine,
    builtins::{PyBaseException, PyBaseExceptionRef, PyStr},
};
use wasm_bindgen::JsValue;

pub fn py_exc_to_js(rt: &RuntimeState, exc: &PyBaseExceptionRef, vm: &VirtualMachine) -> JsValue {
    if let Some(original) = carried_js_error(rt, exc, vm) {
        return original;
    }
    // Like CPython's interactive loop (and Pyodide): keep the exception for post-mortem use.
    let _ = vm.sys_module.set_attr("last_exc", exc.clone(), vm);
    let _ = vm.sys_module.set_attr("last_value", exc.clone(), vm);
    let _ = vm.sys_module.set_attr("last_type", exc.class().to_owned(), vm);
    let text = format_traceback(rt, exc, vm);
    let type_name = exc.class().slot_name();
    let error = rt.hooks.python_error(&type_name, &text);
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

/// The JS value inside a JsException, so JS gets back the very object it threw.
fn carried_js_error(rt: &RuntimeState, exc: &PyBaseExceptionRef, vm: &VirtualMachine) -> Option<JsValue> {
    let boot = rt.boot.borrow();
    let cls = &boot.as_ref()?.js_exception;
    if !exc.as_object().is_instance(cls, vm).ok()? {
        return None;
    }
    let err = exc.as_object().get_attr("js_error", vm).ok()?;
    err.downcast_ref::<JsProxy>().map(|p| p.value.clone())
}

pub fn js_error_to_py(rt: &RuntimeState, err: JsValue, vm: &VirtualMachine) -> PyBaseExceptionRef {
    // A Python exception that went out as a PythonError and came back: the original again.
    let returning = rt.last_error.borrow_mut().take_if(|(thrown, _)| *thrown == err);
    if let Some((_, exc)) = returning {
        return exc;
    }
    let cls = rt.boot.borrow().as_ref().map(|b| b.js_exception.clone());
    let Some(cls) = cls else {
        // Only during start-up, before the JsException class exists.
        let text = format!("{}: {}", js_imports::error_name(&err), js_imports::error_message(&err));
        return vm.new_runtime_error(text);
    };
    let proxy = match wrap_js(rt, err, vm) {
        Ok(p) => p,
        Err(e) => return e,
    };
    match cls.call((proxy,), vm) {
        Ok(obj) => match obj.downcast::<PyBaseException>() {
            Ok(exc) => exc,
            Err(_) => vm.new_runtime_error("JsException did not construct an exception"),
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
