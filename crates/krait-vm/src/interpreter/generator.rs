//! Generators: resuming a suspended frame, `send`, `throw`, `close`, and
//! the SEND instruction's delegation for `yield from`.
//!
//! A generator's frame lives in the generator while suspended. Resuming
//! puts its slots back on the VM's stack and runs it as an entry frame of a
//! nested dispatch loop until it yields, returns or raises.

use std::rc::Rc;

use crate::builtins::function::{GeneratorKind, GeneratorStatus, NativeMethod, PyGenerator};
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::interpreter::eval::{FrameExit, Unwind};
use crate::interpreter::frame::{Frame, ResumedBy, SuspendedFrame};
use crate::object::PyObject;
use crate::protocol;
use crate::typeobject::{ExcType, exc_type};
use crate::value::Value;
use crate::{PyErr, PyResult};

use krait_bytecode::Instruction as I;

/// A drain's state while its generator runs (see [`Vm::drain_generator`]).
pub(crate) struct Drain {
    items: Vec<Value>,
    accept: fn(&Value) -> bool,
    limit: usize,
    /// The generator stopped on a value `accept` refused.
    refused: bool,
    /// Making room for an item failed: the generator stopped.
    error: Option<PyErr>,
}

/// How a [`Vm::drain_generator`] ended.
pub(crate) enum Drained {
    /// The generator returned: no more items.
    Exhausted,
    /// The sink holds `limit` items; the generator is suspended after
    /// the last of them.
    Paused,
    /// The generator yielded this value, which `accept` refused; it is
    /// suspended after it (the value is the caller's to handle).
    Refused(Value),
}

/// The error a generator's frame ends with, as its caller sees it: a
/// StopIteration escaping the body becomes RuntimeError (PEP 479), as does
/// StopAsyncIteration from an async generator.
fn escaped_stop(err: PyErr, kind: GeneratorKind) -> PyErr {
    let escaped = if err.matches(ExcType::StopIteration) {
        "StopIteration"
    } else if kind == GeneratorKind::AsyncGenerator && err.matches(ExcType::StopAsyncIteration) {
        "StopAsyncIteration"
    } else {
        return err;
    };
    let replacement = PyErr::runtime_error(format!("{} raised {escaped}", kind.noun()));
    *replacement.exception().cause.borrow_mut() = Some(err.value());
    replacement
}

/// How to continue a suspended generator.
pub(crate) enum Resume {
    /// `send(value)`: the value becomes the result of the paused `yield`.
    Send(Value),
    /// `throw(exc)`: the exception is raised where the generator paused.
    Throw(PyErr),
    /// A delegated generator returned: the `yield from` ends with this value.
    FinishDelegation(Value),
    /// The exception is raised at the paused `yield from` itself: the
    /// delegate already had its turn (its `throw` failed or was refused).
    ThrowHere(PyErr),
    /// The delegate of the paused `yield from` raised this, resumed
    /// directly through the chain's shortcut: it goes on at the SEND, as
    /// if the SEND had resumed the delegate.
    RaiseAtSend(PyErr),
}

impl Vm {
    /// `gen.send(value)` / `next(gen)`: the yielded value, or StopIteration.
    pub(crate) fn send_to_generator(&mut self, generator: &Value, value: Value) -> PyResult {
        match self.resume(generator, Resume::Send(value))? {
            FrameExit::Yield(value) => Ok(value),
            FrameExit::Return(value) => Err(stop_iteration(value)),
        }
    }

    /// `next()` for iteration: `None` when the generator is exhausted.
    pub(crate) fn resume_for_next(&mut self, generator: &Value) -> PyResult<Option<Value>> {
        match self.resume(generator, Resume::Send(Value::None))? {
            FrameExit::Yield(value) => Ok(Some(value)),
            FrameExit::Return(value) => {
                if !value.is_none() {
                    self.ended_iteration = Some(stop_iteration(value));
                }
                Ok(None)
            }
        }
    }

    /// SEND: one step of `yield from receiver` (or of `await`).
    pub(crate) fn send_value(&mut self, receiver: &Value, value: Value) -> PyResult<FrameExit> {
        if let Some(PyObject::Generator(_) | PyObject::Coroutine(_)) = receiver.as_obj() {
            return self.resume(receiver, Resume::Send(value));
        }
        if let Some(step) = self.send_to_awaitable(receiver, value.clone()) {
            return step;
        }
        if value.is_none() {
            // A StopIteration carrying a value ends the delegation with it
            // (`yield from` an iterator whose `__next__` raises one).
            let step = match receiver.as_obj() {
                Some(PyObject::Instance(_)) => {
                    match self.call_slot_with(receiver, crate::typeobject::Slot::Next, &[]) {
                        Ok(Some(item)) => Ok(Some(item)),
                        Ok(None) => protocol::next(self, receiver),
                        Err(err) => Err(err),
                    }
                }
                _ => protocol::next(self, receiver),
            };
            return match step {
                Ok(Some(item)) => Ok(FrameExit::Yield(item)),
                Ok(None) => Ok(FrameExit::Return(Value::None)),
                Err(err) if err.matches(ExcType::StopIteration) => {
                    Ok(FrameExit::Return(stop_iteration_value(&err)))
                }
                Err(err) => Err(err),
            };
        }
        let send = self.load_attribute(receiver, &Value::str("send"))?;
        match self.call_native(&send, vec![value], &[]) {
            Ok(item) => Ok(FrameExit::Yield(item)),
            Err(err) if err.matches(ExcType::StopIteration) => {
                Ok(FrameExit::Return(stop_iteration_value(&err)))
            }
            Err(err) => Err(err),
        }
    }

