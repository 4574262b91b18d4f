//! Taint tracking (`krait taint`): values that come from a *source* call
//! carry a label; labels follow the values through the program; a call of
//! a *sink* with a labelled argument is reported, with where the label
//! came from and the lines the value passed through.
//!
//! **How.** An observer runs a shadow of the VM's value stack beside it: a
//! label (or none) per slot — every running frame's fast locals and operand
//! stack, by their position in the VM's one stack — updated before each
//! instruction runs by that instruction's rule, and checked against the
//! real stack's height at every instruction (slots an exception handler or
//! a generator's resumption pushed without an instruction are clean).
//! The rules: loads and stores move labels between the stack, locals,
//! globals (by module and name), attributes (by object and name) and the
//! contents of containers (by object); a subscript of a container gives
//! its contents' label and the container's own; every other instruction
//! gives its results the union of what it consumed (arithmetic, formatting,
//! f-strings, building containers, unpacking...). A call of a Python
//! function gives each parameter the label of the argument it was bound
//! to (matched by identity) and the caller gets the label the callee
//! returns (or yields); a call of anything else gives the union of its
//! arguments' labels (`str.upper`, `len`, `''.join`...), and a method of
//! an object that is given a labelled argument labels the object's
//! contents (`list.append`, `dict.update`). A source's result gets a new
//! label; a sanitizer's result none.
//!
//! **What it looks at.** Until a source is called, calls only. Then a
//! frame whose slots are all clean is shown only the instructions that can
//! bring a label into it (calls, and names, objects or cells while any
//! carries a label); a frame with a labelled slot, every instruction:
//! iteration, `raise` and calls (`OWN_RULES`) hooked one by one before
//! they run, unless the VM's loop follows them itself (calls of Python
//! functions entered in place and their returns, native calls the tracker
//! has no role for, loops over ranges, lists and tuples); the rest (they
//! move values between slots, names, cells, attributes and containers) by
//! the VM itself, on the shadow the tracker lends it
//! (`krait_vm::interpreter::shadow`), while the frame is as the tracker's
//! last hook left it.
//!
//! A suspended generator keeps its slots' labels until it resumes (by
//! the generator's address).
//!
//! **Limits of this first version** (documented in ARCHITECTURE.md):
//! a function called back by native code (`sorted`'s `key`, `map`'s
//! function) gets the union of that call's (or iterator's) arguments'
//! labels, every item's for each item. Objects that carry labels are named
//! by address, through a weak reference (they die as in a plain run; the
//! address is not reused while the entry lasts); unlabelled values cost
//! nothing.
//!
//! **Implicit flows** (`TaintOptions::implicit`): a branch on a labelled
//! condition labels what is stored, returned or given to a sink until its
//! ways join again (the branch's immediate post-dominator), in its frame
//! and in the frames it calls, and what the ways leave on the stack.

mod labels;

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

use krait_bytecode::{CodeFlags, Instruction, Opcode};
use krait_vm::builtins::function::PyFunction;
use krait_vm::interpreter::observe::{
    Event, InstructionEvent, Interest, InterestChanged, Observer, callable_identity,
    callable_names, callable_of,
};
use krait_vm::interpreter::shadow::{
    CONTENTS, HeapLabels, Shadow as LoopShadow, ShadowFrame, address, name_key as names_key,
};
use krait_vm::{PyObject, PyResult, Value};

use labels::{Labels, Quick, Tid};

/// What to track.
#[derive(Clone, Debug, Default)]
pub struct TaintOptions {
    /// Functions whose results are labelled (`input`, `read_secret`,
    /// `Request.param`): a name or a qualified name.
    pub sources: Vec<String>,
    /// Functions that must not get a labelled argument (`print`, `eval`).
    pub sinks: Vec<String>,
    /// Functions whose results carry no label (`escape`, `int`).
    pub sanitizers: Vec<String>,
    /// Follow implicit flows: what a branch on a labelled condition
    /// decides (the stores, returns and sink calls until its ways join
    /// again) carries the condition's label.
    pub implicit: bool,
}

/// A source call: where a label was born.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSite {
    pub function: String,
    pub file: String,
    pub line: u32,
}

/// A labelled value reaching a sink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub sink: String,
    pub file: String,
    pub line: u32,
    /// The sources of the labels the argument carried.
    pub sources: Vec<SourceSite>,
    /// The lines the value passed through (stores, calls, returns), from
    /// the source to the sink.
    pub path: Vec<(String, u32)>,
}

/// A call in progress in a frame: the labels of what it was given.
struct PendingCall {
    /// The labelled arguments (receiver included), with their values,
    /// for binding them to the callee's parameters.
    args: Vec<(usize, Argument, Tid)>,
    /// A call of Python code with positional arguments only: where the
    /// first argument (the receiver, for a method) lay and how many there
    /// were. A frame that starts there was bound where they lay, each
    /// parameter to the argument in its slot (the VM's in-place call), and
    /// gets that argument's label alone (by identity, an int equal to a
    /// labelled one would get its label too).
    positional: Option<(usize, usize)>,
    /// The union of the arguments' labels.
    all: Tid,
    /// A source: the result gets this label (born at the call's line).
    source: Option<Tid>,
    sanitizer: bool,
    /// The callee is Python code whose return (or yield) gives the
    /// result's label (a function, a bound method, a generator FOR_ITER
    /// resumes); otherwise the arguments' union does.
    python: bool,
    /// The callee is native code that may call Python back (`sorted`'s
    /// `key`, `map`): the frames it calls get the arguments' union.
    native: bool,
    /// The callee returned (or yielded) this label.
    returned: Option<Tid>,
    /// The VM stack's height once the call is done.
    height: usize,
}

/// An argument of a call, by identity (what `is` compares), holding no
/// reference: a pending call is dropped only at the tracker's next hook,
/// which may come long after the call (the VM's loop follows most
/// instructions and calls itself), and a reference kept there would keep
/// the argument alive (a cycle the collector should free, a weak
/// reference that should die).
enum Argument {
    /// An object's address (a type's: its `TypeObject`'s, as `is` compares
    /// types).
    Object(usize),
    /// A value that is no object (an int, a float, None...).
    Plain(Value),
}

impl Argument {
    fn of(value: &Value) -> Argument {
        match value {
            Value::Obj(_) => Argument::Object(identity_address(value)),
            other => Argument::Plain(other.clone()),
        }
    }

    fn is(&self, value: &Value) -> bool {
        match (self, value) {
            (Argument::Object(address), Value::Obj(_)) => *address == identity_address(value),
            (Argument::Plain(plain), _) => plain.is(value),
            _ => false,
        }
    }
}

/// The address `is` compares an object by.
fn identity_address(value: &Value) -> usize {
    match value {
        Value::Obj(object) => match &**object {
            PyObject::Type(class) => Rc::as_ptr(class) as *const u8 as usize,
            _ => Rc::as_ptr(object) as *const u8 as usize,
        },
        _ => 0,
    }
}

/// What the tracker knows of a running frame besides its slots' labels.
#[derive(Default)]
struct FrameShadow {
    /// The frame's code and first slot, to tell it from the next frame at
    /// the same depth.
    code: usize,
    base: usize,
    /// The number of its code's file name (`Labels::file_id`), found once
    /// per frame for the steps its values take.
    file: u32,
    /// The stack's height after this frame's last instruction, as its rule
    /// left it: slots the VM filled above it since are clean.
    top: usize,
    pending: Option<PendingCall>,
    /// With implicit flows: the branches on labelled conditions whose ways
    /// have not joined again yet, innermost last.
    branches: Vec<Branch>,
    /// The caller's context when this frame was called or resumed.
    inherited: Tid,
    /// A labelled value has been in its slots (or a call it made may give
    /// one): every instruction's rule runs. Until then its slots are all
    /// clean and only the instructions that can bring a label in are
    /// looked at (`State::interest`).
    dirty: bool,
}

