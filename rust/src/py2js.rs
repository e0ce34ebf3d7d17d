//! Implicit Python -> JS conversion (the seeds' table): immutable values by value, a JsProxy
//! unwrapped, anything else a PyProxy.

use crate::ffi_api::api::JsNull;
use crate::jsproxy::JsProxy;
use crate::state::RuntimeState;
use crate::{js_imports, strings, typeflags};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, VirtualMachine,
    builtins::{PyFloat, PyInt, PyStr},
};
use wasm_bindgen::JsValue;

/// Who owns a PyProxy made during a conversion.
pub enum Lifetime<'a> {
    /// The receiver keeps it until `destroy()` or until the FinalizationRegistry frees it.
    Owned,
    /// It lives for one JS call: collected here and destroyed when the call returns.
    Borrowed(&'a mut Vec<JsValue>),
}

pub const MAX_SAFE_INT: u64 = 1 << 53;

/// Converts immutable values; `None` for anything that needs a PyProxy or an unwrap.
pub fn immutable_to_js(obj: &PyObject, vm: &VirtualMachine) -> Option<JsValue> {
    let cls = obj.class();
    if cls.is(vm.ctx.types.str_type) {
        return obj.downcast_ref::<PyStr>().map(|s| strings::wtf8_to_js(s.as_wtf8()));
    }
    if cls.is(vm.ctx.types.bool_type) {
        return Some(JsValue::from_bool(obj.is(&vm.ctx.true_value)));
    }
    if vm.is_none(obj) {
        return Some(JsValue::UNDEFINED);
    }
    if obj.downcast_ref::<JsNull>().is_some() {
        return Some(JsValue::NULL);
    }
    if let Some(i) = obj.downcast_ref::<PyInt>() {
        return Some(int_to_js(i));
    }
    if let Some(f) = obj.downcast_ref::<PyFloat>() {
        return Some(JsValue::from_f64(f.to_f64()));
    }
    if let Some(s) = obj.downcast_ref::<PyStr>() {
        return Some(strings::wtf8_to_js(s.as_wtf8()));
    }
    None
}

fn int_to_js(i: &PyInt) -> JsValue {
    let big = i.as_bigint();
    // i64 covers the Number range; a failed conversion means it is far beyond 2^53.
    match i64::try_from(big) {
        Ok(v) if v.unsigned_abs() <= MAX_SAFE_INT => JsValue::from_f64(v as f64),
        _ => js_imports::bigint_from_string(&big.to_string()),
    }
}

pub fn py_to_js(rt: &RuntimeState, obj: &PyObjectRef, lifetime: &mut Lifetime<'_>, vm: &VirtualMachine) -> JsValue {
    if let Some(v) = immutable_to_js(obj, vm) {
        return v;
    }
    if let Some(p) = obj.downcast_ref::<JsProxy>() {
        return p.value.clone();
    }
    new_pyproxy(rt, obj.clone(), lifetime, vm)
}

pub fn new_pyproxy(rt: &RuntimeState, obj: PyObjectRef, lifetime: &mut Lifetime<'_>, vm: &VirtualMachine) -> JsValue {
    let flags = typeflags::flags_of(rt, &obj, vm);
    let id = rt.registry.borrow_mut().insert(obj);
    match lifetime {
        Lifetime::Owned => rt.hooks.new_proxy(id, flags, false),
        Lifetime::Borrowed(list) => {
            let proxy = rt.hooks.new_proxy(id, flags, true);
            list.push(proxy.clone());
            proxy
        }
    }
}

/// Destroys the proxies a call borrowed, with Pyodide's message for later use.
pub fn release_borrowed(rt: &RuntimeState, proxies: Vec<JsValue>, message: &str) {
    if proxies.is_empty() {
        return;
    }
    let array = js_sys::Array::new();
    let mut dropped = Vec::with_capacity(proxies.len());
    for p in proxies {
        let id = js_imports::pyproxy_id(&p);
        dropped.push(rt.registry.borrow_mut().remove(id));
        array.push(&p);
    }
    rt.hooks.mark_destroyed(&array, message);
    // Dropping may run __del__, which may use the registry: after its borrow is released.
    drop(dropped);
}

pub const BORROWED_MESSAGE: &str = "This borrowed proxy was automatically destroyed at the end of a function call. Try using create_proxy or create_once_callable.";
