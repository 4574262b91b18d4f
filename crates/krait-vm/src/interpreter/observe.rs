//! The observer and limits seam: see every instruction the VM executes,
//! count them, stop a run (an instruction budget, a deadline, an
//! interrupt from another thread).
//!
//! The dispatch loop has three variants: plain (`execute::<false,
//! false>`), counted (`<false, true>`) and watched (`<true, false>`).
//! Plain and counted run the fused fast paths listed in [`FusedPath`];
//! watched switches each of them off, so an observer sees every plain
//! instruction, the same stream `dis` shows. The counted variant keeps an
//! instruction budget with the fusions on, by *segments*: the plain
//! instructions a straight run executes are its pc distance (a fusion
//! moves pc past what it stands for), so the loop charges `end - start`
//! where a run stops being straight (a taken jump, a frame switch, an
//! exception, Python code run from native code) and nothing per dispatch.
//! Each dispatch compares pc with `pc_limit`, which replaces the bounds
//! check: the segment's end of code, or where the room left would run
//! out. Past it, with no more than `MAX_FUSED_SPAN` left, the watched
//! variant counts the rest one by one, so the run stops at exactly the
//! budget's instruction.
//! Without an observer or a budget the cost is one branch per entry into
//! the loop.
//!
//! The deadline, the interrupt and the memory ceiling need no count:
//! the unwatched loop polls them at every backward jump and call (every
//! loop and every recursion passes one; straight-line code is as long as
//! the code), and native loops over iterators poll them per item
//! ([`Vm::poll_limits`]). Unset, that is one predictable branch there.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use krait_bytecode::{CodeObject, Flow, Instruction, Opcode};

use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::interpreter::pause::BudgetOutcome;
use crate::interpreter::settrace::TraceEvent;
use crate::interpreter::shadow::{CONTENTS, FollowedCode, Label, Shadow, ShadowFrame, StepAt};
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
    /// `IS_OP, POP_JUMP_IF_*` without making the bool.
    IsJump,
    /// `JUMP_BACKWARD` running its `FOR_ITER`'s fast path (and the
    /// `STORE_FAST` of the item).
    JumpBackwardForIter,
    /// `FOR_ITER, STORE_FAST` on range, list and tuple iterators; a
    /// generator's item goes to the `STORE_FAST` from its YIELD_VALUE.
    ForIterStore,
    /// `list.append(x)` called through `LOAD_METHOD`/`CALL` without a call
    /// (and its `POP_TOP`).
    ListAppendCall,
    /// `UNPACK_SEQUENCE` of an exact tuple or list and the `STORE_FAST`s
    /// after it (`a, b = pair`, `for k, v in items`) in one dispatch.
    UnpackStoreFast,
    /// `FOR_ITER, UNPACK_SEQUENCE 2` (and the two `STORE_FAST`s) over
    /// `enumerate`, a two-way `zip` or a dict's items without the pair.
    ForIterUnpackPair,
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
        FusedPath::IsJump,
        FusedPath::JumpBackwardForIter,
        FusedPath::ForIterStore,
        FusedPath::ListAppendCall,
        FusedPath::UnpackStoreFast,
        FusedPath::ForIterUnpackPair,
        FusedPath::SliceSubscript,
    ];
}

/// What an observer sees of one instruction, just before it runs, and
/// where a frame event ([`Event`]) happens.
#[derive(Clone, Copy)]
pub struct InstructionEvent<'a> {
    /// The code object's name (`<module>`, a function's name).
    pub code_name: &'a str,
    /// The code object's qualified name (`Board.step`).
    pub qualname: &'a str,
    pub filename: &'a str,
    /// The code object's first line (a function's `def`).
    pub first_line: u32,
    /// The code object itself (its instructions, line and exception
    /// tables, nested code objects).
    pub code: &'a CodeObject,
    /// The instruction's index in the code (CPython's offset is twice it).
    pub index: usize,
    pub line: u32,
    pub instruction: Instruction,
    /// The frame's depth in the VM's frame stack (0: the outermost).
    pub depth: usize,
    /// The frame's operand stack, bottom first.
    pub stack: &'a [Value],
    /// Where `locals` and `stack` start in the VM's one value stack (all
    /// running frames' slots, outermost first): a frame's slots keep
    /// their positions while it runs, so an analysis can shadow every
    /// slot in one array indexed by position.
    pub locals_base: usize,
    pub stack_base: usize,
    /// The frame's fast locals (unbound ones are `Value::Null`).
    pub locals: &'a [Value],
    /// The names of those locals.
    pub local_names: &'a [String],
    /// The frame's cells (its own, then the free ones it closes over:
    /// LOAD_DEREF's index), after its locals.
    pub cells: &'a [Value],
    /// The code's names (`co_names`, index for index with `code.names`)
    /// as the VM's interned `str` objects: one name is one object in
    /// every code object of a VM, kept alive by it, so an analysis can
    /// key names by the object's address instead of comparing text.
    pub names: &'a [Value],
    /// The frame's globals (a module's dict).
    pub globals: &'a Value,
    /// The generator (or coroutine) object whose frame this is, while it
    /// runs: what names a suspended frame between a `Yield` and its
    /// `Resume`.
    pub generator: Option<&'a Value>,
    /// The index of the instruction the frame below (the caller, or the
    /// frame whose instruction ran native code that called this one)
    /// runs after the instruction that called: where what this frame
    /// returns or yields is used.
    pub caller_resumes_at: Option<usize>,
}

