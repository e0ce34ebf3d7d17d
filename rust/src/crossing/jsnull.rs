//! `pyodide.ffi.jsnull`, the Python value that crosses to JS as `null` (None crosses as
//! `undefined`): one per runtime, falsy, and part of `_pyffi`.

#[pymodule(sub)]
pub(crate) mod jsnull_class {
    use crate::state::{RuntimeState, runtime};
    use rustpython_vm::{
        Py, PyObjectRef, PyPayload, PyResult, VirtualMachine,
        builtins::PyTypeRef,
        function::FuncArgs,
        protocol::{PyNumber, PyNumberMethods},
        types::{AsNumber, Constructor, Representable},
    };

    /// Python's spelling of JS `null` (JS `null` itself arrives in Python as `None`).
    #[pyattr]
    #[pyclass(module = "pyodide.ffi", name = "JsNull")]
    #[derive(Debug, PyPayload)]
    pub struct JsNull;

    #[pyclass(with(Constructor, Representable, AsNumber))]
    impl JsNull {
        #[pygetset(name = "typeof")]
        fn type_of(_zelf: &Py<Self>) -> &'static str {
            "object"
        }
    }

    /// The runtime's one `jsnull`.
    fn singleton(rt: &RuntimeState, vm: &VirtualMachine) -> PyObjectRef {
        rt.jsnull.borrow_mut().get_or_insert_with(|| JsNull.into_ref(&vm.ctx).into()).clone()
    }

    impl Constructor for JsNull {
        type Args = FuncArgs;
        fn slot_new(_cls: PyTypeRef, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
            let rt = runtime(vm)?;
            Ok(singleton(&rt, vm))
        }
        fn py_new(_cls: &Py<rustpython_vm::builtins::PyType>, _args: FuncArgs, _vm: &VirtualMachine) -> PyResult<Self> {
            Ok(JsNull)
        }
    }

    impl Representable for JsNull {
        fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
            Ok("jsnull".to_owned())
        }
    }

    impl AsNumber for JsNull {
        fn as_number() -> &'static PyNumberMethods {
            static METHODS: PyNumberMethods = PyNumberMethods {
                boolean: Some(|_number: PyNumber<'_>, _vm| Ok(false)),
                ..PyNumberMethods::NOT_IMPLEMENTED
            };
            &METHODS
        }
    }

    #[pyattr]
    fn jsnull(vm: &VirtualMachine) -> PyObjectRef {
        match runtime(vm) {
            Ok(rt) => singleton(&rt, vm),
            Err(_) => JsNull.into_ref(&vm.ctx).into(),
        }
    }
}

pub(crate) use jsnull_class::JsNull;
