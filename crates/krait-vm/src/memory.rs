//! Memory accounting for the memory limit (issue 17).
//!
//! [`Accounting`] wraps the program's global allocator and keeps, per
//! thread, the bytes allocated on that thread and not yet freed: a VM is
//! single-threaded, so its thread's count is its memory (plus whatever
//! else the host does on that thread). A binary opts in with
//! `#[global_allocator]` (the `krait` command does); [`is_counting`] tells
//! whether it did.
//!
//! The allocator only counts: it cannot fail an allocation without
//! aborting the process. The limit is enforced around it:
//!
//! - a *ceiling* per thread ([`set_ceiling`]); the VM compares the count
//!   with it between instructions and stops the run
//!   ([`Limit::Memory`](crate::interpreter::observe::Limit::Memory)) once
//!   it is passed;
//! - every allocation whose size a program chooses in one operation
//!   (`'x' * n`, `[0] * n`, `bytearray(n)`, `str.ljust(n)`, `2 ** n`...)
//!   asks first ([`reserve`], [`vec_with_capacity`]): one that would pass
//!   the ceiling is not made, and the limit is recorded;
//! - native loops that grow a container item by item poll the limits
//!   per item (`Vm::poll_limits`, in `protocol::next`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use crate::typeobject::ExcType;
use crate::{PyErr, PyResult};

thread_local! {
    /// The ceiling minus the bytes allocated through [`Accounting`] on
    /// this thread and not yet freed (frees of memory another thread
    /// allocated make the count lower): negative once the count passed
    /// the ceiling, so the VM's check at every poll is one load and a
    /// sign test. The count itself is `CEILING - HEADROOM`.
    static HEADROOM: Cell<isize> = const { Cell::new(NO_CEILING) };
    /// The count a run may not pass ([`NO_CEILING`]: no limit), lowered
    /// by [`REFUSED`] (with the headroom, so the count is unchanged) once
    /// an allocation was refused for it: the count itself stays under the
    /// ceiling then, but the run must stop, and one test tells both.
    static CEILING: Cell<isize> = const { Cell::new(NO_CEILING) };
}

/// The ceiling when there is none: far from both ends of `isize`, so the
/// headroom neither overflows nor turns negative whatever the count.
const NO_CEILING: isize = isize::MAX / 4;

/// What a refusal takes off the ceiling and the headroom.
const REFUSED: isize = isize::MAX / 4;

/// A global allocator that counts what each thread has allocated, for
/// the memory limit. Install it in a binary that embeds krait and sets a
/// memory limit:
///
/// ```
/// #[global_allocator]
/// static ALLOCATOR: krait_vm::memory::Accounting = krait_vm::memory::Accounting(std::alloc::System);
/// # fn main() { assert!(krait_vm::memory::is_counting()); }
/// ```
pub struct Accounting<A = System>(pub A);

#[inline(always)]
fn count(delta: isize) {
    // A `const` thread local without a destructor is a plain
    // thread-relative address: no lazy initialisation, nothing allocated,
    // usable from inside the allocator and during thread teardown.
    HEADROOM.with(|headroom| headroom.set(headroom.get().wrapping_sub(delta)));
}

// SAFETY: every method forwards to the wrapped allocator with the same
// arguments and returns its result unchanged; counting touches only a
// thread-local integer.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Accounting<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        let ptr = unsafe { self.0.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let ptr = unsafe { self.0.alloc_zeroed(layout) };
        if !ptr.is_null() {
            count(layout.size() as isize);
        }
        ptr
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as `alloc`.
        unsafe { self.0.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `alloc`.
        let new = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        new
    }
}

/// A global allocator that keeps, per thread, a short list of freed small
/// blocks of each size and hands them out again before asking the wrapped
/// allocator: a Python program frees and allocates objects of the same
/// few sizes all the time (a tuple, an iterator, a bound method), and
/// glibc's own per-thread cache costs 50-100 instructions a `free`
/// (its checks, and its lists hold only 7 blocks).
///
/// It wraps the system allocator (`malloc`), on whose guarantees it
/// relies: every block is aligned to 16 bytes, and `free` and `realloc`
/// ignore the size they are told. Sizes are glibc's chunk sizes (blocks
/// of 24, 40, 56 ... 136 usable bytes), so a block takes no more memory
/// than it did without the lists; each list holds at most
/// [`KEPT_PER_SIZE`] blocks, memory the program had in use a moment
/// before. Peak memory still rises a little (ARCHITECTURE.md has the
/// figures: a kept block can stand where glibc would have merged free
/// neighbours). Blocks kept by a thread are not given back when it ends:
/// install it where few threads allocate, as the `krait` command does.
///
/// ```
/// #[global_allocator]
/// static ALLOCATOR: krait_vm::memory::SmallBlocks = krait_vm::memory::SmallBlocks(std::alloc::System);
/// # fn main() { let b = Box::new([0u8; 40]); drop(b); let c = Box::new([1u8; 33]); assert_eq!(c[0], 1); }
/// ```
pub struct SmallBlocks(pub System);

