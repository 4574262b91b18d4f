//! The JSON shape of CPython's `ast` module: every node is an object with a
//! `_type` field naming its class, its fields under CPython's names, and
//! `lineno`, `col_offset`, `end_lineno`, `end_col_offset` where CPython has them.
//! `scripts/cpython_ast.py` prints this shape from CPython's own parser.
//!
//! The shape, as serde derives it from the types of this crate:
//!
//! ```json
//! {"_type": "Module", "body": [
//!   {"_type": "Expr", "value": {"_type": "Constant", "value": {"int": "1"},
//!    "kind": null, "lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 1},
//!    "lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 1}]}
//! ```
//!
//! - operators and contexts are nodes too: `{"_type": "Add"}`, `{"_type": "Load"}`;
//! - `comprehension`, `arguments`, `arg`, `keyword`, `alias`, `withitem` keep
//!   CPython's lowercase class names; `ExceptHandler`'s `type` field is `typ`
//!   in Rust;
//! - a missing optional child (`returns`, a `Dict` key of `**m`, a `kw_defaults`
//!   entry) is `null`;
//! - a Constant's `value` is tagged: `"none"`, `"ellipsis"`, `{"bool": true}`,
//!   `{"int": "123"}` (decimal text, any size), `{"float": "0.1"}` (the text of
//!   Rust's `{:?}`: `1e16`, `1e-5`, `inf`, `NaN`),
//!   `{"complex": {"real": "0.0", "imag": "2.0"}}`, `{"str": "..."}`,
//!   `{"bytes": [1, 2, 3]}`.
//!
//! Fields CPython has and krait does not ([`CPYTHON_ONLY_FIELDS`]) are ignored
//! when reading.
//!
//! Depth: [`from_json`] parses text with serde_json's default recursion limit
//! (128 nested arrays/objects, roughly 60 levels of nested calls or a chain of
//! about 120 `+`), and returns an error (never panics) beyond it. Callers that
//! must read deeper trees parse the text themselves with the limit disabled
//! (serde_json's `unbounded_depth` feature), on a thread with a large stack,
//! and hand the [`serde_json::Value`] to [`from_json_value`]; `cargo xtask
//! ast-diff` does so.

use crate::Mod;
use serde_json::Value;

/// Fields of CPython's nodes that krait-ast does not keep: always `None` or
/// empty for trees `ast.parse` builds without `type_comments=True`.
pub const CPYTHON_ONLY_FIELDS: &[&str] = &["type_comment", "type_ignores"];

/// Reads a tree from the JSON of `scripts/cpython_ast.py` (see the module
/// documentation for its depth limit).
pub fn from_json(text: &str) -> Result<Mod, serde_json::Error> {
    serde_json::from_str(text)
}

/// Reads a tree from already parsed JSON (no depth limit of its own).
pub fn from_json_value(value: Value) -> Result<Mod, serde_json::Error> {
    serde_json::from_value(value)
}

/// Writes a tree in the same JSON shape.
pub fn to_json_value(module: &Mod) -> Value {
    serde_json::to_value(module).expect("an AST always serializes")
}

/// Removes [`CPYTHON_ONLY_FIELDS`] from every object of `value`, so that
/// CPython's JSON compares equal to krait's. Iterative: any depth is fine.
pub fn drop_cpython_only_fields(value: &mut Value) {
    let mut todo = vec![value];
    while let Some(v) = todo.pop() {
        match v {
            Value::Object(map) => {
                for field in CPYTHON_ONLY_FIELDS {
                    map.remove(*field);
                }
                todo.extend(map.values_mut());
            }
            Value::Array(items) => todo.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// `Expr` and `Stmt`: a node kind (internally tagged by `_type`) and its
/// [`Location`] share one JSON object. Their Deserialize streams the object's
/// entries to the kind's derived Deserialize, keeping the four location
/// fields aside; serde's own `flatten` would buffer and then copy every
/// subtree once per level of nesting.
mod located {
    use crate::{Expr, ExprKind, Location, Stmt, StmtKind};
    use serde::Deserialize;
    use serde::de::value::{MapAccessDeserializer, StringDeserializer};
    use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, Visitor};
    use std::fmt;
    use std::marker::PhantomData;

    const FIELDS: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

    /// The inner map without the location fields, which land in `loc`.
    struct WithoutLocation<'a, A> {
        inner: A,
        loc: &'a mut [Option<u32>; 4],
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for WithoutLocation<'_, A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            while let Some(key) = self.inner.next_key::<String>()? {
                match FIELDS.iter().position(|f| *f == key) {
                    Some(i) => self.loc[i] = Some(self.inner.next_value()?),
                    None => return seed.deserialize(StringDeserializer::new(key)).map(Some),
                }
            }
            Ok(None)
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(
            &mut self,
            seed: V,
        ) -> Result<V::Value, A::Error> {
            self.inner.next_value_seed(seed)
        }
    }

    struct LocatedVisitor<K>(PhantomData<K>);

    impl<'de, K: Deserialize<'de>> Visitor<'de> for LocatedVisitor<K> {
        type Value = (K, Location);

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an AST node: an object with `_type` and a location")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(K, Location), A::Error> {
            let mut loc = [None; 4];
            let kind = K::deserialize(MapAccessDeserializer::new(WithoutLocation {
                inner: map,
                loc: &mut loc,
            }))?;
            let field = |i: usize| loc[i].ok_or_else(|| A::Error::missing_field(FIELDS[i]));
            let loc = Location {
                lineno: field(0)?,
                col_offset: field(1)?,
                end_lineno: field(2)?,
                end_col_offset: field(3)?,
            };
            Ok((kind, loc))
        }
    }

    impl<'de> Deserialize<'de> for Expr {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Expr, D::Error> {
            let (node, loc) = d.deserialize_map(LocatedVisitor::<ExprKind>(PhantomData))?;
            Ok(Expr { node, loc })
        }
    }

    impl<'de> Deserialize<'de> for Stmt {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Stmt, D::Error> {
            let (node, loc) = d.deserialize_map(LocatedVisitor::<StmtKind>(PhantomData))?;
            Ok(Stmt { node, loc })
        }
    }
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

