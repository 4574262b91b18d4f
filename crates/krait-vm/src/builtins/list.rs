//! `list`: a `RefCell<Vec<Value>>`, or unboxed bools or ints for a list
//! made by repeating one (`[False] * n`, `[0] * n`), by `sorted()` of ints,
//! or by appending ints past `UNBOX_AT` items, or bare object references
//! for a list of objects built by appends past `UNBOX_AT` items (see
//! `Compact`).
//!
//! Borrows are kept short and never held across a call back into Python
//! (key functions, `__eq__`...): such operations work on a snapshot.

use std::cell::{Ref, RefCell, RefMut};
use std::cmp::Ordering;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Signature};
use crate::builtins::slice::{PySlice, SliceIndices};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol::{self, CompareOp};
use crate::sequence;
use crate::value::Value;

/// Makes room for `additional` more items the way CPython's `list_resize`
/// does: about 1/8 more than needed, not the doubling of `Vec::push`
/// (which leaves a list built by appends up to half empty). Kept out of
/// line: `append` is inlined into the dispatch loop.
#[cold]
#[inline(never)]
fn reserve<T>(items: &mut Vec<T>, additional: usize) {
    let needed = items.len().saturating_add(additional);
    if needed <= items.capacity() {
        return;
    }
    let capacity = if additional > needed / 8 + 6 {
        // A large extend: no room beyond it.
        needed
    } else {
        (needed + (needed >> 3) + 6) & !3
    };
    items.reserve_exact(capacity - items.len());
}

pub struct PyList {
    pub(crate) gc: crate::gc::GcHeader,
    items: RefCell<Items>,
}

struct Items {
    /// The items, unless `compact` holds them (`values` is empty then).
    values: Vec<Value>,
    compact: Option<Box<Compact>>,
}

/// The items of a list made by repeating one bool or int (`[True] * n`,
/// `[0] * n`), or of ints only (sorted, or appended one by one), unboxed:
/// 1 or 8 bytes an item against a 16-byte `Value`
/// (CPython stores 8-byte pointers to shared objects); or of objects only
/// (strs, instances, tuples... appended one by one), as bare 8-byte
/// references. The list stays so while it is only measured, indexed,
/// iterated, sliced, copied, appended to, popped or stored into with the
/// same kind of value; anything else (`borrow`, `borrow_mut`) turns its
/// items into `Value`s, for good.
enum Compact {
    Bools(Vec<bool>),
    Ints(Vec<i64>),
    Objects(Vec<Rc<PyObject>>),
}

impl Compact {
    fn len(&self) -> usize {
        match self {
            Compact::Bools(v) => v.len(),
            Compact::Ints(v) => v.len(),
            Compact::Objects(v) => v.len(),
        }
    }

    #[inline]
    fn get(&self, i: usize) -> Option<Value> {
        match self {
            Compact::Bools(v) => v.get(i).map(|&b| Value::bool(b)),
            Compact::Ints(v) => v.get(i).map(|&n| Value::Int(n)),
            Compact::Objects(v) => v.get(i).map(|o| Value::Obj(o.clone())),
        }
    }

    /// Stores `value` at `i` when it is of the stored kind and gives the
    /// old item back (to be dropped once the list is no longer borrowed);
    /// gives `value` back otherwise.
    fn set(&mut self, i: usize, value: Value) -> Result<Value, Value> {
        Ok(match (self, value) {
            (Compact::Bools(v), Value::Bool(b)) if i < v.len() => {
                Value::bool(std::mem::replace(&mut v[i], b.get()))
            }
            (Compact::Ints(v), Value::Int(n)) if i < v.len() => {
                Value::Int(std::mem::replace(&mut v[i], n))
            }
            (Compact::Objects(v), Value::Obj(o)) if i < v.len() => {
                Value::Obj(std::mem::replace(&mut v[i], o))
            }
            (_, value) => return Err(value),
        })
    }

    /// Removes the item at `i` (in range).
    fn remove(&mut self, i: usize) -> Value {
        match self {
            Compact::Bools(v) => Value::bool(v.remove(i)),
            Compact::Ints(v) => Value::Int(v.remove(i)),
            Compact::Objects(v) => Value::Obj(v.remove(i)),
        }
    }

    fn to_values(&self) -> Vec<Value> {
        match self {
            Compact::Bools(v) => v.iter().map(|&b| Value::bool(b)).collect(),
            Compact::Ints(v) => v.iter().map(|&n| Value::Int(n)).collect(),
            Compact::Objects(v) => v.iter().map(|o| Value::Obj(o.clone())).collect(),
        }
    }

    /// The items, moved out as `Value`s.
    fn into_values(self) -> Vec<Value> {
        match self {
            Compact::Objects(v) => v.into_iter().map(Value::Obj).collect(),
            other => other.to_values(),
        }
    }

    /// The items at `indices`, of the same kind.
    fn select(&self, indices: impl Iterator<Item = usize>) -> Compact {
        match self {
            Compact::Bools(v) => Compact::Bools(indices.map(|i| v[i]).collect()),
            Compact::Ints(v) => Compact::Ints(indices.map(|i| v[i]).collect()),
            Compact::Objects(v) => Compact::Objects(indices.map(|i| v[i].clone()).collect()),
        }
    }
}

/// Calls `visit` with each object as a `Value` lent for the call: the
/// collector counts references while it walks, so the walk may not make
/// new ones (an `Rc` clone would be one).
fn visit_objects(objects: &[Rc<PyObject>], visit: &mut dyn FnMut(&Value)) {
    for object in objects {
        // SAFETY: the pointer comes from a live `Rc` that `objects` keeps
        // alive for the whole call; the `Value` made from it never drops
        // (so the count it did not add is not taken off), and is only lent
        // out: a visitor that keeps it clones it, which counts.
        let lent =
            std::mem::ManuallyDrop::new(Value::Obj(unsafe { Rc::from_raw(Rc::as_ptr(object)) }));
        visit(&lent);
    }
}

impl Items {
    /// The items as `Value`s from now on.
    #[inline]
    fn values_mut(&mut self) -> &mut Vec<Value> {
        if self.compact.is_some() {
            self.expand_compact();
        }
        &mut self.values
    }

    #[inline(never)]
    fn expand_compact(&mut self) {
        if let Some(compact) = self.compact.take() {
            let mut values = compact.into_values();
            // A long list converted back (by an operation with no
            // unboxed path) gets room past the unboxing window, so that
            // appends do not unbox it again: a queue of ints of about
            // that length, pushed and popped in turn, would convert both
            // ways every time.
            let len = values.len();
            if len >= UNBOX_AT {
                let room = (len + len / 8 + 6).max(UNBOX_WINDOW.end + 1);
                values.reserve_exact(room - len);
            }
            self.values = values;
        }
    }

