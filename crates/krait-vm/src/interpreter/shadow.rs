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
    labels: Rc<LabelSet>,
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
            labels: Rc::new(LabelSet::one(label)),
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
        self.node().into_iter().flat_map(|n| n.labels.iter())
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
        let (Some(x), Some(y)) = (&a.0, &b.0) else {
            return if a.is_clean() { b } else { a };
        };
        if a == b || Rc::ptr_eq(&x.labels, &y.labels) || y.labels.is_subset(&x.labels) {
            return a;
        }
        if x.labels.is_subset(&y.labels) {
            return b;
        }
        // A new set: the union of one node with one set is remembered
        // (a loop mixing two sources' values makes the same one each
        // time round), as steps are.
        UNIONS.with(|unions| {
            let mut unions = unions.borrow_mut();
            let from = Rc::as_ptr(x) as usize;
            let with = Rc::as_ptr(&y.labels) as usize;
            let slot = ((from >> 4) ^ (with >> 4).wrapping_mul(0x9e37_79b9)) & (UNION_MEMORY - 1);
            let remembered = &mut unions[slot];
            if let Some(known) = remembered
                && Rc::ptr_eq(&known.from, x)
                && Rc::ptr_eq(&known.with, &y.labels)
            {
                return Label(Some(known.to.clone()));
            }
            let to = Rc::new(LabelNode {
                labels: Rc::new(x.labels.union(&y.labels)),
                file: x.file,
                line: x.line,
                length: x.length,
                previous: x.previous.clone(),
            });
            *remembered = Some(Union {
                from: x.clone(),
                with: y.labels.clone(),
                to: to.clone(),
            });
            Label(Some(to))
        })
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
        STEPS.with(|steps| self.step_in(&mut steps.borrow_mut(), file, line))
    }

    /// [`Label::through`] with the steps remembered in `steps` (the
    /// shadow's own: no thread-local to reach).
    #[inline]
    pub fn through_in(self, steps: &mut StepMemory, file: u32, line: u32) -> Label {
        match self.node() {
            None => self,
            Some(node) if node.line == line && node.file == file => self,
            Some(_) => self.step_in(&mut steps.0, file, line),
        }
    }

    /// The step through `file:line`, taken before if `steps` remembers
    /// it.
    ///
    /// A node whose way is full ([`MAX_PATH`]) steps to a node with its
    /// `previous` (the newest step replaces the last one kept), so such a
    /// step is remembered by `previous`, not by the node: a value going
    /// round a loop with a full way then finds the nodes it made on its
    /// first round instead of making new ones each time (keyed by the
    /// node, every step of a full way was new).
    #[inline(never)]
    fn step_in(self, steps: &mut [Option<Step>], file: u32, line: u32) -> Label {
        let Some(node) = &self.0 else {
            return self;
        };
        let full = node.length as usize >= MAX_PATH;
        let key = match (full, &node.previous) {
            (true, Some(previous)) => previous,
            _ => node,
        };
        let from = Rc::as_ptr(key) as usize;
        let slot = ((from >> 4) ^ (line as usize).wrapping_mul(0x9e37_79b9) ^ file as usize)
            & (STEP_MEMORY - 1);
        let Some(remembered) = steps.get_mut(slot) else {
            return self;
        };
        if let Some(known) = remembered
            && Rc::ptr_eq(&known.from, key)
            && known.full == full
            && known.file == file
            && known.line == line
            && Rc::ptr_eq(&known.to.labels, &node.labels)
        {
            return Label(Some(known.to.clone()));
        }
        let (previous, length) = match full {
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
        *remembered = Some(Step {
            from: key.clone(),
            full,
            file,
            line,
            to: to.clone(),
        });
        Label(Some(to))
    }
}

/// A set of source numbers: those below 64 as bits (a subset test or a
/// union is a few instructions; a `BTreeSet`'s walk was most of the cost
/// of mixing two sources' values), the others in order.
#[derive(Debug, Default, PartialEq)]
pub struct LabelSet {
    small: u64,
    large: BTreeSet<usize>,
}

impl LabelSet {
    fn one(label: usize) -> LabelSet {
        let mut set = LabelSet::default();
        match label < 64 {
            true => set.small = 1 << label,
            false => {
                set.large.insert(label);
            }
        }
        set
    }

