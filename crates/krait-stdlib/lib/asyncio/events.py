"""Callback handles, the loop and policy base classes, and the registry
of the running loop (krait has one thread, so one slot)."""

__all__ = (
    'AbstractEventLoopPolicy', 'AbstractEventLoop', 'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy', 'get_event_loop',
    'set_event_loop', 'new_event_loop', '_set_running_loop',
    'get_running_loop', '_get_running_loop',
)

import functools
import sys
import types


# -- describing callbacks (for reprs and error messages) ------------------

def _get_function_source(func):
    """(file, first line) of a plain function, seen through __wrapped__
    and partials; None for anything else."""
    while True:
        inner = getattr(func, '__wrapped__', None)
        if inner is not None:
            func = inner
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            break
    if not isinstance(func, types.FunctionType):
        return None
    code = func.__code__
    return code.co_filename, code.co_firstlineno


def _call_arguments(args, kwargs):
    shown = [repr(a) for a in args or ()]
    if kwargs:
        shown += [f'{key}={value!r}' for key, value in kwargs.items()]
    return '(' + ', '.join(shown) + ')'


def _format_callback(func, args, kwargs, suffix=''):
    # A partial is shown as its function called with the partial's own
    # arguments, followed by the arguments it is called with.
    while isinstance(func, functools.partial):
        suffix = _call_arguments(args, kwargs) + suffix
        func, args, kwargs = func.func, func.args, func.keywords
    label = (getattr(func, '__qualname__', None)
             or getattr(func, '__name__', None)
             or repr(func))
    return label + _call_arguments(args, kwargs) + suffix


def _format_callback_source(func, args):
    text = _format_callback(func, args, None)
    where = _get_function_source(func)
    if where is not None:
        text = f'{text} at {where[0]}:{where[1]}'
    return text


# -- handles --------------------------------------------------------------

class Handle:
    """A callback registered with call_soon(); cancel() withdraws it."""

    __slots__ = ('_loop', '_callback', '_args', '_context', '_cancelled',
                 '_repr', '_source_traceback')

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._context = context
        self._cancelled = False
        self._source_traceback = self._repr = None

    def _repr_info(self):
        parts = [type(self).__name__]
        if self._cancelled:
            parts.append('cancelled')
        callback = self._callback
        if callback is not None:
            parts.append(_format_callback_source(callback, self._args))
        return parts

    def __repr__(self):
        frozen = self._repr
        if frozen is None:
            return '<' + ' '.join(self._repr_info()) + '>'
        return frozen

    def _drop_callback(self):
        # In debug mode the repr is kept as it was before the callback
        # was forgotten.
        self._cancelled = True
        loop = self._loop
        if loop.get_debug():
            self._repr = repr(self)
        self._callback = self._args = None

    def cancel(self):
        if not self._cancelled:
            self._drop_callback()

    def cancelled(self):
        return self._cancelled

    def _run(self):
        callback, args, context = self._callback, self._args, self._context
        try:
            if context is None:
                callback(*args)
            else:
                context.run(callback, *args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as error:
            where = _format_callback_source(callback, args)
            self._loop.call_exception_handler({
                'message': f'Exception in callback {where}',
                'exception': error,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback registered for a moment: call_later() or call_at()."""

    __slots__ = ('_scheduled', '_when')

    def __init__(self, when, callback, args, loop, context=None):
        # The base initializer written out: one call less per timer.
        self._callback = callback
        self._args = args
        self._loop = loop
        self._context = context
        self._cancelled = False
        self._source_traceback = self._repr = None
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        parts = Handle._repr_info(self)
        parts.insert(1 + self._cancelled, f'when={self._when}')
        return parts

    def when(self):
        """The loop time the callback is due at."""
        return self._when

    def __hash__(self):
        return hash(self._when)

    def _same(self, other):
        return (self._when == other._when
                and self._callback == other._callback
                and self._args == other._args
                and self._cancelled == other._cancelled)

    def __eq__(self, other):
        if not isinstance(other, TimerHandle):
            return NotImplemented
        return self._same(other)

    def __lt__(self, other):
        if not isinstance(other, TimerHandle):
            return NotImplemented
        mine, theirs = self._when, other._when
        return mine < theirs

    def __gt__(self, other):
        if not isinstance(other, TimerHandle):
            return NotImplemented
        mine, theirs = self._when, other._when
        return mine > theirs

    def __le__(self, other):
        if not isinstance(other, TimerHandle):
            return NotImplemented
        return self._when < other._when or self._same(other)

    def __ge__(self, other):
        if not isinstance(other, TimerHandle):
            return NotImplemented
        return self._when > other._when or self._same(other)

    def cancel(self):
        if self._cancelled:
            return
        if self._scheduled:
            loop = self._loop
            loop._timer_handle_cancelled(self)
        self._drop_callback()


def _run_handle(handle):
    # The ready-queue function for a Handle (see BaseEventLoop._ready).
    if not handle._cancelled:
        handle._run()


# -- loop and policy bases ------------------------------------------------

class AbstractEventLoop:
    """Base class of event loops."""

    # True on a BaseEventLoop that is open, not in debug mode and whose
    # call_soon is its own: futures and tasks then put their callbacks
    # straight into its ready queue.
    _fast = False


class AbstractEventLoopPolicy:
    """Base class of event loop policies."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One current loop, made by the first get_event_loop() unless
    set_event_loop() was called before."""

    _loop_factory = None

    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if not self._set_called and self._loop is None:
            fresh = self.new_event_loop()
            self.set_event_loop(fresh)
        current = self._loop
        if current is None:
            raise RuntimeError("There is no current event loop in thread "
                               "'MainThread'.")
        return current

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is None or isinstance(loop, AbstractEventLoop):
            self._loop = loop
            return
        raise TypeError("loop must be an instance of AbstractEventLoop or "
                        f"None, not '{type(loop).__name__}'")

    def new_event_loop(self):
        factory = self._loop_factory
        return factory()


# -- the running loop and the current policy ------------------------------

_running_loop = None
_event_loop_policy = None


def _get_running_loop():
    """The running loop, or None."""
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    """The running loop; RuntimeError when none runs."""
    current = _running_loop
    if current is not None:
        return current
    raise RuntimeError("no running event loop")


def get_event_loop_policy():
    """The current policy (the default one until another is set)."""
    global _event_loop_policy
    policy = _event_loop_policy
    if policy is None:
        from . import DefaultEventLoopPolicy as default
        policy = _event_loop_policy = default()
    return policy


def set_event_loop_policy(policy):
    """Install `policy`; None brings back the default."""
    global _event_loop_policy
    if not (policy is None or isinstance(policy, AbstractEventLoopPolicy)):
        raise TypeError("policy must be an instance of "
                        "AbstractEventLoopPolicy or None, not "
                        f"'{type(policy).__name__}'")
    _event_loop_policy = policy


def get_event_loop():
    """The running loop if there is one, else the policy's loop."""
    current = _running_loop
    if current is None:
        current = get_event_loop_policy().get_event_loop()
    return current


_get_event_loop = get_event_loop


def set_event_loop(loop):
    """Make `loop` the policy's current loop."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """A new loop from the current policy."""
    return get_event_loop_policy().new_event_loop()
