//! `sys.settrace` and `sys.setprofile`: Python functions called on the
//! observer's frame events, with CPython 3.11's protocol.
//!
//! - The trace function (`settrace`) is called with `(frame, 'call',
//!   None)` when a frame starts or a generator resumes; what it returns
//!   becomes the frame's local trace function (`frame.f_trace`), called
//!   for that frame's `line`, `return` (the value, or None when an
//!   exception leaves) and `exception` (`(type, value, traceback)`) events
//!   and, if `f_trace_opcodes` is set, `opcode`; its return value other
//!   than None replaces `f_trace` (None keeps it: CPython's
//!   `trace_trampoline`). It may set `frame.f_lineno` in a `line` event
//!   to jump (`FrameObject::set_lineno` checks it, `Vm::jump_frame`
//!   makes it once the function returns).
//! - The profile function (`setprofile`) gets `call` and `return`, and
//!   `c_call` before a builtin function is called by CALL or
//!   CALL_FUNCTION_EX (a method descriptor called with its receiver first
//!   is reported bound, as CPython does; classes are not builtin
//!   functions), then `c_return` when the calling frame runs on, or
//!   `c_exception` when the call raised; what it returns is ignored.
//! - Neither sees anything while one of them runs, nor the frames that were
//!   running when tracing started (they start no `call`).
//! - An exception from either ends that tracing (as `settrace(None)`) and
//!   is raised where the event happened.
//!
//! Each traced frame keeps one frame object from its start to its end,
//! kept here by frame depth, so `f_trace` and a tracer's per-frame state
//! (keyed by the frame object) last.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::frame_object::FrameObject;
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::value::Value;

/// The Python side of tracing, in the VM.
#[derive(Default)]
pub(crate) struct PythonTrace {
    /// `sys.settrace`'s function (None: not tracing).
    pub(crate) trace: Value,
    /// `sys.setprofile`'s function (None: not profiling).
    pub(crate) profile: Value,
    /// The frame object of each traced frame, by frame depth.
    frames: Vec<Option<TracedFrame>>,
    /// A trace or profile function is running.
    busy: bool,
    /// The jump the trace function of the instruction being observed
    /// asked for (`f_lineno` set), made by [`Vm::take_jump`].
    jump: Option<PendingJump>,
    /// The builtin functions reported by `c_call` whose calls have not
    /// come back, with the depth of the frame that called them.
    c_calls: Vec<(usize, Value)>,
}

impl PythonTrace {
    /// Drops a jump asked for: an error was raised at the instruction.
    pub(crate) fn forget_jump(&mut self) {
        self.jump = None;
    }

    /// Whether a trace or a profile function is set.
    pub(crate) fn is_set(&self) -> bool {
        !(self.trace.is_none() && self.profile.is_none())
    }
}

/// A jump asked for by setting `f_lineno`: frame depth, the instruction
/// it was at, where it goes, and the operand stack's depth there.
struct PendingJump {
    fi: usize,
    from: usize,
    target: usize,
    depth: usize,
}

struct TracedFrame {
    /// The VM frame it stands for (its code and first slot).
    code: *const Code,
    base: usize,
    object: Value,
}

/// What a trace function is told.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TraceEvent {
    Call,
    Line,
    Return,
    Exception,
    Opcode,
}

impl TraceEvent {
    fn name(self) -> &'static str {
        match self {
            TraceEvent::Call => "call",
            TraceEvent::Line => "line",
            TraceEvent::Return => "return",
            TraceEvent::Exception => "exception",
            TraceEvent::Opcode => "opcode",
        }
    }
}

impl Vm {
    /// Whether a trace or profile function should hear of events now.
    #[inline]
    pub(crate) fn python_tracing(&self) -> bool {
        !self.python_trace.busy && self.python_trace.is_set()
    }

    /// `sys.settrace(function)`.
    pub(crate) fn set_trace_function(&mut self, function: Value) {
        self.python_trace.trace = function;
        self.python_tracing_changed();
    }

    /// `sys.setprofile(function)`.
    pub(crate) fn set_profile_function(&mut self, function: Value) {
        self.python_trace.profile = function;
        self.python_trace.c_calls.clear();
        self.python_tracing_changed();
    }

