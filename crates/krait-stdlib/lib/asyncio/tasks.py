"""Tasks, which drive coroutines on the loop, and the functions that
combine awaitables: gather, wait, wait_for, as_completed, shield, sleep."""

__all__ = (
    'Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION',
    'ALL_COMPLETED', 'wait', 'wait_for', 'as_completed', 'sleep', 'gather',
    'shield', 'ensure_future', 'current_task', 'all_tasks', '_register_task',
    '_unregister_task', '_enter_task', '_leave_task',
)

import _contextvars
import functools
import itertools
import types

from . import coroutines
from . import events
from . import exceptions
from . import futures

_PENDING = futures._PENDING
_FINISHED = futures._FINISHED
_CANCELLED = futures._CANCELLED
_post_callbacks = futures._post_callbacks

_copy_context = _contextvars.copy_context
# The one-element list holding the current contextvars Context.
_current_context = _contextvars._current

_coroutine_types = (types.CoroutineType, types.GeneratorType)

# Numbers for the default task names, 'Task-1', 'Task-2', ...
_next_task_number = itertools.count(1).__next__


# -- the task registries --------------------------------------------------

# Every task whose coroutine has not finished (krait has no weak
# references: a task leaves when its coroutine ends).
_all_tasks = {}

# The task each loop is running a step of: {loop: task}.
_current_tasks = {}


def _register_task(task):
    """Add a task to those all_tasks() reports."""
    _all_tasks[task] = None


def _unregister_task(task):
    """Remove a task from those all_tasks() reports."""
    _all_tasks.pop(task, None)


def _enter_task(loop, task):
    running = _current_tasks.setdefault(loop, task)
    if running is not task:
        raise RuntimeError(
            f"Cannot enter into task {task!r} while another task "
            f"{running!r} is being executed.")


def _leave_task(loop, task):
    running = _current_tasks.pop(loop, None)
    if running is not task:
        if running is not None:
            _current_tasks[loop] = running
        raise RuntimeError(
            f"Leaving task {task!r} does not match the current task "
            f"{running!r}.")


def current_task(loop=None):
    """The task running on `loop` (default: the running loop), or None."""
    return _current_tasks.get(events.get_running_loop() if loop is None
                              else loop)


def all_tasks(loop=None):
    """The tasks of `loop` (default: the running loop) not done yet."""
    if loop is None:
        loop = events.get_running_loop()
    found = set()
    for task in list(_all_tasks):
        if futures._get_loop(task) is loop and not task.done():
            found.add(task)
    return found


def _set_task_name(task, name):
    setter = getattr(task, 'set_name', None)
    if name is not None and setter is not None:
        setter(name)


# -- Task -----------------------------------------------------------------

