//! `hashlib`: message digests (MD5, SHA-1, the SHA-2 and SHA-3 families,
//! SHAKE, BLAKE2) from the RustCrypto crates, with CPython's object API
//! (`update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`,
//! `block_size`), `new(name)`, `pbkdf2_hmac`, and the constant-time
//! comparison `hmac.compare_digest` uses.

use std::cell::RefCell;
use std::rc::Rc;

use blake2::digest::{ExtendableOutput, Update, VariableOutput};
use krait_vm::buffer::bytes_like;
use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ExcType, TypeObject};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};
use sha2::digest::DynDigest;

use crate::util::{function, method, type_value};

/// The algorithms, with their digest and block sizes in bytes.
const ALGORITHMS: &[(&str, usize, usize)] = &[
    ("md5", 16, 64),
    ("sha1", 20, 64),
    ("sha224", 28, 64),
    ("sha256", 32, 64),
    ("sha384", 48, 128),
    ("sha512", 64, 128),
    ("sha3_224", 28, 144),
    ("sha3_256", 32, 136),
    ("sha3_384", 48, 104),
    ("sha3_512", 64, 72),
    ("shake_128", 0, 168),
    ("shake_256", 0, 136),
    ("blake2b", 64, 128),
    ("blake2s", 32, 64),
];

thread_local! {
    static HASH_TYPE: Rc<TypeObject> = native_type_in("_hashlib", "HASH", METHODS);
}

#[derive(Clone)]
enum State {
    Fixed(Box<dyn DynDigest>),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2::Blake2bVar),
    Blake2s(blake2::Blake2sVar),
}

impl State {
    fn new(name: &str, digest_size: Option<usize>) -> PyResult<State> {
        Ok(match name {
            "md5" => State::Fixed(Box::new(md5::Md5::default())),
            "sha1" => State::Fixed(Box::new(sha1::Sha1::default())),
            "sha224" => State::Fixed(Box::new(sha2::Sha224::default())),
            "sha256" => State::Fixed(Box::new(sha2::Sha256::default())),
            "sha384" => State::Fixed(Box::new(sha2::Sha384::default())),
            "sha512" => State::Fixed(Box::new(sha2::Sha512::default())),
            "sha3_224" => State::Fixed(Box::new(sha3::Sha3_224::default())),
            "sha3_256" => State::Fixed(Box::new(sha3::Sha3_256::default())),
            "sha3_384" => State::Fixed(Box::new(sha3::Sha3_384::default())),
            "sha3_512" => State::Fixed(Box::new(sha3::Sha3_512::default())),
            "shake_128" => State::Shake128(Default::default()),
            "shake_256" => State::Shake256(Default::default()),
            "blake2b" => {
                let size = digest_size.unwrap_or(64);
                if !(1..=64).contains(&size) {
                    return Err(PyErr::value_error(
                        "digest_size must be between 1 and 64 bytes",
                    ));
                }
                State::Blake2b(blake2::Blake2bVar::new(size).expect("a valid size"))
            }
            "blake2s" => {
                let size = digest_size.unwrap_or(32);
                if !(1..=32).contains(&size) {
                    return Err(PyErr::value_error(
                        "digest_size must be between 1 and 32 bytes",
                    ));
                }
                State::Blake2s(blake2::Blake2sVar::new(size).expect("a valid size"))
            }
            _ => return Err(PyErr::value_error(format!("unsupported hash type {name}"))),
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Fixed(h) => h.update(data),
            State::Shake128(h) => h.update(data),
            State::Shake256(h) => h.update(data),
            State::Blake2b(h) => h.update(data),
            State::Blake2s(h) => h.update(data),
        }
    }

    /// The digest of what was fed so far (`length` bytes for SHAKE).
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.clone() {
            State::Fixed(h) => h.finalize().to_vec(),
            State::Shake128(h) => {
                let mut out = vec![0; length];
                h.finalize_xof_into(&mut out);
                out
            }
            State::Shake256(h) => {
                let mut out = vec![0; length];
                h.finalize_xof_into(&mut out);
                out
            }
            State::Blake2b(h) => {
                let mut out = vec![0; h.output_size()];
                h.finalize_variable(&mut out)
                    .expect("the output has its size");
                out
            }
            State::Blake2s(h) => {
                let mut out = vec![0; h.output_size()];
                h.finalize_variable(&mut out)
                    .expect("the output has its size");
                out
            }
        }
    }

