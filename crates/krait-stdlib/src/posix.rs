//! `posix`: the operating-system calls under `os` and `os.path`
//! (`lib/os.py`, `lib/posixpath.py`), each through the VM's host, so a
//! host that grants no file system makes them raise `PermissionError`.
//! They take paths as str (bytes are read as UTF-8, and the few calls that
//! answer with paths answer in bytes then, as CPython); `os` turns
//! path-like objects into str first. File descriptors are the host's:
//! the process's own under the `krait` command.

use krait_vm::builtins::function::{NativeFunction, PyBuiltinFunction};
use krait_vm::builtins::structseq;
use krait_vm::host::{ChildSpec, ChildStream, FileStatus, ProcessId};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

/// `os.stat_result`'s fields: the ten of its tuple (indexes 7-9 are the
/// times in whole seconds; the attributes of those names are floats),
/// then the attributes only.
const STAT_FIELDS: [&str; 16] = [
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];
const STAT_SEQUENCE: usize = 10;

const UNAME_FIELDS: [&str; 5] = ["sysname", "nodename", "release", "version", "machine"];
const TIMES_FIELDS: [&str; 5] = [
    "user",
    "system",
    "children_user",
    "children_system",
    "elapsed",
];
const TERMINAL_SIZE_FIELDS: [&str; 2] = ["columns", "lines"];

pub fn module(vm: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let types = [
        (
            "stat_result",
            structseq::type_value_with_sequence(vm, "os.stat_result", &STAT_FIELDS, STAT_SEQUENCE)?,
        ),
        (
            "uname_result",
            structseq::type_value(vm, "posix.uname_result", &UNAME_FIELDS)?,
        ),
        (
            "times_result",
            structseq::type_value(vm, "posix.times_result", &TIMES_FIELDS)?,
        ),
        (
            "terminal_size",
            structseq::type_value(vm, "os.terminal_size", &TERMINAL_SIZE_FIELDS)?,
        ),
    ];
    let functions: &[(&'static str, NativeFunction)] = &[
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("chdir", chdir),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("replace", rename),
        ("stat", stat),
        ("lstat", lstat),
        ("fstat", fstat),
        ("chmod", chmod),
        ("utime", utime),
        ("symlink", symlink),
        ("readlink", readlink),
        ("link", link),
        ("truncate", truncate),
        ("environ", environ),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("getpid", getpid),
        ("fspath", fspath),
        ("getppid", getppid),
        ("getuid", getuid),
        ("geteuid", geteuid),
        ("getgid", getgid),
        ("getegid", getegid),
        ("getlogin", getlogin),
        ("uname", uname),
        ("umask", umask),
        ("times", times),
        ("urandom", urandom),
        ("open", open),
        ("close", close),
        ("read", read),
        ("write", write),
        ("lseek", lseek),
        ("fsync", fsync),
        ("ftruncate", ftruncate),
        ("dup", dup),
        ("isatty", isatty),
        ("get_terminal_size", get_terminal_size),
        ("pipe", pipe),
        ("cpu_count", cpu_count),
        ("kill", kill),
        ("waitpid", waitpid),
        ("_spawn_child", spawn_child),
    ];
    let mut attributes: Vec<(&'static str, Value)> = functions
        .iter()
        .map(|&(name, func)| {
            let function = PyObject::BuiltinFunction(PyBuiltinFunction { name, func });
            (name, Value::obj(function))
        })
        .collect();
    attributes.extend(types);
    attributes.push(("WNOHANG", Value::Int(1)));
    attributes.extend(
        OPEN_FLAGS
            .iter()
            .map(|&(name, value)| (name, Value::Int(i64::from(value)))),
    );
    Ok(attributes)
}

/// `os.open`'s flags, the platform's values (the host hands them to C's
/// `open`).
#[cfg(unix)]
const OPEN_FLAGS: &[(&str, i32)] = &[
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_ACCMODE", libc::O_ACCMODE),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_APPEND", libc::O_APPEND),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_SYNC", libc::O_SYNC),
    ("O_DSYNC", libc::O_DSYNC),
    #[cfg(target_os = "linux")]
    ("O_NOATIME", libc::O_NOATIME),
    #[cfg(target_os = "linux")]
    ("O_PATH", libc::O_PATH),
    #[cfg(target_os = "linux")]
    ("O_TMPFILE", libc::O_TMPFILE),
    #[cfg(target_os = "linux")]
    ("O_LARGEFILE", libc::O_LARGEFILE),
    #[cfg(target_os = "linux")]
    ("O_ASYNC", libc::O_ASYNC),
    #[cfg(target_os = "linux")]
    ("O_DIRECT", libc::O_DIRECT),
    #[cfg(target_os = "linux")]
    ("O_FSYNC", libc::O_FSYNC),
    #[cfg(target_os = "linux")]
    ("O_RSYNC", libc::O_RSYNC),
];

/// Linux's values where there is no C library to ask (a host there
/// decides what they mean).
#[cfg(not(unix))]
const OPEN_FLAGS: &[(&str, i32)] = &[
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_ACCMODE", 3),
    ("O_CREAT", 0o100),
    ("O_EXCL", 0o200),
    ("O_TRUNC", 0o1000),
    ("O_APPEND", 0o2000),
];

/// A path argument: its text, and whether it was given as bytes (the
/// calls that answer with paths answer in the same kind).
struct PathArg {
    text: String,
    bytes: bool,
}

/// What a path argument may also be: an open file descriptor
/// (`os.stat(fd)`).
enum PathOrFd {
    Path(PathArg),
    Fd(i32),
}

/// What `function`'s path argument may be, as CPython words it.
fn path_kinds(function: &str) -> &'static str {
    match function {
        "listdir" | "scandir" => "string, bytes, os.PathLike, integer or None",
        "stat" | "truncate" | "chdir" | "chmod" | "utime" => {
            "string, bytes, os.PathLike or integer"
        }
        _ => "string, bytes or os.PathLike",
    }
}

