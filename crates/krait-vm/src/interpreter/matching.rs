//! What `match` statements ask of objects: the instructions GET_LEN,
//! MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS, with CPython
//! 3.11's rules (`match_keys` and `match_class` in `Python/ceval.c`).
//!
//! CPython decides "sequence" and "mapping" by type flags that builtin
//! types carry, that subclasses inherit, and that registering a class with
//! `collections.abc.Sequence`/`Mapping` (or deriving from them) sets. krait
//! reads the builtin part from the class's MRO and asks the ABCs for the
//! rest, which `isinstance` answers the same way the flags would.

use std::rc::Rc;

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::typeobject::{self, BuiltinType, TypeObject};
use crate::value::Value;

/// What a class is to `match`, as far as its builtin bases tell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Collection {
    Sequence,
    Mapping,
    /// str, bytes, bytearray: iterable and indexable, but never sequences
    /// for `match`.
    Neither,
    /// Only the ABCs can tell.
    Unknown,
}

fn builtin_collection(class: &TypeObject) -> Collection {
    let own = std::iter::once(class);
    for t in own.chain(class.mro.iter().map(|t| &**t)) {
        if t.heap {
            continue;
        }
        match t.builtin {
            Some(BuiltinType::List | BuiltinType::Tuple | BuiltinType::Range) => {
                return Collection::Sequence;
            }
            Some(BuiltinType::Dict) => return Collection::Mapping,
            Some(BuiltinType::Str | BuiltinType::Bytes) => return Collection::Neither,
            _ => {}
        }
        // Types defined outside the VM's own table (the standard library's).
        match &*t.name {
            "deque" | "array" | "memoryview" => return Collection::Sequence,
            "mappingproxy" => return Collection::Mapping,
            "bytearray" => return Collection::Neither,
            _ => {}
        }
    }
    Collection::Unknown
}

impl Vm {
    /// MATCH_SEQUENCE and MATCH_MAPPING.
    pub(crate) fn match_collection(&mut self, subject: &Value, mapping: bool) -> PyResult<bool> {
        let class = typeobject::class_of(subject);
        match builtin_collection(&class) {
            Collection::Sequence => return Ok(!mapping),
            Collection::Mapping => return Ok(mapping),
            Collection::Neither => return Ok(false),
            Collection::Unknown => {}
        }
        // Registered with (or derived from) an ABC: only possible once
        // the ABCs' module (`collections.abc` re-exports it) was imported.
        let Some(abc) = self.modules_get("_collections_abc")? else {
            return Ok(false);
        };
        let name = if mapping { "Mapping" } else { "Sequence" };
        let Some(abstract_class) = self.attribute_if_present(&abc, name)? else {
            return Ok(false);
        };
        self.isinstance(subject, &abstract_class)
    }

    /// MATCH_KEYS: the values of `keys` in the mapping `subject`, read
    /// with its `get` method, or `None` if one is missing.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult {
        let keys: Vec<Value> = match keys.as_tuple() {
            Some(tuple) => tuple.as_slice().to_vec(),
            None => return Err(PyErr::type_error("MATCH_KEYS expects a tuple of keys")),
        };
        if keys.is_empty() {
            return Ok(Value::tuple(Vec::new()));
        }
        let get = self.get_attr(subject, "get")?;
        // A fresh object no mapping can hold: `get` returns it for a miss
        // without creating the key (as `defaultdict.__missing__` would).
        let missing = Value::list(Vec::new());
        let seen = crate::builtins::dict::PyDict::new();
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            if seen.get_item_vm(self, &key)?.is_some() {
                let shown = self.repr(&key)?;
                return Err(PyErr::value_error(format!(
                    "mapping pattern checks duplicate key ({shown})"
                )));
            }
            seen.set_item_vm(self, key.clone(), Value::None)?;
            let value = self.call_native(&get, vec![key, missing.clone()], &[])?;
            if value.is(&missing) {
                return Ok(Value::None);
            }
            values.push(value);
        }
        Ok(Value::tuple(values))
    }

    /// MATCH_CLASS: the attributes a class pattern extracts, or `None`
    /// when `subject` is not an instance of `class` or lacks one of them.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        class: &Value,
        names: &Value,
        positional: usize,
    ) -> PyResult {
        let Some(PyObject::Type(class_type)) = class.as_obj() else {
            return Err(PyErr::type_error("called match pattern must be a type"));
        };
        let class_type = Rc::clone(class_type);
        if !self.isinstance(subject, class)? {
            return Ok(Value::None);
        }
        let type_name = class_type.name.to_string();
        let mut seen: Vec<Value> = Vec::new();
        let mut attrs = Vec::new();
        if positional > 0 {
            let (match_args, match_self) =
                match self.attribute_if_present(class, "__match_args__")? {
                    Some(args) => match args.as_tuple() {
                        Some(tuple) => (tuple.as_slice().to_vec(), false),
                        _ => {
                            return Err(PyErr::type_error(format!(
                                "{type_name}.__match_args__ must be a tuple (got {})",
                                args.type_name()
                            )));
                        }
                    },
                    // Without `__match_args__`, the builtin types whose value
                    // is the instance itself take one positional pattern.
                    None => (Vec::new(), matches_self(&class_type)),
                };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < positional {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(PyErr::type_error(format!(
                    "{type_name}() accepts {allowed} positional sub-pattern{plural} ({positional} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..positional] {
                    if name.as_str().is_none() {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.type_name()
                        )));
                    }
                    match self.match_class_attribute(subject, &type_name, name, &mut seen)? {
                        Some(value) => attrs.push(value),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let names: Vec<Value> = names
            .as_tuple()
            .map_or_else(Vec::new, |t| t.as_slice().to_vec());
        for name in &names {
            match self.match_class_attribute(subject, &type_name, name, &mut seen)? {
                Some(value) => attrs.push(value),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(attrs))
    }

    /// One attribute of a class pattern: `None` when it is missing; a
    /// TypeError when two sub-patterns name it.
    fn match_class_attribute(
        &mut self,
        subject: &Value,
        type_name: &str,
        name: &Value,
        seen: &mut Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let text = name
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if seen
            .iter()
            .any(|s| s.as_str().is_some_and(|s| s.as_str() == text))
        {
            let shown = self.repr(name)?;
            return Err(PyErr::type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute {shown}"
            )));
        }
        seen.push(name.clone());
        self.attribute_if_present(subject, &text)
    }
}

/// CPython's `_Py_TPFLAGS_MATCH_SELF`: `int(x)`, `str(s)`... match the
/// subject itself.
fn matches_self(class: &TypeObject) -> bool {
    std::iter::once(class)
        .chain(class.mro.iter().map(|t| &**t))
        .filter(|t| !t.heap)
        .any(|t| {
            matches!(
                t.builtin,
                Some(
                    BuiltinType::Bool
                        | BuiltinType::Bytes
                        | BuiltinType::Dict
                        | BuiltinType::Float
                        | BuiltinType::FrozenSet
                        | BuiltinType::Int
                        | BuiltinType::List
                        | BuiltinType::Set
                        | BuiltinType::Str
                        | BuiltinType::Tuple
                )
            ) || &*t.name == "bytearray"
        })
}
