//! `float.hex()` and `float.fromhex()`: a float's exact value in
//! hexadecimal, and back with correct rounding (CPython's `float_hex`
//! and `float_fromhex`, with their messages).

use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::interpreter::Vm;
use crate::value::Value;

/// `x.hex()`.
pub fn m_hex(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let x = match z.builtin_value() {
        Value::Float(f) => f.get(),
        _ => {
            return Err(PyErr::type_error(
                "descriptor 'hex' requires a 'float' object",
            ));
        }
    };
    Ok(Value::str(hex(x)))
}

/// The hexadecimal text of `x` (`0x1.8000000000000p+0`).
pub fn hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1u64 << 52) - 1);
    if exponent == 0 {
        format!("{sign}0x0.{mantissa:013x}p-1022")
    } else {
        format!("{sign}0x1.{mantissa:013x}p{:+}", exponent - 1023)
    }
}

fn invalid() -> PyErr {
    PyErr::value_error("invalid hexadecimal floating-point string")
}

fn too_large() -> PyErr {
    PyErr::overflow_error("hexadecimal value too large to represent as a float")
}

/// `2**k` as a float, for `k` in the normal range.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `q * 2**e`, exact when the result is representable.
fn scale(q: u64, e: i64) -> f64 {
    let mut x = q as f64;
    let mut e = e;
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    x * pow2(e)
}

/// `float.fromhex(s)`.
pub fn fromhex(text: &str) -> PyResult<f64> {
    // C's isspace (Py_ISSPACE): ASCII whitespace with the vertical tab.
    let s = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |x: f64| if negative { -x } else { x };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let body = lower
        .strip_prefix("0x")
        .unwrap_or(&lower)
        .as_bytes()
        .to_vec();
    let mut i = 0;
    let mut mantissa = BigUint::zero();
    let mut digits = 0usize;
    let mut fraction_digits: i64 = 0;
    while i < body.len() && body[i].is_ascii_hexdigit() {
        mantissa = (mantissa << 4u32) + BigUint::from((body[i] as char).to_digit(16).unwrap_or(0));
        digits += 1;
        i += 1;
    }
    if i < body.len() && body[i] == b'.' {
        i += 1;
        while i < body.len() && body[i].is_ascii_hexdigit() {
            mantissa =
                (mantissa << 4u32) + BigUint::from((body[i] as char).to_digit(16).unwrap_or(0));
            digits += 1;
            fraction_digits += 1;
            i += 1;
        }
    }
    if digits == 0 {
        return Err(invalid());
    }
    let mut exponent: i64 = 0;
    if i < body.len() && body[i] == b'p' {
        i += 1;
        let negative_exp = match body.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < body.len() && body[i].is_ascii_digit() {
            exponent = exponent
                .saturating_mul(10)
                .saturating_add((body[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        if negative_exp {
            exponent = -exponent;
        }
    }
    if i != body.len() {
        return Err(invalid());
    }
    if mantissa.is_zero() {
        return Ok(signed(0.0));
    }
    // The value is mantissa * 2**e, in [2**(top-1), 2**top).
    let e = exponent.saturating_sub(fraction_digits.saturating_mul(4));
    let top = e.saturating_add(mantissa.bits() as i64);
    if top > 1024 {
        return Err(too_large());
    }
    if top < -1100 {
        return Ok(signed(0.0));
    }
    // The last bit kept: 53 bits for a normal result, fewer below.
    let lsb = (top - 53).max(-1074);
    let shift = lsb - e;
    let q = if shift <= 0 {
        (&mantissa << (-shift) as u64).to_u64().unwrap_or(u64::MAX)
    } else {
        let shift = shift as u64;
        let q: BigUint = &mantissa >> shift;
        let rest = &mantissa - (&q << shift);
        let half = BigUint::from(1u32) << (shift - 1);
        let mut q = q.to_u64().unwrap_or(u64::MAX);
        if rest > half || (rest == half && q & 1 == 1) {
            q += 1;
        }
        q
    };
    let x = scale(q, lsb);
    if x.is_infinite() {
        return Err(too_large());
    }
    Ok(signed(x))
}

/// `float.fromhex(string)` as the class method it is.
pub fn fromhex_classmethod(vm: &mut Vm, args: Args) -> PyResult {
    let [cls, string] = args.pos else {
        return Err(PyErr::type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let Some(text) = string.as_str_or_subclass() else {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    };
    let value = Value::float(fromhex(text.as_str())?);
    crate::builtins::bytes::as_class(vm, cls, crate::typeobject::BuiltinType::Float, value)
}

/// `float.__getformat__(typestr)`: how this machine stores C doubles
/// and floats (`test.support` asks it at import).
pub fn getformat_classmethod(_vm: &mut Vm, args: Args) -> PyResult {
    let [_, typestr] = args.pos else {
        return Err(PyErr::type_error(format!(
            "float.__getformat__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let Some(text) = typestr.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "__getformat__() argument must be str, not {}",
            typestr.type_name()
        )));
    };
    match text.as_str() {
        "double" | "float" => Ok(Value::str(if cfg!(target_endian = "little") {
            "IEEE, little-endian"
        } else {
            "IEEE, big-endian"
        })),
        _ => Err(PyErr::new(
            crate::typeobject::ExcType::ValueError,
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for x in [
            1.5,
            0.1,
            -2.5e-310,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            123456.789,
        ] {
            assert_eq!(fromhex(&hex(x)).unwrap(), x, "{x}");
        }
        assert_eq!(hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(fromhex(" 0X1.8P+1 ").unwrap(), 3.0);
        // Ties round to even.
        assert_eq!(fromhex("0x1.00000000000008p0").unwrap(), 1.0);
        assert_eq!(
            fromhex("0x1.00000000000018p0").unwrap(),
            1.0 + 2.0 * f64::EPSILON
        );
        assert!(fromhex("0x1p1024").is_err());
        assert!(fromhex("0x").is_err());
        assert!(fromhex("1p").is_err());
    }
}
