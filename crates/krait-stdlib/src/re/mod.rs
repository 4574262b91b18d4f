//! `_re`: the regular-expression engine under `lib/re.py` (CPython's
//! `_sre`, with its own interface): `compile(pattern, flags)` makes a
//! `re.Pattern`, whose methods (`match`, `search`, `findall`, `sub`...)
//! give `re.Match` objects. The parser is in `parse`, the matcher in
//! `engine`; this file turns subjects and results into Python values.
//!
//! `re.error` is a Python class (`lib/re.py`); the module registers it
//! with `set_error` so that errors found here are raised as it.

mod engine;
mod parse;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params, PyBuiltinFunction, Signature};
use krait_vm::builtins::int::as_int;
use krait_vm::native::{NativeData, NativeObject, native_type, native_type_in};
use krait_vm::typeobject::{ExcType, TypeObject};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use engine::{Matcher, NONE, Program};
use parse::Error;

pub const FLAG_ASCII: u32 = 256;

thread_local! {
    static PATTERN_TYPE: Rc<TypeObject> = re_type("Pattern", PATTERN_METHODS);
    static MATCH_TYPE: Rc<TypeObject> = re_type("Match", MATCH_METHODS);
    static ITER_TYPE: Rc<TypeObject> = native_type("callable_iterator", ITER_METHODS);
    static ERROR_CLASS: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// A native type shown as `re.NAME`, subscriptable in annotations
/// (`re.Pattern[str]`).
fn re_type(name: &str, methods: &'static [MethodDef]) -> Rc<TypeObject> {
    let class = native_type_in("re", name, methods);
    let mut dict = class.dict.borrow_mut();
    let (hook_name, hook): (&'static str, krait_vm::builtins::function::NativeFunction) =
        if name == "Pattern" {
            ("__class_getitem__", pattern_class_getitem)
        } else {
            ("__class_getitem__", match_class_getitem)
        };
    dict.insert(
        Box::from(hook_name),
        Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
            name: hook_name,
            func: hook,
        })),
    );
    drop(dict);
    // The namespace changed after the type was made: no cached lookup may
    // remember it without these.
    krait_vm::typeobject::classes_changed();
    class
}

fn pattern_class_getitem(_: &mut Vm, args: Args) -> PyResult {
    args.check("__class_getitem__", 1, 1)?;
    let origin = krait_vm::builtins::constructors::type_value(&PATTERN_TYPE.with(Rc::clone));
    Ok(krait_vm::builtins::generic_alias::generic_alias(
        origin,
        &args.pos[0],
    ))
}

fn match_class_getitem(_: &mut Vm, args: Args) -> PyResult {
    args.check("__class_getitem__", 1, 1)?;
    let origin = krait_vm::builtins::constructors::type_value(&MATCH_TYPE.with(Rc::clone));
    Ok(krait_vm::builtins::generic_alias::generic_alias(
        origin,
        &args.pos[0],
    ))
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    let function = |name: &'static str, func| {
        (
            name,
            Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func })),
        )
    };
    let class = |t: &'static std::thread::LocalKey<Rc<TypeObject>>| {
        krait_vm::builtins::constructors::type_value(&t.with(Rc::clone))
    };
    Ok(vec![
        function("compile", compile),
        function("set_error", set_error),
        ("Pattern", class(&PATTERN_TYPE)),
        ("Match", class(&MATCH_TYPE)),
        ("MAXREPEAT", Value::Int(i64::from(parse::MAXREPEAT))),
    ])
}

fn set_error(_: &mut Vm, args: Args) -> PyResult {
    args.check("set_error", 1, 1)?;
    ERROR_CLASS.with(|e| *e.borrow_mut() = Some(args.pos[0].clone()));
    Ok(Value::None)
}

/// `re.error(msg, pattern, pos)` (a ValueError before `re` registered it).
fn re_error(vm: &mut Vm, msg: &str, pattern: &Value, pos: Option<usize>) -> PyErr {
    let Some(class) = ERROR_CLASS.with(|e| e.borrow().clone()) else {
        return PyErr::value_error(msg.to_string());
    };
    // CPython gives the pattern only with a position.
    let call = match pos {
        Some(p) => vm.call(
            &class,
            Args::new(&[Value::str(msg), pattern.clone(), Value::Int(p as i64)]),
        ),
        None => vm.call(&class, Args::new(&[Value::str(msg)])),
    };
    match call {
        Ok(exc) => PyErr::from_value(&exc).unwrap_or_else(|| PyErr::value_error(msg.to_string())),
        Err(e) => e,
    }
}

fn to_pyerr(vm: &mut Vm, e: Error, pattern: &Value) -> PyErr {
    match e {
        Error::Re(msg, pos) => re_error(vm, &msg, pattern, pos),
        Error::Overflow(msg) => PyErr::overflow_error(msg),
        Error::Recursion => PyErr::new(ExcType::RecursionError, "maximum recursion depth exceeded"),
        Error::Value(msg) => PyErr::value_error(msg),
        Error::Index(msg) => PyErr::index_error(msg),
    }
}

// ---------------------------------------------------------------------------
// Subjects.

