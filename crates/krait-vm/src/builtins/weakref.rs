//! Weak references: `weakref.ref`, `weakref.proxy` and the `_weakref`
//! module (CPython's `Objects/weakrefobject.c` and `Modules/_weakref.c`).
//!
//! **Where they live.** Every kind of object that can be weakly referenced
//! holds a [`WeakRefList`] (CPython's `tp_weaklist`): one null pointer
//! until the first weak reference is made, then the weak references to
//! it, in CPython's list order. `weakref_list` says which objects have
//! one (instances of most user classes, modules, classes, functions, bound
//! methods, sets, generators, some native types); everything else (ints,
//! strs, tuples, lists, dicts...) refuses with CPython's TypeError. An
//! object that was never weakly referenced pays one null test when it
//! dies: no allocation, no lookup.
//!
//! **A reference** is a native object ([`WeakRef`]) holding an
//! `std::rc::Weak` to its referent (an `Rc<TypeObject>` for a class: a
//! class's `PyObject` wrappers come and go while the class lives), its
//! callback and its cached hash. Subclasses of `ref` are instances
//! carrying that native value; the referent's list points at the instance.
//!
//! **Death.** When the referent's last reference goes, its list is cleared
//! before its contents are dropped, as CPython's deallocators do: each
//! live reference forgets its referent, and those with a callback are
//! queued with it for the interpreter (`interpreter::finalize`), which
//! calls `callback(ref)` at its next call, in CPython's order, reporting
//! errors as "Exception ignored in: ...". [`WeakRefList::clear`] is the
//! one function that does this; a cycle collector calls it for each
//! object it is about to free (before breaking their references), exactly
//! as the drop path does. An instance revived for its `__del__` keeps its
//! list (its references see it during `__del__`, as in CPython) and
//! clears it when it dies for good; a generator clears it before its
//! `close()` (CPython's `gen_dealloc` order).

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params};
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type_in};
use crate::object::PyObject;
use crate::protocol::{BinaryOp, CompareOp, UnaryOp};
use crate::typeobject::{ExcType, TypeObject};
use crate::value::Value;

/// The weak references to one object (CPython's `tp_weaklist`), in
/// CPython's order: the shared reference without callback first, then
/// the shared proxy, then the others, newest first. Entries of references
/// that died before their referent are skipped, and pruned when the list
/// is read whole or doubles.
#[derive(Default)]
pub struct WeakRefList(OnceCell<Box<RefCell<Vec<Weak<PyObject>>>>>);

impl WeakRefList {
    /// Whether no weak reference was ever made to the object: the test
    /// every death of a weak-referenceable object pays.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.get().is_none()
    }

    fn entries(&self) -> &RefCell<Vec<Weak<PyObject>>> {
        self.0.get_or_init(Box::default)
    }

    /// The weak reference objects that are alive, in list order.
    pub fn live(&self) -> Vec<Value> {
        let Some(entries) = self.0.get() else {
            return Vec::new();
        };
        let mut entries = entries.borrow_mut();
        entries.retain(|r| r.strong_count() > 0);
        entries
            .iter()
            .filter_map(Weak::upgrade)
            .map(Value::Obj)
            .collect()
    }

    /// Clears every weak reference to the object and queues the callbacks
    /// of those that have one: what happens when the object dies, and
    /// what a cycle collector calls for each object it is about to free.
    pub fn clear(&self) {
        if let Some(entries) = self.0.get() {
            let entries = std::mem::take(&mut *entries.borrow_mut());
            clear_references(entries, None);
        }
    }

    /// [`WeakRefList::clear`] for an object the collector found to be
    /// garbage: references that are garbage too get no callback (they
    /// are about to die with it), as in CPython's `handle_weakrefs`.
    pub(crate) fn clear_in_collection(&self, garbage: &std::collections::HashSet<usize>) {
        if let Some(entries) = self.0.get() {
            let entries = std::mem::take(&mut *entries.borrow_mut());
            clear_references(entries, Some(garbage));
        }
    }

    /// Points every reference at `object`: the same object, moved to a
    /// new allocation (an instance revived for its `__del__`).
    pub(crate) fn retarget(&self, object: &Rc<PyObject>) {
        for reference in self.live() {
            if let Some(data) = reference.native::<WeakRef>() {
                *data.referent.borrow_mut() = Referent::Object(Rc::downgrade(object));
            }
        }
    }
}

