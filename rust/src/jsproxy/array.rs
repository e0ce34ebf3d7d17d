//! `len(arr)`, `arr[i]` and `x in arr` on a JsProxy of a JS array, typed array or array-like, as
//! native type slots.
//!
//! Written as Python methods of `JsArray`, every index read was a Python frame calling into the
//! core, most of its cost (8× Pyodide's time in a loop of `arr[i]`). The slots here belong to a
//! native class, `_pyffi.JsArraySlots`, which `JsArray` (`_pyffi_jsproxy`) lists as a base and
//! whose `__len__`, `__getitem__` and `__contains__` it names in its own body. RustPython gives a
//! heap class the native slot behind such a slot wrapper (not a call of the Python method), so
//! every composed JsArray class (`_pyffi_jsproxy.class_for`) gets these functions as its
//! sequence and mapping slots, and `arr[i]` runs no Python code: `BINARY_OP` calls the mapping
//! subscript slot directly (a Python `__getitem__` would instead be specialised into a frame).
//!
//! Semantics are Pyodide's `JsArray` ones: an index is an int or has `__index__` and must fit a
//! `Py_ssize_t` (wasm32: `isize`, as here), a negative one counts from the end, a missing element
//! is `IndexError(index)`; slices make a new JS array (typed arrays refuse them); `in` asks the
//! object's `has`, else its `includes`, else compares item by item.

use crate::crossing::jsproxy_object::{JsProxy, call_js, runtime};
use crate::jsproxy::ops::ops::{length, method, read_index, read_key};
use rustpython_common::wtf8::Wtf8;
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyInt, PySlice, PyTuple},
    function::FuncArgs,
    protocol::{PyIterReturn, PyMapping, PyMappingMethods, PySequence, PySequenceMethods},
    types::{AsMapping, AsSequence},
};
use wasm_bindgen::JsValue;
use wire::JsFlag;

/// What `_pyffi` gets from here: the class. Made by this function, not by `#[pyattr]` on the
/// class, because a native class needs its base made first, and the attributes of a part are set
/// before those of `_pyffi` itself (where JsProxy, the base, is).
#[pymodule(sub)]
pub(crate) mod array_slots {
    use super::JsArraySlots;
    use crate::crossing::jsproxy_object::JsProxy;
    use rustpython_vm::{VirtualMachine, builtins::PyTypeRef, class::PyClassImpl};

    #[pyattr(name = "JsArraySlots")]
    fn js_array_slots(_vm: &VirtualMachine) -> PyTypeRef {
        let _ = JsProxy::make_static_type();
        JsArraySlots::make_static_type()
    }
}

/// The native half of `JsArray`: never instantiated itself (its instances are JsProxies of
/// the classes that derive from it), so it shares JsProxy's payload.
#[pyclass(module = "_pyffi", name = "_JsArraySlots", base = JsProxy)]
#[repr(transparent)]
#[derive(Debug)]
pub struct JsArraySlots(JsProxy);

#[pyclass(flags(BASETYPE), with(AsMapping, AsSequence))]
impl JsArraySlots {}

// Only the slots that the Python methods they replace stood for: `len()` reads the sequence
// length, `obj[key]` the mapping subscript and `in` the sequence `contains` (RustPython, as
// CPython, asks those first). Each wrapper `JsArray` names is then a wrapper of that slot.
impl AsMapping for JsArraySlots {
    fn as_mapping() -> &'static PyMappingMethods {
        static AS_MAPPING: PyMappingMethods = PyMappingMethods {
            subscript: Some(|mapping: PyMapping<'_>, key, vm| subscript(mapping.obj, key, vm)),
            ..PyMappingMethods::NOT_IMPLEMENTED
        };
        &AS_MAPPING
    }
}

impl AsSequence for JsArraySlots {
    fn as_sequence() -> &'static PySequenceMethods {
        static AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
            length: Some(|seq: PySequence<'_>, vm| len(seq.obj, vm)),
            contains: Some(|seq: PySequence<'_>, needle, vm| contains(seq.obj, needle, vm)),
            ..PySequenceMethods::NOT_IMPLEMENTED
        };
        &AS_SEQUENCE
    }
}

/// The JsProxy a slot was called on. The slot wrappers check the type before calling, so
/// this fails only if RustPython ever calls a slot with another object.
fn proxy_of<'a>(obj: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a JsProxy> {
    obj.downcast_ref::<JsProxy>()
        .map(|p| &**p)
        .ok_or_else(|| vm.new_type_error(format!("expected a JsProxy, not {}", obj.class().slot_name())))
}

/// The capability bits the object's class was made for (`_js_flags`, set by `class_for`).
fn class_flags(obj: &PyObject, vm: &VirtualMachine) -> u32 {
    obj.class()
        .get_attr(vm.ctx.intern_str("_js_flags"))
        .and_then(|flags| flags.downcast_ref::<PyInt>().map(|n| n.as_u32_mask()))
        .unwrap_or(0)
}

fn len(obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
    length(&*runtime(vm)?, &proxy_of(obj, vm)?.value, vm)
}

