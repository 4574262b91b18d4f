//! `array`: compact sequences of one C number type (CPython's `array`
//! module): the type codes `b B u h H i I l L q Q f d`, their ranges and
//! CPython's messages when a value does not fit, slicing, the list-like
//! methods, and the conversions to and from bytes (native little-endian
//! layout, as CPython on the machines krait runs on).
//!
//! Items are kept unboxed in the widest Rust type of their kind (`i64`,
//! `u64` for `L`/`Q`, `f64`, `char`); the type code fixes the range a
//! value must fit (a `'f'` item is rounded through `f32`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_vm::buffer::{BytesRef, Exporter};
use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::builtins::int::{self, IntRef};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::protocol::{self, CompareOp};
use krait_vm::sequence::{index_arg, normalize_index};
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::util::{class_getitem, iter_next, iter_self, method, repeat_count, type_value};

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let array = type_value(ARRAY_TYPE.with(Rc::clone));
    Ok(vec![
        ("array", array.clone()),
        ("ArrayType", array),
        ("typecodes", Value::str(TYPECODES)),
    ])
}

thread_local! {
    static ARRAY_TYPE: Rc<TypeObject> = native_type_in("array", "array", METHODS);
    static ITER_TYPE: Rc<TypeObject> = native_type_in("array", "arrayiterator", ITER_METHODS);
}

/// The items, unboxed.
#[derive(Clone)]
enum Items {
    Int(Vec<i64>),
    UInt(Vec<u64>),
    Float(Vec<f64>),
    Char(Vec<char>),
}

