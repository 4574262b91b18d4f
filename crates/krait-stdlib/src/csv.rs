//! `_csv`: the record reader and writer under `csv`, as CPython's C
//! module. The reader is `_csv.c`'s state machine, one step per character
//! of each line (plus one for the end of the line); the writer quotes and
//! escapes each field by the dialect's rules. The dialect's parameters are
//! validated in Python (`csv._Dialect`, given to `reader`/`writer` and
//! shown as their `dialect` attribute) and read once here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};

use crate::util::{function, method, type_value};

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("Error", type_value(ERROR.with(Rc::clone))),
        ("reader", function("reader", make_reader)),
        ("writer", function("writer", make_writer)),
        (
            "field_size_limit",
            function("field_size_limit", field_size_limit),
        ),
        ("QUOTE_MINIMAL", Value::Int(QUOTE_MINIMAL)),
        ("QUOTE_ALL", Value::Int(QUOTE_ALL)),
        ("QUOTE_NONNUMERIC", Value::Int(QUOTE_NONNUMERIC)),
        ("QUOTE_NONE", Value::Int(QUOTE_NONE)),
    ])
}

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

thread_local! {
    static ERROR: Rc<TypeObject> = error_type();
    static READER_TYPE: Rc<TypeObject> = native_type_in("_csv", "reader", READER_METHODS);
    static WRITER_TYPE: Rc<TypeObject> = native_type_in("_csv", "writer", WRITER_METHODS);
    /// `field_size_limit()`: the most characters a field may have.
    static FIELD_LIMIT: Cell<i64> = const { Cell::new(128 * 1024) };
}

/// `_csv.Error`: a plain Exception subclass.
fn error_type() -> Rc<TypeObject> {
    let mut dict = krait_vm::typeobject::ClassDict::default();
    dict.insert(Box::from("__module__"), Value::str("_csv"));
    let mut class = TypeObject::new_class("Error", vec![exc_type(ExcType::Exception)], dict)
        .expect("Exception has a consistent MRO");
    class.heap = false;
    Rc::new(class)
}

fn error(message: impl Into<String>) -> PyErr {
    PyErr::with_args(ERROR.with(Rc::clone), vec![Value::str(message.into())])
}

/// `field_size_limit([new_limit])`: the limit, set to `new_limit` if given
/// (the old one is returned).
fn field_size_limit(_: &mut Vm, args: Args) -> PyResult {
    let new = match (args.pos, args.kw) {
        ([], []) => None,
        ([limit], []) | ([], [("new_limit", limit)]) => Some(limit),
        ([], [(name, _)]) => {
            return Err(PyErr::type_error(format!(
                "field_size_limit() got an unexpected keyword argument '{name}'"
            )));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "field_size_limit() takes at most 1 argument ({} given)",
                args.pos.len() + args.kw.len()
            )));
        }
    };
    let old = FIELD_LIMIT.with(Cell::get);
    if let Some(limit) = new {
        let Value::Int(limit) = limit else {
            return Err(PyErr::type_error("limit must be an integer"));
        };
        FIELD_LIMIT.with(|cell| cell.set(*limit));
    }
    Ok(Value::Int(old))
}

/// A validated dialect's parameters.
struct Dialect {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

impl Dialect {
    /// Reads the attributes of a `csv._Dialect` (checked there).
    fn of(vm: &mut Vm, dialect: &Value) -> PyResult<Dialect> {
        let text = |vm: &mut Vm, name: &str| -> PyResult<Option<String>> {
            let value = vm.get_attr(dialect, name)?;
            Ok(value.as_str_or_subclass().map(|s| s.as_str().to_owned()))
        };
        let one_char = |text: Option<String>| text.and_then(|t| t.chars().next());
        let delimiter = one_char(text(vm, "delimiter")?)
            .ok_or_else(|| PyErr::type_error("\"delimiter\" must be a 1-character string"))?;
        let quotechar = one_char(text(vm, "quotechar")?);
        let escapechar = one_char(text(vm, "escapechar")?);
        let lineterminator = text(vm, "lineterminator")?
            .ok_or_else(|| PyErr::type_error("\"lineterminator\" must be a string"))?;
        let flag = |vm: &mut Vm, name: &str| -> PyResult<bool> {
            let value = vm.get_attr(dialect, name)?;
            vm.truthy_value(&value)
        };
        let doublequote = flag(vm, "doublequote")?;
        let skipinitialspace = flag(vm, "skipinitialspace")?;
        let strict = flag(vm, "strict")?;
        let quoting = match vm.get_attr(dialect, "quoting")? {
            Value::Int(q) if (QUOTE_MINIMAL..=QUOTE_NONE).contains(&q) => q,
            _ => return Err(PyErr::type_error("bad \"quoting\" value")),
        };
        Ok(Dialect {
            delimiter,
            quotechar,
            escapechar,
            doublequote,
            skipinitialspace,
            lineterminator,
            quoting,
            strict,
        })
    }