class Task(futures.Future):
    """Runs a coroutine on the loop: each step sends into it (or throws
    into it) until it awaits a future, then waits for that future."""

    __module__ = '_asyncio'

    # State of a new task, as class attributes.
    _log_destroy_pending = True
    _num_cancels_requested = 0
    _must_cancel = False
    _fut_waiter = None
    _context = None

    def __init__(self, coro, *, loop=None, name=None, context=None):
        self._loop = events._get_event_loop() if loop is None else loop
        if not (isinstance(coro, _coroutine_types)
                or coroutines.iscoroutine(coro)):
            raise TypeError("a coroutine was expected, got " + repr(coro))
        # A number until get_name() is asked for the 'Task-<n>' string.
        self._name = _next_task_number() if name is None else str(name)
        self._coro = coro
        # The task runs in a copy of its creator's context.
        self._context = context if context is not None else _copy_context()
        loop = self._loop
        try:
            fast = loop._fast
        except AttributeError:  # not an AbstractEventLoop
            fast = False
        if fast:
            queue = loop._ready
            queue.append(_task_step)
            queue.append(self)
        else:
            loop.call_soon(self.__step)
        _all_tasks[self] = None

    def _repr_info(self):
        parts = futures._future_repr_info(self)
        if self.cancelling() and not self.done():
            parts[0] = 'cancelling'
        shown = coroutines._format_coroutine(self._coro, self.done())
        extra = [f'name={self.get_name()!r}', f'coro=<{shown}>']
        awaited = self._fut_waiter
        if awaited is not None:
            extra.append(f'wait_for={awaited!r}')
        parts[1:1] = extra
        return parts

    def get_coro(self):
        return self._coro

    def get_name(self):
        label = self._name
        if type(label) is int:
            label = self._name = f'Task-{label}'
        return label

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError(_NOT_SETTABLE % 'set_result')

    def set_exception(self, exception):
        raise RuntimeError(_NOT_SETTABLE % 'set_exception')

    def get_stack(self, *, limit=None):
        """krait's coroutines expose no frames: always an empty list."""
        return []

    def print_stack(self, *, limit=None, file=None):
        """Print what krait knows of the task's stack: for a task that
        failed, the traceback of its exception."""
        import sys
        import traceback
        out = sys.stderr if file is None else file
        error = self._exception if self._state is _FINISHED else None
        if error is None:
            print(f'No stack for {self!r}', file=out)
            return
        print(f'Traceback for {self!r} (most recent call last):', file=out)
        traceback.print_tb(error.__traceback__, limit=limit, file=out)
        for line in traceback.format_exception_only(type(error), error):
            print(line, end='', file=out)

    def cancel(self, msg=None):
        """Ask the task to cancel: CancelledError is thrown into its
        coroutine at its next step.  False if the task is done."""
        self._log_traceback = False
        if self._state is not _PENDING:
            return False
        self._num_cancels_requested += 1
        awaited = self._fut_waiter
        if awaited is not None and awaited.cancel(msg=msg):
            # The awaited future wakes the task up; it is kept as the
            # waiter, as it may be a task that ignores the request.
            return True
        # The next step (which is already queued) throws it in.
        self._must_cancel, self._cancel_message = True, msg
        return True

    def cancelling(self):
        """How many cancellation requests are pending."""
        return self._num_cancels_requested

    def uncancel(self):
        """Withdraw one cancellation request; return how many are left."""
        left = self._num_cancels_requested
        if left > 0:
            left -= 1
            self._num_cancels_requested = left
        return left

    def __step(self, exc=None):
        if self._state is not _PENDING:
            message = f'_step(): already done: {self!r}, {exc!r}'
            raise exceptions.InvalidStateError(message)
        if self._must_cancel:
            self._must_cancel = False
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
        if self._fut_waiter is not None:
            self._fut_waiter = None
        loop = self._loop
        if loop in _current_tasks:
            _enter_task(loop, self)  # raises: another task is running
        _current_tasks[loop] = self
        # The step runs in the task's own context.
        outer_context = _current_context[0]
        _current_context[0] = self._context
        coro = self._coro
        try:
            if exc is None:
                yielded = coro.send(None)
            else:
                yielded = coro.throw(exc)
        except StopIteration as stop:
            try:
                del _all_tasks[self]
            except KeyError:
                pass
            if self._must_cancel:
                # Cancelled just as the coroutine returned.
                self._must_cancel = False
                futures.Future.cancel(self, msg=self._cancel_message)
            else:
                self._result = stop.value
                self._state = _FINISHED
                entries = self._callbacks
                if entries:
                    self._callbacks = None
                    _post_callbacks(self, entries)
        except exceptions.CancelledError as cancel:
            _all_tasks.pop(self, None)
            # Kept, to be what awaiting the task raises.
            self._cancelled_exc = cancel
            futures.Future.cancel(self)
        except BaseException as error:
            _all_tasks.pop(self, None)
            futures.Future.set_exception(self, error)
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
        else:
            if yielded is None:
                # A bare yield: the task goes to the back of the queue.
                if getattr(loop, '_fast', False):
                    queue = loop._ready
                    queue.append(_task_step)
                    queue.append(self)
                else:
                    loop.call_soon(self.__step)
            else:
                self.__block_on(yielded)
        finally:
            _current_context[0] = outer_context
            try:
                leaving = _current_tasks[loop] is self
            except KeyError:
                leaving = False
            if leaving:
                del _current_tasks[loop]
            else:
                _leave_task(loop, self)  # raises
            self = None

    def __fail_soon(self, message):
        # The next step throws a RuntimeError into the coroutine.
        self._loop.call_soon(self.__step, RuntimeError(message))

    def __block_on(self, awaited):
        # The coroutine yielded `awaited`: a future to wait for, or a
        # mistake reported back into the coroutine.
        try:
            blocking = awaited._asyncio_future_blocking
        except AttributeError:
            blocking = None
        if blocking is None:
            if isinstance(awaited, types.GeneratorType):
                self.__fail_soon(
                    f'yield was used instead of yield from for generator '
                    f'in task {self!r} with {awaited!r}')
            else:
                self.__fail_soon(f'Task got bad yield: {awaited!r}')
            return
        loop = self._loop
        try:
            plain = awaited._fast_future is True
        except AttributeError:
            plain = False
        same_loop = (awaited._loop is loop if plain
                     else futures._get_loop(awaited) is loop)
        if not same_loop:
            self.__fail_soon(f'Task {self!r} got Future {awaited!r} '
                             f'attached to a different loop')
        elif not blocking:
            self.__fail_soon(f'yield was used instead of yield from in '
                             f'task {self!r} with {awaited!r}')
        elif awaited is self:
            self.__fail_soon(f'Task cannot await on itself: {self!r}')
        else:
            awaited._asyncio_future_blocking = False
            if (plain and awaited._state is _PENDING
                    and awaited._callbacks is None):
                awaited._callbacks = ((self.task_wakeup, None),)
            else:
                awaited.add_done_callback(self.task_wakeup)
            self._fut_waiter = awaited
            if self._must_cancel:
                self._must_cancel = not awaited.cancel(
                    msg=self._cancel_message)

    # The C implementation's name: a future's repr lists the callback as
    # Task.task_wakeup().
    def task_wakeup(self, future):
        try:
            clean = (future._fast_future is True
                     and future._state is _FINISHED
                     and future._exception is None)
        except AttributeError:
            clean = False
        if clean:
            self.__step()
            return
        try:
            future.result()
        except BaseException as error:
            # A cancellation too is thrown into the coroutine.
            self.__step(error)
        else:
            self.__step()
        self = None

    __class_getitem__ = classmethod(types.GenericAlias)


