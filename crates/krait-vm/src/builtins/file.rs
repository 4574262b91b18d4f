//! Files and streams: `open()` and the objects it returns — text files
//! (`_io.TextIOWrapper`) and binary files (`_io.BufferedReader`,
//! `BufferedWriter`, `BufferedRandom`) — and the standard streams
//! `sys.stdin`, `sys.stdout`, `sys.stderr` with their `buffer`s, which are
//! the same objects over another source (`Raw`).
//!
//! A file's bytes come and go through the host only (`Host::open_file`,
//! `Host::read_stdin`, `Vm::write_stdout`). A file object buffers: reads
//! come in chunks of [`CHUNK`] bytes, writes wait in a buffer of that size
//! (flushed by `flush()`, `close()`, a seek, a read, or when the object
//! goes away). A text file decodes each chunk as it comes (a character
//! split between chunks waits for the next one) and, with `newline=None`,
//! turns `\r\n` and `\r` into `\n` at that moment; where a `\r\n` became
//! one `\n` is remembered, so `tell()` still counts the file's bytes.
//!
//! Declared as native types (see `crate::native`).

use std::cell::RefCell;
use std::io::SeekFrom;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params, Signature, check_params};
use crate::host::{HostFile, OpenMode};
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject};
use crate::typeobject::{ExcType, TypeObject};
use crate::value::Value;

/// The size of a read chunk and of the write buffer
/// (`io.DEFAULT_BUFFER_SIZE`).
pub const CHUNK: usize = 8192;

// ---------------------------------------------------------------------------
// Types and errors.

thread_local! {
    static TEXT_TYPE: Rc<TypeObject> = io_type("TextIOWrapper", TEXT_METHODS);
    static READER_TYPE: Rc<TypeObject> = io_type("BufferedReader", BINARY_METHODS);
    static WRITER_TYPE: Rc<TypeObject> = io_type("BufferedWriter", BINARY_METHODS);
    static RANDOM_TYPE: Rc<TypeObject> = io_type("BufferedRandom", BINARY_METHODS);
    static FILEIO_TYPE: Rc<TypeObject> = io_type("FileIO", BINARY_METHODS);
    static UNSUPPORTED: Rc<TypeObject> = unsupported_operation_type();
}

/// A native type of the `_io` module (its `__module__` says so, which
/// its repr shows: `<class '_io.TextIOWrapper'>`).
pub(crate) fn io_type(name: &str, methods: &'static [MethodDef]) -> Rc<TypeObject> {
    crate::native::native_type_in("_io", name, methods)
}

/// `io.UnsupportedOperation`: a subclass of both OSError and ValueError,
/// as in CPython.
fn unsupported_operation_type() -> Rc<TypeObject> {
    use crate::typeobject::exc_type;
    let mut dict = crate::typeobject::ClassDict::default();
    dict.insert(Box::from("__module__"), Value::str("io"));
    let mut class = TypeObject::new_class(
        "UnsupportedOperation",
        vec![exc_type(ExcType::OSError), exc_type(ExcType::ValueError)],
        dict,
    )
    .expect("OSError and ValueError have a consistent MRO");
    // A type of the VM, not of a class statement.
    class.heap = false;
    Rc::new(class)
}

/// The type objects of the `io` module, by name.
pub fn io_types() -> Vec<(&'static str, Value)> {
    let t = |class: Rc<TypeObject>| Value::obj(crate::object::PyObject::Type(class));
    vec![
        ("TextIOWrapper", t(TEXT_TYPE.with(Rc::clone))),
        ("BufferedReader", t(READER_TYPE.with(Rc::clone))),
        ("BufferedWriter", t(WRITER_TYPE.with(Rc::clone))),
        ("BufferedRandom", t(RANDOM_TYPE.with(Rc::clone))),
        ("FileIO", t(FILEIO_TYPE.with(Rc::clone))),
        ("UnsupportedOperation", t(UNSUPPORTED.with(Rc::clone))),
    ]
}

/// `io.UnsupportedOperation(message)`.
pub fn unsupported(message: &str) -> PyErr {
    PyErr::with_args(UNSUPPORTED.with(Rc::clone), vec![Value::str(message)])
}

fn closed_file() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

// ---------------------------------------------------------------------------
// The state of a file object.

/// Where a file object's bytes come from and go to.
enum Raw {
    Closed,
    File(Box<dyn HostFile>),
    /// `Host::read_stdin`.
    Stdin,
    /// `Vm::write_stdout`.
    Stdout,
    /// `Vm::write_stderr`.
    Stderr,
}

/// How a text file treats line ends (`newline=`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Newline {
    /// `None`: any of `\n`, `\r\n`, `\r` ends a line and reads as `\n`;
    /// `\n` is written as is (the platform's separator).
    Universal,
    /// `''`: any of them ends a line, none is translated.
    Any,
    /// `'\n'`.
    Lf,
    /// `'\r'`: ends lines, and `\n` is written as `\r`.
    Cr,
    /// `'\r\n'`: ends lines, and `\n` is written as `\r\n`.
    CrLf,
}

impl Newline {
    /// The `newline` argument of `open()` / `StringIO()`.
    pub(crate) fn from_arg(value: Option<&Value>, fname: &str) -> PyResult<Newline> {
        let Some(value) = value.filter(|v| !v.is_none()) else {
            return Ok(Newline::Universal);
        };
        let Some(text) = value.as_str_or_subclass() else {
            return Err(PyErr::type_error(format!(
                "{fname}() argument 'newline' must be str or None, not {}",
                value.type_name()
            )));
        };
        Newline::from_str(text.as_str())
            .ok_or_else(|| PyErr::value_error(format!("illegal newline value: {}", text.as_str())))
    }

    pub(crate) fn from_str(text: &str) -> Option<Newline> {
        Some(match text {
            "" => Newline::Any,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            _ => return None,
        })
    }

    /// What a written `\n` becomes, if anything else.
    pub(crate) fn written(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    /// Where the first line of `text` ends (just after its terminator),
    /// if it has a complete one. With `Any`, a `\r` at the very end counts
    /// only at the end of the input (`at_end`): a `\n` may follow.
    pub(crate) fn line_end(self, text: &str, at_end: bool) -> Option<usize> {
        let bytes = text.as_bytes();
        match self {
            Newline::Universal | Newline::Lf => memchr(b'\n', bytes).map(|i| i + 1),
            Newline::Cr => memchr(b'\r', bytes).map(|i| i + 1),
            Newline::CrLf => text.find("\r\n").map(|i| i + 2),
            Newline::Any => {
                let i = bytes.iter().position(|&b| b == b'\n' || b == b'\r')?;
                if bytes[i] == b'\n' {
                    Some(i + 1)
                } else if i + 1 < bytes.len() {
                    Some(if bytes[i + 1] == b'\n' { i + 2 } else { i + 1 })
                } else if at_end {
                    Some(i + 1)
                } else {
                    None
                }
            }
        }
    }
}

/// A position or size as an int.
fn uint(n: u64) -> Value {
    Value::Int(n as i64)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// The text layer of a text file: the decoded characters not yet read.
struct Text {
    /// The encoding as `f.encoding` shows it.
    encoding: Box<str>,
    /// The codec's name for `decode`/`encode`.
    codec: &'static str,
    errors: Box<str>,
    newline: Newline,
    /// Decoded text; `decoded[dpos..]` is not read yet.
    decoded: String,
    dpos: usize,
    /// Positions in `decoded` of the `\n`s that were `\r\n` in the file.
    collapsed: Vec<usize>,
    /// Bytes read but not decoded yet (a character cut by the chunk's
    /// end, or a `\r` that may start a `\r\n`).
    pending: Vec<u8>,
}

impl Text {
    fn new(encoding: Box<str>, codec: &'static str, errors: Box<str>, newline: Newline) -> Text {
        Text {
            encoding,
            codec,
            errors,
            newline,
            decoded: String::new(),
            dpos: 0,
            collapsed: Vec::new(),
            pending: Vec::new(),
        }
    }

    fn unread(&self) -> &str {
        &self.decoded[self.dpos..]
    }

    fn clear(&mut self) {
        self.decoded.clear();
        self.dpos = 0;
        self.collapsed.clear();
        self.pending.clear();
    }

    /// How many bytes of the file `decoded[from..to]` came from.
    fn encoded_len(&self, from: usize, to: usize) -> u64 {
        let text = &self.decoded[from..to];
        let len = match self.codec {
            "utf-8" => text.len(),
            _ => text.chars().count(),
        };
        let start = self.collapsed.partition_point(|&p| p < from);
        let end = self.collapsed.partition_point(|&p| p < to);
        (len + (end - start)) as u64
    }

    /// The bytes read but not consumed: what `tell()` subtracts.
    fn unread_bytes(&self) -> u64 {
        self.pending.len() as u64 + self.encoded_len(self.dpos, self.decoded.len())
    }

    /// Drops the consumed text when it is at least half the buffer (so
    /// reading a big file line by line stays linear).
    fn compact(&mut self) {
        if self.dpos == 0 || self.dpos < self.decoded.len() / 2 {
            return;
        }
        let dpos = self.dpos;
        self.decoded.drain(..dpos);
        let gone = self.collapsed.partition_point(|&p| p < dpos);
        self.collapsed.drain(..gone);
        for p in &mut self.collapsed {
            *p -= dpos;
        }
        self.dpos = 0;
    }

    /// Decodes what it can of `bytes` after the pending ones; `at_end`:
    /// the input ends there.
    fn feed(&mut self, bytes: &[u8], at_end: bool) -> PyResult<()> {
        self.compact();
        self.pending.extend_from_slice(bytes);
        let mut n = self.pending.len();
        if !at_end {
            if self.codec == "utf-8" {
                n -= incomplete_utf8_tail(&self.pending);
            }
            if n > 0 && self.pending[n - 1] == b'\r' {
                n -= 1;
            }
        }
        if n == 0 {
            return Ok(());
        }
        let text = crate::builtins::codecs::decode(&self.pending[..n], self.codec, &self.errors)?;
        self.pending.drain(..n);
        if self.newline == Newline::Universal && text.contains('\r') {
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '\r' {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                        self.collapsed.push(self.decoded.len());
                    }
                    self.decoded.push('\n');
                } else {
                    self.decoded.push(c);
                }
            }
        } else {
            self.decoded.push_str(&text);
        }
        Ok(())
    }

