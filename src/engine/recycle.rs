//! The program's allocator: the system's, with a small shelf of freed blocks of middling size
//! handed back to the next request of exactly that size.
//!
//! A training loop makes the same arrays every iteration (a batch of 100 × 64 floats, the
//! hidden layer's 100 × 50, its mask, each gradient) and drops them at the next collection.
//! For blocks of these sizes (4 KB to 1 MB) glibc's `malloc` searches its bins, splits and
//! merges chunks and tidies its fast bins on the way, which a profile of the digits loop put at
//! about a tenth of its time. Here a freed block of such a size waits on the shelf, and the
//! next request of the same size takes it back with a look along a short table.
//!
//! Bounds: at most `SLOTS` blocks and `MAX_HELD` bytes wait at any time; a block that does not
//! fit goes back to the system at once, and when every slot is taken the oldest one is given
//! back to make room. Zeroed requests (`vec![0.0; n]`, `zeros`) go to the system, whose fresh
//! pages are zero already. The shelf is behind a lock that is only ever tried, never waited
//! for: a thread that finds it taken goes to the system, so no thread waits on another.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};

/// Blocks below this size are the quick case of `malloc` already (its per-thread cache).
const MIN_SIZE: usize = 4 << 10;
/// Blocks above this size are rare in a loop and `malloc` maps them on their own.
const MAX_SIZE: usize = 1 << 20;
/// How many freed blocks wait at most.
const SLOTS: usize = 32;
/// How many bytes wait at most.
const MAX_HELD: usize = 8 << 20;
/// The largest alignment `malloc` gives every block (so any block fits any such request).
const MAX_ALIGN: usize = 16;

/// The system's allocator with a shelf of freed blocks. See the module's notes.
pub struct Recycler {
    busy: AtomicBool,
    shelf: UnsafeCell<Shelf>,
}

// SAFETY: the shelf is only touched by the thread that set `busy` (see `Recycler::with`).
unsafe impl Sync for Recycler {}

struct Shelf {
    /// The size of the block in each slot; 0 for an empty slot.
    sizes: [usize; SLOTS],
    blocks: [*mut u8; SLOTS],
    /// The bytes the shelf holds.
    held: usize,
    /// The slot to give back next when every slot is taken (oldest first, round the table).
    next_out: usize,
}

impl Recycler {
    pub const fn new() -> Recycler {
        Recycler {
            busy: AtomicBool::new(false),
            shelf: UnsafeCell::new(Shelf {
                sizes: [0; SLOTS],
                blocks: [std::ptr::null_mut(); SLOTS],
                held: 0,
                next_out: 0,
            }),
        }
    }

    /// `f` on the shelf, if no other thread has it now.
    fn with<R>(&self, f: impl FnOnce(&mut Shelf) -> R) -> Option<R> {
        self.busy
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .ok()?;
        // SAFETY: `busy` was false and is now ours: no other reference to the shelf exists
        // until it is set back below.
        let result = f(unsafe { &mut *self.shelf.get() });
        self.busy.store(false, Ordering::Release);
        Some(result)
    }
}

impl Default for Recycler {
    fn default() -> Self {
        Recycler::new()
    }
}

/// Whether a block of this layout may wait on the shelf or be taken from it.
fn shelved(layout: Layout) -> bool {
    layout.align() <= MAX_ALIGN && (MIN_SIZE..=MAX_SIZE).contains(&layout.size())
}

impl Shelf {
    /// A waiting block of exactly `size` bytes, taken off the shelf.
    fn take(&mut self, size: usize) -> Option<*mut u8> {
        let slot = self.sizes.iter().position(|&s| s == size)?;
        self.sizes[slot] = 0;
        self.held -= size;
        Some(self.blocks[slot])
    }

    /// Puts `block` of `size` bytes on the shelf, giving back to the system (through `out`)
    /// as many waiting blocks as it takes to make room, in turn round the table.
    fn keep(&mut self, block: *mut u8, size: usize, out: &mut impl FnMut(*mut u8, usize)) {
        let mut free_slot = self.sizes.iter().position(|&s| s == 0);
        while free_slot.is_none() || self.held + size > MAX_HELD {
            let slot = self.next_out;
            self.next_out = (slot + 1) % SLOTS;
            if self.sizes[slot] != 0 {
                out(self.blocks[slot], self.sizes[slot]);
                self.held -= self.sizes[slot];
                self.sizes[slot] = 0;
                free_slot = free_slot.or(Some(slot));
            }
        }
        let slot = free_slot.expect("the loop above made room");
        self.sizes[slot] = size;
        self.blocks[slot] = block;
        self.held += size;
    }
}

