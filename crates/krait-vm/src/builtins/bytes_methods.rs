//! The methods `bytes` and `bytearray` share (CPython's
//! `Objects/bytes_methods.c` and stringlib): each is written once over
//! the receiver's bytes and made for both types by `Kind`, which says
//! how to read the receiver and what type the results are (`bytes` for
//! bytes and its subclasses, `bytearray` for bytearray and its
//! subclasses, as CPython's methods return the exact base type).

use crate::PyResult;
use crate::args::Args;
use crate::buffer::{self, BytesRef};
use crate::builtins::exception::PyErr;
use crate::builtins::function::Signature;
use crate::interpreter::Vm;
use crate::protocol;
use crate::sequence::{self, clamp_range, opt_index_arg};
use crate::value::Value;

/// How a method reads its receiver and makes its results.
pub(crate) trait Kind {
    /// The receiver's bytes.
    fn data(z: &Value) -> PyResult<BytesRef<'_>>;
    /// A result of the receiver's type.
    fn make(data: Vec<u8>) -> Value;
    /// Whether results may be the receiver or an argument itself (bytes
    /// are immutable: `b.partition(sep)` gives `sep` back, as CPython).
    const SHARES: bool;
}

pub(crate) struct BytesKind;
pub(crate) struct ByteArrayKind;

impl Kind for BytesKind {
    fn data(z: &Value) -> PyResult<BytesRef<'_>> {
        match z.as_bytes_or_subclass() {
            Some(b) => Ok(BytesRef::Slice(b.as_bytes())),
            None => Err(descriptor_error("bytes", z)),
        }
    }
    fn make(data: Vec<u8>) -> Value {
        Value::bytes(data)
    }
    const SHARES: bool = true;
}

impl Kind for ByteArrayKind {
    fn data(z: &Value) -> PyResult<BytesRef<'_>> {
        match z.native::<crate::builtins::bytearray::ByteArray>() {
            Some(b) => Ok(b.read()),
            None => Err(descriptor_error("bytearray", z)),
        }
    }
    fn make(data: Vec<u8>) -> Value {
        crate::builtins::bytearray::new_value(data)
    }
    const SHARES: bool = false;
}

fn descriptor_error(owner: &str, z: &Value) -> PyErr {
    PyErr::type_error(format!(
        "descriptor requires a '{owner}' object but received a '{}'",
        z.type_name()
    ))
}

/// CPython's `Py_ISSPACE` for bytes: space, `\t\n\v\f\r`.
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// A byte value argument (`b.count(97)`, `ba.append(97)`): an int in
/// range(256), with CPython's messages.
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = crate::builtins::module::index_value(vm, v)?;
    match crate::builtins::int::as_int(&n).and_then(|i| i.to_i64()) {
        Some(b @ 0..=255) => Ok(b as u8),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

/// The needle of `find`/`count`/`index`: bytes-like, or an int byte.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer::bytes_like(v)? {
        return Ok(b.to_vec());
    }
    if v.is_int() || crate::interpreter::class::user_class_ref(v).is_some() {
        if !v.is_int() && crate::builtins::module::index_value(vm, v).is_err() {
            return Err(needle_type_error(v));
        }
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(needle_type_error(v))
}

fn needle_type_error(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        v.type_name()
    ))
}

/// A bytes-like argument, copied (so no borrow outlives the call).
fn bytes_arg(v: &Value) -> PyResult<Vec<u8>> {
    Ok(buffer::expect_bytes_like(v)?.to_vec())
}

/// The `[start, end)` window of `find`-like methods; `None` when it is
/// empty in a way that finds nothing even for an empty needle.
fn window(vm: &mut Vm, args: &Args, first: usize, len: usize) -> PyResult<(usize, usize, bool)> {
    let start = opt_index_arg(vm, args.pos.get(first))?;
    let end = opt_index_arg(vm, args.pos.get(first + 1))?;
    let (s, e) = clamp_range(start, end, len);
    Ok((s, e, s <= len && s <= e))
}

fn find_in(hay: &[u8], needle: &[u8], reverse: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(if reverse { hay.len() } else { 0 });
    }
    if needle.len() == 1 {
        return if reverse {
            hay.iter().rposition(|&c| c == needle[0])
        } else {
            hay.iter().position(|&c| c == needle[0])
        };
    }
    let mut positions = hay.windows(needle.len());
    if reverse {
        positions.rposition(|w| w == needle)
    } else {
        positions.position(|w| w == needle)
    }
}

