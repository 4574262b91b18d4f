//! The interpreter: frames, the dispatch loop, calls, exceptions and
//! generators, on top of the object layer.
//!
//! Python-to-Python calls never recurse on the Rust stack: CALL pushes a
//! [`frame::Frame`] on the VM's frame stack and the loop in [`eval`]
//! continues in it. Rust recursion happens only where native code calls back
//! into Python (a `key=` function of `sorted`, resuming a generator), and is
//! bounded by [`Vm::native_depth_limit`]. Deep Python recursion raises
//! `RecursionError` at [`Vm::recursion_limit`] frames.

pub mod call;
pub mod class;
pub mod code;
pub(crate) mod collect;
pub(crate) mod coroutines;
pub mod dunder;
pub mod eval;
mod exception_groups;
pub mod finalize;
pub mod frame;
pub mod generator;
pub mod import;
mod matching;
pub mod observe;
pub mod pause;
pub(crate) mod settrace;
pub mod shadow;
pub mod snapshot;
mod suggestions;
pub mod traceback;
pub mod types;
mod value_stack;
mod warnings;

use std::rc::Rc;

use krait_bytecode::CodeObject;

use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::host::{Host, StdHost};
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;
use crate::{PyErr, PyResult};

use code::Code;
use frame::Frame;

/// One interpreter: its `__main__` namespace, builtins, frames and stack.
pub struct Vm {
    pub(crate) builtins: Value,
    pub(crate) main_globals: Value,
    pub(crate) frames: Vec<Frame>,
    pub(crate) stack: value_stack::ValueStack,
    /// The exception being handled (`sys.exc_info()`), `None` if none.
    pub(crate) handled: Value,
    /// Frames allowed at once (CPython's default recursion limit is 1000).
    pub recursion_limit: usize,
    /// Nested entries from native code back into the dispatch loop.
    pub(crate) native_depth: usize,
    pub native_depth_limit: usize,
    /// Containers whose repr is being built (`[[...]]` for cycles).
    pub(crate) repr_in_progress: Vec<usize>,
    /// `sys.modules`: imported modules by name (a dict).
    pub(crate) modules: Value,
    /// `sys.path` until `sys` is imported (then the sys module's).
    pub(crate) sys_path: Value,
    /// `sys.executable`.
    pub executable: String,
    /// Python modules compiled into the program, by name.
    pub(crate) frozen_modules: std::collections::HashMap<String, import::FrozenModule>,
    /// Modules written in Rust that the embedder registered, by name.
    pub(crate) native_modules: std::collections::HashMap<String, import::NativeModuleInit>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Argument buffer reused by calls of builtins from the loop.
    pub(crate) scratch_args: Vec<Value>,
    /// The StopIteration that ended the last step of an iterator, when it
    /// carried something (a user `__next__`'s own exception, a
    /// generator's return value): `next()` raises it again, through
    /// `map`/`zip`/`filter`... as CPython passes it up.
    pub(crate) ended_iteration: Option<PyErr>,
    /// Methods LOAD_METHOD found, by class and name, for the call sites
    /// whose own cache entry missed (see `Vm::lookup_method_missed`).
    pub(crate) method_lookups: code::MethodLookups,
    /// What LOAD_ATTR and STORE_ATTR sites found about an attribute of
    /// an instance's class, by class and name: an entry a site gives up
    /// for another class is kept here, and a site that sees that class
    /// again takes it back (see `Vm::refill_attribute_site`).
    pub(crate) attribute_lookups: code::MethodLookups,
    /// Names `getattr(x, name, default)` and `hasattr` found missing on
    /// values of a builtin type whose attributes all come from the type
    /// (a list, an int...), by type address: builtin types never gain
    /// attributes, so the answer stays, and the next probe
    /// (`getattr(x, "__deepcopy__", None)` in library code) makes no
    /// AttributeError to throw away.
    pub(crate) missing_builtin_attributes: std::collections::HashMap<
        usize,
        std::collections::HashSet<Box<str>, crate::typeobject::NameHashing>,
        crate::typeobject::NameHashing,
    >,
    /// The outside world: stdio, clocks, the compiler.
    pub(crate) host: Box<dyn Host>,
    /// This VM's interned names.
    pub(crate) names: code::Interner,
    /// Whether an observer or an instruction budget watches the run
    /// (the dispatch loop then runs its watched variant).
    pub(crate) watched: bool,
    /// Whether a deadline, an interrupt flag or a memory ceiling is set
    /// (and nothing watches): the unwatched loop then polls them at each
    /// backward jump and call.
    pub(crate) limits_armed: bool,
    /// Whether an instruction budget is set and nothing else needs the
    /// watched loop: the fused loop counts it (`execute::<false, true>`).
    pub(crate) counted: bool,
    pub(crate) watch: observe::Watch,
    /// Whether coverage is measured (`Vm::set_coverage`): the loop marks
    /// what runs in each code's `coverage` bits (the covered variant, or
    /// the watched one when something else watches too).
    pub(crate) covering: bool,
    /// The code objects coverage has marks for, kept alive for the report.
    pub(crate) covered_code: Vec<Rc<code::Code>>,
    /// `sys.settrace` and `sys.setprofile`'s functions and frame objects.
    pub(crate) python_trace: settrace::PythonTrace,
    /// The `sys` module's namespace once `sys` is imported: where
    /// `print` and `input` find `sys.stdout` and `sys.stdin` (until then
    /// they use the host directly, with no lookup).
    pub(crate) sys_namespace: Option<Value>,
    /// The frame objects `sys._getframe` made, by frame index: reused
    /// while their frame runs (see `frame_object::sys_getframe`).
    pub(crate) frame_objects: Vec<Value>,
    /// `sys.__stdin__`, `sys.__stdout__`, `sys.__stderr__` (made with the
    /// first `sys` module).
    pub(crate) standard_streams: Option<[Value; 3]>,
    /// The files `open()` made, weakly: what they hold back is written
    /// out when the VM goes away (a file kept alive by a cycle, or by a
    /// module's globals, is never dropped on its own).
    pub(crate) open_files: Vec<std::rc::Weak<PyObject>>,
    /// The classes this VM's programs made with a builtin type among their
    /// bases (`int.__subclasses__()`), by the builtin type's address: the
    /// builtin types are shared by every VM of the thread, so their own
    /// lists would show one VM's classes to another.
    pub(crate) builtin_subclasses:
        std::collections::HashMap<usize, Vec<std::rc::Weak<crate::typeobject::TypeObject>>>,
    /// What `atexit.register` registered, oldest first.
    pub(crate) atexit: Vec<crate::builtins::atexit::ExitCall>,
    /// `gc.callbacks`, `gc.garbage` and `gc.set_debug`'s flags.
    pub(crate) gc_callbacks: Value,
    pub(crate) gc_garbage: Value,
    pub(crate) gc_debug: i64,
    /// A pausable run's state (`Vm::run_code_pausable`).
    pub(crate) pausing: pause::PauseState,
    /// Whether Ctrl-C raises `KeyboardInterrupt` here
    /// (`Vm::set_keyboard_interrupt`).
    pub(crate) ctrl_c: bool,
    /// What Ctrl-C does in the program (`signal.signal(SIGINT, ...)`).
    pub(crate) interrupt_handler: InterruptHandler,
    /// Where the yields of generators run by `drain_generator` go, the
    /// innermost last.
    pub(crate) drains: Vec<generator::Drain>,
}

