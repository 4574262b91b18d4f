//! How classes are made and called: the `class` statement
//! (`__build_class__`), metaclasses (`__prepare__`, `type.__new__`,
//! `type.__call__`), and the builtin `__new__` every builtin type offers
//! (`object.__new__(cls)`, `super().__new__(cls, ...)` in a subclass of
//! `int`, `str` or `tuple`).
//!
//! Every class is made by `Vm::type_new`, whether by a `class`
//! statement, by `type(name, bases, ns)` or by a metaclass's `__new__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::function::{MethodDef, PyCell, PyMethodDescriptor, PyStaticMethod};
use crate::interpreter::Vm;
use crate::interpreter::frame::Frame;
use crate::object::PyObject;
use crate::typeobject::{self, BuiltinType, ClassDict, ExcType, Slot, TypeObject, exc_type};
use crate::value::Value;
use crate::{PyErr, PyResult};

/// `T.__new__(cls, ...)` of a builtin type `T` (the receiver).
static BUILTIN_NEW: MethodDef = MethodDef {
    name: "__new__",
    params: crate::builtins::function::Params::Any,
    func: |vm, owner, args| {
        let Some(PyObject::Type(owner)) = owner.as_obj() else {
            return Err(PyErr::type_error("__new__ needs its type"));
        };
        let Some((cls, rest)) = args.pos.split_first() else {
            return Err(PyErr::type_error(format!(
                "{}.__new__(): not enough arguments",
                owner.name
            )));
        };
        let Some(PyObject::Type(class)) = cls.as_obj() else {
            return Err(PyErr::type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                owner.name,
                cls.type_name()
            )));
        };
        if !class.is_subtype(owner) {
            return Err(PyErr::type_error(format!(
                "{}.__new__({}): {} is not a subtype of {}",
                owner.name, class.name, class.name, owner.name
            )));
        }
        // The singletons' types make (give) their one value.
        if owner.builtin == Some(BuiltinType::Object)
            && matches!(
                class.builtin,
                Some(
                    BuiltinType::NoneType | BuiltinType::Ellipsis | BuiltinType::NotImplementedType
                )
            )
        {
            let class = class.clone();
            return crate::builtins::constructors::call_builtin_type(
                vm,
                &class,
                Args::with_kw(rest, args.kw),
            );
        }
        // object.__new__ cannot make what needs a builtin's own __new__.
        if owner.builtin == Some(BuiltinType::Object)
            && let Some(base) = class.builtin.filter(|b| *b != BuiltinType::Object)
        {
            return Err(PyErr::type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                class.name,
                base.name()
            )));
        }
        let class = class.clone();
        vm.new_object(&class, Args::with_kw(rest, args.kw))
    },
};

/// The builtin `__new__` of builtin type `owner`, as the static method its
/// namespace holds (`object.__new__`, `int.__new__`, `type.__new__`).
pub(crate) fn builtin_new(owner: &Rc<TypeObject>) -> Value {
    Value::obj(PyObject::StaticMethod(PyStaticMethod {
        function: Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
            def: &BUILTIN_NEW,
            bound: Some(crate::builtins::constructors::type_value(owner)),
        })),
    }))
}

/// Whether `value` is a builtin `__new__` (so a class does not define its own).
pub(crate) fn is_builtin_new(value: &Value) -> bool {
    let function = match value.as_obj() {
        Some(PyObject::StaticMethod(s)) => &s.function,
        // `__new__ = object.__new__` in a class body stores it unwrapped.
        _ => value,
    };
    matches!(
        function.as_obj(),
        Some(PyObject::MethodDescriptor(m)) if std::ptr::eq(m.def, &BUILTIN_NEW)
    )
}