    #[inline]
    fn is_subset(&self, other: &LabelSet) -> bool {
        self.small & !other.small == 0
            && (self.large.is_empty() || self.large.is_subset(&other.large))
    }

    fn union(&self, other: &LabelSet) -> LabelSet {
        LabelSet {
            small: self.small | other.small,
            large: self.large.union(&other.large).copied().collect(),
        }
    }

    /// The numbers, in order.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        let small = self.small;
        (0..64)
            .filter(move |n| (small >> n) & 1 != 0)
            .chain(self.large.iter().copied())
    }
}

/// A union [`Label::union`] made: of the node `from` with the set
/// `with`, giving `to` (all kept, so the addresses name them alone).
struct Union {
    from: Rc<LabelNode>,
    with: Rc<LabelSet>,
    to: Rc<LabelNode>,
}

/// How many unions are remembered (a power of two).
const UNION_MEMORY: usize = 256;

thread_local! {
    /// The unions made last, by a hash of the node and the set.
    static UNIONS: std::cell::RefCell<Vec<Option<Union>>> =
        std::cell::RefCell::new((0..UNION_MEMORY).map(|_| None).collect());
}

/// A step a label took ([`Label::through`]): from the node `from` (or,
/// `full`, from a full way whose `previous` is `from`, with `to`'s label
/// set), at `file:line`, to the node `to`. Both are kept, so that
/// `from`'s address names it alone while remembered.
pub struct Step {
    from: Rc<LabelNode>,
    full: bool,
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

/// Steps remembered as the thread-local `STEPS` are, kept by a
/// [`Shadow`]: the loop's stores step labels without reaching a
/// thread-local.
pub struct StepMemory(Box<[Option<Step>]>);

impl Default for StepMemory {
    fn default() -> StepMemory {
        StepMemory((0..STEP_MEMORY).map(|_| None).collect())
    }
}

impl std::fmt::Debug for StepMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StepMemory")
    }
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
/// items), and the names of module namespaces. One entry per labelled
/// object, holding all it carries: an attribute read is one probe (with
/// a map keyed by object and name, reading an attribute probed twice,
/// for the object's contents and for the name, and the probes' cache
/// misses were a tenth of a run with labels everywhere).
#[derive(Debug, Default)]
pub struct HeapLabels {
    /// By object address.
    objects: HashMap<usize, Carried, Quick>,
    /// The size of `objects` that starts the next sweep.
    sweep_at: usize,
    /// By the namespace's address (a module's dict, alive while its code
    /// runs) and [`name_key`]; only labelled names are there.
    names: HashMap<(usize, usize), Label, Quick>,
}

/// What one object carries.
#[derive(Debug)]
struct Carried {
    /// The object, by a weak reference: it does not keep the object
    /// alive (a labelled object dies when the program drops it, as in a
    /// plain run), but it keeps the object's allocation, so its address
    /// names that object alone until the entry is dropped. Entries of
    /// dead objects are swept once the map has doubled.
    object: Weak<PyObject>,
    /// The label of its contents ([`CONTENTS`]).
    contents: Label,
    /// Its labelled attributes, by [`name_key`] (few per object: a scan).
    attributes: Vec<(usize, Label)>,
}

impl Carried {
    #[inline]
    fn get(&self, key: usize) -> Label {
        if key == CONTENTS {
            return self.contents.clone();
        }
        self.attributes
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    }

    /// The label under `key`, to change.
    fn entry(&mut self, key: usize) -> &mut Label {
        if key == CONTENTS {
            return &mut self.contents;
        }
        let at = match self.attributes.iter().position(|(name, _)| *name == key) {
            Some(at) => at,
            None => {
                self.attributes.push((key, Label::CLEAN));
                self.attributes.len() - 1
            }
        };
        &mut self.attributes[at].1
    }

    fn is_clean(&self) -> bool {
        self.contents.is_clean() && self.attributes.is_empty()
    }
}

