//! Expressions back to source text, as CPython's compiler writes them for
//! `from __future__ import annotations` (`Python/ast_unparse.c`): the
//! fewest parentheses that keep the meaning, `repr` of constants (krait-dis
//! writes them as CPython does), one space around binary operators.

use krait_ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator, UnaryOp,
};
use krait_dis::{bytes_repr, complex_repr, str_repr};

/// Binding strength, weakest first: an operand is parenthesised when the
/// place it stands in binds tighter than the operand itself.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Level {
    fn above(self) -> Level {
        use Level::*;
        match self {
            Tuple => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Cmp,
            Cmp => BitOr,
            BitOr => BitXor,
            BitXor => BitAnd,
            BitAnd => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The text of an annotation (CPython unparses it at the level of a test).
pub fn unparse_annotation(expr: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, expr, Level::Test);
    out
}

fn write_expr(out: &mut String, expr: &Expr, level: Level) {
    crate::with_stack(|| write_expr_node(out, expr, level))
}

fn write_expr_node(out: &mut String, expr: &Expr, level: Level) {
    match &expr.node {
        ExprKind::BoolOp { op, values } => {
            let (text, own) = match op {
                BoolOp::And => (" and ", Level::And),
                BoolOp::Or => (" or ", Level::Or),
            };
            parenthesised(out, level > own, |out| {
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(text);
                    }
                    write_expr(out, value, own.above());
                }
            });
        }
        ExprKind::NamedExpr { target, value } => {
            parenthesised(out, level > Level::Tuple, |out| {
                write_expr(out, target, Level::Atom);
                out.push_str(" := ");
                write_expr(out, value, Level::Atom);
            });
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, own) = binary_operator(*op);
            let right_associative = *op == Operator::Pow;
            parenthesised(out, level > own, |out| {
                let (left_level, right_level) = if right_associative {
                    (own.above(), own)
                } else {
                    (own, own.above())
                };
                write_expr(out, left, left_level);
                out.push_str(text);
                write_expr(out, right, right_level);
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, own) = match op {
                UnaryOp::Not => ("not ", Level::Not),
                UnaryOp::Invert => ("~", Level::Factor),
                UnaryOp::UAdd => ("+", Level::Factor),
                UnaryOp::USub => ("-", Level::Factor),
            };
            parenthesised(out, level > own, |out| {
                out.push_str(text);
                write_expr(out, operand, own);
            });
        }
        ExprKind::Lambda { args, body } => {
            parenthesised(out, level > Level::Test, |out| {
                out.push_str("lambda");
                let parameters = parameters(args);
                if !parameters.is_empty() {
                    out.push(' ');
                    out.push_str(&parameters);
                }
                out.push_str(": ");
                write_expr(out, body, Level::Test);
            });
        }
        ExprKind::IfExp { test, body, orelse } => {
            parenthesised(out, level > Level::Test, |out| {
                write_expr(out, body, Level::Test.above());
                out.push_str(" if ");
                write_expr(out, test, Level::Test.above());
                out.push_str(" else ");
                write_expr(out, orelse, Level::Test);
            });
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (key, value)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match key {
                    Some(key) => {
                        write_expr(out, key, Level::Test);
                        out.push_str(": ");
                        write_expr(out, value, Level::Test);
                    }
                    None => {
                        out.push_str("**");
                        write_expr(out, value, Level::BitOr);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                write_list(out, elts);
                out.push('}');
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            write_list(out, elts);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                parenthesised(out, level > Level::Tuple, |out| {
                    write_list(out, elts);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            write_expr(out, elt, Level::Test);
            write_comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            write_expr(out, elt, Level::Test);
            write_comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            write_expr(out, key, Level::Test);
            out.push_str(": ");
            write_expr(out, value, Level::Test);
            write_comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            write_expr(out, elt, Level::Test);
            write_comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::Yield { value } => {
            out.push_str("(yield");
            if let Some(value) = value {
                out.push(' ');
                write_expr(out, value, Level::Test);
            }
            out.push(')');
        }
        ExprKind::Await { value } => {
            parenthesised(out, level > Level::Await, |out| {
                out.push_str("await ");
                write_expr(out, value, Level::Atom);
            });
        }
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            write_expr(out, value, Level::Test);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            parenthesised(out, level > Level::Cmp, |out| {
                write_expr(out, left, Level::Cmp.above());
                for (op, right) in ops.iter().zip(comparators) {
                    out.push_str(comparison(*op));
                    write_expr(out, right, Level::Cmp.above());
                }
            });
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            write_expr(out, func, Level::Atom);
            if let ([only], []) = (args.as_slice(), keywords.as_slice())
                && matches!(only.node, ExprKind::GeneratorExp { .. })
            {
                // `f(x for x in y)`: the generator's own parentheses serve.
                write_expr(out, only, Level::Test);
                return;
            }
            out.push('(');
            write_list(out, args);
            for (i, keyword) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                write_keyword(out, keyword);
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } => {
            out.push('f');
            out.push_str(&str_repr(&fstring_body(std::slice::from_ref(expr))));
        }
        ExprKind::JoinedStr { values } => {
            out.push('f');
            out.push_str(&str_repr(&fstring_body(values)));
        }
        ExprKind::Constant { value, kind } => {
            if kind.as_deref() == Some("u") {
                out.push('u');
            }
            write_constant(out, value);
        }
        ExprKind::Attribute { value, attr, .. } => {
            write_expr(out, value, Level::Atom);
            // `1 .real`: a dot straight after an int would read as a float.
            if let ExprKind::Constant {
                value: Constant::Int(_),
                ..
            } = &value.node
            {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            write_expr(out, value, Level::Atom);
            out.push('[');
            match &slice.node {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    write_list(out, elts);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => write_expr(out, slice, Level::Tuple),
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            write_expr(out, value, Level::BitOr);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Slice { lower, upper, step } => {
            if let Some(lower) = lower {
                write_expr(out, lower, Level::Test);
            }
            out.push(':');
            if let Some(upper) = upper {
                write_expr(out, upper, Level::Test);
            }
            if let Some(step) = step {
                out.push(':');
                write_expr(out, step, Level::Test);
            }
        }
    }
}

fn parenthesised(out: &mut String, needed: bool, body: impl FnOnce(&mut String)) {
    if needed {
        out.push('(');
    }
    body(out);
    if needed {
        out.push(')');
    }
}

fn write_list(out: &mut String, items: &[Expr]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, item, Level::Test);
    }
}

fn write_keyword(out: &mut String, keyword: &Keyword) {
    match &keyword.arg {
        Some(name) => {
            out.push_str(name);
            out.push('=');
            write_expr(out, &keyword.value, Level::Test);
        }
        None => {
            out.push_str("**");
            write_expr(out, &keyword.value, Level::BitOr);
        }
    }
}

fn write_comprehensions(out: &mut String, generators: &[Comprehension]) {
    for generator in generators {
        out.push_str(if generator.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        write_expr(out, &generator.target, Level::Tuple);
        out.push_str(" in ");
        write_expr(out, &generator.iter, Level::Test.above());
        for condition in &generator.ifs {
            out.push_str(" if ");
            write_expr(out, condition, Level::Test.above());
        }
    }
}

/// A lambda's parameters: `a, b=1, /, c, *args, d, e=2, **kw`.
fn parameters(args: &krait_ast::Arguments) -> String {
    let mut parts = Vec::new();
    let positional: Vec<_> = args.posonlyargs.iter().chain(&args.args).collect();
    let first_default = positional.len() - args.defaults.len().min(positional.len());
    for (i, arg) in positional.iter().enumerate() {
        let mut part = arg.arg.clone();
        if i >= first_default {
            part.push('=');
            write_expr(&mut part, &args.defaults[i - first_default], Level::Test);
        }
        parts.push(part);
        if i + 1 == args.posonlyargs.len() {
            parts.push("/".to_string());
        }
    }
    if let Some(vararg) = &args.vararg {
        parts.push(format!("*{}", vararg.arg));
    } else if !args.kwonlyargs.is_empty() {
        parts.push("*".to_string());
    }
    for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
        let mut part = arg.arg.clone();
        if let Some(default) = default {
            part.push('=');
            write_expr(&mut part, default, Level::Test);
        }
        parts.push(part);
    }
    if let Some(kwarg) = &args.kwarg {
        parts.push(format!("**{}", kwarg.arg));
    }
    parts.join(", ")
}

fn binary_operator(op: Operator) -> (&'static str, Level) {
    match op {
        Operator::Add => (" + ", Level::Arith),
        Operator::Sub => (" - ", Level::Arith),
        Operator::Mult => (" * ", Level::Term),
        Operator::MatMult => (" @ ", Level::Term),
        Operator::Div => (" / ", Level::Term),
        Operator::Mod => (" % ", Level::Term),
        Operator::FloorDiv => (" // ", Level::Term),
        Operator::Pow => (" ** ", Level::Power),
        Operator::LShift => (" << ", Level::Shift),
        Operator::RShift => (" >> ", Level::Shift),
        Operator::BitOr => (" | ", Level::BitOr),
        Operator::BitXor => (" ^ ", Level::BitXor),
        Operator::BitAnd => (" & ", Level::BitAnd),
    }
}

fn comparison(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

/// The inside of an f-string: literal text with its braces doubled, and
/// each replacement field as `{expr!c:spec}`.
fn fstring_body(values: &[Expr]) -> String {
    let mut body = String::new();
    for value in values {
        match &value.node {
            ExprKind::Constant {
                value: Constant::Str(text),
                ..
            } => body.push_str(&text.replace('{', "{{").replace('}', "}}")),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut inner = String::new();
                write_expr(&mut inner, value, Level::Test.above());
                body.push('{');
                // `{ {1}}`: a set display must not read as an escaped brace.
                if inner.starts_with('{') {
                    body.push(' ');
                }
                body.push_str(&inner);
                if let Some(c) = char::from_u32(*conversion as u32).filter(|_| *conversion >= 0) {
                    body.push('!');
                    body.push(c);
                }
                if let Some(spec) = format_spec {
                    body.push(':');
                    if let ExprKind::JoinedStr { values } = &spec.node {
                        body.push_str(&fstring_body(values));
                    }
                }
                body.push('}');
            }
            ExprKind::JoinedStr { values } => body.push_str(&fstring_body(values)),
            _ => {}
        }
    }
    body
}

fn write_constant(out: &mut String, value: &Constant) {
    match value {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::Float(f) => out.push_str(&float_repr(*f)),
        Constant::Complex { real, imag } if real.is_finite() && imag.is_finite() => {
            out.push_str(&complex_repr(*real, *imag));
        }
        Constant::Complex { real, imag } => {
            // Infinite parts as the unparser writes them (`1e309j`).
            out.push_str(&complex_repr(*real, *imag).replace("inf", "1e309"));
        }
        Constant::Str(text) => out.push_str(&str_repr(text)),
        Constant::Bytes(bytes) => out.push_str(&bytes_repr(bytes)),
        Constant::Ellipsis => out.push_str("..."),
    }
}

/// `repr(float)`, except that infinity is written `1e309` (which reads
/// back as infinity), as CPython's unparser writes it.
fn float_repr(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "1e309" } else { "-1e309" }.to_string();
    }
    if f.is_nan() {
        return "(1e309-1e309)".to_string();
    }
    krait_dis::float_repr(f)
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn floats_as_python_writes_them() {
        for (value, text) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1.5e-7, "1.5e-07"),
            (123456.789, "123456.789"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-2.5, "-2.5"),
            (f64::INFINITY, "1e309"),
            (1e22, "1e+22"),
            (9999999999999998.0, "9999999999999998.0"),
        ] {
            assert_eq!(float_repr(value), text);
        }
    }
}
