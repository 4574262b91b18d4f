//! Adjacent string literals and f-strings, joined as CPython 3.11's
//! `Parser/string_parser.c` does, including its locations:
//! - the JoinedStr, every top-level part, and every FormattedValue (also
//!   inside format specs) carry the location of the whole group of literals;
//! - a format spec's JoinedStr, and the literal text that ends it, carry the
//!   location of the one f-string token it is in;
//! - expressions inside fields carry their real positions.

use krait_ast::*;
use krait_lexer::{FStringField, FStringPart};

use crate::builder::{Ctx, PError, StrPiece};

/// CPython's `FstringParser`: pending literal text plus the parts so far.
struct Joiner {
    last_str: String,
    values: Vec<Expr>,
}

impl Joiner {
    fn new() -> Joiner {
        Joiner {
            last_str: String::new(),
            values: Vec::new(),
        }
    }

    /// Turns the pending literal text into a Constant at `loc`.
    fn flush(&mut self, loc: Location, kind: &Option<String>) {
        if !self.last_str.is_empty() {
            let value = Constant::Str(std::mem::take(&mut self.last_str));
            self.values.push(Expr {
                node: ExprKind::Constant {
                    value,
                    kind: kind.clone(),
                },
                loc,
            });
        }
    }
}

pub fn concatenate(
    ctx: &Ctx,
    pieces: Vec<(usize, StrPiece, usize)>,
    l: usize,
    r: usize,
) -> Result<Expr, PError> {
    let group = ctx.loc(l, r);
    let any_bytes = pieces.iter().any(|p| matches!(p.1, StrPiece::Bytes(_)));
    let all_bytes = pieces.iter().all(|p| matches!(p.1, StrPiece::Bytes(_)));
    if any_bytes && !all_bytes {
        return Err(PError::new("cannot mix bytes and nonbytes literals", r, r));
    }
    if all_bytes {
        let mut value = Vec::new();
        for (_, p, _) in pieces {
            if let StrPiece::Bytes(b) = p {
                value.extend(b);
            }
        }
        return Ok(Expr {
            node: ExprKind::Constant {
                value: Constant::Bytes(value),
                kind: None,
            },
            loc: group,
        });
    }
    // CPython reads `kind` from the first token of the group.
    let kind = match pieces.first() {
        Some((_, StrPiece::Str(_, true), _)) => Some("u".to_string()),
        _ => None,
    };
    let fmode = pieces.iter().any(|p| matches!(p.1, StrPiece::FString(_)));
    let mut j = Joiner::new();
    for (tl, piece, tr) in pieces {
        match piece {
            StrPiece::Str(s, _) => j.last_str.push_str(&s),
            StrPiece::Bytes(_) => unreachable!("checked above"),
            StrPiece::FString(parts) => {
                let token = ctx.loc(tl, tr);
                for part in parts {
                    add_part(ctx, &mut j, part, group, token, &kind)?;
                }
            }
        }
    }
    if !fmode {
        let value = Constant::Str(j.last_str);
        return Ok(Expr {
            node: ExprKind::Constant { value, kind },
            loc: group,
        });
    }
    j.flush(group, &kind);
    Ok(Expr {
        node: ExprKind::JoinedStr { values: j.values },
        loc: group,
    })
}

fn add_part(
    ctx: &Ctx,
    j: &mut Joiner,
    part: FStringPart,
    group: Location,
    token: Location,
    kind: &Option<String>,
) -> Result<(), PError> {
    match part {
        FStringPart::Literal { value, .. } => j.last_str.push_str(&value),
        FStringPart::Field(field) => {
            if let Some(text) = &field.debug_text {
                j.last_str.push_str(text);
            }
            let value = field_value(ctx, field, group, token, kind)?;
            j.flush(group, kind);
            j.values.push(value);
        }
    }
    Ok(())
}

fn field_value(
    ctx: &Ctx,
    field: FStringField,
    group: Location,
    token: Location,
    kind: &Option<String>,
) -> Result<Expr, PError> {
    let value = crate::parse_fstring_field(ctx, field.expr_start, field.expr_end)?;
    let mut conversion = match field.conversion {
        Some(c) => c as i32,
        None => -1,
    };
    if field.debug_text.is_some() && field.conversion.is_none() && field.format_spec.is_none() {
        conversion = 'r' as i32;
    }
    let format_spec = match field.format_spec {
        None => None,
        Some(parts) => {
            let mut spec = Joiner::new();
            for part in parts {
                add_part(ctx, &mut spec, part, group, token, kind)?;
            }
            // CPython ends a spec with `FstringParser_Finish(t, t)`.
            spec.flush(token, &None);
            Some(Box::new(Expr {
                node: ExprKind::JoinedStr {
                    values: spec.values,
                },
                loc: token,
            }))
        }
    };
    Ok(Expr {
        node: ExprKind::FormattedValue {
            value: Box::new(value),
            conversion,
            format_spec,
        },
        loc: group,
    })
}
