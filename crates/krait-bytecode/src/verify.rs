//! The verifier: checks that a code object is safe for the VM to run
//! without further bounds checks on operands, jumps or the value stack.
//!
//! Decoding a .kbc file always runs it; the compiler may run it in debug
//! builds as a self-check.

use std::fmt;

use crate::code::{CodeFlags, CodeObject};
use crate::constant::Constant;
use crate::instruction::{Flow, Instruction};
use crate::operand::{OperandContext, OperandKind};
use crate::stack::{MAX_STACK_DEPTH, analyze_stack};

/// How deeply code objects and tuples may nest inside constants. Bounds
/// recursion in the decoder, the verifier and `Drop`.
pub const MAX_NESTING: usize = 64;

/// What is wrong with a code object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyErrorKind {
    /// The code has no instructions.
    EmptyCode,
    /// More instructions than a `u32` index can address.
    TooManyInstructions,
    /// An operand indexes past the end of a table.
    IndexOutOfRange {
        /// The table (`constants`, `names`...).
        what: &'static str,
        /// The operand.
        index: u32,
        /// The table's length.
        len: usize,
    },
    /// A raw operand value that means nothing for its kind.
    InvalidOperand {
        /// The operand kind.
        kind: OperandKind,
        /// The raw value.
        raw: u32,
    },
    /// A jump in the wrong direction (only JUMP_BACKWARD goes backward).
    JumpDirection {
        /// The target.
        target: u32,
        /// The label had to be forward.
        forward: bool,
    },
    /// KW_NAMES names a constant that is not a tuple of strings.
    KwNamesNotStrTuple {
        /// The constant index.
        index: u32,
    },
    /// KW_NAMES is not followed by a CALL with at least as many arguments
    /// as names.
    KwNamesWithoutCall,
    /// YIELD_VALUE or SEND in code not flagged GENERATOR, COROUTINE or
    /// ASYNC_GENERATOR.
    YieldOutsideGenerator,
    /// A path pops more values than the stack holds.
    StackUnderflow {
        /// Depth on entry.
        depth: u32,
        /// Values popped.
        pops: u64,
    },
    /// Two paths reach an instruction with different depths.
    StackMismatch {
        /// Depth recorded first.
        expected: u32,
        /// Depth of the other path.
        found: u32,
    },
    /// The stack grows past [`MAX_STACK_DEPTH`].
    StackTooDeep {
        /// The depth reached.
        depth: u64,
    },
    /// The computed depth exceeds the declared `max_stackdepth`.
    StackExceedsDeclared {
        /// Computed maximum.
        computed: u32,
        /// Declared maximum.
        declared: u32,
    },
    /// The last instruction can continue past the end of the code.
    FallsOffEnd,
    /// An exception-table entry unwinds to a depth the stack in its range
    /// does not reach.
    HandlerTooDeep {
        /// The entry's depth.
        handler_depth: u32,
        /// The stack depth at the instruction.
        depth: u32,
    },
    /// A malformed exception-table entry.
    BadExceptionEntry {
        /// Entry index.
        entry: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// The line table does not have one line per instruction.
    LineTableLength {
        /// Lines.
        lines: usize,
        /// Instructions.
        instructions: usize,
    },
    /// Argument counts inconsistent with each other or with `varnames`.
    BadArgCounts,
    /// Undefined bits in `flags`.
    UnknownFlags {
        /// The flags.
        flags: u32,
    },
    /// A `BigInt` constant that fits in `i64` (must be `Int`).
    NonCanonicalBigInt,
    /// Constants nest deeper than [`MAX_NESTING`].
    TooDeeplyNested,
}

