//! `_struct` (what `struct` exports): packing values into bytes and back
//! by a format string (`'<hI4s'`), as CPython's `struct` with its sizes,
//! native alignment (`@`, x86-64 and aarch64 Linux: every item aligned to
//! its size), byte orders and messages. A parsed format is cached per
//! format string, as CPython caches `Struct` objects.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params, PyBuiltinFunction};
use krait_vm::builtins::int::{self, IntRef};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::util::{method, type_value};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let function = |name: &'static str, func| {
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
    };
    Ok(vec![
        ("error", type_value(ERROR.with(Rc::clone))),
        ("Struct", type_value(STRUCT_TYPE.with(Rc::clone))),
        ("pack", function("pack", pack)),
        ("unpack", function("unpack", unpack)),
        ("calcsize", function("calcsize", calcsize)),
        ("unpack_from", function("unpack_from", unpack_from)),
        ("iter_unpack", function("iter_unpack", iter_unpack)),
        ("pack_into", function("pack_into", pack_into)),
    ])
}

thread_local! {
    static ERROR: Rc<TypeObject> = error_type();
    static STRUCT_TYPE: Rc<TypeObject> = native_type_in("_struct", "Struct", METHODS);
    static UNPACK_ITERATOR_TYPE: Rc<TypeObject> =
        native_type_in("_struct", "unpack_iterator", UNPACK_ITERATOR_METHODS);
    static CACHE: RefCell<HashMap<String, Rc<Layout>>> = RefCell::new(HashMap::new());
}

/// `struct.error`: a plain Exception subclass of module `struct`.
fn error_type() -> Rc<TypeObject> {
    let mut dict = krait_vm::typeobject::ClassDict::default();
    dict.insert(Box::from("__module__"), Value::str("struct"));
    let mut class = TypeObject::new_class("error", vec![exc_type(ExcType::Exception)], dict)
        .expect("Exception has a consistent MRO");
    class.heap = false;
    Rc::new(class)
}

fn error(message: impl Into<String>) -> PyErr {
    PyErr::with_args(ERROR.with(Rc::clone), vec![Value::str(message.into())])
}

/// One item of a format: its code, its repeat count (the length of `s`
/// and `p`) and where it starts.
#[derive(Clone, Copy)]
struct Field {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format.
struct Layout {
    format: String,
    native: bool,
    big_endian: bool,
    fields: Vec<Field>,
    size: usize,
    /// Values `pack` takes (pads take none, `s`/`p` one per field).
    items: usize,
}

/// The size of a code: native sizes for `@`, standard ones otherwise.
fn size_of(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(format: &str) -> PyResult<Layout> {
    let bytes = format.as_bytes();
    let (native, big_endian, body) = match bytes.first() {
        Some(b'@') => (true, false, &bytes[1..]),
        Some(b'=') | Some(b'<') => (false, false, &bytes[1..]),
        Some(b'>') | Some(b'!') => (false, true, &bytes[1..]),
        _ => (true, false, bytes),
    };
    let mut fields = Vec::new();
    let (mut offset, mut items) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = None;
        while i < body.len() && body[i].is_ascii_digit() {
            let digit = (body[i] - b'0') as usize;
            count = Some(
                count
                    .unwrap_or(0usize)
                    .checked_mul(10)
                    .and_then(|n: usize| n.checked_add(digit))
                    .ok_or_else(|| error("total struct size too long"))?,
            );
            i += 1;
        }
        let Some(&code) = body.get(i) else {
            return Err(error("repeat count given without format specifier"));
        };
        i += 1;
        let size = size_of(code, native).ok_or_else(|| error("bad char in struct format"))?;
        let count = count.unwrap_or(1);
        if native && !matches!(code, b's' | b'p' | b'x' | b'c' | b'b' | b'B' | b'?') {
            offset = offset.div_ceil(size) * size;
        }
        // CPython's limit: a total size past `Py_ssize_t`; the add is
        // checked before any field is made (`'%dq' % 2**61`).
        count
            .checked_mul(size)
            .and_then(|bytes| offset.checked_add(bytes))
            .filter(|&end| end <= isize::MAX as usize)
            .ok_or_else(|| error("total struct size too long"))?;
        match code {
            b's' | b'p' => {
                fields.push(Field {
                    code,
                    count,
                    offset,
                });
                offset += count;
                items += 1;
            }
            b'x' => offset += count,
            _ => {
                // One field per item: a count no memory holds is a
                // MemoryError, not an abort.
                fields
                    .try_reserve(count)
                    .map_err(|_| PyErr::new(ExcType::MemoryError, ""))?;
                for _ in 0..count {
                    fields.push(Field {
                        code,
                        count: 1,
                        offset,
                    });
                    offset += size;
                }
                items += count;
            }
        }
    }
    Ok(Layout {
        format: format.to_string(),
        native,
        big_endian,
        fields,
        size: offset,
        items,
    })
}

/// The parsed format of a `str` or `bytes` argument, from the cache.
fn layout_of(value: &Value) -> PyResult<Rc<Layout>> {
    // A str format is looked up as it is (no copy per call).
    if let Some(text) = value.as_str_or_subclass()
        && let Some(layout) = CACHE.with(|c| c.borrow().get(text.as_str()).cloned())
    {
        return Ok(layout);
    }
    let format = match (value.as_str_or_subclass(), value.as_bytes_or_subclass()) {
        (Some(text), _) => text.as_str().to_string(),
        (_, Some(bytes)) => String::from_utf8_lossy(bytes.as_bytes()).into_owned(),
        _ => {
            return Err(PyErr::type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                value.type_name()
            )));
        }
    };
    if let Some(layout) = CACHE.with(|c| c.borrow().get(&format).cloned()) {
        return Ok(layout);
    }
    let layout = Rc::new(parse(&format)?);
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() > 256 {
            cache.clear();
        }
        cache.insert(format, layout.clone());
    });
    Ok(layout)
}

