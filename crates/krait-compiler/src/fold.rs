//! Constant folding: CPython 3.11's AST optimizer (`Python/ast_opt.c`),
//! asked of the tree instead of rewriting it.
//!
//! [`constant`] says what constant an expression becomes after CPython's
//! optimizer has run: literals, `-1`, `not 0`, `2**8`, `'a' * 3`,
//! `'ab' + 'cd'`, `(1, (2, -3))`, `'abc'[1]`, `__debug__`. The code
//! generator asks it wherever CPython's compiler would look at an optimized
//! node (an expression to emit, a `while` test, an expression statement,
//! the SyntaxWarning checks), so the tree itself stays as the parser made
//! it (the `ast` module and `from __future__ import annotations` see the
//! source). A folded expression takes the position of the outermost folded
//! node, as `make_const` rewrites the node in place.
//!
//! Folding never raises and never builds large values: anything that would
//! raise (`1/0`, `-'a'`, `(1,)[5]`) or exceed CPython's limits
//! (`safe_multiply`, `safe_power`, `safe_lshift`, `safe_mod`) is left to
//! run, so the error comes at run time with its traceback. Where an exact
//! result would take an algorithm of CPython's that is not written here
//! (true division of large ints, complex division), the expression is also
//! left unfolded: that costs only the `dis` listing, never a result.

use krait_ast::{CmpOp, Expr, ExprKind, Operator, UnaryOp};
use krait_bytecode::{BigInt, Constant};

use crate::codegen::constant as literal;

/// `MAX_INT_SIZE`: the bits of an int that `*`, `**` and `<<` may make.
const MAX_INT_SIZE: u64 = 128;
/// `MAX_COLLECTION_SIZE`: the items of a tuple that `*` may make.
const MAX_COLLECTION_SIZE: i64 = 256;
/// `MAX_STR_SIZE`: the characters (bytes) of a str (bytes) `*` may make.
const MAX_STR_SIZE: i64 = 4096;
/// `MAX_TOTAL_ITEMS`: items of a repeated tuple, nested ones included.
const MAX_TOTAL_ITEMS: i64 = 1024;

/// The constant `expr` folds to, if CPython's AST optimizer makes it one.
pub fn constant(expr: &Expr) -> Option<Constant> {
    crate::with_stack(|| constant_node(expr))
}

fn constant_node(expr: &Expr) -> Option<Constant> {
    match &expr.node {
        ExprKind::Constant { value, .. } => Some(literal(value)),
        ExprKind::UnaryOp { op, operand } => unary(*op, &constant(operand)?),
        ExprKind::BinOp { left, op, right } => {
            // Both sides are folded first, as ast_opt does, even when the
            // left one already fails: there is nothing to save.
            let left = constant(left)?;
            binary(&left, *op, &constant(right)?)
        }
        ExprKind::Tuple { elts, ctx } if *ctx == krait_ast::ExprContext::Load => elts
            .iter()
            .map(constant)
            .collect::<Option<Vec<_>>>()
            .map(Constant::Tuple),
        ExprKind::Subscript { value, slice, ctx } if *ctx == krait_ast::ExprContext::Load => {
            let value = constant(value)?;
            subscript(&value, &constant(slice)?)
        }
        ExprKind::Name { id, ctx } if *ctx == krait_ast::ExprContext::Load && id == "__debug__" => {
            Some(Constant::Bool(true))
        }
        _ => None,
    }
}

/// `not (a is b)` as CPython's `fold_unaryop` turns it into `a is not b`:
/// the inverted operator of a `not` applied to a one-operator comparison
/// by identity or membership (`==`, `<`... are not inverted: their dunders
/// need not be complements).
pub fn inverted_comparison(expr: &Expr) -> Option<(&Expr, CmpOp, &Expr)> {
    let ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand,
    } = &expr.node
    else {
        return None;
    };
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &operand.node
    else {
        return None;
    };
    if constant(operand).is_some() || ops.len() != 1 {
        return None;
    }
    let inverted = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((left, inverted, &comparators[0]))
}

/// Python's truth value of a constant.
pub fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}

/// An int constant (bools are ints) as a big int.
fn int_of(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some(b.clone()),
        _ => None,
    }
}

/// A real number as a float, as CPython converts an int operand of a
/// float operation (correctly rounded; too large an int is an
/// OverflowError, so no value).
fn float_of(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Bool(b) => Some(*b as i64 as f64),
        Constant::Int(i) => Some(*i as f64),
        Constant::BigInt(b) => b.to_string().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    }
}

/// A number as a complex (real, imag), for an operation with a complex.
fn complex_of(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        other => Some((float_of(other)?, 0.0)),
    }
}

/// `_PyLong_NumBits`: the bits of an int's absolute value.
fn bit_length(value: &BigInt) -> u64 {
    value.bits()
}

