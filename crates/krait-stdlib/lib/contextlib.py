"""Helpers for the `with` and `async with` statements."""

import sys
from abc import ABC, abstractmethod
from functools import wraps as _wraps
from types import GenericAlias, MethodType as _bound

__all__ = """
    asynccontextmanager contextmanager closing nullcontext
    AbstractContextManager AbstractAsyncContextManager AsyncExitStack
    ContextDecorator ExitStack redirect_stdout redirect_stderr suppress
    aclosing chdir
""".split()

# `contextlib.wraps` exists in CPython's namespace too.
wraps = _wraps

_subscript = classmethod(GenericAlias)

# Messages of the generator-based managers (sync and async share them).
_NO_YIELD = "generator didn't yield"
_NO_STOP = "generator didn't stop"

# The exception details of a clean exit.
_CLEAN = (None, None, None)


def _has_protocol(C, first, second):
    # Whether C's MRO defines both methods (not as None). krait's builtin
    # types answer for every dunder through the class, so classes from
    # the builtins module are not consulted.
    for wanted in (first, second):
        for klass in C.__mro__:
            if klass.__module__ == "builtins":
                continue
            ns = klass.__dict__
            if wanted in ns:
                if ns[wanted] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _enter_returns_self(self):
    return self


async def _aenter_returns_self(self):
    return self


class AbstractContextManager(ABC):
    """ABC of classes with __enter__ and __exit__."""

    __class_getitem__ = _subscript

    __slots__ = ()

    __enter__ = _enter_returns_self

    @abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _has_protocol(other, "__enter__", "__exit__")


class AbstractAsyncContextManager(ABC):
    """ABC of classes with __aenter__ and __aexit__."""

    __class_getitem__ = _subscript

    __slots__ = ()

    __aenter__ = _aenter_returns_self

    @abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is not AbstractAsyncContextManager:
            return NotImplemented
        return _has_protocol(other, "__aenter__", "__aexit__")


class ContextDecorator(object):
    """Mixin letting a context manager decorate functions: each call of
    the function runs inside the manager."""

    def _recreate_cm(self):
        """The manager to enter for one call (self by default)."""
        return self

    def __call__(self, func):
        @_wraps(func)
        def inner(*a, **k):
            with self._recreate_cm():
                return func(*a, **k)
        return inner


class AsyncContextDecorator(object):
    """ContextDecorator for asynchronous managers and coroutine
    functions."""

    _recreate_cm = _enter_returns_self

    def __call__(self, func):
        @_wraps(func)
        async def inner(*a, **k):
            async with self._recreate_cm():
                return await func(*a, **k)
        return inner


# next(gen, _DONE) is _DONE once the generator has finished.
_DONE = object()


