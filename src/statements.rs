//! Which lines are statements, as coverage counts them (coverage.py's
//! rules, from the syntax tree): every statement's first line, each
//! decorator, each `except` and `case` clause; not docstrings, nor
//! `else:`/`finally:` lines. A statement spread over lines, or a compound
//! statement's header, owns the lines up to its end (its body's first
//! line, for a header).

use krait_analysis::coverage::StatementSpan;
use krait_ast::{Constant, ExprKind, Mod, Stmt, StmtKind};

/// The statements of a parsed module.
pub(crate) fn statement_spans(module: &Mod) -> Vec<StatementSpan> {
    let mut spans = Vec::new();
    if let Mod::Module { body } | Mod::Interactive { body } = module {
        // An explicit stack: nesting depth cannot overflow the Rust stack.
        let mut pending: Vec<(&[Stmt], bool)> = vec![(body, true)];
        while let Some((body, docstring_allowed)) = pending.pop() {
            for (position, stmt) in body.iter().enumerate() {
                if docstring_allowed && position == 0 && is_docstring(stmt) {
                    continue;
                }
                add_statement(stmt, &mut spans, &mut pending);
            }
        }
    }
    spans.sort();
    spans
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(
        &stmt.node,
        StmtKind::Expr { value } if matches!(&value.node, ExprKind::Constant { value: Constant::Str(_), .. })
    )
}

/// The span of a clause header starting at `start` whose body is `body`.
fn header(start: u32, body: &[Stmt]) -> StatementSpan {
    let end = body
        .first()
        .map_or(start, |first| first.loc.lineno.saturating_sub(1))
        .max(start);
    StatementSpan { start, end }
}

fn add_statement<'a>(
    stmt: &'a Stmt,
    spans: &mut Vec<StatementSpan>,
    pending: &mut Vec<(&'a [Stmt], bool)>,
) {
    let start = stmt.loc.lineno;
    match &stmt.node {
        StmtKind::FunctionDef {
            body,
            decorator_list,
            ..
        }
        | StmtKind::AsyncFunctionDef {
            body,
            decorator_list,
            ..
        }
        | StmtKind::ClassDef {
            body,
            decorator_list,
            ..
        } => {
            for decorator in decorator_list {
                spans.push(StatementSpan {
                    start: decorator.loc.lineno,
                    end: decorator.loc.end_lineno.max(decorator.loc.lineno),
                });
            }
            spans.push(header(start, body));
            pending.push((body, true));
        }
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => {
            spans.push(header(start, body));
            pending.push((body, false));
            pending.push((orelse, false));
        }
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => {
            spans.push(header(start, body));
            pending.push((body, false));
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
            spans.push(header(start, body));
            pending.push((body, false));
            for handler in handlers {
                spans.push(header(handler.loc.lineno, &handler.body));
                pending.push((&handler.body, false));
            }
            pending.push((orelse, false));
            pending.push((finalbody, false));
        }
        StmtKind::Match { cases, .. } => {
            let end = cases
                .first()
                .map_or(start, |case| case.pattern.loc.lineno.saturating_sub(1))
                .max(start);
            spans.push(StatementSpan { start, end });
            for case in cases {
                spans.push(header(case.pattern.loc.lineno, &case.body));
                pending.push((&case.body, false));
            }
        }
        _ => spans.push(StatementSpan {
            start,
            end: stmt.loc.end_lineno.max(start),
        }),
    }
}
