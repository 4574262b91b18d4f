//! The hash table of `set` and `frozenset`: CPython 3.11's own
//! (`Objects/setobject.c`), so that a set iterates, prints and pops in the
//! order CPython's does.
//!
//! An open-addressed table of (hash, key) slots whose size is a power of
//! two (8 to start). A lookup starts at `hash & mask`, looks at the next
//! `LINEAR_PROBES` slots too when they fit before the end of the table,
//! then jumps to `(i * 5 + 1 + perturb) & mask`, `perturb` being the hash
//! shifted right by `PERTURB_SHIFT` more at every jump. A removed key
//! leaves a dummy, which an insertion may reuse; `fill` counts the live
//! slots and the dummies, and an insertion into an empty slot that brings
//! `fill * 5` to `mask * 3` or more rebuilds the table for four times the
//! live entries (twice past 50000). Iteration is slot order.
//!
//! The table never runs Python code: a comparison that would (a key of a
//! class with `__eq__`) is handed back to the caller as [`Lookup::Ask`],
//! with the state to resume the probe afterwards (see `set.rs`).

use crate::PyResult;
use crate::builtins::dict::needs_interp;
use crate::protocol;
use crate::value::Value;

/// Slots of a new (or cleared) table.
pub const MIN_SIZE: usize = 8;
/// Slots looked at after the first before jumping elsewhere, when they fit.
const LINEAR_PROBES: usize = 9;
/// How much more of the hash each jump mixes in.
const PERTURB_SHIFT: u32 = 5;
/// The hash a dummy slot keeps (no Python hash is -1).
const DUMMY_HASH: i64 = -1;

/// One slot: empty (key `Null`, hash 0), a dummy (key `Null`, hash -1) or
/// a live key with its hash.
pub struct Slot {
    pub hash: i64,
    pub key: Value,
}

impl Slot {
    const EMPTY: Slot = Slot {
        hash: 0,
        key: Value::Null,
    };

    #[inline(always)]
    pub fn is_live(&self) -> bool {
        !matches!(self.key, Value::Null)
    }
}

/// Where a probe sequence stands: the slot it gives next, the end of the
/// current run of linear probes, and the perturbation left.
#[derive(Clone, Copy)]
pub struct Probe {
    mask: usize,
    start: usize,
    next: usize,
    end: usize,
    perturb: u64,
}

impl Probe {
    #[inline(always)]
    fn new(hash: i64, mask: usize) -> Probe {
        let start = hash as u64 as usize & mask;
        Probe {
            mask,
            start,
            next: start,
            end: run_end(start, mask),
            perturb: hash as u64,
        }
    }

    #[inline(always)]
    fn next_slot(&mut self) -> usize {
        let i = self.next;
        if i < self.end {
            self.next = i + 1;
        } else {
            self.perturb >>= PERTURB_SHIFT;
            self.start = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize)
                & self.mask;
            self.next = self.start;
            self.end = run_end(self.start, self.mask);
        }
        i
    }
}

/// The last slot of the linear run that starts at `start`: the run is
/// only taken when it fits before the end of the table.
#[inline(always)]
fn run_end(start: usize, mask: usize) -> usize {
    if start + LINEAR_PROBES <= mask {
        start + LINEAR_PROBES
    } else {
        start
    }
}

/// How a lookup compares a stored key of the same hash with the key.
#[derive(Clone, Copy)]
pub enum Compare {
    /// With the object layer's `==` (no Python code can run).
    Builtin,
    /// Hand the comparison back ([`Lookup::Ask`]) when the key or the
    /// stored key has a Python `__eq__`; `key_runs_python` is
    /// `needs_interp(key)`, worked out once by the caller.
    Python { key_runs_python: bool },
}

/// What a lookup found.
pub enum Lookup {
    /// The key is in slot `.0`.
    Found(usize),
    /// The key is absent: the empty slot that ended the probe, and the
    /// last dummy passed on the way (where CPython puts a new key).
    Absent { empty: usize, dummy: Option<usize> },
    /// The key in slot `slot` has the key's hash and comparing them runs
    /// Python code: the caller compares, and resumes with `resume` when
    /// they differ.
    Ask { slot: usize, resume: Resume },
}

