//! `float`: IEEE doubles with CPython's repr, parsing, rounding, floor
//! division, modulo, power and hashing.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, ToPrimitive, Zero};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::MethodDef;
use crate::builtins::int;
use crate::interpreter::Vm;
use crate::typeobject::{ExcType, exc_type};
use crate::value::Value;

/// `repr(x)`: the shortest string that round-trips, in CPython's layout
/// (fixed notation for exponents -4..16, else `1e+16` / `1e-05`).
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // `{:e}` yields the shortest round-trip digits: "-1.2345e17". When
    // two strings of that length round-trip and are equally close, it
    // takes the upper one where CPython (dtoa) takes the even one: the
    // correctly rounded string of that length (ties to even) is CPython's
    // whenever it round-trips (ties need 16 or more digits).
    let mut s = format!("{x:e}");
    let digit_count = s
        .split('e')
        .next()
        .map_or(0, |m| m.bytes().filter(u8::is_ascii_digit).count());
    if digit_count >= 16 {
        let rounded = format!("{x:.*e}", digit_count - 1);
        if rounded.parse::<f64>() == Ok(x) {
            s = rounded;
        }
    }
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|&c| c != '.').collect();
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format_exponent(exp));
    }
    out
}

/// `e+16`, `e-05`: sign always, at least two digits.
pub fn format_exponent(exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("e{sign}{:02}", exp.unsigned_abs())
}

/// `float(s)`: accepts surrounding whitespace, a sign, `inf`/`infinity`/
/// `nan` in any case and single underscores between digits.
pub fn parse(s: &str) -> PyResult<f64> {
    parse_literal(s).ok_or_else(|| {
        PyErr::value_error(format!(
            "could not convert string to float: {}",
            crate::builtins::str::repr_str(s)
        ))
    })
}

/// A NaN unlike any made before: floats are unboxed, so identity is
/// equality of bits, and CPython's `float('nan')` is a new object each
/// time (`[float('nan')] == [float('nan')]` is False, as the identity
/// shortcut of containers must not match them). The payload below the
/// quiet bit counts NaNs made; [`canonical`] clears it wherever a float's
/// bits are shown (struct, array, pickle).
pub fn fresh_nan(negative: bool) -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static MADE: AtomicU64 = AtomicU64::new(0);
    const PAYLOAD: u64 = (1 << 51) - 1;
    let payload = MADE.fetch_add(1, Ordering::Relaxed).wrapping_add(1) & PAYLOAD;
    let sign = if negative { 1 << 63 } else { 0 };
    f64::from_bits(f64::NAN.to_bits() | payload | sign)
}

/// `x` with a NaN's payload cleared (its sign and quiet bit kept): the
/// bits CPython's NaNs have.
pub fn canonical(x: f64) -> f64 {
    if x.is_nan() {
        f64::from_bits(x.to_bits() & 0xFFF8_0000_0000_0000)
    } else {
        x
    }
}

fn parse_literal(s: &str) -> Option<f64> {
    // Digits of other scripts (`'１.５'`, `'١٢٣'`) count as their ASCII
    // digits, as CPython's float() reads them.
    let ascii;
    let s = if s.is_ascii() {
        s
    } else {
        ascii = s
            .chars()
            .map(|c| match crate::builtins::int::unicode_decimal(c) {
                Some(d) => char::from_digit(d, 10).unwrap_or(c),
                None => c,
            })
            .collect::<String>();
        ascii.as_str()
    };
    let t = s.trim_matches(crate::builtins::str::is_py_whitespace);
    let (neg, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => return Some(fresh_nan(neg)),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    // One sign only: `++1` and `+-1` are not numbers.
    if body.starts_with(['+', '-']) {
        return None;
    }
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len() + 1);
    if neg {
        clean.push('-');
    }
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' => clean.push(c as char),
            b'_' => {
                let between = i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if !between {
                    return None;
                }
            }
            _ => return None,
        }
    }
    clean.parse().ok()
}

