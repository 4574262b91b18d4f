//! `bytearray`: a mutable byte string.
//!
//! Declared as a native type (see `crate::native`): its bytes are a
//! `RefCell<Vec<u8>>`, it exports them as a buffer (`crate::buffer`), and
//! a user class may derive from it (its `__init__` fills the value its
//! `__new__` made, as CPython's does). The methods it shares with `bytes`
//! come from `bytes_methods`; this file has the mutating ones and the
//! operators. No borrow of the bytes is held while Python code runs:
//! arguments are read (and copied, when they may be this very object)
//! before the bytes are borrowed for writing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::buffer::{self, BytesRef, Exporter};
use crate::builtins::bytes_methods::{byte_methods, byte_value};
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params, PyBuiltinFunction};
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type};
use crate::object::PyObject;
use crate::protocol::{self, CompareOp};
use crate::sequence;
use crate::typeobject::TypeObject;
use crate::value::Value;

pub struct ByteArray {
    data: RefCell<Vec<u8>>,
    /// Live memoryviews of it (CPython's `ob_exports`).
    exports: Cell<usize>,
}

impl ByteArray {
    pub fn new(data: Vec<u8>) -> ByteArray {
        ByteArray {
            data: RefCell::new(data),
            exports: Cell::new(0),
        }
    }

    pub fn read(&self) -> BytesRef<'_> {
        BytesRef::Cell(std::cell::Ref::map(self.data.borrow(), Vec::as_slice))
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes, for writing when the size stays.
    fn bytes_mut(&self) -> std::cell::RefMut<'_, Vec<u8>> {
        self.data.borrow_mut()
    }

    /// The bytes, for a change of size: refused while exported.
    fn resize(&self) -> PyResult<std::cell::RefMut<'_, Vec<u8>>> {
        buffer::check_resizable(&self.exports)?;
        Ok(self.data.borrow_mut())
    }
}

impl NativeData for ByteArray {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn buffer(&self) -> Option<&dyn Exporter> {
        Some(self)
    }
}

impl Exporter for ByteArray {
    fn format(&self) -> &'static str {
        "B"
    }
    fn itemsize(&self) -> usize {
        1
    }
    fn read(&self) -> BytesRef<'_> {
        ByteArray::read(self)
    }
    fn write(&self, offset: usize, data: &[u8]) -> PyResult<()> {
        let mut bytes = self.bytes_mut();
        match bytes.get_mut(offset..offset + data.len()) {
            Some(target) => {
                target.copy_from_slice(data);
                Ok(())
            }
            None => Err(PyErr::index_error("index out of bounds on dimension 1")),
        }
    }
    fn exports(&self) -> &Cell<usize> {
        &self.exports
    }
}

thread_local! {
    static BYTEARRAY_TYPE: Rc<TypeObject> = {
        let class = native_type("bytearray", METHODS);
        {
            let mut dict = class.dict.borrow_mut();
            dict.insert(
                Box::from("fromhex"),
                Value::obj(PyObject::ClassMethod(crate::builtins::function::PyClassMethod {
                    function: Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                        name: "fromhex",
                        func: fromhex,
                    })),
                })),
            );
            dict.insert(Box::from("maketrans"), crate::builtins::maketrans_function());
        }
        class
    };
    static ITER_TYPE: Rc<TypeObject> = native_type("bytearray_iterator", ITER_METHODS);
}

/// The `bytearray` type.
pub fn bytearray_type() -> Rc<TypeObject> {
    BYTEARRAY_TYPE.with(Rc::clone)
}

/// A new bytearray holding `data`.
pub fn new_value(data: Vec<u8>) -> Value {
    NativeObject::new_value(bytearray_type(), ByteArray::new(data))
}

fn this(z: &Value) -> PyResult<&ByteArray> {
    z.native::<ByteArray>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            z.type_name()
        ))
    })
}