/// `type.__call__`, reachable as `super().__call__(*args)` from a
/// metaclass's own `__call__`.
pub(crate) static TYPE_CALL: crate::builtins::function::MethodDef =
    crate::builtins::function::MethodDef {
        name: "__call__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| match receiver.as_obj() {
            Some(PyObject::Type(class)) => {
                let class = class.clone();
                vm.instantiate(&class, args)
            }
            _ => Err(PyErr::type_error(format!(
                "descriptor '__call__' requires a 'type' object but received a '{}'",
                receiver.type_name()
            ))),
        },
    };

/// `type.__init__(cls, name, bases, ns, **kw)`: the class is already
/// made by `type.__new__`; this only checks the arguments.
pub(crate) static TYPE_INIT: crate::builtins::function::MethodDef =
    crate::builtins::function::MethodDef {
        name: "__init__",
        params: crate::builtins::function::Params::Any,
        func: |_, _, args| match args.pos.len() {
            1 | 3 => Ok(Value::None),
            _ => Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments")),
        },
    };

/// The metaclass of a class with these bases and this explicit choice:
/// the most derived of them, or CPython's conflict error.
fn most_derived_metaclass(
    explicit: Option<Rc<TypeObject>>,
    bases: &[Rc<TypeObject>],
) -> PyResult<Rc<TypeObject>> {
    let mut winner = explicit.unwrap_or_else(|| match bases.first() {
        Some(base) => base.class(),
        None => typeobject::builtin_type(BuiltinType::Type),
    });
    for base in bases {
        let meta = base.class();
        if winner.is_subtype(&meta) {
            continue;
        }
        if meta.is_subtype(&winner) {
            winner = meta;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn type_of_bases(bases: &[Value]) -> PyResult<Vec<Rc<TypeObject>>> {
    bases
        .iter()
        .map(|base| match base.as_obj() {
            Some(PyObject::Type(t)) => Ok(t.clone()),
            _ => Err(PyErr::type_error(format!(
                "bases must be types, not {}",
                base.type_name()
            ))),
        })
        .collect()
}

impl Vm {
    /// `__build_class__(body, name, *bases, metaclass=None, **kw)`: the
    /// `class` statement. Chooses the metaclass, asks it for the namespace
    /// (`__prepare__`), runs the body in it, and calls the metaclass.
    pub(crate) fn build_class(&mut self, args: Args) -> PyResult {
        let [body, name, bases @ ..] = args.pos else {
            return Err(PyErr::type_error("__build_class__: not enough arguments"));
        };
        let Some(PyObject::Function(function)) = body.as_obj() else {
            return Err(PyErr::type_error(
                "__build_class__: func must be a function",
            ));
        };
        let explicit = args
            .kw
            .iter()
            .find(|(k, _)| *k == "metaclass")
            .map(|(_, v)| v.clone());
        let kw: Vec<(&str, Value)> = args
            .kw
            .iter()
            .filter(|(k, _)| *k != "metaclass")
            .cloned()
            .collect();
        // PEP 560: a base that is not a class may stand for others
        // (`class L(list[int])`); the bases as written are kept as
        // `__orig_bases__`.
        let original_bases = bases;
        let resolved_bases;
        let bases = if bases
            .iter()
            .all(|b| matches!(b.as_obj(), Some(PyObject::Type(_))))
        {
            bases
        } else {
            resolved_bases = self.resolve_mro_entries(bases)?;
            resolved_bases.as_deref().unwrap_or(bases)
        };
        let base_types = type_of_bases(bases)?;
        // A metaclass that is not a type (a function) is simply called.
        let meta = match &explicit {
            Some(m) => match m.as_obj() {
                Some(PyObject::Type(t)) => {
                    Some(most_derived_metaclass(Some(t.clone()), &base_types)?)
                }
                _ => None,
            },
            None => Some(most_derived_metaclass(None, &base_types)?),
        };
        let meta_value = match (&meta, &explicit) {
            (Some(m), _) => crate::builtins::constructors::type_value(m),
            (None, Some(f)) => f.clone(),
            (None, None) => unreachable!("a metaclass is chosen above"),
        };
        let bases_tuple = Value::tuple(bases.to_vec());
        let namespace = match &meta {
            Some(m) if m.heap && m.lookup("__prepare__").is_some() => {
                let prepare = self.get_attr(&meta_value, "__prepare__")?;
                let mut call_args = vec![name.clone(), bases_tuple.clone()];
                call_args.extend(kw.iter().map(|(_, v)| v.clone()));
                let names: Vec<&str> = kw.iter().map(|(k, _)| *k).collect();
                let namespace = self.call_native(&prepare, call_args, &names)?;
                if namespace.as_dict_or_subclass().is_none() {
                    return Err(PyErr::type_error(format!(
                        "{}.__prepare__() must return a mapping, not {}",
                        m.name,
                        namespace.type_name()
                    )));
                }
                namespace
            }
            _ => Value::dict(PyDict::new()),
        };
        let class_cell = self.run_class_body(function, &namespace)?;
        if let (Some(PyObject::Cell(_)), Some(ns)) =
            (class_cell.as_obj(), namespace.as_dict_or_subclass())
        {
            ns.set_item(Value::str("__classcell__"), class_cell.clone())?;
        }
        if !std::ptr::eq(bases, original_bases) {
            let Some(ns) = namespace.as_dict_or_subclass() else {
                return Err(PyErr::type_error("class namespace must be a dict"));
            };
            ns.set_item(
                Value::str("__orig_bases__"),
                Value::tuple(original_bases.to_vec()),
            )?;
        }
        let mut call_args = vec![name.clone(), bases_tuple, namespace];
        call_args.extend(kw.iter().map(|(_, v)| v.clone()));
        let names: Vec<&str> = kw.iter().map(|(k, _)| *k).collect();
        match &meta {
            // The common case runs no Python code: `type.__new__` directly.
            Some(m) if !m.heap => {
                let m = m.clone();
                self.type_new(&m, Args::with_kw(&call_args[..3], &kw))
            }
            _ => self.call_native(&meta_value, call_args, &names),
        }
    }

    /// The bases of a class statement with each non-class base that has
    /// `__mro_entries__` replaced by the tuple it returns (CPython's
    /// `update_bases`); `None` when no base has one.
    fn resolve_mro_entries(&mut self, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
        let original = Value::tuple(bases.to_vec());
        let mut resolved = Vec::with_capacity(bases.len());
        let mut changed = false;
        for base in bases {
            if matches!(base.as_obj(), Some(PyObject::Type(_))) {
                resolved.push(base.clone());
                continue;
            }
            let entries = match self.get_attr(base, "__mro_entries__") {
                Ok(method) => method,
                Err(err) if err.matches(crate::typeobject::ExcType::AttributeError) => {
                    resolved.push(base.clone());
                    continue;
                }
                Err(err) => return Err(err),
            };
            let replacement = self.call_native(&entries, vec![original.clone()], &[])?;
            let Some(items) = replacement.as_tuple_or_subclass() else {
                return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
            };
            resolved.extend(items.as_slice().iter().cloned());
            changed = true;
        }
        Ok(changed.then_some(resolved))
    }

    /// Runs a class body with `namespace` as its locals; returns the
    /// `__class__` cell it made (or None).
    fn run_class_body(
        &mut self,
        function: &crate::builtins::function::PyFunction,
        namespace: &Value,
    ) -> PyResult {
        let mut slots = vec![Value::Null; function.code.get().nslots()];
        let nlocals = function.code.get().nlocals;
        for cell in 0..function.code.get().ncells {
            slots[nlocals + cell] = Value::obj(PyObject::Cell(PyCell {
                gc: Default::default(),
                value: RefCell::new(Value::Null),
            }));
        }
        for (i, cell) in function.closure.iter().enumerate() {
            slots[nlocals + function.code.get().ncells + i] = cell.clone();
        }
        let base = self.stack.len();
        self.stack.extend(slots);
        self.push_frame(Frame {
            locals: Some(namespace.clone()),
            ..Frame::start(
                function.code.rc(),
                function.globals.clone(),
                base,
                base,
                true,
            )
        })?;
        self.run_entry_frame()
    }

    /// `type.__new__(meta, name, bases, namespace, **kw)`: makes a class
    /// whose type is `meta`, fills its `__class__` cell, calls
    /// `__set_name__` of its attributes and its base's `__init_subclass__`.
    /// `__name__` of the running Python frame's globals, if it has one.
    fn caller_module_name(&self) -> Option<Value> {
        let globals = self.frames.last()?.globals.as_dict_or_subclass()?;
        globals
            .get_item(&Value::str("__name__"))
            .ok()
            .flatten()
            .filter(|name| name.as_str_or_subclass().is_some())
    }

    pub(crate) fn type_new(&mut self, meta: &Rc<TypeObject>, args: Args) -> PyResult {
        let [name, bases, namespace] = args.pos else {
            return Err(PyErr::type_error(match args.pos.len() {
                1 => "type.__new__() takes exactly 3 arguments (1 given)".to_string(),
                n => format!("type.__new__() takes exactly 3 arguments ({n} given)"),
            }));
        };
        let must = |i: usize, what: &str, v: &Value| {
            PyErr::type_error(format!(
                "type.__new__() argument {i} must be {what}, not {}",
                v.type_name()
            ))
        };
        let Some(name) = name.as_str_or_subclass() else {
            return Err(must(1, "str", name));
        };
        let Some(bases) = bases.as_tuple_or_subclass() else {
            return Err(must(2, "tuple", bases));
        };
        let Some(ns) = namespace.as_dict_or_subclass() else {
            return Err(must(3, "dict", namespace));
        };
        let base_types = type_of_bases(bases.as_slice())?;
        for (i, base) in base_types.iter().enumerate() {
            if base_types[..i].iter().any(|b| Rc::ptr_eq(b, base)) {
                return Err(PyErr::type_error(format!(
                    "duplicate base class {}",
                    base.name
                )));
            }
        }
        let winner = most_derived_metaclass(Some(meta.clone()), &base_types)?;
        // `type(name, bases, ns)` (or `type.__new__`) for bases of a more
        // derived metaclass with its own `__new__`: CPython's `type_new`
        // passes the call on to it.
        if !Rc::ptr_eq(&winner, meta)
            && winner.heap
            && let Some(new) = winner.lookup("__new__").filter(|n| !is_builtin_new(n))
        {
            let new = match new.as_obj() {
                Some(PyObject::StaticMethod(s)) => s.function.clone(),
                _ => new,
            };
            let mut call_args = vec![crate::builtins::constructors::type_value(&winner)];
            call_args.extend(args.pos.iter().cloned());
            call_args.extend(args.kw.iter().map(|(_, v)| v.clone()));
            let names: Vec<&str> = args.kw.iter().map(|(k, _)| *k).collect();
            return self.call_native(&new, call_args, &names);
        }
        let meta = winner;
        for base in &base_types {
            if !base.heap && base.builtin.is_some_and(|b| !subclassable(b)) {
                return Err(PyErr::type_error(format!(
                    "type '{}' is not an acceptable base type",
                    base.name
                )));
            }
            if let Some(name) = crate::builtins::weakref::unsubclassable_name(base) {
                return Err(PyErr::type_error(format!(
                    "type '{name}' is not an acceptable base type"
                )));
            }
        }
        check_layouts(&base_types)?;
        let mut dict = ClassDict::default();
        let mut class_cell = None;
        for (key, value) in ns.items() {
            if let Some(key) = key.as_str_or_subclass() {
                if key.as_str() == "__classcell__" {
                    class_cell = Some(value);
                    continue;
                }
                dict.insert(Box::from(key.as_str()), value);
            }
        }
        // `type(name, bases, ns)` without `__module__`: the calling
        // code's module, as CPython's type_new reads it from the caller's
        // globals (a class statement's body sets it itself).
        if !dict.contains_key("__module__")
            && let Some(module) = self.caller_module_name()
        {
            dict.insert(Box::from("__module__"), module);
        }
        // __new__ is an implicit static method.
        if let Some(function) = dict.get_mut("__new__")
            && matches!(function.as_obj(), Some(PyObject::Function(_)))
        {
            let method = std::mem::take(function);
            *function = Value::obj(PyObject::StaticMethod(PyStaticMethod { function: method }));
        }
        // These two are implicit class methods.
        for name in ["__init_subclass__", "__class_getitem__"] {
            if let Some(function) = dict.get_mut(name)
                && matches!(function.as_obj(), Some(PyObject::Function(_)))
            {
                let method = std::mem::take(function);
                *function = Value::obj(PyObject::ClassMethod(
                    crate::builtins::function::PyClassMethod { function: method },
                ));
            }
        }
        // Variable-size builtins keep no room for slots (CPython's rule).
        let variable_size = base_types
            .iter()
            .flat_map(|b| std::iter::once(b).chain(b.mro.iter()))
            .find_map(|t| match t.builtin {
                Some(b @ (BuiltinType::Int | BuiltinType::Bytes | BuiltinType::Tuple)) => Some(b),
                _ => None,
            });
        let base_weakref = base_types
            .iter()
            .any(|b| b.instance_weakref || b.mro.iter().any(|t| t.instance_weakref));
        let (own_dict, own_weakref) = match dict.get("__slots__").cloned() {
            Some(spec) => {
                self.declare_slots(&spec, name.as_str(), &mut dict, variable_size, base_weakref)?
            }
            // Variable-size instances have no room for the list either.
            None => (true, variable_size.is_none()),
        };
        // Every class has its own `__doc__` (None without a docstring), so
        // instances find one and it is never inherited (CPython's type_new).
        if !dict.contains_key("__doc__") {
            dict.insert(Box::from("__doc__"), Value::None);
        }
        let mut class =
            TypeObject::new_class(name.as_str(), base_types, dict).map_err(PyErr::type_error)?;
        // Instances have a __dict__ unless every class statement along the
        // MRO declared __slots__ without one.
        class.instance_dict =
            own_dict || class.exc.is_some() || class.mro.iter().any(|t| t.heap && t.instance_dict);
        if !class.instance_dict {
            class.has_data_descriptors.set(true);
        }
        class.instance_weakref = own_weakref || base_weakref;
        if meta.heap || meta.builtin != Some(BuiltinType::Type) || meta.exc.is_some() {
            class.metaclass = Some(meta.clone());
        }
        let class = Rc::new(class);
        crate::gc::track_class(&class);
        // Builtin types are shared by every VM of the thread: only classes
        // made by this VM's programs record their subclasses.
        for base in class.bases.iter() {
            if base.heap {
                base.add_subclass(&class);
            } else {
                let list = self
                    .builtin_subclasses
                    .entry(Rc::as_ptr(base) as usize)
                    .or_default();
                if list.len() >= 8 && list.len().is_power_of_two() {
                    list.retain(|w| w.strong_count() > 0);
                }
                list.push(Rc::downgrade(&class));
            }
        }
        let class_value = crate::builtins::constructors::type_value(&class);
        if let Some(PyObject::Cell(cell)) = class_cell.as_ref().and_then(|c| c.as_obj()) {
            *cell.value.borrow_mut() = class_value.clone();
        }
        // __set_name__ of the attributes, in definition order.
        let attributes: Vec<(Box<str>, Value)> = class
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, value) in attributes {
            // `property.__set_name__` only records the name.
            let defines_set_name = match crate::interpreter::class::user_class_of(&value) {
                Some(c) => c.defines(Slot::SetName),
                None => false,
            };
            if !defines_set_name && let Some(PyObject::Property(p)) = value.builtin_value().as_obj()
            {
                *p.name.borrow_mut() = Value::str(&*key);
                continue;
            }
            if defines_set_name {
                let hook = self.get_attr(&value, "__set_name__")?;
                self.call_native(&hook, vec![class_value.clone(), Value::str(&*key)], &[])
                    .map_err(|err| {
                        // CPython 3.11 wraps the error (its cause is the original).
                        let wrapped = PyErr::runtime_error(format!(
                            "Error calling __set_name__ on '{}' instance '{key}' in '{}'",
                            value.type_name(),
                            class.name
                        ));
                        wrapped.exception().cause.replace(Some(err.value()));
                        wrapped
                    })?;
            }
        }
        // The nearest base's __init_subclass__ (an implicit classmethod)
        // sees the new class and the class statement's keywords.
        let hook = class
            .mro
            .iter()
            .find_map(|base| base.dict.borrow().get("__init_subclass__").cloned());
        match hook {
            Some(hook) => {
                let function = match hook.as_obj() {
                    Some(PyObject::ClassMethod(c)) => c.function.clone(),
                    _ => hook,
                };
                let mut call_args = vec![class_value.clone()];
                call_args.extend(args.kw.iter().map(|(_, v)| v.clone()));
                let names: Vec<&str> = args.kw.iter().map(|(k, _)| *k).collect();
                self.call_native(&function, call_args, &names)?;
            }
            None if !args.kw.is_empty() => {
                return Err(PyErr::type_error(format!(
                    "{}.__init_subclass__() takes no keyword arguments",
                    class.qualname
                )));
            }
            None => {}
        }
        Ok(class_value)
    }

    /// Puts a member descriptor in the namespace for each name of
    /// `__slots__` (private names mangled); tells whether the instances
    /// still get a `__dict__`, and whether they get weak references.
    fn declare_slots(
        &mut self,
        spec: &Value,
        class_name: &str,
        dict: &mut ClassDict,
        variable_size: Option<BuiltinType>,
        base_weakref: bool,
    ) -> PyResult<(bool, bool)> {
        let names = match spec.as_str_or_subclass() {
            Some(_) => vec![spec.clone()],
            None => crate::protocol::collect(self, spec)?,
        };
        let mut instance_dict = false;
        let mut weakref = false;
        let mut declared: Vec<String> = Vec::new();
        for name in &names {
            let Some(text) = name.as_obj().and_then(|_| name.as_str_or_subclass()) else {
                return Err(PyErr::type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    name.type_name()
                )));
            };
            let text = text.as_str();
            let identifier = text
                .chars()
                .next()
                .is_some_and(|c| c == '_' || c.is_alphabetic())
                && text.chars().all(|c| c == '_' || c.is_alphanumeric());
            if !identifier {
                return Err(PyErr::type_error("__slots__ must be identifiers"));
            }
            match text {
                "__dict__" if instance_dict => {
                    return Err(PyErr::type_error(
                        "__dict__ slot disallowed: we already got one",
                    ));
                }
                "__dict__" => instance_dict = true,
                "__weakref__" if weakref || base_weakref => {
                    return Err(PyErr::type_error(
                        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                    ));
                }
                "__weakref__" => weakref = true,
                _ => {
                    // `__x` in class `C` is the member `_C__x`, as a
                    // private name in the class body is.
                    let mangled = mangle_private(text, class_name);
                    let text = mangled.as_str();
                    if dict.contains_key(text) {
                        return Err(PyErr::value_error(format!(
                            "'{text}' in __slots__ conflicts with class variable"
                        )));
                    }
                    declared.push(text.to_string());
                }
            }
        }
        if let Some(base) = variable_size
            && (!declared.is_empty() || weakref)
        {
            return Err(PyErr::type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base.name()
            )));
        }
        for name in declared {
            let member = crate::builtins::member::member(self.names.intern(&name), class_name);
            dict.insert(Box::from(name.as_str()), member);
        }
        Ok((instance_dict, weakref))
    }

    /// What the builtin `__new__` makes for `class`: a class for a
    /// metaclass, an instance carrying a builtin value for a subclass of
    /// a builtin, a bare instance otherwise.
    pub(crate) fn new_object(&mut self, class: &Rc<TypeObject>, args: Args) -> PyResult {
        if class.is_subtype(&typeobject::builtin_type(BuiltinType::Type)) {
            if args.pos.len() == 1 && !class.heap {
                return Ok(crate::builtins::constructors::type_value(
                    &typeobject::class_of(&args.pos[0]),
                ));
            }
            return self.type_new(class, args);
        }
        if !class.heap {
            return crate::builtins::constructors::call_builtin_type(self, class, args);
        }
        if class.builtin.is_none()
            && !class.is_exception_type()
            && (!args.pos.is_empty() || !args.kw.is_empty())
        {
            // object.__new__ takes no arguments unless the class has an
            // __init__ to take them and no __new__ of its own.
            let own_new = class.lookup("__new__").is_some_and(|n| !is_builtin_new(&n));
            let own_init = class.defines(Slot::Init);
            if own_new {
                return Err(PyErr::type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            if !own_init {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments",
                    class.name
                )));
            }
        }
        self.new_instance(class, args)
    }
}

