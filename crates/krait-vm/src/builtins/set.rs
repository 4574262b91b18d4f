//! `set` and `frozenset`, on the same [`KeyTable`] as `dict`.
//!
//! Iteration order is insertion order (CPython's is hash order; see the
//! crate docs).

use std::cell::{Cell, Ref, RefCell, RefMut};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::KeyTable;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol::{self, BinaryOp};
use crate::value::Value;

#[derive(Default)]
pub struct PySet {
    table: RefCell<KeyTable<()>>,
    /// Whether the table is in the order `use_cpython_order` gave it and
    /// unchanged since: replaying the replayed order could move elements
    /// again (under a live iterator, or between two `list(s)`).
    in_cpython_order: Cell<bool>,
}

impl PySet {
    /// Moves the table out if it holds containers (for the iterative
    /// teardown in `object.rs`).
    pub(crate) fn take_table_if_containers(&mut self) -> Option<KeyTable<()>> {
        let table = self.table.get_mut();
        table
            .holds_containers(|()| None)
            .then(|| std::mem::take(table))
    }

    pub fn new() -> PySet {
        PySet::default()
    }

    /// A set of `values`, duplicates (by the interpreter's `hash`/`==`)
    /// dropped.
    pub fn from_values(vm: &mut Vm, values: Vec<Value>) -> PyResult<PySet> {
        let s = PySet {
            table: RefCell::new(KeyTable::with_capacity(values.len())),
            in_cpython_order: Cell::new(false),
        };
        for v in values {
            s.add_vm(vm, v)?;
        }
        Ok(s)
    }

