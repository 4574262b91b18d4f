//! Embedding krait in a Rust program: an [`Interpreter`] whose namespace
//! persists between calls, values converted both ways ([`IntoPython`],
//! [`FromPython`]), Rust functions and modules callable from Python, and
//! a sandbox by default ([`Grants`]).
//!
//! ```
//! use krait::embed::Interpreter;
//!
//! let mut python = Interpreter::new();
//! python.set("prices", vec![3.5, 1.25, 10.0]).unwrap();
//! python.exec("total = sum(prices)\nprint('total', total)").unwrap();
//! let total: f64 = python.get("total").unwrap();
//! assert_eq!(total, 14.75);
//! assert_eq!(python.take_stdout(), "total 14.75\n");
//! ```
//!
//! A Python exception becomes [`Error::Exception`], which carries the
//! exception's type name, its message and the traceback CPython would
//! print; a Rust function's [`HostError`] becomes a Python exception of
//! the type it names. Nothing here panics on any input.
//!
//! An interpreter is single-threaded (its values are reference counted
//! without atomics): it is neither `Send` nor `Sync`.

mod convert;
mod function;
pub(crate) mod host;
mod pause;
#[cfg(feature = "serde")]
mod serde;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use krait_vm::{Args, PyErr, Value};

pub use crate::Limit;
pub use convert::{FromPython, IntoPython};
pub use function::{HostCall, HostContext, HostError, HostFunction, HostModule, HostReturn};
pub use host::{Folder, Grants};
pub use pause::RunState;
#[cfg(feature = "serde")]
pub use serde::Serde;

use crate::{CodeObject, Error, Mode, Session};

/// Any Python value, held by the Rust program without conversion (a
/// function to call later, an object to pass back).
#[derive(Clone)]
pub struct PyValue(pub(crate) Value);

impl PyValue {
    /// The name of the value's type (`int`, `list`, a class's name).
    pub fn type_name(&self) -> String {
        self.0.type_name().to_string()
    }

    /// Whether the value is `None`.
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }
}

impl std::fmt::Debug for PyValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyValue(<{}>)", self.0.type_name())
    }
}

/// The positional arguments of a call from Rust: `()`, or a tuple of up to
/// six values that convert ([`IntoPython`]), or a `Vec<PyValue>`.
pub trait IntoArgs {
    /// The Python values.
    fn into_args(self) -> Result<Vec<Value>, PyErr>;
}

impl IntoArgs for () {
    fn into_args(self) -> Result<Vec<Value>, PyErr> {
        Ok(Vec::new())
    }
}

impl IntoArgs for Vec<PyValue> {
    fn into_args(self) -> Result<Vec<Value>, PyErr> {
        Ok(self.into_iter().map(|value| value.0).collect())
    }
}

/// Keyword arguments as Python values, by name.
type Keywords<'k> = Vec<(&'k str, Value)>;

/// The positional and keyword arguments of a call from Rust, as Python
/// values.
fn call_arguments<K: IntoPython>(
    args: impl IntoArgs,
    keywords: Vec<(&str, K)>,
) -> Result<(Vec<Value>, Keywords<'_>), PyErr> {
    let positional = args.into_args()?;
    let keywords = keywords
        .into_iter()
        .map(|(name, value)| Ok((name, value.into_python()?)))
        .collect::<Result<Vec<_>, PyErr>>()?;
    Ok((positional, keywords))
}

macro_rules! tuple_args {
    ($($name:ident $index:tt),+) => {
        impl<$($name: IntoPython),+> IntoArgs for ($($name,)+) {
            fn into_args(self) -> Result<Vec<Value>, PyErr> {
                Ok(vec![$(self.$index.into_python()?),+])
            }
        }
    };
}

tuple_args!(A 0);
tuple_args!(A 0, B 1);
tuple_args!(A 0, B 1, C 2);
tuple_args!(A 0, B 1, C 2, D 3);
tuple_args!(A 0, B 1, C 2, D 3, E 4);
tuple_args!(A 0, B 1, C 2, D 3, E 4, F 5);

