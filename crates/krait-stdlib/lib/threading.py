"""Threads and synchronization objects for a VM that runs Python code in
one thread (the API of CPython 3.11's `threading`).

krait has no OS threads for Python code.  Threads are modelled as calls,
as on a single core that never preempts:

* `Thread.start()` runs the thread's `run()` to its end at once, in the
  caller, under the thread's own identity (`current_thread()`,
  `get_ident()`, thread-local data).  An exception that ends it goes to
  `threading.excepthook` ("Exception in thread NAME:" and the traceback
  on stderr), not to the caller.  `join()` then only checks its
  arguments and `is_alive()` is False.

* Daemon threads (typically queue workers started before the queue is
  filled) and `Timer`s are put off instead: queued when started, and run,
  earliest due first, when some thread would otherwise block (`join()`,
  `is_alive()`, `Queue.get()`/`join()`, `Event.wait()`,
  `Condition.wait()`, acquiring a held lock, ...), the wait being checked
  again after each.  A timer sleeps out the rest of its interval before
  firing.  Non-daemon timers still pending at exit fire then (CPython
  joins non-daemon threads); daemon ones are dropped.

* A wait that nothing left can end raises RuntimeError("deadlock: ...
  would block forever ...") in the waiting thread instead of hanging; a
  put-off daemon thread stuck that way is "parked": unwound quietly and
  alive for ever after.  A timed wait nothing can end gives its timeout
  result at once.

Threads that take turns (bounded-queue ping-pong) cannot work: a thread
that has started cannot be paused.  `settrace`/`setprofile` are only
recorded; `stack_size` only remembers.  `threading.Lock` is the lock
class itself.
"""

import sys as _sys
import _thread
from time import monotonic as _time, sleep as _sleep
from collections import deque as _deque
from _thread import (get_ident, get_native_id, allocate_lock as _allocate_lock,
                     stack_size, TIMEOUT_MAX, _local as local)

__all__ = [
    'get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
    'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
    'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
    'ThreadError', 'ExceptHookArgs', 'setprofile', 'settrace', 'local',
    'stack_size', 'excepthook', 'get_native_id', 'getprofile', 'gettrace',
]

ThreadError = _thread.error
Lock = _thread.LockType
_CRLock = _thread.RLock
_HAVE_THREAD_NATIVE_ID = True

_hooks = {'profile': None, 'trace': None}


def RLock(*args, **kwargs):
    """A lock the holding thread may take again."""
    return _thread.RLock(*args, **kwargs)


def setprofile(func):
    """Remember a profile function for new threads (not installed)."""
    _hooks['profile'] = func


def getprofile():
    return _hooks['profile']


def settrace(func):
    """Remember a trace function for new threads (not installed)."""
    _hooks['trace'] = func


def gettrace():
    return _hooks['trace']


def _deprecated(old, new):
    import warnings
    warnings.warn(f"{old} is deprecated, {new} instead",
                  DeprecationWarning, stacklevel=3)


def _blocked(what):
    return _thread._blocked_forever(what)


# ---------------------------------------------------------------------------
# Put-off work: started daemon threads and timers waiting for their turn.

_pending = []   # Thread objects; each has its `_due` monotonic time


class _Parked(BaseException):
    """Unwinds a put-off daemon thread that would wait for ever."""


def _due_time(thread):
    return thread._due


def _pop_next(limit):
    # The pending thread due first, removed from the queue, if it is due
    # by `limit` (None: no limit).
    if not _pending:
        return None
    soonest = min(_pending, key=_due_time)
    if limit is not None and soonest._due > limit:
        return None
    _pending.remove(soonest)
    return soonest


def _run_put_off(ready, timeout):
    """Run pending threads until ready() holds; with a timeout, only the
    ones due within it.  Returns whether ready() holds."""
    if ready():
        return True
    if not _pending:
        return False
    limit = None
    if timeout is not None:
        limit = _time() + (timeout if timeout > 0 else 0)
    thread = _pop_next(limit)
    while thread is not None:
        thread._run_put_off()
        if ready():
            return True
        thread = _pop_next(limit)
    return False


def _forever(message):
    me = _active.get(_thread._current_ident)
    if me is None or not me._parkable:
        return RuntimeError(message)
    return _Parked()


_thread._wait_hook = _run_put_off
_thread._forever_hook = _forever