/// A probe stopped at a key to compare through the interpreter.
#[derive(Clone, Copy)]
pub struct Resume {
    probe: Probe,
    dummy: Option<usize>,
}

/// The set table (see the module doc). Until the first insertion it has
/// no slots and acts as an empty table of [`MIN_SIZE`].
#[derive(Default)]
pub struct SetTable {
    slots: Box<[Slot]>,
    // 32-bit counts keep a set within `PyObject`'s 48-byte payload next
    // to its weak-reference list; 2**32 keys would need over 200 GB of
    // slots.
    /// Live slots plus dummies.
    fill: u32,
    /// Live slots.
    used: u32,
}

fn empty_slots(n: usize) -> Box<[Slot]> {
    let mut slots = Vec::with_capacity(n);
    slots.resize_with(n, || Slot::EMPTY);
    slots.into_boxed_slice()
}

/// Puts a key into a table known to hold neither it nor any dummy
/// (CPython's `set_insert_clean`): the first empty slot of its probe.
#[inline]
fn insert_clean(slots: &mut [Slot], mask: usize, hash: i64, key: Value) {
    let mut probe = Probe::new(hash, mask);
    loop {
        let i = probe.next_slot();
        let slot = &mut slots[i];
        if !slot.is_live() {
            *slot = Slot { hash, key };
            return;
        }
    }
}

