//! `math`: CPython 3.11's math module, its results bit for bit and its
//! error messages word for word.
//!
//! The elementary functions are the C library's, as CPython's are: Rust's
//! `f64` methods where they call it, the C functions declared below where
//! Rust computes its own (`asinh`, `acosh`, `atanh`) or has none (`erf`,
//! `remainder`...). `gamma` and `lgamma` are not the C library's in
//! CPython 3.11 (glibc's differ in the last digit on most inputs): they
//! are computed here the way CPython does, with Lanczos' approximation.
//! `hypot`, `dist` and `fsum` follow CPython's algorithms step for step,
//! since their rounding is part of the result.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::util::function;
use krait_vm::builtins::int::{self, IntRef};
use krait_vm::protocol::{self, BinaryOp};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

/// The C library's functions that Rust's std does not call for us.
pub(crate) mod libm {
    use std::os::raw::c_int;

    // SAFETY: these are the C99 <math.h> functions of the C library every
    // Rust program links on the platforms krait runs on, declared with
    // their C signatures (double and int arguments, double results). They
    // take no pointers and are defined for every input (NaN and infinities
    // included, reported through the result), so calling them is safe.
    unsafe extern "C" {
        pub safe fn asinh(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
        pub safe fn erf(x: f64) -> f64;
        pub safe fn erfc(x: f64) -> f64;
        pub safe fn remainder(x: f64, y: f64) -> f64;
        pub safe fn nextafter(x: f64, y: f64) -> f64;
        pub safe fn ldexp(x: f64, e: c_int) -> f64;
    }

    /// The C library's `cbrt`. Not by a plain declaration: Rust's
    /// compiler-builtins carries a `cbrt` of its own (correctly rounded,
    /// which glibc's is not), and the static link resolves the name to it
    /// before libm. The C library's is looked up at run time instead.
    #[cfg(target_os = "linux")]
    pub fn cbrt(x: f64) -> f64 {
        use std::ffi::{c_char, c_void};
        use std::sync::OnceLock;
        type Cbrt = extern "C" fn(f64) -> f64;
        static CBRT: OnceLock<Option<Cbrt>> = OnceLock::new();
        let cbrt = CBRT.get_or_init(|| {
            unsafe extern "C" {
                fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
            }
            // SAFETY: RTLD_DEFAULT (null) and a NUL-terminated name: dlsym
            // only searches the loaded libraries' exported symbols, where
            // the binary's own (local) `cbrt` is not.
            let symbol = unsafe { dlsym(std::ptr::null_mut(), c"cbrt".as_ptr()) };
            // SAFETY: the exported `cbrt` is C's `double cbrt(double)`.
            (!symbol.is_null()).then(|| unsafe { std::mem::transmute::<*mut c_void, Cbrt>(symbol) })
        });
        match cbrt {
            Some(cbrt) => cbrt(x),
            None => x.cbrt(),
        }
    }

    #[cfg(not(target_os = "linux"))]
    pub fn cbrt(x: f64) -> f64 {
        x.cbrt()
    }
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("pi", Value::float(std::f64::consts::PI)),
        ("e", Value::float(std::f64::consts::E)),
        ("tau", Value::float(std::f64::consts::TAU)),
        ("inf", Value::float(f64::INFINITY)),
        ("nan", Value::float(f64::NAN)),
        // One float in, one float out (CPython's math_1).
        (
            "acos",
            function("acos", |vm, a| unary(vm, a, "acos", f64::acos, false)),
        ),
        (
            "acosh",
            function("acosh", |vm, a| {
                unary(vm, a, "acosh", |x| libm::acosh(x), false)
            }),
        ),
        (
            "asin",
            function("asin", |vm, a| unary(vm, a, "asin", f64::asin, false)),
        ),
        (
            "asinh",
            function("asinh", |vm, a| {
                unary(vm, a, "asinh", |x| libm::asinh(x), false)
            }),
        ),
        (
            "atan",
            function("atan", |vm, a| unary(vm, a, "atan", f64::atan, false)),
        ),
        (
            "atanh",
            function("atanh", |vm, a| {
                unary(vm, a, "atanh", |x| libm::atanh(x), false)
            }),
        ),
        (
            "cbrt",
            function("cbrt", |vm, a| unary(vm, a, "cbrt", libm::cbrt, false)),
        ),
        (
            "cos",
            function("cos", |vm, a| unary(vm, a, "cos", f64::cos, false)),
        ),
        (
            "cosh",
            function("cosh", |vm, a| unary(vm, a, "cosh", f64::cosh, true)),
        ),
        (
            "erf",
            function("erf", |vm, a| unary(vm, a, "erf", |x| libm::erf(x), false)),
        ),
        (
            "erfc",
            function("erfc", |vm, a| {
                unary(vm, a, "erfc", |x| libm::erfc(x), false)
            }),
        ),
        (
            "exp",
            function("exp", |vm, a| unary(vm, a, "exp", f64::exp, true)),
        ),
        (
            "exp2",
            function("exp2", |vm, a| unary(vm, a, "exp2", f64::exp2, true)),
        ),
        (
            "expm1",
            function("expm1", |vm, a| unary(vm, a, "expm1", f64::exp_m1, true)),
        ),
        (
            "fabs",
            function("fabs", |vm, a| unary(vm, a, "fabs", f64::abs, false)),
        ),
        (
            "log1p",
            function("log1p", |vm, a| unary(vm, a, "log1p", f64::ln_1p, false)),
        ),
        (
            "sin",
            function("sin", |vm, a| unary(vm, a, "sin", f64::sin, false)),
        ),
        (
            "sinh",
            function("sinh", |vm, a| unary(vm, a, "sinh", f64::sinh, true)),
        ),
        (
            "sqrt",
            function("sqrt", |vm, a| unary(vm, a, "sqrt", f64::sqrt, false)),
        ),
        (
            "tan",
            function("tan", |vm, a| unary(vm, a, "tan", f64::tan, false)),
        ),
        (
            "tanh",
            function("tanh", |vm, a| unary(vm, a, "tanh", f64::tanh, false)),
        ),
        // CPython multiplies by its constants, not by `to_degrees`'s.
        (
            "degrees",
            function("degrees", |vm, a| {
                plain(vm, a, "degrees", |x| x * (180.0 / std::f64::consts::PI))
            }),
        ),
        (
            "radians",
            function("radians", |vm, a| {
                plain(vm, a, "radians", |x| x * (std::f64::consts::PI / 180.0))
            }),
        ),
        (
            "gamma",
            function("gamma", |vm, a| {
                let x = one_float(vm, &a, "gamma")?;
                gamma(x).map(Value::float)
            }),
        ),
        (
            "lgamma",
            function("lgamma", |vm, a| {
                let x = one_float(vm, &a, "lgamma")?;
                lgamma(x).map(Value::float)
            }),
        ),
        ("log", function("log", log)),
        (
            "log2",
            function("log2", |vm, a| {
                a.check("math.log2", 1, 1)?;
                log_helper(vm, &a.pos[0], f64::log2).map(Value::float)
            }),
        ),
        (
            "log10",
            function("log10", |vm, a| {
                a.check("math.log10", 1, 1)?;
                log_helper(vm, &a.pos[0], f64::log10).map(Value::float)
            }),
        ),
        // Two floats in (CPython's math_2).
        (
            "atan2",
            function("atan2", |vm, a| binary(vm, a, "atan2", f64::atan2)),
        ),
        (
            "copysign",
            function("copysign", |vm, a| binary(vm, a, "copysign", f64::copysign)),
        ),
        (
            "remainder",
            function("remainder", |vm, a| {
                binary(vm, a, "remainder", |x, y| libm::remainder(x, y))
            }),
        ),
        ("fmod", function("fmod", fmod)),
        ("pow", function("pow", pow)),
        (
            "nextafter",
            function("nextafter", |vm, a| {
                let (x, y) = two_floats(vm, &a, "nextafter")?;
                Ok(Value::float(libm::nextafter(x, y)))
            }),
        ),
        ("ulp", function("ulp", |vm, a| plain(vm, a, "ulp", ulp))),
        ("hypot", function("hypot", hypot)),
        ("dist", function("dist", dist)),
        ("fsum", function("fsum", fsum)),
        ("prod", function("prod", prod)),
        ("isclose", function("isclose", isclose)),
        (
            "isfinite",
            function("isfinite", |vm, a| {
                Ok(Value::bool(one_float(vm, &a, "isfinite")?.is_finite()))
            }),
        ),
        (
            "isinf",
            function("isinf", |vm, a| {
                Ok(Value::bool(one_float(vm, &a, "isinf")?.is_infinite()))
            }),
        ),
        (
            "isnan",
            function("isnan", |vm, a| {
                Ok(Value::bool(one_float(vm, &a, "isnan")?.is_nan()))
            }),
        ),
        (
            "frexp",
            function("frexp", |vm, a| {
                let (m, e) = frexp(one_float(vm, &a, "frexp")?);
                Ok(Value::tuple(vec![Value::float(m), Value::Int(e.into())]))
            }),
        ),
        ("ldexp", function("ldexp", ldexp)),
        (
            "modf",
            function("modf", |vm, a| {
                let x = one_float(vm, &a, "modf")?;
                let (fraction, whole) = modf(x);
                Ok(Value::tuple(vec![
                    Value::float(fraction),
                    Value::float(whole),
                ]))
            }),
        ),
        // To an int.
        (
            "floor",
            function("floor", |vm, a| {
                rounding(vm, a, "floor", "__floor__", f64::floor)
            }),
        ),
        (
            "ceil",
            function("ceil", |vm, a| {
                rounding(vm, a, "ceil", "__ceil__", f64::ceil)
            }),
        ),
        ("trunc", function("trunc", trunc)),
        // Integers.
        (
            "factorial",
            function("factorial", |vm, a| {
                a.check("math.factorial", 1, 1)?;
                let n = int_arg(vm, &a.pos[0])?;
                factorial(&n).map(Value::from_bigint)
            }),
        ),
        ("gcd", function("gcd", gcd)),
        ("lcm", function("lcm", lcm)),
        (
            "isqrt",
            function("isqrt", |vm, a| {
                a.check("math.isqrt", 1, 1)?;
                let n = int_arg(vm, &a.pos[0])?;
                if n.is_negative() {
                    return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
                }
                Ok(Value::from_bigint(n.sqrt()))
            }),
        ),
        ("comb", function("comb", comb)),
        ("perm", function("perm", perm)),
    ])
}