    fn python_tracing_changed(&mut self) {
        if !self.python_trace.is_set() {
            self.python_trace.frames.clear();
        }
        // The frames running now are not traced: they started before.
        self.adopt_running_frames();
        self.update_watched();
    }

    /// The frame object a tracer was given for VM frame `index`, if it is
    /// traced (so `sys._getframe()` gives the same object).
    pub(crate) fn traced_frame_object(&self, index: usize) -> Option<Value> {
        let frame = self.frames.get(index)?;
        let traced = self.python_trace.frames.get(index)?.as_ref()?;
        (std::ptr::eq(traced.code, std::rc::Rc::as_ptr(&frame.code)) && traced.base == frame.base)
            .then(|| traced.object.clone())
    }

    /// The frame object of traced frame `fi`, made when the frame starts
    /// (or resumes: CPython reports a `call` then too) and kept until it
    /// ends.
    fn trace_frame_object(&mut self, fi: usize, fresh: bool) -> PyResult<Value> {
        if !fresh && let Some(object) = self.traced_frame_object(fi) {
            return Ok(object);
        }
        let back = match fi.checked_sub(1) {
            Some(below) => match self.traced_frame_object(below) {
                Some(object) => object,
                None => {
                    // A frame below that is not traced (it was running when
                    // tracing started): a snapshot chain, as `_getframe`.
                    let mut back = Value::None;
                    for index in 0..=below {
                        back = match self.traced_frame_object(index) {
                            Some(object) => object,
                            None => FrameObject::of_frame(self, index, back)?,
                        };
                    }
                    back
                }
            },
            None => Value::None,
        };
        let object = FrameObject::of_frame(self, fi, back)?;
        let frames = &mut self.python_trace.frames;
        if frames.len() <= fi {
            frames.resize_with(fi + 1, || None);
        }
        let frame = &self.frames[fi];
        frames[fi] = Some(TracedFrame {
            code: std::rc::Rc::as_ptr(&frame.code),
            base: frame.base,
            object: object.clone(),
        });
        Ok(object)
    }

    /// Before instruction `index` of frame `fi`: `c_return` for a builtin
    /// this frame called (it runs on, so the call came back); calls left
    /// by frames that ended are forgotten.
    pub(crate) fn profile_c_return(&mut self, fi: usize, index: usize, line: u32) -> PyResult<()> {
        self.profile_c_end("c_return", fi, index, line)
    }

    /// The builtin calls made at depth `fi` or deeper are forgotten.
    pub(crate) fn forget_c_calls_from(&mut self, fi: usize) {
        let calls = &mut self.python_trace.c_calls;
        while calls.last().is_some_and(|(depth, _)| *depth >= fi) {
            calls.pop();
        }
    }

    /// An exception raised in frame `fi`: `c_exception` for the builtin
    /// it was calling.
    pub(crate) fn profile_c_exception(
        &mut self,
        fi: usize,
        index: usize,
        line: u32,
    ) -> PyResult<()> {
        self.profile_c_end("c_exception", fi, index, line)
    }

    fn profile_c_end(
        &mut self,
        event: &'static str,
        fi: usize,
        index: usize,
        line: u32,
    ) -> PyResult<()> {
        let calls = &mut self.python_trace.c_calls;
        while calls.last().is_some_and(|(depth, _)| *depth > fi) {
            calls.pop();
        }
        match calls.last() {
            Some((depth, _)) if *depth == fi => {}
            _ => return Ok(()),
        }
        let (_, function) = calls.pop().expect("checked above");
        self.profile_builtin(event, fi, index, line, function)
    }