/// What Ctrl-C does in a program that gets it (`Vm::set_keyboard_interrupt`):
/// Python's `signal.signal(SIGINT, handler)` changes it.
#[derive(Clone, Default)]
pub enum InterruptHandler {
    /// `KeyboardInterrupt` (`signal.default_int_handler`, and `SIG_DFL`).
    #[default]
    Raise,
    /// Nothing (`SIG_IGN`).
    Ignore,
    /// `handler(signal.SIGINT, frame)`, called at the next safe point.
    Call(Value),
}

impl Drop for Vm {
    fn drop(&mut self) {
        for file in std::mem::take(&mut self.open_files) {
            if let Some(file) = file.upgrade() {
                crate::builtins::file::write_out(&Value::Obj(file));
            }
        }
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    /// A VM that uses the process's stdio and clocks ([`StdHost`]).
    pub fn new() -> Vm {
        Vm::with_host(Box::new(StdHost))
    }

    /// A VM that reaches the outside world only through `host`.
    pub fn with_host(host: Box<dyn Host>) -> Vm {
        let mut names = code::Interner::default();
        let builtins = Value::dict(PyDict::new());
        if let Some(dict) = builtins.as_dict() {
            for (name, value) in builtin_namespace() {
                let _ = dict.set_item(names.intern(name), value);
            }
        }
        let main_globals = Value::dict(PyDict::new());
        if let Some(dict) = main_globals.as_dict_or_subclass() {
            let _ = dict.set_item(Value::str("__name__"), Value::str("__main__"));
        }
        // `sys.modules['__main__']` is the module whose namespace is
        // `__main__`'s globals; `builtins` is the builtins namespace.
        let modules = Value::dict(PyDict::new());
        if let Some(dict) = modules.as_dict() {
            for (name, namespace) in [("__main__", &main_globals), ("builtins", &builtins)] {
                let module = crate::builtins::module_object::new_module(name);
                if let Some(PyObject::Instance(instance)) = module.as_obj() {
                    let own = instance.dict_value();
                    if let (Some(own), Some(target)) = (own.as_dict(), namespace.as_dict()) {
                        for (key, value) in own.items() {
                            if target.get_item(&key).ok().flatten().is_none() {
                                let _ = target.set_item(key, value);
                            }
                        }
                    }
                    instance.replace_dict(namespace.clone());
                }
                // Then, in python3's order (after the module's own
                // `__doc__`...`__spec__`): `__annotations__`, which its
                // `__main__` always has, annotated or not, and
                // `__builtins__` (the dict until the module is made).
                if name == "__main__"
                    && let Some(main) = main_globals.as_dict()
                {
                    let _ =
                        main.set_item(Value::str("__annotations__"), Value::dict(PyDict::new()));
                    let _ = main.set_item(Value::str("__builtins__"), builtins.clone());
                }
                // `__main__.__builtins__` is the builtins module, as in
                // CPython (other namespaces get its dict).
                if name == "builtins"
                    && let Some(main) = main_globals.as_dict()
                {
                    let _ = main.set_item(Value::str("__builtins__"), module.clone());
                }
                let _ = dict.set_item(Value::str(name), module);
            }
        }
        Vm {
            builtins,
            main_globals,
            frames: Vec::new(),
            stack: value_stack::ValueStack::with_capacity(1024),
            handled: Value::None,
            recursion_limit: 1000,
            native_depth: 0,
            native_depth_limit: 200,
            repr_in_progress: Vec::new(),
            modules,
            sys_path: Value::list(Vec::new()),
            executable: String::new(),
            frozen_modules: std::collections::HashMap::new(),
            native_modules: std::collections::HashMap::new(),
            argv: vec![String::new()],
            scratch_args: Vec::new(),
            ended_iteration: None,
            method_lookups: code::MethodLookups::default(),
            attribute_lookups: code::MethodLookups::default(),
            missing_builtin_attributes: Default::default(),
            host,
            names,
            watched: false,
            limits_armed: false,
            counted: false,
            watch: observe::Watch::default(),
            covering: false,
            covered_code: Vec::new(),
            python_trace: Default::default(),
            sys_namespace: None,
            frame_objects: Vec::new(),
            standard_streams: None,
            open_files: Vec::new(),
            builtin_subclasses: std::collections::HashMap::new(),
            atexit: Vec::new(),
            gc_callbacks: Value::list(Vec::new()),
            gc_garbage: Value::list(Vec::new()),
            gc_debug: 0,
            pausing: Default::default(),
            ctrl_c: false,
            interrupt_handler: InterruptHandler::Raise,
            drains: Vec::new(),
        }
    }

    /// Runs module-level code (any compile mode) in the `__main__`
    /// namespace, which persists across calls (the REPL relies on it).
    /// Returns what the code returns: the value in eval mode, else None.
    pub fn run_code(&mut self, code: CodeObject) -> PyResult {
        let code = Code::load(code, &mut self.names)?;
        let globals = self.main_globals.clone();
        self.run_module_code(code, globals)
    }

    pub(crate) fn run_module_code(&mut self, code: Rc<Code>, globals: Value) -> PyResult {
        self.push_module_frame(code, globals)?;
        self.run_entry_frame()
    }

    /// Pushes the frame of module code (its namespace is `globals`).
    pub(crate) fn push_module_frame(&mut self, code: Rc<Code>, globals: Value) -> PyResult<()> {
        let base = self.stack.len();
        self.stack.push_nulls(code.nslots());
        let frame = Frame {
            locals: Some(globals.clone()),
            ..Frame::start(code, globals, base, base, true)
        };
        self.push_frame(frame)
    }

    /// The host this VM was made with.
    pub fn host(&mut self) -> &mut dyn Host {
        &mut *self.host
    }

    /// The host, as the concrete type it was made with (`None` if it is
    /// another): how a test or an embedder reads a [`crate::host::BufferHost`].
    pub fn host_as<H: Host + 'static>(&mut self) -> Option<&mut H> {
        let host: &mut dyn std::any::Any = &mut *self.host;
        host.downcast_mut::<H>()
    }

