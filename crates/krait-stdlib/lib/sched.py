"""An event scheduler (CPython's `sched`): events are run at their times,
earliest first (then by priority, then in the order they were entered),
with the time and delay functions the scheduler was given."""

import heapq
import threading
import time
from collections import namedtuple
from itertools import count

__all__ = ["scheduler"]


class Event(namedtuple("Event", "time, priority, sequence, action, argument, kwargs")):
    __slots__ = []
    __doc__ = """An event: what `enter` and `enterabs` return, and `cancel` takes.
Events order by time, then priority, then entry order."""


_NO_KWARGS = object()


class scheduler:
    def __init__(self, timefunc=time.monotonic, delayfunc=time.sleep):
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_NO_KWARGS):
        """Runs `action(*argument, **kwargs)` at `time`; returns the event."""
        if kwargs is _NO_KWARGS:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence), action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_NO_KWARGS):
        """Runs `action(*argument, **kwargs)` `delay` time units from now."""
        return self.enterabs(self.timefunc() + delay, priority, action, argument, kwargs)

    def cancel(self, event):
        """Removes `event` from the queue (ValueError if it is not there)."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Runs the events as their times come, waiting with the delay
        function between them; without `blocking`, runs those that are due
        and returns how long until the next one (None when none is left)."""
        queue = self._queue
        while True:
            with self._lock:
                if not queue:
                    return None
                first = queue[0]
                now = self.timefunc()
                due = first.time <= now
                if due:
                    heapq.heappop(queue)
            if not due:
                if not blocking:
                    return first.time - now
                self.delayfunc(first.time - now)
            else:
                first.action(*first.argument, **first.kwargs)
                self.delayfunc(0)

    @property
    def queue(self):
        """The events waiting, in the order they will run."""
        with self._lock:
            events = self._queue[:]
        return [heapq.heappop(events) for _ in range(len(events))]
