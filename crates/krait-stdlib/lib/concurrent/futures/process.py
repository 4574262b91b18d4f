"""ProcessPoolExecutor for a VM without worker processes: a submitted
call runs at once, in the caller, and submit() returns its finished
Future.  Unlike CPython, the call shares the caller's memory (changes
it makes to globals are seen afterwards) and nothing is pickled."""

import os

from . import _base
from ._base import BrokenExecutor, Executor

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

_BROKEN_MESSAGE = ('A child process terminated abruptly, the process pool '
                   'is not usable anymore')


class BrokenProcessPool(BrokenExecutor):
    """A worker process died while running a call: the pool is broken."""


def _option_problem(max_workers, initializer, max_tasks_per_child):
    # The first invalid constructor argument, as (exception type,
    # message); None when all are valid.
    if max_workers is not None and max_workers <= 0:
        return ValueError, 'max_workers must be greater than 0'
    if not (initializer is None or callable(initializer)):
        return TypeError, 'initializer must be a callable'
    if max_tasks_per_child is None:
        return None
    if not isinstance(max_tasks_per_child, int):
        return TypeError, 'max_tasks_per_child must be an integer'
    if max_tasks_per_child < 1:
        return ValueError, 'max_tasks_per_child must be >= 1'
    return None


class ProcessPoolExecutor(Executor):
    """Runs each call in the caller, as soon as it is submitted."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        problem = _option_problem(max_workers, initializer,
                                  max_tasks_per_child)
        if problem is not None:
            kind, message = problem
            raise kind(message)
        self._max_workers = max_workers or os.cpu_count() or 1
        self._initializer, self._initargs = initializer, initargs
        self._context_given = mp_context
        self._calls_per_worker = max_tasks_per_child
        self._initialized = False
        # False, or the message of the BrokenProcessPool to raise.
        self._broken = False
        self._is_shut_down = False

    def _start(self, future):
        # The "worker" starts: the initializer runs once, before the
        # first call.  False if it failed (the pool is then broken).
        if self._initialized:
            return True
        init = self._initializer
        if init is not None:
            try:
                init(*self._initargs)
            except BaseException:
                _base.LOGGER.critical('Exception in initializer:',
                                      exc_info=True)
                self._broken = _BROKEN_MESSAGE
                future.set_exception(BrokenProcessPool(_BROKEN_MESSAGE))
                return False
        self._initialized = True
        return True

    def submit(self, fn, /, *args, **kwargs):
        broken = self._broken
        if broken:
            raise BrokenProcessPool(broken)
        if self._is_shut_down:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = _base.Future()
        if self._start(future):
            _base._WorkItem(future, fn, args, kwargs).run()
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError('chunksize must be >= 1.')
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        # Every call has run already: nothing to wait for or cancel.
        self._is_shut_down = True

    for _name in ('submit', 'map', 'shutdown'):
        locals()[_name].__doc__ = getattr(Executor, _name).__doc__
    del _name
