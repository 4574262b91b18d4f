//! The instruction listing: analysis ([`get_instructions`]) and layout
//! ([`disassemble_with`]) in CPython 3.11's `dis` format.

use std::fmt;

use krait_bytecode::operand::Operand;
use krait_bytecode::{
    BinaryOperator, CodeObject, ComparisonOperator, FormatFlags, Instruction, MakeFunctionFlags,
    OperandKind, UnpackExCounts,
};

use crate::repr::{code_repr, constant_repr};

/// Width of the opname column (CPython's `dis._OPNAME_WIDTH`).
const OPNAME_WIDTH: usize = 20;
/// Width of the operand column (CPython's `dis._OPARG_WIDTH`).
const OPARG_WIDTH: usize = 5;

/// The byte offset `dis` shows for instruction `index`.
///
/// krait instructions are a `Vec` of enums, not bytes; listings use
/// CPython's convention of two bytes per instruction (without CPython's
/// inline caches) so they read like CPython's. Jump operands and
/// exception-table ranges are shown as offsets in the same unit.
pub fn offset_of(index: usize) -> usize {
    index.saturating_mul(2)
}

/// One instruction as `dis` sees it, like CPython's `dis.Instruction`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisInstruction {
    /// Index in `CodeObject::instructions`.
    pub index: usize,
    /// The offset shown, `index * 2` (see [`offset_of`]).
    pub offset: usize,
    /// The instruction itself.
    pub instruction: Instruction,
    /// The name (`LOAD_CONST`).
    pub opname: &'static str,
    /// The operand column: the raw operand, except for jumps, whose target
    /// is shown as an offset. `None` for instructions without an operand.
    pub arg: Option<u64>,
    /// The resolved operand shown in parentheses (`'hello'`, `x`, `to 12`,
    /// `+=`), empty when there is nothing to add to `arg`.
    pub argrepr: String,
    /// The source line, if this instruction starts one (CPython's
    /// `starts_line`: the line differs from the previous line seen).
    pub starts_line: Option<u32>,
    /// Some jump or exception handler targets this instruction.
    pub is_jump_target: bool,
}

/// The instructions of `code` (not of nested code objects) with their
/// resolved operands, line starts and jump-target marks.
pub fn get_instructions(code: &CodeObject) -> Vec<DisInstruction> {
    let len = code.instructions.len();
    let mut targets = vec![false; len];
    let mut mark = |target: u32| {
        if let Some(slot) = targets.get_mut(target as usize) {
            *slot = true;
        }
    };
    code.instructions
        .iter()
        .filter_map(Instruction::jump_target)
        .for_each(&mut mark);
    code.exception_table
        .entries
        .iter()
        .for_each(|e| mark(e.target));

    let mut last_line = None;
    code.instructions
        .iter()
        .enumerate()
        .map(|(index, instruction)| {
            // CPython's `findlinestarts`: instructions without a line do not
            // reset the current one.
            let line = code.line_of(index);
            let starts_line = match line {
                Some(l) if Some(l) != last_line => {
                    last_line = line;
                    Some(l)
                }
                _ => None,
            };
            let (arg, argrepr) = operand(code, instruction);
            DisInstruction {
                index,
                offset: offset_of(index),
                instruction: *instruction,
                opname: instruction.name(),
                arg,
                argrepr,
                starts_line,
                is_jump_target: targets[index],
            }
        })
        .collect()
}