impl HeapLabels {
    /// Whether no object carries a label.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// Whether `value` is an object that carries a label (an attribute's
    /// or its contents'), or a module while a module name does (its
    /// attributes are its namespace's names).
    #[inline]
    pub fn carries(&self, value: &Value) -> bool {
        address(value).is_some_and(|a| self.objects.contains_key(&a))
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
        if self.objects.is_empty() {
            return Label::CLEAN;
        }
        address(value)
            .and_then(|a| self.objects.get(&a))
            .map_or(Label::CLEAN, |carried| carried.get(key))
    }

    /// The labels `value` carries under [`CONTENTS`] and under `key`, from
    /// one probe (an attribute read: the object's and the attribute's).
    #[inline]
    pub fn get_both(&self, value: &Value, key: usize) -> (Label, Label) {
        if !self.names.is_empty() && key != CONTENTS {
            let module_name = self.module_name(value, key);
            if !module_name.is_clean() {
                return (self.get(value, CONTENTS), module_name);
            }
        }
        if self.objects.is_empty() {
            return (Label::CLEAN, Label::CLEAN);
        }
        match address(value).and_then(|a| self.objects.get(&a)) {
            Some(carried) => (carried.contents.clone(), carried.get(key)),
            None => (Label::CLEAN, Label::CLEAN),
        }
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
        let Some(carried) = self.keep(object) else {
            return;
        };
        let entry = carried.entry(key);
        *entry = Label::union(std::mem::take(entry), label);
    }

    /// Drops the labels of objects that died (their addresses can then be
    /// reused), and sets the next sweep at twice the size left.
    #[cold]
    fn sweep(&mut self) {
        self.objects
            .retain(|_, carried| carried.object.strong_count() > 0);
        self.sweep_at = (2 * self.objects.len()).max(MIN_SWEEP);
    }

    /// `object` carries `label` under `key`, and nothing else there (a
    /// cell's contents: a store replaces what it held).
    pub fn set(&mut self, object: &Value, key: usize, label: Label) {
        if label.is_clean() {
            if let Some(a) = address(object)
                && let Some(carried) = self.objects.get_mut(&a)
            {
                match key {
                    CONTENTS => carried.contents = Label::CLEAN,
                    _ => carried.attributes.retain(|(name, _)| *name != key),
                }
                if carried.is_clean() {
                    self.objects.remove(&a);
                }
            }
            return;
        }
        let Some(carried) = self.keep(object) else {
            return;
        };
        *carried.entry(key) = label;
    }