def _shutdown():
    # At exit, fire the non-daemon timers still pending, as CPython waits
    # for non-daemon threads; drop the daemon ones.
    while True:
        waiting = [t for t in _pending if not t._daemonic]
        if not waiting:
            break
        first = min(waiting, key=_due_time)
        _pending.remove(first)
        first._run_put_off()
    del _pending[:]


# ---------------------------------------------------------------------------
# Threads.

_active = {}      # ident -> Thread, for each live thread
_counter = 0


def _newname(name_template):
    global _counter
    _counter = _counter + 1
    return name_template % _counter


_NOT_INIT = "Thread.__init__() not called"


class Thread:
    """A thread of control: give a target or override run().  krait runs
    it when started (daemon threads: when something waits for them)."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name = f"{name} ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self._ident = self._native_id = None
        self._started = Event()
        self._is_stopped = False
        self._parkable = False
        self._due = 0.0
        self._stderr = _sys.stderr
        self._initialized = True

    def __repr__(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() was not called")
        if self._is_stopped:
            words = ["stopped"]
        elif self._started._flag:
            words = ["started"]
        else:
            words = ["initial"]
        if self._daemonic:
            words.append("daemon")
        if self._ident is not None:
            words.append(str(self._ident))
        return f"<{type(self).__name__}({self._name}, {' '.join(words)})>"

    def start(self):
        """Start the thread (krait: run it now, or queue a daemon thread
        or a timer)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        started = self._started
        if started._flag:
            raise RuntimeError("threads can only be started once")
        ident = _thread._new_ident()
        self._ident = ident
        self._native_id = _thread._native_base() + (ident - _thread._MAIN_IDENT)
        _active[ident] = self
        started._flag = True
        is_timer = isinstance(self, Timer)
        if is_timer or self._daemonic:
            self._due = _time() + (self.interval if is_timer else 0)
            _pending.append(self)
        else:
            self._bootstrap_inner()

    def _run_put_off(self):
        left = self._due - _time()
        if left > 0:
            _sleep(left)
        self._parkable = self._daemonic
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        ident = self._ident
        outer = _thread._switch_ident(ident)
        _thread._running_count += 1
        ended = True
        try:
            self.run()
        except _Parked:
            ended = False
        except KeyboardInterrupt:
            # Ctrl-C is the main thread's: here that is the caller.
            self._stop(ident)
            raise
        except BaseException:
            _invoke_excepthook(self)
        finally:
            _thread._running_count -= 1
            _thread._switch_ident(outer)
        if ended:
            self._stop(ident)

    def _stop(self, ident):
        if self._is_stopped:
            return
        self._is_stopped = True
        _active.pop(ident, None)
        _thread._forget_thread(ident)

    def run(self):
        """The thread's work: the target called with its arguments."""
        fn = self._target
        try:
            if fn is not None:
                fn(*self._args, **self._kwargs)
        finally:
            # A target that refers to the thread would make a cycle.
            fn = None
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        """Wait (at most `timeout` seconds) for the thread to end."""
        if not self._initialized:
            raise RuntimeError(_NOT_INIT)
        if not self._started._flag:
            raise RuntimeError("cannot join thread before it is started")
        if current_thread() is self:
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is not None:
            timeout = max(timeout, 0)
        if not _run_put_off(self._has_stopped, timeout) and timeout is None:
            raise _blocked(f"joining thread {self._name!r}")

    def _has_stopped(self):
        return self._is_stopped

    def is_alive(self):
        """Started and not ended yet.  Asking lets a due daemon thread run,
        so polling loops finish."""
        if not self._initialized:
            raise AssertionError(_NOT_INIT)
        if self._due <= _time() and self in _pending:
            _run_put_off(self._has_stopped, 0)
        return self._started._flag and not self._is_stopped

    def _checked(self):
        if not self._initialized:
            raise AssertionError(_NOT_INIT)
        return self

    name = property(lambda self: self._checked()._name)

    @name.setter
    def name(self, name):
        self._checked()._name = str(name)

    ident = property(lambda self: self._checked()._ident)
    native_id = property(lambda self: self._checked()._native_id)

    @property
    def daemon(self):
        return self._checked()._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError(_NOT_INIT)
        if self._started._flag:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _deprecated("isDaemon()", "get the daemon attribute")
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated("setDaemon()", "set the daemon attribute")
        self.daemon = daemonic

    def getName(self):
        _deprecated("getName()", "get the name attribute")
        return self.name

    def setName(self, name):
        _deprecated("setName()", "set the name attribute")
        self.name = name


