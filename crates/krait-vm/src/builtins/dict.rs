//! `dict` and its views.
//!
//! Storage is a vector of entries in insertion order whose keys carry their
//! Python hash, with a hash index of positions probed as CPython's;
//! lookups compare with Python equality, so `1`, `1.0` and `True` are one
//! key. A removed entry leaves a hole, as in CPython, so deletion is O(1). Tables of up to
//! eight entries (most instance dicts, keyword arguments) skip the map and
//! its index: a `Vec` of entries scanned by stored hash (CPython's dicts
//! start as small tables too). (`set` and `frozenset` have a table of
//! their own, CPython's: `settable.rs`.)

use std::cell::{Cell, Ref, RefCell, RefMut};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::tuple::pair;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::typeobject::BuiltinType;
use crate::value::Value;

/// A key with its precomputed Python hash.
#[derive(Clone)]
pub struct DictKey {
    pub hash: i64,
    pub key: Value,
}

/// A hasher for keys whose Python hash is already computed and well mixed:
/// passes it through (`str.split`'s part cache uses it).
#[derive(Default)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Tables of at most this many entries keep no hash index: a lookup scans
/// their stored hashes. Most dicts are small (instance attributes, keyword
/// arguments), and an index would double what they cost.
const SMALL: usize = 8;

/// Hash table keyed by Python values, in insertion order.
#[derive(Clone)]
pub struct KeyTable<V> {
    storage: Storage<V>,
}

#[derive(Clone)]
enum Storage<V> {
    /// At most [`SMALL`] entries, in order, without an index.
    Small(Vec<(DictKey, V)>),
    /// Boxed, so that a dict object stays small.
    Indexed(Box<Indexed<V>>),
}

/// A table past [`SMALL`] entries: the entries in insertion order, with a
/// hole where a key was removed, and a hash index of their positions.
/// Removing a key leaves a hole instead of shifting the entries after it
/// (CPython's dicts do the same), so deleting from a big dict costs O(1);
/// the holes are squeezed out once they outnumber the entries.
#[derive(Clone)]
struct Indexed<V> {
    entries: Vec<Option<(DictKey, V)>>,
    /// Positions in `entries` of the live entries, by their key's hash.
    index: Index,
    /// Entries that are not holes.
    live: usize,
    /// Every position before this one is a hole: where the first entry is
    /// looked for (`set.pop()` takes the first one again and again).
    head: usize,
}

/// An index slot that never held a position: a probe ends there.
const EMPTY: u32 = u32::MAX;
/// An index slot whose entry was removed: a probe goes on past it.
const DUMMY: u32 = u32::MAX - 1;

/// The hash index of an [`Indexed`] table, CPython's (`dk_indices` and
/// `lookdict`): a power-of-two array of positions, at most two thirds
/// full; a key's probe starts at `hash & mask` and goes on with
/// `i = 5 * i + 1 + perturb`, `perturb` being the hash shifted right 5
/// bits more at each step. Python hashes are not mixed (an int's is the
/// int): consecutive int keys take consecutive slots, so lookups in order
/// touch memory in order, and the perturbation takes a colliding key far
/// from its run at once, so strided or wrapped-around keys do not pile
/// up. (hashbrown, given the same hashes, built runs that a missing key
/// walked to the end: `k in d` grew with the dict. Mixing the hashes
/// first cured that but scattered consecutive keys: three times slower
/// on a big dict of `range(n)`.)
#[derive(Clone)]
struct Index {
    slots: Box<[u32]>,
    /// Slots that are not [`EMPTY`] (positions and dummies).
    fill: usize,
}

/// The first slots of `hash`'s probe sequence, then the rest.
struct Probe {
    i: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    #[inline(always)]
    fn new(hash: i64, mask: usize) -> Probe {
        Probe {
            i: hash as u64 as usize & mask,
            perturb: hash as u64,
            mask,
        }
    }

    #[inline(always)]
    fn next(&mut self) {
        self.perturb >>= 5;
        self.i = (self
            .i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize))
            & self.mask;
    }
}

/// A position as an index slot holds it.
fn slot_value(at: usize) -> u32 {
    u32::try_from(at)
        .ok()
        .filter(|&p| p < DUMMY)
        .expect("a dict holds fewer than 2**32 - 2 entries")
}

impl Index {
    /// An index with room for `n` positions.
    fn with_capacity(n: usize) -> Index {
        // At most two thirds full, as CPython's USABLE_FRACTION.
        let size = (n * 3 / 2 + 1).next_power_of_two().max(16);
        Index {
            slots: vec![EMPTY; size].into_boxed_slice(),
            fill: 0,
        }
    }

    /// The position whose entry has `hash` and satisfies `matches`.
    #[inline(always)]
    fn find<V>(
        &self,
        entries: &[Option<(DictKey, V)>],
        hash: i64,
        mut matches: impl FnMut(&DictKey) -> bool,
    ) -> Option<usize> {
        let mut probe = Probe::new(hash, self.slots.len() - 1);
        loop {
            match self.slots[probe.i] {
                EMPTY => return None,
                DUMMY => {}
                at => {
                    if let Some((k, _)) = &entries[at as usize]
                        && k.hash == hash
                        && matches(k)
                    {
                        return Some(at as usize);
                    }
                }
            }
            probe.next();
        }
    }

    /// Records position `at` for a key of `hash` not in the index, in
    /// the first free slot of its probe (CPython's `find_empty_slot`).
    fn insert(&mut self, hash: i64, at: usize) {
        let mut probe = Probe::new(hash, self.slots.len() - 1);
        while self.slots[probe.i] < DUMMY {
            probe.next();
        }
        if self.slots[probe.i] == EMPTY {
            self.fill += 1;
        }
        self.slots[probe.i] = slot_value(at);
    }

    /// Forgets position `at` (its key has `hash`): its slot becomes a
    /// dummy, so the probes that went past it still do.
    fn remove(&mut self, hash: i64, at: usize) {
        let at = slot_value(at);
        let mut probe = Probe::new(hash, self.slots.len() - 1);
        loop {
            match self.slots[probe.i] {
                EMPTY => return,
                p if p == at => {
                    self.slots[probe.i] = DUMMY;
                    return;
                }
                _ => probe.next(),
            }
        }
    }

    /// Whether one more slot may be taken without going past two thirds.
    fn has_room(&self) -> bool {
        (self.fill + 1) * 3 <= self.slots.len() * 2
    }

    /// A new index of the live entries, sized for `live` of them to
    /// triple (CPython's GROWTH_RATE): dummies are dropped.
    fn rebuilt<V>(entries: &[Option<(DictKey, V)>], live: usize) -> Index {
        let mut index = Index::with_capacity(live * 2);
        for (at, entry) in entries.iter().enumerate() {
            if let Some((k, _)) = entry {
                index.insert(k.hash, at);
            }
        }
        index
    }
}

impl<V> Indexed<V> {
    fn with_capacity(n: usize) -> Self {
        Indexed {
            entries: Vec::with_capacity(n),
            index: Index::with_capacity(n),
            live: 0,
            head: 0,
        }
    }

    fn find(&self, hash: i64, matches: impl FnMut(&DictKey) -> bool) -> Option<usize> {
        self.index.find(&self.entries, hash, matches)
    }

