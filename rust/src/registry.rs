//! The table of Python objects that JavaScript holds: a slab with generation-checked ids.
//!
//! A JS PyProxy holds only an id. Freeing an entry bumps its slot's generation, so a stale id
//! (a second destroy, a late FinalizationRegistry callback) finds nothing and does no harm.
//! Each runtime's table has its own tag in its ids, so an id from another runtime in the same
//! realm never names an object here (it is recognised as foreign instead).

use rustpython_vm::PyObjectRef;

struct Slot {
    generation: u32,
    object: Option<PyObjectRef>,
}

pub struct Registry {
    slots: Vec<Slot>,
    free: Vec<u32>,
    live: usize,
    tag: u32,
}

/// Ids are `generation * 2^32 + tag * 2^24 + index`: exact in a JS Number while generation
/// < 2^21; up to 2^24 live entries per runtime; tags tell up to 256 live runtimes apart.
const INDEX_SPAN: f64 = 4_294_967_296.0;
const GENERATION_MASK: u32 = (1 << 21) - 1;
const TAG_SHIFT: u32 = 24;
const INDEX_MASK: u32 = (1 << TAG_SHIFT) - 1;
const TAG_MASK: u32 = 0xFF;

/// `(index, generation, tag)` of a well-formed id.
fn split(id: f64) -> Option<(usize, u32, u32)> {
    if !(id >= 0.0 && id.trunc() == id && id < INDEX_SPAN * (GENERATION_MASK as f64 + 1.0)) {
        return None;
    }
    // Integer halves, not f64 `%` (a libm call in wasm): every JS -> Python call starts here.
    let bits = id as u64;
    let low = (bits & 0xFFFF_FFFF) as u32;
    Some(((low & INDEX_MASK) as usize, (bits >> 32) as u32, low >> TAG_SHIFT))
}

impl Registry {
    /// A table whose ids carry `tag` (taken modulo 256).
    pub fn with_tag(tag: u32) -> Self {
        Registry { slots: Vec::new(), free: Vec::new(), live: 0, tag: tag & TAG_MASK }
    }

    /// Whether `id` was made by this table (live or not), as opposed to another runtime's.
    pub fn owns(&self, id: f64) -> bool {
        split(id).is_some_and(|(_, _, tag)| tag == self.tag)
    }

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
        self.slots[index as usize].generation as f64 * INDEX_SPAN + ((self.tag << TAG_SHIFT) | index) as f64
    }

    pub fn get(&self, id: f64) -> Option<&PyObjectRef> {
        let (index, generation, tag) = split(id)?;
        if tag != self.tag {
            return None;
        }
        let slot = self.slots.get(index)?;
        if slot.generation != generation {
            return None;
        }
        slot.object.as_ref()
    }

    /// Frees the entry and hands back the object, which the caller drops outside any borrow
    /// of the registry (dropping it may run Python code that uses the registry).
    pub fn remove(&mut self, id: f64) -> Option<PyObjectRef> {
        let (index, generation, tag) = split(id)?;
        if tag != self.tag {
            return None;
        }
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

