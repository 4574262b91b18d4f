//! Rust values to Python values and back: [`IntoPython`] and
//! [`FromPython`].
//!
//! The conversions are the ones a Python user would expect of a binding:
//! `bool`, every Rust integer (a Python int of any size: [`BigInt`] too),
//! `f64`/`f32`, `String`/`&str`, `Vec<T>` (a list; from a list or a
//! tuple), tuples of up to six items, `HashMap`/`BTreeMap`/`IndexMap` (a
//! dict), `Option<T>` (`None`), `()` (`None`) and [`PyValue`] (any Python
//! value, unconverted). A value of the wrong type, or an int out of the
//! target's range, is a Python `TypeError`/`OverflowError` with CPython's
//! wording, never a panic.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use indexmap::IndexMap;
use krait_vm::builtins::dict::PyDict;
use krait_vm::{PyErr, Value};
use num_bigint::BigInt;

use super::PyValue;

/// A Rust value that becomes a Python value.
pub trait IntoPython {
    /// The Python value. Fails only for a dict whose keys cannot be hashed.
    fn into_python(self) -> Result<Value, PyErr>;
}

/// A Rust value made from a Python value.
pub trait FromPython: Sized {
    /// The Rust value; a `TypeError` (or `OverflowError`) when `value` is
    /// not of a type that converts.
    fn from_python(value: &Value) -> Result<Self, PyErr>;
}

/// `TypeError: expected int, got str`, as the binding's own words.
fn wrong_type(expected: &str, value: &Value) -> PyErr {
    PyErr::type_error(format!("expected {expected}, got {}", value.type_name()))
}

impl IntoPython for Value {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(self)
    }
}

impl FromPython for Value {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        Ok(value.clone())
    }
}

impl IntoPython for PyValue {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(self.0)
    }
}

impl FromPython for PyValue {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        Ok(PyValue(value.clone()))
    }
}

impl IntoPython for () {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::None)
    }
}

impl FromPython for () {
    /// Accepts only `None` (a function that returns nothing).
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        match value {
            Value::None => Ok(()),
            other => Err(wrong_type("None", other)),
        }
    }
}

impl IntoPython for bool {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::bool(self))
    }
}

impl FromPython for bool {
    /// Only `True` and `False` (not any truthy value: a binding that
    /// guessed would hide mistakes).
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        match value {
            Value::Bool(b) => Ok(b.get()),
            other => Err(wrong_type("bool", other)),
        }
    }
}

impl IntoPython for BigInt {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::from_bigint(self))
    }
}

impl FromPython for BigInt {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        match value {
            Value::Int(i) => Ok(BigInt::from(*i)),
            Value::Bool(b) => Ok(BigInt::from(b.get() as i64)),
            other => match other.as_bigint_or_subclass() {
                Some(big) => Ok(big.clone()),
                None => Err(wrong_type("int", other)),
            },
        }
    }
}

/// The integer types: to a Python int of any size, and back when it fits
/// (else `OverflowError`, as CPython's conversions to C integers say).
macro_rules! integer_conversions {
    ($($t:ty),*) => {$(
        impl IntoPython for $t {
            fn into_python(self) -> Result<Value, PyErr> {
                Ok(match i64::try_from(self) {
                    Ok(small) => Value::Int(small),
                    Err(_) => Value::from_bigint(BigInt::from(self)),
                })
            }
        }

        impl FromPython for $t {
            fn from_python(value: &Value) -> Result<Self, PyErr> {
                let big = BigInt::from_python(value)?;
                <$t>::try_from(&big).map_err(|_| {
                    PyErr::overflow_error(format!(
                        "Python int too large to convert to Rust {}",
                        stringify!($t)
                    ))
                })
            }
        }
    )*};
}

integer_conversions!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl IntoPython for f64 {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::float(self))
    }
}

impl FromPython for f64 {
    /// A float, or an int (as Python's `float()` of it would give).
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        match value {
            Value::Float(f) => Ok(f.get()),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(b.get() as i64 as f64),
            other => match other.as_bigint_or_subclass() {
                Some(big) => {
                    let f = num_traits::ToPrimitive::to_f64(big).unwrap_or(f64::INFINITY);
                    if f.is_finite() {
                        Ok(f)
                    } else {
                        Err(PyErr::overflow_error("int too large to convert to float"))
                    }
                }
                None => Err(wrong_type("float", other)),
            },
        }
    }
}

impl IntoPython for f32 {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::float(self as f64))
    }
}

impl FromPython for f32 {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        f64::from_python(value).map(|f| f as f32)
    }
}

impl IntoPython for String {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::str(self))
    }
}

impl IntoPython for &str {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::str(self))
    }
}

impl IntoPython for &String {
    fn into_python(self) -> Result<Value, PyErr> {
        Ok(Value::str(self.as_str()))
    }
}

