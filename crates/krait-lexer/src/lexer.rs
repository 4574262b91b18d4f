//! The layout layer: drives the raw scanner, finishes numbers, strings and
//! identifiers, and turns line structure into NEWLINE/INDENT/DEDENT.

use std::collections::VecDeque;

use crate::raw::{self, RawTok};
use crate::string::{self, Prefix};
use crate::token::Tok;
use crate::{ErrorKind, LexError, LineIndex, Spanned, fstring, ident, number};

/// CPython's limit on bracket nesting (`MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's limit on indentation levels (`MAXINDENT`), counting the
/// outermost level.
const MAX_INDENT_DEPTH: usize = 100;
/// CPython's tab stops for the indentation it compares.
const TAB_SIZE: usize = 8;

/// One level of the indentation stack: the column computed with tab stops of
/// 8 and of 1. Both must agree on the ordering, or the file mixes tabs and
/// spaces inconsistently (TabError).
#[derive(Debug, Clone, Copy)]
struct IndentLevel {
    col: usize,
    alt_col: usize,
}

#[derive(Debug, Clone, Copy)]
struct OpenBracket {
    char: u8,
    offset: usize,
}

pub(crate) struct Lexer<'s> {
    source: &'s str,
    pos: usize,
    /// Lexing stops here (the end of an f-string expression).
    limit: usize,
    /// False when lexing an f-string expression: no layout tokens, as if
    /// everything were inside brackets.
    layout: bool,
    at_line_start: bool,
    indents: Vec<IndentLevel>,
    brackets: Vec<OpenBracket>,
    pending: VecDeque<Spanned>,
    /// Whether the last token produced was a NEWLINE (or nothing yet), so
    /// the end of input knows whether to add one.
    logical_line_open: bool,
    any_token: bool,
    finished: bool,
}

impl<'s> Lexer<'s> {
    pub(crate) fn new(source: &'s str) -> Lexer<'s> {
        Lexer {
            source,
            pos: 0,
            limit: source.len(),
            layout: true,
            at_line_start: true,
            indents: vec![IndentLevel { col: 0, alt_col: 0 }],
            brackets: Vec::new(),
            pending: VecDeque::new(),
            logical_line_open: false,
            any_token: false,
            finished: false,
        }
    }

    /// A lexer for `source[start..end]` without layout tokens. Out-of-range
    /// or non-boundary offsets give an empty range rather than a panic.
    pub(crate) fn for_expression(source: &'s str, start: usize, end: usize) -> Lexer<'s> {
        let valid = start <= end
            && end <= source.len()
            && source.is_char_boundary(start)
            && source.is_char_boundary(end);
        let (start, end) = if valid { (start, end) } else { (0, 0) };
        Lexer {
            pos: start,
            limit: end,
            layout: false,
            at_line_start: false,
            ..Lexer::new(source)
        }
    }

    fn line_of(&self, offset: usize) -> u32 {
        LineIndex::new(self.source).line_col(offset).0
    }

    fn error(&self, kind: ErrorKind, message: impl Into<String>, offset: usize) -> LexError {
        LexError {
            kind,
            message: message.into(),
            offset,
            lineno: None,
        }
    }

    fn syntax_error(&self, message: impl Into<String>, offset: usize) -> LexError {
        self.error(ErrorKind::SyntaxError, message, offset)
    }

    fn push(&mut self, start: usize, tok: Tok, end: usize) {
        match tok {
            Tok::Newline => self.logical_line_open = false,
            Tok::Indent | Tok::Dedent => {}
            _ => self.logical_line_open = true,
        }
        self.any_token = true;
        self.pending.push_back((start, tok, end));
    }

    /// Produces at least one token into `pending`, or finishes.
    fn advance(&mut self) -> Result<(), LexError> {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                self.line_start()?;
                if !self.pending.is_empty() {
                    return Ok(());
                }
            }
            if self.pos >= self.limit {
                return self.end_of_input();
            }
            let rest = &self.source[self.pos..self.limit];
            let Some((raw, len)) = raw::scan(rest) else {
                return self.end_of_input();
            };
            let start = self.pos;
            let end = start + len;
            match raw {
                Some(RawTok::Whitespace | RawTok::Comment) => self.pos = end,
                Some(RawTok::Newline) => {
                    self.pos = end;
                    if self.layout && self.brackets.is_empty() {
                        self.at_line_start = true;
                        if self.logical_line_open {
                            self.push(start, Tok::Newline, end);
                            return Ok(());
                        }
                        // A line with only a backslash continuation or
                        // nothing: CPython emits no NEWLINE for it either.
                    }
                }
                Some(RawTok::Continuation) => {
                    self.pos = end;
                    if self.pos >= self.limit && self.brackets.is_empty() {
                        return Err(self.syntax_error("unexpected EOF while parsing", start + 1));
                    }
                }
                Some(RawTok::StrayBackslash) => {
                    if end >= self.limit {
                        // A backslash as the very last character.
                        if !self.brackets.is_empty() {
                            return self.end_of_input();
                        }
                        return Err(self.syntax_error("unexpected EOF while parsing", end));
                    }
                    return Err(self.syntax_error(
                        "unexpected character after line continuation character",
                        end,
                    ));
                }
                Some(RawTok::Name) => return self.name(start, end),
                Some(RawTok::NumberStart) => {
                    let (tok, end) = number::scan_number(self.source, start, self.limit)
                        .map_err(|e| self.syntax_error(e.message, e.offset))?;
                    self.pos = end;
                    self.push(start, tok, end);
                    return Ok(());
                }
                Some(RawTok::StringStart) => return self.string(start, end),
                Some(RawTok::Op(tok)) => return self.operator(start, tok, end),
                None => return Err(self.invalid_character(start)),
            }
        }
    }

