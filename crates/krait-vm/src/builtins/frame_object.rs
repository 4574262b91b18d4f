//! Frame objects, as `sys._getframe()` returns them and `sys.settrace`'s
//! functions receive them. krait's frames live on the VM's frame stack and
//! have no Python object of their own, so a frame object is a snapshot
//! taken when it is asked for: its code, globals (the live dict), line,
//! locals (the dict `locals()` gives) and the frame below it. The standard
//! library reads `f_globals['__name__']` of its caller (`namedtuple`,
//! `Enum`) and little more. A traced frame keeps one object for its whole
//! run (`interpreter::settrace`), whose line and locals are brought up to
//! date before each trace call, and whose `f_trace` (the frame's local
//! trace function), `f_trace_lines` and `f_trace_opcodes` a tracer sets.
//!
//! Declared as a native type (see `crate::native`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::{MethodDef, Params};
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::interpreter::settrace::TraceEvent;
use crate::native::{NativeData, NativeObject, native_type};
use crate::typeobject::TypeObject;
use crate::value::Value;
use krait_bytecode::StackKind;

pub struct FrameObject {
    code: Rc<Code>,
    globals: Value,
    builtins: Value,
    locals: RefCell<Value>,
    /// A function frame's values (its fast locals, then what its cells
    /// hold) when the object was made, not yet written into `locals`:
    /// `sys._getframe` snapshots every frame below it, and most callers
    /// (`logging`'s `findCaller`) never read `f_locals`, so the dict is
    /// filled when first read instead.
    pending: RefCell<Option<Box<[Value]>>>,
    line: Cell<u32>,
    /// The instruction running (CPython's offset: index × 2).
    lasti: Cell<usize>,
    /// The caller's frame object, or None at the bottom.
    back: Value,
    /// The frame's local trace function (`f_trace`), None if not traced.
    pub(crate) trace: RefCell<Value>,
    /// Whether the local trace function gets `line` events.
    pub(crate) trace_lines: Cell<bool>,
    /// Whether it gets `opcode` events.
    pub(crate) trace_opcodes: Cell<bool>,
    /// The event a trace function is being told of for this frame, while
    /// it runs (what decides whether it may set `f_lineno`).
    pub(crate) tracing: Cell<Option<TraceEvent>>,
    /// A jump a trace function asked for by setting `f_lineno`: the
    /// instruction to go on at and the operand stack's depth there, made
    /// when the trace function returns.
    pub(crate) jump: Cell<Option<(usize, usize)>>,
}

impl FrameObject {
    /// The frame object of VM frame `index` now, over `back`.
    pub(crate) fn of_frame(vm: &mut Vm, index: usize, back: Value) -> PyResult<Value> {
        let locals = vm.frame_locals(index)?;
        Ok(FrameObject::of_running(vm, index, locals, None, back))
    }