    /// Takes `decoded[dpos..end]`.
    fn take(&mut self, end: usize) -> String {
        let text = self.decoded[self.dpos..end].to_string();
        self.dpos = end;
        text
    }
}

/// How many bytes at the end of `bytes` start a UTF-8 character that
/// is not complete yet.
fn incomplete_utf8_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        if b & 0xc0 == 0x80 {
            continue;
        }
        let need = match b {
            0xf0.. => 4,
            0xe0.. => 3,
            0xc0.. => 2,
            _ => 1,
        };
        return if need > back { back } else { 0 };
    }
    0
}

/// The byte index of the `n`th character of `text` (its length if it has
/// fewer).
fn char_boundary(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Reader,
    Writer,
    Random,
    /// `FileIO`: unbuffered (`open(..., buffering=0)`, a buffered file's
    /// `raw`): each write reaches the file at once.
    Raw,
}

impl Kind {
    /// The buffered kind of a binary file that reads and/or writes.
    fn buffered(readable: bool, writable: bool) -> Kind {
        match (readable, writable) {
            (true, true) => Kind::Random,
            (true, false) => Kind::Reader,
            _ => Kind::Writer,
        }
    }
}

struct State {
    raw: Raw,
    name: Value,
    /// `f.mode`.
    mode: Box<str>,
    /// The binary file's mode (`FileIO.mode`: `rb`, `wb`, `rb+`...), which
    /// `f.buffer.mode` shows under a text file.
    raw_mode: &'static str,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// Binary read-ahead: `rbuf[rpos..]` is not read yet.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written but not yet given to the raw file.
    wbuf: Vec<u8>,
    text: Option<Text>,
    /// Whether closing the file closes its descriptor (`FileIO.closefd`:
    /// not for `open(fd, closefd=False)` nor the standard streams).
    closefd: bool,
}

/// A file object: a text or binary file, or a standard stream.
pub struct FileObject {
    kind: Kind,
    /// Shared with the layers above or below it (`f.buffer`, `f.raw`): one
    /// file, seen as text, buffered or raw, as CPython's stacked objects
    /// reach one file descriptor.
    state: Rc<RefCell<State>>,
    /// The layer below: a text file's binary `buffer`, a buffered file's
    /// `raw` FileIO; made when first asked for (set at once for the
    /// standard streams, whose `buffer` is a stream of its own).
    below: std::cell::OnceCell<Value>,
    /// Made as another file's `buffer` or `raw`: shows the binary mode.
    is_layer: bool,
}

impl NativeData for FileObject {
    fn weakrefable(&self) -> bool {
        true
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(below) = self.below.get() {
            visit(below);
        }
        if let Ok(state) = self.state.try_borrow() {
            visit(&state.name);
        }
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        if (name == "buffer" && self.kind == Kind::Text)
            || (name == "raw" && matches!(self.kind, Kind::Reader | Kind::Writer | Kind::Random))
        {
            return Some(self.layer_below());
        }
        let state = self.state.borrow();
        let text = state.text.as_ref().filter(|_| !self.is_layer);
        Some(match name {
            "closed" => Value::bool(matches!(state.raw, Raw::Closed)),
            "name" => state.name.clone(),
            "mode" if self.is_layer => Value::str(state.raw_mode),
            "mode" => Value::str(&*state.mode),
            "encoding" => Value::str(&*text?.encoding),
            "errors" => Value::str(&*text?.errors),
            "newlines" if text.is_some() => Value::None,
            "line_buffering" if text.is_some() => Value::bool(false),
            "closefd" if self.kind == Kind::Raw => Value::bool(state.closefd),
            _ => return None,
        })
    }
}

impl State {
    /// Gives the file what was written to it and is still buffered
    /// (errors ignored: nobody is left to see them).
    fn write_out(&mut self) {
        if let Raw::File(file) = &mut self.raw
            && !self.wbuf.is_empty()
        {
            let _ = file.write(&self.wbuf);
            let _ = file.flush();
            self.wbuf.clear();
        }
    }
}

impl Drop for FileObject {
    /// A file that goes away unclosed still gets what was written to it.
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.write_out();
        }
    }
}

/// Writes out what the file object `value` still buffers: for the files
/// alive when the VM goes away.
pub fn write_out(value: &Value) {
    if let Some(file) = value.native::<FileObject>()
        && let Ok(mut state) = file.state.try_borrow_mut()
    {
        state.write_out();
    }
}

/// Notes a file `open()` made, for [`write_out`] at the VM's end.
fn register(vm: &mut Vm, file: Value) -> Value {
    if let Value::Obj(object) = &file {
        let files = &mut vm.open_files;
        if files.len() >= 16 && files.len().is_power_of_two() {
            files.retain(|f| f.strong_count() > 0);
        }
        files.push(std::rc::Rc::downgrade(object));
    }
    file
}

impl State {
    fn is_closed(&self) -> bool {
        matches!(self.raw, Raw::Closed)
    }

    fn raw_read(&mut self, vm: &mut Vm, max: usize) -> PyResult<Vec<u8>> {
        match &mut self.raw {
            Raw::File(file) => {
                let mut buf = vec![0; max];
                let n = file.read(&mut buf)?;
                buf.truncate(n);
                Ok(buf)
            }
            Raw::Stdin => vm.host().read_stdin(max),
            _ => Ok(Vec::new()),
        }
    }

    fn raw_read_all(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        let mut all = Vec::new();
        loop {
            let chunk = self.raw_read(vm, CHUNK * 8)?;
            if chunk.is_empty() {
                return Ok(all);
            }
            all.extend_from_slice(&chunk);
        }
    }

    fn raw_write(&mut self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        match &mut self.raw {
            Raw::File(file) => file.write(data),
            Raw::Stdout => vm.write_stdout(&String::from_utf8_lossy(data)),
            Raw::Stderr => vm.write_stderr(&String::from_utf8_lossy(data)),
            _ => Ok(()),
        }
    }

    fn flush_writes(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        self.raw_write(vm, &data)
    }

