//! `slice` objects and the index arithmetic behind `seq[a:b:c]`.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::sequence;
use crate::value::Value;

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A slice resolved against a length (CPython's `PySlice_AdjustIndices`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Number of selected items.
    pub len: usize,
}

impl SliceIndices {
    /// Whether the slice selects all `len` items in order: an immutable
    /// sequence's slice is then the sequence itself (`s[:] is s`).
    #[inline]
    pub fn is_whole(&self, len: usize) -> bool {
        self.step == 1 && self.start == 0 && self.len == len
    }

    /// The selected indices, in order.
    pub fn iter(self) -> impl ExactSizeIterator<Item = usize> {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

impl PySlice {
    pub fn new(start: Value, stop: Value, step: Value) -> PySlice {
        PySlice { start, stop, step }
    }

    /// Resolve against a sequence of length `len`.
    pub fn indices(&self, len: usize) -> PyResult<SliceIndices> {
        let step = sequence::opt_index(Some(&self.step))?.unwrap_or(1);
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let start = sequence::opt_index(Some(&self.start))?;
        let stop = sequence::opt_index(Some(&self.stop))?;
        Ok(adjust(start, stop, step, len as i64))
    }

    pub fn repr(&self) -> PyResult<String> {
        Ok(format!(
            "slice({}, {}, {})",
            protocol::repr(&self.start)?,
            protocol::repr(&self.stop)?,
            protocol::repr(&self.step)?
        ))
    }
}

/// The indices of `[start:stop:step]` for a sequence of `len` items when
/// every bound is a small int or None and the step is not zero (the
/// dispatch loop's slicing without a slice object); `None` otherwise.
#[inline]
pub fn int_indices(start: &Value, stop: &Value, step: &Value, len: usize) -> Option<SliceIndices> {
    let bound = |v: &Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    };
    let step = bound(step)?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(adjust(
        bound(start)?,
        bound(stop)?,
        step.max(-i64::MAX),
        len as i64,
    ))
}

fn adjust(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> SliceIndices {
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < lower {
                        x = lower;
                    }
                } else if x > upper {
                    x = upper;
                }
                x
            }
        }
    };
    let start = fix(start, if step < 0 { upper } else { lower });
    let stop = fix(stop, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    SliceIndices {
        start,
        stop,
        step,
        len: n as usize,
    }
}

fn m_indices(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    args.check("indices", 1, 1)?;
    let Some(PyObject::Slice(s)) = z.as_obj() else {
        return Err(PyErr::type_error(
            "descriptor 'indices' requires a 'slice' object",
        ));
    };
    let len = sequence::index_arg(vm, &args.pos[0], "length")?;
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let si = s.indices(len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(si.start),
        Value::Int(si.stop),
        Value::Int(si.step),
    ]))
}

pub const METHODS: &[MethodDef] = &[MethodDef {
    name: "indices",
    params: crate::builtins::function::Params::Any,
    func: m_indices,
}];

#[cfg(test)]
mod tests {
    use super::*;

    fn sl(a: Option<i64>, b: Option<i64>, c: Option<i64>) -> PySlice {
        let v = |x: Option<i64>| x.map_or(Value::None, Value::Int);
        PySlice::new(v(a), v(b), v(c))
    }
    fn idx(s: &PySlice, n: usize) -> (i64, i64, i64, usize) {
        let r = s.indices(n).unwrap();
        (r.start, r.stop, r.step, r.len)
    }

    #[test]
    fn indices_match_cpython() {
        // python3: slice(None,None,-1).indices(5) -> (4, -1, -1)
        assert_eq!(idx(&sl(None, None, Some(-1)), 5), (4, -1, -1, 5));
        assert_eq!(idx(&sl(Some(-100), Some(100), None), 5), (0, 5, 1, 5));
        assert_eq!(idx(&sl(Some(1), None, Some(2)), 6), (1, 6, 2, 3));
        assert_eq!(idx(&sl(Some(-2), Some(-10), Some(-3)), 5), (3, -1, -3, 2));
        assert_eq!(idx(&sl(Some(3), Some(1), None), 5), (3, 1, 1, 0));
        assert_eq!(
            sl(None, None, Some(0)).indices(3).unwrap_err().to_string(),
            "ValueError: slice step cannot be zero"
        );
        assert_eq!(
            sl(Some(1), None, Some(2)).repr().unwrap(),
            "slice(1, None, 2)"
        );
    }
}
