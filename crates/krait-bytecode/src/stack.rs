//! Stack depth analysis: the walk over the control flow that the compiler
//! uses to compute `max_stackdepth` and the verifier uses to prove it.
//!
//! Every instruction's effect comes from the instruction table, so depths
//! are computed, never hand-counted.

use crate::exception_table::ExceptionTable;
use crate::instruction::{Flow, Instruction, StackEffect};
use crate::verify::VerifyErrorKind;

/// The largest stack depth a code object may declare. The VM allocates
/// `max_stackdepth` slots per frame, so a hostile file must not be able to
/// ask for gigabytes.
pub const MAX_STACK_DEPTH: u32 = 1 << 20;

/// The result of [`analyze_stack`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackAnalysis {
    /// Stack depth on entry to each instruction; `None` if unreachable.
    pub depths: Vec<Option<u32>>,
    /// The largest depth reached anywhere.
    pub max_depth: u32,
}

/// A failure of the analysis, at instruction `index`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackError {
    /// The instruction where the problem shows.
    pub index: u32,
    /// What is wrong.
    pub kind: VerifyErrorKind,
}

/// Computes the maximum stack depth of `instructions`, following jumps and
/// exception handlers. Errors if the code is not stack-consistent.
pub fn max_stack_depth(
    instructions: &[Instruction],
    exception_table: &ExceptionTable,
) -> Result<u32, StackError> {
    analyze_stack(instructions, exception_table).map(|a| a.max_depth)
}

