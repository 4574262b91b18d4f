//! What the grammar's match-statement actions call: pattern nodes with
//! CPython's locations, and the syntax errors CPython's parser reports for
//! patterns (its `invalid_*` rules). Errors that CPython reports while
//! compiling (unreachable patterns, repeated names) are the compiler's.

use krait_ast::*;

use crate::builder::{self as b, Ctx, PError, R};
use lalrpop_util::ParseError;

fn fail<T>(message: &str, start: usize, end: usize) -> R<T> {
    Err(ParseError::User {
        error: PError::new(message, start, end),
    })
}

/// One item of a mapping pattern.
pub enum MappingItem {
    Pair(Expr, Pattern),
    /// `**name`, with the byte offset where it ends.
    Rest(String, usize),
}

/// One argument of a class pattern.
pub enum ClassArg {
    Positional(Pattern),
    /// `name=pattern`.
    Keyword(String, Pattern),
}

/// `match subject: cases`; the statement ends where its last case ends.
pub fn match_stmt(
    ctx: &Ctx,
    l: usize,
    subject: (Vec<Expr>, bool),
    sl: usize,
    sr: usize,
    cases: Vec<MatchCase>,
) -> R<Stmt> {
    if let ([single], false) = (subject.0.as_slice(), subject.1)
        && matches!(single.node, ExprKind::Starred { .. })
    {
        return fail("invalid syntax", sr, sr + 1);
    }
    let subject = b::tuple_or_single(ctx, subject, sl, sr);
    let last = cases.last().expect("the grammar asks for a case");
    let end = b::end_of(&last.body, &[]);
    Ok(ctx.stmt_to(
        StmtKind::Match {
            subject: Box::new(subject),
            cases,
        },
        l,
        end,
    ))
}

fn pattern(ctx: &Ctx, node: PatternKind, l: usize, r: usize) -> Pattern {
    Pattern::new(node, ctx.loc(l, r))
}

/// The patterns of a case: one, or an open sequence `a, *b`.
pub fn open_sequence(ctx: &Ctx, items: (Vec<Pattern>, bool), l: usize, r: usize) -> R<Pattern> {
    let (mut patterns, trailing_comma) = items;
    if patterns.len() == 1 && !trailing_comma {
        let only = patterns.pop().expect("one pattern");
        if matches!(only.node, PatternKind::MatchStar { .. }) {
            return fail("invalid syntax", r, r + 1);
        }
        return Ok(only);
    }
    Ok(sequence(ctx, patterns, l, r))
}

/// `*name` (`*_` binds nothing).
pub fn star(ctx: &Ctx, name: String, l: usize, r: usize) -> R<Pattern> {
    let name = (name != "_").then_some(name);
    Ok(pattern(ctx, PatternKind::MatchStar { name }, l, r))
}

pub fn as_pattern(
    ctx: &Ctx,
    inner: Pattern,
    name: String,
    l: usize,
    name_start: usize,
    r: usize,
) -> R<Pattern> {
    if name == "_" {
        return fail("cannot use '_' as a target", name_start, r);
    }
    Ok(pattern(
        ctx,
        PatternKind::MatchAs {
            pattern: Some(Box::new(inner)),
            name: Some(name),
        },
        l,
        r,
    ))
}

pub fn or(ctx: &Ctx, first: Pattern, rest: Vec<Pattern>, l: usize, r: usize) -> Pattern {
    let mut patterns = vec![first];
    patterns.extend(rest);
    pattern(ctx, PatternKind::MatchOr { patterns }, l, r)
}

/// A literal: `None`, `True` and `False` compare by identity, the others
/// by equality.
pub fn literal(ctx: &Ctx, value: Expr, l: usize, r: usize) -> Pattern {
    match &value.node {
        ExprKind::Constant {
            value: constant @ (Constant::None | Constant::Bool(_)),
            ..
        } => pattern(
            ctx,
            PatternKind::MatchSingleton {
                value: constant.clone(),
            },
            l,
            r,
        ),
        _ => pattern(
            ctx,
            PatternKind::MatchValue {
                value: Box::new(value),
            },
            l,
            r,
        ),
    }
}

