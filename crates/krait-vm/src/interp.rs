//! The callback boundary between the object layer and the interpreter.
//!
//! Builtins that run Python code (`sorted(key=...)`, `map`, `filter`, ...)
//! receive a `&mut dyn Interp`; the dispatch loop implements it. Unit tests
//! use [`NoInterp`], which can call builtin functions but nothing else.

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::object::PyObject;
use crate::value::Value;

/// Positional and keyword arguments of a call. Cheap to copy.
#[derive(Clone, Copy, Default)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(&'a str, Value)],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }

    pub fn with_kw(pos: &'a [Value], kw: &'a [(&'a str, Value)]) -> Args<'a> {
        Args { pos, kw }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// Check the positional count and that no keyword is given
    /// (`name() takes at most 2 arguments (3 given)`).
    pub fn check(&self, name: &str, min: usize, max: usize) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{name}() takes no keyword arguments"
            )));
        }
        self.check_pos(name, min, max)
    }

    /// Check the positional count only.
    pub fn check_pos(&self, name: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                if max == 1 { "" } else { "s" }
            )
        };
        Err(PyErr::type_error(msg))
    }

    /// Reject keywords other than `allowed`.
    pub fn check_kw(&self, name: &str, allowed: &[&str]) -> PyResult<()> {
        for (k, _) in self.kw {
            if !allowed.contains(k) {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        Ok(())
    }

    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Positional argument `i`, or keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos.get(i).or_else(|| self.kwarg(name))
    }
}