fn subscript(obj: &PyObject, key: &PyObject, vm: &VirtualMachine) -> PyResult {
    let proxy = proxy_of(obj, vm)?;
    let rt = runtime(vm)?;
    let index = match key.downcast_ref_if_exact::<PyInt>(vm) {
        // The hot path, `arr[i]`: an exact int, whose value is at hand.
        Some(n) => isize::try_from(n.as_bigint()).map_err(|_| too_large(vm))?,
        None => {
            if let Some(slice) = key.downcast_ref::<PySlice>() {
                return slice_of(obj, proxy, slice.as_object(), vm);
            }
            index_of(key, vm)?
        }
    };
    // Only a negative index needs the length. One still negative is read as a property (as
    // Pyodide does), which an array does not have.
    let i = if index < 0 { index as i64 + length(&rt, &proxy.value, vm)? as i64 } else { index as i64 };
    let found = match u32::try_from(i) {
        // One crossing with the index as a plain number: no JS key value to make.
        Ok(i) => read_index(&rt, &proxy.value, i, vm)?,
        Err(_) => read_key(&rt, &proxy.value, &JsValue::from_f64(i as f64), vm)?,
    };
    found_or_index_error(found, key, vm)
}

/// What a missing element raises: `IndexError(index)`, with the index as the caller gave it.
fn found_or_index_error(found: Option<PyObjectRef>, key: &PyObject, vm: &VirtualMachine) -> PyResult {
    found.ok_or_else(|| vm.new_exception(vm.ctx.exceptions.index_error.to_owned(), vec![key.to_owned()]))
}

/// Pyodide's `PyNumber_AsSsize_t(index, IndexError)`.
fn too_large(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_index_error("cannot fit 'int' into an index-sized integer")
}

/// An index that is not an exact int: an int subclass or bool by its value, anything else
/// through `__index__`.
fn index_of(key: &PyObject, vm: &VirtualMachine) -> PyResult<isize> {
    let Some(n) = key.try_index_opt(vm) else {
        return Err(vm.new_type_error(format!("list indices must be integers or slices, not {}", key.class().slot_name())));
    };
    isize::try_from(n?.as_bigint()).map_err(|_| too_large(vm))
}

/// `arr[start:stop:step]`: a new JS array. Typed arrays have no slicing (as in Pyodide).
fn slice_of(obj: &PyObject, proxy: &JsProxy, slice: &PyObject, vm: &VirtualMachine) -> PyResult {
    if class_flags(obj, vm) & JsFlag::TypedArray as u32 != 0 {
        return Err(vm.new_not_implemented_error("Slice subscripting isn't implemented for typed arrays"));
    }
    let rt = runtime(vm)?;
    let n = length(&rt, &proxy.value, vm)?;
    // `slice.indices` clamps start and stop to the length; each is then an isize, as the
    // arguments of the Python-level path were (a step too large for one is an OverflowError).
    let indices = vm.call_method(slice, "indices", (n,))?;
    let bad = || vm.new_type_error("slice.indices() must return 3 integers");
    let tuple = indices.downcast_ref::<PyTuple>().ok_or_else(bad)?;
    let [start, stop, step] = tuple.as_slice() else { return Err(bad()) };
    let part = |v: &PyObjectRef| -> PyResult<f64> {
        let int = v.downcast_ref::<PyInt>().ok_or_else(bad)?;
        Ok(int.try_to_primitive::<isize>(vm)? as f64)
    };
    let (start, stop, step) = (part(start)?, part(stop)?, part(step)?);
    let result = crate::host::js_imports::slice_of(&proxy.value, start, stop, step)
        .map_err(|e| crate::crossing::errors::js_error_to_py(&rt, e, vm))?;
    crate::crossing::js2py::js_to_py(&rt, result, vm)
}

fn contains(obj: &PyObject, needle: &PyObject, vm: &VirtualMachine) -> PyResult<bool> {
    let proxy = proxy_of(obj, vm)?;
    let flags = class_flags(obj, vm);
    // The order Pyodide's slots override each other in: `has` over `includes`.
    let name = if flags & JsFlag::HasHas as u32 != 0 {
        "has"
    } else if flags & JsFlag::HasIncludes as u32 != 0 {
        "includes"
    } else {
        return contains_by_iteration(obj, needle, vm);
    };
    let f = method(proxy, Wtf8::new(name), vm)?;
    call_js(&f, &proxy.value, FuncArgs::from(vec![needle.to_owned()]), vm)?.try_to_bool(vm)
}

/// `Sequence.__contains__`: `v is needle or v == needle` for each item the iterator gives
/// (NodeList, `arguments` and other array-likes without `includes`).
fn contains_by_iteration(obj: &PyObject, needle: &PyObject, vm: &VirtualMachine) -> PyResult<bool> {
    let iter = obj.to_owned().get_iter(vm)?;
    loop {
        match iter.next(vm)? {
            PyIterReturn::Return(item) => {
                if vm.identical_or_equal(&item, needle)? {
                    return Ok(true);
                }
            }
            PyIterReturn::StopIteration(_) => return Ok(false),
        }
    }
}