/// Argument `name` (position `i`) of `function` as a path or a
/// descriptor: a str, bytes, what a path-like object's `__fspath__`
/// gives, or (when `fd_ok`) an int.
fn path_or_fd(
    vm: &mut Vm,
    args: &Args,
    function: &str,
    i: usize,
    name: &str,
    fd_ok: bool,
) -> PyResult<PathOrFd> {
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
    if fd_ok && matches!(value, Value::Int(_)) {
        return Ok(PathOrFd::Fd(fd_value(vm, &value)?));
    }
    if value.as_str_or_subclass().is_none()
        && value.as_bytes_or_subclass().is_none()
        && !value.is_none()
    {
        let class =
            krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(&value));
        if let Ok(fspath) = vm.get_attr(&class, "__fspath__") {
            value = vm.call(&fspath, Args::new(&[value]))?;
        }
    }
    let (text, bytes) = if let Some(text) = value.as_str_or_subclass() {
        (text.as_str().to_string(), false)
    } else if let Some(bytes) = value.as_bytes_or_subclass() {
        (String::from_utf8_lossy(bytes.as_bytes()).into_owned(), true)
    } else if value.is_none() && function == "listdir" {
        (".".to_string(), false)
    } else {
        return Err(PyErr::type_error(format!(
            "{function}: {name} should be {}, not {}",
            path_kinds(function),
            value.type_name()
        )));
    };
    if text.contains('\0') {
        return Err(PyErr::value_error(format!(
            "{function}: embedded null character in {name}"
        )));
    }
    Ok(PathOrFd::Path(PathArg { text, bytes }))
}

/// A path argument that cannot be a descriptor.
fn path_arg(vm: &mut Vm, args: &Args, function: &str, i: usize, name: &str) -> PyResult<PathArg> {
    match path_or_fd(vm, args, function, i, name, false)? {
        PathOrFd::Path(path) => Ok(path),
        PathOrFd::Fd(_) => unreachable!("descriptors are not asked for"),
    }
}

/// A path answered in the kind the argument was given in.
fn path_value(text: String, bytes: bool) -> Value {
    if bytes {
        Value::bytes(text.into_bytes())
    } else {
        Value::str(text)
    }
}

/// A C `int` argument (a descriptor, flags, a mode): CPython's messages
/// for what is no int or does not fit.
fn c_int(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    let n = krait_vm::sequence::index_arg(vm, value, "").map_err(|err| {
        if err.matches(krait_vm::typeobject::ExcType::OverflowError) {
            PyErr::overflow_error("Python int too large to convert to C int")
        } else {
            err
        }
    })?;
    i32::try_from(n).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// A file descriptor argument: an int, or an object with `fileno()`
/// (as `os.fsync` takes).
fn fd_value(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    c_int(vm, value)
}

/// A required argument `name` at position `i`.
fn required<'a>(args: &Args<'a>, function: &str, i: usize, name: &str) -> PyResult<&'a Value> {
    args.get(i, name).ok_or_else(|| {
        PyErr::type_error(format!(
            "{function}() missing required argument '{name}' (pos {})",
            i + 1
        ))
    })
}