    /// Text for `sys.stdout`, through the host.
    pub fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        self.host.write_stdout(text)
    }

    /// Text for `sys.stderr`, through the host.
    pub fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        self.host.write_stderr(text)
    }

    /// A line of standard input, through the host.
    pub fn read_line(&mut self) -> PyResult<Option<String>> {
        if self.ctrl_c || crate::long_work::armed() {
            // Waited for in slices: Ctrl-C, the deadline and the host's
            // interrupt end the wait as they end a loop.
            const SLICE: std::time::Duration = std::time::Duration::from_millis(20);
            loop {
                self.check_keyboard_interrupt()?;
                crate::long_work::check()?;
                if self.host.stdin_line_ready(SLICE)? {
                    break;
                }
            }
        }
        self.host.read_line()
    }

    /// Waits until some of `read`/`write` are ready, or `timeout` passes
    /// (`select.select`, a child's pipes), through the host: the ready
    /// ones of each. Waited for in slices, so Ctrl-C and the limits end
    /// the wait as they end `time.sleep`.
    pub fn wait_ready(
        &mut self,
        read: &[i32],
        write: &[i32],
        timeout: Option<std::time::Duration>,
    ) -> PyResult<(Vec<i32>, Vec<i32>)> {
        const SLICE: std::time::Duration = std::time::Duration::from_millis(50);
        let end = timeout.map(|t| std::time::Instant::now() + t);
        loop {
            self.check_keyboard_interrupt()?;
            crate::long_work::check()?;
            let left = end.map(|end| end.saturating_duration_since(std::time::Instant::now()));
            let slice = left.map_or(SLICE, |left| left.min(SLICE));
            let ready = self.host.wait_ready(read, write, Some(slice))?;
            if !ready.0.is_empty() || !ready.1.is_empty() || left.is_some_and(|left| left <= SLICE)
            {
                return Ok(ready);
            }
        }
    }

    /// The `__main__` namespace.
    pub fn globals(&self) -> &Value {
        &self.main_globals
    }

    /// If `err` is SystemExit, the process exit code it asks for.
    pub fn system_exit_code(&mut self, err: &PyErr) -> Option<i32> {
        if !err.matches(ExcType::SystemExit) {
            return None;
        }
        let args = err.exception().args.borrow().clone();
        Some(match args.first() {
            None | Some(Value::None) => 0,
            Some(Value::Int(code)) => *code as i32,
            Some(Value::Bool(b)) => b.get() as i32,
            Some(other) => {
                let text = self.str(other).unwrap_or_default();
                eprintln!("{text}");
                1
            }
        })
    }

    /// `import name` of an absolute name, from Rust (the leaf module).
    pub(crate) fn import_module(&mut self, name: &str) -> PyResult {
        self.import_absolute(name)
    }

    /// Pushes a frame, or raises RecursionError when the frame stack is full.
    /// (Native recursion is bounded by [`stack_exhausted`] instead.)
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        self.check_recursion(frame.base)?;
        write_frame(&mut self.frames, frame);
        Ok(())
    }

    /// The RecursionError of a frame about to be pushed past the limit,
    /// its slots from `base` then dropped.
    #[inline(always)]
    pub(crate) fn check_recursion(&mut self, base: usize) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error(base));
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn recursion_error(&mut self, base: usize) -> PyErr {
        self.stack.truncate(base);
        PyErr::new(ExcType::RecursionError, "maximum recursion depth exceeded")
    }

    /// Calls any callable from native code, running Python code to completion.
    pub fn call(&mut self, callable: &Value, args: Args) -> PyResult {
        // Native code calling native code (a dunder set to a builtin that
        // calls the dunder again) passes no frame: the stack bounds it.
        check_native_stack()?;
        if let Value::Obj(o) = callable {
            match &**o {
                PyObject::BuiltinFunction(f) => return (f.func)(self, args),
                PyObject::MethodDescriptor(m) => {
                    return match &m.bound {
                        Some(recv) => m.def.invoke(self, recv, args),
                        None => match args.pos.split_first() {
                            Some((recv, rest)) => call_unbound(
                                self,
                                m.def,
                                recv,
                                Args {
                                    pos: rest,
                                    kw: args.kw,
                                },
                            ),
                            None => Err(PyErr::type_error(format!(
                                "unbound method {}() needs an argument",
                                m.def.qualified_name()
                            ))),
                        },
                    };
                }
                // A native type's instance with a native `__call__`
                // (`operator.itemgetter`, a `functools.partial`...): the
                // method is invoked directly, without a bound method or
                // the vectors of the general call.
                PyObject::Native(native)
                    if !native.class.heap
                        && let Some(method) = native.class.lookup("__call__")
                        && let Some(PyObject::MethodDescriptor(m)) = method.as_obj()
                        && m.bound.is_none() =>
                {
                    self.finalize_if_pending();
                    return m.def.invoke(self, callable, args);
                }
                _ => {}
            }
        }
        self.call_object(callable, args)
    }

    pub(crate) fn builtin(&self, name: &Value) -> PyResult<Option<Value>> {
        match self.builtins.as_dict_or_subclass() {
            Some(d) => d.get_item(name),
            None => Ok(None),
        }
    }
}

