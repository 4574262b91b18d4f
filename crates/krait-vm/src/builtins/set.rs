//! `set` and `frozenset`, on CPython's own hash table ([`SetTable`]).
//!
//! The table and every path that fills it follow `Objects/setobject.c`
//! (3.11): a set built from a set copies or re-inserts that set's slots
//! (`set_merge`), from an exact dict uses the dict's stored hashes after
//! one resize, from anything else adds the items one by one; the
//! operators and methods run CPython's algorithms (which operand is
//! iterated, when a copy is made, when the table is rebuilt). So a set
//! iterates, prints and pops in CPython's order, whatever its history.
//!
//! Keys whose `__eq__` is Python code are compared through the
//! interpreter with no borrow of the table held; when that code changes
//! the table, the lookup starts again, as CPython's does.

use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::{PyDict, ViewKind, needs_interp};
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::settable::{Compare, Lookup, SetTable};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol::{self, BinaryOp};
use crate::typeobject::ExcType;
use crate::value::Value;

#[derive(Default)]
pub struct PySet {
    pub(crate) gc: crate::gc::GcHeader,
    table: RefCell<SetTable>,
    /// Where `pop` starts looking (CPython's `finger`). It belongs to the
    /// set, not to its table: `intersection_update` swaps tables and
    /// keeps it. 32 bits, so that the collector's header fits beside it.
    /// A frozenset, which never pops, marks with [`HASH_CACHED`] that its
    /// hash is kept in [`FROZEN_HASHES`].
    finger: Cell<u32>,
    pub weakrefs: crate::builtins::weakref::WeakRefList,
}

/// [`PySet::finger`] of a frozenset whose hash is in [`FROZEN_HASHES`].
const HASH_CACHED: u32 = u32::MAX;

/// Frozensets of at least this many keys keep their hash once worked out
/// (CPython keeps every frozenset's; a small one's costs less to work out
/// again than to look up).
const CACHE_HASH_FROM: usize = 16;

thread_local! {
    /// The hashes of frozensets marked [`HASH_CACHED`], by address: a
    /// `PySet` has no room left for one in `PyObject`'s 48-byte payload.
    /// An entry goes when its frozenset does.
    static FROZEN_HASHES: RefCell<HashMap<usize, i64, BuildHasherDefault<crate::gc::AddressHasher>>> =
        RefCell::new(HashMap::default());
}

impl Drop for PySet {
    fn drop(&mut self) {
        if self.finger.get() == HASH_CACHED {
            let address = self as *const PySet as usize;
            let _ = FROZEN_HASHES.try_with(|h| h.borrow_mut().remove(&address));
        }
    }
}

/// The hash of `key`, and whether comparing it runs Python code.
#[inline]
fn hash_key(vm: &mut Vm, key: &Value) -> PyResult<(i64, bool)> {
    match crate::builtins::dict::hash_without_code(key) {
        Ok(hash) => Ok((hash, false)),
        Err(Some(err)) => Err(err),
        Err(None) => Ok((vm.hash(key)?, true)),
    }
}

