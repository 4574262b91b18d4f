//! String literals: finding where one ends and decoding its escapes.

/// What the prefix of a string literal asks for.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub format: bool,
    pub unicode: bool,
}

impl Prefix {
    pub(crate) fn parse(prefix: &str) -> Prefix {
        let mut result = Prefix::default();
        for c in prefix.chars() {
            match c.to_ascii_lowercase() {
                'r' => result.raw = true,
                'b' => result.bytes = true,
                'f' => result.format = true,
                'u' => result.unicode = true,
                _ => {}
            }
        }
        result
    }
}

/// Where a string literal's closing quote is.
pub(crate) struct StringEnd {
    pub body_end: usize,
    pub token_end: usize,
}

/// Why a string literal has no end: the offset where the scan gave up (the
/// line break of a single-quoted string, or the end of input).
pub(crate) struct Unterminated {
    pub detected_at: usize,
}

/// Finds the closing quote of a literal whose body starts at `body_start`.
/// A backslash always skips the next character (also in raw strings, where
/// `r'\''` is a quote inside the literal).
pub(crate) fn find_end(
    source: &str,
    body_start: usize,
    limit: usize,
    quote: u8,
    triple: bool,
) -> Result<StringEnd, Unterminated> {
    let bytes = source.as_bytes();
    let mut i = body_start;
    while i < limit {
        match bytes[i] {
            b'\\' => {
                i += 1;
                if i + 1 < limit && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
                    i += 2;
                } else if i < limit {
                    // Skipping one byte is enough: only ASCII is special.
                    i += 1;
                }
            }
            c if c == quote => {
                if !triple {
                    return Ok(StringEnd {
                        body_end: i,
                        token_end: i + 1,
                    });
                }
                if i + 2 < limit && bytes[i + 1] == quote && bytes[i + 2] == quote {
                    return Ok(StringEnd {
                        body_end: i,
                        token_end: i + 3,
                    });
                }
                i += 1;
            }
            b'\n' | b'\r' if !triple => return Err(Unterminated { detected_at: i }),
            _ => i += 1,
        }
    }
    // At the end of input CPython reports the line of the last character.
    Err(Unterminated {
        detected_at: limit.saturating_sub(1).max(body_start.saturating_sub(1)),
    })
}

/// Decodes the body of a `str` literal (or a literal piece of an f-string).
/// The error is CPython's message; it points at the end of the token.
pub(crate) fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let mut literal_start = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\r' {
            // Newlines in the source are translated to "\n", as CPython's
            // tokenizer does when it reads the source.
            out.push_str(&body[literal_start..i]);
            out.push('\n');
            i += if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            literal_start = i;
            continue;
        }
        if c != b'\\' || raw {
            i += 1;
            continue;
        }
        out.push_str(&body[literal_start..i]);
        let escape_start = i;
        i += 1;
        let Some(&e) = bytes.get(i) else {
            out.push('\\');
            literal_start = i;
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'0'..=b'7' => {
                let (value, end) = octal_escape(bytes, i - 1);
                i = end;
                out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
            }
            b'x' | b'u' | b'U' => {
                let (digits, what) = match e {
                    b'x' => (2, "\\xXX"),
                    b'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let (value, found) = hex_digits(bytes, i, digits);
                if found < digits {
                    return Err(unicode_error(
                        escape_start,
                        i + found - 1,
                        &format!("truncated {what} escape"),
                    ));
                }
                i += digits;
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    // Lone surrogates are valid in a Python str but not in a
                    // Rust String: each is kept as its stand-in.
                    None if (0xD800..0xE000).contains(&value) => {
                        out.extend(char::from_u32(
                            crate::SURROGATE_STAND_INS + (value - 0xD800),
                        ));
                    }
                    None => {
                        return Err(unicode_error(
                            escape_start,
                            i - 1,
                            "illegal Unicode character",
                        ));
                    }
                }
            }
            b'N' => {
                let (ch, end) = named_escape(body, escape_start)?;
                out.push(ch);
                i = end;
            }
            _ => match simple_escape(e) {
                Some(ch) => out.push(ch as char),
                None => {
                    // Unknown escapes keep their backslash; the character
                    // after it is copied as ordinary text.
                    out.push('\\');
                    i -= 1;
                }
            },
        }
        literal_start = i;
    }
    out.push_str(&body[literal_start..]);
    Ok(out)
}

/// Decodes the body of a bytes literal.
pub(crate) fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            continue;
        }
        if c != b'\\' || raw {
            out.push(c);
            i += 1;
            continue;
        }
        let escape_start = i;
        i += 1;
        let Some(&e) = bytes.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'0'..=b'7' => {
                let (value, end) = octal_escape(bytes, i - 1);
                i = end;
                out.push(value as u8);
            }
            b'x' => {
                let (value, found) = hex_digits(bytes, i, 2);
                if found < 2 {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {escape_start}"
                    ));
                }
                i += 2;
                out.push(value as u8);
            }
            _ => match simple_escape(e) {
                Some(b) => out.push(b),
                None => {
                    out.push(b'\\');
                    i -= 1;
                }
            },
        }
    }
    Ok(out)
}

fn simple_escape(e: u8) -> Option<u8> {
    Some(match e {
        b'\\' => b'\\',
        b'\'' => b'\'',
        b'"' => b'"',
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0C,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0B,
        _ => return None,
    })
}

/// Up to three octal digits starting at `start`: the value and the end.
fn octal_escape(bytes: &[u8], start: usize) -> (u32, usize) {
    let mut value = 0;
    let mut i = start;
    while i < bytes.len() && i < start + 3 && (b'0'..=b'7').contains(&bytes[i]) {
        value = value * 8 + u32::from(bytes[i] - b'0');
        i += 1;
    }
    (value, i)
}

/// Up to `count` hex digits starting at `start`: the value and how many
/// digits there were.
fn hex_digits(bytes: &[u8], start: usize, count: usize) -> (u32, usize) {
    let mut value: u32 = 0;
    let mut found = 0;
    while found < count {
        let Some(digit) = bytes
            .get(start + found)
            .and_then(|&b| (b as char).to_digit(16))
        else {
            break;
        };
        value = value.wrapping_mul(16).wrapping_add(digit);
        found += 1;
    }
    (value, found)
}

/// `\N{NAME}` starting at the backslash: the character and the end.
pub(crate) fn named_escape(body: &str, escape_start: usize) -> Result<(char, usize), String> {
    let open = escape_start + 2;
    if body.as_bytes().get(open) != Some(&b'{') {
        return Err(unicode_error(
            escape_start,
            escape_start + 1,
            "malformed \\N character escape",
        ));
    }
    let Some(close) = body[open..].find('}').map(|k| open + k) else {
        return Err(unicode_error(
            escape_start,
            body.len().saturating_sub(1),
            "malformed \\N character escape",
        ));
    };
    let name = &body[open + 1..close];
    if name.is_empty() {
        return Err(unicode_error(
            escape_start,
            open,
            "malformed \\N character escape",
        ));
    }
    match crate::names::lookup(name) {
        Some(ch) => Ok((ch, close + 1)),
        None => Err(unicode_error(
            escape_start,
            close,
            "unknown Unicode character name",
        )),
    }
}

fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {reason}"
    )
}
