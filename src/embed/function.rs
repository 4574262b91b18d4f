//! Rust functions callable from Python ([`HostFunction`], [`HostCall`]),
//! their errors ([`HostError`]) and modules of them ([`HostModule`]).
//!
//! A host function is a value of a native type whose `__call__` runs the
//! Rust closure it carries; the VM calls it as it calls any object with a
//! `__call__`, so nothing in the VM knows about embedding.

use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type};
use krait_vm::typeobject::{ExcType, TypeObject, exc_type_by_name};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use super::convert::{FromPython, IntoPython};
use super::{IntoArgs, PyValue};

/// The Rust side of a host function: Python arguments in, a Python value
/// or exception out.
pub(crate) type Callable = Rc<dyn Fn(&mut Vm, Args) -> PyResult>;

/// An error a host function gives Python: raised as an exception of the
/// type `type_name` names — a builtin exception (`ValueError`,
/// `KeyError`...) or an exception class of `__main__` — with `message`.
/// A name that is neither raises `RuntimeError` with both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    pub type_name: String,
    pub message: String,
}

impl HostError {
    /// An error raised as `type_name(message)`.
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> HostError {
        HostError {
            type_name: type_name.into(),
            message: message.into(),
        }
    }

    /// `ValueError(message)`.
    pub fn value_error(message: impl Into<String>) -> HostError {
        HostError::new("ValueError", message)
    }

    /// `TypeError(message)`.
    pub fn type_error(message: impl Into<String>) -> HostError {
        HostError::new("TypeError", message)
    }

    /// `RuntimeError(message)`.
    pub fn runtime_error(message: impl Into<String>) -> HostError {
        HostError::new("RuntimeError", message)
    }

    /// The Python exception: the class is found among the builtins, then
    /// among `__main__`'s globals.
    pub(crate) fn into_exception(self, vm: &mut Vm) -> PyErr {
        if let Some(kind) = exc_type_by_name(&self.type_name) {
            return PyErr::new(kind, self.message);
        }
        let class = vm
            .globals()
            .as_dict()
            .and_then(|globals| globals.get_item(&Value::str(self.type_name.as_str())).ok())
            .flatten();
        if let Some(Value::Obj(object)) = &class
            && let PyObject::Type(class) = &**object
            && class.is_subtype(&krait_vm::typeobject::exc_type(ExcType::BaseException))
        {
            return PyErr::with_args(class.clone(), vec![Value::str(self.message)]);
        }
        PyErr::runtime_error(format!("{}: {}", self.type_name, self.message))
    }
}

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.type_name, self.message)
    }
}

impl std::error::Error for HostError {}

/// What a host function may return: a value that converts
/// ([`IntoPython`]), or a `Result` of one whose error is a [`HostError`].
pub trait HostReturn {
    /// The Python value, or the error to raise.
    fn into_return(self) -> Result<Value, HostError>;
}

impl<T: IntoPython> HostReturn for T {
    fn into_return(self) -> Result<Value, HostError> {
        self.into_python().map_err(|err| HostError {
            type_name: err.class().name.to_string(),
            message: err.message(),
        })
    }
}

impl<T: IntoPython> HostReturn for Result<T, HostError> {
    fn into_return(self) -> Result<Value, HostError> {
        self.and_then(HostReturn::into_return)
    }
}

/// A Rust closure that Python can call: `Fn(A, B, ...) -> R` for up to six
/// arguments that convert from Python ([`FromPython`]) and a
/// [`HostReturn`]. The arguments are positional; a wrong count or type is
/// a `TypeError` in CPython's words (`f() takes exactly 2 arguments (1
/// given)`, `f() argument 1: expected int, got str`). For keyword
/// arguments or a variable count, take a [`HostCall`].
pub trait HostFunction<Marker>: 'static {
    /// The closure as the interpreter calls it.
    fn into_callable(self, name: &str) -> Callable;
}

/// Argument `index` of a call to `name`, converted; a conversion error
/// names the argument.
fn argument<T: FromPython>(name: &str, positional: &[Value], index: usize) -> PyResult<T> {
    T::from_python(&positional[index]).map_err(|err| {
        PyErr::with_args(
            err.class().clone(),
            vec![Value::str(format!(
                "{name}() argument {}: {}",
                index + 1,
                err.message()
            ))],
        )
    })
}

/// A host function's result as what the call gives Python.
fn finish(vm: &mut Vm, result: impl HostReturn) -> PyResult {
    result.into_return().map_err(|err| err.into_exception(vm))
}

