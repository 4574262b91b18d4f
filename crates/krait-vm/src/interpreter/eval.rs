//! The dispatch loop: one `match` over the instruction, in one function.
//!
//! The loop runs the top frame; CALL of a Python function pushes a frame
//! and the loop continues in it; RETURN_VALUE pops back to the caller. The
//! loop returns to its Rust caller only when the *entry* frame (the one
//! native code asked to run) returns or yields, or when an exception
//! escapes it. Exceptions unwind through the exception tables (CPython
//! 3.11's zero-cost model): nothing is set up when a `try` starts.

use krait_bytecode::{
    BinaryOperator, ComparisonOperator, Conversion, Depth, Instruction as I, MakeFunctionFlags,
    Opcode, RaiseKind, SliceArgc,
};

use crate::builtins::dict::{PyDict, needs_interp};
use crate::builtins::exception::{PyException, TracebackEntry};
use crate::builtins::function::{PyCell, PyFunction};
use crate::builtins::set::PySet;
use crate::builtins::slice::PySlice;
use crate::builtins::tuple::PyTuple;
use crate::interpreter::Vm;
use crate::interpreter::call::Outcome;
use crate::interpreter::code::{CachedLookup, Code, GlobalSlot, GlobalsKey};
use crate::interpreter::frame::ResumedBy;
use crate::interpreter::observe::WatchAction;
use crate::interpreter::observe::{Event, MAX_FUSED_SPAN};
use crate::object::PyObject;
use crate::protocol::{self, BinaryOp, CompareOp, UnaryOp};
use crate::typeobject::{self, ExcType, Slot, exc_type};
use crate::value::Value;
use crate::{PyErr, PyResult};

/// How the entry frame left the loop.
pub(crate) enum FrameExit {
    Return(Value),
    Yield(Value),
}

/// Why the loop stopped running instructions.
pub(crate) enum Unwind {
    /// A new error: the frame gets a traceback entry; `__context__` is set
    /// when the error is fresh (made by native code). One that already
    /// has a traceback comes back from Python code below, whose raise set
    /// its context (CPython sets it where the error is raised, once).
    Error(PyErr),
    /// A `raise` statement: `__context__` is set anew, always.
    Raised(PyErr),
    /// `gen.throw(exc)`: unwinds the generator without touching
    /// `__context__` (CPython restores the exception as given).
    Thrown(PyErr),
    /// A re-raise (bare `raise`, RERAISE): the traceback is kept as is.
    Reraise(PyErr),
    /// An error raised as the entry frame returned (`__init__` returning a
    /// value): the frame is gone, the error goes to the native caller.
    Escape(PyErr),
    /// Not an error: the counted loop stops so that `run` continues the
    /// frame in the loop the VM's limits now call for (the budget is
    /// nearly spent: the watched loop counts the rest one by one).
    SwitchLoop,
}

impl From<PyErr> for Unwind {
    fn from(err: PyErr) -> Unwind {
        Unwind::Error(err)
    }
}

impl Vm {
    /// Runs the entry frame on top of the frame stack until it returns.
    pub(crate) fn run_entry_frame(&mut self) -> PyResult {
        match self.run()? {
            FrameExit::Return(value) => Ok(value),
            FrameExit::Yield(_) => Err(PyErr::runtime_error(
                "internal error: yield outside a generator frame",
            )),
        }
    }

    /// Runs the entry frame on top of the frame stack until it returns,
    /// yields or raises.
    pub(crate) fn run(&mut self) -> PyResult<FrameExit> {
        if self.native_depth >= self.native_depth_limit || crate::interpreter::stack_exhausted() {
            self.discard_entry_frame();
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        // Frames run from native code (dunders, callbacks) poll the
        // limits on entry: recursion through them passes no CALL.
        if let Err(err) = self.poll_limits() {
            self.discard_entry_frame();
            return Err(err);
        }
        // Python code run from native code inside a counted run: the
        // segment of the frame below is charged now and goes on after.
        let outer_segment = self.settle_segment();
        self.native_depth += 1;
        crate::interpreter::count_running_loop(true);
        let result = loop {
            let exit = if self.watched {
                self.execute::<true, false, false>()
            } else if self.counted {
                self.execute::<false, true, false>()
            } else if self.covering {
                self.execute::<false, false, true>()
            } else {
                self.execute::<false, false, false>()
            };
            // An error left the counted loop with its segment open.
            self.settle_segment();
            match exit {
                Ok(exit) => break Ok(exit),
                Err(Unwind::Escape(err)) => break Err(err),
                Err(Unwind::SwitchLoop) => {}
                // A pausable run pausing: its frames stay as they are.
                Err(Unwind::Error(err)) if self.pausing_now() => break Err(err),
                Err(unwind) => {
                    if let Err(err) = self.unwind(unwind) {
                        break Err(err);
                    }
                }
            }
        };
        crate::interpreter::count_running_loop(false);
        self.native_depth -= 1;
        self.reopen_segment(outer_segment);
        // The loop below may be an unwatched one that has yet to hand over
        // (`sys.settrace` called, then a dunder run): this run's polls
        // pushed its next poll away; it polls at its next call or jump.
        if self.watched {
            self.watch.until_full_poll = 1;
        }
        result
    }

    /// Drops the entry frame without running it.
    fn discard_entry_frame(&mut self) {
        if let Some(frame) = self.frames.pop() {
            self.forget_frame_objects_above(self.frames.len());
            self.stack.truncate(frame.base);
        }
    }

    /// Finds a handler for the error, frame by frame. `Ok` when the loop
    /// can go on (a handler was found); `Err` when the error escapes the
    /// entry frame.
    pub(crate) fn unwind(&mut self, unwind: Unwind) -> PyResult<()> {
        let (mut err, mut new_error) = match unwind {
            Unwind::Raised(err) => {
                self.set_context(&err);
                (err, true)
            }
            Unwind::Error(err) => {
                if err.exception().traceback.borrow().is_empty() {
                    self.set_context(&err);
                }
                (err, true)
            }
            Unwind::Thrown(err) => (err, true),
            Unwind::Reraise(err) => (err, false),
            Unwind::Escape(err) => return Err(err),
            Unwind::SwitchLoop => return Ok(()),
        };
        loop {
            let frame = self.frames.last_mut().expect("unwinding inside a frame");
            let lasti = frame.pc.saturating_sub(1);
            if new_error {
                let mut traceback = err.exception().traceback.borrow_mut();
                if traceback.is_empty() {
                    // One entry first (most exceptions are caught where
                    // they are raised): the default four would not fit
                    // the small-block cache.
                    traceback.reserve_exact(1);
                }
                traceback.push(TracebackEntry {
                    filename: frame.code.filename.clone(),
                    line: frame.code.line_of(lasti),
                    name: frame.code.name.clone(),
                    position: frame.code.bytecode.line_table.position(lasti),
                    code: Some(frame.code.clone()),
                    globals: frame.globals.clone(),
                    lasti: lasti as u32,
                    base: frame.base,
                    locals: None,
                });
            }
            let handler = frame
                .code
                .bytecode
                .exception_table
                .handler_for(lasti as u32)
                .copied();
            // No `except` or `finally` runs once a limit stopped the run
            // (asked in every frame: it also records a limit that native
            // work stopped at, for the host to see).
            let handler = if self.limit_bars_handlers() {
                None
            } else {
                handler
            };
            if self.watched {
                // An observer's error replaces the exception, as a
                // tracing function's does in CPython.
                let value = err.value();
                let observed = if new_error {
                    self.observe_exception(Event::Raise(&value), lasti)
                } else {
                    Ok(())
                };
                let observed = observed.and_then(|()| match handler {
                    Some(_) => self.observe_exception(Event::Handled(&value), lasti),
                    None => self.observe_exception(Event::Unwind(&value), lasti),
                });
                if let Err(replacement) = observed {
                    err = replacement;
                }
            }
            let frame = self.frames.last_mut().expect("unwinding inside a frame");
            if let Some(handler) = handler {
                let depth = frame.stack_start() + handler.depth as usize;
                frame.pc = handler.target as usize;
                self.stack.truncate(depth);
                if handler.push_lasti {
                    self.stack.push(Value::Int(lasti as i64));
                }
                self.stack.push(err.value());
                return Ok(());
            }
            // The exception ends the frame: its traceback entry keeps the
            // locals it leaves (what `tb_frame.f_locals` shows; CPython
            // keeps the whole frame alive).
            self.keep_unwound_locals(&err);
            let frame = self.frames.pop().expect("checked above");
            self.forget_frame_objects_above(self.frames.len());
            self.stack.truncate(frame.call_base);
            if let Some(generator) = &frame.generator {
                self.finish_generator(generator);
            }
            if let Some(resumer) = frame.resumed_in_place {
                self.handled = frame.caller_handled;
                if err.matches(ExcType::StopIteration) {
                    // PEP 479, as for generators resumed from native code.
                    let noun = frame
                        .generator
                        .as_ref()
                        .and_then(crate::interpreter::generator::generator_of)
                        .map_or("generator", |(_, kind)| kind.noun());
                    let replacement = PyErr::runtime_error(format!("{noun} raised StopIteration"));
                    *replacement.exception().cause.borrow_mut() = Some(err.value());
                    err = replacement;
                }
                // A delegate resumed through a `yield from` chain: the
                // exception goes on at its delegator's SEND.
                if let Some(delegator) = frame
                    .generator
                    .as_ref()
                    .and_then(crate::interpreter::generator::take_delegator)
                {
                    self.resume_delegator_in_place(delegator, resumer, None);
                    new_error = true;
                    continue;
                }
            }
            if frame.entry {
                return Err(err);
            }
            new_error = true;
        }
    }

    /// The running function frame's slots, into the last traceback entry
    /// of `err` when it is this frame's (made as the exception reached
    /// it; a bare `raise` makes none). Out of line: only frames an
    /// exception leaves pay (a copy of the slots, ~100 instructions).
    #[inline(never)]
    fn keep_unwound_locals(&mut self, err: &PyErr) {
        let frame = &self.frames[self.frames.len() - 1];
        // A module's or class body's namespace is its globals or a dict.
        if !frame
            .code
            .bytecode
            .flags
            .contains(krait_bytecode::CodeFlags::OPTIMIZED)
        {
            return;
        }
        let mut traceback = err.exception().traceback.borrow_mut();
        if let Some(entry) = traceback.last_mut()
            && entry.locals.is_none()
            && entry
                .code
                .as_ref()
                .is_some_and(|code| std::rc::Rc::ptr_eq(code, &frame.code))
        {
            let end = (frame.base + frame.code.nslots()).min(self.stack.len());
            entry.locals = self.stack.get(frame.base..end).map(Into::into);
        }
    }

    /// `exc.__traceback__` and `sys.exc_info()[2]`: the traceback objects
    /// of `exception`'s entries, a frame that still runs (the one that
    /// caught, and those below it) showing its live locals and line.
    pub(crate) fn traceback_value(&mut self, exception: &PyException) -> Value {
        let mut live = |entry: &TracebackEntry| {
            let code = entry.code.as_ref()?;
            let index = self.frames.iter().rposition(|frame| {
                frame.base == entry.base && std::rc::Rc::ptr_eq(&frame.code, code)
            })?;
            let lasti = self.frames[index].pc.saturating_sub(1);
            let line = self.frames[index].code.line_of(lasti);
            let locals = self.frame_locals(index).ok()?;
            Some((locals, line, lasti))
        };
        crate::builtins::traceback_object::traceback_of_live(exception, &mut live)
    }

    /// A new exception raised while another is handled (by this frame,
    /// or by a generator's resumer) gets it as `__context__`.
    fn set_context(&self, err: &PyErr) {
        let handled = self.handled_exception();
        if handled.is_none() || handled.is(&err.value()) {
            return;
        }
        // Avoid a cycle: the handled exception must not already chain to `err`.
        let mut cursor = Some(handled.clone());
        let mut steps = 0;
        while let Some(value) = cursor {
            if value.is(&err.value()) || steps > 100 {
                return;
            }
            cursor = PyErr::from_value(&value).and_then(|e| e.exception().context.borrow().clone());
            steps += 1;
        }
        *err.exception().context.borrow_mut() = Some(handled);
    }

    #[inline]
    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }

    #[inline]
    fn top(&self) -> &Value {
        self.stack
            .last()
            .expect("verified code never reads an empty stack")
    }

