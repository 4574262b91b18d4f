//! [`Pools`]: a global allocator for small blocks, in the manner of
//! CPython's pymalloc. Requests of up to [`LARGEST`] bytes are served from
//! 16 KiB *pools*, each holding blocks of one size in 8-byte steps, with no
//! header per block: a `PyObject` in its `Rc` (72 bytes) takes 72 bytes,
//! where glibc makes an 80-byte chunk of it, and a three-value instance
//! body (48 bytes) takes 48, not 64. Larger requests go to the wrapped
//! system allocator. (256, not pymalloc's 512: with 512, the peak memory
//! of the dict- and set-heavy bench programs rose 0.5-3 MB, as blocks of
//! list and dict tables freed in one size could serve no other; with 128,
//! generator frames and exceptions went to glibc and back at every use.)
//!
//! A block's pool is found by rounding its address down to the pool size
//! (pools are aligned to it), and its size class comes from the layout
//! the program gives back with it, so freeing reads one header.
//!
//! Each thread allocates from a heap of its own, without atomics or locks:
//! per size class, a list of its pools with room (the first one serves
//! every request: its freed blocks, last freed first, then its never-used
//! ones), and a list of empty pools any class may take. A pool whose last
//! block is freed goes back to that list, unless it is its class's first
//! one (a loop making and dropping one object does not empty and refill a
//! pool each time; it goes once another pool comes first). So memory a
//! program stopped using for one size serves others. Once more than
//! [`EMPTY_POOLS_HELD`] empty pools hold their pages, all but the
//! [`EMPTY_POOLS_KEPT`] emptied last give them back to the system
//! (`MADV_DONTNEED`, all but the header's page) and wait on a list of
//! their own, taken only when no empty pool with pages is left: a program
//! that frees and remakes a few MiB of small objects in turns (a template
//! engine's output per render) reuses resident pools instead of faulting
//! every page in again each turn. Pools are cut from 1 MiB
//! regions mapped on their own and never unmapped.
//!
//! A block freed by another thread than its pool's owner is pushed onto
//! the owner heap's `remote` stack (one atomic compare-and-swap); the owner
//! takes the whole stack back when it next needs a pool. A heap outlives
//! its thread: when the thread ends, its heap goes to a list of abandoned
//! heaps, and the next thread to start takes it over, pools and all.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr::null_mut;
use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, Ordering};

/// The largest request served from pools.
pub const LARGEST: usize = 256;
/// The step between block sizes.
const GRAIN: usize = 8;
const CLASSES: usize = LARGEST / GRAIN;
/// Pools are aligned to their size: `address & !(POOL_SIZE - 1)` is the
/// header of the pool a block is in.
const POOL_SIZE: usize = 16 << 10;
/// The header's room at the start of a pool (a multiple of 16, so blocks
/// of sizes that are multiples of 16 are aligned to 16).
const HEADER: usize = 64;
/// The regions pools are cut from.
const REGION_SIZE: usize = 1 << 20;
/// Empty pools a heap keeps with their pages after giving the others'
/// back: 1 MiB.
pub const EMPTY_POOLS_KEPT: usize = 64;
/// Empty pools with their pages a heap lets pile up before it gives the
/// pages of all but [`EMPTY_POOLS_KEPT`] back: 4 MiB.
pub const EMPTY_POOLS_HELD: usize = 256;

/// A freed block: its first word links the next one.
struct Block {
    next: *mut Block,
}

#[repr(C)]
struct Pool {
    /// The heap that allocates from this pool.
    owner: *const Heap,
    /// Freed blocks, last freed first.
    free: *mut Block,
    /// The first never-used block, and where such blocks end.
    bump: *mut u8,
    end: *mut u8,
    /// Links in the class's list of pools with room, or in the heap's
    /// list of empty pools (`next` only).
    next: *mut Pool,
    prev: *mut Pool,
    /// Blocks handed out and not freed back.
    used: u32,
    /// The block size (a multiple of `GRAIN`); its class is `size / 8 - 1`.
    size: u32,
    /// Whether the pool is in its class's list (a full one is not).
    listed: bool,
}

const _: () = assert!(std::mem::size_of::<Pool>() <= HEADER);