/// What happens to a frame, as [`Observer::event`] reports it. The
/// [`InstructionEvent`] given with it says where.
#[derive(Clone, Copy)]
pub enum Event<'a> {
    /// A frame starts: its first instruction is about to run.
    Call,
    /// A suspended generator or coroutine frame continues after its
    /// `yield` (the instruction is the one after it).
    Resume,
    /// The instruction starts a source line: the line differs from the
    /// frame's previous instruction's, or a jump went back (each pass of a
    /// loop), or the frame just started (CPython's rule for
    /// `sys.settrace`'s line events).
    Line,
    /// The conditional jump at the event's index (`POP_JUMP_IF_*`,
    /// `JUMP_IF_*_OR_POP`, `FOR_ITER`, `SEND`) was taken (`true`) or fell
    /// through; reported when the frame's next instruction is reached.
    Branch(bool),
    /// The frame returns this value (its `RETURN_VALUE` is about to run).
    Return(&'a Value),
    /// The frame yields this value and is suspended.
    Yield(&'a Value),
    /// An exception was raised at the instruction, or reached this frame
    /// from a call the instruction made (CPython's `exception` event; a
    /// re-raise at the end of a `finally` or `except` is not reported again).
    Raise(&'a Value),
    /// The frame's handler for the instruction catches the exception.
    Handled(&'a Value),
    /// The exception leaves the frame: no handler in it.
    Unwind(&'a Value),
}

/// The names a callable answers to, for analyses that name functions
/// (taint sources and sinks): its name, and its qualified name when that
/// differs (`Account.withdraw`); a bound method's function's, a class's
/// own. Empty for what is not a function, method or class.
pub fn callable_names(callable: &Value) -> Vec<String> {
    use crate::object::PyObject;
    let Some(object) = callable.as_obj() else {
        return Vec::new();
    };
    let (name, qualname) = match object {
        PyObject::Function(f) => (f.name.borrow().to_string(), f.qualname.borrow().to_string()),
        PyObject::BuiltinFunction(f) => (f.name.to_string(), f.name.to_string()),
        PyObject::MethodDescriptor(m) => (m.def.name.to_string(), m.def.name.to_string()),
        PyObject::BoundMethod(m) => return callable_names(&m.function),
        PyObject::Type(t) => (t.name.to_string(), t.qualified_name().to_string()),
        _ => return Vec::new(),
    };
    if name == qualname {
        vec![name]
    } else {
        vec![name, qualname]
    }
}

/// What a callable is, for an analysis that caches facts about callables
/// by identity: a bound method stands for its function (a new bound
/// method is made per access; its function stays the same), anything else
/// for itself. The second part says whether calling it runs Python code
/// in a new frame (a function or a bound function).
pub fn callable_identity(callable: &Value) -> (&Value, bool) {
    use crate::object::PyObject;
    match callable.as_obj() {
        Some(PyObject::BoundMethod(m)) => {
            let python = matches!(m.function.as_obj(), Some(PyObject::Function(_)));
            (&m.function, python)
        }
        Some(PyObject::Function(_)) => (callable, true),
        _ => (callable, false),
    }
}

/// What a CALL or CALL_FUNCTION_EX calls, from the values it takes off
/// the stack: `[NULL, callable, args...]` or `[method, self, args...]`.
pub fn callable_of(called: &[Value]) -> Option<&Value> {
    match called.first() {
        Some(Value::Null) | None => called.get(1),
        Some(method) => Some(method),
    }
}

/// What an observer needs to hear of: the frame events, and the
/// instructions whose hook it wants called (by opcode). The less, the
/// cheaper the watched run: without events the VM derives none; an
/// instruction not wanted costs a bit test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interest {
    pub events: bool,
    /// With `events`: also `Line` and `Branch` (the VM then follows each
    /// frame's lines and jumps; without them it notes only where frames
    /// start and stop).
    pub lines: bool,
    /// Bit `opcode as u8` set: the instruction hook is called for it.
    opcodes: u128,
    /// Of those, the ones whose label rule the loop may apply itself
    /// ([`Observer::shadow`]) instead of calling the hook.
    deferrable: u128,
    /// With no events and only CALL and CALL_FUNCTION_EX wanted: only
    /// the calls of callables [`Observer::wants_call`] accepts (see
    /// [`Interest::filtering_calls`]).
    filters_calls: bool,
    /// Of the opcodes wanted, those whose hook is wanted only when what
    /// they read carries a label in the observer's shadow (see
    /// [`Interest::gating`]).
    gated: u128,
}

// Opcodes fit the mask.
const _: () = assert!(krait_bytecode::INSTRUCTION_COUNT <= 128);

impl Interest {
    /// Every event and every instruction (the default).
    pub const ALL: Interest = Interest {
        events: true,
        lines: true,
        opcodes: u128::MAX,
        deferrable: 0,
        filters_calls: false,
        gated: 0,
    };

    /// Every instruction's hook, no frame events.
    pub const INSTRUCTIONS: Interest = Interest {
        events: false,
        lines: false,
        opcodes: u128::MAX,
        deferrable: 0,
        filters_calls: false,
        gated: 0,
    };

    /// Frame events only.
    pub const EVENTS: Interest = Interest {
        events: true,
        lines: true,
        opcodes: 0,
        deferrable: 0,
        filters_calls: false,
        gated: 0,
    };

    /// The hooks of these instructions only, no frame events.
    pub const fn only(opcodes: &[Opcode]) -> Interest {
        let mut mask = 0u128;
        let mut i = 0;
        while i < opcodes.len() {
            mask |= 1 << (opcodes[i] as u8);
            i += 1;
        }
        Interest {
            events: false,
            lines: false,
            opcodes: mask,
            deferrable: 0,
            filters_calls: false,
            gated: 0,
        }
    }

    /// These instructions' hooks and the frame events (without lines).
    pub const fn frames_and(opcodes: &[Opcode]) -> Interest {
        Interest {
            events: true,
            lines: false,
            ..Interest::only(opcodes)
        }
    }

    /// The hooks of both, the events of either.
    pub const fn with(self, other: Interest) -> Interest {
        Interest {
            events: self.events || other.events,
            lines: self.lines || other.lines,
            opcodes: self.opcodes | other.opcodes,
            deferrable: self.deferrable | other.deferrable,
            filters_calls: self.filters_calls && other.filters_calls,
            gated: self.gated | other.gated,
        }
    }

    /// The same, with the hooks of the wanted instructions among
    /// `opcodes` gated too, for an observer with a [`Observer::shadow`]: the
    /// watched loop calls the hook only when an object the instruction
    /// reads carries a label in the shadow's [`HeapLabels`]
    /// (`HeapLabels::carries`: the object of LOAD_ATTR, LOAD_METHOD,
    /// GET_ITER, FOR_ITER, UNPACK_SEQUENCE, the container or key of
    /// BINARY_SUBSCR), or for CALL when one of the called values does or
    /// [`Observer::wants_call`] accepts the callable (CALL_FUNCTION_EX
    /// is never skipped). What an analysis whose frame holds no labelled
    /// value needs: only a labelled object can bring one in.
    ///
    /// [`HeapLabels`]: crate::interpreter::shadow::HeapLabels
    pub const fn gating(self, opcodes: &[Opcode]) -> Interest {
        Interest {
            gated: self.gated | (self.opcodes & Interest::only(opcodes).opcodes),
            ..self
        }
    }

    /// The same, with calls filtered: of the CALL and CALL_FUNCTION_EX
    /// hooks wanted, only those of a callable [`Observer::wants_call`]
    /// accepts (asked before the call runs). With no frame events and no
    /// other instruction wanted, the VM then runs its fused loop (as fast
    /// as an unwatched run) and hands over to the watched one at the
    /// first call accepted, from which it stays watched. (What taint
    /// tracking needs until a source is called: the source's call.)
    pub const fn filtering_calls(self) -> Interest {
        Interest {
            filters_calls: true,
            ..self
        }
    }

    /// Whether the fused loop can run for this interest, asking
    /// [`Observer::wants_call`] at each call.
    fn calls_filtered_only(&self) -> bool {
        const CALLS: u128 = 1 << (Opcode::Call as u8) | 1 << (Opcode::CallFunctionEx as u8);
        self.filters_calls && !self.events && self.opcodes & !CALLS == 0
    }

    /// The same, with the hooks of the wanted instructions other than
    /// `opcodes` deferrable: for an observer with a [`Observer::shadow`],
    /// the loop applies their label rule
    /// (`Shadow::step` in [`crate::interpreter::shadow`]) instead of calling
    /// the hook, where the shadow's frame allows (a call per instruction
    /// costs far more than the rule). `opcodes` must hold every
    /// instruction whose rule differs from that one.
    pub const fn deferring_all_but(self, opcodes: &[Opcode]) -> Interest {
        Interest {
            deferrable: self.opcodes & !Interest::only(opcodes).opcodes,
            ..self
        }
    }

    /// The same without `Line` and `Branch` events (what an analysis that
    /// follows values, not lines, needs: cheaper).
    pub const fn without_lines(self) -> Interest {
        Interest {
            lines: false,
            ..self
        }
    }

    /// Whether the hook of `opcode` is wanted.
    #[inline]
    pub fn wants(&self, opcode: Opcode) -> bool {
        self.opcodes & (1 << (opcode as u8)) != 0
    }
}

/// A flag shared by an observer and the VM: the observer raises it when
/// its [`Interest`] may have changed, and the VM asks for it again after
/// the hook that raised it, not after every hook (asking is a call into
/// the observer per instruction watched; an observer's needs change
/// rarely).
#[derive(Clone, Default)]
pub struct InterestChanged(Rc<Cell<bool>>);

impl InterestChanged {
    /// The observer's interest may differ from what it was last asked.
    #[inline]
    pub fn raise(&self) {
        self.0.set(true);
    }

    /// Whether it was raised since the last call (and lowers it).
    #[inline]
    fn take(&self) -> bool {
        self.0.replace(false)
    }

    /// Whether it is raised (left as it is).
    #[inline]
    fn is_raised(&self) -> bool {
        self.0.get()
    }
}

/// Watches a run. An error returned from a hook is raised in the running
/// program where the instruction was about to run. Both hooks do nothing
/// unless implemented.
pub trait Observer {
    /// What to call the hooks for; asked when the observer is attached and
    /// again after each hook call (an observer's needs may change as it
    /// goes: taint tracking looks at calls only until a source is called),
    /// or only after the hooks that raise its [`Observer::interest_changed`]
    /// flag when it has one.
    fn interest(&self) -> Interest {
        Interest::ALL
    }

    /// A flag the observer raises when its interest may have changed
    /// (asked once, when attached): with one, the VM asks
    /// [`Observer::interest`] only after the hooks that raised it.
    fn interest_changed(&self) -> Option<InterestChanged> {
        None
    }

    /// Called before every instruction, after the events it starts
    /// (call, line, branch) and before those it ends (return, yield).
    fn instruction(&mut self, _event: &InstructionEvent) -> PyResult<()> {
        Ok(())
    }

    /// Called for each frame event, where it happens.
    fn event(&mut self, _event: Event, _at: &InstructionEvent) -> PyResult<()> {
        Ok(())
    }

    /// The shadow of the value stack the observer keeps labels in, if it
    /// does (asked once, when attached): for the instructions its
    /// interest marks deferrable ([`Interest::deferring_all_but`]), the
    /// watched loop applies the label rules itself
    /// (`Shadow::step` in [`crate::interpreter::shadow`]) where the shadow's
    /// frame allows, and calls [`Observer::instruction`] where not.
    fn shadow(&self) -> Option<Rc<RefCell<Shadow>>> {
        None
    }

    /// Whether the hook of a call of `callable` is wanted, while the
    /// interest filters calls ([`Interest::filtering_calls`]): asked
    /// before the call runs; `true` hands the run over to the watched
    /// loop, which calls [`Observer::instruction`] for this call and
    /// stays watched.
    fn wants_call(&mut self, _callable: &Value) -> bool {
        true
    }
}

/// The line of instruction `index` as events give it: its own, or (an
/// instruction the compiler made up has none) the line before it.
pub fn line_at(code: &CodeObject, index: usize) -> u32 {
    match code.line_of(index) {
        Some(line) => line,
        None => (0..index)
            .rev()
            .find_map(|i| code.line_of(i))
            .unwrap_or(code.first_line),
    }
}

/// What the watched loop remembers of a frame, to tell a call from a
/// return to the frame, a new line from the same one, and which way a
/// conditional jump went.
#[derive(Clone, Copy)]
struct FrameMark {
    /// The frame's code and first slot, to tell it from the next frame at
    /// the same depth.
    code: *const Code,
    base: usize,
    /// Its last instruction seen; `FRESH` before the first.
    last: u32,
    /// The line of the last instruction seen that has one (instructions
    /// the compiler made up, like a body's closing `return None`, have
    /// none and start no line).
    line: u32,
    /// That instruction is a conditional jump whose outcome is not known.
    branch_pending: bool,
}

const FRESH: u32 = u32::MAX;

impl FrameMark {
    /// The mark of frame depth `fi`, fresh when the frame there is
    /// another (its code or first slot differ) than last seen.
    fn of<'m>(
        marks: &'m mut Vec<FrameMark>,
        fi: usize,
        code: &Rc<Code>,
        base: usize,
    ) -> &'m mut FrameMark {
        if marks.len() <= fi {
            marks.resize(fi + 1, FrameMark::UNKNOWN);
        }
        let mark = &mut marks[fi];
        let code_ptr = Rc::as_ptr(code);
        if mark.code != code_ptr || mark.base != base {
            *mark = FrameMark {
                code: code_ptr,
                base,
                ..FrameMark::UNKNOWN
            };
        }
        mark
    }
}

impl FrameMark {
    /// No frame seen at this depth yet.
    const UNKNOWN: FrameMark = FrameMark {
        code: std::ptr::null(),
        base: 0,
        last: FRESH,
        line: 0,
        branch_pending: false,
    };
}

/// A limit that stopped a run. Once one is reached, every further
/// instruction fails again (so no `except` or `finally` can keep the
/// program going) until the host clears it with [`Vm::clear_limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The instruction budget ran out ([`Vm::set_instruction_budget`]).
    Instructions,
    /// The deadline passed ([`Vm::set_deadline`]).
    Deadline,
    /// The host raised the interrupt flag ([`Vm::set_interrupt`]).
    Interrupt,
    /// The thread's memory passed its ceiling, or an allocation was
    /// refused for it ([`Vm::set_memory_ceiling`], [`crate::memory`]).
    Memory,
}

impl Limit {
    /// The error raised in the program where the limit stopped it.
    pub(crate) fn error(self) -> PyErr {
        PyErr::runtime_error(match self {
            Limit::Instructions => "instruction budget exhausted",
            Limit::Deadline => "time limit exceeded",
            Limit::Interrupt => "interrupted by the host",
            Limit::Memory => "memory limit exceeded",
        })
    }
}

/// Coverage marks ([`Vm::coverage`]): the instruction ran.
pub const COVER_RAN: u8 = 1;
/// A conditional jump jumped.
pub const COVER_TAKEN: u8 = 2;
/// A conditional jump went on to the next instruction.
pub const COVER_NOT_TAKEN: u8 = 4;

/// Instructions between two readings of the clock against a deadline: a
/// reading costs ~25 ns, an instruction ~3.
const CLOCK_INTERVAL: u32 = 1024;

/// The most plain instructions one dispatch of the fused loop runs
/// (`UNPACK_SEQUENCE` and its `STORE_FAST`s is the longest: fused only up
/// to this). The counted loop hands over to the watched one when no more
/// than this is left of the budget.
pub(crate) const MAX_FUSED_SPAN: u64 = 16;

/// Polls of the armed limits between two full checks (the deadline's
/// clock, the interrupt flag): every loop iteration and call polls.
const FULL_POLL: u32 = 64;