    /// `gen.throw(exc)`.
    pub(crate) fn throw_into_generator(
        &mut self,
        generator: &Value,
        exc: Value,
        arg: Option<Value>,
    ) -> PyResult {
        match self.throw_as_given(generator, exc, arg)? {
            FrameExit::Yield(value) => Ok(value),
            FrameExit::Return(value) => Err(stop_iteration(value)),
        }
    }

    /// CPython's `_gen_throw`: while the generator delegates with `yield
    /// from`, the arguments of `throw` go down as given (an iterator's own
    /// `throw` method sees the class or even a non-exception, as passed);
    /// they become an exception only where it is raised, and an error in
    /// doing so (or in the delegate's `throw`) is raised at the `yield
    /// from` of the generator above. GeneratorExit is not passed down: the
    /// delegate is closed and it is raised here (`resume`).
    fn throw_as_given(
        &mut self,
        generator: &Value,
        exc: Value,
        arg: Option<Value>,
    ) -> PyResult<FrameExit> {
        let delegate = match generator_of(generator) {
            Some((g, kind))
                if kind != GeneratorKind::AsyncGenerator
                    && g.status.get() == GeneratorStatus::Suspended =>
            {
                delegate_of(&g.frame.borrow())
            }
            _ => None,
        };
        let Some((receiver, send_target)) = delegate else {
            let err = self.exception_to_throw(exc, arg)?;
            return self.resume(generator, Resume::Throw(err));
        };
        if self.is_generator_exit(&exc) {
            let err = self.exception_to_throw(exc, arg)?;
            return self.resume(generator, Resume::Throw(err));
        }
        let Some((g, _)) = generator_of(generator) else {
            return Err(PyErr::type_error("not a generator"));
        };
        // Running while the delegate handles it.
        g.status.set(GeneratorStatus::Running);
        let inner = match receiver.as_obj() {
            Some(PyObject::Generator(_) | PyObject::Coroutine(_)) => {
                Some(self.throw_as_given(&receiver, exc.clone(), arg.clone()))
            }
            _ => match self.attribute_if_present(&receiver, "throw") {
                Err(err) => Some(Err(err)),
                Ok(None) => None,
                Ok(Some(throw)) => {
                    let mut args = vec![exc.clone()];
                    args.extend(arg.clone());
                    Some(match self.call_native(&throw, args, &[]) {
                        Ok(value) => Ok(FrameExit::Yield(value)),
                        Err(e) if e.matches(ExcType::StopIteration) => {
                            Ok(FrameExit::Return(stop_iteration_value(&e)))
                        }
                        Err(e) => Err(e),
                    })
                }
            },
        };
        g.status.set(GeneratorStatus::Suspended);
        match inner {
            Some(Ok(FrameExit::Yield(value))) => Ok(FrameExit::Yield(value)),
            Some(Ok(FrameExit::Return(value))) => {
                g.frame.borrow_mut().pc = send_target;
                self.resume(generator, Resume::FinishDelegation(value))
            }
            Some(Err(err)) => self.resume(generator, Resume::ThrowHere(err)),
            None => {
                let err = self.exception_to_throw(exc, arg)?;
                self.resume(generator, Resume::ThrowHere(err))
            }
        }
    }

    /// Whether `throw`'s first argument is GeneratorExit (a subclass or
    /// an instance of one).
    fn is_generator_exit(&self, exc: &Value) -> bool {
        let generator_exit = exc_type(ExcType::GeneratorExit);
        match exc.as_obj() {
            Some(PyObject::Type(t)) => t.is_subtype(&generator_exit),
            _ => PyErr::from_value(exc).is_some_and(|err| err.matches(ExcType::GeneratorExit)),
        }
    }