/// How many freed blocks of one size a thread keeps: enough for the
/// churn of a loop (an object made and dropped per pass); more kept blocks
/// bought little and pinned freed memory that glibc could have merged.
pub const KEPT_PER_SIZE: u16 = 64;

/// The number of sizes kept: chunks of 32 to 272 bytes (an exception, a
/// generator or a frame's worth of values is 150-250 bytes: kept too).
const SIZES: usize = 16;

/// Per size, the first freed block kept (each block's first word points
/// to the next: an intrusive list, which allocates nothing) and how many
/// there are.
struct KeptBlocks {
    first: [Cell<*mut u8>; SIZES],
    count: [Cell<u16>; SIZES],
}

thread_local! {
    static KEPT: KeptBlocks = const {
        KeptBlocks {
            first: [const { Cell::new(std::ptr::null_mut()) }; SIZES],
            count: [const { Cell::new(0) }; SIZES],
        }
    };
}

/// The list of `layout`, if its blocks are kept, with the size asked of
/// the wrapped allocator (glibc's usable size of the chunk `layout` gets,
/// so no block takes more memory than it would have).
#[inline(always)]
fn size_class(layout: Layout) -> Option<(usize, usize)> {
    if layout.align() > 16 {
        return None;
    }
    let chunk = (layout.size() + 8 + 15).max(32) & !15;
    let class = chunk / 16 - 2;
    (class < SIZES).then_some((class, chunk - 8))
}

/// The layout a block of `layout` was allocated with by the wrapped
/// allocator.
#[inline(always)]
fn inner_layout(layout: Layout) -> Layout {
    match size_class(layout) {
        // SAFETY: a non-zero size (at least 24) and an alignment of 16,
        // which the caller's alignment (at most 16) divides.
        Some((_, size)) => unsafe { Layout::from_size_align_unchecked(size, 16) },
        None => layout,
    }
}

impl SmallBlocks {
    #[inline(never)]
    fn alloc_new(&self, layout: Layout) -> *mut u8 {
        // SAFETY: `inner_layout` keeps the caller's non-zero size valid.
        unsafe { self.0.alloc(inner_layout(layout)) }
    }

    #[inline(never)]
    fn dealloc_unkept(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: allocated by `alloc_new` with this layout.
        unsafe { self.0.dealloc(ptr, inner_layout(layout)) }
    }
}

// SAFETY: a block on a list was allocated by `malloc` (through `System`)
// with at least its class's size and aligned to 16, `malloc`'s guarantee
// whatever the layout said, and freed by the program; it is handed out
// once (popped) and, when not kept, given back to `System` with the
// layout of its class (`inner_layout`), whose alignment `free` ignores.
unsafe impl GlobalAlloc for SmallBlocks {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if let Some((class, _)) = size_class(layout) {
            let kept = KEPT.with(|kept| {
                let block = kept.first[class].get();
                if !block.is_null() {
                    // SAFETY: a kept block's first word is the next block.
                    kept.first[class].set(unsafe { *(block as *mut *mut u8) });
                    kept.count[class].set(kept.count[class].get() - 1);
                }
                block
            });
            if !kept.is_null() {
                return kept;
            }
        }
        self.alloc_new(layout)
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if size_class(layout).is_none() {
            // `calloc` leaves fresh pages untouched (they are zero): a
            // large zeroed vector costs no memory until it is written.
            // SAFETY: the caller's contract is passed on unchanged.
            return unsafe { self.0.alloc_zeroed(layout) };
        }
        // SAFETY: as `alloc`; the block has at least `layout.size()` bytes.
        unsafe {
            let ptr = self.alloc(layout);
            if !ptr.is_null() {
                std::ptr::write_bytes(ptr, 0, layout.size());
            }
            ptr
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some((class, _)) = size_class(layout) {
            let kept = KEPT.with(|kept| {
                let count = kept.count[class].get();
                if count >= KEPT_PER_SIZE {
                    return false;
                }
                kept.count[class].set(count + 1);
                // SAFETY: the block is at least 24 bytes, aligned to 16,
                // and no longer the program's.
                unsafe { *(ptr as *mut *mut u8) = kept.first[class].get() };
                kept.first[class].set(ptr);
                true
            });
            if kept {
                return;
            }
        }
        self.dealloc_unkept(ptr, layout)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A new size of a kept class gets its class's size, so that the
        // block may go on that class's list when it is freed.
        // SAFETY: the caller's alignment with its new size is a valid
        // layout (the caller's contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: the wrapped allocator is given the layout it allocated.
        unsafe {
            self.0
                .realloc(ptr, inner_layout(layout), inner_layout(new_layout).size())
        }
    }
}