/// What the VM needs to watch a run: an observer, limits, a count.
#[derive(Default)]
pub(crate) struct Watch {
    pub observer: Option<Box<dyn Observer>>,
    /// Instructions the run may still execute (`None`: no limit).
    /// Whether an instruction budget is set; then `budget_room` is what
    /// it still allows minus [`MAX_FUSED_SPAN`] (so that the counted loop
    /// can run any fusion while it is positive). While the counted loop
    /// has a segment open, it is that *plus the pc* where the segment
    /// started: the room left at pc `p` of the segment's frame is
    /// `budget_room - p`, and a jump or a frame switch is one addition.
    pub(crate) budgeted: bool,
    pub(crate) budget_room: i64,
    /// The frame depth (`frames.len()`) of the frame running the counted
    /// loop's open segment, 0 when none is open.
    pub(crate) segment_depth: usize,
    /// The counted loop dispatches below this pc only (never above the
    /// code's length: it stands for the bounds check); at or past it the
    /// budget is nearly spent.
    pub(crate) pc_limit: usize,
    /// The budget as last set, to tell how much of it was spent.
    budget_given: u64,
    /// Instructions an observer saw with no budget set, plus budgets
    /// spent before the current one.
    executed: u64,
    pub deadline: Option<Instant>,
    pub interrupt: Option<Arc<AtomicBool>>,
    /// Whether a memory ceiling is set on the VM's thread.
    pub memory: bool,
    /// Polls left before the next full check of the deadline and the
    /// interrupt ([`Vm::poll_limits`]).
    pub(crate) until_full_poll: u32,
    /// Instructions left before the clock is read again.
    until_clock: u32,
    /// The limit that stopped the run, if one did.
    pub reached: Option<Limit>,
    /// Per frame depth, what the observer last saw there.
    marks: Vec<FrameMark>,
    /// The attached observer's [`Interest`].
    interest: Option<Interest>,
    /// Whether the fused loop runs with the observer attached, asking
    /// [`Observer::wants_call`] at each call (`limits_armed` is set: the
    /// calls' polls ask). See [`Interest::filtering_calls`].
    pub(crate) filtering_calls: bool,
    /// Whether the observer accepted a call since it was attached: the
    /// run stays watched from then on.
    call_accepted: bool,
    /// The observer's flag for a change of its interest, if it has one
    /// (without, its interest is asked after each hook).
    interest_changed: Option<InterestChanged>,
    /// Bit `opcode as u8` set: the watched loop tries the observer's
    /// shadow's rule ([`Vm::shadow_step`]) before calling the hook (never
    /// while limits are set, lines are wanted or Python code traces).
    defer_mask: OpcodeBits,
    /// The same with the instructions where frames stop: after their
    /// frame events ([`Vm::notify_observer`]) the shadow may follow them
    /// too.
    step_mask: OpcodeBits,
    /// The observer's shadow of the value stack, if it has one.
    shadow: Option<Rc<RefCell<Shadow>>>,
    /// The shadow follows calls of Python functions and their returns by
    /// itself (`Vm::shadow_call`, `Vm::shadow_return`): it steps rules and
    /// the observer wants frame events without lines.
    pub(crate) follow_calls: bool,
    /// Bit `opcode as u8` set: the watched loop calls the hook of that
    /// instruction only when [`Vm::gate_open`] (see [`Interest::gating`];
    /// never while limits are set, lines are wanted or Python code
    /// traces).
    gate_mask: OpcodeBits,
    /// What the watched loop does before an instruction, by `opcode as
    /// u8`: whether it calls [`Vm::observe_instruction`] (every opcode
    /// while limits are set, frame events are wanted or Python code
    /// traces; else the opcodes the observer wants; the others are only
    /// counted), or the arm applies the shadow's rule. One byte read per
    /// instruction (testing two masks was ~10 machine instructions).
    actions: WatchActions,
    /// The masks (and actions) of the interests seen last, to switch
    /// between.
    masks_known: Vec<WatchMasks>,
    /// The indexes in `masks_known` of the masks used last and before.
    masks_recent: [usize; 2],
}

impl Watch {
    /// What the watched loop does before an instruction with this opcode
    /// (not the first after a frame switch: that one is always hooked).
    #[inline(always)]
    pub(crate) fn action(&self, opcode: Opcode) -> WatchAction {
        self.actions.0[opcode as u8 as usize & (OPCODE_SLOTS - 1)]
    }

    /// An instruction the hook was not called for.
    #[inline]
    pub(crate) fn count_unobserved(&mut self) {
        self.executed += 1;
    }

    /// Whether the loop tries the shadow's rule for an instruction with
    /// this opcode ([`Vm::shadow_step`]) before the hook.
    #[inline]
    pub(crate) fn defers(&self, opcode: Opcode) -> bool {
        self.defer_mask.has(opcode)
    }

    /// Whether the loop asks [`Vm::gate_open`] before calling the hook of
    /// an instruction with this opcode.
    #[inline]
    pub(crate) fn gates(&self, opcode: Opcode) -> bool {
        self.gate_mask.has(opcode)
    }

    /// Whether any limit is set (or one was reached): the watched loop
    /// checks them before each instruction only then.
    #[inline]
    fn limits_set(&self) -> bool {
        self.reached.is_some()
            || self.budgeted
            || self.memory
            || self.interrupt.is_some()
            || self.deadline.is_some()
    }

    /// The memory ceiling passed or the interrupt flag raised.
    fn memory_or_interrupt(&self) -> Option<Limit> {
        if self.memory && crate::memory::exceeded() {
            Some(Limit::Memory)
        } else if self
            .interrupt
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
        {
            Some(Limit::Interrupt)
        } else {
            None
        }
    }

    /// What the budget still allows, given the room left.
    fn budget_left(room: i64) -> u64 {
        (room + MAX_FUSED_SPAN as i64).max(0) as u64
    }
}

/// The first pc at which the counted loop stops in a code of `len`
/// instructions when the room runs out at pc `mark` (below the end of the
/// code: the budget is nearly spent).
#[cold]
#[inline(never)]
fn tight_limit(mark: i64, len: usize) -> usize {
    mark.clamp(0, len as i64) as usize
}

/// The counted loop's segments (see the module's documentation).
impl Vm {
    /// A segment of the frame at depth `depth` starts at its `pc`; its
    /// code has `len` instructions (on entry into a frame).
    #[inline(always)]
    pub(crate) fn open_segment(&mut self, depth: usize, pc: usize, len: usize) {
        let watch = &mut self.watch;
        watch.segment_depth = depth;
        watch.budget_room += pc as i64;
        watch.pc_limit = if watch.budget_room >= len as i64 {
            len
        } else {
            tight_limit(watch.budget_room, len)
        };
    }

    /// The straight run ends just before `end` and the frame goes on at
    /// `target` (a taken jump in a code of `len` instructions).
    #[inline(always)]
    pub(crate) fn jump_segment(&mut self, end: usize, target: usize, len: usize) {
        let watch = &mut self.watch;
        watch.budget_room += target as i64 - end as i64;
        // (A forward jump may leave the limit lower than it could be:
        // the watched loop then takes over a little early, still exact.)
        if watch.budget_room < len as i64 {
            watch.pc_limit = tight_limit(watch.budget_room, len);
        }
    }

    /// The frame switches just before `end` (a call, a return, a yield, a
    /// generator resumed in place): the next entry into a frame opens the
    /// next segment, at once, or the frame, popped, returns to native
    /// code (a segment whose frame is gone is never charged again).
    #[inline(always)]
    pub(crate) fn switch_segment(&mut self, end: usize) {
        self.watch.budget_room -= end as i64;
    }

    /// The segment ends just before `end` (the loop hands over).
    #[inline(always)]
    pub(crate) fn close_segment(&mut self, end: usize) {
        self.watch.budget_room -= end as i64;
        self.watch.segment_depth = 0;
    }

    /// The saved pc of the open segment's frame (always written before
    /// native code runs or an error is raised), 0 when none is open or
    /// its frame is gone (RETURN_VALUE and YIELD_VALUE charge it before
    /// they pop it).
    fn segment_pc(&self) -> i64 {
        match self.watch.segment_depth.checked_sub(1) {
            Some(index) => self.frames.get(index).map_or(0, |frame| frame.pc as i64),
            None => 0,
        }
    }

    /// The budget's room left now (open segment included).
    fn room_now(&self) -> i64 {
        self.watch.budget_room - self.segment_pc()
    }

    /// Charges and closes the open segment, if any, up to its frame's
    /// saved pc (an error left the loop, or Python code is about to run
    /// from native code). Returns the depth it had (0: none was open).
    pub(crate) fn settle_segment(&mut self) -> usize {
        let depth = self.watch.segment_depth;
        if depth != 0 {
            self.watch.budget_room = self.room_now();
            self.watch.segment_depth = 0;
        }
        depth
    }

    /// Reopens the segment closed by [`Vm::settle_segment`] at its frame's
    /// saved pc, where its loop goes on once the native code returns. A
    /// frame stack that is not as it was (a frame pushed to be run by the
    /// loop) makes the loop's next dispatch in that frame hand over
    /// (`pc_limit` 0), which is always safe.
    pub(crate) fn reopen_segment(&mut self, depth: usize) {
        let Some(frame) = depth.checked_sub(1).and_then(|i| self.frames.get(i)) else {
            return;
        };
        let (pc, len) = (frame.pc, frame.code.bytecode.instructions.len());
        self.open_segment(depth, pc, len);
        if self.frames.len() != depth {
            self.watch.pc_limit = 0;
        }
    }
}

impl Vm {
    /// Attaches an observer called before every instruction (fused fast
    /// paths off while attached), or detaches it with `None`.
    pub fn set_observer(&mut self, observer: Option<Box<dyn Observer>>) {
        self.watch.interest = observer.as_ref().map(|o| o.interest());
        self.watch.shadow = observer.as_ref().and_then(|o| o.shadow());
        self.watch.interest_changed = observer.as_ref().and_then(|o| o.interest_changed());
        self.watch.observer = observer;
        self.watch.call_accepted = false;
        self.adopt_running_frames();
        self.update_watched();
    }

    /// Limits the instructions the VM may still execute, counted on the
    /// plain instruction stream (`dis`'s), so the same program stops at
    /// the same instruction on every run. When they run out the run stops
    /// ([`Limit::Instructions`]). `None` removes the limit.
    pub fn set_instruction_budget(&mut self, budget: Option<u64>) {
        let executed = self.instructions_executed();
        // (From a host function during a counted run: what the open
        // segment ran is spent from the old budget.)
        let depth = self.settle_segment();
        let watch = &mut self.watch;
        watch.executed = executed;
        watch.budgeted = budget.is_some();
        let budget = budget.unwrap_or(0).min(i64::MAX as u64 / 2);
        watch.budget_room = budget as i64 - MAX_FUSED_SPAN as i64;
        watch.budget_given = budget;
        self.update_watched();
        self.reopen_segment(depth);
        // The counted loop's next dispatch looks at the new budget.
        self.watch.pc_limit = 0;
    }

    /// Instructions the budget still allows (`None`: no budget).
    pub fn instruction_budget(&self) -> Option<u64> {
        self.watch
            .budgeted
            .then_some(Watch::budget_left(self.room_now()))
    }

    /// Stops the run once `deadline` passes ([`Limit::Deadline`]); the
    /// clock is read every `CLOCK_INTERVAL` instructions. `None`
    /// removes it.
    pub fn set_deadline(&mut self, deadline: Option<Instant>) {
        self.watch.deadline = deadline;
        self.watch.until_clock = 0;
        self.update_watched();
    }

