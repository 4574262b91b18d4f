//! `str`: immutable text stored as UTF-8, indexed by code point.
//!
//! `PyStr` remembers its length in code points; when that equals the byte
//! length the string is ASCII and indexing is O(1) byte indexing. Non-ASCII
//! strings keep the byte offset of every 32nd code point once indexed, so
//! an index walks at most 31 characters.
//! The hash is computed once and cached. Short strings (most words, keys
//! and names) keep their bytes inside the object: one allocation each.

use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::PassThroughHasher;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Signature};
use crate::builtins::slice::SliceIndices;
use crate::builtins::unicode;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::protocol;
use crate::sequence;
use crate::typeobject::ExcType;
use crate::value::Value;

pub struct PyStr {
    text: Text,
    /// Cached hash; `-1` (never a valid hash) means not computed yet.
    hash: Cell<i64>,
}

/// Code points between the checkpoints of a non-ASCII text's index.
const CHECKPOINT: usize = 32;

/// Strings up to this many bytes live inside the object: no second
/// allocation (most words, keys and attribute names fit).
pub(crate) const INLINE: usize = 37;

/// The UTF-8 text with its length in code points.
enum Text {
    Inline {
        len: u8,
        char_len: u8,
        bytes: [u8; INLINE],
    },
    Heap {
        /// `u32::MAX` when the length does not fit (it is counted then).
        char_len: u32,
        /// A `String`, so that `s += t` on a str no one else holds can
        /// grow it in place ([`PyStr::append`]).
        s: String,
        /// For text that is not ASCII: the byte offset of every
        /// [`CHECKPOINT`]th code point, made on the first index that needs
        /// it, so `s[i]` walks at most that many characters. Boxed: a
        /// thin pointer keeps this variant within the inline one's size.
        #[allow(clippy::box_collection)]
        checkpoints: std::cell::OnceCell<Box<Vec<u32>>>,
    },
}

impl PyStr {
    /// A string longer than [`INLINE`] whose length in code points is
    /// known (no scan of the text).
    fn with_char_len(s: String, char_len: usize) -> PyStr {
        debug_assert!(s.len() > INLINE && char_len == code_points(&s));
        PyStr {
            text: Text::Heap {
                checkpoints: Default::default(),
                char_len: u32::try_from(char_len).unwrap_or(u32::MAX),
                s,
            },
            hash: Cell::new(-1),
        }
    }

    pub fn new(s: String) -> PyStr {
        if s.len() <= INLINE {
            return PyStr::copy_of(&s);
        }
        let char_len = code_points(&s);
        PyStr {
            text: Text::Heap {
                checkpoints: Default::default(),
                char_len: u32::try_from(char_len).unwrap_or(u32::MAX),
                s: {
                    let mut s = s;
                    s.shrink_to_fit();
                    s
                },
            },
            hash: Cell::new(-1),
        }
    }

    /// `self += tail` for a str that no other reference sees (the caller
    /// holds it uniquely): the text grows in place, with room to spare
    /// for the next append, so a loop of appends is linear.
    pub fn append(&mut self, tail: &str) {
        self.hash.set(-1);
        let added = code_points(tail);
        match &mut self.text {
            Text::Heap {
                char_len,
                s,
                checkpoints,
            } => {
                let (old_bytes, old_chars) = (s.len(), *char_len);
                s.push_str(tail);
                *char_len = match old_chars {
                    u32::MAX => u32::MAX,
                    n => u32::try_from(n as usize + added).unwrap_or(u32::MAX),
                };
                // The checkpoints of the text before stay right: extend
                // them over the tail instead of dropping them, or `s += c`
                // followed by `s[i]` would walk the whole text every time.
                if let Some(marks) = checkpoints.get_mut() {
                    if *char_len == u32::MAX || u32::try_from(s.len()).is_err() {
                        checkpoints.take();
                    } else {
                        let first = old_chars as usize;
                        marks.extend(
                            tail.char_indices()
                                .enumerate()
                                .filter(|(j, _)| (first + j).is_multiple_of(CHECKPOINT))
                                .map(|(_, (b, _))| (old_bytes + b) as u32),
                        );
                    }
                }
            }
            Text::Inline { .. } => {
                let mut joined = String::with_capacity((self.as_str().len() + tail.len()) * 2);
                joined.push_str(self.as_str());
                joined.push_str(tail);
                if joined.len() <= INLINE {
                    *self = PyStr::copy_of(&joined);
                    return;
                }
                let char_len = code_points(&joined);
                self.text = Text::Heap {
                    checkpoints: Default::default(),
                    char_len: u32::try_from(char_len).unwrap_or(u32::MAX),
                    s: joined,
                };
            }
        }
    }

    /// A copy of `s` (no intermediate `String` when it is stored inline).
    pub fn copy_of(s: &str) -> PyStr {
        if s.len() > INLINE {
            return PyStr::new(s.to_owned());
        }
        let mut bytes = [0; INLINE];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        let char_len = code_points(s);
        PyStr {
            text: Text::Inline {
                len: s.len() as u8,
                char_len: char_len as u8,
                bytes,
            },
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            Text::Inline { len, bytes, .. } => inline_str(&bytes[..*len as usize]),
            Text::Heap { s, .. } => s,
        }
    }

    /// `len(s)` in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        match &self.text {
            Text::Inline { char_len, .. } => *char_len as usize,
            Text::Heap { char_len, s, .. } => match *char_len {
                u32::MAX => s.chars().count(),
                n => n as usize,
            },
        }
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        match &self.text {
            Text::Inline { len, char_len, .. } => len == char_len,
            Text::Heap { char_len, s, .. } => match *char_len {
                u32::MAX => s.is_ascii(),
                n => n as usize == s.len(),
            },
        }
    }

    /// Code point `i` (`i < char_len`).
    pub fn char_at(&self, i: usize) -> Option<char> {
        let s = self.as_str();
        if self.is_ascii() {
            return s.as_bytes().get(i).map(|&b| b as char);
        }
        let (start, skip) = self.nearest_checkpoint(i);
        s[start..].chars().nth(skip)
    }

    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        let s = self.as_str();
        if self.is_ascii() {
            return i.min(s.len());
        }
        let (start, skip) = self.nearest_checkpoint(i);
        s[start..]
            .char_indices()
            .nth(skip)
            .map_or(s.len(), |(b, _)| start + b)
    }

    /// Where to start looking for code point `i` of a text that is not
    /// ASCII: a byte offset and the code points to skip from there. Inside
    /// a checkpoint's block that is all ASCII (as many bytes as code
    /// points: most blocks of mostly-ASCII text) the offset is exact and
    /// nothing is skipped.
    fn nearest_checkpoint(&self, i: usize) -> (usize, usize) {
        let Text::Heap { s, checkpoints, .. } = &self.text else {
            return (0, i);
        };
        let checkpoints = self.checkpoints(s, checkpoints);
        let k = i / CHECKPOINT;
        match checkpoints.get(k) {
            Some(&start) => {
                let (start, skip) = (start as usize, i % CHECKPOINT);
                match self.block_is_ascii(checkpoints, k) && start + skip <= s.len() {
                    true => (start + skip, 0),
                    false => (start, skip),
                }
            }
            None => match checkpoints.last() {
                Some(&last) => (last as usize, i - (checkpoints.len() - 1) * CHECKPOINT),
                None => (0, i),
            },
        }
    }

    /// Whether the code points from checkpoint `k` to the next (or to the
    /// end) are all ASCII: their byte length equals their count.
    fn block_is_ascii(&self, checkpoints: &[u32], k: usize) -> bool {
        let Text::Heap { s, char_len, .. } = &self.text else {
            return false;
        };
        let start = checkpoints[k] as usize;
        match checkpoints.get(k + 1) {
            Some(&end) => end as usize - start == CHECKPOINT,
            None => *char_len != u32::MAX && s.len() - start == *char_len as usize - k * CHECKPOINT,
        }
    }

    /// Code point index of byte offset `b`.
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b;
        }
        let Text::Heap { s, checkpoints, .. } = &self.text else {
            return self.as_str()[..b].chars().count();
        };
        let checkpoints = self.checkpoints(s, checkpoints);
        let k = checkpoints.partition_point(|&c| c as usize <= b);
        match k.checked_sub(1) {
            Some(k) => {
                let start = checkpoints[k] as usize;
                match self.block_is_ascii(checkpoints, k) {
                    true => k * CHECKPOINT + (b - start),
                    false => k * CHECKPOINT + s[start..b].chars().count(),
                }
            }
            None => s[..b].chars().count(),
        }
    }

    /// The checkpoint index of a heap text (empty past 4 GiB, where the
    /// offsets would not fit: lookups then walk from the start).
    #[allow(clippy::box_collection)]
    fn checkpoints<'t>(
        &self,
        s: &str,
        checkpoints: &'t std::cell::OnceCell<Box<Vec<u32>>>,
    ) -> &'t [u32] {
        checkpoints.get_or_init(|| {
            if u32::try_from(s.len()).is_err() {
                return Box::default();
            }
            Box::new(
                s.char_indices()
                    .step_by(CHECKPOINT)
                    .map(|(b, _)| b as u32)
                    .collect(),
            )
        })
    }

    /// Substring of code points `[start, stop)`.
    pub fn substr(&self, start: usize, stop: usize) -> &str {
        if start >= stop {
            return "";
        }
        let s = self.as_str();
        let a = self.byte_offset(start);
        let b = if self.is_ascii() {
            stop.min(s.len())
        } else if stop - start > CHECKPOINT {
            self.byte_offset(stop)
        } else {
            a + s[a..]
                .char_indices()
                .nth(stop - start)
                .map_or(s.len() - a, |(b, _)| b)
        };
        &s[a..b]
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_bytes(self.as_str().as_bytes());
        self.hash.set(h);
        h
    }
}

