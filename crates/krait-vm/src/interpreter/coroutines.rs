//! Running coroutines and async generators: `await`'s GET_AWAITABLE, the
//! `async for`/`async with` instructions, and the `asend`/`athrow`
//! awaitables that drive an async generator (CPython 3.11's
//! `Objects/genobject.c` and the matching cases of `Python/ceval.c`).
//!
//! A coroutine is a generator frame of another kind: `await x` is a
//! `yield from` over the iterator GET_AWAITABLE makes of `x`, so the values
//! awaited objects yield travel up to whoever drives the outermost
//! coroutine (an event loop, or a `coro.send(None)` loop). An async
//! generator's own `yield` wraps its value (ASYNC_GEN_WRAP), so the
//! awaitable driving it can tell "the generator produced an item" (the
//! awaitable finishes with it as StopIteration's value) from "an await
//! inside the generator passes a value up" (the awaitable yields it too).

use crate::builtins::coroutine::{
    AsyncGenAction, AsyncGenAwaitable, AsyncGenWrapped, AwaitableState, CoroutineWrapper,
};
use crate::builtins::function::GeneratorStatus;
use crate::interpreter::Vm;
use crate::interpreter::eval::FrameExit;
use crate::interpreter::generator::{
    Resume, delegate_of, generator_of, stop_iteration, stop_iteration_value,
};
use crate::object::PyObject;
use crate::typeobject::{self, ExcType, exc_type};
use crate::value::Value;
use crate::{PyErr, PyResult};

