//! The SyntaxWarnings of CPython 3.11's compiler: code that compiles but
//! is almost surely a mistake (`x is 1`, `(1, 2)(3)` for a missing comma,
//! `assert (x, "message")`). The checks look at the tree as CPython's AST
//! optimizer leaves it: `-1` and tuples of constants count as literals.

use krait_ast::{CmpOp, Expr, ExprKind};
use krait_bytecode::Constant;

use crate::fold;

/// A warning the compiler raised, for the host to report through
/// `warnings` (`file:line: SyntaxWarning: message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub message: String,
    pub line: u32,
}

/// The type a constant expression folds to, by name (`None` when the
/// expression is not a constant after folding).
fn folded_constant(expr: &Expr) -> Option<&'static str> {
    fold::constant(expr).map(|c| c.type_name())
}

/// CPython's `infer_type`: the type of a display, comprehension, lambda,
/// f-string or constant, without running it.
fn inferred_type(expr: &Expr) -> Option<&'static str> {
    match &expr.node {
        ExprKind::Tuple { .. } => Some("tuple"),
        ExprKind::List { .. } | ExprKind::ListComp { .. } => Some("list"),
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => Some("dict"),
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => Some("set"),
        ExprKind::GeneratorExp { .. } => Some("generator"),
        ExprKind::Lambda { .. } => Some("function"),
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => Some("str"),
        ExprKind::Slice { .. } => Some("slice"),
        _ => folded_constant(expr),
    }
}

/// An operand of `is` that is a literal (not None, True, False or `...`).
fn is_literal(expr: &Expr) -> bool {
    fold::constant(expr)
        .is_some_and(|c| !matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis))
}

/// `x is 1`: "\"is\" with a literal. Did you mean \"==\"?".
pub fn identity_with_literal(
    left: &Expr,
    ops: &[CmpOp],
    comparators: &[Expr],
) -> Option<&'static str> {
    let mut left_literal = is_literal(left);
    for (op, right) in ops.iter().zip(comparators) {
        let right_literal = is_literal(right);
        if left_literal || right_literal {
            match op {
                CmpOp::Is => return Some("\"is\" with a literal. Did you mean \"==\"?"),
                CmpOp::IsNot => return Some("\"is not\" with a literal. Did you mean \"!=\"?"),
                _ => {}
            }
        }
        left_literal = right_literal;
    }
    None
}

/// `(1, 2)(3)`: calling a display, comprehension, f-string or constant.
pub fn not_callable(func: &Expr) -> Option<String> {
    let callable_never = matches!(
        func.node,
        ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::Dict { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. }
    ) || fold::constant(func).is_some();
    let name = inferred_type(func).filter(|_| callable_never)?;
    Some(format!(
        "'{name}' object is not callable; perhaps you missed a comma?"
    ))
}

/// `5[0]`: subscripting what never supports it.
pub fn not_subscriptable(value: &Expr) -> Option<String> {
    let name = match fold::constant(value) {
        Some(
            c @ (Constant::None
            | Constant::Ellipsis
            | Constant::Bool(_)
            | Constant::Int(_)
            | Constant::BigInt(_)
            | Constant::Float(_)
            | Constant::Complex { .. }
            | Constant::FrozenSet(_)),
        ) => c.type_name(),
        Some(_) => return None,
        None => match &value.node {
            ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => inferred_type(value)?,
            _ => return None,
        },
    };
    Some(format!(
        "'{name}' object is not subscriptable; perhaps you missed a comma?"
    ))
}

/// `"abc"["0"]`: a sequence display indexed by what is not an integer.
pub fn bad_index(value: &Expr, index: &Expr) -> Option<String> {
    let index_type = inferred_type(index)?;
    if matches!(index_type, "int" | "bool" | "slice") {
        return None;
    }
    let sequence = match &value.node {
        ExprKind::Tuple { .. }
        | ExprKind::List { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::JoinedStr { .. }
        | ExprKind::FormattedValue { .. } => inferred_type(value)?,
        _ => match folded_constant(value)? {
            name @ ("str" | "bytes" | "tuple") => name,
            _ => return None,
        },
    };
    Some(format!(
        "{sequence} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
    ))
}

/// `assert (x, "message")`: a non-empty tuple is always true.
pub fn always_true_assertion(test: &Expr) -> bool {
    matches!(&test.node, ExprKind::Tuple { elts, .. } if !elts.is_empty())
}
