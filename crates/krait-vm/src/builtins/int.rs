//! `int` (and `bool` arithmetic): small ints are `Value::Int(i64)` with
//! checked fast paths; results that overflow become `BigInt`, and big results
//! that fit in `i64` come back as `Value::Int`.

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Signature};
use crate::interpreter::Vm;
use crate::value::Value;

/// Modulus of CPython's numeric hash (`sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's `sys.int_info.default_max_str_digits`.
pub const MAX_STR_DIGITS: usize = 4300;

/// CPython's `sys.int_info.str_digits_check_threshold`: the least limit
/// `sys.set_int_max_str_digits` accepts (0 aside).
pub const STR_DIGITS_CHECK_THRESHOLD: usize = 640;

thread_local! {
    /// `sys.get_int_max_str_digits()`: the most decimal digits `str(int)`
    /// and `int(str)` convert (0: no limit).
    static MAX_STR_DIGITS_NOW: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_STR_DIGITS) };
}

/// The digit limit of int/str conversions in force (0: none).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS_NOW.with(std::cell::Cell::get)
}

/// `sys.set_int_max_str_digits(n)`.
pub fn set_max_str_digits(n: usize) -> PyResult<()> {
    if n != 0 && n < STR_DIGITS_CHECK_THRESHOLD {
        return Err(PyErr::value_error(format!(
            "maxdigits must be 0 or larger than {STR_DIGITS_CHECK_THRESHOLD}"
        )));
    }
    MAX_STR_DIGITS_NOW.with(|limit| limit.set(n));
    Ok(())
}

/// A borrowed int operand: small or big.
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(self) -> Cow<'static, BigInt> {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Owned(b.clone()),
        }
    }

    fn big(&self) -> Cow<'_, BigInt> {
        match *self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            IntRef::Small(i) => i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(i) => i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }

    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(i),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    /// `float(int)`: correctly rounded, OverflowError when out of range.
    pub fn to_f64(self) -> PyResult<f64> {
        let f = match self {
            IntRef::Small(i) => return Ok(i as f64),
            IntRef::Big(b) => b.to_f64().unwrap_or(f64::INFINITY),
        };
        if f.is_infinite() {
            Err(PyErr::overflow_error("int too large to convert to float"))
        } else {
            Ok(f)
        }
    }

    pub fn to_value(self) -> Value {
        match self {
            IntRef::Small(i) => Value::Int(i),
            IntRef::Big(b) => Value::from_bigint(b.clone()),
        }
    }
}

/// View `v` as an int if it is an `int` or a `bool`.
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(b.get() as i64)),
        _ => v.as_bigint_or_subclass().map(IntRef::Big),
    }
}

pub fn add(a: IntRef, b: IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_add(y)
    {
        return Value::Int(r);
    }
    Value::from_bigint(&*a.big() + &*b.big())
}

pub fn sub(a: IntRef, b: IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_sub(y)
    {
        return Value::Int(r);
    }
    Value::from_bigint(&*a.big() - &*b.big())
}

pub fn mul(a: IntRef, b: IntRef) -> PyResult {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_mul(y)
    {
        return Ok(Value::Int(r));
    }
    let (a, b) = (a.big(), b.big());
    // Refused before the (long) multiplication when the memory limit
    // cannot hold the product.
    crate::memory::reserve((a.bits().saturating_add(b.bits()) / 8) as usize)?;
    Ok(Value::from_bigint(crate::long_work::mul(&a, &b)?))
}

/// `a // b` (floor division).
pub fn floordiv(a: IntRef, b: IntRef) -> PyResult {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(_) = x.checked_div(y)
    {
        return Ok(Value::Int(Integer::div_floor(&x, &y)));
    }
    let (q, _) = crate::long_work::div_mod_floor(&a.big(), &b.big())?;
    Ok(Value::from_bigint(q))
}

/// `a % b`: the result has the sign of `b`.
pub fn modulo(a: IntRef, b: IntRef) -> PyResult {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if y == -1 {
            return Ok(Value::Int(0));
        }
        return Ok(Value::Int(x.mod_floor(&y)));
    }
    let (_, r) = crate::long_work::div_mod_floor(&a.big(), &b.big())?;
    Ok(Value::from_bigint(r))
}

/// `divmod(a, b)` as a pair.
pub fn divmod(a: IntRef, b: IntRef) -> PyResult<(Value, Value)> {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && x.checked_div(y).is_some()
    {
        let (q, r) = x.div_mod_floor(&y);
        return Ok((Value::Int(q), Value::Int(r)));
    }
    let (q, r) = crate::long_work::div_mod_floor(&a.big(), &b.big())?;
    Ok((Value::from_bigint(q), Value::from_bigint(r)))
}