    fn is_quote(&self, c: char) -> bool {
        self.quotechar == Some(c) && self.quoting != QUOTE_NONE
    }
}

// ---------------------------------------------------------------------------
// The reader

/// `_csv.reader(lines, dialect)`: `lines` an iterator of str, `dialect` a
/// `csv._Dialect`.
fn make_reader(vm: &mut Vm, args: Args) -> PyResult {
    args.check("reader", 2, 2)?;
    let params = Dialect::of(vm, &args.pos[1])?;
    Ok(NativeObject::new_value(
        READER_TYPE.with(Rc::clone),
        Reader {
            lines: args.pos[0].clone(),
            dialect: args.pos[1].clone(),
            params,
            line_num: Cell::new(0),
        },
    ))
}

struct Reader {
    lines: Value,
    dialect: Value,
    params: Dialect,
    line_num: Cell<i64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One record being read: its fields so far and the field being read.
struct Record<'a> {
    dialect: &'a Dialect,
    fields: Vec<Value>,
    field: &'a mut String,
    /// Characters in `field` (the limit counts characters).
    field_len: i64,
    numeric: bool,
    limit: i64,
}

impl Record<'_> {
    fn save_field(&mut self) -> PyResult<()> {
        let value = if self.numeric {
            self.numeric = false;
            Value::float(krait_vm::builtins::float::parse(self.field)?)
        } else {
            Value::str(self.field.as_str())
        };
        self.field.clear();
        self.field_len = 0;
        self.fields.push(value);
        Ok(())
    }

