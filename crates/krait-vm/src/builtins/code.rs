//! `code` objects from Python: the `co_*` attributes, `co_lines()`,
//! `co_positions()`, `replace(**changes)`.
//!
//! `co_code` is krait's instruction stream, not CPython's: each
//! instruction is its opcode byte followed by its operand as an unsigned
//! LEB128 varint when it has one (`krait_bytecode::encode_instructions`,
//! the `.kbc` encoding; the opcodes are in `docs/instructions.md`).
//! Offsets (`co_lines()`, `dis`) are instruction index × 2, as `krait dis`
//! shows them. A code object made by `replace()` runs through the verifier
//! before it can run.

use std::rc::Rc;

use krait_bytecode::{CodeFlags, CodeObject, Constant};

use crate::args::Args;
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;
use crate::{PyErr, PyResult};

/// The names `code` answers to, for `dir()` and the read-only error.
pub const ATTRIBUTES: &[&str] = &[
    "co_argcount",
    "co_cellvars",
    "co_code",
    "co_consts",
    "co_filename",
    "co_firstlineno",
    "co_flags",
    "co_freevars",
    "co_kwonlyargcount",
    "co_lines",
    "co_name",
    "co_names",
    "co_nlocals",
    "co_positions",
    "co_posonlyargcount",
    "co_qualname",
    "co_stacksize",
    "co_varnames",
    "replace",
];

fn strs(items: &[String]) -> Value {
    Value::tuple(items.iter().map(|s| Value::str(s.as_str())).collect())
}

/// `code.name`, or `None` when `code` has no such attribute.
pub fn attribute(code: &Rc<Code>, receiver: &Value, name: &str) -> Option<Value> {
    let bytecode = &code.bytecode;
    let int = |n: u32| Value::Int(i64::from(n));
    Some(match name {
        "co_name" => code.name_value.clone(),
        "co_qualname" => Value::str(bytecode.qualname.as_str()),
        "co_filename" => code.filename_value.clone(),
        "co_firstlineno" => int(bytecode.first_line),
        "co_argcount" => int(bytecode.argcount),
        "co_posonlyargcount" => int(bytecode.posonlyargcount),
        "co_kwonlyargcount" => int(bytecode.kwonlyargcount),
        "co_nlocals" => Value::Int(bytecode.varnames.len() as i64),
        "co_varnames" => strs(&bytecode.varnames),
        "co_cellvars" => strs(&bytecode.cellvars),
        "co_freevars" => strs(&bytecode.freevars),
        "co_names" => strs(&bytecode.names),
        "co_consts" => Value::tuple(code.consts.clone()),
        "co_flags" => int(bytecode.flags.0),
        "co_stacksize" => int(bytecode.max_stackdepth),
        "co_code" => Value::bytes(krait_bytecode::encode_instructions(&bytecode.instructions)),
        "co_lines" | "co_positions" | "replace" => method(name, receiver),
        _ => return None,
    })
}

fn method(name: &str, receiver: &Value) -> Value {
    let def = METHODS
        .iter()
        .find(|d| d.name == name)
        .expect("a code method");
    Value::obj(PyObject::MethodDescriptor(
        crate::builtins::function::PyMethodDescriptor {
            def,
            bound: Some(receiver.clone()),
        },
    ))
}

static METHODS: &[crate::builtins::function::MethodDef] = &[
    crate::builtins::function::MethodDef {
        name: "co_lines",
        params: crate::builtins::function::Params::NoArgs,
        func: |_, receiver, _| Ok(lines(&*this(receiver)?, false)),
    },
    crate::builtins::function::MethodDef {
        name: "co_positions",
        params: crate::builtins::function::Params::NoArgs,
        func: |_, receiver, _| Ok(lines(&*this(receiver)?, true)),
    },
    crate::builtins::function::MethodDef {
        name: "replace",
        params: crate::builtins::function::Params::Any,
        func: replace,
    },
];

fn this(receiver: &Value) -> PyResult<Rc<Code>> {
    match receiver.as_obj() {
        Some(PyObject::Code(code)) => Ok(code.code.clone()),
        _ => Err(PyErr::type_error(format!(
            "descriptor requires a 'code' object but received a '{}'",
            receiver.type_name()
        ))),
    }
}

