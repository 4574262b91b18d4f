//! `zlib`: deflate compression, by zlib itself (`libz-sys`, built from
//! its C sources), so compressed bytes are the ones CPython makes:
//! `compress`/`decompress`, the streaming `compressobj`/`decompressobj`
//! (flush modes, `max_length`, `unused_data`, `unconsumed_tail`, `eof`,
//! preset dictionaries, `copy`), zlib/gzip/raw/auto-detected formats by
//! `wbits`, `crc32`, `adler32`, and CPython's `zlib.error` messages.
//!
//! The only unsafe code of the standard library: the calls into zlib,
//! each on a `z_stream` this module boxed (zlib keeps a pointer back to
//! it, so it never moves) and whose input and output pointers cover
//! buffers alive for the call.

use std::cell::RefCell;
use std::ffi::{CStr, c_int, c_uint, c_void};
use std::rc::Rc;

use krait_vm::buffer::bytes_like;
use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ClassDict, ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};
use libz_sys as z;

use crate::util::{function, method, type_value};

const DEF_BUF_SIZE: usize = 16 * 1024;
const MAX_WBITS: i64 = 15;
const DEF_MEM_LEVEL: i64 = 8;
/// The most zlib takes or gives in one call (its counts are `uInt`).
const MAX_CHUNK: usize = c_uint::MAX as usize;

thread_local! {
    static ERROR: Rc<TypeObject> = {
        let mut dict = ClassDict::default();
        dict.insert(Box::from("__module__"), Value::str("zlib"));
        let mut class = TypeObject::new_class("error", vec![exc_type(ExcType::Exception)], dict)
            .expect("a single exception base");
        class.heap = false;
        Rc::new(class)
    };
    static COMPRESS_TYPE: Rc<TypeObject> = native_type_in("zlib", "Compress", COMPRESS_METHODS);
    static DECOMPRESS_TYPE: Rc<TypeObject> =
        native_type_in("zlib", "Decompress", DECOMPRESS_METHODS);
}

fn zlib_error(message: String) -> PyErr {
    PyErr::with_args(ERROR.with(Rc::clone), vec![Value::str(message)])
}

unsafe extern "C" fn allocate(_: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    // SAFETY: calloc with any sizes is sound; zlib checks for null.
    unsafe { libc::calloc(items as usize, size as usize) }
}

unsafe extern "C" fn release(_: *mut c_void, block: *mut c_void) {
    // SAFETY: zlib frees only what `allocate` returned.
    unsafe { libc::free(block) }
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Deflate,
    Inflate,
}

/// A zlib stream, initialised, ended when dropped.
struct Stream {
    raw: Box<z::z_stream>,
    direction: Direction,
    /// Initialised and not ended yet (a compressor's `flush(Z_FINISH)`
    /// ends it, as CPython's does).
    live: bool,
}

fn blank() -> Box<z::z_stream> {
    Box::new(z::z_stream {
        next_in: std::ptr::null_mut(),
        avail_in: 0,
        total_in: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: std::ptr::null_mut(),
        state: std::ptr::null_mut(),
        zalloc: allocate,
        zfree: release,
        opaque: std::ptr::null_mut(),
        data_type: 0,
        adler: 0,
        reserved: 0,
    })
}

const STREAM_SIZE: c_int = std::mem::size_of::<z::z_stream>() as c_int;

impl Stream {
    /// `deflateInit2` (the zlib status on failure).
    fn deflater(
        level: c_int,
        method: c_int,
        wbits: c_int,
        mem_level: c_int,
        strategy: c_int,
    ) -> Result<Stream, c_int> {
        let mut raw = blank();
        // SAFETY: `raw` is a boxed, blank stream with our allocators.
        let status = unsafe {
            z::deflateInit2_(
                &mut *raw,
                level,
                method,
                wbits,
                mem_level,
                strategy,
                z::zlibVersion(),
                STREAM_SIZE,
            )
        };
        match status {
            z::Z_OK => Ok(Stream {
                raw,
                direction: Direction::Deflate,
                live: true,
            }),
            status => Err(status),
        }
    }

    /// `inflateInit2` (the zlib status on failure).
    fn inflater(wbits: c_int) -> Result<Stream, c_int> {
        let mut raw = blank();
        // SAFETY: as in `deflater`.
        let status = unsafe { z::inflateInit2_(&mut *raw, wbits, z::zlibVersion(), STREAM_SIZE) };
        match status {
            z::Z_OK => Ok(Stream {
                raw,
                direction: Direction::Inflate,
                live: true,
            }),
            status => Err(status),
        }
    }

