//! Operand types: what the inline argument of an instruction means.
//!
//! Every operand is a small `Copy` type (at most 4 bytes, so an
//! [`Instruction`](crate::Instruction) stays 8 bytes) that implements
//! [`Operand`]. The trait is what lets the instruction table stay
//! declarative: the .kbc codec, the verifier's range checks and the jump
//! analysis are all written once per operand *kind*, never per instruction.

use std::fmt;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::verify::VerifyErrorKind;

/// The kinds of operand an instruction can carry; `dis` and the generated
/// reference use it to know how to render the raw value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperandKind {
    /// The instruction has no operand.
    None,
    /// Index into `constants`.
    Const,
    /// Index into `constants`; that constant must be a tuple of strings.
    KwNames,
    /// Index into `names` (globals, attributes, imported names).
    Name,
    /// Index into `varnames` (fast locals).
    Local,
    /// Index into `cellvars ++ freevars`.
    Deref,
    /// Absolute instruction index strictly after the instruction itself.
    Label,
    /// Absolute instruction index at or before the instruction itself.
    BackLabel,
    /// A plain count (arguments, elements).
    Count,
    /// A distance down the value stack, at least 1 (`1` is the top).
    Depth,
    /// A [`BinaryOperator`].
    BinaryOp,
    /// A [`ComparisonOperator`].
    CompareOp,
    /// A boolean (`invert` for IS_OP/CONTAINS_OP, `has_kwargs`...).
    Flag,
    /// [`MakeFunctionFlags`].
    MakeFunctionFlags,
    /// [`FormatFlags`] of FORMAT_VALUE.
    FormatFlags,
    /// [`UnpackExCounts`] of UNPACK_EX.
    UnpackEx,
    /// [`RaiseKind`] of RAISE_VARARGS.
    RaiseKind,
    /// [`SliceArgc`] of BUILD_SLICE.
    SliceArgc,
}

impl OperandKind {
    /// Short name used by the generated reference.
    pub fn name(self) -> &'static str {
        match self {
            OperandKind::None => "-",
            OperandKind::Const => "const",
            OperandKind::KwNames => "kwnames",
            OperandKind::Name => "name",
            OperandKind::Local => "local",
            OperandKind::Deref => "deref",
            OperandKind::Label => "label",
            OperandKind::BackLabel => "backlabel",
            OperandKind::Count => "count",
            OperandKind::Depth => "depth",
            OperandKind::BinaryOp => "binary_op",
            OperandKind::CompareOp => "compare_op",
            OperandKind::Flag => "flag",
            OperandKind::MakeFunctionFlags => "make_function_flags",
            OperandKind::FormatFlags => "format_flags",
            OperandKind::UnpackEx => "unpack_ex",
            OperandKind::RaiseKind => "raise_kind",
            OperandKind::SliceArgc => "slice_argc",
        }
    }

    /// One-line description used by the generated reference.
    pub fn description(self) -> &'static str {
        match self {
            OperandKind::None => "no operand",
            OperandKind::Const => "index into `constants`",
            OperandKind::KwNames => "index into `constants` of a tuple of `str` (keyword names)",
            OperandKind::Name => "index into `names`",
            OperandKind::Local => "index into `varnames` (fast locals)",
            OperandKind::Deref => {
                "index into `cellvars ++ freevars` (cells first, then free variables)"
            }
            OperandKind::Label => "absolute instruction index, strictly forward",
            OperandKind::BackLabel => "absolute instruction index, backward or to itself",
            OperandKind::Count => "unsigned count",
            OperandKind::Depth => "stack distance, 1 = top of stack",
            OperandKind::BinaryOp => "binary operator, CPython 3.11 `NB_*` numbering (0..=25)",
            OperandKind::CompareOp => "comparison: 0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`",
            OperandKind::Flag => "0 or 1",
            OperandKind::MakeFunctionFlags => {
                "bits: 0x01 defaults, 0x02 kwdefaults, 0x04 annotations, 0x08 closure"
            }
            OperandKind::FormatFlags => {
                "bits 0-1 conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`), bit 2 has format spec"
            }
            OperandKind::UnpackEx => "`before + (after << 16)`: targets before and after the star",
            OperandKind::RaiseKind => "0 bare `raise`, 1 `raise exc`, 2 `raise exc from cause`",
            OperandKind::SliceArgc => "2 or 3",
        }
    }
}

/// What the verifier knows when it checks one operand.
pub struct OperandContext<'a> {
    /// The code object being verified.
    pub code: &'a CodeObject,
    /// Index of the instruction carrying the operand.
    pub index: u32,
}

