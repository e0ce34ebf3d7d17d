//! Explicit deep Python -> JS conversion (`PyProxy.toJs()`, `to_js`), batched: the core walks the
//! Python object graph once and encodes it into a flat instruction stream in wasm memory (op
//! words, numbers, one text blob); one JS pass (`buildJs` in js/convert/to-js-build.ts) builds the result.
//! Only values that need a JS object of their own (a PyProxy, a buffer copy, an unwrapped JsProxy,
//! a string with lone surrogates) cross one at a time, through a side table.
//!
//! Shared references and cycles: every container, proxy and default-converter result gets a
//! reference index the first time its Python object is seen; later sightings encode a `REF`.

use crate::crossing::errors::{conversion_error, js_error_to_py};
use crate::crossing::jsproxy_object::js_value_of;
use crate::crossing::py2js::{Immutable, Lifetime, immutable, new_pyproxy, py_to_js, release_borrowed};
use crate::state::{self, RuntimeState};
use crate::host::js_imports;
use crate::crossing::js2py;
use js_sys::Array;
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::{PyBaseExceptionRef, PyDict, PyList, PySet, PyStr, PyTuple},
    convert::TryFromBorrowedObject,
    protocol::PyBuffer,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The op codes and limits of the encoding, as rust/wire declares them for both halves (the
/// builder is js/convert/to-js-build.ts).
mod op {
    use wire::{WireLimit, WireOp};
    pub const UNDEFINED: u32 = WireOp::Undefined as u32;
    pub const NULL: u32 = WireOp::Null as u32;
    pub const FALSE: u32 = WireOp::False as u32;
    pub const TRUE: u32 = WireOp::True as u32;
    pub const NUMBER: u32 = WireOp::Number as u32;
    pub const STRING: u32 = WireOp::String as u32;
    pub const KEY_NEW: usize = WireLimit::KeyNew as usize;
    pub const KEY_REF: usize = WireLimit::KeyRef as usize;
    pub const BIGINT: u32 = WireOp::BigInt as u32;
    pub const SIDE: u32 = WireOp::Side as u32;
    pub const PROXY: u32 = WireOp::Proxy as u32;
    pub const REF: u32 = WireOp::Ref as u32;
    pub const ARRAY: u32 = WireOp::Array as u32;
    pub const MAP: u32 = WireOp::Map as u32;
    pub const SET: u32 = WireOp::Set as u32;
    pub const ENTRIES: u32 = WireOp::Entries as u32;
    pub const CONVERT: u32 = WireOp::Convert as u32;
    pub const SHARED: u32 = WireOp::Buffer as u32;
}
const ARG_LIMIT: usize = wire::WireLimit::ArgLimit as usize;
/// Longer strings cross through the side table: the STRING argument's top bits are key flags.
const STRING_LIMIT: usize = op::KEY_REF;
/// Distinct dict keys an encoding builds once each; keys beyond these cross as plain strings,
/// so a dict of many distinct keys does not pay for a table that will not be hit.
const MAX_KEYS: usize = wire::WireLimit::MaxKeys as usize;
/// Containers nested deeper than this are refused: the walk and the build recurse, and running
/// out of wasm stack would kill the runtime.
pub const MAX_NESTING: u32 = wire::WireLimit::MaxNesting as u32;

/// `default_converter(value, convert, cache)`: a JS function (called with a temporary PyProxy)
/// or a Python callable (called with the object itself).
#[derive(Clone)]
pub enum DefaultConverter {
    Js(JsValue),
    Py(PyObjectRef),
}

#[derive(Clone)]
pub struct ToJsSettings {
    /// How many container levels to convert; negative means all of them.
    pub depth: i32,
    /// A JS function given the `[key, value]` entries of each dict (e.g. `Object.fromEntries`).
    pub dict_converter: Option<JsValue>,
    pub default_converter: Option<DefaultConverter>,
    /// Runs before the container rules for every value that is not immutable or a JsProxy;
    /// its `convert(value)` on that same value falls back to the ordinary rules.
    pub eager_converter: Option<DefaultConverter>,
    /// A JS array that receives every PyProxy the conversion makes.
    pub pyproxies: Option<JsValue>,
    /// False: a value that would need a PyProxy raises ConversionError instead.
    pub create_pyproxies: bool,
}

impl From<crate::convert::options::ToJsOptions> for ToJsSettings {
    fn from(o: crate::convert::options::ToJsOptions) -> Self {
        ToJsSettings {
            depth: o.depth.unwrap_or(-1),
            dict_converter: o.dict_converter.map(JsValue::from),
            default_converter: o.default_converter.map(|f| DefaultConverter::Js(f.into())),
            eager_converter: o.eager_converter.map(|f| DefaultConverter::Js(f.into())),
            pyproxies: o.pyproxies.map(JsValue::from),
            create_pyproxies: o.create_pyproxies.unwrap_or(true),
        }
    }
}

impl ToJsSettings {
    pub fn with_depth(depth: i32) -> Self {
        ToJsSettings { depth, dict_converter: None, default_converter: None, eager_converter: None, pyproxies: None, create_pyproxies: true }
    }
}

/// One conversion and the nested ones its default converter starts: they share the memo and
/// the JS table of built references.
struct Session {
    options: ToJsSettings,
    /// Reference index by object address; `kept` holds the objects so no address is reused.
    memo: HashMap<usize, u32>,
    kept: Vec<PyObjectRef>,
    next_ref: u32,
    /// What each reference is built into, by index (filled by the JS builder).
    refs: Array,
    /// References used before they were built, patched when the outermost build ends.
    patches: Array,
    /// Objects waiting for a converter, by reference index.
    deferred: HashMap<u32, Deferred>,
    /// Objects the eager converter has been given once (by address; `kept` keeps them alive).
    eager_seen: std::collections::HashSet<usize>,
}

/// An object whose conversion runs when the builder reaches it (converters may convert children
/// with the same session, which the walk holds while it runs).
struct Deferred {
    obj: PyObjectRef,
    /// Depth left where it sits.
    depth: i32,
    /// Nesting level where it sits.
    nesting: u32,
    /// The eager converter's turn, else the default converter's.
    eager: bool,
}

impl Session {
    /// A new reference index for `obj`, remembered so later sightings become `REF`s.
    fn remember(&mut self, obj: &PyObject) -> u32 {
        let k = self.next_ref;
        self.next_ref += 1;
        self.memo.insert(address(obj), k);
        self.kept.push(obj.to_owned());
        k
    }
}

type SharedSession = Rc<RefCell<Session>>;

/// Converts `obj` with `options`.
pub fn convert(rt: &RuntimeState, obj: &PyObjectRef, options: ToJsSettings, vm: &VirtualMachine) -> PyResult<JsValue> {
    let depth = options.depth;
    let session = Rc::new(RefCell::new(Session {
        options,
        memo: HashMap::new(),
        kept: Vec::new(),
        next_ref: 0,
        refs: Array::new(),
        patches: Array::new(),
        deferred: HashMap::new(),
        eager_seen: Default::default(),
    }));
    convert_in(rt, &session, obj, depth, 0, vm).map_err(|e| as_conversion_error(rt, e, vm))
}

/// Pyodide's rule: whatever goes wrong inside a conversion (a converter that raises, a dict
/// subclass whose `items()` fails) reaches the caller as a ConversionError caused by it.
fn as_conversion_error(rt: &RuntimeState, e: PyBaseExceptionRef, vm: &VirtualMachine) -> PyBaseExceptionRef {
    let is_conversion_error = rt.boot.borrow().as_ref().is_some_and(|b| e.as_object().is_instance(&b.conversion_error, vm).unwrap_or(false));
    if is_conversion_error {
        return e;
    }
    let wrapped = conversion_error(rt, "Conversion from python to javascript failed", vm);
    wrapped.set_cause(Some(e));
    wrapped
}

/// `nesting`: how deep inside the outermost conversion this one starts (default converters
/// convert children from inside it).
fn convert_in(rt: &RuntimeState, session: &SharedSession, obj: &PyObjectRef, depth: i32, nesting: u32, vm: &VirtualMachine) -> PyResult<JsValue> {
    let mut enc = Encoding::default();
    {
        let mut s = session.borrow_mut();
        let mut walker = Walker { rt, vm, s: &mut s, enc: &mut enc, nesting };
        walker.value(obj, depth)?;
    }
    let hook = default_hook(session);
    let (refs, patches, dict_converter, pyproxies) = {
        let s = session.borrow();
        (s.refs.clone(), s.patches.clone(), s.options.dict_converter.clone(), s.options.pyproxies.clone())
    };
    let undefined = JsValue::UNDEFINED;
    let result = rt.hooks.build_js(
        &enc.ops,
        &enc.nums,
        &enc.text,
        &enc.side.unwrap_or_else(Array::new),
        &refs,
        &patches,
        dict_converter.as_ref().unwrap_or(&undefined),
        pyproxies.as_ref().unwrap_or(&undefined),
        hook.as_ref().map(|h| h.as_ref()).unwrap_or(&undefined),
    );
    drop(hook);
    result.map_err(|e| js_error_to_py(rt, e, vm))
}

#[derive(Default)]
struct Encoding {
    ops: Vec<u32>,
    nums: Vec<f64>,
    text: String,
    side: Option<Array>,
    /// Dict keys already in the JS key table: index by a hash of the text (`key_text`
    /// confirms the match; a collision just sends the text again).
    keys: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    key_text: Vec<PyRef<PyStr>>,
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = text_hash(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a: keys are short, and this runs once per dict entry.
fn text_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

impl Encoding {
    fn word(&mut self, op: u32, arg: usize) {
        self.ops.push(op | ((arg as u32) << wire::WireLimit::OpBits as u32));
    }

    fn side(&mut self, value: &JsValue) -> usize {
        let side = self.side.get_or_insert_with(Array::new);
        side.push(value) as usize - 1
    }
}

/// Map and Set keys must compare the same way in both languages: values, not identities.
#[derive(Clone, Copy)]
enum KeyOf {
    Map,
    Set,
}

struct Walker<'a, 'b> {
    rt: &'a RuntimeState,
    vm: &'a VirtualMachine,
    s: &'b mut Session,
    enc: &'b mut Encoding,
    nesting: u32,
}

fn address(obj: &PyObject) -> usize {
    obj as *const PyObject as usize
}

fn utf16_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().map(char::len_utf16).sum() }
}

impl Walker<'_, '_> {
    fn value(&mut self, obj: &PyObjectRef, depth: i32) -> PyResult<()> {
        if self.by_value(obj) {
            return Ok(());
        }
        if let Some(&k) = self.s.memo.get(&address(obj)) {
            self.enc.word(op::REF, k as usize);
            return Ok(());
        }
        if depth == 0 {
            return self.leaf(obj, depth);
        }
        if self.s.options.eager_converter.is_some() && self.s.eager_seen.insert(address(obj)) {
            // Not in the memo: the converter's `convert(obj)` must walk the object itself.
            let k = self.s.next_ref;
            self.s.next_ref += 1;
            self.s.kept.push(obj.clone());
            self.s.deferred.insert(k, Deferred { obj: obj.clone(), depth, nesting: self.nesting, eager: true });
            self.enc.word(op::CONVERT, k as usize);
            return Ok(());
        }
        let next = depth - 1;
        if let Some(list) = obj.downcast_ref::<PyList>() {
            // A snapshot: converting an item never runs Python code today, but the walk must not
            // depend on that.
            let items = list.borrow_vec().to_vec();
            return self.sequence(obj, &items, next);
        }
        if let Some(tuple) = obj.downcast_ref::<PyTuple>() {
            return self.sequence(obj, tuple.as_slice(), next);
        }
        if let Some(dict) = obj.downcast_ref::<PyDict>() {
            // A dict subclass is read through its own `items()`, as Pyodide does.
            let items = if obj.class().is(self.vm.ctx.types.dict_type) { dict.items_vec() } else { self.items_of(obj)? };
            let tag = if self.s.options.dict_converter.is_some() { op::ENTRIES } else { op::MAP };
            self.open(obj, tag, items.len())?;
            for (k, v) in &items {
                self.dict_key(k)?;
                self.value(v, next)?;
            }
            self.nesting -= 1;
            return Ok(());
        }
        // Only `set` becomes a Set: a frozenset stays a PyProxy, as in Pyodide.
        if let Some(elements) = obj.downcast_ref::<PySet>().map(|set| set.elements()) {
            self.open(obj, op::SET, elements.len())?;
            for e in &elements {
                self.key(e, KeyOf::Set)?;
            }
            self.nesting -= 1;
            return Ok(());
        }
        if obj.class().slots.as_buffer.load().is_some() {
            return self.buffer(obj);
        }
        self.leaf(obj, depth)
    }

    /// What crosses by value: immutable values encoded in place, a JsProxy's JS value through
    /// the side table. Map keys and Set elements may only be these.
    fn by_value(&mut self, obj: &PyObject) -> bool {
        if let Some(v) = immutable(obj, self.vm) {
            match v {
                Immutable::Str(s) => self.string(s),
                Immutable::Number(n) => {
                    self.enc.word(op::NUMBER, 1);
                    self.enc.nums.push(n);
                }
                Immutable::BigInt(i) => {
                    let digits = i.as_bigint().to_string();
                    self.enc.word(op::BIGINT, digits.len());
                    self.enc.text.push_str(&digits);
                }
                Immutable::Bool(b) => self.enc.word(if b { op::TRUE } else { op::FALSE }, 0),
                Immutable::Undefined => self.enc.word(op::UNDEFINED, 0),
                Immutable::Null => self.enc.word(op::NULL, 0),
            }
            return true;
        }
        if let Some(v) = js_value_of(self.rt, obj, self.vm) {
            let i = self.enc.side(&v);
            self.enc.word(op::SIDE, i);
            return true;
        }
        false
    }

    fn string(&mut self, s: &PyStr) {
        // Strings with lone surrogates are not UTF-8: they cross on their own.
        match s.to_str() {
            Some(text) if text.len() < STRING_LIMIT => {
                self.enc.word(op::STRING, utf16_len(text));
                self.enc.text.push_str(text);
            }
            _ => {
                let i = self.enc.side(&crate::host::strings::wtf8_to_js(s.as_wtf8()));
                self.enc.word(op::SIDE, i);
            }
        }
    }

    fn remember(&mut self, obj: &PyObject) -> u32 {
        self.s.remember(obj)
    }

    /// Starts a container; `close` ends it.
    fn open(&mut self, obj: &PyObject, tag: u32, len: usize) -> PyResult<()> {
        if len >= ARG_LIMIT || self.s.next_ref as usize >= ARG_LIMIT {
            return Err(conversion_error(self.rt, "Conversion from python to javascript failed: the object is too large", self.vm));
        }
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            let text = format!("Conversion from python to javascript failed: containers nested more than {MAX_NESTING} levels deep (pass a smaller depth)");
            return Err(conversion_error(self.rt, &text, self.vm));
        }
        let k = self.remember(obj);
        self.enc.word(tag, k as usize);
        self.enc.ops.push(len as u32);
        Ok(())
    }

    fn sequence(&mut self, obj: &PyObject, items: &[PyObjectRef], depth: i32) -> PyResult<()> {
        self.open(obj, op::ARRAY, items.len())?;
        // Consecutive numbers share one op word: a list of numbers is one word plus the numbers.
        let mut run: Option<usize> = None;
        for item in items {
            if let Some(Immutable::Number(n)) = immutable(item, self.vm) {
                self.enc.nums.push(n);
                match run {
                    Some(at) => self.enc.ops[at] += 1 << wire::WireLimit::OpBits as u32,
                    None => {
                        run = Some(self.enc.ops.len());
                        self.enc.word(op::NUMBER, 1);
                    }
                }
                continue;
            }
            run = None;
            self.value(item, depth)?;
        }
        self.nesting -= 1;
        Ok(())
    }

    /// A dict key: a string key goes through the key table, so that records repeating their keys
    /// make each key string once in JS (and V8 internalizes it once).
    fn dict_key(&mut self, key: &PyObjectRef) -> PyResult<()> {
        if let Some(s) = key.downcast_ref_if_exact::<PyStr>(self.vm)
            && let Some(text) = s.to_str()
            && text.len() < STRING_LIMIT
        {
            let hash = text_hash(text.as_bytes());
            let enc = &mut *self.enc;
            match enc.keys.get(&hash) {
                Some(&i) if enc.key_text[i as usize].as_wtf8() == s.as_wtf8() => {
                    enc.word(op::STRING, op::KEY_REF | i as usize);
                    return Ok(());
                }
                None if enc.key_text.len() < MAX_KEYS => {
                    enc.keys.insert(hash, enc.key_text.len() as u32);
                    enc.key_text.push(s.to_owned());
                    enc.word(op::STRING, op::KEY_NEW | utf16_len(text));
                    enc.text.push_str(text);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.key(key, KeyOf::Map)
    }

    fn key(&mut self, key: &PyObjectRef, of: KeyOf) -> PyResult<()> {
        if self.by_value(key) {
            return Ok(());
        }
        let target = match of {
            KeyOf::Map => "Map",
            KeyOf::Set => "Set",
        };
        let repr = key.repr(self.vm)?;
        Err(conversion_error(self.rt, &format!("Cannot use {repr} as a key for a Javascript {target}"), self.vm))
    }

    /// A copy of the buffer's bytes as a typed array of its format (js/pyproxy/pybuffer.ts decides).
    fn buffer(&mut self, obj: &PyObjectRef) -> PyResult<()> {
        let buffer = PyBuffer::try_from_borrowed_object(self.vm, obj)?;
        let desc = &buffer.desc;
        let shape: Vec<f64> = desc.dim_desc.iter().map(|d| d.0 as f64).collect();
        let value = buffer
            .contiguous_or_collect(|bytes| self.rt.hooks.buffer_to_js(bytes, &desc.format, desc.itemsize as u32, &shape))
            .map_err(|e| js_error_to_py(self.rt, e, self.vm))?;
        let k = self.remember(obj);
        let i = self.enc.side(&value);
        self.enc.word(op::SHARED, k as usize);
        self.enc.ops.push(i as u32);
        Ok(())
    }

    /// `obj.items()` of a dict subclass, each item a 2-tuple.
    fn items_of(&self, obj: &PyObjectRef) -> PyResult<Vec<(PyObjectRef, PyObjectRef)>> {
        let vm = self.vm;
        let items = vm.call_method(obj, "items", ())?;
        let mut out = Vec::new();
        for item in items.get_iter(vm)?.iter::<PyObjectRef>(vm)? {
            let item = item?;
            let pair = item.downcast_ref::<PyTuple>().filter(|t| t.len() == 2).ok_or_else(|| vm.new_type_error("expected tuple"))?;
            out.push((pair.as_slice()[0].clone(), pair.as_slice()[1].clone()));
        }
        Ok(out)
    }

    /// No rule applies: the default converter (while building), else a PyProxy.
    fn leaf(&mut self, obj: &PyObjectRef, depth: i32) -> PyResult<()> {
        if self.s.options.default_converter.is_some() {
            let k = self.remember(obj);
            self.s.deferred.insert(k, Deferred { obj: obj.clone(), depth, nesting: self.nesting, eager: false });
            self.enc.word(op::CONVERT, k as usize);
            return Ok(());
        }
        if !self.s.options.create_pyproxies {
            // Pyodide's text, literally.
            return Err(conversion_error(self.rt, "No conversion known for x.", self.vm));
        }
        let proxy = new_pyproxy(self.rt, obj.clone(), &mut Lifetime::Owned, self.vm);
        let k = self.remember(obj);
        let i = self.enc.side(&proxy);
        self.enc.word(op::PROXY, k as usize);
        self.enc.ops.push(i as u32);
        Ok(())
    }
}

/// The JS function the builder calls for a `CONVERT` op: runs the user's default converter for
/// the deferred object and returns its result.
fn default_hook(session: &SharedSession) -> Option<Closure<dyn FnMut(u32) -> Result<JsValue, JsValue>>> {
    let (default, eager) = {
        let s = session.borrow();
        (s.options.default_converter.clone(), s.options.eager_converter.clone())
    };
    if default.is_none() && eager.is_none() {
        return None;
    }
    let session = session.clone();
    Some(Closure::new(move |k: u32| -> Result<JsValue, JsValue> {
        let rt = state::runtime_for_js()?;
        let deferred = session.borrow_mut().deferred.remove(&k);
        let converter = deferred.as_ref().and_then(|d| if d.eager { eager.as_ref() } else { default.as_ref() });
        let (Some(d), Some(converter)) = (deferred.as_ref(), converter) else {
            return Err(js_sys::Error::new("toJs: a converter was asked for an unknown value").into());
        };
        let result = state::enter(&rt, |vm| {
            run_default(&rt, &session, converter, d.obj.clone(), d.depth, d.nesting + 1, vm).map_err(|e| crate::crossing::errors::py_exc_to_js(&rt, &e, vm))
        })?;
        // A PyProxy a converter returns is one the conversion made: `pyproxies` gets it too.
        let pyproxies = session.borrow().options.pyproxies.clone();
        if let Some(list) = pyproxies {
            if js_imports::kind_of(&result) == js2py::PYPROXY {
                list.unchecked_ref::<Array>().push(&result);
            }
        }
        Ok(result)
    }))
}

fn run_default(rt: &Rc<RuntimeState>, session: &SharedSession, converter: &DefaultConverter, obj: PyObjectRef, depth: i32, nesting: u32, vm: &VirtualMachine) -> PyResult<JsValue> {
    // Children converted by `convert` go one level deeper than the value itself.
    let child_depth = if depth > 0 { depth - 1 } else { depth };
    match converter {
        DefaultConverter::Js(f) => {
            let mut borrowed = Vec::new();
            let value = new_pyproxy(rt, obj, &mut Lifetime::Borrowed(&mut borrowed), vm);
            let convert = js_convert_fn(session, child_depth, nesting);
            let cache = js_cache_fn(session);
            let args = Array::of3(&value, convert.as_ref(), cache.as_ref());
            let result = js_imports::call_function(f, &JsValue::UNDEFINED, &args);
            release_borrowed(rt, borrowed, "This PyProxy was passed to default_converter and destroyed when it returned.");
            result.map_err(|e| js_error_to_py(rt, e, vm))
        }
        DefaultConverter::Py(f) => {
            let s1 = session.clone();
            let convert = vm.new_function("convert", move |x: PyObjectRef, vm: &VirtualMachine| -> PyResult {
                let rt = crate::crossing::jsproxy_object::runtime(vm)?;
                let js = convert_in(&rt, &s1, &x, child_depth, nesting, vm)?;
                js2py::js_to_py(&rt, js, vm)
            });
            let s2 = session.clone();
            let cache = vm.new_function("cache", move |x: PyObjectRef, result: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
                let rt = crate::crossing::jsproxy_object::runtime(vm)?;
                let js = py_to_js(&rt, &result, &mut Lifetime::Owned, vm);
                cache_conversion(&mut s2.borrow_mut(), &x, &js);
                Ok(())
            });
            let result = f.call((obj, convert, cache), vm)?;
            Ok(py_to_js(rt, &result, &mut Lifetime::Owned, vm))
        }
    }
}

/// `convert(value)` for a JS default converter: converts a PyProxy's object with the same
/// session; other values are returned unchanged.
fn js_convert_fn(session: &SharedSession, depth: i32, nesting: u32) -> Closure<dyn FnMut(JsValue) -> Result<JsValue, JsValue>> {
    let session = session.clone();
    Closure::new(move |value: JsValue| -> Result<JsValue, JsValue> {
        let Some(rt) = state::current() else { return Ok(value) };
        if js_imports::kind_of(&value) != js2py::PYPROXY {
            return Ok(value);
        }
        state::enter(&rt, |vm| {
            js2py::js_to_py(&rt, value, vm)
                .and_then(|obj| convert_in(&rt, &session, &obj, depth, nesting, vm))
                .map_err(|e| crate::crossing::errors::py_exc_to_js(&rt, &e, vm))
        })
    })
}

/// `cacheConversion(value, result)`: later sightings of `value` become `result` (call it before
/// converting children, so cycles resolve).
fn js_cache_fn(session: &SharedSession) -> Closure<dyn FnMut(JsValue, JsValue) -> Result<(), JsValue>> {
    let session = session.clone();
    Closure::new(move |value: JsValue, result: JsValue| -> Result<(), JsValue> {
        let rt = state::runtime_for_js()?;
        if js_imports::kind_of(&value) != js2py::PYPROXY {
            return Err(js_sys::TypeError::new("The first argument to cacheConversion must be a PyProxy.").into());
        }
        let obj = rt.registry.borrow().get(js_imports::pyproxy_id(&value)).cloned();
        let Some(obj) = obj else { return Err(js_sys::Error::new(wire::DESTROYED_MESSAGE).into()) };
        cache_conversion(&mut session.borrow_mut(), &obj, &result);
        Ok(())
    })
}

fn cache_conversion(s: &mut Session, obj: &PyObjectRef, result: &JsValue) {
    let k = match s.memo.get(&address(obj)) {
        Some(&k) => k,
        None => s.remember(obj),
    };
    s.refs.set(k, result.clone());
}
