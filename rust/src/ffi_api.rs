//! The `pyodide.ffi` functions that need the core: `to_js`, `create_proxy`,
//! `create_once_callable`, `destroy_proxies`, and `jsnull`.

#[pymodule(sub)]
pub(crate) mod api {
    use crate::js2py::js_to_py;
    use crate::jsproxy::{JsProxy, flags, js_value_of, new_jsproxy, runtime};
    use crate::py2js::{Lifetime, immutable_to_js, new_pyproxy};
    use crate::state::RuntimeState;
    use crate::to_js::{self, DefaultConverter, ToJsOptions};
    use crate::{errors::js_error_to_py, js_imports};
    use rustpython_vm::{
        Py, PyObjectRef, PyPayload, PyResult, VirtualMachine,
        builtins::PyTypeRef,
        function::FuncArgs,
        types::{AsNumber, Constructor, Representable},
        protocol::{PyNumberMethods, PyNumber},
    };
    use wasm_bindgen::JsValue;

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

    #[derive(FromArgs)]
    struct ToJsArgs {
        #[pyarg(positional)]
        obj: PyObjectRef,
        #[pyarg(named, default = -1)]
        depth: i32,
        #[pyarg(named, optional)]
        pyproxies: Option<PyObjectRef>,
        #[pyarg(named, default = true)]
        create_pyproxies: bool,
        #[pyarg(named, optional)]
        dict_converter: Option<PyObjectRef>,
        #[pyarg(named, optional)]
        default_converter: Option<PyObjectRef>,
        #[pyarg(named, optional)]
        eager_converter: Option<PyObjectRef>,
    }

    fn given(arg: Option<PyObjectRef>, vm: &VirtualMachine) -> Option<PyObjectRef> {
        arg.filter(|a| !vm.is_none(a))
    }

    /// `value` in Python: a JsProxy, or a JsDoubleProxy when it is a PyProxy.
    fn as_python(rt: &RuntimeState, value: JsValue, vm: &VirtualMachine) -> PyResult {
        match js_imports::kind_of(&value) {
            crate::js2py::PYPROXY | crate::js2py::ROUNDTRIP_PYPROXY => double_proxy(rt, value, vm),
            _ => js_to_py(rt, value, vm),
        }
    }

    fn double_proxy(rt: &RuntimeState, proxy: JsValue, vm: &VirtualMachine) -> PyResult {
        let callable = if js_imports::is_callable(&proxy) { flags::CALLABLE } else { 0 };
        new_jsproxy(rt, proxy, JsValue::UNDEFINED, flags::DOUBLE_PROXY | callable, vm)
    }

    /// Deep conversion to JS (list/tuple -> Array, dict -> Map or `dict_converter(entries)`,
    /// set -> Set); the result as a JsProxy. Values that already are JS-shaped come back unchanged.
    #[pyfunction]
    fn to_js(args: ToJsArgs, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        if immutable_to_js(&args.obj, vm).is_some() || js_value_of(&rt, &args.obj, vm).is_some() {
            return Ok(args.obj);
        }
        let dict_converter = match given(args.dict_converter, vm) {
            None => None,
            Some(c) => match c.downcast_ref::<JsProxy>() {
                Some(p) if js_imports::is_callable(&p.value) => Some(p.value.clone()),
                _ => return Err(vm.new_type_error("dict_converter must be a JavaScript function (e.g. js.Object.fromEntries)")),
            },
        };
        let pyproxies = match given(args.pyproxies, vm) {
            None => None,
            Some(a) => match a.downcast_ref::<JsProxy>() {
                Some(p) if js_imports::is_array(&p.value) => Some(p.value.clone()),
                _ => return Err(vm.new_type_error("Expected a JsArray for the pyproxies argument")),
            },
        };
        let converter = |arg: Option<PyObjectRef>, name: &str| match given(arg, vm) {
            None => Ok(None),
            Some(f) if f.is_callable() => Ok(Some(DefaultConverter::Py(f))),
            Some(f) => Err(vm.new_type_error(format!("{name} must be callable, not '{}'", f.class().name()))),
        };
        let default_converter = converter(args.default_converter, "default_converter")?;
        let eager_converter = converter(args.eager_converter, "eager_converter")?;
        let options = ToJsOptions {
            depth: args.depth,
            dict_converter,
            default_converter,
            eager_converter,
            pyproxies,
            create_pyproxies: args.create_pyproxies,
        };
        let value = to_js::convert(&rt, &args.obj, options, vm)?;
        as_python(&rt, value, vm)
    }

    #[derive(FromArgs)]
    struct CreateProxyArgs {
        #[pyarg(positional)]
        obj: PyObjectRef,
        #[pyarg(named, default = false)]
        capture_this: bool,
        #[pyarg(named, default = true)]
        roundtrip: bool,
    }

    /// A PyProxy that lives until `destroy()` (or until JS drops it), as a JsDoubleProxy.
    #[pyfunction]
    fn create_proxy(args: CreateProxyArgs, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        let mut proxy = new_pyproxy(&rt, args.obj, &mut Lifetime::Owned, vm);
        if args.capture_this {
            proxy = rt.hooks.capture_this(&proxy);
        }
        if args.roundtrip {
            rt.hooks.mark_roundtrip(&proxy);
        }
        double_proxy(&rt, proxy, vm)
    }

    /// A JS function that calls `obj` once, then frees it; a second call throws.
    #[pyfunction]
    fn create_once_callable(obj: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        if !obj.is_callable() {
            return Err(vm.new_type_error(format!("create_once_callable: '{}' object is not callable", obj.class().name())));
        }
        let proxy = new_pyproxy(&rt, obj, &mut Lifetime::Owned, vm);
        let once = rt.hooks.once_callable(&proxy);
        new_jsproxy(&rt, once, JsValue::UNDEFINED, flags::CALLABLE, vm)
    }

    /// Destroys every PyProxy in a JS array (indexing it from Python would unwrap them instead).
    #[pyfunction]
    fn destroy_proxies(pyproxies: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        let Some(array) = pyproxies.downcast_ref::<JsProxy>() else {
            return Err(vm.new_type_error("Expected a JsProxy for the argument"));
        };
        if !js_imports::is_array(&array.value) {
            // Pyodide spells it so here (and "JsArray" in to_js).
            return Err(vm.new_type_error("Expected a Js Array for the pyproxies argument"));
        }
        js_imports::destroy_all(&array.value).map_err(|e| js_error_to_py(&rt, e, vm))
    }
}
