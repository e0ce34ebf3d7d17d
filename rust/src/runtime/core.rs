//! `Core`: one Python runtime as the TypeScript layer sees it. Every method is an entry from JS:
//! it goes through `entry`, which marks the runtime current, holds the interpreter, and turns a
//! Python exception into a thrown `PythonError`. Nothing here may panic: a trap kills the runtime.

use crate::crossing::js2py::js_to_py;
use crate::host::js_imports::{self, Hooks};
use crate::crossing::py2js::{Lifetime, py_to_js};
use crate::state::registry::Registry;
use crate::state::{Boot, Core, RuntimeState};
use crate::runtime::options::{CoreOptions, CreateProxy};
use crate::runtime::{native_module, vfs_module};
use js_sys::{Array, Object, Reflect};
use rustpython_vm::{
    Interpreter, PyObjectRef, PyResult, Settings, VirtualMachine,
    builtins::PyDictRef,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Each runtime's proxy ids carry its own tag (see rust/src/state/registry.rs).
static NEXT_TAG: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);


fn build_interpreter() -> Interpreter {
    let mut settings = Settings::default();
    settings.import_site = false;
    settings.argv = vec![String::new()];
    let builder = Interpreter::builder(settings);
    let stdlib = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    let own = [native_module::module_def(&builder.ctx), vfs_module::module_def(&builder.ctx)];
    builder
        .add_native_modules(&stdlib)
        .add_native_modules(&own)
        .add_frozen_modules(rustpython_vm::py_freeze!(dir = "../../python"))
        .build()
}

/// `f(*args)` with the arguments converted from JS by the implicit rules; the result as an owned value.
fn call_with_js_args(rt: &RuntimeState, f: &PyObjectRef, args: &Array, vm: &VirtualMachine) -> PyResult<JsValue> {
    let args: Vec<PyObjectRef> = args.iter().map(|a| js_to_py(rt, a, vm)).collect::<PyResult<_>>()?;
    let result = f.call(args, vm)?;
    Ok(py_to_js(rt, &result, &mut Lifetime::Owned, vm))
}

fn clock() -> f64 {
    js_imports::now_seconds()
}

wire::named_enum! {
/// The functions of `_pyffi_boot` the TS layer calls (`Core.call_boot`), by name.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum BootEntry {
    RunCode = 0 => "run_code",
    Settle = 1 => "settle",
    RegisterJsModule = 2 => "register_js_module",
    UnregisterJsModule = 3 => "unregister_js_module",
}
}

wire::named_enum! {
/// The functions of the package's other Python modules the TS layer calls (`Core.call_module`),
/// each named `module.function`.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum ModuleEntry {
    UnpackArchive = 0 => "_pyffi_archive.unpack",
    InstallPyScript = 1 => "pyscript._host.install",
    PlaceFile = 2 => "pyscript._host.place_file",
}
}

