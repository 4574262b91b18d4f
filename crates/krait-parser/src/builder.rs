//! What the grammar's actions call: node constructors with CPython's
//! locations, target checks (Store/Del contexts), argument and parameter
//! validation. Every error here is a [`PError`] at a byte range; `lib.rs`
//! turns it into the public `SyntaxError`.

use std::cell::RefCell;
use std::collections::HashMap;

use krait_ast::*;
use krait_lexer::{ErrorKind, FStringPart, LexError, LineIndex, Tok};
use lalrpop_util::ParseError;

/// An error found while parsing, located by byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct PError {
    pub kind: ErrorKind,
    pub message: String,
    pub start: usize,
    pub end: usize,
    /// The line to report when it is not the line of `start`.
    pub lineno: Option<u32>,
}

impl PError {
    pub fn new(message: impl Into<String>, start: usize, end: usize) -> PError {
        PError {
            kind: ErrorKind::SyntaxError,
            message: message.into(),
            start,
            end,
            lineno: None,
        }
    }
}

impl From<LexError> for PError {
    fn from(e: LexError) -> PError {
        PError {
            kind: e.kind,
            message: e.message,
            start: e.offset,
            end: e.offset,
            lineno: e.lineno,
        }
    }
}

pub type R<T> = Result<T, ParseError<usize, Tok, PError>>;

fn fail<T>(e: PError) -> R<T> {
    Err(ParseError::User { error: e })
}

/// The items of `with (a as b, ...)` and the offset of its first `as`.
pub type ClaimedWithItems = (Vec<WithItem>, usize);

/// State shared by the actions of one parse.
pub struct Ctx<'s> {
    pub source: &'s str,
    pub index: &'s LineIndex,
    /// `with (a as b, ...)`: the items of a parenthesized with-item list, keyed
    /// by the position of its `(`. The atom returns a placeholder that only a
    /// `with` statement may claim; anything left unclaimed is a syntax error.
    pub with_items: RefCell<HashMap<(u32, u32), ClaimedWithItems>>,
}

impl<'s> Ctx<'s> {
    pub fn new(source: &'s str, index: &'s LineIndex) -> Ctx<'s> {
        Ctx {
            source,
            index,
            with_items: RefCell::new(HashMap::new()),
        }
    }

    pub fn loc(&self, l: usize, r: usize) -> Location {
        let (lineno, col_offset) = self.index.line_col(l);
        let (end_lineno, end_col_offset) = self.index.line_col(r);
        Location {
            lineno,
            col_offset,
            end_lineno,
            end_col_offset,
        }
    }

    /// Byte offset of a (line, column) position.
    pub fn offset(&self, lineno: u32, col: u32) -> usize {
        self.index.line_start(lineno).unwrap_or(0) + col as usize
    }

    pub fn start_of(&self, loc: &Location) -> usize {
        self.offset(loc.lineno, loc.col_offset)
    }

    pub fn end_of(&self, loc: &Location) -> usize {
        self.offset(loc.end_lineno, loc.end_col_offset)
    }

    pub fn err_at(&self, loc: &Location, message: impl Into<String>) -> PError {
        PError::new(message, self.start_of(loc), self.end_of(loc))
    }

    pub fn expr(&self, node: ExprKind, l: usize, r: usize) -> Expr {
        Expr {
            node,
            loc: self.loc(l, r),
        }
    }

    pub fn constant(&self, value: Constant, l: usize, r: usize) -> Expr {
        self.expr(ExprKind::Constant { value, kind: None }, l, r)
    }

    pub fn bin(&self, left: Expr, op: Operator, right: Expr, l: usize, r: usize) -> Expr {
        self.expr(
            ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            },
            l,
            r,
        )
    }

    pub fn stmt(&self, node: StmtKind, l: usize, r: usize) -> Stmt {
        Stmt {
            node,
            loc: self.loc(l, r),
        }
    }

    /// A statement from `l` to the end of `last` (its last sub-statement).
    pub fn stmt_to(&self, node: StmtKind, l: usize, last: Location) -> Stmt {
        let mut loc = self.loc(l, l);
        loc.end_lineno = last.end_lineno;
        loc.end_col_offset = last.end_col_offset;
        Stmt { node, loc }
    }

    pub fn arg(&self, name: String, annotation: Option<Expr>, l: usize, r: usize) -> Arg {
        Arg {
            arg: name,
            annotation: annotation.map(Box::new),
            loc: self.loc(l, r),
        }
    }
}

