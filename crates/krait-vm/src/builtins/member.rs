//! `member_descriptor`: what each name of a class's `__slots__` becomes
//! in the class namespace (`P.__dict__['x']`). A data descriptor: reading,
//! assigning and deleting `p.x` go through its `__get__`, `__set__` and
//! `__delete__`, which keep the value in the instance.
//!
//! Declared as a native type (see `crate::native`): this file is all
//! there is of it.

use std::rc::Rc;

use crate::PyObject;
use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::interpreter::Vm;
use crate::interpreter::class::{own_del, own_get, own_set};
use crate::native::{NativeData, NativeObject, native_type};
use crate::typeobject::{ExcType, TypeObject};
use crate::value::Value;

pub struct MemberDescriptor {
    /// The slot's name, as a str value (the instance stores it under it).
    name: Value,
    /// The class whose `__slots__` named it.
    owner: Box<str>,
}

impl NativeData for MemberDescriptor {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "__name__" | "__qualname__" => Some(self.name.clone()),
            _ => None,
        }
    }
}

thread_local! {
    static MEMBER_TYPE: Rc<TypeObject> = native_type("member_descriptor", METHODS);
}

/// The descriptor of slot `name` (an interned str) of class `owner`.
pub fn member(name: Value, owner: &str) -> Value {
    NativeObject::new_value(
        MEMBER_TYPE.with(Rc::clone),
        MemberDescriptor {
            name,
            owner: owner.into(),
        },
    )
}

/// A member descriptor's slot name and owner class name.
pub(crate) fn member_parts(value: &Value) -> Option<(Value, &str)> {
    value
        .native::<MemberDescriptor>()
        .map(|member| (member.name.clone(), &*member.owner))
}

/// A `_tuplegetter`'s field index and `__doc__`.
pub(crate) fn tuple_getter_parts(value: &Value) -> Option<(usize, Value)> {
    value
        .native::<TupleGetter>()
        .map(|getter| (getter.index, getter.doc.borrow().clone()))
}

/// Whether `value` is a `__slots__` member descriptor.
pub(crate) fn is_member(value: &Value) -> bool {
    value.native::<MemberDescriptor>().is_some()
}

/// `descriptor.hook(*args)` when `descriptor` is a member descriptor:
/// the hook's function called directly (the attribute paths' fast way to
/// a `__slots__` value); `None` for any other descriptor.
pub(crate) fn member_hook(
    vm: &mut Vm,
    descriptor: &Value,
    hook: &str,
    args: &[Value],
) -> Option<PyResult> {
    descriptor.native::<MemberDescriptor>()?;
    let function = match hook {
        "__get__" => get,
        "__set__" => set,
        "__delete__" => delete,
        _ => return None,
    };
    Some(function(vm, descriptor, Args::new(args)))
}

/// The value of slot `name` of `object`: an instance keeps it apart from
/// its `__dict__` when it has one (`PyInstance::slot_get`); anything else
/// with its own attributes.
fn slot_get(object: &Value, name: &Value) -> PyResult<Option<Value>> {
    match object.as_obj() {
        Some(PyObject::Instance(instance)) => instance.slot_get(name),
        _ => own_get(object, name),
    }
}

/// Sets slot `name` of `object`; false if it has no room for it.
fn slot_set(object: &Value, name: Value, value: Value) -> PyResult<bool> {
    match object.as_obj() {
        Some(PyObject::Instance(instance)) => instance.slot_set(name, value).map(|()| true),
        _ => own_set(object, name, value),
    }
}

/// Empties slot `name` of `object`: its value, if it had one.
fn slot_del(object: &Value, name: &Value) -> PyResult<Option<Value>> {
    match object.as_obj() {
        Some(PyObject::Instance(instance)) => instance.slot_del(name),
        _ => own_del(object, name),
    }
}

fn this(receiver: &Value) -> PyResult<&MemberDescriptor> {
    receiver.native::<MemberDescriptor>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor for 'member_descriptor' objects doesn't apply to a '{}' object",
            receiver.type_name()
        ))
    })
}