#[wasm_bindgen]
impl Core {
    /// Builds the interpreter, writes `options.files`, and runs the boot module with
    /// `options.env`. With `createProxy: "auto"`, PyProxies made for JS call arguments are left
    /// to the FinalizationRegistry.
    #[wasm_bindgen(constructor)]
    pub fn new(hooks: Hooks, #[wasm_bindgen(unchecked_param_type = "CoreOptions")] options: JsValue) -> Result<Core, JsValue> {
        let CoreOptions { env, files, create_proxy } = serde_wasm_bindgen::from_value(options)?;
        let rt = Rc::new(RuntimeState {
            interp: build_interpreter(),
            hooks,
            vfs: RefCell::new(vfs::Vfs::with_standard_layout(clock)),
            registry: RefCell::new(Registry::with_tag(NEXT_TAG.fetch_add(1, std::sync::atomic::Ordering::Relaxed))),
            type_flags: RefCell::new(HashMap::new()),
            js_refs: Rc::new(Cell::new(0)),
            jsproxy_classes: RefCell::new(HashMap::new()),
            auto_proxy: create_proxy == CreateProxy::Auto,
            property_keys: RefCell::new(HashMap::new()),
            jsnull: RefCell::new(None),
            last_error: RefCell::new(None),
            boot: RefCell::new(None),
            host_loop: Default::default(),
        });
        let core = Core { rt, last_done: Cell::new(false) };
        let mounted = crate::runtime::stdlib::mount(&mut core.rt.vfs.borrow_mut());
        match mounted {
            Ok(true) => {}
            Ok(false) => return Err(js_sys::Error::new("the Python standard library is not installed: load the package with loadPython()").into()),
            Err(e) => return Err(js_sys::Error::new(&format!("mounting the Python standard library failed: {}", e.message())).into()),
        }
        for file in files {
            core.fs_write_file(&file.path, &file.data.to_vec(), true)?;
        }
        core.entry(|rt, vm| {
            let env_dict = vm.ctx.new_dict();
            for key in Object::keys(&env).iter() {
                let value = Reflect::get(&env, &key).unwrap_or(JsValue::UNDEFINED);
                env_dict.set_item(&*js_to_py(rt, key, vm)?, js_to_py(rt, value, vm)?, vm)?;
            }
            let boot_mod = vm.import("_pyffi_boot", 0)?;
            let boot = boot_mod.get_attr("boot", vm)?.call((env_dict,), vm)?;
            let get = |name: &'static str| boot.get_attr(name, vm);
            let globals: PyDictRef = get("main_globals")?.downcast().map_err(|_| vm.new_type_error("boot: globals must be a dict"))?;
            *rt.boot.borrow_mut() = Some(Boot { globals, run_code: get("run_code")?, js_exception: get("JsException")?, wrap_js_error: get("_wrap_js_error")?, js_bigint: get("JsBigInt")?, conversion_error: get("ConversionError")?, format_exception: get("format_exception")? });
            Ok(())
        })?;
        Ok(core)
    }

    /// Sizes the recursion limit and the Python -> JS nesting budget from the stack JS measured:
    /// `js_frames` plain JS frames fit on it (see rust/src/host/stack_budget.rs).
    pub fn set_stack_budget(&self, js_frames: u32) {
        crate::host::stack_budget::set_crossing_budget(js_frames);
        let limit = crate::host::stack_budget::recursion_limit_for(js_frames);
        self.rt.interp.enter(|vm| vm.recursion_limit.set(limit));
    }

    fn boot_part<T>(&self, vm: &VirtualMachine, f: impl FnOnce(&Boot) -> T) -> PyResult<T> {
        self.rt.boot.borrow().as_ref().map(f).ok_or_else(|| vm.new_runtime_error("the runtime did not finish starting"))
    }

