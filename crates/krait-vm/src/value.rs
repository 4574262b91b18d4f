//! `Value`: the 16-byte handle every Python value travels in.
//!
//! Immediate variants (None, bool, small int, float, the NotImplemented and
//! Ellipsis singletons) never allocate; everything else is an `Rc<PyObject>`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::bytes::PyBytes;
use crate::builtins::dict::PyDict;
use crate::builtins::list::PyList;
use crate::builtins::set::PySet;
use crate::builtins::str::PyStr;
use crate::builtins::tuple::PyTuple;
use crate::object::PyObject;

/// A Python value. Cloning is cheap (a refcount increment at most).
///
/// Every payload is one 64-bit integer (floats and bools are kept as bits,
/// see [`FloatBits`] and [`BoolBits`]): the compiler then lays a `Value` out
/// as a "scalar pair" (tag word, payload word) and moves it in two integer
/// registers. With an `f64` or a one-byte `bool` payload it becomes an
/// aggregate that is built piecewise in memory and copied with one 16-byte
/// load, which stalls the CPU's store forwarding on nearly every push and
/// pop of the dispatch loop.
///
/// Invariant: an int that fits in `i64` is always `Value::Int`; only ints
/// outside that range are `PyObject::Int(BigInt)` (see [`Value::from_bigint`]).
#[derive(Default)]
pub enum Value {
    #[default]
    None,
    Bool(BoolBits),
    Int(i64),
    Float(FloatBits),
    NotImplemented,
    Ellipsis,
    Obj(Rc<PyObject>),
    /// Internal marker, never visible to Python code: the empty slot that
    /// PUSH_NULL puts below a callable that is not a method, and an unbound
    /// fast local or empty cell.
    Null,
}

impl Clone for Value {
    /// A reference count's increment for an object, a copy of the two
    /// words for anything else. (The derived `clone` matched on all eight
    /// variants: the compiler made it a jump table, an indirect branch on
    /// every load of a local, constant or global in the dispatch loop.)
    /// (`#[inline]`, not always: an unoptimised build inlining it at
    /// every clone gave the dispatch loop's frame a stack slot per site,
    /// and native recursion through dunders ran out of stack sooner.)
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(object) => Value::Obj(Rc::clone(object)),
            // SAFETY: every other variant holds plain data (a `u64` at
            // most) and nothing to drop: a bitwise copy is a clone.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

/// An `f64` kept as its bits (see [`Value`] for why).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline]
    pub fn new(f: f64) -> FloatBits {
        FloatBits(f.to_bits())
    }

    #[inline]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

/// A `bool` kept as a 64-bit word (see [`Value`] for why).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct BoolBits(u64);

impl BoolBits {
    pub const TRUE: BoolBits = BoolBits(1);
    pub const FALSE: BoolBits = BoolBits(0);

    #[inline]
    pub fn new(b: bool) -> BoolBits {
        BoolBits(b as u64)
    }

    #[inline]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

/// Writes `value` into `slot` a word at a time (see [`moved_by_words`]).
#[inline(always)]
fn write_by_words<T>(slot: &mut std::mem::MaybeUninit<T>, value: T) {
    use std::mem::{ManuallyDrop, MaybeUninit, align_of, size_of};
    const { assert!(size_of::<T>().is_multiple_of(8) && align_of::<T>() >= 8) };
    let value = ManuallyDrop::new(value);
    // SAFETY: `T` is whole aligned words (asserted above); each word is
    // copied as `MaybeUninit` (padding included), so `slot` holds a
    // bitwise copy of `value`, which is not dropped: ownership moves with
    // the bits.
    unsafe {
        let from = (&*value as *const T).cast::<MaybeUninit<u64>>();
        let to = slot.as_mut_ptr().cast::<MaybeUninit<u64>>();
        for word in 0..size_of::<T>() / 8 {
            to.add(word).write(from.add(word).read_volatile());
        }
    }
}

/// `value`, moved a word at a time. For a `PyResult` (or an `Option` of
/// one) an out-of-line call has just written: unlike a [`Value`], such a
/// result is no scalar pair, so the compiler copies it whole with one
/// 16-byte load. The callee wrote it as two 8-byte stores, which the CPU
/// cannot forward to that load: the copy waits for them to reach the
/// cache (two thirds of the time of `array[i]` in `perf annotate`). The
/// volatile reads keep the words apart.
#[inline(always)]
pub(crate) fn moved_by_words<T>(value: T) -> T {
    use std::mem::{ManuallyDrop, MaybeUninit, align_of, size_of};
    const { assert!(size_of::<T>().is_multiple_of(8) && align_of::<T>() >= 8) };
    let value = ManuallyDrop::new(value);
    let mut moved = MaybeUninit::<T>::uninit();
    // SAFETY: `T` is whole aligned words (asserted above); each word is
    // copied as `MaybeUninit` (padding included), so `moved` is a bitwise
    // copy of `value`, which is not dropped: ownership moves with the bits.
    unsafe {
        let from = (&*value as *const T).cast::<MaybeUninit<u64>>();
        let to = moved.as_mut_ptr().cast::<MaybeUninit<u64>>();
        for word in 0..size_of::<T>() / 8 {
            to.add(word).write(from.add(word).read_volatile());
        }
        moved.assume_init()
    }
}

impl Value {
    /// A `bool`.
    #[inline]
    pub fn bool(b: bool) -> Value {
        Value::Bool(BoolBits::new(b))
    }