impl Vm {
    /// GET_AWAITABLE: what `await value` iterates.
    pub(crate) fn get_awaitable(&mut self, value: &Value, where_: u32) -> PyResult {
        match value.as_obj() {
            Some(PyObject::Coroutine(g)) => {
                let awaiting = g.status.get() == GeneratorStatus::Suspended
                    && delegate_of(&g.frame.borrow()).is_some();
                if awaiting {
                    return Err(PyErr::runtime_error("coroutine is being awaited already"));
                }
                return Ok(value.clone());
            }
            _ if is_iterable_coroutine(value) => return Ok(value.clone()),
            _ => {}
        }
        if value.native::<AsyncGenAwaitable>().is_some() {
            return Ok(value.clone());
        }
        let has_await = typeobject::class_of(value).lookup("__await__").is_some();
        if !has_await {
            let type_name = value.type_name();
            return Err(PyErr::type_error(match where_ {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {type_name}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {type_name}"
                ),
                _ => format!("object {type_name} can't be used in 'await' expression"),
            }));
        }
        let method = self.get_attr(value, "__await__")?;
        let iterator = self.call_native(&method, Vec::new(), &[])?;
        if matches!(iterator.as_obj(), Some(PyObject::Coroutine(_)))
            || is_iterable_coroutine(&iterator)
        {
            return Err(PyErr::type_error("__await__() returned a coroutine"));
        }
        if !is_iterator(&iterator) {
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                iterator.type_name()
            )));
        }
        Ok(iterator)
    }

    /// GET_AITER: `type(x).__aiter__(x)`, which must have `__anext__`.
    pub(crate) fn get_aiter(&mut self, value: &Value) -> PyResult {
        if typeobject::class_of(value).lookup("__aiter__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                value.type_name()
            )));
        }
        let method = self.get_attr(value, "__aiter__")?;
        let iterator = self.call_native(&method, Vec::new(), &[])?;
        if typeobject::class_of(&iterator)
            .lookup("__anext__")
            .is_none()
        {
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                iterator.type_name()
            )));
        }
        Ok(iterator)
    }

    /// GET_ANEXT: the awaitable of `aiter.__anext__()`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult {
        if let Some(PyObject::AsyncGenerator(_)) = aiter.as_obj() {
            return Ok(crate::builtins::coroutine::async_gen_awaitable(
                aiter.clone(),
                AsyncGenAction::Send(Value::None),
            ));
        }
        if typeobject::class_of(aiter).lookup("__anext__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                aiter.type_name()
            )));
        }
        let method = self.get_attr(aiter, "__anext__")?;
        let next = self.call_native(&method, Vec::new(), &[])?;
        self.get_awaitable(&next, 0).map_err(|cause| {
            let err = PyErr::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                next.type_name()
            ));
            *err.exception().cause.borrow_mut() = Some(cause.value());
            err
        })
    }

    /// BEFORE_ASYNC_WITH: the bound `__aexit__` and the (not yet awaited)
    /// result of `__aenter__()`.
    pub(crate) fn before_async_with(&mut self, manager: &Value) -> PyResult<(Value, Value)> {
        let class = typeobject::class_of(manager);
        let unsupported = |missing_exit: bool| {
            PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol{}",
                manager.type_name(),
                if missing_exit {
                    " (missed __aexit__ method)"
                } else {
                    ""
                }
            ))
        };
        if class.lookup("__aenter__").is_none() {
            return Err(unsupported(false));
        }
        if class.lookup("__aexit__").is_none() {
            return Err(unsupported(true));
        }
        let enter = self.get_attr(manager, "__aenter__")?;
        let exit = self.get_attr(manager, "__aexit__")?;
        let entered = self.call_native(&enter, Vec::new(), &[])?;
        Ok((exit, entered))
    }

    /// SEND to the awaitables implemented here (`coro.__await__()`,
    /// `asend`/`athrow`); `None` for any other receiver.
    pub(crate) fn send_to_awaitable(
        &mut self,
        receiver: &Value,
        value: Value,
    ) -> Option<PyResult<FrameExit>> {
        if let Some(wrapper) = receiver.native::<CoroutineWrapper>() {
            let coroutine = wrapper.coroutine.clone();
            return Some(self.resume(&coroutine, Resume::Send(value)));
        }
        let awaitable = receiver.native::<AsyncGenAwaitable>()?;
        Some(settle_stop(self.async_gen_awaitable_step(awaitable, value)))
    }

    /// `throw()` reaching a frame paused in `yield from`/`await`: the
    /// receiver gets it first (CPython's `_gen_throw`). The result is what
    /// the paused frame does next: yield the receiver's value, finish the
    /// delegation with its return value, or raise the error.
    /// CPython's `gen_close_iter`: closes what a `yield from` or `await`
    /// delegates to (a generator or coroutine directly, anything else
    /// through its `close` method when it has one).
    pub(crate) fn close_delegate(&mut self, receiver: &Value) -> PyResult<()> {
        if let Some(PyObject::Generator(_) | PyObject::Coroutine(_)) = receiver.as_obj() {
            return self.close_generator(receiver).map(drop);
        }
        if let Some(close) = self.attribute_if_present(receiver, "close")? {
            self.call_native(&close, Vec::new(), &[])?;
        }
        Ok(())
    }

    pub(crate) fn throw_into_delegate(
        &mut self,
        receiver: &Value,
        err: PyErr,
    ) -> PyResult<FrameExit> {
        if let Some(PyObject::Generator(_) | PyObject::Coroutine(_)) = receiver.as_obj() {
            return self.resume(receiver, Resume::Throw(err));
        }
        if let Some(wrapper) = receiver.native::<CoroutineWrapper>() {
            let coroutine = wrapper.coroutine.clone();
            return self.resume(&coroutine, Resume::Throw(err));
        }
        if err.matches(ExcType::GeneratorExit) {
            // Close the receiver, then raise GeneratorExit where we paused.
            self.close_delegate(receiver)?;
            return Err(err);
        }
        if let Some(awaitable) = receiver.native::<AsyncGenAwaitable>() {
            return settle_stop(self.async_gen_awaitable_throw_err(awaitable, err));
        }
        let Some(throw) = self.attribute_if_present(receiver, "throw")? else {
            return Err(err);
        };
        match self.call_native(&throw, vec![err.value()], &[]) {
            Ok(value) => Ok(FrameExit::Yield(value)),
            Err(e) if e.matches(ExcType::StopIteration) => {
                Ok(FrameExit::Return(stop_iteration_value(&e)))
            }
            Err(e) => Err(e),
        }
    }

    /// One step of an `asend`/`athrow` awaitable, sending `value`: what it
    /// yields up, or StopIteration (with the generator's item) when done.
    pub(crate) fn async_gen_awaitable_send(
        &mut self,
        awaitable: &AsyncGenAwaitable,
        value: Value,
    ) -> PyResult {
        from_frame_exit(self.async_gen_awaitable_step(awaitable, value))
    }

    /// One step of an `asend()`/`athrow()`/`aclose()` awaitable: what it
    /// yields, or the value it finishes with (`Return`: a StopIteration
    /// for its `send`, made only where Python code sees one; an `async
    /// for` step reads the value directly).
    pub(crate) fn async_gen_awaitable_step(
        &mut self,
        awaitable: &AsyncGenAwaitable,
        value: Value,
    ) -> PyResult<FrameExit> {
        let generator = awaitable.generator.clone();
        let Some((g, _)) = generator_of(&generator) else {
            return Err(PyErr::type_error("not an async generator"));
        };
        let is_send = matches!(awaitable.action, AsyncGenAction::Send(_));
        if awaitable.state.get() == AwaitableState::Closed {
            return Err(PyErr::runtime_error(if is_send {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            }));
        }
        if !is_send && g.status.get() == GeneratorStatus::Finished {
            awaitable.state.set(AwaitableState::Closed);
            return Ok(FrameExit::Return(Value::None));
        }
        if awaitable.state.get() == AwaitableState::Init {
            if g.running_async.get() {
                if !is_send {
                    awaitable.state.set(AwaitableState::Closed);
                }
                return Err(PyErr::runtime_error(match awaitable.action {
                    AsyncGenAction::Send(_) => "anext(): asynchronous generator is already running",
                    AsyncGenAction::Throw(..) => {
                        "athrow(): asynchronous generator is already running"
                    }
                    AsyncGenAction::Close => "aclose(): asynchronous generator is already running",
                }));
            }
            match &awaitable.action {
                AsyncGenAction::Send(initial) => {
                    let sent = if value.is_none() {
                        initial.clone()
                    } else {
                        value
                    };
                    awaitable.state.set(AwaitableState::Iter);
                    g.running_async.set(true);
                    let step = self.resume(&generator, Resume::Send(sent));
                    return self.finish_async_gen_step(awaitable, step);
                }
                action => {
                    if g.closed.get() {
                        awaitable.state.set(AwaitableState::Closed);
                        return Err(PyErr::new(ExcType::StopAsyncIteration, ""));
                    }
                    if !value.is_none() {
                        return Err(PyErr::runtime_error(
                            "can't send non-None value to a just-started coroutine",
                        ));
                    }
                    awaitable.state.set(AwaitableState::Iter);
                    g.running_async.set(true);
                    let err = match action {
                        AsyncGenAction::Throw(exc, arg) => {
                            self.exception_to_throw(exc.clone(), arg.clone())?
                        }
                        _ => {
                            g.closed.set(true);
                            PyErr::with_args(exc_type(ExcType::GeneratorExit), Vec::new())
                        }
                    };
                    let step = self.resume(&generator, Resume::Throw(err));
                    return self.finish_async_gen_step(awaitable, step);
                }
            }
        }
        let step = self.resume(&generator, Resume::Send(value));
        self.finish_async_gen_step(awaitable, step)
    }

    /// `awaitable.throw(exc[, value])`.
    pub(crate) fn async_gen_awaitable_throw(
        &mut self,
        awaitable: &AsyncGenAwaitable,
        exc: Value,
        value: Option<Value>,
    ) -> PyResult {
        let err = self.exception_to_throw(exc, value)?;
        from_frame_exit(self.async_gen_awaitable_throw_err(awaitable, err))
    }

    fn async_gen_awaitable_throw_err(
        &mut self,
        awaitable: &AsyncGenAwaitable,
        err: PyErr,
    ) -> PyResult<FrameExit> {
        if awaitable.state.get() == AwaitableState::Closed {
            let is_send = matches!(awaitable.action, AsyncGenAction::Send(_));
            return Err(PyErr::runtime_error(if is_send {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            }));
        }
        let generator = awaitable.generator.clone();
        let step = self.resume(&generator, Resume::Throw(err));
        self.finish_async_gen_step(awaitable, step)
    }

    /// What one resumption of the async generator means for the awaitable
    /// driving it (CPython's `async_gen_unwrap_value` and the `aclose()`
    /// special cases).
    fn finish_async_gen_step(
        &mut self,
        awaitable: &AsyncGenAwaitable,
        step: PyResult<FrameExit>,
    ) -> PyResult<FrameExit> {
        let generator = &awaitable.generator;
        let Some((g, _)) = generator_of(generator) else {
            return Err(PyErr::type_error("not an async generator"));
        };
        let closing = matches!(awaitable.action, AsyncGenAction::Close);
        let done = |state: AwaitableState| {
            g.running_async.set(false);
            awaitable.state.set(state);
        };
        match step {
            Ok(FrameExit::Yield(value)) => {
                if let Some(wrapped) = value.native::<AsyncGenWrapped>() {
                    done(AwaitableState::Closed);
                    if closing {
                        return Err(PyErr::runtime_error(
                            "async generator ignored GeneratorExit",
                        ));
                    }
                    return Ok(FrameExit::Return(wrapped.value.clone()));
                }
                // An await inside the generator: pass its value up.
                Ok(FrameExit::Yield(value))
            }
            Ok(FrameExit::Return(_)) => {
                g.closed.set(true);
                done(AwaitableState::Closed);
                if closing {
                    return Ok(FrameExit::Return(Value::None));
                }
                Err(PyErr::new(ExcType::StopAsyncIteration, ""))
            }
            Err(err) => {
                done(AwaitableState::Closed);
                let ends =
                    err.matches(ExcType::StopAsyncIteration) || err.matches(ExcType::GeneratorExit);
                if ends {
                    g.closed.set(true);
                    if closing {
                        return Ok(FrameExit::Return(Value::None));
                    }
                }
                Err(err)
            }
        }
    }
}

