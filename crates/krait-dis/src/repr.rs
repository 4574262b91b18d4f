//! Python's `repr()` of constants, as CPython 3.11 prints them.
//!
//! `dis` shows every constant by its repr, so these follow CPython's
//! algorithms: the quote choice and escapes of `str.__repr__`
//! (`Objects/unicodeobject.c: unicode_repr`), the shortest round-trip
//! digits and the fixed/exponent switch of `float.__repr__`
//! (`Python/pystrtod.c`, mode `'r'`), `complex.__repr__`'s parentheses and
//! the one-element tuple's trailing comma.

use std::fmt::Write;

use krait_bytecode::{CodeObject, Constant};

/// The repr of a constant: `1`, `'hi'`, `1e+16`, `(1,)`, `b'\x00'`,
/// `<code object f at 0x..., file "x.py", line 1>`.
pub fn constant_repr(constant: &Constant) -> String {
    let mut out = String::new();
    write_constant(&mut out, constant);
    out
}

fn write_constant(out: &mut String, constant: &Constant) {
    // Tuples nest; walk them with an explicit stack so a hostile, deeply
    // nested constant cannot overflow the Rust stack.
    enum Step<'a> {
        Value(&'a Constant),
        Text(&'static str),
    }
    let mut stack = vec![Step::Value(constant)];
    while let Some(step) = stack.pop() {
        let constant = match step {
            Step::Text(text) => {
                out.push_str(text);
                continue;
            }
            Step::Value(constant) => constant,
        };
        match constant {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Constant::BigInt(i) => {
                let _ = write!(out, "{i}");
            }
            Constant::Float(f) => out.push_str(&float_repr(*f)),
            Constant::Complex { real, imag } => out.push_str(&complex_repr(*real, *imag)),
            Constant::Str(s) => out.push_str(&str_repr(s)),
            Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
            Constant::Code(code) => out.push_str(&code_repr(code)),
            Constant::Tuple(items) => {
                out.push('(');
                // Pushed in reverse: the stack pops them in source order.
                stack.push(Step::Text(if items.len() == 1 { ",)" } else { ")" }));
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push(Step::Value(item));
                    if i > 0 {
                        stack.push(Step::Text(", "));
                    }
                }
            }
            // In source order: the order of the set needs the VM's hashes.
            Constant::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
            Constant::FrozenSet(items) => {
                out.push_str("frozenset({");
                stack.push(Step::Text("})"));
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push(Step::Value(item));
                    if i > 0 {
                        stack.push(Step::Text(", "));
                    }
                }
            }
        }
    }
}

/// The repr of a code object:
/// `<code object f at 0x7f..., file "x.py", line 3>`.
///
/// The address is fake (see [`fake_address`]) so listings are the same on
/// every run and snapshot tests stay stable.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        fake_address(code),
        code.filename,
        code.first_line
    )
}

/// A stable stand-in for a code object's memory address: an FNV-1a hash of
/// its qualname, filename and first line, shaped like a 64-bit Linux heap
/// address (`0x7f..`, 16-byte aligned). Deterministic, so snapshots never
/// change between runs; distinct code objects almost always differ.
pub fn fake_address(code: &CodeObject) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(code.qualname.as_bytes());
    feed(&[0]);
    feed(code.filename.as_bytes());
    feed(&[0]);
    feed(&code.first_line.to_le_bytes());
    0x7f00_0000_0000 | (hash & 0x00ff_ffff_fff0)
}