/// A branch on a labelled condition, until its ways join again.
struct Branch {
    /// The instruction where they join (`None`: at the frame's end).
    join: Option<u32>,
    /// The condition's label.
    taint: Tid,
    /// The stack's height after the branch: what either way left above it
    /// when they join (`a if c else b`) was chosen by the branch.
    height: usize,
}

/// The label of what a frame does now: the labels of the branches it is
/// inside (and its caller was inside).
fn context(labels: &mut Labels, frame: &FrameShadow) -> Tid {
    frame
        .branches
        .iter()
        .fold(frame.inherited.clone(), |acc, branch| {
            labels.union(acc, branch.taint.clone())
        })
}

#[derive(Default)]
struct State {
    options: TaintOptions,
    labels: Labels,
    /// The label of each slot of the VM's value stack, by position (only
    /// those below the running frame's height mean anything).
    slots: Vec<Tid>,
    frames: Vec<FrameShadow>,
    /// What objects carry: attributes, by object and name (`name_key`),
    /// and contents (`CONTENTS`, the items of a container); and module
    /// and class namespaces' names, by the namespace's address and the
    /// name's. Lent to the VM with the slots.
    heap: Box<HeapLabels>,
    sources: Vec<SourceSite>,
    /// Which source label each call site gives, by code object and
    /// instruction (checked against the site: a code object's address can
    /// be reused).
    source_sites: HashMap<(usize, usize), usize, Quick>,
    findings: Vec<Finding>,
    /// The labels of a suspended generator's slots (its locals, cells and
    /// operand stack), by the generator's address, from its `yield` to
    /// its next resumption.
    suspended: HashMap<usize, Vec<Tid>, Quick>,
    /// A source has been called: until then nothing can carry a label,
    /// and only calls are looked at (a source is a call).
    active: bool,
    /// The depth of the frame running now (of the last hook or event).
    current: usize,
    /// What each callable seen is (by the address of what it calls, kept
    /// alive), so names are compared once per callable.
    roles: HashMap<usize, (Value, Roles), Quick>,
    /// Python functions' roles, by code object (see `function_roles`).
    function_roles: HashMap<usize, (Rc<str>, Rc<str>, Roles), Quick>,
    /// With implicit flows, per code object (by address, with its length
    /// as a check): for each instruction, where the ways of a branch
    /// ending its block join again.
    joins: HashMap<usize, (usize, Vec<Option<u32>>), Quick>,
    /// Raised for the VM when `interest` may have changed; what it
    /// depended on when last noted (`interest_key`).
    interest_changed: InterestChanged,
    interest_key: u8,
    /// The interest as last noted (`None`: calls only, before any hook),
    /// computed while the hook has the maps back from the VM: the VM asks
    /// for it after the hook, when `heap` is lent to it.
    interest_now: Option<Interest>,
    /// A labelled value a frame returned or yielded to a caller with no
    /// call of its known (until it is placed, every instruction is looked
    /// at).
    handed_back: Option<HandedBack>,
}

/// A labelled value handed back to a frame by a call the tracker did not
/// see: if the frame's next instruction looked at is the one after that
/// call, the value is its top slot (or went into what that instruction
/// made of it: an operator's result, an attribute's value). Else the
/// frame ran on unwatched (a source first called from Python code that
/// native code ran: the frames below go on in the fused loop until their
/// next call or backward jump) and the label is dropped.
struct HandedBack {
    depth: usize,
    index: usize,
    label: Tid,
}

/// The roles of a callable in the options (indices of the names it
/// matched), and whether it runs Python code.
#[derive(Clone, Copy, Default)]
struct Roles {
    source: Option<usize>,
    sink: Option<usize>,
    sanitizer: bool,
    python: bool,
}

/// The observer; the findings stay readable through
/// [`TaintTracker::results`] after the run.
pub struct TaintTracker {
    state: Rc<RefCell<State>>,
    /// The slots' labels and the frame the VM's loop follows between the
    /// hooks (lent to the VM; taken back into `state` for each hook).
    shadow: Rc<RefCell<LoopShadow>>,
}

/// What a run found: read after it.
pub struct TaintResults {
    state: Rc<RefCell<State>>,
}

impl TaintTracker {
    pub fn new(options: TaintOptions) -> TaintTracker {
        TaintTracker {
            state: Rc::new(RefCell::new(State {
                options,
                ..State::default()
            })),
            shadow: Rc::default(),
        }
    }

    pub fn results(&self) -> TaintResults {
        TaintResults {
            state: self.state.clone(),
        }
    }
}

impl TaintResults {
    pub fn findings(&self) -> Vec<Finding> {
        self.state.borrow().findings.clone()
    }

    /// The findings as text: one paragraph per finding.
    pub fn report(&self) -> String {
        let findings = self.findings();
        let mut out = String::new();
        if findings.is_empty() {
            out.push_str("taint: no labelled value reached a sink\n");
        }
        for finding in findings {
            let _ = writeln!(
                out,
                "taint: {} at {}:{} got a value from {}",
                finding.sink,
                finding.file,
                finding.line,
                finding
                    .sources
                    .iter()
                    .map(|s| format!("{} at {}:{}", s.function, s.file, s.line))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let steps: Vec<String> = finding
                .path
                .iter()
                .map(|(file, line)| format!("{file}:{line}"))
                .collect();
            let _ = writeln!(out, "  through {}", steps.join(" -> "));
        }
        out
    }
}

/// The VM stack's height at `at`.
fn height(at: &InstructionEvent) -> usize {
    at.stack_base + at.stack.len()
}

impl State {
    /// The record of `at`'s frame (a fresh one, its slots clean, when the
    /// frame at that depth is another than last seen).
    #[inline(always)]
    fn frame_index(&mut self, at: &InstructionEvent) -> usize {
        let depth = at.depth;
        let code = at.code as *const _ as usize;
        match self.frames.get(depth) {
            Some(frame) if frame.code == code && frame.base == at.locals_base => depth,
            _ => self.new_frame_record(at),
        }
    }

    #[inline(never)]
    fn new_frame_record(&mut self, at: &InstructionEvent) -> usize {
        let depth = at.depth;
        if self.frames.len() <= depth {
            self.frames.resize_with(depth + 1, FrameShadow::default);
        }
        let file = self.labels.file_id(at.filename);
        self.frames[depth] = FrameShadow {
            code: at.code as *const _ as usize,
            base: at.locals_base,
            file,
            top: at.locals_base,
            ..FrameShadow::default()
        };
        depth
    }

    /// Room for the slots up to `end`.
    #[inline]
    fn reserve(&mut self, end: usize) {
        if self.slots.len() < end {
            self.slots.resize(end + 64, Tid::CLEAN);
        }
    }

    /// The label of `value`: its slot's, and what its object carries.
    fn label(&mut self, slot: Tid, value: &Value) -> Tid {
        self.heap.label(slot, value)
    }

    /// Whether any name has been labelled.
    fn any_names(&self) -> bool {
        self.heap.any_names()
    }

    fn name_label(&self, namespace: usize, name: usize) -> Tid {
        self.heap.name(namespace, name)
    }

