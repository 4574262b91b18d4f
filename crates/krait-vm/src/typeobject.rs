//! Type objects: builtin types, the builtin exception hierarchy, and (later)
//! user classes all share [`TypeObject`], so `class MyError(ValueError)` and
//! `class MyList(list)` only need to add entries, never a new mechanism.
//!
//! Builtin types live in a per-thread registry (values are `Rc`, so the VM is
//! single-threaded) and are created on first use. Their attribute dict holds
//! the methods of the type's module as `MethodDescriptor` objects.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::builtins::function::{MethodDef, PyMethodDescriptor};
use crate::object::PyObject;
use crate::value::Value;

/// A class's `__name__` or `__qualname__`, which assignment may replace
/// (`A.__name__ = 'B'`). As with a function's code (`FunctionCode`):
/// readers get the text itself (`&str`, never a reference into the cell),
/// and a replaced text is kept alive while Python code runs
/// (`function::retire`), so a `&str` read before the assignment stays
/// valid.
pub struct ClassName(std::cell::UnsafeCell<Rc<str>>);

impl ClassName {
    /// Replaces the text (the caller checked it).
    pub fn replace(&self, text: &str) {
        // SAFETY: no reference into the cell is alive (readers borrow the
        // text, which the retired `Rc` keeps alive).
        let old = unsafe { std::mem::replace(&mut *self.0.get(), Rc::from(text)) };
        crate::builtins::function::retire(crate::builtins::function::Retired::Name(old));
    }
}

impl std::ops::Deref for ClassName {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: the cell is written only by `replace` (see there).
        unsafe { &*self.0.get() }
    }
}

impl<T: Into<Rc<str>>> From<T> for ClassName {
    fn from(text: T) -> ClassName {
        ClassName(std::cell::UnsafeCell::new(text.into()))
    }
}

impl std::fmt::Display for ClassName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl std::fmt::Debug for ClassName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl AsRef<str> for ClassName {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<str> for ClassName {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for ClassName {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

pub struct TypeObject {
    /// The object that is this type as a Python value, while any copy of
    /// it lives (`builtins::constructors::type_value`): `x.__class__`,
    /// `type(x)` give it without allocating, and identity holds.
    pub(crate) value: RefCell<std::rc::Weak<PyObject>>,
    /// `__name__` (assignable).
    pub name: ClassName,
    /// CPython's `tp_name` where it is not `name`: a declared native type
    /// of a module is named with it in messages (`'decimal.Decimal'
    /// object is not callable`), as CPython's C types are.
    pub tp_name: Option<Box<str>>,
    /// `__qualname__` (`Outer.Inner` for a nested class; assignable).
    pub qualname: ClassName,
    pub bases: Vec<Rc<TypeObject>>,
    /// Method resolution order without the type itself (C3 order).
    pub mro: Vec<Rc<TypeObject>>,
    /// Which builtin layout instances of this type carry.
    pub builtin: Option<BuiltinType>,
    /// Set on builtin exception types.
    pub exc: Option<ExcType>,
    /// The class namespace: methods and class attributes.
    pub dict: RefCell<ClassDict>,
    /// Whether a data descriptor (a `property`, a member of `__slots__`, a
    /// user descriptor with `__set__`) or a `__getattribute__` is on the
    /// class: if not, an instance attribute needs no class lookup.
    pub has_data_descriptors: std::cell::Cell<bool>,
    /// Made by a `class` statement (CPython's heap types), not built in.
    pub heap: bool,
    /// The attribute names its instances share, in the order they were
    /// first set (see `PyInstance`).
    pub instance_keys: RefCell<Vec<Value>>,
    /// Whether its instances have a `__dict__` (not when every class
    /// statement in the MRO gave `__slots__` without `"__dict__"`).
    pub instance_dict: bool,
    /// `type(cls)` when it is not `type` itself (`class C(metaclass=M)`).
    pub metaclass: Option<Rc<TypeObject>>,
    /// Classes made with this one among their bases (`__subclasses__()`,
    /// and where a dunder assigned to this class must be seen).
    pub subclasses: RefCell<Vec<std::rc::Weak<TypeObject>>>,
    /// Which dunders a class statement (this one or one in the MRO)
    /// defines: the type slots. Operations consult them before any lookup;
    /// kept true when a class attribute is set or deleted.
    pub slots: std::cell::Cell<Slots>,
    /// Whether `__abstractmethods__` was assigned to this very class
    /// (CPython's `Py_TPFLAGS_IS_ABSTRACT`, set by `abc.ABCMeta`; not
    /// inherited, and a class body defining the name does not set it):
    /// `object.__new__` then refuses to instantiate it if the value is
    /// true.
    pub abstract_methods_set: std::cell::Cell<bool>,
    /// Whether its instances can be weakly referenced (CPython's
    /// `tp_weaklistoffset`): classes made by statements unless their
    /// `__slots__` leave `__weakref__` out, modules, sets.
    pub instance_weakref: bool,
    /// The weak references to the class itself.
    pub weakrefs: crate::builtins::weakref::WeakRefList,
    /// What `__init__` resolved to, with the class epoch it was found in
    /// (see [`TypeObject::lookup_init`]).
    pub init_cache: RefCell<Option<(u64, Option<Value>)>>,
    /// Dunders looked up by [`TypeObject::lookup_slot`], with the class
    /// epoch each was found in (a class uses a few: a short list).
    pub(crate) slot_cache: RefCell<Vec<(Slot, u64, Option<Value>)>>,
    /// The `__dict__`/`__weakref__` descriptors its namespace view shows
    /// (`mappingproxy::introduced_descriptors`), made once so that each
    /// read gives the same object; they refer back to the class weakly.
    pub(crate) layout_descriptors: RefCell<Option<Vec<(&'static str, Value)>>>,
    /// While a cycle collection's analysis has the class in its set: its
    /// index there plus one (`crate::gc`); else 0.
    pub(crate) gc_mark: std::cell::Cell<u32>,
}

macro_rules! slot_names {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A dunder an operation looks for on a user class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Slot { $($variant),* }
        impl Slot {
            pub const ALL: &'static [Slot] = &[$(Slot::$variant),*];
            pub fn name(self) -> &'static str {
                match self { $(Slot::$variant => $name),* }
            }
            pub fn from_name(name: &str) -> Option<Slot> {
                match name { $($name => Some(Slot::$variant),)* _ => None }
            }
        }
    };
}

slot_names! {
    New => "__new__",
    Init => "__init__",
    Call => "__call__",
    GetAttribute => "__getattribute__",
    GetAttr => "__getattr__",
    SetAttr => "__setattr__",
    DelAttr => "__delattr__",
    Get => "__get__",
    Set => "__set__",
    Delete => "__delete__",
    SetName => "__set_name__",
    Slots => "__slots__",
    Repr => "__repr__",
    Str => "__str__",
    Format => "__format__",
    Hash => "__hash__",
    Eq => "__eq__",
    Ne => "__ne__",
    Bool => "__bool__",
    Len => "__len__",
    Iter => "__iter__",
    Next => "__next__",
    Contains => "__contains__",
    GetItem => "__getitem__",
    SetItem => "__setitem__",
    DelItem => "__delitem__",
    Index => "__index__",
    InstanceCheck => "__instancecheck__",
    SubclassCheck => "__subclasscheck__",
    Del => "__del__",
    // Not a type slot: a class attribute named `__class__` (a property
    // that lets instances claim another class to `isinstance`).
    ClassAttribute => "__class__",
    // Not one name: any binary operator's dunder (`__add__`, `__radd__`,
    // `__iadd__`... see `is_binary_operator_name`), set by `Slots::of_dict`.
    BinaryOperators => "<binary operators>",
    // Not one name: `__lt__`, `__le__`, `__gt__` or `__ge__`.
    Ordering => "<ordering>",
}

/// Whether `name` is an ordering comparison's method (`__lt__`, `__le__`,
/// `__gt__`, `__ge__`).
pub fn is_ordering_name(name: &str) -> bool {
    matches!(name, "__lt__" | "__le__" | "__gt__" | "__ge__")
}

/// Whether `name` is a binary operator's method, forward, reflected or
/// in place (`__add__`, `__rsub__`, `__ior__`): what BINARY_OP asks an
/// instance's class for.
pub fn is_binary_operator_name(name: &str) -> bool {
    const OPERATORS: [&str; 13] = [
        "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "lshift", "rshift",
        "and", "or", "xor",
    ];
    let Some(core) = name.strip_prefix("__").and_then(|n| n.strip_suffix("__")) else {
        return false;
    };
    let is_operator = |n: &str| OPERATORS.contains(&n);
    is_operator(core)
        || core.strip_prefix('r').is_some_and(is_operator)
        || core.strip_prefix('i').is_some_and(is_operator)
}

/// The set of [`Slot`]s a class defines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Slots(u64);

impl Slots {
    pub fn has(self, slot: Slot) -> bool {
        self.0 & (1 << slot as u8) != 0
    }

