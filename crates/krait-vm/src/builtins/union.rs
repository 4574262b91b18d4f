//! `types.UnionType`: what `X | Y` of classes gives (PEP 604: `int | str`,
//! `list[int] | None`). It keeps its members flattened and without
//! duplicates, prints as written, compares and hashes as the set of its
//! members, and `isinstance`/`issubclass` accept it as they accept a tuple
//! (`Vm::isinstance` expands it).
//!
//! Declared as a native type (see `crate::native`); `type | type` reaches
//! [`union_or`] from `Vm::builtin_binary` (`type` itself has no `__or__`
//! in its namespace, so a metaclass's `__or__`/`__ror__` is still asked
//! first), a `GenericAlias` or a union operand through the `__or__` and
//! `__ror__` of its own type.

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params};
use crate::builtins::generic_alias::GenericAlias;
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type_in};
use crate::object::PyObject;
use crate::typeobject::{BuiltinType, TypeObject, builtin_type};
use crate::value::Value;

pub struct UnionType {
    /// Always a tuple of at least two members; `None` is kept as
    /// `NoneType`, as CPython does.
    args: Value,
}

impl NativeData for UnionType {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "__args__" => Some(self.args.clone()),
            "__parameters__" => Some(Value::tuple(Vec::new())),
            _ => None,
        }
    }
}

thread_local! {
    static UNION_TYPE: Rc<TypeObject> = native_type_in("types", "UnionType", METHODS);
}

/// The members of `value` when it is a union (for `isinstance`).
pub fn union_args(value: &Value) -> Option<&Value> {
    value.native::<UnionType>().map(|u| &u.args)
}

/// What may stand on either side of `|` to make a union: None, a class,
/// a `GenericAlias` or a union (CPython 3.11's `is_unionable`).
fn is_unionable(value: &Value) -> bool {
    match value {
        Value::None => true,
        // (An alias may be of a subclass: `collections.abc.Callable[...]`.)
        Value::Obj(o) => match &**o {
            PyObject::Type(_) => true,
            _ => value.native::<GenericAlias>().is_some() || value.native::<UnionType>().is_some(),
        },
        _ => false,
    }
}

/// `a | b` as a union, or `None` when an operand cannot be a member (the
/// caller then raises its usual "unsupported operand" error). A union of
/// one distinct member is that member (`int | int` is `int`).
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    // `None | None` is no union: one side must be a class or an alias
    // (whose `__or__`/`__ror__` CPython would be calling).
    if !is_unionable(a) || !is_unionable(b) || (a.is_none() && b.is_none()) {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for operand in [a, b] {
        let flattened = match union_args(operand).and_then(|args| args.as_tuple()) {
            Some(items) => items.as_slice().to_vec(),
            None => vec![operand.clone()],
        };
        for member in flattened {
            let member = match member {
                Value::None => {
                    crate::builtins::constructors::type_value(&builtin_type(BuiltinType::NoneType))
                }
                other => other,
            };
            // Classes are the same member only if identical; aliases
            // compare equal (`list[int]` twice is one member).
            let mut duplicate = false;
            for known in &members {
                duplicate = if member.native::<GenericAlias>().is_some()
                    && known.native::<GenericAlias>().is_some()
                {
                    vm.equal(known, &member)?
                } else {
                    known.is(&member)
                };
                if duplicate {
                    break;
                }
            }
            if !duplicate {
                members.push(member);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop());
    }
    let args = Value::tuple(members);
    Ok(Some(NativeObject::new_value(
        UNION_TYPE.with(Rc::clone),
        UnionType { args },
    )))
}

fn this(receiver: &Value) -> PyResult<&UnionType> {
    receiver
        .native::<UnionType>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'types.UnionType' object"))
}

fn members(union: &UnionType) -> Vec<Value> {
    union
        .args
        .as_tuple()
        .map(|t| t.as_slice().to_vec())
        .unwrap_or_default()
}

/// How a member is written: `None` for NoneType, an alias by its repr, a
/// class by its qualified name (`int`, `__main__.C`).
fn member_text(vm: &mut Vm, member: &Value) -> PyResult<String> {
    match member.as_obj() {
        Some(PyObject::Type(t)) if Rc::ptr_eq(t, &builtin_type(BuiltinType::NoneType)) => {
            Ok("None".to_string())
        }
        Some(PyObject::Type(t)) => Ok(t.qualified_name()),
        _ => vm.repr(member),
    }
}

fn repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let union = this(receiver)?;
    let mut parts = Vec::new();
    for member in members(union) {
        parts.push(member_text(vm, &member)?);
    }
    Ok(Value::str(parts.join(" | ")))
}

fn or(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    Ok(union_or(vm, receiver, &args.pos[0])?.unwrap_or(Value::NotImplemented))
}

fn ror(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    Ok(union_or(vm, &args.pos[0], receiver)?.unwrap_or(Value::NotImplemented))
}

/// Whether every member of `a` is a member of `b`.
fn members_within(vm: &mut Vm, a: &[Value], b: &[Value]) -> PyResult<bool> {
    for member in a {
        let mut found = false;
        for other in b {
            if vm.equal(member, other)? {
                found = true;
                break;
            }
        }
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Unions are equal when their sets of members are (`int | str == str |
/// int`).
fn eq(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let mine = members(this(receiver)?);
    let Some(other) = args.pos[0].native::<UnionType>() else {
        return Ok(Value::NotImplemented);
    };
    let theirs = members(other);
    let same = members_within(vm, &mine, &theirs)? && members_within(vm, &theirs, &mine)?;
    Ok(Value::bool(same))
}

/// The hash of the set of members: the same for any order.
fn hash(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let mut combined: i64 = 0x2f1a_5c3e;
    for member in members(this(receiver)?) {
        combined ^= vm.hash_value(&member)?;
    }
    Ok(Value::Int(if combined == -1 { -2 } else { combined }))
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: repr,
    },
    MethodDef {
        name: "__or__",
        params: Params::One,
        func: or,
    },
    MethodDef {
        name: "__ror__",
        params: Params::One,
        func: ror,
    },
    MethodDef {
        name: "__eq__",
        params: Params::One,
        func: eq,
    },
    MethodDef {
        name: "__hash__",
        params: Params::NoArgs,
        func: hash,
    },
];
