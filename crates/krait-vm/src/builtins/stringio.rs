//! `io.StringIO` and `io.BytesIO`: in-memory text and binary streams,
//! with the file methods (`read`, `readline`, `write`, `seek`, `tell`,
//! `truncate`, iteration, `with`), usable as `print(file=...)` and as
//! `sys.stdout`.
//!
//! Declared as native types (see `crate::native`); calling the type runs
//! its `__new__` method.

use std::cell::RefCell;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::file::{HINT, Newline, SIZE, io_type, method, size_arg};
use crate::builtins::function::{MethodDef, Params, Signature};
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject};
use crate::typeobject::{ExcType, TypeObject};
use crate::value::Value;

thread_local! {
    static STRINGIO_TYPE: Rc<TypeObject> = io_type("StringIO", STRINGIO_METHODS);
    static BYTESIO_TYPE: Rc<TypeObject> = io_type("BytesIO", BYTESIO_METHODS);
}

/// `StringIO` and `BytesIO`, for the `io` module.
pub fn io_types() -> Vec<(&'static str, Value)> {
    vec![
        (
            "StringIO",
            crate::builtins::constructors::type_value(&STRINGIO_TYPE.with(Rc::clone)),
        ),
        (
            "BytesIO",
            crate::builtins::constructors::type_value(&BYTESIO_TYPE.with(Rc::clone)),
        ),
    ]
}

/// A stream's contents: characters (StringIO) or bytes (BytesIO).
struct Buffer<T> {
    data: Vec<T>,
    pos: usize,
    closed: bool,
}

impl<T: Copy + Default> Buffer<T> {
    fn new(data: Vec<T>) -> Self {
        Buffer {
            data,
            pos: 0,
            closed: false,
        }
    }

    /// Up to `size` items from the position (all with `None`).
    fn read(&mut self, size: Option<usize>) -> &[T] {
        let start = self.pos.min(self.data.len());
        let end = match size {
            Some(n) => (start + n).min(self.data.len()),
            None => self.data.len(),
        };
        self.pos = end.max(self.pos);
        &self.data[start..end]
    }

    /// Writes at the position (past the end, the gap is filled with
    /// zeros, as CPython does).
    fn write(&mut self, items: &[T]) {
        if self.pos > self.data.len() {
            self.data.resize(self.pos, T::default());
        }
        let overlap = (self.data.len() - self.pos).min(items.len());
        self.data[self.pos..self.pos + overlap].copy_from_slice(&items[..overlap]);
        self.data.extend_from_slice(&items[overlap..]);
        self.pos += items.len();
    }

    fn truncate(&mut self, size: Option<usize>) -> usize {
        let size = size.unwrap_or(self.pos);
        if size < self.data.len() {
            self.data.truncate(size);
        }
        size
    }
}

pub struct StringIO {
    buffer: RefCell<Buffer<char>>,
    /// Set by `__init__` (again when a program calls it again).
    newline: std::cell::Cell<Newline>,
    /// The kinds of line ends written so far (`SEEN_LF`, `SEEN_CR`,
    /// `SEEN_CRLF`), for `newlines`: tracked when lines are read
    /// universally (`newline=None` or `''`), as CPython's decoder does.
    seen: std::cell::Cell<u8>,
}

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// `newlines` for the kinds of line ends seen (CPython's
/// `IncrementalNewlineDecoder.newlines`).
fn newlines_value(seen: u8) -> Value {
    let names: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seen & bit != 0)
        .map(|(_, text)| *text)
        .collect();
    match names.as_slice() {
        [] => Value::None,
        [one] => Value::str(*one),
        more => Value::tuple(more.iter().map(|t| Value::str(*t)).collect()),
    }
}

pub struct BytesIO {
    buffer: RefCell<Buffer<u8>>,
}

impl NativeData for StringIO {
    fn weakrefable(&self) -> bool {
        true
    }

    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "closed" => Some(Value::bool(self.buffer.borrow().closed)),
            "line_buffering" => Some(Value::bool(false)),
            "newlines" => Some(newlines_value(self.seen.get())),
            "encoding" | "errors" => Some(Value::None),
            _ => None,
        }
    }

    /// `newlines` and `line_buffering` of a closed stream raise, as
    /// CPython's (they read the stream's state).
    fn try_attribute(&self, name: &str) -> Option<PyResult<Value>> {
        if matches!(name, "newlines" | "line_buffering") && self.buffer.borrow().closed {
            return Some(Err(PyErr::value_error("I/O operation on closed file")));
        }
        self.attribute(name).map(Ok)
    }
}