impl FromPython for String {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        match value.as_str_or_subclass() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(wrong_type("str", value)),
        }
    }
}

impl<T: IntoPython> IntoPython for Option<T> {
    fn into_python(self) -> Result<Value, PyErr> {
        match self {
            Some(value) => value.into_python(),
            None => Ok(Value::None),
        }
    }
}

impl<T: FromPython> FromPython for Option<T> {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        match value {
            Value::None => Ok(None),
            other => T::from_python(other).map(Some),
        }
    }
}

impl<T: IntoPython> IntoPython for Vec<T> {
    fn into_python(self) -> Result<Value, PyErr> {
        let items = self
            .into_iter()
            .map(IntoPython::into_python)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Value::list(items))
    }
}

impl<T: IntoPython + Clone> IntoPython for &[T] {
    fn into_python(self) -> Result<Value, PyErr> {
        self.to_vec().into_python()
    }
}

/// The items of a list or a tuple (not a str, though it is a sequence:
/// `Vec<String>` from `"abc"` is almost always a mistake).
fn sequence_items(value: &Value, expected: &str) -> Result<Vec<Value>, PyErr> {
    if let Some(list) = value.as_list_or_subclass() {
        return Ok(list.snapshot());
    }
    if let Some(tuple) = value.as_tuple_or_subclass() {
        return Ok(tuple.as_slice().to_vec());
    }
    Err(wrong_type(expected, value))
}

impl<T: FromPython> FromPython for Vec<T> {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        sequence_items(value, "list or tuple")?
            .iter()
            .map(T::from_python)
            .collect()
    }
}

/// Tuples of up to six items, each converted.
macro_rules! tuple_conversions {
    ($n:expr; $($name:ident $index:tt),+) => {
        impl<$($name: IntoPython),+> IntoPython for ($($name,)+) {
            fn into_python(self) -> Result<Value, PyErr> {
                Ok(Value::tuple(vec![$(self.$index.into_python()?),+]))
            }
        }

        impl<$($name: FromPython),+> FromPython for ($($name,)+) {
            fn from_python(value: &Value) -> Result<Self, PyErr> {
                let items = sequence_items(value, "tuple")?;
                if items.len() != $n {
                    return Err(PyErr::type_error(format!(
                        "expected a tuple of {} items, got {}",
                        $n,
                        items.len()
                    )));
                }
                Ok(($($name::from_python(&items[$index])?,)+))
            }
        }
    };
}

tuple_conversions!(1; A 0);
tuple_conversions!(2; A 0, B 1);
tuple_conversions!(3; A 0, B 1, C 2);
tuple_conversions!(4; A 0, B 1, C 2, D 3);
tuple_conversions!(5; A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// A dict from key/value pairs, in their order.
fn dict_from_pairs(
    pairs: impl IntoIterator<Item = (impl IntoPython, impl IntoPython)>,
) -> Result<Value, PyErr> {
    let dict = PyDict::new();
    for (key, value) in pairs {
        dict.set_item(key.into_python()?, value.into_python()?)?;
    }
    Ok(Value::dict(dict))
}

/// The pairs of a dict (or a dict subclass), converted.
fn pairs_of<K: FromPython, V: FromPython>(value: &Value) -> Result<Vec<(K, V)>, PyErr> {
    let Some(dict) = value.as_dict_or_subclass() else {
        return Err(wrong_type("dict", value));
    };
    dict.items()
        .iter()
        .map(|(k, v)| Ok((K::from_python(k)?, V::from_python(v)?)))
        .collect()
}

impl<K: IntoPython, V: IntoPython, S> IntoPython for HashMap<K, V, S> {
    fn into_python(self) -> Result<Value, PyErr> {
        dict_from_pairs(self)
    }
}

impl<K: FromPython + Eq + Hash, V: FromPython, S: BuildHasher + Default> FromPython
    for HashMap<K, V, S>
{
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        Ok(pairs_of(value)?.into_iter().collect())
    }
}

impl<K: IntoPython, V: IntoPython> IntoPython for BTreeMap<K, V> {
    fn into_python(self) -> Result<Value, PyErr> {
        dict_from_pairs(self)
    }
}

impl<K: FromPython + Ord, V: FromPython> FromPython for BTreeMap<K, V> {
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        Ok(pairs_of(value)?.into_iter().collect())
    }
}

impl<K: IntoPython, V: IntoPython, S> IntoPython for IndexMap<K, V, S> {
    fn into_python(self) -> Result<Value, PyErr> {
        dict_from_pairs(self)
    }
}

impl<K: FromPython + Eq + Hash, V: FromPython, S: BuildHasher + Default> FromPython
    for IndexMap<K, V, S>
{
    /// Keeps the dict's order.
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        Ok(pairs_of(value)?.into_iter().collect())
    }
}