// ---------------------------------------------------------------------------
// Arguments and errors

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::overflow_error("math range error")
}

/// A float argument as CPython's `PyFloat_AsDouble` takes it: a float (a
/// subclass's value as is), else `__float__`, else an int (`__index__`
/// for other objects).
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    krait_vm::builtins::complex::real_arg(vm, v)
}

/// An integer argument as CPython's `PyNumber_Index` takes it: an int (a
/// subclass's value, no `__index__` call), else `__index__`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = int::as_int(v.builtin_value()) {
        return Ok(i.to_bigint().into_owned());
    }
    if let Some(r) = vm.call_dunder(v, "__index__", Vec::new())? {
        return match int::as_int(r.builtin_value()) {
            Some(i) => Ok(i.to_bigint().into_owned()),
            None => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                r.type_name()
            ))),
        };
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    )))
}

/// The one float argument of a one-argument function (CPython's METH_O:
/// `math.sqrt() takes exactly one argument (0 given)`).
fn one_float(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    args.check_named(|| format!("math.{name}"), 1, 1)?;
    float_arg(vm, &args.pos[0])
}

/// Checks the arguments of a function of positional arguments only, with
/// CPython's `_PyArg_CheckPositional` wording (`pow expected 2 arguments,
/// got 1`).
fn positional(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if args.kw.is_empty() && (min..=max).contains(&args.pos.len()) {
        return Ok(());
    }
    crate::util::check_positional(args, &format!("math.{name}"), name, min, max)
}

