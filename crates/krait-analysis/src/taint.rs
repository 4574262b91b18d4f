//! Taint tracking (`krait taint`): values that come from a *source* call
//! carry a label; labels follow the values through the program; a call of
//! a *sink* with a labelled argument is reported, with where the label
//! came from and the lines the value passed through.
//!
//! **How.** An observer runs a shadow of each frame beside the VM: a label
//! (or none) per operand-stack slot and per fast local, updated before each
//! instruction runs by that instruction's rule, and checked against the
//! real stack's height at every instruction (an exception handler, a
//! generator's resumption or an unusual jump leaves the height the VM says).
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
//! **Limits of this first version** (documented in ARCHITECTURE.md):
//! labels of a generator's locals do not survive a `yield` (what it
//! yields does); functions called back by native code (`sorted`'s `key`)
//! start unlabelled. Objects that carry labels are kept alive until the
//! run ends (their addresses name them); unlabelled values cost nothing.
//!
//! **Implicit flows** (`TaintOptions::implicit`): a branch on a labelled
//! condition labels what is stored, returned or given to a sink until its
//! ways join again (the branch's immediate post-dominator), in its frame
//! and in the frames it calls, and what the ways leave on the stack.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::rc::Rc;

use krait_bytecode::{CodeFlags, Instruction, Opcode};
use krait_vm::interpreter::observe::{Event, InstructionEvent, Interest, Observer, callable_names};
use krait_vm::{PyResult, Value};

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

/// Labels and the way their value came. Both are shared: a value moving
/// on copies two pointers and adds one step.
#[derive(Debug)]
struct TaintData {
    labels: Rc<BTreeSet<usize>>,
    path: Option<Rc<Step>>,
}

/// A line a labelled value passed through, after the steps before it.
#[derive(Debug)]
struct Step {
    file: Rc<str>,
    line: u32,
    previous: Option<Rc<Step>>,
    length: usize,
}

impl TaintData {
    /// The steps, first to last.
    fn path(&self) -> Vec<(Rc<str>, u32)> {
        let mut steps = Vec::new();
        let mut cursor = self.path.as_deref();
        while let Some(step) = cursor {
            steps.push((step.file.clone(), step.line));
            cursor = step.previous.as_deref();
        }
        steps.reverse();
        steps
    }
}

type Taint = Option<Rc<TaintData>>;

/// The longest path kept: its first steps, then the most recent one.
const MAX_PATH: usize = 32;

fn union(a: &Taint, b: &Taint) -> Taint {
    match (a, b) {
        (None, other) | (other, None) => other.clone(),
        (Some(x), Some(y)) if Rc::ptr_eq(x, y) || y.labels.is_subset(&x.labels) => a.clone(),
        (Some(x), Some(y)) if x.labels.is_subset(&y.labels) => b.clone(),
        (Some(x), Some(y)) => Some(Rc::new(TaintData {
            labels: Rc::new(x.labels.union(&y.labels).copied().collect()),
            path: x.path.clone(),
        })),
    }
}

/// A path of one step.
fn first_step(file: &str, line: u32) -> Option<Rc<Step>> {
    Some(Rc::new(Step {
        file: file_name(file),
        line,
        previous: None,
        length: 1,
    }))
}

/// `taint` having passed through `file:line` (a store, a call, a return).
fn through(taint: &Taint, file: &str, line: u32) -> Taint {
    let data = taint.as_ref()?;
    let last = data.path.as_deref();
    if last.is_some_and(|step| step.line == line && &*step.file == file) {
        return taint.clone();
    }
    let (previous, length) = match last {
        // Full: the newest step replaces the last one kept.
        Some(step) if step.length >= MAX_PATH => (step.previous.clone(), step.length),
        Some(step) => (data.path.clone(), step.length + 1),
        None => (None, 1),
    };
    Some(Rc::new(TaintData {
        labels: data.labels.clone(),
        path: Some(Rc::new(Step {
            file: file_name(file),
            line,
            previous,
            length,
        })),
    }))
}

thread_local! {
    /// File names as shared strings, by the address of the code object's
    /// name they were made from (checked by content).
    static FILE_NAMES: RefCell<HashMap<usize, Rc<str>, Quick>> = RefCell::default();
}