impl Layout {
    fn pack(&self, vm: &mut Vm, values: &[Value]) -> PyResult<Vec<u8>> {
        if values.len() != self.items {
            return Err(error(format!(
                "pack expected {} items for packing (got {})",
                self.items,
                values.len()
            )));
        }
        let mut out = krait_vm::memory::vec_with_capacity(self.size)?;
        out.resize(self.size, 0u8);
        for (field, value) in self.fields.iter().zip(values) {
            self.pack_field(vm, *field, value, &mut out)?;
        }
        Ok(out)
    }

    fn put(&self, out: &mut [u8], offset: usize, bytes_le: &[u8]) {
        let target = &mut out[offset..offset + bytes_le.len()];
        target.copy_from_slice(bytes_le);
        if self.big_endian {
            target.reverse();
        }
    }

    fn pack_field(&self, vm: &mut Vm, field: Field, value: &Value, out: &mut [u8]) -> PyResult<()> {
        let Field {
            code,
            count,
            offset,
        } = field;
        match code {
            b's' | b'p' => {
                let is_bytes = value.as_bytes_or_subclass().is_some()
                    || value
                        .native::<krait_vm::builtins::bytearray::ByteArray>()
                        .is_some();
                let bytes = match krait_vm::buffer::bytes_like(value)? {
                    Some(b) if is_bytes => b,
                    _ => {
                        return Err(error(format!(
                            "argument for '{}' must be a bytes object",
                            code as char
                        )));
                    }
                };
                let data = &bytes[..];
                if code == b's' {
                    let n = data.len().min(count);
                    out[offset..offset + n].copy_from_slice(&data[..n]);
                } else if count > 0 {
                    let n = data.len().min(count - 1).min(255);
                    out[offset] = n as u8;
                    out[offset + 1..offset + 1 + n].copy_from_slice(&data[..n]);
                }
            }
            b'c' => match value
                .as_bytes_or_subclass()
                .map(|b| b.as_bytes().to_vec())
                .or_else(|| {
                    value
                        .native::<krait_vm::builtins::bytearray::ByteArray>()
                        .map(|b| b.read().to_vec())
                }) {
                Some(bytes) if bytes.len() == 1 => out[offset] = bytes[0],
                _ => {
                    return Err(error("char format requires a bytes object of length 1"));
                }
            },
            b'?' => out[offset] = vm.truthy_value(value)? as u8,
            b'e' | b'f' | b'd' => {
                let x = float_arg(vm, value)?;
                match code {
                    b'd' => self.put(out, offset, &x.to_le_bytes()),
                    b'f' => {
                        let y = x as f32;
                        if y.is_infinite() && x.is_finite() && !self.native {
                            return Err(PyErr::overflow_error(
                                "float too large to pack with f format",
                            ));
                        }
                        self.put(out, offset, &y.to_le_bytes());
                    }
                    _ => {
                        let half = f64_to_half(x).ok_or_else(|| {
                            PyErr::overflow_error("float too large to pack with e format")
                        })?;
                        self.put(out, offset, &half.to_le_bytes());
                    }
                }
            }
            _ => {
                let n = int_arg(vm, value)?;
                let size = size_of(code, self.native).expect("parsed");
                let signed = code.is_ascii_lowercase();
                let (min, max) = if signed {
                    (-(1i128 << (size * 8 - 1)), (1i128 << (size * 8 - 1)) - 1)
                } else if code == b'P' {
                    // A pointer takes a negative C long too (two's complement).
                    (i64::MIN as i128, (1i128 << 64) - 1)
                } else {
                    (0, (1i128 << (size * 8)) - 1)
                };
                let Some(n) = n.to_i128().filter(|n| (min..=max).contains(n)) else {
                    return Err(self.range_error(code, size, (min, max), &n));
                };
                self.put(out, offset, &n.to_le_bytes()[..size]);
            }
        }
        Ok(())
    }