impl Drop for WeakRefList {
    /// A list dropped with its object (a class, or a kind whose death does
    /// not clear it first) clears its references all the same.
    fn drop(&mut self) {
        if let Some(entries) = self.0.take() {
            clear_references(entries.into_inner(), None);
        }
    }
}

/// Every reference of `entries` forgets its referent; the live ones with
/// a callback go to the interpreter's finalization queue.
fn clear_references(
    entries: Vec<Weak<PyObject>>,
    garbage: Option<&std::collections::HashSet<usize>>,
) {
    let mut callbacks = Vec::new();
    for entry in entries {
        let Some(reference) = entry.upgrade().map(Value::Obj) else {
            continue;
        };
        let Some(data) = reference.native::<WeakRef>() else {
            continue;
        };
        *data.referent.borrow_mut() = Referent::Dead;
        let callback = data.callback.replace(Value::None);
        let dying = garbage.is_some_and(|g| {
            reference
                .as_obj()
                .is_some_and(|o| g.contains(&(o as *const PyObject as usize)))
        });
        if !callback.is_none() && !dying {
            callbacks.push((reference, callback));
        }
    }
    if !callbacks.is_empty() {
        crate::interpreter::finalize::queue_weakref_callbacks(callbacks);
    }
}

/// The weak-reference list of `object`, when objects of its kind and type
/// can be weakly referenced (CPython's `tp_weaklistoffset`); `make` says
/// whether an instance without one yet gets one.
fn list_of(object: &PyObject, make: bool) -> Option<&WeakRefList> {
    match object {
        PyObject::Instance(i) if i.class().instance_weakref => i.weakrefs(make),
        PyObject::Exception(e) if e.class.instance_weakref => Some(&e.weakrefs),
        PyObject::Type(t) => Some(&t.weakrefs),
        PyObject::Function(f) => Some(&f.weakrefs),
        PyObject::BoundMethod(m) => Some(&m.weakrefs),
        PyObject::Set(s) | PyObject::FrozenSet(s) => Some(&s.weakrefs),
        PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g) => {
            Some(&g.weakrefs)
        }
        PyObject::Native(n) if n.data.weakrefable() => Some(&n.weakrefs),
        _ => None,
    }
}

/// The weak-reference list of an object that is dying, if references
/// were ever made to it (`PyObject`'s drop clears it first). Only the
/// object itself is read: a list exists only where [`list_of`] allowed it.
#[inline]
pub(crate) fn weakref_list(object: &PyObject) -> Option<&WeakRefList> {
    let list = match object {
        PyObject::Instance(i) => i.weakrefs(false)?,
        PyObject::Exception(e) => &e.weakrefs,
        PyObject::Function(f) => &f.weakrefs,
        PyObject::BoundMethod(m) => &m.weakrefs,
        PyObject::Set(s) | PyObject::FrozenSet(s) => &s.weakrefs,
        PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g) => {
            &g.weakrefs
        }
        PyObject::Native(n) => &n.weakrefs,
        // A class's list goes with its `TypeObject`, not with a wrapper.
        _ => return None,
    };
    (!list.is_empty()).then_some(list)
}

/// `obj.__weakref__`: the first weak reference to `object` (the shared
/// one, if there is one), or None.
pub(crate) fn first_reference(object: &Value) -> Value {
    object
        .as_obj()
        .and_then(|o| list_of(o, false))
        .and_then(|list| list.live().into_iter().next())
        .unwrap_or(Value::None)
}

