//! Named tuples made in Rust (CPython's "struct sequences"):
//! `sys.version_info`, and any record a native module returns. A value is
//! a tuple (it indexes, unpacks and compares as one) whose fields are also
//! attributes, with CPython's repr `sys.version_info(major=3, ...)`.

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params, PyInstance, PyMethodDescriptor};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::typeobject::{BuiltinType, TypeObject, builtin_type};
use crate::value::Value;

/// A new value of the struct sequence type `name` (`module.qualname`, as
/// `sys.version_info`) with these fields and values; the type is made once
/// per VM thread and name.
pub fn new_value(
    vm: &mut Vm,
    name: &'static str,
    fields: &[&'static str],
    values: Vec<Value>,
) -> PyResult {
    let class = type_for(vm, name, fields)?;
    let instance = PyInstance::with_base(class, Value::tuple(values.clone()));
    for (field, value) in fields.iter().zip(values) {
        instance.set_attr(Value::str(*field), value)?;
    }
    Ok(Value::obj(PyObject::Instance(instance)))
}

/// The struct sequence type `name` itself (for a module to export, as
/// `os.stat_result`).
pub fn type_value(vm: &mut Vm, name: &'static str, fields: &[&'static str]) -> PyResult {
    Ok(Value::obj(PyObject::Type(type_for(vm, name, fields)?)))
}

thread_local! {
    static TYPES: std::cell::RefCell<Vec<(&'static str, Rc<TypeObject>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn type_for(vm: &mut Vm, name: &'static str, fields: &[&'static str]) -> PyResult<Rc<TypeObject>> {
    if let Some(class) = TYPES.with(|t| {
        t.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c.clone())
    }) {
        return Ok(class);
    }
    let (module, qualname) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let namespace = crate::builtins::dict::PyDict::new();
    namespace.set_item(Value::str("__module__"), Value::str(module))?;
    let field_names = fields.iter().map(|f| Value::str(*f)).collect();
    namespace.set_item(Value::str("_fields"), Value::tuple(field_names))?;
    namespace.set_item(Value::str("n_fields"), Value::Int(fields.len() as i64))?;
    namespace.set_item(
        Value::str("__repr__"),
        Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
            def: &REPR,
            bound: None,
        })),
    )?;
    let bases = Value::tuple(vec![Value::obj(PyObject::Type(builtin_type(
        BuiltinType::Tuple,
    )))]);
    let args = [Value::str(qualname), bases, Value::dict(namespace)];
    let class = vm.type_new(&builtin_type(BuiltinType::Type), Args::new(&args))?;
    let Some(PyObject::Type(class)) = class.as_obj() else {
        return Err(PyErr::runtime_error("type() made no type"));
    };
    let class = class.clone();
    TYPES.with(|t| t.borrow_mut().push((name, class.clone())));
    Ok(class)
}

static REPR: MethodDef = MethodDef {
    name: "__repr__",
    params: Params::NoArgs,
    func: |vm, receiver, _| {
        let class = crate::typeobject::class_of(receiver);
        let fields = vm.get_attr(receiver, "_fields")?;
        let fields = fields
            .as_tuple()
            .map(|t| t.as_slice().to_vec())
            .unwrap_or_default();
        let module = vm.get_attr(&Value::obj(PyObject::Type(class.clone())), "__module__")?;
        // The tuple's items (an attribute may say more: `st_mtime` is a
        // float where the tuple holds whole seconds).
        let values = receiver
            .builtin_value()
            .as_tuple()
            .map(|t| t.as_slice().to_vec())
            .unwrap_or_default();
        let mut parts = Vec::new();
        for (field, value) in fields.iter().zip(&values) {
            parts.push(format!("{}={}", vm.str(field)?, vm.repr(value)?));
        }
        Ok(Value::str(format!(
            "{}.{}({})",
            vm.str(&module)?,
            class.name,
            parts.join(", ")
        )))
    },
};
