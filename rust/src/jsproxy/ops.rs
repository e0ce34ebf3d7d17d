//! The primitives the JsProxy classes (`_pyffi_jsproxy`) are written in: each is one JS
//! operation on the proxied value, with Python's conversions and Pyodide's error texts.

#[pymodule(sub)]
pub(crate) mod ops {
    use crate::crossing::errors::{js_error_to_py, py_exc_to_js};
    use crate::crossing::js2py::js_to_py;
    use crate::crossing::jsproxy_object::{JsProxy, call_js, construct_js, is_keyword, js_value_of, new_jsproxy, runtime};
    use crate::crossing::py2js::{Lifetime, py_to_js};
    use crate::state::RuntimeState;
    use crate::host::{js_imports, strings};
    use rustpython_common::wtf8::Wtf8;
    use rustpython_vm::{
        PyObjectRef, PyRef, PyResult, VirtualMachine,
        convert::TryFromBorrowedObject,
        protocol::PyBuffer,
        builtins::{PyBaseException, PyInt, PyStrRef},
        function::{FuncArgs, KwArgs, OptionalArg, PosArgs},
    };
    use wasm_bindgen::JsValue;

    /// `len()`: the object's `size`, else its `length`.
    #[pyfunction]
    fn js_len(p: PyRef<JsProxy>, vm: &VirtualMachine) -> PyResult<usize> {
        length(&*runtime(vm)?, &p.value, vm)
    }

    /// The length `len()` gives (also the native `len` of JsArray, `crate::jsproxy::array`), with
    /// Pyodide's errors for a length that is not one.
    pub(crate) fn length(rt: &RuntimeState, value: &JsValue, vm: &VirtualMachine) -> PyResult<usize> {
        let n = js_imports::js_length(value).map_err(|e| js_error_to_py(rt, e, vm))?;
        if n.is_nan() {
            return Err(vm.new_type_error("object does not have a valid length"));
        }
        if n < 0.0 {
            return Err(vm.new_value_error(format!("length {n} of object is negative")));
        }
        if n > i32::MAX as f64 {
            return Err(vm.new_overflow_error(format!("length {n} of object is larger than INT_MAX (2147483647)")));
        }
        Ok(n as usize)
    }

    /// `obj[key]`, or `default` when the object has no such property (a hole, an index past the end).
    #[pyfunction]
    fn js_item(p: PyRef<JsProxy>, key: PyObjectRef, default: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        // The hot case, `arr[i]`: the key as a plain u32, no JS key value to make.
        let index = key.downcast_ref_if_exact::<PyInt>(vm).and_then(|n| u32::try_from(n.as_bigint()).ok());
        let found = match index {
            Some(index) => read_index(&rt, &p.value, index, vm)?,
            None => read_key(&rt, &p.value, &py_to_js(&rt, &key, &mut Lifetime::Owned, vm), vm)?,
        };
        Ok(found.unwrap_or(default))
    }

    /// `obj[index]` in Python, None if there is no such element: the read and its kind in one
    /// crossing (booleans, nullish values and numbers need no second one).
    pub(crate) fn read_index(rt: &RuntimeState, value: &JsValue, index: u32, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
        let kind = js_imports::read_index_kind(value, index).map_err(|e| js_error_to_py(rt, e, vm))?;
        if kind == crate::crossing::js2py::READ_MISSING {
            return Ok(None);
        }
        crate::crossing::js2py::take_read_to_py(rt, kind, vm).map(Some)
    }

    /// `obj[key]` in Python for any JS key, None if the object has no such property.
    pub(crate) fn read_key(rt: &RuntimeState, value: &JsValue, key: &JsValue, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
        let v = js_imports::get_item(value, key).map_err(|e| js_error_to_py(rt, e, vm))?;
        if js_imports::is_missing(&v) { Ok(None) } else { js_to_py(rt, v, vm).map(Some) }
    }

    /// `obj[key] = value`; a Python value stored in JS lives as long as JS keeps it.
    #[pyfunction]
    fn js_set_item(p: PyRef<JsProxy>, key: PyObjectRef, value: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        let k = py_to_js(&rt, &key, &mut Lifetime::Owned, vm);
        let v = py_to_js(&rt, &value, &mut Lifetime::Owned, vm);
        js_imports::set_item(&p.value, &k, &v).map_err(|e| js_error_to_py(&rt, e, vm))
    }

