"""Lock, Event, Condition, Semaphore, BoundedSemaphore and Barrier for
tasks of one loop.  Waiting tasks wait on futures kept in a deque, first
come first served."""

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore',
           'Barrier')

import enum
from collections import deque

from . import mixins
from .exceptions import BrokenBarrierError, CancelledError


def _show(obj, state, waiters=None):
    # <asyncio.locks.Lock object at 0x... [state, waiters:N]>
    base = object.__repr__(obj)[1:-1]
    if waiters:
        state = f'{state}, waiters:{len(waiters)}'
    return f'<{base} [{state}]>'


async def _wait_in_line(waiters, fut):
    # Wait on `fut`, listed in `waiters` meanwhile.
    waiters.append(fut)
    try:
        return await fut
    finally:
        waiters.remove(fut)


class _ContextManagerMixin:
    # `async with lock:` acquires and releases; it binds nothing.

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin, mixins._LoopBoundMixin):
    """A mutual exclusion lock for tasks."""

    def __init__(self):
        self._locked = False
        self._waiters = None  # a deque once someone has to wait

    def __repr__(self):
        return _show(self, 'locked' if self._locked else 'unlocked',
                     self._waiters)

    def locked(self):
        """True while the lock is held."""
        return self._locked

    def _free_for_us(self):
        # Unlocked, with nobody (still interested) in line before us.
        if self._locked:
            return False
        line = self._waiters
        return not line or all(fut.cancelled() for fut in line)

    async def acquire(self):
        """Wait until the lock is free, then take it; return True."""
        if not self._free_for_us():
            if self._waiters is None:
                self._waiters = deque()
            ticket = self._get_loop().create_future()
            try:
                await _wait_in_line(self._waiters, ticket)
            except CancelledError:
                # Woken and cancelled at once: pass the turn on.
                if not self._locked:
                    self._wake_up_first()
                raise
        self._locked = True
        return True

    def release(self):
        """Free the lock, waking the first task in line."""
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        # Only the first in line: if it is already woken, nothing to do.
        if self._waiters:
            first = self._waiters[0]
            if not first.done():
                first.set_result(True)


class Event(mixins._LoopBoundMixin):
    """A flag tasks can wait for: set() wakes them all, clear() resets."""

    def __init__(self):
        self._waiters = deque()
        self._value = False

    def __repr__(self):
        return _show(self, 'set' if self._value else 'unset', self._waiters)

    def is_set(self):
        """True while the flag is set."""
        return self._value

    def set(self):
        """Set the flag, waking every waiting task."""
        if self._value:
            return
        self._value = True
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)

    def clear(self):
        """Reset the flag."""
        self._value = False

    async def wait(self):
        """Return True once the flag is set (at once if it is)."""
        if not self._value:
            await _wait_in_line(self._waiters,
                                self._get_loop().create_future())
        return True


class Condition(_ContextManagerMixin, mixins._LoopBoundMixin):
    """Tasks wait (with the lock released) until notified."""

    def __init__(self, lock=None):
        self._lock = Lock() if lock is None else lock
        # The lock's own methods, exported.
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = deque()

    def __repr__(self):
        return _show(self, 'locked' if self.locked() else 'unlocked',
                     self._waiters)

    async def wait(self):
        """Release the lock, wait for a notify, take the lock again;
        return True.  The lock is held again even if cancelled."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            await _wait_in_line(self._waiters,
                                self._get_loop().create_future())
            return True
        finally:
            interrupted = False
            while True:
                try:
                    await self.acquire()
                except CancelledError:
                    interrupted = True
                else:
                    break
            if interrupted:
                raise CancelledError

    async def wait_for(self, predicate):
        """Wait until predicate() is true; return its value."""
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            await self.wait()

    def notify(self, n=1):
        """Wake up to n waiting tasks (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                return
            if not fut.done():
                fut.set_result(False)
                woken += 1

    def notify_all(self):
        """Wake every waiting task (the lock must be held)."""
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, mixins._LoopBoundMixin):
    """A counter: acquire() takes one (waiting at zero), release() gives
    one back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self._waiters = None  # a deque once someone has to wait

    def __repr__(self):
        if self.locked():
            state = 'locked'
        else:
            state = f'unlocked, value:{self._value}'
        return _show(self, state, self._waiters)

    def locked(self):
        """True when acquire() would have to wait."""
        if self._value == 0:
            return True
        return any(not fut.cancelled() for fut in self._waiters or ())

    async def acquire(self):
        """Take one from the counter, waiting while it is zero; return
        True."""
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = deque()
        ticket = self._get_loop().create_future()
        try:
            await _wait_in_line(self._waiters, ticket)
        except CancelledError:
            if not ticket.cancelled():
                # It was given a unit just before the cancellation: the
                # unit goes to the next in line.
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        """Give one back, waking the next waiting task."""
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        # Hand one unit to the first task in line not woken yet.
        for fut in self._waiters or ():
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that may not be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value < self._bound_value:
            super().release()
        else:
            raise ValueError('BoundedSemaphore released too many times')


class _BarrierState(enum.Enum):
    FILLING = 'filling'
    DRAINING = 'draining'
    RESETTING = 'resetting'
    BROKEN = 'broken'


_FILLING, _DRAINING, _RESETTING, _BROKEN = _BarrierState


class Barrier(mixins._LoopBoundMixin):
    """Holds tasks until `parties` of them wait, then lets them all go."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._parties = parties
        self._count = 0  # the tasks inside wait()
        self._state = _FILLING
        self._cond = Condition()  # notified at each change of state

    def __repr__(self):
        state = self._state.value
        if not self.broken:
            state += f', waiters:{self.n_waiting}/{self.parties}'
        return _show(self, state)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the other parties; return this task's place among
        them (0 to parties - 1)."""
        async with self._cond:
            await self._block()
            place = self._count
            self._count += 1
            try:
                if place + 1 == self._parties:
                    # The last one in opens the barrier.
                    await self._release()
                else:
                    await self._wait()
                return place
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        # Wait while the previous round drains or a reset is going on.
        await self._cond.wait_for(lambda: self._state not in (
            _DRAINING, _RESETTING))
        if self._state is _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _DRAINING
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(
            lambda: self._state is not _FILLING)
        if self._state is _BROKEN or \
                self._state is _RESETTING:
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        # The last task out starts the next round.
        if self._count:
            return
        if self._state is _DRAINING or \
                self._state is _RESETTING:
            self._state = _FILLING
        self._cond.notify_all()

    async def reset(self):
        """Back to the empty state; the tasks waiting get
        BrokenBarrierError."""
        async with self._cond:
            if self._count == 0:
                self._state = _FILLING
            elif self._state is not _RESETTING:
                self._state = _RESETTING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: waiting tasks, and those to come, get
        BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        """How many tasks the barrier waits for."""
        return self._parties

    @property
    def n_waiting(self):
        """How many tasks are waiting now."""
        filling = self._state is _FILLING
        return self._count if filling else 0

    @property
    def broken(self):
        """True once abort() was called."""
        return self._state is _BROKEN
