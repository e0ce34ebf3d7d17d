//! The operations behind a JS PyProxy. `id` is the registry id the proxy holds; each method
//! is one entry from JS (see `Core::entry`), so a Python exception arrives in JS as `PythonError`.

use crate::crossing::js2py::js_to_py;
use crate::crossing::jsproxy_object::js_value_of;
use crate::crossing::py2js::{Immutable, Lifetime, immutable, immutable_to_js, mutable_to_js, new_pyproxy, py_to_js};
use crate::state::Core;
use crate::state::{self, RuntimeState};
use crate::host::strings;
use crate::convert::options;
use crate::convert::to_js::{self, ToJsSettings};
use crate::convert::to_py::{self, PyDefaultConverter};
use js_sys::{Array, Object, Reflect};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyBaseExceptionRef, PyStrInterned, PyTuple},
    function::{FuncArgs, KwArgs},
    protocol::{PyIter, PyIterReturn},
};
use rustpython_common::wtf8::Wtf8Buf;
use wasm_bindgen::prelude::*;

fn missing_key(exc: &PyBaseExceptionRef, vm: &VirtualMachine) -> bool {
    exc.fast_isinstance(vm.ctx.exceptions.key_error) || exc.fast_isinstance(vm.ctx.exceptions.index_error)
}

/// Positional arguments from `args`, keyword arguments from the own keys of `kwargs` (if an object).
fn call_args(rt: &RuntimeState, args: &Array, kwargs: &JsValue, vm: &VirtualMachine) -> PyResult<FuncArgs> {
    let positional: Vec<PyObjectRef> = args.iter().map(|a| js_to_py(rt, a, vm)).collect::<PyResult<_>>()?;
    let mut named = Vec::new();
    if kwargs.is_object() {
        for key in Object::keys(&Object::from(kwargs.clone())).iter() {
            let value = Reflect::get(kwargs, &key).unwrap_or(JsValue::UNDEFINED);
            named.push((Wtf8Buf::from(key.as_string().unwrap_or_default()), js_to_py(rt, value, vm)?));
        }
    }
    Ok(FuncArgs::new(positional, KwArgs::new(named.into_iter().collect())))
}

/// An attribute name from JS, interned: names are few and reused, and an interned key is neither
/// allocated nor rehashed on each access.
fn attr_name(name: &str, vm: &VirtualMachine) -> &'static PyStrInterned {
    vm.ctx.intern_str(name)
}

/// What an attribute's proxy is cached under (Pyodide keys by `_PyObject_GetMethod`'s result):
/// a method bound to `obj` by the function it binds, which the class holds (each read makes a
/// new bound method), anything else by the object itself. The cached proxy keeps the key object
/// alive, so its address cannot be reused while the entry can hit.
fn attr_cache_key(obj: &PyObject, name: &'static PyStrInterned, value: &PyObject, vm: &VirtualMachine) -> f64 {
    let types = &vm.ctx.types;
    let cls = value.class();
    if cls.is(types.bound_method_type) || cls.is(types.builtin_function_or_method_type) {
        let bound_to_obj = value.get_attr(attr_name("__self__", vm), vm).is_ok_and(|s| s.is(obj));
        if bound_to_obj && let Some(function) = obj.class().get_attr(name) {
            return address(&function);
        }
    }
    address(value)
}

fn address(obj: &PyObject) -> f64 {
    obj as *const PyObject as usize as f64
}

/// `value` for JS; a PyProxy it needs is the one cached under `key` (made and cached if none).
/// The cache is the one of the proxy whose read is under way, which the JS get trap names before
/// it calls `proxy_getattr`: only a read that makes a PyProxy touches it, so the common read of a
/// number or string pays nothing for it.
fn cached_proxy(rt: &RuntimeState, key: f64, value: PyObjectRef, vm: &VirtualMachine) -> JsValue {
    let hit = rt.hooks.attr_cache_get(key);
    if !hit.is_undefined() {
        return hit;
    }
    let proxy = new_pyproxy(rt, value, &mut Lifetime::Owned, vm);
    rt.hooks.attr_cache_set(key, &proxy)
}

/// `py_to_js`, or with `cached` its variant through the named cache (by the object's address).
fn to_js_maybe_cached(rt: &RuntimeState, value: PyObjectRef, cached: bool, vm: &VirtualMachine) -> JsValue {
    if !cached {
        return py_to_js(rt, &value, &mut Lifetime::Owned, vm);
    }
    if let Some(v) = immutable(&value, vm) {
        return v.into_js();
    }
    if let Some(v) = js_value_of(rt, &value, vm) {
        return v;
    }
    cached_proxy(rt, address(&value), value, vm)
}