    fn set_dictionary(&mut self, dictionary: &[u8]) -> c_int {
        let length = dictionary.len().min(MAX_CHUNK) as c_uint;
        // SAFETY: the dictionary is read during the call only.
        unsafe {
            match self.direction {
                Direction::Deflate => {
                    z::deflateSetDictionary(&mut *self.raw, dictionary.as_ptr(), length)
                }
                Direction::Inflate => {
                    z::inflateSetDictionary(&mut *self.raw, dictionary.as_ptr(), length)
                }
            }
        }
    }

    /// One call of `deflate`/`inflate` on `input` (at most `MAX_CHUNK`
    /// of it), writing into `output`'s spare capacity (at most `room`
    /// bytes): (status, bytes of input consumed, whether the output room
    /// was filled).
    fn step(
        &mut self,
        input: &[u8],
        output: &mut Vec<u8>,
        room: usize,
        flush: c_int,
    ) -> (c_int, usize, bool) {
        let room = room.min(MAX_CHUNK);
        output.reserve(room);
        let given = input.len().min(MAX_CHUNK);
        let raw = &mut *self.raw;
        raw.next_in = input.as_ptr() as *mut u8;
        raw.avail_in = given as c_uint;
        // SAFETY: `reserve` made `room` bytes of spare capacity after
        // `len`; zlib writes only there (at most `avail_out` bytes).
        raw.next_out = unsafe { output.as_mut_ptr().add(output.len()) };
        raw.avail_out = room as c_uint;
        // SAFETY: the stream is initialised (`live`, checked by callers)
        // and its pointers cover live buffers for this call.
        let status = unsafe {
            match self.direction {
                Direction::Deflate => z::deflate(raw, flush),
                Direction::Inflate => z::inflate(raw, flush),
            }
        };
        let written = room - raw.avail_out as usize;
        // SAFETY: zlib initialised the `written` bytes after `len`.
        unsafe { output.set_len(output.len() + written) };
        let consumed = given - raw.avail_in as usize;
        let filled = raw.avail_out == 0;
        raw.next_in = std::ptr::null_mut();
        raw.next_out = std::ptr::null_mut();
        (status, consumed, filled)
    }

    /// zlib's message for the last error, if it set one.
    fn message(&self) -> Option<String> {
        if self.raw.msg.is_null() {
            return None;
        }
        // SAFETY: zlib's messages are static NUL-terminated strings.
        Some(
            unsafe { CStr::from_ptr(self.raw.msg) }
                .to_string_lossy()
                .into_owned(),
        )
    }

    /// CPython's `zlib_error`: "Error -3 while decompressing data:
    /// incorrect header check".
    fn error(&self, status: c_int, doing: &str) -> PyErr {
        error_of(status, self.message(), doing)
    }

    fn end(&mut self) {
        if self.live {
            self.live = false;
            // SAFETY: initialised and not yet ended.
            unsafe {
                match self.direction {
                    Direction::Deflate => z::deflateEnd(&mut *self.raw),
                    Direction::Inflate => z::inflateEnd(&mut *self.raw),
                };
            }
        }
    }

    fn copy(&self) -> Result<Stream, c_int> {
        let mut raw = blank();
        let source = &*self.raw as *const z::z_stream as *mut z::z_stream;
        // SAFETY: the source is live (callers check); the copy gets its
        // own state from our allocator.
        let status = unsafe {
            match self.direction {
                Direction::Deflate => z::deflateCopy(&mut *raw, source),
                Direction::Inflate => z::inflateCopy(&mut *raw, source),
            }
        };
        match status {
            z::Z_OK => Ok(Stream {
                raw,
                direction: self.direction,
                live: true,
            }),
            status => Err(status),
        }
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.end();
    }
}

fn error_of(status: c_int, message: Option<String>, doing: &str) -> PyErr {
    if status == z::Z_VERSION_ERROR {
        return zlib_error("library version mismatch".into());
    }
    let message = message.or_else(|| {
        match status {
            z::Z_BUF_ERROR => Some("incomplete or truncated stream"),
            z::Z_STREAM_ERROR => Some("inconsistent stream state"),
            z::Z_DATA_ERROR => Some("invalid input data"),
            _ => None,
        }
        .map(String::from)
    });
    match message {
        Some(message) => zlib_error(format!("Error {status} while {doing}: {message}")),
        None => zlib_error(format!("Error {status} while {doing}")),
    }
}

