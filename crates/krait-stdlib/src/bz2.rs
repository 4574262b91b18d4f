//! `_bz2`: bzip2 compression (the `bzip2` crate over `libbz2-rs-sys`, a
//! port of libbzip2 in Rust, so the bytes are libbzip2's, as CPython's):
//! the streaming `BZ2Compressor` and `BZ2Decompressor` that `lib/bz2.py`
//! (`compress`, `decompress`, `BZ2File`, `open`) is written over, with
//! CPython's `max_length`, `eof`, `unused_data` and `needs_input`.

use std::cell::RefCell;
use std::rc::Rc;

use bzip2::{Action, Compress, Compression, Decompress, Status};
use krait_vm::buffer::bytes_like;
use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ExcType, TypeObject};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

use crate::util::{method, type_value};

/// The bytes of a bytes-like argument.
fn buffer(value: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(value)? {
        Some(bytes) => Ok(bytes.to_vec()),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            value.type_name()
        ))),
    }
}

/// Output is produced this many bytes at a time.
const CHUNK: usize = 64 * 1024;

static COMPRESSOR_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, compressor_new),
    method("compress", Params::One, compress),
    method("flush", Params::NoArgs, flush),
];

static DECOMPRESSOR_METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, decompressor_new),
    method("decompress", Params::Any, decompress),
];

thread_local! {
    static COMPRESSOR_TYPE: Rc<TypeObject> =
        native_type_in("_bz2", "BZ2Compressor", COMPRESSOR_METHODS);
    static DECOMPRESSOR_TYPE: Rc<TypeObject> =
        native_type_in("_bz2", "BZ2Decompressor", DECOMPRESSOR_METHODS);
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("BZ2Compressor", type_value(COMPRESSOR_TYPE.with(Rc::clone))),
        (
            "BZ2Decompressor",
            type_value(DECOMPRESSOR_TYPE.with(Rc::clone)),
        ),
    ])
}

/// A bzip2 error as CPython reports one (`OSError` for bad data).
fn bz2_error(err: bzip2::Error) -> PyErr {
    match err {
        bzip2::Error::Data | bzip2::Error::DataMagic => {
            PyErr::new(ExcType::OSError, "Invalid data stream")
        }
        bzip2::Error::Sequence => PyErr::runtime_error("libbzip2 was not compiled correctly"),
        bzip2::Error::Param => {
            PyErr::value_error("Internal error - invalid parameters passed to libbzip2")
        }
    }
}

struct Compressor {
    /// `None` once flushed.
    stream: RefCell<Option<Compress>>,
}

impl NativeData for Compressor {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}
}

fn compressor_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    args.check_pos("BZ2Compressor", 0, 1)?;
    args.check_kw("BZ2Compressor", &[])?;
    let level = match args.pos.first() {
        None => 9,
        Some(value) => match value {
            Value::Int(level) => *level,
            _ if value.as_bigint_or_subclass().is_some() => 0,
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    value.type_name()
                )));
            }
        },
    };
    if !(1..=9).contains(&level) {
        return Err(PyErr::value_error("compresslevel must be between 1 and 9"));
    }
    Ok(NativeObject::new_value(
        COMPRESSOR_TYPE.with(Rc::clone),
        Compressor {
            stream: RefCell::new(Some(Compress::new(Compression::new(level as u32), 0))),
        },
    ))
}

fn compressor(receiver: &Value) -> PyResult<&Compressor> {
    receiver
        .native::<Compressor>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_bz2.BZ2Compressor' object"))
}

/// Runs `stream` over all of `data` with `action`, until it has nothing
/// more to write (`Finish`: until the stream's end).
fn run(stream: &mut Compress, data: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let mut output = Vec::new();
    let start = stream.total_in();
    loop {
        output.reserve(CHUNK);
        let consumed = (stream.total_in() - start) as usize;
        let status = stream
            .compress_vec(&data[consumed..], &mut output, action)
            .map_err(bz2_error)?;
        let consumed = (stream.total_in() - start) as usize;
        let room_left = output.len() < output.capacity();
        match (action, status) {
            (Action::Finish, Status::StreamEnd) => break,
            (Action::Finish, _) => {}
            _ if consumed >= data.len() && room_left => break,
            _ => {}
        }
    }
    Ok(output)
}