    /// The frame object of VM frame `index` with `locals` (and, when
    /// `pending`, the values `f_locals` will write into them).
    fn of_running(
        vm: &Vm,
        index: usize,
        locals: Value,
        pending: Option<Box<[Value]>>,
        back: Value,
    ) -> Value {
        let frame = &vm.frames[index];
        let lasti = frame.pc.saturating_sub(1);
        let object = FrameObject {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            builtins: vm.builtins.clone(),
            locals: RefCell::new(locals),
            pending: RefCell::new(pending),
            line: Cell::new(frame.code.line_of(lasti)),
            lasti: Cell::new(lasti),
            back,
            trace: RefCell::new(Value::None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            tracing: Cell::new(None),
            jump: Cell::new(None),
        };
        NativeObject::new_value(FRAME_TYPE.with(Rc::clone), object)
    }

    /// The frame object of VM frame `index` now, over `back`, for
    /// `sys._getframe`: a function frame that has no locals dict yet gets
    /// an empty one (the dict `locals()` will refresh in that frame, as
    /// CPython's `f_locals` is) and the object keeps its values, written
    /// into the dict when `f_locals` is first read.
    pub(crate) fn of_frame_lazily(vm: &mut Vm, index: usize, back: Value) -> PyResult<Value> {
        let frame = &vm.frames[index];
        if !frame
            .code
            .bytecode
            .flags
            .contains(krait_bytecode::CodeFlags::OPTIMIZED)
        {
            return FrameObject::of_frame(vm, index, back);
        }
        let values = FrameObject::function_values(vm, index);
        let locals = frame
            .locals
            .clone()
            .unwrap_or_else(|| Value::dict(crate::builtins::dict::PyDict::new()));
        let object = FrameObject::of_running(vm, index, locals.clone(), Some(values), back);
        vm.frames[index].locals = Some(locals);
        Ok(object)
    }

    /// A function frame's values now: its fast locals, then what its
    /// cells hold (`Null` for those unbound).
    fn function_values(vm: &Vm, index: usize) -> Box<[Value]> {
        let frame = &vm.frames[index];
        let code = &frame.code;
        let end = frame.base + code.nlocals + code.ncells + code.nfree;
        vm.stack[frame.base..end]
            .iter()
            .enumerate()
            .map(|(i, slot)| match slot.as_obj() {
                Some(crate::object::PyObject::Cell(cell)) if i >= code.nlocals => {
                    cell.value.borrow().clone()
                }
                _ if i >= code.nlocals => Value::Null,
                _ => slot.clone(),
            })
            .collect()
    }

    /// Writes the values kept by [`FrameObject::of_frame_lazily`] (or the
    /// last `sys._getframe` that found this object) into the locals dict,
    /// as `locals()` would have then (`locals()` in the frame since has
    /// taken the values away: the dict holds newer ones).
    fn fill_locals(&self) {
        let Some(values) = self.pending.take() else {
            return;
        };
        let locals = self.locals.borrow();
        let Some(dict) = locals.as_dict() else {
            return;
        };
        let bytecode = &self.code.bytecode;
        let cell_names = bytecode.cellvars.iter().chain(&bytecode.freevars);
        let names = self
            .code
            .varname_values
            .iter()
            .cloned()
            .chain(cell_names.map(|name| Value::str(name.as_str())));
        for (name, value) in names.zip(values.iter()) {
            // (A str key: no Python code runs, no error comes.)
            if matches!(value, Value::Null) {
                let _ = dict.pop(&name);
            } else {
                let _ = dict.set_item(name, value.clone());
            }
        }
    }

    /// Brings the snapshot to where the frame is: `index`, `line`, and
    /// its locals as `locals()` gives them now.
    pub(crate) fn update(&self, index: usize, line: u32, locals: Value) {
        self.lasti.set(index);
        self.line.set(line);
        self.pending.take();
        let old = self.locals.replace(locals);
        drop(old);
    }
}

impl FrameObject {
    /// `frame.f_lineno = line` in a trace function's `line` event: checks
    /// the jump as CPython 3.11's `frame_setlineno` does (with its
    /// messages) and notes it; the VM makes it when the trace function
    /// returns, and the frame goes on at the first instruction of the
    /// line without a `line` event for it.
    fn set_lineno(&self, value: &Value) -> PyResult<()> {
        let Value::Int(wanted) = value else {
            return Err(PyErr::value_error("lineno must be an integer"));
        };
        match self.tracing.get() {
            Some(TraceEvent::Line) => {}
            Some(TraceEvent::Call) => {
                return Err(PyErr::value_error(
                    "can't jump from the 'call' trace event of a new frame",
                ));
            }
            Some(_) => {
                return Err(PyErr::value_error(
                    "can only jump from a 'line' trace event",
                ));
            }
            None => {
                return Err(PyErr::value_error(
                    "f_lineno can only be set by a trace function",
                ));
            }
        }
        if self.trace.borrow().is_none() {
            return Err(PyErr::value_error(
                "f_lineno can only be set by a trace function",
            ));
        }
        let Ok(wanted) = i32::try_from(*wanted) else {
            return Err(PyErr::value_error("lineno out of range"));
        };
        let bytecode = &self.code.bytecode;
        if i64::from(wanted) < i64::from(bytecode.first_line) {
            return Err(PyErr::value_error(format!(
                "line {wanted} comes before the current code block"
            )));
        }
        // The instructions that start a line (CPython's `marklines`), and
        // the first line at or after the one asked for that has one.
        let starts: Vec<(usize, u32)> = (0..bytecode.instructions.len())
            .filter_map(|i| {
                let line = bytecode.line_of(i)?;
                (i == 0 || bytecode.line_of(i - 1) != Some(line)).then_some((i, line))
            })
            .collect();
        let Some(line) = starts
            .iter()
            .map(|&(_, line)| line)
            .filter(|&line| i64::from(line) >= i64::from(wanted))
            .min()
        else {
            return Err(PyErr::value_error(format!(
                "line {wanted} comes after the current code block"
            )));
        };
        let kinds = krait_bytecode::stack_kinds(&bytecode.instructions, &bytecode.exception_table);
        let from = kinds.get(self.lasti.get()).cloned().flatten();
        let mut best: Option<(usize, usize)> = None;
        let mut message = "cannot find bytecode for specified line";
        let mut explained = false;
        for &(index, _) in starts.iter().filter(|&&(_, l)| l == line) {
            let target = kinds[index].as_deref();
            match (&from, target) {
                (Some(from), Some(to)) if krait_bytecode::stack_fits(from, to) => {
                    if best.is_none_or(|(_, depth)| to.len() > depth) {
                        best = Some((index, to.len()));
                    }
                }
                _ if best.is_some() || explained => {}
                (None, _) => message = "can't jump from within an exception handler",
                (Some(_), None) => {
                    message = "can't jump into an exception handler, or code may be unreachable";
                    explained = true;
                }
                (Some(_), Some(to)) => {
                    message = match to.last() {
                        Some(StackKind::Iterator) => "can't jump into the body of a for loop",
                        Some(StackKind::Except) => {
                            "can't jump into an 'except' block as there's no exception"
                        }
                        Some(StackKind::Lasti) => {
                            "can't jump into a re-raising block as there's no location"
                        }
                        _ => "incompatible stacks",
                    };
                    explained = true;
                }
            }
        }
        let Some((index, depth)) = best else {
            return Err(PyErr::value_error(message));
        };
        self.jump.set(Some((index, depth)));
        self.lasti.set(index);
        self.line.set(line);
        Ok(())
    }
}

/// `gen.gi_frame` (`cr_frame`, `ag_frame`) of a suspended or new
/// generator: a snapshot of its saved frame (its locals from its saved
/// slots), with no frame below it.
pub(crate) fn of_suspended(
    vm: &mut Vm,
    frame: &crate::interpreter::frame::SuspendedFrame,
) -> Value {
    let code = &frame.code;
    let bytecode = &code.bytecode;
    let dict = crate::builtins::dict::PyDict::new();
    let slots = bytecode.varnames.iter().zip(&frame.slots);
    let cells = bytecode.cellvars.iter().chain(&bytecode.freevars);
    let cell_slots = cells.zip(frame.slots.iter().skip(code.nlocals));
    let mut pairs: Vec<(&String, Value)> = slots.map(|(n, v)| (n, v.clone())).collect();
    for (name, slot) in cell_slots {
        if let Some(crate::object::PyObject::Cell(cell)) = slot.as_obj() {
            pairs.push((name, cell.value.borrow().clone()));
        }
    }
    for (name, value) in pairs {
        if !matches!(value, Value::Null) {
            let _ = dict.set_item(vm.names.intern(name.as_str()), value);
        }
    }
    // A generator not started yet stands on its `def` line.
    let lasti = frame.pc.saturating_sub(1);
    let line = match frame.pc {
        0 => bytecode.first_line,
        _ => code.line_of(lasti),
    };
    FrameParts {
        code: code.clone(),
        globals: frame.globals.clone(),
        builtins: vm.builtins.clone(),
        locals: Value::dict(dict),
        line,
        lasti,
        back: Value::None,
        trace: Value::None,
        trace_lines: true,
        trace_opcodes: false,
    }
    .into_value()
}

/// What a frame object holds, as a snapshot of a paused run writes it.
pub(crate) struct FrameParts {
    pub code: Rc<Code>,
    pub globals: Value,
    pub builtins: Value,
    pub locals: Value,
    pub line: u32,
    pub lasti: usize,
    pub back: Value,
    pub trace: Value,
    pub trace_lines: bool,
    pub trace_opcodes: bool,
}

impl FrameParts {
    /// The parts of `value`, if it is a frame object.
    pub(crate) fn of(value: &Value) -> Option<FrameParts> {
        let frame = value.native::<FrameObject>()?;
        frame.fill_locals();
        Some(FrameParts {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            builtins: frame.builtins.clone(),
            locals: frame.locals.borrow().clone(),
            line: frame.line.get(),
            lasti: frame.lasti.get(),
            back: frame.back.clone(),
            trace: frame.trace.borrow().clone(),
            trace_lines: frame.trace_lines.get(),
            trace_opcodes: frame.trace_opcodes.get(),
        })
    }