    /// Runs `code`; returns the last expression's value (a new owned PyProxy if it has no JS form).
    /// With `allow_await`, top-level `await` is allowed and the result may be an awaitable.
    pub fn run(&self, code: &str, globals_id: Option<f64>, filename: &str, allow_await: bool) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let globals: PyObjectRef = match globals_id {
                Some(id) => self.object(id, vm)?,
                None => self.boot_part(vm, |b| b.globals.clone().into())?,
            };
            let run_code = self.boot_part(vm, |b| b.run_code.clone())?;
            let result = run_code.call((code, globals, filename, allow_await), vm)?;
            Ok(py_to_js(rt, &result, &mut Lifetime::Owned, vm))
        })
    }

    /// `__main__`'s dict as a new owned PyProxy.
    pub fn globals(&self) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let globals = self.boot_part(vm, |b| b.globals.clone())?;
            Ok(py_to_js(rt, &globals.into(), &mut Lifetime::Owned, vm))
        })
    }

    pub fn pyimport(&self, name: &str) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let module = vm.import(&vm.ctx.new_str(name), 0)?;
            // `import a.b` binds `a`; pyimport("a.b") means the submodule itself.
            let module = match name.split_once('.') {
                Some(_) => vm.sys_module.get_attr("modules", vm)?.get_item(&*vm.ctx.new_str(name), vm)?,
                None => module,
            };
            Ok(py_to_js(rt, &module, &mut Lifetime::Owned, vm))
        })
    }

    /// Calls a function of the boot module with converted arguments (running code with separate
    /// locals, settling awaitables, the module registry): the Python side owns the logic, this is
    /// only the crossing.
    pub fn call_boot(&self, which: BootEntry, args: Array) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let f = vm.import("_pyffi_boot", 0)?.get_attr(&vm.ctx.new_str(which.name()), vm)?;
            call_with_js_args(rt, &f, &args, vm)
        })
    }

    /// Calls `which` (a function of one of the package's modules) with `args`, as `call_boot`.
    pub fn call_module(&self, which: ModuleEntry, args: Array) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let (module, function) = which.name().rsplit_once('.').ok_or_else(|| vm.new_runtime_error("a module entry is named module.function"))?;
            // Importing `a.b` gives `a`: the submodule is an attribute of it once imported.
            let mut object = vm.import(module, 0)?;
            for part in module.split('.').skip(1) {
                object = object.get_attr(&vm.ctx.new_str(part), vm)?;
            }
            let f = object.get_attr(&vm.ctx.new_str(function), vm)?;
            call_with_js_args(rt, &f, &args, vm)
        })
    }

    /// Live entries of both tables: Python objects JS holds, JS objects Python holds.
    pub fn stats(&self) -> Object {
        let out = Object::new();
        let _ = Reflect::set(&out, &"pyproxies".into(), &(self.rt.registry.borrow().live() as f64).into());
        let _ = Reflect::set(&out, &"jsproxies".into(), &(self.rt.js_refs.get() as f64).into());
        let _ = Reflect::set(&out, &"openFiles".into(), &(self.rt.vfs.borrow().open_count() as f64).into());
        out
    }

    // ---- The file system, as JS sees it (`py.FS`) ----

    fn fs_call<T>(&self, op: &str, path: &str, f: impl FnOnce(&mut vfs::Vfs) -> vfs::FsResult<T>) -> Result<T, JsValue> {
        let result = f(&mut self.rt.vfs.borrow_mut());
        result.map_err(|e| {
            let text = format!("{}: {}, {} '{}'", e.name(), e.message().to_lowercase(), op, path);
            self.rt.hooks.fs_error(e.0, e.name(), &text, op, path)
        })
    }

    pub fn fs_write_file(&self, path: &str, data: &[u8], make_parents: bool) -> Result<(), JsValue> {
        self.fs_call("open", path, |fs| {
            if make_parents {
                let abs = fs.absolute(path)?;
                if let Some((dir, _)) = abs.rsplit_once('/') {
                    if !dir.is_empty() {
                        fs.mkdir_all(dir, 0o777)?;
                    }
                }
            }
            fs.write_file(path, data)
        })
    }

    pub fn fs_read_file(&self, path: &str) -> Result<Vec<u8>, JsValue> {
        self.fs_call("open", path, |fs| fs.read_file(path))
    }

    pub fn fs_mkdir(&self, path: &str, recursive: bool) -> Result<(), JsValue> {
        self.fs_call("mkdir", path, |fs| if recursive { fs.mkdir_all(path, 0o777) } else { fs.mkdir(path, 0o777) })
    }

    pub fn fs_readdir(&self, path: &str) -> Result<Vec<String>, JsValue> {
        self.fs_call("scandir", path, |fs| fs.readdir(path))
    }

    pub fn fs_unlink(&self, path: &str) -> Result<(), JsValue> {
        self.fs_call("unlink", path, |fs| fs.unlink(path))
    }

    pub fn fs_rmdir(&self, path: &str) -> Result<(), JsValue> {
        self.fs_call("rmdir", path, |fs| fs.rmdir(path))
    }

    pub fn fs_rename(&self, from: &str, to: &str) -> Result<(), JsValue> {
        self.fs_call("rename", from, |fs| fs.rename(from, to))
    }

    /// `[mode, size, atime, mtime, ctime, ino, nlink]` (the TS layer names them).
    pub fn fs_stat(&self, path: &str) -> Result<Vec<f64>, JsValue> {
        self.fs_call("stat", path, |fs| fs.stat(path))
            .map(|s| vec![s.mode as f64, s.size as f64, s.atime, s.mtime, s.ctime, s.ino as f64, s.nlink as f64])
    }

    pub fn fs_exists(&self, path: &str) -> bool {
        self.rt.vfs.borrow().exists(path)
    }

    pub fn fs_cwd(&self) -> String {
        self.rt.vfs.borrow().getcwd().to_owned()
    }
}
