//! The `module` type (`types.ModuleType`): an object whose state is its
//! namespace, the `__dict__` the module's code ran in.
//!
//! Module objects are instances of the builtin `module` type whose
//! attributes live in one dict (the module's globals). What is here: making
//! one (`module(name, doc=None)`, and [`new_module`] for the import
//! system), its repr as CPython's `_module_repr`, and the fallback when an
//! attribute is missing: the module's own `__getattr__` (PEP 562), else
//! `module 'm' has no attribute 'x'`.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params, PyInstance};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::typeobject::{BuiltinType, ExcType, builtin_type};
use crate::value::Value;

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        params: Params::Any,
        func: module_init,
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: |vm, receiver, _| Ok(Value::str(module_repr(vm, receiver)?)),
    },
    MethodDef {
        name: "__dir__",
        params: Params::NoArgs,
        func: |vm, receiver, _| {
            let namespace = namespace(receiver);
            if let Some(dir) = namespace_get(&namespace, "__dir__") {
                return vm.call(&dir, Args::new(&[]));
            }
            let keys = namespace
                .as_dict_or_subclass()
                .map(|d| d.keys())
                .unwrap_or_default();
            Ok(Value::list(keys))
        },
    },
];

/// A new, empty module named `name`: the attributes every module has
/// (`__name__`, `__doc__`, `__package__`, `__loader__`, `__spec__`).
pub fn new_module(name: &str) -> Value {
    let module = Value::obj(PyObject::Instance(PyInstance::new(builtin_type(
        BuiltinType::Module,
    ))));
    let _ = initialize(&module, Value::str(name), Value::None);
    module
}

/// `module(name, doc=None)`, as `types.ModuleType` is called.
pub fn call_module_type(vm: &mut Vm, args: Args) -> PyResult {
    let module = Value::obj(PyObject::Instance(PyInstance::new(builtin_type(
        BuiltinType::Module,
    ))));
    module_init(vm, &module, args)?;
    Ok(module)
}

fn module_init(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_pos("module", 0, 2)?;
    args.check_kw("module", &["name", "doc"])?;
    let Some(name) = args.get(0, "name").cloned() else {
        return Err(PyErr::type_error(
            "module() missing required argument 'name' (pos 1)",
        ));
    };
    let doc = args.get(1, "doc").cloned();
    if name.as_str_or_subclass().is_none() {
        return Err(PyErr::type_error(format!(
            "module() argument 'name' must be str, not {}",
            name.type_name()
        )));
    }
    initialize(receiver, name, doc.unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn initialize(module: &Value, name: Value, doc: Value) -> PyResult<()> {
    let namespace = namespace(module);
    let Some(dict) = namespace.as_dict_or_subclass() else {
        return Ok(());
    };
    dict.set_item(Value::str("__name__"), name)?;
    dict.set_item(Value::str("__doc__"), doc)?;
    for attribute in ["__package__", "__loader__", "__spec__"] {
        dict.set_item(Value::str(attribute), Value::None)?;
    }
    Ok(())
}

/// The namespace of a module object (`None` for anything else).
pub fn namespace(module: &Value) -> Value {
    match module.as_obj() {
        Some(PyObject::Instance(instance)) => instance.dict_value(),
        _ => Value::None,
    }
}

fn namespace_get(namespace: &Value, name: &str) -> Option<Value> {
    namespace
        .as_dict_or_subclass()?
        .get_item(&Value::str(name))
        .ok()
        .flatten()
}

/// Whether `value` is a module (or an instance of a subclass of module).
pub fn is_module(value: &Value) -> bool {
    match value.as_obj() {
        Some(PyObject::Instance(instance)) => instance.class().builtin == Some(BuiltinType::Module),
        _ => false,
    }
}

/// A module's `__name__` when it is a str.
pub fn module_name(module: &Value) -> Option<String> {
    let name = namespace_get(&namespace(module), "__name__")?;
    name.as_str_or_subclass().map(|s| s.as_str().to_string())
}

/// A module's `__file__` when it is a str.
pub fn module_file(module: &Value) -> Option<String> {
    let file = namespace_get(&namespace(module), "__file__")?;
    file.as_str_or_subclass().map(|s| s.as_str().to_string())
}

/// `repr(module)`, as CPython's `_module_repr`: from its spec when it has
/// one (`<module 'a' from '/p/a.py'>`, `<module 'sys' (built-in)>`,
/// `<module 'ns' (namespace)>`), else from `__file__`.
pub fn module_repr(vm: &mut Vm, module: &Value) -> PyResult<String> {
    let namespace = namespace(module);
    let name = match namespace_get(&namespace, "__name__") {
        Some(name) => vm.repr(&name)?,
        None => "'?'".to_string(),
    };
    let spec = namespace_get(&namespace, "__spec__").filter(|s| !s.is_none());
    if let Some(spec) = spec {
        let origin = vm.get_attr(&spec, "origin").unwrap_or(Value::None);
        let has_location = vm.get_attr(&spec, "has_location").unwrap_or(Value::None);
        return Ok(match origin.as_str_or_subclass() {
            Some(origin) if vm.truthy_value(&has_location)? => {
                format!("<module {name} from '{}'>", origin.as_str())
            }
            Some(origin) => format!("<module {name} ({})>", origin.as_str()),
            None => match vm.get_attr(&spec, "submodule_search_locations") {
                Ok(locations) if !locations.is_none() => format!("<module {name} (namespace)>"),
                _ => format!("<module {name}>"),
            },
        });
    }
    Ok(match namespace_get(&namespace, "__file__") {
        Some(file) => format!("<module {name} from {}>", vm.repr(&file)?),
        // (`builtins` is made before any spec can be: it is built in.)
        None if name == "'builtins'" => format!("<module {name} (built-in)>"),
        None => format!("<module {name}>"),
    })
}

/// A module attribute that is not in its namespace: the module's own
/// `__getattr__(name)` (PEP 562), else CPython's AttributeError, which
/// points at a circular import while the module is still initialising.
/// The module's own `__getattr__` (PEP 562), if it defines one.
pub fn getattr_hook(module: &Value) -> Option<Value> {
    namespace_get(&namespace(module), "__getattr__")
}

pub fn missing_attribute(vm: &mut Vm, module: &Value, name: &str) -> PyResult {
    let namespace = namespace(module);
    if let Some(getattr) = namespace_get(&namespace, "__getattr__") {
        return vm.call(&getattr, Args::new(&[Value::str(name)]));
    }
    let Some(module_name) = module_name(module) else {
        return Err(PyErr::new(
            ExcType::AttributeError,
            format!("module has no attribute '{name}'"),
        ));
    };
    let message = if is_initializing(vm, module) {
        format!(
            "partially initialized module '{module_name}' has no attribute '{name}' \
             (most likely due to a circular import)"
        )
    } else {
        format!("module '{module_name}' has no attribute '{name}'")
    };
    Err(PyErr::new(ExcType::AttributeError, message))
}

/// Whether the module is still running its code (`__spec__._initializing`).
pub fn is_initializing(vm: &mut Vm, module: &Value) -> bool {
    let Some(spec) = namespace_get(&namespace(module), "__spec__") else {
        return false;
    };
    if spec.is_none() {
        return false;
    }
    match vm.get_attr(&spec, "_initializing") {
        Ok(flag) => vm.truthy_value(&flag).unwrap_or(false),
        Err(_) => false,
    }
}