wire::named_enum! {
/// The frozen module of Python-side helpers for the protocols that are simplest in Python.
/// The functions of `_pyffi_proxy` that PyProxy methods run: each PyProxy method that needs
/// Python names its entry here, rather than spelling a Python name in TS.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum ProxyHelper {
    GenThrow = 0 => "gen_throw",
    GenReturn = 1 => "gen_return",
    SeqSort = 2 => "seq_sort",
    SeqSplice = 3 => "seq_splice",
    SeqPush = 4 => "seq_push",
    SeqUnshift = 5 => "seq_unshift",
    SeqPop = 6 => "seq_pop",
    SeqReverse = 7 => "seq_reverse",
    AnextStep = 8 => "anext_step",
    AgenThrow = 9 => "agen_throw",
    AgenReturn = 10 => "agen_return",
    AiterOf = 11 => "aiter_of",
    IsCoroutineFunction = 12 => "is_coroutine_function",
    DictPropKeys = 13 => "dict_prop_keys",
    RelaxedCall = 14 => "relaxed_call",
}
}

fn helper(which: ProxyHelper, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    vm.import("_pyffi_proxy", 0)?.get_attr(attr_name(which.name(), vm), vm)
}

/// What a JS -> Python call hands back: a number as itself, anything else through the hooks'
/// result slot (see `deliver`).
enum CallResult {
    Number(f64),
    /// `None`, the result of most calls made for their effect: an empty slot reads as `undefined`.
    Undefined,
    Value(JsValue),
}

impl Core {
    /// Calls the object with the arguments `args` makes and `deliver`s the result (a number, or
    /// a new owned PyProxy or the JS value of an immutable).
    fn call_with(&self, id: f64, args: impl FnOnce(&RuntimeState, &VirtualMachine) -> PyResult<FuncArgs>) -> f64 {
        let result = self.entry(|rt, vm| {
            let callee = self.object(id, vm)?;
            let result = callee.call_with_args(args(rt, vm)?, vm)?;
            Ok(match immutable(&result, vm) {
                Some(Immutable::Number(n)) if !n.is_nan() => CallResult::Number(n),
                Some(Immutable::Undefined) => CallResult::Undefined,
                Some(v) => CallResult::Value(v.into_js()),
                None => CallResult::Value(mutable_to_js(rt, &result, &mut Lifetime::Owned, vm)),
            })
        });
        self.deliver(result)
    }

    /// A call's result as an f64: the number itself, or NaN with the value (or the error to throw)
    /// left in the hooks' result slot, which the caller empties at once. The slot is empty
    /// between calls, so `undefined` needs no stash at all. Returning a JsValue would cost a
    /// `WebAssembly.Table.get` from JS on every call; passing one to an import reads the table
    /// inside wasm. Runs after the interpreter is left, so no Python code (a `__del__`) can run
    /// between filling the slot and emptying it.
    fn deliver(&self, result: Result<CallResult, JsValue>) -> f64 {
        match result {
            Ok(CallResult::Number(n)) => return n,
            Ok(CallResult::Undefined) => {}
            Ok(CallResult::Value(v)) => self.rt.hooks.stash_result(&v, false),
            Err(e) => self.rt.hooks.stash_result(&e, true),
        }
        f64::NAN
    }
}

#[wasm_bindgen]
impl Core {
    pub fn proxy_release(&self, id: f64) -> bool {
        let object = self.rt.registry.borrow_mut().remove(id);
        let existed = object.is_some();
        if let Some(object) = object {
            // Dropping may run __del__: do it with the interpreter held.
            state::enter(&self.rt, |_vm| drop(object));
        }
        existed
    }

    pub fn proxy_is_alive(&self, id: f64) -> bool {
        self.rt.registry.borrow().get(id).is_some()
    }

