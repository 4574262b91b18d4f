//! `PyObject`: the payload behind `Value::Obj`.
//!
//! One variant per object kind; each kind's data and methods live in its own
//! module under `builtins/`. Mutable containers use `RefCell`/`Cell` inside
//! their payload, so a `Value` is shared freely and mutated through `&`.
//!
//! Every object can enumerate the values it holds ([`PyObject::traverse`]):
//! that is all a future cycle collector needs to walk the object graph.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::builtins::bytes::PyBytes;
use crate::builtins::dict::{PyDict, PyDictView};
use crate::builtins::exception::PyException;
use crate::builtins::function::{
    PyBoundMethod, PyBuiltinFunction, PyCell, PyClassMethod, PyCode, PyFunction, PyGenerator,
    PyInstance, PyMethodDescriptor, PyProperty, PyStaticMethod, PySuper,
};
use crate::builtins::iter::PyIterator;
use crate::builtins::list::PyList;
use crate::builtins::range::PyRange;
use crate::builtins::set::PySet;
use crate::builtins::slice::PySlice;
use crate::builtins::str::PyStr;
use crate::builtins::tuple::PyTuple;
use crate::typeobject::TypeObject;
use crate::value::Value;

pub enum PyObject {
    Str(PyStr),
    /// An int outside the `i64` range (smaller ones are `Value::Int`).
    Int(BigInt),
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
    Iterator(PyIterator),
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
    Property(PyProperty),
    StaticMethod(PyStaticMethod),
    ClassMethod(PyClassMethod),
    Super(PySuper),
}

impl PyObject {
    pub fn type_name(&self) -> &str {
        match self {
            PyObject::Str(_) => "str",
            PyObject::Int(_) => "int",
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
            PyObject::Instance(i) => &i.class.name,
            PyObject::BoundMethod(_) => "method",
            PyObject::Generator(_) => "generator",
            PyObject::Property(_) => "property",
            PyObject::StaticMethod(_) => "staticmethod",
            PyObject::ClassMethod(_) => "classmethod",
            PyObject::Super(_) => "super",
        }
    }

    /// Call `visit` on every value this object holds a strong reference to.
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            PyObject::Str(_)
            | PyObject::Int(_)
            | PyObject::Range(_)
            | PyObject::Bytes(_)
            | PyObject::Type(_)
            | PyObject::BuiltinFunction(_)
            | PyObject::Code(_) => {}
            PyObject::List(l) => l.borrow().iter().for_each(visit),
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
            PyObject::Cell(c) => visit(&c.value.borrow()),
            PyObject::Instance(i) => i.traverse(visit),
            PyObject::BoundMethod(m) => {
                visit(&m.receiver);
                visit(&m.function);
            }
            PyObject::Generator(g) => g.traverse(visit),
            PyObject::Property(p) => {
                visit(&p.getter);
                visit(&p.setter);
                visit(&p.deleter);
                visit(&p.doc);
            }
            PyObject::StaticMethod(m) => visit(&m.function),
            PyObject::ClassMethod(m) => visit(&m.function),
            PyObject::Super(s) => visit(&s.object),
        }
    }
}

thread_local! {
    /// Set while a teardown is in progress: nested drops queue their
    /// children instead of dropping them (no recursion).
    static TEARING_DOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PENDING_DROPS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Dropping an object drops what it holds; a long chain (a linked list of
/// a million nodes, `[[[...]]]` nested 100000 deep) would recurse once per
/// link and overflow the Rust stack. Children are queued instead and
/// dropped by the outermost drop, one level at a time.
impl Drop for PyObject {
    fn drop(&mut self) {
        let children = self.take_children();
        if children.is_empty() {
            return;
        }
        // At thread exit the queues may already be gone: drop directly then.
        let Ok(nested) = TEARING_DOWN.try_with(|t| t.replace(true)) else {
            return;
        };
        if nested {
            let _ = PENDING_DROPS.try_with(|p| p.borrow_mut().extend(children));
            return;
        }
        let mut batch = children;
        loop {
            drop(batch);
            batch = PENDING_DROPS
                .try_with(|p| std::mem::take(&mut *p.borrow_mut()))
                .unwrap_or_default();
            if batch.is_empty() {
                break;
            }
        }
        let _ = TEARING_DOWN.try_with(|t| t.set(false));
    }
}

impl PyObject {
    /// Moves out the values this object holds that can form long chains.
    fn take_children(&mut self) -> Vec<Value> {
        match self {
            PyObject::List(l) => l.take_items(),
            PyObject::Tuple(t) => t.take_items(),
            PyObject::Dict(d) => d.take_entries(),
            PyObject::Set(s) | PyObject::FrozenSet(s) => s.take_values(),
            PyObject::Instance(i) => vec![std::mem::take(&mut i.dict), std::mem::take(&mut i.base)],
            PyObject::Cell(c) => vec![std::mem::take(c.value.get_mut())],
            PyObject::BoundMethod(m) => vec![
                std::mem::take(&mut m.receiver),
                std::mem::take(&mut m.function),
            ],
            PyObject::Exception(e) => {
                let mut out = std::mem::take(e.args.get_mut());
                out.push(std::mem::take(&mut e.dict));
                out.extend(e.cause.get_mut().take());
                out.extend(e.context.get_mut().take());
                out
            }
            PyObject::Function(f) => {
                let mut out = std::mem::take(&mut f.defaults);
                out.extend(std::mem::take(&mut f.closure));
                out.extend(std::mem::take(f.dict.get_mut()).into_values());
                out
            }
            _ => Vec::new(),
        }
    }
}
