//! `_pyffi`: the Python side of the FFI that must be native — the JsProxy class and the few
//! functions the Python modules (`pyodide.ffi`, `pyscript.ffi`, boot) build on.

pub(crate) use _pyffi::{JsProxy, module_def};

#[pymodule]
mod _pyffi {
    use crate::errors::{js_error_to_py, py_exc_to_js};
    use crate::js2py::{js_to_py, js_to_py_bound};
    use crate::py2js::{BORROWED_MESSAGE, Lifetime, new_pyproxy, py_to_js, release_borrowed};
    use crate::state::{self, RuntimeState};
    use crate::{js_imports, strings};
    use js_sys::Array;
    use rustpython_vm::{
        AsObject, Py, PyObject, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
        builtins::{PyBaseExceptionRef, PyStr, PyStrRef},
        function::{FuncArgs, PySetterValue},
        types::{Callable, Comparable, GetAttr, PyComparisonOp, Representable, SetAttr},
    };
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;

    /// A JavaScript value seen from Python.
    #[pyattr]
    #[pyclass(module = "pyodide.ffi", name = "JsProxy")]
    #[derive(PyPayload)]
    pub struct JsProxy {
        pub(crate) value: JsValue,
        /// The object a function was read from, passed as `this` when it is called.
        pub(crate) this: JsValue,
        live: Rc<Cell<usize>>,
    }