macro_rules! host_function {
    ($count:expr; $($arg:ident $index:tt),*) => {
        impl<Func, R, $($arg),*> HostFunction<(R, $($arg,)*)> for Func
        where
            Func: Fn($($arg),*) -> R + 'static,
            R: HostReturn,
            $($arg: FromPython,)*
        {
            #[allow(unused_variables)]
            fn into_callable(self, name: &str) -> Callable {
                let name = name.to_string();
                Rc::new(move |vm: &mut Vm, args: Args| {
                    args.check(&name, $count, $count)?;
                    let result = (self)($(argument::<$arg>(&name, args.pos, $index)?),*);
                    finish(vm, result)
                })
            }
        }
    };
}

host_function!(0;);
host_function!(1; A 0);
host_function!(2; A 0, B 1);
host_function!(3; A 0, B 1, C 2);
host_function!(4; A 0, B 1, C 2, D 3);
host_function!(5; A 0, B 1, C 2, D 3, E 4);
host_function!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// The arguments of a call to a host function that takes them as they
/// come: any number of positional ones, and keyword ones by name.
///
/// ```
/// use krait::embed::{HostCall, HostError, Interpreter};
///
/// let mut python = Interpreter::new();
/// python
///     .register_function("greet", |call: HostCall| -> Result<String, HostError> {
///         call.expect_keywords(&["punctuation"])?;
///         let name: String = call.arg(0)?;
///         let mark: String = call.keyword("punctuation")?.unwrap_or_else(|| "!".into());
///         Ok(format!("hello {name}{mark}"))
///     })
///     .unwrap();
/// assert_eq!(python.eval::<String>("greet('ada')").unwrap(), "hello ada!");
/// assert_eq!(python.eval::<String>("greet('bob', punctuation='?')").unwrap(), "hello bob?");
/// ```
pub struct HostCall {
    name: String,
    positional: Vec<Value>,
    keywords: Vec<(String, Value)>,
}

impl HostCall {
    /// The call of `name` a paused run made.
    pub(crate) fn new(
        name: String,
        positional: Vec<Value>,
        keywords: Vec<(String, Value)>,
    ) -> HostCall {
        HostCall {
            name,
            positional,
            keywords,
        }
    }

    /// The name of the function called.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many positional arguments were given.
    pub fn len(&self) -> usize {
        self.positional.len()
    }

    /// Whether no positional argument was given.
    pub fn is_empty(&self) -> bool {
        self.positional.is_empty()
    }

    /// Positional argument `index`, converted: a `TypeError` when it is
    /// missing or does not convert.
    pub fn arg<T: FromPython>(&self, index: usize) -> Result<T, HostError> {
        match self.positional.get(index) {
            Some(value) => T::from_python(value).map_err(|err| {
                HostError::new(
                    err.class().name.to_string(),
                    format!("{}() argument {}: {}", self.name, index + 1, err.message()),
                )
            }),
            None => Err(HostError::type_error(format!(
                "{}() missing required argument {}",
                self.name,
                index + 1
            ))),
        }
    }

    /// Keyword argument `name`, converted; `None` when it was not given.
    pub fn keyword<T: FromPython>(&self, name: &str) -> Result<Option<T>, HostError> {
        match self.keywords.iter().find(|(k, _)| k == name) {
            Some((_, value)) => T::from_python(value).map(Some).map_err(|err| {
                HostError::new(
                    err.class().name.to_string(),
                    format!("{}() argument '{name}': {}", self.name, err.message()),
                )
            }),
            None => Ok(None),
        }
    }

    /// The positional arguments, unconverted.
    pub fn args(&self) -> Vec<PyValue> {
        self.positional.iter().cloned().map(PyValue).collect()
    }

    /// The keyword arguments' names, in the order given.
    pub fn keyword_names(&self) -> Vec<&str> {
        self.keywords.iter().map(|(k, _)| k.as_str()).collect()
    }

    /// A `TypeError` in CPython's words when a keyword outside `allowed`
    /// was given (`f() got an unexpected keyword argument 'x'`).
    pub fn expect_keywords(&self, allowed: &[&str]) -> Result<(), HostError> {
        match self
            .keywords
            .iter()
            .find(|(k, _)| !allowed.contains(&k.as_str()))
        {
            Some((k, _)) => Err(HostError::type_error(format!(
                "{}() got an unexpected keyword argument '{k}'",
                self.name
            ))),
            None => Ok(()),
        }
    }
}