/// What a reference points at.
enum Referent {
    Dead,
    Object(Weak<PyObject>),
    /// A class: its `PyObject` wrappers are made and dropped while the
    /// class lives, so the reference follows the class itself.
    Class(Weak<TypeObject>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ref,
    Proxy,
    CallableProxy,
}

/// A `weakref.ref`, `weakref.ProxyType` or `weakref.CallableProxyType`.
pub struct WeakRef {
    referent: RefCell<Referent>,
    /// None when there is none (or once it was called).
    callback: RefCell<Value>,
    /// `hash(ref)`: the referent's hash, kept once asked (it is still
    /// answered after the referent died).
    hash: Cell<Option<i64>>,
    kind: Kind,
}

impl NativeData for WeakRef {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The referent is not held: only the callback is.
        if let Ok(callback) = self.callback.try_borrow() {
            visit(&callback);
        }
    }

    fn clear(&self) {
        let old = self
            .callback
            .try_borrow_mut()
            .map(|mut c| std::mem::take(&mut *c));
        drop(old);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match (name, self.kind) {
            ("__callback__", Kind::Ref) => Some(self.callback.borrow().clone()),
            _ => None,
        }
    }
}

impl WeakRef {
    /// The referent, if it is alive.
    fn referent(&self) -> Option<Value> {
        match &*self.referent.borrow() {
            Referent::Dead => None,
            Referent::Object(object) => object.upgrade().map(Value::Obj),
            Referent::Class(class) => class
                .upgrade()
                .map(|class| crate::builtins::constructors::type_value(&class)),
        }
    }
}

thread_local! {
    static REF_TYPE: Rc<TypeObject> = native_type_in("weakref", "ReferenceType", REF_METHODS);
    static PROXY_TYPE: Rc<TypeObject> = native_type_in("weakref", "ProxyType", PROXY_METHODS);
    static CALLABLE_PROXY_TYPE: Rc<TypeObject> =
        native_type_in("weakref", "CallableProxyType", CALLABLE_PROXY_METHODS);
}

fn ref_type() -> Rc<TypeObject> {
    REF_TYPE.with(Rc::clone)
}

/// Whether `class` is `weakref.ProxyType`, `CallableProxyType` or
/// `memoryview`, native types that cannot be subclassed (CPython's
/// message names the proxies with their module).
pub(crate) fn unsubclassable_name(class: &Rc<TypeObject>) -> Option<&'static str> {
    if PROXY_TYPE.with(|t| Rc::ptr_eq(t, class)) {
        Some("weakref.ProxyType")
    } else if CALLABLE_PROXY_TYPE.with(|t| Rc::ptr_eq(t, class)) {
        Some("weakref.CallableProxyType")
    } else if Rc::ptr_eq(&crate::builtins::memoryview::memoryview_type(), class) {
        Some("memoryview")
    } else {
        None
    }
}

/// The `_weakref` module.
pub fn module() -> Vec<(&'static str, Value)> {
    let class = |t: Rc<TypeObject>| crate::builtins::constructors::type_value(&t);
    vec![
        ("ref", class(ref_type())),
        ("ReferenceType", class(ref_type())),
        ("ProxyType", class(PROXY_TYPE.with(Rc::clone))),
        (
            "CallableProxyType",
            class(CALLABLE_PROXY_TYPE.with(Rc::clone)),
        ),
        ("proxy", function("proxy", proxy)),
        (
            "getweakrefcount",
            function("getweakrefcount", getweakrefcount),
        ),
        ("getweakrefs", function("getweakrefs", getweakrefs)),
        (
            "_remove_dead_weakref",
            function("_remove_dead_weakref", remove_dead_weakref),
        ),
    ]
}

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(
        crate::builtins::function::PyBuiltinFunction { name, func },
    ))
}

fn cannot_reference(object: &Value) -> PyErr {
    PyErr::type_error(format!(
        "cannot create weak reference to '{}' object",
        type_name(object)
    ))
}