    /// `append` when the items are unboxed or have no room left: an int
    /// goes on unboxed ints, an object on bare references, and a list of
    /// `Value`s growing past [`UNBOX_AT`] items, all ints or all objects,
    /// is unboxed then (8 bytes an item, as CPython's pointers, instead
    /// of 16: `history.append(amount)`, `words.append(word)`). Checked at
    /// that one growth only, so a list of anything else pays one look at
    /// its items, up to the first of another kind.
    #[inline(never)]
    fn append_slow(&mut self, value: Value) {
        if let Some(compact) = &mut self.compact {
            match (&mut **compact, &value) {
                (Compact::Ints(ints), Value::Int(n)) => {
                    if ints.len() == ints.capacity() {
                        reserve(ints, 1);
                    }
                    ints.push(*n);
                    return;
                }
                (Compact::Objects(objects), Value::Obj(_)) => {
                    let Value::Obj(o) = value else {
                        unreachable!("matched above")
                    };
                    if objects.len() == objects.capacity() {
                        reserve(objects, 1);
                    }
                    objects.push(o);
                    return;
                }
                _ => self.expand_compact(),
            }
        }
        let values = &mut self.values;
        if values.len() == values.capacity() {
            if UNBOX_WINDOW.contains(&values.len()) {
                match value {
                    Value::Int(n) if values.iter().all(|v| matches!(v, Value::Int(_))) => {
                        let mut ints = Vec::new();
                        reserve(&mut ints, values.len() + 1);
                        ints.extend(values.iter().map(small_int));
                        ints.push(n);
                        self.values = Vec::new();
                        self.compact = Some(Box::new(Compact::Ints(ints)));
                        return;
                    }
                    Value::Obj(o) if values.iter().all(|v| matches!(v, Value::Obj(_))) => {
                        let mut objects = Vec::new();
                        reserve(&mut objects, values.len() + 1);
                        objects.extend(std::mem::take(values).into_iter().map(|v| match v {
                            Value::Obj(o) => o,
                            _ => unreachable!("checked above"),
                        }));
                        objects.push(o);
                        self.compact = Some(Box::new(Compact::Objects(objects)));
                        return;
                    }
                    value => {
                        reserve(values, 1);
                        values.push(value);
                        return;
                    }
                }
            }
            reserve(values, 1);
        }
        values.push(value);
    }
}

/// The length at which a list built by `append` is unboxed if all its
/// items are ints (see `Items::append_slow`): short lists are left alone,
/// as converting them later would cost more than it saves.
const UNBOX_AT: usize = 256;

/// The lengths at whose growth the check is made: one growth step wide
/// (a list grows by about an eighth), so a list built by appends meets it
/// once whatever its growth started from.
const UNBOX_WINDOW: std::ops::Range<usize> = UNBOX_AT..UNBOX_AT + UNBOX_AT / 8 + 8;