    fn with(self, slot: Slot) -> Slots {
        Slots(self.0 | (1 << slot as u8))
    }

    /// The slots a namespace defines.
    fn of_dict(dict: &ClassDict) -> Slots {
        let mut slots = Slots::default();
        for k in dict
            .keys()
            .filter(|k| !dict.get(&***k).is_some_and(is_builtin_slot_wrapper_of(k)))
        {
            if let Some(slot) = Slot::from_name(k) {
                slots = slots.with(slot);
            }
            if is_binary_operator_name(k) {
                slots = slots.with(Slot::BinaryOperators);
            }
            if is_ordering_name(k) {
                slots = slots.with(Slot::Ordering);
            }
        }
        if slots.has(Slot::Del) {
            crate::interpreter::finalize::note_class_with_del();
        }
        slots
    }
}

/// Whether a class's `name` attribute is a builtin type's own slot
/// wrapper of that name (`__add__ = str.__add__`): the class then keeps
/// its builtin base's behaviour for the slot, as CPython reuses the base's
/// C function when a slot's descriptor wraps it.
fn is_builtin_slot_wrapper_of(name: &str) -> impl Fn(&Value) -> bool + '_ {
    move |value| match value.as_obj() {
        Some(PyObject::MethodDescriptor(m)) => {
            m.bound.is_none()
                && crate::interpreter::dunder::slot_wrapper_def(name)
                    .is_some_and(|def| std::ptr::eq(def, m.def))
        }
        _ => false,
    }
}

impl TypeObject {
    /// `cls.__module__`: what the class body stored (the defining module's
    /// `__name__`) for classes, what a native type declares, else
    /// `builtins`.
    pub fn module_name(&self) -> String {
        // Classes store it; native types of modules declare it (`_io`).
        match self
            .dict
            .borrow()
            .get("__module__")
            .and_then(|m| m.as_str_or_subclass())
        {
            Some(module) => module.as_str().to_string(),
            None if self.heap => "__main__".to_string(),
            None => "builtins".to_string(),
        }
    }

    /// The class's name as reprs and tracebacks show it: `qualname`,
    /// prefixed by its module unless that is `builtins` (`helper.Point`,
    /// `__main__.Point`).
    pub fn qualified_name(&self) -> String {
        let module = self.module_name();
        if module == "builtins" {
            self.qualname.to_string()
        } else {
            format!("{module}.{}", self.qualname)
        }
    }