fn missing(object: &Value, member: &MemberDescriptor) -> PyErr {
    PyErr::new(
        ExcType::AttributeError,
        format!(
            "'{}' object has no attribute '{}'",
            object.type_name(),
            member
                .name
                .as_str_or_subclass()
                .map(|s| s.as_str())
                .unwrap_or_default()
        ),
    )
}

fn get(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__get__", 1, 2)?;
    let member = this(receiver)?;
    let object = &args.pos[0];
    if object.is_none() {
        return Ok(receiver.clone());
    }
    slot_get(object, &member.name)?.ok_or_else(|| missing(object, member))
}

fn set(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__set__", 2, 2)?;
    let member = this(receiver)?;
    if !slot_set(&args.pos[0], member.name.clone(), args.pos[1].clone())? {
        return Err(missing(&args.pos[0], member));
    }
    Ok(Value::None)
}

fn delete(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__delete__", 1, 1)?;
    let member = this(receiver)?;
    match slot_del(&args.pos[0], &member.name)? {
        Some(_) => Ok(Value::None),
        None => Err(missing(&args.pos[0], member)),
    }
}

fn repr(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__repr__", 0, 0)?;
    let member = this(receiver)?;
    Ok(Value::str(format!(
        "<member '{}' of '{}' objects>",
        member
            .name
            .as_str_or_subclass()
            .map(|s| s.as_str())
            .unwrap_or_default(),
        member.owner
    )))
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__get__",
        params: crate::builtins::function::Params::Any,
        func: get,
    },
    MethodDef {
        name: "__set__",
        params: crate::builtins::function::Params::Any,
        func: set,
    },
    MethodDef {
        name: "__delete__",
        params: crate::builtins::function::Params::Any,
        func: delete,
    },
    MethodDef {
        name: "__repr__",
        params: crate::builtins::function::Params::Any,
        func: repr,
    },
];

/// `getset_descriptor`: an attribute a builtin type computes for its
/// instances (`BaseException.args`), reached through the class:
/// `BaseException.args.__get__(e)` reads `e.args`, `__set__` assigns it.
/// The instances' own reads do not go through it.
pub struct GetSetDescriptor {
    name: &'static str,
    owner: &'static str,
    /// The class statement's class, for the `__dict__` and `__weakref__`
    /// descriptors a class that introduces them shows in its namespace
    /// (`class_slot_descriptor`); `None` for a builtin type's.
    /// (Weakly: the class keeps its descriptors.)
    class: Option<std::rc::Weak<crate::PyObject>>,
}

impl GetSetDescriptor {
    fn class(&self) -> Option<Value> {
        self.class.as_ref()?.upgrade().map(Value::Obj)
    }

    fn owner_name(&self) -> String {
        match self.class().as_ref().and_then(Value::as_obj) {
            Some(crate::PyObject::Type(class)) => class.name.to_string(),
            _ => self.owner.to_string(),
        }
    }
}

impl NativeData for GetSetDescriptor {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "__name__" => Some(Value::str(self.name)),
            "__qualname__" => Some(Value::str(format!("{}.{}", self.owner_name(), self.name))),
            "__objclass__" => self.class(),
            "__doc__" => Some(match (self.class.is_some(), self.name) {
                (true, "__dict__") => Value::str("dictionary for instance variables"),
                (true, _) => Value::str("list of weak references to the object"),
                _ => Value::None,
            }),
            _ => None,
        }
    }
}

thread_local! {
    static GETSET_TYPE: Rc<TypeObject> = native_type("getset_descriptor", GETSET_METHODS);
}

/// The descriptor of attribute `name` of builtin type `owner`.
pub fn getset(name: &'static str, owner: &'static str) -> Value {
    NativeObject::new_value(
        GETSET_TYPE.with(Rc::clone),
        GetSetDescriptor {
            name,
            owner,
            class: None,
        },
    )
}

/// The `__dict__` or `__weakref__` (`name`) descriptor of a class that
/// gives its instances a dict or weak references first along its MRO, as
/// its namespace shows it (`A.__dict__['__dict__']`). Made when asked
/// for: the class's own lookups never go through it (instances read
/// their dict directly), so it is not stored in the namespace, where it
/// would count as a data descriptor on every attribute access.
pub fn class_slot_descriptor(name: &'static str, class: &Value) -> Value {
    let Value::Obj(class) = class else {
        return Value::None;
    };
    NativeObject::new_value(
        GETSET_TYPE.with(Rc::clone),
        GetSetDescriptor {
            name,
            owner: "object",
            class: Some(Rc::downgrade(class)),
        },
    )
}

