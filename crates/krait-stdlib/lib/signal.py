"""Signals (CPython's `signal`): handlers, `raise_signal`, the
`Signals`/`Handlers`/`Sigmasks` enums.

krait installs no process handler but Ctrl-C's: `signal(SIGINT, ...)`
decides what Ctrl-C does in the program (a Python handler is called
between two instructions, `SIG_IGN` ignores it, `default_int_handler`
and `SIG_DFL` raise KeyboardInterrupt); a handler of another signal runs
when the program raises that signal itself (`raise_signal`), while the
signal sent from outside keeps its default action. `SIG_DFL` raised by
the program takes the default action through the host (which may refuse
it). Not provided: `alarm`, itimers, `pause`, masks, `set_wakeup_fd`.
"""

import sys as _sys
from enum import IntEnum as _IntEnum

import _signal
from _signal import default_int_handler

NSIG = 65

_NUMBERS = [
    ("SIGHUP", 1), ("SIGINT", 2), ("SIGQUIT", 3), ("SIGILL", 4), ("SIGTRAP", 5),
    ("SIGABRT", 6), ("SIGIOT", 6), ("SIGBUS", 7), ("SIGFPE", 8), ("SIGKILL", 9),
    ("SIGUSR1", 10), ("SIGSEGV", 11), ("SIGUSR2", 12), ("SIGPIPE", 13),
    ("SIGALRM", 14), ("SIGTERM", 15), ("SIGSTKFLT", 16), ("SIGCHLD", 17),
    ("SIGCONT", 18), ("SIGSTOP", 19), ("SIGTSTP", 20), ("SIGTTIN", 21),
    ("SIGTTOU", 22), ("SIGURG", 23), ("SIGXCPU", 24), ("SIGXFSZ", 25),
    ("SIGVTALRM", 26), ("SIGPROF", 27), ("SIGWINCH", 28), ("SIGIO", 29),
    ("SIGPOLL", 29), ("SIGPWR", 30), ("SIGSYS", 31), ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
]

# Members by value, then name: the first name of a value is canonical
# (SIGABRT before SIGIOT, SIGIO before SIGPOLL), as CPython's enum has it.
Signals = _IntEnum("Signals", sorted(_NUMBERS, key=lambda item: (item[1], item[0])),
                   module=__name__)
Handlers = _IntEnum("Handlers", [("SIG_DFL", 0), ("SIG_IGN", 1)], module=__name__)
Sigmasks = _IntEnum("Sigmasks", [("SIG_BLOCK", 0), ("SIG_UNBLOCK", 1), ("SIG_SETMASK", 2)],
                    module=__name__)

globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)

# What CPython starts with: Ctrl-C raises KeyboardInterrupt, SIGPIPE and
# SIGXFSZ are ignored (a write then fails with an OSError instead).
_handlers = {2: default_int_handler, 13: Handlers.SIG_IGN, 25: Handlers.SIG_IGN}

# Whose default action is to do nothing.
_IGNORED_BY_DEFAULT = frozenset({17, 18, 23, 28})


def _number(signalnum):
    signalnum = signalnum.__index__() if not isinstance(signalnum, int) else int(signalnum)
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def _as_enum(value, enum):
    try:
        return enum(value)
    except ValueError:
        return value


def signal(signalnum, handler, /):
    """Sets the handler of `signalnum`; returns the previous one."""
    number = _number(signalnum)
    if isinstance(handler, int) and not callable(handler):
        if handler not in (0, 1):
            raise TypeError(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        handler = Handlers(handler)
    elif not callable(handler):
        raise TypeError(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    if number in (9, 19):
        raise OSError(22, "Invalid argument")
    previous = _handlers.get(number, Handlers.SIG_DFL)
    _handlers[number] = handler
    if number == 2:
        _signal.set_interrupt_handler(handler)
    return previous


def getsignal(signalnum, /):
    """The handler of `signalnum`."""
    return _handlers.get(_number(signalnum), Handlers.SIG_DFL)


def raise_signal(signalnum, /):
    """Sends `signalnum` to the program: its handler runs now."""
    number = _number(signalnum)
    handler = _handlers.get(number, Handlers.SIG_DFL)
    if isinstance(handler, int) and not callable(handler):
        if handler == Handlers.SIG_IGN or number in _IGNORED_BY_DEFAULT:
            return
        if number == 2:
            raise KeyboardInterrupt
        _signal.raise_default(number)
        return
    handler(number, _sys._getframe(1))


def strsignal(signalnum, /):
    """The system's description of `signalnum` (None if unknown)."""
    return _signal.strsignal(_number(signalnum))


def valid_signals():
    """The signal numbers of this platform."""
    return {_as_enum(n, Signals) for n in range(1, NSIG) if n not in (32, 33)}
