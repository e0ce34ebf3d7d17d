//! Keeps Python from exhausting the JS engine's stack. Wasm frames live on the engine's native
//! stack, and a JS exception (RangeError: Maximum call stack size exceeded) that unwinds through
//! Rust frames skips their clean-up: the interpreter's recursion counter, borrowed proxies and
//! cell borrows would stay as they were. So the limits are sized from the stack this realm
//! actually has (measured in JS as a count of plain JS frames) and Python raises RecursionError
//! well before the engine's limit: a recursion limit for Python frames, and a budget for nested
//! Python -> JS calls (each of which costs a JS frame and a full interpreter entry on the way back).

use std::cell::Cell;

/// Measured in Node with 11,881 plain JS frames of stack: the release build fits 2,191 Python
/// frames or 303 nested JS <-> Python levels, the development build (opt-level 1) 857 and 167.
/// A full recursion limit of Python frames and a full budget of crossings together must fit:
/// about 40 % + 47 % of the stack in the release build, 65 % + 28 % in the development build.
const DEV_BUILD: bool = matches!(env!("PKG_FFI_OPT_LEVEL").as_bytes(), b"0" | b"1");
/// Python frames per plain JS frame of stack.
const PY_FRAMES_PER_JS_FRAME: f64 = if DEV_BUILD { 0.04 } else { 0.09 };
/// Nested Python -> JS -> Python levels per plain JS frame of stack.
const CROSSINGS_PER_JS_FRAME: f64 = if DEV_BUILD { 0.004 } else { 0.012 };
/// CPython's default; a large stack does not raise it.
const MAX_RECURSION_LIMIT: usize = 1000;
const MIN_RECURSION_LIMIT: usize = 100;
const MIN_CROSSINGS: u32 = 16;

thread_local! {
    /// Python -> JS calls in progress on this thread (all runtimes share the engine's stack).
    static CROSSINGS: Cell<u32> = const { Cell::new(0) };
    static CROSSING_BUDGET: Cell<u32> = const { Cell::new(u32::MAX) };
}

/// The recursion limit for a stack of `js_frames` plain JS frames.
pub fn recursion_limit_for(js_frames: u32) -> usize {
    ((js_frames as f64 * PY_FRAMES_PER_JS_FRAME) as usize).clamp(MIN_RECURSION_LIMIT, MAX_RECURSION_LIMIT)
}

/// Sets the nesting budget of Python -> JS calls for a stack of `js_frames` plain JS frames.
pub fn set_crossing_budget(js_frames: u32) {
    let budget = ((js_frames as f64 * CROSSINGS_PER_JS_FRAME) as u32).max(MIN_CROSSINGS);
    CROSSING_BUDGET.with(|b| b.set(budget));
}

/// Runs a Python -> JS call `f` if the nesting budget allows it; `None` if it does not.
pub fn crossing<R>(f: impl FnOnce() -> R) -> Option<R> {
    let depth = CROSSINGS.with(Cell::get);
    if depth >= CROSSING_BUDGET.with(Cell::get) {
        return None;
    }
    CROSSINGS.with(|c| c.set(depth + 1));
    let result = f();
    // Restored to the value before the call, not decremented: a call that a JS exception
    // unwound (and so never decremented) cannot leave the count raised.
    CROSSINGS.with(|c| c.set(depth));
    Some(result)
}