    /// The JS method `obj[name]`, or the JsException JS would throw for calling a non-function.
    pub(crate) fn method(p: &JsProxy, name: &Wtf8, vm: &VirtualMachine) -> PyResult<JsValue> {
        let rt = runtime(vm)?;
        let f = js_imports::get_attr(&p.value, &strings::wtf8_to_js(name)).map_err(|e| js_error_to_py(&rt, e, vm))?;
        if !js_imports::is_callable(&f) {
            // What JS itself throws for `obj.name()` (Pyodide calls the method and lets it through).
            let err = js_sys::TypeError::new(&format!("obj.{name} is not a function"));
            return Err(js_error_to_py(&rt, err.into(), vm));
        }
        Ok(f)
    }

    /// `obj.name(...)`, reaching the JS method even where a Python member has the same name.
    #[pyfunction]
    fn js_method(p: PyRef<JsProxy>, name: PyStrRef, args: PosArgs, kwargs: KwArgs, vm: &VirtualMachine) -> PyResult {
        let f = method(&p, name.as_wtf8(), vm)?;
        call_js(&f, &p.value, FuncArgs::new(args, kwargs), vm)
    }

    /// `obj.name(...)` storing its arguments: Python values passed stay alive as long as JS
    /// keeps them (owned proxies), as for property stores (`push`, `splice`, `Map.set`).
    #[pyfunction]
    fn js_store(p: PyRef<JsProxy>, name: PyStrRef, args: PosArgs, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        let f = method(&p, name.as_wtf8(), vm)?;
        let array = js_sys::Array::new();
        for a in args.iter() {
            array.push(&py_to_js(&rt, a, &mut Lifetime::Owned, vm));
        }
        let result = js_imports::call_function(&f, &p.value, &array).map_err(|e| js_error_to_py(&rt, e, vm))?;
        js_to_py(&rt, result, vm)
    }

    /// `f(...)` (what a callable JsProxy's `__call__` does).
    #[pyfunction]
    fn js_call(p: PyRef<JsProxy>, args: PosArgs, kwargs: KwArgs, vm: &VirtualMachine) -> PyResult {
        if !js_imports::is_callable(&p.value) {
            return Err(vm.new_type_error(format!("'{}' object is not callable", js_imports::type_of(&p.value))));
        }
        crate::crossing::jsproxy_object::call_js_from_python(&p.value, &p.this, FuncArgs::new(args, kwargs), vm)
    }

    /// `new f(...)`.
    #[pyfunction]
    fn js_new(p: PyRef<JsProxy>, args: PosArgs, kwargs: KwArgs, vm: &VirtualMachine) -> PyResult {
        construct_js(&p.value, FuncArgs::new(args, kwargs), vm)
    }

    /// `obj[Symbol.iterator]()` (or `Symbol.asyncIterator`).
    #[pyfunction]
    fn js_iter(p: PyRef<JsProxy>, asynchronous: OptionalArg<bool>, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        let it = js_imports::iterator_of(&p.value, asynchronous.unwrap_or(false)).map_err(|e| js_error_to_py(&rt, e, vm))?;
        js_to_py(&rt, it, vm)
    }

    /// One step of a JS iterator: `obj[method](arg)`, checked as Pyodide checks it; (done, value).
    #[pyfunction]
    fn js_next(p: PyRef<JsProxy>, method_name: PyStrRef, arg: OptionalArg<PyObjectRef>, vm: &VirtualMachine) -> PyResult<(bool, PyObjectRef)> {
        let rt = runtime(vm)?;
        let f = method(&p, method_name.as_wtf8(), vm)?;
        let args = js_sys::Array::new();
        if let OptionalArg::Present(a) = arg {
            let thrown = if method_name.as_wtf8() == "throw" { a.downcast_ref::<PyBaseException>() } else { None };
            let value = match thrown {
                // As Pyodide: a JsException goes in as its JS error, any other exception as a
                // PythonError, which becomes the original exception again if the generator
                // lets it out.
                Some(exc) => js_value_of(&rt, &a, vm).unwrap_or_else(|| py_exc_to_js(&rt, &exc.to_owned(), vm)),
                // Values sent into a generator may be kept there: owned, like property stores.
                None => py_to_js(&rt, &a, &mut Lifetime::Owned, vm),
            };
            args.push(&value);
        }
        let result = js_imports::call_function(&f, &p.value, &args).map_err(|e| js_error_to_py(&rt, e, vm))?;
        let kind = js_imports::type_of(&result);
        if result.is_null() || (kind != "object" && kind != "function") {
            let shown = if result.is_null() { "null".to_owned() } else { kind };
            return Err(vm.new_type_error(format!("Result should have type \"object\" not \"{shown}\"")));
        }
        let step = js_imports::iterator_result(&result).map_err(|e| js_error_to_py(&rt, e, vm))?;
        match step.as_f64() {
            Some(code) if code == 2.0 => Err(vm.new_type_error("Result was a promise, use anext() / asend() / athrow() instead.")),
            Some(code) if code == 3.0 => Err(vm.new_type_error("Result has no \"done\" field.")),
            Some(code) => {
                let value = js_imports::get_attr(&result, &JsValue::from_str("value")).map_err(|e| js_error_to_py(&rt, e, vm))?;
                Ok((code == 1.0, js_to_py(&rt, value, vm)?))
            }
            None => Err(vm.new_type_error("Result has no \"done\" field.")),
        }
    }

