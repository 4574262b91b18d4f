//! `_json`: the encoding and decoding loops of the `json` package
//! (`lib/json/`), in Rust because a JSON round trip of a large document is
//! hot enough to matter. The package keeps CPython's classes
//! (`JSONEncoder`, `JSONDecoder`, `JSONDecodeError`) and hands each call
//! to these functions with the options as positional arguments; Python
//! code runs only for what the caller supplied: `default`, the hooks,
//! `parse_*` functions, `items()` of a dict subclass, `__lt__` for
//! `sort_keys` over keys that are not all str.
//!
//! - `encode(obj, ensure_ascii, indent, key_separator, item_separator,
//!   sort_keys, skipkeys, allow_nan, check_circular, default, chunks)`
//!   -> str (`indent` is None or the indent string); with `chunks`, the
//!   list of the pieces CPython's `iterencode` yields, or on failure
//!   `(pieces before the failure, exception)`.
//! - `scan(s, idx, whole, strict, object_hook, object_pairs_hook,
//!   parse_float, parse_int, parse_constant, error_class)`: with `whole`,
//!   the document `s` (whitespace around it allowed, "Extra data" after
//!   it) -> the value; otherwise the value starting at code point `idx`
//!   -> `(value, end)`. `parse_float`/`parse_int`/`parse_constant` are
//!   None for the builtin behaviour. Errors are `error_class(msg, s, pos)`.
//! - `encode_basestring(s)`, `encode_basestring_ascii(s)`: a quoted str.
//! - `decode_bytes(b)`: bytes in UTF-8, -16 or -32 (detected as RFC 4627
//!   says, by the zero bytes of the first four) -> str.
//!
//! Nesting is bounded by the recursion limit (RecursionError, as CPython's
//! encoder and scanner), so no input reaches the end of the Rust stack.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use krait_vm::builtins::dict::PyDict;
use krait_vm::builtins::function::{NativeFunction, PyBuiltinFunction};
use krait_vm::builtins::str::{PyStr, str_value};
use krait_vm::builtins::{float, int};
use krait_vm::protocol::CompareOp;
use krait_vm::typeobject::ExcType;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let functions: &[(&'static str, NativeFunction)] = &[
        ("encode", encode),
        ("scan", scan),
        ("encode_basestring", encode_basestring),
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("decode_bytes", decode_bytes),
    ];
    Ok(functions
        .iter()
        .map(|&(name, func)| {
            let function = PyObject::BuiltinFunction(PyBuiltinFunction { name, func });
            (name, Value::obj(function))
        })
        .collect())
}

/// The deepest nesting either direction accepts: the VM's recursion limit
/// less the frames CPython has on its stack when `dumps`/`loads` are
/// called from module level (the module, `loads`, `decode`, `raw_decode`,
/// and one more for the C code), so the same nesting fails in both there.
/// CPython also counts the frames of its callers, which this does not
/// (the native module cannot see them). The encoder and scanner recurse
/// on the Rust stack, which the `krait` command makes large; the cap keeps
/// a raised recursion limit from reaching its end.
fn depth_limit(vm: &mut Vm) -> usize {
    vm.recursion_limit().saturating_sub(5).min(100_000)
}

fn recursion_error(what: &str) -> PyErr {
    PyErr::new(
        ExcType::RecursionError,
        format!("maximum recursion depth exceeded {what}"),
    )
}

/// An option's truth, as the Python classes test it (`if self.sort_keys`);
/// an object with its own `__bool__` counts as true.
fn truthy(value: &Value) -> bool {
    krait_vm::protocol::truthy(value).unwrap_or(true)
}

fn str_arg<'a>(args: &'a Args, i: usize, function: &str) -> PyResult<&'a PyStr> {
    let value = &args.pos[i];
    value.as_str_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "{function}() argument {} must be str, not {}",
            i + 1,
            value.type_name()
        ))
    })
}

/// The str a function of CPython's `_json` takes first.
fn first_str<'a>(args: &'a Args) -> PyResult<&'a PyStr> {
    let value = &args.pos[0];
    value.as_str_or_subclass().ok_or_else(|| {
        PyErr::type_error(format!(
            "first argument must be a string, not {}",
            value.type_name()
        ))
    })
}

