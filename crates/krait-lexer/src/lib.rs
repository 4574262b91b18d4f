//! krait-lexer: Python 3.11 source text -> tokens with byte spans.
//!
//! A logos scanner finds the raw tokens; a layer on top of it keeps the
//! indentation stack (NEWLINE/INDENT/DEDENT), joins lines inside brackets and
//! after `\`, skips comments and blank lines, and reports lexical errors in
//! CPython's words (`unexpected indent`, `unterminated string literal
//! (detected at line N)`, `'(' was never closed`...).
//!
//! Input: `&str`. Output: `(start, Tok, end)` triples, the shape lalrpop's
//! external-lexer interface takes, with `start..end` the token's byte range
//! (layout tokens at the end of input have empty spans there). There is no
//! end-marker token. Numbers carry their values, string literals are decoded,
//! and an f-string is one token already split into literal parts and fields;
//! each field's expression is a byte range that the parser lexes again with
//! [`lex_fstring_expression`].
//!
//! Errors point where CPython's caret does: [`LexError::offset`] is the byte
//! offset of the character at CPython's (1-based) `offset`, so CPython's
//! column is the character column of `offset` plus one. The lexer never
//! panics and does not recurse on its input; the nesting limits are
//! CPython's (200 brackets, 100 indentation levels, 2 levels of f-string
//! fields).
//!
//! Known differences from CPython: `IndentationError: unexpected indent` is
//! reported here only for an indented first line (elsewhere it is the
//! parser's to report, from the INDENT token); a lone surrogate escape
//! (`"\ud800"`) becomes its stand-in ([`SURROGATE_STAND_INS`]), since a
//! Rust `String` cannot hold it; the
//! "non-printable" test behind `invalid non-printable character` does not
//! know unassigned code points.
//!
//! Must not depend on: any other krait crate.

mod fstring;
mod ident;
mod lexer;
mod names;
mod number;
mod raw;
mod string;
mod token;

pub use token::{FStringField, FStringPart, Tok};

/// The first of the characters standing in for lone surrogates in
/// decoded string literals: surrogate U+D800 + k is U+10D800 + k (a
/// block inside plane 16's private use area). The VM reads
/// them back as surrogates (`krait_vm::builtins::str::SURROGATE_STAND_INS`,
/// which must be the same; the facade's tests check it).
pub const SURROGATE_STAND_INS: u32 = 0x10_D800;

/// A token with its byte range, in the shape lalrpop takes.
pub type Spanned = (usize, Tok, usize);

/// Which exception a lexical error raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A lexical error: the exception, CPython's message, and where it points.
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub kind: ErrorKind,
    pub message: String,
    /// Byte offset the caret points at.
    pub offset: usize,
    /// The line CPython reports, when it is not the line of `offset`. The
    /// errors this lexer reports all point at their own line, so today this
    /// is always `None`; `'(' was never closed` points at the bracket.
    pub lineno: Option<u32>,
}

/// Lexes a whole file (exec or single mode).
///
/// Yields the tokens in order; after an error the iterator ends. At the end
/// of input it yields a NEWLINE (if the last logical line has none) and the
/// DEDENTs that close open blocks, but no end marker.
pub fn lex(source: &str) -> impl Iterator<Item = Result<Spanned, LexError>> + '_ {
    lexer::Lexer::new(source)
}

/// Lexes `source[start..end]`, the expression of an f-string field, as if it
/// were inside brackets (no layout tokens), with spans in `source`'s offsets.
pub fn lex_fstring_expression(
    source: &str,
    start: usize,
    end: usize,
) -> impl Iterator<Item = Result<Spanned, LexError>> + '_ {
    lexer::Lexer::for_expression(source, start, end)
}

/// Maps byte offsets to CPython's (1-based line, 0-based byte column).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        // "\r\n" and a lone "\r" end a line too, as in CPython.
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend((0..bytes.len()).filter_map(|i| {
            let ends_line =
                bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            ends_line.then_some(i + 1)
        }));
        LineIndex { line_starts }
    }

    /// (line, column) of a byte offset; line 1-based, column in bytes.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (line as u32 + 1, (offset - self.line_starts[line]) as u32)
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, lineno: u32) -> Option<usize> {
        self.line_starts
            .get((lineno as usize).checked_sub(1)?)
            .copied()
    }
}
