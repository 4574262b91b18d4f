"""asyncio's exceptions (CPython's `asyncio.exceptions`)."""

__all__ = ('BrokenBarrierError', 'CancelledError', 'InvalidStateError',
           'TimeoutError', 'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError  # the builtin, as in CPython 3.11


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""


class IncompleteReadError(EOFError):
    """Incomplete read error."""

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """Reached the buffer limit while looking for a separator."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""


# krait has no builtin exception groups yet: TaskGroup raises these
# stand-ins (the builtins when the VM provides them).
import builtins as _builtins

BaseExceptionGroup = getattr(_builtins, 'BaseExceptionGroup', None)
ExceptionGroup = getattr(_builtins, 'ExceptionGroup', None)

if BaseExceptionGroup is None:
    class BaseExceptionGroup(BaseException):
        """A minimal PEP 654 exception group: `message`, `exceptions`,
        `subgroup`/`split`/`derive`; an ExceptionGroup when every member
        is an Exception."""

        def __new__(cls, message, exceptions, /):
            if not isinstance(message, str):
                raise TypeError('argument 1 must be str, not '
                                f'{type(message).__name__}')
            exceptions = tuple(exceptions)
            if not exceptions:
                raise ValueError('second argument (exceptions) must be '
                                 'a non-empty sequence')
            for e in exceptions:
                if not isinstance(e, BaseException):
                    raise ValueError(f'Item {exceptions.index(e)} of second '
                                     'argument (exceptions) is not an '
                                     'exception')
            if cls is BaseExceptionGroup:
                if all(isinstance(e, Exception) for e in exceptions):
                    cls = ExceptionGroup
            elif issubclass(cls, Exception):
                for e in exceptions:
                    if not isinstance(e, Exception):
                        if cls is ExceptionGroup:
                            raise TypeError('Cannot nest BaseExceptions in an '
                                            'ExceptionGroup')
                        raise TypeError(f'Cannot nest BaseExceptions in '
                                        f"'{cls.__name__}'")
            self = super().__new__(cls, message, exceptions)
            self._message = message
            self._exceptions = exceptions
            return self

        def __init__(self, message, exceptions, /):
            super().__init__(message, exceptions)

        @property
        def message(self):
            return self._message

        @property
        def exceptions(self):
            return self._exceptions

        def __str__(self):
            n = len(self._exceptions)
            return f"{self._message} ({n} sub-exception{'s' if n > 1 else ''})"

        def __repr__(self):
            return (f'{type(self).__name__}({self._message!r}, '
                    f'{list(self._exceptions)!r})')

        def derive(self, excs):
            return BaseExceptionGroup(self._message, excs)

        def _matcher(self, condition):
            if isinstance(condition, type) or isinstance(condition, tuple):
                return lambda e: isinstance(e, condition)
            return condition

        def subgroup(self, condition):
            return self.split(condition)[0]

        def split(self, condition):
            match = self._matcher(condition)
            if match(self):
                return self, None
            yes, no = [], []
            for e in self._exceptions:
                if isinstance(e, BaseExceptionGroup):
                    m, r = e.split(match)
                    if m is not None:
                        yes.append(m)
                    if r is not None:
                        no.append(r)
                elif match(e):
                    yes.append(e)
                else:
                    no.append(e)
            return (self._copy(yes) if yes else None,
                    self._copy(no) if no else None)

        def _copy(self, excs):
            eg = self.derive(excs)
            eg.__cause__ = self.__cause__
            eg.__context__ = self.__context__
            return eg

    class ExceptionGroup(BaseExceptionGroup, Exception):
        pass
