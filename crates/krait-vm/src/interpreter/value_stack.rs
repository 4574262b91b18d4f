//! The VM's value stack: a `Vec<Value>` whose `push` and `pop` are always
//! inlined.
//!
//! The dispatch loop pushes and pops on nearly every instruction. Once it
//! grew large, the compiler stopped inlining `Vec::push` into it and called
//! `Vec::push_mut` out of line instead (4% of all instructions executed by
//! richards, seen with callgrind). This wrapper keeps the common case —
//! room left, or a value to pop — a few instructions in the caller, and
//! moves growth to a cold function.

use std::ops::{Deref, DerefMut};

use crate::value::Value;

/// The frames' locals, cells and operand stacks, one after another.
#[derive(Default)]
pub struct ValueStack(Vec<Value>);

impl ValueStack {
    pub fn with_capacity(capacity: usize) -> ValueStack {
        ValueStack(Vec::with_capacity(capacity))
    }

    /// `Vec::push`, inlined into its caller; growth is out of line.
    #[inline(always)]
    pub fn push(&mut self, value: Value) {
        let len = self.0.len();
        if len == self.0.capacity() {
            self.grow();
        }
        // SAFETY: there is room for one more value at `len` (checked just
        // above); it is written before the length covers it.
        unsafe {
            self.0.as_mut_ptr().add(len).write(value);
            self.0.set_len(len + 1);
        }
    }

    /// `Vec::pop`, inlined into its caller.
    #[inline(always)]
    pub fn pop(&mut self) -> Option<Value> {
        let len = self.0.len();
        if len == 0 {
            return None;
        }
        // SAFETY: the value at `len - 1` is initialised; the length is cut
        // first, so it is read out exactly once.
        unsafe {
            self.0.set_len(len - 1);
            Some(self.0.as_ptr().add(len - 1).read())
        }
    }

    /// Drops the two values on top, without the loop of `truncate` (the
    /// fused stores into a container that leave it and its index behind).
    #[inline(always)]
    pub fn drop_two(&mut self) {
        let Some(new_len) = self.0.len().checked_sub(2) else {
            self.0.clear();
            return;
        };
        // SAFETY: the two values at `new_len..new_len + 2` are initialised;
        // the length is cut first, so each is read out (and released)
        // exactly once.
        unsafe {
            self.0.set_len(new_len);
            let top = self.0.as_ptr().add(new_len);
            top.read().release();
            top.add(1).read().release();
        }
    }

    /// `slice::swap` of the values at `a` and `b`, moved a word at a time.
    /// A value just pushed was written as two words (tag, payload); the
    /// slice's swap reads each value as one 16-byte load, which the CPU
    /// cannot forward from two 8-byte stores: SWAP after a push (every
    /// chained comparison's `SWAP 2`) stalled on it, a quarter of the time
    /// of `0 <= x < n` in `perf annotate`.
    #[inline(always)]
    pub fn swap_values(&mut self, a: usize, b: usize) {
        const WORDS: usize = std::mem::size_of::<Value>() / std::mem::size_of::<u64>();
        const _: () = assert!(std::mem::size_of::<Value>() == WORDS * 8);
        const _: () = assert!(std::mem::align_of::<Value>() >= std::mem::align_of::<u64>());
        let len = self.0.len();
        assert!(a < len && b < len);
        // SAFETY: both indices are in bounds (checked above) and a value is
        // `WORDS` aligned words; each word is moved as `MaybeUninit` (padding
        // included), so the two values trade places whole. Volatile reads
        // keep the compiler from merging a value's words into one load.
        unsafe {
            let words = self.0.as_mut_ptr().cast::<std::mem::MaybeUninit<u64>>();
            let (x, y) = (words.add(a * WORDS), words.add(b * WORDS));
            for w in 0..WORDS {
                let from_x = x.add(w).read_volatile();
                let from_y = y.add(w).read_volatile();
                x.add(w).write(from_y);
                y.add(w).write(from_x);
            }
        }
    }

    /// Pushes `count` NULLs (a new frame's unbound locals) with one check
    /// for room.
    #[inline(always)]
    pub fn push_nulls(&mut self, count: usize) {
        let len = self.0.len();
        if self.0.capacity() - len < count {
            self.0.reserve(count);
        }
        // SAFETY: there is room for `count` more values at `len` (reserved
        // just above); each is written before the length covers it.
        // (A plain loop: a frame has a few locals, too few for the set-up
        // of an unrolled or vectorised one to pay.)
        unsafe {
            let mut slot = self.0.as_mut_ptr().add(len);
            let end = slot.add(count);
            while slot != end {
                slot.write(Value::Null);
                slot = slot.add(1);
            }
            self.0.set_len(len + count);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        self.0.reserve(1);
    }
}

impl Deref for ValueStack {
    type Target = Vec<Value>;

    #[inline(always)]
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl DerefMut for ValueStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.0
    }
}