    /// The exception `throw(exc[, value])` raises.
    pub(crate) fn exception_to_throw(&mut self, exc: Value, arg: Option<Value>) -> PyResult<PyErr> {
        // CPython's `_gen_throw`: an instance with no separate value, or a
        // class with a value normalised as `raise` would (an instance of
        // the class as it is, a tuple as the arguments, None as none).
        let arg = arg.filter(|a| !a.is_none());
        let err = match PyErr::from_value(&exc) {
            Some(_) if arg.is_some() => {
                return Err(PyErr::type_error(
                    "instance exception may not have a separate value",
                ));
            }
            Some(err) => err,
            None => {
                let is_exception_class = matches!(
                    exc.as_obj(),
                    Some(PyObject::Type(t)) if t.is_exception_type()
                );
                if !is_exception_class {
                    return Err(PyErr::type_error(format!(
                        "exceptions must be classes or instances deriving from BaseException, not {}",
                        exc.type_name()
                    )));
                }
                let instance = match arg {
                    Some(value) if self.isinstance(&value, &exc)? => value,
                    Some(value) => {
                        let args = match value.as_tuple() {
                            Some(items) => items.as_slice().to_vec(),
                            None => vec![value],
                        };
                        self.call_native(&exc, args, &[])?
                    }
                    None => self.call_native(&exc, Vec::new(), &[])?,
                };
                match PyErr::from_value(&instance) {
                    Some(err) => err,
                    None => {
                        let class_repr = self.repr(&exc)?;
                        return Err(PyErr::type_error(format!(
                            "calling {class_repr} should have returned an instance of BaseException, not {}",
                            instance.type_name()
                        )));
                    }
                }
            }
        };
        Ok(err)
    }

    /// `gen.close()`.
    pub(crate) fn close_generator(&mut self, generator: &Value) -> PyResult {
        let Some((g, kind)) = generator_of(generator) else {
            return Ok(Value::None);
        };
        let started = match g.status.get() {
            GeneratorStatus::Suspended => g.frame.borrow().pc > 0,
            GeneratorStatus::Running => true,
            GeneratorStatus::Finished => false,
        };
        if !started {
            self.finish_generator(generator);
            return Ok(Value::None);
        }
        let exit = PyErr::with_args(exc_type(ExcType::GeneratorExit), Vec::new());
        match self.resume(generator, Resume::Throw(exit)) {
            Ok(FrameExit::Yield(_)) => Err(PyErr::runtime_error(format!(
                "{} ignored GeneratorExit",
                kind.noun()
            ))),
            Ok(FrameExit::Return(_)) => Ok(Value::None),
            Err(err)
                if err.matches(ExcType::GeneratorExit) || err.matches(ExcType::StopIteration) =>
            {
                Ok(Value::None)
            }
            Err(err) => Err(err),
        }
    }

