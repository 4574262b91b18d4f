//! Exceptions as values: [`PyException`] is the exception object, [`PyErr`]
//! is what fallible operations return in their `Err`.

use std::cell::{Cell, RefCell};
use std::fmt;

use std::rc::Rc;

use crate::builtins::function::MethodDef;
use crate::object::PyObject;
use crate::protocol;
use crate::typeobject::{ExcType, TypeObject, exc_type};
use crate::value::Value;

pub const METHODS: &[MethodDef] = &[
    MethodDef {
        name: "add_note",
        params: crate::builtins::function::Params::One,
        func: |_, exc, args| {
            let note = &args.pos[0];
            if note.as_str_or_subclass().is_none() {
                return Err(PyErr::type_error(format!(
                    "note must be a str, not '{}'",
                    note.type_name()
                )));
            }
            let Some(PyObject::Exception(e)) = exc.as_obj() else {
                return Err(PyErr::type_error("add_note() requires an exception"));
            };
            let Some(dict) = e.dict().as_dict() else {
                return Ok(Value::None);
            };
            let key = Value::str("__notes__");
            match dict.get_item(&key)? {
                None => dict.set_item(key, Value::list(vec![note.clone()]))?,
                Some(notes) => match notes.as_list_or_subclass() {
                    Some(list) => list.append(note.clone()),
                    None => {
                        return Err(PyErr::type_error(
                            "Cannot add note: __notes__ is not a list",
                        ));
                    }
                },
            }
            Ok(Value::None)
        },
    },
    MethodDef {
        name: "with_traceback",
        params: crate::builtins::function::Params::One,
        // The traceback's entries become the exception's (None: none).
        func: |_, exc, args| {
            if let Some(PyObject::Exception(e)) = exc.as_obj() {
                e.set_traceback(&args.pos[0])?;
            }
            Ok(exc.clone())
        },
    },
];

/// `BaseException.__str__`: the one argument's str, the arguments'
/// tuple's repr, or nothing (no subclass's own text: a KeyError's key is
/// not quoted here).
static BASE_STR: MethodDef = MethodDef {
    name: "__str__",
    params: crate::builtins::function::Params::NoArgs,
    func: |vm, exc, _| {
        let Some(PyObject::Exception(e)) = exc.as_obj() else {
            return Err(descriptor_needs_exception("__str__", exc));
        };
        let args = e.args.borrow().clone();
        Ok(Value::str(match args.as_slice() {
            [] => String::new(),
            [arg] => vm.str(arg)?,
            _ => vm.repr(&Value::tuple(args))?,
        }))
    },
};

/// `__str__` of the types with a text of their own (KeyError's quoted
/// key, OSError's `[Errno N]`, SyntaxError's location, the Unicode
/// errors', ImportError's `msg`): the receiver's builtin text.
static OWN_STR: MethodDef = MethodDef {
    name: "__str__",
    params: crate::builtins::function::Params::NoArgs,
    func: |vm, exc, _| match exc.as_obj() {
        Some(PyObject::Exception(e)) => vm.exception_text(e).map(Value::str),
        _ => Err(descriptor_needs_exception("__str__", exc)),
    },
};

/// `BaseException.__repr__`: `Name(args...)`.
static BASE_REPR: MethodDef = MethodDef {
    name: "__repr__",
    params: crate::builtins::function::Params::NoArgs,
    func: |vm, exc, _| {
        let Some(PyObject::Exception(e)) = exc.as_obj() else {
            return Err(descriptor_needs_exception("__repr__", exc));
        };
        exception_repr(vm, e).map(Value::str)
    },
};

/// `ValueError(<repr of each argument>)`, through their `__repr__`.
pub(crate) fn exception_repr(
    vm: &mut crate::interpreter::Vm,
    e: &PyException,
) -> Result<String, PyErr> {
    let args = e.args.borrow().clone();
    let mut text = format!("{}(", e.class.name);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&vm.repr(arg)?);
    }
    text.push(')');
    Ok(text)
}