    /// `issubclass(self, other)`.
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|t| std::ptr::eq(&**t, other))
    }

    /// Whether a class statement in this type's MRO defines `slot`.
    #[inline]
    pub fn defines(&self, slot: Slot) -> bool {
        self.slots.get().has(slot)
    }

    /// Recomputes the slots of this class and of every class below it:
    /// after a dunder is assigned to or deleted from a class.
    pub fn refresh_slots(&self) {
        let mut slots = if self.heap {
            Slots::of_dict(&self.dict.borrow())
        } else {
            Slots::default()
        };
        for base in &self.mro {
            if base.heap {
                slots = Slots(slots.0 | Slots::of_dict(&base.dict.borrow()).0);
            } else {
                // A declared native type's own (builtin types have none).
                slots = Slots(slots.0 | base.slots.get().0);
            }
        }
        self.slots.set(slots);
        if slots.has(Slot::GetAttribute) {
            self.has_data_descriptors.set(true);
        }
        let below: Vec<Rc<TypeObject>> = self
            .subclasses
            .borrow()
            .iter()
            .filter_map(std::rc::Weak::upgrade)
            .collect();
        for class in below {
            class.refresh_slots();
        }
    }

    /// Notes that a data descriptor now lives on this class: instance
    /// attribute reads of it and of every class below it consult the
    /// class first.
    pub fn note_data_descriptor(&self) {
        self.has_data_descriptors.set(true);
        for class in self.live_subclasses() {
            class.note_data_descriptor();
        }
    }

    /// Records `class` as made with this one among its bases. Dead
    /// entries are dropped whenever the list doubles, so a program making
    /// classes in a loop does not grow it without bound.
    pub fn add_subclass(&self, class: &Rc<TypeObject>) {
        let mut list = self.subclasses.borrow_mut();
        if list.len() >= 8 && list.len().is_power_of_two() {
            list.retain(|w| w.strong_count() > 0);
        }
        list.push(Rc::downgrade(class));
    }

    /// What the cycle collector follows from a class: its namespace's
    /// values, the `__init__` it remembers, its instances' shared keys,
    /// its bases, MRO and metaclass (each `Rc` it holds, once).
    pub(crate) fn traverse_for_collector(&self, visit: &mut dyn FnMut(crate::gc::Reference)) {
        use crate::gc::Reference;
        if let Ok(dict) = self.dict.try_borrow() {
            dict.values()
                .for_each(|value| visit(Reference::Value(value)));
        }
        if let Ok(init) = self.init_cache.try_borrow()
            && let Some((_, Some(init))) = &*init
        {
            visit(Reference::Value(init));
        }
        if let Ok(cache) = self.slot_cache.try_borrow() {
            for (_, _, found) in cache.iter() {
                if let Some(found) = found {
                    visit(Reference::Value(found));
                }
            }
        }
        if let Ok(keys) = self.instance_keys.try_borrow() {
            keys.iter().for_each(|key| visit(Reference::Value(key)));
        }
        for class in self.bases.iter().chain(&self.mro).chain(&self.metaclass) {
            visit(Reference::Class(class));
        }
    }

    /// Lets go of the namespace (CPython's `type_clear`): the collector
    /// breaking a cycle through a class.
    pub(crate) fn clear_for_collector(&self) {
        let dict = self
            .dict
            .try_borrow_mut()
            .map(|mut dict| std::mem::take(&mut *dict));
        let init = self.init_cache.try_borrow_mut().map(|mut init| init.take());
        let slots = self
            .slot_cache
            .try_borrow_mut()
            .map(|mut cache| std::mem::take(&mut *cache));
        classes_changed();
        drop((dict, init, slots));
    }

    /// The live classes made with this one among their bases.
    pub fn live_subclasses(&self) -> Vec<Rc<TypeObject>> {
        let mut list = self.subclasses.borrow_mut();
        list.retain(|w| w.strong_count() > 0);
        list.iter().filter_map(std::rc::Weak::upgrade).collect()
    }

    /// `type(self)`: the metaclass, `type` unless a class statement chose another.
    pub fn class(&self) -> Rc<TypeObject> {
        self.metaclass
            .clone()
            .unwrap_or_else(|| builtin_type(BuiltinType::Type))
    }

    /// Whether an instance's own attribute `name` is read and written as
    /// it is stored even though the class has data descriptors
    /// ([`TypeObject::has_data_descriptors`]): no `__getattribute__` of a
    /// class statement's and no data descriptor of that name along the
    /// MRO. The answer holds while [`class_epoch`] stays, so caches keyed
    /// by class and epoch may rely on it ([`class_attribute_changed`] ends
    /// the epoch when a data descriptor comes or goes).
    pub fn own_attribute_plain(&self, name: &str) -> bool {
        !self.defines(Slot::GetAttribute)
            && !self.lookup(name).is_some_and(|v| is_data_descriptor(&v))
    }

    /// Look an attribute up along the MRO, through the lookup cache.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let class = self as *const TypeObject as usize;
        let hash = name_hash(name);
        let epoch = class_epoch();
        let slot = ((hash ^ (class as u64 >> 4)) as usize) & (LOOKUP_CACHE_SIZE - 1);
        let cached = LOOKUP_CACHE.try_with(|cache| {
            let cache = cache.borrow();
            match &cache[slot] {
                Some(entry)
                    if entry.class == class
                        && entry.epoch == epoch
                        && entry.hash == hash
                        && *entry.name == *name =>
                {
                    Some(match entry.found {
                        Found::Value(ref value) => Found::Value(value.clone()),
                        Found::At(depth, index) => Found::At(depth, index),
                    })
                }
                _ => None,
            }
        });
        match cached {
            Ok(Some(Found::Value(found))) => return found,
            Ok(Some(Found::At(depth, index))) => {
                if let Some(found) =
                    self.read_attribute_at(depth as usize, index as usize, |v| Some(v.clone()))
                {
                    return Some(found);
                }
            }
            _ => {}
        }
        // What a namespace change always reports (see
        // `class_attribute_changed`: absences, and values of the kinds that
        // stay their kind) is kept as found; any other value by its place,
        // which stays the name's for the epoch (`Counter.count += 1`
        // replaces the value there without starting a new one).
        let (found, entry) = match self.attribute_location(name, |v| Some(v.clone())) {
            None => (None, Found::Value(None)),
            Some((_, _, value)) if is_method_kind(&value) => {
                (Some(value.clone()), Found::Value(Some(value)))
            }
            Some((depth, index, value)) => match (u32::try_from(depth), u32::try_from(index)) {
                (Ok(depth), Ok(index)) => (Some(value), Found::At(depth, index)),
                _ => return Some(value),
            },
        };
        let _ = LOOKUP_CACHE.try_with(|cache| {
            let old = cache.borrow_mut()[slot].replace(LookupEntry {
                class,
                epoch,
                hash,
                name: Box::from(name),
                found: entry,
            });
            drop(old);
        });
        found
    }

    /// `lookup(slot.name())`, remembered in the class while the class
    /// epoch lasts (no name hashed and compared per `obj[i]` of a class
    /// with `__getitem__`). As the shared cache, only what a namespace
    /// change always reports is kept: absences, functions and builtin
    /// methods.
    pub fn lookup_slot(&self, slot: Slot) -> Option<Value> {
        let epoch = class_epoch();
        if let Ok(cache) = self.slot_cache.try_borrow()
            && let Some((_, cached_epoch, found)) = cache.iter().find(|(s, _, _)| *s == slot)
            && *cached_epoch == epoch
        {
            return found.clone();
        }
        let found = self.lookup(slot.name());
        // (A staticmethod cannot be given another function: `__new__`.)
        let cacheable = match &found {
            None => true,
            Some(value) => matches!(
                value.as_obj(),
                Some(
                    PyObject::Function(_)
                        | PyObject::MethodDescriptor(_)
                        | PyObject::StaticMethod(_)
                )
            ),
        };
        if cacheable && let Ok(mut cache) = self.slot_cache.try_borrow_mut() {
            let entry = (slot, epoch, found.clone());
            match cache.iter_mut().find(|(s, _, _)| *s == slot) {
                Some(old) => *old = entry,
                None => cache.push(entry),
            }
        }
        found
    }

    /// `lookup("__init__")` for calls of the class, remembered in the class
    /// itself while the class epoch lasts (no name hashing per
    /// instantiation). As the shared cache, only what a namespace change
    /// always reports is kept: absences and functions.
    pub fn lookup_init(&self) -> Option<Value> {
        let epoch = class_epoch();
        if let Some((cached_epoch, init)) = &*self.init_cache.borrow()
            && *cached_epoch == epoch
        {
            return init.clone();
        }
        let init = self.lookup("__init__");
        let cacheable = match &init {
            None => true,
            Some(value) => matches!(
                value.as_obj(),
                Some(PyObject::Function(_) | PyObject::MethodDescriptor(_))
            ),
        };
        if cacheable {
            *self.init_cache.borrow_mut() = Some((epoch, init.clone()));
        }
        init
    }

    /// Where `name` is first found on this class's MRO: the class (0 for
    /// this one, `d` for `mro[d - 1]`) and the entry's index in that
    /// namespace, with what `found` makes of the value there (`None` when it
    /// makes nothing). Within one class epoch the entry stays the name's
    /// (adding or deleting a class attribute starts a new epoch) while its
    /// value may be replaced by another (`Counter.count += 1`): readers
    /// re-read it with [`TypeObject::read_attribute_at`].
    pub fn attribute_location<R>(
        &self,
        name: &str,
        found: impl FnOnce(&Value) -> Option<R>,
    ) -> Option<(usize, usize, R)> {
        let (depth, class) = std::iter::once(self)
            .chain(self.mro.iter().map(|t| &**t))
            .enumerate()
            .find(|(_, t)| t.dict.borrow().contains_key(name))?;
        let dict = class.dict.borrow();
        let (index, _, value) = dict.get_full(name)?;
        Some((depth, index, found(value)?))
    }

    /// What `read` makes of the value at a location that
    /// [`TypeObject::attribute_location`] gave.
    #[inline]
    pub fn read_attribute_at<R>(
        &self,
        depth: usize,
        index: usize,
        read: impl FnOnce(&Value) -> Option<R>,
    ) -> Option<R> {
        let class = if depth == 0 {
            self
        } else {
            &**self.mro.get(depth - 1)?
        };
        let dict = class.dict.borrow();
        let (_, value) = dict.get_index(index)?;
        read(value)
    }

    pub fn is_exception_type(&self) -> bool {
        self.is_subtype(&exc_type(ExcType::BaseException))
    }

    fn new_builtin(
        name: &str,
        bases: Vec<Rc<TypeObject>>,
        builtin: Option<BuiltinType>,
        exc: Option<ExcType>,
        methods: &'static [MethodDef],
    ) -> TypeObject {
        // Builtin hierarchies are single-inheritance chains: the MRO is the
        // base followed by the base's MRO.
        let mut mro = Vec::new();
        if let Some(b) = bases.first() {
            mro.push(b.clone());
            mro.extend(b.mro.iter().cloned());
        }
        let dict = methods
            .iter()
            .map(|m| {
                (
                    Box::from(m.name),
                    Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
                        def: m,
                        bound: None,
                    })),
                )
            })
            .collect();
        TypeObject {
            tp_name: None,
            name: name.into(),
            qualname: name.into(),
            bases,
            mro,
            builtin,
            exc,
            dict: RefCell::new(dict),
            has_data_descriptors: std::cell::Cell::new(false),
            heap: false,
            instance_keys: RefCell::new(Vec::new()),
            instance_dict: true,
            metaclass: None,
            subclasses: RefCell::new(Vec::new()),
            slots: std::cell::Cell::new(Slots::default()),
            abstract_methods_set: std::cell::Cell::new(false),
            instance_weakref: false,
            weakrefs: Default::default(),
            init_cache: RefCell::new(None),
            slot_cache: RefCell::new(Vec::new()),
            layout_descriptors: RefCell::new(None),
            gc_mark: std::cell::Cell::new(0),
            value: RefCell::new(std::rc::Weak::new()),
        }
    }

    /// A type declared outside the VM's own kinds (see `native`): `object`
    /// as its base, `methods` in its namespace, its slots from them.
    pub(crate) fn new_native(name: &str, methods: &'static [MethodDef]) -> TypeObject {
        let object = builtin_type(BuiltinType::Object);
        let mut class = TypeObject::new_builtin(name, vec![object], None, None, methods);
        class.slots = std::cell::Cell::new(Slots::of_dict(&class.dict.borrow()));
        class
    }

    /// A class made by a `class` statement: its MRO is the C3 linearization
    /// of its bases; it inherits the instance layout of its builtin base.
    pub fn new_class(
        name: &str,
        bases: Vec<Rc<TypeObject>>,
        dict: ClassDict,
    ) -> Result<TypeObject, String> {
        let bases = if bases.is_empty() {
            vec![builtin_type(BuiltinType::Object)]
        } else {
            bases
        };
        let mut dict = dict;
        // The class body's __qualname__ becomes the type's, not an attribute.
        let qualname: Box<str> = dict
            .shift_remove("__qualname__")
            .and_then(|q| q.as_str_or_subclass().map(|s| Box::from(s.as_str())))
            .unwrap_or_else(|| Box::from(name));
        // A class that defines __eq__ without __hash__ is unhashable.
        if dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
            dict.insert(Box::from("__hash__"), Value::None);
        }
        let mro = c3_linearization(&bases)?;
        let builtin = mro
            .iter()
            .find_map(|t| t.builtin.filter(|b| *b != BuiltinType::Object));
        let exc = mro.iter().find_map(|t| t.exc);
        let has_data_descriptors = Slots::of_dict(&dict).has(Slot::GetAttribute)
            || dict.values().any(is_data_descriptor)
            // Only classes made by statements (a builtin type's flag says
            // something about its own instances, like `object()`'s).
            || mro.iter().filter(|t| t.heap).any(|t| {
                t.has_data_descriptors.get() || t.dict.borrow().values().any(is_data_descriptor)
            });
        // Builtin types have no slots; declared native types have theirs.
        let slots = mro
            .iter()
            .fold(Slots::of_dict(&dict), |s, t| Slots(s.0 | t.slots.get().0));
        classes_changed();
        Ok(TypeObject {
            tp_name: None,
            name: name.into(),
            qualname: qualname.into(),
            bases,
            mro,
            builtin,
            exc,
            dict: RefCell::new(dict),
            has_data_descriptors: std::cell::Cell::new(has_data_descriptors),
            heap: true,
            instance_keys: RefCell::new(Vec::new()),
            instance_dict: true,
            metaclass: None,
            subclasses: RefCell::new(Vec::new()),
            slots: std::cell::Cell::new(slots),
            abstract_methods_set: std::cell::Cell::new(false),
            instance_weakref: false,
            weakrefs: Default::default(),
            init_cache: RefCell::new(None),
            slot_cache: RefCell::new(Vec::new()),
            layout_descriptors: RefCell::new(None),
            gc_mark: std::cell::Cell::new(0),
            value: RefCell::new(std::rc::Weak::new()),
        })
    }
}