# The loop's ready queue holds a task's next step as (_task_step, task).
_task_step = Task._Task__step

_PyTask = Task

_NOT_SETTABLE = 'Task does not support %s operation'


def create_task(coro, *, name=None, context=None):
    """Start a task for `coro` on the running loop."""
    options = {} if context is None else {'context': context}
    task = events.get_running_loop().create_task(coro, **options)
    _set_task_name(task, name)
    return task


# -- wait, wait_for -------------------------------------------------------

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _open_gate(gate, *args):
    if not gate.done():
        gate.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures and tasks in `fs`; return (done, pending)."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    members = set(fs)
    for member in members:
        if coroutines.iscoroutine(member):
            raise TypeError(
                "Passing coroutines is forbidden, use tasks explicitly.")
    return await _wait(members, timeout, return_when,
                       events.get_running_loop())


async def _wait(fs, timeout, return_when, loop):
    gate = loop.create_future()
    timer = None
    if timeout is not None:
        timer = loop.call_later(timeout, _open_gate, gate)
    left = len(fs)

    def ends_wait(fut):
        if left <= 0 or return_when == FIRST_COMPLETED:
            return True
        return (return_when == FIRST_EXCEPTION and not fut.cancelled()
                and fut.exception() is not None)

    def _on_completion(fut):
        nonlocal left
        left -= 1
        if ends_wait(fut):
            if timer is not None:
                timer.cancel()
            _open_gate(gate)

    for fut in fs:
        fut.add_done_callback(_on_completion)
    try:
        await gate
    finally:
        if timer is not None:
            timer.cancel()
        for fut in fs:
            fut.remove_done_callback(_on_completion)
    finished = {fut for fut in fs if fut.done()}
    return finished, {fut for fut in fs if fut not in finished}


