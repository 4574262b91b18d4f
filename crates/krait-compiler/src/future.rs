//! `from __future__ import ...`: which features a module turns on, and
//! CPython's SyntaxErrors for future statements that are unknown or out
//! of place (`Python/future.c`).

use krait_ast::{Constant, ExprKind, Location, Mod, Stmt, StmtKind};

use crate::codegen::CodegenError;

/// Features that change how krait compiles; the others (all mandatory
/// in 3.11) are accepted and change nothing.
const KNOWN: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// What the future statements of a module ask for.
#[derive(Default)]
pub struct Features {
    /// PEP 563: annotations are kept as strings, not evaluated.
    pub annotations: bool,
    /// The future statements in their allowed place (after the docstring,
    /// before anything else); any other one is an error.
    leading: Vec<Location>,
}

impl Features {
    /// Whether the future statement at `loc` stands where it may.
    pub fn is_leading(&self, loc: Location) -> bool {
        self.leading.contains(&loc)
    }
}

/// Reads the leading future statements of `module`.
pub fn scan(module: &Mod) -> Result<Features, CodegenError> {
    let mut features = Features::default();
    let body = match module {
        Mod::Module { body } | Mod::Interactive { body } => body,
        Mod::Expression { .. } => return Ok(features),
    };
    let mut statements = body.iter().peekable();
    if let Some(first) = statements.peek()
        && is_docstring(first)
    {
        statements.next();
    }
    for stmt in statements {
        let StmtKind::ImportFrom {
            module: Some(module),
            names,
            level: 0,
        } = &stmt.node
        else {
            break;
        };
        if module != "__future__" {
            break;
        }
        for alias in names {
            let at_start = Location {
                end_lineno: stmt.loc.lineno,
                end_col_offset: stmt.loc.col_offset + 1,
                ..stmt.loc
            };
            match alias.name.as_str() {
                "braces" => return Err(error("not a chance", at_start)),
                "annotations" => features.annotations = true,
                name if KNOWN.contains(&name) => {}
                name => {
                    return Err(error(
                        format!("future feature {name} is not defined"),
                        at_start,
                    ));
                }
            }
        }
        features.leading.push(stmt.loc);
    }
    Ok(features)
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(
        &stmt.node,
        StmtKind::Expr { value } if matches!(
            &value.node,
            ExprKind::Constant { value: Constant::Str(_), .. }
        )
    )
}

fn error(message: impl Into<String>, loc: Location) -> CodegenError {
    CodegenError {
        message: message.into(),
        loc,
    }
}

/// The error for a future statement anywhere but the start of the file.
pub fn misplaced(loc: Location) -> CodegenError {
    error(
        "from __future__ imports must occur at the beginning of the file",
        loc,
    )
}
