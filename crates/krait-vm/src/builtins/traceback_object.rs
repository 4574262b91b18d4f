//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`). krait
//! keeps a raised exception's traceback inside it, as the entries the
//! dispatch loop pushes while unwinding (innermost first); a traceback
//! object is made from them when asked for: one per entry, outermost
//! first, linked by `tb_next`, each with a frame object (`tb_frame`: the
//! frame's code, globals and line; `f_locals` as the exception left the
//! frame when it ended it, a module's globals, a running frame's locals
//! when the traceback is read) and `tb_lineno`/`tb_lasti`.
//!
//! Declared as a native type (see `crate::native`).

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::exception::{PyErr, PyException, TracebackEntry};
use crate::builtins::frame_object::FrameParts;
use crate::builtins::function::{MethodDef, Params};
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::native::{NativeData, NativeObject, native_type};
use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

pub struct TracebackObject {
    /// The frame's line this object stands for.
    entry: TracebackEntry,
    frame: Value,
    /// `tb_next`: the traceback object of the frame it called (assignable,
    /// as in CPython 3.7+), or None.
    next: std::cell::RefCell<Value>,
}

impl TracebackObject {
    fn entry(&self) -> &TracebackEntry {
        &self.entry
    }

    fn next(&self) -> Value {
        self.next.borrow().clone()
    }
}

impl NativeData for TracebackObject {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.frame);
        if let Ok(next) = self.next.try_borrow() {
            visit(&next);
        }
        visit(&self.entry.globals);
        self.entry.locals.iter().flatten().for_each(&mut *visit);
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        let entry = self.entry();
        match name {
            "tb_frame" => Some(self.frame.clone()),
            "tb_next" => Some(self.next()),
            "tb_lineno" => Some(Value::Int(i64::from(entry.line))),
            "tb_lasti" => Some(Value::Int(i64::from(entry.lasti) * 2)),
            _ => None,
        }
    }
}

thread_local! {
    static TRACEBACK_TYPE: Rc<TypeObject> = native_type("traceback", METHODS);
}

/// `exc.__traceback__`: the traceback objects of `exception`'s entries
/// (None if it was never raised).
pub fn traceback_of(exception: &PyException) -> Value {
    traceback_of_live(exception, &mut |_| None)
}

/// What a frame still running shows instead of its entry's record: its
/// locals now, its line and instruction now.
pub type LiveFrame = (Value, u32, usize);

/// [`traceback_of`], with `live` telling the frames that still run (the
/// interpreter's `Vm::traceback_value`).
pub fn traceback_of_live(
    exception: &PyException,
    live: &mut dyn FnMut(&TracebackEntry) -> Option<LiveFrame>,
) -> Value {
    let entries: Rc<[TracebackEntry]> = exception.traceback.borrow().clone().into();
    chain(&entries, live)
}

/// The traceback objects of `entries` (innermost first), outermost first.
fn chain(
    entries: &Rc<[TracebackEntry]>,
    live: &mut dyn FnMut(&TracebackEntry) -> Option<LiveFrame>,
) -> Value {
    // Frames outermost first, so each can hold the one below it (its
    // caller, the next entry out).
    let mut frames = vec![Value::None; entries.len()];
    let mut back = Value::None;
    for (i, entry) in entries.iter().enumerate().rev() {
        let running = match entry.locals {
            None => live(entry),
            Some(_) => None,
        };
        let (line, lasti) = match &running {
            Some((_, line, lasti)) => (*line, *lasti),
            None => (entry.line, entry.lasti as usize),
        };
        let frame = match &entry.code {
            Some(code) => FrameParts {
                code: code.clone(),
                globals: entry.globals.clone(),
                builtins: Value::None,
                locals: match (&entry.locals, running) {
                    (Some(slots), _) => locals_of(code, slots),
                    (None, Some((locals, _, _))) => locals,
                    // A module frame's namespace is its globals.
                    (None, None) if code.bytecode.name == "<module>" => entry.globals.clone(),
                    (None, None) => Value::dict(PyDict::new()),
                },
                line,
                lasti,
                back: back.clone(),
                trace: Value::None,
                trace_lines: true,
                trace_opcodes: false,
            }
            .into_value(),
            None => Value::None,
        };
        frames[i] = frame.clone();
        back = frame;
    }
    // Traceback objects innermost first, each pointing to the one inside.
    let mut next = Value::None;
    for (entry, frame) in entries.iter().zip(frames) {
        let object = TracebackObject {
            entry: entry.clone(),
            frame,
            next: std::cell::RefCell::new(next),
        };
        next = NativeObject::new_value(TRACEBACK_TYPE.with(Rc::clone), object);
    }
    next
}

