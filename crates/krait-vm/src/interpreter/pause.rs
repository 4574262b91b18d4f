//! Pausing a run and resuming it later (issue 17).
//!
//! A run started with [`Vm::run_code_pausable`] can stop between two
//! instructions and hand control back to the host with its frames and
//! value stack left where they are: when its instruction budget runs out
//! ([`Pause::Budget`]), or when it calls a function the host answers
//! itself ([`Pause::Call`], made by [`Vm::pause_for_call`]). The host then
//! [`resumes`](Vm::resume_paused) it — with more budget, or with the
//! call's result or error — or drops it ([`Vm::abandon_paused`]).
//!
//! Only the run's own frames can pause: a frame run from native code (a
//! dunder method, a sort key, `map`'s function) has Rust frames below it
//! that cannot be kept. A budget that runs out there lets the run go on
//! for at most [`PAUSE_GRACE`] more instructions, until it is back in its
//! own frames, and pauses then (ending with the instruction limit if it is
//! not back by then); a host call made there raises `RuntimeError`.

use crate::interpreter::Vm;
use crate::interpreter::eval::FrameExit;
use crate::{PyErr, PyResult, Value};
use krait_bytecode::Instruction;

/// Instructions a run may go on for past its budget while it is in a
/// frame that cannot pause (one run from native code), before the budget
/// ends it as an unpausable run's would.
pub const PAUSE_GRACE: u64 = 1_000_000;

/// Why a run paused.
#[derive(Debug)]
pub enum Pause {
    /// The instruction budget ran out; the run goes on from the next
    /// instruction once the host gives more.
    Budget,
    /// The run called a function the host answers itself; the call's
    /// result is what the run is resumed with.
    Call {
        /// The name the host gave the function.
        function: String,
        /// The positional arguments.
        args: Vec<Value>,
        /// The keyword arguments, in the order given.
        keywords: Vec<(String, Value)>,
    },
}

/// How a pausable run (or its resumption) stopped.
#[derive(Debug)]
pub enum RunOutcome {
    /// The code ran to its end: the module's value (None for statements).
    Finished(Value),
    /// The run paused; [`Vm::paused`] says why.
    Paused,
}

/// What a paused run goes on with.
pub enum Resume {
    /// Nothing: after [`Pause::Budget`] (with the budget set anew).
    Continue,
    /// The result of the call a [`Pause::Call`] stopped at.
    Return(Value),
    /// The call a [`Pause::Call`] stopped at raises this.
    Raise(PyErr),
}

/// A pausable run's state kept in the VM.
#[derive(Default)]
pub(crate) struct PauseState {
    /// A pausable run is going on (or paused): where its frames and values
    /// start.
    pub(crate) run: Option<(usize, usize)>,
    /// Why it paused, while it is paused (or while the pause is being
    /// taken out to the host).
    pub(crate) pause: Option<Pause>,
    /// Whether the run is paused (its frames wait for a resumption).
    pub(crate) paused: bool,
    /// The object a CALL or CALL_FUNCTION_EX of the run's own frames is
    /// calling through the general path right now (its address): the only
    /// host function that may pause the run.
    pub(crate) direct_callee: usize,
    /// Instructions left to run past the budget in frames that cannot
    /// pause.
    pub(crate) grace: u64,
    /// The exception the run was handling when it paused (other runs
    /// meanwhile start with none, as outside any run).
    pub(crate) handled: Value,
}

/// What the budget's running out means for a pausable run.
pub(crate) enum BudgetOutcome {
    /// Pause before this instruction.
    Pause,
    /// Run it anyway (a frame that cannot pause; within the grace).
    RunOn,
    /// Stop the run, as without pausing.
    Stop,
}

impl Vm {
    /// Runs module code in `__main__` so that it can pause: with
    /// [`RunOutcome::Paused`] its frames wait in the VM for
    /// [`Vm::resume_paused`] or [`Vm::abandon_paused`]. An error when a
    /// run is already going on or paused.
    pub fn run_code_pausable(&mut self, code: krait_bytecode::CodeObject) -> PyResult<RunOutcome> {
        if self.pausing.run.is_some() || self.native_depth != 0 {
            return Err(PyErr::runtime_error(
                "a pausable run cannot start while another run is going on or paused",
            ));
        }
        let code = crate::interpreter::code::Code::load(code, &mut self.names)?;
        let globals = self.main_globals.clone();
        self.pausing.run = Some((self.frames.len(), self.stack.len()));
        self.pausing.grace = PAUSE_GRACE;
        if let Err(err) = self.push_module_frame(code, globals) {
            self.pausing.run = None;
            return Err(err);
        }
        self.run_pausable()
    }

    /// Why the paused run paused (`None` when no run is paused).
    pub fn paused(&self) -> Option<&Pause> {
        match self.pausing.paused {
            true => self.pausing.pause.as_ref(),
            false => None,
        }
    }