fn descriptor_needs_exception(name: &str, receiver: &Value) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{name}' requires a 'BaseException' object but received a '{}'",
        receiver.type_name()
    ))
}

/// The `__str__`/`__repr__` a builtin exception type defines itself, as
/// CPython's do (the others inherit them).
pub(crate) fn own_text_methods(kind: ExcType) -> &'static [(&'static str, &'static MethodDef)] {
    static BASE_TEXT: [(&str, &MethodDef); 2] = [("__str__", &BASE_STR), ("__repr__", &BASE_REPR)];
    static OWN_TEXT: [(&str, &MethodDef); 1] = [("__str__", &OWN_STR)];
    match kind {
        ExcType::BaseException => &BASE_TEXT,
        ExcType::KeyError
        | ExcType::OSError
        | ExcType::SyntaxError
        | ExcType::ImportError
        | ExcType::UnicodeEncodeError
        | ExcType::UnicodeDecodeError
        | ExcType::UnicodeTranslateError => &OWN_TEXT,
        _ => &[],
    }
}

/// One line of a traceback, pushed by the dispatch loop while unwinding.
#[derive(Clone)]
pub struct TracebackEntry {
    pub filename: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
    /// The failing instruction's source range, for the `~~~^^^` markers.
    pub position: Option<krait_bytecode::Position>,
    /// The frame's code, globals and instruction, for the frame object a
    /// traceback object shows (`tb.tb_frame`); no code when restored from
    /// a snapshot.
    pub code: Option<Rc<crate::interpreter::code::Code>>,
    pub globals: Value,
    pub lasti: u32,
    /// The frame's first slot: with `code`, what tells the frame while it
    /// still runs (the one that caught), whose `f_locals` and `f_lineno`
    /// are then its live ones.
    pub base: usize,
    /// A function frame's slots (fast locals, then cells) as the
    /// exception left them, for `tb_frame.f_locals`: taken when the
    /// exception ends the frame (a copy of the slots; the dict is made
    /// only if asked for); `None` for a frame the exception did not leave.
    pub locals: Option<Box<[Value]>>,
}

impl std::fmt::Debug for TracebackEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "File {:?}, line {}, in {}",
            self.filename, self.line, self.name
        )
    }
}

pub struct PyException {
    pub(crate) gc: crate::gc::GcHeader,
    pub class: Rc<TypeObject>,
    /// `exc.args`; `BaseException.__init__` may replace them.
    pub args: RefCell<Vec<Value>>,
    /// The exception's `__dict__` (`self.code = code`), made on first use
    /// (see [`PyException::dict`]): most exceptions are raised, caught
    /// and dropped without one, and making it was a dict allocation and a
    /// collector registration per raise.
    dict: std::cell::OnceCell<Value>,
    /// `raise ... from cause`.
    pub cause: RefCell<Option<Value>>,
    /// The exception being handled when this one was raised.
    pub context: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    pub traceback: RefCell<Vec<TracebackEntry>>,
    /// The weak references to it (instances of user subclasses only).
    pub weakrefs: crate::builtins::weakref::WeakRefList,
}

impl PyException {
    /// The `__dict__`, made now if it was not yet.
    pub fn dict(&self) -> &Value {
        self.dict
            .get_or_init(|| Value::dict(crate::builtins::dict::PyDict::new()))
    }

    /// The `__dict__` if it was made: reading an attribute of an exception
    /// without one finds nothing.
    pub fn dict_if_made(&self) -> Option<&crate::builtins::dict::PyDict> {
        self.dict.get()?.as_dict_or_subclass()
    }

    /// The `__dict__` taken out (the collector breaking a cycle).
    pub(crate) fn take_dict(&mut self) -> Option<Value> {
        self.dict.take()
    }