    /// Before CALL or CALL_FUNCTION_EX at instruction `index` of frame
    /// `fi`: `c_call` if what it calls is a builtin function.
    pub(crate) fn profile_c_call(
        &mut self,
        fi: usize,
        index: usize,
        line: u32,
        instruction: krait_bytecode::Instruction,
    ) -> PyResult<()> {
        use crate::object::PyObject;
        use krait_bytecode::Instruction as I;
        if self.python_trace.profile.is_none() || !self.python_tracing() {
            return Ok(());
        }
        let stack = &self.stack[..];
        let len = stack.len();
        // The callable, and its first argument (a method descriptor's
        // receiver).
        let (callable, first) = match instruction {
            I::Call(argc) => {
                let argc = argc as usize;
                let Some(at) = len.checked_sub(argc + 2) else {
                    return Ok(());
                };
                match &stack[at] {
                    Value::Null => (
                        stack[at + 1].clone(),
                        stack.get(at + 2).filter(|_| argc > 0).cloned(),
                    ),
                    method => (method.clone(), Some(stack[at + 1].clone())),
                }
            }
            I::CallFunctionEx(has_kwargs) => {
                let Some(at) = len.checked_sub(2 + usize::from(has_kwargs)) else {
                    return Ok(());
                };
                let first = stack[at + 1]
                    .as_tuple()
                    .and_then(|t| t.as_slice().first().cloned());
                (stack[at].clone(), first)
            }
            _ => return Ok(()),
        };
        let reported = match callable.as_obj() {
            Some(PyObject::BuiltinFunction(_)) => callable,
            Some(PyObject::MethodDescriptor(d)) if d.bound.is_some() => callable,
            // A builtin class method (`int.from_bytes`).
            Some(PyObject::BoundMethod(m))
                if matches!(m.function.as_obj(), Some(PyObject::BuiltinFunction(_))) =>
            {
                callable
            }
            Some(PyObject::MethodDescriptor(d)) => match first {
                Some(receiver) => Value::obj(PyObject::MethodDescriptor(
                    crate::builtins::function::PyMethodDescriptor {
                        def: d.def,
                        bound: Some(receiver),
                    },
                )),
                None => return Ok(()),
            },
            _ => return Ok(()),
        };
        self.python_trace.c_calls.push((fi, reported.clone()));
        self.profile_builtin("c_call", fi, index, line, reported)
    }

    /// Calls the profile function with `(frame, event, function)`.
    fn profile_builtin(
        &mut self,
        event: &'static str,
        fi: usize,
        index: usize,
        line: u32,
        function: Value,
    ) -> PyResult<()> {
        if self.python_trace.profile.is_none() || !self.python_tracing() {
            return Ok(());
        }
        let object = self.trace_frame_object(fi, false)?;
        let locals = self.frame_locals(fi)?;
        if let Some(frame) = object.native::<FrameObject>() {
            frame.update(index, line, locals);
        }
        let profile = self.python_trace.profile.clone();
        self.python_trace.busy = true;
        let result = self.call(&profile, Args::new(&[object, Value::str(event), function]));
        self.python_trace.busy = false;
        if let Err(err) = result {
            self.set_profile_function(Value::None);
            return Err(err);
        }
        Ok(())
    }

    /// Tells the trace and profile functions of `event` in frame `fi`, at
    /// instruction `index` on `line`, with `arg`. An error from either ends
    /// its tracing and is returned.
    pub(crate) fn trace_python(
        &mut self,
        event: TraceEvent,
        fi: usize,
        index: usize,
        line: u32,
        arg: Value,
    ) -> PyResult<()> {
        if !self.python_tracing() {
            return Ok(());
        }
        let tracing = !self.python_trace.trace.is_none();
        let profiling = !self.python_trace.profile.is_none()
            && matches!(event, TraceEvent::Call | TraceEvent::Return);
        // The function to call for this frame: the global one for a
        // start, the frame's own for the rest (none if it has no object).
        let local = if event == TraceEvent::Call {
            None
        } else {
            self.traced_frame_object(fi)
        };
        let wants_trace = tracing
            && match event {
                TraceEvent::Call => true,
                _ => local.as_ref().is_some_and(|object| {
                    object.native::<FrameObject>().is_some_and(|frame| {
                        !frame.trace.borrow().is_none()
                            && match event {
                                TraceEvent::Line => frame.trace_lines.get(),
                                TraceEvent::Opcode => frame.trace_opcodes.get(),
                                _ => true,
                            }
                    })
                }),
            };
        if !wants_trace && !profiling {
            if event == TraceEvent::Return {
                self.end_traced_frame(fi);
            }
            return Ok(());
        }
        let object = match local {
            Some(object) => object,
            None => self.trace_frame_object(fi, event == TraceEvent::Call)?,
        };
        let locals = self.frame_locals(fi)?;
        // A frame starts on its `def` line, as CPython reports it.
        let line = if event == TraceEvent::Call && index == 0 {
            self.frames[fi].code.bytecode.first_line
        } else {
            line
        };
        let Some(frame) = object.native::<FrameObject>() else {
            return Ok(());
        };
        frame.update(index, line, locals);
        frame.tracing.set(Some(event));
        self.python_trace.busy = true;
        let result = self.call_trace_functions(&object, event, arg, wants_trace, profiling);
        self.python_trace.busy = false;
        let frame = object.native::<FrameObject>().expect("a frame object");
        frame.tracing.set(None);
        // `f_lineno` set by the trace function: made now that it has
        // returned (not if it raised, as in CPython).
        if let Some((target, depth)) = frame.jump.take()
            && result.is_ok()
        {
            self.python_trace.jump = Some(PendingJump {
                fi,
                from: index,
                target,
                depth,
            });
        }
        if event == TraceEvent::Return {
            self.end_traced_frame(fi);
        }
        result
    }