    fn set_name_label(&mut self, namespace: usize, name: usize, taint: Tid) {
        self.heap.set_name(namespace, name, taint);
    }

    /// The label of the contents of cell `index` of `at`'s frame.
    fn cell_label(&self, at: &InstructionEvent, index: u32) -> Tid {
        at.cells
            .get(index as usize)
            .map_or(Tid::CLEAN, |cell| self.heap.get(cell, CONTENTS))
    }

    /// Cell `index` of `at`'s frame now holds a value labelled `taint`.
    fn set_cell_label(&mut self, at: &InstructionEvent, index: u32, taint: Tid) {
        if let Some(cell) = at.cells.get(index as usize) {
            self.heap.set(cell, CONTENTS, taint);
        }
    }

    fn attribute(&self, value: &Value, name: usize) -> Tid {
        self.heap.get(value, name)
    }

    fn add_to_object(&mut self, object: &Value, key: usize, taint: Tid) {
        self.heap.add(object, key, taint);
    }

    fn join_of(&mut self, code: &krait_bytecode::CodeObject, index: usize) -> Option<u32> {
        let key = code as *const _ as usize;
        let len = code.instructions.len();
        let (known_len, joins) = self.joins.entry(key).or_insert_with(|| (0, Vec::new()));
        if *known_len != len || joins.len() != len {
            let graph = krait_bytecode::cfg::ControlFlowGraph::new(code);
            let post = graph.immediate_post_dominators();
            let mut by_instruction = vec![None; len];
            for (block, range) in graph.blocks.iter().enumerate() {
                let join = post[block].map(|b| graph.blocks[b].start);
                for slot in &mut by_instruction[range.start as usize..range.end as usize] {
                    *slot = join;
                }
            }
            *known_len = len;
            *joins = by_instruction;
        }
        joins.get(index).copied().flatten()
    }

    /// The roles of `callable`, looked up once per callable (a bound
    /// method's are its function's).
    fn roles(&mut self, callable: &Value) -> Roles {
        let (identity, python) = callable_identity(callable);
        if let Some(PyObject::Function(function)) = identity.as_obj() {
            return self.function_roles(function);
        }
        // A builtin method's roles are its definition's (static): a bound
        // one is made per access and is not kept (it holds its `self`).
        let definition = match identity.as_obj() {
            Some(PyObject::MethodDescriptor(method)) => Some(method.def as *const _ as usize),
            _ => None,
        };
        let key = definition.or_else(|| address(identity));
        if let Some(key) = key
            && let Some((_, roles)) = self.roles.get(&key)
        {
            return *roles;
        }
        let own = callable_names(identity);
        let find = |names: &[String]| names.iter().position(|wanted| own.contains(wanted));
        let roles = Roles {
            source: find(&self.options.sources),
            sink: find(&self.options.sinks),
            sanitizer: find(&self.options.sanitizers).is_some(),
            python,
        };
        if let Some(key) = key {
            let keep = match definition {
                Some(_) => Value::None,
                None => identity.clone(),
            };
            self.roles.insert(key, (keep, roles));
        }
        roles
    }

    /// A Python function's roles, by its code and names: a closure or a
    /// lambda is a new function object per evaluation of its `def`, and
    /// keeping each alive (as the callables in `roles` are) would keep
    /// what they hold. The names are kept, so their addresses cannot be
    /// reused by another function's.
    fn function_roles(&mut self, function: &PyFunction) -> Roles {
        let code = function.code.get() as *const _ as usize;
        if let Some((known_name, known_qualname, roles)) = self.function_roles.get(&code)
            && Rc::ptr_eq(known_name, &function.name.borrow())
            && Rc::ptr_eq(known_qualname, &function.qualname.borrow())
        {
            return *roles;
        }
        let name = function.name.borrow().clone();
        let qualname = function.qualname.borrow().clone();
        let find = |names: &[String]| {
            names
                .iter()
                .position(|wanted| **wanted == *name || **wanted == *qualname)
        };
        let roles = Roles {
            source: find(&self.options.sources),
            sink: find(&self.options.sinks),
            sanitizer: find(&self.options.sanitizers).is_some(),
            python: true,
        };
        self.function_roles.insert(code, (name, qualname, roles));
        roles
    }

    /// The label of source `function` called at `at`: one per call site
    /// (not per call: a source called in a loop would make label sets
    /// grow without end).
    fn source_label(&mut self, function: usize, at: &InstructionEvent) -> usize {
        let key = (at.code as *const _ as usize, at.index);
        let name = &self.options.sources[function];
        if let Some(&label) = self.source_sites.get(&key)
            && let Some(site) = self.sources.get(label)
            && site.function == *name
            && site.line == at.line
            && site.file == at.filename
        {
            return label;
        }
        let site = SourceSite {
            function: name.clone(),
            file: at.filename.to_string(),
            line: at.line,
        };
        let label = match self.sources.iter().position(|known| *known == site) {
            Some(label) => label,
            None => {
                self.sources.push(site);
                self.sources.len() - 1
            }
        };
        self.source_sites.insert(key, label);
        label
    }
}

/// Calls: a source's result, a sink's arguments, a Python callee's
/// parameters and result.
const CALLS: Interest = Interest::only(&[Opcode::Call, Opcode::CallFunctionEx]);

/// Before a source is called: the calls of sources only (the VM runs its
/// fused loop and asks `wants_call` at each call).
const SOURCE_CALLS: Interest = CALLS.filtering_calls();

/// What reads labelled names (and stores that clear them).
const NAMES: Interest = Interest::only(&[
    Opcode::LoadName,
    Opcode::LoadGlobal,
    Opcode::ImportFrom,
    Opcode::StoreName,
    Opcode::StoreGlobal,
]);

/// What reads objects (attributes, contents): looked at in a clean frame
/// while any object or module name carries a label, and gated there
/// (`Interest::gating`: a clean object gives clean values).
const OBJECT_READS: &[Opcode] = &[
    // (A cell's contents: a store into a labelled one clears it.)
    Opcode::LoadDeref,
    Opcode::StoreDeref,
    Opcode::LoadClassDeref,
    Opcode::LoadAttr,
    Opcode::LoadMethod,
    Opcode::BinarySubscr,
    Opcode::GetIter,
    Opcode::GetAiter,
    Opcode::ForIter,
    Opcode::UnpackSequence,
];

const OBJECTS: Interest = Interest::only(OBJECT_READS);

impl State {
    /// What `interest` depends on, in a byte: whether a source was
    /// called, which kind of frame runs now (labelled or all clean), and
    /// whether any name or object carries a label.
    #[inline]
    fn interest_key(&self) -> u8 {
        if !self.active {
            return 0;
        }
        if self.options.implicit || self.handed_back.is_some() {
            return 1;
        }
        match self.frames.get(self.current) {
            Some(frame) if !frame.dirty => {
                2 | u8::from(self.any_names()) << 2
                    | u8::from(!self.heap.is_empty() || self.heap.any_names()) << 3
            }
            _ => 1,
        }
    }

    /// Tells the VM when the interest changed (after each hook: the VM
    /// asks for it only then).
    #[inline]
    fn note_interest(&mut self) {
        let key = self.interest_key();
        if key != self.interest_key {
            self.interest_key = key;
            self.interest_now = Some(self.interest());
            self.interest_changed.raise();
        }
    }