/// How to make an [`Interpreter`]: what it may touch ([`Grants`]) and
/// where its output goes.
#[derive(Default)]
pub struct Builder {
    grants: Grants,
    stdout: Option<Box<dyn Write>>,
    stderr: Option<Box<dyn Write>>,
    search_path: Vec<String>,
}

impl Builder {
    /// What the script may touch (nothing by default).
    pub fn grants(mut self, grants: Grants) -> Builder {
        self.grants = grants;
        self
    }

    /// `print()` and `sys.stdout` write to `writer` instead of a buffer
    /// ([`Interpreter::take_stdout`] then returns nothing).
    pub fn stdout(mut self, writer: impl Write + 'static) -> Builder {
        self.stdout = Some(Box::new(writer));
        self
    }

    /// `sys.stderr` (and warnings) write to `writer` instead of a buffer.
    pub fn stderr(mut self, writer: impl Write + 'static) -> Builder {
        self.stderr = Some(Box::new(writer));
        self
    }

    /// Folders `import` searches for `.py` modules, first to last
    /// (`sys.path`); they must also be granted for reading.
    pub fn search_path(mut self, folders: Vec<String>) -> Builder {
        self.search_path = folders;
        self
    }

    /// The interpreter, with the standard library's modules importable.
    pub fn build(self) -> Interpreter {
        let stdout_buffer = Rc::new(RefCell::new(String::new()));
        let stderr_buffer = Rc::new(RefCell::new(String::new()));
        let stdout = match self.stdout {
            Some(writer) => host::Sink::Writer(writer),
            None => host::Sink::Buffer(stdout_buffer.clone()),
        };
        let stderr = match self.stderr {
            Some(writer) => host::Sink::Writer(writer),
            None => host::Sink::Buffer(stderr_buffer.clone()),
        };
        let host = host::EmbedHost::new(self.grants, stdout, stderr);
        let limits = host.limits.clone();
        let interrupt = Arc::new(AtomicBool::new(false));
        limits.borrow_mut().interrupt = Some(interrupt.clone());
        let memory_before = krait_vm::memory::in_use();
        let mut session = Session::with_host(Box::new(host));
        session.vm.vm().set_sys_path(self.search_path);
        session.vm.vm().set_interrupt(Some(interrupt.clone()));
        Interpreter {
            session,
            stdout: stdout_buffer,
            stderr: stderr_buffer,
            time_limit: None,
            memory_limit: None,
            memory_used: krait_vm::memory::in_use().saturating_sub(memory_before),
            run_memory_start: 0,
            gc_settings: GcSettings::of_thread(),
            host_gc_settings: GcSettings::of_thread(),
            limits,
            interrupt,
        }
    }
}

/// The collector's switch and thresholds.
#[derive(Clone, Copy)]
struct GcSettings {
    enabled: bool,
    thresholds: [i64; krait_vm::gc::GENERATIONS],
}

impl GcSettings {
    fn of_thread() -> GcSettings {
        GcSettings {
            enabled: krait_vm::gc::is_enabled(),
            thresholds: krait_vm::gc::thresholds(),
        }
    }

    fn apply(self) {
        krait_vm::gc::set_enabled(self.enabled);
        krait_vm::gc::set_thresholds(&self.thresholds);
    }
}

/// Bytes a run may allocate when the interpreter already holds its whole
/// memory limit: room to free what it holds.
const CLEANUP_ROOM: isize = 256 << 10;

