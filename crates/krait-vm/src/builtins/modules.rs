//! The modules the VM itself provides (CPython's builtin modules):
//! `builtins`, `dis`, `importlib`, `math`, `sys` and `time`. Others come
//! from the embedder (native and frozen modules) or from files
//! (`interpreter/import.rs`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::args::Args;
use crate::builtins::function::PyBuiltinFunction;
use crate::builtins::int::{self, IntRef};
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;
use crate::{PyErr, PyResult};

/// The attributes of builtin module `name`, if krait has it.
pub fn builtin_module(
    vm: &mut crate::interpreter::Vm,
    name: &str,
) -> Option<Vec<(&'static str, Value)>> {
    match name {
        "builtins" => Some(Vec::new()),
        "dis" => Some(crate::builtins::dis_module::module()),
        "_imp" => Some(imp()),
        "io" => Some(io(vm)),
        "math" => Some(math()),
        "sys" => Some(sys(vm)),
        "time" => Some(time(vm)),
        _ => None,
    }
}

/// The modules [`builtin_module`] makes (`sys.builtin_module_names`).
pub const BUILTIN_MODULE_NAMES: &[&str] = &["_imp", "builtins", "dis", "io", "math", "sys", "time"];

/// Whether `name` is one of krait's builtin modules.
pub fn is_builtin_module(name: &str) -> bool {
    BUILTIN_MODULE_NAMES.contains(&name)
}

/// The import system's functions, for the standard library's `importlib`
/// package (CPython's `_imp` plays this part).
fn imp() -> Vec<(&'static str, Value)> {
    use crate::interpreter::import;
    vec![
        ("find_spec", function("find_spec", import::util_find_spec)),
        (
            "spec_from_file_location",
            function(
                "spec_from_file_location",
                import::util_spec_from_file_location,
            ),
        ),
        (
            "module_from_spec",
            function("module_from_spec", import::util_module_from_spec),
        ),
        (
            "import_module",
            function(
                "import_module",
                crate::interpreter::import::importlib_import_module,
            ),
        ),
        (
            "reload",
            function("reload", crate::interpreter::import::importlib_reload),
        ),
        (
            "invalidate_caches",
            function("invalidate_caches", |_, a| {
                a.check("invalidate_caches", 0, 0)?;
                Ok(Value::None)
            }),
        ),
    ]
}

/// `io`: `open`, the file types, `StringIO`, `BytesIO`.
fn io(vm: &crate::interpreter::Vm) -> Vec<(&'static str, Value)> {
    // `io.open is open`.
    let open = vm
        .builtins
        .as_dict_or_subclass()
        .and_then(|b| b.get_item(&Value::str("open")).ok().flatten())
        .unwrap_or_else(|| function("open", crate::builtins::file::builtin_open));
    let mut attributes = vec![
        ("open", open),
        ("SEEK_SET", Value::Int(0)),
        ("SEEK_CUR", Value::Int(1)),
        ("SEEK_END", Value::Int(2)),
        (
            "DEFAULT_BUFFER_SIZE",
            Value::from(crate::builtins::file::CHUNK),
        ),
    ];
    attributes.extend(crate::builtins::file::io_types());
    attributes.extend(crate::builtins::stringio::io_types());
    attributes
}

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
}

/// A float argument, as math's functions take it (ints converted).
fn float_arg(name: &str, args: &Args, i: usize) -> PyResult<f64> {
    let v = args.pos.get(i).ok_or_else(|| {
        PyErr::type_error(format!(
            "{name}() missing required argument (pos {})",
            i + 1
        ))
    })?;
    let v = v.builtin_value();
    match v {
        Value::Float(f) => Ok(f.get()),
        _ => match int::as_int(v) {
            Some(i) => i.to_f64(),
            None => Err(PyErr::type_error(format!(
                "must be real number, not {}",
                v.type_name()
            ))),
        },
    }
}

