//! Making and reading labels: the label a source call site gives, file
//! numbers, a label's way as lines. The label itself ([`Tid`]) is the
//! VM's [`krait_vm::interpreter::shadow::Label`] (the loop moves labels
//! itself for the instructions that only move values): a pointer to a
//! node holding the shared label set and the last line of the value's
//! way, pointing back to the steps before.

use std::collections::HashMap;
use std::rc::Rc;

pub(super) use krait_vm::interpreter::shadow::Label as Tid;
#[cfg(test)]
use krait_vm::interpreter::shadow::MAX_PATH;
pub(super) use krait_vm::interpreter::shadow::Quick;

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
        let tid = Tid::born(label, file_id, line);
        self.births.insert((label, file_id, line), tid.clone());
        tid
    }

    /// The labels of both; the way of the first.
    #[inline]
    pub(super) fn union(&mut self, a: Tid, b: Tid) -> Tid {
        Tid::union(a, b)
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
    #[inline]
    pub(super) fn through_file(&mut self, tid: Tid, file_id: u32, line: u32) -> Tid {
        tid.through(file_id, line)
    }

    /// The source labels of `tid`.
    pub(super) fn labels(tid: &Tid) -> impl Iterator<Item = usize> + '_ {
        tid.labels()
    }

    /// The lines `tid`'s value passed through, first to last.
    pub(super) fn path(&self, tid: &Tid) -> Vec<(Rc<str>, u32)> {
        let mut steps = Vec::new();
        let mut cursor = tid.node();
        while let Some(node) = cursor {
            steps.push((self.files[node.file as usize].clone(), node.line));
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