    fn push(&mut self, key: DictKey, value: V) {
        if !self.index.has_room() {
            self.index = Index::rebuilt(&self.entries, self.live + 1);
        }
        let at = self.entries.len();
        self.index.insert(key.hash, at);
        self.entries.push(Some((key, value)));
        self.live += 1;
    }

    fn remove_at(&mut self, i: usize) -> Option<(DictKey, V)> {
        let (key, value) = self.entries.get_mut(i)?.take()?;
        self.index.remove(key.hash, i);
        self.live -= 1;
        if i + 1 == self.entries.len() {
            // The last entry: drop the holes before it too, so that the
            // last position always holds an entry. Nothing else moves.
            while matches!(self.entries.last(), Some(None)) {
                self.entries.pop();
            }
            self.head = self.head.min(self.entries.len());
        } else {
            if i == self.head {
                while matches!(self.entries.get(self.head), Some(None)) {
                    self.head += 1;
                }
            }
            let holes = self.entries.len() - self.live;
            if holes > SMALL && holes > self.live {
                self.compact();
            }
        }
        Some((key, value))
    }

    /// Takes the entry at `i` out for a move, leaving a hole (the caller
    /// puts it back elsewhere, so `live` and the hole policy wait).
    fn take_for_move(&mut self, i: usize) -> Option<(DictKey, V)> {
        let entry = self.entries.get_mut(i)?.take()?;
        self.index.remove(entry.0.hash, i);
        if i == self.head {
            while matches!(self.entries.get(self.head), Some(None)) {
                self.head += 1;
            }
        }
        Some(entry)
    }

    /// Puts `entry` (taken out by [`Indexed::take_for_move`]) before the
    /// first entry: into the hole there is before it, or else after the
    /// entries are laid out again behind a run of holes as long as half
    /// of them, so moves to the front cost O(1) amortised.
    fn put_first(&mut self, entry: (DictKey, V)) {
        if self.head == 0 {
            let room = (self.live / 2).max(SMALL);
            let mut entries = Vec::with_capacity(room + self.live);
            entries.resize_with(room, || None);
            entries.extend(
                std::mem::take(&mut self.entries)
                    .into_iter()
                    .filter(Option::is_some),
            );
            self.entries = entries;
            self.head = room;
            self.index = Index::rebuilt(&self.entries, self.live);
        } else if !self.index.has_room() {
            self.index = Index::rebuilt(&self.entries, self.live);
        }
        let at = self.head - 1;
        self.index.insert(entry.0.hash, at);
        self.entries[at] = Some(entry);
        self.head = at;
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
    }

    /// Puts `entry` (taken out by [`Indexed::take_for_move`]) after the
    /// last entry; the holes moves leave are squeezed out as a removal's
    /// are.
    fn put_last(&mut self, entry: (DictKey, V)) {
        self.live -= 1;
        let (key, value) = entry;
        self.push(key, value);
        let holes = self.entries.len() - self.live;
        if holes > SMALL && holes > self.live {
            self.compact();
        }
    }

    /// Squeezes out the holes and rebuilds the index: every entry may
    /// move (callers that cache positions see a new version).
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.index = Index::rebuilt(&self.entries, self.live);
        self.head = 0;
    }
}

impl<V> Default for KeyTable<V> {
    fn default() -> Self {
        KeyTable {
            storage: Storage::Small(Vec::new()),
        }
    }
}

/// Whether the stored key `k` is `key` (whose hash is `hash`): hash first,
/// then identity, str contents, then Python equality (an error is kept in
/// `err` and ends the search).
#[inline(always)]
fn key_matches(k: &DictKey, hash: i64, key: &Value, err: &mut Option<PyErr>) -> bool {
    if k.hash != hash || err.is_some() {
        return false;
    }
    // Interned names and small ints: identity decides without a call.
    k.key.is(key) || keys_equal(k, key, err)
}

/// `key_matches` past the hash and identity checks.
#[inline(never)]
fn keys_equal(k: &DictKey, key: &Value, err: &mut Option<PyErr>) -> bool {
    if let (Some(a), Some(b)) = (k.key.as_str_or_subclass(), key.as_str_or_subclass()) {
        return a.as_str() == b.as_str();
    }
    match protocol::eq(&k.key, key) {
        Ok(b) => b,
        Err(e) => {
            *err = Some(e);
            false
        }
    }
}

impl<V> KeyTable<V> {
    pub fn with_capacity(n: usize) -> Self {
        KeyTable {
            storage: if n <= SMALL {
                Storage::Small(Vec::with_capacity(n))
            } else {
                Storage::Indexed(Box::new(Indexed::with_capacity(n)))
            },
        }
    }

    pub fn len(&self) -> usize {
        match &self.storage {
            Storage::Small(entries) => entries.len(),
            Storage::Indexed(table) => table.live,
        }
    }

