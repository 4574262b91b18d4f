"""krait's unittest.signals: Ctrl-C handling for a test run (-c): the
first SIGINT asks every registered result to stop after the current
test, a second one interrupts as usual."""

import weakref
from functools import wraps

try:
    import signal
except ImportError:
    # No signal support: installing a handler does nothing.
    signal = None

__unittest = True

_results = weakref.WeakKeyDictionary()
_interrupt_handler = None

_BAD_HANDLER = ("expected SIGINT signal handler to be signal.SIG_IGN, "
                "signal.SIG_DFL, or a callable object")


def _current():
    return signal.getsignal(signal.SIGINT)


def _install(handler):
    signal.signal(signal.SIGINT, handler)


def _as_callable(
        handler):
    """The SIGINT disposition as something callable."""
    if not isinstance(handler, int):
        return handler
    if handler == signal.SIG_DFL:
        return signal.default_int_handler
    if handler == signal.SIG_IGN:
        return lambda unused_signum, unused_frame: None
    raise TypeError(_BAD_HANDLER)


class _InterruptHandler(object):

    def __init__(
            self, default_handler):
        self.called, self.original_handler = False, default_handler
        self.default_handler = _as_callable(default_handler)

    def __call__(
            self, signum, frame):
        # Pass the signal on when another handler replaced this one,
        # and again when this is the second Ctrl-C.
        for pass_on in (_current() is not self, self.called):
            if pass_on:
                self.default_handler(signum, frame)
        self.called = True
        for res in list(_results.keys()):
            res.stop()


def registerResult(
        result):
    _results[result] = 1


def removeResult(result):
    return _results.pop(result, None) is not None


def installHandler():
    global _interrupt_handler
    if signal is None or _interrupt_handler is not None:
        return
    _interrupt_handler = _InterruptHandler(_current())
    _install(_interrupt_handler)


def _restore_default():
    if signal is not None and _interrupt_handler is not None:
        _install(_interrupt_handler.original_handler)


def removeHandler(
        method=None):
    """Put back the original SIGINT handler; used as a decorator, do so
    only while the decorated function runs."""
    if method is None:
        _restore_default()
        return None

    @wraps(method)
    def inner(
            *args, **kwargs):
        saved = None if signal is None else _current()
        _restore_default()
        try:
            return method(*args, **kwargs)
        finally:
            if saved is not None:
                _install(saved)
    return inner
