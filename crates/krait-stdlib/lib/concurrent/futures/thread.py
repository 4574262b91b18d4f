"""ThreadPoolExecutor (CPython's concurrent.futures.thread), for a VM that
runs Python code in one thread: each submitted call runs at once, in the
caller, as the pool's worker thread "<prefix>_0" (so current_thread() and
thread-local data are the worker's, as they would be in CPython's first
worker), and submit() returns the finished Future.
"""

import itertools
import os
import threading
import _thread
from concurrent.futures import _base

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class _Worker(threading.Thread):
    """The pool's one worker: alive from the first submit to shutdown; the
    calls run under its identity."""

    def __init__(self, name):
        threading.Thread.__init__(self, name=name)
        # Alive without start(): registered as a running thread by hand.
        self._ident = _thread._new_ident()
        self._native_id = _thread._native_base() + self._ident - _thread._MAIN_IDENT
        self._started._flag = True
        threading._active[self._ident] = self

    def call(self, fn, *args):
        previous = _thread._switch_ident(self._ident)
        try:
            return fn(*args)
        finally:
            _thread._switch_ident(previous)

    def end(self):
        self._stop(self._ident)


class ThreadPoolExecutor(_base.Executor):
    """An executor for calls in threads; krait runs each call as soon as
    it is submitted."""

    # Numbers the pools without a thread_name_prefix.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._shutdown = False
        self._broken = False
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs
        self._worker = None
        self._threads = set()

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenThreadPool(self._broken)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = _base.Future()
        work = _base._WorkItem(future, fn, args, kwargs)
        worker = self._worker
        if worker is None:
            worker = self._start_worker()
            if worker is None:
                future.set_exception(BrokenThreadPool(self._broken))
                return future
        worker.call(work.run)
        return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def _start_worker(self):
        worker = _Worker("%s_%d" % (self._thread_name_prefix, 0))
        self._worker = worker
        self._threads.add(worker)
        if self._initializer is not None:
            try:
                worker.call(self._initializer, *self._initargs)
            except BaseException:
                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                self._broken = ('A thread initializer failed, the thread pool '
                                'is not usable anymore')
                worker.end()
                self._worker = None
                return None
        return worker

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if self._worker is not None:
            self._worker.end()
            self._worker = None

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