/// One embedded Python interpreter: a `__main__` namespace that persists
/// across [`exec`](Interpreter::exec), [`eval`](Interpreter::eval) and
/// [`call`](Interpreter::call), sandboxed unless its [`Builder`] granted
/// more.
pub struct Interpreter {
    session: Session,
    stdout: Rc<RefCell<String>>,
    stderr: Rc<RefCell<String>>,
    /// Each run's time ([`Interpreter::set_time_limit`]).
    time_limit: Option<Duration>,
    /// [`Interpreter::set_memory_limit`].
    memory_limit: Option<usize>,
    /// Bytes the interpreter's making and its runs allocated and did not
    /// free (as counted on its thread during them).
    memory_used: isize,
    /// The thread's count when the current run started.
    run_memory_start: isize,
    /// This interpreter's collector settings (`gc.disable()`,
    /// `gc.set_threshold`), in force during its runs only: the collector
    /// is the thread's, shared by every interpreter on it.
    gc_settings: GcSettings,
    /// The thread's settings while a run has its own in force.
    host_gc_settings: GcSettings,
    /// The deadline and interrupt as the host's sleep sees them.
    limits: Rc<RefCell<host::RunLimits>>,
    interrupt: Arc<AtomicBool>,
}

/// A dropped interpreter lets go of everything its programs made,
/// cycles included (`krait_vm::interpreter::Vm::release`).
impl Drop for Interpreter {
    fn drop(&mut self) {
        let vm = self.session.vm.vm();
        vm.abandon_paused();
        vm.release();
    }
}

/// Stops a running [`Interpreter`] from another thread: the run ends at
/// its next instruction with [`Error::Limit`] ([`Limit::Interrupt`]). An
/// interrupt raised while nothing runs stops the next run.
#[derive(Clone, Debug)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Asks the interpreter to stop.
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

impl Default for Interpreter {
    fn default() -> Interpreter {
        Interpreter::new()
    }
}

impl Interpreter {
    /// A sandboxed interpreter: no files, environment, clock, sleep, stdin
    /// or entropy; output kept in buffers ([`Interpreter::take_stdout`]).
    pub fn new() -> Interpreter {
        Builder::default().build()
    }

    /// An interpreter made to measure.
    ///
    /// ```
    /// use krait::embed::{Grants, Interpreter};
    ///
    /// let mut python = Interpreter::builder()
    ///     .grants(Grants { clock: true, ..Grants::default() })
    ///     .build();
    /// let now: f64 = python.eval("__import__('time').time()").unwrap();
    /// assert!(now > 1.0e9);
    /// ```
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Runs Python statements in the interpreter's `__main__` namespace.
    ///
    /// ```
    /// let mut python = krait::embed::Interpreter::new();
    /// python.exec("def double(x):\n    return 2 * x").unwrap();
    /// let four: i64 = python.call("double", (2,)).unwrap();
    /// assert_eq!(four, 4);
    /// ```
    pub fn exec(&mut self, source: &str) -> Result<(), Error> {
        self.exec_named(source, "<string>")
    }

    /// [`Interpreter::exec`], naming the source `filename` in tracebacks
    /// (which then show its lines).
    pub fn exec_named(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        self.start_run();
        let result = self.session.run_source(source, filename, Mode::Exec);
        self.finish_run(result).map(drop)
    }

    /// Runs a code object (from [`crate::compile`], or a `.kbc` file
    /// decoded and verified by [`krait_bytecode::decode`]) in `__main__`.
    ///
    /// ```
    /// let code = krait::compile("answer = 6 * 7", "<rules>", krait::Mode::Exec).unwrap();
    /// let bytes = krait_bytecode::encode(&code);
    ///
    /// let mut python = krait::embed::Interpreter::new();
    /// python.exec_code(krait_bytecode::decode(&bytes).unwrap()).unwrap();
    /// assert_eq!(python.get::<i64>("answer").unwrap(), 42);
    /// ```
    pub fn exec_code(&mut self, code: CodeObject) -> Result<(), Error> {
        self.start_run();
        let result = self.session.run_code(code);
        self.finish_run(result).map(drop)
    }