/// `(line, end_line, column, end_column)` of instruction `index`, None
/// where unknown (CPython's `co_positions()` entry).
pub(crate) fn position_values(bytecode: &krait_bytecode::CodeObject, index: usize) -> Vec<Value> {
    let number = |n: Option<u32>| n.map_or(Value::None, |n| Value::Int(n.into()));
    match bytecode.line_table.position(index) {
        Some(p) => vec![
            number(Some(p.line)),
            number(Some(p.end_line)),
            number(p.col),
            number(p.end_col),
        ],
        None => vec![Value::None; 4],
    }
}

/// `co_lines()`: `(start, end, line)` for each run of instructions on one
/// line (offsets in bytes of two per instruction); `co_positions()`:
/// `(line, end_line, column, end_column)` per instruction.
fn lines(code: &Code, positions: bool) -> Value {
    let bytecode = &code.bytecode;
    let items: Vec<Value> = if positions {
        (0..bytecode.instructions.len())
            .map(|i| Value::tuple(position_values(bytecode, i)))
            .collect()
    } else {
        let mut start = 0usize;
        let mut items = Vec::new();
        for (count, line) in bytecode.line_table.runs() {
            let end = start + count as usize;
            items.push(Value::tuple(vec![
                Value::Int(2 * start as i64),
                Value::Int(2 * end as i64),
                Value::Int(line.into()),
            ]));
            start = end;
        }
        items
    };
    crate::builtins::iter::snapshot(items)
}

/// `code.replace(**changes)`: a copy with the given `co_*` fields
/// changed, verified before it is made.
fn replace(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let code = this(receiver)?;
    if !args.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "replace() takes no positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut bytecode: CodeObject = (*code.bytecode).clone();
    for (name, value) in args.kw {
        let name = *name;
        match name {
            "co_name" => bytecode.name = text(name, value)?,
            "co_qualname" => bytecode.qualname = text(name, value)?,
            "co_filename" => bytecode.filename = text(name, value)?,
            "co_firstlineno" => bytecode.first_line = number(name, value)?,
            "co_argcount" => bytecode.argcount = number(name, value)?,
            "co_posonlyargcount" => bytecode.posonlyargcount = number(name, value)?,
            "co_kwonlyargcount" => bytecode.kwonlyargcount = number(name, value)?,
            "co_stacksize" => bytecode.max_stackdepth = number(name, value)?,
            "co_flags" => bytecode.flags = CodeFlags(number(name, value)?),
            "co_nlocals" => {
                let _ = number(name, value)?;
            }
            "co_varnames" => bytecode.varnames = texts(name, value)?,
            "co_cellvars" => bytecode.cellvars = texts(name, value)?,
            "co_freevars" => bytecode.freevars = texts(name, value)?,
            "co_names" => bytecode.names = texts(name, value)?,
            "co_consts" => {
                let items = tuple_items(name, value)?;
                bytecode.constants = items
                    .iter()
                    .map(|item| constant(item, 0))
                    .collect::<PyResult<_>>()?;
            }
            "co_code" => {
                let Some(PyObject::Bytes(bytes)) = value.builtin_value().as_obj() else {
                    return Err(wrong_type(name, "bytes", value));
                };
                bytecode.instructions = krait_bytecode::decode_instructions(bytes.as_bytes())
                    .map_err(|err| PyErr::value_error(format!("invalid co_code: {err}")))?;
                // The line table follows the instructions: a changed stream
                // keeps the lines it can and repeats the last one.
                let lines = bytecode.line_table.lines().to_vec();
                let last = lines.last().copied().unwrap_or(bytecode.first_line);
                bytecode.line_table = krait_bytecode::LineTable::from_lines(
                    (0..bytecode.instructions.len())
                        .map(|i| lines.get(i).copied().unwrap_or(last))
                        .collect(),
                );
            }
            "co_linetable" | "co_exceptiontable" | "co_lnotab" => {
                return Err(PyErr::value_error(format!(
                    "replace(): {name} cannot be changed in krait"
                )));
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{name}' is an invalid keyword argument for replace()"
                )));
            }
        }
    }
    krait_bytecode::verify(&bytecode)
        .map_err(|err| PyErr::value_error(format!("invalid code object: {err}")))?;
    let code = Code::load(bytecode, &mut vm.names)?;
    Ok(Code::as_value(&code))
}