fn file_name(file: &str) -> Rc<str> {
    FILE_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        let key = file.as_ptr() as usize;
        match names.get(&key) {
            Some(name) if &**name == file => name.clone(),
            _ => {
                let name: Rc<str> = Rc::from(file);
                names.insert(key, name.clone());
                name
            }
        }
    })
}

/// A hasher for the maps of addresses and names (SipHash's resistance to
/// chosen keys buys nothing here, and costs a tenth of the run).
#[derive(Default, Clone, Copy)]
struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

type Quick = std::hash::BuildHasherDefault<QuickHasher>;

/// A call in progress in a frame: the labels of what it was given.
struct PendingCall {
    /// The labelled arguments (receiver included), with their values,
    /// for binding them to the callee's parameters.
    args: Vec<(Value, Taint)>,
    /// The union of the arguments' labels.
    all: Taint,
    /// A source: the result gets this label.
    source: Option<usize>,
    sanitizer: bool,
    /// The callee is Python code whose return (or yield) gives the
    /// result's label (a function, a bound method, a generator FOR_ITER
    /// resumes); otherwise the arguments' union does.
    python: bool,
    /// The callee returned (or yielded) this label.
    returned: Option<Taint>,
    /// The frame's stack height once the call is done.
    height: usize,
}

#[derive(Default)]
struct ShadowFrame {
    code: usize,
    stack: Vec<Taint>,
    locals: Vec<Taint>,
    pending: Option<PendingCall>,
    /// With implicit flows: the branches on labelled conditions whose ways
    /// have not joined again yet, innermost last.
    branches: Vec<Branch>,
    /// The caller's context when this frame was called or resumed.
    inherited: Taint,
}

/// A branch on a labelled condition, until its ways join again.
struct Branch {
    /// The instruction where they join (`None`: at the frame's end).
    join: Option<u32>,
    /// The condition's label.
    taint: Taint,
    /// The operand stack's height after the branch: what either way left
    /// above it when they join (`a if c else b`) was chosen by the branch.
    height: usize,
}

impl ShadowFrame {
    /// The label of what this frame does now: the labels of the branches
    /// it is inside (and its caller was inside).
    fn context(&self) -> Taint {
        self.branches
            .iter()
            .fold(self.inherited.clone(), |acc, branch| {
                union(&acc, &branch.taint)
            })
    }
}

#[derive(Default)]
struct State {
    options: TaintOptions,
    frames: Vec<ShadowFrame>,
    /// Module and class namespaces' names, by the namespace's address
    /// (and cells, by name, under 0).
    names: HashMap<usize, HashMap<String, Taint, Quick>, Quick>,
    /// Attributes, by object address and name; `""` is the object's
    /// contents (items of a container). The object is kept alive so its
    /// address names it alone.
    heap: HashMap<usize, (Value, HashMap<String, Taint, Quick>), Quick>,
    sources: Vec<SourceSite>,
    findings: Vec<Finding>,
    /// A source has been called: until then nothing can carry a label,
    /// and only calls are looked at (a source is a call).
    active: bool,
    /// What each callable seen is (by address, kept alive): a source's,
    /// sink's or sanitizer's name, so names are compared once per callable.
    roles: HashMap<usize, (Value, Roles), Quick>,
    /// With implicit flows, per code object (by address, with its length
    /// as a check): for each instruction, where the ways of a branch
    /// ending its block join again.
    joins: HashMap<usize, (usize, Vec<Option<u32>>), Quick>,
}

/// The roles of a callable in the options (the names it matched).
#[derive(Clone, Default)]
struct Roles {
    source: Option<String>,
    sink: Option<String>,
    sanitizer: bool,
}

/// The observer; the findings stay readable through
/// [`TaintTracker::results`] after the run.
pub struct TaintTracker {
    state: Rc<RefCell<State>>,
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

/// An object's address, for the maps (immediates have none).
fn address(value: &Value) -> Option<usize> {
    match value {
        Value::Obj(object) => Some(Rc::as_ptr(object) as *const u8 as usize),
        _ => None,
    }
}

impl State {
    fn frame(&mut self, at: &InstructionEvent) -> &mut ShadowFrame {
        let depth = at.depth;
        if self.frames.len() <= depth {
            self.frames.resize_with(depth + 1, ShadowFrame::default);
        }
        let code = at.code as *const _ as usize;
        let frame = &mut self.frames[depth];
        if frame.code != code {
            *frame = ShadowFrame {
                code,
                ..ShadowFrame::default()
            };
        }
        frame
    }

