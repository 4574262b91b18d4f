//! `pyexpat` (also `xml.parsers.expat`): CPython's binding of the expat
//! XML parser, with expat itself replaced by a tokenizer written here
//! (`scan.rs`). Hand-written rather than a crate because what users and
//! ElementTree's tests see of expat is exact: its error codes, messages
//! and (line, column) positions, how it splits character data, the order
//! of its callbacks. What is here: `ParserCreate(encoding,
//! namespace_separator)`, incremental `Parse`/`ParseFile` (data split
//! anywhere, str or bytes in UTF-8, UTF-16, latin-1, ASCII or a
//! single-byte codec), the handler attributes, `ordered_attributes`,
//! `specified_attributes`, `buffer_text`, positions, `ExpatError`,
//! `ErrorString`, the `errors` and `model` submodules.
//!
//! Internal entities of the DTD's internal subset and attribute defaults
//! are expanded; external DTDs and entities are not read (references to
//! entities they may declare go to the default handler, as expat's do
//! when it does not read them).
//!
//! Not a validating parser, as expat is not; DTD declaration handlers
//! (`ElementDeclHandler`, `AttlistDeclHandler`...) are accepted and never
//! called.

mod scan;
mod tree;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_vm::buffer::bytes_like;
use krait_vm::builtins::dict::PyDict;
use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ClassDict, ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

use crate::util::{function, method, type_value};
use scan::{Event, Scanner, Stop};

const MESSAGES: &[&str] = &[
    "out of memory",
    "syntax error",
    "no element found",
    "not well-formed (invalid token)",
    "unclosed token",
    "partial character",
    "mismatched tag",
    "duplicate attribute",
    "junk after document element",
    "illegal parameter entity reference",
    "undefined entity",
    "recursive entity reference",
    "asynchronous entity",
    "reference to invalid character number",
    "reference to binary entity",
    "reference to external entity in attribute",
    "XML or text declaration not at start of entity",
    "unknown encoding",
    "encoding specified in XML declaration is incorrect",
    "unclosed CDATA section",
    "error in processing external entity reference",
    "document is not standalone",
    "unexpected parser state - please send a bug report",
    "entity declared in parameter entity",
    "requested feature requires XML_DTD support in Expat",
    "cannot change setting once parsing has begun",
    "unbound prefix",
    "must not undeclare prefix",
    "incomplete markup in parameter entity",
    "XML declaration not well-formed",
    "text declaration not well-formed",
    "illegal character(s) in public id",
    "parser suspended",
    "parser not suspended",
    "parsing aborted",
    "parsing finished",
    "cannot suspend in external parameter entity",
    "reserved prefix (xml) must not be undeclared or bound to another namespace name",
    "reserved prefix (xmlns) must not be declared or undeclared",
    "prefix must not be bound to one of the reserved namespace names",
    "invalid argument",
    "a successful prior call to function XML_GetBuffer is required",
    "limit on input amplification factor (from DTD and entities) breached",
];

const ERROR_NAMES: &[&str] = &[
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
];

fn message(code: u32) -> Option<&'static str> {
    MESSAGES.get((code as usize).wrapping_sub(1)).copied()
}

/// The handler attributes, in CPython's order.
const HANDLERS: &[&str] = &[
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
];

const H_START: usize = 0;
const H_END: usize = 1;
const H_PI: usize = 2;
const H_DATA: usize = 3;
const H_START_NS: usize = 6;
const H_END_NS: usize = 7;
const H_COMMENT: usize = 8;
const H_START_CDATA: usize = 9;
const H_END_CDATA: usize = 10;
const H_DEFAULT: usize = 11;
const H_DEFAULT_EXPAND: usize = 12;
const H_START_DOCTYPE: usize = 15;
const H_END_DOCTYPE: usize = 16;
const H_XML_DECL: usize = 18;
const H_SKIPPED: usize = 21;

thread_local! {
    static ERROR: Rc<TypeObject> = {
        let mut dict = ClassDict::default();
        dict.insert(Box::from("__module__"), Value::str("xml.parsers.expat"));
        let mut class =
            TypeObject::new_class("ExpatError", vec![exc_type(ExcType::Exception)], dict)
                .expect("a single exception base");
        class.heap = false;
        Rc::new(class)
    };
    static PARSER_TYPE: Rc<TypeObject> = native_type_in("pyexpat", "xmlparser", PARSER_METHODS);
}

/// How bytes become text.
#[derive(Clone)]
enum Decoder {
    /// Not known yet (the first bytes or the XML declaration will say).
    Undecided,
    Utf8,
    Latin1,
    Ascii,
    Utf16 {
        big: bool,
    },
    /// A single-byte encoding: the character of each byte.
    Table(Rc<[char]>),
}

/// A (line, column, byte index) position.
#[derive(Clone, Copy, Default)]
struct Position {
    line: usize,
    column: usize,
    byte: usize,
}

struct State {
    scanner: Scanner,
    decoder: Decoder,
    /// The encoding given to ParserCreate.
    encoding: Option<String>,
    pending: Vec<u8>,
    held_cr: bool,
    /// The position of `scanner.buf[0]`.
    anchor: Position,
    /// A cache of [`State::position`]: (buffer offset, its position).
    memo: (usize, Position),
    /// The event being delivered (buffer offset).
    current: usize,
    /// Offset of a truncated multibyte character at the end of the input.
    partial: Option<usize>,
    started: bool,
    finished: bool,
    /// The error the parser stopped at: (code, position).
    error: Option<(u32, Position)>,
    /// Text gathered for `buffer_text`.
    text_buffer: String,
    /// The input ended with `\r`: expat's position stays before it.
    trailing_cr: bool,
}

