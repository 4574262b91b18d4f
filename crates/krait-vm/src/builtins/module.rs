//! The functions of the `builtins` module (`print`, `len`, `sorted`, `min`,
//! `isinstance`, ...), with CPython 3.11's semantics and error messages.
//!
//! The builtin *types* that are called like functions (`int`, `range`,
//! `enumerate`, `zip`, `map`, ...) live in [`super::constructors`]; this
//! module holds the plain functions. Everything that may run Python code
//! (`key=` functions, `__len__` of user classes, `print`'s `str()` of an
//! instance) goes through the [`Vm`] it receives.
//!
//! `open` and the file objects are in [`super::file`].

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Signed;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{NativeFunction, PyBuiltinFunction};
use crate::builtins::int::{self, IntRef};
use crate::builtins::union::union_args;
use crate::builtins::{float, iter};
use crate::format::percent;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol::{self, BinaryOp, CompareOp};
use crate::typeobject::{self, ExcType, TypeObject};
use crate::value::Value;

/// Every builtin function, by name.
const FUNCTIONS: &[(&str, NativeFunction)] = &[
    ("__import__", crate::interpreter::import::builtin_import),
    ("abs", builtin_abs),
    ("aiter", super::coroutine::builtin_aiter),
    ("all", builtin_all),
    ("anext", super::coroutine::builtin_anext),
    ("any", builtin_any),
    ("ascii", builtin_ascii),
    ("bin", builtin_bin),
    ("breakpoint", builtin_breakpoint),
    ("callable", builtin_callable),
    ("chr", builtin_chr),
    ("compile", super::exec::builtin_compile),
    ("delattr", builtin_delattr),
    ("divmod", builtin_divmod),
    ("eval", super::exec::builtin_eval),
    ("exec", super::exec::builtin_exec),
    ("format", builtin_format),
    ("getattr", builtin_getattr),
    ("globals", super::exec::builtin_globals),
    ("hasattr", builtin_hasattr),
    ("hash", builtin_hash),
    ("hex", builtin_hex),
    ("id", builtin_id),
    ("input", builtin_input),
    ("isinstance", builtin_isinstance),
    ("issubclass", builtin_issubclass),
    ("iter", builtin_iter),
    ("len", builtin_len),
    ("locals", super::exec::builtin_locals),
    ("max", builtin_max),
    ("min", builtin_min),
    ("next", builtin_next),
    ("oct", builtin_oct),
    ("open", super::file::builtin_open),
    ("ord", builtin_ord),
    ("pow", builtin_pow),
    ("print", builtin_print),
    ("repr", builtin_repr),
    ("round", builtin_round),
    ("setattr", builtin_setattr),
    ("sorted", builtin_sorted),
    ("sum", builtin_sum),
    ("vars", super::exec::builtin_vars),
];

/// The builtin functions as `(name, builtin_function_or_method)` pairs, for
/// the builtins namespace. The builtin types are in
/// [`super::constructors::builtin_types`].
pub fn builtin_functions() -> Vec<(&'static str, Value)> {
    FUNCTIONS
        .iter()
        .map(|&(name, func)| {
            (
                name,
                Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func })),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Argument checking in CPython's several wordings.

/// `name expected at most 2 arguments, got 3` (the `PyArg_UnpackTuple`
/// wording used by `min`, `getattr`, `iter`, the type constructors...).
pub(crate) fn expect_args(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max && (n < min || n > max) {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else if n > max {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    } else {
        return Ok(());
    };
    Err(PyErr::type_error(msg))
}

/// `name() takes no keyword arguments`.
pub(crate) fn no_kw(name: &str, args: &Args) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

/// `'foo' is an invalid keyword argument for name()`.
pub(crate) fn allow_kw(name: &str, args: &Args, allowed: &[&str]) -> PyResult<()> {
    match args.kw.iter().find(|(k, _)| !allowed.contains(k)) {
        Some((k, _)) => Err(PyErr::type_error(format!(
            "'{k}' is an invalid keyword argument for {name}()"
        ))),
        None => Ok(()),
    }
}

/// An argument given both by position and by keyword.
pub(crate) fn param<'a>(
    fname: &str,
    args: &Args<'a>,
    i: usize,
    name: &str,
) -> PyResult<Option<&'a Value>> {
    match (args.pos.get(i), args.kwarg(name)) {
        (Some(_), Some(_)) => Err(PyErr::type_error(format!(
            "argument for {fname}() given by name ('{name}') and position ({})",
            i + 1
        ))),
        (p, k) => Ok(p.or(k)),
    }
}

/// `'float' object cannot be interpreted as an integer`.
pub(crate) fn not_an_integer(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

// ---------------------------------------------------------------------------
// Dunder fallbacks for instances of user classes.

/// `operator.index(v)`: an int, or an instance's `__index__`.
pub(crate) fn index_value(vm: &mut Vm, v: &Value) -> PyResult {
    // An int, or an instance of a subclass of int: its value, as
    // CPython's PyNumber_Index does (no __index__ call).
    if let Some(i) = int::as_int(v.builtin_value()) {
        return Ok(i.to_value());
    }
    match vm.call_dunder(v, "__index__", Vec::new()).transpose() {
        Some(r) => {
            let r = r?;
            if r.is_int() {
                Ok(int::as_int(&r).map_or(r.clone(), |i| i.to_value()))
            } else {
                Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    r.type_name()
                )))
            }
        }
        None => Err(not_an_integer(v)),
    }
}

// ---------------------------------------------------------------------------
// Output and input.

fn builtin_print(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("print", &args, &["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &'static str| -> PyResult<std::borrow::Cow<'_, str>> {
        match args.kwarg(name) {
            None | Some(Value::None) => Ok(default.into()),
            Some(v) => match v.as_str_or_subclass() {
                Some(s) => Ok(s.as_str().into()),
                None => Err(PyErr::type_error(format!(
                    "{name} must be None or a string, not {}",
                    v.type_name()
                ))),
            },
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let flush = match args.kwarg("flush") {
        Some(flush) => vm.truthy_value(flush)?,
        None => false,
    };
    // Where the text goes: `file`, else `sys.stdout` (looked up only once
    // the program imported sys); the host's own streams directly.
    let target = match args.kwarg("file").filter(|f| !f.is_none()) {
        Some(file) => match super::file::is_standard_output(file) {
            Some(stdout) => super::file::Output::Host { stdout },
            None => super::file::Output::Object(file.clone()),
        },
        None => super::file::sys_output(vm, "stdout")?,
    };
    let file = match target {
        super::file::Output::Nothing => return Ok(Value::None),
        super::file::Output::Host { stdout } => {
            let mut out = String::new();
            for (i, v) in args.pos.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                match v.as_str() {
                    Some(s) => out.push_str(s.as_str()),
                    None => out.push_str(&vm.str(v)?),
                }
            }
            out.push_str(&end);
            super::file::write_host(vm, stdout, &out)?;
            if stdout && flush {
                vm.host().flush_stdout()?;
            }
            return Ok(Value::None);
        }
        super::file::Output::Object(file) => file,
    };
    // Any object with a `write` method, as in CPython.
    let write = vm.get_attr(&file, "write")?;
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            vm.call(&write, Args::new(&[Value::str(&*sep)]))?;
        }
        let s = vm.str(v)?;
        vm.call(&write, Args::new(&[Value::str(s)]))?;
    }
    vm.call(&write, Args::new(&[Value::str(&*end)]))?;
    if flush {
        let f = vm.get_attr(&file, "flush")?;
        vm.call(&f, Args::default())?;
    }
    Ok(Value::None)
}

