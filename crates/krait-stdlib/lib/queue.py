"""Synchronized queues: Queue (first in, first out), LifoQueue,
PriorityQueue and SimpleQueue, with the Empty and Full exceptions.

krait runs Python code in one thread (see `threading`), so these queues
take no locks and never sleep. When a get() finds nothing (or a put()
finds no room, or join() finds unfinished tasks), the put-off daemon
threads and timers of `threading` get to run first, as they may be the
producer or consumer being waited for. If the wait still cannot end, a
call with a timeout raises Empty/Full at once (CPython would after the
timeout) and one without raises RuntimeError("deadlock: ...") where
CPython would hang. `mutex` and the conditions `not_empty`, `not_full`
and `all_tasks_done` exist for code that uses them; subclasses may
override `_init`, `_qsize`, `_put` and `_get`.
"""

import threading
import _thread
from collections import deque
from heapq import heappush, heappop
from types import GenericAlias

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue',
           'SimpleQueue']


class Empty(Exception):
    "Raised by a get() that finds no item without waiting (or in time)."


class Full(Exception):
    "Raised by a put() that finds no room without waiting (or in time)."


# CPython defines these two in its C accelerator module.
Empty.__module__ = "_queue"

_NEGATIVE_TIMEOUT = "'timeout' must be a non-negative number"


def _wait_until(test, owner, timeout, what, timed_out):
    """Let put-off threads run until test(owner) holds; raise `timed_out`
    (or the deadlock error when there is no timeout) if it never does.
    Kept out of the queue methods, whose fast paths then need no closure."""
    if _thread._wait(lambda: test(owner), timeout):
        return
    if timeout is None:
        raise _thread._blocked_forever(what)
    raise timed_out


def _has_room(queue):
    return queue._qsize() < queue.maxsize


def _has_item(queue):
    return queue._qsize() > 0


def _no_unfinished(queue):
    return not queue.unfinished_tasks


def _simple_has_item(queue):
    return len(queue._queue) > 0


class Queue:
    """A first-in, first-out queue holding at most `maxsize` items (no
    bound when maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        lock = threading.Lock()
        self.mutex = lock
        self.not_empty = threading.Condition(lock)
        self.not_full = threading.Condition(lock)
        self.all_tasks_done = threading.Condition(lock)
        self.unfinished_tasks = 0

    __class_getitem__ = classmethod(GenericAlias)

    def task_done(self):
        """Record that one item taken from the queue has been handled."""
        left = self.unfinished_tasks - 1
        if left < 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks = left

    def join(self):
        """Wait until every item put has been marked done."""
        if self.unfinished_tasks:
            _wait_until(_no_unfinished, self, None,
                        "Queue.join() with unfinished tasks", None)

    def qsize(self):
        """How many items the queue holds."""
        return self._qsize()

    def empty(self):
        """Whether the queue holds no item."""
        return self._qsize() == 0

    def full(self):
        """Whether a bounded queue has no room left."""
        bound = self.maxsize
        return bound > 0 and self._qsize() >= bound

    def put(self, item, block=True, timeout=None):
        """Add `item`. A full bounded queue makes it wait for room (at most
        `timeout` seconds) or, with block false, raise Full."""
        bound = self.maxsize
        if bound > 0:
            if block:
                if timeout is not None and timeout < 0:
                    raise ValueError(_NEGATIVE_TIMEOUT)
                if self._qsize() >= bound:
                    _wait_until(_has_room, self, timeout,
                                "Queue.put() into a full queue", Full)
            elif self._qsize() >= bound:
                raise Full
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        """Remove and return the next item. An empty queue makes it wait
        for one (at most `timeout` seconds) or, with block false, raise
        Empty."""
        if block:
            if timeout is not None and timeout < 0:
                raise ValueError(_NEGATIVE_TIMEOUT)
            if not self._qsize():
                _wait_until(_has_item, self, timeout,
                            "Queue.get() from an empty queue", Empty)
        elif not self._qsize():
            raise Empty
        return self._get()

    def put_nowait(self, item):
        """put(item) without waiting: Full when there is no room."""
        return self.put(item, False)

    def get_nowait(self):
        """get() without waiting: Empty when there is no item."""
        return self.get(False)

    # Storage; the subclasses change the order by replacing these four.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    """A queue giving out its smallest item first; entries are commonly
    (priority, data) pairs."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A queue giving out the newest item first (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded first-in, first-out queue with no task accounting."""

    def __init__(self):
        self._queue = deque()

    __class_getitem__ = classmethod(GenericAlias)

    def put(self, item, block=True, timeout=None):
        """Add `item`; never waits (block and timeout are accepted for
        compatibility with Queue.put)."""
        self._queue.append(item)

    def put_nowait(self, item):
        """The same as put(item)."""
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting as Queue.get does."""
        items = self._queue
        if block and timeout is not None and timeout < 0:
            raise ValueError(_NEGATIVE_TIMEOUT)
        if not items:
            if not block:
                raise Empty
            _wait_until(_simple_has_item, self, timeout,
                        "SimpleQueue.get() from an empty queue", Empty)
        return items.popleft()

    def get_nowait(self):
        """get() without waiting: Empty when there is no item."""
        return self.get(False)

    def empty(self):
        """Whether the queue holds no item."""
        return not self._queue

    def qsize(self):
        """How many items the queue holds."""
        return len(self._queue)


SimpleQueue.__module__ = "_queue"
