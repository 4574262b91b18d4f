"""Tasks and the functions that combine awaitables (CPython's
`asyncio.tasks` and `asyncio.base_tasks`)."""

__all__ = ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION',
           'ALL_COMPLETED', 'wait', 'wait_for', 'as_completed', 'sleep',
           'gather', 'shield', 'ensure_future', 'current_task', 'all_tasks',
           '_register_task', '_unregister_task', '_enter_task', '_leave_task')

import _contextvars
import functools
import itertools
import types
from types import GenericAlias

from . import coroutines
from . import events
from . import exceptions
from . import futures
from .coroutines import _is_coroutine

# Helper to generate new task names.
_task_name_counter = itertools.count(1).__next__


def current_task(loop=None):
    """Return a currently executed task."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """Return a set of all tasks for the loop."""
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in list(_all_tasks)
            if futures._get_loop(t) is loop and not t.done()}


def _set_task_name(task, name):
    if name is not None:
        try:
            set_name = task.set_name
        except AttributeError:
            pass
        else:
            set_name(name)


class Task(futures.Future):
    """A coroutine wrapped in a Future."""

    _log_destroy_pending = True
    _num_cancels_requested = 0
    _must_cancel = False
    _fut_waiter = None
    _context = None

    def __init__(self, coro, *, loop=None, name=None, context=None):
        # Future.__init__ spelled out: this runs once per task.
        if loop is None:
            loop = events._get_event_loop()
        self._loop = loop
        if not isinstance(coro, _coroutine_types) and \
                not coroutines.iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            # The number; get_name() makes the 'Task-<n>' string if asked.
            self._name = _task_name_counter()
        else:
            self._name = str(name)
        self._coro = coro
        # Each task runs in its own context: a copy of its creator's.
        self._context = _copy_context() if context is None else context
        try:
            fast = loop._fast
        except AttributeError:  # a loop not derived from AbstractEventLoop
            fast = False
        if fast:
            ready = loop._ready
            ready.append(_task_step)
            ready.append(self)
        else:
            loop.call_soon(self.__step)
        _all_tasks[self] = None

    __class_getitem__ = classmethod(GenericAlias)

    def _repr_info(self):
        info = futures._future_repr_info(self)
        if self.cancelling() and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % self.get_name())
        coro = coroutines._format_coroutine(self._coro, self.done())
        info.insert(2, f'coro=<{coro}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        name = self._name
        if type(name) is int:
            name = self._name = f'Task-{name}'
        return name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        """krait's coroutines expose no frames: always an empty list."""
        return []

    def cancel(self, msg=None):
        """Request that this task cancel itself: a CancelledError is
        thrown into the coroutine on the next cycle through the loop."""
        if self._log_traceback:
            self._log_traceback = False
        if self._state is not _PENDING:
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # Leave self._fut_waiter; it may be a Task that catches
                # and ignores the cancellation.
                return True
        # It must be the case that self.__step is already scheduled.
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """Return the count of the task's cancellation requests."""
        return self._num_cancels_requested

    def uncancel(self):
        """Decrement the task's count of cancellation requests."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self):
        try:
            del _all_tasks[self]
        except KeyError:
            pass

    def __step(self, exc=None):
        if self._state is not _PENDING:
            raise exceptions.InvalidStateError(
                f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        if self._fut_waiter is not None:
            self._fut_waiter = None
        loop = self._loop

        # _enter_task(loop, self), inlined.
        if loop in _current_tasks:
            _enter_task(loop, self)
        _current_tasks[loop] = self
        # The step runs in the task's context (Context.run, inlined: the
        # task's wake-ups are queued without one).
        outer_context = _current_context[0]
        _current_context[0] = self._context
        # Call either coro.throw(exc) or coro.send(None).
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as exc:
            # self._finish(), inlined.
            try:
                del _all_tasks[self]
            except KeyError:
                pass
            if self._must_cancel:
                # Task is cancelled right before coro stops.
                self._must_cancel = False
                futures.Future.cancel(self, msg=self._cancel_message)
            else:
                # Future.set_result(self, exc.value), inlined.
                self._result = exc.value
                self._state = _FINISHED
                callbacks = self._callbacks
                if callbacks:
                    # self._schedule_callbacks(), inlined.
                    self._callbacks = None
                    try:
                        fast = loop._fast
                    except AttributeError:
                        fast = False
                    if fast:
                        ready = loop._ready
                        for callback, ctx in callbacks:
                            if ctx is None:
                                ready.append(callback)
                                ready.append(self)
                            else:
                                loop._call_soon(callback, (self,), ctx)
                    else:
                        for callback, ctx in callbacks:
                            loop.call_soon(callback, self, context=ctx)
        except exceptions.CancelledError as exc:
            self._finish()
            # Save the original exception so we can chain it later.
            self._cancelled_exc = exc
            futures.Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as exc:
            self._finish()
            futures.Future.set_exception(self, exc)
            raise
        except BaseException as exc:
            self._finish()
            futures.Future.set_exception(self, exc)
        else:
            if result is None:
                # Bare yield relinquishes control for one loop iteration.
                if getattr(loop, '_fast', False):
                    ready = loop._ready
                    ready.append(_task_step)
                    ready.append(self)
                else:
                    loop.call_soon(self.__step)
            else:
                self.__wait_on(result)
        finally:
            _current_context[0] = outer_context
            # _leave_task(loop, self), inlined.
            try:
                current = _current_tasks[loop]
            except KeyError:
                current = None
            if current is self:
                del _current_tasks[loop]
            else:
                _leave_task(loop, self)
            self = None

    def __wait_on(self, result):
        # The coroutine yielded `result`: normally a future it awaits.
        loop = self._loop
        fast = False
        try:
            blocking = result._asyncio_future_blocking
        except AttributeError:
            blocking = None
        else:
            try:
                fast = result._fast_future is True
            except AttributeError:
                pass
        if blocking is not None:
            # Yielded Future must come from Future.__iter__().
            if fast and result._loop is loop:
                pass
            elif futures._get_loop(result) is not loop:
                new_exc = RuntimeError(
                    f'Task {self!r} got Future '
                    f'{result!r} attached to a different loop')
                loop.call_soon(self.__step, new_exc)
                return
            if blocking:
                if result is self:
                    new_exc = RuntimeError(
                        f'Task cannot await on itself: {self!r}')
                    loop.call_soon(self.__step, new_exc)
                    return
                result._asyncio_future_blocking = False
                if fast and result._state is _PENDING:
                    # result.add_done_callback(...), inlined.
                    if result._callbacks is None:
                        result._callbacks = ((self.task_wakeup, None),)
                    else:
                        result.add_done_callback(self.task_wakeup)
                else:
                    result.add_done_callback(self.task_wakeup)
                self._fut_waiter = result
                if self._must_cancel:
                    if result.cancel(msg=self._cancel_message):
                        self._must_cancel = False
            else:
                new_exc = RuntimeError(
                    f'yield was used instead of yield from '
                    f'in task {self!r} with {result!r}')
                loop.call_soon(self.__step, new_exc)
        elif isinstance(result, types.GeneratorType):
            new_exc = RuntimeError(
                f'yield was used instead of yield from for '
                f'generator in task {self!r} with {result!r}')
            loop.call_soon(self.__step, new_exc)
        else:
            new_exc = RuntimeError(f'Task got bad yield: {result!r}')
            loop.call_soon(self.__step, new_exc)

    # Named as the C implementation's wakeup method, which is what a
    # future's repr shows among its callbacks: cb=[Task.task_wakeup()].
    def task_wakeup(self, future):
        try:
            fast = (future._fast_future is True and
                    future._state is _FINISHED and
                    future._exception is None)
        except AttributeError:
            fast = False
        if fast:
            self.__step()
            return
        try:
            future.result()
        except BaseException as exc:
            # This may also be a cancellation.
            self.__step(exc)
        else:
            self.__step()
        self = None


_copy_context = _contextvars.copy_context
_current_context = _contextvars._current

# The ready-queue function of a task's step: _task_step(task).
_task_step = Task._Task__step

_coroutine_types = (types.CoroutineType, types.GeneratorType)
_PENDING = futures._PENDING
_FINISHED = futures._FINISHED
_CANCELLED = futures._CANCELLED

_PyTask = Task


def create_task(coro, *, name=None, context=None):
    """Schedule the execution of a coroutine object in a spawn task."""
    loop = events.get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    if name is not None:
        _set_task_name(task, name)
    return task


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the Futures or Tasks given by fs to complete.
    Returns two sets of Future: (done, pending)."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """Wait for the single Future or coroutine to complete, with timeout.
    When a timeout occurs, it cancels the task and raises TimeoutError."""
    loop = events.get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        # wait until the future completes or the timeout
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                # We must ensure that the task is not running
                # after wait_for() returns.
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            # In case task cancellation failed with TimeoutError,
            # the result or exception is the task's own.
            try:
                return fut.result()
            except exceptions.CancelledError as exc:
                raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
            return_when == FIRST_COMPLETED or
            return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancel the *fut* future or task and wait until it completes."""
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        # We cannot wait on *fut* directly to make
        # sure _cancel_and_wait itself is reliably cancellable.
        await waiter
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):
    """Return an iterator whose values are coroutines: awaiting them
    gives the results of the futures in the order they complete."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from .queues import Queue  # Import here to avoid circular import problem.
    done = Queue()

    loop = events._get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # Queue a dummy value for _wait_for_one().
        todo.clear()  # Can't do todo.remove(f) in the loop.

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # Dummy value from _on_timeout().
            raise exceptions.TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


@types.coroutine
def __sleep0():
    """Skip one event loop run cycle (a bare yield, which Task.__step
    handles by rescheduling itself)."""
    yield


_sleep0 = __sleep0


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _sleep0()
        return result

    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, futures._set_result_unless_cancelled,
                        future, result)
    try:
        return await future
    finally:
        # A timer that has fired (it left the heap) has nothing to undo.
        if getattr(h, '_scheduled', True):
            h.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """Wrap a coroutine or an awaitable in a future.
    If the argument is a Future, it is returned directly."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    called_wrap_awaitable = False
    if not coroutines.iscoroutine(coro_or_future):
        if hasattr(type(coro_or_future), '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
            called_wrap_awaitable = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')

    if loop is None:
        loop = events._get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not called_wrap_awaitable:
            coro_or_future.close()
        raise


@types.coroutine
def _wrap_awaitable(awaitable):
    """Wraps an awaitable (an object with __await__) into a coroutine."""
    return (yield from awaitable.__await__())


_wrap_awaitable._is_coroutine = _is_coroutine


class _GatheringFuture(futures.Future):
    """Helper for gather(): cancel() cancels all the children."""

    _cancel_requested = False

    def __init__(self, children, *, loop):
        self._loop = loop
        self._children = children

    def cancel(self, msg=None):
        if self._state is not _PENDING:
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # If any child tasks were actually cancelled, we should
            # propagate the cancellation request regardless of
            # *return_exceptions* argument.  See issue 32684.
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Return a future aggregating results from the given coroutines or
    futures, in the order of the arguments."""
    if not coros_or_futures:
        loop = events._get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    # The futures' methods are called only for futures that override them
    # (see futures._FAST_PATH_METHODS); else their state is read directly.
    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer._state is not _PENDING:
            if not all_fast:
                if not fut.cancelled():
                    # Mark exception retrieved.
                    fut.exception()
            elif fut._state is _FINISHED:
                if fut._log_traceback:
                    fut._log_traceback = False
            return

        if not return_exceptions:
            if not all_fast:
                if fut.cancelled():
                    exc = fut._make_cancelled_error()
                    outer.set_exception(exc)
                    return
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
            elif fut._state is _CANCELLED:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                if fut._log_traceback:
                    fut._log_traceback = False
                exc = fut._exception
                if exc is not None:
                    outer.set_exception(exc)
                    return

        if nfinished == nfuts:
            results = []
            for fut in children:
                if (all_fast and fut._state is _FINISHED and
                        fut._exception is None):
                    results.append(fut._result)
                    continue
                if fut.cancelled():
                    res = exceptions.CancelledError(
                        '' if fut._cancel_message is None else
                        fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None  # bpo-46672
    # True while every child is a Future whose state _done_callback may
    # read directly.
    all_fast = True
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            if type(arg) is _CoroutineType and loop is not None:
                # _ensure_future(arg, loop=loop) for a coroutine.
                try:
                    fut = loop.create_task(arg)
                except RuntimeError:
                    arg.close()
                    raise
            else:
                fut = _ensure_future(arg, loop=loop)
                if loop is None:
                    loop = futures._get_loop(fut)
            # (CPython clears fut._log_destroy_pending here, for the
            # "Task was destroyed but it is pending!" warning of its
            # Task.__del__; krait's tasks have no __del__, so nothing
            # reads the flag.)
            arg_to_fut[arg] = fut
            if getattr(fut, '_fast_future', False) is not True:
                all_fast = False
                fut.add_done_callback(_done_callback)
            elif fut._state is _PENDING:
                # fut.add_done_callback(_done_callback), inlined.
                if fut._callbacks is None:
                    fut._callbacks = ((_done_callback, None),)
                else:
                    fut.add_done_callback(_done_callback)
            else:
                fut.add_done_callback(_done_callback)
        else:
            # There's a duplicate Future object in coros_or_futures.
            fut = arg_to_fut[arg]
        children.append(fut)

    nfuts = len(arg_to_fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


_CoroutineType = types.CoroutineType


def shield(arg):
    """Wait for a future, shielding it from cancellation."""
    inner = _ensure_future(arg)
    if inner.done():
        # Shortcut.
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                # Mark inner's result as retrieved.
                inner.exception()
            return

        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


# krait has no weakref: the registry holds a task until its coroutine
# finishes (all_tasks() only reports tasks not done, as in CPython).
_all_tasks = {}

# Dictionary containing tasks that are currently active in
# all running event loops.  {EventLoop: Task}
_current_tasks = {}


def _register_task(task):
    """Register a new task in asyncio as executed by loop."""
    _all_tasks[task] = None


def _enter_task(loop, task):
    current_task = _current_tasks.get(loop)
    if current_task is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current_task!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current_task = _current_tasks.get(loop)
    if current_task is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current_task!r}.")
    del _current_tasks[loop]


def _unregister_task(task):
    """Unregister a task."""
    _all_tasks.pop(task, None)
