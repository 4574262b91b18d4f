//! The parts of `sys` that describe the interpreter rather than run it:
//! `implementation`, `hexversion`, `flags`, `int_info`, `hash_info`,
//! `thread_info`, `getsizeof`, the prefixes, and the small functions
//! programs and libraries probe (`getswitchinterval`, `is_finalizing`,
//! `get_asyncgen_hooks`, `getrefcount`...). Values are CPython 3.11's
//! where they describe the language (`int_info`, `hash_info`), and
//! krait's own where they describe the implementation
//! (`implementation.name == 'krait'`).

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyBuiltinFunction;
use crate::builtins::structseq;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::value::Value;

/// `sys.hexversion` for 3.11.7 final (`0x030B07F0`).
const HEXVERSION: i64 = 0x030B_07F0;

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
}

/// The extra `sys` attributes, added to the module's namespace.
pub(crate) fn items(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    let record = |vm: &mut Vm, name, fields: &[&'static str], values| {
        structseq::new_value(vm, name, fields, values).unwrap_or(Value::None)
    };
    let flags = record(
        vm,
        "sys.flags",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
            .into_iter()
            .map(Value::Int)
            .chain([Value::bool(false), Value::Int(0), Value::Int(0)])
            .chain([Value::bool(false), Value::Int(-1)])
            .collect(),
    );
    let int_info = record(
        vm,
        "sys.int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
    );
    let hash_info = record(
        vm,
        "sys.hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        vec![
            Value::Int(64),
            Value::Int((1 << 61) - 1),
            Value::Int(314_159),
            Value::Int(0),
            Value::Int(1_000_003),
            Value::str("siphash13"),
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    // One thread of Python code per VM (ARCHITECTURE.md, threading).
    let thread_info = record(
        vm,
        "sys.thread_info",
        &["name", "lock", "version"],
        vec![Value::None, Value::None, Value::None],
    );
    let prefix = Value::str(install_prefix(&vm.executable));
    vec![
        ("hexversion", Value::Int(HEXVERSION)),
        ("api_version", Value::Int(1013)),
        ("flags", flags),
        ("int_info", int_info),
        ("hash_info", hash_info),
        ("thread_info", thread_info),
        ("float_repr_style", Value::str("short")),
        ("abiflags", Value::str("")),
        ("platlibdir", Value::str("lib")),
        ("prefix", prefix.clone()),
        ("base_prefix", prefix.clone()),
        ("exec_prefix", prefix.clone()),
        ("base_exec_prefix", prefix),
        ("pycache_prefix", Value::None),
        ("warnoptions", Value::list(Vec::new())),
        (
            "_xoptions",
            Value::dict(crate::builtins::dict::PyDict::new()),
        ),
        (
            "copyright",
            Value::str("krait: a Python 3.11 virtual machine in Rust."),
        ),
        ("getsizeof", function("getsizeof", sys_getsizeof)),
        ("getrefcount", function("getrefcount", sys_getrefcount)),
        (
            "getswitchinterval",
            function("getswitchinterval", |_, a| {
                a.check("getswitchinterval", 0, 0)?;
                Ok(Value::float(0.005))
            }),
        ),
        (
            "setswitchinterval",
            function("setswitchinterval", |_, a| {
                a.check("setswitchinterval", 1, 1)?;
                let interval = crate::builtins::modules::float_arg("setswitchinterval", &a, 0)?;
                if interval <= 0.0 {
                    return Err(PyErr::value_error(
                        "switch interval must be strictly positive",
                    ));
                }
                // One thread runs Python code: nothing to switch between.
                Ok(Value::None)
            }),
        ),
        (
            "getallocatedblocks",
            function("getallocatedblocks", |_, a| {
                a.check("getallocatedblocks", 0, 0)?;
                Ok(Value::Int(0))
            }),
        ),
        (
            "is_finalizing",
            function("is_finalizing", |_, a| {
                a.check("is_finalizing", 0, 0)?;
                Ok(Value::bool(false))
            }),
        ),
        (
            "getfilesystemencoding",
            function("getfilesystemencoding", |_, a| {
                a.check("getfilesystemencoding", 0, 0)?;
                Ok(Value::str("utf-8"))
            }),
        ),
        (
            "getfilesystemencodeerrors",
            function("getfilesystemencodeerrors", |_, a| {
                a.check("getfilesystemencodeerrors", 0, 0)?;
                Ok(Value::str("surrogateescape"))
            }),
        ),
        (
            "getdlopenflags",
            function("getdlopenflags", |_, a| {
                a.check("getdlopenflags", 0, 0)?;
                Ok(Value::Int(2))
            }),
        ),
        (
            "get_coroutine_origin_tracking_depth",
            function("get_coroutine_origin_tracking_depth", |_, a| {
                a.check("get_coroutine_origin_tracking_depth", 0, 0)?;
                Ok(Value::Int(0))
            }),
        ),
        (
            "call_tracing",
            function("call_tracing", |vm, a| {
                a.check("call_tracing", 2, 2)?;
                let args = a.pos[1].as_tuple().ok_or_else(|| {
                    PyErr::type_error(format!(
                        "call_tracing(): argument 2 must be tuple, not {}",
                        a.pos[1].type_name()
                    ))
                })?;
                vm.call_native(&a.pos[0], args.as_slice().to_vec(), &[])
            }),
        ),
        (
            "get_asyncgen_hooks",
            function("get_asyncgen_hooks", sys_get_asyncgen_hooks),
        ),
        (
            "set_asyncgen_hooks",
            function("set_asyncgen_hooks", sys_set_asyncgen_hooks),
        ),
        ("__getattr__", function("__getattr__", sys_getattr)),
    ]
}

/// Where the interpreter is installed, CPython's way: the directory above
/// the one holding the executable (`/usr/local` for
/// `/usr/local/bin/krait`).
fn install_prefix(executable: &str) -> String {
    let path = std::path::Path::new(executable);
    path.parent()
        .and_then(std::path::Path::parent)
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "/".to_string())
}