    /// What to look at: calls only until a source is called; then, in a
    /// frame whose slots are all clean, only what can bring a label into
    /// it (the other rules would give clean results); else everything.
    fn interest(&self) -> Interest {
        if !self.active {
            // Nothing carries a label before a source is called.
            return SOURCE_CALLS;
        }
        let all = Interest::ALL.without_lines();
        if self.options.implicit || self.handed_back.is_some() {
            return all;
        }
        match self.frames.get(self.current) {
            Some(frame) if !frame.dirty => {
                let mut interest = Interest::frames_and(&[]).with(CALLS);
                if self.any_names() {
                    interest = interest.with(NAMES);
                }
                // (A module's attributes are its names.)
                if !self.heap.is_empty() || self.heap.any_names() {
                    interest = interest.with(OBJECTS);
                }
                // Only a labelled object, or a call of a source, sink or
                // sanitizer, brings a label into a clean frame: the VM
                // skips the other hooks (`wants_call` answers for calls;
                // with clean arguments, what a Python callee returns
                // labelled comes back by its `Return` event).
                interest.gating(OBJECT_READS).gating(&[Opcode::Call])
            }
            // A labelled frame: every rule runs, those that only move
            // values by the VM itself (see `OWN_RULES`).
            _ => all.deferring_all_but(OWN_RULES),
        }
    }

    /// The frame the VM's loop took back (`TaintTracker::with_state`): its
    /// height and whether it pushed a label, as the loop's rules left them,
    /// and whether the loop gave its call's result its label.
    #[inline]
    fn absorb(&mut self, followed: ShadowFrame) {
        if followed.entered {
            self.entered_frame(&followed);
        }
        if let Some(frame) = self.frames.get_mut(followed.depth)
            && frame.code == followed.code
            && frame.base == followed.base
        {
            frame.top = followed.top;
            frame.dirty |= followed.dirty;
            if followed.took_result {
                // The loop gave the pending call's result to its slot.
                frame.pending = None;
            }
            match followed.result {
                None => frame.pending = None,
                // A native call the loop followed by itself
                // (`Vm::shadow_native_call`), not done yet: it may call
                // Python code back, which gets the arguments' union.
                Some(all) if frame.pending.is_none() => {
                    frame.pending = Some(PendingCall {
                        args: Vec::new(),
                        positional: None,
                        all,
                        source: None,
                        sanitizer: false,
                        python: false,
                        native: true,
                        returned: None,
                        height: followed.top,
                    });
                }
                Some(_) => {}
            }
        }
    }

    /// A frame the VM's loop entered by itself (`ShadowFrame::entered`):
    /// a new record, its slots as the loop left them.
    fn entered_frame(&mut self, entered: &ShadowFrame) {
        if self.frames.len() <= entered.depth {
            self.frames
                .resize_with(entered.depth + 1, FrameShadow::default);
        }
        self.frames[entered.depth] = FrameShadow {
            code: entered.code,
            base: entered.base,
            file: entered.file,
            top: entered.top,
            dirty: entered.dirty,
            ..FrameShadow::default()
        };
    }

    /// A frame the VM's loop followed into a call of a Python function
    /// (`Shadow::callers`): it waits for the call's result, which the
    /// callee's `Return` gives.
    fn absorb_caller(&mut self, caller: ShadowFrame) {
        match caller.entered {
            true => self.entered_frame(&caller),
            false => self.absorb(caller.clone()),
        }
        if let Some(frame) = self.frames.get_mut(caller.depth)
            && frame.code == caller.code
            && frame.base == caller.base
        {
            frame.top = caller.top;
            frame.pending = Some(PendingCall {
                args: Vec::new(),
                positional: None,
                all: Tid::CLEAN,
                source: None,
                sanitizer: false,
                python: true,
                native: false,
                returned: None,
                height: caller.top,
            });
        }
    }

    /// The frame the VM's loop may follow on its own until the next hook:
    /// the running one if it has held a label, unless a call of it waits
    /// for its result (the label the callee returned goes to the result),
    /// or the run follows branches (`implicit`: every store carries their
    /// context). A clean frame is not followed: its interest hooks what
    /// can bring a label in (and the VM's mask may still be its caller's,
    /// until the hook after its first instruction).
    #[inline]
    fn frame_to_follow(&self) -> Option<ShadowFrame> {
        if !self.active || self.options.implicit || self.handed_back.is_some() {
            return None;
        }
        let frame = self.frames.get(self.current)?;
        if frame.code == 0 || !frame.dirty {
            return None;
        }
        // A call's result whose label is known (a source's; a Python
        // callee's once it returned; a native callee's, which may call
        // Python back, once it is done: the frame runs again) goes with
        // it.
        let result = match &frame.pending {
            None => None,
            Some(call) if call.height != frame.top => return None,
            Some(call) if call.sanitizer => Some(Tid::CLEAN),
            Some(PendingCall {
                source: Some(born), ..
            }) => Some(born.clone()),
            Some(call) => match (&call.returned, call.python) {
                (Some(returned), _) => Some(returned.clone()),
                (None, false) => Some(call.all.clone()),
                (None, true) => return None,
            },
        };
        Some(ShadowFrame {
            depth: self.current,
            code: frame.code,
            base: frame.base,
            file: frame.file,
            top: frame.top,
            dirty: false,
            result,
            entered: false,
            took_result: false,
        })
    }
}

/// The instructions with a rule of their own (`has_own_rule`) that the
/// VM's shadow does not apply: iteration, `raise`, calls. Their
/// hooks come one by one, before they run (a return's or a yield's rule
/// does nothing: the frame event after it hands the value's label on).
/// The VM's shadow applies the others' rules itself
/// (`krait_vm::interpreter::shadow::Shadow::step`: fast locals,
/// constants, module names, attributes, subscripts, stores into
/// containers, unpacking, operators, building), which saves a call per
/// instruction; its rules
/// are this tracker's (`Shadow::step` here, for the same instructions).
const OWN_RULES: &[Opcode] = &[
    Opcode::LoadClassDeref,
    Opcode::ForIter,
    Opcode::RaiseVarargs,
    Opcode::Call,
    Opcode::CallFunctionEx,
];

impl TaintTracker {
    /// Runs `hook` on the state with the slots and the frame the VM's
    /// loop followed taken back, then lends them again (with the frame
    /// the loop may follow next, if any).
    #[inline]
    fn with_state(&self, hook: impl FnOnce(&mut State)) -> PyResult<()> {
        let mut state = self.state.borrow_mut();
        let state = &mut *state;
        let mut shadow = self.shadow.borrow_mut();
        std::mem::swap(&mut state.slots, &mut shadow.slots);
        std::mem::swap(&mut state.heap, &mut shadow.heap);
        for caller in shadow.callers.drain(..) {
            state.absorb_caller(caller);
        }
        if let Some(followed) = shadow.frame.take() {
            state.absorb(followed);
        }
        hook(state);
        state.note_interest();
        std::mem::swap(&mut state.slots, &mut shadow.slots);
        std::mem::swap(&mut state.heap, &mut shadow.heap);
        shadow.frame = state.frame_to_follow();
        Ok(())
    }
}

impl Observer for TaintTracker {
    fn interest(&self) -> Interest {
        self.state.borrow().interest_now.unwrap_or(SOURCE_CALLS)
    }

    fn interest_changed(&self) -> Option<InterestChanged> {
        Some(self.state.borrow().interest_changed.clone())
    }

    fn shadow(&self) -> Option<Rc<RefCell<LoopShadow>>> {
        Some(self.shadow.clone())
    }

