//! The labels values carry, interned: a value's label is a [`Tid`], a
//! number (0 for none) naming a label set and the way the value came (the
//! lines it passed through). The shadow of the VM's stack is then an array
//! of numbers: copying a label is copying a word, and the operations on
//! labels (a union, a step through a line) are looked up once per pair of
//! operands and remembered, so a loop that moves the same labelled values
//! through the same lines makes no new labels after its first pass.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A label: none ([`Tid::CLEAN`]) or a shared label set with the way
/// its value came. Cloning one copies a pointer.
#[derive(Clone, Debug, Default)]
pub(super) struct Tid(Option<Rc<Node>>);

impl PartialEq for Tid {
    /// The same label (not merely equal sets and ways).
    fn eq(&self, other: &Tid) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Tid {
    pub(super) const CLEAN: Tid = Tid(None);

    pub(super) fn is_clean(&self) -> bool {
        self.0.is_none()
    }

    fn node(&self) -> Option<&Node> {
        self.0.as_deref()
    }
}

/// The longest path kept: its first steps, then the most recent one.
pub(super) const MAX_PATH: usize = 32;

/// What a [`Tid`] stands for: the label set (shared between the labels
/// of one value's way) and the last line the value passed through, after
/// the steps before it (the way is the chain of `previous`).
#[derive(Debug)]
pub(super) struct Node {
    labels: Rc<BTreeSet<usize>>,
    file_id: u32,
    line: u32,
    /// The number of steps up to this one.
    length: u32,
    previous: Option<Rc<Node>>,
}

/// A hasher for maps keyed by addresses and small numbers (SipHash's
/// resistance to chosen keys buys nothing here, and costs a tenth of the
/// run).
#[derive(Default, Clone, Copy)]
pub(super) struct QuickHasher(u64);

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

pub(super) type Quick = BuildHasherDefault<QuickHasher>;

/// Makes labels: numbers file names (a step compares numbers) and
/// remembers the label each source call site gives.
pub(super) struct Labels {
    /// The label a source call site gives, by (source, file, line).
    births: HashMap<(usize, u32, u32), Tid, Quick>,
    /// File names, numbered by content.
    files: Vec<Rc<str>>,
    file_ids: HashMap<Rc<str>, u32, Quick>,
    /// File names by the address and length of a text seen (each code
    /// object has its own copy of its file's name; checked by content:
    /// an address can be reused).
    file_addresses: HashMap<(usize, usize), u32, Quick>,
    /// The file named last, by address and length (checked by content):
    /// most steps are in the file of the step before.
    last_file: (usize, usize, u32),
}

impl Default for Labels {
    fn default() -> Labels {
        Labels {
            births: HashMap::default(),
            files: Vec::new(),
            file_ids: HashMap::default(),
            file_addresses: HashMap::default(),
            last_file: (0, 0, u32::MAX),
        }
    }
}

impl Labels {
    /// The number of file name `file`.
    pub(super) fn file_id(&mut self, file: &str) -> u32 {
        let (address, length, id) = self.last_file;
        if address == file.as_ptr() as usize
            && length == file.len()
            && self.files.get(id as usize).is_some_and(|f| **f == *file)
        {
            return id;
        }
        let key = (file.as_ptr() as usize, file.len());
        let id = match self.file_addresses.get(&key) {
            Some(&id) if *self.files[id as usize] == *file => id,
            _ => {
                let id = match self.file_ids.get(file) {
                    Some(&id) => id,
                    None => {
                        let name: Rc<str> = Rc::from(file);
                        let id = self.files.len() as u32;
                        self.files.push(name.clone());
                        self.file_ids.insert(name, id);
                        id
                    }
                };
                self.file_addresses.insert(key, id);
                id
            }
        };
        self.last_file = (key.0, key.1, id);
        id
    }

    /// The label a call of source number `label` at `file:line` gives its
    /// result: that label alone, its way starting there.
    pub(super) fn birth(&mut self, label: usize, file: &str, line: u32) -> Tid {
        let file_id = self.file_id(file);
        if let Some(tid) = self.births.get(&(label, file_id, line)) {
            return tid.clone();
        }
        let tid = Tid(Some(Rc::new(Node {
            labels: Rc::new(BTreeSet::from([label])),
            file_id,
            line,
            length: 1,
            previous: None,
        })));
        self.births.insert((label, file_id, line), tid.clone());
        tid
    }