/// One thread's pools. Only its owner thread touches the `Cell`s; other
/// threads only push onto `remote`.
struct Heap {
    /// Per class, the pools with room; the first one serves requests.
    with_room: [Cell<*mut Pool>; CLASSES],
    /// Empty pools with their pages (linked by `next`, emptied last
    /// first), and how many.
    empty: Cell<*mut Pool>,
    empty_count: Cell<usize>,
    /// Empty pools whose pages went back to the system.
    decommitted: Cell<*mut Pool>,
    /// The part of the current region not yet cut into pools.
    region_next: Cell<*mut u8>,
    region_end: Cell<*mut u8>,
    /// Blocks other threads freed, linked through their first word.
    remote: AtomicPtr<Block>,
    /// The next heap in the list of abandoned heaps.
    next_abandoned: Cell<*mut Heap>,
}

thread_local! {
    /// This thread's heap (null until its first allocation, and again
    /// once the thread is ending).
    static HEAP: Cell<*mut Heap> = const { Cell::new(null_mut()) };
    /// Gives the heap up when the thread ends.
    static RELEASE: Release = const { Release };
}

/// Heaps whose threads ended, waiting for a new thread to take them over.
struct Abandoned(*mut Heap);
// SAFETY: a heap on the list belongs to no thread; the mutex hands it to
// one.
unsafe impl Send for Abandoned {}
static ABANDONED: Mutex<Abandoned> = Mutex::new(Abandoned(null_mut()));

struct Release;

impl Drop for Release {
    fn drop(&mut self) {
        let heap = HEAP.with(|h| h.replace(null_mut()));
        if heap.is_null() {
            return;
        }
        let mut abandoned = ABANDONED.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the heap is alive (heaps are never freed) and no longer
        // this thread's.
        unsafe { (*heap).next_abandoned.set(abandoned.0) };
        abandoned.0 = heap;
    }
}

/// A global allocator serving small requests from pools of same-size
/// blocks (see the module's documentation) and larger ones from `System`.
///
/// ```
/// #[global_allocator]
/// static ALLOCATOR: krait_vm::memory::Pools = krait_vm::memory::Pools(std::alloc::System);
/// # fn main() {
/// let small: Vec<Box<[u64; 9]>> = (0..10_000).map(|i| Box::new([i; 9])).collect();
/// assert_eq!(small[9_999][8], 9_999);
/// let moved = std::thread::spawn(move || small.len()).join().unwrap();
/// assert_eq!(moved, 10_000);
/// # }
/// ```
pub struct Pools(pub System);

/// The size class of `layout`, if it is served from pools. A request
/// aligned to 16 gets a class whose blocks are multiples of 16 bytes
/// (hence aligned to 16: the header is too); a larger alignment is left
/// to `System`.
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    if size > LARGEST || layout.align() > 16 {
        return None;
    }
    let size = if layout.align() > GRAIN {
        (size + 15) & !15
    } else {
        size
    };
    // (`GlobalAlloc` is never asked for zero bytes; a zero would wrap to
    // a huge class and be refused.)
    Some(size.div_ceil(GRAIN).wrapping_sub(1)).filter(|&c| c < CLASSES)
}

#[inline(always)]
fn pool_of(block: *mut u8) -> *mut Pool {
    (block as usize & !(POOL_SIZE - 1)) as *mut Pool
}

#[inline(always)]
fn current_heap() -> *mut Heap {
    HEAP.with(Cell::get)
}