    /// Runs instructions until the entry frame returns or yields, or an
    /// exception needs unwinding.
    ///
    /// `WATCHED` (an observer or a budget attached) switches every
    /// [`FusedPath`](crate::interpreter::observe::FusedPath) off and calls
    /// the observer before each instruction; unwatched, that code is not
    /// there at all.
    fn execute<const WATCHED: bool, const COUNTED: bool, const COVERED: bool>(
        &mut self,
    ) -> Result<FrameExit, Unwind> {
        // Nothing sees this loop's instructions one by one.
        let plain = !WATCHED && !COUNTED && !COVERED;
        'frames: loop {
            let fi = self.frames.len() - 1;
            let code_ptr = std::rc::Rc::as_ptr(&self.frames[fi].code);
            // SAFETY: the frame at `fi` owns an `Rc` of this code and keeps
            // it alive while the frame is on the frame stack; a frame's
            // code is never replaced, and every arm that pops this frame
            // (RETURN_VALUE, YIELD_VALUE, an exception leaving `execute`)
            // stops using `code` at once (`continue 'frames` or return).
            // Borrowing it instead of cloning the `Rc` saves a count
            // increment and decrement per frame switch.
            let code: &Code = unsafe { &*code_ptr };
            let base = self.frames[fi].base;
            let cells = base + code.nlocals;
            let mut pc = self.frames[fi].pc;
            let instructions: &[I] = &code.instructions;
            // Coverage marks of this code (empty unless measuring).
            let cover: &[std::cell::Cell<u8>] = if WATCHED || COVERED {
                self.coverage_marks(code)
            } else {
                &[]
            };
            let mut kw_names: Option<usize> = None;
            if COUNTED {
                self.open_segment(fi + 1, pc, instructions.len());
            }
            // Watched: the first instruction run after a frame switch is
            // always shown to the hook (a frame starting or resuming is
            // seen there when the observer wants frame events but not
            // every instruction).
            let mut switched = WATCHED;
            // The frame's pc is written back only where it can be read:
            // before anything that can raise (the traceback and the
            // exception table use it), call or switch frames. The arms that
            // can do none of these skip the store.
            macro_rules! sync_pc {
                () => {
                    self.frames[fi].pc = pc
                };
            }
            // In the watched loop, the shadow's rule of the instruction
            // this arm runs (dispatched once for both), when the dispatch
            // left it to the arm.
            macro_rules! rule_in_arm {
                ($in_arm:ident, $instruction:expr) => {
                    if WATCHED && $in_arm {
                        self.shadow_step_in_arm(fi, pc - 1, $instruction)?;
                    }
                };
            }
            // A fused dispatch ran `$more` plain instructions beyond the
            // one dispatched: coverage marks them as run (they are the
            // `$more` instructions from `pc`; every site calls this before
            // moving `pc` past them). The budget needs nothing: a counted
            // segment is charged its pc distance, which covers them.
            macro_rules! count_fused {
                ($more:expr) => {
                    if COVERED {
                        for mark in cover.iter().skip(pc).take($more) {
                            mark.set(mark.get() | crate::interpreter::observe::COVER_RAN);
                        }
                    }
                };
            }
            // A taken jump: the straight run ended at `$end` (just past the
            // jump instruction), the frame goes on at `$target`.
            macro_rules! jump {
                ($end:expr, $target:expr) => {{
                    let target = $target as usize;
                    if COUNTED {
                        self.jump_segment($end, target, instructions.len());
                    }
                    pc = target;
                }};
            }
            // The loop switches to another frame (a call, a return, a
            // yield, a generator resumed in place) at once: this segment
            // ends here, the next opens at the top of `'frames`.
            macro_rules! switch_frame {
                () => {
                    if COUNTED {
                        self.switch_segment(pc);
                    }
                };
            }
            // The loop hands over to another variant: the segment ends
            // here.
            macro_rules! close_segment {
                () => {
                    if COUNTED {
                        self.close_segment(pc);
                    }
                };
            }
            // Coverage: the conditional jump at `$at` ran and went this way.
            macro_rules! cover_jump {
                ($at:expr, $taken:expr) => {
                    if (WATCHED || COVERED)
                        && let Some(mark) = cover.get($at)
                    {
                        mark.set(
                            mark.get()
                                | crate::interpreter::observe::COVER_RAN
                                | if $taken {
                                    crate::interpreter::observe::COVER_TAKEN
                                } else {
                                    crate::interpreter::observe::COVER_NOT_TAKEN
                                },
                        );
                    }
                };
            }
            // Where a statement lets go of a value (an expression
            // statement's result, `del`, a module-level rebinding), the
            // finalizers its drop queued run at once, located here, as in
            // CPython (`__del__` output, "never awaited" warnings). The
            // dispatch's other drops wait for the next call.
            macro_rules! run_dropped_finalizers {
                () => {
                    if crate::interpreter::finalize::pending() {
                        sync_pc!();
                        self.run_pending()?;
                    }
                };
            }
            // A load (of `$rhs`) followed by BINARY_OP or COMPARE_OP (and
            // POP_JUMP_IF_*) whose left operand is the top of the stack,
            // for small ints and floats: done in place, in this dispatch.
            macro_rules! with_top_of_stack {
                ($rhs:expr) => {
                    // FusedPath::LoadOperatorInPlace
                    if !WATCHED {
                        match instructions[pc] {
                            I::BinaryOp(op) => {
                                if let [.., top] = self.stack.as_slice()
                                    && let Some(result) = fast_binary(op, top, $rhs)
                                {
                                    count_fused!(1);
                                    pc += 1;
                                    if let Some(top) = self.stack.last_mut() {
                                        set_value(top, result);
                                    }
                                    continue;
                                }
                            }
                            I::CompareOp(op) => {
                                if let [.., top] = self.stack.as_slice()
                                    && let Some(truth) = fast_compare(op, top, $rhs)
                                {
                                    self.stack.pop();
                                    match instructions.get(pc + 1) {
                                        Some(&I::PopJumpIfFalse(target)) => {
                                            count_fused!(2);
                                            cover_jump!(pc + 1, !truth);
                                            if truth {
                                                pc += 2;
                                            } else {
                                                jump!(pc + 2, target.0);
                                            }
                                        }
                                        Some(&I::PopJumpIfTrue(target)) => {
                                            count_fused!(2);
                                            cover_jump!(pc + 1, truth);
                                            if truth {
                                                jump!(pc + 2, target.0);
                                            } else {
                                                pc += 2;
                                            }
                                        }
                                        _ => {
                                            count_fused!(1);
                                            pc += 1;
                                            self.stack.push(Value::bool(truth));
                                        }
                                    }
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    }
                };
            }
            // A comparison's result: with POP_JUMP_IF_* next (`if a < b:`,
            // `if x is y:`), the jump is taken or not at once, without
            // making the bool (one dispatch fewer); else the bool is pushed.
            macro_rules! push_truth_or_jump {
                ($truth:expr) => {{
                    let truth: bool = $truth;
                    match instructions[pc] {
                        _ if WATCHED => self.stack.push(Value::bool(truth)),
                        I::PopJumpIfFalse(target) => {
                            count_fused!(1);
                            cover_jump!(pc, !truth);
                            if truth {
                                pc += 1;
                            } else {
                                jump!(pc + 1, target.0);
                            }
                        }
                        I::PopJumpIfTrue(target) => {
                            count_fused!(1);
                            cover_jump!(pc, truth);
                            if truth {
                                jump!(pc + 1, target.0);
                            } else {
                                pc += 1;
                            }
                        }
                        _ => self.stack.push(Value::bool(truth)),
                    }
                }};
            }
            // FOR_ITER's fast path (range and list/tuple iterators: no
            // Result, no call), `pc` just past it; the item goes straight to
            // the loop variable when a STORE_FAST follows. False when the
            // iterator needs the general path.
            macro_rules! for_iter_fast {
                ($exit:expr) => {
                    match crate::builtins::iter::next_fast(self.top()) {
                        Some(Some(item)) => {
                            cover_jump!(pc - 1, false);
                            // FusedPath::ForIterStore
                            if !WATCHED && let I::StoreFast(k) = instructions[pc] {
                                count_fused!(1);
                                pc += 1;
                                set_value(&mut self.stack[base + k.0 as usize], item);
                            } else {
                                self.stack.push(item);
                            }
                            true
                        }
                        Some(None) => {
                            cover_jump!(pc - 1, true);
                            self.pop();
                            jump!(pc, $exit);
                            true
                        }
                        None => false,
                    }
                };
            }
            loop {
                // The instruction's arm applies the observer's shadow's
                // rule (or calls the hook) before it runs.
                let mut rule_in_arm = false;
                if WATCHED {
                    // Errors are raised at this instruction.
                    self.frames[fi].pc = pc + 1;
                    if let Some(mark) = cover.get(pc) {
                        mark.set(mark.get() | crate::interpreter::observe::COVER_RAN);
                    }
                    let opcode = instructions[pc].opcode();
                    if switched && self.follows_switch(fi, pc) {
                        // The shadow follows the frame: nothing starts here
                        // that the observer has not seen.
                        switched = false;
                    }
                    let action = match switched {
                        true => WatchAction::Hook,
                        false => self.watch.action(opcode),
                    };
                    if action == WatchAction::RuleInArm {
                        // Its arm applies the shadow's rule.
                        rule_in_arm = true;
                    } else if action == WatchAction::Hook {
                        if !switched && self.watch.defers(opcode) && self.shadow_step(fi, pc) {
                            // The observer's shadow followed it.
                        } else if !switched
                            && self.watch.follow_calls
                            && match instructions[pc] {
                                I::Call(argc) => {
                                    kw_names.is_none() && self.shadow_call(fi, pc, argc)
                                }
                                I::ReturnValue => self.shadow_return(fi, pc),
                                I::ForIter(_) => self.shadow_for_iter(fi),
                                _ => false,
                            }
                        {
                            // The shadow follows the call (a Python
                            // function's or a native one's), the return or
                            // the loop's step by itself.
                        } else if !switched && self.watch.gates(opcode) && !self.gate_open(fi, pc) {
                            // Nothing it reads carries a label.
                            self.watch.count_unobserved();
                        } else {
                            // A trace function that set `f_lineno` moves
                            // the frame once every hook has run without
                            // an error.
                            let observed = self.observe_instruction(fi, pc, switched);
                            if switched && self.watch.follow_calls {
                                self.note_shadow_file(fi);
                            }
                            switched = false;
                            if observed.is_err() {
                                self.python_trace.forget_jump();
                            }
                            observed?;
                            if let Some(target) = self.take_jump() {
                                pc = target;
                            }
                        }
                    } else {
                        self.watch.count_unobserved();
                    }
                }
                if COVERED && let Some(mark) = cover.get(pc) {
                    mark.set(mark.get() | crate::interpreter::observe::COVER_RAN);
                }
                let instruction = if COUNTED {
                    if pc >= self.watch.pc_limit {
                        // The budget is nearly spent (no more than the
                        // longest fusion is left): the watched loop counts
                        // the rest. Not between KW_NAMES and its CALL:
                        // `kw_names` lives in this loop only (the CALL
                        // after it is one instruction, well within the
                        // room left).
                        if kw_names.is_none() {
                            self.close_segment(pc);
                            self.frames[fi].pc = pc;
                            self.budget_nearly_spent();
                            return Err(Unwind::SwitchLoop);
                        }
                        &instructions[pc]
                    } else {
                        debug_assert!(self.watch.pc_limit <= instructions.len());
                        // SAFETY: `pc_limit` is never above the length of
                        // the running frame's code (`segment_limit`; 0
                        // when the frame stack is not the loop's).
                        unsafe { instructions.get_unchecked(pc) }
                    }
                } else {
                    debug_assert!(pc < instructions.len());
                    // SAFETY: `pc` indexes an instruction: it starts at 0,
                    // a jump or handler target, or one past an instruction
                    // that is not the last or can continue to the next, all
                    // of which `Code::load` checked (`check_for_dispatch`);
                    // fused paths move it past instructions they read.
                    unsafe { instructions.get_unchecked(pc) }
                };
                pc += 1;
                match *instruction {
                    I::Nop => {}
                    I::PopTop => {
                        rule_in_arm!(rule_in_arm, I::PopTop);
                        self.pop().release();
                        run_dropped_finalizers!();
                    }
                    I::Copy(depth) => {
                        let len = self.stack.len();
                        // `x[i] op= y` reads the item with COPY 2, COPY 2,
                        // BINARY_SUBSCR: for a list or tuple and an int, the
                        // item is read without the copies.
                        // FusedPath::CopySubscript
                        if !WATCHED
                            && depth.0 == 2
                            && matches!(instructions[pc], I::Copy(Depth(2)))
                            && matches!(instructions.get(pc + 1), Some(I::BinarySubscr))
                            && let Some(item) =
                                subscript_fast(&self.stack[len - 2], &self.stack[len - 1])
                        {
                            count_fused!(2);
                            pc += 2;
                            self.stack.push(item);
                            continue;
                        }
                        let value = self.stack[len - depth.0 as usize].clone();
                        self.stack.push(value);
                    }
                    I::Swap(depth) => {
                        let len = self.stack.len();
                        // ... and stores it back with SWAP 3, SWAP 2,
                        // STORE_SUBSCR: `[list, i, value]` stored directly.
                        // FusedPath::SwapStoreSubscript
                        if !WATCHED
                            && depth.0 == 3
                            && matches!(instructions[pc], I::Swap(Depth(2)))
                            && matches!(instructions.get(pc + 1), Some(I::StoreSubscr))
                        {
                            let value = self.pop();
                            match store_subscript_fast(
                                &self.stack[len - 3],
                                &self.stack[len - 2],
                                value,
                            ) {
                                None => {
                                    count_fused!(2);
                                    self.stack.drop_two();
                                    pc += 2;
                                    continue;
                                }
                                Some(value) => self.stack.push(value),
                            }
                        }
                        self.stack.swap_values(len - 1, len - depth.0 as usize);
                    }
                    I::PushNull => {
                        self.stack.push(Value::Null);
                        // PUSH_NULL + LOAD_GLOBAL (`f(...)` of a global
                        // function) in one dispatch when the cache hits; a
                        // miss or an error is left to LOAD_GLOBAL itself.
                        // FusedPath::PushNullLoadGlobal
                        if !WATCHED
                            && let I::LoadGlobal(i) = instructions[pc]
                            && let Ok(value) = self.load_global_cached(fi, code, i.0 as usize)
                        {
                            count_fused!(1);
                            pc += 1;
                            self.stack.push(value);
                        }
                    }
                    I::LoadConst(i) => {
                        rule_in_arm!(rule_in_arm, I::LoadConst(i));
                        // `x * y + 1.0`, `... > 4.0`: the left operand is on the stack.
                        with_top_of_stack!(&code.consts[i.0 as usize]);
                        // LOAD_CONST k + LOAD_FAST x + BINARY_OP (`2.0 * x`):
                        // FusedPath::ConstFastOperator.
                        if !WATCHED
                            && let I::LoadFast(j) = instructions[pc]
                            && let Some(result) = fused_pair_op(
                                instructions.get(pc + 1),
                                &code.consts[i.0 as usize],
                                &self.stack[base + j.0 as usize],
                            )
                        {
                            count_fused!(2);
                            pc += 2;
                            self.stack.push(result);
                            continue;
                        }
                        self.stack.push(code.consts[i.0 as usize].clone());
                    }
                    I::LoadFast(i) => {
                        rule_in_arm!(rule_in_arm, I::LoadFast(i));
                        let slot = base + i.0 as usize;
                        // Most loads are followed by an instruction no fused
                        // path starts with (LOAD_ATTR, CALL...): one table
                        // lookup on the next opcode, then the plain load (the
                        // fused paths below made every load pay two matches).
                        // The observed loop always takes this path.
                        // SAFETY: a load is never the last instruction on a
                        // path (`check_for_dispatch`): `pc` indexes the next.
                        let next = unsafe { instructions.get_unchecked(pc) };
                        if WATCHED || !may_fuse_after_load(next) {
                            // SAFETY: see `local`.
                            let value = unsafe { local(&self.stack, slot) };
                            if let Value::Null = value {
                                sync_pc!();
                                return Err(
                                    unbound_local(&code.bytecode.varnames[i.0 as usize]).into()
                                );
                            }
                            let value = value.clone();
                            self.stack.push(value);
                            continue;
                        }
                        // LOAD_FAST x + LOAD_FAST y / LOAD_CONST k + BINARY_OP
                        // or BINARY_SUBSCR (`x * y`, `n - 1`, `b[3]`): the
                        // result is computed from the operands where they
                        // lie, three instructions in one dispatch.
                        // FusedPath::FastPairOperator
                        let fused = match *next {
                            I::LoadFast(j) => fused_pair_op(
                                instructions.get(pc + 1),
                                &self.stack[slot],
                                &self.stack[base + j.0 as usize],
                            ),
                            I::LoadConst(j) => fused_pair_op(
                                instructions.get(pc + 1),
                                &self.stack[slot],
                                &code.consts[j.0 as usize],
                            ),
                            // `row[i]` with `i` from an enclosing scope.
                            I::LoadDeref(j) => fused_pair_op(
                                instructions.get(pc + 1),
                                &self.stack[slot],
                                &cell_contents(&self.stack[cells + j.0 as usize]),
                            ),
                            // `total + x`: the left operand is already on the stack.
                            I::BinaryOp(_) | I::CompareOp(_) => {
                                with_top_of_stack!(&self.stack[slot]);
                                None
                            }
                            _ => None,
                        };
                        if let Some(result) = fused {
                            match instructions.get(pc + 2) {
                                // ... + STORE_FAST (`n = n // 2`): straight to the local.
                                Some(I::StoreFast(k)) => {
                                    count_fused!(3);
                                    pc += 3;
                                    set_value(&mut self.stack[base + k.0 as usize], result);
                                }
                                // ... + POP_JUMP_IF_* on a bool (`if n < 2`,
                                // `if flags[i]`): no bool pushed and popped.
                                Some(&I::PopJumpIfFalse(target))
                                    if matches!(result, Value::Bool(_)) =>
                                {
                                    count_fused!(3);
                                    let truth = is_true_bool(&result);
                                    cover_jump!(pc + 2, !truth);
                                    if truth {
                                        pc += 3;
                                    } else {
                                        jump!(pc + 3, target.0);
                                    }
                                }
                                Some(&I::PopJumpIfTrue(target))
                                    if matches!(result, Value::Bool(_)) =>
                                {
                                    count_fused!(3);
                                    let truth = is_true_bool(&result);
                                    cover_jump!(pc + 2, truth);
                                    if truth {
                                        jump!(pc + 3, target.0);
                                    } else {
                                        pc += 3;
                                    }
                                }
                                _ => {
                                    count_fused!(2);
                                    pc += 2;
                                    self.stack.push(result);
                                }
                            }
                            continue;
                        }
                        let value = self.stack[slot].clone();
                        if let Value::Null = value {
                            sync_pc!();
                            return Err(unbound_local(&code.bytecode.varnames[i.0 as usize]).into());
                        }
                        self.stack.push(value);
                        // LOAD_FAST + LOAD_FAST / LOAD_CONST, the most
                        // frequent pairs: the second runs without a dispatch
                        // (FusedPath::LoadFastPair).
                        match instructions[pc] {
                            I::LoadFast(j) => {
                                let value = self.stack[base + j.0 as usize].clone();
                                if let Value::Null = value {
                                    continue;
                                }
                                count_fused!(1);
                                pc += 1;
                                self.stack.push(value);
                            }
                            I::LoadConst(j) => {
                                count_fused!(1);
                                pc += 1;
                                self.stack.push(code.consts[j.0 as usize].clone());
                            }
                            _ => {}
                        }
                    }
                    I::StoreFast(i) => {
                        rule_in_arm!(rule_in_arm, I::StoreFast(i));
                        let value = self.pop();
                        set_value(&mut self.stack[base + i.0 as usize], value);
                    }
                    I::DeleteFast(i) => {
                        sync_pc!();
                        let slot = &mut self.stack[base + i.0 as usize];
                        if let Value::Null = slot {
                            return Err(unbound_local(&code.bytecode.varnames[i.0 as usize]).into());
                        }
                        *slot = Value::Null;
                        run_dropped_finalizers!();
                    }
                    I::LoadName(i) => {
                        sync_pc!();
                        let value = self.load_name(fi, code, i.0 as usize)?;
                        self.stack.push(value);
                    }
                    I::StoreName(i) => {
                        sync_pc!();
                        let value = self.pop();
                        let value =
                            match self.store_global_cached(fi, code, i.0 as usize, value, true) {
                                None => {
                                    run_dropped_finalizers!();
                                    continue;
                                }
                                Some(value) => value,
                            };
                        let locals = self.locals_of(fi)?;
                        let name = &code.names[i.0 as usize];
                        match locals.as_dict() {
                            Some(dict) => dict.set_item(name.clone(), value)?,
                            None => {
                                self.store_to_mapping(&locals, name, Some(value))?;
                            }
                        }
                        run_dropped_finalizers!();
                    }
                    I::DeleteName(i) => {
                        sync_pc!();
                        let name = &code.names[i.0 as usize];
                        let locals = self.locals_of(fi)?;
                        let deleted = match locals.as_dict() {
                            Some(dict) => dict.pop(name)?.is_some(),
                            None => self.store_to_mapping(&locals, name, None)?,
                        };
                        if !deleted {
                            return Err(name_error(name).into());
                        }
                        run_dropped_finalizers!();
                    }
                    I::LoadGlobal(i) => {
                        rule_in_arm!(rule_in_arm, I::LoadGlobal(i));
                        // A dict lookup with a str key: no Python code runs.
                        match self.load_global_cached(fi, code, i.0 as usize) {
                            Ok(value) => self.stack.push(value),
                            Err(err) => {
                                sync_pc!();
                                return Err(err.into());
                            }
                        }
                    }
                    I::StoreGlobal(i) => {
                        sync_pc!();
                        let value = self.pop();
                        let value =
                            match self.store_global_cached(fi, code, i.0 as usize, value, false) {
                                None => continue,
                                Some(value) => value,
                            };
                        let globals = self.frames[fi].globals.clone();
                        protocol::set_item(self, &globals, &code.names[i.0 as usize], value)?;
                    }
                    I::DeleteGlobal(i) => {
                        sync_pc!();
                        let name = &code.names[i.0 as usize];
                        let globals = self.frames[fi].globals.clone();
                        if protocol::del_item(&globals, name).is_err() {
                            return Err(name_error(name).into());
                        }
                        run_dropped_finalizers!();
                    }
                    I::LoadDeref(i) => {
                        let value = cell_contents(&self.stack[cells + i.0 as usize]);
                        if let Value::Null = value {
                            sync_pc!();
                            return Err(self.empty_cell_error(code, i.0 as usize).into());
                        }
                        self.stack.push(value);
                    }
                    I::LoadClassDeref(i) => {
                        sync_pc!();
                        let name = code.bytecode.deref_name(i.0 as usize).unwrap_or_default();
                        let locals = self.locals_of(fi)?;
                        let found = match locals.as_dict_or_subclass() {
                            Some(dict) => dict.get_item(&Value::str(name))?,
                            None => None,
                        };
                        let value = match found {
                            Some(value) => value,
                            None => cell_contents(&self.stack[cells + i.0 as usize]),
                        };
                        if let Value::Null = value {
                            return Err(self.empty_cell_error(code, i.0 as usize).into());
                        }
                        self.stack.push(value);
                    }
                    I::StoreDeref(i) => {
                        let value = self.pop();
                        set_cell(&self.stack[cells + i.0 as usize], value);
                    }
                    I::DeleteDeref(i) => {
                        sync_pc!();
                        let slot = &self.stack[cells + i.0 as usize];
                        if let Value::Null = cell_contents(slot) {
                            return Err(self.empty_cell_error(code, i.0 as usize).into());
                        }
                        set_cell(slot, Value::Null);
                    }
                    I::LoadClosure(i) => {
                        let cell = self.stack[cells + i.0 as usize].clone();
                        self.stack.push(cell);
                    }
                    I::LoadAttr(i) => {
                        rule_in_arm!(rule_in_arm, I::LoadAttr(i));
                        // An instance's own attribute (or `__slots__` member)
                        // at the position the cache remembers, the most
                        // frequent case: the value takes the instance's place
                        // on the stack.
                        if let Some(Value::Obj(top)) = self.stack.last()
                            && let PyObject::Instance(instance) = &**top
                            && let Some(index) =
                                shared_key_cached(code, i.0 as usize, instance, false)
                            && let Some(value) = instance.shared_value(index)
                        {
                            if let Some(top) = self.stack.last_mut() {
                                std::mem::replace(top, value).release();
                            }
                            continue;
                        }
                        // A site that knew the attribute for another class
                        // takes this class's entry back and the
                        // instruction runs again.
                        // What the site's entry says about the owner's
                        // class, read once: each path below is tried only
                        // when it is about it.
                        let site_kind = site_kind_for(code, i.0 as usize, self.top());
                        // A module's attribute (`math.pi`): its entry is
                        // apart from the class-kind ones, so the site has
                        // no kind for it and it comes before the refill.
                        if site_kind.is_none()
                            && let Some(value) = module_attribute_of(code, i.0 as usize, self.top())
                        {
                            if let Some(top) = self.stack.last_mut() {
                                std::mem::replace(top, value).release();
                            }
                            continue;
                        }
                        if plain
                            && site_kind.is_none()
                            && let Some(Value::Obj(top)) = self.stack.last()
                            && let PyObject::Instance(instance) = &**top
                            && self.refill_attribute_site(code, i.0 as usize, instance.class())
                        {
                            pc -= 1;
                            continue;
                        }
                        let owner = self.pop();
                        let class_value_kind = matches!(
                            site_kind,
                            Some(
                                CachedLookup::ClassValue { .. }
                                    | CachedLookup::InstanceClass
                                    | CachedLookup::InstanceDict
                            )
                        );
                        // A plain value of the class (`self.LIMIT`), read
                        // where the site found it, unless the instance has
                        // an attribute of that name.
                        if class_value_kind
                            && let Some(value) = class_value_cached(code, i.0 as usize, &owner)
                        {
                            self.stack.push(value);
                            continue;
                        }
                        // `callback = self.method`: the function the site
                        // found on the class, bound again.
                        if let Some(CachedLookup::Method) = site_kind
                            && let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && let Some(function) = method_cache_hit(
                                code,
                                i.0 as usize,
                                instance.class() as *const typeobject::TypeObject as usize,
                                Some(instance),
                            )
                            && let Some(PyObject::Function(_)) = function.as_obj()
                        {
                            self.stack.push(Value::obj(PyObject::BoundMethod(
                                crate::builtins::function::PyBoundMethod::new(owner, function),
                            )));
                            continue;
                        }
                        // (Tried above when the site had no kind.)
                        if site_kind.is_some()
                            && let Some(value) = module_attribute_of(code, i.0 as usize, &owner)
                        {
                            self.stack.push(value);
                            continue;
                        }
                        // A `__slots__` member of a class whose instances
                        // also have a `__dict__` (a slotted base's
                        // subclass), kept apart from it.
                        if let Some(CachedLookup::SeparateSlot { .. }) = site_kind
                            && let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && separate_slot_cached(code, i.0 as usize, instance.class(), false)
                            && let Some(value) = instance.slot_value(&code.names[i.0 as usize])
                        {
                            self.stack.push(value);
                            continue;
                        }
                        // An instance's own attribute the cache does not
                        // know: looked up (and remembered).
                        if let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && (!instance.class().has_data_descriptors.get()
                                || own_attribute_plain_at(code, i.0 as usize, instance.class()))
                        {
                            if class_value_kind
                                && let Some(value) = class_value_cached(code, i.0 as usize, &owner)
                            {
                                self.stack.push(value);
                                continue;
                            }
                            if let Some((value, position)) =
                                instance.get_attr_with_position(&code.names[i.0 as usize])
                            {
                                match position {
                                    Some(index) => {
                                        cache_shared_key(code, i.0 as usize, instance, index)
                                    }
                                    None => {
                                        cache_module_attribute(code, i.0 as usize, &owner, &value);
                                    }
                                }
                                self.stack.push(value);
                                continue;
                            }
                        }
                        // A class's plain value, read through an instance of
                        // a class with data descriptors or through the class.
                        if class_value_kind
                            && let Some(value) = class_value_cached(code, i.0 as usize, &owner)
                        {
                            self.stack.push(value);
                            continue;
                        }
                        // A property whose getter is a Python function: its
                        // frame runs in this loop, as a call's would.
                        let getter = match site_kind {
                            Some(CachedLookup::Property { .. }) => {
                                property_getter_cached(code, i.0 as usize, &owner)
                            }
                            _ => None,
                        };
                        let owner = match getter {
                            Some(getter) => {
                                sync_pc!();
                                let call_base = self.stack.len();
                                self.stack.push(owner);
                                if self.enter_in_place(&getter, call_base, 1, call_base)? {
                                    switch_frame!();
                                    continue 'frames;
                                }
                                self.pop()
                            }
                            None => owner,
                        };
                        // A descriptor's Python `__get__`, likewise.
                        let descriptor_get = match site_kind {
                            Some(CachedLookup::DescriptorGet { .. }) => {
                                self.push_descriptor_get(code, i.0 as usize, owner)
                            }
                            _ => Err(owner),
                        };
                        let owner = match descriptor_get {
                            Ok((get, call_base)) => {
                                sync_pc!();
                                if self.enter_in_place(&get, call_base, 3, call_base)? {
                                    switch_frame!();
                                    continue 'frames;
                                }
                                self.take_getter_owner(call_base)
                            }
                            Err(owner) => owner,
                        };
                        // A `__slots__` member: the instance's own value,
                        // where the cache last found it. (The same steps as
                        // above, written out twice: one helper for both made
                        // richards run 1.2% more instructions.)
                        if let Some(CachedLookup::Slot { .. }) = site_kind
                            && let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && let Some(position) =
                                slot_cached(code, i.0 as usize, instance.class(), false)
                        {
                            if let Some(index) = position
                                && let Some(value) = instance.shared_value(index)
                            {
                                self.stack.push(value);
                                continue;
                            }
                            if let Some((value, position)) =
                                instance.get_attr_with_position(&code.names[i.0 as usize])
                            {
                                if let Some(index) = position {
                                    cache_slot_position(code, i.0 as usize, index);
                                }
                                self.stack.push(value);
                                continue;
                            }
                        }
                        sync_pc!();
                        if let Some(CachedLookup::TupleField { .. }) = site_kind
                            && let Some(field) = tuple_field_cached(code, i.0 as usize, &owner)
                        {
                            self.stack.push(field?);
                            continue;
                        }
                        let value = self.load_attribute(&owner, &code.names[i.0 as usize])?;
                        cache_after_load(code, i.0 as usize, &owner, &value);
                        self.stack.push(value);
                    }
                    I::StoreAttr(i) => {
                        rule_in_arm!(rule_in_arm, I::StoreAttr(i));
                        let owner = self.pop();
                        let value = self.pop();
                        let value = match owner.as_obj() {
                            Some(PyObject::Instance(instance))
                                if !instance.class().defines(typeobject::Slot::SetAttr)
                                    && let Some(index) =
                                        shared_key_cached(code, i.0 as usize, instance, true) =>
                            {
                                match instance.store_shared_value(index, value) {
                                    Ok(()) => {
                                        owner.release();
                                        continue;
                                    }
                                    Err(value) => value,
                                }
                            }
                            _ => value,
                        };
                        // As in LOAD_ATTR: the site takes back this
                        // class's entry and the store runs again.
                        if plain
                            && let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && site_kind_for(code, i.0 as usize, &owner).is_none()
                            && self.refill_attribute_site(code, i.0 as usize, instance.class())
                        {
                            self.stack.push(value);
                            self.stack.push(owner);
                            pc -= 1;
                            continue;
                        }
                        let value = match store_instance_attribute_fast(
                            &owner,
                            code,
                            i.0 as usize,
                            value,
                        ) {
                            None => {
                                // The next store of this name on an
                                // instance of the class (the next `__init__`
                                // of it) goes straight to the position.
                                cache_stored_shared_key(code, i.0 as usize, &owner);
                                continue;
                            }
                            Some(value) => value,
                        };
                        if let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && let Some(position) =
                                slot_cached(code, i.0 as usize, instance.class(), true)
                        {
                            let value = match position {
                                Some(index) => match instance.store_shared_value(index, value) {
                                    Ok(()) => continue,
                                    Err(value) => value,
                                },
                                None => value,
                            };
                            sync_pc!();
                            let name = &code.names[i.0 as usize];
                            instance.set_attr(name.clone(), value)?;
                            if let Some(index) = instance.shared_position(name) {
                                cache_slot_position(code, i.0 as usize, index);
                            }
                            continue;
                        }
                        if let Some(PyObject::Instance(instance)) = owner.as_obj()
                            && separate_slot_cached(code, i.0 as usize, instance.class(), true)
                        {
                            instance.set_slot_value(code.names[i.0 as usize].clone(), value);
                            continue;
                        }
                        sync_pc!();
                        self.store_attribute(&owner, &code.names[i.0 as usize], value)?;
                        cache_slot(code, i.0 as usize, &owner);
                    }
                    I::DeleteAttr(i) => {
                        sync_pc!();
                        let owner = self.pop();
                        self.delete_attribute(&owner, &code.names[i.0 as usize])?;
                        drop(owner);
                        self.finalize_if_pending();
                    }
                    I::LoadMethod(i) => {
                        rule_in_arm!(rule_in_arm, I::LoadMethod(i));
                        // A method the site's cache knows, the most frequent
                        // case: it goes below its receiver, which stays.
                        // (A `super()` object's methods are its target's:
                        // the general path below.)
                        if let Some(owner) = self.stack.last()
                            && let Some((class, instance)) = method_owner_key(owner, false)
                            && let Some(method) =
                                method_cache_hit(code, i.0 as usize, class, instance)
                            && let Some(top) = self.stack.last_mut()
                        {
                            let owner = std::mem::replace(top, method);
                            self.stack.push(owner);
                            continue;
                        }
                        let owner = self.pop();
                        let name = &code.names[i.0 as usize];
                        if let Some(PyObject::Super(sup)) = owner.as_obj()
                            && let Some(method) = name
                                .as_str_or_subclass()
                                .and_then(|name| Vm::super_method(sup, name.as_str()))
                        {
                            self.stack.push(method);
                            self.stack.push(sup.object.clone());
                            continue;
                        }
                        if let Some(PyObject::Type(class)) = owner.as_obj() {
                            // `dict.get(d, k)`, `Base.method(self, x)`,
                            // `Class.class_method(x)`.
                            match class_attribute_cached(code, i.0 as usize, class) {
                                Some((value, false)) => {
                                    self.stack.push(Value::Null);
                                    self.stack.push(value);
                                }
                                Some((function, true)) => {
                                    self.stack.push(function);
                                    self.stack.push(owner);
                                }
                                None => {
                                    sync_pc!();
                                    let value = self.load_attribute(&owner, name)?;
                                    cache_class_attribute(code, i.0 as usize, class, &value);
                                    self.stack.push(Value::Null);
                                    self.stack.push(value);
                                }
                            }
                            continue;
                        }
                        // `module.function(...)`, `self.static_helper(...)`,
                        // `self.class_method(...)`.
                        if let Some((callable, receiver)) =
                            instance_call_target_cached(code, i.0 as usize, &owner)
                        {
                            self.stack.push(callable);
                            self.stack.push(receiver);
                            continue;
                        }
                        // Dict lookups with a str key: no Python code runs.
                        match self.lookup_method_cached(code, i.0 as usize, &owner) {
                            Some(method) => {
                                self.stack.push(method);
                                self.stack.push(owner);
                            }
                            None => {
                                sync_pc!();
                                let value = self.load_attribute(&owner, name)?;
                                if !cache_module_attribute(code, i.0 as usize, &owner, &value) {
                                    cache_descriptor_function(code, i.0 as usize, &owner);
                                }
                                self.stack.push(Value::Null);
                                self.stack.push(value);
                            }
                        }
                    }
                    I::UnaryPositive => {
                        sync_pc!();
                        self.unary(UnaryOp::Pos)?;
                    }
                    I::UnaryNegative => {
                        sync_pc!();
                        self.unary(UnaryOp::Neg)?;
                    }
                    I::UnaryInvert => {
                        sync_pc!();
                        self.unary(UnaryOp::Invert)?;
                    }
                    I::UnaryNot => {
                        sync_pc!();
                        let value = self.pop();
                        let truth = self.truthy(&value)?;
                        self.stack.push(Value::bool(!truth));
                    }
                    I::BinaryOp(op) => {
                        rule_in_arm!(rule_in_arm, I::BinaryOp(op));
                        let rhs = self.pop();
                        let lhs = self.pop();
                        if let Some(result) = fast_binary(op, &lhs, &rhs) {
                            self.stack.push(result);
                            continue;
                        }
                        // `s += t` (or `s = s + t`) on a local str:
                        // appended in place when no one else holds it.
                        let lhs = match (op, instructions[pc]) {
                            (BinaryOperator::Add | BinaryOperator::InplaceAdd, I::StoreFast(k))
                                if matches!(
                                    lhs.as_obj(),
                                    Some(PyObject::Str(_) | PyObject::Bytes(_))
                                ) =>
                            {
                                match append_to_local(
                                    &mut self.stack,
                                    base + k.0 as usize,
                                    lhs,
                                    &rhs,
                                ) {
                                    Ok(joined) => {
                                        self.stack.push(joined);
                                        continue;
                                    }
                                    Err(lhs) => lhs,
                                }
                            }
                            _ => lhs,
                        };
                        sync_pc!();
                        let result = match (op, &lhs, &rhs) {
                            (
                                BinaryOperator::Add | BinaryOperator::InplaceAdd,
                                Value::Int(a),
                                Value::Int(b),
                            ) => match a.checked_add(*b) {
                                Some(sum) => Value::Int(sum),
                                None => protocol::binary_op(BinaryOp::Add, &lhs, &rhs)?,
                            },
                            (
                                BinaryOperator::Subtract | BinaryOperator::InplaceSubtract,
                                Value::Int(a),
                                Value::Int(b),
                            ) => match a.checked_sub(*b) {
                                Some(diff) => Value::Int(diff),
                                None => protocol::binary_op(BinaryOp::Sub, &lhs, &rhs)?,
                            },
                            // `t1 + t2`, `s1 + s2`, `l1 + l2` (not `+=` on a
                            // list: that extends it) on exact builtins: no
                            // dunder to look for, no other case to test.
                            (
                                BinaryOperator::Add | BinaryOperator::InplaceAdd,
                                Value::Obj(a),
                                Value::Obj(b),
                            ) if match (&**a, &**b) {
                                (PyObject::Tuple(_), PyObject::Tuple(_))
                                | (PyObject::Str(_), PyObject::Str(_)) => true,
                                (PyObject::List(_), PyObject::List(_)) => op == BinaryOperator::Add,
                                _ => false,
                            } =>
                            {
                                protocol::add_objects(&lhs, &rhs)?
                            }
                            _ => {
                                let (base_op, inplace) = binary_operator(op);
                                if let Some(value) =
                                    self.binary_dunder(base_op, inplace, &lhs, &rhs)?
                                {
                                    value
                                } else if inplace {
                                    protocol::inplace_op(self, base_op, &lhs, &rhs)?
                                } else {
                                    self.builtin_binary(base_op, &lhs, &rhs)?
                                }
                            }
                        };
                        self.stack.push(result);
                    }
                    I::CompareOp(op) => {
                        rule_in_arm!(rule_in_arm, I::CompareOp(op));
                        let rhs = self.pop();
                        let lhs = self.pop();
                        if let Some(truth) = fast_compare(op, &lhs, &rhs) {
                            // FusedPath::CompareJump
                            push_truth_or_jump!(truth);
                            continue;
                        }
                        sync_pc!();
                        let result = self.compare_outlined(op, &lhs, &rhs)?;
                        self.stack.push(result);
                    }
                    I::IsOp(invert) => {
                        let rhs = self.pop();
                        let lhs = self.pop();
                        // FusedPath::IsJump
                        push_truth_or_jump!(lhs.is(&rhs) != invert);
                    }
                    I::ContainsOp(invert) => {
                        let container = self.pop();
                        let item = self.pop();
                        if let Some(found) = contains_fast(&container, &item) {
                            self.stack.push(Value::bool(found != invert));
                            continue;
                        }
                        sync_pc!();
                        let found = self.contains_value(&container, &item)?;
                        self.stack.push(Value::bool(found != invert));
                    }
                    I::BinarySubscr => {
                        rule_in_arm!(rule_in_arm, I::BinarySubscr);
                        let key = self.pop();
                        let container = self.pop();
                        // list[i] and tuple[i] without the general machinery.
                        if let Some(item) = subscript_fast(&container, &key) {
                            self.stack.push(item);
                            continue;
                        }
                        sync_pc!();
                        // An instance whose class statement defines
                        // `__getitem__`: its frame runs in this loop, as a
                        // call's would (CPython's BINARY_SUBSCR_GETITEM).
                        if let Some(getitem) = python_getitem(&container) {
                            let call_base = self.stack.len();
                            self.stack.push(container);
                            self.stack.push(key);
                            if self.enter_outlined(&getitem, call_base, 2)? {
                                switch_frame!();
                                continue 'frames;
                            }
                            let key = self.pop();
                            let container = self.pop();
                            let value = self.subscript_get(&container, key)?;
                            self.stack.push(value);
                            continue;
                        }
                        let value = self.subscript_get(&container, key)?;
                        self.stack.push(value);
                    }
                    I::StoreSubscr => {
                        let key = self.pop();
                        let container = self.pop();
                        let value = self.pop();
                        let value = match store_subscript_fast(&container, &key, value) {
                            None => continue,
                            Some(value) => value,
                        };
                        sync_pc!();
                        self.subscript_set(&container, key, value)?;
                    }
                    I::DeleteSubscr => {
                        sync_pc!();
                        let key = self.pop();
                        let container = self.pop();
                        self.subscript_delete(&container, key)?;
                        drop(container);
                        self.finalize_if_pending();
                    }
                    I::BuildSlice(argc) => {
                        // FusedPath::SliceSubscript: `seq[a:b]` read, or a
                        // list's `seq[a:b] = items` written, with int or
                        // None bounds, without making the slice object.
                        if !WATCHED
                            && let Some(next @ (I::BinarySubscr | I::StoreSubscr)) =
                                instructions.get(pc)
                        {
                            let bounds = match argc {
                                SliceArgc::Three => 3,
                                SliceArgc::Two => 2,
                            };
                            let top = self.stack.len();
                            let done = if let I::BinarySubscr = next {
                                slice_fast(&self.stack[top - bounds - 1..])
                            } else {
                                store_slice_fast(&self.stack[top - bounds - 2..])
                                    .then_some(Value::None)
                            };
                            if let Some(result) = done {
                                count_fused!(1);
                                pc += 1;
                                match next {
                                    I::BinarySubscr => {
                                        self.stack.truncate(top - bounds - 1);
                                        self.stack.push(result);
                                    }
                                    _ => self.stack.truncate(top - bounds - 2),
                                }
                                continue;
                            }
                        }
                        sync_pc!();
                        let step = match argc {
                            SliceArgc::Three => self.pop(),
                            SliceArgc::Two => Value::None,
                        };
                        let stop = self.pop();
                        let start = self.pop();
                        self.stack
                            .push(Value::obj(PyObject::Slice(PySlice::new(start, stop, step))));
                    }
                    I::BuildTuple(n) => {
                        // Straight from the stack: no intermediate Vec.
                        let start = self.stack.len() - n as usize;
                        let tuple = PyTuple::from_exact(self.stack.drain(start..));
                        self.stack.push(Value::obj(PyObject::Tuple(tuple)));
                    }
                    I::BuildList(n) => {
                        let items = self.pop_n(n as usize);
                        self.stack.push(Value::list(items));
                    }
                    I::BuildSet(n) => {
                        sync_pc!();
                        let items = self.pop_n(n as usize);
                        let set = PySet::new();
                        for item in items {
                            set.add_vm(self, item)?;
                        }
                        self.stack.push(Value::set(set));
                    }
                    I::BuildMap(n) => {
                        sync_pc!();
                        let items = self.pop_n(2 * n as usize);
                        let dict = PyDict::new();
                        let mut iter = items.into_iter();
                        while let (Some(key), Some(value)) = (iter.next(), iter.next()) {
                            dict.set_item_vm(self, key, value)?;
                        }
                        self.stack.push(Value::dict(dict));
                    }
                    I::BuildConstKeyMap(n) => {
                        sync_pc!();
                        let keys = self.pop();
                        let values = self.pop_n(n as usize);
                        let keys = keys
                            .as_tuple_or_subclass()
                            .map(|t| t.as_slice().to_vec())
                            .unwrap_or_default();
                        let pairs = keys.into_iter().zip(values).collect();
                        self.stack.push(Value::dict(PyDict::from_pairs(pairs)?));
                    }
                    I::BuildString(n) => {
                        sync_pc!();
                        let parts = self.pop_n(n as usize);
                        let size = parts
                            .iter()
                            .filter_map(|part| part.as_str_or_subclass())
                            .map(|s| s.as_str().len())
                            .sum();
                        let mut text = crate::memory::string_with_capacity(size)?;
                        for part in &parts {
                            if let Some(s) = part.as_str_or_subclass() {
                                text.push_str(s.as_str());
                            }
                        }
                        self.stack.push(Value::str(text));
                    }
                    I::FormatValue(flags) => {
                        sync_pc!();
                        let spec = if flags.has_spec {
                            self.pop()
                        } else {
                            Value::None
                        };
                        let value = self.pop();
                        let value = match flags.conversion {
                            Conversion::None => value,
                            Conversion::Str => Value::str(self.str(&value)?),
                            Conversion::Repr => Value::str(self.repr(&value)?),
                            Conversion::Ascii => {
                                Value::str(crate::format::percent::ascii(&self.repr(&value)?))
                            }
                        };
                        let spec_text = spec.as_str_or_subclass().map_or("", |s| s.as_str());
                        let formatted = if let Some(text) = self.format_dunder(&value, spec_text)? {
                            Value::str(text)
                        } else if spec_text.is_empty() && value.as_str().is_some() {
                            value
                        } else if spec_text.is_empty() {
                            Value::str(self.str(&value)?)
                        } else {
                            Value::str(protocol::format(&value, spec_text)?)
                        };
                        self.stack.push(formatted);
                    }
                    I::ListAppend(depth) => {
                        let value = self.pop();
                        let list = &self.stack[self.stack.len() - depth.0 as usize];
                        if let Some(list) = list.as_list_or_subclass() {
                            list.append(value);
                        }
                    }
                    I::SetAdd(depth) => {
                        sync_pc!();
                        let value = self.pop();
                        let set = self.stack[self.stack.len() - depth.0 as usize].clone();
                        if let Some(set) = set.as_anyset_or_subclass() {
                            set.add_vm(self, value)?;
                        }
                    }
                    I::MapAdd(depth) => {
                        sync_pc!();
                        let value = self.pop();
                        let key = self.pop();
                        let dict = self.stack[self.stack.len() - depth.0 as usize].clone();
                        if let Some(dict) = dict.as_dict_or_subclass() {
                            dict.set_item_vm(self, key, value)?;
                        }
                    }
                    I::ListExtend(depth) => {
                        sync_pc!();
                        let iterable = self.pop();
                        let items = protocol::collect(self, &iterable).map_err(|err| {
                            if err.matches(ExcType::TypeError) && !self.is_iterable(&iterable) {
                                PyErr::type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    iterable.type_name()
                                ))
                            } else {
                                err
                            }
                        })?;
                        let list = &self.stack[self.stack.len() - depth.0 as usize];
                        if let Some(list) = list.as_list_or_subclass() {
                            list.borrow_mut().extend(items);
                        }
                    }
                    I::SetUpdate(depth) => {
                        sync_pc!();
                        let iterable = self.pop();
                        let target = self.stack[self.stack.len() - depth.0 as usize].clone();
                        if let Some(set) = target.as_anyset_or_subclass() {
                            set.update_from(self, &iterable)?;
                        }
                    }
                    I::DictUpdate(depth) | I::DictMerge(depth) => {
                        sync_pc!();
                        let mapping = self.pop();
                        let target = self.stack[self.stack.len() - depth.0 as usize].clone();
                        let Some(dict) = target.as_dict_or_subclass() else {
                            continue;
                        };
                        let Some(pairs) = self.mapping_items(&mapping)? else {
                            // `f(**x)`: CPython names the function (it lies
                            // below the positional arguments).
                            let len = self.stack.len();
                            let callable = len
                                .checked_sub(depth.0 as usize + 2)
                                .map(|i| self.stack[i].clone());
                            let message = match (instruction, callable) {
                                (I::DictMerge(_), Some(callable)) => format!(
                                    "{} argument after ** must be a mapping, not {}",
                                    self.function_str(&callable),
                                    mapping.type_name()
                                ),
                                _ => format!("'{}' object is not a mapping", mapping.type_name()),
                            };
                            return Err(PyErr::type_error(message).into());
                        };
                        let merge = matches!(instruction, I::DictMerge(_));
                        for (key, value) in pairs {
                            if merge && dict.get_item_vm(self, &key)?.is_some() {
                                let name = self.str(&key)?;
                                // Named as CPython names it: `__main__.f()`.
                                let len = self.stack.len();
                                let callable = len
                                    .checked_sub(depth.0 as usize + 2)
                                    .map(|i| self.stack[i].clone());
                                let function = match callable {
                                    Some(callable) => format!("{} ", self.function_str(&callable)),
                                    None => String::new(),
                                };
                                return Err(PyErr::type_error(format!(
                                    "{function}got multiple values for keyword argument '{name}'"
                                ))
                                .into());
                            }
                            dict.set_item_vm(self, key, value)?;
                        }
                    }
                    I::ListToTuple => {
                        sync_pc!();
                        let list = self.pop();
                        let items = list
                            .as_list_or_subclass()
                            .map(|l| l.snapshot())
                            .unwrap_or_default();
                        self.stack.push(Value::tuple(items));
                    }
                    I::UnpackSequence(n) => {
                        let sequence = self.pop();
                        // Exact tuples and lists of the right length push
                        // their items straight from their storage.
                        let list_items = match sequence.as_obj() {
                            Some(PyObject::List(l)) => l.values_if_len(n as usize),
                            _ => None,
                        };
                        let items = match sequence.as_obj() {
                            Some(PyObject::Tuple(t)) if t.len() == n as usize => Some(t.as_slice()),
                            _ => list_items.as_deref(),
                        };
                        let pushed = match (sequence.as_obj(), items) {
                            (_, Some(items)) => {
                                // FusedPath::UnpackStoreFast: the items go
                                // straight to the STORE_FAST targets (the
                                // popped sequence keeps them alive meanwhile;
                                // a list stays borrowed: the stores' drops
                                // run no Python code).
                                let mut stored = 0;
                                if !WATCHED {
                                    let limit = if COUNTED {
                                        items.len().min(MAX_FUSED_SPAN as usize - 1)
                                    } else {
                                        items.len()
                                    };
                                    while stored < limit
                                        && let Some(I::StoreFast(k)) = instructions.get(pc)
                                    {
                                        count_fused!(1);
                                        pc += 1;
                                        set_value(
                                            &mut self.stack[base + k.0 as usize],
                                            items[stored].clone(),
                                        );
                                        stored += 1;
                                    }
                                }
                                self.stack.extend(items[stored..].iter().rev().cloned());
                                // Its fusion is done: the one below would
                                // run past the budget's room.
                                continue;
                            }
                            // A compact list (`[0] * n`) makes its values.
                            (Some(PyObject::List(l)), None) => {
                                l.push_reversed_if_len(n as usize, &mut self.stack)
                            }
                            _ => false,
                        };
                        if pushed {
                            // FusedPath::UnpackStoreFast: the STORE_FASTs
                            // of the targets, each as its own arm does it.
                            if !WATCHED {
                                // Counted, no dispatch runs more than
                                // MAX_FUSED_SPAN instructions.
                                let mut left = if COUNTED {
                                    n.min(MAX_FUSED_SPAN as u32 - 1)
                                } else {
                                    n
                                };
                                while left > 0
                                    && let Some(I::StoreFast(k)) = instructions.get(pc)
                                {
                                    count_fused!(1);
                                    pc += 1;
                                    left -= 1;
                                    let value = self.pop();
                                    set_value(&mut self.stack[base + k.0 as usize], value);
                                }
                            }
                            continue;
                        }
                        sync_pc!();
                        let items = self.unpack(&sequence, n as usize, None)?;
                        self.stack.extend(items.into_iter().rev());
                    }
                    I::UnpackEx(counts) => {
                        sync_pc!();
                        let sequence = self.pop();
                        let before = counts.before as usize;
                        let after = counts.after as usize;
                        if let Some(PyObject::Tuple(t)) = sequence.as_obj()
                            && t.len() >= before + after
                        {
                            unpack_ex_into(&mut self.stack, t.as_slice(), before, after);
                            continue;
                        }
                        let items = self.unpack(&sequence, before + after, Some(()))?;
                        unpack_ex_into(&mut self.stack, &items, before, after);
                    }
                    I::JumpForward(target) => jump!(pc, target.0),
                    I::JumpBackward(target) => {
                        rule_in_arm!(rule_in_arm, I::JumpBackward(target));
                        if !WATCHED && self.limits_armed && self.poll_due() {
                            if self.switch_to_watched() {
                                close_segment!();
                                self.frames[fi].pc = target.0 as usize;
                                return Err(Unwind::SwitchLoop);
                            }
                            sync_pc!();
                            self.poll_limits_fully()?;
                        }
                        jump!(pc, target.0);
                        // A loop that calls nothing still reaches the
                        // collector (and what drops queued) here.
                        run_dropped_finalizers!();
                        // Loops jump back to their FOR_ITER: its fast path
                        // runs in this dispatch.
                        // FusedPath::JumpBackwardForIter
                        // (Counted, not when the finalizers just run spent
                        // the room: the watched loop must see FOR_ITER.)
                        if !WATCHED
                            && (!COUNTED || pc < self.watch.pc_limit)
                            && let I::ForIter(exit) = instructions[pc]
                        {
                            pc += 1;
                            // (`for_iter_fast!` marks the FOR_ITER for coverage.)
                            if !for_iter_fast!(exit.0 as usize) {
                                pc -= 1;
                            }
                        }
                    }
                    I::PopJumpIfFalse(target) | I::PopJumpIfTrue(target) => {
                        rule_in_arm!(rule_in_arm, I::PopJumpIfFalse(target));
                        let value = self.pop();
                        let truth = match value {
                            Value::Bool(b) => b.get(),
                            // (`if n:`, `if node.left:` at a leaf.)
                            Value::Int(i) => i != 0,
                            Value::None => false,
                            _ => {
                                // `__bool__` / `__len__` may run Python code.
                                sync_pc!();
                                self.truthy_value(&value)?
                            }
                        };
                        let jumps = truth == matches!(instruction, I::PopJumpIfTrue(_));
                        cover_jump!(pc - 1, jumps);
                        if jumps {
                            jump!(pc, target.0);
                        }
                    }
                    I::PopJumpIfNone(target) => {
                        let jumps = self.pop().is_none();
                        cover_jump!(pc - 1, jumps);
                        if jumps {
                            jump!(pc, target.0);
                        }
                    }
                    I::PopJumpIfNotNone(target) => {
                        let jumps = !self.pop().is_none();
                        cover_jump!(pc - 1, jumps);
                        if jumps {
                            jump!(pc, target.0);
                        }
                    }
                    I::JumpIfFalseOrPop(target) => {
                        sync_pc!();
                        let truth = match self.top() {
                            Value::Bool(b) => b.get(),
                            Value::Int(i) => *i != 0,
                            Value::None => false,
                            value => {
                                let value = value.clone();
                                self.truthy(&value)?
                            }
                        };
                        cover_jump!(pc - 1, !truth);
                        if truth {
                            self.pop();
                        } else {
                            jump!(pc, target.0);
                        }
                    }
                    I::JumpIfTrueOrPop(target) => {
                        sync_pc!();
                        let truth = match self.top() {
                            Value::Bool(b) => b.get(),
                            Value::Int(i) => *i != 0,
                            Value::None => false,
                            value => {
                                let value = value.clone();
                                self.truthy(&value)?
                            }
                        };
                        cover_jump!(pc - 1, truth);
                        if truth {
                            jump!(pc, target.0);
                        } else {
                            self.pop();
                        }
                    }
                    I::GetIter => {
                        sync_pc!();
                        let iterable = self.pop();
                        let iterator = self.iterate(&iterable)?;
                        self.stack.push(iterator);
                    }
                    I::ForIter(target) => {
                        if for_iter_fast!(target.0 as usize) {
                            continue;
                        }
                        // A generator runs as a frame of this loop: no
                        // nested loop per item.
                        if let Some(PyObject::Generator(_)) = self.top().as_obj() {
                            sync_pc!();
                            if self.resume_in_place(ResumedBy::ForIter(target.0), plain) {
                                switch_frame!();
                                continue 'frames;
                            }
                        }
                        // `for a, b in enumerate(...)`, `zip(a, b)`,
                        // `d.items()`: the pair's items go to the targets
                        // of the UNPACK_SEQUENCE after it, and the pair
                        // is never made. FusedPath::ForIterUnpackPair
                        if !WATCHED
                            && let I::UnpackSequence(2) = instructions[pc]
                            && let Some(PyObject::Iterator(iterator)) = self.top().as_obj()
                            && let Some(next) = iterator.next_pair_without_vm()
                        {
                            match next {
                                Some((first, second)) => {
                                    cover_jump!(pc - 1, false);
                                    count_fused!(1);
                                    pc += 1;
                                    if let (Some(&I::StoreFast(j)), Some(&I::StoreFast(k))) =
                                        (instructions.get(pc), instructions.get(pc + 1))
                                    {
                                        count_fused!(2);
                                        pc += 2;
                                        set_value(&mut self.stack[base + j.0 as usize], first);
                                        set_value(&mut self.stack[base + k.0 as usize], second);
                                    } else {
                                        // UNPACK_SEQUENCE's order: the first on top.
                                        self.stack.push(second);
                                        self.stack.push(first);
                                    }
                                }
                                None => {
                                    cover_jump!(pc - 1, true);
                                    self.pop();
                                    jump!(pc, target.0);
                                }
                            }
                            continue;
                        }
                        sync_pc!();
                        // A dict's keys, values or items; enumerate or zip
                        // over lists, tuples and ranges.
                        let dict_item = match self.top().as_obj() {
                            Some(PyObject::Iterator(iterator)) => iterator.next_without_vm(),
                            _ => None,
                        };
                        let next = match dict_item {
                            Some(next) => next,
                            None => {
                                // `for x in chain(gen, ...)`: the generator
                                // the chain takes from runs here too.
                                if self.resume_pass_through_in_place((pc - 1) as u32, plain) {
                                    switch_frame!();
                                    continue 'frames;
                                }
                                let iterator = self.top().clone();
                                protocol::next(self, &iterator)?
                            }
                        };
                        cover_jump!(pc - 1, next.is_none());
                        match next {
                            Some(value) => self.stack.push(value),
                            None => {
                                self.pop();
                                jump!(pc, target.0);
                            }
                        }
                    }
                    I::ReturnValue => {
                        sync_pc!();
                        // (The frame is gone at once: its segment is
                        // charged here; the caller's opens at `'frames`, or
                        // the frame returns to native code.)
                        switch_frame!();
                        let mut value = self.pop();
                        // A function called by CALL returning to its caller,
                        // the most frequent case: the frame has none of the
                        // optional roles, so only its code and globals are
                        // released (its other fields hold nothing).
                        if let Some(frame) = self.frames.last()
                            && frame.is_plain_call()
                        {
                            let call_base = frame.call_base;
                            let len = self.frames.len();
                            // SAFETY: the last frame is cut off first, then
                            // the two fields holding references are read out
                            // of it once; `is_plain_call` checked that the
                            // others hold nothing to release.
                            unsafe {
                                self.frames.set_len(len - 1);
                                let frame = self.frames.as_ptr().add(len - 1);
                                drop(std::ptr::addr_of!((*frame).code).read());
                                drop(std::ptr::addr_of!((*frame).globals).read());
                            }
                            truncate_values(&mut self.stack, call_base);
                            self.stack.push(value);
                            continue 'frames;
                        }
                        // The frame is read and dropped where it lies: moving
                        // it out of the frame stack costs a memcpy per return.
                        let frame = self.frames.last_mut().expect("returning from a frame");
                        let call_base = frame.call_base;
                        let entry = frame.entry;
                        let resumed_in_place = frame.resumed_in_place;
                        let caller_handled = std::mem::take(&mut frame.caller_handled);
                        let init_instance = frame.init_instance.take();
                        let generator = frame.generator.take();
                        self.frames.truncate(self.frames.len() - 1);
                        self.forget_frame_objects_above(self.frames.len());
                        truncate_values(&mut self.stack, call_base);
                        if let Some(instance) = init_instance {
                            if !value.is_none() {
                                // Reported in the caller, as CPython does
                                // (native code, if it made the call).
                                let err = PyErr::type_error(format!(
                                    "__init__() should return None, not '{}'",
                                    value.type_name()
                                ));
                                return Err(if entry {
                                    Unwind::Escape(err)
                                } else {
                                    err.into()
                                });
                            }
                            value = instance;
                        }
                        if let Some(generator) = &generator {
                            self.finish_generator(generator);
                        }
                        if let Some(resumer) = resumed_in_place {
                            self.handled = caller_handled;
                            // A delegate resumed through a `yield from`
                            // chain: its delegator's frame goes on.
                            if let Some(delegator) = generator
                                .as_ref()
                                .and_then(crate::interpreter::generator::take_delegator)
                            {
                                self.resume_delegator_in_place(delegator, resumer, Some(value));
                                continue 'frames;
                            }
                            let target = match resumer {
                                // Exhausted: the FOR_ITER pops its iterator and
                                // jumps; the generator of a pass-through iterator
                                // (resumed with the FOR_ITER's own index) sends
                                // the loop back to the FOR_ITER, the iterator
                                // staying (`resume_pass_through_in_place`).
                                ResumedBy::ForIter(target) => {
                                    let pass_through = self
                                        .frames
                                        .last()
                                        .is_some_and(|caller| caller.pc == target as usize + 1);
                                    if !pass_through {
                                        self.pop();
                                        if (WATCHED || COVERED) && self.covering {
                                            self.cover_for_iter_exhausted();
                                        }
                                    }
                                    target
                                }
                                // Finished: the value is the `yield from`'s result.
                                ResumedBy::Send(target) => {
                                    if let Some(receiver) = self.stack.last_mut() {
                                        *receiver = value;
                                    }
                                    target
                                }
                                // `send()`/`next()` of a generator that
                                // returns: StopIteration at the call.
                                ResumedBy::Call => {
                                    return Err(crate::interpreter::generator::stop_iteration(
                                        value,
                                    )
                                    .into());
                                }
                            };
                            if let Some(caller) = self.frames.last_mut() {
                                caller.pc = target as usize;
                            }
                            continue 'frames;
                        }
                        if entry {
                            return Ok(FrameExit::Return(value));
                        }
                        self.stack.push(value);
                        continue 'frames;
                    }
                    I::KwNames(i) => kw_names = Some(i.0 as usize),
                    I::Call(argc) => {
                        sync_pc!();
                        if !WATCHED && self.limits_armed {
                            if self.watch.filtering_calls && self.call_wanted(argc as usize + 2) {
                                // The watched loop hooks this call: it
                                // starts at its KW_NAMES if it has one
                                // (the names live in this loop only).
                                pc -= if kw_names.is_some() { 2 } else { 1 };
                                close_segment!();
                                self.frames[fi].pc = pc;
                                return Err(Unwind::SwitchLoop);
                            }
                            if self.poll_due() {
                                // (Not between KW_NAMES and its CALL: the
                                // names live in this loop only.)
                                if self.switch_to_watched() && kw_names.is_none() {
                                    pc -= 1;
                                    close_segment!();
                                    self.frames[fi].pc = pc;
                                    return Err(Unwind::SwitchLoop);
                                }
                                self.poll_limits_fully()?;
                            }
                        }
                        if crate::interpreter::finalize::pending() {
                            self.run_pending()?;
                        }
                        let argc = argc as usize;
                        // One look at the callable (`[NULL, callable,
                        // args...]` after PUSH_NULL, `[callable, self,
                        // args...]` after LOAD_METHOD) picks the in-place
                        // path for the most frequent callees.
                        if kw_names.is_none() {
                            let call_base = self.stack.len() - argc - 2;
                            let method_form = !matches!(self.stack[call_base], Value::Null);
                            let (callable_at, first_arg, nargs) = if method_form {
                                (call_base, call_base + 1, argc + 1)
                            } else {
                                (call_base + 1, call_base + 2, argc)
                            };
                            // A Python function: entered at once, without a
                            // new reference to it.
                            if let Some(PyObject::Function(function)) =
                                self.stack[callable_at].as_obj()
                            {
                                let function: *const PyFunction = &**function;
                                // SAFETY: the callable's slot, below the
                                // frame's slots, keeps the function alive
                                // while the frame is entered (nothing there
                                // is popped; the stack's buffer may move,
                                // the function does not).
                                let function = unsafe { &*function };
                                if self.enter_function_in_place(
                                    function, first_arg, nargs, call_base,
                                )? {
                                    switch_frame!();
                                    continue 'frames;
                                }
                            }
                            match self.stack[callable_at].as_obj() {
                                Some(PyObject::MethodDescriptor(method)) => {
                                    // `items.append(x)`: no call at all.
                                    if argc == 1
                                        && method_form
                                        && method.bound.is_none()
                                        && crate::builtins::list::is_append(method.def)
                                        && matches!(
                                            self.stack[call_base + 1].as_obj(),
                                            Some(PyObject::List(_))
                                        )
                                    {
                                        let item = self.pop();
                                        if let Some(PyObject::List(list)) =
                                            self.stack[call_base + 1].as_obj()
                                        {
                                            list.append(item);
                                        }
                                        self.stack.drop_two();
                                        // As a statement, its None is popped at once.
                                        // FusedPath::ListAppendCall
                                        if !WATCHED
                                            && (!COUNTED || pc < self.watch.pc_limit)
                                            && let I::PopTop = instructions[pc]
                                        {
                                            count_fused!(1);
                                            pc += 1;
                                        } else {
                                            self.stack.push(Value::None);
                                        }
                                        continue;
                                    }
                                    // `s.lower()`, `items.pop()`: a builtin
                                    // type's method, run on the arguments
                                    // at once.
                                    if let Some(result) = self.call_method_in_place(call_base) {
                                        self.stack.push(result?);
                                        continue;
                                    }
                                }
                                // `len(x)`, `isinstance(x, C)`, `type(x)`,
                                // `str(s)`: answered without a call.
                                Some(PyObject::BuiltinFunction(_) | PyObject::Type(_))
                                    if crate::interpreter::call::is_quick_builtin(
                                        &self.stack[callable_at],
                                    ) =>
                                {
                                    if let Some(result) =
                                        self.call_builtin_quick(first_arg, call_base)
                                    {
                                        self.stack.push(result?);
                                        continue;
                                    }
                                }
                                // `floor(x)`, `math.sqrt(x)`, `id(x)`: a
                                // builtin function on the arguments as
                                // they lie, its function pointer read here
                                // (no reference to the callable taken).
                                Some(PyObject::BuiltinFunction(function)) => {
                                    let function = *function;
                                    if let Some(result) = self.call_builtin_function_in_place(
                                        function, first_arg, call_base,
                                    ) {
                                        self.stack.push(result?);
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        let names = kw_names.take();
                        let call_base = self.stack.len() - argc - 2;
                        // A bound method object or a callable instance
                        // becomes a method call (function, receiver, args).
                        if let Value::Null = self.stack[call_base]
                            && let Some(PyObject::BoundMethod(_) | PyObject::Instance(_)) =
                                self.stack[call_base + 1].as_obj()
                        {
                            self.unpack_bound_call(call_base);
                        }
                        let (callable, first_arg, nargs) =
                            if let Value::Null = self.stack[call_base] {
                                (self.stack[call_base + 1].clone(), call_base + 2, argc)
                            } else {
                                (self.stack[call_base].clone(), call_base + 1, argc + 1)
                            };
                        // One look at the callable's kind picks the
                        // in-place path to try (each is out of line).
                        match (callable.as_obj(), names) {
                            (Some(PyObject::Function(_)), None) => {
                                if self.enter_in_place(&callable, first_arg, nargs, call_base)? {
                                    switch_frame!();
                                    continue 'frames;
                                }
                                if let Some(generator) = self
                                    .make_generator_in_place(&callable, first_arg, nargs, call_base)
                                {
                                    self.stack.push(generator);
                                    continue;
                                }
                            }
                            (Some(PyObject::Function(_)), Some(names)) => {
                                match self.enter_with_keywords_in_place(
                                    &callable,
                                    first_arg,
                                    nargs,
                                    &code.consts[names],
                                    call_base,
                                    true,
                                )? {
                                    Some(Outcome::Pushed) => {
                                        switch_frame!();
                                        continue 'frames;
                                    }
                                    Some(Outcome::Done(generator)) => {
                                        self.stack.push(generator);
                                        continue;
                                    }
                                    None => {}
                                }
                            }
                            // `Point()` of a class with neither `__init__`
                            // nor `__new__`: the bare instance, no call.
                            (Some(PyObject::Type(class)), None)
                                if argc == 0
                                    && matches!(self.stack[call_base], Value::Null)
                                    && crate::interpreter::class::is_plain_class(class) =>
                            {
                                let instance = Value::obj(PyObject::Instance(
                                    crate::builtins::function::PyInstance::new(class.clone()),
                                ));
                                self.stack.truncate(call_base);
                                self.stack.push(instance);
                                continue;
                            }
                            // (A class statement's class: a builtin type goes
                            // to the builtin path below without the call.)
                            (Some(PyObject::Type(class)), names)
                                if class.heap
                                    && self.enter_init_in_place(
                                        &callable,
                                        call_base,
                                        argc,
                                        names.map(|i| &code.consts[i]),
                                    )? =>
                            {
                                switch_frame!();
                                continue 'frames;
                            }
                            (
                                Some(
                                    PyObject::BuiltinFunction(_)
                                    | PyObject::MethodDescriptor(_)
                                    | PyObject::Type(_)
                                    | PyObject::Native(_),
                                ),
                                None,
                            ) => {
                                if let Some(result) =
                                    self.call_builtin_in_place(&callable, first_arg, call_base)
                                {
                                    let value = result?;
                                    self.stack.push(value);
                                    continue;
                                }
                                // `gen.send(x)`, `next(gen)`: the generator
                                // runs as a frame of this loop. (After the
                                // builtins answered in place, which are
                                // called more.)
                                if self
                                    .resume_called_in_place(&callable, first_arg, call_base, plain)
                                {
                                    switch_frame!();
                                    continue 'frames;
                                }
                            }
                            _ => {}
                        }
                        drop(callable);
                        let kwnames: Vec<&str> = match names {
                            Some(i) => code.consts[i]
                                .as_tuple_or_subclass()
                                .map(|t| {
                                    t.iter()
                                        .filter_map(|n| n.as_str_or_subclass().map(|s| s.as_str()))
                                        .collect()
                                })
                                .unwrap_or_default(),
                            None => Vec::new(),
                        };
                        // A method's receiver is taken with the arguments
                        // (no insertion at the vector's front).
                        let len = self.stack.len();
                        let method = !matches!(self.stack[len - argc - 2], Value::Null);
                        let args = self.stack.split_off(len - argc - usize::from(method));
                        let callable = match method {
                            true => self.pop(),
                            false => {
                                let callable = self.pop();
                                self.pop();
                                callable
                            }
                        };
                        // (The one callee a host function that pauses
                        // the run may be: see `Vm::pause_for_call`.)
                        self.pausing.direct_callee =
                            crate::interpreter::pause::callee_address(&callable);
                        let outcome = self.call_value(&callable, args, &kwnames, false);
                        self.pausing.direct_callee = 0;
                        match outcome? {
                            Outcome::Pushed => {
                                switch_frame!();
                                continue 'frames;
                            }
                            Outcome::Done(value) => self.stack.push(value),
                        }
                    }
                    I::CallFunctionEx(has_kwargs) => {
                        sync_pc!();
                        if !WATCHED && self.limits_armed {
                            let span = 3 + usize::from(has_kwargs);
                            if self.watch.filtering_calls && self.call_wanted(span) {
                                pc -= 1;
                                close_segment!();
                                self.frames[fi].pc = pc;
                                return Err(Unwind::SwitchLoop);
                            }
                            if self.poll_due() {
                                if self.switch_to_watched() {
                                    pc -= 1;
                                    close_segment!();
                                    self.frames[fi].pc = pc;
                                    return Err(Unwind::SwitchLoop);
                                }
                                self.poll_limits_fully()?;
                            }
                        }
                        let kwargs = if has_kwargs { Some(self.pop()) } else { None };
                        let positional = self.pop();
                        let callable = self.pop();
                        self.pop();
                        if self.call_ex_in_place(&callable, &positional, kwargs.as_ref())? {
                            switch_frame!();
                            continue 'frames;
                        }
                        let mut args = match positional.as_obj() {
                            Some(PyObject::Tuple(t)) => t.as_slice().to_vec(),
                            _ if !self.is_iterable(&positional) => {
                                return Err(PyErr::type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    self.function_str(&callable),
                                    positional.type_name()
                                ))
                                .into());
                            }
                            _ => protocol::collect(self, &positional)?,
                        };
                        let mut names: Vec<String> = Vec::new();
                        if let Some(kwargs) = kwargs {
                            let Some(dict) = kwargs.as_dict_or_subclass() else {
                                return Err(PyErr::type_error(format!(
                                    "argument after ** must be a mapping, not {}",
                                    kwargs.type_name()
                                ))
                                .into());
                            };
                            for (key, value) in dict.items() {
                                let Some(name) = key.as_str_or_subclass() else {
                                    return Err(
                                        PyErr::type_error("keywords must be strings").into()
                                    );
                                };
                                names.push(name.as_str().to_string());
                                args.push(value);
                            }
                        }
                        let kwnames: Vec<&str> = names.iter().map(String::as_str).collect();
                        self.pausing.direct_callee =
                            crate::interpreter::pause::callee_address(&callable);
                        let outcome = self.call_value(&callable, args, &kwnames, false);
                        self.pausing.direct_callee = 0;
                        match outcome? {
                            Outcome::Pushed => {
                                switch_frame!();
                                continue 'frames;
                            }
                            Outcome::Done(value) => self.stack.push(value),
                        }
                    }
                    I::MakeFunction(flags) => {
                        sync_pc!();
                        let function = self.make_function(fi, flags)?;
                        self.stack.push(function);
                    }
                    I::LoadBuildClass => {
                        sync_pc!();
                        let name = Value::str("__build_class__");
                        match self.builtin(&name)? {
                            Some(value) => self.stack.push(value),
                            None => {
                                return Err(PyErr::new(
                                    ExcType::NameError,
                                    "class definitions are not supported by krait yet",
                                )
                                .into());
                            }
                        }
                    }
                    I::SetupAnnotations => {
                        sync_pc!();
                        let locals = self.locals_of(fi)?;
                        if let Some(dict) = locals.as_dict_or_subclass() {
                            let key = Value::str("__annotations__");
                            if !dict.contains(&key)? {
                                dict.set_item(key, Value::dict(PyDict::new()))?;
                            }
                        }
                    }
                    I::GetYieldFromIter => {
                        sync_pc!();
                        let value = self.pop();
                        let iterator = match value.as_obj() {
                            Some(PyObject::Generator(_)) => value,
                            Some(PyObject::Coroutine(_)) => {
                                // Only a `types.coroutine` generator may.
                                let flags = self.frames[fi].code.bytecode.flags;
                                if !flags.contains(krait_bytecode::CodeFlags::ITERABLE_COROUTINE) {
                                    return Err(PyErr::type_error(
                                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                    )
                                    .into());
                                }
                                value
                            }
                            _ => self.iterate(&value)?,
                        };
                        self.stack.push(iterator);
                    }
                    I::GetAwaitable(where_) => {
                        sync_pc!();
                        let value = self.pop();
                        let awaitable = self.get_awaitable(&value, where_)?;
                        self.stack.push(awaitable);
                    }
                    I::GetAiter => {
                        sync_pc!();
                        let value = self.pop();
                        let aiter = self.get_aiter(&value)?;
                        self.stack.push(aiter);
                    }
                    I::GetAnext => {
                        sync_pc!();
                        let aiter = self.top().clone();
                        let awaitable = self.get_anext(&aiter)?;
                        self.stack.push(awaitable);
                    }
                    I::EndAsyncFor => {
                        sync_pc!();
                        let exc = self.pop();
                        match PyErr::from_value(&exc) {
                            Some(err) if err.matches(ExcType::StopAsyncIteration) => {
                                self.pop();
                            }
                            Some(err) => return Err(Unwind::Reraise(err)),
                            None => {
                                return Err(PyErr::type_error(
                                    "exceptions must derive from BaseException",
                                )
                                .into());
                            }
                        }
                    }
                    I::BeforeAsyncWith => {
                        sync_pc!();
                        let manager = self.pop();
                        let (exit, entered) = self.before_async_with(&manager)?;
                        self.stack.push(exit);
                        self.stack.push(entered);
                    }
                    I::AsyncGenWrap => {
                        let value = self.pop();
                        self.stack
                            .push(crate::builtins::coroutine::wrap_async_gen_value(value));
                    }
                    I::YieldValue => {
                        sync_pc!();
                        let mut value = self.pop();
                        // A drained generator's frame runs on while the
                        // drain takes its items.
                        if self.frames[fi].draining {
                            match self.drain_yield(value) {
                                None => {
                                    self.stack.push(Value::None);
                                    continue;
                                }
                                Some(stop) => value = stop,
                            }
                        }
                        // (As in RETURN_VALUE.)
                        switch_frame!();
                        let resumed_by = self.suspend_generator_frame();
                        // `for x in generator`: the item goes straight to
                        // the loop variable (FusedPath::ForIterStore).
                        if plain
                            && let Some(ResumedBy::ForIter(_)) = resumed_by
                            && let Some(caller) = self.frames.last_mut()
                            && let Some(&I::StoreFast(k)) = caller.code.instructions.get(caller.pc)
                        {
                            caller.pc += 1;
                            let slot = caller.base + k.0 as usize;
                            set_value(&mut self.stack[slot], value);
                            continue 'frames;
                        }
                        match resumed_by {
                            // The FOR_ITER below gets the item.
                            Some(_) => {
                                self.stack.push(value);
                                continue 'frames;
                            }
                            None => return Ok(FrameExit::Yield(value)),
                        }
                    }
                    I::Send(target) => {
                        sync_pc!();
                        // A generator runs as a frame of this loop, as in FOR_ITER.
                        if self.resume_in_place(ResumedBy::Send(target.0), plain) {
                            switch_frame!();
                            continue 'frames;
                        }
                        let value = self.pop();
                        let receiver = self.top().clone();
                        match self.send_value(&receiver, value)? {
                            FrameExit::Yield(yielded) => self.stack.push(yielded),
                            FrameExit::Return(result) => {
                                self.pop();
                                self.stack.push(result);
                                jump!(pc, target.0);
                            }
                        }
                    }
                    I::RaiseVarargs(kind) => {
                        sync_pc!();
                        return Err(self.raise(kind));
                    }
                    I::Reraise(_) => {
                        sync_pc!();
                        let exc = self.pop();
                        return Err(match PyErr::from_value(&exc) {
                            Some(err) => Unwind::Reraise(err),
                            None => Unwind::Error(PyErr::type_error(
                                "exceptions must derive from BaseException",
                            )),
                        });
                    }
                    I::PushExcInfo => {
                        sync_pc!();
                        let exc = self.pop();
                        let previous = std::mem::replace(&mut self.handled, exc.clone());
                        self.stack.push(previous);
                        self.stack.push(exc);
                    }
                    I::PopExcept => {
                        sync_pc!();
                        self.handled = self.pop();
                    }
                    I::CheckExcMatch => {
                        sync_pc!();
                        let class = self.pop();
                        let exc = self.top().clone();
                        let matched = exception_matches(&exc, &class)?;
                        self.stack.push(Value::bool(matched));
                    }
                    I::CheckEgMatch => {
                        sync_pc!();
                        let match_type = self.pop();
                        let exc = self.pop();
                        let (matched, rest) = self.exception_group_match(&exc, &match_type)?;
                        if !matched.is_none() {
                            self.handled = matched.clone();
                        }
                        self.stack.push(rest);
                        self.stack.push(matched);
                    }
                    I::PrepReraiseStar => {
                        sync_pc!();
                        let raised = self.pop();
                        let orig = self.pop();
                        let prep = self.exception_group_helper("_prep_reraise_star")?;
                        let result = self.call_native(&prep, vec![orig, raised], &[])?;
                        self.stack.push(result);
                    }
                    I::WithExceptStart => {
                        sync_pc!();
                        let len = self.stack.len();
                        let exc = self.stack[len - 1].clone();
                        let exit = self.stack[len - 4].clone();
                        let class =
                            crate::builtins::constructors::type_value(&typeobject::class_of(&exc));
                        let traceback = match PyErr::from_value(&exc) {
                            Some(err) => self.traceback_value(err.exception()),
                            None => Value::None,
                        };
                        let result = self.call_native(&exit, vec![class, exc, traceback], &[])?;
                        self.stack.push(result);
                    }
                    I::BeforeWith => {
                        sync_pc!();
                        let manager = self.pop();
                        // A class statement's `__enter__` and `__exit__`,
                        // looked up on the class as CPython's special
                        // method lookup does (an instance attribute of
                        // the name takes no part): `__exit__` bound, and
                        // `__enter__`'s frame run in this loop.
                        if let Some(enter) = self.push_python_exit(&manager) {
                            let call_base = self.stack.len();
                            self.stack.push(manager);
                            if self.enter_outlined(&enter, call_base, 1)? {
                                switch_frame!();
                                continue 'frames;
                            }
                            let manager = self.pop();
                            let entered = self.call_native(&enter, vec![manager], &[])?;
                            self.stack.push(entered);
                            continue;
                        }
                        // (`__enter__` first, as CPython looks them up.)
                        let enter = self
                            .load_attribute(&manager, &Value::str("__enter__"))
                            .map_err(|_| context_manager_error(&manager, "__enter__"))?;
                        let exit = self
                            .load_attribute(&manager, &Value::str("__exit__"))
                            .map_err(|_| context_manager_error(&manager, "__exit__"))?;
                        self.stack.push(exit);
                        let entered = self.call_native(&enter, Vec::new(), &[])?;
                        self.stack.push(entered);
                    }
                    I::GetLen => {
                        sync_pc!();
                        let subject = self.top().clone();
                        let length = self.length(&subject)?;
                        self.stack.push(Value::Int(length as i64));
                    }
                    I::MatchSequence | I::MatchMapping => {
                        sync_pc!();
                        let subject = self.top().clone();
                        let mapping = matches!(instruction, I::MatchMapping);
                        let matched = self.match_collection(&subject, mapping)?;
                        self.stack.push(Value::bool(matched));
                    }
                    I::MatchKeys => {
                        sync_pc!();
                        let len = self.stack.len();
                        let keys = self.stack[len - 1].clone();
                        let subject = self.stack[len - 2].clone();
                        let values = self.match_keys(&subject, &keys)?;
                        self.stack.push(values);
                    }
                    I::MatchClass(count) => {
                        sync_pc!();
                        let names = self.pop();
                        let class = self.pop();
                        let subject = self.pop();
                        let attrs = self.match_class(&subject, &class, &names, count as usize)?;
                        self.stack.push(attrs);
                    }
                    I::LoadAssertionError => {
                        self.stack
                            .push(crate::builtins::constructors::type_value(&exc_type(
                                ExcType::AssertionError,
                            )))
                    }
                    I::ImportName(i) => {
                        sync_pc!();
                        let fromlist = self.pop();
                        let level = self.pop();
                        let globals = self.frames[fi].globals.clone();
                        let module =
                            self.import_name(&globals, &code.names[i.0 as usize], fromlist, level)?;
                        self.stack.push(module);
                        // The module's code may have set a watch going (a
                        // filtering observer took a call there, a tracer
                        // was set): this frame goes on watched at once.
                        if !WATCHED && self.watched {
                            close_segment!();
                            self.frames[fi].pc = pc;
                            return Err(Unwind::SwitchLoop);
                        }
                    }
                    I::ImportFrom(i) => {
                        sync_pc!();
                        let module = self.top().clone();
                        let value = self.import_from(&module, &code.names[i.0 as usize])?;
                        self.stack.push(value);
                        if !WATCHED && self.watched {
                            close_segment!();
                            self.frames[fi].pc = pc;
                            return Err(Unwind::SwitchLoop);
                        }
                    }
                    I::ImportStar => {
                        sync_pc!();
                        let module = self.pop();
                        let locals = self.locals_of(fi)?;
                        self.import_star(&module, &locals)?;
                    }
                    I::PrintExpr => {
                        sync_pc!();
                        let value = self.pop();
                        self.display(value)?;
                    }
                }
                let _ = &code;
            }
        }
    }

    fn unary(&mut self, op: UnaryOp) -> PyResult<()> {
        let value = self.pop();
        let result = self.unary_value(op, &value)?;
        self.stack.push(result);
        Ok(())
    }

    /// `-x`, `+x`, `~x`, `not x` as the instructions do them.
    pub fn unary_value(&mut self, op: UnaryOp, value: &Value) -> PyResult {
        match self.unary_dunder(op, value)? {
            Some(result) => Ok(result),
            None => protocol::unary_op(op, value),
        }
    }

    /// COMPARE_OP past its int and float paths: two exact strs compared
    /// at once (no dunder can answer for them; CPython's
    /// COMPARE_OP_STR_JUMP), anything else by [`Vm::rich_compare`]. Out
    /// of the dispatch loop, which its code would slow (ARCHITECTURE.md).
    #[inline(never)]
    fn compare_outlined(&mut self, op: ComparisonOperator, lhs: &Value, rhs: &Value) -> PyResult {
        if let (Some(a), Some(b)) = (lhs.as_str(), rhs.as_str()) {
            // (The code points' order: see `str::compare`.)
            let order = crate::builtins::str::compare_strs(a, b);
            return Ok(Value::bool(compare_ordered(
                op,
                order,
                std::cmp::Ordering::Equal,
            )));
        }
        // Two sets (`piece <= free`): the subset walk, without the layers
        // that look for instances and dict views first.
        if let (
            Some(PyObject::Set(a) | PyObject::FrozenSet(a)),
            Some(PyObject::Set(b) | PyObject::FrozenSet(b)),
        ) = (lhs.as_obj(), rhs.as_obj())
        {
            return self
                .compare_sets(compare_operator(op), a, b)
                .map(Value::bool);
        }
        self.rich_compare(compare_operator(op), lhs, rhs)
    }

    /// `a < b` and the other rich comparisons as COMPARE_OP does them:
    /// the result of the dunder that answers (not only a bool).
    pub fn rich_compare(
        &mut self,
        op: crate::protocol::CompareOp,
        lhs: &Value,
        rhs: &Value,
    ) -> PyResult {
        Ok(match self.compare_dunder(op, lhs, rhs)? {
            Some(value) => value,
            None if matches!(
                lhs.as_obj(),
                Some(
                    PyObject::Tuple(_)
                        | PyObject::List(_)
                        | PyObject::Set(_)
                        | PyObject::FrozenSet(_)
                        | PyObject::Dict(_)
                        | PyObject::DictView(_)
                        | PyObject::Slice(_)
                )
            ) =>
            {
                Value::bool(self.compare_values(op, lhs, rhs)?)
            }
            None => protocol::compare(op, lhs, rhs)?,
        })
    }

    fn truthy(&mut self, value: &Value) -> PyResult<bool> {
        match value {
            Value::Bool(b) => Ok(b.get()),
            _ => self.truthy_value(value),
        }
    }

    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let len = self.stack.len();
        self.stack.split_off(len - n)
    }

    /// The items of `sequence` for unpacking into `n` targets (at least `n`
    /// when `starred`), with CPython's messages.
    fn unpack(&mut self, sequence: &Value, n: usize, starred: Option<()>) -> PyResult<Vec<Value>> {
        let items = match sequence.as_obj() {
            Some(PyObject::Tuple(t)) => t.as_slice().to_vec(),
            Some(PyObject::List(l)) => l.snapshot(),
            _ => {
                if !self.is_iterable(sequence) {
                    return Err(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        sequence.type_name()
                    )));
                }
                protocol::collect(self, sequence)?
            }
        };
        match starred {
            None if items.len() > n => Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            ))),
            None if items.len() < n => Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ))),
            Some(()) if items.len() < n => Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {n}, got {})",
                items.len()
            ))),
            _ => Ok(items),
        }
    }

    /// The mapping of a module or class body.
    fn locals_of(&self, fi: usize) -> PyResult<Value> {
        match &self.frames[fi].locals {
            Some(locals) => Ok(locals.clone()),
            None => Err(PyErr::runtime_error("no locals mapping in this frame")),
        }
    }

    // Inlined into both variants of the loop (a helper with two callers
    // is no longer inlined by itself).
    #[inline(always)]
    fn load_name(&mut self, fi: usize, code: &Code, i: usize) -> PyResult {
        let frame = &self.frames[fi];
        // Module level: the locals are the globals, and LOAD_NAME is
        // LOAD_GLOBAL (with its cache).
        // (Not for a dict subclass: its `__getitem__` answers first, as
        // CPython's LOAD_NAME asks a non-exact dict through it.)
        if let Some(locals) = &frame.locals
            && locals.is(&frame.globals)
            && locals.as_dict().is_some()
        {
            return self.load_global_cached(fi, code, i);
        }
        let name = &code.names[i];
        if let Some(locals) = &self.frames[fi].locals {
            if let Some(dict) = locals.as_dict() {
                if let Some(value) = dict.get_item(name)? {
                    return Ok(value);
                }
            } else if let Some(value) = self.load_from_mapping(fi, name)? {
                return Ok(value);
            }
        }
        self.load_global(fi, name)
    }

    /// PRINT_EXPR: `sys.displayhook(value)` (the one the program set, once
    /// `sys` is imported; the default one otherwise).
    #[inline(never)]
    fn display(&mut self, value: Value) -> PyResult<()> {
        let hook = match self.modules_get("sys")? {
            Some(sys) => match self.get_attr(&sys, "displayhook") {
                Ok(hook) => hook,
                Err(err) if err.matches(ExcType::AttributeError) => {
                    return Err(PyErr::runtime_error("lost sys.displayhook"));
                }
                Err(err) => return Err(err),
            },
            None => {
                let sys = self.import_module("sys")?;
                self.get_attr(&sys, "displayhook")?
            }
        };
        self.call(&hook, crate::args::Args::new(&[value]))?;
        Ok(())
    }

    /// LOAD_NAME from locals that are any mapping but a dict
    /// (`exec(code, globals, mapping)`, a metaclass's `__prepare__`): its
    /// `__getitem__`, KeyError meaning "not here". Out of line: rare.
    #[inline(never)]
    fn load_from_mapping(&mut self, fi: usize, name: &Value) -> PyResult<Option<Value>> {
        let locals = self.locals_of(fi)?;
        match self.subscript_get(&locals, name.clone()) {
            Ok(value) => Ok(Some(value)),
            Err(err) if err.matches(ExcType::KeyError) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// STORE_NAME / DELETE_NAME (`value` None) into locals that are not a
    /// dict: the mapping's `__setitem__` / `__delitem__`; false when a
    /// deleted name was not there.
    #[inline(never)]
    fn store_to_mapping(
        &mut self,
        locals: &Value,
        name: &Value,
        value: Option<Value>,
    ) -> PyResult<bool> {
        match value {
            Some(value) => self
                .subscript_set(locals, name.clone(), value)
                .map(|()| true),
            None => match self.subscript_delete(locals, name.clone()) {
                Err(err) if err.matches(ExcType::KeyError) => Ok(false),
                other => other.map(|()| true),
            },
        }
    }

    /// STORE_GLOBAL (or STORE_NAME at module level, `as_name`) of a name
    /// the cache places in the globals: the value is replaced there (the
    /// dict's keys do not change). Gives the value back otherwise.
    #[inline]
    fn store_global_cached(
        &self,
        fi: usize,
        code: &Code,
        i: usize,
        value: Value,
        as_name: bool,
    ) -> Option<Value> {
        let frame = &self.frames[fi];
        if as_name && !frame.locals.as_ref().is_some_and(|l| l.is(&frame.globals)) {
            return Some(value);
        }
        let (Value::Obj(object), Some(globals), Some(builtins)) = (
            &frame.globals,
            frame.globals.as_dict_or_subclass(),
            self.builtins.as_dict_or_subclass(),
        ) else {
            return Some(value);
        };
        let key = GlobalsKey {
            globals: std::rc::Rc::as_ptr(object) as *const u8 as usize,
            globals_version: globals.version(),
            builtins_version: builtins.version(),
        };
        let cached = match code.global_entry(i) {
            Some((cached_key, GlobalSlot::Globals(at))) if cached_key == key => Some(at),
            _ => None,
        };
        match cached.or_else(|| revalidate_global(code, i, key, globals)) {
            Some(at) => globals.set_value_at(at, value),
            None => Some(value),
        }
    }

    /// LOAD_GLOBAL through the code's cache (see `NameCache::global`).
    #[inline(always)]
    fn load_global_cached(&mut self, fi: usize, code: &Code, i: usize) -> PyResult {
        // The hit, for the usual exact dicts: no key built, no subclass
        // check. A dict's version is one no other dict ever had, so the
        // globals' version alone names both the dict and its layout; the
        // builtins matter only to a name found there (a global of that
        // name, added since, changed the globals' version).
        if let Value::Obj(object) = &self.frames[fi].globals
            && let PyObject::Dict(globals) = &**object
            && let Some((cached_key, slot)) = code.global_entry(i)
            && cached_key.globals_version == globals.version()
            && let Some(value) = match slot {
                GlobalSlot::Globals(at) => globals.value_at(at),
                GlobalSlot::Builtins(at) => match self.builtins.as_obj() {
                    Some(PyObject::Dict(builtins))
                        if cached_key.builtins_version == builtins.version() =>
                    {
                        builtins.value_at(at)
                    }
                    _ => None,
                },
            }
        {
            return Ok(value);
        }
        self.load_global_uncached(fi, code, i)
    }

    /// [`Vm::load_global_cached`] past the exact-dict hit.
    #[inline(never)]
    fn load_global_uncached(&mut self, fi: usize, code: &Code, i: usize) -> PyResult {
        let globals_value = &self.frames[fi].globals;
        let (Value::Obj(object), Some(globals), Some(builtins)) = (
            globals_value,
            globals_value.as_dict_or_subclass(),
            self.builtins.as_dict_or_subclass(),
        ) else {
            return self.load_global(fi, &code.names[i]);
        };
        let key = GlobalsKey {
            globals: std::rc::Rc::as_ptr(object) as *const u8 as usize,
            globals_version: globals.version(),
            builtins_version: builtins.version(),
        };
        if let Some((cached_key, slot)) = code.global_entry(i)
            && cached_key == key
        {
            let value = match slot {
                GlobalSlot::Globals(at) => globals.value_at(at),
                GlobalSlot::Builtins(at) => builtins.value_at(at),
            };
            if let Some(value) = value {
                return Ok(value);
            }
        }
        self.fill_global_cache(fi, code, i, key)
    }

    /// A LOAD_GLOBAL cache miss: finds where the name lives and caches it.
    #[cold]
    #[inline(never)]
    fn fill_global_cache(&mut self, fi: usize, code: &Code, i: usize, key: GlobalsKey) -> PyResult {
        let name = &code.names[i];
        let (Some(globals), Some(builtins)) = (
            self.frames[fi].globals.as_dict_or_subclass(),
            self.builtins.as_dict_or_subclass(),
        ) else {
            return self.load_global(fi, name);
        };
        if needs_interp(name) {
            return self.load_global(fi, name);
        }
        if let Some(at) = revalidate_global(code, i, key, globals)
            && let Some(value) = globals.value_at(at)
        {
            return Ok(value);
        }
        let slot = match globals.index_of(name)? {
            Some(at) => GlobalSlot::Globals(at),
            // A namespace with its own `__builtins__` (exec/eval in a
            // restricted namespace): looked up there, never cached, as the
            // cache's builtins are the VM's.
            None if self.own_builtins(globals)?.is_some() => return self.load_global(fi, name),
            None => match builtins.index_of(name)? {
                Some(at) => GlobalSlot::Builtins(at),
                None if self.install_lazy_builtin(name)? => {
                    return self.load_global_cached(fi, code, i);
                }
                None => return Err(name_error(name)),
            },
        };
        code.name_cache(i).global.set(Some((key, slot)));
        let value = match slot {
            GlobalSlot::Globals(at) => globals.value_at(at),
            GlobalSlot::Builtins(at) => builtins.value_at(at),
        };
        value.ok_or_else(|| name_error(name))
    }

    fn load_global(&mut self, fi: usize, name: &Value) -> PyResult {
        if let Some(dict) = self.frames[fi].globals.clone().as_dict_or_subclass() {
            if let Some(value) = dict.get_item(name)? {
                return Ok(value);
            }
            if let Some(builtins) = self.own_builtins(dict)? {
                return match builtins.as_dict_or_subclass() {
                    Some(builtins) => builtins.get_item(name)?.ok_or_else(|| name_error(name)),
                    None => match self.subscript_get(&builtins, name.clone()) {
                        Err(err) if err.matches(ExcType::KeyError) => Err(name_error(name)),
                        found => found,
                    },
                };
            }
        }
        match self.builtin(name)? {
            Some(value) => Ok(value),
            None if self.install_lazy_builtin(name)? => {
                self.builtin(name)?.ok_or_else(|| name_error(name))
            }
            None => Err(name_error(name)),
        }
    }

    /// The `__builtins__` of a namespace when it is not the VM's own: a
    /// program that runs code with `exec(src, {'__builtins__': {...}})`
    /// chooses what that code (and the functions it defines) can reach.
    /// A module stands for its namespace, as in CPython.
    #[cold]
    fn own_builtins(&self, globals: &PyDict) -> PyResult<Option<Value>> {
        let Some(mut builtins) = globals.get_item(&Value::str("__builtins__"))? else {
            return Ok(None);
        };
        if crate::builtins::module_object::is_module(&builtins) {
            builtins = crate::builtins::module_object::namespace(&builtins);
        }
        Ok((!builtins.is(&self.builtins)).then_some(builtins))
    }

    fn empty_cell_error(&self, code: &crate::interpreter::code::Code, i: usize) -> PyErr {
        let name = code.bytecode.deref_name(i).unwrap_or_default();
        if i < code.ncells {
            unbound_local(name)
        } else {
            PyErr::new(
                ExcType::NameError,
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        }
    }

    fn make_function(&mut self, fi: usize, flags: MakeFunctionFlags) -> PyResult {
        let code_value = self.pop();
        let closure = if flags.contains(MakeFunctionFlags::CLOSURE) {
            let tuple = self.pop();
            tuple
                .as_tuple_or_subclass()
                .map(|t| t.as_slice().to_vec())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        // `(name, value, name, value...)`, as CPython 3.11 builds it.
        let annotations = if flags.contains(MakeFunctionFlags::ANNOTATIONS) {
            let pairs = self.pop();
            let dict = crate::builtins::dict::PyDict::new();
            if let Some(items) = pairs.as_tuple() {
                for pair in items.as_slice().chunks(2) {
                    if let [name, value] = pair {
                        dict.set_item(name.clone(), value.clone())?;
                    }
                }
            }
            Some(Value::dict(dict))
        } else {
            None
        };
        let kwdefaults = if flags.contains(MakeFunctionFlags::KWDEFAULTS) {
            let dict = self.pop();
            dict.as_dict_or_subclass()
                .map(|d| {
                    d.items()
                        .into_iter()
                        .filter_map(|(k, v)| Some((Box::from(k.as_str_or_subclass()?.as_str()), v)))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let defaults = if flags.contains(MakeFunctionFlags::DEFAULTS) {
            let tuple = self.pop();
            tuple
                .as_tuple_or_subclass()
                .map(|t| t.as_slice().to_vec())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let Some(PyObject::Code(code)) = code_value.as_obj() else {
            return Err(PyErr::type_error("MAKE_FUNCTION needs a code object"));
        };
        let code = code.code.clone();
        let doc = code.docstring();
        Ok(Value::obj(PyObject::Function(Box::new(PyFunction {
            gc: Default::default(),
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            globals: self.frames[fi].globals.clone(),
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            kwdefaults_dict: std::cell::RefCell::new(None),
            closure,
            doc: std::cell::RefCell::new(doc),
            module: std::cell::RefCell::new(Value::Null),
            dict: Default::default(),
            annotations: std::cell::RefCell::new(annotations),
            code: crate::builtins::function::FunctionCode::new(code),
            weakrefs: Default::default(),
        }))))
    }

    /// The exception a RAISE_VARARGS raises.
    fn raise(&mut self, kind: RaiseKind) -> Unwind {
        match kind {
            RaiseKind::Reraise => match PyErr::from_value(&self.handled_exception()) {
                Some(err) => Unwind::Reraise(err),
                None => Unwind::Error(PyErr::runtime_error("No active exception to reraise")),
            },
            RaiseKind::Raise => {
                let exc = self.pop();
                match self.make_exception(exc) {
                    Ok(err) => Unwind::Raised(err),
                    Err(err) => Unwind::Error(err),
                }
            }
            RaiseKind::RaiseFrom => {
                let cause = self.pop();
                let exc = self.pop();
                let err = match self.make_exception(exc) {
                    Ok(err) => err,
                    Err(err) => return Unwind::Error(err),
                };
                let cause = if cause.is_none() {
                    None
                } else {
                    match self.make_exception(cause) {
                        Ok(cause) => Some(cause.value()),
                        Err(_) => {
                            return Unwind::Error(PyErr::type_error(
                                "exception causes must derive from BaseException",
                            ));
                        }
                    }
                };
                *err.exception().cause.borrow_mut() = cause;
                err.exception().suppress_context.set(true);
                Unwind::Raised(err)
            }
        }
    }

    /// `raise X`: an exception instance, or a class to instantiate.
    fn make_exception(&mut self, value: Value) -> PyResult<PyErr> {
        if let Some(err) = PyErr::from_value(&value) {
            return Ok(err);
        }
        if let Some(PyObject::Type(class)) = value.as_obj()
            && class.is_exception_type()
        {
            // `raise ValueError`: a builtin class is made directly, as
            // calling it would (no layers of the general call).
            let instance = if class.heap {
                self.call_native(&value, Vec::new(), &[])?
            } else {
                self.finalize_if_pending();
                PyErr::construct(class, &[], &[])?
            };
            if let Some(err) = PyErr::from_value(&instance) {
                return Ok(err);
            }
            // A `__new__` that made something else.
            let class_repr = self.repr(&value)?;
            let made_repr = self.repr(&crate::builtins::constructors::type_value(
                &typeobject::class_of(&instance),
            ))?;
            return Err(PyErr::type_error(format!(
                "calling {class_repr} should have returned an instance of BaseException, not {made_repr}"
            )));
        }
        Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        ))
    }

    /// A method found on the type, to be called with the owner as `self`
    /// (LOAD_METHOD without a bound-method object).
    /// `lookup_method` through the code's per-name cache.
    #[inline(always)]
    fn lookup_method_cached(&self, code: &Code, i: usize, owner: &Value) -> Option<Value> {
        let (class, instance) = method_owner_key(owner, true)?;
        if let Some(method) = method_cache_hit(code, i, class, instance) {
            return Some(method);
        }
        self.lookup_method_missed(code, i, owner, class, instance)
    }

    /// [`Vm::enter_in_place`] for the rarer sites of the dispatch loop
    /// (`with`, `__getitem__`): out of line, so that each does not inline
    /// the frame set-up into the loop again.
    #[inline(never)]
    fn enter_outlined(
        &mut self,
        function: &Value,
        call_base: usize,
        nargs: usize,
    ) -> PyResult<bool> {
        self.enter_in_place(function, call_base, nargs, call_base)
    }

    /// BEFORE_WITH on an instance whose class statement defines
    /// `__enter__` and `__exit__` as Python functions: pushes `__exit__`
    /// bound and gives `__enter__` (run with the manager as self).
    #[inline(never)]
    fn push_python_exit(&mut self, manager: &Value) -> Option<Value> {
        let Some(PyObject::Instance(instance)) = manager.as_obj() else {
            return None;
        };
        let class = instance.class();
        let exit = class.lookup("__exit__")?;
        let enter = class.lookup("__enter__")?;
        if !matches!(exit.as_obj(), Some(PyObject::Function(_)))
            || !matches!(enter.as_obj(), Some(PyObject::Function(_)))
        {
            return None;
        }
        self.stack.push(Value::obj(PyObject::BoundMethod(
            crate::builtins::function::PyBoundMethod::new(manager.clone(), exit),
        )));
        Some(enter)
    }

    /// A LOAD_ATTR or STORE_ATTR site missed on an instance of `class`:
    /// when its entry is about another class (a base class's method run
    /// on instances of several subclasses), that entry goes to the VM's
    /// attribute lookups and the one kept there for `class`, if any,
    /// takes its place. True when the site now has an entry for `class`
    /// (the instruction then runs again and finds it).
    #[inline(never)]
    fn refill_attribute_site(&self, code: &Code, i: usize, class: &typeobject::TypeObject) -> bool {
        let Value::Obj(name) = &code.names[i] else {
            return false;
        };
        let name = std::rc::Rc::as_ptr(name) as *const u8 as usize;
        let class = class as *const typeobject::TypeObject as usize;
        let epoch = typeobject::class_epoch();
        let site = &code.name_cache(i).method;
        let found = {
            let mut entry = site.borrow_mut();
            match &*entry {
                Some(entry) if entry.class == class && entry.epoch == epoch => return false,
                Some(victim) if victim.epoch == epoch && victim.kind.is_about_instances() => {
                    let victim = entry.take();
                    // (Moved, not cloned: the site's entry is this class's
                    // next, or made afresh by the slow path.)
                    if let Some(victim) = victim {
                        self.attribute_lookups.insert(name, victim);
                    }
                }
                _ => {}
            }
            self.attribute_lookups.get_entry(class, name, epoch)
        };
        match found {
            Some(found) => {
                code.cache_method(i, found);
                true
            }
            None => false,
        }
    }

    /// [`Vm::lookup_method_cached`] past a miss of the site's entry: the
    /// VM's [`MethodLookups`](crate::interpreter::code::MethodLookups),
    /// else a lookup on the class (remembered in both).
    #[inline(never)]
    fn lookup_method_missed(
        &self,
        code: &Code,
        i: usize,
        owner: &Value,
        class: usize,
        instance: Option<&crate::builtins::function::PyInstance>,
    ) -> Option<Value> {
        let name = &code.names[i];
        let name_address = match name {
            Value::Obj(object) => std::rc::Rc::as_ptr(object) as *const u8 as usize,
            _ => return self.lookup_method(owner, name),
        };
        let epoch = typeobject::class_epoch();
        let entry = |method: &Value, absent_keys| crate::interpreter::code::MethodCacheEntry {
            class,
            epoch,
            kind: CachedLookup::Method,
            method: method.clone(),
            absent_keys,
        };
        let (method, absent_keys) = match self.method_lookups.get(class, name_address, epoch) {
            Some((method, absent_keys)) => {
                if let Some(instance) = instance
                    && instance.may_have_attr(name, absent_keys)
                {
                    return None;
                }
                (method, absent_keys)
            }
            None => {
                let method = self.lookup_method(owner, name)?;
                let absent_keys = instance.and_then(|instance| instance.keys_without(name));
                self.method_lookups
                    .insert(name_address, entry(&method, absent_keys));
                (method, absent_keys)
            }
        };
        // A site whose entry is good for another class sees several in
        // turn (`task.run()` over subclasses): it keeps that entry, and
        // this class joins its polymorphic entries — cheaper than
        // rewriting the entry on every switch.
        if code
            .read_cache_entry(i, |entry| {
                (entry.epoch == epoch && matches!(entry.kind, CachedLookup::Method)).then_some(())
            })
            .is_some()
        {
            code.cache_more_methods(i, class, epoch, method.clone(), absent_keys);
            return Some(method);
        }
        // The site's entry follows: a site that moved on to another class
        // hits its own entry again from the next call. (Replaced, then
        // dropped after the borrow: a method's last reference may go.)
        code.cache_method(i, entry(&method, absent_keys));
        Some(method)
    }

    fn lookup_method(&self, owner: &Value, name: &Value) -> Option<Value> {
        if let Some(PyObject::Type(_)) = owner.as_obj() {
            return None;
        }
        let name_value = name;
        let name = name.as_str_or_subclass()?.as_str();
        if let Some(PyObject::Instance(instance)) = owner.as_obj() {
            // `obj.method(...)` without a bound-method object (design.md §4),
            // unless the class's __getattribute__ must see every lookup.
            if instance.has_attr(name_value)
                || instance.class().defines(typeobject::Slot::GetAttribute)
            {
                return None;
            }
            // A Python function, or a builtin base's method (`d.get` on a
            // dict subclass): called with the instance as `self`.
            return match instance.class().lookup(name)? {
                Value::Obj(method)
                    if matches!(&*method, PyObject::Function(_))
                        || matches!(&*method, PyObject::MethodDescriptor(d) if d.bound.is_none()) =>
                {
                    Some(Value::Obj(method))
                }
                _ => None,
            };
        }
        let class = typeobject::class_of(owner);
        // A declared type with its own `__getattribute__` (a weak proxy)
        // sees every lookup.
        if class.defines(typeobject::Slot::GetAttribute) {
            return None;
        }
        match class.lookup(name)? {
            Value::Obj(method) => match &*method {
                PyObject::MethodDescriptor(d) if d.bound.is_none() => {
                    Some(Value::Obj(method.clone()))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `owner.name`; a failure is an AttributeError that names `name`
    /// and `owner` (`err.name`, `err.obj`).
    pub(crate) fn load_attribute(&mut self, owner: &Value, name: &Value) -> PyResult {
        match self.lookup_attribute(owner, name) {
            Ok(value) => Ok(value),
            Err(err) => Err(err.with_attribute_context(owner, name)),
        }
    }

    /// `owner.name` as [`Vm::load_attribute`], a failure as raised (for
    /// callers that only ask whether the attribute is there).
    pub(crate) fn lookup_attribute(&mut self, owner: &Value, name: &Value) -> PyResult {
        let text = name
            .as_str_or_subclass()
            .map(|s| s.as_str())
            .unwrap_or_default();
        // (Before the instance's attributes: an exception's traceback is
        // a field, not in its `__dict__`.)
        if text == "__traceback__"
            && let Some(err) = PyErr::from_value(owner)
        {
            return Ok(self.traceback_value(err.exception()));
        }
        if let Some(value) = self.instance_attribute(owner, text, name)? {
            return Ok(value);
        }
        if let Some(found) =
            self.native_attribute_hook(owner, Slot::GetAttribute, std::slice::from_ref(name))
        {
            return found;
        }
        match owner.as_obj() {
            Some(PyObject::Type(class)) => {
                let class = class.clone();
                return self.class_attribute(&class, text);
            }
            Some(PyObject::Super(sup)) => {
                let sup = crate::builtins::function::PySuper {
                    class: sup.class.clone(),
                    object: sup.object.clone(),
                };
                return self.super_attribute(&sup, owner, text);
            }
            _ => {}
        }
        if let Some(PyObject::Function(function)) = owner.as_obj() {
            match text {
                "__name__" => return Ok(Value::str(&**function.name.borrow())),
                "__qualname__" => return Ok(Value::str(&**function.qualname.borrow())),
                "__doc__" => return Ok(function.doc.borrow().clone()),
                "__module__" => {
                    let assigned = function.module.borrow().clone();
                    if !matches!(assigned, Value::Null) {
                        return Ok(assigned);
                    }
                    let module = match function.globals.as_dict_or_subclass() {
                        Some(globals) => globals.get_item(&Value::str("__name__"))?,
                        None => None,
                    };
                    return Ok(module.unwrap_or(Value::None));
                }
                "__get__" => {
                    return Ok(Value::obj(PyObject::MethodDescriptor(
                        crate::builtins::function::PyMethodDescriptor {
                            def: &crate::builtins::function::FUNCTION_GET,
                            bound: Some(owner.clone()),
                        },
                    )));
                }
                "__dict__" => return Ok(function.attribute_dict()),
                "__defaults__" => {
                    let defaults = function.defaults.borrow();
                    return Ok(if defaults.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(defaults.clone())
                    });
                }
                // The same dict each time, which the function keeps: what
                // is written into it is what later calls bind.
                "__kwdefaults__" => {
                    if let Some(dict) = &*function.kwdefaults_dict.borrow() {
                        return Ok(dict.clone());
                    }
                    let kwdefaults = function.kwdefaults.borrow();
                    if kwdefaults.is_empty() {
                        return Ok(Value::None);
                    }
                    let pairs = kwdefaults
                        .iter()
                        .map(|(k, v)| (Value::str(&**k), v.clone()))
                        .collect();
                    let dict = Value::dict(crate::builtins::dict::PyDict::from_pairs(pairs)?);
                    *function.kwdefaults_dict.borrow_mut() = Some(dict.clone());
                    return Ok(dict);
                }
                "__code__" => {
                    return Ok(crate::interpreter::code::Code::as_value(
                        &function.code.rc(),
                    ));
                }
                "__globals__" => return Ok(function.globals.clone()),
                "__builtins__" => return Ok(self.builtins.clone()),
                "__closure__" => {
                    return Ok(if function.closure.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(function.closure.clone())
                    });
                }
                "__annotations__" => {
                    return Ok(function
                        .annotations
                        .borrow_mut()
                        .get_or_insert_with(|| Value::dict(crate::builtins::dict::PyDict::new()))
                        .clone());
                }
                _ => {
                    if let Some(value) = function.get_attribute(name)? {
                        return Ok(value);
                    }
                }
            }
        }
        match owner.as_obj() {
            Some(PyObject::Code(code)) => {
                if let Some(value) = crate::builtins::code::attribute(&code.code, owner, text) {
                    return Ok(value);
                }
            }
            Some(PyObject::Cell(cell)) if text == "cell_contents" => {
                let value = cell.value.borrow().clone();
                if matches!(value, Value::Null) {
                    return Err(PyErr::new(ExcType::ValueError, "Cell is empty"));
                }
                return Ok(value);
            }
            _ => {}
        }
        if let Some((generator, kind)) = crate::interpreter::generator::generator_of(owner) {
            use crate::builtins::function::GeneratorKind;
            let prefix = match kind {
                GeneratorKind::Generator => "gi_",
                GeneratorKind::Coroutine => "cr_",
                GeneratorKind::AsyncGenerator => "ag_",
            };
            let field = text.strip_prefix(prefix);
            match (text, field) {
                ("__name__", _) => return Ok(Value::str(&**generator.name.borrow())),
                ("__qualname__", _) => return Ok(Value::str(&**generator.qualname.borrow())),
                (_, Some("code")) => {
                    if let Ok(frame) = generator.frame.try_borrow() {
                        return Ok(crate::interpreter::code::Code::as_value(&frame.code));
                    }
                }
                // Paused at a yield (not new, not running, not done).
                (_, Some("suspended")) => {
                    let suspended = generator.status.get()
                        == crate::builtins::function::GeneratorStatus::Suspended;
                    let started = generator.frame.try_borrow().is_ok_and(|f| f.pc > 0);
                    return Ok(Value::bool(suspended && started));
                }
                (_, Some("frame")) => {
                    use crate::builtins::function::GeneratorStatus;
                    match generator.status.get() {
                        GeneratorStatus::Finished => return Ok(Value::None),
                        GeneratorStatus::Suspended => {
                            if let Ok(frame) = generator.frame.try_borrow() {
                                return Ok(crate::builtins::frame_object::of_suspended(
                                    self, &frame,
                                ));
                            }
                        }
                        // Running: its frame is on the frame stack.
                        GeneratorStatus::Running => {
                            let code = generator.frame.try_borrow().ok().map(|f| f.code.clone());
                            let index = self.frames.iter().rposition(|frame| {
                                code.as_ref()
                                    .is_some_and(|c| std::rc::Rc::ptr_eq(&frame.code, c))
                            });
                            if let Some(index) = index {
                                return crate::builtins::frame_object::FrameObject::of_frame(
                                    self,
                                    index,
                                    Value::None,
                                );
                            }
                        }
                    }
                }
                (_, Some("running")) => {
                    return Ok(Value::bool(
                        generator.status.get()
                            == crate::builtins::function::GeneratorStatus::Running,
                    ));
                }
                // What a paused `yield from`/`await` waits on.
                ("gi_yieldfrom" | "cr_await" | "ag_await", _) => {
                    let suspended = generator.status.get()
                        == crate::builtins::function::GeneratorStatus::Suspended;
                    let delegate = match generator.frame.try_borrow() {
                        Ok(frame) if suspended => {
                            crate::interpreter::generator::delegate_of(&frame).map(|(r, _)| r)
                        }
                        _ => None,
                    };
                    return Ok(delegate.unwrap_or(Value::None));
                }
                _ => {}
            }
        }
        if text == "__module__"
            && let Some(PyObject::BuiltinFunction(function)) = owner.as_obj()
        {
            return Ok(self.builtin_function_module(function));
        }
        // A module's builtin function is bound to its module (`len.__self__`
        // is `builtins`), as CPython's are.
        if text == "__self__"
            && let Some(PyObject::BuiltinFunction(function)) = owner.as_obj()
        {
            let module = self.builtin_function_module(function);
            let Some(name) = module.as_str() else {
                return Ok(Value::None);
            };
            return Ok(self.modules_get(name.as_str())?.unwrap_or(Value::None));
        }
        if text == "__module__"
            && let Some(PyObject::MethodDescriptor(method)) = owner.as_obj()
            && method.bound.is_some()
            && crate::interpreter::dunder::slot_wrapper_def(method.def.name)
                .is_none_or(|def| !std::ptr::eq(def, method.def))
        {
            // A builtin method's `__module__` is None (a method-wrapper
            // has none).
            return Ok(Value::None);
        }
        if let Some(PyObject::BoundMethod(method)) = owner.as_obj() {
            // A builtin bound to its class (`int.from_bytes`) is a builtin
            // method: no `__func__`, a qualname with its class's name.
            if let Some(PyObject::BuiltinFunction(function)) = method.function.as_obj() {
                match text {
                    "__self__" => return Ok(method.receiver.clone()),
                    "__name__" => return Ok(Value::str(function.name)),
                    "__qualname__" => {
                        let class = match method.receiver.as_obj() {
                            Some(PyObject::Type(class)) => class.name.to_string(),
                            _ => method.receiver.type_name().to_string(),
                        };
                        return Ok(Value::str(format!("{class}.{}", function.name)));
                    }
                    "__func__" => {
                        return Err(PyErr::new(
                            ExcType::AttributeError,
                            "'builtin_function_or_method' object has no attribute '__func__'",
                        ));
                    }
                    _ => {}
                }
            }
            match text {
                "__self__" => return Ok(method.receiver.clone()),
                "__func__" => return Ok(method.function.clone()),
                "__name__" | "__qualname__" | "__doc__" => {
                    return self.load_attribute(&method.function.clone(), name);
                }
                _ => {}
            }
            // What the method type lacks is the function's (CPython's
            // `method_getattro`): `obj.m.flag` set by a decorator, a cache
            // wrapper's `cache_clear` under `classmethod`.
            {
                let function = method.function.clone();
                return match protocol::get_attribute(owner, text) {
                    Ok(value) => Ok(value),
                    // The method's own slots (`m.__call__`) before the
                    // function's.
                    Err(_) => match crate::interpreter::dunder::slot_wrapper(owner, text) {
                        Some(wrapper) => Ok(wrapper),
                        None => self.load_attribute(&function, name),
                    },
                };
            }
        }
        protocol::get_attribute(owner, text).or_else(|err| {
            crate::interpreter::dunder::slot_wrapper(owner, text)
                .or_else(|| {
                    (text == "__init__")
                        .then(|| crate::builtins::function::object_init(Some(owner.clone())))
                })
                .or_else(|| {
                    crate::interpreter::class::object_method(text)
                        .map(|def| crate::interpreter::class::bound_object_method(def, owner))
                })
                .ok_or(err)
        })
    }

    /// A builtin function's `__module__`: `builtins` for the builtins,
    /// else the name of the loaded module that holds it (`math`), else
    /// None. (Builtin functions do not record their module: they are
    /// looked for, on this rare path.)
    fn builtin_function_module(
        &mut self,
        function: &crate::builtins::function::PyBuiltinFunction,
    ) -> Value {
        let same = |value: &Value| {
            matches!(
                value.as_obj(),
                Some(PyObject::BuiltinFunction(other))
                    if std::ptr::fn_addr_eq(other.func, function.func) && other.name == function.name
            )
        };
        let holds = |namespace: &Value| {
            namespace
                .as_dict_or_subclass()
                .is_some_and(|dict| dict.items().iter().any(|(_, value)| same(value)))
        };
        if holds(&self.builtins) {
            return Value::str("builtins");
        }
        let modules = self
            .modules
            .as_dict_or_subclass()
            .map(|modules| modules.items())
            .unwrap_or_default();
        for (name, module) in modules {
            let Some(PyObject::Instance(instance)) = module.as_obj() else {
                continue;
            };
            // (The program's own names are not where a builtin is from.)
            if name.as_str().is_some_and(|n| n.as_str() == "__main__") {
                continue;
            }
            if holds(&instance.dict_value()) {
                return name;
            }
        }
        Value::None
    }

    pub(crate) fn store_attribute(
        &mut self,
        owner: &Value,
        name: &Value,
        value: Value,
    ) -> PyResult<()> {
        let text = name
            .as_str_or_subclass()
            .map(|s| s.as_str())
            .unwrap_or_default();
        let value = match owner.as_obj() {
            Some(PyObject::Instance(_) | PyObject::Exception(_) | PyObject::Type(_)) => {
                self.set_instance_attribute(owner, text, name, value)?;
                return Ok(());
            }
            Some(PyObject::Native(native)) if native.class.defines(Slot::SetAttr) => {
                let args = [name.clone(), value];
                if let Some(done) = self.native_attribute_hook(owner, Slot::SetAttr, &args) {
                    return done.map(drop);
                }
                let [_, value] = args;
                value
            }
            _ => value,
        };
        if matches!(text, "__name__" | "__qualname__")
            && let Some((generator, _)) = crate::interpreter::generator::generator_of(owner)
        {
            let Some(new) = value.as_str_or_subclass() else {
                return Err(PyErr::type_error(format!(
                    "{text} must be set to a string object"
                )));
            };
            let field = if text == "__name__" {
                &generator.name
            } else {
                &generator.qualname
            };
            *field.borrow_mut() = std::rc::Rc::from(new.as_str());
            return Ok(());
        }
        if let Some(PyObject::Function(function)) = owner.as_obj() {
            match text {
                "__globals__" | "__closure__" | "__builtins__" => {
                    return Err(PyErr::new(ExcType::AttributeError, "readonly attribute"));
                }
                "__name__" | "__qualname__" => {
                    let Some(new) = value.as_str_or_subclass() else {
                        return Err(PyErr::type_error(format!(
                            "{text} must be set to a string object"
                        )));
                    };
                    let field = if text == "__name__" {
                        &function.name
                    } else {
                        &function.qualname
                    };
                    *field.borrow_mut() = std::rc::Rc::from(new.as_str());
                    return Ok(());
                }
                "__doc__" => {
                    let old = function.doc.replace(value);
                    drop(old);
                    return Ok(());
                }
                "__module__" => {
                    let old = function.module.replace(value);
                    drop(old);
                    return Ok(());
                }
                "__defaults__" => {
                    let defaults = match value.as_tuple_or_subclass() {
                        Some(t) => t.as_slice().to_vec(),
                        None if value.is_none() => Vec::new(),
                        None => {
                            return Err(PyErr::type_error(
                                "__defaults__ must be set to a tuple object",
                            ));
                        }
                    };
                    let old = function.defaults.replace(defaults);
                    drop(old);
                    return Ok(());
                }
                "__kwdefaults__" => {
                    let kwdefaults = match value.as_dict_or_subclass() {
                        Some(d) => d
                            .items()
                            .into_iter()
                            .filter_map(|(k, v)| {
                                Some((Box::from(k.as_str_or_subclass()?.as_str()), v))
                            })
                            .collect(),
                        None if value.is_none() => Vec::new(),
                        None => {
                            return Err(PyErr::type_error(
                                "__kwdefaults__ must be set to a dict object",
                            ));
                        }
                    };
                    let old = function.kwdefaults.replace(kwdefaults);
                    // (An assigned dict is kept as given, as CPython does.)
                    let dict = (!value.is_none()).then(|| value.clone());
                    let old_dict = function.kwdefaults_dict.replace(dict);
                    drop((old, old_dict));
                    return Ok(());
                }
                "__code__" => {
                    let Some(PyObject::Code(code)) = value.as_obj() else {
                        return Err(PyErr::type_error("__code__ must be set to a code object"));
                    };
                    if code.code.nfree != function.closure.len() {
                        return Err(PyErr::value_error(format!(
                            "{}() requires a code object with {} free vars, not {}",
                            function.name.borrow(),
                            function.closure.len(),
                            code.code.nfree
                        )));
                    }
                    function.code.replace(code.code.clone());
                    return Ok(());
                }
                _ => {}
            }
            if text == "__annotations__" {
                if value.as_dict_or_subclass().is_none() && !value.is_none() {
                    return Err(PyErr::type_error(
                        "__annotations__ must be set to a dict object",
                    ));
                }
                *function.annotations.borrow_mut() = (!value.is_none()).then_some(value);
                return Ok(());
            }
            if text == "__dict__" {
                if value.as_dict_or_subclass().is_none() {
                    return Err(PyErr::type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        value.type_name()
                    )));
                }
                *function.dict.borrow_mut() = Some(value);
                return Ok(());
            }
            if let Some(dict) = function.attribute_dict().as_dict_or_subclass() {
                dict.set_item(name.clone(), value)?;
            }
            return Ok(());
        }
        if let Some(PyObject::Property(property)) = owner.as_obj()
            && text == "__doc__"
        {
            *property.doc.borrow_mut() = value;
            return Ok(());
        }
        if let Some(PyObject::Property(_)) = owner.as_obj()
            && matches!(text, "fget" | "fset" | "fdel")
        {
            return Err(PyErr::new(ExcType::AttributeError, "readonly attribute"));
        }
        if let Some(PyObject::Code(_)) = owner.as_obj()
            && crate::builtins::code::ATTRIBUTES.contains(&text)
        {
            return Err(PyErr::new(ExcType::AttributeError, "readonly attribute"));
        }
        if let Some(PyObject::Cell(cell)) = owner.as_obj()
            && text == "cell_contents"
        {
            let old = cell.value.replace(value);
            drop(old);
            return Ok(());
        }
        if text == "__class__" {
            return Err(PyErr::type_error(match value.as_obj() {
                Some(PyObject::Type(_)) => {
                    "__class__ assignment only supported for mutable types or ModuleType subclasses"
                        .to_string()
                }
                _ => format!(
                    "__class__ must be set to a class, not '{}' object",
                    value.type_name()
                ),
            }));
        }
        Err(attribute_error_on_store(owner, text))
    }

    pub(crate) fn delete_attribute(&mut self, owner: &Value, name: &Value) -> PyResult<()> {
        let text = name
            .as_str_or_subclass()
            .map(|s| s.as_str())
            .unwrap_or_default();
        if self.delete_instance_attribute(owner, text, name)?.is_some() {
            return Ok(());
        }
        if let Some(done) =
            self.native_attribute_hook(owner, Slot::DelAttr, std::slice::from_ref(name))
        {
            return done.map(drop);
        }
        if let Some(PyObject::Function(function)) = owner.as_obj() {
            match text {
                // CPython's member becomes NULL, which reads as None.
                "__module__" => drop(function.module.replace(Value::None)),
                "__doc__" => drop(function.doc.replace(Value::None)),
                "__defaults__" => drop(function.defaults.replace(Vec::new())),
                "__kwdefaults__" => drop((
                    function.kwdefaults.replace(Vec::new()),
                    function.kwdefaults_dict.replace(None),
                )),
                "__globals__" | "__closure__" | "__builtins__" => {
                    return Err(PyErr::new(ExcType::AttributeError, "readonly attribute"));
                }
                _ => {}
            }
            if matches!(
                text,
                "__module__" | "__doc__" | "__defaults__" | "__kwdefaults__"
            ) {
                return Ok(());
            }
        }
        if let Some(PyObject::Function(function)) = owner.as_obj()
            && function.get_attribute(name)?.is_some()
            && let Some(dict) = function.attribute_dict().as_dict_or_subclass()
        {
            dict.pop(name)?;
            return Ok(());
        }
        if let Some(PyObject::Cell(cell)) = owner.as_obj()
            && text == "cell_contents"
        {
            // An empty cell (`del x` of the variable).
            let old = cell.value.replace(Value::Null);
            drop(old);
            return Ok(());
        }
        Err(attribute_error_on_store(owner, text))
    }
}

/// `local = local + tail` for strs, before the STORE_FAST: when the local
/// holds the same str as `lhs`, the local lets go of it, and if `lhs` is
/// then the only reference the text is extended in place (CPython does the
/// same for `s += t`), else `lhs` comes back and the local is restored.
fn append_to_local(
    stack: &mut [Value],
    slot: usize,
    mut lhs: Value,
    rhs: &Value,
) -> Result<Value, Value> {
    let is_bytes = |v: &Value| matches!(v.as_obj(), Some(PyObject::Bytes(_)));
    let text = matches!((rhs.as_str(), lhs.as_str()), (Some(_), Some(_)));
    if !(text || is_bytes(&lhs) && is_bytes(rhs)) {
        return Err(lhs);
    }
    if !stack[slot].is(&lhs) {
        return Err(lhs);
    }
    // Refused under the memory limit: the general path raises it.
    let tail_len = match rhs.as_obj() {
        Some(PyObject::Str(tail)) => tail.as_str().len(),
        Some(PyObject::Bytes(tail)) => tail.as_bytes().len(),
        _ => 0,
    };
    if crate::memory::reserve(tail_len).is_err() {
        return Err(lhs);
    }
    let held = std::mem::replace(&mut stack[slot], Value::None);
    drop(held);
    if let Value::Obj(object) = &mut lhs {
        match (std::rc::Rc::get_mut(object), rhs.as_obj()) {
            (Some(PyObject::Str(text)), Some(PyObject::Str(tail))) => {
                text.append(tail.as_str());
                return Ok(lhs);
            }
            // `b += t` grows an unshared bytes object in place, as for str.
            (Some(PyObject::Bytes(data)), Some(PyObject::Bytes(tail))) => {
                data.append(tail.as_bytes());
                return Ok(lhs);
            }
            _ => {}
        }
    }
    stack[slot] = lhs.clone();
    Err(lhs)
}

/// LOAD_METHOD on a class: the attribute cached for this class and epoch
/// by [`cache_class_attribute`].
#[inline(always)]
fn class_attribute_cached(
    code: &Code,
    i: usize,
    class: &std::rc::Rc<typeobject::TypeObject>,
) -> Option<(Value, bool)> {
    code.read_cache_entry(i, |entry| {
        (matches!(
            entry.kind,
            CachedLookup::ClassAttribute | CachedLookup::ClassMethodOfClass
        ) && entry.class == std::rc::Rc::as_ptr(class) as usize
            && entry.epoch == typeobject::class_epoch())
        .then(|| {
            (
                entry.method.clone(),
                matches!(entry.kind, CachedLookup::ClassMethodOfClass),
            )
        })
    })
}

/// Caches what `class.name` gave when it is the plain attribute found on
/// the MRO (a function, or a builtin type's unbound method), so that the
/// next lookup under the same epoch gives the same: not for dunders (the
/// type's own attributes such as `__name__` come first), nor for classes
/// with a metaclass (its descriptors and `__getattr__` take part).
fn cache_class_attribute(
    code: &Code,
    i: usize,
    class: &std::rc::Rc<typeobject::TypeObject>,
    value: &Value,
) {
    let Some(name) = code.names[i].as_str_or_subclass() else {
        return;
    };
    let name = name.as_str();
    // A classmethod of a Python function, bound to this very class.
    if let Some(PyObject::BoundMethod(bound)) = value.as_obj()
        && let Some(PyObject::Function(_)) = bound.function.as_obj()
        && matches!(bound.receiver.as_obj(), Some(PyObject::Type(t)) if std::rc::Rc::ptr_eq(t, class))
        && !name.starts_with("__")
        && class.metaclass.is_none()
        && class.lookup(name).is_some_and(|found| {
            matches!(found.as_obj(), Some(PyObject::ClassMethod(c)) if c.function.is(&bound.function))
        })
    {
        code.cache_method(
            i,
            crate::interpreter::code::MethodCacheEntry {
                class: std::rc::Rc::as_ptr(class) as usize,
                epoch: typeobject::class_epoch(),
                kind: CachedLookup::ClassMethodOfClass,
                method: bound.function.clone(),
                absent_keys: None,
            },
        );
        return;
    }
    let plain = match value.as_obj() {
        Some(PyObject::Function(_)) => true,
        Some(PyObject::MethodDescriptor(d)) => d.bound.is_none(),
        _ => false,
    };
    // The attribute itself, or a staticmethod of the function.
    let found_gives_value = |found: Value| match found.as_obj() {
        Some(PyObject::StaticMethod(s)) => s.function.is(value),
        _ => found.is(value),
    };
    if !plain
        || name.starts_with("__")
        || class.metaclass.is_some()
        || !class.lookup(name).is_some_and(found_gives_value)
    {
        return;
    }
    code.cache_method(
        i,
        crate::interpreter::code::MethodCacheEntry {
            class: std::rc::Rc::as_ptr(class) as usize,
            epoch: typeobject::class_epoch(),
            kind: CachedLookup::ClassAttribute,
            method: value.clone(),
            absent_keys: None,
        },
    );
}

/// Whether the code's cache says that name `i` is a `__slots__` member of
/// `class` that can be read (`set == false`) or written directly: then
/// `Some`, with the value's position among the class's shared keys when
/// an earlier access found it.
#[inline(always)]
fn slot_cached(
    code: &Code,
    i: usize,
    class: &typeobject::TypeObject,
    set: bool,
) -> Option<Option<usize>> {
    code.read_cache_entry(i, |entry| {
        if entry.class != class as *const typeobject::TypeObject as usize
            || entry.epoch != typeobject::class_epoch()
        {
            return None;
        }
        match entry.kind {
            CachedLookup::Slot {
                get,
                set: settable,
                position,
            } if (if set { settable } else { get }) => Some(position),
            _ => None,
        }
    })
}

/// Whether the code's cache says that name `i` is a `__slots__` member
/// of `class` kept apart from the instance's `__dict__`, that can be read
/// (`set == false`) or written directly.
#[inline]
fn separate_slot_cached(code: &Code, i: usize, class: &typeobject::TypeObject, set: bool) -> bool {
    code.read_cache_entry(i, |entry| {
        if entry.class != class as *const typeobject::TypeObject as usize
            || entry.epoch != typeobject::class_epoch()
        {
            return None;
        }
        match entry.kind {
            CachedLookup::SeparateSlot { get, set: settable }
                if (if set { settable } else { get }) =>
            {
                Some(())
            }
            _ => None,
        }
    })
    .is_some()
}

/// After a slot member `i` was found at `index` of its class's shared
/// keys: the next access reads or writes it there (see [`slot_cached`]).
#[inline(never)]
fn cache_slot_position(code: &Code, i: usize, index: usize) {
    if let Some(entry) = &mut *code.name_cache(i).method.borrow_mut()
        && let CachedLookup::Slot { position, .. } = &mut entry.kind
    {
        *position = Some(index);
    }
}

/// The position among its class's shared keys where the code's cache says
/// attribute `i` of `instance` is, to read (`set == false`) or write:
/// an attribute of its own ([`CachedLookup::SharedKey`]) or a
/// `__slots__` member whose position an earlier access found.
#[inline(always)]
fn shared_key_cached(
    code: &Code,
    i: usize,
    instance: &crate::builtins::function::PyInstance,
    set: bool,
) -> Option<usize> {
    let class = instance.class();
    // An entry is only made for a name that is no data descriptor of the
    // class (see `own_attribute_plain`), true for its epoch. `Some(None)`:
    // an entry of another kind.
    let found = code.read_cache_entry(i, |entry| {
        Some(
            if entry.class == class as *const typeobject::TypeObject as usize
                && entry.epoch == typeobject::class_epoch()
                && let CachedLookup::SharedKey(index) = entry.kind
            {
                Some(index)
            } else {
                None
            },
        )
    })?;
    match found {
        Some(index) => Some(index),
        // (A class with `__slots__` has data descriptors: its members
        // are looked at out of line.)
        None if class.has_data_descriptors.get() => slot_position_cached(code, i, class, set),
        None => shared_key_of_other_class(code, i, instance),
    }
}

/// A site whose entry remembers attribute `i` at a shared-key position of
/// another class (a method of a base class run on instances of several
/// subclasses): the position serves `instance` too when its class, which
/// has no data descriptors, keeps the same name there. The entry stays
/// as it is, so a site alternating between such classes always hits.
#[inline(never)]
fn shared_key_of_other_class(
    code: &Code,
    i: usize,
    instance: &crate::builtins::function::PyInstance,
) -> Option<usize> {
    let index = code.read_cache_entry(i, |entry| match entry.kind {
        CachedLookup::SharedKey(index) => Some(index),
        _ => None,
    })?;
    instance
        .shared_key_is(index, &code.names[i])
        .then_some(index)
}

/// [`shared_key_cached`] for a `__slots__` member whose position an
/// earlier access found (out of the dispatch loop's way).
#[inline(never)]
fn slot_position_cached(
    code: &Code,
    i: usize,
    class: &typeobject::TypeObject,
    set: bool,
) -> Option<usize> {
    slot_cached(code, i, class, set).flatten()
}

/// After attribute `i` was read from `instance`'s own attributes at
/// `index` of its class's shared keys: remembers that, for the next access.
#[inline(never)]
fn cache_shared_key(
    code: &Code,
    i: usize,
    instance: &crate::builtins::function::PyInstance,
    index: usize,
) {
    *code.name_cache(i).method.borrow_mut() = Some(crate::interpreter::code::MethodCacheEntry {
        class: instance.class() as *const typeobject::TypeObject as usize,
        epoch: typeobject::class_epoch(),
        kind: CachedLookup::SharedKey(index),
        method: Value::None,
        absent_keys: None,
    });
}

/// After a store of attribute `i` into `owner`'s own attributes: remembers
/// its position among the class's shared keys (as a load does), unless the
/// entry already says something about this class.
#[inline(never)]
fn cache_stored_shared_key(code: &Code, i: usize, owner: &Value) {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return;
    };
    let class = instance.class();
    if let Some(Some(entry)) = code.method_entry(i).as_deref()
        && entry.class == class as *const typeobject::TypeObject as usize
        && entry.epoch == typeobject::class_epoch()
        && !matches!(entry.kind, CachedLookup::PlainAttribute)
    {
        return;
    }
    if let Some(index) = instance.shared_position(&code.names[i]) {
        cache_shared_key(code, i, instance, index);
    }
}

/// A plain value of a class namespace that the code's cache says name `i`
/// of `owner` reads (see [`CachedLookup::ClassValue`]): for an instance,
/// unless it has an attribute of that name.
#[inline]
fn class_value_cached(code: &Code, i: usize, owner: &Value) -> Option<Value> {
    let (class, instance) = match owner.as_obj()? {
        PyObject::Instance(instance) => (instance.class(), Some(instance)),
        PyObject::Type(class) => (&**class, None),
        _ => return None,
    };
    let entry = code.method_entry(i)?;
    let entry = entry.as_ref()?;
    let CachedLookup::ClassValue {
        depth,
        index,
        on_type,
    } = entry.kind
    else {
        return instance_special_cached(entry, instance?);
    };
    if entry.class != class as *const typeobject::TypeObject as usize
        || entry.epoch != typeobject::class_epoch()
        || on_type != instance.is_none()
    {
        return None;
    }
    if let Some(instance) = instance
        && instance.may_have_attr(code.operand_name(i), entry.absent_keys)
    {
        return None;
    }
    class.read_attribute_at(depth as usize, index as usize, plain_class_value)
}

/// The kind of the entry site `i` keeps for `owner`'s class (an
/// instance's, or a class's own) in this epoch; `None` when the entry is
/// about another class, or there is none.
#[inline(always)]
fn site_kind_for(code: &Code, i: usize, owner: &Value) -> Option<CachedLookup> {
    // (Compared kind by kind, not matched: see `method_owner_key`.)
    let Value::Obj(object) = owner else {
        return None;
    };
    let class = if let PyObject::Instance(instance) = &**object {
        instance.class() as *const typeobject::TypeObject as usize
    } else if let PyObject::Type(class) = &**object {
        &**class as *const typeobject::TypeObject as usize
    } else {
        return None;
    };
    code.read_cache_entry(i, |entry| {
        (entry.class == class && entry.epoch == typeobject::class_epoch()).then_some(entry.kind)
    })
}

/// `instance.__class__` or `instance.__dict__` when the site's cache entry
/// says the name reads the instance's class or dict (see
/// [`CachedLookup::InstanceClass`], [`CachedLookup::InstanceDict`]).
#[inline(never)]
fn instance_special_cached(
    entry: &crate::interpreter::code::MethodCacheEntry,
    instance: &crate::builtins::function::PyInstance,
) -> Option<Value> {
    if entry.class != instance.class() as *const typeobject::TypeObject as usize
        || entry.epoch != typeobject::class_epoch()
    {
        return None;
    }
    match entry.kind {
        CachedLookup::InstanceClass => Some(crate::builtins::constructors::type_value(
            &instance.class_rc(),
        )),
        CachedLookup::InstanceDict => Some(instance.dict_value()),
        _ => None,
    }
}

/// A class value that reading through its class or an instance gives as
/// it is stored, cloned: a plain value (see
/// [`typeobject::is_plain_class_value`]), or an instance of a class
/// statement's class whose class defines no `__get__` (an enum member, a
/// sentinel object). Checked again at every cached read: a `__get__`
/// added to that class later makes the read take the general path.
#[inline]
fn plain_class_value(value: &Value) -> Option<Value> {
    let as_stored = typeobject::is_plain_class_value(value)
        || matches!(value.as_obj(), Some(PyObject::Instance(instance))
            if instance.class().heap
                && !instance.class().defines(typeobject::Slot::Get)
                && std::ptr::eq(value.builtin_value(), value));
    as_stored.then(|| value.clone())
}

/// The class of `owner`, an instance, with what the code's cache says of
/// name `i` on it, when the entry is the class's under the current epoch.
#[inline(always)]
fn instance_cache_entry<'a>(
    code: &Code,
    i: usize,
    owner: &'a Value,
) -> Option<(&'a typeobject::TypeObject, CachedLookup)> {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return None;
    };
    let class = instance.class();
    let entry = code.method_entry(i)?;
    let entry = entry.as_ref()?;
    if entry.class != class as *const typeobject::TypeObject as usize
        || entry.epoch != typeobject::class_epoch()
    {
        return None;
    }
    Some((class, entry.kind))
}

impl Vm {
    /// For a LOAD_ATTR whose cache says it reads a descriptor with a
    /// Python `__get__`: pushes its arguments (the descriptor, the owner
    /// and its class) and gives the function and where they start. The
    /// owner back when the cache says otherwise.
    #[inline(never)]
    fn push_descriptor_get(
        &mut self,
        code: &Code,
        i: usize,
        owner: Value,
    ) -> Result<(Value, usize), Value> {
        let Some((descriptor, get)) = descriptor_get_cached(code, i, &owner) else {
            return Err(owner);
        };
        let class = match owner.as_obj() {
            Some(PyObject::Instance(instance)) => {
                crate::builtins::constructors::type_value(&instance.class_rc())
            }
            _ => return Err(owner),
        };
        let call_base = self.stack.len();
        self.stack.push(descriptor);
        self.stack.push(owner);
        self.stack.push(class);
        Ok((get, call_base))
    }

    /// The owner [`Vm::push_descriptor_get`] pushed, when the call could
    /// not be made in place after all (the stack back as it was).
    #[cold]
    fn take_getter_owner(&mut self, call_base: usize) -> Value {
        let owner = std::mem::take(&mut self.stack[call_base + 1]);
        self.stack.truncate(call_base);
        owner
    }
}

/// The descriptor and its `__get__` (a Python function) that the code's
/// cache says name `i` of `owner` reads (see
/// [`CachedLookup::DescriptorGet`]).
fn descriptor_get_cached(code: &Code, i: usize, owner: &Value) -> Option<(Value, Value)> {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return None;
    };
    let class = instance.class();
    let entry = code.method_entry(i)?;
    let entry = entry.as_ref()?;
    let CachedLookup::DescriptorGet { depth, index } = entry.kind else {
        return None;
    };
    if entry.class != class as *const typeobject::TypeObject as usize
        || entry.epoch != typeobject::class_epoch()
    {
        return None;
    }
    let descriptor =
        class.read_attribute_at(depth as usize, index as usize, |v| Some(v.clone()))?;
    Some((descriptor, entry.method.clone()))
}

/// The `__get__` of a data descriptor whose class defines it in Python
/// (an enum member's `.value`, a field of an object mapper), for
/// [`CachedLookup::DescriptorGet`].
fn descriptor_get_function(value: &Value) -> Option<Value> {
    let class = crate::interpreter::class::user_class_of(value)?;
    if !class.heap
        || !class.defines(typeobject::Slot::Get)
        || !(class.defines(typeobject::Slot::Set) || class.defines(typeobject::Slot::Delete))
    {
        return None;
    }
    let get = class.lookup("__get__")?;
    matches!(get.as_obj(), Some(PyObject::Function(_))).then_some(get)
}

/// The getter of a property of `owner`'s class that the code's cache says
/// name `i` reads (see [`CachedLookup::Property`]).
#[inline]
fn property_getter_cached(code: &Code, i: usize, owner: &Value) -> Option<Value> {
    let Some((class, CachedLookup::Property { depth, index })) =
        instance_cache_entry(code, i, owner)
    else {
        return None;
    };
    class.read_attribute_at(depth as usize, index as usize, property_getter)
}

/// A named tuple's field that the code's cache says name `i` of `owner`
/// reads (see [`CachedLookup::TupleField`]): the item, or its error.
#[inline(never)]
fn tuple_field_cached(code: &Code, i: usize, owner: &Value) -> Option<PyResult<Value>> {
    let Some((_, CachedLookup::TupleField { field })) = instance_cache_entry(code, i, owner) else {
        return None;
    };
    Some(crate::builtins::member::tuple_field(owner, field as usize))
}

/// The getter of a property, when it is a Python function.
fn property_getter(value: &Value) -> Option<Value> {
    match value.as_obj() {
        Some(PyObject::Property(property))
            if matches!(property.getter.as_obj(), Some(PyObject::Function(_))) =>
        {
            Some(property.getter.clone())
        }
        _ => None,
    }
}

/// After a slow LOAD_ATTR of name `i` on `owner` gave `value`, unless the
/// code's cache already says something about the class under this epoch:
/// remembers where the value is when it is a plain value of a class
/// namespace, read as stored (see [`class_value_cached`]), else whether
/// the name is a slot (see [`cache_slot`]). A class value is not cached for
/// a class with its own `__getattribute__`, on a class with a metaclass or
/// for a dunder name on a class (the metaclass's attributes take part), nor
/// when an instance attribute gave the value.
#[cold]
fn cache_after_load(code: &Code, i: usize, owner: &Value, value: &Value) {
    if cache_module_attribute(code, i, owner, value) {
        return;
    }
    let (class, instance) = match owner.as_obj() {
        Some(PyObject::Instance(instance)) => (instance.class(), Some(instance)),
        Some(PyObject::Type(class)) => (&**class, None),
        _ => return,
    };
    // (An entry saying only that the name is no data descriptor of the
    // class gives way to what the load found.)
    if let Some(Some(entry)) = code.method_entry(i).as_deref()
        && entry.class == class as *const typeobject::TypeObject as usize
        && entry.epoch == typeobject::class_epoch()
        && !matches!(entry.kind, CachedLookup::PlainAttribute)
    {
        return;
    }
    let entry = class_value_entry(code, i, class, instance, value)
        .or_else(|| instance.and_then(|_| instance_special_entry(code, i, class)))
        .or_else(|| {
            instance.and_then(|_| {
                descriptor_entry(code, i, class, property_getter, |depth, index, _| {
                    CachedLookup::Property { depth, index }
                })
            })
        })
        .or_else(|| {
            instance.and_then(|_| {
                let mut entry = descriptor_entry(
                    code,
                    i,
                    class,
                    descriptor_get_function,
                    |depth, index, _| CachedLookup::DescriptorGet { depth, index },
                )?;
                // The `__get__` itself: replacing it starts a new epoch.
                let (_, _, get) = class.attribute_location(
                    code.names[i].as_str()?.as_str(),
                    descriptor_get_function,
                )?;
                entry.method = get;
                Some(entry)
            })
        })
        .or_else(|| {
            instance.and_then(|_| {
                descriptor_entry(
                    code,
                    i,
                    class,
                    crate::builtins::member::tuple_getter_index,
                    |_, _, field| CachedLookup::TupleField {
                        field: u32::try_from(field).unwrap_or(u32::MAX),
                    },
                )
            })
        });
    let entry = entry
        .or_else(|| instance.and_then(|instance| bound_function_entry(code, i, instance, value)));
    match entry {
        Some(entry) => code.cache_method(i, entry),
        None => cache_slot(code, i, owner),
    }
}

/// After `instance.name` gave a bound method of a Python function found
/// on the instance's class (`callback = self.parse_item`): an entry of
/// LOAD_METHOD's kind, from which LOAD_ATTR binds the function again
/// without a lookup.
fn bound_function_entry(
    code: &Code,
    i: usize,
    instance: &crate::builtins::function::PyInstance,
    value: &Value,
) -> Option<crate::interpreter::code::MethodCacheEntry> {
    let Some(PyObject::BoundMethod(bound)) = value.as_obj() else {
        return None;
    };
    let class = instance.class();
    if !matches!(bound.function.as_obj(), Some(PyObject::Function(_)))
        || class.defines(typeobject::Slot::GetAttribute)
        || !matches!(bound.receiver.as_obj(), Some(PyObject::Instance(receiver)) if std::ptr::eq(receiver, instance))
    {
        return None;
    }
    let found = class.lookup(code.names[i].as_str_or_subclass()?.as_str())?;
    if !found.is(&bound.function) {
        return None;
    }
    let absent_keys = instance.keys_without(&code.names[i])?;
    if instance.may_have_attr(&code.names[i], Some(absent_keys)) {
        return None;
    }
    Some(crate::interpreter::code::MethodCacheEntry {
        class: class as *const typeobject::TypeObject as usize,
        epoch: typeobject::class_epoch(),
        kind: CachedLookup::Method,
        method: bound.function.clone(),
        absent_keys: Some(absent_keys),
    })
}

/// The cache entry for name `i` of an instance of `class` when the
/// class's attribute of that name (first on the MRO, so before any
/// instance attribute) is one `found` accepts: a property whose getter is
/// a Python function ([`CachedLookup::Property`]) or a named tuple's field
/// ([`CachedLookup::TupleField`]), remembered as `kind` at its place.
fn descriptor_entry<R>(
    code: &Code,
    i: usize,
    class: &typeobject::TypeObject,
    found: impl FnOnce(&Value) -> Option<R>,
    kind: fn(u32, u32, R) -> CachedLookup,
) -> Option<crate::interpreter::code::MethodCacheEntry> {
    let name = code.names[i].as_str_or_subclass()?.as_str();
    // (With `__getattr__`, an AttributeError from the getter calls it.)
    if class.defines(typeobject::Slot::GetAttribute) || class.defines(typeobject::Slot::GetAttr) {
        return None;
    }
    let (depth, index, found) = class.attribute_location(name, found)?;
    Some(crate::interpreter::code::MethodCacheEntry {
        class: class as *const typeobject::TypeObject as usize,
        epoch: typeobject::class_epoch(),
        kind: kind(
            u32::try_from(depth).ok()?,
            u32::try_from(index).ok()?,
            found,
        ),
        method: Value::None,
        absent_keys: None,
    })
}

/// The cache entry for `instance.__class__` or `instance.__dict__` on an
/// instance of `class`, when the generic lookup answers with the class
/// or the dict (`generic_attribute_if_present`): the class defines no
/// `__getattribute__` and no class on its MRO has an attribute of that
/// name of its own; for `__dict__`, the class gives its instances a dict
/// and defines no `__getattr__` either.
fn instance_special_entry(
    code: &Code,
    i: usize,
    class: &typeobject::TypeObject,
) -> Option<crate::interpreter::code::MethodCacheEntry> {
    let name = code.names[i].as_str()?.as_str();
    let kind = match name {
        "__class__" => CachedLookup::InstanceClass,
        "__dict__" if class.instance_dict && !class.defines(typeobject::Slot::GetAttr) => {
            CachedLookup::InstanceDict
        }
        _ => return None,
    };
    if class.defines(typeobject::Slot::GetAttribute) || class.lookup(name).is_some() {
        return None;
    }
    Some(crate::interpreter::code::MethodCacheEntry {
        class: class as *const typeobject::TypeObject as usize,
        epoch: typeobject::class_epoch(),
        kind,
        method: Value::None,
        absent_keys: None,
    })
}

/// Whether reading `name` on `class` itself involves its metaclass (not
/// `type`): the metaclass has an attribute of that name (a data
/// descriptor there would win) or its own `__getattribute__`. An enum's
/// members (`Color.RED`) and class attributes involve neither, and are
/// cached like any class's (a name added to the metaclass later starts a
/// new epoch).
fn metaclass_takes_part(class: &typeobject::TypeObject, name: &str) -> bool {
    class.metaclass.as_ref().is_some_and(|meta| {
        meta.defines(typeobject::Slot::GetAttribute) || meta.lookup(name).is_some()
    })
}

/// The cache entry for a plain class value `value` read as name `i` of
/// `instance` (or of `class` itself when `instance` is `None`), when
/// [`cache_after_load`]'s conditions hold.
fn class_value_entry(
    code: &Code,
    i: usize,
    class: &typeobject::TypeObject,
    instance: Option<&crate::builtins::function::PyInstance>,
    value: &Value,
) -> Option<crate::interpreter::code::MethodCacheEntry> {
    let name = code.names[i].as_str_or_subclass()?.as_str();
    if plain_class_value(value).is_none()
        || class.defines(typeobject::Slot::GetAttribute)
        || (instance.is_none() && (name.starts_with("__") || metaclass_takes_part(class, name)))
    {
        return None;
    }
    let (depth, index, found) = class.attribute_location(name, plain_class_value)?;
    if !found.is(value) {
        return None;
    }
    let absent_keys = match instance {
        Some(instance) => {
            let absent = instance.keys_without(&code.names[i])?;
            if instance.may_have_attr(&code.names[i], Some(absent)) {
                return None;
            }
            Some(absent)
        }
        None => None,
    };
    Some(crate::interpreter::code::MethodCacheEntry {
        class: class as *const typeobject::TypeObject as usize,
        epoch: typeobject::class_epoch(),
        kind: CachedLookup::ClassValue {
            depth: u32::try_from(depth).ok()?,
            index: u32::try_from(index).ok()?,
            on_type: instance.is_none(),
        },
        method: Value::None,
        absent_keys,
    })
}

/// After a slow attribute access on `owner`: remembers when name `i` is a
/// `__slots__` member of its class, so the next access reads or writes
/// the instance directly (see [`slot_cached`]).
#[cold]
fn cache_slot(code: &Code, i: usize, owner: &Value) {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return;
    };
    let class = instance.class();
    let address = class as *const typeobject::TypeObject as usize;
    let epoch = typeobject::class_epoch();
    if let Some(Some(entry)) = code.method_entry(i).as_deref()
        && entry.class == address
        && entry.epoch == epoch
    {
        return;
    }
    let Some(name) = code.names[i].as_str_or_subclass() else {
        return;
    };
    let get = !class.defines(typeobject::Slot::GetAttribute);
    let set = !class.defines(typeobject::Slot::SetAttr);
    let kind = match class.lookup(name.as_str()) {
        // (With a `__dict__` too, the instance keeps slots apart.)
        Some(found) if crate::builtins::member::is_member(&found) => match class.instance_dict {
            true => CachedLookup::SeparateSlot { get, set },
            false => CachedLookup::Slot {
                get,
                set,
                position: None,
            },
        },
        _ => CachedLookup::NotSlot,
    };
    *code.name_cache(i).method.borrow_mut() = Some(crate::interpreter::code::MethodCacheEntry {
        class: address,
        epoch,
        kind,
        method: Value::None,
        absent_keys: None,
    });
}