fn wrong_type(name: &str, expected: &str, value: &Value) -> PyErr {
    PyErr::type_error(format!(
        "replace() argument '{name}' must be {expected}, not {}",
        value.type_name()
    ))
}

fn text(name: &str, value: &Value) -> PyResult<String> {
    value
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| wrong_type(name, "str", value))
}

fn number(name: &str, value: &Value) -> PyResult<u32> {
    match value.builtin_value() {
        Value::Int(n) => u32::try_from(*n).map_err(|_| {
            PyErr::value_error(format!("replace() argument '{name}' is out of range"))
        }),
        Value::Bool(b) => Ok(u32::from(b.get())),
        _ => Err(wrong_type(name, "int", value)),
    }
}

fn tuple_items(name: &str, value: &Value) -> PyResult<Vec<Value>> {
    value
        .as_tuple_or_subclass()
        .map(|t| t.as_slice().to_vec())
        .ok_or_else(|| wrong_type(name, "tuple", value))
}

fn texts(name: &str, value: &Value) -> PyResult<Vec<String>> {
    tuple_items(name, value)?
        .iter()
        .map(|item| {
            item.as_str_or_subclass()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "replace(): {name} must be a tuple of strings, not {}",
                        item.type_name()
                    ))
                })
        })
        .collect()
}

/// A value of `co_consts` as a bytecode constant; `depth` tuples deep
/// (bounded as the verifier bounds it, before the Rust stack is).
fn constant(value: &Value, depth: usize) -> PyResult<Constant> {
    if depth > krait_bytecode::MAX_NESTING {
        return Err(PyErr::value_error(format!(
            "invalid code object: constants nested deeper than {} levels",
            krait_bytecode::MAX_NESTING
        )));
    }
    Ok(match value {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(b.get()),
        Value::Int(i) => Constant::Int(*i),
        Value::Float(f) => Constant::Float(f.get()),
        Value::Ellipsis => Constant::Ellipsis,
        _ => match value.as_obj() {
            Some(PyObject::Int(big)) => Constant::BigInt(big.clone()),
            Some(PyObject::Str(s)) => Constant::Str(s.as_str().to_string()),
            Some(PyObject::Bytes(b)) => Constant::Bytes(b.as_bytes().to_vec()),
            Some(PyObject::Tuple(t)) => Constant::Tuple(
                t.iter()
                    .map(|item| constant(item, depth + 1))
                    .collect::<PyResult<_>>()?,
            ),
            Some(PyObject::FrozenSet(s)) => Constant::FrozenSet(
                s.values()
                    .iter()
                    .map(|item| constant(item, depth + 1))
                    .collect::<PyResult<_>>()?,
            ),
            Some(PyObject::Code(code)) => Constant::Code(code.code.bytecode.clone()),
            _ => {
                return Err(PyErr::new(
                    ExcType::TypeError,
                    format!("cannot use a '{}' object as a constant", value.type_name()),
                ));
            }
        },
    })
}

/// `_imp._code_to_kbc(code)`: the code object's `.kbc` encoding (what
/// `marshal.dumps` of a code object carries).
pub(crate) fn to_kbc(_: &mut Vm, args: Args) -> PyResult {
    args.check("_code_to_kbc", 1, 1)?;
    let code = this(&args.pos[0]).map_err(|_| {
        PyErr::type_error(format!(
            "_code_to_kbc() argument must be code, not {}",
            args.pos[0].type_name()
        ))
    })?;
    Ok(Value::bytes(krait_bytecode::kbc::encode(&code.bytecode)))
}

/// `_imp._code_from_kbc(data)`: a code object from `.kbc` bytes, through
/// the decoder's checks and the verifier (`marshal.loads`).
pub(crate) fn from_kbc(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_code_from_kbc", 1, 1)?;
    let data = crate::buffer::expect_bytes_like(&args.pos[0])?.to_vec();
    let bytecode = krait_bytecode::kbc::decode(&data)
        .map_err(|err| PyErr::value_error(format!("bad marshal data (code: {err})")))?;
    let code = Code::load(bytecode, &mut vm.names)?;
    Ok(Code::as_value(&code))
}