thread_local! {
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// What `TypeObject::lookup` found, by class, name and epoch (CPython's
    /// type attribute cache): a hit skips the walk along the MRO, each
    /// step of which hashes the name again.
    static LOOKUP_CACHE: RefCell<Vec<Option<LookupEntry>>> =
        RefCell::new((0..LOOKUP_CACHE_SIZE).map(|_| None).collect());
}

const LOOKUP_CACHE_SIZE: usize = 1024;

/// One remembered lookup: valid while the epoch it was made in lasts.
struct LookupEntry {
    class: usize,
    epoch: u64,
    hash: u64,
    name: Box<str>,
    found: Found,
}

/// What a cached lookup gives: the value (or its absence) itself, or the
/// place along the MRO (depth, index in that namespace) to read it from.
enum Found {
    Value(Option<Value>),
    At(u32, u32),
}

fn name_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = NameHasher::default();
    hasher.write(name.as_bytes());
    hasher.finish()
}

/// A number that changes whenever a class is created or a class namespace
/// changes in a way that can make a name resolve differently: lookups
/// cached under one epoch are valid while it lasts.
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}

/// Invalidates every lookup cached under the current [`class_epoch`].
pub fn classes_changed() {
    // At thread exit the epoch may already be gone: nothing is cached then.
    let _ = CLASS_EPOCH.try_with(|e| e.set(e.get().wrapping_add(1)));
}

