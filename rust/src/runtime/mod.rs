//! One runtime's life: `Core`'s constructor, boot and `run` (`core`), the native module
//! `_pyffi` (`native_module`) and its host functions, interrupts, the packed standard library
//! and the `_vfs` module, and `loadPython`'s options (`options`). The top of the crate: it may use
//! every other folder.

pub mod core;
pub mod host_functions;
pub mod interrupt;
pub mod native_module;
pub mod stdlib;
pub mod vfs_module;
pub mod options;