    fn file(&mut self) -> PyResult<&mut Box<dyn HostFile>> {
        match &mut self.raw {
            Raw::File(file) => Ok(file),
            Raw::Closed => Err(closed_file()),
            _ => Err(unsupported("underlying stream is not seekable")),
        }
    }

    fn unread_bytes(&self) -> u64 {
        (self.rbuf.len() - self.rpos) as u64 + self.text.as_ref().map_or(0, Text::unread_bytes)
    }

    fn clear_read_ahead(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
        if let Some(text) = &mut self.text {
            text.clear();
        }
    }

    /// The position of the next byte the program reads or writes.
    fn tell(&mut self, vm: &mut Vm) -> PyResult<u64> {
        self.flush_writes(vm)?;
        let unread = self.unread_bytes();
        let raw = self.file()?.seek(SeekFrom::Current(0))?;
        Ok(raw.saturating_sub(unread))
    }

    /// Puts the raw file's position where the program is, forgetting the
    /// read-ahead (before a write or a truncate).
    fn sync_position(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.unread_bytes() > 0 {
            let position = self.tell(vm)?;
            self.file()?.seek(SeekFrom::Start(position))?;
        }
        self.clear_read_ahead();
        Ok(())
    }

    fn seek(&mut self, vm: &mut Vm, target: SeekFrom) -> PyResult<u64> {
        self.flush_writes(vm)?;
        let target = match target {
            SeekFrom::Current(offset) => {
                let here = self.tell(vm)? as i64;
                let to = here + offset;
                if to < 0 {
                    return Err(PyErr::os_error(22, "Invalid argument", None));
                }
                SeekFrom::Start(to as u64)
            }
            other => other,
        };
        self.clear_read_ahead();
        self.file()?.seek(target)
    }

    fn close(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.is_closed() {
            return Ok(());
        }
        let flushed = self.flush_writes(vm);
        let flushed = match (&mut self.raw, flushed) {
            (Raw::File(file), Ok(())) => file.flush(),
            (_, result) => result,
        };
        self.raw = Raw::Closed;
        self.clear_read_ahead();
        flushed
    }

    // Text.

    fn text(&mut self) -> &mut Text {
        self.text.as_mut().expect("a text file")
    }

    /// Reads one more chunk into the text layer; false at the end.
    fn fill_text(&mut self, vm: &mut Vm) -> PyResult<bool> {
        self.flush_writes(vm)?;
        let chunk = self.raw_read(vm, CHUNK)?;
        let more = !chunk.is_empty();
        self.text().feed(&chunk, !more)?;
        Ok(more)
    }

    fn read_text(&mut self, vm: &mut Vm, size: Option<usize>) -> PyResult<String> {
        match size {
            None => {
                self.flush_writes(vm)?;
                let rest = self.raw_read_all(vm)?;
                let text = self.text();
                text.feed(&rest, true)?;
                let end = text.decoded.len();
                Ok(text.take(end))
            }
            Some(n) => {
                loop {
                    let unread = self.text().unread();
                    if unread.len() >= n && unread.chars().count() >= n {
                        break;
                    }
                    if !self.fill_text(vm)? {
                        break;
                    }
                }
                let text = self.text();
                let end = text.dpos + char_boundary(text.unread(), n);
                Ok(text.take(end))
            }
        }
    }

    fn readline_text(&mut self, vm: &mut Vm, limit: Option<usize>) -> PyResult<String> {
        let mut at_end = false;
        let end = loop {
            let text = self.text();
            let unread = text.unread();
            if let Some(end) = text.newline.line_end(unread, at_end) {
                break end;
            }
            if at_end || limit.is_some_and(|n| unread.len() >= n && unread.chars().count() >= n) {
                break unread.len();
            }
            at_end = !self.fill_text(vm)?;
        };
        let text = self.text();
        let end = match limit {
            Some(n) => end.min(char_boundary(text.unread(), n)),
            None => end,
        };
        let end = text.dpos + end;
        Ok(text.take(end))
    }

    fn write_text(&mut self, vm: &mut Vm, s: &str) -> PyResult<()> {
        let text = self.text.as_ref().expect("a text file");
        let translated;
        let s = match text.newline.written() {
            Some(newline) if s.contains('\n') => {
                translated = s.replace('\n', newline);
                translated.as_str()
            }
            _ => s,
        };
        match self.raw {
            Raw::Stdout | Raw::Stderr => {
                let s = host_text(s, text.codec, &text.errors)?;
                return match self.raw {
                    Raw::Stdout => vm.write_stdout(&s),
                    _ => vm.write_stderr(&s),
                };
            }
            _ => {}
        }
        let bytes = crate::builtins::codecs::encode(s, text.codec, &text.errors)?;
        self.write_bytes(vm, &bytes)
    }

    // Binary.

    fn read_bytes(&mut self, vm: &mut Vm, size: Option<usize>) -> PyResult<Vec<u8>> {
        self.flush_writes(vm)?;
        let mut out = match size {
            Some(n) => {
                let end = (self.rpos + n).min(self.rbuf.len());
                let out = self.rbuf[self.rpos..end].to_vec();
                self.rpos = end;
                out
            }
            None => {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rbuf.clear();
                self.rpos = 0;
                out
            }
        };
        match size {
            None => out.extend(self.raw_read_all(vm)?),
            Some(n) => {
                while out.len() < n {
                    let chunk = self.raw_read(vm, (n - out.len()).max(CHUNK))?;
                    if chunk.is_empty() {
                        break;
                    }
                    let take = chunk.len().min(n - out.len());
                    out.extend_from_slice(&chunk[..take]);
                    if take < chunk.len() {
                        self.rbuf = chunk[take..].to_vec();
                        self.rpos = 0;
                    }
                }
            }
        }
        Ok(out)
    }

    fn readline_bytes(&mut self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        self.flush_writes(vm)?;
        let mut scanned = 0;
        let end = loop {
            let unread = &self.rbuf[self.rpos..];
            if let Some(i) = memchr(b'\n', &unread[scanned..]) {
                break scanned + i + 1;
            }
            scanned = unread.len();
            if limit.is_some_and(|n| unread.len() >= n) {
                break unread.len();
            }
            if self.rpos > 0 && self.rpos >= self.rbuf.len() / 2 {
                self.rbuf.drain(..self.rpos);
                self.rpos = 0;
            }
            let chunk = self.raw_read(vm, CHUNK)?;
            if chunk.is_empty() {
                break self.rbuf.len() - self.rpos;
            }
            self.rbuf.extend_from_slice(&chunk);
        };
        let end = limit.map_or(end, |n| end.min(n));
        let line = self.rbuf[self.rpos..self.rpos + end].to_vec();
        self.rpos += end;
        Ok(line)
    }

