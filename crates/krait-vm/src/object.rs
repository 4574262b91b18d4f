//! `PyObject`: the payload behind `Value::Obj`.
//!
//! One variant per object kind; each kind's data and methods live in its own
//! module under `builtins/`. Mutable containers use `RefCell`/`Cell` inside
//! their payload, so a `Value` is shared freely and mutated through `&`.
//!
//! Every object can enumerate the values it holds ([`PyObject::traverse`]),
//! which is how the cycle collector (`crate::gc`) walks the object graph;
//! the mutable kinds carry its header (`PyObject::gc_header`) and can
//! let go of their references (`PyObject::clear_for_collector`).

use std::rc::Rc;

use num_bigint::BigInt;

use crate::builtins::bytes::PyBytes;
use crate::builtins::complex::Complex;
use crate::builtins::dict::{KeyTable, PyDict, PyDictView};
use crate::builtins::exception::PyException;
use crate::builtins::function::{
    PyBoundMethod, PyBuiltinFunction, PyCell, PyClassMethod, PyCode, PyFunction, PyGenerator,
    PyInstance, PyMethodDescriptor, PyProperty, PyStaticMethod, PySuper,
};
use crate::builtins::iter::PyIterator;
use crate::builtins::list::PyList;
use crate::builtins::range::PyRange;
use crate::builtins::set::PySet;
use crate::builtins::settable::SetTable;
use crate::builtins::slice::PySlice;
use crate::builtins::str::PyStr;
use crate::builtins::tuple::{Items as TupleItems, PyTuple};
use crate::typeobject::TypeObject;
use crate::value::Value;

pub enum PyObject {
    Str(PyStr),
    /// An int outside the `i64` range (smaller ones are `Value::Int`).
    Int(BigInt),
    Complex(Complex),
    List(PyList),
    Tuple(PyTuple),
    Dict(PyDict),
    DictView(PyDictView),
    Set(PySet),
    FrozenSet(PySet),
    Range(PyRange),
    Slice(PySlice),
    Bytes(PyBytes),
    /// A class: builtin type, exception type or (later) user class.
    Type(Rc<TypeObject>),
    /// Boxed, like the other large kinds, so every object stays small.
    Exception(Box<PyException>),
    Iterator(Box<PyIterator>),
    BuiltinFunction(PyBuiltinFunction),
    /// A builtin method looked up on its type (`list.append`), or bound to an
    /// instance (`[].append`) when `PyMethodDescriptor::bound` is set.
    MethodDescriptor(PyMethodDescriptor),
    // Filled in by the dispatch-loop step:
    Function(Box<PyFunction>),
    Code(PyCode),
    Cell(PyCell),
    Instance(PyInstance),
    BoundMethod(PyBoundMethod),
    Generator(Box<PyGenerator>),
    /// The object an `async def` call makes.
    Coroutine(Box<PyGenerator>),
    /// The object an `async def` with `yield` makes.
    AsyncGenerator(Box<PyGenerator>),
    Property(Box<PyProperty>),
    StaticMethod(PyStaticMethod),
    ClassMethod(PyClassMethod),
    Super(PySuper),
    /// A value of a type defined outside the VM's own kinds (see `native`).
    Native(crate::native::NativeObject),
}

impl PyObject {
    pub fn type_name(&self) -> &str {
        match self {
            PyObject::Str(_) => "str",
            PyObject::Int(_) => "int",
            PyObject::Complex(_) => "complex",
            PyObject::List(_) => "list",
            PyObject::Tuple(_) => "tuple",
            PyObject::Dict(_) => "dict",
            PyObject::DictView(v) => v.kind.type_name(),
            PyObject::Set(_) => "set",
            PyObject::FrozenSet(_) => "frozenset",
            PyObject::Range(_) => "range",
            PyObject::Slice(_) => "slice",
            PyObject::Bytes(_) => "bytes",
            PyObject::Type(_) => "type",
            PyObject::Exception(e) => &e.class.name,
            PyObject::Iterator(it) => it.type_name(),
            PyObject::BuiltinFunction(_) => "builtin_function_or_method",
            PyObject::MethodDescriptor(m) => {
                if m.bound.is_some() {
                    "builtin_function_or_method"
                } else {
                    "method_descriptor"
                }
            }
            PyObject::Function(_) => "function",
            PyObject::Code(_) => "code",
            PyObject::Cell(_) => "cell",
            PyObject::Instance(i) => &i.class().name,
            PyObject::BoundMethod(_) => "method",
            PyObject::Generator(_) => "generator",
            PyObject::Coroutine(_) => "coroutine",
            PyObject::AsyncGenerator(_) => "async_generator",
            PyObject::Property(_) => "property",
            PyObject::StaticMethod(_) => "staticmethod",
            PyObject::ClassMethod(_) => "classmethod",
            PyObject::Super(_) => "super",
            PyObject::Native(n) => n.class.tp_name.as_deref().unwrap_or(&n.class.name),
        }
    }