/// `sys.implementation`, made on first use (it is a
/// `types.SimpleNamespace`, a Python class: importing `types` at start-up
/// would cost every program) and then kept in the module's namespace.
fn sys_getattr(vm: &mut Vm, args: Args) -> PyResult {
    args.check("__getattr__", 1, 1)?;
    let name = args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    if name != "implementation" {
        return Err(PyErr::new(
            crate::typeobject::ExcType::AttributeError,
            format!("module 'sys' has no attribute '{name}'"),
        ));
    }
    let sys = vm.import_module("sys")?;
    let version = vm.get_attr(&sys, "version_info")?;
    let types = vm.import_module("types")?;
    let namespace = vm.get_attr(&types, "SimpleNamespace")?;
    let implementation = vm.call_native(
        &namespace,
        vec![
            Value::str("krait"),
            Value::str("krait-311"),
            version,
            Value::Int(HEXVERSION),
            Value::str(format!(
                "{}-{}-gnu",
                std::env::consts::ARCH,
                std::env::consts::OS
            )),
        ],
        &["name", "cache_tag", "version", "hexversion", "_multiarch"],
    )?;
    vm.set_attr(&sys, "implementation", Some(implementation.clone()))?;
    Ok(implementation)
}

thread_local! {
    /// `sys.set_asyncgen_hooks`' two callables (kept; krait's async
    /// generators are finalised by their own `aclose` only).
    static ASYNCGEN_HOOKS: std::cell::RefCell<(Value, Value)> =
        const { std::cell::RefCell::new((Value::None, Value::None)) };
}

fn sys_get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult {
    args.check("get_asyncgen_hooks", 0, 0)?;
    let (firstiter, finalizer) = ASYNCGEN_HOOKS.with(|h| h.borrow().clone());
    structseq::new_value(
        vm,
        "asyncgen_hooks",
        &["firstiter", "finalizer"],
        vec![firstiter, finalizer],
    )
}

