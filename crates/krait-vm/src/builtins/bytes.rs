//! `bytes`: an immutable byte string.

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::slice::SliceIndices;
use crate::sequence;
use crate::value::Value;

pub struct PyBytes {
    /// A `Vec` (not a boxed slice) so that `b += t` on an unshared bytes
    /// object grows it in place with room to spare (see `append`).
    data: Vec<u8>,
}

impl PyBytes {
    pub fn new(data: Vec<u8>) -> PyBytes {
        PyBytes { data }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// `self += tail` for a bytes object no other reference sees (the
    /// caller holds it uniquely): a loop of appends is linear, as for
    /// `PyStr::append`.
    pub fn append(&mut self, tail: &[u8]) {
        self.data.extend_from_slice(tail);
    }

    /// `b[i]` is an int.
    pub fn get_index(&self, i: &Value) -> PyResult {
        let idx = sequence::subscript_index(i, "byte")?;
        sequence::normalize_index(idx, self.data.len())
            .map(|i| Value::Int(self.data[i] as i64))
            .ok_or_else(|| PyErr::index_error("index out of range"))
    }

    pub fn get_slice(&self, si: SliceIndices) -> Value {
        Value::bytes(si.iter().map(|i| self.data[i]).collect())
    }

    pub fn contains(&self, x: &Value) -> PyResult<bool> {
        if let Some(needle) = crate::buffer::bytes_like(x)? {
            return Ok(
                needle.is_empty() || self.data.windows(needle.len()).any(|w| w == &needle[..])
            );
        }
        match crate::builtins::int::as_int(x.builtin_value()).map(|i| i.to_i64()) {
            Some(Some(v)) if (0..256).contains(&v) => Ok(self.data.contains(&(v as u8))),
            Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
            None => Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                x.type_name()
            ))),
        }
    }

    pub fn hash(&self) -> i64 {
        crate::builtins::str::hash_bytes(&self.data)
    }

    /// `repr(b)`: `b'..'` with CPython's quote choice and escapes.
    pub fn repr(&self) -> String {
        repr_bytes(&self.data)
    }
}

/// `b'..'` with CPython's quote choice and escapes (bytearray's repr
/// wraps it).
pub fn repr_bytes(data: &[u8]) -> String {
    repr_bytes_escaping(data, false)
}

/// [`repr_bytes`]; `always_escape_quote` escapes `'` even inside double
/// quotes, as CPython's bytearray repr does (`bytearray(b"\'")`).
pub fn repr_bytes_escaping(data: &[u8], always_escape_quote: bool) -> String {
    {
        let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
            b'"'
        } else {
            b'\''
        };
        let mut out = String::with_capacity(data.len() + 3);
        out.push('b');
        out.push(quote as char);
        for &c in data.iter() {
            match c {
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                c if c == quote || (always_escape_quote && c == b'\'') => {
                    out.push('\\');
                    out.push(c as char);
                }
                0x20..=0x7e => out.push(c as char),
                c => out.push_str(&format!("\\x{c:02x}")),
            }
        }
        out.push(quote as char);
        out
    }
}

pub const METHODS: &[MethodDef] = crate::builtins::bytes_methods::BYTES_METHODS;

/// `cls(value)` for a class method of `builtin` called on `cls`: the
/// value itself when `cls` is the builtin type (CPython's
/// `PyObject_CallOneArg(type, result)` for subclasses).
pub(crate) fn as_class(
    vm: &mut crate::interpreter::Vm,
    cls: &Value,
    builtin: crate::typeobject::BuiltinType,
    value: Value,
) -> PyResult {
    match cls.as_obj() {
        Some(crate::object::PyObject::Type(t)) if !t.heap && t.builtin == Some(builtin) => {
            Ok(value)
        }
        _ => vm.call(cls, crate::args::Args::new(&[value])),
    }
}

/// `bytes.fromhex(string)`, a class method.
pub(crate) fn fromhex_classmethod(
    vm: &mut crate::interpreter::Vm,
    args: crate::args::Args,
) -> PyResult {
    let [cls, string] = args.pos else {
        return Err(PyErr::type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let value = Value::bytes(crate::builtins::bytes_methods::fromhex(string)?);
    as_class(vm, cls, crate::typeobject::BuiltinType::Bytes, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::Args;
    use crate::protocol::{call_method, repr};

    #[test]
    fn repr_index_decode() {
        let b = Value::bytes(b"a'\x00\xff\n\\".to_vec());
        assert_eq!(repr(&b).unwrap(), r#"b"a'\x00\xff\n\\""#);
        assert_eq!(
            repr(&Value::bytes(b"it's \"x\"".to_vec())).unwrap(),
            r#"b'it\'s "x"'"#
        );
        let bb = b.as_bytes_or_subclass().unwrap();
        assert_eq!(
            repr(&bb.get_index(&Value::Int(-3)).unwrap()).unwrap(),
            "255"
        );
        assert_eq!(bb.len(), 6);
        let r = call_method(
            &mut crate::interpreter::Vm::new(),
            &Value::bytes(vec![0xc3, 0xa9]),
            "decode",
            Args::new(&[]),
        );
        assert_eq!(repr(&r.unwrap()).unwrap(), "'é'");
        let e = call_method(
            &mut crate::interpreter::Vm::new(),
            &Value::bytes(vec![0xff]),
            "decode",
            Args::new(&[]),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
    }
}