/// The location of the last statement of `orelse`, or else of `body`.
pub fn end_of(body: &[Stmt], orelse: &[Stmt]) -> Location {
    orelse
        .last()
        .or(body.last())
        .map(|s| s.loc)
        .unwrap_or_default()
}

// ---------------------------------------------------------------- targets

/// CPython's name for an expression in messages (`_PyPegen_get_expr_name`).
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, if any.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.node {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        ExprKind::Starred { value, .. } if !del => invalid_target(value, del),
        _ => Some(e),
    }
}

fn target_message(bad: &Expr, del: bool) -> String {
    match (&bad.node, del) {
        (ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }, false) => {
            "assignment to yield expression not possible".into()
        }
        (_, false) => format!("cannot assign to {}", expr_name(bad)),
        (_, true) => format!("cannot delete {}", expr_name(bad)),
    }
}

fn set_context(e: &mut Expr, new: ExprContext) {
    match &mut e.node {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new;
            for x in elts {
                set_context(x, new);
            }
        }
        ExprKind::Starred { value, ctx } => {
            *ctx = new;
            set_context(value, new);
        }
        _ => {}
    }
}

/// `e` as an assignment target (Store context), or CPython's error.
pub fn store(ctx: &Ctx, mut e: Expr) -> R<Expr> {
    if let Some(bad) = invalid_target(&e, false) {
        return fail(ctx.err_at(&bad.loc, target_message(bad, false)));
    }
    set_context(&mut e, ExprContext::Store);
    Ok(e)
}

pub fn delete(ctx: &Ctx, targets: Vec<Expr>, l: usize, r: usize) -> R<Stmt> {
    let mut out = Vec::with_capacity(targets.len());
    for mut t in targets {
        if let Some(bad) = invalid_target(&t, true) {
            return fail(ctx.err_at(&bad.loc, target_message(bad, true)));
        }
        set_context(&mut t, ExprContext::Del);
        out.push(t);
    }
    Ok(ctx.stmt(StmtKind::Delete { targets: out }, l, r))
}

/// Whether CPython's `invalid_named_expression` rule would see `e` as a
/// `bitwise_or` (it then says "... here. Maybe you meant '==' ...").
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.node,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
            | ExprKind::Constant {
                value: Constant::None | Constant::Bool(_),
                ..
            }
    )
}

pub fn assign(ctx: &Ctx, first: Expr, rest: Vec<(usize, Expr)>, l: usize, r: usize) -> R<Stmt> {
    let mut exprs: Vec<Expr> = std::iter::once(first)
        .chain(rest.into_iter().map(|(_, e)| e))
        .collect();
    let value = exprs.pop().expect("at least one '='");
    let n = exprs.len();
    let mut targets = Vec::with_capacity(n);
    for (i, t) in exprs.into_iter().enumerate() {
        if let Some(bad) = invalid_target(&t, false) {
            let message = if i == 0
                && n == 1
                && std::ptr::eq(bad, &t)
                && is_bitwise_or_level(&t)
                && is_bitwise_or_level(&value)
            {
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                )
            } else {
                target_message(bad, false)
            };
            return fail(ctx.err_at(&bad.loc, message));
        }
        targets.push(store(ctx, t)?);
    }
    Ok(ctx.stmt(
        StmtKind::Assign {
            targets,
            value: Box::new(value),
        },
        l,
        r,
    ))
}

pub fn aug_assign(
    ctx: &Ctx,
    target: Expr,
    op: Operator,
    value: Expr,
    l: usize,
    r: usize,
) -> R<Stmt> {
    match target.node {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            return fail(ctx.err_at(
                &target.loc,
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&target)
                ),
            ));
        }
    }
    let target = store(ctx, target)?;
    Ok(ctx.stmt(
        StmtKind::AugAssign {
            target: Box::new(target),
            op,
            value: Box::new(value),
        },
        l,
        r,
    ))
}

