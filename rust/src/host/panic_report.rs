//! A Rust panic reaches JavaScript as an `Error` that says what failed and where ("Rust panic:
//! <message> at <file>:<line>:<column>") instead of the bare `RuntimeError: unreachable` that
//! `panic = "abort"` leaves. The hook throws a JS error, so the abort never runs; the Rust state
//! it unwinds past is not cleaned up, so the message also says the runtime cannot be trusted.

use std::panic::PanicHookInfo;
use wasm_bindgen::prelude::*;

/// Runs once when the wasm module is instantiated (before any other export).
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| wasm_bindgen::throw_str(&describe(info))));
}

fn describe(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned());
    let place = info.location().map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column())).unwrap_or_default();
    format!("Rust panic: {message}{place} (the Python runtimes of this page or process are now in an unknown state: reload it)")
}