    pub fn new(class: Rc<TypeObject>, args: Vec<Value>) -> PyException {
        PyException {
            gc: Default::default(),
            class,
            args: RefCell::new(args),
            dict: std::cell::OnceCell::new(),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            traceback: RefCell::new(Vec::new()),
            weakrefs: Default::default(),
        }
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(args) = self.args.try_borrow() {
            args.iter().for_each(&mut *visit);
        }
        if let Some(dict) = self.dict.get() {
            visit(dict);
        }
        if let Ok(cause) = self.cause.try_borrow()
            && let Some(c) = &*cause
        {
            visit(c);
        }
        if let Ok(context) = self.context.try_borrow()
            && let Some(c) = &*context
        {
            visit(c);
        }
        if let Ok(traceback) = self.traceback.try_borrow() {
            traceback.iter().for_each(|entry| {
                visit(&entry.globals);
                entry.locals.iter().flatten().for_each(&mut *visit);
            });
        }
    }

    /// Lets go of the arguments and the chained exceptions (the collector
    /// breaking a cycle; `__dict__` is a dict it clears on its own).
    pub(crate) fn clear_for_collector(&self) {
        let args = self
            .args
            .try_borrow_mut()
            .map(|mut a| std::mem::take(&mut *a));
        let cause = self.cause.try_borrow_mut().map(|mut c| c.take());
        let context = self.context.try_borrow_mut().map(|mut c| c.take());
        let traceback = self
            .traceback
            .try_borrow_mut()
            .map(|mut t| std::mem::take(&mut *t));
        drop((args, cause, context, traceback));
    }

    /// `exc.__traceback__ = tb`: the entries of traceback object `tb`
    /// (innermost first, as the dispatch loop pushes them), or none.
    pub fn set_traceback(&self, tb: &Value) -> crate::PyResult<()> {
        let entries = match tb {
            Value::None => Vec::new(),
            _ => crate::builtins::traceback_object::entries_of(tb)
                .ok_or_else(|| PyErr::type_error("__traceback__ must be a traceback or None"))?,
        };
        let old = self.traceback.replace(entries);
        drop(old);
        Ok(())
    }

    /// Stores the attributes CPython keeps in the exception's own fields
    /// (`__cause__`, `__context__`, `__suppress_context__`,
    /// `__traceback__`); `None` for any other name (it goes to the
    /// `__dict__`).
    pub fn set_field(&self, name: &str, value: Value) -> Option<crate::PyResult<()>> {
        let chained = |what: &str| match &value {
            Value::None => Ok(None),
            v if matches!(v.as_obj(), Some(PyObject::Exception(_))) => Ok(Some(v.clone())),
            _ => Err(PyErr::type_error(format!(
                "exception {what} must be None or derive from BaseException"
            ))),
        };
        Some(match name {
            "__cause__" => chained("cause").map(|cause| {
                let old = self.cause.replace(cause);
                drop(old);
                self.suppress_context.set(true);
            }),
            "__context__" => chained("context").map(|context| {
                let old = self.context.replace(context);
                drop(old);
            }),
            "__suppress_context__" => match value {
                Value::Bool(b) => {
                    self.suppress_context.set(b.get());
                    Ok(())
                }
                _ => Err(PyErr::type_error("attribute value type must be bool")),
            },
            "__traceback__" => self.set_traceback(&value),
            _ => return None,
        })
    }