    pub(crate) fn resume(&mut self, generator: &Value, how: Resume) -> PyResult<FrameExit> {
        let Some((g, kind)) = generator_of(generator) else {
            return Err(PyErr::type_error("not a generator"));
        };
        if let Resume::Send(_) = how
            && kind != GeneratorKind::AsyncGenerator
            && g.status.get() == GeneratorStatus::Suspended
            && self.may_shortcut_delegation()
            && let Some(delegate) = direct_delegate(g)
        {
            let Resume::Send(value) = how else {
                unreachable!("matched above")
            };
            return self.resume_through_chain(generator, delegate, value);
        }
        match g.status.get() {
            GeneratorStatus::Running => {
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    kind.noun()
                )));
            }
            GeneratorStatus::Finished => {
                return match how {
                    Resume::Throw(err) | Resume::ThrowHere(err) => Err(err),
                    _ if kind == GeneratorKind::Coroutine => Err(PyErr::runtime_error(
                        "cannot reuse already awaited coroutine",
                    )),
                    _ => Ok(FrameExit::Return(Value::None)),
                };
            }
            GeneratorStatus::Suspended => {}
        }
        let how = match how {
            Resume::Send(value) if g.frame.borrow().pc == 0 && !value.is_none() => {
                return Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind.noun()
                )));
            }
            // Thrown before the first instruction: no handler of the body
            // applies; the exception ends the generator.
            Resume::Throw(err) if g.frame.borrow().pc == 0 => {
                self.finish_generator(generator);
                return Err(err);
            }
            // Thrown while delegating with `yield from`: the inner generator gets it first.
            Resume::Throw(err) => {
                let delegate = delegate_of(&g.frame.borrow());
                match delegate {
                    Some((receiver, send_target)) => {
                        // Running while the inner generator handles it.
                        g.status.set(GeneratorStatus::Running);
                        let inner = if kind != GeneratorKind::AsyncGenerator
                            && err.matches(ExcType::GeneratorExit)
                        {
                            // PEP 380: the delegate is closed, then
                            // GeneratorExit (or the error of closing it)
                            // is raised at the `yield from`.
                            match self.close_delegate(&receiver) {
                                Ok(()) => Err(err),
                                Err(close_error) => Err(close_error),
                            }
                        } else {
                            self.throw_into_delegate(&receiver, err)
                        };
                        g.status.set(GeneratorStatus::Suspended);
                        match inner {
                            Ok(FrameExit::Yield(value)) => return Ok(FrameExit::Yield(value)),
                            Ok(FrameExit::Return(value)) => {
                                g.frame.borrow_mut().pc = send_target;
                                Resume::FinishDelegation(value)
                            }
                            Err(err) => Resume::Throw(err),
                        }
                    }
                    None => Resume::Throw(err),
                }
            }
            other => other,
        };

        let base = self.stack.len();
        let (code, pc, globals, handled) = self.take_generator_frame(g);
        let started = pc > 0;
        let caller_handled = std::mem::replace(&mut self.handled, handled);
        let pushed = self.push_frame(generator_frame(
            (code, pc, globals),
            base,
            generator.clone(),
            None,
            caller_handled.clone(),
        ));
        let result = match pushed {
            Err(err) => {
                self.finish_generator(generator);
                Err(err)
            }
            Ok(()) => match how {
                Resume::Send(value) => {
                    if started {
                        self.stack.push(value);
                    }
                    self.run()
                }
                Resume::FinishDelegation(value) => {
                    // The receiver on top of the stack becomes the result.
                    if let Some(top) = self.stack.last_mut() {
                        *top = value;
                    }
                    self.run()
                }
                Resume::Throw(err) | Resume::ThrowHere(err) => {
                    match self.unwind(Unwind::Thrown(err)) {
                        Ok(()) => self.run(),
                        Err(err) => Err(err),
                    }
                }
                Resume::RaiseAtSend(err) => match self.unwind(Unwind::Error(err)) {
                    Ok(()) => self.run(),
                    Err(err) => Err(err),
                },
            },
        };
        self.handled = caller_handled;
        // The value is taken apart here rather than the result moved
        // whole: a move read `run`'s fresh narrow stores of it with wide
        // loads (a store-forwarding stall, a third of this function's
        // time on a generator pipeline).
        let err = match result {
            Ok(FrameExit::Yield(value)) => return Ok(FrameExit::Yield(value)),
            Ok(FrameExit::Return(value)) => return Ok(FrameExit::Return(value)),
            Err(err) => err,
        };
        Err(escaped_stop(err, kind))
    }

    /// Runs the suspended plain generator `generator` on and gives its
    /// yields to `sink` (while `accept` takes them, up to `limit` items)
    /// without suspending its frame for each one: the cost of a builtin
    /// consuming a generator (`list(x for x in ...)`, `sum`, `any`) is
    /// then that of the generator's own instructions. Between the items a
    /// drain takes nothing runs but the generator (what takes them runs
    /// no Python code), so the order of what a program can see is that of
    /// one `next()` per item. `Ok(None)`: this generator cannot be drained
    /// here (an observer watches; not a plain suspended generator): call
    /// `next()`.
    pub(crate) fn drain_generator(
        &mut self,
        generator: &Value,
        sink: &mut Vec<Value>,
        accept: fn(&Value) -> bool,
        limit: usize,
    ) -> PyResult<Option<Drained>> {
        let Some(PyObject::Generator(g)) = generator.as_obj() else {
            return Ok(None);
        };
        if g.status.get() != GeneratorStatus::Suspended || !self.may_shortcut_delegation() {
            return Ok(None);
        }
        let base = self.stack.len();
        let (code, pc, globals, handled) = self.take_generator_frame(g);
        let caller_handled = std::mem::replace(&mut self.handled, handled);
        let mut frame = generator_frame(
            (code, pc, globals),
            base,
            generator.clone(),
            None,
            caller_handled.clone(),
        );
        frame.draining = true;
        if let Err(err) = self.push_frame(frame) {
            self.handled = caller_handled;
            self.finish_generator(generator);
            return Err(err);
        }
        if pc > 0 {
            self.stack.push(Value::None);
        }
        self.drains.push(Drain {
            items: std::mem::take(sink),
            accept,
            limit,
            refused: false,
            error: None,
        });
        let result = self.run();
        self.handled = caller_handled;
        let drain = self.drains.pop().expect("the drain pushed above");
        *sink = drain.items;
        match result {
            Ok(FrameExit::Return(_)) => Ok(Some(Drained::Exhausted)),
            Ok(FrameExit::Yield(_)) if let Some(err) = drain.error => Err(err),
            Ok(FrameExit::Yield(value)) if drain.refused => Ok(Some(Drained::Refused(value))),
            Ok(FrameExit::Yield(_)) => Ok(Some(Drained::Paused)),
            Err(err) => Err(escaped_stop(err, GeneratorKind::Generator)),
        }
    }

    /// YIELD_VALUE in a draining frame: `None` when the innermost drain
    /// took the value (the frame goes on as if sent None); otherwise what
    /// the frame yields as it suspends (the refused value, or None once
    /// the drain is full).
    pub(crate) fn drain_yield(&mut self, value: Value) -> Option<Value> {
        let Some(drain) = self.drains.last_mut() else {
            return Some(value);
        };
        if !(drain.accept)(&value) {
            drain.refused = true;
            return Some(value);
        }
        if let Err(err) = crate::memory::grow_for_push(&mut drain.items) {
            drain.error = Some(err);
            return Some(Value::None);
        }
        drain.items.push(value);
        (drain.items.len() >= drain.limit).then_some(Value::None)
    }

    /// `resume` with a value of `outer`, paused in `yield from` on
    /// `delegate`: the innermost generator of the chain runs, the ones
    /// between stay paused (marked running), and what it yields is the
    /// chain's yield; what it returns or raises goes on in the generator
    /// above it, and so on up (the native twin of the in-place shortcut,
    /// `descend_delegation`).
    fn resume_through_chain(
        &mut self,
        outer: &Value,
        delegate: Value,
        value: Value,
    ) -> PyResult<FrameExit> {
        let mut chain = vec![outer.clone()];
        let mut innermost = delegate;
        if let Some((g, _)) = generator_of(outer) {
            g.status.set(GeneratorStatus::Running);
        }
        while let Some((g, _)) = generator_of(&innermost)
            && let Some(next) = direct_delegate(g)
        {
            g.status.set(GeneratorStatus::Running);
            chain.push(std::mem::replace(&mut innermost, next));
        }
        let mut result = self.resume(&innermost, Resume::Send(value));
        while let Some(delegator) = chain.pop() {
            let Some((d, _)) = generator_of(&delegator) else {
                continue;
            };
            d.status.set(GeneratorStatus::Suspended);
            let send =
                d.frame.try_borrow().ok().and_then(|frame| {
                    delegation_of(&frame).map(|(_, send, target)| (send, target))
                });
            let Some((send, target)) = send else {
                continue;
            };
            result = match result {
                Ok(FrameExit::Yield(item)) => {
                    for rest in &chain {
                        if let Some((g, _)) = generator_of(rest) {
                            g.status.set(GeneratorStatus::Suspended);
                        }
                    }
                    return Ok(FrameExit::Yield(item));
                }
                Ok(FrameExit::Return(returned)) => {
                    d.frame.borrow_mut().pc = target;
                    self.resume(&delegator, Resume::FinishDelegation(returned))
                }
                Err(err) => {
                    d.frame.borrow_mut().pc = send + 1;
                    self.resume(&delegator, Resume::RaiseAtSend(err))
                }
            };
        }
        result
    }

    /// FOR_ITER over a suspended generator (on top of the stack), or SEND
    /// to one (below the value sent): its frame goes on the frame stack
    /// above the current one and the loop continues in it. False (nothing
    /// done) for anything else, when the frame stack is full (the general
    /// path then raises RecursionError), or for a value other than None
    /// sent to an unstarted generator (the general path raises TypeError).
    pub(crate) fn resume_in_place(&mut self, resumer: ResumedBy, plain: bool) -> bool {
        let depth = match resumer {
            ResumedBy::ForIter(_) => 1,
            ResumedBy::Send(_) => 2,
            ResumedBy::Call => return false,
        };
        let Some(generator) = self
            .stack
            .len()
            .checked_sub(depth)
            .and_then(|at| self.stack.get(at))
        else {
            return false;
        };
        // Checked before the count is taken: FOR_ITER asks here for every
        // iterator its fast path does not serve.
        if !matches!(
            (generator.as_obj(), resumer),
            (Some(PyObject::Generator(_)), _) | (Some(PyObject::Coroutine(_)), ResumedBy::Send(_))
        ) {
            return false;
        }
        let generator = generator.clone();
        let Some(PyObject::Generator(g) | PyObject::Coroutine(g)) = generator.as_obj() else {
            return false;
        };
        if self.frames.len() >= self.recursion_limit {
            return false;
        }
        if g.status.get() != GeneratorStatus::Suspended {
            return false;
        }
        let sent = match resumer {
            ResumedBy::ForIter(_) | ResumedBy::Call => Value::None,
            ResumedBy::Send(_) => {
                let unstarted = g.frame.borrow().pc == 0;
                if unstarted && !self.stack.last().is_some_and(Value::is_none) {
                    return false;
                }
                self.stack.pop().unwrap_or(Value::None)
            }
        };
        self.enter_generator_in_place(generator, sent, resumer, plain);
        true
    }

    /// FOR_ITER over a native iterator whose next item is that of the
    /// generator it holds ([`NativeData::pass_through`]): the generator's
    /// frame goes on the frame stack above the current one, resumed by
    /// `ResumedBy::ForIter(for_iter)` with `for_iter` the FOR_ITER's own
    /// index (a loop's exit is always past it): when the generator
    /// returns, the iterator stays and the FOR_ITER runs again. False
    /// (nothing done) when the generator cannot be resumed here.
    ///
    /// [`NativeData::pass_through`]: crate::native::NativeData::pass_through
    pub(crate) fn resume_pass_through_in_place(&mut self, for_iter: u32, plain: bool) -> bool {
        let Some(PyObject::Native(native)) = self.stack.last().and_then(Value::as_obj) else {
            return false;
        };
        let Some(generator) = native.data.pass_through() else {
            return false;
        };
        let Some(PyObject::Generator(g)) = generator.as_obj() else {
            return false;
        };
        if self.frames.len() >= self.recursion_limit || g.status.get() != GeneratorStatus::Suspended
        {
            return false;
        }
        self.enter_generator_in_place(generator, Value::None, ResumedBy::ForIter(for_iter), plain);
        true
    }

    /// CALL of `generator.send(value)`, `coroutine.send(value)` or
    /// `next(generator)` (`callable` with its arguments from `first_arg`,
    /// the call's slots from `call_base`): the generator's frame goes on
    /// the frame stack above the caller's, as for FOR_ITER, instead of a
    /// nested loop running it; what it yields is the call's result and
    /// its return raises StopIteration at the call. False (nothing done)
    /// for any other call, or whenever the general path must decide (see
    /// `resume_in_place`; also while an observer watches: it sees the
    /// call of the method as a native call).
    pub(crate) fn resume_called_in_place(
        &mut self,
        callable: &Value,
        first_arg: usize,
        call_base: usize,
        plain: bool,
    ) -> bool {
        let nargs = self.stack.len() - first_arg;
        let wanted = match callable.as_obj() {
            Some(PyObject::MethodDescriptor(method)) if method.bound.is_none() && nargs == 2 => {
                let func = method.def.func;
                if std::ptr::fn_addr_eq(
                    func,
                    crate::builtins::function::generator_send as NativeMethod,
                ) {
                    GeneratorKind::Generator
                } else if std::ptr::fn_addr_eq(
                    func,
                    crate::builtins::coroutine::coroutine_send as NativeMethod,
                ) {
                    GeneratorKind::Coroutine
                } else {
                    return false;
                }
            }
            Some(PyObject::BuiltinFunction(f))
                if nargs == 1 && crate::builtins::module::is_next(f) =>
            {
                GeneratorKind::Generator
            }
            _ => return false,
        };
        let generator = &self.stack[first_arg];
        let Some((g, kind)) = generator_of(generator) else {
            return false;
        };
        if kind != wanted
            || self.watched
            || g.status.get() != GeneratorStatus::Suspended
            || self.frames.len() >= self.recursion_limit
        {
            return false;
        }
        let sent = match nargs {
            2 => {
                if g.frame.borrow().pc == 0 && !self.stack[first_arg + 1].is_none() {
                    return false;
                }
                self.stack.pop().unwrap_or(Value::None)
            }
            _ => Value::None,
        };
        let generator = self.stack[first_arg].clone();
        self.stack.truncate(call_base);
        self.enter_generator_in_place(generator, sent, ResumedBy::Call, plain);
        true
    }

    /// Puts the suspended `generator` (checked resumable) on the frame
    /// stack above the current frame, resumed by `resumer` with `sent`
    /// (the innermost generator of its `yield from` chain, when the
    /// shortcut applies). `plain`: the plain dispatch loop runs it (no
    /// observer, budget or coverage sees its instructions), so a None
    /// sent to a `yield` statement's POP_TOP is neither pushed nor popped.
    fn enter_generator_in_place(
        &mut self,
        generator: Value,
        sent: Value,
        resumer: ResumedBy,
        plain: bool,
    ) {
        let generator = if let Some((g, _)) = generator_of(&generator)
            && paused_over_generator(g)
            && self.may_shortcut_delegation()
        {
            descend_delegation(generator)
        } else {
            generator
        };
        let Some((g, _)) = generator_of(&generator) else {
            return;
        };
        let base = self.stack.len();
        let (code, mut pc, globals, handled) = self.take_generator_frame(g);
        if pc > 0 {
            if plain && sent.is_none() && matches!(code.instructions.get(pc), Some(I::PopTop)) {
                pc += 1;
            } else {
                self.stack.push(sent);
            }
        }
        self.push_frame_in_place(generator, (code, pc, globals), handled, base, resumer);
    }

    /// Puts a resumed generator's frame (taken with
    /// `take_generator_frame`, slots from `base`) above the frame whose
    /// FOR_ITER or SEND resumed it, the generator's exception state
    /// swapped in for the caller's.
    fn push_frame_in_place(
        &mut self,
        generator: Value,
        (code, pc, globals): (Rc<Code>, usize, Value),
        handled: Value,
        base: usize,
        resumer: ResumedBy,
    ) {
        let caller_handled = std::mem::replace(&mut self.handled, handled);
        crate::interpreter::write_frame(
            &mut self.frames,
            generator_frame(
                (code, pc, globals),
                base,
                generator,
                Some(resumer),
                caller_handled,
            ),
        );
    }

    /// Whether a resumption may go straight to the innermost delegate of a
    /// `yield from` chain. Not while an observer or coverage watches (they
    /// see every frame's events), nor in a pausable run (a snapshot keeps
    /// frames, not the links of a chain).
    #[inline]
    fn may_shortcut_delegation(&self) -> bool {
        !self.watched && !self.covering && self.pausing.run.is_none()
    }

    /// A generator frame resumed in place through a delegation chain has
    /// ended (returned `returned`, or raised: `None`): its delegator's
    /// frame takes its place above the same FOR_ITER or SEND, as if its
    /// SEND had just run, and the return value or the exception goes on
    /// from there (`yield from`'s result; the traceback entry at the
    /// `yield from`). `delegator` is the finished generator's
    /// [`take_delegator`].
    pub(crate) fn resume_delegator_in_place(
        &mut self,
        delegator: Value,
        resumer: ResumedBy,
        returned: Option<Value>,
    ) {
        let Some((d, _)) = generator_of(&delegator) else {
            return;
        };
        // (Always paused at its SEND: its frame stayed as it was.)
        let (send, target) = d
            .frame
            .try_borrow()
            .ok()
            .and_then(|frame| delegation_of(&frame).map(|(_, send, target)| (send, target)))
            .unwrap_or_default();
        let base = self.stack.len();
        let (code, _, globals, handled) = self.take_generator_frame(d);
        let pc = match returned {
            Some(value) => {
                // The receiver on top of the stack becomes the result.
                if let Some(top) = self.stack.last_mut() {
                    *top = value;
                }
                target
            }
            None => send + 1,
        };
        debug_assert!(target > 0, "a delegator paused at its SEND");
        self.push_frame_in_place(delegator, (code, pc, globals), handled, base, resumer);
    }

    /// YIELD_VALUE: moves the running generator frame back into its
    /// generator. For a frame resumed in place, gives the caller's
    /// exception state back and says which instruction resumed it.
    #[inline]
    pub(crate) fn suspend_generator_frame(&mut self) -> Option<ResumedBy> {
        // Read where it lies, as RETURN_VALUE does: popping the frame by
        // value copied it with wide loads just after `write_frame`'s
        // narrow stores (a store-forwarding stall, half of this
        // function's time).
        let frame = self.frames.last_mut()?;
        let pc = frame.pc;
        let base = frame.base;
        let generator = frame.generator.take();
        let resumed_in_place = frame.resumed_in_place;
        let caller_handled = std::mem::take(&mut frame.caller_handled);
        let plain_frame = frame.locals.is_none() && frame.init_instance.is_none();
        let len = self.frames.len();
        if plain_frame {
            // SAFETY: the last frame is cut off first, then the two fields
            // left holding references are read out of it once (its
            // generator and the caller's exception state were taken, its
            // other fields hold nothing to release), as RETURN_VALUE does.
            unsafe {
                self.frames.set_len(len - 1);
                let frame = self.frames.as_ptr().add(len - 1);
                drop(std::ptr::addr_of!((*frame).code).read());
                drop(std::ptr::addr_of!((*frame).globals).read());
            }
        } else {
            self.frames.truncate(len - 1);
        }
        self.forget_frame_objects_above(len - 1);
        // The generator keeps the exception state it had; a frame resumed
        // in place gives the caller's back (moves, no count changes).
        let handled = match resumed_in_place {
            Some(_) => std::mem::replace(&mut self.handled, caller_handled),
            None => self.handled.clone(),
        };
        match &generator {
            Some(generator) if let Some((g, _)) = generator_of(generator) => {
                let mut suspended = g.frame.borrow_mut();
                crate::interpreter::move_tail(&mut self.stack, base, &mut suspended.slots);
                suspended.pc = pc;
                suspended.handled = handled;
                g.status.set(GeneratorStatus::Suspended);
                drop(suspended);
                release_delegators(g);
            }
            _ => self.stack.truncate(base),
        }
        resumed_in_place
    }

    /// Starts running a suspended generator: its slots move onto the
    /// stack (their buffer stays with the generator for the next yield);
    /// returns the code, pc, globals and exception state for its frame.
    fn take_generator_frame(&mut self, g: &PyGenerator) -> (Rc<Code>, usize, Value, Value) {
        g.status.set(GeneratorStatus::Running);
        let mut suspended = g.frame.borrow_mut();
        crate::interpreter::move_all(&mut suspended.slots, &mut self.stack);
        (
            suspended.code.clone(),
            suspended.pc,
            suspended.globals.clone(),
            std::mem::take(&mut suspended.handled),
        )
    }

    pub(crate) fn finish_generator(&mut self, generator: &Value) {
        if let Some((g, _)) = generator_of(generator) {
            g.status.set(GeneratorStatus::Finished);
            if let Ok(mut frame) = g.frame.try_borrow_mut() {
                frame.slots = Vec::new();
                frame.handled = Value::None;
            }
        }
    }
}

