//! `range`: start/stop/step in `i64` (`PyObject::Range`, the fast common
//! case), or, when a bound or the length does not fit, a [`BigRange`]: a
//! native value whose type is `range` itself, answering through the
//! dunders `range` declares (which take both kinds). Length, indexing and
//! `in` are O(1).

use std::cell::RefCell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::int;
use crate::builtins::slice::PySlice;
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject};
use crate::object::PyObject;
use crate::protocol;
use crate::sequence;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl PyRange {
    /// `range(start, stop, step)`.
    pub fn new(start: i64, stop: i64, step: i64) -> PyResult<PyRange> {
        if step == 0 {
            return Err(PyErr::value_error("range() arg 3 must not be zero"));
        }
        Ok(PyRange { start, stop, step })
    }

    /// `range(*args)` from Python values: a `range` of either kind.
    pub fn from_args(args: &[Value]) -> PyResult<Value> {
        let arg = |v: &Value| -> PyResult<BigInt> {
            match int::as_int(v) {
                Some(i) => Ok(i.to_bigint().into_owned()),
                None => Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                ))),
            }
        };
        match args {
            [stop] => make_range(BigInt::zero(), arg(stop)?, BigInt::one()),
            [start, stop] => make_range(arg(start)?, arg(stop)?, BigInt::one()),
            [start, stop, step] => make_range(arg(start)?, arg(stop)?, arg(step)?),
            [] => Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            )),
            _ => Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            ))),
        }
    }

    pub fn len(&self) -> usize {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i` (`i < len`).
    pub fn item(&self, i: usize) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }

    pub fn get_index(&self, i: &Value) -> PyResult {
        let idx = sequence::subscript_index(i, "range")?;
        match sequence::normalize_index(idx, self.len()) {
            Some(i) => Ok(Value::Int(self.item(i))),
            None => Err(PyErr::index_error("range object index out of range")),
        }
    }

    pub fn get_slice(&self, s: &PySlice) -> PyResult {
        let si = s.indices(self.len())?;
        let start = self.start as i128 + si.start as i128 * self.step as i128;
        let stop = self.start as i128 + si.stop as i128 * self.step as i128;
        let step = self.step as i128 * si.step as i128;
        // (A slice of a small range is small unless its step overflows:
        // made without big-int arithmetic.)
        if let (Ok(start), Ok(stop), Ok(step)) = (
            i64::try_from(start),
            i64::try_from(stop),
            i64::try_from(step),
        ) && let Ok(range) = PyRange::new(start, stop, step)
        {
            return Ok(Value::obj(PyObject::Range(range)));
        }
        make_range(start.into(), stop.into(), step.into())
    }

    /// `x in r`: O(1) for ints; other values compare item by item.
    pub fn contains(&self, x: &Value) -> PyResult<bool> {
        match x {
            Value::Int(_) | Value::Bool(_) => {
                let v = int::as_int(x).and_then(|i| i.to_i64()).unwrap_or(0);
                Ok(self.index_of(v).is_some())
            }
            _ if x.as_bigint_or_subclass().is_some() => Ok(false),
            _ => {
                for i in 0..self.len() {
                    if protocol::eq(&Value::Int(self.item(i)), x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    fn index_of(&self, v: i64) -> Option<usize> {
        let (v, lo, hi, step) = (
            v as i128,
            self.start as i128,
            self.stop as i128,
            self.step as i128,
        );
        let inside = if step > 0 {
            lo <= v && v < hi
        } else {
            hi < v && v <= lo
        };
        if inside && (v - lo) % step == 0 {
            Some(((v - lo) / step) as usize)
        } else {
            None
        }
    }

    pub fn repr(&self) -> String {
        if self.step == 1 {
            format!("range({}, {})", self.start, self.stop)
        } else {
            format!("range({}, {}, {})", self.start, self.stop, self.step)
        }
    }

    /// Ranges are equal when they produce the same sequence.
    pub fn same_sequence(&self, other: &PyRange) -> bool {
        let n = self.len();
        if n != other.len() {
            return false;
        }
        if n == 0 {
            return true;
        }
        if self.start != other.start {
            return false;
        }
        n == 1 || self.step == other.step
    }

    pub fn hash(&self) -> PyResult<i64> {
        let n = self.len();
        let t = if n == 0 {
            vec![Value::Int(0), Value::None, Value::None]
        } else if n == 1 {
            vec![Value::Int(1), Value::Int(self.start), Value::None]
        } else {
            vec![
                Value::from(n),
                Value::Int(self.start),
                Value::Int(self.step),
            ]
        };
        protocol::hash(&Value::tuple(t))
    }
}

/// A range whose bounds or length do not fit the `i64` of [`PyRange`].
#[derive(Clone)]
pub struct BigRange {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    len: BigInt,
}

impl NativeData for BigRange {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "start" => Some(Value::from_bigint(self.start.clone())),
            "stop" => Some(Value::from_bigint(self.stop.clone())),
            "step" => Some(Value::from_bigint(self.step.clone())),
            _ => None,
        }
    }
}

/// CPython's range length: how many of `start, start+step, ...` lie before `stop`.
fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - BigInt::one()) / step + BigInt::one()
}

/// `range(start, stop, step)` of any size: a [`PyRange`] when it fits.
pub fn make_range(start: BigInt, stop: BigInt, step: BigInt) -> PyResult {
    if step.is_zero() {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    let len = range_len(&start, &stop, &step);
    if let (Some(a), Some(b), Some(c), Some(_)) =
        (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64())
    {
        return Ok(Value::obj(PyObject::Range(PyRange::new(a, b, c)?)));
    }
    Ok(NativeObject::new_value(
        crate::typeobject::builtin_type(crate::typeobject::BuiltinType::Range),
        BigRange {
            start,
            stop,
            step,
            len,
        },
    ))
}

/// Either kind of range as a [`BigRange`] (what the dunders work on).
fn big_view(v: &Value) -> PyResult<BigRange> {
    match v.as_obj() {
        Some(PyObject::Range(r)) => Ok(BigRange {
            start: r.start.into(),
            stop: r.stop.into(),
            step: r.step.into(),
            len: BigInt::from(r.len()),
        }),
        _ => v
            .native::<BigRange>()
            .cloned()
            .ok_or_else(|| PyErr::type_error("descriptor requires a 'range' object")),
    }
}

impl BigRange {
    fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// The position of int `v`, when the range holds it.
    fn position(&self, v: &BigInt) -> Option<BigInt> {
        let inside = if self.step.is_positive() {
            &self.start <= v && v < &self.stop
        } else {
            &self.stop < v && v <= &self.start
        };
        if !inside {
            return None;
        }
        let (q, r) = (v - &self.start).div_rem(&self.step);
        r.is_zero().then_some(q)
    }

    /// The position of the first item equal to `x` (O(1) for an int;
    /// compared one by one otherwise, as CPython does).
    fn find(&self, vm: &mut Vm, x: &Value) -> PyResult<Option<BigInt>> {
        if let Some(v) = int::as_int(x.builtin_value()).filter(|_| !is_instance(x)) {
            return Ok(self.position(&v.to_bigint()));
        }
        let mut i = BigInt::zero();
        while i < self.len {
            if vm.equal(&Value::from_bigint(self.item(&i)), x)? {
                return Ok(Some(i));
            }
            i += 1;
        }
        Ok(None)
    }

    /// How many items equal `x` (0 or 1 for an int; compared one by one
    /// otherwise, as CPython does).
    fn count(&self, vm: &mut Vm, x: &Value) -> PyResult<BigInt> {
        if let Some(v) = int::as_int(x.builtin_value()).filter(|_| !is_instance(x)) {
            let found = self.position(&v.to_bigint()).is_some();
            return Ok(BigInt::from(found as u8));
        }
        let mut count = BigInt::zero();
        let mut i = BigInt::zero();
        while i < self.len {
            if vm.equal(&Value::from_bigint(self.item(&i)), x)? {
                count += 1;
            }
            i += 1;
        }
        Ok(count)
    }

    fn slice(&self, slice: &PySlice) -> PyResult {
        let index = |v: &Value| -> PyResult<Option<BigInt>> {
            if v.is_none() {
                return Ok(None);
            }
            match int::as_int(v) {
                Some(i) => Ok(Some(i.to_bigint().into_owned())),
                None => Err(PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = index(&slice.step)?.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let negative = step.is_negative();
        let (lower, upper) = if negative {
            (BigInt::from(-1), &self.len - 1)
        } else {
            (BigInt::zero(), self.len.clone())
        };
        let clamp = |bound: Option<BigInt>, default: &BigInt| match bound {
            None => default.clone(),
            Some(b) if b.is_negative() => (b + &self.len).max(lower.clone()),
            Some(b) => b.min(upper.clone()),
        };
        let start = clamp(index(&slice.start)?, if negative { &upper } else { &lower });
        let stop = clamp(index(&slice.stop)?, if negative { &lower } else { &upper });
        make_range(self.item(&start), self.item(&stop), &self.step * step)
    }
}

fn is_instance(v: &Value) -> bool {
    matches!(v.as_obj(), Some(PyObject::Instance(_)))
}

/// `r.__len__()`: CPython's error when the length passes `sys.maxsize`.
fn m_len(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let r = big_view(z)?;
    match r.len.to_i64() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn m_bool(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::bool(!big_view(z)?.len.is_zero()))
}

fn m_getitem(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let r = big_view(z)?;
    let key = &args.pos[0];
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        return r.slice(s);
    }
    let Some(i) = int::as_int(key.builtin_value()) else {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            key.type_name()
        )));
    };
    let mut i = i.to_bigint().into_owned();
    if i.is_negative() {
        i += &r.len;
    }
    if i.is_negative() || i >= r.len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(r.item(&i)))
}

fn m_contains(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    Ok(Value::bool(big_view(z)?.find(vm, &args.pos[0])?.is_some()))
}

fn m_index(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let x = &args.pos[0];
    // The common case, with no big numbers made.
    if let (Some(PyObject::Range(r)), Value::Int(v)) = (z.as_obj(), x)
        && let Some(k) = r.index_of(*v)
    {
        return Ok(Value::from(k));
    }
    if let Some(k) = big_view(z)?.find(vm, x)? {
        return Ok(Value::from_bigint(k));
    }
    Err(PyErr::value_error(format!(
        "{} is not in range",
        protocol::repr(x)?
    )))
}

fn m_count(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    if let (Some(PyObject::Range(r)), Value::Int(v)) = (z.as_obj(), &args.pos[0]) {
        return Ok(Value::Int(r.index_of(*v).is_some() as i64));
    }
    Ok(Value::from_bigint(big_view(z)?.count(vm, &args.pos[0])?))
}

fn m_repr(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let r = big_view(z)?;
    Ok(Value::str(if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

/// Ranges are equal when they produce the same sequence.
fn same_sequence(a: &BigRange, b: &BigRange) -> bool {
    a.len == b.len
        && (a.len.is_zero() || (a.start == b.start && (a.len.is_one() || a.step == b.step)))
}

fn m_eq(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let other = &args.pos[0];
    if !matches!(other.as_obj(), Some(PyObject::Range(_))) && other.native::<BigRange>().is_none() {
        return Ok(Value::NotImplemented);
    }
    Ok(Value::bool(same_sequence(&big_view(z)?, &big_view(other)?)))
}

fn m_ne(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    Ok(match m_eq(vm, z, args)? {
        Value::Bool(b) => Value::bool(!b.get()),
        other => other,
    })
}

fn m_hash(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let r = big_view(z)?;
    let big = |b: &BigInt| Value::from_bigint(b.clone());
    let t = if r.len.is_zero() {
        vec![Value::Int(0), Value::None, Value::None]
    } else if r.len.is_one() {
        vec![Value::Int(1), big(&r.start), Value::None]
    } else {
        vec![big(&r.len), big(&r.start), big(&r.step)]
    };
    protocol::hash(&Value::tuple(t)).map(Value::Int)
}

/// The iterator of a range beyond `i64` (CPython's `longrange_iterator`).
struct LongRangeIterator {
    next: RefCell<BigInt>,
    step: BigInt,
    remaining: RefCell<BigInt>,
}

impl NativeData for LongRangeIterator {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn next(&self, _: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let mut remaining = self.remaining.borrow_mut();
        if !remaining.is_positive() {
            return Some(Ok(None));
        }
        *remaining -= 1;
        let mut next = self.next.borrow_mut();
        let item = next.clone();
        *next += &self.step;
        Some(Ok(Some(Value::from_bigint(item))))
    }
}

thread_local! {
    static LONG_RANGE_ITERATOR: std::rc::Rc<crate::typeobject::TypeObject> =
        crate::native::native_type("longrange_iterator", ITERATOR_METHODS);
}

static ITERATOR_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__iter__",
        params: crate::builtins::function::Params::NoArgs,
        func: |_, z, _| Ok(z.clone()),
    },
    MethodDef {
        name: "__next__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, z, _| match z.native::<LongRangeIterator>().and_then(|it| it.next(vm)) {
            Some(Ok(Some(item))) => Ok(item),
            Some(Err(err)) => Err(err),
            _ => Err(crate::interpreter::generator::stop_iteration(Value::None)),
        },
    },
];

/// What is left of an iterator over a range beyond `i64` (its
/// `__length_hint__`), for code that preallocates from it.
pub(crate) fn long_range_remaining(iterator: &Value) -> Option<BigInt> {
    iterator
        .native::<LongRangeIterator>()
        .map(|it| it.remaining.borrow().clone())
}

fn long_range_iterator(first: BigInt, step: BigInt, len: BigInt) -> Value {
    NativeObject::new_value(
        LONG_RANGE_ITERATOR.with(std::rc::Rc::clone),
        LongRangeIterator {
            next: RefCell::new(first),
            step,
            remaining: RefCell::new(len),
        },
    )
}

/// An iterator over the ints from `start` on, without end (`enumerate`
/// with a start beyond `i64`).
pub fn count_from(start: BigInt) -> Value {
    long_range_iterator(start, BigInt::one(), BigInt::from(u128::MAX))
}

fn m_iter(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    if let Some(PyObject::Range(_)) = z.as_obj() {
        return protocol::iter(z);
    }
    let r = big_view(z)?;
    Ok(long_range_iterator(r.start, r.step, r.len))
}

fn m_reversed(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    if let Some(PyObject::Range(_)) = z.as_obj() {
        return crate::builtins::iter::reversed(z);
    }
    let r = big_view(z)?;
    let last = r.item(&(&r.len - 1));
    Ok(long_range_iterator(last, -r.step, r.len))
}

/// `r.__reduce__()`: `(range, (start, stop, step))`, for pickle and copy.
fn m_reduce(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let r = big_view(z)?;
    let class = crate::builtins::constructors::type_value(&crate::typeobject::builtin_type(
        crate::typeobject::BuiltinType::Range,
    ));
    let big = |b: &BigInt| Value::from_bigint(b.clone());
    Ok(Value::tuple(vec![
        class,
        Value::tuple(vec![big(&r.start), big(&r.stop), big(&r.step)]),
    ]))
}

const fn method(
    name: &'static str,
    params: crate::builtins::function::Params,
    func: crate::builtins::function::NativeMethod,
) -> MethodDef {
    MethodDef { name, params, func }
}

/// `range`'s namespace. The dunders serve the big kind (whose operations
/// reach them through `range`'s slots) and explicit calls
/// (`range(3).__len__()`); the small kind's operations never look here.
pub const METHODS: &[MethodDef] = &[
    method("__len__", crate::builtins::function::Params::NoArgs, m_len),
    method(
        "__bool__",
        crate::builtins::function::Params::NoArgs,
        m_bool,
    ),
    method(
        "__getitem__",
        crate::builtins::function::Params::One,
        m_getitem,
    ),
    method(
        "__contains__",
        crate::builtins::function::Params::One,
        m_contains,
    ),
    method(
        "__iter__",
        crate::builtins::function::Params::NoArgs,
        m_iter,
    ),
    method(
        "__reversed__",
        crate::builtins::function::Params::NoArgs,
        m_reversed,
    ),
    method(
        "__repr__",
        crate::builtins::function::Params::NoArgs,
        m_repr,
    ),
    method("__eq__", crate::builtins::function::Params::One, m_eq),
    method("__ne__", crate::builtins::function::Params::One, m_ne),
    method(
        "__hash__",
        crate::builtins::function::Params::NoArgs,
        m_hash,
    ),
    MethodDef {
        name: "__reduce__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_reduce,
    },
    MethodDef {
        name: "index",
        params: crate::builtins::function::Params::One,
        func: m_index,
    },
    MethodDef {
        name: "count",
        params: crate::builtins::function::Params::One,
        func: m_count,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::repr;

    fn r(a: i64, b: i64, c: i64) -> PyRange {
        PyRange::new(a, b, c).unwrap()
    }

    #[test]
    fn basics() {
        assert_eq!(r(0, 10, 3).len(), 4);
        assert_eq!(r(10, 0, -3).len(), 4);
        assert_eq!(r(0, -5, 1).len(), 0);
        assert!(r(0, 10, 3).contains(&Value::Int(9)).unwrap());
        assert!(!r(0, 10, 3).contains(&Value::Int(10)).unwrap());
        assert!(r(10, 0, -3).contains(&Value::Int(1)).unwrap());
        assert!(r(0, 3, 1).contains(&Value::float(2.0)).unwrap());
        assert!(!r(0, 3, 1).contains(&Value::str("a")).unwrap());
        assert_eq!(r(0, 5, 1).repr(), "range(0, 5)");
        assert_eq!(r(5, 0, -2).repr(), "range(5, 0, -2)");
        assert_eq!(
            repr(&r(0, 10, 1).get_index(&Value::Int(-1)).unwrap()).unwrap(),
            "9"
        );
        assert_eq!(
            r(0, 3, 1)
                .get_index(&Value::Int(3))
                .unwrap_err()
                .to_string(),
            "IndexError: range object index out of range"
        );
        // python3: range(0, 10)[::-2] -> range(9, -1, -2) ; range(1, 10, 2)[1:3] -> range(3, 7, 2)
        let s = PySlice::new(Value::None, Value::None, Value::Int(-2));
        assert_eq!(
            repr(&r(0, 10, 1).get_slice(&s).unwrap()).unwrap(),
            "range(9, -1, -2)"
        );
        let s = PySlice::new(Value::Int(1), Value::Int(3), Value::None);
        assert_eq!(
            repr(&r(1, 10, 2).get_slice(&s).unwrap()).unwrap(),
            "range(3, 7, 2)"
        );
        assert!(r(0, 0, 1).same_sequence(&r(5, 2, 3)));
        assert!(r(0, 3, 2).same_sequence(&r(0, 4, 2)));
        assert_eq!(
            PyRange::new(0, 1, 0).unwrap_err().to_string(),
            "ValueError: range() arg 3 must not be zero"
        );
    }
}
