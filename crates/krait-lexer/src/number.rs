//! Number literals. The scanner follows CPython's tokenizer step by step so
//! that malformed literals fail with the same message at the same column.

use num_bigint::BigInt;

use crate::token::Tok;

/// A malformed number: CPython's message and the byte offset it points at.
pub(crate) struct NumberError {
    pub message: String,
    pub offset: usize,
}

/// A cursor with the semantics of CPython's `tok_nextc`/`tok_backup`:
/// reading past the end yields 0 without advancing, and backing up over that
/// 0 is a no-op.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    limit: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> u8 {
        if self.pos < self.limit {
            let c = self.bytes[self.pos];
            self.pos += 1;
            c
        } else {
            0
        }
    }

    fn backup(&mut self, c: u8) {
        if c != 0 {
            self.pos -= 1;
        }
    }

    fn lookahead(&mut self, rest: &str) -> bool {
        let end = self.pos + rest.len();
        end <= self.limit && &self.bytes[self.pos..end] == rest.as_bytes()
    }

    /// CPython reports tokenizer errors one column left of its cursor.
    fn error(&self, message: impl Into<String>) -> NumberError {
        NumberError {
            message: message.into(),
            offset: self.pos.saturating_sub(1),
        }
    }

    /// Digits and single underscores between digits, after a first digit
    /// that was already read. Returns the first character after them.
    fn decimal_tail(&mut self) -> Result<u8, NumberError> {
        loop {
            let mut c = self.next();
            while c.is_ascii_digit() {
                c = self.next();
            }
            if c != b'_' {
                return Ok(c);
            }
            c = self.next();
            if !c.is_ascii_digit() {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a number directly followed by a
    /// letter is an error, except before the keywords that can follow a
    /// number in valid code (`1if x else y`), which only warn.
    fn verify_end(&mut self, c: u8, kind: &str) -> Result<(), NumberError> {
        let keyword_follows = match c {
            b'a' => self.lookahead("nd"),
            b'e' => self.lookahead("lse"),
            b'f' => self.lookahead("or"),
            b'i' => self.lookahead("f") || self.lookahead("n") || self.lookahead("s"),
            b'o' => self.lookahead("r"),
            b'n' => self.lookahead("ot"),
            _ => false,
        };
        if !keyword_follows && is_potential_identifier_char(c) {
            self.backup(c);
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

/// Only ASCII counts here: CPython lets `1é` lex as a number and a name
/// (the parser then rejects it).
fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// What kind of literal the scanner found.
enum Shape {
    Int(u32),
    Float,
    Imaginary,
}

/// Scans the number starting at `start` (a digit, or `.` and a digit) and
/// returns its token and end offset. `limit` bounds the scan.
pub(crate) fn scan_number(
    source: &str,
    start: usize,
    limit: usize,
) -> Result<(Tok, usize), NumberError> {
    let mut cur = Cursor {
        bytes: source.as_bytes(),
        pos: start,
        limit,
    };
    let shape = scan_shape(&mut cur, start)?;
    let end = cur.pos;
    let text: String = source[start..end].chars().filter(|&c| c != '_').collect();
    let tok = match shape {
        Shape::Int(radix) => {
            let digits = if radix == 10 { &text[..] } else { &text[2..] };
            let value = BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
            Tok::Int(value)
        }
        Shape::Float => Tok::Float(parse_float(&text)),
        Shape::Imaginary => Tok::Imaginary(parse_float(&text[..text.len() - 1])),
    };
    Ok((tok, end))
}

fn parse_float(text: &str) -> f64 {
    // Rust's parser accepts every form the scanner lets through ("1.",
    // ".5", "1e5", "1.e5"); overflow gives infinity as in CPython.
    text.parse().unwrap_or(f64::NAN)
}

fn scan_shape(cur: &mut Cursor, start: usize) -> Result<Shape, NumberError> {
    let mut c = cur.next();
    if c == b'.' {
        c = cur.next();
        return fraction(cur, c);
    }
    if c != b'0' {
        let c = cur.decimal_tail()?;
        return after_integer_part(cur, c);
    }
    c = cur.next();
    match c {
        b'x' | b'X' => radix_digits(cur, 16, "hexadecimal"),
        b'o' | b'O' => radix_digits(cur, 8, "octal"),
        b'b' | b'B' => radix_digits(cur, 2, "binary"),
        _ => {
            // "0", "00", "0_0", or the start of a float like "0.5"/"012.5".
            let mut nonzero = false;
            loop {
                if c == b'_' {
                    c = cur.next();
                    if !c.is_ascii_digit() {
                        cur.backup(c);
                        return Err(cur.error("invalid decimal literal"));
                    }
                }
                if c != b'0' {
                    break;
                }
                c = cur.next();
            }
            if c.is_ascii_digit() {
                nonzero = true;
                c = cur.decimal_tail()?;
            }
            match c {
                b'.' => {
                    let c = cur.next();
                    fraction(cur, c)
                }
                b'e' | b'E' => exponent(cur, c, Shape::Int(10)),
                b'j' | b'J' => imaginary(cur),
                _ if nonzero => Err(NumberError {
                    message: "leading zeros in decimal integer literals are not permitted; \
                                  use an 0o prefix for octal integers"
                        .into(),
                    offset: start,
                }),
                _ => {
                    cur.verify_end(c, "decimal")?;
                    cur.backup(c);
                    Ok(Shape::Int(10))
                }
            }
        }
    }
}

fn radix_digits(cur: &mut Cursor, radix: u32, kind: &str) -> Result<Shape, NumberError> {
    let is_digit = |c: u8| (c as char).is_digit(radix);
    let mut c = cur.next();
    loop {
        if c == b'_' {
            c = cur.next();
        }
        if !is_digit(c) {
            if radix != 16 && c.is_ascii_digit() {
                return Err(cur.error(format!("invalid digit '{}' in {kind} literal", c as char)));
            }
            cur.backup(c);
            return Err(cur.error(format!("invalid {kind} literal")));
        }
        loop {
            c = cur.next();
            if !is_digit(c) {
                break;
            }
        }
        if c != b'_' {
            break;
        }
    }
    if radix != 16 && c.is_ascii_digit() {
        return Err(cur.error(format!("invalid digit '{}' in {kind} literal", c as char)));
    }
    cur.verify_end(c, kind)?;
    cur.backup(c);
    Ok(Shape::Int(radix))
}

fn after_integer_part(cur: &mut Cursor, c: u8) -> Result<Shape, NumberError> {
    match c {
        b'.' => {
            let c = cur.next();
            fraction(cur, c)
        }
        b'e' | b'E' => exponent(cur, c, Shape::Int(10)),
        b'j' | b'J' => imaginary(cur),
        _ => {
            cur.verify_end(c, "decimal")?;
            cur.backup(c);
            Ok(Shape::Int(10))
        }
    }
}

/// `c` is the first character after the `.`.
fn fraction(cur: &mut Cursor, mut c: u8) -> Result<Shape, NumberError> {
    if c.is_ascii_digit() {
        c = cur.decimal_tail()?;
    }
    match c {
        b'e' | b'E' => exponent(cur, c, Shape::Float),
        b'j' | b'J' => imaginary(cur),
        _ => {
            cur.verify_end(c, "decimal")?;
            cur.backup(c);
            Ok(Shape::Float)
        }
    }
}

/// `e` is the `e`/`E` just read; `before` is what the literal is if the `e`
/// turns out not to belong to it (`1else` is `1` followed by `else`).
fn exponent(cur: &mut Cursor, e: u8, before: Shape) -> Result<Shape, NumberError> {
    let mut c = cur.next();
    if c == b'+' || c == b'-' {
        c = cur.next();
        if !c.is_ascii_digit() {
            cur.backup(c);
            return Err(cur.error("invalid decimal literal"));
        }
    } else if !c.is_ascii_digit() {
        // "1e" followed by something else: the number ends before the `e`
        // unless that `e` starts a keyword-less identifier (an error).
        cur.backup(c);
        cur.verify_end(e, "decimal")?;
        cur.backup(e);
        return Ok(before);
    }
    c = cur.decimal_tail()?;
    match c {
        b'j' | b'J' => imaginary(cur),
        _ => {
            cur.verify_end(c, "decimal")?;
            cur.backup(c);
            Ok(Shape::Float)
        }
    }
}

fn imaginary(cur: &mut Cursor) -> Result<Shape, NumberError> {
    let c = cur.next();
    cur.verify_end(c, "imaginary")?;
    cur.backup(c);
    Ok(Shape::Imaginary)
}
