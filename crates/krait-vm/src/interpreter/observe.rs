//! The observer and budget seam: see every instruction the VM executes,
//! count them, stop a run.
//!
//! The dispatch loop is generic over whether anyone watches
//! (`execute::<false>` / `execute::<true>`). Unwatched, it runs the fused
//! fast paths listed in [`FusedPath`]; watched, each of them is switched
//! off, so the observer and the budget see every plain instruction, the
//! same stream `dis` shows. Nothing watches unless [`Vm::set_observer`]
//! or [`Vm::set_instruction_budget`] was called: then the cost is one
//! branch per entry into the loop.

use krait_bytecode::Instruction;

use crate::interpreter::Vm;
use crate::value::Value;
use crate::{PyErr, PyResult};

/// The fused fast paths of the dispatch loop (CPython's specialised
/// instructions play this role): several plain instructions done in one
/// dispatch when their operands allow. Each is switched off while an
/// observer or a budget is attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FusedPath {
    /// `COPY 2, COPY 2, BINARY_SUBSCR` of `x[i] op= y` on a list or tuple.
    CopySubscript,
    /// `SWAP 3, SWAP 2, STORE_SUBSCR` of `x[i] op= y` storing back.
    SwapStoreSubscript,
    /// `PUSH_NULL, LOAD_GLOBAL` when the global cache hits.
    PushNullLoadGlobal,
    /// A load whose `BINARY_OP`/`COMPARE_OP` (and `POP_JUMP_IF_*`) finds
    /// its left operand on the stack, on small ints and floats.
    LoadOperatorInPlace,
    /// `LOAD_CONST, LOAD_FAST, BINARY_OP/COMPARE_OP/BINARY_SUBSCR`.
    ConstFastOperator,
    /// `LOAD_FAST, LOAD_FAST|LOAD_CONST|LOAD_DEREF, operator`, and a
    /// following `STORE_FAST` or `POP_JUMP_IF_*`.
    FastPairOperator,
    /// `LOAD_FAST, LOAD_FAST|LOAD_CONST` pushed in one dispatch.
    LoadFastPair,
    /// `COMPARE_OP, POP_JUMP_IF_*` without making the bool.
    CompareJump,
    /// `JUMP_BACKWARD` running its `FOR_ITER`'s fast path (and the
    /// `STORE_FAST` of the item).
    JumpBackwardForIter,
    /// `FOR_ITER, STORE_FAST` on range, list and tuple iterators.
    ForIterStore,
    /// `list.append(x)` called through `LOAD_METHOD`/`CALL` without a call
    /// (and its `POP_TOP`).
    ListAppendCall,
    /// `UNPACK_SEQUENCE` of an exact tuple or list and the `STORE_FAST`s
    /// after it (`a, b = pair`, `for k, v in items`) in one dispatch.
    UnpackStoreFast,
    /// `BUILD_SLICE, BINARY_SUBSCR|STORE_SUBSCR` slicing an exact list,
    /// tuple or str by int bounds without the slice object.
    SliceSubscript,
}

impl FusedPath {
    pub const ALL: &'static [FusedPath] = &[
        FusedPath::CopySubscript,
        FusedPath::SwapStoreSubscript,
        FusedPath::PushNullLoadGlobal,
        FusedPath::LoadOperatorInPlace,
        FusedPath::ConstFastOperator,
        FusedPath::FastPairOperator,
        FusedPath::LoadFastPair,
        FusedPath::CompareJump,
        FusedPath::JumpBackwardForIter,
        FusedPath::ForIterStore,
        FusedPath::ListAppendCall,
        FusedPath::UnpackStoreFast,
        FusedPath::SliceSubscript,
    ];
}

/// What an observer sees of one instruction, just before it runs.
pub struct InstructionEvent<'a> {
    /// The code object's name (`<module>`, a function's name).
    pub code_name: &'a str,
    pub filename: &'a str,
    /// The instruction's index in the code (CPython's offset is twice it).
    pub index: usize,
    pub line: u32,
    pub instruction: Instruction,
    /// The frame's operand stack, bottom first.
    pub stack: &'a [Value],
    /// The frame's fast locals (unbound ones are `Value::Null`).
    pub locals: &'a [Value],
    /// The names of those locals.
    pub local_names: &'a [String],
}

/// Watches a run. An error returned from a hook is raised in the running
/// program where the instruction was about to run.
pub trait Observer {
    fn instruction(&mut self, event: &InstructionEvent) -> PyResult<()>;
}

/// What the VM needs to watch a run: an observer, a budget, a count.
#[derive(Default)]
pub(crate) struct Watch {
    pub observer: Option<Box<dyn Observer>>,
    /// Instructions the run may still execute (`None`: no limit).
    pub budget: Option<u64>,
    pub executed: u64,
}

impl Vm {
    /// Attaches an observer called before every instruction (fused fast
    /// paths off while attached), or detaches it with `None`.
    pub fn set_observer(&mut self, observer: Option<Box<dyn Observer>>) {
        self.watch.observer = observer;
        self.update_watched();
    }

    /// Limits the instructions the VM may still execute; when they run
    /// out, every further instruction raises `RuntimeError: instruction
    /// budget exhausted` (so no handler can keep the program going).
    /// `None` removes the limit.
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        self.watch.budget = budget;
        self.update_watched();
    }

    /// Instructions executed while an observer or a budget was attached.
    pub fn instructions_executed(&self) -> u64 {
        self.watch.executed
    }

    fn update_watched(&mut self) {
        self.watched = self.watch.observer.is_some() || self.watch.budget.is_some();
    }

    /// Called before each instruction of a watched run.
    #[inline(never)]
    pub(crate) fn observe_instruction(&mut self, fi: usize, index: usize) -> PyResult<()> {
        if let Some(budget) = &mut self.watch.budget {
            if *budget == 0 {
                return Err(PyErr::runtime_error("instruction budget exhausted"));
            }
            *budget -= 1;
        }
        self.watch.executed += 1;
        let Some(mut observer) = self.watch.observer.take() else {
            return Ok(());
        };
        let frame = &self.frames[fi];
        let code = &frame.code;
        let locals_end = frame.base + code.nlocals;
        let stack_start = frame.base + code.nslots();
        let stack_end = self.stack.len().max(stack_start);
        let event = InstructionEvent {
            code_name: &code.bytecode.name,
            filename: &code.bytecode.filename,
            index,
            line: code.line_of(index),
            instruction: code.bytecode.instructions[index],
            stack: self.stack.get(stack_start..stack_end).unwrap_or(&[]),
            locals: &self.stack[frame.base..locals_end],
            local_names: &code.bytecode.varnames,
        };
        let result = observer.instruction(&event);
        // An observer may have been replaced from inside its hook.
        if self.watch.observer.is_none() {
            self.watch.observer = Some(observer);
        }
        result
    }
}
