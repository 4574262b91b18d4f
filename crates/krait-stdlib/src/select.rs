//! `select`: waiting for descriptors to be ready (`select.select`), what
//! `subprocess` needs to feed and drain a child's pipes at once. The wait
//! goes through the VM's host ([`Vm::wait_ready`]), in slices that let
//! Ctrl-C and the limits through. `poll`/`epoll` objects are not
//! provided.

use krait_vm::builtins::function::PyBuiltinFunction;
use krait_vm::typeobject::{ExcType, exc_type};

use crate::util::type_value;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let select = PyObject::BuiltinFunction(PyBuiltinFunction {
        name: "select",
        func: select,
    });
    Ok(vec![
        ("select", Value::obj(select)),
        ("error", type_value(exc_type(ExcType::OSError))),
    ])
}

/// The descriptor of a `select` list item: an int or `fileno()`'s.
fn descriptor(vm: &mut Vm, item: &Value) -> PyResult<i32> {
    let fd = match item {
        Value::Int(_) | Value::Bool(_) => item.clone(),
        _ => match vm.get_attr(item, "fileno") {
            Ok(fileno) => vm.call(&fileno, Args::default())?,
            Err(_) => {
                return Err(PyErr::type_error(
                    "argument must be an int, or have a fileno() method.",
                ));
            }
        },
    };
    let Value::Int(fd) = fd else {
        return Err(PyErr::type_error("fileno() returned a non-integer"));
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    i32::try_from(fd).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// `select(rlist, wlist, xlist, timeout=None)`: the items of each list
/// that are ready (nothing counts as an exceptional condition).
fn select(vm: &mut Vm, args: Args) -> PyResult {
    args.check("select", 3, 4)?;
    let timeout = match args.pos.get(3) {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if *n >= 0 => Some(std::time::Duration::from_secs(*n as u64)),
        Some(Value::Float(f)) if f.get() >= 0.0 && f.get().is_finite() => {
            Some(std::time::Duration::from_secs_f64(f.get()))
        }
        Some(Value::Int(_) | Value::Float(_)) => {
            return Err(PyErr::value_error("timeout must be non-negative"));
        }
        Some(_) => return Err(PyErr::type_error("timeout must be a float or None")),
    };
    let mut lists = Vec::with_capacity(3);
    for list in &args.pos[..3] {
        let items = krait_vm::protocol::collect(vm, list)?;
        let fds = items
            .iter()
            .map(|item| descriptor(vm, item))
            .collect::<PyResult<Vec<_>>>()?;
        lists.push((items, fds));
    }
    let (read, write) = vm.wait_ready(&lists[0].1, &lists[1].1, timeout)?;
    let ready = |(items, fds): &(Vec<Value>, Vec<i32>), ready: &[i32]| {
        let chosen = items
            .iter()
            .zip(fds)
            .filter(|(_, fd)| ready.contains(fd))
            .map(|(item, _)| item.clone())
            .collect();
        Value::list(chosen)
    };
    Ok(Value::tuple(vec![
        ready(&lists[0], &read),
        ready(&lists[1], &write),
        Value::list(Vec::new()),
    ]))
}