fn int_arg(name: &str, args: &Args, i: usize) -> PyResult<BigInt> {
    let v = args.pos.get(i).ok_or_else(|| {
        PyErr::type_error(format!(
            "{name}() missing required argument (pos {})",
            i + 1
        ))
    })?;
    match int::as_int(v.builtin_value()) {
        Some(IntRef::Small(i)) => Ok(BigInt::from(i)),
        Some(IntRef::Big(b)) => Ok(b.clone()),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

/// `f(x)` of one float, with CPython's domain error for NaN results of
/// finite inputs.
fn unary(name: &'static str, args: Args, f: fn(f64) -> f64) -> PyResult {
    args.check(name, 1, 1)?;
    let x = float_arg(name, &args, 0)?;
    let y = f(x);
    if y.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::float(y))
}

fn math() -> Vec<(&'static str, Value)> {
    vec![
        ("pi", Value::float(std::f64::consts::PI)),
        ("e", Value::float(std::f64::consts::E)),
        ("tau", Value::float(std::f64::consts::TAU)),
        ("inf", Value::float(f64::INFINITY)),
        ("nan", Value::float(f64::NAN)),
        ("sqrt", function("sqrt", |_, a| unary("sqrt", a, f64::sqrt))),
        ("exp", function("exp", |_, a| unary("exp", a, f64::exp))),
        ("sin", function("sin", |_, a| unary("sin", a, f64::sin))),
        ("cos", function("cos", |_, a| unary("cos", a, f64::cos))),
        ("tan", function("tan", |_, a| unary("tan", a, f64::tan))),
        ("asin", function("asin", |_, a| unary("asin", a, f64::asin))),
        ("acos", function("acos", |_, a| unary("acos", a, f64::acos))),
        ("atan", function("atan", |_, a| unary("atan", a, f64::atan))),
        ("fabs", function("fabs", |_, a| unary("fabs", a, f64::abs))),
        (
            "degrees",
            function("degrees", |_, a| unary("degrees", a, f64::to_degrees)),
        ),
        (
            "radians",
            function("radians", |_, a| unary("radians", a, f64::to_radians)),
        ),
        (
            "log2",
            function("log2", |_, a| {
                let x = float_arg("log2", &a, 0)?;
                if x <= 0.0 {
                    return Err(domain_error());
                }
                unary("log2", a, f64::log2)
            }),
        ),
        (
            "log10",
            function("log10", |_, a| {
                let x = float_arg("log10", &a, 0)?;
                if x <= 0.0 {
                    return Err(domain_error());
                }
                unary("log10", a, f64::log10)
            }),
        ),
        (
            "log",
            function("log", |_, a| {
                a.check("log", 1, 2)?;
                let x = float_arg("log", &a, 0)?;
                if x <= 0.0 {
                    return Err(domain_error());
                }
                match a.pos.get(1) {
                    None => Ok(Value::float(x.ln())),
                    Some(_) => {
                        let base = float_arg("log", &a, 1)?;
                        if base <= 0.0 || base == 1.0 {
                            return Err(if base == 1.0 {
                                PyErr::zero_division("float division by zero")
                            } else {
                                domain_error()
                            });
                        }
                        Ok(Value::float(x.ln() / base.ln()))
                    }
                }
            }),
        ),
        (
            "pow",
            function("pow", |_, a| {
                a.check("pow", 2, 2)?;
                let (x, y) = (float_arg("pow", &a, 0)?, float_arg("pow", &a, 1)?);
                let r = x.powf(y);
                if r.is_nan() && !x.is_nan() && !y.is_nan() {
                    return Err(domain_error());
                }
                Ok(Value::float(r))
            }),
        ),
        (
            "atan2",
            function("atan2", |_, a| {
                a.check("atan2", 2, 2)?;
                Ok(Value::float(
                    float_arg("atan2", &a, 0)?.atan2(float_arg("atan2", &a, 1)?),
                ))
            }),
        ),
        (
            "hypot",
            function("hypot", |_, a| {
                let mut sum = 0.0f64;
                for i in 0..a.pos.len() {
                    let x = float_arg("hypot", &a, i)?;
                    sum += x * x;
                }
                Ok(Value::float(sum.sqrt()))
            }),
        ),
        (
            "copysign",
            function("copysign", |_, a| {
                a.check("copysign", 2, 2)?;
                Ok(Value::float(
                    float_arg("copysign", &a, 0)?.copysign(float_arg("copysign", &a, 1)?),
                ))
            }),
        ),
        (
            "floor",
            function("floor", |_, a| rounding("floor", a, f64::floor)),
        ),
        (
            "ceil",
            function("ceil", |_, a| rounding("ceil", a, f64::ceil)),
        ),
        (
            "trunc",
            function("trunc", |_, a| rounding("trunc", a, f64::trunc)),
        ),
        (
            "isfinite",
            function("isfinite", |_, a| {
                a.check("isfinite", 1, 1)?;
                Ok(Value::bool(float_arg("isfinite", &a, 0)?.is_finite()))
            }),
        ),
        (
            "isinf",
            function("isinf", |_, a| {
                a.check("isinf", 1, 1)?;
                Ok(Value::bool(float_arg("isinf", &a, 0)?.is_infinite()))
            }),
        ),
        (
            "isnan",
            function("isnan", |_, a| {
                a.check("isnan", 1, 1)?;
                Ok(Value::bool(float_arg("isnan", &a, 0)?.is_nan()))
            }),
        ),
        (
            "isclose",
            function("isclose", |_, a| {
                a.check_pos("isclose", 2, 2)?;
                a.check_kw("isclose", &["rel_tol", "abs_tol"])?;
                let (x, y) = (float_arg("isclose", &a, 0)?, float_arg("isclose", &a, 1)?);
                let tol = |name: &str, default: f64| match a.kwarg(name) {
                    Some(Value::Float(f)) => f.get(),
                    Some(Value::Int(i)) => *i as f64,
                    _ => default,
                };
                let (rel, abs) = (tol("rel_tol", 1e-9), tol("abs_tol", 0.0));
                if x == y {
                    return Ok(Value::bool(true));
                }
                if x.is_infinite() || y.is_infinite() {
                    return Ok(Value::bool(false));
                }
                let diff = (x - y).abs();
                Ok(Value::bool(
                    diff <= (rel * y.abs()).max(rel * x.abs()) || diff <= abs,
                ))
            }),
        ),
        (
            "gcd",
            function("gcd", |_, a| {
                let mut g = BigInt::zero();
                for i in 0..a.pos.len() {
                    let n = int_arg("gcd", &a, i)?;
                    g = num_integer::Integer::gcd(&g, &n);
                }
                Ok(Value::from_bigint(g))
            }),
        ),
        (
            "factorial",
            function("factorial", |_, a| {
                a.check("factorial", 1, 1)?;
                let n = int_arg("factorial", &a, 0)?;
                if n.is_negative() {
                    return Err(PyErr::value_error(
                        "factorial() not defined for negative values",
                    ));
                }
                let n = n.to_u64().ok_or_else(|| {
                    PyErr::overflow_error(
                        "factorial() argument should not exceed 9223372036854775807",
                    )
                })?;
                let mut product = BigInt::from(1);
                for k in 2..=n {
                    product *= k;
                }
                Ok(Value::from_bigint(product))
            }),
        ),
        (
            "comb",
            function("comb", |_, a| {
                a.check("comb", 2, 2)?;
                let (n, k) = (int_arg("comb", &a, 0)?, int_arg("comb", &a, 1)?);
                if n.is_negative() || k.is_negative() {
                    return Err(PyErr::value_error("n must be a non-negative integer"));
                }
                if k > n {
                    return Ok(Value::Int(0));
                }
                let k = k
                    .to_u64()
                    .unwrap_or(0)
                    .min((&n - &k).to_u64().unwrap_or(u64::MAX));
                let mut result = BigInt::from(1);
                for i in 0..k {
                    result = result * (&n - i) / (i + 1);
                }
                Ok(Value::from_bigint(result))
            }),
        ),
        (
            "prod",
            function("prod", |vm, a| {
                a.check_pos("prod", 1, 1)?;
                let mut product = a.kwarg("start").cloned().unwrap_or(Value::Int(1));
                for item in crate::protocol::collect(vm, &a.pos[0])? {
                    product = vm.binary(crate::protocol::BinaryOp::Mul, &product, &item)?;
                }
                Ok(product)
            }),
        ),
        (
            "fsum",
            function("fsum", |vm, a| {
                a.check("fsum", 1, 1)?;
                // Neumaier's compensated sum: exact enough for the common cases.
                let (mut sum, mut compensation) = (0.0f64, 0.0f64);
                for item in crate::protocol::collect(vm, &a.pos[0])? {
                    let x = float_arg("fsum", &Args::new(std::slice::from_ref(&item)), 0)?;
                    let t = sum + x;
                    if sum.abs() >= x.abs() {
                        compensation += (sum - t) + x;
                    } else {
                        compensation += (x - t) + sum;
                    }
                    sum = t;
                }
                Ok(Value::float(sum + compensation))
            }),
        ),
    ]
}

/// `floor`/`ceil`/`trunc`: an int (of any size) from a float; ints pass through.
fn rounding(name: &'static str, args: Args, f: fn(f64) -> f64) -> PyResult {
    args.check(name, 1, 1)?;
    let v = args.pos[0].builtin_value();
    if int::as_int(v).is_some() {
        return Ok(match v {
            Value::Bool(b) => Value::Int(b.get() as i64),
            other => other.clone(),
        });
    }
    int::from_f64(f(float_arg(name, &args, 0)?))
}

/// `sys.displayhook(value)`: what the REPL and 'single' code do with an
/// expression's value — unless None, print its repr and keep it as
/// `builtins._`.
/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("exception", 0, 0)?;
    Ok(vm.handled_exception())
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled (krait has no traceback objects: None), or three Nones.
fn sys_exc_info(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("exc_info", 0, 0)?;
    let exception = vm.handled_exception();
    if exception.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let class = Value::obj(PyObject::Type(crate::typeobject::class_of(&exception)));
    Ok(Value::tuple(vec![class, exception, Value::None]))
}

/// `sys.intern(s)`: the VM's one object for this text (the one names in
/// code use).
fn sys_intern(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("intern", 1, 1)?;
    let value = &args.pos[0];
    match value.as_str() {
        Some(text) => Ok(vm.names.intern(text.as_str())),
        None if value.as_str_or_subclass().is_some() => Err(PyErr::type_error(format!(
            "can't intern {}",
            value.type_name()
        ))),
        None => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            value.type_name()
        ))),
    }
}