    /// One past the last position that holds an entry. Positions are
    /// stable until a key is removed; between the first position and this
    /// one some may be holes (see [`KeyTable::entry_from`]).
    pub fn end(&self) -> usize {
        match &self.storage {
            Storage::Small(entries) => entries.len(),
            Storage::Indexed(table) => table.entries.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Index of `key` (whose hash is `hash`).
    pub fn find(&self, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        if let Some(found) = self.find_same(hash, key) {
            return Ok(found);
        }
        let mut err = None;
        let found = match &self.storage {
            Storage::Small(entries) => entries
                .iter()
                .position(|(k, _)| key_matches(k, hash, key, &mut err)),
            Storage::Indexed(table) => table.find(hash, |k| key_matches(k, hash, key, &mut err)),
        };
        match err {
            Some(e) => Err(e),
            None => Ok(found),
        }
    }

    pub fn get(&self, hash: i64, key: &Value) -> PyResult<Option<&V>> {
        Ok(self
            .find(hash, key)?
            .and_then(|i| self.get_index(i))
            .map(|(_, v)| v))
    }

    /// Insert or replace the value; an existing key object is kept, as in
    /// CPython (`d[1.0] = x` leaves the key `1`). Returns the old value.
    pub fn insert(&mut self, hash: i64, key: Value, value: V) -> PyResult<Option<V>> {
        match self.find(hash, &key)? {
            Some(i) => Ok(self.set_value_at(i, value)),
            None => {
                self.insert_new(hash, key, value);
                Ok(None)
            }
        }
    }

    /// Remove `key`, keeping the order of the others.
    pub fn remove(&mut self, hash: i64, key: &Value) -> PyResult<Option<(Value, V)>> {
        Ok(self.find(hash, key)?.and_then(|i| self.remove_at(i)))
    }

    #[inline(always)]
    pub fn get_index(&self, i: usize) -> Option<(&Value, &V)> {
        self.get_index_hashed(i).map(|(k, v)| (&k.key, v))
    }

    /// The entry at position `i`; `None` past the end or at a hole.
    /// Always inlined: it is the whole of a LOAD_GLOBAL cache hit's lookup.
    #[inline(always)]
    pub fn get_index_hashed(&self, i: usize) -> Option<(&DictKey, &V)> {
        match &self.storage {
            Storage::Small(entries) => entries.get(i).map(|(k, v)| (k, v)),
            Storage::Indexed(table) => table
                .entries
                .get(i)
                .and_then(Option::as_ref)
                .map(|(k, v)| (k, v)),
        }
    }

    /// The first entry at position `i` or after, with its position: how
    /// an iterator that keeps a position steps over holes.
    pub fn entry_from(&self, i: usize) -> Option<(usize, &Value, &V)> {
        match &self.storage {
            Storage::Small(entries) => entries.get(i).map(|(k, v)| (i, &k.key, v)),
            Storage::Indexed(table) => table
                .entries
                .get(i..)?
                .iter()
                .enumerate()
                .find_map(|(j, e)| e.as_ref().map(|(k, v)| (i + j, &k.key, v))),
        }
    }

    pub fn pop_last(&mut self) -> Option<(Value, V)> {
        match &mut self.storage {
            Storage::Small(entries) => entries.pop().map(|(k, v)| (k.key, v)),
            Storage::Indexed(table) => {
                let last = table.entries.len().checked_sub(1)?;
                table.remove_at(last).map(|(k, v)| (k.key, v))
            }
        }
    }

    /// Removes the oldest entry (`lru_cache` evicts so); the position of
    /// the first entry is remembered, so repeated calls do not rescan the
    /// holes before it.
    pub fn pop_first(&mut self) -> Option<(Value, V)> {
        match &mut self.storage {
            Storage::Small(_) => self.remove_at(0),
            Storage::Indexed(table) => table.remove_at(table.head).map(|(k, v)| (k.key, v)),
        }
    }

    /// Empties the table and gives its memory back.
    pub fn clear(&mut self) {
        self.storage = Storage::Small(Vec::new());
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &V)> {
        self.iter_hashed().map(|(k, v)| (&k.key, v))
    }

    pub fn iter_hashed(&self) -> impl Iterator<Item = (&DictKey, &V)> {
        let (small, indexed) = match &self.storage {
            Storage::Small(entries) => (Some(entries.iter().map(|(k, v)| (k, v))), None),
            Storage::Indexed(table) => (
                None,
                Some(table.entries.iter().flatten().map(|(k, v)| (k, v))),
            ),
        };
        small
            .into_iter()
            .flatten()
            .chain(indexed.into_iter().flatten())
    }

    /// Keys stored with this hash: the candidates a lookup must compare
    /// with `==` when that comparison runs Python code.
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        match &self.storage {
            Storage::Small(entries) => entries
                .iter()
                .filter(|(k, _)| k.hash == hash)
                .map(|(k, _)| k.key.clone())
                .collect(),
            // The index's probe sequence for `hash`, not the whole table:
            // the predicate sees the entries the index offers and keeps
            // those with this hash (it never accepts, so the probe goes on
            // to the end of the sequence).
            Storage::Indexed(table) => {
                let mut found = Vec::new();
                table.find(hash, |k| {
                    if k.hash == hash {
                        found.push(k.key.clone());
                    }
                    false
                });
                found
            }
        }
    }

    /// Whether a key stored with this hash satisfies `pred` (no copies).
    /// A builtin miss asks it with `needs_interp`: a held key whose own
    /// `__eq__` may find it equal to the one looked up (`{Decimal(1):
    /// v}[1]`) sends the lookup to the interpreter.
    /// The value of `key` (whose own hash and `==` run no Python code)
    /// when the answer needs no Python code either: `None` when a stored
    /// key of that hash has a Python `__eq__` (found equal by its builtin
    /// value, or not found, its own `__eq__` must still be asked — a
    /// stored str subclass's, say); the very same key object needs none.
    #[inline]
    pub fn get_without_code(&self, hash: i64, key: &Value) -> Option<Option<&V>> {
        match self.find_same(hash, key) {
            Some(Some(i)) => return self.get_index(i).map(|(_, value)| Some(value)),
            Some(None) => return Some(None),
            None => {}
        }
        match self.find(hash, key).ok()? {
            Some(i) => {
                let (stored, value) = self.get_index(i)?;
                (stored.is(key) || !needs_interp(stored)).then_some(Some(value))
            }
            None => (!self.any_candidate(hash, needs_interp)).then_some(None),
        }
    }

    /// Where `key` is, when its first stored key of that hash is the
    /// very same object or an exact str of the same text (`Some(None)`:
    /// no stored key has its hash). `None` when that candidate needs a
    /// real comparison: [`KeyTable::find`] then decides. Most lookups end
    /// here, without the error slot and the general comparison.
    #[inline(always)]
    fn find_same(&self, hash: i64, key: &Value) -> Option<Option<usize>> {
        let same = |k: &DictKey| {
            k.key.is(key)
                || matches!((k.key.as_str(), key.as_str()), (Some(a), Some(b)) if a.as_str() == b.as_str())
        };
        match &self.storage {
            Storage::Small(entries) => {
                for (i, (k, _)) in entries.iter().enumerate() {
                    if k.hash == hash {
                        return same(k).then_some(Some(i));
                    }
                }
                Some(None)
            }
            Storage::Indexed(table) => {
                let mut decided = true;
                let found = table.find(hash, |k| {
                    decided = same(k);
                    true
                });
                decided.then_some(found)
            }
        }
    }

    pub fn any_candidate(&self, hash: i64, pred: impl Fn(&Value) -> bool) -> bool {
        match &self.storage {
            Storage::Small(entries) => entries.iter().any(|(k, _)| k.hash == hash && pred(&k.key)),
            Storage::Indexed(table) => table
                .find(hash, |k| k.hash == hash && pred(&k.key))
                .is_some(),
        }
    }

    /// The position of the entry whose key is `key` itself (stored with
    /// `hash`).
    pub fn position_of_identical(&self, hash: i64, key: &Value) -> Option<usize> {
        match &self.storage {
            Storage::Small(entries) => entries
                .iter()
                .position(|(k, _)| k.hash == hash && k.key.is(key)),
            Storage::Indexed(table) => table.find(hash, |k| k.key.is(key)),
        }
    }

    /// Whether a key or a value (as `value` sees it) is a container whose
    /// drop may drop a long chain (for the iterative teardown in `object.rs`).
    pub(crate) fn holds_containers(&self, value: fn(&V) -> Option<&Value>) -> bool {
        self.iter_hashed().any(|(k, v)| {
            crate::object::is_container(&k.key) || value(v).is_some_and(crate::object::is_container)
        })
    }

    /// Replaces the value at position `i`.
    pub fn set_value_at(&mut self, i: usize, value: V) -> Option<V> {
        let slot = match &mut self.storage {
            Storage::Small(entries) => entries.get_mut(i).map(|(_, v)| v),
            Storage::Indexed(table) => table
                .entries
                .get_mut(i)
                .and_then(Option::as_mut)
                .map(|(_, v)| v),
        };
        slot.map(|slot| std::mem::replace(slot, value))
    }

    /// Adds a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: V) {
        if let Storage::Small(entries) = &mut self.storage {
            if entries.len() < SMALL {
                if entries.len() == entries.capacity() {
                    // 3 entries first (most instances have two or three
                    // attributes), then doubling up to SMALL.
                    entries.reserve_exact(entries.len().max(3).min(SMALL - entries.len()));
                }
                entries.push((DictKey { hash, key }, value));
                return;
            }
            let mut table = Indexed::with_capacity(SMALL * 2);
            for (k, v) in entries.drain(..) {
                table.push(k, v);
            }
            self.storage = Storage::Indexed(Box::new(table));
        }
        if let Storage::Indexed(table) = &mut self.storage {
            table.push(DictKey { hash, key }, value);
        }
    }

