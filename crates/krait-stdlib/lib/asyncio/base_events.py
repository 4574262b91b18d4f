"""krait's event loop.  There is no I/O to wait for (no selectors,
sockets, subprocesses or signals): the loop runs ready callbacks and due
timers, and sleeps until the next timer when it has nothing else."""

__all__ = ('BaseEventLoop',)

import sys
import time
from heapq import heapify, heappop, heappush

from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks
from .events import _run_handle

_task_step = tasks._task_step

# Cancelled timers stay in the heap until they reach its top, unless
# there are more than _PRUNE_AT timers of which more than _PRUNE_SHARE
# are cancelled: then the heap is rebuilt without them.
_PRUNE_AT = 100
_PRUNE_SHARE = 0.5

# The longest single sleep: a day, in seconds.
MAXIMUM_SELECT_TIMEOUT = 86400

_FATAL = (SystemExit, KeyboardInterrupt)


def _first(pair):
    return pair[0]


def _run_until_complete_cb(fut):
    # Stops the loop once run_until_complete()'s future is done (unless
    # it ended in SystemExit or KeyboardInterrupt, which stop it anyway).
    if fut.cancelled() or not isinstance(fut.exception(), _FATAL):
        loop = futures._get_loop(fut)
        loop.stop()


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        # The ready queue is a flat list of (function, argument) pairs,
        # each run as function(argument): (_run_handle, handle) for
        # call_soon(), (_task_step, task) for a task's next step and
        # (callback, future) for a future's done callback -- the last
        # two need no Handle object.
        self._ready = []
        # A heap of (when, TimerHandle) entries.
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._clock_resolution = 1e-09
        self._closed = self._stopping = self._running = False
        self._debug = False
        self._task_factory = self._exception_handler = None
        # Read by nothing in krait (it never measures callbacks).
        self.slow_callback_duration = 1 / 10
        self._fast = self._can_be_fast()

    def _can_be_fast(self):
        # See AbstractEventLoop._fast.
        if self._closed or self._debug:
            return False
        kind = type(self)
        return (kind.call_soon is BaseEventLoop.call_soon
                and kind._call_soon is BaseEventLoop._call_soon)

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # -- futures and tasks

    def create_future(self):
        """A new Future of this loop."""
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Start running `coro` as a task (made by the task factory if
        one is set); return the task."""
        self._check_closed()
        factory = self._task_factory
        if factory is not None:
            if context is None:
                task = factory(self, coro)
            else:
                task = factory(self, coro, context=context)
            tasks._set_task_name(task, name)
            return task
        if name is None and context is None:
            return tasks.Task(coro, loop=self)
        return tasks.Task(coro, loop=self, name=name, context=context)

    def set_task_factory(self, factory):
        if factory is None or callable(factory):
            self._task_factory = factory
        else:
            raise TypeError("task factory must be a callable or None")

    def get_task_factory(self):
        return self._task_factory

    # -- running and stopping

    def _check_closed(self):
        if not self._closed:
            return
        raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            problem = 'This event loop is already running'
        elif events._get_running_loop() is not None:
            problem = ('Cannot run the event loop while another loop is '
                       'running')
        else:
            return
        raise RuntimeError(problem)

    def run_forever(self):
        """Run the loop until stop() is called."""
        self._check_closed()
        self._check_running()
        self._running = True
        events._set_running_loop(self)
        try:
            while not self._stopping:
                self._run_once()
        finally:
            self._running = self._stopping = False
            events._set_running_loop(None)

    def run_until_complete(self, future):
        """Run the loop until `future` (a coroutine is made a task) is
        done; return its result or raise its exception."""
        self._check_closed()
        self._check_running()
        made_here = not futures.isfuture(future)
        target = tasks.ensure_future(future, loop=self)
        stopper = _run_until_complete_cb
        target.add_done_callback(stopper)
        try:
            self.run_forever()
        except BaseException:
            if made_here and target.done() and not target.cancelled():
                # The error propagates: the task's exception is seen.
                target.exception()
            raise
        finally:
            target.remove_done_callback(stopper)
        if not target.done():
            raise RuntimeError(
                'Event loop stopped before Future completed.')
        return target.result()

    def stop(self):
        """Stop once the current iteration of the loop is over."""
        self._stopping = True

    def close(self):
        """Close the loop (which must not be running), dropping whatever
        is queued."""
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if not self._closed:
            self._closed = True
            self._fast = False
            del self._ready[:]
            del self._scheduled[:]

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._running

    def time(self):
        """The loop's clock (time.monotonic())."""
        return time.monotonic()

    async def shutdown_asyncgens(self):
        """Nothing to finalize: krait does not track async generators."""

    async def shutdown_default_executor(self):
        """Nothing to shut down: krait has no executors."""

    # -- scheduling callbacks

    def _check_callback(self, callback, method):
        if (coroutines.iscoroutine(callback)
                or coroutines.iscoroutinefunction(callback)):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if callable(callback):
            return
        raise TypeError(
            f'a callable object was expected by {method}(), got {callback!r}')

    def _screen(self, callback, method):
        # What call_soon() and call_at() check (the callback itself only
        # in debug mode).
        self._check_closed()
        if self._debug:
            self._check_callback(callback, method)

    def _push_timer(self, when, callback, args, context):
        entry = (when, events.TimerHandle(when, callback, args, self, context))
        heappush(self._scheduled, entry)
        entry[1]._scheduled = True
        return entry[1]

    def call_later(self, delay, callback, *args, context=None):
        """Run callback(*args) in `delay` seconds; return its
        TimerHandle."""
        if delay is None:
            raise TypeError("delay must not be None")
        due = self.time() + delay
        if self._fast and type(self).call_at is BaseEventLoop.call_at:
            return self._push_timer(due, callback, args, context)
        return self.call_at(due, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        """Run callback(*args) at loop time `when`."""
        if when is None:
            raise TypeError('when cannot be None')
        self._screen(callback, 'call_at')
        return self._push_timer(when, callback, args, context)

    def call_soon(self, callback, *args, context=None):
        """Run callback(*args) in the next iteration, after those already
        queued; return its Handle."""
        if self._fast:
            # Open and not in debug mode: nothing to check.
            return self._call_soon(callback, args, context)
        self._screen(callback, 'call_soon')
        return self._call_soon(callback, args, context)

    call_soon_threadsafe = call_soon

    def _call_soon(self, callback, args, context):
        queued = events.Handle(callback, args, self, context)
        ready = self._ready
        ready.append(_run_handle)
        ready.append(queued)
        return queued

    def _timer_handle_cancelled(self, handle):
        # A TimerHandle in the heap was cancelled.
        self._timer_cancelled_count += 1 if handle._scheduled else 0

    # -- errors

    def get_exception_handler(self):
        handler = self._exception_handler
        return handler

    def set_exception_handler(self, handler):
        if not (handler is None or callable(handler)):
            raise TypeError(
                f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the context to stderr: its message, its other entries
        and the exception (CPython logs the same through `logging`)."""
        shown = [context.get('message') or 'Unhandled exception in event loop']
        for key, value in sorted(context.items(), key=_first):
            if key in ('message', 'exception'):
                continue
            try:
                text = repr(value)
            except Exception:
                text = '<unrepresentable>'
            shown.append(f'{key}: {text}')
        error = context.get('exception')
        if error is not None:
            shown.append(f'{type(error).__name__}: {error}')
        print('\n'.join(shown), file=sys.stderr)

    def _quietly(self, function, *args):
        # Run function(*args); return the error it raised (but SystemExit
        # and KeyboardInterrupt propagate), or None.
        try:
            function(*args)
        except _FATAL:
            raise
        except BaseException as error:
            return error
        return None

    def call_exception_handler(self, context):
        """Pass `context` to the exception handler set, or else to the
        default one."""
        handler = self._exception_handler
        if handler is None:
            self._quietly(self.default_exception_handler, context)
            return
        failure = self._quietly(handler, self, context)
        if failure is not None:
            self._quietly(self.default_exception_handler, dict(
                message='Unhandled error in exception handler',
                exception=failure, context=context))

    def _report_callback_error(self, function, argument, exc):
        # A ready-queue pair without a Handle raised: reported as the
        # Handle CPython would have had.
        if function is _task_step:
            handle = events.Handle(argument._Task__step, (), self, None)
        else:
            handle = events.Handle(function, (argument,), self, None)
        where = events._format_callback_source(handle._callback, handle._args)
        self.call_exception_handler(dict(
            message=f'Exception in callback {where}', exception=exc,
            handle=handle))

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled
        self._fast = self._can_be_fast()

    # -- one iteration

    def _prune_timers(self):
        # Take cancelled timers out of the heap: all of them if they are
        # many, else those at its top.  Returns the heap.
        heap = self._scheduled
        cancelled = self._timer_cancelled_count
        if len(heap) > _PRUNE_AT and cancelled / len(heap) > _PRUNE_SHARE:
            live = []
            for entry in heap:
                if entry[1]._cancelled:
                    entry[1]._scheduled = False
                else:
                    live.append(entry)
            heapify(live)
            self._scheduled = live
            self._timer_cancelled_count = cancelled = 0
            return live
        while heap and heap[0][1]._cancelled:
            heappop(heap)[1]._scheduled = False
            cancelled -= 1
        self._timer_cancelled_count = cancelled
        return heap

    def _idle(self, heap):
        # Sleep until the first timer is due (not at all with callbacks
        # ready; forever with nothing at all to do, as CPython waits).
        if self._stopping or self._ready:
            return
        if not heap:
            while True:
                time.sleep(MAXIMUM_SELECT_TIMEOUT)
        pause = heap[0][0] - self.time()
        if pause > 0:
            time.sleep(min(pause, MAXIMUM_SELECT_TIMEOUT))

    def _ready_due_timers(self, heap):
        limit = self.time() + self._clock_resolution
        ready = self._ready
        while heap and heap[0][0] < limit:
            timer = heappop(heap)[1]
            timer._scheduled = False
            ready.append(_run_handle)
            ready.append(timer)

    def _run_once(self):
        """One iteration: wait for the next timer if nothing is ready,
        queue the due timers, then run what is ready now (not what those
        callbacks queue)."""
        heap = self._scheduled
        if heap:
            heap = self._prune_timers()
            self._idle(heap)
            self._ready_due_timers(heap)
        elif not self._ready:
            self._idle(heap)
        batch = self._ready
        if not batch:
            return
        self._ready = []
        items = iter(batch)
        pairs = zip(items, items)
        while True:
            # One try for the whole batch: task steps and Handles catch
            # their own errors, so only a bare done callback can raise.
            try:
                for function, argument in pairs:
                    function(argument)
                return
            except BaseException as failure:
                try:
                    if isinstance(failure, _FATAL):
                        raise
                    self._report_callback_error(function, argument, failure)
                except BaseException:
                    # What was not run yet goes back to the queue's head.
                    self._ready[:0] = [item for pair in pairs
                                       for item in pair]
                    raise