fn builtin_input(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("input", &args)?;
    expect_args("input", &args, 0, 1)?;
    if let Some(prompt) = args.pos.first() {
        let p = vm.str(prompt)?;
        match super::file::sys_output(vm, "stdout")? {
            super::file::Output::Object(file) => {
                let write = vm.get_attr(&file, "write")?;
                vm.call(&write, Args::new(&[Value::str(p)]))?;
                if let Ok(flush) = vm.get_attr(&file, "flush") {
                    vm.call(&flush, Args::default())?;
                }
            }
            _ => {
                vm.write_stdout(&p)?;
                vm.host().flush_stdout()?;
            }
        }
    }
    match super::file::input_line(vm)? {
        Some(line) => Ok(Value::str(line)),
        None => Err(PyErr::new(ExcType::EOFError, "EOF when reading a line")),
    }
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult {
    args.check("repr", 1, 1)?;
    repr_object(vm, &args.pos[0])
}

/// `repr(v)` as an object: what a `__repr__` returned is given back as it
/// is (an instance of a `str` subclass stays one).
fn repr_object(vm: &mut Vm, v: &Value) -> PyResult {
    match vm.repr_dunder_object(v)? {
        Some(text) => Ok(text),
        None => vm.repr(v).map(Value::str),
    }
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with them.
fn builtin_breakpoint(vm: &mut Vm, args: Args) -> PyResult {
    let sys = vm.import_module("sys")?;
    let hook = match vm.get_attr(&sys, "breakpointhook") {
        Ok(hook) => hook,
        Err(err) if err.matches(ExcType::AttributeError) => {
            return Err(PyErr::runtime_error("lost sys.breakpointhook"));
        }
        Err(err) => return Err(err),
    };
    let mut values: Vec<Value> = args.pos.to_vec();
    values.extend(args.kw.iter().map(|(_, value)| value.clone()));
    let names: Vec<&str> = args.kw.iter().map(|(name, _)| *name).collect();
    vm.call_native(&hook, values, &names)
}

fn builtin_ascii(vm: &mut Vm, args: Args) -> PyResult {
    args.check("ascii", 1, 1)?;
    let repr = repr_object(vm, &args.pos[0])?;
    let text = repr.as_str_or_subclass().map_or("", |s| s.as_str());
    if text.is_ascii() {
        return Ok(repr);
    }
    Ok(Value::str(percent::ascii(text)))
}

fn builtin_format(vm: &mut Vm, args: Args) -> PyResult {
    args.check("format", 1, 2)?;
    let v = &args.pos[0];
    let spec = match args.pos.get(1) {
        None => "",
        Some(s) => match s.as_str_or_subclass() {
            Some(s) => s.as_str(),
            None => {
                return Err(PyErr::type_error(format!(
                    "format() argument 2 must be str, not {}",
                    s.type_name()
                )));
            }
        },
    };
    let native_format = matches!(v.as_obj(), Some(PyObject::Native(n)) if n.class.defines(crate::typeobject::Slot::Format));
    if matches!(v.as_obj(), Some(PyObject::Instance(_))) || native_format {
        if let Some(r) = vm
            .call_dunder(v, "__format__", vec![Value::str(spec)])
            .transpose()
        {
            let r = r?;
            return match r.as_str_or_subclass() {
                Some(_) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "__format__ must return a str, not {}",
                    r.type_name()
                ))),
            };
        }
        if spec.is_empty() {
            return vm.str(v).map(Value::str);
        }
    }
    protocol::format(v, spec).map(Value::str)
}

// ---------------------------------------------------------------------------
// Containers and iteration.

/// Whether `f` is the builtin `len` (by the address of its function; a
/// function merged with it would be identical), which CALL runs without
/// the call's layers for a builtin container (CPython's `CALL_NO_KW_LEN`).
pub(crate) fn is_len(f: &PyBuiltinFunction) -> bool {
    std::ptr::fn_addr_eq(f.func, builtin_len as NativeFunction)
}

/// Whether `f` is the builtin `isinstance` (as [`is_len`]), which CALL
/// runs without the call's layers (CPython's `CALL_NO_KW_ISINSTANCE`).
pub(crate) fn is_isinstance(f: &PyBuiltinFunction) -> bool {
    std::ptr::fn_addr_eq(f.func, builtin_isinstance as NativeFunction)
}

/// Whether `f` is the builtin `next` (as [`is_len`]): CALL resumes a
/// generator it is given as a frame of its own loop.
pub(crate) fn is_next(f: &PyBuiltinFunction) -> bool {
    std::ptr::fn_addr_eq(f.func, builtin_next as NativeFunction)
}

fn builtin_len(vm: &mut Vm, args: Args) -> PyResult {
    args.check("len", 1, 1)?;
    vm.length(&args.pos[0]).map(Value::from)
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("iter", &args)?;
    expect_args("iter", &args, 1, 2)?;
    match args.pos {
        [v] => vm.iterate(v),
        [func, sentinel] => {
            if !is_callable(func) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(iter::callable_iter(func.clone(), sentinel.clone()))
        }
        _ => unreachable!("checked by expect_args"),
    }
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("next", &args)?;
    expect_args("next", &args, 1, 2)?;
    let iterator = &args.pos[0];
    if let Some(PyObject::Generator(_)) = iterator.as_obj() {
        // A generator's return value travels in StopIteration.value.
        return match (vm.generator_send(iterator, Value::None), args.pos.get(1)) {
            (Err(err), Some(default)) if err.matches(ExcType::StopIteration) => Ok(default.clone()),
            (result, _) => result,
        };
    }
    vm.ended_iteration = None;
    match protocol::next(vm, iterator)? {
        Some(v) => Ok(v),
        None => {
            let ended = vm.ended_iteration.take();
            match args.pos.get(1) {
                Some(default) => Ok(default.clone()),
                None => Err(ended.unwrap_or_else(|| {
                    PyErr::with_args(typeobject::exc_type(ExcType::StopIteration), vec![])
                })),
            }
        }
    }
}

