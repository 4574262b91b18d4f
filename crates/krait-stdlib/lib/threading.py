"""Threads, locks, conditions, events and friends (CPython 3.11's
`threading`), for a VM that runs Python code in one thread.

krait has no OS threads for Python code, so this module models threads as
calls, the way a single-core machine that never preempts would run them:

* `Thread.start()` runs the thread (its `run()`) to completion at once,
  in the caller, under the thread's own identity: `current_thread()`,
  `get_ident()` and thread-local data are the thread's while it runs, and
  an exception that ends it goes to `threading.excepthook` (which prints
  "Exception in thread NAME:" and the traceback to stderr) instead of
  reaching the caller. This is exact for threads that do not wait on one
  another: CPython also lets a short new thread run before the starter
  resumes. `join()` then only checks its arguments; `is_alive()` is False.

* Work that is meant to wait is put off instead: a daemon thread (usually
  a worker looping on a queue, started before the queue is filled) and a
  `Timer` (which must stay cancellable until its interval is over) are
  queued when started. They run, earliest first, when some thread would
  otherwise block - a `join()`, `is_alive()`, `Queue.get()`/`join()`,
  `Event.wait()`, `Condition.wait()`, a held lock's `acquire()`... - and
  the wait is checked again after each. A timer sleeps out what is left of
  its interval before it fires; non-daemon timers still pending when the
  program ends fire then (CPython joins non-daemon threads at exit);
  daemon ones are dropped, as CPython kills them.

* A wait that nothing left can end would hang CPython forever. krait must
  not hang, so it raises RuntimeError("deadlock: ... would block forever
  ...") in the waiting thread. A put-off daemon thread that gets stuck
  that way is "parked" instead - unwound quietly, and alive for ever after,
  which is all a program can see of a daemon blocked for good. A wait with
  a timeout that nothing can end returns its timeout result (False, Empty,
  BrokenBarrierError...) at once: same outcome as CPython, without the
  sleep.

So threads that wait on each other work when the waited-for thread is a
put-off one (a daemon worker fed after it starts, a timer); a non-daemon
thread started before what it waits for gets the deadlock error, and
threads that take turns (a consumer of a bounded queue, two threads
passing a token back and forth) cannot work: a thread that has started
running cannot be paused to let another go on.
`settrace`/`setprofile` are only recorded; `stack_size` only remembers.
`threading.Lock` is the lock class itself rather than a factory function.
"""

import sys as _sys
import _thread
from time import monotonic as _time, sleep as _sleep
from collections import deque as _deque
from _thread import (get_ident, get_native_id, allocate_lock as _allocate_lock,
                     stack_size, TIMEOUT_MAX, _local as local)

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

ThreadError = _thread.error
Lock = _thread.LockType
_CRLock = _thread.RLock
_HAVE_THREAD_NATIVE_ID = True

_profile_hook = None
_trace_hook = None


def RLock(*args, **kwargs):
    """A re-entrant lock: the thread holding it may acquire it again."""
    return _CRLock(*args, **kwargs)


def setprofile(func):
    """Record a profile function for threads started from now on (krait
    keeps it but does not install it)."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def settrace(func):
    """Record a trace function for threads started from now on (krait
    keeps it but does not install it)."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def _deprecated(old, new):
    import warnings
    warnings.warn("%s is deprecated, %s instead" % (old, new),
                  DeprecationWarning, stacklevel=3)


# --- Put-off work: daemon threads and timers waiting for their turn.

_pending = []  # started Threads not run yet; each has a _due time


class _Parked(BaseException):
    """Unwinds a put-off daemon thread that would wait forever."""


def _take_due(limit):
    """Remove and return the pending thread due first, if it is due by
    `limit` (None: any)."""
    if not _pending:
        return None
    first = min(_pending, key=_due_time)
    if limit is not None and first._due > limit:
        return None
    _pending.remove(first)
    return first


def _due_time(thread):
    return thread._due


def _run_put_off(ready, timeout):
    """The wait hook: run pending threads until ready() is true; only
    those due within `timeout` seconds when there is a timeout."""
    if ready():
        return True
    if not _pending:
        return False
    limit = None if timeout is None else _time() + max(timeout, 0)
    while True:
        thread = _take_due(limit)
        if thread is None:
            return False
        thread._run_put_off()
        if ready():
            return True


def _forever(message):
    """The exception that ends a wait nothing can end."""
    thread = _active.get(_thread._current_ident)
    if thread is not None and thread._parkable:
        return _Parked()
    return RuntimeError(message)


_thread._wait_hook = _run_put_off
_thread._forever_hook = _forever


def _shutdown():
    """At exit: fire the non-daemon timers still pending (CPython waits for
    non-daemon threads); daemon ones are dropped."""
    while True:
        live = [thread for thread in _pending if not thread._daemonic]
        if not live:
            break
        thread = min(live, key=_due_time)
        _pending.remove(thread)
        thread._run_put_off()
    _pending.clear()


