//! A code unit under construction: instructions with symbolic labels, the
//! running stack depth, the active exception handlers, constants and names,
//! and the assembly into a [`CodeObject`].
//!
//! The stack depth is tracked while emitting (each instruction's effect
//! comes from the instruction table), because the exception table needs the
//! depth at the point where each `try` starts; the final `max_stackdepth` is
//! then computed from the finished code by krait-bytecode's own analysis.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use indexmap::IndexSet;
use krait_bytecode::{
    CodeFlags, CodeObject, Constant, ExceptionTable, Flow, Handler, Instruction, LineTable,
    Position, max_stack_depth,
};

use crate::symtable::{ScopeId, ScopeKind};

/// A jump target not yet placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(pub u32);

/// What [`Unit::mark`] saw, for [`Unit::discard_since`].
pub struct UnitMark {
    instructions: usize,
    labels: usize,
    depths: Vec<Option<u32>>,
}

/// An active exception handler while emitting: where it jumps, the stack
/// depth to unwind to, and whether the raising instruction's index is pushed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingHandler {
    pub label: Label,
    pub depth: u32,
    pub push_lasti: bool,
}

pub struct Unit {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub varnames: IndexSet<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub names: IndexSet<String>,
    pub constants: Vec<Constant>,
    /// Where each constant is, by [`constant_hash`]: deduplication in
    /// constant time (a literal of 200,000 items must not take quadratic
    /// time to compile).
    constant_positions: HashMap<u64, Vec<u32>>,
    instructions: Vec<Instruction>,
    positions: Vec<Position>,
    /// Innermost handler of each instruction, labels unresolved.
    handlers: Vec<Option<PendingHandler>>,
    /// Instructions whose jump operand is a label id, to patch at assembly.
    label_uses: Vec<(usize, Label)>,
    label_positions: Vec<Option<u32>>,
    /// Stack depth expected where each label is placed, from the jumps to it.
    label_depths: Vec<Option<u32>>,
    /// Current depth; `None` after an unconditional jump, return or raise.
    depth: Option<u32>,
    pub handler_stack: Vec<PendingHandler>,
    /// The source position given to the instructions emitted now (the
    /// node being compiled, as CPython's `SET_LOC`).
    pub loc: Position,
}

impl Unit {
    pub fn new(scope: ScopeId, kind: ScopeKind, name: &str, qualname: &str, line: u32) -> Unit {
        Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            first_line: line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags::empty(),
            varnames: IndexSet::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            names: IndexSet::new(),
            constants: Vec::new(),
            constant_positions: HashMap::new(),
            instructions: Vec::new(),
            positions: Vec::new(),
            handlers: Vec::new(),
            label_uses: Vec::new(),
            label_positions: Vec::new(),
            label_depths: Vec::new(),
            depth: Some(0),
            handler_stack: Vec::new(),
            loc: Position {
                line,
                end_line: line,
                col: None,
                end_col: None,
            },
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.label_positions.push(None);
        self.label_depths.push(None);
        Label(self.label_positions.len() as u32 - 1)
    }