// SAFETY (for every `unsafe` block below): pools and heaps are never
// freed; a pool's fields are read and written only by the thread owning
// its heap (other threads compare `owner` and push onto the owner's
// atomic `remote` stack); a block handed out is the program's until it
// is given back with the same size class, which `class_of` derives from
// the layout the program must give back unchanged.
unsafe impl GlobalAlloc for Pools {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else {
            // SAFETY: the caller's contract, passed on.
            return unsafe { self.0.alloc(layout) };
        };
        let heap = current_heap();
        if !heap.is_null() {
            // SAFETY: see above.
            unsafe {
                let pool = (*heap).with_room[class].get();
                if !pool.is_null() {
                    let block = (*pool).free;
                    if !block.is_null() {
                        (*pool).free = (*block).next;
                        (*pool).used += 1;
                        return block as *mut u8;
                    }
                    let bump = (*pool).bump;
                    let size = (*pool).size as usize;
                    if (*pool).end as usize - bump as usize >= size {
                        (*pool).bump = bump.add(size);
                        (*pool).used += 1;
                        return bump;
                    }
                }
            }
        }
        // SAFETY: as above.
        unsafe { alloc_slow(class) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if class_of(layout).is_none() {
            // `calloc` leaves fresh pages untouched (they are zero): a
            // large zeroed vector costs no memory until it is written.
            // SAFETY: the caller's contract, passed on.
            return unsafe { self.0.alloc_zeroed(layout) };
        }
        // SAFETY: as `alloc`; the block has at least `layout.size()` bytes.
        unsafe {
            let block = self.alloc(layout);
            if !block.is_null() {
                std::ptr::write_bytes(block, 0, layout.size());
            }
            block
        }
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if class_of(layout).is_none() {
            // SAFETY: the caller's contract, passed on.
            return unsafe { self.0.dealloc(block, layout) };
        }
        let pool = pool_of(block);
        // SAFETY: see above.
        unsafe {
            let heap = current_heap();
            if !std::ptr::eq((*pool).owner, heap) {
                return free_remote(pool, block);
            }
            free_local(heap, pool, block as *mut Block);
        }
    }

    #[inline]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's alignment with its new size is a valid
        // layout (the caller's contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            // SAFETY: the caller's contract, passed on.
            (None, None) => unsafe { self.0.realloc(block, layout, new_size) },
            (Some(old), Some(new)) if old == new => block,
            _ => {
                // SAFETY: a new block, the old one's bytes that fit copied
                // into it, the old one given back.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

/// Gives `block` back to `pool`, which the thread's `heap` owns.
#[inline(always)]
unsafe fn free_local(heap: *mut Heap, pool: *mut Pool, block: *mut Block) {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        (*block).next = (*pool).free;
        (*pool).free = block;
        (*pool).used -= 1;
        if (*pool).used == 0 || !(*pool).listed {
            pool_changed(heap, pool);
        }
    }
}

/// A block of `class` when the first pool with room has none: the
/// thread's heap made or taken over, blocks other threads freed taken
/// back, full pools dropped from the list, an empty pool taken.
#[cold]
#[inline(never)]
unsafe fn alloc_slow(class: usize) -> *mut u8 {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        let mut heap = current_heap();
        if heap.is_null() {
            heap = adopt_heap();
            if heap.is_null() {
                return null_mut();
            }
        }
        take_back_remote(heap);
        let size = (class + 1) * GRAIN;
        loop {
            let pool = (*heap).with_room[class].get();
            if pool.is_null() {
                break;
            }
            if !(*pool).free.is_null() || (*pool).end as usize - (*pool).bump as usize >= size {
                return take_block(pool);
            }
            unlink(heap, pool);
        }
        let pool = empty_pool(heap);
        if pool.is_null() {
            return null_mut();
        }
        (*pool).owner = heap;
        (*pool).free = null_mut();
        (*pool).bump = (pool as *mut u8).add(HEADER);
        (*pool).end = (pool as *mut u8).add(HEADER + (POOL_SIZE - HEADER) / size * size);
        (*pool).used = 0;
        (*pool).size = size as u32;
        (*pool).listed = false;
        link_first(heap, pool);
        take_block(pool)
    }
}

/// A block of `pool`, which has one.
unsafe fn take_block(pool: *mut Pool) -> *mut u8 {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        (*pool).used += 1;
        let block = (*pool).free;
        if !block.is_null() {
            (*pool).free = (*block).next;
            return block as *mut u8;
        }
        let bump = (*pool).bump;
        (*pool).bump = bump.add((*pool).size as usize);
        bump
    }
}

/// After a block went back to `pool`: a full pool has room again (it
/// goes first in its class's list, as in pymalloc), an emptied one that
/// is not its class's first goes to the empty pools.
#[cold]
#[inline(never)]
unsafe fn pool_changed(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        let class = (*pool).size as usize / GRAIN - 1;
        if (*pool).used == 0 && (*heap).with_room[class].get() != pool {
            if (*pool).listed {
                unlink(heap, pool);
            }
            release(heap, pool);
        } else if !(*pool).listed {
            link_first(heap, pool);
        }
    }
}