/// The class whose instance layout instances of `class` have (CPython's
/// `solid_base`): the nearest builtin type other than `object` along its
/// MRO (every exception shares BaseException's), or a class statement
/// that declared slots; `None` for plain objects.
fn solid_base(class: &Rc<TypeObject>) -> Option<Rc<TypeObject>> {
    std::iter::once(class)
        .chain(class.mro.iter())
        .find_map(|t| {
            if t.heap {
                let slots = t.dict.borrow().get("__slots__").cloned();
                // (Slots for `__dict__` and `__weakref__` only add no layout.)
                let own_slot = |name: &Value| {
                    name.as_str_or_subclass()
                        .is_none_or(|n| !matches!(n.as_str(), "__dict__" | "__weakref__"))
                };
                let declares_slots = slots.is_some_and(|spec| match spec.as_obj() {
                    Some(PyObject::Str(_)) => own_slot(&spec),
                    Some(PyObject::Tuple(names)) => names.iter().any(own_slot),
                    Some(PyObject::List(names)) => names.snapshot().iter().any(own_slot),
                    Some(PyObject::Dict(names)) => names.keys().iter().any(own_slot),
                    _ => false,
                });
                return declares_slots.then(|| t.clone());
            }
            if t.is_exception_type() {
                return Some(exc_type(ExcType::BaseException));
            }
            (t.builtin != Some(BuiltinType::Object)).then(|| t.clone())
        })
}

