//! Native work long enough to outlast a limit: big-int products, powers
//! and divisions of millions of digits, each one call into num-bigint
//! that polls nothing. Under a deadline or an interrupt flag they run
//! here in steps, with a look at both between steps, so that
//! `2 ** 10**9`-sized work stops within a few milliseconds of the limit
//! (issue 17) instead of minutes later.
//!
//! The VM mirrors its deadline and interrupt flag into this thread's
//! [`Stops`] whenever they change (`Vm::update_watched`), so arithmetic
//! deep in `protocol` needs no `Vm`. A step that finds a limit passed
//! returns the limit's error; the VM's unwinding then sees the limit and
//! lets no handler run.
//!
//! Without a deadline or an interrupt the operations are num-bigint's
//! own, unchanged (Toom-3 products, Burnikel-Ziegler division). With
//! one, products above [`LEAF_BITS`] take Karatsuba's three half-size
//! products at the top levels (a constant factor slower than Toom-3 on
//! operands of millions of digits; the price of stopping on time).

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Zero};

use crate::PyResult;
use crate::interpreter::observe::Limit;

/// Operand size (bits) up to which one num-bigint call does a product:
/// a square of this size takes ~7 ms on the development machine, so a
/// limit is seen within tens of milliseconds.
#[cfg(not(test))]
const LEAF_BITS: u64 = 1 << 20;
/// (Small in unit tests, which take every path on small operands.)
#[cfg(test)]
const LEAF_BITS: u64 = 1 << 10;

/// A factor this small makes a product linear in the other one (a few
/// passes over it): never split.
#[cfg(not(test))]
const SMALL_FACTOR_BITS: u64 = 4096;
/// (Below the unit tests' small leaf, so that they split too.)
#[cfg(test)]
const SMALL_FACTOR_BITS: u64 = 64;

/// Limb operations (64-bit words multiplied) a modular power does between
/// two looks at the limits: ~10 ms of work.
#[cfg(not(test))]
const MOD_POW_STEP_WORK: u64 = 1 << 23;
#[cfg(test)]
const MOD_POW_STEP_WORK: u64 = 1 << 4;

/// What stops native work on this thread: the running VM's deadline and
/// interrupt flag.
#[derive(Default)]
struct Stops {
    deadline: Option<Instant>,
    interrupt: Option<Arc<AtomicBool>>,
}

thread_local! {
    static STOPS: RefCell<Stops> = RefCell::new(Stops::default());
}

/// Records the deadline and interrupt flag of the VM about to run on
/// this thread.
pub(crate) fn watch(deadline: Option<Instant>, interrupt: Option<Arc<AtomicBool>>) {
    STOPS.with(|stops| {
        *stops.borrow_mut() = Stops {
            deadline,
            interrupt,
        }
    });
}

/// Whether native work must run in steps (a deadline or a flag is set).
pub fn armed() -> bool {
    STOPS.with(|stops| {
        let stops = stops.borrow();
        stops.deadline.is_some() || stops.interrupt.is_some()
    })
}

/// The limit's error once the deadline passed or the flag was raised
/// (public for native modules whose work runs outside the VM: SQLite's
/// progress handler asks it).
pub fn check() -> PyResult<()> {
    STOPS.with(|stops| {
        let stops = stops.borrow();
        if stops
            .interrupt
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
        {
            return Err(Limit::Interrupt.error());
        }
        if stops
            .deadline
            .is_some_and(|deadline| Instant::now() >= deadline)
        {
            return Err(Limit::Deadline.error());
        }
        Ok(())
    })
}

/// `a * b`.
pub(crate) fn mul(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if a.bits().min(b.bits()) <= LEAF_BITS && a.bits().max(b.bits()) <= 4 * LEAF_BITS || !armed() {
        return Ok(a * b);
    }
    let magnitude = mul_magnitudes(a.magnitude(), b.magnitude())?;
    Ok(BigInt::from_biguint(a.sign() * b.sign(), magnitude))
}

/// `base ** exponent`, squaring and multiplying from the top bit down.
pub(crate) fn pow(base: &BigInt, exponent: u32) -> PyResult<BigInt> {
    if !armed() {
        return Ok(num_traits::Pow::pow(base, exponent));
    }
    let mut result = BigInt::one();
    // (The products look at the limits once they are big.)
    for bit in (0..u32::BITS - exponent.leading_zeros()).rev() {
        result = mul(&result, &result)?;
        if exponent >> bit & 1 == 1 {
            result = mul(&result, base)?;
        }
    }
    Ok(result)
}

