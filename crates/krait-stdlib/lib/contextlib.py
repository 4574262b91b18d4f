"""Utilities for `with` and `async with` statements (CPython's
`contextlib`): contextmanager, asynccontextmanager, ExitStack,
AsyncExitStack, suppress, closing, aclosing, nullcontext, redirect_stdout,
redirect_stderr, chdir."""

import sys
from abc import ABCMeta, abstractmethod
from functools import wraps

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


def _defines(C, *methods):
    """True if each method is defined, and not None, along C's MRO (by
    Python classes: krait's builtin types answer for every dunder), else
    NotImplemented."""
    for method in methods:
        for base in C.__mro__:
            if base.__module__ == "builtins":
                continue
            if method in base.__dict__:
                if base.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(metaclass=ABCMeta):
    """An abstract base class for context managers: __enter__ returns
    self, __exit__ is abstract."""

    __slots__ = ()

    def __enter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _defines(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(metaclass=ABCMeta):
    """An abstract base class for asynchronous context managers:
    __aenter__ returns self, __aexit__ is abstract."""

    __slots__ = ()

    async def __aenter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _defines(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator(object):
    """A base class for context managers that also work as function
    decorators: the decorated function runs inside the context."""

    def _recreate_cm(self):
        """A context manager for one call of the decorated function (self,
        unless the manager cannot be entered twice)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


_FINISHED = object()  # what next(generator, _FINISHED) gives at the end


class AsyncContextDecorator(object):
    """A base class for asynchronous context managers that also work as
    decorators of coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    """The context manager contextmanager() makes of a generator: the
    code before its yield is __enter__, the code after is __exit__."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # A generator runs once: each decorated call needs a new one.
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # The function and its arguments were kept for _recreate_cm only.
        del self.args, self.kwds, self.func
        # next() with a default: no StopIteration to make and catch.
        value = next(self.gen, _FINISHED)
        if value is _FINISHED:
            raise RuntimeError("generator didn't yield")
        return value

    def __exit__(self, typ, value, traceback):
        if typ is None:
            if next(self.gen, _FINISHED) is _FINISHED:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            # The with statement may pass the class alone.
            value = typ()
        try:
            # The one-argument form: krait's throw(typ, value) wraps value
            # in a new typ instead of raising it.
            self.gen.throw(value)
        except StopIteration as stop:
            # The generator caught the exception and finished: suppressed,
            # unless what stopped it is the StopIteration thrown in.
            return stop is not value
        except RuntimeError as error:
            if error is value:
                error.__traceback__ = traceback
                return False
            # PEP 479 turned a StopIteration thrown in into RuntimeError.
            if isinstance(value, StopIteration) and error.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as error:
            # The exception came back out: not suppressed, and re-raised
            # by the with statement itself (not from here).
            if error is not value:
                raise
            error.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """Decorator turning a generator function that yields once into a
    factory of context managers:

        @contextmanager
        def opened(path):
            f = open(path)
            try:
                yield f
            finally:
                f.close()
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class _AsyncGeneratorContextManager(AsyncContextDecorator,
                                    AbstractAsyncContextManager):
    """The asynchronous context manager asynccontextmanager() makes of an
    async generator: the code before its yield is __aenter__, the code
    after is __aexit__."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as stop:
            # The generator caught the exception and finished.
            return stop is not value
        except RuntimeError as error:
            if error is value:
                error.__traceback__ = traceback
                return False
            # PEP 479 turned a StopIteration thrown in into RuntimeError.
            if (isinstance(value, (StopIteration, StopAsyncIteration))
                    and error.__cause__ is value):
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as error:
            if error is not value:
                raise
            error.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def asynccontextmanager(func):
    """Decorator turning an async generator function that yields once
    into a factory of asynchronous context managers:

        @asynccontextmanager
        async def connected(address):
            conn = await connect(address)
            try:
                yield conn
            finally:
                await conn.close()
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class aclosing(AbstractAsyncContextManager):
    """Asynchronous context manager awaiting thing.aclose() at the end of
    the block (an async generator's, say)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class closing(AbstractContextManager):
    """Context manager calling thing.close() at the end of the block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so one instance can be entered again while active.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager pointing sys.stdout at another file for the
    block."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Context manager pointing sys.stderr at another file for the
    block."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Context manager silencing the given exception classes (and their
    subclasses) raised in the block; execution goes on after it."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        return issubclass(exctype, self._exceptions)


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share: the callbacks, as
    (is_sync, callback) pairs called last pushed first, and the ways to
    push them."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move the callbacks to a new stack of this type and return it."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Push a context manager's __exit__ (given the manager) or an
        exit callback with __exit__'s signature; returns it."""
        exit_method = _class_attribute(exit, "__exit__")
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter a context manager and push its __exit__; returns what
        __enter__ returned."""
        enter = _class_attribute(cm, "__enter__")
        exit = _class_attribute(cm, "__exit__")
        if enter is None or exit is None:
            cls = type(cm)
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol")
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Push callback(*args, **kwds), called without the exception
        details; returns callback."""
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        _exit_wrapper.__self__ = cm
        self._exit_callbacks.append((True, _exit_wrapper))

    @staticmethod
    def _raise_pending(exc):
        """Raise the exception a callback left, keeping the context chain
        it was given (raising would set the context to the exception being
        handled)."""
        context = exc.__context__
        try:
            raise exc
        except BaseException:
            exc.__context__ = context
            raise


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager that calls the exit callbacks pushed on it, last
    pushed first, when it closes; an exception raised by one is passed on
    to the next, as nested with statements would."""

    def close(self):
        """Call the callbacks now."""
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        # The exception being handled around the with statement: a new
        # exception's context chain is cut there.
        frame_exc = sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            _, callback = self._exit_callbacks.pop()
            try:
                if callback(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _chain_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            self._raise_pending(exc_details[1])
        return received_exc and suppressed_exc


def _class_attribute(obj, name):
    """type(obj).name, as the with statement looks it up, or None."""
    return getattr(type(obj), name, None)


def _chain_context(new_exc, old_exc, frame_exc):
    """Make old_exc the context of new_exc's chain, as if the callback
    that raised new_exc ran inside an `except` handling old_exc."""
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for `async with`: its callbacks may be coroutine
    functions (pushed by push_async_exit, push_async_callback,
    enter_async_context), awaited when the stack closes."""

    async def enter_async_context(self, cm):
        """Enter an asynchronous context manager and push its __aexit__;
        returns what __aenter__ returned."""
        enter = _class_attribute(cm, "__aenter__")
        exit = _class_attribute(cm, "__aexit__")
        if enter is None or exit is None:
            cls = type(cm)
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol")
        result = await enter(cm)
        self._push_async_cm_exit(cm, exit)
        return result

    def push_async_exit(self, exit):
        """Push an asynchronous context manager's __aexit__ or a coroutine
        function with __aexit__'s signature; returns it."""
        exit_method = _class_attribute(exit, "__aexit__")
        if exit_method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._push_async_cm_exit(exit, exit_method)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Push a coroutine function, awaited with the arguments (without
        the exception details); returns it."""
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback

    def _push_async_cm_exit(self, cm, cm_exit):
        async def _exit_wrapper(exc_type, exc, tb):
            return await cm_exit(cm, exc_type, exc, tb)
        _exit_wrapper.__self__ = cm
        self._exit_callbacks.append((False, _exit_wrapper))

    async def aclose(self):
        """Call (and await) the callbacks now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, callback = self._exit_callbacks.pop()
            try:
                if is_sync:
                    result = callback(*exc_details)
                else:
                    result = await callback(*exc_details)
                if result:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _chain_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            self._raise_pending(exc_details[1])
        return received_exc and suppressed_exc


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Context manager that does nothing; `with` gives enter_result.
    For an optional context manager:

        cm = open(path) if path else nullcontext(sys.stdin)
    """

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Context manager changing the current working directory for the
    block, and back after it."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())
