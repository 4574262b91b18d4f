//! `mappingproxy`: a class's `__dict__`, a read-only live view of its
//! namespace (`C.__dict__['f']`, `'x' in C.__dict__`; assigning through it
//! raises, `setattr(C, ...)` shows through it).
//!
//! Declared as a native type (see `crate::native`): this file is all
//! there is of it.

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type};
use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

pub struct MappingProxy {
    /// The class whose namespace this shows, or the dict it shows
    /// (`types.MappingProxyType(d)`).
    class: Value,
}

impl NativeData for MappingProxy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.class);
    }
}

thread_local! {
    static PROXY_TYPE: Rc<TypeObject> = native_type("mappingproxy", METHODS);
}

/// `cls.__dict__`.
pub fn class_namespace(class: &Rc<TypeObject>) -> Value {
    NativeObject::new_value(
        PROXY_TYPE.with(Rc::clone),
        MappingProxy {
            class: crate::builtins::constructors::type_value(class),
        },
    )
}

/// A read-only view of dict `dict` (`d.keys().mapping`).
pub fn of_dict(dict: &Value) -> Value {
    NativeObject::new_value(
        PROXY_TYPE.with(Rc::clone),
        MappingProxy {
            class: dict.clone(),
        },
    )
}

/// `types.MappingProxyType(mapping)`: a read-only view of a dict.
fn proxy_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    args.check("mappingproxy", 1, 1)?;
    let mapping = &args.pos[0];
    if mapping.as_dict_or_subclass().is_none() {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            mapping.type_name()
        )));
    }
    Ok(NativeObject::new_value(
        PROXY_TYPE.with(Rc::clone),
        MappingProxy {
            class: mapping.clone(),
        },
    ))
}

/// The namespace's items, in definition order (the dict's, for a view
/// of a dict).
fn items(receiver: &Value) -> PyResult<Vec<(Value, Value)>> {
    let proxy = receiver
        .native::<MappingProxy>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'mappingproxy' object"))?;
    if let Some(dict) = proxy.class.as_dict_or_subclass() {
        return Ok(dict.items());
    }
    let Some(PyObject::Type(class)) = proxy.class.as_obj() else {
        return Ok(Vec::new());
    };
    let mut items: Vec<(Value, Value)> = class
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (Value::str(&**k), v.clone()))
        .collect();
    let introduced = introduced_descriptors(class, &proxy.class);
    if !introduced.is_empty() {
        // Before the `__doc__` the class statement added (last, None), as
        // CPython's type_new adds them before it.
        let at = match items.last() {
            Some((key, value))
                if value.is_none() && key.as_str().map(|k| k.as_str()) == Some("__doc__") =>
            {
                items.len() - 1
            }
            _ => items.len(),
        };
        items.splice(at..at, introduced);
    }
    Ok(items)
}

/// The `__dict__` and `__weakref__` descriptors of a class statement's
/// class that gives its instances a dict or weak references where no
/// class along its MRO did (CPython puts them in the namespace; krait
/// shows them only through it: see `member::class_slot_descriptor`).
fn introduced_descriptors(class: &TypeObject, class_value: &Value) -> Vec<(Value, Value)> {
    use crate::typeobject::BuiltinType;
    if !class.heap {
        return Vec::new();
    }
    let has_dict = |t: &TypeObject| {
        (t.heap && t.instance_dict)
            || t.exc.is_some()
            || matches!(t.builtin, Some(BuiltinType::Type | BuiltinType::Module))
    };
    let has_weakref =
        |t: &TypeObject| t.instance_weakref || matches!(t.builtin, Some(BuiltinType::Type));
    if let Some(made) = &*class.layout_descriptors.borrow() {
        return made
            .iter()
            .map(|(name, descriptor)| (Value::str(*name), descriptor.clone()))
            .collect();
    }
    let mut introduced = Vec::new();
    for (name, own, inherited) in [
        (
            "__dict__",
            class.instance_dict,
            class.mro.iter().any(|t| has_dict(t)),
        ),
        (
            "__weakref__",
            class.instance_weakref,
            class.mro.iter().any(|t| has_weakref(t)),
        ),
    ] {
        if own && !inherited && !class.dict.borrow().contains_key(name) {
            introduced.push((
                name,
                crate::builtins::member::class_slot_descriptor(name, class_value),
            ));
        }
    }
    let pairs = introduced
        .iter()
        .map(|(name, descriptor)| (Value::str(*name), descriptor.clone()))
        .collect();
    *class.layout_descriptors.borrow_mut() = Some(introduced);
    pairs
}