    fn digest_size(&self, name: &str) -> usize {
        match self {
            State::Blake2b(h) => h.output_size(),
            State::Blake2s(h) => h.output_size(),
            _ => sizes(name).0,
        }
    }
}

fn sizes(name: &str) -> (usize, usize) {
    ALGORITHMS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, d, b)| (d, b))
        .unwrap_or((0, 0))
}

struct Hash {
    name: &'static str,
    state: RefCell<State>,
}

impl NativeData for Hash {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "name" => Some(Value::str(self.name)),
            "digest_size" => Some(Value::Int(self.state.borrow().digest_size(self.name) as i64)),
            "block_size" => Some(Value::Int(sizes(self.name).1 as i64)),
            _ => None,
        }
    }
}

fn canonical_name(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase().replace('-', "_");
    let lower = match lower.as_str() {
        "sha_1" => "sha1".to_string(),
        "sha_224" => "sha224".to_string(),
        "sha_256" => "sha256".to_string(),
        "sha_384" => "sha384".to_string(),
        "sha_512" => "sha512".to_string(),
        _ => lower,
    };
    ALGORITHMS
        .iter()
        .find(|(n, _, _)| *n == lower)
        .map(|(n, _, _)| *n)
}

/// Feeds `data` (a bytes-like object; a str is CPython's TypeError).
fn feed(state: &mut State, data: &Value) -> PyResult<()> {
    if data.as_str_or_subclass().is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    match bytes_like(data)? {
        Some(bytes) => {
            state.update(&bytes);
            Ok(())
        }
        None => Err(PyErr::type_error(
            "object supporting the buffer API required",
        )),
    }
}

fn make(name: &'static str, args: &Args, data_index: usize) -> PyResult {
    let digest_size = match args.kwarg("digest_size") {
        Some(v) => Some(
            krait_vm::builtins::int::as_int(v)
                .and_then(|i| i.to_i64())
                .filter(|n| *n >= 0)
                .ok_or_else(|| PyErr::type_error("digest_size must be an integer"))?
                as usize,
        ),
        None => None,
    };
    for (k, _) in args.kw {
        if !["data", "string", "usedforsecurity", "digest_size", "name"].contains(k) {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    let mut state = State::new(name, digest_size)?;
    let data = args
        .pos
        .get(data_index)
        .or_else(|| args.kwarg("data"))
        .or_else(|| args.kwarg("string"));
    if let Some(data) = data {
        feed(&mut state, data)?;
    }
    Ok(NativeObject::new_value(
        HASH_TYPE.with(Rc::clone),
        Hash {
            name,
            state: RefCell::new(state),
        },
    ))
}

fn new(_: &mut Vm, args: Args) -> PyResult {
    let Some(name) = args.get(0, "name") else {
        return Err(PyErr::type_error(
            "new() missing required argument 'name' (pos 1)",
        ));
    };
    let Some(text) = name.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "new() argument 'name' must be str, not {}",
            name.type_name()
        )));
    };
    let Some(name) = canonical_name(text.as_str()) else {
        return Err(PyErr::value_error(format!(
            "unsupported hash type {}",
            text.as_str()
        )));
    };
    make(name, &args, 1)
}

macro_rules! constructors {
    ($($func:ident => $name:literal,)*) => {
        $(
            fn $func(_: &mut Vm, args: Args) -> PyResult {
                if args.pos.len() > 1 {
                    return Err(PyErr::type_error(format!(
                        "{}() takes at most 1 positional argument ({} given)",
                        $name,
                        args.pos.len()
                    )));
                }
                make($name, &args, 0)
            }
        )*
        const CONSTRUCTORS: &[(&str, krait_vm::builtins::function::NativeFunction)] = &[
            $(($name, $func),)*
        ];
    };
}

constructors! {
    md5 => "md5",
    sha1 => "sha1",
    sha224 => "sha224",
    sha256 => "sha256",
    sha384 => "sha384",
    sha512 => "sha512",
    sha3_224 => "sha3_224",
    sha3_256 => "sha3_256",
    sha3_384 => "sha3_384",
    sha3_512 => "sha3_512",
    shake_128 => "shake_128",
    shake_256 => "shake_256",
    blake2b => "blake2b",
    blake2s => "blake2s",
}

fn this(receiver: &Value) -> PyResult<&Hash> {
    receiver
        .native::<Hash>()
        .ok_or_else(|| PyErr::type_error("expected a hash object"))
}

