//! The `pyodide.ffi` functions that need the core: `to_js`, `create_proxy`,
//! `create_once_callable` and `destroy_proxies` (`jsnull` is in crossing/jsnull.rs).

#[pymodule(sub)]
pub(crate) mod api {
    use crate::crossing::js2py::js_to_py;
    use crate::crossing::jsproxy_object::{JsProxy, flags, js_value_of, new_jsproxy, runtime};
    use crate::crossing::py2js::{BORROWED_MESSAGE, Lifetime, immutable_to_js, new_pyproxy, release_borrowed};
    use crate::state::RuntimeState;
    use crate::convert::options;
    use crate::convert::to_js::{self, DefaultConverter, ToJsSettings};
    use crate::{crossing::errors::js_error_to_py, host::js_imports};
    use rustpython_vm::{
        PyObjectRef, PyResult, VirtualMachine,
    };
    use wasm_bindgen::JsValue;

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
            crate::crossing::js2py::PYPROXY | crate::crossing::js2py::ROUNDTRIP_PYPROXY => double_proxy(rt, value, vm),
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
        let not_function = |name: &str| vm.new_type_error(options::message("to_js", name, options::FUNCTION, None));
        // A Python callable works too (as in Pyodide): JS calls it through a PyProxy that lives
        // as long as this conversion.
        let mut borrowed = Vec::new();
        let dict_converter = match given(args.dict_converter, vm) {
            None => None,
            Some(c) => match c.downcast_ref::<JsProxy>() {
                Some(p) if js_imports::is_callable(&p.value) => Some(p.value.clone()),
                Some(_) => return Err(not_function("dict_converter")),
                None if c.is_callable() => Some(new_pyproxy(&rt, c, &mut Lifetime::Borrowed(&mut borrowed), vm)),
                None => return Err(not_function("dict_converter")),
            },
        };
        let pyproxies = match given(args.pyproxies, vm) {
            None => None,
            Some(a) => match a.downcast_ref::<JsProxy>() {
                Some(p) if js_imports::is_array(&p.value) => Some(p.value.clone()),
                // Pyodide's words for this one.
                _ => return Err(vm.new_type_error("Expected a JsArray for the pyproxies argument")),
            },
        };
        let converter = |arg: Option<PyObjectRef>, name: &str| match given(arg, vm) {
            None => Ok(None),
            Some(f) if f.is_callable() => Ok(Some(DefaultConverter::Py(f))),
            Some(_) => Err(not_function(name)),
        };
        let default_converter = converter(args.default_converter, "default_converter")?;
        let eager_converter = converter(args.eager_converter, "eager_converter")?;
        let settings = ToJsSettings {
            depth: args.depth,
            dict_converter,
            default_converter,
            eager_converter,
            pyproxies,
            create_pyproxies: args.create_pyproxies,
        };
        let value = to_js::convert(&rt, &args.obj, settings, vm);
        release_borrowed(&rt, borrowed, BORROWED_MESSAGE);
        as_python(&rt, value?, vm)
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