/// The `__dict__` or `__weakref__` descriptor (`name`) that class
/// statement `class` introduced, if it did.
pub(crate) fn layout_descriptor(class: &Rc<TypeObject>, name: &str) -> Option<Value> {
    if !class.heap {
        return None;
    }
    let class_value = crate::builtins::constructors::type_value(class);
    introduced_descriptors(class, &class_value)
        .into_iter()
        .find(|(key, _)| key.as_str().map(|k| k.as_str()) == Some(name))
        .map(|(_, descriptor)| descriptor)
}

fn find(receiver: &Value, key: &Value) -> PyResult<Option<Value>> {
    if let Some(dict) = receiver
        .native::<MappingProxy>()
        .and_then(|p| p.class.as_dict_or_subclass())
    {
        return dict.get_item(key);
    }
    let Some(key) = key.as_str_or_subclass() else {
        return Ok(None);
    };
    let Some(PyObject::Type(class)) = receiver
        .native::<MappingProxy>()
        .and_then(|p| p.class.as_obj())
    else {
        return Ok(None);
    };
    if let Some(found) = class.dict.borrow().get(key.as_str()) {
        return Ok(Some(found.clone()));
    }
    if !matches!(key.as_str(), "__dict__" | "__weakref__") {
        return Ok(None);
    }
    let class_value = crate::builtins::constructors::type_value(class);
    Ok(introduced_descriptors(class, &class_value)
        .into_iter()
        .find(|(name, _)| name.as_str().map(|n| n.as_str()) == Some(key.as_str()))
        .map(|(_, descriptor)| descriptor))
}

fn getitem(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__getitem__", 1, 1)?;
    find(receiver, &args.pos[0])?.ok_or_else(|| PyErr::key_error(args.pos[0].clone()))
}

fn get(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("get", 1, 2)?;
    Ok(find(receiver, &args.pos[0])?
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None))
}

fn contains(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__contains__", 1, 1)?;
    Ok(Value::bool(find(receiver, &args.pos[0])?.is_some()))
}

fn len(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__len__", 0, 0)?;
    Ok(Value::from(items(receiver)?.len()))
}

/// The namespace as a new dict (what the views and operators work on).
fn snapshot(receiver: &Value) -> PyResult {
    Ok(Value::dict(crate::builtins::dict::PyDict::from_pairs(
        items(receiver)?,
    )?))
}

/// `proxy.name(*args)` answered by the same method of a snapshot dict.
fn through_dict(vm: &mut Vm, receiver: &Value, name: &str, args: Args) -> PyResult {
    let dict = snapshot(receiver)?;
    crate::protocol::call_method(vm, &dict, name, args)
}

fn keys(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    through_dict(vm, receiver, "keys", args)
}

fn iter(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__iter__", 0, 0)?;
    let dict = snapshot(receiver)?;
    vm.iterate(&dict)
}

fn values(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    through_dict(vm, receiver, "values", args)
}

fn pairs(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    through_dict(vm, receiver, "items", args)
}

fn copy(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    through_dict(vm, receiver, "copy", args)
}

fn reversed(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__reversed__", 0, 0)?;
    crate::builtins::iter::reversed(&snapshot(receiver)?)
}

fn eq(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    compare(vm, receiver, args, crate::protocol::CompareOp::Eq, "__eq__")
}

