//! User classes: the `class` statement (`__build_class__`), instance
//! creation, attribute lookup with descriptors (functions become bound
//! methods, `property`, `staticmethod`, `classmethod`), `super()`, and the
//! dunder methods the interpreter dispatches for instances.

use std::rc::Rc;

use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::function::{
    PyBoundMethod, PyClassMethod, PyInstance, PyProperty, PyStaticMethod, PySuper,
};
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::typeobject::{self, BuiltinType, ExcType, Slot, TypeObject};
use crate::value::Value;
use crate::{PyErr, PyResult};

/// Dunders a class sets to None to say "not supported" (CPython tests for
/// None before calling these: `__hash__ = None` is unhashable); any other
/// dunder set to None is called and fails.
const NONE_MEANS_ABSENT: &[&str] = &["__hash__", "__iter__", "__reversed__", "__aiter__"];

impl Vm {
    /// Calling a class: `__new__`, then `__init__`.
    pub(crate) fn instantiate(&mut self, class: &Rc<TypeObject>, args: Args) -> PyResult {
        let class_value = crate::builtins::constructors::type_value(class);
        let user_new = class
            .lookup_slot(Slot::New)
            .filter(|new| class.heap && !crate::interpreter::types::is_builtin_new(new));
        let has_new = user_new.is_some();
        let object = match user_new {
            Some(new) => {
                let new = match new.as_obj() {
                    Some(PyObject::StaticMethod(s)) => s.function.clone(),
                    _ => new,
                };
                let mut all = vec![class_value.clone()];
                all.extend(args.pos.iter().cloned());
                // (A declared native type's `__new__` given this subclass
                // makes its instance: `interpreter::call_unbound`.)
                let object = self.call_with_keywords(&new, all, args.kw)?;
                if !typeobject::isinstance(&object, class) {
                    return Ok(object);
                }
                object
            }
            None => self.new_instance(class, args)?,
        };
        // `type(obj).__init__`: a `__new__` may make an instance of a
        // subclass, whose own `__init__` runs (CPython's `type_call`).
        let made_class;
        let init_class = if has_new {
            made_class = typeobject::class_of(&object);
            &made_class
        } else {
            class
        };
        match init_class.lookup_init() {
            Some(init) if is_python_callable(&init) => {
                let mut all = vec![object.clone()];
                all.extend(args.pos.iter().cloned());
                let result = self.call_with_keywords(&init, all, args.kw)?;
                if !result.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        result.type_name()
                    )));
                }
            }
            // A declared native type's own `__init__` (deque's fills it).
            Some(init) if class.builtin.is_none() && is_native_init(&init) => {
                let mut all = vec![object.clone()];
                all.extend(args.pos.iter().cloned());
                self.call_with_keywords(&init, all, args.kw)?;
            }
            _ if class.builtin.is_some_and(is_mutable_base) => {
                // No __init__ of its own: the builtin's __init__ fills it.
                let init = Value::obj(PyObject::MethodDescriptor(
                    crate::builtins::function::PyMethodDescriptor {
                        def: &crate::builtins::function::BASE_INIT,
                        bound: Some(object.clone()),
                    },
                ));
                self.call_with_keywords(&init, args.pos.to_vec(), args.kw)?;
            }
            _ => {
                let takes_arguments =
                    class.is_exception_type() || has_new || class.builtin.is_some();
                if !takes_arguments && (!args.pos.is_empty() || !args.kw.is_empty()) {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        class.name
                    )));
                }
            }
        }
        Ok(object)
    }

    /// `object.__new__(cls)`: the bare instance of a class.
    pub(crate) fn new_instance(&mut self, class: &Rc<TypeObject>, args: Args) -> PyResult {
        if class.builtin == Some(BuiltinType::Type) {
            return self.type_new(class, args);
        }
        if class.is_exception_type() {
            return PyErr::construct(class, args.pos, args.kw);
        }
        if let Some(BuiltinType::Property | BuiltinType::StaticMethod | BuiltinType::ClassMethod) =
            class.builtin
        {
            // The descriptor comes with `__init__` (CPython's property and
            // classmethod are initialised there).
            return Ok(Value::obj(PyObject::Instance(PyInstance::new(
                class.clone(),
            ))));
        }
        if let Some(builtin) = class.builtin.filter(|b| *b != BuiltinType::Module) {
            // The builtin value the instance carries: mutable containers
            // start empty (their __init__ fills them), immutable values are
            // made from the arguments, as their __new__ does.
            let base_type = crate::typeobject::builtin_type(builtin);
            let no_args: &[Value] = &[];
            let base_args = if is_mutable_base(builtin) {
                Args::new(no_args)
            } else {
                args
            };
            let base =
                crate::builtins::constructors::call_builtin_type(self, &base_type, base_args)?;
            return Ok(Value::obj(PyObject::Instance(PyInstance::with_base(
                class.clone(),
                base,
            ))));
        }
        if class.abstract_methods_set.get() {
            // object.__new__ refuses surplus arguments first.
            if (!args.pos.is_empty() || !args.kw.is_empty()) && !class.defines(Slot::Init) {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments",
                    class.name
                )));
            }
            self.refuse_abstract_class(class)?;
        }
        Ok(Value::obj(PyObject::Instance(PyInstance::new(
            class.clone(),
        ))))
    }

    /// `object.__new__` of a class given `__abstractmethods__`: CPython's
    /// error naming them (sorted) when the value is true.
    #[cold]
    fn refuse_abstract_class(&mut self, class: &TypeObject) -> PyResult<()> {
        let Some(methods) = class.dict.borrow().get("__abstractmethods__").cloned() else {
            return Ok(());
        };
        if !self.truthy_value(&methods)? {
            return Ok(());
        }
        let sorted = crate::protocol::sorted(self, &methods, None, false)?;
        let names = sorted
            .as_list()
            .map(|l| l.borrow().to_vec())
            .unwrap_or_default();
        let mut texts = Vec::with_capacity(names.len());
        for name in &names {
            texts.push(self.str(name)?);
        }
        Err(PyErr::type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            class.name,
            if texts.len() > 1 { "s" } else { "" },
            texts.join(", ")
        )))
    }

    fn call_with_keywords(
        &mut self,
        callable: &Value,
        mut args: Vec<Value>,
        kw: &[(&str, Value)],
    ) -> PyResult {
        let names: Vec<&str> = kw.iter().map(|(k, _)| *k).collect();
        args.extend(kw.iter().map(|(_, v)| v.clone()));
        self.call_native(callable, args, &names)
    }

    /// Calls `obj.name(*args)` if the class of `obj` (a user class) defines
    /// it; `None` when it does not. Public for native modules that take
    /// objects through their special methods (`math`: `__float__`,
    /// `__index__`, `__floor__`).
    pub fn call_dunder(
        &mut self,
        object: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let Some(class) = user_class_ref(object) else {
            return Ok(None);
        };
        let Some(method) = class.lookup(name) else {
            return Ok(None);
        };
        crate::interpreter::check_native_stack()?;
        if method.is_none() {
            // `__hash__ = None`, `__iter__ = None`: explicitly absent. Any
            // other dunder set to None is called, as CPython's slots do.
            if NONE_MEANS_ABSENT.contains(&name) {
                return Ok(None);
            }
            return Err(PyErr::type_error("'NoneType' object is not callable"));
        }
        // A native type's own method (`len(deque)`): called with the
        // object as its receiver, as binding it would, with no bound
        // method made for the one call.
        if let (Some(PyObject::Native(_)), Some(PyObject::MethodDescriptor(descriptor))) =
            (object.as_obj(), method.as_obj())
            && descriptor.bound.is_none()
        {
            return descriptor
                .def
                .invoke(self, object, Args::new(&args))
                .map(Some);
        }
        let args = match self.call_function_in_place(&method, Some(object), args) {
            Ok(result) => return result.map(Some),
            Err(args) => args,
        };
        let class = user_class_of(object).expect("a user class, as above");
        let bound = self.bind_class_attribute(method, object, &class)?;
        Ok(Some(self.call_native(&bound, args, &[])?))
    }

    /// [`Vm::call_dunder`] with the arguments borrowed: a Python method
    /// gets them pushed where its frame binds them, with no vector made
    /// for the call (binary operators and comparisons of instances).
    pub(crate) fn call_dunder_with(
        &mut self,
        object: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(class) = user_class_ref(object) else {
            return Ok(None);
        };
        let Some(method) = class.lookup(name) else {
            return Ok(None);
        };
        self.call_found_dunder_with(object, method, name, args)
    }

    /// [`Vm::call_dunder_with`] for a dunder that is a type slot: looked
    /// up through the class's own slot cache (`obj[i]` on a class with a
    /// Python `__getitem__` hashes no name).
    pub(crate) fn call_slot_with(
        &mut self,
        object: &Value,
        slot: Slot,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(class) = user_class_ref(object) else {
            return Ok(None);
        };
        let Some(method) = class.lookup_slot(slot) else {
            return Ok(None);
        };
        self.call_found_dunder_with(object, method, slot.name(), args)
    }

    /// Calls `method`, found as `object`'s dunder `name`, with `args`.
    fn call_found_dunder_with(
        &mut self,
        object: &Value,
        method: Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        if let Some(PyObject::Function(_)) = method.as_obj() {
            let call_base = self.stack.len();
            self.stack.push(object.clone());
            self.stack.extend_from_slice(args);
            if self.enter_in_place(&method, call_base, args.len() + 1, call_base)? {
                if let Some(frame) = self.frames.last_mut() {
                    frame.entry = true;
                }
                return self.run_entry_frame().map(Some);
            }
            self.stack.truncate(call_base);
        }
        // A native type's own method (`Decimal.__mul__`): no second lookup,
        // no vector (as in `call_dunder`).
        if let (Some(PyObject::Native(_)), Some(PyObject::MethodDescriptor(descriptor))) =
            (object.as_obj(), method.as_obj())
            && descriptor.bound.is_none()
        {
            return descriptor
                .def
                .invoke(self, object, Args::new(args))
                .map(Some);
        }
        self.call_dunder(object, name, args.to_vec())
    }

    /// A declared native type's own `__getattribute__`, `__setattr__` or
    /// `__delattr__` (a weak proxy's: every attribute is its referent's),
    /// called with `args` after the object; `None` when `object` is not
    /// of such a type.
    pub(crate) fn native_attribute_hook(
        &mut self,
        object: &Value,
        slot: Slot,
        args: &[Value],
    ) -> Option<PyResult> {
        let Some(PyObject::Native(native)) = object.as_obj() else {
            return None;
        };
        if !native.class.defines(slot) {
            return None;
        }
        let hook = native.class.lookup(slot.name())?;
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(object.clone());
        all.extend_from_slice(args);
        Some(self.call(&hook, Args::new(&all)))
    }

    /// What a class attribute looks like when read through an instance.
    pub(crate) fn bind_class_attribute(
        &mut self,
        attribute: Value,
        object: &Value,
        class: &Rc<TypeObject>,
    ) -> PyResult {
        crate::interpreter::check_native_stack()?;
        Ok(match attribute.as_obj() {
            Some(PyObject::Function(_)) => Value::obj(PyObject::BoundMethod(PyBoundMethod::new(
                object.clone(),
                attribute,
            ))),
            Some(PyObject::StaticMethod(s)) => s.function.clone(),
            Some(PyObject::ClassMethod(c)) => self.bind_classmethod(&c.function, class)?,
            Some(PyObject::Property(p)) => {
                if p.getter.is_none() {
                    return Err(p.missing_accessor(object, "getter"));
                }
                let getter = p.getter.clone();
                self.call_native(&getter, vec![object.clone()], &[])?
            }
            Some(PyObject::Instance(_) | PyObject::Native(_))
                if user_class_of(&attribute).is_some_and(|c| c.defines(Slot::Get)) =>
            {
                let owner = crate::builtins::constructors::type_value(class);
                self.call_descriptor_hook(&attribute, Slot::Get, &[object.clone(), owner])?
            }
            // An instance of a subclass of property, staticmethod or
            // classmethod without a `__get__` of its own: its descriptor's.
            Some(PyObject::Instance(instance)) if is_builtin_descriptor(instance.base()) => {
                let descriptor = instance.base().cloned().unwrap_or_default();
                return self.bind_class_attribute(descriptor, object, class);
            }
            Some(PyObject::MethodDescriptor(d)) if d.bound.is_none() => Value::obj(
                PyObject::MethodDescriptor(crate::builtins::function::PyMethodDescriptor {
                    def: d.def,
                    bound: Some(object.clone()),
                }),
            ),
            // An unbound super stored in a class binds to the instance
            // (`self.__super.method()`, the pre-`super()` idiom).
            Some(PyObject::Super(sup)) if sup.object.is_none() => bind_super(&sup.class, object)?,
            _ => attribute,
        })
    }

    /// A classmethod's function bound to `class`; what it wraps, when a
    /// descriptor other than a function (`@classmethod @property`, 3.11),
    /// is asked with the class for both arguments of `__get__`.
    fn bind_classmethod(&mut self, function: &Value, class: &Rc<TypeObject>) -> PyResult {
        let owner = crate::builtins::constructors::type_value(class);
        match function.as_obj() {
            Some(PyObject::Property(p)) => {
                if p.getter.is_none() {
                    return Err(p.missing_accessor(&owner, "getter"));
                }
                let getter = p.getter.clone();
                self.call_native(&getter, vec![owner], &[])
            }
            Some(PyObject::Instance(_) | PyObject::Native(_))
                if user_class_of(function).is_some_and(|c| c.defines(Slot::Get)) =>
            {
                self.call_descriptor_hook(function, Slot::Get, &[owner.clone(), owner])
            }
            _ => Ok(Value::obj(PyObject::BoundMethod(PyBoundMethod::new(
                owner,
                function.clone(),
            )))),
        }
    }

    /// `obj.name` for instances of user classes (and exceptions, which
    /// carry an attribute dict too). `None` if `obj` is not one.
    /// A class's `__getattribute__` decides; then, when it (or the generic
    /// lookup) raises AttributeError, the class's `__getattr__`.
    pub(crate) fn instance_attribute(
        &mut self,
        object: &Value,
        name: &str,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        let Some(class) = instance_class(object) else {
            return Ok(None);
        };
        // The slot first: a lookup of `__getattribute__` on every access
        // would walk the MRO for nothing.
        let hook = match class.defines(Slot::GetAttribute) {
            true => class
                .lookup_slot(Slot::GetAttribute)
                .filter(is_python_callable),
            false => None,
        };
        let found = match hook {
            Some(hook) => self
                .call_found_dunder_with(object, hook, "__getattribute__", std::slice::from_ref(key))
                .map(Option::unwrap_or_default),
            None => self.generic_attribute(object, &class, name, key),
        };
        match found {
            Err(err) if err.matches(ExcType::AttributeError) => {
                match class.lookup_slot(Slot::GetAttr) {
                    Some(getattr) if class.heap => self.call_found_dunder_with(
                        object,
                        getattr,
                        "__getattr__",
                        std::slice::from_ref(key),
                    ),
                    _ => Err(err),
                }
            }
            found => found.map(Some),
        }
    }

    /// `object.__getattribute__(obj, name)` for an instance of `class`:
    /// data descriptors of the class, then the instance's own attributes,
    /// then the class attribute (a non-data descriptor's `__get__` bound).
    pub(crate) fn generic_attribute(
        &mut self,
        object: &Value,
        class: &Rc<TypeObject>,
        name: &str,
        key: &Value,
    ) -> PyResult {
        match self.generic_attribute_if_present(object, class, name, key)? {
            Some(value) => Ok(value),
            None if class.builtin == Some(BuiltinType::Module) => {
                crate::builtins::module_object::missing_attribute(self, object, name)
            }
            None => Err(no_attribute(class, name)),
        }
    }

    /// `getattr(obj, name, default)` and `hasattr(obj, name)`: the
    /// attribute, or `None` where the lookup would raise AttributeError —
    /// without making the exception when the miss is a plain one (no
    /// `__getattr__`, no `__getattribute__` of the class), as `copy` and
    /// duck-typing code miss often.
    pub fn attribute_if_present(&mut self, object: &Value, name: &str) -> PyResult<Option<Value>> {
        self.attribute_if_present_keyed(object, name, None)
    }

    /// [`Vm::attribute_if_present`] with the name's `str` object when the
    /// caller has one (`getattr(o, "x", None)`, `hasattr`): no copy of the
    /// name is made to look it up.
    pub(crate) fn attribute_if_present_keyed(
        &mut self,
        object: &Value,
        name: &str,
        key: Option<&Value>,
    ) -> PyResult<Option<Value>> {
        if let Some(PyObject::Type(class)) = object.as_obj()
            && class_attribute_surely_missing(class, name)
        {
            return Ok(None);
        }
        let found = match instance_class(object) {
            Some(class)
                if !(class.defines(Slot::GetAttribute)
                    || (class.heap && class.defines(Slot::GetAttr))) =>
            {
                match key {
                    Some(key) => self.generic_attribute_if_present(object, &class, name, key),
                    None => {
                        let key = Value::str(name);
                        self.generic_attribute_if_present(object, &class, name, &key)
                    }
                }
            }
            _ => {
                let Some(class) = attributes_from_type_only(object) else {
                    return match self.lookup_attribute(object, &Value::str(name)) {
                        Err(err) if err.matches(ExcType::AttributeError) => Ok(None),
                        found => found.map(Some),
                    };
                };
                let class_key = Rc::as_ptr(&class) as usize;
                if self
                    .missing_builtin_attributes
                    .get(&class_key)
                    .is_some_and(|names| names.contains(name))
                {
                    return Ok(None);
                }
                match self.get_attr(object, name) {
                    Err(err) if err.matches(ExcType::AttributeError) => {
                        self.missing_builtin_attributes
                            .entry(class_key)
                            .or_default()
                            .insert(Box::from(name));
                        return Ok(None);
                    }
                    found => found.map(Some),
                }
            }
        };
        match found {
            Err(err) if err.matches(ExcType::AttributeError) => Ok(None),
            found => found,
        }
    }

    /// [`Vm::generic_attribute`], with `None` for a missing attribute.
    fn generic_attribute_if_present(
        &mut self,
        object: &Value,
        class: &Rc<TypeObject>,
        name: &str,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        if name == "__class__" && !(class.heap && class.lookup("__class__").is_some()) {
            return Ok(Some(crate::builtins::constructors::type_value(class)));
        }
        // (A class statement's own `__dict__`, a property say, is found
        // on the class like any attribute, as CPython's descriptor in the
        // namespace wins over the one `type` would add.)
        if name == "__dict__" && !(class.heap && class.lookup("__dict__").is_some()) {
            return Ok(own_dict(object).filter(|_| class.instance_dict));
        }
        if name == "__weakref__" && class.instance_weakref {
            return Ok(Some(crate::builtins::weakref::first_reference(object)));
        }
        // No data descriptor anywhere on the class: the instance's own
        // attribute wins without a class lookup (and is not looked for
        // twice).
        let own_checked = !class.has_data_descriptors.get();
        if own_checked && let Some(value) = own_get(object, key)? {
            return Ok(Some(value));
        }
        let class_attribute = class.lookup(name);
        if let Some(attribute) = &class_attribute
            && typeobject::is_data_descriptor(attribute)
            && has_getter(attribute)
        {
            return self
                .bind_class_attribute(attribute.clone(), object, class)
                .map(Some);
        }
        if !own_checked && let Some(value) = own_get(object, key)? {
            return Ok(Some(value));
        }
        if let Some(attribute) = class_attribute {
            return self
                .bind_class_attribute(attribute, object, class)
                .map(Some);
        }
        if let Some(PyObject::Exception(e)) = object.as_obj() {
            if name == "value"
                && class.is_subtype(&crate::typeobject::exc_type(ExcType::StopIteration))
            {
                return Ok(Some(
                    e.args.borrow().first().cloned().unwrap_or(Value::None),
                ));
            }
            // `SystemExit.code`: None, the one argument, or all of them.
            if name == "code" && class.is_subtype(&crate::typeobject::exc_type(ExcType::SystemExit))
            {
                let args = e.args.borrow();
                return Ok(Some(match args.as_slice() {
                    [] => Value::None,
                    [code] => code.clone(),
                    all => Value::tuple(all.to_vec()),
                }));
            }
            if let Ok(value) = protocol::get_attribute(object, name) {
                return Ok(Some(value));
            }
            if let Some(value) = crate::builtins::exception::default_field(class, name) {
                return Ok(Some(value));
            }
        }
        // The data attributes of the builtin value a subclass instance
        // carries (`.real` of an int subclass, `.start` of a range...).
        let base = object.builtin_value();
        // (A native value's attribute may raise: a closed stream's
        // `newlines`.)
        if !base.is(object)
            && let Some(PyObject::Native(native)) = base.as_obj()
            && let Some(found) = native.data.try_attribute(name)
        {
            return found.map(Some);
        }
        if !base.is(object)
            && let Ok(value) = protocol::get_attribute(base, name)
        {
            return Ok(Some(value));
        }
        // The dunders of the builtin base (`d.__getitem__` of a dict
        // subclass), or of `object` (`a.__str__`, `a.__eq__`).
        if (!base.is(object) || OBJECT_DUNDERS.contains(&name))
            && let Some(method) = crate::interpreter::dunder::slot_wrapper(object, name)
        {
            return Ok(Some(method));
        }
        if name == "__init__" {
            return Ok(Some(crate::builtins::function::object_init(Some(
                object.clone(),
            ))));
        }
        if let Some(def) = object_method(name) {
            return Ok(Some(bound_object_method(def, object)));
        }
        // A module's own `__getattr__` (PEP 562) decides its misses.
        if class.builtin == Some(BuiltinType::Module)
            && let Some(hook) = crate::builtins::module_object::getattr_hook(object)
        {
            return self.call(&hook, Args::new(&[Value::str(name)])).map(Some);
        }
        Ok(None)
    }

    /// `cls.name` for classes.
    pub(crate) fn class_attribute(&mut self, class: &Rc<TypeObject>, name: &str) -> PyResult {
        match name {
            "__name__" => return Ok(Value::str(&*class.name)),
            "__qualname__" => return Ok(Value::str(&*class.qualname)),
            "__module__" => return Ok(Value::str(class.module_name())),
            "__mro__" => return Ok(Value::tuple(mro_values(class))),
            "__bases__" => {
                return Ok(Value::tuple(
                    class
                        .bases
                        .iter()
                        .map(crate::builtins::constructors::type_value)
                        .collect(),
                ));
            }
            "__subclasses__" => {
                return Ok(Value::obj(PyObject::MethodDescriptor(
                    crate::builtins::function::PyMethodDescriptor {
                        def: &SUBCLASSES,
                        bound: Some(crate::builtins::constructors::type_value(class)),
                    },
                )));
            }
            "__class__" => return Ok(crate::builtins::constructors::type_value(&class.class())),
            "__base__" => {
                return Ok(class.bases.first().map_or(Value::None, |t| {
                    crate::builtins::constructors::type_value(t)
                }));
            }
            "__dict__" => return Ok(crate::builtins::mappingproxy::class_namespace(class)),
            // A docstring belongs to its class: it is not inherited.
            "__doc__" if class.heap => {
                return Ok(class
                    .dict
                    .borrow()
                    .get("__doc__")
                    .cloned()
                    .unwrap_or(Value::None));
            }
            // A builtin type's own docstring (CPython's `tp_doc`) wins.
            "__doc__" if let Some(doc) = crate::builtins::docs::type_doc(class) => {
                return Ok(Value::str(doc));
            }
            "__doc__" if class.lookup("__doc__").is_none() => return Ok(Value::None),
            _ => {}
        }
        if !class.heap
            && let Some(function) = builtin_static_method(class, name)
        {
            return Ok(function);
        }
        if class.builtin == Some(BuiltinType::Object)
            && let Some(def) = object_method(name)
        {
            return Ok(object_method_of_class(def, class));
        }
        // A data descriptor of the metaclass (a property defined there)
        // comes before the class's own attribute, as for any instance.
        if let Some(meta) = class.metaclass.as_ref().filter(|meta| meta.heap)
            && let Some(attribute) = meta.lookup(name)
            && crate::typeobject::is_data_descriptor(&attribute)
        {
            let receiver = crate::builtins::constructors::type_value(class);
            return self.bind_class_attribute(attribute, &receiver, meta);
        }
        match class.lookup(name) {
            Some(attribute) if user_class_of(&attribute).is_some_and(|c| c.defines(Slot::Get)) => {
                let owner = crate::builtins::constructors::type_value(class);
                match self.call_descriptor_hook(&attribute, Slot::Get, &[Value::None, owner]) {
                    // An AttributeError from the getter goes to the
                    // metaclass's `__getattr__` (types.DynamicClassAttribute).
                    Err(err) if err.matches(ExcType::AttributeError) => {
                        match metaclass_hook(class, "__getattr__") {
                            Some(hook) => {
                                let receiver = crate::builtins::constructors::type_value(class);
                                let bound =
                                    self.bind_class_attribute(hook, &receiver, &class.class())?;
                                self.call_native(&bound, vec![Value::str(name)], &[])
                            }
                            None => Err(err),
                        }
                    }
                    result => result,
                }
            }
            // (A subclass of staticmethod or classmethod: its value's.)
            Some(attribute) => Ok(match attribute.builtin_value().as_obj() {
                Some(PyObject::StaticMethod(s)) => s.function.clone(),
                Some(PyObject::ClassMethod(c)) => self.bind_classmethod(&c.function, class)?,
                _ => attribute,
            }),
            None => {
                // object's own methods, at the end of every MRO
                // (`str.__getattribute__`, `C.__setattr__`).
                if let Some(def) = object_method(name) {
                    return Ok(object_method_of_class(def, class));
                }
                // (A class with no builtin base inherits object's.)
                if name == "__repr__" && matches!(class.builtin, Some(BuiltinType::Object) | None) {
                    return Ok(crate::builtins::function::unbound_method(&OBJECT_REPR));
                }
                // BaseException's attributes, as its getset descriptors
                // (`BaseException.args.__get__(e)`).
                if matches!(
                    name,
                    "args" | "__traceback__" | "__context__" | "__cause__" | "__suppress_context__"
                ) && class.is_exception_type()
                {
                    let name = match name {
                        "args" => "args",
                        "__traceback__" => "__traceback__",
                        "__context__" => "__context__",
                        "__cause__" => "__cause__",
                        _ => "__suppress_context__",
                    };
                    return Ok(crate::builtins::member::getset(name, "BaseException"));
                }
                if name == "__repr__" && class.builtin == Some(BuiltinType::Int) {
                    return Ok(crate::builtins::function::unbound_method(
                        &crate::builtins::int::INT_REPR,
                    ));
                }
                // A builtin type's own dunders (`str.__eq__`, `set.__contains__`),
                // inherited by its subclasses; object's by every class.
                // (Only those the type has: `hasattr(int, '__getitem__')`
                // is False.)
                if (!class.heap || class.builtin.is_some() || OBJECT_DUNDERS.contains(&name))
                    && let Some(def) = crate::interpreter::dunder::slot_wrapper_def(name)
                    && crate::interpreter::dunder::class_has_slot_wrapper(class, name)
                {
                    return Ok(crate::builtins::function::unbound_method(def));
                }
                // `type.__or__` bound to the class (`str.__or__(int)` is
                // `str | int`), and `type.__call__` (`C.__call__()` makes
                // an instance).
                if matches!(name, "__or__" | "__ror__" | "__call__")
                    && let Some(def) = crate::interpreter::dunder::slot_wrapper_def(name)
                {
                    if class.builtin == Some(BuiltinType::Type) {
                        return Ok(crate::builtins::function::unbound_method(def));
                    }
                    return Ok(Value::obj(PyObject::MethodDescriptor(
                        crate::builtins::function::PyMethodDescriptor {
                            def,
                            bound: Some(crate::builtins::constructors::type_value(class)),
                        },
                    )));
                }
                if name == "__init__" {
                    // `object.__init__`, `dict.__init__`.
                    return Ok(crate::builtins::function::inherited_init(class));
                }
                // The `__dict__`/`__weakref__` descriptor a class statement
                // along the MRO introduced (its namespace shows it).
                if matches!(name, "__weakref__")
                    && let Some(descriptor) = std::iter::once(class)
                        .chain(class.mro.iter())
                        .find_map(|owner| {
                            crate::builtins::mappingproxy::layout_descriptor(owner, name)
                        })
                {
                    return Ok(descriptor);
                }
                // `type.__prepare__` (a class method of `type`, so every
                // class has it through its metaclass): the namespace of a
                // class statement, an empty dict.
                if name == "__prepare__" {
                    return Ok(Value::obj(PyObject::MethodDescriptor(
                        crate::builtins::function::PyMethodDescriptor {
                            def: &PREPARE,
                            bound: Some(crate::builtins::constructors::type_value(class)),
                        },
                    )));
                }
                if name == "mro" {
                    // Read from `type` or a metaclass, it is found in the
                    // class's own MRO: the unbound method (`type.mro(C)`).
                    let own = class.builtin == Some(BuiltinType::Type)
                        || class
                            .mro
                            .iter()
                            .any(|c| c.builtin == Some(BuiltinType::Type));
                    return Ok(Value::obj(PyObject::MethodDescriptor(
                        crate::builtins::function::PyMethodDescriptor {
                            def: &MRO,
                            bound: (!own).then(|| crate::builtins::constructors::type_value(class)),
                        },
                    )));
                }
                // Then the metaclass: its methods bind to the class.
                if let Some(meta) = &class.metaclass
                    && let Some(attribute) = meta.lookup(name)
                {
                    let receiver = crate::builtins::constructors::type_value(class);
                    return self.bind_class_attribute(attribute, &receiver, meta);
                }
                if let Some(hook) = metaclass_hook(class, "__getattr__") {
                    let receiver = crate::builtins::constructors::type_value(class);
                    let bound = self.bind_class_attribute(hook, &receiver, &class.class())?;
                    return self.call_native(&bound, vec![Value::str(name)], &[]);
                }
                Err(PyErr::new(
                    ExcType::AttributeError,
                    format!("type object '{}' has no attribute '{name}'", class.name),
                ))
            }
        }
    }

    /// `super().name`: the MRO of the object's class, after `class`.
    /// (See [`SUPER_CACHE`] for the lookups it remembers.)
    /// `super().name` for LOAD_METHOD: the Python function found after
    /// `sup.class` in the object's MRO, to call with the object as `self`
    /// (no bound method). `None` for anything else (the general path).
    pub(crate) fn super_method(sup: &PySuper, name: &str) -> Option<Value> {
        if sup.object.is_none() {
            return None;
        }
        if let Some(PyObject::Type(t)) = sup.object.as_obj()
            && t.is_subtype(&sup.class)
        {
            return None;
        }
        let object_class = typeobject::class_of(&sup.object);
        let key = SuperKey {
            object_class: Rc::as_ptr(&object_class) as usize,
            start: Rc::as_ptr(&sup.class) as usize,
            epoch: typeobject::class_epoch(),
        };
        let slot = ((key.object_class ^ key.start.rotate_left(7)) >> 4) ^ name.len();
        let slot = slot & (SUPER_CACHE_SIZE - 1);
        if let Ok(Some(found)) = SUPER_CACHE.try_with(|cache| match &cache.borrow()[slot] {
            Some((cached, cached_name, found)) if *cached == key && **cached_name == *name => {
                Some(found.clone())
            }
            _ => None,
        }) {
            return found;
        }
        let mro = std::iter::once(&object_class).chain(object_class.mro.iter());
        let mut after = mro.skip_while(|t| !Rc::ptr_eq(t, &sup.class)).skip(1);
        let found = after
            .find_map(|class| class.dict.borrow().get(name).cloned())
            .filter(|attribute| matches!(attribute.as_obj(), Some(PyObject::Function(_))));
        let _ = SUPER_CACHE.try_with(|cache| {
            let old = cache.borrow_mut()[slot].replace((key, Box::from(name), found.clone()));
            drop(old);
        });
        found
    }

    pub(crate) fn super_attribute(
        &mut self,
        sup: &PySuper,
        receiver: &Value,
        name: &str,
    ) -> PyResult {
        match name {
            "__class__" => {
                return Ok(crate::builtins::constructors::type_value(
                    &typeobject::builtin_type(BuiltinType::Super),
                ));
            }
            "__thisclass__" => return Ok(crate::builtins::constructors::type_value(&sup.class)),
            "__self__" => return Ok(sup.object.clone()),
            "__self_class__" => {
                return Ok(match sup.object.as_obj() {
                    _ if sup.object.is_none() => Value::None,
                    Some(PyObject::Type(t)) if t.is_subtype(&sup.class) => sup.object.clone(),
                    _ => crate::builtins::constructors::type_value(&typeobject::class_of(
                        &sup.object,
                    )),
                });
            }
            _ => {}
        }
        // The super object's own `__get__`: an unbound super's (its only
        // attributes are its own), else when the MRO has none.
        let own_get = || {
            Value::obj(PyObject::MethodDescriptor(
                crate::builtins::function::PyMethodDescriptor {
                    def: &SUPER_GET,
                    bound: Some(receiver.clone()),
                },
            ))
        };
        if sup.object.is_none() {
            if name == "__get__" {
                return Ok(own_get());
            }
            // An unbound super (`super(int)`) finds nothing but its own
            // attributes, as CPython's with a NULL object.
            return Err(PyErr::new(
                ExcType::AttributeError,
                format!("'super' object has no attribute '{name}'"),
            ));
        }
        // super() in a classmethod walks the class's own MRO; on a class
        // that is an instance of a metaclass, the metaclass's.
        let class_receiver = matches!(
            sup.object.as_obj(),
            Some(PyObject::Type(t)) if t.is_subtype(&sup.class)
        );
        let object_class = match sup.object.as_obj() {
            Some(PyObject::Type(t)) if class_receiver => t.clone(),
            _ => typeobject::class_of(&sup.object),
        };
        // The MRO after the super's class, without a vector made for it.
        let mro = || std::iter::once(&object_class).chain(object_class.mro.iter());
        let start = mro()
            .position(|t| Rc::ptr_eq(t, &sup.class))
            .map_or(object_class.mro.len() + 1, |i| i + 1);
        for class in mro().skip(start) {
            let found = class.dict.borrow().get(name).cloned();
            if let Some(attribute) = found {
                if class_receiver {
                    return Ok(match attribute.builtin_value().as_obj() {
                        Some(PyObject::ClassMethod(c)) => Value::obj(PyObject::BoundMethod(
                            PyBoundMethod::new(sup.object.clone(), c.function.clone()),
                        )),
                        Some(PyObject::StaticMethod(s)) => s.function.clone(),
                        _ => attribute,
                    });
                }
                return self.bind_class_attribute(attribute, &sup.object, &object_class);
            }
        }
        // `super().mro()` in a metaclass's method: `type`'s own methods,
        // bound to the class (a class made by the metaclass); unbound when
        // the super is in class mode (`super()` in the metaclass's own
        // `__new__` or classmethod: the object is a subclass), as a
        // descriptor's `__get__(None, cls)` gives it in CPython.
        if let Some(PyObject::Type(_)) = sup.object.as_obj()
            && matches!(name, "mro" | "__subclasses__")
            && mro()
                .skip(start)
                .any(|class| class.builtin == Some(BuiltinType::Type))
        {
            return Ok(Value::obj(PyObject::MethodDescriptor(
                crate::builtins::function::PyMethodDescriptor {
                    def: if name == "mro" { &MRO } else { &SUBCLASSES },
                    bound: (!class_receiver).then(|| sup.object.clone()),
                },
            )));
        }
        if name == "__init__" {
            // object.__init__ / BaseException.__init__.
            return Ok(Value::obj(PyObject::MethodDescriptor(
                crate::builtins::function::PyMethodDescriptor {
                    def: &crate::builtins::function::BASE_INIT,
                    bound: Some(sup.object.clone()),
                },
            )));
        }
        // A builtin base's own dunders (`super().__getitem__(k)` in a dict
        // subclass), bound to the object: they work on the builtin value
        // it carries.
        if (OBJECT_DUNDERS.contains(&name)
            || mro().skip(start).any(|class| {
                !class.heap
                    && class.builtin != Some(BuiltinType::Object)
                    && crate::interpreter::dunder::class_has_slot_wrapper(class, name)
            }))
            && let Some(def) = crate::interpreter::dunder::slot_wrapper_def(name)
        {
            return Ok(Value::obj(PyObject::MethodDescriptor(
                crate::builtins::function::PyMethodDescriptor {
                    def,
                    bound: Some(sup.object.clone()),
                },
            )));
        }
        if let Some(def) = object_method(name) {
            return Ok(Value::obj(PyObject::MethodDescriptor(
                crate::builtins::function::PyMethodDescriptor {
                    def,
                    bound: Some(sup.object.clone()),
                },
            )));
        }
        // Then the super object's own attributes (CPython's
        // `PyObject_GenericGetAttr` on it), never the object's: a class's
        // own `__getattr__` is not what `super().__getattr__` finds.
        match name {
            "__self__" => Ok(sup.object.clone()),
            "__thisclass__" => Ok(crate::builtins::constructors::type_value(&sup.class)),
            "__self_class__" => Ok(crate::builtins::constructors::type_value(&object_class)),
            "__get__" => Ok(own_get()),
            _ => Err(PyErr::new(
                ExcType::AttributeError,
                format!("'super' object has no attribute '{name}'"),
            )),
        }
    }

    /// `super()` / `super(class, obj)`. The zero-argument form reads the
    /// calling frame's `__class__` cell and first argument.
    pub(crate) fn make_super(&mut self, args: Args) -> PyResult {
        let (class, object) = match args.pos {
            [class, object] => (class.clone(), object.clone()),
            [] => {
                let frame = self
                    .frames
                    .last()
                    .ok_or_else(|| PyErr::runtime_error("super(): no arguments"))?;
                let code = &frame.code;
                if code.bytecode.argcount == 0 || code.nlocals == 0 {
                    return Err(PyErr::runtime_error("super(): no arguments"));
                }
                let class_index = code
                    .bytecode
                    .freevars
                    .iter()
                    .position(|n| n == "__class__")
                    .map(|i| code.ncells + i)
                    .ok_or_else(|| PyErr::runtime_error("super(): __class__ cell not found"))?;
                let cell = &self.stack[frame.base + code.nlocals + class_index];
                let class = match cell.as_obj() {
                    Some(PyObject::Cell(c)) => c.value.borrow().clone(),
                    _ => Value::Null,
                };
                let mut object = self.stack[frame.base].clone();
                if let Value::Null = object {
                    // The first argument may live in a cell.
                    if let Some((cell, _)) = code.cell_args.iter().find(|(_, arg)| *arg == 0)
                        && let Some(PyObject::Cell(c)) =
                            self.stack[frame.base + code.nlocals + cell].as_obj()
                    {
                        object = c.value.borrow().clone();
                    }
                }
                (class, object)
            }
            // Unbound (`super(int)`, and `super(C, None)` as CPython reads
            // it): None stands for CPython's NULL object.
            [class] => (class.clone(), Value::None),
            _ => {
                return Err(PyErr::type_error(format!(
                    "super() expected at most 2 arguments, got {}",
                    args.pos.len()
                )));
            }
        };
        let Some(PyObject::Type(class)) = class.as_obj() else {
            return Err(PyErr::type_error("super() argument 1 must be a type"));
        };
        // CPython's `supercheck`: an instance of the class, or a subclass.
        let fits = match object.as_obj() {
            _ if object.is_none() || matches!(object, Value::Null) => true,
            Some(PyObject::Type(t)) if t.is_subtype(class) => true,
            _ => typeobject::isinstance(&object, class),
        };
        if !fits {
            return Err(PyErr::type_error(
                "super(type, obj): obj must be an instance or subtype of type",
            ));
        }
        Ok(Value::obj(PyObject::Super(PySuper {
            class: class.clone(),
            object,
        })))
    }

    /// `obj.name = value` for instances and classes; `None` if `obj` is
    /// neither.
    pub(crate) fn set_instance_attribute(
        &mut self,
        object: &Value,
        name: &str,
        key: &Value,
        value: Value,
    ) -> PyResult<Option<()>> {
        let class = match object.as_obj() {
            Some(PyObject::Instance(_) | PyObject::Exception(_)) => {
                instance_class(object).expect("an instance")
            }
            Some(PyObject::Type(t)) => {
                if let Some(hook) = metaclass_hook(t, "__setattr__") {
                    let bound = self.bind_class_attribute(hook, object, &t.class())?;
                    self.call_native(&bound, vec![Value::str(name), value], &[])?;
                } else {
                    set_class_attribute(t, name, Some(value))?;
                }
                return Ok(Some(()));
            }
            _ => return Ok(None),
        };
        // A class's own `__setattr__` decides first, data descriptors
        // (properties) included, as CPython's `tp_setattro`.
        if class.heap
            && class.defines(Slot::SetAttr)
            && let Some(setattr) = class.lookup_slot(Slot::SetAttr)
            && is_python_callable(&setattr)
        {
            self.call_found_dunder_with(object, setattr, "__setattr__", &[key.clone(), value])?;
            return Ok(Some(()));
        }
        if let Some(attribute) = class.lookup(name)
            && builtin_property(&attribute, Slot::Set).is_some()
        {
            self.generic_set_attribute(object, &class, name, key, Some(value))?;
            return Ok(Some(()));
        }
        if let Some(PyObject::Exception(e)) = object.as_obj() {
            if name == "args"
                && !matches!(class.lookup(name), Some(v) if typeobject::is_data_descriptor(&v))
            {
                // BaseException.args: any iterable, stored as a tuple.
                let items = protocol::collect(self, &value)?;
                // What CPython's __init__ stored apart from the arguments
                // keeps its value (`StopIteration.value`, `SystemExit.code`).
                for (field, owner) in [
                    ("value", ExcType::StopIteration),
                    ("code", ExcType::SystemExit),
                ] {
                    if class.is_subtype(&crate::typeobject::exc_type(owner)) {
                        let current = self.get_attr(object, field)?;
                        if let Some(dict) = e.dict().as_dict() {
                            dict.set_item(Value::str(field), current)?;
                        }
                    }
                }
                let old = e.args.replace(items);
                drop(old);
                return Ok(Some(()));
            }
            if let Some(stored) = e.set_field(name, value.clone()) {
                return stored.map(Some);
            }
        }
        self.generic_set_attribute(object, &class, name, key, Some(value))?;
        Ok(Some(()))
    }

    /// `del obj.name` for instances and classes.
    pub(crate) fn delete_instance_attribute(
        &mut self,
        object: &Value,
        name: &str,
        key: &Value,
    ) -> PyResult<Option<()>> {
        let class = match object.as_obj() {
            Some(PyObject::Instance(_) | PyObject::Exception(_)) => {
                instance_class(object).expect("an instance")
            }
            Some(PyObject::Type(t)) => {
                if let Some(hook) = metaclass_hook(t, "__delattr__") {
                    let bound = self.bind_class_attribute(hook, object, &t.class())?;
                    self.call_native(&bound, vec![Value::str(name)], &[])?;
                } else {
                    set_class_attribute(t, name, None)?;
                }
                return Ok(Some(()));
            }
            _ => return Ok(None),
        };
        if class.heap
            && class.defines(Slot::DelAttr)
            && let Some(delattr) = class.lookup_slot(Slot::DelAttr)
            && is_python_callable(&delattr)
        {
            self.call_found_dunder_with(object, delattr, "__delattr__", std::slice::from_ref(key))?;
            return Ok(Some(()));
        }
        self.generic_set_attribute(object, &class, name, key, None)?;
        Ok(Some(()))
    }
}

