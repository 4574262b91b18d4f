//! `_functools`: `reduce` in Rust, so folding calls its function from a
//! native loop (`lib/functools.py` takes it in place of its own, as
//! CPython's `functools.py` takes `_functools`'s).

use krait_vm::builtins::function::PyBuiltinFunction;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm, protocol};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![(
        "reduce",
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: "reduce",
            func: reduce,
        })),
    )])
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("reduce() takes no keyword arguments"));
    }
    let n = args.pos.len();
    if !(2..=3).contains(&n) {
        let bound = if n < 2 { "least 2" } else { "most 3" };
        return Err(PyErr::type_error(format!(
            "reduce expected at {bound} arguments, got {n}"
        )));
    }
    let function = &args.pos[0];
    let iterator = vm.iterate(&args.pos[1]).map_err(|err| {
        if err.matches(krait_vm::typeobject::ExcType::TypeError) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            err
        }
    })?;
    let mut value = match args.pos.get(2) {
        Some(initial) => initial.clone(),
        None => protocol::next(vm, &iterator)?
            .ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))?,
    };
    while let Some(element) = protocol::next(vm, &iterator)? {
        value = vm.call(function, Args::new(&[value, element]))?;
    }
    Ok(value)
}