/// A subject's units: borrowed bytes (a bytes object or an ASCII str,
/// where byte offsets are code-point indices) or the code points of a
/// non-ASCII str.
enum Units<'a> {
    /// Borrowed from a bytes object or a str; a copy of another buffer
    /// (`bytearray`, `memoryview`, `array`), which Python code run during
    /// the match could change.
    Bytes(std::borrow::Cow<'a, [u8]>),
    Chars(Rc<[char]>),
}

fn units<'a>(value: &'a Value, is_bytes: bool) -> PyResult<Units<'a>> {
    if let Some(s) = value.as_str_or_subclass() {
        if is_bytes {
            return Err(PyErr::type_error(
                "cannot use a bytes pattern on a string-like object",
            ));
        }
        return Ok(if s.is_ascii() {
            Units::Bytes(s.as_str().as_bytes().into())
        } else {
            Units::Chars(code_points_of(value, s))
        });
    }
    if let Some(b) = value.as_bytes_or_subclass() {
        if !is_bytes {
            return Err(PyErr::type_error(
                "cannot use a string pattern on a bytes-like object",
            ));
        }
        return Ok(Units::Bytes(b.as_bytes().into()));
    }
    if let Some(buffer) = krait_vm::buffer::bytes_like(value)? {
        if !is_bytes {
            return Err(PyErr::type_error(
                "cannot use a string pattern on a bytes-like object",
            ));
        }
        return Ok(Units::Bytes(buffer.to_vec().into()));
    }
    Err(PyErr::type_error(format!(
        "expected string or bytes-like object, got '{}'",
        value.type_name()
    )))
}

/// A str (weakly, naming it) and its code points.
type CachedSubject = (std::rc::Weak<PyObject>, Rc<[char]>);

thread_local! {
    /// The code points of the last non-ASCII str searched, with a weak
    /// reference naming that str: a scanner calling `r.match(s, pos)` over
    /// one long text then decodes it once, not once per call (CPython
    /// indexes its fixed-width strings directly). Weak, so the cache
    /// keeps no string alive and the allocation (hence the identity) is
    /// not reused while the entry names it; a weak reference also stops
    /// `s += t` from growing that str in place, so the code points cannot
    /// go stale.
    static LAST_SUBJECT: RefCell<Option<CachedSubject>> = const { RefCell::new(None) };
}

/// The code points of a non-ASCII str subject (`text` is `value`'s str).
fn code_points_of(value: &Value, text: &krait_vm::builtins::str::PyStr) -> Rc<[char]> {
    let Value::Obj(object) = value.builtin_value() else {
        return text.as_str().chars().collect();
    };
    LAST_SUBJECT.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((weak, chars)) = &*cache
            && std::ptr::eq(weak.as_ptr(), Rc::as_ptr(object))
        {
            return chars.clone();
        }
        let chars: Rc<[char]> = text.as_str().chars().collect();
        *cache = Some((Rc::downgrade(object), chars.clone()));
        chars
    })
}

impl Units<'_> {
    fn len(&self) -> usize {
        match self {
            Units::Bytes(b) => b.len(),
            Units::Chars(c) => c.len(),
        }
    }

    fn search(
        &self,
        m: &mut Matcher,
        endpos: usize,
        start: usize,
        anchored: bool,
        full: bool,
        must_advance: bool,
    ) -> bool {
        match self {
            Units::Bytes(b) => m.search(&b[..endpos], start, anchored, full, must_advance),
            Units::Chars(c) => m.search(&c[..endpos], start, anchored, full, must_advance),
        }
    }
}

/// `string[a:b]` of a str or bytes subject.
fn slice(string: &Value, units: Option<&Units>, a: usize, b: usize) -> Value {
    // Spans are ordered by construction; never panic if one is not.
    let b = b.max(a);
    if let Some(s) = string.as_str_or_subclass() {
        return match units {
            Some(Units::Chars(c)) => Value::str(c[a..b].iter().collect::<String>()),
            _ if s.is_ascii() => Value::str(&s.as_str()[a..b]),
            _ => Value::str(s.substr(a, b)),
        };
    }
    if let Some(bytes) = string.as_bytes_or_subclass() {
        return Value::bytes(bytes.as_bytes()[a..b].to_vec());
    }
    // Another buffer's slice is bytes, as CPython's `getslice` makes.
    match krait_vm::buffer::bytes_like(string) {
        Ok(Some(buffer)) => Value::bytes(buffer.get(a..b).unwrap_or_default().to_vec()),
        _ => Value::None,
    }
}

// ---------------------------------------------------------------------------
// Patterns.

pub struct PatternData {
    pattern: Value,
    flags: u32,
    is_bytes: bool,
    prog: Program,
    groups: usize,
    names: Vec<(String, usize)>,
}

impl NativeData for PatternData {
    fn weakrefable(&self) -> bool {
        true
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "pattern" => Some(self.pattern.clone()),
            "flags" => Some(Value::Int(i64::from(self.flags))),
            "groups" => Some(Value::Int(self.groups as i64)),
            "groupindex" => {
                let dict = krait_vm::builtins::dict::PyDict::new();
                for (n, g) in &self.names {
                    let _ = dict.set_item(Value::str(n.as_str()), Value::Int(*g as i64));
                }
                Some(Value::dict(dict))
            }
            _ => None,
        }
    }
}

