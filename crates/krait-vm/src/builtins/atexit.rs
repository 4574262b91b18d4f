//! The `atexit` module: functions the program registers to run when it
//! ends (`Vm::shutdown` runs them, newest first, before `__main__`'s
//! objects go, as CPython's `Py_FinalizeEx` does). `weakref.finalize`
//! registers its exit function here.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyBuiltinFunction;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::value::Value;

/// One registered call: the function, its positional arguments, its
/// keyword arguments.
pub(crate) struct ExitCall {
    function: Value,
    args: Vec<Value>,
    kwargs: Vec<(Box<str>, Value)>,
}

/// The `atexit` module.
pub fn module() -> Vec<(&'static str, Value)> {
    vec![
        ("register", function("register", register)),
        ("unregister", function("unregister", unregister)),
        ("_run_exitfuncs", function("_run_exitfuncs", run_exitfuncs)),
        ("_clear", function("_clear", clear)),
        ("_ncallbacks", function("_ncallbacks", ncallbacks)),
    ]
}

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
}

/// `atexit.register(func, *args, **kwargs)`: returns `func`, so it works
/// as a decorator.
fn register(vm: &mut Vm, args: Args) -> PyResult {
    let Some((function, rest)) = args.pos.split_first() else {
        return Err(PyErr::type_error(
            "register() takes at least 1 argument (0 given)",
        ));
    };
    if !crate::builtins::module::is_callable(function) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    vm.atexit.push(ExitCall {
        function: function.clone(),
        args: rest.to_vec(),
        kwargs: args
            .kw
            .iter()
            .map(|(k, v)| (Box::from(*k), v.clone()))
            .collect(),
    });
    Ok(function.clone())
}

/// `atexit.unregister(func)`: every registration of a function equal to
/// `func` goes.
fn unregister(vm: &mut Vm, args: Args) -> PyResult {
    args.check("unregister", 1, 1)?;
    let calls = std::mem::take(&mut vm.atexit);
    let mut kept = Vec::with_capacity(calls.len());
    let mut failure = None;
    for call in calls {
        if failure.is_none() {
            match vm.equal(&call.function, &args.pos[0]) {
                Ok(true) => continue,
                Ok(false) => {}
                Err(err) => failure = Some(err),
            }
        }
        kept.push(call);
    }
    // Registrations made while comparing come after the kept ones.
    kept.append(&mut vm.atexit);
    vm.atexit = kept;
    match failure {
        Some(err) => Err(err),
        None => Ok(Value::None),
    }
}

fn run_exitfuncs(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_run_exitfuncs", 0, 0)?;
    vm.run_atexit();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_clear", 0, 0)?;
    vm.atexit.clear();
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_ncallbacks", 0, 0)?;
    Ok(Value::from(vm.atexit.len()))
}

impl Vm {
    /// Runs the registered exit functions, newest first, each once; an
    /// error is reported as CPython's "Exception ignored in atexit
    /// callback: ..." and the others still run.
    pub(crate) fn run_atexit(&mut self) {
        while let Some(call) = self.atexit.pop() {
            let names: Vec<&str> = call.kwargs.iter().map(|(k, _)| &**k).collect();
            let mut all = call.args.clone();
            all.extend(call.kwargs.iter().map(|(_, v)| v.clone()));
            if let Err(err) = self.call_native(&call.function, all, &names) {
                self.report_unraisable(&err, "in atexit callback", &call.function);
            }
        }
    }
}
