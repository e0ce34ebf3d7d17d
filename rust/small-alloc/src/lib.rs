//! The wasm build's global allocator (installed in the core's lib.rs): size-class free lists for small blocks in front of the
//! system allocator (dlmalloc on wasm32).
//!
//! Why: every Python int, float, str and list RustPython creates is one small heap block, and
//! dlmalloc's bin search, coalescing and splitting cost more than building the object. A block
//! freed here goes on its class's list and the next request of that class pops it, as CPython's
//! pymalloc does. Small blocks are never handed back to dlmalloc; wasm memory never shrinks
//! anyway, and a freed block serves the next object of similar size.
//!
//! Single-threaded by construction: wasm32-unknown-unknown without the atomics feature has one
//! thread, so the state needs no lock.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::{self, null_mut};

/// Blocks are multiples of this; it is also the largest alignment served from the free lists.
const GRAIN: usize = 8;
/// Requests above this go to the system allocator.
const MAX_SMALL: usize = 256;
const CLASSES: usize = MAX_SMALL / GRAIN;
/// Fresh blocks are cut from regions of this size taken from the system allocator.
const REGION: usize = 256 * 1024;

struct FreeBlock {
    next: *mut FreeBlock,
}

struct State {
    free: [*mut FreeBlock; CLASSES],
    /// The unused tail of the newest region.
    bump: *mut u8,
    bump_end: *mut u8,
}

pub struct SmallAlloc<A> {
    state: UnsafeCell<State>,
    system: A,
}

// SAFETY: only used where there is a single thread (see the module comment); the native tests
// use their own instances from one thread.
unsafe impl<A: Sync> Sync for SmallAlloc<A> {}

/// The class of a request, or `None` for one the free lists do not serve.
#[inline(always)]
fn class_of(layout: &Layout) -> Option<usize> {
    let size = layout.size();
    if size == 0 || size > MAX_SMALL || layout.align() > GRAIN {
        return None;
    }
    Some((size - 1) / GRAIN)
}

impl<A: GlobalAlloc> SmallAlloc<A> {
    pub const fn new(system: A) -> Self {
        SmallAlloc {
            state: UnsafeCell::new(State { free: [null_mut(); CLASSES], bump: null_mut(), bump_end: null_mut() }),
            system,
        }
    }

    /// A never-used block of `class`, cut from the current region or a new one.
    #[cold]
    unsafe fn carve(&self, state: &mut State, class: usize) -> *mut u8 {
        let size = (class + 1) * GRAIN;
        if (state.bump_end as usize) - (state.bump as usize) < size {
            // The old region's tail (less than one block of this class) is dropped: at most
            // MAX_SMALL bytes per REGION.
            let region = unsafe { self.system.alloc(Layout::from_size_align_unchecked(REGION, GRAIN)) };
            if region.is_null() {
                return null_mut();
            }
            state.bump = region;
            state.bump_end = unsafe { region.add(REGION) };
        }
        let block = state.bump;
        state.bump = unsafe { block.add(size) };
        block
    }
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallAlloc<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(&layout) else {
            return unsafe { self.system.alloc(layout) };
        };
        let state = unsafe { &mut *self.state.get() };
        let head = state.free[class];
        if head.is_null() {
            return unsafe { self.carve(state, class) };
        }
        state.free[class] = unsafe { (*head).next };
        head.cast()
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class_of(&layout) else {
            return unsafe { self.system.dealloc(ptr, layout) };
        };
        let state = unsafe { &mut *self.state.get() };
        let block = ptr.cast::<FreeBlock>();
        unsafe { (*block).next = state.free[class] };
        state.free[class] = block;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(&layout), class_of(&new_layout)) {
            (None, None) => unsafe { self.system.realloc(ptr, layout, new_size) },
            (Some(a), Some(b)) if a == b => ptr,
            _ => {
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    unsafe {
                        ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                new
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).expect("valid layout")
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_class() {
        let a = SmallAlloc::new(System);
        unsafe {
            let p = a.alloc(layout(40, 8));
            a.dealloc(p, layout(40, 8));
            // 33..=40 bytes share a class; 48 does not.
            assert_eq!(a.alloc(layout(33, 4)), p);
            assert_ne!(a.alloc(layout(48, 8)), p);
        }
    }

    #[test]
    fn live_blocks_are_distinct_aligned_and_keep_their_bytes() {
        let a = SmallAlloc::new(System);
        let mut blocks = Vec::new();
        unsafe {
            // Enough blocks to span several regions, in every class.
            for i in 0..40_000usize {
                let size = 1 + i % MAX_SMALL;
                let p = a.alloc(layout(size, 1 << (i % 4)));
                assert!(!p.is_null());
                assert_eq!(p as usize % (1 << (i % 4)), 0);
                ptr::write_bytes(p, (i % 251) as u8, size);
                blocks.push((p, size, i));
                if i % 3 == 0 {
                    let (q, s, j) = blocks.swap_remove(i % blocks.len());
                    a.dealloc(q, layout(s, 1 << (j % 4)));
                }
            }
            for &(p, size, i) in &blocks {
                assert!((0..size).all(|k| *p.add(k) == (i % 251) as u8), "block {i} was overwritten");
            }
        }
    }

    #[test]
    fn realloc_keeps_the_contents_across_classes_and_into_the_system_allocator() {
        let a = SmallAlloc::new(System);
        unsafe {
            let mut p = a.alloc(layout(8, 8));
            ptr::copy_nonoverlapping(b"pyffi!!!".as_ptr(), p, 8);
            let mut size = 8;
            for new_size in [12, 100, 256, 257, 4096, 200, 16] {
                p = a.realloc(p, layout(size, 8), new_size);
                assert!(!p.is_null());
                size = new_size;
                assert_eq!(std::slice::from_raw_parts(p, 8), b"pyffi!!!");
            }
            a.dealloc(p, layout(size, 8));
        }
    }

    #[test]
    fn large_and_overaligned_requests_go_to_the_system_allocator() {
        assert_eq!(class_of(&layout(257, 8)), None);
        assert_eq!(class_of(&layout(16, 16)), None);
        assert_eq!(class_of(&layout(0, 1)), None);
        assert_eq!(class_of(&layout(256, 8)), Some(CLASSES - 1));
    }
}
