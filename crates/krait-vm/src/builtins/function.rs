//! Callables and the code-level objects. Builtin functions and method
//! descriptors are complete; function, code, cell, instance, bound method
//! and generator are placeholders that the dispatch-loop step fills in.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexmap::IndexMap;

use crate::PyResult;
use crate::interp::{Args, Interp};
use crate::interpreter::code::Code;
use crate::interpreter::frame::SuspendedFrame;
use crate::object::PyObject;
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

/// A Python function: code plus the environment it was made in.
pub struct PyFunction {
    pub code: Rc<Code>,
    pub globals: Value,
    pub name: Box<str>,
    pub qualname: Box<str>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Keyword-only defaults, by parameter name.
    pub kwdefaults: Vec<(Box<str>, Value)>,
    /// The cells of the enclosing function's variables, one per freevar.
    pub closure: Vec<Value>,
    pub doc: Value,
    /// Attributes set on the function (`f.calls = 0`).
    pub dict: RefCell<IndexMap<Box<str>, Value>>,
}

impl PyFunction {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.globals);
        self.defaults.iter().for_each(&mut *visit);
        self.kwdefaults.iter().for_each(|(_, v)| visit(v));
        self.closure.iter().for_each(&mut *visit);
        visit(&self.doc);
        self.dict.borrow().values().for_each(visit);
    }
}

/// A code object as the VM holds it: the bytecode with its constants
/// already turned into values.
pub struct PyCode {
    pub code: Rc<Code>,
}

/// A closure cell.
pub struct PyCell {
    pub value: RefCell<Value>,
}

/// An instance of a user class (or of `object`).
pub struct PyInstance {
    pub class: Rc<TypeObject>,
    /// The instance's `__dict__`: a real dict, so `obj.__dict__[k] = v`
    /// and `vars(obj)` see and change the attributes themselves.
    pub dict: Value,
    /// For a subclass of a builtin type (`class L(list)`), the builtin
    /// value the instance carries; `Null` otherwise.
    pub base: Value,
}

impl PyInstance {
    pub fn new(class: Rc<TypeObject>) -> PyInstance {
        PyInstance::with_base(class, Value::Null)
    }

    pub fn with_base(class: Rc<TypeObject>, base: Value) -> PyInstance {
        PyInstance {
            class,
            dict: Value::dict(crate::builtins::dict::PyDict::new()),
            base,
        }
    }

    /// The attribute dict.
    pub fn attributes(&self) -> &crate::builtins::dict::PyDict {
        self.dict.as_dict().expect("an instance dict is a dict")
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
        visit(&self.base);
    }
}

/// `property(fget, fset, fdel, doc)`.
pub struct PyProperty {
    pub getter: Value,
    pub setter: Value,
    pub deleter: Value,
    pub doc: Value,
}

/// `staticmethod(f)`: the function, unbound, from class and instance alike.
pub struct PyStaticMethod {
    pub function: Value,
}

/// `classmethod(f)`: the function, bound to the class.
pub struct PyClassMethod {
    pub function: Value,
}

/// `super()`: attribute lookup that starts after `class` in the MRO of
/// `object`'s type.
pub struct PySuper {
    pub class: Rc<TypeObject>,
    pub object: Value,
}