    pub fn table(&self) -> Ref<'_, KeyTable<()>> {
        self.table.borrow()
    }

    pub fn table_mut(&self) -> RefMut<'_, KeyTable<()>> {
        self.in_cpython_order.set(false);
        self.table.borrow_mut()
    }

    /// The table, for removing elements: the others keep their order, as
    /// they keep their slots in CPython's table (so `while s: s.pop()`
    /// does not lay the table out again each time).
    fn table_for_removal(&self) -> RefMut<'_, KeyTable<()>> {
        self.table.borrow_mut()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.borrow().is_empty()
    }

    /// `s.add(v)` with the interpreter's `hash`/`==`.
    pub fn add_vm(&self, vm: &mut Vm, v: Value) -> PyResult<()> {
        if !crate::builtins::dict::needs_interp(&v) {
            return self.add(v);
        }
        let (found, hash) = KeyTable::find_with(&self.table, vm, &v)?;
        if found.is_none() {
            self.table_mut().insert_new(hash, v, ());
        }
        Ok(())
    }

    /// `v in s` with the interpreter's `hash`/`==`.
    pub fn contains_vm(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        if !crate::builtins::dict::needs_interp(v) {
            return self.contains(v);
        }
        Ok(KeyTable::find_with(&self.table, vm, v)?.0.is_some())
    }

    /// `s.discard(v)` with the interpreter's `hash`/`==`; true if it was there.
    pub fn discard_vm(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        if !crate::builtins::dict::needs_interp(v) {
            return self.discard(v);
        }
        let (found, _) = KeyTable::find_with(&self.table, vm, v)?;
        Ok(found.is_some_and(|i| self.table_for_removal().remove_at(i).is_some()))
    }

    pub fn add(&self, v: Value) -> PyResult<()> {
        let h = protocol::hash(&v)?;
        self.table_mut().insert(h, v, ())?;
        Ok(())
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        let h = protocol::hash(v)?;
        Ok(self.table.borrow().find(h, v)?.is_some())
    }

    /// Remove `v`; false if absent.
    pub fn discard(&self, v: &Value) -> PyResult<bool> {
        let h = protocol::hash(v)?;
        let removed = self.table_for_removal().remove(h, v)?;
        Ok(removed.is_some())
    }

    /// Whether every item of `self` is in `other`, for sets of builtin
    /// values only (no Python `__eq__`/`__hash__` to run): the object
    /// layer's fast path; the interpreter's is [`PySet::is_subset`].
    pub(crate) fn is_subset_builtin(&self, other: &PySet) -> PyResult<bool> {
        if self.len() > other.len() {
            return Ok(false);
        }
        for v in self.values() {
            if !other.contains(&v)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn values(&self) -> Vec<Value> {
        self.use_cpython_order();
        self.table.borrow().iter().map(|(k, _)| k.clone()).collect()
    }

    /// Puts the elements in the order CPython's hash table would iterate
    /// them (`{3, 1, 2}` prints `{1, 2, 3}`), replaying their insertion
    /// into a table laid out as `Objects/setobject.c` lays it out. Called
    /// before iteration and repr; lookups do not depend on the order.
    pub fn use_cpython_order(&self) {
        if self.in_cpython_order.get() {
            return;
        }
        let order = {
            let table = self.table.borrow();
            let hashes: Vec<i64> = table.iter_hashed().map(|(k, _)| k.hash).collect();
            cpython_table_order(&hashes)
        };
        if order.iter().enumerate().any(|(i, &j)| i != j) {
            self.table.borrow_mut().reorder(&order);
        }
        self.in_cpython_order.set(true);
    }

    pub fn copy(&self) -> PySet {
        PySet {
            table: RefCell::new(self.table.borrow().clone()),
            in_cpython_order: Cell::new(self.in_cpython_order.get()),
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for (k, _) in self.table.borrow().iter() {
            visit(k);
        }
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

    /// Order-independent hash (CPython's `frozenset_hash` shuffle, without
    /// the terms that depend on its table layout).
    pub fn hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let t = self.table.borrow();
        let mut h: u64 = 0;
        for (k, _) in t.iter_hashed() {
            h ^= shuffle(k.hash as u64);
        }
        h ^= (t.len() as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX { 590923713 } else { h as i64 }
    }

    pub fn is_subset(&self, vm: &mut Vm, other: &PySet) -> PyResult<bool> {
        if self.len() > other.len() {
            return Ok(false);
        }
        for v in self.values() {
            if !other.contains_vm(vm, &v)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn eq(&self, vm: &mut Vm, other: &PySet) -> PyResult<bool> {
        Ok(self.len() == other.len() && self.is_subset(vm, other)?)
    }

    pub fn union(&self, vm: &mut Vm, other: &PySet) -> PyResult<PySet> {
        let r = self.copy();
        for v in other.values() {
            r.add_vm(vm, v)?;
        }
        Ok(r)
    }

    pub fn intersection(&self, vm: &mut Vm, other: &PySet) -> PyResult<PySet> {
        let r = PySet::new();
        for v in self.values() {
            if other.contains_vm(vm, &v)? {
                r.add_vm(vm, v)?;
            }
        }
        Ok(r)
    }

    pub fn difference(&self, vm: &mut Vm, other: &PySet) -> PyResult<PySet> {
        let r = PySet::new();
        for v in self.values() {
            if !other.contains_vm(vm, &v)? {
                r.add_vm(vm, v)?;
            }
        }
        Ok(r)
    }

    pub fn symmetric_difference(&self, vm: &mut Vm, other: &PySet) -> PyResult<PySet> {
        let r = self.difference(vm, other)?;
        for v in other.values() {
            if !self.contains_vm(vm, &v)? {
                r.add_vm(vm, v)?;
            }
        }
        Ok(r)
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets, frozensets and dict key or
/// item views (and `|` on dicts); `None` when the operands are not those.
/// The result takes the left operand's kind (views give sets).
pub fn set_operation(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> Option<PyResult> {
    if let (Some(x), Some(y)) = (a.as_dict_or_subclass(), b.as_dict_or_subclass()) {
        return (op == BinaryOp::Or).then(|| crate::builtins::dict::merge(vm, x, y));
    }
    fn as_set(vm: &mut Vm, v: &Value) -> Option<PyResult<PySet>> {
        match v.builtin_value().as_obj()? {
            PyObject::Set(s) | PyObject::FrozenSet(s) => Some(Ok(s.copy())),
            PyObject::DictView(view) if view.kind != crate::builtins::dict::ViewKind::Values => {
                Some(PySet::from_values(vm, view.elements()))
            }
            _ => None,
        }
    }
    let x = as_set(vm, a)?;
    let y = as_set(vm, b)?;
    let result = (|| {
        let (x, y) = (x?, y?);
        let r = match op {
            BinaryOp::Or => x.union(vm, &y)?,
            BinaryOp::And => x.intersection(vm, &y)?,
            BinaryOp::Sub => x.difference(vm, &y)?,
            _ => x.symmetric_difference(vm, &y)?,
        };
        Ok(match a.builtin_value().as_obj() {
            Some(PyObject::FrozenSet(_)) => Value::frozenset(r),
            _ => Value::set(r),
        })
    })();
    Some(result)
}

/// Result of a set operation with the receiver's kind (`set` or `frozenset`).
pub fn wrap_like(z: &Value, s: PySet) -> Value {
    match z.as_obj() {
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

/// Any iterable as a set (sets are used as they are, via a copy-free path
/// when possible).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<PySet> {
    if let Some(s) = v.as_anyset_or_subclass() {
        return Ok(s.copy());
    }
    let items = protocol::collect(vm, v)?;
    PySet::from_values(vm, items)
}

fn m_add(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    s.add_vm(vm, args.pos[0].clone())?;
    Ok(Value::None)
}

fn m_remove(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    if s.discard_vm(vm, &args.pos[0])? {
        Ok(Value::None)
    } else {
        Err(PyErr::key_error(args.pos[0].clone()))
    }
}

fn m_discard(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    s.discard_vm(vm, &args.pos[0])?;
    Ok(Value::None)
}

fn m_pop(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = mutable(z)?;
    s.use_cpython_order();
    let first = s.table_for_removal().pop_first();
    first
        .map(|(k, _)| k)
        .ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn m_clear(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = mutable(z)?;
    let old = std::mem::take(&mut *s.table_mut());
    drop(old);
    Ok(Value::None)
}

fn m_copy(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?;
    if matches!(z.as_obj(), Some(PyObject::FrozenSet(_))) {
        return Ok(z.clone());
    }
    Ok(Value::set(s.copy()))
}

fn fold(
    vm: &mut Vm,
    z: &Value,
    args: Args,
    name: &str,
    op: fn(&PySet, &mut Vm, &PySet) -> PyResult<PySet>,
) -> PyResult<PySet> {
    let s = zelf(z)?;
    // Any number of iterables: no `Params` form fits. CPython names the
    // method with its type when it is called as `s.union(...)`.
    if !args.kw.is_empty() {
        let owner = match z.builtin_value().as_obj() {
            Some(PyObject::FrozenSet(_)) => "frozenset",
            _ => "set",
        };
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no keyword arguments"
        )));
    }
    let mut acc = s.copy();
    for a in args.pos {
        let other = as_set(vm, a)?;
        acc = op(&acc, vm, &other)?;
    }
    Ok(acc)
}

fn m_union(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let r = fold(vm, z, args, "union", PySet::union)?;
    Ok(wrap_like(z, r))
}

fn m_intersection(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let r = fold(vm, z, args, "intersection", PySet::intersection)?;
    Ok(wrap_like(z, r))
}

fn m_difference(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let r = fold(vm, z, args, "difference", PySet::difference)?;
    Ok(wrap_like(z, r))
}

fn m_symmetric_difference(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let other = as_set(vm, &args.pos[0])?;
    Ok(wrap_like(z, s.symmetric_difference(vm, &other)?))
}

fn replace_contents(s: &PySet, r: PySet) {
    let new = std::mem::take(&mut *r.table_mut());
    let old = std::mem::replace(&mut *s.table_mut(), new);
    drop(old);
}

fn m_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    let r = fold(vm, z, args, "update", PySet::union)?;
    replace_contents(s, r);
    Ok(Value::None)
}

fn m_intersection_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    let r = fold(vm, z, args, "intersection_update", PySet::intersection)?;
    replace_contents(s, r);
    Ok(Value::None)
}

fn m_difference_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    let r = fold(vm, z, args, "difference_update", PySet::difference)?;
    replace_contents(s, r);
    Ok(Value::None)
}

fn m_symmetric_difference_update(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = mutable(z)?;
    let other = as_set(vm, &args.pos[0])?;
    let r = s.symmetric_difference(vm, &other)?;
    replace_contents(s, r);
    Ok(Value::None)
}

fn m_isdisjoint(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let other = as_set(vm, &args.pos[0])?;
    Ok(Value::bool(s.intersection(vm, &other)?.is_empty()))
}

fn m_issubset(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let other = as_set(vm, &args.pos[0])?;
    Ok(Value::bool(s.is_subset(vm, &other)?))
}

fn m_issuperset(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let other = as_set(vm, &args.pos[0])?;
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

/// CPython's set table: 8 slots to start, linear probing of 9 slots, then
/// perturbed probing; grown to `used * 4` (or `* 2` past 50000) when
/// `fill * 5 >= mask * 3`. Returns the insertion indices in slot order.
fn cpython_table_order(hashes: &[i64]) -> Vec<usize> {
    const LINEAR_PROBES: usize = 9;
    const PERTURB_SHIFT: u32 = 5;
    fn place(table: &mut [Option<usize>], hash: i64, item: usize) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(slot) = table[i..=i + probes].iter_mut().find(|s| s.is_none()) {
                *slot = Some(item);
                return;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    for (item, &hash) in hashes.iter().enumerate() {
        place(&mut table, hash, item);
        let used = item + 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for slot in old.into_iter().flatten() {
                place(&mut table, hashes[slot], slot);
            }
        }
    }
    table.into_iter().flatten().collect()
}

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