/// A comparison of a view is its mapping's (CPython passes each of the
/// six to the mapping: `proxy < x` is `mapping < x`, whatever it returns).
fn compare(
    vm: &mut Vm,
    receiver: &Value,
    args: Args,
    op: crate::protocol::CompareOp,
    name: &str,
) -> PyResult {
    args.check(name, 1, 1)?;
    let dict = match receiver.native::<MappingProxy>() {
        Some(proxy) if !matches!(proxy.class.as_obj(), Some(PyObject::Type(_))) => {
            proxy.class.clone()
        }
        _ => snapshot(receiver)?,
    };
    let other = match args.pos[0].native::<MappingProxy>() {
        Some(_) => snapshot(&args.pos[0])?,
        None => args.pos[0].clone(),
    };
    vm.rich_compare(op, &dict, &other)
}

fn or(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__or__", 1, 1)?;
    let dict = snapshot(receiver)?;
    vm.binary(crate::protocol::BinaryOp::Or, &dict, &args.pos[0])
}

fn ror(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__ror__", 1, 1)?;
    let dict = snapshot(receiver)?;
    vm.binary(crate::protocol::BinaryOp::Or, &args.pos[0], &dict)
}

fn hash(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Err(PyErr::type_error("unhashable type: 'mappingproxy'"))
}

fn str(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__str__", 0, 0)?;
    let dict = snapshot(receiver)?;
    vm.str(&dict).map(Value::str)
}

fn repr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__repr__", 0, 0)?;
    let text = vm.repr(&snapshot(receiver)?)?;
    Ok(Value::str(format!("mappingproxy({text})")))
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__ne__",
        params: crate::builtins::function::Params::Any,
        func: |vm, r, a| compare(vm, r, a, crate::protocol::CompareOp::Ne, "__ne__"),
    },
    MethodDef {
        name: "__lt__",
        params: crate::builtins::function::Params::Any,
        func: |vm, r, a| compare(vm, r, a, crate::protocol::CompareOp::Lt, "__lt__"),
    },
    MethodDef {
        name: "__le__",
        params: crate::builtins::function::Params::Any,
        func: |vm, r, a| compare(vm, r, a, crate::protocol::CompareOp::Le, "__le__"),
    },
    MethodDef {
        name: "__gt__",
        params: crate::builtins::function::Params::Any,
        func: |vm, r, a| compare(vm, r, a, crate::protocol::CompareOp::Gt, "__gt__"),
    },
    MethodDef {
        name: "__ge__",
        params: crate::builtins::function::Params::Any,
        func: |vm, r, a| compare(vm, r, a, crate::protocol::CompareOp::Ge, "__ge__"),
    },
    MethodDef {
        name: "__new__",
        params: crate::builtins::function::Params::Any,
        func: proxy_new,
    },
    MethodDef {
        name: "__getitem__",
        params: crate::builtins::function::Params::Any,
        func: getitem,
    },
    MethodDef {
        name: "__contains__",
        params: crate::builtins::function::Params::Any,
        func: contains,
    },
    MethodDef {
        name: "__len__",
        params: crate::builtins::function::Params::Any,
        func: len,
    },
    MethodDef {
        name: "__iter__",
        params: crate::builtins::function::Params::Any,
        func: iter,
    },
    MethodDef {
        name: "__repr__",
        params: crate::builtins::function::Params::Any,
        func: repr,
    },
    MethodDef {
        name: "get",
        params: crate::builtins::function::Params::Any,
        func: get,
    },
    MethodDef {
        name: "keys",
        params: crate::builtins::function::Params::Any,
        func: keys,
    },
    MethodDef {
        name: "values",
        params: crate::builtins::function::Params::Any,
        func: values,
    },
    MethodDef {
        name: "items",
        params: crate::builtins::function::Params::Any,
        func: pairs,
    },
    MethodDef {
        name: "copy",
        params: crate::builtins::function::Params::Any,
        func: copy,
    },
    MethodDef {
        name: "__reversed__",
        params: crate::builtins::function::Params::Any,
        func: reversed,
    },
    MethodDef {
        name: "__eq__",
        params: crate::builtins::function::Params::Any,
        func: eq,
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
        name: "__hash__",
        params: crate::builtins::function::Params::Any,
        func: hash,
    },
    MethodDef {
        name: "__str__",
        params: crate::builtins::function::Params::Any,
        func: str,
    },
];