fn two_floats(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    positional(args, name, 2, 2)?;
    Ok((float_arg(vm, &args.pos[0])?, float_arg(vm, &args.pos[1])?))
}

// ---------------------------------------------------------------------------
// Floats to floats

/// `f(x)` with CPython's errors: NaN out of a non-NaN is a domain error;
/// an infinity out of a finite number is an overflow for the functions
/// that can overflow (`exp`), a domain error (a pole) for the others
/// (`atanh(1)`).
fn unary(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = one_float(vm, &args, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(Value::float(r))
}

/// `f(x)` of a function that cannot fail.
fn plain(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64) -> PyResult {
    Ok(Value::float(f(one_float(vm, &args, name)?)))
}

/// `f(x, y)` with CPython's errors (its math_2): NaN out of two non-NaNs
/// is a domain error, an infinity out of two finite numbers an overflow.
fn binary(vm: &mut Vm, args: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult {
    let (x, y) = two_floats(vm, &args, name)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    // fmod(x, ±inf) is x for finite x (C99 says so; CPython makes sure).
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    // Rust's `%` on floats is C's fmod (and exact: no rounding to differ).
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::float(r))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, &args, "pow")?;
    if !x.is_finite() || !y.is_finite() {
        // C99's special values, spelled out as CPython does rather than
        // trusting every C library with them.
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::float(r));
    }
    let r = x.powf(y);
    if r.is_nan() {
        // A negative number to a non-integer power.
        return Err(domain_error());
    }
    if r.is_infinite() {
        // 0 to a negative power is a pole, anything else an overflow.
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(Value::float(r))
}

fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        // The largest float: the gap below it.
        return x - libm::nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`; zeros, infinities
/// and NaN as they are, with 0.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    // Subnormals first scaled into the normal range (exactly).
    let (x, shift) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exponent - 1022 + shift)
}

fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let whole = x.trunc();
    // The difference is exact; its zero keeps x's sign (modf(-2.0)).
    ((x - whole).copysign(x), whole)
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult {
    positional(&args, "ldexp", 2, 2)?;
    let x = float_arg(vm, &args.pos[0])?;
    // An int (or bool, or a subclass) only: no __index__ here in CPython.
    let exponent = match int::as_int(args.pos[1].builtin_value()) {
        Some(i) => i,
        None => {
            return Err(PyErr::type_error(
                "Expected an int as second argument to ldexp.",
            ));
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    // An exponent beyond C's int over- or underflows whatever x is.
    let r = match exponent {
        IntRef::Small(e) if e > i32::MAX as i64 => f64::INFINITY.copysign(x),
        IntRef::Small(e) if e < i32::MIN as i64 => 0.0f64.copysign(x),
        IntRef::Small(e) => libm::ldexp(x, e as i32),
        IntRef::Big(b) if b.is_negative() => 0.0f64.copysign(x),
        IntRef::Big(_) => f64::INFINITY.copysign(x),
    };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

// ---------------------------------------------------------------------------
// Logarithms

/// `log(x)` by `f` (ln, log2, log10) of a float or an int; an int too big
/// for a float goes by its mantissa and exponent: `f(m) + f(2) * e`.
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    // An int (a subclass too) by its value, never its `__float__`.
    let x = match int::as_int(v.builtin_value()) {
        Some(i) if i.is_negative() || i.is_zero() => return Err(domain_error()),
        Some(i) => match (i, i.to_f64()) {
            (_, Ok(x)) => x,
            (IntRef::Big(b), Err(_)) => {
                let (m, e) = big_frexp(b);
                return Ok(f(m) + f(2.0) * e as f64);
            }
            (IntRef::Small(_), Err(err)) => return Err(err),
        },
        None => float_arg(vm, v)?,
    };
    let r = f(x);
    // log(0) is a pole, log of a negative a NaN: both domain errors.
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(domain_error());
    }
    Ok(r)
}

/// `(m, e)` with `n ≈ m * 2**e`, `0.5 <= m < 1`, m rounded to 53 bits
/// half to even, for a positive int too big for a float.
fn big_frexp(n: &BigInt) -> (f64, u64) {
    let bits = n.bits();
    let shift = bits - 53;
    let mut top = (n >> shift).to_u64().unwrap_or(0);
    let rest = n - (BigInt::from(top) << shift);
    let half = BigInt::one() << (shift - 1);
    if rest > half || (rest == half && top & 1 == 1) {
        top += 1;
    }
    // `top` is below 2**54: exact as a float; halve it back if it carried.
    let m = top as f64 / 2f64.powi(53);
    if m == 1.0 { (0.5, bits + 1) } else { (m, bits) }
}

fn log(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&args.pos.len()) {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(vm, &args.pos[0], f64::ln)?;
    let Some(base) = args.pos.get(1) else {
        return Ok(Value::float(num));
    };
    let den = log_helper(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(Value::float(num / den))
}

// ---------------------------------------------------------------------------
// gamma and lgamma: Lanczos' approximation as CPython 3.11 computes it
// (g = 6.024680040776729583740234375, 13 terms, the numerator and
// denominator of the rational function kept apart), because glibc's
// tgamma and lgamma round differently.

// The constants are written with the digits they are published with; Rust
// rounds them to the same doubles as a C compiler does.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;

/// Numerator coefficients of the rational function, constant term first.
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// Denominator coefficients: those of x(x+1)...(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The rational function of the approximation, for x > 0. Above 5 it is
/// evaluated in 1/x (numerator and denominator divided by x**12), which
/// keeps large x from overflowing and is more accurate there.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), with x reduced first so that the multiplication by pi
/// does not lose the argument's low bits.
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // Not -sin(pi * (y - 1)): that would give -0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Γ(n) for n = 1..=23, exact as floats: returned as they are.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn gamma(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        // gamma(nan) = nan, gamma(inf) = inf, gamma(-inf) invalid.
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(domain_error())
        };
    }
    if x == 0.0 {
        // A pole (CPython reports it as a domain error).
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        // gamma(x) ~ 1/x near 0.
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(range_error())
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        // Beyond the float range above; underflows to ±0 below.
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(range_error())
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of that sum, to correct the result with.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        // The reflection formula.
        r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            // y ** (absx - 0.5) alone would overflow.
            let sqrt_pow = y.powf(absx / 2.0 - 0.25);
            r /= sqrt_pow;
            r /= sqrt_pow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrt_pow = y.powf(absx / 2.0 - 0.25);
            r *= sqrt_pow;
            r *= sqrt_pow;
        }
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

fn lgamma(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        // lgamma(nan) = nan, lgamma(±inf) = inf.
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        // Poles at 0, -1, -2...; lgamma(1) = lgamma(2) = 0 exactly.
        return if x <= 0.0 {
            Err(domain_error())
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // The reflection formula; log(pi) as CPython spells it.
        const LOG_PI: f64 = 1.144729885849400174143427351353058711647;
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

// ---------------------------------------------------------------------------
// hypot and dist

/// The Euclidean norm of `v` (absolute values, `max` the largest), as
/// CPython 3.11 computes it: scaled by a power of two so that the largest
/// is in [0.5, 1), each square split exactly (Dekker) and summed with the
/// rounding errors kept, then the square root corrected once by the
/// residual. The result is CPython's to the last bit.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    // Veltkamp's constant, 2**27 + 1: splits a float in two 26-bit halves.
    const SPLIT: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // 2**-max_e would overflow: bring subnormals up first (exactly).
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    // Starts at 1 so that adding squares below 1 keeps |csum| >= each.
    let mut csum = 1.0;
    let (mut frac1, mut frac2, mut frac3) = (0.0, 0.0, 0.0);
    // Adds `x` to csum, its rounding error to `frac`.
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    for &x in v.iter() {
        let x = x * scale;
        let t = x * SPLIT;
        let hi = t - (t - x);
        let lo = x - hi;
        // x*x = hi*hi + 2*hi*lo + lo*lo, the first two exact.
        add(&mut csum, &mut frac1, hi * hi);
        add(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    // The residual csum - h*h, by the same exact steps.
    let t = h * SPLIT;
    let hi = t - (t - h);
    let lo = h - hi;
    add(&mut csum, &mut frac1, -hi * hi);
    add(&mut csum, &mut frac2, -2.0 * hi * lo);
    add(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("math.hypot() takes no keyword arguments"));
    }
    let mut coordinates = Vec::with_capacity(args.pos.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in args.pos {
        let x = float_arg(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coordinates.push(x);
    }
    Ok(Value::float(vector_norm(&mut coordinates, max, found_nan)))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult {
    positional(&args, "dist", 2, 2)?;
    let p = protocol::collect(vm, &args.pos[0])?;
    let q = protocol::collect(vm, &args.pos[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = (float_arg(vm, a)? - float_arg(vm, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::float(vector_norm(&mut diffs, max, found_nan)))
}

// ---------------------------------------------------------------------------
// Sums and products

/// `fsum(iterable)`: the correctly rounded sum, by Shewchuk's algorithm
/// (the running sum kept exactly as non-overlapping partials), with
/// CPython's rules for infinities, NaN and intermediate overflow.
fn fsum(vm: &mut Vm, args: Args) -> PyResult {
    args.check("math.fsum", 1, 1)?;
    let iterator = vm.iterate(&args.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    // Infinities and NaNs are summed apart: their sum is the result.
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = protocol::next(vm, &iterator)? {
        let original = float_arg(vm, &item)?;
        let mut x = original;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if original.is_finite() {
                    return Err(PyErr::overflow_error("intermediate overflow in fsum"));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    if let Some(&top) = partials.last() {
        // Add the partials from the largest down while the sum is exact.
        let mut n = partials.len() - 1;
        hi = top;
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            let y = partials[n - 1];
            n -= 1;
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-way cases: when the next partial pushes the same way as
        // the rounding error, round away from the even choice (so that
        // fsum([1e-16, 1, 1e16]) is 1e16 + 2).
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

/// `prod(iterable, /, *, start=1)`: any type's `*`, left to right.
fn prod(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    for (k, _) in args.kw {
        if *k != "start" {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for prod()"
            )));
        }
    }
    let mut product = args.kwarg("start").cloned().unwrap_or(Value::Int(1));
    let iterator = vm.iterate(&args.pos[0])?;
    while let Some(item) = protocol::next(vm, &iterator)? {
        product = vm.binary(BinaryOp::Mul, &product, &item)?;
    }
    Ok(product)
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    for (k, _) in args.kw {
        if !["a", "b", "rel_tol", "abs_tol"].contains(k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for isclose()"
            )));
        }
    }
    let mut operands = [0.0; 2];
    for (i, name) in ["a", "b"].into_iter().enumerate() {
        let v = args.get(i, name).ok_or_else(|| {
            PyErr::type_error(format!(
                "isclose() missing required argument '{name}' (pos {})",
                i + 1
            ))
        })?;
        operands[i] = float_arg(vm, v)?;
    }
    let [a, b] = operands;
    let rel_tol = match args.kwarg("rel_tol") {
        Some(v) => float_arg(vm, v)?,
        None => 1e-09,
    };
    let abs_tol = match args.kwarg("abs_tol") {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        // Equal infinities too.
        return Ok(Value::bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

// ---------------------------------------------------------------------------
// To integers

/// `floor(x)` / `ceil(x)`: a float's, else the object's `__floor__` /
/// `__ceil__`, else its float's.
fn rounding(vm: &mut Vm, args: Args, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    args.check_named(|| format!("math.{name}"), 1, 1)?;
    let v = &args.pos[0];
    if let Value::Float(x) = v {
        return int::from_f64(f(x.get()));
    }
    if let Some(r) = vm.call_dunder(v, dunder, Vec::new())? {
        return Ok(r);
    }
    if let Some(i) = int::as_int(v.builtin_value()) {
        // int.__floor__: the int itself (bool's as an int).
        return Ok(i.to_value());
    }
    int::from_f64(f(float_arg(vm, v)?))
}

/// `trunc(x)`: `__trunc__`, with no fallback to `__float__`.
fn trunc(vm: &mut Vm, args: Args) -> PyResult {
    args.check("math.trunc", 1, 1)?;
    let v = &args.pos[0];
    if let Value::Float(x) = v {
        return int::from_f64(x.get());
    }
    if let Some(r) = vm.call_dunder(v, "__trunc__", Vec::new())? {
        return Ok(r);
    }
    match v.builtin_value() {
        Value::Float(x) => int::from_f64(x.get()),
        other => match int::as_int(other) {
            Some(i) => Ok(i.to_value()),
            None => Err(PyErr::type_error(format!(
                "type {} doesn't define __trunc__ method",
                v.type_name()
            ))),
        },
    }
}

// ---------------------------------------------------------------------------
// Integers

/// lo * (lo+1) * ... * (hi-1), by halves so that the big multiplications
/// are between numbers of similar size.
fn range_product(lo: &BigInt, hi: &BigInt) -> BigInt {
    let count = hi - lo;
    if count <= BigInt::from(16) {
        let mut product = BigInt::one();
        let mut k = lo.clone();
        while &k < hi {
            product *= &k;
            k += 1;
        }
        return product;
    }
    let mid = lo + (count >> 1);
    range_product(lo, &mid) * range_product(&mid, hi)
}

const LONG_MAX: i64 = i64::MAX;

fn factorial(n: &BigInt) -> PyResult<BigInt> {
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    if n > &BigInt::from(LONG_MAX) {
        return Err(PyErr::overflow_error(format!(
            "factorial() argument should not exceed {LONG_MAX}"
        )));
    }
    Ok(range_product(&BigInt::one(), &(n + 1)))
}

fn gcd(vm: &mut Vm, args: Args) -> PyResult {
    args.check("math.gcd", 0, usize::MAX)?;
    // Small ints (`Fraction`'s every result): Euclid on machine words.
    if args.pos.iter().all(|v| matches!(v, Value::Int(_))) {
        let mut g = 0u64;
        for v in args.pos {
            if let Value::Int(n) = v {
                let mut b = n.unsigned_abs();
                while b != 0 {
                    (g, b) = (b, g % b);
                }
            }
        }
        return Ok(match i64::try_from(g) {
            Ok(g) => Value::Int(g),
            Err(_) => Value::from_bigint(BigInt::from(g)),
        });
    }
    let mut g = BigInt::zero();
    for v in args.pos {
        let n = int_arg(vm, v)?;
        g = big_gcd(&g, &n);
    }
    Ok(Value::from_bigint(g))
}

/// The (nonnegative) gcd of two big ints, by Lehmer's algorithm.
fn big_gcd(a: &BigInt, b: &BigInt) -> BigInt {
    BigInt::from(crate::bigint_gcd::gcd(a.magnitude(), b.magnitude()))
}

fn lcm(vm: &mut Vm, args: Args) -> PyResult {
    args.check("math.lcm", 0, usize::MAX)?;
    let mut l = BigInt::one();
    for v in args.pos {
        // Every argument is checked, even after a zero.
        let n = int_arg(vm, v)?;
        if l.is_zero() || n.is_zero() {
            l = BigInt::zero();
        } else {
            l = (&l / big_gcd(&l, &n) * &n).abs();
        }
    }
    Ok(Value::from_bigint(l))
}

/// The two arguments of comb and perm, checked as CPython checks them.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn comb(vm: &mut Vm, args: Args) -> PyResult {
    positional(&args, "comb", 2, 2)?;
    let (n, k) = n_and_k(vm, &args.pos[0], &args.pos[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    if k > BigInt::from(LONG_MAX) {
        return Err(PyErr::overflow_error(format!(
            "min(n - k, k) must not exceed {LONG_MAX}"
        )));
    }
    let falling = range_product(&(&n - &k + 1), &(&n + 1));
    Ok(Value::from_bigint(
        falling / range_product(&BigInt::one(), &(k + 1)),
    ))
}

fn perm(vm: &mut Vm, args: Args) -> PyResult {
    positional(&args, "perm", 1, 2)?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) => {
            // perm(n) is n!, with factorial's checks and messages.
            let n = int_arg(vm, &args.pos[0])?;
            return factorial(&n).map(Value::from_bigint);
        }
        Some(k) => k,
    };
    let (n, k) = n_and_k(vm, &args.pos[0], k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    if k > BigInt::from(LONG_MAX) {
        return Err(PyErr::overflow_error(format!(
            "k must not exceed {LONG_MAX}"
        )));
    }
    Ok(Value::from_bigint(range_product(&(&n - &k + 1), &(&n + 1))))
}