/// Python's `repr(str)`: single quotes unless the text contains `'` and no
/// `"`; backslash escapes for the quote, `\\`, `\t`, `\n`, `\r`, and
/// `\xNN`/`\uNNNN`/`\UNNNNNNNN` for non-printable characters.
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let code = c as u32;
                let _ = if code <= 0xff {
                    write!(out, "\\x{code:02x}")
                } else if code <= 0xffff {
                    write!(out, "\\u{code:04x}")
                } else {
                    write!(out, "\\U{code:08x}")
                };
            }
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable()` for one character:
/// false for the categories Python treats as non-printable (Cc, Cf, Co,
/// Zl, Zp, Zs other than the space) as far as a short table covers them.
/// Unassigned code points (Cn) are not known here and count as printable,
/// except the noncharacters U+FFFE and U+FFFF.
fn is_printable(c: char) -> bool {
    let code = c as u32;
    if code < 0x7f {
        return code >= 0x20;
    }
    let non_printable: &[(u32, u32)] = &[
        (0x7f, 0xa0),     // DEL, C1 controls, NO-BREAK SPACE
        (0xad, 0xad),     // SOFT HYPHEN
        (0x600, 0x605),   // Arabic number signs (Cf)
        (0x61c, 0x61c),   // ARABIC LETTER MARK
        (0x6dd, 0x6dd),   // ARABIC END OF AYAH
        (0x70f, 0x70f),   // SYRIAC ABBREVIATION MARK
        (0x8e2, 0x8e2),   // ARABIC DISPUTED END OF AYAH
        (0x1680, 0x1680), // OGHAM SPACE MARK
        (0x180e, 0x180e), // MONGOLIAN VOWEL SEPARATOR
        (0x2000, 0x200f), // spaces, zero-width and direction marks
        (0x2028, 0x202f), // line/paragraph separators, embeddings, NNBSP
        (0x205f, 0x2064), // MEDIUM MATHEMATICAL SPACE, invisible operators
        (0x2066, 0x206f), // isolates and deprecated format characters
        (0x3000, 0x3000), // IDEOGRAPHIC SPACE
        (0xe000, 0xf8ff), // private use
        (0xfeff, 0xfeff), // ZERO WIDTH NO-BREAK SPACE (BOM)
        (0xfff9, 0xfffb), // interlinear annotation
        (0xfffe, 0xffff), // noncharacters
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x1343f),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
        (0xf0000, 0x10ffff), // supplementary private use
    ];
    !non_printable
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&code))
}

/// Python's `repr(bytes)`: `b'...'` with the same quote rule as `str`,
/// and `\xNN` for bytes outside printable ASCII.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// Python's `repr(float)`: the shortest digits that round-trip, in fixed
/// notation when the decimal exponent is in `-4..16`, else in exponent
/// notation (`1e+16`, `1.5e-05`); always with a `.0` or an exponent, so
/// it reads as a float. `inf`, `-inf`, `nan`.
pub fn float_repr(value: f64) -> String {
    format_float(value, true)
}

/// Python's `repr(complex)`: `2j`, `(1+2j)`, `(-0-1.5j)`, `infj`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_float(imag, false))
    } else {
        let imag_text = format_float(imag, false);
        let sign = if imag_text.starts_with('-') { "" } else { "+" };
        format!("({}{sign}{imag_text}j)", format_float(real, false))
    }
}

/// CPython's `PyOS_double_to_string(value, 'r', 0, flags)`; `add_dot_0`
/// is `Py_DTSF_ADD_DOT_0` (set for float reprs, not for complex parts).
fn format_float(value: f64, add_dot_0: bool) -> String {
    if value.is_nan() {
        return "nan".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Rust's `{:e}` prints the shortest round-trip digits: `1.5e-5`.
    // When two strings of that length round-trip and are equally close it
    // takes the upper one where CPython (dtoa) takes the even one: the
    // correctly rounded string of that length (ties to even) is CPython's
    // whenever it round-trips (ties need 16 or more digits).
    let mut scientific = format!("{:e}", value.abs());
    let digit_count = scientific
        .split('e')
        .next()
        .map_or(0, |m| m.bytes().filter(u8::is_ascii_digit).count());
    if digit_count >= 16 {
        let rounded = format!("{:.*e}", digit_count - 1, value.abs());
        if rounded.parse::<f64>() == Ok(value.abs()) {
            scientific = rounded;
        }
    }
    let (mantissa, exponent) = scientific
        .split_once('e')
        .expect("LowerExp always writes an exponent");
    let exponent: i32 = exponent.parse().expect("LowerExp exponent is an integer");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    // `decpt` as in dtoa: the value is 0.DIGITS * 10**decpt.
    let decpt = exponent + 1;
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let ndigits = digits.len() as i32;
    let body = if !(-4 < decpt && decpt <= 16) {
        let (first, rest) = digits.split_at(1);
        let mut text = first.to_string();
        if !rest.is_empty() {
            text.push('.');
            text.push_str(rest);
        }
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{text}e{exp_sign}{:02}", exponent.unsigned_abs())
    } else if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else if decpt >= ndigits {
        let zeros = "0".repeat((decpt - ndigits) as usize);
        if add_dot_0 {
            format!("{digits}{zeros}.0")
        } else {
            format!("{digits}{zeros}")
        }
    } else {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        format!("{int_part}.{frac_part}")
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_python() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-2.25, "-2.25"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e100, "1e+100"),
            (1e-300, "1e-300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (12.375, "12.375"),
            (100.0, "100.0"),
            (1234.5678, "1234.5678"),
            // A tie at 17 digits: CPython rounds it to the even digit.
            (2f64.powi(-25), "2.9802322387695312e-08"),
            (2f64.powi(-24), "5.960464477539063e-08"),
        ];
        for &(value, expected) in cases {
            assert_eq!(float_repr(value), expected, "{value:?}");
        }
    }

    #[test]
    fn complex_like_python() {
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(0.0, 1.5), "1.5j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(1.0, -2.0), "(1-2j)");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr(0.0, f64::INFINITY), "infj");
        assert_eq!(complex_repr(1.0, f64::NAN), "(1+nanj)");
    }

    #[test]
    fn strings_like_python() {
        assert_eq!(str_repr("hello"), "'hello'");
        assert_eq!(str_repr(""), "''");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("it's \"q\""), "'it\\'s \"q\"'");
        assert_eq!(str_repr("a\nb\tc\\"), "'a\\nb\\tc\\\\'");
        assert_eq!(str_repr("\x00\x1f\x7f"), "'\\x00\\x1f\\x7f'");
        assert_eq!(str_repr("é ü 中文 🐍"), "'é ü 中文 🐍'");
        assert_eq!(str_repr("\u{a0}\u{200b}\u{feff}"), "'\\xa0\\u200b\\ufeff'");
        assert_eq!(str_repr("\u{f0000}"), "'\\U000f0000'");
    }

    #[test]
    fn bytes_like_python() {
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"\x00\xff\n"), "b'\\x00\\xff\\n'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
    }

    #[test]
    fn constants_like_python() {
        let t = |items: Vec<Constant>| Constant::Tuple(items);
        assert_eq!(constant_repr(&Constant::None), "None");
        assert_eq!(constant_repr(&Constant::Bool(true)), "True");
        assert_eq!(constant_repr(&Constant::Bool(false)), "False");
        assert_eq!(constant_repr(&Constant::Ellipsis), "Ellipsis");
        assert_eq!(constant_repr(&Constant::Int(-7)), "-7");
        let big = Constant::from_bigint("123456789012345678901234567890".parse().unwrap());
        assert_eq!(constant_repr(&big), "123456789012345678901234567890");
        assert_eq!(constant_repr(&t(vec![])), "()");
        assert_eq!(constant_repr(&t(vec![Constant::Int(1)])), "(1,)");
        assert_eq!(
            constant_repr(&t(vec![
                Constant::Int(1),
                Constant::Str("a".into()),
                t(vec![Constant::None]),
                t(vec![]),
            ])),
            "(1, 'a', (None,), ())"
        );
        let f = |items: Vec<Constant>| Constant::FrozenSet(items);
        assert_eq!(constant_repr(&f(vec![])), "frozenset()");
        assert_eq!(
            constant_repr(&f(vec![Constant::Int(3), t(vec![Constant::Int(1)])])),
            "frozenset({3, (1,)})"
        );
    }

    #[test]
    fn deep_tuples_do_not_overflow() {
        let mut c = Constant::Int(0);
        for _ in 0..100_000 {
            c = Constant::Tuple(vec![c]);
        }
        let text = constant_repr(&c);
        assert!(text.starts_with("(((") && text.ends_with(",),)"));
        // Dropping the nested tuple is recursive in Vec's drop glue; leak it
        // so the test checks our code, not the allocator's recursion.
        std::mem::forget(c);
    }

    #[test]
    fn code_repr_is_stable() {
        let mut code = CodeObject::new("f", "f", "x.py");
        code.first_line = 3;
        let first = code_repr(&code);
        assert_eq!(first, code_repr(&code.clone()));
        assert!(first.starts_with("<code object f at 0x7f"), "{first}");
        assert!(first.ends_with(", file \"x.py\", line 3>"), "{first}");
        let mut other = code.clone();
        other.qualname = "g".into();
        assert_ne!(fake_address(&code), fake_address(&other));
    }
}