/// Empties the lookup cache (a full collection does): the methods it
/// holds would keep the classes they belong to alive.
pub(crate) fn clear_lookup_cache() {
    empty_cache(&LOOKUP_CACHE);
}

/// Empties a thread's cache of entries, dropping them after its borrow
/// ends (an entry's value may be the last reference to an object whose
/// drop looks at the cache).
pub(crate) fn empty_cache<T: 'static>(
    cache: &'static std::thread::LocalKey<RefCell<Vec<Option<T>>>>,
) {
    let entries = cache.try_with(|cache| {
        cache
            .try_borrow_mut()
            .map(|mut cache| {
                cache
                    .iter_mut()
                    .filter_map(Option::take)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    drop(entries);
}

/// A type object that goes away ends the epoch: caches key classes by
/// address, and a type made later at the same address must not match.
impl Drop for TypeObject {
    fn drop(&mut self) {
        classes_changed();
    }
}

/// A class attribute read through an instance or the class exactly as it
/// is stored: a value of a builtin type with no `__get__` (numbers, strings,
/// bytes, containers, None...). Functions, descriptors, classes and
/// instances of user classes are not: what reading them gives depends on
/// more than the stored value.
pub fn is_plain_class_value(value: &Value) -> bool {
    match value {
        Value::Obj(object) => matches!(
            &**object,
            PyObject::Str(_)
                | PyObject::Int(_)
                | PyObject::Complex(_)
                | PyObject::List(_)
                | PyObject::Tuple(_)
                | PyObject::Dict(_)
                | PyObject::Set(_)
                | PyObject::FrozenSet(_)
                | PyObject::Range(_)
                | PyObject::Slice(_)
                | PyObject::Bytes(_)
        ),
        Value::Null => false,
        _ => true,
    }
}

/// Records `dict[name] = new` on a class namespace for the lookup caches.
/// Caches only hold methods (functions and builtin method descriptors) and
/// the knowledge that a name is no data descriptor
/// ([`TypeObject::own_attribute_plain`]), so replacing a plain value with
/// a plain value (`Counter.count += 1`) keeps them valid; anything else
/// invalidates them.
pub fn class_attribute_changed(old: Option<&Value>, new: Option<&Value>) {
    match (old, new) {
        (Some(old), Some(new)) if !always_reported(old) && !always_reported(new) => {}
        _ => classes_changed(),
    }
}

/// The class attributes whose replacement starts a new epoch: those
/// lookups cache ([`is_method_kind`]) and data descriptors.
fn always_reported(value: &Value) -> bool {
    is_method_kind(value) || is_data_descriptor(value)
}

/// Functions, builtin methods, static and class methods (`__new__`,
/// alternative constructors) and properties: kinds an object never
/// leaves, which lookups may cache.
fn is_method_kind(value: &Value) -> bool {
    matches!(
        value.as_obj(),
        Some(
            PyObject::Function(_)
                | PyObject::MethodDescriptor(_)
                | PyObject::StaticMethod(_)
                | PyObject::ClassMethod(_)
                | PyObject::Property(_)
        )
    )
}

/// The namespace of a class: attribute names to values, hashed with a fast
/// non-cryptographic hash (names are not attacker-chosen keys of a
/// long-lived table, and lookups are on the hot path of attribute access).
pub type ClassDict = IndexMap<Box<str>, Value, std::hash::BuildHasherDefault<NameHasher>>;

/// A multiply-rotate hash of attribute names that takes eight bytes per
/// step (as rustc's FxHash does): FNV-1a's byte-at-a-time chain of
/// multiplies was most of the cost of a cached class lookup for names
/// like `__getattribute__`.
#[derive(Default)]
pub struct NameHasher(u64);

/// [`NameHasher`] for std's hash maps and sets of names.
pub type NameHashing = std::hash::BuildHasherDefault<NameHasher>;

impl NameHasher {
    const MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::MULTIPLIER);
    }
}

impl std::hash::Hasher for NameHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply carries entropy upwards only: fold the high half
        // into the low bits, which pick the bucket or the cache slot.
        self.0 ^ (self.0 >> 32)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.mix(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        let len = rest.len();
        // The last one to seven bytes in one word, read without a copy
        // (a variable-length copy is a call to memcpy): two overlapping
        // four-byte reads, or the first, middle and last bytes. For a
        // given length each covers every byte; the length goes in too.
        let word = match len {
            0 => return,
            4.. => {
                let first = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
                let last = u32::from_le_bytes(rest[len - 4..].try_into().expect("four bytes"));
                first as u64 | (last as u64) << 32
            }
            _ => rest[0] as u64 | (rest[len / 2] as u64) << 8 | (rest[len - 1] as u64) << 16,
        };
        self.mix(word ^ (len as u64) << 59);
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.mix(byte as u64);
    }
}

/// Data descriptors take precedence over instance attributes: `property`,
/// and objects whose class defines `__set__` or `__delete__`.
pub fn is_data_descriptor(value: &Value) -> bool {
    match value.as_obj() {
        Some(PyObject::Property(_)) => true,
        Some(PyObject::Instance(i)) => {
            descriptor_slots(i.class())
                || matches!(
                    i.base().and_then(Value::as_obj),
                    Some(PyObject::Property(_))
                )
        }
        Some(PyObject::Native(n)) => descriptor_slots(&n.class),
        _ => false,
    }
}

fn descriptor_slots(class: &TypeObject) -> bool {
    class.defines(Slot::Set) || class.defines(Slot::Delete)
}

/// C3 linearization of the bases' MROs (the class itself excluded), with
/// CPython's error when no consistent order exists.
fn c3_linearization(bases: &[Rc<TypeObject>]) -> Result<Vec<Rc<TypeObject>>, String> {
    let mut sequences: Vec<Vec<Rc<TypeObject>>> = bases
        .iter()
        .map(|b| {
            let mut seq = vec![b.clone()];
            seq.extend(b.mro.iter().cloned());
            seq
        })
        .collect();
    sequences.push(bases.to_vec());
    let mut result: Vec<Rc<TypeObject>> = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences.iter().map(|s| s[0].clone()).find(|head| {
            !sequences
                .iter()
                .any(|s| s[1..].iter().any(|t| Rc::ptr_eq(t, head)))
        });
        let Some(next) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(format!(
                // CPython's message has this line break in it.
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in &mut sequences {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        result.push(next);
    }
}

macro_rules! builtin_types {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// The builtin (non-exception) types with a native layout.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum BuiltinType { $($variant),* }
        impl BuiltinType {
            pub const ALL: &'static [BuiltinType] = &[$(BuiltinType::$variant),*];
            pub fn name(self) -> &'static str {
                match self { $(BuiltinType::$variant => $name),* }
            }
        }
    };
}

builtin_types! {
    Object => "object",
    Type => "type",
    NoneType => "NoneType",
    NotImplementedType => "NotImplementedType",
    Ellipsis => "ellipsis",
    Int => "int",
    Bool => "bool",
    Float => "float",
    Complex => "complex",
    Str => "str",
    List => "list",
    Tuple => "tuple",
    Dict => "dict",
    DictKeys => "dict_keys",
    DictValues => "dict_values",
    DictItems => "dict_items",
    Set => "set",
    FrozenSet => "frozenset",
    Range => "range",
    Slice => "slice",
    Bytes => "bytes",
    BuiltinFunction => "builtin_function_or_method",
    MethodDescriptor => "method_descriptor",
    Function => "function",
    Code => "code",
    Cell => "cell",
    Method => "method",
    Generator => "generator",
    Coroutine => "coroutine",
    AsyncGenerator => "async_generator",
    Property => "property",
    StaticMethod => "staticmethod",
    ClassMethod => "classmethod",
    Super => "super",
    Module => "module",
}

macro_rules! exception_types {
    ($($variant:ident : $parent:ident),* $(,)?) => {
        /// CPython's builtin exception hierarchy (3.11).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcType { BaseException, $($variant),* }
        impl ExcType {
            pub const ALL: &'static [ExcType] = &[ExcType::BaseException, $(ExcType::$variant),*];
            pub fn name(self) -> &'static str {
                match self {
                    ExcType::BaseException => "BaseException",
                    $(ExcType::$variant => stringify!($variant)),*
                }
            }
            pub fn parent(self) -> Option<ExcType> {
                match self {
                    ExcType::BaseException => None,
                    $(ExcType::$variant => Some(ExcType::$parent)),*
                }
            }
        }
    };
}

