//! `memoryview`: a window on the memory of a bytes-like object.
//!
//! Declared as a native type (see `crate::native`). A view holds the
//! object it looks at (`obj`: a `bytes`, or a native exporter such as a
//! bytearray or an array) and describes its items as CPython's one-
//! dimensional views do: a byte offset, a number of items, a stride in
//! bytes, a struct format and item size. Slicing makes a new view of the
//! same object (nothing is copied: writing through a slice of a view of a
//! bytearray changes the bytearray). Every live view of a native exporter
//! counts in its exports, so the exporter refuses to change size until
//! the views are released (`release()`, the end of a `with` block, or the
//! view going away).
//!
//! Gap: only one-dimensional views (`cast` takes no shape).

use std::cell::Cell;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::buffer::{self, BytesRef, Exporter};
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, NativeMethod, Params, Signature};
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type};
use crate::object::PyObject;
use crate::sequence;
use crate::typeobject::{ExcType, TypeObject};
use crate::value::Value;

pub struct MemoryView {
    /// The exporting object (`bytes`, or a native exporter).
    obj: Value,
    /// Byte offset of item 0 in the exporter's memory.
    start: usize,
    /// Number of items.
    len: usize,
    /// Bytes from one item to the next (negative for a reversed slice).
    step: isize,
    /// The struct format character of the items.
    format: u8,
    itemsize: usize,
    readonly: bool,
    released: Cell<bool>,
}

thread_local! {
    static MEMORYVIEW_TYPE: Rc<TypeObject> = native_type("memoryview", METHODS);
    static ITER_TYPE: Rc<TypeObject> =
        native_type("memory_iterator", crate::builtins::bytearray::ITER_METHODS);
}

/// The `memoryview` type.
pub fn memoryview_type() -> Rc<TypeObject> {
    MEMORYVIEW_TYPE.with(Rc::clone)
}

fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// The size of one item of a struct format (`None`: not one krait's
/// views know).
fn format_size(format: u8) -> Option<usize> {
    Some(match format {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'd' | b'n' | b'N' | b'P' => 8,
        _ => return None,
    })
}

fn is_byte_format(format: u8) -> bool {
    matches!(format, b'B' | b'b' | b'c')
}