impl NativeData for BytesIO {
    fn weakrefable(&self) -> bool {
        true
    }

    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "closed" => Some(Value::bool(self.buffer.borrow().closed)),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// StringIO.

static STRINGIO_NEW: Signature = Signature {
    names: &["initial_value", "newline"],
    positional: 2,
    required: 0,
};

/// `StringIO.__new__`: an empty stream; `__init__` fills it (as in
/// CPython, so calling `__init__` again starts the stream over).
fn stringio_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    let stream = StringIO {
        buffer: RefCell::new(Buffer::new(Vec::new())),
        newline: std::cell::Cell::new(Newline::Lf),
        seen: std::cell::Cell::new(0),
    };
    Ok(NativeObject::new_value(
        STRINGIO_TYPE.with(Rc::clone),
        stream,
    ))
}

/// `StringIO.__init__(initial_value='', newline='\n')`.
fn stringio_init(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(stream) = receiver.native::<StringIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '_io.StringIO' object but received a '{}'",
            receiver.type_name()
        )));
    };
    let newline = match args.get(1, "newline") {
        None => Newline::Lf,
        Some(Value::None) => Newline::Universal,
        Some(v) => match v.as_str_or_subclass() {
            Some(s) => Newline::from_str(s.as_str()).ok_or_else(|| {
                PyErr::value_error(format!(
                    "illegal newline value: {}",
                    crate::builtins::str::repr_str(s.as_str())
                ))
            })?,
            None => {
                return Err(PyErr::type_error(format!(
                    "newline must be str or None, not {}",
                    v.type_name()
                )));
            }
        },
    };
    let initial = match args.get(0, "initial_value") {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str_or_subclass() {
            Some(s) => Some(s),
            None => {
                return Err(PyErr::type_error(format!(
                    "initial_value must be str or None, not {}",
                    v.type_name()
                )));
            }
        },
    };
    stream.newline.set(newline);
    stream.seen.set(0);
    let mut buffer = Buffer::new(Vec::new());
    if let Some(s) = initial {
        buffer.write(&stream.translate(s.as_str()));
        buffer.pos = 0;
    }
    *stream.buffer.borrow_mut() = buffer;
    Ok(Value::None)
}

impl StringIO {
    /// Whether writing `text` changes it or records line ends seen
    /// (otherwise its chars are written as they are).
    fn translates(&self, text: &str) -> bool {
        match self.newline.get() {
            Newline::Universal | Newline::Any => text.contains(['\n', '\r']),
            newline => newline.written().is_some() && text.contains('\n'),
        }
    }

    /// What writing `text` stores, after the newline translation.
    fn translate(&self, text: &str) -> Vec<char> {
        if matches!(self.newline.get(), Newline::Universal | Newline::Any)
            && text.contains(['\n', '\r'])
        {
            let mut seen = self.seen.get();
            let bytes = text.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                seen |= match b {
                    b'\r' if bytes.get(i + 1) == Some(&b'\n') => SEEN_CRLF,
                    b'\r' => SEEN_CR,
                    b'\n' if i > 0 && bytes[i - 1] == b'\r' => 0,
                    b'\n' => SEEN_LF,
                    _ => 0,
                };
            }
            self.seen.set(seen);
        }
        match self.newline.get() {
            Newline::Universal if text.contains('\r') => text
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .collect(),
            newline => match newline.written() {
                Some(end) if text.contains('\n') => text.replace('\n', end).chars().collect(),
                _ => text.chars().collect(),
            },
        }
    }

    /// Where the line starting at `chars[0]` ends (after its terminator).
    fn line_end(&self, chars: &[char]) -> usize {
        let found = match self.newline.get() {
            Newline::Universal | Newline::Lf => {
                chars.iter().position(|&c| c == '\n').map(|i| i + 1)
            }
            Newline::Cr => chars.iter().position(|&c| c == '\r').map(|i| i + 1),
            Newline::CrLf => chars
                .windows(2)
                .position(|w| w == ['\r', '\n'])
                .map(|i| i + 2),
            Newline::Any => chars.iter().position(|&c| c == '\n' || c == '\r').map(|i| {
                if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                    i + 2
                } else {
                    i + 1
                }
            }),
        };
        found.unwrap_or(chars.len())
    }
}

fn string_io(receiver: &Value) -> PyResult<&StringIO> {
    let stream = receiver.native::<StringIO>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_io.StringIO' object, not '{}'",
            receiver.type_name()
        ))
    })?;
    if stream.buffer.borrow().closed {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(stream)
}

