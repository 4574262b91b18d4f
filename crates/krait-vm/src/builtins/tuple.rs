//! `tuple`: an immutable sequence of values, small ones stored inline.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::slice::SliceIndices;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::sequence;
use crate::value::Value;

pub struct PyTuple {
    items: Items,
}

/// Tuples of up to this many items keep them inside the object: pairs
/// and triples (dict items, `enumerate`, `zip`, sort keys, records) need
/// no second allocation. Bounded by the size of `PyObject`.
const INLINE_ITEMS: usize = 3;

/// A tuple's items (`pub(crate)` for the teardown in `object.rs`).
pub(crate) enum Items {
    /// The items, then `Null` in the unused slots (`Null` is never an item
    /// of a Python container), so no length is stored.
    Inline([Value; INLINE_ITEMS]),
    Heap(Box<[Value]>),
}

impl PyTuple {
    /// Moves the items out if one of them satisfies `pred` (for the
    /// iterative teardown in `object.rs`).
    pub(crate) fn take_items_if(&mut self, pred: fn(&Value) -> bool) -> Option<Items> {
        self.as_slice()
            .iter()
            .any(pred)
            .then(|| std::mem::replace(&mut self.items, Items::Heap(Box::default())))
    }

    pub fn new(items: Vec<Value>) -> PyTuple {
        if items.len() <= INLINE_ITEMS {
            return PyTuple::from_exact(items.into_iter());
        }
        PyTuple {
            items: Items::Heap(items.into_boxed_slice()),
        }
    }

    /// The items of `first` then those of `second` (`a + b`), built in
    /// place: a small result makes no intermediate `Vec`, a large one no
    /// second allocation.
    pub fn concat(first: &[Value], second: &[Value]) -> PyTuple {
        let n = first.len() + second.len();
        if n <= INLINE_ITEMS {
            let mut slots: [Value; INLINE_ITEMS] = std::array::from_fn(|_| Value::Null);
            for (slot, v) in slots.iter_mut().zip(first.iter().chain(second)) {
                *slot = v.clone();
            }
            return PyTuple {
                items: Items::Inline(slots),
            };
        }
        let mut items = Vec::with_capacity(n);
        items.extend_from_slice(first);
        items.extend_from_slice(second);
        PyTuple {
            items: Items::Heap(items.into_boxed_slice()),
        }
    }

