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
//! A table whose keys are all ints keeps only the ints, 8 bytes a slot
//! instead of a 24-byte (hash, `Value`) slot (CPython's are 16): an int's
//! hash is worked out again when needed, which costs no Python code and
//! nearly no time (below 2**61 an int is its own hash), and two ints
//! equal only when they are the same. Both layouts put every key in the
//! same slot, so the first key of another kind turns the ints into
//! (hash, `Value`) slots where they stand, and the order stays CPython's.
//!
//! The table never runs Python code: a comparison that would (a key of a
//! class with `__eq__`) is handed back to the caller as [`Lookup::Ask`],
//! with the state to resume the probe afterwards (see `set.rs`).

use crate::PyResult;
use crate::builtins::dict::needs_interp;
use crate::builtins::int::{self, IntRef};
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
/// An empty slot of a table of ints. It and [`INT_DUMMY`] are ints too: a
/// table that gets either as a key turns into (hash, `Value`) slots.
const INT_EMPTY: i64 = i64::MIN;
/// A removed key's slot in a table of ints.
const INT_DUMMY: i64 = i64::MIN + 1;

/// One slot: empty (key `Null`, hash 0), a dummy (key `Null`, hash -1) or
/// a live key with its hash.
struct Slot {
    hash: i64,
    key: Value,
}

impl Slot {
    const EMPTY: Slot = Slot {
        hash: 0,
        key: Value::Null,
    };
    const DUMMY: Slot = Slot {
        hash: DUMMY_HASH,
        key: Value::Null,
    };

    #[inline(always)]
    fn is_live(&self) -> bool {
        !matches!(self.key, Value::Null)
    }
}

/// Whether a slot of a table of ints holds a key.
#[inline(always)]
fn int_is_live(v: i64) -> bool {
    v != INT_EMPTY && v != INT_DUMMY
}

/// The int `key` when a table of ints can hold it.
#[inline(always)]
fn storable_int(key: &Value) -> Option<i64> {
    match *key {
        Value::Int(k) if int_is_live(k) => Some(k),
        _ => None,
    }
}

/// An int key's hash.
#[inline(always)]
fn int_hash(v: i64) -> i64 {
    int::hash(IntRef::Small(v))
}

/// The slots, in one of two layouts (see the module doc).
enum Slots {
    /// Any keys.
    Values(Box<[Slot]>),
    /// Every live key an int: the ints, [`INT_EMPTY`] or [`INT_DUMMY`].
    /// Boxed twice so that the enum fits in the two words of `Values`
    /// (the tag in its pointer's niche): a set stays within `PyObject`'s
    /// 48-byte payload.
    Ints(Box<Box<[i64]>>),
}

impl Default for Slots {
    fn default() -> Slots {
        Slots::Values(Box::default())
    }
}

impl Slots {
    fn len(&self) -> usize {
        match self {
            Slots::Ints(s) => s.len(),
            Slots::Values(s) => s.len(),
        }
    }

    /// Empty slots of the layout `key` fits.
    fn empty_for(key: &Value, n: usize) -> Slots {
        if storable_int(key).is_some() {
            int_slots(n)
        } else {
            Slots::Values(empty_slots(n))
        }
    }

    /// Empty slots of this layout.
    fn empty_like(&self, n: usize) -> Slots {
        match self {
            Slots::Ints(_) => int_slots(n),
            Slots::Values(_) => Slots::Values(empty_slots(n)),
        }
    }

    /// The live slots' hashes and keys, in slot order (a chain of an
    /// iterator over each layout, one of them empty).
    fn entries(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        let (ints, values): (&[i64], &[Slot]) = match self {
            Slots::Ints(s) => (s, &[]),
            Slots::Values(s) => (&[], s),
        };
        let ints = ints
            .iter()
            .filter(|&&v| int_is_live(v))
            .map(|&v| (int_hash(v), Value::Int(v)));
        let values = values
            .iter()
            .filter(|s| s.is_live())
            .map(|s| (s.hash, s.key.clone()));
        ints.chain(values)
    }
}