/// `obj.name = value` straight into an instance's dict when neither a
/// property nor `__setattr__` is involved; gives the value back otherwise.
#[inline(never)]
fn store_instance_attribute_fast(
    owner: &Value,
    code: &Code,
    i: usize,
    value: Value,
) -> Option<Value> {
    let name = &code.names[i];
    match owner.as_obj() {
        Some(PyObject::Instance(instance))
            if !instance.class().defines(typeobject::Slot::SetAttr)
                && !is_special_attribute(name)
                && (!instance.class().has_data_descriptors.get()
                    || instance.class().instance_dict
                        && own_attribute_plain_at(code, i, instance.class())) =>
        {
            // A str key never fails to hash or compare.
            let _ = instance.set_attr(name.clone(), value);
            None
        }
        _ => Some(value),
    }
}

/// [`typeobject::TypeObject::own_attribute_plain`] for a name of the code.
#[inline(never)]
fn own_attribute_plain(class: &typeobject::TypeObject, name: &Value) -> bool {
    name.as_str()
        .is_some_and(|name| class.own_attribute_plain(name.as_str()))
}

/// [`own_attribute_plain`] for name `i` of the code, false without a
/// lookup when the site's cache knows the name as a data descriptor of
/// the class (a property, a named tuple's field, a `__slots__` member, a
/// descriptor with a Python `__get__`).
#[inline(never)]
fn own_attribute_plain_at(code: &Code, i: usize, class: &typeobject::TypeObject) -> bool {
    let address = class as *const typeobject::TypeObject as usize;
    let epoch = typeobject::class_epoch();
    let mut known_class = false;
    if let Some(Some(entry)) = code.method_entry(i).as_deref()
        && entry.class == address
        && entry.epoch == epoch
    {
        match entry.kind {
            CachedLookup::Property { .. }
            | CachedLookup::TupleField { .. }
            | CachedLookup::Slot { .. }
            | CachedLookup::SeparateSlot { .. }
            | CachedLookup::DescriptorGet { .. } => return false,
            // All three are made only for a name found plain for this
            // epoch (a class value is read as stored: no descriptor).
            CachedLookup::SharedKey(_)
            | CachedLookup::PlainAttribute
            | CachedLookup::ClassValue { .. } => return true,
            _ => known_class = true,
        }
    }
    let plain = own_attribute_plain(class, &code.names[i]);
    if plain && !known_class {
        *code.name_cache(i).method.borrow_mut() =
            Some(crate::interpreter::code::MethodCacheEntry {
                class: address,
                epoch,
                kind: CachedLookup::PlainAttribute,
                method: Value::None,
                absent_keys: None,
            });
    }
    plain
}

