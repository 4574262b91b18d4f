"""asyncio's Future: a result (or an exception, or a cancellation) that
will be set later, with callbacks run by the loop when it is.  The error
messages are those of CPython's C implementation."""

__all__ = ('Future', 'wrap_future', 'isfuture')

import types

from . import events
from . import exceptions

# The three states; compared by identity.
_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """True for an asyncio Future, or an object made to pass for one
    (its class has _asyncio_future_blocking, and it is not None)."""
    if not hasattr(type(obj), '_asyncio_future_blocking'):
        return False
    return obj._asyncio_future_blocking is not None


# -- repr -----------------------------------------------------------------

def _short_repr(obj):
    # reprlib.repr with its default limits.
    if isinstance(obj, str):
        s = repr(obj[:30])
        if len(s) > 30:
            i = max(0, (30 - 3) // 2)
            j = max(0, 30 - 3 - i)
            s = repr(obj[:i] + obj[len(obj) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if isinstance(obj, (list, tuple, set, frozenset, dict)) and \
            type(obj) in (list, tuple, set, frozenset, dict):
        return _short_container(obj, 1)
    r = repr(obj)
    limit = 40 if type(obj) is int else 30
    if len(r) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        return r[:i] + '...' + r[len(r) - j:]
    return r


def _short_container(obj, level):
    # reprlib: at most 6 items of a list/tuple/set, 4 of a dict, 6 levels.
    if level > 6:
        return '[...]' if isinstance(obj, list) else '(...)'
    def item(x):
        if isinstance(x, (list, tuple, set, frozenset, dict)):
            return _short_container(x, level + 1)
        return _short_repr(x)
    if isinstance(obj, dict):
        if not obj:
            return '{}'
        keys = list(obj)
        try:
            keys = sorted(keys)
        except Exception:
            pass
        parts = [f'{item(k)}: {item(obj[k])}' for k in keys[:4]]
        if len(obj) > 4:
            parts.append('...')
        return '{' + ', '.join(parts) + '}'
    if isinstance(obj, (set, frozenset)):
        if not obj:
            return repr(obj)
        try:
            elems = sorted(obj)
        except Exception:
            elems = list(obj)
        parts = [item(x) for x in elems[:6]]
        if len(obj) > 6:
            parts.append('...')
        body = ', '.join(parts)
        return '{' + body + '}' if isinstance(obj, set) else f'frozenset({{{body}}})'
    parts = [item(x) for x in list(obj)[:6]]
    if len(obj) > 6:
        parts.append('...')
    body = ', '.join(parts)
    if isinstance(obj, list):
        return '[' + body + ']'
    if len(obj) == 1:
        body += ','
    return '(' + body + ')'


def _callbacks_text(entries):
    def one(entry):
        return events._format_callback_source(entry[0], ())
    count = len(entries)
    if count == 0:
        inside = ''
    elif count <= 2:
        inside = ', '.join(one(e) for e in entries)
    else:
        inside = f'{one(entries[0])}, <{count - 2} more>, {one(entries[-1])}'
    return f'cb=[{inside}]'


def _future_repr_info(future):
    state = future._state
    parts = [state.lower()]
    if state is _FINISHED:
        error = future._exception
        if error is None:
            parts.append('result=' + _short_repr(future._result))
        else:
            parts.append(f'exception={error!r}')
    if future._callbacks:
        parts.append(_callbacks_text(future._callbacks))
    return parts


def _post_callbacks(fut, entries):
    """Queue the done callbacks `entries` ((function, context) pairs) on
    the future's loop.  On a fast loop a callback without a context goes
    straight into the ready queue as the pair (function, fut)."""
    loop = fut._loop
    try:
        fast = loop._fast
    except AttributeError:
        fast = False
    if not fast:
        for function, ctx in entries:
            loop.call_soon(function, fut, context=ctx)
        return
    ready = loop._ready
    for function, ctx in entries:
        if ctx is not None:
            loop._call_soon(function, (fut,), ctx)
        else:
            ready.append(function)
            ready.append(fut)


# The Future methods whose work the fast paths of tasks, gather and
# TaskGroup do themselves, reading the state attributes: a subclass that
# overrides any of them gets the plain method calls instead.
_FAST_PATH_METHODS = ('get_loop', 'add_done_callback', 'result', 'exception',
                      'cancelled', 'done', '_make_cancelled_error')


class Future:
    """A value to come.  Almost compatible with concurrent.futures.Future
    (its result() and exception() take no timeout)."""

    # The state of a new future, kept as class attributes.
    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _log_traceback = False
    _repr_running = False
    # True while a Task waits on the future (set by __await__); None on a
    # class that only looks like a future.
    _asyncio_future_blocking = False
    # The done callbacks: None, a 1-tuple for the first (function,
    # context) pair, then a list.
    _callbacks = None
    # See _FAST_PATH_METHODS; recomputed for each subclass.
    _fast_future = True

    # Named as CPython's C class (repr(Future[int]), type(fut)).
    __module__ = '_asyncio'

    def __init__(self, *, loop=None):
        self._loop = events._get_event_loop() if loop is None else loop

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._fast_future = not any(
            getattr(cls, attr) is not getattr(Future, attr)
            for attr in _FAST_PATH_METHODS)

    __class_getitem__ = classmethod(types.GenericAlias)

    def __del__(self):
        # An exception nobody looked at goes to the loop's handler.
        if not self._log_traceback:
            return
        report = {
            'message': f'{type(self).__name__} exception was never retrieved',
            'exception': self._exception,
            'future': self,
        }
        if self._source_traceback:
            report['source_traceback'] = self._source_traceback
        self._loop.call_exception_handler(report)

    def __repr__(self):
        if self._repr_running:
            return '...'
        self._repr_running = True
        try:
            body = ' '.join(self._repr_info())
        finally:
            self._repr_running = False
        return f'<{type(self).__name__} {body}>'

    def _repr_info(self):
        return _future_repr_info(self)

    def get_loop(self):
        """The loop the future belongs to."""
        owner = self._loop
        if owner is None:
            raise RuntimeError("Future object is not initialized.")
        return owner

    # -- state queries

    def cancelled(self):
        """True once the future is cancelled."""
        return self._state is _CANCELLED

    def done(self):
        """True once the future has a result, an exception, or was
        cancelled."""
        return self._state is not _PENDING

    def _make_cancelled_error(self):
        """The CancelledError to raise for a cancelled future: the one
        the task caught, if it kept one, else a new one with the
        cancellation's message."""
        saved = self._cancelled_exc
        self._cancelled_exc = None
        if saved is not None:
            return saved
        message = self._cancel_message
        if message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(message)

    def _outcome(self, what):
        # result() and exception(): the state checks they share.
        state = self._state
        if state is _CANCELLED:
            raise self._make_cancelled_error()
        if state is not _FINISHED:
            raise exceptions.InvalidStateError(f'{what} is not set.')
        self._log_traceback = False

    def result(self):
        """The result; raises the exception set instead, CancelledError
        for a cancelled future, InvalidStateError for a pending one."""
        self._outcome('Result')
        error = self._exception
        if error is None:
            return self._result
        raise error

    def exception(self):
        """The exception set (None after set_result())."""
        self._outcome('Exception')
        return self._exception

    # -- callbacks

    def add_done_callback(self, fn, *, context=None):
        """Call fn(future) (from the loop) once the future is done."""
        if self._state is not _PENDING:
            self._loop.call_soon(fn, self, context=context)
            return
        entries = self._callbacks
        if entries is None:
            # Most futures get a single callback: a tuple holds it.
            self._callbacks = ((fn, context),)
        elif type(entries) is list:
            entries.append((fn, context))
        else:
            self._callbacks = [*entries, (fn, context)]

    def remove_done_callback(self, fn):
        """Remove every registration of fn; return how many there were."""
        entries = self._callbacks
        if not entries:
            return 0
        kept = [entry for entry in entries if entry[0] != fn]
        dropped = len(entries) - len(kept)
        if dropped:
            self._callbacks = kept if kept else None
        return dropped

    def _schedule_callbacks(self):
        entries = self._callbacks
        if entries:
            self._callbacks = None
            _post_callbacks(self, entries)

    # -- completing

    def cancel(self, msg=None):
        """Cancel a pending future (False if it is already done)."""
        self._log_traceback = False
        if self._state is not _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def set_result(self, result):
        """Finish the future with `result`."""
        if self._state is not _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        entries = self._callbacks
        if not entries:
            return
        self._callbacks = None
        _post_callbacks(self, entries)

    def set_exception(self, exception):
        """Finish the future with an exception (a class is instantiated)."""
        if self._state is not _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        error = exception
        if isinstance(error, type) and issubclass(error, BaseException):
            error = error()
        if not isinstance(error, BaseException):
            raise TypeError('invalid exception object')
        if type(error) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = error
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    # -- awaiting

    def __await__(self):
        if self._state is _PENDING:
            # The task running us sees the future and waits for it.
            self._asyncio_future_blocking = True
            yield self
        state = self._state
        if state is _FINISHED:
            self._log_traceback = False
            error = self._exception
            if error is not None:
                raise error
            return self._result
        if state is _CANCELLED:
            raise self._make_cancelled_error()
        raise RuntimeError("await wasn't used with future")

    # `yield from future` works as `await future`.
    __iter__ = __await__


# -- helpers for the rest of the package ----------------------------------

def _get_loop(fut):
    try:
        getter = fut.get_loop
    except AttributeError:
        return fut._loop
    return getter()


def _set_result_unless_cancelled(fut, result):
    """Set the result of `fut` unless it was cancelled meanwhile."""
    if getattr(fut, '_fast_future', False) is True:
        skip = fut._state is _CANCELLED
    else:
        skip = fut.cancelled()
    if not skip:
        fut.set_result(result)


def _copy_future_state(source, dest):
    """Give `dest` the outcome of the finished `source`."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    error = source.exception()
    if error is None:
        dest.set_result(source.result())
    else:
        dest.set_exception(error)


def _chain_future(source, destination):
    """Make `destination` follow `source`, and cancelling `destination`
    cancel `source`."""
    for fut, role in ((source, 'source'), (destination, 'destination')):
        if not isfuture(fut):
            raise TypeError(f'A future is required for {role} argument')

    def on_destination_done(dest):
        if dest.cancelled():
            source.cancel()

    def on_source_done(src):
        if not (destination.cancelled()
                and destination.get_loop().is_closed()):
            _copy_future_state(src, destination)

    destination.add_done_callback(on_destination_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio future is returned as it is (krait has no threads whose
    futures would need wrapping)."""
    if isfuture(future):
        return future
    raise TypeError(f'asyncio.Future is expected, got {future!r}')