fn int_slots(n: usize) -> Slots {
    Slots::Ints(Box::new(vec![INT_EMPTY; n].into_boxed_slice()))
}

fn empty_slots(n: usize) -> Box<[Slot]> {
    let mut slots = Vec::with_capacity(n);
    slots.resize_with(n, || Slot::EMPTY);
    slots.into_boxed_slice()
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
    slots: Slots,
    // 32-bit counts keep a set within `PyObject`'s 48-byte payload next
    // to its weak-reference list; 2**32 keys would need over 100 GB of
    // slots.
    /// Live slots plus dummies.
    fill: u32,
    /// Live slots.
    used: u32,
}

/// The first slot of `hash`'s probe that `is_free` accepts (CPython's
/// `set_insert_clean`, for a table without the key or any dummy).
#[inline]
fn first_free(mask: usize, hash: i64, is_free: impl Fn(usize) -> bool) -> usize {
    let mut probe = Probe::new(hash, mask);
    loop {
        let i = probe.next_slot();
        if is_free(i) {
            return i;
        }
    }
}

/// Puts an int into slots of ints known to hold neither it nor any
/// dummy, at the first empty slot of its probe (CPython's
/// `set_insert_clean`).
#[inline]
fn put_int_clean(slots: &mut [i64], v: i64) {
    let i = first_free(slots.len() - 1, int_hash(v), |i| slots[i] == INT_EMPTY);
    slots[i] = v;
}