/// A new reference (or the shared one) of type `class` and kind `kind`
/// to `object`.
fn new_reference(class: &Rc<TypeObject>, kind: Kind, object: &Value, callback: Value) -> PyResult {
    let Value::Obj(rc) = object else {
        return Err(cannot_reference(object));
    };
    let Some(list) = list_of(rc, true) else {
        return Err(cannot_reference(object));
    };
    let referent = match &**rc {
        PyObject::Type(t) => Referent::Class(Rc::downgrade(t)),
        _ => Referent::Object(Rc::downgrade(rc)),
    };
    // The shared reference and proxy: the first live entries, without
    // callback, of the exact types (CPython's `get_basic_refs`); only the
    // head of the list is read, as a reference is made at each lookup of
    // a `WeakKeyDictionary`.
    let head: Vec<(usize, Value)> = {
        let entries = list.entries().borrow();
        entries
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, Value::Obj(r.upgrade()?))))
            .take(2)
            .collect()
    };
    let is_basic = |v: &Value, kinds: &[Kind]| {
        matches!(v.as_obj(), Some(PyObject::Native(_)))
            && v.native::<WeakRef>()
                .is_some_and(|r| kinds.contains(&r.kind) && r.callback.borrow().is_none())
    };
    let basic_ref = head.first().filter(|(_, v)| is_basic(v, &[Kind::Ref]));
    let basic_proxy = head
        .get(usize::from(basic_ref.is_some()))
        .filter(|(_, v)| is_basic(v, &[Kind::Proxy, Kind::CallableProxy]));
    let exact = callback.is_none() && (kind != Kind::Ref || Rc::ptr_eq(class, &ref_type()));
    if exact {
        let shared = if kind == Kind::Ref {
            basic_ref
        } else {
            basic_proxy
        };
        if let Some((_, shared)) = shared {
            return Ok(shared.clone());
        }
    }
    let data = WeakRef {
        referent: RefCell::new(referent),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        kind,
    };
    let native = NativeObject::new_value(native_class(class, kind), data);
    // A subclass of `ref`: the instance is the reference the list (and a
    // callback) sees.
    let reference = if kind == Kind::Ref && !Rc::ptr_eq(class, &ref_type()) {
        Value::obj(PyObject::Instance(
            crate::builtins::function::PyInstance::with_base(class.clone(), native),
        ))
    } else {
        native
    };
    let Value::Obj(reference_rc) = &reference else {
        unreachable!("a new object")
    };
    // Where it goes (CPython's `insert_head`/`insert_after`): the shared
    // reference first, a shared proxy after it, the others after both.
    let after = match (exact, kind) {
        (true, Kind::Ref) => None,
        (true, _) => basic_ref,
        (false, _) => basic_proxy.or(basic_ref),
    };
    let position = after.map_or(0, |(i, _)| i + 1);
    let mut entries = list.entries().borrow_mut();
    entries.insert(position, Rc::downgrade(reference_rc));
    // Entries of references that died go now and then (the list is read
    // from its head only).
    if entries.len().is_power_of_two() {
        entries.retain(|r| r.strong_count() > 0);
    }
    drop(entries);
    Ok(reference)
}

/// The native type a new reference's data carries: the class itself, or
/// `ReferenceType` under a subclass.
fn native_class(class: &Rc<TypeObject>, kind: Kind) -> Rc<TypeObject> {
    match kind {
        Kind::Ref if class.heap => ref_type(),
        _ => class.clone(),
    }
}

fn this(receiver: &Value) -> PyResult<&WeakRef> {
    receiver.native::<WeakRef>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor for 'weakref.ReferenceType' objects doesn't apply to a '{}' object",
            receiver.type_name()
        ))
    })
}

