//! Explicit deep Python -> JS conversion (`PyProxy.toJs()`): list/tuple -> Array, dict -> Map,
//! set/frozenset -> Set, recursively; everything else by the implicit rules. One memo per
//! conversion keeps shared references shared and lets cycles convert to cycles.

use crate::py2js::{Lifetime, py_to_js};
use crate::state::RuntimeState;
use js_sys::{Array, Map, Set};
use rustpython_vm::{
    PyObject, PyObjectRef, VirtualMachine,
    builtins::{PyDict, PyFrozenSet, PyList, PySet, PyTuple},
};
use std::collections::HashMap;
use wasm_bindgen::JsValue;

pub struct ToJsOptions {
    /// How many container levels to convert; negative means all of them.
    pub depth: i32,
}

pub struct Converter<'a> {
    rt: &'a RuntimeState,
    vm: &'a VirtualMachine,
    /// Containers already converted, by object address (the object stays alive in its parent).
    memo: HashMap<usize, JsValue>,
}

fn address(obj: &PyObject) -> usize {
    obj as *const PyObject as usize
}

impl<'a> Converter<'a> {
    pub fn new(rt: &'a RuntimeState, vm: &'a VirtualMachine) -> Self {
        Converter { rt, vm, memo: HashMap::new() }
    }

    pub fn convert(&mut self, obj: &PyObjectRef, options: &ToJsOptions) -> JsValue {
        self.value(obj, options.depth)
    }

    fn value(&mut self, obj: &PyObjectRef, depth: i32) -> JsValue {
        if depth == 0 {
            return py_to_js(self.rt, obj, &mut Lifetime::Owned, self.vm);
        }
        if let Some(done) = self.memo.get(&address(obj)) {
            return done.clone();
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
            let map = Map::new();
            self.memo.insert(address(obj), map.clone().into());
            for (k, v) in dict.items_vec() {
                let key = self.value(&k, next);
                let value = self.value(&v, next);
                map.set(&key, &value);
            }
            return map.into();
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
                set.add(&self.value(&e, next));
            }
            return set.into();
        }
        py_to_js(self.rt, obj, &mut Lifetime::Owned, self.vm)
    }

    fn array(&mut self, obj: &PyObject, items: &[PyObjectRef], depth: i32) -> JsValue {
        let array = Array::new_with_length(items.len() as u32);
        self.memo.insert(address(obj), array.clone().into());
        for (i, item) in items.iter().enumerate() {
            array.set(i as u32, self.value(item, depth));
        }
        array.into()
    }
}