/// An unbound method descriptor called with its receiver first
/// (`str.upper(s)`, `bytearray.__new__(cls)`). A native type's `__new__`
/// given a user subclass (`super().__new__(cls)` in `class
/// B(bytearray)`) makes that subclass's instance around the value.
/// Always inlined: called out of line, it received `args` by pointer and
/// copied them for the method with 16-byte loads of the caller's fresh
/// 8-byte stores, a store-forwarding stall on every builtin method call
/// (`perf annotate`: 80% of its samples).
#[inline(always)]
pub(crate) fn call_unbound(
    vm: &mut Vm,
    def: &'static crate::builtins::function::MethodDef,
    receiver: &Value,
    args: Args,
) -> PyResult {
    let result = def
        .invoke(vm, receiver, args)
        .map_err(|err| descriptor_error(err, def, receiver))?;
    if let Some(PyObject::Native(native)) = result.as_obj()
        && let Some(PyObject::Type(class)) = receiver.as_obj()
        && class.heap
        && def.name == "__new__"
        && !Rc::ptr_eq(&native.class, class)
    {
        return Ok(Value::obj(PyObject::Instance(
            crate::builtins::function::PyInstance::with_base(class.clone(), result),
        )));
    }
    Ok(result)
}

/// `list.append(())`: CPython names the descriptor and both types when an
/// unbound method gets a receiver of another type.
#[cold]
pub(crate) fn descriptor_error(
    err: PyErr,
    def: &'static crate::builtins::function::MethodDef,
    receiver: &Value,
) -> PyErr {
    if !err.matches(ExcType::TypeError) {
        return err;
    }
    // The receiver's type is checked first (`list.append(1, x=1)` is about
    // the 1, not the keyword), though the body checks it after the
    // arguments.
    let message = err.message();
    let checks_receiver = message.starts_with("descriptor requires");
    if !checks_receiver && (message.starts_with("descriptor ") || receiver_fits(def, receiver)) {
        return err;
    }
    match def.owner() {
        Some(owner) => PyErr::type_error(format!(
            "descriptor '{}' for '{owner}' objects doesn't apply to a '{}' object",
            def.name,
            receiver.type_name()
        )),
        None => err,
    }
}

