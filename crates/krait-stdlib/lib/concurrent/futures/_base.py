"""Futures and the executor interface (CPython's concurrent.futures._base).

Executors in krait run each call at once, in the caller (see
`concurrent.futures`), so the futures they hand back are already done.
A Future made by hand can still be pending: waiting for it first lets the
work `threading` has put off run, then gives the timeout result at once
(TimeoutError) or, with no timeout, raises RuntimeError("deadlock: ...")
where CPython would wait forever.
"""

import collections
import time
import types
import _thread

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# The states a future goes through.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)


class _Logger:
    """The "concurrent.futures" logger, made on first use: importing
    logging costs more than most programs using futures ever need."""

    def __getattr__(self, name):
        import logging
        return getattr(logging.getLogger("concurrent.futures"), name)


LOGGER = _Logger()


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe failure."""


def _blocked_forever(what):
    return _thread._blocked_forever(what)


class Future(object):
    """The result of a call that may not have finished: its value or
    exception once it has, and callbacks to run then."""

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                LOGGER.exception('exception calling callback for %r', self)

    def __repr__(self):
        cls = self.__class__.__name__
        state = _STATE_TO_DESCRIPTION_MAP[self._state]
        if self._state == FINISHED:
            if self._exception is not None:
                return '<%s at %#x state=%s raised %s>' % (
                    cls, id(self), state, self._exception.__class__.__name__)
            return '<%s at %#x state=%s returned %s>' % (
                cls, id(self), state, self._result.__class__.__name__)
        return '<%s at %#x state=%s>' % (cls, id(self), state)

    def cancel(self):
        """Cancel the future if it has not started; True if it is (now)
        cancelled."""
        if self._state in (RUNNING, FINISHED):
            return False
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            return True
        self._state = CANCELLED
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == RUNNING

    def done(self):
        """Whether the future finished or was cancelled."""
        return self._state in _DONE_STATES

    def _is_done(self):
        return self._state in _DONE_STATES

    def _wait_done(self, timeout):
        if self._state in _DONE_STATES or _thread._wait(self._is_done, timeout):
            return
        if timeout is None:
            raise _blocked_forever("waiting for a pending Future")
        raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value (or raise its exception), waiting at most
        `timeout` seconds for it."""
        try:
            self._wait_done(timeout)
            if self._state != FINISHED:
                raise CancelledError()
            if self._exception is not None:
                try:
                    raise self._exception
                finally:
                    # Break the cycle frame -> exception -> frame.
                    self = None
            return self._result
        finally:
            self = None

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting at
        most `timeout` seconds for it."""
        self._wait_done(timeout)
        if self._state != FINISHED:
            raise CancelledError()
        return self._exception

    def add_done_callback(self, fn):
        """Call fn(future) when the future is done (now if it already is)."""
        if self._state not in _DONE_STATES:
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception:
            LOGGER.exception('exception calling callback for %r', self)

    def set_running_or_notify_cancel(self):
        """For executors: mark the future running (True), or see that it
        was cancelled (False)."""
        if self._state == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            return False
        if self._state == PENDING:
            self._state = RUNNING
            return True
        LOGGER.critical('Future %s in unexpected state: %s', id(self), self._state)
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """For executors: finish the future with a value."""
        if self._state in _DONE_STATES:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._state = FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        """For executors: finish the future with an exception."""
        if self._state in _DONE_STATES:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._state = FINISHED
        self._invoke_callbacks()

    __class_getitem__ = classmethod(types.GenericAlias)


DoneAndNotDoneFutures = collections.namedtuple(
    'DoneAndNotDoneFutures', 'done not_done')


def _unique(fs):
    """The futures of `fs` in order, each once."""
    seen = set()
    unique = []
    for f in fs:
        if id(f) not in seen:
            seen.add(id(f))
            unique.append(f)
    return unique


def as_completed(fs, timeout=None):
    """An iterator over the futures of `fs` as they complete: those already
    done first (in the order given), then the others as waiting lets them
    finish. TimeoutError if some are still pending after `timeout`."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    pending = _unique(fs)
    total = len(pending)

    def any_done():
        for f in pending:
            if f._state in _DONE_STATES:
                return True
        return False

    while pending:
        finished = [f for f in pending if f._state in _DONE_STATES]
        if not finished:
            wait_timeout = None if timeout is None else end_time - time.monotonic()
            if _thread._wait(any_done, wait_timeout):
                continue
            if timeout is None:
                raise _blocked_forever("as_completed() with pending futures")
            raise TimeoutError('%d (of %d) futures unfinished'
                               % (len(pending), total))
        for f in finished:
            pending.remove(f)
            yield f


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures of `fs` (at most `timeout` seconds) until the
    first completes (FIRST_COMPLETED), one raises or all complete
    (FIRST_EXCEPTION), or all complete (ALL_COMPLETED); return the named
    pair of sets (done, not_done)."""
    fs = set(fs)

    def ready():
        done = [f for f in fs if f._state in _DONE_STATES]
        if len(done) == len(fs):
            return True
        if return_when == FIRST_COMPLETED:
            return bool(done)
        if return_when == FIRST_EXCEPTION:
            return any(f._state == FINISHED and f._exception is not None
                       for f in done)
        return False

    if not ready():
        if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
            raise ValueError("Invalid return condition: %r" % return_when)
        if not _thread._wait(ready, timeout) and timeout is None:
            raise _blocked_forever("wait() for pending futures")
    done = set(f for f in fs if f._state in _DONE_STATES)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        # Break a reference cycle with the exception in self._exception.
        del fut


class Executor(object):
    """The interface executors implement: submit(), map(), shutdown()."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return a Future for its result."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls made through submit(): all
        are submitted now, the iterator gives their results in order and
        raises a call's exception when it reaches it."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _map_results(fs, None if timeout is None else end_time)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources; no submit() afterwards."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _map_results(fs, end_time):
    # The results in submission order; futures left over when the
    # iterator is dropped early get cancelled.
    try:
        fs.reverse()
        while fs:
            if end_time is None:
                yield _result_or_cancel(fs.pop())
            else:
                yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
    finally:
        for future in fs:
            future.cancel()


class _WorkItem(object):
    """A call for a future: running it sets the future's outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break a reference cycle with the exception 'exc'.
            self = None
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)