pub fn ann_assign(
    ctx: &Ctx,
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> R<Stmt> {
    let simple = match &target.node {
        // A parenthesized name starts after the statement's first token.
        ExprKind::Name { .. } => i32::from(ctx.start_of(&target.loc) == l),
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => 0,
        ExprKind::Tuple { .. } => {
            return fail(ctx.err_at(
                &target.loc,
                "only single target (not tuple) can be annotated",
            ));
        }
        ExprKind::List { .. } => {
            return fail(ctx.err_at(
                &target.loc,
                "only single target (not list) can be annotated",
            ));
        }
        _ => return fail(ctx.err_at(&target.loc, "illegal target for annotation")),
    };
    let target = store(ctx, target)?;
    Ok(ctx.stmt(
        StmtKind::AnnAssign {
            target: Box::new(target),
            annotation: Box::new(annotation),
            value: value.map(Box::new),
            simple,
        },
        l,
        r,
    ))
}

// ---------------------------------------------------------------- statements

pub fn import_from(
    ctx: &Ctx,
    dots: Vec<i32>,
    module: Option<String>,
    names: Vec<Alias>,
    l: usize,
    r: usize,
) -> R<Stmt> {
    let level: i32 = dots.iter().sum();
    if level == 0 && module.is_none() {
        return fail(PError::new("invalid syntax", l + 4, l + 4));
    }
    Ok(ctx.stmt(
        StmtKind::ImportFrom {
            module,
            names,
            level,
        },
        l,
        r,
    ))
}

type Elif = (usize, Expr, Vec<Stmt>);

pub fn if_stmt(
    ctx: &Ctx,
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<Elif>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (el, t, b) in elifs.into_iter().rev() {
        let end = end_of(&b, &tail);
        let node = StmtKind::If {
            test: Box::new(t),
            body: b,
            orelse: tail,
        };
        tail = vec![ctx.stmt_to(node, el, end)];
    }
    let end = end_of(&body, &tail);
    ctx.stmt_to(
        StmtKind::If {
            test: Box::new(test),
            body,
            orelse: tail,
        },
        l,
        end,
    )
}

pub fn try_stmt(
    ctx: &Ctx,
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<(bool, ExceptHandler)>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> R<Stmt> {
    let star = handlers.first().is_some_and(|h| h.0);
    if let Some((_, h)) = handlers.iter().find(|h| h.0 != star) {
        return fail(ctx.err_at(
            &h.loc,
            "cannot have both 'except' and 'except*' on the same 'try'",
        ));
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.1).collect();
    let end = if let Some(s) = finalbody.last().or(orelse.last()) {
        s.loc
    } else if let Some(h) = handlers.last() {
        h.loc
    } else {
        end_of(&body, &[])
    };
    let node = if star {
        StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        }
    } else {
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
    };
    Ok(ctx.stmt_to(node, l, end))
}

pub fn except_clause(
    ctx: &Ctx,
    l: usize,
    star: bool,
    typ: Option<(Expr, Option<String>)>,
    body: Vec<Stmt>,
) -> R<(bool, ExceptHandler)> {
    if star && typ.is_none() {
        return fail(PError::new(
            "expected one or more exception types",
            l,
            l + 6,
        ));
    }
    let (typ, name) = match typ {
        Some((t, n)) => (Some(Box::new(t)), n),
        None => (None, None),
    };
    let end = end_of(&body, &[]);
    let mut loc = ctx.loc(l, l);
    loc.end_lineno = end.end_lineno;
    loc.end_col_offset = end.end_col_offset;
    Ok((
        star,
        ExceptHandler {
            typ,
            name,
            body,
            loc,
        },
    ))
}

pub fn with_stmt(
    ctx: &Ctx,
    l: usize,
    is_async: bool,
    mut items: Vec<(Expr, Option<Expr>)>,
    body: Vec<Stmt>,
) -> R<Stmt> {
    let mut out = Vec::with_capacity(items.len());
    if let [(e, None)] = items.as_slice()
        && let ExprKind::Tuple { elts, .. } = &e.node
    {
        let key = (e.loc.lineno, e.loc.col_offset);
        let claimed = ctx.with_items.borrow_mut().remove(&key);
        if let Some((claimed, _)) = claimed {
            out = claimed;
            items.clear();
        } else if !elts.is_empty()
            && !elts
                .iter()
                .any(|x| matches!(x.node, ExprKind::Starred { .. }))
        {
            // `with (a, b):` is two items, as CPython's first alternative reads it.
            if let Some((
                Expr {
                    node: ExprKind::Tuple { elts, .. },
                    ..
                },
                _,
            )) = items.pop()
            {
                out = elts
                    .into_iter()
                    .map(|x| WithItem {
                        context_expr: x,
                        optional_vars: None,
                    })
                    .collect();
            }
        }
    }
    for (e, t) in items {
        let optional_vars = match t {
            Some(t) => Some(Box::new(store(ctx, t)?)),
            None => None,
        };
        out.push(WithItem {
            context_expr: e,
            optional_vars,
        });
    }
    let end = end_of(&body, &[]);
    let node = if is_async {
        StmtKind::AsyncWith { items: out, body }
    } else {
        StmtKind::With { items: out, body }
    };
    Ok(ctx.stmt_to(node, l, end))
}

/// A function definition: `def` or `async def` (`l` at `def`/`async`).
pub type FuncRest = (String, Vec<ParamItem>, Option<Expr>, Vec<Stmt>);

pub fn func_def(
    ctx: &Ctx,
    l: usize,
    is_async: bool,
    decorator_list: Vec<Expr>,
    (name, params, returns, body): FuncRest,
) -> R<Stmt> {
    let args = Box::new(arguments(ctx, params)?);
    let end = end_of(&body, &[]);
    let returns = returns.map(Box::new);
    let node = if is_async {
        StmtKind::AsyncFunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
        }
    } else {
        StmtKind::FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
        }
    };
    Ok(ctx.stmt_to(node, l, end))
}

