//! The host functions of `_pyffi` that the frozen Python modules build on: stdout/stderr and
//! stdin, the clock, timers, the asyncio loop's crossings, promise settling, and the native
//! builtins the boot module installs.

#[pymodule(sub)]
pub(crate) mod host_functions {
    use crate::crossing::errors::{js_error_to_py, py_exc_to_js};
    use crate::crossing::jsproxy_object::JsProxy;
    use crate::crossing::py2js::{Lifetime, new_pyproxy, py_to_js};
    use crate::host::js_imports;
    use crate::state::runtime;
    use js_sys::Array;
    use rustpython_vm::{
        PyObjectRef, PyRef, PyResult, VirtualMachine,
        builtins::{PyBaseExceptionRef, PyStrRef},
        function::{FuncArgs, OptionalArg},
    };
    use wasm_bindgen::JsValue;

    /// A builtin function `name` that runs `implementation`, after `check(first argument)` if a
    /// check is given. Native functions push no frame, so `exec`/`eval` still see their caller's
    /// namespaces, and `type(open)` is `builtin_function_or_method` as in CPython.
    #[pyfunction]
    fn native_builtin(name: PyStrRef, implementation: PyObjectRef, check: OptionalArg<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
        let name: &'static str = match &*name.as_wtf8().to_string_lossy() {
            "open" => "open",
            "compile" => "compile",
            "exec" => "exec",
            "eval" => "eval",
            other => return Err(vm.new_value_error(format!("native_builtin: no builtin {other}"))),
        };
        let check = check.into_option();
        Ok(vm
            .new_function(name, move |args: FuncArgs, vm: &VirtualMachine| {
                if let (Some(check), Some(first)) = (&check, args.args.first()) {
                    check.call((first.clone(),), vm)?;
                }
                implementation.call(args, vm)
            })
            .into())
    }

    /// Sends text written to sys.stdout (fd 1) or sys.stderr (fd 2) to the runtime's callbacks.
    #[pyfunction]
    fn write_output(fd: i32, text: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        // A stdout/stderr callback that throws is an I/O error inside Python (as in Pyodide),
        // not a JS exception unwinding through the interpreter.
        rt.hooks.write(fd, &text.as_wtf8().to_string_lossy()).map_err(|_| {
            vm.new_os_subtype_error(vm.ctx.exceptions.os_error.to_owned(), Some(29), "I/O error".to_owned()).upcast()
        })
    }

    /// The next chunk of sys.stdin from the runtime's stdin handler, or None at end of file. A
    /// handler that throws (or `setStdin({ error: true })`) is an I/O error, as in Pyodide.
    #[pyfunction]
    fn read_input(vm: &VirtualMachine) -> PyResult<Option<String>> {
        let rt = runtime(vm)?;
        match rt.hooks.read_stdin() {
            Ok(chunk) => Ok(chunk.as_string()),
            Err(_) => Err(vm.new_os_subtype_error(vm.ctx.exceptions.os_error.to_owned(), Some(29), "I/O error".to_owned()).upcast()),
        }
    }

    /// `sys.stdin.isatty()`: what the runtime's stdin settings say.
    #[pyfunction]
    fn input_isatty(vm: &VirtualMachine) -> PyResult<bool> {
        Ok(runtime(vm)?.hooks.stdin_isatty())
    }

    /// Milliseconds from the host's monotonic clock (`performance.now()`): std's clocks trap on
    /// wasm32-unknown-unknown, so `time.monotonic` and friends are rebuilt on this.
    #[pyfunction]
    fn perf_now() -> f64 {
        js_imports::perf_now()
    }

    /// Runs a Python callable after `delay_ms` (the asyncio loop's timers, see `_pyffi_loop`).
    #[pyfunction]
    fn schedule(callback: PyObjectRef, delay_ms: f64, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        let proxy = new_pyproxy(&rt, callback, &mut Lifetime::Owned, vm);
        rt.hooks.schedule(&proxy, delay_ms);
        Ok(())
    }

    /// Asks the host for a turn of the asyncio loop (`WebLoop._host_turn`) on its event loop.
    #[pyfunction]
    fn request_turn(vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        crate::crossing::promises::request_turn(&rt);
        Ok(())
    }

    /// Makes `loop` the one the host drives and whose futures `await_promise` returns
    /// (`_pyffi_loop` calls it once, at import).
    #[pyfunction]
    fn set_loop(new_future: PyObjectRef, host_turn: PyObjectRef, run_ready: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let rt = runtime(vm)?;
        crate::crossing::promises::set_loop(&rt, new_future, host_turn, run_ready);
        Ok(())
    }

    /// An asyncio future settled with the outcome of the JS promise (`JsPromise.__await__`).
    #[pyfunction]
    fn await_promise(promise: PyRef<JsProxy>, vm: &VirtualMachine) -> PyResult {
        let rt = runtime(vm)?;
        crate::crossing::promises::await_promise(&rt, &promise, vm)
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
}
