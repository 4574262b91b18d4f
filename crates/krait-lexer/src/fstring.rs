//! f-strings, Python 3.11 style: the literal is one token whose body is split
//! here into literal text and `{...}` fields. Field expressions are not
//! lexed here; the parser lexes their byte range with
//! [`crate::lex_fstring_expression`].
//!
//! Errors are CPython 3.11's messages; the caller points them at the end of
//! the string token, as CPython does.

use crate::string;
use crate::token::{FStringField, FStringPart};

/// CPython allows a field inside a format spec, but no deeper.
const MAX_FIELD_DEPTH: u32 = 2;
/// CPython's bracket limit inside one expression.
const MAX_BRACKET_DEPTH: usize = 200;

/// Splits the body `source[body_start..body_end]` of an f-string.
pub(crate) fn split(
    source: &str,
    body_start: usize,
    body_end: usize,
    raw: bool,
) -> Result<Vec<FStringPart>, String> {
    let mut splitter = Splitter {
        source,
        bytes: source.as_bytes(),
        pos: body_start,
        end: body_end,
        raw,
    };
    splitter.parts(0, false)
}

struct Splitter<'s> {
    source: &'s str,
    bytes: &'s [u8],
    pos: usize,
    end: usize,
    raw: bool,
}

const EXPECTING_BRACE: &str = "f-string: expecting '}'";