impl Vm {
    /// `object.__setattr__(obj, name, value)` (`value` present) or
    /// Calls `descriptor.hook(*args)` (`__get__`, `__set__`, `__delete__`,
    /// which the descriptor's class defines). A declared native type's
    /// hook (a `__slots__` member) is invoked directly: no bound method
    /// is made for it on every attribute access.
    fn call_descriptor_hook(&mut self, descriptor: &Value, slot: Slot, args: &[Value]) -> PyResult {
        let hook = slot.name();
        if let Some(result) = crate::builtins::member::member_hook(self, descriptor, hook, args) {
            return result;
        }
        // An instance of a user class: its class's hook, called with the
        // descriptor first and no bound method made (as CPython's
        // `tp_descr_get` slot: the instance's own dict is not consulted).
        if let Some(PyObject::Instance(instance)) = descriptor.as_obj()
            && let Some(method) = instance.class().lookup_slot(slot)
        {
            return self
                .call_found_dunder_with(descriptor, method, hook, args)
                .map(Option::unwrap_or_default);
        }
        if let Some(PyObject::Native(native)) = descriptor.as_obj()
            && let Some(method) = native.class.lookup(hook)
            && let Some(PyObject::MethodDescriptor(d)) = method.as_obj()
            && d.bound.is_none()
        {
            return d.def.invoke(self, descriptor, Args::new(args));
        }
        let method = self.get_attr(descriptor, hook)?;
        self.call_native(&method, args.to_vec(), &[])
    }

