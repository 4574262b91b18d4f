//! `_signal`: the native half of `signal` (`lib/signal.py` keeps the
//! handler table): what Ctrl-C does in the program (the VM's
//! [`InterruptHandler`]), `default_int_handler`, a signal's default
//! action through the host, and `strsignal`.
//!
//! krait runs Python code on one thread and installs no process handler
//! but Ctrl-C's: a Python handler of another signal runs when the
//! program raises that signal itself (`signal.raise_signal`); sent from
//! outside, the signal keeps its default action.

use krait_vm::interpreter::InterruptHandler;
use krait_vm::typeobject::{ExcType, exc_type};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

use crate::util::function;

/// `default_int_handler(signalnum, frame)`: raises KeyboardInterrupt.
fn default_int_handler(_: &mut Vm, _: Args) -> PyResult {
    Err(PyErr::with_args(
        exc_type(ExcType::KeyboardInterrupt),
        Vec::new(),
    ))
}

fn is_default_int_handler(value: &Value) -> bool {
    matches!(
        value.as_obj(),
        Some(krait_vm::PyObject::BuiltinFunction(f)) if f.name == "default_int_handler"
    )
}

/// `set_interrupt_handler(handler)`: SIGINT's new handler (0: SIG_DFL,
/// 1: SIG_IGN, `default_int_handler` or a callable).
fn set_interrupt_handler(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("set_interrupt_handler", 1, 1)?;
    let handler = &args.pos[0];
    let action = match handler.builtin_value() {
        Value::Int(1) => InterruptHandler::Ignore,
        Value::Int(_) => InterruptHandler::Raise,
        _ if is_default_int_handler(handler) => InterruptHandler::Raise,
        _ => InterruptHandler::Call(handler.clone()),
    };
    vm.set_interrupt_handler(action);
    Ok(Value::None)
}

fn signal_number(args: &Args) -> PyResult<i32> {
    match args.pos.first().map(Value::builtin_value) {
        Some(Value::Int(n)) => {
            i32::try_from(*n).map_err(|_| PyErr::value_error("signal number out of range"))
        }
        _ => Err(PyErr::type_error("an integer is required")),
    }
}

/// `raise_default(signalnum)`: the signal's default action, through the
/// host (which may refuse it).
fn raise_default(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("raise_default", 1, 1)?;
    let signum = signal_number(&args)?;
    vm.host().raise_signal(signum)?;
    Ok(Value::None)
}

/// `strsignal(signalnum)`: the system's description, None if it has none.
fn strsignal(_: &mut Vm, args: Args) -> PyResult {
    args.check_pos("strsignal", 1, 1)?;
    let signum = signal_number(&args)?;
    // SAFETY: strsignal returns a string owned by libc, copied at once
    // (one thread of Python code calls it).
    let text = unsafe { libc::strsignal(signum) };
    if text.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: as above: a NUL-terminated string.
    let text = unsafe { std::ffi::CStr::from_ptr(text) }
        .to_string_lossy()
        .into_owned();
    if text.starts_with("Unknown signal") {
        return Ok(Value::None);
    }
    Ok(Value::str(text))
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        (
            "default_int_handler",
            function("default_int_handler", default_int_handler),
        ),
        (
            "set_interrupt_handler",
            function("set_interrupt_handler", set_interrupt_handler),
        ),
        ("raise_default", function("raise_default", raise_default)),
        ("strsignal", function("strsignal", strsignal)),
    ])
}