/// `__dict__` and `__class__`, which a store must not put in the dict.
#[inline]
fn is_special_attribute(name: &Value) -> bool {
    name.as_str()
        .is_some_and(|s| matches!(s.as_str(), "__dict__" | "__class__"))
}

/// `list[i]`, `tuple[i]` and `str[i]` with an int in range, and `dict[key]`
/// of a present key whose hash and `==` run no Python code; `None`
/// otherwise (the general path then raises or calls what it must).
#[inline(never)]
fn subscript_fast(container: &Value, key: &Value) -> Option<Value> {
    match (container.as_obj()?, key) {
        (PyObject::List(list), Value::Int(i)) => list.item(*i),
        (PyObject::Tuple(tuple), Value::Int(i)) => {
            index_in(*i, tuple.len()).map(|i| tuple.as_slice()[i].clone())
        }
        (PyObject::Str(s), Value::Int(i)) => {
            let c = s.char_at(index_in(*i, s.char_len())?)?;
            Some(crate::builtins::str::char_value(c))
        }
        (PyObject::Dict(dict), key) => dict.get_quick(key).flatten(),
        _ => None,
    }
}

/// `list[i] = value` with an int in range; gives the value back otherwise.
#[inline(never)]
fn store_subscript_fast(container: &Value, key: &Value, value: Value) -> Option<Value> {
    match (key, container.as_obj()) {
        (Value::Int(i), Some(PyObject::List(list))) => list.store_item(*i, value).err(),
        _ => Some(value),
    }
}

