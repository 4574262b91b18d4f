//! Python source bytes to text, as CPython's tokenizer decodes them: UTF-8
//! (a BOM dropped) unless a PEP 263 declaration on the first or second
//! line (`# -*- coding: latin-1 -*-`) names another encoding. Shared by the
//! `krait` command (the main script) and the import system (modules).

/// Why source bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// Undeclared non-UTF-8: CPython's "Non-UTF-8 code starting with ...".
    NonUtf8 { lineno: u32, byte: u8 },
    /// A declared encoding krait does not know, or bytes it cannot decode
    /// ("encoding problem: NAME").
    EncodingProblem(String),
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceError::NonUtf8 { .. } => write!(f, "Non-UTF-8 code"),
            SourceError::EncodingProblem(name) => write!(f, "encoding problem: {name}"),
        }
    }
}

/// The source as text (see the module documentation).
pub fn decode(bytes: &[u8]) -> Result<String, SourceError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match declared_encoding(bytes).as_deref() {
        None | Some("utf-8") => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_string()),
            Err(err) => {
                let valid = err.valid_up_to();
                let lineno = bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                Err(SourceError::NonUtf8 {
                    lineno,
                    byte: bytes[valid],
                })
            }
        },
        Some("iso-8859-1") => Ok(bytes.iter().map(|&b| b as char).collect()),
        Some(name @ ("ascii" | "us-ascii")) => match bytes.is_ascii() {
            true => Ok(bytes.iter().map(|&b| b as char).collect()),
            false => Err(SourceError::EncodingProblem(name.to_string())),
        },
        Some("iso-8859-15" | "latin-9" | "latin9") => {
            Ok(bytes.iter().map(|&b| latin9(b)).collect())
        }
        Some(name @ ("cp1252" | "windows-1252")) => bytes
            .iter()
            .map(|&b| cp1252(b).ok_or_else(|| SourceError::EncodingProblem(name.to_string())))
            .collect(),
        Some(other) => Err(SourceError::EncodingProblem(other.to_string())),
    }
}

/// The encoding a PEP 263 comment declares on line 1 (or on line 2 after a
/// comment or blank line 1), normalised as CPython's `get_normal_name`.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_of(first) {
        return Some(name);
    }
    let first = String::from_utf8_lossy(first);
    let first = first.trim_start_matches([' ', '\t', '\x0c']);
    if !(first.is_empty() || first.starts_with('#') || first == "\r") {
        return None;
    }
    coding_of(lines.next()?)
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn coding_of(line: &[u8]) -> Option<String> {
    let line = std::str::from_utf8(line).ok()?;
    let rest = line
        .trim_start_matches([' ', '\t', '\x0c'])
        .strip_prefix('#')?;
    let at = rest.find("coding")?;
    let after = &rest[at + "coding".len()..];
    let after = after.strip_prefix([':', '='])?;
    let name: String = after
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if name.is_empty() {
        return None;
    }
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let is = |base: &str| lower == base || lower.starts_with(&format!("{base}-"));
    Some(if is("utf-8") || lower == "utf8" {
        "utf-8".to_string()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") || lower == "latin1" {
        "iso-8859-1".to_string()
    } else {
        lower
    })
}

/// ISO-8859-15: Latin-1 with eight letters and the euro sign.
fn latin9(b: u8) -> char {
    match b {
        0xa4 => '€',
        0xa6 => 'Š',
        0xa8 => 'š',
        0xb4 => 'Ž',
        0xb8 => 'ž',
        0xbc => 'Œ',
        0xbd => 'œ',
        0xbe => 'Ÿ',
        _ => b as char,
    }
}

/// Windows-1252 (five bytes of 0x80–0x9f are undefined).
fn cp1252(b: u8) -> Option<char> {
    const HIGH: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => Some(b as char),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_choose_the_encoding() {
        assert_eq!(
            decode(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decode(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n'\xa4'")
                .unwrap()
                .chars()
                .last(),
            Some('\'')
        );
        assert!(
            decode(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n'\xa4'")
                .unwrap()
                .contains('€')
        );
        assert_eq!(decode(b"\xef\xbb\xbfx = 1\n").unwrap(), "x = 1\n");
        assert_eq!(
            decode(b"x = '\xe9'\n"),
            Err(SourceError::NonUtf8 {
                lineno: 1,
                byte: 0xe9
            })
        );
        assert_eq!(
            decode(b"# coding: xyz\n"),
            Err(SourceError::EncodingProblem("xyz".into()))
        );
        // Only the first two lines, and line 2 only after a comment.
        assert!(decode(b"x = 1\n# coding: latin-1\n'\xe9'").is_err());
        assert_eq!(
            decode(b"# coding=cp1252\n'\x80'").unwrap(),
            "# coding=cp1252\n'€'"
        );
    }
}