/// `base ** exponent % modulus` for `0 <= base < modulus`, `exponent >= 0`
/// and `modulus > 1` (three-argument `pow`). A large modulus or exponent
/// makes this minutes of work in one num-bigint call; under a limit it
/// squares and multiplies from the top bit down, reducing each time, and
/// looks at the limits every [`MOD_POW_STEP_WORK`] limb operations.
pub(crate) fn mod_pow(base: &BigInt, exponent: &BigInt, modulus: &BigInt) -> PyResult<BigInt> {
    let limbs = modulus.bits() / 64 + 1;
    // A step is a square and a reduction: about limbs² limb operations.
    let step_work = limbs.saturating_mul(limbs);
    if exponent.bits().saturating_mul(step_work) <= MOD_POW_STEP_WORK || !armed() {
        return Ok(base.modpow(exponent, modulus));
    }
    let steps_between_checks = (MOD_POW_STEP_WORK / step_work).max(1);
    let reduce = |n: BigInt| div_rem(&n, modulus).map(|(_, remainder)| remainder);
    let mut result = BigInt::one();
    for (done, bit) in (0..exponent.bits()).rev().enumerate() {
        result = reduce(mul(&result, &result)?)?;
        if exponent.bit(bit) {
            result = reduce(mul(&result, base)?)?;
        }
        if (done as u64).is_multiple_of(steps_between_checks) {
            check()?;
        }
    }
    Ok(result)
}

/// `(a // b, a % b)` rounded toward zero (num-bigint's `div_rem`), for
/// `b` not zero.
pub(crate) fn div_rem(a: &BigInt, b: &BigInt) -> PyResult<(BigInt, BigInt)> {
    let quotient_bits = a.bits().saturating_sub(b.bits());
    if quotient_bits < 60
        && b.bits() > 64
        && let Some((q, r)) = div_rem_small_quotient(a.magnitude(), b.magnitude())
    {
        return Ok(signed_quotient_and_remainder(a, b, q, r));
    }
    if quotient_bits <= 4 * LEAF_BITS || !armed() {
        return Ok(num_integer::Integer::div_rem(a, b));
    }
    let (q, r) = div_rem_magnitudes(a.magnitude(), b.magnitude())?;
    Ok(signed_quotient_and_remainder(a, b, q, r))
}

/// The quotient and remainder of `a` by `b` rounded toward zero, from
/// those of their magnitudes.
fn signed_quotient_and_remainder(
    a: &BigInt,
    b: &BigInt,
    q: BigUint,
    r: BigUint,
) -> (BigInt, BigInt) {
    let q_sign = if q.is_zero() {
        Sign::NoSign
    } else {
        a.sign() * b.sign()
    };
    let r_sign = if r.is_zero() { Sign::NoSign } else { a.sign() };
    (
        BigInt::from_biguint(q_sign, q),
        BigInt::from_biguint(r_sign, r),
    )
}

/// `a / b` and `a % b` when the quotient has a word's size at most and
/// `b` more than a word (`(q * j + r) // (s * j + t)` in a spigot, a
/// digit at a time): the quotient guessed from the top 128 bits of `a`
/// and 64 of `b`, then corrected by at most a step or two. A product and
/// a subtraction, linear in the operands; num-bigint's general division
/// (Burnikel-Ziegler) made the same quotient with several temporaries and
/// copies, 5x slower on operands of a few thousand digits. `None` (never
/// expected) when the guess is further off than the bound below says.
fn div_rem_small_quotient(a: &BigUint, b: &BigUint) -> Option<(BigUint, BigUint)> {
    // Both cut at the same bit, so that `b`'s top is a full 64-bit word:
    // `a_top / b_top` is then at most one above the true quotient (their
    // gap is below a_top / b_top^2 < 2^124 / 2^126) and never below it by
    // a whole unit (the cut parts are below 1 / b_top).
    let shift = b.bits() - 64;
    let a_top = u128::try_from(a >> shift).ok()?;
    let b_top = u64::try_from(b >> shift).ok()?;
    let mut quotient = u64::try_from(a_top / u128::from(b_top)).ok()?;
    let mut product = b * quotient;
    for _ in 0..3 {
        if product <= *a {
            let mut remainder = a - &product;
            for _ in 0..3 {
                if remainder < *b {
                    return Some((BigUint::from(quotient), remainder));
                }
                remainder -= b;
                quotient += 1;
            }
            return None;
        }
        product -= b;
        quotient = quotient.checked_sub(1)?;
    }
    None
}