    fn write_bytes(&mut self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        match self.raw {
            Raw::Stdout | Raw::Stderr => return self.raw_write(vm, data),
            Raw::File(_) => self.sync_position(vm)?,
            _ => {}
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= CHUNK {
            self.flush_writes(vm)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Making file objects.

impl FileObject {
    fn new(kind: Kind, state: State) -> FileObject {
        FileObject {
            kind,
            state: Rc::new(RefCell::new(state)),
            below: std::cell::OnceCell::new(),
            is_layer: false,
        }
    }

    fn into_value(self) -> Value {
        let class = match self.kind {
            Kind::Text => TEXT_TYPE.with(Rc::clone),
            Kind::Reader => READER_TYPE.with(Rc::clone),
            Kind::Writer => WRITER_TYPE.with(Rc::clone),
            Kind::Random => RANDOM_TYPE.with(Rc::clone),
            Kind::Raw => FILEIO_TYPE.with(Rc::clone),
        };
        NativeObject::new_value(class, self)
    }

    /// `f.buffer` of a text file (a buffered file of its binary mode) or
    /// `f.raw` of a buffered one (a FileIO), on the same open file.
    fn layer_below(&self) -> Value {
        self.below
            .get_or_init(|| {
                let kind = match self.kind {
                    Kind::Text => {
                        let state = self.state.borrow();
                        Kind::buffered(state.readable, state.writable)
                    }
                    _ => Kind::Raw,
                };
                FileObject {
                    kind,
                    state: Rc::clone(&self.state),
                    below: std::cell::OnceCell::new(),
                    is_layer: true,
                }
                .into_value()
            })
            .clone()
    }
}

fn state(raw: Raw, name: &str, mode: &str, readable: bool, writable: bool) -> State {
    let closefd = !matches!(raw, Raw::Stdin | Raw::Stdout | Raw::Stderr);
    State {
        raw,
        name: Value::str(name),
        mode: mode.into(),
        raw_mode: if readable { "rb" } else { "wb" },
        readable,
        writable,
        seekable: false,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        text: None,
        closefd,
    }
}

/// `sys.stdin`, `sys.stdout` or `sys.stderr` (`which` 0, 1, 2): a text
/// stream in UTF-8 with its binary `buffer`.
pub fn standard_stream(which: u8) -> Value {
    let (name, mode, raw): (&str, &str, fn() -> Raw) = match which {
        0 => ("<stdin>", "r", || Raw::Stdin),
        1 => ("<stdout>", "w", || Raw::Stdout),
        _ => ("<stderr>", "w", || Raw::Stderr),
    };
    let reading = which == 0;
    let binary_mode = if reading { "rb" } else { "wb" };
    let binary_kind = if reading { Kind::Reader } else { Kind::Writer };
    let buffer = FileObject::new(
        binary_kind,
        state(raw(), name, binary_mode, reading, !reading),
    )
    .into_value();
    let mut text_state = state(raw(), name, mode, reading, !reading);
    let errors = if which == 2 {
        "backslashreplace"
    } else {
        stdio_errors()
    };
    text_state.text = Some(Text::new(
        "utf-8".into(),
        "utf-8",
        errors.into(),
        // CPython's standard streams on POSIX: no newline translation.
        Newline::Lf,
    ));
    let stream = FileObject::new(Kind::Text, text_state);
    let _ = stream.below.set(buffer);
    stream.into_value()
}

/// Whether `value` is `sys.stdin`'s object with text waiting in its
/// buffer (so `input()` must read from it, not from the host).
pub fn has_buffered_input(value: &Value) -> bool {
    value.native::<FileObject>().is_some_and(|file| {
        let state = file.state.borrow();
        state
            .text
            .as_ref()
            .is_some_and(|t| !t.unread().is_empty() || !t.pending.is_empty())
    })
}

/// A line of the text stream `value` (with its newline), for `input()`.
pub fn stream_readline(vm: &mut Vm, value: &Value) -> PyResult<String> {
    let file = this(value)?;
    let mut state = file.state.borrow_mut();
    if state.is_closed() {
        return Err(closed_file());
    }
    state.readline_text(vm, None)
}

/// Whether `value` is the text stream writing to the host's stdout or
/// stderr (`print` then writes to it directly).
pub fn is_standard_output(value: &Value) -> Option<bool> {
    let file = value.native::<FileObject>()?;
    let state = file.state.borrow();
    if file.kind != Kind::Text {
        return None;
    }
    match state.raw {
        Raw::Stdout => Some(true),
        Raw::Stderr => Some(false),
        _ => None,
    }
}

/// Where `print` (or `input`'s prompt) writes.
pub enum Output {
    /// The host's stdout (`stdout: true`) or stderr, directly.
    Host { stdout: bool },
    /// An object's `write` method.
    Object(Value),
    /// Nowhere (`sys.stdout` is None).
    Nothing,
}

thread_local! {
    static STREAM_NAMES: [Value; 3] = [Value::str("stdin"), Value::str("stdout"), Value::str("stderr")];
}

/// `sys.<name>` when the program imported sys and may have replaced it;
/// `None` when the standard stream is in place (or sys was never
/// imported: no lookup at all).
fn replaced_stream(vm: &Vm, which: usize) -> PyResult<Option<Value>> {
    let Some(namespace) = &vm.sys_namespace else {
        return Ok(None);
    };
    let Some(dict) = namespace.as_dict_or_subclass() else {
        return Ok(None);
    };
    let key = STREAM_NAMES.with(|names| names[which].clone());
    let Some(stream) = dict.get_item(&key)? else {
        let name = ["stdin", "stdout", "stderr"][which];
        return Err(PyErr::runtime_error(format!("lost sys.{name}")));
    };
    let original = vm.standard_streams.as_ref().map(|s| &s[which]);
    if original.is_some_and(|o| o.is(&stream))
        && !stream
            .native::<FileObject>()
            .is_some_and(|f| f.state.borrow().is_closed())
    {
        return Ok(None);
    }
    Ok(Some(stream))
}

/// Where `print` writes when given no `file`: `sys.stdout`.
pub fn sys_output(vm: &mut Vm, name: &str) -> PyResult<Output> {
    let which = if name == "stderr" { 2 } else { 1 };
    Ok(match replaced_stream(vm, which)? {
        None => Output::Host { stdout: which == 1 },
        Some(Value::None) => Output::Nothing,
        Some(stream) => match is_standard_output(&stream) {
            Some(stdout) => Output::Host { stdout },
            None => Output::Object(stream),
        },
    })
}

/// Text for the host's standard stream: lone surrogates (their
/// stand-ins) encoded by the stream's error handler first (a strict one
/// refuses them, as CPython's streams do). The host takes text, so bytes
/// `surrogateescape` gives back outside UTF-8 reach it as U+FFFD.
fn host_text<'a>(text: &'a str, codec: &str, errors: &str) -> PyResult<std::borrow::Cow<'a, str>> {
    if !crate::builtins::str::has_surrogates(text) {
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    let bytes = crate::builtins::codecs::encode(text, codec, errors)?;
    Ok(std::borrow::Cow::Owned(
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}

/// Writes `text` to the process's stdout (or stderr), as the standard
/// stream would (lone surrogates through its error handler first).
pub fn write_host(vm: &mut Vm, stdout: bool, text: &str) -> PyResult<()> {
    if stdout {
        let text = host_text(text, "utf-8", stdio_errors())?;
        vm.write_stdout(&text)
    } else {
        let text = host_text(text, "utf-8", "backslashreplace")?;
        vm.write_stderr(&text)
    }
}

/// Writes `text` to `sys.stdout` or `sys.stderr` (`name`) as the program
/// has it: the standard stream, or the object it put there (its `write`),
/// or nowhere when it is None (CPython's "lost sys.stdout" RuntimeError).
pub fn write_sys_stream(vm: &mut Vm, name: &str, text: &str) -> PyResult<()> {
    match sys_output(vm, name)? {
        Output::Host { stdout } => write_host(vm, stdout, text),
        Output::Nothing => Err(PyErr::runtime_error(format!("lost sys.{name}"))),
        Output::Object(file) => {
            let write = vm.get_attr(&file, "write")?;
            vm.call(&write, Args::new(&[Value::str(text)]))?;
            Ok(())
        }
    }
}

/// A line for `input()`, without its newline; `None` at the end of input.
/// It comes from `sys.stdin` when the program replaced it, from the
/// standard stream's buffer when reading `sys.stdin` left text there,
/// else from the host's line reader (so mixing `input()` and `sys.stdin`
/// loses nothing).
pub fn input_line(vm: &mut Vm) -> PyResult<Option<String>> {
    let line = match replaced_stream(vm, 0)? {
        Some(Value::None) => return Err(PyErr::runtime_error("lost sys.stdin")),
        Some(stream) => {
            let readline = vm.get_attr(&stream, "readline")?;
            let line = vm.call(&readline, Args::default())?;
            match line.as_str_or_subclass() {
                Some(s) => s.as_str().to_string(),
                None => return Err(PyErr::type_error("object.readline() returned non-string")),
            }
        }
        None => {
            let stdin = vm.standard_streams.as_ref().map(|s| s[0].clone());
            match stdin {
                Some(stdin) if has_buffered_input(&stdin) => stream_readline(vm, &stdin)?,
                _ => return vm.read_line(),
            }
        }
    };
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(line.strip_suffix('\n').unwrap_or(&line).to_string()))
}

static OPEN_SIGNATURE: Signature = Signature {
    names: &[
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ],
    positional: 8,
    required: 1,
};

/// An optional str argument of `open()`.
fn str_or_none<'a>(args: &Args<'a>, i: usize, name: &str) -> PyResult<Option<&'a str>> {
    match args.get(i, name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str_or_subclass() {
            Some(s) => Ok(Some(s.as_str())),
            None => Err(PyErr::type_error(format!(
                "open() argument '{name}' must be str or None, not {}",
                v.type_name()
            ))),
        },
    }
}

/// The path of `open()`'s `file` argument: a str, bytes, or an object
/// with `__fspath__`.
fn path_of(vm: &mut Vm, file: &Value) -> PyResult<(String, Value)> {
    if let Some(s) = file.as_str_or_subclass() {
        return Ok((s.as_str().to_string(), Value::str(s.as_str())));
    }
    if let Some(b) = file.as_bytes_or_subclass() {
        return Ok((
            String::from_utf8_lossy(b.as_bytes()).into_owned(),
            file.clone(),
        ));
    }
    let not_a_path = || {
        PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.type_name()
        ))
    };
    if crate::interpreter::class::user_class_of(file).is_some()
        && let Ok(fspath) = vm.get_attr(file, "__fspath__")
    {
        let path = vm.call(&fspath, Args::default())?;
        if path.as_str_or_subclass().is_some() || path.as_bytes_or_subclass().is_some() {
            return path_of(vm, &path);
        }
    }
    Err(not_a_path())
}