    /// Before a source was called: whether `callable` is one. After, in
    /// a clean frame: whether it is a source, a sink or a sanitizer.
    fn wants_call(&mut self, callable: &Value) -> bool {
        let mut state = self.state.borrow_mut();
        let roles = state.roles(callable);
        roles.source.is_some() || (state.active && (roles.sink.is_some() || roles.sanitizer))
    }

    fn event(&mut self, event: Event, at: &InstructionEvent) -> PyResult<()> {
        if !self.state.borrow().active {
            return Ok(());
        }
        self.with_state(|state| frame_event(state, event, at))
    }

    fn instruction(&mut self, at: &InstructionEvent) -> PyResult<()> {
        {
            let mut state = self.state.borrow_mut();
            if !state.active && !source_called(&mut state, at) {
                // Nothing carries a label yet: only a source's call
                // matters (and the VM holds nothing of the tracker's).
                return Ok(());
            }
        }
        self.with_state(|state| instruction(state, at, height(at)))
    }
}

/// Before any source was called: whether instruction `at` calls one (and
/// then the tracker is active from now on).
fn source_called(state: &mut State, at: &InstructionEvent) -> bool {
    let span = match at.instruction {
        Instruction::Call(argc) => argc as usize + 2,
        Instruction::CallFunctionEx(has_kwargs) => 3 + has_kwargs as usize,
        _ => return false,
    };
    let called = &at.stack[at.stack.len().saturating_sub(span)..];
    match callable_of(called) {
        Some(callable) if state.roles(callable).source.is_some() => {
            state.active = true;
            true
        }
        _ => false,
    }
}

/// A frame event, once a source was called.
fn frame_event(state: &mut State, event: Event, at: &InstructionEvent) {
    {
        state.current = match event {
            Event::Return(_) | Event::Yield(_) | Event::Unwind(_) => at.depth.saturating_sub(1),
            _ => at.depth,
        };
        match event {
            Event::Call | Event::Resume => frame_starts(state, event, at),
            Event::Return(_) | Event::Yield(_) => {
                let top = height(at);
                // A frame that never held a label (or one with no record:
                // it started before the first source call and was not
                // looked at since) gives back a clean value; its slots
                // were not kept up to date.
                let labelled = state.frames.get(at.depth).is_some_and(|frame| {
                    frame.dirty
                        && frame.code == at.code as *const _ as usize
                        && frame.base == at.locals_base
                });
                let returned = match state.frames.get(at.depth) {
                    Some(frame) => {
                        let value = match at.stack.is_empty() || !labelled {
                            true => Tid::CLEAN,
                            false => state.slots.get(top - 1).cloned().unwrap_or_default(),
                        };
                        // What a frame returns inside a labelled branch
                        // tells which way it went.
                        let context = match state.options.implicit {
                            true => context(&mut state.labels, frame),
                            false => Tid::CLEAN,
                        };
                        state.labels.union(value, context)
                    }
                    None => Tid::CLEAN,
                };
                let returned = match state.frames.get(at.depth) {
                    Some(frame) if frame.code == at.code as *const _ as usize => {
                        state.labels.through_file(returned, frame.file, at.line)
                    }
                    _ => state.labels.through(returned, at.filename, at.line),
                };
                let caller = at.depth.checked_sub(1);
                match caller.and_then(|d| state.frames.get_mut(d)) {
                    Some(frame) if frame.pending.as_ref().is_some_and(|call| call.python) => {
                        // The caller's next instruction labels its result.
                        frame.dirty |= !returned.is_clean();
                        if let Some(call) = frame.pending.as_mut() {
                            call.returned = Some(returned);
                        }
                    }
                    // Native code called this frame back (a sort key,
                    // `list` over a generator): what it makes carries
                    // what the frame gave it.
                    Some(frame) if frame.pending.is_some() => {
                        if !returned.is_clean()
                            && let Some(call) = frame.pending.as_mut()
                        {
                            let all = std::mem::take(&mut call.all);
                            call.all = state.labels.union(all, returned);
                            frame.dirty = true;
                        }
                    }
                    // No call of the caller's is known: it was made before
                    // the source was first called, or by an instruction
                    // not looked at (FOR_ITER over a generator in a clean
                    // frame, an operator or attribute running Python
                    // code). The value reaches the caller's top where its
                    // next instruction looked at finds it.
                    _ if !returned.is_clean() => {
                        state.handed_back = match (caller, at.caller_resumes_at) {
                            (Some(depth), Some(index)) => Some(HandedBack {
                                depth,
                                index,
                                label: returned,
                            }),
                            _ => None,
                        };
                    }
                    _ => {}
                }
                if matches!(event, Event::Return(_))
                    && let Some(frame) = state.frames.get_mut(at.depth)
                {
                    *frame = FrameShadow::default();
                }
                // A generator keeps its slots' labels while suspended.
                if let Some(generator) = at.generator.and_then(address) {
                    match event {
                        Event::Yield(_) => {
                            // (The vector of its last suspension is reused.)
                            let saved = state.suspended.entry(generator).or_default();
                            saved.clear();
                            if labelled {
                                saved.extend_from_slice(&state.slots[at.locals_base..top]);
                            }
                        }
                        _ => {
                            state.suspended.remove(&generator);
                        }
                    }
                }
            }
            Event::Unwind(_) => {
                if let Some(frame) = state.frames.get_mut(at.depth) {
                    *frame = FrameShadow::default();
                }
                if let Some(generator) = at.generator.and_then(address) {
                    state.suspended.remove(&generator);
                }
            }
            _ => {}
        }
    }
}

/// Instruction `at`'s rule, once a source was called; `top` is the VM
/// stack's height before it.
#[inline]
fn instruction(state: &mut State, at: &InstructionEvent, top: usize) {
    let fi = state.frame_index(at);
    state.current = fi;
    rule(state, at, fi, top);
}

/// Instruction `at`'s rule in the frame whose record is `fi`.
#[inline]
fn rule(state: &mut State, at: &InstructionEvent, fi: usize, top: usize) {
    {
        // Room for what the instruction pushes (UNPACK_SEQUENCE's items
        // grow it further as they go).
        state.reserve(top + 4);
        let frame = &mut state.frames[fi];
        // A clean frame's slots are all clean (the rules of its
        // instructions not looked at left nothing in them).
        let stale = match frame.dirty {
            true => frame.top.max(at.locals_base),
            false => at.locals_base,
        };
        if top > stale {
            // Pushed by the VM, not by an instruction: a handler's
            // exception, a resumed generator's sent value.
            state.slots[stale..top].fill(Tid::CLEAN);
        }
        // A value came back from a frame called in a way not looked at:
        // it is on top (or in what the instruction that called it made).
        if let Some(back) = state.handed_back.take()
            && back.depth == fi
            && back.index == at.index
            && top > at.locals_base
        {
            frame.dirty = true;
            let slot = std::mem::take(&mut state.slots[top - 1]);
            state.slots[top - 1] = state.labels.union(slot, back.label);
        }
        let frame = &mut state.frames[fi];
        // A call this frame made has come back: its result is on top.
        if frame.pending.is_some()
            && let Some(call) = frame.pending.take()
            && call.height == top
        {
            let result = if call.sanitizer {
                Tid::CLEAN
            } else if let Some(born) = call.source {
                born
            } else {
                call.returned.unwrap_or(call.all)
            };
            frame.dirty |= !result.is_clean();
            state.slots[top - 1] = result;
        }
        let context = match state.options.implicit {
            true => implicit_context(state, fi, at),
            false => Tid::CLEAN,
        };
        let mut shadow = Shadow {
            state,
            at,
            fi,
            sp: top,
            context,
        };
        shadow.step();
        let frame = &mut shadow.state.frames[fi];
        frame.top = shadow.sp;
        if let Some(call) = &frame.pending
            && (call.source.is_some() || !call.all.is_clean())
        {
            // Its result will be labelled (by the next instruction).
            frame.dirty = true;
        }
    }
}

/// A frame starts (`Call`) or continues after a `yield` (`Resume`): its
/// parameters get the labels of the arguments they were bound to (found by
/// identity among the caller's); its other slots are clean.
fn frame_starts(state: &mut State, event: Event, at: &InstructionEvent) {
    let generator = at.code.flags.contains(CodeFlags::GENERATOR)
        || at.code.flags.contains(CodeFlags::COROUTINE)
        || at.code.flags.contains(CodeFlags::ASYNC_GENERATOR);
    let top = height(at);
    state.reserve(top.max(at.locals_base + at.locals.len()));
    let caller = at.depth.checked_sub(1);
    // A generator going on after a `yield`: its slots as it left them;
    // the value sent in (the top) carries what the resuming call was
    // given (`send(value)`; `next(g)` and FOR_ITER send None).
    let suspended_as = at.generator.and_then(address);
    if let (Event::Resume, Some(saved)) =
        (event, suspended_as.and_then(|g| state.suspended.get(&g)))
    {
        let end = top.saturating_sub(1).max(at.locals_base);
        let mut dirty = false;
        for (i, slot) in state.slots[at.locals_base..end].iter_mut().enumerate() {
            *slot = saved.get(i).cloned().unwrap_or_default();
            dirty |= !slot.is_clean();
        }
        let sent = caller
            .and_then(|d| state.frames.get(d))
            .and_then(|f| f.pending.as_ref())
            .map(|call| call.all.clone())
            .unwrap_or_default();
        dirty |= !sent.is_clean();
        state.slots[end..top].fill(sent);
        let fi = state.frame_index(at);
        let file = state.frames[fi].file;
        state.frames[fi] = FrameShadow {
            code: at.code as *const _ as usize,
            base: at.locals_base,
            file,
            top,
            dirty,
            ..FrameShadow::default()
        };
        return;
    }
    // A new generator at the address of one that never finished.
    if let Some(generator) = suspended_as {
        state.suspended.remove(&generator);
    }
    let mut dirty = false;
    // (A record of the same code's, or a new one: the file is the same.)
    let fi = state.frame_index(at);
    let file = state.frames[fi].file;
    for (i, value) in at.locals.iter().enumerate() {
        let call = caller
            .and_then(|d| state.frames.get(d))
            .and_then(|f| f.pending.as_ref());
        let taint = match call {
            Some(_) if matches!(value, Value::Null) => Tid::CLEAN,
            // A generator's frame starts when it is first resumed, not
            // called: its parameters get the label its object got from
            // the call's arguments.
            Some(call) if generator && matches!(event, Event::Call) => call.all.clone(),
            // Bound where the arguments lay: the parameter's own argument,
            // or its default.
            Some(PendingCall {
                positional: Some((first, count)),
                args,
                ..
            }) if *first == at.locals_base && i < at.code.argcount as usize => {
                let position = at.locals_base + i;
                match i < *count {
                    true => args
                        .iter()
                        .find(|(at, _, _)| *at == position)
                        .map_or(Tid::CLEAN, |(_, _, taint)| taint.clone()),
                    false => Tid::CLEAN,
                }
            }
            Some(call) => match call.args.iter().find(|(_, arg, _)| arg.is(value)) {
                Some((_, _, taint)) => taint.clone(),
                // Called back by native code with what it made of its
                // arguments (an item of a labelled list).
                None if call.native => call.all.clone(),
                None => Tid::CLEAN,
            },
            None => Tid::CLEAN,
        };
        let taint = state.labels.through_file(taint, file, at.first_line);
        dirty |= !taint.is_clean();
        state.slots[at.locals_base + i] = taint;
    }
    state.slots[at.locals_base + at.locals.len()..top].fill(Tid::CLEAN);
    // A parameter a closure captures lives in a cell from the start.
    for (cell, arg) in at.code.cell_args() {
        if let Some(cell) = at.cells.get(cell) {
            let taint = state.slots[at.locals_base + arg].clone();
            state.heap.set(cell, CONTENTS, taint);
        }
    }
    let inherited = match (state.options.implicit, caller) {
        (true, Some(d)) if d < state.frames.len() => context(&mut state.labels, &state.frames[d]),
        _ => Tid::CLEAN,
    };
    state.frames[fi] = FrameShadow {
        code: at.code as *const _ as usize,
        base: at.locals_base,
        file,
        top,
        dirty: dirty || !inherited.is_clean(),
        inherited,
        ..FrameShadow::default()
    };
}

/// With implicit flows, before instruction `at` runs: ends the branches
/// whose ways join here, starts one when `at` branches on a labelled
/// condition, and gives the frame's context (what its stores, returns and
/// sink calls carry besides their values' labels).
fn implicit_context(state: &mut State, fi: usize, at: &InstructionEvent) -> Tid {
    let index = at.index as u32;
    let top = height(at);
    let (condition, branch_height) = match at.instruction {
        Instruction::PopJumpIfFalse(_)
        | Instruction::PopJumpIfTrue(_)
        | Instruction::PopJumpIfNone(_)
        | Instruction::PopJumpIfNotNone(_)
        | Instruction::JumpIfFalseOrPop(_)
        | Instruction::JumpIfTrueOrPop(_)
        // Whether a loop runs once more depends on what it iterates (the
        // iterator stays below what the loop pushes).
        | Instruction::ForIter(_) if !at.stack.is_empty() => {
            let value = at.stack.last().cloned().unwrap_or(Value::None);
            let slot = state.slots[top - 1].clone();
            let kept = usize::from(matches!(at.instruction, Instruction::ForIter(_)));
            (state.label(slot, &value), top + kept - 1)
        }
        _ => (Tid::CLEAN, 0),
    };
    let join = match condition.is_clean() {
        false => state.join_of(at.code, at.index),
        true => None,
    };
    let State {
        frames,
        labels,
        slots,
        ..
    } = state;
    let frame = &mut frames[fi];
    // Branches whose ways join here end; what they left on the stack
    // carries their label.
    frame.branches.retain(|branch| {
        if branch.join != Some(index) {
            return true;
        }
        for slot in slots.iter_mut().take(top).skip(branch.height) {
            *slot = labels.union(std::mem::take(slot), branch.taint.clone());
        }
        false
    });
    if !condition.is_clean() {
        let condition = labels.through(condition, at.filename, at.line);
        // A loop's test branches on every pass: one entry per join.
        match frame.branches.iter_mut().find(|branch| branch.join == join) {
            Some(branch) => {
                branch.taint = labels.union(std::mem::take(&mut branch.taint), condition)
            }
            None => frame.branches.push(Branch {
                join,
                taint: condition,
                height: branch_height,
            }),
        }
    }
    context(labels, frame)
}

/// Whether `Shadow::step` has a rule of its own for instructions with
/// this opcode (not the generic one: results carry the union of what it
/// consumed). Those the VM's shadow does not know too are `OWN_RULES`.
#[cfg(test)]
fn has_own_rule(opcode: Opcode) -> bool {
    matches!(
        opcode,
        Opcode::LoadFast
            | Opcode::StoreFast
            | Opcode::DeleteFast
            | Opcode::LoadConst
            | Opcode::LoadName
            | Opcode::LoadGlobal
            | Opcode::StoreName
            | Opcode::StoreGlobal
            | Opcode::LoadAttr
            | Opcode::LoadMethod
            | Opcode::StoreAttr
            | Opcode::BinarySubscr
            | Opcode::StoreSubscr
            | Opcode::ListAppend
            | Opcode::SetAdd
            | Opcode::MapAdd
            | Opcode::GetIter
            | Opcode::GetAiter
            | Opcode::ForIter
            | Opcode::UnpackSequence
            | Opcode::ImportFrom
            | Opcode::LoadDeref
            | Opcode::LoadClassDeref
            | Opcode::StoreDeref
            | Opcode::RaiseVarargs
            | Opcode::ReturnValue
            | Opcode::YieldValue
            | Opcode::Call
            | Opcode::CallFunctionEx
    )
}

/// One instruction's rule run on the shadow of its frame's slots.
struct Shadow<'s, 'a> {
    state: &'s mut State,
    at: &'s InstructionEvent<'a>,
    /// The frame's index (its record holds the call the instruction
    /// makes).
    fi: usize,
    /// The shadow stack's height (its top slot is `sp - 1`).
    sp: usize,
    /// The label of the branches the instruction is inside.
    context: Tid,
}

impl Shadow<'_, '_> {
    #[inline]
    fn pop(&mut self) -> Tid {
        if self.sp <= self.at.stack_base {
            return Tid::CLEAN;
        }
        self.sp -= 1;
        std::mem::take(&mut self.state.slots[self.sp])
    }