fn h_update(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let hash = this(receiver)?;
    feed(&mut hash.state.borrow_mut(), &args.pos[0])?;
    Ok(Value::None)
}

/// The digest length: a SHAKE's from its argument.
fn length(hash: &Hash, args: &Args, what: &str) -> PyResult<usize> {
    let is_shake = matches!(hash.name, "shake_128" | "shake_256");
    match (is_shake, args.get(0, "length")) {
        (false, None) => Ok(0),
        (false, Some(_)) => Err(PyErr::type_error(format!(
            "HASH.{what}() takes no arguments (1 given)"
        ))),
        (true, None) => Err(PyErr::type_error(format!(
            "{what}() missing required argument 'length' (pos 1)"
        ))),
        (true, Some(n)) => krait_vm::builtins::int::as_int(n)
            .and_then(|i| i.to_i64())
            .filter(|n| *n >= 0)
            .map(|n| n as usize)
            .ok_or_else(|| PyErr::value_error("length must be a non-negative integer")),
    }
}

fn h_digest(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let hash = this(receiver)?;
    let n = length(hash, &args, "digest")?;
    // A SHAKE length no memory holds: MemoryError, never an abort.
    krait_vm::memory::check_room(n)?;
    Ok(Value::bytes(hash.state.borrow().digest(n)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn h_hexdigest(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let hash = this(receiver)?;
    let n = length(hash, &args, "hexdigest")?;
    krait_vm::memory::check_room(n.saturating_mul(2))?;
    Ok(Value::str(hex(&hash.state.borrow().digest(n))))
}

fn h_copy(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let hash = this(receiver)?;
    Ok(NativeObject::new_value(
        HASH_TYPE.with(Rc::clone),
        Hash {
            name: hash.name,
            state: RefCell::new(hash.state.borrow().clone()),
        },
    ))
}

fn h_repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let hash = this(receiver)?;
    let address = match receiver.builtin_value() {
        Value::Obj(o) => Rc::as_ptr(o) as usize,
        _ => 0,
    };
    Ok(Value::str(format!(
        "<{} _hashlib.HASH object @ {address:#x}>",
        hash.name
    )))
}

static METHODS: &[MethodDef] = &[
    method("update", Params::One, h_update),
    method("digest", Params::Any, h_digest),
    method("hexdigest", Params::Any, h_hexdigest),
    method("copy", Params::NoArgs, h_copy),
    method("__repr__", Params::NoArgs, h_repr),
];

/// HMAC of `message` under `key` with the algorithm `name` (RFC 2104).
fn hmac(name: &'static str, key: &[u8], message: &[u8]) -> PyResult<Vec<u8>> {
    let block = sizes(name).1;
    let mut key = key.to_vec();
    if key.len() > block {
        let mut state = State::new(name, None)?;
        state.update(&key);
        key = state.digest(0);
    }
    key.resize(block, 0);
    let mut inner = State::new(name, None)?;
    inner.update(&key.iter().map(|b| b ^ 0x36).collect::<Vec<u8>>());
    inner.update(message);
    let mut outer = State::new(name, None)?;
    outer.update(&key.iter().map(|b| b ^ 0x5c).collect::<Vec<u8>>());
    outer.update(&inner.digest(0));
    Ok(outer.digest(0))
}

fn bytes_arg(v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v)? {
        Some(b) => Ok(b.to_vec()),
        None => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))),
    }
}

