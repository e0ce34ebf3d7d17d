//! Strings across the boundary, every code point included: Python's str may hold lone
//! surrogates (WTF-8 inside RustPython) and so may JS strings (UTF-16).
//! Well-formed text takes wasm-bindgen's fast UTF-8 path; the rest goes code unit by code unit.

use crate::host::js_imports;
use rustpython_common::wtf8::{Wtf8, Wtf8Buf};
use wasm_bindgen::JsValue;

pub fn wtf8_to_js(s: &Wtf8) -> JsValue {
    match s.as_str() {
        Ok(utf8) => JsValue::from_str(utf8),
        Err(_) => js_imports::from_code_units(&s.encode_wide().collect::<Vec<u16>>()),
    }
}

pub fn js_to_wtf8(v: &JsValue) -> Wtf8Buf {
    if js_imports::is_well_formed(v) {
        if let Some(s) = v.as_string() {
            return Wtf8Buf::from(s);
        }
    }
    Wtf8Buf::from_wide(&js_imports::code_units(v).to_vec())
}