class _MainThread(Thread):

    def __init__(self):
        super().__init__(name="MainThread", daemon=False)
        self._started._flag = True
        ident = self._ident = _thread._MAIN_IDENT
        self._native_id = _thread._native_base()
        _active[ident] = self


class _DummyThread(Thread):
    """Stands for a thread that `_thread.start_new_thread` started."""

    def __init__(self):
        super().__init__(name=_newname("Dummy-%d"), daemon=True)
        self._started._flag = True
        ident = self._ident = get_ident()
        self._native_id = get_native_id()
        _active[ident] = self

    def is_alive(self):
        assert self._started._flag and not self._is_stopped
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the running code."""
    me = _active.get(_thread._current_ident)
    return _DummyThread() if me is None else me


def currentThread():
    _deprecated("currentThread()", "use current_thread()")
    return current_thread()


def main_thread():
    """The thread the program started in."""
    return _main_thread


def active_count():
    """The number of live threads."""
    return len(_active)


def activeCount():
    _deprecated("activeCount()", "use active_count()")
    return active_count()


def enumerate():
    """The live threads, main thread first."""
    return [*_active.values()]


_enumerate = enumerate


# ---------------------------------------------------------------------------
# Exceptions that end threads.

class _ExceptHookArgs(tuple):
    """The argument of threading.excepthook: (exc_type, exc_value,
    exc_traceback, thread)."""

    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, sequence):
        items = tuple(sequence)
        if len(items) != 4:
            raise TypeError(f"_thread._ExceptHookArgs() takes a 4-sequence "
                            f"({len(items)}-sequence given)")
        return tuple.__new__(cls, items)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        fields = ", ".join(f"{key}={value!r}" for key, value in zip(
            ("exc_type", "exc_value", "exc_traceback", "thread"), self))
        return f"_thread._ExceptHookArgs({fields})"

    def __reduce__(self):
        return type(self), (tuple(self),)


_ExceptHookArgs.__module__ = "_thread"
ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Print "Exception in thread NAME:" and the traceback on stderr
    (nothing for SystemExit)."""
    kind = args.exc_type
    if kind == SystemExit:
        return
    who = args.thread
    out = _sys.stderr
    if out is None:
        out = None if who is None else getattr(who, "_stderr", None)
        if out is None:
            return
    label = get_ident() if who is None else who.name
    import traceback
    print(f"Exception in thread {label}:", file=out, flush=True)
    traceback.print_exception(kind, args.exc_value, args.exc_traceback,
                              file=out)
    out.flush()


__excepthook__ = excepthook

# CPython reports a failing threading.excepthook through the
# sys.excepthook of the time threading was imported.
_sys_excepthook = _sys.excepthook or _sys.__excepthook__


def _invoke_excepthook(thread):
    # Hand the exception being handled to threading.excepthook.
    info = ExceptHookArgs((*_sys.exc_info(), thread))
    hook = excepthook
    if hook is None:
        hook = __excepthook__
    try:
        hook(info)
    except Exception as failure:
        failure.__suppress_context__ = True
        out = _sys.stderr
        if out is None:
            out = thread._stderr
        if out is not None:
            print("Exception in threading.excepthook:", file=out, flush=True)
        _sys_excepthook(*_sys.exc_info())
    finally:
        info = None


# ---------------------------------------------------------------------------
# Synchronization.

class Condition:
    """A condition variable over a lock (a new RLock by default)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire, self.release = lock.acquire, lock.release
        # Use the lock's own save/restore/ownership test when it has them.
        for hook in ("_release_save", "_acquire_restore", "_is_owned"):
            own = getattr(lock, hook, None)
            if own is not None:
                setattr(self, hook, own)
        self._waiters = _deque()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc_info):
        return self._lock.__exit__(*exc_info)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, saved):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock: owned (by somebody) when it cannot be taken.
        lk = self._lock
        if not lk.acquire(False):
            return True
        lk.release()
        return False

    def wait(self, timeout=None):
        """Release the lock, wait for a notify (at most `timeout` seconds),
        retake the lock.  False when it timed out."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        slot = [False]            # notify() sets it
        self._waiters.append(slot)
        saved = self._release_save()
        try:
            woken = _run_put_off(lambda: slot[0], timeout)
        finally:
            self._acquire_restore(saved)
            if not slot[0]:
                queue = self._waiters
                for at in range(len(queue)):
                    if queue[at] is slot:
                        del queue[at]
                        break
        if timeout is None and not woken:
            raise _blocked("Condition.wait()")
        return woken

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true, at most `timeout` seconds;
        return predicate()'s last value."""
        outcome = predicate()
        deadline = None
        left = timeout
        while not outcome:
            if left is not None:
                if deadline is None:
                    deadline = _time() + left
                else:
                    left = deadline - _time()
                    if left <= 0:
                        break
            woken = self.wait(left)
            outcome = predicate()
            if not woken:
                break
        return outcome

    def notify(self, n=1):
        """Wake at most n waiting threads."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        queue = self._waiters
        if queue:
            left = n
            while queue and left > 0:
                queue.popleft()[0] = True
                left -= 1

    def notify_all(self):
        """Wake every waiting thread."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated("notifyAll()", "use notify_all()")
        self.notify_all()