impl Items {
    fn empty(code: u8) -> Items {
        match code {
            b'L' | b'Q' => Items::UInt(Vec::new()),
            b'f' | b'd' => Items::Float(Vec::new()),
            b'u' => Items::Char(Vec::new()),
            _ => Items::Int(Vec::new()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Items::Int(v) => v.len(),
            Items::UInt(v) => v.len(),
            Items::Float(v) => v.len(),
            Items::Char(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> Option<Value> {
        Some(match self {
            Items::Int(v) => Value::Int(*v.get(i)?),
            Items::UInt(v) => Value::from_bigint(BigInt::from(*v.get(i)?)),
            Items::Float(v) => Value::float(*v.get(i)?),
            Items::Char(v) => Value::str(v.get(i)?.to_string()),
        })
    }

    fn slice(&self, indices: impl Iterator<Item = usize>) -> Items {
        match self {
            Items::Int(v) => Items::Int(indices.map(|i| v[i]).collect()),
            Items::UInt(v) => Items::UInt(indices.map(|i| v[i]).collect()),
            Items::Float(v) => Items::Float(indices.map(|i| v[i]).collect()),
            Items::Char(v) => Items::Char(indices.map(|i| v[i]).collect()),
        }
    }
}

/// Runs `$body` with `$v` bound to the items' vector, whatever its kind.
macro_rules! with_items {
    ($items:expr, $v:ident => $body:expr) => {
        match $items {
            Items::Int($v) => $body,
            Items::UInt($v) => $body,
            Items::Float($v) => $body,
            Items::Char($v) => $body,
        }
    };
}

/// One converted item, ready to store.
#[derive(Clone, Copy)]
enum Item {
    Int(i64),
    UInt(u64),
    Float(f64),
    Char(char),
}

pub struct Array {
    code: u8,
    items: RefCell<Items>,
    /// Live iterators' guard: bumped when the size changes.
    exports: Cell<u64>,
    /// Live memoryviews of it (CPython's `ob_exports`).
    views: Cell<usize>,
}

impl NativeData for Array {
    fn weakrefable(&self) -> bool {
        true
    }

    fn get_item(&self, vm: &mut Vm, this: &Value, key: &Value) -> Option<PyResult> {
        // `row[j]` with an int: the item, no argument parsing.
        if let Value::Int(i) = key {
            return Some(
                normalize_index(*i, self.len())
                    .and_then(|i| self.get(i))
                    .ok_or_else(|| PyErr::index_error("array index out of range")),
            );
        }
        Some(a_getitem(vm, this, Args::new(std::slice::from_ref(key))))
    }

    fn set_item(
        &self,
        vm: &mut Vm,
        this: &Value,
        key: &Value,
        value: &Value,
    ) -> Option<PyResult<()>> {
        if let Value::Int(i) = key {
            // The index first, then the item, as CPython checks them.
            let stored = normalize_index(*i, self.len())
                .ok_or_else(|| PyErr::index_error("array assignment index out of range"))
                .and_then(|i| {
                    let item = self.convert(vm, value)?;
                    self.store(i, item);
                    Ok(())
                });
            return Some(stored);
        }
        let args = [key.clone(), value.clone()];
        Some(a_setitem(vm, this, Args::new(&args)).map(|_| ()))
    }

    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn buffer(&self) -> Option<&dyn Exporter> {
        Some(self)
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "typecode" => Some(Value::str((self.code as char).to_string())),
            "itemsize" => Some(Value::Int(item_size(self.code) as i64)),
            _ => None,
        }
    }
}

/// An array's memory as a memoryview sees it: its items' bytes in the
/// native layout (the items are kept widened, so reading copies them and
/// writing converts them back).
impl Exporter for Array {
    fn format(&self) -> &'static str {
        match self.code {
            b'b' => "b",
            b'B' => "B",
            b'u' => "u",
            b'h' => "h",
            b'H' => "H",
            b'i' => "i",
            b'I' => "I",
            b'l' => "l",
            b'L' => "L",
            b'q' => "q",
            b'Q' => "Q",
            b'f' => "f",
            _ => "d",
        }
    }

    fn itemsize(&self) -> usize {
        item_size(self.code)
    }

    fn read(&self) -> BytesRef<'_> {
        BytesRef::Owned(self.to_bytes())
    }

    fn write(&self, offset: usize, data: &[u8]) -> PyResult<()> {
        let mut bytes = self.to_bytes();
        let Some(target) = bytes.get_mut(offset..offset + data.len()) else {
            return Err(PyErr::index_error("index out of bounds on dimension 1"));
        };
        target.copy_from_slice(data);
        *self.items.borrow_mut() = Items::empty(self.code);
        self.extend_bytes(&bytes)
    }

    fn exports(&self) -> &Cell<usize> {
        &self.views
    }
}

fn item_size(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

/// The range of an integer type code and CPython's messages for values
/// outside it (each C converter words them its own way).
fn int_range(code: u8) -> (i128, i128, &'static str, &'static str) {
    match code {
        b'b' => (
            i8::MIN as i128,
            i8::MAX as i128,
            "signed char is less than minimum",
            "signed char is greater than maximum",
        ),
        b'B' => (
            0,
            u8::MAX as i128,
            "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum",
        ),
        b'h' => (
            i16::MIN as i128,
            i16::MAX as i128,
            "signed short integer is less than minimum",
            "signed short integer is greater than maximum",
        ),
        b'H' => (
            0,
            u16::MAX as i128,
            "unsigned short is less than minimum",
            "unsigned short is greater than maximum",
        ),
        b'i' => (
            i32::MIN as i128,
            i32::MAX as i128,
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        ),
        b'I' => (
            0,
            u32::MAX as i128,
            "can't convert negative value to unsigned int",
            "unsigned int is greater than maximum",
        ),
        b'l' => (
            i64::MIN as i128,
            i64::MAX as i128,
            "Python int too large to convert to C long",
            "Python int too large to convert to C long",
        ),
        b'L' => (
            0,
            u64::MAX as i128,
            "can't convert negative value to unsigned int",
            "Python int too large to convert to C unsigned long",
        ),
        b'q' => (
            i64::MIN as i128,
            i64::MAX as i128,
            "int too big to convert",
            "int too big to convert",
        ),
        _ => (
            0,
            u64::MAX as i128,
            "can't convert negative int to unsigned",
            "int too big to convert",
        ),
    }
}

impl Array {
    fn new(code: u8, items: Items) -> Array {
        Array {
            code,
            items: RefCell::new(items),
            exports: Cell::new(0),
            views: Cell::new(0),
        }
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn resized(&self) {
        self.exports.set(self.exports.get().wrapping_add(1));
    }

    /// `value` as an item of this array's type, or CPython's error.
    fn convert(&self, vm: &mut Vm, value: &Value) -> PyResult<Item> {
        match self.code {
            b'u' => match value.as_str_or_subclass() {
                Some(text) if text.as_str().chars().count() == 1 => {
                    Ok(Item::Char(text.as_str().chars().next().unwrap_or('\0')))
                }
                _ => Err(PyErr::type_error("array item must be unicode character")),
            },
            b'f' | b'd' => {
                let x = float_of(vm, value)?;
                Ok(Item::Float(if self.code == b'f' {
                    x as f32 as f64
                } else {
                    x
                }))
            }
            code => {
                let n = int_of(vm, value)?;
                let (min, max, below, above) = int_range(code);
                let fits = n.to_i128().filter(|n| (min..=max).contains(n));
                match fits {
                    Some(n) if code == b'L' || code == b'Q' => Ok(Item::UInt(n as u64)),
                    Some(n) => Ok(Item::Int(n as i64)),
                    None if n.sign() == num_bigint::Sign::Minus => {
                        Err(PyErr::overflow_error(below))
                    }
                    None => Err(PyErr::overflow_error(above)),
                }
            }
        }
    }

    fn push(&self, item: Item) {
        let mut items = self.items.borrow_mut();
        match (&mut *items, item) {
            (Items::Int(v), Item::Int(x)) => v.push(x),
            (Items::UInt(v), Item::UInt(x)) => v.push(x),
            (Items::Float(v), Item::Float(x)) => v.push(x),
            (Items::Char(v), Item::Char(x)) => v.push(x),
            _ => unreachable!("items are converted for their array"),
        }
    }

    fn store(&self, i: usize, item: Item) {
        let mut items = self.items.borrow_mut();
        match (&mut *items, item) {
            (Items::Int(v), Item::Int(x)) => v[i] = x,
            (Items::UInt(v), Item::UInt(x)) => v[i] = x,
            (Items::Float(v), Item::Float(x)) => v[i] = x,
            (Items::Char(v), Item::Char(x)) => v[i] = x,
            _ => unreachable!("items are converted for their array"),
        }
    }

    fn insert(&self, i: usize, item: Item) {
        let mut items = self.items.borrow_mut();
        match (&mut *items, item) {
            (Items::Int(v), Item::Int(x)) => v.insert(i, x),
            (Items::UInt(v), Item::UInt(x)) => v.insert(i, x),
            (Items::Float(v), Item::Float(x)) => v.insert(i, x),
            (Items::Char(v), Item::Char(x)) => v.insert(i, x),
            _ => unreachable!("items are converted for their array"),
        }
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i)
    }

    /// Appends what an iterable yields (converted first, so a bad item
    /// leaves the array as it was... up to that item, as CPython).
    fn extend_values(&self, vm: &mut Vm, iterable: &Value) -> PyResult<()> {
        let iterator = vm.iterate(iterable)?;
        while let Some(value) = protocol::next(vm, &iterator)? {
            let item = self.convert(vm, &value)?;
            self.push(item);
        }
        self.resized();
        Ok(())
    }

    fn to_bytes(&self) -> Vec<u8> {
        let items = self.items.borrow();
        let size = item_size(self.code);
        let mut out = Vec::with_capacity(items.len() * size);
        match &*items {
            Items::Int(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes()[..size])),
            Items::UInt(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
            Items::Float(v) if self.code == b'f' => v
                .iter()
                .for_each(|x| out.extend_from_slice(&(*x as f32).to_le_bytes())),
            Items::Float(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
            Items::Char(v) => v
                .iter()
                .for_each(|c| out.extend_from_slice(&(*c as u32).to_le_bytes())),
        }
        out
    }

    fn extend_bytes(&self, bytes: &[u8]) -> PyResult<()> {
        let size = item_size(self.code);
        if !bytes.len().is_multiple_of(size) {
            return Err(PyErr::value_error(
                "bytes length not a multiple of item size",
            ));
        }
        let signed = matches!(self.code, b'b' | b'h' | b'i' | b'l' | b'q');
        for chunk in bytes.chunks(size) {
            let mut word = [0u8; 8];
            word[..size].copy_from_slice(chunk);
            let raw = u64::from_le_bytes(word);
            let item = match self.code {
                b'f' => {
                    Item::Float(f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]) as f64)
                }
                b'd' => Item::Float(f64::from_bits(raw)),
                b'u' => Item::Char(char::from_u32(raw as u32).ok_or_else(|| {
                    PyErr::value_error(format!(
                        "character U+{:x} is not in range [U+0000; U+10ffff]",
                        raw as u32
                    ))
                })?),
                b'L' | b'Q' => Item::UInt(raw),
                _ if signed => {
                    let shift = 64 - 8 * size as u32;
                    Item::Int(((raw << shift) as i64) >> shift)
                }
                _ => Item::Int(raw as i64),
            };
            self.push(item);
        }
        self.resized();
        Ok(())
    }
}

fn float_of(vm: &mut Vm, value: &Value) -> PyResult<f64> {
    match value.builtin_value() {
        Value::Float(f) => Ok(krait_vm::builtins::float::canonical(f.get())),
        v => match int::as_int(v) {
            Some(i) => i.to_f64(),
            None if matches!(value.as_obj(), Some(PyObject::Instance(_))) => {
                let float = vm.call(
                    &krait_vm::builtins::constructors::type_value(
                        &krait_vm::typeobject::builtin_type(
                            krait_vm::typeobject::BuiltinType::Float,
                        ),
                    ),
                    Args::new(std::slice::from_ref(value)),
                )?;
                match float {
                    Value::Float(f) => Ok(f.get()),
                    _ => Err(PyErr::type_error("must be real number")),
                }
            }
            None => Err(PyErr::type_error(format!(
                "must be real number, not {}",
                value.type_name()
            ))),
        },
    }
}

fn int_of(vm: &mut Vm, value: &Value) -> PyResult<BigInt> {
    match int::as_int(value.builtin_value()) {
        Some(IntRef::Small(i)) => Ok(BigInt::from(i)),
        Some(IntRef::Big(b)) => Ok(b.clone()),
        None if matches!(value.as_obj(), Some(PyObject::Instance(_))) => {
            let index = index_arg(vm, value, "item")?;
            Ok(BigInt::from(index))
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.type_name()
        ))),
    }
}