    /// `str(exc)`.
    pub fn str(&self) -> String {
        if let Some(text) = self.unicode_error_str() {
            return text;
        }
        match self.args.borrow().as_slice() {
            [] => String::new(),
            // SyntaxError('msg', (filename, lineno, ...)): `msg (file, line N)`.
            [message, details] if self.class.is_subtype(&exc_type(ExcType::SyntaxError)) => {
                let message = protocol::str(message).unwrap_or_default();
                let details = details
                    .as_tuple()
                    .map(|t| t.as_slice().to_vec())
                    .unwrap_or_default();
                let filename = details
                    .first()
                    .and_then(|f| f.as_str().map(|f| f.as_str().to_string()));
                let lineno = details.get(1).and_then(|l| match l {
                    Value::Int(n) => Some(*n),
                    _ => None,
                });
                let basename = filename
                    .as_deref()
                    .map(|f| f.rsplit('/').next().unwrap_or(f));
                match (basename, lineno) {
                    (Some(file), Some(line)) => format!("{message} ({file}, line {line})"),
                    (Some(file), None) => format!("{message} ({file})"),
                    (None, Some(line)) => format!("{message} (line {line})"),
                    (None, None) => message,
                }
            }
            // OSError_str: from its errno, strerror and filename fields
            // (not its arguments): `[Errno 2] No such file or directory`,
            // then `: 'filename'` when it has one.
            _ if self.class.is_subtype(&exc_type(ExcType::OSError))
                && let Some(text) = self.os_error_text() =>
            {
                text
            }
            // UnicodeDecodeError: `'utf-8' codec can't decode byte 0xff in
            // position 0: invalid start byte`, from its attributes.
            args if args.len() >= 4
                && let Some(kind) = unicode_error_kind(&self.class)
                && let Some(dict) = self.dict_if_made()
                && let Some(text) = crate::builtins::codecs::unicode_error_str(kind, &|name| {
                    dict.get_item(&Value::str(name)).ok().flatten()
                }) =>
            {
                text
            }
            // KeyError shows the key's repr: `KeyError: 'x'`.
            [a] if self.class.is_subtype(&exc_type(ExcType::KeyError)) => {
                protocol::repr(a).unwrap_or_default()
            }
            [a] => protocol::str(a).unwrap_or_default(),
            args => protocol::repr(&Value::tuple(args.to_vec())).unwrap_or_default(),
        }
    }

    /// `str(exc)` of a `UnicodeDecodeError`, `UnicodeEncodeError` or
    /// `UnicodeTranslateError` from its (writable) `encoding`, `object`,
    /// `start`, `end` and `reason` attributes, in CPython's words; `None`
    /// for other exceptions and for one whose attributes were never set
    /// (made with a bare message), which reads as its arguments.
    fn unicode_error_str(&self) -> Option<String> {
        let kind = unicode_error_kind(&self.class)?;
        let dict = self.dict_if_made()?;
        let attribute = |name: &str| dict.get_item(&Value::str(name)).ok().flatten();
        let object = attribute("object")?;
        let text = |name: &str| {
            attribute(name)
                .map(|v| protocol::str(&v).unwrap_or_default())
                .unwrap_or_else(|| "None".to_string())
        };
        let position = |name: &str| match attribute(name) {
            Some(Value::Int(n)) => n,
            Some(Value::Bool(b)) => i64::from(b.get()),
            _ => 0,
        };
        let (start, end) = (position("start"), position("end"));
        let reason = text("reason");
        // One item in range: it is named; otherwise the range is.
        let single = |len: usize| {
            (start >= 0 && (start as u64) < len as u64 && end >= 0 && end as u64 <= len as u64)
                .then_some(start as usize)
                .filter(|_| end == start + 1)
        };
        let character = |s: &str| {
            let chars = s.chars().count();
            single(chars).and_then(|at| s.chars().nth(at)).map(|c| {
                let code = crate::builtins::str::code_point_of(c);
                match code {
                    0..=0xff => format!("'\\x{code:02x}'"),
                    0x100..=0xffff => format!("'\\u{code:04x}'"),
                    _ => format!("'\\U{code:08x}'"),
                }
            })
        };
        let range = format!("in position {start}-{}: {reason}", end - 1);
        Some(match kind {
            ExcType::UnicodeDecodeError => {
                let encoding = text("encoding");
                let bytes = crate::buffer::bytes_like(&object).ok().flatten();
                let byte = bytes.and_then(|b| single(b.len()).map(|at| b[at]));
                match byte {
                    Some(byte) => format!(
                        "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
                    ),
                    None => format!("'{encoding}' codec can't decode bytes {range}"),
                }
            }
            ExcType::UnicodeEncodeError => {
                let encoding = text("encoding");
                match object
                    .as_str_or_subclass()
                    .and_then(|s| character(s.as_str()))
                {
                    Some(c) => format!(
                        "'{encoding}' codec can't encode character {c} in position {start}: {reason}"
                    ),
                    None => format!("'{encoding}' codec can't encode characters {range}"),
                }
            }
            _ => match object
                .as_str_or_subclass()
                .and_then(|s| character(s.as_str()))
            {
                Some(c) => format!("can't translate character {c} in position {start}: {reason}"),
                None => format!("can't translate characters {range}"),
            },
        })
    }