/// A bytes-like argument's bytes.
fn buffer(value: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(value)? {
        Some(bytes) => Ok(bytes.to_vec()),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            value.type_name()
        ))),
    }
}

/// An int parameter (positional `i` or keyword `name`), `default` when
/// absent.
fn int_param(vm: &mut Vm, args: &Args, i: usize, name: &str, default: i64) -> PyResult<i64> {
    match args.get(i, name) {
        Some(value) => krait_vm::sequence::index_arg(vm, value, name),
        None => Ok(default),
    }
}

fn c_param(value: i64) -> c_int {
    value.clamp(c_int::MIN as i64, c_int::MAX as i64) as c_int
}

fn compress(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("compress", 1, 3)?;
    args.check_kw("compress", &["level", "wbits"])?;
    let data = buffer(&args.pos[0])?;
    let level = int_param(vm, &args, 1, "level", -1)?;
    let wbits = int_param(vm, &args, 2, "wbits", MAX_WBITS)?;
    let mut stream = match Stream::deflater(
        c_param(level),
        z::Z_DEFLATED,
        c_param(wbits),
        DEF_MEM_LEVEL as c_int,
        0,
    ) {
        Ok(stream) => stream,
        Err(z::Z_MEM_ERROR) => {
            return Err(PyErr::new(
                ExcType::MemoryError,
                "Out of memory while compressing data",
            ));
        }
        Err(z::Z_STREAM_ERROR) => return Err(zlib_error("Bad compression level".into())),
        Err(status) => return Err(error_of(status, None, "compressing data")),
    };
    let mut output = Vec::new();
    let mut at = 0;
    loop {
        let rest = &data[at..];
        let last = rest.len() <= MAX_CHUNK;
        let flush = if last { z::Z_FINISH } else { z::Z_NO_FLUSH };
        let room = DEF_BUF_SIZE.max(output.len());
        let (status, consumed, filled) = stream.step(rest, &mut output, room, flush);
        at += consumed;
        match status {
            z::Z_STREAM_END => break,
            z::Z_OK | z::Z_BUF_ERROR if filled || at < data.len() => {}
            z::Z_OK | z::Z_BUF_ERROR => {}
            status => return Err(stream.error(status, "compressing data")),
        }
    }
    Ok(Value::bytes(output))
}

fn decompress(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("decompress", 1, 3)?;
    args.check_kw("decompress", &["wbits", "bufsize"])?;
    let data = buffer(&args.pos[0])?;
    let wbits = int_param(vm, &args, 1, "wbits", MAX_WBITS)?;
    let bufsize = int_param(vm, &args, 2, "bufsize", DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    let mut stream = match Stream::inflater(c_param(wbits)) {
        Ok(stream) => stream,
        Err(z::Z_MEM_ERROR) => {
            return Err(PyErr::new(
                ExcType::MemoryError,
                "Out of memory while decompressing data",
            ));
        }
        Err(status) => return Err(error_of(status, None, "preparing to decompress data")),
    };
    let mut output = Vec::new();
    let mut at = 0;
    let mut room = (bufsize as usize).max(1);
    loop {
        let (status, consumed, filled) = stream.step(&data[at..], &mut output, room, z::Z_NO_FLUSH);
        at += consumed;
        match status {
            z::Z_STREAM_END => break,
            // More room wanted: grow as CPython's buffer does.
            z::Z_OK | z::Z_BUF_ERROR if filled => room = output.len().max(room),
            z::Z_OK if at < data.len() => {}
            // Input used up before the stream's end.
            z::Z_OK | z::Z_BUF_ERROR => {
                return Err(error_of(z::Z_BUF_ERROR, None, "decompressing data"));
            }
            z::Z_NEED_DICT => return Err(error_of(status, None, "decompressing data")),
            status => return Err(stream.error(status, "decompressing data")),
        }
    }
    Ok(Value::bytes(output))
}

struct Compressor {
    stream: RefCell<Stream>,
}

impl NativeData for Compressor {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}
}

struct Decompressor {
    state: RefCell<InflateState>,
}

struct InflateState {
    stream: Stream,
    zdict: Option<Vec<u8>>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
}

impl NativeData for Decompressor {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        let state = self.state.borrow();
        match name {
            "unused_data" => Some(Value::bytes(state.unused_data.clone())),
            "unconsumed_tail" => Some(Value::bytes(state.unconsumed_tail.clone())),
            "eof" => Some(Value::bool(state.eof)),
            _ => None,
        }
    }
}

