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
    /// The entries of this object and of those after it (`tb_next`),
    /// innermost first: the exception's, or a part of them.
    entries: Rc<[TracebackEntry]>,
    frame: Value,
    next: Value,
}

impl TracebackObject {
    fn entry(&self) -> &TracebackEntry {
        self.entries
            .last()
            .expect("a traceback object has its entry")
    }
}

impl NativeData for TracebackObject {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.frame);
        visit(&self.next);
        self.entries.iter().for_each(|entry| visit(&entry.globals));
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        let entry = self.entry();
        match name {
            "tb_frame" => Some(self.frame.clone()),
            "tb_next" => Some(self.next.clone()),
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
    for (i, frame) in frames.into_iter().enumerate() {
        let object = TracebackObject {
            entries: entries[..=i].into(),
            frame,
            next,
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
    Some(tb.native::<TracebackObject>()?.entries.to_vec())
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

static METHODS: &[MethodDef] = &[MethodDef {
    name: "__repr__",
    params: Params::NoArgs,
    func: repr,
}];