/// A Python index into a sequence of `len` items, if in range.
#[inline]
fn index_in(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0 <= i && (i as u64) < len as u64).then_some(i as usize)
}

/// A LOAD_GLOBAL / STORE_GLOBAL cache entry for a global whose dict's
/// version changed: positions of keys can stay put across such changes
/// (removing the last key, as `except E as e` does at module level, moves
/// no other; adding one appends it), so the entry is still right when its
/// position holds the very name object. Refreshes the entry and gives the
/// position then. Names found in the builtins are looked up again (the
/// globals may now shadow them).
fn revalidate_global(code: &Code, i: usize, key: GlobalsKey, globals: &PyDict) -> Option<usize> {
    let (cached_key, GlobalSlot::Globals(at)) = code.global_entry(i)? else {
        return None;
    };
    if cached_key.globals != key.globals || !globals.key_at_is(at, &code.names[i]) {
        return None;
    }
    code.name_cache(i)
        .global
        .set(Some((key, GlobalSlot::Globals(at))));
    Some(at)
}

/// [`module_attribute_cached`] for any owner, out of the dispatch loop
/// (the loop's code stays as it was for the other arms).
#[inline(never)]
fn module_attribute_of(code: &Code, i: usize, owner: &Value) -> Option<Value> {
    match owner.as_obj() {
        Some(PyObject::Instance(instance)) => module_attribute_cached(code, i, instance),
        _ => None,
    }
}