/// Non-overlapping occurrences of `needle` (an empty one is found
/// between every two bytes and at both ends).
pub fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

fn find_common<K: Kind>(
    vm: &mut Vm,
    z: &Value,
    args: Args,
    reverse: bool,
) -> PyResult<Option<usize>> {
    let sub = needle(vm, &args.pos[0])?;
    let len = K::data(z)?.len();
    let (s, e, ok) = window(vm, &args, 1, len)?;
    if !ok {
        return Ok(None);
    }
    let data = K::data(z)?;
    let e = e.min(data.len());
    let s = s.min(e);
    Ok(find_in(&data[s..e], &sub, reverse).map(|i| i + s))
}

pub(crate) fn m_find<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    Ok(find_common::<K>(vm, z, args, false)?.map_or(Value::Int(-1), Value::from))
}

pub(crate) fn m_rfind<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    Ok(find_common::<K>(vm, z, args, true)?.map_or(Value::Int(-1), Value::from))
}

pub(crate) fn m_index<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    find_common::<K>(vm, z, args, false)?
        .map(Value::from)
        .ok_or_else(|| PyErr::value_error("subsection not found"))
}

pub(crate) fn m_rindex<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    find_common::<K>(vm, z, args, true)?
        .map(Value::from)
        .ok_or_else(|| PyErr::value_error("subsection not found"))
}

pub(crate) fn m_count<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let sub = needle(vm, &args.pos[0])?;
    let len = K::data(z)?.len();
    let (s, e, ok) = window(vm, &args, 1, len)?;
    if !ok {
        return Ok(Value::Int(0));
    }
    let data = K::data(z)?;
    let e = e.min(data.len());
    let s = s.min(e);
    Ok(Value::from(count_in(&data[s..e], &sub)))
}

fn affix_match<K: Kind>(vm: &mut Vm, z: &Value, args: Args, name: &str, suffix: bool) -> PyResult {
    let first = &args.pos[0];
    let len = K::data(z)?.len();
    let start = opt_index_arg(vm, args.pos.get(1))?;
    let end = opt_index_arg(vm, args.pos.get(2))?;
    let (s, e) = clamp_range(start, end, len);
    let matches = |candidate: &[u8]| -> PyResult<bool> {
        let data = K::data(z)?;
        let e = e.min(data.len());
        if s > data.len() || e < s || e - s < candidate.len() {
            return Ok(false);
        }
        Ok(if suffix {
            data[e - candidate.len()..e] == *candidate
        } else {
            data[s..s + candidate.len()] == *candidate
        })
    };
    if let Some(t) = first.as_tuple_or_subclass() {
        // Tried in order: an item after the first match is not looked at.
        for item in t.iter() {
            let candidate = bytes_arg(item)?;
            if matches(&candidate)? {
                return Ok(Value::bool(true));
            }
        }
        return Ok(Value::bool(false));
    }
    let Some(candidate) = buffer::bytes_like(first)?.map(|b| b.to_vec()) else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            first.type_name()
        )));
    };
    matches(&candidate).map(Value::bool)
}

pub(crate) fn m_startswith<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    affix_match::<K>(vm, z, args, "startswith", false)
}

pub(crate) fn m_endswith<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    affix_match::<K>(vm, z, args, "endswith", true)
}

fn map_bytes<K: Kind>(z: &Value, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult {
    let out = f(&K::data(z)?);
    Ok(K::make(out))
}

pub(crate) fn m_upper<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_bytes::<K>(z, |d| d.to_ascii_uppercase())
}

pub(crate) fn m_lower<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_bytes::<K>(z, |d| d.to_ascii_lowercase())
}