/// `ref.__new__(cls, object, callback=None)`: extra keywords are
/// ignored, as CPython's (so a subclass's `__init__` may take them).
fn ref_new(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(PyObject::Type(class)) = receiver.as_obj() else {
        return Err(PyErr::type_error(format!(
            "weakref.ReferenceType.__new__(X): X is not a type object ({})",
            receiver.type_name()
        )));
    };
    if !class.is_subtype(&ref_type()) {
        return Err(PyErr::type_error(format!(
            "weakref.ReferenceType.__new__({0}): {0} is not a subtype of weakref.ReferenceType",
            tp_name(class)
        )));
    }
    let (object, callback) = unpack("__new__", args)?;
    new_reference(class, Kind::Ref, object, callback)
}

/// `ref.__init__(self, object, callback=None)`: the work is done.
fn ref_init(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    unpack("__init__", args)?;
    Ok(Value::None)
}

/// The `(object, callback)` of `ref(...)` and `proxy(...)`, with
/// CPython's `PyArg_UnpackTuple` messages.
fn unpack<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, Value)> {
    match args.pos {
        [object] => Ok((object, Value::None)),
        [object, callback] => Ok((object, callback.clone())),
        [] => Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        ))),
        more => Err(PyErr::type_error(format!(
            "{name} expected at most 2 arguments, got {}",
            more.len()
        ))),
    }
}

/// `r()`: the referent, or None.
fn ref_call(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("weakref() takes no keyword arguments"));
    }
    if !args.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "weakref expected 0 arguments, got {}",
            args.pos.len()
        )));
    }
    Ok(this(receiver)?.referent().unwrap_or(Value::None))
}

fn ref_hash(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let data = this(receiver)?;
    if let Some(hash) = data.hash.get() {
        return Ok(Value::Int(hash));
    }
    let Some(referent) = data.referent() else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let hash = vm.hash_value(&referent)?;
    data.hash.set(Some(hash));
    Ok(Value::Int(hash))
}

/// `==` and `!=`: the referents while both live, identity after.
fn ref_compare(vm: &mut Vm, receiver: &Value, args: Args, op: CompareOp) -> PyResult {
    let other = &args.pos[0];
    let (Some(mine), Some(theirs)) = (receiver.native::<WeakRef>(), other.native::<WeakRef>())
    else {
        return Ok(Value::NotImplemented);
    };
    match (mine.referent(), theirs.referent()) {
        (Some(a), Some(b)) => vm.rich_compare(op, &a, &b),
        _ => Ok(Value::bool((op == CompareOp::Eq) == receiver.is(other))),
    }
}

fn ref_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let data = this(receiver)?;
    let at = address(receiver);
    let Some(referent) = data.referent() else {
        return Ok(Value::str(format!("<weakref at {at}; dead>")));
    };
    let name = match vm.attribute_if_present(&referent, "__name__")? {
        Some(name) => name.as_str_or_subclass().map(|s| s.as_str().to_string()),
        None => None,
    };
    let to = format!(
        "<weakref at {at}; to '{}' at {}",
        type_name(&referent),
        address(&referent)
    );
    Ok(Value::str(match name {
        Some(name) => format!("{to} ({name})>"),
        None => format!("{to}>"),
    }))
}

/// The `tp_name` of `value`'s type (what CPython's weakref messages show).
fn type_name(value: &Value) -> String {
    tp_name(&crate::typeobject::class_of(value))
}

/// CPython's `tp_name`: a class statement's class by its name, a
/// builtin or native type with its module where CPython's has one.
fn tp_name(class: &TypeObject) -> String {
    let module = class.module_name();
    if class.heap || module == "builtins" {
        class.name.to_string()
    } else {
        format!("{module}.{}", class.name)
    }
}

fn address(value: &Value) -> String {
    match value {
        Value::Obj(rc) => format!("0x{:x}", Rc::as_ptr(rc) as usize),
        _ => "0x0".to_string(),
    }
}