/// LOAD_METHOD's cached cases past the method cache, out of the dispatch
/// loop: a module's function (`NULL, function`), a class's staticmethod
/// (`NULL, function`) or classmethod (`function, class`) read through an
/// instance; what to push.
#[inline(never)]
fn instance_call_target_cached(code: &Code, i: usize, owner: &Value) -> Option<(Value, Value)> {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return None;
    };
    if let Some(value) = module_attribute_cached(code, i, instance) {
        return Some((Value::Null, value));
    }
    let (function, to_class) = descriptor_function_cached(code, i, instance)?;
    Some(if to_class {
        (
            function,
            crate::builtins::constructors::type_value(&instance.class_rc()),
        )
    } else {
        (Value::Null, function)
    })
}

/// The `__getitem__` of an instance's class when a class statement
/// defined it as a Python function (BINARY_SUBSCR runs its frame).
#[inline(never)]
fn python_getitem(container: &Value) -> Option<Value> {
    let Some(PyObject::Instance(instance)) = container.as_obj() else {
        return None;
    };
    let class = instance.class();
    if !class.defines(Slot::GetItem) {
        return None;
    }
    let getitem = class.lookup_slot(Slot::GetItem)?;
    matches!(getitem.as_obj(), Some(PyObject::Function(_))).then_some(getitem)
}