unsafe fn link_first(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        let class = (*pool).size as usize / GRAIN - 1;
        let mut first = (*heap).with_room[class].get();
        if !first.is_null() && (*first).used == 0 {
            // An empty first pool kept for its class's churn: no longer
            // first, it is free for any class.
            unlink(heap, first);
            release(heap, first);
            first = (*heap).with_room[class].get();
        }
        (*pool).prev = null_mut();
        (*pool).next = first;
        if !first.is_null() {
            (*first).prev = pool;
        }
        (*heap).with_room[class].set(pool);
        (*pool).listed = true;
    }
}

unsafe fn unlink(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        let class = (*pool).size as usize / GRAIN - 1;
        let (prev, next) = ((*pool).prev, (*pool).next);
        if prev.is_null() {
            (*heap).with_room[class].set(next);
        } else {
            (*prev).next = next;
        }
        if !next.is_null() {
            (*next).prev = prev;
        }
        (*pool).listed = false;
    }
}

/// Puts an empty pool on the heap's list of empty ones; when too many
/// hold their pages, gives back those of all but the last emptied.
unsafe fn release(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        (*pool).size = 0;
        (*pool).next = (*heap).empty.get();
        (*heap).empty.set(pool);
        (*heap).empty_count.set((*heap).empty_count.get() + 1);
        if (*heap).empty_count.get() > EMPTY_POOLS_HELD {
            decommit_all_but_kept(heap);
        }
    }
}

/// Moves the empty pools after the first [`EMPTY_POOLS_KEPT`] to the
/// decommitted list, giving their pages back.
#[cold]
unsafe fn decommit_all_but_kept(heap: *mut Heap) {
    // SAFETY: see `GlobalAlloc for Pools`; the list holds
    // `empty_count` pools.
    unsafe {
        let mut last_kept = (*heap).empty.get();
        for _ in 1..EMPTY_POOLS_KEPT {
            last_kept = (*last_kept).next;
        }
        let mut pool = (*last_kept).next;
        (*last_kept).next = null_mut();
        while !pool.is_null() {
            let next = (*pool).next;
            decommit(pool);
            (*pool).next = (*heap).decommitted.get();
            (*heap).decommitted.set(pool);
            pool = next;
        }
        (*heap).empty_count.set(EMPTY_POOLS_KEPT);
    }
}

/// Gives the pages of an empty pool after its header's back to the
/// system: they read as zeros when touched again.
#[cfg(unix)]
unsafe fn decommit(pool: *mut Pool) {
    use std::sync::atomic::AtomicUsize;
    static PAGE: AtomicUsize = AtomicUsize::new(0);
    let mut page = PAGE.load(Ordering::Relaxed);
    if page == 0 {
        // SAFETY: `sysconf` has no preconditions.
        page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(0);
        PAGE.store(page, Ordering::Relaxed);
    }
    if page == 0 || page >= POOL_SIZE || !POOL_SIZE.is_multiple_of(page) {
        return;
    }
    // SAFETY: the range is inside the pool, which is this heap's and
    // holds no block in use; the header's page is kept.
    unsafe {
        libc::madvise(
            (pool as *mut u8).add(page) as *mut libc::c_void,
            POOL_SIZE - page,
            libc::MADV_DONTNEED,
        );
    }
}

#[cfg(not(unix))]
unsafe fn decommit(_pool: *mut Pool) {}

/// An empty pool: one the heap kept, or a new one cut from its region
/// (a new region when that is used up). Null when the system has no
/// memory left.
unsafe fn empty_pool(heap: *mut Heap) -> *mut Pool {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        let pool = (*heap).empty.get();
        if !pool.is_null() {
            (*heap).empty.set((*pool).next);
            (*heap).empty_count.set((*heap).empty_count.get() - 1);
            return pool;
        }
        let pool = (*heap).decommitted.get();
        if !pool.is_null() {
            (*heap).decommitted.set((*pool).next);
            return pool;
        }
        if (*heap).region_next.get() == (*heap).region_end.get() {
            let region = map_region();
            if region.is_null() {
                return null_mut();
            }
            (*heap).region_next.set(region);
            (*heap).region_end.set(region.add(REGION_SIZE));
        }
        let pool = (*heap).region_next.get();
        (*heap).region_next.set(pool.add(POOL_SIZE));
        pool as *mut Pool
    }
}