# --- Threads.

_active = {}  # ident -> Thread, for every thread alive (main included)
_counter = 0


def _newname(name_template):
    global _counter
    _counter += 1
    return name_template % _counter


class Thread:
    """A thread of control: override run() in a subclass or pass a target.
    krait runs it to completion when it is started (daemon threads: when
    something waits for them), see the module docstring."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._is_stopped = False
        self._parkable = False
        self._due = 0.0
        self._initialized = True
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started._flag:
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread: krait runs it now, or queues it when it is a
        daemon thread or a timer."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started._flag:
            raise RuntimeError("threads can only be started once")
        self._ident = ident = _thread._new_ident()
        self._native_id = _thread._native_base() + ident - _thread._MAIN_IDENT
        self._started._flag = True
        _active[ident] = self
        if self._daemonic or isinstance(self, Timer):
            self._due = _time() + (self.interval if isinstance(self, Timer) else 0)
            _pending.append(self)
        else:
            self._bootstrap_inner()

    def _run_put_off(self):
        delay = self._due - _time()
        if delay > 0:
            _sleep(delay)
        self._parkable = self._daemonic
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        ident = self._ident
        previous = _thread._switch_ident(ident)
        _thread._running_count += 1
        parked = False
        try:
            self.run()
        except _Parked:
            parked = True
        except KeyboardInterrupt:
            # Ctrl-C belongs to the main thread, which is the caller here.
            self._stop(ident)
            raise
        except BaseException:
            _invoke_excepthook(self)
        finally:
            _thread._running_count -= 1
            _thread._switch_ident(previous)
        if not parked:
            self._stop(ident)

    def _stop(self, ident):
        if not self._is_stopped:
            self._is_stopped = True
            _active.pop(ident, None)
            _thread._forget_thread(ident)

    def run(self):
        """The thread's work: calls the target with its arguments."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break the reference cycles a target holding the thread makes.
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        """Wait until the thread ends (at most `timeout` seconds)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started._flag:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is not None and timeout < 0:
            timeout = 0
        if not _run_put_off(self._has_stopped, timeout) and timeout is None:
            raise _thread._blocked_forever("joining thread %r" % self._name)

    def _has_stopped(self):
        return self._is_stopped

    def is_alive(self):
        """Whether the thread has started and not ended. Asking lets a
        pending daemon thread run, so polling loops end."""
        assert self._initialized, "Thread.__init__() not called"
        if self in _pending and self._due <= _time():
            _run_put_off(self._has_stopped, 0)
        return self._started._flag and not self._is_stopped

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
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
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started._flag = True
        self._ident = _thread._MAIN_IDENT
        self._native_id = _thread._native_base()
        _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread `_thread.start_new_thread` started."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started._flag = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        _active[self._ident] = self

    def is_alive(self):
        assert not self._is_stopped and self._started._flag
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    """The Thread object of the code that is running."""
    try:
        return _active[_thread._current_ident]
    except KeyError:
        return _DummyThread()


def currentThread():
    _deprecated("currentThread()", "use current_thread()")
    return current_thread()


def main_thread():
    """The main thread: the one the program started in."""
    return _main_thread


def active_count():
    """How many threads are alive (started and not ended)."""
    return len(_active)


def activeCount():
    _deprecated("activeCount()", "use active_count()")
    return active_count()


def _enumerate():
    return list(_active.values())


def enumerate():
    """The threads that are alive, the main thread first."""
    return list(_active.values())


# --- Uncaught exceptions in threads.

class _ExceptHookArgs(tuple):
    """What threading.excepthook gets: exc_type, exc_value, exc_traceback
    and thread."""

    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, sequence):
        sequence = tuple(sequence)
        if len(sequence) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence "
                            "(%d-sequence given)" % len(sequence))
        return tuple.__new__(cls, sequence)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, "
                "exc_traceback=%r, thread=%r)" % tuple(self))

    def __reduce__(self):
        return (type(self), (tuple(self),))


_ExceptHookArgs.__module__ = "_thread"
ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Report an exception that ended a thread: "Exception in thread NAME:"
    and the traceback, on stderr (SystemExit is silent)."""
    if args.exc_type == SystemExit:
        return
    stream = _sys.stderr
    if stream is None:
        thread = args.thread
        stream = getattr(thread, "_stderr", None) if thread is not None else None
        if stream is None:
            return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    import traceback
    print("Exception in thread %s:" % name, file=stream, flush=True)
    traceback.print_exception(args.exc_type, args.exc_value,
                              args.exc_traceback, file=stream)
    stream.flush()


__excepthook__ = excepthook


_sys_excepthook = _sys.excepthook if _sys.excepthook is not None else _sys.__excepthook__