/// The length of `s` in code points (its byte length when ASCII).
fn code_points(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The text of an inline string: bytes copied from a `str`.
#[inline]
fn inline_str(bytes: &[u8]) -> &str {
    // SAFETY: inline bytes are only ever written by `PyStr::copy_of`,
    // which copies them from a `&str`, and never changed: valid UTF-8.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

/// A fast 64-bit string hash (multiply-rotate over 8-byte words with a
/// final avalanche). Python only requires consistency with `==`; the
/// empty string and bytes hash to 0, as CPython's do whatever the seed.
pub(crate) fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = 0u64;
    for (i, &x) in chunks.remainder().iter().enumerate() {
        tail |= (x as u64) << (8 * i);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

thread_local! {
    static ASCII_CHARS: Vec<Value> = (0u8..128).map(|b| Value::str((b as char).to_string())).collect();
}

/// A new `str` copied from `s`.
#[inline]
pub fn str_value(s: &str) -> Value {
    // One ASCII character (the parts of `'a b c'.split()`, `s.strip()` of
    // a digit...): the shared one, as CPython shares its one-char strs.
    if let [byte] = s.as_bytes()
        && byte.is_ascii()
    {
        return char_value(*byte as char);
    }
    new_str_value(s)
}

/// A one-character string; ASCII ones are shared, not allocated.
pub fn char_value(c: char) -> Value {
    if c.is_ascii() {
        ASCII_CHARS.with(|t| t[c as usize].clone())
    } else {
        Value::str(c.to_string())
    }
}

/// Python's `str.isspace` per character: Unicode White_Space plus the
/// information separators `\x1c`..`\x1f`.
pub fn is_py_whitespace(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ')
    } else {
        unicode::is(c, unicode::SPACE)
    }
}

/// `str.isprintable` for one character (what `repr` shows as itself):
/// not a control, format, surrogate, private-use or unassigned character,
/// nor a separator other than space.
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x7f {
        return cp >= 0x20;
    }
    unicode::is(c, unicode::PRINTABLE)
}

/// The first of the characters that stand in for lone surrogates.
///
/// A krait str is UTF-8 (a Rust `String`), which cannot hold a lone
/// surrogate (U+D800..U+DFFF); Python code makes them (`'\udcff'`,
/// `chr(0xd800)`, and above all `bytes.decode(..., 'surrogateescape')`,
/// which `os.fsdecode` uses for undecodable file names). Each is kept as
/// a code point of a block inside plane 16's private use area (surrogate
/// U+D800 + k is U+10D800 + k), and shown as the surrogate it stands for
/// wherever Python looks at code points: `ord`, `repr`, ordering, the
/// codecs (`surrogateescape` and `surrogatepass` give the bytes back;
/// `strict` refuses it as CPython does). The lexer uses the same
/// stand-ins (`krait_lexer::SURROGATE_STAND_INS`).
///
/// A UTF-8 string holds every code point but the 2048 surrogates, so the
/// stand-ins must take 2048 others: a private use block in the middle of
/// the last plane, which only a program walking every code point meets
/// (the plane's ends, U+10FFFD..U+10FFFF, are what tests use as the
/// largest characters). Such a program reads those 2048 as surrogates.
pub const SURROGATE_STAND_INS: u32 = 0x10_D800;

/// The character standing for code point `code` of a Python str: itself,
/// or for a lone surrogate its stand-in (see [`SURROGATE_STAND_INS`]);
/// `None` past U+10FFFF.
#[inline]
pub fn char_for_code_point(code: u32) -> Option<char> {
    match code {
        0xD800..=0xDFFF => char::from_u32(SURROGATE_STAND_INS + (code - 0xD800)),
        _ => char::from_u32(code),
    }
}

/// The Python code point character `c` stands for (a stand-in's
/// surrogate, see [`SURROGATE_STAND_INS`]).
#[inline]
pub fn code_point_of(c: char) -> u32 {
    match c as u32 {
        cp @ SURROGATE_STAND_INS..=STAND_INS_END => 0xD800 + (cp - SURROGATE_STAND_INS),
        cp => cp,
    }
}

/// The last stand-in.
const STAND_INS_END: u32 = SURROGATE_STAND_INS + 0x7FF;

/// The lone surrogate `c` stands for, if it is a stand-in.
#[inline]
pub fn surrogate_of(c: char) -> Option<u32> {
    (SURROGATE_STAND_INS..=STAND_INS_END)
        .contains(&(c as u32))
        .then(|| code_point_of(c))
}

/// Whether `s` holds a stand-in for a lone surrogate (their UTF-8 starts
/// F4 8D A0..BF: checked on bytes, most text has no F4 at all).
pub fn has_surrogates(s: &str) -> bool {
    s.as_bytes().contains(&0xF4) && s.chars().any(|c| surrogate_of(c).is_some())
}

/// `repr(s)`: CPython's quoting and escaping.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = code_point_of(c);
                if cp < 0x100 {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

fn zelf(v: &Value) -> PyResult<&PyStr> {
    v.as_str_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            v.type_name()
        ))
    })
}

fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v.as_str_or_subclass() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            v.type_name()
        ))),
    }
}

/// `s[i]`.
pub fn get_index(s: &PyStr, i: &Value) -> PyResult {
    let idx = sequence::subscript_index(i, "string")?;
    match sequence::normalize_index(idx, s.char_len()) {
        Some(i) => Ok(char_value(s.char_at(i).unwrap_or('\0'))),
        None => Err(PyErr::index_error("string index out of range")),
    }
}

/// `s[a:b:c]`.
pub fn get_slice(s: &PyStr, si: SliceIndices) -> Value {
    if si.step == 1 {
        let (a, b) = (si.start as usize, si.stop.max(si.start) as usize);
        return str_value(s.substr(a, b));
    }
    let mut out = String::with_capacity(si.len);
    if s.is_ascii() {
        let b = s.as_str().as_bytes();
        for i in si.iter() {
            out.push(b[i] as char);
        }
    } else {
        let chars: Vec<char> = s.as_str().chars().collect();
        for i in si.iter() {
            out.push(chars[i]);
        }
    }
    Value::str(out)
}

pub fn concat(a: &str, b: &str) -> Value {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    Value::str(s)
}

pub fn repeat(s: &str, n: i64) -> PyResult {
    if n <= 0 || s.is_empty() {
        return Ok(Value::str(""));
    }
    let total = (s.len() as u128) * (n as u128);
    if total > isize::MAX as u128 {
        return Err(PyErr::overflow_error("repeated string is too long"));
    }
    // Repeating whole UTF-8 strs gives UTF-8: no check needed, but
    // `String` has no fallible repeat, so the bytes are made first.
    let bytes = crate::sequence::repeat(s.as_bytes(), n)?;
    Ok(Value::str(String::from_utf8(bytes).unwrap_or_else(|err| {
        String::from_utf8_lossy(err.as_bytes()).into_owned()
    })))
}

