//! Docstrings of the builtins: `len.__doc__`, `dict.get.__doc__`,
//! `ValueError.__doc__`, `(1).__doc__` — CPython 3.11's text, generated
//! into `table.rs` by `generate.py` (python3 itself is the source); and
//! their `__text_signature__`s, from which `inspect.signature(len)` reads
//! the parameters.

use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

mod table;

/// The docstring of builtin `key` (`"len"`, `"int"`, `"dict.get"`).
pub fn lookup(key: &str) -> Option<&'static str> {
    table::DOCS
        .binary_search_by(|(name, _)| (*name).cmp(key))
        .ok()
        .map(|i| table::DOCS[i].1)
}

/// The `__text_signature__` of builtin `key` (`"len"`, `"dict.get"`).
fn signature(key: &str) -> Option<&'static str> {
    table::SIGNATURES
        .binary_search_by(|(name, _)| (*name).cmp(key))
        .ok()
        .map(|i| table::SIGNATURES[i].1)
}

/// `obj.__text_signature__` of a builtin function or method: CPython's
/// (`($module, obj, /)`), None where it has none; `None` (no such
/// attribute) for other objects.
pub fn text_signature_of(obj: &Value) -> Option<Value> {
    let key = table_key(obj)?;
    Some(
        key.and_then(|key| signature(&key))
            .map_or(Value::None, Value::str),
    )
}

/// The tables' key of a builtin function or method (`"len"`,
/// `"dict.get"`): `Some(None)` for one the tables do not know (`math.pow`
/// is not `pow`), `None` for other objects.
fn table_key(obj: &Value) -> Option<Option<String>> {
    Some(match obj.as_obj()? {
        PyObject::BuiltinFunction(f) => is_in_builtins(f).then(|| f.name.to_string()),
        PyObject::MethodDescriptor(d) => {
            d.def.owner().map(|owner| format!("{owner}.{}", d.def.name))
        }
        _ => return None,
    })
}

/// `__doc__` of a type the builtins module defines (its own, not
/// inherited: `bool.__doc__` is bool's), None for the others.
pub fn of_type(class: &TypeObject) -> Value {
    type_doc(class).map_or(Value::None, Value::str)
}

/// The docstring of a type the builtins module defines.
pub fn type_doc(class: &TypeObject) -> Option<&'static str> {
    if class.heap || class.tp_name.is_some() {
        return None;
    }
    lookup(&class.name)
}

/// `obj.__doc__` of a builtin value that has no docstring attribute of
/// its own: a builtin function's, a builtin method's, else its type's.
pub fn of_object(obj: &Value) -> Value {
    if let Some(PyObject::Type(class)) = obj.as_obj() {
        return of_type(class);
    }
    match table_key(obj) {
        Some(key) => key
            .and_then(|key| lookup(&key))
            .map_or(Value::None, Value::str),
        None => of_type(&crate::typeobject::class_of(obj)),
    }
}

/// Whether `f` is the builtins module's function of its name (not
/// `math.pow`, which shares a name with `pow`); the interpreter's own
/// builtins (`next`, `dir`) go by name.
fn is_in_builtins(f: &crate::builtins::function::PyBuiltinFunction) -> bool {
    matches!(f.name, "next" | "dir" | "__build_class__")
        || crate::builtins::module::builtin_functions()
            .iter()
            .any(|(name, value)| {
                *name == f.name
                    && matches!(value.as_obj(), Some(PyObject::BuiltinFunction(g))
                    if std::ptr::fn_addr_eq(g.func, f.func))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_found() {
        assert!(table::DOCS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(
            lookup("len"),
            Some("Return the number of items in a container.")
        );
        assert!(lookup("dict.get").is_some_and(|d| d.starts_with("Return the value for key")));
        assert_eq!(lookup("no_such_builtin"), None);
        assert!(table::SIGNATURES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(signature("len"), Some("($module, obj, /)"));
    }
}
