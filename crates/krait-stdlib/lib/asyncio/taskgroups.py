"""TaskGroup: structured concurrency.  The group's tasks are all awaited
when its `async with` block ends; the first error cancels the others
(and the block), and the errors are raised together in an
ExceptionGroup."""

__all__ = ('TaskGroup',)

from . import events
from . import exceptions
from . import tasks
from .exceptions import BaseExceptionGroup
from .futures import _FINISHED, _PENDING

# Errors that are raised as they are, not inside the group.
_FATAL = (SystemExit, KeyboardInterrupt)


class TaskGroup:
    """async with TaskGroup() as group: group.create_task(...)"""

    # A new group's state (a group is used once).
    _entered = False
    _exiting = False
    _aborting = False
    _loop = None
    _parent_task = None
    _parent_cancel_requested = False
    _base_error = None
    _on_completed_fut = None

    def __init__(self):
        # The live tasks, in creation order (the order _abort() cancels
        # them in).
        self._tasks = {}
        self._errors = []
        # The done callback of every task, bound once.
        self._task_done_callback = self._on_task_done

    def __repr__(self):
        words = ['<TaskGroup']
        if self._tasks:
            words.append(f'tasks={len(self._tasks)}')
        if self._errors:
            words.append(f'errors={len(self._errors)}')
        if self._aborting:
            words.append('cancelling')
        elif self._entered:
            words.append('entered')
        return ' '.join(words) + '>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        loop = self._loop
        if loop is None:
            loop = self._loop = events.get_running_loop()
        parent = self._parent_task = tasks.current_task(loop)
        if parent is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._base_error is None and \
                self._is_base_error(exc):
            self._base_error = exc

        # The CancelledError to raise at the end, if any.
        pending_cancel = exc if et is exceptions.CancelledError else None
        if self._parent_cancel_requested and \
                self._parent_task.uncancel() == 0:
            # We cancelled the parent ourselves, and nobody else did.
            pending_cancel = None

        if et is not None and not self._aborting:
            # The block failed or was cancelled: stop the tasks.
            self._abort()

        # The parent may be cancelled again while it waits here: wait on.
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except exceptions.CancelledError as cancel:
                if not self._aborting:
                    # The parent task is cancelled from outside.
                    pending_cancel = cancel
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error
        if pending_cancel and not self._errors:
            # Errors take precedence over the cancellation.
            raise pending_cancel
        if et is not None and et is not exceptions.CancelledError:
            self._errors.append(exc)
        errors = self._errors
        if errors:
            self._errors = None  # no reference kept to the errors
            raise BaseExceptionGroup(
                'unhandled errors in a TaskGroup', errors) from None

    def create_task(self, coro, *, name=None, context=None):
        """Start a task in the group; return it."""
        problem = None
        if not self._entered:
            problem = 'has not been entered'
        elif self._exiting and not self._tasks:
            problem = 'is finished'
        elif self._aborting:
            problem = 'is shutting down'
        if problem is not None:
            raise RuntimeError(f"TaskGroup {self!r} {problem}")
        loop = self._loop
        if context is None:
            task = loop.create_task(coro)
        else:
            task = loop.create_task(coro, context=context)
        tasks._set_task_name(task, name)
        callback = self._task_done_callback
        try:
            plain = task._fast_future is True and task._state is _PENDING
        except AttributeError:  # a task factory's own kind of task
            plain = False
        if plain and task._callbacks is None:
            task._callbacks = ((callback, None),)
        else:
            task.add_done_callback(callback)
        self._tasks[task] = None
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, _FATAL)

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _task_error(self, task):
        # The exception the finished task ended with (None: a result, or
        # a cancellation).
        try:
            plain = task._fast_future is True
        except AttributeError:
            plain = False
        if not plain:
            return None if task.cancelled() else task.exception()
        if task._state is not _FINISHED:
            return None
        task._log_traceback = False
        return task._exception

    def _on_task_done(self, task):
        self._tasks.pop(task, None)
        waiter = self._on_completed_fut
        if waiter is not None and not self._tasks and not waiter.done():
            waiter.set_result(True)

        error = self._task_error(task)
        if error is None:
            return
        self._errors.append(error)
        if self._base_error is None and self._is_base_error(error):
            self._base_error = error

        parent = self._parent_task
        if parent.done():
            # Too late to cancel the parent: report it.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {parent} is already completed',
                'exception': error,
                'task': task,
            })
        elif not (self._aborting or self._parent_cancel_requested):
            # The first error: stop the other tasks, and the parent's
            # block, which __aexit__ then un-cancels.
            self._abort()
            self._parent_cancel_requested = True
            parent.cancel()
