//! `cmath`: CPython 3.11's complex math module, its results bit for bit
//! and its errors word for word.
//!
//! Each function is CPython's `cmathmodule.c` algorithm step for step
//! (the rescalings that avoid spurious overflow and underflow, `log1p`
//! near the unit circle, the tanh formula with `1/cosh(x)**2`...), on the
//! C library's real functions as CPython calls them, and answers
//! non-finite arguments from the C99 Annex G tables CPython uses. A
//! function computes its result and a C `errno`-like status: a domain
//! error is `ValueError: math domain error`, an overflow
//! `OverflowError: math range error`.

use std::f64::consts::{E, LN_2, LN_10, PI, TAU};

use crate::util::function;
use krait_vm::builtins::complex::{Complex, complex_arg, real_arg};
use krait_vm::builtins::function::{Params, Signature, check_params};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

use crate::math::libm;

/// What a C function of the module leaves in `errno`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Errno {
    None,
    /// EDOM: the C99 "invalid" or "divide-by-zero" signals.
    Domain,
    /// ERANGE: an overflow.
    Range,
}

type Outcome = (Complex, Errno);

const fn c(re: f64, im: f64) -> Complex {
    Complex::new(re, im)
}

// ---------------------------------------------------------------------------
// Constants of the algorithms.

/// `CM_LARGE_DOUBLE`: beyond it, the formulas rescale to avoid overflow.
const LARGE: f64 = f64::MAX / 4.0;
/// `DBL_MIN`.
const DBL_MIN: f64 = f64::MIN_POSITIVE;
/// `DBL_MANT_DIG`.
const MANT_DIG: i32 = 53;
/// `CM_SCALE_UP` and `CM_SCALE_DOWN`: a subnormal times 2**53 is normal.
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

fn sqrt_dbl_min() -> f64 {
    DBL_MIN.sqrt()
}

/// CPython's `m_log1p`: `log1p` that keeps the sign of a zero.
fn log1p(x: f64) -> f64 {
    if x == 0.0 { x } else { x.ln_1p() }
}

fn ldexp(x: f64, e: i32) -> f64 {
    libm::ldexp(x, e)
}

// ---------------------------------------------------------------------------
// Special values (C99 Annex G), indexed by the kinds of the real and the
// imaginary part: CPython 3.11's tables (later versions changed `acosh`
// and `tanh` of a zero plus a NaN imaginary part).

const P: f64 = PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// A placeholder for the entries of finite arguments (never used).
const U: f64 = -9.542_631_940_771_103e33;

type Table = [[Complex; 7]; 7];

/// The kind of a double: -inf, negative, -0, +0, positive, +inf, NaN.
fn special_type(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d.is_sign_positive() {
        5
    } else {
        0
    }
}

fn special(table: &Table, z: Complex) -> Complex {
    table[special_type(z.re)][special_type(z.im)]
}

fn is_finite(z: Complex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

#[rustfmt::skip]
const ACOS: Table = [
    [c(P34,INF), c(P,INF),  c(P,INF),   c(P,-INF),   c(P,-INF),  c(P34,-INF), c(N,INF)],
    [c(P12,INF), c(U,U),    c(U,U),     c(U,U),      c(U,U),     c(P12,-INF), c(N,N)],
    [c(P12,INF), c(U,U),    c(P12,0.0), c(P12,-0.0), c(U,U),     c(P12,-INF), c(P12,N)],
    [c(P12,INF), c(U,U),    c(P12,0.0), c(P12,-0.0), c(U,U),     c(P12,-INF), c(P12,N)],
    [c(P12,INF), c(U,U),    c(U,U),     c(U,U),      c(U,U),     c(P12,-INF), c(N,N)],
    [c(P14,INF), c(0.0,INF),c(0.0,INF), c(0.0,-INF), c(0.0,-INF),c(P14,-INF), c(N,INF)],
    [c(N,INF),   c(N,N),    c(N,N),     c(N,N),      c(N,N),     c(N,-INF),   c(N,N)],
];

#[rustfmt::skip]
const ACOSH: Table = [
    [c(INF,-P34), c(INF,-P),   c(INF,-P),    c(INF,P),    c(INF,P),   c(INF,P34), c(INF,N)],
    [c(INF,-P12), c(U,U),      c(U,U),       c(U,U),      c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),      c(0.0,-P12),  c(0.0,P12),  c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),      c(0.0,-P12),  c(0.0,P12),  c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),      c(U,U),       c(U,U),      c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P14), c(INF,-0.0), c(INF,-0.0),  c(INF,0.0),  c(INF,0.0), c(INF,P14), c(INF,N)],
    [c(INF,N),    c(N,N),      c(N,N),       c(N,N),      c(N,N),     c(INF,N),   c(N,N)],
];