fn this_getset(receiver: &Value) -> PyResult<&GetSetDescriptor> {
    receiver.native::<GetSetDescriptor>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor for 'getset_descriptor' objects doesn't apply to a '{}' object",
            receiver.type_name()
        ))
    })
}

/// Whether `object` is what a getset descriptor applies to (the
/// descriptors made are `BaseException`'s), with CPython's message if not.
fn check_applies(getset: &GetSetDescriptor, object: &Value) -> PyResult<()> {
    let class = getset.class();
    let applies = match class.as_ref().and_then(Value::as_obj) {
        Some(crate::PyObject::Type(class)) => crate::typeobject::class_of(object).is_subtype(class),
        _ => crate::typeobject::class_of(object).is_exception_type(),
    };
    if applies {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        getset.name,
        getset.owner_name(),
        object.type_name()
    )))
}

/// What the `__weakref__` descriptor reads: the object's first weak
/// reference (CPython's list head), None when it has none.
fn first_weak_reference(vm: &mut Vm, object: &Value) -> PyResult {
    let references = crate::builtins::weakref::references_to(vm, object)?;
    Ok(references.into_iter().next().unwrap_or(Value::None))
}

static GETSET_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__get__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__get__", 1, 2)?;
            let getset = this_getset(receiver)?;
            let object = &args.pos[0];
            if object.is_none() {
                return Ok(receiver.clone());
            }
            check_applies(getset, object)?;
            if getset.class.is_some() && getset.name == "__weakref__" {
                return first_weak_reference(vm, object);
            }
            vm.get_attr(object, getset.name)
        },
    },
    MethodDef {
        name: "__set__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__set__", 2, 2)?;
            let getset = this_getset(receiver)?;
            check_applies(getset, &args.pos[0])?;
            vm.set_attr(&args.pos[0], getset.name, Some(args.pos[1].clone()))?;
            Ok(Value::None)
        },
    },
    MethodDef {
        name: "__repr__",
        params: crate::builtins::function::Params::Any,
        func: |_, receiver, args| {
            args.check("__repr__", 0, 0)?;
            let getset = this_getset(receiver)?;
            Ok(Value::str(format!(
                "<attribute '{}' of '{}' objects>",
                getset.name,
                getset.owner_name()
            )))
        },
    },
];

/// `_collections._tuplegetter(index, doc)`: what each field of a named
/// tuple is in its class (`P.__dict__['x']`), as in CPython — a data
/// descriptor reading item `index` of the tuple. Declared here, beside
/// the slot members, because LOAD_ATTR reads it directly
/// (`CachedLookup::TupleField`) instead of calling `__get__`.
pub struct TupleGetter {
    index: usize,
    /// Assignable: `Point.x.__doc__ = "..."` documents a field.
    doc: std::cell::RefCell<Value>,
}

impl NativeData for TupleGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(doc) = self.doc.try_borrow() {
            visit(&doc);
        }
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "__doc__" => Some(self.doc.borrow().clone()),
            _ => None,
        }
    }
}

thread_local! {
    static TUPLE_GETTER_TYPE: Rc<TypeObject> =
        crate::native::native_type_in("_collections", "_tuplegetter", TUPLE_GETTER_METHODS);
}

/// The descriptor of field `index` of a named tuple, with its `__doc__`.
pub fn tuple_getter(index: usize, doc: Value) -> Value {
    NativeObject::new_value(
        TUPLE_GETTER_TYPE.with(Rc::clone),
        TupleGetter {
            index,
            doc: std::cell::RefCell::new(doc),
        },
    )
}

/// The `_tuplegetter` type (`_collections` exports it; calling it makes a
/// field descriptor: `_tuplegetter(index, doc)`).
pub fn tuple_getter_type() -> Value {
    crate::builtins::constructors::type_value(&TUPLE_GETTER_TYPE.with(Rc::clone))
}