/// One item's value from its bytes (native, little-endian).
fn unpack(format: u8, bytes: &[u8]) -> Value {
    let mut word = [0u8; 8];
    word[..bytes.len().min(8)].copy_from_slice(&bytes[..bytes.len().min(8)]);
    let unsigned = u64::from_le_bytes(word);
    let bits = bytes.len() as u32 * 8;
    let signed = || {
        let shift = 64 - bits;
        ((unsigned << shift) as i64) >> shift
    };
    match format {
        b'c' => Value::bytes(bytes.to_vec()),
        b'?' => Value::bool(unsigned != 0),
        b'f' => Value::float(f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as f64),
        b'd' => Value::float(f64::from_le_bytes(word)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(signed()),
        _ => Value::from_bigint(num_bigint::BigInt::from(unsigned)),
    }
}

/// The bytes of one item from a value, with CPython's messages.
fn pack(vm: &mut Vm, format: u8, value: &Value) -> PyResult<Vec<u8>> {
    let fmt = format as char;
    let invalid_type = || PyErr::type_error(format!("memoryview: invalid type for format '{fmt}'"));
    let invalid_value =
        || PyErr::value_error(format!("memoryview: invalid value for format '{fmt}'"));
    let size = format_size(format).unwrap_or(1);
    match format {
        b'c' => match value.as_bytes_or_subclass() {
            Some(b) if b.len() == 1 => Ok(b.as_bytes().to_vec()),
            Some(_) => Err(invalid_value()),
            None => Err(invalid_type()),
        },
        b'?' => Ok(vec![u8::from(vm.truthy_value(value)?)]),
        b'f' | b'd' => {
            let x = match value.builtin_value() {
                Value::Float(f) => crate::builtins::float::canonical(f.get()),
                v => match crate::builtins::int::as_int(v) {
                    Some(i) => i.to_f64()?,
                    None => return Err(invalid_type()),
                },
            };
            Ok(if format == b'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        _ => {
            let has_index = value.is_int()
                || crate::interpreter::class::user_class_of(value)
                    .is_some_and(|c| c.defines(crate::typeobject::Slot::Index));
            if !has_index {
                return Err(invalid_type());
            }
            let n = crate::builtins::module::index_value(vm, value)?;
            let Some(n) = crate::builtins::int::as_int(&n)
                .and_then(|i| num_traits::ToPrimitive::to_i128(&*i.to_bigint()))
            else {
                return Err(invalid_value());
            };
            let bits = size as u32 * 8;
            let signed = matches!(format, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if n < lo || n > hi {
                return Err(invalid_value());
            }
            Ok((n as u64).to_le_bytes()[..size].to_vec())
        }
    }
}

impl MemoryView {
    /// A view of all of `obj`: `memoryview(obj)`.
    pub fn of(obj: &Value) -> PyResult<MemoryView> {
        if let Some(view) = obj.native::<MemoryView>() {
            view.check()?;
            return Ok(view.clone_view());
        }
        let base = obj.builtin_value();
        let (format, itemsize, readonly, nbytes) = match base.as_obj() {
            Some(PyObject::Bytes(b)) => (b'B', 1, true, b.len()),
            _ => match buffer::exporter(base) {
                Some(e) => (
                    e.format().bytes().next().unwrap_or(b'B'),
                    e.itemsize().max(1),
                    e.readonly(),
                    e.read().len(),
                ),
                None => {
                    return Err(PyErr::type_error(format!(
                        "memoryview: a bytes-like object is required, not '{}'",
                        obj.type_name()
                    )));
                }
            },
        };
        let view = MemoryView {
            obj: base.clone(),
            start: 0,
            len: nbytes / itemsize,
            step: itemsize as isize,
            format,
            itemsize,
            readonly,
            released: Cell::new(false),
        };
        view.register();
        Ok(view)
    }

    /// Another view with the same window (counted as an export).
    fn clone_view(&self) -> MemoryView {
        let view = MemoryView {
            obj: self.obj.clone(),
            start: self.start,
            len: self.len,
            step: self.step,
            format: self.format,
            itemsize: self.itemsize,
            readonly: self.readonly,
            released: Cell::new(false),
        };
        view.register();
        view
    }

    fn exports(&self) -> Option<&Cell<usize>> {
        buffer::exporter(&self.obj).map(Exporter::exports)
    }

    fn register(&self) {
        if let Some(exports) = self.exports() {
            exports.set(exports.get() + 1);
        }
    }

    /// `release()`: the exporter may change size again.
    fn release(&self) {
        if !self.released.replace(true)
            && let Some(exports) = self.exports()
        {
            exports.set(exports.get().saturating_sub(1));
        }
    }

    fn check(&self) -> PyResult<()> {
        if self.released.get() {
            return Err(released_error());
        }
        Ok(())
    }

    fn contiguous(&self) -> bool {
        self.step == self.itemsize as isize || self.len <= 1
    }

    fn nbytes(&self) -> usize {
        self.len * self.itemsize
    }

    /// The exporter's whole memory.
    fn source(&self) -> PyResult<BytesRef<'_>> {
        self.check()?;
        match self.obj.as_obj() {
            Some(PyObject::Bytes(b)) => Ok(BytesRef::Slice(b.as_bytes())),
            _ => match buffer::exporter(&self.obj) {
                Some(e) => Ok(e.read()),
                None => Err(released_error()),
            },
        }
    }

    /// Byte offset of item `i` (in range).
    fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// The bytes the view shows, in order (`tobytes()`).
    pub fn bytes(&self) -> PyResult<BytesRef<'_>> {
        let source = self.source()?;
        if self.contiguous() {
            let start = if self.len == 0 { 0 } else { self.start };
            return Ok(source.sub(start, start + self.nbytes()));
        }
        let mut out = Vec::with_capacity(self.nbytes());
        for i in 0..self.len {
            let at = self.offset(i);
            match source.get(at..at + self.itemsize) {
                Some(item) => out.extend_from_slice(item),
                None => return Err(released_error()),
            }
        }
        Ok(BytesRef::Owned(out))
    }

    fn item(&self, i: usize) -> PyResult<Value> {
        let source = self.source()?;
        let at = self.offset(i);
        match source.get(at..at + self.itemsize) {
            Some(item) => Ok(unpack(self.format, item)),
            None => Err(PyErr::index_error("index out of bounds on dimension 1")),
        }
    }

    fn items(&self) -> PyResult<Vec<Value>> {
        (0..self.len).map(|i| self.item(i)).collect()
    }

    /// The number of bytes a writer may overwrite through this view:
    /// `None` unless it is live, writable and contiguous (what CPython's
    /// `PyBUF_WRITABLE` request of a simple buffer accepts).
    pub fn writable_nbytes(&self) -> Option<usize> {
        (!self.released.get() && !self.readonly && self.contiguous()).then(|| self.nbytes())
    }

    /// Overwrites the view's bytes from `offset` (a view that
    /// [`writable_nbytes`](Self::writable_nbytes) accepts, within it).
    pub fn write_bytes(&self, offset: usize, data: &[u8]) -> PyResult<()> {
        self.check()?;
        self.write(self.start + offset, data)
    }

    fn write(&self, offset: usize, data: &[u8]) -> PyResult<()> {
        match buffer::exporter(&self.obj) {
            Some(e) if !self.readonly => e.write(offset, data),
            _ => Err(PyErr::type_error("cannot modify read-only memory")),
        }
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

impl NativeData for MemoryView {
    fn weakrefable(&self) -> bool {
        true
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }

    fn try_attribute(&self, name: &str) -> Option<PyResult<Value>> {
        let value = self.attribute(name)?;
        if self.released.get() {
            return Some(Err(released_error()));
        }
        Some(Ok(value))
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        let format = || Value::str((self.format as char).to_string());
        Some(match name {
            "obj" => self.obj.clone(),
            "nbytes" => Value::from(self.nbytes()),
            "readonly" => Value::bool(self.readonly),
            "itemsize" => Value::from(self.itemsize),
            "format" => format(),
            "ndim" => Value::Int(1),
            "shape" => Value::tuple(vec![Value::from(self.len)]),
            "strides" => Value::tuple(vec![Value::Int(self.step as i64)]),
            "suboffsets" => Value::tuple(Vec::new()),
            "c_contiguous" | "f_contiguous" | "contiguous" => Value::bool(self.contiguous()),
            _ => return None,
        })
    }
}

fn this(z: &Value) -> PyResult<&MemoryView> {
    z.native::<MemoryView>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            z.type_name()
        ))
    })
}