/// What the object layer needs from the interpreter.
pub trait Interp {
    /// Call a callable the object layer cannot call itself (Python
    /// functions, classes, bound methods, instances with `__call__`).
    fn call_object(&mut self, callable: &Value, args: Args) -> PyResult {
        let _ = args;
        Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            callable.type_name()
        )))
    }

    /// Advance an iterator the object layer does not know (generators,
    /// instances with `__next__`). `Ok(None)` means exhausted.
    fn next_object(&mut self, iterator: &Value) -> PyResult<Option<Value>> {
        Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            iterator.type_name()
        )))
    }

    /// `repr(v)`; the interpreter dispatches `__repr__` of user classes.
    fn repr(&mut self, v: &Value) -> PyResult<String> {
        crate::protocol::repr(v)
    }

    /// `str(v)`; the interpreter dispatches `__str__` of user classes.
    fn str(&mut self, v: &Value) -> PyResult<String> {
        crate::protocol::str(v)
    }

    /// `a op b` as a truth value; the interpreter dispatches `__lt__` and
    /// friends of instances (also inside tuples and lists).
    fn compare(&mut self, op: crate::protocol::CompareOp, a: &Value, b: &Value) -> PyResult<bool> {
        crate::protocol::compare_bool(op, a, b)
    }

    /// `a op b`; the interpreter dispatches `__add__`/`__radd__`... of instances.
    fn binary(&mut self, op: crate::protocol::BinaryOp, a: &Value, b: &Value) -> PyResult {
        crate::protocol::binary_op(op, a, b)
    }

    /// `format(v, spec)`; the interpreter dispatches `__format__` of instances.
    fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        crate::protocol::format(v, spec)
    }

    /// `hash(v)`; the interpreter dispatches `__hash__` of instances.
    fn hash(&mut self, v: &Value) -> PyResult<i64> {
        crate::protocol::hash(v)
    }

    /// `a == b`; the interpreter dispatches `__eq__` of instances.
    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        crate::protocol::eq(a, b)
    }

    /// `getattr(obj, name)`; the interpreter knows instances and classes.
    fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult {
        crate::protocol::get_attribute(obj, name)
    }

    /// `gen.send(value)` (and `next(gen)` with `None`): the value yielded,
    /// or StopIteration carrying the return value.
    fn generator_send(&mut self, generator: &Value, value: Value) -> PyResult {
        let _ = value;
        Err(no_generators(generator))
    }

    /// `gen.throw(exc)`: raises `exc` where the generator is suspended.
    fn generator_throw(&mut self, generator: &Value, exc: Value, arg: Option<Value>) -> PyResult {
        let _ = (exc, arg);
        Err(no_generators(generator))
    }

    /// `gen.close()`.
    fn generator_close(&mut self, generator: &Value) -> PyResult {
        Err(no_generators(generator))
    }

    /// `iter(v)` for objects the object layer does not know (instances of
    /// user classes with `__iter__` or `__getitem__`).
    fn iter_object(&mut self, v: &Value) -> PyResult {
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            v.type_name()
        )))
    }

    /// `x in container` for containers the object layer does not know.
    fn contains_object(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        let _ = x;
        Err(PyErr::type_error(format!(
            "argument of type '{}' is not iterable",
            container.type_name()
        )))
    }

    /// `__build_class__(body, name, *bases)`: the `class` statement.
    fn build_class(&mut self, args: Args) -> PyResult {
        let _ = args;
        Err(PyErr::type_error("class statements need an interpreter"))
    }

    /// `setattr(obj, name, value)` (`value` present) or `delattr(obj,
    /// name)`; `Ok(false)` leaves it to the object layer's own version.
    fn set_attr(&mut self, obj: &Value, name: &str, value: Option<Value>) -> PyResult<bool> {
        let _ = (obj, name, value);
        Ok(false)
    }

    /// `dir(obj)`, or `dir()` for the names of the running scope.
    fn dir(&mut self, object: Option<&Value>) -> PyResult {
        let _ = object;
        Err(PyErr::type_error("dir() needs an interpreter"))
    }

    /// `sys.getrecursionlimit()`.
    fn recursion_limit(&mut self) -> usize {
        1000
    }

    /// `sys.setrecursionlimit(n)`.
    fn set_recursion_limit(&mut self, limit: usize) {
        let _ = limit;
    }

    /// Writes text to the program's standard output (`print`). Hosts that
    /// embed krait capture it here.
    fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        use std::io::Write;
        std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| PyErr::new(crate::typeobject::ExcType::OSError, e.to_string()))
    }

    /// Writes text to the program's standard error (`sys.stderr.write`).
    fn write_stderr(&mut self, text: &str) -> PyResult<()> {
        use std::io::Write;
        std::io::stderr()
            .write_all(text.as_bytes())
            .map_err(|e| PyErr::new(crate::typeobject::ExcType::OSError, e.to_string()))
    }

    /// Reads one line from standard input for `input()`, without its
    /// newline; `None` at end of input (EOFError).
    fn read_line(&mut self) -> PyResult<Option<String>> {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Ok(Some(line))
            }
            Err(e) => Err(PyErr::new(
                crate::typeobject::ExcType::OSError,
                e.to_string(),
            )),
        }
    }
}

fn no_generators(generator: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be resumed without an interpreter",
        generator.type_name()
    ))
}

/// An interpreter that knows only builtins: for tests and for hosts that
/// use the object layer alone.
pub struct NoInterp;

impl Interp for NoInterp {}

/// Call any callable: builtins directly, everything else through `vm`.
pub fn call(vm: &mut dyn Interp, callable: &Value, args: Args) -> PyResult {
    if let Value::Obj(o) = callable {
        match &**o {
            PyObject::BuiltinFunction(f) => return (f.func)(vm, args),
            PyObject::MethodDescriptor(m) => {
                return match &m.bound {
                    Some(recv) => (m.def.func)(vm, recv, args),
                    None => match args.pos.split_first() {
                        Some((recv, rest)) => (m.def.func)(
                            vm,
                            recv,
                            Args {
                                pos: rest,
                                kw: args.kw,
                            },
                        ),
                        None => Err(PyErr::type_error(format!(
                            "unbound method {}() needs an argument",
                            m.def.name
                        ))),
                    },
                };
            }
            _ => {}
        }
    }
    vm.call_object(callable, args)
}
