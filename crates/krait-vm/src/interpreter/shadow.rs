//! Labels on values, shadowing the value stack: the part of a taint
//! analysis the dispatch loop does itself.
//!
//! An analysis that follows labels through a run (krait-analysis's taint
//! tracker) keeps one [`Label`] per slot of the VM's value stack, by
//! position. Most instructions only move values between slots (loads and
//! stores of fast locals, operators, `COPY`, `SWAP`, building a tuple):
//! their rule moves labels the same way, and calling the observer for
//! each costs far more than the rule. So the analysis hands the shadow to
//! the VM ([`crate::interpreter::observe::Observer::shadow`]), and for the
//! instructions its [`crate::interpreter::observe::Interest`] marks
//! deferrable the watched loop applies those rules itself
//! (`Shadow::step`) while the frame is as the analysis last left it
//! ([`ShadowFrame`]); otherwise it calls the hook. The rules that read
//! values (attributes, items, calls) stay in the analysis.
//!
//! This crate must not depend on the analysis: a label is plain data here
//! (the set of source numbers and the lines its value passed through),
//! made and read by the analysis.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::{Rc, Weak};

use krait_bytecode::Instruction;

use crate::{PyObject, Value};

/// A value's label: none ([`Label::CLEAN`]) or a shared set of source
/// numbers with the way the value came. Cloning one copies a pointer.
#[derive(Clone, Debug, Default)]
pub struct Label(Option<Rc<LabelNode>>);

impl PartialEq for Label {
    /// The same label (not merely equal sets and ways).
    fn eq(&self, other: &Label) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The longest way kept: its first steps, then the most recent one.
pub const MAX_PATH: usize = 32;

/// What a [`Label`] stands for: the source numbers (shared by the labels
/// of one value's way) and the last line the value passed through, after
/// the steps before it (the way is the chain of `previous`).
#[derive(Debug)]
pub struct LabelNode {
    labels: Rc<BTreeSet<usize>>,
    /// The file, as the analysis numbers files.
    pub file: u32,
    pub line: u32,
    /// The number of steps up to this one.
    length: u32,
    pub previous: Option<Rc<LabelNode>>,
}

impl Label {
    pub const CLEAN: Label = Label(None);

    /// A value born at `file:line` with the one source number `label`.
    pub fn born(label: usize, file: u32, line: u32) -> Label {
        Label(Some(Rc::new(LabelNode {
            labels: Rc::new(BTreeSet::from([label])),
            file,
            line,
            length: 1,
            previous: None,
        })))
    }

    #[inline]
    pub fn is_clean(&self) -> bool {
        self.0.is_none()
    }

    /// The last step of the value's way.
    pub fn node(&self) -> Option<&LabelNode> {
        self.0.as_deref()
    }

    /// The source numbers.
    pub fn labels(&self) -> impl Iterator<Item = usize> + '_ {
        self.node()
            .into_iter()
            .flat_map(|n| n.labels.iter().copied())
    }

    /// The labels of both; the way of the first.
    #[inline]
    pub fn union(a: Label, b: Label) -> Label {
        // Most unions meet a clean value or the same label: answered
        // here, inline; two labels, out of line.
        match (&a.0, &b.0) {
            (None, _) => b,
            (_, None) => a,
            (Some(x), Some(y)) if Rc::ptr_eq(x, y) || Rc::ptr_eq(&x.labels, &y.labels) => a,
            _ => Label::union_of_two(a, b),
        }
    }

    #[inline(never)]
    fn union_of_two(a: Label, b: Label) -> Label {
        let (Some(x), Some(y)) = (a.node(), b.node()) else {
            return if a.is_clean() { b } else { a };
        };
        if a == b || Rc::ptr_eq(&x.labels, &y.labels) || y.labels.is_subset(&x.labels) {
            return a;
        }
        if x.labels.is_subset(&y.labels) {
            return b;
        }
        Label(Some(Rc::new(LabelNode {
            labels: Rc::new(x.labels.union(&y.labels).copied().collect()),
            file: x.file,
            line: x.line,
            length: x.length,
            previous: x.previous.clone(),
        })))
    }

