//! The @pkg/ffi core: RustPython plus the Python <-> JavaScript FFI, compiled to wasm.
//!
//! Folders by concern, each using only the ones listed after it (no circles; a test checks):
//! `runtime` (boot, `_pyffi`, host functions, files) -> `pyproxy` (PyProxy operations) and
//! `jsproxy` (JsProxy protocols, `pyodide.ffi`) -> `convert` (deep conversions) -> `crossing`
//! (one value crossing, errors, promises, the JsProxy class) -> `state` (one runtime's state,
//! the proxy registry) -> `host` (the JS snippet and hooks). See docs/architecture.md.

#[macro_use]
extern crate rustpython_vm;

mod convert;
mod crossing;
mod host;
mod jsproxy;
mod pyproxy;
mod runtime;
mod state;

pub use state::Core;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: small_alloc::SmallAlloc<std::alloc::System> = small_alloc::SmallAlloc::new(std::alloc::System);