impl PyList {
    /// Moves the items out if one of them satisfies `pred` (for the
    /// iterative teardown in `object.rs`; unboxed bools and ints hold no
    /// objects).
    pub(crate) fn take_items_if(&mut self, pred: fn(&Value) -> bool) -> Option<Vec<Value>> {
        let items = self.items.get_mut();
        if let Some(Compact::Objects(objects)) = items.compact.as_deref() {
            let mut any = false;
            visit_objects(objects, &mut |v| any = any || pred(v));
            return any.then(|| {
                items
                    .compact
                    .take()
                    .map(|c| c.into_values())
                    .unwrap_or_default()
            });
        }
        let items = &mut items.values;
        items.iter().any(pred).then(|| std::mem::take(items))
    }

    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            gc: Default::default(),
            items: RefCell::new(Items {
                values: items,
                compact: None,
            }),
        }
    }

    /// `[item] * n` kept unboxed, when `item` is a bool or an int;
    /// MemoryError when there is no room for it.
    pub fn repeated(item: &Value, n: usize) -> Option<PyResult<PyList>> {
        fn filled<T: Clone>(item: T, n: usize) -> PyResult<Vec<T>> {
            let mut items = crate::memory::vec_with_capacity(n)?;
            items.resize(n, item);
            Ok(items)
        }
        let compact = match item {
            Value::Bool(b) => filled(b.get(), n).map(Compact::Bools),
            Value::Int(i) => filled(*i, n).map(Compact::Ints),
            _ => return None,
        };
        let compact = match compact {
            Ok(compact) => compact,
            Err(err) => return Some(Err(err)),
        };
        Some(Ok(PyList {
            gc: Default::default(),
            items: RefCell::new(Items {
                values: Vec::new(),
                compact: Some(Box::new(compact)),
            }),
        }))
    }

    /// A list of `items`, unboxed when they are many ints (the result of
    /// `sorted()` on ints: half the memory while it is only read).
    pub fn of_values_unboxing_ints(items: Vec<Value>) -> PyList {
        if items.len() >= 64 && items.iter().all(|v| matches!(v, Value::Int(_))) {
            let ints = items.iter().map(small_int).collect();
            return PyList {
                gc: Default::default(),
                items: RefCell::new(Items {
                    values: Vec::new(),
                    compact: Some(Box::new(Compact::Ints(ints))),
                }),
            };
        }
        PyList::new(items)
    }

    /// The items as `Value`s (an unboxed list is converted first).
    #[inline]
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        if self.items.borrow().compact.is_some() {
            self.items.borrow_mut().values_mut();
        }
        Ref::map(self.items.borrow(), |items| &items.values)
    }

    #[inline]
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        RefMut::map(self.items.borrow_mut(), Items::values_mut)
    }

    pub fn len(&self) -> usize {
        let items = self.items.borrow();
        match &items.compact {
            Some(compact) => compact.len(),
            None => items.values.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `l[i]` for a Python index (negative from the end), if in range:
    /// one borrow, the ordinary case first (the dispatch loop's path).
    #[inline]
    pub fn item(&self, i: i64) -> Option<Value> {
        // SAFETY: the reference ends within this function, which only
        // clones an item (no Python code runs, nothing writes the list); a
        // list being written makes this a miss (the general path then).
        let items = unsafe { self.items.try_borrow_unguarded() }.ok()?;
        match &items.compact {
            None => {
                sequence::normalize_index(i, items.values.len()).map(|i| items.values[i].clone())
            }
            Some(compact) => compact.get(sequence::normalize_index(i, compact.len())?),
        }
    }

    /// `l[i] = value` for a Python index, if in range; gives the value
    /// back otherwise (as [`PyList::item`], for the dispatch loop).
    #[inline]
    pub fn store_item(&self, i: i64, value: Value) -> Result<(), Value> {
        let mut items = self.items.borrow_mut();
        if items.compact.is_none()
            && let Some(i) = sequence::normalize_index(i, items.values.len())
        {
            let old = std::mem::replace(&mut items.values[i], value);
            drop(items);
            drop(old);
            return Ok(());
        }
        drop(items);
        match sequence::normalize_index(i, self.len()) {
            Some(i) => self.set(i, value),
            None => Err(value),
        }
    }

    /// The items, borrowed, when the list holds exactly `n` `Value`s (not
    /// compact): UNPACK_SEQUENCE stores them straight into its targets.
    /// The borrow must end before any Python code runs (drops run none).
    #[inline]
    pub fn values_if_len(&self, n: usize) -> Option<std::cell::Ref<'_, [Value]>> {
        std::cell::Ref::filter_map(self.items.borrow(), |items| {
            (items.compact.is_none() && items.values.len() == n).then_some(&items.values[..])
        })
        .ok()
    }

    /// UNPACK_SEQUENCE's fast path: pushes the `n` items last to first
    /// onto `stack` if the list has exactly `n` items (no copy of the
    /// list in between; unboxed items stay unboxed in the list).
    #[inline]
    pub fn push_reversed_if_len(&self, n: usize, stack: &mut Vec<Value>) -> bool {
        let items = self.items.borrow();
        match &items.compact {
            None if items.values.len() == n => stack.extend(items.values.iter().rev().cloned()),
            Some(compact) if compact.len() == n => {
                stack.extend((0..n).rev().filter_map(|i| compact.get(i)))
            }
            _ => return false,
        }
        true
    }

    /// The item at `i`, if in range.
    #[inline]
    /// `n in list` when no item needs a real comparison to tell (ints,
    /// bools and kinds that never equal an int: None, strs, bytes,
    /// containers, big ints): whether one equals `n`. `None` from the
    /// first item that might run code or needs an exact int/float
    /// comparison (an instance, a float, a complex): `protocol::contains`
    /// then compares item by item.
    pub(crate) fn contains_int(&self, n: i64) -> Option<bool> {
        let items = self.items.borrow();
        match items.compact.as_deref() {
            Some(Compact::Ints(ints)) => return Some(ints.contains(&n)),
            Some(Compact::Bools(bools)) => return Some(bools.iter().any(|&b| i64::from(b) == n)),
            Some(Compact::Objects(_)) => return None,
            None => {}
        }
        for item in &items.values {
            match item {
                Value::Int(m) if *m == n => return Some(true),
                Value::Bool(b) if i64::from(b.get()) == n => return Some(true),
                Value::Int(_)
                | Value::Bool(_)
                | Value::None
                | Value::NotImplemented
                | Value::Ellipsis => {}
                Value::Obj(object)
                    if matches!(
                        &**object,
                        PyObject::Str(_)
                            | PyObject::Bytes(_)
                            | PyObject::Int(_)
                            | PyObject::Tuple(_)
                            | PyObject::List(_)
                            | PyObject::Dict(_)
                    ) => {}
                _ => return None,
            }
        }
        Some(false)
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        let items = self.items.borrow();
        match &items.compact {
            Some(compact) => compact.get(i),
            None => items.values.get(i).cloned(),
        }
    }

    /// `l[i] = value` for an `i` in range; gives the value back when out
    /// of range.
    #[inline]
    pub fn set(&self, i: usize, value: Value) -> Result<(), Value> {
        let mut items = self.items.borrow_mut();
        let value = match &mut items.compact {
            Some(compact) => match compact.set(i, value) {
                Ok(old) => {
                    drop(items);
                    drop(old);
                    return Ok(());
                }
                Err(value) => value,
            },
            None => value,
        };
        match items.values_mut().get_mut(i) {
            Some(slot) => {
                // The old item is dropped after the borrow ends: its drop
                // cannot run Python code, but stays out of the borrow anyway.
                let old = std::mem::replace(slot, value);
                drop(items);
                drop(old);
                Ok(())
            }
            None => Err(value),
        }
    }

    /// Calls `visit` on each item that is an object (unboxed bools and
    /// ints are not), for the cycle collector.
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // A container borrowed for writing reports nothing: the collector
        // then only keeps more alive (see `crate::gc`).
        if let Ok(items) = self.items.try_borrow() {
            items.values.iter().for_each(&mut *visit);
            if let Some(Compact::Objects(objects)) = items.compact.as_deref() {
                visit_objects(objects, visit);
            }
        }
    }

    /// Lets go of every item (the collector breaking a cycle).
    pub(crate) fn clear_for_collector(&self) {
        let old = self.items.try_borrow_mut().map(|mut items| {
            std::mem::replace(
                &mut *items,
                Items {
                    values: Vec::new(),
                    compact: None,
                },
            )
        });
        drop(old);
    }

    /// A copy of the items (cheap refcount bumps), for iterating while
    /// calling back into Python.
    pub fn snapshot(&self) -> Vec<Value> {
        let items = self.items.borrow();
        match &items.compact {
            Some(compact) => compact.to_values(),
            None => items.values.clone(),
        }
    }

    /// A new list with the same items (kept unboxed if they are).
    pub fn copy(&self) -> PyList {
        let items = self.items.borrow();
        let compact = items.compact.as_ref().map(|compact| {
            Box::new(match &**compact {
                Compact::Bools(v) => Compact::Bools(v.clone()),
                Compact::Ints(v) => Compact::Ints(v.clone()),
                Compact::Objects(v) => Compact::Objects(v.clone()),
            })
        });
        PyList {
            gc: Default::default(),
            items: RefCell::new(Items {
                values: items.values.clone(),
                compact,
            }),
        }
    }

    #[inline]
    pub fn append(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if items.compact.is_none() && items.values.len() < items.values.capacity() {
            items.values.push(v);
            return;
        }
        // A list of unboxed ints stays so while ints come (a list a
        // comprehension over ints builds): inline while it has room.
        if let (Some(compact), Value::Int(n)) = (&mut items.compact, &v)
            && let Compact::Ints(ints) = &mut **compact
            && ints.len() < ints.capacity()
        {
            ints.push(*n);
            return;
        }
        items.append_slow(v);
    }

    /// `l.pop(i)` of a list of unboxed ints or bare object references,
    /// which stays so (a stack); `None` for any other list.
    pub fn pop_unboxed(&self, i: i64) -> Option<PyResult> {
        let mut items = self.items.borrow_mut();
        let compact = match items.compact.as_deref_mut() {
            Some(c @ (Compact::Ints(_) | Compact::Objects(_))) => c,
            _ => return None,
        };
        if compact.len() == 0 {
            return Some(Err(PyErr::index_error("pop from empty list")));
        }
        Some(match sequence::normalize_index(i, compact.len()) {
            Some(i) => Ok(compact.remove(i)),
            None => Err(PyErr::index_error("pop index out of range")),
        })
    }

    /// Appends `more` (`l.extend(...)`, `l += ...`).
    pub fn extend(&self, more: Vec<Value>) {
        let mut items = self.borrow_mut();
        reserve(&mut items, more.len());
        items.extend(more);
    }

    pub fn get_index(&self, i: &Value) -> PyResult {
        let idx = sequence::subscript_index(i, "list")?;
        self.item(idx)
            .ok_or_else(|| PyErr::index_error("list index out of range"))
    }

    pub fn get_slice(&self, si: SliceIndices) -> Value {
        {
            // Unboxed items are sliced as they are: the slice of a long
            // list is long too, and so kept the same way.
            let items = self.items.borrow();
            if let Some(compact) = items.compact.as_deref() {
                let slice = compact.select(si.iter());
                return Value::obj(PyObject::List(PyList {
                    gc: Default::default(),
                    items: RefCell::new(Items {
                        values: Vec::new(),
                        compact: Some(Box::new(slice)),
                    }),
                }));
            }
        }
        let items = self.borrow();
        let out = if si.step == 1 {
            items[si.start as usize..si.start as usize + si.len].to_vec()
        } else {
            si.iter().map(|i| items[i].clone()).collect()
        };
        Value::list(out)
    }

    pub fn set_index(&self, i: &Value, v: Value) -> PyResult<()> {
        let idx = sequence::subscript_index(i, "list")?;
        self.store_item(idx, v)
            .map_err(|_| PyErr::index_error("list assignment index out of range"))
    }

    /// `self[s] = values` from the items of another list or a tuple,
    /// cloned as they are stored; an equal-length plain slice is
    /// overwritten in place.
    pub fn set_slice_from(&self, s: &PySlice, values: &[Value]) -> PyResult<()> {
        let si = s.indices(self.len())?;
        self.set_slice_indices(si, values)
    }

    /// [`PyList::set_slice_from`] with the slice's indices worked out
    /// (fails only for an extended slice of another length).
    pub fn set_slice_indices(&self, si: SliceIndices, values: &[Value]) -> PyResult<()> {
        let mut items = self.borrow_mut();
        if si.step == 1 {
            let start = si.start as usize;
            let stop = (si.stop.max(si.start)) as usize;
            if stop - start == values.len() {
                items[start..stop].clone_from_slice(values);
            } else {
                items.splice(start..stop, values.iter().cloned());
            }
            return Ok(());
        }
        if values.len() != si.len {
            return Err(extended_slice_size_error(values.len(), si.len));
        }
        for (i, v) in si.iter().zip(values) {
            items[i] = v.clone();
        }
        Ok(())
    }

    /// `l[a:b:c] = values` (values already collected from the iterable).
    pub fn set_slice(&self, s: &PySlice, values: Vec<Value>) -> PyResult<()> {
        let mut items = self.borrow_mut();
        let si = s.indices(items.len())?;
        if si.step == 1 {
            let start = si.start as usize;
            let stop = (si.stop.max(si.start)) as usize;
            items.splice(start..stop, values);
            return Ok(());
        }
        if values.len() != si.len {
            return Err(extended_slice_size_error(values.len(), si.len));
        }
        for (i, v) in si.iter().zip(values) {
            items[i] = v;
        }
        Ok(())
    }

    pub fn del_index(&self, i: &Value) -> PyResult<()> {
        let idx = sequence::subscript_index(i, "list")?;
        let mut items = self.borrow_mut();
        match sequence::normalize_index(idx, items.len()) {
            Some(i) => {
                items.remove(i);
                Ok(())
            }
            None => Err(PyErr::index_error("list assignment index out of range")),
        }
    }

    pub fn del_slice(&self, s: &PySlice) -> PyResult<()> {
        let mut items = self.borrow_mut();
        let si = s.indices(items.len())?;
        if si.len == 0 {
            return Ok(());
        }
        if si.step == 1 {
            let start = si.start as usize;
            items.drain(start..start + si.len);
            return Ok(());
        }
        let mut drop = vec![false; items.len()];
        for i in si.iter() {
            drop[i] = true;
        }
        let mut k = 0;
        items.retain(|_| {
            let keep = !drop[k];
            k += 1;
            keep
        });
        Ok(())
    }

    pub fn repr(&self) -> PyResult<String> {
        let items = self.snapshot();
        let mut s = String::from("[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&protocol::repr(item)?);
        }
        s.push(']');
        Ok(s)
    }

    /// `list.sort(key=..., reverse=...)`: stable; `key` is called through
    /// `call_key` (the interpreter) once per item.
    pub fn sort(
        &self,
        key: Option<&mut dyn FnMut(&Value) -> PyResult>,
        reverse: bool,
        lt: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<()> {
        // CPython empties the list while sorting, so mutation by a key
        // function is detected instead of corrupting the sort.
        let mut items = std::mem::take(&mut *self.borrow_mut());
        let result = sort_values(&mut items, key, reverse, lt);
        let mut cur = self.borrow_mut();
        let modified = !cur.is_empty();
        *cur = items;
        drop(cur);
        result?;
        if modified {
            return Err(PyErr::value_error("list modified during sort"));
        }
        Ok(())
    }
}

