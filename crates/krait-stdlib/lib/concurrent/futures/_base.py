"""Futures and the executor interface behind `concurrent.futures`.

krait's executors run a call as soon as it is submitted, in the caller,
so the futures they return are finished already.  A Future built by hand
can stay pending: waiting for one first lets the work `threading` has put
off run; if that does not finish it, a timed wait times out at once and
an untimed one raises RuntimeError("deadlock: ...") (CPython would hang).
"""

import collections
import time
import types
import _thread

FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, _AS_COMPLETED = (
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', '_AS_COMPLETED')

# Future states.
PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED = (
    'PENDING', 'RUNNING', 'CANCELLED', 'CANCELLED_AND_NOTIFIED', 'FINISHED')

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED,
                  FINISHED]

_STATE_TO_DESCRIPTION_MAP = {name: name.lower() for name in _FUTURE_STATES}
_STATE_TO_DESCRIPTION_MAP[CANCELLED_AND_NOTIFIED] = 'cancelled'

_DONE_STATES = frozenset((CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED))
_CANCEL_STATES = frozenset((CANCELLED, CANCELLED_AND_NOTIFIED))


class _LazyLogger:
    # logging is imported the first time something is logged: most
    # programs using futures never log anything.
    def __getattr__(self, attr):
        import logging
        return getattr(logging.getLogger('concurrent.futures'), attr)


LOGGER = _LazyLogger()


class Error(Exception):
    """Base of the futures exceptions."""


class CancelledError(Error):
    """Raised for a cancelled Future."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """Raised for an operation a Future's state forbids."""


class BrokenExecutor(RuntimeError):
    """The executor cannot run calls anymore."""


def _report_callback_error(future):
    LOGGER.exception('exception calling callback for %r', future)


def _stuck(what):
    return _thread._blocked_forever(what)


class Future(object):
    """The outcome of a call: pending, then its value or its exception."""

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def __repr__(self):
        st = self._state
        head = '<%s at %#x state=%s' % (type(self).__name__, id(self),
                                         _STATE_TO_DESCRIPTION_MAP[st])
        if st != FINISHED:
            return head + '>'
        err = self._exception
        if err is None:
            return '%s returned %s>' % (head, type(self._result).__name__)
        return '%s raised %s>' % (head, type(err).__name__)

    def _run_callbacks(self):
        for cb in self._done_callbacks:
            try:
                cb(self)
            except Exception:
                _report_callback_error(self)

    _invoke_callbacks = _run_callbacks

    def cancel(self):
        """Cancel unless running or finished; True when cancelled."""
        st = self._state
        if st in _CANCEL_STATES:
            return True
        if st != PENDING:
            return False
        self._state = CANCELLED
        self._run_callbacks()
        return True

    def cancelled(self):
        return self._state in _CANCEL_STATES

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in _DONE_STATES

    def _is_done(self):
        return self._state in _DONE_STATES

    def _await_outcome(self, timeout):
        # Returns once the future is done; raises when it cannot get there.
        if self._state not in _DONE_STATES and \
                not _thread._wait(self._is_done, timeout):
            if timeout is None:
                raise _stuck("waiting for a pending Future")
            raise TimeoutError()
        if self._state != FINISHED:
            raise CancelledError()

    def result(self, timeout=None):
        """The call's value, or its exception raised; waits up to
        `timeout` seconds."""
        self._await_outcome(timeout)
        err = self._exception
        if err is None:
            return self._result
        try:
            raise err
        finally:
            err = None

    def exception(self, timeout=None):
        """The exception the call raised, or None; waits up to `timeout`
        seconds."""
        self._await_outcome(timeout)
        return self._exception

    def add_done_callback(self, fn):
        """fn(future) once the future is done (at once when it is)."""
        if self._state in _DONE_STATES:
            try:
                fn(self)
            except Exception:
                _report_callback_error(self)
        else:
            self._done_callbacks.append(fn)

    def set_running_or_notify_cancel(self):
        """Executors call this before running: True to run, False when the
        future was cancelled meanwhile."""
        st = self._state
        if st == PENDING:
            self._state = RUNNING
            return True
        if st == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            return False
        LOGGER.critical('Future %s in unexpected state: %s', id(self), st)
        raise RuntimeError('Future in unexpected state')

    def _finish(self, value, err):
        if self._state in _DONE_STATES:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = value
        self._exception = err
        self._state = FINISHED
        self._run_callbacks()

    def set_result(self, result):
        """Finish with a value (for executors)."""
        self._finish(result, None)

    def set_exception(self, exception):
        """Finish with an exception (for executors)."""
        self._finish(None, exception)

    __class_getitem__ = classmethod(types.GenericAlias)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures',
                                               ['done', 'not_done'])


def as_completed(fs, timeout=None):
    """Yield the futures of fs as they finish (finished ones first);
    TimeoutError when some are left after `timeout` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    left = list({id(f): f for f in fs}.values())
    total = len(left)
    while left:
        ready = [f for f in left if f._state in _DONE_STATES]
        if ready:
            for f in ready:
                left.remove(f)
                yield f
            continue
        remaining = None if deadline is None else deadline - time.monotonic()
        if not _thread._wait(
                lambda: any(f._state in _DONE_STATES for f in left),
                remaining):
            if deadline is None:
                raise _stuck("as_completed() with pending futures")
            raise TimeoutError(f'{len(left)} (of {total}) futures unfinished')


def _wait_satisfied(futures, how):
    finished = 0
    for f in futures:
        st = f._state
        if st in _DONE_STATES:
            if how == FIRST_COMPLETED:
                return True
            if how == FIRST_EXCEPTION and st == FINISHED \
                    and f._exception is not None:
                return True
            finished += 1
    return finished == len(futures)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait (at most `timeout` seconds) for the futures of fs until
    return_when holds; return the named pair (done, not_done) of sets."""
    pool = set(fs)
    if not _wait_satisfied(pool, return_when):
        if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION,
                               ALL_COMPLETED):
            raise ValueError(f'Invalid return condition: {return_when!r}')
        ok = _thread._wait(lambda: _wait_satisfied(pool, return_when),
                           timeout)
        if not ok and timeout is None:
            raise _stuck("wait() for pending futures")
    finished = {f for f in pool if f._state in _DONE_STATES}
    return DoneAndNotDoneFutures(finished, pool - finished)


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()
        fut = None


def _ordered_results(futures, deadline):
    # Results in submission order; what is left when the consumer stops
    # early is cancelled.
    futures.reverse()
    try:
        while futures:
            fut = futures.pop()
            if deadline is None:
                yield _result_or_cancel(fut)
            else:
                yield _result_or_cancel(fut, deadline - time.monotonic())
            fut = None
    finally:
        for leftover in futures:
            leftover.cancel()


class Executor(object):
    """What executors provide: submit(), map() and shutdown()."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """map(fn, *iterables) through submit(): every call is submitted
        now; the iterator yields results in order, raising a call's
        exception when it gets to it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        submit = self.submit
        return _ordered_results([submit(fn, *call) for call in zip(*iterables)],
                                deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor; submit() fails afterwards."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem(object):
    """One submitted call and the future that gets its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future, self.fn = future, fn
        self.args, self.kwargs = args, kwargs

    def run(self):
        fut = self.future
        if fut.set_running_or_notify_cancel():
            try:
                value = self.fn(*self.args, **self.kwargs)
            except BaseException as caught:
                fut.set_exception(caught)
                caught = None
            else:
                fut.set_result(value)

    __class_getitem__ = classmethod(types.GenericAlias)