    /// `bool()`: JS truthiness, with Pyodide's emptiness rules for sized objects.
    #[pyfunction]
    fn js_truthy(p: PyRef<JsProxy>) -> bool {
        js_imports::truthy(&p.value)
    }

    /// Property names along the prototype chain (no indices), keywords spelt as Python needs them.
    #[pyfunction]
    fn js_dir(p: PyRef<JsProxy>, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
        let rt = runtime(vm)?;
        let keys = js_imports::object_keys_deep(&p.value).map_err(|e| js_error_to_py(&rt, e, vm))?;
        Ok(keys
            .iter()
            .filter_map(|k| k.as_string())
            .map(|k| vm.ctx.new_str(if is_keyword(&k) { format!("{k}_") } else { k }).into())
            .collect())
    }

    /// The capability bits of the proxied JS value, as it is now (0 for a PyProxy).
    #[pyfunction]
    fn js_flags_of(p: PyRef<JsProxy>) -> u32 {
        if js_imports::kind_of(&p.value) >= crate::crossing::js2py::OBJECT { js_imports::js_flags(&p.value) } else { 0 }
    }

    /// A JsProxy of the same value (and `this`) whose class is the one for `flags` (the object
    /// views, module objects).
    #[pyfunction]
    fn js_rewrap(p: PyRef<JsProxy>, flags: u32, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        new_jsproxy(&rt, p.value.clone(), p.this.clone(), flags, vm)
    }

    /// The JS function `p` with `this` bound to `instance` (a JS function stored on a Python
    /// class is a method). The instance lives in JS as long as the bound proxy keeps it.
    #[pyfunction]
    fn js_bind(p: PyRef<JsProxy>, instance: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        let this = py_to_js(&rt, &instance, &mut Lifetime::Owned, vm);
        new_jsproxy(&rt, p.value.clone(), this, crate::crossing::jsproxy_object::flags::CALLABLE, vm)
    }

    /// Whether `obj[name]` is a function now (a throwing getter counts as no).
    #[pyfunction]
    fn js_has_method(p: PyRef<JsProxy>, name: PyStrRef) -> bool {
        js_imports::has_method(&p.value, &strings::wtf8_to_js(name.as_wtf8()))
    }

    /// `Object.hasOwn(obj, key)`.
    #[pyfunction]
    fn js_has_own(p: PyRef<JsProxy>, key: PyStrRef, vm: &VirtualMachine) -> PyResult<bool> {
        let rt = runtime(vm)?;
        js_imports::has_own(&p.value, &strings::wtf8_to_js(key.as_wtf8())).map_err(|e| js_error_to_py(&rt, e, vm))
    }

    /// `Object.keys(obj)` (own enumerable string keys: an object map's keys).
    #[pyfunction]
    fn js_own_keys(p: PyRef<JsProxy>, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
        let rt = runtime(vm)?;
        let keys = js_imports::own_keys(&p.value, false).map_err(|e| js_error_to_py(&rt, e, vm))?;
        keys.iter().map(|k| js_to_py(&rt, k, vm)).collect()
    }

    /// `Object.getOwnPropertyNames(obj)` (what `from jsmod import *` binds without `__all__`).
    #[pyfunction]
    fn js_own_names(p: PyRef<JsProxy>, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
        let rt = runtime(vm)?;
        let keys = js_imports::own_keys(&p.value, true).map_err(|e| js_error_to_py(&rt, e, vm))?;
        keys.iter().map(|k| js_to_py(&rt, k, vm)).collect()
    }

