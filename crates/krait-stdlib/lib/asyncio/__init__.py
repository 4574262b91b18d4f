"""The asyncio package: an event loop with timers, futures, tasks and
the synchronization, queue, timeout and task-group layers above them,
written after CPython 3.11's pure-Python asyncio.  krait has no I/O
multiplexing (no selectors, sockets, subprocesses or signals): the loop
runs callbacks and timers, and sleeps while it waits for the next timer."""

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .taskgroups import *
from .tasks import *
from .timeouts import *

from . import base_events as _base_events
from . import events as _events


class _UnixSelectorEventLoop(_base_events.BaseEventLoop):
    """The default event loop (named as CPython's on Unix)."""


SelectorEventLoop = _UnixSelectorEventLoop


class _UnixDefaultEventLoopPolicy(_events.BaseDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           queues.__all__ +
           runners.__all__ +
           taskgroups.__all__ +
           tasks.__all__ +
           timeouts.__all__ +
           ('SelectorEventLoop', 'DefaultEventLoopPolicy'))