    #[inline]
    fn push(&mut self, taint: Tid) {
        if !taint.is_clean() {
            self.state.frames[self.fi].dirty = true;
        }
        if self.sp == self.state.slots.len() {
            self.state.slots.push(taint);
        } else {
            self.state.slots[self.sp] = taint;
        }
        self.sp += 1;
    }

    /// The label of the slot `depth` from the top (1: the top).
    fn peek(&self, depth: usize) -> Tid {
        match self.sp.checked_sub(depth) {
            Some(i) if i >= self.at.stack_base => self.state.slots[i].clone(),
            _ => Tid::CLEAN,
        }
    }

    /// The real value `depth` from the top of the stack.
    fn value_at(&self, depth: usize) -> Value {
        let values = self.at.stack;
        values
            .get(values.len().wrapping_sub(depth))
            .cloned()
            .unwrap_or(Value::None)
    }

    /// What a store stores: the value's label and its context's.
    fn stored(&mut self) -> Tid {
        let value = self.pop();
        let stored = self.state.labels.union(value, self.context.clone());
        let file = self.state.frames[self.fi].file;
        self.state.labels.through_file(stored, file, self.at.line)
    }

    fn union(&mut self, a: Tid, b: Tid) -> Tid {
        self.state.labels.union(a, b)
    }

