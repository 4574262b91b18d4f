//! The `dis` module: krait's bytecode seen from Python, from the one
//! instruction table (`krait_bytecode::instruction`) and the one
//! disassembler (`krait_dis`), so `dis.dis(f)` prints what `krait dis`
//! prints.
//!
//! Offsets are instruction index × 2 (as `krait dis` shows them); jump
//! operands are absolute, so every jump is in `hasjabs` and `hasjrel` is
//! empty.

use std::rc::Rc;

use krait_bytecode::{CodeObject, Instruction, Opcode, OperandKind};

use crate::args::Args;
use crate::builtins::function::{MethodDef, Params, PyBuiltinFunction};
use crate::host::CompileMode;
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::native::{NativeData, NativeObject, native_type};
use crate::object::PyObject;
use crate::typeobject::{ExcType, TypeObject};
use crate::value::Value;
use crate::{PyErr, PyResult};

/// The attributes of the `dis` module.
pub fn module() -> Vec<(&'static str, Value)> {
    let function = |name: &'static str, func: crate::builtins::function::NativeFunction| {
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
    };
    let opcodes = || (0..=255u8).filter_map(Opcode::from_byte);
    let list_of = |keep: &dyn Fn(Opcode) -> bool| {
        Value::list(
            opcodes()
                .filter(|op| keep(*op))
                .map(|op| Value::Int(op as i64))
                .collect(),
        )
    };
    let opname = Value::list(
        (0..=255u8)
            .map(|b| match Opcode::from_byte(b) {
                Some(op) => Value::str(op.name()),
                None => Value::str(format!("<{b}>")),
            })
            .collect(),
    );
    let opmap = crate::builtins::dict::PyDict::new();
    for op in opcodes() {
        let _ = opmap.set_item(Value::str(op.name()), Value::Int(op as i64));
    }
    let kind_is =
        |kinds: &'static [OperandKind]| move |op: Opcode| kinds.contains(&op.operand_kind());
    vec![
        ("dis", function("dis", dis)),
        ("disassemble", function("disassemble", dis)),
        (
            "get_instructions",
            function("get_instructions", get_instructions),
        ),
        ("code_info", function("code_info", code_info)),
        ("show_code", function("show_code", show_code)),
        ("findlinestarts", function("findlinestarts", findlinestarts)),
        ("stack_effect", function("stack_effect", stack_effect)),
        ("Bytecode", function("Bytecode", bytecode)),
        ("opname", opname),
        ("opmap", Value::dict(opmap)),
        (
            "cmp_op",
            Value::tuple(
                ["<", "<=", "==", "!=", ">", ">="]
                    .iter()
                    .map(|s| Value::str(*s))
                    .collect(),
            ),
        ),
        ("hasconst", list_of(&kind_is(&[OperandKind::Const]))),
        ("hasname", list_of(&kind_is(&[OperandKind::Name]))),
        ("haslocal", list_of(&kind_is(&[OperandKind::Local]))),
        ("hasfree", list_of(&kind_is(&[OperandKind::Deref]))),
        ("hascompare", list_of(&kind_is(&[OperandKind::CompareOp]))),
        (
            "hasjabs",
            list_of(&kind_is(&[OperandKind::Label, OperandKind::BackLabel])),
        ),
        ("hasjrel", Value::list(Vec::new())),
        ("HAVE_ARGUMENT", Value::Int(0)),
    ]
}

/// The code object `dis` functions take apart: a function, method,
/// generator, code object or source string (`None` for a class, which
/// [`dis`] handles by method).
fn code_of(vm: &mut Vm, x: &Value) -> PyResult<Rc<Code>> {
    match x.as_obj() {
        Some(PyObject::Code(code)) => return Ok(code.code.clone()),
        Some(PyObject::Function(function)) => return Ok(function.code.rc()),
        Some(PyObject::BoundMethod(method)) => return code_of(vm, &method.function.clone()),
        Some(PyObject::StaticMethod(s)) => return code_of(vm, &s.function.clone()),
        Some(PyObject::ClassMethod(c)) => return code_of(vm, &c.function.clone()),
        Some(PyObject::Generator(_)) => {
            let code = vm.get_attr(x, "gi_code")?;
            return code_of(vm, &code);
        }
        _ => {}
    }
    if let Some(source) = x.as_str_or_subclass() {
        let source = source.as_str().to_string();
        // CPython's `_try_compile`: an expression if it is one.
        let bytecode = match vm.host().compile(&source, "<dis>", CompileMode::Eval) {
            Ok(bytecode) => bytecode,
            Err(_) => vm.host().compile(&source, "<dis>", CompileMode::Exec)?,
        };
        return Code::load(bytecode, &mut vm.names);
    }
    Err(PyErr::type_error(format!(
        "don't know how to disassemble {} objects",
        x.type_name()
    )))
}