    /// `object.__delattr__(obj, name)` for an instance of `class`: a data
    /// descriptor's `__set__`/`__delete__`, else the instance's own
    /// attributes (none but its slots when it has no `__dict__`).
    pub(crate) fn generic_set_attribute(
        &mut self,
        object: &Value,
        class: &Rc<TypeObject>,
        name: &str,
        key: &Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        let attribute = class.lookup(name);
        if name == "__class__" && attribute.is_none() {
            return assign_class(object, class, value);
        }
        // A property (or a subclass of property without its own hooks):
        // its setter or deleter.
        let hook = if value.is_some() {
            Slot::Set
        } else {
            Slot::Delete
        };
        if let Some(attribute) = &attribute
            && let Some(p) = builtin_property(attribute, hook)
        {
            let (accessor, what) = match hook {
                Slot::Set => (&p.setter, "setter"),
                _ => (&p.deleter, "deleter"),
            };
            if accessor.is_none() {
                return Err(p.missing_accessor(object, what));
            }
            let accessor = accessor.clone();
            let mut args = vec![object.clone()];
            args.extend(value);
            self.call_native(&accessor, args, &[])?;
            return Ok(());
        }
        if let Some(attribute) = &attribute
            && let Some(descriptor_class) = user_class_of(attribute)
        {
            let hook = if value.is_some() {
                Slot::Set
            } else {
                Slot::Delete
            };
            if descriptor_class.defines(hook) {
                let mut args = vec![object.clone()];
                args.extend(value);
                self.call_descriptor_hook(attribute, hook, &args)?;
                return Ok(());
            }
            if descriptor_class.defines(Slot::Set) || descriptor_class.defines(Slot::Delete) {
                // A data descriptor without this hook (CPython's terse message).
                return Err(PyErr::new(ExcType::AttributeError, hook.name().to_string()));
            }
        }
        if name == "__dict__"
            && class.instance_dict
            && let Some(PyObject::Instance(instance)) = object.as_obj()
        {
            return match value {
                Some(dict) if dict.as_dict_or_subclass().is_some() => {
                    instance.replace_dict(dict);
                    Ok(())
                }
                Some(other) => Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    other.type_name()
                ))),
                // The instance starts over with no attributes (CPython
                // makes a new dict when one is next needed).
                None => {
                    instance.replace_dict(Value::dict(PyDict::new()));
                    Ok(())
                }
            };
        }
        if !class.instance_dict {
            return Err(match attribute {
                Some(_) => PyErr::new(
                    ExcType::AttributeError,
                    format!("'{}' object attribute '{name}' is read-only", class.name),
                ),
                None => no_attribute(class, name),
            });
        }
        match value {
            Some(value) => {
                own_set(object, key.clone(), value)?;
            }
            None => {
                if own_del(object, key)?.is_none() {
                    return Err(no_attribute(class, name));
                }
            }
        }
        Ok(())
    }
}