/// The marker of closures that take a [`HostCall`].
pub struct TakesHostCall;

impl<F, R> HostFunction<(TakesHostCall, R)> for F
where
    F: Fn(HostCall) -> R + 'static,
    R: HostReturn,
{
    fn into_callable(self, name: &str) -> Callable {
        let name = name.to_string();
        Rc::new(move |vm: &mut Vm, args: Args| finish(vm, (self)(HostCall::of_args(&name, &args))))
    }
}

impl HostCall {
    fn of_args(name: &str, args: &Args) -> HostCall {
        HostCall {
            name: name.to_string(),
            positional: args.pos.to_vec(),
            keywords: args
                .kw
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }
}

/// The marker of host functions that take a [`HostCall`] and a
/// [`HostContext`].
pub struct TakesHostContext;

impl<F, R> HostFunction<(TakesHostContext, R)> for F
where
    F: Fn(HostCall, &mut HostContext<'_>) -> R + 'static,
    R: HostReturn,
{
    fn into_callable(self, name: &str) -> Callable {
        let name = name.to_string();
        Rc::new(move |vm: &mut Vm, args: Args| {
            let mut context = HostContext { vm, raised: None };
            let result = (self)(HostCall::of_args(&name, &args), &mut context).into_return();
            let HostContext { vm, raised } = context;
            match (result, raised) {
                (Ok(value), _) => Ok(value),
                // The error a call back raised, passed on: the exception
                // itself goes on (its traceback, its identity).
                (Err(error), Some((raised_error, exception))) if error == raised_error => {
                    Err(exception)
                }
                (Err(error), _) => Err(error.into_exception(vm)),
            }
        })
    }
}

/// What a host function can do with the interpreter while it runs: call
/// Python values back (a callback the script passed, a method of an
/// object). A host function takes one as its second parameter, after a
/// [`HostCall`]. An exception a call back raises is a [`HostError`]
/// here; returned as it is, it goes on in Python as the same exception.
/// Limits hold inside calls back as in the rest of the run.
///
/// ```
/// use krait::embed::{HostCall, HostContext, HostError, Interpreter, PyValue};
///
/// let mut python = Interpreter::new();
/// python
///     .register_function(
///         "apply_twice",
///         |call: HostCall, python: &mut HostContext| -> Result<i64, HostError> {
///             let function: PyValue = call.arg(0)?;
///             let once: i64 = python.call(&function, (call.arg::<i64>(1)?,))?;
///             python.call(&function, (once,))
///         },
///     )
///     .unwrap();
/// assert_eq!(python.eval::<i64>("apply_twice(lambda n: n * 3, 2)").unwrap(), 18);
/// // The callback's exception reaches the script as itself.
/// python
///     .exec("def fail(n):\n    raise KeyError(n)\ntry:\n    apply_twice(fail, 1)\nexcept KeyError as e:\n    caught = repr(e)")
///     .unwrap();
/// assert_eq!(python.get::<String>("caught").unwrap(), "KeyError(1)");
/// ```
pub struct HostContext<'a> {
    vm: &'a mut Vm,
    /// The last exception a call back raised, with the error it was
    /// given to the host as.
    raised: Option<(HostError, PyErr)>,
}

impl HostContext<'_> {
    /// Calls `callable` with positional `args`; its result converted.
    pub fn call<T: FromPython>(
        &mut self,
        callable: &PyValue,
        args: impl IntoArgs,
    ) -> Result<T, HostError> {
        self.call_with_keywords(callable, args, Vec::<(&str, PyValue)>::new())
    }

    /// Calls `callable` with positional `args` and keyword arguments.
    pub fn call_with_keywords<T: FromPython, K: IntoPython>(
        &mut self,
        callable: &PyValue,
        args: impl IntoArgs,
        keywords: Vec<(&str, K)>,
    ) -> Result<T, HostError> {
        let result = super::call_arguments(args, keywords).and_then(|(positional, keywords)| {
            let value = self
                .vm
                .call_object(&callable.0, Args::with_kw(&positional, &keywords))?;
            T::from_python(&value)
        });
        result.map_err(|exception| {
            let error = HostError {
                type_name: exception.class().name.to_string(),
                message: exception.message(),
            };
            self.raised = Some((error.clone(), exception));
            error
        })
    }
}

