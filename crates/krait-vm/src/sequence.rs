//! Helpers shared by the sequence types: index arguments, bounds,
//! lexicographic comparison.

use std::cmp::Ordering;

use num_traits::Signed;

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::interpreter::Vm;
use crate::protocol::{self, CompareOp};
use crate::value::Value;

/// An integer argument of a method (`maxsplit`, `width`, `count`...);
/// an object with `__index__` gives its index.
pub fn index_arg(vm: &mut Vm, v: &Value, _what: &str) -> PyResult<i64> {
    let index;
    let v = if crate::interpreter::class::user_class_ref(v).is_some() {
        index = crate::builtins::module::index_value(vm, v)?;
        &index
    } else {
        v
    };
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        _ if v.as_bigint_or_subclass().is_some() => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

/// An `__index__` argument CPython takes as a C `int` (`expandtabs`'
/// tabsize): its OverflowError past 32 bits, so no size derived from it
/// is huge.
pub fn c_int_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i32> {
    let overflow = || PyErr::overflow_error("Python int too large to convert to C int");
    match index_arg(vm, v, what) {
        Ok(n) => i32::try_from(n).map_err(|_| overflow()),
        Err(e) if e.matches(crate::typeobject::ExcType::OverflowError) => Err(overflow()),
        Err(e) => Err(e),
    }
}

/// The index in `seq[i]`; `container` names the type in the message
/// (`list indices must be integers or slices, not str`).
pub fn subscript_index(v: &Value, container: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(b.get() as i64),
        _ if v.as_bigint_or_subclass().is_some() => Err(PyErr::index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            v.type_name()
        ))),
        _ if container == "string" => Err(PyErr::type_error(format!(
            "string indices must be integers, not '{}'",
            v.type_name()
        ))),
        _ => Err(PyErr::type_error(format!(
            "{container} indices must be integers or slices, not {}",
            v.type_name()
        ))),
    }
}

/// A slice-style bound of a method (`list.index(x, start, end)`): as
/// [`opt_index`], with `__index__` honoured.
pub fn opt_index_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        Some(v) if crate::interpreter::class::user_class_ref(v).is_some() => {
            let index = crate::builtins::module::index_value(vm, v)?;
            opt_index(Some(&index))
        }
        _ => opt_index(v),
    }
}

/// A slice-style bound (`None` or an int; big ints saturate).
pub fn opt_index(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(b.get() as i64)),
        Some(v) => match v.as_bigint_or_subclass() {
            Some(b) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            None => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
    }
}

/// `i` adjusted for negative indexing, if in range.
#[inline]
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as u64) < len as u64 {
        Some(j as usize)
    } else {
        None
    }
}

/// Start/end arguments of `find`/`count`/`index`, clamped to `[0, len]`
/// like slice bounds (start may exceed end).
pub fn clamp_range(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let n = len as i64;
    let fix = |x: i64| -> i64 { if x < 0 { (x + n).max(0) } else { x.min(n) } };
    let s = start.map_or(0, |s| if s > n { s } else { fix(s) });
    let e = end.map_or(n, fix);
    (s as usize, e as usize)
}

/// Item-wise equality of two sequences (identity first, as CPython does).
pub fn seq_eq(a: &[Value], b: &[Value]) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !x.is(y) && !protocol::eq(x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Lexicographic comparison of two sequences.
pub fn seq_compare(op: CompareOp, a: &[Value], b: &[Value]) -> PyResult<bool> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) {
        let eq = seq_eq(a, b)?;
        return Ok(if op == CompareOp::Eq { eq } else { !eq });
    }
    for (x, y) in a.iter().zip(b) {
        if !x.is(y) && !protocol::eq(x, y)? {
            return protocol::compare_bool(op, x, y);
        }
    }
    let o = a.len().cmp(&b.len());
    Ok(match op {
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
        CompareOp::Eq | CompareOp::Ne => unreachable!(),
    })
}

/// [`seq_compare`] with the interpreter's `==` and `<` (user classes'
/// dunders), for sequence types outside the VM (`deque`, `array`).
pub fn seq_compare_vm(vm: &mut Vm, op: CompareOp, a: &[Value], b: &[Value]) -> PyResult<bool> {
    for (x, y) in a.iter().zip(b) {
        if !vm.equal(x, y)? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => vm.compare(op, x, y),
            };
        }
    }
    let o = a.len().cmp(&b.len());
    Ok(match op {
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    })
}

/// `seq * n` for the items of a list, a tuple, a str or bytes: a
/// MemoryError, as in CPython, when the result cannot be allocated; never
/// an abort.
pub fn repeat<T: Clone>(items: &[T], n: i64) -> PyResult<Vec<T>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items
        .len()
        .checked_mul(usize::try_from(n).unwrap_or(usize::MAX))
        .ok_or_else(|| PyErr::new(crate::typeobject::ExcType::MemoryError, ""))?;
    let mut out = crate::memory::vec_with_capacity(total)?;
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// The count argument of `seq * n`.
pub fn repeat_count(v: &Value) -> Option<PyResult<i64>> {
    match v {
        Value::Int(i) => Some(Ok(*i)),
        Value::Bool(b) => Some(Ok(b.get() as i64)),
        // CPython's `PyNumber_AsSsize_t(n, OverflowError)`: either sign.
        _ => v.as_bigint_or_subclass().map(|_| {
            Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }),
    }
}