/// The frame of a resumed generator: an entry frame of a nested loop, or
/// (`resumed_in_place`) a frame above the FOR_ITER or SEND that resumed it.
fn generator_frame(
    (code, pc, globals): (Rc<Code>, usize, Value),
    base: usize,
    generator: Value,
    resumed_in_place: Option<ResumedBy>,
    caller_handled: Value,
) -> Frame {
    Frame {
        pc,
        generator: Some(generator),
        resumed_in_place,
        caller_handled,
        ..Frame::start(code, globals, base, base, resumed_in_place.is_none())
    }
}

/// Whether `g` may be paused in `yield from`: its next instruction jumps
/// back and the top of its stack is a generator or coroutine (the cheap
/// signs, asked on every resumption before `direct_delegate`'s look).
#[inline(always)]
fn paused_over_generator(g: &PyGenerator) -> bool {
    // (A `yield` inside `for x in generator:` has the loop's generator on
    // top too: the instruction after a `yield from`'s YIELD_VALUE, its
    // JUMP_BACKWARD to the SEND, tells them apart. Code without a SEND
    // cannot delegate: one flag, without a look at the instructions.)
    g.frame.try_borrow().is_ok_and(|frame| {
        frame.code.delegates
            && matches!(
                frame.code.instructions.get(frame.pc),
                Some(I::JumpBackward(_))
            )
            && matches!(
                frame.slots.last().and_then(Value::as_obj),
                Some(PyObject::Generator(_) | PyObject::Coroutine(_))
            )
    })
}