fn s_getvalue(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let stream = string_io(receiver)?;
    Ok(Value::str(
        stream.buffer.borrow().data.iter().collect::<String>(),
    ))
}

fn s_read(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = size_arg(args.get(0, "size"), true)?;
    let stream = string_io(receiver)?;
    let mut buffer = stream.buffer.borrow_mut();
    Ok(Value::str(buffer.read(size).iter().collect::<String>()))
}

fn s_readline_text(stream: &StringIO, limit: Option<usize>) -> String {
    let mut buffer = stream.buffer.borrow_mut();
    let start = buffer.pos.min(buffer.data.len());
    let mut len = stream.line_end(&buffer.data[start..]);
    if let Some(n) = limit {
        len = len.min(n);
    }
    buffer.read(Some(len)).iter().collect()
}

fn s_readline(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let limit = size_arg(args.get(0, "size"), true)?;
    let stream = string_io(receiver)?;
    Ok(Value::str(s_readline_text(stream, limit)))
}

fn s_readlines(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let hint = size_arg(args.get(0, "hint"), true)?.filter(|&n| n > 0);
    let stream = string_io(receiver)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = s_readline_text(stream, None);
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        lines.push(Value::str(line));
        // (Past the hint, as CPython's StringIO and IOBase stop; its
        // BytesIO stops on reaching it.)
        if hint.is_some_and(|n| total > n) {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn s_write(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let value = &args.pos[0];
    let Some(text) = value.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "string argument expected, got '{}'",
            value.type_name()
        )));
    };
    let stream = string_io(receiver)?;
    let written = Value::from(text.char_len());
    let text = text.as_str();
    // Appending text that needs no newline translation (the usual
    // `buf.write(s)`): its chars go straight to the end, no copy first.
    if !stream.translates(text) {
        let mut buffer = stream.buffer.borrow_mut();
        if buffer.pos == buffer.data.len() {
            buffer.data.extend(text.chars());
            buffer.pos = buffer.data.len();
            return Ok(written);
        }
    }
    let chars = stream.translate(text);
    stream.buffer.borrow_mut().write(&chars);
    Ok(written)
}

fn int_arg(value: &Value) -> PyResult<i64> {
    crate::builtins::int::as_int(value.builtin_value())
        .and_then(|i| i.to_i64())
        .ok_or_else(|| crate::builtins::module::not_an_integer(value))
}

fn whence(args: &Args) -> PyResult<i64> {
    args.get(1, "whence").map_or(Ok(0), int_arg)
}

fn s_seek(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let offset = int_arg(&args.pos[0])?;
    let whence = whence(&args)?;
    let stream = string_io(receiver)?;
    let mut buffer = stream.buffer.borrow_mut();
    match whence {
        0 if offset < 0 => Err(PyErr::value_error(format!(
            "Negative seek position {offset}"
        ))),
        0 => {
            buffer.pos = offset as usize;
            Ok(Value::Int(offset))
        }
        1 | 2 if offset != 0 => Err(PyErr::new(
            ExcType::OSError,
            "Can't do nonzero cur-relative seeks",
        )),
        1 => Ok(Value::from(buffer.pos)),
        2 => {
            buffer.pos = buffer.data.len();
            Ok(Value::from(buffer.pos))
        }
        _ => Err(PyErr::value_error(format!(
            "Invalid whence ({whence}, should be 0, 1 or 2)"
        ))),
    }
}

fn s_tell(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::from(string_io(receiver)?.buffer.borrow().pos))
}

fn s_truncate(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = match args.get(0, "size") {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(v)?),
    };
    let stream = string_io(receiver)?;
    if let Some(n) = size
        && n < 0
    {
        return Err(PyErr::value_error(format!("Negative size value {n}")));
    }
    let size = stream
        .buffer
        .borrow_mut()
        .truncate(size.map(|n| n as usize));
    Ok(Value::from(size))
}

fn s_next(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let line = s_readline_text(string_io(receiver)?, None);
    if line.is_empty() {
        return Err(PyErr::new(ExcType::StopIteration, ""));
    }
    Ok(Value::str(line))
}

fn s_close(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    if let Some(stream) = receiver.native::<StringIO>() {
        let mut buffer = stream.buffer.borrow_mut();
        buffer.closed = true;
        buffer.data = Vec::new();
    }
    Ok(Value::None)
}

fn s_check(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    string_io(receiver).map(|_| Value::bool(true))
}

fn s_false(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    string_io(receiver).map(|_| Value::bool(false))
}

