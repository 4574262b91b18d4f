"""ThreadPoolExecutor for a VM that runs Python code in one thread.

A submitted call runs at once, in the caller, but as the pool's worker
thread "<prefix>_0": current_thread() and thread-local data are that
worker's while it runs, as in CPython's first worker.  submit() returns
the finished Future.
"""

import itertools
import os
import threading
import _thread
from concurrent.futures import _base

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']

_INIT_FAILED = ('A thread initializer failed, the thread pool is not '
                'usable anymore')


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed: the pool cannot be used."""


class _Worker(threading.Thread):
    # Registered as alive without start(): it lives from the first call
    # to shutdown, and calls run under its identity.

    def __init__(self, name):
        threading.Thread.__init__(self, name=name)
        ident = _thread._new_ident()
        self._ident = ident
        self._native_id = _thread._native_base() + (ident - _thread._MAIN_IDENT)
        self._started._flag = True
        threading._active[ident] = self

    def call(self, fn, *args):
        outer = _thread._switch_ident(self._ident)
        try:
            return fn(*args)
        finally:
            _thread._switch_ident(outer)

    def end(self):
        self._stop(self._ident)


def _default_workers():
    return min(32, (os.cpu_count() or 1) + 4)


class ThreadPoolExecutor(_base.Executor):
    """Executes calls in a pool of threads (krait: as they are
    submitted)."""

    # Numbers the pools that have no thread_name_prefix.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        workers = _default_workers() if max_workers is None else max_workers
        if workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        if not (initializer is None or callable(initializer)):
            raise TypeError('initializer must be a callable')
        self._max_workers = workers
        self._shutdown = False
        self._broken = False
        if not thread_name_prefix:
            thread_name_prefix = 'ThreadPoolExecutor-%d' % type(self)._counter()
        self._thread_name_prefix = thread_name_prefix
        self._initializer, self._initargs = initializer, initargs
        self._worker = None
        self._threads = set()

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenThreadPool(self._broken)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        fut = _base.Future()
        worker = self._worker or self._spawn()
        if worker is None:
            fut.set_exception(BrokenThreadPool(self._broken))
        else:
            worker.call(_base._WorkItem(fut, fn, args, kwargs).run)
        return fut

    def _spawn(self):
        worker = _Worker(self._thread_name_prefix + '_0')
        self._worker = worker
        self._threads.add(worker)
        init = self._initializer
        if init is None:
            return worker
        try:
            worker.call(init, *self._initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:',
                                  exc_info=True)
            self._broken = _INIT_FAILED
            worker.end()
            self._worker = None
            return None
        return worker

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.end()

    submit.__doc__ = _base.Executor.submit.__doc__
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