impl State {
    /// The position of buffer offset `at`.
    fn position(&mut self, at: usize) -> Position {
        let buf = &self.scanner.buf;
        let at = at.min(buf.len());
        let (from, mut pos) = if self.memo.0 <= at {
            self.memo
        } else {
            (0, self.anchor)
        };
        let mut from = from.min(at);
        while !buf.is_char_boundary(from) {
            from -= 1;
        }
        let mut at_char = at;
        while !buf.is_char_boundary(at_char) {
            at_char -= 1;
        }
        let piece = &buf[from..at_char];
        match piece.rfind('\n') {
            Some(i) => {
                pos.line += piece.matches('\n').count();
                pos.column = piece[i + 1..].chars().count();
            }
            None => pos.column += piece.chars().count(),
        }
        pos.byte += at_char - from;
        self.memo = (at_char, pos);
        pos
    }

    /// Drops what has been scanned from the buffer.
    fn compact(&mut self) {
        let pos = self.scanner.pos;
        if pos == 0 {
            return;
        }
        self.anchor = self.position(pos);
        self.memo = (0, self.anchor);
        self.scanner.buf.drain(..pos);
        self.scanner.offset += pos;
        self.scanner.pos = 0;
        if let Some(p) = self.partial.as_mut() {
            *p = p.saturating_sub(pos);
        }
    }

    /// Adds decoded text, with `\r\n` and `\r` made `\n`.
    fn add_text(&mut self, text: &str, last: bool) {
        let buf = &mut self.scanner.buf;
        let mut text = text;
        if self.held_cr {
            self.held_cr = false;
            if last && text.is_empty() {
                self.trailing_cr = true;
            }
            buf.push('\n');
            if let Some(rest) = text.strip_prefix('\n') {
                text = rest;
            }
        }
        if last && text.ends_with('\r') {
            self.trailing_cr = true;
        }
        if !last && text.ends_with('\r') {
            // "\r\n" may straddle two pieces.
            text = &text[..text.len() - 1];
            self.held_cr = true;
        }
        if !text.contains('\r') {
            buf.push_str(text);
            return;
        }
        let mut rest = text;
        while let Some(i) = rest.find('\r') {
            buf.push_str(&rest[..i]);
            buf.push('\n');
            rest = &rest[i + 1..];
            if let Some(r) = rest.strip_prefix('\n') {
                rest = r;
            }
        }
        buf.push_str(rest);
    }

    /// Decodes `data` (after what was pending) into the buffer.
    fn add_bytes(&mut self, vm: &mut Vm, data: &[u8], last: bool) -> Result<(), u32> {
        let mut data_owned;
        let mut data = if self.pending.is_empty() {
            data
        } else {
            data_owned = std::mem::take(&mut self.pending);
            data_owned.extend_from_slice(data);
            &data_owned[..]
        };
        if let Decoder::Undecided = self.decoder {
            match self.detect(vm, data, last)? {
                Some((decoder, skip)) => {
                    self.decoder = decoder;
                    data = &data[skip..];
                }
                None => {
                    self.pending = data.to_vec();
                    return Ok(());
                }
            }
        }
        let mut text = String::with_capacity(data.len());
        let used = match &self.decoder {
            Decoder::Utf8 | Decoder::Undecided => decode_utf8(data, &mut text),
            Decoder::Latin1 => {
                text.extend(data.iter().map(|&b| b as char));
                data.len()
            }
            Decoder::Ascii => {
                text.extend(
                    data.iter()
                        .map(|&b| if b < 0x80 { b as char } else { '\0' }),
                );
                data.len()
            }
            Decoder::Table(table) => {
                text.extend(data.iter().map(|&b| table[b as usize]));
                data.len()
            }
            Decoder::Utf16 { big } => decode_utf16(data, *big, &mut text),
        };
        let rest = &data[used..];
        if last && !rest.is_empty() {
            self.partial = Some(self.scanner.buf.len() + text.len());
        } else {
            self.pending = rest.to_vec();
        }
        self.add_text(&text, last);
        Ok(())
    }

    /// The decoder for a document starting with `data`, and the bytes of
    /// its byte order mark; `None` until enough is known.
    fn detect(
        &mut self,
        vm: &mut Vm,
        data: &[u8],
        last: bool,
    ) -> Result<Option<(Decoder, usize)>, u32> {
        if let Some(name) = self.encoding.clone() {
            return decoder_for(vm, &name).map(|d| Some((d, bom_len(data, &d_kind(&name)))));
        }
        if data.len() < 4 && !last {
            if data.is_empty() {
                return Ok(None);
            }
            // Wait for the byte order mark or `<?xml`.
            return Ok(None);
        }
        if data.starts_with(b"\xef\xbb\xbf") {
            return Ok(Some((Decoder::Utf8, 3)));
        }
        if data.starts_with(b"\xff\xfe") {
            return Ok(Some((Decoder::Utf16 { big: false }, 2)));
        }
        if data.starts_with(b"\xfe\xff") {
            return Ok(Some((Decoder::Utf16 { big: true }, 2)));
        }
        if data.starts_with(b"<?xml") {
            let Some(end) = find(data, b"?>") else {
                return if last {
                    Ok(Some((Decoder::Utf8, 0)))
                } else {
                    Ok(None)
                };
            };
            if let Some(name) = declared_encoding(&data[..end]) {
                return decoder_for(vm, &name).map(|d| Some((d, 0)));
            }
        }
        Ok(Some((Decoder::Utf8, 0)))
    }
}