fn is_zero(value: &BigInt) -> bool {
    value.bits() == 0
}

fn is_negative(value: &BigInt) -> bool {
    *value < BigInt::from(0)
}

fn int(value: BigInt) -> Option<Constant> {
    Some(Constant::from_bigint(value))
}

fn unary(op: UnaryOp, operand: &Constant) -> Option<Constant> {
    match (op, operand) {
        (UnaryOp::Not, c) => Some(Constant::Bool(!truthy(c))),
        (UnaryOp::UAdd, Constant::Float(_) | Constant::Complex { .. }) => Some(operand.clone()),
        (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (UnaryOp::USub, Constant::Complex { real, imag }) => Some(Constant::Complex {
            real: -real,
            imag: -imag,
        }),
        (UnaryOp::UAdd, c) => int(int_of(c)?),
        (UnaryOp::USub, c) => int(-int_of(c)?),
        (UnaryOp::Invert, c) => int(-int_of(c)? - 1),
    }
}

fn binary(left: &Constant, op: Operator, right: &Constant) -> Option<Constant> {
    use Constant as C;
    match op {
        Operator::Add => match (left, right) {
            (C::Str(a), C::Str(b)) => Some(C::Str(format!("{a}{b}"))),
            (C::Bytes(a), C::Bytes(b)) => Some(C::Bytes([a.as_slice(), b].concat())),
            (C::Tuple(a), C::Tuple(b)) => Some(C::Tuple([a.as_slice(), b].concat())),
            _ => arithmetic(left, op, right),
        },
        Operator::Mult => multiply(left, right),
        // `safe_mod`: `%` of a str or bytes is formatting, never folded.
        Operator::Mod if matches!(left, C::Str(_) | C::Bytes(_)) => None,
        Operator::MatMult => None,
        _ => arithmetic(left, op, right),
    }
}

/// `safe_multiply`: numbers, and sequences repeated within the limits.
fn multiply(left: &Constant, right: &Constant) -> Option<Constant> {
    use Constant as C;
    match (left, right) {
        (C::Str(_) | C::Bytes(_) | C::Tuple(_), n) if int_of(n).is_some() => repeat(left, n),
        (n, C::Str(_) | C::Bytes(_) | C::Tuple(_)) if int_of(n).is_some() => repeat(right, n),
        _ => {
            if let (Some(a), Some(b)) = (int_of(left), int_of(right))
                && !is_zero(&a)
                && !is_zero(&b)
                && bit_length(&a) + bit_length(&b) > MAX_INT_SIZE
            {
                return None;
            }
            arithmetic(left, Operator::Mult, right)
        }
    }
}

/// A str, bytes or tuple times an int, within CPython's limits.
fn repeat(sequence: &Constant, count: &Constant) -> Option<Constant> {
    let size = match sequence {
        Constant::Str(s) => s.chars().count(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    } as i64;
    // An index-sized count (an OverflowError otherwise, even for '').
    let n = i64::try_from(int_of(count)?).ok()?;
    if size > 0 {
        let limit = match sequence {
            Constant::Tuple(_) => MAX_COLLECTION_SIZE,
            _ => MAX_STR_SIZE,
        };
        if n < 0 || n > limit / size {
            return None;
        }
        if let Constant::Tuple(_) = sequence
            && n > 0
            && complexity(sequence, MAX_TOTAL_ITEMS / n) < 0
        {
            return None;
        }
    }
    let n = n.max(0) as usize;
    Some(match sequence {
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            Constant::Tuple(t.iter().cloned().cycle().take(t.len() * n).collect())
        }
        _ => return None,
    })
}

/// `check_complexity`: `limit` less the items of a tuple or frozenset and
/// of those nested in it, stopping once negative.
fn complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
        limit -= items.len() as i64;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = complexity(item, limit);
        }
    }
    limit
}