static REF_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, ref_new),
    method("__init__", Params::Any, ref_init),
    method("__call__", Params::Any, ref_call),
    method("__hash__", Params::NoArgs, ref_hash),
    method("__eq__", Params::One, |vm, r, a| {
        ref_compare(vm, r, a, CompareOp::Eq)
    }),
    method("__ne__", Params::One, |vm, r, a| {
        ref_compare(vm, r, a, CompareOp::Ne)
    }),
    method("__repr__", Params::NoArgs, ref_repr),
    method("__class_getitem__", Params::One, |_, receiver, args| {
        Ok(crate::builtins::generic_alias::generic_alias(
            receiver.clone(),
            &args.pos[0],
        ))
    }),
];

const fn method(
    name: &'static str,
    params: Params,
    func: crate::builtins::function::NativeMethod,
) -> MethodDef {
    MethodDef { name, params, func }
}

/// `weakref.proxy(object, callback=None)`.
fn proxy(_: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(
            "_weakref.proxy() takes no keyword arguments",
        ));
    }
    let (object, callback) = unpack("proxy", args)?;
    let (kind, class) = if crate::builtins::module::is_callable(object) {
        (Kind::CallableProxy, CALLABLE_PROXY_TYPE.with(Rc::clone))
    } else {
        (Kind::Proxy, PROXY_TYPE.with(Rc::clone))
    };
    new_reference(&class, kind, object, callback)
}

fn getweakrefcount(_: &mut Vm, args: Args) -> PyResult {
    args.check("_weakref.getweakrefcount", 1, 1)?;
    let count = match args.pos[0].as_obj().and_then(|o| list_of(o, false)) {
        Some(list) => list.live().len(),
        None => 0,
    };
    Ok(Value::from(count))
}

/// The live weak references to `object`, oldest first.
pub(crate) fn references_to(_: &mut Vm, object: &Value) -> PyResult<Vec<Value>> {
    Ok(match object.as_obj().and_then(|o| list_of(o, false)) {
        Some(list) => list.live(),
        None => Vec::new(),
    })
}

fn getweakrefs(_: &mut Vm, args: Args) -> PyResult {
    args.check("_weakref.getweakrefs", 1, 1)?;
    let live = match args.pos[0].as_obj().and_then(|o| list_of(o, false)) {
        Some(list) => list.live(),
        None => Vec::new(),
    };
    Ok(Value::list(live))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead
/// reference (what a `WeakValueDictionary`'s callbacks do).
fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_weakref._remove_dead_weakref", 2, 2)?;
    let Some(dict) = args.pos[0].as_dict_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            args.pos[0].type_name()
        )));
    };
    let key = &args.pos[1];
    if let Some(value) = dict.get_item_vm(vm, key)?
        && value
            .native::<WeakRef>()
            .is_some_and(|r| r.referent().is_none())
    {
        dict.pop_vm(vm, key)?;
    }
    Ok(Value::None)
}

// ---- proxies ----

/// The referent of a proxy operand, or the operand itself (CPython's
/// `UNWRAP`): a dead proxy is a ReferenceError.
fn unwrap(value: &Value) -> PyResult<Value> {
    match value.native::<WeakRef>() {
        Some(data) if data.kind != Kind::Ref => data.referent().ok_or_else(dead_proxy),
        _ => Ok(value.clone()),
    }
}

fn dead_proxy() -> PyErr {
    PyErr::new(
        ExcType::ReferenceError,
        "weakly-referenced object no longer exists",
    )
}

fn proxy_repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let data = this(receiver)?;
    let referent = data.referent().unwrap_or(Value::None);
    Ok(Value::str(format!(
        "<weakproxy at {} to {} at {}>",
        address(receiver),
        type_name(&referent),
        match &referent {
            Value::Obj(_) => address(&referent),
            _ => "0x0".to_string(),
        }
    )))
}

fn proxy_getattribute(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let name = attribute_name(&args.pos[0])?;
    vm.get_attr(&unwrap(receiver)?, &name)
}