// Listed parents-first so the registry can build each type from its parent.
exception_types! {
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    IsADirectoryError: OSError,
    InterruptedError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UserWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

struct Registry {
    types: Vec<Rc<TypeObject>>,
    excs: Vec<Rc<TypeObject>>,
    /// Types without a `BuiltinType` entry (iterator kinds), by name.
    others: RefCell<HashMap<&'static str, Rc<TypeObject>>>,
}

impl Registry {
    fn new() -> Registry {
        // `object()` instances have no __dict__.
        let mut object =
            TypeObject::new_builtin("object", vec![], Some(BuiltinType::Object), None, &[]);
        object.instance_dict = false;
        // ... so a store into an `object()` takes the checked path.
        object.has_data_descriptors.set(true);
        let object = Rc::new(object);
        let mut types: Vec<Rc<TypeObject>> = Vec::with_capacity(BuiltinType::ALL.len());
        for &t in BuiltinType::ALL {
            let ty = match t {
                BuiltinType::Object => object.clone(),
                BuiltinType::Bool => {
                    let int = types[BuiltinType::Int as usize].clone();
                    Rc::new(TypeObject::new_builtin(
                        t.name(),
                        vec![int],
                        Some(t),
                        None,
                        crate::builtins::methods_of(t),
                    ))
                }
                _ => {
                    let mut ty = TypeObject::new_builtin(
                        t.name(),
                        vec![object.clone()],
                        Some(t),
                        None,
                        crate::builtins::methods_of(t),
                    );
                    // Modules are instances; a class deriving from set
                    // inherits its weak-reference list, as in CPython.
                    ty.instance_weakref = matches!(
                        t,
                        BuiltinType::Module | BuiltinType::Set | BuiltinType::FrozenSet
                    );
                    if t == BuiltinType::Range {
                        // A range beyond i64 is a native value of this type:
                        // its operations go through these slots.
                        ty.slots = std::cell::Cell::new(Slots::of_dict(&ty.dict.borrow()));
                    }
                    Rc::new(ty)
                }
            };
            types.push(ty);
        }
        let mut excs: Vec<Rc<TypeObject>> = Vec::with_capacity(ExcType::ALL.len());
        for &e in ExcType::ALL {
            let base = match e.parent() {
                Some(p) => excs[p as usize].clone(),
                None => object.clone(),
            };
            excs.push(Rc::new(TypeObject::new_builtin(
                e.name(),
                vec![base],
                None,
                Some(e),
                crate::builtins::exception::METHODS,
            )));
        }
        // Every instantiable builtin type offers the builtin __new__.
        for &t in BuiltinType::ALL {
            if crate::interpreter::types::subclassable(t) {
                let new = crate::interpreter::types::builtin_new(&types[t as usize]);
                types[t as usize]
                    .dict
                    .borrow_mut()
                    .insert(Box::from("__new__"), new);
            }
        }
        for &t in BuiltinType::ALL {
            let functions = crate::builtins::class_functions(t);
            let mut dict = types[t as usize].dict.borrow_mut();
            for (name, function) in functions {
                dict.insert(Box::from(name), function);
            }
        }
        // Each builtin exception type has its own `__new__`, as in CPython
        // (`ValueError.__new__.__qualname__`, its messages name the type).
        for exception in &excs {
            let new = crate::interpreter::types::builtin_new(exception);
            exception
                .dict
                .borrow_mut()
                .insert(Box::from("__new__"), new);
            // `__str__` and `__repr__` where CPython's types define them
            // (`Exception.__str__(key_error)` does not quote the key).
            let kind = exception.exc.expect("an exception type");
            for &(name, def) in crate::builtins::exception::own_text_methods(kind) {
                exception.dict.borrow_mut().insert(
                    Box::from(name),
                    Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
                        def,
                        bound: None,
                    })),
                );
            }
        }
        types[BuiltinType::Type as usize].dict.borrow_mut().insert(
            Box::from("__call__"),
            Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
                def: &crate::interpreter::types::TYPE_CALL,
                bound: None,
            })),
        );
        types[BuiltinType::Type as usize].dict.borrow_mut().insert(
            Box::from("__init__"),
            Value::obj(PyObject::MethodDescriptor(PyMethodDescriptor {
                def: &crate::interpreter::types::TYPE_INIT,
                bound: None,
            })),
        );
        Registry {
            types,
            excs,
            others: RefCell::new(HashMap::new()),
        }
    }
}

