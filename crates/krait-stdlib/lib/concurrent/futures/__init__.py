"""Run calls asynchronously through executors and get their results as
futures (CPython 3.11's `concurrent.futures`).

krait runs Python code in one thread and starts no processes, so both
executors run each submitted call at once, in the caller: submit()
returns a Future that is already done (its result or its exception), and
map() has made every call by the time it returns its iterator, whose
results come in order. That is what CPython prints for programs that
collect results through futures; what differs is timing and, for
ProcessPoolExecutor, that calls share the caller's memory. Waiting for a
Future that nothing will finish (one made by hand) raises TimeoutError at
once when there is a timeout and RuntimeError("deadlock: ...") when there
is none, where CPython would hang.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor
from concurrent.futures.process import ProcessPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)
