//! `exp`, `ln`, `log10` and powers with a non-integer exponent, correctly
//! rounded (as CPython's `decimal` documents them): each is computed in
//! fixed-point integers with guard digits, and recomputed with more when
//! the approximation is too close to a rounding boundary to decide (Ziv's
//! strategy).

use std::cell::RefCell;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use super::number::{
    Ctx, Dec, INVALID_OPERATION, Rounding, check_nans, compare_values, fix, ndigits, pow10,
};

fn ipow10(n: i64) -> BigInt {
    BigInt::from(pow10(n.max(0) as u64))
}

/// `value * 10**w` truncated toward zero.
fn fixed(d: &Dec, w: i64) -> BigInt {
    let shift = d.exp + w;
    let magnitude = if shift >= 0 {
        &d.coeff * pow10(shift as u64)
    } else {
        &d.coeff / pow10((-shift) as u64)
    };
    let v = BigInt::from(magnitude);
    if d.neg { -v } else { v }
}

/// `atanh(1/n) * 10**w`.
fn atanh_inverse(n: u64, scale: &BigInt) -> BigInt {
    let n2 = BigInt::from(n * n);
    let mut term = scale / n;
    let mut sum = term.clone();
    let mut k = 1u64;
    loop {
        term /= &n2;
        if term.is_zero() {
            return sum;
        }
        sum += &term / (2 * k + 1);
        k += 1;
    }
}

thread_local! {
    /// ln 2 and ln 10 at the most digits asked so far.
    static LOGS: RefCell<(i64, BigInt, BigInt)> = RefCell::new((0, BigInt::zero(), BigInt::zero()));
}

/// `(ln 2, ln 10) * 10**w`, each within a few units.
fn log_constants(w: i64) -> (BigInt, BigInt) {
    LOGS.with(|logs| {
        let mut logs = logs.borrow_mut();
        if logs.0 < w {
            let digits = w + 10;
            let scale = ipow10(digits);
            let ln2 = atanh_inverse(3, &scale) * 2;
            let ln10 = &ln2 * 3 + atanh_inverse(9, &scale) * 2;
            *logs = (digits, ln2, ln10);
        }
        let cut = ipow10(logs.0 - w);
        (&logs.1 / &cut, &logs.2 / &cut)
    })
}

/// `ln(x) * 10**w` for a positive finite `x`, within about `w + 5|K|`
/// units (K: the decimal exponent of `x`).
fn ln_fixed(x: &Dec, w: i64) -> BigInt {
    let digits = ndigits(&x.coeff);
    let k = x.exp + digits - 1;
    let scale = ipow10(w);
    // m = x / 10**k in [1, 10), then m / 2**j near 1.
    let shift = w - (digits - 1);
    let m = if shift >= 0 {
        BigInt::from(&x.coeff * pow10(shift as u64))
    } else {
        BigInt::from(&x.coeff / pow10((-shift) as u64))
    };
    let leading: f64 = x
        .coeff
        .to_string()
        .chars()
        .take(17)
        .collect::<String>()
        .parse()
        .unwrap_or(1.0);
    let leading = leading / 10f64.powi(leading.log10().floor() as i32);
    let j = leading.log2().round() as i64;
    let m = &m >> (j as usize);
    let z = (&m - &scale) * &scale / (&m + &scale);
    let z2 = &z * &z / &scale;
    let mut term = z.clone();
    let mut sum = z;
    let mut n = 1i64;
    loop {
        term = &term * &z2 / &scale;
        if term.is_zero() {
            break;
        }
        sum += &term / (2 * n + 1);
        n += 1;
    }
    let k_digits = ndigits(&BigUint::from(k.unsigned_abs()));
    let (ln2, ln10) = log_constants(w + k_digits + 2);
    let cut = ipow10(k_digits + 2);
    sum * 2 + (ln2 * j + ln10 * k) / cut
}