    /// CPython's `OSError_str` when the fields make one.
    fn os_error_text(&self) -> Option<String> {
        let field = |name: &str| {
            let dict = self.dict_if_made()?;
            dict.get_item(&Value::str(name))
                .ok()
                .flatten()
                .filter(|v| !v.is_none())
        };
        let text = |v: Option<Value>| {
            v.map_or_else(
                || "None".to_string(),
                |v| protocol::str(&v).unwrap_or_default(),
            )
        };
        let repr = |v: Value| protocol::repr(&v).unwrap_or_default();
        let (errno, strerror) = (field("errno"), field("strerror"));
        if let Some(filename) = field("filename") {
            let head = format!(
                "[Errno {}] {}: {}",
                text(errno),
                text(strerror),
                repr(filename)
            );
            return Some(match field("filename2") {
                Some(filename2) => format!("{head} -> {}", repr(filename2)),
                None => head,
            });
        }
        match (errno, strerror) {
            (Some(errno), Some(strerror)) => Some(format!(
                "[Errno {}] {}",
                text(Some(errno)),
                text(Some(strerror))
            )),
            _ => None,
        }
    }

    /// `repr(exc)`: `ValueError('x')`, `ValueError()`, `ValueError('a', 1)`.
    pub fn repr(&self) -> String {
        let mut s = String::from(&*self.class.name);
        s.push('(');
        for (i, a) in self.args.borrow().iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&protocol::repr(a).unwrap_or_default());
        }
        s.push(')');
        s
    }
}

/// Which of the Unicode errors with codec arguments `class` is (or
/// derives from).
const IMPORT_ERROR_KEYWORDS: &[&str] = &["name", "path"];

/// The keyword arguments a builtin exception class takes, each kept as
/// the attribute of its name.
fn keyword_attributes(class: &TypeObject) -> &'static [&'static str] {
    if class.is_subtype(&exc_type(ExcType::ImportError)) {
        IMPORT_ERROR_KEYWORDS
    } else if class.is_subtype(&exc_type(ExcType::AttributeError)) {
        &["name", "obj"]
    } else if class.is_subtype(&exc_type(ExcType::NameError)) {
        &["name"]
    } else {
        &[]
    }
}

/// An attribute every instance of a builtin exception class has, None
/// until set (`AttributeError().name`): `None` when `name` is not one of
/// `class`'s.
pub(crate) fn default_field(class: &TypeObject, name: &str) -> Option<Value> {
    let fields = keyword_attributes(class);
    (fields != IMPORT_ERROR_KEYWORDS && fields.contains(&name)).then_some(Value::None)
}

pub(crate) fn unicode_error_kind(class: &TypeObject) -> Option<ExcType> {
    if !class.is_subtype(&exc_type(ExcType::UnicodeError)) {
        return None;
    }
    [
        ExcType::UnicodeDecodeError,
        ExcType::UnicodeEncodeError,
        ExcType::UnicodeTranslateError,
    ]
    .into_iter()
    .find(|&kind| class.is_subtype(&exc_type(kind)))
}

/// The attributes `SyntaxError(msg, (filename, lineno, offset, text[,
/// end_lineno, end_offset]))` sets (CPython's `SyntaxError_init`); None
/// for what is not given.
fn syntax_error_attributes(pos: &[Value]) -> Result<Vec<(&'static str, Value)>, PyErr> {
    const NAMES: [&str; 6] = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    let mut attributes = vec![("msg", pos.first().cloned().unwrap_or(Value::None))];
    let details = match pos {
        [_, details] => match details.as_tuple_or_subclass() {
            Some(tuple) => tuple.as_slice().to_vec(),
            None => {
                return Err(PyErr::type_error(format!(
                    "SyntaxError() argument 2 must be tuple, not {}",
                    details.type_name()
                )));
            }
        },
        _ => Vec::new(),
    };
    if !details.is_empty() && !(4..=6).contains(&details.len()) {
        return Err(PyErr::type_error(format!(
            "function takes at {} 4 arguments ({} given)",
            if details.len() < 4 { "least" } else { "most" },
            details.len()
        )));
    }
    for (i, name) in NAMES.iter().enumerate() {
        attributes.push((name, details.get(i).cloned().unwrap_or(Value::None)));
    }
    attributes.push(("print_file_and_line", Value::None));
    Ok(attributes)
}

