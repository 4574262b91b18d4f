//! The text codecs behind `str.encode`, `bytes.decode`, `str(b, enc)` and
//! text files: UTF-8 (and `utf-8-sig`), UTF-16 and UTF-32 (with and
//! without a byte-order mark), ASCII, Latin-1, the `cp1252` and `cp437`
//! code pages, and the `unicode_escape` and `raw_unicode_escape` codecs;
//! with CPython's names and aliases, its error handlers (`strict`,
//! `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace`,
//! `namereplace`) and its `UnicodeDecodeError`/`UnicodeEncodeError`
//! arguments (`encoding`, `object`, `start`, `end`, `reason`).
//!
//! A lone surrogate is held in a krait str by a stand-in character (see
//! `str::SURROGATE_STAND_INS`): `surrogateescape` decodes an undecodable
//! byte to the stand-in of U+DC80..U+DCFF and encodes it back,
//! `surrogatepass` decodes and encodes UTF-8's three-byte form of a
//! surrogate, and every other way of encoding one fails as CPython's
//! does ("surrogates not allowed").

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::typeobject::ExcType;
use crate::value::Value;
use crate::{Args, Vm};

/// A byte order: `Bom` reads (and writes) a byte-order mark, which on
/// decoding picks the order; without one it is little-endian (this
/// machine's, as CPython's native order).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Order {
    Bom,
    Little,
    Big,
}

/// A single-byte code page: the code points of bytes 0x80..=0xff (0-0x7f
/// are ASCII); `0xfffe` marks a byte the page leaves undefined.
pub struct CodePage {
    name: &'static str,
    high: [u16; 128],
}

impl CodePage {
    fn decode_byte(&self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(b as char);
        }
        match self.high[usize::from(b - 0x80)] {
            0xfffe => None,
            c => char::from_u32(u32::from(c)),
        }
    }

    fn encode_char(&self, c: char) -> Option<u8> {
        if (c as u32) < 0x80 {
            return Some(c as u8);
        }
        let c = u16::try_from(c as u32).ok()?;
        self.high
            .iter()
            .position(|&h| h == c && h != 0xfffe)
            .map(|i| 0x80 + i as u8)
    }
}

static CP1252: CodePage = CodePage {
    name: "cp1252",
    high: [
        0x20ac, 0xfffe, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xfffe, 0x017d, 0xfffe, 0xfffe, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
        0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffe, 0x017e, 0x0178, 0x00a0,
        0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab,
        0x00ac, 0x00ad, 0x00ae, 0x00af, 0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6,
        0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf, 0x00c0, 0x00c1,
        0x00c2, 0x00c3, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc,
        0x00cd, 0x00ce, 0x00cf, 0x00d0, 0x00d1, 0x00d2, 0x00d3, 0x00d4, 0x00d5, 0x00d6, 0x00d7,
        0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x00dd, 0x00de, 0x00df, 0x00e0, 0x00e1, 0x00e2,
        0x00e3, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x00ec, 0x00ed,
        0x00ee, 0x00ef, 0x00f0, 0x00f1, 0x00f2, 0x00f3, 0x00f4, 0x00f5, 0x00f6, 0x00f7, 0x00f8,
        0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x00fd, 0x00fe, 0x00ff,
    ],
};

static CP437: CodePage = CodePage {
    name: "cp437",
    high: [
        0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8,
        0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5, 0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2,
        0x00fb, 0x00f9, 0x00ff, 0x00d6, 0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192, 0x00e1,
        0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba, 0x00bf, 0x2310, 0x00ac, 0x00bd,
        0x00bc, 0x00a1, 0x00ab, 0x00bb, 0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562,
        0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510, 0x2514, 0x2534,
        0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560,
        0x2550, 0x256c, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b,
        0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580, 0x03b1, 0x00df, 0x0393,
        0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4, 0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6,
        0x03b5, 0x2229, 0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248, 0x00b0,
        0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0,
    ],
};