    /// A frame object made of these parts.
    pub(crate) fn into_value(self) -> Value {
        let object = FrameObject {
            code: self.code,
            globals: self.globals,
            builtins: self.builtins,
            locals: RefCell::new(self.locals),
            pending: RefCell::new(None),
            line: Cell::new(self.line),
            lasti: Cell::new(self.lasti),
            back: self.back,
            trace: RefCell::new(self.trace),
            trace_lines: Cell::new(self.trace_lines),
            trace_opcodes: Cell::new(self.trace_opcodes),
            tracing: Cell::new(None),
            jump: Cell::new(None),
        };
        NativeObject::new_value(FRAME_TYPE.with(Rc::clone), object)
    }
}

impl NativeData for FrameObject {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.globals);
        visit(&self.builtins);
        visit(&self.locals.borrow());
        if let Some(values) = &*self.pending.borrow() {
            values.iter().for_each(&mut *visit);
        }
        visit(&self.back);
        visit(&self.trace.borrow());
    }

    fn attribute(&self, name: &str) -> Option<Value> {
        match name {
            "f_code" => Some(Code::as_value(&self.code)),
            "f_globals" => Some(self.globals.clone()),
            "f_builtins" => Some(self.builtins.clone()),
            "f_locals" => {
                self.fill_locals();
                Some(self.locals.borrow().clone())
            }
            "f_lineno" => Some(Value::Int(i64::from(self.line.get()))),
            "f_lasti" => Some(Value::from(self.lasti.get() * 2)),
            "f_back" => Some(self.back.clone()),
            "f_trace" => Some(self.trace.borrow().clone()),
            "f_trace_lines" => Some(Value::bool(self.trace_lines.get())),
            "f_trace_opcodes" => Some(Value::bool(self.trace_opcodes.get())),
            _ => None,
        }
    }
}

