"""Low-level threading primitives (CPython's `_thread`), for a VM that
runs Python code in one thread.

krait has no OS threads for Python code. `start_new_thread` runs the
function to completion at once, in the caller, under a new thread
identity; the locks are plain flags. A wait that could only end if some
other thread acted would block forever in CPython; here it first lets
`threading` run the work it has put off (daemon threads and timers, see
that module's docstring) and, if that does not end the wait either,
raises RuntimeError("deadlock: ...") instead of hanging. A wait with a
timeout that nothing can end returns False at once rather than sleeping
the timeout out: the outcome is the same, only sooner.

This module also holds what `threading` builds on: the running thread's
identity, thread-local data (`_local`) and the hooks through which
`threading` runs put-off work. Left out: `interrupt_main`, `_set_sentinel`.
"""

import sys
import weakref
from operator import index as _index

error = RuntimeError
TIMEOUT_MAX = 9223372036.0

_MAIN_IDENT = 1
# The identity of the thread whose code is running now; `threading`
# switches it while it runs a thread.
_current_ident = _MAIN_IDENT
_last_ident = _MAIN_IDENT
_running_count = 0
_stack_size = 0

# Installed by `threading`: wait_hook(ready, timeout) runs put-off work
# until ready() is true and returns ready(); forever_hook(message) is the
# exception to raise when the running thread would wait forever.
_wait_hook = None
_forever_hook = None


def _new_ident():
    global _last_ident
    _last_ident += 1
    return _last_ident


def _switch_ident(ident):
    """Make `ident` the running thread; return the one it replaces."""
    global _current_ident
    previous = _current_ident
    _current_ident = ident
    if ident != previous and _classes_awaiting_hooks is not None:
        _hook_waiting_classes()
    if _local_states:
        _install_locals(ident)
    return previous


def _wait(ready, timeout):
    """Whether ready() holds once every put-off thread that could make it
    hold (within `timeout` seconds; None for no limit) has run."""
    if _wait_hook is None:
        return ready()
    return _wait_hook(ready, timeout)


def _blocked_forever(what):
    """The exception for a wait nothing can end: `what` would block."""
    message = ("deadlock: %s would block forever (krait runs Python code in "
               "one thread, so no other thread can end the wait)" % what)
    if _forever_hook is not None:
        return _forever_hook(message)
    return RuntimeError(message)


def _check_lock_timeout(blocking, timeout):
    """CPython's checks of a lock's acquire(blocking, timeout) arguments;
    the timeout in seconds, or None for no limit."""
    if timeout == -1:
        return None
    # First the conversion to nanoseconds in a signed 64-bit count.
    if isinstance(timeout, float):
        if timeout != timeout:
            raise ValueError("Invalid value NaN (not a number)")
        if not -9.223372036854775808e18 <= timeout * 1e9 < 9.223372036854775808e18:
            raise OverflowError("timestamp out of range for platform time_t")
    elif not -(1 << 63) <= _index(timeout) * 1_000_000_000 < (1 << 63):
        raise OverflowError("timestamp too large to convert to C _PyTime_t")
    if not blocking:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0:
        raise ValueError("timeout value must be positive")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")
    return timeout


def get_ident():
    """The running thread's identifier: a nonzero integer."""
    return _current_ident


def get_native_id():
    """The running thread's native (operating-system style) id: the
    process id for the main thread, counting up for the others."""
    return _native_base() + _current_ident - _MAIN_IDENT


_process_id = None


def _native_base():
    global _process_id
    if _process_id is None:
        try:
            import os
            _process_id = os.getpid()
        except (ImportError, AttributeError):
            _process_id = _MAIN_IDENT
    return _process_id


def _count():
    """How many threads started by this module are running."""
    return _running_count


def stack_size(size=0):
    """The stack size for new threads (0: the default); set it when `size`
    is given. krait only records it."""
    global _stack_size
    if size != 0:
        if size < 0:
            raise ValueError("size must be 0 or a positive value")
        if size < 32768:
            raise ValueError("size not valid: %d bytes" % size)
    previous = _stack_size
    _stack_size = size
    return previous