impl PatternData {
    fn group_index(&self, vm: &mut Vm, key: &Value) -> PyResult<usize> {
        let _ = vm;
        if let Some(s) = key.as_str_or_subclass() {
            if let Some((_, g)) = self.names.iter().find(|(n, _)| n == s.as_str()) {
                return Ok(*g);
            }
        } else if let Some(i) = as_int(key).and_then(|i| i.to_i64())
            && i >= 0
            && (i as usize) <= self.groups
        {
            return Ok(i as usize);
        }
        Err(PyErr::index_error("no such group"))
    }
}

/// `_re.compile(pattern, flags)`.
fn compile(vm: &mut Vm, args: Args) -> PyResult {
    args.check("compile", 2, 2)?;
    let pattern = args.pos[0].clone();
    let flags = as_int(&args.pos[1])
        .and_then(|i| i.to_i64())
        .ok_or_else(|| PyErr::type_error("flags must be an integer"))? as u32;
    let (src, is_bytes): (Vec<u32>, bool) = if let Some(s) = pattern.as_str_or_subclass() {
        (s.as_str().chars().map(|c| c as u32).collect(), false)
    } else if let Some(b) = pattern.as_bytes_or_subclass() {
        (b.as_bytes().iter().map(|&b| u32::from(b)).collect(), true)
    } else {
        return Err(PyErr::type_error(
            "first argument must be string or compiled pattern",
        ));
    };
    let parsed = match parse::parse(&src, is_bytes, flags) {
        Ok(p) => p,
        Err(e) => return Err(to_pyerr(vm, e, &pattern)),
    };
    let prog = engine::compile(&parsed.node, parsed.groups);
    let data = PatternData {
        pattern,
        flags: parsed.flags,
        is_bytes,
        prog,
        groups: parsed.groups,
        names: parsed.names,
    };
    Ok(NativeObject::new_value(PATTERN_TYPE.with(Rc::clone), data))
}

fn pattern_of(receiver: &Value) -> PyResult<&PatternData> {
    receiver.native::<PatternData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 're.Pattern' object but received a '{}'",
            receiver.type_name()
        ))
    })
}

/// An index argument (`pos`, `endpos`, `count`, `maxsplit`).
fn int_arg(value: Option<&Value>, default: i64) -> PyResult<i64> {
    match value {
        None => Ok(default),
        Some(v) => match as_int(v) {
            Some(i) => i.to_i64().ok_or_else(|| {
                PyErr::overflow_error("Python int too large to convert to C ssize_t")
            }),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ))),
        },
    }
}

/// CPython's clamping of `pos` and `endpos` to the subject.
fn bounds(pos: i64, endpos: i64, len: usize) -> (usize, usize) {
    let clamp = |v: i64| {
        if v < 0 {
            0
        } else {
            (v as u64).min(len as u64) as usize
        }
    };
    (clamp(pos), clamp(endpos))
}

static SEARCH_SIG: Signature = Signature {
    names: &["string", "pos", "endpos"],
    positional: 3,
    required: 1,
};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn p_match(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    match_mode(vm, receiver, args, Mode::Match)
}

fn p_fullmatch(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    match_mode(vm, receiver, args, Mode::Full)
}

fn p_search(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    match_mode(vm, receiver, args, Mode::Search)
}

fn match_mode(_: &mut Vm, receiver: &Value, args: Args, mode: Mode) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let string = args.pos.first().or_else(|| args.kwarg("string"));
    let Some(string) = string else {
        return Err(PyErr::type_error("missing string"));
    };
    let string = string.clone();
    let units = units(&string, pattern.is_bytes)?;
    let (pos, endpos) = bounds(
        int_arg(args.get(1, "pos"), 0)?,
        int_arg(args.get(2, "endpos"), i64::MAX)?,
        units.len(),
    );
    if endpos < pos {
        return Ok(Value::None);
    }
    let mut m = Matcher::new(&pattern.prog);
    if !units.search(
        &mut m,
        endpos,
        pos,
        mode != Mode::Search,
        mode == Mode::Full,
        false,
    ) {
        return Ok(Value::None);
    }
    Ok(make_match(receiver, &string, &units, &m, pos, endpos))
}

fn make_match(
    pattern: &Value,
    string: &Value,
    units: &Units,
    m: &Matcher,
    pos: usize,
    endpos: usize,
) -> Value {
    NativeObject::new_value(
        MATCH_TYPE.with(Rc::clone),
        MatchData {
            pattern: pattern.clone(),
            string: string.clone(),
            chars: match units {
                Units::Chars(c) => Some(c.clone()),
                Units::Bytes(_) => None,
            },
            slots: m.slots.clone(),
            pos,
            endpos,
            last: m.last,
        },
    )
}

/// Runs `each` on every match (non-overlapping, left to right, with the
/// empty-match rules of CPython 3.7+) until it returns `false`.
fn for_each_match(
    pattern: &PatternData,
    units: &Units,
    pos: usize,
    endpos: usize,
    mut each: impl FnMut(&Matcher) -> PyResult<bool>,
) -> PyResult<()> {
    if endpos < pos {
        return Ok(());
    }
    let mut m = Matcher::new(&pattern.prog);
    let mut at = pos;
    let mut must_advance = false;
    while at <= endpos {
        if !units.search(&mut m, endpos, at, false, false, must_advance) {
            break;
        }
        if !each(&m)? {
            break;
        }
        let (start, end) = (m.slots[0], m.slots[1]);
        must_advance = start == end;
        at = end;
    }
    Ok(())
}