fn d_kind(name: &str) -> String {
    name.to_ascii_lowercase().replace('_', "-")
}

fn bom_len(data: &[u8], kind: &str) -> usize {
    if kind.starts_with("utf-8") || kind == "utf8" {
        if data.starts_with(b"\xef\xbb\xbf") {
            return 3;
        }
    } else if kind == "utf-16" && (data.starts_with(b"\xff\xfe") || data.starts_with(b"\xfe\xff")) {
        return 2;
    }
    0
}

fn find(data: &[u8], needle: &[u8]) -> Option<usize> {
    data.windows(needle.len()).position(|w| w == needle)
}

/// The `encoding="..."` of an XML declaration.
fn declared_encoding(decl: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(decl);
    let i = text.find("encoding")?;
    let rest = text[i + 8..].trim_start_matches([' ', '\t', '\n', '\r']);
    let rest = rest.strip_prefix('=')?;
    let rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let close = rest[1..].find(quote)?;
    Some(rest[1..1 + close].to_string())
}

/// The decoder of an encoding name; expat's "unknown encoding" (18)
/// for one that is neither built in nor a single-byte codec.
fn decoder_for(_vm: &mut Vm, name: &str) -> Result<Decoder, u32> {
    let kind = d_kind(name);
    Ok(match kind.as_str() {
        "utf-8" | "utf8" => Decoder::Utf8,
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" | "l1" => Decoder::Latin1,
        "us-ascii" | "ascii" => Decoder::Ascii,
        "utf-16" | "utf-16le" => Decoder::Utf16 { big: false },
        "utf-16be" => Decoder::Utf16 { big: true },
        _ => {
            let all: Vec<u8> = (0..=255).collect();
            match krait_vm::builtins::codecs::decode(&all, name, "replace") {
                Ok(text) if text.chars().count() == 256 => Decoder::Table(text.chars().collect()),
                _ => return Err(18),
            }
        }
    })
}

/// Decodes the complete UTF-8 of `data` into `out` (`\0` for bytes that
/// are not UTF-8, which the scanner rejects where they stand); the bytes
/// used (a truncated character at the end is left).
fn decode_utf8(data: &[u8], out: &mut String) -> usize {
    let mut at = 0;
    loop {
        match std::str::from_utf8(&data[at..]) {
            Ok(s) => {
                out.push_str(s);
                return data.len();
            }
            Err(e) => {
                let good = at + e.valid_up_to();
                // SAFETY-free: the prefix was just validated.
                out.push_str(std::str::from_utf8(&data[at..good]).unwrap_or_default());
                match e.error_len() {
                    Some(n) => {
                        out.push('\0');
                        at = good + n.max(1);
                    }
                    None => return good,
                }
            }
        }
    }
}