    /// Stops the run at the next instruction after another thread sets
    /// `flag` ([`Limit::Interrupt`]). `None` removes it.
    pub fn set_interrupt(&mut self, flag: Option<Arc<AtomicBool>>) {
        self.watch.interrupt = flag;
        self.update_watched();
    }

    /// Turns Ctrl-C into `KeyboardInterrupt` in the program (`true`):
    /// raised at the next call, loop iteration or store after the
    /// process's SIGINT handler called
    /// [`finalize::ctrl_c_pressed`](crate::interpreter::finalize::ctrl_c_pressed),
    /// and within a `time.sleep`. Unlike [`Vm::set_interrupt`] it is an
    /// ordinary exception, which the program may catch.
    pub fn set_keyboard_interrupt(&mut self, on: bool) {
        self.ctrl_c = on;
    }

    /// `KeyboardInterrupt` when Ctrl-C was pressed since the last check
    /// (see [`Vm::set_keyboard_interrupt`]).
    pub fn check_keyboard_interrupt(&mut self) -> PyResult<()> {
        if self.ctrl_c && crate::interpreter::finalize::take_ctrl_c() {
            match self.interrupt_handler.clone() {
                crate::interpreter::InterruptHandler::Raise => {
                    // `KeyboardInterrupt()`, with no arguments, as CPython
                    // raises it.
                    return Err(PyErr::with_args(
                        crate::typeobject::exc_type(crate::typeobject::ExcType::KeyboardInterrupt),
                        Vec::new(),
                    ));
                }
                crate::interpreter::InterruptHandler::Ignore => {}
                crate::interpreter::InterruptHandler::Call(handler) => {
                    // Called with the running frame, as CPython calls a
                    // handler between two instructions.
                    let frame = match self.frames.is_empty() {
                        true => Value::None,
                        false => crate::builtins::frame_object::sys_getframe(
                            self,
                            crate::args::Args::new(&[]),
                        )?,
                    };
                    const SIGINT: i64 = 2;
                    self.call(
                        &handler,
                        crate::args::Args::new(&[Value::Int(SIGINT), frame]),
                    )?;
                }
            }
        }
        Ok(())
    }

    /// What Ctrl-C does from now on (`signal.signal(SIGINT, ...)`).
    pub fn set_interrupt_handler(&mut self, handler: crate::interpreter::InterruptHandler) {
        self.interrupt_handler = handler;
    }

    /// Stops the run once the memory counted on this thread
    /// ([`crate::memory::in_use`]) passes `ceiling` bytes, or an
    /// allocation is refused for it ([`Limit::Memory`]). Counting needs
    /// [`crate::memory::Accounting`] as the global allocator. `None`
    /// removes it.
    pub fn set_memory_ceiling(&mut self, ceiling: Option<isize>) {
        crate::memory::set_ceiling(ceiling);
        self.watch.memory = ceiling.is_some();
        self.update_watched();
    }

    /// Measures coverage (`true`) or stops (`false`; the marks made stay
    /// readable): every instruction run is marked in its code, and each
    /// conditional jump with the ways it went ([`Vm::coverage`]). Without
    /// an observer or a budget the run keeps its fused paths (a variant of
    /// the loop that marks what each runs).
    pub fn set_coverage(&mut self, on: bool) {
        self.covering = on;
        self.update_watched();
    }

    /// What coverage marked: each code object that ran while it was on,
    /// with one byte per instruction ([`COVER_RAN`], [`COVER_TAKEN`],
    /// [`COVER_NOT_TAKEN`]).
    pub fn coverage(&self) -> Vec<(&CodeObject, Vec<u8>)> {
        self.covered_code
            .iter()
            .map(|code| {
                let marks = code
                    .coverage
                    .get()
                    .map(|bits| bits.iter().map(Cell::get).collect())
                    .unwrap_or_default();
                (&*code.bytecode, marks)
            })
            .collect()
    }

