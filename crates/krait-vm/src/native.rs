//! Open object kinds: types defined outside the VM's closed set of kinds
//! (the standard library's deque, Counter, match objects, datetime...).
//!
//! Such a type is a Rust struct implementing [`NativeData`] and a type
//! object made by [`native_type`] from a name and a table of methods
//! (`MethodDef`s, dunders included: `__len__`, `__iter__`, `__getitem__`,
//! `__repr__`, `__get__`...). Its values are `PyObject::Native`: the type
//! object next to the boxed data. The VM's operations find the dunders in
//! the type's slots exactly as for a user class, so `len(x)`, `for v in
//! x`, `x[i]`, `repr(x)` work with no change to the VM; a method reaches
//! its data with [`Value::native`]. Adding such a type touches its own
//! file only.
//!
//! A user class may subclass a native type: its instances are ordinary
//! instances carrying the native value as their builtin base (made by the
//! type's `__new__`, then filled by its `__init__` when it has one), and
//! [`Value::native`] sees through them, so the type's methods work on
//! them unchanged.

use std::any::Any;
use std::rc::Rc;

use crate::PyResult;
use crate::builtins::function::MethodDef;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

/// The data of a value of a type defined outside the VM's own kinds.
pub trait NativeData: Any {
    /// Every value this object holds a strong reference to (the same
    /// contract as every kind: teardown and the cycle collector use it).
    fn traverse(&self, visit: &mut dyn FnMut(&Value));

    /// A data attribute (`obj.name`) that is not a method; `None` when the
    /// type has none of that name.
    fn attribute(&self, name: &str) -> Option<Value> {
        let _ = name;
        None
    }

    /// A data attribute whose reading may fail (a released memoryview's
    /// `nbytes`); by default [`NativeData::attribute`].
    fn try_attribute(&self, name: &str) -> Option<PyResult<Value>> {
        self.attribute(name).map(Ok)
    }

    /// `len(x)` without a method lookup, for a type whose `__len__` gives
    /// this (and whose `__bool__`, if it has one, is `len(x) != 0`): both
    /// then skip their dunder call. `None`: the methods are called.
    fn length(&self) -> Option<usize> {
        None
    }

