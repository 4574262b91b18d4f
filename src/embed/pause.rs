//! Runs that pause and resume: at a call of a function the host answers
//! itself ([`Interpreter::register_external`]), or when the instruction
//! budget runs out.

use krait_vm::Value;
use krait_vm::interpreter::Vm;
use krait_vm::interpreter::pause::{Pause, Resume, RunOutcome};
use krait_vm::interpreter::snapshot::SnapshotHost;
use krait_vm::native::NativeObject;

use super::{HostCall, HostError, Interpreter, IntoPython};
use crate::Error;

/// Where a pausable run ([`Interpreter::start`]) stopped.
#[derive(Debug)]
pub enum RunState {
    /// The code ran to its end.
    Finished,
    /// The instruction budget ran out: set more
    /// ([`Interpreter::set_instruction_budget`]) and
    /// [`Interpreter::resume`].
    OutOfBudget,
    /// The code called an external function: the run waits for its
    /// result ([`Interpreter::resume_with`]) or its error
    /// ([`Interpreter::resume_with_error`]).
    Call(HostCall),
}

impl std::fmt::Debug for HostCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HostCall({}, {} argument(s))", self.name(), self.len())
    }
}

impl Interpreter {
    /// Makes the global `name` of `__main__` an *external* function: a
    /// call of it pauses the run ([`Interpreter::start`]) with
    /// [`RunState::Call`], and the host answers it later — after other
    /// work, from another part of the program — with
    /// [`Interpreter::resume_with`]. It can be called only by the run's
    /// own code (not from native code such as `map` or `sorted`'s key, a
    /// dunder method, or a run that cannot pause): there it raises
    /// `RuntimeError`.
    ///
    /// ```
    /// use krait::embed::{Interpreter, RunState};
    ///
    /// let mut python = Interpreter::new();
    /// python.register_external("fetch").unwrap();
    /// let state = python.start("total = fetch('a') + fetch('b')").unwrap();
    /// let RunState::Call(call) = state else { panic!("expected a call") };
    /// assert_eq!((call.name(), call.arg::<String>(0).unwrap().as_str()), ("fetch", "a"));
    /// let RunState::Call(_) = python.resume_with(40).unwrap() else { panic!() };
    /// assert!(matches!(python.resume_with(2).unwrap(), RunState::Finished));
    /// assert_eq!(python.get::<i64>("total").unwrap(), 42);
    /// ```
    pub fn register_external(&mut self, name: &str) -> Result<(), Error> {
        let value = super::function::host_function_value(name, None);
        self.globals_set(name, value)
    }

    /// Runs Python statements in `__main__`, as [`Interpreter::exec`],
    /// but so that the run can pause: at a call of an external function
    /// ([`Interpreter::register_external`]) and when the instruction
    /// budget runs out (which then does not end it). While it is paused,
    /// [`get`](Interpreter::get), [`set`](Interpreter::set) and other runs
    /// work as usual; a second pausable run cannot start until this one
    /// finishes or is [abandoned](Interpreter::abandon).
    ///
    /// A budget that runs out in Python code run from native code (a
    /// dunder method, a sort key) lets the run go on until it is back in
    /// its own code — at most `krait_vm::interpreter::pause::PAUSE_GRACE`
    /// instructions, uncharged — and pauses there.
    ///
    /// ```
    /// use krait::embed::{Interpreter, RunState};
    ///
    /// let mut python = Interpreter::new();
    /// python.set_instruction_budget(Some(1_000));
    /// let mut state = python.start("n = 0\nfor i in range(10_000):\n    n += i").unwrap();
    /// let mut pauses = 0;
    /// while let RunState::OutOfBudget = state {
    ///     pauses += 1;
    ///     python.set_instruction_budget(Some(1_000));
    ///     state = python.resume().unwrap();
    /// }
    /// assert!(pauses > 10);
    /// assert_eq!(python.get::<i64>("n").unwrap(), 49_995_000);
    /// ```
    pub fn start(&mut self, source: &str) -> Result<RunState, Error> {
        self.start_named(source, "<string>")
    }

    /// [`Interpreter::start`], naming the source `filename` in tracebacks.
    pub fn start_named(&mut self, source: &str, filename: &str) -> Result<RunState, Error> {
        self.start_run();
        let outcome = self.session.start_source(source, filename);
        self.finish_pausable_run(outcome)
    }

    /// Goes on with a run paused by [`RunState::OutOfBudget`], after the
    /// host gave more budget (with none left it pauses again at once).
    pub fn resume(&mut self) -> Result<RunState, Error> {
        self.resume_how(Resume::Continue)
    }

    /// Answers the external call a run paused at ([`RunState::Call`]):
    /// `result` is the call's value, and the run goes on.
    pub fn resume_with<T: IntoPython>(&mut self, result: T) -> Result<RunState, Error> {
        match result.into_python() {
            Ok(value) => self.resume_how(Resume::Return(value)),
            Err(err) => self.resume_how(Resume::Raise(err)),
        }
    }

    /// Answers the external call a run paused at ([`RunState::Call`])
    /// with an error: the call raises the exception it names, which the
    /// run's `try` blocks can catch.
    pub fn resume_with_error(&mut self, error: HostError) -> Result<RunState, Error> {
        let err = error.into_exception(self.session.vm.vm());
        self.resume_how(Resume::Raise(err))
    }

