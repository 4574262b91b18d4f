//! Coroutines and async generators as Python sees them: their methods,
//! and the small objects that drive them (`coro.__await__()`'s
//! `coroutine_wrapper`, an async generator's `asend`/`athrow` awaitables,
//! and the marker `ASYNC_GEN_WRAP` puts on the values it yields).
//!
//! Coroutine and async generator objects are generator frames
//! (`PyGenerator`) of another kind; running them is the interpreter's
//! (`interpreter/coroutines.rs`).

use std::cell::Cell;
use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::function::{MethodDef, Params};
use crate::interpreter::Vm;
use crate::native::{NativeData, NativeObject, native_type};
use crate::typeobject::TypeObject;
use crate::value::Value;

/// `coro.__await__()`: an iterator over the coroutine's steps.
pub struct CoroutineWrapper {
    pub coroutine: Value,
}

impl NativeData for CoroutineWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.coroutine);
    }

    fn next(&self, vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        Some(step_as_next(
            vm.generator_send(&self.coroutine, Value::None),
        ))
    }
}

/// A value an async generator yields (not one an `await` in it passes up).
pub struct AsyncGenWrapped {
    pub value: Value,
}

impl NativeData for AsyncGenWrapped {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.value);
    }
}

/// One step as `next()` sees it: a plain StopIteration is the end; one
/// carrying a value (the result of the await) stays an exception, so
/// `next()` raises it with its value as CPython does.
fn step_as_next(step: PyResult) -> PyResult<Option<Value>> {
    match step {
        Ok(value) => Ok(Some(value)),
        Err(err)
            if err.matches(crate::typeobject::ExcType::StopIteration)
                && err.exception().args.borrow().is_empty() =>
        {
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// Where an `asend`/`athrow` awaitable is (CPython's `AwaitableState`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AwaitableState {
    Init,
    Iter,
    Closed,
}

/// What an async generator awaitable does on its first step.
pub enum AsyncGenAction {
    /// `asend(value)` / `__anext__()`.
    Send(Value),
    /// `athrow(type, value)`.
    Throw(Value, Option<Value>),
    /// `aclose()`.
    Close,
}

/// `agen.asend(v)`, `agen.__anext__()`, `agen.athrow(...)`, `agen.aclose()`.
pub struct AsyncGenAwaitable {
    pub generator: Value,
    pub action: AsyncGenAction,
    pub state: Cell<AwaitableState>,
}

impl NativeData for AsyncGenAwaitable {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.generator);
        match &self.action {
            AsyncGenAction::Send(v) => visit(v),
            AsyncGenAction::Throw(t, v) => {
                visit(t);
                if let Some(v) = v {
                    visit(v);
                }
            }
            AsyncGenAction::Close => {}
        }
    }

    fn next(&self, vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        Some(step_as_next(vm.async_gen_awaitable_send(self, Value::None)))
    }
}

thread_local! {
    static WRAPPER_TYPE: Rc<TypeObject> = native_type("coroutine_wrapper", WRAPPER_METHODS);
    static ASEND_TYPE: Rc<TypeObject> = native_type("async_generator_asend", AWAITABLE_METHODS);
    static ATHROW_TYPE: Rc<TypeObject> = native_type("async_generator_athrow", AWAITABLE_METHODS);
    static WRAPPED_TYPE: Rc<TypeObject> = native_type("async_generator_wrapped_value", &[]);
}

pub fn coroutine_wrapper(coroutine: Value) -> Value {
    NativeObject::new_value(WRAPPER_TYPE.with(Rc::clone), CoroutineWrapper { coroutine })
}

pub fn wrap_async_gen_value(value: Value) -> Value {
    NativeObject::new_value(WRAPPED_TYPE.with(Rc::clone), AsyncGenWrapped { value })
}

pub fn async_gen_awaitable(generator: Value, action: AsyncGenAction) -> Value {
    let class = match action {
        AsyncGenAction::Send(_) => ASEND_TYPE.with(Rc::clone),
        _ => ATHROW_TYPE.with(Rc::clone),
    };
    NativeObject::new_value(
        class,
        AsyncGenAwaitable {
            generator,
            action,
            state: Cell::new(AwaitableState::Init),
        },
    )
}

/// `throw(type[, value[, traceback]])`'s arguments (krait has no traceback
/// objects: a third argument can only be None).
fn throw_args(args: &Args) -> PyResult<(Value, Option<Value>)> {
    args.check("throw", 1, 3)?;
    if args.pos.get(2).is_some_and(|tb| !tb.is_none()) {
        return Err(crate::PyErr::type_error(
            "throw() third argument must be a traceback object",
        ));
    }
    Ok((args.pos[0].clone(), args.pos.get(1).cloned()))
}

