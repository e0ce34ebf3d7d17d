//! The @pkg/ffi core: RustPython plus the Python <-> JavaScript FFI, compiled to wasm.

#[macro_use]
extern crate rustpython_vm;

mod buffer;
mod errors;
mod ffi_api;
mod host_loop;
mod interrupt;
mod js2py;
mod js_imports;
mod jsarray;
mod jsproxy;
mod jsproxy_ops;
mod panic_report;
mod proxy_ops;
mod py2js;
mod registry;
mod runtime;
mod stack_budget;
mod state;
mod stdlib;
mod strings;
mod to_js;
mod to_py;
mod typeflags;
mod vfs_module;

pub use runtime::Core;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: small_alloc::SmallAlloc<std::alloc::System> = small_alloc::SmallAlloc::new(std::alloc::System);