impl fmt::Display for VerifyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use VerifyErrorKind::*;
        match self {
            EmptyCode => write!(f, "code object has no instructions"),
            TooManyInstructions => write!(f, "too many instructions"),
            IndexOutOfRange { what, index, len } => {
                write!(f, "index {index} out of range for {what} (length {len})")
            }
            InvalidOperand { kind, raw } => {
                write!(f, "invalid {} operand {raw}", kind.name())
            }
            JumpDirection {
                target,
                forward: true,
            } => {
                write!(f, "jump to {target} must go forward")
            }
            JumpDirection {
                target,
                forward: false,
            } => {
                write!(f, "backward jump to {target} goes forward")
            }
            KwNamesNotStrTuple { index } => {
                write!(f, "KW_NAMES constant {index} is not a tuple of str")
            }
            KwNamesWithoutCall => {
                write!(
                    f,
                    "KW_NAMES must be followed by a CALL with at least as many arguments"
                )
            }
            YieldOutsideGenerator => write!(f, "yield in a code object not flagged GENERATOR"),
            StackUnderflow { depth, pops } => {
                write!(f, "stack underflow: pops {pops} from a stack of {depth}")
            }
            StackMismatch { expected, found } => {
                write!(
                    f,
                    "inconsistent stack depth at join point: {expected} vs {found}"
                )
            }
            StackTooDeep { depth } => {
                write!(
                    f,
                    "stack depth {depth} exceeds the limit of {MAX_STACK_DEPTH}"
                )
            }
            StackExceedsDeclared { computed, declared } => {
                write!(
                    f,
                    "stack depth {computed} exceeds declared max_stackdepth {declared}"
                )
            }
            FallsOffEnd => write!(f, "execution can fall off the end of the code"),
            HandlerTooDeep {
                handler_depth,
                depth,
            } => write!(
                f,
                "exception handler depth {handler_depth} exceeds stack depth {depth}"
            ),
            BadExceptionEntry { entry, reason } => {
                write!(f, "exception table entry {entry}: {reason}")
            }
            LineTableLength {
                lines,
                instructions,
            } => write!(
                f,
                "line table has {lines} lines for {instructions} instructions"
            ),
            BadArgCounts => write!(f, "argument counts inconsistent with varnames"),
            UnknownFlags { flags } => write!(f, "unknown code flags {flags:#x}"),
            NonCanonicalBigInt => write!(f, "big int constant fits in 64 bits"),
            TooDeeplyNested => {
                write!(f, "constants nested deeper than {MAX_NESTING} levels")
            }
        }
    }
}

