//! The control-flow graph of one code object: its basic blocks and the
//! edges between them (jump, fall-through, exception).
//!
//! `krait dis --graph` draws it, and branch coverage names a branch by the
//! edge it took. Built from the instruction table's [`Flow`] and jump
//! targets and from the exception table, so a new instruction needs no
//! change here. Unverified code is accepted: a target out of range simply
//! has no edge.

use crate::code::CodeObject;
use crate::instruction::Flow;

/// Instructions `start..end` (indexes), entered only at `start` and left
/// only after `end - 1`, all covered by the same exception handler (or
/// none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicBlock {
    pub start: u32,
    /// One past the last instruction.
    pub end: u32,
}

/// How control passes from one block to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// The last instruction continues with the next one (a conditional
    /// jump not taken, or an instruction that does not jump).
    FallThrough,
    /// The last instruction jumps to its label.
    Jump,
    /// An instruction of the block raises, and the block's handler runs.
    Exception,
}

impl EdgeKind {
    /// `fall-through`, `jump`, `exception`.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::FallThrough => "fall-through",
            EdgeKind::Jump => "jump",
            EdgeKind::Exception => "exception",
        }
    }
}

/// An edge between two blocks, by their index in
/// [`ControlFlowGraph::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
}

/// Blocks in instruction order (block 0 is the entry) and their edges,
/// sorted by source block, then jump before fall-through before
/// exception.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ControlFlowGraph {
    pub blocks: Vec<BasicBlock>,
    pub edges: Vec<Edge>,
}

impl ControlFlowGraph {
    /// The graph of `code`'s own instructions (not of nested code objects).
    pub fn new(code: &CodeObject) -> ControlFlowGraph {
        let len = code.instructions.len();
        if len == 0 {
            return ControlFlowGraph::default();
        }
        // A block starts at the entry, at every jump or handler target,
        // after every instruction that jumps or stops, and where the
        // exception handler changes.
        let mut starts = vec![false; len + 1];
        starts[0] = true;
        starts[len] = true;
        let mut mark = |index: u32| {
            if let Some(slot) = starts.get_mut(index as usize) {
                *slot = true;
            }
        };
        for (index, instruction) in code.instructions.iter().enumerate() {
            if let Some(target) = instruction.jump_target() {
                mark(target);
            }
            if instruction.flow() != Flow::Next {
                mark(index as u32 + 1);
            }
        }
        for entry in &code.exception_table.entries {
            mark(entry.start);
            mark(entry.end);
            mark(entry.target);
        }
        let mut blocks = Vec::new();
        let mut start = 0u32;
        for (index, &starts_block) in starts.iter().enumerate().skip(1) {
            if starts_block {
                blocks.push(BasicBlock {
                    start,
                    end: index as u32,
                });
                start = index as u32;
            }
        }
        let mut graph = ControlFlowGraph {
            blocks,
            edges: Vec::new(),
        };
        for (from, block) in graph.blocks.iter().enumerate() {
            let last = code.instructions[block.end as usize - 1];
            let mut add = |to: Option<usize>, kind| {
                if let Some(to) = to {
                    graph.edges.push(Edge { from, to, kind });
                }
            };
            let flow = last.flow();
            if matches!(flow, Flow::Branch | Flow::Jump) {
                add(
                    last.jump_target()
                        .and_then(|t| graph_block_of(&graph.blocks, t)),
                    EdgeKind::Jump,
                );
            }
            if matches!(flow, Flow::Next | Flow::Branch) {
                add(
                    graph_block_of(&graph.blocks, block.end),
                    EdgeKind::FallThrough,
                );
            }
            if let Some(entry) = code.exception_table.handler_for(block.start) {
                add(
                    graph_block_of(&graph.blocks, entry.target),
                    EdgeKind::Exception,
                );
            }
        }
        graph
    }

    /// The block holding instruction `index`.
    pub fn block_of(&self, index: u32) -> Option<usize> {
        graph_block_of(&self.blocks, index)
    }