    /// Evaluates one expression and converts its value.
    ///
    /// ```
    /// use std::collections::HashMap;
    ///
    /// let mut python = krait::embed::Interpreter::new();
    /// let squares: HashMap<i64, i64> = python.eval("{n: n * n for n in range(4)}").unwrap();
    /// assert_eq!(squares[&3], 9);
    /// let err = python.eval::<i64>("1 / 0").unwrap_err();
    /// assert!(err.to_string().ends_with("ZeroDivisionError: division by zero"));
    /// ```
    pub fn eval<T: FromPython>(&mut self, expression: &str) -> Result<T, Error> {
        self.start_run();
        let result = self.session.run_source(expression, "<string>", Mode::Eval);
        self.finish_run_with_value(result)
    }

    /// The global `name` of `__main__`, converted; a `NameError` when
    /// there is none.
    pub fn get<T: FromPython>(&mut self, name: &str) -> Result<T, Error> {
        let value = self.global(name)?;
        self.convert_value(&value)
    }

    /// Binds the global `name` of `__main__` to `value`.
    pub fn set<T: IntoPython>(&mut self, name: &str, value: T) -> Result<(), Error> {
        let value = value.into_python().map_err(|err| self.error(&err))?;
        self.globals_set(name, value)
    }

    /// Calls the global `function` of `__main__` with positional `args`.
    pub fn call<T: FromPython>(&mut self, function: &str, args: impl IntoArgs) -> Result<T, Error> {
        let callable = PyValue(self.global(function)?);
        self.call_value(&callable, args)
    }

    /// Calls `callable` (any Python value) with positional `args`.
    pub fn call_value<T: FromPython>(
        &mut self,
        callable: &PyValue,
        args: impl IntoArgs,
    ) -> Result<T, Error> {
        self.call_with_keywords(callable, args, Vec::<(&str, PyValue)>::new())
    }

    /// Calls `callable` with positional `args` and keyword arguments.
    ///
    /// ```
    /// let mut python = krait::embed::Interpreter::new();
    /// let sep = python.eval::<krait::embed::PyValue>("'-'.join").unwrap();
    /// let sorted = python.eval::<krait::embed::PyValue>("sorted").unwrap();
    /// let order: Vec<i64> = python
    ///     .call_with_keywords(&sorted, (vec![3, 1, 2],), vec![("reverse", true)])
    ///     .unwrap();
    /// assert_eq!(order, [3, 2, 1]);
    /// let joined: String = python.call_value(&sep, (vec!["a", "b"],)).unwrap();
    /// assert_eq!(joined, "a-b");
    /// ```
    pub fn call_with_keywords<T: FromPython, K: IntoPython>(
        &mut self,
        callable: &PyValue,
        args: impl IntoArgs,
        keywords: Vec<(&str, K)>,
    ) -> Result<T, Error> {
        // The arguments become the interpreter's values: counted in the run.
        self.start_run();
        let result = match call_arguments(args, keywords) {
            Ok((positional, keywords)) => self
                .session
                .vm
                .vm()
                .call_object(&callable.0, Args::with_kw(&positional, &keywords))
                .map_err(|err| self.error(&err)),
            Err(err) => Err(self.error(&err)),
        };
        self.finish_run_with_value(result)
    }

    /// Converts a value held as a [`PyValue`].
    pub fn convert<T: FromPython>(&mut self, value: &PyValue) -> Result<T, Error> {
        self.convert_value(&value.0)
    }

    /// Makes `function` callable from Python as the global `name` of
    /// `__main__`. Its arguments convert from Python ([`FromPython`]); it
    /// returns a value that converts, or a `Result` whose [`HostError`]
    /// becomes the Python exception it names.
    ///
    /// ```
    /// use krait::embed::{HostError, Interpreter};
    ///
    /// let mut python = Interpreter::new();
    /// python
    ///     .register_function("checked_div", |a: i64, b: i64| {
    ///         a.checked_div(b)
    ///             .ok_or_else(|| HostError::new("ZeroDivisionError", "b is zero"))
    ///     })
    ///     .unwrap();
    /// assert_eq!(python.eval::<i64>("checked_div(7, 2)").unwrap(), 3);
    /// let err = python.exec("checked_div(1, 0)").unwrap_err();
    /// assert!(err.to_string().ends_with("ZeroDivisionError: b is zero"));
    /// ```
    pub fn register_function<M>(
        &mut self,
        name: &str,
        function: impl HostFunction<M>,
    ) -> Result<(), Error> {
        let value = function::host_function_value(name, Some(function.into_callable(name)));
        self.globals_set(name, value)
    }

