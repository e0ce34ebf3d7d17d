//! Explicit deep JS -> Python conversion (`toPy`, `JsProxy.to_py()`), batched: one JS walk
//! (`encodePy` in js/convert/to-py-encode.ts) encodes the value as op words, numbers and one text blob;
//! this module builds the Python objects from it in one pass. Array -> list, Map and plain
//! objects -> dict, Set -> set, typed arrays and ArrayBuffers -> memoryview copies; the rest
//! stays a JsProxy, or goes through the default converter.

use crate::crossing::errors::{conversion_error, js_error_to_py, py_exc_to_js};
use crate::crossing::js2py::{PYPROXY, js_to_py, number_to_py};
use crate::crossing::py2js::{Lifetime, py_to_js};
use crate::state::{self, RuntimeState};
use crate::host::js_imports;
use js_sys::{Array, Float64Array, Uint32Array};
use rustpython_vm::{
    AsObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
    builtins::{PyDictRef, PyList, PyListRef, PySet},
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The op codes of the encoding, as rust/wire declares them for both halves (the encoder is
/// js/convert/to-py-encode.ts): a word is the op in its low bits and an argument in the rest.
mod op {
    use wire::{WireLimit, WireOp};
    /// JS `undefined` or `null`: `None`.
    pub const NONE: u32 = WireOp::Undefined as u32;
    pub const FALSE: u32 = WireOp::False as u32;
    pub const TRUE: u32 = WireOp::True as u32;
    /// `arg` numbers from the number stream (more than one only as list items).
    pub const NUMBERS: u32 = WireOp::Number as u32;
    /// `arg` UTF-16 code units from the text blob; with `KEY_NEW` also the next entry of the key
    /// table, with `KEY_REF` (and no text) the key-table entry the rest of `arg` names.
    pub const STRING: u32 = WireOp::String as u32;
    pub const KEY_NEW: u32 = WireLimit::KeyNew as u32;
    pub const KEY_REF: u32 = WireLimit::KeyRef as u32;
    /// `arg` decimal digits from the text blob.
    pub const BIGINT: u32 = WireOp::BigInt as u32;
    /// Side-table value `arg`, by the implicit rules (a JsProxy, or a PyProxy's object).
    pub const SIDE: u32 = WireOp::Side as u32;
    pub const REF: u32 = WireOp::Ref as u32;
    /// Containers: reference `arg`, length in the next word, then the items (key, value for DICT).
    pub const LIST: u32 = WireOp::Array as u32;
    pub const DICT: u32 = WireOp::Map as u32;
    pub const SET: u32 = WireOp::Set as u32;
    /// A typed array or ArrayBuffer: reference `arg`, side index and format character next.
    pub const BUFFER: u32 = WireOp::Buffer as u32;
    /// For the default converter: reference `arg`, then side index, depth and nesting level.
    pub const CONVERT: u32 = WireOp::Convert as u32;
    pub const BITS: u32 = WireLimit::OpBits as u32;
    pub const MASK: u32 = (1 << BITS) - 1;
}

/// `default_converter(value, convert, cache)`: a JS function (called with the JS value) or a
/// Python callable (called with a JsProxy).
#[derive(Clone)]
pub enum PyDefaultConverter {
    Js(JsValue),
    Py(PyObjectRef),
}

/// Where a reference used before it was built must be written.
enum Slot {
    Index(PyListRef, usize),
    Value(PyDictRef, PyObjectRef),
}

/// One conversion and the nested ones its default converter starts.
struct Session {
    /// The JS side's memo (an `EncodeSession`).
    js: JsValue,
    refs: HashMap<u32, PyObjectRef>,
    patches: Vec<(Slot, u32)>,
    converter: Option<PyDefaultConverter>,
}

type SharedSession = Rc<RefCell<Session>>;

/// Converts `value` (`depth` levels; negative: all).
pub fn convert(rt: &RuntimeState, value: JsValue, depth: i32, converter: Option<PyDefaultConverter>, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let js = rt.hooks.encode_session(converter.is_some());
    let session = Rc::new(RefCell::new(Session { js, refs: HashMap::new(), patches: Vec::new(), converter }));
    convert_in(rt, &session, value, depth, 0, vm)
}

/// Builds what JS encoded (`py.toPy`, which walks the value in to-py-encode.ts before it calls
/// the core): `encoding` is `[ops, nums, text, side]`, or with `failed` the walk's error.
/// `js_session` is the walk's `EncodeSession`, which nested conversions go on with.
pub fn build_encoded(
    rt: &RuntimeState,
    js_session: JsValue,
    encoding: JsValue,
    failed: bool,
    converter: Option<PyDefaultConverter>,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    if failed {
        return Err(encode_error(rt, encoding, vm));
    }
    let session = Rc::new(RefCell::new(Session { js: js_session, refs: HashMap::new(), patches: Vec::new(), converter }));
    build(rt, &session, &encoding.unchecked_into::<Array>(), vm)
}

/// `nesting`: how deep inside the outermost conversion this one starts.
fn convert_in(rt: &RuntimeState, session: &SharedSession, value: JsValue, depth: i32, nesting: u32, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let js = session.borrow().js.clone();
    let encoding = rt.hooks.encode_py(&js, &value, depth, nesting).map_err(|e| encode_error(rt, e, vm))?;
    build(rt, session, &encoding, vm)
}

/// The Python objects of one encoding (`[ops, nums, text, side]`).
fn build(rt: &RuntimeState, session: &SharedSession, encoding: &Array, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let part = |i: u32| encoding.get(i);
    let mut b = Builder {
        rt,
        vm,
        session,
        ops: part(0).unchecked_into::<Uint32Array>().to_vec(),
        nums: part(1).unchecked_into::<Float64Array>().to_vec(),
        text: part(2).as_string().unwrap_or_default(),
        side: part(3).unchecked_into::<Array>(),
        keys: Vec::new(),
        pc: 0,
        ni: 0,
        ti: 0,
    };
    let result = b.next()?;
    resolve_patches(&mut session.borrow_mut(), vm)?;
    Ok(match result {
        Item::Ready(obj) => obj,
        Item::Pending(_) => vm.ctx.none(),
    })
}

/// The walk's own errors (Pyodide's key texts) are ConversionErrors; a throwing getter's error
/// stays the JS error it is.
fn encode_error(rt: &RuntimeState, e: JsValue, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    if js_imports::error_name(&e) == "ConversionError" {
        return conversion_error(rt, &js_imports::error_message(&e), vm);
    }
    js_error_to_py(rt, e, vm)
}

fn resolve_patches(s: &mut Session, vm: &VirtualMachine) -> PyResult<()> {
    let patches = std::mem::take(&mut s.patches);
    for (slot, k) in patches {
        let Some(value) = s.refs.get(&k).cloned() else {
            s.patches.push((slot, k));
            continue;
        };
        match &slot {
            Slot::Index(list, i) => {
                if let Some(item) = list.borrow_vec_mut().get_mut(*i) {
                    *item = value;
                }
            }
            Slot::Value(dict, key) => dict.set_item(&**key, value, vm)?,
        }
    }
    Ok(())
}

/// A built value, or a reference to one not built yet (a cycle through the default converter).
enum Item {
    Ready(PyObjectRef),
    Pending(u32),
}

struct Builder<'a> {
    rt: &'a RuntimeState,
    vm: &'a VirtualMachine,
    session: &'a SharedSession,
    ops: Vec<u32>,
    nums: Vec<f64>,
    text: String,
    side: Array,
    /// Each distinct dict key string, built once (records repeat their keys).
    keys: Vec<PyObjectRef>,
    pc: usize,
    ni: usize,
    ti: usize,
}

impl Builder<'_> {
    fn word(&mut self) -> PyResult<u32> {
        let w = self.ops.get(self.pc).copied().ok_or_else(|| self.vm.new_system_error("to_py: truncated conversion stream"))?;
        self.pc += 1;
        Ok(w)
    }

    fn num(&mut self) -> f64 {
        let n = self.nums.get(self.ni).copied().unwrap_or(f64::NAN);
        self.ni += 1;
        n
    }

    /// The next `units` UTF-16 code units of the text blob.
    fn text(&mut self, units: usize) -> &str {
        let start = self.ti.min(self.text.len());
        let end = start + units;
        let bytes = self.text.as_bytes();
        if end <= bytes.len() && bytes[start..end].is_ascii() {
            self.ti = end;
            return &self.text[start..end];
        }
        let mut count = 0;
        let mut stop = start;
        for c in self.text[start..].chars() {
            if count >= units {
                break;
            }
            count += c.len_utf16();
            stop += c.len_utf8();
        }
        self.ti = stop;
        &self.text[start..stop]
    }

    fn remember(&self, k: u32, obj: &rustpython_vm::PyObject) {
        self.session.borrow_mut().refs.insert(k, obj.to_owned());
    }

    fn ready(&mut self) -> PyResult<PyObjectRef> {
        match self.next()? {
            Item::Ready(obj) => Ok(obj),
            Item::Pending(_) => Err(self.vm.new_type_error("to_py: a Map key or Set element refers to an object still being converted")),
        }
    }

    fn next(&mut self) -> PyResult<Item> {
        let vm = self.vm;
        let w = self.word()?;
        let arg = w >> op::BITS;
        let obj: PyObjectRef = match w & op::MASK {
            op::NONE => vm.ctx.none(),
            op::FALSE => vm.ctx.new_bool(false).into(),
            op::TRUE => vm.ctx.new_bool(true).into(),
            op::NUMBERS if arg == 1 => number_to_py(self.num(), vm),
            op::STRING if arg & op::KEY_REF != 0 => match self.keys.get((arg & (op::KEY_REF - 1)) as usize) {
                Some(key) => key.clone(),
                None => return Err(vm.new_value_error("to_py: a key refers past the key table")),
            },
            op::STRING => {
                let s: PyObjectRef = vm.ctx.new_str(self.text((arg & !op::KEY_NEW) as usize)).into();
                if arg & op::KEY_NEW != 0 {
                    self.keys.push(s.clone());
                }
                s
            }
            op::BIGINT => {
                let digits = self.text(arg as usize).to_owned();
                crate::crossing::js2py::bigint_to_py(self.rt, &digits, vm)?
            }
            op::SIDE => js_to_py(self.rt, self.side.get(arg), vm)?,
            op::REF => match self.session.borrow().refs.get(&arg) {
                Some(obj) => obj.clone(),
                None => return Ok(Item::Pending(arg)),
            },
            op::LIST => {
                let n = self.word()? as usize;
                let list = PyList::from(Vec::with_capacity(n)).into_ref(&vm.ctx);
                self.remember(arg, list.as_object());
                let mut i = 0;
                while i < n {
                    if let Some(&w) = self.ops.get(self.pc).filter(|w| *w & op::MASK == op::NUMBERS) {
                        self.pc += 1;
                        let count = (w >> op::BITS) as usize;
                        let mut items = list.borrow_vec_mut();
                        for _ in 0..count {
                            let x = self.num();
                            items.push(number_to_py(x, vm));
                        }
                        i += count;
                        continue;
                    }
                    i += 1;
                    let item = match self.next()? {
                        Item::Ready(obj) => obj,
                        Item::Pending(k) => {
                            self.session.borrow_mut().patches.push((Slot::Index(list.clone(), i - 1), k));
                            vm.ctx.none()
                        }
                    };
                    list.borrow_vec_mut().push(item);
                }
                list.into()
            }
            op::DICT => {
                let n = self.word()?;
                let dict = vm.ctx.new_dict();
                self.remember(arg, dict.as_object());
                for _ in 0..n {
                    let key = self.ready()?;
                    let value = match self.next()? {
                        Item::Ready(obj) => obj,
                        Item::Pending(k) => {
                            self.session.borrow_mut().patches.push((Slot::Value(dict.clone(), key.clone()), k));
                            vm.ctx.none()
                        }
                    };
                    dict.set_item(&*key, value, vm)?;
                }
                dict.into()
            }
            op::SET => {
                let n = self.word()?;
                let set = PySet::default().into_ref(&vm.ctx);
                self.remember(arg, set.as_object());
                for _ in 0..n {
                    let item = self.ready()?;
                    set.add(item, vm)?;
                }
                set.into()
            }
            op::BUFFER => {
                let i = self.word()?;
                let value = self.side.get(i);
                let format = char::from_u32(self.word()?).unwrap_or('B');
                let view = memoryview_copy(&value, format, vm)?;
                self.remember(arg, &view);
                view
            }
            op::CONVERT => {
                let i = self.word()?;
                let value = self.side.get(i);
                let depth = self.word()? as i32;
                let nesting = self.word()?;
                let result = run_default(self.rt, self.session, value, depth, nesting + 1, vm)?;
                self.remember(arg, &result);
                result
            }
            other => return Err(vm.new_system_error(format!("to_py: corrupt conversion stream (op {other})"))),
        };
        Ok(Item::Ready(obj))
    }
}

