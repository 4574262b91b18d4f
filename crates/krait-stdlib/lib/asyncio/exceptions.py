"""The exception classes of krait's asyncio.

Most of them add nothing to their base, so they are built from a table;
the two that carry data are written out."""

__all__ = ('BrokenBarrierError', 'CancelledError', 'InvalidStateError',
           'TimeoutError', 'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')


def _plain(name, base, doc):
    cls = type(name, (base,), {'__doc__': doc, '__module__': __name__,
                               '__qualname__': name})
    globals()[name] = cls
    return cls


_plain('CancelledError', BaseException, 'The Future or Task was cancelled.')
_plain('InvalidStateError', Exception,
       'The operation is not allowed in this state.')
_plain('SendfileNotAvailableError', RuntimeError,
       'Sendfile syscall is not available.')
_plain('BrokenBarrierError', RuntimeError,
       'Barrier is broken by barrier.abort() call.')

# Since 3.11 asyncio's TimeoutError is the builtin one.
TimeoutError = TimeoutError


class IncompleteReadError(EOFError):
    """Fewer bytes arrived than a read needed."""

    def __init__(self, partial, expected):
        wanted = 'undefined' if expected is None else repr(expected)
        EOFError.__init__(
            self, f'{len(partial)} bytes read on a total of {wanted} '
                  'expected bytes')
        self.partial, self.expected = partial, expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """A separator was not found within the buffer limit."""

    def __init__(self, message, consumed):
        Exception.__init__(self, message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


# The VM's exception groups (taskgroups takes them from here).
from _exceptiongroup import BaseExceptionGroup, ExceptionGroup