/// The order of two strs: [`compare`], with the byte order at once when
/// both are ASCII (which each knows without a scan, mostly).
#[inline]
pub fn compare_strs(a: &PyStr, b: &PyStr) -> Ordering {
    let order = a.as_str().cmp(b.as_str());
    // (Only the greater of two different strs can hold a stand-in that
    // byte order puts too high.)
    let greater = match order {
        Ordering::Equal => return order,
        Ordering::Greater => a,
        Ordering::Less => b,
    };
    if greater.is_ascii() {
        return order;
    }
    compare(a.as_str(), b.as_str())
}

pub fn compare(a: &str, b: &str) -> Ordering {
    // UTF-8's byte order is code point order, except that the stand-ins
    // for lone surrogates (4-byte characters starting F4) sort as the
    // surrogates they stand for: the first difference decides, and only a
    // difference inside a character starting F4 needs the code points.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let common = x.len().min(y.len());
    let mut at = 0;
    while at + 8 <= common && x[at..at + 8] == y[at..at + 8] {
        at += 8;
    }
    while at < common && x[at] == y[at] {
        at += 1;
    }
    if at == common {
        return x.len().cmp(&y.len());
    }
    let continuation = |byte: u8| byte & 0xC0 == 0x80;
    // (The prefixes agree: inside a character, both share its lead.)
    let start = if continuation(x[at]) {
        (0..at).rev().find(|&i| !continuation(x[i])).unwrap_or(0)
    } else {
        at
    };
    if x[start] != 0xF4 && y[start] != 0xF4 {
        return x[at].cmp(&y[at]);
    }
    match (a[start..].chars().next(), b[start..].chars().next()) {
        (Some(c), Some(d)) => code_point_of(c).cmp(&code_point_of(d)),
        _ => x[at].cmp(&y[at]),
    }
}

/// Optional start/end arguments of find-like methods, clamped like slices,
/// as code-point indices.
fn range_args(vm: &mut Vm, s: &PyStr, args: &Args, first: usize) -> PyResult<(usize, usize)> {
    let start = sequence::opt_index_arg(vm, args.pos.get(first))?;
    let end = sequence::opt_index_arg(vm, args.pos.get(first + 1))?;
    Ok(sequence::clamp_range(start, end, s.char_len()))
}

/// Byte range of code points `[a, b)`.
fn byte_range(s: &PyStr, a: usize, b: usize) -> (usize, usize) {
    if a > b {
        return (s.as_str().len(), s.as_str().len());
    }
    let x = s.byte_offset(a);
    let y = x + s.substr(a, b).len();
    (x, y)
}

/// Byte offset of `needle` in `hay`, the first (or with `reverse` the
/// last) occurrence. Searched as bytes: a whole UTF-8 sequence matches
/// only at a character boundary. A one-byte needle is a plain scan and a
/// short haystack is compared window by window: std's two-way searcher
/// costs more to set up than such a search (`path.rfind("/")`,
/// `"importlib" in filename`, `fmt.find("%(asctime)")` in library code).
pub(crate) fn find_text(hay: &str, needle: &str, reverse: bool) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    match n {
        [] => Some(if reverse { h.len() } else { 0 }),
        [byte] if reverse => h.iter().rposition(|b| b == byte),
        [byte] => h.iter().position(|b| b == byte),
        _ if h.len() <= 64 => {
            let mut windows = h.windows(n.len());
            if reverse {
                windows.rposition(|w| w == n)
            } else {
                windows.position(|w| w == n)
            }
        }
        _ if reverse => hay.rfind(needle),
        _ => hay.find(needle),
    }
}

fn find_impl(
    vm: &mut Vm,
    s: &PyStr,
    args: &Args,
    name: &str,
    reverse: bool,
) -> PyResult<Option<usize>> {
    let sub = str_arg(&args.pos[0], "must be str, not").map_err(|_| {
        PyErr::type_error(format!(
            "{name}() argument 1 must be str, not {}",
            args.pos[0].type_name()
        ))
    })?;
    let (a, b) = range_args(vm, s, args, 1)?;
    if a > b || a > s.char_len() {
        return Ok(None);
    }
    let (x, y) = byte_range(s, a, b);
    let hay = &s.as_str()[x..y];
    let found = find_text(hay, sub, reverse);
    Ok(found.map(|off| s.char_index(x + off)))
}

fn m_find(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    Ok(Value::Int(
        find_impl(vm, s, &args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn m_rfind(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    Ok(Value::Int(
        find_impl(vm, s, &args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn m_index(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    find_impl(vm, s, &args, "index", false)?
        .map(Value::from)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn m_rindex(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    find_impl(vm, s, &args, "rindex", true)?
        .map(Value::from)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn m_count(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let sub = str_arg(&args.pos[0], "count() argument 1")?;
    let (a, b) = range_args(vm, s, &args, 1)?;
    if a > b || a > s.char_len() {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::from(b - a + 1));
    }
    let (x, y) = byte_range(s, a, b);
    Ok(Value::from(s.as_str()[x..y].matches(sub).count()))
}

fn affix_impl(vm: &mut Vm, s: &PyStr, args: &Args, name: &str, suffix: bool) -> PyResult {
    let (a, b) = range_args(vm, s, args, 1)?;
    let test = |p: &str| -> bool {
        if a > s.char_len() || a > b {
            return false;
        }
        let (x, y) = byte_range(s, a, b);
        let hay = &s.as_str()[x..y];
        if suffix {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    let arg = &args.pos[0];
    if let Some(t) = arg.as_tuple_or_subclass() {
        for item in t.iter() {
            let p = item.as_str_or_subclass().ok_or_else(|| {
                PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    item.type_name()
                ))
            })?;
            if test(p.as_str()) {
                return Ok(Value::bool(true));
            }
        }
        return Ok(Value::bool(false));
    }
    match arg.as_str_or_subclass() {
        Some(p) => Ok(Value::bool(test(p.as_str()))),
        None => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            arg.type_name()
        ))),
    }
}

fn m_startswith(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    affix_impl(vm, zelf(z)?, &args, "startswith", false)
}

fn m_endswith(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    affix_impl(vm, zelf(z)?, &args, "endswith", true)
}

fn map_str(z: &Value, f: impl Fn(&str) -> String) -> PyResult {
    let s = zelf(z)?;
    Ok(Value::str(f(s.as_str())))
}

/// `f` for ASCII text (each byte mapped alone), `unicode` otherwise; a
/// short ASCII result is written straight into the new string.
fn map_ascii_or(z: &Value, ascii: fn(&u8) -> u8, unicode: fn(&str) -> String) -> PyResult {
    let s = zelf(z)?;
    if !s.is_ascii() {
        return Ok(Value::str(unicode(s.as_str())));
    }
    let text = s.as_str().as_bytes();
    let mut bytes = [0; INLINE];
    if let Some(out) = bytes.get_mut(..text.len()) {
        for (o, b) in out.iter_mut().zip(text) {
            *o = ascii(b);
        }
        let mapped = std::str::from_utf8(out).unwrap_or_default();
        return Ok(str_value(mapped));
    }
    let mapped: Vec<u8> = text.iter().map(ascii).collect();
    Ok(Value::str(String::from_utf8(mapped).unwrap_or_default()))
}

fn m_upper(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_ascii_or(z, u8::to_ascii_uppercase, str::to_uppercase)
}

fn m_lower(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_ascii_or(z, u8::to_ascii_lowercase, str::to_lowercase)
}

fn m_casefold(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_ascii_or(z, u8::to_ascii_lowercase, caseless::default_case_fold_str)
}

/// `s.translate(table)`: each character's code point is looked up in the
/// table (a mapping); None deletes it, an int or str replaces it.
fn m_translate(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let table = &args.pos[0];
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let found = match vm.subscript_get(table, Value::Int(c as i64)) {
            Ok(v) => Some(v),
            Err(e) if e.matches(ExcType::LookupError) => None,
            Err(e) => return Err(e),
        };
        match found {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(cp)) => match u32::try_from(cp).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ));
                }
            },
            Some(other) => match other.as_str_or_subclass() {
                Some(t) => out.push_str(t.as_str()),
                None => {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            },
        }
    }
    Ok(Value::str(out))
}

fn m_swapcase(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_str(z, |s| {
        let mut out = String::with_capacity(s.len());
        // A capital sigma becomes final or not by its neighbours, as in
        // `lower()`: it is read from the whole string lowered (where it
        // starts there: each character's lowercase has a fixed length).
        let mut lowered: Option<String> = None;
        let mut lowered_at = 0;
        for c in s.chars() {
            let lower_len: usize = c.to_lowercase().map(char::len_utf8).sum();
            if c == 'Σ' {
                let whole = lowered.get_or_insert_with(|| s.to_lowercase());
                out.push(whole[lowered_at..].chars().next().unwrap_or('σ'));
            } else if is_upper(c) {
                out.extend(c.to_lowercase());
            } else if is_lower(c) {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            lowered_at += lower_len;
        }
        out
    })
}

fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        unicode::is(c, unicode::UPPER)
    }
}

fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        unicode::is(c, unicode::LOWER)
    }
}

fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        unicode::is(c, unicode::UPPER | unicode::LOWER | unicode::TITLE)
    }
}

/// The titlecase letters (Unicode category Lt): the Latin digraphs'
/// middle forms and the Greek capitals with prosgegrammeni, cased but
/// neither upper nor lower case.
fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && unicode::is(c, unicode::TITLE)
}

fn m_capitalize(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_str(z, |s| {
        let mut chars = s.chars();
        let mut out = String::with_capacity(s.len());
        if let Some(c) = chars.next() {
            out.extend(titlecase(c));
        }
        for c in chars {
            out.extend(c.to_lowercase());
        }
        out
    })
}

/// Title case of one character (Unicode's titlecase mapping, with
/// SpecialCasing's): upper case, except the digraphs and Greek letters
/// with prosgegrammeni that have a distinct title form, and the
/// ligatures whose title form is a capital then small letters.
fn titlecase(c: char) -> impl Iterator<Item = char> {
    let special: Option<&'static str> = match c {
        'Ǆ' | 'ǅ' | 'ǆ' => Some("ǅ"),
        'Ǉ' | 'ǈ' | 'ǉ' => Some("ǈ"),
        'Ǌ' | 'ǋ' | 'ǌ' => Some("ǋ"),
        'Ǳ' | 'ǲ' | 'ǳ' => Some("ǲ"),
        'ß' => Some("Ss"),
        '\u{FB00}' => Some("Ff"),
        '\u{FB01}' => Some("Fi"),
        '\u{FB02}' => Some("Fl"),
        '\u{FB03}' => Some("Ffi"),
        '\u{FB04}' => Some("Ffl"),
        '\u{FB05}' | '\u{FB06}' => Some("St"),
        '\u{0587}' => Some("\u{0535}\u{0582}"),
        '\u{FB13}' => Some("\u{0544}\u{0576}"),
        '\u{FB14}' => Some("\u{0544}\u{0565}"),
        '\u{FB15}' => Some("\u{0544}\u{056B}"),
        '\u{FB16}' => Some("\u{054E}\u{0576}"),
        '\u{FB17}' => Some("\u{0544}\u{056D}"),
        '\u{1FB2}' => Some("\u{1FBA}\u{0345}"),
        '\u{1FB4}' => Some("\u{0386}\u{0345}"),
        '\u{1FC2}' => Some("\u{1FCA}\u{0345}"),
        '\u{1FC4}' => Some("\u{0389}\u{0345}"),
        '\u{1FF2}' => Some("\u{1FFA}\u{0345}"),
        '\u{1FF4}' => Some("\u{038F}\u{0345}"),
        '\u{1FB7}' => Some("\u{0391}\u{0342}\u{0345}"),
        '\u{1FC7}' => Some("\u{0397}\u{0342}\u{0345}"),
        '\u{1FF7}' => Some("\u{03A9}\u{0342}\u{0345}"),
        _ => None,
    };
    // The Greek letters with ypogegrammeni: their titlecase letter (the
    // small letter's code point + 8; the titlecase ones stay); letters
    // that are their own title form.
    let greek = match c {
        '\u{1F80}'..='\u{1F87}' | '\u{1F90}'..='\u{1F97}' | '\u{1FA0}'..='\u{1FA7}' => {
            char::from_u32(c as u32 + 8)
        }
        '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}' => Some(c),
        '\u{1FB3}' | '\u{1FBC}' => Some('\u{1FBC}'),
        '\u{1FC3}' | '\u{1FCC}' => Some('\u{1FCC}'),
        '\u{1FF3}' | '\u{1FFC}' => Some('\u{1FFC}'),
        // Georgian Mkhedruli letters title-case to themselves (their
        // upper case is Mtavruli).
        '\u{10D0}'..='\u{10FA}' | '\u{10FD}'..='\u{10FF}' => Some(c),
        _ => None,
    };
    let upper = (special.is_none() && greek.is_none()).then(|| c.to_uppercase());
    special
        .into_iter()
        .flat_map(str::chars)
        .chain(greek)
        .chain(upper.into_iter().flatten())
}

fn m_title(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_str(z, |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(titlecase(c));
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn strip_impl(z: &Value, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let s = zelf(z)?;
    let src = s.as_str();
    let out = match args.pos.first() {
        None | Some(Value::None) => {
            let mut t = src;
            if left {
                t = t.trim_start_matches(is_py_whitespace);
            }
            if right {
                t = t.trim_end_matches(is_py_whitespace);
            }
            t
        }
        Some(v) => {
            let chars = v
                .as_str_or_subclass()
                .ok_or_else(|| PyErr::type_error(format!("{name} arg must be None or str")))?;
            let set = chars.as_str();
            let mut t = src;
            if left {
                t = t.trim_start_matches(|c| set.contains(c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(c));
            }
            t
        }
    };
    if out.len() == src.len() {
        return Ok(z.clone());
    }
    Ok(Value::str(out))
}

fn m_strip(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    strip_impl(z, args, "strip", true, true)
}

fn m_lstrip(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    strip_impl(z, args, "lstrip", true, false)
}

fn m_rstrip(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    strip_impl(z, args, "rstrip", false, true)
}

fn split_args<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(Option<&'a str>, i64)> {
    let sep = match args.get(0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = v.as_str_or_subclass().map(|s| s.as_str()).ok_or_else(|| {
                PyErr::type_error(format!("must be str or None, not {}", v.type_name()))
            })?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match args.get(1, "maxsplit") {
        None => -1,
        Some(v) => sequence::index_arg(vm, v, "maxsplit")?,
    };
    Ok((sep, maxsplit))
}

/// The parts `split` makes of one string. Splitting a long text yields
/// the same short words again and again (`text.split()` of a document):
/// equal parts then share one str object instead of one allocation each
/// (str identity is not part of Python's semantics; CPython shares its
/// one-character strs the same way).
struct Parts<'a> {
    out: Vec<Value>,
    seen: Option<HashMap<PartKey<'a>, Value, BuildHasherDefault<PassThroughHasher>>>,
}

/// A part with its hash (the str hash, so the map hashes each part once).
#[derive(PartialEq, Eq)]
struct PartKey<'a> {
    hash: i64,
    text: &'a str,
}

impl std::hash::Hash for PartKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash as u64);
    }
}

impl<'a> Parts<'a> {
    /// Parts of `source`: shared only in a text long enough to repeat
    /// itself (a short split pays no map).
    fn of(source: &str) -> Parts<'a> {
        Parts {
            out: Vec::with_capacity(8),
            seen: (source.len() >= 1024).then(HashMap::default),
        }
    }

    fn push(&mut self, part: &'a str) {
        // Mostly distinct parts (the lines of a file): the map would only
        // cost memory; stop sharing.
        if self.out.len() % 1024 == 1023
            && self
                .seen
                .as_ref()
                .is_some_and(|seen| seen.len() > self.out.len() / 4)
        {
            self.seen = None;
        }
        let value = match &mut self.seen {
            Some(seen) if part.len() <= INLINE => {
                let key = PartKey {
                    hash: hash_bytes(part.as_bytes()),
                    text: part,
                };
                seen.entry(key).or_insert_with(|| str_value(part)).clone()
            }
            _ => str_value(part),
        };
        self.out.push(value);
    }
}

/// `str.split` on whitespace runs.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    if s.is_ascii() {
        return split_ascii_whitespace(s, maxsplit);
    }
    let mut out = Parts::of(s);
    let mut rest = s.trim_start_matches(is_py_whitespace);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(is_py_whitespace) {
            Some(end) => {
                out.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(is_py_whitespace);
            }
            None => {
                out.push(rest);
                break;
            }
        }
        n += 1;
    }
    out.out
}

