//! The options of the deep conversions, declared once. The JS forms (`toJs(options)`,
//! `toPy(value, options)`) are these structs, read from the caller's object with
//! serde-wasm-bindgen and typed for TypeScript by tsify: the interfaces land in core.d.ts and
//! the package's types re-export them. The Python keyword forms (`to_js(...)`,
//! `JsProxy.to_py(...)`) have the same names and go through the same checks, so a bad option is
//! the same TypeError from either language: "<method>: <option> must be <what it should be>".
//!
//! Keys these structs do not name are ignored, as Pyodide ignores them; TypeScript rejects a
//! misspelt key at compile time.

use crate::host::js_imports;
use serde::{Deserialize, Deserializer, de::Error as _};
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The generated interfaces name the TS layer's PyProxy class.
#[wasm_bindgen(typescript_custom_section)]
const PYPROXY_IMPORT: &str = r#"import type { PyProxy } from "../pyproxy/pyproxy-classes.js";"#;

/// What a `depth` option must be (negative: no limit).
pub const DEPTH: &str = "an integer (-1 for no limit)";
/// What a converter option must be (its message names no value: tests and users know it so).
pub const FUNCTION: &str = "a function";

/// Options of `toJs` (Pyodide's `ConversionOptions`); `to_js` takes the same names as keywords.
#[derive(Deserialize, Tsify, Default)]
pub struct ToJsOptions {
    /// How many levels of containers to convert; -1 (the default) converts all of them.
    #[tsify(optional, type = "number")]
    #[serde(default, deserialize_with = "depth")]
    pub depth: Option<i32>,
    /// Receives every PyProxy the conversion creates, so they can be destroyed later.
    #[tsify(optional, type = "PyProxy[]")]
    #[serde(default, deserialize_with = "array")]
    pub pyproxies: Option<js_sys::Array>,
    /// False: a value that would need a PyProxy throws a ConversionError instead (default true).
    #[tsify(optional, type = "boolean")]
    #[serde(default, deserialize_with = "boolean")]
    pub create_pyproxies: Option<bool>,
    /// Builds each dict from its `[key, value]` entries (e.g. `Object.fromEntries`); default a Map.
    #[tsify(optional, type = "(entries: Iterable<[key: any, value: any]>) => any")]
    #[serde(default, deserialize_with = "function")]
    pub dict_converter: Option<js_sys::Function>,
    /// Converts what has no rule. `value` is a temporary PyProxy; `convert(x)` converts children
    /// with the same options; `cacheConversion(value, result)` (before converting children) lets
    /// cycles through `value` resolve to `result`.
    #[tsify(
        optional,
        type = "(value: PyProxy, convert: (value: PyProxy) => any, cacheConversion: (value: PyProxy, result: any) => void) => any"
    )]
    #[serde(default, deserialize_with = "function")]
    pub default_converter: Option<js_sys::Function>,
    /// Runs before the container rules for every value that is not immutable: its result is the
    /// conversion; `convert(value)` on that same value falls back to the ordinary rules.
    #[tsify(
        optional,
        type = "(value: PyProxy, convert: (value: PyProxy) => any, cacheConversion: (value: PyProxy, result: any) => void) => any"
    )]
    #[serde(default, deserialize_with = "function")]
    pub eager_converter: Option<js_sys::Function>,
}

/// Options of `toPy` (Pyodide's names); `JsProxy.to_py` takes `depth` and `default_converter`.
#[derive(Deserialize, Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct ToPyOptions {
    /// How many levels of containers to convert; -1 (the default) converts all of them.
    #[tsify(optional, type = "number")]
    #[serde(default, deserialize_with = "depth")]
    pub depth: Option<i32>,
    /// Converts what has no rule (class instances, functions, ...): `convert(x)` converts children
    /// with the same options and returns a PyProxy; `cacheConversion(input, output)` (before
    /// converting children) lets cycles through `input` resolve to the PyProxy `output`.
    #[tsify(
        optional,
        type = "(value: any, convert: (value: any) => any, cacheConversion: (input: any, output: PyProxy) => void) => any"
    )]
    #[serde(default, deserialize_with = "function")]
    // Checked here and then read by the TS layer, which calls it while it encodes.
    #[allow(dead_code)]
    pub default_converter: Option<js_sys::Function>,
}

/// Reads `options` (undefined: the defaults) for `method`; a bad option is a TypeError naming it.
pub fn read<T: for<'de> Deserialize<'de> + Default>(method: &str, options: JsValue) -> Result<T, JsValue> {
    if options.is_undefined() {
        return Ok(T::default());
    }
    if !options.is_object() || options.is_function() {
        return Err(type_error(method, "options", "an object", Some(&options)));
    }
    let deserializer = serde_wasm_bindgen::Deserializer::from(options);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let option = e.path().to_string();
        // The checks below raise JS Errors whose message is what the option must be.
        let inner = JsValue::from(e.into_inner());
        let what = inner.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "valid".into());
        js_sys::TypeError::new(&format!("{method}: {option} must be {what}")).into()
    })
}

/// "`method`: `option` must be `expected`, not <what it got>" (without a value: no "not ...").
pub fn message(method: &str, option: &str, expected: &str, got: Option<&str>) -> String {
    match got {
        Some(got) => format!("{method}: {option} must be {expected}, not {got}"),
        None => format!("{method}: {option} must be {expected}"),
    }
}

fn type_error(method: &str, option: &str, expected: &str, got: Option<&JsValue>) -> JsValue {
    let got = got.map(js_imports::describe_value);
    js_sys::TypeError::new(&message(method, option, expected, got.as_deref())).into()
}

/// The option's value as given; `None` for `undefined` (an own key set to `undefined` is absent).
fn preserved<'de, D: Deserializer<'de>>(d: D) -> Result<Option<JsValue>, D::Error> {
    let v: JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
    Ok(if v.is_undefined() { None } else { Some(v) })
}

/// The message's tail for a value that is not `expected` (`read` puts the method and option first).
fn not<E: serde::de::Error>(expected: &str, got: &JsValue) -> E {
    E::custom(format!("{expected}, not {}", js_imports::describe_value(got)))
}

fn depth<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    let Some(v) = preserved(d)? else { return Ok(None) };
    match v.as_f64() {
        Some(n) if n.fract() == 0.0 && n.is_finite() => Ok(Some(n.clamp(i32::MIN as f64, i32::MAX as f64) as i32)),
        _ => Err(not(DEPTH, &v)),
    }
}

fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let Some(v) = preserved(d)? else { return Ok(None) };
    v.as_bool().map(Some).ok_or_else(|| not("a boolean", &v))
}

fn array<'de, D: Deserializer<'de>>(d: D) -> Result<Option<js_sys::Array>, D::Error> {
    let Some(v) = preserved(d)? else { return Ok(None) };
    if js_sys::Array::is_array(&v) { Ok(Some(v.unchecked_into())) } else { Err(not("an array", &v)) }
}

fn function<'de, D: Deserializer<'de>>(d: D) -> Result<Option<js_sys::Function>, D::Error> {
    let Some(v) = preserved(d)? else { return Ok(None) };
    v.dyn_into::<js_sys::Function>().map(Some).map_err(|_| D::Error::custom(FUNCTION))
}
