//! The buffer protocol: what CPython calls a "bytes-like object".
//!
//! `bytes` holds its bytes itself; a native type that exports a buffer
//! (`bytearray`, `array.array`) answers [`NativeData::buffer`] with an
//! [`Exporter`]; a `memoryview` is a window on one of those. Everything
//! that takes a bytes-like argument (`b''.join`, `bytes(x)`,
//! `struct.unpack`, `int.from_bytes`, a binary file's `write`...) reads it
//! through [`bytes_like`], so a new exporter is accepted everywhere at
//! once.
//!
//! While a memoryview looks at an exporter, the exporter's export count
//! ([`Exporter::exports`], CPython's `ob_exports`) is non-zero and it
//! refuses to change size (`BufferError`), so a view never sees its
//! bytes move under it.
//!
//! [`NativeData::buffer`]: crate::native::NativeData::buffer

use std::cell::{Cell, Ref};
use std::ops::Deref;

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;

/// The bytes of a bytes-like object, borrowed for as long as they are
/// read. Never hold one across a call that may run Python code: a
/// bytearray borrowed here cannot be resized meanwhile.
pub enum BytesRef<'a> {
    Slice(&'a [u8]),
    Cell(Ref<'a, [u8]>),
    /// A copy (an exporter whose items are not stored as bytes, or a
    /// memoryview with a step).
    Owned(Vec<u8>),
}

impl Deref for BytesRef<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BytesRef::Slice(s) => s,
            BytesRef::Cell(r) => r,
            BytesRef::Owned(v) => v,
        }
    }
}

impl BytesRef<'_> {
    /// The bytes `[start, end)` of these.
    pub fn sub(self, start: usize, end: usize) -> Self {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            BytesRef::Slice(s) => BytesRef::Slice(&s[start..end]),
            BytesRef::Cell(r) => BytesRef::Cell(Ref::map(r, |s| &s[start..end])),
            BytesRef::Owned(v) => BytesRef::Owned(v[start..end].to_vec()),
        }
    }
}

/// An object whose memory a memoryview can look at.
pub trait Exporter {
    /// The struct-module format of one item (`"B"` for bytearray, the
    /// type code for an array).
    fn format(&self) -> &'static str;
    fn itemsize(&self) -> usize;
    fn readonly(&self) -> bool {
        false
    }
    /// All the bytes.
    fn read(&self) -> BytesRef<'_>;
    /// Overwrites the bytes at `offset` with `data` (within the current
    /// length: the size never changes while exported).
    fn write(&self, offset: usize, data: &[u8]) -> PyResult<()>;
    /// The number of live views (CPython's `ob_exports`).
    fn exports(&self) -> &Cell<usize>;
}

/// CPython's error for resizing an object a view looks at.
pub fn check_resizable(exports: &Cell<usize>) -> PyResult<()> {
    if exports.get() > 0 {
        return Err(PyErr::new(
            ExcType::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

/// The exporter behind a native value (a subclass instance's too).
pub fn exporter(v: &Value) -> Option<&dyn Exporter> {
    match v.builtin_value().as_obj()? {
        PyObject::Native(n) => n.data.buffer(),
        _ => None,
    }
}

/// The bytes of a bytes-like object (`bytes`, `bytearray`, `memoryview`,
/// `array.array` and their subclasses); `None` for anything else. A
/// released memoryview is an error (CPython's ValueError).
pub fn bytes_like(v: &Value) -> PyResult<Option<BytesRef<'_>>> {
    let v = v.builtin_value();
    match v.as_obj() {
        Some(PyObject::Bytes(b)) => Ok(Some(BytesRef::Slice(b.as_bytes()))),
        Some(PyObject::Native(n)) => {
            if let Some(exporter) = n.data.buffer() {
                return Ok(Some(exporter.read()));
            }
            match v.native::<crate::builtins::memoryview::MemoryView>() {
                Some(view) => view.bytes().map(Some),
                None => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// The length in bytes of a read-write buffer (`bytearray`, `array.array`,
/// a writable contiguous memoryview, their subclasses), `None` for
/// anything else (`bytes`, a read-only view): CPython's `PyBUF_WRITABLE`.
pub fn writable_len(v: &Value) -> Option<usize> {
    let v = v.builtin_value();
    if let Some(e) = exporter(v) {
        return (!e.readonly()).then(|| e.read().len());
    }
    v.native::<crate::builtins::memoryview::MemoryView>()?
        .writable_nbytes()
}

/// Overwrites bytes of a buffer [`writable_len`] accepts, from `offset`
/// (within its length).
pub fn write_into(v: &Value, offset: usize, data: &[u8]) -> PyResult<()> {
    let v = v.builtin_value();
    if let Some(e) = exporter(v) {
        return e.write(offset, data);
    }
    match v.native::<crate::builtins::memoryview::MemoryView>() {
        Some(view) => view.write_bytes(offset, data),
        None => Err(PyErr::type_error("cannot modify read-only memory")),
    }
}

/// Whether `v` is bytes-like (without reading it).
pub fn is_bytes_like(v: &Value) -> bool {
    let v = v.builtin_value();
    match v.as_obj() {
        Some(PyObject::Bytes(_)) => true,
        Some(PyObject::Native(n)) => {
            n.data.buffer().is_some()
                || v.native::<crate::builtins::memoryview::MemoryView>()
                    .is_some()
        }
        _ => false,
    }
}

/// [`bytes_like`] or CPython's TypeError (`a bytes-like object is
/// required, not 'str'`).
pub fn expect_bytes_like(v: &Value) -> PyResult<BytesRef<'_>> {
    match bytes_like(v)? {
        Some(b) => Ok(b),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))),
    }
}
