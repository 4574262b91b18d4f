//! `tuple`: an immutable boxed slice of values.

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::slice::SliceIndices;
use crate::interp::{Args, Interp};
use crate::protocol;
use crate::sequence;
use crate::value::Value;

pub struct PyTuple {
    items: Box<[Value]>,
}

impl PyTuple {
    /// Moves the items out (for the iterative teardown in `object.rs`).
    pub(crate) fn take_items(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.items).into_vec()
    }

    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple {
            items: items.into_boxed_slice(),
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[Value] {
        &self.items
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Value> {
        self.items.iter()
    }

    pub fn get_index(&self, i: &Value) -> PyResult {
        let idx = sequence::subscript_index(i, "tuple")?;
        sequence::normalize_index(idx, self.items.len())
            .map(|i| self.items[i].clone())
            .ok_or_else(|| PyErr::index_error("tuple index out of range"))
    }

    pub fn get_slice(&self, si: SliceIndices) -> Value {
        Value::tuple(si.iter().map(|i| self.items[i].clone()).collect())
    }

    /// CPython's tuple hash (the xxHash-based `tuplehash` of 3.8+), so
    /// tuples of ints hash exactly as in CPython.
    pub fn hash(&self) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc = P5;
        for item in self.items.iter() {
            let lane = protocol::hash(item)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((self.items.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }

    pub fn repr(&self) -> PyResult<String> {
        let mut s = String::from("(");
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&protocol::repr(item)?);
        }
        if self.items.len() == 1 {
            s.push(',');
        }
        s.push(')');
        Ok(s)
    }
}

fn zelf(v: &Value) -> PyResult<&PyTuple> {
    v.as_tuple().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn m_count(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let t = zelf(z)?;
    args.check("count", 1, 1)?;
    let mut n = 0;
    for item in t.iter() {
        if item.is(&args.pos[0]) || vm.eq(item, &args.pos[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn m_index(vm: &mut dyn Interp, z: &Value, args: Args) -> PyResult {
    let t = zelf(z)?;
    args.check("index", 1, 3)?;
    let start = sequence::opt_index(args.pos.get(1))?;
    let end = sequence::opt_index(args.pos.get(2))?;
    let (a, b) = sequence::clamp_range(start, end, t.len());
    for i in a..b.min(t.len()) {
        if t.items[i].is(&args.pos[0]) || vm.eq(&t.items[i], &args.pos[0])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "count",
        func: m_count,
    },
    MethodDef {
        name: "index",
        func: m_index,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::NoInterp;
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
        let r = |name: &str, a: &[Value]| match call_method(&mut NoInterp, &v, name, Args::new(a)) {
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
        let tv = v.as_tuple().unwrap();
        assert_eq!(
            tv.get_index(&Value::Int(3)).unwrap_err().to_string(),
            "IndexError: tuple index out of range"
        );
    }
}