/// `a < b`, as the interpreter evaluates it (honouring `__lt__`).
type LtFn<'a> = dyn FnMut(&Value, &Value) -> PyResult<bool> + 'a;

/// Stable sort of `items` by `<` (`lt`, which the interpreter provides so
/// that `__lt__` of instances is honoured), optionally by key and reversed.
///
/// As in CPython, `key` is called once per item, in the original order,
/// before any comparison; if it raises, `items` is left untouched.
/// Otherwise, if a comparison raises, `items` holds the same values in some
/// order and the first error is returned.
pub fn sort_values(
    items: &mut [Value],
    key: Option<&mut dyn FnMut(&Value) -> PyResult>,
    reverse: bool,
    lt: &mut LtFn<'_>,
) -> PyResult<()> {
    match key {
        None => sort_reversible(items, &Itself, reverse, lt),
        Some(f) => {
            // The keys are computed in order, then the items' positions
            // (4 bytes each) are sorted by them and the items moved to
            // their places in one pass: a key sort's memory beyond the
            // items is the keys plus 8 bytes an item (the positions and
            // the sort's scratch copy of them), where (key, position)
            // pairs and their scratch copy took 48.
            let Ok(len) = u32::try_from(items.len()) else {
                return Err(PyErr::new(crate::typeobject::ExcType::MemoryError, ""));
            };
            let mut keys: Vec<Value> = Vec::with_capacity(items.len());
            for v in items.iter() {
                keys.push(f(v)?);
            }
            let mut positions: Vec<u32> = (0..len).collect();
            let result = sort_reversible(&mut positions, &Keys(&keys), reverse, lt);
            drop(keys);
            permute(items, &mut positions);
            result
        }
    }
}

/// Puts `items[positions[k]]` at `k` for every `k`, following the
/// permutation's cycles in place (`positions` is left the identity).
fn permute(items: &mut [Value], positions: &mut [u32]) {
    for start in 0..positions.len() {
        if positions[start] as usize == start {
            continue;
        }
        let held = std::mem::take(&mut items[start]);
        let mut at = start;
        loop {
            let from = positions[at] as usize;
            positions[at] = at as u32;
            if from == start {
                items[at] = held;
                break;
            }
            items[at] = std::mem::take(&mut items[from]);
            at = from;
        }
    }
}

/// What the sorts order by: the items themselves ([`Itself`]), or the
/// keys at the positions being sorted ([`Keys`]).
trait KeyOf<T> {
    fn key<'s>(&'s self, item: &'s T) -> &'s Value;
}

struct Itself;

impl KeyOf<Value> for Itself {
    #[inline]
    fn key<'s>(&'s self, item: &'s Value) -> &'s Value {
        item
    }
}

struct Keys<'a>(&'a [Value]);

impl KeyOf<u32> for Keys<'_> {
    #[inline]
    fn key<'s>(&'s self, position: &'s u32) -> &'s Value {
        &self.0[*position as usize]
    }
}

/// Reverse, sort, reverse: with `reverse`, equal items keep their original
/// order, as in CPython (which also reverses back after an error).
fn sort_reversible<T: Default, K: KeyOf<T>>(
    v: &mut [T],
    keys: &K,
    reverse: bool,
    lt: &mut LtFn<'_>,
) -> PyResult<()> {
    if reverse {
        v.reverse();
    }
    let result = sort_slice(v, keys, lt);
    if reverse {
        v.reverse();
    }
    result
}

fn sort_slice<T: Default, K: KeyOf<T>>(v: &mut [T], keys: &K, lt: &mut LtFn<'_>) -> PyResult<()> {
    if v.len() < 2 {
        return Ok(());
    }
    // Keys totally ordered by a Rust comparator that agrees with Python's
    // `<` use the standard library's stable (and adaptive) sort, which may
    // panic on a comparator that is not a total order, hence the precheck.
    match classify(v.iter().map(|t| keys.key(t))) {
        Some(Order::Scalar(Scalar::Int)) => v.sort_by_key(|t| small_int(keys.key(t))),
        Some(Order::Scalar(Scalar::Float)) => v.sort_by(|a, b| cmp_float(keys.key(a), keys.key(b))),
        Some(Order::Scalar(Scalar::Str)) => v.sort_by(|a, b| str_order(keys.key(a), keys.key(b))),
        Some(Order::Tuple) => v.sort_by(|a, b| cmp_tuple(keys.key(a), keys.key(b))),
        None => return sort_by_lt(v, keys, lt),
    }
    Ok(())
}

/// The kinds of keys with a native total order that is exactly Python's.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scalar {
    /// `Value::Int` and `Value::Bool` (big ints take the slow path).
    Int,
    /// `Value::Float`, NaN excluded.
    Float,
    /// Exact `str` (code-point order is UTF-8 byte order).
    Str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    Scalar(Scalar),
    /// Exact tuples whose items at each position are all of one `Scalar`
    /// kind (tuples may differ in length).
    Tuple,
}

/// The kind of `v`, looking at its real variant: an instance of a subclass
/// of int or str (which may define `__lt__`) has none.
#[inline]
fn scalar(v: &Value) -> Option<Scalar> {
    match v {
        Value::Int(_) | Value::Bool(_) => Some(Scalar::Int),
        Value::Float(f) if !f.get().is_nan() => Some(Scalar::Float),
        Value::Obj(o) if matches!(**o, PyObject::Str(_)) => Some(Scalar::Str),
        _ => None,
    }
}

