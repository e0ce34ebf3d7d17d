//! The native JsProxy class (part of `_pyffi`), how a JS value becomes one, and calls into JS.
//! The JsProxy protocols are in `jsproxy/ops.rs`, the `pyodide.ffi` functions in
//! `jsproxy/ffi_api.rs`; the module `_pyffi` is put together in
//! `runtime/native_module.rs`.
//!
//! Every JsProxy is an instance of a Python subclass of the native `JsProxy`, one per set of JS
//! capabilities (`_pyffi_jsproxy.class_for`), so `len`, `in`, iteration and `isinstance` follow
//! the JS object. The classes are cached here by flag set.

pub(crate) use jsproxy_class::JsProxy;

use crate::crossing::errors::js_error_to_py;
use crate::crossing::js2py::{js_kind_to_py, js_to_py};
use crate::crossing::py2js::{ASYNC_BORROWED_MESSAGE, BORROWED_MESSAGE, Lifetime, py_to_js, release_borrowed};
use crate::state::RuntimeState;
use crate::host::{js_imports, strings};
use js_sys::Array;
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
    builtins::PyTypeRef,
    function::FuncArgs,
};
use wasm_bindgen::JsValue;

/// The capability bits the core itself tests or sets (all of them are `wire::JsFlag`).
pub mod flags {
    use wire::JsFlag;
    pub const CALLABLE: u32 = JsFlag::Callable as u32;
    pub const ERROR: u32 = JsFlag::Error as u32;
    /// Set by the core, not by JS: a JsProxy of a PyProxy (`create_proxy`, roundtrip proxies).
    pub const DOUBLE_PROXY: u32 = JsFlag::DoubleProxy as u32;
}

pub(crate) use crate::state::runtime;

/// A new JsProxy of `value` whose class is the one for `flags`.
/// A JS error becomes a `JsException` holding a JsProxy of it (see `_pyffi_errors.JsException`).
pub(crate) fn new_jsproxy(rt: &RuntimeState, value: JsValue, this: JsValue, flags: u32, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let is_error = flags & flags::ERROR != 0 && flags & flags::DOUBLE_PROXY == 0;
    // The class keeps the ERROR bit: an error is no plain object (no as_object_map).
    let cls = class_for(rt, flags, vm)?;
    let proxy: PyObjectRef = JsProxy::wrap(rt, value, this).into_ref_with_type(vm, cls)?.into();
    if !is_error {
        return Ok(proxy);
    }
    let wrap = rt.boot.borrow().as_ref().map(|b| b.wrap_js_error.clone());
    match wrap {
        Some(wrap) => wrap.call((proxy,), vm),
        // Only during start-up, before the JsException class exists.
        None => Ok(proxy),
    }
}

/// The JS value a Python object stands for if it is a JsProxy or a JsException (whose JS error
/// is the value), else None.
pub(crate) fn js_value_of(rt: &RuntimeState, obj: &PyObject, vm: &VirtualMachine) -> Option<JsValue> {
    if let Some(p) = obj.downcast_ref::<JsProxy>() {
        return Some(p.value.clone());
    }
    let is_exception = rt.boot.borrow().as_ref().is_some_and(|b| obj.class().as_object().is(&b.js_exception));
    if !is_exception {
        return None;
    }
    let inner = obj.get_attr("_js", vm).ok()?;
    inner.downcast_ref::<JsProxy>().map(|p| p.value.clone())
}

/// As `new_jsproxy`, asking JS for the flags.
pub(crate) fn wrap_js(rt: &RuntimeState, value: JsValue, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let flags = js_imports::js_flags(&value);
    new_jsproxy(rt, value, JsValue::UNDEFINED, flags, vm)
}

fn class_for(rt: &RuntimeState, flags: u32, vm: &VirtualMachine) -> PyResult<PyTypeRef> {
    if let Some(cls) = rt.jsproxy_classes.borrow().get(&flags) {
        return Ok(cls.clone());
    }
    let made = vm.import("_pyffi_jsproxy", 0)?.get_attr("class_for", vm)?.call((flags,), vm)?;
    let cls: PyTypeRef = made.downcast().map_err(|_| vm.new_type_error("class_for must return a class"))?;
    // A native call slot: callable() is true exactly for JS functions, and a call does not go
    // through a Python-level __call__.
    if flags & flags::CALLABLE != 0 {
        cls.slots.call.store(Some(call_slot));
    }
    rt.jsproxy_classes.borrow_mut().insert(flags, cls.clone());
    Ok(cls)
}

fn call_slot(zelf: &PyObject, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let proxy = zelf.downcast_ref::<JsProxy>().ok_or_else(|| vm.new_type_error("expected a JsProxy"))?;
    call_js_from_python(&proxy.value, &proxy.this, args, vm)
}

/// JS arguments for a call: positional ones converted, keyword ones gathered into one trailing
/// object. PyProxies made here are borrowed (collected in `borrowed`) for the call only; in
/// auto mode they are owned from the start and the FinalizationRegistry frees them.
pub(crate) fn js_arguments(rt: &RuntimeState, args: &FuncArgs, borrowed: &mut Vec<JsValue>, vm: &VirtualMachine) -> Array {
    let array = Array::new();
    let mut lifetime = if rt.auto_proxy { Lifetime::Owned } else { Lifetime::Borrowed(borrowed) };
    for arg in &args.args {
        array.push(&py_to_js(rt, arg, &mut lifetime, vm));
    }
    if !args.kwargs.is_empty() {
        let kwargs = js_imports::new_object();
        for (name, value) in &args.kwargs {
            js_imports::define_own(&kwargs, &strings::wtf8_to_js(name), &py_to_js(rt, value, &mut lifetime, vm));
        }
        array.push(&kwargs);
    }
    array
}

/// Calls `f` with `this` and Python arguments; keyword arguments become one trailing object.
/// For the JS methods the JsProxy classes call internally: a returned promise stays a JsPromise.
pub(crate) fn call_js(f: &JsValue, this: &JsValue, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    call_with(f, this, args, false, vm)
}

/// A call of a JsProxy from Python code (`f(...)`): as `call_js`, except that a returned promise
/// is a future of the loop (Pyodide's rule for calls, not for `new`).
pub(crate) fn call_js_from_python(f: &JsValue, this: &JsValue, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    call_with(f, this, args, true, vm)
}

fn call_with(f: &JsValue, this: &JsValue, args: FuncArgs, promise_as_future: bool, vm: &VirtualMachine) -> PyResult {
    let rt = runtime(vm)?;
    let mut borrowed = Vec::new();
    let array = js_arguments(&rt, &args, &mut borrowed, vm);
    let Some(result) = crate::host::stack_budget::crossing(|| js_imports::call_function(f, this, &array)) else {
        release_borrowed(&rt, borrowed, BORROWED_MESSAGE);
        return Err(vm.new_recursion_error("maximum recursion depth exceeded while calling a JavaScript object".to_owned()));
    };
    finish_call(&rt, result, borrowed, BORROWED_MESSAGE, promise_as_future, vm)
}

/// After a JS call or construction: converts the outcome, then frees the borrowed argument
/// proxies (so that a function returning one of its arguments gives back the Python object) and
/// a PyProxy the function returned (Pyodide's rule: it has been unwrapped). With
/// `promise_as_future`, a returned thenable is a future of the loop (see `host_loop`).
fn finish_call(
    rt: &RuntimeState,
    result: Result<JsValue, JsValue>,
    mut borrowed: Vec<JsValue>,
    message: &str,
    promise_as_future: bool,
    vm: &VirtualMachine,
) -> PyResult {
    let v = match result {
        Ok(v) => v,
        Err(e) => {
            release_borrowed(rt, borrowed, message);
            return Err(js_error_to_py(rt, e, vm));
        }
    };
    // One crossing says what the result is; everything below decides from it.
    let kind = js_imports::kind_of(&v);
    let thenable = crate::crossing::promises::is_thenable_kind(kind);
    if !borrowed.is_empty() {
        // A returned Promise keeps the arguments usable until it settles, a returned generator
        // until it completes (Pyodide's rules).
        if thenable {
            let proxies: js_sys::Array = borrowed.into_iter().collect();
            rt.hooks.release_when_settled(&v, &proxies, ASYNC_BORROWED_MESSAGE);
            return if promise_as_future { crate::crossing::promises::future_of(rt, &v, vm) } else { js_kind_to_py(rt, v, kind, None, vm) };
        }
        if let Some(wrapped) = js_imports::release_when_generator_done(&v, &borrowed.iter().collect::<js_sys::Array>()) {
            return js_to_py(rt, wrapped, vm);
        }
    }
    if thenable && promise_as_future {
        return crate::crossing::promises::future_of(rt, &v, vm);
    }
    let converted = js_kind_to_py(rt, v.clone(), kind, None, vm);
    if !rt.auto_proxy && kind == crate::crossing::js2py::PYPROXY && rt.registry.borrow().owns(js_imports::pyproxy_id(&v)) {
        borrowed.push(v);
    }
    release_borrowed(rt, borrowed, message);
    converted
}

/// `new f(...)` with Python arguments.
pub(crate) fn construct_js(f: &JsValue, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let rt = runtime(vm)?;
    if !js_imports::is_callable(f) {
        return Err(vm.new_type_error("this JsProxy is not a constructor (it is not a JavaScript function)"));
    }
    let mut borrowed = Vec::new();
    let array = js_arguments(&rt, &args, &mut borrowed, vm);
    let result = js_imports::construct(f, &array);
    finish_call(&rt, result, borrowed, "This borrowed proxy was automatically destroyed. Try using create_proxy or create_once_callable.", false, vm)
}

/// Python's keywords: they cannot be attribute names, so JS properties with these names are
/// spelt with a trailing underscore on the Python side.
pub(crate) fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "False" | "None" | "True" | "and" | "as" | "assert" | "async" | "await" | "break" | "class" | "continue"
            | "def" | "del" | "elif" | "else" | "except" | "finally" | "for" | "from" | "global" | "if" | "import"
            | "in" | "is" | "lambda" | "nonlocal" | "not" | "or" | "pass" | "raise" | "return" | "try"
            | "while" | "with" | "yield"
    )
}

/// `obj.from_` reaches JS `from` (Pyodide's rule: a keyword followed by underscores loses one).
fn js_name(name: &str) -> Option<&str> {
    let stripped = name.strip_suffix('_')?;
    is_keyword(stripped.trim_end_matches('_')).then_some(stripped)
}

/// The JsProxy class and the attribute-access helpers it needs, as part of `_pyffi`.
#[pymodule(sub)]
pub(crate) mod jsproxy_class {
    use super::{js_name, runtime};
    use crate::crossing::errors::js_error_to_py;
    use crate::crossing::js2py::read_property;
    use crate::crossing::py2js::{Lifetime, py_to_js};
    use crate::state::RuntimeState;
    use crate::host::{js_imports, strings};
    use rustpython_vm::{
        AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
        builtins::PyStr,
        builtins::PyTypeRef,
        function::{FuncArgs, PyComparisonValue, PySetterValue},
        types::{Comparable, Constructor, GetAttr, PyComparisonOp, Representable, SetAttr},
    };
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;

    /// The JS capability bits by their Python names (rust/wire declares them once).
    #[pyattr(name = "JS_FLAGS")]
    fn js_flags_table(vm: &VirtualMachine) -> PyObjectRef {
        let table = vm.ctx.new_dict();
        for &(flag, name) in wire::JsFlag::NAMED {
            // Setting a str key on a new dict cannot fail.
            let _ = table.set_item(name, vm.ctx.new_int(flag as u32).into(), vm);
        }
        table.into()
    }

    /// A JavaScript value seen from Python.
    #[pyattr]
    #[pyclass(module = "pyodide.ffi", name = "JsProxy")]
    #[derive(PyPayload)]
    pub struct JsProxy {
        pub(crate) value: JsValue,
        /// The object a function was read from, passed as `this` when it is called.
        pub(crate) this: JsValue,
        live: Rc<Cell<usize>>,
    }

    impl std::fmt::Debug for JsProxy {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JsProxy")
        }
    }

    impl JsProxy {
        pub fn wrap(rt: &RuntimeState, value: JsValue, this: JsValue) -> Self {
            rt.js_refs.set(rt.js_refs.get() + 1);
            JsProxy { value, this, live: rt.js_refs.clone() }
        }
    }

    impl Drop for JsProxy {
        fn drop(&mut self) {
            self.live.set(self.live.get() - 1);
        }
    }

    fn key(name: &Py<PyStr>) -> JsValue {
        strings::wtf8_to_js(name.as_wtf8())
    }

    /// The JS property a Python attribute name stands for (see `js_name`).
    fn property(name: &Py<PyStr>) -> JsValue {
        match name.to_str().and_then(js_name) {
            Some(stripped) => JsValue::from_str(stripped),
            None => key(name),
        }
    }

    /// As `property`, remembered per interned name: names in code are interned, and making a JS
    /// string costs a decode on every access otherwise.
    fn cached_property(rt: &RuntimeState, name: &Py<PyStr>, vm: &VirtualMachine) -> JsValue {
        let Some(interned) = vm.ctx.interned_str(name) else {
            return property(name);
        };
        let address = interned as *const _ as usize;
        if let Some(k) = rt.property_keys.borrow().get(&address) {
            return k.clone();
        }
        let k = property(name);
        rt.property_keys.borrow_mut().insert(address, k.clone());
        k
    }

    impl Constructor for JsProxy {
        type Args = FuncArgs;
        fn slot_new(cls: PyTypeRef, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
            Err(vm.new_type_error(format!("{} cannot be instantiated.", cls.name())))
        }
        fn py_new(cls: &Py<rustpython_vm::builtins::PyType>, _args: FuncArgs, vm: &VirtualMachine) -> PyResult<Self> {
            Err(vm.new_type_error(format!("{} cannot be instantiated.", cls.name())))
        }
    }

    #[pyclass(flags(BASETYPE), with(Constructor, GetAttr, SetAttr, Comparable, Representable))]
    impl JsProxy {
        #[pygetset(name = "typeof")]
        fn type_of(zelf: &Py<Self>) -> String {
            js_imports::type_of(&zelf.value)
        }

        /// The same number each time the same JS object crosses (JsProxies are not hashable).
        #[pygetset]
        fn js_id(zelf: &Py<Self>) -> i64 {
            js_imports::js_id(&zelf.value) as i64
        }
    }

    impl GetAttr for JsProxy {
        fn getattro(zelf: &Py<Self>, name: &Py<PyStr>, vm: &VirtualMachine) -> PyResult {
            // Python-side members (typeof, the protocol methods, dunders) first, then the JS property.
            if let Some(found) = zelf.as_object().generic_getattr_opt(name, None, vm)? {
                return Ok(found);
            }
            let rt = runtime(vm)?;
            read_property(&rt, &zelf.value, &cached_property(&rt, name, vm), vm)?
                .ok_or_else(|| vm.new_attribute_error(format!("{}", name.as_wtf8())))
        }
    }

    impl SetAttr for JsProxy {
        fn setattro(zelf: &Py<Self>, name: &Py<PyStr>, value: PySetterValue, vm: &VirtualMachine) -> PyResult<()> {
            let rt = runtime(vm)?;
            match value {
                PySetterValue::Assign(v) => {
                    // A stored Python object lives as long as JS keeps it: an owned proxy.
                    let js = py_to_js(&rt, &v, &mut Lifetime::Owned, vm);
                    js_imports::set_attr(&zelf.value, &cached_property(&rt, name, vm), &js).map_err(|e| js_error_to_py(&rt, e, vm))
                }
                PySetterValue::Delete => {
                    let existed = js_imports::delete_attr(&zelf.value, &property(name)).map_err(|e| js_error_to_py(&rt, e, vm))?;
                    if existed { Ok(()) } else { Err(vm.new_attribute_error(format!("{}", name.as_wtf8()))) }
                }
            }
        }
    }

    impl Comparable for JsProxy {
        fn cmp(zelf: &Py<Self>, other: &PyObject, op: PyComparisonOp, vm: &VirtualMachine) -> PyResult<PyComparisonValue> {
            let Some(other) = other.downcast_ref::<JsProxy>() else {
                // `==` with a Python object is False (JS identity), ordering is not defined.
                return Ok(match op {
                    PyComparisonOp::Eq => PyComparisonValue::Implemented(false),
                    PyComparisonOp::Ne => PyComparisonValue::Implemented(true),
                    _ => PyComparisonValue::NotImplemented,
                });
            };
            let code = match op {
                PyComparisonOp::Eq => return Ok(PyComparisonValue::Implemented(other.value == zelf.value)),
                PyComparisonOp::Ne => return Ok(PyComparisonValue::Implemented(other.value != zelf.value)),
                PyComparisonOp::Lt => 0,
                PyComparisonOp::Le => 1,
                PyComparisonOp::Gt => 4,
                PyComparisonOp::Ge => 5,
            };
            let rt = runtime(vm)?;
            let result = js_imports::compare(&zelf.value, &other.value, code).map_err(|e| js_error_to_py(&rt, e, vm))?;
            Ok(PyComparisonValue::Implemented(result))
        }
    }

    impl Representable for JsProxy {
        fn repr_wtf8(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<rustpython_common::wtf8::Wtf8Buf> {
            let rt = runtime(vm)?;
            let text = js_imports::string_of(&zelf.value).map_err(|e| js_error_to_py(&rt, e, vm))?;
            Ok(strings::js_to_wtf8(&text))
        }
    }

    /// `globalThis` as a JsProxy: what `import js` gives.
    #[pyfunction]
    fn js_global(vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        super::wrap_js(&rt, js_sys::global().into(), vm)
    }

    /// The `name` and `message` of a thrown JS value, for JsException's text.
    #[pyfunction]
    fn error_parts(err: PyRef<JsProxy>) -> (String, String) {
        (js_imports::error_name(&err.value), js_imports::error_message(&err.value))
    }
}
