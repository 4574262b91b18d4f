//! The matcher: a [`Node`] tree compiled to a small program run by a
//! backtracking machine, with sre's semantics (leftmost-first
//! alternation, greedy/lazy/possessive repeats, atomic groups,
//! lookaround, backreferences, conditionals).
//!
//! Backtracking state lives on a heap stack (never the Rust stack), so a
//! long subject or a deep repeat cannot overflow it. Every change to the
//! capture slots or repeat counters pushes an undo record, so popping the
//! stack to a choice point restores the state exactly as it was there.
//! A subject is a slice of code points (`char`) or of bytes (`u8`: bytes
//! subjects and ASCII strs, which need no conversion); positions index it.

use super::parse::{Assert, Category, ClassItem, ClassSet, MAXREPEAT, Node, RepeatKind};

/// An unset capture slot.
pub const NONE: usize = usize::MAX;

/// What a single-character step matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum One {
    Char(u32),
    /// Case-insensitive: the subject character's fold equals this.
    Fold(u32, bool),
    Any,
    AnyAll,
    Class(usize),
}

#[derive(Debug, Clone, Copy)]
enum Inst {
    One(One),
    /// Try `pc + 1`, then `alt`.
    Split(usize),
    Jmp(usize),
    Save(usize),
    Assert(Assert),
    Backref {
        group: usize,
        icase: bool,
        ascii: bool,
    },
    /// A single-character item repeated (no per-step choice points).
    RepeatOne {
        one: One,
        min: u32,
        max: u32,
        greedy: bool,
    },
    /// Resets repeat counter `r` before the loop.
    RepInit(usize),
    /// The head of a general repeat's loop; the body follows, `exit` is
    /// after the loop.
    RepLoop {
        r: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    /// Starts an atomic group or a lookaround; `end` is the instruction
    /// after its closing `MarkEnd`.
    MarkStart {
        kind: MarkKind,
        behind: usize,
        end: usize,
    },
    MarkEnd,
    /// Continues if `group` matched, else jumps to `no`.
    GroupCond {
        group: usize,
        no: usize,
    },
    Match,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum MarkKind {
    Atomic,
    Look,
    NegLook,
}

/// A compiled pattern.
pub struct Program {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    /// Capture slots: two per group, group 0 included.
    pub slots: usize,
    reps: usize,
    /// Tests one of which every match's first character passes (empty
    /// when there are none).
    first: Vec<One>,
    /// Literal text every match starts with (for a fast scan).
    prefix: Vec<u32>,
    /// Matches can only start at position 0.
    anchored: bool,
}

/// A set, with its ASCII part as a bitmap.
struct Class {
    set: ClassSet,
    ascii: [u64; 2],
}

impl Class {
    fn new(set: ClassSet) -> Class {
        let mut class = Class { set, ascii: [0; 2] };
        for c in 0..128u32 {
            if class.slow_contains(c) {
                class.ascii[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        class
    }

    #[inline]
    fn contains(&self, c: u32) -> bool {
        if c < 128 {
            self.ascii[(c / 64) as usize] & (1 << (c % 64)) != 0
        } else {
            self.slow_contains(c)
        }
    }

    fn slow_contains(&self, c: u32) -> bool {
        let set = &self.set;
        let found = if set.icase {
            self.items_contain_icase(c)
        } else {
            self.items_contain(c)
        };
        found != set.negated
    }

    fn items_contain_icase(&self, c: u32) -> bool {
        let ascii = self.set.ascii;
        let folded = fold(c, ascii);
        let variants = [c, lower(c, ascii), upper(c, ascii), folded];
        self.set.items.iter().any(|item| match *item {
            ClassItem::Char(x) => x == c || fold(x, ascii) == folded,
            ClassItem::Range(a, b) => variants.iter().any(|&v| a <= v && v <= b),
            ClassItem::Cat(cat, negated) => category(cat, c, ascii) != negated,
        })
    }

    fn items_contain(&self, c: u32) -> bool {
        self.set.items.iter().any(|item| match *item {
            ClassItem::Char(x) => x == c,
            ClassItem::Range(a, b) => a <= c && c <= b,
            ClassItem::Cat(cat, negated) => category(cat, c, self.set.ascii) != negated,
        })
    }
}

pub fn category(cat: Category, c: u32, ascii: bool) -> bool {
    match cat {
        Category::Digit => {
            if c < 128 || ascii {
                (b'0' as u32..=b'9' as u32).contains(&c)
            } else {
                char::from_u32(c).is_some_and(krait_vm::builtins::str::is_decimal_char)
            }
        }
        Category::Space => {
            if c < 128 || ascii {
                matches!(c, 9..=13 | 32) || (!ascii && (28..=31).contains(&c))
            } else {
                char::from_u32(c).is_some_and(krait_vm::builtins::str::is_py_whitespace)
            }
        }
        Category::Word => is_word(c, ascii),
    }
}

#[inline]
fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        let b = c as u8;
        b.is_ascii_alphanumeric() || b == b'_'
    } else if ascii {
        false
    } else {
        char::from_u32(c).is_some_and(char::is_alphanumeric)
    }
}

#[inline]
pub fn lower(c: u32, ascii: bool) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    if ascii {
        return c;
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut it = ch.to_lowercase();
            match (it.next(), it.next()) {
                (Some(l), None) => l as u32,
                _ => c,
            }
        }
        None => c,
    }
}

fn upper(c: u32, ascii: bool) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    if ascii {
        return c;
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut it = ch.to_uppercase();
            match (it.next(), it.next()) {
                (Some(u), None) => u as u32,
                _ => c,
            }
        }
        None => c,
    }
}