fn proxy_setattr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let name = attribute_name(&args.pos[0])?;
    vm.set_attr(&unwrap(receiver)?, &name, Some(args.pos[1].clone()))?;
    Ok(Value::None)
}

fn proxy_delattr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let name = attribute_name(&args.pos[0])?;
    vm.set_attr(&unwrap(receiver)?, &name, None)?;
    Ok(Value::None)
}

fn attribute_name(name: &Value) -> PyResult<String> {
    match name.as_str_or_subclass() {
        Some(name) => Ok(name.as_str().to_string()),
        None => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            name.type_name()
        ))),
    }
}

fn proxy_call(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let referent = unwrap(receiver)?;
    vm.call(&referent, args)
}

/// Calls builtin `name` (`abs`, `int`, `reversed`...) on the referent:
/// what the proxy's slot of that name does.
fn call_builtin(vm: &mut Vm, name: &str, receiver: &Value) -> PyResult {
    let referent = unwrap(receiver)?;
    let function = vm
        .builtin(&Value::str(name))?
        .ok_or_else(|| PyErr::new(ExcType::NameError, format!("name '{name}' is not defined")))?;
    vm.call(&function, Args::new(&[referent]))
}

fn proxy_next(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let referent = unwrap(receiver)?;
    if !crate::interpreter::coroutines::is_iterator(&referent) {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            type_name(&referent)
        )));
    }
    match vm.next_object(&referent)? {
        Some(item) => Ok(item),
        None => Err(PyErr::new(ExcType::StopIteration, "")),
    }
}