/// The codecs krait knows.
#[derive(Clone, Copy)]
pub enum Codec {
    Utf8,
    /// UTF-8 with a byte-order mark written first and skipped if read.
    Utf8Sig,
    Ascii,
    Latin1,
    Utf16(Order),
    Utf32(Order),
    CodePage(&'static CodePage),
    UnicodeEscape,
    RawUnicodeEscape,
}

/// CPython's `encodings.normalize_encoding` after the registry's
/// lowercasing: runs of characters other than ASCII letters, digits and
/// `.` become one `_` (none at either end).
fn normalize(encoding: &str) -> String {
    let mut out = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

impl Codec {
    /// The codec `encoding` names, by CPython's module names and aliases
    /// (`encodings.aliases`); `LookupError: unknown encoding: x` if none.
    pub fn lookup(encoding: &str) -> PyResult<Codec> {
        match encoding {
            "utf-8" | "utf8" | "UTF-8" => return Ok(Codec::Utf8),
            "ascii" => return Ok(Codec::Ascii),
            _ => {}
        }
        let norm = normalize(encoding);
        let by_name = |name: &str| {
            Some(match name {
                "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
                    Codec::Utf8
                }
                "utf_8_sig" => Codec::Utf8Sig,
                "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
                | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
                | "iso_ir_6" | "us" | "us_ascii" => Codec::Ascii,
                "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859"
                | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1"
                | "latin" | "latin1" => Codec::Latin1,
                "utf_16" | "u16" | "utf16" => Codec::Utf16(Order::Bom),
                "utf_16_le" | "unicodelittleunmarked" | "utf_16le" => Codec::Utf16(Order::Little),
                "utf_16_be" | "unicodebigunmarked" | "utf_16be" => Codec::Utf16(Order::Big),
                "utf_32" | "u32" | "utf32" => Codec::Utf32(Order::Bom),
                "utf_32_le" | "utf_32le" => Codec::Utf32(Order::Little),
                "utf_32_be" | "utf_32be" => Codec::Utf32(Order::Big),
                "cp1252" | "1252" | "windows_1252" => Codec::CodePage(&CP1252),
                "cp437" | "437" | "cspc8codepage437" | "ibm437" => Codec::CodePage(&CP437),
                "unicode_escape" => Codec::UnicodeEscape,
                "raw_unicode_escape" => Codec::RawUnicodeEscape,
                _ => return None,
            })
        };
        // An alias may be written with `.` for `_` (not a module's name).
        let dotted = || {
            let name = norm.replace('.', "_");
            let module = matches!(
                name.as_str(),
                "utf_8"
                    | "utf_8_sig"
                    | "latin_1"
                    | "utf_16"
                    | "utf_16_le"
                    | "utf_16_be"
                    | "utf_32"
                    | "utf_32_le"
                    | "utf_32_be"
                    | "unicode_escape"
                    | "raw_unicode_escape"
            );
            if name == norm || module {
                None
            } else {
                by_name(&name)
            }
        };
        by_name(&norm).or_else(dotted).ok_or_else(|| {
            PyErr::new(
                ExcType::LookupError,
                format!("unknown encoding: {encoding}"),
            )
        })
    }

    /// The codec's Python name (`codecs.lookup(x).name`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "iso8859-1",
            Codec::Utf16(Order::Bom) => "utf-16",
            Codec::Utf16(Order::Little) => "utf-16-le",
            Codec::Utf16(Order::Big) => "utf-16-be",
            Codec::Utf32(Order::Bom) => "utf-32",
            Codec::Utf32(Order::Little) => "utf-32-le",
            Codec::Utf32(Order::Big) => "utf-32-be",
            Codec::CodePage(page) => page.name,
            Codec::UnicodeEscape => "unicode-escape",
            Codec::RawUnicodeEscape => "raw-unicode-escape",
        }
    }

    /// Whether each byte is one character (a text file's positions then
    /// count characters, and any chunk of bytes decodes on its own).
    pub fn single_byte(self) -> bool {
        matches!(self, Codec::Ascii | Codec::Latin1 | Codec::CodePage(_))
    }
}

/// How a codec error is handled (`errors=`), looked up only once an
/// error needs it: CPython too refuses an unknown name only then.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    /// Undecodable bytes (0x80 and up) become lone surrogates
    /// U+DC80..U+DCFF, which encode back to them.
    SurrogateEscape,
    /// UTF-8's encoding of a surrogate decodes to it, and a surrogate
    /// encodes to it.
    SurrogatePass,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
}

impl Handler {
    fn lookup(errors: &str) -> PyResult<Handler> {
        Ok(match errors {
            "strict" => Handler::Strict,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "namereplace" => Handler::NameReplace,
            _ => {
                return Err(PyErr::new(
                    ExcType::LookupError,
                    format!("unknown error handler name '{errors}'"),
                ));
            }
        })
    }
}

/// A `UnicodeDecodeError` with CPython's arguments and attributes.
pub fn decode_error(encoding: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    unicode_error(
        ExcType::UnicodeDecodeError,
        encoding,
        Value::bytes(data.to_vec()),
        start,
        end,
        reason,
    )
}

/// A `UnicodeEncodeError` with CPython's arguments and attributes
/// (`start`, `end`: code point indices of `text`).
pub fn encode_error(encoding: &str, text: &str, start: usize, end: usize, reason: &str) -> PyErr {
    unicode_error(
        ExcType::UnicodeEncodeError,
        encoding,
        Value::str(text),
        start,
        end,
        reason,
    )
}

fn unicode_error(
    kind: ExcType,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = vec![
        Value::str(encoding),
        object,
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::str(reason),
    ];
    let err = PyErr::with_args(crate::typeobject::exc_type(kind), args.clone());
    if let Some(dict) = err.exception().dict().as_dict() {
        for (name, value) in ["encoding", "object", "start", "end", "reason"]
            .into_iter()
            .zip(args)
        {
            let _ = dict.set_item(Value::str(name), value);
        }
    }
    err
}

// ---------------------------------------------------------------------------
// Decoding.

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    decode_with(Codec::lookup(encoding)?, data, errors)
        .map_err(|err| wrap_error(err, "decoding", encoding))
}

