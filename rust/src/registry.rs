//! The table of Python objects that JavaScript holds: a slab with generation-checked ids.
//!
//! A JS PyProxy holds only an id. Freeing an entry bumps its slot's generation, so a stale id
//! (a second destroy, a late FinalizationRegistry callback) finds nothing and does no harm.

use rustpython_vm::PyObjectRef;

struct Slot {
    generation: u32,
    object: Option<PyObjectRef>,
}

#[derive(Default)]
pub struct Registry {
    slots: Vec<Slot>,
    free: Vec<u32>,
    live: usize,
}

/// Ids are `generation * 2^32 + index`: exact in a JS Number while generation < 2^21.
const INDEX_SPAN: f64 = 4_294_967_296.0;
const GENERATION_MASK: u32 = (1 << 21) - 1;

fn split(id: f64) -> Option<(usize, u32)> {
    if !(id >= 0.0 && id.trunc() == id && id < INDEX_SPAN * (GENERATION_MASK as f64 + 1.0)) {
        return None;
    }
    // Integer halves, not f64 `%` (a libm call in wasm): every JS -> Python call starts here.
    let bits = id as u64;
    Some(((bits & 0xFFFF_FFFF) as usize, (bits >> 32) as u32))
}

impl Registry {
    pub fn insert(&mut self, object: PyObjectRef) -> f64 {
        self.live += 1;
        let index = match self.free.pop() {
            Some(i) => {
                self.slots[i as usize].object = Some(object);
                i
            }
            None => {
                self.slots.push(Slot { generation: 0, object: Some(object) });
                (self.slots.len() - 1) as u32
            }
        };
        self.slots[index as usize].generation as f64 * INDEX_SPAN + index as f64
    }

    pub fn get(&self, id: f64) -> Option<&PyObjectRef> {
        let (index, generation) = split(id)?;
        let slot = self.slots.get(index)?;
        if slot.generation != generation {
            return None;
        }
        slot.object.as_ref()
    }

    /// Frees the entry and hands back the object, which the caller drops outside any borrow
    /// of the registry (dropping it may run Python code that uses the registry).
    pub fn remove(&mut self, id: f64) -> Option<PyObjectRef> {
        let (index, generation) = split(id)?;
        let slot = self.slots.get_mut(index)?;
        if slot.generation != generation {
            return None;
        }
        let object = slot.object.take()?;
        slot.generation = (slot.generation + 1) & GENERATION_MASK;
        self.free.push(index as u32);
        self.live -= 1;
        Some(object)
    }

    pub fn live(&self) -> usize {
        self.live
    }
}