/// A host function as the Python value: its name and its closure, or
/// `None` for a function the host answers itself by pausing the run
/// ([`Interpreter::register_external`](super::Interpreter::register_external)).
struct HostFunctionData {
    name: String,
    callable: Option<Callable>,
}

impl NativeData for HostFunctionData {
    /// A closure holds Rust values only (a `PyValue` it captured is kept
    /// alive by it, as a C extension's static reference is).
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

fn call_host_function(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(data) = receiver.native::<HostFunctionData>() else {
        return Err(PyErr::type_error("not a host function"));
    };
    // The closure may run while Python code drops the function.
    match data.callable.clone() {
        Some(callable) => callable(vm, args),
        None => {
            let keywords = args
                .kw
                .iter()
                .map(|(name, value)| (name.to_string(), value.clone()))
                .collect();
            Err(vm.pause_for_call(receiver, &data.name, args.pos.to_vec(), keywords))
        }
    }
}

fn repr_host_function(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let name = receiver
        .native::<HostFunctionData>()
        .map_or("?", |data| data.name.as_str());
    Ok(Value::str(format!("<built-in function {name}>")))
}

static HOST_FUNCTION_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__call__",
        params: Params::Any,
        func: call_host_function,
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: repr_host_function,
    },
];

thread_local! {
    /// `type(f)` of every host function: CPython's name for functions
    /// written in C.
    static HOST_FUNCTION_TYPE: Rc<TypeObject> =
        native_type("builtin_function_or_method", HOST_FUNCTION_METHODS);
}

/// The name of a host function (one registered or external), for a
/// snapshot; `None` for any other host object.
pub(crate) fn host_function_name(object: &krait_vm::native::NativeObject) -> Option<String> {
    let data: &dyn std::any::Any = &*object.data;
    data.downcast_ref::<HostFunctionData>()
        .map(|host| host.name.clone())
}

/// Whether `value` is a host function named `name`.
pub(crate) fn is_host_function_named(value: &Value, name: &str) -> bool {
    value
        .native::<HostFunctionData>()
        .is_some_and(|host| host.name == name)
}

/// The Python value of a host function (`None`: one that pauses the run).
pub(crate) fn host_function_value(name: &str, callable: Option<Callable>) -> Value {
    NativeObject::new_value(
        HOST_FUNCTION_TYPE.with(Rc::clone),
        HostFunctionData {
            name: name.to_string(),
            callable,
        },
    )
}

/// A module of host functions and values, importable from Python once
/// registered ([`Interpreter::register_module`](super::Interpreter::register_module)).
///
/// ```
/// use krait::embed::{HostModule, Interpreter};
///
/// let mut python = Interpreter::new();
/// let rules = HostModule::new("rules")
///     .value("LIMIT", 10)
///     .function("over", |x: i64| x > 10);
/// python.register_module(rules).unwrap();
/// python.exec("import rules\nflags = [rules.over(n) for n in (5, rules.LIMIT, 11)]").unwrap();
/// assert_eq!(python.get::<Vec<bool>>("flags").unwrap(), [false, false, true]);
/// ```
pub struct HostModule {
    name: String,
    attributes: Vec<(String, Result<Value, PyErr>)>,
}

impl HostModule {
    /// An empty module named `name`.
    pub fn new(name: impl Into<String>) -> HostModule {
        HostModule {
            name: name.into(),
            attributes: Vec::new(),
        }
    }

    /// Adds the function `name`.
    pub fn function<M>(mut self, name: &str, function: impl HostFunction<M>) -> HostModule {
        let qualified = name.to_string();
        let value = host_function_value(&qualified, Some(function.into_callable(&qualified)));
        self.attributes.push((qualified, Ok(value)));
        self
    }

    /// Adds the attribute `name` with a value that converts.
    pub fn value(mut self, name: &str, value: impl IntoPython) -> HostModule {
        self.attributes
            .push((name.to_string(), value.into_python()));
        self
    }

    /// The module's name and its module object; the first attribute that
    /// failed to convert, as the error.
    pub(crate) fn into_module(self) -> Result<(String, Value), PyErr> {
        let module = krait_vm::builtins::module_object::new_module(&self.name);
        let namespace = krait_vm::builtins::module_object::namespace(&module);
        let Some(dict) = namespace.as_dict_or_subclass() else {
            return Err(PyErr::runtime_error("a module without a namespace"));
        };
        for (name, value) in self.attributes {
            dict.set_item(Value::str(name), value?)?;
        }
        Ok((self.name, module))
    }
}