    /// The label having passed through `file:line` (a store, a call, a
    /// return): one more step on its way, unless it is already there.
    #[inline]
    pub fn through(self, file: u32, line: u32) -> Label {
        match self.node() {
            None => self,
            Some(node) if node.line == line && node.file == file => self,
            Some(_) => self.step(file, line),
        }
    }

    /// (A value passing the same line again, in a loop, takes the same
    /// step: the steps last taken are remembered, [`STEPS`], which saves
    /// making a node and dropping the one it replaces.)
    #[inline(never)]
    fn step(self, file: u32, line: u32) -> Label {
        let Some(node) = &self.0 else {
            return self;
        };
        let from = Rc::as_ptr(node) as usize;
        let slot = ((from >> 4) ^ (line as usize).wrapping_mul(0x9e37_79b9) ^ file as usize)
            & (STEP_MEMORY - 1);
        STEPS.with(|steps| {
            let mut steps = steps.borrow_mut();
            if let Some(known) = &steps[slot]
                && Rc::ptr_eq(&known.from, node)
                && known.file == file
                && known.line == line
            {
                return Label(Some(known.to.clone()));
            }
            let (previous, length) = match node.length as usize >= MAX_PATH {
                // Full: the newest step replaces the last one kept.
                true => (node.previous.clone(), node.length),
                false => (Some(node.clone()), node.length + 1),
            };
            let to = Rc::new(LabelNode {
                labels: node.labels.clone(),
                file,
                line,
                length,
                previous,
            });
            steps[slot] = Some(Step {
                from: node.clone(),
                file,
                line,
                to: to.clone(),
            });
            Label(Some(to))
        })
    }
}

/// A step a label took ([`Label::through`]): from the node `from`, at
/// `file:line`, to the node `to`. Both are kept, so that `from`'s address
/// names it alone while remembered.
struct Step {
    from: Rc<LabelNode>,
    file: u32,
    line: u32,
    to: Rc<LabelNode>,
}

/// How many steps are remembered (a power of two).
const STEP_MEMORY: usize = 1024;

thread_local! {
    /// The steps last taken, by a hash of where from and where to: a node
    /// is plain data, so the same step from the same node may give the
    /// same node again.
    static STEPS: std::cell::RefCell<Vec<Option<Step>>> =
        std::cell::RefCell::new((0..STEP_MEMORY).map(|_| None).collect());
}

/// A hasher for maps keyed by addresses and small numbers (SipHash's
/// resistance to chosen keys buys nothing here, and costs a tenth of a
/// tracked run).
#[derive(Default, Clone, Copy)]
pub struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Names: eight bytes at a step.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word) ^ (rest.len() as u64) << 56);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub type Quick = BuildHasherDefault<QuickHasher>;

/// An object's address, for the maps (immediates have none).
#[inline]
pub fn address(value: &Value) -> Option<usize> {
    match value {
        Value::Obj(object) => Some(Rc::as_ptr(object) as *const u8 as usize),
        _ => None,
    }
}

/// The key of an object's contents (the items of a container) in
/// [`HeapLabels`]; attributes are keyed by their name's address.
pub const CONTENTS: usize = 0;

/// The key of name `index` of a code (`Code::names`, the VM's interned
/// `str` objects: one object per name in a VM, so its address names it).
#[inline]
pub fn name_key(names: &[Value], index: u32) -> usize {
    names
        .get(index as usize)
        .and_then(address)
        .unwrap_or(CONTENTS)
}

/// The fewest objects `HeapLabels` keeps before its first sweep.
const MIN_SWEEP: usize = 4096;

/// The labels of what lives off the stack: objects' attributes (by name)
/// and contents (an item stored in a container labels the container's
/// items), and the names of module namespaces. One map each, not a map
/// per object: a lookup is one probe.
#[derive(Debug, Default)]
pub struct HeapLabels {
    /// By object address and key ([`CONTENTS`] or [`name_key`]).
    labels: HashMap<(usize, usize), Label, Quick>,
    /// The objects `labels` names, by a weak reference: it does not keep
    /// the object alive (a labelled object dies when the program drops
    /// it, as in a plain run), but it keeps the object's allocation, so
    /// its address names that object alone until the entry is dropped.
    /// Entries of dead objects are swept once the map has doubled.
    kept: HashMap<usize, Weak<PyObject>, Quick>,
    /// The size of `kept` that starts the next sweep.
    sweep_at: usize,
    /// By the namespace's address (a module's dict, alive while its code
    /// runs) and [`name_key`]; only labelled names are there.
    names: HashMap<(usize, usize), Label, Quick>,
}