/// A memoryview over a copy of a typed array's (or ArrayBuffer's) bytes, in the matching format;
/// writable, as Pyodide's.
fn memoryview_copy(value: &JsValue, format: char, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let bytes = js_imports::buffer_bytes(value).to_vec();
    let data = vm.ctx.new_bytearray(bytes);
    let view = vm.ctx.types.memoryview_type.as_object().call((data,), vm)?;
    if format == 'B' {
        return Ok(view);
    }
    vm.call_method(&view, "cast", (format.to_string(),))
}

fn run_default(rt: &RuntimeState, session: &SharedSession, value: JsValue, depth: i32, nesting: u32, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let converter = session.borrow().converter.clone();
    let Some(converter) = converter else {
        return js_to_py(rt, value, vm);
    };
    // Children converted by `convert` go one level deeper than the value itself.
    let child_depth = if depth > 0 { depth - 1 } else { depth };
    match converter {
        PyDefaultConverter::Js(f) => {
            let convert = js_convert_fn(session, child_depth, nesting);
            let cache = js_cache_fn(session);
            let args = Array::of3(&value, convert.as_ref(), cache.as_ref());
            let result = js_imports::call_function(&f, &JsValue::UNDEFINED, &args).map_err(|e| js_error_to_py(rt, e, vm))?;
            js_to_py(rt, result, vm)
        }
        PyDefaultConverter::Py(f) => {
            let s1 = session.clone();
            let convert = vm.new_function("convert", move |x: PyObjectRef, vm: &VirtualMachine| -> PyResult {
                let rt = crate::crossing::jsproxy_object::runtime(vm)?;
                let js = py_to_js(&rt, &x, &mut Lifetime::Owned, vm);
                convert_in(&rt, &s1, js, child_depth, nesting, vm)
            });
            let s2 = session.clone();
            let cache = vm.new_function("cache", move |x: PyObjectRef, result: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
                let rt = crate::crossing::jsproxy_object::runtime(vm)?;
                let js = py_to_js(&rt, &x, &mut Lifetime::Owned, vm);
                cache_conversion(&rt, &s2, &js, result);
                Ok(())
            });
            let proxy = js_to_py(rt, value, vm)?;
            f.call((proxy, convert, cache), vm)
        }
    }
}

