//! `pwd`: the Unix password database, read from `/etc/passwd` through
//! the VM's host (a host that grants no file reads has no users: every
//! lookup misses), as `struct_passwd` records.

use krait_vm::builtins::structseq;
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

use crate::util::function;

const STRUCT_PASSWD: &str = "pwd.struct_passwd";
const FIELDS: [&str; 7] = [
    "pw_name",
    "pw_passwd",
    "pw_uid",
    "pw_gid",
    "pw_gecos",
    "pw_dir",
    "pw_shell",
];

pub fn module(vm: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        (
            "__doc__",
            Value::str(
                "This module provides access to the Unix password database.\n\
                 It is available on all Unix versions.",
            ),
        ),
        (
            "struct_passwd",
            structseq::type_value(vm, STRUCT_PASSWD, &FIELDS)?,
        ),
        ("getpwuid", function("getpwuid", getpwuid)),
        ("getpwnam", function("getpwnam", getpwnam)),
        ("getpwall", function("getpwall", getpwall)),
    ])
}

/// One line of the database: name, password, uid, gid, gecos, home, shell.
struct Entry {
    fields: Vec<String>,
    uid: i64,
    gid: i64,
}

/// The database's well-formed lines, in file order (none when the host
/// lets nothing be read).
fn entries(vm: &mut Vm) -> Vec<Entry> {
    let Ok(bytes) = vm.host().read_file("/etc/passwd") else {
        return Vec::new();
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with('+'))
        .filter_map(|line| {
            let fields: Vec<String> = line.split(':').map(str::to_string).collect();
            if fields.len() != 7 {
                return None;
            }
            let uid = fields[2].parse().ok()?;
            let gid = fields[3].parse().ok()?;
            Some(Entry { fields, uid, gid })
        })
        .collect()
}

fn record(vm: &mut Vm, entry: Entry) -> PyResult {
    let [name, password, _, _, gecos, dir, shell]: [String; 7] = entry
        .fields
        .try_into()
        .map_err(|_| PyErr::runtime_error("bad passwd entry"))?;
    let values = vec![
        Value::str(name),
        Value::str(password),
        Value::Int(entry.uid),
        Value::Int(entry.gid),
        Value::str(gecos),
        Value::str(dir),
        Value::str(shell),
    ];
    structseq::new_value(vm, STRUCT_PASSWD, &FIELDS, values)
}

fn getpwuid(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getpwuid", 1, 1)?;
    let uid = match &args.pos[0] {
        Value::Int(uid) => *uid,
        Value::Bool(b) => i64::from(b.get()),
        other => {
            return Err(PyErr::type_error(format!(
                "uid should be integer, not {}",
                other.type_name()
            )));
        }
    };
    // A uid is a C uid_t: out of its range there is nothing to name.
    if !(0..=u32::MAX as i64).contains(&uid) {
        return Err(PyErr::key_error(Value::str("getpwuid(): uid not found")));
    }
    match entries(vm).into_iter().find(|e| e.uid == uid) {
        Some(entry) => record(vm, entry),
        None => Err(PyErr::key_error(Value::str(format!(
            "getpwuid(): uid not found: {uid}"
        )))),
    }
}

fn getpwnam(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getpwnam", 1, 1)?;
    let Some(name) = args.pos[0].as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "getpwnam() argument must be str, not {}",
            args.pos[0].type_name()
        )));
    };
    let name = name.as_str().to_string();
    if name.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    match entries(vm).into_iter().find(|e| e.fields[0] == name) {
        Some(entry) => record(vm, entry),
        None => Err(PyErr::key_error(Value::str(format!(
            "getpwnam(): name not found: '{name}'"
        )))),
    }
}

fn getpwall(vm: &mut Vm, args: Args) -> PyResult {
    args.check("getpwall", 0, 0)?;
    let records = entries(vm)
        .into_iter()
        .map(|entry| record(vm, entry))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Value::list(records))
}