#[inline]
fn exact_tuple(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Tuple(t) => Some(t.as_slice()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether all `keys` are of one kind that the native comparators order
/// exactly as Python's `<` does (`None`: use `lt`).
fn classify<'a>(mut keys: impl Iterator<Item = &'a Value>) -> Option<Order> {
    let first = keys.next()?;
    if let Some(kind) = scalar(first) {
        return keys
            .all(|k| scalar(k) == Some(kind))
            .then_some(Order::Scalar(kind));
    }
    let mut positions: Vec<Scalar> = Vec::new();
    let mut check = |t: &[Value]| {
        t.iter().enumerate().all(|(i, item)| match scalar(item) {
            Some(kind) if i < positions.len() => positions[i] == kind,
            Some(kind) => {
                positions.push(kind);
                true
            }
            None => false,
        })
    };
    if check(exact_tuple(first)?) && keys.all(|k| exact_tuple(k).is_some_and(&mut check)) {
        return Some(Order::Tuple);
    }
    None
}

#[inline]
fn small_int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => b.get() as i64,
        _ => 0,
    }
}

#[inline]
fn cmp_float(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            x.get().partial_cmp(&y.get()).unwrap_or(Ordering::Equal)
        }
        _ => Ordering::Equal,
    }
}

/// Two exact strs' order in a sort: their bytes' (a stand-in for a lone
/// surrogate sorts as U+10D800 + k here, after U+E000..U+10D7FF; the
/// comparison operators order it as the surrogate, `str::compare_strs`:
/// checking for stand-ins cost a sort of short strs a third of its time).
#[inline]
fn str_order(a: &Value, b: &Value) -> Ordering {
    match (a.as_obj(), b.as_obj()) {
        (Some(PyObject::Str(x)), Some(PyObject::Str(y))) => x.as_str().cmp(y.as_str()),
        _ => Ordering::Equal,
    }
}

/// Two items of one `Scalar` kind.
#[inline]
fn cmp_scalar(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(_), Value::Float(_)) => cmp_float(a, b),
        (Value::Obj(_), Value::Obj(_)) => str_order(a, b),
        _ => small_int(a).cmp(&small_int(b)),
    }
}