thread_local! {
    static REGISTRY: Registry = Registry::new();
}

/// The type object of a builtin type.
pub fn builtin_type(t: BuiltinType) -> Rc<TypeObject> {
    REGISTRY.with(|r| r.types[t as usize].clone())
}

/// The type object of a builtin exception.
pub fn exc_type(e: ExcType) -> Rc<TypeObject> {
    REGISTRY.with(|r| r.excs[e as usize].clone())
}

/// The builtin types and exceptions with `class` among their bases
/// (`Exception.__subclasses__()` lists `TypeError`...), in the registry's
/// order.
pub fn builtin_subclasses_of(class: &TypeObject) -> Vec<Rc<TypeObject>> {
    REGISTRY.with(|r| {
        r.types
            .iter()
            .chain(r.excs.iter())
            .filter(|t| t.bases.iter().any(|b| std::ptr::eq(&**b, class)))
            .cloned()
            .collect()
    })
}

/// Find a builtin exception type by its Python name.
pub fn exc_type_by_name(name: &str) -> Option<ExcType> {
    ExcType::ALL.iter().copied().find(|e| e.name() == name)
}

/// A methodless builtin type known only by name (iterator kinds...).
pub fn other_type(name: &'static str) -> Rc<TypeObject> {
    other_type_with_methods(name, &[])
}

/// A builtin type known by name whose instances carry a `__dict__`, with
/// the methods of `methods` (`ModuleSpec`): made once per thread.
pub fn other_type_with_methods(
    name: &'static str,
    methods: &'static [crate::builtins::function::MethodDef],
) -> Rc<TypeObject> {
    REGISTRY.with(|r| {
        r.others
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                // The iterator types (`map`...) declare methods a subclass
                // inherits, and answer through their slots as native types do.
                let own = crate::builtins::constructors::other_type_methods(name);
                let methods = if methods.is_empty() { own } else { methods };
                let class = TypeObject::new_builtin(
                    name,
                    vec![r.types[BuiltinType::Object as usize].clone()],
                    None,
                    None,
                    methods,
                );
                if !own.is_empty() {
                    class.slots.set(Slots::of_dict(&class.dict.borrow()));
                }
                Rc::new(class)
            })
            .clone()
    })
}