/// Whether `receiver` is an instance of the builtin type that owns `def`
/// (or of a subclass), as far as can be told.
fn receiver_fits(def: &'static crate::builtins::function::MethodDef, receiver: &Value) -> bool {
    let Some(owner) = def.owner_type() else {
        return true;
    };
    // `__new__` and class methods take a type first.
    if matches!(receiver.as_obj(), Some(PyObject::Type(_))) {
        return true;
    }
    crate::typeobject::class_of(receiver).is_subtype(&crate::typeobject::builtin_type(owner))
}

/// What the builtins namespace starts with.
fn builtin_namespace() -> Vec<(&'static str, Value)> {
    use crate::builtins::function::PyBuiltinFunction;
    use crate::typeobject::{BuiltinType, builtin_type};
    let mut names: Vec<(&'static str, Value)> = crate::builtins::module::builtin_functions();
    names.extend(crate::builtins::constructors::builtin_types());
    // The interpreter's own builtins: they need frames or run Python code.
    names.push((
        "__build_class__",
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: "__build_class__",
            func: |vm, args| vm.build_class(args),
        })),
    ));
    names.push((
        "dir",
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: "dir",
            func: |vm, args| {
                args.check("dir", 0, 1)?;
                vm.dir(args.pos.first())
            },
        })),
    ));
    for name in ["exit", "quit"] {
        // The site module's exit()/quit(): raise SystemExit(code).
        names.push((
            name,
            Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                name,
                func: |_, args| {
                    args.check("exit", 0, 1)?;
                    Err(PyErr::with_args(
                        crate::typeobject::exc_type(ExcType::SystemExit),
                        args.pos.to_vec(),
                    ))
                },
            })),
        ));
    }
    names.push(("NotImplemented", Value::NotImplemented));
    names.push(("Ellipsis", Value::Ellipsis));
    for (name, t) in [
        ("object", BuiltinType::Object),
        ("property", BuiltinType::Property),
        ("staticmethod", BuiltinType::StaticMethod),
        ("classmethod", BuiltinType::ClassMethod),
        ("super", BuiltinType::Super),
    ] {
        names.push((
            name,
            crate::builtins::constructors::type_value(&builtin_type(t)),
        ));
    }
    for &e in ExcType::ALL {
        names.push((
            e.name(),
            crate::builtins::constructors::type_value(&crate::typeobject::exc_type(e)),
        ));
    }
    names
}

/// The operations native code asks of the interpreter (what used to be
/// a callback trait): each runs Python code where a user class needs it.
impl Vm {
    pub fn call_object(&mut self, callable: &Value, args: Args) -> PyResult {
        let kw_names: Vec<&str> = args.kw.iter().map(|(k, _)| *k).collect();
        let mut all: Vec<Value> = args.pos.to_vec();
        all.extend(args.kw.iter().map(|(_, v)| v.clone()));
        self.call_native(callable, all, &kw_names)
    }