/// `exp(X / 10**w) = mag * 10**exp` with `mag` about `w` digits, for a
/// fixed-point argument whose integer part has at most `w - n - 5` digits.
fn exp_fixed(x: &BigInt, w: i64) -> (BigUint, i64) {
    let int_digits = (ndigits(x.magnitude()) - w).max(0);
    let (_, ln10) = log_constants(w + int_digits + 2);
    let ln10 = ln10 / ipow10(int_digits + 2);
    let scale = ipow10(w);
    // k = round(x / ln10), r = x - k ln10 in about [-1.16, 1.16].
    let (mut k, mut r) = x.div_mod_floor(&ln10);
    if &r * 2 > ln10 {
        k += 1;
        r -= &ln10;
    }
    let mut sum = scale.clone();
    let mut term = scale.clone();
    let mut n = 1u64;
    loop {
        term = &term * &r / &scale / n;
        if term.is_zero() {
            break;
        }
        sum += &term;
        n += 1;
    }
    let k = k.to_i64().unwrap_or(i64::MAX / 4);
    (sum.magnitude().clone(), k - w)
}

/// Rounds approximations of `f(x)` until the rounding is sure: `approx(n)`
/// gives the value with a relative error below `10**-(n-3)`.
fn correctly_rounded(
    ctx: &Ctx,
    rounding: Rounding,
    status: &mut u32,
    mut approx: impl FnMut(i64) -> (bool, BigUint, i64),
) -> Dec {
    let p = ctx.prec;
    let mut extra = 12;
    if !super::number::room_for_digits(p.saturating_add(extra)) {
        return Dec::finite(false, BigUint::zero(), 0);
    }
    loop {
        let (neg, mag, exp) = approx(p + extra);
        let digits = ndigits(&mag);
        let drop = digits - p;
        let sure = drop < 6 || extra > 4 * p + 400 || {
            let unit = pow10(drop as u64);
            let tail = &mag % &unit;
            let err = pow10((drop - extra + 3).max(0) as u64);
            let half = &unit / 2u32;
            let near = |a: &BigUint, b: &BigUint| if a > b { a - b <= err } else { b - a <= err };
            !(near(&tail, &BigUint::zero()) || near(&tail, &half) || near(&tail, &unit))
        };
        if sure {
            let mut d = Dec::finite(neg, mag, exp);
            // Not exact: make sure the rounding sees a non-zero tail.
            if drop >= 1 && (&d.coeff % 10u32).is_zero() {
                d.coeff += 1u32;
            }
            return fix(d, &Ctx { rounding, ..*ctx }, status);
        }
        extra *= 2;
    }
}

/// An overflowing or underflowing exact-looking value, finished by `fix`.
fn out_of_range(big: bool, neg: bool, ctx: &Ctx, status: &mut u32) -> Dec {
    let d = if big {
        Dec::finite(neg, BigUint::one(), ctx.emax + 1)
    } else {
        Dec::finite(neg, BigUint::one(), ctx.etiny() - 1)
    };
    fix(d, ctx, status)
}

pub fn exp(x: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(x, None, ctx, status) {
        return nan;
    }
    if x.is_infinite() {
        return if x.neg { Dec::zero() } else { x.clone() };
    }
    if x.is_zero() {
        return Dec::one();
    }
    let p = ctx.prec;
    let adj = x.adjusted();
    let limit = |n: i64| ndigits(&BigUint::from(n.unsigned_abs() * 3));
    let halfeven = Ctx {
        rounding: Rounding::HalfEven,
        ..*ctx
    };
    if !x.neg && adj > limit(ctx.emax + 1) {
        return out_of_range(true, false, &halfeven, status);
    }
    if x.neg && adj > limit(-ctx.etiny() + 1) {
        return out_of_range(false, false, &halfeven, status);
    }
    if !x.neg && adj < -p {
        // 1 + x rounds like 1.00...01.
        let d = Dec::finite(false, pow10(p as u64) + 1u32, -p);
        return fix(d, &halfeven, status);
    }
    if x.neg && adj < -p - 1 {
        let d = Dec::finite(false, pow10(p as u64 + 1) - 1u32, -p - 1);
        return fix(d, &halfeven, status);
    }
    correctly_rounded(ctx, Rounding::HalfEven, status, |n| {
        let w = n + (adj + 1).max(0) + 5;
        let (mag, exp) = exp_fixed(&fixed(x, w), w);
        (false, mag, exp)
    })
}