pub(crate) fn m_swapcase<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_bytes::<K>(z, |d| {
        d.iter()
            .map(|&c| {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

pub(crate) fn m_capitalize<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_bytes::<K>(z, |d| {
        d.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

pub(crate) fn m_title<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    map_bytes::<K>(z, |d| {
        let mut previous_cased = false;
        d.iter()
            .map(|&c| {
                let out = if previous_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                previous_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

/// The bytes `strip` removes: the argument, or ASCII whitespace.
fn strip_set(arg: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match arg {
        None | Some(Value::None) => Ok(None),
        Some(v) => bytes_arg(v).map(Some),
    }
}

fn strip<K: Kind>(z: &Value, args: Args, left: bool, right: bool) -> PyResult {
    let set = strip_set(args.pos.first())?;
    let strips = |c: &u8| match &set {
        None => is_space(*c),
        Some(s) => s.contains(c),
    };
    let data = K::data(z)?;
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strips(&data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strips(&data[end - 1]) {
            end -= 1;
        }
    }
    // Nothing stripped from an exact bytes: the object itself, as CPython.
    if K::SHARES
        && start == 0
        && end == data.len()
        && matches!(z.as_obj(), Some(crate::object::PyObject::Bytes(_)))
    {
        return Ok(z.clone());
    }
    let out = data[start..end].to_vec();
    drop(data);
    Ok(K::make(out))
}

pub(crate) fn m_strip<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    strip::<K>(z, args, true, true)
}

pub(crate) fn m_lstrip<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    strip::<K>(z, args, true, false)
}

pub(crate) fn m_rstrip<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    strip::<K>(z, args, false, true)
}

/// `split`/`rsplit`'s arguments: the separator (None for whitespace)
/// and the most splits (negative: no limit).
fn split_args(vm: &mut Vm, args: &Args) -> PyResult<(Option<Vec<u8>>, i64)> {
    let sep = match args.get(0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = bytes_arg(v)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(sep)
        }
    };
    let maxsplit = match args.get(1, "maxsplit") {
        None => -1,
        Some(v) => sequence::index_arg(vm, v, "maxsplit")?,
    };
    Ok((sep, maxsplit))
}

/// The pieces of `data` split as `bytes.split` does.
pub fn split_bytes(data: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if limit == 0 {
                    // The rest as it is, trailing whitespace included.
                    out.push(data[i..].to_vec());
                    break;
                }
                let start = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                out.push(data[start..i].to_vec());
                limit -= 1;
            }
        }
        Some(sep) => {
            let mut start = 0;
            let mut i = 0;
            while limit > 0 && i + sep.len() <= data.len() {
                if &data[i..i + sep.len()] == sep {
                    out.push(data[start..i].to_vec());
                    i += sep.len();
                    start = i;
                    limit -= 1;
                } else {
                    i += 1;
                }
            }
            out.push(data[start..].to_vec());
        }
    }
    out
}

fn rsplit_bytes(data: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = data.len();
            loop {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if limit == 0 {
                    out.push(data[..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                out.push(data[i..end].to_vec());
                limit -= 1;
            }
        }
        Some(sep) => {
            let mut end = data.len();
            let mut i = data.len();
            while limit > 0 && i >= sep.len() {
                if &data[i - sep.len()..i] == sep {
                    out.push(data[i..end].to_vec());
                    i -= sep.len();
                    end = i;
                    limit -= 1;
                } else {
                    i -= 1;
                }
            }
            out.push(data[..end].to_vec());
        }
    }
    out.reverse();
    out
}

pub(crate) fn m_split<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &args)?;
    let parts = split_bytes(&K::data(z)?, sep.as_deref(), maxsplit);
    Ok(Value::list(parts.into_iter().map(K::make).collect()))
}

pub(crate) fn m_rsplit<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &args)?;
    let parts = rsplit_bytes(&K::data(z)?, sep.as_deref(), maxsplit);
    Ok(Value::list(parts.into_iter().map(K::make).collect()))
}

pub(crate) fn m_splitlines<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let keepends = match args.get(0, "keepends") {
        None => false,
        Some(v) => vm.truthy_value(v)?,
    };
    let data = K::data(z)?;
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let eol = match data[i] {
            b'\n' => 1,
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keepends { i + eol } else { i };
        out.push(data[start..end].to_vec());
        i += eol;
        start = i;
    }
    if start < data.len() {
        out.push(data[start..].to_vec());
    }
    drop(data);
    Ok(Value::list(out.into_iter().map(K::make).collect()))
}