#[rustfmt::skip]
const ASINH: Table = [
    [c(-INF,-P14), c(-INF,-0.0), c(-INF,-0.0), c(-INF,0.0), c(-INF,0.0), c(-INF,P14), c(-INF,N)],
    [c(-INF,-P12), c(U,U),       c(U,U),       c(U,U),      c(U,U),      c(-INF,P12), c(N,N)],
    [c(-INF,-P12), c(U,U),       c(-0.0,-0.0), c(-0.0,0.0), c(U,U),      c(-INF,P12), c(N,N)],
    [c(INF,-P12),  c(U,U),       c(0.0,-0.0),  c(0.0,0.0),  c(U,U),      c(INF,P12),  c(N,N)],
    [c(INF,-P12),  c(U,U),       c(U,U),       c(U,U),      c(U,U),      c(INF,P12),  c(N,N)],
    [c(INF,-P14),  c(INF,-0.0),  c(INF,-0.0),  c(INF,0.0),  c(INF,0.0),  c(INF,P14),  c(INF,N)],
    [c(INF,N),     c(N,N),       c(N,-0.0),    c(N,0.0),    c(N,N),      c(INF,N),    c(N,N)],
];

#[rustfmt::skip]
const ATANH: Table = [
    [c(-0.0,-P12), c(-0.0,-P12), c(-0.0,-P12), c(-0.0,P12), c(-0.0,P12), c(-0.0,P12), c(-0.0,N)],
    [c(-0.0,-P12), c(U,U),       c(U,U),       c(U,U),      c(U,U),      c(-0.0,P12), c(N,N)],
    [c(-0.0,-P12), c(U,U),       c(-0.0,-0.0), c(-0.0,0.0), c(U,U),      c(-0.0,P12), c(-0.0,N)],
    [c(0.0,-P12),  c(U,U),       c(0.0,-0.0),  c(0.0,0.0),  c(U,U),      c(0.0,P12),  c(0.0,N)],
    [c(0.0,-P12),  c(U,U),       c(U,U),       c(U,U),      c(U,U),      c(0.0,P12),  c(N,N)],
    [c(0.0,-P12),  c(0.0,-P12),  c(0.0,-P12),  c(0.0,P12),  c(0.0,P12),  c(0.0,P12),  c(0.0,N)],
    [c(0.0,-P12),  c(N,N),       c(N,N),       c(N,N),      c(N,N),      c(0.0,P12),  c(N,N)],
];

#[rustfmt::skip]
const COSH: Table = [
    [c(INF,N), c(U,U), c(INF,0.0),  c(INF,-0.0), c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(U,U), c(U,U),      c(U,U),      c(U,U), c(N,N),   c(N,N)],
    [c(N,0.0), c(U,U), c(1.0,0.0),  c(1.0,-0.0), c(U,U), c(N,0.0), c(N,0.0)],
    [c(N,0.0), c(U,U), c(1.0,-0.0), c(1.0,0.0),  c(U,U), c(N,0.0), c(N,0.0)],
    [c(N,N),   c(U,U), c(U,U),      c(U,U),      c(U,U), c(N,N),   c(N,N)],
    [c(INF,N), c(U,U), c(INF,-0.0), c(INF,0.0),  c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,0.0),    c(N,0.0),    c(N,N), c(N,N),   c(N,N)],
];