/// Writes `text` to `file` (an object with `write`), or to stdout.
fn write(vm: &mut Vm, file: Option<&Value>, text: &str) -> PyResult<()> {
    match file.filter(|f| !f.is_none()) {
        Some(file) => {
            let write = vm.get_attr(file, "write")?;
            vm.call(&write, Args::new(&[Value::str(text)]))?;
            Ok(())
        }
        None => vm.write_stdout(text),
    }
}

/// `dis.dis(x, *, file=None, depth=None)`.
fn dis(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("dis", 0, 1)?;
    args.check_kw("dis", &["file", "depth", "show_caches", "adaptive"])?;
    let file = args.kwarg("file");
    let Some(x) = args.pos.first().filter(|x| !x.is_none()) else {
        return Err(PyErr::runtime_error("no last traceback to disassemble"));
    };
    if let Some(PyObject::Type(class)) = x.as_obj() {
        // A class: each method (function, classmethod, staticmethod, nested
        // class...) under a header, by name.
        let mut members: Vec<(String, Value)> = class
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, member) in members {
            let disassemblable = matches!(
                member.as_obj(),
                Some(
                    PyObject::Function(_)
                        | PyObject::ClassMethod(_)
                        | PyObject::StaticMethod(_)
                        | PyObject::Code(_)
                )
            );
            if disassemblable {
                let code = code_of(vm, &member)?;
                let text = krait_dis::disassemble(&code.bytecode);
                write(vm, file, &format!("Disassembly of {name}:\n{text}\n"))?;
            }
        }
        return Ok(Value::None);
    }
    let code = code_of(vm, x)?;
    let text = krait_dis::disassemble(&code.bytecode);
    write(vm, file, &text)?;
    Ok(Value::None)
}

/// `dis.code_info(x)`.
fn code_info(vm: &mut Vm, args: Args) -> PyResult {
    args.check("code_info", 1, 1)?;
    let code = code_of(vm, &args.pos[0])?;
    Ok(Value::str(krait_dis::code_info(&code.bytecode)))
}

/// `dis.show_code(x, *, file=None)`.
fn show_code(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("show_code", 1, 1)?;
    args.check_kw("show_code", &["file"])?;
    let code = code_of(vm, &args.pos[0])?;
    let text = format!("{}\n", krait_dis::code_info(&code.bytecode));
    write(vm, args.kwarg("file"), &text)?;
    Ok(Value::None)
}

/// `dis.findlinestarts(code)`: `(offset, line)` where a new line starts.
fn findlinestarts(vm: &mut Vm, args: Args) -> PyResult {
    args.check("findlinestarts", 1, 1)?;
    let code = code_of(vm, &args.pos[0])?;
    let mut previous = None;
    let mut starts = Vec::new();
    for (index, &line) in code.bytecode.line_table.lines().iter().enumerate() {
        if previous != Some(line) {
            starts.push(Value::tuple(vec![
                Value::Int(krait_dis::offset_of(index) as i64),
                Value::Int(line.into()),
            ]));
            previous = Some(line);
        }
    }
    Ok(crate::builtins::iter::snapshot(starts))
}

/// `dis.stack_effect(opcode, oparg=None, *, jump=None)`: pushes minus
/// pops; with `jump=True` for a taken branch, `False` for the fall-through,
/// `None` for the larger.
fn stack_effect(_: &mut Vm, args: Args) -> PyResult {
    args.check_pos("stack_effect", 1, 2)?;
    args.check_kw("stack_effect", &["jump"])?;
    let Value::Int(code) = args.pos[0].builtin_value() else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args.pos[0].type_name()
        )));
    };
    let opcode = u8::try_from(*code)
        .ok()
        .and_then(Opcode::from_byte)
        .ok_or_else(|| PyErr::value_error("invalid opcode or oparg"))?;
    let oparg = args.pos.get(1).filter(|a| !a.is_none());
    let raw = match (opcode.operand_kind(), oparg) {
        (OperandKind::None, Some(_)) => {
            return Err(PyErr::value_error(
                "stack_effect: opcode does not permit oparg but oparg was specified",
            ));
        }
        (OperandKind::None, None) => 0,
        (_, None) => {
            return Err(PyErr::value_error(
                "stack_effect: opcode requires oparg but oparg was not specified",
            ));
        }
        (_, Some(Value::Int(n))) => {
            u32::try_from(*n).map_err(|_| PyErr::value_error("invalid opcode or oparg"))?
        }
        (_, Some(other)) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let instruction = Instruction::from_raw(opcode, raw)
        .ok_or_else(|| PyErr::value_error("invalid opcode or oparg"))?;
    let effect = |e: krait_bytecode::StackEffect| e.pushes as i64 - e.pops as i64;
    let fall = effect(instruction.stack_effect());
    let taken = effect(instruction.jump_stack_effect());
    let result = match args.kwarg("jump") {
        Some(Value::Bool(b)) if b.get() => taken,
        Some(Value::Bool(_)) => fall,
        _ => fall.max(taken),
    };
    Ok(Value::Int(result))
}

