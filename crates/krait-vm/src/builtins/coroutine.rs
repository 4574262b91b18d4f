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
use crate::builtins::function::{GeneratorKind, MethodDef, Params, expect_kind};
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

/// `coroutine.send(value)` (named for CALL, as `generator.send`).
pub(crate) fn coroutine_send(vm: &mut Vm, coroutine: &Value, args: Args) -> PyResult {
    expect_kind(coroutine, GeneratorKind::Coroutine)?;
    vm.generator_send(coroutine, args.pos[0].clone())
}

pub const COROUTINE_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "send",
        params: Params::One,
        func: coroutine_send,
    },
    MethodDef {
        name: "throw",
        params: Params::Any,
        func: |vm, coroutine, args| {
            expect_kind(coroutine, GeneratorKind::Coroutine)?;
            let (exc, value) = throw_args(&args)?;
            vm.generator_throw(coroutine, exc, value)
        },
    },
    MethodDef {
        name: "close",
        params: Params::NoArgs,
        func: |vm, coroutine, _| {
            expect_kind(coroutine, GeneratorKind::Coroutine)?;
            vm.generator_close(coroutine)
        },
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

/// `anext(aiterator, default)`: awaits `aiterator.__anext__()` and gives
/// `default` where it would raise StopAsyncIteration (CPython's
/// `anext_awaitable`).
pub struct AnextAwaitable {
    /// What `__anext__()` returned.
    awaitable: Value,
    /// Its `__await__` iterator, once the first step asked for it.
    iterator: std::cell::RefCell<Option<Value>>,
    default: Value,
}

impl NativeData for AnextAwaitable {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.awaitable);
        if let Some(iterator) = &*self.iterator.borrow() {
            visit(iterator);
        }
        visit(&self.default);
    }

    fn next(&self, vm: &mut Vm) -> Option<PyResult<Option<Value>>> {
        Some(step_as_next(anext_step(vm, self, None)))
    }
}

thread_local! {
    static ANEXT_TYPE: Rc<TypeObject> = native_type("anext_awaitable", ANEXT_METHODS);
}

/// One step of an `anext` awaitable: sends `value` (None: `next`) or
/// throws `error` into the awaited iterator.
fn anext_step(vm: &mut Vm, this: &AnextAwaitable, error: Option<crate::PyErr>) -> PyResult {
    anext_step_with(vm, this, Value::None, error)
}

fn anext_step_with(
    vm: &mut Vm,
    this: &AnextAwaitable,
    value: Value,
    error: Option<crate::PyErr>,
) -> PyResult {
    let existing = this.iterator.borrow().clone();
    let iterator = match existing {
        Some(iterator) => iterator,
        None => {
            let iterator = vm.get_awaitable(&this.awaitable, 0)?;
            *this.iterator.borrow_mut() = Some(iterator.clone());
            iterator
        }
    };
    let step = match error {
        Some(error) => vm.throw_into_delegate(&iterator, error),
        None => vm.send_value(&iterator, value),
    };
    match step {
        Ok(crate::interpreter::eval::FrameExit::Yield(value)) => Ok(value),
        Ok(crate::interpreter::eval::FrameExit::Return(value)) => {
            Err(crate::interpreter::generator::stop_iteration(value))
        }
        Err(err) if err.matches(crate::typeobject::ExcType::StopAsyncIteration) => Err(
            crate::interpreter::generator::stop_iteration(this.default.clone()),
        ),
        Err(err) => Err(err),
    }
}

fn anext_this(receiver: &Value) -> PyResult<&AnextAwaitable> {
    receiver
        .native::<AnextAwaitable>()
        .ok_or_else(|| crate::PyErr::type_error("descriptor requires an 'anext_awaitable'"))
}

const ANEXT_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__await__",
        params: Params::NoArgs,
        func: |_, this, _| Ok(this.clone()),
    },
    MethodDef {
        name: "__iter__",
        params: Params::NoArgs,
        func: |_, this, _| Ok(this.clone()),
    },
    MethodDef {
        name: "__next__",
        params: Params::NoArgs,
        func: |vm, this, _| anext_step(vm, anext_this(this)?, None),
    },
    MethodDef {
        name: "send",
        params: Params::One,
        func: |vm, this, args| anext_step_with(vm, anext_this(this)?, args.pos[0].clone(), None),
    },
    MethodDef {
        name: "throw",
        params: Params::Any,
        func: |vm, this, args| {
            let (exc, value) = throw_args(&args)?;
            let error = vm.exception_to_throw(exc, value)?;
            anext_step(vm, anext_this(this)?, Some(error))
        },
    },
    MethodDef {
        name: "close",
        params: Params::NoArgs,
        func: |vm, this, _| {
            let iterator = anext_this(this)?.iterator.borrow().clone();
            match iterator {
                Some(iterator) => match vm.load_attribute(&iterator, &Value::str("close")) {
                    Ok(close) => vm.call_native(&close, Vec::new(), &[]),
                    Err(_) => Ok(Value::None),
                },
                None => Ok(Value::None),
            }
        },
    },
];

/// `anext(aiterator[, default])`.
pub fn builtin_anext(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(crate::PyErr::type_error(
            "anext() takes no keyword arguments",
        ));
    }
    crate::builtins::module::expect_args("anext", &args, 1, 2)?;
    let iterator = &args.pos[0];
    if crate::typeobject::class_of(iterator)
        .lookup("__anext__")
        .is_none()
        && !matches!(
            iterator.as_obj(),
            Some(crate::object::PyObject::AsyncGenerator(_))
        )
    {
        return Err(crate::PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            iterator.type_name()
        )));
    }
    let method = vm.load_attribute(iterator, &Value::str("__anext__"))?;
    let awaitable = vm.call_native(&method, Vec::new(), &[])?;
    match args.pos.get(1) {
        None => Ok(awaitable),
        Some(default) => Ok(NativeObject::new_value(
            ANEXT_TYPE.with(Rc::clone),
            AnextAwaitable {
                awaitable,
                iterator: std::cell::RefCell::new(None),
                default: default.clone(),
            },
        )),
    }
}

/// `aiter(async_iterable)`.
pub fn builtin_aiter(vm: &mut Vm, args: Args) -> PyResult {
    args.check("aiter", 1, 1)?;
    let iterable = &args.pos[0];
    if crate::typeobject::class_of(iterable)
        .lookup("__aiter__")
        .is_none()
        && !matches!(
            iterable.as_obj(),
            Some(crate::object::PyObject::AsyncGenerator(_))
        )
    {
        return Err(crate::PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            iterable.type_name()
        )));
    }
    let method = vm.load_attribute(iterable, &Value::str("__aiter__"))?;
    let iterator = vm.call_native(&method, Vec::new(), &[])?;
    let is_async_iterator = matches!(
        iterator.as_obj(),
        Some(crate::object::PyObject::AsyncGenerator(_))
    ) || crate::typeobject::class_of(&iterator)
        .lookup("__anext__")
        .is_some();
    if !is_async_iterator {
        return Err(crate::PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            iterator.type_name()
        )));
    }
    Ok(iterator)
}
