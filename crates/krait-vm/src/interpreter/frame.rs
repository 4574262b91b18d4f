//! Frames. All frames share the VM's one value stack: a frame owns the
//! slots from `base`: its fast locals, then its cells and free cells, then
//! its operand stack. A suspended generator keeps those slots in a
//! [`SuspendedFrame`] and puts them back on the stack when resumed.

use std::rc::Rc;

use crate::interpreter::code::Code;
use crate::value::Value;

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    /// First slot of the frame in the VM's stack.
    pub base: usize,
    /// Where the caller's stack ends once this frame returns: the slots of
    /// the callable (and NULL) that a CALL bound in place sit below `base`.
    pub call_base: usize,
    pub globals: Value,
    /// The mapping of a module or class body (`None` in functions).
    pub locals: Option<Value>,
    /// Returning (or raising) out of this frame returns to Rust: the frame
    /// was entered from native code (a module run, a callback, a generator
    /// resumption), not by a CALL in the dispatch loop.
    pub entry: bool,
    /// The generator this frame belongs to, while it runs.
    pub generator: Option<Value>,
    /// For the `__init__` of a class being called: the new instance, which
    /// is the call's result once `__init__` returns None.
    pub init_instance: Option<Value>,
    /// A generator frame resumed in place by a FOR_ITER or a SEND of the
    /// frame below (which then continues when this frame yields).
    pub resumed_in_place: Option<ResumedBy>,
    /// With `resumed_in_place`: the exception state to give back to the
    /// frame below when this frame stops (`Null` otherwise). Kept apart from
    /// the target so that every field is one or two words written directly.
    pub caller_handled: Value,
    /// A generator frame run by [`Vm::drain_generator`]: its yields go to
    /// the VM's innermost drain, and it runs on without suspending while
    /// the drain takes them.
    ///
    /// [`Vm::drain_generator`]: crate::interpreter::Vm
    pub draining: bool,
}

/// The instruction of the frame below that resumed a generator frame in
/// place, with where it jumps when the generator returns (a `u32`, as
/// instruction indexes are, to keep `Frame` within 128 bytes: larger frames
/// are moved with a `memcpy` call).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResumedBy {
    /// `for x in generator`: on return, the iterator is popped.
    ForIter(u32),
    /// `yield from generator`: on return, the returned value replaces the
    /// receiver (the result of the `yield from` expression).
    Send(u32),
    /// `generator.send(value)`, `coroutine.send(value)` or `next(generator)`
    /// called by CALL: a yield is the call's result; a return raises
    /// StopIteration at the call.
    Call,
}

impl Frame {
    /// A frame starting `code` at its first instruction, its slots from
    /// `base`; the optional roles (locals mapping, generator, `__init__`
    /// instance, FOR_ITER resumption) are off.
    pub fn start(
        code: Rc<Code>,
        globals: Value,
        base: usize,
        call_base: usize,
        entry: bool,
    ) -> Frame {
        Frame {
            code,
            pc: 0,
            base,
            call_base,
            globals,
            locals: None,
            entry,
            generator: None,
            init_instance: None,
            resumed_in_place: None,
            caller_handled: Value::Null,
            draining: false,
        }
    }

    /// A frame a CALL in the dispatch loop pushed for a function, with
    /// none of the optional roles: returning from it only releases its code
    /// and globals and gives the value to the frame below. Every field that
    /// holds a reference besides those two is checked empty here.
    #[inline(always)]
    pub fn is_plain_call(&self) -> bool {
        !self.entry
            && self.generator.is_none()
            && self.init_instance.is_none()
            && self.resumed_in_place.is_none()
            && self.locals.is_none()
            && matches!(self.caller_handled, Value::Null)
    }

    /// Where the operand stack of the frame starts.
    pub fn stack_start(&self) -> usize {
        self.base + self.code.nslots()
    }
}

/// A generator's frame while it is not running.
pub struct SuspendedFrame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub globals: Value,
    /// Locals, cells and the operand stack, as they were on the VM's stack.
    pub slots: Vec<Value>,
    /// The exception being handled inside the generator when it yielded.
    pub handled: Value,
}

impl SuspendedFrame {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.globals);
        self.slots.iter().for_each(&mut *visit);
        visit(&self.handled);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn frames_stay_within_128_bytes() {
        // Pushing and popping a larger frame calls memcpy (measured: 5% of
        // a generator-heavy program).
        assert!(std::mem::size_of::<super::Frame>() <= 128);
    }
}