/// The descriptor argument `fd` of `function` (position 0).
fn fd_arg(vm: &mut Vm, args: &Args, function: &str) -> PyResult<i32> {
    let value = required(args, function, 0, "fd")?.clone();
    fd_value(vm, &value)
}

/// A keyword-only flag (`follow_symlinks=`), true unless given false.
fn flag(vm: &mut Vm, args: &Args, name: &str, default: bool) -> PyResult<bool> {
    match args.kwarg(name) {
        Some(value) => vm.truthy_value(value),
        None => Ok(default),
    }
}

/// Checks the positional count and the keywords a function takes.
fn check(args: &Args, function: &str, min: usize, max: usize, keywords: &[&str]) -> PyResult<()> {
    args.check_pos(function, min, max)?;
    args.check_kw(function, keywords)
}

/// `dir_fd=` is accepted as CPython's default (None) only: no call here
/// works relative to a folder descriptor.
fn no_dir_fd(args: &Args, function: &str) -> PyResult<()> {
    for name in ["dir_fd", "src_dir_fd", "dst_dir_fd"] {
        if args.kwarg(name).is_some_and(|v| !v.is_none()) {
            return Err(PyErr::new(
                krait_vm::typeobject::ExcType::NotImplementedError,
                format!("{function}: {name} unavailable on this platform"),
            ));
        }
    }
    Ok(())
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getcwd", 0, 0)?;
    Ok(Value::str(vm.host().current_dir()?))
}

fn getcwdb(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getcwdb", 0, 0)?;
    Ok(Value::bytes(vm.host().current_dir()?.into_bytes()))
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "chdir", 1, 1, &["path"])?;
    let path = path_arg(vm, &args, "chdir", 0, "path")?;
    vm.host().set_current_dir(&path.text)?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "listdir", 0, 1, &["path"])?;
    let path = path_arg(vm, &args, "listdir", 0, "path")?;
    let mut names = vm.host().list_dir(&path.text)?;
    names.sort();
    Ok(Value::list(
        names
            .into_iter()
            .map(|name| path_value(name, path.bytes))
            .collect(),
    ))
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "mkdir", 1, 2, &["path", "mode", "dir_fd"])?;
    no_dir_fd(&args, "mkdir")?;
    let path = path_arg(vm, &args, "mkdir", 0, "path")?;
    match args.get(1, "mode") {
        None => vm.host().create_dir(&path.text)?,
        Some(mode) => {
            let mode = c_int(vm, mode)?;
            vm.host().create_dir_with_mode(&path.text, mode as u32)?
        }
    }
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "rmdir", 1, 1, &["path", "dir_fd"])?;
    no_dir_fd(&args, "rmdir")?;
    let path = path_arg(vm, &args, "rmdir", 0, "path")?;
    vm.host().remove_dir(&path.text)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "remove", 1, 1, &["path", "dir_fd"])?;
    no_dir_fd(&args, "remove")?;
    let path = path_arg(vm, &args, "remove", 0, "path")?;
    vm.host().remove_file(&path.text)?;
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
    no_dir_fd(&args, "rename")?;
    let from = path_arg(vm, &args, "rename", 0, "src")?;
    let to = path_arg(vm, &args, "rename", 1, "dst")?;
    vm.host().rename(&from.text, &to.text)?;
    Ok(Value::None)
}

