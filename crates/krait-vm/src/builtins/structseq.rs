//! Named tuples made in Rust (CPython's "struct sequences"):
//! `sys.version_info`, and any record a native module returns. A value is
//! a tuple (it indexes, unpacks and compares as one) whose fields are also
//! attributes, with CPython's repr `sys.version_info(major=3, ...)`.

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{
    MethodDef, Params, PyBuiltinFunction, PyInstance, PyMethodDescriptor,
};
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
    let sequence = values.len();
    let (class, names) = type_for(vm, name, fields, sequence)?;
    Ok(instance_of(class, &names, sequence, values))
}

/// [`new_value`] for a type whose tuple holds only the first `sequence`
/// values, the others being attributes only (`os.stat_result`'s
/// `st_blksize`...).
pub fn new_value_with_sequence(
    vm: &mut Vm,
    name: &'static str,
    fields: &[&'static str],
    sequence: usize,
    values: Vec<Value>,
) -> PyResult {
    let (class, names) = type_for(vm, name, fields, sequence)?;
    Ok(instance_of(class, &names, sequence, values))
}

/// A value of struct sequence type `class`: the first `sequence` values
/// are the tuple, every value an attribute; fields beyond the values are
/// None. `names` are the field names as str objects, the same ones for
/// every value of the type: the instance's attribute keys then match the
/// class's shared keys by identity (no text compared, no str made).
fn instance_of(
    class: Rc<TypeObject>,
    names: &[Value],
    sequence: usize,
    values: Vec<Value>,
) -> Value {
    let sequence = sequence.min(values.len());
    let instance = PyInstance::with_base(class, Value::tuple(values[..sequence].to_vec()));
    let mut values = values.into_iter();
    for name in names {
        let value = values.next().unwrap_or(Value::None);
        // A fresh instance of a class made here has no descriptors to refuse it.
        let _ = instance.set_attr(name.clone(), value);
    }
    Value::obj(PyObject::Instance(instance))
}

/// The struct sequence type `name` itself (for a module to export, as
/// `os.stat_result`).
pub fn type_value(vm: &mut Vm, name: &'static str, fields: &[&'static str]) -> PyResult {
    type_value_with_sequence(vm, name, fields, fields.len())
}

/// [`type_value`] for a type whose tuple holds only the first
/// `sequence_fields` fields, the others being attributes only
/// (`time.struct_time`'s `tm_zone` and `tm_gmtoff`).
pub fn type_value_with_sequence(
    vm: &mut Vm,
    name: &'static str,
    fields: &[&'static str],
    sequence_fields: usize,
) -> PyResult {
    let (class, _) = type_for(vm, name, fields, sequence_fields)?;
    Ok(crate::builtins::constructors::type_value(&class))
}

/// A struct sequence type and its field names (interned str objects).
type TypeAndNames = (Rc<TypeObject>, Rc<[Value]>);

thread_local! {
    static TYPES: std::cell::RefCell<Vec<(&'static str, TypeAndNames)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn type_for(
    vm: &mut Vm,
    name: &'static str,
    fields: &[&'static str],
    sequence_fields: usize,
) -> PyResult<TypeAndNames> {
    if let Some(found) = TYPES.with(|t| {
        t.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, found)| found.clone())
    }) {
        return Ok(found);
    }
    let (module, qualname) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let namespace = crate::builtins::dict::PyDict::new();
    namespace.set_item(Value::str("__module__"), Value::str(module))?;
    let names: Rc<[Value]> = fields.iter().map(|f| vm.intern(f)).collect();
    // (The names themselves stay in `TYPES`: CPython's struct sequences
    // have no `_fields`, which code takes for the mark of a namedtuple.)
    namespace.set_item(
        Value::str("__match_args__"),
        Value::tuple(names[..sequence_fields.min(names.len())].to_vec()),
    )?;
    namespace.set_item(Value::str("n_fields"), Value::Int(fields.len() as i64))?;
    namespace.set_item(
        Value::str("n_sequence_fields"),
        Value::Int(sequence_fields as i64),
    )?;
    namespace.set_item(Value::str("n_unnamed_fields"), Value::Int(0))?;
    namespace.set_item(
        Value::str("__new__"),
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: "__new__",
            func: struct_sequence_new,
        })),
    )?;
    namespace.set_item(
        Value::str("__repr__"),
        Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
            def: &REPR,
            bound: None,
        })),
    )?;
    let bases = Value::tuple(vec![crate::builtins::constructors::type_value(
        &builtin_type(BuiltinType::Tuple),
    )]);
    let args = [Value::str(qualname), bases, Value::dict(namespace)];
    let class = vm.type_new(&builtin_type(BuiltinType::Type), Args::new(&args))?;
    let Some(PyObject::Type(class)) = class.as_obj() else {
        return Err(PyErr::runtime_error("type() made no type"));
    };
    let found = (class.clone(), names);
    TYPES.with(|t| t.borrow_mut().push((name, found.clone())));
    Ok(found)
}