    /// The label of `value`: its slot's, and what its object carries.
    fn label(&self, slot: &Taint, value: &Value) -> Taint {
        match self.attribute(value, "") {
            Some(contents) => union(slot, &Some(contents)),
            None => slot.clone(),
        }
    }

    fn name_label(&self, namespace: usize, name: &str) -> Taint {
        self.names
            .get(&namespace)
            .and_then(|names| names.get(name))
            .cloned()
            .flatten()
    }

    fn set_name_label(&mut self, namespace: usize, name: &str, taint: Taint) {
        let names = self.names.entry(namespace).or_default();
        match taint {
            Some(taint) => {
                names.insert(name.to_string(), Some(taint));
            }
            None => {
                names.remove(name);
            }
        }
    }

    fn attribute(&self, value: &Value, name: &str) -> Taint {
        if self.heap.is_empty() {
            return None;
        }
        address(value)
            .and_then(|a| self.heap.get(&a))
            .and_then(|(_, attributes)| attributes.get(name))
            .cloned()
            .flatten()
    }

    fn add_to_object(&mut self, object: &Value, key: &str, taint: &Taint) {
        if taint.is_none() {
            return;
        }
        let Some(a) = address(object) else { return };
        let (_, attributes) = self
            .heap
            .entry(a)
            .or_insert_with(|| (object.clone(), HashMap::default()));
        let entry = attributes.entry(key.to_string()).or_default();
        *entry = union(entry, taint);
    }

    /// Where the ways of a branch at instruction `index` of `code` join.
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

    /// The roles of `callable`, looked up once per callable object.
    fn roles(&mut self, callable: &Value) -> Roles {
        let key = address(callable);
        if let Some(key) = key
            && let Some((_, roles)) = self.roles.get(&key)
        {
            return roles.clone();
        }
        let own = callable_names(callable);
        let find = |names: &[String]| {
            names
                .iter()
                .find(|wanted| own.iter().any(|n| n == *wanted))
                .cloned()
        };
        let roles = Roles {
            source: find(&self.options.sources),
            sink: find(&self.options.sinks),
            sanitizer: find(&self.options.sanitizers).is_some(),
        };
        if let Some(key) = key {
            self.roles.insert(key, (callable.clone(), roles.clone()));
        }
        roles
    }
}

impl Observer for TaintTracker {
    fn interest(&self) -> Interest {
        if self.state.borrow().active {
            Interest::ALL
        } else {
            // Nothing carries a label before a source is called.
            Interest::only(&[Opcode::Call, Opcode::CallFunctionEx])
        }
    }

