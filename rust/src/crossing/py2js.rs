//! Implicit Python -> JS conversion (the seeds' table): immutable values by value, a JsProxy
//! unwrapped, anything else a PyProxy.

use crate::crossing::jsnull::JsNull;
use crate::crossing::jsproxy_object::js_value_of;
use crate::state::RuntimeState;
use crate::host::{js_imports, strings};
use crate::crossing::typeflags;
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

const MAX_SAFE_INT: u64 = 1 << 53;

/// A Python value that crosses by value (the implicit table's first rows). Implicit conversion
/// makes a JS value of it; the explicit converter encodes it (rust/src/convert/to_js.rs). One classification, so
/// both follow the same rules.
pub enum Immutable<'a> {
    Str(&'a PyStr),
    /// A float, or an int with |x| <= 2^53.
    Number(f64),
    /// An int beyond 2^53: a BigInt.
    BigInt(&'a PyInt),
    Bool(bool),
    /// `None`: `undefined`.
    Undefined,
    /// `jsnull`: `null`.
    Null,
}

/// How `obj` crosses by value, or `None` if it needs a PyProxy or an unwrap. Exact types are
/// checked first (the common case); subclasses (IntEnum, str subclasses) lose their type.
pub fn immutable<'a>(obj: &'a PyObject, vm: &VirtualMachine) -> Option<Immutable<'a>> {
    let cls = obj.class();
    let types = &vm.ctx.types;
    if cls.is(types.str_type) {
        return obj.downcast_ref::<PyStr>().map(|s| Immutable::Str(s));
    }
    if cls.is(types.int_type) {
        return obj.downcast_ref::<PyInt>().map(|i| int(i));
    }
    if cls.is(types.float_type) {
        return obj.downcast_ref::<PyFloat>().map(|f| Immutable::Number(f.to_f64()));
    }
    if cls.is(types.bool_type) {
        return Some(Immutable::Bool(obj.is(&vm.ctx.true_value)));
    }
    if vm.is_none(obj) {
        return Some(Immutable::Undefined);
    }
    if obj.downcast_ref::<JsNull>().is_some() {
        return Some(Immutable::Null);
    }
    if let Some(i) = obj.downcast_ref::<PyInt>() {
        // A JsBigInt is a BigInt in JS whatever its size.
        if cls.get_attr(vm.ctx.intern_str("_js_bigint")).is_some() {
            return Some(Immutable::BigInt(i));
        }
        return Some(int(i));
    }
    if let Some(f) = obj.downcast_ref::<PyFloat>() {
        return Some(Immutable::Number(f.to_f64()));
    }
    obj.downcast_ref::<PyStr>().map(|s| Immutable::Str(s))
}

fn int(i: &PyInt) -> Immutable<'_> {
    // i64 covers the Number range; a failed conversion means it is far beyond 2^53.
    match i64::try_from(i.as_bigint()) {
        Ok(v) if v.unsigned_abs() <= MAX_SAFE_INT => Immutable::Number(v as f64),
        _ => Immutable::BigInt(i),
    }
}

/// Converts immutable values; `None` for anything that needs a PyProxy or an unwrap.
pub fn immutable_to_js(obj: &PyObject, vm: &VirtualMachine) -> Option<JsValue> {
    immutable(obj, vm).map(Immutable::into_js)
}

impl Immutable<'_> {
    pub fn into_js(self) -> JsValue {
        match self {
            Immutable::Str(s) => strings::wtf8_to_js(s.as_wtf8()),
            Immutable::Number(n) => JsValue::from_f64(n),
            Immutable::BigInt(i) => js_imports::bigint_from_string(&i.as_bigint().to_string()),
            Immutable::Bool(b) => JsValue::from_bool(b),
            Immutable::Undefined => JsValue::UNDEFINED,
            Immutable::Null => JsValue::NULL,
        }
    }
}

pub fn py_to_js(rt: &RuntimeState, obj: &PyObjectRef, lifetime: &mut Lifetime<'_>, vm: &VirtualMachine) -> JsValue {
    if let Some(v) = immutable_to_js(obj, vm) {
        return v;
    }
    mutable_to_js(rt, obj, lifetime, vm)
}

/// `py_to_js` for a value `immutable` has already turned down: its JS value if it is a
/// JsProxy, else a new PyProxy.
pub fn mutable_to_js(rt: &RuntimeState, obj: &PyObjectRef, lifetime: &mut Lifetime<'_>, vm: &VirtualMachine) -> JsValue {
    if let Some(v) = js_value_of(rt, obj, vm) {
        return v;
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
pub const ASYNC_BORROWED_MESSAGE: &str = "This borrowed proxy was automatically destroyed at the end of an asynchronous function call. Try using create_proxy or create_once_callable.";