fn this(receiver: &Value) -> PyResult<&Array> {
    receiver.native::<Array>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            receiver.type_name()
        ))
    })
}

/// `this` for a method that changes the size: refused while a
/// memoryview looks at the array (CPython's BufferError).
fn resizable(receiver: &Value) -> PyResult<&Array> {
    let array = this(receiver)?;
    if array.views.get() > 0 {
        return Err(PyErr::new(
            krait_vm::typeobject::ExcType::BufferError,
            "cannot resize an array that is exporting buffers",
        ));
    }
    Ok(array)
}

fn new_value(code: u8, items: Items) -> Value {
    NativeObject::new_value(ARRAY_TYPE.with(Rc::clone), Array::new(code, items))
}

fn array_new(vm: &mut Vm, _: &Value, args: Args) -> PyResult {
    args.check_kw("array", &[])?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let code = match args.pos[0].as_str_or_subclass() {
        Some(text) if text.as_str().len() == 1 && TYPECODES.contains(text.as_str()) => {
            text.as_str().as_bytes()[0]
        }
        Some(_) => {
            return Err(PyErr::value_error(
                "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
            ));
        }
        None => {
            return Err(PyErr::type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                args.pos[0].type_name()
            )));
        }
    };
    let array = Array::new(code, Items::empty(code));
    if let Some(initial) = args.pos.get(1) {
        if let Some(text) = initial.as_str_or_subclass() {
            if code != b'u' {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            *array.items.borrow_mut() = Items::Char(text.as_str().chars().collect());
        } else if initial.as_bytes_or_subclass().is_some()
            || initial
                .native::<krait_vm::builtins::bytearray::ByteArray>()
                .is_some()
        {
            let bytes = krait_vm::buffer::expect_bytes_like(initial)?.to_vec();
            array.extend_bytes(&bytes)?;
        } else if let Some(other) = initial.native::<Array>() {
            if code == b'u' && other.code != b'u' {
                return Err(PyErr::type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            let values: Vec<Value> = (0..other.len()).filter_map(|i| other.get(i)).collect();
            for value in values {
                let item = array.convert(vm, &value)?;
                array.push(item);
            }
        } else {
            array.extend_values(vm, initial)?;
        }
    }
    Ok(NativeObject::new_value(ARRAY_TYPE.with(Rc::clone), array))
}

fn a_append(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    let item = array.convert(vm, &args.pos[0])?;
    array.push(item);
    array.resized();
    Ok(Value::None)
}

fn a_extend(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    if let Some(other) = args.pos[0].native::<Array>() {
        if other.code != array.code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        let more = other.items.borrow().clone();
        let mut items = array.items.borrow_mut();
        match (&mut *items, more) {
            (Items::Int(a), Items::Int(b)) => a.extend(b),
            (Items::UInt(a), Items::UInt(b)) => a.extend(b),
            (Items::Float(a), Items::Float(b)) => a.extend(b),
            (Items::Char(a), Items::Char(b)) => a.extend(b),
            _ => unreachable!("same type code, same kind"),
        }
        drop(items);
        array.resized();
        return Ok(Value::None);
    }
    array.extend_values(vm, &args.pos[0])?;
    Ok(Value::None)
}

fn a_insert(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let index = index_arg(vm, &args.pos[0], "index")?;
    let array = resizable(receiver)?;
    let item = array.convert(vm, &args.pos[1])?;
    let n = array.len() as i64;
    let at = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    };
    array.insert(at as usize, item);
    array.resized();
    Ok(Value::None)
}

fn a_pop(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let index = match args.pos.first() {
        Some(v) => index_arg(vm, v, "index")?,
        None => -1,
    };
    let array = resizable(receiver)?;
    if array.len() == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = normalize_index(index, array.len())
        .ok_or_else(|| PyErr::index_error("pop index out of range"))?;
    let value = array.get(i).expect("index in range");
    with_items!(&mut *array.items.borrow_mut(), v => {
        v.remove(i);
    });
    array.resized();
    Ok(value)
}

/// The first index in `start..stop` whose item equals `value`.
fn find(
    vm: &mut Vm,
    array: &Array,
    value: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(array.len()) {
        let Some(item) = array.get(i) else { break };
        if vm.equal(&item, value)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn a_remove(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    match find(vm, array, &args.pos[0], 0, usize::MAX)? {
        Some(i) => {
            with_items!(&mut *array.items.borrow_mut(), v => {
                v.remove(i);
            });
            array.resized();
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn a_index(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = this(receiver)?;
    let len = array.len() as i64;
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        let n = match v {
            Some(v) => index_arg(vm, v, "index")?,
            None => default,
        };
        Ok(if n < 0 { (n + len).max(0) } else { n.min(len) } as usize)
    };
    let start = bound(args.pos.get(1), 0)?;
    let stop = bound(args.pos.get(2), len)?;
    match find(vm, array, &args.pos[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn a_count(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = this(receiver)?;
    let mut count = 0;
    for i in 0..array.len() {
        if let Some(item) = array.get(i)
            && vm.equal(&item, &args.pos[0])?
        {
            count += 1;
        }
    }
    Ok(Value::Int(count))
}

fn a_reverse(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    with_items!(&mut *array.items.borrow_mut(), v => v.reverse());
    Ok(Value::None)
}

fn values_of(array: &Array) -> Vec<Value> {
    (0..array.len()).filter_map(|i| array.get(i)).collect()
}

fn a_tolist(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::list(values_of(this(receiver)?)))
}

fn a_fromlist(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    let Some(list) = args.pos[0].as_list_or_subclass() else {
        return Err(PyErr::type_error("arg must be list"));
    };
    // All or nothing: convert every item before storing any.
    let mut items = Vec::new();
    for value in list.snapshot() {
        items.push(array.convert(vm, &value)?);
    }
    for item in items {
        array.push(item);
    }
    array.resized();
    Ok(Value::None)
}

fn a_tobytes(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::bytes(this(receiver)?.to_bytes()))
}

fn a_frombytes(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    let bytes = krait_vm::buffer::expect_bytes_like(&args.pos[0])?.to_vec();
    array.extend_bytes(&bytes)?;
    Ok(Value::None)
}

/// `a.tofile(f)`: the machine values written with `f.write`, in blocks
/// of 64 KiB as CPython does (a snapshot: a writer that changes the array
/// changes what it holds, not what is written).
fn a_tofile(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    const BLOCK: usize = 64 * 1024;
    let bytes = this(receiver)?.to_bytes();
    let file = &args.pos[0];
    let write = vm.get_attr(file, "write")?;
    for block in bytes.chunks(BLOCK) {
        vm.call(&write, Args::new(&[Value::bytes(block.to_vec())]))?;
    }
    Ok(Value::None)
}

/// `a.fromfile(f, n)`: `n` items read with one `f.read`; what was read is
/// appended even when it is short, and then EOFError says so.
fn a_fromfile(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = index_arg(vm, &args.pos[1], "n")?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let wanted = (n as usize)
        .checked_mul(this(receiver)?.itemsize())
        .ok_or_else(|| PyErr::new(krait_vm::typeobject::ExcType::MemoryError, ""))?;
    let read = vm.get_attr(&args.pos[0], "read")?;
    let read = vm.call(&read, Args::new(&[Value::from(wanted)]))?;
    let Some(PyObject::Bytes(data)) = read.as_obj() else {
        return Err(PyErr::type_error("read() didn't return bytes"));
    };
    let data = data.as_bytes().to_vec();
    let whole = data.len() - data.len() % this(receiver)?.itemsize();
    resizable(receiver)?.extend_bytes(&data[..whole])?;
    if data.len() != wanted {
        return Err(PyErr::new(
            krait_vm::typeobject::ExcType::EOFError,
            "read() didn't return enough bytes",
        ));
    }
    Ok(Value::None)
}

fn a_tounicode(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    match &*array.items.borrow() {
        Items::Char(v) => Ok(Value::str(v.iter().collect::<String>())),
        _ => Err(PyErr::value_error(
            "tounicode() may only be called on unicode type arrays",
        )),
    }
}

fn a_fromunicode(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    let Some(text) = args.pos[0].as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "fromunicode() argument must be str, not {}",
            args.pos[0].type_name()
        )));
    };
    match &mut *array.items.borrow_mut() {
        Items::Char(v) => v.extend(text.as_str().chars()),
        _ => {
            return Err(PyErr::value_error(
                "fromunicode() may only be called on unicode type arrays",
            ));
        }
    }
    array.resized();
    Ok(Value::None)
}

fn a_byteswap(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    let mut bytes = array.to_bytes();
    let size = item_size(array.code);
    for chunk in bytes.chunks_mut(size) {
        chunk.reverse();
    }
    *array.items.borrow_mut() = Items::empty(array.code);
    array.extend_bytes(&bytes)?;
    Ok(Value::None)
}

fn a_buffer_info(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    let address = with_items!(&*array.items.borrow(), v => v.as_ptr() as usize);
    Ok(Value::tuple(vec![
        Value::Int(address as i64),
        Value::Int(array.len() as i64),
    ]))
}

fn a_len(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::Int(this(receiver)?.len() as i64))
}

fn a_getitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = this(receiver)?;
    if let Some(PyObject::Slice(slice)) = args.pos[0].as_obj() {
        let indices = slice.indices(array.len())?;
        // A plain array even for a subclass, as CPython.
        let items = array.items.borrow().slice(indices.iter());
        return Ok(new_value(array.code, items));
    }
    let i = item_index(vm, &args.pos[0])?;
    normalize_index(i, array.len())
        .and_then(|i| array.get(i))
        .ok_or_else(|| PyErr::index_error("array index out of range"))
}