/// The function of a `staticmethod` or `classmethod` that LOAD_METHOD's
/// site `i` found on `instance`'s class (see
/// [`CachedLookup::DescriptorFunction`]), with whether it takes the class
/// first; `None` when the entry is for another class or epoch, or the
/// instance has an attribute of the name.
#[inline]
fn descriptor_function_cached(
    code: &Code,
    i: usize,
    instance: &crate::builtins::function::PyInstance,
) -> Option<(Value, bool)> {
    let (function, to_class) = match code.method_entry(i).as_deref() {
        Some(Some(entry))
            if entry.class == instance.class() as *const typeobject::TypeObject as usize
                && entry.epoch == typeobject::class_epoch() =>
        {
            match entry.kind {
                CachedLookup::DescriptorFunction { to_class } => (entry.method.clone(), to_class),
                _ => return None,
            }
        }
        _ => return None,
    };
    if instance.has_attr(&code.names[i]) {
        return None;
    }
    Some((function, to_class))
}

/// After LOAD_METHOD's site `i` loaded a name of `owner` the general way:
/// remembers a `staticmethod` or `classmethod` of its class (see
/// [`descriptor_function_cached`]).
#[cold]
fn cache_descriptor_function(code: &Code, i: usize, owner: &Value) {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return;
    };
    let class = instance.class();
    if class.defines(Slot::GetAttribute) || instance.has_attr(&code.names[i]) {
        return;
    }
    let Some(name) = code.names[i].as_str_or_subclass() else {
        return;
    };
    let (function, to_class) = match class.lookup(name.as_str()) {
        Some(found) => match found.as_obj() {
            Some(PyObject::StaticMethod(s)) => (s.function.clone(), false),
            Some(PyObject::ClassMethod(c)) => (c.function.clone(), true),
            _ => return,
        },
        None => return,
    };
    code.cache_method(
        i,
        crate::interpreter::code::MethodCacheEntry {
            class: class as *const typeobject::TypeObject as usize,
            epoch: typeobject::class_epoch(),
            kind: CachedLookup::DescriptorFunction { to_class },
            method: function,
            absent_keys: None,
        },
    );
}