#[rustfmt::skip]
const EXP: Table = [
    [c(0.0,0.0), c(U,U), c(0.0,-0.0), c(0.0,0.0), c(U,U), c(0.0,0.0), c(0.0,0.0)],
    [c(N,N),     c(U,U), c(U,U),      c(U,U),     c(U,U), c(N,N),     c(N,N)],
    [c(N,N),     c(U,U), c(1.0,-0.0), c(1.0,0.0), c(U,U), c(N,N),     c(N,N)],
    [c(N,N),     c(U,U), c(1.0,-0.0), c(1.0,0.0), c(U,U), c(N,N),     c(N,N)],
    [c(N,N),     c(U,U), c(U,U),      c(U,U),     c(U,U), c(N,N),     c(N,N)],
    [c(INF,N),   c(U,U), c(INF,-0.0), c(INF,0.0), c(U,U), c(INF,N),   c(INF,N)],
    [c(N,N),     c(N,N), c(N,-0.0),   c(N,0.0),   c(N,N), c(N,N),     c(N,N)],
];

#[rustfmt::skip]
const LOG: Table = [
    [c(INF,-P34), c(INF,-P),   c(INF,-P),    c(INF,P),    c(INF,P),   c(INF,P34), c(INF,N)],
    [c(INF,-P12), c(U,U),      c(U,U),       c(U,U),      c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),      c(-INF,-P),   c(-INF,P),   c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),      c(-INF,-0.0), c(-INF,0.0), c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),      c(U,U),       c(U,U),      c(U,U),     c(INF,P12), c(N,N)],
    [c(INF,-P14), c(INF,-0.0), c(INF,-0.0),  c(INF,0.0),  c(INF,0.0), c(INF,P14), c(INF,N)],
    [c(INF,N),    c(N,N),      c(N,N),       c(N,N),      c(N,N),     c(INF,N),   c(N,N)],
];

#[rustfmt::skip]
const SINH: Table = [
    [c(INF,N), c(U,U), c(-INF,-0.0), c(-INF,0.0), c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(U,U), c(U,U),       c(U,U),      c(U,U), c(N,N),   c(N,N)],
    [c(0.0,N), c(U,U), c(-0.0,-0.0), c(-0.0,0.0), c(U,U), c(0.0,N), c(0.0,N)],
    [c(0.0,N), c(U,U), c(0.0,-0.0),  c(0.0,0.0),  c(U,U), c(0.0,N), c(0.0,N)],
    [c(N,N),   c(U,U), c(U,U),       c(U,U),      c(U,U), c(N,N),   c(N,N)],
    [c(INF,N), c(U,U), c(INF,-0.0),  c(INF,0.0),  c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,-0.0),    c(N,0.0),    c(N,N), c(N,N),   c(N,N)],
];

#[rustfmt::skip]
const SQRT: Table = [
    [c(INF,-INF), c(0.0,-INF), c(0.0,-INF), c(0.0,INF), c(0.0,INF), c(INF,INF), c(N,INF)],
    [c(INF,-INF), c(U,U),      c(U,U),      c(U,U),     c(U,U),     c(INF,INF), c(N,N)],
    [c(INF,-INF), c(U,U),      c(0.0,-0.0), c(0.0,0.0), c(U,U),     c(INF,INF), c(N,N)],
    [c(INF,-INF), c(U,U),      c(0.0,-0.0), c(0.0,0.0), c(U,U),     c(INF,INF), c(N,N)],
    [c(INF,-INF), c(U,U),      c(U,U),      c(U,U),     c(U,U),     c(INF,INF), c(N,N)],
    [c(INF,-INF), c(INF,-0.0), c(INF,-0.0), c(INF,0.0), c(INF,0.0), c(INF,INF), c(INF,N)],
    [c(INF,-INF), c(N,N),      c(N,N),      c(N,N),     c(N,N),     c(INF,INF), c(N,N)],
];