fn item_index(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if !crate::util::may_be_index(key) {
        return Err(PyErr::type_error("array indices must be integers"));
    }
    index_arg(vm, key, "index")
}

fn a_setitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = this(receiver)?;
    if let Some(PyObject::Slice(slice)) = args.pos[0].as_obj() {
        let Some(other) = args.pos[1].native::<Array>() else {
            return Err(PyErr::type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                args.pos[1].type_name()
            )));
        };
        if other.code != array.code {
            return Err(PyErr::type_error(
                "bad argument type for built-in operation",
            ));
        }
        let source = other.items.borrow().clone();
        let indices = slice.indices(array.len())?;
        let mut items = array.items.borrow_mut();
        let replaced = if indices.step == 1 {
            let (start, stop) = (
                indices.start as usize,
                (indices.start as usize + indices.len),
            );
            match (&mut *items, source) {
                (Items::Int(a), Items::Int(b)) => drop(a.splice(start..stop, b)),
                (Items::UInt(a), Items::UInt(b)) => drop(a.splice(start..stop, b)),
                (Items::Float(a), Items::Float(b)) => drop(a.splice(start..stop, b)),
                (Items::Char(a), Items::Char(b)) => drop(a.splice(start..stop, b)),
                _ => unreachable!("same type code, same kind"),
            }
            true
        } else {
            if source.len() != indices.len {
                return Err(PyErr::value_error(format!(
                    "attempt to assign array of size {} to extended slice of size {}",
                    source.len(),
                    indices.len
                )));
            }
            match (&mut *items, source) {
                (Items::Int(a), Items::Int(b)) => indices.iter().zip(b).for_each(|(i, x)| a[i] = x),
                (Items::UInt(a), Items::UInt(b)) => {
                    indices.iter().zip(b).for_each(|(i, x)| a[i] = x)
                }
                (Items::Float(a), Items::Float(b)) => {
                    indices.iter().zip(b).for_each(|(i, x)| a[i] = x)
                }
                (Items::Char(a), Items::Char(b)) => {
                    indices.iter().zip(b).for_each(|(i, x)| a[i] = x)
                }
                _ => unreachable!("same type code, same kind"),
            }
            false
        };
        drop(items);
        if replaced {
            array.resized();
        }
        return Ok(Value::None);
    }
    let i = item_index(vm, &args.pos[0])?;
    let i = normalize_index(i, array.len())
        .ok_or_else(|| PyErr::index_error("array assignment index out of range"))?;
    let item = array.convert(vm, &args.pos[1])?;
    array.store(i, item);
    Ok(Value::None)
}

