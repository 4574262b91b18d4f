//! The arithmetic of `decimal`, apart from Python: decimal floating-point
//! numbers (sign, coefficient, exponent, or a special value) and the
//! operations of the General Decimal Arithmetic specification that
//! CPython's `decimal` implements, each rounding to a [`Ctx`] and
//! reporting what happened as condition bits (libmpdec's, so that the
//! Python layer can list them in CPython's order).

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Conditions, with libmpdec's bit values (their order is the order
/// `Context.__repr__` lists flags in).
pub const CLAMPED: u32 = 1;
pub const CONVERSION_SYNTAX: u32 = 2;
pub const DIVISION_BY_ZERO: u32 = 4;
pub const DIVISION_IMPOSSIBLE: u32 = 8;
pub const DIVISION_UNDEFINED: u32 = 16;
pub const INEXACT: u32 = 64;
pub const INVALID_CONTEXT: u32 = 128;
pub const INVALID_OPERATION: u32 = 256;
pub const FLOAT_OPERATION: u32 = 1024;
pub const OVERFLOW: u32 = 2048;
pub const ROUNDED: u32 = 4096;
pub const SUBNORMAL: u32 = 8192;
pub const UNDERFLOW: u32 = 16384;
/// Every condition that is an `InvalidOperation` signal.
pub const ANY_INVALID: u32 = CONVERSION_SYNTAX
    | DIVISION_IMPOSSIBLE
    | DIVISION_UNDEFINED
    | INVALID_CONTEXT
    | INVALID_OPERATION;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    Ceiling,
    Floor,
    Up,
    Down,
    HalfUp,
    HalfDown,
    HalfEven,
    Up05,
}

impl Rounding {
    pub const ALL: [Rounding; 8] = [
        Rounding::Ceiling,
        Rounding::Floor,
        Rounding::Up,
        Rounding::Down,
        Rounding::HalfUp,
        Rounding::HalfDown,
        Rounding::HalfEven,
        Rounding::Up05,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rounding::Ceiling => "ROUND_CEILING",
            Rounding::Floor => "ROUND_FLOOR",
            Rounding::Up => "ROUND_UP",
            Rounding::Down => "ROUND_DOWN",
            Rounding::HalfUp => "ROUND_HALF_UP",
            Rounding::HalfDown => "ROUND_HALF_DOWN",
            Rounding::HalfEven => "ROUND_HALF_EVEN",
            Rounding::Up05 => "ROUND_05UP",
        }
    }

    pub fn from_name(name: &str) -> Option<Rounding> {
        Rounding::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// What an operation rounds to.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub prec: i64,
    pub rounding: Rounding,
    pub emin: i64,
    pub emax: i64,
    pub clamp: bool,
}

impl Ctx {
    pub fn etiny(&self) -> i64 {
        self.emin - self.prec + 1
    }

    pub fn etop(&self) -> i64 {
        self.emax - self.prec + 1
    }