/// `obj.__class__ = new` (object's `__class__` setter): both classes made
/// by class statements, with the same layout (builtin base, `__dict__`,
/// slots).
fn assign_class(object: &Value, class: &Rc<TypeObject>, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(PyObject::Type(new)) = value.as_obj() else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.type_name()
        )));
    };
    let Some(PyObject::Instance(instance)) = object.as_obj() else {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    let module = |t: &TypeObject| t.builtin == Some(crate::typeobject::BuiltinType::Module);
    if !(class.heap && new.heap || module(class) && module(new)) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    // The slot names each class statement of the MRO declared, in order
    // (a list and a tuple of the same names are the same layout).
    let slots = |t: &TypeObject| {
        let mut names = Vec::new();
        for class in std::iter::once(t).chain(t.mro.iter().map(|c| &**c)) {
            let Some(declared) = class.dict.borrow().get("__slots__").cloned() else {
                continue;
            };
            if let Some(one) = declared.as_str_or_subclass() {
                names.push(one.as_str().to_string());
                continue;
            }
            let items = match (declared.as_tuple(), declared.as_list()) {
                (Some(t), _) => t.as_slice().to_vec(),
                (None, Some(l)) => l.snapshot(),
                _ => vec![declared.clone()],
            };
            names.extend(
                items
                    .iter()
                    .map(|v| crate::protocol::repr(v).unwrap_or_default()),
            );
        }
        names
    };
    if new.builtin != class.builtin
        || new.instance_dict != class.instance_dict
        || slots(new) != slots(class)
    {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name, class.name
        )));
    }
    instance.set_class(new.clone());
    Ok(())
}

