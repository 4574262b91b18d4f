//! The one place where lalrpop's errors become CPython's messages.
//!
//! lalrpop reports the token it could not shift and the tokens it expected;
//! CPython's PEG parser reports the result of its `invalid_*` rules. This
//! module reads the token stream around the failure to pick CPython's message
//! and the line it points at.

use krait_lexer::{ErrorKind, LineIndex, Spanned, Tok};
use lalrpop_util::ParseError;

use crate::SyntaxError;
use crate::builder::PError;

pub fn is_unclosed_bracket(e: &PError) -> bool {
    e.message.ends_with("was never closed")
}

fn is_layout(t: &Tok) -> bool {
    matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent)
}

/// Whether a token can end an expression.
fn ends_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::Str { .. }
            | Tok::Bytes(_)
            | Tok::FString(_)
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis
    )
}

/// Whether a token can start an expression that follows another one.
fn starts_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::Str { .. }
            | Tok::Bytes(_)
            | Tok::FString(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis
            | Tok::Not
            | Tok::Lambda
            | Tok::Tilde
    )
}

/// Index of the first token of the logical line holding token `i`.
fn line_start(tokens: &[Spanned], i: usize) -> usize {
    let mut j = i.min(tokens.len());
    while j > 0 && !is_layout(&tokens[j - 1].1) {
        j -= 1;
    }
    j
}

/// Bracket depth just before token `i`.
fn bracket_depth(tokens: &[Spanned], i: usize) -> i32 {
    let mut d = 0;
    for t in &tokens[..i.min(tokens.len())] {
        match t.1 {
            Tok::LPar | Tok::LSqb | Tok::LBrace => d += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace => d -= 1,
            _ => {}
        }
    }
    d
}

/// Start index of the expression that ends at token `i` (inclusive), found by
/// walking back over balanced brackets until a separator.
fn expr_start(tokens: &[Spanned], i: usize) -> usize {
    let mut j = i;
    let mut depth = 0;
    loop {
        match tokens[j].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if depth == 0 {
                    return j + 1;
                }
                depth -= 1;
            }
            Tok::Comma
            | Tok::Colon
            | Tok::Equal
            | Tok::ColonEqual
            | Tok::For
            | Tok::If
            | Tok::Else
            | Tok::Lambda
            | Tok::Yield
            | Tok::Return
            | Tok::Semi
            | Tok::Newline
            | Tok::Indent
            | Tok::Dedent
                if depth == 0 =>
            {
                return j + 1;
            }
            _ => {}
        }
        if j == 0 {
            return 0;
        }
        j -= 1;
    }
}

fn header_name(tokens: &[Spanned], colon: usize) -> Option<(String, usize)> {
    let mut start = line_start(tokens, colon);
    let first = &tokens[start];
    // `async def/for/with` is named by the keyword after `async`.
    if first.1 == Tok::Async && start + 1 < colon {
        start += 1;
    }
    let text = match &tokens[start].1 {
        Tok::If => "'if' statement".to_string(),
        Tok::Elif => "'elif' statement".to_string(),
        Tok::Else => "'else' statement".to_string(),
        Tok::While => "'while' statement".to_string(),
        Tok::For => "'for' statement".to_string(),
        Tok::Try => "'try' statement".to_string(),
        Tok::Finally => "'finally' statement".to_string(),
        Tok::With => "'with' statement".to_string(),
        Tok::Except => {
            if matches!(tokens.get(start + 1), Some((_, Tok::Star, _))) {
                "'except*' statement".to_string()
            } else {
                "'except' statement".to_string()
            }
        }
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        Tok::Match => "'match' statement".to_string(),
        Tok::Case => "'case' statement".to_string(),
        _ => return None,
    };
    Some((text, first.0))
}

fn expects(expected: &[String], what: &str) -> bool {
    expected.iter().any(|e| e == what)
}