    /// For a sequence type that keeps its items in a `VecDeque`
    /// (`collections.deque`): them, borrowed, for native code that reads
    /// them all without calling Python code meanwhile (`str.join`, which
    /// then neither iterates nor copies them into a vector first).
    fn items(&self) -> Option<std::cell::Ref<'_, std::collections::VecDeque<Value>>> {
        None
    }

    /// For an iterator type: the next item (`Ok(None)` when exhausted),
    /// so `for` loops and `next()` step it without a method lookup or a
    /// StopIteration per loop. `None` when the type is not an iterator
    /// (its `__next__` method, if any, is used).
    fn next(&self, vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let _ = vm;
        None
    }

    /// For an iterator whose next items are, unchanged, those of a
    /// generator it holds (`itertools.chain` over one): that generator,
    /// which a `for` loop then resumes as a frame of its own loop (no
    /// nested run per item), running its FOR_ITER again (so [`next`]) when
    /// the generator returns. `None` (the default) when the next item is
    /// not simply that generator's.
    ///
    /// [`next`]: NativeData::next
    fn pass_through(&self) -> Option<Value> {
        None
    }

    /// For a type whose memory a memoryview can look at (`bytearray`,
    /// `array.array`): its buffer (see `crate::buffer`).
    fn buffer(&self) -> Option<&dyn crate::buffer::Exporter> {
        None
    }

    /// Whether the value can never hold another object (a number, as
    /// `decimal.Decimal`): the cycle collector then leaves it untracked,
    /// as CPython's does (`gc.is_tracked(Decimal(1))` is false), which
    /// saves its bookkeeping at every creation and death. Asked once, when
    /// the value is made.
    fn is_atom(&self) -> bool {
        false
    }

    /// For a numeric type: `this op other` (`reflected`: `other op this`),
    /// computed without looking up and calling its dunder method. The VM
    /// asks only when no Python method can come first (the other operand
    /// is of this same type or a builtin value), and for `op=` too, so a
    /// type with in-place methods must not answer. `None` (or
    /// `NotImplemented`) sends the operation the ordinary way; an answer
    /// must be what the type's dunder would return.
    fn binary_op(
        &self,
        vm: &mut Vm,
        this: &Value,
        op: crate::protocol::BinaryOp,
        other: &Value,
        reflected: bool,
    ) -> Option<PyResult> {
        let _ = (vm, this, op, other, reflected);
        None
    }

    /// [`NativeData::binary_op`] for the rich comparisons: `this op other`
    /// (the VM swaps the operator when `this` is the right operand).
    fn compare(
        &self,
        vm: &mut Vm,
        this: &Value,
        op: crate::protocol::CompareOp,
        other: &Value,
    ) -> Option<PyResult> {
        let _ = (vm, this, op, other);
        None
    }

    /// `this[key]` without looking up and calling `__getitem__`, for a
    /// type whose `__getitem__` gives this (`this` is the value whose data
    /// this is). `None` sends it the ordinary way.
    fn get_item(&self, vm: &mut Vm, this: &Value, key: &Value) -> Option<PyResult> {
        let _ = (vm, this, key);
        None
    }

    /// `this[key] = value` likewise, for a type whose `__setitem__` does
    /// this.
    fn set_item(
        &self,
        vm: &mut Vm,
        this: &Value,
        key: &Value,
        value: &Value,
    ) -> Option<PyResult<()>> {
        let _ = (vm, this, key, value);
        None
    }

    /// Lets go of the references that can close a cycle (CPython's
    /// `tp_clear`): what the collector calls on a garbage object. Types
    /// whose contents cannot change after creation need not.
    fn clear(&self) {}

    /// Whether `weakref.ref(value)` works (CPython's types with a
    /// `tp_weaklistoffset`: deque, array, Pattern...).
    fn weakrefable(&self) -> bool {
        false
    }
}

/// A value of a native type: its type object and its data.
pub struct NativeObject {
    pub(crate) gc: crate::gc::GcHeader,
    /// [`NativeData::is_atom`]: never tracked by the collector.
    pub(crate) atom: bool,
    pub class: Rc<TypeObject>,
    pub data: Box<dyn NativeData>,
    /// The weak references to it, when its type allows them.
    pub weakrefs: crate::builtins::weakref::WeakRefList,
}

impl NativeObject {
    /// A new value of `class` (a type made by [`native_type`]).
    pub fn new_value(class: Rc<TypeObject>, data: impl NativeData) -> Value {
        let atom = data.is_atom();
        let data: Box<dyn NativeData> = Box::new(data);
        Value::obj_with(|| {
            PyObject::Native(NativeObject {
                gc: Default::default(),
                atom,
                class,
                data,
                weakrefs: Default::default(),
            })
        })
    }
}

/// A type object for a native type: `object` as its base, `methods` in
/// its namespace, its slots computed from them.
pub fn native_type(name: &str, methods: &'static [MethodDef]) -> Rc<TypeObject> {
    Rc::new(TypeObject::new_native(name, methods))
}

/// [`native_type`] for a type of module `module` (its `__module__`, so it
/// prints as `<class 'collections.deque'>`).
pub fn native_type_in(module: &str, name: &str, methods: &'static [MethodDef]) -> Rc<TypeObject> {
    let mut class = TypeObject::new_native(name, methods);
    class.tp_name = Some(format!("{module}.{name}").into());
    class
        .dict
        .borrow_mut()
        .insert(Box::from("__module__"), Value::str(module));
    Rc::new(class)
}

impl Value {
    /// The data of a native value, if it is of type `T` (or an instance
    /// of a user subclass of that type: `class Queue(deque)`).
    pub fn native<T: NativeData>(&self) -> Option<&T> {
        match self.builtin_value().as_obj()? {
            PyObject::Native(native) => {
                let data: &dyn Any = &*native.data;
                data.downcast_ref::<T>()
            }
            _ => None,
        }
    }
}