    fn namespace(&self) -> usize {
        address(self.at.globals).unwrap_or(0)
    }

    fn local(&self, i: usize) -> Option<usize> {
        (i < self.at.locals.len()).then_some(self.at.locals_base + i)
    }

    fn step(&mut self) {
        let at = self.at;
        // (Every arm but the last is listed in `has_own_rule`.)
        match at.instruction {
            Instruction::LoadFast(i) => {
                let taint = self
                    .local(i.0 as usize)
                    .map_or(Tid::CLEAN, |slot| self.state.slots[slot].clone());
                self.push(taint);
            }
            Instruction::StoreFast(i) => {
                let taint = self.stored();
                if let Some(slot) = self.local(i.0 as usize) {
                    self.state.slots[slot] = taint;
                }
            }
            Instruction::DeleteFast(i) => {
                if let Some(slot) = self.local(i.0 as usize) {
                    self.state.slots[slot] = Tid::CLEAN;
                }
            }
            Instruction::LoadConst(_) => self.push(Tid::CLEAN),
            Instruction::LoadName(i) | Instruction::LoadGlobal(i) => {
                let taint = self.state.name_label(self.namespace(), name_key(at, i.0));
                self.push(taint);
            }
            Instruction::StoreName(i) | Instruction::StoreGlobal(i) => {
                let taint = self.stored();
                let namespace = self.namespace();
                self.state
                    .set_name_label(namespace, name_key(at, i.0), taint);
            }
            Instruction::LoadAttr(i) => {
                let object = self.value_at(1);
                let slot = self.pop();
                let own = self.state.label(slot, &object);
                let attribute = self.state.attribute(&object, name_key(at, i.0));
                let taint = self.union(own, attribute);
                self.push(taint);
            }
            Instruction::ImportFrom(i) => {
                // The module stays; the name's value is pushed.
                let module = self.value_at(1);
                let own = self.state.label(self.peek(1), &module);
                let name = self.state.attribute(&module, name_key(at, i.0));
                let taint = self.union(own, name);
                self.push(taint);
            }
            Instruction::LoadMethod(i) => {
                let object = self.value_at(1);
                let slot = self.pop();
                let own = self.state.label(slot, &object);
                let attribute = self.state.attribute(&object, name_key(at, i.0));
                let method = self.union(own.clone(), attribute);
                self.push(method);
                self.push(own);
            }
            Instruction::StoreAttr(i) => {
                // [value, object]
                let object = self.value_at(1);
                self.pop();
                let taint = self.stored();
                self.state.add_to_object(&object, name_key(at, i.0), taint);
            }
            Instruction::BinarySubscr => {
                let container = self.value_at(2);
                self.pop();
                let slot = self.pop();
                let taint = self.state.label(slot, &container);
                self.push(taint);
            }
            Instruction::StoreSubscr => {
                // [value, container, key]
                let container = self.value_at(2);
                let key = self.pop();
                self.pop();
                let value = self.pop();
                let value = self.union(value, self.context.clone());
                let taint = self.union(value, key);
                let file = self.state.frames[self.fi].file;
                let taint = self.state.labels.through_file(taint, file, at.line);
                self.state.add_to_object(&container, CONTENTS, taint);
            }
            Instruction::ListAppend(depth) | Instruction::SetAdd(depth) => {
                let depth = depth.0 as usize;
                let container = self.value_at(depth + 1);
                let item = self.stored();
                self.state.add_to_object(&container, CONTENTS, item.clone());
                self.add_below(depth, item);
            }
            Instruction::MapAdd(depth) => {
                let depth = depth.0 as usize;
                let container = self.value_at(depth + 2);
                let value = self.stored();
                let key = self.pop();
                let item = self.union(key, value);
                self.state.add_to_object(&container, CONTENTS, item.clone());
                self.add_below(depth, item);
            }
            Instruction::GetIter | Instruction::GetAiter => {
                let iterable = self.value_at(1);
                let slot = self.pop();
                let taint = self.state.label(slot, &iterable);
                self.push(taint);
            }
            Instruction::ForIter(_) => {
                let iterator = self.value_at(1);
                let taint = self.state.label(self.peek(1), &iterator);
                // A generator it resumes yields its own label (see
                // `Event::Yield`).
                self.state.frames[self.fi].pending = Some(PendingCall {
                    args: Vec::new(),
                    positional: None,
                    all: taint,
                    source: None,
                    sanitizer: false,
                    python: true,
                    // `map`, `filter` and other native iterators call
                    // Python functions back with what they were made of.
                    native: true,
                    returned: None,
                    height: self.sp + 1,
                });
                self.push(Tid::CLEAN);
            }
            Instruction::UnpackSequence(count) => {
                let sequence = self.value_at(1);
                let slot = self.pop();
                let taint = self.state.label(slot, &sequence);
                for _ in 0..count {
                    self.push(taint.clone());
                }
            }
            // Cells, by their object (the closures that share one share
            // its label): the label last stored in it.
            Instruction::LoadDeref(i) | Instruction::LoadClassDeref(i) => {
                let taint = self.state.cell_label(at, i.0);
                self.push(taint);
            }
            Instruction::StoreDeref(i) => {
                let taint = self.stored();
                self.state.set_cell_label(at, i.0, taint);
            }
            // A raised exception keeps the label of the value it was made
            // from, on the exception object (what a handler finds).
            Instruction::RaiseVarargs(_) => {
                if let Some(exception) = at.stack.last() {
                    let taint = self.peek(1);
                    self.state.add_to_object(exception, CONTENTS, taint);
                }
                let effect = at.instruction.stack_effect();
                for _ in 0..effect.pops {
                    self.pop();
                }
            }
            // The value stays for the return or yield event, which hands
            // its label to the caller (the frame is done or reset after).
            Instruction::ReturnValue | Instruction::YieldValue => {}
            Instruction::Call(argc) => self.call(argc as usize + 2, false),
            Instruction::CallFunctionEx(has_kwargs) => self.call(3 + has_kwargs as usize, true),
            _ => {
                // Everything else: its results carry what it consumed.
                let effect = at.instruction.stack_effect();
                let mut taint = Tid::CLEAN;
                for _ in 0..effect.pops {
                    let popped = self.pop();
                    taint = self.union(taint, popped);
                }
                for _ in 0..effect.pushes {
                    self.push(taint.clone());
                }
            }
        }
    }