/// Walks every path from instruction 0 and records the stack depth on
/// entry to each reachable instruction.
///
/// Errors: a jump or handler outside the code, a pop from a too-shallow
/// stack, two paths reaching an instruction with different depths, a path
/// falling off the end of the code, an exception-table entry deeper than the
/// stack in its range, or a depth above [`MAX_STACK_DEPTH`].
pub fn analyze_stack(
    instructions: &[Instruction],
    exception_table: &ExceptionTable,
) -> Result<StackAnalysis, StackError> {
    let len = instructions.len();
    let at = |index: usize, kind| StackError {
        index: index as u32,
        kind,
    };
    if len == 0 {
        return Err(at(0, VerifyErrorKind::EmptyCode));
    }
    if len > u32::MAX as usize {
        return Err(at(0, VerifyErrorKind::TooManyInstructions));
    }
    exception_table.validate(len).map_err(|kind| at(0, kind))?;

    let mut depths: Vec<Option<u32>> = vec![None; len];
    let mut worklist: Vec<usize> = Vec::new();
    let mut max_depth = 0u32;

    let reach = |from: usize,
                 target: usize,
                 depth: u64,
                 depths: &mut Vec<Option<u32>>,
                 worklist: &mut Vec<usize>| {
        if target >= len {
            let kind = if from + 1 == len && target == len {
                VerifyErrorKind::FallsOffEnd
            } else {
                VerifyErrorKind::IndexOutOfRange {
                    what: "instructions",
                    index: target as u32,
                    len,
                }
            };
            return Err(at(from, kind));
        }
        if depth > MAX_STACK_DEPTH as u64 {
            return Err(at(from, VerifyErrorKind::StackTooDeep { depth }));
        }
        let depth = depth as u32;
        match depths[target] {
            None => {
                depths[target] = Some(depth);
                worklist.push(target);
                Ok(())
            }
            Some(existing) if existing == depth => Ok(()),
            Some(existing) => Err(at(
                target,
                VerifyErrorKind::StackMismatch {
                    expected: existing,
                    found: depth,
                },
            )),
        }
    };

    reach(0, 0, 0, &mut depths, &mut worklist)?;
    while let Some(i) = worklist.pop() {
        let depth = depths[i].unwrap_or(0) as u64;
        max_depth = max_depth.max(depth as u32);
        let instr = &instructions[i];

        if let Some(entry) = exception_table.handler_for(i as u32) {
            if (entry.depth as u64) > depth {
                return Err(at(
                    i,
                    VerifyErrorKind::HandlerTooDeep {
                        handler_depth: entry.depth,
                        depth: depth as u32,
                    },
                ));
            }
            let handler_depth = entry.depth as u64 + entry.push_lasti as u64 + 1;
            reach(
                i,
                entry.target as usize,
                handler_depth,
                &mut depths,
                &mut worklist,
            )?;
        }

        let apply = |effect: StackEffect| -> Result<u64, StackError> {
            if effect.pops > depth {
                return Err(at(
                    i,
                    VerifyErrorKind::StackUnderflow {
                        depth: depth as u32,
                        pops: effect.pops,
                    },
                ));
            }
            Ok(depth - effect.pops + effect.pushes)
        };
        let after = apply(instr.stack_effect())?;
        // The peak inside an instruction is its result, which may never
        // become another instruction's entry depth (RETURN_VALUE...).
        if after > MAX_STACK_DEPTH as u64 {
            return Err(at(i, VerifyErrorKind::StackTooDeep { depth: after }));
        }
        max_depth = max_depth.max(after as u32);

        let target = || instr.jump_target().map(|t| t as usize).unwrap_or(len);
        match instr.flow() {
            Flow::Next => reach(i, i + 1, after, &mut depths, &mut worklist)?,
            Flow::Branch => {
                reach(i, i + 1, after, &mut depths, &mut worklist)?;
                let jumped = apply(instr.jump_stack_effect())?;
                reach(i, target(), jumped, &mut depths, &mut worklist)?;
            }
            Flow::Jump => reach(i, target(), after, &mut depths, &mut worklist)?,
            Flow::Stop => {}
        }
    }
    Ok(StackAnalysis { depths, max_depth })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exception_table::{ExceptionTable, ExceptionTableEntry};
    use crate::operand::{BackLabel, ConstIdx, Label};
    use Instruction::*;

    #[test]
    fn straight_line() {
        let code = [
            LoadConst(ConstIdx(0)),
            LoadConst(ConstIdx(0)),
            BuildTuple(2),
            ReturnValue,
        ];
        let a = analyze_stack(&code, &ExceptionTable::default()).unwrap();
        assert_eq!(a.max_depth, 2);
        assert_eq!(a.depths, vec![Some(0), Some(1), Some(2), Some(1)]);
    }

    #[test]
    fn loop_with_for_iter() {
        let code = [
            LoadConst(ConstIdx(0)),
            GetIter,
            ForIter(Label(5)),
            PopTop,
            JumpBackward(BackLabel(2)),
            LoadConst(ConstIdx(0)),
            ReturnValue,
        ];
        let a = analyze_stack(&code, &ExceptionTable::default()).unwrap();
        assert_eq!(a.max_depth, 2);
        assert_eq!(a.depths[5], Some(0));
    }

    #[test]
    fn handler_depth_counts_lasti_and_exception() {
        let code = [
            LoadConst(ConstIdx(0)),
            PopTop,
            LoadConst(ConstIdx(0)),
            ReturnValue,
            PushExcInfo,
            PopTop,
            PopExcept,
            Reraise(0),
        ];
        let table = ExceptionTable {
            entries: vec![ExceptionTableEntry {
                start: 0,
                end: 2,
                target: 4,
                depth: 0,
                push_lasti: true,
            }],
        };
        let a = analyze_stack(&code, &table).unwrap();
        assert_eq!(a.depths[4], Some(2));
        assert_eq!(a.max_depth, 3);
    }

    #[test]
    fn errors() {
        let none = ExceptionTable::default();
        let underflow = analyze_stack(&[PopTop, ReturnValue], &none).unwrap_err();
        assert!(matches!(
            underflow.kind,
            VerifyErrorKind::StackUnderflow { .. }
        ));
        let falls = analyze_stack(&[Nop], &none).unwrap_err();
        assert_eq!(falls.kind, VerifyErrorKind::FallsOffEnd);
        let mismatch = analyze_stack(
            &[
                LoadConst(ConstIdx(0)),
                PopJumpIfTrue(Label(3)),
                LoadConst(ConstIdx(0)),
                LoadConst(ConstIdx(0)),
                ReturnValue,
            ],
            &none,
        )
        .unwrap_err();
        assert!(matches!(
            mismatch.kind,
            VerifyErrorKind::StackMismatch { .. }
        ));
        let huge = analyze_stack(
            &[BuildList(0), UnpackSequence(u32::MAX), ReturnValue],
            &none,
        )
        .unwrap_err();
        assert!(matches!(huge.kind, VerifyErrorKind::StackTooDeep { .. }));
    }
}