/// A type that can be an instruction operand.
///
/// `to_raw`/`from_raw` define the on-disk value (a LEB128 `u32` in .kbc);
/// `from_raw` rejects values that have no meaning, so a decoded instruction
/// is always well-formed. `check` is the verifier's context-dependent test
/// (index ranges, jump directions).
pub trait Operand: Copy {
    /// The kind reported by `Instruction::operand_kind`.
    const KIND: OperandKind;
    /// The raw value written to .kbc files.
    fn to_raw(self) -> u32;
    /// Parses a raw value; `None` if it is not a valid operand of this kind.
    fn from_raw(raw: u32) -> Option<Self>;
    /// The jump target, for the operand kinds that are labels.
    fn jump_target(self) -> Option<u32> {
        None
    }
    /// Checks the operand against the code object it lives in.
    fn check(self, ctx: &OperandContext<'_>) -> Result<(), VerifyErrorKind> {
        let _ = ctx;
        // Operands built in memory bypass `from_raw`; re-run its validation
        // so an in-memory code object is held to the same rules as a file.
        match Self::from_raw(self.to_raw()) {
            Some(_) => Ok(()),
            None => Err(VerifyErrorKind::InvalidOperand {
                kind: Self::KIND,
                raw: self.to_raw(),
            }),
        }
    }
}

fn in_range(index: u32, len: usize, what: &'static str) -> Result<(), VerifyErrorKind> {
    if (index as usize) < len {
        Ok(())
    } else {
        Err(VerifyErrorKind::IndexOutOfRange { what, index, len })
    }
}