    fn event(&mut self, event: Event, at: &InstructionEvent) -> PyResult<()> {
        let mut state = self.state.borrow_mut();
        if !state.active {
            return Ok(());
        }
        match event {
            Event::Call | Event::Resume => {
                // Parameters get the labels of the arguments they were
                // bound to (found by identity among the caller's).
                let generator = at.code.flags.contains(CodeFlags::GENERATOR)
                    || at.code.flags.contains(CodeFlags::COROUTINE)
                    || at.code.flags.contains(CodeFlags::ASYNC_GENERATOR);
                let locals: Vec<Taint> = {
                    let caller = at
                        .depth
                        .checked_sub(1)
                        .and_then(|d| state.frames.get(d))
                        .and_then(|f| f.pending.as_ref());
                    at.locals
                        .iter()
                        .map(|value| {
                            let call = caller?;
                            if matches!(value, Value::Null) {
                                return None;
                            }
                            // A generator's frame starts when it is first
                            // resumed, not called: its parameters get the
                            // label its object got from the call's
                            // arguments.
                            if generator && matches!(event, Event::Call) {
                                return through(&call.all, at.filename, at.first_line);
                            }
                            call.args
                                .iter()
                                .find(|(arg, _)| arg.is(value))
                                .and_then(|(_, t)| through(t, at.filename, at.first_line))
                        })
                        .collect()
                };
                let inherited = match state.options.implicit {
                    true => at
                        .depth
                        .checked_sub(1)
                        .and_then(|d| state.frames.get(d))
                        .and_then(ShadowFrame::context),
                    false => None,
                };
                let frame = state.frame(at);
                *frame = ShadowFrame {
                    code: frame.code,
                    locals,
                    inherited,
                    ..ShadowFrame::default()
                };
            }
            Event::Return(_) | Event::Yield(_) => {
                let returned = state.frames.get(at.depth).and_then(|f| {
                    // What a frame returns inside a labelled branch
                    // tells which way it went.
                    let context = match state.options.implicit {
                        true => f.context(),
                        false => None,
                    };
                    union(&f.stack.last().cloned().flatten(), &context)
                });
                let returned = through(&returned, at.filename, at.line);
                if let Some(caller) = at
                    .depth
                    .checked_sub(1)
                    .and_then(|d| state.frames.get_mut(d))
                    && let Some(call) = caller.pending.as_mut()
                    && call.python
                {
                    call.returned = Some(returned);
                }
                if matches!(event, Event::Return(_))
                    && let Some(frame) = state.frames.get_mut(at.depth)
                {
                    *frame = ShadowFrame::default();
                }
            }
            Event::Unwind(_) => {
                if let Some(frame) = state.frames.get_mut(at.depth) {
                    *frame = ShadowFrame::default();
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn instruction(&mut self, at: &InstructionEvent) -> PyResult<()> {
        let mut state = self.state.borrow_mut();
        let state = &mut *state;
        if !state.active {
            // Nothing carries a label yet: only a source's call matters.
            let span = match at.instruction {
                Instruction::Call(argc) => argc as usize + 2,
                Instruction::CallFunctionEx(has_kwargs) => 3 + has_kwargs as usize,
                _ => return Ok(()),
            };
            let called = &at.stack[at.stack.len().saturating_sub(span)..];
            let callable = match called.first() {
                Some(Value::Null) | None => called.get(1),
                Some(method) => Some(method),
            };
            match callable {
                Some(callable) if state.roles(callable).source.is_some() => state.active = true,
                _ => return Ok(()),
            }
        }
        let stack_len = at.stack.len();
        let frame = state.frame(at);
        // A call this frame made has come back: its result is on top.
        let finished = frame.pending.take();
        if frame.locals.len() < at.locals.len() {
            frame.locals.resize(at.locals.len(), None);
        }
        let mut stack = std::mem::take(&mut frame.stack);
        let mut locals = std::mem::take(&mut frame.locals);
        stack.resize(stack_len, None);
        if let Some(call) = finished
            && call.height == stack_len
        {
            let result = if call.sanitizer {
                None
            } else if let Some(label) = call.source {
                Some(Rc::new(TaintData {
                    labels: Rc::new(BTreeSet::from([label])),
                    path: first_step(at.filename, at.line),
                }))
            } else {
                match call.returned {
                    Some(returned) => returned,
                    None => call.all,
                }
            };
            if let Some(top) = stack.last_mut() {
                *top = result;
            }
        }
        let mut pending = None;
        let context = match state.options.implicit {
            true => implicit_context(state, at, &mut stack),
            false => None,
        };
        step(state, at, &mut stack, &mut locals, &mut pending, &context);
        let frame = state.frame(at);
        frame.stack = stack;
        frame.locals = locals;
        frame.pending = pending;
        Ok(())
    }
}

/// With implicit flows, before instruction `at` runs: ends the branches
/// whose ways join here, starts one when `at` branches on a labelled
/// condition, and gives the frame's context (what its stores, returns and
/// sink calls carry besides their values' labels).
fn implicit_context(state: &mut State, at: &InstructionEvent, stack: &mut [Taint]) -> Taint {
    let index = at.index as u32;
    let (condition, height) = match at.instruction {
        Instruction::PopJumpIfFalse(_)
        | Instruction::PopJumpIfTrue(_)
        | Instruction::PopJumpIfNone(_)
        | Instruction::PopJumpIfNotNone(_)
        | Instruction::JumpIfFalseOrPop(_)
        | Instruction::JumpIfTrueOrPop(_)
        // Whether a loop runs once more depends on what it iterates (the
        // iterator stays below what the loop pushes).
        | Instruction::ForIter(_) => {
            let value = at.stack.last().cloned().unwrap_or(Value::None);
            let slot = stack.last().cloned().flatten();
            let kept = usize::from(matches!(at.instruction, Instruction::ForIter(_)));
            (state.label(&slot, &value), (stack.len() + kept).saturating_sub(1))
        }
        _ => (None, 0),
    };
    let join = match condition {
        Some(_) => state.join_of(at.code, at.index),
        None => None,
    };
    let frame = state.frame(at);
    // Branches whose ways join here end; what they left on the stack
    // carries their label.
    frame.branches.retain(|branch| {
        if branch.join != Some(index) {
            return true;
        }
        for slot in stack.iter_mut().skip(branch.height) {
            *slot = union(slot, &branch.taint);
        }
        false
    });
    if let Some(condition) = condition {
        let condition = through(&Some(condition), at.filename, at.line);
        // A loop's test branches on every pass: one entry per join.
        match frame.branches.iter_mut().find(|branch| branch.join == join) {
            Some(branch) => branch.taint = union(&branch.taint, &condition),
            None => frame.branches.push(Branch {
                join,
                taint: condition,
                height,
            }),
        }
    }
    frame.context()
}

/// Runs the shadow of instruction `at` on its frame's labels.
fn step(
    state: &mut State,
    at: &InstructionEvent,
    stack: &mut Vec<Taint>,
    locals: &mut [Taint],
    pending: &mut Option<PendingCall>,
    context: &Taint,
) {
    let values = at.stack;
    let value_at = |depth: usize| values.get(values.len().wrapping_sub(depth));
    let name = |i: u32| at.code.names.get(i as usize).map_or("", String::as_str);
    let pop = |stack: &mut Vec<Taint>| stack.pop().flatten();
    // What is stored carries the context of the branches it is inside.
    let stored = |stack: &mut Vec<Taint>| union(&stack.pop().flatten(), context);
    let slot = |stack: &Vec<Taint>, depth: usize| {
        stack
            .get(stack.len().wrapping_sub(depth))
            .cloned()
            .flatten()
    };
    match at.instruction {
        Instruction::LoadFast(i) => {
            stack.push(locals.get(i.0 as usize).cloned().flatten());
        }
        Instruction::StoreFast(i) => {
            let taint = through(&stored(stack), at.filename, at.line);
            if let Some(local) = locals.get_mut(i.0 as usize) {
                *local = taint;
            }
        }
        Instruction::DeleteFast(i) => {
            if let Some(local) = locals.get_mut(i.0 as usize) {
                *local = None;
            }
        }
        Instruction::LoadConst(_) => stack.push(None),
        Instruction::LoadName(i) | Instruction::LoadGlobal(i) => {
            let namespace = address(at.globals).unwrap_or(0);
            stack.push(state.name_label(namespace, name(i.0)));
        }
        Instruction::StoreName(i) | Instruction::StoreGlobal(i) => {
            let taint = through(&stored(stack), at.filename, at.line);
            let namespace = address(at.globals).unwrap_or(0);
            state.set_name_label(namespace, name(i.0), taint);
        }
        Instruction::LoadAttr(i) => {
            let object = value_at(1).cloned().unwrap_or(Value::None);
            let own = state.label(&pop(stack), &object);
            stack.push(union(&own, &state.attribute(&object, name(i.0))));
        }
        Instruction::LoadMethod(i) => {
            let object = value_at(1).cloned().unwrap_or(Value::None);
            let own = state.label(&pop(stack), &object);
            let method = union(&own, &state.attribute(&object, name(i.0)));
            stack.push(method);
            stack.push(own);
        }
        Instruction::StoreAttr(i) => {
            // [value, object]
            let object = value_at(1).cloned().unwrap_or(Value::None);
            pop(stack);
            let taint = through(&stored(stack), at.filename, at.line);
            state.add_to_object(&object, name(i.0), &taint);
        }
        Instruction::BinarySubscr => {
            let container = value_at(2).cloned().unwrap_or(Value::None);
            pop(stack);
            let taint = state.label(&pop(stack), &container);
            stack.push(taint);
        }
        Instruction::StoreSubscr => {
            // [value, container, key]
            let container = value_at(2).cloned().unwrap_or(Value::None);
            let key = pop(stack);
            pop(stack);
            let value = stored(stack);
            let taint = through(&union(&value, &key), at.filename, at.line);
            state.add_to_object(&container, "", &taint);
        }
        Instruction::ListAppend(depth) | Instruction::SetAdd(depth) => {
            let item = stored(stack);
            let depth = depth.0 as usize;
            if let Some(container) = value_at(depth + 1).cloned() {
                state.add_to_object(&container, "", &item);
            }
            if let Some(index) = stack.len().checked_sub(depth) {
                stack[index] = union(&stack[index], &item);
            }
        }
        Instruction::MapAdd(depth) => {
            let value = stored(stack);
            let key = pop(stack);
            let item = union(&key, &value);
            let depth = depth.0 as usize;
            if let Some(container) = value_at(depth + 2).cloned() {
                state.add_to_object(&container, "", &item);
            }
            if let Some(index) = stack.len().checked_sub(depth) {
                stack[index] = union(&stack[index], &item);
            }
        }
        Instruction::GetIter | Instruction::GetAiter => {
            let iterable = value_at(1).cloned().unwrap_or(Value::None);
            let taint = state.label(&pop(stack), &iterable);
            stack.push(taint);
        }
        Instruction::ForIter(_) => {
            let iterator = value_at(1).cloned().unwrap_or(Value::None);
            let taint = state.label(&slot(stack, 1), &iterator);
            // A generator it resumes yields its own label (see `Event::Yield`).
            *pending = Some(PendingCall {
                args: Vec::new(),
                all: taint,
                source: None,
                sanitizer: false,
                python: true,
                returned: None,
                height: stack.len() + 1,
            });
            stack.push(None);
        }
        Instruction::UnpackSequence(count) => {
            let sequence = value_at(1).cloned().unwrap_or(Value::None);
            let taint = state.label(&pop(stack), &sequence);
            for _ in 0..count {
                stack.push(taint.clone());
            }
        }
        // Cells, by name (closures share them; a first version keys them
        // by the variable's name alone, which may join two closures').
        Instruction::LoadDeref(i) | Instruction::LoadClassDeref(i) => {
            stack.push(state.name_label(0, deref_name(at, i.0)));
        }
        Instruction::StoreDeref(i) => {
            let taint = through(&stored(stack), at.filename, at.line);
            state.set_name_label(0, deref_name(at, i.0), taint);
        }
        // A raised exception keeps the label of the value it was made
        // from, on the exception object (what a handler finds).
        Instruction::RaiseVarargs(_) => {
            if let (Some(exception), Some(taint)) = (value_at(1).cloned(), stack.last().cloned()) {
                state.add_to_object(&exception, "", &taint);
            }
            let effect = at.instruction.stack_effect();
            for _ in 0..effect.pops.min(stack.len() as u64) {
                pop(stack);
            }
        }
        // The value stays for the return or yield event, which hands its
        // label to the caller (the frame is done or reset after).
        Instruction::ReturnValue | Instruction::YieldValue => {}
        Instruction::Call(argc) => {
            call(state, at, stack, pending, argc as usize + 2, false, context)
        }
        Instruction::CallFunctionEx(has_kwargs) => call(
            state,
            at,
            stack,
            pending,
            3 + has_kwargs as usize,
            true,
            context,
        ),
        _ => {
            // Everything else: its results carry what it consumed.
            let effect = at.instruction.stack_effect();
            let mut taint = None;
            for _ in 0..effect.pops.min(stack.len() as u64) {
                taint = union(&taint, &pop(stack));
            }
            for _ in 0..effect.pushes {
                stack.push(taint.clone());
            }
        }
    }
}

/// CALL (`span` values: NULL or method, callable or self, arguments) and
/// CALL_FUNCTION_EX (NULL, callable, the argument tuple, the mapping).
fn call(
    state: &mut State,
    at: &InstructionEvent,
    stack: &mut Vec<Taint>,
    pending: &mut Option<PendingCall>,
    span: usize,
    unpacked: bool,
    context: &Taint,
) {
    let values = at.stack;
    let first = values.len().saturating_sub(span);
    let called = &values[first..];
    let slots: Vec<Taint> = stack.split_off(stack.len().saturating_sub(span));
    // `[NULL, callable, args]` or `[method, self, args]`.
    let (callable, arguments, argument_slots) = match called.first() {
        Some(Value::Null) | None => (
            called.get(1),
            &called[called.len().min(2)..],
            &slots[slots.len().min(2)..],
        ),
        Some(method) => (Some(method), &called[1..], &slots[slots.len().min(1)..]),
    };
    let callable = callable.cloned().unwrap_or(Value::None);
    let mut args: Vec<(Value, Taint)> = Vec::new();
    let mut all = None;
    for (value, slot) in arguments.iter().zip(argument_slots) {
        let mut taint = state.label(slot, value);
        if unpacked {
            // The items of `*args` and the values of `**kwargs`.
            taint = union(&taint, &state.label(&None, value));
        }
        let taint = through(&taint, at.filename, at.line);
        all = union(&all, &taint);
        args.push((value.clone(), taint));
    }
    // The callable's own label (a bound method of a labelled string).
    let callable_taint = match called.first() {
        Some(Value::Null) | None => slots.get(1).cloned().flatten(),
        Some(_) => slots.first().cloned().flatten(),
    };
    all = union(&all, &callable_taint);
    let roles = state.roles(&callable);
    // A sink called inside a labelled branch tells which way it went.
    if let Some(sink) = roles.sink
        && let Some(data) = &union(&all, context)
    {
        let data =
            through(&Some(data.clone()), at.filename, at.line).unwrap_or_else(|| data.clone());
        let sources = data
            .labels
            .iter()
            .filter_map(|label| state.sources.get(*label).cloned())
            .collect();
        state.findings.push(Finding {
            sink,
            file: at.filename.to_string(),
            line: at.line,
            sources,
            path: data
                .path()
                .iter()
                .map(|(file, line)| (file.to_string(), *line))
                .collect(),
        });
    }
    // A native method given a labelled value keeps it (`list.append`).
    if let Some(receiver) = match called.first() {
        Some(Value::Null) | None => None,
        Some(_) => called.get(1),
    } && !is_python_function(&callable)
    {
        let given = args.iter().skip(1).fold(None, |acc, (_, t)| union(&acc, t));
        state.add_to_object(receiver, "", &given);
    }
    // One label per source call site (not per call: a source called in a
    // loop would make label sets grow without end).
    let source = roles.source.map(|function| {
        let site = SourceSite {
            function,
            file: at.filename.to_string(),
            line: at.line,
        };
        match state.sources.iter().position(|known| *known == site) {
            Some(label) => label,
            None => {
                state.sources.push(site);
                state.sources.len() - 1
            }
        }
    });
    let sanitizer = roles.sanitizer;
    *pending = Some(PendingCall {
        args,
        all,
        source,
        sanitizer,
        python: is_python_function(&callable),
        returned: None,
        height: stack.len() + 1,
    });
    stack.push(None);
}

fn deref_name<'a>(at: &InstructionEvent<'a>, index: u32) -> &'a str {
    at.code.deref_name(index as usize).unwrap_or_default()
}

fn is_python_function(callable: &Value) -> bool {
    !callable_names(callable).is_empty() && matches!(callable.type_name(), "function" | "method")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled() -> Taint {
        Some(Rc::new(TaintData {
            labels: Rc::new(BTreeSet::from([0])),
            path: first_step("a.py", 1),
        }))
    }

    #[test]
    fn paths_grow_by_new_lines_and_stay_bounded() {
        let mut taint = labelled();
        taint = through(&taint, "a.py", 1);
        assert_eq!(
            taint.as_ref().unwrap().path().len(),
            1,
            "same line: no step"
        );
        for line in 2..=100 {
            taint = through(&taint, "a.py", line);
        }
        let path = taint.as_ref().unwrap().path();
        assert_eq!(path.len(), MAX_PATH);
        // The first steps, then the most recent one.
        assert_eq!(path[0].1, 1);
        assert_eq!(path[MAX_PATH - 2].1, MAX_PATH as u32 - 1);
        assert_eq!(path[MAX_PATH - 1].1, 100);
        assert!(through(&None, "a.py", 5).is_none());
    }

    #[test]
    fn unions_keep_every_label() {
        let a = labelled();
        let b = Some(Rc::new(TaintData {
            labels: Rc::new(BTreeSet::from([1])),
            path: first_step("b.py", 2),
        }));
        let both = union(&a, &b).unwrap();
        assert_eq!(*both.labels, BTreeSet::from([0, 1]));
        assert!(Rc::ptr_eq(&union(&a, &None).unwrap(), a.as_ref().unwrap()));
        assert!(Rc::ptr_eq(&union(&Some(both.clone()), &a).unwrap(), &both));
    }
}
