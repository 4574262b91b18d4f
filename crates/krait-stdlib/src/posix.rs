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

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
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
        ("environ", environ),
        ("getpid", getpid),
    ];
    Ok(functions
        .iter()
        .map(|&(name, func)| {
            let function = PyObject::BuiltinFunction(PyBuiltinFunction { name, func });
            (name, Value::obj(function))
        })
        .collect())
}

/// Argument `i` of `function` as a path string; `kinds` lists what the
/// function accepts, for CPython's TypeError.
fn path_arg(args: &Args, function: &str, i: usize) -> PyResult<String> {
    let kinds = match function {
        "listdir" | "scandir" => "string, bytes, os.PathLike, integer or None",
        "stat" => "string, bytes, os.PathLike or integer",
        _ => "string, bytes or os.PathLike",
    };
    let what = match (function, i) {
        ("rename", 0) => "src",
        ("rename", _) => "dst",
        _ => "path",
    };
    let value = &args.pos[i];
    match value.as_str_or_subclass() {
        Some(text) => {
            if text.as_str().contains('\0') {
                return Err(PyErr::value_error(format!(
                    "{function}: embedded null character in path"
                )));
            }
            Ok(text.as_str().to_string())
        }
        None => Err(PyErr::type_error(format!(
            "{function}: {what} should be {kinds}, not {}",
            value.type_name()
        ))),
    }
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getcwd", 0, 0)?;
    Ok(Value::str(vm.host().current_dir()?))
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult {
    args.check("listdir", 1, 1)?;
    let path = path_arg(&args, "listdir", 0)?;
    let mut names = vm.host().list_dir(&path)?;
    names.sort();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult {
    args.check("mkdir", 1, 1)?;
    let path = path_arg(&args, "mkdir", 0)?;
    vm.host().create_dir(&path)?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult {
    args.check("rmdir", 1, 1)?;
    let path = path_arg(&args, "rmdir", 0)?;
    vm.host().remove_dir(&path)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    args.check("remove", 1, 1)?;
    let path = path_arg(&args, "remove", 0)?;
    vm.host().remove_file(&path)?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult {
    args.check("rename", 2, 2)?;
    let from = path_arg(&args, "rename", 0)?;
    let to = path_arg(&args, "rename", 1)?;
    vm.host().rename(&from, &to)?;
    Ok(Value::None)
}

/// `stat(path)`: `(st_mode, st_size, st_mtime_ns)`; `os.stat` makes the
/// `stat_result` of it.
fn stat(vm: &mut Vm, args: Args) -> PyResult {
    args.check("stat", 1, 1)?;
    let path = path_arg(&args, "stat", 0)?;
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
    Ok(Value::tuple(vec![
        Value::Int(mode),
        Value::Int(i64::try_from(stat.size).unwrap_or(i64::MAX)),
        Value::Int(mtime_ns),
    ]))
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

fn getpid(_: &mut Vm, args: Args) -> PyResult {
    args.check("getpid", 0, 0)?;
    Ok(Value::Int(i64::from(std::process::id())))
}
