//! `types.GenericAlias`: what subscripting a builtin container type gives
//! (`list[int]`, `dict[str, int]`, `tuple[int, ...]`). It remembers its
//! origin and arguments, prints as written, and calling it calls the
//! origin.
//!
//! Declared as a native type (see `crate::native`): this file is all
//! there is of it.

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type_in};
use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

pub struct GenericAlias {
    origin: Value,
    /// Always a tuple.
    args: Value,
}

impl NativeData for GenericAlias {
    fn weakrefable(&self) -> bool {
        true
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.origin);
        visit(&self.args);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "__origin__" => Some(self.origin.clone()),
            "__args__" => Some(self.args.clone()),
            "__parameters__" => Some(Value::tuple(Vec::new())),
            _ => None,
        }
    }
}

thread_local! {
    static ALIAS_TYPE: Rc<TypeObject> = native_type_in("types", "GenericAlias", METHODS);
}

/// `origin[item]`: the alias, its arguments a tuple (`item` itself when
/// it is one).
pub fn generic_alias(origin: Value, item: &Value) -> Value {
    let args = match item.as_obj() {
        Some(PyObject::Tuple(_)) => item.clone(),
        _ => Value::tuple(vec![item.clone()]),
    };
    NativeObject::new_value(ALIAS_TYPE.with(Rc::clone), GenericAlias { origin, args })
}

fn this(receiver: &Value) -> PyResult<&GenericAlias> {
    receiver
        .native::<GenericAlias>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'types.GenericAlias' object"))
}

/// How an argument is written inside `origin[...]`: classes by their
/// (qualified) name, `...` for Ellipsis, else the repr.
fn argument_text(vm: &mut Vm, value: &Value) -> PyResult<String> {
    match value {
        Value::Ellipsis => Ok("...".to_string()),
        Value::Obj(o) => match &**o {
            // Module-qualified unless a builtin (`re.Pattern`, `int`).
            PyObject::Type(t) => Ok(t.qualified_name()),
            _ => vm.repr(value),
        },
        _ => vm.repr(value),
    }
}

fn repr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__repr__", 0, 0)?;
    let alias = this(receiver)?;
    let mut text = argument_text(vm, &alias.origin)?;
    text.push('[');
    let items = alias
        .args
        .as_tuple_or_subclass()
        .map(|t| t.as_slice().to_vec())
        .unwrap_or_default();
    if items.is_empty() {
        text.push_str("()");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&argument_text(vm, item)?);
    }
    text.push(']');
    Ok(Value::str(&text))
}

fn call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let origin = this(receiver)?.origin.clone();
    vm.call(&origin, args)
}

fn eq(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__eq__", 1, 1)?;
    let alias = this(receiver)?;
    let Some(other) = args.pos[0].native::<GenericAlias>() else {
        return Ok(Value::NotImplemented);
    };
    let same = alias.origin.is(&other.origin) && vm.equal(&alias.args, &other.args)?;
    Ok(Value::bool(same))
}

fn hash(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__hash__", 0, 0)?;
    let alias = this(receiver)?;
    let origin = vm.hash_value(&alias.origin)?;
    let items = vm.hash_value(&alias.args)?;
    Ok(Value::Int(origin ^ items))
}

/// `list[int] | None`: a union (see `builtins::union`).
fn or(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__or__", 1, 1)?;
    let union = crate::builtins::union::union_or(vm, receiver, &args.pos[0])?;
    Ok(union.unwrap_or(Value::NotImplemented))
}

fn ror(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__ror__", 1, 1)?;
    let union = crate::builtins::union::union_or(vm, &args.pos[0], receiver)?;
    Ok(union.unwrap_or(Value::NotImplemented))
}

/// An alias cannot answer `isinstance`/`issubclass` (its arguments are
/// not checked at run time); CPython says so.
fn instancecheck(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Err(PyErr::type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn subclasscheck(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Err(PyErr::type_error(
        "issubclass() argument 2 cannot be a parameterized generic",
    ))
}

/// `class L(list[int])` derives from the origin (PEP 560).
fn mro_entries(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::tuple(vec![this(receiver)?.origin.clone()]))
}

/// `GenericAlias(origin, args)`: what `origin[args]` makes.
fn alias_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(
            "GenericAlias() takes no keyword arguments",
        ));
    }
    match args.pos {
        [origin, item] => Ok(generic_alias(origin.clone(), item)),
        _ => Err(PyErr::type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.pos.len()
        ))),
    }
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__new__",
        params: crate::builtins::function::Params::Any,
        func: alias_new,
    },
    MethodDef {
        name: "__mro_entries__",
        params: crate::builtins::function::Params::One,
        func: mro_entries,
    },
    MethodDef {
        name: "__or__",
        params: crate::builtins::function::Params::Any,
        func: or,
    },
    MethodDef {
        name: "__ror__",
        params: crate::builtins::function::Params::Any,
        func: ror,
    },
    MethodDef {
        name: "__instancecheck__",
        params: crate::builtins::function::Params::One,
        func: instancecheck,
    },
    MethodDef {
        name: "__subclasscheck__",
        params: crate::builtins::function::Params::One,
        func: subclasscheck,
    },
    MethodDef {
        name: "__repr__",
        params: crate::builtins::function::Params::Any,
        func: repr,
    },
    MethodDef {
        name: "__call__",
        params: crate::builtins::function::Params::Any,
        func: call,
    },
    MethodDef {
        name: "__eq__",
        params: crate::builtins::function::Params::Any,
        func: eq,
    },
    MethodDef {
        name: "__hash__",
        params: crate::builtins::function::Params::Any,
        func: hash,
    },
];