/// Maps a lalrpop error to CPython's message and position.
pub fn from_parse_error(
    err: ParseError<usize, Tok, PError>,
    tokens: &[Spanned],
    lex_error: Option<PError>,
    source: &str,
    index: &LineIndex,
    in_fstring: bool,
) -> PError {
    let (i, expected) = match err {
        ParseError::User { error } => return error,
        ParseError::InvalidToken { location } => {
            return PError::new("invalid syntax", location, location);
        }
        ParseError::ExtraToken { token } => {
            return lex_error.unwrap_or_else(|| PError::new("invalid syntax", token.0, token.2));
        }
        ParseError::UnrecognizedEof { expected, .. } => (tokens.len(), expected),
        ParseError::UnrecognizedToken { token, expected } => {
            let i = tokens.partition_point(|t| t.0 < token.0);
            let i = (i..tokens.len())
                .find(|&k| tokens[k].1 == token.1)
                .unwrap_or(i);
            (i, expected)
        }
    };
    if let Some(lex) = lex_error {
        // An unclosed bracket: reported when the parser failed after it.
        if i >= tokens.len() || tokens[i].0 >= lex.start {
            return lex;
        }
    }
    let at_eof = i >= tokens.len();
    // The position to report: the bad token, or at end of input the end of
    // the last real token.
    let (start, end) = if at_eof {
        let last = tokens.iter().rev().find(|t| !is_layout(&t.1));
        let p = last.map_or(source.len(), |t| t.2);
        (p, p)
    } else {
        (tokens[i].0, tokens[i].2)
    };
    let tok = tokens.get(i).map(|t| &t.1);
    let generic = || PError::new("invalid syntax", start, end);

    if let Some(Tok::Indent) = tok {
        // CPython's offset is the indentation's width (pointing at its last
        // character), so its layout prints no caret.
        let first = tokens.get(i + 1).map_or(start, |t| t.0);
        let (line, _) = index.line_col(first);
        let line_start = index.line_start(line).unwrap_or(0);
        let width = first.saturating_sub(line_start).max(1);
        let mut e = PError::new(
            "unexpected indent",
            line_start + width - 1,
            line_start + width - 1,
        );
        e.kind = ErrorKind::IndentationError;
        return e;
    }
    if expected.len() == 1 && expected[0] == "INDENT" {
        // A block's header ends with ':' NEWLINE; find the header's keyword.
        let colon = (0..i.min(tokens.len()))
            .rev()
            .find(|&k| tokens[k].1 == Tok::Colon);
        if let Some(colon) = colon
            && let Some((what, at)) = header_name(tokens, colon)
        {
            let (line, _) = index.line_col(at);
            let mut e = PError::new(
                format!("expected an indented block after {what} on line {line}"),
                start,
                start,
            );
            e.kind = ErrorKind::IndentationError;
            return e;
        }
    }
    // `case p as <not a name>`.
    if i > 0
        && !at_eof
        && tokens[i - 1].1 == Tok::As
        && tokens[line_start(tokens, i)].1 == Tok::Case
    {
        return PError::new("invalid pattern target", start, end);
    }
    if !at_eof && !in_fstring {
        let ls = line_start(tokens, i);
        let first = &tokens[ls];
        if let Tok::Name(n) = &first.1
            && (n == "print" || n == "exec")
            && i == ls + 1
            && tok.is_some_and(starts_expr)
        {
            let eol = (i..tokens.len())
                .find(|&k| is_layout(&tokens[k].1))
                .unwrap_or(tokens.len());
            let end = tokens[eol.saturating_sub(1)].2;
            return PError::new(
                format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                first.0,
                end,
            );
        }
        if expects(&expected, "\":\"")
            && matches!(tok, Some(Tok::Newline))
            && matches!(
                first.1,
                Tok::If
                    | Tok::Elif
                    | Tok::Else
                    | Tok::While
                    | Tok::For
                    | Tok::Try
                    | Tok::Except
                    | Tok::Finally
                    | Tok::With
                    | Tok::Def
                    | Tok::Class
            )
        {
            return PError::new("expected ':'", start, start);
        }
    }
    if !at_eof && (expects(&expected, "\"except\"") && expects(&expected, "\"finally\"")) {
        return PError::new("expected 'except' or 'finally' block", start, end);
    }
    if at_eof && (expects(&expected, "\"except\"") && expects(&expected, "\"finally\"")) {
        return PError::new("expected 'except' or 'finally' block", start, end);
    }
    if expected.len() == 1 && expected[0] == "\"else\"" && i > 0 {
        let s = expr_start(tokens, i - 1);
        let if_at = (s..i).find(|&k| tokens[k].1 == Tok::If);
        let s = if_at.map_or(s, |k| expr_start(tokens, k.saturating_sub(1)));
        return PError::new(
            "expected 'else' after 'if' expression",
            tokens[s].0,
            tokens[i - 1].2,
        );
    }
    if let Some(t) = tok
        && i > 0
    {
        let prev = &tokens[i - 1].1;
        // Two expressions side by side inside brackets.
        if starts_expr(t)
            && ends_expr(prev)
            && (in_fstring || bracket_depth(tokens, i) > 0)
            && !(matches!(prev, Tok::Name(_))
                && matches!(t, Tok::Str { .. } | Tok::Bytes(_) | Tok::FString(_)))
        {
            let s = expr_start(tokens, i - 1);
            let soft = matches!(&tokens[s].1, Tok::Name(n) if n == "match" || n == "case");
            if !soft {
                return PError::new(
                    "invalid syntax. Perhaps you forgot a comma?",
                    tokens[s].0,
                    tokens[i].2,
                );
            }
        }
        // `=` where only an expression may be.
        if *t == Tok::Equal {
            let before_dot = i >= 2 && tokens[i - 2].1 == Tok::Dot;
            let s = expr_start(tokens, i - 1);
            let next_end = tokens.get(i + 1).map_or(end, |t| t.2);
            match prev {
                Tok::Name(_) if !before_dot && s == i - 1 => {
                    return PError::new(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        tokens[s].0,
                        next_end,
                    );
                }
                Tok::Int(_) | Tok::Float(_) | Tok::Imaginary(_) | Tok::Str { .. } if s == i - 1 => {
                    return PError::new(
                        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
                        tokens[s].0,
                        tokens[i - 1].2,
                    );
                }
                Tok::RPar if s + 1 < i && ends_expr(&tokens[s].1) => {
                    return PError::new(
                        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                        tokens[s].0,
                        tokens[i - 1].2,
                    );
                }
                _ => {}
            }
        }
    }
    generic()
}