def _where(obj):
    cls = type(obj)
    return f"<{cls.__module__}.{cls.__qualname__} at {id(obj):#x}"


class Semaphore:
    """A counter: acquire() takes one (waiting while it is 0), release()
    gives back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def __repr__(self):
        return f"{_where(self)}: value={self._value}>"

    def _has_value(self):
        return self._value > 0

    def acquire(self, blocking=True, timeout=None):
        if timeout is not None and not blocking:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value <= 0:
            if not blocking:
                return False
            if not _run_put_off(self._has_value, timeout):
                if timeout is None:
                    raise _blocked("Semaphore.acquire() at value 0")
                return False
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def __exit__(self, exc_type, exc_value, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that cannot go above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        return f"{_where(self)}: value={self._value}/{self._initial_value}>"

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        raised = self._value + n
        if raised > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value = raised


class Event:
    """A flag: set() raises it, clear() lowers it, wait() waits for it."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        return f"{_where(self)}: {'set' if self._flag else 'unset'}>"

    def _at_fork_reinit(self):
        self._flag = False

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated("isSet()", "use is_set()")
        return self._flag

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        """Wait (at most `timeout` seconds) for the flag; return it."""
        if self._flag or _run_put_off(self.is_set, timeout):
            return True
        if timeout is None:
            raise _blocked("Event.wait() on an unset event")
        return False


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """`parties` threads wait for one another; the last to arrive runs
    the action and releases them all."""

    def __init__(self, parties, action=None, timeout=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._broken = False
        # One cell per round: None while filling, True once tripped, False
        # when broken or reset.
        self._round = [None]

    def __repr__(self):
        if self._broken:
            return f"{_where(self)}: broken>"
        return f"{_where(self)}: waiters={self.n_waiting}/{self.parties}>"

    def _new_round(self, outcome):
        self._round[0] = outcome
        self._round = [None]
        self._count = 0

    def wait(self, timeout=None):
        """Wait for all parties; return this arrival's index."""
        if self._broken:
            raise BrokenBarrierError
        if timeout is None:
            timeout = self._timeout
        cell = self._round
        index = self._count
        self._count = index + 1
        if self._count == self._parties:
            action = self._action
            if action:
                try:
                    action()
                except BaseException:
                    self._break()
                    raise
            self._new_round(True)
            return index
        if _run_put_off(lambda: cell[0] is not None, timeout):
            if cell[0]:
                return index
            raise BrokenBarrierError
        if timeout is None:
            self._count -= 1
            raise _blocked(f"Barrier.wait() with {index + 1} of "
                           f"{self._parties} parties")
        self._break()
        raise BrokenBarrierError

    def _break(self):
        self._broken = True
        self._new_round(False)

    def reset(self):
        """Back to empty; waiting threads get BrokenBarrierError."""
        if self._count:
            self._new_round(False)
        self._count = 0
        self._broken = False

    def abort(self):
        """Break the barrier for current and later waiters."""
        self._break()

    parties = property(lambda self: self._parties)
    n_waiting = property(lambda self: self._count)
    broken = property(lambda self: self._broken)


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds unless
    cancelled first; krait fires it when a wait or the program's end
    gets to it."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        """Stop the timer unless it fired already."""
        self.finished.set()
        if self in _pending:
            _pending.remove(self)
            self._stop(self._ident)

    def run(self):
        # A started timer is run once its interval is over; calling run()
        # directly waits the interval first, as CPython does.
        done = self.finished
        done.wait(0 if self._started._flag else self.interval)
        if not done.is_set():
            self.function(*self.args, **self.kwargs)
        done.set()


_main_thread = _MainThread()

import atexit as _atexit
_atexit.register(_shutdown)
del _atexit