def exit():
    """End the running thread (raise SystemExit)."""
    raise SystemExit


exit_thread = exit


class lock:
    """A lock: held by at most one thread at a time; any thread may
    release it."""

    __slots__ = ("_locked", "__weakref__")

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if timeout == -1 and not self._locked:
            self._locked = True
            return True
        timeout = _check_lock_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if _wait(self._is_free, timeout):
            self._locked = True
            return True
        if timeout is None:
            raise _blocked_forever("acquiring a held Lock")
        return False

    def _is_free(self):
        return not self._locked

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    # `with` is the common use: its free-lock path is inlined.
    def __enter__(self):
        if not self._locked:
            self._locked = True
            return True
        return self.acquire()

    def __exit__(self, exc_type, exc_value, traceback):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def _at_fork_reinit(self):
        self._locked = False

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        return "<%s _thread.lock object at %#x>" % (
            "locked" if self._locked else "unlocked", id(self))


LockType = lock


def allocate_lock():
    """A new lock, unlocked."""
    return lock()


allocate = allocate_lock


class RLock:
    """A re-entrant lock: the thread holding it may acquire it again, and
    must release it as many times."""

    __slots__ = ("_owner", "_count", "__weakref__")

    def __init__(self):
        self._owner = 0
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _current_ident
        if timeout == -1:
            if self._count == 0:
                self._owner = me
                self._count = 1
                return True
            if self._owner == me:
                self._count += 1
                return True
        timeout = _check_lock_timeout(blocking, timeout)
        if self._owner == me and self._count:
            self._count += 1
            return True
        if self._count == 0 or (blocking and _wait(self._is_free, timeout)):
            self._owner = me
            self._count = 1
            return True
        if blocking and timeout is None:
            raise _blocked_forever("acquiring an RLock held by another thread")
        return False

    def _is_free(self):
        return self._count == 0

    def release(self):
        if self._count == 0 or self._owner != _current_ident:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = 0

    def __enter__(self):
        if self._count == 0:
            self._owner = _current_ident
            self._count = 1
            return True
        return self.acquire()

    def __exit__(self, exc_type, exc_value, traceback):
        self.release()

    def _recursion_count(self):
        return self._count if self._owner == _current_ident else 0

    # What threading.Condition uses to release the lock fully around a wait.
    def _is_owned(self):
        return self._count > 0 and self._owner == _current_ident

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        return state

    def _acquire_restore(self, state):
        if self._count and not _wait(self._is_free, None):
            raise _blocked_forever("acquiring an RLock held by another thread")
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner = 0
        self._count = 0

    def __repr__(self):
        return "<%s _thread.RLock object owner=%d count=%d at %#x>" % (
            "locked" if self._count else "unlocked", self._owner, self._count,
            id(self))


def start_new_thread(function, args, kwargs=None, /):
    """Run function(*args, **kwargs) as a new thread and return its
    identifier. krait runs it to completion before returning."""
    global _running_count
    if type(args) is not tuple and not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is None:
        kwargs = {}
    elif not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    if not callable(function):
        raise TypeError("first arg must be callable")
    ident = _new_ident()
    previous = _switch_ident(ident)
    _running_count += 1
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        _report_unraisable(function, exc)
    finally:
        _running_count -= 1
        _switch_ident(previous)
        _forget_thread(ident)
    return ident


start_new = start_new_thread


def _report_unraisable(function, exc):
    import traceback
    stream = sys.stderr
    if stream is None:
        return
    print("Exception ignored in thread started by: %r" % (function,), file=stream)
    traceback.print_exception(type(exc), exc, exc.__traceback__, file=stream)
    stream.flush()


# Thread-local data. Each `_local` keeps one attribute dict per thread and
# its __dict__ is the running thread's: switching threads installs them
# all, so attribute lookups are the ordinary ones. Only a subclass with an
# __init__ (which must run again in each thread that touches the object)
# gets attribute hooks, to notice a thread's first touch.

_local_states = {}  # id(local object) -> _LocalState


