//! The asyncio loop's host-side state, one per runtime (what `crossing/promises.rs` works on).

use rustpython_vm::PyObjectRef;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// Per-runtime state of the loop's host side: the loop's functions the core calls, once
/// `_pyffi_loop` has installed the loop, and the futures waiting for JS promises.
#[derive(Default)]
pub struct HostLoop {
    pub(crate) functions: RefCell<Option<LoopFunctions>>,
    /// By the token handed to JS. A promise that never settles keeps its future (and the task
    /// awaiting it) alive, as a pending JS callback would.
    pub(crate) awaiting: RefCell<HashMap<u32, PyObjectRef>>,
    pub(crate) next_token: Cell<u32>,
    /// How many more settled promises may run the ready queue before the next host turn.
    pub(crate) eager_budget: Cell<u32>,
}

#[derive(Clone)]
pub(crate) struct LoopFunctions {
    pub(crate) new_future: PyObjectRef,
    pub(crate) host_turn: PyObjectRef,
    pub(crate) run_ready: PyObjectRef,
}