fn cache_conversion(rt: &RuntimeState, session: &SharedSession, input: &JsValue, result: PyObjectRef) {
    let js = session.borrow().js.clone();
    let k = rt.hooks.encode_remember(&js, input);
    session.borrow_mut().refs.insert(k, result);
}

/// `convert(value)` for a JS default converter: the value converted with the same session, as
/// a PyProxy (or a primitive).
fn js_convert_fn(session: &SharedSession, depth: i32, nesting: u32) -> Closure<dyn FnMut(JsValue) -> Result<JsValue, JsValue>> {
    let session = session.clone();
    Closure::new(move |value: JsValue| -> Result<JsValue, JsValue> {
        let rt = state::runtime_for_js()?;
        state::enter(&rt, |vm| {
            convert_in(&rt, &session, value, depth, nesting, vm)
                .map(|obj| py_to_js(&rt, &obj, &mut Lifetime::Owned, vm))
                .map_err(|e| py_exc_to_js(&rt, &e, vm))
        })
    })
}

/// `cacheConversion(input, output)`: later sightings of `input` become `output`'s Python object.
fn js_cache_fn(session: &SharedSession) -> Closure<dyn FnMut(JsValue, JsValue) -> Result<(), JsValue>> {
    let session = session.clone();
    Closure::new(move |input: JsValue, output: JsValue| -> Result<(), JsValue> {
        let rt = state::runtime_for_js()?;
        if js_imports::kind_of(&output) != PYPROXY {
            return Err(js_sys::Error::new("Second argument should be a PyProxy!").into());
        }
        let obj = rt.registry.borrow().get(js_imports::pyproxy_id(&output)).cloned();
        let Some(obj) = obj else { return Err(js_sys::Error::new(wire::DESTROYED_MESSAGE).into()) };
        cache_conversion(&rt, &session, &input, obj);
        Ok(())
    })
}