fn sys_set_asyncgen_hooks(_: &mut Vm, args: Args) -> PyResult {
    args.check_pos("set_asyncgen_hooks", 0, 2)?;
    args.check_kw("set_asyncgen_hooks", &["firstiter", "finalizer"])?;
    let mut hooks = ASYNCGEN_HOOKS.with(|h| h.borrow().clone());
    for (i, (name, slot)) in [("firstiter", &mut hooks.0), ("finalizer", &mut hooks.1)]
        .into_iter()
        .enumerate()
    {
        if let Some(hook) = args.get(i, name) {
            if !hook.is_none() && !crate::builtins::module::is_callable(hook) {
                return Err(PyErr::type_error(format!(
                    "callable {name} expected, got {}",
                    hook.type_name()
                )));
            }
            *slot = hook.clone();
        }
    }
    ASYNCGEN_HOOKS.with(|h| *h.borrow_mut() = hooks);
    Ok(Value::None)
}

/// `sys.getrefcount(x)`: the references to `x`, counting the argument's
/// own, as CPython's does.
fn sys_getrefcount(_: &mut Vm, args: Args) -> PyResult {
    args.check("getrefcount", 1, 1)?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Obj(object) => std::rc::Rc::strong_count(object) as i64 + 1,
        // Unboxed values (small ints, floats, None, bools) are immortal
        // in effect, as CPython's small ints and singletons.
        _ => i64::from(u32::MAX >> 2),
    }))
}

/// Bytes CPython's garbage-collector header adds to a tracked object.
const GC_HEADER: i64 = 16;

/// `sys.getsizeof(object[, default])`: a user class's `__sizeof__` (plus
/// the collector's header, as CPython adds), else CPython 3.11's size of
/// the builtin kind on a 64-bit build: what programs that measure
/// themselves expect to see, not krait's own layout.
fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("getsizeof", 1, 2)?;
    args.check_kw("getsizeof", &["default"])?;
    let object = &args.pos[0];
    let default = args.get(1, "default").cloned();
    if let Some(PyObject::Instance(instance)) = object.as_obj()
        && instance.class().heap
        && let Some(sizeof) = instance.class().lookup("__sizeof__")
        && matches!(sizeof.as_obj(), Some(PyObject::Function(_)))
    {
        let size = match vm.call_native(&sizeof, vec![object.clone()], &[]) {
            Ok(size) => size,
            Err(err) if default.is_some() && err.matches(crate::typeobject::ExcType::TypeError) => {
                return Ok(default.unwrap_or(Value::None));
            }
            Err(err) => return Err(err),
        };
        let size = crate::builtins::int::as_int(&size)
            .and_then(|n| num_traits::ToPrimitive::to_i64(&*n.to_bigint()))
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    size.type_name()
                ))
            })?;
        if size < 0 {
            return Err(PyErr::value_error("__sizeof__() should return >= 0"));
        }
        // CPython 3.11 keeps an instance's dict and weak-reference list
        // in a 16-byte pre-header too, for a class without `__slots__`.
        let pre_header = if instance.class().defines(crate::typeobject::Slot::Slots) {
            0
        } else {
            16
        };
        return Ok(Value::Int(size + GC_HEADER + pre_header));
    }
    Ok(Value::Int(builtin_size(object)))
}

/// `object.__sizeof__()`: [`builtin_size`] without the collector's header
/// of the kinds CPython's collector tracks (an instance: its basic size).
pub(crate) fn size_of(object: &Value) -> i64 {
    match object.as_obj() {
        Some(PyObject::Instance(instance)) if instance.base().is_none() => {
            instance_basic_size(instance.class())
        }
        Some(
            PyObject::List(_)
            | PyObject::Dict(_)
            | PyObject::Set(_)
            | PyObject::FrozenSet(_)
            | PyObject::Tuple(_),
        ) => builtin_size(object) - GC_HEADER,
        _ => builtin_size(object.builtin_value()),
    }
}