/// `x ** y` with CPython's special cases and errors.
pub fn pow(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    // `0.0 ** -inf` is inf (CPython's infinite-exponent cases come first).
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(PyErr::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // CPython returns a complex number here; krait has no complex type.
        return Err(PyErr::value_error(
            "negative number cannot be raised to a fractional power",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::with_args(
            exc_type(ExcType::OverflowError),
            vec![Value::Int(34), Value::str("Numerical result out of range")],
        ));
    }
    Ok(r)
}

pub fn truediv(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(x / y)
}

pub fn floordiv(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_division("float floor division by zero"));
    }
    Ok(krait_bytecode::constant::float_divmod(x, y).0)
}

pub fn modulo(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_division("float modulo"));
    }
    Ok(krait_bytecode::constant::float_divmod(x, y).1)
}

pub fn divmod(x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    Ok(krait_bytecode::constant::float_divmod(x, y))
}

/// `round(x)` (an int, ties to even) or `round(x, ndigits)` (a float,
/// correctly rounded from the exact binary value, like CPython).
pub fn round(x: f64, ndigits: Option<i64>) -> PyResult {
    let Some(n) = ndigits else {
        return int::from_f64(x.round_ties_even());
    };
    if !x.is_finite() || x == 0.0 {
        return Ok(Value::float(x));
    }
    if n > 323 {
        return Ok(Value::float(x));
    }
    if n < -308 {
        return Ok(Value::float(0f64.copysign(x)));
    }
    let r = if n >= 0 {
        // Rust's fixed-precision formatting is exact with ties to even.
        crate::format::spec::fixed(x, n as usize)
            .parse::<f64>()
            .unwrap_or(x)
    } else {
        let t = BigInt::from_f64(x.abs().trunc()).unwrap_or_default();
        let frac = x.abs().fract();
        let p = num_traits::Pow::pow(BigInt::from(10), (-n) as u32);
        let (mut q, rem) = t.div_rem(&p);
        let half = &p >> 1u32;
        if rem > half || (rem == half && (frac > 0.0 || q.is_odd())) {
            q += 1;
        }
        (q * p).to_f64().unwrap_or(f64::INFINITY)
    };
    if r.is_infinite() {
        return Err(PyErr::overflow_error(
            "rounded value too large to represent",
        ));
    }
    Ok(Value::float(r.copysign(x)))
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1`.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's float hash: equal to the hash of an equal int.
pub fn hash(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    const BITS: i32 = 61;
    let p = int::HASH_MODULUS;
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & p) | (h >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= p {
            h -= p;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & p) | (h >> (BITS - e));
    let h = if x < 0.0 { -(h as i64) } else { h as i64 };
    if h == -1 { -2 } else { h }
}

pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `x.as_integer_ratio()`.
pub fn as_integer_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = frexp(x);
    while m.fract() != 0.0 {
        m *= 2.0;
        e -= 1;
    }
    let mut num = BigInt::from_f64(m).unwrap_or_default();
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as u32;
    } else {
        den <<= (-e) as u32;
    }
    if num.is_zero() {
        den = BigInt::from(1);
    }
    Ok((num, den))
}

fn float_arg(v: &Value) -> PyResult<f64> {
    // A float subclass instance: the float it carries.
    match v.builtin_value() {
        Value::Float(f) => Ok(f.get()),
        _ => Err(PyErr::type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            v.type_name()
        ))),
    }
}

fn m_is_integer(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::bool(is_integer(float_arg(z)?)))
}

fn m_as_integer_ratio(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let (n, d) = as_integer_ratio(float_arg(z)?)?;
    Ok(Value::tuple(vec![
        Value::from_bigint(n),
        Value::from_bigint(d),
    ]))
}

fn m_conjugate(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::float(float_arg(z)?))
}

fn m_trunc(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    int::from_f64(float_arg(z)?)
}

fn m_floor(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    int::from_f64(float_arg(z)?.floor())
}

fn m_ceil(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    int::from_f64(float_arg(z)?.ceil())
}

fn m_round(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    args.check("__round__", 0, 1)?;
    let value = Value::float(float_arg(z)?);
    crate::builtins::module::round_builtin_number(vm, &value, args.pos.first())
}

fn m_getnewargs(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::tuple(vec![Value::float(float_arg(z)?)]))
}

/// `float.__divmod__`/`__rdivmod__`: NotImplemented unless the other
/// operand is a float or an int, as float's number slots answer.
fn float_divmod(z: &Value, other: &Value, reflected: bool) -> PyResult {
    let a = Value::float(float_arg(z)?);
    let b = match other.builtin_value() {
        Value::Float(f) => Value::float(f.get()),
        other => match int::as_int(other) {
            Some(i) => Value::float(i.to_f64()?),
            None => return Ok(Value::NotImplemented),
        },
    };
    if reflected {
        crate::protocol::divmod(&b, &a)
    } else {
        crate::protocol::divmod(&a, &b)
    }
}

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__int__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_trunc,
    },
    MethodDef {
        name: "__trunc__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_trunc,
    },
    MethodDef {
        name: "__floor__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_floor,
    },
    MethodDef {
        name: "__ceil__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_ceil,
    },
    MethodDef {
        name: "__float__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_conjugate,
    },
    MethodDef {
        name: "__round__",
        params: crate::builtins::function::Params::Any,
        func: m_round,
    },
    MethodDef {
        name: "__getnewargs__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_getnewargs,
    },
    MethodDef {
        name: "__divmod__",
        params: crate::builtins::function::Params::One,
        func: |_, z, args| float_divmod(z, &args.pos[0], false),
    },
    MethodDef {
        name: "__rdivmod__",
        params: crate::builtins::function::Params::One,
        func: |_, z, args| float_divmod(z, &args.pos[0], true),
    },
    MethodDef {
        name: "is_integer",
        params: crate::builtins::function::Params::NoArgs,
        func: m_is_integer,
    },
    MethodDef {
        name: "as_integer_ratio",
        params: crate::builtins::function::Params::NoArgs,
        func: m_as_integer_ratio,
    },
    MethodDef {
        name: "conjugate",
        params: crate::builtins::function::Params::NoArgs,
        func: m_conjugate,
    },
    MethodDef {
        name: "hex",
        params: crate::builtins::function::Params::NoArgs,
        func: crate::builtins::float_hex::m_hex,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (-2.5e-7, "-2.5e-07"),
            (123.456, "123.456"),
            (1e22, "1e+22"),
            // A tie at 17 digits: CPython rounds it to the even digit.
            (2f64.powi(-25), "2.9802322387695312e-08"),
            // The even 16-digit string does not round-trip: the other.
            (2f64.powi(-24), "5.960464477539063e-08"),
        ];
        for &(x, want) in cases {
            assert_eq!(repr(x), want, "{x:e}");
        }
    }

    #[test]
    fn parsing() {
        assert_eq!(parse(" 1_0.5 ").unwrap(), 10.5);
        assert_eq!(parse("-inf").unwrap(), f64::NEG_INFINITY);
        assert_eq!(parse("InFiNiTy").unwrap(), f64::INFINITY);
        assert!(parse("nan").unwrap().is_nan());
        assert_eq!(parse("1e5").unwrap(), 100000.0);
        assert_eq!(parse(".5").unwrap(), 0.5);
        assert_eq!(parse("5.").unwrap(), 5.0);
        for bad in ["", "x", "1__0", "_1", "1_", "1._5", "infx", "0x10"] {
            assert_eq!(
                parse(bad).unwrap_err().to_string(),
                format!(
                    "ValueError: could not convert string to float: {}",
                    crate::builtins::str::repr_str(bad)
                )
            );
        }
    }

    #[test]
    fn rounding() {
        let f = |x: f64, n: i64| match round(x, Some(n)).unwrap() {
            Value::Float(f) => f.get(),
            _ => panic!(),
        };
        // python3: round(2.675, 2) 2.67 ; round(0.125, 2) 0.12 ; round(0.375, 2) 0.38
        assert_eq!(f(2.675, 2), 2.67);
        assert_eq!(f(0.125, 2), 0.12);
        assert_eq!(f(0.375, 2), 0.38);
        assert_eq!(f(1234.5, -2), 1200.0);
        assert_eq!(f(1250.0, -2), 1200.0);
        assert_eq!(f(1350.0, -2), 1400.0);
        assert_eq!(f(-1250.1, -2), -1300.0);
        assert_eq!(f(5.0, -1), 0.0);
        assert_eq!(f(15.0, -1), 20.0);
        assert!(f(-0.4, 0).is_sign_negative());
        let i = |x: f64| crate::protocol::repr(&round(x, None).unwrap()).unwrap();
        assert_eq!(i(0.5), "0");
        assert_eq!(i(1.5), "2");
        assert_eq!(i(2.5), "2");
        assert_eq!(i(-2.5), "-2");
        assert_eq!(i(1e20), "100000000000000000000");
        assert_eq!(
            round(f64::INFINITY, None).unwrap_err().to_string(),
            "OverflowError: cannot convert float infinity to integer"
        );
    }

    #[test]
    fn floor_and_mod() {
        // python3: -7.5 // 2, -7.5 % 2, 7.5 % -2, 7.5 // -2, -0.0 % 5, 1 % -0.5
        assert_eq!(floordiv(-7.5, 2.0).unwrap(), -4.0);
        assert_eq!(modulo(-7.5, 2.0).unwrap(), 0.5);
        assert_eq!(modulo(7.5, -2.0).unwrap(), -0.5);
        assert_eq!(floordiv(7.5, -2.0).unwrap(), -4.0);
        assert_eq!(modulo(-0.0, 5.0).unwrap().to_bits(), 0f64.to_bits());
        assert!(modulo(1.0, -0.5).unwrap().is_sign_negative());
        assert_eq!(
            modulo(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float modulo"
        );
        assert_eq!(
            floordiv(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float floor division by zero"
        );
        assert_eq!(
            truediv(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float division by zero"
        );
        assert_eq!(
            divmod(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float divmod()"
        );
    }

    #[test]
    fn powers() {
        assert_eq!(pow(2.0, 0.5).unwrap(), 1.4142135623730951);
        assert_eq!(
            pow(10.0, 400.0).unwrap_err().to_string(),
            "OverflowError: (34, 'Numerical result out of range')"
        );
        assert_eq!(
            pow(0.0, -1.0).unwrap_err().to_string(),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(pow(f64::NAN, 0.0).unwrap(), 1.0);
        assert_eq!(pow(-8.0, 3.0).unwrap(), -512.0);
    }

    #[test]
    fn hashing() {
        // python3: hash(1.5) 1152921504606846977 ; hash(-2.5) ; hash(1e100) ; hash(0.1)
        assert_eq!(hash(1.0), 1);
        assert_eq!(hash(-1.0), -2);
        assert_eq!(hash(1.5), 1152921504606846977);
        assert_eq!(hash(-2.5), -1152921504606846978);
        assert_eq!(hash(1e100), 1822893315824342674);
        assert_eq!(hash(0.1), 230584300921369408);
        assert_eq!(
            hash(2f64.powi(70)),
            int::hash(int::IntRef::Big(&(BigInt::from(1) << 70)))
        );
        assert_eq!(hash(f64::INFINITY), 314159);
    }

    #[test]
    fn ratio() {
        let (n, d) = as_integer_ratio(0.75).unwrap();
        assert_eq!((n.to_string(), d.to_string()), ("3".into(), "4".into()));
        let (n, d) = as_integer_ratio(0.1).unwrap();
        assert_eq!(
            (n.to_string(), d.to_string()),
            ("3602879701896397".into(), "36028797018963968".into())
        );
        assert!(is_integer(3.0) && !is_integer(3.5) && !is_integer(f64::INFINITY));
    }
}