/// [`split_whitespace`] of ASCII text, byte by byte (no UTF-8 decoding).
fn split_ascii_whitespace(text: &str, maxsplit: i64) -> Vec<Value> {
    // Python's ASCII whitespace: \t \n \x0b \x0c \r, \x1c..\x1f and space.
    let is_space = |b: &u8| matches!(b, b'\t'..=b'\r' | b'\x1c'..=b'\x1f' | b' ');
    // ASCII: every byte offset is a char boundary.
    let s = text.as_bytes();
    let mut out = Parts::of(text);
    let mut at = 0;
    let mut n = 0;
    loop {
        while at < s.len() && is_space(&s[at]) {
            at += 1;
        }
        if at == s.len() {
            break;
        }
        if maxsplit >= 0 && n >= maxsplit {
            out.push(&text[at..]);
            break;
        }
        let end = s[at..]
            .iter()
            .position(is_space)
            .map_or(s.len(), |i| at + i);
        out.push(&text[at..end]);
        at = end;
        n += 1;
    }
    out.out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_py_whitespace);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(str_value(rest));
            break;
        }
        match rest.rfind(is_py_whitespace) {
            Some(start) => {
                let w = rest[start..].chars().next().map_or(1, char::len_utf8);
                out.push(str_value(&rest[start + w..]));
                rest = rest[..start].trim_end_matches(is_py_whitespace);
            }
            None => {
                out.push(str_value(rest));
                break;
            }
        }
        n += 1;
    }
    out.reverse();
    out
}

fn m_split(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let (sep, maxsplit) = split_args(vm, &args)?;
    let parts = match sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) => {
            let mut parts = Parts::of(s);
            if maxsplit < 0 {
                s.split(sep).for_each(|part| parts.push(part));
            } else {
                s.splitn(maxsplit as usize + 1, sep)
                    .for_each(|part| parts.push(part));
            }
            parts.out
        }
    };
    Ok(Value::list(parts))
}

fn m_rsplit(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let (sep, maxsplit) = split_args(vm, &args)?;
    let parts = match sep {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => {
            let mut v: Vec<Value> = if maxsplit < 0 {
                s.rsplit(sep).map(str_value).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep)
                    .map(str_value)
                    .collect()
            };
            v.reverse();
            v
        }
    };
    Ok(Value::list(parts))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn m_splitlines(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let keep = match args.get(0, "keepends") {
        Some(v) => sequence::index_arg(vm, v, "keepends")? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
                it.next();
                end += 1;
            }
            out.push(str_value(if keep { &s[start..end] } else { &s[start..i] }));
            start = end;
        }
    }
    if start < s.len() {
        out.push(str_value(&s[start..]));
    }
    Ok(Value::list(out))
}

fn m_join(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let sep = zelf(z)?;
    // Exact lists and tuples only: a subclass may iterate differently.
    match args.pos[0].as_obj() {
        Some(PyObject::List(l)) => join_items(sep, &l.borrow()),
        Some(PyObject::Tuple(t)) => join_items(sep, t.as_slice()),
        // A deque's items where they lie (a template engine's output
        // buffer: collecting it first made a vector as large again).
        Some(PyObject::Native(native)) if let Some(items) = native.data.items() => {
            let (front, back) = items.as_slices();
            join_parts(sep, front, back)
        }
        _ => {
            let items = protocol::collect(vm, &args.pos[0])?;
            join_items(sep, &items)
        }
    }
}

/// `sep.join(items)`: the lengths summed first, so the text is made in
/// one allocation whose code points are known (no second scan).
fn join_items(sep: &PyStr, items: &[Value]) -> PyResult {
    join_parts(sep, items, &[])
}

/// [`join_items`] of the items of `first` then `second`.
fn join_parts(sep: &PyStr, first: &[Value], second: &[Value]) -> PyResult {
    let items = || first.iter().chain(second);
    let count = first.len() + second.len();
    let mut bytes = 0usize;
    let mut chars = 0usize;
    for (i, item) in items().enumerate() {
        let s = item.as_str_or_subclass().ok_or_else(|| {
            PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.type_name()
            ))
        })?;
        bytes = bytes.saturating_add(s.as_str().len());
        chars = chars.saturating_add(s.char_len());
    }
    if count == 0 {
        return Ok(Value::str(""));
    }
    if count == 1
        && let Some(only) = items().next()
        && only.as_str().is_some()
    {
        // One exact str is the answer itself, as in CPython.
        return Ok(only.clone());
    }
    let gaps = count - 1;
    bytes = bytes.saturating_add(sep.as_str().len().saturating_mul(gaps));
    chars = chars.saturating_add(sep.char_len().saturating_mul(gaps));
    crate::memory::reserve(bytes)?;
    let mut out = String::with_capacity(bytes);
    for (i, item) in items().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Some(s) = item.as_str_or_subclass() {
            out.push_str(s.as_str());
        }
    }
    if out.len() <= INLINE {
        return Ok(Value::str(out));
    }
    Ok(Value::obj(PyObject::Str(PyStr::with_char_len(out, chars))))
}

fn m_replace(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let old = str_arg(&args.pos[0], "replace() argument 1")?;
    let new = str_arg(&args.pos[1], "replace() argument 2")?;
    let count = match args.pos.get(2) {
        Some(v) => sequence::index_arg(vm, v, "count")?,
        None => -1,
    };
    if crate::memory::limited() && new.len() > old.len() {
        let matches = if old.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(old).count()
        };
        let matches = if count < 0 {
            matches
        } else {
            matches.min(count as usize)
        };
        crate::memory::reserve(s.len() + matches.saturating_mul(new.len() - old.len()))?;
    }
    // Nothing to replace (the common case of escaping chains): the string
    // itself, as CPython answers, found with a byte search for a one-byte
    // `old` (a `&str` pattern sets up a two-way searcher per call).
    let one_byte = (old.len() == 1).then(|| old.as_bytes()[0] as char);
    let found = match one_byte {
        Some(c) => s.contains(c),
        None => old.is_empty() || s.contains(old),
    };
    if !found || count == 0 {
        return Ok(match z.as_str() {
            Some(_) => z.clone(),
            None => Value::str(s.to_owned()),
        });
    }
    Ok(Value::str(match (one_byte, count < 0) {
        (Some(c), true) => s.replace(c, new),
        (Some(c), false) => s.replacen(c, new, count as usize),
        (None, true) => s.replace(old, new),
        (None, false) => s.replacen(old, new, count as usize),
    }))
}

fn char_pred(z: &Value, f: impl Fn(char) -> bool) -> PyResult {
    let s = zelf(z)?.as_str();
    Ok(Value::bool(!s.is_empty() && s.chars().all(f)))
}

/// `str.isdecimal` per character.
pub fn is_decimal_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && unicode::is(c, unicode::DECIMAL))
}

fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && unicode::is(c, unicode::DIGIT))
}

fn is_numeric_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && unicode::is(c, unicode::NUMERIC))
}

fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        unicode::is(c, unicode::ALPHA)
    }
}

fn m_isdigit(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    char_pred(z, is_digit_char)
}
fn m_isdecimal(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    char_pred(z, is_decimal_char)
}
fn m_isnumeric(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    char_pred(z, is_numeric_char)
}
fn m_isalpha(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    char_pred(z, is_alpha_char)
}
fn m_isalnum(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    char_pred(z, |c| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            unicode::is(c, unicode::ALPHA | unicode::NUMERIC)
        }
    })
}
fn m_isspace(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    char_pred(z, is_py_whitespace)
}
fn m_isascii(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?;
    Ok(Value::bool(s.is_ascii()))
}
fn m_isprintable(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    Ok(Value::bool(s.chars().all(is_printable)))
}

fn m_isupper(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return Ok(Value::bool(false));
        }
        cased |= is_upper(c);
    }
    Ok(Value::bool(cased))
}

fn m_islower(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return Ok(Value::bool(false));
        }
        cased |= is_lower(c);
    }
    Ok(Value::bool(cased))
}

