//! Which Python protocols a type supports, as a bit set that picks the PyProxy's JS class.
//! Computed once per type and cached (Pyodide recomputes it for every proxy).

use crate::state::RuntimeState;
use wire::PyTypeFlag;
use rustpython_vm::{AsObject, Py, PyObject, PyResult, VirtualMachine, builtins::PyType};

// The bits are declared in rust/wire (PyTypeFlag), which TS reads too.
pub const HAS_LENGTH: u32 = PyTypeFlag::HasLength as u32;
pub const HAS_GET: u32 = PyTypeFlag::HasGet as u32;
pub const HAS_SET: u32 = PyTypeFlag::HasSet as u32;
pub const HAS_CONTAINS: u32 = PyTypeFlag::HasContains as u32;
pub const IS_ITERABLE: u32 = PyTypeFlag::IsIterable as u32;
pub const IS_ITERATOR: u32 = PyTypeFlag::IsIterator as u32;
pub const IS_AWAITABLE: u32 = PyTypeFlag::IsAwaitable as u32;
pub const IS_BUFFER: u32 = PyTypeFlag::IsBuffer as u32;
pub const IS_CALLABLE: u32 = PyTypeFlag::IsCallable as u32;
pub const IS_ASYNC_ITERABLE: u32 = PyTypeFlag::IsAsyncIterable as u32;
pub const IS_ASYNC_ITERATOR: u32 = PyTypeFlag::IsAsyncIterator as u32;
pub const IS_GENERATOR: u32 = PyTypeFlag::IsGenerator as u32;
pub const IS_ASYNC_GENERATOR: u32 = PyTypeFlag::IsAsyncGenerator as u32;
pub const IS_SEQUENCE: u32 = PyTypeFlag::IsSequence as u32;
pub const IS_MUTABLE_SEQUENCE: u32 = PyTypeFlag::IsMutableSequence as u32;
pub const IS_DICT: u32 = PyTypeFlag::IsDict as u32;
pub const IS_COROUTINE: u32 = PyTypeFlag::IsCoroutine as u32;

pub fn flags_of(rt: &RuntimeState, obj: &PyObject, vm: &VirtualMachine) -> u32 {
    let flags = type_flags_of(rt, obj.class(), vm);
    // A class with `__class_getitem__` (list, dict, generics) is subscriptable, as in Pyodide:
    // the one flag that depends on the object rather than its type.
    match obj.downcast_ref::<PyType>() {
        Some(class) if has(class, "__class_getitem__", vm) => flags | HAS_GET,
        _ => flags,
    }
}

fn type_flags_of(rt: &RuntimeState, typ: &Py<PyType>, vm: &VirtualMachine) -> u32 {
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
    // The old sequence protocol: `iter()` works on anything with an item slot (CPython's sq_item).
    if typ.slots.as_sequence.item.load().is_some() {
        flags |= IS_ITERABLE;
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
        flags |= IS_AWAITABLE | IS_COROUTINE;
    }
    let abcs = Abcs::find(vm);
    if abcs.is_sub(typ, Abc::Generator, vm)? {
        flags |= IS_GENERATOR;
    }
    if abcs.is_sub(typ, Abc::AsyncGenerator, vm)? {
        flags |= IS_ASYNC_GENERATOR;
    }
    let seq_protocols = HAS_LENGTH | HAS_GET | HAS_CONTAINS | IS_ITERABLE;
    if flags & seq_protocols == seq_protocols && abcs.is_sub(typ, Abc::Sequence, vm)? {
        flags |= IS_SEQUENCE;
        if abcs.is_sub(typ, Abc::MutableSequence, vm)? {
            flags |= IS_MUTABLE_SEQUENCE;
        }
    }
    Ok(flags)
}

/// The `collections.abc` classes the flags ask about.
#[derive(Clone, Copy)]
enum Abc {
    Generator,
    AsyncGenerator,
    Sequence,
    MutableSequence,
}

/// `collections.abc`, if imported. Until it is, nothing can have registered with (or inherited
/// from) its ABCs, so the answer is known without it: the builtin types it registers itself, and
/// the structural test of the generator ABCs. Importing it for the first proxy of a run would
/// cost tens of milliseconds.
struct Abcs(Option<rustpython_vm::PyObjectRef>);

impl Abcs {
    fn find(vm: &VirtualMachine) -> Self {
        let imported = vm.sys_module.get_attr("modules", vm).and_then(|m| m.get_item("_collections_abc", vm));
        Abcs(imported.ok())
    }

    fn is_sub(&self, typ: &Py<PyType>, abc: Abc, vm: &VirtualMachine) -> PyResult<bool> {
        if let Some(module) = &self.0 {
            let name = match abc {
                Abc::Generator => "Generator",
                Abc::AsyncGenerator => "AsyncGenerator",
                Abc::Sequence => "Sequence",
                Abc::MutableSequence => "MutableSequence",
            };
            return typ.as_object().is_subclass(&*module.get_attr(name, vm)?, vm);
        }
        let t = &vm.ctx.types;
        let has_all = |names: &[&str]| names.iter().all(|n| has(typ, n, vm));
        let registered: &[&Py<PyType>] = match abc {
            Abc::Generator => return Ok(has_all(&["__iter__", "__next__", "send", "throw", "close"])),
            Abc::AsyncGenerator => return Ok(has_all(&["__aiter__", "__anext__", "asend", "athrow", "aclose"])),
            Abc::Sequence => &[t.tuple_type, t.str_type, t.bytes_type, t.range_type, t.memoryview_type, t.list_type, t.bytearray_type],
            Abc::MutableSequence => &[t.list_type, t.bytearray_type],
        };
        Ok(registered.iter().any(|b| typ.fast_issubclass(*b)))
    }
}