    /// The coverage marks of `code`, made (and the code kept for the
    /// report) the first time it runs while coverage is on; empty when off.
    #[inline]
    pub(crate) fn coverage_marks<'c>(&mut self, code: &'c Code) -> &'c [Cell<u8>] {
        if !self.covering {
            return &[];
        }
        if let Some(marks) = code.coverage.get() {
            return marks;
        }
        self.start_covering(code)
    }

    #[cold]
    fn start_covering<'c>(&mut self, code: &'c Code) -> &'c [Cell<u8>] {
        let marks = code.coverage.get_or_init(|| {
            (0..code.bytecode.instructions.len())
                .map(|_| Cell::new(0))
                .collect()
        });
        // Kept alive for the report: the code is running, so its `Rc` is
        // on the frame stack.
        if let Some(frame) = self
            .frames
            .iter()
            .rev()
            .find(|f| std::ptr::eq(std::rc::Rc::as_ptr(&f.code), code))
        {
            self.covered_code.push(frame.code.clone());
        }
        marks
    }

    /// Coverage: the FOR_ITER that resumed the generator just returned
    /// (the caller's instruction before its pc) jumped out of its loop.
    #[cold]
    pub(crate) fn cover_for_iter_exhausted(&self) {
        if let Some(caller) = self.frames.last()
            && let Some(mark) = caller
                .code
                .coverage
                .get()
                .and_then(|marks| marks.get(caller.pc.wrapping_sub(1)))
        {
            mark.set(mark.get() | COVER_TAKEN);
        }
    }

    /// The limit that stopped the last run, if one did.
    pub fn limit_reached(&self) -> Option<Limit> {
        self.watch.reached
    }

    /// Lets the VM run again after a limit stopped it (with a new budget,
    /// deadline or a lowered interrupt flag, or the limit is reached
    /// again at once).
    pub fn clear_limit(&mut self) {
        self.watch.reached = None;
    }

    /// Instructions executed while an observer or a limit was attached.
    pub fn instructions_executed(&self) -> u64 {
        let watch = &self.watch;
        let spent = if watch.budgeted {
            watch
                .budget_given
                .saturating_sub(Watch::budget_left(self.room_now()))
        } else {
            0
        };
        watch.executed + spent
    }

    pub(crate) fn update_watched(&mut self) {
        let watch = &self.watch;
        // Only the observer needs every instruction. The budget is
        // counted by the fused loop while more than the longest fusion is
        // left, then by the watched one, so the stop is exact. The other
        // limits are polled where a run can go on for long: at backward
        // jumps, calls and in native loops.
        let limits = watch.deadline.is_some() || watch.interrupt.is_some() || watch.memory;
        self.counted =
            watch.observer.is_none() && !self.covering && watch.budgeted && self.room_now() > 0;
        let python = self.python_trace.is_set();
        // An observer that wants only some calls' hooks leaves the fused
        // loop running until the first of them.
        let filtering = watch.observer.is_some()
            && !python
            && !self.covering
            && !watch.budgeted
            && !watch.call_accepted
            && watch.interest.is_some_and(|i| i.calls_filtered_only());
        // Coverage alone runs the fused loop's covered variant (each
        // dispatch and fusion marks what it runs, each jump its way).
        self.watched =
            (watch.observer.is_some() && !filtering) || python || (watch.budgeted && !self.counted);
        // Armed, the unwatched loops also poll to hand over to the
        // watched one when something starts watching during the run
        // (`sys.settrace` called by the program), and ask a filtering
        // observer at calls.
        self.limits_armed = limits || self.watched || filtering;
        self.watch.filtering_calls = filtering;
        crate::long_work::watch(self.watch.deadline, self.watch.interrupt.clone());
        // The first poll after a change checks everything.
        self.watch.until_full_poll = 1;
        self.refresh_hook_mask();
    }

    /// Recomputes which instructions the watched loop calls the hook for,
    /// and which the observer's shadow may follow instead.
    fn refresh_hook_mask(&mut self) {
        let python = self.python_trace.is_set();
        let watch = &mut self.watch;
        let key = MasksKey {
            interest: watch.interest,
            // Python code traces or a limit is set: every hook runs.
            all_hooked: python || watch.limits_set(),
            shadow: watch.shadow.is_some(),
        };
        // The interest of a tracker changes as frames turn labelled and
        // clean again (hundreds of thousands of times in a run), between a
        // few: their masks are kept, not made again.
        // The two used last first: a run going back and forth between
        // two finds either at the first or second look.
        let known = &mut watch.masks_known;
        let [last, before] = watch.masks_recent;
        let at = if known.get(last).is_some_and(|masks| masks.key == key) {
            last
        } else if known.get(before).is_some_and(|masks| masks.key == key) {
            before
        } else {
            match known.iter().position(|masks| masks.key == key) {
                Some(at) => at,
                None => {
                    if known.len() >= KNOWN_MASKS {
                        known.clear();
                    }
                    known.push(WatchMasks::of(key));
                    known.len() - 1
                }
            }
        };
        if at != last {
            watch.masks_recent = [at, last];
        }
        let masks = &known[at];
        watch.step_mask = masks.step;
        watch.gate_mask = masks.gate;
        watch.defer_mask = masks.defer;
        watch.follow_calls = masks.follow_calls;
        watch.actions = masks.actions;
    }

    /// Whether a limit stops the run before the next instruction; records
    /// which.
    fn check_limits(&mut self) -> Option<Limit> {
        let watch = &mut self.watch;
        if watch.reached.is_some() {
            return watch.reached;
        }
        // (Watched: no segment is open.)
        let reached = if watch.budgeted && Watch::budget_left(watch.budget_room) == 0 {
            Some(Limit::Instructions)
        } else if let Some(limit) = watch.memory_or_interrupt() {
            Some(limit)
        } else if let Some(deadline) = watch.deadline {
            if watch.until_clock == 0 {
                watch.until_clock = CLOCK_INTERVAL;
                (Instant::now() >= deadline).then_some(Limit::Deadline)
            } else {
                watch.until_clock -= 1;
                None
            }
        } else {
            None
        };
        watch.reached = reached;
        reached
    }

    /// Whether a limit stops the run where an exception would be
    /// handled: the loop's polls alone would let a handler run on until
    /// the next full poll, and a handler in a loop catch the limit again
    /// and again.
    #[inline]
    pub(crate) fn limit_bars_handlers(&mut self) -> bool {
        if self.watch.reached.is_some() {
            return true;
        }
        self.limits_armed && self.limit_passed_now()
    }

    /// The memory ceiling, the interrupt and the deadline (the clock read
    /// now), the budget aside (it stops where it is counted); records the
    /// limit reached.
    #[cold]
    fn limit_passed_now(&mut self) -> bool {
        let watch = &mut self.watch;
        let reached = if let Some(limit) = watch.memory_or_interrupt() {
            Some(limit)
        } else if watch
            .deadline
            .is_some_and(|deadline| Instant::now() >= deadline)
        {
            Some(Limit::Deadline)
        } else {
            None
        };
        watch.reached = reached;
        reached.is_some()
    }

    /// The limits, between two steps of a native loop (`list(iterable)`,
    /// `sum`, `str.join` over an iterator...): one long operation stops
    /// at the memory limit, the deadline or an interrupt as a loop of
    /// instructions would. The budget is not spent (native work is not
    /// instructions), so it stays deterministic.
    #[inline]
    pub fn poll_limits(&mut self) -> PyResult<()> {
        if self.watched || self.limits_armed {
            self.poll_armed_limits()
        } else {
            Ok(())
        }
    }

    /// A poll with limits armed: the memory count every time (a loop
    /// doubling a list must not double it again), the rest every
    /// [`FULL_POLL`] polls, out of line.
    #[inline(always)]
    pub(crate) fn poll_armed_limits(&mut self) -> PyResult<()> {
        if self.poll_due() {
            return self.poll_limits_fully();
        }
        Ok(())
    }

    /// Whether a poll with limits armed must look closer
    /// ([`Vm::poll_limits_fully`]): every [`FULL_POLL`]th poll, the first
    /// after a change of what is watched (`update_watched`), or when the
    /// memory count passed its ceiling (no ceiling: never). The unwatched
    /// loop's polls (backward jumps, calls) cost this, inline.
    #[inline(always)]
    pub(crate) fn poll_due(&mut self) -> bool {
        let watch = &mut self.watch;
        watch.until_full_poll = watch.until_full_poll.wrapping_sub(1);
        watch.until_full_poll == 0 || crate::memory::exceeded()
    }

    /// The closer look of a poll: the limits, all checked (a loop that
    /// must hand over to the watched one asks `switch_to_watched` first).
    #[cold]
    #[inline(never)]
    pub(crate) fn poll_limits_fully(&mut self) -> PyResult<()> {
        self.watch.until_full_poll = FULL_POLL;
        if !self.watched {
            // Polls are rarer than instructions: the clock is read at
            // every full poll.
            self.watch.until_clock = 0;
        }
        match self.check_limits() {
            // No place to pause here: a pausable run runs on to one.
            Some(Limit::Instructions)
                if matches!(self.budget_ran_out(None), BudgetOutcome::RunOn) =>
            {
                Ok(())
            }
            Some(limit) => Err(limit.error()),
            None => Ok(()),
        }
    }

    /// The counted loop's hand-over: the budget is down to the longest
    /// fusion, so the watched loop counts the rest one by one.
    #[cold]
    #[inline(never)]
    pub(crate) fn budget_nearly_spent(&mut self) {
        self.update_watched();
    }

    /// The frames running now count as seen: an observer or a tracer
    /// attached during a run hears no `call` for them (they started
    /// before), and their next line starts a line only if it changes.
    pub(crate) fn adopt_running_frames(&mut self) {
        let marks = &mut self.watch.marks;
        marks.clear();
        for frame in &self.frames {
            let last = frame.pc.saturating_sub(1);
            marks.push(FrameMark {
                code: std::rc::Rc::as_ptr(&frame.code),
                base: frame.base,
                last: last as u32,
                line: frame.code.line_of(last),
                branch_pending: false,
            });
        }
    }

    /// Whether an unwatched loop should hand over to the watched one (it
    /// polls at backward jumps and calls while `limits_armed`).
    #[inline]
    pub(crate) fn switch_to_watched(&self) -> bool {
        self.watched
    }

    /// Called before each instruction of a watched run.
    /// `switched`: it is the first instruction the loop runs after a
    /// frame switch (only there can a frame start or resume).
    #[inline(never)]
    pub(crate) fn observe_instruction(
        &mut self,
        fi: usize,
        index: usize,
        switched: bool,
    ) -> PyResult<()> {
        if self.watch.limits_set()
            && let Some(limit) = self.check_limits()
        {
            match limit {
                // A pausable run pauses (or runs on to where it can).
                Limit::Instructions => match self.budget_ran_out(Some((fi, index))) {
                    BudgetOutcome::Pause => {
                        return Err(PyErr::runtime_error("the run paused"));
                    }
                    BudgetOutcome::RunOn => {}
                    BudgetOutcome::Stop => return Err(limit.error()),
                },
                _ => return Err(limit.error()),
            }
        }
        if self.ctrl_c {
            self.check_keyboard_interrupt()?;
        }
        if self.watch.budgeted {
            self.watch.budget_room -= 1;
        } else {
            self.watch.executed += 1;
        }
        let python = self.python_tracing();
        let interest = match self.watch.interest {
            Some(interest) => interest,
            None if python => Interest::EVENTS,
            None => return Ok(()),
        };
        if !python && !interest.events {
            // The instruction hook alone, for the opcodes wanted.
            let code = &self.frames[fi].code;
            if !interest.wants(code.bytecode.instructions[index].opcode()) {
                return Ok(());
            }
            let line = code.line_of(index);
            return self.with_observer(|observer, frames, stack| {
                observer.instruction(&event_of(frames, stack, fi, index, line))
            });
        }
        if !python && !interest.lines && !switched {
            // Frame events without lines, in a frame that has run an
            // instruction since the loop entered it: nothing starts here
            // (`frame_bounds` would find its mark seen), so unless the
            // frame stops here the instruction hook alone is called, and
            // the mark is left as it is (only whether it is fresh counts).
            let code = &self.frames[fi].code;
            let instruction = code.bytecode.instructions[index];
            if !matches!(
                instruction,
                Instruction::ReturnValue | Instruction::YieldValue
            ) {
                if !interest.wants(instruction.opcode()) {
                    return Ok(());
                }
                return self.hook_instruction(fi, index);
            }
        }
        let found = match python || interest.lines {
            true => self.frame_events(fi, index),
            false => self.frame_bounds(fi, index),
        };
        if self.watch.observer.is_some() {
            self.notify_observer(fi, index, &found, interest)?;
        }
        if python {
            self.notify_python(fi, index, &found)?;
        }
        Ok(())
    }

    /// Instruction `index` of frame `fi`, deferrable: the observer's
    /// shadow applies its label rule if the frame is as the observer left
    /// it (true); else (false) the hook must run.
    #[inline]
    pub(crate) fn shadow_step(&mut self, fi: usize, index: usize) -> bool {
        let Some(shadow) = &self.watch.shadow else {
            return false;
        };
        let stepped = step_shadow(shadow, &self.frames, &self.stack, fi, index);
        if stepped {
            self.watch.executed += 1;
        }
        stepped
    }

    /// The first instruction after a frame switch, in the frame the
    /// observer's shadow follows (one the loop entered or returned to by
    /// itself, or the one the observer published): no frame starts there
    /// that the observer has not seen, so the events are skipped (the
    /// frame's mark is kept up to date, as `frame_bounds` would) and the
    /// instruction goes on as any other (true).
    #[inline]
    pub(crate) fn follows_switch(&mut self, fi: usize, index: usize) -> bool {
        if !self.watch.follow_calls {
            return false;
        }
        let Some(shadow) = &self.watch.shadow else {
            return false;
        };
        let frame = &self.frames[fi];
        let followed = shadow
            .borrow()
            .frame
            .as_ref()
            .is_some_and(|followed| follows(followed, fi, frame, self.stack.len()));
        if followed {
            let mark = FrameMark::of(&mut self.watch.marks, fi, &frame.code, frame.base);
            mark.last = index as u32;
            self.watch.executed += 1;
        }
        followed
    }

    /// CALL (`argc` arguments, no keyword names) at `index` of frame
    /// `fi`, the frame the observer's shadow follows: when the loop will
    /// enter the callee where its arguments lie (a Python function with
    /// positional parameters, `Vm::enter_function_in_place`) and the
    /// observer wants nothing of it (`Observer::wants_call`: no source,
    /// sink or sanitizer), the shadow follows the call itself, as the
    /// taint tracker's rules would: each parameter gets its argument's
    /// label (and what its object carries) one step on at the call's
    /// line and at the callee's first line, the other slots are clean,
    /// and the caller waits in `Shadow::callers` for the result. True: no
    /// hook (and no `Call` event: `follows_switch`). A native callee:
    /// [`Vm::shadow_native_call`].
    #[inline(never)]
    pub(crate) fn shadow_call(&mut self, fi: usize, index: usize, argc: u32) -> bool {
        use crate::object::PyObject;
        if crate::interpreter::finalize::pending() {
            // (Finalizers run before the call: their frames come first.)
            return false;
        }
        let Some(call_base) = self.stack.len().checked_sub(argc as usize + 2) else {
            return false;
        };
        // `[NULL, callable, args...]` or `[method, self, args...]`.
        let method = !matches!(self.stack[call_base], Value::Null);
        match self.stack[call_base + usize::from(!method)].as_obj() {
            Some(PyObject::Function(_)) => self.shadow_python_call(fi, index, call_base, method),
            Some(PyObject::BuiltinFunction(_) | PyObject::MethodDescriptor(_)) => {
                self.shadow_native_call(fi, index, call_base, method)
            }
            _ => false,
        }
    }

    /// [`Vm::shadow_call`] of a Python function (the callable at
    /// `call_base`, or after it without a `method`).
    fn shadow_python_call(
        &mut self,
        fi: usize,
        index: usize,
        call_base: usize,
        method: bool,
    ) -> bool {
        let Vm {
            frames,
            stack,
            watch,
            ..
        } = self;
        let Some(shadow) = &watch.shadow else {
            return false;
        };
        let len = stack.len();
        let callable_at = call_base + usize::from(!method);
        // (A method's receiver is its first argument.)
        let first_arg = callable_at + 1;
        let nargs = len - first_arg;
        let Some(crate::object::PyObject::Function(function)) = stack[callable_at].as_obj() else {
            return false;
        };
        let code = function.code.get();
        let argcount = code.bytecode.argcount as usize;
        // (A parameter a closure captures moves into a cell made when the
        // frame starts: the observer labels the cell then.)
        if !code.simple_args
            || !code.cell_args.is_empty()
            || nargs > argcount
            || (nargs < argcount && argcount - nargs > function.defaults.borrow().len())
        {
            return false;
        }
        let callee = &*code.bytecode as *const CodeObject as usize;
        let frame = &frames[fi];
        let mut shadow = shadow.borrow_mut();
        let Shadow {
            slots,
            frame: followed,
            heap,
            callers,
            codes,
            steps,
            ..
        } = &mut *shadow;
        if !followed
            .as_ref()
            .is_some_and(|followed| follows(followed, fi, frame, len))
        {
            return false;
        }
        let Some(known) = codes.get_mut(&callee) else {
            return false;
        };
        let plain = match &known.plain_as {
            Some((name, qualname)) => {
                Rc::ptr_eq(name, &function.name.borrow())
                    && Rc::ptr_eq(qualname, &function.qualname.borrow())
            }
            None => false,
        };
        if !plain {
            let wanted = match watch.observer.as_deref_mut() {
                Some(observer) => observer.wants_call(&stack[callable_at]),
                None => true,
            };
            if wanted {
                return false;
            }
            known.plain_as = Some((
                function.name.borrow().clone(),
                function.qualname.borrow().clone(),
            ));
        }
        let file = known.file;
        let Some(mut caller) = followed.take() else {
            return false;
        };
        let top = first_arg + code.nslots();
        if slots.len() < top + 64 {
            slots.resize(top + 64, Label::CLEAN);
        }
        // (The result of the call before, not given to its slot yet.)
        caller.give_result(slots, len);
        let line = frame.code.line_of(index);
        let first_line = code.bytecode.first_line;
        let mut dirty = false;
        for (slot, value) in slots[first_arg..first_arg + nargs]
            .iter_mut()
            .zip(&stack[first_arg..])
        {
            let label = heap.label(std::mem::take(slot), value);
            if !label.is_clean() {
                dirty = true;
                *slot = label
                    .through_in(steps, caller.file, line)
                    .through_in(steps, file, first_line);
            }
        }
        slots[first_arg + nargs..top].fill(Label::CLEAN);
        slots[call_base] = Label::CLEAN;
        caller.top = call_base + 1;
        callers.push(caller);
        *followed = Some(ShadowFrame {
            depth: fi + 1,
            code: callee,
            base: first_arg,
            file,
            top,
            dirty,
            result: None,
            entered: true,
            took_result: false,
        });
        watch.executed += 1;
        true
    }

    /// CALL (`argc` arguments, no keyword names) of a native function or
    /// method (`len`, `list.append`) at `index` of frame `fi`, the frame
    /// the observer's shadow follows, when the observer wants nothing of
    /// it: the shadow applies the taint tracker's rule itself (the result
    /// carries the union of the arguments' labels, and what their objects
    /// carry, one step on at the call's line, and the callable's; a
    /// method's object carries the other arguments' labels). The result's
    /// label waits in `ShadowFrame::result`; if the function calls Python
    /// code back, the observer's hook there finds the call pending (a
    /// frame with a result and no call of the tracker's own). True: no
    /// hook.
    #[inline(never)]
    fn shadow_native_call(
        &mut self,
        fi: usize,
        index: usize,
        call_base: usize,
        method: bool,
    ) -> bool {
        let Vm {
            frames,
            stack,
            watch,
            ..
        } = self;
        let Some(shadow) = &watch.shadow else {
            return false;
        };
        let len = stack.len();
        let callable_at = call_base + usize::from(!method);
        let callable = &stack[callable_at];
        let frame = &frames[fi];
        if !shadow
            .borrow()
            .frame
            .as_ref()
            .is_some_and(|followed| follows(followed, fi, frame, len))
        {
            return false;
        }
        let wanted = match watch.observer.as_deref_mut() {
            Some(observer) => observer.wants_call(callable),
            None => true,
        };
        if wanted {
            return false;
        }
        let mut shadow = shadow.borrow_mut();
        let Shadow {
            slots,
            frame: followed,
            heap,
            steps,
            ..
        } = &mut *shadow;
        let Some(caller) = followed.as_mut() else {
            return false;
        };
        // (The result of the call before, not given to its slot yet.)
        caller.give_result(slots, len);
        let line = frame.code.line_of(index);
        let receiver = method.then(|| &stack[call_base + 1]);
        let mut all = Label::CLEAN;
        let mut given = Label::CLEAN;
        for (n, position) in (callable_at + 1..len).enumerate() {
            let label = heap.label(slots[position].clone(), &stack[position]);
            if label.is_clean() {
                continue;
            }
            let label = label.through_in(steps, caller.file, line);
            all = Label::union(all, label.clone());
            if n > 0 || receiver.is_none() {
                given = Label::union(given, label);
            }
        }
        // The callable's own label (a bound method of a labelled string).
        let all = Label::union(all, slots[callable_at].clone());
        if let Some(receiver) = receiver {
            heap.add(receiver, CONTENTS, given);
        }
        slots[call_base] = Label::CLEAN;
        caller.top = call_base + 1;
        caller.result = Some(all);
        watch.executed += 1;
        true
    }

    /// FOR_ITER at `index` of frame `fi`, the frame the observer's shadow
    /// follows, over a range's, list's or tuple's iterator (it calls no
    /// Python code): the item carries the iterator's label and what it
    /// carries, as the taint tracker's rule gives. The shadow expects the
    /// item pushed; when the loop ends instead (the iterator popped), the
    /// heights differ at the next instruction and its hook reconciles.
    /// True: no hook.
    #[inline(never)]
    pub(crate) fn shadow_for_iter(&mut self, fi: usize) -> bool {
        let Some(shadow) = &self.watch.shadow else {
            return false;
        };
        let len = self.stack.len();
        let Some(iterator) = self.stack.last() else {
            return false;
        };
        if !crate::builtins::iter::steps_without_vm(iterator) {
            return false;
        }
        let mut shadow = shadow.borrow_mut();
        let Shadow {
            slots,
            frame: followed,
            heap,
            ..
        } = &mut *shadow;
        let Some(frame) = followed.as_mut() else {
            return false;
        };
        if !follows(frame, fi, &self.frames[fi], len) || len + 1 >= slots.len() {
            return false;
        }
        frame.give_result(slots, len);
        let label = heap.label(slots[len - 1].clone(), iterator);
        frame.dirty |= !label.is_clean();
        slots[len] = label;
        frame.top = len + 1;
        self.watch.executed += 1;
        true
    }

    /// RETURN_VALUE at `index` of frame `fi`, a frame the shadow entered
    /// by itself (`shadow_call`), returning to the caller waiting in
    /// `Shadow::callers`: the result's slot gets the returned value's
    /// label one step on at the return's line, as the taint tracker's
    /// `Return` rule would, and the shadow follows the caller again.
    /// True: no hook (the frame's mark is left fresh, as `frame_bounds`
    /// would).
    #[inline(never)]
    pub(crate) fn shadow_return(&mut self, fi: usize, index: usize) -> bool {
        let Vm {
            frames,
            stack,
            watch,
            ..
        } = self;
        let Some(shadow) = &watch.shadow else {
            return false;
        };
        let frame = &frames[fi];
        let len = stack.len();
        if fi == 0 || !frame.is_plain_call() || len <= frame.stack_start() {
            return false;
        }
        let caller_frame = &frames[fi - 1];
        let mut shadow = shadow.borrow_mut();
        let Shadow {
            slots,
            frame: followed,
            callers,
            steps,
            ..
        } = &mut *shadow;
        let (Some(current), Some(caller)) = (followed.as_ref(), callers.last()) else {
            return false;
        };
        if !current.entered
            || !follows(current, fi, frame, len)
            || !follows(caller, fi - 1, caller_frame, frame.call_base + 1)
        {
            return false;
        }
        let file = current.file;
        let mut caller = callers.pop().expect("a caller");
        let returned = std::mem::take(&mut slots[len - 1]);
        let returned = match returned.is_clean() {
            true => returned,
            false => returned.through_in(steps, file, frame.code.line_of(index)),
        };
        caller.dirty |= !returned.is_clean();
        slots[frame.call_base] = returned;
        *followed = Some(caller);
        let mark = FrameMark::of(&mut watch.marks, fi, &frame.code, frame.base);
        mark.last = FRESH;
        watch.executed += 1;
        true
    }

    /// After the hooks of a frame's start: the file number of the code
    /// of the frame the observer published, for `shadow_call` to enter
    /// frames of it by itself.
    #[inline(never)]
    pub(crate) fn note_shadow_file(&mut self, fi: usize) {
        let Some(shadow) = &self.watch.shadow else {
            return;
        };
        let mut shadow = shadow.borrow_mut();
        let Some(followed) = &shadow.frame else {
            return;
        };
        let Some(frame) = self.frames.get(fi) else {
            return;
        };
        let code = &frame.code.bytecode;
        let address = &**code as *const CodeObject as usize;
        if followed.depth == fi && followed.code == address {
            let file = followed.file;
            shadow.codes.entry(address).or_insert_with(|| FollowedCode {
                _code: code.clone(),
                file,
                plain_as: None,
            });
        }
    }

    /// [`Vm::shadow_step`] in the loop's arm of `instruction` (the one
    /// at `index` of frame `fi`, about to run: the arm passes it, so one
    /// dispatch does both), or the hook when the shadow cannot step it.
    #[inline(always)]
    pub(crate) fn shadow_step_in_arm(
        &mut self,
        fi: usize,
        index: usize,
        instruction: Instruction,
    ) -> PyResult<()> {
        if let Some(shadow) = &self.watch.shadow
            && step_shadow_as(shadow, &self.frames, &self.stack, fi, index, instruction)
        {
            self.watch.executed += 1;
            return Ok(());
        }
        self.observe_unstepped(fi, index)
    }

    /// The hook of a deferrable instruction the shadow could not step.
    #[inline(never)]
    fn observe_unstepped(&mut self, fi: usize, index: usize) -> PyResult<()> {
        self.observe_instruction(fi, index, false)
    }

    /// Whether the hook of instruction `index` of frame `fi`, gated
    /// ([`Interest::gating`]), must run: an object it reads carries a
    /// label in the observer's shadow, or (a call) the observer wants the
    /// callable.
    #[inline(never)]
    pub(crate) fn gate_open(&mut self, fi: usize, index: usize) -> bool {
        let Some(shadow) = &self.watch.shadow else {
            return true;
        };
        let stack = &self.stack;
        let len = stack.len();
        let instruction = self.frames[fi].code.bytecode.instructions[index];
        let called = {
            let shadow = shadow.borrow();
            let heap = &shadow.heap;
            let carries = |depth: usize| {
                len.checked_sub(depth)
                    .and_then(|i| stack.get(i))
                    .is_some_and(|value| heap.carries(value))
            };
            match instruction {
                Instruction::LoadAttr(_)
                | Instruction::LoadMethod(_)
                | Instruction::GetIter
                | Instruction::GetAiter
                | Instruction::ForIter(_)
                | Instruction::UnpackSequence(_) => return carries(1),
                Instruction::BinarySubscr => return carries(1) || carries(2),
                Instruction::LoadDeref(i) | Instruction::StoreDeref(i) => {
                    let frame = &self.frames[fi];
                    let cell = frame.base + frame.code.nlocals + i.0 as usize;
                    return stack.get(cell).is_some_and(|cell| heap.carries(cell));
                }
                Instruction::Call(argc) => {
                    let called = &stack[len.saturating_sub(argc as usize + 2)..];
                    if called.iter().any(|value| heap.carries(value)) {
                        return true;
                    }
                    called
                }
                _ => return true,
            }
        };
        match (callable_of(called), self.watch.observer.as_deref_mut()) {
            (Some(callable), Some(observer)) => observer.wants_call(callable),
            _ => true,
        }
    }

    /// The instruction hook of instruction `index` of frame `fi`.
    fn hook_instruction(&mut self, fi: usize, index: usize) -> PyResult<()> {
        let line = self.frames[fi].code.line_of(index);
        self.with_observer(|observer, frames, stack| {
            observer.instruction(&event_of(frames, stack, fi, index, line))
        })
    }

    /// Frame `fi` jumped to instruction `target` (a trace function set
    /// `f_lineno`), which runs next without being observed: it counts as
    /// the last instruction seen, so the next starts a line only if it is
    /// on another.
    pub(crate) fn note_jump(&mut self, fi: usize, target: usize) {
        let frame = &self.frames[fi];
        let code = &frame.code;
        let line = code.bytecode.line_of(target);
        let branch = code.bytecode.instructions[target].flow() == Flow::Branch;
        let mark = FrameMark::of(&mut self.watch.marks, fi, code, frame.base);
        mark.last = target as u32;
        if let Some(line) = line {
            mark.line = line;
        }
        mark.branch_pending = branch;
    }

    /// Where frames start and stop, for an observer that wants no lines:
    /// [`Vm::frame_events`] without the lines and jumps.
    fn frame_bounds(&mut self, fi: usize, index: usize) -> FoundEvents {
        let frame = &self.frames[fi];
        let code = &frame.code;
        let instruction = code.bytecode.instructions[index];
        let mark = FrameMark::of(&mut self.watch.marks, fi, code, frame.base);
        let start = match (mark.last, index) {
            (FRESH, 0) => Some(Event::Call),
            (FRESH, _) => Some(Event::Resume),
            _ => None,
        };
        mark.last = match instruction {
            // The frame ends or is suspended.
            Instruction::ReturnValue | Instruction::YieldValue => FRESH,
            _ => index as u32,
        };
        FoundEvents {
            line: code.line_of(index),
            start,
            branch: None,
            new_line: false,
            instruction,
        }
    }

    /// The frame events the instruction at `index` of frame `fi` starts
    /// (and the mark of the frame brought up to date).
    fn frame_events(&mut self, fi: usize, index: usize) -> FoundEvents {
        let frame = &self.frames[fi];
        let code = &frame.code;
        let instruction = code.bytecode.instructions[index];
        let mark = FrameMark::of(&mut self.watch.marks, fi, code, frame.base);
        let own_line = code.bytecode.line_of(index);
        let previous_line = mark.line;
        let line = match (own_line, mark.last) {
            (Some(line), _) => line,
            // A frame starting or resuming on an instruction without a
            // line: the nearest line before it.
            (None, FRESH) => (0..index)
                .rev()
                .find_map(|i| code.bytecode.line_of(i))
                .unwrap_or(code.bytecode.first_line),
            (None, _) => mark.line,
        };
        mark.line = line;
        let last = mark.last;
        let branch_pending = mark.branch_pending;
        mark.last = index as u32;
        mark.branch_pending = instruction.flow() == Flow::Branch;
        if matches!(
            instruction,
            Instruction::ReturnValue | Instruction::YieldValue
        ) {
            // The frame ends or is suspended: what runs next at this
            // depth is another frame, or this one resumed.
            mark.last = FRESH;
        }
        let mut found = FoundEvents {
            line,
            start: None,
            branch: None,
            new_line: false,
            instruction,
        };
        if last == FRESH {
            // A resumed frame continues on its `yield`'s line: a line
            // event only if the next instruction is on another (as
            // CPython, whose RESUME is on the `yield`'s line).
            if index == 0 {
                found.start = Some(Event::Call);
                found.new_line = own_line.is_some();
            } else {
                found.start = Some(Event::Resume);
                found.new_line =
                    own_line.is_some_and(|l| Some(l) != code.bytecode.line_of(index - 1));
            }
        } else {
            let last = last as usize;
            if branch_pending {
                let branch = code.bytecode.instructions[last];
                let taken = branch.jump_target() == Some(index as u32) && index != last + 1;
                found.branch = Some((last, taken));
            }
            found.new_line = own_line.is_some() && (index <= last || line != previous_line);
        }
        found
    }

    /// Notes the observer's interest after a hook call (it may change as
    /// the observer goes).
    fn interest_now(&mut self, now: Interest) {
        let before = self.watch.interest;
        if before == Some(now) {
            return;
        }
        let had_lines = before.is_some_and(|i| i.events && i.lines);
        let had_events = before.is_some_and(|i| i.events);
        if now.events && (!had_events || (now.lines && !had_lines)) {
            // Events (or lines) from now on: the frames running now
            // started before (no `call` for them), and their marks were
            // not kept for lines.
            self.adopt_running_frames();
        }
        self.watch.interest = Some(now);
        let filters =
            |interest: Option<Interest>| interest.is_some_and(|i| i.calls_filtered_only());
        if filters(before) != filters(Some(now)) {
            self.update_watched();
        } else {
            self.refresh_hook_mask();
        }
    }

    /// Whether a filtering observer ([`Interest::filtering_calls`]) wants
    /// the hook of the call whose callable (or method and self) and
    /// arguments are the top `span` values of the stack: then the run is
    /// watched from now on (the caller hands over to the watched loop,
    /// which hooks this call).
    #[inline(never)]
    pub(crate) fn call_wanted(&mut self, span: usize) -> bool {
        let called = &self.stack[self.stack.len().saturating_sub(span)..];
        let (Some(callable), Some(observer)) =
            (callable_of(called), self.watch.observer.as_deref_mut())
        else {
            return false;
        };
        if !observer.wants_call(callable) {
            return false;
        }
        self.watch.call_accepted = true;
        self.update_watched();
        true
    }

    /// The events found, the instruction, and the events it ends, for the
    /// observer.
    fn notify_observer(
        &mut self,
        fi: usize,
        index: usize,
        found: &FoundEvents,
        interest: Interest,
    ) -> PyResult<()> {
        // The instruction after the start events (or before the stop
        // ones), if deferrable, goes to the shadow when the events left
        // the frame to it (a frame starting, a return's no-op rule).
        let shadow = match self.watch.step_mask.has(found.instruction.opcode()) {
            true => self.watch.shadow.clone(),
            false => None,
        };
        let changed = self.watch.interest_changed.clone();
        self.with_observer(|observer, frames, stack| {
            notify(
                observer,
                frames,
                stack,
                fi,
                index,
                found,
                (interest, changed.as_ref()),
                shadow.as_deref(),
            )
        })
    }

    /// Calls `hook` with the observer (in place) and the frames and stack
    /// an event is made of, then notes the observer's interest; nothing
    /// without an observer.
    fn with_observer(
        &mut self,
        hook: impl FnOnce(&mut dyn Observer, &[crate::interpreter::Frame], &[Value]) -> PyResult<()>,
    ) -> PyResult<()> {
        let Vm {
            frames,
            stack,
            watch,
            ..
        } = self;
        let Some(observer) = watch.observer.as_deref_mut() else {
            return Ok(());
        };
        let result = hook(observer, frames, stack);
        let ask = match &watch.interest_changed {
            Some(changed) => changed.take(),
            None => true,
        };
        if ask {
            let now = observer.interest();
            self.interest_now(now);
        }
        result
    }

    /// The events found, for `sys.settrace`'s and `sys.setprofile`'s
    /// functions.
    fn notify_python(&mut self, fi: usize, index: usize, found: &FoundEvents) -> PyResult<()> {
        let line = found.line;
        match found.start {
            None => self.profile_c_return(fi, index, line)?,
            // A frame starting here: the calls of the frames that were at
            // this depth are over.
            Some(_) => self.forget_c_calls_from(fi),
        }
        if found.start.is_some() {
            self.trace_python(TraceEvent::Call, fi, index, line, Value::None)?;
        }
        if found.new_line {
            self.trace_python(TraceEvent::Line, fi, index, line, Value::None)?;
        }
        self.trace_python(TraceEvent::Opcode, fi, index, line, Value::None)?;
        if matches!(
            found.instruction,
            Instruction::Call(_) | Instruction::CallFunctionEx(_)
        ) {
            self.profile_c_call(fi, index, line, found.instruction)?;
        }
        if matches!(
            found.instruction,
            Instruction::ReturnValue | Instruction::YieldValue
        ) {
            let frame = &self.frames[fi];
            let stack_start = frame.base + frame.code.nslots();
            let value = match self.stack.last() {
                Some(value) if self.stack.len() > stack_start => value.clone(),
                _ => Value::None,
            };
            self.trace_python(TraceEvent::Return, fi, index, line, value)?;
        }
        Ok(())
    }

    /// An exception event of the top frame, at the instruction that raised
    /// (`index`), while the watched run unwinds. A handler found resolves
    /// no pending branch; a frame left is fresh for the next one.
    pub(crate) fn observe_exception(&mut self, kind: Event, index: usize) -> PyResult<()> {
        let fi = self.frames.len() - 1;
        self.start_if_fresh(fi, index)?;
        if let Some(mark) = self.watch.marks.get_mut(fi) {
            match kind {
                Event::Handled(_) => mark.branch_pending = false,
                Event::Unwind(_) => mark.last = FRESH,
                _ => {}
            }
        }
        let line = self.frames[fi].code.line_of(index);
        if self.watch.interest.is_some_and(|i| i.events) {
            self.with_observer(|observer, frames, stack| {
                observer.event(kind, &event_of(frames, stack, fi, index, line))
            })?;
        }
        if self.python_tracing() {
            match kind {
                Event::Raise(exception) => {
                    self.profile_c_exception(fi, index, line)?;
                    let arg = self.exception_triple(exception);
                    self.trace_python(TraceEvent::Exception, fi, index, line, arg)?;
                }
                Event::Unwind(_) => {
                    self.trace_python(TraceEvent::Return, fi, index, line, Value::None)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A frame that meets an exception before any of its instructions ran
    /// (a generator resumed by `throw()` or `close()`) has still been
    /// resumed: its `call` comes first, as in CPython (a profiler pairs it
    /// with the `return` of the unwinding).
    fn start_if_fresh(&mut self, fi: usize, index: usize) -> PyResult<()> {
        let wants_events = self.watch.interest.is_some_and(|i| i.events);
        if !wants_events && !self.python_tracing() {
            return Ok(());
        }
        let frame = &self.frames[fi];
        let mark = FrameMark::of(&mut self.watch.marks, fi, &frame.code, frame.base);
        if mark.last != FRESH {
            return Ok(());
        }
        mark.last = index as u32;
        let line = self.frames[fi].code.line_of(index);
        let start = if index == 0 {
            Event::Call
        } else {
            Event::Resume
        };
        if wants_events {
            self.with_observer(|observer, frames, stack| {
                observer.event(start, &event_of(frames, stack, fi, index, line))
            })?;
        }
        if self.python_tracing() {
            self.forget_c_calls_from(fi);
            self.trace_python(TraceEvent::Call, fi, index, line, Value::None)?;
        }
        Ok(())
    }

    /// `(type, value, traceback)` of an exception, as `exc_info()` gives.
    fn exception_triple(&mut self, exception: &Value) -> Value {
        let class = Value::obj(crate::object::PyObject::Type(crate::typeobject::class_of(
            exception,
        )));
        let traceback = self
            .get_attr(exception, "__traceback__")
            .unwrap_or(Value::None);
        Value::tuple(vec![class, exception.clone(), traceback])
    }
}

/// A set of opcodes, as two words: testing one is a shift of one word
/// (a `u128` shifted by a variable amount is several instructions, paid
/// by every instruction of a watched run).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct OpcodeBits([u64; 2]);

impl OpcodeBits {
    /// (By reference, one word read: a copy of both words made the
    /// compiler spill them to the stack and read one back, a store
    /// forwarding stall on every watched instruction.)
    #[inline(always)]
    fn has(&self, opcode: Opcode) -> bool {
        let op = opcode as u8;
        let word = if op < 64 { self.0[0] } else { self.0[1] };
        (word >> (op & 63)) & 1 != 0
    }
}

impl From<u128> for OpcodeBits {
    fn from(bits: u128) -> OpcodeBits {
        OpcodeBits([bits as u64, (bits >> 64) as u64])
    }
}

/// Opcodes are below this (`OpcodeBits` holds 128).
const OPCODE_SLOTS: usize = 128;

/// What the watched loop does before an instruction ([`Watch::action`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum WatchAction {
    /// Nothing but count it: the observer did not ask for its hook.
    #[default]
    Count,
    /// Its arm applies the shadow's rule ([`Vm::shadow_step_in_arm`]).
    RuleInArm,
    /// The shadow's rule if deferrable, the loop's own following of
    /// calls, the gate, else the hook (`execute`'s watched prologue).
    Hook,
}

/// How many [`WatchMasks`] a watch keeps.
const KNOWN_MASKS: usize = 8;

/// What a watch's masks are made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MasksKey {
    interest: Option<Interest>,
    /// Every instruction is hooked (Python code traces, a limit is set).
    all_hooked: bool,
    /// The observer has a shadow.
    shadow: bool,
}

/// The masks of [`Watch`] for one [`MasksKey`] (their fields say what
/// each is for).
#[derive(Clone, Copy, Debug)]
struct WatchMasks {
    key: MasksKey,
    step: OpcodeBits,
    gate: OpcodeBits,
    defer: OpcodeBits,
    follow_calls: bool,
    actions: WatchActions,
}

impl WatchMasks {
    fn of(key: MasksKey) -> WatchMasks {
        // (Shadow steps and gates only with no limits, no lines and no
        // Python tracing, for an observer with a shadow.)
        let stepping = match key.interest {
            _ if key.all_hooked || !key.shadow => None,
            Some(interest) if interest.events && interest.lines => None,
            interest => interest,
        };
        let steps = stepping.map_or(0, |i| i.deferrable & i.opcodes);
        let gated = stepping.map_or(0, |i| i.gated & i.opcodes);
        // (The deferrable ones stay in `hook`: the loop reads one action
        // per instruction, then `defers` for those it hooks.)
        let hook = match key.interest {
            _ if key.all_hooked => u128::MAX,
            Some(interest) if interest.events && interest.lines => u128::MAX,
            // Frame events without lines: where frames stop, and (the
            // loop sees to it) the first instruction run after each frame
            // switch, where they start.
            Some(interest) if interest.events => interest.opcodes | STOPS,
            Some(interest) => interest.opcodes,
            None => 0,
        };
        // (Where frames stop the hook always runs: it finds the events.)
        let defer = steps & !STOPS;
        let arm = defer & IN_ARM;
        WatchMasks {
            key,
            step: OpcodeBits::from(steps),
            gate: OpcodeBits::from(gated),
            defer: OpcodeBits::from(defer),
            follow_calls: steps != 0 && key.interest.is_some_and(|i| i.events && !i.lines),
            actions: WatchActions::of(hook, arm & hook),
        }
    }
}

/// [`WatchAction`] by `opcode as u8`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WatchActions([WatchAction; OPCODE_SLOTS]);

impl WatchActions {
    /// `Hook` where `hook` has the opcode's bit, `RuleInArm` where `arm`
    /// has it, else `Count`.
    fn of(hook: u128, arm: u128) -> WatchActions {
        let mut actions = [WatchAction::Count; OPCODE_SLOTS];
        for (op, action) in actions.iter_mut().enumerate() {
            if (arm >> op) & 1 != 0 {
                *action = WatchAction::RuleInArm;
            } else if (hook >> op) & 1 != 0 {
                *action = WatchAction::Hook;
            }
        }
        WatchActions(actions)
    }
}

impl Default for WatchActions {
    fn default() -> WatchActions {
        WatchActions::of(0, 0)
    }
}

/// The instructions where a frame stops (returns or is suspended): always
/// hooked when frame events are wanted.
const STOPS: u128 = 1 << (Opcode::ReturnValue as u8) | 1 << (Opcode::YieldValue as u8);

/// The deferrable instructions whose arms in the watched loop apply the
/// shadow's rule themselves (`Vm::shadow_step_in_arm`): the most frequent
/// ones, each paying one dispatch instead of two.
const IN_ARM: u128 = 1 << (Opcode::LoadFast as u8)
    | 1 << (Opcode::StoreFast as u8)
    | 1 << (Opcode::LoadConst as u8)
    | 1 << (Opcode::BinaryOp as u8)
    | 1 << (Opcode::CompareOp as u8)
    | 1 << (Opcode::PopJumpIfFalse as u8)
    | 1 << (Opcode::PopJumpIfTrue as u8)
    | 1 << (Opcode::JumpBackward as u8)
    | 1 << (Opcode::PopTop as u8)
    | 1 << (Opcode::LoadAttr as u8)
    | 1 << (Opcode::LoadGlobal as u8)
    | 1 << (Opcode::BinarySubscr as u8)
    | 1 << (Opcode::StoreAttr as u8)
    | 1 << (Opcode::LoadMethod as u8);

/// What [`Vm::frame_events`] found an instruction starts.
struct FoundEvents {
    /// The line the frame is on.
    line: u32,
    /// `Call` or `Resume`: the frame starts here.
    start: Option<Event<'static>>,
    /// The frame's last instruction was a conditional jump: where it was,
    /// and whether it jumped.
    branch: Option<(usize, bool)>,
    /// The instruction starts a line.
    new_line: bool,
    instruction: Instruction,
}

/// Whether `followed` is frame `frame` (at depth `fi`), at the height
/// `len` the shadow's rules left it.
#[inline]
fn follows(
    followed: &ShadowFrame,
    fi: usize,
    frame: &crate::interpreter::Frame,
    len: usize,
) -> bool {
    followed.depth == fi
        && followed.base == frame.base
        && followed.code == &*frame.code.bytecode as *const CodeObject as usize
        && followed.top == len
}

/// Applies `shadow`'s rule to instruction `index` of frame `fi` (before
/// it runs), if the shadow's frame allows (`Shadow::step`). (Inlined
/// into the watched loop's dispatch, where it runs for most instructions
/// of a labelled frame.)
#[inline(always)]
fn step_shadow(
    shadow: &RefCell<Shadow>,
    frames: &[crate::interpreter::Frame],
    stack: &[Value],
    fi: usize,
    index: usize,
) -> bool {
    let instruction = frames[fi].code.bytecode.instructions[index];
    step_shadow_as(shadow, frames, stack, fi, index, instruction)
}

/// [`step_shadow`] of `instruction`, the instruction at `index`.
#[inline(always)]
fn step_shadow_as(
    shadow: &RefCell<Shadow>,
    frames: &[crate::interpreter::Frame],
    stack: &[Value],
    fi: usize,
    index: usize,
    instruction: Instruction,
) -> bool {
    let frame = &frames[fi];
    let code = &frame.code;
    let at = StepAt {
        depth: fi,
        code: &code.bytecode,
        names: &code.names,
        globals: &frame.globals,
        base: frame.base,
        nlocals: code.nlocals,
        stack_base: frame.base + code.nslots(),
        stack,
        index,
    };
    shadow
        .borrow_mut()
        .step(&at, instruction, |i| code.line_of(i))
}

/// The [`InstructionEvent`] of instruction `index` of frame `fi`.
fn event_of<'a>(
    frames: &'a [crate::interpreter::Frame],
    stack: &'a [Value],
    fi: usize,
    index: usize,
    line: u32,
) -> InstructionEvent<'a> {
    let frame = &frames[fi];
    let code = &frame.code;
    let locals_end = frame.base + code.nlocals;
    let stack_start = frame.base + code.nslots();
    let stack_end = stack.len().max(stack_start);
    InstructionEvent {
        code_name: &code.bytecode.name,
        qualname: &code.bytecode.qualname,
        filename: &code.bytecode.filename,
        first_line: code.bytecode.first_line,
        code: &code.bytecode,
        index,
        line,
        instruction: code.bytecode.instructions[index],
        depth: fi,
        stack: stack.get(stack_start..stack_end).unwrap_or(&[]),
        locals: stack.get(frame.base..locals_end).unwrap_or(&[]),
        cells: stack.get(locals_end..stack_start).unwrap_or(&[]),
        locals_base: frame.base,
        stack_base: stack_start,
        local_names: &code.bytecode.varnames,
        names: &code.names,
        globals: &frame.globals,
        generator: frame.generator.as_ref(),
        caller_resumes_at: fi.checked_sub(1).map(|caller| frames[caller].pc),
    }
}