    pub fn proxy_copy(&self, id: f64) -> Result<f64, JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            Ok(rt.registry.borrow_mut().insert(obj))
        })
    }

    pub fn proxy_type(&self, id: f64) -> Result<String, JsValue> {
        // CPython's tp_name, as Pyodide gives it: `collections.deque` for a type defined in an
        // extension module, the bare name for builtins and for classes defined in Python.
        self.entry(|_rt, vm| Ok(self.object(id, vm)?.class().slot_name().to_string()))
    }

    pub fn proxy_str(&self, id: f64) -> Result<JsValue, JsValue> {
        self.entry(|_rt, vm| Ok(strings::wtf8_to_js(self.object(id, vm)?.str(vm)?.as_wtf8())))
    }

    pub fn proxy_repr(&self, id: f64) -> Result<JsValue, JsValue> {
        self.entry(|_rt, vm| Ok(strings::wtf8_to_js(self.object(id, vm)?.repr(vm)?.as_wtf8())))
    }

    /// `getattr`; a missing attribute is `undefined`, as for any JS property. A PyProxy result
    /// is borrowed from the parent as in Pyodide: kept in the parent's attribute cache (which
    /// the JS side owns and destroys with the parent), so reading it again gives the same proxy.
    pub fn proxy_getattr(&self, id: f64, name: &str) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            let name = attr_name(name, vm);
            let value = match obj.get_attr(name, vm) {
                Ok(v) => v,
                Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => return Ok(JsValue::UNDEFINED),
                Err(e) => return Err(e),
            };
            if let Some(v) = immutable(&value, vm) {
                return Ok(v.into_js());
            }
            if let Some(v) = js_value_of(rt, &value, vm) {
                return Ok(v);
            }
            let key = attr_cache_key(&obj, name, &value, vm);
            Ok(cached_proxy(rt, key, value, vm))
        })
    }

    pub fn proxy_setattr(&self, id: f64, name: &str, value: JsValue) -> Result<(), JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            obj.set_attr(attr_name(name, vm), js_to_py(rt, value, vm)?, vm)
        })
    }

    pub fn proxy_delattr(&self, id: f64, name: &str) -> Result<(), JsValue> {
        self.entry(|_rt, vm| self.object(id, vm)?.del_attr(attr_name(name, vm), vm))
    }

    /// `hasattr`, except that any exception counts as "no" (CPython's `PyObject_HasAttr`,
    /// which Pyodide's `in` uses).
    pub fn proxy_hasattr(&self, id: f64, name: &str) -> Result<bool, JsValue> {
        self.entry(|_rt, vm| Ok(self.object(id, vm)?.has_attr(attr_name(name, vm), vm).unwrap_or(false)))
    }

    pub fn proxy_dir(&self, id: f64) -> Result<Array, JsValue> {
        self.entry(|_rt, vm| {
            let names = vm.dir(Some(self.object(id, vm)?))?;
            Ok(names.borrow_vec().iter().filter_map(|n| immutable_to_js(n, vm)).collect())
        })
    }

    /// Calls the object with JS arguments (and keyword arguments from `kwargs` if it is an object):
    /// the result as `deliver` gives it.
    pub fn proxy_call(&self, id: f64, args: Array, kwargs: JsValue) -> f64 {
        self.call_with(id, |rt, vm| call_args(rt, &args, &kwargs, vm))
    }

    /// `proxy_call` with no arguments: no argument array to walk, the most common JS call.
    pub fn proxy_call0(&self, id: f64) -> f64 {
        self.call_with(id, |_, _| Ok(FuncArgs::default()))
    }

    /// `obj[key]`; KeyError and IndexError give `undefined` (Pyodide's `get`). `cached` (a JSON
    /// adaptor's read): a PyProxy result comes from the cache the JS side names.
    pub fn proxy_getitem(&self, id: f64, key: JsValue, cached: bool) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            let key = js_to_py(rt, key, vm)?;
            match obj.get_item(&*key, vm) {
                Ok(v) => Ok(to_js_maybe_cached(rt, v, cached, vm)),
                Err(e) if missing_key(&e, vm) => Ok(JsValue::UNDEFINED),
                Err(e) => Err(e),
            }
        })
    }

    pub fn proxy_setitem(&self, id: f64, key: JsValue, value: JsValue) -> Result<(), JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            obj.set_item(&*js_to_py(rt, key, vm)?, js_to_py(rt, value, vm)?, vm)
        })
    }

    pub fn proxy_delitem(&self, id: f64, key: JsValue) -> Result<(), JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            obj.del_item(&*js_to_py(rt, key, vm)?, vm)
        })
    }

    pub fn proxy_contains(&self, id: f64, key: JsValue) -> Result<bool, JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            let key = js_to_py(rt, key, vm)?;
            vm._contains(&obj, &key)
        })
    }

    pub fn proxy_len(&self, id: f64) -> Result<usize, JsValue> {
        self.entry(|_rt, vm| self.object(id, vm)?.length(vm))
    }

    /// `iter(obj)` as a new owned PyProxy.
    pub fn proxy_iter(&self, id: f64) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let iter = self.object(id, vm)?.get_iter(vm)?;
            Ok(py_to_js(rt, &iter.into(), &mut Lifetime::Owned, vm))
        })
    }

    /// One step of an iterator: `next(it)` when `arg` is undefined, else `it.send(arg)`.
    /// Returns the value (or the StopIteration value) and sets `last_done`. `cached`: as for
    /// `proxy_getitem` (iterating a JSON adaptor).
    pub fn proxy_next(&self, id: f64, arg: JsValue, cached: bool) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            let step = if arg.is_undefined() {
                PyIter::new(obj.clone()).next(vm)?
            } else {
                let arg = js_to_py(rt, arg, vm)?;
                PyIterReturn::from_pyresult(vm.call_method(&obj, "send", (arg,)), vm)?
            };
            let (done, value) = match step {
                PyIterReturn::Return(v) => (false, v),
                PyIterReturn::StopIteration(v) => (true, v.unwrap_or_else(|| vm.ctx.none())),
            };
            self.last_done.set(done);
            Ok(to_js_maybe_cached(rt, value, cached, vm))
        })
    }

    /// Whether the last `proxy_next` or `proxy_step` finished.
    pub fn last_done(&self) -> bool {
        self.last_done.get()
    }

    /// Runs helper `name(obj, *args)` from `_pyffi_proxy`, which returns `(done, value)`;
    /// returns the value and sets `last_done` (generator `throw`/`return`).
    pub fn proxy_step(&self, which: ProxyHelper, id: f64, args: Array) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let result = self.run_helper(rt, which, id, &args, vm)?;
            let pair = result.downcast_ref::<PyTuple>().map(|t| t.as_slice().to_vec()).unwrap_or_default();
            let [done, value] = <[PyObjectRef; 2]>::try_from(pair)
                .map_err(|_| vm.new_type_error(format!("_pyffi_proxy.{} must return (done, value)", which.name())))?;
            self.last_done.set(done.try_to_bool(vm)?);
            Ok(py_to_js(rt, &value, &mut Lifetime::Owned, vm))
        })
    }

    /// Runs helper `name(obj, *args)` from `_pyffi_proxy`; the result converts as `toJs` with
    /// `depth` (0: the implicit rules; 1: a returned list becomes an Array of its items).
    pub fn proxy_helper(&self, which: ProxyHelper, id: f64, args: Array, depth: i32) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| {
            let result = self.run_helper(rt, which, id, &args, vm)?;
            to_js::convert(rt, &result, ToJsSettings::with_depth(depth), vm)
        })
    }

    /// `toJs(options)`: list/tuple -> Array, dict -> Map (or `dict_converter(entries)`), set -> Set,
    /// buffers -> typed array copies, `depth` levels (-1: all); the rest per the other options
    /// (`options::ToJsOptions`, read and checked here; `undefined` for the defaults).
    pub fn proxy_to_js(&self, id: f64, #[wasm_bindgen(unchecked_param_type = "ToJsOptions | undefined")] options: JsValue) -> Result<JsValue, JsValue> {
        let settings = ToJsSettings::from(options::read::<options::ToJsOptions>("toJs", options)?);
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            to_js::convert(rt, &obj, settings, vm)
        })
    }

    /// A new PyProxy of helper `which` itself, for a PyProxy method that calls it with keyword
    /// arguments (`callWithOptions({ relaxed: true })` goes through `relaxed_call`).
    pub fn proxy_helper_function(&self, which: ProxyHelper) -> Result<JsValue, JsValue> {
        self.entry(|rt, vm| Ok(py_to_js(rt, &helper(which, vm)?, &mut Lifetime::Owned, vm)))
    }

    /// Checks `toPy`'s options (`options::ToPyOptions`) before the TS layer encodes the value;
    /// returns the depth to encode with (-1: all).
    pub fn to_py_depth(&self, #[wasm_bindgen(unchecked_param_type = "ToPyOptions")] options: JsValue) -> Result<i32, JsValue> {
        options::read::<options::ToPyOptions>("toPy", options).map(|o| o.depth.unwrap_or(-1))
    }
}