fn binary(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult {
    vm.binary(op, &unwrap(a)?, &unwrap(b)?)
}

fn inplace(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult {
    let (a, b) = (unwrap(a)?, unwrap(b)?);
    match vm.binary_dunder(op, true, &a, &b)? {
        Some(result) => Ok(result),
        None => crate::protocol::inplace_op(vm, op, &a, &b),
    }
}

fn compare(vm: &mut Vm, op: CompareOp, a: &Value, b: &Value) -> PyResult {
    vm.rich_compare(op, &unwrap(a)?, &unwrap(b)?)
}

/// Every method of a proxy type: each operation goes to the referent
/// (CPython's `proxy_*` slots), plus `$extra` (`__call__`).
macro_rules! proxy_methods {
    ($($extra:expr),*) => {
        proxy_methods!(@table [$($extra),*]
            Add "__add__" "__radd__" "__iadd__",
            Sub "__sub__" "__rsub__" "__isub__",
            Mul "__mul__" "__rmul__" "__imul__",
            TrueDiv "__truediv__" "__rtruediv__" "__itruediv__",
            FloorDiv "__floordiv__" "__rfloordiv__" "__ifloordiv__",
            Mod "__mod__" "__rmod__" "__imod__",
            Pow "__pow__" "__rpow__" "__ipow__",
            MatMul "__matmul__" "__rmatmul__" "__imatmul__",
            LShift "__lshift__" "__rlshift__" "__ilshift__",
            RShift "__rshift__" "__rrshift__" "__irshift__",
            And "__and__" "__rand__" "__iand__",
            Or "__or__" "__ror__" "__ior__",
            Xor "__xor__" "__rxor__" "__ixor__"
        )
    };
    (@table [$($extra:expr),*] $($op:ident $forward:literal $reflected:literal $inplace:literal),*) => {
        &[
            method("__repr__", Params::NoArgs, proxy_repr),
            method("__str__", Params::NoArgs, |vm, r, _| vm.str_value(&unwrap(r)?)),
            method("__hash__", Params::NoArgs, |_, r, _| {
                Err(PyErr::type_error(format!("unhashable type: '{}'", type_name(r))))
            }),
            method("__getattribute__", Params::One, proxy_getattribute),
            method("__setattr__", Params::Positional(2, 2), proxy_setattr),
            method("__delattr__", Params::One, proxy_delattr),
            method("__bool__", Params::NoArgs, |vm, r, _| {
                Ok(Value::bool(vm.truthy_value(&unwrap(r)?)?))
            }),
            method("__len__", Params::NoArgs, |vm, r, _| {
                Ok(Value::from(vm.length(&unwrap(r)?)?))
            }),
            method("__iter__", Params::NoArgs, |vm, r, _| vm.iter_object(&unwrap(r)?)),
            method("__next__", Params::NoArgs, proxy_next),
            method("__contains__", Params::One, |vm, r, a| {
                Ok(Value::bool(vm.contains_value(&unwrap(r)?, &a.pos[0])?))
            }),
            method("__getitem__", Params::One, |vm, r, a| {
                vm.subscript_get(&unwrap(r)?, a.pos[0].clone())
            }),
            method("__setitem__", Params::Positional(2, 2), |vm, r, a| {
                vm.subscript_set(&unwrap(r)?, a.pos[0].clone(), a.pos[1].clone())?;
                Ok(Value::None)
            }),
            method("__delitem__", Params::One, |vm, r, a| {
                vm.subscript_delete(&unwrap(r)?, a.pos[0].clone())?;
                Ok(Value::None)
            }),
            method("__eq__", Params::One, |vm, r, a| compare(vm, CompareOp::Eq, r, &a.pos[0])),
            method("__ne__", Params::One, |vm, r, a| compare(vm, CompareOp::Ne, r, &a.pos[0])),
            method("__lt__", Params::One, |vm, r, a| compare(vm, CompareOp::Lt, r, &a.pos[0])),
            method("__le__", Params::One, |vm, r, a| compare(vm, CompareOp::Le, r, &a.pos[0])),
            method("__gt__", Params::One, |vm, r, a| compare(vm, CompareOp::Gt, r, &a.pos[0])),
            method("__ge__", Params::One, |vm, r, a| compare(vm, CompareOp::Ge, r, &a.pos[0])),
            method("__neg__", Params::NoArgs, |vm, r, _| vm.unary_value(UnaryOp::Neg, &unwrap(r)?)),
            method("__pos__", Params::NoArgs, |vm, r, _| vm.unary_value(UnaryOp::Pos, &unwrap(r)?)),
            method("__invert__", Params::NoArgs, |vm, r, _| {
                vm.unary_value(UnaryOp::Invert, &unwrap(r)?)
            }),
            method("__abs__", Params::NoArgs, |vm, r, _| call_builtin(vm, "abs", r)),
            method("__int__", Params::NoArgs, |vm, r, _| call_builtin(vm, "int", r)),
            method("__float__", Params::NoArgs, |vm, r, _| call_builtin(vm, "float", r)),
            method("__index__", Params::NoArgs, |vm, r, _| {
                crate::builtins::module::index_value(vm, &unwrap(r)?)
            }),
            method("__bytes__", Params::NoArgs, |vm, r, _| call_builtin(vm, "bytes", r)),
            method("__reversed__", Params::NoArgs, |vm, r, _| call_builtin(vm, "reversed", r)),
            method("__divmod__", Params::One, |vm, r, a| {
                vm.divmod(&unwrap(r)?, &unwrap(&a.pos[0])?)
            }),
            method("__rdivmod__", Params::One, |vm, r, a| {
                vm.divmod(&unwrap(&a.pos[0])?, &unwrap(r)?)
            }),
            $(
                method($forward, Params::One, |vm, r, a| binary(vm, BinaryOp::$op, r, &a.pos[0])),
                method($reflected, Params::One, |vm, r, a| binary(vm, BinaryOp::$op, &a.pos[0], r)),
                method($inplace, Params::One, |vm, r, a| inplace(vm, BinaryOp::$op, r, &a.pos[0])),
            )*
            $($extra),*
        ]
    };
}

static PROXY_METHODS: &[MethodDef] = proxy_methods!();

static CALLABLE_PROXY_METHODS: &[MethodDef] =
    proxy_methods!(method("__call__", Params::Any, proxy_call));