/// `bytearray.fromhex(string)`: a classmethod (a subclass gets an
/// instance of itself, made from the bytes).
fn fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let [cls, string] = args.pos else {
        return Err(PyErr::type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let bytes = crate::builtins::bytes_methods::fromhex(string)?;
    match cls.as_obj() {
        Some(PyObject::Type(t)) if Rc::ptr_eq(t, &bytearray_type()) => Ok(new_value(bytes)),
        // A subclass is called with the bytes, as CPython does.
        _ => vm.call(cls, Args::new(&[Value::bytes(bytes)])),
    }
}

/// The bytes `bytes(...)` and `bytearray(...)` make from their
/// arguments (`source`, `encoding`, `errors`), with CPython's messages;
/// `name` is the type's name. `bytes` also honours `__bytes__` (the
/// caller asks it first).
pub fn bytes_from_args(vm: &mut Vm, name: &str, args: &Args) -> PyResult<Vec<u8>> {
    crate::builtins::module::allow_kw(name, args, &["source", "encoding", "errors"])?;
    if args.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            args.pos.len()
        )));
    }
    let source = args.get(0, "source");
    let encoding = args.get(1, "encoding");
    let errors = args.get(2, "errors");
    let str_arg = |what: &str, v: Option<&Value>| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) => match v.as_str_or_subclass() {
                Some(s) => Ok(Some(s.as_str().to_string())),
                None => Err(PyErr::type_error(format!(
                    "{name}() argument '{what}' must be str, not {}",
                    v.type_name()
                ))),
            },
        }
    };
    if encoding.is_some() || errors.is_some() {
        let encoding = str_arg("encoding", encoding)?;
        let errors = str_arg("errors", errors)?;
        let Some(text) = source.and_then(|s| s.as_str_or_subclass()) else {
            return Err(PyErr::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        };
        return crate::builtins::codecs::encode(
            text.as_str(),
            encoding.as_deref().unwrap_or("utf-8"),
            errors.as_deref().unwrap_or("strict"),
        );
    }
    let Some(source) = source else {
        return Ok(Vec::new());
    };
    if let Some(b) = buffer::bytes_like(source)? {
        return Ok(b.to_vec());
    }
    if source.as_str_or_subclass().is_some() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    let has_index = source.is_int()
        || crate::interpreter::class::user_class_of(source)
            .is_some_and(|c| c.defines(crate::typeobject::Slot::Index));
    if has_index {
        let n = crate::builtins::module::index_value(vm, source)?;
        return match crate::builtins::int::as_int(&n).and_then(|i| i.to_i64()) {
            Some(n) if n < 0 => Err(PyErr::value_error("negative count")),
            Some(n) if n <= isize::MAX as i64 / 2 => {
                let mut zeros = crate::memory::vec_with_capacity(n as usize)?;
                zeros.resize(n as usize, 0);
                Ok(zeros)
            }
            Some(_) => Err(PyErr::new(crate::typeobject::ExcType::MemoryError, "")),
            None => Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            )),
        };
    }
    let cannot_convert = || {
        PyErr::type_error(format!(
            "cannot convert '{}' object to {name}",
            source.type_name()
        ))
    };
    if matches!(source, Value::Float(_) | Value::None) {
        return Err(cannot_convert());
    }
    let items = match vm.iterate(source) {
        Ok(it) => it,
        Err(e)
            if e.matches(crate::typeobject::ExcType::TypeError)
                && e.message().ends_with("is not iterable") =>
        {
            return Err(cannot_convert());
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = protocol::next(vm, &items)? {
        let n = crate::builtins::module::index_value(vm, &item)?;
        match crate::builtins::int::as_int(&n).and_then(|i| i.to_i64()) {
            Some(b @ 0..=255) => out.push(b as u8),
            _ if name == "bytes" => {
                return Err(PyErr::value_error("bytes must be in range(0, 256)"));
            }
            _ => return Err(PyErr::value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn ba_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(new_value(Vec::new()))
}

fn ba_init(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let data = bytes_from_args(vm, "bytearray", &args)?;
    let ba = this(z)?;
    if ba.is_empty() && data.is_empty() {
        return Ok(Value::None);
    }
    *ba.resize()? = data;
    Ok(Value::None)
}

/// The bytes a slice assignment or `extend` takes: a bytes-like object
/// (copied: it may be the target itself) or an iterable of ints.
fn bytes_of_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer::bytes_like(v)? {
        return Ok(b.to_vec());
    }
    let items = protocol::collect(vm, v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item)?);
    }
    Ok(out)
}

fn m_append(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let b = byte_value(vm, &args.pos[0])?;
    this(z)?.resize()?.push(b);
    Ok(Value::None)
}

fn m_extend(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let source = &args.pos[0];
    if buffer::bytes_like(source)?.is_none() && !is_iterable(source) {
        return Err(PyErr::type_error(format!(
            "can't extend bytearray with {}",
            source.type_name()
        )));
    }
    let data = bytes_of_iterable(vm, source)?;
    if !data.is_empty() {
        this(z)?.resize()?.extend_from_slice(&data);
    }
    Ok(Value::None)
}

/// Whether `v` can be iterated (without starting to).
fn is_iterable(v: &Value) -> bool {
    !matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None
    ) && v.as_bigint_or_subclass().is_none()
}

