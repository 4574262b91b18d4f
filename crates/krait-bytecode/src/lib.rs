//! krait-bytecode: the instruction set, code objects and the .kbc format.
//!
//! This crate is the contract between krait's compiler, its VM and `dis`:
//!
//! - [`instruction`]: the instruction table, defined once in a
//!   declarative macro. [`Instruction`] (8 bytes, operands inline),
//!   [`Opcode`], names as `dis` prints them, operand kinds, stack effects
//!   and the markdown reference ([`instruction_reference`], committed as
//!   `docs/instructions.md`) are all generated from it.
//! - [`operand`]: the typed operands (indices, labels, operators, flags).
//! - [`CodeObject`] with its [`Constant`]s, [`LineTable`] and
//!   [`ExceptionTable`] (CPython 3.11-style zero-cost exception handling).
//! - [`max_stack_depth`] / [`analyze_stack`]: stack depths computed from
//!   the table by walking the control flow.
//! - [`ControlFlowGraph`]: basic blocks and their jump, fall-through and
//!   exception edges (`krait dis --graph`, branch coverage).
//! - [`verify`](mod@verify): the checks that make a code object safe to run (operands
//!   in range, jumps valid, stack balanced and bounded).
//! - [`encode`] / [`decode`]: the versioned, length-checked .kbc file
//!   format; decoding verifies, and no input makes it panic.
//!
//! Input: code objects built by krait-compiler, or .kbc bytes. Output:
//! verified code objects for krait-vm and krait-dis, or .kbc bytes.
//!
//! Architecture invariant: this crate depends on no other krait crate (only
//! on `num-bigint`), so the VM can load and run .kbc files with no front
//! end linked in.

pub mod cfg;
pub mod code;
pub mod constant;
pub mod exception_table;
pub mod instruction;
pub mod kbc;
pub mod line_table;
pub mod operand;
pub mod stack;
pub mod verify;

pub use cfg::{BasicBlock, ControlFlowGraph, Edge, EdgeKind};
pub use code::{CodeFlags, CodeObject};
pub use constant::Constant;
pub use exception_table::{ExceptionTable, ExceptionTableEntry, Handler};
pub use instruction::{
    Flow, INSTRUCTION_COUNT, Instruction, Opcode, StackEffect, instruction_reference,
    instruction_set_fingerprint,
};
pub use kbc::{
    FORMAT_VERSION, KbcError, MAGIC, decode, decode_instructions, encode, encode_instructions,
};
pub use line_table::{LineTable, Position};
pub use operand::{
    BackLabel, BinaryOperator, ComparisonOperator, ConstIdx, Conversion, Depth, DerefIdx,
    FormatFlags, KwNamesIdx, Label, LocalIdx, MakeFunctionFlags, NameIdx, Operand, OperandKind,
    RaiseKind, SliceArgc, UnpackExCounts,
};
pub use stack::{
    MAX_STACK_DEPTH, StackAnalysis, StackError, StackKind, analyze_stack, max_stack_depth,
    stack_fits, stack_kinds,
};
pub use verify::{MAX_NESTING, VerifyError, VerifyErrorKind, check_for_dispatch, verify};

pub use num_bigint::BigInt;