/// `this` for an operation: refused once released.
fn live(z: &Value) -> PyResult<&MemoryView> {
    let view = this(z)?;
    view.check()?;
    Ok(view)
}

fn new_value(view: MemoryView) -> Value {
    NativeObject::new_value(memoryview_type(), view)
}

static NEW: Signature = Signature {
    names: &["object"],
    positional: 1,
    required: 1,
};

fn mv_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    crate::builtins::function::check_params(
        Params::Named(&NEW),
        "memoryview",
        || "memoryview".to_string(),
        &args,
    )?;
    let object = args.get(0, "object").cloned().unwrap_or(Value::None);
    MemoryView::of(&object).map(new_value)
}

fn m_len(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::from(live(z)?.len))
}

fn item_index(vm: &mut Vm, view: &MemoryView, key: &Value) -> PyResult<usize> {
    let has_index = key.is_int()
        || crate::interpreter::class::user_class_of(key)
            .is_some_and(|c| c.defines(crate::typeobject::Slot::Index));
    if !has_index {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    }
    let index = sequence::index_arg(vm, key, "index")?;
    sequence::normalize_index(index, view.len)
        .ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))
}

fn m_getitem(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let key = &args.pos[0];
    let view = live(z)?;
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        let indices = s.indices(view.len)?;
        let start = if indices.len == 0 {
            view.start
        } else {
            view.offset(indices.start as usize)
        };
        let sliced = MemoryView {
            obj: view.obj.clone(),
            start,
            len: indices.len,
            step: view.step * indices.step as isize,
            format: view.format,
            itemsize: view.itemsize,
            readonly: view.readonly,
            released: Cell::new(false),
        };
        sliced.register();
        return Ok(new_value(sliced));
    }
    if matches!(key, Value::Ellipsis) {
        return Ok(new_value(view.clone_view()));
    }
    let i = item_index(vm, view, key)?;
    this(z)?.item(i)
}