/// `a / b`, correctly rounded like CPython's `long_true_divide`.
pub fn truediv(a: IntRef, b: IntRef) -> PyResult<f64> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && x.unsigned_abs() <= EXACT
        && y.unsigned_abs() <= EXACT
    {
        return Ok(x as f64 / y as f64);
    }
    let negative = a.is_negative() != b.is_negative();
    let n = a.big().abs();
    let d = b.big().abs();
    if n.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has at least 55 significant bits, then fold the
    // remainder into a sticky bit: one rounding to 53 bits is then exact.
    let shift = d.bits() as i64 - n.bits() as i64 + 55;
    let (num, den) = if shift >= 0 {
        (n << shift as u64, d)
    } else {
        (n, d << (-shift) as u64)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let f = ldexp(q as f64, -shift);
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(if negative { -f } else { f })
}

/// `x * 2**e` without intermediate overflow.
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// `a ** b`; a negative exponent gives a float.
pub fn pow(a: IntRef, b: IntRef) -> PyResult {
    if b.is_negative() {
        let x = a.to_f64()?;
        let y = b.to_f64()?;
        return crate::builtins::float::pow(x, y).map(Value::float);
    }
    if let IntRef::Small(x) = a {
        match x {
            0 => return Ok(Value::Int(b.is_zero() as i64)),
            1 => return Ok(Value::Int(1)),
            -1 => {
                let odd = match b {
                    IntRef::Small(e) => e & 1 == 1,
                    IntRef::Big(e) => e.is_odd(),
                };
                return Ok(Value::Int(if odd { -1 } else { 1 }));
            }
            _ => {}
        }
    }
    let Some(e) = b.to_i64().and_then(|e| u32::try_from(e).ok()) else {
        // Past any memory: the memory limit's error when one is set.
        crate::memory::reserve(usize::MAX)?;
        return Err(PyErr::new(crate::typeobject::ExcType::MemoryError, ""));
    };
    if let IntRef::Small(x) = a
        && let Some(r) = x.checked_pow(e)
    {
        return Ok(Value::Int(r));
    }
    let base = a.big();
    // The result's size is known before it is computed (and computing a
    // huge one takes long): bits(a) * e.
    crate::memory::reserve((base.bits().saturating_mul(u64::from(e)) / 8) as usize)?;
    Ok(Value::from_bigint(crate::long_work::pow(&base, e)?))
}

/// Three-argument `pow(a, b, m)`; a negative `b` uses the modular inverse.
pub fn pow_mod(a: IntRef, b: IntRef, m: IntRef) -> PyResult {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let m_neg = m.is_negative();
    let modulus = m.big().abs();
    let mut base = a.big().mod_floor(&modulus);
    let mut exp = b.big().into_owned();
    if exp.is_negative() {
        let g = base.extended_gcd(&modulus);
        if !g.gcd.is_one() {
            return Err(PyErr::value_error(
                "base is not invertible for the given modulus",
            ));
        }
        base = g.x.mod_floor(&modulus);
        exp = -exp;
    }
    let mut r = if modulus.is_one() {
        BigInt::zero()
    } else {
        crate::long_work::mod_pow(&base, &exp, &modulus)?
    };
    if m_neg && !r.is_zero() {
        r -= &modulus;
    }
    Ok(Value::from_bigint(r))
}

pub fn lshift(a: IntRef, b: IntRef) -> PyResult {
    if b.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::Int(0));
    }
    let Some(n) = b.to_i64().filter(|&n| n < (1 << 40)) else {
        // CPython: a count whose 30-bit words fit a `Py_ssize_t` is a
        // result no memory holds; beyond, too many digits.
        let words_fit = (b.big().as_ref() / 30u32).to_i64().is_some();
        return Err(if words_fit {
            PyErr::new(crate::typeobject::ExcType::MemoryError, "")
        } else {
            PyErr::overflow_error("too many digits in integer")
        });
    };
    if let IntRef::Small(x) = a
        && n < 64
    {
        let wide = (x as i128) << n;
        if let Ok(r) = i64::try_from(wide) {
            return Ok(Value::Int(r));
        }
    }
    let base = a.big();
    crate::memory::reserve((base.bits().saturating_add(n as u64) / 8) as usize)?;
    Ok(Value::from_bigint(&*base << n as u64))
}

