"""The profiler with cProfile's interface (CPython's `cProfile`).

CPython's cProfile is the C extension _lsprof; krait's is Python code on
sys.setprofile that keeps the same statistics: per function, the number
of calls, how many of them were recursive, own ("inline") time and total
time, and the same for every caller/callee pair.  Statistics keys and
labels are cProfile's: (file, first line, name) for Python code and
('~', 0, "<built-in method builtins.len>") or
('~', 0, "<method 'append' of 'list' objects>") for built-ins, shown by
pstats in braces.  Profile has enable()/disable() (disable appears in the
statistics as "{method 'disable' of '_lsprof.Profiler' objects}", as in
CPython), getstats(), clear(), create_stats(), print_stats(),
dump_stats(), run(), runctx(), runcall() and works as a context manager;
module-level run() and runctx() print or dump the report.

Differences: being Python, the profiler costs more time per event than
CPython's; timer(s) given to Profile are called as in CPython (seconds,
or integer ticks times timeunit).  dump_stats writes with pickle, not
marshal (see pstats).  `python -m cProfile [-o FILE] [-s SORT] [-m MODULE | SCRIPT] [ARGS...]`
profiles a script or module as CPython's command line does.
"""

import sys
import time
import types

import profile as _pyprofile

__all__ = ["run", "runctx", "Profile"]


def run(statement, filename=None, sort=-1):
    """Profile exec(statement) in __main__ and print (or dump) the report."""
    return _pyprofile._Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Profile exec(statement, globals, locals); print or dump the report."""
    return _pyprofile._Utils(Profile).runctx(statement, globals, locals,
                                             filename, sort)


class profiler_entry(tuple):
    """One function's statistics as getstats() returns them."""

    __slots__ = ()
    n_fields = 6

    code = property(lambda self: self[0])
    callcount = property(lambda self: self[1])
    reccallcount = property(lambda self: self[2])
    totaltime = property(lambda self: self[3])
    inlinetime = property(lambda self: self[4])
    calls = property(lambda self: self[5])

    def __repr__(self):
        return ("_lsprof.profiler_entry(code=%r, callcount=%r, reccallcount=%r,"
                " totaltime=%r, inlinetime=%r, calls=%r)" % tuple(self))


class profiler_subentry(tuple):
    """The statistics of the calls from one function to another."""

    __slots__ = ()
    n_fields = 5

    code = property(lambda self: self[0])
    callcount = property(lambda self: self[1])
    reccallcount = property(lambda self: self[2])
    totaltime = property(lambda self: self[3])
    inlinetime = property(lambda self: self[4])

    def __repr__(self):
        return ("_lsprof.profiler_subentry(code=%r, callcount=%r,"
                " reccallcount=%r, totaltime=%r, inlinetime=%r)" % tuple(self))


class _Counts:
    """Running totals for a function or a caller/callee pair."""

    __slots__ = ("calls", "recursive_calls", "total_time", "inline_time",
                 "depth", "callees")

    def __init__(self, with_callees):
        self.calls = 0
        self.recursive_calls = 0
        self.total_time = 0
        self.inline_time = 0
        self.depth = 0   # calls open right now
        self.callees = {} if with_callees else None


def _builtin_label(function):
    """cProfile's name for a built-in function or method."""
    name = function.__name__
    owner = getattr(function, '__self__', None)
    if owner is not None and not isinstance(owner, types.ModuleType):
        # A method: name it after the descriptor on the owner's type.
        for klass in type(owner).__mro__:
            if name in klass.__dict__:
                return repr(klass.__dict__[name])
        return "<built-in method %s>" % name
    module = getattr(function, '__module__', None)
    if isinstance(owner, types.ModuleType):
        # (A module being made has no name yet: CPython's C profiler then
        # names it after its `m_module`, as here.)
        module = getattr(owner, '__name__', module)
    if isinstance(module, str):
        return "<built-in method %s.%s>" % (module, name)
    return "<built-in method %s>" % name


_DISABLE_LABEL = "<method 'disable' of '_lsprof.Profiler' objects>"