async def _cancel_and_wait(fut, loop):
    """Cancel `fut` and wait until it is done (waiting on a separate
    future, so that this wait can be cancelled itself)."""
    gate = loop.create_future()
    release = functools.partial(_open_gate, gate)
    fut.add_done_callback(release)
    try:
        fut.cancel()
        await gate
    finally:
        fut.remove_done_callback(release)


async def _expire(fut, loop):
    # The time is up: cancel `fut`; its cancellation becomes a
    # TimeoutError (anything else it ends with is returned or raised).
    await _cancel_and_wait(fut, loop)
    try:
        return fut.result()
    except exceptions.CancelledError as cancel:
        raise exceptions.TimeoutError() from cancel


async def wait_for(fut, timeout):
    """Await `fut` for at most `timeout` seconds; past that, cancel it
    and raise TimeoutError."""
    running = events.get_running_loop()
    if timeout is None:
        return await fut
    inner = ensure_future(fut, loop=running)
    if timeout <= 0:
        if inner.done():
            return inner.result()
        return await _expire(inner, running)

    gate = running.create_future()
    timer = running.call_later(timeout, _open_gate, gate)
    release = functools.partial(_open_gate, gate)
    inner.add_done_callback(release)
    try:
        try:
            await gate
        except exceptions.CancelledError:
            # wait_for() itself is cancelled: so is `inner`, unless done.
            if inner.done():
                return inner.result()
            inner.remove_done_callback(release)
            await _cancel_and_wait(inner, running)
            raise
        if inner.done():
            return inner.result()
        inner.remove_done_callback(release)
        return await _expire(inner, running)
    finally:
        timer.cancel()


# -- as_completed ---------------------------------------------------------

def as_completed(fs, *, timeout=None):
    """Yield awaitables giving the outcomes of `fs` in the order they
    finish; past `timeout`, the ones left raise TimeoutError."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(
            f"expect an iterable of futures, not {type(fs).__name__}")
    from .queues import Queue
    arrivals = Queue()
    loop = events._get_event_loop()
    pending = {ensure_future(f, loop=loop) for f in set(fs)}
    timer = None

    def _on_timeout():
        for fut in pending:
            fut.remove_done_callback(_on_completion)
            arrivals.put_nowait(None)  # None: this one timed out
        pending.clear()

    def _on_completion(fut):
        if not pending:
            return  # the timeout came first
        pending.remove(fut)
        arrivals.put_nowait(fut)
        if timer is not None and not pending:
            timer.cancel()

    async def _wait_for_one():
        fut = await arrivals.get()
        if fut is None:
            raise exceptions.TimeoutError
        return fut.result()

    for fut in pending:
        fut.add_done_callback(_on_completion)
    if timeout is not None and pending:
        timer = loop.call_later(timeout, _on_timeout)
    for _ in range(len(pending)):
        yield _wait_for_one()


# -- sleep ----------------------------------------------------------------

@types.coroutine
def _sleep0():
    # A bare yield: the task's step puts it at the back of the queue.
    yield


async def sleep(delay, result=None):
    """Return `result` after `delay` seconds (at once, after one turn of
    the loop, when delay <= 0)."""
    if delay <= 0:
        await _sleep0()
        return result
    running = events.get_running_loop()
    alarm = running.create_future()
    timer = running.call_later(delay, futures._set_result_unless_cancelled,
                               alarm, result)
    try:
        return await alarm
    finally:
        # A timer that fired has left the heap: nothing to undo then.
        if getattr(timer, '_scheduled', True):
            timer.cancel()


# -- ensure_future --------------------------------------------------------

def ensure_future(coro_or_future, *, loop=None):
    """A future for an awaitable: a future itself, else a new task."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    coro = coro_or_future
    wrapped = False
    if not coroutines.iscoroutine(coro):
        if not hasattr(type(coro), '__await__'):
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
        coro = _wrap_awaitable(coro)
        wrapped = True
    if loop is None:
        loop = events._get_event_loop()
    try:
        return loop.create_task(coro)
    except RuntimeError:
        if not wrapped:
            coro.close()
        raise