    /// CPython's message for an int out of a code's range. Each packer
    /// words it its own way, and on a little-endian machine `<` and `=`
    /// use the native packers wherever the sizes agree (all but `l`/`L`);
    /// a value beyond a C long (unsigned long for unsigned codes) fails
    /// its conversion before any range check.
    fn range_error(&self, code: u8, size: usize, (min, max): (i128, i128), n: &BigInt) -> PyErr {
        let negative = n.sign() == num_bigint::Sign::Minus;
        let fits_long = n.to_i64().is_some();
        let fits_ulong = n.to_u64().is_some();
        let native_packer = self.native || (!self.big_endian && !matches!(code, b'l' | b'L'));
        let range = || {
            format!(
                "'{}' format requires {min} <= number <= {max}",
                code as char
            )
        };
        let message = match code {
            b'P' => "int too large to convert".to_string(),
            _ if size == 8 && self.big_endian => "int too large to convert".to_string(),
            _ if size == 8 => "argument out of range".to_string(),
            _ if !fits_long => "argument out of range".to_string(),
            b'b' => "byte format requires -128 <= number <= 127".to_string(),
            b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
            b'h' if native_packer => "short format requires -32768 <= number <= 32767".to_string(),
            b'H' if native_packer => "ushort format requires 0 <= number <= 65535".to_string(),
            _ if code.is_ascii_uppercase() && (negative || !fits_ulong) => {
                "argument out of range".to_string()
            }
            _ => range(),
        };
        error(message)
    }

    fn unpack(&self, data: &[u8]) -> Value {
        let mut values = Vec::with_capacity(self.items);
        for &Field {
            code,
            count,
            offset,
        } in &self.fields
        {
            let value = match code {
                b's' => Value::bytes(data[offset..offset + count].to_vec()),
                b'p' => {
                    let n = if count == 0 {
                        0
                    } else {
                        (data[offset] as usize).min(count - 1)
                    };
                    Value::bytes(data[offset + 1..offset + 1 + n].to_vec())
                }
                b'c' => Value::bytes(vec![data[offset]]),
                b'?' => Value::bool(data[offset] != 0),
                _ => {
                    let size = size_of(code, self.native).expect("parsed");
                    let mut raw = data[offset..offset + size].to_vec();
                    if self.big_endian {
                        raw.reverse();
                    }
                    let mut word = [0u8; 8];
                    word[..size].copy_from_slice(&raw);
                    let bits = u64::from_le_bytes(word);
                    match code {
                        b'e' => Value::float(half_to_f64(bits as u16)),
                        b'f' => Value::float(f32::from_bits(bits as u32) as f64),
                        b'd' => Value::float(f64::from_bits(bits)),
                        _ if code.is_ascii_lowercase() => {
                            let shift = 64 - 8 * size as u32;
                            Value::Int(((bits << shift) as i64) >> shift)
                        }
                        _ => match i64::try_from(bits) {
                            Ok(n) => Value::Int(n),
                            Err(_) => Value::from_bigint(BigInt::from(bits)),
                        },
                    }
                }
            };
            values.push(value);
        }
        Value::tuple(values)
    }
}