/// `stored == key` for keys whose comparison runs no Python code (after
/// the hash and identity checks): strs by their text, the rest through
/// the object layer.
#[inline(never)]
fn builtin_eq(stored: &Value, key: &Value) -> PyResult<bool> {
    if let (Some(a), Some(b)) = (stored.as_str_or_subclass(), key.as_str_or_subclass()) {
        return Ok(a.as_str() == b.as_str());
    }
    protocol::eq(stored, key)
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used as usize
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live slots plus dummies.
    pub fn fill(&self) -> usize {
        self.fill as usize
    }

    /// The number of slots minus one.
    #[inline(always)]
    pub fn mask(&self) -> usize {
        if self.slots.is_empty() {
            MIN_SIZE - 1
        } else {
            self.slots.len() - 1
        }
    }

    /// Identifies the slot array, to tell whether Python code run during
    /// a comparison replaced it (CPython compares `so->table`).
    pub fn identity(&self) -> (usize, usize) {
        (self.slots.as_ptr() as usize, self.slots.len())
    }

    /// The slot `i` (which must exist).
    pub fn slot(&self, i: usize) -> &Slot {
        &self.slots[i]
    }

    /// The state a lookup of `hash` starts from.
    #[inline(always)]
    pub fn start(&self, hash: i64) -> Resume {
        Resume {
            probe: Probe::new(hash, self.mask()),
            dummy: None,
        }
    }

    /// Walks the probe sequence of `key` (hashed `hash`) from `from`
    /// until it finds the key, an empty slot, or a comparison to hand
    /// back (CPython's `set_lookkey` and the search of `set_add_entry`).
    #[inline(always)]
    pub fn lookup(
        &self,
        hash: i64,
        key: &Value,
        from: Resume,
        compare: Compare,
    ) -> PyResult<Lookup> {
        if self.slots.is_empty() {
            return Ok(Lookup::Absent {
                empty: hash as u64 as usize & (MIN_SIZE - 1),
                dummy: None,
            });
        }
        let Resume {
            mut probe,
            mut dummy,
        } = from;
        loop {
            let i = probe.next_slot();
            let slot = &self.slots[i];
            if !slot.is_live() {
                if slot.hash == 0 {
                    return Ok(Lookup::Absent { empty: i, dummy });
                }
                dummy = Some(i);
                continue;
            }
            if slot.hash != hash {
                continue;
            }
            if slot.key.is(key) {
                return Ok(Lookup::Found(i));
            }
            match compare {
                Compare::Python { key_runs_python }
                    if key_runs_python || needs_interp(&slot.key) =>
                {
                    return Ok(Lookup::Ask {
                        slot: i,
                        resume: Resume { probe, dummy },
                    });
                }
                _ => {
                    if builtin_eq(&slot.key, key)? {
                        return Ok(Lookup::Found(i));
                    }
                }
            }
        }
    }

    /// Adds `key` (hashed `hash`) unless an equal key is there (CPython's
    /// `set_add_entry`); gives the key back when a comparison must run
    /// Python code first (the caller then looks it up through the
    /// interpreter and [`SetTable::place`]s it).
    #[inline(always)]
    pub fn add_or_ask(
        &mut self,
        hash: i64,
        key: Value,
        compare: Compare,
    ) -> PyResult<Option<Value>> {
        match self.lookup(hash, &key, self.start(hash), compare)? {
            Lookup::Found(_) => Ok(None),
            Lookup::Absent { empty, dummy } => {
                self.place(hash, key, empty, dummy);
                Ok(None)
            }
            Lookup::Ask { .. } => Ok(Some(key)),
        }
    }

    /// Stores a key a lookup found absent (CPython's `set_add_entry` after
    /// its search): into the dummy the probe passed if any, else into the
    /// empty slot, growing the table when it is too full.
    #[inline(always)]
    pub fn place(&mut self, hash: i64, key: Value, empty: usize, dummy: Option<usize>) {
        if self.slots.is_empty() {
            self.allocate();
        }
        self.used += 1;
        if let Some(d) = dummy {
            self.slots[d] = Slot { hash, key };
            return;
        }
        self.slots[empty] = Slot { hash, key };
        self.fill += 1;
        if self.fill as usize * 5 >= self.mask() * 3 {
            self.grow();
        }
    }

    #[cold]
    #[inline(never)]
    fn allocate(&mut self) {
        self.slots = empty_slots(MIN_SIZE);
    }

    /// Rebuilds the table after an insertion filled it: for four times the
    /// live entries, twice past 50000.
    #[inline(never)]
    fn grow(&mut self) {
        let used = self.used as usize;
        self.resize(if used > 50000 { used * 2 } else { used * 4 });
    }

    /// Adds a key whose comparisons run no Python code; false if an equal
    /// key was there.
    pub fn insert(&mut self, hash: i64, key: Value) -> PyResult<()> {
        self.add_or_ask(hash, key, Compare::Builtin)?;
        Ok(())
    }

    /// The slot of a key whose comparisons run no Python code.
    pub fn find(&self, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        match self.lookup(hash, key, self.start(hash), Compare::Builtin)? {
            Lookup::Found(i) => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    /// Turns the live slot `i` into a dummy; gives its key back (to be
    /// dropped once the table is no longer borrowed).
    pub fn remove_at(&mut self, i: usize) -> Value {
        let old = std::mem::replace(
            &mut self.slots[i],
            Slot {
                hash: DUMMY_HASH,
                key: Value::Null,
            },
        );
        self.used -= 1;
        old.key
    }

    /// Lays the table out again with the smallest size above `minused`
    /// (CPython's `set_table_resize`): the live keys go in again in slot
    /// order, the dummies go. A table of the minimum size without dummies
    /// is left as it is.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.mask() == MIN_SIZE - 1 && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(size));
        let mask = size - 1;
        self.fill = self.used;
        for slot in old.into_vec() {
            if slot.is_live() {
                insert_clean(&mut self.slots, mask, slot.hash, slot.key);
            }
        }
    }

    /// Fills this empty table with the live keys of `other` (the two
    /// paths of CPython's `set_merge` that need no comparison): slot for
    /// slot when the sizes match and `other` has no dummies, else each
    /// key into its first empty slot.
    pub fn fill_from(&mut self, other: &SetTable) {
        debug_assert_eq!(self.fill, 0);
        if other.used == 0 {
            return;
        }
        if self.slots.is_empty() {
            self.slots = empty_slots(MIN_SIZE);
        }
        if self.mask() == other.mask() && other.fill == other.used {
            for (mine, theirs) in self.slots.iter_mut().zip(other.slots.iter()) {
                if theirs.is_live() {
                    *mine = Slot {
                        hash: theirs.hash,
                        key: theirs.key.clone(),
                    };
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        let mask = self.mask();
        for slot in other.slots.iter().filter(|s| s.is_live()) {
            insert_clean(&mut self.slots, mask, slot.hash, slot.key.clone());
        }
        self.fill = other.used;
        self.used = other.used;
    }

    /// Removes and returns the first live key at or after slot
    /// `finger & mask`, wrapping around (CPython's `set_pop`), with the
    /// slot after it (the next search's start).
    pub fn pop(&mut self, finger: usize) -> Option<(Value, usize)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = finger & mask;
        while !self.slots[i].is_live() {
            i = if i == mask { 0 } else { i + 1 };
        }
        Some((self.remove_at(i), i + 1))
    }

    /// The first live slot at `pos` or after it, with its position.
    #[inline]
    pub fn next_live(&self, pos: usize) -> Option<(usize, &Slot)> {
        self.slots
            .get(pos..)?
            .iter()
            .enumerate()
            .find(|(_, s)| s.is_live())
            .map(|(j, s)| (pos + j, s))
    }

    /// The live slots, in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(|s| s.is_live())
    }

    /// The live keys, in slot order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|s| &s.key)
    }

    /// Whether a key is a container whose drop may drop a long chain (for
    /// the iterative teardown in `object.rs`).
    pub(crate) fn holds_containers(&self) -> bool {
        self.keys().any(crate::object::is_container)
    }

    /// Whether slot `i` is empty (for tests of the layout).
    #[cfg(test)]
    fn is_empty_slot(&self, i: usize) -> bool {
        self.slots
            .get(i)
            .is_none_or(|s| !s.is_live() && s.hash == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(t: &SetTable) -> Vec<i64> {
        t.keys()
            .map(|k| match k {
                Value::Int(i) => *i,
                _ => unreachable!(),
            })
            .collect()
    }

    fn add(t: &mut SetTable, v: i64) {
        let key = Value::Int(v);
        let hash = protocol::hash(&key).unwrap();
        t.insert(hash, key).unwrap();
    }

    fn discard(t: &mut SetTable, v: i64) {
        let key = Value::Int(v);
        let hash = protocol::hash(&key).unwrap();
        if let Some(i) = t.find(hash, &key).unwrap() {
            t.remove_at(i);
        }
    }

    #[test]
    fn layout_follows_cpython() {
        // python3: s = set(); [s.add(v) for v in vals]; list(s)
        let cases: [(&[i64], &[i64]); 4] = [
            (&[3, 1, 2], &[1, 2, 3]),
            (&[10, 100, 1000, 5, 64, 9], &[64, 100, 5, 1000, 9, 10]),
            (&[-1, -2, 7, 8], &[8, 7, -1, -2]),
            (&[1, 9, 17, 25], &[1, 25, 9, 17]),
        ];
        for (inserted, expected) in cases {
            let mut t = SetTable::default();
            for &v in inserted {
                add(&mut t, v);
            }
            assert_eq!(ints(&t), expected, "inserted {inserted:?}");
        }
    }

    #[test]
    fn dummies_are_reused_and_counted() {
        // python3: s = set(); [s.add(x) for x in (1, 9, 17, 25)];
        // s.discard(1); s.discard(17); s.add(33); s -> {25, 9, 33}: 33
        // takes the last dummy its probe passed.
        let mut t = SetTable::default();
        for v in [1, 9, 17, 25] {
            add(&mut t, v);
        }
        discard(&mut t, 1);
        discard(&mut t, 17);
        assert_eq!((t.len(), t.fill()), (2, 4));
        add(&mut t, 33);
        assert_eq!(ints(&t), [25, 9, 33]);
        assert_eq!((t.len(), t.fill()), (3, 4));
        assert!(t.is_empty_slot(0));
    }

    #[test]
    fn pop_walks_from_the_finger() {
        let mut t = SetTable::default();
        for v in [5, 3, 1] {
            add(&mut t, v);
        }
        let (first, finger) = t.pop(0).unwrap();
        assert!(matches!(first, Value::Int(1)));
        let (second, _) = t.pop(finger).unwrap();
        assert!(matches!(second, Value::Int(3)));
        // Past the last slot, the search wraps around.
        let (third, _) = t.pop(7).unwrap();
        assert!(matches!(third, Value::Int(5)));
        assert!(t.pop(0).is_none());
    }
}
