//! Every number that crosses a language boundary, declared once. TypeScript gets these enums
//! from the generated `core.d.ts`/`core.js` (`import { WireOp } from "./wasm/core.js"`), Python
//! as attributes of the `_pyffi` module (`JsFlag::NAMED`). The one hand copy is in
//! `src/js/helpers.js`, which the glue imports before these enums exist; a test
//! (test/node/wire-constants.test.ts) checks it against them.

use wasm_bindgen::prelude::wasm_bindgen;

/// An enum whose variants also have a name in another language (Python's, mostly), declared in
/// one list: `Variant = value => "name",`. Gives `name()` and `NAMED` (every variant with its name).
/// Values are `tt`s so that `#[wasm_bindgen]` still sees plain number literals.
#[macro_export]
macro_rules! named_enum {
    ($(#[$meta:meta])* pub enum $enum:ident { $($(#[$vmeta:meta])* $variant:ident = $value:tt => $name:literal,)* }) => {
        $(#[$meta])*
        pub enum $enum {
            $($(#[$vmeta])* $variant = $value,)*
        }

        impl $enum {
            /// Every variant with its name.
            pub const NAMED: &'static [($enum, &'static str)] = &[$(($enum::$variant, $name),)*];

            /// The variant's name in the other language.
            pub fn name(self) -> &'static str {
                match self {
                    $($enum::$variant => $name,)*
                }
            }
        }
    };
}

/// The Python protocols of a type, one bit each: they pick a PyProxy's JS class
/// (computed in `typeflags.rs`).
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum PyTypeFlag {
    HasLength = 1,
    HasGet = 2,
    HasSet = 4,
    HasContains = 8,
    IsIterable = 16,
    IsIterator = 32,
    IsAwaitable = 64,
    IsBuffer = 128,
    IsCallable = 256,
    IsAsyncIterable = 512,
    IsAsyncIterator = 1024,
    IsGenerator = 2048,
    IsAsyncGenerator = 4096,
    IsSequence = 8192,
    IsMutableSequence = 16384,
    IsDict = 32768,
    /// Exactly `coroutine`: a call from JS that returns one may have to schedule it.
    IsCoroutine = 65536,
}

named_enum! {
/// What a JS value can do, one bit each: they pick a JsProxy's Python classes. Bits 0-19 are
/// computed in JS (`jsFlags` in helpers.js); the rest are set by the core and by Python. The names
/// are Python's (`_pyffi.JS_FLAGS`).
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum JsFlag {
    Callable = 1 => "CALLABLE",
    Array = 2 => "ARRAY",
    TypedArray = 4 => "TYPED_ARRAY",
    ArrayLike = 8 => "ARRAY_LIKE",
    Iterable = 16 => "ITERABLE",
    Iterator = 32 => "ITERATOR",
    Generator = 64 => "GENERATOR",
    HasGet = 128 => "HAS_GET",
    HasSet = 256 => "HAS_SET",
    HasHas = 512 => "HAS_HAS",
    HasIncludes = 1024 => "HAS_INCLUDES",
    HasLength = 2048 => "HAS_LENGTH",
    Thenable = 4096 => "THENABLE",
    AsyncIterable = 8192 => "ASYNC_ITERABLE",
    AsyncIterator = 16384 => "ASYNC_ITERATOR",
    AsyncGenerator = 32768 => "ASYNC_GENERATOR",
    Error = 65536 => "ERROR",
    Buffer = 131072 => "BUFFER",
    Disposable = 262144 => "DISPOSABLE",
    AsyncDisposable = 524288 => "ASYNC_DISPOSABLE",
    /// A JsProxy of a PyProxy (`create_proxy`, roundtrip proxies).
    DoubleProxy = 1048576 => "DOUBLE_PROXY",
    /// `as_object_map()` / `as_py_json()` of a plain object.
    ObjectMap = 2097152 => "OBJECT_MAP",
    /// Nested plain objects are object maps too.
    ObjectMapHereditary = 4194304 => "OBJECT_MAP_HEREDITARY",
    /// `as_py_json()`: nested objects and arrays are JSON views too.
    PyJson = 8388608 => "PY_JSON",
    /// A registered JS module (and `js`): it has a `__dict__` for the import system.
    Module = 16777216 => "MODULE",
}
}

/// What a JS value becomes in Python, as `kindOf` in helpers.js answers in one crossing.
/// Objects and functions that are not PyProxies answer `Object + flags * FlagShift`.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum ValueKind {
    Nullish = 0,
    False = 1,
    True = 2,
    /// An int or a float: `js2py::number_to_py` decides.
    Number = 3,
    String = 5,
    BigInt = 6,
    PyProxy = 7,
    /// A PyProxy made by `create_proxy(..., roundtrip=True)`: it comes back as its JsDoubleProxy.
    RoundtripPyProxy = 9,
    Object = 16,
    /// The multiplier of the capability flags in an `Object` kind.
    FlagShift = 64,
    /// What `readAttrKind` answers for a property that does not exist.
    ReadMissing = 255,
}

