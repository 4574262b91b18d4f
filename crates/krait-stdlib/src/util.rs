//! Small pieces the native modules share: method tables, type values,
//! the `__next__` of iterator types.

use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, NativeMethod, Params};
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

/// A method table entry.
pub const fn method(name: &'static str, params: Params, func: NativeMethod) -> MethodDef {
    MethodDef { name, params, func }
}

/// A module-level native function as a value.
pub fn function(name: &'static str, func: krait_vm::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(
        krait_vm::builtins::function::PyBuiltinFunction { name, func },
    ))
}

/// A type as a value (a module attribute).
pub fn type_value(class: Rc<TypeObject>) -> Value {
    krait_vm::builtins::constructors::type_value(&class)
}

/// `it.__next__()` of a native iterator type: its [`NativeData::next`],
/// StopIteration at the end.
///
/// [`NativeData::next`]: krait_vm::native::NativeData::next
pub fn iter_next(vm: &mut Vm, receiver: &Value, _: krait_vm::Args) -> PyResult {
    let step = match receiver.builtin_value().as_obj() {
        Some(PyObject::Native(native)) => native.data.next(vm),
        _ => None,
    };
    match step {
        Some(Ok(Some(value))) => Ok(value),
        Some(Ok(None)) => Err(krait_vm::interpreter::generator::stop_iteration(
            Value::None,
        )),
        Some(Err(err)) => Err(err),
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            receiver.type_name()
        ))),
    }
}

/// `it.__iter__()` of an iterator: itself.
pub fn iter_self(_: &mut Vm, receiver: &Value, _: krait_vm::Args) -> PyResult {
    Ok(receiver.clone())
}

/// `T[item]` of a generic native type (`deque[int]`).
pub fn class_getitem(_: &mut Vm, receiver: &Value, args: krait_vm::Args) -> PyResult {
    Ok(krait_vm::builtins::generic_alias::generic_alias(
        receiver.clone(),
        &args.pos[0],
    ))
}

/// The `n` of `seq * n`, with CPython's message for a non-int.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<i64> {
    if !may_be_index(n) {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_name()
        )));
    }
    krait_vm::sequence::index_arg(vm, n, "n")
}

/// Whether `value` can be an index: an int, or an instance whose
/// `__index__` `index_arg` will call.
pub fn may_be_index(value: &Value) -> bool {
    value.is_int() || matches!(value.as_obj(), Some(PyObject::Instance(_)))
}

/// `__hash__` of a mutable type: CPython's `__hash__ = None`.
pub fn unhashable(_: &mut Vm, receiver: &Value, _: krait_vm::Args) -> PyResult {
    let class = krait_vm::typeobject::class_of(receiver);
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        class.qualified_name()
    )))
}

/// Checks the arguments of a function of positional arguments only, with
/// CPython's `_PyArg_CheckPositional` wording (`pow expected 2 arguments,
/// got 1`); `qualified` names it in the no-keywords message
/// (`math.pow() takes no keyword arguments`).
pub fn check_positional(
    args: &Args,
    qualified: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualified}() takes no keyword arguments"
        )));
    }
    let n = args.pos.len();
    let (bound, which) = if n < min {
        (min, if min == max { "" } else { "at least " })
    } else if n > max {
        (max, if min == max { "" } else { "at most " })
    } else {
        return Ok(());
    };
    let plural = if bound == 1 { "" } else { "s" };
    Err(PyErr::type_error(format!(
        "{name} expected {which}{bound} argument{plural}, got {n}"
    )))
}