fn decode_utf16(data: &[u8], big: bool, out: &mut String) -> usize {
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|c| {
            if big {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    let mut n = units.len();
    // A high surrogate at the end waits for its pair.
    if n > 0 && (0xD800..0xDC00).contains(&units[n - 1]) {
        n -= 1;
    }
    for c in char::decode_utf16(units[..n].iter().copied()) {
        out.push(c.unwrap_or('\0'));
    }
    n * 2
}

/// A parser object (`pyexpat.xmlparser`).
struct Parser {
    state: RefCell<State>,
    handlers: RefCell<Vec<Value>>,
    ordered_attributes: Cell<bool>,
    specified_attributes: Cell<bool>,
    buffer_text: Cell<bool>,
    buffer_size: Cell<usize>,
    namespace_prefixes: Cell<bool>,
    intern: Value,
    /// Set while `Parse` runs: a handler calling `Parse` again fails.
    busy: Cell<bool>,
    /// ElementTree's builder, when the parser builds its tree itself.
    tree: RefCell<Option<tree::Tree>>,
}

impl NativeData for Parser {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(handlers) = self.handlers.try_borrow() {
            for h in handlers.iter() {
                visit(h);
            }
        }
        visit(&self.intern);
        if let Ok(tree) = self.tree.try_borrow()
            && let Some(tree) = tree.as_ref()
        {
            tree.traverse(visit);
        }
    }

    fn clear(&self) {
        if let Ok(mut handlers) = self.handlers.try_borrow_mut() {
            for h in handlers.iter_mut() {
                *h = Value::None;
            }
        }
        if let Ok(mut tree) = self.tree.try_borrow_mut() {
            tree.take();
        }
    }

    fn try_attribute(&self, name: &str) -> Option<PyResult<Value>> {
        if let Some(i) = HANDLERS.iter().position(|h| *h == name) {
            return Some(Ok(self.handlers.borrow()[i].clone()));
        }
        let value = match name {
            "ordered_attributes" => Value::bool(self.ordered_attributes.get()),
            "specified_attributes" => Value::bool(self.specified_attributes.get()),
            "buffer_text" => Value::bool(self.buffer_text.get()),
            "namespace_prefixes" => Value::bool(self.namespace_prefixes.get()),
            "buffer_size" => Value::Int(self.buffer_size.get() as i64),
            "buffer_used" => {
                let state = self.state.borrow();
                Value::Int(state.text_buffer.len() as i64)
            }
            "intern" => self.intern.clone(),
            "CurrentLineNumber" | "CurrentColumnNumber" | "CurrentByteIndex" => {
                let mut state = self.state.borrow_mut();
                let at = state.current;
                let pos = state.position(at);
                position_field(name, pos)
            }
            "ErrorCode" => {
                let state = self.state.borrow();
                Value::Int(state.error.map_or(0, |e| e.0 as i64))
            }
            "ErrorLineNumber" | "ErrorColumnNumber" | "ErrorByteIndex" => {
                let mut state = self.state.borrow_mut();
                let pos = match state.error {
                    Some((_, pos)) => pos,
                    None => {
                        let at = state.current;
                        state.position(at)
                    }
                };
                position_field(name, pos)
            }
            "_etree_names" => Value::bool(self.state.borrow().scanner.curly),
            "_etree_builder" => match self.tree.try_borrow() {
                Ok(tree) => tree.as_ref().map_or(Value::None, |t| t.target.clone()),
                Err(_) => Value::None,
            },
            _ => return None,
        };
        Some(Ok(value))
    }

    fn weakrefable(&self) -> bool {
        true
    }
}

fn position_field(name: &str, pos: Position) -> Value {
    Value::Int(match name {
        "CurrentLineNumber" | "ErrorLineNumber" => pos.line as i64,
        "CurrentColumnNumber" | "ErrorColumnNumber" => pos.column as i64,
        _ => pos.byte as i64,
    })
}

fn parser_of(receiver: &Value) -> PyResult<&Parser> {
    receiver
        .native::<Parser>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'pyexpat.xmlparser' object"))
}

fn parser_create(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("ParserCreate", 0, 3)?;
    args.check_kw(
        "ParserCreate",
        &["encoding", "namespace_separator", "intern"],
    )?;
    let text_arg = |value: Option<&Value>, what: &str| -> PyResult<Option<String>> {
        match value {
            None | Some(Value::None) => Ok(None),
            Some(v) => match v.as_str_or_subclass() {
                Some(s) => Ok(Some(s.as_str().to_string())),
                None => Err(PyErr::type_error(format!(
                    "ParserCreate() argument '{what}' must be str or None, not {}",
                    v.type_name()
                ))),
            },
        }
    };
    let encoding = text_arg(args.get(0, "encoding"), "encoding")?;
    let separator = text_arg(args.get(1, "namespace_separator"), "namespace_separator")?;
    if let Some(sep) = &separator
        && sep.chars().count() > 1
    {
        return Err(PyErr::value_error(
            "namespace_separator must be at most one character, omitted, or None",
        ));
    }
    let intern = match args.get(2, "intern") {
        Some(v) => v.clone(),
        None => Value::dict(PyDict::new()),
    };
    let mut decoder = Decoder::Undecided;
    if let Some(name) = &encoding {
        match decoder_for(vm, name) {
            Ok(d) => decoder = d,
            Err(_) => decoder = Decoder::Undecided,
        }
    }
    let state = State {
        scanner: Scanner::new(separator),
        decoder,
        encoding,
        pending: Vec::new(),
        held_cr: false,
        anchor: Position {
            line: 1,
            column: 0,
            byte: 0,
        },
        memo: (
            0,
            Position {
                line: 1,
                column: 0,
                byte: 0,
            },
        ),
        current: 0,
        partial: None,
        started: false,
        finished: false,
        error: None,
        text_buffer: String::new(),
        trailing_cr: false,
    };
    Ok(NativeObject::new_value(
        PARSER_TYPE.with(Rc::clone),
        Parser {
            state: RefCell::new(state),
            handlers: RefCell::new(vec![Value::None; HANDLERS.len()]),
            ordered_attributes: Cell::new(false),
            specified_attributes: Cell::new(false),
            buffer_text: Cell::new(false),
            buffer_size: Cell::new(8192),
            namespace_prefixes: Cell::new(false),
            intern,
            busy: Cell::new(false),
            tree: RefCell::new(None),
        },
    ))
}

fn p_setattr(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let this = parser_of(receiver)?;
    let name = args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let value = args.pos[1].clone();
    if let Some(i) = HANDLERS.iter().position(|h| *h == name) {
        let old = std::mem::replace(&mut this.handlers.borrow_mut()[i], value);
        drop(old);
        return Ok(Value::None);
    }
    let flag = |vm: &mut Vm| {
        krait_vm::protocol::truthy(&args.pos[1]).or_else(|_| vm.truthy_value(&args.pos[1]))
    };
    match name.as_str() {
        "ordered_attributes" => this.ordered_attributes.set(flag(vm)?),
        "specified_attributes" => {
            let on = flag(vm)?;
            this.specified_attributes.set(on);
            this.state.borrow_mut().scanner.specified_only = on;
        }
        "buffer_text" => {
            let on = flag(vm)?;
            if !on {
                flush_text(vm, this)?;
            }
            this.buffer_text.set(on);
        }
        "namespace_prefixes" => {
            let on = flag(vm)?;
            this.namespace_prefixes.set(on);
            this.state.borrow_mut().scanner.set_prefixes(on);
        }
        "_etree_names" => this.state.borrow_mut().scanner.curly = flag(vm)?,
        "_etree_builder" => {
            // (TreeBuilder, Element) or None.
            let tree = match value.as_tuple() {
                Some(pair) if pair.as_slice().len() == 2 => {
                    let pair = pair.as_slice();
                    Some(tree::Tree::new(vm, pair[0].clone(), &pair[1])?)
                }
                _ if value.is_none() => None,
                _ => return Err(PyErr::type_error("_etree_builder must be a pair or None")),
            };
            let old = std::mem::replace(&mut *this.tree.borrow_mut(), tree);
            drop(old);
        }
        "buffer_size" => {
            let Some(n) = krait_vm::builtins::int::as_int(&value) else {
                return Err(PyErr::type_error("buffer_size must be an integer"));
            };
            let n = num_traits::ToPrimitive::to_i64(&*n.to_bigint()).unwrap_or(-1);
            if n <= 0 {
                return Err(PyErr::value_error("buffer_size must be greater than zero"));
            }
            flush_text(vm, this)?;
            this.buffer_size.set(n as usize);
        }
        _ => {
            return Err(PyErr::new(
                ExcType::AttributeError,
                format!("'pyexpat.xmlparser' object has no attribute '{name}'"),
            ));
        }
    }
    Ok(Value::None)
}

fn handler(this: &Parser, i: usize) -> Option<Value> {
    let h = this.handlers.borrow()[i].clone();
    (!h.is_none()).then_some(h)
}

/// Delivers the text gathered by `buffer_text`.
fn flush_text(vm: &mut Vm, this: &Parser) -> PyResult<()> {
    let text = {
        let mut state = this.state.borrow_mut();
        if state.text_buffer.is_empty() {
            return Ok(());
        }
        std::mem::take(&mut state.text_buffer)
    };
    if let Some(h) = handler(this, H_DATA) {
        vm.call(&h, Args::new(&[Value::str(text)]))?;
    }
    Ok(())
}

/// Calls the default handler (if any) with `text`.
fn to_default(vm: &mut Vm, this: &Parser, text: String) -> PyResult<()> {
    if let Some(h) = handler(this, H_DEFAULT).or_else(|| handler(this, H_DEFAULT_EXPAND)) {
        vm.call(&h, Args::new(&[Value::str(text)]))?;
    }
    Ok(())
}

fn opt_str(s: Option<String>) -> Value {
    s.map_or(Value::None, Value::str)
}

/// Delivers the queued events to the handlers, in order.
fn deliver(vm: &mut Vm, this: &Parser) -> PyResult<()> {
    let (mut events, text) = {
        let mut state = this.state.borrow_mut();
        let events = std::mem::take(&mut state.scanner.events);
        let text = std::mem::take(&mut state.scanner.text);
        (events, text)
    };
    let buffering = this.buffer_text.get();
    let mut result = Ok(());
    let mut tree_slot = this.tree.borrow_mut();
    let mut tree = tree_slot.take();
    drop(tree_slot);
    // Drained, so that the vector goes back to the scanner for the next
    // batch with its room.
    for event in events.drain(..) {
        this.state.borrow_mut().current = event.at();
        if let Some(tree) = tree.as_mut() {
            match event {
                Event::Data { start, end, .. } => {
                    tree.data(&text[start..end]);
                    continue;
                }
                Event::Start { name, attrs, .. } => {
                    result = tree.start(name, attrs);
                    if result.is_err() {
                        break;
                    }
                    continue;
                }
                Event::End { .. } => {
                    result = tree.end();
                    if result.is_err() {
                        break;
                    }
                    continue;
                }
                event => {
                    result = deliver_one(vm, this, event);
                    if result.is_err() {
                        break;
                    }
                    continue;
                }
            }
        }
        if let Event::Data { start, end, .. } = event {
            let piece = &text[start..end];
            if buffering {
                let size = this.buffer_size.get();
                let full = {
                    let state = this.state.borrow();
                    state.text_buffer.len() + piece.len() > size
                };
                if full {
                    result = flush_text(vm, this);
                    if result.is_err() {
                        break;
                    }
                }
                if piece.len() > size {
                    if let Some(h) = handler(this, H_DATA) {
                        result = vm.call(&h, Args::new(&[Value::str(piece)])).map(drop);
                    }
                } else {
                    this.state.borrow_mut().text_buffer.push_str(piece);
                }
            } else if let Some(h) = handler(this, H_DATA) {
                result = vm.call(&h, Args::new(&[Value::str(piece)])).map(drop);
            } else {
                result = to_default(vm, this, piece.to_string());
            }
            if result.is_err() {
                break;
            }
            continue;
        }
        if buffering {
            result = flush_text(vm, this);
            if result.is_err() {
                break;
            }
        }
        result = deliver_one(vm, this, event);
        if result.is_err() {
            break;
        }
    }
    if let Some(tree) = tree {
        let mut slot = this.tree.borrow_mut();
        if slot.is_none() {
            *slot = Some(tree);
        }
    }
    let mut state = this.state.borrow_mut();
    let mut recycled = text;
    recycled.clear();
    if state.scanner.text.is_empty() {
        state.scanner.text = recycled;
    }
    events.clear();
    if state.scanner.events.is_empty() {
        state.scanner.events = events;
    }
    result
}

fn deliver_one(vm: &mut Vm, this: &Parser, event: Event) -> PyResult<()> {
    match event {
        Event::Start {
            name,
            attrs,
            specified,
            ..
        } => {
            let Some(h) = handler(this, H_START) else {
                return Ok(());
            };
            let attrs = if this.ordered_attributes.get() {
                let mut items = Vec::with_capacity(attrs.len() * 2);
                for (k, v) in attrs.into_iter().take(if this.specified_attributes.get() {
                    specified
                } else {
                    usize::MAX
                }) {
                    items.push(k);
                    items.push(v);
                }
                Value::list(items)
            } else {
                let dict = PyDict::new();
                for (k, v) in attrs {
                    dict.set_item(k, v)?;
                }
                Value::dict(dict)
            };
            vm.call(&h, Args::new(&[name, attrs]))?;
        }
        Event::End { name, .. } => match handler(this, H_END) {
            Some(h) => {
                vm.call(&h, Args::new(&[name]))?;
            }
            None => {
                if handler(this, H_DEFAULT).is_some() || handler(this, H_DEFAULT_EXPAND).is_some() {
                    let raw = name.as_str().map(|s| s.as_str().to_string());
                    to_default(vm, this, format!("</{}>", raw.unwrap_or_default()))?;
                }
            }
        },
        Event::Comment(text, _) => match handler(this, H_COMMENT) {
            Some(h) => {
                vm.call(&h, Args::new(&[Value::str(text)]))?;
            }
            None => to_default(vm, this, format!("<!--{text}-->"))?,
        },
        Event::Pi(target, data, _) => match handler(this, H_PI) {
            Some(h) => {
                vm.call(&h, Args::new(&[Value::str(target), Value::str(data)]))?;
            }
            None => {
                let text = if data.is_empty() {
                    format!("<?{target}?>")
                } else {
                    format!("<?{target} {data}?>")
                };
                to_default(vm, this, text)?;
            }
        },
        Event::StartNs(prefix, uri, _) => {
            if let Some(h) = handler(this, H_START_NS) {
                vm.call(&h, Args::new(&[opt_str(prefix), opt_str(uri)]))?;
            }
        }
        Event::EndNs(prefix, _) => {
            if let Some(h) = handler(this, H_END_NS) {
                vm.call(&h, Args::new(&[opt_str(prefix)]))?;
            }
        }
        Event::XmlDecl(version, encoding, standalone, _) => {
            if let Some(h) = handler(this, H_XML_DECL) {
                vm.call(
                    &h,
                    Args::new(&[
                        Value::str(version),
                        opt_str(encoding),
                        Value::Int(standalone),
                    ]),
                )?;
            }
        }
        Event::StartDoctype {
            name,
            system,
            public,
            subset,
            ..
        } => {
            if let Some(h) = handler(this, H_START_DOCTYPE) {
                vm.call(
                    &h,
                    Args::new(&[
                        Value::str(name),
                        opt_str(system),
                        opt_str(public),
                        Value::Int(subset as i64),
                    ]),
                )?;
            }
        }
        Event::EndDoctype(_) => {
            if let Some(h) = handler(this, H_END_DOCTYPE) {
                vm.call(&h, Args::new(&[]))?;
            }
        }
        Event::StartCdata(_) => {
            if let Some(h) = handler(this, H_START_CDATA) {
                vm.call(&h, Args::new(&[]))?;
            }
        }
        Event::EndCdata(_) => {
            if let Some(h) = handler(this, H_END_CDATA) {
                vm.call(&h, Args::new(&[]))?;
            }
        }
        Event::Skipped(name, _) => {
            if let Some(h) = handler(this, H_DEFAULT_EXPAND).or_else(|| handler(this, H_DEFAULT)) {
                vm.call(&h, Args::new(&[Value::str(format!("&{name};"))]))?;
            } else if let Some(h) = handler(this, H_SKIPPED) {
                vm.call(&h, Args::new(&[Value::str(name), Value::Int(0)]))?;
            }
        }
        Event::Data { .. } => unreachable!("delivered by `deliver`"),
    }
    Ok(())
}

/// An `ExpatError` for `code` at `pos`.
fn expat_error(code: u32, pos: Position, custom: Option<String>) -> PyErr {
    let text = custom.unwrap_or_else(|| message(code).unwrap_or("unknown error").to_string());
    let err = PyErr::with_args(
        ERROR.with(Rc::clone),
        vec![Value::str(format!(
            "{text}: line {}, column {}",
            pos.line, pos.column
        ))],
    );
    if let Some(dict) = err.exception().dict().as_dict() {
        let _ = dict.set_item(Value::str("code"), Value::Int(code as i64));
        let _ = dict.set_item(Value::str("lineno"), Value::Int(pos.line as i64));
        let _ = dict.set_item(Value::str("offset"), Value::Int(pos.column as i64));
    }
    err
}

/// Records the error `code` at buffer offset `at` and makes its exception.
fn stop_at(state: &mut State, code: u32, at: usize, custom: Option<String>) -> PyErr {
    let pos = state.position(at);
    state.error = Some((code, pos));
    state.current = at;
    expat_error(code, pos, custom)
}

/// The body of `Parse`: adds `data`, scans and delivers until the input
/// is used up.
fn parse(vm: &mut Vm, this: &Parser, data: &Value, last: bool) -> PyResult<()> {
    {
        let mut state = this.state.borrow_mut();
        if let Some((code, pos)) = state.error {
            return Err(expat_error(code, pos, None));
        }
        if state.finished {
            let at = state.scanner.buf.len();
            return Err(stop_at(&mut state, 36, at, None));
        }
        state.started = true;
        if let Some(s) = data.as_str_or_subclass() {
            // Text is parsed as UTF-8, whatever the document declares.
            if let Decoder::Undecided = state.decoder {
                state.decoder = Decoder::Utf8;
            }
            let pending = std::mem::take(&mut state.pending);
            if !pending.is_empty() {
                let mut text = String::new();
                decode_utf8(&pending, &mut text);
                state.add_text(&text, false);
            }
            state.add_text(s.as_str(), last);
        } else {
            let bytes = match bytes_like(data)? {
                Some(b) => b.to_vec(),
                None => {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        data.type_name()
                    )));
                }
            };
            if let Err(code) = state.add_bytes(vm, &bytes, last) {
                return Err(stop_at(&mut state, code, 0, None));
            }
        }
        if last && state.held_cr {
            state.held_cr = false;
            state.trailing_cr = true;
            state.scanner.buf.push('\n');
        }
        if last && !state.pending.is_empty() {
            let at = state.scanner.buf.len();
            state.partial = Some(at);
            state.pending.clear();
        }
    }
    loop {
        let outcome = {
            let mut state = this.state.borrow_mut();
            state.scanner.scan(last)
        };
        // What was scanned before the stop is reported first.
        deliver(vm, this)?;
        let mut state = this.state.borrow_mut();
        match outcome {
            Err(Stop::Batch) => continue,
            Err(Stop::Fail(code, at, custom)) => {
                return Err(stop_at(&mut state, code, at, custom));
            }
            Err(Stop::NeedMore) => {
                if last {
                    if let Some(at) = state.partial {
                        return Err(stop_at(&mut state, 6, at, None));
                    }
                    let at = state.scanner.pos;
                    return Err(stop_at(&mut state, 5, at, None));
                }
            }
            Ok(()) => {
                if last {
                    if let Some(at) = state.partial {
                        return Err(stop_at(&mut state, 6, at, None));
                    }
                    if !state.scanner.done() {
                        // A final line end inside the root is reported
                        // as data, but expat's position stays before it.
                        let held = state.trailing_cr && state.scanner.in_root();
                        let at = state.scanner.buf.len() - usize::from(held);
                        return Err(stop_at(&mut state, 3, at, None));
                    }
                }
            }
        }
        break;
    }
    let mut state = this.state.borrow_mut();
    if last {
        state.finished = true;
        let at = state.scanner.buf.len();
        state.current = at;
    } else {
        let at = state.scanner.pos;
        state.current = at;
        state.compact();
    }
    Ok(())
}

