//! Callables and the code-level objects. Builtin functions and method
//! descriptors are complete; function, code, cell, instance, bound method
//! and generator are placeholders that the dispatch-loop step fills in.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::PyResult;
use crate::interp::{Args, Interp};
use crate::typeobject::TypeObject;
use crate::value::Value;

/// A builtin method implemented in Rust: receives the interpreter (for
/// callbacks), the receiver and the arguments.
pub type NativeMethod = fn(&mut dyn Interp, &Value, Args) -> PyResult;

/// A builtin function implemented in Rust (`len`, `sorted`, ...).
pub type NativeFunction = fn(&mut dyn Interp, Args) -> PyResult;

/// One entry of a builtin type's method table.
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeMethod,
}

pub struct PyBuiltinFunction {
    pub name: &'static str,
    pub func: NativeFunction,
}

/// `list.append` (unbound) or `[].append` (bound: `bound` is the receiver).
pub struct PyMethodDescriptor {
    pub def: &'static MethodDef,
    pub bound: Option<Value>,
}

/// Placeholder: a Python function (code + globals + defaults + closure).
pub struct PyFunction {
    pub name: Box<str>,
    pub qualname: Box<str>,
}

impl PyFunction {
    pub fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Placeholder: a code object as the VM holds it.
pub struct PyCode {
    pub name: Box<str>,
}

/// A closure cell.
pub struct PyCell {
    pub value: RefCell<Value>,
}

/// Placeholder: an instance of a user class.
pub struct PyInstance {
    pub class: Rc<TypeObject>,
    pub dict: RefCell<IndexMap<Box<str>, Value>>,
}

impl PyInstance {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.dict.borrow().values().for_each(visit);
    }
}

/// A function bound to its receiver (`obj.method`).
pub struct PyBoundMethod {
    pub receiver: Value,
    pub function: Value,
}

/// Placeholder: a generator owning its suspended frame.
pub struct PyGenerator {
    pub name: Box<str>,
}