/// The events found, the instruction, and the events it ends, for
/// `observer` (the instruction's rule by `shadow` if given and it can).
#[allow(clippy::too_many_arguments)]
fn notify(
    observer: &mut dyn Observer,
    frames: &[crate::interpreter::Frame],
    stack: &[Value],
    fi: usize,
    index: usize,
    found: &FoundEvents,
    (interest, changed): (Interest, Option<&InterestChanged>),
    shadow: Option<&RefCell<Shadow>>,
) -> PyResult<()> {
    let event = event_of(frames, stack, fi, index, found.line);
    let mut interest = interest;
    if interest.events {
        if let Some(start) = found.start {
            observer.event(start, &event)?;
            // The frame starting may want less than the one before (the
            // VM's masks are brought up to date after this hook).
            if changed.is_some_and(InterestChanged::is_raised) {
                interest = observer.interest();
            }
        }
        if let Some((at, taken)) = found.branch {
            let line = frames[fi].code.line_of(at);
            observer.event(Event::Branch(taken), &event_of(frames, stack, fi, at, line))?;
        }
        if found.new_line {
            observer.event(Event::Line, &event)?;
        }
    }
    if interest.wants(found.instruction.opcode())
        && !shadow.is_some_and(|shadow| step_shadow(shadow, frames, stack, fi, index))
    {
        observer.instruction(&event)?;
    }
    if !interest.events {
        return Ok(());
    }
    match (found.instruction, event.stack.last()) {
        (Instruction::ReturnValue, Some(value)) => observer.event(Event::Return(value), &event),
        (Instruction::YieldValue, Some(value)) => observer.event(Event::Yield(value), &event),
        _ => Ok(()),
    }
}