    pub fn next_object(&mut self, iterator: &Value) -> PyResult<Option<Value>> {
        if let Some(PyObject::Generator(_)) = iterator.as_obj() {
            return self.resume_for_next(iterator);
        }
        if let Some(PyObject::Native(native)) = iterator.as_obj()
            && let Some(result) = native.data.next(self)
        {
            // A plain StopIteration out of Python code the iterator called
            // (`starmap`'s function) ends the iteration, as for the
            // builtin iterators (`PyIterator::next`); one with a value is
            // an awaitable's result and stays.
            return match result {
                Err(err)
                    if err.matches(ExcType::StopIteration)
                        && err.exception().args.borrow().is_empty() =>
                {
                    Ok(None)
                }
                result => result,
            };
        }
        if class::user_class_of(iterator).is_some() {
            return self.next_dunder(iterator);
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            iterator.type_name()
        )))
    }

    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult {
        self.load_attribute(obj, &Value::str(name))
    }

    /// `obj.name` for a name that is a `str` already (best an interned
    /// one, [`Vm::intern`]: attribute tables match it by identity).
    pub fn get_attr_value(&mut self, obj: &Value, name: &Value) -> PyResult {
        self.load_attribute(obj, name)
    }

    /// The VM's one `str` object for `name`, the one names in code use
    /// (`sys.intern`).
    pub fn intern(&mut self, name: &str) -> Value {
        self.names.intern(name)
    }

    pub fn repr(&mut self, value: &Value) -> PyResult<String> {
        if let Some(text) = self.repr_dunder(value)? {
            return Ok(text);
        }
        if let Some(text) = self.repr_container_of(value.builtin_value(), value)? {
            return Ok(text);
        }
        if let Some(PyObject::Exception(e)) = value.as_obj() {
            return crate::builtins::exception::exception_repr(self, e);
        }
        crate::protocol::repr(value)
    }

    pub fn str(&mut self, value: &Value) -> PyResult<String> {
        if let Some(text) = value.as_str() {
            return Ok(text.as_str().to_string());
        }
        let value = self.str_value(value)?;
        Ok(value
            .as_str_or_subclass()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default())
    }

    /// `str(value)` as Python returns it: `value` itself for an exact
    /// str, what `__str__` returns (a str subclass stays one), else the
    /// builtin text.
    pub fn str_value(&mut self, value: &Value) -> PyResult {
        if value.as_str().is_some() {
            return Ok(value.clone());
        }
        if let Some(text) = self.str_dunder(value)? {
            return Ok(text);
        }
        if let Some(text) = self.repr_container_of(value.builtin_value(), value)? {
            return Ok(Value::str(text));
        }
        if let Some(PyObject::Exception(e)) = value.as_obj() {
            return self.exception_text(e).map(Value::str);
        }
        crate::protocol::str(value).map(Value::str)
    }

    /// `BaseException.__str__`: its one argument's str (a KeyError's
    /// key's repr), the repr of the arguments' tuple, `msg (file, line N)`
    /// for a SyntaxError, `[Errno N] text` for an OSError, `'utf-8' codec
    /// can't decode...` for a UnicodeDecodeError (and its kin).
    pub fn exception_text(
        &mut self,
        e: &crate::builtins::exception::PyException,
    ) -> PyResult<String> {
        if crate::builtins::exception::unicode_error_kind(&e.class).is_some() {
            return Ok(e.str());
        }
        let two_args = match e.args.borrow().as_slice() {
            [first, _] => Some(matches!(first, Value::Int(_))),
            _ => None,
        };
        let kind_with_own_text = |kind| e.class.is_subtype(&crate::typeobject::exc_type(kind));
        // `msg (file, line N)`; `[Errno N] strerror: 'filename'`.
        if two_args.is_some() && kind_with_own_text(ExcType::SyntaxError)
            || two_args == Some(true) && kind_with_own_text(ExcType::OSError)
            || e.args.borrow().len() >= 4 && kind_with_own_text(ExcType::UnicodeError)
        {
            return Ok(e.str());
        }
        let args = e.args.borrow().clone();
        let key_error = e
            .class
            .is_subtype(&crate::typeobject::exc_type(ExcType::KeyError));
        Ok(match args.as_slice() {
            [] => String::new(),
            [arg] if key_error => self.repr(arg)?,
            [arg] => self.str(arg)?,
            _ => self.repr(&Value::tuple(args))?,
        })
    }

    pub fn compare(
        &mut self,
        op: crate::protocol::CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        self.compare_values(op, a, b)
    }

    pub fn binary(&mut self, op: crate::protocol::BinaryOp, a: &Value, b: &Value) -> PyResult {
        match self.binary_dunder(op, false, a, b)? {
            Some(value) => Ok(value),
            None => self.builtin_binary(op, a, b),
        }
    }

    pub fn format(&mut self, value: &Value, spec: &str) -> PyResult<String> {
        match self.format_dunder(value, spec)? {
            Some(text) => Ok(text),
            None => crate::protocol::format(value, spec),
        }
    }

    pub fn hash(&mut self, value: &Value) -> PyResult<i64> {
        self.hash_value(value)
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.equal(a, b)
    }

    /// `setattr(obj, name, value)` (`value` present) or `delattr(obj, name)`.
    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Option<Value>) -> PyResult<()> {
        let key = Value::str(name);
        match value {
            Some(value) => self.store_attribute(obj, &key, value),
            None => self.delete_attribute(obj, &key),
        }
    }

    pub fn dir(&mut self, object: Option<&Value>) -> PyResult {
        // `dir()`: the sorted keys of `locals()`, which `eval` or `exec`
        // may have given as any mapping (its `keys()` asked).
        let Some(object) = object else {
            let locals = self.caller_locals()?;
            let keys = match locals.as_obj() {
                Some(PyObject::Dict(dict)) => Value::list(dict.keys()),
                _ => {
                    let keys = self.get_attr(&locals, "keys")?;
                    self.call(&keys, Args::new(&[]))?
                }
            };
            return crate::protocol::sorted(self, &keys, None, false);
        };
        // A module lists its namespace (or what its own `__dir__` says).
        if crate::builtins::module_object::is_module(object) {
            let dir = self.get_attr(object, "__dir__")?;
            let names = self.call(&dir, Args::new(&[]))?;
            return crate::protocol::sorted(self, &names, None, false);
        }
        // A class statement's own `__dir__` decides (its result sorted).
        if let Some(class) = crate::interpreter::class::user_class_of(object)
            && let Some(dir) = class.lookup("__dir__")
            && matches!(dir.as_obj(), Some(PyObject::Function(_)))
        {
            let names = self.call(&dir, Args::new(std::slice::from_ref(object)))?;
            return crate::protocol::sorted(self, &names, None, false);
        }
        Ok(Value::list(
            self.attribute_names(object)
                .into_iter()
                .map(Value::str)
                .collect(),
        ))
    }

    /// The exception being handled (`sys.exception()`, bare `raise`): the
    /// running frame's, or else — as CPython chains generators' exception
    /// states — what the code that resumed a generator was handling.
    pub fn handled_exception(&self) -> Value {
        let handling = |v: &Value| !(v.is_none() || matches!(v, Value::Null));
        if handling(&self.handled) {
            return self.handled.clone();
        }
        self.frames
            .iter()
            .rev()
            .filter(|frame| frame.generator.is_some())
            .map(|frame| &frame.caller_handled)
            .find(|caller| handling(caller))
            .cloned()
            .unwrap_or(Value::None)
    }

    pub fn recursion_limit(&mut self) -> usize {
        self.recursion_limit
    }

    pub fn set_recursion_limit(&mut self, limit: usize) {
        self.recursion_limit = limit;
    }

    pub fn iter_object(&mut self, value: &Value) -> PyResult {
        self.iter_dunder(value)
    }

    pub fn contains_object(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        self.contains_dunder(container, item)
    }

    pub fn generator_send(&mut self, generator: &Value, value: Value) -> PyResult {
        self.send_to_generator(generator, value)
    }

    pub fn generator_throw(
        &mut self,
        generator: &Value,
        exc: Value,
        arg: Option<Value>,
    ) -> PyResult {
        self.throw_into_generator(generator, exc, arg)
    }

    pub fn generator_close(&mut self, generator: &Value) -> PyResult {
        self.close_generator(generator)
    }
}