pub(crate) fn m_replace<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let old = bytes_arg(&args.pos[0])?;
    let new = bytes_arg(&args.pos[1])?;
    let count = match args.pos.get(2) {
        None => -1,
        Some(v) => sequence::index_arg(vm, v, "count")?,
    };
    let mut limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let data = K::data(z)?;
    if crate::memory::limited() && new.len() > old.len() {
        let matches = if old.is_empty() {
            data.len() + 1
        } else {
            data.windows(old.len()).filter(|w| *w == &old[..]).count()
        };
        crate::memory::reserve(
            data.len() + matches.min(limit).saturating_mul(new.len() - old.len()),
        )?;
    }
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        // Inserted before every byte and at the end.
        for &c in data.iter() {
            if limit > 0 {
                out.extend_from_slice(&new);
                limit -= 1;
            }
            out.push(c);
        }
        if limit > 0 {
            out.extend_from_slice(&new);
        }
    } else {
        let mut i = 0;
        while i < data.len() {
            if limit > 0 && data[i..].starts_with(&old) {
                out.extend_from_slice(&new);
                i += old.len();
                limit -= 1;
            } else {
                out.push(data[i]);
                i += 1;
            }
        }
    }
    drop(data);
    Ok(K::make(out))
}

pub(crate) fn m_join<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let items = match protocol::collect(vm, &args.pos[0]) {
        Ok(items) => items,
        Err(e)
            if e.matches(crate::typeobject::ExcType::TypeError)
                && e.message().ends_with("is not iterable") =>
        {
            return Err(PyErr::type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&K::data(z)?);
        }
        match buffer::bytes_like(item)? {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    item.type_name()
                )));
            }
        }
    }
    Ok(K::make(out))
}

fn partition<K: Kind>(z: &Value, args: Args, reverse: bool) -> PyResult {
    let sep = bytes_arg(&args.pos[0])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let data = K::data(z)?.to_vec();
    // Exact bytes give back the receiver (not found) and the separator
    // object (found) themselves, as CPython does.
    let whole = |data: Vec<u8>| match z.as_obj() {
        Some(crate::object::PyObject::Bytes(_)) if K::SHARES => z.clone(),
        _ => K::make(data),
    };
    let parts = match find_in(&data, &sep, reverse) {
        Some(i) => [
            K::make(data[..i].to_vec()),
            if K::SHARES {
                args.pos[0].clone()
            } else {
                K::make(sep.clone())
            },
            K::make(data[i + sep.len()..].to_vec()),
        ],
        None if reverse => [K::make(Vec::new()), K::make(Vec::new()), whole(data)],
        None => [whole(data), K::make(Vec::new()), K::make(Vec::new())],
    };
    Ok(Value::tuple(parts.into()))
}

pub(crate) fn m_partition<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    partition::<K>(z, args, false)
}

pub(crate) fn m_rpartition<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    partition::<K>(z, args, true)
}

fn predicate<K: Kind>(z: &Value, empty: bool, f: impl Fn(u8) -> bool) -> PyResult {
    let data = K::data(z)?;
    Ok(Value::bool(if data.is_empty() {
        empty
    } else {
        data.iter().all(|&c| f(c))
    }))
}

pub(crate) fn m_isalnum<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    predicate::<K>(z, false, |c| c.is_ascii_alphanumeric())
}

pub(crate) fn m_isalpha<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    predicate::<K>(z, false, |c| c.is_ascii_alphabetic())
}

pub(crate) fn m_isdigit<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    predicate::<K>(z, false, |c| c.is_ascii_digit())
}

pub(crate) fn m_isspace<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    predicate::<K>(z, false, is_space)
}

pub(crate) fn m_isascii<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    predicate::<K>(z, true, |c| c.is_ascii())
}

pub(crate) fn m_islower<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let data = K::data(z)?;
    Ok(Value::bool(
        data.iter().any(|c| c.is_ascii_lowercase()) && !data.iter().any(|c| c.is_ascii_uppercase()),
    ))
}

pub(crate) fn m_isupper<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let data = K::data(z)?;
    Ok(Value::bool(
        data.iter().any(|c| c.is_ascii_uppercase()) && !data.iter().any(|c| c.is_ascii_lowercase()),
    ))
}