/// Calls `f` with each item of `iterable` until it returns false: lists
/// and tuples directly, the rest through `iter()`.
fn for_each_item(
    vm: &mut Vm,
    iterable: &Value,
    mut f: impl FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<()> {
    match iterable.as_obj() {
        // By position, as CPython's list iterator: no copy of the list,
        // which cost O(n) even when `f` stops at the first item
        // (`s.isdisjoint(xs)`), and a list that `f` changes (a key's
        // `__eq__`) is seen as it is now.
        Some(PyObject::List(l)) => {
            let mut i = 0;
            while let Some(item) = l.get(i) {
                if !f(vm, item)? {
                    break;
                }
                i += 1;
            }
        }
        Some(PyObject::Tuple(t)) => {
            for item in t.iter() {
                if !f(vm, item.clone())? {
                    break;
                }
            }
        }
        _ => {
            let it = vm.iterate(iterable)?;
            while let Some(item) = protocol::next(vm, &it)? {
                if !f(vm, item)? {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// The keys of an exact dict with their stored hashes, in order.
fn dict_entries(d: &PyDict) -> Vec<(i64, Value)> {
    d.table()
        .iter_hashed()
        .map(|(k, _)| (k.hash, k.key.clone()))
        .collect()
}

/// `other` when it is an exact `dict` (a subclass may iterate otherwise).
fn exact_dict(other: &Value) -> Option<&PyDict> {
    match other.as_obj() {
        Some(PyObject::Dict(d)) => Some(d),
        _ => None,
    }
}

impl PySet {
    /// Moves the table out if it holds containers (for the iterative
    /// teardown in `object.rs`).
    pub(crate) fn take_table_if_containers(&mut self) -> Option<SetTable> {
        let table = self.table.get_mut();
        table.holds_containers().then(|| std::mem::take(table))
    }

    pub fn new() -> PySet {
        PySet::default()
    }

    /// A set of `values` added one by one (`set(list)`), duplicates (by
    /// the interpreter's `hash`/`==`) dropped.
    pub fn from_values(vm: &mut Vm, values: Vec<Value>) -> PyResult<PySet> {
        let s = PySet::new();
        for v in values {
            s.add_vm(vm, v)?;
        }
        Ok(s)
    }

    /// `set(iterable)`: CPython's `make_new_set`.
    pub fn from_iterable(vm: &mut Vm, iterable: &Value) -> PyResult<PySet> {
        let s = PySet::new();
        s.update_from(vm, iterable)?;
        Ok(s)
    }

    pub fn table(&self) -> Ref<'_, SetTable> {
        self.table.borrow()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.borrow().is_empty()
    }

    // ---- One key ------------------------------------------------------

    /// The slot of `key` (CPython's `set_lookkey`), comparing through the
    /// interpreter where that runs Python code.
    #[inline(always)]
    fn find_entry(
        &self,
        vm: &mut Vm,
        hash: i64,
        key: &Value,
        key_py: bool,
    ) -> PyResult<Option<usize>> {
        let compare = Compare::Python {
            key_runs_python: key_py,
        };
        let step = {
            let table = self.table.borrow();
            table.lookup(hash, key, table.start(hash), compare)?
        };
        let step = match step {
            Lookup::Ask { .. } => self.lookup_slow(vm, hash, key, compare, false)?,
            found_or_absent => found_or_absent,
        };
        Ok(match step {
            Lookup::Found(i) => Some(i),
            _ => None,
        })
    }

    /// Looks `key` up with the comparisons that run Python code made
    /// through the interpreter, no borrow of the table held meanwhile:
    /// `Found` or `Absent`, never `Ask`. `adding` is `set_add_entry`'s
    /// search (a key found equal counts even when the comparison changed
    /// the table); otherwise `set_lookkey`'s (a change starts the lookup
    /// again).
    #[inline(never)]
    fn lookup_slow(
        &self,
        vm: &mut Vm,
        hash: i64,
        key: &Value,
        compare: Compare,
        adding: bool,
    ) -> PyResult<Lookup> {
        'restart: loop {
            let mut from = self.table.borrow().start(hash);
            loop {
                let step = self.table.borrow().lookup(hash, key, from, compare)?;
                let Lookup::Ask { slot, resume } = step else {
                    return Ok(step);
                };
                let (stored, identity) = {
                    let table = self.table.borrow();
                    (table.key_at(slot), table.identity())
                };
                let equal = vm.eq(&stored, key)?;
                if equal && adding {
                    return Ok(Lookup::Found(slot));
                }
                {
                    let table = self.table.borrow();
                    if table.identity() != identity || !table.key_at_is(slot, &stored) {
                        continue 'restart;
                    }
                }
                if equal {
                    return Ok(Lookup::Found(slot));
                }
                from = resume;
            }
        }
    }

    /// CPython's `set_add_entry`: adds `key` (hashed `hash`) unless an
    /// equal key is there. Comparisons of builtin keys run under the
    /// table's borrow (they run no Python code).
    #[inline(always)]
    fn add_entry(&self, vm: &mut Vm, hash: i64, key: Value, key_py: bool) -> PyResult<()> {
        let compare = Compare::Python {
            key_runs_python: key_py,
        };
        let asked = self.table.borrow_mut().add_or_ask(hash, key, compare)?;
        match asked {
            None => Ok(()),
            Some(key) => self.add_entry_slow(vm, hash, key, compare),
        }
    }

    #[inline(never)]
    fn add_entry_slow(&self, vm: &mut Vm, hash: i64, key: Value, compare: Compare) -> PyResult<()> {
        if let Lookup::Absent { empty, dummy } = self.lookup_slow(vm, hash, &key, compare, true)? {
            self.table.borrow_mut().place(hash, key, empty, dummy);
        }
        Ok(())
    }

    #[inline]
    fn contains_entry(&self, vm: &mut Vm, hash: i64, key: &Value, key_py: bool) -> PyResult<bool> {
        Ok(self.find_entry(vm, hash, key, key_py)?.is_some())
    }

    /// CPython's `set_discard_entry`: true if the key was there.
    fn discard_entry(&self, vm: &mut Vm, hash: i64, key: &Value, key_py: bool) -> PyResult<bool> {
        match self.find_entry(vm, hash, key, key_py)? {
            Some(i) => {
                let old = self.table.borrow_mut().remove_at(i);
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The live slot at `pos` or after it, its hash and key; `pos` moves
    /// past it (CPython's `set_next`). The table is borrowed only while
    /// the key is copied out, so the caller may run Python code.
    fn next_entry(&self, pos: &mut usize) -> Option<(i64, Value)> {
        let table = self.table.borrow();
        let (i, hash, key) = table.next_live(*pos)?;
        *pos = i + 1;
        Some((hash, key))
    }

    /// `s.add(v)` with the interpreter's `hash`/`==`.
    pub fn add_vm(&self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let (hash, key_py) = hash_key(vm, &v)?;
        self.add_entry(vm, hash, v, key_py)
    }

    /// `v in s` with the interpreter's `hash`/`==`.
    pub fn contains_vm(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        let (hash, key_py) = hash_key(vm, v)?;
        self.contains_entry(vm, hash, v, key_py)
    }

    /// `s.discard(v)` with the interpreter's `hash`/`==`; true if it was there.
    pub fn discard_vm(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        let (hash, key_py) = hash_key(vm, v)?;
        self.discard_entry(vm, hash, v, key_py)
    }

    /// `v in s` as the `in` operator and `__contains__` have it: a `set`
    /// that cannot be hashed is looked for as a frozenset.
    pub fn contains_key_vm(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        match self.contains_vm(vm, v) {
            Err(e) if is_unhashable_set(v, &e) => {
                let key = frozen_copy(v);
                self.contains_vm(vm, &key)
            }
            result => result,
        }
    }

    /// `s.discard(v)` as the method has it (a `set` is looked for as a
    /// frozenset); true if it was there.
    pub fn discard_key_vm(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        match self.discard_vm(vm, v) {
            Err(e) if is_unhashable_set(v, &e) => {
                let key = frozen_copy(v);
                self.discard_vm(vm, &key)
            }
            result => result,
        }
    }

    /// `s.add(v)` for a value whose hash and comparisons run no Python code.
    pub fn add(&self, v: Value) -> PyResult<()> {
        let h = protocol::hash(&v)?;
        self.table.borrow_mut().insert(h, v)?;
        Ok(())
    }

    /// `v in s` for an exact str or int `v` (its hash is the builtin
    /// one) when no key of that hash needs Python code to compare; `None`
    /// otherwise (the interpreter's path then answers).
    #[inline]
    pub(crate) fn contains_quick(&self, v: &Value) -> Option<bool> {
        let hash = match v {
            Value::Int(i) => crate::builtins::int::hash(crate::builtins::int::IntRef::Small(*i)),
            _ => match v.as_obj()? {
                PyObject::Str(s) => s.hash(),
                _ => return None,
            },
        };
        let table = self.table.try_borrow().ok()?;
        let compare = Compare::Python {
            key_runs_python: false,
        };
        match table.lookup(hash, v, table.start(hash), compare).ok()? {
            Lookup::Found(_) => Some(true),
            Lookup::Absent { .. } => Some(false),
            Lookup::Ask { .. } => None,
        }
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        let h = protocol::hash(v)?;
        Ok(self.table.borrow().find(h, v)?.is_some())
    }

    /// Remove `v`; false if absent.
    pub fn discard(&self, v: &Value) -> PyResult<bool> {
        let h = protocol::hash(v)?;
        let mut table = self.table.borrow_mut();
        let Some(i) = table.find(h, v)? else {
            return Ok(false);
        };
        let old = table.remove_at(i);
        drop(table);
        drop(old);
        Ok(true)
    }

    /// `s.pop()`: the first key at or after the finger, in slot order.
    pub fn pop(&self) -> Option<Value> {
        let (key, finger) = self.table.borrow_mut().pop(self.finger.get() as usize)?;
        self.finger.set(finger as u32);
        Some(key)
    }

    /// `s.clear()`: back to an empty table of the minimum size.
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        drop(old);
    }

    /// Lets go of every key (the collector breaking a cycle).
    pub(crate) fn clear_for_collector(&self) {
        let old = self
            .table
            .try_borrow_mut()
            .map(|mut t| std::mem::take(&mut *t));
        drop(old);
    }

    /// Exchanges the tables of two sets (CPython's `set_swap_bodies`).
    fn swap_table(&self, other: &PySet) {
        std::mem::swap(
            &mut *self.table.borrow_mut(),
            &mut *other.table.borrow_mut(),
        );
    }

    // ---- Whole sets ---------------------------------------------------

    /// The keys in iteration order.
    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().keys().collect()
    }

    /// A new set with this one's keys (CPython's `set_copy`: `set_merge`
    /// into an empty set, so the copy may be laid out otherwise).
    pub fn copy(&self) -> PySet {
        let copy = PySet::new();
        {
            let source = self.table.borrow();
            let mut table = copy.table.borrow_mut();
            merge_into_empty(&mut table, &source);
        }
        copy
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let Ok(table) = self.table.try_borrow() else {
            return;
        };
        table.visit_keys(visit);
    }

    pub fn repr(&self, frozen: bool) -> PyResult<String> {
        let name = if frozen { "frozenset" } else { "set" };
        if self.is_empty() {
            return Ok(format!("{name}()"));
        }
        let mut s = String::new();
        if frozen {
            s.push_str("frozenset(");
        }
        s.push('{');
        for (i, v) in self.values().iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&protocol::repr(v)?);
        }
        s.push('}');
        if frozen {
            s.push(')');
        }
        Ok(s)
    }

    /// CPython's `frozenset_hash`: the shuffled hashes of the keys xored
    /// together (its terms for empty and dummy slots cancel out), so it
    /// does not depend on the layout.
    pub fn hash(&self) -> i64 {
        let address = self as *const PySet as usize;
        if self.finger.get() == HASH_CACHED
            && let Some(hash) = FROZEN_HASHES.with(|h| h.borrow().get(&address).copied())
        {
            return hash;
        }
        let hash = self.compute_hash();
        if self.len() >= CACHE_HASH_FROM {
            FROZEN_HASHES.with(|h| h.borrow_mut().insert(address, hash));
            self.finger.set(HASH_CACHED);
        }
        hash
    }

    fn compute_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let t = self.table.borrow();
        let mut h: u64 = 0;
        for hash in t.hashes() {
            h ^= shuffle(hash as u64);
        }
        h ^= (t.len() as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX { 590923713 } else { h as i64 }
    }

    /// `set.__init__`: empties the set (when anything was ever in its
    /// table) and adds the items of `iterable`.
    pub fn reinit(&self, vm: &mut Vm, iterable: Option<&Value>) -> PyResult<()> {
        if self.table.borrow().fill() > 0 {
            self.clear();
        }
        match iterable {
            Some(iterable) => self.update_from(vm, iterable),
            None => Ok(()),
        }
    }

    /// CPython's `set_update_internal`: `s.update(other)`, `s |= other`,
    /// `set(other)`, `{*other}`.
    pub fn update_from(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = other.as_anyset_or_subclass() {
            return self.merge(vm, o);
        }
        if let Some(d) = exact_dict(other) {
            return self.update_from_dict(vm, d);
        }
        // `set(x + 1 for x in xs)`: a generator's items come in batches
        // (see `protocol::Items`) while adding them runs no Python code:
        // each hashes without it, and so do the keys already in (none at
        // first; after a key that does not, one item at a time again).
        if self.is_empty()
            && let Some(PyObject::Generator(_)) = other.as_obj()
        {
            let mut items = protocol::Items::new(other.clone());
            let mut keys_hash_without_code = true;
            loop {
                let accept: fn(&Value) -> bool = if keys_hash_without_code {
                    |item| crate::builtins::dict::hash_without_code(item).is_ok()
                } else {
                    |_| false
                };
                let Some(item) = items.next(vm, accept)? else {
                    return Ok(());
                };
                keys_hash_without_code &= accept(&item);
                self.add_vm(vm, item)?;
            }
        }
        for_each_item(vm, other, |vm, item| {
            self.add_vm(vm, item)?;
            Ok(true)
        })
    }

    /// CPython's `set_merge`: one resize for the union's size up front,
    /// then a copy of the slots, or clean insertions, into an empty
    /// table; ordinary insertions otherwise.
    fn merge(&self, vm: &mut Vm, other: &PySet) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        {
            let source = other.table.borrow();
            let mut table = self.table.borrow_mut();
            if table.fill() == 0 {
                merge_into_empty(&mut table, &source);
                return Ok(());
            }
            if (table.fill() + source.len()) * 5 >= table.mask() * 3 {
                let used = table.len();
                table.resize((used + source.len()) * 2);
            }
        }
        let mut pos = 0;
        while let Some((hash, key)) = other.next_entry(&mut pos) {
            let key_py = needs_interp(&key);
            self.add_entry(vm, hash, key, key_py)?;
        }
        Ok(())
    }

    /// `set_update_internal` from an exact dict: one resize up front,
    /// then the keys with the hashes the dict stored.
    fn update_from_dict(&self, vm: &mut Vm, d: &PyDict) -> PyResult<()> {
        let entries = dict_entries(d);
        {
            let mut table = self.table.borrow_mut();
            if (table.fill() + entries.len()) * 5 >= table.mask() * 3 {
                let used = table.len();
                table.resize((used + entries.len()) * 2);
            }
        }
        for (hash, key) in entries {
            let key_py = needs_interp(&key);
            self.add_entry(vm, hash, key, key_py)?;
        }
        Ok(())
    }

    /// CPython's `set_intersection`: a new set. With a set, the smaller
    /// of the two is iterated (the other's when they are the same size)
    /// and its keys looked up in the larger; with another iterable, its
    /// items in order, stopping once the result is as large as `self`.
    pub fn intersection_with(&self, vm: &mut Vm, other: &Value) -> PyResult<PySet> {
        if let Some(o) = other.as_anyset_or_subclass() {
            return self.intersection_set(vm, o);
        }
        let result = PySet::new();
        for_each_item(vm, other, |vm, key| {
            let (hash, key_py) = hash_key(vm, &key)?;
            if self.contains_entry(vm, hash, &key, key_py)? {
                result.add_entry(vm, hash, key, key_py)?;
                if result.len() >= self.len() {
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        Ok(result)
    }

    fn intersection_set(&self, vm: &mut Vm, other: &PySet) -> PyResult<PySet> {
        if std::ptr::eq(self, other) {
            return Ok(self.copy());
        }
        let result = PySet::new();
        let (larger, smaller) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut pos = 0;
        while let Some((hash, key)) = smaller.next_entry(&mut pos) {
            let key_py = needs_interp(&key);
            if larger.contains_entry(vm, hash, &key, key_py)? {
                result.add_entry(vm, hash, key, key_py)?;
            }
        }
        Ok(result)
    }

    /// `s.intersection_update(*others)` / `s &= other`: the intersection
    /// is built as a new set whose table then replaces this one's.
    fn intersection_update_from(&self, vm: &mut Vm, others: &[Value]) -> PyResult<()> {
        let result = intersection_multi(vm, self, others)?;
        self.swap_table(&result);
        Ok(())
    }

    /// CPython's `set_difference_update_internal`.
    pub fn difference_update_from(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = other.as_anyset_or_subclass() {
            if std::ptr::eq(self, o) {
                self.clear();
                return Ok(());
            }
            // A much larger set: only the common keys matter.
            let common;
            let o = if (o.len() >> 3) > self.len() {
                common = self.intersection_set(vm, o)?;
                &common
            } else {
                o
            };
            let mut pos = 0;
            while let Some((hash, key)) = o.next_entry(&mut pos) {
                let key_py = needs_interp(&key);
                self.discard_entry(vm, hash, &key, key_py)?;
            }
        } else {
            for_each_item(vm, other, |vm, key| {
                self.discard_vm(vm, &key)?;
                Ok(true)
            })?;
        }
        // More than a quarter of the slots dummies: lay the table out again.
        let mut table = self.table.borrow_mut();
        if table.fill() - table.len() > table.mask() / 4 {
            let used = table.len();
            table.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
        Ok(())
    }

    /// CPython's `set_difference`: a copy with the other's keys removed
    /// when `other` is not a set or dict or is much smaller; otherwise
    /// the keys of `self` not in `other`, added in slot order.
    pub fn difference_with(&self, vm: &mut Vm, other: &Value) -> PyResult<PySet> {
        let (set, dict) = (other.as_anyset_or_subclass(), exact_dict(other));
        let other_size = match (set, dict) {
            (Some(o), _) => o.len(),
            (None, Some(d)) => d.len(),
            (None, None) => return self.copy_and_difference(vm, other),
        };
        if (self.len() >> 2) > other_size {
            return self.copy_and_difference(vm, other);
        }
        let result = PySet::new();
        let mut pos = 0;
        while let Some((hash, key)) = self.next_entry(&mut pos) {
            let key_py = needs_interp(&key);
            let present = match (set, dict) {
                (Some(o), _) => o.contains_entry(vm, hash, &key, key_py)?,
                (None, Some(d)) => d.get_item_vm(vm, &key)?.is_some(),
                (None, None) => false,
            };
            if !present {
                result.add_entry(vm, hash, key, key_py)?;
            }
        }
        Ok(result)
    }

    fn copy_and_difference(&self, vm: &mut Vm, other: &Value) -> PyResult<PySet> {
        let result = self.copy();
        result.difference_update_from(vm, other)?;
        Ok(result)
    }

    /// CPython's `set_symmetric_difference_update`: each key of `other`
    /// (a dict's with its stored hashes, a set's in slot order, anything
    /// else made a set first) is removed when present, added when not.
    pub fn symmetric_difference_update_from(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = other.as_anyset_or_subclass() {
            return self.symmetric_difference_update_set(vm, o);
        }
        if let Some(d) = exact_dict(other) {
            for (hash, key) in dict_entries(d) {
                let key_py = needs_interp(&key);
                if !self.discard_entry(vm, hash, &key, key_py)? {
                    self.add_entry(vm, hash, key, key_py)?;
                }
            }
            return Ok(());
        }
        let o = PySet::from_iterable(vm, other)?;
        self.symmetric_difference_update_set(vm, &o)
    }

    fn symmetric_difference_update_set(&self, vm: &mut Vm, other: &PySet) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            self.clear();
            return Ok(());
        }
        let mut pos = 0;
        while let Some((hash, key)) = other.next_entry(&mut pos) {
            let key_py = needs_interp(&key);
            if !self.discard_entry(vm, hash, &key, key_py)? {
                self.add_entry(vm, hash, key, key_py)?;
            }
        }
        Ok(())
    }

    /// CPython's `set_symmetric_difference`: a set made from `other`,
    /// then updated with `self`'s keys.
    pub fn symmetric_difference_with(&self, vm: &mut Vm, other: &Value) -> PyResult<PySet> {
        let result = PySet::from_iterable(vm, other)?;
        result.symmetric_difference_update_set(vm, self)?;
        Ok(result)
    }

    /// `s | other` and `s.union(*others)`: a copy, updated.
    pub fn union_with(&self, vm: &mut Vm, others: &[Value]) -> PyResult<PySet> {
        let result = self.copy();
        for other in others {
            if other
                .as_anyset_or_subclass()
                .is_some_and(|o| std::ptr::eq(o, self))
            {
                continue;
            }
            result.update_from(vm, other)?;
        }
        Ok(result)
    }

    /// Whether every item of `self` is in `other`, for sets of builtin
    /// values only (no Python `__eq__`/`__hash__` to run): the object
    /// layer's fast path; the interpreter's is [`PySet::is_subset`].
    pub(crate) fn is_subset_builtin(&self, other: &PySet) -> PyResult<bool> {
        if self.len() > other.len() {
            return Ok(false);
        }
        let mine = self.table.borrow();
        let theirs = other.table.borrow();
        for (hash, key) in mine.entries() {
            if theirs.find(hash, &key)?.is_none() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// CPython's `set_issubset` with a set.
    pub fn is_subset(&self, vm: &mut Vm, other: &PySet) -> PyResult<bool> {
        if self.len() > other.len() {
            return Ok(false);
        }
        let mut pos = 0;
        loop {
            // Keys whose comparisons run no Python code are looked up
            // with both tables borrowed; the first one that
            // needs the interpreter goes through it, tables let go.
            let (hash, key) = {
                let mine = self.table.borrow();
                let theirs = other.table.borrow();
                loop {
                    let Some((i, hash, key)) = mine.next_live(pos) else {
                        return Ok(true);
                    };
                    pos = i + 1;
                    let builtin = Compare::Python {
                        key_runs_python: false,
                    };
                    if !needs_interp(&key) {
                        let start = theirs.start(hash);
                        match theirs.lookup(hash, &key, start, builtin)? {
                            Lookup::Found(_) => continue,
                            Lookup::Absent { .. } => return Ok(false),
                            Lookup::Ask { .. } => {}
                        }
                    }
                    break (hash, key);
                }
            };
            let key_py = needs_interp(&key);
            if !other.contains_entry(vm, hash, &key, key_py)? {
                return Ok(false);
            }
        }
    }

    pub fn eq(&self, vm: &mut Vm, other: &PySet) -> PyResult<bool> {
        Ok(self.len() == other.len() && self.is_subset(vm, other)?)
    }

    /// CPython's `set_isdisjoint`.
    pub fn is_disjoint(&self, vm: &mut Vm, other: &Value) -> PyResult<bool> {
        let exact = matches!(
            other.as_obj(),
            Some(PyObject::Set(_) | PyObject::FrozenSet(_))
        );
        if let Some(o) = other.as_anyset_or_subclass() {
            if std::ptr::eq(self, o) {
                return Ok(self.is_empty());
            }
            if exact {
                let (larger, smaller) = if o.len() > self.len() {
                    (o, self)
                } else {
                    (self, o)
                };
                let mut pos = 0;
                while let Some((hash, key)) = smaller.next_entry(&mut pos) {
                    let key_py = needs_interp(&key);
                    if larger.contains_entry(vm, hash, &key, key_py)? {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
        }
        let mut disjoint = true;
        for_each_item(vm, other, |vm, key| {
            disjoint = !self.contains_vm(vm, &key)?;
            Ok(disjoint)
        })?;
        Ok(disjoint)
    }
}

/// Fills the empty `table` with the keys of `source` as CPython's
/// `set_merge` does: resized first when the keys would fill it too much.
fn merge_into_empty(table: &mut SetTable, source: &SetTable) {
    if source.is_empty() {
        return;
    }
    if source.len() * 5 >= table.mask() * 3 {
        table.resize(source.len() * 2);
    }
    table.fill_from(source);
}

/// Whether `e` is the TypeError of hashing `v`, a `set` (not a frozenset).
fn is_unhashable_set(v: &Value, e: &PyErr) -> bool {
    matches!(v.builtin_value().as_obj(), Some(PyObject::Set(_))) && e.matches(ExcType::TypeError)
}

/// A frozenset of the keys of the set `v` (CPython's `make_new_set` of
/// `PyFrozenSet_Type`).
fn frozen_copy(v: &Value) -> Value {
    match v.as_anyset_or_subclass() {
        Some(s) => Value::frozenset(s.copy()),
        None => Value::frozenset(PySet::new()),
    }
}

/// `set.intersection(*others)`: a copy with no argument, else the
/// intersection with each in turn.
fn intersection_multi(vm: &mut Vm, s: &PySet, others: &[Value]) -> PyResult<PySet> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(s.copy());
    };
    let mut result = s.intersection_with(vm, first)?;
    for other in rest {
        result = result.intersection_with(vm, other)?;
    }
    Ok(result)
}

/// `set.difference(*others)`: a copy with no argument, else the
/// difference with the first, then the others removed in place.
fn difference_multi(vm: &mut Vm, s: &PySet, others: &[Value]) -> PyResult<PySet> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(s.copy());
    };
    let result = s.difference_with(vm, first)?;
    for other in rest {
        result.difference_update_from(vm, other)?;
    }
    Ok(result)
}

/// A keys or items view (the views that act as sets).
fn set_like_view(v: &Value) -> Option<&crate::builtins::dict::PyDictView> {
    match v.builtin_value().as_obj()? {
        PyObject::DictView(view) if view.kind != ViewKind::Values => Some(view),
        _ => None,
    }
}

/// CPython's `dictviews_to_set`: the set a view operator starts from (a
/// keys view of an exact dict is read as that dict, with its hashes).
fn view_operand_to_set(vm: &mut Vm, v: &Value) -> PyResult<PySet> {
    if let Some(view) = set_like_view(v)
        && view.kind == ViewKind::Keys
        && exact_dict(&view.dict).is_some()
    {
        return PySet::from_iterable(vm, &view.dict);
    }
    PySet::from_iterable(vm, v)
}

/// `a & b` where one of them is a dict view (CPython's
/// `_PyDictView_Intersect`).
fn view_intersection(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<PySet> {
    let (mut view, mut other) = if set_like_view(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let len_view = set_like_view(view).map_or(0, |v| v.dict().len());
    if let Some(PyObject::Set(s)) = other.as_obj()
        && len_view <= s.len()
    {
        return s.intersection_with(vm, view);
    }
    if let Some(o) = set_like_view(other)
        && o.dict().len() > len_view
    {
        std::mem::swap(&mut view, &mut other);
    }
    let result = PySet::new();
    let Some(view) = set_like_view(view) else {
        return Ok(result);
    };
    for_each_item(vm, other, |vm, key| {
        if view.contains(vm, &key)? {
            result.add_vm(vm, key)?;
        }
        Ok(true)
    })?;
    Ok(result)
}

/// `a ^ b` of two items views (CPython's `dictitems_xor`): the pairs of
/// `b` whose key is not in `a` with an equal value, then the pairs of `a`
/// left.
fn items_xor(vm: &mut Vm, a: &PyDict, b: &PyDict) -> PyResult<PySet> {
    let left = a.copy();
    let result = PySet::new();
    for (key, value) in b.items() {
        let matched = match left.get_item_vm(vm, &key)? {
            Some(mine) => vm.equal(&mine, &value)?,
            None => false,
        };
        if matched {
            left.pop_vm(vm, &key)?;
        } else {
            result.add_vm(vm, crate::builtins::tuple::pair(key, value))?;
        }
    }
    for (key, value) in left.items() {
        result.add_vm(vm, crate::builtins::tuple::pair(key, value))?;
    }
    Ok(result)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets, frozensets and dict key or
/// item views (and `|` on dicts); `None` when the operands are not those.
/// Sets give their left operand's kind; with a view the result is a set.
pub fn set_operation(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> Option<PyResult> {
    if let (Some(x), Some(y)) = (a.as_dict_or_subclass(), b.as_dict_or_subclass()) {
        return (op == BinaryOp::Or).then(|| crate::builtins::dict::merge(vm, x, y));
    }
    let a_set = a.as_anyset_or_subclass();
    let b_set = b.as_anyset_or_subclass();
    // Two sets, or a keys/items view with any iterable (CPython's
    // `dictviews_*` turn the other operand into a set or iterate it).
    let view_operand = set_like_view(a).is_some() || set_like_view(b).is_some();
    if !view_operand && (a_set.is_none() || b_set.is_none()) {
        return None;
    }
    let result = (|| {
        if let (Some(x), Some(_)) = (a_set, b_set) {
            let r = match op {
                BinaryOp::Or => x.union_with(vm, std::slice::from_ref(b))?,
                BinaryOp::And => x.intersection_with(vm, b)?,
                BinaryOp::Sub => x.difference_with(vm, b)?,
                _ => x.symmetric_difference_with(vm, b)?,
            };
            return Ok(wrap_like(a, r));
        }
        // A view on either side: CPython's `dictviews_*` with `a` as
        // `self`.
        let r = match op {
            BinaryOp::And => view_intersection(vm, a, b)?,
            BinaryOp::Xor
                if set_like_view(a).is_some_and(|v| v.kind == ViewKind::Items)
                    && set_like_view(b).is_some_and(|v| v.kind == ViewKind::Items) =>
            {
                let (Some(x), Some(y)) = (set_like_view(a), set_like_view(b)) else {
                    unreachable!("both are items views")
                };
                items_xor(vm, x.dict(), y.dict())?
            }
            _ => {
                let r = view_operand_to_set(vm, a)?;
                match op {
                    BinaryOp::Or => r.update_from(vm, b)?,
                    BinaryOp::Sub => r.difference_update_from(vm, b)?,
                    _ => r.symmetric_difference_update_from(vm, b)?,
                }
                r
            }
        };
        Ok(Value::set(r))
    })();
    Some(result)
}

/// `s |= b`, `s &= b`, `s -= b`, `s ^= b` on a set with a set or
/// frozenset: changes `s` in place (CPython's `set_ior` and friends).
pub fn inplace_operation(vm: &mut Vm, op: BinaryOp, s: &PySet, b: &Value) -> PyResult<()> {
    match op {
        BinaryOp::Or => s.update_from(vm, b),
        BinaryOp::And => s.intersection_update_from(vm, std::slice::from_ref(b)),
        BinaryOp::Sub => s.difference_update_from(vm, b),
        _ => s.symmetric_difference_update_from(vm, b),
    }
}

/// Result of a set operation with the receiver's kind: `frozenset` for a
/// frozenset or a subclass of it, else `set` (CPython's
/// `make_new_set_basetype`).
pub fn wrap_like(z: &Value, s: PySet) -> Value {
    match z.builtin_value().as_obj() {
        Some(PyObject::FrozenSet(_)) => Value::frozenset(s),
        _ => Value::set(s),
    }
}

fn zelf(v: &Value) -> PyResult<&PySet> {
    v.as_anyset_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn mutable(v: &Value) -> PyResult<&PySet> {
    // An instance of a subclass of set works on the set it carries.
    match v.builtin_value().as_obj() {
        Some(PyObject::Set(s)) => Ok(s),
        _ => Err(PyErr::type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            v.type_name()
        ))),
    }
}

/// Any number of iterables: no `Params` form fits. CPython names the
/// method with its type when it is called as `s.union(...)`.
fn no_keywords(z: &Value, args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        return Ok(());
    }
    let owner = match z.builtin_value().as_obj() {
        Some(PyObject::FrozenSet(_)) => "frozenset",
        _ => "set",
    };
    Err(PyErr::type_error(format!(
        "{owner}.{name}() takes no keyword arguments"
    )))
}

/// `other` as a set for the comparisons with any iterable
/// (`issubset`, `issuperset`): a set as it is, anything else copied.
fn as_set<'a>(vm: &mut Vm, v: &'a Value, tmp: &'a mut Option<PySet>) -> PyResult<&'a PySet> {
    if let Some(s) = v.as_anyset_or_subclass() {
        return Ok(s);
    }
    Ok(tmp.insert(PySet::from_iterable(vm, v)?))
}

fn m_add(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    s.add_vm(vm, args.pos[0].clone())?;
    Ok(Value::None)
}

fn m_remove(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    if s.discard_key_vm(vm, &args.pos[0])? {
        Ok(Value::None)
    } else {
        Err(PyErr::key_error(args.pos[0].clone()))
    }
}

fn m_discard(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    s.discard_key_vm(vm, &args.pos[0])?;
    Ok(Value::None)
}

fn m_pop(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = mutable(z)?;
    s.pop()
        .ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn m_clear(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    mutable(z)?.clear();
    Ok(Value::None)
}

fn m_copy(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?;
    if matches!(z.as_obj(), Some(PyObject::FrozenSet(_))) {
        return Ok(z.clone());
    }
    Ok(wrap_like(z, s.copy()))
}

fn m_union(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    no_keywords(z, &args, "union")?;
    Ok(wrap_like(z, s.union_with(vm, args.pos)?))
}

fn m_intersection(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    no_keywords(z, &args, "intersection")?;
    Ok(wrap_like(z, intersection_multi(vm, s, args.pos)?))
}

fn m_difference(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    no_keywords(z, &args, "difference")?;
    Ok(wrap_like(z, difference_multi(vm, s, args.pos)?))
}

fn m_symmetric_difference(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    Ok(wrap_like(z, s.symmetric_difference_with(vm, &args.pos[0])?))
}

fn m_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    no_keywords(z, &args, "update")?;
    for other in args.pos {
        s.update_from(vm, other)?;
    }
    Ok(Value::None)
}

fn m_intersection_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    no_keywords(z, &args, "intersection_update")?;
    s.intersection_update_from(vm, args.pos)?;
    Ok(Value::None)
}

fn m_difference_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    no_keywords(z, &args, "difference_update")?;
    for other in args.pos {
        s.difference_update_from(vm, other)?;
    }
    Ok(Value::None)
}

fn m_symmetric_difference_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    s.symmetric_difference_update_from(vm, &args.pos[0])?;
    Ok(Value::None)
}

fn m_isdisjoint(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    Ok(Value::bool(s.is_disjoint(vm, &args.pos[0])?))
}

fn m_issubset(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let mut tmp = None;
    let other = as_set(vm, &args.pos[0], &mut tmp)?;
    Ok(Value::bool(s.is_subset(vm, other)?))
}

fn m_issuperset(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let mut tmp = None;
    let other = as_set(vm, &args.pos[0], &mut tmp)?;
    Ok(Value::bool(other.is_subset(vm, s)?))
}

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "add",
        params: crate::builtins::function::Params::One,
        func: m_add,
    },
    MethodDef {
        name: "remove",
        params: crate::builtins::function::Params::One,
        func: m_remove,
    },
    MethodDef {
        name: "discard",
        params: crate::builtins::function::Params::One,
        func: m_discard,
    },
    MethodDef {
        name: "pop",
        params: crate::builtins::function::Params::NoArgs,
        func: m_pop,
    },
    MethodDef {
        name: "clear",
        params: crate::builtins::function::Params::NoArgs,
        func: m_clear,
    },
    MethodDef {
        name: "copy",
        params: crate::builtins::function::Params::NoArgs,
        func: m_copy,
    },
    MethodDef {
        name: "union",
        params: crate::builtins::function::Params::Any,
        func: m_union,
    },
    MethodDef {
        name: "intersection",
        params: crate::builtins::function::Params::Any,
        func: m_intersection,
    },
    MethodDef {
        name: "difference",
        params: crate::builtins::function::Params::Any,
        func: m_difference,
    },
    MethodDef {
        name: "symmetric_difference",
        params: crate::builtins::function::Params::One,
        func: m_symmetric_difference,
    },
    MethodDef {
        name: "update",
        params: crate::builtins::function::Params::Any,
        func: m_update,
    },
    MethodDef {
        name: "intersection_update",
        params: crate::builtins::function::Params::Any,
        func: m_intersection_update,
    },
    MethodDef {
        name: "difference_update",
        params: crate::builtins::function::Params::Any,
        func: m_difference_update,
    },
    MethodDef {
        name: "symmetric_difference_update",
        params: crate::builtins::function::Params::One,
        func: m_symmetric_difference_update,
    },
    MethodDef {
        name: "isdisjoint",
        params: crate::builtins::function::Params::One,
        func: m_isdisjoint,
    },
    MethodDef {
        name: "issubset",
        params: crate::builtins::function::Params::One,
        func: m_issubset,
    },
    MethodDef {
        name: "issuperset",
        params: crate::builtins::function::Params::One,
        func: m_issuperset,
    },
];

/// The methods `frozenset` shares with `set` (the non-mutating ones).
pub const FROZEN_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "copy",
        params: crate::builtins::function::Params::NoArgs,
        func: m_copy,
    },
    MethodDef {
        name: "union",
        params: crate::builtins::function::Params::Any,
        func: m_union,
    },
    MethodDef {
        name: "intersection",
        params: crate::builtins::function::Params::Any,
        func: m_intersection,
    },
    MethodDef {
        name: "difference",
        params: crate::builtins::function::Params::Any,
        func: m_difference,
    },
    MethodDef {
        name: "symmetric_difference",
        params: crate::builtins::function::Params::One,
        func: m_symmetric_difference,
    },
    MethodDef {
        name: "isdisjoint",
        params: crate::builtins::function::Params::One,
        func: m_isdisjoint,
    },
    MethodDef {
        name: "issubset",
        params: crate::builtins::function::Params::One,
        func: m_issubset,
    },
    MethodDef {
        name: "issuperset",
        params: crate::builtins::function::Params::One,
        func: m_issuperset,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{call_method, repr};

    fn set(items: &[i64]) -> Value {
        Value::set(
            PySet::from_values(
                &mut crate::interpreter::Vm::new(),
                items.iter().map(|&i| Value::Int(i)).collect(),
            )
            .unwrap(),
        )
    }
    fn m(v: &Value, name: &str, args: &[Value]) -> String {
        match call_method(&mut crate::interpreter::Vm::new(), v, name, Args::new(args)) {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn basics() {
        assert_eq!(repr(&set(&[])).unwrap(), "set()");
        assert_eq!(repr(&set(&[1, 2, 1])).unwrap(), "{1, 2}");
        let f = Value::frozenset(PySet::new());
        assert_eq!(repr(&f).unwrap(), "frozenset()");
        let f = Value::frozenset(
            PySet::from_values(&mut crate::interpreter::Vm::new(), vec![Value::Int(1)]).unwrap(),
        );
        assert_eq!(repr(&f).unwrap(), "frozenset({1})");
        assert_eq!(
            m(&f, "add", &[Value::Int(2)]),
            "AttributeError: 'frozenset' object has no attribute 'add'"
        );
        let s = set(&[1, 2]);
        m(&s, "add", &[Value::float(3.0)]);
        m(&s, "discard", &[Value::Int(9)]);
        assert_eq!(m(&s, "remove", &[Value::Int(9)]), "KeyError: 9");
        assert_eq!(repr(&s).unwrap(), "{1, 2, 3.0}");
        assert_eq!(m(&s, "pop", &[]), "1");
        assert_eq!(
            m(&set(&[]), "pop", &[]),
            "KeyError: 'pop from an empty set'"
        );
        assert_eq!(
            m(&s, "add", &[Value::list(vec![])]),
            "TypeError: unhashable type: 'list'"
        );
    }

    #[test]
    fn algebra() {
        let a = set(&[1, 2, 3]);
        let b = set(&[2, 3, 4]);
        assert_eq!(m(&a, "union", std::slice::from_ref(&b)), "{1, 2, 3, 4}");
        assert_eq!(m(&a, "intersection", std::slice::from_ref(&b)), "{2, 3}");
        assert_eq!(m(&a, "difference", std::slice::from_ref(&b)), "{1}");
        assert_eq!(
            m(&a, "symmetric_difference", std::slice::from_ref(&b)),
            "{1, 4}"
        );
        assert_eq!(m(&a, "issubset", std::slice::from_ref(&b)), "False");
        assert_eq!(m(&set(&[2]), "issubset", std::slice::from_ref(&b)), "True");
        assert_eq!(
            m(&b, "issuperset", &[Value::list(vec![Value::Int(4)])]),
            "True"
        );
        assert_eq!(m(&a, "isdisjoint", &[set(&[7])]), "True");
        m(&a, "update", &[Value::list(vec![Value::Int(9)])]);
        assert_eq!(repr(&a).unwrap(), "{1, 2, 3, 9}");
        m(&a, "intersection_update", std::slice::from_ref(&b));
        assert_eq!(repr(&a).unwrap(), "{2, 3}");
        m(&a, "difference_update", &[set(&[2])]);
        assert_eq!(repr(&a).unwrap(), "{3}");
        m(&a, "symmetric_difference_update", &[set(&[3, 5])]);
        assert_eq!(repr(&a).unwrap(), "{5}");
    }

    #[test]
    fn frozenset_hash_is_order_independent() {
        let x = PySet::from_values(
            &mut crate::interpreter::Vm::new(),
            vec![Value::Int(1), Value::Int(2)],
        )
        .unwrap();
        let y = PySet::from_values(
            &mut crate::interpreter::Vm::new(),
            vec![Value::Int(2), Value::float(1.0)],
        )
        .unwrap();
        assert_eq!(x.hash(), y.hash());
        assert!(x.eq(&mut crate::interpreter::Vm::new(), &y).unwrap());
    }

    #[test]
    fn iteration_follows_cpythons_table_order() {
        // python3: s = set(); [s.add(v) for v in vals]; list(s)
        let cases: [(&[i64], &[i64]); 3] = [
            (&[3, 1, 2], &[1, 2, 3]),
            (&[10, 100, 1000, 5, 64, 9], &[64, 100, 5, 1000, 9, 10]),
            (&[-1, -2, 7, 8], &[8, 7, -1, -2]),
        ];
        for (inserted, expected) in cases {
            let set = PySet::new();
            for &v in inserted {
                set.add(Value::Int(v)).unwrap();
            }
            let got: Vec<i64> = set
                .values()
                .iter()
                .map(|v| match v {
                    Value::Int(i) => *i,
                    _ => unreachable!(),
                })
                .collect();
            assert_eq!(got, expected, "inserted {inserted:?}");
        }
        let big = PySet::new();
        for v in (1..=20).rev() {
            big.add(Value::Int(v)).unwrap();
        }
        assert_eq!(
            repr(&Value::set(big)).unwrap(),
            "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}"
        );
    }
}