/// What findall gives for a match: the whole match, the one group, or a
/// tuple of the groups (`''` for a group that did not match).
fn findall_item(string: &Value, units: &Units, pattern: &PatternData, slots: &[usize]) -> Value {
    let empty = || {
        if pattern.is_bytes {
            Value::bytes(Vec::new())
        } else {
            Value::str("")
        }
    };
    let group = |g: usize| {
        let (a, b) = (slots[2 * g], slots[2 * g + 1]);
        if a == NONE || b == NONE {
            empty()
        } else {
            slice(string, Some(units), a, b)
        }
    };
    match pattern.groups {
        0 => group(0),
        1 => group(1),
        n => Value::tuple((1..=n).map(group).collect()),
    }
}

fn p_findall(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let Some(string) = args.get(0, "string") else {
        return Err(PyErr::type_error("missing string"));
    };
    let units = units(string, pattern.is_bytes)?;
    let (pos, endpos) = bounds(
        int_arg(args.get(1, "pos"), 0)?,
        int_arg(args.get(2, "endpos"), i64::MAX)?,
        units.len(),
    );
    let mut items = Vec::new();
    for_each_match(pattern, &units, pos, endpos, |m| {
        items.push(findall_item(string, &units, pattern, &m.slots));
        Ok(true)
    })?;
    Ok(Value::list(items))
}

// ---------------------------------------------------------------------------
// finditer.

struct MatchIter {
    pattern: Value,
    string: Value,
    /// The code points of a non-ASCII str subject, converted once.
    chars: Option<Rc<[char]>>,
    pos: usize,
    endpos: usize,
    at: Cell<usize>,
    must_advance: Cell<bool>,
    done: Cell<bool>,
}

impl NativeData for MatchIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

fn p_finditer(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let Some(string) = args.get(0, "string") else {
        return Err(PyErr::type_error("missing string"));
    };
    let units = units(string, pattern.is_bytes)?;
    let (pos, endpos) = bounds(
        int_arg(args.get(1, "pos"), 0)?,
        int_arg(args.get(2, "endpos"), i64::MAX)?,
        units.len(),
    );
    let chars = match units {
        Units::Chars(c) => Some(c),
        Units::Bytes(_) => None,
    };
    Ok(NativeObject::new_value(
        ITER_TYPE.with(Rc::clone),
        MatchIter {
            pattern: receiver.clone(),
            string: string.clone(),
            chars,
            pos,
            endpos,
            at: Cell::new(pos),
            must_advance: Cell::new(false),
            done: Cell::new(endpos < pos),
        },
    ))
}

fn iter_iter(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(receiver.clone())
}

fn iter_next(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let stop = || PyErr::new(ExcType::StopIteration, "");
    let it = receiver
        .native::<MatchIter>()
        .ok_or_else(|| PyErr::type_error("expected a match iterator"))?;
    if it.done.get() || it.at.get() > it.endpos {
        return Err(stop());
    }
    let pattern = pattern_of(&it.pattern)?;
    let units = match &it.chars {
        Some(c) => Units::Chars(c.clone()),
        None => units(&it.string, pattern.is_bytes)?,
    };
    let mut m = Matcher::new(&pattern.prog);
    if !units.search(
        &mut m,
        it.endpos,
        it.at.get(),
        false,
        false,
        it.must_advance.get(),
    ) {
        it.done.set(true);
        return Err(stop());
    }
    it.must_advance.set(m.slots[0] == m.slots[1]);
    it.at.set(m.slots[1]);
    Ok(make_match(
        &it.pattern,
        &it.string,
        &units,
        &m,
        it.pos,
        it.endpos,
    ))
}

static ITER_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: iter_iter,
    },
    MethodDef {
        name: "__next__",
        params: Params::NoArgs,
        func: iter_next,
    },
];

// ---------------------------------------------------------------------------
// sub, subn, split.

/// A parsed replacement template.
enum Piece {
    Literal(Vec<u32>),
    Group(usize),
}