fn compress(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let data = buffer(&args.pos[0])?;
    let this = compressor(receiver)?;
    let mut stream = this.stream.borrow_mut();
    let Some(stream) = stream.as_mut() else {
        return Err(PyErr::value_error("Compressor has been flushed"));
    };
    Ok(Value::bytes(run(stream, &data, Action::Run)?))
}

fn flush(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let this = compressor(receiver)?;
    let Some(mut stream) = this.stream.borrow_mut().take() else {
        return Err(PyErr::value_error("Repeated call to flush()"));
    };
    Ok(Value::bytes(run(&mut stream, &[], Action::Finish)?))
}

struct Decompressor {
    state: RefCell<DecompressState>,
}

struct DecompressState {
    stream: Decompress,
    /// Input given but not yet decompressed (held back by `max_length`).
    pending: Vec<u8>,
    eof: bool,
    unused_data: Vec<u8>,
    needs_input: bool,
}

impl NativeData for Decompressor {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        let state = self.state.borrow();
        match name {
            "eof" => Some(Value::bool(state.eof)),
            "unused_data" => Some(Value::bytes(state.unused_data.clone())),
            "needs_input" => Some(Value::bool(state.needs_input)),
            _ => None,
        }
    }
}

fn decompressor_new(_: &mut Vm, _: &Value, args: Args) -> PyResult {
    args.check("BZ2Decompressor", 0, 0)?;
    Ok(NativeObject::new_value(
        DECOMPRESSOR_TYPE.with(Rc::clone),
        Decompressor {
            state: RefCell::new(DecompressState {
                stream: Decompress::new(false),
                pending: Vec::new(),
                eof: false,
                unused_data: Vec::new(),
                needs_input: true,
            }),
        },
    ))
}

/// `decompress(data, max_length=-1)`: what `data` (after what earlier
/// calls held back) decompresses to, at most `max_length` bytes when it
/// is not negative.
fn decompress(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check_pos("decompress", 1, 2)?;
    args.check_kw("decompress", &["data", "max_length"])?;
    let data = buffer(args.get(0, "data").ok_or_else(|| {
        PyErr::type_error("decompress() missing required argument 'data' (pos 1)")
    })?)?;
    let max_length = match args.get(1, "max_length") {
        None => -1,
        Some(Value::Int(n)) => *n,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let this = receiver
        .native::<Decompressor>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_bz2.BZ2Decompressor' object"))?;
    let mut state = this.state.borrow_mut();
    if state.eof {
        return Err(PyErr::new(
            ExcType::EOFError,
            "End of stream already reached",
        ));
    }
    let limit = usize::try_from(max_length).unwrap_or(usize::MAX);
    state.pending.extend_from_slice(&data);
    let input = std::mem::take(&mut state.pending);
    let mut output = Vec::new();
    let mut at = 0;
    let mut chunk = vec![0u8; CHUNK];
    while output.len() < limit {
        let room = (limit - output.len()).min(CHUNK);
        let (in_before, out_before) = (state.stream.total_in(), state.stream.total_out());
        let status = state
            .stream
            .decompress(&input[at..], &mut chunk[..room])
            .map_err(bz2_error)?;
        let consumed = (state.stream.total_in() - in_before) as usize;
        let produced = (state.stream.total_out() - out_before) as usize;
        at += consumed;
        output.extend_from_slice(&chunk[..produced]);
        if status == Status::StreamEnd {
            state.eof = true;
            break;
        }
        if consumed == 0 && produced == 0 {
            break;
        }
    }
    let rest = &input[at..];
    if state.eof {
        state.needs_input = false;
        state.unused_data.extend_from_slice(rest);
    } else if rest.is_empty() {
        state.needs_input = output.len() < limit;
    } else {
        state.needs_input = false;
        state.pending = rest.to_vec();
    }
    Ok(Value::bytes(output))
}