    /// The entry of `object` (none for an immediate), made if new.
    fn keep(&mut self, object: &Value) -> Option<&mut Carried> {
        let Value::Obj(rc) = object else { return None };
        let a = Rc::as_ptr(rc) as *const u8 as usize;
        if !self.objects.contains_key(&a) && self.objects.len() >= self.sweep_at {
            self.sweep();
        }
        Some(self.objects.entry(a).or_insert_with(|| Carried {
            object: Rc::downgrade(rc),
            contents: Label::CLEAN,
            attributes: Vec::new(),
        }))
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
    #[inline(always)]
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
    /// The steps the loop's stores took last ([`Label::through_in`]).
    pub(crate) steps: StepMemory,
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
            slots,
            frame,
            heap,
            steps,
            ..
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
        let mut stored = |label: Label, file: u32| match label.is_clean() {
            true => label,
            false => label.through_in(steps, file, line_of(at.index)),
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
                let (contents, attribute) = heap.get_both(object, name_key(at.names, i.0));
                let own = Label::union(std::mem::take(&mut slots[top - 1]), contents);
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
                let (contents, attribute) = heap.get_both(object, name_key(at.names, i.0));
                let own = Label::union(std::mem::take(&mut slots[top - 1]), contents);
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
                // One step at the unpacking's line for all the items:
                // the stores that take them (on that line) need none.
                let label = heap.label(std::mem::take(&mut slots[top - 1]), value(1));
                let label = stored(label, frame.file);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `label`'s way, first to last.
    fn way(label: &Label) -> Vec<u32> {
        let mut lines = Vec::new();
        let mut cursor = label.node();
        while let Some(node) = cursor {
            lines.push(node.line);
            cursor = node.previous.as_deref();
        }
        lines.reverse();
        lines
    }

    #[test]
    fn a_full_way_going_round_a_loop_reuses_its_nodes() {
        let mut steps = StepMemory::default();
        let mut label = Label::born(7, 0, 1);
        for line in 2..=MAX_PATH as u32 + 5 {
            label = label.through_in(&mut steps, 0, line);
        }
        let full = way(&label);
        assert_eq!(full.len(), MAX_PATH);
        // Round a loop of three lines, twice: the second round gives the
        // first round's nodes back.
        let mut first_round = Vec::new();
        for line in [100, 101, 102] {
            label = label.through_in(&mut steps, 0, line);
            first_round.push(label.clone());
        }
        for (line, seen) in [100, 101, 102].into_iter().zip(&first_round) {
            label = label.through_in(&mut steps, 0, line);
            assert!(label == *seen, "a new node for line {line}");
        }
        // The way is the one stepping without memory gives: its first
        // steps, then the newest.
        let mut expected = full[..MAX_PATH - 1].to_vec();
        expected.push(102);
        assert_eq!(way(&label), expected);
        assert_eq!(label.labels().collect::<Vec<_>>(), vec![7]);
    }

    #[test]
    fn a_remembered_full_step_needs_the_same_label_set() {
        let mut steps = StepMemory::default();
        let mut one = Label::born(1, 0, 1);
        for line in 2..=MAX_PATH as u32 + 1 {
            one = one.through_in(&mut steps, 0, line);
        }
        // A node with the same way but another label set (a union keeps
        // the way of its first operand).
        let both = Label::union(one.clone(), Label::born(2, 0, 9));
        let stepped_one = one.clone().through_in(&mut steps, 0, 500);
        let stepped_both = both.through_in(&mut steps, 0, 500);
        assert_eq!(stepped_one.labels().collect::<Vec<_>>(), vec![1]);
        assert_eq!(stepped_both.labels().collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(way(&stepped_one), way(&stepped_both));
    }

    #[test]
    fn label_sets_hold_small_and_large_numbers() {
        let (small, large) = (Label::born(3, 0, 1), Label::born(70, 0, 2));
        let both = Label::union(small.clone(), large.clone());
        assert_eq!(both.labels().collect::<Vec<_>>(), vec![3, 70]);
        // Its way is the first operand's.
        assert_eq!(way(&both), vec![1]);
        // A subset joins as the bigger set, by pointer.
        assert!(Label::union(both.clone(), small.clone()) == both);
        assert!(Label::union(large.clone(), both.clone()) == both);
        // The same union again gives the same node.
        assert!(Label::union(small.clone(), large.clone()) == both);
        let more = Label::union(both, Label::born(5, 0, 3));
        assert_eq!(more.labels().collect::<Vec<_>>(), vec![3, 5, 70]);
    }

    #[test]
    fn heap_labels_keep_contents_and_attributes_apart() {
        let mut heap = HeapLabels::default();
        let object = Value::list(Vec::new());
        let other = Value::list(Vec::new());
        let (a, b) = (Label::born(1, 0, 1), Label::born(2, 0, 2));
        assert!(heap.is_empty() && !heap.carries(&object));
        heap.add(&object, CONTENTS, a.clone());
        heap.add(&object, 64, b.clone());
        assert!(heap.carries(&object) && !heap.carries(&other));
        assert!(heap.get(&object, CONTENTS) == a);
        assert!(heap.get(&object, 64) == b);
        assert!(heap.get(&object, 128).is_clean());
        let (contents, attribute) = heap.get_both(&object, 64);
        assert!(contents == a && attribute == b);
        // Labels added up: both sets.
        heap.add(&object, CONTENTS, b.clone());
        let mut sets: Vec<_> = heap.get(&object, CONTENTS).labels().collect();
        sets.sort();
        assert_eq!(sets, vec![1, 2]);
        // A clean `set` clears one key; the last one drops the object.
        heap.set(&object, 64, Label::CLEAN);
        assert!(heap.get(&object, 64).is_clean() && heap.carries(&object));
        heap.set(&object, CONTENTS, Label::CLEAN);
        assert!(!heap.carries(&object) && heap.is_empty());
        // A `set` replaces.
        heap.set(&other, 64, a.clone());
        heap.set(&other, 64, b.clone());
        assert!(heap.get(&other, 64) == b);
    }
}