    fn with_rounding(&self, rounding: Rounding) -> Ctx {
        Ctx { rounding, ..*self }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Finite,
    Infinite,
    QNaN,
    SNaN,
}

/// A decimal number: `(-1)**neg * coeff * 10**exp`, or a special value
/// (a NaN's payload is its `coeff`).
#[derive(Clone, Debug)]
pub struct Dec {
    pub neg: bool,
    pub special: Special,
    pub coeff: BigUint,
    pub exp: i64,
}

/// `10**k` for every `k` a `u128` holds (up to 38).
const POW10_U128: [u128; 39] = {
    let mut p = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// Powers of ten above `u128` are computed once per thread up to this
/// exponent (the precisions people use), then cloned: a division or an
/// alignment at precision 50 needs `10**50` every time.
const POW10_CACHED: u64 = 1024;

thread_local! {
    static POW10_CACHE: std::cell::RefCell<Vec<BigUint>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Calls `f` with `10**n`, from the per-thread cache when `n` is below
/// [`POW10_CACHED`] (no copy).
fn with_pow10<R>(n: u64, f: impl FnOnce(&BigUint) -> R) -> R {
    if n < POW10_U128.len() as u64 {
        return f(&BigUint::from(POW10_U128[n as usize]));
    }
    if n >= POW10_CACHED {
        return f(&num_traits::pow(BigUint::from(10u32), n as usize));
    }
    POW10_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.is_empty() {
            cache.push(BigUint::from(POW10_U128[38]));
        }
        // cache[i] is 10**(38 + i).
        while cache.len() as u64 <= n - 38 {
            let next = cache.last().map(|p| p * 10u32).unwrap_or_default();
            cache.push(next);
        }
        f(&cache[(n - 38) as usize])
    })
}

thread_local! {
    /// An operation found its working digits too many to hold (see
    /// [`room_for_digits`]).
    static DIGITS_REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `digits` decimal digits (and the products of such numbers
/// an operation makes) can be held: an inexact result at a precision near
/// MAX_PREC cannot, and CPython's libmpdec fails its allocation there.
/// When not, the refusal is noted: the caller returns a stand-in at once
/// and the operation raises MemoryError ([`take_refused_digits`]) instead
/// of computing for ever.
pub fn room_for_digits(digits: i64) -> bool {
    // (Small enough to be surely fine without asking.)
    if digits <= 1_000_000 {
        return true;
    }
    let bytes = usize::try_from(digits).unwrap_or(usize::MAX);
    if krait_vm::memory::check_room(bytes).is_ok() {
        return true;
    }
    DIGITS_REFUSED.with(|refused| refused.set(true));
    false
}

/// Whether an operation since the last call was refused its digits.
pub fn take_refused_digits() -> bool {
    DIGITS_REFUSED.with(|refused| refused.replace(false))
}

/// `10**n`.
pub fn pow10(n: u64) -> BigUint {
    if n < POW10_U128.len() as u64 {
        BigUint::from(POW10_U128[n as usize])
    } else {
        with_pow10(n, BigUint::clone)
    }
}

/// `10**n` as a `u128`, when it is one.
pub fn pow10_u128(n: u64) -> Option<u128> {
    POW10_U128.get(n as usize).copied()
}

/// How many decimal digits `c` has (one for zero).
pub fn ndigits(c: &BigUint) -> i64 {
    if let Some(v) = c.to_u64() {
        return digits_u64(v);
    }
    if let Some(v) = small_coeff(c) {
        return digits_u128(v);
    }
    let estimate = ((c.bits() - 1) as f64 * std::f64::consts::LOG10_2) as i64 + 1;
    if with_pow10(estimate as u64, |p| c >= p) {
        estimate + 1
    } else {
        estimate
    }
}

/// The digits of a machine word: the bit length gives the count or one
/// more, one comparison tells which.
#[inline]
fn digits_u64(v: u64) -> i64 {
    const POWERS: [u64; 20] = {
        let mut p = [1u64; 20];
        let mut i = 1;
        while i < 20 {
            p[i] = p[i - 1] * 10;
            i += 1;
        }
        p
    };
    let bits = 64 - (v | 1).leading_zeros();
    // floor(bits * log10(2)): the digits, or one less.
    let guess = ((bits * 1233) >> 12) as usize;
    // Powers of ten past 1 are even, so `v | 1` (one digit for zero)
    // crosses none of them.
    (guess + usize::from((v | 1) >= POWERS[guess])) as i64
}

/// [`digits_u64`] for a double word.
#[inline]
pub fn digits_u128(v: u128) -> i64 {
    if let Ok(v) = u64::try_from(v) {
        return digits_u64(v);
    }
    let bits = 128 - v.leading_zeros();
    let guess = ((bits * 1233) >> 12) as usize;
    (guess + usize::from(v >= POW10_U128[guess])) as i64
}

fn is_zero_coeff(c: &BigUint) -> bool {
    c.is_zero()
}

impl Dec {
    pub fn finite(neg: bool, coeff: BigUint, exp: i64) -> Dec {
        Dec {
            neg,
            special: Special::Finite,
            coeff,
            exp,
        }
    }

    pub fn from_i64(v: i64) -> Dec {
        Dec::finite(v < 0, BigUint::from(v.unsigned_abs()), 0)
    }

    pub fn from_bigint(v: &BigInt) -> Dec {
        Dec::finite(v.is_negative(), v.magnitude().clone(), 0)
    }

    pub fn zero() -> Dec {
        Dec::from_i64(0)
    }

    pub fn one() -> Dec {
        Dec::from_i64(1)
    }

    pub fn infinity(neg: bool) -> Dec {
        Dec {
            neg,
            special: Special::Infinite,
            coeff: BigUint::zero(),
            exp: 0,
        }
    }

    pub fn nan() -> Dec {
        Dec {
            neg: false,
            special: Special::QNaN,
            coeff: BigUint::zero(),
            exp: 0,
        }
    }

    pub fn is_special(&self) -> bool {
        self.special != Special::Finite
    }

    pub fn is_nan(&self) -> bool {
        matches!(self.special, Special::QNaN | Special::SNaN)
    }

    pub fn is_infinite(&self) -> bool {
        self.special == Special::Infinite
    }

    pub fn is_zero(&self) -> bool {
        self.special == Special::Finite && is_zero_coeff(&self.coeff)
    }

    /// The exponent of the most significant digit.
    pub fn adjusted(&self) -> i64 {
        if self.is_special() {
            0
        } else {
            self.exp + ndigits(&self.coeff) - 1
        }
    }

    pub fn negated(&self) -> Dec {
        Dec {
            neg: !self.neg,
            ..self.clone()
        }
    }

    pub fn abs(&self) -> Dec {
        Dec {
            neg: false,
            ..self.clone()
        }
    }

    /// Whether a finite value is an integer.
    pub fn is_integer(&self) -> bool {
        if self.special != Special::Finite {
            return false;
        }
        if self.exp >= 0 || self.coeff.is_zero() {
            return true;
        }
        let drop = (-self.exp) as u64;
        if drop as i64 >= ndigits(&self.coeff) {
            return false;
        }
        (&self.coeff % pow10(drop)).is_zero()
    }

    /// The value as an integer, truncated toward zero (finite only).
    pub fn to_bigint_truncated(&self) -> BigInt {
        let magnitude = if self.exp >= 0 {
            &self.coeff * pow10(self.exp as u64)
        } else if -self.exp > ndigits(&self.coeff) {
            BigUint::zero()
        } else {
            &self.coeff / pow10((-self.exp) as u64)
        };
        let v = BigInt::from(magnitude);
        if self.neg { -v } else { v }
    }

    /// The quiet NaN an operation returns for this NaN operand: payload
    /// cut to what the context can hold.
    fn fix_nan(&self, ctx: &Ctx) -> Dec {
        let max = ctx.prec - i64::from(ctx.clamp);
        let mut coeff = self.coeff.clone();
        if ndigits(&coeff) > max && !coeff.is_zero() {
            coeff %= pow10(max.max(0) as u64);
        }
        Dec {
            neg: self.neg,
            special: Special::QNaN,
            coeff,
            exp: 0,
        }
    }
}

/// The result of an operation with a NaN operand, if any: signalling NaNs
/// first (InvalidOperation), then quiet ones, the left operand first.
pub fn check_nans(a: &Dec, b: Option<&Dec>, ctx: &Ctx, status: &mut u32) -> Option<Dec> {
    if a.special == Special::SNaN {
        *status |= INVALID_OPERATION;
        return Some(a.fix_nan(ctx));
    }
    if let Some(b) = b
        && b.special == Special::SNaN
    {
        *status |= INVALID_OPERATION;
        return Some(b.fix_nan(ctx));
    }
    if a.special == Special::QNaN {
        return Some(a.fix_nan(ctx));
    }
    match b {
        Some(b) if b.special == Special::QNaN => Some(b.fix_nan(ctx)),
        _ => None,
    }
}

fn invalid(status: &mut u32, condition: u32) -> Dec {
    *status |= condition;
    Dec::nan()
}

/// Whether to add one to a kept coefficient whose last digit is
/// `last` after dropping a remainder that compares to half a unit as
/// `half` (`Less` also when the remainder is zero: `exact` says which).
fn rounds_up(rounding: Rounding, neg: bool, last: u32, half: Ordering, exact: bool) -> bool {
    if exact {
        return false;
    }
    match rounding {
        Rounding::Down => false,
        Rounding::Up => true,
        Rounding::Ceiling => !neg,
        Rounding::Floor => neg,
        Rounding::HalfUp => half != Ordering::Less,
        Rounding::HalfDown => half == Ordering::Greater,
        Rounding::HalfEven => match half {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => last % 2 == 1,
        },
        Rounding::Up05 => last == 0 || last == 5,
    }
}

/// [`round_off`] for a coefficient that fits a `u128` (the fast path:
/// no big-number division): the kept coefficient, possibly one digit
/// longer after a carry, and whether anything non-zero was dropped.
pub fn round_off_u128(c: u128, drop: u64, rounding: Rounding, neg: bool) -> (u128, bool) {
    if drop == 0 {
        return (c, false);
    }
    let Some(unit) = pow10_u128(drop) else {
        // Everything goes (`c` has at most 39 digits, `drop` is over
        // 38), and what goes is less than half a unit unless `drop` is
        // 39 and `c` is at least 5 * 10**38, which a u128 never is.
        let exact = c == 0;
        let up = rounds_up(rounding, neg, 0, Ordering::Less, exact);
        return (u128::from(up), !exact);
    };
    let (kept, rest) = div_rem_u128(c, unit);
    let half = rest.cmp(&(unit / 2));
    let up = rounds_up(rounding, neg, (kept % 10) as u32, half, rest == 0);
    (kept + u128::from(up), rest != 0)
}

/// `coeff` with its last `drop` digits removed under `rounding`: the kept
/// coefficient (possibly one digit longer after a carry) and whether
/// anything non-zero was dropped.
pub fn round_off(coeff: &BigUint, drop: u64, rounding: Rounding, neg: bool) -> (BigUint, bool) {
    if drop == 0 {
        return (coeff.clone(), false);
    }
    if let Some(c) = small_coeff(coeff) {
        let (kept, inexact) = round_off_u128(c, drop, rounding, neg);
        return (BigUint::from(kept), inexact);
    }
    if drop as i64 > ndigits(coeff) + 1 {
        // Everything goes, and what goes is less than half a unit.
        let exact = coeff.is_zero();
        let up = rounds_up(rounding, neg, 0, Ordering::Less, exact);
        return (if up { BigUint::one() } else { BigUint::zero() }, !exact);
    }
    let (kept, rest) = with_pow10(drop, |unit| {
        let (kept, rest) = coeff.div_rem(unit);
        let half = (&rest * 2u32).cmp(unit);
        (kept, (half, rest.is_zero()))
    });
    let (half, exact) = rest;
    let last = (&kept % 10u32).to_u32().unwrap_or(0);
    let up = rounds_up(rounding, neg, last, half, exact);
    (if up { kept + 1u32 } else { kept }, !exact)
}

/// The largest finite number of the context, or infinity, as an
/// overflowing result rounds (the spec's overflow handling).
fn overflow(neg: bool, ctx: &Ctx, status: &mut u32) -> Dec {
    *status |= OVERFLOW | INEXACT | ROUNDED;
    let to_infinity = match ctx.rounding {
        Rounding::HalfUp | Rounding::HalfEven | Rounding::HalfDown | Rounding::Up => true,
        Rounding::Down | Rounding::Up05 => false,
        Rounding::Ceiling => !neg,
        Rounding::Floor => neg,
    };
    if to_infinity {
        Dec::infinity(neg)
    } else {
        Dec::finite(neg, pow10(ctx.prec as u64) - 1u32, ctx.etop())
    }
}

/// Fits a result to the context: rounds it to `prec` digits, handles
/// overflow, subnormal results and clamping (the spec's finalization).
pub fn fix(d: Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if d.is_special() {
        return d;
    }
    let etiny = ctx.etiny();
    let etop = ctx.etop();
    if d.coeff.is_zero() {
        let exp_max = if ctx.clamp { etop } else { ctx.emax };
        let exp = d.exp.clamp(etiny, exp_max.max(etiny));
        if exp != d.exp {
            *status |= CLAMPED;
            return Dec::finite(d.neg, d.coeff, exp);
        }
        return d;
    }
    let digits = ndigits(&d.coeff);
    let mut exp_min = digits + d.exp - ctx.prec;
    if exp_min > etop {
        return overflow(d.neg, ctx, status);
    }
    let subnormal = exp_min < etiny;
    if subnormal {
        exp_min = etiny;
    }
    if d.exp < exp_min {
        let drop = (exp_min - d.exp) as u64;
        let (mut coeff, changed) = round_off(&d.coeff, drop, ctx.rounding, d.neg);
        if ndigits(&coeff) > ctx.prec {
            coeff /= 10u32;
            exp_min += 1;
        }
        let result = if exp_min > etop {
            overflow(d.neg, ctx, status)
        } else {
            Dec::finite(d.neg, coeff, exp_min)
        };
        if changed && subnormal {
            *status |= UNDERFLOW;
        }
        if subnormal {
            *status |= SUBNORMAL;
        }
        if changed {
            *status |= INEXACT;
        }
        *status |= ROUNDED;
        if result.is_zero() {
            *status |= CLAMPED;
        }
        return result;
    }
    if subnormal {
        *status |= SUBNORMAL;
    }
    if ctx.clamp && d.exp > etop {
        *status |= CLAMPED;
        let coeff = d.coeff * pow10((d.exp - etop) as u64);
        return Dec::finite(d.neg, coeff, etop);
    }
    d
}

/// [`fix`] for a coefficient in a `u128` (what the fast paths of add,
/// multiply and divide make): a result well inside the exponent limits,
/// rounded at most once, in machine arithmetic; zero and anything near
/// the limits (overflow, subnormal, clamping) go to [`fix`].
fn fix_u128(neg: bool, c: u128, exp: i64, ctx: &Ctx, status: &mut u32) -> Dec {
    let digits = digits_u128(c);
    // The smallest exponent `prec` digits allow.
    let exp_min = digits + exp - ctx.prec;
    if c == 0 || exp_min < ctx.etiny() || exp_min >= ctx.etop() || exp > ctx.etop() {
        return fix(Dec::finite(neg, BigUint::from(c), exp), ctx, status);
    }
    if exp >= exp_min {
        return Dec::finite(neg, BigUint::from(c), exp);
    }
    let (mut kept, inexact) = round_off_u128(c, (exp_min - exp) as u64, ctx.rounding, neg);
    let mut exp = exp_min;
    if digits_u128(kept) > ctx.prec {
        // A carry made `10**prec`.
        kept /= 10;
        exp += 1;
    }
    *status |= ROUNDED;
    if inexact {
        *status |= INEXACT;
    }
    Dec::finite(neg, BigUint::from(kept), exp)
}

/// `d` at exponent `exp`: zeros appended, or digits rounded off (no
/// context, no flags).
pub fn rescale(d: &Dec, exp: i64, rounding: Rounding) -> Dec {
    rescale_inexact(d, exp, rounding).0
}

/// [`rescale`], and whether non-zero digits were rounded off.
fn rescale_inexact(d: &Dec, exp: i64, rounding: Rounding) -> (Dec, bool) {
    if d.is_special() {
        return (d.clone(), false);
    }
    if d.coeff.is_zero() {
        return (Dec::finite(d.neg, BigUint::zero(), exp), false);
    }
    if d.exp >= exp {
        let coeff = &d.coeff * pow10((d.exp - exp) as u64);
        return (Dec::finite(d.neg, coeff, exp), false);
    }
    let (coeff, inexact) = round_off(&d.coeff, (exp - d.exp) as u64, rounding, d.neg);
    (Dec::finite(d.neg, coeff, exp), inexact)
}

/// Brings two finite operands to a common exponent for addition; when
/// their exponents are far apart the smaller operand only matters as a
/// sticky digit, so it is replaced by one (the spec's shortcut).
fn align(a: &Dec, b: &Dec, prec: i64) -> (BigUint, BigUint, i64) {
    let (big, small, big_first) = if a.exp >= b.exp {
        (a, b, true)
    } else {
        (b, a, false)
    };
    let big_len = ndigits(&big.coeff);
    let small_len = ndigits(&small.coeff);
    let exp = big.exp + (-1i64).min(big_len - prec - 2);
    let (small_coeff, small_exp) = if small_len + small.exp - 1 < exp {
        (BigUint::one(), exp)
    } else {
        (small.coeff.clone(), small.exp)
    };
    let big_coeff = &big.coeff * pow10((big.exp - small_exp) as u64);
    if big_first {
        (big_coeff, small_coeff, small_exp)
    } else {
        (small_coeff, big_coeff, small_exp)
    }
}

pub fn add(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_special() || b.is_special() {
        if let Some(nan) = check_nans(a, Some(b), ctx, status) {
            return nan;
        }
        if a.is_infinite() {
            if b.is_infinite() && a.neg != b.neg {
                return invalid(status, INVALID_OPERATION);
            }
            return a.clone();
        }
        return b.clone();
    }
    let exp = a.exp.min(b.exp);
    let negative_zero = ctx.rounding == Rounding::Floor && a.neg != b.neg;
    if a.coeff.is_zero() && b.coeff.is_zero() {
        let neg = if ctx.rounding == Rounding::Floor {
            a.neg || b.neg
        } else {
            a.neg && b.neg
        };
        return fix(Dec::finite(neg, BigUint::zero(), exp), ctx, status);
    }
    if a.coeff.is_zero() || b.coeff.is_zero() {
        let other = if a.coeff.is_zero() { b } else { a };
        let exp = exp.max(other.exp - ctx.prec - 1);
        let result = rescale(other, exp, ctx.rounding);
        return fix(result, ctx, status);
    }
    // Fast path: both aligned coefficients and their sum fit a u128.
    if let Some((neg, sum)) = add_u128(a, b, exp) {
        let neg = if sum == 0 { negative_zero } else { neg };
        return fix_u128(neg, sum, exp, ctx, status);
    }
    let (x, y, exp) = align(a, b, ctx.prec);
    let (neg, sum) = if a.neg == b.neg {
        (a.neg, x + y)
    } else if x >= y {
        (a.neg, x - y)
    } else {
        (b.neg, y - x)
    };
    let neg = if sum.is_zero() { negative_zero } else { neg };
    fix(Dec::finite(neg, sum, exp), ctx, status)
}

/// The signed sum of two finite non-zero operands at exponent `exp`
/// (the smaller of theirs) in `u128` arithmetic, when it fits.
fn add_u128(a: &Dec, b: &Dec, exp: i64) -> Option<(bool, u128)> {
    let scale = |d: &Dec| -> Option<u128> {
        small_coeff(&d.coeff)?.checked_mul(pow10_u128(u64::try_from(d.exp - exp).ok()?)?)
    };
    let (x, y) = (scale(a)?, scale(b)?);
    Some(if a.neg == b.neg {
        (a.neg, x.checked_add(y)?)
    } else if x >= y {
        (a.neg, x - y)
    } else {
        (b.neg, y - x)
    })
}

pub fn subtract(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if (a.is_nan() || b.is_nan())
        && let Some(nan) = check_nans(a, Some(b), ctx, status)
    {
        return nan;
    }
    add(a, &b.negated(), ctx, status)
}

pub fn multiply(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    let neg = a.neg != b.neg;
    if a.is_special() || b.is_special() {
        if let Some(nan) = check_nans(a, Some(b), ctx, status) {
            return nan;
        }
        if a.is_infinite() {
            if b.is_zero() {
                return invalid(status, INVALID_OPERATION);
            }
            return Dec::infinity(neg);
        }
        if a.is_zero() {
            return invalid(status, INVALID_OPERATION);
        }
        return Dec::infinity(neg);
    }
    let exp = a.exp + b.exp;
    // Fast path: the product fits a u128.
    if let (Some(x), Some(y)) = (small_coeff(&a.coeff), small_coeff(&b.coeff))
        && let Some(product) = x.checked_mul(y)
    {
        return fix_u128(neg, product, exp, ctx, status);
    }
    fix(Dec::finite(neg, &a.coeff * &b.coeff, exp), ctx, status)
}

pub fn divide(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    let neg = a.neg != b.neg;
    if a.is_special() || b.is_special() {
        if let Some(nan) = check_nans(a, Some(b), ctx, status) {
            return nan;
        }
        if a.is_infinite() {
            if b.is_infinite() {
                return invalid(status, INVALID_OPERATION);
            }
            return Dec::infinity(neg);
        }
        // b is infinite
        *status |= CLAMPED;
        return Dec::finite(neg, BigUint::zero(), ctx.etiny());
    }
    if b.coeff.is_zero() {
        if a.coeff.is_zero() {
            return invalid(status, DIVISION_UNDEFINED);
        }
        *status |= DIVISION_BY_ZERO;
        return Dec::infinity(neg);
    }
    let exact = if ctx.prec > EXACT_DIVISION_PREC && !a.coeff.is_zero() {
        exact_quotient(&a.coeff, &b.coeff).filter(|(q, _)| ndigits(q) <= ctx.prec)
    } else {
        None
    };
    let (coeff, exp) = if let Some((coeff, shift)) = exact {
        (coeff, a.exp - b.exp - shift)
    } else if a.coeff.is_zero() {
        (BigUint::zero(), a.exp - b.exp)
    } else {
        let shift = ndigits(&b.coeff) - ndigits(&a.coeff) + ctx.prec + 1;
        let exp = a.exp - b.exp - shift;
        let ideal = a.exp - b.exp;
        if let Some((coeff, exp)) = divide_u128(&a.coeff, &b.coeff, shift, exp, ideal) {
            return fix_u128(neg, coeff, exp, ctx, status);
        } else {
            if !room_for_digits(shift.abs()) {
                return Dec::finite(false, BigUint::zero(), 0);
            }
            let mut exp = exp;
            let (mut coeff, rest) = if shift >= 0 {
                (&a.coeff * pow10(shift as u64)).div_rem(&b.coeff)
            } else {
                a.coeff.div_rem(&(&b.coeff * pow10((-shift) as u64)))
            };
            if !rest.is_zero() {
                // Inexact: a sticky digit so rounding sees it.
                if (&coeff % 5u32).is_zero() {
                    coeff += 1u32;
                }
            } else {
                while exp < ideal && (&coeff % 10u32).is_zero() {
                    coeff /= 10u32;
                    exp += 1;
                }
            }
            (coeff, exp)
        }
    };
    fix(Dec::finite(neg, coeff, exp), ctx, status)
}

/// The quotient digits of a division (`x * 10**shift / y`, one more
/// digit than the precision, with a sticky last digit when inexact,
/// or trailing zeros stripped toward the ideal exponent when exact) in
/// `u128` arithmetic, when the scaled dividend fits one (everyday
/// precisions): `None` sends the caller to big numbers.
fn divide_u128(x: &BigUint, y: &BigUint, shift: i64, exp: i64, ideal: i64) -> Option<(u128, i64)> {
    let (x, y) = (small_coeff(x)?, small_coeff(y)?);
    let scaled = x.checked_mul(pow10_u128(u64::try_from(shift).ok()?)?)?;
    let (mut coeff, rest) = div_rem_u128(scaled, y);
    let mut exp = exp;
    if rest != 0 {
        if coeff % 5 == 0 {
            coeff += 1;
        }
    } else {
        while exp < ideal && coeff % 10 == 0 {
            coeff /= 10;
            exp += 1;
        }
    }
    Some((coeff, exp))
}

/// `x / y` and `x % y`, in machine words when both fit one (a `u128`
/// division is a slow library call).
#[inline]
fn div_rem_u128(x: u128, y: u128) -> (u128, u128) {
    match (u64::try_from(x), u64::try_from(y)) {
        (Ok(x), Ok(y)) => ((x / y).into(), (x % y).into()),
        _ => (x / y, x % y),
    }
}

/// A coefficient as a `u128`, when it fits one.
#[inline]
pub fn small_coeff(c: &BigUint) -> Option<u128> {
    let mut words = c.iter_u64_digits();
    match words.len() {
        0 => Some(0),
        1 => words.next().map(u128::from),
        2 => {
            let low = u128::from(words.next()?);
            Some(u128::from(words.next()?) << 64 | low)
        }
        _ => None,
    }
}

/// Above this precision a division looks for an exact quotient first:
/// scaling the dividend by `10**prec` (and dividing a number of `prec`
/// digits) costs time in the precision, not in the operands, and at
/// `MAX_PREC` never ends, where libmpdec answers `Decimal(10) / 4` at once.
const EXACT_DIVISION_PREC: i64 = 64;

/// `x / y` as `(q, k)` with `q * 10**-k` exact and `k` the smallest such
/// shift, when it exists: `y / gcd(x, y)` has no prime factors but 2
/// and 5.
fn exact_quotient(x: &BigUint, y: &BigUint) -> Option<(BigUint, i64)> {
    let g = x.gcd(y);
    let mut d = y / &g;
    let (mut twos, mut fives) = (0i64, 0i64);
    while d.is_even() {
        d >>= 1u32;
        twos += 1;
    }
    while (&d % 5u32).is_zero() {
        d /= 5u32;
        fives += 1;
    }
    if !d.is_one() {
        return None;
    }
    // 10**k / (2**twos * 5**fives) = 2**(k - twos) * 5**(k - fives).
    let k = twos.max(fives);
    let scale = (BigUint::one() << (k - twos) as u64) * BigUint::from(5u32).pow((k - fives) as u32);
    Some((x / &g * scale, k))
}

/// The integer quotient and remainder of two finite numbers, `b` not
/// zero (`//`, `%`, `divmod`), or `None` when the quotient has more
/// than `prec` digits (DivisionImpossible).
fn divide_parts(a: &Dec, b: &Dec, ctx: &Ctx) -> Option<(Dec, Dec)> {
    let neg = a.neg != b.neg;
    let ideal = if b.is_infinite() {
        a.exp
    } else {
        a.exp.min(b.exp)
    };
    let expdiff = a.adjusted() - b.adjusted();
    if a.coeff.is_zero() || b.is_infinite() || expdiff <= -2 {
        return Some((
            Dec::finite(neg, BigUint::zero(), 0),
            rescale(a, ideal, ctx.rounding),
        ));
    }
    if expdiff <= ctx.prec {
        let (x, y) = if a.exp >= b.exp {
            (&a.coeff * pow10((a.exp - b.exp) as u64), b.coeff.clone())
        } else {
            (a.coeff.clone(), &b.coeff * pow10((b.exp - a.exp) as u64))
        };
        let (q, r) = x.div_rem(&y);
        // (Digits counted, not compared with 10**prec: prec may be
        // MAX_PREC.)
        if q.is_zero() || ndigits(&q) <= ctx.prec {
            return Some((Dec::finite(neg, q, 0), Dec::finite(a.neg, r, ideal)));
        }
    }
    None
}

/// `divmod(a, b)`.
pub fn divmod(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> (Dec, Dec) {
    if let Some(nan) = check_nans(a, Some(b), ctx, status) {
        return (nan.clone(), nan);
    }
    let neg = a.neg != b.neg;
    if a.is_infinite() {
        if b.is_infinite() {
            let nan = invalid(status, INVALID_OPERATION);
            return (nan.clone(), nan);
        }
        return (Dec::infinity(neg), invalid(status, INVALID_OPERATION));
    }
    if b.is_zero() {
        if a.is_zero() {
            let nan = invalid(status, DIVISION_UNDEFINED);
            return (nan.clone(), nan);
        }
        *status |= DIVISION_BY_ZERO;
        return (Dec::infinity(neg), invalid(status, INVALID_OPERATION));
    }
    match divide_parts(a, b, ctx) {
        // libmpdec leaves the zero quotient by an infinity as it is.
        Some((q, r)) if b.is_infinite() => (q, fix(r, ctx, status)),
        Some((q, r)) => (fix(q, ctx, status), fix(r, ctx, status)),
        None => {
            let nan = invalid(status, DIVISION_IMPOSSIBLE);
            (nan.clone(), nan)
        }
    }
}

/// `a // b`.
pub fn divide_int(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(a, Some(b), ctx, status) {
        return nan;
    }
    if a.is_infinite() {
        if b.is_infinite() {
            return invalid(status, INVALID_OPERATION);
        }
        return Dec::infinity(a.neg != b.neg);
    }
    if b.is_zero() {
        if a.is_zero() {
            return invalid(status, DIVISION_UNDEFINED);
        }
        *status |= DIVISION_BY_ZERO;
        return Dec::infinity(a.neg != b.neg);
    }
    match divide_parts(a, b, ctx) {
        Some((q, _)) => fix(q, ctx, status),
        None => invalid(status, DIVISION_IMPOSSIBLE),
    }
}

/// The result of a remainder whose operands decide it: a NaN, an
/// infinite dividend or a zero divisor (all invalid but the NaNs).
fn remainder_special(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Option<Dec> {
    if let Some(nan) = check_nans(a, Some(b), ctx, status) {
        return Some(nan);
    }
    if a.is_infinite() {
        return Some(invalid(status, INVALID_OPERATION));
    }
    if b.is_zero() {
        let condition = if a.is_zero() {
            DIVISION_UNDEFINED
        } else {
            INVALID_OPERATION
        };
        return Some(invalid(status, condition));
    }
    None
}

/// `a % b` (the remainder has the sign of `a`).
pub fn remainder(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(special) = remainder_special(a, b, ctx, status) {
        return special;
    }
    match divide_parts(a, b, ctx) {
        Some((_, r)) => fix(r, ctx, status),
        None => invalid(status, DIVISION_IMPOSSIBLE),
    }
}

/// `remainder_near`: `a - b*n` with `n` the integer nearest `a/b`.
pub fn remainder_near(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(special) = remainder_special(a, b, ctx, status) {
        return special;
    }
    if b.is_infinite() {
        return fix(a.clone(), ctx, status);
    }
    let ideal = a.exp.min(b.exp);
    if a.is_zero() {
        return fix(Dec::finite(a.neg, BigUint::zero(), ideal), ctx, status);
    }
    let expdiff = a.adjusted() - b.adjusted();
    if expdiff > ctx.prec {
        return invalid(status, DIVISION_IMPOSSIBLE);
    }
    if expdiff <= -2 {
        let r = rescale(a, ideal, ctx.rounding);
        return fix(r, ctx, status);
    }
    let (x, y) = if a.exp >= b.exp {
        (&a.coeff * pow10((a.exp - b.exp) as u64), b.coeff.clone())
    } else {
        (a.coeff.clone(), &b.coeff * pow10((b.exp - a.exp) as u64))
    };
    let (mut q, mut r) = x.div_rem(&y);
    // r is in [0, y): move to (-y/2, y/2], ties to even quotients.
    let mut neg = a.neg;
    let twice = &r * 2u32;
    if twice > y || (twice == y && q.is_odd()) {
        r = &y - r;
        q += 1u32;
        neg = !neg;
    }
    if !q.is_zero() && ndigits(&q) > ctx.prec {
        return invalid(status, DIVISION_IMPOSSIBLE);
    }
    fix(Dec::finite(neg, r, ideal), ctx, status)
}

/// Compares two non-NaN values.
pub fn compare_values(a: &Dec, b: &Dec) -> Ordering {
    let sign = |d: &Dec| -> i32 {
        if d.is_zero() {
            0
        } else if d.neg {
            -1
        } else {
            1
        }
    };
    let (sa, sb) = (sign(a), sign(b));
    if sa != sb {
        return sa.cmp(&sb);
    }
    if sa == 0 {
        return Ordering::Equal;
    }
    let magnitude = match (a.is_infinite(), b.is_infinite()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => compare_magnitudes(a, b),
    };
    if sa < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}

fn compare_magnitudes(a: &Dec, b: &Dec) -> Ordering {
    match (a.coeff.is_zero(), b.coeff.is_zero()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    let (adj_a, adj_b) = (a.adjusted(), b.adjusted());
    if adj_a != adj_b {
        return adj_a.cmp(&adj_b);
    }
    if a.exp >= b.exp {
        (&a.coeff * pow10((a.exp - b.exp) as u64)).cmp(&b.coeff)
    } else {
        a.coeff.cmp(&(&b.coeff * pow10((b.exp - a.exp) as u64)))
    }
}

/// `compare()`: -1, 0 or 1 as a number, NaN for a NaN operand.
pub fn compare(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(a, Some(b), ctx, status) {
        return nan;
    }
    Dec::from_i64(compare_values(a, b) as i64)
}

/// The total order of `compare_total` (NaNs and exponents included).
pub fn compare_total(a: &Dec, b: &Dec) -> Ordering {
    if a.neg != b.neg {
        return if a.neg {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let rank = |d: &Dec| match d.special {
        Special::Finite => 0,
        Special::Infinite => 1,
        Special::SNaN => 2,
        Special::QNaN => 3,
    };
    let order = match (rank(a), rank(b)) {
        (2, 2) | (3, 3) => a.coeff.cmp(&b.coeff),
        (0, 0) => match compare_magnitudes(a, b) {
            Ordering::Equal => a.exp.cmp(&b.exp),
            other => other,
        },
        (x, y) => x.cmp(&y),
    };
    if a.neg { order.reverse() } else { order }
}

/// `max`/`min` (`want` = Greater for max): a quiet NaN loses to a
/// number; equal values are told apart by sign and exponent.
pub fn max_min(
    a: &Dec,
    b: &Dec,
    want: Ordering,
    magnitude: bool,
    ctx: &Ctx,
    status: &mut u32,
) -> Dec {
    if a.is_nan() || b.is_nan() {
        let (sa, sb) = (a.special == Special::SNaN, b.special == Special::SNaN);
        if !sa && !sb {
            if a.is_nan() && !b.is_nan() {
                return fix(b.clone(), ctx, status);
            }
            if b.is_nan() && !a.is_nan() {
                return fix(a.clone(), ctx, status);
            }
        }
        return check_nans(a, Some(b), ctx, status).unwrap_or_else(Dec::nan);
    }
    let mut order = if magnitude {
        compare_values(&a.abs(), &b.abs())
    } else {
        Ordering::Equal
    };
    if order == Ordering::Equal {
        order = compare_values(a, b);
    }
    if order == Ordering::Equal {
        // The spec's tie-break: sign, then exponent.
        order = if a.neg != b.neg {
            if a.neg {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        } else if a.neg {
            b.exp.cmp(&a.exp)
        } else {
            a.exp.cmp(&b.exp)
        };
    }
    let pick = if order == want { a } else { b };
    fix(pick.clone(), ctx, status)
}

pub fn quantize(a: &Dec, q: &Dec, rounding: Rounding, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_special() || q.is_special() {
        if let Some(nan) = check_nans(a, Some(q), ctx, status) {
            return nan;
        }
        if a.is_infinite() && q.is_infinite() {
            return a.clone();
        }
        return invalid(status, INVALID_OPERATION);
    }
    if !(ctx.etiny() <= q.exp && q.exp <= ctx.emax) {
        return invalid(status, INVALID_OPERATION);
    }
    if a.coeff.is_zero() {
        return fix(Dec::finite(a.neg, BigUint::zero(), q.exp), ctx, status);
    }
    let adjusted = a.adjusted();
    if adjusted > ctx.emax || adjusted - q.exp + 1 > ctx.prec {
        return invalid(status, INVALID_OPERATION);
    }
    let (result, inexact) = rescale_inexact(a, q.exp, rounding);
    if result.adjusted() > ctx.emax || ndigits(&result.coeff) > ctx.prec {
        return invalid(status, INVALID_OPERATION);
    }
    if !result.coeff.is_zero() && result.adjusted() < ctx.emin {
        *status |= SUBNORMAL;
    }
    if result.exp > a.exp {
        if inexact {
            *status |= INEXACT;
        }
        *status |= ROUNDED;
    }
    fix(result, ctx, status)
}

/// `to_integral_value` (`exact`: `to_integral_exact`, which reports
/// Inexact and Rounded).
pub fn to_integral(a: &Dec, rounding: Rounding, exact: bool, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_special() {
        return check_nans(a, None, ctx, status).unwrap_or_else(|| a.clone());
    }
    if a.exp >= 0 {
        return a.clone();
    }
    if a.coeff.is_zero() {
        return Dec::finite(a.neg, BigUint::zero(), 0);
    }
    let (result, inexact) = rescale_inexact(a, 0, rounding);
    if exact {
        if inexact {
            *status |= INEXACT;
        }
        *status |= ROUNDED;
    }
    result
}

/// `normalize()`: rounded, then trailing zeros stripped.
pub fn reduce(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_special() {
        return check_nans(a, None, ctx, status).unwrap_or_else(|| a.clone());
    }
    let d = fix(a.clone(), ctx, status);
    if d.is_special() {
        return d;
    }
    if d.coeff.is_zero() {
        return Dec::finite(d.neg, BigUint::zero(), 0);
    }
    let exp_max = if ctx.clamp { ctx.etop() } else { ctx.emax };
    let mut coeff = d.coeff;
    let mut exp = d.exp;
    while exp < exp_max && (&coeff % 10u32).is_zero() {
        coeff /= 10u32;
        exp += 1;
    }
    Dec::finite(d.neg, coeff, exp)
}

/// `+x` and `-x`, `abs(x)` (which round to the context).
pub fn plus(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_special() {
        return check_nans(a, None, ctx, status).unwrap_or_else(|| a.clone());
    }
    let mut d = a.clone();
    if d.coeff.is_zero() && ctx.rounding != Rounding::Floor {
        d.neg = false;
    }
    fix(d, ctx, status)
}

pub fn sqrt(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if a.is_special() {
        if let Some(nan) = check_nans(a, None, ctx, status) {
            return nan;
        }
        if !a.neg {
            return a.clone();
        }
        return invalid(status, INVALID_OPERATION);
    }
    if a.coeff.is_zero() {
        return fix(
            Dec::finite(a.neg, BigUint::zero(), a.exp.div_euclid(2)),
            ctx,
            status,
        );
    }
    if a.neg {
        return invalid(status, INVALID_OPERATION);
    }
    let prec = ctx.prec + 1;
    let len = ndigits(&a.coeff);
    let mut e = a.exp >> 1;
    let (c, l) = if a.exp & 1 != 0 {
        (&a.coeff * 10u32, (len >> 1) + 1)
    } else {
        (a.coeff.clone(), (len + 1) >> 1)
    };
    let shift = prec - l;
    if !room_for_digits(2 * shift) {
        return Dec::finite(false, BigUint::zero(), 0);
    }
    let (c, mut exact) = if shift >= 0 {
        (c * pow10(2 * shift as u64), true)
    } else {
        let (q, r) = c.div_rem(&pow10(2 * (-shift) as u64));
        (q, r.is_zero())
    };
    e -= shift;
    let mut n = c.sqrt();
    exact = exact && &n * &n == c;
    if exact {
        if shift >= 0 {
            n /= pow10(shift as u64);
        } else {
            n *= pow10((-shift) as u64);
        }
        e += shift;
    } else if (&n % 5u32).is_zero() {
        n += 1u32;
    }
    fix(
        Dec::finite(false, n, e),
        &ctx.with_rounding(Rounding::HalfEven),
        status,
    )
}

/// `fma(a, b, c)`: `a*b + c` with one rounding.
pub fn fma(a: &Dec, b: &Dec, c: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    let neg = a.neg != b.neg;
    let product = if a.is_special() || b.is_special() {
        for operand in [a, b] {
            if operand.special == Special::SNaN {
                *status |= INVALID_OPERATION;
                return operand.fix_nan(ctx);
            }
        }
        if a.is_nan() {
            a.clone()
        } else if b.is_nan() {
            b.clone()
        } else if a.is_zero() || b.is_zero() {
            return invalid(status, INVALID_OPERATION);
        } else {
            Dec::infinity(neg)
        }
    } else {
        Dec::finite(neg, &a.coeff * &b.coeff, a.exp + b.exp)
    };
    add(&product, c, ctx, status)
}

/// `scaleb(a, n)`: the exponent moved by the integer `n`.
pub fn scaleb(a: &Dec, n: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(a, Some(n), ctx, status) {
        return nan;
    }
    if n.exp != 0 || n.is_infinite() {
        return invalid(status, INVALID_OPERATION);
    }
    let limit = 2 * (ctx.emax + ctx.prec);
    let Some(shift) = n
        .to_bigint_truncated()
        .to_i64()
        .filter(|s| s.abs() <= limit)
    else {
        return invalid(status, INVALID_OPERATION);
    };
    if a.is_infinite() {
        return a.clone();
    }
    let d = Dec::finite(a.neg, a.coeff.clone(), a.exp + shift);
    fix(d, ctx, status)
}

/// `logb(a)`: the adjusted exponent as a number.
pub fn logb(a: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(a, None, ctx, status) {
        return nan;
    }
    if a.is_infinite() {
        return Dec::infinity(false);
    }
    if a.is_zero() {
        *status |= DIVISION_BY_ZERO;
        return Dec::infinity(true);
    }
    fix(Dec::from_i64(a.adjusted()), ctx, status)
}

/// `next_plus`/`next_minus`: the closest representable neighbour.
pub fn next_toward_infinity(a: &Dec, up: bool, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(a, None, ctx, status) {
        return nan;
    }
    if a.is_infinite() {
        if a.neg != up {
            return a.clone();
        }
        let largest = Dec::finite(false, pow10(ctx.prec as u64) - 1u32, ctx.etop());
        return if up { largest.negated() } else { largest };
    }
    let rounding = if up {
        Rounding::Ceiling
    } else {
        Rounding::Floor
    };
    let mut quiet = 0;
    let fixed = fix(a.clone(), &ctx.with_rounding(rounding), &mut quiet);
    if compare_values(&fixed, a) != Ordering::Equal {
        return fixed;
    }
    // Add or subtract a tiny amount and round toward it.
    let tiny = Dec::finite(!up, BigUint::one(), ctx.etiny() - 1);
    let mut quiet = 0;
    add(a, &tiny, &ctx.with_rounding(rounding), &mut quiet)
}

pub fn next_toward(a: &Dec, b: &Dec, ctx: &Ctx, status: &mut u32) -> Dec {
    if let Some(nan) = check_nans(a, Some(b), ctx, status) {
        return nan;
    }
    let order = compare_values(a, b);
    if order == Ordering::Equal {
        let mut d = a.clone();
        d.neg = b.neg;
        return d;
    }
    let mut quiet = 0;
    let result = next_toward_infinity(a, order == Ordering::Less, ctx, &mut quiet);
    if result.is_infinite() {
        *status |= OVERFLOW | INEXACT | ROUNDED;
    } else if result.adjusted() < ctx.emin {
        *status |= UNDERFLOW | SUBNORMAL | INEXACT | ROUNDED;
        if result.is_zero() {
            *status |= CLAMPED;
        }
    }
    result
}

/// The number a string spells (surrounding whitespace already removed),
/// exactly; `None` when it is not a number.
pub fn parse(text: &str) -> Option<Dec> {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(Dec::infinity(neg));
    }
    for (prefix, special) in [("snan", Special::SNaN), ("nan", Special::QNaN)] {
        if let Some(payload) = lower.strip_prefix(prefix) {
            let coeff = if payload.is_empty() {
                BigUint::zero()
            } else {
                parse_digits(payload)?
            };
            return Some(Dec {
                neg,
                special,
                coeff,
                exp: 0,
            });
        }
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(at) => (&mantissa[..at], &mantissa[at + 1..]),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let digits: String = [int_part, frac_part].concat();
    let coeff = parse_digits(&digits)?;
    let frac_len = frac_part.chars().count() as i64;
    let mut exp: i64 = -frac_len;
    if let Some(e) = exponent {
        let (eneg, edigits) = match e.as_bytes().first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if edigits.is_empty() {
            return None;
        }
        let value = parse_digits(edigits)?;
        let value = value.to_i64().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        exp = exp.saturating_add(if eneg { -value } else { value });
    }
    Some(Dec::finite(neg, coeff, exp))
}

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| krait_vm::builtins::int::unicode_decimal(c))
}

fn parse_digits(s: &str) -> Option<BigUint> {
    if s.is_empty() {
        return Some(BigUint::zero());
    }
    if s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<u64>().ok().map(BigUint::from);
    }
    let mut ascii = String::with_capacity(s.len());
    for c in s.chars() {
        ascii.push(char::from_digit(digit_value(c)?, 10)?);
    }
    if ascii.is_empty() {
        return None;
    }
    BigUint::parse_bytes(ascii.as_bytes(), 10)
}

/// The decimal digits of a coefficient (a machine word's without
/// num-bigint's general radix conversion).
pub fn coeff_digits(c: &BigUint) -> String {
    match c.to_u64() {
        Some(v) => v.to_string(),
        None => c.to_string(),
    }
}

/// The spec's to-scientific-string (`eng`: to-engineering-string).
pub fn to_string(d: &Dec, eng: bool, capitals: bool) -> String {
    let sign = if d.neg { "-" } else { "" };
    match d.special {
        Special::Infinite => return format!("{sign}Infinity"),
        Special::QNaN | Special::SNaN => {
            let name = if d.special == Special::QNaN {
                "NaN"
            } else {
                "sNaN"
            };
            let payload = if d.coeff.is_zero() {
                String::new()
            } else {
                d.coeff.to_string()
            };
            return format!("{sign}{name}{payload}");
        }
        Special::Finite => {}
    }
    let digits = coeff_digits(&d.coeff);
    let len = digits.len() as i64;
    let leftdigits = d.exp + len;
    let dotplace = if d.exp <= 0 && leftdigits > -6 {
        leftdigits
    } else if !eng {
        1
    } else if d.coeff.is_zero() {
        (leftdigits + 1).rem_euclid(3) - 1
    } else {
        (leftdigits - 1).rem_euclid(3) + 1
    };
    let mut out = String::with_capacity(digits.len() + 8);
    out.push_str(sign);
    if dotplace <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-dotplace) as usize));
        out.push_str(&digits);
    } else if dotplace >= len {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (dotplace - len) as usize));
    } else {
        out.push_str(&digits[..dotplace as usize]);
        out.push('.');
        out.push_str(&digits[dotplace as usize..]);
    }
    if leftdigits != dotplace {
        out.push(if capitals { 'E' } else { 'e' });
        let e = leftdigits - dotplace;
        if e >= 0 {
            out.push('+');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// The exact value of a float.
pub fn from_f64(f: f64) -> Dec {
    let neg = f.is_sign_negative();
    if f.is_nan() {
        return Dec { neg, ..Dec::nan() };
    }
    if f.is_infinite() {
        return Dec::infinity(neg);
    }
    if f == 0.0 {
        return Dec::finite(neg, BigUint::zero(), 0);
    }
    let bits = f.abs().to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exp2) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    let zeros = mantissa.trailing_zeros() as i64;
    mantissa >>= zeros;
    exp2 += zeros;
    if exp2 >= 0 {
        Dec::finite(neg, BigUint::from(mantissa) << (exp2 as usize), 0)
    } else {
        let five = num_traits::pow(BigUint::from(5u32), (-exp2) as usize);
        Dec::finite(neg, BigUint::from(mantissa) * five, exp2)
    }
}

/// The float nearest a finite or special value.
pub fn to_f64(d: &Dec) -> f64 {
    match d.special {
        Special::Infinite => {
            if d.neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        }
        Special::QNaN | Special::SNaN => {
            if d.neg {
                -f64::NAN
            } else {
                f64::NAN
            }
        }
        Special::Finite => {
            let text = format!("{}e{}", d.coeff, d.exp);
            let v: f64 = text.parse().unwrap_or(f64::NAN);
            if d.neg { -v } else { v }
        }
    }
}

/// The integer part, `d` rounded to an integer under `rounding` (finite).
pub fn to_bigint(d: &Dec, rounding: Rounding) -> BigInt {
    let r = rescale(d, 0, rounding);
    let v = BigInt::from(r.coeff);
    if r.neg { -v } else { v }
}

/// `(numerator, denominator)` in lowest terms (finite).
pub fn integer_ratio(d: &Dec) -> (BigInt, BigInt) {
    let (mut n, mut den) = if d.exp >= 0 {
        (BigInt::from(&d.coeff * pow10(d.exp as u64)), BigInt::one())
    } else {
        (
            BigInt::from(d.coeff.clone()),
            BigInt::from(pow10((-d.exp) as u64)),
        )
    };
    let g = n.gcd(&den);
    if !g.is_zero() {
        n /= &g;
        den /= &g;
    }
    if d.neg {
        n = -n;
    }
    (n, den)
}

/// Strips trailing zeros of a coefficient: `(c', zeros)`.
pub fn strip_zeros(c: &BigUint) -> (BigUint, i64) {
    if c.is_zero() {
        return (c.clone(), 0);
    }
    let mut c = c.clone();
    let mut n = 0;
    loop {
        let (q, r) = c.div_rem(&BigUint::from(10u32));
        if !r.is_zero() {
            return (c, n);
        }
        c = q;
        n += 1;
    }
}