fn a_delitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = resizable(receiver)?;
    if let Some(PyObject::Slice(slice)) = args.pos[0].as_obj() {
        let indices = slice.indices(array.len())?;
        let mut doomed: Vec<usize> = indices.iter().collect();
        doomed.sort_unstable();
        let mut k = 0;
        with_items!(&mut *array.items.borrow_mut(), v => {
            let mut i = 0;
            v.retain(|_| {
                let keep = doomed.get(k) != Some(&i);
                if !keep {
                    k += 1;
                }
                i += 1;
                keep
            });
        });
        array.resized();
        return Ok(Value::None);
    }
    let i = item_index(vm, &args.pos[0])?;
    let i = normalize_index(i, array.len())
        .ok_or_else(|| PyErr::index_error("array assignment index out of range"))?;
    with_items!(&mut *array.items.borrow_mut(), v => {
        v.remove(i);
    });
    array.resized();
    Ok(Value::None)
}

fn a_contains(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = this(receiver)?;
    Ok(Value::bool(
        find(vm, array, &args.pos[0], 0, usize::MAX)?.is_some(),
    ))
}

fn a_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    let name = krait_vm::typeobject::class_of(receiver).name.to_string();
    let code = array.code as char;
    if array.len() == 0 {
        return Ok(Value::str(format!("{name}('{code}')")));
    }
    let body = match &*array.items.borrow() {
        Items::Char(v) => vm.repr(&Value::str(v.iter().collect::<String>()))?,
        _ => {
            let list = Value::list(values_of(array));
            vm.repr(&list)?
        }
    };
    Ok(Value::str(format!("{name}('{code}', {body})")))
}