/// The innermost generator of the `yield from` chain that resuming
/// `outer` with a value would pass the value down to: every generator on
/// the way is marked running, its frame left as it is, and linked from its
/// delegate (`PyGenerator::delegator`) to take the delegate's result when
/// it ends. A chain of n generators then costs one frame switch per item,
/// not n (CPython resumes and suspends every frame of the chain; so does
/// krait with an observer, which sees those frames' events).
#[inline(never)]
fn descend_delegation(outer: Value) -> Value {
    let mut current = outer;
    loop {
        let Some((g, kind)) = generator_of(&current) else {
            return current;
        };
        if kind == GeneratorKind::AsyncGenerator {
            return current;
        }
        let Some(inner) = direct_delegate(g) else {
            return current;
        };
        g.status.set(GeneratorStatus::Running);
        if let Some((inner_g, _)) = generator_of(&inner) {
            inner_g.delegator.set(Some(current));
        }
        current = inner;
    }
}

/// A generator, coroutine or async generator, and which one it is.
pub(crate) fn generator_of(value: &Value) -> Option<(&PyGenerator, GeneratorKind)> {
    match value.as_obj()? {
        PyObject::Generator(g) => Some((g, GeneratorKind::Generator)),
        PyObject::Coroutine(g) => Some((g, GeneratorKind::Coroutine)),
        PyObject::AsyncGenerator(g) => Some((g, GeneratorKind::AsyncGenerator)),
        _ => None,
    }
}