fn builtin_any(vm: &mut Vm, args: Args) -> PyResult {
    args.check("any", 1, 1)?;
    let mut items = protocol::Items::new(vm.iterate(&args.pos[0])?);
    // (A false item that needs no Python code to tell is taken in a batch.)
    while let Some(v) = items.next(vm, |v| protocol::truth_without_code(v) == Some(false))? {
        if vm.truthy_value(&v)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

fn builtin_all(vm: &mut Vm, args: Args) -> PyResult {
    args.check("all", 1, 1)?;
    let mut items = protocol::Items::new(vm.iterate(&args.pos[0])?);
    while let Some(v) = items.next(vm, |v| protocol::truth_without_code(v) == Some(true))? {
        if !vm.truthy_value(&v)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn builtin_sorted(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    // CPython forwards the keywords to list.sort, hence the name.
    allow_kw("sort", &args, &["key", "reverse"])?;
    let reverse = match args.kwarg("reverse") {
        None => false,
        Some(v) => !int::as_int(&index_value(vm, v)?)
            .map(|i| i.is_zero())
            .unwrap_or(true),
    };
    let items = collect(vm, &args.pos[0])?;
    protocol::sorted_list(vm, items, args.kwarg("key"), reverse)
}

/// Drain an iterable (user iterables included) into a vector.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(PyObject::Instance(_)) = v.as_obj() {
        let it = vm.iterate(v)?;
        let mut out = Vec::new();
        while let Some(x) = protocol::next(vm, &it)? {
            out.push(x);
        }
        return Ok(out);
    }
    protocol::collect(vm, v)
}

fn builtin_min(vm: &mut Vm, args: Args) -> PyResult {
    min_max(vm, args, "min", CompareOp::Lt)
}

fn builtin_max(vm: &mut Vm, args: Args) -> PyResult {
    min_max(vm, args, "max", CompareOp::Gt)
}

/// `min`/`max`: one iterable or several arguments, `key=`, `default=`.
fn min_max(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult {
    if args.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    allow_kw(name, &args, &["key", "default"])?;
    let key = args.kwarg("key").filter(|k| !k.is_none());
    let default = args.kwarg("default");
    if default.is_some() && args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = match key {
            Some(f) => vm.call(f, Args::new(std::slice::from_ref(&item)))?,
            None => item.clone(),
        };
        let better = match (&best, &k) {
            (None, _) => true,
            // Ints and floats of one kind compare without the interpreter.
            (Some((_, Value::Int(b))), Value::Int(a)) => match op {
                CompareOp::Lt => a < b,
                _ => a > b,
            },
            (Some((_, Value::Float(b))), Value::Float(a)) => match op {
                CompareOp::Lt => a.get() < b.get(),
                _ => a.get() > b.get(),
            },
            (Some((_, best_key)), _) => vm.compare(op, &k, best_key)?,
        };
        if better {
            best = Some((item, k));
        }
        Ok(())
    };
    if args.pos.len() == 1 {
        let it = vm.iterate(&args.pos[0])?;
        while let Some(item) = protocol::next(vm, &it)? {
            consider(vm, item)?;
        }
    } else {
        for item in args.pos {
            consider(vm, item.clone())?;
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn builtin_sum(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("sum", &args, &["start"])?;
    match args.pos.len() {
        0 => {
            return Err(PyErr::type_error(
                "sum() takes at least 1 positional argument (0 given)",
            ));
        }
        1 | 2 => {}
        n => {
            return Err(PyErr::type_error(format!(
                "sum() takes at most 2 arguments ({n} given)"
            )));
        }
    }
    let start = param("sum", &args, 1, "start")?;
    let mut acc = start.cloned().unwrap_or(Value::Int(0));
    if acc.as_str_or_subclass().is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if acc.as_bytes_or_subclass().is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    if acc
        .native::<crate::builtins::bytearray::ByteArray>()
        .is_some()
    {
        return Err(PyErr::type_error(
            "sum() can't sum bytearray [use b''.join(seq) instead]",
        ));
    }
    let mut items = protocol::Items::new(vm.iterate(&args.pos[0])?);
    loop {
        // Numbers added to a number run no Python code: those come in
        // batches from a generator.
        let accept: fn(&Value) -> bool = match &acc {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                |v| matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))
            }
            // (A float added to a huge int may raise OverflowError.)
            _ if matches!(acc.as_obj(), Some(PyObject::Int(_))) => {
                |v| matches!(v, Value::Int(_) | Value::Bool(_))
            }
            _ => |_| false,
        };
        let Some(v) = items.next(vm, accept)? else {
            break;
        };
        acc = match (&acc, &v) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::float(a.get() + b.get()),
            _ => vm.binary(BinaryOp::Add, &acc, &v)?,
        };
    }
    Ok(acc)
}

// ---------------------------------------------------------------------------
// Numbers.

fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult {
    args.check("abs", 1, 1)?;
    let v = &args.pos[0];
    match vm.call_dunder(v, "__abs__", Vec::new()).transpose() {
        Some(r) => r,
        None => protocol::abs(v),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("divmod", &args)?;
    expect_args("divmod", &args, 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    vm.divmod(a, b)
}

fn builtin_pow(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("pow", &args, &["base", "exp", "mod"])?;
    if args.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.pos.len()
        )));
    }
    let base = param("pow", &args, 0, "base")?
        .ok_or_else(|| PyErr::type_error("pow() missing required argument 'base' (pos 1)"))?;
    let exp = param("pow", &args, 1, "exp")?
        .ok_or_else(|| PyErr::type_error("pow() missing required argument 'exp' (pos 2)"))?;
    match param("pow", &args, 2, "mod")? {
        None | Some(Value::None) => vm.binary(BinaryOp::Pow, base, exp),
        // Three arguments: only the base's own __pow__ is asked.
        Some(m) => match vm.call_dunder(base, "__pow__", vec![exp.clone(), m.clone()])? {
            Some(Value::NotImplemented) | None => protocol::pow3(base, exp, m),
            Some(result) => Ok(result),
        },
    }
}

fn builtin_round(vm: &mut Vm, args: Args) -> PyResult {
    allow_kw("round", &args, &["number", "ndigits"])?;
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let number = param("round", &args, 0, "number")?
        .ok_or_else(|| PyErr::type_error("round() missing required argument 'number' (pos 1)"))?;
    let ndigits = param("round", &args, 1, "ndigits")?.filter(|n| !n.is_none());
    if let Some(PyObject::Instance(_) | PyObject::Native(_)) = number.as_obj() {
        let extra: Vec<Value> = ndigits.cloned().into_iter().collect();
        if let Some(r) = vm
            .call_dunder(number, "__round__", extra.clone())
            .transpose()
        {
            return r;
        }
    }
    round_builtin_number(vm, number.builtin_value(), ndigits)
}

/// `int.__round__`/`float.__round__`: `round()` of an int or a float
/// (`ndigits` an integer or None).
pub(crate) fn round_builtin_number(
    vm: &mut Vm,
    number: &Value,
    ndigits: Option<&Value>,
) -> PyResult {
    let ndigits = ndigits.filter(|n| !n.is_none());
    let digits = match ndigits {
        None => None,
        Some(n) => {
            let n = index_value(vm, n)?;
            // Saturate: beyond ±i64 every answer is the same.
            Some(match int::as_int(&n) {
                Some(IntRef::Small(i)) => i,
                Some(IntRef::Big(b)) if b.is_negative() => i64::MIN,
                _ => i64::MAX,
            })
        }
    };
    match number {
        Value::Float(x) => float::round(x.get(), digits),
        _ => match int::as_int(number) {
            Some(i) => Ok(round_int(i, digits)),
            None => Err(PyErr::type_error(format!(
                "type {} doesn't define __round__ method",
                number.type_name()
            ))),
        },
    }
}

/// `round(int, ndigits)`: unchanged for `ndigits >= 0`, else rounded to a
/// multiple of `10**-ndigits` with ties to even (`round(25, -1) == 20`).
fn round_int(i: IntRef, ndigits: Option<i64>) -> Value {
    let n = match ndigits {
        Some(n) if n < 0 => n.unsigned_abs(),
        _ => return i.to_value(),
    };
    let x = i.to_bigint().into_owned();
    // 10**n exceeds |x| by far once n passes its digit count: the result is 0.
    let digits = x.magnitude().bits() * 30103 / 100000 + 2;
    if n > digits {
        return Value::Int(0);
    }
    let p = num_traits::pow(BigInt::from(10), n as usize);
    let (q, r) = x.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    Value::from_bigint(q * p)
}

fn builtin_hex(vm: &mut Vm, args: Args) -> PyResult {
    radix_string(vm, args, "hex", 16)
}

fn builtin_oct(vm: &mut Vm, args: Args) -> PyResult {
    radix_string(vm, args, "oct", 8)
}

fn builtin_bin(vm: &mut Vm, args: Args) -> PyResult {
    radix_string(vm, args, "bin", 2)
}

fn radix_string(vm: &mut Vm, args: Args, name: &str, radix: u32) -> PyResult {
    args.check(name, 1, 1)?;
    let v = index_value(vm, &args.pos[0])?;
    let i = int::as_int(&v).ok_or_else(|| not_an_integer(&args.pos[0]))?;
    Ok(Value::str(int::to_prefixed(i, radix)))
}

fn builtin_chr(vm: &mut Vm, args: Args) -> PyResult {
    args.check("chr", 1, 1)?;
    let v = index_value(vm, &args.pos[0])?;
    let i = match int::as_int(&v).and_then(|i| i.to_i64()) {
        Some(i) if i32::try_from(i).is_ok() => i,
        _ => {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C int",
            ));
        }
    };
    if !(0..0x110000).contains(&i) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    // (A lone surrogate is its stand-in: see `str::SURROGATE_STAND_INS`.)
    match crate::builtins::str::char_for_code_point(i as u32) {
        Some(c) => Ok(crate::builtins::str::char_value(c)),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(_vm: &mut Vm, args: Args) -> PyResult {
    args.check("ord", 1, 1)?;
    let v = &args.pos[0];
    if let Some(s) = v.as_str_or_subclass() {
        let mut chars = s.as_str().chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::Int(crate::builtins::str::code_point_of(c) as i64)),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            ))),
        };
    }
    let byte_string = v.as_bytes_or_subclass().is_some()
        || v.native::<crate::builtins::bytearray::ByteArray>()
            .is_some();
    if byte_string && let Some(b) = crate::buffer::bytes_like(v)? {
        return match &b[..] {
            [c] => Ok(Value::Int(*c as i64)),
            other => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                other.len()
            ))),
        };
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        v.type_name()
    )))
}

// ---------------------------------------------------------------------------
// Objects and types.

fn builtin_hash(vm: &mut Vm, args: Args) -> PyResult {
    args.check("hash", 1, 1)?;
    vm.hash_value(&args.pos[0]).map(Value::Int)
}

