//! Depth limits without recursion.
//!
//! lalrpop's parser keeps its own stack, so parsing itself never recurses;
//! but dropping or walking a deep tree does. Two guards keep every tree
//! shallow enough for recursive code (the compiler's too):
//! - [`check_tokens`] bounds the depth of every expression from the tokens,
//!   before the parse: within a bracket level, each node on a root-to-leaf
//!   path owns a distinct operator or keyword token of that level; a
//!   chain of binary operators of one precedence nests once per operator,
//!   and chains in the operands of a lower-precedence operator are
//!   siblings, so the longest chain of each precedence, plus the other
//!   tokens between commas, plus the depth of the nested bracket groups,
//!   bounds the depth (a flat sum of products is as deep as its sum).
//! - [`check_tree`] measures the finished tree with an explicit stack and
//!   rejects (and tears down without recursion) trees deeper than
//!   [`MAX_DEPTH`].

use krait_ast::*;
use krait_lexer::{Spanned, Tok};

use crate::builder::PError;

/// The deepest tree the parser returns (statements and expressions).
pub const MAX_DEPTH: usize = 1000;

/// The largest token-estimated depth of one expression.
pub const MAX_EXPR_ESTIMATE: usize = 800;

const MESSAGE: &str = "too many nested expressions";

/// Binary operators by precedence, lowest first: `or`, `and`,
/// comparisons, `|`, `^`, `&`, shifts, `+ -`, `* / // % @`, `**`.
const TIERS: usize = 10;

fn binary_tier(tok: &Tok) -> Option<usize> {
    Some(match tok {
        Tok::Or => 0,
        Tok::And => 1,
        Tok::Less
        | Tok::Greater
        | Tok::EqEqual
        | Tok::NotEqual
        | Tok::LessEqual
        | Tok::GreaterEqual => 2,
        Tok::Vbar => 3,
        Tok::CircumFlex => 4,
        Tok::Amper => 5,
        Tok::LeftShift | Tok::RightShift => 6,
        Tok::Plus | Tok::Minus => 7,
        Tok::Star | Tok::Slash | Tok::DoubleSlash | Tok::Percent | Tok::At => 8,
        Tok::DoubleStar => 9,
        _ => return None,
    })
}

/// What one bracket level has seen since its last comma.
#[derive(Default)]
struct Frame {
    /// Tokens that may each add a level (keywords, unary operators, `.`,
    /// bracket groups themselves).
    other: usize,
    /// Binary operators of each tier since the last operator of a lower
    /// tier, and the most of them in any such stretch: a chain of one tier
    /// nests once per operator, while a lower operator starts a new
    /// operand whose chains are siblings, not deeper.
    run: [usize; TIERS],
    longest: [usize; TIERS],
    max_child: usize,
    best: usize,
    /// The last token ended an operand (a `-` or `*` after it is binary).
    after_operand: bool,
}

impl Frame {
    fn estimate(&self) -> usize {
        self.other + self.longest.iter().sum::<usize>() + self.max_child
    }

    fn binary(&mut self, tier: usize) {
        self.run[tier] += 1;
        self.longest[tier] = self.longest[tier].max(self.run[tier]);
        self.run[tier + 1..].iter_mut().for_each(|run| *run = 0);
    }
}

/// Rejects token streams whose expressions could be deeper than
/// [`MAX_EXPR_ESTIMATE`].
pub fn check_tokens(tokens: &[Spanned]) -> Result<(), PError> {
    let mut stack = vec![Frame::default()];
    for (start, tok, end) in tokens {
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if let Some(f) = stack.last_mut() {
                    f.other += 1;
                }
                stack.push(Frame::default());
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                if stack.len() > 1 {
                    let f = stack.pop().expect("non-empty");
                    let value = f.best.max(f.estimate()) + 1;
                    let parent = stack.last_mut().expect("non-empty");
                    parent.max_child = parent.max_child.max(value);
                    parent.after_operand = true;
                }
            }
            Tok::Comma | Tok::Semi | Tok::Newline | Tok::Indent | Tok::Dedent => {
                let f = stack.last_mut().expect("non-empty");
                let best = f.best.max(f.estimate());
                *f = Frame {
                    best,
                    ..Frame::default()
                };
            }
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::Str { .. }
            | Tok::Bytes(_)
            | Tok::FString(_)
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis => stack.last_mut().expect("non-empty").after_operand = true,
            _ => {
                let f = stack.last_mut().expect("non-empty");
                match binary_tier(tok) {
                    Some(tier) if f.after_operand => f.binary(tier),
                    // A unary `-`, `*args`, a keyword, `.`: one more level.
                    _ => f.other += 1,
                }
                f.after_operand = false;
            }
        }
        let f = stack.last().expect("non-empty");
        if f.estimate() > MAX_EXPR_ESTIMATE {
            return Err(PError::new(MESSAGE, *start, *end));
        }
    }
    Ok(())
}

enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// The depth of a tree, measured with an explicit stack.
pub fn tree_depth(module: &Mod) -> usize {
    let mut stack: Vec<(Node, usize)> = Vec::new();
    match module {
        Mod::Module { body } | Mod::Interactive { body } => {
            stack.extend(body.iter().map(|s| (Node::Stmt(s), 1)));
        }
        Mod::Expression { body } => stack.push((Node::Expr(body), 1)),
    }
    let mut max = 0;
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        let mut exprs: Vec<&Expr> = Vec::new();
        let mut stmts: Vec<&Stmt> = Vec::new();
        match node {
            Node::Stmt(s) => stmt_children(s, &mut exprs, &mut stmts),
            Node::Expr(e) => expr_children(e, &mut exprs),
        }
        stack.extend(exprs.into_iter().map(|e| (Node::Expr(e), d + 1)));
        stack.extend(stmts.into_iter().map(|s| (Node::Stmt(s), d + 1)));
    }
    max
}

fn args_children<'a>(a: &'a Arguments, exprs: &mut Vec<&'a Expr>) {
    let all = a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(a.vararg.as_deref())
        .chain(&a.kwonlyargs);
    for arg in all.chain(a.kwarg.as_deref()) {
        exprs.extend(arg.annotation.as_deref());
    }
    exprs.extend(a.kw_defaults.iter().flatten());
    exprs.extend(&a.defaults);
}

fn stmt_children<'a>(s: &'a Stmt, exprs: &mut Vec<&'a Expr>, stmts: &mut Vec<&'a Stmt>) {
    match &s.node {
        StmtKind::FunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        }
        | StmtKind::AsyncFunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        } => {
            args_children(args, exprs);
            stmts.extend(body);
            exprs.extend(decorator_list);
            exprs.extend(returns.as_deref());
        }
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            exprs.extend(bases);
            exprs.extend(keywords.iter().map(|k| &k.value));
            stmts.extend(body);
            exprs.extend(decorator_list);
        }
        StmtKind::Return { value } => exprs.extend(value.as_deref()),
        StmtKind::Delete { targets } => exprs.extend(targets),
        StmtKind::Assign { targets, value } => {
            exprs.extend(targets);
            exprs.push(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            exprs.push(target);
            exprs.push(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            exprs.push(target);
            exprs.push(annotation);
            exprs.extend(value.as_deref());
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        }
        | StmtKind::AsyncFor {
            target,
            iter,
            body,
            orelse,
        } => {
            exprs.push(target);
            exprs.push(iter);
            stmts.extend(body);
            stmts.extend(orelse);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            exprs.push(test);
            stmts.extend(body);
            stmts.extend(orelse);
        }
        StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
            for i in items {
                exprs.push(&i.context_expr);
                exprs.extend(i.optional_vars.as_deref());
            }
            stmts.extend(body);
        }
        StmtKind::Raise { exc, cause } => {
            exprs.extend(exc.as_deref());
            exprs.extend(cause.as_deref());
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
        | StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts.extend(body);
            for h in handlers {
                exprs.extend(h.typ.as_deref());
                stmts.extend(&h.body);
            }
            stmts.extend(orelse);
            stmts.extend(finalbody);
        }
        StmtKind::Assert { test, msg } => {
            exprs.push(test);
            exprs.extend(msg.as_deref());
        }
        StmtKind::Match { subject, cases } => {
            exprs.push(subject);
            for case in cases {
                pattern_exprs(&case.pattern, exprs);
                exprs.extend(case.guard.as_deref());
                stmts.extend(&case.body);
            }
        }
        StmtKind::Expr { value } => exprs.push(value),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

/// The expressions inside a pattern (values, mapping keys, classes).
/// Patterns themselves nest no deeper than brackets do (200 levels).
fn pattern_exprs<'a>(pattern: &'a Pattern, exprs: &mut Vec<&'a Expr>) {
    match &pattern.node {
        PatternKind::MatchValue { value } => exprs.push(value),
        PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
        PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
            patterns.iter().for_each(|p| pattern_exprs(p, exprs));
        }
        PatternKind::MatchMapping { keys, patterns, .. } => {
            exprs.extend(keys);
            patterns.iter().for_each(|p| pattern_exprs(p, exprs));
        }
        PatternKind::MatchClass {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            exprs.push(cls);
            patterns
                .iter()
                .chain(kwd_patterns)
                .for_each(|p| pattern_exprs(p, exprs));
        }
        PatternKind::MatchAs { pattern, .. } => {
            if let Some(p) = pattern {
                pattern_exprs(p, exprs);
            }
        }
    }
}