/// The field names of struct sequence type `class`, or of the one it
/// derives from (none for another class).
fn field_names(class: &Rc<TypeObject>) -> Rc<[Value]> {
    TYPES.with(|types| {
        let types = types.borrow();
        std::iter::once(class)
            .chain(class.mro.iter())
            .find_map(|c| {
                types
                    .iter()
                    .find(|(_, (t, _))| Rc::ptr_eq(t, c))
                    .map(|(_, (_, names))| names.clone())
            })
            .unwrap_or_else(|| Rc::from([]))
    })
}

/// `T(sequence)` of a struct sequence type `T` (`time.struct_time(t)`):
/// at least its tuple's length of items, at most one per field.
fn struct_sequence_new(vm: &mut Vm, args: Args) -> PyResult {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(PyErr::type_error("__new__(): not enough arguments"));
    };
    let Some(PyObject::Type(class)) = cls.as_obj() else {
        return Err(PyErr::type_error("__new__(X): X is not a type object"));
    };
    let class = class.clone();
    let module = vm.get_attr(cls, "__module__")?;
    let qualified = format!("{}.{}", vm.str(&module)?, class.name);
    let Some(sequence) = rest.first().or_else(|| args.kwarg("sequence")) else {
        return Err(PyErr::type_error(format!(
            "{qualified}() missing required argument 'sequence' (pos 1)"
        )));
    };
    let items = crate::protocol::collect(vm, sequence).map_err(|err| {
        if err.matches(crate::typeobject::ExcType::TypeError) {
            PyErr::type_error("constructor requires a sequence")
        } else {
            err
        }
    })?;
    let fields = field_names(&class);
    let sequence_fields = match vm.get_attr(cls, "n_sequence_fields")? {
        Value::Int(n) => n as usize,
        _ => fields.len(),
    };
    let given = items.len();
    if given < sequence_fields {
        return Err(PyErr::type_error(if sequence_fields == fields.len() {
            format!("{qualified}() takes a {sequence_fields}-sequence ({given}-sequence given)")
        } else {
            format!(
                "{qualified}() takes an at least {sequence_fields}-sequence ({given}-sequence given)"
            )
        }));
    }
    if given > fields.len() {
        let most = fields.len();
        return Err(PyErr::type_error(if sequence_fields == most {
            format!("{qualified}() takes a {most}-sequence ({given}-sequence given)")
        } else {
            format!("{qualified}() takes an at most {most}-sequence ({given}-sequence given)")
        }));
    }
    let mut items = items;
    // The optional dict fills the fields the sequence left out
    // (`struct_time(t, {'tm_zone': 'UTC'})`); absent ones are None.
    match rest.get(1).or_else(|| args.kwarg("dict")) {
        None => {}
        Some(extra) => {
            let Some(extra) = extra.as_dict_or_subclass() else {
                return Err(PyErr::type_error(format!(
                    "{qualified}() takes a dict as second arg, if any"
                )));
            };
            for field in &fields[items.len()..] {
                let value = extra.get_item(field)?;
                items.push(value.unwrap_or(Value::None));
            }
        }
    }
    Ok(instance_of(class, &fields, sequence_fields, items))
}

static REPR: MethodDef = MethodDef {
    name: "__repr__",
    params: Params::NoArgs,
    func: |vm, receiver, _| {
        let class = crate::typeobject::class_of(receiver);
        let fields = field_names(&class);
        let module = vm.get_attr(
            &crate::builtins::constructors::type_value(&class),
            "__module__",
        )?;
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
        // (A type of the builtins module is named alone, as CPython's
        // `asyncgen_hooks(...)`.)
        let module = vm.str(&module)?;
        let prefix = if module == "builtins" {
            String::new()
        } else {
            format!("{module}.")
        };
        Ok(Value::str(format!(
            "{prefix}{}({})",
            class.name,
            parts.join(", ")
        )))
    },
};
