//! Which lines are statements, as coverage counts them (coverage.py's
//! rules, from the syntax tree): every statement's first line, each
//! decorator, each `except` and `case` clause; not docstrings, nor
//! `else:`/`finally:` lines. A statement spread over lines, or a compound
//! statement's header, owns the lines up to its end (its body's first
//! line, for a header).

use std::collections::BTreeSet;

use krait_analysis::coverage::{SourceStatements, StatementSpan};
use krait_ast::{Constant, ExprKind, Mod, Stmt, StmtKind};

/// The statements of a module, and the lines `# pragma: no cover` leaves
/// out: a marked compound statement's whole block, a marked clause line's
/// (`else:`) body, a marked simple statement (all its lines).
pub(crate) fn source_statements(module: &Mod, source: &str) -> SourceStatements {
    let Walk {
        mut spans,
        blocks,
        bodies,
    } = walk(module);
    spans.sort();
    let marked_with = |pragma: &str| -> Vec<u32> {
        source
            .lines()
            .enumerate()
            .filter(|(_, text)| has_pragma(text, pragma))
            .map(|(number, _)| number as u32 + 1)
            .collect()
    };
    // A `no branch` line's statement is the line coverage names.
    let no_branch = marked_with("branch").into_iter().collect();
    let mut excluded = BTreeSet::new();
    for line in marked_with("cover") {
        // The innermost statement whose header (or whole simple
        // statement) holds the line: its block goes.
        let statement = blocks
            .iter()
            .filter(|b| b.header.start <= line && line <= b.header.end)
            .max_by_key(|b| b.header.start);
        let range = match statement {
            Some(block) => block.header.start..=block.end,
            // A clause line (`else:`, `finally:`): the body after it.
            None => match bodies.iter().filter(|(first, _)| *first > line).min() {
                Some(&(_, end)) => line..=end,
                None => line..=line,
            },
        };
        excluded.extend(range);
    }
    SourceStatements {
        spans,
        excluded,
        no_branch,
    }
}

/// `# pragma: no WHAT` (`cover` or `branch`) in coverage.py's default
/// pattern: `#`, `pragma` (or `PRAGMA`), an optional `:`, `no`, WHAT
/// (either case), spaces between.
fn has_pragma(line: &str, what: &str) -> bool {
    let upper = what.to_ascii_uppercase();
    line.match_indices('#').any(|(at, _)| {
        let rest = line[at + 1..].trim_start();
        let Some(rest) = rest
            .strip_prefix("pragma")
            .or_else(|| rest.strip_prefix("PRAGMA"))
        else {
            return false;
        };
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        let Some(rest) = rest.strip_prefix("no").or_else(|| rest.strip_prefix("NO")) else {
            return false;
        };
        let rest = rest.trim_start();
        rest.starts_with(what) || rest.starts_with(upper.as_str())
    })
}

/// A statement's header lines (all its lines, for a simple statement)
/// and the last line of its whole block.
struct Block {
    header: StatementSpan,
    end: u32,
}

/// What one walk of the tree finds.
struct Walk {
    /// The statements coverage counts (clauses and decorators included).
    spans: Vec<StatementSpan>,
    /// Every statement's block.
    blocks: Vec<Block>,
    /// Every body's first and last line.
    bodies: Vec<(u32, u32)>,
}