fn m_insert(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let index = sequence::index_arg(vm, &args.pos[0], "index")?;
    let b = byte_value(vm, &args.pos[1])?;
    let ba = this(z)?;
    let mut data = ba.resize()?;
    let n = data.len() as i64;
    let i = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    };
    data.insert(i as usize, b);
    Ok(Value::None)
}

fn m_pop(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let index = match args.pos.first() {
        Some(v) => sequence::index_arg(vm, v, "index")?,
        None => -1,
    };
    let ba = this(z)?;
    if ba.is_empty() {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let Some(i) = sequence::normalize_index(index, ba.len()) else {
        return Err(PyErr::index_error("pop index out of range"));
    };
    let b = ba.resize()?.remove(i);
    Ok(Value::Int(b as i64))
}

fn m_remove(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let b = byte_value(vm, &args.pos[0])?;
    let ba = this(z)?;
    let position = ba.read().iter().position(|&c| c == b);
    match position {
        Some(i) => {
            ba.resize()?.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn m_clear(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let ba = this(z)?;
    if !ba.is_empty() {
        ba.resize()?.clear();
    }
    Ok(Value::None)
}

fn m_reverse(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    this(z)?.bytes_mut().reverse();
    Ok(Value::None)
}

fn m_copy(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(new_value(this(z)?.read().to_vec()))
}

fn m_len(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::from(this(z)?.len()))
}

/// `ba[i]` / `ba[a:b:c]`.
fn m_getitem(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let key = &args.pos[0];
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        let ba = this(z)?;
        let indices = s.indices(ba.len())?;
        let data = ba.read();
        return Ok(new_value(indices.iter().map(|i| data[i]).collect()));
    }
    let index = item_index(vm, key)?;
    let ba = this(z)?;
    let data = ba.read();
    match sequence::normalize_index(index, data.len()) {
        Some(i) => Ok(Value::Int(data[i] as i64)),
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

/// An index of `ba[i]`: an int or an object with `__index__`.
fn item_index(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    let has_index = key.is_int()
        || crate::interpreter::class::user_class_of(key)
            .is_some_and(|c| c.defines(crate::typeobject::Slot::Index));
    if !has_index {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.type_name()
        )));
    }
    let n = crate::builtins::module::index_value(vm, key)?;
    sequence::subscript_index(&n, "bytearray")
        .map_err(|_| PyErr::index_error("cannot fit 'int' into an index-sized integer"))
}

/// `ba[i] = v` / `ba[a:b:c] = iterable`.
fn m_setitem(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let (key, value) = (&args.pos[0], &args.pos[1]);
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        if value.is_int() {
            return Err(PyErr::type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        }
        let new = bytes_of_iterable(vm, value)?;
        let ba = this(z)?;
        let indices = s.indices(ba.len())?;
        if indices.step == 1 {
            let start = indices.start.max(0) as usize;
            let stop = (indices.start + indices.len as i64).max(0) as usize;
            if stop - start == new.len() {
                ba.bytes_mut()[start..stop].copy_from_slice(&new);
            } else {
                ba.resize()?.splice(start..stop, new);
            }
            return Ok(Value::None);
        }
        if indices.len != new.len() {
            return Err(PyErr::value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                indices.len
            )));
        }
        let mut data = ba.bytes_mut();
        for (i, b) in indices.iter().zip(new) {
            data[i] = b;
        }
        return Ok(Value::None);
    }
    let index = item_index(vm, key)?;
    let b = byte_value(vm, value)?;
    let ba = this(z)?;
    let mut data = ba.bytes_mut();
    match sequence::normalize_index(index, data.len()) {
        Some(i) => {
            data[i] = b;
            Ok(Value::None)
        }
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

fn m_delitem(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let key = &args.pos[0];
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        let ba = this(z)?;
        let indices = s.indices(ba.len())?;
        if indices.len == 0 {
            return Ok(Value::None);
        }
        let mut data = ba.resize()?;
        let mut doomed: Vec<usize> = indices.iter().collect();
        doomed.sort_unstable();
        let mut k = 0;
        let mut i = 0;
        data.retain(|_| {
            let keep = doomed.get(k) != Some(&i);
            if !keep {
                k += 1;
            }
            i += 1;
            keep
        });
        return Ok(Value::None);
    }
    let index = item_index(vm, key)?;
    let ba = this(z)?;
    let Some(i) = sequence::normalize_index(index, ba.len()) else {
        return Err(PyErr::index_error("bytearray index out of range"));
    };
    ba.resize()?.remove(i);
    Ok(Value::None)
}