/// Whether CPython encodes and decodes with `encoding` without going
/// through its codec registry (`utf-8`, `utf-16`, `utf-32`, `ascii` and
/// `latin-1` by their commonest names).
fn fast_path(encoding: &str) -> bool {
    let lower = encoding.to_ascii_lowercase().replace('-', "_");
    matches!(
        lower.as_str(),
        "utf8"
            | "utf_8"
            | "utf16"
            | "utf_16"
            | "utf32"
            | "utf_32"
            | "ascii"
            | "us_ascii"
            | "latin1"
            | "latin_1"
            | "iso_8859_1"
            | "iso8859_1"
    )
}

/// What CPython's registry does to a plain error of a codec it called
/// (a `LookupError` for the handler's name, a `TypeError`): the same
/// type, saying which codec failed, caused by the first.
fn wrap_error(err: PyErr, what: &str, encoding: &str) -> PyErr {
    let plain = [ExcType::LookupError, ExcType::TypeError]
        .iter()
        .any(|&kind| std::rc::Rc::ptr_eq(err.class(), &crate::typeobject::exc_type(kind)));
    if !plain || fast_path(encoding) {
        return err;
    }
    let wrapped = PyErr::with_args(
        err.class().clone(),
        vec![Value::str(format!(
            "{what} with '{encoding}' codec failed ({}: {})",
            err.class().name,
            err.message()
        ))],
    );
    if let Some(Ok(())) = wrapped.exception().set_field("__cause__", err.value()) {}
    wrapped
}

/// Decodes `data` with a codec already looked up.
pub fn decode_with(codec: Codec, data: &[u8], errors: &str) -> PyResult<String> {
    let mut d = Decoder {
        data,
        errors,
        handler: None,
        out: String::with_capacity(data.len()),
    };
    match codec {
        Codec::Utf8 => d.utf8(0, "utf-8")?,
        Codec::Utf8Sig => {
            // As `encodings.utf_8_sig`: the error's object and positions
            // are those of the bytes after the mark.
            let rest = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
            return decode_with(Codec::Utf8, rest, errors);
        }
        Codec::Ascii => d.single(
            |b| (b < 0x80).then_some(b as char),
            "ascii",
            "ordinal not in range(128)",
        )?,
        Codec::Latin1 => return Ok(data.iter().map(|&b| b as char).collect()),
        Codec::CodePage(page) => d.single(
            |b| page.decode_byte(b),
            "charmap",
            "character maps to <undefined>",
        )?,
        Codec::Utf16(order) => d.utf16(order)?,
        Codec::Utf32(order) => d.utf32(order)?,
        Codec::UnicodeEscape => d.unicode_escape()?,
        Codec::RawUnicodeEscape => d.raw_unicode_escape()?,
    }
    Ok(d.out)
}

struct Decoder<'a> {
    data: &'a [u8],
    errors: &'a str,
    handler: Option<Handler>,
    out: String,
}