/// One instruction as `dis.get_instructions` yields it.
struct DisInstructionValue {
    fields: Vec<Value>,
}

const INSTRUCTION_FIELDS: [&str; 9] = [
    "opname",
    "opcode",
    "arg",
    "argval",
    "argrepr",
    "offset",
    "starts_line",
    "is_jump_target",
    "positions",
];

impl NativeData for DisInstructionValue {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.fields.iter().for_each(visit);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        if name == "_fields" {
            return Some(Value::tuple(
                INSTRUCTION_FIELDS.iter().map(|f| Value::str(*f)).collect(),
            ));
        }
        let i = INSTRUCTION_FIELDS.iter().position(|f| *f == name)?;
        Some(self.fields[i].clone())
    }
}

/// The fields of an `Instruction` receiver: it is a named tuple in
/// CPython, so it indexes, unpacks and measures like one.
fn instruction_fields(receiver: &Value) -> PyResult<Vec<Value>> {
    match receiver.native::<DisInstructionValue>() {
        Some(instruction) => Ok(instruction.fields.clone()),
        None => Err(PyErr::type_error(
            "descriptor requires an 'Instruction' object",
        )),
    }
}

thread_local! {
    static INSTRUCTION_TYPE: Rc<TypeObject> = native_type("Instruction", INSTRUCTION_METHODS);
    static BYTECODE_TYPE: Rc<TypeObject> = native_type("Bytecode", BYTECODE_METHODS);
}

static INSTRUCTION_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__len__",
        params: Params::NoArgs,
        func: |_, receiver, _| Ok(Value::Int(instruction_fields(receiver)?.len() as i64)),
    },
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: |_, receiver, _| {
            Ok(crate::builtins::iter::snapshot(instruction_fields(
                receiver,
            )?))
        },
    },
    MethodDef {
        name: "__getitem__",
        params: Params::One,
        func: |vm, receiver, args| {
            let fields = Value::tuple(instruction_fields(receiver)?);
            vm.subscript_get(&fields, args.pos[0].clone())
        },
    },
    MethodDef {
        name: "_asdict",
        params: Params::NoArgs,
        func: |_, receiver, _| {
            let pairs = INSTRUCTION_FIELDS
                .iter()
                .map(|f| Value::str(*f))
                .zip(instruction_fields(receiver)?)
                .collect();
            Ok(Value::dict(crate::builtins::dict::PyDict::from_pairs(
                pairs,
            )?))
        },
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: |vm, receiver, _| {
            let fields = instruction_fields(receiver)?;
            let mut text = String::from("Instruction(");
            for (i, (name, value)) in INSTRUCTION_FIELDS.iter().zip(&fields).enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                text.push_str(&format!("{name}={}", vm.repr(value)?));
            }
            text.push(')');
            Ok(Value::str(text))
        },
    },
    MethodDef {
        name: "__eq__",
        params: Params::One,
        func: |vm, receiver, args| {
            let (Some(a), Some(b)) = (
                receiver.native::<DisInstructionValue>(),
                args.pos[0].native::<DisInstructionValue>(),
            ) else {
                return Ok(Value::NotImplemented);
            };
            let (a, b) = (a.fields.clone(), b.fields.clone());
            for (x, y) in a.iter().zip(&b) {
                if !vm.equal(x, y)? {
                    return Ok(Value::bool(false));
                }
            }
            Ok(Value::bool(true))
        },
    },
];

/// The fields of `dis.Positions`.
const POSITION_FIELDS: [&str; 4] = ["lineno", "end_lineno", "col_offset", "end_col_offset"];

