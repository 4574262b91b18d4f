//! serde types to Python values and back (the `serde` feature), through
//! serde_json's data model: a struct or a map is a dict with str keys, a
//! sequence or a tuple a list, a unit or `None` is `None`, numbers are
//! ints or floats, an enum is serde's external tagging (`"Unit"` or
//! `{"Variant": ...}`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value as Json};

use krait_vm::builtins::dict::PyDict;
use krait_vm::{PyErr, Value};
use num_bigint::BigInt;

use super::convert::{FromPython, IntoPython};

/// A serde value converted as the Python value serde_json's data model
/// gives it: `Serde(config)` becomes a dict, `Serde<Config>` is read back
/// from one.
///
/// ```
/// use krait::embed::{Interpreter, Serde};
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, Debug, PartialEq)]
/// struct Order {
///     sku: String,
///     quantity: u32,
///     tags: Vec<String>,
/// }
///
/// let mut python = Interpreter::new();
/// let order = Order { sku: "A1".into(), quantity: 2, tags: vec!["gift".into()] };
/// python.set("order", Serde(order)).unwrap();
/// python.exec("order['quantity'] += 1\norder['tags'].append('rush')").unwrap();
/// let Serde(order): Serde<Order> = python.get("order").unwrap();
/// assert_eq!(order.quantity, 3);
/// assert_eq!(order.tags, ["gift", "rush"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Serde<T>(pub T);

impl<T: Serialize> IntoPython for Serde<T> {
    /// A `ValueError` when serde_json's data model cannot hold the value
    /// (a map whose keys are not strings or numbers); a non-finite float
    /// becomes `None`, as serde_json writes it `null`.
    fn into_python(self) -> Result<Value, PyErr> {
        let json = serde_json::to_value(&self.0)
            .map_err(|err| PyErr::value_error(format!("cannot convert to Python: {err}")))?;
        json_to_python(json)
    }
}

impl<T: DeserializeOwned> FromPython for Serde<T> {
    /// A `TypeError` naming what did not fit (`missing field `sku``).
    fn from_python(value: &Value) -> Result<Self, PyErr> {
        let json = python_to_json(value, 0)?;
        serde_json::from_value(json)
            .map(Serde)
            .map_err(|err| PyErr::type_error(format!("cannot convert from Python: {err}")))
    }
}

fn json_to_python(json: Json) -> Result<Value, PyErr> {
    Ok(match json {
        Json::Null => Value::None,
        Json::Bool(b) => Value::bool(b),
        Json::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Value::Int(i),
            (None, Some(u), _) => Value::from_bigint(BigInt::from(u)),
            (None, None, Some(f)) => Value::float(f),
            _ => return Err(PyErr::value_error(format!("cannot convert number {n}"))),
        },
        Json::String(s) => Value::str(s),
        Json::Array(items) => Value::list(
            items
                .into_iter()
                .map(json_to_python)
                .collect::<Result<_, _>>()?,
        ),
        Json::Object(map) => {
            let dict = PyDict::new();
            for (key, value) in map {
                dict.set_item(Value::str(key), json_to_python(value)?)?;
            }
            Value::dict(dict)
        }
    })
}

/// Deeper than this is a cycle or not data (`RecursionError`, as `json`).
const MAX_DEPTH: usize = 500;

fn python_to_json(value: &Value, depth: usize) -> Result<Json, PyErr> {
    if depth > MAX_DEPTH {
        return Err(PyErr::new(
            krait_vm::typeobject::ExcType::RecursionError,
            "maximum recursion depth exceeded while converting to Rust",
        ));
    }
    Ok(match value {
        Value::None => Json::Null,
        Value::Bool(b) => Json::Bool(b.get()),
        Value::Int(i) => Json::from(*i),
        Value::Float(f) => Number::from_f64(f.get()).map(Json::Number).ok_or_else(|| {
            PyErr::value_error(format!("cannot convert {} to a serde number", f.get()))
        })?,
        other if other.as_bigint_or_subclass().is_some() => {
            let big = BigInt::from_python(other)?;
            let n = u64::try_from(&big)
                .map(Json::from)
                .or_else(|_| i64::try_from(&big).map(Json::from));
            n.map_err(|_| PyErr::overflow_error("int too large to convert to a serde number"))?
        }
        other if other.as_str_or_subclass().is_some() => Json::String(String::from_python(other)?),
        other
            if other.as_list_or_subclass().is_some() || other.as_tuple_or_subclass().is_some() =>
        {
            let items: Vec<Value> = Vec::from_python(other)?;
            Json::Array(
                items
                    .iter()
                    .map(|item| python_to_json(item, depth + 1))
                    .collect::<Result<_, _>>()?,
            )
        }
        other if other.as_dict_or_subclass().is_some() => {
            let mut map = Map::new();
            let dict = other.as_dict_or_subclass().expect("checked above");
            for (key, item) in dict.items() {
                let key = match &key {
                    Value::Int(i) => i.to_string(),
                    key => match key.as_str_or_subclass() {
                        Some(s) => s.as_str().to_string(),
                        None => {
                            return Err(PyErr::type_error(format!(
                                "dict keys must be str or int to convert to Rust, not {}",
                                key.type_name()
                            )));
                        }
                    },
                };
                map.insert(key, python_to_json(&item, depth + 1)?);
            }
            Json::Object(map)
        }
        other => {
            return Err(PyErr::type_error(format!(
                "cannot convert {} to Rust data",
                other.type_name()
            )));
        }
    })
}