fn m_setitem(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let (key, value) = (&args.pos[0], &args.pos[1]);
    let view = live(z)?;
    if view.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    if let Some(PyObject::Slice(s)) = key.as_obj() {
        let indices = s.indices(view.len)?;
        let (data, format) = match value.native::<MemoryView>() {
            Some(other) => (other.bytes()?.to_vec(), other.format),
            None => match buffer::bytes_like(value)? {
                Some(b) => {
                    let format = buffer::exporter(value)
                        .and_then(|e| e.format().bytes().next())
                        .unwrap_or(b'B');
                    (b.to_vec(), format)
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        value.type_name()
                    )));
                }
            },
        };
        if format != view.format || data.len() != indices.len * view.itemsize {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let view = this(z)?;
        for (k, i) in indices.iter().enumerate() {
            let item = &data[k * view.itemsize..(k + 1) * view.itemsize];
            view.write(view.offset(i), item)?;
        }
        return Ok(Value::None);
    }
    let i = item_index(vm, view, key)?;
    let format = view.format;
    let bytes = pack(vm, format, value)?;
    let view = live(z)?;
    view.write(view.offset(i), &bytes)?;
    Ok(Value::None)
}

fn m_delitem(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let view = live(z)?;
    if view.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    Err(PyErr::type_error("cannot delete memory"))
}

fn view_item(seq: &Value, i: usize) -> PyResult<Option<Value>> {
    let view = live(seq)?;
    if i >= view.len {
        return Ok(None);
    }
    view.item(i).map(Some)
}

fn m_iter(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    live(z)?;
    Ok(crate::builtins::bytearray::byte_iterator(
        ITER_TYPE.with(Rc::clone),
        z.clone(),
        view_item,
    ))
}

fn m_tobytes(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::bytes(live(z)?.bytes()?.to_vec()))
}

fn m_tolist(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::list(live(z)?.items()?))
}

fn m_hex(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let data = live(z)?.bytes()?.to_vec();
    crate::builtins::bytes_methods::hex_method(vm, &data, &args)
}

fn m_release(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    this(z)?.release();
    Ok(Value::None)
}

fn m_enter(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    live(z)?;
    Ok(z.clone())
}

fn m_exit(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    this(z)?.release();
    Ok(Value::None)
}

fn m_toreadonly(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let mut view = live(z)?.clone_view();
    view.readonly = true;
    Ok(new_value(view))
}

static CAST: Signature = Signature {
    names: &["format", "shape"],
    positional: 2,
    required: 1,
};