/// The error handler of stdin and stdout, as CPython picks it: under the
/// C or POSIX locale (or C.UTF-8, a target of its locale coercion)
/// `surrogateescape`, so that undecodable bytes pass through; otherwise
/// `strict`.
fn stdio_errors() -> &'static str {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "C".to_string());
    let base = locale.split('.').next().unwrap_or_default();
    let coerced = matches!(base, "C" | "POSIX")
        && locale.split_once('.').is_none_or(|(_, codeset)| {
            matches!(codeset.to_ascii_lowercase().as_str(), "utf-8" | "utf8")
        });
    if coerced { "surrogateescape" } else { "strict" }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn builtin_open(vm: &mut Vm, args: Args) -> PyResult {
    check_params(
        Params::Named(&OPEN_SIGNATURE),
        "open",
        || "open".into(),
        &args,
    )?;
    let file = args.get(0, "file").expect("required");
    let mode_arg = args.get(1, "mode");
    let mode = match mode_arg {
        None => "r",
        Some(v) => match v.as_str_or_subclass() {
            Some(s) => s.as_str(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    v.type_name()
                )));
            }
        },
    };
    let buffering = match args.get(2, "buffering") {
        None => -1,
        Some(v) => {
            let v = crate::builtins::module::index_value(vm, v)?;
            crate::builtins::int::as_int(&v)
                .and_then(|i| i.to_i64())
                .unwrap_or(-1)
        }
    };
    let encoding = str_or_none(&args, 3, "encoding")?;
    let errors = str_or_none(&args, 4, "errors")?;
    let newline_arg = args.get(5, "newline");
    if let Some(v) = newline_arg
        && !v.is_none()
        && v.as_str_or_subclass().is_none()
    {
        return Err(PyErr::type_error(format!(
            "open() argument 'newline' must be str or None, not {}",
            v.type_name()
        )));
    }
    let closefd = match args.get(6, "closefd") {
        None => true,
        Some(v) => vm.truthy_value(v)?,
    };

    // The mode, as CPython checks it.
    let (mut creating, mut reading, mut writing, mut appending) = (false, false, false, false);
    let (mut updating, mut text, mut binary) = (false, false, false);
    let invalid = || PyErr::value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            'b' => binary = true,
            _ => return Err(invalid()),
        }
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    if text && binary {
        return Err(PyErr::value_error(
            "can't have text and binary mode at once",
        ));
    }
    let modes = [creating, reading, writing, appending]
        .iter()
        .filter(|m| **m)
        .count();
    if modes > 1 {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if binary && encoding.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take an encoding argument",
        ));
    }
    if binary && errors.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take an errors argument",
        ));
    }
    if binary && newline_arg.is_some_and(|v| !v.is_none()) {
        return Err(PyErr::value_error(
            "binary mode doesn't take a newline argument",
        ));
    }
    if modes == 0 {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let open_mode = OpenMode {
        read: reading || updating,
        write: writing || appending || creating || updating,
        append: appending,
        truncate: writing,
        create: writing || appending,
        create_new: creating,
    };
    // An int that fits C's `int` is a file descriptor (a bigger one is
    // refused as a path, as CPython does).
    let descriptor = match file {
        Value::Int(n) => i32::try_from(*n).ok(),
        _ => None,
    };
    let (mut host_file, name) = match descriptor {
        Some(fd) => {
            if fd < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let host_file = vm.host().file_from_fd(fd, open_mode, closefd)?;
            (host_file, Value::Int(i64::from(fd)))
        }
        None => {
            let (path, name) = path_of(vm, file)?;
            if !closefd {
                return Err(PyErr::value_error(
                    "Cannot use closefd=False with file name",
                ));
            }
            match args.get(7, "opener").filter(|opener| !opener.is_none()) {
                // `opener(file, flags)` makes the descriptor (tempfile's
                // way of opening with O_EXCL and a mode of its own).
                Some(opener) => {
                    let flags = Value::Int(i64::from(crate::host::open_flags(open_mode)));
                    let fd = vm.call(opener, Args::new(&[file.clone(), flags]))?;
                    let fd = match fd {
                        Value::Int(n) => n,
                        other => {
                            return Err(PyErr::type_error(format!(
                                "expected integer from opener, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    let Some(fd) = i32::try_from(fd).ok().filter(|fd| *fd >= 0) else {
                        return Err(PyErr::value_error(format!("opener returned {fd}")));
                    };
                    (vm.host().file_from_fd(fd, open_mode, true)?, name)
                }
                None => (vm.host().open_file(&path, open_mode)?, name),
            }
        }
    };
    if appending {
        host_file.seek(SeekFrom::End(0))?;
    }
    // A pipe or a terminal cannot seek (`seekable()` is false, and
    // `io.TextIOWrapper` then writes no byte-order mark).
    let seekable = host_file.seek(SeekFrom::Current(0)).is_ok();
    // The raw file's mode (`FileIO.mode`), which binary files show.
    let raw_mode = match (creating, reading, writing, updating) {
        (true, ..) => "xb",
        (_, _, _, true) if appending => "ab+",
        _ if appending => "ab",
        (_, _, _, true) => "rb+",
        (_, true, ..) => "rb",
        _ => {
            if creating {
                "xb"
            } else {
                "wb"
            }
        }
    };
    let raw_mode = if creating && updating {
        "xb+"
    } else {
        raw_mode
    };
    let readable = open_mode.read;
    let writable = open_mode.write;
    let mut file_state = State {
        seekable,
        raw_mode,
        closefd,
        ..state(Raw::File(host_file), "", raw_mode, readable, writable)
    };
    file_state.name = name;
    // Text in a codec whose characters may straddle chunks (utf-16,
    // utf-32, utf-8-sig, the escape codecs) is read and written by
    // `io.TextIOWrapper` over the binary file; the VM's text files handle
    // utf-8 and the one-byte codecs.
    // `"locale"` (what `io.text_encoding(None)` answers) is the locale's
    // encoding, krait's being UTF-8.
    let encoding = encoding.filter(|name| *name != "locale");
    let codec = match encoding {
        Some(name) if !binary => Some(crate::builtins::codecs::Codec::lookup(name)?),
        _ => None,
    };
    let wrapped = codec.is_some_and(|c| !c.single_byte() && c.name() != "utf-8");
    if !binary && buffering == 0 {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    if binary || wrapped {
        let kind = match buffering {
            0 => Kind::Raw,
            _ => Kind::buffered(readable, writable),
        };
        let file = register(vm, FileObject::new(kind, file_state).into_value());
        if binary {
            return Ok(file);
        }
        let io = vm.import_module_named("io", None)?;
        let wrapper_type = vm.get_attr(&io, "TextIOWrapper")?;
        let text_arg = |v: Option<&str>| v.map_or(Value::None, Value::str);
        let newline = newline_arg.cloned().unwrap_or(Value::None);
        let kw = [
            ("encoding", text_arg(encoding)),
            ("errors", text_arg(errors)),
            ("newline", newline),
            ("line_buffering", Value::from(buffering == 1)),
        ];
        let wrapper = vm.call(&wrapper_type, Args::with_kw(&[file], &kw))?;
        vm.set_attr(&wrapper, "mode", Some(Value::str(mode)))?;
        return Ok(wrapper);
    }
    let (shown, codec) = match (encoding, codec) {
        (Some(name), Some(codec)) => (name, codec.name()),
        _ => ("UTF-8", "utf-8"),
    };
    let newline = Newline::from_arg(newline_arg, "open")?;
    file_state.mode = mode.into();
    file_state.text = Some(Text::new(
        shown.into(),
        codec,
        errors.unwrap_or("strict").into(),
        newline,
    ));
    Ok(register(
        vm,
        FileObject::new(Kind::Text, file_state).into_value(),
    ))
}

// ---------------------------------------------------------------------------
// Methods.

fn this(receiver: &Value) -> PyResult<&FileObject> {
    receiver.native::<FileObject>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires an '_io' file object, not '{}'",
            receiver.type_name()
        ))
    })
}

/// A size argument: `None` or negative means "all"; `none_ok` says
/// whether None is accepted.
pub(crate) fn size_arg(value: Option<&Value>, none_ok: bool) -> PyResult<Option<usize>> {
    match value {
        None => Ok(None),
        Some(Value::None) if none_ok => Ok(None),
        Some(v) => match crate::builtins::int::as_int(v.builtin_value()).and_then(|i| i.to_i64()) {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None if none_ok => Err(PyErr::type_error(format!(
                "argument should be integer or None, not '{}'",
                v.type_name()
            ))),
            None => Err(crate::builtins::module::not_an_integer(v)),
        },
    }
}

/// The state of an open file (else the closed-file error).
fn open_state<'a>(
    file: &'a FileObject,
    closed_message: &str,
) -> PyResult<std::cell::RefMut<'a, State>> {
    let state = file.state.borrow_mut();
    if state.is_closed() {
        return Err(PyErr::value_error(closed_message.to_string()));
    }
    Ok(state)
}