/// Bytes this thread has allocated through [`Accounting`] and not freed
/// (0 when the binary does not use it).
pub fn in_use() -> isize {
    CEILING
        .with(Cell::get)
        .wrapping_sub(HEADROOM.with(Cell::get))
}

/// Whether allocations are counted ([`Accounting`] is the global
/// allocator): without it a memory limit cannot be kept.
pub fn is_counting() -> bool {
    let before = in_use();
    let probe = std::hint::black_box(Box::new(0u64));
    let counted = in_use() != before;
    drop(probe);
    counted
}

/// Sets this thread's ceiling (`None`: none) and forgets an earlier
/// refusal.
pub fn set_ceiling(ceiling: Option<isize>) {
    let used = in_use();
    // (Never negative: a lowered ceiling is how a refusal shows.)
    let ceiling = ceiling.unwrap_or(NO_CEILING).clamp(0, NO_CEILING);
    CEILING.with(|c| c.set(ceiling));
    HEADROOM.with(|h| h.set(ceiling.saturating_sub(used)));
}

/// Whether a ceiling is set on this thread: sizes worth computing only
/// for [`reserve`] (`str.replace`'s result) are computed only then.
#[inline]
pub fn limited() -> bool {
    CEILING.with(Cell::get) != NO_CEILING
}

/// Whether the count passed the ceiling or an allocation was refused for
/// it since the ceiling was set.
#[inline(always)]
pub fn exceeded() -> bool {
    HEADROOM.with(Cell::get) < 0
}

/// The error raised where the memory limit stopped an operation (the VM
/// then stops the run at its next check, so no handler keeps it going).
fn limit_error() -> PyErr {
    PyErr::new(ExcType::MemoryError, "memory limit exceeded")
}

/// Asks for room for `bytes` more before allocating them: an error (and
/// the limit recorded) when they would pass the ceiling.
#[inline]
pub fn reserve(bytes: usize) -> PyResult<()> {
    if !limited() {
        return Ok(());
    }
    let wanted = isize::try_from(bytes).unwrap_or(isize::MAX);
    if wanted > HEADROOM.with(Cell::get) {
        // (Both lowered together, once: the count is unchanged.)
        if CEILING.with(Cell::get) >= 0 {
            CEILING.with(|c| c.set(c.get().wrapping_sub(REFUSED)));
            HEADROOM.with(|h| h.set(h.get().wrapping_sub(REFUSED)));
        }
        return Err(limit_error());
    }
    Ok(())
}

/// An empty `Vec` with room for `n` items, after [`reserve`]; a
/// MemoryError (as CPython's) when the system has no room, never an
/// abort.
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let bytes = n
        .checked_mul(std::mem::size_of::<T>())
        .filter(|&bytes| bytes <= isize::MAX as usize)
        .ok_or_else(|| PyErr::new(ExcType::MemoryError, ""))?;
    reserve(bytes)?;
    let mut items = Vec::new();
    items
        .try_reserve_exact(n)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))?;
    Ok(items)
}

/// Room for at least one more item in `items`, doubling as `Vec::push`
/// would: MemoryError (never an abort) when the system or the ceiling
/// refuses it. For native loops that grow a vector from an iterator of
/// unknown length (a range beyond `i64` has no length hint).
#[inline]
pub fn grow_for_push<T>(items: &mut Vec<T>) -> PyResult<()> {
    if items.len() < items.capacity() {
        return Ok(());
    }
    let more = items.len().max(4);
    let bytes = more
        .checked_mul(std::mem::size_of::<T>())
        .filter(|&bytes| bytes <= isize::MAX as usize)
        .ok_or_else(|| PyErr::new(ExcType::MemoryError, ""))?;
    reserve(bytes)?;
    items
        .try_reserve(more)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))
}

/// An empty `String` with room for `bytes`, as [`vec_with_capacity`].
pub fn string_with_capacity(bytes: usize) -> PyResult<String> {
    let mut out = String::new();
    grow_string(&mut out, bytes)?;
    Ok(out)
}

/// Room for `more` bytes in `out`, as [`vec_with_capacity`].
pub fn grow_string(out: &mut String, more: usize) -> PyResult<()> {
    reserve(more)?;
    out.try_reserve_exact(more)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))
}