/// `for` and `async for`.
pub fn for_stmt(
    ctx: &Ctx,
    l: usize,
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
) -> R<Stmt> {
    let target = Box::new(store(ctx, target)?);
    let iter = Box::new(iter);
    let orelse = orelse.unwrap_or_default();
    let r = end_of(&body, &orelse);
    let node = if is_async {
        StmtKind::AsyncFor {
            target,
            iter,
            body,
            orelse,
        }
    } else {
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        }
    };
    Ok(ctx.stmt_to(node, l, r))
}

pub fn class_def(
    ctx: &Ctx,
    l: usize,
    decorator_list: Vec<Expr>,
    name: String,
    args: Option<(Vec<ArgItem>, bool)>,
    body: Vec<Stmt>,
) -> R<Stmt> {
    // A class's bases are not a call: a bare generator expression there is
    // CPython's plain "invalid syntax" at its `for` (or `async`).
    if let Some((items, false)) = &args
        && let [ArgItem::Gen(elt, ..)] = items.as_slice()
    {
        let (start, end) = keyword_after(ctx.source, ctx.end_of(&elt.loc));
        return fail(PError::new("invalid syntax", start, end));
    }
    let (bases, keywords) = call_args(ctx, args, 0, 0)?;
    let end = end_of(&body, &[]);
    Ok(ctx.stmt_to(
        StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        },
        l,
        end,
    ))
}

/// The span of the first word after byte `from` in `source`, past
/// blanks, line continuations, comments and closing parentheses.
fn keyword_after(source: &str, from: usize) -> (usize, usize) {
    let bytes = source.as_bytes();
    let mut at = from.min(bytes.len());
    while at < bytes.len() {
        match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' | b')' => at += 1,
            b'#' => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            _ => break,
        }
    }
    let start = at;
    while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
        at += 1;
    }
    (start, at)
}

// ---------------------------------------------------------------- parameters

pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    /// `*` or `*name`, with a (rejected) default, and the span of the item.
    Star(Option<Arg>, Option<Expr>, usize, usize),
    StarStar(Arg, Option<Expr>, usize, usize),
    Slash(usize, usize),
}