/// If the frame is paused inside `yield from` (or `await`), the receiver
/// and where the SEND jumps when it finishes.
pub(crate) fn delegate_of(frame: &SuspendedFrame) -> Option<(Value, usize)> {
    let (receiver, _, target) = delegation_of(frame)?;
    Some((receiver, target))
}

/// As [`delegate_of`], with the SEND's own index too.
fn delegation_of(frame: &SuspendedFrame) -> Option<(Value, usize, usize)> {
    let instructions = &frame.code.bytecode.instructions;
    let paused_at = frame.pc.checked_sub(1)?;
    if !matches!(instructions.get(paused_at)?, I::YieldValue) {
        return None;
    }
    let I::JumpBackward(send) = instructions.get(frame.pc)? else {
        return None;
    };
    let I::Send(target) = instructions.get(send.0 as usize)? else {
        return None;
    };
    let receiver = frame.slots.last()?.clone();
    Some((receiver, send.0 as usize, target.0 as usize))
}

/// The generator or coroutine a resumption of `g` can go straight to:
/// `g` is paused in `yield from` (or `await`) on a started, suspended
/// generator or coroutine, and handles no exception there (the delegate's
/// code would see it as `sys.exc_info()`). Resuming `g` with a value would
/// only run its SEND, which passes the value on to that delegate.
#[inline]
fn direct_delegate(g: &PyGenerator) -> Option<Value> {
    let frame = g.frame.try_borrow().ok()?;
    // The top of a paused `yield from`'s stack is its receiver: a plain
    // `yield` (whose top is anything else) is told apart with no look at
    // the instructions (every resumption of every generator asks).
    match frame.slots.last()?.as_obj()? {
        PyObject::Generator(inner) | PyObject::Coroutine(inner)
            if inner.status.get() == GeneratorStatus::Suspended => {}
        _ => return None,
    }
    if !matches!(frame.handled, Value::None | Value::Null) {
        return None;
    }
    let (receiver, _, _) = delegation_of(&frame)?;
    Some(receiver)
}

/// The generator that delegated to `generator` while it ran through a
/// `yield from` chain's shortcut (taken: the link lasts one run).
pub(crate) fn take_delegator(generator: &Value) -> Option<Value> {
    generator_of(generator).and_then(|(g, _)| g.delegator.take())
}

/// Marks the generators that delegated to `g` (their frames untouched
/// while it ran) suspended again, in their `yield from`, as they were.
fn release_delegators(g: &PyGenerator) {
    let mut next = g.delegator.take();
    while let Some(delegator) = next {
        let Some((d, _)) = generator_of(&delegator) else {
            return;
        };
        d.status.set(GeneratorStatus::Suspended);
        next = d.delegator.take();
    }
}

/// A StopIteration carrying `value` (a generator's return value; None for
/// an iterator's plain end).
pub fn stop_iteration(value: Value) -> PyErr {
    let args = if value.is_none() {
        Vec::new()
    } else {
        vec![value]
    };
    PyErr::with_args(exc_type(ExcType::StopIteration), args)
}

pub(crate) fn stop_iteration_value(err: &PyErr) -> Value {
    err.exception()
        .args
        .borrow()
        .first()
        .cloned()
        .unwrap_or(Value::None)
}