    /// Moves the entry at position `i` to the front or the back, keeping
    /// the others' order (`OrderedDict.move_to_end`); false if there is
    /// no entry there. O(1) amortised in a big table.
    pub fn move_entry(&mut self, i: usize, to_back: bool) -> bool {
        match &mut self.storage {
            Storage::Small(entries) => {
                if i >= entries.len() {
                    return false;
                }
                let entry = entries.remove(i);
                if to_back {
                    entries.push(entry);
                } else {
                    entries.insert(0, entry);
                }
            }
            Storage::Indexed(table) => {
                let Some(entry) = table.take_for_move(i) else {
                    return false;
                };
                if to_back {
                    table.put_last(entry);
                } else {
                    table.put_first(entry);
                }
            }
        }
        true
    }

    /// The last entry before position `i`, with its position: how a
    /// reversed iterator steps back over holes.
    pub fn entry_before(&self, i: usize) -> Option<(usize, &Value, &V)> {
        match &self.storage {
            Storage::Small(entries) => {
                let j = i.min(entries.len()).checked_sub(1)?;
                entries.get(j).map(|(k, v)| (j, &k.key, v))
            }
            Storage::Indexed(table) => {
                let end = i.min(table.entries.len());
                table.entries[..end]
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(j, e)| e.as_ref().map(|(k, v)| (j, &k.key, v)))
            }
        }
    }

    /// Removes the entry at position `i`, keeping the others' order. In a
    /// big table the others stay where they are, unless the holes now
    /// outnumber them and are squeezed out.
    pub fn remove_at(&mut self, i: usize) -> Option<(Value, V)> {
        match &mut self.storage {
            Storage::Small(entries) => (i < entries.len())
                .then(|| entries.remove(i))
                .map(|(k, v)| (k.key, v)),
            Storage::Indexed(table) => table.remove_at(i).map(|(k, v)| (k.key, v)),
        }
    }
}

/// Whether hashing or comparing `key` runs Python code (`__hash__` and
/// `__eq__` of a user class): such keys are looked up through the
/// interpreter ([`KeyTable::find_with`]).
/// Whether hashing or comparing `key` may run Python code: an object of
/// a class (or declared type) that defines `__hash__` or `__eq__` — a
/// subclass of a builtin always, its value may differ from its base's —
/// or a tuple or frozenset holding one. Other instances hash and compare by identity,
/// which the builtin paths do too.
#[inline]
pub fn needs_interp(key: &Value) -> bool {
    // Ints, floats, None and bools first: no object to look at.
    let Value::Obj(object) = key else {
        return false;
    };
    if let PyObject::Str(_) = &**object {
        return false;
    }
    needs_interp_object(key)
}

/// `hash(key)` in one walk over the key, when neither hashing nor
/// comparing it runs Python code (what [`needs_interp`] tells): `Err(None)`
/// when it does (a nested key is not walked twice, once to ask and once to
/// hash).
pub(crate) fn hash_without_code(key: &Value) -> Result<i64, Option<PyErr>> {
    let object = match key {
        Value::Obj(object) => object,
        Value::Int(i) => {
            return Ok(crate::builtins::int::hash(
                crate::builtins::int::IntRef::Small(*i),
            ));
        }
        _ => return protocol::hash(key).map_err(Some),
    };
    match &**object {
        PyObject::Str(s) => Ok(s.hash()),
        // A dispatch table keyed by class (`copy`'s, `pickle`'s).
        PyObject::Type(class) => Ok(protocol::class_hash(class)),
        PyObject::Tuple(t) => t.hash_with(&mut hash_without_code),
        PyObject::Instance(i) => match hashes_as_its_base(i, key) {
            Some(base) => hash_without_code(base),
            None if hashes_with_code(i.class()) => Err(None),
            None => protocol::hash(key).map_err(Some),
        },
        _ if needs_interp_object(key) => Err(None),
        _ => protocol::hash(key).map_err(Some),
    }
}

/// Whether hashing or comparing an instance of `class` may run Python
/// code: its class statements define `__hash__` or `__eq__`, or it
/// carries a builtin value (see [`hashes_as_its_base`]).
fn hashes_with_code(class: &crate::typeobject::TypeObject) -> bool {
    use crate::typeobject::Slot;
    class.defines(Slot::Hash) || class.defines(Slot::Eq) || class.builtin.is_some()
}

/// The builtin value an instance of a subclass of a hashable builtin (a
/// namedtuple, a str subclass) hashes and compares as: its class
/// statements define neither `__hash__` nor `__eq__`.
fn hashes_as_its_base<'a>(
    instance: &crate::builtins::function::PyInstance,
    key: &'a Value,
) -> Option<&'a Value> {
    use crate::typeobject::Slot;
    let class = instance.class();
    if class.builtin.is_none() || class.defines(Slot::Hash) || class.defines(Slot::Eq) {
        return None;
    }
    let base = key.builtin_value();
    (!std::ptr::eq(base, key)
        && matches!(
            base.as_obj(),
            Some(PyObject::Tuple(_) | PyObject::Str(_) | PyObject::Bytes(_) | PyObject::Int(_))
        ))
    .then_some(base)
}

fn needs_interp_object(key: &Value) -> bool {
    match key.as_obj() {
        Some(PyObject::Instance(i)) => match hashes_as_its_base(i, key) {
            Some(base) => needs_interp(base),
            None => hashes_with_code(i.class()),
        },
        Some(PyObject::Exception(e)) => e.class.heap && hashes_with_code(&e.class),
        Some(PyObject::Native(n)) => hashes_with_code(&n.class),
        Some(PyObject::Tuple(t)) => t.iter().any(needs_interp),
        // Its hash is its items' stored ones, but equality compares them.
        Some(PyObject::FrozenSet(s)) => {
            let mut any = false;
            s.traverse(&mut |item| any = any || needs_interp(item));
            any
        }
        _ => false,
    }
}

impl<V> KeyTable<V> {
    /// Finds `key` with the interpreter's `hash` and `==`. The table is
    /// not borrowed while Python code runs: the candidates are copied out
    /// first. Returns the position (if found) and the hash.
    pub fn find_with(
        table: &RefCell<KeyTable<V>>,
        vm: &mut Vm,
        key: &Value,
    ) -> PyResult<(Option<usize>, i64)> {
        let hash = vm.hash(key)?;
        Ok((KeyTable::find_with_hash(table, vm, key, hash)?, hash))
    }

    /// [`KeyTable::find_with`] of a key whose hash is known: only `==`
    /// runs Python code.
    pub fn find_with_hash(
        table: &RefCell<KeyTable<V>>,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        // The very same key (or none of its hash) needs no `__eq__`.
        if let Some(found) = table.borrow().find_same(hash, key) {
            return Ok(found);
        }
        let candidates = table.borrow().candidates(hash);
        for candidate in candidates {
            if candidate.is(key) || vm.eq(&candidate, key)? {
                let Some(i) = table.borrow().position_of_identical(hash, &candidate) else {
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                };
                return Ok(Some(i));
            }
        }
        Ok(None)
    }
}