fn arguments(ctx: &Ctx, items: Vec<ParamItem>) -> R<Arguments> {
    let mut a = Arguments::default();
    let mut seen_star: Option<(usize, usize, bool)> = None; // span, bare
    let mut seen_slash = false;
    let mut seen_kwarg = false;
    let mut seen_default = false;
    let mut names: Vec<(String, Location)> = Vec::new();
    for item in items {
        let span = match &item {
            ParamItem::Plain(arg, _) => (ctx.start_of(&arg.loc), ctx.end_of(&arg.loc)),
            ParamItem::Star(_, _, l, r)
            | ParamItem::StarStar(_, _, l, r)
            | ParamItem::Slash(l, r) => (*l, *r),
        };
        if seen_kwarg {
            return fail(PError::new(
                "arguments cannot follow var-keyword argument",
                span.0,
                span.1,
            ));
        }
        match item {
            ParamItem::Slash(l, r) => {
                if seen_slash {
                    return fail(PError::new("/ may appear only once", l, r));
                }
                if seen_star.is_some() {
                    return fail(PError::new("/ must be ahead of *", l, r));
                }
                if a.args.is_empty() {
                    return fail(PError::new("at least one argument must precede /", l, r));
                }
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            ParamItem::Plain(arg, default) => {
                names.push((arg.arg.clone(), arg.loc));
                if seen_star.is_some() {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return fail(ctx.err_at(
                                &arg.loc,
                                "non-default argument follows default argument",
                            ));
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Star(arg, default, l, r) => {
                if let Some(d) = default {
                    return fail(
                        ctx.err_at(&d.loc, "var-positional argument cannot have default value"),
                    );
                }
                if seen_star.is_some() {
                    return fail(PError::new("* argument may appear only once", l, r));
                }
                seen_star = Some((l, r, arg.is_none()));
                if let Some(arg) = arg {
                    names.push((arg.arg.clone(), arg.loc));
                    a.vararg = Some(Box::new(arg));
                }
            }
            ParamItem::StarStar(arg, default, _, _) => {
                if let Some(d) = default {
                    return fail(
                        ctx.err_at(&d.loc, "var-keyword argument cannot have default value"),
                    );
                }
                if let Some((l, r, true)) = seen_star
                    && a.kwonlyargs.is_empty()
                {
                    return fail(PError::new("named arguments must follow bare *", l, r));
                }
                seen_kwarg = true;
                names.push((arg.arg.clone(), arg.loc));
                a.kwarg = Some(Box::new(arg));
            }
        }
    }
    if let Some((l, r, true)) = seen_star
        && a.kwonlyargs.is_empty()
    {
        return fail(PError::new("named arguments must follow bare *", l, r));
    }
    for (i, (name, loc)) in names.iter().enumerate() {
        if names[..i].iter().any(|(n, _)| n == name) {
            return fail(ctx.err_at(
                loc,
                format!("duplicate argument '{name}' in function definition"),
            ));
        }
    }
    Ok(a)
}

pub fn lambda(ctx: &Ctx, params: Vec<ParamItem>, body: Expr, l: usize, r: usize) -> R<Expr> {
    let args = arguments(ctx, params)?;
    Ok(ctx.expr(
        ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        },
        l,
        r,
    ))
}

// ---------------------------------------------------------------- expressions

pub fn tuple_or_single(ctx: &Ctx, items: (Vec<Expr>, bool), l: usize, r: usize) -> Expr {
    let (mut elts, trailing) = items;
    if elts.len() == 1 && !trailing {
        return elts.pop().expect("one element");
    }
    ctx.expr(
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
        l,
        r,
    )
}

pub fn bool_op(ctx: &Ctx, op: BoolOp, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    ctx.expr(ExprKind::BoolOp { op, values }, l, r)
}

pub fn subscript_slice(ctx: &Ctx, items: (Vec<Expr>, bool), l: usize, r: usize) -> Expr {
    let (mut elts, trailing) = items;
    if elts.len() == 1 && !trailing && !matches!(elts[0].node, ExprKind::Starred { .. }) {
        return elts.pop().expect("one element");
    }
    ctx.expr(
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
        l,
        r,
    )
}

pub enum ArgItem {
    Pos(Expr),
    /// A bare generator expression argument `f(x for x in y)`.
    Gen(Expr, Vec<Comprehension>, usize, usize),
    Star(Expr, usize, usize),
    StarStar(Expr, usize, usize),
    Kw(Expr, Expr, usize, usize),
}

/// Positional and keyword arguments of a call (or class bases), checked in
/// CPython's order. `pl..pr` is the span of the parentheses.
fn call_args(
    ctx: &Ctx,
    args: Option<(Vec<ArgItem>, bool)>,
    pl: usize,
    pr: usize,
) -> R<(Vec<Expr>, Vec<Keyword>)> {
    let Some((items, trailing)) = args else {
        return Ok((vec![], vec![]));
    };
    let sole = items.len() == 1 && !trailing;
    let mut pos = Vec::new();
    let mut kws = Vec::new();
    let mut seen_kw = false;
    let mut seen_kwunpack = false;
    for item in items {
        match item {
            ArgItem::Pos(e) => {
                // CPython points just past the argument.
                let at = ctx.end_of(&e.loc);
                if seen_kwunpack {
                    let msg = "positional argument follows keyword argument unpacking";
                    return fail(PError::new(msg, at, at));
                }
                if seen_kw {
                    let msg = "positional argument follows keyword argument";
                    return fail(PError::new(msg, at, at));
                }
                pos.push(e);
            }
            ArgItem::Gen(elt, generators, l, r) => {
                if !sole {
                    return fail(PError::new(
                        "Generator expression must be parenthesized",
                        l,
                        r,
                    ));
                }
                pos.push(ctx.expr(
                    ExprKind::GeneratorExp {
                        elt: Box::new(elt),
                        generators,
                    },
                    pl,
                    pr,
                ));
            }
            ArgItem::Star(e, l, r) => {
                if seen_kwunpack {
                    return fail(PError::new(
                        "iterable argument unpacking follows keyword argument unpacking",
                        l,
                        r,
                    ));
                }
                pos.push(ctx.expr(
                    ExprKind::Starred {
                        value: Box::new(e),
                        ctx: ExprContext::Load,
                    },
                    l,
                    r,
                ));
            }
            ArgItem::StarStar(e, l, r) => {
                seen_kwunpack = true;
                kws.push(Keyword {
                    arg: None,
                    value: e,
                    loc: ctx.loc(l, r),
                });
            }
            ArgItem::Kw(k, v, l, r) => {
                let ExprKind::Name { id, .. } = &k.node else {
                    return fail(PError::new(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        l,
                        ctx.end_of(&k.loc),
                    ));
                };
                if ctx.start_of(&k.loc) != l {
                    return fail(PError::new(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        l,
                        ctx.end_of(&k.loc),
                    ));
                }
                seen_kw = true;
                kws.push(Keyword {
                    arg: Some(id.clone()),
                    value: v,
                    loc: ctx.loc(l, r),
                });
            }
        }
    }
    Ok((pos, kws))
}

pub fn call(
    ctx: &Ctx,
    func: Expr,
    args: Option<(Vec<ArgItem>, bool)>,
    l: usize,
    pl: usize,
    r: usize,
) -> R<Expr> {
    let (args, keywords) = call_args(ctx, args, pl, r)?;
    Ok(ctx.expr(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        l,
        r,
    ))
}

pub enum ParenElem {
    Expr(Expr),
    /// `expr as target` inside `with (...)`, with the item's start offset.
    As(Expr, Expr, usize),
}

pub enum ParenBody {
    List(Vec<ParenElem>, bool),
    Comp(Expr, Vec<Comprehension>),
}

pub fn paren(ctx: &Ctx, body: ParenBody, l: usize, r: usize) -> R<Expr> {
    match body {
        ParenBody::Comp(elt, generators) => Ok(ctx.expr(
            ExprKind::GeneratorExp {
                elt: Box::new(elt),
                generators,
            },
            l,
            r,
        )),
        ParenBody::List(elems, trailing) => {
            if let Some(first_as) = elems.iter().find_map(|e| match e {
                ParenElem::As(_, _, at) => Some(*at),
                ParenElem::Expr(_) => None,
            }) {
                let mut items = Vec::with_capacity(elems.len());
                for e in elems {
                    items.push(match e {
                        ParenElem::Expr(e) => WithItem {
                            context_expr: e,
                            optional_vars: None,
                        },
                        ParenElem::As(e, t, _) => WithItem {
                            context_expr: e,
                            optional_vars: Some(Box::new(store(ctx, t)?)),
                        },
                    });
                }
                let placeholder = ctx.expr(
                    ExprKind::Tuple {
                        elts: vec![],
                        ctx: ExprContext::Load,
                    },
                    l,
                    r,
                );
                ctx.with_items.borrow_mut().insert(
                    (placeholder.loc.lineno, placeholder.loc.col_offset),
                    (items, first_as),
                );
                return Ok(placeholder);
            }
            let mut elts: Vec<Expr> = elems
                .into_iter()
                .map(|e| match e {
                    ParenElem::Expr(e) => e,
                    ParenElem::As(..) => unreachable!(),
                })
                .collect();
            if elts.len() == 1 && !trailing {
                let e = elts.pop().expect("one element");
                if matches!(e.node, ExprKind::Starred { .. }) {
                    return fail(ctx.err_at(&e.loc, "cannot use starred expression here"));
                }
                return Ok(e);
            }
            Ok(ctx.expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                l,
                r,
            ))
        }
    }
}

// ---------------------------------------------------------------- strings

pub enum StrPiece {
    Str(String, bool),
    Bytes(Vec<u8>),
    FString(Vec<FStringPart>),
}

/// Adjacent string literals as one node, as CPython 3.11 joins them.
pub fn strings(ctx: &Ctx, pieces: Vec<(usize, StrPiece, usize)>, l: usize, r: usize) -> R<Expr> {
    crate::fstring::concatenate(ctx, pieces, l, r).map_err(|error| ParseError::User { error })
}