/// Runs `body` with the tree builder's state read before and written
/// back after.
fn with_tree(
    vm: &mut Vm,
    this: &Parser,
    body: impl FnOnce(&mut Vm) -> PyResult<()>,
) -> PyResult<()> {
    let taken = this.tree.borrow_mut().take();
    let Some(mut tree) = taken else {
        return body(vm);
    };
    if let Err(err) = tree.load(vm) {
        *this.tree.borrow_mut() = Some(tree);
        return Err(err);
    }
    *this.tree.borrow_mut() = Some(tree);
    let result = body(vm);
    let taken = this.tree.borrow_mut().take();
    if let Some(mut tree) = taken {
        let stored = tree.store(vm);
        *this.tree.borrow_mut() = Some(tree);
        stored?;
    }
    result
}

fn p_parse(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_pos("Parse", 1, 2)?;
    args.check_kw("Parse", &[])?;
    let this = parser_of(receiver)?;
    let last = match args.pos.get(1) {
        Some(v) => vm.truthy_value(v)?,
        None => false,
    };
    if this.busy.replace(true) {
        return Err(PyErr::runtime_error("cannot be called from a handler"));
    }
    let result = with_tree(vm, this, |vm| parse(vm, this, &args.pos[0], last));
    this.busy.set(false);
    result?;
    flush_text(vm, this)?;
    Ok(Value::Int(1))
}