thread_local! {
    static FRAME_TYPE: Rc<TypeObject> = native_type("frame", METHODS);
}

/// `sys._getframe(depth=0)`: the frame `depth` calls below the caller.
pub fn sys_getframe(vm: &mut Vm, args: Args) -> PyResult {
    args.check("_getframe", 0, 1)?;
    let depth = match args.pos.first() {
        Some(value) => match crate::builtins::module::index_value(vm, value)? {
            Value::Int(n) => n,
            Value::Bool(b) => i64::from(b.get()),
            _ => {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C int",
                ));
            }
        },
        None => 0,
    };
    let count = vm.frames.len();
    // A negative depth is the caller itself, as in CPython.
    let depth = usize::try_from(depth.max(0)).unwrap_or(usize::MAX);
    if depth >= count {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    let wanted = count - 1 - depth;
    // Objects of frames that have ended go. A frame keeps its object while
    // it runs (as CPython's frames do): `logging` asks for the chain below
    // its caller on every record, and the frames below are mostly the
    // same ones each time. The highest frame that kept its object may
    // have moved on since (it is brought up to date); the frames below it
    // have waited in their calls since its object was made, so theirs
    // still tell where they are.
    vm.frame_objects.truncate(count);
    let kept = (0..=wanted)
        .rev()
        .find_map(|index| own_frame_object(vm, index).map(|object| (index, object)));
    let mut back = Value::None;
    if let Some((index, object)) = &kept {
        refresh(vm, *index, object);
        back = object.clone();
    }
    let kept = kept.map(|(index, _)| index);
    let first = kept.map_or(0, |k| k + 1);
    for index in first..=wanted {
        back = match vm.traced_frame_object(index) {
            Some(object) => object,
            None => {
                let object = FrameObject::of_frame_lazily(vm, index, back)?;
                if vm.frame_objects.len() <= index {
                    vm.frame_objects.resize(index + 1, Value::None);
                }
                vm.frame_objects[index] = object.clone();
                object
            }
        };
    }
    Ok(back)
}

impl Vm {
    /// A frame at `depth` or above has ended: the frame objects
    /// `sys._getframe` kept for those frames go (with the values they
    /// noted for `f_locals`), so that the frame's locals die when it
    /// ends, as CPython's do — unless the program holds the object.
    #[inline]
    pub(crate) fn forget_frame_objects_above(&mut self, depth: usize) {
        if self.frame_objects.len() > depth {
            self.frame_objects.truncate(depth);
        }
    }
}

/// The object `sys._getframe` made for VM frame `index`, if that frame is
/// still the one it was made for (or the traced frame's own object): the
/// frame still holds the locals dict the object was made with (a new frame
/// at that index starts without one).
fn own_frame_object(vm: &Vm, index: usize) -> Option<Value> {
    if let Some(object) = vm.traced_frame_object(index) {
        return Some(object);
    }
    let object = vm.frame_objects.get(index)?;
    let frame_object = object.native::<FrameObject>()?;
    let frame = &vm.frames[index];
    let locals = frame.locals.as_ref()?;
    (Rc::ptr_eq(&frame_object.code, &frame.code) && frame_object.locals.borrow().is(locals))
        .then(|| object.clone())
}

