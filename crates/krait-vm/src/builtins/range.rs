//! `range`: start/stop/step in `i64` (ranges beyond `i64` raise
//! OverflowError for now). Length, indexing and `in` are O(1).

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::int;
use crate::builtins::slice::PySlice;
use crate::interpreter::Vm;
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

    /// `range(*args)` from Python values.
    pub fn from_args(args: &[Value]) -> PyResult<PyRange> {
        let arg = |v: &Value| -> PyResult<i64> {
            match int::as_int(v) {
                Some(i) => i.to_i64().ok_or_else(|| {
                    PyErr::overflow_error("Python int too large to convert to C ssize_t")
                }),
                None => Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                ))),
            }
        };
        match args {
            [stop] => PyRange::new(0, arg(stop)?, 1),
            [start, stop] => PyRange::new(arg(start)?, arg(stop)?, 1),
            [start, stop, step] => PyRange::new(arg(start)?, arg(stop)?, arg(step)?),
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
        let fit = |x: i128| i64::try_from(x).map_err(|_| PyErr::overflow_error("range too large"));
        Ok(Value::obj(PyObject::Range(PyRange::new(
            fit(start)?,
            fit(stop)?,
            fit(step)?,
        )?)))
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

fn zelf(v: &Value) -> PyResult<&PyRange> {
    match v.as_obj() {
        Some(PyObject::Range(r)) => Ok(r),
        _ => Err(PyErr::type_error("descriptor requires a 'range' object")),
    }
}

fn m_index(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let r = zelf(z)?;
    if let Some(i) = int::as_int(&args.pos[0]).and_then(|i| i.to_i64())
        && let Some(k) = r.index_of(i)
    {
        return Ok(Value::from(k));
    }
    Err(PyErr::value_error(format!(
        "{} is not in range",
        protocol::repr(&args.pos[0])?
    )))
}

fn m_count(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let r = zelf(z)?;
    Ok(Value::Int(r.contains(&args.pos[0])? as i64))
}

pub const METHODS: &[MethodDef] = &[
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