/// Where a syntax error is (see [`PyErr::syntax_error`]); columns are
/// 1-based, in characters.
#[derive(Clone, Debug, Default)]
pub struct SyntaxLocation {
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub text: Option<String>,
    pub end_lineno: u32,
    pub end_offset: u32,
}

/// A raised Python exception. Always holds a `PyObject::Exception`; one
/// pointer wide so `PyResult<Value>` stays 16 bytes.
#[derive(Clone)]
pub struct PyErr(Rc<PyObject>);

impl PyErr {
    /// An exception of a builtin type with a single message argument.
    pub fn new(t: ExcType, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(exc_type(t), vec![Value::str(msg)])
    }

    /// A SyntaxError (or IndentationError, TabError: `kind`) at a place in
    /// the source, with CPython's arguments `(msg, (filename, lineno,
    /// offset, text, end_lineno, end_offset))` and attributes.
    pub fn syntax_error(kind: ExcType, message: &str, location: &SyntaxLocation) -> PyErr {
        let text = match &location.text {
            Some(text) => Value::str(text.as_str()),
            None => Value::None,
        };
        let int = |n: u32| Value::Int(i64::from(n));
        let details = vec![
            Value::str(location.filename.as_str()),
            int(location.lineno),
            int(location.offset),
            text.clone(),
            int(location.end_lineno),
            int(location.end_offset),
        ];
        let err = PyErr::with_args(
            exc_type(kind),
            vec![Value::str(message), Value::tuple(details)],
        );
        if let Some(dict) = err.exception().dict().as_dict() {
            let attributes = [
                ("msg", Value::str(message)),
                ("filename", Value::str(location.filename.as_str())),
                ("lineno", int(location.lineno)),
                ("offset", int(location.offset)),
                ("text", text),
                ("end_lineno", int(location.end_lineno)),
                ("end_offset", int(location.end_offset)),
                ("print_file_and_line", Value::None),
            ];
            for (name, value) in attributes {
                let _ = dict.set_item(Value::str(name), value);
            }
        }
        err
    }

    /// An `OSError` for C's `errno`: the subclass CPython picks for it
    /// (`FileNotFoundError` for ENOENT...), args `(errno, strerror)`, and
    /// the `errno`, `strerror`, `filename` attributes.
    pub fn os_error(errno: i32, strerror: &str, filename: Option<&str>) -> PyErr {
        let kind = match errno {
            1 | 13 => ExcType::PermissionError,
            2 => ExcType::FileNotFoundError,
            3 => ExcType::ProcessLookupError,
            4 => ExcType::InterruptedError,
            10 => ExcType::ChildProcessError,
            // EAGAIN (EWOULDBLOCK), EALREADY, EINPROGRESS.
            11 | 114 | 115 => ExcType::BlockingIOError,
            17 => ExcType::FileExistsError,
            20 => ExcType::NotADirectoryError,
            21 => ExcType::IsADirectoryError,
            // EPIPE, ESHUTDOWN.
            32 | 108 => ExcType::BrokenPipeError,
            103 => ExcType::ConnectionAbortedError,
            104 => ExcType::ConnectionResetError,
            110 => ExcType::TimeoutError,
            111 => ExcType::ConnectionRefusedError,
            _ => ExcType::OSError,
        };
        let errno = Value::Int(i64::from(errno));
        let err = PyErr::with_args(exc_type(kind), vec![errno.clone(), Value::str(strerror)]);
        if let Some(dict) = err.exception().dict().as_dict() {
            let filename = filename.map_or(Value::None, Value::str);
            let attributes = [
                ("errno", errno),
                ("strerror", Value::str(strerror)),
                ("filename", filename),
                ("filename2", Value::None),
            ];
            for (name, value) in attributes {
                let _ = dict.set_item(Value::str(name), value);
            }
        }
        err
    }