/// Arithmetic on numbers (bools are ints): ints exactly, floats and
/// complexes as CPython's C doubles do it.
fn arithmetic(left: &Constant, op: Operator, right: &Constant) -> Option<Constant> {
    let is_number = |c: &Constant| {
        matches!(
            c,
            Constant::Bool(_)
                | Constant::Int(_)
                | Constant::BigInt(_)
                | Constant::Float(_)
                | Constant::Complex { .. }
        )
    };
    if !is_number(left) || !is_number(right) {
        return None;
    }
    if let (Some(a), Some(b)) = (int_of(left), int_of(right)) {
        // `&`, `|`, `^` of two bools is a bool.
        if let (Constant::Bool(x), Constant::Bool(y)) = (left, right) {
            match op {
                Operator::BitAnd => return Some(Constant::Bool(x & y)),
                Operator::BitOr => return Some(Constant::Bool(x | y)),
                Operator::BitXor => return Some(Constant::Bool(x ^ y)),
                _ => {}
            }
        }
        return int_arithmetic(a, op, b, left, right);
    }
    if matches!(left, Constant::Complex { .. }) || matches!(right, Constant::Complex { .. }) {
        let (ar, ai) = complex_of(left)?;
        let (br, bi) = complex_of(right)?;
        let (real, imag) = match op {
            Operator::Add => (ar + br, ai + bi),
            Operator::Sub => (ar - br, ai - bi),
            // `_Py_c_prod`.
            Operator::Mult => (ar * br - ai * bi, ar * bi + ai * br),
            _ => return None,
        };
        return Some(Constant::Complex { real, imag });
    }
    let a = float_of(left)?;
    let b = float_of(right)?;
    let value = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div if b != 0.0 => a / b,
        Operator::FloorDiv if b != 0.0 => krait_bytecode::constant::float_divmod(a, b).0,
        Operator::Mod if b != 0.0 => krait_bytecode::constant::float_divmod(a, b).1,
        Operator::Pow => float_pow(a, b)?,
        _ => return None,
    };
    Some(Constant::Float(value))
}

/// `float_pow` where its result is a plain finite float: finite operands,
/// no zero to a negative power, no negative base to a fractional power
/// (a complex), no overflow (an OverflowError).
fn float_pow(a: f64, b: f64) -> Option<f64> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    if b == 0.0 {
        return Some(1.0);
    }
    if a == 0.0 && b < 0.0 {
        return None;
    }
    if a < 0.0 && b.fract() != 0.0 {
        return None;
    }
    let value = a.powf(b);
    value.is_finite().then_some(value)
}

fn int_arithmetic(
    a: BigInt,
    op: Operator,
    b: BigInt,
    left: &Constant,
    right: &Constant,
) -> Option<Constant> {
    match op {
        Operator::Add => int(a + b),
        Operator::Sub => int(a - b),
        Operator::Mult => int(a * b),
        Operator::Div => {
            // Exact operands give the correctly rounded quotient, as
            // CPython's `long_true_divide` does; larger ones are left to it.
            const EXACT: i64 = 1 << 53;
            let x = i64::try_from(&a).ok().filter(|x| x.abs() <= EXACT)?;
            let y = i64::try_from(&b)
                .ok()
                .filter(|y| y.abs() <= EXACT && *y != 0)?;
            Some(Constant::Float(x as f64 / y as f64))
        }
        Operator::FloorDiv | Operator::Mod => {
            if is_zero(&b) {
                return None;
            }
            let mut q = &a / &b;
            let mut r = &a % &b;
            if !is_zero(&r) && is_negative(&r) != is_negative(&b) {
                q -= 1;
                r += &b;
            }
            int(if op == Operator::FloorDiv { q } else { r })
        }
        Operator::Pow => {
            if is_negative(&b) {
                // An int to a negative power is float arithmetic.
                return float_pow(float_of(left)?, float_of(right)?).map(Constant::Float);
            }
            // `safe_power`.
            let exponent = u64::try_from(&b).ok()?;
            if !is_zero(&a) && exponent > 0 && bit_length(&a) > MAX_INT_SIZE / exponent {
                return None;
            }
            int(a.pow(u32::try_from(exponent).ok()?))
        }
        Operator::LShift => {
            if is_negative(&b) {
                return None;
            }
            if is_zero(&a) {
                return int(a);
            }
            // `safe_lshift`.
            let shift = u64::try_from(&b).ok()?;
            if shift > MAX_INT_SIZE || bit_length(&a) > MAX_INT_SIZE - shift {
                return None;
            }
            int(a << shift)
        }
        Operator::RShift => {
            if is_negative(&b) {
                return None;
            }
            let shift = u64::try_from(&b).unwrap_or(u64::MAX);
            if shift > bit_length(&a) {
                return int(BigInt::from(if is_negative(&a) { -1 } else { 0 }));
            }
            int(a >> shift)
        }
        Operator::BitAnd => int(a & b),
        Operator::BitOr => int(a | b),
        Operator::BitXor => int(a ^ b),
        Operator::MatMult => None,
    }
}

/// `PyObject_GetItem` of a constant by a constant index: a str's
/// character, a bytes' int, a tuple's item (an index out of range, or not
/// an int, is an error: not folded).
fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let index = i64::try_from(int_of(index)?).ok()?;
    let pick = |len: usize| -> Option<usize> {
        let i = if index < 0 { index + len as i64 } else { index };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    match value {
        Constant::Str(s) => {
            let i = pick(s.chars().count())?;
            s.chars().nth(i).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => Some(Constant::Int(b[pick(b.len())?] as i64)),
        Constant::Tuple(t) => Some(t[pick(t.len())?].clone()),
        _ => None,
    }
}