/// `pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`.
fn pbkdf2_hmac(_: &mut Vm, args: Args) -> PyResult {
    let names = ["hash_name", "password", "salt", "iterations", "dklen"];
    let get = |i: usize| args.get(i, names[i]);
    let (Some(name), Some(password), Some(salt), Some(iterations)) =
        (get(0), get(1), get(2), get(3))
    else {
        return Err(PyErr::type_error(
            "pbkdf2_hmac() missing required arguments",
        ));
    };
    let name = name
        .as_str_or_subclass()
        .and_then(|s| canonical_name(s.as_str()))
        .filter(|n| sizes(n).0 > 0)
        .ok_or_else(|| PyErr::value_error("unsupported hash type"))?;
    let password = bytes_arg(password)?;
    let salt = bytes_arg(salt)?;
    let iterations = c_long_arg(iterations, "'iterations' must be an integer")?;
    if iterations < 1 {
        return Err(PyErr::value_error(
            "iteration value must be greater than 0.",
        ));
    }
    if iterations > i64::from(i32::MAX) {
        return Err(PyErr::new(
            ExcType::OverflowError,
            "iteration value is too great.",
        ));
    }
    let size = sizes(name).0;
    let dklen = match get(4) {
        None | Some(Value::None) => size,
        Some(v) => {
            let n = c_long_arg(v, "'dklen' must be an integer")?;
            if n < 1 {
                return Err(PyErr::value_error("key length must be greater than 0."));
            }
            // CPython's limit (a C int): never a huge allocation.
            if n > i64::from(i32::MAX) {
                return Err(PyErr::new(
                    ExcType::OverflowError,
                    "key length is too great.",
                ));
            }
            n as usize
        }
    };
    let mut out = krait_vm::memory::vec_with_capacity(dklen)?;
    let mut block_index: u32 = 1;
    while out.len() < dklen {
        let mut message = salt.clone();
        message.extend_from_slice(&block_index.to_be_bytes());
        let mut u = hmac(name, &password, &message)?;
        let mut t = u.clone();
        for _ in 1..iterations {
            u = hmac(name, &password, &u)?;
            for (a, b) in t.iter_mut().zip(&u) {
                *a ^= b;
            }
        }
        out.extend_from_slice(&t);
        block_index += 1;
    }
    out.truncate(dklen);
    Ok(Value::bytes(out))
}

/// An int argument as a C long: a TypeError with `message` for a
/// non-int, CPython's OverflowError past 64 bits.
fn c_long_arg(value: &Value, message: &str) -> PyResult<i64> {
    let int = krait_vm::builtins::int::as_int(value).ok_or_else(|| PyErr::type_error(message))?;
    int.to_i64().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C long",
        )
    })
}

/// `compare_digest(a, b)`: equality whose time does not depend on where
/// the inputs differ (str of ASCII, or bytes-like). Also
/// `_operator._compare_digest`.
pub(crate) fn compare_digest(_: &mut Vm, args: Args) -> PyResult {
    args.check("compare_digest", 2, 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    let (x, y) = match (a.as_str_or_subclass(), b.as_str_or_subclass()) {
        (Some(x), Some(y)) => {
            if !x.as_str().is_ascii() || !y.as_str().is_ascii() {
                return Err(PyErr::type_error(
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            (
                x.as_str().as_bytes().to_vec(),
                y.as_str().as_bytes().to_vec(),
            )
        }
        // Otherwise both through the buffer protocol: unless neither has
        // one, the first without one is named.
        _ => match (bytes_like(a)?, bytes_like(b)?) {
            (Some(x), Some(y)) => (x.to_vec(), y.to_vec()),
            (None, None) => {
                return Err(PyErr::type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    a.type_name(),
                    b.type_name()
                )));
            }
            (None, _) => return Err(not_bytes_like(a)),
            (_, None) => return Err(not_bytes_like(b)),
        },
    };
    let mut difference = u8::from(x.len() != y.len());
    for (i, byte) in x.iter().enumerate() {
        difference |= byte ^ y.get(i % y.len().max(1)).copied().unwrap_or(0);
    }
    Ok(Value::bool(difference == 0 && x.len() == y.len()))
}

fn not_bytes_like(value: &Value) -> PyErr {
    PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        value.type_name()
    ))
}

pub fn module(vm: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let names: Vec<Value> = ALGORITHMS.iter().map(|(n, _, _)| Value::str(*n)).collect();
    let frozen = |vm: &mut Vm| -> PyResult {
        let frozenset = type_value(krait_vm::typeobject::builtin_type(
            krait_vm::typeobject::BuiltinType::FrozenSet,
        ));
        vm.call(&frozenset, Args::new(&[Value::list(names.clone())]))
    };
    let set_type = type_value(krait_vm::typeobject::builtin_type(
        krait_vm::typeobject::BuiltinType::Set,
    ));
    let available = vm.call(&set_type, Args::new(&[Value::list(names.clone())]))?;
    let mut items = vec![
        ("new", function("new", new)),
        ("pbkdf2_hmac", function("pbkdf2_hmac", pbkdf2_hmac)),
        ("compare_digest", function("compare_digest", compare_digest)),
        ("algorithms_guaranteed", frozen(vm)?),
        ("algorithms_available", available),
        ("HASH", type_value(HASH_TYPE.with(Rc::clone))),
    ];
    for &(name, func) in CONSTRUCTORS {
        items.push((name, function(name, func)));
    }
    Ok(items)
}