/// CPython 3.11's basic size of an instance of a class statement: the
/// object header, a word per slot, and one for the dict and weak
/// reference list when it has either.
fn instance_basic_size(class: &crate::typeobject::TypeObject) -> i64 {
    let member = |name: &Value| {
        name.as_str_or_subclass()
            .is_some_and(|n| !matches!(n.as_str(), "__dict__" | "__weakref__"))
    };
    let slots: usize = std::iter::once(class)
        .chain(class.mro.iter().map(|t| &**t))
        .filter(|t| t.heap)
        .filter_map(|t| t.dict.borrow().get("__slots__").cloned())
        .map(|spec| match spec.as_obj() {
            Some(PyObject::Str(_)) => usize::from(member(&spec)),
            Some(PyObject::Tuple(names)) => names.iter().filter(|n| member(n)).count(),
            Some(PyObject::List(names)) => names.snapshot().iter().filter(|n| member(n)).count(),
            _ => 0,
        })
        .sum();
    let dict_or_weakref = class.instance_dict || class.instance_weakref;
    16 + 8 * slots as i64 + if dict_or_weakref { 8 } else { 0 }
}

/// CPython 3.11's `sys.getsizeof` of a builtin value (64-bit).
fn builtin_size(object: &Value) -> i64 {
    let int_size = |bits: u64| 24 + 4 * (bits.div_ceil(30).max(1) as i64);
    let object = match object {
        Value::None => return 16,
        Value::Bool(_) => return 28,
        Value::Int(i) => return int_size(u64::from(64 - i.unsigned_abs().leading_zeros())),
        Value::Float(_) => return 24,
        Value::Obj(object) => object,
        _ => return 16,
    };
    let gc = GC_HEADER;
    match &**object {
        PyObject::Int(big) => int_size(big.bits()),
        PyObject::Complex(_) => 32,
        PyObject::Str(s) => {
            let text = s.as_str();
            let len = text.chars().count() as i64;
            match text.chars().map(u32::from).max().unwrap_or(0) {
                0..=0x7f => 49 + len,
                0x80..=0xff => 73 + len,
                0x100..=0xffff => 74 + 2 * len,
                _ => 76 + 4 * len,
            }
        }
        PyObject::Bytes(b) => 33 + b.as_bytes().len() as i64,
        PyObject::Tuple(t) => 24 + gc + 8 * t.len() as i64,
        PyObject::List(l) => 40 + gc + 8 * l.borrow().capacity() as i64,
        PyObject::Dict(d) => {
            // A table of str keys only keeps no hashes (CPython's
            // "unicode" keys): 16-byte entries instead of 24.
            let str_keys = d.keys().iter().all(|k| k.as_str().is_some());
            dict_size(d.len(), str_keys) + gc
        }
        PyObject::Set(s) | PyObject::FrozenSet(s) => set_size(s.len()) + gc,
        PyObject::Range(_) => 48,
        PyObject::Slice(_) => 40 + gc,
        PyObject::Type(_) => 1672 + gc,
        PyObject::BuiltinFunction(_) | PyObject::MethodDescriptor(_) => 56 + gc,
        PyObject::Function(_) => 136 + gc,
        PyObject::BoundMethod(_) => 48 + gc,
        PyObject::Iterator(_) => 32 + gc,
        PyObject::Generator(_) | PyObject::Coroutine(_) | PyObject::AsyncGenerator(_) => 104 + gc,
        PyObject::Exception(_) => 64 + gc,
        PyObject::Cell(_) => 24 + gc,
        PyObject::Instance(instance) if instance.class().heap => 40 + gc,
        _ => 16,
    }
}

/// A dict of `len` items as CPython 3.11 sizes a freshly filled one: a
/// 48-byte object and a keys table of the smallest power-of-two size
/// (8 at least) whose usable two thirds hold them.
fn dict_size(len: usize, unicode_keys: bool) -> i64 {
    if len == 0 {
        return 48;
    }
    let mut table = 8usize;
    while table * 2 / 3 < len {
        table *= 2;
    }
    let usable = (table * 2 / 3) as i64;
    let index_bytes = match table {
        0..=0x80 => 1,
        0x81..=0x8000 => 2,
        0x8001..=0x8000_0000 => 4,
        _ => 8,
    };
    let entry = if unicode_keys { 16 } else { 24 };
    48 + 32 + (table as i64) * index_bytes + usable * entry
}

/// A set of `len` items: 200 bytes with its inline table of 8, else a
/// table kept under three fifths full.
fn set_size(len: usize) -> i64 {
    let mut table = 8usize;
    while len * 5 >= table * 3 {
        table *= 4;
    }
    if table == 8 {
        200
    } else {
        200 + 16 * table as i64
    }
}