/// `fileno()`: an in-memory stream has no file descriptor (IOBase's
/// UnsupportedOperation, which `except OSError` catches).
fn s_no_fileno(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    string_io(receiver)?;
    Err(crate::builtins::file::unsupported("fileno"))
}

fn s_same(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    string_io(receiver).map(|_| receiver.clone())
}

fn s_flush(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    string_io(receiver).map(|_| Value::None)
}

fn s_writelines(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    string_io(receiver)?;
    for item in crate::protocol::collect(vm, &args.pos[0])? {
        s_write(vm, receiver, Args::new(std::slice::from_ref(&item)))?;
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// BytesIO.

static BYTESIO_NEW: Signature = Signature {
    names: &["initial_bytes"],
    positional: 1,
    required: 0,
};

fn bytes_of(value: &Value) -> PyResult<Vec<u8>> {
    Ok(crate::buffer::expect_bytes_like(value)?.to_vec())
}

/// `BytesIO.__new__`: an empty stream; `__init__` fills it.
fn bytesio_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(NativeObject::new_value(
        BYTESIO_TYPE.with(Rc::clone),
        BytesIO {
            buffer: RefCell::new(Buffer::new(Vec::new())),
        },
    ))
}

/// `BytesIO.__init__(initial_bytes=b'')`.
fn bytesio_init(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(stream) = receiver.native::<BytesIO>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' requires a '_io.BytesIO' object but received a '{}'",
            receiver.type_name()
        )));
    };
    let data = match args.get(0, "initial_bytes") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes_of(v)?,
    };
    *stream.buffer.borrow_mut() = Buffer::new(data);
    Ok(Value::None)
}

fn bytes_io(receiver: &Value) -> PyResult<&BytesIO> {
    let stream = receiver.native::<BytesIO>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_io.BytesIO' object, not '{}'",
            receiver.type_name()
        ))
    })?;
    if stream.buffer.borrow().closed {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(stream)
}

fn b_getvalue(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::bytes(
        bytes_io(receiver)?.buffer.borrow().data.clone(),
    ))
}

fn b_read(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = size_arg(args.get(0, "size"), true)?;
    let stream = bytes_io(receiver)?;
    let mut buffer = stream.buffer.borrow_mut();
    Ok(Value::bytes(buffer.read(size).to_vec()))
}

/// `b.readinto(buffer)`: as many bytes as the buffer holds (or are
/// left) copied into it; their number.
fn b_readinto(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let target = &args.pos[0];
    let Some(room) = crate::buffer::writable_len(target) else {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            target.type_name()
        )));
    };
    let stream = bytes_io(receiver)?;
    let data = stream.buffer.borrow_mut().read(Some(room)).to_vec();
    crate::buffer::write_into(target, 0, &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn b_readline_bytes(stream: &BytesIO, limit: Option<usize>) -> Vec<u8> {
    let mut buffer = stream.buffer.borrow_mut();
    let start = buffer.pos.min(buffer.data.len());
    let rest = &buffer.data[start..];
    let mut len = rest
        .iter()
        .position(|&b| b == b'\n')
        .map_or(rest.len(), |i| i + 1);
    if let Some(n) = limit {
        len = len.min(n);
    }
    buffer.read(Some(len)).to_vec()
}

fn b_readline(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let limit = size_arg(args.get(0, "size"), true)?;
    Ok(Value::bytes(b_readline_bytes(bytes_io(receiver)?, limit)))
}

fn b_readlines(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let hint = size_arg(args.get(0, "hint"), true)?.filter(|&n| n > 0);
    let stream = bytes_io(receiver)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = b_readline_bytes(stream, None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(Value::bytes(line));
        if hint.is_some_and(|n| total >= n) {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn b_write(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let data = bytes_of(&args.pos[0])?;
    let stream = bytes_io(receiver)?;
    stream.buffer.borrow_mut().write(&data);
    Ok(Value::from(data.len()))
}

fn b_writelines(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    bytes_io(receiver)?;
    for item in crate::protocol::collect(vm, &args.pos[0])? {
        b_write(vm, receiver, Args::new(std::slice::from_ref(&item)))?;
    }
    Ok(Value::None)
}

fn b_seek(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let offset = int_arg(&args.pos[0])?;
    let whence = whence(&args)?;
    let stream = bytes_io(receiver)?;
    let mut buffer = stream.buffer.borrow_mut();
    let base = match whence {
        0 if offset < 0 => {
            return Err(PyErr::value_error(format!("negative seek value {offset}")));
        }
        0 => 0,
        1 => buffer.pos as i64,
        2 => buffer.data.len() as i64,
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )));
        }
    };
    buffer.pos = (base + offset).max(0) as usize;
    Ok(Value::from(buffer.pos))
}