macro_rules! index_operand {
    ($(#[$meta:meta])* $ty:ident, $kind:ident, |$ctx:ident| $len:expr, $what:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(pub u32);

        impl Operand for $ty {
            const KIND: OperandKind = OperandKind::$kind;
            fn to_raw(self) -> u32 {
                self.0
            }
            fn from_raw(raw: u32) -> Option<Self> {
                Some($ty(raw))
            }
            fn check(self, $ctx: &OperandContext<'_>) -> Result<(), VerifyErrorKind> {
                in_range(self.0, $len, $what)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

index_operand!(
    /// Index into `CodeObject::constants`.
    ConstIdx, Const, |ctx| ctx.code.constants.len(), "constants"
);
index_operand!(
    /// Index into `CodeObject::names`.
    NameIdx, Name, |ctx| ctx.code.names.len(), "names"
);
index_operand!(
    /// Index into `CodeObject::varnames` (a fast local slot).
    LocalIdx, Local, |ctx| ctx.code.varnames.len(), "varnames"
);
index_operand!(
    /// Index into `cellvars ++ freevars`: cells first, then free variables,
    /// as in CPython's `co_cellvars + co_freevars`.
    DerefIdx, Deref, |ctx| ctx.code.cellvars.len() + ctx.code.freevars.len(), "cellvars + freevars"
);

/// Index into `constants` of a tuple of strings: the keyword names of the
/// following CALL (CPython 3.11's KW_NAMES).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KwNamesIdx(pub u32);

impl Operand for KwNamesIdx {
    const KIND: OperandKind = OperandKind::KwNames;
    fn to_raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Option<Self> {
        Some(KwNamesIdx(raw))
    }
    fn check(self, ctx: &OperandContext<'_>) -> Result<(), VerifyErrorKind> {
        in_range(self.0, ctx.code.constants.len(), "constants")?;
        match &ctx.code.constants[self.0 as usize] {
            Constant::Tuple(items) if items.iter().all(|c| matches!(c, Constant::Str(_))) => Ok(()),
            _ => Err(VerifyErrorKind::KwNamesNotStrTuple { index: self.0 }),
        }
    }
}

impl fmt::Display for KwNamesIdx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A forward jump target: an absolute instruction index greater than the
/// index of the jumping instruction.
///
/// Only JUMP_BACKWARD may go backward, so every loop passes through it; the
/// VM checks its instruction budget there and nowhere else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

impl Operand for Label {
    const KIND: OperandKind = OperandKind::Label;
    fn to_raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Option<Self> {
        Some(Label(raw))
    }
    fn jump_target(self) -> Option<u32> {
        Some(self.0)
    }
    fn check(self, ctx: &OperandContext<'_>) -> Result<(), VerifyErrorKind> {
        in_range(self.0, ctx.code.instructions.len(), "instructions")?;
        if self.0 > ctx.index {
            Ok(())
        } else {
            Err(VerifyErrorKind::JumpDirection {
                target: self.0,
                forward: true,
            })
        }
    }
}

/// A backward jump target: an absolute instruction index at or before the
/// jumping instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BackLabel(pub u32);

impl Operand for BackLabel {
    const KIND: OperandKind = OperandKind::BackLabel;
    fn to_raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Option<Self> {
        Some(BackLabel(raw))
    }
    fn jump_target(self) -> Option<u32> {
        Some(self.0)
    }
    fn check(self, ctx: &OperandContext<'_>) -> Result<(), VerifyErrorKind> {
        in_range(self.0, ctx.code.instructions.len(), "instructions")?;
        if self.0 <= ctx.index {
            Ok(())
        } else {
            Err(VerifyErrorKind::JumpDirection {
                target: self.0,
                forward: false,
            })
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for BackLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A plain count: arguments of CALL, elements of BUILD_TUPLE...
impl Operand for u32 {
    const KIND: OperandKind = OperandKind::Count;
    fn to_raw(self) -> u32 {
        self
    }
    fn from_raw(raw: u32) -> Option<Self> {
        Some(raw)
    }
}

/// A boolean operand.
impl Operand for bool {
    const KIND: OperandKind = OperandKind::Flag;
    fn to_raw(self) -> u32 {
        self as u32
    }
    fn from_raw(raw: u32) -> Option<Self> {
        match raw {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

/// A distance down the value stack, at least 1 (`Depth(1)` is the top).
/// Used by COPY, SWAP and the comprehension appends (LIST_APPEND...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Depth(pub u32);

impl Operand for Depth {
    const KIND: OperandKind = OperandKind::Depth;
    fn to_raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Option<Self> {
        (raw >= 1).then_some(Depth(raw))
    }
}

impl fmt::Display for Depth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

macro_rules! operator_enum {
    (
        $(#[$meta:meta])* $ty:ident, $kind:ident {
            $( $variant:ident = $value:literal => $symbol:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum $ty {
            $( $variant = $value, )*
        }

        impl $ty {
            /// Every operator, in numbering order.
            pub const ALL: &'static [$ty] = &[$( $ty::$variant, )*];

            /// The operator as written in Python source (`+=` for in-place).
            pub fn symbol(self) -> &'static str {
                match self {
                    $( $ty::$variant => $symbol, )*
                }
            }
        }

        impl Operand for $ty {
            const KIND: OperandKind = OperandKind::$kind;
            fn to_raw(self) -> u32 {
                self as u32
            }
            fn from_raw(raw: u32) -> Option<Self> {
                match raw {
                    $( $value => Some($ty::$variant), )*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.symbol())
            }
        }
    };
}

operator_enum!(
    /// The operator of BINARY_OP, numbered like CPython 3.11's `NB_*`
    /// constants so `dis` output lines up with CPython's.
    BinaryOperator, BinaryOp {
        Add = 0 => "+",
        And = 1 => "&",
        FloorDivide = 2 => "//",
        Lshift = 3 => "<<",
        MatrixMultiply = 4 => "@",
        Multiply = 5 => "*",
        Remainder = 6 => "%",
        Or = 7 => "|",
        Power = 8 => "**",
        Rshift = 9 => ">>",
        Subtract = 10 => "-",
        TrueDivide = 11 => "/",
        Xor = 12 => "^",
        InplaceAdd = 13 => "+=",
        InplaceAnd = 14 => "&=",
        InplaceFloorDivide = 15 => "//=",
        InplaceLshift = 16 => "<<=",
        InplaceMatrixMultiply = 17 => "@=",
        InplaceMultiply = 18 => "*=",
        InplaceRemainder = 19 => "%=",
        InplaceOr = 20 => "|=",
        InplacePower = 21 => "**=",
        InplaceRshift = 22 => ">>=",
        InplaceSubtract = 23 => "-=",
        InplaceTrueDivide = 24 => "/=",
        InplaceXor = 25 => "^=",
    }
);

impl BinaryOperator {
    /// True for the augmented-assignment forms (`+=`...), which try
    /// `__iadd__` before falling back to `__add__`.
    pub fn is_inplace(self) -> bool {
        self as u8 >= BinaryOperator::InplaceAdd as u8
    }

    /// The plain operator behind an in-place one (`+=` -> `+`).
    pub fn without_inplace(self) -> BinaryOperator {
        if self.is_inplace() {
            BinaryOperator::ALL[(self as u8 - BinaryOperator::InplaceAdd as u8) as usize]
        } else {
            self
        }
    }
}

operator_enum!(
    /// The operator of COMPARE_OP, numbered like CPython's `Py_LT`...
    ComparisonOperator, CompareOp {
        Less = 0 => "<",
        LessEqual = 1 => "<=",
        Equal = 2 => "==",
        NotEqual = 3 => "!=",
        Greater = 4 => ">",
        GreaterEqual = 5 => ">=",
    }
);

operator_enum!(
    /// The form of RAISE_VARARGS; the value is how many operands it pops.
    RaiseKind, RaiseKind {
        Reraise = 0 => "raise",
        Raise = 1 => "raise exc",
        RaiseFrom = 2 => "raise exc from cause",
    }
);

operator_enum!(
    /// How many values BUILD_SLICE pops: `start, stop` or `start, stop, step`.
    SliceArgc, SliceArgc {
        Two = 2 => "2",
        Three = 3 => "3",
    }
);

/// Which optional values MAKE_FUNCTION pops below the code object
/// (CPython 3.11's flag bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct MakeFunctionFlags(pub u8);

impl MakeFunctionFlags {
    /// A tuple of positional defaults.
    pub const DEFAULTS: MakeFunctionFlags = MakeFunctionFlags(0x01);
    /// A dict of keyword-only defaults.
    pub const KWDEFAULTS: MakeFunctionFlags = MakeFunctionFlags(0x02);
    /// A tuple of annotations, `(name, value, name, value, ...)`.
    pub const ANNOTATIONS: MakeFunctionFlags = MakeFunctionFlags(0x04);
    /// A tuple of cells for the function's freevars.
    pub const CLOSURE: MakeFunctionFlags = MakeFunctionFlags(0x08);
    const ALL_BITS: u8 = 0x0f;

    /// The empty set.
    pub const fn empty() -> Self {
        MakeFunctionFlags(0)
    }
    /// True if every bit of `other` is set.
    pub const fn contains(self, other: MakeFunctionFlags) -> bool {
        self.0 & other.0 == other.0
    }
    /// The union.
    pub const fn union(self, other: MakeFunctionFlags) -> Self {
        MakeFunctionFlags(self.0 | other.0)
    }
    /// How many optional values are popped.
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }
}

impl std::ops::BitOr for MakeFunctionFlags {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        self.union(rhs)
    }
}

impl Operand for MakeFunctionFlags {
    const KIND: OperandKind = OperandKind::MakeFunctionFlags;
    fn to_raw(self) -> u32 {
        self.0 as u32
    }
    fn from_raw(raw: u32) -> Option<Self> {
        (raw <= Self::ALL_BITS as u32).then_some(MakeFunctionFlags(raw as u8))
    }
}

impl fmt::Display for MakeFunctionFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [
            (Self::DEFAULTS, "defaults"),
            (Self::KWDEFAULTS, "kwdefaults"),
            (Self::ANNOTATIONS, "annotations"),
            (Self::CLOSURE, "closure"),
        ];
        let set: Vec<&str> = names
            .iter()
            .filter(|(flag, _)| self.contains(*flag))
            .map(|(_, name)| *name)
            .collect();
        if set.is_empty() {
            f.write_str("0")
        } else {
            f.write_str(&set.join(", "))
        }
    }
}

/// The `!s`/`!r`/`!a` conversion of an f-string replacement field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[repr(u8)]
pub enum Conversion {
    /// No conversion: `format(value, spec)`.
    #[default]
    None = 0,
    /// `!s`: `str(value)` first.
    Str = 1,
    /// `!r`: `repr(value)` first.
    Repr = 2,
    /// `!a`: `ascii(value)` first.
    Ascii = 3,
}

/// The operand of FORMAT_VALUE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct FormatFlags {
    /// Conversion applied before formatting.
    pub conversion: Conversion,
    /// A format spec string is on the stack above the value.
    pub has_spec: bool,
}

impl Operand for FormatFlags {
    const KIND: OperandKind = OperandKind::FormatFlags;
    fn to_raw(self) -> u32 {
        self.conversion as u32 | (self.has_spec as u32) << 2
    }
    fn from_raw(raw: u32) -> Option<Self> {
        if raw > 7 {
            return None;
        }
        let conversion = match raw & 3 {
            0 => Conversion::None,
            1 => Conversion::Str,
            2 => Conversion::Repr,
            _ => Conversion::Ascii,
        };
        Some(FormatFlags {
            conversion,
            has_spec: raw & 4 != 0,
        })
    }
}

impl fmt::Display for FormatFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let conv = match self.conversion {
            Conversion::None => "",
            Conversion::Str => "str",
            Conversion::Repr => "repr",
            Conversion::Ascii => "ascii",
        };
        match (conv, self.has_spec) {
            ("", false) => f.write_str("0"),
            ("", true) => f.write_str("with format"),
            (c, false) => f.write_str(c),
            (c, true) => write!(f, "{c}, with format"),
        }
    }
}

/// The operand of UNPACK_EX: how many targets come before and after the
/// starred one in `a, *b, c = ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct UnpackExCounts {
    /// Targets before the star.
    pub before: u16,
    /// Targets after the star.
    pub after: u16,
}

impl Operand for UnpackExCounts {
    const KIND: OperandKind = OperandKind::UnpackEx;
    fn to_raw(self) -> u32 {
        self.before as u32 | (self.after as u32) << 16
    }
    fn from_raw(raw: u32) -> Option<Self> {
        Some(UnpackExCounts {
            before: raw as u16,
            after: (raw >> 16) as u16,
        })
    }
}

impl fmt::Display for UnpackExCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} before, {} after", self.before, self.after)
    }
}
