//! The tokenizer: a hand-written XML 1.0 scanner over the decoded,
//! line-end-normalised text of one parser. It turns what it can of the
//! buffer into [`Event`]s and stops at the end of the buffer (waiting for
//! more), at an error (expat's code and the offset expat reports it at),
//! or when enough events are queued for the caller to deliver.
//!
//! Offsets are byte offsets into the buffer; the parser maps them to
//! (line, column) when asked.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use krait_vm::Value;

pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
pub const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Events queued before the caller is asked to deliver them.
const BATCH: usize = 256;
/// Entity expansions before a reference counts as recursive.
const MAX_EXPANSIONS: usize = 10_000;

/// Why the scanner stopped.
pub enum Stop {
    /// The token at the scan position is incomplete.
    NeedMore,
    /// Enough events are queued: deliver them, then scan on.
    Batch,
    /// Malformed: expat's error code, the offset, a message other than
    /// the code's own.
    Fail(u32, usize, Option<String>),
}

type Step<T = ()> = Result<T, Stop>;

fn fail<T>(code: u32, at: usize) -> Step<T> {
    Err(Stop::Fail(code, at, None))
}

/// What the parser reports, in document order.
pub enum Event {
    Start {
        name: Value,
        /// (name, value) pairs, the specified ones first.
        attrs: Vec<(Value, Value)>,
        specified: usize,
        at: usize,
    },
    End {
        name: Value,
        at: usize,
    },
    /// Character data: a range of [`Scanner::text`].
    Data {
        start: usize,
        end: usize,
        at: usize,
    },
    Comment(String, usize),
    Pi(String, String, usize),
    StartNs(Option<String>, Option<String>, usize),
    EndNs(Option<String>, usize),
    XmlDecl(String, Option<String>, i64, usize),
    StartDoctype {
        name: String,
        system: Option<String>,
        public: Option<String>,
        subset: bool,
        at: usize,
    },
    EndDoctype(usize),
    StartCdata(usize),
    EndCdata(usize),
    /// A reference to an entity the parser cannot know (declared in an
    /// external DTD): for the default handler, as `&name;`.
    Skipped(String, usize),
}

impl Event {
    pub fn at(&self) -> usize {
        match self {
            Event::Start { at, .. }
            | Event::End { at, .. }
            | Event::Data { at, .. }
            | Event::StartDoctype { at, .. } => *at,
            Event::Comment(_, at)
            | Event::Pi(_, _, at)
            | Event::StartNs(_, _, at)
            | Event::EndNs(_, at)
            | Event::XmlDecl(_, _, _, at)
            | Event::EndDoctype(at)
            | Event::StartCdata(at)
            | Event::EndCdata(at)
            | Event::Skipped(_, at) => *at,
        }
    }
}

/// One open element.
struct Open {
    /// The name as written (`p:b`), for the end tag's check.
    raw: Rc<str>,
    name: Value,
    /// The namespace bindings it made: (prefix, previous binding).
    declared: Vec<(Option<String>, Option<String>)>,
}

/// FNV-1a: the name caches are looked up once or twice per tag with
/// short keys, where SipHash's setup dominates.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Names = std::hash::BuildHasherDefault<Fnv>;

#[derive(Clone, Copy, PartialEq)]
enum Where {
    Prolog,
    Root,
    Epilog,
}

pub struct Scanner {
    pub buf: String,
    pub pos: usize,
    /// Document offset of `buf[0]` (bytes of normalised UTF-8).
    pub offset: usize,
    /// Where an XML declaration may stand (after a byte order mark).
    pub decl_at: usize,
    pub events: Vec<Event>,
    /// The character data of the queued events.
    pub text: String,
    /// The namespace separator (`Some("")`: namespaces without one).
    pub separator: Option<String>,
    /// krait's own mode for ElementTree: names as `{uri}local`.
    pub curly: bool,
    /// `namespace_prefixes` (expat's triplets): a prefixed name is
    /// reported as `uri sep local sep prefix`.
    pub prefixes: bool,
    pub specified_only: bool,
    stack: Vec<Open>,
    namespaces: HashMap<String, String>,
    default_ns: Option<String>,
    tag_names: HashMap<String, (Value, Rc<str>), Names>,
    attr_names: HashMap<String, Value, Names>,
    place: Where,
    seen_doctype: bool,
    in_cdata: bool,
    entities: HashMap<String, Option<Rc<str>>>,
    attr_defaults: HashMap<String, Vec<(String, String)>>,
    pub external_dtd: bool,
    expansions: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n')
}

/// Characters XML 1.0 forbids (after line-end normalisation; the decoder
/// stands `\0` in for bytes that are not text).
fn is_bad(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\u{fffe}' | '\u{ffff}')
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '\u{b7}')
}

