"""The event loop (CPython's `asyncio.base_events`, without I/O: the
"selector" wait between timers is a time.sleep)."""

__all__ = ('BaseEventLoop',)

import sys
import time
from heapq import heappush, heappop, heapify

from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks
from .events import _run_handle

_task_step = tasks._task_step

# Minimum number of _scheduled timer handles before cleanup of
# cancelled handles is performed.
_MIN_SCHEDULED_TIMER_HANDLES = 100

# Minimum fraction of _scheduled timer handles that are cancelled
# before cleanup of cancelled handles is performed.
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # Issue #22429: run_forever() already finished, no need to
            # stop it.
            return
    futures._get_loop(fut).stop()


class BaseEventLoop(events.AbstractEventLoop):

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        # The ready queue is a flat list of (function, argument) pairs, run
        # as function(argument): (_run_handle, handle) for call_soon(),
        # (Task step, task) for a task's next step, (callback, future)
        # for a done callback.  Besides its speed this needs no Handle
        # object for the callbacks that tasks and futures schedule.
        self._ready = []
        # Heap of (when, TimerHandle): the floats are compared natively,
        # and equal times compare the handles as CPython's heap does.
        self._scheduled = []
        self._default_executor = None
        self._internal_fds = 0
        self._thread_id = None
        self._clock_resolution = 1e-09
        self._exception_handler = None
        self._debug = False
        self._current_handle = None
        self._task_factory = None
        self._running = False
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False
        self.slow_callback_duration = 0.1
        self._fast = self._can_be_fast()

    def _can_be_fast(self):
        cls = type(self)
        return (not self._closed and not self._debug and
                cls.call_soon is BaseEventLoop.call_soon and
                cls._call_soon is BaseEventLoop._call_soon)

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def create_future(self):
        """Create a Future object attached to the loop."""
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        """Schedule a coroutine object.  Return a task object."""
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if self._task_factory is None:
            if name is None and context is None:
                return tasks.Task(coro, loop=self)
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        self._running = True
        try:
            events._set_running_loop(self)
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            events._set_running_loop(None)

    def run_until_complete(self, future):
        """Run until the Future is done; return its result or raise its
        exception.  A coroutine is wrapped in a Task."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        """Stop running the event loop after a complete iteration."""
        self._stopping = True

    def close(self):
        """Close the event loop: clears the queues.  Must not be running."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._fast = False
        self._ready.clear()
        self._scheduled.clear()

    def is_closed(self):
        """Returns True if the event loop was closed."""
        return self._closed

    def is_running(self):
        """Returns True if the event loop is running."""
        return self._running

    def time(self):
        """Return the time according to the event loop's clock."""
        return time.monotonic()

    async def shutdown_asyncgens(self):
        """Shutdown all active asynchronous generators."""
        self._asyncgens_shutdown_called = True

    async def shutdown_default_executor(self):
        """Nothing to do: krait has no executors."""

    def call_later(self, delay, callback, *args, context=None):
        """Arrange for a callback to be called at a given time (seconds
        from now).  Return a TimerHandle with a cancel() method."""
        if delay is None:
            raise TypeError('delay must not be None')
        if not self._fast or type(self).call_at is not BaseEventLoop.call_at:
            return self.call_at(self.time() + delay, callback, *args,
                                context=context)
        # call_at() inlined.
        when = self.time() + delay
        timer = events.TimerHandle(when, callback, args, self, context)
        heappush(self._scheduled, (when, timer))
        timer._scheduled = True
        return timer

    def call_at(self, when, callback, *args, context=None):
        """Like call_later(), but uses an absolute time (loop.time())."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_at')
        timer = events.TimerHandle(when, callback, args, self, context)
        heappush(self._scheduled, (when, timer))
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        """Arrange for a callback to be called as soon as possible (FIFO)."""
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon')
        return self._call_soon(callback, args, context)

    call_soon_threadsafe = call_soon

    def _check_callback(self, callback, method):
        if (coroutines.iscoroutine(callback) or
                coroutines.iscoroutinefunction(callback)):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), '
                            f'got {callback!r}')

    def _call_soon(self, callback, args, context):
        handle = events.Handle(callback, args, self, context)
        ready = self._ready
        ready.append(_run_handle)
        ready.append(handle)
        return handle

    def _report_callback_error(self, function, argument, exc):
        # A done callback (or task step) queued without a Handle raised:
        # report it as CPython reports its Handle.
        if function is _task_step:
            handle = events.Handle(argument._Task__step, (), self, None)
        else:
            handle = events.Handle(function, (argument,), self, None)
        cb = events._format_callback_source(handle._callback, handle._args)
        self.call_exception_handler({
            'message': f'Exception in callback {cb}',
            'exception': exc,
            'handle': handle,
        })

    def _timer_handle_cancelled(self, handle):
        """Notification that a TimerHandle has been cancelled."""
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, '
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the context's message and exception to stderr (CPython
        logs them through `logging`, by default to stderr)."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            try:
                value = repr(context[key])
            except Exception:
                value = '<unrepresentable>'
            lines.append(f'{key}: {value}')
        if exception is not None:
            lines.append(f'{type(exception).__name__}: {exception}')
        print('\n'.join(lines), file=sys.stderr)

    def call_exception_handler(self, context):
        """Call the current event loop's exception handler."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled
        self._fast = self._can_be_fast()

    def _run_once(self):
        """Run one full iteration of the event loop: every ready callback,
        after waiting for (and readying) the timers that are due."""
        scheduled = self._scheduled
        if scheduled:
            sched_count = len(scheduled)
            if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count >
                    _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
                # Remove delayed calls that were cancelled if their number
                # is too high.
                new_scheduled = []
                for entry in scheduled:
                    handle = entry[1]
                    if handle._cancelled:
                        handle._scheduled = False
                    else:
                        new_scheduled.append(entry)
                heapify(new_scheduled)
                self._scheduled = scheduled = new_scheduled
                self._timer_cancelled_count = 0
            else:
                # Remove delayed calls that were cancelled from head of queue.
                while scheduled and scheduled[0][1]._cancelled:
                    self._timer_cancelled_count -= 1
                    handle = heappop(scheduled)[1]
                    handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            # Compute the desired timeout.
            when = scheduled[0][0]
            timeout = min(max(0, when - self.time()), MAXIMUM_SELECT_TIMEOUT)

        # No I/O to poll: the selector's wait is a sleep.  With nothing
        # ready and no timer, CPython waits forever; so does krait.
        if timeout is None:
            while True:
                time.sleep(MAXIMUM_SELECT_TIMEOUT)
        elif timeout > 0:
            time.sleep(timeout)

        # Handle 'later' callbacks that are ready.
        if scheduled:
            end_time = self.time() + self._clock_resolution
            ready = self._ready
            while scheduled:
                if scheduled[0][0] >= end_time:
                    break
                handle = heappop(scheduled)[1]
                handle._scheduled = False
                ready.append(_run_handle)
                ready.append(handle)

        # Run the callbacks ready now, not those they schedule (which go
        # to a fresh list).
        ready = self._ready
        if not ready:
            return
        self._ready = []
        pairs = iter(ready)
        pairs = zip(pairs, pairs)
        while True:
            # One try around the loop, not one per callback: the task
            # steps and Handles catch their own errors, so only a raw
            # done callback can raise here.
            try:
                for function, argument in pairs:
                    function(argument)
                return
            except BaseException as exc:
                try:
                    if isinstance(exc, (SystemExit, KeyboardInterrupt)):
                        raise
                    self._report_callback_error(function, argument, exc)
                except BaseException:
                    # The callbacks not run yet stay first in the queue.
                    rest = []
                    for pair in pairs:
                        rest += pair
                    self._ready[:0] = rest
                    raise
