//! The modules the VM itself provides (CPython's builtin modules):
//! `builtins`, `dis`, `_imp`, `_io` (the file types; the standard
//! library's `io` adds the abstract bases), `sys`, `time`, `atexit`, `gc`
//! and `_weakref`. Others come
//! from the embedder (native and frozen modules) or from files
//! (`interpreter/import.rs`).

use num_bigint::BigInt;

use crate::args::Args;
use crate::builtins::function::PyBuiltinFunction;
use crate::builtins::int;
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
        "_io" => Some(io(vm)),
        "sys" => Some(sys(vm)),
        "time" => Some(time(vm)),
        "_weakref" => Some(crate::builtins::weakref::module()),
        "atexit" => Some(crate::builtins::atexit::module()),
        "gc" => Some(crate::builtins::gc_module::module(vm)),
        "_traceback" => Some(traceback_helpers()),
        _ => None,
    }
}

/// The modules [`builtin_module`] makes (`sys.builtin_module_names`).
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_imp",
    "_io",
    "_traceback",
    "_weakref",
    "atexit",
    "builtins",
    "dis",
    "gc",
    "sys",
    "time",
];

/// Whether `name` is one of krait's builtin modules.
pub fn is_builtin_module(name: &str) -> bool {
    BUILTIN_MODULE_NAMES.contains(&name)
}

/// The import system's functions, for the standard library's `importlib`
/// package (CPython's `_imp` plays this part).
fn imp() -> Vec<(&'static str, Value)> {
    use crate::interpreter::import;
    let mut items = import::machinery_classes();
    items.extend([
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
            "_code_to_kbc",
            function("_code_to_kbc", crate::builtins::code::to_kbc),
        ),
        (
            "_code_from_kbc",
            function("_code_from_kbc", crate::builtins::code::from_kbc),
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
        // CPython's switch between frozen and source copies of the
        // standard library (`test.support.import_helper` flips it): krait
        // has one copy, so there is nothing to switch.
        (
            "_override_frozen_modules_for_tests",
            function("_override_frozen_modules_for_tests", |_, a| {
                a.check("_override_frozen_modules_for_tests", 1, 1)?;
                Ok(Value::None)
            }),
        ),
    ]);
    items
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
    // The codec an encoding names, for `io.TextIOWrapper` (`LookupError`
    // if none).
    attributes.push((
        "_codec_name",
        function("_codec_name", |_, args| {
            args.check("_codec_name", 1, 1)?;
            let name = args.pos[0]
                .as_str_or_subclass()
                .ok_or_else(|| PyErr::type_error("_codec_name() argument must be str"))?;
            crate::builtins::constructors::codec_name(name.as_str()).map(Value::str)
        }),
    ));
    attributes.extend(crate::builtins::file::io_types());
    attributes.extend(crate::builtins::stringio::io_types());
    attributes
}

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
}

/// A float argument (ints converted), for `time.sleep`.
pub(crate) fn float_arg(name: &str, args: &Args, i: usize) -> PyResult<f64> {
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

/// `sys.displayhook(value)`: what the REPL and 'single' code do with an
/// expression's value — unless None, print its repr and keep it as
/// `builtins._`.
/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("exception", 0, 0)?;
    Ok(vm.handled_exception())
}

