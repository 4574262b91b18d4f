"""Queues for tasks of one loop: FIFO, priority (a heap) and LIFO."""

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue',
           'QueueFull', 'QueueEmpty')

import heapq
import types
from collections import deque

from . import locks
from . import mixins


class QueueEmpty(Exception):
    """get_nowait() found nothing to return."""


class QueueFull(Exception):
    """put_nowait() found no free slot."""


class Queue(mixins._LoopBoundMixin):
    """A first in, first out queue of at most `maxsize` items (no limit
    when maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        # The futures of the tasks waiting for an item, and for a slot.
        self._getters, self._putters = deque(), deque()
        # Items put and not yet marked done; _finished is set at zero.
        self._unfinished_tasks = 0
        all_done = self._finished = locks.Event()
        all_done.set()
        self._init(maxsize)

    __class_getitem__ = classmethod(types.GenericAlias)

    # The storage: subclasses redefine these three.

    def _init(self, maxsize):
        self._queue = deque()

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        store = self._queue
        return store.popleft()

    def _wakeup_next(self, waiters):
        # Wake the first waiter that is not done (cancelled) already.
        while waiters:
            ticket = waiters.popleft()
            if not ticket.done():
                ticket.set_result(None)
                return

    def _format(self):
        words = [f'maxsize={self._maxsize!r}']
        store = getattr(self, '_queue', None)
        if store:
            words.append(f'_queue={list(store)!r}')
        for label, line in (('_getters', self._getters),
                            ('_putters', self._putters)):
            if line:
                words.append(f'{label}[{len(line)}]')
        unfinished = self._unfinished_tasks
        if unfinished:
            words.append(f'tasks={unfinished}')
        return ' '.join(words)

    def __repr__(self):
        kind = type(self).__name__
        return f'<{kind} at {id(self):#x} {self._format()}>'

    def __str__(self):
        kind = type(self).__name__
        return f'<{kind} {self._format()}>'

    @property
    def maxsize(self):
        """The capacity (0 or less: unbounded)."""
        return self._maxsize

    def qsize(self):
        """How many items are in the queue."""
        return len(self._queue)

    def empty(self):
        """True when there is no item."""
        return not self._queue

    def full(self):
        """True when the queue holds maxsize items (never, unbounded)."""
        limit = self._maxsize
        return limit > 0 and self.qsize() >= limit

    async def _queue_up(self, line, still_blocked):
        # Wait in `line` to be woken.  If this wait is cancelled after the
        # wake-up, the turn goes to the next in line.
        ticket = self._get_loop().create_future()
        line.append(ticket)
        try:
            await ticket
        except:
            ticket.cancel()
            try:
                line.remove(ticket)
            except ValueError:
                pass  # already taken off the line by its waker
            if not ticket.cancelled() and not still_blocked():
                self._wakeup_next(line)
            raise

    async def put(self, item):
        """Add an item, waiting for a free slot if the queue is full."""
        while self.full():
            await self._queue_up(self._putters, self.full)
        self.put_nowait(item)

    def put_nowait(self, item):
        """Add an item at once; QueueFull if there is no free slot."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        getters = self._getters
        self._wakeup_next(getters)

    async def get(self):
        """Take an item, waiting for one if the queue is empty."""
        while self.empty():
            await self._queue_up(self._getters, self.empty)
        return self.get_nowait()

    def get_nowait(self):
        """Take an item at once; QueueEmpty if there is none."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        putters = self._putters
        self._wakeup_next(putters)
        return item

    def task_done(self):
        """Mark one item taken from the queue as processed."""
        left = self._unfinished_tasks - 1
        if left < 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks = left
        if left == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put has been marked done."""
        if self._unfinished_tasks > 0:
            all_done = self._finished
            await all_done.wait()


class PriorityQueue(Queue):
    """A queue giving its smallest item first (a heap)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """A queue giving the item put last first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