/// Whether `bytes` could be allocated now (the ceiling and the system
/// both allow it), for a size parsed long before the allocation (a format
/// width): MemoryError, never an abort, when not.
pub fn check_room(bytes: usize) -> PyResult<()> {
    let room = vec_with_capacity::<u8>(bytes)?;
    // Seen by the optimizer as used: an allocation freed unused may be
    // removed, and with it the answer (a profile-guided build did, and
    // answered yes to 2**62 bytes).
    std::hint::black_box(&room);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn the_headroom_tells_the_ceiling_passed_and_keeps_the_count() {
        // (The test binary's allocator is not `Accounting`: only the
        // counts made here move.)
        let start = in_use();
        set_ceiling(Some(start + 1000));
        assert!(limited() && !exceeded());
        count(500);
        assert_eq!(in_use(), start + 500);
        assert!(!exceeded());
        count(600);
        assert!(exceeded());
        count(-600);
        assert!(!exceeded());
        // A refusal: the count stays, the run must stop until reset.
        assert!(reserve(600).is_err());
        assert!(exceeded() && limited());
        assert_eq!(in_use(), start + 500);
        for _ in 0..10 {
            assert!(reserve(1).is_err());
        }
        assert!(exceeded());
        assert_eq!(in_use(), start + 500);
        set_ceiling(None);
        assert!(!limited() && !exceeded());
        assert_eq!(in_use(), start + 500);
        assert!(reserve(usize::MAX / 2).is_ok());
        count(-500);
        assert_eq!(in_use(), start);
    }

    #[test]
    fn a_freed_small_block_is_handed_out_again_for_its_size_class() {
        let blocks = SmallBlocks(System);
        unsafe {
            let first = blocks.alloc(layout(72, 8));
            first.write_bytes(7, 72);
            blocks.dealloc(first, layout(72, 8));
            // 65..=72 bytes share glibc's 80-byte chunk, and so a list.
            let again = blocks.alloc(layout(65, 8));
            assert_eq!(again, first);
            // Another class does not take it.
            let other = blocks.alloc(layout(24, 8));
            assert_ne!(other, first);
            blocks.dealloc(other, layout(24, 8));
            blocks.dealloc(again, layout(65, 8));
        }
    }

    #[test]
    fn a_reused_block_is_zeroed_when_asked_and_keeps_contents_when_grown() {
        let blocks = SmallBlocks(System);
        unsafe {
            let dirty = blocks.alloc(layout(40, 8));
            dirty.write_bytes(0xAB, 40);
            blocks.dealloc(dirty, layout(40, 8));
            let zeroed = blocks.alloc_zeroed(layout(40, 8));
            assert!((0..40).all(|i| *zeroed.add(i) == 0));
            for i in 0..40 {
                *zeroed.add(i) = i as u8;
            }
            // Grown past the kept sizes, then shrunk back into one.
            let grown = blocks.realloc(zeroed, layout(40, 8), 4000);
            assert!((0..40).all(|i| *grown.add(i) == i as u8));
            let shrunk = blocks.realloc(grown, layout(4000, 8), 100);
            assert!((0..40).all(|i| *shrunk.add(i) == i as u8));
            blocks.dealloc(shrunk, layout(100, 8));
        }
    }

    #[test]
    fn large_and_overaligned_blocks_are_not_kept() {
        let blocks = SmallBlocks(System);
        unsafe {
            let aligned = blocks.alloc(layout(64, 64));
            assert_eq!(aligned as usize % 64, 0);
            blocks.dealloc(aligned, layout(64, 64));
            let big = blocks.alloc(layout(1000, 8));
            big.write_bytes(1, 1000);
            blocks.dealloc(big, layout(1000, 8));
        }
        assert_eq!(size_class(layout(265, 8)), None);
        assert_eq!(size_class(layout(264, 8)), Some((15, 264)));
        assert_eq!(size_class(layout(136, 8)), Some((7, 136)));
        assert_eq!(size_class(layout(1, 1)), Some((0, 24)));
    }

    #[test]
    fn a_list_keeps_at_most_its_share_of_blocks() {
        let blocks = SmallBlocks(System);
        let n = usize::from(KEPT_PER_SIZE) + 10;
        unsafe {
            let ptrs: Vec<*mut u8> = (0..n).map(|_| blocks.alloc(layout(120, 8))).collect();
            for &p in &ptrs {
                blocks.dealloc(p, layout(120, 8));
            }
            let kept = KEPT.with(|k| k.count[size_class(layout(120, 8)).unwrap().0].get());
            assert_eq!(kept, KEPT_PER_SIZE);
            let again: Vec<*mut u8> = (0..n).map(|_| blocks.alloc(layout(120, 8))).collect();
            for &p in &again {
                blocks.dealloc(p, layout(120, 8));
            }
        }
    }
}