class _LocalState:
    __slots__ = ("dicts", "ident", "args", "kwargs", "ref", "has_init")


def _install_locals(ident):
    for state in list(_local_states.values()):
        obj = state.ref()
        if obj is None:
            continue
        attrs = state.dicts.get(ident)
        if attrs is None:
            if state.has_init:
                # The hooks make the dict (and run __init__) on first touch.
                state.ident = None
                continue
            attrs = state.dicts[ident] = {}
        object.__setattr__(obj, "__dict__", attrs)
        state.ident = ident


def _forget_thread(ident):
    """Drop an ended thread's thread-local data."""
    for state in _local_states.values():
        if ident in state.dicts:
            del state.dicts[ident]
            if state.ident == ident:
                state.ident = None


def _has_own_init(cls):
    # Not `cls.__init__ is object.__init__`: krait makes a new method
    # object on each lookup of object.__init__.
    for klass in cls.__mro__:
        if klass is not object and "__init__" in klass.__dict__:
            return True
    return False


def _local_enter(self, state):
    """Give local object `self` the running thread's attribute dict, made
    by the class's __init__ the first time a thread touches it."""
    ident = _current_ident
    attrs = state.dicts.get(ident)
    fresh = attrs is None
    if fresh:
        attrs = state.dicts[ident] = {}
    object.__setattr__(self, "__dict__", attrs)
    state.ident = ident
    if fresh:
        type(self).__init__(self, *state.args, **state.kwargs)


def _dict_read_only(self):
    return AttributeError("%r object attribute '__dict__' is read-only"
                          % type(self).__name__)


def _install_hooks(cls):
    cls.__getattribute__ = _hooked_getattribute
    cls.__setattr__ = _hooked_setattr
    cls.__delattr__ = _hooked_delattr


# The subclasses with an __init__ of their own, until a second thread
# first runs: their attribute hooks (which find the running thread's dict,
# running __init__ in a thread's first touch) are installed then, so that
# a program that never starts a thread reads its locals' attributes
# plainly. None once installed.
_classes_awaiting_hooks = []


def _hook_waiting_classes():
    global _classes_awaiting_hooks
    waiting, _classes_awaiting_hooks = _classes_awaiting_hooks, None
    for ref in waiting:
        cls = ref()
        if cls is not None:
            _install_hooks(cls)


def _hooked_getattribute(self, name):
    state = _local_states[id(self)]
    if state.ident != _current_ident:
        _local_enter(self, state)
    return object.__getattribute__(self, name)


def _hooked_setattr(self, name, value):
    if name == "__dict__":
        raise _dict_read_only(self)
    state = _local_states[id(self)]
    if state.ident != _current_ident:
        _local_enter(self, state)
    object.__setattr__(self, name, value)


def _hooked_delattr(self, name):
    if name == "__dict__":
        raise _dict_read_only(self)
    state = _local_states[id(self)]
    if state.ident != _current_ident:
        _local_enter(self, state)
    object.__delattr__(self, name)


class _local:
    """Thread-local data: each thread sees its own attributes. A subclass's
    __init__ runs again, with the same arguments, in each thread that
    touches the object."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if _has_own_init(cls):
            if _classes_awaiting_hooks is None:
                _install_hooks(cls)
            else:
                _classes_awaiting_hooks.append(weakref.ref(cls))

    def __new__(cls, /, *args, **kwargs):
        has_init = _has_own_init(cls)
        if (args or kwargs) and not has_init:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        state = _LocalState()
        state.args = args
        state.kwargs = kwargs
        state.has_init = has_init
        state.ident = _current_ident
        state.dicts = {_current_ident: object.__getattribute__(self, "__dict__")}
        key = id(self)

        def forget(ref, key=key):
            # The id may be reused by then: only drop our own entry.
            entry = _local_states.get(key)
            if entry is not None and entry.ref is ref:
                del _local_states[key]

        state.ref = weakref.ref(self, forget)
        _local_states[key] = state
        return self


for _cls in (lock, RLock, _local):
    _cls.__module__ = "_thread"
del _cls