/// Floor division and modulo (Python's), from [`div_rem`].
pub(crate) fn div_mod_floor(a: &BigInt, b: &BigInt) -> PyResult<(BigInt, BigInt)> {
    let (mut q, mut r) = div_rem(a, b)?;
    if !r.is_zero() && (r.sign() != b.sign()) {
        q -= 1;
        r += b;
    }
    Ok((q, r))
}

/// `n` cut at bit `at` (a multiple of 32): the high and low parts.
fn split(n: &BigUint, at: u64) -> (BigUint, BigUint) {
    let digits = n.to_u32_digits();
    let cut = ((at / 32) as usize).min(digits.len());
    (
        BigUint::new(digits[cut..].to_vec()),
        BigUint::new(digits[..cut].to_vec()),
    )
}

fn mul_magnitudes(a: &BigUint, b: &BigUint) -> PyResult<BigUint> {
    let (small, large) = if a.bits() <= b.bits() { (a, b) } else { (b, a) };
    if large.bits() <= LEAF_BITS || small.is_zero() {
        return Ok(a * b);
    }
    check()?;
    if small.bits() <= SMALL_FACTOR_BITS {
        // Linear in the large operand (`10 * x`): one call.
        return Ok(a * b);
    }
    if small.bits() * 2 <= large.bits() {
        // Unbalanced: the large operand in pieces the size of the small
        // one (at least a leaf), each product added in at its place.
        let piece = small.bits().max(LEAF_BITS).next_multiple_of(32);
        let digits = large.to_u32_digits();
        let mut result = BigUint::zero();
        for (k, chunk) in digits.chunks((piece / 32) as usize).enumerate() {
            check()?;
            let product = mul_magnitudes(small, &BigUint::from_slice(chunk))?;
            result += product << (k as u64 * piece);
        }
        return Ok(result);
    }
    // Karatsuba: three products of half the size.
    let half = (large.bits() / 2).next_multiple_of(32);
    let (a1, a0) = split(a, half);
    let (b1, b0) = split(b, half);
    let low = mul_magnitudes(&a0, &b0)?;
    let high = mul_magnitudes(&a1, &b1)?;
    let middle = mul_magnitudes(&(&a0 + &a1), &(&b0 + &b1))? - &low - &high;
    Ok((high << (2 * half)) + (middle << half) + low)
}