pub(crate) fn m_istitle<K: Kind>(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let data = K::data(z)?;
    let mut cased = false;
    let mut previous_cased = false;
    for &c in data.iter() {
        if c.is_ascii_uppercase() {
            if previous_cased {
                return Ok(Value::bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !previous_cased {
                return Ok(Value::bool(false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

/// The fill byte of `center`/`ljust`/`rjust`.
fn fill_byte(args: &Args, name: &str) -> PyResult<u8> {
    let Some(v) = args.pos.get(1) else {
        return Ok(b' ');
    };
    let ok = v.as_bytes_or_subclass().is_some()
        || v.native::<crate::builtins::bytearray::ByteArray>()
            .is_some();
    if ok
        && let Some(b) = buffer::bytes_like(v)?
        && b.len() == 1
    {
        return Ok(b[0]);
    }
    Err(PyErr::type_error(format!(
        "{name}() argument 2 must be a byte string of length 1, not {}",
        v.type_name()
    )))
}

fn pad<K: Kind>(vm: &mut Vm, z: &Value, args: Args, name: &str) -> PyResult {
    let width = sequence::index_arg(vm, &args.pos[0], "width")?;
    let fill = fill_byte(&args, name)?;
    let data = K::data(z)?;
    let len = data.len() as i64;
    if width <= len {
        let out = data.to_vec();
        drop(data);
        return Ok(K::make(out));
    }
    let margin = (width - len) as usize;
    let left = match name {
        "ljust" => 0,
        "rjust" => margin,
        // CPython's rounding: the odd byte goes left when width is odd.
        _ => margin / 2 + (margin & width as usize & 1),
    };
    let mut out = crate::memory::vec_with_capacity(width as usize)?;
    out.resize(left, fill);
    out.extend_from_slice(&data);
    out.resize(width as usize, fill);
    drop(data);
    Ok(K::make(out))
}

pub(crate) fn m_center<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    pad::<K>(vm, z, args, "center")
}

pub(crate) fn m_ljust<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    pad::<K>(vm, z, args, "ljust")
}

pub(crate) fn m_rjust<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    pad::<K>(vm, z, args, "rjust")
}

pub(crate) fn m_zfill<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let width = sequence::index_arg(vm, &args.pos[0], "width")?;
    let data = K::data(z)?.to_vec();
    if width <= data.len() as i64 {
        return Ok(K::make(data));
    }
    let fill = width as usize - data.len();
    let mut out = crate::memory::vec_with_capacity(width as usize)?;
    let signed = matches!(data.first(), Some(b'+' | b'-'));
    if signed {
        out.push(data[0]);
    }
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(&data[usize::from(signed)..]);
    Ok(K::make(out))
}

pub(crate) fn m_expandtabs<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let tabsize = match args.get(0, "tabsize") {
        None => 8,
        Some(v) => sequence::c_int_arg(vm, v, "tabsize")?,
    };
    let data = K::data(z)?;
    let mut out = Vec::with_capacity(data.len());
    let mut column = 0usize;
    for &c in data.iter() {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - column % tabsize as usize;
                    crate::memory::reserve(n)?;
                    out.try_reserve(n)
                        .map_err(|_| PyErr::new(crate::typeobject::ExcType::MemoryError, ""))?;
                    out.resize(out.len() + n, b' ');
                    column += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    drop(data);
    Ok(K::make(out))
}

pub(crate) fn m_removeprefix<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let prefix = bytes_arg(&args.pos[0])?;
    let data = K::data(z)?;
    let out = data.strip_prefix(&prefix[..]).unwrap_or(&data).to_vec();
    drop(data);
    Ok(K::make(out))
}

pub(crate) fn m_removesuffix<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    let suffix = bytes_arg(&args.pos[0])?;
    let data = K::data(z)?;
    let out = data.strip_suffix(&suffix[..]).unwrap_or(&data).to_vec();
    drop(data);
    Ok(K::make(out))
}

pub(crate) fn m_translate<K: Kind>(_: &mut Vm, z: &Value, args: Args) -> PyResult {
    args.check_kw("translate", &["delete"])?;
    let Some(table) = args.pos.first() else {
        return Err(PyErr::type_error(
            "translate() missing required argument 'table' (pos 1)",
        ));
    };
    if args.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "translate() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let table = match table {
        Value::None => None,
        t => {
            let t = bytes_arg(t)?;
            if t.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match args.get(1, "delete") {
        None => Vec::new(),
        Some(d) => bytes_arg(d)?,
    };
    let data = K::data(z)?;
    let out = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    drop(data);
    Ok(K::make(out))
}

/// `bytes.maketrans(frm, to)` (a static method of both types).
pub fn maketrans(args: &[Value]) -> PyResult {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let from = bytes_arg(&args[0])?;
    let to = bytes_arg(&args[1])?;
    if from.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(&to) {
        table[*a as usize] = *b;
    }
    Ok(Value::bytes(table))
}

/// `b.hex(sep=..., bytes_per_sep=1)`, also memoryview's.
pub fn hex_method(vm: &mut Vm, data: &[u8], args: &Args) -> PyResult {
    let sep = match args.get(0, "sep") {
        None => None,
        Some(v) => {
            let s: Vec<u8> = if let Some(s) = v.as_str_or_subclass() {
                if !s.as_str().is_ascii() {
                    return Err(PyErr::value_error("sep must be ASCII."));
                }
                s.as_str().as_bytes().to_vec()
            } else {
                match buffer::bytes_like(v)? {
                    Some(b) => b.to_vec(),
                    None => {
                        return Err(PyErr::type_error("sep must be str or bytes."));
                    }
                }
            };
            if s.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            Some(s[0] as char)
        }
    };
    let per = match args.get(1, "bytes_per_sep") {
        None => 1,
        Some(v) => sequence::index_arg(vm, v, "bytes_per_sep")?,
    };
    Ok(Value::str(hex_string(data, sep, per)))
}

/// The hex digits of `data`, with `sep` every `per` bytes (counted from
/// the right when `per` is positive, from the left when negative).
pub fn hex_string(data: &[u8], sep: Option<char>, per: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(sep) = sep
            && group > 0
            && i > 0
        {
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

pub(crate) fn m_hex<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let data = K::data(z)?.to_vec();
    hex_method(vm, &data, &args)
}

/// `bytes.fromhex(s)`: the bytes that hex digit pairs spell, ASCII
/// whitespace allowed between pairs.
pub fn fromhex(s: &Value) -> PyResult<Vec<u8>> {
    let Some(text) = s.as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            s.type_name()
        )));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let digit = |c: char| c.to_digit(16);
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let high = digit(chars[i]).ok_or_else(|| bad(i))?;
        let low = chars
            .get(i + 1)
            .and_then(|&c| digit(c))
            .ok_or_else(|| bad(i + 1))?;
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(out)
}

pub(crate) fn m_decode<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    use crate::builtins::str::named_str_arg;
    let encoding = named_str_arg(&args, 0, "decode", "encoding")?.unwrap_or("utf-8");
    let errors = named_str_arg(&args, 1, "decode", "errors")?.unwrap_or("strict");
    let data = K::data(z)?;
    match crate::builtins::codecs::decode(&data, encoding, errors) {
        Ok(text) => Ok(Value::str(text)),
        // (A codec the VM does not know may be the registry's.)
        Err(err)
            if err.matches(crate::typeobject::ExcType::LookupError)
                && crate::builtins::codecs::Codec::lookup(encoding).is_err() =>
        {
            crate::builtins::codecs::through_registry(vm, z.clone(), encoding, errors, false)
        }
        Err(err) => Err(err),
    }
}