/// The operand column and its resolution, driven by the operand *kind* so
/// a new instruction with an existing kind is rendered with no change here:
/// `(Some(0), "x")` for `LOAD_FAST 0 (x)`, `(None, "")` without an operand.
pub fn operand(code: &CodeObject, instruction: &Instruction) -> (Option<u64>, String) {
    let Some(raw) = instruction.raw_operand() else {
        return (None, String::new());
    };
    let kind = instruction.operand_kind();
    let invalid = || format!("<invalid {} {raw}>", kind.name());
    let text = match kind {
        OperandKind::Const | OperandKind::KwNames => code
            .constants
            .get(raw as usize)
            .map(constant_repr)
            .unwrap_or_else(invalid),
        OperandKind::Name => lookup(&code.names, raw).unwrap_or_else(invalid),
        OperandKind::Local => lookup(&code.varnames, raw).unwrap_or_else(invalid),
        OperandKind::Deref => code
            .deref_name(raw as usize)
            .map(str::to_string)
            .unwrap_or_else(invalid),
        OperandKind::Label | OperandKind::BackLabel => {
            let target = offset_of(raw as usize) as u64;
            return (Some(target), format!("to {target}"));
        }
        OperandKind::BinaryOp => symbol(BinaryOperator::from_raw(raw).map(|op| op.symbol())),
        OperandKind::CompareOp => symbol(ComparisonOperator::from_raw(raw).map(|op| op.symbol())),
        // CPython prints nothing for an empty flag set (`MAKE_FUNCTION 0`).
        OperandKind::MakeFunctionFlags => match MakeFunctionFlags::from_raw(raw) {
            Some(flags) if flags.0 == 0 => String::new(),
            Some(flags) => flags.to_string(),
            None => invalid(),
        },
        // `str`, `repr, with format`... as CPython; nothing for plain `{x}`.
        OperandKind::FormatFlags => match FormatFlags::from_raw(raw) {
            Some(_) if raw == 0 => String::new(),
            Some(flags) => flags.to_string(),
            None => invalid(),
        },
        // Not in CPython, but krait packs the counts differently
        // (`before | after << 16`), so the raw number alone misleads.
        OperandKind::UnpackEx => UnpackExCounts::from_raw(raw)
            .map(|c| c.to_string())
            .unwrap_or_else(invalid),
        // Counts, depths, flags, raise kinds and slice sizes need no
        // explanation, as in CPython.
        OperandKind::None
        | OperandKind::Count
        | OperandKind::Depth
        | OperandKind::Flag
        | OperandKind::RaiseKind
        | OperandKind::SliceArgc => String::new(),
    };
    (Some(raw as u64), text)
}

fn lookup(names: &[String], raw: u32) -> Option<String> {
    names.get(raw as usize).cloned()
}

fn symbol(symbol: Option<&'static str>) -> String {
    symbol.unwrap_or("<invalid operator>").to_string()
}

/// What [`disassemble_with`] prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Also list the code objects among the constants, recursively, each
    /// after a `Disassembly of <code object ...>:` header (as `dis.dis`).
    pub recursive: bool,
    /// Mark this instruction index with `-->` (as `dis.disassemble`'s
    /// `lasti`), e.g. to show where a frame stopped.
    pub current: Option<usize>,
}

/// Writes the listing of `code` with `options`.
pub fn disassemble_with(
    code: &CodeObject,
    options: &Options,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    write_listing(code, options.current, out)?;
    if !options.recursive {
        return Ok(());
    }
    // Depth-first, each child right after its parent's listing, as
    // CPython's `_disassemble_recursive`; an explicit stack so nesting
    // depth cannot overflow the Rust stack.
    let mut pending: Vec<&CodeObject> = code.nested_code().into_iter().rev().collect();
    while let Some(nested) = pending.pop() {
        writeln!(out)?;
        writeln!(out, "Disassembly of {}:", code_repr(nested))?;
        write_listing(nested, None, out)?;
        pending.extend(nested.nested_code().into_iter().rev());
    }
    Ok(())
}