fn int_arg(vm: &mut Vm, value: &Value) -> PyResult<BigInt> {
    match int::as_int(value.builtin_value()) {
        Some(IntRef::Small(i)) => Ok(BigInt::from(i)),
        Some(IntRef::Big(b)) => Ok(b.clone()),
        None if matches!(value.as_obj(), Some(PyObject::Instance(_))) => {
            // What `__index__` raises goes through (CPython's
            // PyNumber_Index); a value without one is not an integer.
            match krait_vm::sequence::index_arg(vm, value, "struct") {
                Ok(n) => Ok(BigInt::from(n)),
                Err(err) if err.matches(ExcType::TypeError) => {
                    Err(error("required argument is not an integer"))
                }
                Err(err) if err.matches(ExcType::OverflowError) => {
                    Err(error("argument out of range"))
                }
                Err(err) => Err(err),
            }
        }
        None => Err(error("required argument is not an integer")),
    }
}

fn float_arg(vm: &mut Vm, value: &Value) -> PyResult<f64> {
    float_arg_any(vm, value).map(krait_vm::builtins::float::canonical)
}

fn float_arg_any(vm: &mut Vm, value: &Value) -> PyResult<f64> {
    match value.builtin_value() {
        Value::Float(f) => Ok(f.get()),
        v => match int::as_int(v) {
            Some(i) => i.to_f64(),
            None if matches!(value.as_obj(), Some(PyObject::Instance(_))) => {
                let float =
                    krait_vm::typeobject::builtin_type(krait_vm::typeobject::BuiltinType::Float);
                match vm.call(
                    &krait_vm::builtins::constructors::type_value(&float),
                    Args::new(std::slice::from_ref(value)),
                )? {
                    Value::Float(f) => Ok(f.get()),
                    _ => Err(error("required argument is not a float")),
                }
            }
            None => Err(error("required argument is not a float")),
        },
    }
}

/// IEEE half precision, rounded to nearest even; `None` when too large.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign = if x.is_sign_negative() { 0x8000u16 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Scale to units of the smallest subnormal (2**-24) and round.
    if a < 6.103_515_625e-5 {
        let units = round_half_even(a * 16_777_216.0);
        return Some(sign | units as u16);
    }
    let exponent = a.log2().floor() as i32;
    let (mut exponent, mut mantissa) = (exponent, a / 2f64.powi(exponent));
    if mantissa >= 2.0 {
        mantissa /= 2.0;
        exponent += 1;
    }
    if mantissa < 1.0 {
        mantissa *= 2.0;
        exponent -= 1;
    }
    let mut fraction = round_half_even((mantissa - 1.0) * 1024.0) as u32;
    if fraction == 1024 {
        fraction = 0;
        exponent += 1;
    }
    if exponent > 15 {
        return None;
    }
    Some(sign | (((exponent + 15) as u16) << 10) | fraction as u16)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn half_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = ((bits >> 10) & 0x1f) as i32;
    let fraction = (bits & 0x3ff) as f64;
    sign * match exponent {
        0 => fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}

fn buffer_of(value: &Value) -> PyResult<krait_vm::buffer::BytesRef<'_>> {
    krait_vm::buffer::expect_bytes_like(value)
}

fn pack(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("pack", &[])?;
    let Some(format) = args.pos.first() else {
        return Err(PyErr::type_error(
            "pack expected at least 1 argument, got 0",
        ));
    };
    let layout = layout_of(format)?;
    Ok(Value::bytes(layout.pack(vm, &args.pos[1..])?))
}

fn unpack_with(layout: &Layout, data: &[u8]) -> PyResult {
    if data.len() != layout.size {
        return Err(error(format!(
            "unpack requires a buffer of {} bytes",
            layout.size
        )));
    }
    Ok(layout.unpack(data))
}

fn unpack(_: &mut Vm, args: Args) -> PyResult {
    args.check("unpack", 2, 2)?;
    let layout = layout_of(&args.pos[0])?;
    unpack_with(&layout, &buffer_of(&args.pos[1])?)
}

fn calcsize(_: &mut Vm, args: Args) -> PyResult {
    args.check("calcsize", 1, 1)?;
    Ok(Value::Int(layout_of(&args.pos[0])?.size as i64))
}