    /// The edges leaving block `block`.
    pub fn successors(&self, block: usize) -> impl Iterator<Item = &Edge> {
        let first = self.edges.partition_point(|e| e.from < block);
        self.edges[first..]
            .iter()
            .take_while(move |e| e.from == block)
    }
}

impl ControlFlowGraph {
    /// Each block's immediate post-dominator: the first block that every
    /// path from it to the code's end (a return, a raise) passes through,
    /// following jumps and fall-throughs (not exception edges). `None`
    /// when paths from the block meet only at the end, or when none
    /// reaches it (an endless loop). Where the two ways of a conditional
    /// jump join again: implicit-flow tracking ends a branch's scope there.
    pub fn immediate_post_dominators(&self) -> Vec<Option<usize>> {
        let count = self.blocks.len();
        let normal = |block: usize| {
            self.successors(block)
                .filter(|edge| edge.kind != EdgeKind::Exception)
                .map(|edge| edge.to)
        };
        // Post-dominator sets as bit vectors; the end is bit `count`.
        let words = (count + 1).div_ceil(64);
        let full = {
            let mut set = vec![u64::MAX; words];
            let extra = words * 64 - (count + 1);
            if extra > 0 {
                set[words - 1] >>= extra;
            }
            set
        };
        let mut sets: Vec<Vec<u64>> = vec![full; count];
        let set_bit = |set: &mut Vec<u64>, bit: usize| set[bit / 64] |= 1 << (bit % 64);
        let mut changed = true;
        while changed {
            changed = false;
            // Backwards: most successors come after their block.
            for block in (0..count).rev() {
                let mut meet: Option<Vec<u64>> = None;
                let mut exits = true;
                for successor in normal(block) {
                    exits = false;
                    let other = &sets[successor];
                    meet = Some(match meet {
                        None => other.clone(),
                        Some(mut set) => {
                            set.iter_mut().zip(other).for_each(|(a, b)| *a &= b);
                            set
                        }
                    });
                }
                let mut new = match meet {
                    Some(set) if !exits => set,
                    // No successor: the block ends the code.
                    _ => {
                        let mut end = vec![0; words];
                        set_bit(&mut end, count);
                        end
                    }
                };
                set_bit(&mut new, block);
                if new != sets[block] {
                    sets[block] = new;
                    changed = true;
                }
            }
        }
        let size = |set: &Vec<u64>| set.iter().map(|w| w.count_ones()).sum::<u32>();
        let has = |set: &Vec<u64>, bit: usize| set[bit / 64] & (1 << (bit % 64)) != 0;
        (0..count)
            .map(|block| {
                let own = &sets[block];
                // Blocks that reach no end keep the full set.
                if !has(own, count) {
                    return None;
                }
                // The nearest strict post-dominator has one element fewer.
                let wanted = size(own) - 1;
                (0..count).find(|&other| {
                    other != block && has(own, other) && size(&sets[other]) == wanted
                })
            })
            .collect()
    }
}