// SAFETY: every block handed out comes from `System` with a layout of its size and an
// alignment it satisfies (`malloc` aligns every block to `MAX_ALIGN`), and every block
// given back goes to `System` under a layout of its own size with such an alignment, which
// `System` frees with `free` whatever the exact layout.
unsafe impl GlobalAlloc for Recycler {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if shelved(layout)
            && let Some(Some(block)) = self.with(|shelf| shelf.take(layout.size()))
        {
            return block;
        }
        // SAFETY: the caller's layout has a non-zero size.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let to_system = |block: *mut u8, size: usize| {
            // SAFETY: `block` came from `System` with `size` bytes and an alignment of at most
            // `MAX_ALIGN` (or is the caller's own block, with the caller's layout).
            unsafe {
                let layout = Layout::from_size_align_unchecked(size, layout.align().min(MAX_ALIGN));
                System.dealloc(block, layout)
            }
        };
        let mut to_system = to_system;
        if !(shelved(layout)
            && self
                .with(|shelf| shelf.keep(ptr, layout.size(), &mut to_system))
                .is_some())
        {
            // SAFETY: the caller's block, with the caller's layout.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `System` (directly or through the shelf) with `layout`'s size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_block_goes_to_the_next_request_of_its_size_only() {
        let recycler = Recycler::new();
        let layout = Layout::from_size_align(40_000, 8).unwrap();
        // SAFETY: layouts of non-zero size; each block is freed once with its own layout.
        unsafe {
            let first = recycler.alloc(layout);
            recycler.dealloc(first, layout);
            let other = Layout::from_size_align(40_008, 8).unwrap();
            let second = recycler.alloc(other);
            assert_ne!(first, second, "another size does not take it");
            let third = recycler.alloc(layout);
            assert_eq!(first, third, "the same size takes it back");
            recycler.dealloc(second, other);
            recycler.dealloc(third, layout);
        }
        recycler
            .with(|shelf| assert_eq!(shelf.held, 80_008))
            .unwrap();
    }

    #[test]
    fn the_shelf_holds_no_more_than_its_bounds() {
        let recycler = Recycler::new();
        let layout = Layout::from_size_align(MAX_SIZE, 8).unwrap();
        let small = Layout::from_size_align(8 << 10, 8).unwrap();
        // SAFETY: as above.
        unsafe {
            let blocks: Vec<*mut u8> = (0..12).map(|_| recycler.alloc(layout)).collect();
            for &block in &blocks {
                recycler.dealloc(block, layout);
            }
            recycler
                .with(|shelf| assert!(shelf.held <= MAX_HELD))
                .unwrap();
            let smalls: Vec<*mut u8> = (0..2 * SLOTS).map(|_| recycler.alloc(small)).collect();
            for &block in &smalls {
                recycler.dealloc(block, small);
            }
        }
        recycler
            .with(|shelf| {
                assert!(shelf.held <= MAX_HELD);
                assert_eq!(shelf.sizes.iter().filter(|&&s| s != 0).count(), SLOTS);
                // The newest blocks stayed; the oldest went back to the system.
                assert!(shelf.sizes.iter().all(|&s| s == 8 << 10));
            })
            .unwrap();
    }

    #[test]
    fn small_large_and_zeroed_requests_go_to_the_system() {
        let recycler = Recycler::new();
        for size in [64, MAX_SIZE + 8] {
            let layout = Layout::from_size_align(size, 8).unwrap();
            // SAFETY: as above.
            unsafe {
                let block = recycler.alloc(layout);
                recycler.dealloc(block, layout);
            }
        }
        recycler.with(|shelf| assert_eq!(shelf.held, 0)).unwrap();
        let layout = Layout::from_size_align(40_000, 8).unwrap();
        // SAFETY: as above; the zeroed block is read within its size.
        unsafe {
            let block = recycler.alloc(layout);
            block.write_bytes(0xff, 40_000);
            recycler.dealloc(block, layout);
            let zeroed = recycler.alloc_zeroed(layout);
            assert_ne!(
                zeroed, block,
                "the shelved block is not handed out as zeroed"
            );
            assert!(
                (0..40_000).all(|i| *zeroed.add(i) == 0),
                "zeroed means zeroed"
            );
            recycler.dealloc(zeroed, layout);
            assert_eq!(
                recycler.alloc(layout),
                block,
                "the oldest of its size first"
            );
        }
    }
}