/// Parses a replacement template (`\1`, `\g<name>`, `\n`...).
fn parse_template(
    pattern: &PatternData,
    template: &[u32],
    is_bytes: bool,
) -> Result<Vec<Piece>, Error> {
    let mut pieces = Vec::new();
    let mut literal: Vec<u32> = Vec::new();
    let mut i = 0;
    let ch = |i: usize| template.get(i).and_then(|&c| char::from_u32(c));
    let text = |a: usize, b: usize| -> String {
        template[a..b.min(template.len())]
            .iter()
            .filter_map(|&c| char::from_u32(c))
            .collect()
    };
    let push_group = |literal: &mut Vec<u32>, pieces: &mut Vec<Piece>, g: usize| {
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(literal)));
        }
        pieces.push(Piece::Group(g));
    };
    while i < template.len() {
        let c = template[i];
        if c != '\\' as u32 {
            literal.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(e) = ch(i) else {
            return Err(Error::Re("bad escape (end of pattern)".into(), Some(start)));
        };
        i += 1;
        match e {
            'g' => {
                if ch(i) != Some('<') {
                    return Err(Error::Re("missing <".into(), Some(i)));
                }
                i += 1;
                let from = i;
                while i < template.len() && ch(i) != Some('>') {
                    i += 1;
                }
                if i >= template.len() {
                    let msg = if from == i {
                        "missing group name"
                    } else {
                        "missing >, unterminated name"
                    };
                    return Err(Error::Re(msg.into(), Some(from)));
                }
                let name = text(from, i);
                i += 1;
                if name.is_empty() {
                    return Err(Error::Re("missing group name".into(), Some(from)));
                }
                let group = if name.bytes().all(|b| b.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g > pattern.groups {
                        return Err(Error::Re(
                            format!("invalid group reference {g}"),
                            Some(from),
                        ));
                    }
                    g
                } else {
                    if !parse::is_identifier(&name) || (is_bytes && !name.is_ascii()) {
                        return Err(Error::Re(
                            format!("bad character in group name '{name}'"),
                            Some(from),
                        ));
                    }
                    match pattern.names.iter().find(|(n, _)| *n == name) {
                        Some((_, g)) => *g,
                        None => {
                            return Err(Error::Index(format!("unknown group name '{name}'")));
                        }
                    }
                };
                push_group(&mut literal, &mut pieces, group);
            }
            '0' => {
                let mut value = 0;
                for _ in 0..2 {
                    match template.get(i) {
                        Some(&d) if ('0' as u32..='7' as u32).contains(&d) => {
                            value = value * 8 + d - '0' as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                literal.push(value);
            }
            '1'..='9' => {
                let d2 = ch(i).filter(char::is_ascii_digit);
                let d3 = ch(i + 1).filter(|c| ('0'..='7').contains(c));
                if let (true, Some(d2), Some(d3)) = (('0'..='7').contains(&e), d2, d3)
                    && ('0'..='7').contains(&d2)
                {
                    let value = (e as u32 - 48) * 64 + (d2 as u32 - 48) * 8 + (d3 as u32 - 48);
                    i += 2;
                    if value > 0o377 {
                        return Err(Error::Re(
                            format!(
                                "octal escape value {} outside of range 0-0o377",
                                text(start, i)
                            ),
                            Some(start),
                        ));
                    }
                    literal.push(value);
                    continue;
                }
                let mut g = e as usize - '0' as usize;
                if let Some(d2) = d2 {
                    g = g * 10 + (d2 as usize - '0' as usize);
                    i += 1;
                }
                if g > pattern.groups {
                    return Err(Error::Re(
                        format!("invalid group reference {g}"),
                        Some(start + 1),
                    ));
                }
                push_group(&mut literal, &mut pieces, g);
            }
            'a' => literal.push(7),
            'b' => literal.push(8),
            'f' => literal.push(12),
            'n' => literal.push(10),
            'r' => literal.push(13),
            't' => literal.push(9),
            'v' => literal.push(11),
            '\\' => literal.push('\\' as u32),
            c if c.is_ascii_alphanumeric() => {
                return Err(Error::Re(format!("bad escape \\{c}"), Some(start)));
            }
            _ => {
                // Unknown non-letter escapes are kept as written.
                literal.push('\\' as u32);
                literal.push(e as u32);
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

/// The text a subject is made of (for building results).
enum Out {
    Str(String),
    Bytes(Vec<u8>),
}

impl Out {
    fn new(is_bytes: bool) -> Out {
        if is_bytes {
            Out::Bytes(Vec::new())
        } else {
            Out::Str(String::new())
        }
    }

    fn push_units(&mut self, units: &Units, a: usize, b: usize) {
        let b = b.max(a);
        match (self, units) {
            (Out::Str(s), Units::Bytes(u)) => {
                // An ASCII str's bytes.
                s.push_str(std::str::from_utf8(&u[a..b]).unwrap_or(""));
            }
            (Out::Str(s), Units::Chars(c)) => s.extend(&c[a..b]),
            (Out::Bytes(v), Units::Bytes(u)) => v.extend_from_slice(&u[a..b]),
            (Out::Bytes(v), Units::Chars(c)) => v.extend(c[a..b].iter().map(|&c| c as u8)),
        }
    }

    fn push_codes(&mut self, codes: &[u32]) {
        match self {
            Out::Str(s) => s.extend(codes.iter().filter_map(|&c| char::from_u32(c))),
            Out::Bytes(v) => v.extend(codes.iter().map(|&c| c as u8)),
        }
    }

    fn push_value(&mut self, value: &Value) -> PyResult<()> {
        match self {
            Out::Str(s) => match value.as_str_or_subclass() {
                Some(t) => s.push_str(t.as_str()),
                None if value.is_none() => {}
                None => {
                    return Err(PyErr::type_error(format!(
                        "sequence item 0: expected str instance, {} found",
                        value.type_name()
                    )));
                }
            },
            Out::Bytes(v) => match value.as_bytes_or_subclass() {
                Some(b) => v.extend_from_slice(b.as_bytes()),
                None if value.is_none() => {}
                None => {
                    return Err(PyErr::type_error(format!(
                        "sequence item 0: expected a bytes-like object, {} found",
                        value.type_name()
                    )));
                }
            },
        }
        Ok(())
    }

    fn value(self) -> Value {
        match self {
            Out::Str(s) => Value::str(s),
            Out::Bytes(v) => Value::bytes(v),
        }
    }
}

/// The code units of a str or bytes template.
fn template_units(value: &Value, is_bytes: bool) -> PyResult<Vec<u32>> {
    if let Some(s) = value.as_str_or_subclass()
        && !is_bytes
    {
        return Ok(s.as_str().chars().map(|c| c as u32).collect());
    }
    if let Some(b) = value.as_bytes_or_subclass()
        && is_bytes
    {
        return Ok(b.as_bytes().iter().map(|&b| u32::from(b)).collect());
    }
    Err(PyErr::type_error(format!(
        "expected {}, got '{}'",
        if is_bytes {
            "a bytes-like object"
        } else {
            "str"
        },
        value.type_name()
    )))
}

fn template_error(vm: &mut Vm, e: Error, template: &Value) -> PyErr {
    to_pyerr(vm, e, template)
}

/// Appends the expansion of `pieces` for a match to `out`.
fn expand_into(out: &mut Out, pieces: &[Piece], units: &Units, slots: &[usize]) {
    for piece in pieces {
        match piece {
            Piece::Literal(codes) => out.push_codes(codes),
            Piece::Group(g) => {
                let (a, b) = (slots[2 * g], slots[2 * g + 1]);
                if a != NONE && b != NONE {
                    out.push_units(units, a, b);
                }
            }
        }
    }
}

static SUB_SIG: Signature = Signature {
    names: &["repl", "string", "count"],
    positional: 3,
    required: 2,
};

fn p_sub(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (result, _) = subn(vm, receiver, &args)?;
    Ok(result)
}

fn p_subn(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (result, n) = subn(vm, receiver, &args)?;
    Ok(Value::tuple(vec![result, Value::Int(n as i64)]))
}

fn subn(vm: &mut Vm, receiver: &Value, args: &Args) -> PyResult<(Value, usize)> {
    let pattern = pattern_of(receiver)?;
    let (Some(repl), Some(string)) = (args.get(0, "repl"), args.get(1, "string")) else {
        return Err(PyErr::type_error("missing argument"));
    };
    let count = int_arg(args.get(2, "count"), 0)?;
    let count = if count <= 0 {
        usize::MAX
    } else {
        count as usize
    };
    let units = units(string, pattern.is_bytes)?;
    // A str/bytes replacement is a template (unless it has no backslash:
    // then it is literal); anything else is called with each match.
    let is_text = repl.as_str_or_subclass().is_some() || repl.as_bytes_or_subclass().is_some();
    let pieces = if is_text {
        let codes = template_units(repl, pattern.is_bytes)?;
        if codes.contains(&('\\' as u32)) {
            match parse_template(pattern, &codes, pattern.is_bytes) {
                Ok(p) => p,
                Err(e) => return Err(template_error(vm, e, repl)),
            }
        } else {
            vec![Piece::Literal(codes)]
        }
    } else {
        Vec::new()
    };
    let mut out = Out::new(pattern.is_bytes);
    let mut last = 0;
    let mut n = 0;
    let len = units.len();
    let mut error = None;
    for_each_match(pattern, &units, 0, len, |m| {
        let (a, b) = (m.slots[0], m.slots[1]);
        out.push_units(&units, last, a);
        if is_text {
            expand_into(&mut out, &pieces, &units, &m.slots);
        } else {
            let matched = make_match(receiver, string, &units, m, 0, len);
            match vm.call(repl, Args::new(&[matched])) {
                Ok(v) => {
                    if let Err(e) = out.push_value(&v) {
                        error = Some(e);
                        return Ok(false);
                    }
                }
                Err(e) => {
                    error = Some(e);
                    return Ok(false);
                }
            }
        }
        last = b;
        n += 1;
        Ok(n < count)
    })?;
    if let Some(e) = error {
        return Err(e);
    }
    if n == 0 {
        return Ok((string.clone(), 0));
    }
    out.push_units(&units, last, len);
    Ok((out.value(), n))
}

static SPLIT_SIG: Signature = Signature {
    names: &["string", "maxsplit"],
    positional: 2,
    required: 1,
};

fn p_split(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let Some(string) = args.get(0, "string") else {
        return Err(PyErr::type_error("missing string"));
    };
    let maxsplit = int_arg(args.get(1, "maxsplit"), 0)?;
    if maxsplit < 0 {
        return Ok(Value::list(vec![string.clone()]));
    }
    let maxsplit = if maxsplit == 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let units = units(string, pattern.is_bytes)?;
    let len = units.len();
    let mut items = Vec::new();
    let mut last = 0;
    let mut n = 0;
    for_each_match(pattern, &units, 0, len, |m| {
        items.push(slice(string, Some(&units), last, m.slots[0]));
        for g in 1..=pattern.groups {
            let (a, b) = (m.slots[2 * g], m.slots[2 * g + 1]);
            items.push(if a == NONE || b == NONE {
                Value::None
            } else {
                slice(string, Some(&units), a, b)
            });
        }
        last = m.slots[1];
        n += 1;
        Ok(n < maxsplit)
    })?;
    items.push(slice(string, Some(&units), last, len));
    Ok(Value::list(items))
}

// ---------------------------------------------------------------------------
// Pattern's other methods.

/// The flag names CPython's reprs show, in its order.
const FLAG_NAMES: &[(u32, &str)] = &[
    (parse::FLAG_TEMPLATE, "re.TEMPLATE"),
    (parse::FLAG_IGNORECASE, "re.IGNORECASE"),
    (parse::FLAG_LOCALE, "re.LOCALE"),
    (parse::FLAG_MULTILINE, "re.MULTILINE"),
    (parse::FLAG_DOTALL, "re.DOTALL"),
    (parse::FLAG_UNICODE, "re.UNICODE"),
    (parse::FLAG_VERBOSE, "re.VERBOSE"),
    (parse::FLAG_DEBUG, "re.DEBUG"),
    (FLAG_ASCII, "re.ASCII"),
];

fn p_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let mut text = vm.repr(&pattern.pattern)?;
    if text.chars().count() > 200 {
        text = text.chars().take(200).collect();
    }
    let mut flags = pattern.flags;
    if !pattern.is_bytes {
        flags &= !parse::FLAG_UNICODE;
    }
    let mut out = format!("re.compile({text}");
    if flags != 0 {
        let mut names = Vec::new();
        for &(bit, name) in FLAG_NAMES {
            if flags & bit != 0 {
                names.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            names.push(format!("0x{flags:x}"));
        }
        out.push_str(", ");
        out.push_str(&names.join("|"));
    }
    out.push(')');
    Ok(Value::str(out))
}

/// The pattern text's equality and hash (str or bytes).
fn text_key(value: &Value) -> (Option<&str>, Option<&[u8]>) {
    (
        value.as_str_or_subclass().map(|s| s.as_str()),
        value.as_bytes_or_subclass().map(|b| b.as_bytes()),
    )
}

fn p_eq(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let Some(other) = args.pos.first().and_then(|v| v.native::<PatternData>()) else {
        return Ok(Value::NotImplemented);
    };
    Ok(Value::bool(
        pattern.flags == other.flags
            && pattern.is_bytes == other.is_bytes
            && text_key(&pattern.pattern) == text_key(&other.pattern),
    ))
}

fn p_hash(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let pattern = pattern_of(receiver)?;
    let h = if let Some(s) = pattern.pattern.as_str_or_subclass() {
        s.hash()
    } else if let Some(b) = pattern.pattern.as_bytes_or_subclass() {
        b.hash()
    } else {
        0
    };
    let h = h ^ i64::from(pattern.flags).wrapping_mul(1_000_003);
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn p_copy(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(receiver.clone())
}

static PATTERN_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "match",
        params: Params::Named(&SEARCH_SIG),
        func: p_match,
    },
    MethodDef {
        name: "fullmatch",
        params: Params::Named(&SEARCH_SIG),
        func: p_fullmatch,
    },
    MethodDef {
        name: "search",
        params: Params::Named(&SEARCH_SIG),
        func: p_search,
    },
    MethodDef {
        name: "findall",
        params: Params::Named(&SEARCH_SIG),
        func: p_findall,
    },
    MethodDef {
        name: "finditer",
        params: Params::Named(&SEARCH_SIG),
        func: p_finditer,
    },
    MethodDef {
        name: "sub",
        params: Params::Named(&SUB_SIG),
        func: p_sub,
    },
    MethodDef {
        name: "subn",
        params: Params::Named(&SUB_SIG),
        func: p_subn,
    },
    MethodDef {
        name: "split",
        params: Params::Named(&SPLIT_SIG),
        func: p_split,
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: p_repr,
    },
    MethodDef {
        name: "__eq__",
        params: Params::One,
        func: p_eq,
    },
    MethodDef {
        name: "__hash__",
        params: Params::NoArgs,
        func: p_hash,
    },
    MethodDef {
        name: "__copy__",
        params: Params::NoArgs,
        func: p_copy,
    },
    MethodDef {
        name: "__deepcopy__",
        params: Params::One,
        func: p_copy,
    },
];

// ---------------------------------------------------------------------------
// Match objects.

pub struct MatchData {
    pattern: Value,
    string: Value,
    /// A non-ASCII str subject's code points (shared with the search that
    /// made the match), so that a group is cut out in time proportional to
    /// its length, not to its position.
    chars: Option<Rc<[char]>>,
    slots: Vec<usize>,
    pos: usize,
    endpos: usize,
    last: usize,
}

impl NativeData for MatchData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        let pattern = self.pattern.native::<PatternData>()?;
        match name {
            "pos" => Some(Value::Int(self.pos as i64)),
            "endpos" => Some(Value::Int(self.endpos as i64)),
            "re" => Some(self.pattern.clone()),
            "string" => Some(self.string.clone()),
            "lastindex" => Some(if self.last == 0 {
                Value::None
            } else {
                Value::Int(self.last as i64)
            }),
            "lastgroup" => Some(
                pattern
                    .names
                    .iter()
                    .find(|(_, g)| *g == self.last && self.last != 0)
                    .map_or(Value::None, |(n, _)| Value::str(n.as_str())),
            ),
            "regs" => Some(Value::tuple(
                (0..=pattern.groups).map(|g| self.span_value(g)).collect(),
            )),
            _ => None,
        }
    }
}

impl MatchData {
    fn span(&self, g: usize) -> (i64, i64) {
        let (a, b) = (self.slots[2 * g], self.slots[2 * g + 1]);
        if a == NONE || b == NONE {
            (-1, -1)
        } else {
            (a as i64, b as i64)
        }
    }

    fn span_value(&self, g: usize) -> Value {
        let (a, b) = self.span(g);
        Value::tuple(vec![Value::Int(a), Value::Int(b)])
    }

    fn group_value(&self, g: usize, default: &Value) -> Value {
        let (a, b) = (self.slots[2 * g], self.slots[2 * g + 1]);
        if a == NONE || b == NONE {
            default.clone()
        } else {
            match &self.chars {
                Some(c) => Value::str(c[a..b.max(a)].iter().collect::<String>()),
                None => slice(&self.string, None, a, b),
            }
        }
    }
}

fn match_of(receiver: &Value) -> PyResult<(&MatchData, &PatternData)> {
    let m = receiver.native::<MatchData>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 're.Match' object but received a '{}'",
            receiver.type_name()
        ))
    })?;
    let p = pattern_of(&m.pattern)?;
    Ok((m, p))
}