/// A bare name captures (`_` is the wildcard); a dotted name is a value.
pub fn capture_or_value(ctx: &Ctx, name_or_attr: Expr, l: usize, r: usize) -> R<Pattern> {
    let node = match name_or_attr.node {
        ExprKind::Name { id, .. } => PatternKind::MatchAs {
            pattern: None,
            name: (id != "_").then_some(id),
        },
        _ => PatternKind::MatchValue {
            value: Box::new(name_or_attr),
        },
    };
    Ok(pattern(ctx, node, l, r))
}

pub fn sequence(ctx: &Ctx, patterns: Vec<Pattern>, l: usize, r: usize) -> Pattern {
    pattern(ctx, PatternKind::MatchSequence { patterns }, l, r)
}

/// `(p)` is the pattern itself; `(p,)` and `(p, q)` are sequences.
pub fn parenthesized(ctx: &Ctx, items: (Vec<Pattern>, bool), l: usize, r: usize) -> R<Pattern> {
    let (mut patterns, trailing_comma) = items;
    if patterns.len() == 1 && !trailing_comma {
        let only = patterns.pop().expect("one pattern");
        if matches!(only.node, PatternKind::MatchStar { .. }) {
            return fail("invalid syntax", r - 1, r);
        }
        return Ok(only);
    }
    Ok(sequence(ctx, patterns, l, r))
}

/// `{key: p, ..., **rest}`: `**rest` only last, and never `**_`.
pub fn mapping(ctx: &Ctx, items: Vec<MappingItem>, l: usize, r: usize) -> R<Pattern> {
    let mut keys = Vec::new();
    let mut patterns = Vec::new();
    let mut rest = None;
    for item in items {
        match item {
            MappingItem::Pair(key, value) => {
                if rest.is_some() {
                    let at = ctx.start_of(&key.loc);
                    return fail("invalid syntax", at, at + 1);
                }
                keys.push(key);
                patterns.push(value);
            }
            MappingItem::Rest(name, end) => {
                let name_start = end - name.len();
                if name == "_" || rest.is_some() {
                    return fail("invalid syntax", name_start, end);
                }
                rest = Some(name);
            }
        }
    }
    Ok(pattern(
        ctx,
        PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        },
        l,
        r,
    ))
}

/// A mapping key that is a name must be dotted (a value, not a capture);
/// CPython points at the colon after a plain name.
pub fn attribute_key(key: Expr, value: Pattern, colon: usize) -> R<MappingItem> {
    if matches!(key.node, ExprKind::Name { .. }) {
        return fail("invalid syntax", colon, colon + 1);
    }
    Ok(MappingItem::Pair(key, value))
}

/// `Cls(p, q, attr=r)`: keyword patterns come last.
pub fn class(ctx: &Ctx, cls: Expr, args: Vec<ClassArg>, l: usize, r: usize) -> R<Pattern> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for arg in args {
        match arg {
            ClassArg::Positional(p) => {
                if !kwd_attrs.is_empty() {
                    return fail(
                        "positional patterns follow keyword patterns",
                        ctx.start_of(&p.loc),
                        ctx.end_of(&p.loc),
                    );
                }
                patterns.push(p);
            }
            ClassArg::Keyword(name, p) => {
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
        }
    }
    Ok(pattern(
        ctx,
        PatternKind::MatchClass {
            cls: Box::new(cls),
            patterns,
            kwd_attrs,
            kwd_patterns,
        },
        l,
        r,
    ))
}

/// `real ± imag` in a pattern: the left side a real number, the right an
/// imaginary one.
pub fn complex(ctx: &Ctx, real: Expr, op: Operator, imag: Expr, l: usize, r: usize) -> R<Expr> {
    let is_number = |e: &Expr, imaginary: bool| match &e.node {
        ExprKind::Constant { value, .. } => matches!(value, Constant::Complex { .. }) == imaginary,
        _ => false,
    };
    let real_part = match &real.node {
        ExprKind::UnaryOp { operand, .. } => operand,
        _ => &real,
    };
    if !is_number(real_part, false) {
        return fail(
            "real number required in complex literal",
            ctx.start_of(&real.loc),
            ctx.end_of(&real.loc),
        );
    }
    if !is_number(&imag, true) {
        return fail(
            "imaginary number required in complex literal",
            ctx.start_of(&imag.loc),
            ctx.end_of(&imag.loc),
        );
    }
    Ok(ctx.bin(real, op, imag, l, r))
}