/// Drops the values a frame object noted for `f_locals` (the frame's
/// `locals()` has just written newer ones into the same dict).
pub(crate) fn forget_noted_values(object: &Value, locals: &Value) {
    if let Some(frame_object) = object.native::<FrameObject>()
        && frame_object.locals.borrow().is(locals)
    {
        frame_object.pending.take();
    }
}

/// Brings a kept frame object to where its frame is now: its line and,
/// for a function's frame, the values `f_locals` will show.
fn refresh(vm: &Vm, index: usize, object: &Value) {
    let Some(frame_object) = object.native::<FrameObject>() else {
        return;
    };
    if !frame_object.trace.borrow().is_none() {
        // A traced frame's object is kept up to date by the tracing.
        return;
    }
    let frame = &vm.frames[index];
    let lasti = frame.pc.saturating_sub(1);
    frame_object.lasti.set(lasti);
    frame_object.line.set(frame.code.line_of(lasti));
    if frame
        .code
        .bytecode
        .flags
        .contains(krait_bytecode::CodeFlags::OPTIMIZED)
    {
        frame_object
            .pending
            .replace(Some(FrameObject::function_values(vm, index)));
    }
}

fn repr(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let Some(frame) = receiver.native::<FrameObject>() else {
        return Err(PyErr::type_error("descriptor requires a 'frame' object"));
    };
    Ok(Value::str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        frame as *const FrameObject as usize,
        frame.code.filename,
        frame.line.get(),
        frame.code.name
    )))
}

/// `frame.f_trace = f` and the other attributes a tracer sets.
fn setattr(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__setattr__", 2, 2)?;
    let Some(frame) = receiver.native::<FrameObject>() else {
        return Err(PyErr::type_error("descriptor requires a 'frame' object"));
    };
    let name = args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let value = &args.pos[1];
    let flag = || match value {
        Value::Bool(b) => Ok(b.get()),
        _ => Err(PyErr::type_error("attribute value type must be bool")),
    };
    match name.as_str() {
        "f_trace" => {
            let old = frame.trace.replace(value.clone());
            drop(old);
        }
        "f_trace_lines" => frame.trace_lines.set(flag()?),
        "f_trace_opcodes" => frame.trace_opcodes.set(flag()?),
        "f_lineno" => frame.set_lineno(value)?,
        "f_code" | "f_globals" | "f_builtins" | "f_locals" | "f_lasti" | "f_back" => {
            return Err(PyErr::new(
                crate::typeobject::ExcType::AttributeError,
                "readonly attribute",
            ));
        }
        _ => {
            return Err(PyErr::new(
                crate::typeobject::ExcType::AttributeError,
                format!("'frame' object has no attribute '{name}'"),
            ));
        }
    }
    Ok(Value::None)
}

/// `del frame.f_trace` (the frame stops being traced locally, as with
/// None) and CPython's refusals for the others.
fn delattr(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    args.check("__delattr__", 1, 1)?;
    let Some(frame) = receiver.native::<FrameObject>() else {
        return Err(PyErr::type_error("descriptor requires a 'frame' object"));
    };
    let name = args.pos[0]
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let attribute_error = |message: String| {
        Err(PyErr::new(
            crate::typeobject::ExcType::AttributeError,
            message,
        ))
    };
    match name.as_str() {
        "f_trace" => {
            let old = frame.trace.replace(Value::None);
            drop(old);
            Ok(Value::None)
        }
        "f_trace_lines" | "f_trace_opcodes" => {
            Err(PyErr::type_error("can't delete numeric/char attribute"))
        }
        "f_lineno" => attribute_error("cannot delete attribute".to_string()),
        "f_code" | "f_globals" | "f_builtins" | "f_locals" | "f_lasti" | "f_back" => {
            attribute_error(format!(
                "attribute '{name}' of 'frame' objects is not writable"
            ))
        }
        _ => attribute_error(format!("'frame' object has no attribute '{name}'")),
    }
}

static METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__delattr__",
        params: Params::Any,
        func: delattr,
    },
    MethodDef {
        name: "__repr__",
        params: Params::NoArgs,
        func: repr,
    },
    MethodDef {
        name: "__setattr__",
        params: Params::Any,
        func: setattr,
    },
];