/// The instructions of `code` as `Instruction` values.
fn instructions(vm: &mut Vm, code: &Code) -> PyResult<Vec<Value>> {
    let bytecode: &CodeObject = &code.bytecode;
    let name_at = |list: &[String], i: u64| {
        list.get(i as usize)
            .map_or(Value::None, |s| Value::str(s.as_str()))
    };
    let cells: Vec<String> = bytecode
        .cellvars
        .iter()
        .chain(&bytecode.freevars)
        .cloned()
        .collect();
    krait_dis::get_instructions(bytecode)
        .into_iter()
        .enumerate()
        .map(|(index, dis)| {
            let arg = dis.arg.map_or(Value::None, |a| Value::Int(a as i64));
            let raw = u64::from(dis.instruction.raw_operand().unwrap_or(0));
            let argval = match dis.instruction.operand_kind() {
                OperandKind::None => Value::None,
                OperandKind::Const => code.consts.get(raw as usize).cloned().unwrap_or_default(),
                OperandKind::Name => name_at(&bytecode.names, raw),
                OperandKind::Local => name_at(&bytecode.varnames, raw),
                OperandKind::Deref => name_at(&cells, raw),
                OperandKind::CompareOp => ["<", "<=", "==", "!=", ">", ">="]
                    .get(raw as usize)
                    .map_or(Value::None, |s| Value::str(*s)),
                _ => arg.clone(),
            };
            let fields = vec![
                Value::str(dis.opname),
                Value::Int(dis.instruction.opcode() as i64),
                arg,
                argval,
                Value::str(dis.argrepr.as_str()),
                Value::Int(dis.offset as i64),
                dis.starts_line
                    .map_or(Value::None, |l| Value::Int(l.into())),
                Value::bool(dis.is_jump_target),
                crate::builtins::structseq::new_value(
                    vm,
                    "Positions",
                    &POSITION_FIELDS,
                    crate::builtins::code::position_values(bytecode, index),
                )?,
            ];
            Ok(NativeObject::new_value(
                INSTRUCTION_TYPE.with(Rc::clone),
                DisInstructionValue { fields },
            ))
        })
        .collect()
}

/// `dis.get_instructions(x)`.
fn get_instructions(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("get_instructions", 1, 1)?;
    args.check_kw(
        "get_instructions",
        &["first_line", "show_caches", "adaptive"],
    )?;
    let code = code_of(vm, &args.pos[0])?;
    Ok(crate::builtins::iter::snapshot(instructions(vm, &code)?))
}

/// `dis.Bytecode(x)`: iterable of its instructions, `dis()` the listing,
/// `info()` the code info.
struct BytecodeValue {
    code: Rc<Code>,
    code_value: Value,
}

impl NativeData for BytecodeValue {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code_value);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "codeobj" => Some(self.code_value.clone()),
            "first_line" => Some(Value::Int(self.code.bytecode.first_line.into())),
            _ => None,
        }
    }
}

fn bytecode(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("Bytecode", 1, 1)?;
    args.check_kw(
        "Bytecode",
        &["first_line", "current_offset", "show_caches", "adaptive"],
    )?;
    let code = code_of(vm, &args.pos[0])?;
    let code_value = Code::as_value(&code);
    Ok(NativeObject::new_value(
        BYTECODE_TYPE.with(Rc::clone),
        BytecodeValue { code, code_value },
    ))
}

fn this_bytecode(receiver: &Value) -> PyResult<Rc<Code>> {
    receiver
        .native::<BytecodeValue>()
        .map(|b| b.code.clone())
        .ok_or_else(|| {
            PyErr::new(
                ExcType::TypeError,
                "descriptor requires a 'Bytecode' object",
            )
        })
}

static BYTECODE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: |vm, receiver, _| {
            let code = this_bytecode(receiver)?;
            Ok(crate::builtins::iter::snapshot(instructions(vm, &code)?))
        },
    },
    MethodDef {
        name: "dis",
        params: Params::NoArgs,
        func: |_, receiver, _| {
            let code = this_bytecode(receiver)?;
            let mut text = String::new();
            let _ = krait_dis::disassemble_with(
                &code.bytecode,
                &krait_dis::Options::default(),
                &mut text,
            );
            Ok(Value::str(text))
        },
    },
    MethodDef {
        name: "info",
        params: Params::NoArgs,
        func: |_, receiver, _| {
            let code = this_bytecode(receiver)?;
            Ok(Value::str(krait_dis::code_info(&code.bytecode)))
        },
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: |_, receiver, _| {
            let code = this_bytecode(receiver)?;
            Ok(Value::str(format!(
                "Bytecode({})",
                krait_dis::code_repr(&code.bytecode)
            )))
        },
    },
];