fn m_group(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    if !args.kw.is_empty() {
        return Err(PyErr::type_error("group() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 => Ok(m.group_value(0, &Value::None)),
        1 => {
            let g = p.group_index(vm, &args.pos[0])?;
            Ok(m.group_value(g, &Value::None))
        }
        _ => {
            let mut items = Vec::new();
            for key in args.pos {
                let g = p.group_index(vm, key)?;
                items.push(m.group_value(g, &Value::None));
            }
            Ok(Value::tuple(items))
        }
    }
}

fn m_getitem(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let g = p.group_index(vm, &args.pos[0])?;
    Ok(m.group_value(g, &Value::None))
}

static DEFAULT_SIG: Signature = Signature {
    names: &["default"],
    positional: 1,
    required: 0,
};

fn m_groups(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let default = args.get(0, "default").cloned().unwrap_or(Value::None);
    Ok(Value::tuple(
        (1..=p.groups).map(|g| m.group_value(g, &default)).collect(),
    ))
}

fn m_groupdict(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let default = args.get(0, "default").cloned().unwrap_or(Value::None);
    let dict = krait_vm::builtins::dict::PyDict::new();
    for (name, g) in &p.names {
        dict.set_item(Value::str(name.as_str()), m.group_value(*g, &default))?;
    }
    Ok(Value::dict(dict))
}

fn group_arg(vm: &mut Vm, p: &PatternData, args: &Args) -> PyResult<usize> {
    match args.pos.first() {
        None => Ok(0),
        Some(key) => p.group_index(vm, key),
    }
}

fn m_start(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let g = group_arg(vm, p, &args)?;
    Ok(Value::Int(m.span(g).0))
}

fn m_end(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let g = group_arg(vm, p, &args)?;
    Ok(Value::Int(m.span(g).1))
}

fn m_span(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let g = group_arg(vm, p, &args)?;
    Ok(m.span_value(g))
}

fn m_expand(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let (m, p) = match_of(receiver)?;
    let template = &args.pos[0];
    let codes = template_units(template, p.is_bytes)?;
    let pieces = match parse_template(p, &codes, p.is_bytes) {
        Ok(pieces) => pieces,
        Err(e) => return Err(template_error(vm, e, template)),
    };
    let units = match &m.chars {
        Some(c) => Units::Chars(c.clone()),
        None => units(&m.string, p.is_bytes)?,
    };
    let mut out = Out::new(p.is_bytes);
    expand_into(&mut out, &pieces, &units, &m.slots);
    Ok(out.value())
}

fn m_repr(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let (m, _) = match_of(receiver)?;
    let (a, b) = m.span(0);
    let matched = vm.repr(&m.group_value(0, &Value::None))?;
    Ok(Value::str(format!(
        "<re.Match object; span=({a}, {b}), match={matched}>"
    )))
}

fn m_bool(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(Value::bool(true))
}

static MATCH_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "group",
        params: Params::Any,
        func: m_group,
    },
    MethodDef {
        name: "__getitem__",
        params: Params::One,
        func: m_getitem,
    },
    MethodDef {
        name: "groups",
        params: Params::Named(&DEFAULT_SIG),
        func: m_groups,
    },
    MethodDef {
        name: "groupdict",
        params: Params::Named(&DEFAULT_SIG),
        func: m_groupdict,
    },
    MethodDef {
        name: "start",
        params: Params::Positional(0, 1),
        func: m_start,
    },
    MethodDef {
        name: "end",
        params: Params::Positional(0, 1),
        func: m_end,
    },
    MethodDef {
        name: "span",
        params: Params::Positional(0, 1),
        func: m_span,
    },
    MethodDef {
        name: "expand",
        params: Params::One,
        func: m_expand,
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: m_repr,
    },
    MethodDef {
        name: "__bool__",
        params: Params::NoArgs,
        func: m_bool,
    },
    MethodDef {
        name: "__copy__",
        params: Params::NoArgs,
        func: p_copy,
    },
    MethodDef {
        name: "__deepcopy__",
        params: Params::One,
        func: p_copy,
    },
];