/// `frames.push(frame)`, writing the fields one by one into the new slot.
///
/// Why: a `Frame` is built field by field in the caller; `Vec::push` then
/// copies it with 16-byte loads that straddle those narrower stores, which
/// defeats the CPU's store forwarding (measured: 16% of a loop of calls).
/// Destructured and inlined, the fields go straight from registers into the
/// frame stack.
#[inline(always)]
pub(crate) fn write_frame(frames: &mut Vec<Frame>, frame: Frame) {
    // Exhaustive: a new field of `Frame` fails to compile here until written.
    let Frame {
        code,
        pc,
        base,
        call_base,
        globals,
        locals,
        entry,
        generator,
        init_instance,
        resumed_in_place,
        caller_handled,
        draining,
    } = frame;
    frames.reserve(1);
    let len = frames.len();
    // SAFETY: `reserve` made room for one more frame at index `len`; every
    // field of that slot is written before the length covers it, so the new
    // frame is fully initialised when it becomes visible.
    unsafe {
        let slot = frames.as_mut_ptr().add(len);
        std::ptr::addr_of_mut!((*slot).code).write(code);
        std::ptr::addr_of_mut!((*slot).pc).write(pc);
        std::ptr::addr_of_mut!((*slot).base).write(base);
        std::ptr::addr_of_mut!((*slot).call_base).write(call_base);
        std::ptr::addr_of_mut!((*slot).globals).write(globals);
        std::ptr::addr_of_mut!((*slot).locals).write(locals);
        std::ptr::addr_of_mut!((*slot).entry).write(entry);
        std::ptr::addr_of_mut!((*slot).generator).write(generator);
        std::ptr::addr_of_mut!((*slot).init_instance).write(init_instance);
        std::ptr::addr_of_mut!((*slot).resumed_in_place).write(resumed_in_place);
        std::ptr::addr_of_mut!((*slot).caller_handled).write(caller_handled);
        std::ptr::addr_of_mut!((*slot).draining).write(draining);
        frames.set_len(len + 1);
    }
}

/// How many arguments a builtin call moves to [`SmallArgs`] rather than to
/// the VM's argument vector.
const SMALL_ARGS: usize = 4;

/// A few values moved off the value stack into a buffer on the native
/// stack: the arguments of a builtin call, which cannot borrow them on the
/// value stack while it gets the VM mutably.
pub(crate) struct SmallArgs {
    items: [std::mem::MaybeUninit<Value>; SMALL_ARGS],
    len: usize,
}

impl SmallArgs {
    /// An empty buffer, to [`SmallArgs::take_tail`] into where it lies.
    #[inline(always)]
    pub(crate) fn new() -> SmallArgs {
        SmallArgs {
            items: [const { std::mem::MaybeUninit::uninit() }; SMALL_ARGS],
            len: 0,
        }
    }