fn compressobj(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("compressobj", 0, 6)?;
    args.check_kw(
        "compressobj",
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
    )?;
    let level = int_param(vm, &args, 0, "level", -1)?;
    let method = int_param(vm, &args, 1, "method", i64::from(z::Z_DEFLATED))?;
    let wbits = int_param(vm, &args, 2, "wbits", MAX_WBITS)?;
    let mem_level = int_param(vm, &args, 3, "memLevel", DEF_MEM_LEVEL)?;
    let strategy = int_param(vm, &args, 4, "strategy", 0)?;
    let zdict =
        match args.get(5, "zdict") {
            Some(Value::None) | None => None,
            Some(value) => Some(bytes_like(value)?.map(|b| b.to_vec()).ok_or_else(|| {
                PyErr::type_error("zdict argument must support the buffer protocol")
            })?),
        };
    let mut stream = match Stream::deflater(
        c_param(level),
        c_param(method),
        c_param(wbits),
        c_param(mem_level),
        c_param(strategy),
    ) {
        Ok(stream) => stream,
        Err(z::Z_MEM_ERROR) => {
            return Err(PyErr::new(
                ExcType::MemoryError,
                "Can't allocate memory for compression object",
            ));
        }
        Err(z::Z_STREAM_ERROR) => return Err(PyErr::value_error("Invalid initialization option")),
        Err(status) => return Err(error_of(status, None, "creating compression object")),
    };
    if let Some(zdict) = zdict {
        let status = stream.set_dictionary(&zdict);
        if status != z::Z_OK {
            return Err(PyErr::value_error("Invalid dictionary"));
        }
    }
    Ok(NativeObject::new_value(
        COMPRESS_TYPE.with(Rc::clone),
        Compressor {
            stream: RefCell::new(stream),
        },
    ))
}

fn decompressobj(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("decompressobj", 0, 2)?;
    args.check_kw("decompressobj", &["wbits", "zdict"])?;
    let wbits = int_param(vm, &args, 0, "wbits", MAX_WBITS)?;
    let zdict =
        match args.get(1, "zdict") {
            None => None,
            Some(value) => Some(bytes_like(value)?.map(|b| b.to_vec()).ok_or_else(|| {
                PyErr::type_error("zdict argument must support the buffer protocol")
            })?),
        };
    let mut stream = match Stream::inflater(c_param(wbits)) {
        Ok(stream) => stream,
        Err(z::Z_MEM_ERROR) => {
            return Err(PyErr::new(
                ExcType::MemoryError,
                "Can't allocate memory for decompression object",
            ));
        }
        Err(z::Z_STREAM_ERROR) => return Err(PyErr::value_error("Invalid initialization option")),
        Err(status) => return Err(error_of(status, None, "creating decompression object")),
    };
    // A raw stream has no header to ask for its dictionary: it is set now.
    if wbits < 0
        && let Some(zdict) = &zdict
    {
        let status = stream.set_dictionary(zdict);
        if status != z::Z_OK {
            return Err(stream.error(status, "setting zdict"));
        }
    }
    Ok(NativeObject::new_value(
        DECOMPRESS_TYPE.with(Rc::clone),
        Decompressor {
            state: RefCell::new(InflateState {
                stream,
                zdict,
                unused_data: Vec::new(),
                unconsumed_tail: Vec::new(),
                eof: false,
            }),
        },
    ))
}

fn compressor(receiver: &Value) -> PyResult<&Compressor> {
    receiver
        .native::<Compressor>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'zlib.Compress' object"))
}

fn decompressor(receiver: &Value) -> PyResult<&Decompressor> {
    receiver
        .native::<Decompressor>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'zlib.Decompress' object"))
}

/// Deflates all of `data` with `flush`, until zlib has no more to write.
fn deflate_all(stream: &mut Stream, data: &[u8], flush: c_int) -> PyResult<Vec<u8>> {
    if !stream.live {
        return Err(error_of(z::Z_STREAM_ERROR, None, "compressing data"));
    }
    let mut output = Vec::new();
    let mut at = 0;
    loop {
        let room = DEF_BUF_SIZE.max(output.len());
        let (status, consumed, filled) = stream.step(&data[at..], &mut output, room, flush);
        at += consumed;
        match status {
            z::Z_STREAM_END => break,
            z::Z_OK | z::Z_BUF_ERROR => {
                if !filled && at >= data.len() {
                    break;
                }
            }
            status => return Err(stream.error(status, "compressing data")),
        }
    }
    Ok(output)
}