/// Long division in pieces of the dividend, each piece at least the
/// divisor's size: one num-bigint division of twice the divisor's size
/// (or a leaf) between two looks at the limits.
fn div_rem_magnitudes(a: &BigUint, b: &BigUint) -> PyResult<(BigUint, BigUint)> {
    let piece = b.bits().max(LEAF_BITS).next_multiple_of(32);
    let digits = a.to_u32_digits();
    let per_piece = (piece / 32) as usize;
    // Pieces from the most significant down; the quotient's digits are
    // collected least significant first.
    let mut pieces: Vec<&[u32]> = digits.chunks(per_piece).collect();
    pieces.reverse();
    let mut quotient_pieces = Vec::with_capacity(pieces.len());
    let mut remainder = BigUint::zero();
    for chunk in pieces {
        check()?;
        let current = (remainder << piece) + BigUint::from_slice(chunk);
        let (q, r) = num_integer::Integer::div_rem(&current, b);
        quotient_pieces.push(q);
        remainder = r;
    }
    let mut quotient_digits = Vec::with_capacity(digits.len());
    for q in quotient_pieces.iter().rev() {
        let mut q_digits = q.to_u32_digits();
        q_digits.resize(per_piece, 0);
        quotient_digits.extend_from_slice(&q_digits);
    }
    Ok((BigUint::new(quotient_digits), remainder))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Divisions whose quotient fits a word (the guessed-quotient path)
    /// agree with num-bigint's general division, quotients around powers
    /// of two and divisors with top words of all ones and of one bit.
    #[test]
    fn small_quotient_division_is_exact() {
        let word = |seed: u64| seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut divisors: Vec<BigUint> = Vec::new();
        for limbs in [2usize, 3, 7, 40] {
            let low: Vec<u64> = (0..limbs as u64 - 1).map(word).collect();
            for top in [1u64, 3, u64::MAX, 1 << 63, word(99)] {
                let mut digits = low.clone();
                digits.push(top);
                let d: Vec<u32> = digits
                    .iter()
                    .flat_map(|w| [*w as u32, (w >> 32) as u32])
                    .collect();
                divisors.push(BigUint::new(d));
            }
        }
        let quotients = [0u64, 1, 2, 9, 10, (1 << 32) - 1, 1 << 40, (1 << 59) - 1];
        for b in &divisors {
            for &q in &quotients {
                for extra in [BigUint::zero(), BigUint::one(), b - 1u32, b / 2u32] {
                    let a = b * q + &extra;
                    for (sa, sb) in [(1, 1), (-1, 1), (1, -1), (-1, -1)] {
                        let sign = |s: i32| if s > 0 { Sign::Plus } else { Sign::Minus };
                        let x = BigInt::from_biguint(sign(sa), a.clone());
                        let y = BigInt::from_biguint(sign(sb), b.clone());
                        assert_eq!(
                            div_mod_floor(&x, &y).unwrap(),
                            num_integer::Integer::div_mod_floor(&x, &y),
                            "{x} divmod {y}"
                        );
                        assert_eq!(
                            div_rem(&x, &y).unwrap(),
                            num_integer::Integer::div_rem(&x, &y)
                        );
                    }
                }
            }
        }
    }

    /// Products, powers and divisions in steps agree with num-bigint's
    /// own, on operands around and above the leaf size, signs mixed.
    #[test]
    fn stepped_arithmetic_is_exact() {
        watch(
            Some(Instant::now() + std::time::Duration::from_secs(3600)),
            None,
        );
        let big = |bits: u64, seed: u32| -> BigInt {
            let digits: Vec<u32> = (0..bits / 32)
                .map(|i| (i as u32).wrapping_mul(2_654_435_761).wrapping_add(seed))
                .collect();
            BigInt::from_biguint(Sign::Plus, BigUint::new(digits))
        };
        let sizes = [
            LEAF_BITS / 2,
            LEAF_BITS + 96,
            3 * LEAF_BITS,
            9 * LEAF_BITS + 32,
        ];
        for (i, &x) in sizes.iter().enumerate() {
            for &y in &sizes[i..] {
                let (a, b) = (big(x, 7), -big(y, 11));
                assert_eq!(mul(&a, &b).unwrap(), &a * &b, "{x} x {y} bits");
                let (p, q) = (&a * &b + 12345, big(x, 3) + 1);
                assert_eq!(
                    div_mod_floor(&p, &q).unwrap(),
                    num_integer::Integer::div_mod_floor(&p, &q),
                    "{y} / {x} bits"
                );
                let neg = -p;
                assert_eq!(
                    div_mod_floor(&neg, &q).unwrap(),
                    num_integer::Integer::div_mod_floor(&neg, &q)
                );
            }
        }
        let base = BigInt::from(-3);
        assert_eq!(
            pow(&base, 20_001).unwrap(),
            num_traits::Pow::pow(&base, 20_001u32)
        );
        // Modular powers, stepped (the test's step is a few limbs).
        for (base, exponent, modulus) in [
            (big(320, 5), big(640, 9), big(512, 13) + 1),
            (BigInt::from(3), big(2048, 1), BigInt::from(1_000_000_007)),
            (big(96, 2), BigInt::from(65_537), big(2048, 4) + 3),
        ] {
            let base = base % &modulus;
            assert_eq!(
                mod_pow(&base, &exponent, &modulus).unwrap(),
                base.modpow(&exponent, &modulus)
            );
        }
        watch(None, None);
    }

    #[test]
    fn a_passed_deadline_stops_a_big_product() {
        watch(Some(Instant::now()), None);
        let a = BigInt::one() << (8 * LEAF_BITS);
        let err = mul(&a, &a).unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: time limit exceeded");
        let flag = Arc::new(AtomicBool::new(true));
        watch(None, Some(flag));
        let err = pow(&BigInt::from(7), 1 << 25).unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: interrupted by the host");
        let modulus = (BigInt::one() << 4096) + 1;
        let err = mod_pow(&BigInt::from(7), &(BigInt::one() << 4096), &modulus).unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: interrupted by the host");
        watch(None, None);
    }
}
