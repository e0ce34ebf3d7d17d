//! The table of Python objects that JavaScript holds: an `IdSlab` (generation-checked ids with a
//! per-runtime tag; see rust/id-slab) of Python objects.

use rustpython_vm::PyObjectRef;

pub type Registry = id_slab::IdSlab<PyObjectRef>;