fn c_compress(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("compress", 1, 1)?;
    let data = buffer(&args.pos[0])?;
    let this = compressor(receiver)?;
    let output = deflate_all(&mut this.stream.borrow_mut(), &data, z::Z_NO_FLUSH)?;
    Ok(Value::bytes(output))
}

fn c_flush(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_pos("flush", 0, 1)?;
    args.check_kw("flush", &["mode"])?;
    let mode = c_param(int_param(vm, &args, 0, "mode", i64::from(z::Z_FINISH))?);
    let this = compressor(receiver)?;
    if mode == z::Z_NO_FLUSH {
        return Ok(Value::bytes(Vec::new()));
    }
    let mut stream = this.stream.borrow_mut();
    let output = deflate_all(&mut stream, &[], mode)?;
    if mode == z::Z_FINISH {
        stream.end();
    }
    Ok(Value::bytes(output))
}

fn c_copy(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("copy", 0, 0)?;
    let this = compressor(receiver)?;
    let stream = this.stream.borrow();
    if !stream.live {
        return Err(PyErr::value_error("Inconsistent stream state"));
    }
    let copy = stream
        .copy()
        .map_err(|status| stream.error(status, "copying compression object"))?;
    Ok(NativeObject::new_value(
        COMPRESS_TYPE.with(Rc::clone),
        Compressor {
            stream: RefCell::new(copy),
        },
    ))
}

/// Inflates `data` into at most `max_length` bytes (0: no limit) with
/// `flush`, asking for the preset dictionary when the stream wants it;
/// what it leaves goes to `unconsumed_tail` (the limit was reached) or
/// `unused_data` (the stream ended).
fn inflate_into(
    state: &mut InflateState,
    data: &[u8],
    max_length: usize,
    flush: c_int,
    room: usize,
) -> PyResult<Vec<u8>> {
    let mut output = Vec::new();
    let mut at = 0;
    let mut room = room.max(1);
    let mut ended = false;
    loop {
        let mut give = room;
        if max_length > 0 {
            give = give.min(max_length - output.len());
        }
        let (status, consumed, filled) = state.stream.step(&data[at..], &mut output, give, flush);
        at += consumed;
        match status {
            z::Z_STREAM_END => {
                ended = true;
                break;
            }
            z::Z_NEED_DICT => match &state.zdict {
                Some(zdict) => {
                    let status = state.stream.set_dictionary(zdict);
                    if status != z::Z_OK {
                        return Err(state.stream.error(status, "setting zdict"));
                    }
                }
                None => return Err(error_of(status, None, "decompressing data")),
            },
            z::Z_OK | z::Z_BUF_ERROR => {
                if max_length > 0 && output.len() >= max_length {
                    break;
                }
                if !filled {
                    // Input used up (or no progress possible).
                    break;
                }
                room = output.len().max(room);
            }
            status => return Err(state.stream.error(status, "decompressing data")),
        }
    }
    let rest = &data[at..];
    if ended {
        state.eof = true;
        state.unused_data.extend_from_slice(rest);
        state.unconsumed_tail.clear();
    } else {
        state.unconsumed_tail = rest.to_vec();
    }
    Ok(output)
}

fn d_decompress(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_pos("decompress", 1, 2)?;
    args.check_kw("decompress", &["max_length"])?;
    let data = buffer(&args.pos[0])?;
    let max_length = int_param(vm, &args, 1, "max_length", 0)?;
    if max_length < 0 {
        return Err(PyErr::value_error("max_length must be non-negative"));
    }
    let this = decompressor(receiver)?;
    let mut state = this.state.borrow_mut();
    if state.eof {
        // CPython's inflate of an ended stream: the input is unused.
        state.unused_data.extend_from_slice(&data);
        return Ok(Value::bytes(Vec::new()));
    }
    let output = inflate_into(
        &mut state,
        &data,
        max_length as usize,
        z::Z_SYNC_FLUSH,
        DEF_BUF_SIZE,
    )?;
    Ok(Value::bytes(output))
}