/// The case-folded form of a character: characters equal ignoring case
/// have the same one. Going through the upper case joins the variants
/// that lowercase differently (`ſ` and `s`, `ς` and `σ`, the Kelvin sign
/// and `k`), as sre's case-insensitive matching does.
/// Always inlined: the ASCII case is a few instructions in the scanning
/// loops, and leaving the inlining to the profile's weights once cost a
/// log-scanning program 6% (a call per character).
#[inline(always)]
pub fn fold(c: u32, ascii: bool) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    fold_beyond_ascii(c, ascii)
}

/// [`fold`] of a character past ASCII.
#[inline(never)]
fn fold_beyond_ascii(c: u32, ascii: bool) -> u32 {
    if ascii {
        return c;
    }
    lower(upper(lower(c, false), false), false)
}

// ---------------------------------------------------------------------------
// Compilation.

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    reps: usize,
}

/// Compiles a parsed pattern with `groups` capturing groups.
pub fn compile(node: &Node, groups: usize) -> Program {
    let mut c = Compiler {
        insts: Vec::new(),
        classes: Vec::new(),
        reps: 0,
    };
    c.emit(Inst::Save(0));
    c.node(node);
    c.emit(Inst::Save(1));
    c.emit(Inst::Match);
    let mut prefix = Vec::new();
    literal_prefix(node, &mut prefix);
    Program {
        first: first_tests(node, &mut c),
        insts: c.insts,
        classes: c.classes,
        slots: 2 * (groups + 1),
        reps: c.reps,
        prefix,
        anchored: starts_anchored(node),
    }
}

/// Literal characters every match starts with.
fn literal_prefix(node: &Node, out: &mut Vec<u32>) -> bool {
    match node {
        Node::Char {
            c, icase: false, ..
        } => {
            out.push(*c);
            true
        }
        Node::Cat(items) => {
            for item in items {
                if !literal_prefix(item, out) {
                    return false;
                }
            }
            true
        }
        Node::Group(_, inner) => literal_prefix(inner, out),
        _ => false,
    }
}

fn starts_anchored(node: &Node) -> bool {
    match node {
        Node::Assert(Assert::Start) => true,
        Node::Cat(items) => items.first().is_some_and(starts_anchored),
        Node::Group(_, inner) | Node::Atomic(inner) => starts_anchored(inner),
        _ => false,
    }
}

/// Tests one of which the first character of every match passes (none
/// when a match may be empty or may start with anything).
fn first_tests(node: &Node, c: &mut Compiler) -> Vec<One> {
    match first_set(node, c) {
        Some((set, false)) if !set.is_empty() => set,
        _ => Vec::new(),
    }
}

