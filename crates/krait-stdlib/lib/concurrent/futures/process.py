"""ProcessPoolExecutor (CPython's concurrent.futures.process), for a VM
with no worker processes: each submitted call runs at once, in the
caller, and submit() returns the finished Future. Unlike CPython, the
call shares the caller's memory (what it changes in globals is seen
afterwards) and its arguments are not pickled.
"""

import os
from concurrent.futures import _base

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state."""


class ProcessPoolExecutor(_base.Executor):
    """An executor for calls in worker processes; krait runs each call in
    the caller as soon as it is submitted."""

    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False
        self._max_tasks_per_child = max_tasks_per_child
        self._shutdown_thread = False
        self._broken = False

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = _base.Future()
        if not self._initialized and self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException:
                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                self._broken = ('A child process terminated abruptly, the '
                                'process pool is not usable anymore')
                future.set_exception(BrokenProcessPool(self._broken))
                return future
        self._initialized = True
        _base._WorkItem(future, fn, args, kwargs).run()
        return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    map.__doc__ = _base.Executor.map.__doc__

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown_thread = True

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