fn unpack_from_with(vm: &mut Vm, layout: &Layout, args: &Args, first: usize) -> PyResult {
    let buffer = args.get(first, "buffer").ok_or_else(|| {
        PyErr::type_error("unpack_from() missing required argument 'buffer' (pos 2)")
    })?;
    let data = buffer_of(buffer)?;
    let offset = match args.get(first + 1, "offset") {
        Some(v) => krait_vm::sequence::index_arg(vm, v, "offset")?,
        None => 0,
    };
    let start = if offset < 0 {
        if offset + (data.len() as i64) < 0 {
            return Err(error(format!(
                "offset {offset} out of range for {}-byte buffer",
                data.len()
            )));
        }
        (offset + data.len() as i64) as usize
    } else {
        offset as usize
    };
    if data.len() < start || data.len() - start < layout.size {
        return Err(error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
            start + layout.size,
            layout.size,
            start,
            data.len()
        )));
    }
    Ok(layout.unpack(&data[start..start + layout.size]))
}

fn unpack_from(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("unpack_from", &["buffer", "offset"])?;
    let format = args.pos.first().ok_or_else(|| {
        PyErr::type_error("unpack_from() missing required argument 'format' (pos 1)")
    })?;
    let layout = layout_of(format)?;
    unpack_from_with(vm, &layout, &args, 1)
}

fn iter_unpack_with(vm: &mut Vm, layout: Rc<Layout>, buffer: &Value) -> PyResult {
    let data = buffer_of(buffer)?;
    if layout.size == 0 {
        return Err(error("cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % layout.size != 0 {
        return Err(error(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            layout.size
        )));
    }
    let _ = vm;
    Ok(NativeObject::new_value(
        UNPACK_ITERATOR_TYPE.with(Rc::clone),
        UnpackIterator {
            layout,
            buffer: buffer.clone(),
            offset: Cell::new(0),
        },
    ))
}

/// `iter_unpack`'s `unpack_iterator`: unpacks one record per step, from
/// the buffer as it is then (CPython's locks it against resizing: a
/// buffer that shrank ends the iteration).
struct UnpackIterator {
    layout: Rc<Layout>,
    buffer: Value,
    offset: Cell<usize>,
}

impl NativeData for UnpackIterator {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.buffer);
    }

    fn next(&self, _: &mut Vm) -> Option<PyResult<Option<Value>>> {
        let data = match buffer_of(&self.buffer) {
            Ok(data) => data,
            Err(err) => return Some(Err(err)),
        };
        let start = self.offset.get();
        let end = start + self.layout.size;
        if end > data.len() {
            return Some(Ok(None));
        }
        self.offset.set(end);
        Some(Ok(Some(self.layout.unpack(&data[start..end]))))
    }
}

/// `unpack_iterator.__length_hint__()`: the records left.
fn unpack_length_hint(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let it = receiver
        .native::<UnpackIterator>()
        .ok_or_else(|| PyErr::type_error("descriptor requires an 'unpack_iterator' object"))?;
    let len = buffer_of(&it.buffer).map_or(0, |d| d.len());
    let left = len.saturating_sub(it.offset.get()) / it.layout.size;
    Ok(Value::Int(left as i64))
}

fn iter_unpack(vm: &mut Vm, args: Args) -> PyResult {
    args.check("iter_unpack", 2, 2)?;
    let layout = layout_of(&args.pos[0])?;
    iter_unpack_with(vm, layout, &args.pos[1])
}

/// `pack_into(fmt, buffer, offset, v1, ...)` (and `Struct.pack_into`,
/// whose arguments start at the buffer): packs into a read-write buffer
/// with CPython's checks and messages.
fn pack_into_with(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult {
    let Some(buffer) = args.first() else {
        return Err(error("pack_into expected buffer argument"));
    };
    let Some(offset) = args.get(1) else {
        return Err(error("pack_into expected offset argument"));
    };
    let values = &args[2..];
    if values.len() != layout.items {
        return Err(error(format!(
            "pack_into expected {} items for packing (got {})",
            layout.items,
            values.len()
        )));
    }
    let Some(length) = krait_vm::buffer::writable_len(buffer) else {
        return Err(PyErr::type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            buffer.type_name()
        )));
    };
    let offset = krait_vm::sequence::index_arg(vm, offset, "offset")?;
    let size = layout.size as i64;
    let length = length as i64;
    let offset = if offset < 0 {
        if offset + size > 0 {
            return Err(error(format!(
                "no space to pack {size} bytes at offset {offset}"
            )));
        }
        if offset + length < 0 {
            return Err(error(format!(
                "offset {offset} out of range for {length}-byte buffer"
            )));
        }
        offset + length
    } else {
        offset
    };
    if length - offset < size {
        return Err(error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {length})",
            size + offset
        )));
    }
    let packed = layout.pack(vm, values)?;
    krait_vm::buffer::write_into(buffer, offset as usize, &packed)?;
    Ok(Value::None)
}