    /// Places `label` at the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.label_positions[label.0 as usize] = Some(self.instructions.len() as u32);
        if self.depth.is_none() {
            self.depth = self.label_depths[label.0 as usize];
        }
    }

    pub fn is_reachable(&self) -> bool {
        self.depth.is_some()
    }

    pub fn depth(&self) -> Option<u32> {
        self.depth
    }

    /// Emits an instruction without a jump operand.
    pub fn emit(&mut self, instruction: Instruction) {
        debug_assert!(instruction.jump_target().is_none());
        self.push(instruction, None);
    }

    /// Where the unit stands, for [`Unit::discard_since`].
    pub fn mark(&self) -> UnitMark {
        UnitMark {
            instructions: self.instructions.len(),
            labels: self.label_positions.len(),
            depths: self.label_depths.clone(),
        }
    }

    /// Drops what was emitted since `mark` (unreachable code compiled
    /// only for its errors): the instructions, the jumps among them, the
    /// labels placed among them and the stack depths its jumps recorded
    /// for older labels (a `break` in it must not set the loop exit's);
    /// the unit is unreachable again.
    pub fn discard_since(&mut self, mark: UnitMark) {
        let (start, first_label) = (mark.instructions, mark.labels);
        self.label_depths[..first_label].copy_from_slice(&mark.depths);
        self.instructions.truncate(start);
        self.positions.truncate(start);
        self.handlers.truncate(start);
        self.label_uses.retain(|&(at, _)| at < start);
        for (label, position) in self.label_positions.iter_mut().enumerate() {
            // An older label placed right at `start` was placed before the
            // discarded code and stays (it names the next instruction).
            let placed_since = position.is_some_and(|p| {
                p as usize > start || (p as usize == start && label >= first_label)
            });
            if placed_since {
                *position = None;
            }
        }
        self.depth = None;
    }

    /// How many instructions have been emitted.
    pub fn instruction_count(&self) -> usize {
        self.instructions.len()
    }

    /// CPython's `apply_static_swaps` for the SWAP at `swap`, the last
    /// instructions emitted being the stores right after it: when the
    /// stores it reorders are all STORE_FAST or POP_TOP on one line, the
    /// SWAP goes and the first and the last of them trade places (the
    /// stack is then consumed in the order the SWAP would have made).
    pub fn apply_static_swap(&mut self, swap: usize) {
        let Instruction::Swap(depth) = self.instructions[swap] else {
            return;
        };
        let n = depth.0 as usize;
        let (first, last) = (swap + 1, swap + n);
        let swappable =
            |i: &Instruction| matches!(i, Instruction::StoreFast(_) | Instruction::PopTop);
        if last >= self.instructions.len()
            || !self.instructions[first..=last].iter().all(swappable)
            || self.positions[first + 1..=last]
                .iter()
                .any(|p| p.line != self.positions[first].line)
            || self
                .label_positions
                .iter()
                .any(|p| p.is_some_and(|p| p as usize > swap))
        {
            return;
        }
        self.instructions.swap(first, last);
        self.positions.swap(first, last);
        self.handlers.swap(first, last);
        self.instructions.remove(swap);
        self.positions.remove(swap);
        self.handlers.remove(swap);
        for (at, _) in &mut self.label_uses {
            if *at > swap {
                *at -= 1;
            }
        }
    }

    /// Emits a jump to `label` (the operand is patched at assembly).
    pub fn emit_jump(&mut self, instruction: Instruction, label: Label) {
        debug_assert!(instruction.jump_target().is_some());
        // A jump nothing reaches is left out: its target may never be
        // placed (the loop exit a `break` names after a `finally` that
        // returns, when nothing follows the loop).
        if self.depth.is_none() {
            return;
        }
        self.push(instruction, Some(label));
    }

    fn push(&mut self, instruction: Instruction, label: Option<Label>) {
        let index = self.instructions.len();
        if let Some(depth) = self.depth {
            let effect = instruction.stack_effect();
            let after = (depth as i64 - effect.pops as i64 + effect.pushes as i64).max(0) as u32;
            if let Some(label) = label {
                let jump = instruction.jump_stack_effect();
                let at_target =
                    (depth as i64 - jump.pops as i64 + jump.pushes as i64).max(0) as u32;
                self.expect_depth(label, at_target);
            }
            self.depth = match instruction.flow() {
                Flow::Next | Flow::Branch => Some(after),
                Flow::Jump | Flow::Stop => None,
            };
        }
        if let Some(label) = label {
            self.label_uses.push((index, label));
        }
        self.instructions.push(instruction);
        self.positions.push(self.loc);
        self.handlers.push(self.handler_stack.last().copied());
    }

    fn expect_depth(&mut self, label: Label, depth: u32) {
        let slot = &mut self.label_depths[label.0 as usize];
        if slot.is_none() {
            *slot = Some(depth);
        }
    }

    /// Starts an exception handler covering what is emitted next. The
    /// handler unwinds to `depth` (default: the current depth) and its code
    /// starts with the exception (and lasti) pushed.
    pub fn push_handler(&mut self, label: Label, push_lasti: bool, depth: Option<u32>) {
        let depth = depth.or(self.depth).unwrap_or(0);
        self.expect_depth(label, depth + 1 + push_lasti as u32);
        self.handler_stack.push(PendingHandler {
            label,
            depth,
            push_lasti,
        });
    }

    pub fn pop_handler(&mut self) -> Option<PendingHandler> {
        self.handler_stack.pop()
    }

    /// Puts back a handler popped for a stretch of code (the normal exit of
    /// an `except` body) so the code emitted after it is covered again.
    pub fn restore_handler(&mut self, handler: Option<PendingHandler>) {
        self.handler_stack.extend(handler);
    }

    pub fn add_const(&mut self, constant: Constant) -> u32 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        constant_hash(&constant, &mut hasher);
        let candidates = self.constant_positions.entry(hasher.finish()).or_default();
        if let Some(&i) = candidates
            .iter()
            .find(|&&i| same_constant(&self.constants[i as usize], &constant))
        {
            return i;
        }
        let i = self.constants.len() as u32;
        candidates.push(i);
        self.constants.push(constant);
        i
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        self.names.insert_full(name.to_string()).0 as u32
    }

    pub fn add_varname(&mut self, name: &str) -> u32 {
        self.varnames.insert_full(name.to_string()).0 as u32
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        self.freevars
            .iter()
            .position(|n| n == name)
            .map(|i| (self.cellvars.len() + i) as u32)
    }

    /// The finished code object.
    pub fn assemble(mut self, filename: &str) -> Result<CodeObject, String> {
        for (index, label) in std::mem::take(&mut self.label_uses) {
            let target = self.label_positions[label.0 as usize]
                .ok_or_else(|| format!("internal error: label {} never placed", label.0))?;
            self.instructions[index].set_jump_target(target);
        }
        let mut handlers = Vec::with_capacity(self.handlers.len());
        for pending in &self.handlers {
            handlers.push(match pending {
                Some(h) => Some(Handler {
                    target: self.label_positions[h.label.0 as usize]
                        .ok_or("internal error: handler label never placed")?,
                    depth: h.depth,
                    push_lasti: h.push_lasti,
                }),
                None => None,
            });
        }
        let exception_table = ExceptionTable::from_handlers(&handlers);
        let max_stackdepth = max_stack_depth(&self.instructions, &exception_table)
            .map_err(|e| format!("internal error in {}: {e:?}", self.qualname))?;
        // CPython 3.11 no longer sets NOFREE.
        let flags = self.flags;
        let mut code = CodeObject::new(self.name, self.qualname, filename);
        code.first_line = self.first_line;
        code.argcount = self.argcount;
        code.posonlyargcount = self.posonlyargcount;
        code.kwonlyargcount = self.kwonlyargcount;
        code.flags = flags;
        code.varnames = self.varnames.into_iter().collect();
        code.cellvars = self.cellvars;
        code.freevars = self.freevars;
        code.names = self.names.into_iter().collect();
        code.constants = self.constants;
        code.instructions = self.instructions;
        code.line_table = LineTable::from_positions(self.positions);
        code.exception_table = exception_table;
        code.max_stackdepth = max_stackdepth;
        Ok(code)
    }
}

/// Constant deduplication: nested code objects are never merged.
/// A hash that agrees with [`same_constant`]: the kind and the value,
/// floats by bit pattern; code objects all hash alike (they are told
/// apart by identity).
fn constant_hash(constant: &Constant, state: &mut impl Hasher) {
    std::mem::discriminant(constant).hash(state);
    match constant {
        Constant::None | Constant::Ellipsis | Constant::Code(_) => {}
        Constant::Bool(b) => b.hash(state),
        Constant::Int(i) => i.hash(state),
        Constant::BigInt(b) => b.hash(state),
        Constant::Float(f) => f.to_bits().hash(state),
        Constant::Complex { real, imag } => {
            real.to_bits().hash(state);
            imag.to_bits().hash(state);
        }
        Constant::Str(s) => s.hash(state),
        Constant::Bytes(b) => b.hash(state),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.len().hash(state);
            for item in items {
                constant_hash(item, state);
            }
        }
    }
}

fn same_constant(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Code(x), Constant::Code(y)) => Arc::ptr_eq(x, y),
        _ => a == b,
    }
}