#[rustfmt::skip]
const TANH: Table = [
    [c(-1.0,0.0), c(U,U), c(-1.0,-0.0), c(-1.0,0.0), c(U,U), c(-1.0,0.0), c(-1.0,0.0)],
    [c(N,N),      c(U,U), c(U,U),       c(U,U),      c(U,U), c(N,N),      c(N,N)],
    [c(-0.0,N),   c(U,U), c(-0.0,-0.0), c(-0.0,0.0), c(U,U), c(-0.0,N),   c(N,N)],
    [c(0.0,N),    c(U,U), c(0.0,-0.0),  c(0.0,0.0),  c(U,U), c(0.0,N),    c(N,N)],
    [c(N,N),      c(U,U), c(U,U),       c(U,U),      c(U,U), c(N,N),      c(N,N)],
    [c(1.0,0.0),  c(U,U), c(1.0,-0.0),  c(1.0,0.0),  c(U,U), c(1.0,0.0),  c(1.0,0.0)],
    [c(N,N),      c(N,N), c(N,-0.0),    c(N,0.0),    c(N,N), c(N,N),      c(N,N)],
];

#[rustfmt::skip]
const RECT: Table = [
    [c(INF,N),   c(U,U), c(-INF,0.0), c(-INF,-0.0), c(U,U), c(INF,N),   c(INF,N)],
    [c(N,N),     c(U,U), c(U,U),      c(U,U),       c(U,U), c(N,N),     c(N,N)],
    [c(0.0,0.0), c(U,U), c(-0.0,0.0), c(-0.0,-0.0), c(U,U), c(0.0,0.0), c(0.0,0.0)],
    [c(0.0,0.0), c(U,U), c(0.0,-0.0), c(0.0,0.0),   c(U,U), c(0.0,0.0), c(0.0,0.0)],
    [c(N,N),     c(U,U), c(U,U),      c(U,U),       c(U,U), c(N,N),     c(N,N)],
    [c(INF,N),   c(U,U), c(INF,-0.0), c(INF,0.0),   c(U,U), c(INF,N),   c(INF,N)],
    [c(N,N),     c(N,N), c(N,0.0),    c(N,0.0),     c(N,N), c(N,N),     c(N,N)],
];

// ---------------------------------------------------------------------------
// The functions.

fn overflowed(r: Complex) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::None
    }
}

fn c_sqrt(z: Complex) -> Outcome {
    if !is_finite(z) {
        return (special(&SQRT, z), Errno::None);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::None);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < DBL_MIN && ay < DBL_MIN {
        // hypot(ax, ay) may be subnormal: rescale.
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, Errno::None)
}

fn c_acos(z: Complex) -> Outcome {
    if !is_finite(z) {
        return (special(&ACOS, z), Errno::None);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        c(
            z.im.abs().atan2(z.re),
            -((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0).copysign(z.im),
        )
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * s1.re.atan2(s2.re),
            libm::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::None)
}

fn c_acosh(z: Complex) -> Outcome {
    if !is_finite(z) {
        return (special(&ACOSH, z), Errno::None);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        c(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0,
            z.im.atan2(z.re),
        )
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            libm::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * s1.im.atan2(s2.re),
        )
    };
    (r, Errno::None)
}