    /// `obj[Symbol.dispose]()`, or for `asynchronous` a promise of `obj[Symbol.asyncDispose]()`.
    #[pyfunction]
    fn js_dispose(p: PyRef<JsProxy>, asynchronous: bool, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        let result = js_imports::dispose(&p.value, asynchronous).map_err(|e| js_error_to_py(&rt, e, vm))?;
        js_to_py(&rt, result, vm)
    }

    /// A copy of a typed array's, DataView's or ArrayBuffer's bytes.
    #[pyfunction]
    fn js_buffer_bytes(p: PyRef<JsProxy>, vm: &VirtualMachine) -> PyObjectRef {
        vm.ctx.new_bytes(js_imports::buffer_bytes(&p.value).to_vec()).into()
    }

    /// Typed arrays hold elements of one size; a Python buffer copied to or from one must agree.
    fn check_assignable(p: &JsProxy, buffer: &PyBuffer, into_js: bool, vm: &VirtualMachine) -> PyResult<js_sys::Uint8Array> {
        let bytes = js_imports::buffer_bytes(&p.value);
        let js_len = bytes.length() as usize;
        let py_len = buffer.desc.len;
        if py_len != js_len {
            // Pyodide's wording, lengths as it places them.
            return Err(vm.new_value_error(if into_js {
                format!("cannot assign to TypedArray of length {py_len} from buffer of length {js_len}")
            } else {
                format!("cannot assign from TypedArray of length {js_len} to buffer of length {py_len}")
            }));
        }
        let per_element = js_imports::get_attr(&p.value, &JsValue::from_str("BYTES_PER_ELEMENT")).ok().and_then(|v| v.as_f64());
        if let Some(size) = per_element {
            if size as usize != buffer.desc.itemsize {
                return Err(vm.new_value_error("TypedArray and memorybuffer have incompatible formats"));
            }
        }
        Ok(bytes)
    }

    /// `jsbuf.assign(pybuf)`: copies a contiguous Python buffer into the JS buffer.
    #[pyfunction]
    fn js_buffer_assign(p: PyRef<JsProxy>, source: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let buffer = PyBuffer::try_from_borrowed_object(vm, &source)?;
        let target = check_assignable(&p, &buffer, true, vm)?;
        let data = buffer.as_contiguous().ok_or_else(|| vm.new_buffer_error("assign: the Python buffer must be contiguous"))?;
        target.copy_from(&data);
        Ok(())
    }

    /// `jsbuf.assign_to(pybuf)`: copies the JS buffer into a writable contiguous Python buffer.
    #[pyfunction]
    fn js_buffer_assign_to(p: PyRef<JsProxy>, target: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let buffer = PyBuffer::try_from_borrowed_object(vm, &target)?;
        if buffer.desc.readonly {
            return Err(vm.new_type_error("assign_to: the Python buffer is read-only"));
        }
        let source = check_assignable(&p, &buffer, false, vm)?;
        let mut data = buffer.as_contiguous_mut().ok_or_else(|| vm.new_buffer_error("assign_to: the Python buffer must be contiguous"))?;
        source.copy_to(&mut data);
        Ok(())
    }

    /// Copies `data` over the first bytes of the JS buffer (`JsBuffer.from_file`).
    #[pyfunction]
    fn js_buffer_write(p: PyRef<JsProxy>, data: rustpython_vm::builtins::PyBytesRef, vm: &VirtualMachine) -> PyResult<()> {
        let target = js_imports::buffer_bytes(&p.value);
        let n = data.as_bytes().len().min(target.length() as usize);
        if n < data.as_bytes().len() {
            return Err(vm.new_value_error("from_file: more bytes than the buffer holds"));
        }
        target.subarray(0, n as u32).copy_from(&data.as_bytes()[..n]);
        Ok(())
    }

    /// The Python object behind a JsDoubleProxy.
    #[pyfunction]
    fn js_unwrap(p: PyRef<JsProxy>, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        if js_imports::kind_of(&p.value) >= crate::crossing::js2py::OBJECT {
            return Err(vm.new_type_error("unwrap(): this JsProxy does not hold a Python object"));
        }
        let id = js_imports::pyproxy_id(&p.value);
        let found = rt.registry.borrow().get(id).cloned();
        // What Pyodide throws from the destroyed PyProxy: a JS Error, so a JsException here.
        found.ok_or_else(|| {
            let message = format!("{}\n{}", wire::DESTROYED_MESSAGE, wire::DESTROYED_HINT);
            js_error_to_py(&rt, js_sys::Error::new(&message).into(), vm)
        })
    }
}
