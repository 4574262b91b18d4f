//! Constants: the values a code object's LOAD_CONST can push.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::code::CodeObject;

/// A compile-time constant, as in CPython's `co_consts`.
///
/// Integers that fit in an `i64` are always `Int`; `BigInt` holds only
/// values outside that range (the verifier enforces this), so each integer
/// has exactly one representation.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` outside the `i64` range.
    BigInt(BigInt),
    /// A `float`.
    Float(f64),
    /// A `complex` (from imaginary literals such as `2j`).
    Complex {
        /// Real part.
        real: f64,
        /// Imaginary part.
        imag: f64,
    },
    /// A `str`. Python strings with lone surrogates cannot be represented.
    Str(String),
    /// A `bytes`.
    Bytes(Vec<u8>),
    /// A `tuple` of constants.
    Tuple(Vec<Constant>),
    /// A `frozenset` of constants, as CPython's compiler makes for a set
    /// display of three or more constants and for `x in {...}` /
    /// `for x in {...}`. The items are kept in source order (the compiler
    /// drops exact repeats): loading the constant adds them one by one, as
    /// `frozenset(tuple)` does, so the set's layout is CPython's.
    FrozenSet(Vec<Constant>),
    /// `...`.
    Ellipsis,
    /// A nested code object (function, class body, comprehension).
    Code(Arc<CodeObject>),
}

/// Structural equality. Floats compare by bit pattern, so `NaN == NaN` and
/// `0.0 != -0.0`: two constants are equal when they are the same constant,
/// which is what encoding round-trips and constant deduplication need.
impl PartialEq for Constant {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Constant::None, Constant::None) => true,
            (Constant::Ellipsis, Constant::Ellipsis) => true,
            (Constant::Bool(a), Constant::Bool(b)) => a == b,
            (Constant::Int(a), Constant::Int(b)) => a == b,
            (Constant::BigInt(a), Constant::BigInt(b)) => a == b,
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (
                Constant::Complex { real: ar, imag: ai },
                Constant::Complex { real: br, imag: bi },
            ) => ar.to_bits() == br.to_bits() && ai.to_bits() == bi.to_bits(),
            (Constant::Str(a), Constant::Str(b)) => a == b,
            (Constant::Bytes(a), Constant::Bytes(b)) => a == b,
            (Constant::Tuple(a), Constant::Tuple(b)) => a == b,
            (Constant::FrozenSet(a), Constant::FrozenSet(b)) => a == b,
            (Constant::Code(a), Constant::Code(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        }
    }
}

impl Constant {
    /// Builds an int constant in its canonical form (`Int` when it fits).
    pub fn from_bigint(value: BigInt) -> Constant {
        match i64::try_from(&value) {
            Ok(small) => Constant::Int(small),
            Err(_) => Constant::BigInt(value),
        }
    }

    /// The Python type name (`int`, `str`, `code`...), for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Ellipsis => "ellipsis",
            Constant::Code(_) => "code",
        }
    }
}

/// CPython's `float_divmod` (`floatobject.c`): the floor quotient and the
/// remainder, which takes the divisor's sign. Here so that the compiler's
/// constant folding and the VM's `//`, `%` and `divmod` compute the same.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}