    fn add_char(&mut self, c: char) -> PyResult<()> {
        if self.field_len >= self.limit {
            return Err(error(format!(
                "field larger than field limit ({})",
                self.limit
            )));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    /// One step of the machine: `c` is a character, or None at the end of
    /// a line.
    fn process(&mut self, state: State, c: Option<char>) -> PyResult<State> {
        let d = self.dialect;
        let newline = matches!(c, Some('\n' | '\r'));
        Ok(match state {
            State::StartRecord => match c {
                None => State::StartRecord,
                Some(_) if newline => State::EatCrnl,
                Some(_) => return self.process(State::StartField, c),
            },
            State::StartField => match c {
                None => {
                    self.save_field()?;
                    State::StartRecord
                }
                _ if newline => {
                    self.save_field()?;
                    State::EatCrnl
                }
                Some(c) if d.is_quote(c) => State::InQuotedField,
                Some(c) if d.escapechar == Some(c) => State::EscapedChar,
                Some(' ') if d.skipinitialspace => State::StartField,
                Some(c) if c == d.delimiter => {
                    self.save_field()?;
                    State::StartField
                }
                Some(c) => {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(c)?;
                    State::InField
                }
            },
            State::EscapedChar => match c {
                None => {
                    self.add_char('\n')?;
                    State::InField
                }
                Some(c) if newline => {
                    self.add_char(c)?;
                    State::AfterEscapedCrnl
                }
                Some(c) => {
                    self.add_char(c)?;
                    State::InField
                }
            },
            State::AfterEscapedCrnl => match c {
                None => State::AfterEscapedCrnl,
                Some(_) => return self.process(State::InField, c),
            },
            State::InField => match c {
                None => {
                    self.save_field()?;
                    State::StartRecord
                }
                Some(_) if newline => {
                    self.save_field()?;
                    State::EatCrnl
                }
                Some(c) if d.escapechar == Some(c) => State::EscapedChar,
                Some(c) if c == d.delimiter => {
                    self.save_field()?;
                    State::StartField
                }
                Some(c) => {
                    self.add_char(c)?;
                    State::InField
                }
            },
            State::InQuotedField => match c {
                None => State::InQuotedField,
                Some(c) if d.escapechar == Some(c) => State::EscapeInQuotedField,
                Some(c) if d.is_quote(c) => {
                    if d.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    }
                }
                Some(c) => {
                    self.add_char(c)?;
                    State::InQuotedField
                }
            },
            State::EscapeInQuotedField => {
                self.add_char(c.unwrap_or('\n'))?;
                State::InQuotedField
            }
            State::QuoteInQuotedField => match c {
                Some(c) if d.is_quote(c) => {
                    self.add_char(c)?;
                    State::InQuotedField
                }
                Some(c) if c == d.delimiter => {
                    self.save_field()?;
                    State::StartField
                }
                None => {
                    self.save_field()?;
                    State::StartRecord
                }
                Some(_) if newline => {
                    self.save_field()?;
                    State::EatCrnl
                }
                Some(c) if !d.strict => {
                    self.add_char(c)?;
                    State::InField
                }
                _ => {
                    return Err(error(format!(
                        "'{}' expected after '{}'",
                        d.delimiter,
                        d.quotechar.unwrap_or('"')
                    )));
                }
            },
            State::EatCrnl => match c {
                None => State::StartRecord,
                Some(_) if newline => State::EatCrnl,
                Some(_) => {
                    return Err(error(
                        "new-line character seen in unquoted field - \
                         do you need to open the file with newline=''?",
                    ));
                }
            },
        })
    }
}

impl Reader {
    /// The next record, `None` at the end of the lines.
    fn read_record(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        // (Nothing borrowed from `self` across the lines' `next`, which
        // may run Python code that steps this reader too.)
        let mut field = String::new();
        let mut record = Record {
            dialect: &self.params,
            fields: Vec::new(),
            field: &mut field,
            field_len: 0,
            numeric: false,
            limit: FIELD_LIMIT.with(Cell::get),
        };
        let mut state = State::StartRecord;
        loop {
            let Some(line) = krait_vm::protocol::next(vm, &self.lines)? else {
                if record.field_len != 0 || state == State::InQuotedField {
                    if self.params.strict {
                        return Err(error("unexpected end of data"));
                    }
                    record.save_field()?;
                    return Ok(Some(Value::list(record.fields)));
                }
                return Ok(None);
            };
            let Some(text) = line.as_str_or_subclass() else {
                return Err(error(format!(
                    "iterator should return strings, not {:.200} \
                     (the file should be opened in text mode)",
                    line.type_name()
                )));
            };
            self.line_num.set(self.line_num.get() + 1);
            for c in text.as_str().chars() {
                state = record.process(state, Some(c))?;
            }
            state = record.process(state, None)?;
            if state == State::StartRecord {
                return Ok(Some(Value::list(record.fields)));
            }
        }
    }
}

impl NativeData for Reader {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.lines);
        visit(&self.dialect);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "dialect" => Some(self.dialect.clone()),
            "line_num" => Some(Value::Int(self.line_num.get())),
            _ => None,
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        Some(self.read_record(vm))
    }
}

static READER_METHODS: &[MethodDef] = &[
    method("__iter__", Params::NoArgs, crate::util::iter_self),
    method("__next__", Params::NoArgs, crate::util::iter_next),
];

// ---------------------------------------------------------------------------
// The writer

/// `_csv.writer(fileobj, dialect)`: `dialect` a `csv._Dialect`.
fn make_writer(vm: &mut Vm, args: Args) -> PyResult {
    args.check("writer", 2, 2)?;
    let write = match vm.get_attr(&args.pos[0], "write") {
        Ok(write) => write,
        Err(err) if err.matches(ExcType::AttributeError) => {
            return Err(PyErr::type_error("argument 1 must have a \"write\" method"));
        }
        Err(err) => return Err(err),
    };
    let params = Dialect::of(vm, &args.pos[1])?;
    Ok(NativeObject::new_value(
        WRITER_TYPE.with(Rc::clone),
        Writer {
            write,
            dialect: args.pos[1].clone(),
            params,
            line: RefCell::new(String::new()),
        },
    ))
}

struct Writer {
    write: Value,
    dialect: Value,
    params: Dialect,
    /// The record being written (its buffer kept between records).
    line: RefCell<String>,
}