fn sys_displayhook(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("displayhook", 1, 1)?;
    let value = &args.pos[0];
    if value.is_none() {
        return Ok(Value::None);
    }
    let builtins = vm.builtins.clone();
    if let Some(builtins) = builtins.as_dict_or_subclass() {
        // `_` is None while the repr runs, as in CPython.
        builtins.set_item(Value::str("_"), Value::None)?;
    }
    let text = vm.repr(value)?;
    vm.write_stdout(&format!("{text}\n"))?;
    if let Some(builtins) = builtins.as_dict_or_subclass() {
        builtins.set_item(Value::str("_"), value.clone())?;
    }
    Ok(Value::None)
}

fn sys(vm: &mut crate::interpreter::Vm) -> Vec<(&'static str, Value)> {
    let version = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ];
    let fields = ["major", "minor", "micro", "releaselevel", "serial"];
    let version_info =
        crate::builtins::structseq::new_value(vm, "sys.version_info", &fields, version)
            .unwrap_or(Value::None);
    let streams = vm
        .standard_streams
        .get_or_insert_with(|| [0, 1, 2].map(crate::builtins::file::standard_stream))
        .clone();
    let argv = &vm.argv;
    let names = BUILTIN_MODULE_NAMES
        .iter()
        .map(|n| Value::str(*n))
        .collect();
    vec![
        (
            "argv",
            Value::list(argv.iter().map(|a| Value::str(a.as_str())).collect()),
        ),
        ("modules", vm.modules.clone()),
        ("path", vm.sys_path.clone()),
        ("meta_path", Value::list(Vec::new())),
        ("path_hooks", Value::list(Vec::new())),
        (
            "path_importer_cache",
            Value::dict(crate::builtins::dict::PyDict::new()),
        ),
        ("builtin_module_names", Value::tuple(names)),
        ("dont_write_bytecode", Value::bool(false)),
        ("executable", Value::str(vm.executable.as_str())),
        ("stdin", streams[0].clone()),
        ("stdout", streams[1].clone()),
        ("stderr", streams[2].clone()),
        ("__stdin__", streams[0].clone()),
        ("__stdout__", streams[1].clone()),
        ("__stderr__", streams[2].clone()),
        ("displayhook", function("displayhook", sys_displayhook)),
        ("exception", function("exception", sys_exception)),
        ("exc_info", function("exc_info", sys_exc_info)),
        (
            "_getframe",
            function("_getframe", crate::builtins::frame_object::sys_getframe),
        ),
        ("intern", function("intern", sys_intern)),
        ("__displayhook__", function("displayhook", sys_displayhook)),
        ("maxsize", Value::Int(i64::MAX)),
        ("platform", Value::str(std::env::consts::OS)),
        ("byteorder", Value::str("little")),
        ("version", Value::str("3.11.7 (krait)")),
        ("version_info", version_info),
        (
            "exit",
            function("exit", |_, a| {
                a.check("exit", 0, 1)?;
                Err(PyErr::with_args(
                    crate::typeobject::exc_type(ExcType::SystemExit),
                    a.pos.to_vec(),
                ))
            }),
        ),
        (
            "getrecursionlimit",
            function("getrecursionlimit", |vm, a| {
                a.check("getrecursionlimit", 0, 0)?;
                Ok(Value::from(vm.recursion_limit()))
            }),
        ),
        (
            "setrecursionlimit",
            function("setrecursionlimit", |vm, a| {
                a.check("setrecursionlimit", 1, 1)?;
                match a.pos[0] {
                    Value::Int(n) if n >= 1 => {
                        vm.set_recursion_limit(n as usize);
                        Ok(Value::None)
                    }
                    Value::Int(_) => Err(PyErr::value_error(
                        "recursion limit must be greater or equal than 1",
                    )),
                    ref other => Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    ))),
                }
            }),
        ),
    ]
}