/// `module.name` where site `i` last found it (CPython's
/// LOAD_ATTR_MODULE): the entry of name `i` in
/// `NameCache::module_attribute`.
#[inline(always)]
fn module_attribute_cached(
    code: &Code,
    i: usize,
    instance: &crate::builtins::function::PyInstance,
) -> Option<Value> {
    let key = code.module_attribute_entry(i)?;
    if key.class != instance.class() as *const typeobject::TypeObject as usize {
        return None;
    }
    instance.dict_value_at(key.version, key.at)
}

/// After `owner.name` (name `i`) gave `value`: when `owner` is a module
/// and the value is its global of that name, the site remembers where
/// (see [`module_attribute_cached`]). Whether it did.
#[cold]
fn cache_module_attribute(code: &Code, i: usize, owner: &Value, value: &Value) -> bool {
    let Some(PyObject::Instance(instance)) = owner.as_obj() else {
        return false;
    };
    let class = instance.class();
    if class.builtin != Some(typeobject::BuiltinType::Module)
        || !std::ptr::eq(
            class,
            &*typeobject::builtin_type(typeobject::BuiltinType::Module),
        )
    {
        return false;
    }
    let Some((version, at)) = instance.dict_position(&code.names[i], value) else {
        return false;
    };
    code.name_cache(i)
        .module_attribute
        .set(Some(crate::interpreter::code::ModuleAttributeKey {
            class: class as *const typeobject::TypeObject as usize,
            version,
            at,
        }));
    true
}

/// Whether a LOAD_FAST followed by `next` may start one of the fused
/// paths of its arm (an operand pair, an operator on the top of the
/// stack, two loads in one dispatch).
///
/// A table by opcode byte rather than a `matches!`: the compiler merged
/// the `matches!` with the arm's later `match` on the same instruction
/// into one jump table, which every plain load then paid for.
#[inline(always)]
fn may_fuse_after_load(next: &I) -> bool {
    static FUSES_AFTER_LOAD: [bool; 256] = {
        let mut table = [false; 256];
        table[Opcode::LoadFast as usize] = true;
        table[Opcode::LoadConst as usize] = true;
        table[Opcode::LoadDeref as usize] = true;
        table[Opcode::BinaryOp as usize] = true;
        table[Opcode::CompareOp as usize] = true;
        table
    };
    FUSES_AFTER_LOAD[next.opcode() as usize]
}

/// What LOAD_METHOD's cache entries are keyed by: the class of `owner`
/// (its address, or `typeobject::class_key`'s number for a builtin
/// value), with the instance when it is one. `None` for a class, whose
/// attributes the entries do not describe, and for a `super()` object
/// unless `super_too` (the dispatch loop's hit path leaves those to the
/// general path: one look at the kind for both).
/// An instance, the most frequent owner, is told by two comparisons
/// before anything else: as one `match`, the value's tag and the
/// object's kind were two jump tables, two indirect jumps per method
/// call.
#[inline(always)]
fn method_owner_key(
    owner: &Value,
    super_too: bool,
) -> Option<(usize, Option<&crate::builtins::function::PyInstance>)> {
    if let Value::Obj(object) = owner
        && let PyObject::Instance(instance) = &**object
    {
        return Some((
            instance.class() as *const typeobject::TypeObject as usize,
            Some(instance),
        ));
    }
    method_owner_key_of_other(owner, super_too)
}

/// [`method_owner_key`] of an owner that is not an instance.
#[inline(never)]
fn method_owner_key_of_other(
    owner: &Value,
    super_too: bool,
) -> Option<(usize, Option<&crate::builtins::function::PyInstance>)> {
    match owner.as_obj() {
        Some(PyObject::Type(_)) => None,
        Some(PyObject::Super(_)) if !super_too => None,
        _ => Some((typeobject::class_key(owner), None)),
    }
}

/// The method LOAD_METHOD's site `i` remembers for this class, when the
/// entry is current and no instance attribute of the name hides it.
#[inline(always)]
fn method_cache_hit(
    code: &Code,
    i: usize,
    class: usize,
    instance: Option<&crate::builtins::function::PyInstance>,
) -> Option<Value> {
    let epoch = typeobject::class_epoch();
    let (method, absent_keys) = match code.read_cache_entry(i, |entry| {
        (entry.class == class && entry.epoch == epoch && matches!(entry.kind, CachedLookup::Method))
            .then(|| (entry.method.clone(), entry.absent_keys))
    }) {
        Some(found) => found,
        None => polymorphic_method_hit(code, i, class, epoch)?,
    };
    // An instance attribute of that name hides the method. (Looked at
    // after the entry is read: a lookup in an instance dict may run
    // Python code.)
    if let Some(instance) = instance
        && instance.may_have_attr(code.operand_name(i), absent_keys)
    {
        return None;
    }
    Some(method)
}

/// [`method_cache_hit`] past the site's first entry: the other classes of
/// a polymorphic site (out of line: most sites see one class).
#[inline(never)]
fn polymorphic_method_hit(
    code: &Code,
    i: usize,
    class: usize,
    epoch: u64,
) -> Option<(Value, Option<usize>)> {
    code.more_methods_entry(i, class, epoch)
}

/// The instruction after two loads, when it is BINARY_OP on small ints or
/// floats or BINARY_SUBSCR of a list or tuple by an int: its result from
/// the two operands. `None` when it needs the general path.
#[inline(always)]
fn fused_pair_op(next: Option<&I>, lhs: &Value, rhs: &Value) -> Option<Value> {
    match next? {
        I::BinaryOp(op) => fast_binary(*op, lhs, rhs),
        I::BinarySubscr => subscript_fast(lhs, rhs),
        I::CompareOp(op) => fast_compare(*op, lhs, rhs).map(Value::bool),
        _ => None,
    }
}

/// COMPARE_OP of two ints or two floats, or `==`/`!=` of two strs;
/// `None` for anything else.
#[inline(always)]
fn fast_compare(op: ComparisonOperator, lhs: &Value, rhs: &Value) -> Option<bool> {
    match (lhs, rhs) {
        (Value::Float(a), Value::Float(b)) => Some(compare_ordered(op, a.get(), b.get())),
        (Value::Int(a), Value::Int(b)) => Some(compare_ordered(op, a, b)),
        (Value::Obj(_), Value::Obj(_)) => str_equality(op, lhs, rhs),
        _ => None,
    }
}

/// `a == b` or `a != b` of two exact strs (CPython's COMPARE_OP_STR_JUMP):
/// the same object, else the same bytes; short strs (a character read
/// from a str, a keyword) compared without a call to `memcmp`.
#[inline(never)]
fn str_equality(op: ComparisonOperator, lhs: &Value, rhs: &Value) -> Option<bool> {
    let equal_means = match op {
        ComparisonOperator::Equal => true,
        ComparisonOperator::NotEqual => false,
        _ => return None,
    };
    let (Some(PyObject::Str(a)), Some(PyObject::Str(b))) = (lhs.as_obj(), rhs.as_obj()) else {
        return None;
    };
    let (a, b) = (a.as_str().as_bytes(), b.as_str().as_bytes());
    let same = if a.len() != b.len() {
        false
    } else if std::ptr::eq(a, b) {
        true
    } else if a.len() <= 8 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    };
    Some(same == equal_means)
}

/// `item in container` for a set, frozenset or dict and an item whose
/// hash and `==` are the builtin ones (a str or an int); `None` when the
/// interpreter must answer.
#[inline(never)]
fn contains_fast(container: &Value, item: &Value) -> Option<bool> {
    match container.as_obj()? {
        PyObject::Set(set) | PyObject::FrozenSet(set) => set.contains_quick(item),
        PyObject::Dict(dict) => dict.contains_quick(item),
        _ => None,
    }
}

/// The running frame's local at `slot` (its base plus a LOAD_FAST
/// operand), without a bounds check: `Code::load` checked
/// that every such operand is below the code's count of locals
/// (`check_for_dispatch`), and a frame's locals lie on the stack below its
/// operands for as long as it runs.
///
/// # Safety
/// `slot` is the base of the running frame plus an operand of its code.
#[inline(always)]
unsafe fn local(stack: &[Value], slot: usize) -> &Value {
    debug_assert!(slot < stack.len());
    // SAFETY: the caller's promise, above.
    unsafe { stack.get_unchecked(slot) }
}

/// `*slot = value`, with the old value's drop inlined for the values
/// that own nothing (ints, floats, None...): the compiler stopped inlining
/// `drop_in_place::<Value>` into the dispatch loop, and a call per
/// STORE_FAST showed in callgrind profiles of integer loops.
#[inline(always)]
fn set_value(slot: &mut Value, value: Value) {
    let old = std::mem::replace(slot, value);
    if let Value::Obj(_) = old {
        drop(old);
    } else {
        std::mem::forget(old);
    }
}

/// `stack.truncate(len)`, inlined: on the return path of every call,
/// where the compiler stopped inlining `Vec::truncate`'s slice drop once
/// the dispatch loop grew (seen in callgrind profiles of `fib`).
#[inline(always)]
fn truncate_values(stack: &mut Vec<Value>, len: usize) {
    let end = stack.len();
    if end <= len {
        return;
    }
    // SAFETY: the values at `len..end` are initialised; the length is cut
    // first, so each is read out (and dropped) exactly once. Popping one
    // at a time instead stored the length back after every drop.
    unsafe {
        stack.set_len(len);
        let values = stack.as_ptr().add(len);
        for i in 0..end - len {
            let value = values.add(i).read();
            if let Value::Obj(_) = value {
                drop(value);
            } else {
                std::mem::forget(value);
            }
        }
    }
}

fn is_true_bool(value: &Value) -> bool {
    matches!(value, Value::Bool(b) if b.get())
}

/// Arithmetic on small ints and floats that needs no dispatch: `None`
/// falls back to the general path (overflow, division, other types).
#[inline(always)]
fn fast_binary(op: BinaryOperator, lhs: &Value, rhs: &Value) -> Option<Value> {
    use BinaryOperator as B;
    let (a, b) = match (lhs, rhs) {
        (Value::Int(a), Value::Int(b)) => {
            return match op {
                B::Add | B::InplaceAdd => a.checked_add(*b).map(Value::Int),
                B::Subtract | B::InplaceSubtract => a.checked_sub(*b).map(Value::Int),
                B::Multiply | B::InplaceMultiply => a.checked_mul(*b).map(Value::Int),
                B::Remainder | B::InplaceRemainder if *b != 0 => {
                    // Python's `%` takes the divisor's sign.
                    let r = a.checked_rem(*b)?;
                    Some(Value::Int(if r != 0 && (r ^ b) < 0 { r + b } else { r }))
                }
                B::FloorDivide | B::InplaceFloorDivide if *b != 0 => {
                    let q = a.checked_div(*b)?;
                    let floor = a % b != 0 && ((*a < 0) != (*b < 0));
                    Some(Value::Int(if floor { q - 1 } else { q }))
                }
                B::And | B::InplaceAnd => Some(Value::Int(a & b)),
                B::Or | B::InplaceOr => Some(Value::Int(a | b)),
                B::Xor | B::InplaceXor => Some(Value::Int(a ^ b)),
                B::Lshift | B::InplaceLshift if (0..64).contains(b) => {
                    let shifted = a << b;
                    (shifted >> b == *a).then_some(Value::Int(shifted))
                }
                B::Rshift | B::InplaceRshift if *b >= 0 => Some(Value::Int(a >> (*b).min(63))),
                _ => None,
            };
        }
        (Value::Float(a), Value::Float(b)) => (a.get(), b.get()),
        (Value::Float(a), Value::Int(b)) if b.unsigned_abs() < (1 << 53) => (a.get(), *b as f64),
        (Value::Int(a), Value::Float(b)) if a.unsigned_abs() < (1 << 53) => (*a as f64, b.get()),
        _ => return None,
    };
    Some(Value::float(match op {
        B::Add | B::InplaceAdd => a + b,
        B::Subtract | B::InplaceSubtract => a - b,
        B::Multiply | B::InplaceMultiply => a * b,
        B::TrueDivide | B::InplaceTrueDivide if b != 0.0 => a / b,
        // A positive base never needs CPython's error cases; an infinite
        // result (OverflowError, or an infinite operand) takes the full path.
        B::Power | B::InplacePower if a > 0.0 => Some(a.powf(b)).filter(|r| r.is_finite())?,
        _ => return None,
    }))
}

fn attribute_error_on_store(owner: &Value, name: &str) -> PyErr {
    // complex's members are read-only members (CPython's `READONLY`).
    if matches!(owner.as_obj(), Some(PyObject::Complex(_))) && matches!(name, "real" | "imag") {
        return PyErr::new(ExcType::AttributeError, "readonly attribute");
    }
    let has_attribute = protocol::get_attribute(owner, name).is_ok();
    let message = if has_attribute {
        format!(
            "'{}' object attribute '{name}' is read-only",
            owner.type_name()
        )
    } else {
        format!("'{}' object has no attribute '{name}'", owner.type_name())
    };
    PyErr::new(ExcType::AttributeError, message)
}

fn context_manager_error(manager: &Value, method: &str) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object does not support the context manager protocol{}",
        manager.type_name(),
        if method == "__exit__" {
            " (missed __exit__ method)"
        } else {
            ""
        }
    ))
}

fn cell_contents(cell: &Value) -> Value {
    match cell.as_obj() {
        Some(PyObject::Cell(PyCell { value, .. })) => value.borrow().clone(),
        _ => Value::Null,
    }
}

fn set_cell(cell: &Value, value: Value) {
    if let Some(PyObject::Cell(PyCell { value: slot, .. })) = cell.as_obj() {
        *slot.borrow_mut() = value;
    }
}

fn unbound_local(name: &str) -> PyErr {
    PyErr::new(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn name_error(name: &Value) -> PyErr {
    let text = name
        .as_str_or_subclass()
        .map(|s| s.as_str())
        .unwrap_or_default();
    let err = PyErr::new(ExcType::NameError, format!("name '{text}' is not defined"));
    if let Some(dict) = err.exception().dict().as_dict() {
        let _ = dict.set_item(Value::str("name"), name.clone());
    }
    err
}

/// `except class:` matching, with CPython's check that `class` is an
/// exception class (or a tuple of them).
fn exception_matches(exc: &Value, class: &Value) -> PyResult<bool> {
    match class.as_obj() {
        Some(PyObject::Type(t)) if t.is_exception_type() => Ok(typeobject::isinstance(exc, t)),
        Some(PyObject::Tuple(items)) => {
            for item in items.iter() {
                if exception_matches(exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

fn binary_operator(op: BinaryOperator) -> (BinaryOp, bool) {
    use BinaryOperator as B;
    let inplace = op.is_inplace();
    let op = match op.without_inplace() {
        B::Add => BinaryOp::Add,
        B::And => BinaryOp::And,
        B::FloorDivide => BinaryOp::FloorDiv,
        B::Lshift => BinaryOp::LShift,
        B::MatrixMultiply => BinaryOp::MatMul,
        B::Multiply => BinaryOp::Mul,
        B::Remainder => BinaryOp::Mod,
        B::Or => BinaryOp::Or,
        B::Power => BinaryOp::Pow,
        B::Rshift => BinaryOp::RShift,
        B::Subtract => BinaryOp::Sub,
        B::TrueDivide => BinaryOp::TrueDiv,
        B::Xor => BinaryOp::Xor,
        _ => BinaryOp::Add,
    };
    (op, inplace)
}

/// A comparison of two numbers of one kind (`<` and friends as Rust has
/// them agree with Python's, NaN included).
#[inline(always)]
fn compare_ordered<T: PartialOrd>(op: ComparisonOperator, a: T, b: T) -> bool {
    match op {
        ComparisonOperator::Less => a < b,
        ComparisonOperator::LessEqual => a <= b,
        ComparisonOperator::Equal => a == b,
        ComparisonOperator::NotEqual => a != b,
        ComparisonOperator::Greater => a > b,
        ComparisonOperator::GreaterEqual => a >= b,
    }
}

fn compare_operator(op: ComparisonOperator) -> CompareOp {
    match op {
        ComparisonOperator::Less => CompareOp::Lt,
        ComparisonOperator::LessEqual => CompareOp::Le,
        ComparisonOperator::Equal => CompareOp::Eq,
        ComparisonOperator::NotEqual => CompareOp::Ne,
        ComparisonOperator::Greater => CompareOp::Gt,
        ComparisonOperator::GreaterEqual => CompareOp::Ge,
    }
}

/// UNPACK_EX's result from the items of the unpacked sequence (at least
/// `before + after` of them): the last `after` items, the list of the
/// middle ones, then the first `before`, each group last to first, so
/// the first target's value ends on top.
fn unpack_ex_into(stack: &mut Vec<Value>, items: &[Value], before: usize, after: usize) {
    let (head, rest) = items.split_at(before);
    let (middle, tail) = rest.split_at(rest.len() - after);
    stack.extend(tail.iter().rev().cloned());
    stack.push(Value::list(middle.to_vec()));
    stack.extend(head.iter().rev().cloned());
}

/// `container[start:stop(:step)]` of an exact list, tuple or str with int or
/// None bounds (`parts` is the container, then the bounds); `None` where
/// the general path is needed.
#[inline(never)]
fn slice_fast(parts: &[Value]) -> Option<Value> {
    let (start, stop, step) = match parts {
        [_, start, stop] => (start, stop, &Value::None),
        [_, start, stop, step] => (start, stop, step),
        _ => return None,
    };
    let indices = |len| crate::builtins::slice::int_indices(start, stop, step, len);
    match parts[0].as_obj()? {
        PyObject::List(l) => Some(l.get_slice(indices(l.len())?)),
        // An immutable sequence's whole is itself (`t[:] is t`).
        PyObject::Tuple(t) => match indices(t.len())? {
            si if si.is_whole(t.len()) => Some(parts[0].clone()),
            si => Some(t.get_slice(si)),
        },
        PyObject::Str(s) => match indices(s.char_len())? {
            si if si.is_whole(s.char_len()) => Some(parts[0].clone()),
            si => Some(crate::builtins::str::get_slice(s, si)),
        },
        _ => None,
    }
}

/// `list[start:stop(:step)] = items` of an exact list from another exact
/// list or a tuple, with int or None bounds (`parts` is the value, the
/// list, then the bounds), when it cannot fail; whether it was done.
#[inline(never)]
fn store_slice_fast(parts: &[Value]) -> bool {
    let (start, stop, step) = match parts {
        [_, _, start, stop] => (start, stop, &Value::None),
        [_, _, start, stop, step] => (start, stop, step),
        _ => return false,
    };
    let (value, container) = (&parts[0], &parts[1]);
    let Some(PyObject::List(list)) = container.as_obj() else {
        return false;
    };
    if value.is(container) {
        return false;
    }
    let Some(si) = crate::builtins::slice::int_indices(start, stop, step, list.len()) else {
        return false;
    };
    let assign = |values: &[Value]| {
        (si.step == 1 || si.len == values.len()) && list.set_slice_indices(si, values).is_ok()
    };
    match value.as_obj() {
        Some(PyObject::List(source)) => assign(&source.borrow()),
        Some(PyObject::Tuple(source)) => assign(source.as_slice()),
        _ => false,
    }
}