/// `b % args` for both types.
pub(crate) fn m_mod<K: Kind>(vm: &mut Vm, z: &Value, args: Args) -> PyResult {
    let format = K::data(z)?.to_vec();
    crate::format::percent::format_bytes_with(vm, &format, &args.pos[0]).map(K::make)
}

/// `__getnewargs__`-free `__bytes__` of bytes (an exact copy).
pub(crate) fn m_bytes(_: &mut Vm, z: &Value, _: Args) -> PyResult {
    let data = BytesKind::data(z)?.to_vec();
    Ok(Value::bytes(data))
}

pub(crate) static SPLIT: Signature = Signature {
    names: &["sep", "maxsplit"],
    positional: 2,
    required: 0,
};

pub(crate) static SPLITLINES: Signature = Signature {
    names: &["keepends"],
    positional: 1,
    required: 0,
};

pub(crate) static EXPANDTABS: Signature = Signature {
    names: &["tabsize"],
    positional: 1,
    required: 0,
};

pub(crate) static HEX: Signature = Signature {
    names: &["sep", "bytes_per_sep"],
    positional: 2,
    required: 0,
};

pub(crate) static DECODE: Signature = Signature {
    names: &["encoding", "errors"],
    positional: 2,
    required: 0,
};

/// The method table of a bytes-like type: the shared methods made for
/// `$kind`, then the type's own (`$extra`).
macro_rules! byte_methods {
    ($kind:ty, [$($extra:expr),* $(,)?]) => {{
        use $crate::builtins::bytes_methods::*;
        use $crate::builtins::function::{MethodDef, Params};
        &[
            MethodDef { name: "count", params: Params::Tuple(1, 3), func: m_count::<$kind> },
            MethodDef { name: "find", params: Params::Tuple(1, 3), func: m_find::<$kind> },
            MethodDef { name: "rfind", params: Params::Tuple(1, 3), func: m_rfind::<$kind> },
            MethodDef { name: "index", params: Params::Tuple(1, 3), func: m_index::<$kind> },
            MethodDef { name: "rindex", params: Params::Tuple(1, 3), func: m_rindex::<$kind> },
            MethodDef { name: "startswith", params: Params::Tuple(1, 3), func: m_startswith::<$kind> },
            MethodDef { name: "endswith", params: Params::Tuple(1, 3), func: m_endswith::<$kind> },
            MethodDef { name: "upper", params: Params::NoArgs, func: m_upper::<$kind> },
            MethodDef { name: "lower", params: Params::NoArgs, func: m_lower::<$kind> },
            MethodDef { name: "swapcase", params: Params::NoArgs, func: m_swapcase::<$kind> },
            MethodDef { name: "capitalize", params: Params::NoArgs, func: m_capitalize::<$kind> },
            MethodDef { name: "title", params: Params::NoArgs, func: m_title::<$kind> },
            MethodDef { name: "strip", params: Params::Positional(0, 1), func: m_strip::<$kind> },
            MethodDef { name: "lstrip", params: Params::Positional(0, 1), func: m_lstrip::<$kind> },
            MethodDef { name: "rstrip", params: Params::Positional(0, 1), func: m_rstrip::<$kind> },
            MethodDef { name: "split", params: Params::Named(&SPLIT), func: m_split::<$kind> },
            MethodDef { name: "rsplit", params: Params::Named(&SPLIT), func: m_rsplit::<$kind> },
            MethodDef { name: "splitlines", params: Params::Named(&SPLITLINES), func: m_splitlines::<$kind> },
            MethodDef { name: "replace", params: Params::Positional(2, 3), func: m_replace::<$kind> },
            MethodDef { name: "join", params: Params::One, func: m_join::<$kind> },
            MethodDef { name: "partition", params: Params::One, func: m_partition::<$kind> },
            MethodDef { name: "rpartition", params: Params::One, func: m_rpartition::<$kind> },
            MethodDef { name: "isalnum", params: Params::NoArgs, func: m_isalnum::<$kind> },
            MethodDef { name: "isalpha", params: Params::NoArgs, func: m_isalpha::<$kind> },
            MethodDef { name: "isdigit", params: Params::NoArgs, func: m_isdigit::<$kind> },
            MethodDef { name: "islower", params: Params::NoArgs, func: m_islower::<$kind> },
            MethodDef { name: "isupper", params: Params::NoArgs, func: m_isupper::<$kind> },
            MethodDef { name: "isspace", params: Params::NoArgs, func: m_isspace::<$kind> },
            MethodDef { name: "istitle", params: Params::NoArgs, func: m_istitle::<$kind> },
            MethodDef { name: "isascii", params: Params::NoArgs, func: m_isascii::<$kind> },
            MethodDef { name: "center", params: Params::Positional(1, 2), func: m_center::<$kind> },
            MethodDef { name: "ljust", params: Params::Positional(1, 2), func: m_ljust::<$kind> },
            MethodDef { name: "rjust", params: Params::Positional(1, 2), func: m_rjust::<$kind> },
            MethodDef { name: "zfill", params: Params::One, func: m_zfill::<$kind> },
            MethodDef { name: "expandtabs", params: Params::Named(&EXPANDTABS), func: m_expandtabs::<$kind> },
            MethodDef { name: "removeprefix", params: Params::One, func: m_removeprefix::<$kind> },
            MethodDef { name: "removesuffix", params: Params::One, func: m_removesuffix::<$kind> },
            MethodDef { name: "translate", params: Params::Any, func: m_translate::<$kind> },
            MethodDef { name: "hex", params: Params::Named(&HEX), func: m_hex::<$kind> },
            MethodDef { name: "decode", params: Params::Named(&DECODE), func: m_decode::<$kind> },
            MethodDef { name: "__mod__", params: Params::One, func: m_mod::<$kind> },
            $($extra),*
        ]
    }};
}
pub(crate) use byte_methods;

/// The methods of `bytes` (see `byte_methods!`).
pub const BYTES_METHODS: &[crate::builtins::function::MethodDef] = byte_methods!(
    BytesKind,
    [crate::builtins::function::MethodDef {
        name: "__bytes__",
        params: crate::builtins::function::Params::NoArgs,
        func: m_bytes,
    }]
);