    impl std::fmt::Debug for JsProxy {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JsProxy")
        }
    }

    impl JsProxy {
        pub fn wrap(rt: &RuntimeState, value: JsValue, this: JsValue) -> Self {
            rt.js_refs.set(rt.js_refs.get() + 1);
            JsProxy { value, this, live: rt.js_refs.clone() }
        }
    }

    impl Drop for JsProxy {
        fn drop(&mut self) {
            self.live.set(self.live.get() - 1);
        }
    }

    pub(crate) fn runtime(vm: &VirtualMachine) -> PyResult<Rc<RuntimeState>> {
        state::current().ok_or_else(|| vm.new_runtime_error("no @pkg/ffi runtime is active"))
    }

    fn key(name: &Py<PyStr>) -> JsValue {
        strings::wtf8_to_js(name.as_wtf8())
    }

    /// JS arguments for a call: positional ones converted, keyword ones gathered into one trailing
    /// object. PyProxies made here are borrowed (collected in `borrowed`) for the call only.
    fn js_arguments(rt: &RuntimeState, args: &FuncArgs, borrowed: &mut Vec<JsValue>, vm: &VirtualMachine) -> Array {
        let array = Array::new();
        let mut lifetime = Lifetime::Borrowed(borrowed);
        for arg in &args.args {
            array.push(&py_to_js(rt, arg, &mut lifetime, vm));
        }
        if !args.kwargs.is_empty() {
            let kwargs = js_imports::new_object();
            for (name, value) in &args.kwargs {
                js_imports::define_own(&kwargs, &strings::wtf8_to_js(name), &py_to_js(rt, value, &mut lifetime, vm));
            }
            array.push(&kwargs);
        }
        array
    }

    /// Calls `f` with `this` and Python arguments; keyword arguments become one trailing object.
    pub(crate) fn call_js(f: &JsValue, this: &JsValue, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        let mut borrowed = Vec::new();
        let array = js_arguments(&rt, &args, &mut borrowed, vm);
        let result = js_imports::call_function(f, this, &array);
        release_borrowed(&rt, borrowed, BORROWED_MESSAGE);
        match result {
            Ok(v) => js_to_py(&rt, v, vm),
            Err(e) => Err(js_error_to_py(&rt, e, vm)),
        }
    }

    #[pyclass(with(GetAttr, SetAttr, Callable, Comparable, Representable))]
    impl JsProxy {
        /// `new X(...)`: constructs the JS class with the (converted) arguments.
        #[pymethod]
        fn new(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
            let rt = runtime(vm)?;
            if !js_imports::is_callable(&zelf.value) {
                return Err(vm.new_type_error("this JsProxy is not a constructor (it is not a JavaScript function)"));
            }
            let mut borrowed = Vec::new();
            let array = js_arguments(&rt, &args, &mut borrowed, vm);
            let result = js_imports::construct(&zelf.value, &array);
            release_borrowed(&rt, borrowed, "This borrowed proxy was automatically destroyed. Try using create_proxy or create_once_callable.");
            match result {
                Ok(v) => js_to_py(&rt, v, vm),
                Err(e) => Err(js_error_to_py(&rt, e, vm)),
            }
        }

        #[pygetset(name = "typeof")]
        fn type_of(zelf: &Py<Self>) -> String {
            js_imports::type_of(&zelf.value)
        }
    }

    impl GetAttr for JsProxy {
        fn getattro(zelf: &Py<Self>, name: &Py<PyStr>, vm: &VirtualMachine) -> PyResult {
            // Python-side members (new, typeof, dunders) first, then the JS property.
            if let Some(found) = zelf.as_object().generic_getattr_opt(name, None, vm)? {
                return Ok(found);
            }
            let rt = runtime(vm)?;
            let value = js_imports::get_attr(&zelf.value, &key(name)).map_err(|e| js_error_to_py(&rt, e, vm))?;
            if js_imports::is_missing(&value) {
                return Err(vm.new_attribute_error(format!("{}", name.as_wtf8())));
            }
            js_to_py_bound(&rt, value, Some(&zelf.value), vm)
        }
    }

    impl SetAttr for JsProxy {
        fn setattro(zelf: &Py<Self>, name: &Py<PyStr>, value: PySetterValue, vm: &VirtualMachine) -> PyResult<()> {
            let rt = runtime(vm)?;
            match value {
                PySetterValue::Assign(v) => {
                    // A stored Python object lives as long as JS keeps it: an owned proxy.
                    let js = py_to_js(&rt, &v, &mut Lifetime::Owned, vm);
                    js_imports::set_attr(&zelf.value, &key(name), &js).map_err(|e| js_error_to_py(&rt, e, vm))
                }
                PySetterValue::Delete => {
                    let existed = js_imports::delete_attr(&zelf.value, &key(name)).map_err(|e| js_error_to_py(&rt, e, vm))?;
                    if existed { Ok(()) } else { Err(vm.new_attribute_error(format!("{}", name.as_wtf8()))) }
                }
            }
        }
    }

    impl Callable for JsProxy {
        type Args = FuncArgs;
        fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
            if !js_imports::is_callable(&zelf.value) {
                return Err(vm.new_type_error(format!("'{}' object is not callable", js_imports::type_of(&zelf.value))));
            }
            call_js(&zelf.value, &zelf.this, args, vm)
        }
    }

    impl Comparable for JsProxy {
        fn cmp(zelf: &Py<Self>, other: &PyObject, op: PyComparisonOp, _vm: &VirtualMachine) -> PyResult<rustpython_vm::function::PyComparisonValue> {
            op.eq_only(|| {
                let same = other.downcast_ref::<JsProxy>().is_some_and(|o| o.value == zelf.value);
                Ok(same.into())
            })
        }
    }

    impl Representable for JsProxy {
        fn repr_wtf8(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<rustpython_common::wtf8::Wtf8Buf> {
            Ok(strings::js_to_wtf8(&js_imports::string_of(&zelf.value)))
        }
    }

    /// `globalThis` as a JsProxy: what `import js` gives.
    #[pyfunction]
    fn js_global(vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        Ok(JsProxy::wrap(&rt, js_sys::global().into(), JsValue::UNDEFINED).into_ref(&vm.ctx).into())
    }

    /// Sends text written to sys.stdout (fd 1) or sys.stderr (fd 2) to the runtime's callbacks.
    #[pyfunction]
    fn write_output(fd: i32, text: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        rt.hooks.write(fd, &text.as_wtf8().to_string_lossy());
        Ok(())
    }

    /// Milliseconds from the host's monotonic clock (`performance.now()`): std's clocks trap on
    /// wasm32-unknown-unknown, so `time.monotonic` and friends are rebuilt on this.
    #[pyfunction]
    fn perf_now() -> f64 {
        js_imports::perf_now()
    }

    /// Hands a Python callable to the host's scheduler (see `_pyffi_loop`).
    #[pyfunction]
    fn schedule(callback: PyObjectRef, delay_ms: f64, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        let proxy = new_pyproxy(&rt, callback, &mut Lifetime::Owned, vm);
        rt.hooks.schedule(&proxy, delay_ms);
        Ok(())
    }

    /// Calls a JS `resolve` with `value`; a Python object arrives as a proxy the receiver owns.
    #[pyfunction]
    fn settle(resolve: PyRef<JsProxy>, value: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        let v = py_to_js(&rt, &value, &mut Lifetime::Owned, vm);
        js_imports::call_function(&resolve.value, &JsValue::UNDEFINED, &Array::of1(&v)).map(|_| ()).map_err(|e| js_error_to_py(&rt, e, vm))
    }

    /// Calls a JS `reject` with the exception as a `PythonError` (or the JS error it carries).
    #[pyfunction]
    fn settle_error(reject: PyRef<JsProxy>, exc: PyBaseExceptionRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        let v = py_exc_to_js(&rt, &exc, vm);
        js_imports::call_function(&reject.value, &JsValue::UNDEFINED, &Array::of1(&v)).map(|_| ()).map_err(|e| js_error_to_py(&rt, e, vm))
    }

    /// The `name` and `message` of a thrown JS value, for JsException's text.
    #[pyfunction]
    fn error_parts(err: PyRef<JsProxy>) -> (String, String) {
        (js_imports::error_name(&err.value), js_imports::error_message(&err.value))
    }

}