/// The interpreter's own traceback formatting, for the standard library's
/// `traceback` module (whose output must be what an uncaught exception
/// prints, `~~~^^^` markers included).
fn traceback_helpers() -> Vec<(&'static str, Value)> {
    fn limit_arg(value: Option<&Value>) -> PyResult<Option<i64>> {
        match value {
            None | Some(Value::None) => Ok(None),
            Some(Value::Int(n)) => Ok(Some(*n)),
            Some(Value::Bool(b)) => Ok(Some(i64::from(b.get()))),
            Some(_) => Err(PyErr::type_error("limit must be an integer or None")),
        }
    }
    fn exception_arg(value: &Value) -> PyResult<PyErr> {
        PyErr::from_value(value).ok_or_else(|| PyErr::type_error("an exception is required"))
    }
    vec![
        (
            "format_exception",
            function("format_exception", |vm, args| {
                args.check("format_exception", 3, 3)?;
                let err = exception_arg(&args.pos[0])?;
                let limit = limit_arg(args.pos.get(1))?;
                let chain = vm.truthy_value(&args.pos[2])?;
                let entries = vm.format_exception_limited(&err, limit, chain);
                Ok(Value::list(entries.into_iter().map(Value::str).collect()))
            }),
        ),
        (
            "format_exception_only",
            function("format_exception_only", |vm, args| {
                args.check("format_exception_only", 1, 1)?;
                let err = exception_arg(&args.pos[0])?;
                let entries = vm.format_exception_only(&err);
                Ok(Value::list(entries.into_iter().map(Value::str).collect()))
            }),
        ),
        (
            "format_tb",
            function("format_tb", |vm, args| {
                args.check("format_tb", 2, 2)?;
                let limit = limit_arg(args.pos.get(1))?;
                match vm.format_traceback(&args.pos[0], limit) {
                    Some(text) => Ok(Value::str(text)),
                    None => Err(PyErr::type_error("a traceback object is required")),
                }
            }),
        ),
    ]
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled, or three Nones.
fn sys_exc_info(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("exc_info", 0, 0)?;
    let exception = vm.handled_exception();
    let Some(PyObject::Exception(e)) = exception.as_obj() else {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    };
    let traceback = vm.traceback_value(e);
    let class = crate::builtins::constructors::type_value(&crate::typeobject::class_of(&exception));
    Ok(Value::tuple(vec![class, exception, traceback]))
}

/// `sys.settrace(function)`: see `interpreter::settrace`.
fn sys_settrace(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("settrace", 1, 1)?;
    vm.set_trace_function(args.pos[0].clone());
    Ok(Value::None)
}

/// `sys.gettrace()`: the function `settrace` set, or None.
fn sys_gettrace(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("gettrace", 0, 0)?;
    Ok(vm.python_trace.trace.clone())
}

/// `sys.setprofile(function)`: see `interpreter::settrace`.
fn sys_setprofile(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("setprofile", 1, 1)?;
    vm.set_profile_function(args.pos[0].clone());
    Ok(Value::None)
}

/// `sys.getprofile()`: the function `setprofile` set, or None.
fn sys_getprofile(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("getprofile", 0, 0)?;
    Ok(vm.python_trace.profile.clone())
}

/// `sys.audit(event, *args)`: krait has no audit hooks, so an event goes
/// nowhere; the library (`tempfile`, `shutil`, `os.walk`) raises them as
/// CPython's does.
fn sys_audit(_: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check_kw("audit", &[])?;
    // With no hook CPython looks no further than the count.
    match args.pos.first() {
        None => Err(PyErr::type_error(
            "audit() missing 1 required positional argument: 'event'",
        )),
        Some(_) => Ok(Value::None),
    }
}

/// `sys.intern(s)`: the VM's one object for this text (the one names in
/// code use).
fn sys_intern(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    args.check("intern", 1, 1)?;
    let value = &args.pos[0];
    match value.as_str() {
        Some(text) => Ok(vm.intern(text.as_str())),
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
    crate::builtins::file::write_sys_stream(vm, "stdout", &format!("{text}\n"))?;
    if let Some(builtins) = builtins.as_dict_or_subclass() {
        builtins.set_item(Value::str("_"), value.clone())?;
    }
    Ok(Value::None)
}

/// `sys.breakpointhook(*args, **kws)`, what `breakpoint()` calls: the
/// callable `PYTHONBREAKPOINT` names (a dotted path; `pdb.set_trace` when
/// it is unset or empty, nothing when it is `0`), given the arguments. A
/// name that cannot be imported is a RuntimeWarning, as in CPython.
fn sys_breakpointhook(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    let setting = vm
        .host()
        .env_vars()
        .unwrap_or_default()
        .into_iter()
        .find_map(|(name, value)| (name == "PYTHONBREAKPOINT").then_some(value))
        .unwrap_or_default();
    if setting == "0" {
        return Ok(Value::None);
    }
    let path = if setting.is_empty() {
        "pdb.set_trace"
    } else {
        setting.as_str()
    };
    let (module, name) = path.rsplit_once('.').unwrap_or(("builtins", path));
    let found = vm
        .import_module(module)
        .and_then(|module| vm.get_attr(&module, name));
    let hook = match found {
        Ok(hook) => hook,
        Err(err)
            if err.matches(crate::typeobject::ExcType::ImportError)
                || err.matches(crate::typeobject::ExcType::AttributeError) =>
        {
            let message = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{path}\"");
            vm.call_warnings(
                "warn",
                vec![
                    Value::str(message),
                    crate::builtins::constructors::type_value(&crate::typeobject::exc_type(
                        crate::typeobject::ExcType::RuntimeWarning,
                    )),
                ],
                &[],
            )?;
            return Ok(Value::None);
        }
        Err(err) => return Err(err),
    };
    let mut values: Vec<Value> = args.pos.to_vec();
    values.extend(args.kw.iter().map(|(_, value)| value.clone()));
    let names: Vec<&str> = args.kw.iter().map(|(name, _)| *name).collect();
    vm.call_native(&hook, values, &names)
}

/// `sys.excepthook(type, value, traceback)`: the exception's traceback,
/// as an uncaught one prints, on stderr (tracebacks live in the
/// exception: the third argument is not read).
fn sys_excepthook(vm: &mut crate::interpreter::Vm, args: Args) -> PyResult {
    if args.pos.len() != 3 || !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "excepthook expected 3 arguments, got {}",
            args.pos.len() + args.kw.len()
        )));
    }
    let text = match PyErr::from_value(&args.pos[1]) {
        // (CPython's default hook suggests names, as its display does.)
        Some(err) => vm
            .with_suggestions(true, |vm| vm.format_exception_limited(&err, None, true))
            .concat(),
        None => {
            return Err(PyErr::type_error(
                "print_exception(): Exception expected for value",
            ));
        }
    };
    crate::builtins::file::write_sys_stream(vm, "stderr", &text)?;
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
    // CPython's values for IEEE 754 doubles (`sys.float_info`).
    // `sys.excepthook is sys.__excepthook__` until a program replaces it
    // (`code`, `traceback` users test it).
    let displayhook = function("displayhook", sys_displayhook);
    let excepthook = function("excepthook", sys_excepthook);
    let breakpointhook = function("breakpointhook", sys_breakpointhook);
    let float_info = crate::builtins::structseq::new_value(
        vm,
        "sys.float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::float(f64::MAX),
            Value::Int(i64::from(f64::MAX_EXP)),
            Value::Int(i64::from(f64::MAX_10_EXP)),
            Value::float(f64::MIN_POSITIVE),
            Value::Int(i64::from(f64::MIN_EXP)),
            Value::Int(i64::from(f64::MIN_10_EXP)),
            Value::Int(i64::from(f64::DIGITS)),
            Value::Int(i64::from(f64::MANTISSA_DIGITS)),
            Value::float(f64::EPSILON),
            Value::Int(i64::from(f64::RADIX)),
            Value::Int(1),
        ],
    )
    .unwrap_or(Value::None);
    let streams = vm
        .standard_streams
        .get_or_insert_with(|| [0, 1, 2].map(crate::builtins::file::standard_stream))
        .clone();
    let names = BUILTIN_MODULE_NAMES
        .iter()
        .map(|n| Value::str(*n))
        .collect();
    let mut items = crate::builtins::sys_info::items(vm);
    let argv = &vm.argv;
    items.extend([
        (
            "argv",
            Value::list(argv.iter().map(|a| Value::str(a.as_str())).collect()),
        ),
        ("modules", vm.modules.clone()),
        ("path", vm.sys_path.clone()),
        ("meta_path", crate::interpreter::import::default_meta_path()),
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
        ("displayhook", displayhook.clone()),
        ("breakpointhook", breakpointhook.clone()),
        ("__breakpointhook__", breakpointhook),
        ("exception", function("exception", sys_exception)),
        ("exc_info", function("exc_info", sys_exc_info)),
        (
            "_getframe",
            function("_getframe", crate::builtins::frame_object::sys_getframe),
        ),
        ("intern", function("intern", sys_intern)),
        ("audit", function("audit", sys_audit)),
        ("settrace", function("settrace", sys_settrace)),
        ("gettrace", function("gettrace", sys_gettrace)),
        ("setprofile", function("setprofile", sys_setprofile)),
        ("getprofile", function("getprofile", sys_getprofile)),
        ("__displayhook__", displayhook),
        ("excepthook", excepthook.clone()),
        ("__excepthook__", excepthook),
        ("maxsize", Value::Int(i64::MAX)),
        ("maxunicode", Value::Int(0x10ffff)),
        ("float_info", float_info),
        (
            "getdefaultencoding",
            function("getdefaultencoding", |_, a| {
                a.check("getdefaultencoding", 0, 0)?;
                Ok(Value::str("utf-8"))
            }),
        ),
        ("platform", Value::str(std::env::consts::OS)),
        ("byteorder", Value::str("little")),
        ("version", Value::str("3.11.7 (krait)")),
        ("version_info", version_info),
        (
            "exit",
            function("exit", |_, a| {
                a.check("exit", 0, 1)?;
                // PyErr_SetObject's arguments: none for None, a tuple's
                // items, else the one value.
                let args = match a.pos.first() {
                    None | Some(Value::None) => Vec::new(),
                    Some(status) => match status.as_tuple() {
                        Some(items) => items.as_slice().to_vec(),
                        None => vec![status.clone()],
                    },
                };
                Err(PyErr::with_args(
                    crate::typeobject::exc_type(ExcType::SystemExit),
                    args,
                ))
            }),
        ),
        (
            "get_int_max_str_digits",
            function("get_int_max_str_digits", |_, a| {
                a.check("get_int_max_str_digits", 0, 0)?;
                Ok(Value::from(crate::builtins::int::max_str_digits()))
            }),
        ),
        (
            "set_int_max_str_digits",
            function("set_int_max_str_digits", |_, a| {
                a.check_pos("set_int_max_str_digits", 0, 1)?;
                a.check_kw("set_int_max_str_digits", &["maxdigits"])?;
                let maxdigits = a.get(0, "maxdigits").ok_or_else(|| {
                    PyErr::type_error(
                        "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
                    )
                })?;
                let n = crate::builtins::int::as_int(maxdigits)
                    .ok_or_else(|| {
                        PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            maxdigits.type_name()
                        ))
                    })?
                    .to_i64()
                    // (Negative: refused below, as any n under 640.)
                    .map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(1));
                crate::builtins::int::set_max_str_digits(n)?;
                Ok(Value::None)
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
    ]);
    items
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
        // struct_time's fields, tm_zone and tm_gmtoff included (CPython's
        // private constant, which its tests read).
        ("_STRUCT_TM_ITEMS", Value::Int(11)),
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
                if !vm.ctrl_c && !crate::long_work::armed() {
                    vm.host().sleep(duration)?;
                    return Ok(Value::None);
                }
                // Ctrl-C ends a sleep with KeyboardInterrupt, as in
                // CPython, and a deadline or the host's interrupt ends it
                // as a limit: slept in slices with a look between.
                const SLICE: std::time::Duration = std::time::Duration::from_millis(20);
                let end = std::time::Instant::now() + duration;
                loop {
                    vm.check_keyboard_interrupt()?;
                    crate::long_work::check()?;
                    let left = end.saturating_duration_since(std::time::Instant::now());
                    // (Asked at least once: the host may refuse sleeping.)
                    vm.host().sleep(left.min(SLICE))?;
                    if left <= SLICE {
                        return Ok(Value::None);
                    }
                }
            }),
        ),
    ];
    attributes.extend(crate::builtins::time_module::attributes(vm));
    attributes
}
