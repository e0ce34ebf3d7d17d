//! A slab with generation-checked ids, for the tables that hand out handles to JavaScript (the
//! core's registry of the Python objects JS holds).
//!
//! A handle is only an id. Freeing an entry bumps its slot's generation, so a stale id (a second
//! destroy, a late FinalizationRegistry callback) finds nothing and does no harm. Each table has
//! its own tag in its ids, so an id from another table in the same realm never names an entry
//! here (it is recognised as foreign instead). Ids are JS Numbers, hence `f64`.

struct Slot<T> {
    generation: u32,
    object: Option<T>,
}

pub struct IdSlab<T> {
    slots: Vec<Slot<T>>,
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

impl<T> IdSlab<T> {
    /// A table whose ids carry `tag` (taken modulo 256).
    pub fn with_tag(tag: u32) -> Self {
        IdSlab { slots: Vec::new(), free: Vec::new(), live: 0, tag: tag & TAG_MASK }
    }

    /// Whether `id` was made by this table (live or not), as opposed to another runtime's.
    pub fn owns(&self, id: f64) -> bool {
        split(id).is_some_and(|(_, _, tag)| tag == self.tag)
    }

    pub fn insert(&mut self, object: T) -> f64 {
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

    pub fn get(&self, id: f64) -> Option<&T> {
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
    pub fn remove(&mut self, id: f64) -> Option<T> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_finds_its_entry_until_it_is_removed() {
        let mut slab = IdSlab::with_tag(3);
        let a = slab.insert("a");
        let b = slab.insert("b");
        assert_eq!((slab.get(a), slab.get(b), slab.live()), (Some(&"a"), Some(&"b"), 2));
        assert_eq!(slab.remove(a), Some("a"));
        assert_eq!((slab.get(a), slab.live()), (None, 1));
        assert_eq!(slab.remove(a), None, "a second remove is harmless");
        assert_eq!(slab.get(b), Some(&"b"));
    }

    #[test]
    fn a_reused_slot_does_not_answer_the_old_id() {
        let mut slab = IdSlab::with_tag(0);
        let old = slab.insert(1);
        slab.remove(old);
        let new = slab.insert(2);
        assert_ne!(old, new);
        assert_eq!(split(old).map(|s| s.0), split(new).map(|s| s.0), "the slot is reused");
        assert_eq!((slab.get(old), slab.get(new)), (None, Some(&2)));
        assert_eq!(slab.remove(old), None);
        assert_eq!(slab.live(), 1);
    }

    #[test]
    fn ids_of_another_tag_are_foreign() {
        let mut mine = IdSlab::with_tag(1);
        let mut theirs = IdSlab::with_tag(2);
        let id = theirs.insert("x");
        mine.insert("y");
        assert!(!mine.owns(id) && theirs.owns(id));
        assert_eq!(mine.get(id), None);
        assert_eq!(mine.remove(id), None);
        assert_eq!(IdSlab::<()>::with_tag(257).tag, 1, "tags are taken modulo 256");
    }

    #[test]
    fn malformed_ids_name_nothing() {
        let mut slab = IdSlab::with_tag(0);
        slab.insert(());
        for id in [-1.0, 0.5, f64::NAN, f64::INFINITY, -0.0 - 1.0, 2f64.powi(60), 1e300] {
            assert_eq!(slab.get(id), None, "{id}");
            assert!(!slab.owns(id) || id == 0.0);
        }
        assert_eq!(slab.get(0.0), Some(&()));
    }

    #[test]
    fn ids_stay_exact_numbers_as_generations_wrap() {
        let mut slab = IdSlab::with_tag(255);
        let mut id = slab.insert(0u32);
        for n in 1..5000u32 {
            slab.remove(id);
            id = slab.insert(n);
            assert!(id < 2f64.powi(53) && id.trunc() == id);
        }
        // Force the generation to its last value: the next one wraps to 0, still a valid id.
        slab.slots[0].generation = GENERATION_MASK;
        let last = slab.slots[0].generation as f64 * INDEX_SPAN + ((255u32 << TAG_SHIFT) | 0) as f64;
        assert_eq!(slab.get(last), Some(&4999));
        assert_eq!(slab.remove(last), Some(4999));
        let wrapped = slab.insert(7);
        assert_eq!(split(wrapped), Some((0, 0, 255)));
        assert_eq!(slab.get(last), None);
    }
}