pub fn rshift(a: IntRef, b: IntRef) -> PyResult {
    if b.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    let n = b.to_i64().unwrap_or(i64::MAX);
    Ok(match a {
        IntRef::Small(x) => Value::Int(x >> n.min(63)),
        IntRef::Big(x) => {
            if n >= x.bits() as i64 {
                Value::Int(if x.is_negative() { -1 } else { 0 })
            } else {
                // BigInt's `>>` rounds toward negative infinity, like Python.
                Value::from_bigint(x >> n as u64)
            }
        }
    })
}

pub fn and(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x & y),
        _ => Value::from_bigint(&*a.big() & &*b.big()),
    }
}

pub fn or(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x | y),
        _ => Value::from_bigint(&*a.big() | &*b.big()),
    }
}

pub fn xor(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x ^ y),
        _ => Value::from_bigint(&*a.big() ^ &*b.big()),
    }
}

/// `~a == -(a + 1)`.
pub fn invert(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::Int(!x),
        IntRef::Big(b) => Value::from_bigint(-(b + BigInt::from(1))),
    }
}

pub fn neg(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => match x.checked_neg() {
            Some(r) => Value::Int(r),
            None => Value::from_bigint(-BigInt::from(x)),
        },
        IntRef::Big(b) => Value::from_bigint(-b),
    }
}

pub fn abs(a: IntRef) -> Value {
    if a.is_negative() {
        neg(a)
    } else {
        a.to_value()
    }
}

pub fn cmp(a: IntRef, b: IntRef) -> Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        _ => a.big().cmp(&b.big()),
    }
}

/// Exact comparison of an int with a float (`None` when `f` is NaN).
pub fn cmp_float(a: IntRef, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntRef::Small(x) = a
        && x.unsigned_abs() <= 1 << 53
    {
        return (x as f64).partial_cmp(&f);
    }
    let fl = f.floor();
    let fb = BigInt::from_f64(fl)?;
    Some(match a.big().as_ref().cmp(&fb) {
        Ordering::Equal if f > fl => Ordering::Less,
        o => o,
    })
}

/// CPython's int hash: the value modulo 2**61 - 1, sign kept, -1 -> -2.
pub fn hash(a: IntRef) -> i64 {
    // Below the modulus an int is its own hash (no division).
    if let IntRef::Small(x) = a
        && x.unsigned_abs() < HASH_MODULUS
    {
        return if x == -1 { -2 } else { x };
    }
    let (neg, m) = match a {
        IntRef::Small(x) => (x < 0, x.unsigned_abs() % HASH_MODULUS),
        IntRef::Big(b) => {
            let m = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
            (b.is_negative(), m)
        }
    };
    let h = if neg { -(m as i64) } else { m as i64 };
    if h == -1 { -2 } else { h }
}

/// `int(f)`: truncation toward zero.
pub fn from_f64(f: f64) -> PyResult {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(BigInt::from_f64(t).unwrap_or_default()))
}