pub const COROUTINE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        params: Params::One,
        func: |vm, coroutine, args| vm.generator_send(coroutine, args.pos[0].clone()),
    },
    MethodDef {
        name: "throw",
        params: Params::Any,
        func: |vm, coroutine, args| {
            let (exc, value) = throw_args(&args)?;
            vm.generator_throw(coroutine, exc, value)
        },
    },
    MethodDef {
        name: "close",
        params: Params::NoArgs,
        func: |vm, coroutine, _| vm.generator_close(coroutine),
    },
    MethodDef {
        name: "__await__",
        params: Params::NoArgs,
        func: |_, coroutine, _| Ok(coroutine_wrapper(coroutine.clone())),
    },
];

pub const ASYNC_GENERATOR_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__aiter__",
        params: Params::NoArgs,
        func: |_, generator, _| Ok(generator.clone()),
    },
    MethodDef {
        name: "__anext__",
        params: Params::NoArgs,
        func: |_, generator, _| {
            Ok(async_gen_awaitable(
                generator.clone(),
                AsyncGenAction::Send(Value::None),
            ))
        },
    },
    MethodDef {
        name: "asend",
        params: Params::One,
        func: |_, generator, args| {
            Ok(async_gen_awaitable(
                generator.clone(),
                AsyncGenAction::Send(args.pos[0].clone()),
            ))
        },
    },
    MethodDef {
        name: "athrow",
        params: Params::Any,
        func: |_, generator, args| {
            let (exc, value) = throw_args(&args)?;
            Ok(async_gen_awaitable(
                generator.clone(),
                AsyncGenAction::Throw(exc, value),
            ))
        },
    },
    MethodDef {
        name: "aclose",
        params: Params::NoArgs,
        func: |_, generator, _| {
            Ok(async_gen_awaitable(
                generator.clone(),
                AsyncGenAction::Close,
            ))
        },
    },
];

fn wrapped(receiver: &Value) -> PyResult<&CoroutineWrapper> {
    receiver
        .native::<CoroutineWrapper>()
        .ok_or_else(|| crate::PyErr::type_error("descriptor requires a 'coroutine_wrapper'"))
}

const WRAPPER_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        params: Params::One,
        func: |vm, wrapper, args| {
            let coroutine = wrapped(wrapper)?.coroutine.clone();
            vm.generator_send(&coroutine, args.pos[0].clone())
        },
    },
    MethodDef {
        name: "throw",
        params: Params::Any,
        func: |vm, wrapper, args| {
            let coroutine = wrapped(wrapper)?.coroutine.clone();
            let (exc, value) = throw_args(&args)?;
            vm.generator_throw(&coroutine, exc, value)
        },
    },
    MethodDef {
        name: "close",
        params: Params::NoArgs,
        func: |vm, wrapper, _| {
            let coroutine = wrapped(wrapper)?.coroutine.clone();
            vm.generator_close(&coroutine)
        },
    },
    MethodDef {
        name: "__next__",
        params: Params::NoArgs,
        func: |vm, wrapper, _| {
            let coroutine = wrapped(wrapper)?.coroutine.clone();
            vm.generator_send(&coroutine, Value::None)
        },
    },
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: |_, wrapper, _| Ok(wrapper.clone()),
    },
];

fn awaitable(receiver: &Value) -> PyResult<&AsyncGenAwaitable> {
    receiver
        .native::<AsyncGenAwaitable>()
        .ok_or_else(|| crate::PyErr::type_error("descriptor requires an async generator awaitable"))
}

const AWAITABLE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        params: Params::One,
        func: |vm, receiver, args| {
            vm.async_gen_awaitable_send(awaitable(receiver)?, args.pos[0].clone())
        },
    },
    MethodDef {
        name: "throw",
        params: Params::Any,
        func: |vm, receiver, args| {
            let (exc, value) = throw_args(&args)?;
            vm.async_gen_awaitable_throw(awaitable(receiver)?, exc, value)
        },
    },
    MethodDef {
        name: "close",
        params: Params::NoArgs,
        func: |_, receiver, _| {
            awaitable(receiver)?.state.set(AwaitableState::Closed);
            Ok(Value::None)
        },
    },
    MethodDef {
        name: "__next__",
        params: Params::NoArgs,
        func: |vm, receiver, _| vm.async_gen_awaitable_send(awaitable(receiver)?, Value::None),
    },
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: |_, receiver, _| Ok(receiver.clone()),
    },
    MethodDef {
        name: "__await__",
        params: Params::NoArgs,
        func: |_, receiver, _| Ok(receiver.clone()),
    },
];