/// A new region of `REGION_SIZE` bytes aligned to `POOL_SIZE`, mapped
/// on its own: in glibc's heap, regions standing between large blocks
/// kept it from giving their memory back when they were freed (its top
/// is trimmed, its middle is not), and peak memory rose.
#[cfg(unix)]
unsafe fn map_region() -> *mut u8 {
    // SAFETY: an anonymous private mapping, then the parts of it before
    // the first aligned address and after the region unmapped.
    unsafe {
        let length = REGION_SIZE + POOL_SIZE;
        let mapped = libc::mmap(
            std::ptr::null_mut(),
            length,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if mapped == libc::MAP_FAILED {
            return null_mut();
        }
        let start = mapped as usize;
        let aligned = (start + POOL_SIZE - 1) & !(POOL_SIZE - 1);
        if aligned > start {
            libc::munmap(mapped, aligned - start);
        }
        let tail = start + length - (aligned + REGION_SIZE);
        if tail > 0 {
            libc::munmap((aligned + REGION_SIZE) as *mut libc::c_void, tail);
        }
        aligned as *mut u8
    }
}

#[cfg(not(unix))]
unsafe fn map_region() -> *mut u8 {
    // SAFETY: a valid, non-zero layout.
    unsafe { System.alloc(Layout::from_size_align_unchecked(REGION_SIZE, POOL_SIZE)) }
}

/// Frees `block` of a pool another thread's heap owns.
#[cold]
#[inline(never)]
unsafe fn free_remote(pool: *mut Pool, block: *mut u8) {
    // SAFETY: see `GlobalAlloc for Pools`; `owner` is written only while
    // the pool has no block handed out, so it is stable while one is.
    unsafe {
        let heap = &*(*pool).owner;
        let block = block as *mut Block;
        let mut first = heap.remote.load(Ordering::Relaxed);
        loop {
            (*block).next = first;
            match heap.remote.compare_exchange_weak(
                first,
                block,
                Ordering::Release,
                Ordering::Relaxed,
            ) {
                Ok(_) => return,
                Err(now) => first = now,
            }
        }
    }
}

/// Frees, as their owner, the blocks other threads freed.
unsafe fn take_back_remote(heap: *mut Heap) {
    // SAFETY: see `GlobalAlloc for Pools`.
    unsafe {
        let mut block = (*heap).remote.swap(null_mut(), Ordering::Acquire);
        while !block.is_null() {
            let next = (*block).next;
            free_local(heap, pool_of(block as *mut u8), block);
            block = next;
        }
    }
}

/// Gives this thread a heap: an abandoned one, or a new one. Null when
/// the system has no memory left.
#[cold]
unsafe fn adopt_heap() -> *mut Heap {
    let taken = {
        let mut abandoned = ABANDONED.lock().unwrap_or_else(|e| e.into_inner());
        let heap = abandoned.0;
        if !heap.is_null() {
            // SAFETY: heaps on the list are alive and nobody's.
            abandoned.0 = unsafe { (*heap).next_abandoned.get() };
        }
        heap
    };
    let heap = if taken.is_null() {
        // SAFETY: a `Heap` is a valid layout; it is written before use.
        let heap = unsafe { System.alloc(Layout::new::<Heap>()) } as *mut Heap;
        if heap.is_null() {
            return heap;
        }
        // SAFETY: freshly allocated for it.
        unsafe {
            heap.write(Heap {
                with_room: [const { Cell::new(null_mut()) }; CLASSES],
                empty: Cell::new(null_mut()),
                empty_count: Cell::new(0),
                decommitted: Cell::new(null_mut()),
                region_next: Cell::new(null_mut()),
                region_end: Cell::new(null_mut()),
                remote: AtomicPtr::new(null_mut()),
                next_abandoned: Cell::new(null_mut()),
            })
        };
        heap
    } else {
        taken
    };
    // Set before `RELEASE` is first touched: registering its destructor
    // may allocate, and must find the heap.
    HEAP.with(|h| h.set(heap));
    // (Fails while the thread is ending: the heap then stays with it.)
    let _ = RELEASE.try_with(|_| ());
    heap
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn classes_round_up_to_eight_and_sixteen() {
        let class = |size, align| class_of(layout(size, align));
        assert_eq!(class(1, 1), Some(0));
        assert_eq!(class(8, 8), Some(0));
        assert_eq!(class(72, 8), Some(8));
        assert_eq!(class(72, 16), Some(9));
        assert_eq!(class(80, 16), Some(9));
        assert_eq!(class(LARGEST, 8), Some(CLASSES - 1));
        assert_eq!(class(LARGEST + 1, 8), None);
        assert_eq!(class(64, 32), None);
    }

    /// Every block of every class is aligned as its layouts ask, lies in
    /// its pool after the header, and does not overlap another.
    #[test]
    fn blocks_are_aligned_and_distinct() {
        let pools = Pools(System);
        for size in (1..=LARGEST).step_by(7).chain([8, 16, 72, LARGEST]) {
            for align in [1, 8, 16] {
                let layout = layout(size, align);
                let blocks: Vec<*mut u8> =
                    (0..300).map(|_| unsafe { pools.alloc(layout) }).collect();
                let mut starts: Vec<usize> = blocks.iter().map(|&b| b as usize).collect();
                starts.sort();
                for pair in starts.windows(2) {
                    assert!(pair[1] - pair[0] >= size, "size {size}");
                }
                for &b in &blocks {
                    assert_eq!(b as usize % align.max(8), 0, "size {size} align {align}");
                    assert!(b as usize - pool_of(b) as usize >= HEADER);
                    unsafe { b.write_bytes(0x5A, size) };
                }
                for &b in &blocks {
                    unsafe { pools.dealloc(b, layout) };
                }
            }
        }
    }

    #[test]
    fn a_freed_block_is_handed_out_again_for_its_class_only() {
        let pools = Pools(System);
        unsafe {
            let first = pools.alloc(layout(72, 8));
            first.write_bytes(7, 72);
            pools.dealloc(first, layout(72, 8));
            // 65..=72 bytes are one class.
            let again = pools.alloc(layout(65, 8));
            assert_eq!(again, first);
            let other = pools.alloc(layout(24, 8));
            assert_ne!(other, first);
            pools.dealloc(other, layout(24, 8));
            pools.dealloc(again, layout(65, 8));
        }
    }

    #[test]
    fn a_block_is_zeroed_when_asked_and_keeps_contents_when_moved() {
        let pools = Pools(System);
        unsafe {
            let dirty = pools.alloc(layout(40, 8));
            dirty.write_bytes(0xAB, 40);
            pools.dealloc(dirty, layout(40, 8));
            let zeroed = pools.alloc_zeroed(layout(40, 8));
            assert_eq!(zeroed, dirty);
            assert!((0..40).all(|i| *zeroed.add(i) == 0));
            for i in 0..40 {
                *zeroed.add(i) = i as u8;
            }
            // Within its class: the same block.
            let same = pools.realloc(zeroed, layout(40, 8), 35);
            assert_eq!(same, zeroed);
            // To another class, past the pools, and back.
            let bigger = pools.realloc(same, layout(35, 8), 200);
            assert!((0..35).all(|i| *bigger.add(i) == i as u8));
            let grown = pools.realloc(bigger, layout(200, 8), 4000);
            assert!((0..35).all(|i| *grown.add(i) == i as u8));
            let shrunk = pools.realloc(grown, layout(4000, 8), 100);
            assert!((0..35).all(|i| *shrunk.add(i) == i as u8));
            pools.dealloc(shrunk, layout(100, 8));
        }
    }

    #[test]
    fn large_and_overaligned_requests_go_to_the_system() {
        let pools = Pools(System);
        unsafe {
            let aligned = pools.alloc(layout(64, 64));
            assert_eq!(aligned as usize % 64, 0);
            pools.dealloc(aligned, layout(64, 64));
            let big = pools.alloc(layout(1000, 8));
            big.write_bytes(1, 1000);
            pools.dealloc(big, layout(1000, 8));
        }
    }

    /// Pools emptied of one class serve another; the class's first pool
    /// stays for it.
    #[test]
    fn emptied_pools_serve_other_classes() {
        let pools = Pools(System);
        let per_pool = (POOL_SIZE - HEADER) / 96;
        unsafe {
            let blocks: Vec<*mut u8> = (0..per_pool * 6)
                .map(|_| pools.alloc(layout(96, 8)))
                .collect();
            let used: std::collections::HashSet<usize> =
                blocks.iter().map(|&b| pool_of(b) as usize).collect();
            assert!(used.len() >= 6);
            for &b in &blocks {
                pools.dealloc(b, layout(96, 8));
            }
            let heap = current_heap();
            assert!((*heap).empty_count.get() >= 5);
            // (The thread's heap may have a pool of 40-byte blocks with
            // room already: one pool's worth more.)
            let per_other = (POOL_SIZE - HEADER) / 40;
            let others: Vec<*mut u8> = (0..per_other * 5)
                .map(|_| pools.alloc(layout(40, 8)))
                .collect();
            let reused = others
                .iter()
                .filter(|&&b| used.contains(&(pool_of(b) as usize)))
                .count();
            assert!(reused >= per_other * 3, "{reused}");
            for &b in &others {
                pools.dealloc(b, layout(40, 8));
            }
        }
    }

    /// Past `EMPTY_POOLS_HELD` empty pools, all but the last emptied give
    /// their pages back; new pools come from those that kept theirs
    /// first.
    #[test]
    fn resident_empty_pools_are_reused_first() {
        let pools = Pools(System);
        let per_pool = (POOL_SIZE - HEADER) / 248;
        unsafe {
            let blocks: Vec<*mut u8> = (0..per_pool * (EMPTY_POOLS_HELD + 40))
                .map(|_| pools.alloc(layout(248, 8)))
                .collect();
            for &b in &blocks {
                pools.dealloc(b, layout(248, 8));
            }
            let heap = current_heap();
            let resident = (*heap).empty_count.get();
            assert!(
                (EMPTY_POOLS_KEPT..=EMPTY_POOLS_HELD).contains(&resident),
                "{resident}"
            );
            assert!(!(*heap).decommitted.get().is_null());
            let kept: std::collections::HashSet<usize> = {
                let mut seen = std::collections::HashSet::new();
                let mut pool = (*heap).empty.get();
                while !pool.is_null() {
                    seen.insert(pool as usize);
                    pool = (*pool).next;
                }
                seen
            };
            assert_eq!(kept.len(), resident);
            let again: Vec<*mut u8> = (0..per_pool * (resident - 1))
                .map(|_| pools.alloc(layout(248, 8)))
                .collect();
            let from_decommitted = again
                .iter()
                .filter(|&&b| !kept.contains(&(pool_of(b) as usize)))
                .count();
            // Only the class's own pool with room may lie outside them.
            assert!(from_decommitted <= per_pool, "{from_decommitted}");
            for &b in &again {
                pools.dealloc(b, layout(248, 8));
            }
        }
    }

    /// A block freed on another thread comes back to its pool's owner
    /// when the owner next needs a pool.
    #[test]
    fn blocks_freed_by_another_thread_come_back() {
        let pools = Pools(System);
        let per_pool = (POOL_SIZE - HEADER) / 136;
        let blocks: Vec<usize> = (0..per_pool * 3)
            .map(|_| unsafe { pools.alloc(layout(136, 8)) } as usize)
            .collect();
        let freed = blocks.clone();
        std::thread::spawn(move || {
            let pools = Pools(System);
            for b in freed {
                unsafe { pools.dealloc(b as *mut u8, layout(136, 8)) };
            }
        })
        .join()
        .unwrap();
        unsafe {
            let heap = current_heap();
            assert!(!(*heap).remote.load(Ordering::Acquire).is_null());
            let again: Vec<usize> = (0..per_pool * 3)
                .map(|_| pools.alloc(layout(136, 8)) as usize)
                .collect();
            assert!((*heap).remote.load(Ordering::Acquire).is_null());
            let pools_before: std::collections::HashSet<usize> = blocks
                .iter()
                .map(|&b| pool_of(b as *mut u8) as usize)
                .collect();
            assert!(
                again
                    .iter()
                    .all(|&b| pools_before.contains(&(pool_of(b as *mut u8) as usize)))
            );
            for b in again {
                pools.dealloc(b as *mut u8, layout(136, 8));
            }
        }
    }
}
