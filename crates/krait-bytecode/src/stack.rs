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

/// What a slot of the operand stack holds, as far as jumping from one
/// line to another cares (`frame.f_lineno = n` in a trace function):
/// CPython 3.11's kinds in `Objects/frameobject.c`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackKind {
    Object,
    /// PUSH_NULL's, or LOAD_METHOD's below the callable.
    Null,
    /// A `for` loop's iterator (GET_ITER's result).
    Iterator,
    /// The exception a handler starts with; then (PUSH_EXC_INFO) the
    /// exception being handled before it, which POP_EXCEPT restores.
    Except,
    /// The raising instruction's index a handler that re-raises keeps.
    Lasti,
}

impl StackKind {
    /// Whether a slot of kind `self` can stand where a jump's target
    /// expects `to` (CPython's `compatible_kind`).
    pub fn fits(self, to: StackKind) -> bool {
        match to {
            StackKind::Object => self != StackKind::Null,
            StackKind::Null => true,
            other => self == other,
        }
    }
}

/// Stacks deeper than this are not analysed (CPython's limit is lower).
const MAX_KINDS_DEPTH: usize = 64;

/// The kinds of the operand stack on entry to each instruction, following
/// jumps and exception handlers (`None` for unreachable code, or past 64
/// values), as CPython 3.11's `mark_stacks`: what decides
/// whether a trace function may jump from one instruction to another.
pub fn stack_kinds(
    instructions: &[Instruction],
    exception_table: &ExceptionTable,
) -> Vec<Option<Vec<StackKind>>> {
    let len = instructions.len();
    let mut kinds: Vec<Option<Vec<StackKind>>> = vec![None; len];
    let mut worklist = Vec::new();
    if len == 0 {
        return kinds;
    }
    kinds[0] = Some(Vec::new());
    worklist.push(0);
    let reach = |target: usize,
                 stack: Vec<StackKind>,
                 kinds: &mut Vec<Option<Vec<StackKind>>>,
                 worklist: &mut Vec<usize>| {
        if target < len && stack.len() <= MAX_KINDS_DEPTH && kinds[target].is_none() {
            kinds[target] = Some(stack);
            worklist.push(target);
        }
    };
    let apply = |stack: &[StackKind], effect: StackEffect| -> Option<Vec<StackKind>> {
        let keep = stack.len().checked_sub(effect.pops as usize)?;
        let mut after = stack[..keep].to_vec();
        after.extend(std::iter::repeat_n(
            StackKind::Object,
            effect.pushes as usize,
        ));
        Some(after)
    };
    while let Some(i) = worklist.pop() {
        let Some(stack) = kinds[i].clone() else {
            continue;
        };
        let instruction = &instructions[i];
        if let Some(entry) = exception_table.handler_for(i as u32)
            && let Some(kept) = stack.get(..entry.depth as usize)
        {
            let mut handler = kept.to_vec();
            if entry.push_lasti {
                handler.push(StackKind::Lasti);
            }
            handler.push(StackKind::Except);
            reach(entry.target as usize, handler, &mut kinds, &mut worklist);
        }
        let next = match instruction {
            // The iterator stays below the item.
            Instruction::ForIter(_) => {
                let mut after = stack.clone();
                after.push(StackKind::Object);
                Some(after)
            }
            // The exception handled before stays below the new one.
            Instruction::PushExcInfo => {
                let mut after = stack.clone();
                if let Some(top) = after.last_mut() {
                    *top = StackKind::Except;
                }
                after.push(StackKind::Object);
                Some(after)
            }
            Instruction::GetIter | Instruction::GetAiter => {
                let mut after = stack.clone();
                if let Some(top) = after.last_mut() {
                    *top = StackKind::Iterator;
                }
                Some(after)
            }
            Instruction::PushNull => {
                let mut after = stack.clone();
                after.push(StackKind::Null);
                Some(after)
            }
            Instruction::LoadMethod(_) => {
                apply(&stack, StackEffect { pops: 1, pushes: 0 }).map(|mut after| {
                    after.extend([StackKind::Null, StackKind::Object]);
                    after
                })
            }
            _ => apply(&stack, instruction.stack_effect()),
        };
        let target = instruction.jump_target().map(|t| t as usize);
        match instruction.flow() {
            Flow::Next => {
                if let Some(next) = next {
                    reach(i + 1, next, &mut kinds, &mut worklist);
                }
            }
            Flow::Branch => {
                if let Some(next) = next {
                    reach(i + 1, next, &mut kinds, &mut worklist);
                }
                if let (Some(target), Some(jumped)) =
                    (target, apply(&stack, instruction.jump_stack_effect()))
                {
                    reach(target, jumped, &mut kinds, &mut worklist);
                }
            }
            Flow::Jump => {
                if let (Some(target), Some(next)) = (target, next) {
                    reach(target, next, &mut kinds, &mut worklist);
                }
            }
            Flow::Stop => {}
        }
    }
    kinds
}

/// Whether the operand stack `from` can become `to` by popping values
/// (CPython's `compatible_stack`): `to` is no deeper, and each of its
/// slots fits what lies there in `from`.
pub fn stack_fits(from: &[StackKind], to: &[StackKind]) -> bool {
    to.len() <= from.len() && from.iter().zip(to).all(|(have, want)| have.fits(*want))
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
    fn stack_kinds_of_a_loop_and_a_handler() {
        use StackKind::*;
        let code = [
            LoadConst(ConstIdx(0)),
            GetIter,
            ForIter(Label(5)),
            PopTop,
            JumpBackward(BackLabel(2)),
            PushNull,
            LoadConst(ConstIdx(0)),
            Call(0),
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
                start: 5,
                end: 9,
                target: 11,
                depth: 0,
                push_lasti: true,
            }],
        };
        let kinds = stack_kinds(&code, &table);
        assert_eq!(kinds[2], Some(vec![Iterator]));
        assert_eq!(kinds[3], Some(vec![Iterator, Object]));
        assert_eq!(kinds[5], Some(vec![]));
        assert_eq!(kinds[7], Some(vec![Null, Object]));
        assert_eq!(kinds[11], Some(vec![Lasti, Except]));
        assert_eq!(kinds[12], Some(vec![Lasti, Except, Object]));
        // Out of the loop (the iterator popped) fits; into it does not.
        assert!(stack_fits(&[Iterator, Object], &[]));
        assert!(!stack_fits(&[], &[Iterator]));
        assert!(!stack_fits(&[Null], &[Object]));
        assert!(stack_fits(&[Object], &[Null]));
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
