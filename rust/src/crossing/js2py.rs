//! Implicit JS -> Python conversion (the seeds' table): primitives by value, a PyProxy unwrapped
//! to its Python object, anything else a JsProxy of the class for its capabilities.

use crate::crossing::errors::js_error_to_py;
use crate::crossing::jsproxy_object::{flags, new_jsproxy};
use crate::state::RuntimeState;
use crate::host::{js_imports, strings};
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use wire::{DESTROYED_MESSAGE, ValueKind};
use wasm_bindgen::JsValue;

// The codes of kindOf() in host/helpers.js (declared in rust/wire).
const NULLISH: u32 = ValueKind::Nullish as u32;
const FALSE: u32 = ValueKind::False as u32;
const TRUE: u32 = ValueKind::True as u32;
const NUMBER: u32 = ValueKind::Number as u32;
const STRING: u32 = ValueKind::String as u32;
const BIGINT: u32 = ValueKind::BigInt as u32;
pub const PYPROXY: u32 = ValueKind::PyProxy as u32;
pub const ROUNDTRIP_PYPROXY: u32 = ValueKind::RoundtripPyProxy as u32;
/// Any other object or function: `OBJECT + flags * FLAG_SHIFT`.
pub const OBJECT: u32 = ValueKind::Object as u32;
pub const FLAG_SHIFT: u32 = ValueKind::FlagShift as u32;

/// A JS number in Python: `int` when integral with |x| <= 2^53 (so -0 becomes 0), else `float`.
/// The one rule for implicit and explicit conversions.
pub fn number_to_py(x: f64, vm: &VirtualMachine) -> PyObjectRef {
    if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0 {
        vm.ctx.new_int(x as i64).into()
    } else {
        vm.ctx.new_float(x).into()
    }
}

/// A JS BigInt (its decimal digits) in Python: a `JsBigInt`, as in Pyodide 314, so that it goes
/// back to JS as a BigInt.
pub fn bigint_to_py(rt: &RuntimeState, digits: &str, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let big = digits
        .parse::<malachite_bigint::BigInt>()
        .map_err(|_| vm.new_value_error(format!("cannot convert BigInt {digits} to int")))?;
    let int: PyObjectRef = vm.ctx.new_bigint(&big).into();
    let class = rt.boot.borrow().as_ref().map(|b| b.js_bigint.clone());
    match class {
        Some(class) => class.call((int,), vm),
        // Only during start-up.
        None => Ok(int),
    }
}

pub fn js_to_py(rt: &RuntimeState, v: JsValue, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let kind = js_imports::kind_of(&v);
    js_kind_to_py(rt, v, kind, None, vm)
}

/// What `read_attr_kind` says is not there.
pub const READ_MISSING: u32 = ValueKind::ReadMissing as u32;

/// `owner[key]` in Python, in two crossings at most; `None` if the property does not exist. A
/// function read this way remembers `owner` as its `this`.
pub fn read_property(rt: &RuntimeState, owner: &JsValue, key: &JsValue, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    let kind = js_imports::read_attr_kind(owner, key).map_err(|e| crate::crossing::errors::js_error_to_py(rt, e, vm))?;
    Ok(match kind {
        READ_MISSING => None,
        NULLISH => Some(vm.ctx.none()),
        NUMBER => Some(number_to_py(js_imports::take_read_number(), vm)),
        _ => Some(js_kind_to_py(rt, js_imports::take_read(), kind, Some(owner), vm)?),
    })
}

/// The value a `read_*_kind` call left for `take_read`, whose kind it answered, in Python: no
/// `this` is remembered (an item read). Booleans and nullish values need no second crossing.
pub fn take_read_to_py(rt: &RuntimeState, kind: u32, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    Ok(match kind {
        NULLISH => vm.ctx.none(),
        FALSE => vm.ctx.new_bool(false).into(),
        TRUE => vm.ctx.new_bool(true).into(),
        NUMBER => number_to_py(js_imports::take_read_number(), vm),
        _ => js_kind_to_py(rt, js_imports::take_read(), kind, None, vm)?,
    })
}

/// The conversion of `v`, whose `kind_of` code is `kind`; a function read as a property of
/// `this` remembers it for later calls.
pub(crate) fn js_kind_to_py(rt: &RuntimeState, v: JsValue, kind: u32, this: Option<&JsValue>, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    Ok(match kind {
        NULLISH => vm.ctx.none(),
        FALSE => vm.ctx.new_bool(false).into(),
        TRUE => vm.ctx.new_bool(true).into(),
        NUMBER => number_to_py(v.as_f64().unwrap_or(f64::NAN), vm),
        STRING => vm.ctx.new_str(strings::js_to_wtf8(&v)).into(),
        BIGINT => bigint_to_py(rt, &js_imports::bigint_to_string(&v), vm)?,
        PYPROXY => {
            let id = js_imports::pyproxy_id(&v);
            let found = rt.registry.borrow().get(id).cloned();
            match found {
                Some(obj) => obj,
                // Another runtime's PyProxy is a JS object here, usable through its own runtime.
                None if !rt.registry.borrow().owns(id) && id >= 0.0 => {
                    let flags = js_imports::js_flags(&v);
                    new_jsproxy(rt, v, bound_this(this, flags), flags, vm)?
                }
                // Pyodide: using a destroyed PyProxy from Python is a JS error.
                None => return Err(js_error_to_py(rt, js_sys::Error::new(DESTROYED_MESSAGE).into(), vm)),
            }
        }
        ROUNDTRIP_PYPROXY => {
            // A destroyed one is an error, as any destroyed PyProxy entering Python (Pyodide).
            if js_imports::pyproxy_id(&v) < 0.0 {
                return Err(js_error_to_py(rt, js_sys::Error::new(DESTROYED_MESSAGE).into(), vm));
            }
            let callable = if js_imports::is_callable(&v) { flags::CALLABLE } else { 0 };
            let this = bound_this(this, callable);
            new_jsproxy(rt, v, this, flags::DOUBLE_PROXY | callable, vm)?
        }
        kind => {
            let flags = kind.saturating_sub(OBJECT) / FLAG_SHIFT;
            new_jsproxy(rt, v, bound_this(this, flags), flags, vm)?
        }
    })
}

/// The `this` a function read from `owner` is called with (none for other values).
fn bound_this(owner: Option<&JsValue>, flags: u32) -> JsValue {
    match owner {
        Some(owner) if flags & flags::CALLABLE != 0 => owner.clone(),
        _ => JsValue::UNDEFINED,
    }
}