/// The field index of a `_tuplegetter`.
pub(crate) fn tuple_getter_index(value: &Value) -> Option<usize> {
    value.native::<TupleGetter>().map(|getter| getter.index)
}

/// Item `index` of `object`, a tuple or an instance of a subclass, with
/// CPython's errors.
pub(crate) fn tuple_field(object: &Value, index: usize) -> PyResult {
    let Some(tuple) = object.as_tuple_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            object.type_name()
        )));
    };
    tuple
        .as_slice()
        .get(index)
        .cloned()
        .ok_or_else(|| PyErr::new(ExcType::IndexError, "tuple index out of range"))
}

fn tuple_getter_this(receiver: &Value) -> PyResult<usize> {
    tuple_getter_index(receiver).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor for '_tuplegetter' objects doesn't apply to a '{}' object",
            receiver.type_name()
        ))
    })
}

static TUPLE_GETTER_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__new__",
        params: crate::builtins::function::Params::Any,
        func: |_, _, args| {
            args.check("_tuplegetter", 2, 2)?;
            let index = match &args.pos[0] {
                Value::Int(i) if *i >= 0 => *i as usize,
                other => {
                    return Err(PyErr::type_error(format!(
                        "_tuplegetter() index must be a non-negative int, not {}",
                        other.type_name()
                    )));
                }
            };
            Ok(tuple_getter(index, args.pos[1].clone()))
        },
    },
    MethodDef {
        name: "__repr__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| {
            let Some(getter) = receiver.native::<TupleGetter>() else {
                return Err(PyErr::type_error("__repr__ needs a _tuplegetter"));
            };
            let doc = getter.doc.borrow().clone();
            let doc = vm.repr(&doc)?;
            Ok(Value::str(format!("_tuplegetter({}, {doc})", getter.index)))
        },
    },
    MethodDef {
        // `(type, (index, doc))`: a field descriptor pickles (CPython's
        // `tuplegetter_reduce`).
        name: "__reduce__",
        params: crate::builtins::function::Params::NoArgs,
        func: |_, receiver, _| {
            let Some(getter) = receiver.native::<TupleGetter>() else {
                return Err(PyErr::type_error("__reduce__ needs a _tuplegetter"));
            };
            let doc = getter.doc.borrow().clone();
            Ok(Value::tuple(vec![
                tuple_getter_type(),
                Value::tuple(vec![Value::from(getter.index), doc]),
            ]))
        },
    },
    MethodDef {
        name: "__setattr__",
        params: crate::builtins::function::Params::Positional(2, 2),
        func: |_, receiver, args| {
            let Some(getter) = receiver.native::<TupleGetter>() else {
                return Err(PyErr::type_error("__setattr__ needs a _tuplegetter"));
            };
            let name = args.pos[0]
                .as_str_or_subclass()
                .map(|s| s.as_str().to_string());
            match name.as_deref() {
                Some("__doc__") => {
                    let old = getter.doc.replace(args.pos[1].clone());
                    drop(old);
                    Ok(Value::None)
                }
                Some(name) => Err(PyErr::new(
                    ExcType::AttributeError,
                    format!("'_collections._tuplegetter' object has no attribute '{name}'"),
                )),
                None => Err(PyErr::type_error("attribute name must be string")),
            }
        },
    },
    MethodDef {
        name: "__get__",
        params: crate::builtins::function::Params::Any,
        func: |_, receiver, args| {
            args.check("__get__", 1, 2)?;
            let index = tuple_getter_this(receiver)?;
            match &args.pos[0] {
                Value::None => Ok(receiver.clone()),
                object => tuple_field(object, index),
            }
        },
    },
    MethodDef {
        name: "__set__",
        params: crate::builtins::function::Params::Any,
        func: |_, receiver, args| {
            args.check("__set__", 2, 2)?;
            tuple_getter_this(receiver)?;
            Err(PyErr::new(ExcType::AttributeError, "can't set attribute"))
        },
    },
    MethodDef {
        name: "__delete__",
        params: crate::builtins::function::Params::Any,
        func: |_, receiver, args| {
            args.check("__delete__", 1, 1)?;
            tuple_getter_this(receiver)?;
            Err(PyErr::new(
                ExcType::AttributeError,
                "can't delete attribute",
            ))
        },
    },
];