    /// A comprehension's item added to the container `depth` below the
    /// top: the container's slot carries it too.
    fn add_below(&mut self, depth: usize, item: Tid) {
        if let Some(index) = self.sp.checked_sub(depth)
            && index >= self.at.stack_base
        {
            let old = std::mem::take(&mut self.state.slots[index]);
            self.state.slots[index] = self.state.labels.union(old, item);
        }
    }

    /// CALL (`span` values: NULL or method, callable or self, arguments)
    /// and CALL_FUNCTION_EX (NULL, callable, the argument tuple, the
    /// mapping).
    fn call(&mut self, span: usize, unpacked: bool) {
        let at = self.at;
        let values = at.stack;
        let called = &values[values.len().saturating_sub(span)..];
        let first = self.sp.saturating_sub(called.len()).max(at.stack_base);
        // `[NULL, callable, args]` or `[method, self, args]`.
        let (callable, receiver, skip) = match called.first() {
            Some(Value::Null) | None => (called.get(1), None, 2),
            Some(method) => (Some(method), called.get(1), 1),
        };
        let callable = callable.cloned().unwrap_or(Value::None);
        let arguments = called.get(skip..).unwrap_or(&[]);
        let mut args: Vec<(usize, Argument, Tid)> = Vec::new();
        let mut all = Tid::CLEAN;
        let mut given = Tid::CLEAN;
        for (n, value) in arguments.iter().enumerate() {
            let slot = self.state.slots[first + skip + n].clone();
            let mut taint = self.state.label(slot, value);
            if unpacked {
                // The items of `*args` and the values of `**kwargs`.
                let contents = self.state.label(Tid::CLEAN, value);
                taint = self.union(taint, contents);
            }
            if taint.is_clean() {
                continue;
            }
            let file = self.state.frames[self.fi].file;
            let taint = self.state.labels.through_file(taint, file, at.line);
            all = self.union(all, taint.clone());
            if n > 0 || receiver.is_none() {
                given = self.union(given, taint.clone());
            }
            args.push((first + skip + n, Argument::of(value), taint));
        }
        // The callable's own label (a bound method of a labelled string).
        let callable_taint = match receiver {
            None => self.state.slots[first + 1].clone(),
            Some(_) => self.state.slots[first].clone(),
        };
        all = self.union(all, callable_taint);
        let roles = self.state.roles(&callable);
        // A sink called inside a labelled branch tells which way it went.
        let reached = self.union(all.clone(), self.context.clone());
        if let Some(sink) = roles.sink
            && !reached.is_clean()
        {
            self.report(sink, reached);
        }
        // A native method given a labelled value keeps it (`list.append`).
        if let Some(receiver) = receiver
            && !roles.python
        {
            self.state.add_to_object(receiver, CONTENTS, given);
        }
        let source = roles.source.map(|function| {
            let label = self.state.source_label(function, at);
            self.state.labels.birth(label, at.filename, at.line)
        });
        let keywords =
            at.index > 0 && matches!(at.code.instructions[at.index - 1], Instruction::KwNames(_));
        let positional =
            (roles.python && !unpacked && !keywords).then(|| (first + skip, arguments.len()));
        self.sp = first;
        self.state.frames[self.fi].pending = Some(PendingCall {
            args,
            positional,
            all,
            source,
            sanitizer: roles.sanitizer,
            python: roles.python,
            native: !roles.python && !matches!(callable.as_obj(), Some(PyObject::Type(_))),
            returned: None,
            height: first + 1,
        });
        self.push(Tid::CLEAN);
    }

    fn report(&mut self, sink: usize, reached: Tid) {
        let at = self.at;
        let state = &mut *self.state;
        let reached = state.labels.through(reached, at.filename, at.line);
        let sources = Labels::labels(&reached)
            .filter_map(|label| state.sources.get(label).cloned())
            .collect();
        let finding = Finding {
            sink: state.options.sinks[sink].clone(),
            file: at.filename.to_string(),
            line: at.line,
            sources,
            path: state
                .labels
                .path(&reached)
                .iter()
                .map(|(file, line)| (file.to_string(), *line))
                .collect(),
        };
        // The same flow again (a sink called in a loop) is one finding.
        if !state.findings.contains(&finding) {
            state.findings.push(finding);
        }
    }
}

/// The key of name `index` of `at`'s code: the address of the VM's
/// interned `str` for it (one object per name in a VM, never freed while
/// it runs); `CONTENTS` for an index out of range (as an empty name was).
fn name_key(at: &InstructionEvent, index: u32) -> usize {
    names_key(at.names, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every instruction with a rule of its own is hooked, except those
    /// whose rule the VM's shadow applies the same way (fast locals and
    /// constants): no instruction is followed by the VM's generic rule
    /// when the tracker has another.
    #[test]
    fn own_rules_are_hooked() {
        let shadowed = [
            Opcode::LoadFast,
            Opcode::StoreFast,
            Opcode::DeleteFast,
            Opcode::LoadConst,
            Opcode::LoadAttr,
            Opcode::LoadMethod,
            Opcode::StoreAttr,
            Opcode::BinarySubscr,
            Opcode::StoreSubscr,
            Opcode::ListAppend,
            Opcode::SetAdd,
            Opcode::MapAdd,
            Opcode::GetIter,
            Opcode::GetAiter,
            Opcode::UnpackSequence,
            Opcode::ImportFrom,
            Opcode::LoadName,
            Opcode::LoadGlobal,
            Opcode::StoreName,
            Opcode::StoreGlobal,
            Opcode::ReturnValue,
            Opcode::YieldValue,
            Opcode::LoadDeref,
            Opcode::StoreDeref,
        ];
        for &opcode in Opcode::ALL {
            let expected = has_own_rule(opcode) && !shadowed.contains(&opcode);
            assert_eq!(OWN_RULES.contains(&opcode), expected, "{opcode:?}");
        }
    }
}