/// `type(v)`.
pub fn class_of(v: &Value) -> Rc<TypeObject> {
    let t = match v {
        Value::None => BuiltinType::NoneType,
        Value::Bool(_) => BuiltinType::Bool,
        Value::Int(_) => BuiltinType::Int,
        Value::Float(_) => BuiltinType::Float,
        Value::NotImplemented => BuiltinType::NotImplementedType,
        Value::Ellipsis => BuiltinType::Ellipsis,
        Value::Null => BuiltinType::NoneType,
        Value::Obj(o) => match &**o {
            PyObject::Str(_) => BuiltinType::Str,
            PyObject::Int(_) => BuiltinType::Int,
            PyObject::Complex(_) => BuiltinType::Complex,
            PyObject::List(_) => BuiltinType::List,
            PyObject::Tuple(_) => BuiltinType::Tuple,
            PyObject::Dict(_) => BuiltinType::Dict,
            PyObject::DictView(v) => v.kind.builtin_type(),
            PyObject::Set(_) => BuiltinType::Set,
            PyObject::FrozenSet(_) => BuiltinType::FrozenSet,
            PyObject::Range(_) => BuiltinType::Range,
            PyObject::Slice(_) => BuiltinType::Slice,
            PyObject::Bytes(_) => BuiltinType::Bytes,
            PyObject::Type(t) => return t.class(),
            PyObject::Exception(e) => return e.class.clone(),
            PyObject::Iterator(it) => {
                let methods: &'static [crate::builtins::function::MethodDef] =
                    if it.has_length_hint() {
                        crate::builtins::iter::CONTAINER_ITERATOR_METHODS
                    } else {
                        &[]
                    };
                return other_type_with_methods(it.type_name(), methods);
            }
            PyObject::BuiltinFunction(_) => BuiltinType::BuiltinFunction,
            PyObject::MethodDescriptor(m) => {
                if m.bound.is_some() {
                    BuiltinType::BuiltinFunction
                } else {
                    BuiltinType::MethodDescriptor
                }
            }
            PyObject::Function(_) => BuiltinType::Function,
            PyObject::Code(_) => BuiltinType::Code,
            PyObject::Cell(_) => BuiltinType::Cell,
            PyObject::Instance(i) => return i.class_rc(),
            // A builtin class method bound to its class (`int.from_bytes`)
            // is a builtin method, as in CPython.
            PyObject::BoundMethod(m)
                if matches!(m.function.as_obj(), Some(PyObject::BuiltinFunction(_))) =>
            {
                BuiltinType::BuiltinFunction
            }
            PyObject::BoundMethod(_) => BuiltinType::Method,
            PyObject::Generator(_) => BuiltinType::Generator,
            PyObject::Coroutine(_) => BuiltinType::Coroutine,
            PyObject::AsyncGenerator(_) => BuiltinType::AsyncGenerator,
            PyObject::Property(_) => BuiltinType::Property,
            PyObject::StaticMethod(_) => BuiltinType::StaticMethod,
            PyObject::ClassMethod(_) => BuiltinType::ClassMethod,
            PyObject::Super(_) => BuiltinType::Super,
            PyObject::Native(n) => return n.class.clone(),
        },
    };
    builtin_type(t)
}

/// A number naming `v`'s class, for caches keyed by class (LOAD_METHOD's):
/// the class's address for an instance and the rarer kinds, and for the
/// common builtin types a small number no object can have as its address
/// (reading the per-thread registry cost as much as the lookup it keys).
#[inline]
pub fn class_key(v: &Value) -> usize {
    let t = match v {
        Value::Int(_) => BuiltinType::Int,
        Value::Float(_) => BuiltinType::Float,
        Value::Bool(_) => BuiltinType::Bool,
        Value::None => BuiltinType::NoneType,
        Value::Obj(o) => match &**o {
            PyObject::Instance(i) => return i.class() as *const TypeObject as usize,
            PyObject::Str(_) => BuiltinType::Str,
            PyObject::List(_) => BuiltinType::List,
            PyObject::Tuple(_) => BuiltinType::Tuple,
            PyObject::Dict(_) => BuiltinType::Dict,
            PyObject::Set(_) => BuiltinType::Set,
            PyObject::FrozenSet(_) => BuiltinType::FrozenSet,
            PyObject::Bytes(_) => BuiltinType::Bytes,
            // (The class's address without a new reference to it.)
            PyObject::Native(n) => return Rc::as_ptr(&n.class) as usize,
            PyObject::Exception(e) => return Rc::as_ptr(&e.class) as usize,
            _ => return Rc::as_ptr(&class_of(v)) as usize,
        },
        _ => return Rc::as_ptr(&class_of(v)) as usize,
    };
    // Shifted as addresses are aligned: keyed hashes drop the low bits.
    ((t as usize) + 1) << 4
}

/// `isinstance(v, t)` for a type object.
pub fn isinstance(v: &Value, t: &TypeObject) -> bool {
    class_of(v).is_subtype(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_keys_tell_classes_apart_and_are_no_addresses() {
        let values = [
            Value::Int(1),
            Value::float(1.5),
            Value::bool(true),
            Value::None,
            Value::str("s"),
            Value::list(vec![]),
            Value::tuple(vec![Value::Int(1)]),
            Value::Ellipsis,
        ];
        let keys: Vec<usize> = values.iter().map(class_key).collect();
        for (a, ka) in values.iter().zip(&keys) {
            for (b, kb) in values.iter().zip(&keys) {
                assert_eq!(ka == kb, Rc::ptr_eq(&class_of(a), &class_of(b)));
            }
        }
        // Equal values of one class share a key; the small keys are below
        // any address an allocation can have.
        assert_eq!(class_key(&Value::Int(1)), class_key(&Value::Int(2)));
        assert!(class_key(&Value::str("x")) < 4096);
    }

    #[test]
    fn exception_hierarchy() {
        let zde = exc_type(ExcType::ZeroDivisionError);
        assert!(zde.is_subtype(&exc_type(ExcType::ArithmeticError)));
        assert!(zde.is_subtype(&exc_type(ExcType::Exception)));
        assert!(zde.is_subtype(&exc_type(ExcType::BaseException)));
        assert!(!zde.is_subtype(&exc_type(ExcType::LookupError)));
        let names: Vec<_> = zde.mro.iter().map(|t| t.name.to_string()).collect();
        assert_eq!(
            names,
            ["ArithmeticError", "Exception", "BaseException", "object"]
        );
        assert!(exc_type(ExcType::KeyError).is_subtype(&exc_type(ExcType::LookupError)));
        assert!(exc_type(ExcType::RecursionError).is_subtype(&exc_type(ExcType::RuntimeError)));
        assert!(exc_type(ExcType::UnboundLocalError).is_subtype(&exc_type(ExcType::NameError)));
        assert!(!exc_type(ExcType::KeyboardInterrupt).is_subtype(&exc_type(ExcType::Exception)));
    }

    #[test]
    fn bool_subclasses_int() {
        let b = class_of(&Value::bool(true));
        assert_eq!(&*b.name, "bool");
        assert!(isinstance(
            &Value::bool(true),
            &builtin_type(BuiltinType::Int)
        ));
        assert!(b.lookup("bit_length").is_some());
    }

    #[test]
    fn methods_in_type_dict() {
        let l = builtin_type(BuiltinType::List);
        assert!(l.lookup("append").is_some());
        assert!(l.lookup("nope").is_none());
    }
}