/// [`put_int_clean`] for slots of values.
#[inline]
fn put_value_clean(slots: &mut [Slot], hash: i64, key: Value) {
    let i = first_free(slots.len() - 1, hash, |i| !slots[i].is_live());
    slots[i] = Slot { hash, key };
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
        match self.slots.len() {
            0 => MIN_SIZE - 1,
            n => n - 1,
        }
    }

    /// Identifies the slot array, to tell whether Python code run during
    /// a comparison replaced it (CPython compares `so->table`); a table
    /// of ints turned into values is another array.
    pub fn identity(&self) -> (usize, usize) {
        match &self.slots {
            Slots::Ints(s) => (s.as_ptr() as usize, s.len()),
            Slots::Values(s) => (s.as_ptr() as usize, s.len()),
        }
    }

    /// The key in the live slot `i`.
    pub fn key_at(&self, i: usize) -> Value {
        match &self.slots {
            Slots::Ints(s) => Value::Int(s[i]),
            Slots::Values(s) => s[i].key.clone(),
        }
    }

    /// Whether slot `i` holds `key` itself (the same object).
    pub fn key_at_is(&self, i: usize, key: &Value) -> bool {
        match &self.slots {
            Slots::Ints(s) => matches!(*key, Value::Int(k) if k == s[i]),
            Slots::Values(s) => s[i].key.is(key),
        }
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
        let Resume {
            mut probe,
            mut dummy,
        } = from;
        match &self.slots {
            Slots::Values(slots) => {
                if slots.is_empty() {
                    return Ok(Lookup::Absent {
                        empty: hash as u64 as usize & (MIN_SIZE - 1),
                        dummy: None,
                    });
                }
                loop {
                    let i = probe.next_slot();
                    let slot = &slots[i];
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
            Slots::Ints(slots) => {
                let key_int = storable_int(key);
                loop {
                    let i = probe.next_slot();
                    let v = slots[i];
                    if v == INT_EMPTY {
                        return Ok(Lookup::Absent { empty: i, dummy });
                    }
                    if v == INT_DUMMY {
                        dummy = Some(i);
                        continue;
                    }
                    if let Some(k) = key_int {
                        // Two ints are equal when they are the same.
                        if v == k {
                            return Ok(Lookup::Found(i));
                        }
                        continue;
                    }
                    if int_hash(v) != hash {
                        continue;
                    }
                    match compare {
                        Compare::Python {
                            key_runs_python: true,
                        } => {
                            return Ok(Lookup::Ask {
                                slot: i,
                                resume: Resume { probe, dummy },
                            });
                        }
                        _ => {
                            if builtin_eq(&Value::Int(v), key)? {
                                return Ok(Lookup::Found(i));
                            }
                        }
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
        let at = dummy.unwrap_or(empty);
        match &mut self.slots {
            Slots::Ints(slots) if storable_int(&key).is_some() => {
                let Value::Int(v) = key else { unreachable!() };
                slots[at] = v;
            }
            Slots::Values(slots) if !slots.is_empty() => slots[at] = Slot { hash, key },
            _ => self.place_slow(hash, key, at),
        }
        self.used += 1;
        if dummy.is_none() {
            self.fill += 1;
            if self.fill as usize * 5 >= self.mask() * 3 {
                self.grow();
            }
        }
    }

    /// [`SetTable::place`] into a table not allocated yet, or of ints
    /// when the key is not one (the ints become values where they are).
    #[cold]
    #[inline(never)]
    fn place_slow(&mut self, hash: i64, key: Value, at: usize) {
        match &self.slots {
            Slots::Values(slots) if slots.is_empty() => {
                self.slots = Slots::empty_for(&key, MIN_SIZE);
            }
            Slots::Ints(ints) => {
                let slots = ints
                    .iter()
                    .map(|&v| match v {
                        INT_EMPTY => Slot::EMPTY,
                        INT_DUMMY => Slot::DUMMY,
                        v => Slot {
                            hash: int_hash(v),
                            key: Value::Int(v),
                        },
                    })
                    .collect();
                self.slots = Slots::Values(slots);
            }
            Slots::Values(_) => {}
        }
        match &mut self.slots {
            Slots::Ints(slots) => {
                let Value::Int(v) = key else { unreachable!() };
                slots[at] = v;
            }
            Slots::Values(slots) => slots[at] = Slot { hash, key },
        }
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
        self.used -= 1;
        match &mut self.slots {
            Slots::Ints(s) => Value::Int(std::mem::replace(&mut s[i], INT_DUMMY)),
            Slots::Values(s) => std::mem::replace(&mut s[i], Slot::DUMMY).key,
        }
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
        let new = self.slots.empty_like(size);
        let old = std::mem::replace(&mut self.slots, new);
        self.fill = self.used;
        match (old, &mut self.slots) {
            (Slots::Ints(old), Slots::Ints(new)) => {
                for &v in old.iter().filter(|&&v| int_is_live(v)) {
                    put_int_clean(new, v);
                }
            }
            (Slots::Values(old), Slots::Values(new)) => {
                for slot in old.into_vec().into_iter().filter(Slot::is_live) {
                    put_value_clean(new, slot.hash, slot.key);
                }
            }
            _ => unreachable!("resize: the layout is kept"),
        }
    }

    /// Fills this empty table with the live keys of `other` (the two
    /// paths of CPython's `set_merge` that need no comparison): slot for
    /// slot when the sizes match and `other` has no dummies, else each
    /// key into its first empty slot.
    pub fn fill_from(&mut self, other: &SetTable) {
        debug_assert_eq!(self.fill, 0);
        // The caller made room (else the clean insertions never end).
        debug_assert!(other.len() <= self.mask());
        if other.used == 0 {
            return;
        }
        let size = self.mask() + 1;
        // Nothing was ever stored here: the layout may be other's.
        self.slots = other.slots.empty_like(size);
        self.fill = other.used;
        self.used = other.used;
        if self.mask() == other.mask() && other.fill == other.used {
            match (&mut self.slots, &other.slots) {
                (Slots::Ints(mine), Slots::Ints(theirs)) => mine.copy_from_slice(theirs),
                (Slots::Values(mine), Slots::Values(theirs)) => {
                    for (mine, theirs) in mine.iter_mut().zip(theirs.iter()) {
                        if theirs.is_live() {
                            *mine = Slot {
                                hash: theirs.hash,
                                key: theirs.key.clone(),
                            };
                        }
                    }
                }
                _ => unreachable!("fill_from: layouts differ"),
            }
            return;
        }
        match (&mut self.slots, &other.slots) {
            (Slots::Ints(mine), Slots::Ints(theirs)) => {
                for &v in theirs.iter().filter(|&&v| int_is_live(v)) {
                    put_int_clean(mine, v);
                }
            }
            (Slots::Values(mine), Slots::Values(theirs)) => {
                for slot in theirs.iter().filter(|s| s.is_live()) {
                    put_value_clean(mine, slot.hash, slot.key.clone());
                }
            }
            _ => unreachable!("fill_from: layouts differ"),
        }
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
        while !self.is_live(i) {
            i = if i == mask { 0 } else { i + 1 };
        }
        Some((self.remove_at(i), i + 1))
    }

    /// Whether slot `i` holds a key.
    fn is_live(&self, i: usize) -> bool {
        match &self.slots {
            Slots::Ints(s) => int_is_live(s[i]),
            Slots::Values(s) => s[i].is_live(),
        }
    }

    /// The first live slot at `pos` or after it: its position, hash and
    /// key.
    #[inline]
    pub fn next_live(&self, pos: usize) -> Option<(usize, i64, Value)> {
        match &self.slots {
            Slots::Ints(s) => {
                let j = s.get(pos..)?.iter().position(|&v| int_is_live(v))?;
                let v = s[pos + j];
                Some((pos + j, int_hash(v), Value::Int(v)))
            }
            Slots::Values(s) => {
                let j = s.get(pos..)?.iter().position(Slot::is_live)?;
                let slot = &s[pos + j];
                Some((pos + j, slot.hash, slot.key.clone()))
            }
        }
    }

    /// The live keys with their hashes, in slot order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.slots.entries()
    }

    /// The live keys, in slot order.
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.entries().map(|(_, key)| key)
    }

    /// The live keys' hashes, in slot order.
    pub fn hashes(&self) -> impl Iterator<Item = i64> + '_ {
        self.entries().map(|(hash, _)| hash)
    }

    /// Calls `visit` with each key, by reference: the collector's walk,
    /// which must not copy a reference while it counts them.
    pub fn visit_keys(&self, visit: &mut dyn FnMut(&Value)) {
        match &self.slots {
            Slots::Ints(s) => {
                for &v in s.iter().filter(|&&v| int_is_live(v)) {
                    visit(&Value::Int(v));
                }
            }
            Slots::Values(s) => {
                for slot in s.iter().filter(|s| s.is_live()) {
                    visit(&slot.key);
                }
            }
        }
    }

    /// Whether a key is a container whose drop may drop a long chain (for
    /// the iterative teardown in `object.rs`).
    pub(crate) fn holds_containers(&self) -> bool {
        match &self.slots {
            Slots::Ints(_) => false,
            Slots::Values(s) => s
                .iter()
                .any(|s| s.is_live() && crate::object::is_container(&s.key)),
        }
    }

    /// Whether slot `i` is empty (for tests of the layout).
    #[cfg(test)]
    fn is_empty_slot(&self, i: usize) -> bool {
        match &self.slots {
            Slots::Ints(s) => s.get(i).is_none_or(|&v| v == INT_EMPTY),
            Slots::Values(s) => s.get(i).is_none_or(|s| !s.is_live() && s.hash == 0),
        }
    }

    /// Whether the table keeps only ints (for tests of the layout).
    #[cfg(test)]
    fn holds_ints_only(&self) -> bool {
        matches!(self.slots, Slots::Ints(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(t: &SetTable) -> Vec<i64> {
        t.keys()
            .map(|k| match k {
                Value::Int(i) => i,
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

    fn add_value(t: &mut SetTable, key: Value) {
        let hash = protocol::hash(&key).unwrap();
        t.insert(hash, key).unwrap();
    }

    #[test]
    fn ints_keep_their_slots_when_another_key_comes() {
        // python3: s = set(); [s.add(x) for x in (1, 9, 17)];
        // s.discard(9); s.add('a'): 1 and 17 keep their slots and order
        // (no growth: 'a' takes the dummy or the fourth slot).
        let mut t = SetTable::default();
        for v in [1, 9, 17] {
            add(&mut t, v);
        }
        discard(&mut t, 9);
        assert!(t.holds_ints_only());
        let text = Value::str("a");
        add_value(&mut t, text.clone());
        assert!(!t.holds_ints_only());
        assert_eq!(t.mask(), MIN_SIZE - 1);
        let as_ints: Vec<i64> = t
            .keys()
            .filter_map(|k| match k {
                Value::Int(i) => Some(i),
                _ => None,
            })
            .collect();
        assert_eq!(as_ints, [1, 17]);
        assert_eq!(t.len(), 3);
        assert!(
            t.find(protocol::hash(&text).unwrap(), &text)
                .unwrap()
                .is_some()
        );
        assert!(t.find(17, &Value::Int(17)).unwrap().is_some());
        assert!(t.find(9, &Value::Int(9)).unwrap().is_none());
    }

    #[test]
    fn the_markers_are_ints_too() {
        // The two ints a table of ints uses as markers turn it into
        // values, and are found afterwards like any key.
        for marker in [INT_EMPTY, INT_DUMMY] {
            let mut t = SetTable::default();
            add(&mut t, 5);
            let hash = protocol::hash(&Value::Int(marker)).unwrap();
            assert!(t.find(hash, &Value::Int(marker)).unwrap().is_none());
            add(&mut t, marker);
            assert!(!t.holds_ints_only());
            assert!(t.find(hash, &Value::Int(marker)).unwrap().is_some());
            assert_eq!(t.len(), 2);
        }
    }

    #[test]
    fn equal_keys_of_other_kinds_find_ints() {
        // 1 == True == 1.0 and they hash alike: a table of ints finds
        // them, keeps its layout and takes no second key.
        let mut t = SetTable::default();
        add(&mut t, 1);
        add(&mut t, 2);
        for key in [Value::bool(true), Value::float(2.0)] {
            let hash = protocol::hash(&key).unwrap();
            assert!(t.find(hash, &key).unwrap().is_some());
            add_value(&mut t, key);
        }
        assert!(t.holds_ints_only());
        assert_eq!(ints(&t), [1, 2]);
        assert!(t.find(3, &Value::float(3.0)).unwrap().is_none());
    }

    #[test]
    fn tables_of_ints_grow_copy_and_pop_as_values_do() {
        // The same keys in both layouts: the same slots after growing,
        // after a copy, and the same pops.
        let keys: Vec<i64> = (0..500).map(|i| (i * 7919) % 100_003 - 50_000).collect();
        let mut ints_table = SetTable::default();
        let mut values_table = SetTable {
            slots: Slots::Values(empty_slots(MIN_SIZE)),
            ..SetTable::default()
        };
        for &k in &keys {
            add(&mut ints_table, k);
            add(&mut values_table, k);
        }
        for &k in keys.iter().step_by(3) {
            discard(&mut ints_table, k);
            discard(&mut values_table, k);
        }
        assert!(ints_table.holds_ints_only());
        assert!(!values_table.holds_ints_only());
        assert_eq!(ints_table.mask(), values_table.mask());
        assert_eq!(ints(&ints_table), ints(&values_table));
        // Copies (slot by slot without dummies, else key by key).
        let copy = |t: &SetTable| {
            let mut copy = SetTable::default();
            copy.resize(t.len() * 2);
            copy.fill_from(t);
            copy
        };
        let (ints_copy, values_copy) = (copy(&ints_table), copy(&values_table));
        assert!(ints_copy.holds_ints_only());
        assert_eq!(ints(&ints_copy), ints(&values_copy));
        let (ints_copy2, values_copy2) = (copy(&ints_copy), copy(&values_copy));
        assert_eq!(ints(&ints_copy2), ints(&values_copy2));
        assert_eq!(ints(&ints_copy2), ints(&ints_copy));
        let mut finger = (0, 0);
        while let Some((a, next_a)) = ints_table.pop(finger.0) {
            let (b, next_b) = values_table.pop(finger.1).unwrap();
            assert!(a.is(&b));
            finger = (next_a, next_b);
        }
        assert!(values_table.is_empty());
    }
}