fn graph_block_of(blocks: &[BasicBlock], index: u32) -> Option<usize> {
    let after = blocks.partition_point(|b| b.start <= index);
    let block = after.checked_sub(1)?;
    (index < blocks[block].end).then_some(block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exception_table::ExceptionTableEntry;
    use crate::instruction::Instruction as I;
    use crate::operand::{BackLabel, ConstIdx, Label};

    fn code(instructions: Vec<I>) -> CodeObject {
        let mut code = CodeObject::new("f", "f", "<test>");
        code.instructions = instructions;
        code
    }

    fn edges(graph: &ControlFlowGraph) -> Vec<(usize, usize, &'static str)> {
        graph
            .edges
            .iter()
            .map(|e| (e.from, e.to, e.kind.name()))
            .collect()
    }

    #[test]
    fn straight_line_code_is_one_block() {
        let graph = ControlFlowGraph::new(&code(vec![
            I::LoadConst(ConstIdx(0)),
            I::PopTop,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
        ]));
        assert_eq!(graph.blocks, vec![BasicBlock { start: 0, end: 4 }]);
        assert!(graph.edges.is_empty());
    }

    #[test]
    fn a_conditional_jump_has_two_successors() {
        // if x: y   (0: load, 1: jump if false to 4, 2-3: body, 4-5: return)
        let graph = ControlFlowGraph::new(&code(vec![
            I::LoadConst(ConstIdx(0)),
            I::PopJumpIfFalse(Label(4)),
            I::LoadConst(ConstIdx(0)),
            I::PopTop,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
        ]));
        assert_eq!(
            graph.blocks,
            vec![
                BasicBlock { start: 0, end: 2 },
                BasicBlock { start: 2, end: 4 },
                BasicBlock { start: 4, end: 6 },
            ]
        );
        assert_eq!(
            edges(&graph),
            vec![
                (0, 2, "jump"),
                (0, 1, "fall-through"),
                (1, 2, "fall-through")
            ]
        );
        assert_eq!(graph.block_of(3), Some(1));
        assert_eq!(graph.block_of(6), None);
        assert_eq!(graph.successors(0).count(), 2);
        assert_eq!(graph.successors(2).count(), 0);
    }

    #[test]
    fn branches_join_at_their_immediate_post_dominator() {
        // 0: if x (jump to 4) / 2: then-part, jump to 5 / 4: else-part /
        // 5: after, return; 7: a loop's test jumping back never ends.
        let graph = ControlFlowGraph::new(&code(vec![
            I::LoadConst(ConstIdx(0)),
            I::PopJumpIfFalse(Label(4)),
            I::Nop,
            I::JumpForward(Label(5)),
            I::Nop,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
        ]));
        let starts: Vec<u32> = graph.blocks.iter().map(|b| b.start).collect();
        assert_eq!(starts, vec![0, 2, 4, 5]);
        assert_eq!(
            graph.immediate_post_dominators(),
            vec![Some(3), Some(3), Some(3), None]
        );
        // One way returns early: the ways meet only at the end.
        let graph = ControlFlowGraph::new(&code(vec![
            I::LoadConst(ConstIdx(0)),
            I::PopJumpIfFalse(Label(4)),
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
        ]));
        assert_eq!(graph.immediate_post_dominators(), vec![None, None, None]);
        // An endless loop reaches no end.
        let graph = ControlFlowGraph::new(&code(vec![I::Nop, I::JumpBackward(BackLabel(0))]));
        assert_eq!(graph.immediate_post_dominators(), vec![None]);
    }

    #[test]
    fn exception_ranges_split_blocks_and_add_edges() {
        let mut code = code(vec![
            I::Nop,
            I::LoadConst(ConstIdx(0)),
            I::PopTop,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
            I::PopTop,
            I::LoadConst(ConstIdx(0)),
            I::ReturnValue,
        ]);
        code.exception_table.entries.push(ExceptionTableEntry {
            start: 1,
            end: 3,
            target: 5,
            depth: 0,
            push_lasti: false,
        });
        let graph = ControlFlowGraph::new(&code);
        let starts: Vec<u32> = graph.blocks.iter().map(|b| b.start).collect();
        assert_eq!(starts, vec![0, 1, 3, 5]);
        assert_eq!(
            edges(&graph),
            vec![
                (0, 1, "fall-through"),
                (1, 2, "fall-through"),
                (1, 3, "exception"),
            ]
        );
    }

    #[test]
    fn out_of_range_targets_have_no_edge() {
        let graph = ControlFlowGraph::new(&code(vec![I::JumpForward(Label(9))]));
        assert_eq!(graph.blocks.len(), 1);
        assert!(graph.edges.is_empty());
        assert_eq!(ControlFlowGraph::new(&code(vec![])).blocks.len(), 0);
    }
}