/// The op codes of both conversion encodings (Python -> JS: `to_js.rs` encodes and
/// to-js-build.ts builds; JS -> Python: to-py-encode.ts encodes and `to_py.rs` builds). A word is
/// the op in its low 4 bits and an argument in the high 28. The same idea has the same code in
/// both directions; `Null`, `Proxy` and `Entries` only occur from Python to JS.
#[wasm_bindgen]
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WireOp {
    /// JS `undefined`; from JS, `undefined` and `null` alike (both are `None`).
    Undefined = 0,
    Null = 1,
    False = 2,
    True = 3,
    /// The next `arg` numbers of the number stream (more than one only as items of an array).
    Number = 4,
    /// A string of `arg` UTF-16 code units from the text blob; with the `KeyNew` flag also the
    /// next entry of this encoding's key table; with `KeyRef` (and no text) the entry whose index
    /// is the rest of `arg`.
    String = 5,
    /// A BigInt (or int) whose decimal digits, `arg` of them, are in the text blob.
    BigInt = 6,
    /// Side-table value `arg`.
    Side = 7,
    /// A new PyProxy: side-table value (next word), reference `arg`.
    Proxy = 8,
    /// Reference `arg`, already built (or being built: a cycle).
    Ref = 9,
    /// Containers: reference `arg`, length in the next word, then the items (key and value for
    /// maps and entries).
    Array = 10,
    Map = 11,
    Set = 12,
    /// A dict for `dict_converter`: its `[key, value]` entries are handed to the converter.
    Entries = 13,
    /// A value for the default converter: reference `arg`, then what the direction needs.
    Convert = 14,
    /// A buffer copy: reference `arg`, side index next (and, from JS, its format character).
    Buffer = 15,
}

/// The limits both halves of an encoding agree on.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum WireLimit {
    /// Bits below the argument of a word.
    OpBits = 4,
    /// Arguments are below this (28 bits).
    ArgLimit = 268435456,
    /// `String` argument flags (see `WireOp::String`).
    KeyNew = 134217728,
    KeyRef = 67108864,
    /// Distinct dict keys an encoding puts in its key table.
    MaxKeys = 4096,
    /// Containers nested deeper than this are refused: both builds recurse, and running out of
    /// wasm stack would kill the runtime.
    MaxNesting = 1000,
}

/// Pyodide's text for any use of a destroyed PyProxy.
pub const DESTROYED_MESSAGE: &str = "Object has already been destroyed";

/// The hint Pyodide adds to it when debug mode is off.
pub const DESTROYED_HINT: &str = "For more information about the cause of this error, use `pyodide.setDebug(true)`";

/// The destroyed-proxy message, for JS (whose errors are built in TS).
#[wasm_bindgen(js_name = destroyedMessage)]
pub fn destroyed_message() -> String {
    DESTROYED_MESSAGE.to_owned()
}

/// Its debug hint, for JS.
#[wasm_bindgen(js_name = destroyedHint)]
pub fn destroyed_hint() -> String {
    DESTROYED_HINT.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_fit_their_bits() {
        assert!((WireOp::Buffer as u32) < 1 << WireLimit::OpBits as u32);
        assert_eq!(1u32 << WireLimit::OpBits as u32, 16);
    }

    #[test]
    fn key_flags_sit_below_the_argument_limit_and_apart() {
        let (new, reference, limit) = (WireLimit::KeyNew as u32, WireLimit::KeyRef as u32, WireLimit::ArgLimit as u32);
        assert!(new < limit && reference < new);
        assert_eq!(new & reference, 0);
        assert!(WireLimit::MaxKeys as u32 <= reference);
    }

    #[test]
    fn flags_are_distinct_bits() {
        let mut seen = 0u32;
        for &(flag, name) in JsFlag::NAMED {
            let bit = flag as u32;
            assert_eq!(bit.count_ones(), 1, "{name} is one bit");
            assert_eq!(seen & bit, 0, "{name} is not shared");
            seen |= bit;
        }
        // The JS-computed bits times FlagShift must fit a u32 kind.
        let js_bits = (JsFlag::AsyncDisposable as u64) << 1;
        assert!(ValueKind::Object as u64 + (js_bits - 1) * ValueKind::FlagShift as u64 <= u32::MAX as u64);
    }
}