impl HeapLabels {
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Whether `value` is an object that carries a label (an attribute's
    /// or its contents'), or a module while a module name does (its
    /// attributes are its namespace's names).
    #[inline]
    pub fn carries(&self, value: &Value) -> bool {
        address(value).is_some_and(|a| self.kept.contains_key(&a))
            || (!self.names.is_empty() && crate::builtins::module_object::is_module(value))
    }

    /// The label `value` carries under `key` (a module's attribute: its
    /// namespace's name).
    #[inline]
    pub fn get(&self, value: &Value, key: usize) -> Label {
        if !self.names.is_empty() && key != CONTENTS {
            let module_name = self.module_name(value, key);
            if !module_name.is_clean() {
                return module_name;
            }
        }
        if self.labels.is_empty() {
            return Label::CLEAN;
        }
        address(value)
            .and_then(|a| self.labels.get(&(a, key)))
            .cloned()
            .unwrap_or_default()
    }

    /// The label of name `key` of `value`'s namespace if it is a module.
    #[inline]
    fn module_name(&self, value: &Value, key: usize) -> Label {
        if !crate::builtins::module_object::is_module(value) {
            return Label::CLEAN;
        }
        let namespace = crate::builtins::module_object::namespace(value);
        address(&namespace).map_or(Label::CLEAN, |namespace| self.name(namespace, key))
    }

    /// The label of `value` whose slot has `slot`: the slot's, and what
    /// its object's contents carry.
    #[inline]
    pub fn label(&self, slot: Label, value: &Value) -> Label {
        Label::union(slot, self.get(value, CONTENTS))
    }

    /// `object` carries `label` under `key` too (labels add up: a
    /// container holds every item stored in it).
    pub fn add(&mut self, object: &Value, key: usize, label: Label) {
        if label.is_clean() {
            return;
        }
        let Some(a) = self.keep(object) else { return };
        let entry = self.labels.entry((a, key)).or_default();
        *entry = Label::union(std::mem::take(entry), label);
    }

    /// Drops the labels of objects that died (their addresses can then be
    /// reused), and sets the next sweep at twice the size left.
    #[cold]
    fn sweep(&mut self) {
        self.kept.retain(|_, object| object.strong_count() > 0);
        let kept = &self.kept;
        self.labels.retain(|(a, _), _| kept.contains_key(a));
        self.sweep_at = (2 * self.kept.len()).max(MIN_SWEEP);
    }

    /// `object` carries `label` under `key`, and nothing else there (a
    /// cell's contents: a store replaces what it held).
    pub fn set(&mut self, object: &Value, key: usize, label: Label) {
        if label.is_clean() {
            if let Some(a) = address(object)
                && self.kept.contains_key(&a)
            {
                self.labels.remove(&(a, key));
            }
            return;
        }
        let Some(a) = self.keep(object) else { return };
        self.labels.insert((a, key), label);
    }

    /// `object`'s address, noted in `kept` (none for an immediate).
    fn keep(&mut self, object: &Value) -> Option<usize> {
        let Value::Obj(rc) = object else { return None };
        let a = Rc::as_ptr(rc) as *const u8 as usize;
        if !self.kept.contains_key(&a) {
            if self.kept.len() >= self.sweep_at {
                self.sweep();
            }
            self.kept.insert(a, Rc::downgrade(rc));
        }
        Some(a)
    }

    /// Whether any name is labelled.
    #[inline]
    pub fn any_names(&self) -> bool {
        !self.names.is_empty()
    }

    /// The label of name `name` of the namespace at address `namespace`.
    #[inline]
    pub fn name(&self, namespace: usize, name: usize) -> Label {
        if self.names.is_empty() {
            return Label::CLEAN;
        }
        self.names
            .get(&(namespace, name))
            .cloned()
            .unwrap_or_default()
    }

    /// Name `name` of the namespace at `namespace` now holds a value
    /// labelled `label` (none: the name is clean again).
    #[inline]
    pub fn set_name(&mut self, namespace: usize, name: usize, label: Label) {
        if label.is_clean() {
            if !self.names.is_empty() {
                self.names.remove(&(namespace, name));
            }
            return;
        }
        self.names.insert((namespace, name), label);
    }
}

/// The frame the analysis last left, as far as the loop needs it to go on
/// without it: which frame, its code's file number, the stack's height
/// its last rule left, and whether a label was pushed since.
#[derive(Clone, Debug, Default)]
pub struct ShadowFrame {
    /// The frame's depth, code (the address of its `CodeObject`) and first
    /// slot, to tell it from another frame.
    pub depth: usize,
    pub code: usize,
    pub base: usize,
    pub file: u32,
    /// The stack's height after its last rule: the loop steps only while
    /// the VM's stack is at that height (else it pushed something no rule
    /// saw: a call's result, a handler's exception).
    pub top: usize,
    /// A rule the loop applied pushed a label.
    pub dirty: bool,
    /// The label of a call's result, which the VM pushed (at `top`) with
    /// no rule: the loop gives it to the top slot before its next rule
    /// (and takes it; the analysis, finding it gone, knows the call is
    /// done with).
    pub result: Option<Label>,
    /// The loop entered this frame itself ([`Shadow::callers`]): the
    /// analysis has no record of it yet (or a stale one of an earlier
    /// frame at the same place).
    pub entered: bool,
    /// The loop gave `result` to its slot since the analysis published
    /// the frame (the call the analysis knew of is done with, whatever
    /// `result` holds now).
    pub took_result: bool,
}

impl ShadowFrame {
    /// Gives the label of the call's result the VM pushed (at `top`) with
    /// no rule, if one waits, to its slot.
    #[inline]
    pub fn give_result(&mut self, slots: &mut [Label], top: usize) {
        if let Some(result) = self.result.take() {
            self.took_result = true;
            self.dirty |= !result.is_clean();
            slots[top - 1] = result;
        }
    }
}

/// The labels of the value stack's slots, and the frame the loop may
/// follow on its own.
#[derive(Debug, Default)]
pub struct Shadow {
    /// One label per slot of the VM's value stack, by position (only
    /// those below the running frame's height mean anything). The
    /// analysis keeps it longer than the stack; the loop only steps with
    /// room for one more push.
    pub slots: Vec<Label>,
    /// Set by the analysis after its hooks when the loop may apply the
    /// rules itself (and taken back at its next hook); `None` while the
    /// frame waits for something only the analysis knows (a call's
    /// result) or when it follows more than values (implicit flows).
    pub frame: Option<ShadowFrame>,
    /// What objects and names carry (boxed: the analysis swaps it in
    /// and out at each hook).
    pub heap: Box<HeapLabels>,
    /// The frames below `frame` that called a Python function the loop
    /// followed into by itself (`Vm::shadow_call`), outermost first, each
    /// waiting for its call's result (`top` is its height once the call
    /// is done). The analysis takes them at its next hook, as frames with
    /// a call of Python code pending.
    pub callers: Vec<ShadowFrame>,
    /// The codes the loop may enter by itself, by the address of their
    /// `CodeObject`: noted when the analysis published a frame of one.
    pub(crate) codes: HashMap<usize, FollowedCode, Quick>,
}

/// What the loop knows of a code it may enter by itself.
#[derive(Debug)]
pub(crate) struct FollowedCode {
    /// Kept (never read), so that its address names it alone.
    pub _code: std::sync::Arc<krait_bytecode::CodeObject>,
    /// Its file, as the analysis numbers files.
    pub file: u32,
    /// The name and qualified name (by identity) of the last function of
    /// it the analysis wanted nothing of (`Observer::wants_call`: its roles
    /// depend on those names alone).
    pub plain_as: Option<(Rc<str>, Rc<str>)>,
}

/// Where the loop is: the frame and instruction about to run.
pub(crate) struct StepAt<'a> {
    pub depth: usize,
    pub code: &'a krait_bytecode::CodeObject,
    /// The code's names as the VM's interned `str` objects.
    pub names: &'a [Value],
    /// The frame's globals (the namespace of its names).
    pub globals: &'a Value,
    pub base: usize,
    pub nlocals: usize,
    pub stack_base: usize,
    /// The VM's whole value stack (its height is the length).
    pub stack: &'a [Value],
    pub index: usize,
}