#[wasm_bindgen]
impl Core {
    /// `py.toPy(value, { depth, defaultConverter })`, whose walk ran in JS (to-py-encode.ts):
    /// `encoding` is what it made, or with `failed` what it threw; `session` its EncodeSession.
    /// Returns a PyProxy of the converted object, or the value itself when it would only be
    /// wrapped (a class instance, say).
    pub fn to_py_encoded(&self, session: JsValue, encoding: JsValue, failed: bool, default_converter: JsValue) -> Result<JsValue, JsValue> {
        let converter = if default_converter.is_function() { Some(PyDefaultConverter::Js(default_converter)) } else { None };
        self.entry_from_js(|rt, vm| {
            let obj = to_py::build_encoded(rt, session.clone(), encoding.clone(), failed, converter, vm)?;
            // A class instance comes back as the very value it was (its JsProxy unwraps).
            Ok(py_to_js(rt, &obj, &mut Lifetime::Owned, vm))
        })
    }
}

impl Core {
    fn run_helper(&self, rt: &RuntimeState, which: ProxyHelper, id: f64, args: &Array, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        let obj = self.object(id, vm)?;
        let f = helper(which, vm)?;
        let mut all = vec![obj];
        for a in args.iter() {
            all.push(js_to_py(rt, a, vm)?);
        }
        f.call(all, vm)
    }
}