    /// The labels of both; the way of the first.
    #[inline]
    pub(super) fn union(&mut self, a: Tid, b: Tid) -> Tid {
        // Most unions meet a clean value or the same label: answered
        // here, inline; two labels, out of line.
        match (&a.0, &b.0) {
            (None, _) => b,
            (_, None) => a,
            (Some(x), Some(y)) if Rc::ptr_eq(x, y) || Rc::ptr_eq(&x.labels, &y.labels) => a,
            _ => Labels::union_of_two(a, b),
        }
    }

    #[inline(never)]
    fn union_of_two(a: Tid, b: Tid) -> Tid {
        let (Some(x), Some(y)) = (a.node(), b.node()) else {
            return if a.is_clean() { b } else { a };
        };
        if a == b || Rc::ptr_eq(&x.labels, &y.labels) || y.labels.is_subset(&x.labels) {
            return a;
        }
        if x.labels.is_subset(&y.labels) {
            return b;
        }
        Tid(Some(Rc::new(Node {
            labels: Rc::new(x.labels.union(&y.labels).copied().collect()),
            file_id: x.file_id,
            line: x.line,
            length: x.length,
            previous: x.previous.clone(),
        })))
    }

    /// `tid` having passed through `file:line` (a store, a call, a return).
    pub(super) fn through(&mut self, tid: Tid, file: &str, line: u32) -> Tid {
        if tid.is_clean() {
            return tid;
        }
        let file_id = self.file_id(file);
        self.through_file(tid, file_id, line)
    }

    /// [`Labels::through`] with the file's number (`file_id`).
    pub(super) fn through_file(&mut self, tid: Tid, file_id: u32, line: u32) -> Tid {
        let Some(node) = tid.node() else {
            return tid;
        };
        if node.line == line && node.file_id == file_id {
            return tid;
        }
        let (previous, length) = match node.length as usize >= MAX_PATH {
            // Full: the newest step replaces the last one kept.
            true => (node.previous.clone(), node.length),
            false => (tid.0.clone(), node.length + 1),
        };
        Tid(Some(Rc::new(Node {
            labels: node.labels.clone(),
            file_id,
            line,
            length,
            previous,
        })))
    }

    /// The source labels of `tid`.
    pub(super) fn labels(tid: &Tid) -> impl Iterator<Item = usize> + '_ {
        tid.node()
            .into_iter()
            .flat_map(|n| n.labels.iter().copied())
    }

    /// The lines `tid`'s value passed through, first to last.
    pub(super) fn path(&self, tid: &Tid) -> Vec<(Rc<str>, u32)> {
        let mut steps = Vec::new();
        let mut cursor = tid.node();
        while let Some(node) = cursor {
            steps.push((self.files[node.file_id as usize].clone(), node.line));
            cursor = node.previous.as_deref();
        }
        steps.reverse();
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_grow_by_new_lines_and_stay_bounded() {
        let mut labels = Labels::default();
        let born = labels.birth(0, "a.py", 1);
        let mut tid = labels.through(born.clone(), "a.py", 1);
        assert_eq!(tid, born, "same line: no step");
        for line in 2..=100 {
            tid = labels.through(tid, "a.py", line);
        }
        let path = labels.path(&tid);
        assert_eq!(path.len(), MAX_PATH);
        // The first steps, then the most recent one.
        assert_eq!(path[0].1, 1);
        assert_eq!(path[MAX_PATH - 2].1, MAX_PATH as u32 - 1);
        assert_eq!(path[MAX_PATH - 1].1, 100);
        assert!(labels.through(Tid::CLEAN, "a.py", 5).is_clean());
        // A file of the same name elsewhere in memory is the same file.
        let other = String::from("a.py");
        assert_eq!(labels.through(tid.clone(), &other, 100), tid);
    }

    #[test]
    fn a_call_site_gives_one_label() {
        let mut labels = Labels::default();
        let born = labels.birth(0, "a.py", 1);
        assert_eq!(labels.birth(0, "a.py", 1), born);
        assert_ne!(labels.birth(0, "a.py", 2), born);
    }

    #[test]
    fn unions_keep_every_label() {
        let mut labels = Labels::default();
        let a = labels.birth(0, "a.py", 1);
        let b = labels.birth(1, "b.py", 2);
        let both = labels.union(a.clone(), b);
        assert_eq!(Labels::labels(&both).collect::<Vec<_>>(), [0, 1]);
        // The way of the first.
        assert_eq!(labels.path(&both), labels.path(&a));
        assert_eq!(labels.union(a.clone(), Tid::CLEAN), a);
        assert_eq!(labels.union(Tid::CLEAN, a.clone()), a);
        assert_eq!(
            labels.union(both.clone(), a.clone()),
            both,
            "a subset adds nothing"
        );
        assert_eq!(labels.union(a, both.clone()), both);
    }
}
