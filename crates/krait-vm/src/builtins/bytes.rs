//! `bytes`: an immutable byte string.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Signature};
use crate::builtins::slice::SliceIndices;
use crate::interpreter::Vm;
use crate::sequence;
use crate::typeobject::ExcType;
use crate::value::Value;

pub struct PyBytes {
    data: Box<[u8]>,
}

impl PyBytes {
    pub fn new(data: Vec<u8>) -> PyBytes {
        PyBytes {
            data: data.into_boxed_slice(),
        }
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
        if let Some(b) = x.as_bytes_or_subclass() {
            let needle = b.as_bytes();
            return Ok(needle.is_empty() || self.data.windows(needle.len()).any(|w| w == needle));
        }
        match crate::builtins::int::as_int(x).and_then(|i| i.to_i64()) {
            Some(v) if (0..256).contains(&v) => Ok(self.data.contains(&(v as u8))),
            Some(_) => Err(PyErr::value_error("byte must be in range(0, 256)")),
            None => Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                x.type_name()
            ))),
        }
    }

    pub fn hash(&self) -> i64 {
        crate::builtins::str::PyStr::new(self.data.iter().map(|&b| b as char).collect()).hash()
    }

    /// `repr(b)`: `b'..'` with CPython's quote choice and escapes.
    pub fn repr(&self) -> String {
        let quote = if self.data.contains(&b'\'') && !self.data.contains(&b'"') {
            b'"'
        } else {
            b'\''
        };
        let mut out = String::with_capacity(self.data.len() + 3);
        out.push('b');
        out.push(quote as char);
        for &c in self.data.iter() {
            match c {
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                c if c == quote => {
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

fn zelf(v: &Value) -> PyResult<&PyBytes> {
    v.as_bytes_or_subclass()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'bytes' object"))
}

fn m_decode(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let b = zelf(z)?;
    use crate::builtins::str::named_str_arg;
    let enc = named_str_arg(&args, 0, "decode", "encoding")?.map_or_else(
        || "utf-8".into(),
        |s| s.to_ascii_lowercase().replace('_', "-"),
    );
    named_str_arg(&args, 1, "decode", "errors")?;
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b.as_bytes()) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => {
                let pos = e.valid_up_to();
                let byte = b.as_bytes()[pos];
                let why = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc0).contains(&byte) || byte >= 0xf8 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                Err(PyErr::new(
                    ExcType::UnicodeDecodeError,
                    format!(
                        "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {why}"
                    ),
                ))
            }
        },
        "latin-1" | "latin1" | "iso-8859-1" => Ok(Value::str(
            b.as_bytes().iter().map(|&c| c as char).collect::<String>(),
        )),
        "ascii" => match b.as_bytes().iter().position(|&c| c >= 0x80) {
            None => Ok(Value::str(
                b.as_bytes().iter().map(|&c| c as char).collect::<String>(),
            )),
            Some(pos) => Err(PyErr::new(
                ExcType::UnicodeDecodeError,
                format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                    b.as_bytes()[pos]
                ),
            )),
        },
        _ => Err(PyErr::new(
            ExcType::LookupError,
            format!("unknown encoding: {enc}"),
        )),
    }
}

/// `bytes.decode(encoding='utf-8', errors='strict')`.
static DECODE: Signature = Signature {
    names: &["encoding", "errors"],
    positional: 2,
    required: 0,
};

pub const METHODS: &[MethodDef] = &[MethodDef {
    name: "decode",
    params: crate::builtins::function::Params::Named(&DECODE),
    func: m_decode,
}];

#[cfg(test)]
mod tests {
    use super::*;
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