/// Whether `cls.name` is certain to raise AttributeError (a conservative
/// test for `getattr(cls, name, default)`): no class on the MRO has the
/// name, `class_attribute` answers none of its own for it, and neither the
/// metaclass nor its `__getattr__` can supply it.
fn class_attribute_surely_missing(class: &TypeObject, name: &str) -> bool {
    const OWN: &[&str] = &[
        "__name__",
        "__qualname__",
        "__module__",
        "__mro__",
        "__bases__",
        "__subclasses__",
        "__class__",
        "__base__",
        "__dict__",
        "__doc__",
        "__init__",
        "__repr__",
        "mro",
        "__prepare__",
        "__weakref__",
        "args",
        "__traceback__",
        "__context__",
        "__cause__",
        "__suppress_context__",
    ];
    !OWN.contains(&name)
        && (class.heap || builtin_static_method(class, name).is_none())
        && object_method(name).is_none()
        && crate::interpreter::dunder::slot_wrapper_def(name).is_none()
        && class.lookup(name).is_none()
        && class
            .metaclass
            .as_ref()
            .is_none_or(|meta| meta.lookup(name).is_none())
        && metaclass_hook(class, "__getattr__").is_none()
}

/// A metaclass's own `name` hook (`__setattr__`, `__getattr__`...) for
/// class `class`, when a class statement defined one.
fn metaclass_hook(class: &TypeObject, name: &str) -> Option<Value> {
    let meta = class.metaclass.as_ref().filter(|m| m.heap)?;
    meta.lookup(name).filter(is_python_callable)
}