fn p_parse_file(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("ParseFile", 1, 1)?;
    let this = parser_of(receiver)?;
    let read = vm
        .get_attr(&args.pos[0], "read")
        .map_err(|_| PyErr::type_error("argument must have 'read' attribute"))?;
    loop {
        let chunk = vm.call(&read, Args::new(&[Value::Int(2048)]))?;
        let empty = match chunk.as_str_or_subclass() {
            Some(s) => s.as_str().is_empty(),
            None => match bytes_like(&chunk)? {
                Some(b) => b.is_empty(),
                None => {
                    return Err(PyErr::type_error(format!(
                        "read() did not return a bytes object (type={})",
                        chunk.type_name()
                    )));
                }
            },
        };
        if this.busy.replace(true) {
            return Err(PyErr::runtime_error("cannot be called from a handler"));
        }
        let result = with_tree(vm, this, |vm| parse(vm, this, &chunk, empty));
        this.busy.set(false);
        result?;
        if empty {
            break;
        }
    }
    flush_text(vm, this)?;
    Ok(Value::Int(1))
}

fn p_set_param_entity_parsing(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::Int(1))
}

fn p_use_foreign_dtd(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::None)
}

fn p_get_base(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::None)
}

fn p_set_base(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::None)
}

fn p_get_input_context(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::None)
}