/// Python's tuple order: the first position that differs decides, else the
/// shorter tuple comes first.
#[inline]
fn cmp_tuple(a: &Value, b: &Value) -> Ordering {
    let (a, b) = (exact_tuple(a).unwrap_or(&[]), exact_tuple(b).unwrap_or(&[]));
    for (x, y) in a.iter().zip(b) {
        match cmp_scalar(x, y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

/// The slow path: a stable sort that only uses `lt`, so an inconsistent
/// `__lt__` or NaNs can never make it panic, and that stops at the first
/// error. Like CPython's timsort it finds natural runs (ascending, or
/// strictly descending and then reversed) and extends short ones to
/// `min_run` items by binary insertion; for fewer than 64 items that is
/// all timsort does, so the comparisons made (hence the error raised, or
/// the result with NaNs) are CPython's. Runs are then merged pairwise.
/// Every comparison is `lt(item on the right, item on the left)`, as in
/// timsort.
fn sort_by_lt<T: Default, K: KeyOf<T>>(v: &mut [T], keys: &K, lt: &mut LtFn<'_>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let min_run = min_run(n);
    // Boundaries of the sorted runs: run k is `v[bounds[k]..bounds[k + 1]]`.
    let mut bounds = vec![0];
    let mut lo = 0;
    while lo < n {
        let (mut len, descending) = count_run(&v[lo..], keys, lt)?;
        if descending {
            v[lo..lo + len].reverse();
        }
        if len < min_run {
            let force = min_run.min(n - lo);
            binary_insertion(&mut v[lo..lo + force], keys, len, lt)?;
            len = force;
        }
        lo += len;
        bounds.push(lo);
    }
    let mut buf: Vec<T> = Vec::new();
    while bounds.len() > 2 {
        let mut merged = Vec::with_capacity(bounds.len() / 2 + 2);
        merged.push(0);
        let mut k = 0;
        while k + 1 < bounds.len() {
            if k + 2 < bounds.len() {
                merge(
                    v,
                    keys,
                    bounds[k],
                    bounds[k + 1],
                    bounds[k + 2],
                    &mut buf,
                    lt,
                )?;
                merged.push(bounds[k + 2]);
            } else {
                merged.push(bounds[k + 1]);
            }
            k += 2;
        }
        bounds = merged;
    }
    Ok(())
}

/// CPython's `merge_compute_minrun`: `n` itself below 64, else a length in
/// 32..=64 such that `n / min_run` is a power of two or slightly less.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's `count_run`: the length of the run at the start of `v` and
/// whether it is strictly descending.
fn count_run<T, K: KeyOf<T>>(v: &[T], keys: &K, lt: &mut LtFn<'_>) -> PyResult<(usize, bool)> {
    let n = v.len();
    if n == 1 {
        return Ok((1, false));
    }
    let descending = lt(keys.key(&v[1]), keys.key(&v[0]))?;
    let mut k = 2;
    while k < n && lt(keys.key(&v[k]), keys.key(&v[k - 1]))? == descending {
        k += 1;
    }
    Ok((k, descending))
}

/// CPython's `binarysort`: `v[..start]` is sorted; insert the others one by
/// one after the equal items already placed (stability).
fn binary_insertion<T, K: KeyOf<T>>(
    v: &mut [T],
    keys: &K,
    start: usize,
    lt: &mut LtFn<'_>,
) -> PyResult<()> {
    for i in start.max(1)..v.len() {
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + (r - l) / 2;
            if lt(keys.key(&v[i]), keys.key(&v[p]))? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=i].rotate_right(1);
    }
    Ok(())
}

/// Merges the sorted runs `v[lo..mid]` and `v[mid..hi]`, moving the items
/// (the left run goes through `buf`). On error every item is put back.
fn merge<T: Default, K: KeyOf<T>>(
    v: &mut [T],
    keys: &K,
    lo: usize,
    mid: usize,
    hi: usize,
    buf: &mut Vec<T>,
    lt: &mut LtFn<'_>,
) -> PyResult<()> {
    // Already in order (the runs came from one sorted stretch).
    if !lt(keys.key(&v[mid]), keys.key(&v[mid - 1]))? {
        return Ok(());
    }
    buf.clear();
    buf.extend(v[lo..mid].iter_mut().map(std::mem::take));
    // Invariant: `v[k..j]` are the emptied slots, as many as `buf[i..]`.
    let (mut i, mut j, mut k) = (0, mid, lo);
    while i < buf.len() && j < hi {
        match lt(keys.key(&v[j]), keys.key(&buf[i])) {
            Ok(true) => {
                v.swap(k, j);
                j += 1;
            }
            Ok(false) => {
                std::mem::swap(&mut v[k], &mut buf[i]);
                i += 1;
            }
            Err(e) => {
                for (slot, item) in v[k..j].iter_mut().zip(&mut buf[i..]) {
                    std::mem::swap(slot, item);
                }
                buf.clear();
                return Err(e);
            }
        }
        k += 1;
    }
    for (slot, item) in v[k..j].iter_mut().zip(&mut buf[i..]) {
        std::mem::swap(slot, item);
    }
    buf.clear();
    Ok(())
}

fn zelf(v: &Value) -> PyResult<&PyList> {
    v.as_list_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn m_append(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    l.append(args.pos[0].clone());
    Ok(Value::None)
}

fn m_extend(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    let items = protocol::collect(vm, &args.pos[0])?;
    l.extend(items);
    Ok(Value::None)
}

fn m_insert(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    let i = sequence::index_arg(vm, &args.pos[0], "index")?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, args.pos[1].clone());
    Ok(Value::None)
}

fn m_pop(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    // The index is read first, as CPython parses its arguments first
    // (`[].pop('x')` is a TypeError).
    let i = match args.pos.first() {
        Some(v) => sequence::index_arg(vm, v, "index")?,
        None => -1,
    };
    if let Some(popped) = l.pop_unboxed(i) {
        return popped;
    }
    let mut items = l.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    match sequence::normalize_index(i, items.len()) {
        Some(i) => Ok(items.remove(i)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

/// Position of the first item equal to `x` in `[a, b)`.
/// The first index in `a..b` whose item equals `x`. The length is read
/// again at every step, and each item taken out on its own: an `__eq__`
/// may shrink the list (CPython's loop does the same; no copy is made).
fn position(vm: &mut Vm, l: &PyList, x: &Value, a: usize, b: usize) -> PyResult<Option<usize>> {
    let mut i = a;
    while i < b
        && let Some(item) = l.get(i)
    {
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn m_remove(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    match position(vm, l, &args.pos[0], 0, usize::MAX)? {
        Some(i) => {
            let mut items = l.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

/// A start or stop bound of `list.index` and `tuple.index`: a slice bound
/// that may not be None (CPython's `_PyEval_SliceIndexNotNone`).
pub(crate) fn index_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let not_index =
        || PyErr::type_error("slice indices must be integers or have an __index__ method");
    match v {
        Some(Value::None) => Err(not_index()),
        _ => sequence::opt_index_arg(vm, v).map_err(|e| {
            if e.matches(crate::typeobject::ExcType::TypeError)
                && e.message().starts_with("slice indices")
            {
                not_index()
            } else {
                e
            }
        }),
    }
}

fn m_index(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    let start = index_bound(vm, args.pos.get(1))?;
    let end = index_bound(vm, args.pos.get(2))?;
    let (a, b) = sequence::clamp_range(start, end, l.len());
    match position(vm, l, &args.pos[0], a, b)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(PyErr::value_error(format!(
            "{} is not in list",
            vm.repr(&args.pos[0])?
        ))),
    }
}

fn m_count(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    let mut n = 0;
    let mut i = 0;
    // As `position`: the length may change under an `__eq__`.
    while let Some(item) = l.get(i) {
        if item.is(&args.pos[0]) || vm.eq(&item, &args.pos[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn m_reverse(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let l = zelf(z)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn m_sort(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    // An int flag (CPython converts it with __index__ semantics).
    let reverse = match args.kwarg("reverse") {
        Some(v) => crate::sequence::index_arg(vm, v, "reverse")? != 0,
        None => false,
    };
    // Keys are computed before any comparison, so the two callbacks take
    // turns with the interpreter.
    let vm = std::cell::RefCell::new(vm);
    let mut lt = |a: &Value, b: &Value| {
        let mut vm = vm.borrow_mut();
        vm.compare(protocol::CompareOp::Lt, a, b)
    };
    match args.kwarg("key") {
        None | Some(Value::None) => l.sort(None, reverse, &mut lt)?,
        Some(f) => {
            let mut call = |v: &Value| {
                let mut vm = vm.borrow_mut();
                vm.call(f, Args::new(std::slice::from_ref(v)))
            };
            l.sort(Some(&mut call), reverse, &mut lt)?
        }
    }
    Ok(Value::None)
}

fn m_copy(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let l = zelf(z)?;
    Ok(Value::obj(PyObject::List(l.copy())))
}

fn m_clear(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let l = zelf(z)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `a + b` for two lists.
pub fn concat(a: &PyList, b: &PyList) -> Value {
    let x = a.borrow();
    let y = b.borrow();
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    Value::list(v)
}

/// `a += iterable` (in place; returns `a`).
pub fn inplace_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let l = zelf(a)?;
    let items = protocol::collect(vm, b)?;
    l.extend(items);
    Ok(a.clone())
}

/// `a *= n` (in place; returns `a`).
pub fn inplace_repeat(a: &Value, n: i64) -> PyResult {
    let l = zelf(a)?;
    let rep = sequence::repeat(&l.snapshot(), n)?;
    *l.borrow_mut() = rep;
    Ok(a.clone())
}

pub fn compare(op: CompareOp, a: &PyList, b: &PyList) -> PyResult<bool> {
    sequence::seq_compare(op, &a.snapshot(), &b.snapshot())
}

/// Whether `def` is `list.append` (by address: the table is a static, so
/// its entries have one), which the interpreter runs without a call.
pub fn is_append(def: &MethodDef) -> bool {
    std::ptr::eq(def, &METHODS[0])
}

/// `list.sort(*, key=None, reverse=False)`.
static SORT: Signature = Signature {
    names: &["key", "reverse"],
    positional: 0,
    required: 0,
};

/// The methods of `list`; `append` first (see [`is_append`]).
pub static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "append",
        params: crate::builtins::function::Params::One,
        func: m_append,
    },
    MethodDef {
        name: "extend",
        params: crate::builtins::function::Params::One,
        func: m_extend,
    },
    MethodDef {
        name: "insert",
        params: crate::builtins::function::Params::Positional(2, 2),
        func: m_insert,
    },
    MethodDef {
        name: "pop",
        params: crate::builtins::function::Params::Positional(0, 1),
        func: m_pop,
    },
    MethodDef {
        name: "remove",
        params: crate::builtins::function::Params::One,
        func: m_remove,
    },
    MethodDef {
        name: "index",
        params: crate::builtins::function::Params::Positional(1, 3),
        func: m_index,
    },
    MethodDef {
        name: "count",
        params: crate::builtins::function::Params::One,
        func: m_count,
    },
    MethodDef {
        name: "reverse",
        params: crate::builtins::function::Params::NoArgs,
        func: m_reverse,
    },
    MethodDef {
        name: "sort",
        params: crate::builtins::function::Params::Named(&SORT),
        func: m_sort,
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

/// `l[::2] = values` with a number of values other than the slice's.
fn extended_slice_size_error(given: usize, expected: usize) -> PyErr {
    PyErr::value_error(format!(
        "attempt to assign sequence of size {given} to extended slice of size {expected}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{call_method, repr};

    fn l(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&i| Value::Int(i)).collect())
    }
    fn m(v: &Value, name: &str, args: &[Value]) -> String {
        match call_method(&mut crate::interpreter::Vm::new(), v, name, Args::new(args)) {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }

    #[test]
    fn mutators() {
        let v = l(&[3, 1, 2]);
        m(&v, "append", &[i(4)]);
        m(&v, "insert", &[i(-100), i(0)]);
        m(&v, "insert", &[i(100), i(9)]);
        assert_eq!(repr(&v).unwrap(), "[0, 3, 1, 2, 4, 9]");
        assert_eq!(m(&v, "pop", &[]), "9");
        assert_eq!(m(&v, "pop", &[i(1)]), "3");
        assert_eq!(m(&v, "pop", &[i(10)]), "IndexError: pop index out of range");
        m(&v, "remove", &[i(2)]);
        assert_eq!(repr(&v).unwrap(), "[0, 1, 4]");
        assert_eq!(
            m(&v, "remove", &[i(7)]),
            "ValueError: list.remove(x): x not in list"
        );
        assert_eq!(m(&v, "index", &[i(4)]), "2");
        assert_eq!(m(&v, "index", &[i(7)]), "ValueError: 7 is not in list");
        m(&v, "extend", &[Value::tuple(vec![i(5), i(5)])]);
        assert_eq!(m(&v, "count", &[i(5)]), "2");
        m(&v, "reverse", &[]);
        assert_eq!(repr(&v).unwrap(), "[5, 5, 4, 1, 0]");
        assert_eq!(m(&v, "copy", &[]), "[5, 5, 4, 1, 0]");
        m(&v, "clear", &[]);
        assert_eq!(repr(&v).unwrap(), "[]");
        assert_eq!(m(&v, "pop", &[]), "IndexError: pop from empty list");
    }

    #[test]
    fn sorting() {
        let v = l(&[3, 1, 2]);
        m(&v, "sort", &[]);
        assert_eq!(repr(&v).unwrap(), "[1, 2, 3]");
        // Stability under reverse and mixed types: python3
        // sorted([(1,'b'),(0,'a'),(1,'a')], key=lambda t: t[0], reverse=True)
        let pairs = Value::list(vec![
            Value::tuple(vec![i(1), Value::str("b")]),
            Value::tuple(vec![i(0), Value::str("a")]),
            Value::tuple(vec![i(1), Value::str("a")]),
        ]);
        let mut key = |t: &Value| t.as_tuple_or_subclass().unwrap().get_index(&i(0));
        pairs
            .as_list_or_subclass()
            .unwrap()
            .sort(Some(&mut key), true, &mut protocol::lt)
            .unwrap();
        assert_eq!(repr(&pairs).unwrap(), "[(1, 'b'), (1, 'a'), (0, 'a')]");
        let mixed = Value::list(vec![i(2), Value::float(1.5), Value::bool(true), i(-1)]);
        mixed
            .as_list_or_subclass()
            .unwrap()
            .sort(None, false, &mut protocol::lt)
            .unwrap();
        assert_eq!(repr(&mixed).unwrap(), "[-1, True, 1.5, 2]");
        let bad = Value::list(vec![i(1), Value::str("a")]);
        assert_eq!(
            bad.as_list_or_subclass()
                .unwrap()
                .sort(None, false, &mut protocol::lt)
                .unwrap_err()
                .to_string(),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        let many = Value::list(
            (0..100)
                .map(|k| i((k * 37) % 101))
                .rev()
                .map(|v| Value::tuple(vec![v]))
                .collect(),
        );
        many.as_list_or_subclass()
            .unwrap()
            .sort(None, false, &mut protocol::lt)
            .unwrap();
        let got: Vec<String> = many
            .as_list_or_subclass()
            .unwrap()
            .snapshot()
            .iter()
            .map(|v| repr(v).unwrap())
            .collect();
        let mut want: Vec<i64> = (0..100).map(|k| (k * 37) % 101).collect();
        want.sort();
        assert_eq!(
            got,
            want.iter().map(|w| format!("({w},)")).collect::<Vec<_>>()
        );
    }

    /// A deterministic pseudo-random sequence for the sort tests.
    fn lcg(seed: u64, n: usize, modulo: u64) -> Vec<i64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 33) % modulo) as i64
            })
            .collect()
    }

    fn ints(v: &[Value]) -> Vec<i64> {
        v.iter()
            .map(|x| match x {
                Value::Int(i) => *i,
                _ => panic!("not an int"),
            })
            .collect()
    }

    #[test]
    fn sort_classify() {
        let s = Value::str;
        let t = Value::tuple;
        let c = |v: &[Value]| classify(v.iter());
        assert_eq!(c(&[]), None);
        assert_eq!(
            c(&[i(1), Value::bool(true), i(-3)]),
            Some(Order::Scalar(Scalar::Int))
        );
        assert_eq!(
            c(&[Value::float(1.0), Value::float(-0.0)]),
            Some(Order::Scalar(Scalar::Float))
        );
        assert_eq!(c(&[Value::float(1.0), Value::float(f64::NAN)]), None);
        assert_eq!(c(&[Value::float(1.0), i(1)]), None);
        assert_eq!(c(&[s("é"), s("a")]), Some(Order::Scalar(Scalar::Str)));
        assert_eq!(c(&[s("a"), i(1)]), None);
        // Big ints take the slow path.
        let big = Value::from_bigint(num_bigint::BigInt::from(1u8) << 70);
        assert_eq!(c(&[i(1), big]), None);
        // Tuples: per-position kinds, any lengths.
        assert_eq!(
            c(&[
                t(vec![i(1), s("a")]),
                t(vec![]),
                t(vec![i(0)]),
                t(vec![i(1), s("b"), Value::float(2.0)]),
            ]),
            Some(Order::Tuple)
        );
        assert_eq!(c(&[t(vec![i(1), s("a")]), t(vec![i(1), i(2)])]), None);
        assert_eq!(c(&[t(vec![i(1)]), t(vec![Value::float(f64::NAN)])]), None);
        assert_eq!(c(&[t(vec![t(vec![i(1)])]), t(vec![t(vec![])])]), None);
        assert_eq!(c(&[t(vec![i(1)]), i(1)]), None);
        assert_eq!(c(&[Value::list(vec![i(1)])]), None);
    }

    #[test]
    fn sort_native_orders() {
        let s = Value::str;
        let t = Value::tuple;
        let sorted_repr = |mut v: Vec<Value>, reverse: bool| {
            sort_values(&mut v, None, reverse, &mut protocol::lt).unwrap();
            repr(&Value::list(v)).unwrap()
        };
        // Code-point order is UTF-8 byte order (not UTF-16's).
        assert_eq!(
            sorted_repr(
                vec![s("z"), s("\u{1F600}"), s("é"), s("\u{FFFD}"), s(""), s("Z")],
                false
            ),
            "['', 'Z', 'z', 'é', '\u{FFFD}', '\u{1F600}']"
        );
        // -0.0 == 0.0: stable, in both directions.
        let zeros = vec![Value::float(0.0), Value::float(-0.0), Value::float(-1.5)];
        assert_eq!(sorted_repr(zeros.clone(), false), "[-1.5, 0.0, -0.0]");
        assert_eq!(sorted_repr(zeros, true), "[0.0, -0.0, -1.5]");
        assert_eq!(
            sorted_repr(
                vec![Value::bool(true), i(1), i(0), Value::bool(false)],
                false
            ),
            "[0, False, True, 1]"
        );
        let tuples = vec![
            t(vec![i(1), s("b")]),
            t(vec![i(1)]),
            t(vec![i(1), s("a"), i(5)]),
            t(vec![]),
            t(vec![i(-2), s("z")]),
            t(vec![i(1), s("a")]),
        ];
        assert_eq!(
            sorted_repr(tuples.clone(), false),
            "[(), (-2, 'z'), (1,), (1, 'a'), (1, 'a', 5), (1, 'b')]"
        );
        assert_eq!(
            sorted_repr(tuples, true),
            "[(1, 'b'), (1, 'a', 5), (1, 'a'), (1,), (-2, 'z'), ()]"
        );
    }

    /// The native paths and the `lt` path agree (same stable order).
    #[test]
    fn sort_native_matches_lt() {
        let data = lcg(7, 500, 40);
        let make: Vec<Box<dyn Fn(i64, i64) -> Value>> = vec![
            Box::new(|x, _| i(x - 20)),
            Box::new(|x, _| Value::float((x as f64 - 20.0) / 4.0)),
            Box::new(|x, _| Value::str(format!("{}é{}", x % 7, x))),
            Box::new(|x, y| Value::tuple(vec![i(x % 5), Value::str(format!("{}", y % 3)), i(x)])),
            Box::new(|x, y| Value::tuple((0..(x % 4)).map(|k| i((y + k) % 3)).collect())),
        ];
        for f in &make {
            for reverse in [false, true] {
                // Positions sorted by their keys: the positions show
                // stability.
                let keyed = |native: bool| {
                    let keys: Vec<Value> = data
                        .iter()
                        .enumerate()
                        .map(|(n, &x)| f(x, n as i64))
                        .collect();
                    let mut positions: Vec<u32> = (0..keys.len() as u32).collect();
                    let keys = Keys(&keys);
                    if native {
                        sort_reversible(&mut positions, &keys, reverse, &mut protocol::lt).unwrap();
                    } else {
                        if reverse {
                            positions.reverse();
                        }
                        sort_by_lt(&mut positions, &keys, &mut protocol::lt).unwrap();
                        if reverse {
                            positions.reverse();
                        }
                    }
                    positions
                };
                assert_eq!(keyed(true), keyed(false));
            }
        }
    }

    /// The `lt` path: stable, adaptive, matches a reference stable sort.
    #[test]
    fn sort_by_lt_stable_and_adaptive() {
        for n in [0, 1, 2, 3, 10, 63, 64, 65, 100, 257, 1000] {
            for modulo in [3, 1000] {
                let data = lcg(n as u64 + modulo, n, modulo);
                let mut runs = data.clone();
                for chunk in runs.chunks_mut(37) {
                    chunk.sort();
                }
                let mut down = data.clone();
                down.sort_by(|a, b| b.cmp(a));
                for input in [data.clone(), runs, down] {
                    // Sort indexes by the value they point at: equal values
                    // must keep their original order.
                    let mut v: Vec<Value> = (0..n as i64).map(i).collect();
                    let mut count = 0;
                    let mut lt = |a: &Value, b: &Value| {
                        count += 1;
                        let (a, b) = (small_int(a) as usize, small_int(b) as usize);
                        Ok(input[a] < input[b])
                    };
                    sort_by_lt(&mut v, &Itself, &mut lt).unwrap();
                    let mut want: Vec<i64> = (0..n as i64).collect();
                    want.sort_by_key(|&k| input[k as usize]);
                    assert_eq!(ints(&v), want, "n={n} modulo={modulo}");
                }
            }
            // Sorted and strictly descending input: n - 1 comparisons.
            for input in [
                (0..n as i64).collect::<Vec<_>>(),
                (0..n as i64).rev().collect(),
            ] {
                let mut v: Vec<Value> = input.iter().map(|&x| i(x)).collect();
                let mut count = 0;
                let mut lt = |a: &Value, b: &Value| {
                    count += 1;
                    protocol::lt(a, b)
                };
                sort_by_lt(&mut v, &Itself, &mut lt).unwrap();
                assert_eq!(ints(&v), (0..n as i64).collect::<Vec<_>>());
                assert_eq!(count, n.saturating_sub(1));
            }
        }
    }

    /// `permute` puts each item where its position says, whatever the
    /// cycles of the permutation (fixed points, one long cycle, many
    /// short ones), and leaves the positions the identity.
    #[test]
    fn permute_follows_every_cycle() {
        for n in [0usize, 1, 2, 3, 7, 64, 1000] {
            let shuffled = lcg(n as u64 + 5, n, 1 << 30);
            let mut orders: Vec<Vec<u32>> = vec![
                (0..n as u32).collect(),
                (0..n as u32).rev().collect(),
                (0..n as u32).map(|k| (k + 1) % n.max(1) as u32).collect(),
            ];
            let mut by_random: Vec<u32> = (0..n as u32).collect();
            by_random.sort_by_key(|&k| shuffled[k as usize]);
            orders.push(by_random);
            for positions in orders {
                let mut items: Vec<Value> = (0..n as i64).map(|k| i(k * 10)).collect();
                let mut moved = positions.clone();
                permute(&mut items, &mut moved);
                let want: Vec<i64> = positions.iter().map(|&k| k as i64 * 10).collect();
                assert_eq!(ints(&items), want, "n={n}");
                assert!(moved.iter().enumerate().all(|(k, &p)| p as usize == k));
            }
        }
    }

    /// An inconsistent `<` never panics nor loses items; an error stops the
    /// sort at once, is returned, and leaves every item in the list.
    #[test]
    fn sort_by_lt_inconsistent_and_errors() {
        for n in [5, 50, 64, 300, 1000] {
            let data = lcg(n as u64, n, 100);
            let mut want = data.clone();
            want.sort();
            let mut v: Vec<Value> = data.iter().map(|&x| i(x)).collect();
            let mut flips = lcg(3, 1 << 16, 2).into_iter().cycle();
            let mut liar = |_: &Value, _: &Value| Ok(flips.next() == Some(1));
            sort_values(&mut v, None, true, &mut liar).unwrap();
            let mut got = ints(&v);
            got.sort();
            assert_eq!(got, want);
            for fail_at in [0, 1, n / 2, 3 * n, 8 * n] {
                let mut v: Vec<Value> = data.iter().map(|&x| i(x)).collect();
                let mut calls = 0;
                let mut lt = |a: &Value, b: &Value| {
                    calls += 1;
                    if calls > fail_at {
                        return Err(PyErr::zero_division("boom"));
                    }
                    protocol::lt(a, b)
                };
                let result = sort_by_lt(&mut v, &Itself, &mut lt);
                let mut got = ints(&v);
                if fail_at < n - 1 {
                    let err = result.unwrap_err();
                    assert_eq!(err.to_string(), "ZeroDivisionError: boom");
                    assert_eq!(calls, fail_at + 1, "stops at the first error");
                } else if result.is_ok() {
                    assert_eq!(got, want);
                }
                got.sort();
                assert_eq!(got, want);
            }
        }
        // A key function that raises leaves the items untouched.
        let mut v = vec![i(3), i(1), i(2)];
        let mut key = |x: &Value| match x {
            Value::Int(2) => Err(PyErr::zero_division("division by zero")),
            _ => Ok(x.clone()),
        };
        let err = sort_values(&mut v, Some(&mut key), false, &mut protocol::lt).unwrap_err();
        assert_eq!(err.to_string(), "ZeroDivisionError: division by zero");
        assert_eq!(ints(&v), [3, 1, 2]);
        // The error CPython reports: `later < earlier` fails first.
        let mut v = vec![i(3), i(1), i(2), Value::str("a"), i(0)];
        let err = sort_values(&mut v, None, false, &mut protocol::lt).unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(repr(&Value::list(v)).unwrap(), "[1, 2, 3, 'a', 0]");
    }

    #[test]
    fn slices() {
        let v = l(&[0, 1, 2, 3, 4, 5]);
        let lst = v.as_list_or_subclass().unwrap();
        let s = |a: Value, b: Value, c: Value| PySlice::new(a, b, c);
        lst.set_slice(&s(i(1), i(3), Value::None), vec![i(9)])
            .unwrap();
        assert_eq!(repr(&v).unwrap(), "[0, 9, 3, 4, 5]");
        let e = lst
            .set_slice(&s(Value::None, Value::None, i(2)), vec![i(1), i(2)])
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: attempt to assign sequence of size 2 to extended slice of size 3"
        );
        lst.del_slice(&s(Value::None, Value::None, i(2))).unwrap();
        assert_eq!(repr(&v).unwrap(), "[9, 4]");
        assert_eq!(
            lst.get_index(&i(2)).unwrap_err().to_string(),
            "IndexError: list index out of range"
        );
        assert_eq!(
            lst.get_index(&Value::str("x")).unwrap_err().to_string(),
            "TypeError: list indices must be integers or slices, not str"
        );
    }

    #[test]
    fn recursive_repr() {
        let v = l(&[1]);
        v.as_list_or_subclass().unwrap().append(v.clone());
        assert_eq!(repr(&v).unwrap(), "[1, [...]]");
        // Break the cycle so the test does not leak.
        v.as_list_or_subclass().unwrap().borrow_mut().clear();
    }
}