/// `id(v)`: the address of a heap object; for the immediates (which have no
/// address in krait) a number derived from the value with a tag in the low
/// three bits, which heap addresses (8-aligned) never have.
pub fn id_of(v: &Value) -> i64 {
    let (payload, tag): (u64, u64) = match v {
        Value::Obj(o) => return Rc::as_ptr(o) as usize as i64,
        Value::Int(i) => (*i as u64, 1),
        Value::Float(f) => (f.get().to_bits(), 2),
        Value::Bool(b) => (b.get() as u64, 3),
        // The singletons: their (distinct, fixed) hashes.
        _ => (protocol::hash(v).unwrap_or(0) as u64, 4),
    };
    (((payload << 3) | tag) & (i64::MAX as u64)) as i64
}

fn builtin_id(_vm: &mut Vm, args: Args) -> PyResult {
    args.check("id", 1, 1)?;
    Ok(Value::Int(id_of(&args.pos[0])))
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    match v.as_obj() {
        Some(
            PyObject::Type(_)
            | PyObject::BuiltinFunction(_)
            | PyObject::MethodDescriptor(_)
            | PyObject::Function(_)
            | PyObject::BoundMethod(_),
        ) => true,
        Some(PyObject::Instance(inst)) => inst
            .class()
            .lookup("__call__")
            .is_some_and(|c| !c.is_none()),
        // A declared type with `__call__` (`weakref.ref`).
        Some(PyObject::Native(native)) => native.class.lookup("__call__").is_some(),
        // (Whatever it wraps: calling it calls that.)
        Some(PyObject::StaticMethod(_)) => true,
        _ => false,
    }
}

fn builtin_callable(_vm: &mut Vm, args: Args) -> PyResult {
    args.check("callable", 1, 1)?;
    Ok(Value::bool(is_callable(&args.pos[0])))
}

/// The type object inside a `type` value.
pub(crate) fn as_type(v: &Value) -> Option<&Rc<TypeObject>> {
    match v.as_obj() {
        Some(PyObject::Type(t)) => Some(t),
        _ => None,
    }
}

fn builtin_isinstance(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("isinstance", &args)?;
    expect_args("isinstance", &args, 2, 2)?;
    vm.isinstance(&args.pos[0], &args.pos[1]).map(Value::bool)
}

fn builtin_issubclass(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("issubclass", &args)?;
    expect_args("issubclass", &args, 2, 2)?;
    vm.issubclass(&args.pos[0], &args.pos[1]).map(Value::bool)
}

impl Vm {
    /// `isinstance(object, classinfo)`: a class, a tuple of them, or an
    /// object whose type defines `__instancecheck__` (a metaclass's).
    pub fn isinstance(&mut self, object: &Value, classinfo: &Value) -> PyResult<bool> {
        let class = typeobject::class_of(object);
        if let Some(t) = as_type(classinfo) {
            // The exact type needs no hook (CPython's shortcut).
            if std::rc::Rc::ptr_eq(&class, t) {
                return Ok(true);
            }
            if let Some(result) = self.class_check_hook(classinfo, "__instancecheck__", object)? {
                return Ok(result);
            }
            if class.is_subtype(t) {
                return Ok(true);
            }
            // An object may claim another class through a `__class__`
            // attribute of its class (a property: mocks and proxies), or
            // through its `__getattribute__` (a weak proxy's referent).
            if (class.heap && class.defines(typeobject::Slot::ClassAttribute))
                || class.defines(typeobject::Slot::GetAttribute)
            {
                let claimed = self.get_attr(object, "__class__")?;
                if let Some(claimed) = as_type(&claimed) {
                    return Ok(claimed.is_subtype(t));
                }
            }
            return Ok(false);
        }
        if classinfo.as_tuple_or_subclass().is_some() || union_args(classinfo).is_some() {
            return self.any_class_in(classinfo, |vm, info| vm.isinstance(object, info));
        }
        if let Some(result) = self.class_check_hook(classinfo, "__instancecheck__", object)? {
            return Ok(result);
        }
        Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ))
    }

    /// `issubclass(class, classinfo)`, with `__subclasscheck__` hooks.
    pub fn issubclass(&mut self, class: &Value, classinfo: &Value) -> PyResult<bool> {
        if classinfo.as_tuple_or_subclass().is_some() || union_args(classinfo).is_some() {
            return self.any_class_in(classinfo, |vm, info| vm.issubclass(class, info));
        }
        if let Some(result) = self.class_check_hook(classinfo, "__subclasscheck__", class)? {
            return Ok(result);
        }
        let Some(subclass) = as_type(class) else {
            return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
        };
        match as_type(classinfo) {
            Some(t) => Ok(subclass.is_subtype(t)),
            None => Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }

    /// Whether `test` holds for an item of the (nested) tuple `classinfo`,
    /// left to right; the nesting is walked with a stack, not recursion.
    /// A union (`int | str`) counts as the tuple of its members.
    fn any_class_in(
        &mut self,
        classinfo: &Value,
        mut test: impl FnMut(&mut Vm, &Value) -> PyResult<bool>,
    ) -> PyResult<bool> {
        // The usual flat tuple of classes: its items in turn, nothing
        // allocated; a nested tuple or union goes to the walk below.
        let members = union_args(classinfo).unwrap_or(classinfo);
        if let Some(items) = members.as_tuple_or_subclass()
            && items
                .as_slice()
                .iter()
                .all(|item| matches!(item.as_obj(), Some(PyObject::Type(_))))
        {
            for item in items.as_slice() {
                if test(self, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let mut pending = vec![classinfo.clone()];
        while let Some(info) = pending.pop() {
            let members = union_args(&info).unwrap_or(&info);
            match members.as_tuple_or_subclass() {
                Some(items) => pending.extend(items.as_slice().iter().rev().cloned()),
                None if test(self, &info)? => return Ok(true),
                None => {}
            }
        }
        Ok(false)
    }

    /// `type(classinfo).<hook>(classinfo, value)` when a user class (a
    /// metaclass, for a class) defines it.
    fn class_check_hook(
        &mut self,
        classinfo: &Value,
        hook: &str,
        value: &Value,
    ) -> PyResult<Option<bool>> {
        // A class made with plain `type` has no hook: no lookup at all.
        let meta = match classinfo.as_obj() {
            Some(PyObject::Type(t)) => match &t.metaclass {
                Some(meta) => meta.clone(),
                None => return Ok(None),
            },
            _ => typeobject::class_of(classinfo),
        };
        let slot = typeobject::Slot::from_name(hook).expect("a slot name");
        if !meta.defines(slot) {
            return Ok(None);
        }
        let Some(method) = meta.lookup(hook) else {
            return Ok(None);
        };
        let result = self.call(&method, Args::new(&[classinfo.clone(), value.clone()]))?;
        self.truthy_value(&result).map(Some)
    }
}

/// The name argument of `getattr`/`hasattr` as a key to look up with: the
/// `str` object itself when it is an exact `str` (a subclass's own
/// `__eq__`/`__hash__` must not take part), else `None` (a copy is made).
fn exact_str_key(v: &Value) -> Option<&Value> {
    matches!(v.as_obj(), Some(PyObject::Str(_))).then_some(v)
}

fn attr_name(v: &Value) -> PyResult<&str> {
    v.as_str_or_subclass().map(|s| s.as_str()).ok_or_else(|| {
        PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            v.type_name()
        ))
    })
}

fn builtin_getattr(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("getattr", &args)?;
    expect_args("getattr", &args, 2, 3)?;
    getattr_of(vm, &args.pos[0], &args.pos[1], args.pos.get(2))
}

/// `getattr(object, name[, default])` once its arguments are counted
/// (CALL calls it directly: `call_builtin_in_place`).
pub(crate) fn getattr_of(
    vm: &mut Vm,
    object: &Value,
    name_value: &Value,
    default: Option<&Value>,
) -> PyResult {
    let name = attr_name(name_value)?;
    if let Some(default) = default {
        return Ok(vm
            .attribute_if_present_keyed(object, name, exact_str_key(name_value))?
            .unwrap_or_else(|| default.clone()));
    }
    // The name as given, when it is a str itself: no copy of it made.
    if let Some(PyObject::Str(_)) = name_value.as_obj() {
        return vm.load_attribute(object, name_value);
    }
    vm.get_attr(object, name)
}

fn builtin_hasattr(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("hasattr", &args)?;
    expect_args("hasattr", &args, 2, 2)?;
    hasattr_of(vm, &args.pos[0], &args.pos[1])
}

/// `hasattr(object, name)` once its arguments are counted.
pub(crate) fn hasattr_of(vm: &mut Vm, object: &Value, name_value: &Value) -> PyResult {
    let name = attr_name(name_value)?;
    Ok(Value::bool(
        vm.attribute_if_present_keyed(object, name, exact_str_key(name_value))?
            .is_some(),
    ))
}

/// Which of the builtins CALL answers without the call's layers `f` is
/// (by the function's address, as [`is_len`]): besides `len` and
/// `isinstance`, those library code calls most (`id` for memo tables,
/// `issubclass`, `getattr` and `hasattr` for duck typing).
#[inline]
pub(crate) fn direct_builtin(f: &PyBuiltinFunction) -> Option<DirectBuiltin> {
    let func = f.func;
    if std::ptr::fn_addr_eq(func, builtin_id as NativeFunction) {
        Some(DirectBuiltin::Id)
    } else if std::ptr::fn_addr_eq(func, builtin_getattr as NativeFunction) {
        Some(DirectBuiltin::GetAttr)
    } else if std::ptr::fn_addr_eq(func, builtin_hasattr as NativeFunction) {
        Some(DirectBuiltin::HasAttr)
    } else if std::ptr::fn_addr_eq(func, builtin_issubclass as NativeFunction) {
        Some(DirectBuiltin::IsSubclass)
    } else {
        None
    }
}

/// See [`direct_builtin`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DirectBuiltin {
    Id,
    IsSubclass,
    GetAttr,
    HasAttr,
}