impl Shadow {
    /// Applies the rule of the instruction at `at` to the slots, before
    /// it runs, if the frame is the one the analysis left and at the
    /// height it left; false (nothing done) otherwise: the hook runs.
    ///
    /// The rules (the taint tracker's, which lists the instructions it
    /// keeps for itself): a fast local's load copies its label, a store
    /// moves it (one step on its way, at the instruction's line) and a
    /// delete clears it; constants and NULL are clean; an attribute or a
    /// method gives the object's label, its contents' and the attribute's;
    /// a subscript, an iterator or unpacked items the container's and its
    /// contents'; a store into an attribute or a container (a
    /// comprehension's append too) labels the object; a module's name
    /// holds the label last stored in it; every other
    /// instruction's results carry the union of what it consumed.
    ///
    /// `instruction` is the one at `at` (the loop's arm that runs it
    /// passes it: inlined there, only its rule is left of the match
    /// below).
    #[inline(always)]
    pub(crate) fn step(
        &mut self,
        at: &StepAt,
        instruction: Instruction,
        line_of: impl Fn(usize) -> u32,
    ) -> bool {
        let Shadow {
            slots, frame, heap, ..
        } = self;
        let Some(frame) = frame else {
            return false;
        };
        let top = at.stack.len();
        if frame.top != top
            || frame.depth != at.depth
            || frame.base != at.base
            || frame.code != at.code as *const _ as usize
            || top < at.stack_base
            || top + 1 >= slots.len()
        {
            return false;
        }
        let depth = top - at.stack_base;
        if depth >= 1 {
            // A call's result, pushed since the frame's last rule.
            frame.give_result(slots, top);
        }
        let local = |i: u32| (i < at.nlocals as u32).then_some(at.base + i as usize);
        // Cell `i` (LOAD_DEREF's index), after the fast locals.
        let cell = |i: u32| {
            let slot = at.base + at.nlocals + i as usize;
            (slot < at.stack_base).then(|| &at.stack[slot])
        };
        // The real value `n` from the top.
        let value = |n: usize| &at.stack[top - n];
        // What a store stores: the label one step on, at this line.
        let stored = |label: Label, file: u32| match label.is_clean() {
            true => label,
            false => label.through(file, line_of(at.index)),
        };
        let (sp, labelled) = match instruction {
            Instruction::LoadFast(i) => {
                let label = local(i.0).map_or(Label::CLEAN, |slot| slots[slot].clone());
                let labelled = !label.is_clean();
                slots[top] = label;
                (top + 1, labelled)
            }
            Instruction::LoadConst(_) | Instruction::PushNull => {
                slots[top] = Label::CLEAN;
                (top + 1, false)
            }
            Instruction::StoreFast(i) if depth >= 1 => {
                let label = stored(std::mem::take(&mut slots[top - 1]), frame.file);
                if let Some(slot) = local(i.0) {
                    slots[slot] = label;
                }
                (top - 1, false)
            }
            Instruction::DeleteFast(i) => {
                if let Some(slot) = local(i.0) {
                    slots[slot] = Label::CLEAN;
                }
                (top, false)
            }
            Instruction::PopTop
            | Instruction::PopJumpIfFalse(_)
            | Instruction::PopJumpIfTrue(_)
            | Instruction::PopJumpIfNone(_)
            | Instruction::PopJumpIfNotNone(_)
                if depth >= 1 =>
            {
                slots[top - 1] = Label::CLEAN;
                (top - 1, false)
            }
            Instruction::BinaryOp(_)
            | Instruction::CompareOp(_)
            | Instruction::IsOp(_)
            | Instruction::ContainsOp(_)
                if depth >= 2 =>
            {
                // The union of what it pops, top first.
                let right = std::mem::take(&mut slots[top - 1]);
                let left = std::mem::take(&mut slots[top - 2]);
                let label = Label::union(right, left);
                let labelled = !label.is_clean();
                slots[top - 2] = label;
                (top - 1, labelled)
            }
            // A return's or a yield's value stays for the frame event
            // that follows, which the analysis gets.
            Instruction::Nop
            | Instruction::JumpForward(_)
            | Instruction::JumpBackward(_)
            | Instruction::ReturnValue
            | Instruction::YieldValue => (top, false),
            // A cell (by its object: closures share it) holds the label
            // last stored in it.
            Instruction::LoadDeref(i) if cell(i.0).is_some() => {
                let label = cell(i.0).map_or(Label::CLEAN, |cell| heap.get(cell, CONTENTS));
                let labelled = !label.is_clean();
                slots[top] = label;
                (top + 1, labelled)
            }
            Instruction::StoreDeref(i) if depth >= 1 && cell(i.0).is_some() => {
                let label = stored(std::mem::take(&mut slots[top - 1]), frame.file);
                if let Some(cell) = cell(i.0) {
                    heap.set(cell, CONTENTS, label);
                }
                (top - 1, false)
            }
            Instruction::LoadName(i) | Instruction::LoadGlobal(i) => {
                // (A class body's names count as its module's.)
                let namespace = address(at.globals).unwrap_or(0);
                let label = heap.name(namespace, name_key(at.names, i.0));
                let labelled = !label.is_clean();
                slots[top] = label;
                (top + 1, labelled)
            }
            Instruction::StoreName(i) | Instruction::StoreGlobal(i) if depth >= 1 => {
                let label = stored(std::mem::take(&mut slots[top - 1]), frame.file);
                let namespace = address(at.globals).unwrap_or(0);
                heap.set_name(namespace, name_key(at.names, i.0), label);
                (top - 1, false)
            }
            Instruction::LoadAttr(i) if depth >= 1 => {
                let object = value(1);
                let own = heap.label(std::mem::take(&mut slots[top - 1]), object);
                let attribute = heap.get(object, name_key(at.names, i.0));
                let label = Label::union(own, attribute);
                let labelled = !label.is_clean();
                slots[top - 1] = label;
                (top, labelled)
            }
            Instruction::ImportFrom(i) if depth >= 1 => {
                // The module stays; the name's value is pushed.
                let module = value(1);
                let own = heap.label(slots[top - 1].clone(), module);
                let label = Label::union(own, heap.get(module, name_key(at.names, i.0)));
                let labelled = !label.is_clean();
                slots[top] = label;
                (top + 1, labelled)
            }
            Instruction::LoadMethod(i) if depth >= 1 => {
                let object = value(1);
                let own = heap.label(std::mem::take(&mut slots[top - 1]), object);
                let attribute = heap.get(object, name_key(at.names, i.0));
                let labelled = !own.is_clean() || !attribute.is_clean();
                slots[top - 1] = Label::union(own.clone(), attribute);
                slots[top] = own;
                (top + 1, labelled)
            }
            Instruction::StoreAttr(i) if depth >= 2 => {
                // [value, object]
                slots[top - 1] = Label::CLEAN;
                let label = stored(std::mem::take(&mut slots[top - 2]), frame.file);
                heap.add(value(1), name_key(at.names, i.0), label);
                (top - 2, false)
            }
            Instruction::BinarySubscr if depth >= 2 => {
                // The container's label and its contents' (not the key's).
                slots[top - 1] = Label::CLEAN;
                let label = heap.label(std::mem::take(&mut slots[top - 2]), value(2));
                let labelled = !label.is_clean();
                slots[top - 2] = label;
                (top - 1, labelled)
            }
            Instruction::StoreSubscr if depth >= 3 => {
                // [value, container, key]
                let key = std::mem::take(&mut slots[top - 1]);
                slots[top - 2] = Label::CLEAN;
                let item = std::mem::take(&mut slots[top - 3]);
                let label = stored(Label::union(item, key), frame.file);
                heap.add(value(2), CONTENTS, label);
                (top - 3, false)
            }
            Instruction::ListAppend(n) | Instruction::SetAdd(n)
                if depth >= 2 && depth > n.0 as usize =>
            {
                // The container is `n` below the item; its slot carries
                // the item too.
                let n = n.0 as usize;
                let item = stored(std::mem::take(&mut slots[top - 1]), frame.file);
                heap.add(value(n + 1), CONTENTS, item.clone());
                let below = top - 1 - n;
                if below >= at.stack_base {
                    slots[below] = Label::union(std::mem::take(&mut slots[below]), item);
                }
                (top - 1, false)
            }
            Instruction::MapAdd(n) if depth >= 3 && depth > n.0 as usize + 1 => {
                // [key, value], the dict `n` below the key.
                let n = n.0 as usize;
                let stored_value = stored(std::mem::take(&mut slots[top - 1]), frame.file);
                let key = std::mem::take(&mut slots[top - 2]);
                let item = Label::union(key, stored_value);
                heap.add(value(n + 2), CONTENTS, item.clone());
                let below = top - 2 - n;
                if below >= at.stack_base {
                    slots[below] = Label::union(std::mem::take(&mut slots[below]), item);
                }
                (top - 2, false)
            }
            Instruction::GetIter | Instruction::GetAiter if depth >= 1 => {
                let label = heap.label(std::mem::take(&mut slots[top - 1]), value(1));
                let labelled = !label.is_clean();
                slots[top - 1] = label;
                (top, labelled)
            }
            Instruction::UnpackSequence(count)
                if depth >= 1 && top - 1 + (count as usize) < slots.len() =>
            {
                let label = heap.label(std::mem::take(&mut slots[top - 1]), value(1));
                let labelled = !label.is_clean() && count > 0;
                let end = top - 1 + count as usize;
                for slot in &mut slots[top - 1..end] {
                    *slot = label.clone();
                }
                (end, labelled)
            }
            // Those above without the room they need, and the
            // instructions the analysis keeps for itself (never
            // deferrable: cells, FOR_ITER, `raise`, calls).
            Instruction::StoreFast(_)
            | Instruction::PopTop
            | Instruction::PopJumpIfFalse(_)
            | Instruction::PopJumpIfTrue(_)
            | Instruction::PopJumpIfNone(_)
            | Instruction::PopJumpIfNotNone(_)
            | Instruction::BinaryOp(_)
            | Instruction::CompareOp(_)
            | Instruction::IsOp(_)
            | Instruction::ContainsOp(_)
            | Instruction::LoadAttr(_)
            | Instruction::LoadMethod(_)
            | Instruction::StoreAttr(_)
            | Instruction::BinarySubscr
            | Instruction::StoreSubscr
            | Instruction::ListAppend(_)
            | Instruction::SetAdd(_)
            | Instruction::MapAdd(_)
            | Instruction::GetIter
            | Instruction::GetAiter
            | Instruction::UnpackSequence(_)
            | Instruction::StoreName(_)
            | Instruction::StoreGlobal(_)
            | Instruction::LoadDeref(_)
            | Instruction::LoadClassDeref(_)
            | Instruction::StoreDeref(_)
            | Instruction::ForIter(_)
            | Instruction::RaiseVarargs(_)
            | Instruction::Call(_)
            | Instruction::CallFunctionEx(_) => return false,
            instruction => {
                // Each result carries the union of what it consumed.
                let effect = instruction.stack_effect();
                let (pops, pushes) = (effect.pops as usize, effect.pushes as usize);
                let from = top.wrapping_sub(pops);
                if depth < pops || from + pushes >= slots.len() {
                    return false;
                }
                let mut label = Label::CLEAN;
                for slot in slots[from..top].iter_mut().rev() {
                    label = Label::union(label, std::mem::take(slot));
                }
                let labelled = !label.is_clean();
                for slot in &mut slots[from..from + pushes] {
                    *slot = label.clone();
                }
                (from + pushes, labelled && pushes > 0)
            }
        };
        frame.top = sp;
        frame.dirty |= labelled;
        true
    }
}