    /// The exception `class(*pos, **kw)` makes, with the attributes
    /// CPython's constructors of `OSError` (`errno`, `strerror`,
    /// `filename`, `filename2`; `OSError(2, ...)` is a
    /// `FileNotFoundError`) and `ImportError` (`name=`, `path=`) set. The
    /// keywords of a class's own `__init__` are left to it.
    pub fn construct(
        class: &Rc<TypeObject>,
        pos: &[Value],
        kw: &[(&str, Value)],
    ) -> Result<Value, PyErr> {
        let os_error = class.is_subtype(&exc_type(ExcType::OSError));
        // A class's own `__init__` takes its keywords; the builtin ones
        // take only ImportError's, NameError's and AttributeError's.
        let keywords = keyword_attributes(class);
        let refused = kw.iter().find(|(k, _)| !keywords.contains(k));
        if let (false, Some((bad, _))) = (class.heap, refused) {
            return Err(PyErr::type_error(if !keywords.is_empty() {
                format!(
                    "'{bad}' is an invalid keyword argument for {}()",
                    class.name
                )
            } else {
                format!("{}() takes no keyword arguments", class.name)
            }));
        }
        let mut class = class.clone();
        let mut args = pos.to_vec();
        let mut attributes: Vec<(&str, Value)> = Vec::new();
        if os_error {
            let errno = match pos {
                [Value::Int(errno), _, ..] if pos.len() <= 5 => Some(*errno),
                _ => None,
            };
            let at = |i: usize| pos.get(i).cloned().unwrap_or(Value::None);
            match errno {
                Some(errno) => {
                    attributes.extend([
                        ("errno", at(0)),
                        ("strerror", at(1)),
                        ("filename", at(2)),
                        ("filename2", at(4)),
                    ]);
                    if pos.len() > 2 {
                        args.truncate(2);
                    }
                    if Rc::ptr_eq(&class, &exc_type(ExcType::OSError)) {
                        class = PyErr::os_error(errno as i32, "", None)
                            .exception()
                            .class
                            .clone();
                    }
                }
                None => {
                    for name in ["errno", "strerror", "filename", "filename2"] {
                        attributes.push((name, Value::None));
                    }
                }
            }
        }
        // UnicodeDecodeError(encoding, object, start, end, reason) and
        // its kin check their arguments and keep them as attributes
        // (unless a subclass's own __init__ takes other arguments).
        if let Some(kind) = unicode_error_kind(&class)
            && !(class.heap && class.defines(crate::typeobject::Slot::Init))
        {
            attributes.extend(crate::builtins::codecs::unicode_error_attributes(
                kind, pos,
            )?);
        }
        if class.is_subtype(&exc_type(ExcType::SyntaxError)) {
            attributes.extend(syntax_error_attributes(pos)?);
        }
        if keywords == IMPORT_ERROR_KEYWORDS {
            // ImportError's `msg`: its one argument, if it has just one.
            let msg = match pos {
                [msg] => msg.clone(),
                _ => Value::None,
            };
            attributes.push(("msg", msg));
        }
        for &name in keywords {
            let given = kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
            // ImportError's are always in its `__dict__`; AttributeError's
            // and NameError's read as None when absent (`default_field`).
            if given.is_some() || keywords == IMPORT_ERROR_KEYWORDS {
                attributes.push((name, given.unwrap_or(Value::None)));
            }
        }
        let exception = PyException::new(class, args);
        if !attributes.is_empty()
            && let Some(dict) = exception.dict().as_dict()
        {
            for (name, value) in attributes {
                dict.set_item(Value::str(name), value)?;
            }
        }
        Ok(Value::obj(PyObject::Exception(Box::new(exception))))
    }