/// Floats travel as text so that `inf` and `nan` survive JSON. The text is
/// Rust's `{:?}` (shortest round-tripping digits, `1e16`, `1e-5`, `inf`, `NaN`);
/// reading accepts anything `f64::from_str` does, so Python's `1e+16` too.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;
    use serde_json::json;

    const L: Location = Location {
        lineno: 1,
        col_offset: 2,
        end_lineno: 3,
        end_col_offset: 4,
    };

    fn name(id: &str, ctx: ExprContext) -> Expr {
        Expr::new(ExprKind::Name { id: id.into(), ctx }, L)
    }

    fn constant(value: Constant) -> Expr {
        Expr::new(ExprKind::Constant { value, kind: None }, L)
    }

    /// Serializes `node`, checks the JSON is `expected`, and reads it back.
    fn check<T>(node: &T, expected: Value)
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let value = serde_json::to_value(node).unwrap();
        assert_eq!(value, expected);
        let back: T = serde_json::from_value(value).unwrap();
        assert_eq!(&back, node);
    }

    const LOC: [(&str, u32); 4] = [
        ("lineno", 1),
        ("col_offset", 2),
        ("end_lineno", 3),
        ("end_col_offset", 4),
    ];

    fn with_loc(mut v: Value) -> Value {
        for (k, n) in LOC {
            v[k] = json!(n);
        }
        v
    }

    #[test]
    fn constants_are_tagged() {
        let cases = [
            (Constant::None, json!("none")),
            (Constant::Ellipsis, json!("ellipsis")),
            (Constant::Bool(true), json!({"bool": true})),
            (
                Constant::Int("123456789012345678901234567890".parse().unwrap()),
                json!({"int": "123456789012345678901234567890"}),
            ),
            (Constant::Float(0.1), json!({"float": "0.1"})),
            (Constant::Float(1e16), json!({"float": "1e16"})),
            (Constant::Float(1e-5), json!({"float": "1e-5"})),
            (Constant::Float(f64::INFINITY), json!({"float": "inf"})),
            (
                Constant::Complex {
                    real: 0.0,
                    imag: 2.0,
                },
                json!({"complex": {"real": "0.0", "imag": "2.0"}}),
            ),
            (Constant::Str("é\n".into()), json!({"str": "é\n"})),
            (Constant::Bytes(vec![0, 255]), json!({"bytes": [0, 255]})),
        ];
        for (c, v) in cases {
            check(
                &constant(c),
                with_loc(json!({"_type": "Constant", "value": v, "kind": null})),
            );
        }
        // NaN != NaN: check the text only.
        let v = serde_json::to_value(constant(Constant::Float(f64::NAN))).unwrap();
        assert_eq!(v["value"], json!({"float": "NaN"}));
        // Python's exponent spelling is read too.
        let e: Expr = serde_json::from_value(with_loc(
            json!({"_type": "Constant", "value": {"float": "1e+16"}, "kind": "u"}),
        ))
        .unwrap();
        assert_eq!(
            e.node,
            ExprKind::Constant {
                value: Constant::Float(1e16),
                kind: Some("u".into())
            }
        );
    }

    #[test]
    fn lowercase_classes_and_optional_children() {
        let load = json!({"_type": "Load"});
        let store = json!({"_type": "Store"});
        let x_load = with_loc(json!({"_type": "Name", "id": "x", "ctx": load}));
        let x_store = with_loc(json!({"_type": "Name", "id": "x", "ctx": store}));
        check(
            &Comprehension {
                target: name("x", ExprContext::Store),
                iter: name("x", ExprContext::Load),
                ifs: vec![],
                is_async: 0,
            },
            json!({"_type": "comprehension", "target": x_store, "iter": x_load,
                   "ifs": [], "is_async": 0}),
        );
        check(
            &ExceptHandler {
                typ: Some(Box::new(name("x", ExprContext::Load))),
                name: None,
                body: vec![Stmt::new(StmtKind::Pass, L)],
                loc: L,
            },
            with_loc(
                json!({"_type": "ExceptHandler", "type": x_load, "name": null,
                            "body": [with_loc(json!({"_type": "Pass"}))]}),
            ),
        );
        let arg = Arg {
            arg: "a".into(),
            annotation: None,
            loc: L,
        };
        let arg_json = with_loc(json!({"_type": "arg", "arg": "a", "annotation": null}));
        check(
            &Arguments {
                kwonlyargs: vec![arg.clone(), arg.clone()],
                kw_defaults: vec![None, Some(name("x", ExprContext::Load))],
                kwarg: Some(Box::new(arg)),
                ..Default::default()
            },
            json!({"_type": "arguments", "posonlyargs": [], "args": [], "vararg": null,
                   "kwonlyargs": [arg_json, arg_json], "kw_defaults": [null, x_load],
                   "kwarg": arg_json, "defaults": []}),
        );
        check(
            &Keyword {
                arg: None,
                value: name("x", ExprContext::Load),
                loc: L,
            },
            with_loc(json!({"_type": "keyword", "arg": null, "value": x_load})),
        );
        check(
            &Alias {
                name: "os.path".into(),
                asname: Some("p".into()),
                loc: L,
            },
            with_loc(json!({"_type": "alias", "name": "os.path", "asname": "p"})),
        );
        check(
            &WithItem {
                context_expr: name("x", ExprContext::Load),
                optional_vars: None,
            },
            json!({"_type": "withitem", "context_expr": x_load, "optional_vars": null}),
        );
        check(
            &Expr::new(
                ExprKind::Dict {
                    keys: vec![None, Some(name("x", ExprContext::Load))],
                    values: vec![name("x", ExprContext::Load), name("x", ExprContext::Load)],
                },
                L,
            ),
            with_loc(json!({"_type": "Dict", "keys": [null, x_load],
                            "values": [x_load, x_load]})),
        );
    }

    #[test]
    fn cpython_only_fields_are_ignored_and_dropped() {
        let mut v = json!({"_type": "Module", "type_ignores": [], "body": [with_loc(json!(
            {"_type": "Assign", "type_comment": null,
             "targets": [with_loc(json!({"_type": "Name", "id": "x", "ctx": {"_type": "Store"}}))],
             "value": with_loc(json!({"_type": "Constant", "value": "none", "kind": null}))}
        ))]});
        let module = from_json(&v.to_string()).unwrap();
        let Mod::Module { body } = &module else {
            panic!("not a module: {module:?}")
        };
        assert!(matches!(body[0].node, StmtKind::Assign { .. }));
        drop_cpython_only_fields(&mut v);
        assert_eq!(to_json_value(&module), v);
        assert_eq!(from_json_value(v).unwrap(), module);
    }

    #[test]
    fn too_deep_text_is_an_error_not_a_crash() {
        let mut text = String::from(
            "{\"_type\": \"Name\", \"id\": \"x\", \"ctx\": {\"_type\": \"Load\"}, \"lineno\": 1, \"col_offset\": 0, \"end_lineno\": 1, \"end_col_offset\": 1}",
        );
        for _ in 0..300 {
            text = format!(
                "{{\"_type\": \"UnaryOp\", \"op\": {{\"_type\": \"USub\"}}, \"operand\": {text}, \"lineno\": 1, \"col_offset\": 0, \"end_lineno\": 1, \"end_col_offset\": 1}}"
            );
        }
        let text = format!("{{\"_type\": \"Expression\", \"body\": {text}}}");
        let err = from_json(&text).unwrap_err();
        assert!(err.to_string().contains("recursion limit"), "{err}");
    }

    #[test]
    fn location_fields_in_any_order_and_required() {
        let v = json!({"end_col_offset": 4, "lineno": 1, "_type": "Name", "col_offset": 2,
                       "ctx": {"_type": "Load"}, "end_lineno": 3, "id": "x"});
        let e: Expr = serde_json::from_str(&v.to_string()).unwrap();
        assert_eq!(e, name("x", ExprContext::Load));
        let v = json!({"_type": "Pass", "lineno": 1, "col_offset": 2, "end_lineno": 3});
        let err = serde_json::from_value::<Stmt>(v).unwrap_err();
        assert!(err.to_string().contains("end_col_offset"), "{err}");
        let v = json!({"_type": "Nope", "lineno": 1, "col_offset": 2, "end_lineno": 3});
        let err = serde_json::from_value::<Stmt>(v).unwrap_err();
        assert!(err.to_string().contains("unknown variant `Nope`"), "{err}");
    }

    #[test]
    fn deep_values_read_in_linear_time() {
        // 20_000 nested unary minus: quadratic reading would take minutes.
        std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(|| {
                let mut e = name("x", ExprContext::Load);
                for _ in 0..20_000 {
                    e = Expr::new(
                        ExprKind::UnaryOp {
                            op: UnaryOp::USub,
                            operand: Box::new(e),
                        },
                        L,
                    );
                }
                let module = Mod::Expression { body: Box::new(e) };
                let started = std::time::Instant::now();
                let back = from_json_value(to_json_value(&module)).unwrap();
                assert!(started.elapsed().as_secs() < 10);
                assert!(back == module);
            })
            .unwrap()
            .join()
            .unwrap();
    }
}