class _GeneratorContextManagerBase:
    """Shared by the managers that the two decorators below make."""

    def __init__(self, fn, args, kw):
        self.func, self.args, self.kwds = fn, args, kw
        self.gen = fn(*args, **kw)
        doc = getattr(fn, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _recreate_cm(self):
        # Each decorated call needs its own generator.
        return type(self)(self.func, self.args, self.kwds)


def _after_throw(raised, sent, tb, stop_kinds):
    # Decide __exit__'s answer once the generator raised `raised` in
    # response to the exception `sent` thrown into it: True (suppress),
    # False (let the with statement re-raise `sent`), or None (`raised`
    # propagates).
    if isinstance(raised, stop_kinds):
        # It finished: suppressed, unless `sent` itself stopped it.
        return raised is not sent
    if raised is sent:
        raised.__traceback__ = tb
        return False
    if (isinstance(raised, RuntimeError) and raised.__cause__ is sent
            and isinstance(sent, (StopIteration, StopAsyncIteration))):
        # PEP 479 wrapped a StopIteration thrown in.
        sent.__traceback__ = tb
        return False
    return None


class _GeneratorContextManager(_GeneratorContextManagerBase,
                               AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        # Only _recreate_cm needed these.
        del self.func, self.args, self.kwds
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError(_NO_YIELD) from None

    def __exit__(self, et, ev, tb):
        if et is None:
            if next(self.gen, _DONE) is _DONE:
                return False
            raise RuntimeError(_NO_STOP)
        if ev is None:
            ev = et()
        try:
            # One argument: krait's throw(typ, value) would build a new
            # exception instead of raising ev.
            self.gen.throw(ev)
        except BaseException as raised:
            verdict = _after_throw(raised, ev, tb, StopIteration)
            if verdict is None:
                raise
            return verdict
        raise RuntimeError(_NO_STOP + " after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase,
                                    AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        del self.func, self.args, self.kwds
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError(_NO_YIELD) from None

    async def __aexit__(self, et, ev, tb):
        if et is None:
            if await anext(self.gen, _DONE) is _DONE:
                return False
            raise RuntimeError(_NO_STOP)
        if ev is None:
            ev = et()
        try:
            await self.gen.athrow(ev)
        except BaseException as raised:
            verdict = _after_throw(raised, ev, tb, StopAsyncIteration)
            if verdict is None:
                raise
            return verdict
        raise RuntimeError(_NO_STOP + " after athrow()")


def _manager_decorator(manager, name, doc):
    def decorator(func):
        @_wraps(func)
        def helper(*a, **k):
            return manager(func, a, k)
        return helper
    decorator.__name__ = decorator.__qualname__ = name
    decorator.__doc__ = doc
    return decorator


contextmanager = _manager_decorator(
    _GeneratorContextManager, "contextmanager",
    """Decorator: a generator function yielding once becomes a factory of
    context managers (before the yield: enter; after it: exit).""")

asynccontextmanager = _manager_decorator(
    _AsyncGeneratorContextManager, "asynccontextmanager",
    """Decorator: an async generator function yielding once becomes a
    factory of asynchronous context managers.""")


class closing(AbstractContextManager):
    """Calls thing.close() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, et=None, ev=None, tb=None):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Awaits thing.aclose() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # Saved streams, innermost last: the same object may be re-entered.
        self._old_targets = []

    def __enter__(self):
        name, target = self._stream, self._new_target
        self._old_targets.append(getattr(sys, name))
        setattr(sys, name, target)
        return target

    def __exit__(self, et=None, ev=None, tb=None):
        previous = self._old_targets.pop()
        setattr(sys, self._stream, previous)


class redirect_stdout(_RedirectStream):
    """Sends sys.stdout elsewhere for the duration of the block."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Sends sys.stderr elsewhere for the duration of the block."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Swallows the listed exception types raised inside the block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, et, ev, tb):
        if et is None:
            return False
        return issubclass(et, self._exceptions)


# ---------------------------------------------------------------------------
# Exit stacks. Each entry of _exit_callbacks is (is_sync, callback), the
# callback taking (exc_type, exc, tb) as __exit__ does.

def _relink_context(raised, previous, outer):
    # Make `previous` the context of the chain of `raised`, as if the
    # callback had run while `previous` was being handled; the chain is
    # cut at `outer` (what was being handled around the with statement).
    node = raised
    while True:
        ctx = node.__context__
        if ctx is None or ctx is previous:
            return
        if ctx is outer:
            break
        node = ctx
    node.__context__ = previous


def _protocol_error(cm, what):
    cls = type(cm)
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                     f"not support the {what} protocol")


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move every callback to a new stack, returned."""
        other = type(self)()
        other._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return other

    def push(self, exit):
        """Register a context manager's __exit__, or a callable with the
        same signature; returns exit."""
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._push_cm_exit(exit, method)
        return exit

    def enter_context(self, cm):
        """Enter cm and register its __exit__; returns what __enter__
        returned."""
        cls = type(cm)
        enter = getattr(cls, "__enter__", None)
        leave = getattr(cls, "__exit__", None)
        if enter is None or leave is None:
            raise _protocol_error(cm, "context manager")
        result = enter(cm)
        self._exit_callbacks.append((True, _bound(leave, cm)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds), called without the exception
        details; returns callback."""
        def run_callback(et, ev, tb):
            callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exit_callbacks.append((True, run_callback))
        return callback

    def _push_cm_exit(self, manager, method):
        self._exit_callbacks.append((True, _bound(method, manager)))


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Runs registered exit callbacks, last in first out, when the with
    block (or close()) ends; they see exceptions as nested with
    statements would."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        had_exc = exc_details[0] is not None
        outer = sys.exc_info()[1]
        pending = None
        suppressed = False
        stack = self._exit_callbacks
        while stack:
            callback = stack.pop()[1]
            try:
                handled = callback(*exc_details)
            except BaseException as raised:
                _relink_context(raised, exc_details[1], outer)
                pending = raised
                exc_details = (type(raised), raised, raised.__traceback__)
                continue
            if handled:
                suppressed = True
                pending = None
                exc_details = _CLEAN
        if pending is not None:
            # Raised from a handler, pending's context would be replaced.
            saved = pending.__context__
            try:
                raise pending
            except BaseException:
                pending.__context__ = saved
                raise
        return had_exc and suppressed

    def close(self):
        """Run the callbacks now."""
        self.__exit__(*_CLEAN)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for `async with`, whose callbacks may also be
    coroutine functions (awaited in turn)."""

    async def enter_async_context(self, cm):
        """Enter cm asynchronously and register its __aexit__; returns
        what __aenter__ returned."""
        cls = type(cm)
        enter = getattr(cls, "__aenter__", None)
        leave = getattr(cls, "__aexit__", None)
        if enter is None or leave is None:
            raise _protocol_error(cm, "asynchronous context manager")
        result = await enter(cm)
        self._exit_callbacks.append((False, _bound(leave, cm)))
        return result

    def push_async_exit(self, exit):
        """Register an asynchronous manager's __aexit__, or a coroutine
        function with its signature; returns exit."""
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._push_async_cm_exit(exit, method)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register a coroutine function, awaited with these arguments;
        returns it."""
        async def run_callback(et, ev, tb):
            await callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exit_callbacks.append((False, run_callback))
        return callback

    def _push_async_cm_exit(self, manager, method):
        self._exit_callbacks.append((False, _bound(method, manager)))

    async def aclose(self):
        """Run (and await) the callbacks now."""
        await self.__aexit__(*_CLEAN)

    __aenter__ = _aenter_returns_self

    async def __aexit__(self, *exc_details):
        had_exc = exc_details[0] is not None
        outer = sys.exc_info()[1]
        pending = None
        suppressed = False
        stack = self._exit_callbacks
        while stack:
            is_sync, callback = stack.pop()
            try:
                handled = callback(*exc_details)
                if not is_sync:
                    handled = await handled
            except BaseException as raised:
                _relink_context(raised, exc_details[1], outer)
                pending = raised
                exc_details = (type(raised), raised, raised.__traceback__)
                continue
            if handled:
                suppressed = True
                pending = None
                exc_details = _CLEAN
        if pending is not None:
            saved = pending.__context__
            try:
                raise pending
            except BaseException:
                pending.__context__ = saved
                raise
        return had_exc and suppressed


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A manager that does nothing; the block gets enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, et=None, ev=None, tb=None):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc):
        pass


class chdir(AbstractContextManager):
    """Changes the working directory for the block, then back."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        here = os.getcwd()
        self._old_cwd.append(here)
        os.chdir(self.path)

    def __exit__(self, et=None, ev=None, tb=None):
        import os
        back = self._old_cwd.pop()
        os.chdir(back)
