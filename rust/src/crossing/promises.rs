//! The crossings the asyncio loop (`_pyffi_loop`) needs from the host, kept cheap because every
//! `await` of a JS promise and every ready callback goes through them: the ready queue is
//! drained in one entry per host turn, and an awaited promise settles its future through a
//! token, not through callback proxies.

use crate::crossing::errors::js_error_to_py;
use crate::crossing::js2py::{js_to_py, FLAG_SHIFT, OBJECT};
use crate::crossing::jsproxy_object::JsProxy;
use crate::state::{Core, RuntimeState};
use crate::state::loop_state::LoopFunctions;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use wasm_bindgen::prelude::*;

/// A task awaiting a JS promise goes on in the promise's microtask, as an `await` in JS would,
/// instead of a whole host turn later; at most this many times in a row, so a loop awaiting
/// settled promises still lets the page (and the loop's other turns) run.
const EAGER_RUNS: u32 = 64;


/// `_pyffi.set_loop(...)`: how the core makes the loop's futures, runs a host turn, and runs
/// what is ready from a promise's microtask.
pub fn set_loop(rt: &RuntimeState, new_future: PyObjectRef, host_turn: PyObjectRef, run_ready: PyObjectRef) {
    *rt.host_loop.functions.borrow_mut() = Some(LoopFunctions { new_future, host_turn, run_ready });
    rt.host_loop.eager_budget.set(EAGER_RUNS);
}

fn loop_functions(rt: &RuntimeState, vm: &VirtualMachine) -> PyResult<LoopFunctions> {
    if rt.host_loop.functions.borrow().is_none() {
        vm.import("_pyffi_loop", 0)?; // installs the loop
    }
    rt.host_loop.functions.borrow().clone().ok_or_else(|| vm.new_runtime_error("the asyncio loop was not installed"))
}

/// `_pyffi.request_turn()`: asks the host to run the loop's `_host_turn` in a later turn.
pub fn request_turn(rt: &RuntimeState) {
    rt.hooks.request_turn();
}

/// `_pyffi.await_promise(promise)`: a new future of the loop, settled when the JS promise settles.
pub fn await_promise(rt: &RuntimeState, promise: &JsProxy, vm: &VirtualMachine) -> PyResult {
    future_of(rt, &promise.value, vm)
}

/// A new future of the loop settled when `promise` does: what a JS call that returns a promise
/// gives in Python, as in Pyodide (a PyodideFuture). The promise is handled at once, so a
/// rejection nobody awaits is not an unhandled rejection in JS.
pub(crate) fn future_of(rt: &RuntimeState, promise: &JsValue, vm: &VirtualMachine) -> PyResult {
    let future = loop_functions(rt, vm)?.new_future.call((), vm)?;
    let token = rt.host_loop.next_token.get();
    rt.host_loop.next_token.set(token.wrapping_add(1));
    rt.host_loop.awaiting.borrow_mut().insert(token, future.clone());
    rt.hooks.await_promise(promise, token);
    Ok(future)
}

const THENABLE: u32 = wire::JsFlag::Thenable as u32;

/// Whether `kind_of`'s code `kind` is an object with a `then` method.
pub(crate) fn is_thenable_kind(kind: u32) -> bool {
    kind >= OBJECT && ((kind - OBJECT) / FLAG_SHIFT) & THENABLE != 0
}

fn settle_future(rt: &RuntimeState, token: u32, fulfilled: bool, value: JsValue, vm: &VirtualMachine) -> PyResult<()> {
    let Some(future) = rt.host_loop.awaiting.borrow_mut().remove(&token) else {
        return Ok(());
    };
    // A cancelled task has already cancelled its future; the late outcome has nowhere to go.
    if future.get_attr("done", vm)?.call((), vm)?.try_to_bool(vm)? {
        return Ok(());
    }
    if fulfilled {
        let value = js_to_py(rt, value, vm)?;
        future.get_attr("set_result", vm)?.call((value,), vm)?;
    } else {
        // A JsException carrying the reason, or the original Python exception if the reason
        // is a PythonError that left Python.
        let exc = js_error_to_py(rt, value, vm);
        future.get_attr("set_exception", vm)?.call((exc,), vm)?;
    }
    let budget = rt.host_loop.eager_budget.get();
    if budget > 0 {
        rt.host_loop.eager_budget.set(budget - 1);
        loop_functions(rt, vm)?.run_ready.call((), vm)?;
    }
    Ok(())
}

#[wasm_bindgen]
impl Core {
    /// One host turn of the asyncio loop: runs its ready callbacks (requested by `request_turn`).
    pub fn loop_turn(&self) -> Result<(), JsValue> {
        self.entry(|rt, vm| {
            rt.host_loop.eager_budget.set(EAGER_RUNS);
            loop_functions(rt, vm)?.host_turn.call((), vm).map(|_| ())
        })
    }

    /// A promise awaited through `await_promise` settled: `value` is its result or reason.
    pub fn promise_settled(&self, token: u32, fulfilled: bool, value: JsValue) -> Result<(), JsValue> {
        self.entry(|rt, vm| settle_future(rt, token, fulfilled, value, vm))
    }
}