fn text_state(receiver: &Value) -> PyResult<std::cell::RefMut<'_, State>> {
    open_state(this(receiver)?, "I/O operation on closed file.")
}

fn check_readable(state: &State, binary: bool) -> PyResult<()> {
    if state.readable {
        Ok(())
    } else {
        Err(unsupported(if binary { "read" } else { "not readable" }))
    }
}

fn check_writable(state: &State, binary: bool) -> PyResult<()> {
    if state.writable {
        Ok(())
    } else {
        Err(unsupported(if binary { "write" } else { "not writable" }))
    }
}

fn text_read(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = size_arg(args.get(0, "size"), true)?;
    let mut state = text_state(receiver)?;
    check_readable(&state, false)?;
    state.read_text(vm, size).map(Value::str)
}

fn text_readline(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let limit = size_arg(args.get(0, "size"), false)?;
    let mut state = text_state(receiver)?;
    check_readable(&state, false)?;
    state.readline_text(vm, limit).map(Value::str)
}

/// `readlines(hint=-1)` of any file object: lines until their total size
/// reaches `hint`.
fn readlines(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let hint = size_arg(args.get(0, "hint"), true)?.filter(|&n| n > 0);
    let file = this(receiver)?;
    if file.state.borrow().is_closed() {
        return Err(closed_file());
    }
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = if file.kind == Kind::Text {
            let line = text_readline(vm, receiver, Args::default())?;
            let empty = line.as_str().is_some_and(|s| s.as_str().is_empty());
            if empty {
                break;
            }
            total += line.as_str().map_or(0, |s| s.as_str().chars().count());
            line
        } else {
            let line = binary_readline(vm, receiver, Args::default())?;
            let len = line.as_bytes_or_subclass().map_or(0, |b| b.len());
            if len == 0 {
                break;
            }
            total += len;
            line
        };
        lines.push(line);
        // (Past the hint, as CPython's IOBase.readlines stops.)
        if hint.is_some_and(|n| total > n) {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn text_write(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let value = &args.pos[0];
    let Some(s) = value.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            value.type_name()
        )));
    };
    let mut state = text_state(receiver)?;
    check_writable(&state, false)?;
    state.write_text(vm, s.as_str())?;
    Ok(Value::from(s.as_str().chars().count()))
}

fn writelines(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let file = this(receiver)?;
    if file.state.borrow().is_closed() {
        return Err(closed_file());
    }
    let items = crate::protocol::collect(vm, &args.pos[0])?;
    for item in items {
        if file.kind == Kind::Text {
            text_write(vm, receiver, Args::new(std::slice::from_ref(&item)))?;
        } else {
            binary_write(vm, receiver, Args::new(std::slice::from_ref(&item)))?;
        }
    }
    Ok(Value::None)
}

fn whence_arg(args: &Args) -> PyResult<i64> {
    match args.get(1, "whence") {
        None => Ok(0),
        Some(v) => crate::builtins::int::as_int(v.builtin_value())
            .and_then(|i| i.to_i64())
            .ok_or_else(|| crate::builtins::module::not_an_integer(v)),
    }
}

fn offset_arg(args: &Args) -> PyResult<i64> {
    let v = &args.pos[0];
    crate::builtins::int::as_int(v.builtin_value())
        .and_then(|i| i.to_i64())
        .ok_or_else(|| crate::builtins::module::not_an_integer(v))
}

fn text_seek(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let offset = offset_arg(&args)?;
    let whence = whence_arg(&args)?;
    let mut state = text_state(receiver)?;
    if !state.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let target = match whence {
        0 if offset < 0 => {
            return Err(PyErr::value_error(format!(
                "negative seek position {offset}"
            )));
        }
        0 => SeekFrom::Start(offset as u64),
        1 if offset != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
        1 => SeekFrom::Current(0),
        2 if offset != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
        2 => SeekFrom::End(0),
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    };
    state.seek(vm, target).map(uint)
}

fn tell(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let _ = args;
    let file = this(receiver)?;
    let message = if file.kind == Kind::Text {
        "I/O operation on closed file."
    } else {
        "I/O operation on closed file"
    };
    let mut state = open_state(file, message)?;
    if !state.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    state.tell(vm).map(uint)
}

fn truncate(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let file = this(receiver)?;
    let message = if file.kind == Kind::Text {
        "I/O operation on closed file."
    } else {
        "truncate of closed file"
    };
    let mut state = open_state(file, message)?;
    if !state.writable {
        return Err(unsupported("truncate"));
    }
    let size = match args.get(0, "size") {
        None | Some(Value::None) => None,
        Some(v) => Some(
            crate::builtins::int::as_int(v.builtin_value())
                .and_then(|i| i.to_i64())
                .ok_or_else(|| crate::builtins::module::not_an_integer(v))?,
        ),
    };
    state.flush_writes(vm)?;
    let size = match size {
        Some(n) if n < 0 => return Err(PyErr::os_error(22, "Invalid argument", None)),
        Some(n) => n as u64,
        None => state.tell(vm)?,
    };
    state.sync_position(vm)?;
    state.file()?.set_len(size)?;
    Ok(uint(size))
}

fn flush(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let file = this(receiver)?;
    let message = match file.kind {
        Kind::Writer | Kind::Random => "flush of closed file",
        _ => "I/O operation on closed file.",
    };
    let mut state = open_state(file, message)?;
    state.flush_writes(vm)?;
    match &mut state.raw {
        Raw::File(f) => f.flush()?,
        Raw::Stdout => vm.host().flush_stdout()?,
        _ => {}
    }
    Ok(Value::None)
}

fn close(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let file = this(receiver)?;
    let mut state = file.state.borrow_mut();
    state.close(vm)?;
    Ok(Value::None)
}

fn query(receiver: &Value, pick: fn(&State) -> bool) -> PyResult {
    let state = open_state(this(receiver)?, "I/O operation on closed file")?;
    Ok(Value::bool(pick(&state)))
}

fn enter(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let file = this(receiver)?;
    if file.state.borrow().is_closed() {
        return Err(closed_file());
    }
    Ok(receiver.clone())
}

fn exit(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    close(vm, receiver, Args::default())
}

fn iter(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    enter_check(receiver)?;
    Ok(receiver.clone())
}

