//! krait-dis: a disassembler for krait bytecode, like CPython's `dis`.
//!
//! Input: a [`CodeObject`] from krait-bytecode (built by the compiler, read
//! from a .kbc file, or by hand). Output: text in the layout of CPython
//! 3.11's `dis.dis`, so anyone who reads CPython listings reads these:
//!
//! ```text
//!   1           0 LOAD_CONST               0 (1)
//!               2 STORE_FAST               0 (x)
//!
//!   2     >>    4 LOAD_FAST                0 (x)
//!               6 POP_JUMP_IF_FALSE        2 (to 12)
//! ```
//!
//! Columns: the source line (on the first instruction of each line, with a
//! blank line between line groups), `-->` for the current instruction if
//! asked, `>>` on jump and exception-handler targets, the offset, the
//! opname, the operand and, in parentheses, what it resolves to: constants
//! by their Python repr ([`constant_repr`]), names, locals, cells, `to N`
//! for jumps, operators (`+=`, `<`), MAKE_FUNCTION and FORMAT_VALUE flags.
//! Nested code objects follow their parent under a `Disassembly of <code
//! object ...>:` header, and a non-empty exception table is printed after
//! the code as `ExceptionTable:` / `  4 to 8 -> 12 [1] lasti`.
//!
//! Offsets: krait code is a vector of instructions, not bytes, and jump
//! operands are instruction indices. The listing shows every position as
//! CPython would, `index * 2` ([`offset_of`]): the offset column, the
//! operand of jumps (`JUMP_FORWARD 12 (to 12)` jumps to instruction 6),
//! and exception table ranges (`start to last -> target`, `last` being the
//! offset of the last covered instruction, as in CPython). Other operands
//! are shown raw.
//!
//! Code object reprs use a fake, deterministic address ([`fake_address`])
//! so listings are identical between runs.
//!
//! [`control_flow_dot`] draws the control-flow graph of code objects
//! (basic blocks, jump/fall-through/exception edges) as Graphviz DOT.
//!
//! No input makes it panic: out-of-range operands in unverified code are
//! shown as `<invalid ...>`.
//!
//! Architecture invariant: depends on krait-bytecode only — never on
//! krait-vm (a test checks it) nor on the front end; it can list a .kbc
//! file with nothing else linked in.

mod graph;
mod listing;
mod repr;

use std::fmt;

pub use graph::control_flow_dot;
pub use krait_bytecode::CodeObject;
pub use listing::{
    DisInstruction, Options, code_info, disassemble_with, get_instructions, offset_of, operand,
    pretty_flags,
};
pub use repr::{
    bytes_repr, code_repr, complex_repr, constant_repr, fake_address, float_repr, str_repr,
};

/// The listing of `code` and, recursively, of every code object among its
/// constants: what `python3 -m dis` prints for a module.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_to(code, &mut out).expect("writing to a String cannot fail");
    out
}

/// [`disassemble`] into any writer (`String`, a formatter...).
pub fn disassemble_to(code: &CodeObject, out: &mut impl fmt::Write) -> fmt::Result {
    let options = Options {
        recursive: true,
        current: None,
    };
    disassemble_with(code, &options, out)
}

/// The listing of `code` alone, without its nested code objects (CPython's
/// `dis.disassemble`).
pub fn disassemble_code(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_with(code, &Options::default(), &mut out).expect("writing to a String cannot fail");
    out
}