fn m_contains(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let x = &args.pos[0];
    let needle = match buffer::bytes_like(x)? {
        Some(b) => b.to_vec(),
        // Not an integer either: CPython names the buffer it wanted.
        None => match byte_value(vm, x) {
            Ok(byte) => vec![byte],
            Err(err) if err.matches(crate::typeobject::ExcType::TypeError) => {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    x.type_name()
                )));
            }
            Err(err) => return Err(err),
        },
    };
    let data = this(z)?.read();
    Ok(Value::bool(
        needle.is_empty() || data.windows(needle.len()).any(|w| w == needle),
    ))
}

fn m_repr(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let data = this(z)?.read();
    Ok(Value::str(format!(
        "{}({})",
        z.type_name(),
        crate::builtins::bytes::repr_bytes_escaping(&data, true)
    )))
}

fn m_hash(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Err(PyErr::type_error("unhashable type: 'bytearray'"))
}

fn compare(z: &Value, args: Args, op: CompareOp) -> PyResult {
    let Some(other) = buffer::bytes_like(&args.pos[0])? else {
        return Ok(Value::NotImplemented);
    };
    let data = this(z)?.read();
    Ok(Value::bool(op.holds_for(data[..].cmp(&other[..]))))
}

fn m_eq(_: &mut Vm, z: &Value, a: Args) -> PyResult {
    compare(z, a, CompareOp::Eq)
}
fn m_ne(_: &mut Vm, z: &Value, a: Args) -> PyResult {
    compare(z, a, CompareOp::Ne)
}
fn m_lt(_: &mut Vm, z: &Value, a: Args) -> PyResult {
    compare(z, a, CompareOp::Lt)
}
fn m_le(_: &mut Vm, z: &Value, a: Args) -> PyResult {
    compare(z, a, CompareOp::Le)
}
fn m_gt(_: &mut Vm, z: &Value, a: Args) -> PyResult {
    compare(z, a, CompareOp::Gt)
}
fn m_ge(_: &mut Vm, z: &Value, a: Args) -> PyResult {
    compare(z, a, CompareOp::Ge)
}

fn concat_error(other: &Value) -> PyErr {
    PyErr::type_error(format!("can't concat {} to bytearray", other.type_name()))
}

fn m_add(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let Some(other) = buffer::bytes_like(&args.pos[0])? else {
        // A class with `__radd__` answers first (CPython's number slot
        // comes before bytearray's sequence concatenation).
        if let Some(result) =
            vm.call_dunder_with(&args.pos[0], "__radd__", std::slice::from_ref(z))?
            && !matches!(result, Value::NotImplemented)
        {
            return Ok(result);
        }
        return Err(concat_error(&args.pos[0]));
    };
    let mut out = this(z)?.read().to_vec();
    out.extend_from_slice(&other);
    Ok(new_value(out))
}

fn m_iadd(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let Some(other) = buffer::bytes_like(&args.pos[0])? else {
        return Err(concat_error(&args.pos[0]));
    };
    let other = other.to_vec();
    if !other.is_empty() {
        this(z)?.resize()?.extend_from_slice(&other);
    }
    Ok(z.clone())
}

/// The `n` of `ba * n`.
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    let has_index = n.is_int()
        || crate::interpreter::class::user_class_of(n)
            .is_some_and(|c| c.defines(crate::typeobject::Slot::Index));
    if !has_index {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_name()
        )));
    }
    let n = match sequence::index_arg(vm, n, "n") {
        Err(err) if err.matches(crate::typeobject::ExcType::OverflowError) => {
            return Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        n => n?,
    };
    Ok(n.max(0) as usize)
}

fn repeated(data: &[u8], n: usize) -> PyResult<Vec<u8>> {
    crate::sequence::repeat(data, n.min(i64::MAX as usize) as i64)
}

fn m_mul(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let n = repeat_count(vm, &args.pos[0])?;
    let out = repeated(&this(z)?.read(), n)?;
    Ok(new_value(out))
}

fn m_imul(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let n = repeat_count(vm, &args.pos[0])?;
    let ba = this(z)?;
    let out = repeated(&ba.read(), n)?;
    if out.len() != ba.len() {
        *ba.resize()? = out;
    }
    Ok(z.clone())
}

fn m_iter(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    this(z)?;
    Ok(byte_iterator(
        ITER_TYPE.with(Rc::clone),
        z.clone(),
        ByteIterator::bytearray_item,
    ))
}