fn p_dir(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    let mut names: Vec<&str> = HANDLERS.to_vec();
    names.extend([
        "CurrentByteIndex",
        "CurrentColumnNumber",
        "CurrentLineNumber",
        "ErrorByteIndex",
        "ErrorCode",
        "ErrorColumnNumber",
        "ErrorLineNumber",
        "Parse",
        "ParseFile",
        "buffer_size",
        "buffer_text",
        "buffer_used",
        "intern",
        "namespace_prefixes",
        "ordered_attributes",
        "specified_attributes",
    ]);
    names.sort_unstable();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

const PARSER_METHODS: &[MethodDef] = &[
    method("Parse", Params::Any, p_parse),
    method("ParseFile", Params::Any, p_parse_file),
    method(
        "SetParamEntityParsing",
        Params::Any,
        p_set_param_entity_parsing,
    ),
    method("UseForeignDTD", Params::Any, p_use_foreign_dtd),
    method("GetBase", Params::Any, p_get_base),
    method("SetBase", Params::Any, p_set_base),
    method("GetInputContext", Params::Any, p_get_input_context),
    method("__setattr__", Params::Tuple(2, 2), p_setattr),
    method("__dir__", Params::NoArgs, p_dir),
];

fn error_string(_: &mut Vm, args: Args) -> PyResult {
    args.check("ErrorString", 1, 1)?;
    let Some(code) = krait_vm::builtins::int::as_int(&args.pos[0]) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args.pos[0].type_name()
        )));
    };
    let code = num_traits::ToPrimitive::to_u32(&*code.to_bigint()).unwrap_or(0);
    Ok(message(code).map_or(Value::None, Value::str))
}

