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
//!
//! [`Pools`] is the allocator the `krait` command wraps in it: small
//! blocks in pools of one size each, as CPython's pymalloc.

mod pools;
pub use pools::Pools;

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
}
