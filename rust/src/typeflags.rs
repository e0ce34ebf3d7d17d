//! Which Python protocols a type supports, as a bit set that picks the PyProxy's JS class.
//! Computed once per type and cached (Pyodide recomputes it for every proxy).

use crate::state::RuntimeState;
use rustpython_vm::{AsObject, Py, PyObject, PyResult, VirtualMachine, builtins::PyType};

// Keep in step with js/typeflags.ts.
pub const HAS_LENGTH: u32 = 1 << 0;
pub const HAS_GET: u32 = 1 << 1;
pub const HAS_SET: u32 = 1 << 2;
pub const HAS_CONTAINS: u32 = 1 << 3;
pub const IS_ITERABLE: u32 = 1 << 4;
pub const IS_ITERATOR: u32 = 1 << 5;
pub const IS_AWAITABLE: u32 = 1 << 6;
pub const IS_BUFFER: u32 = 1 << 7;
pub const IS_CALLABLE: u32 = 1 << 8;
pub const IS_ASYNC_ITERABLE: u32 = 1 << 9;
pub const IS_ASYNC_ITERATOR: u32 = 1 << 10;
pub const IS_GENERATOR: u32 = 1 << 11;
pub const IS_ASYNC_GENERATOR: u32 = 1 << 12;
pub const IS_SEQUENCE: u32 = 1 << 13;
pub const IS_MUTABLE_SEQUENCE: u32 = 1 << 14;
pub const IS_DICT: u32 = 1 << 15;

pub fn flags_of(rt: &RuntimeState, obj: &PyObject, vm: &VirtualMachine) -> u32 {
    let typ = obj.class();
    let key = typ.as_object() as *const PyObject as usize;
    if let Some((_, flags)) = rt.type_flags.borrow().get(&key) {
        return *flags;
    }
    // A failing ABC check (a broken metaclass) only loses that flag.
    let flags = compute(typ, vm).unwrap_or(0);
    rt.type_flags.borrow_mut().insert(key, (typ.to_owned().into(), flags));
    flags
}

fn has(typ: &Py<PyType>, name: &str, vm: &VirtualMachine) -> bool {
    typ.get_attr(vm.ctx.intern_str(name)).is_some_and(|v| !vm.is_none(&v))
}

fn compute(typ: &Py<PyType>, vm: &VirtualMachine) -> PyResult<u32> {
    let mut flags = 0;
    let checks: [(&str, u32); 9] = [
        ("__len__", HAS_LENGTH),
        ("__getitem__", HAS_GET),
        ("__setitem__", HAS_SET),
        ("__delitem__", HAS_SET),
        ("__contains__", HAS_CONTAINS),
        ("__iter__", IS_ITERABLE),
        ("__aiter__", IS_ASYNC_ITERABLE),
        ("__anext__", IS_ASYNC_ITERATOR),
        ("__await__", IS_AWAITABLE),
    ];
    for (name, flag) in checks {
        if has(typ, name, vm) {
            flags |= flag;
        }
    }
    if has(typ, "__next__", vm) {
        flags |= IS_ITERATOR | IS_ITERABLE;
    }
    if typ.slots.call.load().is_some() {
        flags |= IS_CALLABLE;
    }
    if typ.slots.as_buffer.load().is_some() {
        flags |= IS_BUFFER;
    }
    if typ.is(vm.ctx.types.dict_type) {
        flags |= IS_DICT;
    }
    if typ.is(vm.ctx.types.coroutine_type) {
        flags |= IS_AWAITABLE;
    }
    let abc = vm.import("_collections_abc", 0)?;
    let is_sub = |name: &'static str| -> PyResult<bool> {
        let cls = abc.get_attr(name, vm)?;
        typ.as_object().is_subclass(&cls, vm)
    };
    if is_sub("Generator")? {
        flags |= IS_GENERATOR;
    }
    if is_sub("AsyncGenerator")? {
        flags |= IS_ASYNC_GENERATOR;
    }
    let seq_protocols = HAS_LENGTH | HAS_GET | HAS_CONTAINS | IS_ITERABLE;
    if flags & seq_protocols == seq_protocols && is_sub("Sequence")? {
        flags |= IS_SEQUENCE;
        if is_sub("MutableSequence")? {
            flags |= IS_MUTABLE_SEQUENCE;
        }
    }
    Ok(flags)
}
