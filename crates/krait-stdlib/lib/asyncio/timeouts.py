"""asyncio.timeout() and timeout_at(): a block that is cancelled when
its deadline passes, the cancellation then raised as TimeoutError."""

__all__ = ('Timeout', 'timeout', 'timeout_at')

import enum

from . import events
from . import exceptions
from . import tasks


class _State(enum.Enum):
    CREATED = "created"
    ENTERED = "active"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    EXITED = "finished"


_CREATED, _ENTERED, _EXPIRING, _EXPIRED, _EXITED = _State


class Timeout:
    """The context manager timeout() and timeout_at() return."""

    def __init__(self, when):
        self._when = when
        self._state = _CREATED
        self._task = self._timeout_handler = None

    def __repr__(self):
        extra = ''
        if self._state is _ENTERED:
            deadline = self._when
            if deadline is not None:
                deadline = round(deadline, 3)
            extra = f' when={deadline}'
        return f'<Timeout [{self._state.value}]{extra}>'

    def when(self):
        """The deadline, in loop time (None: none)."""
        return self._when

    def expired(self):
        """True once the deadline has passed inside the block."""
        return self._state is _EXPIRING or self._state is _EXPIRED

    def _disarm(self):
        handler = self._timeout_handler
        if handler is not None:
            handler.cancel()
            self._timeout_handler = None

    def reschedule(self, when):
        """Move the deadline (None: no deadline)."""
        if self._state is not _ENTERED:
            if self._state is _CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(
                f"Cannot change state of {self._state.value} Timeout")
        self._when = when
        self._disarm()
        if when is None:
            return
        loop = events.get_running_loop()
        if loop.time() < when:
            self._timeout_handler = loop.call_at(when, self._on_timeout)
        else:
            self._timeout_handler = loop.call_soon(self._on_timeout)

    async def __aenter__(self):
        if self._state is not _CREATED:
            raise RuntimeError("Timeout has already been entered")
        current = tasks.current_task()
        if current is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._task = current
        self._state = _ENTERED
        # Cancellations requested before the block are not ours.
        self._cancelling = current.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state in (_ENTERED, _EXPIRING)
        self._disarm()
        if self._state is _ENTERED:
            self._state = _EXITED
            return None
        self._state = _EXPIRED
        ours = self._task.uncancel() <= self._cancelling
        if ours and exc_type is exceptions.CancelledError:
            # The cancellation is the timeout's own: it becomes a
            # TimeoutError.
            raise TimeoutError from exc_val
        return None

    def _on_timeout(self):
        assert self._state is _ENTERED
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """A block cancelled after `delay` seconds (None: never), raising
    TimeoutError then."""
    now = events.get_running_loop().time()
    return Timeout(None if delay is None else now + delay)


def timeout_at(when):
    """Like timeout(), with a deadline in loop.time()'s clock."""
    return Timeout(when)
