//! `_pyffi`: the native module the frozen Python modules import, put together from its parts,
//! each next to what it is about.

use crate::crossing::jsnull::jsnull_class;
use crate::crossing::jsproxy_object::jsproxy_class;
use crate::jsproxy::array::array_slots;
use crate::jsproxy::ffi_api::api;
use crate::jsproxy::ops::ops;
use crate::jsproxy::to_py_method::to_py_method;
use crate::runtime::host_functions::host_functions;

#[pymodule(with(jsproxy_class, jsnull_class, ops, api, array_slots, to_py_method, host_functions))]
mod _pyffi {}

pub(crate) use _pyffi::module_def;