    /// A `float`.
    #[inline]
    pub fn float(f: f64) -> Value {
        Value::Float(FloatBits::new(f))
    }

    /// Wrap a heap object.
    #[inline]
    pub fn obj(o: PyObject) -> Value {
        // `Rc::new` copies the object to the stack before the allocation
        // and again into it; written into the fresh allocation, it is
        // copied once.
        let mut object = Rc::<PyObject>::new_uninit();
        if let Some(slot) = Rc::get_mut(&mut object) {
            // Word by word: the caller has just written `o` with narrow
            // stores, which a 16-byte copy would stall on (see
            // `moved_by_words`; a fifth of this function's samples).
            write_by_words(slot, o);
        } else {
            unreachable!("a new Rc has no other owner");
        }
        // SAFETY: the allocation was just initialised by the write above.
        let object = unsafe { object.assume_init() };
        crate::gc::track(&object);
        Value::Obj(object)
    }

    /// Drops the value with the reference count's decrement written in
    /// place: the compiler calls `drop_in_place::<Value>` out of line,
    /// which costs a call and a test of the variant at every drop of the
    /// dispatch loop's hot arms.
    #[inline(always)]
    pub fn release(self) {
        if let Value::Obj(object) = self {
            drop(object);
        }
    }

    /// Wrap the heap object `make` gives, made in its allocation.
    ///
    /// [`Value::obj`] takes an object its caller has just written to the
    /// stack, field by field, and copies it into the allocation with wide
    /// loads, which stall on those fresh narrow stores (store forwarding
    /// fails): up to a fifth of the time of a loop making short strings.
    /// Allocated first, the object can be written where it will live.
    #[inline(always)]
    pub fn obj_with(make: impl FnOnce() -> PyObject) -> Value {
        let mut object = Rc::<PyObject>::new_uninit();
        match Rc::get_mut(&mut object) {
            Some(slot) => {
                slot.write(make());
            }
            None => unreachable!("a new Rc has no other owner"),
        }
        // SAFETY: the allocation was just initialised by the write above.
        let object = unsafe { object.assume_init() };
        crate::gc::track(&object);
        Value::Obj(object)
    }

    /// An int from a big int, normalised back to `Value::Int` when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::obj(PyObject::Int(b)),
        }
    }