#[derive(Default)]
pub struct PyDict {
    pub(crate) gc: crate::gc::GcHeader,
    table: RefCell<KeyTable<Value>>,
    /// Changes, to a value no dict had before, whenever a key may have
    /// moved or appeared (one added, removed other than last, the order
    /// changed); replacing the value of a key, or removing the last key,
    /// keeps it. The interpreter caches where a global lives (its position)
    /// against it: a cached position stays right, or past the end.
    version: Cell<u64>,
}

thread_local! {
    static NEXT_DICT_VERSION: Cell<u64> = const { Cell::new(1) };
}

fn next_dict_version() -> u64 {
    NEXT_DICT_VERSION.with(|v| {
        let version = v.get();
        v.set(version + 1);
        version
    })
}

impl PyDict {
    /// Moves the table out if it holds containers (for the iterative
    /// teardown in `object.rs`).
    pub(crate) fn take_table_if_containers(&mut self) -> Option<KeyTable<Value>> {
        let table = self.table.get_mut();
        table
            .holds_containers(|v| Some(v))
            .then(|| std::mem::take(table))
    }

    pub fn new() -> PyDict {
        PyDict::default()
    }

    /// A dict of pairs whose keys are distinct strs (an instance's
    /// attribute names, when its `__dict__` is first asked for): sized
    /// once, each key added without probing for an equal one.
    pub(crate) fn from_distinct_str_keys(
        pairs: impl IntoIterator<Item = (Value, Value)>,
        len: usize,
    ) -> PyDict {
        let mut table = KeyTable::with_capacity(len);
        for (key, value) in pairs {
            // (A str's hash cannot fail.)
            let hash = protocol::hash(&key).unwrap_or_default();
            table.insert_new(hash, key, value);
        }
        PyDict {
            gc: Default::default(),
            table: RefCell::new(table),
            version: Cell::new(next_dict_version()),
        }
    }

    /// Build from key/value pairs (later keys win).
    pub fn from_pairs(pairs: Vec<(Value, Value)>) -> PyResult<PyDict> {
        let d = PyDict {
            gc: Default::default(),
            table: RefCell::new(KeyTable::with_capacity(pairs.len())),
            version: Cell::new(next_dict_version()),
        };
        for (k, v) in pairs {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    pub fn table(&self) -> Ref<'_, KeyTable<Value>> {
        self.table.borrow()
    }

    pub fn table_mut(&self) -> RefMut<'_, KeyTable<Value>> {
        self.write()
    }

    /// Position of `key` (a key that needs no interpreter to hash or
    /// compare), valid while [`PyDict::version`] is unchanged.
    pub fn index_of(&self, key: &Value) -> PyResult<Option<usize>> {
        let h = protocol::hash(key)?;
        self.table.borrow().find(h, key)
    }

    /// The value at position `i` (see [`PyDict::index_of`]). Always
    /// inlined: the global cache's hit in both variants of the loop.
    #[inline(always)]
    pub fn value_at(&self, i: usize) -> Option<Value> {
        // SAFETY: the reference ends within this expression, which only
        // clones a value (no Python code runs, nothing writes the table);
        // a table being written (a mutable borrow) makes this a miss.
        unsafe { self.table.try_borrow_unguarded() }
            .ok()?
            .get_index(i)
            .map(|(_, v)| v.clone())
    }

    /// Whether the key at position `i` is the object `key` itself (not
    /// just an equal one).
    pub fn key_at_is(&self, i: usize, key: &Value) -> bool {
        self.table
            .borrow()
            .get_index(i)
            .is_some_and(|(k, _)| k.is(key))
    }

    /// Replaces the value at position `i` (see [`PyDict::index_of`]); gives
    /// the value back when there is no such position.
    pub fn set_value_at(&self, i: usize, value: Value) -> Option<Value> {
        let mut table = self.table.borrow_mut();
        if table.get_index(i).is_none() {
            return Some(value);
        }
        let old = table.set_value_at(i, value);
        drop(table);
        drop(old);
        None
    }