class Profile:
    """Profile(timer=None, timeunit=0.0, subcalls=True, builtins=True)"""

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        if timer is None:
            timer = time.perf_counter
            timeunit = 0.0
        self._timer = timer
        self._time_factor = timeunit if timeunit > 0.0 else 1.0
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._entries = {}   # code object or label -> _Counts
        self._stack = []     # open calls: [counts, pair counts, start, callees' time]
        self._enabled = False

    # Recording.

    def _now(self):
        return self._timer()

    def _enter(self, key):
        counts = self._entries.get(key)
        if counts is None:
            counts = self._entries[key] = _Counts(True)
        counts.depth += 1
        pair = None
        if self._subcalls and self._stack:
            caller = self._stack[-1][0]
            pair = caller.callees.get(key)
            if pair is None:
                pair = caller.callees[key] = _Counts(False)
            pair.depth += 1
        self._stack.append([counts, pair, self._now(), 0])

    def _leave(self):
        if not self._stack:
            return   # a call that began before the profiler was on
        counts, pair, start, callees_time = self._stack.pop()
        elapsed = self._now() - start
        own_time = elapsed - callees_time
        if self._stack:
            self._stack[-1][3] += elapsed
        for record in (counts, pair):
            if record is None:
                continue
            record.depth -= 1
            if record.depth == 0:
                record.total_time += elapsed
            else:
                record.recursive_calls += 1
            record.inline_time += own_time
            record.calls += 1

    def _dispatch(self, frame, event, arg):
        code = frame.f_code
        if code is _DISABLE_CODE:
            # disable() stands for the C method of CPython's profiler: it
            # is one call, and what it does itself is not profiled.
            if event == 'call' and self._builtins:
                self._enter(_DISABLE_LABEL)
            return
        if event == 'call':
            self._enter(code)
        elif event == 'return':
            self._leave()
        elif event == 'c_call':
            if self._builtins and isinstance(arg, types.BuiltinFunctionType):
                self._enter(_builtin_label(arg))
        elif event in ('c_return', 'c_exception'):
            if self._builtins and isinstance(arg, types.BuiltinFunctionType):
                self._leave()

    def enable(self, subcalls=-1, builtins=-1):
        """Start collecting statistics.

        subcalls and builtins switch the recording of caller/callee pairs
        and of built-in functions on (> 0) or off (0); left out (or
        negative) they keep what Profile() or the last enable() set.
        """
        if subcalls >= 0:
            self._subcalls = bool(subcalls)
        if builtins >= 0:
            self._builtins = bool(builtins)
        self._enabled = True
        sys.setprofile(self._dispatch)

    def disable(self):
        """Stop collecting statistics; calls still open end now."""
        if not self._enabled:
            return
        sys.setprofile(None)
        self._enabled = False
        while self._stack:
            self._leave()

    def clear(self):
        """Forget all statistics collected so far."""
        self._entries = {}
        self._stack = []

    def getstats(self):
        """The statistics as a list of profiler_entry (times in seconds)."""
        factor = self._time_factor
        entries = []
        for key, counts in self._entries.items():
            calls = [profiler_subentry((callee, pair.calls, pair.recursive_calls,
                                        pair.total_time * factor,
                                        pair.inline_time * factor))
                     for callee, pair in counts.callees.items()]
            entries.append(profiler_entry((key, counts.calls,
                                           counts.recursive_calls,
                                           counts.total_time * factor,
                                           counts.inline_time * factor,
                                           calls or None)))
        return entries

    # pstats support, the same as CPython's cProfile.Profile.

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        import pickle
        with open(file, 'wb') as f:
            self.create_stats()
            pickle.dump(self.stats, f)

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        entries = self.getstats()
        self.stats = {}
        callers_of = {}
        for entry in entries:
            func = label(entry.code)
            calls = entry.callcount
            primitive = calls - entry.reccallcount
            callers = callers_of[_identity(entry.code)] = {}
            self.stats[func] = (primitive, calls, entry.inlinetime,
                                entry.totaltime, callers)
        for entry in entries:
            if not entry.calls:
                continue
            func = label(entry.code)
            for sub in entry.calls:
                callers = callers_of.get(_identity(sub.code))
                if callers is None:
                    continue
                totals = (sub.callcount, sub.callcount - sub.reccallcount,
                          sub.inlinetime, sub.totaltime)
                if func in callers:
                    totals = tuple(a + b for a, b in zip(totals, callers[func]))
                callers[func] = totals

    # Running code under the profiler.

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


_DISABLE_CODE = Profile.disable.__code__


def _identity(code):
    # Labels of built-ins are equal strings; code objects are compared by
    # identity, like the C profiler does.
    return code if isinstance(code, str) else id(code)


def label(code):
    if isinstance(code, str):
        return ('~', 0, code)
    return (code.co_filename, code.co_firstlineno, code.co_name)


if __name__ == "__main__":
    import pstats
    _pyprofile._command_line(
        Profile, "cProfile.py", sort=2,
        sort_choices=sorted(pstats.Stats.sort_arg_dict_default))