    /// A new `str`.
    pub fn str(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.len() <= crate::builtins::str::INLINE {
            return crate::builtins::str::new_str_value(&s);
        }
        Value::obj(PyObject::Str(PyStr::new(s)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::obj(PyObject::List(PyList::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::empty_tuple();
        }
        Value::obj_with(|| PyObject::Tuple(PyTuple::new(items)))
    }

    /// `()`: one object per thread, as CPython's empty tuple is one (`()
    /// is tuple()`), so a call binding no extra arguments to `*args`
    /// allocates nothing.
    pub fn empty_tuple() -> Value {
        thread_local! {
            static EMPTY_TUPLE: Value = Value::obj(PyObject::Tuple(PyTuple::new(Vec::new())));
        }
        EMPTY_TUPLE.with(Value::clone)
    }

    pub fn dict(d: PyDict) -> Value {
        Value::obj(PyObject::Dict(d))
    }

    pub fn set(s: PySet) -> Value {
        Value::obj(PyObject::Set(s))
    }

    pub fn frozenset(s: PySet) -> Value {
        Value::obj(PyObject::FrozenSet(s))
    }

    pub fn bytes(b: Vec<u8>) -> Value {
        // One object per single byte value, and one empty bytes, as in
        // CPython: `bytes([b])` pieces compare and hash as the same key
        // by identity, and make no allocation.
        if b.len() <= 1 {
            return SMALL_BYTES.with(|table| {
                let index = b.first().map_or(256, |&byte| byte as usize);
                table[index]
                    .get_or_init(|| Value::obj(PyObject::Bytes(PyBytes::new(b))))
                    .clone()
            });
        }
        Value::obj(PyObject::Bytes(PyBytes::new(b)))
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&PyObject> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// For an instance of a user subclass of a builtin type (`class
    /// L(list)`), the builtin value it carries; otherwise the value itself.
    /// The `as_*_or_subclass` accessors look through it (say so in their
    /// name): builtin methods and argument parsing accept subclasses as
    /// CPython's `PyUnicode_Check` and friends do. The plain `as_*`
    /// accessors are exact (CPython's `CheckExact`): what fast paths that
    /// would skip a subclass's dunders must use.
    #[inline]
    pub fn builtin_value(&self) -> &Value {
        if let Value::Obj(o) = self
            && let PyObject::Instance(i) = &**o
            && let Some(base) = i.base()
        {
            return base;
        }
        self
    }

    /// An exact `str` (not an instance of a subclass).
    #[inline]
    pub fn as_str(&self) -> Option<&PyStr> {
        match self.as_obj()? {
            PyObject::Str(s) => Some(s),
            _ => None,
        }
    }

    /// An exact `list`.
    #[inline]
    pub fn as_list(&self) -> Option<&PyList> {
        match self.as_obj()? {
            PyObject::List(l) => Some(l),
            _ => None,
        }
    }

    /// An exact `tuple`.
    #[inline]
    pub fn as_tuple(&self) -> Option<&PyTuple> {
        match self.as_obj()? {
            PyObject::Tuple(t) => Some(t),
            _ => None,
        }
    }

    /// An exact `dict`.
    #[inline]
    pub fn as_dict(&self) -> Option<&PyDict> {
        match self.as_obj()? {
            PyObject::Dict(d) => Some(d),
            _ => None,
        }
    }

    #[inline]
    pub fn as_str_or_subclass(&self) -> Option<&PyStr> {
        match self.builtin_value().as_obj()? {
            PyObject::Str(s) => Some(s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_list_or_subclass(&self) -> Option<&PyList> {
        match self.builtin_value().as_obj()? {
            PyObject::List(l) => Some(l),
            _ => None,
        }
    }

    #[inline]
    pub fn as_tuple_or_subclass(&self) -> Option<&PyTuple> {
        match self.builtin_value().as_obj()? {
            PyObject::Tuple(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn as_dict_or_subclass(&self) -> Option<&PyDict> {
        match self.builtin_value().as_obj()? {
            PyObject::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// A `set` or a `frozenset`.
    #[inline]
    pub fn as_anyset_or_subclass(&self) -> Option<&PySet> {
        match self.builtin_value().as_obj()? {
            PyObject::Set(s) | PyObject::FrozenSet(s) => Some(s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_bytes_or_subclass(&self) -> Option<&PyBytes> {
        match self.builtin_value().as_obj()? {
            PyObject::Bytes(b) => Some(b),
            _ => None,
        }
    }

    #[inline]
    pub fn as_bigint_or_subclass(&self) -> Option<&BigInt> {
        match self.builtin_value().as_obj()? {
            PyObject::Int(b) => Some(b),
            _ => None,
        }
    }

    /// True for `int` and `bool` values (small or big).
    #[inline]
    pub fn is_int(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Bool(_)) || self.as_bigint_or_subclass().is_some()
    }

    /// Python's `is`: identity for heap objects, value equality of the
    /// immediate singletons and of the small ints and floats (which CPython
    /// caches or which compare by bits here).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.0 == b.0,
            (Value::Obj(a), Value::Obj(b)) => {
                Rc::ptr_eq(a, b)
                    || match (&**a, &**b) {
                        // Type objects are shared `Rc<TypeObject>`s; the
                        // values wrapping them may be distinct allocations.
                        (PyObject::Type(x), PyObject::Type(y)) => Rc::ptr_eq(x, y),
                        _ => false,
                    }
            }
            _ => false,
        }
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The Python type name (`type(x).__name__`), as used in error messages.
    pub fn type_name(&self) -> &str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
            Value::Null => "NULL",
            Value::Obj(o) => o.type_name(),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        match i64::try_from(i) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(i)),
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::str(s)
    }
}

impl From<BigInt> for Value {
    fn from(b: BigInt) -> Value {
        Value::from_bigint(b)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match crate::protocol::repr(self) {
            Ok(s) => f.write_str(&s),
            Err(_) => write!(f, "<{} object>", self.type_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<crate::PyResult>(), 16);
    }

    #[test]
    fn bigint_normalises() {
        assert!(matches!(Value::from_bigint(BigInt::from(5)), Value::Int(5)));
        let big = BigInt::from(i64::MAX) + 1;
        assert!(Value::from_bigint(big).as_bigint_or_subclass().is_some());
    }
}

thread_local! {
    /// The bytes objects of length one, by byte value, then the empty
    /// one (see [`Value::bytes`]).
    static SMALL_BYTES: [std::cell::OnceCell<Value>; 257] =
        std::array::from_fn(|_| std::cell::OnceCell::new());
}