fn str_digits_error(n: usize) -> PyErr {
    let limit = max_str_digits();
    PyErr::value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(int)` / `repr(int)`.
pub fn to_str(a: IntRef) -> PyResult<String> {
    match a {
        IntRef::Small(x) => Ok(x.to_string()),
        IntRef::Big(b) => {
            let limit = max_str_digits();
            let too_long = || {
                PyErr::value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                ))
            };
            // A number of `bits` bits has more than (bits - 1) * log10(2)
            // digits: far past the limit it is refused unconverted (the
            // conversion is quadratic), as CPython does; near it, counted.
            let bits = b.bits();
            if limit != 0 && (bits - 1) as f64 * std::f64::consts::LOG10_2 >= limit as f64 + 1.0 {
                return Err(too_long());
            }
            let s = b.to_str_radix(10);
            if limit != 0 && s.trim_start_matches('-').len() > limit {
                return Err(too_long());
            }
            Ok(s)
        }
    }
}

/// Digits of `|a|` in `radix` (lowercase), without sign or prefix.
pub fn magnitude_digits(a: IntRef, radix: u32) -> String {
    match a {
        IntRef::Small(x) => {
            let m = x.unsigned_abs();
            match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            }
        }
        IntRef::Big(b) => b.magnitude().to_str_radix(radix),
    }
}

/// [`magnitude_digits`] under `sys.set_int_max_str_digits()`'s limit for
/// decimal digits (`'%d' % n`, `format(n, ',d')`), as [`to_str`].
pub fn magnitude_digits_checked(a: IntRef, radix: u32) -> PyResult<String> {
    match a {
        IntRef::Big(_) if radix == 10 => {
            let mut text = to_str(a)?;
            if text.starts_with('-') {
                text.remove(0);
            }
            Ok(text)
        }
        _ => Ok(magnitude_digits(a, radix)),
    }
}

/// `hex()`, `oct()`, `bin()`: `-0x1f`.
pub fn to_prefixed(a: IntRef, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if a.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", magnitude_digits(a, radix))
}

/// `int(s, base)`.
pub fn parse(s: &str, base: u32) -> PyResult {
    if base == 1 || base > 36 {
        return Err(PyErr::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    parse_literal(s, base).ok_or_else(|| {
        PyErr::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::builtins::str::repr_str(s)
        ))
    })?
}

fn parse_literal(s: &str, mut base: u32) -> Option<PyResult> {
    let t = s.trim_matches(crate::builtins::str::is_py_whitespace);
    let (negative, t) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let b = t.as_bytes();
    let mut digits = t;
    let mut after_prefix = false;
    if b.len() >= 2 && b[0] == b'0' {
        let p = b[1].to_ascii_lowercase();
        let pbase = match p {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pbase != 0 && (base == 0 || base == pbase) {
            base = pbase;
            digits = &t[2..];
            after_prefix = true;
        }
    }
    if base == 0 {
        // A decimal literal with base 0 may not have leading zeros ("010").
        if digits.starts_with('0') && digits.bytes().any(|c| c != b'0' && c != b'_') {
            return None;
        }
        base = 10;
    }
    // Underscores: only single ones between digits (or right after a prefix).
    let mut clean = String::with_capacity(digits.len());
    let mut prev_underscore = !after_prefix;
    for (i, c) in digits.chars().enumerate() {
        if c == '_' {
            if prev_underscore && !(i == 0 && after_prefix) {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        let d = c.to_digit(36).or_else(|| unicode_decimal(c))?;
        if d >= base {
            return None;
        }
        clean.push(std::char::from_digit(d, 36)?);
        prev_underscore = false;
    }
    if clean.is_empty() || digits.ends_with('_') {
        return None;
    }
    let limit = max_str_digits();
    if base == 10 && limit != 0 && clean.len() > limit {
        return Some(Err(str_digits_error(clean.len())));
    }
    if clean.len() <= 12
        && let Ok(v) = i64::from_str_radix(&clean, base)
    {
        return Some(Ok(Value::Int(if negative { -v } else { v })));
    }
    let mag = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(Ok(Value::from_bigint(if negative { -mag } else { mag })))
}

/// Decimal digits of other scripts, which `int()` accepts (`int('٣')`).
pub fn unicode_decimal(c: char) -> Option<u32> {
    if c.is_ascii() {
        return None;
    }
    crate::builtins::unicode::decimal_value(c)
}

pub fn bit_length(a: IntRef) -> u64 {
    match a {
        IntRef::Small(x) => 64 - x.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    }
}

fn int_arg(v: &Value) -> PyResult<IntRef<'_>> {
    // An int subclass instance: the int it carries.
    as_int(v.builtin_value()).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires an 'int' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn m_bit_length(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::Int(bit_length(int_arg(z)?) as i64))
}

fn m_bit_count(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let n = match int_arg(z)? {
        IntRef::Small(x) => x.unsigned_abs().count_ones() as u64,
        IntRef::Big(b) => b.magnitude().count_ones(),
    };
    Ok(Value::Int(n as i64))
}

fn m_conjugate(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(int_arg(z)?.to_value())
}

fn m_as_integer_ratio(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::tuple(vec![int_arg(z)?.to_value(), Value::Int(1)]))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
static TO_BYTES: Signature = Signature {
    names: &["length", "byteorder", "signed"],
    positional: 2,
    required: 0,
};

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
static FROM_BYTES: Signature = Signature {
    names: &["bytes", "byteorder", "signed"],
    positional: 2,
    required: 1,
};

/// The `byteorder` and `signed` arguments of `to_bytes`/`from_bytes`, in
/// CPython's order of checks: byteorder's type, then signed's truth, then
/// byteorder's value. `true` for little-endian.
fn byteorder_and_signed(vm: &mut Vm, args: &Args, method: &str) -> PyResult<(bool, bool)> {
    let byteorder = crate::builtins::str::named_str_arg(args, 1, method, "byteorder")?;
    let signed = match args.kwarg("signed") {
        Some(v) => vm.truthy_value(v)?,
        None => false,
    };
    let little = match byteorder {
        None | Some("big") => false,
        Some("little") => true,
        Some(_) => {
            return Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            ));
        }
    };
    Ok((little, signed))
}

/// `n.to_bytes(length, byteorder, *, signed)`: `length` bytes of `n` (two's
/// complement when `signed`).
fn m_to_bytes(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let n = int_arg(z)?.to_bigint();
    let length = match args.get(0, "length") {
        Some(v) => crate::sequence::index_arg(vm, v, "length")?,
        None => 1,
    };
    let (little, signed) = byteorder_and_signed(vm, &args, "to_bytes")?;
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let mut bytes = to_bytes(&n, length as u64, signed)?;
    if !little {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

/// The `length` little-endian bytes of `n`, as CPython's
/// `_PyLong_AsByteArray` makes them (and fails).
fn to_bytes(n: &BigInt, length: u64, signed: bool) -> PyResult<Vec<u8>> {
    if n.is_negative() && !signed {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    // The bits that are not copies of the sign bit; a signed result needs
    // one more for the sign, except for 0 and -1 (CPython stores them in
    // zero bytes too).
    let value_bits = if n.is_negative() {
        (-(n + 1u8)).bits()
    } else {
        n.bits()
    };
    let needed = value_bits + u64::from(signed && value_bits > 0);
    if u128::from(needed) > u128::from(length) * 8 {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let length = usize::try_from(length)
        .map_err(|_| PyErr::new(crate::typeobject::ExcType::MemoryError, ""))?;
    crate::memory::reserve(length)?;
    let (mut bytes, fill) = if signed {
        (
            n.to_signed_bytes_le(),
            if n.is_negative() { 0xff } else { 0 },
        )
    } else {
        (n.to_bytes_le().1, 0)
    };
    // The shortest form may hold one byte more than `length` (a lone sign
    // byte, or the 0 of zero); the rest is sign extension.
    bytes.truncate(length);
    let extra = length - bytes.len();
    bytes
        .try_reserve_exact(extra)
        .map_err(|_| PyErr::new(crate::typeobject::ExcType::MemoryError, ""))?;
    bytes.resize(length, fill);
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, reached
/// through the class (`int.from_bytes(b'\x01\x00', 'little')`).
pub fn from_bytes(vm: &mut Vm, args: Args) -> PyResult {
    crate::builtins::function::check_params(
        crate::builtins::function::Params::Named(&FROM_BYTES),
        "from_bytes",
        || "int.from_bytes".to_string(),
        &args,
    )?;
    let source = args.get(0, "bytes").cloned().unwrap_or_default();
    let (little, signed) = byteorder_and_signed(vm, &args, "from_bytes")?;
    let mut bytes = bytes_of(vm, &source)?;
    if !little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    Ok(Value::from_bigint(n))
}

/// `int.from_bytes` as the class method it is: `cls` first (a subclass
/// gets an instance of itself).
pub fn from_bytes_classmethod(vm: &mut Vm, args: Args) -> PyResult {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(PyErr::type_error("from_bytes() needs a class"));
    };
    let value = from_bytes(vm, Args::with_kw(rest, args.kw))?;
    crate::builtins::bytes::as_class(vm, cls, crate::typeobject::BuiltinType::Int, value)
}

/// The bytes of `v` as CPython's `PyObject_Bytes` finds them: a bytes
/// object, what `__bytes__` returns, or the ints an iterable yields.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    use crate::object::PyObject;
    if let Some(PyObject::Bytes(b)) = v.as_obj() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(result) = vm.call_dunder(v, "__bytes__", Vec::new())? {
        return match result.as_bytes_or_subclass() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                result.type_name()
            ))),
        };
    }
    if let Some(b) = crate::buffer::bytes_like(v)? {
        return Ok(b.to_vec());
    }
    let cannot_convert = || {
        PyErr::type_error(format!(
            "cannot convert '{}' object to bytes",
            v.type_name()
        ))
    };
    if v.as_str_or_subclass().is_some() {
        return Err(cannot_convert());
    }
    let iterator = vm.iterate(v).map_err(|e| {
        if e.matches(crate::typeobject::ExcType::TypeError) {
            cannot_convert()
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(item) = crate::protocol::next(vm, &iterator)? {
        let n = crate::builtins::module::index_value(vm, &item)?;
        match as_int(&n).and_then(|i| i.to_i64()) {
            Some(b @ 0..=255) => out.push(b as u8),
            _ => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// `int.__repr__` as the class gives it: the decimal digits of any int,
/// a bool or an int subclass's value included (`int.__repr__(True)` is
/// `'1'`, where `True.__repr__()` is `bool`'s).
pub static INT_REPR: MethodDef = MethodDef {
    name: "__repr__",
    params: crate::builtins::function::Params::NoArgs,
    func: |_, receiver, _| {
        let value = int_arg(receiver)?.to_value();
        Ok(Value::str(crate::protocol::repr(&value)?))
    },
};

/// `int.__int__`, `__trunc__`, `__floor__`, `__ceil__`: the exact int.
fn m_exact_int(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(int_arg(z)?.to_value())
}

fn m_float(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::float(int_arg(z)?.to_f64()?))
}

fn m_round(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    args.check("__round__", 0, 1)?;
    let value = int_arg(z)?.to_value();
    crate::builtins::module::round_builtin_number(vm, &value, args.pos.first())
}

fn m_getnewargs(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    Ok(Value::tuple(vec![int_arg(z)?.to_value()]))
}

/// `int.__divmod__`/`__rdivmod__`: NotImplemented unless both are ints,
/// as int's number slots answer.
fn int_divmod(z: &Value, other: &Value, reflected: bool) -> PyResult {
    let a = int_arg(z)?.to_value();
    let Some(b) = as_int(other.builtin_value()).map(|b| b.to_value()) else {
        return Ok(Value::NotImplemented);
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
        func: m_exact_int,
    },
    MethodDef {
        name: "__trunc__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_exact_int,
    },
    MethodDef {
        name: "__floor__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_exact_int,
    },
    MethodDef {
        name: "__ceil__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_exact_int,
    },
    MethodDef {
        name: "__float__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_float,
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
        func: |_, z, args| int_divmod(z, &args.pos[0], false),
    },
    MethodDef {
        name: "__rdivmod__",
        params: crate::builtins::function::Params::One,
        func: |_, z, args| int_divmod(z, &args.pos[0], true),
    },
    MethodDef {
        name: "__index__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_conjugate,
    },
    MethodDef {
        name: "bit_length",
        params: crate::builtins::function::Params::NoArgs,
        func: m_bit_length,
    },
    MethodDef {
        name: "bit_count",
        params: crate::builtins::function::Params::NoArgs,
        func: m_bit_count,
    },
    MethodDef {
        name: "conjugate",
        params: crate::builtins::function::Params::NoArgs,
        func: m_conjugate,
    },
    MethodDef {
        name: "as_integer_ratio",
        params: crate::builtins::function::Params::NoArgs,
        func: m_as_integer_ratio,
    },
    MethodDef {
        name: "to_bytes",
        params: crate::builtins::function::Params::Named(&TO_BYTES),
        func: m_to_bytes,
    },
];

/// Sign helper used by formatting.
pub fn sign(a: IntRef) -> Sign {
    match a {
        IntRef::Small(x) => match x.cmp(&0) {
            Ordering::Less => Sign::Minus,
            Ordering::Equal => Sign::NoSign,
            Ordering::Greater => Sign::Plus,
        },
        IntRef::Big(b) => b.sign(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::repr;

    fn big(s: &str) -> Value {
        Value::from_bigint(BigInt::parse_bytes(s.as_bytes(), 10).unwrap())
    }
    fn r(v: PyResult) -> String {
        match v {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }
    fn i(x: i64) -> IntRef<'static> {
        IntRef::Small(x)
    }

    #[test]
    fn overflow_to_big_and_back() {
        assert_eq!(r(Ok(add(i(i64::MAX), i(1)))), "9223372036854775808");
        assert_eq!(
            r(mul(i(i64::MAX), i(i64::MAX))),
            "85070591730234615847396907784232501249"
        );
        let b = big("9223372036854775808");
        assert!(matches!(
            sub(as_int(&b).unwrap(), i(1)),
            Value::Int(i64::MAX)
        ));
        assert_eq!(r(Ok(neg(i(i64::MIN)))), "9223372036854775808");
        assert_eq!(r(floordiv(i(i64::MIN), i(-1))), "9223372036854775808");
        assert_eq!(r(modulo(i(i64::MIN), i(-1))), "0");
    }

    #[test]
    fn floor_semantics() {
        // python3: -7 // 2, -7 % 2, 7 // -2, 7 % -2, divmod(-7, 2)
        assert_eq!(r(floordiv(i(-7), i(2))), "-4");
        assert_eq!(r(modulo(i(-7), i(2))), "1");
        assert_eq!(r(floordiv(i(7), i(-2))), "-4");
        assert_eq!(r(modulo(i(7), i(-2))), "-1");
        let (q, m) = divmod(i(-7), i(2)).unwrap();
        assert_eq!((r(Ok(q)), r(Ok(m))), ("-4".into(), "1".into()));
        assert_eq!(
            r(floordiv(i(1), i(0))),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            r(modulo(i(1), i(0))),
            "ZeroDivisionError: integer modulo by zero"
        );
        let b = big("-100000000000000000000");
        assert_eq!(r(modulo(as_int(&b).unwrap(), i(7))), "5");
        assert_eq!(
            r(floordiv(as_int(&b).unwrap(), i(7))),
            "-14285714285714285715"
        );
    }

    #[test]
    fn true_division() {
        assert_eq!(truediv(i(1), i(3)).unwrap(), 1.0 / 3.0);
        assert_eq!(truediv(i(-7), i(2)).unwrap(), -3.5);
        assert_eq!(
            truediv(i(1), i(0)).unwrap_err().to_string(),
            "ZeroDivisionError: division by zero"
        );
        // python3: (10**30) / 7 -> 1.4285714285714285e+29 ; (2**64+1)/3
        let b = big("1000000000000000000000000000000");
        assert_eq!(
            truediv(as_int(&b).unwrap(), i(7)).unwrap(),
            1.4285714285714285e+29
        );
        let c = big("18446744073709551617");
        assert_eq!(
            truediv(as_int(&c).unwrap(), i(3)).unwrap(),
            6.148914691236517e+18
        );
        // (2**53 + 1) / 1 rounds to even: 9007199254740992.0
        assert_eq!(truediv(i((1 << 53) + 1), i(1)).unwrap(), 9007199254740992.0);
        // 10**400 / 10**399 == 10.0
        let n = as_int(&big(&format!("1{}", "0".repeat(400))))
            .unwrap()
            .to_bigint();
        let d = as_int(&big(&format!("1{}", "0".repeat(399))))
            .unwrap()
            .to_bigint();
        assert_eq!(truediv(IntRef::Big(&n), IntRef::Big(&d)).unwrap(), 10.0);
        assert_eq!(
            truediv(IntRef::Big(&n), i(1)).unwrap_err().to_string(),
            "OverflowError: integer division result too large for a float"
        );
    }

    #[test]
    fn powers() {
        assert_eq!(r(pow(i(2), i(10))), "1024");
        assert_eq!(r(pow(i(2), i(100))), "1267650600228229401496703205376");
        assert_eq!(r(pow(i(2), i(-1))), "0.5");
        assert_eq!(r(pow(i(-2), i(-3))), "-0.125");
        assert_eq!(
            r(pow(i(0), i(-1))),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(r(pow(i(0), i(0))), "1");
        assert_eq!(r(pow(i(-1), i(1_000_000_000_001))), "-1");
        // python3: pow(3,-1,7) 5 ; pow(3,-1,-7) -2 ; pow(-3,2,-7) -5 ; pow(2,10,1000) 24
        assert_eq!(r(pow_mod(i(3), i(-1), i(7))), "5");
        assert_eq!(r(pow_mod(i(3), i(-1), i(-7))), "-2");
        assert_eq!(r(pow_mod(i(-3), i(2), i(-7))), "-5");
        assert_eq!(r(pow_mod(i(2), i(10), i(1000))), "24");
        assert_eq!(r(pow_mod(i(5), i(0), i(1))), "0");
        assert_eq!(
            r(pow_mod(i(2), i(-1), i(4))),
            "ValueError: base is not invertible for the given modulus"
        );
        assert_eq!(
            r(pow_mod(i(2), i(3), i(0))),
            "ValueError: pow() 3rd argument cannot be 0"
        );
    }

    #[test]
    fn bit_ops() {
        assert_eq!(r(lshift(i(1), i(100))), "1267650600228229401496703205376");
        assert_eq!(r(lshift(i(-3), i(62))), "-13835058055282163712");
        assert_eq!(r(lshift(i(1), i(-1))), "ValueError: negative shift count");
        assert_eq!(r(rshift(i(1), i(-1))), "ValueError: negative shift count");
        assert_eq!(r(rshift(i(-7), i(1))), "-4");
        assert_eq!(r(rshift(i(-7), i(100))), "-1");
        // python3: -(10**30) >> 3 -> -125000000000000000000000000000 ; (-(10**30)-1) >> 3
        let b = big("-1000000000000000000000000001");
        assert_eq!(
            r(rshift(as_int(&b).unwrap(), i(3))),
            "-125000000000000000000000001"
        );
        // python3: -(2**70) & 0xFFFF -> 0 ; -(2**70)+5 | 3 ; (2**70) ^ -1
        let p = big("-1180591620717411303419");
        assert_eq!(r(Ok(and(as_int(&p).unwrap(), i(0xFFFF)))), "5");
        assert_eq!(
            r(Ok(or(as_int(&p).unwrap(), i(3)))),
            "-1180591620717411303417"
        );
        assert_eq!(
            r(Ok(xor(
                as_int(&big("1180591620717411303424")).unwrap(),
                i(-1)
            ))),
            "-1180591620717411303425"
        );
        assert_eq!(r(Ok(invert(i(5)))), "-6");
        assert_eq!(r(Ok(invert(as_int(&p).unwrap()))), "1180591620717411303418");
    }

    #[test]
    fn hashing() {
        // python3: hash(-1) -2 ; hash(2**61) 1 ; hash(-(2**61)) -1 -> -2 ; hash(2**61-1) 0 ; hash(10**20)
        assert_eq!(hash(i(-1)), -2);
        assert_eq!(hash(i(1 << 61)), 1);
        assert_eq!(hash(i(-(1 << 61))), -2);
        assert_eq!(hash(i((1 << 61) - 1)), 0);
        let b = big("100000000000000000000");
        assert_eq!(hash(as_int(&b).unwrap()), 848750603811160107);
    }

    #[test]
    fn parsing() {
        assert_eq!(r(parse("  -1_000 ", 10)), "-1000");
        assert_eq!(r(parse("0x_ff", 0)), "255");
        assert_eq!(r(parse("ff", 16)), "255");
        assert_eq!(r(parse("0XfF", 16)), "255");
        assert_eq!(r(parse("0b101", 0)), "5");
        assert_eq!(r(parse("z", 36)), "35");
        assert_eq!(r(parse("000", 0)), "0");
        assert_eq!(r(parse("\u{663}", 10)), "3");
        assert_eq!(
            r(parse("123456789012345678901234567890", 10)),
            "123456789012345678901234567890"
        );
        for bad in ["x", "1__0", "_1", "1_", "", " ", "0x10", "1.5", "--1"] {
            assert_eq!(
                r(parse(bad, 10)),
                format!(
                    "ValueError: invalid literal for int() with base 10: {}",
                    crate::builtins::str::repr_str(bad)
                )
            );
        }
        assert_eq!(
            r(parse("010", 0)),
            "ValueError: invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            r(parse("12", 2)),
            "ValueError: invalid literal for int() with base 2: '12'"
        );
        assert_eq!(
            r(parse("1", 37)),
            "ValueError: int() base must be >= 2 and <= 36, or 0"
        );
        let long = "1".repeat(4301);
        assert_eq!(
            r(parse(&long, 10)),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
    }

    #[test]
    fn radix_strings() {
        assert_eq!(to_prefixed(i(-31), 16), "-0x1f");
        assert_eq!(to_prefixed(i(8), 8), "0o10");
        assert_eq!(to_prefixed(i(5), 2), "0b101");
        assert_eq!(to_prefixed(i(i64::MIN), 16), "-0x8000000000000000");
        assert_eq!(bit_length(i(-255)), 8);
    }

    #[test]
    fn float_conversion_and_compare() {
        let b = big(&format!("1{}", "0".repeat(400)));
        assert_eq!(
            as_int(&b).unwrap().to_f64().unwrap_err().to_string(),
            "OverflowError: int too large to convert to float"
        );
        // 2**53 + 1 vs 2.0**53: greater, though float(2**53+1) == 2.0**53
        assert_eq!(
            cmp_float(i((1 << 53) + 1), 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_float(i(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_float(i(-3), -3.5), Some(Ordering::Greater));
        assert_eq!(
            cmp_float(as_int(&b).unwrap(), f64::INFINITY),
            Some(Ordering::Less)
        );
        assert_eq!(cmp_float(i(1), f64::NAN), None);
        assert_eq!(r(from_f64(-3.9)), "-3");
        assert_eq!(r(from_f64(1e20)), "100000000000000000000");
        assert_eq!(
            r(from_f64(f64::NAN)),
            "ValueError: cannot convert float NaN to integer"
        );
    }
}