fn d_flush(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_pos("flush", 0, 1)?;
    args.check_kw("flush", &["length"])?;
    let length = int_param(vm, &args, 0, "length", DEF_BUF_SIZE as i64)?;
    if length <= 0 {
        return Err(PyErr::value_error("length must be greater than zero"));
    }
    let this = decompressor(receiver)?;
    let mut state = this.state.borrow_mut();
    if state.eof {
        return Ok(Value::bytes(Vec::new()));
    }
    let tail = std::mem::take(&mut state.unconsumed_tail);
    let output = inflate_into(&mut state, &tail, 0, z::Z_FINISH, length as usize)?;
    Ok(Value::bytes(output))
}

fn d_copy(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("copy", 0, 0)?;
    let this = decompressor(receiver)?;
    let state = this.state.borrow();
    let stream = state
        .stream
        .copy()
        .map_err(|status| state.stream.error(status, "copying decompression object"))?;
    Ok(NativeObject::new_value(
        DECOMPRESS_TYPE.with(Rc::clone),
        Decompressor {
            state: RefCell::new(InflateState {
                stream,
                zdict: state.zdict.clone(),
                unused_data: state.unused_data.clone(),
                unconsumed_tail: state.unconsumed_tail.clone(),
                eof: state.eof,
            }),
        },
    ))
}

/// The running checksum argument: any int, taken modulo 2**32.
fn checksum_start(value: Option<&Value>, default: u32) -> PyResult<u32> {
    match value {
        None => Ok(default),
        Some(v) => krait_vm::builtins::int::as_int(v)
            .map(|i| {
                let masked: num_bigint::BigInt =
                    i.to_bigint().as_ref() & num_bigint::BigInt::from(u32::MAX);
                num_traits::ToPrimitive::to_u32(&masked).unwrap_or(0)
            })
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                ))
            }),
    }
}

fn checksum(
    args: &Args,
    name: &str,
    default: u32,
    sum: unsafe extern "C" fn(z::uLong, *const u8, c_uint) -> z::uLong,
) -> PyResult {
    args.check(name, 1, 2)?;
    let data = buffer(&args.pos[0])?;
    let mut value = z::uLong::from(checksum_start(args.pos.get(1), default)?);
    for chunk in data.chunks(MAX_CHUNK) {
        // SAFETY: the chunk is read during the call only.
        value = unsafe { sum(value, chunk.as_ptr(), chunk.len() as c_uint) };
    }
    Ok(Value::Int(value as i64 & 0xFFFF_FFFF))
}

fn crc32(_: &mut Vm, args: Args) -> PyResult {
    checksum(&args, "crc32", 0, z::crc32)
}

fn adler32(_: &mut Vm, args: Args) -> PyResult {
    checksum(&args, "adler32", 1, z::adler32)
}

const COMPRESS_METHODS: &[MethodDef] = &[
    method("compress", Params::Any, c_compress),
    method("flush", Params::Any, c_flush),
    method("copy", Params::Any, c_copy),
    method("__copy__", Params::Any, c_copy),
];

const DECOMPRESS_METHODS: &[MethodDef] = &[
    method("decompress", Params::Any, d_decompress),
    method("flush", Params::Any, d_flush),
    method("copy", Params::Any, d_copy),
    method("__copy__", Params::Any, d_copy),
];

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(z::zlibVersion()) }
        .to_string_lossy()
        .into_owned();
    let mut items = vec![
        ("error", type_value(ERROR.with(Rc::clone))),
        ("compress", function("compress", compress)),
        ("decompress", function("decompress", decompress)),
        ("compressobj", function("compressobj", compressobj)),
        ("decompressobj", function("decompressobj", decompressobj)),
        ("crc32", function("crc32", crc32)),
        ("adler32", function("adler32", adler32)),
        ("ZLIB_VERSION", Value::str(version.as_str())),
        ("ZLIB_RUNTIME_VERSION", Value::str(version.as_str())),
    ];
    let constants: &[(&'static str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", i64::from(z::Z_DEFLATED)),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", i64::from(z::Z_NO_FLUSH)),
        ("Z_PARTIAL_FLUSH", i64::from(z::Z_PARTIAL_FLUSH)),
        ("Z_SYNC_FLUSH", i64::from(z::Z_SYNC_FLUSH)),
        ("Z_FULL_FLUSH", i64::from(z::Z_FULL_FLUSH)),
        ("Z_FINISH", i64::from(z::Z_FINISH)),
        ("Z_BLOCK", i64::from(z::Z_BLOCK)),
        ("Z_TREES", i64::from(z::Z_TREES)),
    ];
    items.extend(
        constants
            .iter()
            .map(|&(name, value)| (name, Value::Int(value))),
    );
    Ok(items)
}