fn valid_char(code: u32) -> bool {
    matches!(code, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn char_at(buf: &str, p: usize) -> char {
    buf[p..].chars().next().unwrap_or('\0')
}

/// The end of the NCName at `p` (`p` itself when there is none).
fn ncname_end(buf: &str, p: usize) -> usize {
    // ASCII names without a look at Unicode's tables.
    let bytes = buf.as_bytes();
    if p < bytes.len() && (bytes[p].is_ascii_alphabetic() || bytes[p] == b'_') {
        let mut q = p + 1;
        while q < bytes.len() {
            let b = bytes[q];
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-') {
                q += 1;
            } else if b < 0x80 {
                return q;
            } else {
                break;
            }
        }
        if q == bytes.len() {
            return q;
        }
        return ncname_rest(buf, q);
    }
    let mut chars = buf[p..].char_indices();
    match chars.next() {
        Some((_, c)) if is_name_start(c) => {}
        _ => return p,
    }
    for (i, c) in chars {
        if !is_name_char(c) {
            return p + i;
        }
    }
    buf.len()
}

/// The end of the NCName whose start is before `p`, from `p` on.
fn ncname_rest(buf: &str, p: usize) -> usize {
    for (i, c) in buf[p..].char_indices() {
        if !is_name_char(c) {
            return p + i;
        }
    }
    buf.len()
}

/// The end of the Name (colons allowed) at `p`, `p` when there is none.
fn name_end(buf: &str, p: usize) -> usize {
    let mut chars = buf[p..].char_indices();
    match chars.next() {
        Some((_, c)) if is_name_start(c) || c == ':' => {}
        _ => return p,
    }
    for (i, c) in chars {
        if !is_name_char(c) && c != ':' {
            return p + i;
        }
    }
    buf.len()
}

/// The end of the (prefixed) name at `p`; an invalid name fails at its
/// first bad character.
fn scan_qname(buf: &str, p: usize) -> Step<usize> {
    if p >= buf.len() {
        return Err(Stop::NeedMore);
    }
    let mut q = ncname_end(buf, p);
    if q == p {
        return fail(4, p);
    }
    if q < buf.len() && buf.as_bytes()[q] == b':' {
        q += 1;
        if q >= buf.len() {
            return Err(Stop::NeedMore);
        }
        let r = ncname_end(buf, q);
        if r == q {
            return fail(4, q);
        }
        q = r;
        if q < buf.len() && buf.as_bytes()[q] == b':' {
            return fail(4, q);
        }
    }
    Ok(q)
}

fn skip_space(buf: &str, mut p: usize) -> usize {
    let bytes = buf.as_bytes();
    while p < bytes.len() && is_space(bytes[p]) {
        p += 1;
    }
    p
}

/// A parsed reference at `&`.
enum Reference<'a> {
    Char(u32),
    Named(&'a str),
}

/// The reference at `buf[p] == '&'` and the offset after it; malformed
/// ones fail where they go wrong, incomplete ones want more.
fn reference(buf: &str, p: usize) -> Step<(Reference<'_>, usize)> {
    let bytes = buf.as_bytes();
    let end = bytes.len();
    let mut q = p + 1;
    if q >= end {
        return Err(Stop::NeedMore);
    }
    if bytes[q] == b'#' {
        q += 1;
        if q >= end {
            return Err(Stop::NeedMore);
        }
        let hex = bytes[q] == b'x';
        if hex {
            q += 1;
        }
        let start = q;
        while q < end
            && (if hex {
                bytes[q].is_ascii_hexdigit()
            } else {
                bytes[q].is_ascii_digit()
            })
        {
            q += 1;
        }
        if q >= end {
            return Err(Stop::NeedMore);
        }
        if q == start || bytes[q] != b';' {
            return fail(4, q);
        }
        let digits = &buf[start..q];
        let code = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        return Ok((Reference::Char(code), q + 1));
    }
    let e = name_end(buf, q);
    if e == q {
        return fail(4, q);
    }
    if e >= end {
        return Err(Stop::NeedMore);
    }
    if bytes[e] != b';' {
        return fail(4, e);
    }
    Ok((Reference::Named(&buf[q..e]), e + 1))
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

/// A quoted literal at `p`: the offset after it, or `None`.
fn quoted(buf: &str, p: usize) -> Option<usize> {
    let bytes = buf.as_bytes();
    let q = *bytes.get(p)?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    let close = buf[p + 1..].find(q as char)?;
    Some(p + 1 + close + 1)
}

fn starts_with_space(buf: &str, p: usize) -> Option<usize> {
    let q = skip_space(buf, p);
    (q > p).then_some(q)
}

impl Scanner {
    pub fn new(separator: Option<String>) -> Scanner {
        Scanner {
            buf: String::new(),
            pos: 0,
            offset: 0,
            decl_at: 0,
            events: Vec::new(),
            text: String::new(),
            separator,
            curly: false,
            prefixes: false,
            specified_only: false,
            stack: Vec::new(),
            namespaces: HashMap::new(),
            default_ns: None,
            tag_names: HashMap::default(),
            attr_names: HashMap::default(),
            place: Where::Prolog,
            seen_doctype: false,
            in_cdata: false,
            entities: HashMap::new(),
            attr_defaults: HashMap::new(),
            external_dtd: false,
            expansions: 0,
        }
    }

    /// Whether the scan is inside the root element.
    pub fn in_root(&self) -> bool {
        self.place == Where::Root
    }

    /// Whether the root element has been closed.
    pub fn done(&self) -> bool {
        self.place == Where::Epilog
    }

    fn data(&mut self, start: usize, end: usize, at: usize) {
        if start == end {
            return;
        }
        let from = self.text.len();
        self.text.push_str(&self.buf[start..end]);
        self.events.push(Event::Data {
            start: from,
            end: self.text.len(),
            at,
        });
    }

    /// Character data as expat reports it: each line apart, each line
    /// end apart.
    fn data_lines(&mut self, start: usize, end: usize) {
        let mut p = start;
        while p < end {
            match self.buf[p..end].find('\n') {
                Some(0) => {
                    self.data(p, p + 1, p);
                    p += 1;
                }
                Some(i) => {
                    self.data(p, p + i, p);
                    p += i;
                }
                None => {
                    self.data(p, end, p);
                    p = end;
                }
            }
        }
    }

    fn data_str(&mut self, text: &str, at: usize) {
        let from = self.text.len();
        self.text.push_str(text);
        self.events.push(Event::Data {
            start: from,
            end: self.text.len(),
            at,
        });
    }

    /// Scans on from `pos`.
    pub fn scan(&mut self, last: bool) -> Step {
        while self.pos < self.buf.len() {
            if self.events.len() >= BATCH {
                return Err(Stop::Batch);
            }
            let pos = self.pos;
            self.pos = if self.in_cdata {
                self.cdata(pos, last)?
            } else if self.stack.is_empty() {
                self.outside(pos, last)?
            } else {
                self.content(pos, last)?
            };
        }
        if last && self.in_cdata {
            return fail(20, self.buf.len());
        }
        Ok(())
    }

    /// One token inside the root element.
    fn content(&mut self, pos: usize, last: bool) -> Step<usize> {
        let bytes = self.buf.as_bytes();
        let end = bytes.len();
        match bytes[pos] {
            b'<' => {
                if pos + 1 >= end {
                    return Err(Stop::NeedMore);
                }
                match bytes[pos + 1] {
                    b'/' => self.end_tag(pos),
                    b'!' => self.markup_decl(pos, last, true),
                    b'?' => self.pi(pos),
                    _ => self.start_tag(pos),
                }
            }
            b'&' => self.content_reference(pos),
            _ => {
                // A run of text up to markup, a line end or a bad character.
                let mut p = pos;
                while p < end {
                    let b = bytes[p];
                    if b == b'<' || b == b'&' || b == b'\n' {
                        break;
                    }
                    if b == b']' {
                        // "]]>" makes the whole run of text invalid.
                        if p + 2 >= end && !last {
                            if p == pos {
                                return Err(Stop::NeedMore);
                            }
                            break;
                        }
                        if p + 2 < end && bytes[p + 1] == b']' && bytes[p + 2] == b'>' {
                            return fail(4, p + 2);
                        }
                        p += 1;
                        continue;
                    }
                    if b < 0x20 {
                        if b == b'\t' {
                            p += 1;
                            continue;
                        }
                        break;
                    }
                    if b == 0xEF {
                        // U+FFFE and U+FFFF are EF BF BE / EF BF BF.
                        let c = char_at(&self.buf, p);
                        if is_bad(c) {
                            break;
                        }
                        p += c.len_utf8();
                        continue;
                    }
                    p += 1;
                }
                if p == pos {
                    if bytes[p] == b'\n' {
                        self.data(p, p + 1, p);
                        return Ok(p + 1);
                    }
                    return fail(4, pos);
                }
                self.data(pos, p, pos);
                Ok(p)
            }
        }
    }

    /// One token before or after the root element.
    fn outside(&mut self, pos: usize, last: bool) -> Step<usize> {
        let bytes = self.buf.as_bytes();
        let end = bytes.len();
        let p = skip_space(&self.buf, pos);
        if p > pos {
            return Ok(p);
        }
        let c = char_at(&self.buf, pos);
        if c == '\u{feff}' && self.offset + pos == 0 {
            self.decl_at = 3;
            return Ok(pos + 3);
        }
        if c != '<' {
            return self.stray(pos, c, last);
        }
        if pos + 1 >= end {
            return Err(Stop::NeedMore);
        }
        match bytes[pos + 1] {
            b'?' => self.pi(pos),
            b'!' => self.markup_decl(pos, last, false),
            b'/' => fail(4, pos + 1),
            _ if self.place == Where::Epilog => {
                // expat reads the tag's name before it sees the junk.
                let c = char_at(&self.buf, pos + 1);
                if is_name_start(c) || c == ':' {
                    fail(9, pos)
                } else {
                    fail(4, pos + 1)
                }
            }
            _ => {
                let after = self.start_tag(pos)?;
                if self.place == Where::Prolog {
                    self.place = Where::Root;
                }
                if self.stack.is_empty() {
                    self.place = Where::Epilog;
                }
                Ok(after)
            }
        }
    }

    /// Something other than markup before or after the root element, as
    /// expat's prolog tokenizer sees it: a name, a literal or a
    /// punctuation token is out of place (a syntax error, or junk after
    /// the root), other characters are not tokens at all.
    fn stray(&self, pos: usize, c: char, last: bool) -> Step<usize> {
        let misplaced = if self.place == Where::Epilog { 9 } else { 2 };
        let buf = &self.buf;
        // A token that ends at `after`: out of place when what follows
        // may follow it (`ok`), else what follows is no token.
        let token = |after: usize, ok: &dyn Fn(char) -> bool| -> Step<usize> {
            if after >= buf.len() {
                return if last {
                    fail(misplaced, pos)
                } else {
                    Err(Stop::NeedMore)
                };
            }
            let next = char_at(buf, after);
            if is_space(next as u8) && next.is_ascii() || ok(next) {
                fail(misplaced, pos)
            } else {
                fail(4, after)
            }
        };
        let name_chars_end = |from: usize| {
            buf[from..]
                .char_indices()
                .find(|&(_, c)| !(is_name_char(c) || c == ':'))
                .map_or(buf.len(), |(i, _)| from + i)
        };
        match c {
            '\'' | '"' => match buf[pos + 1..].find(c) {
                Some(i) => token(pos + 1 + i + 1, &|n| matches!(n, '>' | '%' | '[')),
                None => Err(Stop::NeedMore),
            },
            '#' => {
                let e = name_chars_end(pos + 1);
                if e == pos + 1 {
                    return if e >= buf.len() {
                        Err(Stop::NeedMore)
                    } else {
                        fail(4, e)
                    };
                }
                token(e, &|n| matches!(n, '>' | '%' | ')' | '|'))
            }
            '%' => {
                let e = name_end(buf, pos + 1);
                if e >= buf.len() {
                    return Err(Stop::NeedMore);
                }
                if e > pos + 1 && buf.as_bytes()[e] == b';' {
                    return fail(if misplaced == 9 { 9 } else { 10 }, pos);
                }
                fail(misplaced, pos)
            }
            '>' | ']' | '(' | ')' | '[' | ',' | '|' => fail(misplaced, pos),
            c if is_name_char(c) || c == ':' => {
                let e = name_chars_end(pos);
                let name = is_name_start(c) || c == ':';
                token(e, &|n| {
                    matches!(n, '>' | ')' | '[' | '%' | '|' | ',')
                        || name && matches!(n, '*' | '+' | '?')
                })
            }
            _ => fail(4, pos),
        }
    }

    // -- elements ---------------------------------------------------------

    fn start_tag(&mut self, pos: usize) -> Step<usize> {
        let buf = &self.buf;
        let bytes = buf.as_bytes();
        let end = bytes.len();
        let name_end = scan_qname(buf, pos + 1)?;
        // (name range, value range) of each attribute.
        let mut raw_attrs: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut p = name_end;
        let empty;
        loop {
            if p >= end {
                return Err(Stop::NeedMore);
            }
            let q = skip_space(buf, p);
            let spaced = q > p;
            p = q;
            if p >= end {
                return Err(Stop::NeedMore);
            }
            match bytes[p] {
                b'>' => {
                    p += 1;
                    empty = false;
                    break;
                }
                b'/' => {
                    if p + 1 >= end {
                        return Err(Stop::NeedMore);
                    }
                    if bytes[p + 1] != b'>' {
                        return fail(4, p + 1);
                    }
                    p += 2;
                    empty = true;
                    break;
                }
                _ => {}
            }
            if !spaced {
                return fail(4, p);
            }
            let attr_start = p;
            p = scan_qname(buf, p)?;
            let attr_end = p;
            p = skip_space(buf, p);
            if p >= end {
                return Err(Stop::NeedMore);
            }
            if bytes[p] != b'=' {
                return fail(4, p);
            }
            p = skip_space(buf, p + 1);
            if p >= end {
                return Err(Stop::NeedMore);
            }
            let quote = bytes[p];
            if quote != b'"' && quote != b'\'' {
                return fail(4, p);
            }
            p += 1;
            let value_start = p;
            loop {
                if p >= end {
                    return Err(Stop::NeedMore);
                }
                let b = bytes[p];
                if b == quote {
                    break;
                }
                if b == b'<' {
                    return fail(4, p);
                }
                if b == b'&' {
                    let (_, after) = reference(buf, p)?;
                    p = after;
                    continue;
                }
                if b < 0x20 && !is_space(b) || b == 0xEF && is_bad(char_at(buf, p)) {
                    return fail(4, p);
                }
                p += 1;
            }
            raw_attrs.push((attr_start, attr_end, value_start, p));
            p += 1;
            if p >= end {
                return Err(Stop::NeedMore);
            }
            if !matches!(bytes[p], b' ' | b'\t' | b'\n' | b'/' | b'>') {
                return fail(4, p);
            }
        }
        // The tag is complete and well-formed: its meaning, read from
        // the buffer taken out of `self` meanwhile.
        let buf = std::mem::take(&mut self.buf);
        let result = self.start_meaning(&buf, pos, name_end, &raw_attrs, empty, p);
        self.buf = buf;
        result
    }

    fn start_meaning(
        &mut self,
        buf: &str,
        pos: usize,
        name_end: usize,
        raw_attrs: &[(usize, usize, usize, usize)],
        empty: bool,
        after: usize,
    ) -> Step<usize> {
        let raw = &buf[pos + 1..name_end];
        let mut attrs: Vec<(&str, Cow<'_, str>)> = Vec::with_capacity(raw_attrs.len());
        for (i, &(ns, ne, vs, ve)) in raw_attrs.iter().enumerate() {
            let name = &buf[ns..ne];
            if raw_attrs[..i]
                .iter()
                .any(|&(s, e, _, _)| &buf[s..e] == name)
            {
                return fail(8, ns);
            }
            let value = &buf[vs..ve];
            let value = if value.contains(['&', '\n', '\t']) {
                Cow::Owned(self.attr_value(value, pos, 0)?)
            } else {
                Cow::Borrowed(value)
            };
            attrs.push((name, value));
        }
        let specified = attrs.len();
        let defaults = if self.specified_only {
            None
        } else {
            self.attr_defaults.remove(raw)
        };
        if let Some(defaults) = &defaults {
            for (name, value) in defaults {
                if !attrs.iter().any(|(n, _)| n == name) {
                    attrs.push((name.as_str(), Cow::Borrowed(value.as_str())));
                }
            }
        }
        let namespaces = self.separator.is_some();
        let declared = if namespaces
            && attrs
                .iter()
                .any(|(n, _)| *n == "xmlns" || n.starts_with("xmlns:"))
        {
            self.declare(&attrs, pos)?
        } else {
            Vec::new()
        };
        let (name, raw_name) = self.tag_name(raw, pos)?;
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(attrs.len());
        let mut prefixed = false;
        for (n, v) in &attrs {
            if namespaces && (*n == "xmlns" || n.starts_with("xmlns:")) {
                continue;
            }
            prefixed |= namespaces && n.contains(':');
            out.push((self.attr_name(n, pos)?, Value::str(&**v)));
        }
        if prefixed {
            for i in 1..out.len() {
                let a = out[i].0.as_str().map(|s| s.as_str());
                if out[..i]
                    .iter()
                    .any(|(k, _)| k.as_str().map(|s| s.as_str()) == a)
                {
                    return fail(8, pos);
                }
            }
        }
        drop(attrs);
        if let Some(defaults) = defaults {
            self.attr_defaults.insert(raw.to_string(), defaults);
        }
        for (prefix, _) in &declared {
            let uri = match prefix {
                Some(prefix) => self.namespaces.get(prefix).cloned(),
                None => self.default_ns.clone(),
            };
            self.events.push(Event::StartNs(prefix.clone(), uri, pos));
        }
        self.events.push(Event::Start {
            name: name.clone(),
            attrs: out,
            specified,
            at: pos,
        });
        let open = Open {
            raw: raw_name,
            name,
            declared,
        };
        if empty {
            self.close_element(open, after);
        } else {
            self.stack.push(open);
        }
        Ok(after)
    }

    /// An element's reported name (from the cache of the bindings in
    /// scope) and its name as written.
    fn tag_name(&mut self, raw: &str, pos: usize) -> Step<(Value, Rc<str>)> {
        if let Some((v, r)) = self.tag_names.get(raw) {
            return Ok((v.clone(), r.clone()));
        }
        let full = if self.separator.is_none() {
            raw.to_string()
        } else {
            match raw.split_once(':') {
                Some((prefix, local)) => match self.uri_of(prefix) {
                    Some(uri) => self.qualified(&uri, local, Some(prefix)),
                    None => return fail(27, pos),
                },
                None => match &self.default_ns {
                    Some(uri) => self.qualified(uri, raw, None),
                    None => raw.to_string(),
                },
            }
        };
        let entry = (Value::str(full), Rc::<str>::from(raw));
        self.tag_names.insert(raw.to_string(), entry.clone());
        Ok(entry)
    }

    /// An attribute's reported name.
    fn attr_name(&mut self, raw: &str, pos: usize) -> Step<Value> {
        if let Some(v) = self.attr_names.get(raw) {
            return Ok(v.clone());
        }
        let full = match raw.split_once(':') {
            Some((prefix, local)) if self.separator.is_some() => match self.uri_of(prefix) {
                Some(uri) => self.qualified(&uri, local, Some(prefix)),
                None => return fail(27, pos),
            },
            _ => raw.to_string(),
        };
        let v = Value::str(full);
        self.attr_names.insert(raw.to_string(), v.clone());
        Ok(v)
    }

    /// `uri` + separator + `local` (or `{uri}local`), + separator +
    /// `prefix` when the name had one and prefixes are asked for.
    fn qualified(&self, uri: &str, local: &str, prefix: Option<&str>) -> String {
        if self.curly {
            return format!("{{{uri}}}{local}");
        }
        let sep = self.separator.as_deref().unwrap_or("");
        match prefix {
            Some(prefix) if self.prefixes => format!("{uri}{sep}{local}{sep}{prefix}"),
            _ => format!("{uri}{sep}{local}"),
        }
    }

    /// Turns `namespace_prefixes` on or off (names made before are
    /// forgotten: they were made the other way).
    pub fn set_prefixes(&mut self, on: bool) {
        if self.prefixes != on {
            self.prefixes = on;
            self.tag_names.clear();
            self.attr_names.clear();
        }
    }

    /// The namespace declarations of a start tag, made: (prefix,
    /// previous binding) of each.
    fn declare(
        &mut self,
        attrs: &[(&str, Cow<'_, str>)],
        pos: usize,
    ) -> Step<Vec<(Option<String>, Option<String>)>> {
        let mut declared = Vec::new();
        for (name, value) in attrs {
            let prefix = if *name == "xmlns" {
                None
            } else if let Some(p) = name.strip_prefix("xmlns:") {
                Some(p.to_string())
            } else {
                continue;
            };
            self.tag_names.clear();
            self.attr_names.clear();
            let value: &str = value;
            if prefix.as_deref() == Some("xml") {
                if value != XML_NS {
                    return fail(38, pos);
                }
                continue;
            }
            if prefix.as_deref() == Some("xmlns") {
                return fail(39, pos);
            }
            if value == XML_NS || value == XMLNS_NS {
                return fail(40, pos);
            }
            match prefix {
                Some(prefix) => {
                    if value.is_empty() {
                        return fail(28, pos);
                    }
                    let old = self.namespaces.insert(prefix.clone(), value.to_string());
                    declared.push((Some(prefix), old));
                }
                None => {
                    let new = (!value.is_empty()).then(|| value.to_string());
                    let old = std::mem::replace(&mut self.default_ns, new);
                    declared.push((None, old));
                }
            }
        }
        Ok(declared)
    }

    fn uri_of(&self, prefix: &str) -> Option<String> {
        if prefix == "xml" {
            return Some(XML_NS.to_string());
        }
        self.namespaces.get(prefix).cloned()
    }

    fn end_tag(&mut self, pos: usize) -> Step<usize> {
        let buf = &self.buf;
        let name_end = scan_qname(buf, pos + 2)?;
        let p = skip_space(buf, name_end);
        if p >= buf.len() {
            return Err(Stop::NeedMore);
        }
        if buf.as_bytes()[p] != b'>' {
            return fail(4, p);
        }
        let open = self.stack.last().expect("inside an element");
        if *open.raw != buf[pos + 2..name_end] {
            return fail(7, pos + 2);
        }
        let open = self.stack.pop().expect("inside an element");
        self.close_element(open, pos);
        if self.stack.is_empty() {
            self.place = Where::Epilog;
        }
        Ok(p + 1)
    }

    fn close_element(&mut self, open: Open, at: usize) {
        self.events.push(Event::End {
            name: open.name,
            at,
        });
        if open.declared.is_empty() {
            return;
        }
        self.tag_names.clear();
        self.attr_names.clear();
        for (prefix, old) in open.declared.into_iter().rev() {
            match &prefix {
                Some(p) => match old {
                    Some(old) => {
                        self.namespaces.insert(p.clone(), old);
                    }
                    None => {
                        self.namespaces.remove(p);
                    }
                },
                None => self.default_ns = old,
            }
            self.events.push(Event::EndNs(prefix, at));
        }
    }

    // -- references -------------------------------------------------------

    /// An attribute value with its references replaced and its white
    /// space normalised (`pos`: the tag, where expat reports errors).
    fn attr_value(&self, raw: &str, pos: usize, depth: usize) -> Step<String> {
        let mut out = String::with_capacity(raw.len());
        let mut p = 0;
        while p < raw.len() {
            let Some(i) = raw[p..].find(['&', '\n', '\t']) else {
                out.push_str(&raw[p..]);
                break;
            };
            out.push_str(&raw[p..p + i]);
            p += i;
            if raw.as_bytes()[p] != b'&' {
                out.push(' ');
                p += 1;
                continue;
            }
            let (r, after) = match reference(raw, p) {
                Ok(r) => r,
                // Checked when the tag was scanned.
                Err(_) => return fail(4, pos),
            };
            p = after;
            match r {
                Reference::Char(code) => {
                    if !valid_char(code) {
                        return fail(14, pos);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                Reference::Named(name) => {
                    if let Some(text) = predefined(name) {
                        out.push_str(text);
                    } else if let Some(value) = self.entities.get(name) {
                        let Some(value) = value else { continue };
                        if depth > 40 {
                            return fail(12, pos);
                        }
                        if value.contains('&') {
                            out.push_str(&self.attr_value(value, pos, depth + 1)?);
                        } else {
                            out.push_str(value);
                        }
                    } else if !self.external_dtd {
                        return fail(11, pos);
                    }
                }
            }
        }
        Ok(out)
    }

    fn content_reference(&mut self, pos: usize) -> Step<usize> {
        let (r, after) = reference(&self.buf, pos)?;
        let name = match r {
            Reference::Char(code) => {
                if !valid_char(code) {
                    return fail(14, pos);
                }
                let c = char::from_u32(code).unwrap_or('\u{fffd}');
                let mut tmp = [0u8; 4];
                self.data_str(c.encode_utf8(&mut tmp), pos);
                return Ok(after);
            }
            Reference::Named(name) => name.to_string(),
        };
        if let Some(text) = predefined(&name) {
            self.data_str(text, pos);
            return Ok(after);
        }
        match self.entities.get(&name).cloned() {
            Some(None) => Ok(after),
            Some(Some(text)) => {
                if text.contains('<') || text.contains('&') {
                    // Markup in an internal entity: its replacement text
                    // is parsed in place of the reference.
                    self.expansions += 1;
                    if self.expansions > MAX_EXPANSIONS {
                        return fail(12, pos);
                    }
                    self.buf.replace_range(pos..after, &text);
                    return Ok(pos);
                }
                if !text.is_empty() {
                    self.data_str(&text, pos);
                }
                Ok(after)
            }
            None if self.external_dtd => {
                self.events.push(Event::Skipped(name, pos));
                Ok(after)
            }
            None => fail(11, pos),
        }
    }

    // -- comments, CDATA, doctype, PIs --------------------------------------

    /// The inside of a CDATA section: reported as it arrives (as expat
    /// does), up to its `]]>`.
    fn cdata(&mut self, pos: usize, last: bool) -> Step<usize> {
        let buf = &self.buf;
        let end = buf.len();
        let (stop, close) = match buf[pos..].find("]]>") {
            Some(i) => (pos + i, true),
            None => {
                // A "]" or "]]" at the end may start the "]]>".
                let keep = buf[pos..]
                    .bytes()
                    .rev()
                    .take(2)
                    .take_while(|&b| b == b']')
                    .count();
                if last {
                    return fail(20, end - keep);
                }
                (end - keep, false)
            }
        };
        if let Some(i) = buf[pos..stop].find(is_bad) {
            return fail(4, pos + i);
        }
        self.data_lines(pos, stop);
        if !close {
            if stop == pos {
                return Err(Stop::NeedMore);
            }
            return Ok(stop);
        }
        self.in_cdata = false;
        self.events.push(Event::EndCdata(stop));
        Ok(stop + 3)
    }

    fn markup_decl(&mut self, pos: usize, last: bool, in_content: bool) -> Step<usize> {
        let buf = &self.buf;
        let end = buf.len();
        if buf[pos..].starts_with("<!--") {
            let close = match buf[pos + 4..].find("--") {
                Some(i) if pos + 4 + i + 2 < end => pos + 4 + i,
                _ => return Err(Stop::NeedMore),
            };
            if buf.as_bytes()[close + 2] != b'>' {
                return fail(4, close + 2);
            }
            let text = &buf[pos + 4..close];
            if let Some(i) = text.find(is_bad) {
                return fail(4, pos + 4 + i);
            }
            self.events.push(Event::Comment(text.to_string(), pos));
            return Ok(close + 3);
        }
        let keyword = if in_content { "<![CDATA[" } else { "<!DOCTYPE" };
        if end - pos < 4 && "<!--".starts_with(&buf[pos..]) {
            return Err(Stop::NeedMore);
        }
        if !in_content {
            if self.place == Where::Epilog {
                return fail(9, pos);
            }
            if buf[pos..].starts_with("<![") {
                return fail(2, pos);
            }
        }
        if !buf[pos..].starts_with(keyword) {
            let piece = &buf.as_bytes()[pos..end.min(pos + 9)];
            for (i, &b) in piece.iter().enumerate().skip(2) {
                if b != keyword.as_bytes()[i] && Some(&b) != b"<!--".get(i) {
                    if !in_content && i >= 3 {
                        return fail(2, pos);
                    }
                    return fail(4, pos + i);
                }
            }
            return Err(Stop::NeedMore);
        }
        if in_content {
            self.events.push(Event::StartCdata(pos));
            self.in_cdata = true;
            return Ok(pos + 9);
        }
        self.doctype(pos, last)
    }

    fn doctype(&mut self, pos: usize, last: bool) -> Step<usize> {
        if self.place != Where::Prolog || self.seen_doctype {
            return fail(2, pos);
        }
        let Some(found) = match_doctype(&self.buf, pos) else {
            if !last {
                return Err(Stop::NeedMore);
            }
            return fail(2, pos);
        };
        self.seen_doctype = true;
        let unquote = |r: (usize, usize)| self.buf[r.0 + 1..r.1 - 1].to_string();
        let name = self.buf[found.name.0..found.name.1].to_string();
        let public = found.public.map(unquote);
        let system = found.system.map(unquote);
        if system.is_some() {
            self.external_dtd = true;
        }
        self.events.push(Event::StartDoctype {
            name,
            system,
            public,
            subset: found.subset.is_some(),
            // expat knows the declaration's start at its subset or end.
            at: found.subset.map_or(found.end - 1, |(start, _)| start - 1),
        });
        if found.param_refs {
            self.external_dtd = true;
        }
        for (s, e) in found.decls {
            let decl = self.buf[s..e].to_string();
            self.declaration(&decl);
        }
        self.events.push(Event::EndDoctype(found.end - 1));
        Ok(found.end)
    }

    /// An `<!ENTITY` or `<!ATTLIST` declaration of the internal subset.
    fn declaration(&mut self, decl: &str) {
        if let Some(rest) = decl.strip_prefix("<!ENTITY") {
            let Some(p) = starts_with_space(rest, 0) else {
                return;
            };
            let e = name_end(rest, p);
            if e == p {
                return;
            }
            let name = rest[p..e].to_string();
            let Some(q) = starts_with_space(rest, e) else {
                return;
            };
            if self.entities.contains_key(&name) {
                return; // the first declaration wins
            }
            match quoted(rest, q) {
                Some(close) => {
                    let literal = &rest[q + 1..close - 1];
                    self.entities
                        .insert(name, Some(Rc::from(replace_char_refs(literal))));
                }
                None if rest[q..].starts_with("SYSTEM") || rest[q..].starts_with("PUBLIC") => {
                    self.entities.insert(name, None);
                }
                None => {}
            }
        } else if let Some(rest) = decl.strip_prefix("<!ATTLIST") {
            let Some(p) = starts_with_space(rest, 0) else {
                return;
            };
            let Ok(e) = scan_qname(rest, p) else {
                return;
            };
            let element = rest[p..e].to_string();
            let defaults = attdefs(&rest[e..rest.len() - 1]);
            self.attr_defaults
                .entry(element)
                .or_default()
                .extend(defaults);
        }
    }

    fn pi(&mut self, pos: usize) -> Step<usize> {
        let buf = &self.buf;
        let end = buf.len();
        let after = name_end(buf, pos + 2);
        if after == pos + 2 {
            if pos + 2 >= end {
                return Err(Stop::NeedMore);
            }
            return fail(4, pos + 2);
        }
        if after >= end {
            return Err(Stop::NeedMore);
        }
        let target = &buf[pos + 2..after];
        if target.eq_ignore_ascii_case("xml") {
            if target != "xml" {
                return fail(4, after);
            }
            if self.place == Where::Epilog {
                return fail(9, pos);
            }
            if self.offset + pos != self.decl_at {
                return fail(17, pos);
            }
            let Some(close) = buf[after..].find("?>") else {
                return Err(Stop::NeedMore);
            };
            let close = after + close;
            let Some((version, encoding, standalone)) = xml_decl(&buf[after..close + 2]) else {
                return fail(30, after);
            };
            self.events
                .push(Event::XmlDecl(version, encoding, standalone, pos));
            return Ok(close + 2);
        }
        let bytes = buf.as_bytes();
        let (data, close) = match bytes[after] {
            b'?' => {
                if after + 1 >= end {
                    return Err(Stop::NeedMore);
                }
                if bytes[after + 1] != b'>' {
                    return fail(4, after + 1);
                }
                (String::new(), after)
            }
            b' ' | b'\t' | b'\n' => {
                let Some(close) = buf[after..].find("?>") else {
                    return Err(Stop::NeedMore);
                };
                let close = after + close;
                let start = skip_space(buf, after);
                let data = &buf[start.min(close)..close];
                if let Some(i) = data.find(is_bad) {
                    return fail(4, start + i);
                }
                (data.to_string(), close)
            }
            _ => return fail(4, after),
        };
        self.events.push(Event::Pi(target.to_string(), data, pos));
        Ok(close + 2)
    }
}

/// `&#n;` and `&#xh;` of an entity's literal value replaced (the other
/// references stay, to be expanded where the entity is used).
fn replace_char_refs(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    let mut p = 0;
    while let Some(i) = literal[p..].find("&#") {
        out.push_str(&literal[p..p + i]);
        p += i;
        match reference(literal, p) {
            Ok((Reference::Char(code), after)) if valid_char(code) => {
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                p = after;
            }
            _ => {
                out.push('&');
                p += 1;
            }
        }
    }
    out.push_str(&literal[p..]);
    out
}

/// The attribute defaults of an ATTLIST body: (name, default value).
fn attdefs(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut p = skip_space(body, 0);
    while p < body.len() {
        let Ok(e) = scan_qname(body, p) else { break };
        let name = body[p..e].to_string();
        let Some(mut q) = starts_with_space(body, e) else {
            break;
        };
        if body[q..].starts_with("NOTATION") {
            match starts_with_space(body, q + 8) {
                Some(r) => q = r,
                None => break,
            }
        }
        if body[q..].starts_with('(') {
            match body[q..].find(')') {
                Some(i) => q += i + 1,
                None => break,
            }
        } else {
            let start = q;
            while q < body.len() && body.as_bytes()[q].is_ascii_uppercase() {
                q += 1;
            }
            if q == start {
                break;
            }
        }
        let Some(mut q) = starts_with_space(body, q) else {
            break;
        };
        if body[q..].starts_with("#REQUIRED") {
            q += 9;
        } else if body[q..].starts_with("#IMPLIED") {
            q += 8;
        } else {
            if body[q..].starts_with("#FIXED") {
                match starts_with_space(body, q + 6) {
                    Some(r) => q = r,
                    None => break,
                }
            }
            let Some(close) = quoted(body, q) else { break };
            out.push((name, body[q + 1..close - 1].to_string()));
            q = close;
        }
        p = skip_space(body, q);
    }
    out
}

/// The XML declaration after `<?xml` (through `?>`): version, encoding,
/// standalone (-1 when absent), or `None` when malformed.
fn xml_decl(text: &str) -> Option<(String, Option<String>, i64)> {
    let mut p = starts_with_space(text, 0)?;
    let pseudo = |p: usize, key: &str| -> Option<(usize, usize, usize)> {
        let rest = &text[p..];
        if !rest.starts_with(key) {
            return None;
        }
        let q = skip_space(text, p + key.len());
        if text.as_bytes().get(q) != Some(&b'=') {
            return None;
        }
        let q = skip_space(text, q + 1);
        let close = quoted(text, q)?;
        Some((q + 1, close - 1, close))
    };
    let (vs, ve, after) = pseudo(p, "version")?;
    let version = &text[vs..ve];
    if version.is_empty()
        || !version
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
    {
        return None;
    }
    p = after;
    let mut encoding = None;
    let mut standalone = -1;
    if let Some(q) = starts_with_space(text, p) {
        p = q;
        if let Some((es, ee, after)) = pseudo(p, "encoding") {
            let name = &text[es..ee];
            let ok = name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
            if !ok {
                return None;
            }
            encoding = Some(name.to_string());
            p = after;
            if let Some(q) = starts_with_space(text, p) {
                p = q;
            }
        }
        if let Some((ss, se, after)) = pseudo(p, "standalone") {
            standalone = match &text[ss..se] {
                "yes" => 1,
                "no" => 0,
                _ => return None,
            };
            p = skip_space(text, after);
        }
    }
    (&text[p..] == "?>").then_some((version.to_string(), encoding, standalone))
}

struct Doctype {
    end: usize,
    name: (usize, usize),
    public: Option<(usize, usize)>,
    system: Option<(usize, usize)>,
    subset: Option<(usize, usize)>,
    /// The `<!...>` declarations of the internal subset.
    decls: Vec<(usize, usize)>,
    /// Parameter entity references in the subset (`%name;`).
    param_refs: bool,
}

/// A complete `<!DOCTYPE ...>` at `pos`, or `None` (incomplete or
/// malformed).
fn match_doctype(buf: &str, pos: usize) -> Option<Doctype> {
    let mut p = starts_with_space(buf, pos + 9)?;
    let e = scan_qname(buf, p).ok()?;
    let name = (p, e);
    p = e;
    let mut public = None;
    let mut system = None;
    if let Some(q) = starts_with_space(buf, p) {
        if buf[q..].starts_with("SYSTEM") {
            let r = starts_with_space(buf, q + 6)?;
            let close = quoted(buf, r)?;
            system = Some((r, close));
            p = close;
        } else if buf[q..].starts_with("PUBLIC") {
            let r = starts_with_space(buf, q + 6)?;
            let close = quoted(buf, r)?;
            public = Some((r, close));
            p = close;
            if let Some(s) = starts_with_space(buf, p)
                && let Some(close) = quoted(buf, s)
            {
                system = Some((s, close));
                p = close;
            }
        }
    }
    p = skip_space(buf, p);
    let mut subset = None;
    let mut decls = Vec::new();
    let mut param_refs = false;
    if buf[p..].starts_with('[') {
        let start = p + 1;
        p = start;
        loop {
            p = skip_space(buf, p);
            let rest = &buf[p..];
            if rest.starts_with(']') {
                break;
            }
            if let Some(body) = rest.strip_prefix("<!--") {
                p += 4 + body.find("-->")? + 3;
            } else if let Some(body) = rest.strip_prefix("<?") {
                p += 2 + body.find("?>")? + 2;
            } else if rest.starts_with('%') {
                let e = name_end(buf, p + 1);
                if e == p + 1 || !buf[e..].starts_with(';') {
                    return None;
                }
                param_refs = true;
                p = e + 1;
            } else if rest.starts_with("<!") && rest.as_bytes().get(2)?.is_ascii_uppercase() {
                let s = p;
                p += 2;
                loop {
                    let b = *buf.as_bytes().get(p)?;
                    match b {
                        b'>' => break,
                        b'"' | b'\'' => p = quoted(buf, p)?,
                        _ => p += 1,
                    }
                }
                p += 1;
                decls.push((s, p));
            } else {
                return None;
            }
        }
        subset = Some((start, p));
        p = skip_space(buf, p + 1);
    }
    if !buf[p..].starts_with('>') {
        return None;
    }
    Some(Doctype {
        end: p + 1,
        name,
        public,
        system,
        subset,
        decls,
        param_refs,
    })
}
