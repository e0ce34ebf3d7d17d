//! Explicit deep Python -> JS conversion (`PyProxy.toJs()`, `to_js`): list/tuple -> Array,
//! dict -> Map (or what `dict_converter` makes of its entries), set/frozenset -> Set, recursively; everything else by the implicit rules. One memo per
//! conversion keeps shared references shared and lets cycles convert to cycles.

use crate::errors::js_error_to_py;
use crate::js_imports;
use crate::py2js::{Lifetime, py_to_js};
use crate::state::RuntimeState;
use js_sys::{Array, Map, Set};
use rustpython_vm::{
    PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyDict, PyFrozenSet, PyList, PySet, PyTuple},
};
use std::collections::HashMap;
use wasm_bindgen::JsValue;

pub struct ToJsOptions {
    /// How many container levels to convert; negative means all of them.
    pub depth: i32,
    /// A JS function given the `[key, value]` entries of each dict (e.g. `Object.fromEntries`).
    pub dict_converter: Option<JsValue>,
}

pub struct Converter<'a> {
    rt: &'a RuntimeState,
    vm: &'a VirtualMachine,
    /// Containers already converted, by object address (the object stays alive in its parent).
    memo: HashMap<usize, JsValue>,
    dict_converter: Option<JsValue>,
}

fn address(obj: &PyObject) -> usize {
    obj as *const PyObject as usize
}

impl<'a> Converter<'a> {
    pub fn new(rt: &'a RuntimeState, vm: &'a VirtualMachine) -> Self {
        Converter { rt, vm, memo: HashMap::new(), dict_converter: None }
    }

    pub fn convert(&mut self, obj: &PyObjectRef, options: &ToJsOptions) -> PyResult<JsValue> {
        self.dict_converter = options.dict_converter.clone();
        self.value(obj, options.depth)
    }

    fn value(&mut self, obj: &PyObjectRef, depth: i32) -> PyResult<JsValue> {
        if depth == 0 {
            return Ok(py_to_js(self.rt, obj, &mut Lifetime::Owned, self.vm));
        }
        if let Some(done) = self.memo.get(&address(obj)) {
            if done.is_symbol() {
                return Err(self.vm.new_value_error("to_js: a dict converted with dict_converter contains itself; convert it without dict_converter"));
            }
            return Ok(done.clone());
        }
        let next = depth - 1;
        // Snapshots: a converter never runs Python code, but a snapshot keeps that true for
        // the items even if a later extension does.
        if let Some(list) = obj.downcast_ref::<PyList>() {
            let items = list.borrow_vec().to_vec();
            return self.array(obj, &items, next);
        }
        if let Some(tuple) = obj.downcast_ref::<PyTuple>() {
            let items = tuple.as_slice().to_vec();
            return self.array(obj, &items, next);
        }
        if let Some(dict) = obj.downcast_ref::<PyDict>() {
            if let Some(converter) = self.dict_converter.clone() {
                return self.converted_dict(obj, dict, &converter, next);
            }
            let map = Map::new();
            self.memo.insert(address(obj), map.clone().into());
            for (k, v) in dict.items_vec() {
                let key = self.value(&k, next)?;
                let value = self.value(&v, next)?;
                map.set(&key, &value);
            }
            return Ok(map.into());
        }
        let elements = if let Some(set) = obj.downcast_ref::<PySet>() {
            Some(set.elements())
        } else {
            obj.downcast_ref::<PyFrozenSet>().map(|s| s.elements())
        };
        if let Some(elements) = elements {
            let set = Set::new(&JsValue::UNDEFINED);
            self.memo.insert(address(obj), set.clone().into());
            for e in elements {
                set.add(&self.value(&e, next)?);
            }
            return Ok(set.into());
        }
        Ok(py_to_js(self.rt, obj, &mut Lifetime::Owned, self.vm))
    }

    fn array(&mut self, obj: &PyObject, items: &[PyObjectRef], depth: i32) -> PyResult<JsValue> {
        let array = Array::new_with_length(items.len() as u32);
        self.memo.insert(address(obj), array.clone().into());
        for (i, item) in items.iter().enumerate() {
            array.set(i as u32, self.value(item, depth)?);
        }
        Ok(array.into())
    }

    /// The converter's result exists only after every entry is converted, so the memo holds a
    /// marker meanwhile: a dict that contains itself is reported instead of recursing forever.
    fn converted_dict(&mut self, obj: &PyObject, dict: &PyDict, converter: &JsValue, depth: i32) -> PyResult<JsValue> {
        self.memo.insert(address(obj), JsValue::symbol(None));
        let entries = Array::new();
        for (k, v) in dict.items_vec() {
            entries.push(&Array::of2(&self.value(&k, depth)?, &self.value(&v, depth)?));
        }
        let result = js_imports::call_function(converter, &JsValue::UNDEFINED, &Array::of1(&entries))
            .map_err(|e| js_error_to_py(self.rt, e, self.vm))?;
        self.memo.insert(address(obj), result.clone());
        Ok(result)
    }
}