fn walk(module: &Mod) -> Walk {
    let mut found = Walk {
        spans: Vec::new(),
        blocks: Vec::new(),
        bodies: Vec::new(),
    };
    let (Mod::Module { body } | Mod::Interactive { body }) = module else {
        return found;
    };
    // An explicit stack: nesting depth cannot overflow the Rust stack.
    let mut pending: Vec<(&[Stmt], bool)> = vec![(body, true)];
    while let Some((body, docstring_allowed)) = pending.pop() {
        if let (Some(first), Some(last)) = (body.first(), body.last()) {
            found
                .bodies
                .push((first.loc.lineno, last.loc.end_lineno.max(last.loc.lineno)));
        }
        for (position, stmt) in body.iter().enumerate() {
            if docstring_allowed && position == 0 && is_docstring(stmt) {
                continue;
            }
            let start = stmt.loc.lineno;
            let end = stmt.loc.end_lineno.max(start);
            let children = child_bodies(stmt);
            // A compound statement's header runs to its first body.
            let header = StatementSpan {
                start,
                end: children
                    .iter()
                    .filter_map(|b| b.first())
                    .map(|first| first.loc.lineno.saturating_sub(1))
                    .min()
                    .unwrap_or(end)
                    .max(start),
            };
            found.spans.push(header);
            found.blocks.push(Block { header, end });
            match &stmt.node {
                StmtKind::FunctionDef { decorator_list, .. }
                | StmtKind::AsyncFunctionDef { decorator_list, .. }
                | StmtKind::ClassDef { decorator_list, .. } => {
                    found
                        .spans
                        .extend(decorator_list.iter().map(|d| StatementSpan {
                            start: d.loc.lineno,
                            end: d.loc.end_lineno.max(d.loc.lineno),
                        }));
                }
                StmtKind::Try { handlers, .. } | StmtKind::TryStar { handlers, .. } => {
                    found.spans.extend(
                        handlers
                            .iter()
                            .map(|h| clause_header(h.loc.lineno, &h.body)),
                    );
                }
                StmtKind::Match { cases, .. } => {
                    found.spans.extend(
                        cases
                            .iter()
                            .map(|c| clause_header(c.pattern.loc.lineno, &c.body)),
                    );
                }
                _ => {}
            }
            // Only a function's or a class's body starts with a docstring.
            let definition = matches!(
                stmt.node,
                StmtKind::FunctionDef { .. }
                    | StmtKind::AsyncFunctionDef { .. }
                    | StmtKind::ClassDef { .. }
            );
            pending.extend(children.into_iter().map(|b| (b, definition)));
        }
    }
    found
}

/// The bodies nested in a statement (clauses and handlers included).
fn child_bodies(stmt: &Stmt) -> Vec<&[Stmt]> {
    match &stmt.node {
        StmtKind::FunctionDef { body, .. }
        | StmtKind::AsyncFunctionDef { body, .. }
        | StmtKind::ClassDef { body, .. }
        | StmtKind::With { body, .. }
        | StmtKind::AsyncWith { body, .. } => vec![body],
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => vec![body, orelse],
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
            let mut all: Vec<&[Stmt]> = vec![body, orelse, finalbody];
            all.extend(handlers.iter().map(|h| h.body.as_slice()));
            all
        }
        StmtKind::Match { cases, .. } => cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => Vec::new(),
    }
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(
        &stmt.node,
        StmtKind::Expr { value } if matches!(&value.node, ExprKind::Constant { value: Constant::Str(_), .. })
    )
}

/// The span of a clause header starting at `start` whose body is `body`.
fn clause_header(start: u32, body: &[Stmt]) -> StatementSpan {
    let end = body
        .first()
        .map_or(start, |first| first.loc.lineno.saturating_sub(1))
        .max(start);
    StatementSpan { start, end }
}

#[cfg(test)]
mod tests {
    use super::has_pragma;

    fn has_no_cover_pragma(line: &str) -> bool {
        has_pragma(line, "cover")
    }

    #[test]
    fn the_pragma_is_coverage_pys() {
        for marked in [
            "x = 1  # pragma: no cover",
            "else:  #pragma no cover",
            "# PRAGMA: NO COVER",
            "def f():  # pragma:nocover - debugging only",
            "y = '#'  # pragma: no cover",
        ] {
            assert!(has_no_cover_pragma(marked), "{marked}");
        }
        for unmarked in [
            "x = 1  # no cover",
            "# pragma: cover",
            "x = 'pragma: no cover'",
        ] {
            assert!(!has_no_cover_pragma(unmarked), "{unmarked}");
        }
    }
}
