//! Iterator objects for the builtin iterables, plus `zip`, `enumerate`,
//! `map`, `filter` and `reversed`. State lives in `Cell`s so an iterator
//! advances through a shared `&`. `map`/`filter` call back into the
//! interpreter through `&mut Vm`.

use std::cell::Cell;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::ViewKind;
use crate::builtins::exception::PyErr;
use crate::builtins::str::char_value;
use crate::builtins::tuple::{loosen_pair, pair, reused_pair};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::value::Value;

pub enum IterKind {
    /// list_iterator / tuple_iterator / bytes_iterator: reads the
    /// sequence live, so appends during iteration are seen (as in CPython).
    Seq {
        seq: Value,
        index: Cell<usize>,
    },
    /// str_ascii_iterator / str_iterator: walks by byte offset.
    Str {
        s: Value,
        pos: Cell<usize>,
    },
    Range {
        next: Cell<i64>,
        step: i64,
        remaining: Cell<usize>,
    },
    /// dict_keyiterator / dict_valueiterator / dict_itemiterator.
    Dict {
        dict: Value,
        kind: ViewKind,
        pos: Cell<usize>,
        len: Cell<usize>,
        /// The items iterator's last pair, refilled when the loop dropped
        /// it (`reused_pair`), as CPython's dict item iterator reuses its
        /// result tuple: `for k, v in d.items()` allocates nothing.
        result: std::cell::RefCell<Value>,
    },
    /// dict_reversekeyiterator / dict_reversevalueiterator /
    /// dict_reverseitemiterator: walks the entries back from the end, `pos`
    /// one past the next one's position. `len` is the dict's size when the
    /// iterator was made (a change raises, and keeps raising:
    /// `REVERSED_BROKEN`; `REVERSED_DONE` once exhausted, when CPython
    /// lets go of the dict); `remaining` counts what is left.
    DictReversed {
        dict: Value,
        kind: ViewKind,
        pos: Cell<usize>,
        len: Cell<usize>,
        remaining: Cell<usize>,
    },
    /// set_iterator: walks the table's slots. `used` is the set's size
    /// when the iterator was made (a change raises); `pos` is `usize::MAX`
    /// once exhausted (CPython lets go of the set then).
    Set {
        set: Value,
        pos: Cell<usize>,
        used: Cell<usize>,
        remaining: Cell<usize>,
    },
    /// list_reverseiterator / reversed.
    Reversed {
        seq: Value,
        remaining: Cell<usize>,
    },
    Zip {
        iters: Vec<Value>,
        /// The last pair returned by a zip of two, refilled when unshared
        /// (`reused_pair`), as CPython's zip reuses its result tuple.
        result: std::cell::RefCell<Value>,
    },
    Enumerate {
        iter: Value,
        count: Cell<i64>,
        /// The last pair returned, refilled when unshared (`reused_pair`).
        result: std::cell::RefCell<Value>,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `zip(..., strict=True)`: raises ValueError when lengths differ.
    ZipStrict {
        iters: Vec<Value>,
    },
    /// `iter(callable, sentinel)`: calls until the result equals sentinel.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol (`iterator`): `obj[0]`, `obj[1]`... through
    /// the object's `__getitem__` until IndexError or StopIteration.
    GetItem {
        object: Value,
        index: Cell<i64>,
    },
    /// `reversed(obj)` through `__len__` and `__getitem__`: `obj[n-1]`,
    /// ..., `obj[0]`, one at a time (`index` is the next one + 1).
    GetItemReversed {
        object: Value,
        index: Cell<i64>,
    },
    /// Iterates over a snapshot (dict views' reversed, etc.).
    Snapshot {
        items: Vec<Value>,
        index: Cell<usize>,
        /// The type name it reports (`iterator`, `reversed`...).
        name: &'static str,
    },
}

pub struct PyIterator {
    pub kind: IterKind,
    done: Cell<bool>,
}

impl PyIterator {
    pub fn new(kind: IterKind) -> PyIterator {
        PyIterator {
            kind,
            done: Cell::new(false),
        }
    }

    /// Whether it has ended (it yields nothing more, whatever its state).
    pub(crate) fn is_exhausted(&self) -> bool {
        self.done.get()
    }

    pub(crate) fn mark_exhausted(&self) {
        self.done.set(true);
    }