fn enter_check(receiver: &Value) -> PyResult<()> {
    if this(receiver)?.state.borrow().is_closed() {
        return Err(closed_file());
    }
    Ok(())
}

fn stop_iteration() -> PyErr {
    PyErr::new(ExcType::StopIteration, "")
}

fn text_next(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let line = text_readline(vm, receiver, Args::default())?;
    if line.as_str().is_some_and(|s| s.as_str().is_empty()) {
        return Err(stop_iteration());
    }
    Ok(line)
}

fn repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let file = this(receiver)?;
    let (name, mode, encoding) = {
        let state = file.state.borrow();
        (
            state.name.clone(),
            state.mode.to_string(),
            state
                .text
                .as_ref()
                .filter(|_| !file.is_layer)
                .map(|t| t.encoding.to_string()),
        )
    };
    let type_name = receiver.type_name();
    let name = vm.repr(&name)?;
    Ok(Value::str(match encoding {
        Some(encoding) => {
            format!("<{type_name} name={name} mode='{mode}' encoding='{encoding}'>")
        }
        None if file.kind == Kind::Raw => {
            let mode = file.state.borrow().raw_mode;
            format!("<{type_name} name={name} mode='{mode}' closefd=True>")
        }
        None => format!("<{type_name} name={name}>"),
    }))
}

/// `f.name = value`: the one attribute a file takes (tempfile names a
/// file it opened by descriptor so); others are refused as CPython's
/// read-only attributes and missing ones are.
fn setattr(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let file = this(receiver)?;
    let name = args.pos[0].as_str_or_subclass().map(|s| s.as_str());
    if name == Some("name") {
        file.state.borrow_mut().name = args.pos[1].clone();
        return Ok(Value::None);
    }
    let name = name.unwrap_or_default();
    let known = file.attribute(name).is_some() || receiver_has_method(receiver, name);
    Err(PyErr::new(
        crate::typeobject::ExcType::AttributeError,
        if known {
            format!(
                "'{}' object attribute '{name}' is read-only",
                receiver.type_name()
            )
        } else {
            format!(
                "'{}' object has no attribute '{name}'",
                receiver.type_name()
            )
        },
    ))
}

/// Whether the file's type has a method `name`.
fn receiver_has_method(receiver: &Value, name: &str) -> bool {
    crate::typeobject::class_of(receiver).lookup(name).is_some()
}

/// The operating system's descriptor of a file object, if it has one.
fn descriptor(receiver: &Value) -> PyResult<Option<i32>> {
    let state = open_state(this(receiver)?, "I/O operation on closed file")?;
    Ok(match &state.raw {
        Raw::File(file) => file.fileno(),
        Raw::Stdin => Some(0),
        Raw::Stdout => Some(1),
        Raw::Stderr => Some(2),
        Raw::Closed => None,
    })
}

fn fileno(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    match descriptor(receiver)? {
        Some(fd) => Ok(Value::Int(i64::from(fd))),
        None => Err(unsupported("fileno")),
    }
}

/// Whether the file is a terminal, as the host tells of its descriptor.
fn isatty(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    match descriptor(receiver)? {
        Some(fd) => Ok(Value::bool(vm.host().is_terminal(fd)?)),
        None => Ok(Value::bool(false)),
    }
}

// Binary methods.

fn binary_state<'a>(receiver: &'a Value, op: &str) -> PyResult<std::cell::RefMut<'a, State>> {
    open_state(this(receiver)?, &format!("{op} of closed file"))
}

fn binary_read(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = match args.get(0, "size") {
        Some(v)
            if crate::builtins::int::as_int(v.builtin_value())
                .and_then(|i| i.to_i64())
                .is_some_and(|n| n < -1) =>
        {
            return Err(PyErr::value_error("read length must be non-negative or -1"));
        }
        other => size_arg(other, true)?,
    };
    if !this(receiver)?.state.borrow().readable {
        return Err(unsupported("read"));
    }
    let mut state = binary_state(receiver, "read")?;
    state.read_bytes(vm, size).map(Value::bytes)
}

/// `f.readinto(buffer)`: up to as many bytes as the buffer holds read
/// into it; their number (0 at the end of the file).
/// `FileIO(file, mode='r', closefd=True, opener=None)` (an unbuffered
/// binary `open()`) and `BufferedReader/BufferedWriter/BufferedRandom(raw,
/// buffer_size=DEFAULT_BUFFER_SIZE)`: over a file of krait's, a buffered
/// file sharing it; over another raw stream (`BytesIO`, a Python class),
/// `io`'s buffered wrapper in Python.
fn binary_new(vm: &mut Vm, class: &Value, args: Args) -> PyResult {
    let Some(crate::object::PyObject::Type(class)) = class.as_obj() else {
        return Err(PyErr::type_error("__new__ needs a type"));
    };
    let kind = if Rc::ptr_eq(class, &READER_TYPE.with(Rc::clone)) {
        Kind::Reader
    } else if Rc::ptr_eq(class, &WRITER_TYPE.with(Rc::clone)) {
        Kind::Writer
    } else if Rc::ptr_eq(class, &RANDOM_TYPE.with(Rc::clone)) {
        Kind::Random
    } else {
        Kind::Raw
    };
    let type_name = &*class.name;
    if kind == Kind::Raw {
        check_params(
            Params::Named(&FILEIO_SIGNATURE),
            type_name,
            || type_name.into(),
            &args,
        )?;
        let mode = match args.get(1, "mode") {
            None => "r".to_string(),
            Some(v) => v
                .as_str_or_subclass()
                .map(|s| s.as_str().replace('b', ""))
                .ok_or_else(|| PyErr::type_error("FileIO() argument 'mode' must be str"))?,
        };
        if !mode.chars().all(|c| "rwxa+".contains(c)) {
            return Err(PyErr::value_error(format!("invalid mode: {mode}")));
        }
        if mode.chars().filter(|c| "rwxa".contains(*c)).count() != 1
            || mode.matches('+').count() > 1
        {
            return Err(PyErr::value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ));
        }
        let file = args.get(0, "file").cloned().unwrap_or_default();
        let closefd = args.get(2, "closefd").cloned().unwrap_or(Value::bool(true));
        let opener = args.get(3, "opener").cloned().unwrap_or(Value::None);
        let pos = [file, Value::str(format!("{mode}b")), Value::Int(0)];
        let kw = [("closefd", closefd), ("opener", opener)];
        return builtin_open(vm, Args::with_kw(&pos, &kw));
    }
    check_params(
        Params::Named(&BUFFERED_SIGNATURE),
        type_name,
        || type_name.into(),
        &args,
    )?;
    let raw = args.get(0, "raw").cloned().unwrap_or_default();
    let size = match args.get(1, "buffer_size") {
        None => CHUNK as i64,
        Some(v) => crate::builtins::int::as_int(&crate::builtins::module::index_value(vm, v)?)
            .and_then(|i| i.to_i64())
            .unwrap_or(0),
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    if let Some(file) = raw.native::<FileObject>()
        && file.kind != Kind::Text
    {
        {
            let state = file.state.borrow();
            if matches!(kind, Kind::Reader | Kind::Random) && !state.readable {
                return Err(unsupported("File or stream is not readable."));
            }
            if matches!(kind, Kind::Writer | Kind::Random) && !state.writable {
                return Err(unsupported("File or stream is not writable."));
            }
        }
        let buffered = FileObject {
            kind,
            state: Rc::clone(&file.state),
            below: std::cell::OnceCell::new(),
            is_layer: true,
        };
        let _ = buffered.below.set(raw.clone());
        return Ok(buffered.into_value());
    }
    let io = vm.import_module_named("io", None)?;
    let wrapper = vm.get_attr(&io, "_BufferedOverRaw")?;
    vm.call(
        &wrapper,
        Args::new(&[raw, Value::Int(size), Value::str(type_name)]),
    )
}

static FILEIO_SIGNATURE: Signature = Signature {
    names: &["file", "mode", "closefd", "opener"],
    positional: 4,
    required: 1,
};

static BUFFERED_SIGNATURE: Signature = Signature {
    names: &["raw", "buffer_size"],
    positional: 2,
    required: 1,
};