/// A verification failure: what, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// Qualified name of the code object (nested ones included).
    pub code: String,
    /// The offending instruction, when there is one.
    pub instruction: Option<u32>,
    /// What is wrong.
    pub kind: VerifyErrorKind,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in code object '{}'", self.code)?;
        if let Some(i) = self.instruction {
            write!(f, " at instruction {i}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for VerifyError {}

/// Verifies `code` and every code object nested in its constants.
pub fn verify(code: &CodeObject) -> Result<(), VerifyError> {
    verify_at(code, 0)
}

fn verify_at(code: &CodeObject, nesting: usize) -> Result<(), VerifyError> {
    let fail = |instruction: Option<u32>, kind| VerifyError {
        code: code.qualname.clone(),
        instruction,
        kind,
    };
    if nesting > MAX_NESTING {
        return Err(fail(None, VerifyErrorKind::TooDeeplyNested));
    }
    if code.flags.0 & !CodeFlags::ALL.0 != 0 {
        return Err(fail(
            None,
            VerifyErrorKind::UnknownFlags {
                flags: code.flags.0,
            },
        ));
    }
    if code.posonlyargcount > code.argcount || code.total_args() > code.varnames.len() as u64 {
        return Err(fail(None, VerifyErrorKind::BadArgCounts));
    }
    if code.line_table.len() != code.instructions.len() {
        return Err(fail(
            None,
            VerifyErrorKind::LineTableLength {
                lines: code.line_table.len(),
                instructions: code.instructions.len(),
            },
        ));
    }
    if code.max_stackdepth > MAX_STACK_DEPTH {
        return Err(fail(
            None,
            VerifyErrorKind::StackTooDeep {
                depth: code.max_stackdepth as u64,
            },
        ));
    }

    // Coroutines yield too: `await` is a SEND/YIELD_VALUE loop.
    let is_generator = code.flags.contains(CodeFlags::GENERATOR)
        || code.flags.contains(CodeFlags::COROUTINE)
        || code.flags.contains(CodeFlags::ASYNC_GENERATOR);
    for (i, instr) in code.instructions.iter().enumerate() {
        let index = i as u32;
        let ctx = OperandContext { code, index };
        instr
            .check_operand(&ctx)
            .map_err(|kind| fail(Some(index), kind))?;
        match instr {
            Instruction::KwNames(names) => {
                let count = match &code.constants[names.0 as usize] {
                    Constant::Tuple(items) => items.len() as u64,
                    _ => 0,
                };
                match code.instructions.get(i + 1) {
                    Some(Instruction::Call(argc)) if count <= *argc as u64 => {}
                    _ => return Err(fail(Some(index), VerifyErrorKind::KwNamesWithoutCall)),
                }
            }
            Instruction::YieldValue | Instruction::Send(_) if !is_generator => {
                return Err(fail(Some(index), VerifyErrorKind::YieldOutsideGenerator));
            }
            _ => {}
        }
    }

    let analysis = analyze_stack(&code.instructions, &code.exception_table)
        .map_err(|e| fail(Some(e.index), e.kind))?;
    if analysis.max_depth > code.max_stackdepth {
        return Err(fail(
            None,
            VerifyErrorKind::StackExceedsDeclared {
                computed: analysis.max_depth,
                declared: code.max_stackdepth,
            },
        ));
    }

    for constant in &code.constants {
        verify_constant(constant, nesting + 1).map_err(|e| match e {
            ConstantError::Here(kind) => fail(None, kind),
            ConstantError::Nested(err) => err,
        })?;
    }
    Ok(())
}

/// The part of [`verify`] the VM relies on to dispatch without bounds
/// checks, for one code object (not its nested ones): it has instructions,
/// every jump and handler target is one of them, no path runs past the
/// last, and every operand indexes what it names (locals, constants,
/// names, cells). Linear, except for code whose last instruction can
/// continue (then the paths decide, as [`verify`] does).
pub fn check_for_dispatch(code: &CodeObject) -> Result<(), VerifyErrorKind> {
    let instructions = &code.instructions;
    let Some(last) = instructions.last() else {
        return Err(VerifyErrorKind::EmptyCode);
    };
    let len = instructions.len();
    if len > u32::MAX as usize {
        return Err(VerifyErrorKind::TooManyInstructions);
    }
    code.exception_table.validate(len)?;
    // Jump targets are operands too: checked inside the code here.
    for (index, instruction) in instructions.iter().enumerate() {
        let ctx = OperandContext {
            code,
            index: index as u32,
        };
        instruction.check_operand(&ctx)?;
    }
    match last.flow() {
        Flow::Jump | Flow::Stop => Ok(()),
        Flow::Next | Flow::Branch => analyze_stack(instructions, &code.exception_table)
            .map(|_| ())
            .map_err(|error| error.kind),
    }
}

enum ConstantError {
    Here(VerifyErrorKind),
    Nested(VerifyError),
}

fn verify_constant(constant: &Constant, nesting: usize) -> Result<(), ConstantError> {
    if nesting > MAX_NESTING {
        return Err(ConstantError::Here(VerifyErrorKind::TooDeeplyNested));
    }
    match constant {
        Constant::BigInt(value) if i64::try_from(value).is_ok() => {
            Err(ConstantError::Here(VerifyErrorKind::NonCanonicalBigInt))
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => items
            .iter()
            .try_for_each(|item| verify_constant(item, nesting + 1)),
        Constant::Code(code) => verify_at(code, nesting).map_err(ConstantError::Nested),
        _ => Ok(()),
    }
}