    /// Makes a [`HostModule`] importable (`import name`).
    pub fn register_module(&mut self, module: HostModule) -> Result<(), Error> {
        let registered = module
            .into_module()
            .and_then(|(name, value)| self.session.vm.vm().add_module_object(&name, value));
        registered.map_err(|err| self.error(&err))
    }

    /// Limits the bytecode instructions the interpreter may still run, in
    /// all later runs together (`None`: no limit). Counted on the plain
    /// instruction stream, so a program stops at the same instruction on
    /// every run and machine (a fused fast path counts the plain
    /// instructions it stands for). Running out ends the run with [`Error::Limit`]
    /// ([`Limit::Instructions`]), which no `except` can stop.
    ///
    /// ```
    /// use krait::{Error, Limit};
    ///
    /// let mut python = krait::embed::Interpreter::new();
    /// python.set_instruction_budget(Some(10_000));
    /// let err = python.exec("while True:\n    try:\n        pass\n    except BaseException:\n        pass").unwrap_err();
    /// assert!(matches!(err, Error::Limit { limit: Limit::Instructions, .. }));
    /// python.set_instruction_budget(None);
    /// assert_eq!(python.eval::<i64>("6 * 7").unwrap(), 42);
    /// ```
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.session.set_instruction_budget(budget);
    }

    /// Instructions the budget still allows (`None`: no budget).
    pub fn instruction_budget(&mut self) -> Option<u64> {
        self.session.vm.vm().instruction_budget()
    }

    /// Gives each later run (`exec`, `eval`, `call`...) at most `limit` of
    /// wall-clock time (`None`: no limit); a run that takes longer ends
    /// with [`Error::Limit`] ([`Limit::Deadline`]), a sleep in it cut
    /// short.
    pub fn set_time_limit(&mut self, limit: Option<Duration>) {
        self.time_limit = limit;
    }

    /// Limits the memory the interpreter may hold to `bytes` (`None`: no
    /// limit): what its making and its runs allocated on this thread and
    /// did not free, its globals included, across runs. A run that would
    /// pass it ends with [`Error::Limit`] ([`Limit::Memory`]); an
    /// allocation whose size the program chose (`'x' * n`, `[0] * n`,
    /// `2 ** n`...) is refused before it is made. Counting needs
    /// [`crate::memory::Accounting`] as the program's global allocator:
    /// [`Error::Unavailable`] without it.
    ///
    /// ```
    /// #[global_allocator]
    /// static ALLOCATOR: krait::memory::Accounting = krait::memory::Accounting(std::alloc::System);
    ///
    /// # fn main() {
    /// use krait::{Error, Limit};
    ///
    /// let mut python = krait::embed::Interpreter::new();
    /// python.set_memory_limit(Some(32 << 20)).unwrap();
    /// let err = python.exec("data = 'x' * 10**9").unwrap_err();
    /// assert!(matches!(err, Error::Limit { limit: Limit::Memory, .. }));
    /// assert_eq!(python.eval::<i64>("len('x' * 1000)").unwrap(), 1000);
    /// # }
    /// ```
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) -> Result<(), Error> {
        if bytes.is_some() && !krait_vm::memory::is_counting() {
            return Err(Error::Unavailable(crate::MEMORY_NOT_COUNTED));
        }
        self.memory_limit = bytes;
        Ok(())
    }

    /// Bytes the interpreter holds, as its memory limit counts them.
    pub fn memory_used(&self) -> usize {
        self.memory_used.max(0) as usize
    }

    /// A handle another thread can use to stop a run.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.interrupt.clone())
    }

    /// What the script printed since the last call, when no
    /// [`Builder::stdout`] writer was given.
    pub fn take_stdout(&mut self) -> String {
        std::mem::take(&mut *self.stdout.borrow_mut())
    }

    /// What the script wrote to `sys.stderr` since the last call, when no
    /// [`Builder::stderr`] writer was given.
    pub fn take_stderr(&mut self) -> String {
        std::mem::take(&mut *self.stderr.borrow_mut())
    }

    /// Arms the limits for a run: the time limit counts from now.
    fn start_run(&mut self) {
        self.host_gc_settings = GcSettings::of_thread();
        self.gc_settings.apply();
        self.session.set_time_limit(self.time_limit);
        self.run_memory_start = krait_vm::memory::in_use();
        let ceiling = self.memory_limit.map(|limit| {
            // A run that starts at (or past) the limit still has a little
            // room, enough to let go of data (`del x`, `cache.clear()`).
            let left = isize::try_from(limit)
                .unwrap_or(isize::MAX)
                .saturating_sub(self.memory_used)
                .max(CLEANUP_ROOM);
            self.run_memory_start.saturating_add(left)
        });
        self.session
            .vm
            .set_memory_ceiling(ceiling, self.memory_limit);
        self.limits.borrow_mut().deadline = self
            .time_limit
            .and_then(|limit| Instant::now().checked_add(limit));
    }

    /// After a run that gives the host a value: the Python value is
    /// converted and let go before the memory count is taken, and the
    /// Rust value made from it is the host's, not counted.
    fn finish_run_with_value<T: FromPython>(
        &mut self,
        result: Result<Value, Error>,
    ) -> Result<T, Error> {
        let converted = match result {
            Ok(value) => {
                let before = krait_vm::memory::in_use();
                let converted = self.convert_value(&value);
                let host_bytes = krait_vm::memory::in_use() - before;
                drop(value);
                self.run_memory_start = self.run_memory_start.saturating_add(host_bytes);
                converted
            }
            Err(err) => Err(err),
        };
        self.finish_run(converted)
    }

    /// After a run: an interrupt that stopped it is spent.
    fn finish_run<T>(&mut self, result: Result<T, Error>) -> Result<T, Error> {
        self.memory_used = self
            .memory_used
            .saturating_add(krait_vm::memory::in_use() - self.run_memory_start)
            .max(0);
        // The next run sets its own ceiling; none holds between runs.
        self.session.vm.set_memory_ceiling(None, self.memory_limit);
        self.gc_settings = GcSettings::of_thread();
        self.host_gc_settings.apply();
        if let Err(Error::Limit {
            limit: Limit::Interrupt,
            ..
        }) = &result
        {
            self.interrupt.store(false, Ordering::Relaxed);
        }
        result
    }

    fn global(&mut self, name: &str) -> Result<Value, Error> {
        let globals = self.session.vm.vm().globals().clone();
        let found = match globals.as_dict() {
            Some(dict) => dict.get_item(&Value::str(name)),
            None => Ok(None),
        };
        match found {
            Ok(Some(value)) => Ok(value),
            Ok(None) => {
                let err = PyErr::new(
                    krait_vm::typeobject::ExcType::NameError,
                    format!("name '{name}' is not defined"),
                );
                Err(self.error(&err))
            }
            Err(err) => Err(self.error(&err)),
        }
    }

    fn globals_set(&mut self, name: &str, value: Value) -> Result<(), Error> {
        let globals = self.session.vm.vm().globals().clone();
        let stored = match globals.as_dict() {
            Some(dict) => dict.set_item(Value::str(name), value),
            None => Err(PyErr::runtime_error("__main__ has no namespace")),
        };
        stored.map_err(|err| self.error(&err))
    }

    fn convert_value<T: FromPython>(&mut self, value: &Value) -> Result<T, Error> {
        T::from_python(value).map_err(|err| self.error(&err))
    }

    fn error(&mut self, err: &PyErr) -> Error {
        let sources = &self.session.sources;
        let source_line =
            |filename: &str, lineno: u32| crate::source_line(sources, filename, lineno);
        self.session.vm.error(err, &source_line)
    }
}