/// `read1(size=-1)`: up to `size` bytes with at most one read of the raw
/// stream: what is read ahead, else what one read gives (a pipe's
/// reader gets what the writer has written so far, not a full chunk).
fn binary_read1(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = size_arg(args.get(0, "size"), true)?;
    let mut state = binary_state(receiver, "read1")?;
    check_readable(&state, true)?;
    state.flush_writes(vm)?;
    if state.rpos >= state.rbuf.len() && size != Some(0) {
        let chunk = state.raw_read(vm, size.unwrap_or(CHUNK))?;
        state.rbuf = chunk;
        state.rpos = 0;
    }
    let available = state.rbuf.len() - state.rpos;
    let take = size.map_or(available, |n| n.min(available));
    let out = state.rbuf[state.rpos..state.rpos + take].to_vec();
    state.rpos += take;
    Ok(Value::bytes(out))
}

/// `peek(size=0)`: the bytes read ahead, without moving past them (one
/// chunk is read first when none is waiting), as BufferedReader's.
fn binary_peek(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let mut state = binary_state(receiver, "peek")?;
    check_readable(&state, true)?;
    state.flush_writes(vm)?;
    if state.rpos >= state.rbuf.len() {
        let chunk = state.raw_read(vm, CHUNK)?;
        state.rbuf = chunk;
        state.rpos = 0;
    }
    Ok(Value::bytes(state.rbuf[state.rpos..].to_vec()))
}

fn binary_readinto(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let target = &args.pos[0];
    let Some(room) = crate::buffer::writable_len(target) else {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            target.type_name()
        )));
    };
    if !this(receiver)?.state.borrow().readable {
        return Err(unsupported("read"));
    }
    let data = binary_state(receiver, "readinto")?.read_bytes(vm, Some(room))?;
    crate::buffer::write_into(target, 0, &data)?;
    Ok(Value::from(data.len()))
}

fn binary_readline(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let limit = size_arg(args.get(0, "size"), true)?;
    if !this(receiver)?.state.borrow().readable {
        return Err(unsupported("read"));
    }
    let mut state = binary_state(receiver, "readline")?;
    state.readline_bytes(vm, limit).map(Value::bytes)
}

fn binary_next(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let line = binary_readline(vm, receiver, Args::default())?;
    if line.as_bytes_or_subclass().is_some_and(|b| b.is_empty()) {
        return Err(stop_iteration());
    }
    Ok(line)
}

fn binary_write(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let value = &args.pos[0];
    let data = crate::buffer::expect_bytes_like(value)?.to_vec();
    if !this(receiver)?.state.borrow().writable {
        return Err(unsupported("write"));
    }
    let file = this(receiver)?;
    let mut state = open_state(file, "write to closed file")?;
    state.write_bytes(vm, &data)?;
    if file.kind == Kind::Raw {
        state.flush_writes(vm)?;
    }
    Ok(Value::from(data.len()))
}

fn binary_seek(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let offset = offset_arg(&args)?;
    let whence = whence_arg(&args)?;
    let target = match whence {
        0 if offset < 0 => return Err(PyErr::os_error(22, "Invalid argument", None)),
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    };
    let mut state = binary_state(receiver, "seek")?;
    if !state.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    state.seek(vm, target).map(uint)
}

/// One line of a method table (shared with `stringio.rs`).
macro_rules! method {
    ($name:literal, $params:expr, $func:expr) => {
        MethodDef {
            name: $name,
            params: $params,
            func: $func,
        }
    };
}
pub(crate) use method;

/// `read(size=-1)`, `readline(size=-1)`, `truncate(size=None)`.
pub(crate) static SIZE: Signature = Signature {
    names: &["size"],
    positional: 1,
    required: 0,
};

pub(crate) static HINT: Signature = Signature {
    names: &["hint"],
    positional: 1,
    required: 0,
};

static SEEK: Signature = Signature {
    names: &["cookie", "whence"],
    positional: 2,
    required: 1,
};

static BINARY_SEEK: Signature = Signature {
    names: &["target", "whence"],
    positional: 2,
    required: 1,
};

static TEXT_METHODS: &[MethodDef] = &[
    method!("read", Params::Named(&SIZE), text_read),
    method!("readline", Params::Named(&SIZE), text_readline),
    method!("readlines", Params::Named(&HINT), readlines),
    method!("write", Params::One, text_write),
    method!("writelines", Params::One, writelines),
    method!("seek", Params::Named(&SEEK), text_seek),
    method!("tell", Params::NoArgs, tell),
    method!("truncate", Params::Named(&SIZE), truncate),
    method!("flush", Params::NoArgs, flush),
    method!("close", Params::NoArgs, close),
    method!("readable", Params::NoArgs, |_, r, _| query(r, |s| s
        .readable)),
    method!("writable", Params::NoArgs, |_, r, _| query(r, |s| s
        .writable)),
    method!("seekable", Params::NoArgs, |_, r, _| query(r, |s| s
        .seekable)),
    method!("isatty", Params::NoArgs, isatty),
    method!("fileno", Params::NoArgs, fileno),
    method!("__setattr__", Params::Positional(2, 2), setattr),
    method!("__enter__", Params::NoArgs, enter),
    method!("__exit__", Params::Any, exit),
    method!("__iter__", Params::NoArgs, iter),
    method!("__next__", Params::NoArgs, text_next),
    method!("__repr__", Params::NoArgs, repr),
];

static BINARY_METHODS: &[MethodDef] = &[
    method!("__new__", Params::Any, binary_new),
    method!("read", Params::Named(&SIZE), binary_read),
    method!("read1", Params::Named(&SIZE), binary_read1),
    method!("peek", Params::Named(&SIZE), binary_peek),
    method!("readinto", Params::One, binary_readinto),
    method!("readinto1", Params::One, binary_readinto),
    method!("readline", Params::Named(&SIZE), binary_readline),
    method!("readlines", Params::Named(&HINT), readlines),
    method!("write", Params::One, binary_write),
    method!("writelines", Params::One, writelines),
    method!("seek", Params::Named(&BINARY_SEEK), binary_seek),
    method!("tell", Params::NoArgs, tell),
    method!("truncate", Params::Named(&SIZE), truncate),
    method!("flush", Params::NoArgs, flush),
    method!("close", Params::NoArgs, close),
    method!("readable", Params::NoArgs, |_, r, _| query(r, |s| s
        .readable)),
    method!("writable", Params::NoArgs, |_, r, _| query(r, |s| s
        .writable)),
    method!("seekable", Params::NoArgs, |_, r, _| query(r, |s| s
        .seekable)),
    method!("isatty", Params::NoArgs, isatty),
    method!("fileno", Params::NoArgs, fileno),
    method!("__setattr__", Params::Positional(2, 2), setattr),
    method!("__enter__", Params::NoArgs, enter),
    method!("__exit__", Params::Any, exit),
    method!("__iter__", Params::NoArgs, iter),
    method!("__next__", Params::NoArgs, binary_next),
    method!("__repr__", Params::NoArgs, repr),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_tails() {
        assert_eq!(incomplete_utf8_tail(b"abc"), 0);
        assert_eq!(incomplete_utf8_tail("é".as_bytes()), 0);
        assert_eq!(incomplete_utf8_tail(&"é".as_bytes()[..1]), 1);
        assert_eq!(incomplete_utf8_tail(&"€".as_bytes()[..2]), 2);
        assert_eq!(incomplete_utf8_tail(&"😀".as_bytes()[..3]), 3);
    }

    #[test]
    fn universal_newlines_are_counted_for_tell() {
        let mut text = Text::new("utf-8".into(), "utf-8", "strict".into(), Newline::Universal);
        text.feed(b"a\r", false).unwrap();
        assert_eq!(text.decoded, "a");
        text.feed(b"\nb\rc", true).unwrap();
        assert_eq!(text.decoded, "a\nb\nc");
        assert_eq!(text.unread_bytes(), 6);
    }

    #[test]
    fn line_ends() {
        assert_eq!(Newline::Any.line_end("ab\r", false), None);
        assert_eq!(Newline::Any.line_end("ab\r", true), Some(3));
        assert_eq!(Newline::Any.line_end("ab\r\nc", false), Some(4));
        assert_eq!(Newline::CrLf.line_end("a\nb\r\n", false), Some(5));
    }
}
