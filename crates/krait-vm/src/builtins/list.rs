//! `list`: a `RefCell<Vec<Value>>`.
//!
//! Borrows are kept short and never held across a call back into Python
//! (key functions, `__eq__`...): such operations work on a snapshot.

use std::cell::{Ref, RefCell, RefMut};

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::slice::{PySlice, SliceIndices};
use crate::interp::{self, Args, Interp};
use crate::protocol::{self, CompareOp};
use crate::sequence;
use crate::value::Value;

pub struct PyList {
    items: RefCell<Vec<Value>>,
}

impl PyList {
    /// Moves the items out (for the iterative teardown in `object.rs`).
    pub(crate) fn take_items(&mut self) -> Vec<Value> {
        std::mem::take(self.items.get_mut())
    }

    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }

    #[inline]
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.items.borrow()
    }

    #[inline]
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.items.borrow_mut()
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// A copy of the items (cheap refcount bumps), for iterating while
    /// calling back into Python.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    pub fn append(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }

    pub fn get_index(&self, i: &Value) -> PyResult {
        let idx = sequence::subscript_index(i, "list")?;
        let items = self.items.borrow();
        sequence::normalize_index(idx, items.len())
            .map(|i| items[i].clone())
            .ok_or_else(|| PyErr::index_error("list index out of range"))
    }

    pub fn get_slice(&self, si: SliceIndices) -> Value {
        let items = self.items.borrow();
        let out = if si.step == 1 {
            items[si.start as usize..si.start as usize + si.len].to_vec()
        } else {
            si.iter().map(|i| items[i].clone()).collect()
        };
        Value::list(out)
    }

    pub fn set_index(&self, i: &Value, v: Value) -> PyResult<()> {
        let idx = sequence::subscript_index(i, "list")?;
        let mut items = self.items.borrow_mut();
        match sequence::normalize_index(idx, items.len()) {
            Some(i) => {
                items[i] = v;
                Ok(())
            }
            None => Err(PyErr::index_error("list assignment index out of range")),
        }
    }

    /// `l[a:b:c] = values` (values already collected from the iterable).
    pub fn set_slice(&self, s: &PySlice, values: Vec<Value>) -> PyResult<()> {
        let mut items = self.items.borrow_mut();
        let si = s.indices(items.len())?;
        if si.step == 1 {
            let start = si.start as usize;
            let stop = (si.stop.max(si.start)) as usize;
            items.splice(start..stop, values);
            return Ok(());
        }
        if values.len() != si.len {
            return Err(PyErr::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                values.len(),
                si.len
            )));
        }
        for (i, v) in si.iter().zip(values) {
            items[i] = v;
        }
        Ok(())
    }

    pub fn del_index(&self, i: &Value) -> PyResult<()> {
        let idx = sequence::subscript_index(i, "list")?;
        let mut items = self.items.borrow_mut();
        match sequence::normalize_index(idx, items.len()) {
            Some(i) => {
                items.remove(i);
                Ok(())
            }
            None => Err(PyErr::index_error("list assignment index out of range")),
        }
    }

    pub fn del_slice(&self, s: &PySlice) -> PyResult<()> {
        let mut items = self.items.borrow_mut();
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
        let mut items = std::mem::take(&mut *self.items.borrow_mut());
        let result = sort_values(&mut items, key, reverse, lt);
        let mut cur = self.items.borrow_mut();
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

/// Stable sort of `items` by `<` (`lt`, which the interpreter provides so
/// that `__lt__` of instances is honoured), optionally by key and reversed.
pub fn sort_values(
    items: &mut Vec<Value>,
    key: Option<&mut dyn FnMut(&Value) -> PyResult>,
    reverse: bool,
    lt: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    if reverse {
        // Reverse, sort, reverse: equal items keep their original order.
        items.reverse();
    }
    match key {
        None => sort_by_lt(items, lt)?,
        Some(f) => {
            let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
            for v in items.drain(..) {
                keyed.push((f(&v)?, v));
            }
            let mut keys: Vec<Value> = keyed.iter().map(|(k, _)| k.clone()).collect();
            let mut order: Vec<usize> = (0..keys.len()).collect();
            sort_indices(&mut keys, &mut order, lt)?;
            let mut slots: Vec<Option<Value>> = keyed.into_iter().map(|(_, v)| Some(v)).collect();
            items.extend(
                order
                    .into_iter()
                    .map(|i| slots[i].take().unwrap_or_default()),
            );
        }
    }
    if reverse {
        items.reverse();
    }
    Ok(())
}

fn sort_by_lt(
    items: &mut [Value],
    lt: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    // Homogeneous fast paths with a total order that agrees with `<`.
    if items.iter().all(|v| matches!(v, Value::Int(_))) {
        items.sort_by_key(|v| match v {
            Value::Int(i) => *i,
            _ => 0,
        });
        return Ok(());
    }
    if items
        .iter()
        .all(|v| matches!(v, Value::Float(f) if !f.is_nan()))
    {
        items.sort_by(|a, b| match (a, b) {
            (Value::Float(x), Value::Float(y)) => {
                x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal)
            }
            _ => std::cmp::Ordering::Equal,
        });
        return Ok(());
    }
    if items.iter().all(|v| v.as_str().is_some()) {
        items.sort_by(|a, b| {
            a.as_str()
                .map(|s| s.as_str())
                .cmp(&b.as_str().map(|s| s.as_str()))
        });
        return Ok(());
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut keys = items.to_vec();
    sort_indices(&mut keys, &mut order, lt)?;
    let sorted: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    items.clone_from_slice(&sorted);
    Ok(())
}

/// Stable merge sort of `order` by `keys[i] < keys[j]`, using only `<`
/// (so an inconsistent `__lt__` or NaNs can never make it panic).
fn sort_indices(
    keys: &mut [Value],
    order: &mut [usize],
    lt: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    let n = order.len();
    let mut buf = vec![0usize; n];
    let mut width = 1;
    // Insertion-sort runs of 8 first.
    const RUN: usize = 8;
    for chunk in order.chunks_mut(RUN) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 && lt(&keys[chunk[j]], &keys[chunk[j - 1]])? {
                chunk.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    width = width.max(RUN);
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if lt(&keys[order[j]], &keys[order[i]])? {
                    buf[k] = order[j];
                    j += 1;
                } else {
                    buf[k] = order[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&order[i..mid]);
            k += mid - i;
            buf[k..k + end - j].copy_from_slice(&order[j..end]);
            start = end;
        }
        order.copy_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}

fn zelf(v: &Value) -> PyResult<&PyList> {
    v.as_list().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn m_append(_: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("append", 1, 1)?;
    l.append(args.pos[0].clone());
    Ok(Value::None)
}

fn m_extend(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("extend", 1, 1)?;
    let items = protocol::collect(vm, &args.pos[0])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn m_insert(_: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("insert", 2, 2)?;
    let i = sequence::index_arg(&args.pos[0], "index")?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, args.pos[1].clone());
    Ok(Value::None)
}

fn m_pop(_: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("pop", 0, 1)?;
    let mut items = l.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match args.pos.first() {
        Some(v) => sequence::index_arg(v, "index")?,
        None => -1,
    };
    match sequence::normalize_index(i, items.len()) {
        Some(i) => Ok(items.remove(i)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

/// Position of the first item equal to `x` in `[a, b)`.
fn position(
    vm: &mut dyn Interp,
    l: &PyList,
    x: &Value,
    a: usize,
    b: usize,
) -> PyResult<Option<usize>> {
    let items = l.snapshot();
    for (i, item) in items.iter().enumerate().take(b).skip(a) {
        if item.is(x) || vm.eq(item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn m_remove(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("remove", 1, 1)?;
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

fn m_index(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("index", 1, 3)?;
    let start = sequence::opt_index(args.pos.get(1))?;
    let end = sequence::opt_index(args.pos.get(2))?;
    let (a, b) = sequence::clamp_range(start, end, l.len());
    match position(vm, l, &args.pos[0], a, b)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(PyErr::value_error(format!(
            "{} is not in list",
            vm.repr(&args.pos[0])?
        ))),
    }
}

fn m_count(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("count", 1, 1)?;
    let mut n = 0;
    for item in l.snapshot() {
        if item.is(&args.pos[0]) || vm.eq(&item, &args.pos[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn m_reverse(_: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("reverse", 0, 0)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn m_sort(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    if !args.pos.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    args.check_kw("sort", &["key", "reverse"])?;
    let reverse = match args.kwarg("reverse") {
        Some(v) => protocol::truthy(v)?,
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
                interp::call(&mut **vm, f, Args::new(std::slice::from_ref(v)))
            };
            l.sort(Some(&mut call), reverse, &mut lt)?
        }
    }
    Ok(Value::None)
}

fn m_copy(_: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("copy", 0, 0)?;
    Ok(Value::list(l.snapshot()))
}

fn m_clear(_: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let l = zelf(z)?;
    args.check("clear", 0, 0)?;
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
pub fn inplace_concat(vm: &mut dyn Interp, a: &Value, b: &Value) -> PyResult {
    let l = zelf(a)?;
    let items = protocol::collect(vm, b)?;
    l.borrow_mut().extend(items);
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

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "append",
        func: m_append,
    },
    MethodDef {
        name: "extend",
        func: m_extend,
    },
    MethodDef {
        name: "insert",
        func: m_insert,
    },
    MethodDef {
        name: "pop",
        func: m_pop,
    },
    MethodDef {
        name: "remove",
        func: m_remove,
    },
    MethodDef {
        name: "index",
        func: m_index,
    },
    MethodDef {
        name: "count",
        func: m_count,
    },
    MethodDef {
        name: "reverse",
        func: m_reverse,
    },
    MethodDef {
        name: "sort",
        func: m_sort,
    },
    MethodDef {
        name: "copy",
        func: m_copy,
    },
    MethodDef {
        name: "clear",
        func: m_clear,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::NoInterp;
    use crate::protocol::{call_method, repr};

    fn l(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&i| Value::Int(i)).collect())
    }
    fn m(v: &Value, name: &str, args: &[Value]) -> String {
        match call_method(&mut NoInterp, v, name, Args::new(args)) {
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
        let mut key = |t: &Value| t.as_tuple().unwrap().get_index(&i(0));
        pairs
            .as_list()
            .unwrap()
            .sort(Some(&mut key), true, &mut protocol::lt)
            .unwrap();
        assert_eq!(repr(&pairs).unwrap(), "[(1, 'b'), (1, 'a'), (0, 'a')]");
        let mixed = Value::list(vec![i(2), Value::Float(1.5), Value::Bool(true), i(-1)]);
        mixed
            .as_list()
            .unwrap()
            .sort(None, false, &mut protocol::lt)
            .unwrap();
        assert_eq!(repr(&mixed).unwrap(), "[-1, True, 1.5, 2]");
        let bad = Value::list(vec![i(1), Value::str("a")]);
        assert_eq!(
            bad.as_list()
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
        many.as_list()
            .unwrap()
            .sort(None, false, &mut protocol::lt)
            .unwrap();
        let got: Vec<String> = many
            .as_list()
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

    #[test]
    fn slices() {
        let v = l(&[0, 1, 2, 3, 4, 5]);
        let lst = v.as_list().unwrap();
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
        v.as_list().unwrap().append(v.clone());
        assert_eq!(repr(&v).unwrap(), "[1, [...]]");
        // Break the cycle so the test does not leak.
        v.as_list().unwrap().borrow_mut().clear();
    }
}