fn compare(vm: &mut Vm, receiver: &Value, args: Args, op: CompareOp) -> PyResult {
    let array = this(receiver)?;
    let Some(other) = args.pos[0].native::<Array>() else {
        return Ok(Value::NotImplemented);
    };
    let (a, b) = (values_of(array), values_of(other));
    // Items are compared as fresh numbers, with no identity shortcut (a
    // NaN item is unequal to itself, as in CPython, whose items are new
    // float objects each time).
    for (x, y) in a.iter().zip(&b) {
        if !vm.compare(CompareOp::Eq, x, y)? {
            return Ok(Value::bool(match op {
                CompareOp::Eq => false,
                CompareOp::Ne => true,
                _ => vm.compare(op, x, y)?,
            }));
        }
    }
    let order = a.len().cmp(&b.len());
    Ok(Value::bool(match op {
        CompareOp::Eq => order.is_eq(),
        CompareOp::Ne => order.is_ne(),
        CompareOp::Lt => order.is_lt(),
        CompareOp::Le => order.is_le(),
        CompareOp::Gt => order.is_gt(),
        CompareOp::Ge => order.is_ge(),
    }))
}

fn a_eq(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Eq)
}
fn a_ne(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Ne)
}
fn a_lt(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Lt)
}
fn a_le(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Le)
}
fn a_gt(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Gt)
}
fn a_ge(vm: &mut Vm, r: &Value, a: Args) -> PyResult {
    compare(vm, r, a, CompareOp::Ge)
}