    /// Whether a run is paused, waiting for a resumption.
    pub fn is_paused(&mut self) -> bool {
        self.session.vm.vm().paused().is_some()
    }

    /// Drops a paused run: none of its code runs again (no `finally`
    /// block either); what it made in `__main__` stays.
    pub fn abandon(&mut self) {
        self.session.vm.vm().abandon_paused();
    }

    /// The paused run as bytes, which [`Interpreter::restore`] takes up
    /// in another interpreter — in this process or another, with the
    /// same krait — to go on from where it paused. The run stays paused
    /// here too: a snapshot is a copy.
    ///
    /// What it holds: the run's frames and everything they reach,
    /// `__main__`'s namespace included. Builtins, modules and host
    /// functions are written by name and found again where it is
    /// restored. An object with no written form (a file, a `deque`, a
    /// class with a metaclass) makes it fail with
    /// [`Error::Snapshot`] naming the object's type, as does calling it
    /// with no run paused.
    ///
    /// ```
    /// use krait::embed::{Interpreter, RunState};
    ///
    /// let mut python = Interpreter::new();
    /// python.register_external("ask").unwrap();
    /// let RunState::Call(_) = python.start("answer = ask() * 2\nprint(answer)").unwrap() else {
    ///     panic!("expected a call");
    /// };
    /// let snapshot = python.snapshot().unwrap();
    ///
    /// // Elsewhere, later: a new interpreter with the same externals.
    /// let mut other = Interpreter::new();
    /// other.register_external("ask").unwrap();
    /// let RunState::Call(call) = other.restore(&snapshot).unwrap() else { panic!() };
    /// assert_eq!(call.name(), "ask");
    /// assert!(matches!(other.resume_with(21).unwrap(), RunState::Finished));
    /// assert_eq!(other.take_stdout(), "42\n");
    /// ```
    pub fn snapshot(&mut self) -> Result<Vec<u8>, Error> {
        self.session
            .vm
            .vm()
            .snapshot_paused(&HostFunctions::default())
            .map_err(Error::Snapshot)
    }

    /// Takes up the run of a [snapshot](Interpreter::snapshot): this
    /// interpreter's `__main__` namespace becomes the snapshot's and the
    /// run waits, paused where the snapshot was taken, for
    /// [`resume`](Interpreter::resume) or
    /// [`resume_with`](Interpreter::resume_with); the returned state says
    /// which (the host call it waits on, or the budget).
    ///
    /// Host functions and externals the run refers to are matched by name
    /// with those registered here before the call
    /// ([`register_function`](Interpreter::register_function),
    /// [`register_external`](Interpreter::register_external)); host
    /// modules must be registered here, and the modules the run imported
    /// are imported again (a module made from source runs again here).
    /// Bad bytes, or a name this interpreter lacks, give
    /// [`Error::Snapshot`] and leave no run paused. An error too when a
    /// run is already paused here.
    pub fn restore(&mut self, snapshot: &[u8]) -> Result<RunState, Error> {
        if self.is_paused() {
            return Err(Error::Snapshot(
                "a run is paused here: resume or abandon it first".to_string(),
            ));
        }
        let globals = self.session.vm.vm().globals().clone();
        let mut host = HostFunctions {
            registered: globals
                .as_dict()
                .map(|d| d.values())
                .unwrap_or_default()
                .into_iter()
                .filter(|value| match value.as_obj() {
                    Some(krait_vm::object::PyObject::Native(native)) => {
                        super::function::host_function_name(native).is_some()
                    }
                    _ => false,
                })
                .collect(),
        };
        self.start_run();
        let restored = self
            .session
            .vm
            .vm()
            .restore_paused(snapshot, &mut host)
            .map_err(Error::Snapshot);
        self.finish_run(restored)?;
        Ok(self.paused_state())
    }

    fn resume_how(&mut self, how: Resume) -> Result<RunState, Error> {
        self.start_run();
        let outcome = self.session.resume_paused(how);
        self.finish_pausable_run(outcome)
    }

    fn finish_pausable_run(
        &mut self,
        outcome: Result<RunOutcome, Error>,
    ) -> Result<RunState, Error> {
        let state = outcome.map(|outcome| match outcome {
            RunOutcome::Finished(_) => RunState::Finished,
            RunOutcome::Paused => self.paused_state(),
        });
        self.finish_run(state)
    }

    /// What the paused run waits for.
    fn paused_state(&mut self) -> RunState {
        match self.session.vm.vm().paused() {
            Some(Pause::Call {
                function,
                args,
                keywords,
            }) => RunState::Call(HostCall::new(
                function.clone(),
                args.clone(),
                keywords.clone(),
            )),
            _ => RunState::OutOfBudget,
        }
    }
}

/// How a snapshot names host functions, and finds those of the restoring
/// interpreter: by the name they were registered under.
#[derive(Default)]
struct HostFunctions {
    /// The restoring interpreter's host functions (its `__main__`'s, as
    /// they were before the restore replaced the namespace).
    registered: Vec<Value>,
}

impl SnapshotHost for HostFunctions {
    fn name_of(&self, object: &NativeObject) -> Option<String> {
        super::function::host_function_name(object)
    }

    fn find(&mut self, _vm: &mut Vm, name: &str) -> Option<Value> {
        self.registered
            .iter()
            .find(|value| super::function::is_host_function_named(value, name))
            .cloned()
    }
}
