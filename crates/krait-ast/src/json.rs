//! The JSON shape of CPython's `ast` module: every node is an object with a
//! `_type` field naming its class, its fields under CPython's names, and
//! `lineno`, `col_offset`, `end_lineno`, `end_col_offset` where CPython has them.
//! `scripts/cpython_ast.py` prints this shape from CPython's own parser.

use crate::Mod;

/// Reads a tree from the JSON of `scripts/cpython_ast.py`.
pub fn from_json(text: &str) -> Result<Mod, serde_json::Error> {
    serde_json::from_str(text)
}

/// Writes a tree in the same JSON shape.
pub fn to_json_value(module: &Mod) -> serde_json::Value {
    serde_json::to_value(module).expect("an AST always serializes")
}

pub mod bigint_as_string {
    use num_bigint::BigInt;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &BigInt, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&value.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BigInt, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Floats travel as text so that `inf` and `nan` survive JSON.
pub mod float_as_string {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{value:?}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