fn builtin_setattr(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("setattr", &args)?;
    expect_args("setattr", &args, 3, 3)?;
    let name = attr_name(&args.pos[1])?;
    vm.set_attr(&args.pos[0], name, Some(args.pos[2].clone()))?;
    Ok(Value::None)
}

fn builtin_delattr(vm: &mut Vm, args: Args) -> PyResult {
    no_kw("delattr", &args)?;
    expect_args("delattr", &args, 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    vm.set_attr(&args.pos[0], name, None)?;
    Ok(Value::None)
}

/// Helpers for the tests of the builtins: a VM whose stdio is a buffer.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::builtins::constructors;
    use crate::host::BufferHost;

    /// A VM whose output is captured in a [`BufferHost`].
    pub fn test_vm() -> Vm {
        Vm::with_host(Box::new(BufferHost::default()))
    }

    /// What `vm` printed so far.
    pub fn printed(vm: &mut Vm) -> String {
        vm.host_as::<BufferHost>()
            .map(|h| h.stdout.clone())
            .unwrap_or_default()
    }

    /// A builtin function or type by its builtins name.
    pub fn builtin(name: &str) -> Value {
        builtin_functions()
            .into_iter()
            .chain(constructors::builtin_types())
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("no builtin {name}"))
    }

    /// `repr(result)`, or `!! Type: message` for an exception: the shape
    /// of the python3 transcripts the expectations are copied from.
    pub fn show(r: PyResult) -> String {
        match r {
            Ok(v) => protocol::repr(&v).unwrap_or_else(|e| format!("!! {e}")),
            Err(e) => format!("!! {e}"),
        }
    }

    /// Call builtin `name` with positional and keyword arguments.
    pub fn call_kw_with(vm: &mut Vm, name: &str, pos: &[Value], kw: &[(&str, Value)]) -> String {
        show(crate::interpreter::Vm::call(
            vm,
            &builtin(name),
            Args::with_kw(pos, kw),
        ))
    }

    pub fn call_kw(name: &str, pos: &[Value], kw: &[(&str, Value)]) -> String {
        call_kw_with(&mut test_vm(), name, pos, kw)
    }

    pub fn call(name: &str, pos: &[Value]) -> String {
        call_kw(name, pos, &[])
    }

    /// Call builtin `name` and return the value itself.
    pub fn value(name: &str, pos: &[Value]) -> Value {
        crate::interpreter::Vm::call(&mut test_vm(), &builtin(name), Args::new(pos))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    pub fn s(x: &str) -> Value {
        Value::str(x)
    }

    pub fn ints(xs: &[i64]) -> Value {
        Value::list(xs.iter().map(|&i| Value::Int(i)).collect())
    }

    pub fn tup(xs: &[Value]) -> Value {
        Value::tuple(xs.to_vec())
    }

    pub fn big(decimal: &str) -> Value {
        Value::from_bigint(decimal.parse().unwrap())
    }

    /// A builtin function value from a Rust fn (stands in for lambdas).
    pub fn func(name: &'static str, func: NativeFunction) -> Value {
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
    }

    /// `lambda x: -x`.
    pub fn neg() -> Value {
        fn f(_: &mut Vm, args: Args) -> PyResult {
            protocol::unary_op(protocol::UnaryOp::Neg, &args.pos[0])
        }
        func("neg", f)
    }
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)] // `&[v.clone()]` reads best in tests
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::host::BufferHost;

    const NAN: f64 = f64::NAN;

    #[test]
    fn print_formats_and_joins() {
        let mut vm = test_vm();
        let pos = [Value::Int(1), s("a"), Value::None, ints(&[1, 2])];
        assert_eq!(call_kw_with(&mut vm, "print", &pos, &[]), "None");
        call_kw_with(&mut vm, "print", &[], &[]);
        call_kw_with(
            &mut vm,
            "print",
            &[s("a"), s("b")],
            &[("sep", s("-")), ("end", s("!\n"))],
        );
        call_kw_with(
            &mut vm,
            "print",
            &[s("a"), s("b")],
            &[
                ("sep", Value::None),
                ("end", Value::None),
                ("flush", Value::bool(true)),
            ],
        );
        call_kw_with(
            &mut vm,
            "print",
            &[Value::float(0.1), Value::bool(true)],
            &[],
        );
        assert_eq!(printed(&mut vm), "1 a None [1, 2]\n\na-b!\na b\n0.1 True\n");
        assert_eq!(
            call_kw("print", &[], &[("sep", Value::Int(1))]),
            "!! TypeError: sep must be None or a string, not int"
        );
        assert_eq!(
            call_kw("print", &[], &[("end", Value::Int(1))]),
            "!! TypeError: end must be None or a string, not int"
        );
        assert_eq!(
            call_kw("print", &[], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for print()"
        );
        assert_eq!(
            call_kw("print", &[], &[("file", Value::Int(1))]),
            "!! AttributeError: 'int' object has no attribute 'write'"
        );
    }

    #[test]
    fn input_reads_lines() {
        let mut vm = test_vm();
        if let Some(host) = vm.host_as::<BufferHost>() {
            host.input.push_back("hello".into());
        }
        assert_eq!(
            call_kw_with(&mut vm, "input", &[s("name? ")], &[]),
            "'hello'"
        );
        assert_eq!(printed(&mut vm), "name? ");
        assert_eq!(
            call_kw_with(&mut vm, "input", &[], &[]),
            "!! EOFError: EOF when reading a line"
        );
        assert_eq!(
            call("input", &[s("a"), s("b")]),
            "!! TypeError: input expected at most 1 argument, got 2"
        );
        assert_eq!(
            call_kw("input", &[], &[("prompt", s("x"))]),
            "!! TypeError: input() takes no keyword arguments"
        );
    }

    #[test]
    fn len_and_arity_messages() {
        assert_eq!(call("len", &[s("héllo")]), "5");
        assert_eq!(call("len", &[ints(&[1, 2])]), "2");
        assert_eq!(
            call("len", &[Value::Int(1)]),
            "!! TypeError: object of type 'int' has no len()"
        );
        assert_eq!(
            call("len", &[]),
            "!! TypeError: len() takes exactly one argument (0 given)"
        );
        assert_eq!(
            call("len", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: len() takes exactly one argument (2 given)"
        );
        assert_eq!(
            call_kw("len", &[], &[("obj", Value::Int(1))]),
            "!! TypeError: len() takes no keyword arguments"
        );
    }

    #[test]
    fn sorted_with_key_and_reverse() {
        assert_eq!(
            call_kw(
                "sorted",
                &[ints(&[3, 1, 2])],
                &[("reverse", Value::bool(true))]
            ),
            "[3, 2, 1]"
        );
        let lower = test_vm().get_attr(&builtin("str"), "lower").unwrap();
        let words = Value::list(vec![s("b"), s("A"), s("c")]);
        assert_eq!(
            call_kw("sorted", &[words], &[("key", lower)]),
            "['A', 'b', 'c']"
        );
        assert_eq!(call("sorted", &[s("bca")]), "['a', 'b', 'c']");
        assert_eq!(
            call_kw(
                "sorted",
                &[ints(&[1])],
                &[("key", Value::None), ("reverse", Value::Int(1))]
            ),
            "[1]"
        );
        assert_eq!(
            call("sorted", &[]),
            "!! TypeError: sorted expected 1 argument, got 0"
        );
        assert_eq!(
            call("sorted", &[ints(&[1]), Value::None]),
            "!! TypeError: sorted expected 1 argument, got 2"
        );
        assert_eq!(
            call("sorted", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call_kw("sorted", &[ints(&[1])], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for sort()"
        );
        assert_eq!(
            call_kw("sorted", &[ints(&[1])], &[("reverse", Value::None)]),
            "!! TypeError: 'NoneType' object cannot be interpreted as an integer"
        );
    }

    #[test]
    fn min_and_max() {
        assert_eq!(call("max", &[s("abc")]), "'c'");
        assert_eq!(call("max", &[ints(&[1, 5, 3])]), "5");
        assert_eq!(
            call("min", &[Value::Int(3), Value::float(1.5), Value::Int(2)]),
            "1.5"
        );
        assert_eq!(
            call_kw(
                "min",
                &[Value::Int(3), Value::Int(1), Value::Int(2)],
                &[("key", neg())]
            ),
            "3"
        );
        assert_eq!(
            call_kw("max", &[ints(&[])], &[("default", Value::None)]),
            "None"
        );
        assert_eq!(
            call_kw(
                "max",
                &[ints(&[1, 2])],
                &[("key", Value::None), ("default", Value::Int(0))]
            ),
            "2"
        );
        // Ties keep the first item.
        let pairs = Value::list(vec![
            tup(&[Value::Int(1), s("a")]),
            tup(&[Value::Int(1), s("b")]),
        ]);
        assert_eq!(
            call_kw("max", &[pairs], &[("key", builtin("len"))]),
            "(1, 'a')"
        );
        assert_eq!(
            call("max", &[]),
            "!! TypeError: max expected at least 1 argument, got 0"
        );
        assert_eq!(
            call("min", &[]),
            "!! TypeError: min expected at least 1 argument, got 0"
        );
        assert_eq!(
            call("max", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call("max", &[ints(&[])]),
            "!! ValueError: max() arg is an empty sequence"
        );
        assert_eq!(
            call("min", &[ints(&[])]),
            "!! ValueError: min() arg is an empty sequence"
        );
        assert_eq!(
            call_kw(
                "max",
                &[Value::Int(1), Value::Int(2)],
                &[("default", Value::Int(0))]
            ),
            "!! TypeError: Cannot specify a default for max() with multiple positional arguments"
        );
        assert_eq!(
            call_kw("max", &[ints(&[1])], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for max()"
        );
        assert_eq!(
            call("max", &[Value::Int(1), s("a")]),
            "!! TypeError: '>' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(
            call_kw(
                "min",
                &[Value::Int(1), Value::Int(2)],
                &[("key", Value::Int(1))]
            ),
            "!! TypeError: 'int' object is not callable"
        );
    }

    #[test]
    fn sum_of_numbers() {
        assert_eq!(
            call_kw("sum", &[ints(&[1, 2])], &[("start", Value::Int(10))]),
            "13"
        );
        assert_eq!(
            call("sum", &[Value::list(vec![Value::float(0.1); 10])]),
            "0.9999999999999999"
        );
        assert_eq!(
            call(
                "sum",
                &[Value::list(vec![Value::bool(true), Value::bool(true)])]
            ),
            "2"
        );
        assert_eq!(
            call(
                "sum",
                &[Value::list(vec![Value::float(1.5), Value::Int(2)])]
            ),
            "3.5"
        );
        let huge = Value::Int(i64::MAX);
        assert_eq!(
            call("sum", &[Value::list(vec![huge.clone(), huge])]),
            "18446744073709551614"
        );
        assert_eq!(
            call("sum", &[Value::list(vec![ints(&[1])]), ints(&[])]),
            "[1]"
        );
        let r = value("range", &[Value::Int(5)]);
        assert_eq!(call("sum", &[r, Value::float(0.5)]), "10.5");
        assert_eq!(
            call("sum", &[]),
            "!! TypeError: sum() takes at least 1 positional argument (0 given)"
        );
        assert_eq!(
            call("sum", &[ints(&[]), Value::Int(1), Value::Int(2)]),
            "!! TypeError: sum() takes at most 2 arguments (3 given)"
        );
        assert_eq!(
            call("sum", &[Value::list(vec![s("a")]), s("")]),
            "!! TypeError: sum() can't sum strings [use ''.join(seq) instead]"
        );
        assert_eq!(
            call("sum", &[Value::list(vec![]), Value::bytes(vec![])]),
            "!! TypeError: sum() can't sum bytes [use b''.join(seq) instead]"
        );
        assert_eq!(
            call("sum", &[Value::list(vec![ints(&[1])])]),
            "!! TypeError: unsupported operand type(s) for +: 'int' and 'list'"
        );
        assert_eq!(
            call_kw("sum", &[ints(&[1])], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for sum()"
        );
    }

    #[test]
    fn any_all_callable() {
        let mixed = Value::list(vec![Value::Int(0), s(""), Value::Int(1)]);
        assert_eq!(call("any", &[mixed.clone()]), "True");
        assert_eq!(call("all", &[mixed]), "False");
        assert_eq!(call("all", &[ints(&[])]), "True");
        assert_eq!(call("any", &[ints(&[])]), "False");
        assert_eq!(
            call("any", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call("all", &[]),
            "!! TypeError: all() takes exactly one argument (0 given)"
        );
        assert_eq!(call("callable", &[builtin("len")]), "True");
        assert_eq!(call("callable", &[builtin("int")]), "True");
        assert_eq!(call("callable", &[Value::Int(1)]), "False");
        let append = protocol::get_attribute(&ints(&[]), "append").unwrap();
        assert_eq!(call("callable", &[append]), "True");
    }

    #[test]
    fn isinstance_and_issubclass() {
        let t = builtin;
        assert_eq!(call("isinstance", &[Value::bool(true), t("int")]), "True");
        assert_eq!(call("isinstance", &[Value::Int(1), t("bool")]), "False");
        let nested = tup(&[tup(&[t("str"), tup(&[t("int")])])]);
        assert_eq!(call("isinstance", &[Value::Int(1), nested]), "True");
        assert_eq!(call("isinstance", &[Value::Int(1), tup(&[])]), "False");
        // Left to right: a match before a bad entry wins.
        assert_eq!(
            call(
                "isinstance",
                &[Value::Int(1), tup(&[t("int"), Value::Int(1)])]
            ),
            "True"
        );
        assert_eq!(
            call(
                "isinstance",
                &[Value::Int(1), tup(&[t("str"), Value::Int(1)])]
            ),
            "!! TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"
        );
        assert_eq!(
            call("isinstance", &[Value::Int(1), Value::Int(1)]),
            "!! TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"
        );
        assert_eq!(
            call("isinstance", &[Value::Int(1)]),
            "!! TypeError: isinstance expected 2 arguments, got 1"
        );
        let exc = value("ValueError", &[s("x")]);
        assert_eq!(call("isinstance", &[exc, t("Exception")]), "True");
        assert_eq!(call("isinstance", &[t("ValueError"), t("type")]), "True");
        assert_eq!(call("isinstance", &[t("int"), t("object")]), "True");
        assert_eq!(call("isinstance", &[Value::None, t("object")]), "True");
        assert_eq!(call("issubclass", &[t("bool"), t("int")]), "True");
        assert_eq!(
            call("issubclass", &[t("bool"), tup(&[t("str"), t("int")])]),
            "True"
        );
        assert_eq!(
            call("issubclass", &[t("KeyError"), t("LookupError")]),
            "True"
        );
        assert_eq!(call("issubclass", &[t("int"), t("object")]), "True");
        assert_eq!(call("issubclass", &[t("int"), t("str")]), "False");
        assert_eq!(
            call("issubclass", &[Value::Int(1), t("int")]),
            "!! TypeError: issubclass() arg 1 must be a class"
        );
        assert_eq!(
            call("issubclass", &[t("int"), Value::Int(1)]),
            "!! TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union"
        );
        // A deeply nested classinfo does not recurse on the Rust stack.
        let mut deep = t("str");
        for _ in 0..1000 {
            deep = tup(&[deep]);
        }
        assert_eq!(call("isinstance", &[Value::Int(1), deep]), "False");
    }

    #[test]
    fn repr_ascii_format() {
        assert_eq!(call("repr", &[s("a")]), "\"'a'\"");
        assert_eq!(
            call("repr", &[Value::list(vec![Value::Int(1), s("a")])]),
            "\"[1, 'a']\""
        );
        assert_eq!(
            call("ascii", &[s("héllo\u{1F600}")]),
            "\"'h\\\\xe9llo\\\\U0001f600'\""
        );
        assert_eq!(call("format", &[Value::Int(1)]), "'1'");
        assert_eq!(call("format", &[Value::float(1.5), s(".1f")]), "'1.5'");
        assert_eq!(call("format", &[s("a"), s(">3")]), "'  a'");
        assert_eq!(call("format", &[ints(&[1])]), "'[1]'");
        assert_eq!(call("format", &[Value::bool(true), s("d")]), "'1'");
        assert_eq!(
            call("format", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: format() argument 2 must be str, not int"
        );
        assert_eq!(
            call("format", &[Value::Int(1), s("q")]),
            "!! ValueError: Unknown format code 'q' for object of type 'int'"
        );
        assert_eq!(
            call("format", &[ints(&[1]), s("x")]),
            "!! TypeError: unsupported format string passed to list.__format__"
        );
        assert_eq!(
            call_kw("format", &[Value::Int(1)], &[("spec", s("x"))]),
            "!! TypeError: format() takes no keyword arguments"
        );
        assert_eq!(
            call("repr", &[]),
            "!! TypeError: repr() takes exactly one argument (0 given)"
        );
    }

    #[test]
    fn chr_ord_and_radix() {
        assert_eq!(call("chr", &[Value::Int(65)]), "'A'");
        assert_eq!(call("chr", &[Value::Int(0x1F600)]), "'😀'");
        assert_eq!(call("chr", &[Value::bool(true)]), "'\\x01'");
        assert_eq!(
            call("chr", &[Value::Int(-1)]),
            "!! ValueError: chr() arg not in range(0x110000)"
        );
        assert_eq!(
            call("chr", &[Value::Int(0x110000)]),
            "!! ValueError: chr() arg not in range(0x110000)"
        );
        assert_eq!(
            call("chr", &[Value::Int(1 << 40)]),
            "!! OverflowError: Python int too large to convert to C int"
        );
        assert_eq!(
            call("chr", &[s("a")]),
            "!! TypeError: 'str' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call("chr", &[Value::float(1.5)]),
            "!! TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(call("ord", &[s("é")]), "233");
        assert_eq!(call("ord", &[Value::bytes(b"a".to_vec())]), "97");
        assert_eq!(
            call("ord", &[s("ab")]),
            "!! TypeError: ord() expected a character, but string of length 2 found"
        );
        assert_eq!(
            call("ord", &[s("")]),
            "!! TypeError: ord() expected a character, but string of length 0 found"
        );
        assert_eq!(
            call("ord", &[Value::bytes(b"ab".to_vec())]),
            "!! TypeError: ord() expected a character, but string of length 2 found"
        );
        assert_eq!(
            call("ord", &[Value::Int(1)]),
            "!! TypeError: ord() expected string of length 1, but int found"
        );
        assert_eq!(call("hex", &[Value::Int(-255)]), "'-0xff'");
        assert_eq!(
            call("hex", &[big("1180591620717411303424")]),
            "'0x400000000000000000'"
        );
        assert_eq!(call("hex", &[Value::bool(true)]), "'0x1'");
        assert_eq!(call("oct", &[Value::Int(8)]), "'0o10'");
        assert_eq!(call("bin", &[Value::Int(5)]), "'0b101'");
        assert_eq!(call("bin", &[Value::Int(-5)]), "'-0b101'");
        assert_eq!(
            call("hex", &[Value::float(1.5)]),
            "!! TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call("bin", &[Value::None]),
            "!! TypeError: 'NoneType' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call("hex", &[]),
            "!! TypeError: hex() takes exactly one argument (0 given)"
        );
    }

    #[test]
    fn divmod_pow_abs() {
        assert_eq!(call("divmod", &[Value::Int(-7), Value::Int(2)]), "(-4, 1)");
        assert_eq!(
            call("divmod", &[Value::float(7.5), Value::Int(2)]),
            "(3.0, 1.5)"
        );
        assert_eq!(
            call("divmod", &[Value::float(-7.5), Value::Int(2)]),
            "(-4.0, 0.5)"
        );
        assert_eq!(
            call("divmod", &[big("1180591620717411303424"), Value::Int(7)]),
            "(168655945816773043346, 2)"
        );
        assert_eq!(
            call("divmod", &[Value::Int(1), Value::Int(0)]),
            "!! ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            call("divmod", &[Value::Int(1), Value::float(0.0)]),
            "!! ZeroDivisionError: float divmod()"
        );
        assert_eq!(
            call("divmod", &[s("a"), Value::Int(1)]),
            "!! TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'"
        );
        assert_eq!(
            call("divmod", &[Value::Int(1)]),
            "!! TypeError: divmod expected 2 arguments, got 1"
        );
        assert_eq!(call("pow", &[Value::Int(2), Value::Int(10)]), "1024");
        assert_eq!(call("pow", &[Value::Int(2), Value::Int(-1)]), "0.5");
        assert_eq!(
            call("pow", &[Value::Int(2), Value::float(0.5)]),
            "1.4142135623730951"
        );
        assert_eq!(
            call("pow", &[Value::Int(2), Value::Int(-1), Value::Int(5)]),
            "3"
        );
        assert_eq!(
            call("pow", &[Value::Int(2), Value::Int(3), Value::Int(-3)]),
            "-1"
        );
        assert_eq!(
            call_kw(
                "pow",
                &[],
                &[("base", Value::Int(2)), ("exp", Value::Int(3))]
            ),
            "8"
        );
        assert_eq!(
            call("pow", &[Value::Int(2)]),
            "!! TypeError: pow() missing required argument 'exp' (pos 2)"
        );
        assert_eq!(
            call("pow", &[Value::Int(2), Value::Int(1), Value::Int(0)]),
            "!! ValueError: pow() 3rd argument cannot be 0"
        );
        assert_eq!(
            call("pow", &[Value::Int(2), Value::Int(-1), Value::Int(4)]),
            "!! ValueError: base is not invertible for the given modulus"
        );
        assert_eq!(
            call("pow", &[Value::float(2.0), Value::Int(1), Value::Int(5)]),
            "!! TypeError: pow() 3rd argument not allowed unless all arguments are integers"
        );
        assert_eq!(
            call("pow", &[Value::Int(0), Value::Int(-1)]),
            "!! ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            call_kw(
                "pow",
                &[Value::Int(1), Value::Int(2)],
                &[("base", Value::Int(1))]
            ),
            "!! TypeError: argument for pow() given by name ('base') and position (1)"
        );
        assert_eq!(
            call(
                "pow",
                &[Value::Int(1), Value::Int(2), Value::Int(3), Value::Int(4)]
            ),
            "!! TypeError: pow() takes at most 3 arguments (4 given)"
        );
        assert_eq!(call("abs", &[Value::bool(true)]), "1");
        assert_eq!(call("abs", &[Value::float(-2.5)]), "2.5");
        assert_eq!(
            call("abs", &[big("-1180591620717411303424")]),
            "1180591620717411303424"
        );
        assert_eq!(
            call("abs", &[s("x")]),
            "!! TypeError: bad operand type for abs(): 'str'"
        );
    }

    #[test]
    fn round_like_cpython() {
        let r1 = |x: Value| call("round", &[x]);
        let r2 = |x: Value, n: i64| call("round", &[x, Value::Int(n)]);
        assert_eq!(r1(Value::float(2.5)), "2");
        assert_eq!(r1(Value::float(1.5)), "2");
        assert_eq!(r1(Value::float(0.5)), "0");
        assert_eq!(r1(Value::float(-0.5)), "0");
        assert_eq!(r1(Value::bool(true)), "1");
        assert_eq!(r2(Value::float(2.675), 2), "2.67");
        assert_eq!(r2(Value::float(123.456), -1), "120.0");
        assert_eq!(r2(Value::float(1e300), -300), "1e+300");
        assert_eq!(r2(Value::Int(25), -1), "20");
        assert_eq!(r2(Value::Int(15), -1), "20");
        assert_eq!(r2(Value::Int(-25), -1), "-20");
        assert_eq!(r2(Value::Int(5), 2), "5");
        assert_eq!(r2(Value::Int(15), -1000), "0");
        assert_eq!(
            r2(big("1180591620717411303424"), -20),
            "1200000000000000000000"
        );
        assert_eq!(
            call("round", &[Value::float(1.5), big("1180591620717411303424")]),
            "1.5"
        );
        assert_eq!(call("round", &[Value::float(2.5), Value::None]), "2");
        assert_eq!(call_kw("round", &[], &[("number", Value::float(2.5))]), "2");
        assert_eq!(
            r1(Value::float(f64::INFINITY)),
            "!! OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            r1(Value::float(NAN)),
            "!! ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            r1(Value::None),
            "!! TypeError: type NoneType doesn't define __round__ method"
        );
        assert_eq!(
            call("round", &[Value::float(1.5), Value::float(1.5)]),
            "!! TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            call("round", &[]),
            "!! TypeError: round() missing required argument 'number' (pos 1)"
        );
        assert_eq!(
            call("round", &[Value::Int(1), Value::Int(2), Value::Int(3)]),
            "!! TypeError: round() takes at most 2 arguments (3 given)"
        );
        assert_eq!(
            call_kw("round", &[Value::Int(1)], &[("foo", Value::Int(1))]),
            "!! TypeError: 'foo' is an invalid keyword argument for round()"
        );
    }

    #[test]
    fn hash_and_id() {
        assert_eq!(call("hash", &[Value::Int(-1)]), "-2");
        assert_eq!(call("hash", &[Value::float(1.5)]), "1152921504606846977");
        // (str hashes are krait's own, not CPython's SipHash.)
        assert_eq!(
            call("hash", &[tup(&[Value::Int(1), Value::Int(2)])]),
            "-3550055125485641917"
        );
        assert_eq!(
            call("hash", &[Value::float(1.0)]),
            call("hash", &[Value::bool(true)])
        );
        assert_eq!(
            call("hash", &[ints(&[])]),
            "!! TypeError: unhashable type: 'list'"
        );
        let l = ints(&[1]);
        assert_eq!(call("id", &[l.clone()]), call("id", &[l]));
        assert_ne!(call("id", &[ints(&[])]), call("id", &[Value::Int(1)]));
        assert_eq!(call("id", &[Value::Int(7)]), call("id", &[Value::Int(7)]));
        let ids: Vec<String> = [
            Value::Int(0),
            Value::float(0.0),
            Value::None,
            Value::bool(false),
            Value::NotImplemented,
            Value::Ellipsis,
        ]
        .into_iter()
        .map(|v| call("id", &[v]))
        .collect();
        for (i, a) in ids.iter().enumerate() {
            assert!(!a.starts_with('-'), "{a}");
            assert!(ids[i + 1..].iter().all(|b| a != b), "{ids:?}");
        }
    }

    #[test]
    fn iter_and_next() {
        let it = value("iter", &[ints(&[1, 2])]);
        assert_eq!(call("next", &[it.clone()]), "1");
        assert_eq!(call("next", &[it.clone()]), "2");
        assert_eq!(call("next", &[it.clone(), s("d")]), "'d'");
        assert_eq!(call("next", &[it.clone()]), "!! StopIteration");
        // iter(iterator) is the iterator itself.
        assert!(value("iter", &[it.clone()]).is(&it));
        assert_eq!(
            call("iter", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            call("iter", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: iter(v, w): v must be callable"
        );
        assert_eq!(
            call("iter", &[]),
            "!! TypeError: iter expected at least 1 argument, got 0"
        );
        assert_eq!(
            call("next", &[Value::Int(1)]),
            "!! TypeError: 'int' object is not an iterator"
        );
        assert_eq!(
            call("next", &[]),
            "!! TypeError: next expected at least 1 argument, got 0"
        );
        assert_eq!(
            call_kw("next", &[it], &[("default", Value::Int(1))]),
            "!! TypeError: next() takes no keyword arguments"
        );
        // iter(callable, sentinel): pop from a list until it returns 3.
        let stack = ints(&[3, 2, 1]);
        let pop = protocol::get_attribute(&stack, "pop").unwrap();
        let it = value("iter", &[pop, Value::Int(3)]);
        assert!(
            protocol::repr(&it)
                .unwrap()
                .starts_with("<callable_iterator object")
        );
        assert_eq!(show(value("list", &[it]).pipe_ok()), "[1, 2]");
    }

    trait PipeOk {
        fn pipe_ok(self) -> PyResult;
    }
    impl PipeOk for Value {
        fn pipe_ok(self) -> PyResult {
            Ok(self)
        }
    }

    #[test]
    fn getattr_family() {
        let upper = value("getattr", &[s("abc"), s("upper")]);
        assert_eq!(
            show(crate::interpreter::Vm::call(
                &mut test_vm(),
                &upper,
                Args::default()
            )),
            "'ABC'"
        );
        assert_eq!(
            call("getattr", &[Value::Int(1), s("x"), Value::Int(5)]),
            "5"
        );
        assert_eq!(call("getattr", &[Value::Int(1), s("real")]), "1");
        assert_eq!(
            call("getattr", &[Value::Int(1), s("x")]),
            "!! AttributeError: 'int' object has no attribute 'x'"
        );
        assert_eq!(
            call("getattr", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: attribute name must be string, not 'int'"
        );
        assert_eq!(
            call("getattr", &[Value::Int(1)]),
            "!! TypeError: getattr expected at least 2 arguments, got 1"
        );
        assert_eq!(call("hasattr", &[s("a"), s("upper")]), "True");
        assert_eq!(call("hasattr", &[Value::Int(1), s("x")]), "False");
        assert_eq!(call("hasattr", &[builtin("int"), s("bit_length")]), "True");
        assert_eq!(
            call("hasattr", &[Value::Int(1), Value::Int(2)]),
            "!! TypeError: attribute name must be string, not 'int'"
        );
        assert_eq!(
            call("setattr", &[Value::Int(1), s("x"), Value::Int(2)]),
            "!! AttributeError: 'int' object has no attribute 'x'"
        );
        assert_eq!(
            call("setattr", &[ints(&[]), s("append"), Value::Int(2)]),
            "!! AttributeError: 'list' object attribute 'append' is read-only"
        );
        assert_eq!(
            call("delattr", &[Value::Int(1), s("x")]),
            "!! AttributeError: 'int' object has no attribute 'x'"
        );
        assert_eq!(
            call("setattr", &[builtin("int"), s("x"), Value::Int(2)]),
            "!! TypeError: cannot set 'x' attribute of immutable type 'int'"
        );
        assert_eq!(
            call("setattr", &[Value::Int(1), s("x")]),
            "!! TypeError: setattr expected 3 arguments, got 2"
        );
        assert_eq!(
            call("delattr", &[Value::Int(1)]),
            "!! TypeError: delattr expected 2 arguments, got 1"
        );
        // `object()` instances have no __dict__ (python3 says so too).
        let obj = value("object", &[]);
        assert_eq!(
            call("setattr", &[obj.clone(), s("x"), Value::Int(2)]),
            "!! AttributeError: 'object' object has no attribute 'x'"
        );
        assert_eq!(
            call("delattr", &[obj, s("x")]),
            "!! AttributeError: 'object' object has no attribute 'x'"
        );
    }
}