/// `type.__setattr__(class, name, value)` (`value` present) or
/// `type.__delattr__(class, name)`: the class namespace itself, its
/// slots and caches kept right.
/// `cls.__name__ = text` and `cls.__qualname__ = text`, with CPython's
/// checks (`repr(cls)` and messages then use them).
fn set_class_name(class: &TypeObject, name: &str, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error(format!(
            "cannot delete '{name}' attribute of immutable type '{}'",
            class.name
        )));
    };
    let Some(text) = value.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "can only assign string to {}.{name}, not '{}'",
            class.name,
            value.type_name()
        )));
    };
    let text = text.as_str();
    if name == "__name__" {
        if text.contains('\0') {
            return Err(PyErr::value_error(
                "type name must not contain null characters",
            ));
        }
        class.name.replace(text);
    } else {
        class.qualname.replace(text);
    }
    Ok(())
}

pub(crate) fn set_class_attribute(
    class: &Rc<TypeObject>,
    name: &str,
    value: Option<Value>,
) -> PyResult<()> {
    if !class.heap {
        return Err(PyErr::type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            class.name
        )));
    }
    match name {
        "__dict__" => {
            return Err(PyErr::new(
                ExcType::AttributeError,
                "attribute '__dict__' of 'type' objects is not writable",
            ));
        }
        "__class__" => {
            return Err(PyErr::type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        "__mro__" => return Err(PyErr::new(ExcType::AttributeError, "readonly attribute")),
        "__name__" | "__qualname__" => return set_class_name(class, name, value),
        _ => {}
    }
    let old = match &value {
        Some(value) => {
            if crate::typeobject::is_data_descriptor(value) {
                class.note_data_descriptor();
            }
            class
                .dict
                .borrow_mut()
                .insert(Box::from(name), value.clone())
        }
        None => {
            let old = class.dict.borrow_mut().shift_remove(name);
            if old.is_none() {
                return Err(PyErr::new(
                    ExcType::AttributeError,
                    format!("type object '{}' has no attribute '{name}'", class.name),
                ));
            }
            old
        }
    };
    crate::typeobject::class_attribute_changed(old.as_ref(), value.as_ref());
    if name == "__abstractmethods__" {
        class.abstract_methods_set.set(value.is_some());
    }
    if crate::typeobject::Slot::from_name(name).is_some()
        || crate::typeobject::is_binary_operator_name(name)
        || crate::typeobject::is_ordering_name(name)
    {
        class.refresh_slots();
    }
    drop(old);
    Ok(())
}

/// `object.__repr__` as the class gives it: `<T object at 0x...>` for any
/// object, a builtin one's included (`object.__repr__(1)`), never the
/// type's own repr.
static OBJECT_REPR: crate::builtins::function::MethodDef = crate::builtins::function::MethodDef {
    name: "__repr__",
    params: crate::builtins::function::Params::NoArgs,
    func: |_, receiver, _| {
        let class = crate::typeobject::class_of(receiver);
        let name = if class.heap {
            class.qualified_name()
        } else {
            class.name.to_string()
        };
        Ok(Value::str(format!(
            "<{name} object at 0x{:x}>",
            crate::builtins::module::id_of(receiver)
        )))
    },
};

/// The dunders every object has from `object` (beyond `OBJECT_METHODS`),
/// answered by the builtin slot wrappers.
const OBJECT_DUNDERS: &[&str] = &[
    "__repr__",
    "__str__",
    "__hash__",
    "__format__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
];

fn no_attribute(class: &TypeObject, name: &str) -> PyErr {
    PyErr::new(
        ExcType::AttributeError,
        format!("'{}' object has no attribute '{name}'", class.name),
    )
}

/// Whether a data descriptor can be read (`property` always; a user
/// descriptor when its class defines `__get__`).
fn has_getter(descriptor: &Value) -> bool {
    builtin_property(descriptor, Slot::Get).is_some()
        || user_class_of(descriptor).is_some_and(|c| c.defines(Slot::Get))
}

/// What `dir(object())` lists.
const OBJECT_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

impl Vm {
    /// The sorted names `dir()` reports: an object's own attributes and
    /// its class's (through the MRO).
    pub(crate) fn attribute_names(&mut self, object: &Value) -> Vec<String> {
        let mut names = std::collections::BTreeSet::new();
        let (class, own) = match object.as_obj() {
            Some(PyObject::Type(t)) => (t.clone(), None),
            _ => (typeobject::class_of(object), own_dict(object)),
        };
        if let Some(dict) = own.as_ref().and_then(|d| d.as_dict_or_subclass()) {
            for key in dict.keys() {
                if let Some(key) = key.as_str_or_subclass() {
                    names.insert(key.as_str().to_string());
                }
            }
        }
        let mut classes = vec![class.clone()];
        classes.extend(class.mro.iter().cloned());
        for c in &classes {
            names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
            if c.heap {
                names.insert("__module__".to_string());
                // (A class with `__slots__` may give its instances neither.)
                if c.instance_dict {
                    names.insert("__dict__".to_string());
                }
                if c.instance_weakref {
                    names.insert("__weakref__".to_string());
                }
            } else {
                // A builtin type's own dunders (`dict.__len__`).
                names.extend(
                    crate::interpreter::dunder::slot_wrapper_names()
                        .filter(|name| crate::interpreter::dunder::class_has_slot_wrapper(c, name))
                        .map(String::from),
                );
            }
        }
        names.extend(OBJECT_ATTRIBUTES.iter().map(|n| n.to_string()));
        if let Some(PyObject::Code(_)) = object.as_obj() {
            names.extend(
                crate::builtins::code::ATTRIBUTES
                    .iter()
                    .map(|n| n.to_string()),
            );
        }
        names.into_iter().collect()
    }
}

/// The class of an instance or an exception (objects with their own
/// attributes).
/// The type of a value whose attributes all come from its builtin type
/// (no instance dict, no per-object attributes, a type that cannot be
/// changed): the kinds whose missing names
/// [`Vm::attribute_if_present_keyed`] remembers.
fn attributes_from_type_only(object: &Value) -> Option<Rc<TypeObject>> {
    // (The kinds a class attribute may hold as it is stored.)
    typeobject::is_plain_class_value(object).then(|| typeobject::class_of(object))
}

fn instance_class(object: &Value) -> Option<Rc<TypeObject>> {
    match object.as_obj()? {
        PyObject::Instance(i) => Some(i.class_rc()),
        PyObject::Exception(e) => Some(e.class.clone()),
        _ => None,
    }
}

/// The `__dict__` of an instance or an exception (an instance's is made
/// from its shared-key values the first time).
pub(crate) fn own_dict(object: &Value) -> Option<Value> {
    match object.as_obj()? {
        PyObject::Instance(i) => Some(i.dict_value()),
        PyObject::Exception(e) => Some(e.dict().clone()),
        _ => None,
    }
}

/// The object's own attribute `key`.
pub(crate) fn own_get(object: &Value, key: &Value) -> PyResult<Option<Value>> {
    match object.as_obj() {
        Some(PyObject::Instance(i)) => i.get_attr(key),
        Some(PyObject::Exception(e)) => match e.dict_if_made() {
            Some(d) => d.get_item(key),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Sets the object's own attribute `key`; false if it has none.
pub(crate) fn own_set(object: &Value, key: Value, value: Value) -> PyResult<bool> {
    match object.as_obj() {
        Some(PyObject::Instance(i)) => i.set_attr(key, value).map(|()| true),
        Some(PyObject::Exception(e)) => match e.dict().as_dict_or_subclass() {
            Some(d) => d.set_item(key, value).map(|()| true),
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

/// Removes the object's own attribute `key`, if it has it.
pub(crate) fn own_del(object: &Value, key: &Value) -> PyResult<Option<Value>> {
    match object.as_obj() {
        Some(PyObject::Instance(i)) => i.del_attr(key),
        Some(PyObject::Exception(e)) => match e.dict_if_made() {
            Some(d) => d.pop(key),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

fn attribute_name(args: &Args) -> PyResult<String> {
    match args.pos.first().and_then(|n| n.as_str_or_subclass()) {
        Some(name) => Ok(name.as_str().to_string()),
        None => Err(PyErr::type_error("attribute name must be string")),
    }
}

/// `type.__prepare__(name, bases, **kwds)`: a fresh empty dict.
static PREPARE: crate::builtins::function::MethodDef = crate::builtins::function::MethodDef {
    name: "__prepare__",
    params: crate::builtins::function::Params::Any,
    func: |_, _, _| Ok(Value::dict(crate::builtins::dict::PyDict::new())),
};

/// `cls.mro()`: the class and its MRO, as a list.
static MRO: crate::builtins::function::MethodDef = crate::builtins::function::MethodDef {
    name: "mro",
    params: crate::builtins::function::Params::NoArgs,
    func: |_, receiver, _| match receiver.as_obj() {
        Some(PyObject::Type(class)) => Ok(Value::list(mro_values(class))),
        _ => Err(PyErr::type_error("mro() needs a type")),
    },
};

/// The class followed by its MRO, as values (`__mro__`, `mro()`).
fn mro_values(class: &Rc<TypeObject>) -> Vec<Value> {
    std::iter::once(class)
        .chain(class.mro.iter())
        .map(crate::builtins::constructors::type_value)
        .collect()
}

/// `cls.__subclasses__()`: the live classes made with `cls` as a base.
static SUBCLASSES: crate::builtins::function::MethodDef = crate::builtins::function::MethodDef {
    name: "__subclasses__",
    params: crate::builtins::function::Params::NoArgs,
    func: |vm, receiver, _| {
        let Some(PyObject::Type(class)) = receiver.as_obj() else {
            return Err(PyErr::type_error("__subclasses__() needs a type"));
        };
        let mut subclasses = class.live_subclasses();
        if !class.heap {
            // A builtin type's: the builtin types made on it, then this
            // VM's classes.
            subclasses = crate::typeobject::builtin_subclasses_of(class);
            if let Some(list) = vm.builtin_subclasses.get_mut(&(Rc::as_ptr(class) as usize)) {
                list.retain(|w| w.strong_count() > 0);
                subclasses.extend(list.iter().filter_map(std::rc::Weak::upgrade));
            }
        }
        Ok(Value::list(
            subclasses
                .into_iter()
                .map(|t| crate::builtins::constructors::type_value(&t))
                .collect(),
        ))
    },
};

/// `object`'s own attribute methods, which bypass a class's overrides:
/// what `super().__setattr__(...)` in a `__setattr__` reaches.
static OBJECT_METHODS: &[crate::builtins::function::MethodDef] = &[
    // `object.__dir__()`: the names `dir()` sorts.
    crate::builtins::function::MethodDef {
        name: "__dir__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| {
            let names = vm.attribute_names(receiver);
            Ok(Value::list(names.into_iter().map(Value::str).collect()))
        },
    },
    // `object.__sizeof__()`: CPython's size of the object without the
    // collector's header (`sys.getsizeof` adds it).
    crate::builtins::function::MethodDef {
        name: "__sizeof__",
        params: crate::builtins::function::Params::NoArgs,
        func: |_, receiver, _| Ok(Value::Int(crate::builtins::sys_info::size_of(receiver))),
    },
    // `object.__subclasshook__(C)`: no opinion, so that an ABC's own hook
    // can end with `return super().__subclasshook__(C)`.
    crate::builtins::function::MethodDef {
        name: "__subclasshook__",
        params: crate::builtins::function::Params::Any,
        func: |_, _, _| Ok(Value::NotImplemented),
    },
    crate::builtins::function::MethodDef {
        name: "__init_subclass__",
        params: crate::builtins::function::Params::Any,
        func: |_, receiver, args| {
            if !args.kw.is_empty() || !args.pos.is_empty() {
                let name = match receiver.as_obj() {
                    Some(PyObject::Type(t)) => t.qualname.to_string(),
                    _ => receiver.type_name().to_string(),
                };
                return Err(PyErr::type_error(format!(
                    "{name}.__init_subclass__() takes no keyword arguments"
                )));
            }
            Ok(Value::None)
        },
    },
    crate::builtins::function::MethodDef {
        name: "__setattr__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__setattr__", 2, 2)?;
            let name = attribute_name(&args)?;
            if let Some(PyObject::Type(class)) = receiver.as_obj() {
                set_class_attribute(class, &name, Some(args.pos[1].clone()))?;
                return Ok(Value::None);
            }
            let Some(class) = instance_class(receiver) else {
                // A builtin object's own attributes (a function's), else
                // its AttributeError.
                vm.set_attr(receiver, &name, Some(args.pos[1].clone()))?;
                return Ok(Value::None);
            };
            let key = Value::str(name.as_str());
            vm.generic_set_attribute(receiver, &class, &name, &key, Some(args.pos[1].clone()))?;
            Ok(Value::None)
        },
    },
    crate::builtins::function::MethodDef {
        name: "__delattr__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__delattr__", 1, 1)?;
            let name = attribute_name(&args)?;
            if let Some(PyObject::Type(class)) = receiver.as_obj() {
                set_class_attribute(class, &name, None)?;
                return Ok(Value::None);
            }
            let Some(class) = instance_class(receiver) else {
                return Err(PyErr::new(
                    ExcType::AttributeError,
                    format!(
                        "'{}' object has no attribute '{name}'",
                        receiver.type_name()
                    ),
                ));
            };
            let key = Value::str(name.as_str());
            vm.generic_set_attribute(receiver, &class, &name, &key, None)?;
            Ok(Value::None)
        },
    },
    // `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it
    // overrides object's, else the reduction object's gives.
    crate::builtins::function::MethodDef {
        name: "__reduce_ex__",
        params: crate::builtins::function::Params::One,
        func: |vm, receiver, args| {
            let protocol = crate::builtins::module::index_value(vm, &args.pos[0])?;
            let class = typeobject::class_of(receiver);
            if class.lookup("__reduce__").is_some() {
                let reduce = vm.get_attr(receiver, "__reduce__")?;
                return vm.call(&reduce, Args::new(&[]));
            }
            if matches!(protocol, Value::Int(2..))
                && let Some(reduction) = plain_newobj_reduction(vm, receiver, &class)?
            {
                return Ok(reduction);
            }
            call_copyreg(vm, "_object_reduce_ex", receiver, &[protocol])
        },
    },
    // `object.__reduce__()`: CPython's `_common_reduce(self, 0)`.
    crate::builtins::function::MethodDef {
        name: "__reduce__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| call_copyreg(vm, "_object_reduce_ex", receiver, &[Value::Int(0)]),
    },
    // `object.__getstate__()` (3.11): the instance dict or None, paired
    // with the values of the slots when the class has any.
    crate::builtins::function::MethodDef {
        name: "__getstate__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, receiver, _| call_copyreg(vm, "_default_state", receiver, &[]),
    },
    crate::builtins::function::MethodDef {
        name: "__getattribute__",
        params: crate::builtins::function::Params::Any,
        func: |vm, receiver, args| {
            args.check("__getattribute__", 1, 1)?;
            let name = attribute_name(&args)?;
            match instance_class(receiver) {
                Some(class) => {
                    vm.generic_attribute(receiver, &class, &name, &Value::str(name.as_str()))
                }
                None => vm.get_attr(receiver, &name),
            }
        },
    },
];

/// `object.__reduce_ex__(2 and up)` of the commonest object, an instance
/// of a class statement's class with no builtin base but `object` that
/// changes nothing of its reduction: `(copyreg.__newobj__, (cls,), state,
/// None, None)`, the state its `__dict__` or None when empty (what
/// `copyreg._reduce_newobj` gives, which `copy.deepcopy` of every such
/// object reached through a Python call). `None` for every other object,
/// and for a class whose `__slotnames__` `copyreg` has not cached yet
/// (it stores it on the class the first time, as CPython's does).
fn plain_newobj_reduction(
    vm: &mut Vm,
    receiver: &Value,
    class: &Rc<TypeObject>,
) -> PyResult<Option<Value>> {
    let Some(PyObject::Instance(instance)) = receiver.as_obj() else {
        return Ok(None);
    };
    let plain = class.heap
        && class.builtin.is_none()
        && class.exc.is_none()
        && class.instance_dict
        && class
            .mro
            .iter()
            .all(|t| t.heap || t.builtin == Some(BuiltinType::Object));
    if !plain {
        return Ok(None);
    }
    // What changes the reduction or the state (`__getattribute__` and a
    // class-level `__dict__` change what `obj.__dict__` reads).
    const OVERRIDES: [&str; 5] = [
        "__getnewargs_ex__",
        "__getnewargs__",
        "__getstate__",
        "__getattribute__",
        "__dict__",
    ];
    if OVERRIDES.iter().any(|name| class.lookup(name).is_some()) {
        return Ok(None);
    }
    let no_slots = matches!(
        class
            .dict
            .borrow()
            .get("__slotnames__")
            .and_then(|v| v.as_list().map(|l| l.len())),
        Some(0)
    );
    if !no_slots {
        return Ok(None);
    }
    let state = match instance.dict_is_empty() {
        Some(true) => Value::None,
        Some(false) => instance.dict_value(),
        None => return Ok(None),
    };
    let copyreg = vm.import_module("copyreg")?;
    let newobj = vm.get_attr(&copyreg, "__newobj__")?;
    let class_value = crate::builtins::constructors::type_value(class);
    Ok(Some(Value::tuple(vec![
        newobj,
        Value::tuple(vec![class_value]),
        state,
        Value::None,
        Value::None,
    ])))
}

/// Calls `copyreg.<function>(object, *rest)`: the pickling reductions of
/// `object` are CPython's `Objects/typeobject.c` logic, written in Python
/// in the frozen `copyreg` (which `object.__reduce_ex__` imports, as
/// CPython's does).
fn call_copyreg(vm: &mut Vm, function: &str, object: &Value, rest: &[Value]) -> PyResult {
    let copyreg = vm.import_module("copyreg")?;
    let function = vm.get_attr(&copyreg, function)?;
    let mut args = vec![object.clone()];
    args.extend_from_slice(rest);
    vm.call(&function, Args::new(&args))
}

/// `obj.__reduce_ex__` and object's other methods, bound to `object`.
pub(crate) fn bound_object_method(
    def: &'static crate::builtins::function::MethodDef,
    object: &Value,
) -> Value {
    Value::obj(PyObject::MethodDescriptor(
        crate::builtins::function::PyMethodDescriptor {
            def,
            bound: Some(object.clone()),
        },
    ))
}

/// `object`'s method `def` read from a class: unbound, the receiver
/// first (`object.__setattr__(self, name, value)`), except the implicit
/// class methods, bound to the class (`C.__subclasshook__()`,
/// `C.__init_subclass__()`).
fn object_method_of_class(
    def: &'static crate::builtins::function::MethodDef,
    class: &Rc<TypeObject>,
) -> Value {
    match def.name {
        "__subclasshook__" | "__init_subclass__" => {
            bound_object_method(def, &crate::builtins::constructors::type_value(class))
        }
        _ => crate::builtins::function::unbound_method(def),
    }
}

/// Whether `def` is one of `object`'s own methods (`object.__reduce_ex__`).
/// `type.mro` and `type.__subclasses__`, which live outside the builtin
/// types' method tables.
pub(crate) fn is_type_method(def: &crate::builtins::function::MethodDef) -> bool {
    std::ptr::eq(def, &MRO) || std::ptr::eq(def, &SUBCLASSES)
}

pub(crate) fn is_object_method(def: &crate::builtins::function::MethodDef) -> bool {
    OBJECT_METHODS.iter().any(|d| std::ptr::eq(d, def))
}

pub(crate) fn object_method(name: &str) -> Option<&'static crate::builtins::function::MethodDef> {
    OBJECT_METHODS.iter().find(|d| d.name == name)
}

/// Class-level functions of builtin types (`str.maketrans`).
fn builtin_static_method(class: &TypeObject, name: &str) -> Option<Value> {
    use crate::builtins::function::PyBuiltinFunction;
    let function = match (class.builtin?, name) {
        (BuiltinType::Str, "maketrans") => PyBuiltinFunction {
            name: "maketrans",
            func: |_, args| {
                args.check("maketrans", 1, 3)?;
                str_maketrans(args.pos)
            },
        },
        _ => return None,
    };
    Some(Value::obj(PyObject::BuiltinFunction(function)))
}

/// `str.maketrans(x[, y[, z]])`: the translation table `str.translate` takes.
fn str_maketrans(args: &[Value]) -> PyResult {
    let table = PyDict::new();
    match args {
        [mapping] => {
            let Some(dict) = mapping.as_dict_or_subclass() else {
                return Err(PyErr::type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            for (key, value) in dict.items() {
                let key = match key.as_str_or_subclass() {
                    Some(s) if s.char_len() == 1 => {
                        Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                    }
                    Some(_) => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    None => key,
                };
                table.set_item(key, value)?;
            }
        }
        [from, to, rest @ ..] => {
            let (Some(from), Some(to)) = (from.as_str_or_subclass(), to.as_str_or_subclass())
            else {
                return Err(PyErr::type_error("maketrans() arguments must be strings"));
            };
            if from.char_len() != to.char_len() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in from.as_str().chars().zip(to.as_str().chars()) {
                table.set_item(Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(delete) = rest.first().and_then(|d| d.as_str_or_subclass()) {
                for c in delete.as_str().chars() {
                    table.set_item(Value::Int(c as i64), Value::None)?;
                }
            }
        }
        [] => return Err(PyErr::type_error("maketrans() takes at least 1 argument")),
    }
    Ok(Value::dict(table))
}

/// Constructors of the descriptor types.
pub(crate) fn make_descriptor(builtin: BuiltinType, args: Args) -> Option<PyResult> {
    let value = match builtin {
        BuiltinType::Property => {
            let get = |i: usize, name: &str| args.get(i, name).cloned().unwrap_or(Value::None);
            let getter = get(0, "fget");
            let doc = match args.get(3, "doc") {
                Some(doc) => doc.clone(),
                None => match getter.as_obj() {
                    Some(PyObject::Function(f)) => f.doc.borrow().clone(),
                    _ => Value::None,
                },
            };
            PyObject::Property(Box::new(PyProperty {
                getter,
                setter: get(1, "fset"),
                deleter: get(2, "fdel"),
                doc: std::cell::RefCell::new(doc),
                name: std::cell::RefCell::new(Value::None),
            }))
        }
        BuiltinType::StaticMethod => match args.pos {
            [function] => PyObject::StaticMethod(PyStaticMethod {
                function: function.clone(),
            }),
            _ => return Some(Err(PyErr::type_error("staticmethod expected 1 argument"))),
        },
        BuiltinType::ClassMethod => match args.pos {
            [function] => PyObject::ClassMethod(PyClassMethod {
                function: function.clone(),
            }),
            _ => return Some(Err(PyErr::type_error("classmethod expected 1 argument"))),
        },
        _ => return None,
    };
    Some(Ok(Value::obj(value)))
}

/// The class of `object` when it is an instance of a user class (or of a
/// declared native type, or a class whose metaclass is a user class):
/// whose dunders the operations must consult.
pub(crate) fn user_class_of(object: &Value) -> Option<Rc<TypeObject>> {
    match object.as_obj()? {
        PyObject::Instance(i) => Some(i.class_rc()),
        PyObject::Exception(e) if e.class.heap => Some(e.class.clone()),
        PyObject::Native(n) => Some(n.class.clone()),
        PyObject::Type(t) => t.metaclass.clone().filter(|m| m.heap),
        _ => None,
    }
}

/// [`user_class_of`] without touching the reference count: for the
/// checks on the hot paths.
#[inline]
pub(crate) fn user_class_ref(object: &Value) -> Option<&TypeObject> {
    match object.as_obj()? {
        PyObject::Instance(i) => Some(i.class()),
        PyObject::Exception(e) if e.class.heap => Some(&e.class),
        // Declared types answer through their slots like user classes.
        PyObject::Native(n) => Some(&n.class),
        // A class whose metaclass is a user class: the metaclass's dunders
        // apply to it (`len(C)`, `iter(C)`, `C + 1`, `repr(C)`).
        PyObject::Type(t) => t.metaclass.as_deref().filter(|m| m.heap),
        _ => None,
    }
}

/// Whether `value` is a declared native type's `__init__` method.
fn is_native_init(value: &Value) -> bool {
    matches!(
        value.as_obj(),
        Some(PyObject::MethodDescriptor(d)) if d.bound.is_none() && d.def.name == "__init__"
    )
}

/// `super(class, object)` for an unbound super's `__get__`, with
/// CPython's check of the object.
fn bind_super(class: &Rc<TypeObject>, object: &Value) -> PyResult {
    let fits = match object.as_obj() {
        Some(PyObject::Type(t)) if t.is_subtype(class) => true,
        _ => typeobject::class_of(object).is_subtype(class),
    };
    if !fits {
        return Err(PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    }
    Ok(Value::obj(PyObject::Super(PySuper {
        class: class.clone(),
        object: object.clone(),
    })))
}

/// `super.__get__(obj, type=None)`: an unbound super binds to `obj`; a
/// bound one (or no object) gives itself.
static SUPER_GET: crate::builtins::function::MethodDef = crate::builtins::function::MethodDef {
    name: "__get__",
    params: crate::builtins::function::Params::Positional(1, 2),
    func: |_, receiver, args| {
        let Some(PyObject::Super(sup)) = receiver.as_obj() else {
            return Err(PyErr::type_error(
                "descriptor '__get__' requires a 'super' object",
            ));
        };
        let object = &args.pos[0];
        if object.is_none() || !sup.object.is_none() {
            return Ok(receiver.clone());
        }
        bind_super(&sup.class, object)
    },
};

fn is_python_callable(value: &Value) -> bool {
    matches!(
        value.as_obj(),
        Some(PyObject::Function(_) | PyObject::BoundMethod(_) | PyObject::StaticMethod(_))
    )
}

/// Builtin bases whose value `__init__` fills in (rather than `__new__`).
/// The property `attribute` is: a property, or an instance of a subclass
/// of property that does not define `hook` (`__get__`, `__set__`,
/// `__delete__`) itself.
fn builtin_property(attribute: &Value, hook: Slot) -> Option<&PyProperty> {
    match attribute.as_obj()? {
        PyObject::Property(p) => Some(p),
        PyObject::Instance(instance) if !instance.class().defines(hook) => {
            match instance.base()?.as_obj()? {
                PyObject::Property(p) => Some(p),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether `base` (a subclass instance's builtin value) is a property,
/// staticmethod or classmethod.
pub(crate) fn is_builtin_descriptor(base: Option<&Value>) -> bool {
    matches!(
        base.and_then(Value::as_obj),
        Some(PyObject::Property(_) | PyObject::StaticMethod(_) | PyObject::ClassMethod(_))
    )
}

fn is_mutable_base(builtin: BuiltinType) -> bool {
    matches!(
        builtin,
        BuiltinType::List
            | BuiltinType::Dict
            | BuiltinType::Set
            | BuiltinType::Property
            | BuiltinType::StaticMethod
            | BuiltinType::ClassMethod
    )
}

/// What a [`Vm::super_method`] lookup was made for (with the name): the
/// object's class, the class the search starts after, and the class
/// epoch (a class made, or a function added or replaced in any class,
/// starts a new one, so the addresses name the same classes).
#[derive(Clone, Copy, PartialEq, Eq)]
struct SuperKey {
    object_class: usize,
    start: usize,
    epoch: u64,
}

/// Empties [`SUPER_CACHE`] (a full collection does, as with the class
/// lookup cache: the functions it holds would keep their classes alive).
pub(crate) fn clear_super_cache() {
    crate::typeobject::empty_cache(&SUPER_CACHE);
}

/// A remembered lookup: its key, the name, and the function found.
type SuperEntry = (SuperKey, Box<str>, Option<Value>);

const SUPER_CACHE_SIZE: usize = 256;

thread_local! {
    /// `super().method` lookups (`super().__init__(...)` in every
    /// `__init__` of a class hierarchy) by class pair and name: a hit
    /// skips the dict lookups along the MRO. Valid within an epoch.
    static SUPER_CACHE: std::cell::RefCell<Vec<Option<SuperEntry>>> =
        std::cell::RefCell::new((0..SUPER_CACHE_SIZE).map(|_| None).collect());
}

/// Whether calling `class` with no arguments makes a bare instance and
/// nothing else: a class made by class statements down to `object`, none
/// of which defines `__new__` or `__init__`, with no metaclass (whose
/// `__call__` could intervene) and nothing abstract. CALL then makes the
/// instance itself (what `instantiate` would do, without its lookups).
pub(crate) fn is_plain_class(class: &TypeObject) -> bool {
    class.heap
        && class.builtin.is_none()
        && class.exc.is_none()
        && class.metaclass.is_none()
        && !class.defines(Slot::New)
        && !class.defines(Slot::Init)
        && !class.abstract_methods_set.get()
        && class
            .mro
            .iter()
            .all(|t| t.heap || t.builtin == Some(BuiltinType::Object))
}