/// The relative-precision logarithm `ln(x) * 10**w` with at least `n`
/// significant digits: `(value, w)`.
fn ln_relative(x: &Dec, n: i64) -> (BigInt, i64) {
    let k = x.adjusted();
    let k_digits = ndigits(&BigUint::from(k.unsigned_abs()));
    let mut w = n + 5 + k_digits;
    loop {
        let v = ln_fixed(x, w);
        let have = ndigits(v.magnitude());
        if have >= n + 3 + k_digits || v.is_zero() && w > 4 * n + 100 {
            return (v, w);
        }
        w += (n + 3 + k_digits - have).max(4);
    }
}

fn is_one(x: &Dec) -> bool {
    compare_values(x, &Dec::one()) == std::cmp::Ordering::Equal
}

/// `ln` and `log10` (`base10`).
pub fn log(x: &Dec, base10: bool, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(x, None, ctx, status) {
        return nan;
    }
    if x.is_zero() {
        return Dec::infinity(true);
    }
    if x.neg {
        *status |= INVALID_OPERATION;
        return Dec::nan();
    }
    if x.is_infinite() {
        return x.clone();
    }
    if is_one(x) {
        return Dec::zero();
    }
    if base10 {
        // An exact power of ten has an exact logarithm.
        let (c, zeros) = super::number::strip_zeros(&x.coeff);
        if c.is_one() {
            let d = Dec::from_i64(x.exp + zeros);
            return fix(d, ctx, status);
        }
    }
    correctly_rounded(ctx, Rounding::HalfEven, status, |n| {
        let (v, w) = ln_relative(x, n + 2);
        let v = if base10 {
            let (_, ln10) = log_constants(w + 5);
            v * ipow10(w + 5) / ln10
        } else {
            v
        };
        (v.sign() == Sign::Minus, v.magnitude().clone(), -w)
    })
}

/// `x ** y` for a positive finite `x` other than one and a finite,
/// non-integer or very large `y`: `exp(y ln x)`.
pub fn power_real(x: &Dec, y: &Dec, neg: bool, ctx: &Ctx, status: &mut u32) -> Dec {
    // Estimate log10 of the result to catch overflow and underflow.
    let log10_x = x.adjusted() as f64
        + x.coeff
            .to_string()
            .chars()
            .take(15)
            .collect::<String>()
            .parse::<f64>()
            .map(|m| m.log10() - (m.log10().floor()))
            .unwrap_or(0.0);
    let y_f = super::number::to_f64(y);
    let estimate = y_f * log10_x;
    if estimate.is_nan() || estimate > (ctx.emax + 2) as f64 {
        return out_of_range(true, neg, ctx, status);
    }
    if estimate < (ctx.etiny() - 2) as f64 {
        return out_of_range(false, neg, ctx, status);
    }
    let y_int_digits = (y.adjusted() + 1).max(0);
    let k_digits = ndigits(&BigUint::from(x.adjusted().unsigned_abs()));
    correctly_rounded(ctx, ctx.rounding, status, |n| {
        let w = n + 10 + y_int_digits + k_digits + (estimate.abs().log10().max(0.0) as i64);
        let ln = ln_fixed(x, w + y_int_digits + 5);
        // t = y * ln(x) at scale 10**w.
        let y_fixed = BigInt::from(y.coeff.clone()) * if y.neg { -1 } else { 1 };
        let product = y_fixed * ln;
        let shift = y.exp - (y_int_digits + 5);
        let t = if shift >= 0 {
            product * ipow10(shift)
        } else {
            product / ipow10(-shift)
        };
        let (mag, exp) = exp_fixed(&t, w);
        (neg, mag, exp)
    })
}

/// Whether an integral `d` is odd.
pub fn is_odd_integer(d: &Dec) -> bool {
    if !d.is_integer() {
        return false;
    }
    if d.exp > 0 {
        return false;
    }
    let v = d.to_bigint_truncated();
    v.is_odd()
}