/// `ba.__reduce_ex__(protocol)`: `(type(ba), (bytes(ba),), state)`, as
/// CPython gives for protocols 3 and up (what `copy` and `pickle` use).
fn m_reduce(vm: &mut Vm, z: &Value, _: Args) -> PyResult {
    let data = this(z)?.read().to_vec();
    let class = crate::builtins::constructors::type_value(&crate::typeobject::class_of(z));
    let state = if matches!(z.as_obj(), Some(PyObject::Instance(_))) {
        let dict = vm.get_attr(z, "__dict__")?;
        if vm.truthy_value(&dict)? {
            dict
        } else {
            Value::None
        }
    } else {
        Value::None
    };
    Ok(Value::tuple(vec![
        class,
        Value::tuple(vec![Value::bytes(data)]),
        state,
    ]))
}

fn m_alloc(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::from(this(z)?.data.borrow().capacity() + 1))
}

/// An iterator over the items of a bytearray or a memoryview: reads the
/// object again at every step (it may have changed).
pub struct ByteIterator {
    seq: Value,
    index: Cell<usize>,
    item: fn(&Value, usize) -> PyResult<Option<Value>>,
}

impl ByteIterator {
    fn bytearray_item(seq: &Value, i: usize) -> PyResult<Option<Value>> {
        Ok(this(seq)?.read().get(i).map(|&b| Value::Int(b as i64)))
    }
}

/// A new iterator of type `class` over `seq`, reading item `i` with `item`.
pub fn byte_iterator(
    class: Rc<TypeObject>,
    seq: Value,
    item: fn(&Value, usize) -> PyResult<Option<Value>>,
) -> Value {
    NativeObject::new_value(
        class,
        ByteIterator {
            seq,
            index: Cell::new(0),
            item,
        },
    )
}

impl NativeData for ByteIterator {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.seq);
    }

    fn next(&self, _: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let i = self.index.get();
        Some(match (self.item)(&self.seq, i) {
            Ok(Some(v)) => {
                self.index.set(i + 1);
                Ok(Some(v))
            }
            // Exhausted for good, like CPython's iterators.
            Ok(None) => {
                self.index.set(usize::MAX);
                Ok(None)
            }
            Err(e) => Err(e),
        })
    }
}

fn iter_next(vm: &mut Vm, z: &Value, _: Args) -> PyResult {
    let step = match z.builtin_value().as_obj() {
        Some(PyObject::Native(native)) => native.data.next(vm),
        _ => None,
    };
    match step {
        Some(Ok(Some(v))) => Ok(v),
        Some(Err(e)) => Err(e),
        _ => Err(crate::interpreter::generator::stop_iteration(Value::None)),
    }
}

fn iter_self(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(z.clone())
}

pub(crate) static ITER_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: iter_self,
    },
    MethodDef {
        name: "__next__",
        params: Params::NoArgs,
        func: iter_next,
    },
];

const fn method(
    name: &'static str,
    params: Params,
    func: crate::builtins::function::NativeMethod,
) -> MethodDef {
    MethodDef { name, params, func }
}

pub static METHODS: &[MethodDef] = byte_methods!(
    ByteArrayKind,
    [
        method("__new__", Params::Any, ba_new),
        method("__init__", Params::Any, ba_init),
        method("append", Params::One, m_append),
        method("extend", Params::One, m_extend),
        method("insert", Params::Positional(2, 2), m_insert),
        method("pop", Params::Positional(0, 1), m_pop),
        method("remove", Params::One, m_remove),
        method("clear", Params::NoArgs, m_clear),
        method("reverse", Params::NoArgs, m_reverse),
        method("copy", Params::NoArgs, m_copy),
        method("__alloc__", Params::NoArgs, m_alloc),
        method("__reduce__", Params::NoArgs, m_reduce),
        method("__reduce_ex__", Params::Positional(0, 1), m_reduce),
        method("__len__", Params::NoArgs, m_len),
        method("__getitem__", Params::One, m_getitem),
        method("__setitem__", Params::Positional(2, 2), m_setitem),
        method("__delitem__", Params::One, m_delitem),
        method("__contains__", Params::One, m_contains),
        method("__iter__", Params::NoArgs, m_iter),
        method("__repr__", Params::NoArgs, m_repr),
        method("__hash__", Params::NoArgs, m_hash),
        method("__eq__", Params::One, m_eq),
        method("__ne__", Params::One, m_ne),
        method("__lt__", Params::One, m_lt),
        method("__le__", Params::One, m_le),
        method("__gt__", Params::One, m_gt),
        method("__ge__", Params::One, m_ge),
        method("__add__", Params::One, m_add),
        method("__iadd__", Params::One, m_iadd),
        method("__mul__", Params::One, m_mul),
        method("__rmul__", Params::One, m_mul),
        method("__imul__", Params::One, m_imul),
    ]
);