/// An `os.stat_result` of what the host said.
fn stat_result(vm: &mut Vm, status: FileStatus) -> PyResult {
    let int = |n: u64| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let seconds = |ns: i64| Value::Int(ns.div_euclid(1_000_000_000));
    let values = vec![
        Value::Int(i64::from(status.mode)),
        int(status.ino),
        int(status.dev),
        int(status.nlink),
        Value::Int(i64::from(status.uid)),
        Value::Int(i64::from(status.gid)),
        Value::Int(status.size),
        seconds(status.atime_ns),
        seconds(status.mtime_ns),
        seconds(status.ctime_ns),
        Value::Int(status.atime_ns),
        Value::Int(status.mtime_ns),
        Value::Int(status.ctime_ns),
        Value::Int(status.blksize),
        Value::Int(status.blocks),
        int(status.rdev),
    ];
    let result = structseq::new_value_with_sequence(
        vm,
        "os.stat_result",
        &STAT_FIELDS,
        STAT_SEQUENCE,
        values,
    )?;
    // The attributes are floats; the tuple holds whole seconds.
    let times = [
        ("st_atime", status.atime_ns),
        ("st_mtime", status.mtime_ns),
        ("st_ctime", status.ctime_ns),
    ];
    for (name, ns) in times {
        let float =
            ns.div_euclid(1_000_000_000) as f64 + ns.rem_euclid(1_000_000_000) as f64 * 1e-9;
        vm.set_attr(&result, name, Some(Value::float(float)))?;
    }
    Ok(result)
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`: an
/// `os.stat_result`; `path` may be an open descriptor.
fn stat(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "stat", 1, 1, &["path", "dir_fd", "follow_symlinks"])?;
    no_dir_fd(&args, "stat")?;
    let follow = flag(vm, &args, "follow_symlinks", true)?;
    let status = match path_or_fd(vm, &args, "stat", 0, "path", true)? {
        PathOrFd::Path(path) => vm.host().file_status(&path.text, follow)?,
        PathOrFd::Fd(fd) => vm.host().fd_status(fd)?,
    };
    stat_result(vm, status)
}

/// `lstat(path, *, dir_fd=None)`: a symbolic link's own status.
fn lstat(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "lstat", 1, 1, &["path", "dir_fd"])?;
    no_dir_fd(&args, "lstat")?;
    let path = path_arg(vm, &args, "lstat", 0, "path")?;
    let status = vm.host().file_status(&path.text, false)?;
    stat_result(vm, status)
}

fn fstat(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "fstat", 1, 1, &["fd"])?;
    let fd = fd_arg(vm, &args, "fstat")?;
    let status = vm.host().fd_status(fd)?;
    stat_result(vm, status)
}

fn chmod(vm: &mut Vm, args: Args) -> PyResult {
    check(
        &args,
        "chmod",
        2,
        2,
        &["path", "mode", "dir_fd", "follow_symlinks"],
    )?;
    no_dir_fd(&args, "chmod")?;
    let path = path_arg(vm, &args, "chmod", 0, "path")?;
    let mode = required(&args, "chmod", 1, "mode")?.clone();
    let mode = c_int(vm, &mode)?;
    let follow = flag(vm, &args, "follow_symlinks", true)?;
    vm.host().set_mode(&path.text, mode as u32, follow)?;
    Ok(Value::None)
}

/// A time of `utime`'s `times` in nanoseconds (an int or a float of
/// seconds, rounded down as CPython does).
fn seconds_to_ns(vm: &mut Vm, value: &Value) -> PyResult<i64> {
    if let Value::Float(f) = value {
        let f = f.get();
        if !f.is_finite() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let whole = f.floor();
        let ns = whole * 1e9 + ((f - whole) * 1e9).floor();
        if ns.abs() >= 9.2e18 {
            return Err(PyErr::overflow_error(
                "timestamp out of range for platform time_t",
            ));
        }
        return Ok(ns as i64);
    }
    let seconds = krait_vm::sequence::index_arg(vm, value, "")?;
    seconds
        .checked_mul(1_000_000_000)
        .ok_or_else(|| PyErr::overflow_error("timestamp out of range for platform time_t"))
}

/// The two items of a `(atime, mtime)` pair, or None when `value` is not
/// a tuple of two.
fn pair(value: &Value) -> Option<(Value, Value)> {
    match value.as_tuple()?.as_slice() {
        [a, b] => Some((a.clone(), b.clone())),
        _ => None,
    }
}

/// `utime(path, times=None, *, ns=..., dir_fd=None, follow_symlinks=True)`.
fn utime(vm: &mut Vm, args: Args) -> PyResult {
    check(
        &args,
        "utime",
        1,
        2,
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
    )?;
    no_dir_fd(&args, "utime")?;
    let path = path_arg(vm, &args, "utime", 0, "path")?;
    let follow = flag(vm, &args, "follow_symlinks", true)?;
    let times = args.get(1, "times").filter(|v| !v.is_none());
    let ns = args.kwarg("ns");
    let chosen = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(PyErr::value_error(
                "utime: you may specify either 'times' or 'ns' but not both",
            ));
        }
        (Some(times), None) => {
            let Some((atime, mtime)) = pair(times) else {
                return Err(PyErr::type_error(
                    "utime: 'times' must be either a tuple of two ints or None",
                ));
            };
            Some((seconds_to_ns(vm, &atime)?, seconds_to_ns(vm, &mtime)?))
        }
        (None, Some(ns)) => {
            let Some((atime, mtime)) = pair(ns) else {
                return Err(PyErr::type_error("utime: 'ns' must be a tuple of two ints"));
            };
            let atime = krait_vm::sequence::index_arg(vm, &atime, "")?;
            let mtime = krait_vm::sequence::index_arg(vm, &mtime, "")?;
            Some((atime, mtime))
        }
        (None, None) => None,
    };
    vm.host().set_times(&path.text, chosen, follow)?;
    Ok(Value::None)
}

fn symlink(vm: &mut Vm, args: Args) -> PyResult {
    check(
        &args,
        "symlink",
        2,
        3,
        &["src", "dst", "target_is_directory", "dir_fd"],
    )?;
    no_dir_fd(&args, "symlink")?;
    let target = path_arg(vm, &args, "symlink", 0, "src")?;
    let link = path_arg(vm, &args, "symlink", 1, "dst")?;
    vm.host().create_symlink(&target.text, &link.text)?;
    Ok(Value::None)
}

fn readlink(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "readlink", 1, 1, &["path", "dir_fd"])?;
    no_dir_fd(&args, "readlink")?;
    let path = path_arg(vm, &args, "readlink", 0, "path")?;
    let target = vm.host().read_link(&path.text)?;
    Ok(path_value(target, path.bytes))
}

fn link(vm: &mut Vm, args: Args) -> PyResult {
    check(
        &args,
        "link",
        2,
        2,
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    no_dir_fd(&args, "link")?;
    let target = path_arg(vm, &args, "link", 0, "src")?;
    let link = path_arg(vm, &args, "link", 1, "dst")?;
    vm.host().create_hard_link(&target.text, &link.text)?;
    Ok(Value::None)
}

/// A length argument of `truncate`/`ftruncate` (a C `off_t`).
fn length_arg(vm: &mut Vm, args: &Args, function: &str) -> PyResult<u64> {
    let length = required(args, function, 1, "length")?.clone();
    let length = krait_vm::sequence::index_arg(vm, &length, "")?;
    // A negative length is the system's EINVAL.
    u64::try_from(length).map_err(|_| PyErr::os_error(22, "Invalid argument", None))
}

/// `truncate(path, length)`; `path` may be an open descriptor.
fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "truncate", 2, 2, &["path", "length"])?;
    let target = path_or_fd(vm, &args, "truncate", 0, "path", true)?;
    let length = length_arg(vm, &args, "truncate")?;
    match target {
        PathOrFd::Path(path) => vm.host().truncate_file(&path.text, length)?,
        PathOrFd::Fd(fd) => vm.host().truncate_fd(fd, length)?,
    }
    Ok(Value::None)
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

/// An environment variable's name or value: str (or bytes), no NUL.
fn env_text(value: &Value, function: &str) -> PyResult<String> {
    let text = if let Some(text) = value.as_str_or_subclass() {
        text.as_str().to_string()
    } else if let Some(bytes) = value.as_bytes_or_subclass() {
        String::from_utf8_lossy(bytes.as_bytes()).into_owned()
    } else {
        return Err(PyErr::type_error(format!(
            "{function}: expected str, bytes or os.PathLike object, not {}",
            value.type_name()
        )));
    };
    if text.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    Ok(text)
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult {
    args.check("putenv", 2, 2)?;
    let key = env_text(&args.pos[0], "putenv")?;
    let value = env_text(&args.pos[1], "putenv")?;
    if key.is_empty() || key.contains('=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    vm.host().set_env_var(&key, &value)?;
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult {
    args.check("unsetenv", 1, 1)?;
    let key = env_text(&args.pos[0], "unsetenv")?;
    if key.is_empty() || key.contains('=') {
        return Err(PyErr::os_error(22, "Invalid argument", None));
    }
    vm.host().remove_env_var(&key)?;
    Ok(Value::None)
}

/// `os.urandom(size)`: bytes from the host's entropy.
fn urandom(vm: &mut Vm, args: Args) -> PyResult {
    args.check("urandom", 1, 1)?;
    let size = krait_vm::sequence::index_arg(vm, &args.pos[0], "size")?;
    if size < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut bytes = krait_vm::memory::vec_with_capacity(size as usize)?;
    bytes.resize(size as usize, 0u8);
    vm.host().entropy(&mut bytes)?;
    Ok(Value::bytes(bytes))
}

/// `os.fspath(path)`: a str or bytes (subclasses too) as it is, else what
/// its type's `__fspath__` returns, which must be a str or bytes (CPython's
/// `PyOS_FSPath`, with its messages). Native, as CPython's is: the path
/// functions of `posixpath` call it on every argument.
fn fspath(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "fspath", 0, 1, &["path"])?;
    let path = required(&args, "fspath", 0, "path")?;
    if path.as_str_or_subclass().is_some() || path.as_bytes_or_subclass().is_some() {
        return Ok(path.clone());
    }
    let type_name = path.type_name().to_string();
    let class = krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(path));
    let method = match vm.get_attr(&class, "__fspath__") {
        // (`__fspath__ = None` is called, and fails, as in CPython 3.11.)
        Ok(method) => Some(method),
        Err(err) if err.matches(krait_vm::typeobject::ExcType::AttributeError) => None,
        Err(err) => return Err(err),
    }
    .ok_or_else(|| {
        PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {type_name}"
        ))
    })?;
    let result = vm.call(&method, Args::new(std::slice::from_ref(path)))?;
    if result.as_str_or_subclass().is_some() || result.as_bytes_or_subclass().is_some() {
        return Ok(result);
    }
    Err(PyErr::type_error(format!(
        "expected {type_name}.__fspath__() to return str or bytes, not {}",
        result.type_name()
    )))
}

fn getpid(_: &mut Vm, args: Args) -> PyResult {
    args.check("getpid", 0, 0)?;
    Ok(Value::Int(i64::from(std::process::id())))
}

fn process_id(vm: &mut Vm, args: &Args, function: &str, which: ProcessId) -> PyResult {
    args.check(function, 0, 0)?;
    Ok(Value::Int(vm.host().process_id(which)?))
}

fn getppid(vm: &mut Vm, args: Args) -> PyResult {
    process_id(vm, &args, "getppid", ProcessId::Parent)
}

fn getuid(vm: &mut Vm, args: Args) -> PyResult {
    process_id(vm, &args, "getuid", ProcessId::User)
}

fn geteuid(vm: &mut Vm, args: Args) -> PyResult {
    process_id(vm, &args, "geteuid", ProcessId::EffectiveUser)
}

fn getgid(vm: &mut Vm, args: Args) -> PyResult {
    process_id(vm, &args, "getgid", ProcessId::Group)
}

fn getegid(vm: &mut Vm, args: Args) -> PyResult {
    process_id(vm, &args, "getegid", ProcessId::EffectiveGroup)
}

fn getlogin(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getlogin", 0, 0)?;
    Ok(Value::str(vm.host().login_name()?))
}

fn uname(vm: &mut Vm, args: Args) -> PyResult {
    args.check("uname", 0, 0)?;
    let names = vm.host().system_name()?;
    let values = [
        names.sysname,
        names.nodename,
        names.release,
        names.version,
        names.machine,
    ]
    .into_iter()
    .map(Value::str)
    .collect();
    structseq::new_value(vm, "posix.uname_result", &UNAME_FIELDS, values)
}

fn umask(vm: &mut Vm, args: Args) -> PyResult {
    args.check("umask", 1, 1)?;
    let mask = c_int(vm, &args.pos[0])?;
    Ok(Value::Int(i64::from(vm.host().set_umask(mask as u32)?)))
}

fn times(vm: &mut Vm, args: Args) -> PyResult {
    args.check("times", 0, 0)?;
    let times = vm.host().process_times()?;
    let values = [
        times.user,
        times.system,
        times.children_user,
        times.children_system,
        times.elapsed,
    ]
    .into_iter()
    .map(Value::float)
    .collect();
    structseq::new_value(vm, "posix.times_result", &TIMES_FIELDS, values)
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: a new descriptor.
fn open(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "open", 2, 3, &["path", "flags", "mode", "dir_fd"])?;
    no_dir_fd(&args, "open")?;
    let path = path_arg(vm, &args, "open", 0, "path")?;
    let flags = required(&args, "open", 1, "flags")?.clone();
    let flags = c_int(vm, &flags)?;
    let mode = match args.get(2, "mode") {
        Some(mode) => c_int(vm, mode)?,
        None => 0o777,
    };
    let fd = vm.host().open_fd(&path.text, flags, mode as u32)?;
    Ok(Value::Int(i64::from(fd)))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "close", 1, 1, &["fd"])?;
    let fd = fd_arg(vm, &args, "close")?;
    vm.host().close_fd(fd)?;
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    args.check("read", 2, 2)?;
    let fd = fd_value(vm, &args.pos[0])?;
    let length = krait_vm::sequence::index_arg(vm, &args.pos[1], "")?;
    let Ok(length) = usize::try_from(length) else {
        return Err(PyErr::os_error(22, "Invalid argument", None));
    };
    Ok(Value::bytes(vm.host().read_fd(fd, length)?))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    args.check("write", 2, 2)?;
    let fd = fd_value(vm, &args.pos[0])?;
    let data = krait_vm::buffer::expect_bytes_like(&args.pos[1])?.to_vec();
    let written = vm.host().write_fd(fd, &data)?;
    Ok(Value::Int(written as i64))
}

fn lseek(vm: &mut Vm, args: Args) -> PyResult {
    args.check("lseek", 3, 3)?;
    let fd = fd_value(vm, &args.pos[0])?;
    let position = krait_vm::sequence::index_arg(vm, &args.pos[1], "")?;
    let whence = c_int(vm, &args.pos[2])?;
    Ok(Value::Int(vm.host().seek_fd(fd, position, whence)?))
}

/// A descriptor or an object with `fileno()` (`os.fsync(file)`).
fn fd_or_fileno(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    if !matches!(value, Value::Int(_) | Value::Bool(_))
        && let Ok(fileno) = vm.get_attr(value, "fileno")
    {
        let fd = vm.call(&fileno, Args::default())?;
        return fd_value(vm, &fd);
    }
    fd_value(vm, value)
}

fn fsync(vm: &mut Vm, args: Args) -> PyResult {
    check(&args, "fsync", 1, 1, &["fd"])?;
    let fd = required(&args, "fsync", 0, "fd")?.clone();
    let fd = fd_or_fileno(vm, &fd)?;
    vm.host().sync_fd(fd)?;
    Ok(Value::None)
}

fn ftruncate(vm: &mut Vm, args: Args) -> PyResult {
    args.check("ftruncate", 2, 2)?;
    let fd = fd_value(vm, &args.pos[0])?;
    let length = length_arg(vm, &args, "ftruncate")?;
    vm.host().truncate_fd(fd, length)?;
    Ok(Value::None)
}

fn dup(vm: &mut Vm, args: Args) -> PyResult {
    args.check("dup", 1, 1)?;
    let fd = fd_value(vm, &args.pos[0])?;
    Ok(Value::Int(i64::from(vm.host().duplicate_fd(fd)?)))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    args.check("isatty", 1, 1)?;
    let fd = fd_value(vm, &args.pos[0])?;
    Ok(Value::bool(vm.host().is_terminal(fd)?))
}

/// `get_terminal_size(fd=1)`: an `os.terminal_size`, or the OSError of a
/// descriptor that is no terminal.
fn get_terminal_size(vm: &mut Vm, args: Args) -> PyResult {
    args.check("get_terminal_size", 0, 1)?;
    let fd = match args.pos.first() {
        Some(fd) => fd_value(vm, fd)?,
        None => 1,
    };
    let (columns, lines) = vm.host().terminal_size(fd)?;
    let values = vec![Value::Int(i64::from(columns)), Value::Int(i64::from(lines))];
    structseq::new_value(vm, "os.terminal_size", &TERMINAL_SIZE_FIELDS, values)
}

/// `pipe()`: the descriptors to read and to write, not inherited.
fn pipe(vm: &mut Vm, args: Args) -> PyResult {
    args.check("pipe", 0, 0)?;
    let (read, write) = vm.host().create_pipe()?;
    Ok(Value::tuple(vec![
        Value::Int(i64::from(read)),
        Value::Int(i64::from(write)),
    ]))
}

/// A process id argument.
fn pid_arg(vm: &mut Vm, value: &Value) -> PyResult<i64> {
    krait_vm::sequence::index_arg(vm, value, "")
}

fn kill(vm: &mut Vm, args: Args) -> PyResult {
    args.check("kill", 2, 2)?;
    let pid = pid_arg(vm, &args.pos[0])?;
    let signal = c_int(vm, &args.pos[1])?;
    vm.host().signal_process(pid, signal)?;
    Ok(Value::None)
}

/// `waitpid(pid, options)`: `(pid, status)`, `(0, 0)` for a child still
/// running under `WNOHANG` (the one option the host knows).
fn waitpid(vm: &mut Vm, args: Args) -> PyResult {
    args.check("waitpid", 2, 2)?;
    let pid = pid_arg(vm, &args.pos[0])?;
    let options = c_int(vm, &args.pos[1])?;
    if options & !1 != 0 {
        return Err(PyErr::os_error(22, "Invalid argument", None));
    }
    let pair =
        |pid: i64, status: i32| Value::tuple(vec![Value::Int(pid), Value::Int(i64::from(status))]);
    let block = options & 1 == 0;
    if block && krait_vm::native_work_limits_armed() {
        // A deadline (`--timeout`) or the host's interrupt must be able to
        // end the wait: asked for in slices.
        const SLICE: std::time::Duration = std::time::Duration::from_millis(10);
        loop {
            krait_vm::check_native_work_limits()?;
            vm.check_keyboard_interrupt()?;
            if let Some((ended, status)) = vm.host().wait_child(pid, false)? {
                return Ok(pair(ended, status));
            }
            vm.host().sleep(SLICE)?;
        }
    }
    Ok(match vm.host().wait_child(pid, block)? {
        Some((ended, status)) => pair(ended, status),
        None => pair(0, 0),
    })
}

/// A str argument of `_spawn_child` (`subprocess` has made every path
/// and argument a str).
fn text_arg(value: &Value, what: &str) -> PyResult<String> {
    match value.as_str_or_subclass() {
        Some(text) => Ok(text.as_str().to_owned()),
        None => Err(PyErr::type_error(format!("{what} must be str"))),
    }
}

/// A stream argument of `_spawn_child`: None (inherit), -1 (pipe), -2
/// (stderr to stdout), -3 (the null device) or a descriptor.
fn stream_arg(vm: &mut Vm, value: &Value) -> PyResult<ChildStream> {
    if value.is_none() {
        return Ok(ChildStream::Inherit);
    }
    Ok(match c_int(vm, value)? {
        -1 => ChildStream::Pipe,
        -2 => ChildStream::Stdout,
        -3 => ChildStream::Null,
        fd if fd >= 0 => ChildStream::Fd(fd),
        _ => return Err(PyErr::value_error("bad stream for a child")),
    })
}

/// `_spawn_child(program, argv, cwd, env, stdin, stdout, stderr,
/// close_fds=True, pass_fds=())`: the native half of `subprocess.Popen`
/// (`lib/subprocess.py`): `(pid, stdin_fd, stdout_fd, stderr_fd)`, a
/// descriptor for each stream asked as a pipe, else None.
fn spawn_child(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_spawn_child", 7, 9)?;
    let close_fds = match args.pos.get(7) {
        Some(flag) => vm.truthy_value(flag)?,
        None => true,
    };
    let pass_fds = match args.pos.get(8) {
        Some(fds) => krait_vm::protocol::collect(vm, fds)?
            .iter()
            .map(|fd| c_int(vm, fd))
            .collect::<PyResult<Vec<_>>>()?,
        None => Vec::new(),
    };
    let program = text_arg(&args.pos[0], "program")?;
    let argv = krait_vm::protocol::collect(vm, &args.pos[1])?
        .iter()
        .map(|arg| text_arg(arg, "argument"))
        .collect::<PyResult<Vec<_>>>()?;
    let cwd = match &args.pos[2] {
        Value::None => None,
        cwd => Some(text_arg(cwd, "cwd")?),
    };
    let env = match &args.pos[3] {
        Value::None => None,
        pairs => {
            let mut env = Vec::new();
            for pair in krait_vm::protocol::collect(vm, pairs)? {
                let [key, value] = &krait_vm::protocol::collect(vm, &pair)?[..] else {
                    return Err(PyErr::value_error("env items must be pairs"));
                };
                let (key, value) = (text_arg(key, "env key")?, text_arg(value, "env value")?);
                if key.contains('=') {
                    return Err(PyErr::value_error("illegal environment variable name"));
                }
                env.push((key, value));
            }
            Some(env)
        }
    };
    let texts = [program.as_str(), cwd.as_deref().unwrap_or("")];
    if texts
        .into_iter()
        .chain(argv.iter().map(String::as_str))
        .any(|text| text.contains('\0'))
    {
        return Err(PyErr::value_error("embedded null byte"));
    }
    let spec = ChildSpec {
        program,
        argv,
        cwd,
        env,
        stdin: stream_arg(vm, &args.pos[4])?,
        stdout: stream_arg(vm, &args.pos[5])?,
        stderr: stream_arg(vm, &args.pos[6])?,
        close_fds,
        pass_fds,
    };
    let child = vm.host().spawn_child(&spec)?;
    let fd = |fd: Option<i32>| fd.map_or(Value::None, |fd| Value::Int(i64::from(fd)));
    Ok(Value::tuple(vec![
        Value::Int(child.pid),
        fd(child.stdin),
        fd(child.stdout),
        fd(child.stderr),
    ]))
}

/// `cpu_count()`: the CPUs the host says the process may use, or None.
fn cpu_count(vm: &mut Vm, args: Args) -> PyResult {
    args.check("cpu_count", 0, 0)?;
    Ok(vm
        .host()
        .cpu_count()
        .map_or(Value::None, |n| Value::Int(n as i64)))
}