@types.coroutine
def _wrap_awaitable(awaitable):
    """A coroutine awaiting an object that has __await__."""
    return (yield from awaitable.__await__())


_wrap_awaitable._is_coroutine = coroutines._is_coroutine


# -- gather ---------------------------------------------------------------

class _GatheringFuture(futures.Future):
    """The future gather() returns: cancelling it cancels the children."""

    _cancel_requested = False

    def __init__(self, children, *, loop):
        self._loop = loop
        self._children = children

    def cancel(self, msg=None):
        if self._state is not _PENDING:
            return False
        outcomes = [child.cancel(msg=msg) for child in self._children]
        if True not in outcomes:
            return False
        # A child really was cancelled: the gather ends cancelled, even
        # with return_exceptions (bpo-32684).
        self._cancel_requested = True
        return True


def _gather_mark_retrieved(fut, plain):
    # The gather is over: a late child's exception counts as seen.
    if not plain:
        if not fut.cancelled():
            fut.exception()
    elif fut._state is _FINISHED:
        fut._log_traceback = False


def _gather_child_error(fut, plain):
    # What ends the gather early: the child's exception, or a
    # CancelledError for a cancelled child (None: it has a result).
    if plain:
        if fut._state is _CANCELLED:
            return fut._make_cancelled_error()
        fut._log_traceback = False
        return fut._exception
    if fut.cancelled():
        return fut._make_cancelled_error()
    return fut.exception()


def _gather_finish(outer, children, plain):
    results = []
    for child in children:
        if plain and child._state is _FINISHED and child._exception is None:
            results.append(child._result)
        elif child.cancelled():
            note = child._cancel_message
            results.append(exceptions.CancelledError(
                '' if note is None else note))
        else:
            error = child.exception()
            results.append(child.result() if error is None else error)
    if outer._cancel_requested:
        # As CPython: the error is made by the last child.
        outer.set_exception(children[-1]._make_cancelled_error())
    else:
        outer.set_result(results)


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the results of all the arguments, in their order.
    The first exception ends it, unless return_exceptions is true (then
    exceptions are results too)."""
    if not coros_or_futures:
        empty = events._get_event_loop().create_future()
        empty.set_result([])
        return empty

    children = []
    by_arg = {}
    loop = None
    outer = None  # made once every child is (bpo-46672)
    # While True, the children's state is read directly (see
    # futures._FAST_PATH_METHODS).
    plain = True
    seen_done = expected = 0

    def _done_callback(fut):
        nonlocal seen_done
        seen_done += 1
        if outer is None or outer._state is not _PENDING:
            _gather_mark_retrieved(fut, plain)
            return
        if not return_exceptions:
            if plain and fut._state is _FINISHED:
                fut._log_traceback = False
                error = fut._exception
            else:
                error = _gather_child_error(fut, plain)
            if error is not None:
                outer.set_exception(error)
                return
        if seen_done == expected:
            _gather_finish(outer, children, plain)

    for arg in coros_or_futures:
        if arg in by_arg:
            # The same awaitable twice: one future, two results.
            children.append(by_arg[arg])
            continue
        if loop is not None and type(arg) is types.CoroutineType:
            # _ensure_future() for the common case, spelled out.
            try:
                fut = loop.create_task(arg)
            except RuntimeError:
                arg.close()
                raise
        else:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
        by_arg[arg] = fut
        children.append(fut)
        if getattr(fut, '_fast_future', False) is not True:
            plain = False
        elif fut._state is _PENDING and fut._callbacks is None:
            fut._callbacks = ((_done_callback, None),)
            continue
        fut.add_done_callback(_done_callback)

    expected = len(by_arg)
    outer = _GatheringFuture(children, loop=loop)
    return outer


# -- shield ---------------------------------------------------------------

def shield(arg):
    """Await `arg` without passing a cancellation on to it."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    outer = futures._get_loop(inner).create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # seen, so not reported
        elif inner.cancelled():
            outer.cancel()
        else:
            futures._copy_future_state(inner, outer)

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer
