//! Per-runtime state, and which runtime the code running now belongs to.
//!
//! Native modules (`_vfs`, `_pyffi`) are shared by every interpreter in the wasm instance; they
//! find their runtime through `current()`, which `enter` sets for the length of each entry.
//! `Core` is the wasm-bindgen class JS holds: one runtime; its methods are spread over the
//! folders by concern (each `impl Core` block is next to what it does).

pub mod loop_state;
pub mod registry;

use crate::host::js_imports::Hooks;
use registry::Registry;
use rustpython_vm::{Interpreter, PyObjectRef, builtins::{PyBaseExceptionRef, PyDictRef, PyTypeRef}};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Core {
    pub(crate) rt: Rc<RuntimeState>,
    /// Whether the last `proxy_next`/`proxy_step` finished its iterator (read by `last_done`).
    pub(crate) last_done: Cell<bool>,
}

pub struct RuntimeState {
    pub interp: Interpreter,
    pub hooks: Hooks,
    pub vfs: RefCell<vfs::Vfs>,
    pub registry: RefCell<Registry>,
    /// Feature flags per Python type, keyed by the type's address; the entry keeps the type alive
    /// so the address is never reused for another type.
    pub type_flags: RefCell<HashMap<usize, (PyObjectRef, u32)>>,
    /// How many JsProxy objects Python holds (the second table's counter).
    pub js_refs: Rc<Cell<usize>>,
    /// The JsProxy class for each set of JS capability flags (made by `_pyffi_jsproxy.class_for`).
    pub jsproxy_classes: RefCell<HashMap<u32, PyTypeRef>>,
    /// `loadPython({ createProxy: "auto" })`: argument proxies are owned (freed by the
    /// FinalizationRegistry) instead of destroyed when the call returns.
    pub auto_proxy: bool,
    /// The JS string for each interned Python attribute name read or written on a JsProxy, by
    /// the interned string's address (interned strings live as long as the interpreter).
    pub property_keys: RefCell<HashMap<usize, wasm_bindgen::JsValue>>,
    /// This runtime's `pyodide.ffi.jsnull`.
    pub jsnull: RefCell<Option<PyObjectRef>>,
    /// The last Python exception thrown into JS as a PythonError: if JS throws that same
    /// PythonError back, Python gets the original exception again.
    pub last_error: RefCell<Option<(wasm_bindgen::JsValue, PyBaseExceptionRef)>>,
    /// The asyncio loop's ready-queue drain and the futures awaiting JS promises.
    pub host_loop: loop_state::HostLoop,
    /// Set once boot has run: `__main__`'s dict, and Python-side helpers the core calls.
    pub boot: RefCell<Option<Boot>>,
}

pub struct Boot {
    pub globals: PyDictRef,
    pub run_code: PyObjectRef,
    pub js_exception: PyObjectRef,
    /// `_wrap_js_error(proxy)`: the JsException of a JsProxy of a JS error.
    pub wrap_js_error: PyObjectRef,
    /// `pyodide.ffi.JsBigInt`, what a JS BigInt becomes.
    pub js_bigint: PyObjectRef,
    pub conversion_error: PyObjectRef,
    pub format_exception: PyObjectRef,
}

thread_local! {
    static CURRENT: RefCell<Vec<Rc<RuntimeState>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` inside the runtime's interpreter with the runtime marked current.
pub fn enter<R>(rt: &Rc<RuntimeState>, f: impl FnOnce(&rustpython_vm::VirtualMachine) -> R) -> R {
    CURRENT.with_borrow_mut(|stack| stack.push(rt.clone()));
    let result = rt.interp.enter(f);
    CURRENT.with_borrow_mut(|stack| stack.pop());
    result
}

/// The runtime whose code is running. Native module functions are only ever called inside `enter`.
pub fn current() -> Option<Rc<RuntimeState>> {
    CURRENT.with_borrow(|stack| stack.last().cloned())
}

const NO_RUNTIME: &str = "no @pkg/ffi runtime is active";

/// `current()` for native module functions: a Python RuntimeError if none is.
pub fn runtime(vm: &rustpython_vm::VirtualMachine) -> rustpython_vm::PyResult<Rc<RuntimeState>> {
    current().ok_or_else(|| vm.new_runtime_error(NO_RUNTIME))
}

/// `current()` for Rust closures that JS calls (conversion callbacks): a JS Error if none is.
pub fn runtime_for_js() -> Result<Rc<RuntimeState>, wasm_bindgen::JsValue> {
    current().ok_or_else(|| js_sys::Error::new(NO_RUNTIME).into())
}