impl Writer {
    /// Appends `field` to `out`, quoted and escaped as the dialect says
    /// (`quoted`: quotes wanted whatever the field holds).
    fn append_field(&self, out: &mut String, field: &str, mut quoted: bool) -> PyResult<()> {
        let d = &self.params;
        let special = |c: char| {
            c == d.delimiter
                || Some(c) == d.escapechar
                || Some(c) == d.quotechar
                || d.lineterminator.contains(c)
        };
        if !field.chars().any(special) {
            // Nothing to escape or double (the common field).
            match (quoted, d.quotechar) {
                (true, Some(q)) => {
                    out.push(q);
                    out.push_str(field);
                    out.push(q);
                }
                _ => out.push_str(field),
            }
            return Ok(());
        }
        let start = out.len();
        for c in field.chars() {
            if special(c) {
                let mut want_escape = false;
                if d.quoting == QUOTE_NONE {
                    want_escape = true;
                } else {
                    if Some(c) == d.quotechar {
                        if d.doublequote {
                            out.push(c);
                        } else {
                            want_escape = true;
                        }
                    } else if Some(c) == d.escapechar {
                        want_escape = true;
                    }
                    if !want_escape {
                        quoted = true;
                    }
                }
                if want_escape {
                    let Some(escape) = d.escapechar else {
                        return Err(error("need to escape, but no escapechar set"));
                    };
                    out.push(escape);
                }
            }
            out.push(c);
        }
        if quoted && let Some(q) = d.quotechar {
            out.insert(start, q);
            out.push(q);
        }
        Ok(())
    }

    fn write_row(&self, vm: &mut Vm, row: &Value) -> PyResult {
        let d = &self.params;
        let fields = match vm.iterate(row) {
            Ok(fields) => fields,
            Err(err) if err.matches(ExcType::TypeError) => {
                return Err(error(format!("iterable expected, not {}", row.type_name())));
            }
            Err(err) => return Err(err),
        };
        let mut line = std::mem::take(&mut *self.line.borrow_mut());
        line.clear();
        let mut count = 0;
        let mut single_empty = false;
        while let Some(field) = krait_vm::protocol::next(vm, &fields)? {
            if count > 0 {
                line.push(d.delimiter);
            }
            count += 1;
            let quoted = match d.quoting {
                QUOTE_NONNUMERIC => !is_number(&field),
                QUOTE_ALL => true,
                _ => false,
            };
            let before = line.len();
            match &field {
                Value::None => self.append_field(&mut line, "", quoted)?,
                // (A str subclass is written as its text, not its `__str__`.)
                _ => match field.as_str_or_subclass() {
                    Some(text) => self.append_field(&mut line, text.as_str(), quoted)?,
                    None => {
                        let text = vm.str(&field)?;
                        self.append_field(&mut line, &text, quoted)?
                    }
                },
            }
            single_empty = count == 1 && line.len() == before;
        }
        if count == 1 && single_empty {
            if d.quoting == QUOTE_NONE {
                return Err(error("single empty field record must be quoted"));
            }
            if let Some(q) = d.quotechar {
                line.push(q);
                line.push(q);
            }
        }
        line.push_str(&d.lineterminator);
        let text = Value::str(line.as_str());
        *self.line.borrow_mut() = line;
        vm.call(&self.write, Args::new(&[text]))
    }
}

/// Whether QUOTE_NONNUMERIC leaves `value` unquoted: CPython's
/// `PyNumber_Check` (ints, floats, complex numbers, and objects with
/// `__index__`, `__int__` or `__float__`).
fn is_number(value: &Value) -> bool {
    if matches!(value, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
        return true;
    }
    match value.as_obj() {
        Some(PyObject::Str(_) | PyObject::Bytes(_) | PyObject::List(_) | PyObject::Tuple(_)) => {
            false
        }
        Some(_) => {
            let class = krait_vm::typeobject::class_of(value);
            ["__index__", "__int__", "__float__", "__complex__"]
                .iter()
                .any(|name| class.lookup(name).is_some())
        }
        None => false,
    }
}

impl NativeData for Writer {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.write);
        visit(&self.dialect);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "dialect" => Some(self.dialect.clone()),
            _ => None,
        }
    }
}

fn writer_of(receiver: &Value) -> PyResult<&Writer> {
    receiver
        .native::<Writer>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_csv.writer' object"))
}

/// `writer.writerow(row)`: what the file's `write` returned.
fn writerow(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    writer_of(receiver)?.write_row(vm, &args.pos[0])
}

/// `writer.writerows(rows)`.
fn writerows(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let writer = writer_of(receiver)?;
    let rows = vm.iterate(&args.pos[0])?;
    while let Some(row) = krait_vm::protocol::next(vm, &rows)? {
        writer.write_row(vm, &row)?;
    }
    Ok(Value::None)
}

static WRITER_METHODS: &[MethodDef] = &[
    method("writerow", Params::One, writerow),
    method("writerows", Params::One, writerows),
];