    /// The collector's header of the kinds it tracks (the mutable
    /// containers; see `crate::gc`).
    #[inline]
    pub(crate) fn gc_header(&self) -> Option<&crate::gc::GcHeader> {
        match self {
            PyObject::List(l) => Some(&l.gc),
            PyObject::Dict(d) => Some(&d.gc),
            PyObject::Set(s) => Some(&s.gc),
            PyObject::Instance(i) => Some(&i.gc),
            PyObject::Cell(c) => Some(&c.gc),
            PyObject::Function(f) => Some(&f.gc),
            PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g) => {
                Some(&g.gc)
            }
            PyObject::Exception(e) => Some(&e.gc),
            PyObject::Native(n) if !n.atom => Some(&n.gc),
            _ => None,
        }
    }

    /// Lets go of the references this object holds, where they can be
    /// replaced (CPython's `tp_clear`): how the collector breaks a cycle
    /// of garbage. Immutable kinds keep theirs (a cycle through one goes
    /// through a mutable object too).
    pub(crate) fn clear_for_collector(&self) {
        match self {
            PyObject::List(l) => l.clear_for_collector(),
            PyObject::Dict(d) => d.clear_for_collector(),
            PyObject::Set(s) => s.clear_for_collector(),
            PyObject::Instance(i) => i.clear_for_collector(),
            PyObject::Cell(c) => {
                let old = c
                    .value
                    .try_borrow_mut()
                    .map(|mut v| std::mem::take(&mut *v));
                drop(old);
            }
            PyObject::Function(f) => f.clear_for_collector(),
            PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g) => {
                g.clear_for_collector()
            }
            PyObject::Exception(e) => e.clear_for_collector(),
            PyObject::Native(n) => n.data.clear(),
            _ => {}
        }
    }

    /// The class this object holds a strong reference to, besides the
    /// values of [`PyObject::traverse`]: its own (an instance's, an
    /// exception's, a native object's), a class object's, a `super()`'s.
    /// A class is no value but can close a cycle (`A.me = A`, a method's
    /// `__class__` cell): the cycle collector follows it.
    #[inline]
    pub(crate) fn held_class(&self) -> Option<&TypeObject> {
        match self {
            PyObject::Type(class) => Some(class),
            PyObject::Instance(instance) => Some(instance.class()),
            PyObject::Exception(exception) => Some(&exception.class),
            PyObject::Native(native) => Some(&native.class),
            PyObject::Super(s) => Some(&s.class),
            _ => None,
        }
    }

    /// Call `visit` on every value this object holds a strong reference to.
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            PyObject::Str(_)
            | PyObject::Int(_)
            | PyObject::Complex(_)
            | PyObject::Range(_)
            | PyObject::Bytes(_)
            | PyObject::Type(_)
            | PyObject::BuiltinFunction(_)
            | PyObject::Code(_) => {}
            PyObject::List(l) => l.traverse(visit),
            PyObject::Tuple(t) => t.iter().for_each(visit),
            PyObject::Dict(d) => d.traverse(visit),
            PyObject::DictView(v) => visit(&v.dict),
            PyObject::Set(s) | PyObject::FrozenSet(s) => s.traverse(visit),
            PyObject::Slice(s) => {
                visit(&s.start);
                visit(&s.stop);
                visit(&s.step);
            }
            PyObject::Exception(e) => e.traverse(visit),
            PyObject::Iterator(it) => it.traverse(visit),
            PyObject::MethodDescriptor(m) => {
                if let Some(b) = &m.bound {
                    visit(b)
                }
            }
            PyObject::Function(f) => f.traverse(visit),
            PyObject::Cell(c) => {
                if let Ok(value) = c.value.try_borrow() {
                    visit(&value)
                }
            }
            PyObject::Instance(i) => i.traverse(visit),
            PyObject::BoundMethod(m) => {
                visit(&m.receiver);
                visit(&m.function);
            }
            PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g) => {
                g.traverse(visit)
            }
            PyObject::Property(p) => {
                visit(&p.getter);
                visit(&p.setter);
                visit(&p.deleter);
                visit(&p.doc.borrow());
                visit(&p.name.borrow());
            }
            PyObject::StaticMethod(m) => visit(&m.function),
            PyObject::ClassMethod(m) => visit(&m.function),
            PyObject::Super(s) => visit(&s.object),
            PyObject::Native(n) => n.data.traverse(visit),
        }
    }
}