    /// Moves `stack[start..]` into this empty buffer, if it holds at most
    /// [`SMALL_ARGS`] values (false, the stack untouched, otherwise).
    /// Filled in place rather than returned: moving the buffer copied all
    /// its slots with 16-byte loads, the unused ones included, and those
    /// stalled on older narrower stores to the same stack memory (a
    /// fifth of `call_method_in_place`'s samples).
    #[inline(always)]
    pub(crate) fn take_tail(&mut self, stack: &mut Vec<Value>, start: usize) -> bool {
        debug_assert_eq!(self.len, 0);
        let Some(count) = stack.len().checked_sub(start) else {
            return false;
        };
        if count > SMALL_ARGS {
            return false;
        }
        // SAFETY: `count` values from `start` are initialised and the
        // buffer has room for them; they are moved bit for bit and the
        // stack's length is cut to `start`, so each is owned once.
        unsafe {
            copy_values(
                stack.as_ptr().add(start),
                self.items.as_mut_ptr().cast::<Value>(),
                count,
            );
            stack.set_len(start);
        }
        self.len = count;
        true
    }

    #[inline]
    pub(crate) fn as_slice(&self) -> &[Value] {
        // SAFETY: the first `len` items were initialised by `take_tail`.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr().cast::<Value>(), self.len) }
    }
}

impl Drop for SmallArgs {
    fn drop(&mut self) {
        // SAFETY: the first `len` items are initialised and owned here.
        unsafe {
            std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(
                self.items.as_mut_ptr().cast::<Value>(),
                self.len,
            ));
        }
    }
}

/// Moves `from[start..]` to the end of the empty `to` (what `split_off`
/// does, into a buffer that already has room instead of a new one).
pub(crate) fn move_tail(from: &mut Vec<Value>, start: usize, to: &mut Vec<Value>) {
    let start = start.min(from.len());
    let count = from.len() - start;
    to.clear();
    to.reserve(count);
    // SAFETY: `to` has room for `count` values and is empty; the values are
    // moved bit for bit and both lengths are set so that each value is owned
    // by exactly one vector afterwards (nothing is dropped twice or leaked).
    unsafe {
        copy_values(from.as_ptr().add(start), to.as_mut_ptr(), count);
        to.set_len(count);
        from.set_len(start);
    }
}

/// Moves all of `from` to the end of `to` (`Vec::append`, with the copy
/// of a few values done inline).
pub(crate) fn move_all(from: &mut Vec<Value>, to: &mut Vec<Value>) {
    let count = from.len();
    let len = to.len();
    to.reserve(count);
    // SAFETY: as in `move_tail`: room for `count` more values in `to`, each
    // value moved once and owned by `to` alone afterwards.
    unsafe {
        copy_values(from.as_ptr(), to.as_mut_ptr().add(len), count);
        from.set_len(0);
        to.set_len(len + count);
    }
}

/// `copy_nonoverlapping` of values; a generator frame's few slots are
/// copied one by one rather than through a `memcpy` call.
///
/// # Safety
/// As for `std::ptr::copy_nonoverlapping`.
#[inline(always)]
unsafe fn copy_values(src: *const Value, dst: *mut Value, count: usize) {
    // SAFETY: the caller's guarantee, element by element.
    unsafe {
        if count <= 6 {
            for i in 0..count {
                dst.add(i).write(src.add(i).read());
            }
        } else {
            std::ptr::copy_nonoverlapping(src, dst, count);
        }
    }
}

thread_local! {
    /// How many dispatch loops run on this thread now, over every VM.
    static RUNNING_LOOPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts a dispatch loop entered (`true`) or left (`false`).
#[inline]
pub(crate) fn count_running_loop(entered: bool) {
    let _ = RUNNING_LOOPS.try_with(|running| {
        let count = running.get();
        running.set(if entered {
            count + 1
        } else {
            count.saturating_sub(1)
        });
    });
}

/// Whether no VM of this thread is running Python code: then no native
/// code holds a reference into a function's code or an instance's class
/// that an assignment may have replaced (see `function::retire`).
pub(crate) fn no_loop_running() -> bool {
    RUNNING_LOOPS
        .try_with(|running| running.get() == 0)
        .unwrap_or(false)
}

/// A RecursionError where the thread's stack is nearly used up (see
/// [`stack_exhausted`]): the check of the native paths that may recurse
/// without a Python frame (`Foo.__repr__ = Foo.__str__`, an instance
/// whose class's `__call__` is itself).
#[inline]
pub(crate) fn check_native_stack() -> PyResult<()> {
    if stack_exhausted() {
        return Err(PyErr::new(
            ExcType::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    Ok(())
}

/// Stack a native re-entry must leave free: more than one level of native
/// recursion (the dispatch loop's frame and a dunder's call chain, several
/// times larger in an unoptimised build) needs.
const STACK_RESERVE: usize = 256 * 1024;

/// Whether the thread's stack is nearly used up: the places where native
/// code recurses (a dunder or callback re-entering the dispatch loop,
/// `repr` and comparisons of nested containers) then raise RecursionError,
/// whatever the thread's stack size (an embedding program's threads are
/// often 2 MiB). False where the stack's bounds are unknown.
pub fn stack_exhausted() -> bool {
    stacker::remaining_stack().is_some_and(|left| left < STACK_RESERVE)
}