/// The first-character tests of `node` and whether it can match without
/// consuming a character; `None` when unknown (or too many tests to be
/// worth checking).
fn first_set(node: &Node, c: &mut Compiler) -> Option<(Vec<One>, bool)> {
    const MAX_TESTS: usize = 8;
    let result = match node {
        Node::Char { .. } | Node::Any { .. } | Node::Class(_) => (vec![c.one(node)?], false),
        Node::Empty | Node::Assert(_) | Node::Look { .. } => (Vec::new(), true),
        Node::Cat(items) => {
            let mut set = Vec::new();
            for item in items {
                let (s, nullable) = first_set(item, c)?;
                set.extend(s);
                if !nullable {
                    return (set.len() <= MAX_TESTS).then_some((set, false));
                }
            }
            (set, true)
        }
        Node::Alt(items) => {
            let mut set = Vec::new();
            let mut any_nullable = false;
            for item in items {
                let (s, nullable) = first_set(item, c)?;
                set.extend(s);
                any_nullable |= nullable;
            }
            (set, any_nullable)
        }
        Node::Group(_, inner) | Node::Atomic(inner) => first_set(inner, c)?,
        Node::Repeat { min, node, .. } => {
            let (s, nullable) = first_set(node, c)?;
            (s, nullable || *min == 0)
        }
        Node::Backref { .. } | Node::Cond { .. } => return None,
    };
    (result.0.len() <= MAX_TESTS).then_some(result)
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> usize {
        self.insts.push(inst);
        self.insts.len() - 1
    }

    fn here(&self) -> usize {
        self.insts.len()
    }

    /// The single-character step for `node`, if it is one.
    fn one(&mut self, node: &Node) -> Option<One> {
        Some(match node {
            Node::Char { c, icase, ascii } => {
                // Past ASCII, other characters may fold to this one.
                let cased = fold(*c, *ascii) != *c || upper(*c, *ascii) != *c;
                if *icase && (cased || (*c >= 128 && !*ascii)) {
                    One::Fold(fold(*c, *ascii), *ascii)
                } else {
                    One::Char(*c)
                }
            }
            Node::Any { all } => {
                if *all {
                    One::AnyAll
                } else {
                    One::Any
                }
            }
            Node::Class(set) => {
                self.classes.push(Class::new((**set).clone()));
                One::Class(self.classes.len() - 1)
            }
            _ => return None,
        })
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Char { .. } | Node::Any { .. } | Node::Class(_) => {
                if let Some(one) = self.one(node) {
                    self.emit(Inst::One(one));
                }
            }
            Node::Cat(items) => {
                for item in items {
                    self.node(item);
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.emit(Inst::Split(0));
                        self.node(branch);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.here();
                        self.insts[split] = Inst::Split(next);
                    } else {
                        self.node(branch);
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Group(g, inner) => {
                self.emit(Inst::Save(2 * g));
                self.node(inner);
                self.emit(Inst::Save(2 * g + 1));
            }
            Node::Repeat {
                min,
                max,
                kind,
                node: inner,
            } => {
                if *kind == RepeatKind::Possessive {
                    let start = self.emit(Inst::MarkStart {
                        kind: MarkKind::Atomic,
                        behind: 0,
                        end: 0,
                    });
                    self.repeat(*min, *max, true, inner);
                    self.emit(Inst::MarkEnd);
                    let end = self.here();
                    self.insts[start] = Inst::MarkStart {
                        kind: MarkKind::Atomic,
                        behind: 0,
                        end,
                    };
                } else {
                    self.repeat(*min, *max, *kind == RepeatKind::Greedy, inner);
                }
            }
            Node::Atomic(inner) => self.marked(MarkKind::Atomic, 0, inner),
            Node::Look {
                behind,
                negated,
                node: inner,
            } => {
                let width = if *behind {
                    super::parse::width(inner).0 as usize
                } else {
                    0
                };
                let kind = if *negated {
                    MarkKind::NegLook
                } else {
                    MarkKind::Look
                };
                // A lookbehind of width 0 is checked as a lookahead.
                self.marked(kind, if *behind { width } else { 0 }, inner);
            }
            Node::Backref {
                group,
                icase,
                ascii,
            } => {
                self.emit(Inst::Backref {
                    group: *group,
                    icase: *icase,
                    ascii: *ascii,
                });
            }
            Node::Cond { group, yes, no } => {
                let cond = self.emit(Inst::GroupCond {
                    group: *group,
                    no: 0,
                });
                self.node(yes);
                let jump = self.emit(Inst::Jmp(0));
                let no_start = self.here();
                self.node(no);
                let end = self.here();
                self.insts[cond] = Inst::GroupCond {
                    group: *group,
                    no: no_start,
                };
                self.insts[jump] = Inst::Jmp(end);
            }
            Node::Assert(a) => {
                self.emit(Inst::Assert(*a));
            }
        }
    }

    fn marked(&mut self, kind: MarkKind, behind: usize, inner: &Node) {
        let start = self.emit(Inst::MarkStart {
            kind,
            behind,
            end: 0,
        });
        self.node(inner);
        self.emit(Inst::MarkEnd);
        let end = self.here();
        self.insts[start] = Inst::MarkStart { kind, behind, end };
    }

    fn repeat(&mut self, min: u32, max: u32, greedy: bool, inner: &Node) {
        if max == 0 {
            return;
        }
        if let Some(one) = self.one(inner) {
            self.emit(Inst::RepeatOne {
                one,
                min,
                max,
                greedy,
            });
            return;
        }
        if min == 0 && max == 1 {
            // `x?`: a plain choice.
            if greedy {
                let split = self.emit(Inst::Split(0));
                self.node(inner);
                let end = self.here();
                self.insts[split] = Inst::Split(end);
            } else {
                // Try skipping first: jump over a split that prefers the end.
                let split = self.emit(Inst::Split(0));
                let jump = self.emit(Inst::Jmp(0));
                let body = self.here();
                self.node(inner);
                let end = self.here();
                self.insts[split] = Inst::Split(body);
                self.insts[jump] = Inst::Jmp(end);
            }
            return;
        }
        let r = self.reps;
        self.reps += 1;
        self.emit(Inst::RepInit(r));
        let head = self.emit(Inst::RepLoop {
            r,
            min,
            max,
            greedy,
            exit: 0,
        });
        self.node(inner);
        self.emit(Inst::Jmp(head));
        let exit = self.here();
        self.insts[head] = Inst::RepLoop {
            r,
            min,
            max,
            greedy,
            exit,
        };
    }
}

// ---------------------------------------------------------------------------
// Matching.

/// A subject's element: a code point or a byte.
pub trait Unit: Copy {
    fn get(self) -> u32;
}

impl Unit for u8 {
    #[inline]
    fn get(self) -> u32 {
        u32::from(self)
    }
}

impl Unit for char {
    #[inline]
    fn get(self) -> u32 {
        self as u32
    }
}

enum Entry {
    /// Resume at `pc` with `pos`.
    Alt { pc: usize, pos: usize },
    /// Undo: slot `slot` was `old`; `last` was the last group closed.
    Slot {
        slot: usize,
        old: usize,
        last: usize,
    },
    /// Undo: repeat counter `r` was `count` with its iteration start.
    Rep { r: usize, count: u32, start: usize },
    /// A greedy single-character repeat may give back characters down to
    /// `low`; `pos` is its current end, `pc` what follows.
    Greedy { pc: usize, low: usize, pos: usize },
    /// A lazy single-character repeat may take one more character (the
    /// `RepeatOne` is at `pc - 1`), having taken `count`.
    Lazy { pc: usize, pos: usize, count: u32 },
    /// A lazy general repeat may run one more iteration at `pos`.
    LazyRep { r: usize, pos: usize, body: usize },
    /// An atomic group or lookaround in progress.
    Mark {
        kind: MarkKind,
        pos: usize,
        end: usize,
    },
}

/// Reusable matching state (the stack is kept between attempts).
pub struct Matcher<'p> {
    prog: &'p Program,
    stack: Vec<Entry>,
    pub slots: Vec<usize>,
    counts: Vec<(u32, usize)>,
    /// The last group closed (`lastindex`), 0 for none.
    pub last: usize,
}