fn a_add(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let array = this(receiver)?;
    let Some(other) = args.pos[0].native::<Array>() else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            args.pos[0].type_name()
        )));
    };
    if other.code != array.code {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    }
    let mut items = array.items.borrow().clone();
    let more = other.items.borrow().clone();
    match (&mut items, more) {
        (Items::Int(a), Items::Int(b)) => a.extend(b),
        (Items::UInt(a), Items::UInt(b)) => a.extend(b),
        (Items::Float(a), Items::Float(b)) => a.extend(b),
        (Items::Char(a), Items::Char(b)) => a.extend(b),
        _ => unreachable!("same type code, same kind"),
    }
    Ok(new_value(array.code, items))
}

fn a_iadd(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    if args.pos[0].native::<Array>().is_none() {
        return Err(PyErr::type_error(format!(
            "can only extend array with array (not \"{}\")",
            args.pos[0].type_name()
        )));
    }
    a_extend(vm, receiver, args)?;
    Ok(receiver.clone())
}

fn repeated(items: &Items, n: usize) -> PyResult<Items> {
    if items
        .len()
        .checked_mul(n)
        .is_none_or(|total| total > isize::MAX as usize / 8)
    {
        return Err(PyErr::new(
            krait_vm::typeobject::ExcType::MemoryError,
            String::new(),
        ));
    }
    Ok(match items {
        Items::Int(v) => Items::Int(v.repeat(n)),
        Items::UInt(v) => Items::UInt(v.repeat(n)),
        Items::Float(v) => Items::Float(v.repeat(n)),
        Items::Char(v) => Items::Char(v.repeat(n)),
    })
}