impl Decoder<'_> {
    /// Handles the undecodable `data[start..end]`: an error, or what the
    /// handler puts in its place (decoding goes on at `end`).
    fn error(&mut self, encoding: &str, start: usize, end: usize, reason: &str) -> PyResult<()> {
        let handler = match self.handler {
            Some(h) => h,
            None => *self.handler.insert(Handler::lookup(self.errors)?),
        };
        match handler {
            Handler::Strict | Handler::SurrogatePass => {
                return Err(decode_error(encoding, self.data, start, end, reason));
            }
            Handler::SurrogateEscape => {
                // Only bytes outside ASCII escape (as CPython's handler).
                let bytes = &self.data[start..end];
                if bytes.iter().any(|&b| b < 0x80) {
                    return Err(decode_error(encoding, self.data, start, end, reason));
                }
                self.out.extend(bytes.iter().filter_map(|&b| {
                    crate::builtins::str::char_for_code_point(0xDC00 + u32::from(b))
                }));
            }
            Handler::Ignore => {}
            Handler::Replace => self.out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for b in &self.data[start..end] {
                    self.out.push_str(&format!("\\x{b:02x}"));
                }
            }
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                return Err(PyErr::type_error(
                    "don't know how to handle UnicodeDecodeError in error callback",
                ));
            }
        }
        Ok(())
    }

    /// A code point an escape or a wide codec gave (a lone surrogate as
    /// its stand-in); false past U+10FFFF.
    fn push_code(&mut self, code: u32) -> bool {
        match crate::builtins::str::char_for_code_point(code) {
            Some(c) => {
                self.out.push(c);
                true
            }
            None => false,
        }
    }

    fn single(
        &mut self,
        decode: impl Fn(u8) -> Option<char>,
        encoding: &str,
        reason: &str,
    ) -> PyResult<()> {
        for (i, &b) in self.data.iter().enumerate() {
            match decode(b) {
                Some(c) => self.out.push(c),
                None => self.error(encoding, i, i + 1, reason)?,
            }
        }
        Ok(())
    }

    fn utf8(&mut self, mut pos: usize, encoding: &str) -> PyResult<()> {
        let data = self.data;
        while pos < data.len() {
            match std::str::from_utf8(&data[pos..]) {
                Ok(s) => {
                    self.out.push_str(s);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    // Valid UTF-8 up to there, by the error's word.
                    self.out
                        .push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or_default());
                    let start = pos + good;
                    // `surrogatepass`: a surrogate's three-byte form.
                    if let [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..] = data[start..]
                        && self.errors == "surrogatepass"
                    {
                        let code = 0xD000 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
                        self.push_code(code);
                        pos = start + 3;
                        continue;
                    }
                    let (len, reason) = match e.error_len() {
                        None => (data.len() - start, "unexpected end of data"),
                        Some(n) => {
                            let b = data[start];
                            let invalid_start = (0x80..0xc2).contains(&b) || b >= 0xf5;
                            let why = if invalid_start {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            (n, why)
                        }
                    };
                    self.error(encoding, start, start + len, reason)?;
                    pos = start + len;
                }
            }
        }
        Ok(())
    }

    /// CPython's UTF-16 decoder: a leading mark picks the order (and is
    /// dropped) only for `utf-16`; errors name the order used.
    fn utf16(&mut self, order: Order) -> PyResult<()> {
        let data = self.data;
        let mut q = 0;
        let mut big = order == Order::Big;
        if order == Order::Bom && data.len() >= 2 {
            match (data[0], data[1]) {
                (0xff, 0xfe) => q = 2,
                (0xfe, 0xff) => {
                    q = 2;
                    big = true;
                }
                _ => {}
            }
        }
        let encoding = if big { "utf-16-be" } else { "utf-16-le" };
        let unit = |at: usize| -> u32 {
            let (a, b) = (u32::from(data[at]), u32::from(data[at + 1]));
            if big { a << 8 | b } else { b << 8 | a }
        };
        let e = data.len();
        while q < e {
            if e - q < 2 {
                self.error(encoding, q, e, "truncated data")?;
                break;
            }
            let ch = unit(q);
            q += 2;
            if !(0xd800..0xe000).contains(&ch) {
                self.push_code(ch);
                continue;
            }
            if ch >= 0xdc00 {
                self.error(encoding, q - 2, q, "illegal encoding")?;
                continue;
            }
            if e - q < 2 {
                self.error(encoding, q - 2, e, "unexpected end of data")?;
                break;
            }
            let ch2 = unit(q);
            if !(0xdc00..0xe000).contains(&ch2) {
                self.error(encoding, q - 2, q, "illegal UTF-16 surrogate")?;
                continue;
            }
            q += 2;
            self.push_code(0x10000 + ((ch - 0xd800) << 10) + (ch2 - 0xdc00));
        }
        Ok(())
    }

    fn utf32(&mut self, order: Order) -> PyResult<()> {
        let data = self.data;
        let mut q = 0;
        let mut big = order == Order::Big;
        if order == Order::Bom && data.len() >= 4 {
            match data[..4] {
                [0xff, 0xfe, 0, 0] => q = 4,
                [0, 0, 0xfe, 0xff] => {
                    q = 4;
                    big = true;
                }
                _ => {}
            }
        }
        let encoding = if big { "utf-32-be" } else { "utf-32-le" };
        let e = data.len();
        while q < e {
            if e - q < 4 {
                self.error(encoding, q, e, "truncated data")?;
                break;
            }
            let mut bytes = [data[q], data[q + 1], data[q + 2], data[q + 3]];
            if !big {
                bytes.reverse();
            }
            let ch = u32::from_be_bytes(bytes);
            if (0xd800..0xe000).contains(&ch) {
                self.error(
                    encoding,
                    q,
                    q + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                )?;
            } else if !self.push_code(ch) {
                self.error(encoding, q, q + 4, "code point not in range(0x110000)")?;
            }
            q += 4;
        }
        Ok(())
    }

    /// `count` hex digits at `data[at..]`: the value, or where the digits
    /// stop (at the end or at the first non-digit).
    fn hex(&self, at: usize, count: usize) -> Result<u32, usize> {
        let mut value = 0u32;
        for i in at..at + count {
            match self.data.get(i).and_then(|&b| (b as char).to_digit(16)) {
                Some(d) => value = value << 4 | d,
                None => return Err(i.min(self.data.len())),
            }
        }
        Ok(value)
    }

    /// CPython's `unicode_escape` decoder: Python's string escapes over
    /// Latin-1 text.
    fn unicode_escape(&mut self) -> PyResult<()> {
        const ENCODING: &str = "unicodeescape";
        let data = self.data;
        let end = data.len();
        let mut s = 0;
        while s < end {
            let c = data[s];
            s += 1;
            if c != b'\\' {
                self.out.push(c as char);
                continue;
            }
            let start = s - 1;
            let Some(&c) = data.get(s) else {
                self.error(ENCODING, start, end, "\\ at end of string")?;
                break;
            };
            s += 1;
            let simple = match c {
                b'\n' => Some(None),
                b'\\' => Some(Some('\\')),
                b'\'' => Some(Some('\'')),
                b'"' => Some(Some('"')),
                b'b' => Some(Some('\u{8}')),
                b'f' => Some(Some('\u{c}')),
                b't' => Some(Some('\t')),
                b'n' => Some(Some('\n')),
                b'r' => Some(Some('\r')),
                b'v' => Some(Some('\u{b}')),
                b'a' => Some(Some('\u{7}')),
                _ => None,
            };
            if let Some(simple) = simple {
                self.out.extend(simple);
                continue;
            }
            match c {
                b'0'..=b'7' => {
                    let mut code = u32::from(c - b'0');
                    for _ in 0..2 {
                        match data.get(s) {
                            Some(&d @ b'0'..=b'7') => {
                                code = code << 3 | u32::from(d - b'0');
                                s += 1;
                            }
                            _ => break,
                        }
                    }
                    self.push_code(code);
                }
                b'x' | b'u' | b'U' => {
                    let (count, message) = match c {
                        b'x' => (2, "truncated \\xXX escape"),
                        b'u' => (4, "truncated \\uXXXX escape"),
                        _ => (8, "truncated \\UXXXXXXXX escape"),
                    };
                    match self.hex(s, count) {
                        Err(stop) => {
                            self.error(ENCODING, start, stop, message)?;
                            s = stop;
                        }
                        Ok(code) => {
                            s += count;
                            if code > 0x10ffff {
                                self.error(ENCODING, start, s, "illegal Unicode character")?;
                            } else if !self.push_code(code) {
                                self.error(ENCODING, start, s, "surrogates not allowed")?;
                            }
                        }
                    }
                }
                b'N' => {
                    let mut message = "malformed \\N character escape";
                    let mut stop = s;
                    if data.get(s) == Some(&b'{') {
                        let name_start = s + 1;
                        match data[name_start..].iter().position(|&b| b == b'}') {
                            None => stop = end,
                            Some(0) => stop = name_start,
                            Some(len) => {
                                stop = name_start + len + 1;
                                let name = std::str::from_utf8(&data[name_start..name_start + len])
                                    .ok()
                                    .and_then(character_named);
                                if let Some(ch) = name {
                                    self.out.push(ch);
                                    s = stop;
                                    continue;
                                }
                                message = "unknown Unicode character name";
                            }
                        }
                    }
                    self.error(ENCODING, start, stop, message)?;
                    s = stop;
                }
                _ => {
                    self.out.push('\\');
                    self.out.push(c as char);
                }
            }
        }
        Ok(())
    }

    /// CPython's `raw_unicode_escape` decoder: Latin-1 text where only
    /// `\uXXXX` and `\UXXXXXXXX` after an odd run of backslashes escape.
    fn raw_unicode_escape(&mut self) -> PyResult<()> {
        const ENCODING: &str = "rawunicodeescape";
        let data = self.data;
        let end = data.len();
        let mut s = 0;
        while s < end {
            let c = data[s];
            if c != b'\\' {
                self.out.push(c as char);
                s += 1;
                continue;
            }
            // A run of backslashes: all literal, except that an odd
            // run's last one may start an escape.
            let run = data[s..].iter().take_while(|&&b| b == b'\\').count();
            let escape = run % 2 == 1 && matches!(data.get(s + run), Some(b'u' | b'U'));
            let literal = if escape { run - 1 } else { run };
            self.out.extend(std::iter::repeat_n('\\', literal));
            s += literal;
            if !escape {
                continue;
            }
            let start = s;
            let count = if data[s + 1] == b'u' { 4 } else { 8 };
            s += 2;
            match self.hex(s, count) {
                Err(stop) => {
                    let message = if count == 4 {
                        "truncated \\uXXXX escape"
                    } else {
                        "truncated \\UXXXXXXXX escape"
                    };
                    self.error(ENCODING, start, stop, message)?;
                    s = stop;
                }
                Ok(code) => {
                    s += count;
                    if code > 0x10ffff {
                        self.error(ENCODING, start, s, "\\Uxxxxxxxx out of range")?;
                    } else if !self.push_code(code) {
                        self.error(ENCODING, start, s, "surrogates not allowed")?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The character with Unicode name `name` (`\N{...}`), as CPython finds
/// it: any case.
fn character_named(name: &str) -> Option<char> {
    unicode_names2::character(name)
}

// ---------------------------------------------------------------------------
// Encoding.

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    encode_with(Codec::lookup(encoding)?, text, errors)
        .map_err(|err| wrap_error(err, "encoding", encoding))
}

/// Encodes `text` with a codec already looked up.
pub fn encode_with(codec: Codec, text: &str, errors: &str) -> PyResult<Vec<u8>> {
    let limited = |limit: u32| move |c: char| ((c as u32) < limit).then_some(c as u8);
    // Lone surrogates (their stand-ins) go to the error handler.
    if crate::builtins::str::has_surrogates(text) {
        match codec {
            Codec::Utf8 | Codec::Utf8Sig => {
                let mut out = match codec {
                    Codec::Utf8Sig => b"\xef\xbb\xbf".to_vec(),
                    _ => Vec::new(),
                };
                encode_with_surrogates(
                    text,
                    errors,
                    "utf-8",
                    false,
                    &mut out,
                    |out, c| out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                    |out, code| {
                        out.extend_from_slice(&[
                            0xE0 | (code >> 12) as u8,
                            0x80 | ((code >> 6) & 0x3F) as u8,
                            0x80 | (code & 0x3F) as u8,
                        ])
                    },
                )?;
                return Ok(out);
            }
            Codec::Utf16(order) => {
                let mut out = Vec::with_capacity(text.len() * 2 + 2);
                if order == Order::Bom {
                    out.extend_from_slice(&[0xff, 0xfe]);
                }
                let unit_bytes = move |unit: u16| match order {
                    Order::Big => unit.to_be_bytes(),
                    _ => unit.to_le_bytes(),
                };
                encode_with_surrogates(
                    text,
                    errors,
                    codec.name(),
                    true,
                    &mut out,
                    |out, c| {
                        for unit in c.encode_utf16(&mut [0; 2]) {
                            out.extend_from_slice(&unit_bytes(*unit));
                        }
                    },
                    |out, code| out.extend_from_slice(&unit_bytes(code as u16)),
                )?;
                return Ok(out);
            }
            Codec::Utf32(order) => {
                let mut out = Vec::with_capacity(text.len() * 4 + 4);
                if order == Order::Bom {
                    out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
                }
                let code_bytes = move |code: u32| match order {
                    Order::Big => code.to_be_bytes(),
                    _ => code.to_le_bytes(),
                };
                encode_with_surrogates(
                    text,
                    errors,
                    codec.name(),
                    true,
                    &mut out,
                    |out, c| out.extend_from_slice(&code_bytes(c as u32)),
                    |out, code| out.extend_from_slice(&code_bytes(code)),
                )?;
                return Ok(out);
            }
            _ => {}
        }
    }
    match codec {
        Codec::Utf8 => Ok(text.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            let mut out = b"\xef\xbb\xbf".to_vec();
            out.extend_from_slice(text.as_bytes());
            Ok(out)
        }
        Codec::Ascii if text.is_ascii() => Ok(text.as_bytes().to_vec()),
        Codec::Ascii => encode_single(
            text,
            errors,
            limited(0x80),
            "ascii",
            "ordinal not in range(128)",
        ),
        Codec::Latin1 => encode_single(
            text,
            errors,
            limited(0x100),
            "latin-1",
            "ordinal not in range(256)",
        ),
        Codec::CodePage(page) => encode_single(
            text,
            errors,
            |c| page.encode_char(c),
            "charmap",
            "character maps to <undefined>",
        ),
        Codec::Utf16(order) => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if order == Order::Bom {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            let mut units = [0u16; 2];
            for c in text.chars() {
                for unit in c.encode_utf16(&mut units) {
                    out.extend_from_slice(&match order {
                        Order::Big => unit.to_be_bytes(),
                        _ => unit.to_le_bytes(),
                    });
                }
            }
            Ok(out)
        }
        Codec::Utf32(order) => {
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            if order == Order::Bom {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in text.chars() {
                out.extend_from_slice(&match order {
                    Order::Big => (c as u32).to_be_bytes(),
                    _ => (c as u32).to_le_bytes(),
                });
            }
            Ok(out)
        }
        Codec::UnicodeEscape => {
            let mut out = Vec::with_capacity(text.len());
            for c in text.chars() {
                match c {
                    '\t' => out.extend_from_slice(b"\\t"),
                    '\n' => out.extend_from_slice(b"\\n"),
                    '\r' => out.extend_from_slice(b"\\r"),
                    '\\' => out.extend_from_slice(b"\\\\"),
                    ' '..='~' => out.push(c as u8),
                    _ => out.extend_from_slice(escape_char(c).as_bytes()),
                }
            }
            Ok(out)
        }
        Codec::RawUnicodeEscape => {
            let mut out = Vec::with_capacity(text.len());
            for c in text.chars() {
                match crate::builtins::str::code_point_of(c) {
                    0..0x100 => out.push(c as u8),
                    _ => out.extend_from_slice(escape_char(c).as_bytes()),
                }
            }
            Ok(out)
        }
    }
}

/// Encodes with a one-byte-per-character codec (`encode` is `None` for
/// a character it cannot encode).
fn encode_single(
    text: &str,
    errors: &str,
    encode: impl Fn(char) -> Option<u8>,
    encoding: &str,
    reason: &str,
) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut handler = None;
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = encode(chars[i]) {
            out.push(b);
            i += 1;
            continue;
        }
        // CPython hands the whole run of unencodable characters to the
        // handler.
        let end = i + chars[i..]
            .iter()
            .take_while(|&&c| encode(c).is_none())
            .count();
        let handler = match handler {
            Some(h) => h,
            None => *handler.insert(Handler::lookup(errors)?),
        };
        let run = &chars[i..end];
        match handler {
            Handler::Strict | Handler::SurrogatePass => {
                return Err(encode_error(encoding, text, i, end, reason));
            }
            Handler::SurrogateEscape => escape_run(&mut out, run, i, |k| {
                encode_error(encoding, text, k, end, reason)
            })?,
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
            Handler::BackslashReplace => {
                for &c in run {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in run {
                    let code = crate::builtins::str::code_point_of(c);
                    out.extend_from_slice(format!("&#{code};").as_bytes());
                }
            }
            Handler::NameReplace => {
                for &c in run {
                    match unicode_names2::name(c).filter(|_| !is_stand_in(c)) {
                        Some(name) => out.extend_from_slice(format!("\\N{{{name}}}").as_bytes()),
                        None => out.extend_from_slice(escape_char(c).as_bytes()),
                    }
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// The byte a lone surrogate U+DC80..U+DCFF (its stand-in) stands for
/// under `surrogateescape`.
fn escaped_byte(c: char) -> Option<u8> {
    match crate::builtins::str::surrogate_of(c)? {
        code @ 0xDC80..=0xDCFF => Some((code - 0xDC00) as u8),
        _ => None,
    }
}

/// `surrogateescape` on the run of characters `run` starting at `start`:
/// the bytes of its lone surrogates U+DC80..U+DCFF, up to the first
/// other character, where the error (`error(position)`, to the run's end)
/// is raised, as CPython's encoders do.
fn escape_run(
    out: &mut Vec<u8>,
    run: &[char],
    start: usize,
    error: impl Fn(usize) -> PyErr,
) -> PyResult<()> {
    for (k, &c) in run.iter().enumerate() {
        match escaped_byte(c) {
            Some(b) => out.push(b),
            None => return Err(error(start + k)),
        }
    }
    Ok(())
}

fn is_stand_in(c: char) -> bool {
    crate::builtins::str::surrogate_of(c).is_some()
}

/// Encodes `text`, which holds stand-ins for lone surrogates, with a
/// Unicode codec: `put` writes any other character, `put_surrogate` a
/// surrogate's own code unit (`surrogatepass`); a run of surrogates goes
/// to the `errors` handler, as CPython hands it over.
fn encode_with_surrogates(
    text: &str,
    errors: &str,
    encoding: &str,
    one_at_a_time: bool,
    out: &mut Vec<u8>,
    put: impl Fn(&mut Vec<u8>, char),
    put_surrogate: impl Fn(&mut Vec<u8>, u32),
) -> PyResult<()> {
    const REASON: &str = "surrogates not allowed";
    let chars: Vec<char> = text.chars().collect();
    let mut handler = None;
    let mut i = 0;
    while i < chars.len() {
        if !is_stand_in(chars[i]) {
            put(out, chars[i]);
            i += 1;
            continue;
        }
        // (UTF-16 and UTF-32 hand the handler one surrogate at a time, and
        // their bytes are no single bytes to escape to, as in CPython.)
        let end = match one_at_a_time {
            true => i + 1,
            false => i + chars[i..].iter().take_while(|&&c| is_stand_in(c)).count(),
        };
        let handler = match handler {
            Some(h) => h,
            None => *handler.insert(Handler::lookup(errors)?),
        };
        let run = &chars[i..end];
        let put_text = |out: &mut Vec<u8>, text: &str| text.chars().for_each(|c| put(out, c));
        match handler {
            Handler::Strict => return Err(encode_error(encoding, text, i, end, REASON)),
            Handler::SurrogateEscape if one_at_a_time => {
                return Err(encode_error(encoding, text, i, end, REASON));
            }
            Handler::SurrogateEscape => escape_run(out, run, i, |k| {
                encode_error(encoding, text, k, end, REASON)
            })?,
            Handler::SurrogatePass => {
                for &c in run {
                    put_surrogate(out, crate::builtins::str::code_point_of(c));
                }
            }
            Handler::Ignore => {}
            Handler::Replace => run.iter().for_each(|_| put(out, '?')),
            Handler::BackslashReplace | Handler::NameReplace => {
                run.iter().for_each(|&c| put_text(out, &escape_char(c)));
            }
            Handler::XmlCharRefReplace => run.iter().for_each(|&c| {
                let code = crate::builtins::str::code_point_of(c);
                put_text(out, &format!("&#{code};"));
            }),
        }
        i = end;
    }
    Ok(())
}

/// `\xe9`, `\u20ac`, `\U0001f600`: a character as CPython's codec
/// messages, `backslashreplace` and the escape codecs show it.
pub fn escape_char(c: char) -> String {
    let cp = crate::builtins::str::code_point_of(c);
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

// ---------------------------------------------------------------------------
// The Unicode error types.

/// What `str(e)` shows for a `UnicodeDecodeError`, `UnicodeEncodeError`
/// or `UnicodeTranslateError` made with its five (four) arguments, from
/// its attributes (which code may change); `None` if it has not got them.
pub fn unicode_error_str(kind: ExcType, get: &dyn Fn(&str) -> Option<Value>) -> Option<String> {
    let int = |name| match get(name)? {
        Value::Int(n) => Some(n),
        _ => None,
    };
    let text = |name| get(name).map(|v| crate::protocol::str(&v).unwrap_or_default());
    let (start, end) = (int("start")?, int("end")?);
    let reason = text("reason")?;
    let object = get("object")?;
    let single = start.checked_add(1) == Some(end) && start >= 0;
    match kind {
        ExcType::UnicodeDecodeError => {
            let encoding = text("encoding")?;
            let data = object.as_bytes_or_subclass()?.as_bytes();
            Some(match data.get(start as usize) {
                Some(byte) if single => format!(
                    "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
                ),
                _ => format!(
                    "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                ),
            })
        }
        _ => {
            let what = match kind {
                ExcType::UnicodeEncodeError => {
                    format!("'{}' codec can't encode", text("encoding")?)
                }
                _ => "can't translate".to_string(),
            };
            let string = object.as_str_or_subclass()?;
            let bad = if single {
                string.char_at(start as usize)
            } else {
                None
            };
            Some(match bad {
                Some(c) => format!(
                    "{what} character '{}' in position {start}: {reason}",
                    escape_char(c)
                ),
                None => format!(
                    "{what} characters in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                ),
            })
        }
    }
}

/// The attributes `UnicodeDecodeError(encoding, object, start, end,
/// reason)` (`UnicodeEncodeError` alike; `UnicodeTranslateError(object,
/// start, end, reason)`) sets, after CPython's checks of the arguments.
pub fn unicode_error_attributes(
    kind: ExcType,
    args: &[Value],
) -> PyResult<Vec<(&'static str, Value)>> {
    let names: &[&'static str] = match kind {
        ExcType::UnicodeTranslateError => &["object", "start", "end", "reason"],
        _ => &["encoding", "object", "start", "end", "reason"],
    };
    if args.len() != names.len() {
        return Err(PyErr::type_error(format!(
            "function takes exactly {} arguments ({} given)",
            names.len(),
            args.len()
        )));
    }
    let mut attributes = Vec::with_capacity(names.len());
    for (i, (&name, value)) in names.iter().zip(args).enumerate() {
        let must = |what: &str| {
            PyErr::type_error(format!(
                "argument {} must be {what}, not {}",
                i + 1,
                value.type_name()
            ))
        };
        let value = match name {
            "encoding" | "reason" => {
                value.as_str_or_subclass().ok_or_else(|| must("str"))?;
                value.clone()
            }
            "object" if kind == ExcType::UnicodeDecodeError => {
                match crate::buffer::bytes_like(value)? {
                    Some(b) => Value::bytes(b.to_vec()),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            value.type_name()
                        )));
                    }
                }
            }
            "object" => {
                value.as_str_or_subclass().ok_or_else(|| must("str"))?;
                value.clone()
            }
            _ => match crate::builtins::int::as_int(value).and_then(|n| n.to_i64()) {
                Some(n) => Value::Int(n),
                None => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        value.type_name()
                    )));
                }
            },
        };
        attributes.push((name, value));
    }
    // A translate error has no codec, but the attribute (None).
    if kind == ExcType::UnicodeTranslateError {
        attributes.insert(0, ("encoding", Value::None));
    }
    Ok(attributes)
}

// ---------------------------------------------------------------------------
// Codecs of the registry.

/// `text.encode(encoding)` / `data.decode(encoding)` for an encoding the
/// VM's own codecs do not know: the codec registry's (`codecs.lookup`:
/// the `encodings` package, search functions given to `codecs.register`),
/// when it is a text encoding, as CPython's `str.encode` asks it.
/// `encoding_side`: encoding (else decoding).
pub fn through_registry(
    vm: &mut Vm,
    input: Value,
    encoding: &str,
    errors: &str,
    encoding_side: bool,
) -> PyResult {
    let codecs = vm.import_module("codecs")?;
    let lookup = vm.get_attr(&codecs, "lookup")?;
    let info = vm.call(&lookup, Args::new(&[Value::str(encoding)]))?;
    let is_text = match vm.get_attr(&info, "_is_text_encoding") {
        Ok(flag) => vm.truthy_value(&flag)?,
        Err(_) => true,
    };
    let (verb, noun, want) = if encoding_side {
        ("encode", "encoder", "bytes")
    } else {
        ("decode", "decoder", "str")
    };
    if !is_text {
        return Err(PyErr::new(
            ExcType::LookupError,
            format!(
                "'{encoding}' is not a text encoding; use codecs.{verb}() to handle arbitrary codecs"
            ),
        ));
    }
    let function = vm.get_attr(&info, verb)?;
    let result = vm.call(&function, Args::new(&[input, Value::str(errors)]))?;
    let output = match result.as_tuple() {
        Some(pair) if pair.len() == 2 => pair.as_slice()[0].clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{noun} must return a tuple (object, integer)"
            )));
        }
    };
    let right_kind = if encoding_side {
        matches!(output.as_obj(), Some(crate::object::PyObject::Bytes(_)))
    } else {
        output.as_str().is_some()
    };
    if !right_kind {
        return Err(PyErr::type_error(format!(
            "'{encoding}' {noun} returned '{}' instead of '{want}'; use codecs.{verb}() to {verb} to arbitrary types",
            output.type_name()
        )));
    }
    Ok(output)
}