/// A parser error as the public `SyntaxError`.
pub fn to_syntax_error(e: PError, source: &str, index: &LineIndex, filename: &str) -> SyntaxError {
    let start = e.start.min(source.len());
    let end = e.end.clamp(start, source.len());
    let (line, col) = index.line_col(start);
    let (end_line, end_col) = index.line_col(end);
    let line_text = |lineno: u32| -> Option<&str> {
        let s = index.line_start(lineno)?;
        let rest = source.get(s..)?;
        Some(rest.split('\n').next().unwrap_or("").trim_end_matches('\r'))
    };
    let char_offset = |lineno: u32, col: u32| -> u32 {
        line_text(lineno).map_or(col + 1, |t| {
            let col = (col as usize).min(t.len());
            t.get(..col).map_or(col, |p| p.chars().count()) as u32 + 1
        })
    };
    let lineno = e.lineno.unwrap_or(line);
    let (offset, end_lineno, end_offset) = if lineno == line {
        (
            char_offset(line, col),
            end_line,
            char_offset(end_line, end_col),
        )
    } else {
        (1, lineno, 1)
    };
    SyntaxError {
        kind: e.kind,
        message: e.message,
        filename: filename.to_string(),
        lineno,
        offset,
        end_lineno,
        end_offset,
        text: line_text(lineno).map(str::to_string),
    }
}