impl<'p> Matcher<'p> {
    pub fn new(prog: &'p Program) -> Matcher<'p> {
        Matcher {
            prog,
            stack: Vec::new(),
            slots: vec![NONE; prog.slots],
            counts: vec![(0, NONE); prog.reps],
            last: 0,
        }
    }

    /// Searches `text` for a match starting in `start..=text.len()` (or
    /// only at `start` when `anchored`); on success the slots hold it.
    /// With `must_advance`, a match at `start` must not be empty.
    pub fn search<T: Unit>(
        &mut self,
        text: &[T],
        start: usize,
        anchored: bool,
        full: bool,
        must_advance: bool,
    ) -> bool {
        let prog = self.prog;
        if anchored {
            return self.attempt(text, start, full, must_advance);
        }
        if prog.anchored {
            return start == 0 && self.attempt(text, 0, full, must_advance);
        }
        let mut at = start;
        if prog.prefix.len() > 1 {
            let first = prog.prefix[0];
            let rest = &prog.prefix[1..];
            while at + prog.prefix.len() <= text.len() {
                match text[at..].iter().position(|c| c.get() == first) {
                    None => return false,
                    Some(i) => at += i,
                }
                if at + prog.prefix.len() > text.len() {
                    return false;
                }
                if rest
                    .iter()
                    .enumerate()
                    .all(|(i, &c)| text[at + 1 + i].get() == c)
                    && self.attempt(text, at, full, must_advance && at == start)
                {
                    return true;
                }
                at += 1;
            }
            return false;
        }
        if let [one] = prog.first[..] {
            while at < text.len() {
                if self.one(one, text[at].get())
                    && self.attempt(text, at, full, must_advance && at == start)
                {
                    return true;
                }
                at += 1;
            }
            return false;
        }
        if !prog.first.is_empty() {
            while at < text.len() {
                let c = text[at].get();
                if prog.first.iter().any(|&one| self.one(one, c))
                    && self.attempt(text, at, full, must_advance && at == start)
                {
                    return true;
                }
                at += 1;
            }
            return false;
        }
        loop {
            if self.attempt(text, at, full, must_advance && at == start) {
                return true;
            }
            if at >= text.len() {
                return false;
            }
            at += 1;
        }
    }

    #[inline]
    fn one(&self, one: One, c: u32) -> bool {
        match one {
            One::Char(x) => c == x,
            One::Fold(x, ascii) => fold(c, ascii) == x,
            One::Any => c != '\n' as u32,
            One::AnyAll => true,
            One::Class(i) => self.prog.classes[i].contains(c),
        }
    }

    fn set_slot(&mut self, slot: usize, value: usize) {
        self.stack.push(Entry::Slot {
            slot,
            old: self.slots[slot],
            last: self.last,
        });
        self.slots[slot] = value;
        if slot % 2 == 1 && slot > 1 {
            self.last = slot / 2;
        }
    }

    fn set_rep(&mut self, r: usize, count: u32, start: usize) {
        let (old_count, old_start) = self.counts[r];
        self.stack.push(Entry::Rep {
            r,
            count: old_count,
            start: old_start,
        });
        self.counts[r] = (count, start);
    }

    /// Tries a match starting exactly at `start`.
    fn attempt<T: Unit>(
        &mut self,
        text: &[T],
        start: usize,
        full: bool,
        must_advance: bool,
    ) -> bool {
        let prog = self.prog;
        let insts = &prog.insts[..];
        self.stack.clear();
        self.slots.fill(NONE);
        self.last = 0;
        let end = text.len();
        let mut pc = 0;
        let mut pos = start;
        loop {
            // `true` from a step means it failed: backtrack.
            let fail = match insts[pc] {
                Inst::One(one) => {
                    if pos < end && self.one(one, text[pos].get()) {
                        pos += 1;
                        pc += 1;
                        false
                    } else {
                        true
                    }
                }
                Inst::Split(alt) => {
                    self.stack.push(Entry::Alt { pc: alt, pos });
                    pc += 1;
                    false
                }
                Inst::Jmp(to) => {
                    pc = to;
                    false
                }
                Inst::Save(slot) => {
                    self.set_slot(slot, pos);
                    pc += 1;
                    false
                }
                Inst::Assert(a) => {
                    if self.assert(a, text, pos) {
                        pc += 1;
                        false
                    } else {
                        true
                    }
                }
                Inst::Backref {
                    group,
                    icase,
                    ascii,
                } => {
                    let (a, b) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    if a == NONE || b == NONE {
                        true
                    } else {
                        let len = b - a;
                        if pos + len <= end
                            && (0..len).all(|i| {
                                let (x, y) = (text[a + i].get(), text[pos + i].get());
                                // sre compares lowercases only here.
                                x == y || (icase && lower(x, ascii) == lower(y, ascii))
                            })
                        {
                            pos += len;
                            pc += 1;
                            false
                        } else {
                            true
                        }
                    }
                }
                Inst::RepeatOne {
                    one,
                    min,
                    max,
                    greedy,
                } => {
                    let min = min as usize;
                    let limit = if max == MAXREPEAT {
                        end
                    } else {
                        end.min(pos.saturating_add(max as usize))
                    };
                    if greedy {
                        let mut p = pos;
                        while p < limit && self.one(one, text[p].get()) {
                            p += 1;
                        }
                        if p - pos < min {
                            true
                        } else {
                            if p > pos + min {
                                self.stack.push(Entry::Greedy {
                                    pc: pc + 1,
                                    low: pos + min,
                                    pos: p,
                                });
                            }
                            pos = p;
                            pc += 1;
                            false
                        }
                    } else {
                        let mut p = pos;
                        while p < pos + min && p < end && self.one(one, text[p].get()) {
                            p += 1;
                        }
                        if p - pos < min {
                            true
                        } else {
                            self.stack.push(Entry::Lazy {
                                pc: pc + 1,
                                pos: p,
                                count: min as u32,
                            });
                            pos = p;
                            pc += 1;
                            false
                        }
                    }
                }
                Inst::RepInit(r) => {
                    self.set_rep(r, 0, NONE);
                    pc += 1;
                    false
                }
                Inst::RepLoop {
                    r,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let (count, last) = self.counts[r];
                    if count < min {
                        self.set_rep(r, count + 1, pos);
                        pc += 1;
                    } else if (count > 0 && last == pos) || (max != MAXREPEAT && count >= max) {
                        // An empty iteration ends the loop (no endless
                        // repetition of nothing).
                        pc = exit;
                    } else if greedy {
                        self.stack.push(Entry::Alt { pc: exit, pos });
                        self.set_rep(r, count + 1, pos);
                        pc += 1;
                    } else {
                        self.stack.push(Entry::LazyRep {
                            r,
                            pos,
                            body: pc + 1,
                        });
                        pc = exit;
                    }
                    false
                }
                Inst::MarkStart {
                    kind,
                    behind,
                    end: after,
                } => {
                    if pos < behind {
                        // Lookbehind before the start of the subject.
                        if kind == MarkKind::NegLook {
                            pc = after;
                            false
                        } else {
                            true
                        }
                    } else {
                        self.stack.push(Entry::Mark {
                            kind,
                            pos,
                            end: after,
                        });
                        pos -= behind;
                        pc += 1;
                        false
                    }
                }
                Inst::MarkEnd => self.mark_end(&mut pc, &mut pos),
                Inst::GroupCond { group, no } => {
                    if self.slots[2 * group] != NONE && self.slots[2 * group + 1] != NONE {
                        pc += 1;
                    } else {
                        pc = no;
                    }
                    false
                }
                Inst::Match => {
                    if (full && pos != end) || (must_advance && pos == start) {
                        true
                    } else {
                        return true;
                    }
                }
            };
            if fail && !self.backtrack(text, &mut pc, &mut pos) {
                return false;
            }
        }
    }

    /// The end of an atomic group or lookaround: its choice points are
    /// dropped (its undo records are kept). Returns whether to backtrack.
    fn mark_end(&mut self, pc: &mut usize, pos: &mut usize) -> bool {
        let Some(at) = self
            .stack
            .iter()
            .rposition(|e| matches!(e, Entry::Mark { .. }))
        else {
            return true;
        };
        let Entry::Mark {
            kind,
            pos: saved,
            end,
        } = self.stack[at]
        else {
            return true;
        };
        if kind == MarkKind::NegLook {
            // The body matched: the negative lookaround fails. Undo what
            // the body did, then fail past the mark.
            while self.stack.len() > at + 1 {
                if let Some(e) = self.stack.pop() {
                    self.undo(e);
                }
            }
            self.stack.pop();
            return true;
        }
        let mut w = at;
        for r in at + 1..self.stack.len() {
            if matches!(self.stack[r], Entry::Slot { .. } | Entry::Rep { .. }) {
                self.stack.swap(w, r);
                w += 1;
            }
        }
        self.stack.truncate(w);
        if kind == MarkKind::Look {
            *pos = saved;
        }
        *pc = end;
        false
    }

    /// Applies an undo record (other entries are dropped).
    fn undo(&mut self, e: Entry) {
        match e {
            Entry::Slot { slot, old, last } => {
                self.slots[slot] = old;
                self.last = last;
            }
            Entry::Rep { r, count, start } => self.counts[r] = (count, start),
            _ => {}
        }
    }

    /// Pops to the latest choice point and resumes there; `false` when
    /// there is none (the attempt failed).
    fn backtrack<T: Unit>(&mut self, text: &[T], pc: &mut usize, pos: &mut usize) -> bool {
        while let Some(e) = self.stack.pop() {
            match e {
                Entry::Alt { pc: p, pos: q } => {
                    *pc = p;
                    *pos = q;
                    return true;
                }
                Entry::Slot { .. } | Entry::Rep { .. } => self.undo(e),
                Entry::Greedy { pc: p, low, pos: q } => {
                    let mut q = q - 1;
                    // If a literal follows, give back to where it matches.
                    if let Inst::One(One::Char(c)) = self.prog.insts[p] {
                        while q > low && text.get(q).map(|t| t.get()) != Some(c) {
                            q -= 1;
                        }
                        if text.get(q).map(|t| t.get()) != Some(c) {
                            continue;
                        }
                    }
                    if q > low {
                        self.stack.push(Entry::Greedy { pc: p, low, pos: q });
                    }
                    *pc = p;
                    *pos = q;
                    return true;
                }
                Entry::Lazy {
                    pc: p,
                    pos: q,
                    count,
                } => {
                    let Inst::RepeatOne { one, max, .. } = self.prog.insts[p - 1] else {
                        continue;
                    };
                    if (max == MAXREPEAT || count < max)
                        && q < text.len()
                        && self.one(one, text[q].get())
                    {
                        self.stack.push(Entry::Lazy {
                            pc: p,
                            pos: q + 1,
                            count: count + 1,
                        });
                        *pc = p;
                        *pos = q + 1;
                        return true;
                    }
                }
                Entry::LazyRep { r, pos: q, body } => {
                    let (count, _) = self.counts[r];
                    let Inst::RepLoop { max, .. } = self.prog.insts[body - 1] else {
                        continue;
                    };
                    if max == MAXREPEAT || count < max {
                        self.set_rep(r, count + 1, q);
                        *pc = body;
                        *pos = q;
                        return true;
                    }
                }
                Entry::Mark { kind, pos: q, end } => {
                    if kind == MarkKind::NegLook {
                        // The body failed: the negative lookaround holds.
                        *pc = end;
                        *pos = q;
                        return true;
                    }
                }
            }
        }
        false
    }

    fn assert<T: Unit>(&self, a: Assert, text: &[T], pos: usize) -> bool {
        let end = text.len();
        let nl = '\n' as u32;
        match a {
            Assert::Start => pos == 0,
            Assert::StartLine => pos == 0 || text[pos - 1].get() == nl,
            Assert::End => pos == end || (pos + 1 == end && text[pos].get() == nl),
            Assert::EndLine => pos == end || text[pos].get() == nl,
            Assert::EndAbs => pos == end,
            Assert::Boundary { ascii } | Assert::NotBoundary { ascii } => {
                let before = pos > 0 && is_word(text[pos - 1].get(), ascii);
                let after = pos < end && is_word(text[pos].get(), ascii);
                // Neither holds in an empty subject (as in sre).
                end != 0 && (before != after) == matches!(a, Assert::Boundary { .. })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::re::parse::{Error, FLAG_IGNORECASE, parse};

    fn program(pattern: &str, flags: u32) -> Program {
        let src: Vec<u32> = pattern.chars().map(|c| c as u32).collect();
        let parsed = parse(&src, false, flags).expect("pattern parses");
        compile(&parsed.node, parsed.groups)
    }

    /// The span of the first match of `pattern` in `text`, and its groups'.
    fn search(pattern: &str, text: &str) -> Option<Vec<(usize, usize)>> {
        let prog = program(pattern, 0);
        let chars: Vec<char> = text.chars().collect();
        let mut m = Matcher::new(&prog);
        if !m.search(&chars, 0, false, false, false) {
            return None;
        }
        Some(m.slots.chunks(2).map(|s| (s[0], s[1])).collect())
    }

    #[test]
    fn leftmost_first_alternation_and_backtracking() {
        assert_eq!(search("a|ab", "ab"), Some(vec![(0, 1)]));
        assert_eq!(
            search("(a+)(a+)", "aaa"),
            Some(vec![(0, 3), (0, 2), (2, 3)])
        );
        assert_eq!(
            search("(a+?)(a+)", "aaa"),
            Some(vec![(0, 3), (0, 1), (1, 3)])
        );
        assert_eq!(search("x*y", "xxz xy"), Some(vec![(4, 6)]));
    }

    #[test]
    fn atomic_and_possessive_do_not_give_back() {
        assert_eq!(search("(?>a*)a", "aaa"), None);
        assert_eq!(search("a*+a", "aaa"), None);
        assert_eq!(search("(?>a|ab)c", "abc"), None);
        assert_eq!(search("(?:a|ab)c", "abc"), Some(vec![(0, 3)]));
    }

    #[test]
    fn lookaround_and_backreferences() {
        assert_eq!(search(r"(?<=\$)\d+", "a $42"), Some(vec![(3, 5)]));
        assert_eq!(search(r"(?<!a)b", "abcb"), Some(vec![(3, 4)]));
        assert_eq!(search(r"\w+(?=!)", "hi there!"), Some(vec![(3, 8)]));
        assert_eq!(search(r"(\w)\1", "abccd"), Some(vec![(2, 4), (2, 3)]));
        assert_eq!(
            search(r"(a)?(?(1)b|c)", "c"),
            Some(vec![(0, 1), (NONE, NONE)])
        );
    }

    #[test]
    fn ignorecase_folds_beyond_ascii() {
        let prog = program("straße", FLAG_IGNORECASE);
        let text: Vec<char> = "STRAẞE".chars().collect();
        assert!(Matcher::new(&prog).search(&text, 0, false, false, false));
    }

    #[test]
    fn long_subjects_use_the_heap_stack() {
        let text = vec![b'a'; 1_000_000];
        let prog = program("(?:(a)|b)*c|(a)*$", 0);
        let mut m = Matcher::new(&prog);
        assert!(m.search(&text, 0, false, false, false));
        assert_eq!((m.slots[0], m.slots[1]), (0, 1_000_000));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let pattern = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
        let src: Vec<u32> = pattern.chars().map(|c| c as u32).collect();
        assert!(matches!(parse(&src, false, 0), Err(Error::Recursion)));
    }

    #[test]
    fn errors_carry_positions() {
        let src: Vec<u32> = "ab)".chars().map(|c| c as u32).collect();
        assert!(matches!(
            parse(&src, false, 0),
            Err(Error::Re(msg, Some(2))) if msg == "unbalanced parenthesis"
        ));
    }
}

#[cfg(test)]
mod depth_tests {
    use super::*;
    use crate::re::parse::{Error, MAX_DEPTH, parse};

    /// Runs `f` on a thread with a 2 MiB stack (what a spawned thread gets
    /// by default).
    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(f)
            .expect("thread starts")
            .join()
            .expect("no panic or overflow");
    }

    /// The deepest nesting accepted parses, compiles and matches.
    #[test]
    fn deepest_accepted_nesting_fits_a_small_stack() {
        on_small_stack(|| {
            for open in ["(", "(?:", "(?=", "(?>", "(?<=", "(?i:"] {
                let depth = MAX_DEPTH - 1;
                let pattern = format!("{}a{}", open.repeat(depth), ")".repeat(depth));
                let src: Vec<u32> = pattern.chars().map(|c| c as u32).collect();
                let parsed = parse(&src, false, 0).expect("nesting within the limit parses");
                let prog = compile(&parsed.node, parsed.groups);
                let mut m = Matcher::new(&prog);
                assert!(m.search(b"xa", 0, false, false, false));
            }
        });
    }

    #[test]
    fn nested_conditionals_are_bounded_too() {
        on_small_stack(|| {
            let pattern = format!("(a){}", "(?(1)".repeat(100_000));
            let src: Vec<u32> = pattern.chars().map(|c| c as u32).collect();
            assert!(matches!(parse(&src, false, 0), Err(Error::Recursion)));
        });
    }
}
