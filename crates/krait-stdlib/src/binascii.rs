//! `binascii`: the byte conversions under `base64` (base64 and hex
//! encodings, CRC-32), with CPython's `binascii.Error` (a ValueError)
//! and messages.

use std::rc::Rc;

use krait_vm::buffer::bytes_like;
use krait_vm::typeobject::{ClassDict, ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

use crate::util::{function, type_value};

thread_local! {
    static ERROR: Rc<TypeObject> = error_class("Error", ExcType::ValueError);
    static INCOMPLETE: Rc<TypeObject> = error_class("Incomplete", ExcType::Exception);
}

fn error_class(name: &str, base: ExcType) -> Rc<TypeObject> {
    let mut dict = ClassDict::default();
    dict.insert(Box::from("__module__"), Value::str("binascii"));
    let mut class =
        TypeObject::new_class(name, vec![exc_type(base)], dict).expect("a single exception base");
    class.heap = false;
    Rc::new(class)
}

fn error(message: impl Into<String>) -> PyErr {
    PyErr::with_args(ERROR.with(Rc::clone), vec![Value::str(message.into())])
}

/// A bytes-like argument, or an ASCII str where CPython's `ascii_buffer`
/// converter takes one (the decoders).
fn data(v: &Value, ascii_str: bool) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str_or_subclass() {
        if !ascii_str {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                v.type_name()
            )));
        }
        if !s.as_str().is_ascii() {
            return Err(PyErr::value_error(
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match bytes_like(v)? {
        Some(b) => Ok(b.to_vec()),
        None => Err(PyErr::type_error(if ascii_str {
            format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                v.type_name()
            )
        } else {
            format!("a bytes-like object is required, not '{}'", v.type_name())
        })),
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(_: &mut Vm, args: Args) -> PyResult {
    let bytes = data(
        args.get(0, "data").ok_or_else(|| {
            PyErr::type_error("b2a_base64() missing required argument 'data' (pos 1)")
        })?,
        false,
    )?;
    let newline = match args.kwarg("newline") {
        Some(v) => krait_vm::protocol::truthy(v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4 + 1);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(BASE64[(n >> 18) as usize & 63]);
        out.push(BASE64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            BASE64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            BASE64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(Value::bytes(out))
}

fn base64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// CPython's decoder: characters outside the alphabet are skipped (an
/// error with `strict_mode`); padding that completes a quad ends the
/// data.
fn a2b_base64(_: &mut Vm, args: Args) -> PyResult {
    let input = data(
        args.get(0, "data").ok_or_else(|| {
            PyErr::type_error("a2b_base64() missing required argument 'data' (pos 1)")
        })?,
        true,
    )?;
    let strict = match args.kwarg("strict_mode") {
        Some(v) => krait_vm::protocol::truthy(v)?,
        None => false,
    };
    if strict && input.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut quad = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in input.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < input.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(Value::bytes(out));
                }
            }
            continue;
        }
        let Some(v) = base64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(Value::bytes(out)),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

fn hex_encode(bytes: &[u8], sep: Option<(u8, i64)>) -> Vec<u8> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(bytes.len() * 3);
    let n = bytes.len() as i64;
    for (i, b) in bytes.iter().enumerate() {
        if let Some((sep, group)) = sep
            && i > 0
            && group != 0
        {
            let i = i as i64;
            let boundary = if group > 0 {
                (n - i) % group == 0
            } else {
                i % (-group) == 0
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    out
}

fn hexlify(_: &mut Vm, args: Args) -> PyResult {
    let bytes = data(
        args.get(0, "data").ok_or_else(|| {
            PyErr::type_error("hexlify() missing required argument 'data' (pos 1)")
        })?,
        false,
    )?;
    let sep = match args.get(1, "sep") {
        None => None,
        Some(s) => {
            let text = match s.as_str_or_subclass() {
                Some(t) => t.as_str().as_bytes().to_vec(),
                None => data(s, false)?,
            };
            if text.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let group = match args.get(2, "bytes_per_sep") {
                Some(v) => krait_vm::builtins::int::as_int(v)
                    .and_then(|i| i.to_i64())
                    .unwrap_or(1),
                None => 1,
            };
            Some((text[0], group))
        }
    };
    Ok(Value::bytes(hex_encode(&bytes, sep)))
}

fn unhexlify(_: &mut Vm, args: Args) -> PyResult {
    args.check("unhexlify", 1, 1)?;
    let input = data(&args.pos[0], true)?;
    if input.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(input.len() / 2);
    for pair in input.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(a), Some(b)) => out.push((a * 16 + b) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(Value::bytes(out))
}

fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    for (i, entry) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *entry = c;
    }
    table
}

fn crc32(_: &mut Vm, args: Args) -> PyResult {
    args.check("crc32", 1, 2)?;
    let bytes = data(&args.pos[0], false)?;
    let start = match args.pos.get(1) {
        Some(v) => krait_vm::builtins::int::as_int(v)
            .map(|i| {
                let big = i.to_bigint();
                let masked: num_bigint::BigInt =
                    big.as_ref() & num_bigint::BigInt::from(0xFFFF_FFFFu32);
                num_traits::ToPrimitive::to_u32(&masked).unwrap_or(0)
            })
            .ok_or_else(|| PyErr::type_error("an integer is required"))?,
        None => 0,
    };
    thread_local! {
        static TABLE: [u32; 256] = crc32_table();
    }
    let crc = TABLE.with(|table| {
        let mut c = !start;
        for &b in &bytes {
            c = table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
        }
        !c
    });
    Ok(Value::Int(i64::from(crc)))
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("Error", type_value(ERROR.with(Rc::clone))),
        ("Incomplete", type_value(INCOMPLETE.with(Rc::clone))),
        ("b2a_base64", function("b2a_base64", b2a_base64)),
        ("a2b_base64", function("a2b_base64", a2b_base64)),
        ("hexlify", function("hexlify", hexlify)),
        ("b2a_hex", function("b2a_hex", hexlify)),
        ("unhexlify", function("unhexlify", unhexlify)),
        ("a2b_hex", function("a2b_hex", unhexlify)),
        ("crc32", function("crc32", crc32)),
    ])
}