impl Splitter<'_> {
    fn peek(&self, offset: usize) -> Option<u8> {
        let at = self.pos + offset;
        if at < self.end {
            Some(self.bytes[at])
        } else {
            None
        }
    }

    fn decode(&self, from: usize, to: usize, value: &mut String) -> Result<(), String> {
        if from < to {
            value.push_str(&string::decode_str(&self.source[from..to], self.raw)?);
        }
        Ok(())
    }

    /// Literal text and fields up to the end of the body, or (in a format
    /// spec) up to the `}` that closes the field, which is left unread.
    fn parts(&mut self, depth: u32, in_format_spec: bool) -> Result<Vec<FStringPart>, String> {
        let mut parts = Vec::new();
        let mut value = String::new();
        let mut literal_start = self.pos;
        let mut segment_start = self.pos;
        while self.pos < self.end {
            let c = self.bytes[self.pos];
            match c {
                b'{' | b'}' => {
                    // Doubled braces are literal, except in a format spec,
                    // where `}}` must close two fields (`{x:{w}}`).
                    if !in_format_spec && self.peek(1) == Some(c) {
                        self.decode(segment_start, self.pos, &mut value)?;
                        value.push(c as char);
                        self.pos += 2;
                        segment_start = self.pos;
                        continue;
                    }
                    if c == b'}' {
                        if in_format_spec {
                            break;
                        }
                        return Err("f-string: single '}' is not allowed".into());
                    }
                    self.decode(segment_start, self.pos, &mut value)?;
                    if literal_start < self.pos {
                        parts.push(FStringPart::Literal {
                            value: std::mem::take(&mut value),
                            start: literal_start,
                            end: self.pos,
                        });
                    }
                    let field = self.field(depth)?;
                    parts.push(FStringPart::Field(field));
                    literal_start = self.pos;
                    segment_start = self.pos;
                }
                b'\\' if !self.raw => match self.peek(1) {
                    // `\N{...}` is an escape, not a field.
                    Some(b'N') if self.peek(2) == Some(b'{') => {
                        self.pos += 3;
                        while self.pos < self.end && self.bytes[self.pos] != b'}' {
                            self.pos += 1;
                        }
                        self.pos = (self.pos + 1).min(self.end);
                    }
                    // `\{` keeps the backslash and the brace still counts.
                    Some(b'{' | b'}') | None => self.pos += 1,
                    Some(_) => {
                        let next_len = self.source[self.pos + 1..]
                            .chars()
                            .next()
                            .map_or(1, char::len_utf8);
                        self.pos += 1 + next_len;
                    }
                },
                _ => self.pos += 1,
            }
        }
        self.decode(segment_start, self.pos, &mut value)?;
        if literal_start < self.pos {
            parts.push(FStringPart::Literal {
                value,
                start: literal_start,
                end: self.pos,
            });
        }
        Ok(parts)
    }

    /// One field; `self.pos` is at its `{`.
    fn field(&mut self, depth: u32) -> Result<FStringField, String> {
        if depth >= MAX_FIELD_DEPTH {
            return Err("f-string: expressions nested too deeply".into());
        }
        let field_start = self.pos;
        self.pos += 1;
        let expr_start = self.pos;
        self.skip_expression()?;
        let expr_end = self.pos;
        if self.pos >= self.end {
            return Err(EXPECTING_BRACE.into());
        }
        if self.source[expr_start..expr_end]
            .bytes()
            .all(|b| b.is_ascii_whitespace() || b == 0x0B)
        {
            let stop = self.bytes[self.pos];
            return Err(if matches!(stop, b'!' | b':' | b'=') {
                format!("f-string: expression required before '{}'", stop as char)
            } else {
                "f-string: empty expression not allowed".into()
            });
        }

        let mut debug_text = None;
        if self.bytes[self.pos] == b'=' {
            self.pos += 1;
            while self.pos < self.end
                && (self.bytes[self.pos].is_ascii_whitespace() || self.bytes[self.pos] == 0x0B)
            {
                self.pos += 1;
            }
            if self.pos >= self.end {
                return Err(EXPECTING_BRACE.into());
            }
            debug_text = Some(self.source[expr_start..self.pos].to_owned());
        }

        let mut conversion = None;
        if self.bytes[self.pos] == b'!' {
            self.pos += 1;
            let Some(c) = self.source[self.pos..self.end].chars().next() else {
                return Err(EXPECTING_BRACE.into());
            };
            self.pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                );
            }
            conversion = Some(c);
            if self.pos >= self.end {
                return Err(EXPECTING_BRACE.into());
            }
        }

        let mut format_spec = None;
        if self.bytes[self.pos] == b':' {
            self.pos += 1;
            if self.pos >= self.end {
                return Err(EXPECTING_BRACE.into());
            }
            format_spec = Some(self.parts(depth + 1, true)?);
        }

        if self.pos >= self.end || self.bytes[self.pos] != b'}' {
            return Err(EXPECTING_BRACE.into());
        }
        self.pos += 1;
        Ok(FStringField {
            expr_start,
            expr_end,
            debug_text,
            conversion,
            format_spec,
            start: field_start,
            end: self.pos,
        })
    }

    /// Moves to the end of a field's expression: the first `!`, `:`, `=` or
    /// `}` outside brackets and quotes that is not part of `!=`, `==`, `<=`
    /// or `>=`.
    fn skip_expression(&mut self) -> Result<(), String> {
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        while self.pos < self.end {
            let c = self.bytes[self.pos];
            if c == b'\\' {
                return Err("f-string expression part cannot include a backslash".into());
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.peek(1) == Some(q) && self.peek(2) == Some(q) {
                        quote = None;
                        self.pos += 2;
                    }
                }
                self.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.peek(1) == Some(c) && self.peek(2) == Some(c);
                    quote = Some((c, triple));
                    if triple {
                        self.pos += 2;
                    }
                }
                b'(' | b'[' | b'{' => {
                    if brackets.len() >= MAX_BRACKET_DEPTH {
                        return Err("f-string: too many nested parenthesis".into());
                    }
                    brackets.push(c);
                }
                b'#' => return Err("f-string expression part cannot include '#'".into()),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                    if matches!(c, b'!' | b'=' | b'<' | b'>') && self.peek(1) == Some(b'=') {
                        self.pos += 2;
                        continue;
                    }
                    if !matches!(c, b'<' | b'>') {
                        break;
                    }
                }
                b')' | b']' | b'}' => {
                    let Some(open) = brackets.pop() else {
                        return Err(format!("f-string: unmatched '{}'", c as char));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        return Err(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        ));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return Err("f-string: unterminated string".into());
        }
        if let Some(&open) = brackets.last() {
            return Err(format!("f-string: unmatched '{}'", open as char));
        }
        Ok(())
    }
}