fn b_tell(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::from(bytes_io(receiver)?.buffer.borrow().pos))
}

fn b_truncate(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let size = match args.get(0, "size") {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(v)?),
    };
    let stream = bytes_io(receiver)?;
    if let Some(n) = size
        && n < 0
    {
        return Err(PyErr::value_error(format!("negative size value {n}")));
    }
    let size = stream
        .buffer
        .borrow_mut()
        .truncate(size.map(|n| n as usize));
    Ok(Value::from(size))
}

fn b_next(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let line = b_readline_bytes(bytes_io(receiver)?, None);
    if line.is_empty() {
        return Err(PyErr::new(ExcType::StopIteration, ""));
    }
    Ok(Value::bytes(line))
}

fn b_close(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    if let Some(stream) = receiver.native::<BytesIO>() {
        let mut buffer = stream.buffer.borrow_mut();
        buffer.closed = true;
        buffer.data = Vec::new();
    }
    Ok(Value::None)
}

fn b_check(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    bytes_io(receiver).map(|_| Value::bool(true))
}

fn b_false(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    bytes_io(receiver).map(|_| Value::bool(false))
}

fn b_no_fileno(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    bytes_io(receiver)?;
    Err(crate::builtins::file::unsupported("fileno"))
}

fn b_same(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    bytes_io(receiver).map(|_| receiver.clone())
}

fn b_flush(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    bytes_io(receiver).map(|_| Value::None)
}

// ---------------------------------------------------------------------------
// Method tables.

static SEEK: Signature = Signature {
    names: &["pos", "whence"],
    positional: 2,
    required: 1,
};

static STRINGIO_METHODS: &[MethodDef] = &[
    method!("__new__", Params::Any, stringio_new),
    method!("__init__", Params::Named(&STRINGIO_NEW), stringio_init),
    method!("getvalue", Params::NoArgs, s_getvalue),
    method!("read", Params::Named(&SIZE), s_read),
    method!("readline", Params::Named(&SIZE), s_readline),
    method!("readlines", Params::Named(&HINT), s_readlines),
    method!("write", Params::One, s_write),
    method!("writelines", Params::One, s_writelines),
    method!("seek", Params::Named(&SEEK), s_seek),
    method!("tell", Params::NoArgs, s_tell),
    method!("truncate", Params::Named(&SIZE), s_truncate),
    method!("flush", Params::NoArgs, s_flush),
    method!("close", Params::NoArgs, s_close),
    method!("readable", Params::NoArgs, s_check),
    method!("writable", Params::NoArgs, s_check),
    method!("seekable", Params::NoArgs, s_check),
    method!("isatty", Params::NoArgs, s_false),
    method!("fileno", Params::NoArgs, s_no_fileno),
    method!("__enter__", Params::NoArgs, s_same),
    method!("__exit__", Params::Any, s_close),
    method!("__iter__", Params::NoArgs, s_same),
    method!("__next__", Params::NoArgs, s_next),
];

static BYTESIO_METHODS: &[MethodDef] = &[
    method!("__new__", Params::Any, bytesio_new),
    method!("__init__", Params::Named(&BYTESIO_NEW), bytesio_init),
    method!("getvalue", Params::NoArgs, b_getvalue),
    method!("read", Params::Named(&SIZE), b_read),
    method!("read1", Params::Named(&SIZE), b_read),
    method!("readinto", Params::One, b_readinto),
    method!("readinto1", Params::One, b_readinto),
    method!("readline", Params::Named(&SIZE), b_readline),
    method!("readlines", Params::Named(&HINT), b_readlines),
    method!("write", Params::One, b_write),
    method!("writelines", Params::One, b_writelines),
    method!("seek", Params::Named(&SEEK), b_seek),
    method!("tell", Params::NoArgs, b_tell),
    method!("truncate", Params::Named(&SIZE), b_truncate),
    method!("flush", Params::NoArgs, b_flush),
    method!("close", Params::NoArgs, b_close),
    method!("readable", Params::NoArgs, b_check),
    method!("writable", Params::NoArgs, b_check),
    method!("seekable", Params::NoArgs, b_check),
    method!("isatty", Params::NoArgs, b_false),
    method!("fileno", Params::NoArgs, b_no_fileno),
    method!("__enter__", Params::NoArgs, b_same),
    method!("__exit__", Params::Any, b_close),
    method!("__iter__", Params::NoArgs, b_same),
    method!("__next__", Params::NoArgs, b_next),
];