    /// At the start of a line outside brackets: skips blank and comment-only
    /// lines, then compares the indentation with the stack.
    fn line_start(&mut self) -> Result<(), LexError> {
        let bytes = self.source.as_bytes();
        loop {
            let line_start = self.pos;
            let mut col = 0;
            let mut alt_col = 0;
            let mut i = self.pos;
            while i < self.limit {
                match bytes[i] {
                    b' ' => {
                        col += 1;
                        alt_col += 1;
                    }
                    b'\t' => {
                        col = (col / TAB_SIZE + 1) * TAB_SIZE;
                        alt_col += 1;
                    }
                    // A form feed resets the column, as in CPython.
                    0x0C => {
                        col = 0;
                        alt_col = 0;
                    }
                    _ => break,
                }
                i += 1;
            }
            if i >= self.limit {
                self.pos = i;
                return Ok(());
            }
            match bytes[i] {
                b'#' | b'\n' | b'\r' => {
                    // Blank line: its indentation means nothing.
                    while i < self.limit && bytes[i] != b'\n' && bytes[i] != b'\r' {
                        i += 1;
                    }
                    if i < self.limit {
                        i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                            2
                        } else {
                            1
                        };
                    }
                    self.pos = i;
                    continue;
                }
                _ => {}
            }
            self.pos = i;
            return self.indentation(line_start, i, IndentLevel { col, alt_col });
        }
    }

    fn indentation(
        &mut self,
        line_start: usize,
        first_token: usize,
        level: IndentLevel,
    ) -> Result<(), LexError> {
        let top = *self
            .indents
            .last()
            .unwrap_or(&IndentLevel { col: 0, alt_col: 0 });
        let tab_error = |lexer: &Self| {
            lexer.error(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                line_start,
            )
        };
        if level.col == top.col {
            if level.alt_col != top.alt_col {
                return Err(tab_error(self));
            }
        } else if level.col > top.col {
            if !self.any_token {
                // Nothing before this line can open a block.
                return Err(self.error(
                    ErrorKind::IndentationError,
                    "unexpected indent",
                    first_token.saturating_sub(1),
                ));
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(self.error(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    line_start,
                ));
            }
            if level.alt_col <= top.alt_col {
                return Err(tab_error(self));
            }
            self.indents.push(level);
            self.push(line_start, Tok::Indent, first_token);
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && level.col < self.indents[self.indents.len() - 1].col {
                self.indents.pop();
                dedents += 1;
            }
            let top = self.indents[self.indents.len() - 1];
            if level.col != top.col {
                let line_end = self.source[first_token..self.limit]
                    .find(['\n', '\r'])
                    .map_or(self.limit, |k| first_token + k);
                return Err(self.error(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    line_end,
                ));
            }
            if level.alt_col != top.alt_col {
                return Err(tab_error(self));
            }
            for _ in 0..dedents {
                self.push(first_token, Tok::Dedent, first_token);
            }
        }
        Ok(())
    }

    fn end_of_input(&mut self) -> Result<(), LexError> {
        self.pos = self.limit;
        if let Some(open) = self.brackets.last() {
            return Err(self.syntax_error(
                format!("'{}' was never closed", open.char as char),
                open.offset,
            ));
        }
        self.finished = true;
        if self.layout {
            let end = self.limit;
            if self.logical_line_open {
                self.push(end, Tok::Newline, end);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(end, Tok::Dedent, end);
            }
        }
        Ok(())
    }

    fn invalid_character(&self, offset: usize) -> LexError {
        let c = self.source[offset..].chars().next().unwrap_or('\0');
        if c == '\0' {
            self.syntax_error("source code cannot contain null bytes", offset)
        } else if c.is_ascii() && ident::is_printable(c) {
            // `$`, `?`, `` ` ``, a lone `!`: CPython's tokenizer returns an
            // error token and the parser calls it invalid syntax.
            self.syntax_error("invalid syntax", offset)
        } else {
            self.syntax_error(ident::invalid_character_message(c), offset)
        }
    }

    fn name(&mut self, start: usize, end: usize) -> Result<(), LexError> {
        let text = &self.source[start..end];
        if !text.is_ascii()
            && let Some((at, c)) = ident::first_invalid_char(text)
        {
            return Err(self.syntax_error(ident::invalid_character_message(c), start + at));
        }
        self.pos = end;
        let tok = ident::keyword(text).unwrap_or_else(|| Tok::Name(ident::normalize(text)));
        self.push(start, tok, end);
        Ok(())
    }

    fn operator(&mut self, start: usize, tok: Tok, end: usize) -> Result<(), LexError> {
        self.pos = end;
        let char = self.source.as_bytes()[start];
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.syntax_error("too many nested parentheses", start));
                }
                self.brackets.push(OpenBracket {
                    char,
                    offset: start,
                });
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let Some(open) = self.brackets.pop() else {
                    return Err(self.syntax_error(format!("unmatched '{}'", char as char), start));
                };
                let expected = match open.char {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if char != expected {
                    let open_line = self.line_of(open.offset);
                    let message = if open_line != self.line_of(start) {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                            char as char, open.char as char
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            char as char, open.char as char
                        )
                    };
                    return Err(self.syntax_error(message, start));
                }
            }
            _ => {}
        }
        self.push(start, tok, end);
        Ok(())
    }

    fn string(&mut self, start: usize, quote_end: usize) -> Result<(), LexError> {
        let opening = &self.source[start..quote_end];
        let quote_len = if opening.ends_with("\"\"\"") || opening.ends_with("'''") {
            3
        } else {
            1
        };
        let prefix = Prefix::parse(&opening[..opening.len() - quote_len]);
        let quote = opening.as_bytes()[opening.len() - 1];
        let found = string::find_end(self.source, quote_end, self.limit, quote, quote_len == 3);
        let bounds = match found {
            Ok(bounds) => bounds,
            Err(unterminated) => {
                let line = self.line_of(unterminated.detected_at);
                let what = if quote_len == 3 {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                return Err(self.syntax_error(format!("{what} (detected at line {line})"), start));
            }
        };
        let body = &self.source[quote_end..bounds.body_end];
        let end = bounds.token_end;
        let tok = if prefix.format {
            let parts = fstring::split(self.source, quote_end, bounds.body_end, prefix.raw)
                .map_err(|message| self.syntax_error(message, end))?;
            Tok::FString(parts)
        } else if prefix.bytes {
            if !body.is_ascii() {
                return Err(
                    self.syntax_error("bytes can only contain ASCII literal characters", start)
                );
            }
            Tok::Bytes(
                string::decode_bytes(body, prefix.raw).map_err(|m| self.syntax_error(m, end))?,
            )
        } else {
            Tok::Str {
                value: string::decode_str(body, prefix.raw)
                    .map_err(|m| self.syntax_error(m, end))?,
                unicode_prefix: prefix.unicode,
            }
        };
        self.pos = end;
        self.push(start, tok, end);
        Ok(())
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(tok) = self.pending.pop_front() {
                return Some(Ok(tok));
            }
            if self.finished {
                return None;
            }
            if let Err(error) = self.advance() {
                // After an error the lexer is done: the parser stops anyway,
                // and resuming could report follow-on errors.
                self.finished = true;
                self.pending.clear();
                return Some(Err(error));
            }
        }
    }
}