fn m_istitle(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

/// `s.isidentifier()`: XID_Start or `_` first, XID_Continue after (the
/// text as it is, without the NFKC the lexer applies to names). The zero
/// width joiners entered XID_Continue in Unicode 15.1, after the 14.0
/// that Python 3.11 follows.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_ascii_alphabetic() => {}
        Some(c) if !c.is_ascii() && unicode::is(c, unicode::XID_START) => {}
        _ => return false,
    }
    chars.all(|c| {
        if c.is_ascii() {
            c == '_' || c.is_ascii_alphanumeric()
        } else {
            unicode::is(c, unicode::XID_CONTINUE)
        }
    })
}

fn m_isidentifier(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    Ok(Value::bool(is_identifier(s)))
}

fn fill_args(vm: &mut Vm, args: &Args) -> PyResult<(usize, char)> {
    let width = sequence::index_arg(vm, &args.pos[0], "width")?.max(0) as usize;
    let fill = match args.pos.get(1) {
        None => ' ',
        Some(v) => {
            let s = v
                .as_str_or_subclass()
                .filter(|s| s.char_len() == 1)
                .ok_or_else(|| {
                    PyErr::type_error("The fill character must be exactly one character long")
                })?;
            s.as_str().chars().next().unwrap_or(' ')
        }
    };
    Ok((width, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> PyResult {
    let fills = left.saturating_add(right).saturating_mul(fill.len_utf8());
    let mut out = crate::memory::string_with_capacity(s.len().saturating_add(fills))?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::str(out))
}

fn m_center(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let (width, fill) = fill_args(vm, &args)?;
    let len = s.char_len();
    if width <= len {
        return Ok(z.clone());
    }
    let marg = width - len;
    // CPython's rounding: odd margins put the extra fill on the right
    // unless the width is odd as well.
    let left = marg / 2 + (marg & width & 1);
    pad(s.as_str(), left, marg - left, fill)
}

fn m_ljust(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let (width, fill) = fill_args(vm, &args)?;
    if width <= s.char_len() {
        return Ok(z.clone());
    }
    pad(s.as_str(), 0, width - s.char_len(), fill)
}

fn m_rjust(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let (width, fill) = fill_args(vm, &args)?;
    if width <= s.char_len() {
        return Ok(z.clone());
    }
    pad(s.as_str(), width - s.char_len(), 0, fill)
}

fn m_zfill(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?;
    let width = sequence::index_arg(vm, &args.pos[0], "width")?.max(0) as usize;
    if width <= s.char_len() {
        return Ok(z.clone());
    }
    let src = s.as_str();
    let n = width - s.char_len();
    let mut out = crate::memory::string_with_capacity(src.len() + n)?;
    let body = match src.as_bytes().first() {
        Some(b'+' | b'-') => {
            out.push_str(&src[..1]);
            &src[1..]
        }
        _ => src,
    };
    out.extend(std::iter::repeat_n('0', n));
    out.push_str(body);
    Ok(Value::str(out))
}

fn partition_impl(z: &Value, args: Args, reverse: bool) -> PyResult {
    let s = zelf(z)?.as_str();
    let sep = str_arg(&args.pos[0], "sep")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [
            str_value(&s[..i]),
            args.pos[0].clone(),
            str_value(&s[i + sep.len()..]),
        ],
        None if reverse => [Value::str(""), Value::str(""), z.clone()],
        None => [z.clone(), Value::str(""), Value::str("")],
    };
    Ok(Value::tuple(parts.to_vec()))
}

fn m_partition(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    partition_impl(z, args, false)
}

fn m_rpartition(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    partition_impl(z, args, true)
}

fn m_expandtabs(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let tab = match args.get(0, "tabsize") {
        Some(v) => i64::from(sequence::c_int_arg(vm, v, "tabsize")?),
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    crate::memory::grow_string(&mut out, n as usize)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(out))
}

/// A str parameter of a method declared with `Params::Named`, checked with
/// Argument Clinic's message (`encode() argument 'errors' must be str, not
/// None`).
pub(crate) fn named_str_arg<'a>(
    args: &Args<'a>,
    i: usize,
    method: &str,
    name: &str,
) -> PyResult<Option<&'a str>> {
    let Some(v) = args.get(i, name) else {
        return Ok(None);
    };
    match v.as_str_or_subclass() {
        Some(s) => Ok(Some(s.as_str())),
        None => Err(PyErr::type_error(format!(
            "{method}() argument '{name}' must be str, not {}",
            if v.is_none() { "None" } else { v.type_name() }
        ))),
    }
}

fn m_encode(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let encoding = named_str_arg(&args, 0, "encode", "encoding")?.unwrap_or("utf-8");
    let errors = named_str_arg(&args, 1, "encode", "errors")?.unwrap_or("strict");
    match crate::builtins::codecs::encode(s, encoding, errors) {
        Ok(bytes) => Ok(Value::bytes(bytes)),
        // (A codec the VM does not know may be the registry's.)
        Err(err)
            if err.matches(crate::typeobject::ExcType::LookupError)
                && crate::builtins::codecs::Codec::lookup(encoding).is_err() =>
        {
            let text = Value::str(s);
            crate::builtins::codecs::through_registry(vm, text, encoding, errors, true)
        }
        Err(err) => Err(err),
    }
}

fn m_removeprefix(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let p = str_arg(&args.pos[0], "removeprefix() argument")?;
    Ok(match s.strip_prefix(p) {
        Some(r) if !p.is_empty() => str_value(r),
        _ => z.clone(),
    })
}

fn m_removesuffix(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    let p = str_arg(&args.pos[0], "removesuffix() argument")?;
    Ok(match s.strip_suffix(p) {
        Some(r) if !p.is_empty() => str_value(r),
        _ => z.clone(),
    })
}

fn m_format(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    crate::format::str_format::format(
        vm,
        s,
        args.pos,
        &crate::format::str_format::Kwargs::Pairs(args.kw),
    )
    .map(Value::str)
}

fn m_format_map(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let s = zelf(z)?.as_str();
    crate::format::str_format::format(
        vm,
        s,
        &[],
        &crate::format::str_format::Kwargs::Mapping(&args.pos[0]),
    )
    .map(Value::str)
}

/// `s.__len__()`: a slot wrapper in CPython, whose messages no `Params`
/// form has (`expected 0 arguments, got 1`).
fn m_str_len(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(
            "wrapper __len__() takes no keyword arguments",
        ));
    }
    if !args.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            args.pos.len()
        )));
    }
    Ok(Value::from(zelf(z)?.char_len()))
}

/// `str.split(sep=None, maxsplit=-1)` and `str.rsplit`.
static SPLIT: Signature = Signature {
    names: &["sep", "maxsplit"],
    positional: 2,
    required: 0,
};

/// `str.splitlines(keepends=False)`.
static SPLITLINES: Signature = Signature {
    names: &["keepends"],
    positional: 1,
    required: 0,
};

/// `str.expandtabs(tabsize=8)`.
static EXPANDTABS: Signature = Signature {
    names: &["tabsize"],
    positional: 1,
    required: 0,
};