thread_local! {
    /// How many drops of objects holding containers the running drop is
    /// nested in: past [`DIRECT_DROP_DEPTH`], children are queued.
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Children queued by drops nested too deep, dropped by the outermost
    /// drop once its own children are gone.
    static PENDING_DROPS: std::cell::RefCell<Vec<Deferred>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops nested up to this depth drop their children at once, depth first
/// (as CPython's deallocators do); deeper ones queue them, so that a long
/// chain takes bounded stack (CPython's "trashcan" unwinds at 50 too).
/// Queuing every child instead cost an instance holding a dict and a list
/// twice CPython's time to die.
const DIRECT_DROP_DEPTH: u32 = 50;

/// What an object holds that may form long chains, moved out of it so
/// that its drop happens later, at the outermost teardown. The storage is
/// moved as it is (never copied into a new `Vec`: a list of a million
/// items must not need a second million-item buffer to die).
#[allow(dead_code, reason = "the fields are held only to be dropped")]
enum Deferred {
    Values(Vec<Value>),
    /// A list's items, let go of last to first.
    Reversed(Vec<Value>),
    /// A tuple's items, let go of last to first.
    Tuple(TupleItems),
    Dict(KeyTable<Value>),
    Set(SetTable),
    One(Value),
    Two(Value, Value),
}

impl Drop for Deferred {
    /// Lists and tuples let go of their items last to first, as CPython's
    /// `list_dealloc` and `tupledealloc` do: the `__del__` methods and
    /// weak-reference callbacks their deaths queue then run in CPython's
    /// order.
    fn drop(&mut self) {
        match self {
            Deferred::Reversed(items) => while items.pop().is_some() {},
            Deferred::Tuple(TupleItems::Inline(items)) => {
                for item in items.iter_mut().rev() {
                    drop(std::mem::replace(item, Value::Null));
                }
            }
            Deferred::Tuple(TupleItems::Heap(items)) => {
                let mut items = std::mem::take(items).into_vec();
                while items.pop().is_some() {}
            }
            _ => {}
        }
    }
}

/// Whether dropping `v` may drop values it holds, which may hold others,
/// and so on: deep down a chain such children are queued. Strings,
/// numbers and the like end a chain and are dropped in place.
pub(crate) fn is_container(v: &Value) -> bool {
    match v {
        Value::Obj(o) => holds_references(o),
        _ => false,
    }
}

/// Whether objects of this kind may hold references to others (what
/// [`PyObject::traverse`] visits).
#[inline]
pub(crate) fn holds_references(o: &PyObject) -> bool {
    if let PyObject::Native(n) = o {
        return !n.atom;
    }
    !matches!(
        o,
        PyObject::Str(_)
            | PyObject::Int(_)
            | PyObject::Complex(_)
            | PyObject::Range(_)
            | PyObject::Bytes(_)
            | PyObject::Type(_)
            | PyObject::BuiltinFunction(_)
            | PyObject::Code(_)
    )
}

/// Dropping an object drops what it holds; a long chain (a linked list of
/// a million nodes, `[[[...]]]` nested 100000 deep) would recurse once per
/// link and overflow the Rust stack. Past `DIRECT_DROP_DEPTH` nested
/// drops, children that are containers are queued instead and dropped by
/// the outermost drop.
impl Drop for PyObject {
    fn drop(&mut self) {
        if let Some(header) = self.gc_header() {
            crate::gc::untrack(header);
        }
        // `__del__`, or a suspended generator's cleanup: the contents move
        // to a revived object the interpreter finalizes.
        if crate::interpreter::finalize::revive_for_finalizer(self) {
            return;
        }
        // Weak references are cleared before the contents go, as
        // CPython's deallocators do (a reference the object holds itself
        // still gets its callback). One null test for objects never
        // weakly referenced.
        if let Some(weakrefs) = crate::builtins::weakref::weakref_list(self) {
            weakrefs.clear();
        }
        let Some(children) = self.take_children() else {
            return;
        };
        // At thread exit the depth may already be gone: drop directly then.
        let Ok(depth) = DROP_DEPTH.try_with(std::cell::Cell::get) else {
            return;
        };
        if depth >= DIRECT_DROP_DEPTH {
            let _ = PENDING_DROPS.try_with(|p| p.borrow_mut().push(children));
            return;
        }
        DROP_DEPTH.set(depth + 1);
        drop(children);
        if depth == 0 {
            while let Some(next) = PENDING_DROPS
                .try_with(|p| p.borrow_mut().pop())
                .ok()
                .flatten()
            {
                drop(next);
            }
        }
        DROP_DEPTH.set(depth);
    }
}

impl PyObject {
    /// Moves out the values this object holds that can form long chains
    /// (`None` when none can: the object then drops its values in place).
    fn take_children(&mut self) -> Option<Deferred> {
        fn one(v: &mut Value) -> Option<Deferred> {
            is_container(v).then(|| Deferred::One(std::mem::take(v)))
        }
        fn two(a: &mut Value, b: &mut Value) -> Option<Deferred> {
            (is_container(a) || is_container(b))
                .then(|| Deferred::Two(std::mem::take(a), std::mem::take(b)))
        }
        match self {
            PyObject::List(l) => l.take_items_if(is_container).map(Deferred::Reversed),
            PyObject::Tuple(t) => t.take_items_if(is_container).map(Deferred::Tuple),
            PyObject::Dict(d) => d.take_table_if_containers().map(Deferred::Dict),
            PyObject::Set(s) | PyObject::FrozenSet(s) => {
                s.take_table_if_containers().map(Deferred::Set)
            }
            // (Looked at in place first: most instances hold no
            // container, and taking their values out was an allocation
            // per death.)
            PyObject::Instance(i) => i
                .holds_value(is_container)
                .then(|| Deferred::Values(i.take_values())),
            PyObject::Cell(c) => one(c.value.get_mut()),
            PyObject::BoundMethod(m) => two(&mut m.receiver, &mut m.function),
            PyObject::Exception(e) => {
                let mut out = std::mem::take(e.args.get_mut());
                out.extend(e.take_dict());
                out.extend(e.cause.get_mut().take());
                out.extend(e.context.get_mut().take());
                Some(Deferred::Values(out))
            }
            PyObject::Function(f) => {
                let mut out = std::mem::take(f.defaults.get_mut());
                out.extend(std::mem::take(&mut f.closure));
                out.extend(f.dict.get_mut().take());
                out.extend(f.annotations.get_mut().take());
                Some(Deferred::Values(out))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::str::PyStr;
    use crate::builtins::tuple::PyTuple;
    use std::mem::size_of;

    /// Every heap value is an `Rc<PyObject>`: it pays the 16-byte `Rc`
    /// header plus the largest object kind, and malloc rounds the sum (plus
    /// its own 8 bytes) up to 16: at most 56 bytes makes an 80-byte chunk.
    /// Large or rare kinds are boxed (functions, exceptions, generators,
    /// properties, iterators, a large dict's table) so that a str, a tuple
    /// or an instance stays small.
    #[test]
    fn objects_stay_small() {
        assert!(size_of::<PyObject>() <= 56, "{}", size_of::<PyObject>());
        // What the common kinds need of it.
        assert!(size_of::<PyStr>() <= 48);
        assert!(size_of::<PyTuple>() <= 48);
        assert!(size_of::<crate::builtins::dict::PyDict>() <= 48);
    }

    /// Dropping a long chain of containers must not recurse per link.
    #[test]
    fn deep_chains_drop_without_recursion() {
        const DEPTH: usize = 200_000;
        // [[[...]]]
        let mut v = Value::list(vec![]);
        for _ in 0..DEPTH {
            v = Value::list(vec![v]);
        }
        drop(v);
        // Each link held twice by its parent: [x, x].
        let mut v = Value::list(vec![]);
        for _ in 0..DEPTH {
            v = Value::list(vec![v.clone(), v]);
        }
        drop(v);
        // ((...),) : inline tuples.
        let mut v = Value::tuple(vec![]);
        for _ in 0..DEPTH {
            v = Value::tuple(vec![v, Value::None]);
        }
        drop(v);
        // {"n": {"n": ...}}
        let mut v = Value::None;
        for _ in 0..DEPTH {
            let d = PyDict::new();
            d.set_item(Value::str("n"), v).unwrap();
            v = Value::dict(d);
        }
        drop(v);
        // Keys too: {(((...),),): 0}, inside a set.
        let mut v = Value::tuple(vec![]);
        for _ in 0..DEPTH {
            let s = crate::builtins::set::PySet::new();
            s.add(v).unwrap();
            v = Value::frozenset(s);
        }
        drop(v);
    }

    /// A list of numbers or strings is dropped in place: nothing is moved
    /// out, so no second buffer of its size exists while it dies.
    #[test]
    fn flat_containers_keep_their_items() {
        let mut o = PyObject::List(crate::builtins::list::PyList::new(vec![
            Value::Int(1),
            Value::str("a"),
        ]));
        assert!(o.take_children().is_none());
        let mut o = PyObject::List(crate::builtins::list::PyList::new(vec![
            Value::Int(1),
            Value::list(vec![]),
        ]));
        assert!(o.take_children().is_some());
    }
}
