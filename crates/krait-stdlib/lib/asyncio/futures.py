"""A Future class similar to the one in PEP 3148 (CPython's
`asyncio.futures` and `asyncio.base_futures`)."""

__all__ = ('Future', 'wrap_future', 'isfuture')

from types import GenericAlias

from . import events
from . import exceptions

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """Check for a Future (or an object advertising itself as one by
    setting _asyncio_future_blocking)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


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


def _format_callbacks(cb):
    size = len(cb)
    if not size:
        cb = ''

    def format_cb(callback):
        return events._format_callback_source(callback, ())

    if size == 1:
        cb = format_cb(cb[0][0])
    elif size == 2:
        cb = '{}, {}'.format(format_cb(cb[0][0]), format_cb(cb[1][0]))
    elif size > 2:
        cb = '{}, <{} more>, {}'.format(format_cb(cb[0][0]), size - 2,
                                        format_cb(cb[-1][0]))
    return f'cb=[{cb}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={_short_repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


# The methods whose Future versions the fast paths of tasks, gather and
# TaskGroup stand in for (reading the state attributes directly): a
# subclass overriding one of them gets the plain method calls.
_FAST_PATH_METHODS = ('get_loop', 'add_done_callback', 'result', 'exception',
                      'cancelled', 'done', '_make_cancelled_error')


class Future:
    """This class is *almost* compatible with concurrent.futures.Future.
    Its messages are those of CPython's C implementation (_asyncio)."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_traceback = False
    _repr_running = False
    # None, or a sequence of (callback, context): a 1-tuple for the
    # first, then a list (see add_done_callback).
    _callbacks = None
    # See _FAST_PATH_METHODS (set for subclasses by __init_subclass__).
    _fast_future = True

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop

    def __del__(self):
        # An exception nobody retrieved (no result(), exception() or
        # await): the loop's exception handler hears of it, as in CPython.
        if not self._log_traceback:
            return
        context = {
            'message': f'{self.__class__.__name__} exception was never retrieved',
            'exception': self._exception,
            'future': self,
        }
        if self._source_traceback:
            context['source_traceback'] = self._source_traceback
        self._loop.call_exception_handler(context)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._fast_future = all(getattr(cls, name) is getattr(Future, name)
                               for name in _FAST_PATH_METHODS)

    def __repr__(self):
        if self._repr_running:
            return '...'
        self._repr_running = True
        try:
            info = ' '.join(self._repr_info())
        finally:
            self._repr_running = False
        return f'<{self.__class__.__name__} {info}>'

    def _repr_info(self):
        return _future_repr_info(self)

    __class_getitem__ = classmethod(GenericAlias)

    def get_loop(self):
        """Return the event loop the Future is bound to."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        """Create the CancelledError to raise if the Future is cancelled."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = exceptions.CancelledError()
        else:
            exc = exceptions.CancelledError(self._cancel_message)
        exc.__context__ = self._cancelled_exc
        self._cancelled_exc = None
        return exc

    def cancel(self, msg=None):
        """Cancel the future and schedule callbacks."""
        if self._log_traceback:
            self._log_traceback = False
        if self._state is not _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = None
        loop = self._loop
        if getattr(loop, '_fast', False):
            ready = loop._ready
            for callback, ctx in callbacks:
                if ctx is None:
                    ready.append(callback)
                    ready.append(self)
                else:
                    loop._call_soon(callback, (self,), ctx)
        else:
            for callback, ctx in callbacks:
                loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        """Return True if the future was cancelled."""
        return self._state is _CANCELLED

    def done(self):
        """Return True if the future is done."""
        return self._state is not _PENDING

    def result(self):
        """Return the result this future represents."""
        state = self._state
        if state is _FINISHED:
            if self._log_traceback:
                self._log_traceback = False
            if self._exception is not None:
                raise self._exception
            return self._result
        if state is _CANCELLED:
            raise self._make_cancelled_error()
        raise exceptions.InvalidStateError('Result is not set.')

    def exception(self):
        """Return the exception that was set on this future."""
        state = self._state
        if state is _FINISHED:
            if self._log_traceback:
                self._log_traceback = False
            return self._exception
        if state is _CANCELLED:
            raise self._make_cancelled_error()
        raise exceptions.InvalidStateError('Exception is not set.')

    def add_done_callback(self, fn, *, context=None):
        """Add a callback to be run when the future becomes done."""
        if self._state is not _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            callbacks = self._callbacks
            if callbacks is None:
                # Most futures get one callback: a tuple, which the cycle
                # collector does not track; a list from the second on.
                self._callbacks = ((fn, context),)
            elif type(callbacks) is tuple:
                self._callbacks = [*callbacks, (fn, context)]
            else:
                callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Remove all instances of a callback from the "call when done"
        list.  Returns the number of callbacks removed."""
        callbacks = self._callbacks
        if not callbacks:
            return 0
        filtered = [(f, ctx) for (f, ctx) in callbacks if f != fn]
        removed_count = len(callbacks) - len(filtered)
        if removed_count:
            self._callbacks = filtered or None
        return removed_count

    def set_result(self, result):
        """Mark the future done and set its result."""
        if self._state is not _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        callbacks = self._callbacks
        if callbacks:
            # self._schedule_callbacks(), inlined.
            self._callbacks = None
            loop = self._loop
            if getattr(loop, '_fast', False):
                ready = loop._ready
                for callback, ctx in callbacks:
                    if ctx is None:
                        ready.append(callback)
                        ready.append(self)
                    else:
                        loop._call_soon(callback, (self,), ctx)
            else:
                for callback, ctx in callbacks:
                    loop.call_soon(callback, self, context=ctx)

    def set_exception(self, exception):
        """Mark the future done and set an exception."""
        if self._state is not _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type) and issubclass(exception, BaseException):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError('exceptions must be classes deriving '
                            'BaseException or instances of such a class')
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state is _PENDING:
            self._asyncio_future_blocking = True
            yield self  # This tells Task to wait for completion.
        # As the C future: the state read directly, not through result().
        state = self._state
        if state is _FINISHED:
            if self._log_traceback:
                self._log_traceback = False
            if self._exception is None:
                return self._result
            raise self._exception
        if state is _CANCELLED:
            raise self._make_cancelled_error()
        raise RuntimeError("await wasn't used with future")

    __iter__ = __await__  # make compatible with 'yield from'.


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if getattr(fut, '_fast_future', False) is True:
        if fut._state is _CANCELLED:
            return
    elif fut.cancelled():
        return
    fut.set_result(result)


def _copy_future_state(source, dest):
    """Internal helper to copy state from another Future."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(exception)
        else:
            dest.set_result(source.result())


def _chain_future(source, destination):
    """Chain two futures so that when one completes, so does the other."""
    if not isfuture(source):
        raise TypeError('A future is required for source argument')
    if not isfuture(destination):
        raise TypeError('A future is required for destination argument')

    def _call_check_cancel(destination):
        if destination.cancelled():
            source.cancel()

    def _call_set_state(source):
        if destination.cancelled() and destination.get_loop().is_closed():
            return
        _copy_future_state(source, destination)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wrap a future (krait has no concurrent.futures: asyncio futures
    only, returned unchanged)."""
    if isfuture(future):
        return future
    raise TypeError(f'asyncio.Future is expected, got {future!r}')
