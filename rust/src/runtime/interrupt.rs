//! `setInterruptBuffer`: Pyodide's way to interrupt running Python from outside. JS (typically
//! another thread, through a SharedArrayBuffer) writes a signal number into element 0 of the
//! buffer; Python checks it while it runs, resets it to 0 and runs that signal's handler, so 2
//! (SIGINT) raises KeyboardInterrupt with the default handler.
//!
//! RustPython 0.6 has no eval-breaker check on wasm32 (`eval_breaker_tripped` is constant false
//! there and `check_signals` skips the signal module), so the checks ride on `sys.monitoring`:
//! a native callback on JUMP (every loop's back edge) and PY_START (every call of Python code,
//! including a module body). Monitoring makes the interpreter take its instrumented path, so
//! Python runs slower while a buffer is set; with none set, nothing is instrumented.

use crate::state::Core;
use crate::state::{runtime, RuntimeState};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

/// The `sys.monitoring` tool id the checks use (PEP 669 leaves 3 and 4 unassigned).
const TOOL: u8 = 4;
const TOOL_NAME: &str = "pyffi interrupt buffer";
/// The buffer is read at every this many events: the crossing into JS stays a small part of
/// the cost of an event, and an interrupt still lands within a few loop iterations.
const EVENTS_PER_READ: u32 = 16;
/// Valid signal numbers are 1..NSIG (`_signal.NSIG`).
const NSIG: f64 = 65.0;

struct Installed {
    /// The address of the runtime's state: the monitoring callback has no other way to know
    /// which runtime it serves.
    runtime: usize,
    buffer: JsValue,
    countdown: Cell<u32>,
}

thread_local! {
    static INSTALLED: RefCell<Vec<Installed>> = const { RefCell::new(Vec::new()) };
}

fn key(rt: &RuntimeState) -> usize {
    rt as *const RuntimeState as usize
}

fn sys_monitoring(vm: &VirtualMachine) -> PyResult<(PyObjectRef, PyObjectRef, PyObjectRef)> {
    let monitoring = vm.import("sys", 0)?.get_attr("monitoring", vm)?;
    let events = monitoring.get_attr("events", vm)?;
    let jump = events.get_attr("JUMP", vm)?;
    let py_start = events.get_attr("PY_START", vm)?;
    Ok((monitoring, jump, py_start))
}

/// Sets (or with `undefined`, removes) the buffer of `rt`; starts or stops the checks.
fn set_buffer(rt: &RuntimeState, buffer: JsValue, vm: &VirtualMachine) -> PyResult<()> {
    let runtime = key(rt);
    let was_installed = INSTALLED.with(|all| {
        let mut all = all.borrow_mut();
        let before = all.len();
        all.retain(|i| i.runtime != runtime);
        all.len() != before
    });
    let (monitoring, jump, py_start) = sys_monitoring(vm)?;
    let call = |name: &'static str, args: Vec<PyObjectRef>| monitoring.get_attr(name, vm)?.call(args, vm);
    let tool: PyObjectRef = vm.ctx.new_int(TOOL).into();
    if buffer.is_undefined() {
        if was_installed {
            call("set_events", vec![tool.clone(), vm.ctx.new_int(0).into()])?;
            call("register_callback", vec![tool.clone(), jump, vm.ctx.none()])?;
            call("register_callback", vec![tool.clone(), py_start, vm.ctx.none()])?;
            call("free_tool_id", vec![tool])?;
        }
        return Ok(());
    }
    if !was_installed {
        // Fails with ValueError if Python code already uses the tool id.
        call("use_tool_id", vec![tool.clone(), vm.ctx.new_str(TOOL_NAME).into()])?;
        let check: PyObjectRef = vm.new_function("check_interrupt_buffer", check).into();
        call("register_callback", vec![tool.clone(), jump.clone(), check.clone()])?;
        call("register_callback", vec![tool.clone(), py_start.clone(), check])?;
        let both = vm._or(&jump, &py_start)?;
        call("set_events", vec![tool, both])?;
    }
    INSTALLED.with(|all| {
        // Read at the first event: a signal written before the code started is not delayed.
        all.borrow_mut().push(Installed { runtime, buffer, countdown: Cell::new(1) })
    });
    Ok(())
}

/// The monitoring callback: every `EVENTS_PER_READ` events, takes a pending signal number
/// out of the buffer and runs its handler (whose exception, KeyboardInterrupt for SIGINT,
/// propagates into the running code).
fn check(_args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let rt = runtime(vm)?;
    let runtime = key(&rt);
    let pending = INSTALLED.with(|all| -> Option<f64> {
        let all = all.borrow();
        let installed = all.iter().find(|i| i.runtime == runtime)?;
        let left = installed.countdown.get().saturating_sub(1);
        if left > 0 {
            installed.countdown.set(left);
            return None;
        }
        installed.countdown.set(EVENTS_PER_READ);
        let value = js_sys::Reflect::get_u32(&installed.buffer, 0).ok()?.as_f64()?;
        if value == 0.0 {
            return None;
        }
        let _ = js_sys::Reflect::set_u32(&installed.buffer, 0, &JsValue::from(0));
        Some(value)
    });
    match pending {
        // Anything but a signal number is dropped, as a write the handlers cannot mean.
        Some(signum) if signum.fract() == 0.0 && (1.0..NSIG).contains(&signum) => run_handler(signum as i32, vm),
        _ => Ok(()),
    }
}

/// What a signal does in CPython: the handler `signal.signal` set is called with the signal
/// number and the running frame; SIGINT's default handler raises KeyboardInterrupt (here
/// directly, so that the traceback ends in the interrupted code); SIG_DFL and SIG_IGN do nothing.
fn run_handler(signum: i32, vm: &VirtualMachine) -> PyResult<()> {
    let signal = vm.import("_signal", 0)?;
    let handler = signal.get_attr("getsignal", vm)?.call((signum,), vm)?;
    if handler.is(&signal.get_attr("default_int_handler", vm)?) {
        return Err(vm.new_exception_empty(vm.ctx.exceptions.keyboard_interrupt.to_owned()));
    }
    if handler.is_callable() {
        let frame = vm.import("sys", 0)?.get_attr("_getframe", vm)?.call((0,), vm)?;
        handler.call((signum, frame), vm)?;
    }
    Ok(())
}

#[wasm_bindgen]
impl Core {
    /// `setInterruptBuffer(buffer)`: `buffer` is a TypedArray (checked in JS) or `undefined`.
    pub fn set_interrupt_buffer(&self, buffer: JsValue) -> Result<(), JsValue> {
        self.entry(|rt, vm| set_buffer(rt, buffer, vm))
    }
}