    /// Sets a raised `AttributeError`'s `name` and `obj` (CPython's
    /// `set_attribute_error_context`) unless it has them: the lookup of
    /// `name` on `obj` failed with it.
    pub fn with_attribute_context(self, obj: &Value, name: &Value) -> PyErr {
        if self.matches(ExcType::AttributeError) {
            let dict = self.exception().dict();
            if let Some(dict) = dict.as_dict()
                && !matches!(dict.get_item(&Value::str("name")), Ok(Some(found)) if !found.is_none())
                && !matches!(dict.get_item(&Value::str("obj")), Ok(Some(found)) if !found.is_none())
            {
                let _ = dict.set_item(Value::str("name"), name.clone());
                let _ = dict.set_item(Value::str("obj"), obj.clone());
            }
        }
        self
    }

    /// An `ImportError` (or `ModuleNotFoundError`: `kind`) with CPython's
    /// `name` and `path` attributes.
    pub fn import_error(
        kind: ExcType,
        message: &str,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let err = PyErr::new(kind, message);
        if let Some(dict) = err.exception().dict().as_dict() {
            let _ = dict.set_item(Value::str("msg"), Value::str(message));
            let _ = dict.set_item(Value::str("name"), name.map_or(Value::None, Value::str));
            let _ = dict.set_item(Value::str("path"), path.map_or(Value::None, Value::str));
        }
        err
    }

    pub fn with_args(class: Rc<TypeObject>, args: Vec<Value>) -> PyErr {
        let object = Rc::new(PyObject::Exception(Box::new(PyException::new(class, args))));
        crate::gc::track(&object);
        PyErr(object)
    }

    /// Raise an existing exception object; `None` if `v` is not one.
    pub fn from_value(v: &Value) -> Option<PyErr> {
        match v {
            Value::Obj(o) if matches!(**o, PyObject::Exception(_)) => Some(PyErr(o.clone())),
            _ => None,
        }
    }

    pub fn exception(&self) -> &PyException {
        match &*self.0 {
            PyObject::Exception(e) => e,
            _ => unreachable!("PyErr always holds an exception"),
        }
    }

    pub fn value(&self) -> Value {
        Value::Obj(self.0.clone())
    }

    pub fn class(&self) -> &Rc<TypeObject> {
        &self.exception().class
    }

    /// `isinstance(self, t)` for a builtin exception type.
    pub fn matches(&self, t: ExcType) -> bool {
        self.class().is_subtype(&exc_type(t))
    }

    /// `str(exc)`.
    pub fn message(&self) -> String {
        self.exception().str()
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::TypeError, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::ValueError, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::IndexError, msg)
    }
    pub fn overflow_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::OverflowError, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::ZeroDivisionError, msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::RuntimeError, msg)
    }
    /// `KeyError(key)`: the message is the key's repr.
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(exc_type(ExcType::KeyError), vec![key])
    }
}

/// `TypeError: ValueError: message`-style one-liner, as the last line of a
/// traceback prints it.
impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = self.message();
        if msg.is_empty() {
            write!(f, "{}", self.class().name)
        } else {
            write!(f, "{}: {}", self.class().name, msg)
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_repr() {
        let e = PyErr::new(ExcType::ZeroDivisionError, "division by zero");
        assert_eq!(e.to_string(), "ZeroDivisionError: division by zero");
        assert!(e.matches(ExcType::ArithmeticError));
        assert!(!e.matches(ExcType::LookupError));
        assert_eq!(
            e.exception().repr(),
            "ZeroDivisionError('division by zero')"
        );
        let k = PyErr::key_error(Value::str("x"));
        assert_eq!(k.to_string(), "KeyError: 'x'");
        let none = PyErr::with_args(exc_type(ExcType::ValueError), vec![]);
        assert_eq!(none.to_string(), "ValueError");
        assert_eq!(none.exception().repr(), "ValueError()");
        let two = PyErr::with_args(
            exc_type(ExcType::ValueError),
            vec![Value::str("a"), Value::Int(1)],
        );
        assert_eq!(two.message(), "('a', 1)");
        assert_eq!(two.exception().repr(), "ValueError('a', 1)");
    }
}