fn set_attrs(module: &Value, items: Vec<(&str, Value)>) -> PyResult<()> {
    let dict = krait_vm::builtins::module_object::namespace(module);
    let dict = dict
        .as_dict_or_subclass()
        .ok_or_else(|| PyErr::runtime_error("module without a namespace"))?;
    for (name, value) in items {
        dict.set_item(Value::str(name), value)?;
    }
    Ok(())
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let errors = krait_vm::builtins::module_object::new_module("pyexpat.errors");
    let codes = PyDict::new();
    let messages = PyDict::new();
    let mut items: Vec<(&str, Value)> = Vec::new();
    for (i, (name, text)) in ERROR_NAMES.iter().zip(MESSAGES).enumerate() {
        let code = Value::Int(i as i64 + 1);
        items.push((name, Value::str(*text)));
        codes.set_item(Value::str(*text), code.clone())?;
        messages.set_item(code, Value::str(*text))?;
    }
    items.push(("codes", Value::dict(codes)));
    items.push(("messages", Value::dict(messages)));
    items.push((
        "__doc__",
        Value::str("Constants used to describe error conditions."),
    ));
    set_attrs(&errors, items)?;
    let model = krait_vm::builtins::module_object::new_module("pyexpat.model");
    set_attrs(
        &model,
        vec![
            ("XML_CTYPE_EMPTY", Value::Int(1)),
            ("XML_CTYPE_ANY", Value::Int(2)),
            ("XML_CTYPE_MIXED", Value::Int(3)),
            ("XML_CTYPE_NAME", Value::Int(4)),
            ("XML_CTYPE_CHOICE", Value::Int(5)),
            ("XML_CTYPE_SEQ", Value::Int(6)),
            ("XML_CQUANT_NONE", Value::Int(0)),
            ("XML_CQUANT_OPT", Value::Int(1)),
            ("XML_CQUANT_REP", Value::Int(2)),
            ("XML_CQUANT_PLUS", Value::Int(3)),
            (
                "__doc__",
                Value::str("Constants used to interpret content model information."),
            ),
        ],
    )?;
    let error = type_value(ERROR.with(Rc::clone));
    let features = Value::list(
        [
            ("sizeof(XML_Char)", 1),
            ("sizeof(XML_LChar)", 1),
            ("XML_DTD", 0),
            ("XML_CONTEXT_BYTES", 1024),
            ("XML_NS", 0),
            ("XML_BLAP_MAX_AMP", 100),
            ("XML_BLAP_ACT_THRES", 8388608),
        ]
        .into_iter()
        .map(|(k, v)| Value::tuple(vec![Value::str(k), Value::Int(v)]))
        .collect(),
    );
    Ok(vec![
        ("ParserCreate", function("ParserCreate", parser_create)),
        ("ErrorString", function("ErrorString", error_string)),
        ("ExpatError", error.clone()),
        ("error", error),
        ("XMLParserType", type_value(PARSER_TYPE.with(Rc::clone))),
        ("errors", errors),
        ("model", model),
        ("EXPAT_VERSION", Value::str("expat_2.5.0")),
        (
            "version_info",
            Value::tuple(vec![Value::Int(2), Value::Int(5), Value::Int(0)]),
        ),
        ("native_encoding", Value::str("UTF-8")),
        ("features", features),
        ("XML_PARAM_ENTITY_PARSING_NEVER", Value::Int(0)),
        ("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", Value::Int(1)),
        ("XML_PARAM_ENTITY_PARSING_ALWAYS", Value::Int(2)),
    ])
}