/// A generator made by a `types.coroutine` generator function.
fn is_iterable_coroutine(value: &Value) -> bool {
    match value.as_obj() {
        Some(PyObject::Generator(g)) => g.frame.try_borrow().is_ok_and(|frame| {
            frame
                .code
                .bytecode
                .flags
                .contains(krait_bytecode::CodeFlags::ITERABLE_COROUTINE)
        }),
        _ => false,
    }
}

/// Whether `value` is an iterator (has `__next__`).
pub(crate) fn is_iterator(value: &Value) -> bool {
    matches!(
        value.as_obj(),
        Some(PyObject::Generator(_) | PyObject::Iterator(_))
    ) || typeobject::class_of(value).lookup("__next__").is_some()
}

/// An awaitable's step as a SEND sees it: a StopIteration still raised
/// by the step finishes it with its value too.
fn settle_stop(step: PyResult<FrameExit>) -> PyResult<FrameExit> {
    match step {
        Err(err) if err.matches(ExcType::StopIteration) => {
            Ok(FrameExit::Return(stop_iteration_value(&err)))
        }
        step => step,
    }
}

/// An awaitable's step as its `send`/`throw` methods give it: a finished
/// step raises StopIteration with its value.
fn from_frame_exit(step: PyResult<FrameExit>) -> PyResult {
    match step? {
        FrameExit::Yield(value) => Ok(value),
        FrameExit::Return(value) => Err(stop_iteration(value)),
    }
}
