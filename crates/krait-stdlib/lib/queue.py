"""Synchronized queues (CPython 3.11's `queue`): Queue (first in, first
out), LifoQueue, PriorityQueue and SimpleQueue, with the Empty and Full
exceptions.

krait runs one thread of Python code (see `threading`), so a queue needs
no locking and never sleeps: a get() from an empty queue (or a put() into
a full one, or a join() with unfinished tasks) first lets the daemon
threads and timers `threading` has put off run, since they may be the
producer or consumer it waits for. If that does not help, a call with a
timeout raises Empty/Full at once (CPython would raise the same after
sleeping the timeout out) and one without a timeout raises
RuntimeError("deadlock: ...") where CPython would hang. The `mutex` and
`not_empty`/`not_full`/`all_tasks_done` conditions exist for code that
uses them, but the queue's own methods do not go through them; subclasses
may override `_init`, `_qsize`, `_put` and `_get` as in CPython.
"""

import threading
import _thread
from collections import deque
from heapq import heappush, heappop
from types import GenericAlias

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


Empty.__module__ = "_queue"


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _wait(ready, timeout):
    return _thread._wait(ready, timeout)


class Queue:
    """A first-in, first-out queue of at most `maxsize` items (no limit
    when maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Mark one item got from the queue as processed (for join())."""
        unfinished = self.unfinished_tasks - 1
        if unfinished < 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks = unfinished

    def join(self):
        """Wait until every item put has been marked done."""
        if self.unfinished_tasks and not _wait(self._all_done, None):
            raise _thread._blocked_forever("Queue.join() with unfinished tasks")

    def _all_done(self):
        return not self.unfinished_tasks

    def qsize(self):
        """The number of items (approximate in CPython; exact here)."""
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def _has_room(self):
        return self._qsize() < self.maxsize

    def _has_item(self):
        return self._qsize() > 0

    def put(self, item, block=True, timeout=None):
        """Put an item in; when the queue is full, wait for room (at most
        `timeout` seconds) unless block is false: then raise Full."""
        if self.maxsize > 0:
            if not block:
                if self._qsize() >= self.maxsize:
                    raise Full
            elif timeout is not None and timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            elif self._qsize() >= self.maxsize and not _wait(self._has_room, timeout):
                if timeout is None:
                    raise _thread._blocked_forever("Queue.put() into a full queue")
                raise Full
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        """Remove and return the next item; when the queue is empty, wait
        for one (at most `timeout` seconds) unless block is false: then
        raise Empty."""
        if not block:
            if not self._qsize():
                raise Empty
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        elif not self._qsize() and not _wait(self._has_item, timeout):
            if timeout is None:
                raise _thread._blocked_forever("Queue.get() from an empty queue")
            raise Empty
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage; subclasses change the order by overriding these.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(GenericAlias)


class PriorityQueue(Queue):
    """A queue that hands out the smallest item first (entries are often
    (priority, data) tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A queue that hands out the item put last first (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded first-in, first-out queue without task tracking."""

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        """Put an item in; never blocks (block and timeout are ignored)."""
        self._queue.append(item)

    def put_nowait(self, item):
        self._queue.append(item)

    def _has_item(self):
        return len(self._queue) > 0

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting as Queue.get does."""
        if timeout is not None and block and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if self._queue:
            return self._queue.popleft()
        if block and _wait(self._has_item, timeout):
            return self._queue.popleft()
        if block and timeout is None:
            raise _thread._blocked_forever("SimpleQueue.get() from an empty queue")
        raise Empty

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._queue

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(GenericAlias)


SimpleQueue.__module__ = "_queue"