    /// Goes on with the paused run. [`Resume::Return`] and
    /// [`Resume::Raise`] answer a [`Pause::Call`]; [`Resume::Continue`]
    /// follows a [`Pause::Budget`] (give more budget first, or it pauses
    /// again at once).
    pub fn resume_paused(&mut self, how: Resume) -> PyResult<RunOutcome> {
        if !self.pausing.paused {
            return Err(PyErr::runtime_error("no run is paused"));
        }
        let pause = self.pausing.pause.take();
        let handled = std::mem::take(&mut self.pausing.handled);
        let outside = std::mem::replace(&mut self.handled, handled);
        let mut raised = None;
        match (&pause, how) {
            (Some(Pause::Budget), Resume::Continue) => {}
            (Some(Pause::Call { .. }), Resume::Return(value)) => self.stack.push(value),
            (Some(Pause::Call { .. }), Resume::Raise(err)) => raised = Some(err),
            _ => {
                self.pausing.pause = pause;
                self.pausing.handled = std::mem::replace(&mut self.handled, outside);
                return Err(PyErr::runtime_error(
                    "the paused run waits for another kind of resumption",
                ));
            }
        }
        self.pausing.paused = false;
        self.pausing.grace = PAUSE_GRACE;
        // Raised at the call, as the function itself would have: the
        // run's handlers see it.
        if let Some(err) = raised
            && let Err(err) = self.unwind(crate::interpreter::eval::Unwind::Error(err))
        {
            self.pausing.run = None;
            return Err(err);
        }
        self.run_pausable()
    }

    /// Drops the paused run: its frames and values go, no more of its
    /// code runs (no `finally` block either, as when a limit stops a run).
    pub fn abandon_paused(&mut self) {
        if !self.pausing.paused {
            return;
        }
        if let Some((frames, values)) = self.pausing.run.take() {
            // Generators running in the run's frames end with it (their
            // values were on the stack).
            let first = frames.min(self.frames.len());
            let generators: Vec<Value> = self.frames[first..]
                .iter_mut()
                .filter_map(|frame| frame.generator.take())
                .collect();
            for generator in &generators {
                self.finish_generator(generator);
            }
            self.frames.truncate(frames);
            self.forget_frame_objects_above(frames);
            self.stack.truncate(values);
        }
        self.pausing.paused = false;
        self.pausing.pause = None;
        self.pausing.handled = Value::None;
    }

    /// For a host function that the host answers itself: pauses the run
    /// when `callee` (the function object) was called directly by an
    /// instruction of the run's own frames, and returns the error the
    /// function returns to stop the call (the run pauses there, no Python
    /// code sees it). Otherwise a `RuntimeError` saying why it cannot.
    pub fn pause_for_call(
        &mut self,
        callee: &Value,
        function: &str,
        args: Vec<Value>,
        keywords: Vec<(String, Value)>,
    ) -> PyErr {
        let address = callee_address(callee);
        let pausable = self.pausing.run.is_some()
            && !self.pausing.paused
            && self.native_depth == 1
            && address != 0
            && self.pausing.direct_callee == address;
        if !pausable {
            return PyErr::runtime_error(format!(
                "{function}() can only be called directly by the paused run's own code \
                 (not from native code, a callback or another run)"
            ));
        }
        self.pausing.pause = Some(Pause::Call {
            function: function.to_string(),
            args,
            keywords,
        });
        PyErr::runtime_error(format!("{function}() paused the run"))
    }

    /// The budget ran out in a pausable run: before instruction `index`
    /// of frame `fi` (`at`), or between two steps of native code (`None`:
    /// no place to pause).
    pub(crate) fn budget_ran_out(&mut self, at: Option<(usize, usize)>) -> BudgetOutcome {
        if self.pausing.run.is_none() || self.pausing.paused {
            return BudgetOutcome::Stop;
        }
        if let Some((fi, index)) = at
            && self.native_depth == 1
        {
            let instructions = &self.frames[fi].code.bytecode.instructions;
            // Between KW_NAMES and its CALL the names live in the loop only.
            let after_kw_names = index
                .checked_sub(1)
                .is_some_and(|i| matches!(instructions[i], Instruction::KwNames(_)));
            if !after_kw_names {
                self.pausing.pause = Some(Pause::Budget);
                self.watch.reached = None;
                // This instruction runs first when the run goes on.
                self.frames[fi].pc = index;
                return BudgetOutcome::Pause;
            }
        }
        if self.pausing.grace > 0 {
            self.pausing.grace -= 1;
            self.watch.reached = None;
            return BudgetOutcome::RunOn;
        }
        BudgetOutcome::Stop
    }

    /// Whether the error a run loop is unwinding is a pause being taken
    /// out to the host (then nothing unwinds: the frames stay).
    pub(crate) fn pausing_now(&mut self) -> bool {
        if self.pausing.pause.is_some() && !self.pausing.paused && self.native_depth == 1 {
            self.pausing.paused = true;
            self.pausing.handled = std::mem::take(&mut self.handled);
            return true;
        }
        false
    }

    /// Runs the pausable run's frames until they finish or pause.
    fn run_pausable(&mut self) -> PyResult<RunOutcome> {
        let result = self.run();
        if self.pausing.paused {
            return Ok(RunOutcome::Paused);
        }
        self.pausing.run = None;
        self.pausing.pause = None;
        match result? {
            FrameExit::Return(value) => Ok(RunOutcome::Finished(value)),
            FrameExit::Yield(_) => Err(PyErr::runtime_error(
                "internal error: yield outside a generator frame",
            )),
        }
    }
}

/// The address of the object a call calls (0 for an unboxed value): what
/// `PauseState::direct_callee` holds.
#[inline]
pub(crate) fn callee_address(callable: &Value) -> usize {
    match callable {
        Value::Obj(object) => std::rc::Rc::as_ptr(object) as *const u8 as usize,
        _ => 0,
    }
}