def _invoke_excepthook(thread):
    """Hand the exception being handled to threading.excepthook; if the
    hook itself fails, sys.excepthook reports that."""
    hook_args = ExceptHookArgs(_sys.exc_info() + (thread,))
    hook = excepthook if excepthook is not None else __excepthook__
    try:
        hook(hook_args)
    except Exception as exc:
        exc.__suppress_context__ = True
        stream = _sys.stderr if _sys.stderr is not None else thread._stderr
        if stream is not None:
            print("Exception in threading.excepthook:", file=stream, flush=True)
        # CPython reports it with the sys.excepthook of when threading
        # was imported.
        _sys_excepthook(*_sys.exc_info())
    finally:
        hook_args = None


# --- Synchronization.

class Condition:
    """A condition variable: threads wait on it until notified, holding
    its lock (an RLock unless one is given) around the wait."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        if hasattr(lock, "_release_save"):
            self._release_save = lock._release_save
        if hasattr(lock, "_acquire_restore"):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, "_is_owned"):
            self._is_owned = lock._is_owned
        self._waiters = _deque()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, wait until notified (or `timeout` seconds
        pass), take the lock back; False if it timed out."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = [False]  # set to True by notify()
        self._waiters.append(waiter)
        saved = self._release_save()
        try:
            notified = _run_put_off(lambda: waiter[0], timeout)
        finally:
            self._acquire_restore(saved)
            if not waiter[0]:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass
        if not notified and timeout is None:
            raise _thread._blocked_forever("Condition.wait()")
        return notified

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true (at most `timeout` seconds);
        return its last value."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            notified = self.wait(waittime)
            result = predicate()
            if not notified:
                break
        return result

    def notify(self, n=1):
        """Wake up at most n of the threads waiting."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiters.popleft()[0] = True
            n -= 1

    def notify_all(self):
        """Wake up every thread waiting."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated("notifyAll()", "use notify_all()")
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements and release() increments;
    acquire() waits while it is 0."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%d>" % (cls.__module__, cls.__qualname__,
                                             id(self), self._value)

    def _has_value(self):
        return self._value > 0

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        if _run_put_off(self._has_value, timeout):
            self._value -= 1
            return True
        if timeout is None:
            raise _thread._blocked_forever("Semaphore.acquire() at value 0")
        return False

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that may not be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%d/%d>" % (
            cls.__module__, cls.__qualname__, id(self), self._value,
            self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Event:
    """A flag threads can wait for: set() raises it, clear() lowers it."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: %s>" % (cls.__module__, cls.__qualname__,
                                       id(self), "set" if self._flag else "unset")

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
        """Wait until the flag is set (at most `timeout` seconds); return
        the flag."""
        if self._flag:
            return True
        if _run_put_off(self.is_set, timeout):
            return True
        if timeout is None:
            raise _thread._blocked_forever("Event.wait() on an unset event")
        return False


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Makes `parties` threads wait for each other: the last to call
    wait() runs the action and lets them all go on."""

    def __init__(self, parties, action=None, timeout=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._broken = False
        # One list per round of waiting: [None] while filling, [True] once
        # it tripped, [False] if it was broken or reset.
        self._round = [None]

    def __repr__(self):
        cls = self.__class__
        if self._broken:
            return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__,
                                               id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (
            cls.__module__, cls.__qualname__, id(self), self.n_waiting,
            self.parties)

    def wait(self, timeout=None):
        """Wait until all parties are waiting; return this thread's
        arrival index (0 to parties - 1)."""
        if timeout is None:
            timeout = self._timeout
        if self._broken:
            raise BrokenBarrierError
        this_round = self._round
        index = self._count
        self._count += 1
        if self._count == self._parties:
            try:
                if self._action:
                    self._action()
            except BaseException:
                self._break()
                raise
            this_round[0] = True
            self._round = [None]
            self._count = 0
            return index
        if not _run_put_off(lambda: this_round[0] is not None, timeout):
            if timeout is None:
                self._count -= 1
                raise _thread._blocked_forever(
                    "Barrier.wait() with %d of %d parties" % (index + 1, self._parties))
            self._break()
            raise BrokenBarrierError
        if this_round[0]:
            return index
        raise BrokenBarrierError

    def _break(self):
        self._broken = True
        self._round[0] = False
        self._round = [None]
        self._count = 0

    def reset(self):
        """Back to the initial state; threads waiting get
        BrokenBarrierError."""
        if self._count:
            self._round[0] = False
            self._round = [None]
        self._count = 0
        self._broken = False

    def abort(self):
        """Break the barrier: waiting threads, and later ones, get
        BrokenBarrierError."""
        self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


class Timer(Thread):
    """Call a function after `interval` seconds, unless cancel() comes
    first. krait keeps a started timer pending until a wait or the end of
    the program lets it fire (see the module docstring)."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()
        if self in _pending:
            # Its thread would wake up, see `finished` and end.
            _pending.remove(self)
            self._stop(self._ident)

    def run(self):
        # Started timers run once their interval is over; a direct run()
        # call waits first, as CPython's does.
        self.finished.wait(0 if self._started._flag else self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_main_thread = _MainThread()

import atexit as _atexit
_atexit.register(_shutdown)
del _atexit