fn pack_into(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("pack_into", &[])?;
    let Some(format) = args.pos.first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    let layout = layout_of(format)?;
    pack_into_with(vm, &layout, &args.pos[1..])
}

// ---------------------------------------------------------------------------
// Struct objects

/// A `Struct`: its parsed format, replaced by `__init__` (CPython's
/// `Struct.__init__` may run again on the same object, and a subclass's
/// `__init__` calls it through `super()`).
struct Struct(RefCell<Rc<Layout>>);

impl NativeData for Struct {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        let layout = self.0.borrow();
        match name {
            "format" => Some(Value::str(layout.format.clone())),
            "size" => Some(Value::Int(layout.size as i64)),
            _ => None,
        }
    }
}

fn this(receiver: &Value) -> PyResult<Rc<Layout>> {
    receiver
        .native::<Struct>()
        .map(|s| s.0.borrow().clone())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_struct.Struct' object"))
}

/// `Struct.__new__(cls, *args, **kwargs)`: an object with the empty
/// format, which `__init__` sets.
fn struct_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    let empty = layout_of(&Value::str(""))?;
    Ok(NativeObject::new_value(
        STRUCT_TYPE.with(Rc::clone),
        Struct(RefCell::new(empty)),
    ))
}

/// `Struct.__init__(self, format)`.
fn struct_init(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_kw("Struct", &["format"])?;
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Struct() takes at most 1 argument ({} given)",
            args.pos.len()
        )));
    }
    let format = args
        .get(0, "format")
        .ok_or_else(|| PyErr::type_error("Struct() missing required argument 'format' (pos 1)"))?;
    let layout = layout_of(format)?;
    let state = receiver.native::<Struct>().ok_or_else(|| {
        PyErr::type_error("descriptor '__init__' requires a '_struct.Struct' object")
    })?;
    *state.0.borrow_mut() = layout;
    Ok(Value::None)
}

fn s_pack(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_kw("pack", &[])?;
    let layout = this(receiver)?;
    Ok(Value::bytes(layout.pack(vm, args.pos)?))
}

fn s_pack_into(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_kw("pack_into", &[])?;
    pack_into_with(vm, &*this(receiver)?, args.pos)
}

fn s_unpack(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    unpack_with(&*this(receiver)?, &buffer_of(&args.pos[0])?)
}

fn s_unpack_from(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_kw("unpack_from", &["buffer", "offset"])?;
    let layout = this(receiver)?;
    unpack_from_with(vm, &layout, &args, 0)
}

fn s_iter_unpack(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    iter_unpack_with(vm, this(receiver)?, &args.pos[0])
}

static UNPACK_ITERATOR_METHODS: &[MethodDef] = &[
    method("__iter__", Params::NoArgs, crate::util::iter_self),
    method("__next__", Params::NoArgs, crate::util::iter_next),
    method("__length_hint__", Params::NoArgs, unpack_length_hint),
];

static METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, struct_new),
    method("__init__", Params::Any, struct_init),
    method("pack", Params::Any, s_pack),
    method("pack_into", Params::Any, s_pack_into),
    method("unpack", Params::One, s_unpack),
    method("unpack_from", Params::Any, s_unpack_from),
    method("iter_unpack", Params::One, s_iter_unpack),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_round_trip() {
        for x in [
            0.0,
            1.0,
            -2.5,
            65504.0,
            6.103_515_625e-5,
            5.960_464_477_539_063e-8,
            0.1,
        ] {
            let half = f64_to_half(x).expect("fits");
            let back = half_to_f64(half);
            assert!((back - x).abs() <= x.abs() * 1e-3 + 1e-7, "{x} -> {back}");
        }
        assert_eq!(f64_to_half(65520.0), None);
        assert_eq!(f64_to_half(1.0), Some(0x3c00));
    }
}
