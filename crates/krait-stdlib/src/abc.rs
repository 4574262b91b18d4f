//! `_abc`: what `abc.ABCMeta` runs on every `isinstance` with an abstract
//! class, in Rust, as CPython's `_abc` accelerates it. `lib/abc.py` keeps
//! the rest (class creation, `register`, the full `__subclasscheck__`) in
//! Python.
//!
//! `isinstance(x, collections.abc.Mapping)` is asked by library code on
//! hot paths (a `logging.LogRecord` per message, `typing`, `numbers`):
//! written in Python, each answer ran a Python frame for
//! `__instancecheck__` and looked at two sets from there. Here
//! `ABCMeta.__instancecheck__` is a builtin method, so the VM's
//! `isinstance` calls it without a frame, and an answer the class's
//! caches hold is found without running Python code.
//!
//! The caches stay where `abc.py` keeps them (the class's `_abc_impl`:
//! `cache`, `negative_cache`, `negative_cache_version`), so the Python
//! side fills and clears them as before; only the invalidation counter,
//! read on every negative answer, lives here ([`get_cache_token`]).

use std::cell::Cell;

use crate::util::{function, method};
use krait_vm::builtins::function::{MethodDef, Params, unbound_method};
use krait_vm::typeobject::{Slot, class_of};
use krait_vm::{Args, PyObject, PyResult, Value, Vm, protocol};

thread_local! {
    /// Bumped by every `ABCMeta.register`: negative caches filled before
    /// are stale (CPython's `abc_invalidation_counter`).
    static CACHE_TOKEN: Cell<i64> = const { Cell::new(0) };
}

static INSTANCECHECK: MethodDef = method("__instancecheck__", Params::One, instancecheck);

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        (
            "get_cache_token",
            function("get_cache_token", get_cache_token),
        ),
        (
            "_invalidate_negative_caches",
            function("_invalidate_negative_caches", invalidate_negative_caches),
        ),
        ("_abc_instancecheck", unbound_method(&INSTANCECHECK)),
    ])
}

/// `abc.get_cache_token()`: changes whenever a virtual subclass is
/// registered with any abstract class.
fn get_cache_token(_: &mut Vm, args: Args) -> PyResult {
    args.check("get_cache_token", 0, 0)?;
    Ok(Value::Int(CACHE_TOKEN.with(Cell::get)))
}

/// Makes every negative cache stale (`register` calls it).
fn invalidate_negative_caches(_: &mut Vm, args: Args) -> PyResult {
    args.check("_invalidate_negative_caches", 0, 0)?;
    CACHE_TOKEN.with(|token| token.set(token.get() + 1));
    Ok(Value::None)
}

/// `ABCMeta.__instancecheck__(cls, instance)`, as `_py_abc` writes it:
/// the class `instance` claims (its `__class__`) in the positive cache is
/// an instance; an exact type in a current negative cache is not; the
/// rest is `cls.__subclasscheck__`'s to decide.
fn instancecheck(vm: &mut Vm, cls: &Value, args: Args) -> PyResult {
    let instance = &args.pos[0];
    let subtype = class_of(instance);
    let subtype_value = krait_vm::builtins::constructors::type_value(&subtype);
    // Only a class with a `__class__` of its own (a property: mocks,
    // proxies) or a `__getattribute__` can claim another class.
    let subclass = if (subtype.heap && subtype.defines(Slot::ClassAttribute))
        || subtype.defines(Slot::GetAttribute)
    {
        vm.get_attr(instance, "__class__")?
    } else {
        subtype_value.clone()
    };
    let state = abc_state(vm, cls)?;
    let cache = state_field(vm, &state, Field::Cache)?;
    if protocol::contains(vm, &cache, &subclass)? {
        return Ok(Value::bool(true));
    }
    if subclass.is(&subtype_value) {
        let version = state_field(vm, &state, Field::NegativeCacheVersion)?;
        if matches!(version, Value::Int(v) if v == CACHE_TOKEN.with(Cell::get)) {
            let negative = state_field(vm, &state, Field::NegativeCache)?;
            if protocol::contains(vm, &negative, &subclass)? {
                return Ok(Value::bool(false));
            }
        }
        return subclasscheck(vm, cls, subclass);
    }
    for class in [subclass, subtype_value] {
        let answer = subclasscheck(vm, cls, class)?;
        if vm.truthy_value(&answer)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

/// `cls.__subclasscheck__(subclass)`, looked up as Python code would.
fn subclasscheck(vm: &mut Vm, cls: &Value, subclass: Value) -> PyResult {
    let check = vm.get_attr(cls, "__subclasscheck__")?;
    vm.call(&check, Args::new(&[subclass]))
}

/// `cls._abc_impl`: read from the class's namespace (`ABCMeta.__new__`
/// puts one in every abstract class's), by the general lookup otherwise.
fn abc_state(vm: &mut Vm, cls: &Value) -> PyResult {
    if let Some(PyObject::Type(class)) = cls.as_obj()
        && let Some(state) = class.lookup("_abc_impl")
    {
        return Ok(state);
    }
    vm.get_attr(cls, "_abc_impl")
}

/// The fields of an `_AbcState` that [`instancecheck`] reads.
#[derive(Clone, Copy)]
enum Field {
    Cache,
    NegativeCache,
    NegativeCacheVersion,
}

impl Field {
    const NAMES: [&'static str; 3] = ["cache", "negative_cache", "negative_cache_version"];
}

thread_local! {
    /// The names of [`Field`], interned once: the instance's attribute
    /// table then finds them by identity (another VM on this thread has
    /// other name objects, found by text: slower, as correct).
    static FIELD_NAMES: std::cell::OnceCell<[Value; 3]> = const { std::cell::OnceCell::new() };
}

/// An attribute of an `_AbcState` (a plain instance: its own attributes
/// are read where they lie), by the general lookup otherwise.
fn state_field(vm: &mut Vm, state: &Value, field: Field) -> PyResult {
    let key = FIELD_NAMES.with(|names| {
        names.get_or_init(|| Field::NAMES.map(|name| vm.intern(name)))[field as usize].clone()
    });
    if let Some(PyObject::Instance(instance)) = state.as_obj()
        && let Some(value) = instance.get_attr(&key)?
    {
        return Ok(value);
    }
    vm.get_attr_value(state, &key)
}