fn comp_children<'a>(generators: &'a [Comprehension], exprs: &mut Vec<&'a Expr>) {
    for g in generators {
        exprs.push(&g.target);
        exprs.push(&g.iter);
        exprs.extend(&g.ifs);
    }
}

fn expr_children<'a>(e: &'a Expr, exprs: &mut Vec<&'a Expr>) {
    match &e.node {
        ExprKind::BoolOp { values, .. } => exprs.extend(values),
        ExprKind::NamedExpr { target, value } => {
            exprs.push(target);
            exprs.push(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            exprs.push(left);
            exprs.push(right);
        }
        ExprKind::UnaryOp { operand, .. } => exprs.push(operand),
        ExprKind::Lambda { args, body } => {
            args_children(args, exprs);
            exprs.push(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            exprs.push(test);
            exprs.push(body);
            exprs.push(orelse);
        }
        ExprKind::Dict { keys, values } => {
            exprs.extend(keys.iter().flatten());
            exprs.extend(values);
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            exprs.extend(elts)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            exprs.push(elt);
            comp_children(generators, exprs);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            exprs.push(key);
            exprs.push(value);
            comp_children(generators, exprs);
        }
        ExprKind::Yield { value } => exprs.extend(value.as_deref()),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => exprs.push(value),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            exprs.push(left);
            exprs.extend(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            exprs.push(func);
            exprs.extend(args);
            exprs.extend(keywords.iter().map(|k| &k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            exprs.push(value);
            exprs.extend(format_spec.as_deref());
        }
        ExprKind::JoinedStr { values } => exprs.extend(values),
        ExprKind::Attribute { value, .. }
        | ExprKind::Subscript { value, .. }
        | ExprKind::Starred { value, .. } => {
            exprs.push(value);
            if let ExprKind::Subscript { slice, .. } = &e.node {
                exprs.push(slice);
            }
        }
        ExprKind::Slice { lower, upper, step } => {
            exprs.extend(lower.as_deref());
            exprs.extend(upper.as_deref());
            exprs.extend(step.as_deref());
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

/// Returns the tree if it is at most [`MAX_DEPTH`] deep; otherwise tears it
/// down without recursion and reports the error at its first statement.
pub fn check_tree(module: Mod) -> Result<Mod, PError> {
    if tree_depth(&module) <= MAX_DEPTH {
        return Ok(module);
    }
    teardown(module);
    Err(PError::new(MESSAGE, 0, 0))
}

fn placeholder() -> Expr {
    Expr {
        node: ExprKind::Constant {
            value: Constant::None,
            kind: None,
        },
        loc: Location::default(),
    }
}

fn take(b: &mut Box<Expr>, out: &mut Vec<Expr>) {
    out.push(std::mem::replace(&mut **b, placeholder()));
}

fn take_opt(b: &mut Option<Box<Expr>>, out: &mut Vec<Expr>) {
    if let Some(b) = b.take() {
        out.push(*b);
    }
}

fn take_args(a: &mut Arguments, out: &mut Vec<Expr>) {
    let mut all: Vec<Arg> = std::mem::take(&mut a.posonlyargs);
    all.append(&mut a.args);
    all.append(&mut a.kwonlyargs);
    all.extend(a.vararg.take().map(|b| *b));
    all.extend(a.kwarg.take().map(|b| *b));
    for mut arg in all {
        take_opt(&mut arg.annotation, out);
    }
    out.extend(std::mem::take(&mut a.kw_defaults).into_iter().flatten());
    out.append(&mut a.defaults);
}

/// Drops a tree of any depth with explicit work lists: each node's children
/// are moved out before the (then shallow) node is dropped.
pub fn teardown(module: Mod) {
    let mut exprs: Vec<Expr> = Vec::new();
    let mut stmts: Vec<Stmt> = Vec::new();
    match module {
        Mod::Module { body } | Mod::Interactive { body } => stmts.extend(body),
        Mod::Expression { body } => exprs.push(*body),
    }
    loop {
        if let Some(mut s) = stmts.pop() {
            take_stmt_children(&mut s, &mut exprs, &mut stmts);
        } else if let Some(mut e) = exprs.pop() {
            take_expr_children(&mut e, &mut exprs);
        } else {
            break;
        }
    }
}

fn take_comps(gens: &mut Vec<Comprehension>, out: &mut Vec<Expr>) {
    for g in gens.drain(..) {
        out.push(g.target);
        out.push(g.iter);
        out.extend(g.ifs);
    }
}

fn take_expr_children(e: &mut Expr, out: &mut Vec<Expr>) {
    match &mut e.node {
        ExprKind::BoolOp { values, .. } => out.append(values),
        ExprKind::NamedExpr { target, value } => {
            take(target, out);
            take(value, out);
        }
        ExprKind::BinOp { left, right, .. } => {
            take(left, out);
            take(right, out);
        }
        ExprKind::UnaryOp { operand, .. } => take(operand, out),
        ExprKind::Lambda { args, body } => {
            take_args(args, out);
            take(body, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            take(test, out);
            take(body, out);
            take(orelse, out);
        }
        ExprKind::Dict { keys, values } => {
            out.extend(std::mem::take(keys).into_iter().flatten());
            out.append(values);
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            out.append(elts)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            take(elt, out);
            take_comps(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            take(key, out);
            take(value, out);
            take_comps(generators, out);
        }
        ExprKind::Yield { value } => take_opt(value, out),
        ExprKind::YieldFrom { value }
        | ExprKind::Await { value }
        | ExprKind::Attribute { value, .. }
        | ExprKind::Starred { value, .. } => take(value, out),
        ExprKind::Subscript { value, slice, .. } => {
            take(value, out);
            take(slice, out);
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            take(left, out);
            out.append(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            take(func, out);
            out.append(args);
            out.extend(keywords.drain(..).map(|k| k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            take(value, out);
            take_opt(format_spec, out);
        }
        ExprKind::JoinedStr { values } => out.append(values),
        ExprKind::Slice { lower, upper, step } => {
            take_opt(lower, out);
            take_opt(upper, out);
            take_opt(step, out);
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

fn take_stmt_children(s: &mut Stmt, out: &mut Vec<Expr>, stmts: &mut Vec<Stmt>) {
    match &mut s.node {
        StmtKind::FunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        }
        | StmtKind::AsyncFunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        } => {
            take_args(args, out);
            stmts.append(body);
            out.append(decorator_list);
            take_opt(returns, out);
        }
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            out.append(bases);
            out.extend(keywords.drain(..).map(|k| k.value));
            stmts.append(body);
            out.append(decorator_list);
        }
        StmtKind::Return { value } => take_opt(value, out),
        StmtKind::Delete { targets } => out.append(targets),
        StmtKind::Assign { targets, value } => {
            out.append(targets);
            take(value, out);
        }
        StmtKind::AugAssign { target, value, .. } => {
            take(target, out);
            take(value, out);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            take(target, out);
            take(annotation, out);
            take_opt(value, out);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        }
        | StmtKind::AsyncFor {
            target,
            iter,
            body,
            orelse,
        } => {
            take(target, out);
            take(iter, out);
            stmts.append(body);
            stmts.append(orelse);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            take(test, out);
            stmts.append(body);
            stmts.append(orelse);
        }
        StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
            for i in items.drain(..) {
                out.push(i.context_expr);
                out.extend(i.optional_vars.map(|b| *b));
            }
            stmts.append(body);
        }
        StmtKind::Raise { exc, cause } => {
            take_opt(exc, out);
            take_opt(cause, out);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
        | StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts.append(body);
            for mut h in handlers.drain(..) {
                take_opt(&mut h.typ, out);
                stmts.append(&mut h.body);
            }
            stmts.append(orelse);
            stmts.append(finalbody);
        }
        StmtKind::Assert { test, msg } => {
            take(test, out);
            take_opt(msg, out);
        }
        StmtKind::Match { subject, cases } => {
            take(subject, out);
            for mut case in cases.drain(..) {
                take_opt(&mut case.guard, out);
                stmts.append(&mut case.body);
            }
        }
        StmtKind::Expr { value } => take(value, out),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}