    pub fn into_value(self) -> Value {
        Value::obj(PyObject::Iterator(Box::new(self)))
    }

    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            IterKind::Seq { seq, .. } => match seq.as_obj() {
                Some(PyObject::List(_)) => "list_iterator",
                Some(PyObject::Bytes(_)) => "bytes_iterator",
                _ => "tuple_iterator",
            },
            IterKind::Str { s, .. } => match s.as_str_or_subclass() {
                Some(x) if x.is_ascii() => "str_ascii_iterator",
                _ => "str_iterator",
            },
            IterKind::Range { .. } => "range_iterator",
            IterKind::Dict { kind, .. } => match kind {
                ViewKind::Keys => "dict_keyiterator",
                ViewKind::Values => "dict_valueiterator",
                ViewKind::Items => "dict_itemiterator",
            },
            IterKind::DictReversed { kind, .. } => match kind {
                ViewKind::Keys => "dict_reversekeyiterator",
                ViewKind::Values => "dict_reversevalueiterator",
                ViewKind::Items => "dict_reverseitemiterator",
            },
            IterKind::Set { .. } => "set_iterator",
            IterKind::Reversed { seq, .. } => match seq.as_obj() {
                Some(PyObject::List(_)) => "list_reverseiterator",
                Some(PyObject::Range(_)) => "range_iterator",
                _ => "reversed",
            },
            IterKind::Zip { .. } | IterKind::ZipStrict { .. } => "zip",
            IterKind::Callable { .. } => "callable_iterator",
            IterKind::Enumerate { .. } => "enumerate",
            IterKind::Map { .. } => "map",
            IterKind::Filter { .. } => "filter",
            IterKind::Snapshot { name, .. } => name,
            IterKind::GetItem { .. } => "iterator",
            IterKind::GetItemReversed { .. } => "reversed",
        }
    }

    /// Whether the type of this iterator has `__length_hint__`: the
    /// iterators of the builtin containers, `reversed` and the sequence
    /// protocol's `iterator` do; `zip`, `map`, `enumerate`, `filter` and
    /// `callable_iterator` do not. (Each type name belongs to kinds that
    /// agree, as the type is made once per name.)
    pub fn has_length_hint(&self) -> bool {
        !matches!(
            self.kind,
            IterKind::Zip { .. }
                | IterKind::ZipStrict { .. }
                | IterKind::Callable { .. }
                | IterKind::Enumerate { .. }
                | IterKind::Map { .. }
                | IterKind::Filter { .. }
        )
    }

    /// `it.__length_hint__()`: how many items are left (`None` when the
    /// iterator cannot tell without running code).
    pub fn length_hint(&self) -> Option<usize> {
        if self.done.get() {
            return Some(0);
        }
        Some(match &self.kind {
            IterKind::Seq { seq, index } => {
                let len = match seq.as_obj() {
                    Some(PyObject::List(l)) => l.len(),
                    Some(PyObject::Tuple(t)) => t.as_slice().len(),
                    Some(PyObject::Bytes(b)) => b.len(),
                    _ => 0,
                };
                len.saturating_sub(index.get())
            }
            IterKind::Str { s, pos } => s
                .as_str_or_subclass()
                .and_then(|st| st.as_str().get(pos.get()..))
                .map_or(0, |rest| rest.chars().count()),
            IterKind::Range { remaining, .. } | IterKind::Reversed { remaining, .. } => {
                remaining.get()
            }
            IterKind::Dict { dict, pos, len, .. } => match dict.as_dict_or_subclass() {
                Some(d) if d.table().len() == len.get() => len.get().saturating_sub(pos.get()),
                _ => 0,
            },
            IterKind::DictReversed {
                dict,
                len,
                remaining,
                ..
            } => match dict.as_dict_or_subclass() {
                Some(d) if d.len() == len.get() => remaining.get(),
                _ => 0,
            },
            IterKind::Set {
                set,
                pos,
                used,
                remaining,
            } => match set.as_anyset_or_subclass() {
                Some(s) if pos.get() != usize::MAX && s.len() == used.get() => remaining.get(),
                _ => 0,
            },
            IterKind::Snapshot { items, index, .. } => items.len().saturating_sub(index.get()),
            IterKind::GetItemReversed { index, .. } => usize::try_from(index.get()).unwrap_or(0),
            _ => return None,
        })
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        match &self.kind {
            IterKind::Seq { seq, .. } | IterKind::Reversed { seq, .. } => visit(seq),
            IterKind::Str { s, .. } => visit(s),
            IterKind::Range { .. } => {}
            IterKind::Dict { dict, result, .. } => {
                visit(dict);
                if let Ok(result) = result.try_borrow() {
                    visit(&result);
                }
            }
            IterKind::DictReversed { dict, .. } => visit(dict),
            IterKind::Set { set, .. } => visit(set),
            IterKind::Zip { iters, result } => {
                iters.iter().for_each(&mut *visit);
                if let Ok(result) = result.try_borrow() {
                    visit(&result);
                }
            }
            IterKind::ZipStrict { iters } => iters.iter().for_each(visit),
            IterKind::Callable { func, sentinel } => {
                visit(func);
                visit(sentinel);
            }
            IterKind::Enumerate { iter, result, .. } => {
                visit(iter);
                if let Ok(result) = result.try_borrow() {
                    visit(&result);
                }
            }
            IterKind::Map { func, iters } => {
                visit(func);
                iters.iter().for_each(visit);
            }
            IterKind::Filter { func, iter } => {
                visit(func);
                visit(iter);
            }
            IterKind::Snapshot { items, .. } => items.iter().for_each(visit),
            IterKind::GetItem { object, .. } | IterKind::GetItemReversed { object, .. } => {
                visit(object)
            }
        }
    }

    /// The next item of a range or list/tuple iterator, which needs no
    /// VM and cannot fail: `Some(None)` when it is exhausted, `None` for
    /// the other kinds (then [`PyIterator::next`]). Out of line, so that
    /// the dispatch loop's FOR_ITER and the iterators built on others
    /// (`zip`, `enumerate`) share one copy.
    #[inline(never)]
    pub fn next_builtin(&self) -> Option<Option<Value>> {
        match &self.kind {
            IterKind::Range {
                next,
                step,
                remaining,
            } => Some(match remaining.get() {
                0 => None,
                n => {
                    remaining.set(n - 1);
                    let value = next.get();
                    next.set(value.wrapping_add(*step));
                    Some(Value::Int(value))
                }
            }),
            IterKind::Seq { seq, index } => {
                // An exhausted list iterator stays exhausted when the list
                // grows afterwards, as in CPython.
                if self.done.get() {
                    return Some(None);
                }
                let i = index.get();
                let item = match seq.as_obj() {
                    Some(PyObject::List(l)) => l.get(i),
                    Some(PyObject::Tuple(t)) => t.as_slice().get(i).cloned(),
                    _ => return None,
                };
                match item {
                    Some(_) => index.set(i + 1),
                    None => self.done.set(true),
                }
                Some(item)
            }
            _ => None,
        }
    }

    /// FOR_ITER's second path: the next item of an iterator whose step
    /// needs no interpreter — a dict's keys, values or items or a set's
    /// keys while the size is unchanged, and `enumerate` or a two-way `zip` over
    /// range, list or tuple iterators (their pair reused as the general
    /// path reuses it). `None` for any other iterator, or once a dict's
    /// size changed (the general path then raises).
    #[inline(never)]
    pub(crate) fn next_without_vm(&self) -> Option<Option<Value>> {
        let (dict, kind, pos, len, result) = match &self.kind {
            IterKind::Dict {
                dict,
                kind,
                pos,
                len,
                result,
            } => (dict, kind, pos, len, result),
            IterKind::Enumerate {
                iter,
                count,
                result,
            } if steps_without_vm(iter) || pairs_without_vm(iter) => {
                if self.done.get() {
                    return Some(None);
                }
                loosen_pair(result);
                let stepped = match steps_without_vm(iter) {
                    true => next_fast(iter),
                    // (A dict whose size changed: the general path raises.)
                    false => match iter.as_obj() {
                        Some(PyObject::Iterator(inner)) => inner.next_without_vm()?.into(),
                        _ => None,
                    },
                };
                let Some(Some(item)) = stepped else {
                    self.done.set(true);
                    return Some(None);
                };
                let c = count.get();
                count.set(c.wrapping_add(1));
                return Some(Some(reused_pair(result, Value::Int(c), item)));
            }
            IterKind::Zip { iters, result }
                if let [first, second] = iters.as_slice()
                    && steps_without_vm(first)
                    && steps_without_vm(second) =>
            {
                if self.done.get() {
                    return Some(None);
                }
                loosen_pair(result);
                let pair = self.step_two(first, second);
                return Some(pair.map(|(a, b)| reused_pair(result, a, b)));
            }
            // A set's keys while its size is unchanged (the general path
            // raises once it changed).
            IterKind::Set {
                set,
                pos,
                used,
                remaining,
            } => {
                if self.done.get() || pos.get() == usize::MAX {
                    return Some(None);
                }
                let table = set.as_anyset_or_subclass()?.table();
                if table.len() != used.get() {
                    return None;
                }
                let key = next_set_key(&table, pos, remaining);
                if key.is_none() {
                    self.done.set(true);
                }
                return Some(key);
            }
            _ => return None,
        };
        match kind {
            ViewKind::Keys => self.step_dict(dict, pos, len, |k, _| k.clone()),
            ViewKind::Values => self.step_dict(dict, pos, len, |_, v| v.clone()),
            ViewKind::Items => {
                let item = self.step_dict(dict, pos, len, |k, v| (k.clone(), v.clone()));
                item.map(|item| item.map(|(k, v)| reused_pair(result, k, v)))
            }
        }
    }

    /// The next items of a two-way zip's iterators (ones `next_fast`
    /// steps), or `None` (and done) once one is exhausted. The second is
    /// not stepped once the first is exhausted, as in CPython: it may be
    /// iterated on afterwards.
    #[inline(always)]
    fn step_two(&self, first: &Value, second: &Value) -> Option<(Value, Value)> {
        let pair = match next_fast(first) {
            Some(Some(a)) => match next_fast(second) {
                Some(Some(b)) => Some((a, b)),
                _ => None,
            },
            _ => None,
        };
        if pair.is_none() {
            self.done.set(true);
        }
        pair
    }

    /// The entry of a dict iterator's `dict` at `pos` or after, as `take`
    /// reads it (`pos` moves past it): `Some(None)` at the end, `None`
    /// once the dict's size is no longer `len` (the general path raises).
    #[inline(always)]
    fn step_dict<R>(
        &self,
        dict: &Value,
        pos: &Cell<usize>,
        len: &Cell<usize>,
        take: impl FnOnce(&Value, &Value) -> R,
    ) -> Option<Option<R>> {
        if self.done.get() {
            return Some(None);
        }
        let Some(PyObject::Dict(d)) = dict.as_obj() else {
            return None;
        };
        let table = d.table();
        if table.len() != len.get() {
            return None;
        }
        let Some((i, k, v)) = table.entry_from(pos.get()) else {
            self.done.set(true);
            return Some(None);
        };
        pos.set(i + 1);
        Some(Some(take(k, v)))
    }

    /// `for a, b in ...` (FOR_ITER, UNPACK_SEQUENCE 2) over `enumerate`
    /// or a two-way `zip` of range, list or tuple iterators, or a dict's
    /// items: the next pair's two items themselves, without the pair (no
    /// tuple refilled, then unpacked and released). `None` for any other
    /// iterator, or once a dict's size changed: FOR_ITER's other paths
    /// then step it (and raise).
    #[inline(never)]
    pub(crate) fn next_pair_without_vm(&self) -> Option<Option<(Value, Value)>> {
        match &self.kind {
            IterKind::Enumerate { iter, count, .. } if steps_without_vm(iter) => {
                if self.done.get() {
                    return Some(None);
                }
                let Some(Some(item)) = next_fast(iter) else {
                    self.done.set(true);
                    return Some(None);
                };
                let c = count.get();
                count.set(c.wrapping_add(1));
                Some(Some((Value::Int(c), item)))
            }
            IterKind::Zip { iters, .. }
                if let [first, second] = iters.as_slice()
                    && steps_without_vm(first)
                    && steps_without_vm(second) =>
            {
                if self.done.get() {
                    return Some(None);
                }
                Some(self.step_two(first, second))
            }
            IterKind::Dict {
                dict,
                kind: ViewKind::Items,
                pos,
                len,
                ..
            } => self.step_dict(dict, pos, len, |k, v| (k.clone(), v.clone())),
            _ => None,
        }
    }

    /// Advance; `Ok(None)` when exhausted (and forever after).
    pub fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done.get() {
            return Ok(None);
        }
        let r = match self.next_inner(vm) {
            Ok(r) => r,
            // Python code the iterator called (map's function) raised
            // StopIteration: the iteration ends there, as CPython's
            // `tp_iternext` returning NULL with it set does; the next call
            // goes on.
            Err(err) if err.matches(crate::typeobject::ExcType::StopIteration) => {
                return Ok(None);
            }
            Err(err) => return Err(err),
        };
        if r.is_none() {
            self.done.set(true);
        }
        Ok(r)
    }

    fn next_inner(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match &self.kind {
            IterKind::Seq { seq, index } => {
                let i = index.get();
                let item = match seq.as_obj() {
                    Some(PyObject::List(l)) => l.get(i),
                    Some(PyObject::Tuple(t)) => t.as_slice().get(i).cloned(),
                    Some(PyObject::Bytes(b)) => b.as_bytes().get(i).map(|&c| Value::Int(c as i64)),
                    _ => None,
                };
                if item.is_some() {
                    index.set(i + 1);
                }
                Ok(item)
            }
            IterKind::Str { s, pos } => {
                let Some(st) = s.as_str_or_subclass() else {
                    return Ok(None);
                };
                let p = pos.get();
                match st.as_str()[p..].chars().next() {
                    Some(c) => {
                        pos.set(p + c.len_utf8());
                        Ok(Some(char_value(c)))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Range {
                next,
                step,
                remaining,
            } => {
                let n = remaining.get();
                if n == 0 {
                    return Ok(None);
                }
                remaining.set(n - 1);
                let v = next.get();
                next.set(v.wrapping_add(*step));
                Ok(Some(Value::Int(v)))
            }
            IterKind::Dict {
                dict,
                kind,
                pos,
                len,
                result,
            } => {
                let Some(d) = dict.as_dict_or_subclass() else {
                    return Ok(None);
                };
                let table = d.table();
                if table.len() != len.get() {
                    // Stay broken: later calls raise again, like CPython.
                    len.set(usize::MAX);
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let Some((i, k, v)) = table.entry_from(pos.get()) else {
                    return Ok(None);
                };
                pos.set(i + 1);
                Ok(Some(match kind {
                    ViewKind::Keys => k.clone(),
                    ViewKind::Values => v.clone(),
                    ViewKind::Items => {
                        let (k, v) = (k.clone(), v.clone());
                        drop(table);
                        reused_pair(result, k, v)
                    }
                }))
            }
            IterKind::DictReversed {
                dict,
                kind,
                pos,
                len,
                remaining,
            } => {
                if len.get() == REVERSED_DONE {
                    return Ok(None);
                }
                let Some(d) = dict.as_dict_or_subclass() else {
                    return Ok(None);
                };
                let table = d.table();
                if table.len() != len.get() {
                    len.set(REVERSED_BROKEN);
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let Some((i, k, v)) = table.entry_before(pos.get()) else {
                    len.set(REVERSED_DONE);
                    return Ok(None);
                };
                pos.set(i);
                remaining.set(remaining.get().saturating_sub(1));
                Ok(Some(match kind {
                    ViewKind::Keys => k.clone(),
                    ViewKind::Values => v.clone(),
                    ViewKind::Items => pair(k.clone(), v.clone()),
                }))
            }
            IterKind::Set {
                set,
                pos,
                used,
                remaining,
            } => {
                let Some(s) = set.as_anyset_or_subclass() else {
                    return Ok(None);
                };
                if pos.get() == usize::MAX {
                    return Ok(None);
                }
                let table = s.table();
                if table.len() != used.get() {
                    // Stays broken: later calls raise again, like CPython.
                    used.set(usize::MAX);
                    return Err(PyErr::runtime_error("Set changed size during iteration"));
                }
                Ok(next_set_key(&table, pos, remaining))
            }
            IterKind::Reversed { seq, remaining } => {
                let n = remaining.get();
                if n == 0 {
                    return Ok(None);
                }
                let i = n - 1;
                remaining.set(i);
                let item = match seq.as_obj() {
                    Some(PyObject::List(l)) => l.get(i),
                    Some(PyObject::Tuple(t)) => t.as_slice().get(i).cloned(),
                    Some(PyObject::Str(s)) => s.char_at(i).map(char_value),
                    Some(PyObject::Range(r)) => Some(Value::Int(r.item(i))),
                    Some(PyObject::Bytes(b)) => b.as_bytes().get(i).map(|&c| Value::Int(c as i64)),
                    _ => None,
                };
                Ok(item)
            }
            IterKind::Zip { iters, result } => {
                if let [first, second] = iters.as_slice() {
                    loosen_pair(result);
                    let Some(a) = next_of(vm, first)? else {
                        return Ok(None);
                    };
                    let Some(b) = next_of(vm, second)? else {
                        return Ok(None);
                    };
                    return Ok(Some(reused_pair(result, a, b)));
                }
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(iters.len());
                for it in iters {
                    match protocol::next(vm, it)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterKind::ZipStrict { iters } => zip_strict_next(vm, iters),
            IterKind::Callable { func, sentinel } => {
                match vm.call(func, Args::default()) {
                    // A StopIteration from the callable also ends the iteration.
                    Err(e) if e.matches(crate::typeobject::ExcType::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                    Ok(v) if v.is(sentinel) || vm.equal(&v, sentinel)? => Ok(None),
                    Ok(v) => Ok(Some(v)),
                }
            }
            IterKind::Enumerate {
                iter,
                count,
                result,
            } => {
                loosen_pair(result);
                match next_of(vm, iter)? {
                    Some(v) => {
                        let c = count.get();
                        count.set(c.wrapping_add(1));
                        Ok(Some(reused_pair(result, Value::Int(c), v)))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Map { func, iters } => {
                let mut args = Vec::with_capacity(iters.len());
                for it in iters {
                    match protocol::next(vm, it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                vm.call(func, Args::new(&args)).map(Some)
            }
            IterKind::Filter { func, iter } => loop {
                let Some(v) = protocol::next(vm, iter)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    vm.truthy_value(&v)?
                } else {
                    let r = crate::interpreter::Vm::call(
                        vm,
                        func,
                        Args::new(std::slice::from_ref(&v)),
                    )?;
                    vm.truthy_value(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            IterKind::GetItemReversed { object, index } => {
                let i = index.get();
                if i <= 0 {
                    return Ok(None);
                }
                index.set(i - 1);
                match vm.subscript_get(object, Value::Int(i - 1)) {
                    Ok(item) => Ok(Some(item)),
                    Err(err)
                        if err.matches(crate::typeobject::ExcType::IndexError)
                            || err.matches(crate::typeobject::ExcType::StopIteration) =>
                    {
                        index.set(0);
                        Ok(None)
                    }
                    Err(err) => Err(err),
                }
            }
            IterKind::GetItem { object, index } => {
                let i = index.get();
                match vm.subscript_get(object, Value::Int(i)) {
                    Ok(item) => {
                        index.set(i + 1);
                        Ok(Some(item))
                    }
                    Err(err)
                        if err.matches(crate::typeobject::ExcType::IndexError)
                            || err.matches(crate::typeobject::ExcType::StopIteration) =>
                    {
                        Ok(None)
                    }
                    Err(err) => Err(err),
                }
            }
            IterKind::Snapshot { items, index, .. } => {
                let i = index.get();
                let item = items.get(i).cloned();
                if item.is_some() {
                    index.set(i + 1);
                }
                Ok(item)
            }
        }
    }
}

/// `iter(v)` for the builtin iterables; `None` if `v` is not one.
pub fn builtin_iter(v: &Value) -> Option<Value> {
    let v = v.builtin_value();
    let Value::Obj(o) = v else { return None };
    let kind = match &**o {
        PyObject::List(_) | PyObject::Tuple(_) | PyObject::Bytes(_) => IterKind::Seq {
            seq: v.clone(),
            index: Cell::new(0),
        },
        PyObject::Str(_) => IterKind::Str {
            s: v.clone(),
            pos: Cell::new(0),
        },
        PyObject::Range(r) => IterKind::Range {
            next: Cell::new(r.start),
            step: r.step,
            remaining: Cell::new(r.len()),
        },
        PyObject::Dict(d) => IterKind::Dict {
            dict: v.clone(),
            kind: ViewKind::Keys,
            pos: Cell::new(0),
            len: Cell::new(d.len()),
            result: std::cell::RefCell::new(Value::None),
        },
        PyObject::DictView(view) => IterKind::Dict {
            dict: view.dict.clone(),
            kind: view.kind,
            pos: Cell::new(0),
            len: Cell::new(view.dict().len()),
            result: std::cell::RefCell::new(Value::None),
        },
        PyObject::Set(s) | PyObject::FrozenSet(s) => IterKind::Set {
            set: v.clone(),
            pos: Cell::new(0),
            used: Cell::new(s.len()),
            remaining: Cell::new(s.len()),
        },
        PyObject::Iterator(_) => return Some(v.clone()),
        _ => return None,
    };
    Some(PyIterator::new(kind).into_value())
}

/// `zip(*iterables)`.
pub fn zip(iters: Vec<Value>) -> Value {
    PyIterator::new(IterKind::Zip {
        iters,
        result: std::cell::RefCell::new(Value::None),
    })
    .into_value()
}

/// One step of `zip(..., strict=True)`, with CPython's messages
/// (`zip() argument 2 is shorter than argument 1`).
fn zip_strict_next(vm: &mut Vm, iters: &[Value]) -> PyResult<Option<Value>> {
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match protocol::next(vm, it)? {
            Some(v) => out.push(v),
            None if i > 0 => return Err(zip_length_error(i, "shorter")),
            None => {
                // The first is exhausted: every other one must be too.
                for (j, other) in iters.iter().enumerate().skip(1) {
                    if protocol::next(vm, other)?.is_some() {
                        return Err(zip_length_error(j, "longer"));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(Value::tuple(out)))
}

fn zip_length_error(i: usize, what: &str) -> PyErr {
    let others = if i == 1 {
        " 1".to_string()
    } else {
        format!("s 1-{i}")
    };
    PyErr::value_error(format!(
        "zip() argument {} is {what} than argument{others}",
        i + 1
    ))
}

/// `zip(*iterables, strict=True)`.
pub fn zip_strict(iters: Vec<Value>) -> Value {
    PyIterator::new(IterKind::ZipStrict { iters }).into_value()
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(func: Value, sentinel: Value) -> Value {
    PyIterator::new(IterKind::Callable { func, sentinel }).into_value()
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate(vm: &mut Vm, iterable: &Value, start: i64) -> PyResult {
    let iter = vm.iterate(iterable)?;
    Ok(PyIterator::new(IterKind::Enumerate {
        iter,
        count: Cell::new(start),
        result: std::cell::RefCell::new(Value::None),
    })
    .into_value())
}

/// `map(func, *iterables)`.
pub fn map(vm: &mut Vm, func: &Value, iterables: &[Value]) -> PyResult {
    if iterables.is_empty() {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(iterables.len());
    for it in iterables {
        iters.push(vm.iterate(it)?);
    }
    Ok(PyIterator::new(IterKind::Map {
        func: func.clone(),
        iters,
    })
    .into_value())
}

/// `filter(func_or_None, iterable)`.
pub fn filter(vm: &mut Vm, func: &Value, iterable: &Value) -> PyResult {
    let iter = vm.iterate(iterable)?;
    Ok(PyIterator::new(IterKind::Filter {
        func: func.clone(),
        iter,
    })
    .into_value())
}

/// `reversed(seq)` for the builtin sequences, dicts and dict views.
pub fn reversed(v: &Value) -> PyResult {
    let v = v.builtin_value();
    let len = match v.as_obj() {
        Some(PyObject::List(l)) => l.len(),
        Some(PyObject::Tuple(t)) => t.len(),
        Some(PyObject::Str(s)) => s.char_len(),
        Some(PyObject::Range(r)) => r.len(),
        Some(PyObject::Bytes(b)) => b.len(),
        Some(PyObject::Dict(_)) => return Ok(dict_reversed(v.clone(), ViewKind::Keys)),
        Some(PyObject::DictView(view)) => {
            return Ok(dict_reversed(view.dict.clone(), view.kind));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                v.type_name()
            )));
        }
    };
    Ok(PyIterator::new(IterKind::Reversed {
        seq: v.clone(),
        remaining: Cell::new(len),
    })
    .into_value())
}

/// [`IterKind::DictReversed`]'s `len` once the iterator is exhausted.
const REVERSED_DONE: usize = usize::MAX - 1;
/// [`IterKind::DictReversed`]'s `len` once the dict changed size.
const REVERSED_BROKEN: usize = usize::MAX;

/// `reversed()` of a dict (of `dict`'s keys, values or items): from the
/// last entry back, without a copy.
fn dict_reversed(dict: Value, kind: ViewKind) -> Value {
    let (len, end) = match dict.as_dict_or_subclass() {
        Some(d) => (d.len(), d.table().end()),
        None => (0, 0),
    };
    PyIterator::new(IterKind::DictReversed {
        dict,
        kind,
        pos: Cell::new(end),
        len: Cell::new(len),
        remaining: Cell::new(len),
    })
    .into_value()
}

/// An iterator over a fixed vector.
pub fn snapshot(items: Vec<Value>) -> Value {
    named_snapshot(items, "iterator")
}

/// An iterator over `items` whose type is called `name`.
pub fn named_snapshot(items: Vec<Value>, name: &'static str) -> Value {
    PyIterator::new(IterKind::Snapshot {
        items,
        index: Cell::new(0),
        name,
    })
    .into_value()
}

impl PyIterator {
    /// `it.__reduce__()` of a container's iterator, as CPython's: `iter`
    /// and the container (what is left of a dict's or set's as a list),
    /// with the position for the indexed kinds; `None` for the kinds
    /// that do not pickle.
    fn reduce_parts(&self) -> Option<(Value, Option<usize>)> {
        let exhausted = |seq: &Value| match seq.as_obj() {
            Some(PyObject::List(_)) => Value::list(Vec::new()),
            Some(PyObject::Str(_)) => Value::str(""),
            _ => Value::tuple(Vec::new()),
        };
        Some(match &self.kind {
            IterKind::Seq { seq, .. } if self.done.get() => (exhausted(seq), None),
            IterKind::Seq { seq, index } => (seq.clone(), Some(index.get())),
            IterKind::Str { s, pos } => {
                let text = s.as_str_or_subclass()?;
                if self.done.get() {
                    (Value::str(""), None)
                } else {
                    (s.clone(), Some(text.char_index(pos.get())))
                }
            }
            IterKind::Range {
                next,
                step,
                remaining,
            } => {
                // (The range left, from where the iterator is.)
                let stop = next.get() + *step * remaining.get() as i64;
                let range = crate::builtins::range::PyRange::new(next.get(), stop, *step).ok()?;
                (Value::obj(PyObject::Range(range)), Some(0))
            }
            IterKind::Reversed { seq, remaining } => match remaining.get() {
                0 => (Value::list(Vec::new()), None),
                _ => (seq.clone(), Some(remaining.get() - 1)),
            },
            IterKind::Dict { .. } | IterKind::Set { .. } => {
                (Value::list(self.remaining_items()), None)
            }
            _ => return None,
        })
    }

    /// What a dict's or set's iterator has left, without stepping it.
    fn remaining_items(&self) -> Vec<Value> {
        let mut items = Vec::new();
        match &self.kind {
            IterKind::Dict {
                dict, kind, pos, ..
            } if !self.done.get() => {
                if let Some(d) = dict.as_dict_or_subclass() {
                    let table = d.table();
                    let mut at = pos.get();
                    while let Some((i, k, v)) = table.entry_from(at) {
                        items.push(match kind {
                            ViewKind::Keys => k.clone(),
                            ViewKind::Values => v.clone(),
                            ViewKind::Items => pair(k.clone(), v.clone()),
                        });
                        at = i + 1;
                    }
                }
            }
            IterKind::Set { set, pos, .. } if !self.done.get() && pos.get() != usize::MAX => {
                if let Some(s) = set.as_anyset_or_subclass() {
                    let table = s.table();
                    let mut at = pos.get();
                    while let Some((i, _, key)) = table.next_live(at) {
                        items.push(key);
                        at = i + 1;
                    }
                }
            }
            _ => {}
        }
        items
    }

    /// `it.__setstate__(n)` of an indexed iterator: goes on from item
    /// `n` (clamped to the sequence); an exhausted one stays so.
    fn set_position(&self, n: i64) -> bool {
        let n = n.max(0) as usize;
        match &self.kind {
            IterKind::Seq { seq, index } => {
                if !self.done.get() {
                    let len = crate::protocol::len(seq).unwrap_or(0);
                    index.set(n.min(len));
                }
                true
            }
            IterKind::Str { s, pos } => {
                if !self.done.get()
                    && let Some(text) = s.as_str_or_subclass()
                {
                    pos.set(text.byte_offset(n.min(text.char_len())));
                }
                true
            }
            // (Relative to where it is: `__reduce__` gives the range left
            // and 0, which is all unpickling asks.)
            IterKind::Range {
                next,
                step,
                remaining,
            } => {
                let skipped = n.min(remaining.get());
                next.set(next.get() + *step * skipped as i64);
                remaining.set(remaining.get() - skipped);
                true
            }
            IterKind::Reversed { seq, remaining } => {
                if remaining.get() > 0 || n > 0 {
                    let len = crate::protocol::len(seq).unwrap_or(0);
                    // (The state is the index of the next item back.)
                    remaining.set((n + 1).min(len));
                }
                true
            }
            _ => false,
        }
    }
}

/// The methods of the builtin containers' iterators (their `__iter__` and
/// `__next__` are the generic slot wrappers).
pub static CONTAINER_ITERATOR_METHODS: &[crate::builtins::function::MethodDef] = &[
    crate::builtins::function::MethodDef {
        name: "__reduce__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| {
            let parts = match receiver.as_obj() {
                Some(PyObject::Iterator(it)) => it.reduce_parts(),
                _ => None,
            };
            let Some((source, position)) = parts else {
                return Err(PyErr::type_error(format!(
                    "cannot pickle '{}' object",
                    receiver.type_name()
                )));
            };
            // A reversed list's iterator is remade by `reversed`.
            let maker = match receiver.as_obj() {
                Some(PyObject::Iterator(it)) if matches!(&it.kind, IterKind::Reversed { remaining, .. } if remaining.get() > 0) => {
                    "reversed"
                }
                _ => "iter",
            };
            let iter = vm
                .builtins
                .as_dict()
                .and_then(|b| b.get_item(&Value::str(maker)).ok().flatten())
                .unwrap_or(Value::None);
            let mut parts = vec![iter, Value::tuple(vec![source])];
            if let Some(position) = position {
                parts.push(Value::from(position));
            }
            Ok(Value::tuple(parts))
        },
    },
    crate::builtins::function::MethodDef {
        name: "__setstate__",
        params: crate::builtins::function::Params::One,
        func: |vm, receiver, args| {
            let n = match &args.pos[0] {
                Value::Int(n) => *n,
                Value::Bool(b) => i64::from(b.get()),
                other if crate::interpreter::class::user_class_ref(other).is_some() => {
                    crate::sequence::index_arg(vm, other, "state")?
                }
                _ => return Err(PyErr::type_error("an integer is required")),
            };
            match receiver.as_obj() {
                Some(PyObject::Iterator(it)) if it.set_position(n) => Ok(Value::None),
                _ => Err(PyErr::new(
                    crate::typeobject::ExcType::AttributeError,
                    format!(
                        "'{}' object has no attribute '__setstate__'",
                        receiver.type_name()
                    ),
                )),
            }
        },
    },
    crate::builtins::function::MethodDef {
        name: "__length_hint__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| {
            let hint = match receiver.as_obj() {
                Some(PyObject::Iterator(it)) => it.length_hint(),
                _ => None,
            };
            if let Some(hint) = hint {
                return Ok(Value::from(hint));
            }
            // The old sequence protocol's iterator: `len()` of its object
            // less the items given; NotImplemented when it has no length
            // (CPython's `iter_len`).
            if let Some(PyObject::Iterator(it)) = receiver.as_obj()
                && let IterKind::GetItem { object, index } = &it.kind
            {
                if it.done.get() {
                    return Ok(Value::Int(0));
                }
                let object = object.clone();
                let sized = match crate::interpreter::class::user_class_ref(&object) {
                    Some(class) => class.defines(crate::typeobject::Slot::Len),
                    None => crate::protocol::len(&object).is_ok(),
                };
                if sized {
                    let length = vm.length(&object)?;
                    let left = (length as i64).saturating_sub(index.get()).max(0);
                    return Ok(Value::Int(left));
                }
            }
            Ok(Value::NotImplemented)
        },
    },
];

/// The next item of a range or list/tuple iterator: `Some(None)` when it
/// is exhausted, `None` for other values (the general path). The kind
/// test is inlined: a generator or an instance, which FOR_ITER resumes or
/// calls instead, costs no call here.
#[inline(always)]
pub(crate) fn next_fast(iterator: &Value) -> Option<Option<Value>> {
    let Some(PyObject::Iterator(it)) = iterator.as_obj() else {
        return None;
    };
    it.next_builtin()
}

/// Whether `iterator` is a dict's or a two-way zip's over what
/// [`next_fast`] steps, which [`PyIterator::next_without_vm`] steps
/// without recursing further: `enumerate(d.items())`,
/// `enumerate(zip(a, b))`.
fn pairs_without_vm(iterator: &Value) -> bool {
    match iterator.as_obj() {
        Some(PyObject::Iterator(it)) => match &it.kind {
            IterKind::Dict { .. } => true,
            IterKind::Zip { iters, .. } => {
                matches!(iters.as_slice(), [a, b] if steps_without_vm(a) && steps_without_vm(b))
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether [`next_fast`] steps `iterator` (a range's, or a list's or
/// tuple's): then it never needs the general protocol.
pub(crate) fn steps_without_vm(iterator: &Value) -> bool {
    match iterator.as_obj() {
        Some(PyObject::Iterator(it)) => match &it.kind {
            IterKind::Range { .. } => true,
            IterKind::Seq { seq, .. } => {
                matches!(seq.as_obj(), Some(PyObject::List(_) | PyObject::Tuple(_)))
            }
            _ => false,
        },
        _ => false,
    }
}

/// The next item of an iterator that another iterator draws from (`zip`,
/// `enumerate`): a range or list/tuple iterator's without the general
/// protocol's layers.
#[inline(always)]
fn next_of(vm: &mut Vm, iterator: &Value) -> PyResult<Option<Value>> {
    match next_fast(iterator) {
        Some(item) => Ok(item),
        None => protocol::next(vm, iterator),
    }
}

/// The next key of a set's table from `pos` (which moves past it, or to
/// `usize::MAX` at the end), with one fewer `remaining`.
fn next_set_key(
    table: &crate::builtins::settable::SetTable,
    pos: &Cell<usize>,
    remaining: &Cell<usize>,
) -> Option<Value> {
    let Some((i, _, key)) = table.next_live(pos.get()) else {
        pos.set(usize::MAX);
        return None;
    };
    pos.set(i + 1);
    remaining.set(remaining.get().saturating_sub(1));
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::function::PyBuiltinFunction;
    use crate::protocol::{collect, repr};

    fn all(v: Value) -> String {
        repr(&Value::list(
            collect(&mut crate::interpreter::Vm::new(), &v).unwrap(),
        ))
        .unwrap()
    }
    fn ints(xs: &[i64]) -> Value {
        Value::list(xs.iter().map(|&i| Value::Int(i)).collect())
    }

    #[test]
    fn builtin_iterables() {
        assert_eq!(all(Value::str("héllo")), "['h', 'é', 'l', 'l', 'o']");
        let r = Value::obj(PyObject::Range(
            crate::builtins::range::PyRange::new(5, 0, -2).unwrap(),
        ));
        assert_eq!(all(r.clone()), "[5, 3, 1]");
        assert_eq!(all(reversed(&r).unwrap()), "[1, 3, 5]");
        assert_eq!(
            all(reversed(&Value::str("abc")).unwrap()),
            "['c', 'b', 'a']"
        );
        assert_eq!(all(Value::bytes(b"ab".to_vec())), "[97, 98]");
        let it = builtin_iter(&ints(&[1])).unwrap();
        assert_eq!(repr(&it).unwrap().split(' ').next(), Some("<list_iterator"));
    }

    #[test]
    fn combinators() {
        let z = zip(vec![
            builtin_iter(&ints(&[1, 2, 3])).unwrap(),
            builtin_iter(&Value::str("ab")).unwrap(),
        ]);
        assert_eq!(all(z), "[(1, 'a'), (2, 'b')]");
        let e = enumerate(&mut crate::interpreter::Vm::new(), &Value::str("ab"), 5).unwrap();
        assert_eq!(all(e), "[(5, 'a'), (6, 'b')]");
        let f = filter(
            &mut crate::interpreter::Vm::new(),
            &Value::None,
            &ints(&[0, 1, 0, 2]),
        )
        .unwrap();
        assert_eq!(all(f), "[1, 2]");
        fn neg(_: &mut Vm, args: Args) -> PyResult {
            protocol::unary_op(protocol::UnaryOp::Neg, &args.pos[0])
        }
        let func = Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: "neg",
            func: neg,
        }));
        let m = map(&mut crate::interpreter::Vm::new(), &func, &[ints(&[1, 2])]).unwrap();
        assert_eq!(all(m), "[-1, -2]");
    }

    #[test]
    fn dict_mutation_during_iteration() {
        let d = Value::dict(crate::builtins::dict::PyDict::new());
        d.as_dict_or_subclass()
            .unwrap()
            .set_item(Value::Int(1), Value::None)
            .unwrap();
        let it = builtin_iter(&d).unwrap();
        assert!(
            protocol::next(&mut crate::interpreter::Vm::new(), &it)
                .unwrap()
                .is_some()
        );
        d.as_dict_or_subclass()
            .unwrap()
            .set_item(Value::Int(2), Value::None)
            .unwrap();
        assert_eq!(
            protocol::next(&mut crate::interpreter::Vm::new(), &it)
                .unwrap_err()
                .to_string(),
            "RuntimeError: dictionary changed size during iteration"
        );
    }
}