// ---------------------------------------------------------------------------
// Encoding.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` as a JSON string literal. With `ascii`, every character
/// outside ASCII is a `\uXXXX` escape (a surrogate pair above the BMP);
/// otherwise only `"`, `\` and the control characters are escaped.
fn write_string(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let plain = if ascii {
            (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\'
        } else {
            b >= 0x20 && b != b'"' && b != b'\\'
        };
        if plain {
            i += 1;
            continue;
        }
        out.push_str(&s[run..i]);
        if b < 0x80 {
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                _ => push_u_escape(out, u32::from(b)),
            }
            i += 1;
        } else {
            // Only reached with `ascii`: a non-ASCII character.
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            // (A lone surrogate's stand-in is that surrogate.)
            let cp = krait_vm::builtins::str::code_point_of(c);
            if cp > 0xffff {
                let v = cp - 0x10000;
                push_u_escape(out, 0xd800 | (v >> 10));
                push_u_escape(out, 0xdc00 | (v & 0x3ff));
            } else {
                push_u_escape(out, cp);
            }
            i += c.len_utf8();
        }
        run = i;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn push_u_escape(out: &mut String, cp: u32) {
    let digits = [
        b'\\',
        b'u',
        HEX[(cp >> 12 & 0xf) as usize],
        HEX[(cp >> 8 & 0xf) as usize],
        HEX[(cp >> 4 & 0xf) as usize],
        HEX[(cp & 0xf) as usize],
    ];
    // The bytes are ASCII.
    out.push_str(std::str::from_utf8(&digits).unwrap_or_default());
}

fn encode_basestring(_: &mut Vm, args: Args) -> PyResult {
    args.check("encode_basestring", 1, 1)?;
    let s = first_str(&args)?;
    let mut out = String::with_capacity(s.as_str().len() + 2);
    write_string(&mut out, s.as_str(), false);
    Ok(Value::str(out))
}

fn encode_basestring_ascii(_: &mut Vm, args: Args) -> PyResult {
    args.check("encode_basestring_ascii", 1, 1)?;
    let s = first_str(&args)?;
    let mut out = String::with_capacity(s.as_str().len() + 2);
    write_string(&mut out, s.as_str(), true);
    Ok(Value::str(out))
}

struct Encoder {
    out: String,
    ensure_ascii: bool,
    indent: Option<String>,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    check_circular: bool,
    default: Value,
    /// Addresses of the containers (and objects given to `default`) being
    /// encoded, innermost last: a repeat is a cycle.
    markers: Vec<usize>,
    depth: usize,
    limit: usize,
    level: usize,
    /// Where the chunks end, when the caller asked for chunks (the
    /// non-one-shot `iterencode`): at the places CPython's Python encoder
    /// yields, so `list(iterencode(o))` is the same list.
    marks: Option<Vec<usize>>,
}

fn address(value: &Value) -> usize {
    match value {
        Value::Obj(o) => std::rc::Rc::as_ptr(o) as *const u8 as usize,
        _ => 0,
    }
}

/// What the encoder sees of a value: the builtin kinds it writes itself
/// (a subclass instance counts as its builtin value, as CPython's encoder
/// uses `float.__repr__`, `int.__repr__` and the str's own text), else
/// an object for `default`.
enum Kind<'a> {
    Null,
    Bool(bool),
    Int(i64),
    BigInt(int::IntRef<'a>),
    Float(f64),
    Str(&'a str),
    List(&'a krait_vm::builtins::list::PyList),
    Tuple(&'a [Value]),
    Dict(&'a PyDict),
    /// A dict subclass: its `items()` is asked.
    DictSubclass,
    Other,
}

fn kind(value: &Value) -> Kind<'_> {
    match value {
        Value::None => Kind::Null,
        Value::Bool(b) => Kind::Bool(b.get()),
        Value::Int(i) => Kind::Int(*i),
        Value::Float(f) => Kind::Float(f.get()),
        Value::Obj(o) => match &**o {
            PyObject::Str(s) => Kind::Str(s.as_str()),
            PyObject::List(l) => Kind::List(l),
            PyObject::Dict(d) => Kind::Dict(d),
            PyObject::Tuple(t) => Kind::Tuple(t.as_slice()),
            PyObject::Int(b) => Kind::BigInt(int::IntRef::Big(b)),
            PyObject::Instance(i) => match i.base() {
                Some(base) => match kind(base) {
                    Kind::Dict(_) => Kind::DictSubclass,
                    k => k,
                },
                None => Kind::Other,
            },
            _ => Kind::Other,
        },
        _ => Kind::Other,
    }
}

fn encode(vm: &mut Vm, args: Args) -> PyResult {
    args.check("encode", 11, 11)?;
    let p = args.pos;
    let indent = match &p[2] {
        Value::None => None,
        _ => Some(str_arg(&args, 2, "encode")?.as_str().to_string()),
    };
    let mut encoder = Encoder {
        out: String::new(),
        ensure_ascii: truthy(&p[1]),
        indent,
        key_separator: str_arg(&args, 3, "encode")?.as_str().to_string(),
        item_separator: str_arg(&args, 4, "encode")?.as_str().to_string(),
        sort_keys: truthy(&p[5]),
        skipkeys: truthy(&p[6]),
        allow_nan: truthy(&p[7]),
        check_circular: truthy(&p[8]),
        default: p[9].clone(),
        markers: Vec::new(),
        depth: 0,
        limit: depth_limit(vm),
        level: 0,
        marks: truthy(&p[10]).then(Vec::new),
    };
    let result = encoder.value(vm, &p[0]);
    let Some(marks) = encoder.marks else {
        result?;
        return Ok(Value::str(encoder.out));
    };
    let mut chunks = Vec::with_capacity(marks.len());
    let mut start = 0;
    for end in marks {
        if end > start {
            chunks.push(str_value(&encoder.out[start..end]));
            start = end;
        }
    }
    match result {
        Ok(()) => {
            if start < encoder.out.len() {
                chunks.push(str_value(&encoder.out[start..]));
            }
            Ok(Value::list(chunks))
        }
        // The chunks CPython's generator would have yielded before the
        // failure, and the exception: `dump` writes those, then raises.
        Err(err) => Ok(Value::tuple(vec![Value::list(chunks), err.value()])),
    }
}

impl Encoder {
    fn value(&mut self, vm: &mut Vm, value: &Value) -> PyResult<()> {
        match kind(value) {
            Kind::Null => self.out.push_str("null"),
            Kind::Bool(true) => self.out.push_str("true"),
            Kind::Bool(false) => self.out.push_str("false"),
            Kind::Int(i) => write_int(&mut self.out, i),
            Kind::BigInt(i) => self.out.push_str(&int::to_str(i)?),
            Kind::Float(f) => self.float(f)?,
            Kind::Str(s) => write_string(&mut self.out, s, self.ensure_ascii),
            _ => return self.container(vm, value),
        }
        // A scalar ends a chunk.
        self.mark();
        Ok(())
    }

    /// A value that is not a scalar: an array, an object, or what
    /// `default` makes of another object.
    fn container(&mut self, vm: &mut Vm, value: &Value) -> PyResult<()> {
        // Every nested value counts, an empty array or object too (as
        // CPython's encoder counts them).
        self.depth += 1;
        if self.depth > self.limit || krait_vm::interpreter::stack_exhausted() {
            return Err(recursion_error(if self.python_encoder() {
                "while calling a Python object"
            } else {
                "while encoding a JSON object"
            }));
        }
        let result = self.container_body(vm, value);
        self.depth -= 1;
        result
    }

    fn container_body(&mut self, vm: &mut Vm, value: &Value) -> PyResult<()> {
        match kind(value) {
            Kind::Null
            | Kind::Bool(_)
            | Kind::Int(_)
            | Kind::BigInt(_)
            | Kind::Float(_)
            | Kind::Str(_) => return self.value(vm, value),
            Kind::List(list) if value.as_list().is_some() => {
                if list.is_empty() {
                    self.out.push_str("[]");
                    self.mark();
                    return Ok(());
                }
                self.enter(value)?;
                self.open('[', false);
                // By index, reading the length each time: `default` may
                // run Python code that changes the list.
                let mut i = 0;
                while let Some(item) = list.get(i) {
                    if i > 0 {
                        self.separator(false);
                    }
                    self.item_value(vm, &item)?;
                    i += 1;
                }
                self.close(']');
                self.leave();
            }
            Kind::Tuple(items) if value.as_tuple().is_some() => {
                if items.is_empty() {
                    self.out.push_str("[]");
                    self.mark();
                    return Ok(());
                }
                self.enter(value)?;
                self.open('[', false);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.separator(false);
                    }
                    self.item_value(vm, item)?;
                }
                self.close(']');
                self.leave();
            }
            // A subclass of list or tuple is iterated (its `__iter__`
            // counts, as CPython's `PySequence_Fast` makes a list of it).
            Kind::List(_) | Kind::Tuple(_) => {
                let items = krait_vm::protocol::collect(vm, value)?;
                if items.is_empty() {
                    self.out.push_str("[]");
                    self.mark();
                    return Ok(());
                }
                self.enter(value)?;
                self.open('[', false);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.separator(false);
                    }
                    self.item_value(vm, item)?;
                }
                self.close(']');
                self.leave();
            }
            Kind::Dict(dict) => {
                if dict.is_empty() {
                    self.out.push_str("{}");
                    self.mark();
                    return Ok(());
                }
                self.enter(value)?;
                if self.sort_keys {
                    let pairs = dict.items();
                    self.dict_items(vm, pairs)?;
                } else {
                    self.open('{', true);
                    let mut first = true;
                    let mut i = 0;
                    loop {
                        // Cloned out of the table: encoding the value may
                        // run Python code that changes the dict.
                        let Some((at, k, v)) = dict
                            .table()
                            .entry_from(i)
                            .map(|(at, k, v)| (at, k.clone(), v.clone()))
                        else {
                            break;
                        };
                        i = at + 1;
                        self.item(vm, &k, &v, &mut first)?;
                    }
                    self.close('}');
                }
                self.leave();
            }
            Kind::DictSubclass => {
                let items = vm.get_attr(value, "items")?;
                let items = vm.call(&items, Args::new(&[]))?;
                let mut pairs = Vec::new();
                for item in krait_vm::protocol::collect(vm, &items)? {
                    match item.as_tuple_or_subclass().map(|t| t.as_slice()) {
                        Some([k, v]) => pairs.push((k.clone(), v.clone())),
                        _ => return Err(PyErr::value_error("items must return 2-tuples")),
                    }
                }
                if pairs.is_empty() {
                    self.out.push_str("{}");
                    self.mark();
                    return Ok(());
                }
                self.enter(value)?;
                self.dict_items(vm, pairs)?;
                self.leave();
            }
            Kind::Other => {
                self.enter(value)?;
                let replacement = vm.call(&self.default, Args::new(std::slice::from_ref(value)))?;
                self.value(vm, &replacement)?;
                self.leave();
            }
        }
        Ok(())
    }

    /// An item of an array: a nested container or object starts a chunk.
    fn item_value(&mut self, vm: &mut Vm, value: &Value) -> PyResult<()> {
        if self.marks.is_some()
            && !matches!(
                kind(value),
                Kind::Null
                    | Kind::Bool(_)
                    | Kind::Int(_)
                    | Kind::BigInt(_)
                    | Kind::Float(_)
                    | Kind::Str(_)
            )
        {
            self.mark();
        }
        self.value(vm, value)
    }

    #[inline]
    fn mark(&mut self) {
        if let Some(marks) = &mut self.marks {
            marks.push(self.out.len());
        }
    }

    /// A dict's items, sorted by key first with `sort_keys`.
    fn dict_items(&mut self, vm: &mut Vm, mut pairs: Vec<(Value, Value)>) -> PyResult<()> {
        if self.sort_keys {
            if pairs.iter().all(|(k, _)| k.as_str().is_some()) {
                // UTF-8 byte order is code point order, str's order.
                pairs.sort_by(|a, b| str_bytes(&a.0).cmp(str_bytes(&b.0)));
            } else {
                // Python's order over (key, value) tuples, as
                // `sorted(d.items())`: `__lt__` of the keys may run.
                let mut tuples: Vec<Value> = pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect();
                krait_vm::builtins::list::sort_values(&mut tuples, None, false, &mut |a, b| {
                    vm.compare(CompareOp::Lt, a, b)
                })?;
                pairs = tuples
                    .iter()
                    .filter_map(|t| match t.as_tuple().map(|t| t.as_slice()) {
                        Some([k, v]) => Some((k.clone(), v.clone())),
                        _ => None,
                    })
                    .collect();
            }
        }
        self.open('{', true);
        let mut first = true;
        for (k, v) in &pairs {
            self.item(vm, k, v, &mut first)?;
        }
        self.close('}');
        Ok(())
    }

    /// One `"key": value` of an object (nothing for a skipped key).
    fn item(&mut self, vm: &mut Vm, key: &Value, value: &Value, first: &mut bool) -> PyResult<()> {
        let text: std::borrow::Cow<'_, str> = match kind(key) {
            Kind::Str(s) => s.into(),
            Kind::Float(f) => self.float_text(f)?.into(),
            Kind::Bool(true) => "true".into(),
            Kind::Bool(false) => "false".into(),
            Kind::Null => "null".into(),
            Kind::Int(i) => {
                let mut text = String::new();
                write_int(&mut text, i);
                text.into()
            }
            Kind::BigInt(i) => int::to_str(i)?.into(),
            _ if self.skipkeys => return Ok(()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    key.type_name()
                )));
            }
        };
        if *first {
            *first = false;
        } else {
            self.separator(true);
        }
        write_string(&mut self.out, &text, self.ensure_ascii);
        self.mark();
        self.out.push_str(&self.key_separator);
        self.mark();
        self.value(vm, value)
    }

    fn float_text(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float::repr(f));
        }
        if !self.allow_nan {
            // CPython's two encoders differ: the Python one (used with an
            // indent) names the value.
            let mut message = "Out of range float values are not JSON compliant".to_string();
            if self.python_encoder() {
                message.push_str(": ");
                message.push_str(&float::repr(f));
            }
            return Err(PyErr::value_error(message));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn float(&mut self, f: f64) -> PyResult<()> {
        if f.is_finite() {
            write_float(&mut self.out, f);
            return Ok(());
        }
        let text = self.float_text(f)?;
        self.out.push_str(&text);
        Ok(())
    }

    /// Whether CPython would use its Python encoder (with an indent, or
    /// for chunks), whose messages differ from the C encoder's.
    fn python_encoder(&self) -> bool {
        self.indent.is_some() || self.marks.is_some()
    }

    /// The cycle check on entering a container (or an object given to
    /// `default`); `leave` undoes it.
    fn enter(&mut self, value: &Value) -> PyResult<()> {
        if self.check_circular {
            // Immediate values (address 0) cannot nest: never a cycle,
            // but pushed all the same so that `leave` pops them.
            let at = address(value);
            if at != 0 && self.markers.contains(&at) {
                return Err(PyErr::value_error("Circular reference detected"));
            }
            self.markers.push(at);
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.check_circular {
            self.markers.pop();
        }
    }

    fn newline_indent(&mut self) {
        if let Some(indent) = &self.indent {
            self.out.push('\n');
            for _ in 0..self.level {
                self.out.push_str(indent);
            }
        }
    }

    /// An opening bracket (and the first line's indent); an object's
    /// bracket is a chunk of its own, an array's goes with its first item.
    fn open(&mut self, bracket: char, object: bool) {
        self.out.push(bracket);
        if object {
            self.mark();
        }
        if self.indent.is_some() {
            self.level += 1;
            self.newline_indent();
            if object {
                self.mark();
            }
        }
    }

    fn separator(&mut self, object: bool) {
        self.out.push_str(&self.item_separator);
        self.newline_indent();
        if object {
            self.mark();
        }
    }

    fn close(&mut self, bracket: char) {
        if self.indent.is_some() {
            self.level -= 1;
            self.newline_indent();
            self.mark();
        }
        self.out.push(bracket);
        self.mark();
    }
}

/// The UTF-8 bytes of an exact str (empty for anything else).
fn str_bytes(value: &Value) -> &[u8] {
    value.as_str().map_or(&[], |s| s.as_str().as_bytes())
}

/// Decimal digits of `i`, without the formatting machinery (ints are
/// most of what a document holds).
fn write_int(out: &mut String, i: i64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut n = i.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    // The bytes are ASCII digits.
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

fn write_float(out: &mut String, f: f64) {
    out.push_str(&float::repr(f));
}

// ---------------------------------------------------------------------------
// Decoding.

/// FxHash over the bytes of a key: the memo of object keys is probed once
/// per key of every object, and SipHash would cost more than the probe.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

struct Decoder<'a> {
    text: &'a str,
    bytes: &'a [u8],
    doc: &'a Value,
    /// The text is ASCII: byte offsets are code point indices.
    ascii: bool,
    strict: bool,
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
    error_class: Value,
    /// One str object per distinct key text: repeated keys (the same
    /// fields in every record) share it and its cached hash.
    memo: HashMap<&'a str, Value, BuildHasherDefault<FxHasher>>,
    /// The items of the arrays and the pairs of the objects being read,
    /// innermost last: each container takes its own off the top when it
    /// ends, into a vector of the exact size (no growth per container).
    items: Vec<Value>,
    pairs: Vec<(Value, Value)>,
    depth: usize,
    limit: usize,
}

/// What a failed parse reports: an error message at a byte offset, or an
/// exception already raised (by a hook, or a RecursionError).
enum Failure {
    At(&'static str, usize),
    Raised(PyErr),
}

impl From<PyErr> for Failure {
    fn from(err: PyErr) -> Failure {
        Failure::Raised(err)
    }
}

type Parsed<T = Value> = Result<T, Failure>;

fn option(value: &Value) -> Option<Value> {
    (!value.is_none()).then(|| value.clone())
}

fn scan(vm: &mut Vm, args: Args) -> PyResult {
    args.check("scan", 10, 10)?;
    let p = args.pos;
    let whole = truthy(&p[2]);
    let text = match p[0].as_str_or_subclass() {
        Some(text) => text,
        // `decode` fails in CPython's regular expression first.
        None if whole => {
            return Err(PyErr::type_error(format!(
                "expected string or bytes-like object, got '{}'",
                p[0].type_name()
            )));
        }
        None => first_str(&args)?,
    };
    let mut decoder = Decoder {
        text: text.as_str(),
        bytes: text.as_str().as_bytes(),
        doc: &p[0],
        ascii: text.is_ascii(),
        strict: truthy(&p[3]),
        object_hook: option(&p[4]),
        object_pairs_hook: option(&p[5]),
        parse_float: option(&p[6]),
        parse_int: option(&p[7]),
        parse_constant: option(&p[8]),
        error_class: p[9].clone(),
        memo: HashMap::default(),
        items: Vec::new(),
        pairs: Vec::new(),
        depth: 0,
        limit: depth_limit(vm),
    };
    let result = if whole {
        decoder.document(vm)
    } else {
        let idx = match int::as_int(p[1].builtin_value()).and_then(|i| i.to_i64()) {
            Some(i) if i < 0 => return Err(PyErr::value_error("idx cannot be negative")),
            Some(i) => i as usize,
            None => return Err(PyErr::type_error("idx must be an int")),
        };
        if idx > text.char_len() {
            // Past the end: nothing there (CPython reports this index).
            return Err(decoder.error(vm, "Expecting value", idx, false));
        }
        let start = text.byte_offset(idx);
        decoder.value(vm, start).map(|(value, end)| {
            let end = Value::from(decoder.char_index(end));
            Value::tuple(vec![value, end])
        })
    };
    result.map_err(|failure| match failure {
        Failure::At(message, at) => decoder.error(vm, message, at, true),
        Failure::Raised(err) => err,
    })
}

/// Whether `b` is JSON whitespace.
#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a> Decoder<'a> {
    /// The code point index of byte offset `at`.
    fn char_index(&self, at: usize) -> usize {
        if self.ascii {
            at
        } else {
            let at = at.min(self.bytes.len());
            self.bytes[..at]
                .iter()
                .filter(|&&b| b & 0xc0 != 0x80)
                .count()
        }
    }

    /// `error_class(message, doc, pos)` raised (`at` a byte offset when
    /// `bytes`, else already a code point index).
    fn error(&self, vm: &mut Vm, message: &str, at: usize, bytes: bool) -> PyErr {
        let pos = if bytes { self.char_index(at) } else { at };
        let args = [Value::str(message), self.doc.clone(), Value::from(pos)];
        match vm.call(&self.error_class, Args::new(&args)) {
            Ok(exception) => PyErr::from_value(&exception)
                .unwrap_or_else(|| PyErr::type_error("exceptions must derive from BaseException")),
            Err(err) => err,
        }
    }

    fn skip_space(&self, mut at: usize) -> usize {
        while at < self.bytes.len() && is_space(self.bytes[at]) {
            at += 1;
        }
        at
    }

    /// The whole document: whitespace, one value, whitespace, the end.
    fn document(&mut self, vm: &mut Vm) -> Parsed {
        let start = self.skip_space(0);
        let (value, end) = self.value(vm, start)?;
        let end = self.skip_space(end);
        if end != self.bytes.len() {
            return Err(Failure::At("Extra data", end));
        }
        Ok(value)
    }

    /// The value starting at byte `at`, and the offset after it.
    fn value(&mut self, vm: &mut Vm, at: usize) -> Parsed<(Value, usize)> {
        let Some(&b) = self.bytes.get(at) else {
            return Err(Failure::At("Expecting value", at));
        };
        match b {
            b'"' => self.string(at + 1),
            b'{' => {
                self.enter("while decoding a JSON object from a unicode string")?;
                let result = self.object(vm, at + 1);
                self.depth -= 1;
                result
            }
            b'[' => {
                self.enter("while decoding a JSON array from a unicode string")?;
                let result = self.array(vm, at + 1);
                self.depth -= 1;
                result
            }
            b'n' if self.bytes[at..].starts_with(b"null") => Ok((Value::None, at + 4)),
            b't' if self.bytes[at..].starts_with(b"true") => Ok((Value::bool(true), at + 4)),
            b'f' if self.bytes[at..].starts_with(b"false") => Ok((Value::bool(false), at + 5)),
            b'N' if self.bytes[at..].starts_with(b"NaN") => {
                Ok((self.constant(vm, "NaN", f64::NAN)?, at + 3))
            }
            b'I' if self.bytes[at..].starts_with(b"Infinity") => {
                Ok((self.constant(vm, "Infinity", f64::INFINITY)?, at + 8))
            }
            b'-' if self.bytes[at..].starts_with(b"-Infinity") => {
                Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, at + 9))
            }
            b'-' | b'0'..=b'9' => self.number(vm, at),
            _ => Err(Failure::At("Expecting value", at)),
        }
    }

    fn enter(&mut self, what: &str) -> Parsed<()> {
        if self.depth >= self.limit || krait_vm::interpreter::stack_exhausted() {
            return Err(Failure::Raised(recursion_error(what)));
        }
        self.depth += 1;
        Ok(())
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, value: f64) -> PyResult {
        match &self.parse_constant {
            None => Ok(Value::float(value)),
            Some(hook) => {
                let hook = hook.clone();
                vm.call(&hook, Args::new(&[Value::str(name)]))
            }
        }
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`; a
    /// fraction or exponent without digits is left for the caller ("1."
    /// is 1 followed by extra data, as in CPython).
    fn number(&mut self, vm: &mut Vm, start: usize) -> Parsed<(Value, usize)> {
        let bytes = self.bytes;
        let mut at = start;
        if bytes[at] == b'-' {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'1'..=b'9') => {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_digit() {
                    at += 1;
                }
            }
            Some(b'0') => at += 1,
            _ => return Err(Failure::At("Expecting value", start)),
        }
        let int_end = at;
        let mut is_float = false;
        if bytes.get(at) == Some(&b'.') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 2;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            is_float = true;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            let mut e = at + 1;
            if matches!(bytes.get(e), Some(b'-' | b'+')) {
                e += 1;
            }
            let digits = e;
            while e < bytes.len() && bytes[e].is_ascii_digit() {
                e += 1;
            }
            if e > digits {
                at = e;
                is_float = true;
            }
        }
        let literal = &self.text[start..at];
        let value = if is_float {
            match &self.parse_float {
                None => Value::float(literal.parse::<f64>().unwrap_or(f64::NAN)),
                Some(hook) => {
                    let hook = hook.clone();
                    vm.call(&hook, Args::new(&[str_value(literal)]))?
                }
            }
        } else {
            match &self.parse_int {
                None if int_end - start <= 18 => {
                    let (negative, digits) = match literal.strip_prefix('-') {
                        Some(digits) => (true, digits),
                        None => (false, literal),
                    };
                    let magnitude = digits
                        .bytes()
                        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
                    Value::Int(if negative { -magnitude } else { magnitude })
                }
                None => int::parse(literal, 10)?,
                Some(hook) => {
                    let hook = hook.clone();
                    vm.call(&hook, Args::new(&[str_value(literal)]))?
                }
            }
        };
        Ok((value, at))
    }

    /// A string whose opening quote is just before `start`.
    fn string(&mut self, start: usize) -> Parsed<(Value, usize)> {
        let (text, end) = self.string_text(start)?;
        let value = match text {
            std::borrow::Cow::Borrowed(s) => str_value(s),
            std::borrow::Cow::Owned(s) => Value::str(s),
        };
        Ok((value, end))
    }

    /// The text of a string literal (borrowed from the document when it
    /// has no escapes) and the offset after its closing quote.
    fn string_text(&self, start: usize) -> Parsed<(std::borrow::Cow<'a, str>, usize)> {
        let bytes = self.bytes;
        let quote = start - 1;
        let mut at = start;
        // The common case: no escapes until the closing quote.
        while let Some(&b) = bytes.get(at) {
            match b {
                b'"' => return Ok((std::borrow::Cow::Borrowed(&self.text[start..at]), at + 1)),
                b'\\' => break,
                0..=0x1f if self.strict => {
                    return Err(Failure::At("Invalid control character at", at));
                }
                _ => at += 1,
            }
        }
        let mut out = String::with_capacity(at - start + 16);
        out.push_str(&self.text[start..at]);
        let mut run = at;
        loop {
            let Some(&b) = bytes.get(at) else {
                return Err(Failure::At("Unterminated string starting at", quote));
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[run..at]);
                    return Ok((std::borrow::Cow::Owned(out), at + 1));
                }
                b'\\' => {
                    out.push_str(&self.text[run..at]);
                    let Some(&escape) = bytes.get(at + 1) else {
                        return Err(Failure::At("Unterminated string starting at", quote));
                    };
                    at += 2;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\x08'),
                        b'f' => out.push('\x0c'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let unit = self.hex4(at)?;
                            at += 4;
                            let mut cp = unit;
                            if (0xd800..0xdc00).contains(&unit)
                                && bytes.get(at) == Some(&b'\\')
                                && bytes.get(at + 1) == Some(&b'u')
                            {
                                let low = self.hex4(at + 2)?;
                                if (0xdc00..0xe000).contains(&low) {
                                    cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                                    at += 6;
                                }
                            }
                            // (A lone surrogate is kept as its stand-in.)
                            out.extend(krait_vm::builtins::str::char_for_code_point(cp));
                        }
                        _ => return Err(Failure::At("Invalid \\escape", at - 2)),
                    }
                    run = at;
                }
                0..=0x1f if self.strict => {
                    return Err(Failure::At("Invalid control character at", at));
                }
                _ => at += 1,
            }
        }
    }

    /// The four hex digits at `at` (just after a `\u`). Something must
    /// follow them (at least the closing quote): CPython reports an escape
    /// that reaches the end of the document as invalid, not unterminated.
    fn hex4(&self, at: usize) -> Parsed<u32> {
        let digits = self
            .bytes
            .get(at..at + 4)
            .filter(|_| at + 4 < self.bytes.len());
        let value = digits.and_then(|d| {
            d.iter().try_fold(0u32, |n, &b| {
                (b as char).to_digit(16).map(|digit| n * 16 + digit)
            })
        });
        value.ok_or(Failure::At("Invalid \\uXXXX escape", at - 1))
    }

    /// An object whose `{` is just before `at`.
    fn object(&mut self, vm: &mut Vm, at: usize) -> Parsed<(Value, usize)> {
        let bytes = self.bytes;
        let mut at = self.skip_space(at);
        let first = self.pairs.len();
        if bytes.get(at) != Some(&b'}') {
            loop {
                if bytes.get(at) != Some(&b'"') {
                    return Err(Failure::At(
                        "Expecting property name enclosed in double quotes",
                        at,
                    ));
                }
                let (text, end) = self.string_text(at + 1)?;
                let key = match text {
                    std::borrow::Cow::Borrowed(s) => match self.memo.get(s) {
                        Some(key) => key.clone(),
                        None => {
                            let key = str_value(s);
                            self.memo.insert(s, key.clone());
                            key
                        }
                    },
                    std::borrow::Cow::Owned(s) => Value::str(s),
                };
                at = self.skip_space(end);
                if bytes.get(at) != Some(&b':') {
                    return Err(Failure::At("Expecting ':' delimiter", at));
                }
                at = self.skip_space(at + 1);
                let (value, end) = self.value(vm, at)?;
                self.pairs.push((key, value));
                at = self.skip_space(end);
                match bytes.get(at) {
                    Some(b'}') => break,
                    Some(b',') => at = self.skip_space(at + 1),
                    _ => return Err(Failure::At("Expecting ',' delimiter", at)),
                }
            }
        }
        let end = at + 1;
        let pairs: Vec<(Value, Value)> = self.pairs.drain(first..).collect();
        if let Some(hook) = self.object_pairs_hook.clone() {
            let list: Vec<Value> = pairs
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect();
            return Ok((vm.call(&hook, Args::new(&[Value::list(list)]))?, end));
        }
        let dict = Value::dict(PyDict::from_pairs(pairs)?);
        match self.object_hook.clone() {
            Some(hook) => Ok((vm.call(&hook, Args::new(&[dict]))?, end)),
            None => Ok((dict, end)),
        }
    }

    /// An array whose `[` is just before `at`.
    fn array(&mut self, vm: &mut Vm, at: usize) -> Parsed<(Value, usize)> {
        let bytes = self.bytes;
        let mut at = self.skip_space(at);
        let first = self.items.len();
        if bytes.get(at) != Some(&b']') {
            loop {
                let (value, end) = self.value(vm, at)?;
                self.items.push(value);
                at = self.skip_space(end);
                match bytes.get(at) {
                    Some(b']') => break,
                    Some(b',') => at = self.skip_space(at + 1),
                    _ => return Err(Failure::At("Expecting ',' delimiter", at)),
                }
            }
        }
        let items: Vec<Value> = self.items.drain(first..).collect();
        Ok((Value::list(items), at + 1))
    }
}

// ---------------------------------------------------------------------------
// Bytes.

/// `json.loads` of bytes: the encoding is told by where the zero bytes of
/// the first four are (a JSON text starts with two ASCII characters), or
/// by a byte order mark.
fn decode_bytes(vm: &mut Vm, args: Args) -> PyResult {
    args.check("decode_bytes", 1, 1)?;
    let Some(data) = krait_vm::buffer::bytes_like(&args.pos[0])? else {
        return Err(PyErr::type_error(format!(
            "the JSON object must be str, bytes or bytearray, not {}",
            args.pos[0].type_name()
        )));
    };
    let data = data.to_vec();
    let b = &data[..];
    let z = |i: usize| b.get(i) == Some(&0);
    let (unit, big_endian, skip) = if b.starts_with(&[0xff, 0xfe, 0, 0]) {
        (4, false, 4)
    } else if b.starts_with(&[0, 0, 0xfe, 0xff]) {
        (4, true, 4)
    } else if b.starts_with(&[0xff, 0xfe]) {
        (2, false, 2)
    } else if b.starts_with(&[0xfe, 0xff]) {
        (2, true, 2)
    } else if b.starts_with(&[0xef, 0xbb, 0xbf]) {
        (1, false, 3)
    } else if b.len() >= 4 && z(0) {
        if z(1) { (4, true, 0) } else { (2, true, 0) }
    } else if b.len() >= 4 && z(1) {
        if z(2) && z(3) {
            (4, false, 0)
        } else {
            (2, false, 0)
        }
    } else if b.len() == 2 && z(0) {
        (2, true, 0)
    } else if b.len() == 2 && z(1) {
        (2, false, 0)
    } else {
        (1, false, 0)
    };
    let b = &b[skip..];
    let bad = |name: &str, at: usize, reason: &str| {
        PyErr::new(
            ExcType::UnicodeDecodeError,
            format!("'{name}' codec can't decode bytes in position {at}: {reason}"),
        )
    };
    let text = match unit {
        1 => match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            // `bytes.decode` says what is wrong, in CPython's words.
            Err(_) => {
                let data = Value::bytes(b.to_vec());
                let decode = vm.get_attr(&data, "decode")?;
                return vm.call(&decode, Args::new(&[Value::str("utf-8")]));
            }
        },
        2 => {
            if b.len() % 2 != 0 {
                return Err(bad("utf-16", b.len() - 1, "truncated data"));
            }
            let units = b.chunks_exact(2).map(|c| {
                if big_endian {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect()
        }
        _ => {
            if b.len() % 4 != 0 {
                return Err(bad("utf-32", b.len() & !3, "truncated data"));
            }
            let mut s = String::with_capacity(b.len() / 4);
            for (i, c) in b.chunks_exact(4).enumerate() {
                let cp = if big_endian {
                    u32::from_be_bytes([c[0], c[1], c[2], c[3]])
                } else {
                    u32::from_le_bytes([c[0], c[1], c[2], c[3]])
                };
                match char::from_u32(cp) {
                    Some(c) => s.push(c),
                    None => return Err(bad("utf-32", i * 4, "code point not in range(0x110000)")),
                }
            }
            s
        }
    };
    Ok(Value::str(text))
}