    /// A tuple of the iterator's items, built in place (no intermediate
    /// `Vec` for a small tuple).
    #[inline]
    pub fn from_exact(items: impl ExactSizeIterator<Item = Value>) -> PyTuple {
        let n = items.len();
        if n > INLINE_ITEMS {
            return PyTuple {
                items: Items::Heap(items.collect()),
            };
        }
        let mut slots: [Value; INLINE_ITEMS] = std::array::from_fn(|_| Value::Null);
        for (slot, v) in slots.iter_mut().zip(items) {
            *slot = v;
        }
        PyTuple {
            items: Items::Inline(slots),
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[Value] {
        match &self.items {
            Items::Inline(items) => {
                let len = items
                    .iter()
                    .take_while(|v| !matches!(v, Value::Null))
                    .count();
                &items[..len]
            }
            Items::Heap(items) => items,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Value> {
        self.as_slice().iter()
    }

    pub fn get_index(&self, i: &Value) -> PyResult {
        let idx = sequence::subscript_index(i, "tuple")?;
        sequence::normalize_index(idx, self.len())
            .map(|i| self.as_slice()[i].clone())
            .ok_or_else(|| PyErr::index_error("tuple index out of range"))
    }

    pub fn get_slice(&self, si: SliceIndices) -> Value {
        let items = self.as_slice();
        let tuple = if si.step == 1 {
            let start = si.start as usize;
            PyTuple::from_exact(items[start..start + si.len].iter().cloned())
        } else {
            PyTuple::from_exact(si.iter().map(|i| items[i].clone()))
        };
        Value::obj(PyObject::Tuple(tuple))
    }

    /// CPython's tuple hash (the xxHash-based `tuplehash` of 3.8+), so
    /// tuples of ints hash exactly as in CPython.
    pub fn hash(&self) -> PyResult<i64> {
        self.hash_with(&mut |item| protocol::hash(item))
    }

    /// CPython's tuple hash over the items' hashes as `hash_item` gives them.
    pub fn hash_with<E>(
        &self,
        hash_item: &mut dyn FnMut(&Value) -> Result<i64, E>,
    ) -> Result<i64, E> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc = P5;
        for item in self.iter() {
            let lane = hash_item(item)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((self.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }

    pub fn repr(&self) -> PyResult<String> {
        let mut s = String::from("(");
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&protocol::repr(item)?);
        }
        if self.len() == 1 {
            s.push(',');
        }
        s.push(')');
        Ok(s)
    }
}

/// The tuple `(a, b)`.
pub fn pair(a: Value, b: Value) -> Value {
    Value::obj(PyObject::Tuple(PyTuple::from_exact([a, b].into_iter())))
}

/// The next pair of an iterator that yields pairs: the pair it returned
/// last time (kept in `cache`), refilled, when nothing else holds it any
/// more (the loop unpacked and dropped it), else a new pair remembered for
/// next time. CPython's `enumerate` reuses its result tuple the same way:
/// no allocation per item.
pub fn reused_pair(cache: &std::cell::RefCell<Value>, a: Value, b: Value) -> Value {
    let mut cached = cache.borrow_mut();
    if let Value::Obj(object) = &mut *cached
        && let Some(PyObject::Tuple(tuple)) = std::rc::Rc::get_mut(object)
        && let Items::Inline([first, second, Value::Null]) = &mut tuple.items
        && !matches!(second, Value::Null)
    {
        let old = (std::mem::replace(first, a), std::mem::replace(second, b));
        let reused = cached.clone();
        drop(cached);
        drop(old);
        return reused;
    }
    let fresh = pair(a, b);
    let old = std::mem::replace(&mut *cached, fresh.clone());
    drop(cached);
    drop(old);
    fresh
}

/// Before an iterator that yields pairs steps the iterator it draws from:
/// empties its last pair (to two Nones) when nothing else holds it, so the
/// item that pair held is released first — in `enumerate(zip(a, b))` that
/// is zip's own pair, which zip can then refill instead of allocating.
pub fn loosen_pair(cache: &std::cell::RefCell<Value>) {
    let mut cached = cache.borrow_mut();
    if let Value::Obj(object) = &mut *cached
        && let Some(PyObject::Tuple(tuple)) = std::rc::Rc::get_mut(object)
        && let Items::Inline([first, second, Value::Null]) = &mut tuple.items
        && !matches!(second, Value::Null)
    {
        let old = (
            std::mem::replace(first, Value::None),
            std::mem::replace(second, Value::None),
        );
        drop(cached);
        drop(old);
    }
}

fn zelf(v: &Value) -> PyResult<&PyTuple> {
    v.as_tuple_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn m_count(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let t = zelf(z)?;
    let mut n = 0;
    for item in t.iter() {
        if item.is(&args.pos[0]) || vm.eq(item, &args.pos[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn m_index(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let t = zelf(z)?;
    let start = crate::builtins::list::index_bound(vm, args.pos.get(1))?;
    let end = crate::builtins::list::index_bound(vm, args.pos.get(2))?;
    let (a, b) = sequence::clamp_range(start, end, t.len());
    for i in a..b.min(t.len()) {
        if t.as_slice()[i].is(&args.pos[0]) || vm.eq(&t.as_slice()[i], &args.pos[0])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "count",
        params: crate::builtins::function::Params::One,
        func: m_count,
    },
    MethodDef {
        name: "index",
        params: crate::builtins::function::Params::Positional(1, 3),
        func: m_index,
    },
];

#[cfg(test)]
mod tests {

    #[test]
    fn small_tuples_are_inline() {
        for n in 0..6i64 {
            let items: Vec<Value> = (0..n).map(Value::Int).collect();
            let a = PyTuple::new(items.clone());
            let b = PyTuple::from_exact(items.into_iter());
            for t in [a, b] {
                assert_eq!(t.len(), n as usize);
                let got: Vec<i64> = t
                    .iter()
                    .map(|v| match v {
                        Value::Int(i) => *i,
                        _ => -1,
                    })
                    .collect();
                assert_eq!(got, (0..n).collect::<Vec<_>>());
                assert_eq!(matches!(t.items, Items::Inline(_)), n <= 3);
            }
        }
    }

    use super::*;
    use crate::protocol::{call_method, repr};

    fn t(items: &[i64]) -> Value {
        Value::tuple(items.iter().map(|&i| Value::Int(i)).collect())
    }

    #[test]
    fn repr_and_hash() {
        assert_eq!(repr(&t(&[1])).unwrap(), "(1,)");
        assert_eq!(repr(&t(&[])).unwrap(), "()");
        assert_eq!(repr(&t(&[1, 2])).unwrap(), "(1, 2)");
        // python3: hash((1, 2)) -3550055125485641917 ; hash(()) 5740354900026072187
        assert_eq!(protocol::hash(&t(&[1, 2])).unwrap(), -3550055125485641917);
        assert_eq!(protocol::hash(&t(&[])).unwrap(), 5740354900026072187);
        let unhashable = Value::tuple(vec![Value::list(vec![])]);
        assert_eq!(
            protocol::hash(&unhashable).unwrap_err().to_string(),
            "TypeError: unhashable type: 'list'"
        );
    }

    #[test]
    fn methods() {
        let v = t(&[1, 2, 1]);
        let r = |name: &str, a: &[Value]| match call_method(
            &mut crate::interpreter::Vm::new(),
            &v,
            name,
            Args::new(a),
        ) {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        };
        assert_eq!(r("count", &[Value::Int(1)]), "2");
        assert_eq!(r("count", &[Value::float(1.0)]), "2");
        assert_eq!(r("index", &[Value::Int(2)]), "1");
        assert_eq!(r("index", &[Value::Int(1), Value::Int(1)]), "2");
        assert_eq!(
            r("index", &[Value::Int(5)]),
            "ValueError: tuple.index(x): x not in tuple"
        );
        let tv = v.as_tuple_or_subclass().unwrap();
        assert_eq!(
            tv.get_index(&Value::Int(3)).unwrap_err().to_string(),
            "IndexError: tuple index out of range"
        );
    }
}