    /// The jump a trace function asked for while the instruction now
    /// observed was announced, made once all its hooks ran without an
    /// error (an error leaves the frame where it was): the instruction
    /// the watched loop goes on at.
    pub(crate) fn take_jump(&mut self) -> Option<usize> {
        let PendingJump {
            fi,
            from,
            target,
            depth,
        } = self.python_trace.jump.take()?;
        self.jump_frame(fi, from, target, depth);
        Some(target)
    }

    /// Moves frame `fi` from instruction `from` to `target`, its operand
    /// stack cut to `depth` values (what the jump leaves: a `for` loop's
    /// iterator when jumping out of it). The target runs without a `line`
    /// event of its own.
    fn jump_frame(&mut self, fi: usize, from: usize, target: usize, depth: usize) {
        let frame = &self.frames[fi];
        let bytecode = &frame.code.bytecode;
        let kinds = krait_bytecode::stack_kinds(&bytecode.instructions, &bytecode.exception_table);
        let kinds = kinds.get(from).cloned().flatten().unwrap_or_default();
        let start = frame.base + frame.code.nslots();
        // Popped from the top; leaving an `except` block gives back the
        // exception handled before it, as POP_EXCEPT would.
        while self.stack.len() > start + depth {
            let Some(value) = self.stack.pop() else {
                break;
            };
            if kinds.get(self.stack.len() - start) == Some(&krait_bytecode::StackKind::Except) {
                self.handled = value;
            }
        }
        self.frames[fi].pc = target + 1;
        self.note_jump(fi, target);
    }

    fn call_trace_functions(
        &mut self,
        object: &Value,
        event: TraceEvent,
        arg: Value,
        wants_trace: bool,
        profiling: bool,
    ) -> PyResult<()> {
        let frame = object.native::<FrameObject>().expect("a frame object");
        let name = Value::str(event.name());
        if wants_trace {
            let function = match event {
                TraceEvent::Call => self.python_trace.trace.clone(),
                _ => frame.trace.borrow().clone(),
            };
            let args = [object.clone(), name.clone(), arg.clone()];
            match self.call(&function, Args::new(&args)) {
                // A `return` event's result is not kept (the frame ends);
                // a local trace function's None keeps it (CPython's
                // `trace_trampoline`: only the `call` event's None means
                // no local tracing).
                Ok(local)
                    if event == TraceEvent::Call
                        || (event != TraceEvent::Return && !local.is_none()) =>
                {
                    let old = frame.trace.replace(local);
                    drop(old);
                }
                Ok(_) => {}
                Err(err) => {
                    self.set_trace_function(Value::None);
                    return Err(err);
                }
            }
        }
        if profiling {
            let function = self.python_trace.profile.clone();
            if let Err(err) = self.call(&function, Args::new(&[object.clone(), name, arg])) {
                self.set_profile_function(Value::None);
                return Err(err);
            }
        }
        Ok(())
    }

    /// Frame `fi` has ended (or is suspended): its object is let go.
    fn end_traced_frame(&mut self, fi: usize) {
        if let Some(slot) = self.python_trace.frames.get_mut(fi) {
            *slot = None;
        }
    }
}