/// `object.__init__` and `BaseException.__init__`, reached through
/// `super().__init__(...)`: an exception stores its arguments as `args`.
pub static BASE_INIT: MethodDef = MethodDef {
    name: "__init__",
    func: |vm, receiver, args| {
        if let Some(PyObject::Exception(e)) = receiver.as_obj() {
            *e.args.borrow_mut() = args.pos.to_vec();
            return Ok(Value::None);
        }
        // list/dict/set.__init__ for instances of their subclasses.
        let base = receiver.builtin_value();
        if !std::ptr::eq(base, receiver) {
            if let Some(list) = base.as_list() {
                args.check("list", 0, 1)?;
                let items = match args.pos.first() {
                    Some(iterable) => crate::protocol::collect(vm, iterable)?,
                    None => Vec::new(),
                };
                *list.borrow_mut() = items;
                return Ok(Value::None);
            }
            if let Some(dict) = base.as_dict() {
                dict.table_mut().clear();
                if let Some(source) = args.pos.first() {
                    dict.update_from(vm, source)?;
                }
                for (key, value) in args.kw {
                    dict.set_item(Value::str(*key), value.clone())?;
                }
                return Ok(Value::None);
            }
            if let Some(set) = base.as_anyset() {
                set.table_mut().clear();
                if let Some(iterable) = args.pos.first() {
                    for item in crate::protocol::collect(vm, iterable)? {
                        set.add_vm(vm, item)?;
                    }
                }
                return Ok(Value::None);
            }
            return Ok(Value::None);
        }
        if !args.pos.is_empty() || !args.kw.is_empty() {
            return Err(crate::PyErr::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        Ok(Value::None)
    },
};

fn property_with(receiver: &Value, which: usize, function: &Value) -> PyResult {
    let Some(PyObject::Property(p)) = receiver.as_obj() else {
        return Err(crate::PyErr::type_error(
            "descriptor requires a 'property' object",
        ));
    };
    let mut parts = [p.getter.clone(), p.setter.clone(), p.deleter.clone()];
    parts[which] = function.clone();
    let [getter, setter, deleter] = parts;
    Ok(Value::obj(PyObject::Property(Box::new(PyProperty {
        getter,
        setter,
        deleter,
        doc: p.doc.clone(),
    }))))
}

/// `prop.getter(f)`, `prop.setter(f)`, `prop.deleter(f)`: a copy of the
/// property with one accessor replaced.
pub const PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "getter",
        func: |_, receiver, args| {
            args.check("getter", 1, 1)?;
            property_with(receiver, 0, &args.pos[0])
        },
    },
    MethodDef {
        name: "setter",
        func: |_, receiver, args| {
            args.check("setter", 1, 1)?;
            property_with(receiver, 1, &args.pos[0])
        },
    },
    MethodDef {
        name: "deleter",
        func: |_, receiver, args| {
            args.check("deleter", 1, 1)?;
            property_with(receiver, 2, &args.pos[0])
        },
    },
];

/// A function bound to its receiver (`obj.method`).
pub struct PyBoundMethod {
    pub receiver: Value,
    pub function: Value,
}

/// A generator: it owns its frame while suspended (design.md §4).
///
/// The frame stays in place for the generator's whole life: resuming moves
/// its slots onto the VM's stack and suspending moves them back into the
/// same buffer, field by field, so a yield neither allocates nor copies a
/// whole frame.
pub struct PyGenerator {
    pub name: Box<str>,
    pub qualname: Box<str>,
    /// The frame's state between runs (its slots are empty while running).
    pub frame: RefCell<SuspendedFrame>,
    pub status: Cell<GeneratorStatus>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GeneratorStatus {
    /// Suspended (or not started: `pc == 0`).
    Suspended,
    /// Its frame is on the VM's frame stack right now.
    Running,
    Finished,
}

impl PyGenerator {
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(frame) = self.frame.try_borrow() {
            frame.traverse(visit);
        }
    }
}

/// The methods of generator objects; they run Python code, so they go
/// through the interpreter.
pub const GENERATOR_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        func: |vm, generator, args| {
            args.check("send", 1, 1)?;
            vm.generator_send(generator, args.pos[0].clone())
        },
    },
    MethodDef {
        name: "throw",
        func: |vm, generator, args| {
            args.check("throw", 1, 3)?;
            vm.generator_throw(generator, args.pos[0].clone(), args.pos.get(1).cloned())
        },
    },
    MethodDef {
        name: "close",
        func: |vm, generator, args| {
            args.check("close", 0, 0)?;
            vm.generator_close(generator)
        },
    },
    MethodDef {
        name: "__next__",
        func: |vm, generator, args| {
            args.check("__next__", 0, 0)?;
            vm.generator_send(generator, Value::None)
        },
    },
    MethodDef {
        name: "__iter__",
        func: |_, generator, args| {
            args.check("__iter__", 0, 0)?;
            Ok(generator.clone())
        },
    },
];