/// The dict `f_locals` gives for a function frame's `slots` (fast
/// locals, then cells, as `Vm::frame_locals` reads them): bound names
/// only, a cell by its contents.
fn locals_of(code: &Code, slots: &[Value]) -> Value {
    let bytecode = &code.bytecode;
    let dict = PyDict::new();
    let (fast, cells) = slots.split_at(code.nlocals.min(slots.len()));
    let cell_names = bytecode.cellvars.iter().chain(&bytecode.freevars);
    let fast = bytecode
        .varnames
        .iter()
        .zip(fast)
        .map(|(n, v)| (n, v.clone()));
    let cells = cell_names
        .zip(cells)
        .filter_map(|(n, cell)| match cell.as_obj() {
            Some(PyObject::Cell(cell)) => Some((n, cell.value.borrow().clone())),
            _ => None,
        });
    for (name, value) in fast.chain(cells) {
        if !matches!(value, Value::Null) {
            // (A str key and a fresh dict: no error can come.)
            let _ = dict.set_item(Value::str(name.as_str()), value);
        }
    }
    Value::dict(dict)
}

/// The entries a traceback object stands for (innermost first), for
/// `exc.__traceback__ = tb` and `with_traceback(tb)`.
pub fn entries_of(tb: &Value) -> Option<Vec<TracebackEntry>> {
    let mut entries = vec![tb.native::<TracebackObject>()?.entry.clone()];
    let mut cursor = tb.native::<TracebackObject>()?.next();
    // (Assignment refuses loops: the walk ends.)
    while let Some(object) = cursor.native::<TracebackObject>() {
        entries.push(object.entry.clone());
        cursor = object.next();
    }
    entries.reverse();
    Some(entries)
}

/// `tb.tb_next = value` with CPython's checks; the other attributes are
/// read-only.
fn set_attribute(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(tb) = receiver.native::<TracebackObject>() else {
        return Err(PyErr::type_error(
            "descriptor requires a 'traceback' object",
        ));
    };
    let name = args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                args.pos[0].type_name()
            ))
        })?;
    let value = args.pos.get(1);
    match name.as_str() {
        "tb_next" => {}
        "tb_frame" | "tb_lasti" | "tb_lineno" => {
            return Err(PyErr::new(
                crate::typeobject::ExcType::AttributeError,
                format!("attribute '{name}' of 'traceback' objects is not writable"),
            ));
        }
        _ => {
            return Err(PyErr::new(
                crate::typeobject::ExcType::AttributeError,
                format!("'traceback' object has no attribute '{name}'"),
            ));
        }
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete tb_next attribute"));
    };
    if !value.is_none() && value.native::<TracebackObject>().is_none() {
        return Err(PyErr::type_error(format!(
            "expected traceback object, got '{}'",
            value.type_name()
        )));
    }
    let mut cursor = value.clone();
    while let Some(object) = cursor.native::<TracebackObject>() {
        if std::ptr::eq(object, tb) {
            return Err(PyErr::value_error("traceback loop detected"));
        }
        cursor = object.next();
    }
    let old = tb.next.replace(value.clone());
    drop(old);
    Ok(Value::None)
}

fn repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let Some(tb) = receiver.native::<TracebackObject>() else {
        return Err(PyErr::type_error(
            "descriptor requires a 'traceback' object",
        ));
    };
    Ok(Value::str(format!(
        "<traceback object at {:#x}>",
        tb as *const TracebackObject as usize
    )))
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: repr,
    },
    MethodDef {
        name: "__setattr__",
        params: Params::Positional(2, 2),
        func: set_attribute,
    },
    MethodDef {
        name: "__delattr__",
        params: Params::Positional(1, 1),
        func: set_attribute,
    },
];