/// `str.encode(encoding='utf-8', errors='strict')`.
static ENCODE: Signature = Signature {
    names: &["encoding", "errors"],
    positional: 2,
    required: 0,
};

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "find",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_find,
    },
    MethodDef {
        name: "translate",
        params: crate::builtins::function::Params::One,
        func: m_translate,
    },
    MethodDef {
        name: "rfind",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_rfind,
    },
    MethodDef {
        name: "index",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_index,
    },
    MethodDef {
        name: "rindex",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_rindex,
    },
    MethodDef {
        name: "count",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_count,
    },
    MethodDef {
        name: "startswith",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_startswith,
    },
    MethodDef {
        name: "endswith",
        params: crate::builtins::function::Params::Tuple(1, 3),
        func: m_endswith,
    },
    MethodDef {
        name: "upper",
        params: crate::builtins::function::Params::NoArgs,
        func: m_upper,
    },
    MethodDef {
        name: "lower",
        params: crate::builtins::function::Params::NoArgs,
        func: m_lower,
    },
    MethodDef {
        name: "casefold",
        params: crate::builtins::function::Params::NoArgs,
        func: m_casefold,
    },
    MethodDef {
        name: "swapcase",
        params: crate::builtins::function::Params::NoArgs,
        func: m_swapcase,
    },
    MethodDef {
        name: "capitalize",
        params: crate::builtins::function::Params::NoArgs,
        func: m_capitalize,
    },
    MethodDef {
        name: "title",
        params: crate::builtins::function::Params::NoArgs,
        func: m_title,
    },
    MethodDef {
        name: "strip",
        params: crate::builtins::function::Params::Positional(0, 1),
        func: m_strip,
    },
    MethodDef {
        name: "lstrip",
        params: crate::builtins::function::Params::Positional(0, 1),
        func: m_lstrip,
    },
    MethodDef {
        name: "rstrip",
        params: crate::builtins::function::Params::Positional(0, 1),
        func: m_rstrip,
    },
    MethodDef {
        name: "split",
        params: crate::builtins::function::Params::Named(&SPLIT),
        func: m_split,
    },
    MethodDef {
        name: "rsplit",
        params: crate::builtins::function::Params::Named(&SPLIT),
        func: m_rsplit,
    },
    MethodDef {
        name: "splitlines",
        params: crate::builtins::function::Params::Named(&SPLITLINES),
        func: m_splitlines,
    },
    MethodDef {
        name: "join",
        params: crate::builtins::function::Params::One,
        func: m_join,
    },
    MethodDef {
        name: "replace",
        params: crate::builtins::function::Params::Positional(2, 3),
        func: m_replace,
    },
    MethodDef {
        name: "isdigit",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isdigit,
    },
    MethodDef {
        name: "isdecimal",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isdecimal,
    },
    MethodDef {
        name: "isnumeric",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isnumeric,
    },
    MethodDef {
        name: "isalpha",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isalpha,
    },
    MethodDef {
        name: "isalnum",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isalnum,
    },
    MethodDef {
        name: "isspace",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isspace,
    },
    MethodDef {
        name: "isascii",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isascii,
    },
    MethodDef {
        name: "isprintable",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isprintable,
    },
    MethodDef {
        name: "isupper",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isupper,
    },
    MethodDef {
        name: "islower",
        params: crate::builtins::function::Params::NoArgs,
        func: m_islower,
    },
    MethodDef {
        name: "istitle",
        params: crate::builtins::function::Params::NoArgs,
        func: m_istitle,
    },
    MethodDef {
        name: "isidentifier",
        params: crate::builtins::function::Params::NoArgs,
        func: m_isidentifier,
    },
    MethodDef {
        name: "center",
        params: crate::builtins::function::Params::Positional(1, 2),
        func: m_center,
    },
    MethodDef {
        name: "ljust",
        params: crate::builtins::function::Params::Positional(1, 2),
        func: m_ljust,
    },
    MethodDef {
        name: "rjust",
        params: crate::builtins::function::Params::Positional(1, 2),
        func: m_rjust,
    },
    MethodDef {
        name: "zfill",
        params: crate::builtins::function::Params::One,
        func: m_zfill,
    },
    MethodDef {
        name: "partition",
        params: crate::builtins::function::Params::One,
        func: m_partition,
    },
    MethodDef {
        name: "rpartition",
        params: crate::builtins::function::Params::One,
        func: m_rpartition,
    },
    MethodDef {
        name: "expandtabs",
        params: crate::builtins::function::Params::Named(&EXPANDTABS),
        func: m_expandtabs,
    },
    MethodDef {
        name: "encode",
        params: crate::builtins::function::Params::Named(&ENCODE),
        func: m_encode,
    },
    MethodDef {
        name: "removeprefix",
        params: crate::builtins::function::Params::One,
        func: m_removeprefix,
    },
    MethodDef {
        name: "removesuffix",
        params: crate::builtins::function::Params::One,
        func: m_removesuffix,
    },
    MethodDef {
        name: "format",
        params: crate::builtins::function::Params::Any,
        func: m_format,
    },
    MethodDef {
        name: "format_map",
        params: crate::builtins::function::Params::One,
        func: m_format_map,
    },
    MethodDef {
        name: "__len__",
        params: crate::builtins::function::Params::Any,
        func: m_str_len,
    },
];

/// Wrap into a heap object (used by callers that build `PyObject`s).
/// A new `str` value holding `s` (never a shared one), made in its
/// allocation.
///
/// A short text is copied straight into the object's inline bytes once
/// the object is allocated: built on the stack first ([`PyStr::copy_of`])
/// and moved, its bytes were read back with wide loads that stalled on the
/// fresh byte copies (a fifth of an f-string loop's time).
pub(crate) fn new_str_value(s: &str) -> Value {
    if s.len() > INLINE {
        return Value::obj(PyObject::Str(PyStr::new(s.to_owned())));
    }
    let (len, char_len) = (s.len() as u8, code_points(s) as u8);
    let mut value = Value::obj_with(|| {
        PyObject::Str(PyStr {
            text: Text::Inline {
                len,
                char_len,
                bytes: [0; INLINE],
            },
            hash: Cell::new(-1),
        })
    });
    if let Value::Obj(object) = &mut value
        && let Some(PyObject::Str(PyStr {
            text: Text::Inline { bytes, .. },
            ..
        })) = std::rc::Rc::get_mut(object)
    {
        bytes[..s.len()].copy_from_slice(s.as_bytes());
    }
    value
}

pub fn new_object(s: String) -> PyObject {
    PyObject::Str(PyStr::new(s))
}

#[cfg(test)]
mod tests {

    /// Short strings are stored inline, longer ones on the heap; both
    /// read back the same, ASCII or not.
    #[test]
    fn inline_and_heap_text() {
        for text in [
            "",
            "a",
            &"x".repeat(INLINE),
            &"y".repeat(INLINE + 1),
            "héllo wörld",
            &"é".repeat(INLINE / 2),
            &"é".repeat(INLINE / 2 + 1),
            &"€".repeat(40),
        ] {
            for s in [PyStr::new(text.to_owned()), PyStr::copy_of(text)] {
                assert_eq!(s.as_str(), text);
                assert_eq!(s.char_len(), text.chars().count());
                assert_eq!(s.is_ascii(), text.is_ascii());
                assert_eq!(s.hash(), hash_bytes(text.as_bytes()));
                let n = s.char_len();
                assert_eq!(
                    s.substr(1.min(n), n),
                    text.chars().skip(1).collect::<String>()
                );
            }
        }
    }

    /// Mostly-ASCII text (ASCII blocks between non-ASCII ones, a last
    /// block of either kind): every code point, byte offset, code-point
    /// index and slice agrees with a plain walk over the characters.
    #[test]
    fn index_of_mixed_blocks() {
        let texts = [
            format!("{}é{}", "a".repeat(70), "b".repeat(50)),
            format!("{}😀", "x".repeat(3 * CHECKPOINT)),
            format!("é{}", "y".repeat(2 * CHECKPOINT + 5)),
            format!("{}€{}€", "z".repeat(CHECKPOINT - 1), "w".repeat(CHECKPOINT)),
        ];
        for text in texts {
            let s = PyStr::new(text.clone());
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            for (i, &(b, c)) in chars.iter().enumerate() {
                assert_eq!(s.char_at(i), Some(c), "char {i} of {text:?}");
                assert_eq!(s.byte_offset(i), b, "offset {i} of {text:?}");
                assert_eq!(s.char_index(b), i, "index of byte {b} of {text:?}");
            }
            let n = chars.len();
            assert_eq!(s.char_at(n), None);
            assert_eq!(s.byte_offset(n), text.len());
            assert_eq!(s.char_index(text.len()), n);
            for (start, stop) in [(0, n), (3, n - 1), (CHECKPOINT + 1, n), (n - 2, n + 7)] {
                let expected: String = text.chars().skip(start).take(stop - start).collect();
                assert_eq!(
                    s.substr(start, stop),
                    expected,
                    "[{start}:{stop}] of {text:?}"
                );
            }
        }
    }