fn m_cast(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let view = live(z)?;
    let format = args.get(0, "format").cloned().unwrap_or(Value::None);
    let Some(format) = format.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "memoryview.cast() argument 'format' must be str, not {}",
            format.type_name()
        )));
    };
    if let Some(shape) = args.get(1, "shape")
        && !shape.is_none()
    {
        return Err(PyErr::new(
            ExcType::NotImplementedError,
            "memoryview: multi-dimensional casts are not supported",
        ));
    }
    let code = format.as_str().strip_prefix('@').unwrap_or(format.as_str());
    let (target, itemsize) = match code.as_bytes() {
        [c] if format_size(*c).is_some() => (*c, format_size(*c).unwrap_or(1)),
        _ => {
            return Err(PyErr::value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    if !view.contiguous() {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    if !is_byte_format(view.format) && !is_byte_format(target) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    if !view.nbytes().is_multiple_of(itemsize) {
        return Err(PyErr::type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let cast = MemoryView {
        obj: view.obj.clone(),
        start: view.start,
        len: view.nbytes() / itemsize,
        step: itemsize as isize,
        format: target,
        itemsize,
        readonly: view.readonly,
        released: Cell::new(false),
    };
    cast.register();
    Ok(new_value(cast))
}

fn compare(vm: &mut Vm, z: &Value, args: Args, equal: bool) -> PyResult {
    let other = &args.pos[0];
    let view = this(z)?;
    if z.is(other) {
        return Ok(Value::bool(equal));
    }
    let other_items = match other.native::<MemoryView>() {
        Some(o) => {
            if o.released.get() {
                return Ok(Value::bool(!equal));
            }
            o.items()?
        }
        None => match MemoryView::of(other) {
            Ok(o) => o.items()?,
            Err(_) => return Ok(Value::NotImplemented),
        },
    };
    if view.released.get() {
        return Ok(Value::bool(!equal));
    }
    let items = view.items()?;
    let mut same = items.len() == other_items.len();
    if same {
        for (a, b) in items.iter().zip(&other_items) {
            if !vm.equal(a, b)? {
                same = false;
                break;
            }
        }
    }
    Ok(Value::bool(same == equal))
}

fn m_eq(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    compare(vm, z, args, true)
}

fn m_ne(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    compare(vm, z, args, false)
}

fn m_hash(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let view = live(z)?;
    if !view.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(view.format) {
        return Err(PyErr::value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    Ok(Value::Int(crate::builtins::str::hash_bytes(&view.bytes()?)))
}

fn m_repr(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let view = this(z)?;
    let address = match z.builtin_value() {
        Value::Obj(o) => Rc::as_ptr(o) as usize,
        _ => 0,
    };
    Ok(Value::str(if view.released.get() {
        format!("<released memory at {address:#x}>")
    } else {
        format!("<memory at {address:#x}>")
    }))
}

const fn method(name: &'static str, params: Params, func: NativeMethod) -> MethodDef {
    MethodDef { name, params, func }
}

static HEX: Signature = Signature {
    names: &["sep", "bytes_per_sep"],
    positional: 2,
    required: 0,
};

static TOBYTES: Signature = Signature {
    names: &["order"],
    positional: 1,
    required: 0,
};

static METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, mv_new),
    method("__len__", Params::NoArgs, m_len),
    method("__getitem__", Params::One, m_getitem),
    method("__setitem__", Params::Positional(2, 2), m_setitem),
    method("__delitem__", Params::One, m_delitem),
    method("__iter__", Params::NoArgs, m_iter),
    method("__eq__", Params::One, m_eq),
    method("__ne__", Params::One, m_ne),
    method("__hash__", Params::NoArgs, m_hash),
    method("__repr__", Params::NoArgs, m_repr),
    method("__enter__", Params::NoArgs, m_enter),
    method("__exit__", Params::Any, m_exit),
    method("tobytes", Params::Named(&TOBYTES), m_tobytes),
    method("tolist", Params::NoArgs, m_tolist),
    method("hex", Params::Named(&HEX), m_hex),
    method("release", Params::NoArgs, m_release),
    method("cast", Params::Named(&CAST), m_cast),
    method("toreadonly", Params::NoArgs, m_toreadonly),
];
