//! `PyBuffer.getBuffer()`: a description of a Python buffer's memory inside the wasm heap, so JS
//! can view it without copying. The export is held by a `memoryview` kept in the proxy registry:
//! `PyBufferView.release()` frees that entry like any other proxy (one table, one free path).

use crate::state::Core;
use js_sys::{Array, Object, Reflect};
use rustpython_vm::{
    AsObject, PyResult, VirtualMachine,
    protocol::{BufferDescriptor, BufferFlags, PyBuffer},
};
use wasm_bindgen::prelude::*;

/// The lowest and one-past-highest byte offsets (relative to the exporter's memory) that a
/// strided view touches.
fn touched_range(desc: &BufferDescriptor) -> (isize, isize) {
    if desc.len == 0 {
        return (0, 0);
    }
    let (mut low, mut high) = (desc.offset, desc.offset);
    for &(shape, stride, _) in &desc.dim_desc {
        let extent = (shape as isize - 1) * stride;
        if extent < 0 {
            low += extent;
        } else {
            high += extent;
        }
    }
    (low, high + desc.itemsize as isize)
}

fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

fn describe(desc: &BufferDescriptor, base: usize, holder: f64) -> Object {
    let (low, high) = touched_range(desc);
    let out = Object::new();
    set(&out, "holder", holder.into());
    set(&out, "memory", wasm_bindgen::memory());
    set(&out, "byteOffset", ((base as isize + low) as f64).into());
    set(&out, "byteLength", ((high - low) as f64).into());
    set(&out, "startByte", ((desc.offset - low) as f64).into());
    set(&out, "readonly", desc.readonly.into());
    set(&out, "format", JsValue::from_str(&desc.format));
    set(&out, "itemsize", (desc.itemsize as f64).into());
    set(&out, "nbytes", (desc.len as f64).into());
    let shape: Array = desc.dim_desc.iter().map(|d| JsValue::from_f64(d.0 as f64)).collect();
    let strides: Array = desc.dim_desc.iter().map(|d| JsValue::from_f64(d.1 as f64)).collect();
    set(&out, "shape", shape.into());
    set(&out, "byteStrides", strides.into());
    set(&out, "c_contiguous", desc.is_contiguous().into());
    set(&out, "f_contiguous", desc.is_fortran_contiguous().into());
    out
}

#[wasm_bindgen]
impl Core {
    /// Acquires the object's buffer (through a memoryview kept in the registry) and describes
    /// where its bytes are; the JS side builds the typed array over wasm memory.
    pub fn proxy_get_buffer(&self, id: f64) -> Result<Object, JsValue> {
        self.entry(|rt, vm| {
            let obj = self.object(id, vm)?;
            let view = vm.ctx.types.memoryview_type.as_object().call((obj,), vm)?;
            let (desc, base) = buffer_of(&view, vm)?;
            let holder = rt.registry.borrow_mut().insert(view);
            Ok(describe(&desc, base, holder))
        })
    }
}

/// The view's layout and the address of its exporter's memory. The memoryview keeps the export,
/// so the address stays valid (a bytearray cannot resize while exported) until it is released.
fn buffer_of(view: &rustpython_vm::PyObjectRef, vm: &VirtualMachine) -> PyResult<(BufferDescriptor, usize)> {
    let buffer = PyBuffer::from_object(vm, view, BufferFlags::RECORDS_RO)?;
    let desc = buffer.desc.clone();
    if desc.has_suboffsets() {
        return Err(vm.new_buffer_error("getBuffer: buffers with suboffsets are not supported"));
    }
    let base = buffer.obj_bytes().as_ptr() as usize;
    Ok((desc, base))
}