fn a_mul(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = repeat_count(vm, &args.pos[0])?.max(0) as usize;
    let array = this(receiver)?;
    let items = repeated(&array.items.borrow(), n)?;
    Ok(new_value(array.code, items))
}

fn a_imul(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = repeat_count(vm, &args.pos[0])?.max(0) as usize;
    let array = resizable(receiver)?;
    let items = repeated(&array.items.borrow(), n)?;
    *array.items.borrow_mut() = items;
    array.resized();
    Ok(receiver.clone())
}

fn a_copy(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    let items = array.items.borrow().clone();
    Ok(new_value(array.code, items))
}

fn a_reduce_ex(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let array = this(receiver)?;
    let class =
        krait_vm::builtins::constructors::type_value(&krait_vm::typeobject::class_of(receiver));
    let code = Value::str((array.code as char).to_string());
    let items = Value::list(values_of(array));
    Ok(Value::tuple(vec![
        class,
        Value::tuple(vec![code, items]),
        Value::None,
    ]))
}

fn a_iter(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    this(receiver)?;
    Ok(NativeObject::new_value(
        ITER_TYPE.with(Rc::clone),
        ArrayIterator {
            array: receiver.clone(),
            index: Cell::new(0),
        },
    ))
}

static METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, array_new),
    method("append", Params::One, a_append),
    method("extend", Params::One, a_extend),
    method("insert", Params::Positional(2, 2), a_insert),
    method("pop", Params::Positional(0, 1), a_pop),
    method("remove", Params::One, a_remove),
    method("index", Params::Positional(1, 3), a_index),
    method("count", Params::One, a_count),
    method("reverse", Params::NoArgs, a_reverse),
    method("tolist", Params::NoArgs, a_tolist),
    method("fromlist", Params::One, a_fromlist),
    method("tobytes", Params::NoArgs, a_tobytes),
    method("frombytes", Params::One, a_frombytes),
    method("tofile", Params::One, a_tofile),
    method("fromfile", Params::Positional(2, 2), a_fromfile),
    method("tounicode", Params::NoArgs, a_tounicode),
    method("fromunicode", Params::One, a_fromunicode),
    method("byteswap", Params::NoArgs, a_byteswap),
    method("buffer_info", Params::NoArgs, a_buffer_info),
    method("__len__", Params::NoArgs, a_len),
    method("__getitem__", Params::One, a_getitem),
    method("__setitem__", Params::Tuple(2, 2), a_setitem),
    method("__delitem__", Params::One, a_delitem),
    method("__contains__", Params::One, a_contains),
    method("__repr__", Params::NoArgs, a_repr),
    method("__eq__", Params::One, a_eq),
    method("__ne__", Params::One, a_ne),
    method("__lt__", Params::One, a_lt),
    method("__le__", Params::One, a_le),
    method("__gt__", Params::One, a_gt),
    method("__ge__", Params::One, a_ge),
    method("__add__", Params::One, a_add),
    method("__iadd__", Params::One, a_iadd),
    method("__mul__", Params::One, a_mul),
    method("__rmul__", Params::One, a_mul),
    method("__imul__", Params::One, a_imul),
    method("__copy__", Params::NoArgs, a_copy),
    method("__deepcopy__", Params::One, a_copy),
    method("__reduce_ex__", Params::One, a_reduce_ex),
    method("__iter__", Params::NoArgs, a_iter),
    method("__hash__", Params::NoArgs, crate::util::unhashable),
    method("__class_getitem__", Params::One, class_getitem),
];

struct ArrayIterator {
    array: Value,
    index: Cell<usize>,
}

impl NativeData for ArrayIterator {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.array);
    }

    fn next(&self, _: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let array = match this(&self.array) {
            Ok(array) => array,
            Err(err) => return Some(Err(err)),
        };
        let i = self.index.get();
        let value = array.get(i);
        if value.is_some() {
            self.index.set(i + 1);
        }
        Some(Ok(value))
    }
}

static ITER_METHODS: &[MethodDef] = &[
    method("__next__", Params::NoArgs, iter_next),
    method("__iter__", Params::NoArgs, iter_self),
];