    /// The table, for a change that may touch its keys: bumps the version.
    fn write(&self) -> RefMut<'_, KeyTable<Value>> {
        self.version.set(next_dict_version());
        self.table.borrow_mut()
    }

    /// Lets go of every entry (the collector breaking a cycle).
    pub(crate) fn clear_for_collector(&self) {
        let Ok(mut table) = self.table.try_borrow_mut() else {
            return;
        };
        self.version.set(next_dict_version());
        let old = std::mem::take(&mut *table);
        drop(table);
        drop(old);
    }

    /// The current version (see the field's doc).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.borrow().is_empty()
    }

    /// `d[key]` (`None` if absent) with the interpreter's `hash`/`==`.
    /// `key in d` for an exact str or int key, when no key of its hash
    /// needs Python code to compare; `None` otherwise (the interpreter's
    /// path then answers).
    #[inline]
    pub(crate) fn contains_quick(&self, key: &Value) -> Option<bool> {
        let hash = match key {
            Value::Int(i) => crate::builtins::int::hash(crate::builtins::int::IntRef::Small(*i)),
            _ => match key.as_obj()? {
                PyObject::Str(s) => s.hash(),
                _ => return None,
            },
        };
        let table = self.table.try_borrow().ok()?;
        Some(table.get_without_code(hash, key)?.is_some())
    }

    /// `d[key]` when neither hashing nor comparing runs Python code
    /// (`None` otherwise: see [`KeyTable::get_without_code`]).
    #[inline]
    pub(crate) fn get_quick(&self, key: &Value) -> Option<Option<Value>> {
        let hash = hash_without_code(key).ok()?;
        let table = self.table.try_borrow().ok()?;
        table
            .get_without_code(hash, key)
            .map(|found| found.cloned())
    }

    pub fn get_item_vm(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hashed = match hash_without_code(key) {
            Ok(hash) => Some(hash),
            Err(Some(err)) => return Err(err),
            Err(None) => None,
        };
        if let Some(hash) = hashed {
            let table = self.table.borrow();
            if let Some(found) = table.get_without_code(hash, key) {
                return Ok(found.cloned());
            }
        }
        let (found, _) = KeyTable::find_with(&self.table, vm, key)?;
        Ok(found.and_then(|i| self.table.borrow().get_index(i).map(|(_, v)| v.clone())))
    }

    /// `d[key] = value` with the interpreter's `hash`/`==`.
    pub fn set_item_vm(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        match hash_without_code(&key) {
            Ok(hash) => return self.set_item_hashed(hash, key, value),
            Err(Some(err)) => return Err(err),
            Err(None) => {}
        }
        let (found, hash) = KeyTable::find_with(&self.table, vm, &key)?;
        let old = match found {
            // A new value for a present key: the keys (and version) stay.
            Some(i) => self.table.borrow_mut().set_value_at(i, value),
            None => {
                self.write().insert_new(hash, key, value);
                None
            }
        };
        drop(old);
        Ok(())
    }

    /// Where `key` is (`None` if absent) and its hash, with the
    /// interpreter's `hash`/`==`: a caller that goes on to insert it uses
    /// the hash again instead of asking `__hash__` twice.
    pub fn lookup_vm(&self, vm: &mut Vm, key: &Value) -> PyResult<(Option<usize>, i64)> {
        match hash_without_code(key) {
            Ok(hash) => Ok((self.table.borrow().find(hash, key)?, hash)),
            Err(Some(err)) => Err(err),
            Err(None) => KeyTable::find_with(&self.table, vm, key),
        }
    }

    /// [`PyDict::lookup_vm`] of a key whose hash is known.
    pub fn lookup_hashed_vm(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        if !needs_interp(key) {
            let table = self.table.borrow();
            let found = table.find(hash, key)?;
            if found.is_some() || !table.any_candidate(hash, needs_interp) {
                return Ok(found);
            }
        }
        KeyTable::find_with_hash(&self.table, vm, key, hash)
    }

    /// Adds `key` (with `hash`), which a lookup just found absent, with no
    /// Python code run since.
    pub fn insert_absent(&self, hash: i64, key: Value, value: Value) {
        self.write().insert_new(hash, key, value);
    }

    /// The position of `key` (`None` if absent), with the interpreter's
    /// `hash`/`==`.
    pub fn position_vm(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<usize>> {
        match hash_without_code(key) {
            Ok(hash) => {
                let table = self.table.borrow();
                let found = table.find(hash, key)?;
                if found.is_some() || !table.any_candidate(hash, needs_interp) {
                    return Ok(found);
                }
            }
            Err(Some(err)) => return Err(err),
            Err(None) => {}
        }
        Ok(KeyTable::find_with(&self.table, vm, key)?.0)
    }

    /// Removes and returns the last entry, or the first (`last` false):
    /// O(1), the first entry's position being kept (`OrderedDict.popitem`).
    pub fn pop_end(&self, last: bool) -> Option<(Value, Value)> {
        let mut table = self.write();
        let entry = if last {
            table.pop_last()
        } else {
            table.pop_first()
        };
        drop(table);
        entry
    }

    /// Moves the entry at position `i` to the back or the front (see
    /// [`KeyTable::move_entry`]).
    pub fn move_entry(&self, i: usize, to_back: bool) -> bool {
        self.write().move_entry(i, to_back)
    }

    /// `d.pop(key)` with the interpreter's `hash`/`==`.
    pub fn pop_vm(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        if !needs_interp(key) {
            let hash = protocol::hash(key)?;
            let found = self.pop_hashed(hash, key)?;
            if found.is_some() || !self.table.borrow().any_candidate(hash, needs_interp) {
                return Ok(found);
            }
        }
        let (found, _) = KeyTable::find_with(&self.table, vm, key)?;
        Ok(found.and_then(|i| self.write().remove_at(i).map(|(_, v)| v)))
    }

    pub fn get_item(&self, key: &Value) -> PyResult<Option<Value>> {
        let h = protocol::hash(key)?;
        Ok(self.table.borrow().get(h, key)?.cloned())
    }

    /// `d[key]`, raising `KeyError(key)`.
    pub fn get_item_or_raise(&self, key: &Value) -> PyResult {
        self.get_item(key)?
            .ok_or_else(|| PyErr::key_error(key.clone()))
    }

    pub fn set_item(&self, key: Value, value: Value) -> PyResult<()> {
        let h = protocol::hash(&key)?;
        self.set_item_hashed(h, key, value)
    }

    /// [`PyDict::set_item`] with the key's hash known.
    fn set_item_hashed(&self, h: i64, key: Value, value: Value) -> PyResult<()> {
        let found = self.table.borrow().find(h, &key)?;
        let old = match found {
            // A new value for a present key: the keys (and version) stay.
            Some(i) => self.table.borrow_mut().set_value_at(i, value),
            None => {
                self.write().insert_new(h, key, value);
                None
            }
        };
        drop(old);
        Ok(())
    }

    pub fn del_item(&self, key: &Value) -> PyResult<()> {
        match self.pop(key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        }
    }

    pub fn pop(&self, key: &Value) -> PyResult<Option<Value>> {
        self.pop_hashed(protocol::hash(key)?, key)
    }

    /// [`PyDict::pop`] of a key whose hash is `h`.
    fn pop_hashed(&self, h: i64, key: &Value) -> PyResult<Option<Value>> {
        let Some(at) = self.table.borrow().find(h, key)? else {
            return Ok(None);
        };
        // Removing the last key moves no other key, so positions cached
        // against the version stay right (a position past the end reads
        // nothing): `except E as e` at module level binds and deletes `e`
        // without invalidating every LOAD_GLOBAL cache.
        let last = at + 1 == self.table.borrow().end();
        let mut table = if last {
            self.table.borrow_mut()
        } else {
            self.write()
        };
        let removed = table.remove_at(at);
        drop(table);
        Ok(removed.map(|(_, v)| v))
    }

    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        let h = protocol::hash(key)?;
        Ok(self.table.borrow().find(h, key)?.is_some())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|(_, v)| v.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    pub fn copy(&self) -> PyDict {
        PyDict {
            gc: Default::default(),
            table: RefCell::new(self.table.borrow().clone()),
            version: Cell::new(next_dict_version()),
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let Ok(table) = self.table.try_borrow() else {
            return;
        };
        for (k, v) in table.iter() {
            visit(k);
            visit(v);
        }
    }

    pub fn repr(&self) -> PyResult<String> {
        let mut s = String::from("{");
        for (i, (k, v)) in self.items().iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&protocol::repr(k)?);
            s.push_str(": ");
            s.push_str(&protocol::repr(v)?);
        }
        s.push('}');
        Ok(s)
    }

    /// `self == other` for dicts of builtin keys and values (no Python
    /// `__eq__` to run): the object layer's fast path; the interpreter's
    /// is [`PyDict::eq_vm`].
    pub fn eq(&self, other: &PyDict) -> PyResult<bool> {
        if self.len() != other.len() {
            return Ok(false);
        }
        for (k, v) in self.items() {
            match other.get_item(&k)? {
                Some(w) if v.is(&w) || protocol::eq(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `self == other` with the interpreter's `hash` and `==`
    /// (CPython's `dict_equal`): entry by entry, read at each step, so a
    /// key that differs early ends it without a copy of the items.
    pub fn eq_vm(&self, vm: &mut Vm, other: &PyDict) -> PyResult<bool> {
        if self.len() != other.len() {
            return Ok(false);
        }
        let mut pos = 0;
        loop {
            let (k, v) = match self.table.borrow().entry_from(pos) {
                Some((i, k, v)) => {
                    pos = i + 1;
                    (k.clone(), v.clone())
                }
                None => return Ok(true),
            };
            match other.get_item_vm(vm, &k)? {
                Some(w) if vm.equal(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
    }

    /// `d.update(other)`: a dict, or an iterable of pairs.
    pub fn update_from(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(pairs) = vm.mapping_items(other)? {
            for (k, v) in pairs {
                self.set_item_vm(vm, k, v)?;
            }
            return Ok(());
        }
        let it = vm.iterate(other)?;
        let mut n = 0;
        while let Some(item) = protocol::next(vm, &it)? {
            let pair = protocol::collect(vm, &item).map_err(|e| {
                if e.matches(crate::typeobject::ExcType::TypeError) {
                    PyErr::type_error(format!(
                        "cannot convert dictionary update sequence element #{n} to a sequence"
                    ))
                } else {
                    e
                }
            })?;
            if pair.len() != 2 {
                return Err(PyErr::value_error(format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut p = pair.into_iter();
            let (k, v) = (p.next().unwrap_or_default(), p.next().unwrap_or_default());
            self.set_item_vm(vm, k, v)?;
            n += 1;
        }
        Ok(())
    }
}

/// `dict.fromkeys(iterable, value=None)` (the class-method binding is the
/// interpreter's business).
pub fn fromkeys(vm: &mut Vm, iterable: &Value, value: Value) -> PyResult {
    let d = PyDict::new();
    for k in protocol::collect(vm, iterable)? {
        d.set_item_vm(vm, k, value.clone())?;
    }
    Ok(Value::dict(d))
}

/// `dict.fromkeys` as the class method it is: a subclass (`D.fromkeys`)
/// makes an instance of itself (`cls()`, then `d[key] = value` each, as
/// CPython does for anything but an exact dict).
pub fn fromkeys_classmethod(vm: &mut Vm, args: Args) -> PyResult {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(PyErr::type_error("fromkeys() needs a class"));
    };
    if !args.kw.is_empty() {
        let owner = match cls.as_obj() {
            Some(PyObject::Type(class)) => class.name.to_string(),
            _ => "dict".to_string(),
        };
        return Err(PyErr::type_error(format!(
            "{owner}.fromkeys() takes no keyword arguments"
        )));
    }
    match rest.len() {
        0 => {
            return Err(PyErr::type_error(
                "fromkeys expected at least 1 argument, got 0",
            ));
        }
        1 | 2 => {}
        n => {
            return Err(PyErr::type_error(format!(
                "fromkeys expected at most 2 arguments, got {n}"
            )));
        }
    }
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let exact = matches!(
        cls.as_obj(),
        Some(crate::object::PyObject::Type(t))
            if t.builtin == Some(crate::typeobject::BuiltinType::Dict) && !t.heap
    );
    if exact {
        return fromkeys(vm, &rest[0], value);
    }
    let d = vm.call(cls, Args::new(&[]))?;
    for k in protocol::collect(vm, &rest[0])? {
        vm.subscript_set(&d, k, value.clone())?;
    }
    Ok(d)
}

/// `a | b`: a new dict.
pub fn merge(vm: &mut Vm, a: &PyDict, b: &PyDict) -> PyResult {
    let d = a.copy();
    for (k, v) in b.items() {
        d.set_item_vm(vm, k, v)?;
    }
    Ok(Value::dict(d))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    pub fn type_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
    pub fn builtin_type(self) -> BuiltinType {
        match self {
            ViewKind::Keys => BuiltinType::DictKeys,
            ViewKind::Values => BuiltinType::DictValues,
            ViewKind::Items => BuiltinType::DictItems,
        }
    }
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of `dict`.
pub struct PyDictView {
    pub dict: Value,
    pub kind: ViewKind,
}

impl PyDictView {
    pub fn dict(&self) -> &PyDict {
        match self.dict.as_dict_or_subclass() {
            Some(d) => d,
            None => unreachable!("a dict view always wraps a dict"),
        }
    }

    /// The view's elements, as they are now.
    pub fn elements(&self) -> Vec<Value> {
        let d = self.dict();
        match self.kind {
            ViewKind::Keys => d.keys(),
            ViewKind::Values => d.values(),
            ViewKind::Items => d.items().into_iter().map(|(k, v)| pair(k, v)).collect(),
        }
    }

    pub fn repr(&self) -> PyResult<String> {
        let items = Value::list(self.elements());
        Ok(format!(
            "{}({})",
            self.kind.type_name(),
            protocol::repr(&items)?
        ))
    }

    pub fn contains(&self, vm: &mut Vm, x: &Value) -> PyResult<bool> {
        let d = self.dict();
        match self.kind {
            ViewKind::Keys => Ok(d.get_item_vm(vm, x)?.is_some()),
            ViewKind::Items => {
                let Some(t) = x.as_tuple_or_subclass().filter(|t| t.len() == 2) else {
                    return Ok(false);
                };
                match d.get_item_vm(vm, &t.as_slice()[0])? {
                    Some(v) => vm.equal(&v, &t.as_slice()[1]),
                    None => Ok(false),
                }
            }
            ViewKind::Values => {
                for v in d.values() {
                    if vm.equal(&v, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

fn zelf(v: &Value) -> PyResult<&PyDict> {
    v.as_dict_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn view(z: &Value, kind: ViewKind) -> Value {
    Value::obj(PyObject::DictView(PyDictView {
        dict: z.clone(),
        kind,
    }))
}

fn m_keys(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    zelf(z)?;
    Ok(view(z, ViewKind::Keys))
}

fn m_values(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    zelf(z)?;
    Ok(view(z, ViewKind::Values))
}

fn m_items(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    zelf(z)?;
    Ok(view(z, ViewKind::Items))
}

fn m_get(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let d = zelf(z)?;
    Ok(d.get_item_vm(vm, &args.pos[0])?
        .unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or_default()))
}

/// Whether `def` is `dict.get` (by address: the table is a static), which
/// CALL answers without the method call's layers
/// (`Vm::call_builtin_in_place`).
pub fn is_get(def: &MethodDef) -> bool {
    std::ptr::eq(def, &METHODS[3])
}

fn m_setdefault(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let d = zelf(z)?;
    // One `__hash__` for the lookup and the insertion, as CPython.
    let version = d.version();
    let (found, hash) = d.lookup_vm(vm, &args.pos[0])?;
    if let Some(v) = found.and_then(|i| d.value_at(i)) {
        return Ok(v);
    }
    let v = args.pos.get(1).cloned().unwrap_or_default();
    // (Unless a key's `__eq__` changed the dict's keys meanwhile: then
    // the key is looked for again, with the same hash.)
    if d.version() != version
        && let Some(i) = d.lookup_hashed_vm(vm, &args.pos[0], hash)?
    {
        drop(d.set_value_at(i, v.clone()));
        return Ok(v);
    }
    d.insert_absent(hash, args.pos[0].clone(), v.clone());
    Ok(v)
}

fn m_pop(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let d = zelf(z)?;
    match d.pop_vm(vm, &args.pos[0])? {
        Some(v) => Ok(v),
        None => args
            .pos
            .get(1)
            .cloned()
            .ok_or_else(|| PyErr::key_error(args.pos[0].clone())),
    }
}

fn m_popitem(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let d = zelf(z)?;
    let last = d.write().pop_last();
    match last {
        Some((k, v)) => Ok(pair(k, v)),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn m_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let d = zelf(z)?;
    // Keywords are items: no `Params` form fits.
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    if let Some(other) = args.pos.first() {
        d.update_from(vm, other)?;
    }
    for (k, v) in args.kw {
        d.set_item(Value::str(*k), v.clone())?;
    }
    Ok(Value::None)
}

fn m_copy(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let d = zelf(z)?;
    Ok(Value::dict(d.copy()))
}

fn m_clear(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let d = zelf(z)?;
    let old = std::mem::take(&mut *d.write());
    drop(old);
    Ok(Value::None)
}

pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "keys",
        params: crate::builtins::function::Params::NoArgs,
        func: m_keys,
    },
    MethodDef {
        name: "values",
        params: crate::builtins::function::Params::NoArgs,
        func: m_values,
    },
    MethodDef {
        name: "items",
        params: crate::builtins::function::Params::NoArgs,
        func: m_items,
    },
    MethodDef {
        name: "get",
        params: crate::builtins::function::Params::Positional(1, 2),
        func: m_get,
    },
    MethodDef {
        name: "setdefault",
        params: crate::builtins::function::Params::Positional(1, 2),
        func: m_setdefault,
    },
    MethodDef {
        name: "pop",
        params: crate::builtins::function::Params::Positional(1, 2),
        func: m_pop,
    },
    MethodDef {
        name: "popitem",
        params: crate::builtins::function::Params::NoArgs,
        func: m_popitem,
    },
    MethodDef {
        name: "update",
        params: crate::builtins::function::Params::Any,
        func: m_update,
    },
    MethodDef {
        name: "copy",
        params: crate::builtins::function::Params::NoArgs,
        func: m_copy,
    },
    MethodDef {
        name: "clear",
        params: crate::builtins::function::Params::NoArgs,
        func: m_clear,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{call_method, repr};

    fn m(v: &Value, name: &str, args: &[Value]) -> String {
        match call_method(&mut crate::interpreter::Vm::new(), v, name, Args::new(args)) {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }
    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }

    /// The index against a model, through inserts, removals (holes,
    /// dummies, compaction, rebuilds) of int keys in strides that piled
    /// up in a hashbrown index fed raw hashes, and negative hashes.
    #[test]
    fn index_follows_a_model() {
        for stride in [1i64, 2, 8, 1 << 20, -3, 1 << 40] {
            let mut table: KeyTable<i64> = KeyTable::default();
            let mut model = std::collections::BTreeMap::new();
            let mut x: u64 = 12345;
            for step in 0..20_000 {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let k = ((x >> 33) % 3000) as i64 * stride;
                if x.is_multiple_of(3) {
                    let gone = table.remove(k, &Value::Int(k)).unwrap();
                    assert_eq!(gone.map(|(_, v)| v), model.remove(&k), "remove {k}");
                } else {
                    let old = table.insert(k, Value::Int(k), step).unwrap();
                    assert_eq!(old, model.insert(k, step), "insert {k}");
                }
                assert_eq!(table.len(), model.len());
            }
            for j in -10..3010 {
                let k = j * stride;
                let found = table.get(k, &Value::Int(k)).unwrap().copied();
                assert_eq!(found, model.get(&k).copied(), "find {k}");
            }
            let mut keys: Vec<i64> = table
                .iter()
                .map(|(k, _)| match k {
                    Value::Int(k) => *k,
                    _ => unreachable!("int keys only"),
                })
                .collect();
            keys.sort();
            assert_eq!(keys, model.keys().copied().collect::<Vec<_>>());
        }
    }

    #[test]
    fn numeric_keys_unify() {
        let d = PyDict::new();
        d.set_item(i(1), s("int")).unwrap();
        d.set_item(Value::float(1.0), s("float")).unwrap();
        d.set_item(Value::bool(true), s("bool")).unwrap();
        // python3: {1: 'bool'}
        assert_eq!(d.repr().unwrap(), "{1: 'bool'}");
        assert!(d.contains(&Value::float(1.0)).unwrap());
        assert_eq!(
            d.set_item(Value::list(vec![]), i(0))
                .unwrap_err()
                .to_string(),
            "TypeError: unhashable type: 'list'"
        );
        assert_eq!(
            d.get_item_or_raise(&s("x")).unwrap_err().to_string(),
            "KeyError: 'x'"
        );
    }

    #[test]
    fn methods() {
        let v = Value::dict(PyDict::new());
        let d = v.as_dict_or_subclass().unwrap();
        d.set_item(s("a"), i(1)).unwrap();
        d.set_item(s("b"), i(2)).unwrap();
        assert_eq!(m(&v, "get", &[s("a")]), "1");
        assert_eq!(m(&v, "get", &[s("z")]), "None");
        assert_eq!(m(&v, "get", &[s("z"), i(0)]), "0");
        assert_eq!(m(&v, "setdefault", &[s("c"), i(3)]), "3");
        assert_eq!(m(&v, "setdefault", &[s("a"), i(9)]), "1");
        assert_eq!(m(&v, "keys", &[]), "dict_keys(['a', 'b', 'c'])");
        assert_eq!(m(&v, "values", &[]), "dict_values([1, 2, 3])");
        assert_eq!(
            m(&v, "items", &[]),
            "dict_items([('a', 1), ('b', 2), ('c', 3)])"
        );
        assert_eq!(m(&v, "pop", &[s("b")]), "2");
        assert_eq!(m(&v, "pop", &[s("b")]), "KeyError: 'b'");
        assert_eq!(m(&v, "pop", &[s("b"), Value::None]), "None");
        assert_eq!(m(&v, "popitem", &[]), "('c', 3)");
        assert_eq!(repr(&v).unwrap(), "{'a': 1}");
        let pairs = Value::list(vec![Value::tuple(vec![s("x"), i(7)])]);
        m(&v, "update", &[pairs]);
        let kw = [("y", i(8))];
        call_method(
            &mut crate::interpreter::Vm::new(),
            &v,
            "update",
            Args::with_kw(&[], &kw),
        )
        .unwrap();
        assert_eq!(repr(&v).unwrap(), "{'a': 1, 'x': 7, 'y': 8}");
        assert_eq!(
            m(
                &v,
                "update",
                &[Value::list(vec![Value::tuple(vec![i(1), i(2), i(3)])])]
            ),
            "ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
        assert_eq!(
            m(&v, "update", &[Value::list(vec![i(1)])]),
            "TypeError: cannot convert dictionary update sequence element #0 to a sequence"
        );
        // Deleting keeps the order of the rest.
        d.del_item(&s("a")).unwrap();
        d.set_item(s("a"), i(0)).unwrap();
        assert_eq!(repr(&v).unwrap(), "{'x': 7, 'y': 8, 'a': 0}");
        let c = m(&v, "copy", &[]);
        m(&v, "clear", &[]);
        assert_eq!(c, "{'x': 7, 'y': 8, 'a': 0}");
        assert_eq!(repr(&v).unwrap(), "{}");
        assert_eq!(
            m(&v, "popitem", &[]),
            "KeyError: 'popitem(): dictionary is empty'"
        );
    }

    #[test]
    fn equality_and_merge() {
        let a = PyDict::from_pairs(vec![(i(1), s("a")), (i(2), s("b"))]).unwrap();
        let b = PyDict::from_pairs(vec![(Value::float(2.0), s("b")), (i(1), s("a"))]).unwrap();
        assert!(a.eq(&b).unwrap());
        let c = PyDict::from_pairs(vec![(i(2), s("z")), (i(3), s("c"))]).unwrap();
        assert_eq!(
            repr(&merge(&mut crate::interpreter::Vm::new(), &a, &c).unwrap()).unwrap(),
            "{1: 'a', 2: 'z', 3: 'c'}"
        );
        let f = fromkeys(&mut crate::interpreter::Vm::new(), &s("ab"), i(0)).unwrap();
        assert_eq!(repr(&f).unwrap(), "{'a': 0, 'b': 0}");
    }
}
