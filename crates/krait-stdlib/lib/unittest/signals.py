"""Ctrl-C handling of a test run (-c/--catch): the first SIGINT stops
the registered results after the running test, the second one
interrupts. krait without a `signal` module makes these no-ops."""

import weakref

__unittest = True

_results = weakref.WeakKeyDictionary()
_interrupt_handler = None


def registerResult(result):
    _results[result] = 1


def removeResult(result):
    return bool(_results.pop(result, None))


class _InterruptHandler(object):

    def __init__(self, default_handler):
        self.called = False
        self.original_handler = default_handler

    def __call__(self, signum, frame):
        import signal
        if signal.getsignal(signal.SIGINT) is not self:
            # Someone else replaced the handler: defer to the original.
            self.original_handler(signum, frame)
            return
        if self.called:
            self.original_handler(signum, frame)
        self.called = True
        for result in _results.keys():
            result.stop()


def installHandler():
    global _interrupt_handler
    try:
        import signal
    except ImportError:
        return
    if _interrupt_handler is None:
        default_handler = signal.getsignal(signal.SIGINT)
        _interrupt_handler = _InterruptHandler(default_handler)
        signal.signal(signal.SIGINT, _interrupt_handler)


def removeHandler(method=None):
    if method is not None:
        def inner(*args, **kwargs):
            initial = signal_handler_getter()
            removeHandler()
            try:
                return method(*args, **kwargs)
            finally:
                _restore(initial)
        inner.__name__ = method.__name__
        inner.__doc__ = method.__doc__
        return inner
    global _interrupt_handler
    if _interrupt_handler is not None:
        import signal
        signal.signal(signal.SIGINT, _interrupt_handler.original_handler)


def signal_handler_getter():
    try:
        import signal
    except ImportError:
        return None
    return signal.getsignal(signal.SIGINT)


def _restore(handler):
    if handler is None:
        return
    import signal
    signal.signal(signal.SIGINT, handler)