fn nanoseconds(d: std::time::Duration) -> Value {
    match i64::try_from(d.as_nanos()) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::from_bigint(BigInt::from(d.as_nanos())),
    }
}

/// A `time` clock function of no arguments: the host's `$clock` converted
/// by `$convert`.
macro_rules! clock_function {
    ($name:literal, $clock:ident, $convert:expr) => {
        (
            $name,
            function($name, |vm, a| {
                a.check(concat!("time.", $name), 0, 0)?;
                Ok($convert(vm.host().$clock()?))
            }),
        )
    };
}

fn seconds(d: std::time::Duration) -> Value {
    Value::float(d.as_secs_f64())
}

fn time(vm: &mut crate::interpreter::Vm) -> Vec<(&'static str, Value)> {
    let mut attributes = vec![
        clock_function!("time", wall_clock, seconds),
        clock_function!("time_ns", wall_clock, nanoseconds),
        clock_function!("perf_counter", monotonic_clock, seconds),
        clock_function!("perf_counter_ns", monotonic_clock, nanoseconds),
        clock_function!("monotonic", monotonic_clock, seconds),
        clock_function!("monotonic_ns", monotonic_clock, nanoseconds),
        clock_function!("process_time", process_clock, seconds),
        clock_function!("process_time_ns", process_clock, nanoseconds),
        (
            "sleep",
            function("sleep", |vm, a| {
                a.check("time.sleep", 1, 1)?;
                // CPython words a wrong type as for an int argument.
                let secs = float_arg("sleep", &a, 0).map_err(|_| {
                    PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        a.pos[0].type_name()
                    ))
                })?;
                if secs.is_nan() {
                    return Err(PyErr::value_error("Invalid value NaN (not a number)"));
                }
                if secs < 0.0 {
                    return Err(PyErr::value_error("sleep length must be non-negative"));
                }
                // CPython keeps times as i64 nanoseconds.
                if secs * 1e9 >= i64::MAX as f64 {
                    return Err(PyErr::overflow_error(match a.pos[0] {
                        Value::Float(_) => "timestamp out of range for platform time_t",
                        _ => "timestamp too large to convert to C _PyTime_t",
                    }));
                }
                let duration = std::time::Duration::from_secs_f64(secs);
                vm.host().sleep(duration)?;
                Ok(Value::None)
            }),
        ),
    ];
    attributes.extend(crate::builtins::time_module::attributes(vm));
    attributes
}