/// `class C(int, str)`: bases whose instances are laid out differently
/// cannot be combined (CPython's `best_base`).
fn check_layouts(bases: &[Rc<TypeObject>]) -> PyResult<()> {
    let mut winner: Option<Rc<TypeObject>> = None;
    for solid in bases.iter().filter_map(solid_base) {
        winner = match winner {
            Some(current) if current.is_subtype(&solid) => Some(current),
            Some(current) if !solid.is_subtype(&current) => {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
            _ => Some(solid),
        };
    }
    Ok(())
}

/// Builtin types a class statement may derive from.
pub(crate) fn subclassable(builtin: BuiltinType) -> bool {
    matches!(
        builtin,
        BuiltinType::Object
            | BuiltinType::Type
            | BuiltinType::Int
            | BuiltinType::Float
            | BuiltinType::Complex
            | BuiltinType::Str
            | BuiltinType::Bytes
            | BuiltinType::List
            | BuiltinType::Tuple
            | BuiltinType::Dict
            | BuiltinType::Set
            | BuiltinType::FrozenSet
            | BuiltinType::Module
            | BuiltinType::Property
            | BuiltinType::StaticMethod
            | BuiltinType::ClassMethod
    )
}

/// CPython's private-name mangling: `__x` in class `_C` is `_C__x`; dunder
/// names, and names in a class named only by underscores, stay.
fn mangle_private(name: &str, class_name: &str) -> String {
    let class = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || class.is_empty() {
        return name.to_string();
    }
    format!("_{class}{name}")
}
