//! `posix`: the operating-system calls under `os` and `os.path`
//! (`lib/os.py`, `lib/posixpath.py`), each through the VM's host, so a
//! host that grants no file system makes them raise `PermissionError`.
//! They take paths as str; `os` turns path-like objects into str first.

use krait_vm::builtins::function::{NativeFunction, PyBuiltinFunction};
use krait_vm::host::FileKind;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

/// `st_mode`'s file-type bits (`stat.S_IFDIR`, `stat.S_IFREG`).
const S_IFDIR: i64 = 0o040_000;
const S_IFREG: i64 = 0o100_000;

/// `os.stat_result`'s fields (the tuple's; the times are also attributes
/// as floats and nanoseconds).
const STAT_FIELDS: [&str; 10] = [
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
    "st_mtime", "st_ctime",
];

pub fn module(vm: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let stat_result =
        krait_vm::builtins::structseq::type_value(vm, "os.stat_result", &STAT_FIELDS)?;
    let functions: &[(&'static str, NativeFunction)] = &[
        ("getcwd", getcwd),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("replace", rename),
        ("stat", stat),
        ("lstat", stat),
        ("environ", environ),
        ("getpid", getpid),
        ("urandom", urandom),
    ];
    let mut attributes: Vec<(&'static str, Value)> = functions
        .iter()
        .map(|&(name, func)| {
            let function = PyObject::BuiltinFunction(PyBuiltinFunction { name, func });
            (name, Value::obj(function))
        })
        .collect();
    attributes.push(("stat_result", stat_result));
    Ok(attributes)
}

/// Argument `name` (position `i`) of `function` as a path string: a str,
/// or what a path-like object's `__fspath__` gives; `kinds` in the
/// message is what the function accepts, as CPython words it.
fn path_arg(vm: &mut Vm, args: &Args, function: &str, i: usize, name: &str) -> PyResult<String> {
    let kinds = match function {
        "listdir" | "scandir" => "string, bytes, os.PathLike, integer or None",
        "stat" | "lstat" => "string, bytes, os.PathLike or integer",
        _ => "string, bytes or os.PathLike",
    };
    let mut value = match args.get(i, name) {
        Some(value) => value.clone(),
        None if function == "listdir" => Value::str("."),
        None => {
            return Err(PyErr::type_error(format!(
                "{function}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    };
    if value.as_str_or_subclass().is_none() && !value.is_none() {
        let class =
            krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(&value));
        if let Ok(fspath) = vm.get_attr(&class, "__fspath__") {
            value = vm.call(&fspath, Args::new(&[value]))?;
        }
    }
    match value.as_str_or_subclass() {
        Some(text) => {
            if text.as_str().contains('\0') {
                return Err(PyErr::value_error(format!(
                    "{function}: embedded null character in {name}"
                )));
            }
            Ok(text.as_str().to_string())
        }
        None if value.is_none() && function == "listdir" => Ok(".".to_string()),
        None => Err(PyErr::type_error(format!(
            "{function}: {name} should be {kinds}, not {}",
            value.type_name()
        ))),
    }
}

/// Checks the positional count and the keywords a function takes.
fn check(args: &Args, function: &str, min: usize, max: usize, keywords: &[&str]) -> PyResult<()> {
    args.check_pos(function, min, max)?;
    args.check_kw(function, keywords)
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getcwd", 0, 0)?;
    Ok(Value::str(vm.host().current_dir()?))
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "listdir", 0, 1, &["path"])?;
    let path = path_arg(vm, &args, "listdir", 0, "path")?;
    let mut names = vm.host().list_dir(&path)?;
    names.sort();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "mkdir", 1, 2, &["path", "mode", "dir_fd"])?;
    let path = path_arg(vm, &args, "mkdir", 0, "path")?;
    vm.host().create_dir(&path)?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "rmdir", 1, 1, &["path", "dir_fd"])?;
    let path = path_arg(vm, &args, "rmdir", 0, "path")?;
    vm.host().remove_dir(&path)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "remove", 1, 1, &["path", "dir_fd"])?;
    let path = path_arg(vm, &args, "remove", 0, "path")?;
    vm.host().remove_file(&path)?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult {
    check(
        &args,
        "rename",
        2,
        2,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
    )?;
    let from = path_arg(vm, &args, "rename", 0, "src")?;
    let to = path_arg(vm, &args, "rename", 1, "dst")?;
    vm.host().rename(&from, &to)?;
    Ok(Value::None)
}

/// `stat(path)`: an `os.stat_result`.
fn stat(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "stat", 1, 1, &["path", "dir_fd", "follow_symlinks"])?;
    let path = path_arg(vm, &args, "stat", 0, "path")?;
    let Some(stat) = vm.host().stat(&path)? else {
        return Err(PyErr::os_error(2, "No such file or directory", Some(&path)));
    };
    let mode = match stat.kind {
        FileKind::Directory => S_IFDIR | 0o755,
        FileKind::File => S_IFREG | 0o644,
        FileKind::Other => 0o644,
    };
    let mtime_ns = stat
        .modified
        .map_or(0, |m| i64::try_from(m.as_nanos()).unwrap_or(i64::MAX));
    let seconds = Value::Int(mtime_ns.div_euclid(1_000_000_000));
    let values = vec![
        Value::Int(mode),
        Value::Int(0),
        Value::Int(0),
        Value::Int(1),
        Value::Int(0),
        Value::Int(0),
        Value::Int(i64::try_from(stat.size).unwrap_or(i64::MAX)),
        seconds.clone(),
        seconds.clone(),
        seconds,
    ];
    let result =
        krait_vm::builtins::structseq::new_value(vm, "os.stat_result", &STAT_FIELDS, values)?;
    // The attributes are floats (and nanoseconds); the tuple holds ints.
    let float_time = Value::float(mtime_ns as f64 / 1e9);
    for name in ["st_atime", "st_mtime", "st_ctime"] {
        vm.set_attr(&result, name, Some(float_time.clone()))?;
    }
    for name in ["st_atime_ns", "st_mtime_ns", "st_ctime_ns"] {
        vm.set_attr(&result, name, Some(Value::Int(mtime_ns)))?;
    }
    Ok(result)
}

fn environ(vm: &mut Vm, args: Args) -> PyResult {
    args.check("environ", 0, 0)?;
    let pairs = vm
        .host()
        .env_vars()?
        .into_iter()
        .map(|(k, v)| (Value::str(k), Value::str(v)))
        .collect();
    Ok(Value::dict(krait_vm::builtins::dict::PyDict::from_pairs(
        pairs,
    )?))
}

/// `os.urandom(size)`: bytes from the host's entropy.
fn urandom(vm: &mut Vm, args: Args) -> PyResult {
    args.check("urandom", 1, 1)?;
    let size = krait_vm::sequence::index_arg(vm, &args.pos[0], "size")?;
    if size < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut bytes = vec![0u8; size as usize];
    vm.host().entropy(&mut bytes)?;
    Ok(Value::bytes(bytes))
}

fn getpid(_: &mut Vm, args: Args) -> PyResult {
    args.check("getpid", 0, 0)?;
    Ok(Value::Int(i64::from(std::process::id())))
}