/// One code object's listing and exception table, CPython's
/// `_disassemble_bytes`.
fn write_listing(
    code: &CodeObject,
    current: Option<usize>,
    out: &mut impl fmt::Write,
) -> fmt::Result {
    let instructions = get_instructions(code);
    let max_line = instructions.iter().filter_map(|i| i.starts_line).max();
    // No line column at all when there is no line information.
    let lineno_width = match max_line {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = offset_of(instructions.len().saturating_sub(1));
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    let mut line = String::new();
    for instr in &instructions {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            writeln!(out)?;
        }
        line.clear();
        format_instruction(
            &mut line,
            instr,
            lineno_width,
            current == Some(instr.index),
            offset_width,
        );
        writeln!(out, "{line}")?;
    }
    if !code.exception_table.is_empty() {
        writeln!(out, "ExceptionTable:")?;
        for entry in &code.exception_table.entries {
            // CPython prints the offset of the last covered instruction.
            let last = offset_of((entry.end as usize).saturating_sub(1));
            writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                offset_of(entry.start as usize),
                last,
                offset_of(entry.target as usize),
                entry.depth,
                if entry.push_lasti { " lasti" } else { "" }
            )?;
        }
    }
    Ok(())
}

/// CPython's `Instruction._disassemble`: space-joined columns, trailing
/// blanks stripped.
fn format_instruction(
    out: &mut String,
    instr: &DisInstruction,
    lineno_width: usize,
    is_current: bool,
    offset_width: usize,
) {
    use std::fmt::Write as _;
    if lineno_width > 0 {
        match instr.starts_line {
            Some(line) => write!(out, "{line:>lineno_width$} "),
            None => write!(out, "{:lineno_width$} ", ""),
        }
        .expect("writing to a String cannot fail");
    }
    out.push_str(if is_current { "--> " } else { "    " });
    out.push_str(if instr.is_jump_target { ">> " } else { "   " });
    let _ = write!(
        out,
        "{:>offset_width$} {:<OPNAME_WIDTH$}",
        instr.offset, instr.opname
    );
    if let Some(arg) = instr.arg {
        let _ = write!(out, " {arg:>OPARG_WIDTH$}");
        if !instr.argrepr.is_empty() {
            let _ = write!(out, " ({})", instr.argrepr);
        }
    }
    out.truncate(out.trim_end().len());
}

/// CPython's `dis.code_info`: name, counts, flags and the tables of
/// constants, names, variables and cells.
pub fn code_info(code: &CodeObject) -> String {
    let mut lines = vec![
        format!("Name:              {}", code.name),
        format!("Filename:          {}", code.filename),
        format!("Argument count:    {}", code.argcount),
        format!("Positional-only arguments: {}", code.posonlyargcount),
        format!("Kw-only arguments: {}", code.kwonlyargcount),
        format!("Number of locals:  {}", code.varnames.len()),
        format!("Stack size:        {}", code.max_stackdepth),
        format!("Flags:             {}", pretty_flags(code.flags.0)),
    ];
    let mut table = |title: &str, items: Vec<String>| {
        if !items.is_empty() {
            lines.push(format!("{title}:"));
            for (i, item) in items.iter().enumerate() {
                lines.push(format!("{i:4}: {item}"));
            }
        }
    };
    table(
        "Constants",
        code.constants.iter().map(constant_repr).collect(),
    );
    table("Names", code.names.clone());
    table("Variable names", code.varnames.clone());
    table("Free variables", code.freevars.clone());
    table("Cell variables", code.cellvars.clone());
    lines.join("\n")
}

/// CPython's `dis.pretty_flags`: flag names in bit order, unknown bits in
/// hex, `0x0` for none.
pub fn pretty_flags(flags: u32) -> String {
    const NAMES: [&str; 10] = [
        "OPTIMIZED",
        "NEWLOCALS",
        "VARARGS",
        "VARKEYWORDS",
        "NESTED",
        "GENERATOR",
        "NOFREE",
        "COROUTINE",
        "ITERABLE_COROUTINE",
        "ASYNC_GENERATOR",
    ];
    if flags == 0 {
        return "0x0".to_string();
    }
    (0..32)
        .filter(|bit| flags & (1 << bit) != 0)
        .map(|bit| match NAMES.get(bit) {
            Some(name) => name.to_string(),
            None => format!("{:#x}", 1u32 << bit),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