fn c_asinh(z: Complex) -> Outcome {
    if !is_finite(z) {
        return (special(&ASINH, z), Errno::None);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = if z.im >= 0.0 {
            ((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0).copysign(z.re)
        } else {
            -((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0).copysign(-z.re)
        };
        c(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(
            libm::asinh(s1.re * s2.im - s2.re * s1.im),
            z.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::None)
}

/// `asin(z) = -i asinh(iz)`.
fn c_asin(z: Complex) -> Outcome {
    let (s, e) = c_asinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_atanh(z: Complex) -> Outcome {
    if !is_finite(z) {
        return (special(&ATANH, z), Errno::None);
    }
    // atanh(z) = -atanh(-z): reduce to z.re >= 0.
    if z.re < 0.0 {
        let (r, e) = c_atanh(-z);
        return (-r, e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        // atanh(z) ~ 1/z +/- i*pi/2 for large z.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        (
            c(z.re / 4.0 / h / h, (PI / 2.0).copysign(z.im)),
            Errno::None,
        )
    } else if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            (c(INF, z.im), Errno::Domain)
        } else {
            (
                c(
                    -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                    (2.0f64.atan2(-ay) / 2.0).copysign(z.im),
                ),
                Errno::None,
            )
        }
    } else {
        (
            c(
                log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0,
                -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
            ),
            Errno::None,
        )
    }
}

/// `atan(z) = -i atanh(iz)`.
fn c_atan(z: Complex) -> Outcome {
    let (s, e) = c_atanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_cosh(z: Complex) -> Outcome {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(INF.copysign(z.im.cos()), -INF.copysign(z.im.sin()))
            }
        } else {
            special(&COSH, z)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Domain
        } else {
            Errno::None
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large() {
        // cosh(z.re) overflows where cosh(z) may not.
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(
            z.im.cos() * x_minus_one.cosh() * E,
            z.im.sin() * x_minus_one.sinh() * E,
        )
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    (r, overflowed(r))
}

/// `cos(z) = cosh(iz)`.
fn c_cos(z: Complex) -> Outcome {
    c_cosh(c(-z.im, z.re))
}

fn c_sinh(z: Complex) -> Outcome {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(-INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            }
        } else {
            special(&SINH, z)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Domain
        } else {
            Errno::None
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(
            z.im.cos() * x_minus_one.sinh() * E,
            z.im.sin() * x_minus_one.cosh() * E,
        )
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    (r, overflowed(r))
}

/// `sin(z) = -i sinh(iz)`.
fn c_sin(z: Complex) -> Outcome {
    let (s, e) = c_sinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_tanh(z: Complex) -> Outcome {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            if z.re > 0.0 { c(1.0, im) } else { c(-1.0, im) }
        } else {
            special(&TANH, z)
        };
        let e = if z.im.is_infinite() && z.re.is_finite() {
            Errno::Domain
        } else {
            Errno::None
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large() {
        c(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        )
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::None)
}

/// `tan(z) = -i tanh(iz)`.
fn c_tan(z: Complex) -> Outcome {
    let (s, e) = c_tanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_exp(z: Complex) -> Outcome {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            }
        } else {
            special(&EXP, z)
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Errno::Domain
        } else {
            Errno::None
        };
        return (r, e);
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    (r, overflowed(r))
}

fn c_log(z: Complex) -> Outcome {
    if !is_finite(z) {
        return (special(&LOG, z), Errno::None);
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < DBL_MIN && ay < DBL_MIN {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) may be subnormal: rescale.
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - f64::from(MANT_DIG) * LN_2
        } else {
            // log(+/-0 +/- 0i)
            return (c(-INF, z.im.atan2(z.re)), Errno::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::None)
}

fn c_log10(z: Complex) -> Outcome {
    let (r, e) = c_log(z);
    (c(r.re / LN_10, r.im / LN_10), e)
}

fn c_rect(r: f64, phi: f64) -> Outcome {
    if !r.is_finite() || !phi.is_finite() {
        // An infinite modulus at a finite nonzero angle: the signs come
        // from cos(phi) and sin(phi).
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                c(INF.copysign(phi.cos()), INF.copysign(phi.sin()))
            } else {
                c(-INF.copysign(phi.cos()), -INF.copysign(phi.sin()))
            }
        } else {
            RECT[special_type(r)][special_type(phi)]
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Errno::Domain
        } else {
            Errno::None
        };
        return (z, e);
    }
    if phi == 0.0 {
        return (c(r, r * phi), Errno::None);
    }
    (c(r * phi.cos(), r * phi.sin()), Errno::None)
}

// ---------------------------------------------------------------------------
// Python glue.

fn math_error(e: Errno) -> PyErr {
    match e {
        Errno::Range => PyErr::overflow_error("math range error"),
        _ => PyErr::value_error("math domain error"),
    }
}

fn result((z, e): Outcome) -> PyResult {
    match e {
        Errno::None => Ok(z.into_value()),
        e => Err(math_error(e)),
    }
}

/// The one argument of a one-argument function (METH_O: `cmath.sqrt()
/// takes exactly one argument (0 given)`).
fn one_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.check_named(|| format!("cmath.{name}"), 1, 1)?;
    Ok(&args.pos[0])
}

/// A function of one complex with CPython's errors.
fn unary(vm: &mut Vm, args: Args, name: &str, f: fn(Complex) -> Outcome) -> PyResult {
    let z = complex_arg(vm, one_arg(&args, name)?)?;
    result(f(z))
}

/// Argument Clinic's positional-only check (`rect expected 2 arguments,
/// got 1`).
fn positional(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if args.kw.is_empty() && (min..=max).contains(&args.pos.len()) {
        return Ok(());
    }
    crate::util::check_positional(args, &format!("cmath.{name}"), name, min, max)
}

fn log(vm: &mut Vm, args: Args) -> PyResult {
    positional(&args, "log", 1, 2)?;
    let x = complex_arg(vm, &args.pos[0])?;
    let (mut z, mut errno) = c_log(x);
    if let Some(base) = args.pos.get(1) {
        let base = complex_arg(vm, base)?;
        // As in CPython, the second log's status replaces the first's.
        let (lb, e) = c_log(base);
        errno = e;
        match z.quot(lb) {
            Some(q) => z = q,
            None => {
                z = c(0.0, 0.0);
                errno = Errno::Domain;
            }
        }
    }
    result((z, errno))
}

fn phase(vm: &mut Vm, args: Args) -> PyResult {
    let z = complex_arg(vm, one_arg(&args, "phase")?)?;
    let phi = z.im.atan2(z.re);
    // CPython reports the errno of the C library's atan2: glibc's sets
    // ERANGE when the result underflows to zero.
    if phi == 0.0 && z.im != 0.0 && z.re.is_finite() {
        return Err(math_error(Errno::Range));
    }
    Ok(Value::float(phi))
}

fn polar(vm: &mut Vm, args: Args) -> PyResult {
    let z = complex_arg(vm, one_arg(&args, "polar")?)?;
    let phi = z.im.atan2(z.re);
    let r = z.abs().ok_or_else(|| math_error(Errno::Range))?;
    Ok(Value::tuple(vec![Value::float(r), Value::float(phi)]))
}

fn rect(vm: &mut Vm, args: Args) -> PyResult {
    positional(&args, "rect", 2, 2)?;
    let r = real_arg(vm, &args.pos[0])?;
    let phi = real_arg(vm, &args.pos[1])?;
    result(c_rect(r, phi))
}

fn predicate(vm: &mut Vm, args: Args, name: &str, f: fn(Complex) -> bool) -> PyResult {
    let z = complex_arg(vm, one_arg(&args, name)?)?;
    Ok(Value::bool(f(z)))
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult {
    static SIGNATURE: Signature = Signature {
        names: &["a", "b", "rel_tol", "abs_tol"],
        positional: 2,
        required: 2,
    };
    check_params(
        Params::Named(&SIGNATURE),
        "isclose",
        || "isclose".into(),
        &args,
    )?;
    let a = complex_arg(vm, args.get(0, "a").unwrap_or(&Value::None))?;
    let b = complex_arg(vm, args.get(1, "b").unwrap_or(&Value::None))?;
    let rel_tol = match args.kwarg("rel_tol") {
        Some(v) => real_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match args.kwarg("abs_tol") {
        Some(v) => real_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(Value::bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::bool(false));
    }
    // The moduli of finite numbers' differences may still overflow:
    // CPython's `_Py_c_abs` gives infinity then.
    let modulus = |z: Complex| z.abs().unwrap_or(f64::INFINITY);
    let diff = modulus(a - b);
    Ok(Value::bool(
        diff <= rel_tol * modulus(b) || diff <= rel_tol * modulus(a) || diff <= abs_tol,
    ))
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("pi", Value::float(PI)),
        ("e", Value::float(E)),
        ("tau", Value::float(TAU)),
        ("inf", Value::float(INF)),
        ("infj", c(0.0, INF).into_value()),
        ("nan", Value::float(f64::NAN)),
        ("nanj", c(0.0, f64::NAN).into_value()),
        (
            "acos",
            function("acos", |vm, a| unary(vm, a, "acos", c_acos)),
        ),
        (
            "acosh",
            function("acosh", |vm, a| unary(vm, a, "acosh", c_acosh)),
        ),
        (
            "asin",
            function("asin", |vm, a| unary(vm, a, "asin", c_asin)),
        ),
        (
            "asinh",
            function("asinh", |vm, a| unary(vm, a, "asinh", c_asinh)),
        ),
        (
            "atan",
            function("atan", |vm, a| unary(vm, a, "atan", c_atan)),
        ),
        (
            "atanh",
            function("atanh", |vm, a| unary(vm, a, "atanh", c_atanh)),
        ),
        ("cos", function("cos", |vm, a| unary(vm, a, "cos", c_cos))),
        (
            "cosh",
            function("cosh", |vm, a| unary(vm, a, "cosh", c_cosh)),
        ),
        ("exp", function("exp", |vm, a| unary(vm, a, "exp", c_exp))),
        ("isclose", function("isclose", isclose)),
        (
            "isfinite",
            function("isfinite", |vm, a| {
                predicate(vm, a, "isfinite", |z| z.re.is_finite() && z.im.is_finite())
            }),
        ),
        (
            "isinf",
            function("isinf", |vm, a| {
                predicate(vm, a, "isinf", |z| z.re.is_infinite() || z.im.is_infinite())
            }),
        ),
        (
            "isnan",
            function("isnan", |vm, a| {
                predicate(vm, a, "isnan", |z| z.re.is_nan() || z.im.is_nan())
            }),
        ),
        ("log", function("log", log)),
        (
            "log10",
            function("log10", |vm, a| unary(vm, a, "log10", c_log10)),
        ),
        ("phase", function("phase", phase)),
        ("polar", function("polar", polar)),
        ("rect", function("rect", rect)),
        ("sin", function("sin", |vm, a| unary(vm, a, "sin", c_sin))),
        (
            "sinh",
            function("sinh", |vm, a| unary(vm, a, "sinh", c_sinh)),
        ),
        (
            "sqrt",
            function("sqrt", |vm, a| unary(vm, a, "sqrt", c_sqrt)),
        ),
        ("tan", function("tan", |vm, a| unary(vm, a, "tan", c_tan))),
        (
            "tanh",
            function("tanh", |vm, a| unary(vm, a, "tanh", c_tanh)),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_types() {
        let kinds: Vec<usize> = [f64::NEG_INFINITY, -1.0, -0.0, 0.0, 1.0, INF, N]
            .into_iter()
            .map(special_type)
            .collect();
        assert_eq!(kinds, [0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn values() {
        // python3: cmath.sqrt(-4) 2j ; cmath.log(0) math domain error
        assert_eq!(c_sqrt(c(-4.0, 0.0)), (c(0.0, 2.0), Errno::None));
        assert_eq!(c_log(c(0.0, 0.0)).1, Errno::Domain);
        assert_eq!(c_atanh(c(1.0, 0.0)).1, Errno::Domain);
        assert_eq!(c_exp(c(1000.0, 0.0)).1, Errno::Range);
        assert_eq!(c_exp(c(0.0, 0.0)), (c(1.0, 0.0), Errno::None));
    }
}