    /// Appending to an indexed non-ASCII text extends its checkpoints:
    /// every code point is still found, from ASCII and non-ASCII tails,
    /// through the inline-to-heap switch.
    #[test]
    fn append_keeps_the_index_right() {
        let mut s = PyStr::copy_of("é");
        let mut want = String::from("é");
        for step in 0..300 {
            let tail = match step % 4 {
                0 => "a",
                1 => "€é",
                2 => "xyz",
                _ => "😀",
            };
            s.append(tail);
            want.push_str(tail);
            let chars: Vec<char> = want.chars().collect();
            // Index at a few places after each append (that builds the
            // checkpoints the next append extends).
            for i in [0, chars.len() / 2, chars.len() - 1] {
                assert_eq!(s.char_at(i), Some(chars[i]), "step {step}, index {i}");
            }
            assert_eq!(s.char_len(), chars.len());
        }
        let chars: Vec<char> = want.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            assert_eq!(s.char_at(i), Some(c));
            assert_eq!(s.char_index(s.byte_offset(i)), i);
        }
        assert_eq!(s.hash(), hash_bytes(want.as_bytes()));
    }

    use super::*;
    use crate::protocol::{call_method, repr};

    /// Call a str method and repr the result (or the error line).
    fn m(s: &str, name: &str, args: &[Value]) -> String {
        match call_method(
            &mut crate::interpreter::Vm::new(),
            &Value::str(s),
            name,
            Args::new(args),
        ) {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }
    fn mk(s: &str, name: &str, args: &[Value], kw: &[(&str, Value)]) -> String {
        match call_method(
            &mut crate::interpreter::Vm::new(),
            &Value::str(s),
            name,
            Args::with_kw(args, kw),
        ) {
            Ok(v) => repr(&v).unwrap(),
            Err(e) => e.to_string(),
        }
    }
    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }

    #[test]
    fn reprs() {
        assert_eq!(
            repr_str("\x00\x7f\u{a0}\u{ad}\u{200b}\u{2028}\u{e000}é€😀\u{e0001}"),
            r"'\x00\x7f\xa0\xad\u200b\u2028\ue000é€😀\U000e0001'"
        );
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("it's \"q\""), r#"'it\'s "q"'"#);
        assert_eq!(repr_str("\\"), r"'\\'");
        assert_eq!(repr_str("a\nb\tc\r"), r"'a\nb\tc\r'");
    }

    #[test]
    fn case_methods() {
        assert_eq!(
            m("they're bill's friends from the UK", "title", &[]),
            "\"They'Re Bill'S Friends From The Uk\""
        );
        assert_eq!(m("hello wORLD", "capitalize", &[]), "'Hello world'");
        assert_eq!(m("ß", "upper", &[]), "'SS'");
        assert_eq!(m("ß", "casefold", &[]), "'ss'");
        assert_eq!(m("ΣΑΣ", "lower", &[]), "'σας'");
        assert_eq!(m("aBc", "swapcase", &[]), "'AbC'");
        assert_eq!(m("Hello World", "istitle", &[]), "True");
        assert_eq!(m("ABC1", "isupper", &[]), "True");
        assert_eq!(m("", "isupper", &[]), "False");
        assert_eq!(m("x1", "isidentifier", &[]), "True");
        assert_eq!(m("1x", "isidentifier", &[]), "False");
        assert_eq!(m("²", "isdigit", &[]), "True");
        assert_eq!(m("½", "isnumeric", &[]), "True");
        assert_eq!(m("½", "isdigit", &[]), "False");
        assert_eq!(m(" \x1c", "isspace", &[]), "True");
        assert_eq!(m("abc1", "isalnum", &[]), "True");
        assert_eq!(m("abc1", "isalpha", &[]), "False");
    }

    #[test]
    fn split_family() {
        assert_eq!(
            m("  a b  c  ", "split", &[Value::None, i(1)]),
            "['a', 'b  c  ']"
        );
        assert_eq!(
            m("  a b  c  ", "rsplit", &[Value::None, i(1)]),
            "['  a b', 'c']"
        );
        assert_eq!(m("a,b,,c", "split", &[s(","), i(2)]), "['a', 'b', ',c']");
        assert_eq!(m("a,b,,c", "rsplit", &[s(","), i(2)]), "['a,b', '', 'c']");
        assert_eq!(m("a b", "split", &[s("")]), "ValueError: empty separator");
        assert_eq!(
            mk(
                "a-b-c",
                "split",
                &[],
                &[("sep", s("-")), ("maxsplit", i(1))]
            ),
            "['a', 'b-c']"
        );
        assert_eq!(
            m("ab\r\ncd\x0bx\x1cy\u{2028}z\n", "splitlines", &[]),
            "['ab', 'cd', 'x', 'y', 'z']"
        );
        assert_eq!(
            m("ab\r\ncd\n", "splitlines", &[Value::bool(true)]),
            r"['ab\r\n', 'cd\n']"
        );
        assert_eq!(m("a.b.c", "partition", &[s(".")]), "('a', '.', 'b.c')");
        assert_eq!(m("a.b.c", "rpartition", &[s(".")]), "('a.b', '.', 'c')");
        assert_eq!(m("abc", "rpartition", &[s(".")]), "('', '', 'abc')");
        assert_eq!(m("", "split", &[]), "[]");
    }

    #[test]
    fn find_family() {
        assert_eq!(m("abc", "find", &[s(""), i(5)]), "-1");
        assert_eq!(m("abc", "find", &[s(""), i(3)]), "3");
        assert_eq!(m("abc", "count", &[s("")]), "4");
        assert_eq!(m("aaa", "count", &[s("aa")]), "1");
        assert_eq!(m("ääbä", "find", &[s("b")]), "2");
        assert_eq!(m("abcabc", "rfind", &[s("b"), i(0), i(4)]), "1");
        assert_eq!(m("abcabc", "find", &[s("c"), i(-2)]), "5");
        assert_eq!(
            m("abc", "index", &[s("x")]),
            "ValueError: substring not found"
        );
        assert_eq!(
            m(
                "hello",
                "startswith",
                &[Value::tuple(vec![s("x"), s("he")])]
            ),
            "True"
        );
        assert_eq!(m("hello", "endswith", &[s("ll"), i(0), i(4)]), "True");
        assert_eq!(m("hello", "startswith", &[s("l"), i(2)]), "True");
        assert_eq!(
            m("hello", "startswith", &[i(1)]),
            "TypeError: startswith first arg must be str or a tuple of str, not int"
        );
    }

    #[test]
    fn padding_and_misc() {
        assert_eq!(m("abc", "center", &[i(8), s("*")]), "'**abc***'");
        assert_eq!(m("abc", "center", &[i(6), s("*")]), "'*abc**'");
        assert_eq!(m("ab", "center", &[i(5), s("*")]), "'**ab*'");
        assert_eq!(m("ab", "center", &[i(7)]), "'   ab  '");
        assert_eq!(m("-42", "zfill", &[i(6)]), "'-00042'");
        assert_eq!(m("+4", "zfill", &[i(5)]), "'+0004'");
        assert_eq!(m("ab", "ljust", &[i(4), s("-")]), "'ab--'");
        assert_eq!(m("ab", "rjust", &[i(4)]), "'  ab'");
        assert_eq!(m("a\tb\n\tc", "expandtabs", &[]), r"'a       b\n        c'");
        assert_eq!(m("  xx  ", "strip", &[]), "'xx'");
        assert_eq!(m("xxhixx", "strip", &[s("x")]), "'hi'");
        assert_eq!(m("xxhixx", "lstrip", &[s("x")]), "'hixx'");
        assert_eq!(m("xxhixx", "rstrip", &[s("x")]), "'xxhi'");
        assert_eq!(m("abc", "replace", &[s(""), s("-")]), "'-a-b-c-'");
        assert_eq!(m("aaaa", "replace", &[s("a"), s("b"), i(2)]), "'bbaa'");
        assert_eq!(m("prefix-x", "removeprefix", &[s("prefix-")]), "'x'");
        assert_eq!(m("x.py", "removesuffix", &[s(".py")]), "'x'");
        assert_eq!(m("é", "encode", &[]), r"b'\xc3\xa9'");
        assert_eq!(
            m(",", "join", &[Value::list(vec![s("a"), s("b")])]),
            "'a,b'"
        );
        assert_eq!(
            m(",", "join", &[Value::list(vec![s("a"), i(1)])]),
            "TypeError: sequence item 1: expected str instance, int found"
        );
        assert_eq!(m("", "join", &[s("abc")]), "'abc'");
    }

    #[test]
    fn indexing() {
        let v = PyStr::new("héllo".into());
        assert_eq!(v.char_len(), 5);
        assert_eq!(v.substr(1, 3), "él");
        assert_eq!(repr(&get_index(&v, &i(-1)).unwrap()).unwrap(), "'o'");
        assert_eq!(
            get_index(&v, &i(5)).unwrap_err().to_string(),
            "IndexError: string index out of range"
        );
        assert_eq!(v.hash(), PyStr::new("héllo".into()).hash());
        assert_ne!(v.hash(), PyStr::new("hello".into()).hash());
    }
}
