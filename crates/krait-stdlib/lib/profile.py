"""A deterministic profiler written in Python (CPython's `profile`).

Profile hooks sys.setprofile and keeps, for every function, its call
counts (all calls and the primitive, non-recursive ones), its own time,
its cumulative time and who called it how often.  Python functions are
keyed (file, first line, name); built-in functions ("", 0, name), shown
as ":0(name)".  Like CPython's, every session hangs under a made-up
"profile:0(profiler)" entry and the profiled command under
"profile:0(COMMAND)".  run/runctx/runcall profile a statement or a call;
print_stats sorts and prints through pstats; run() and runctx() at module
level print (or dump) the report.

Differences from CPython: the default timer is time.process_time as in
CPython, but dump_stats writes with pickle instead of marshal (see
pstats).  Left out: calibrate() (the bias stays whatever is assigned to
Profile.bias or passed in) and the command-line interface.
"""

import sys
import time

__all__ = ["run", "runctx", "Profile"]


class _Utils:
    """Runs a profiler and then prints or dumps its statistics."""

    def __init__(self, profiler):
        self.profiler = profiler

    def run(self, statement, filename, sort):
        profiler = self.profiler()
        try:
            profiler.run(statement)
        except SystemExit:
            pass
        finally:
            self._show(profiler, filename, sort)

    def runctx(self, statement, globals, locals, filename, sort):
        profiler = self.profiler()
        try:
            profiler.runctx(statement, globals, locals)
        except SystemExit:
            pass
        finally:
            self._show(profiler, filename, sort)

    def _show(self, profiler, filename, sort):
        if filename is not None:
            profiler.dump_stats(filename)
        else:
            profiler.print_stats(sort)


def run(statement, filename=None, sort=-1):
    """Profile exec(statement) in __main__ and print (or dump) the report."""
    return _Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Profile exec(statement, globals, locals); print or dump the report."""
    return _Utils(Profile).runctx(statement, globals, locals, filename, sort)


class Profile:
    """The profiler.

    self.cur is the stack of open calls, each a tuple
    (time of the parent spent before it, own time, time of its callees,
     function key, frame, the tuple of the parent call).
    self.timings maps a function key to
    (primitive calls, open calls, own time, cumulative time, callers),
    where callers maps a caller's key to the number of calls from it.
    """

    bias = 0  # a per-event overhead to subtract, set by hand

    def __init__(self, timer=None, bias=None):
        self.timings = {}
        self.cur = None
        self.cmd = ""
        self.c_func_name = ""
        if bias is None:
            bias = self.bias
        self.bias = bias
        if not timer:
            self.timer = self.get_time = time.process_time
            self.dispatcher = self.trace_dispatch_i
        else:
            self.timer = timer
            sample = self.timer()
            try:
                length = len(sample)
            except TypeError:
                self.get_time = timer
                self.dispatcher = self.trace_dispatch_i
            else:
                # A timer returning a tuple (like os.times()) is summed.
                if length == 2:
                    self.dispatcher = self.trace_dispatch
                else:
                    self.dispatcher = self.trace_dispatch_l

                def get_time_timer(timer=timer, sum=sum):
                    return sum(timer())
                self.get_time = get_time_timer
        self.t = self.get_time()
        self.simulate_call('profiler')

    # The profile functions: each charges the time since the last event
    # to the current call, less the bias, and restarts the clock after
    # handling the event so the profiler's own work is not counted.

    def trace_dispatch(self, frame, event, arg):
        timer = self.timer
        t = timer()
        t = t[0] + t[1] - self.t - self.bias
        if event == "c_call":
            self.c_func_name = arg.__name__
        if self.dispatch[event](self, frame, t):
            t = timer()
            self.t = t[0] + t[1]
        else:
            r = timer()
            self.t = r[0] + r[1] - t

    def trace_dispatch_i(self, frame, event, arg):
        timer = self.timer
        t = timer() - self.t - self.bias
        if event == "c_call":
            self.c_func_name = arg.__name__
        if self.dispatch[event](self, frame, t):
            self.t = timer()
        else:
            self.t = timer() - t

    def trace_dispatch_mac(self, frame, event, arg):
        timer = self.timer
        t = timer() / 60.0 - self.t - self.bias
        if event == "c_call":
            self.c_func_name = arg.__name__
        if self.dispatch[event](self, frame, t):
            self.t = timer() / 60.0
        else:
            self.t = timer() / 60.0 - t

    def trace_dispatch_l(self, frame, event, arg):
        get_time = self.get_time
        t = get_time() - self.t - self.bias
        if event == "c_call":
            self.c_func_name = arg.__name__
        if self.dispatch[event](self, frame, t):
            self.t = get_time()
        else:
            self.t = get_time() - t

    def trace_dispatch_exception(self, frame, t):
        rpt, rit, ret, rfn, rframe, rcur = self.cur
        if rframe is not frame and rcur:
            # The exception left a call that never reported its return.
            return self.trace_dispatch_return(rframe, t)
        self.cur = rpt, rit + t, ret, rfn, rframe, rcur
        return 1

    def trace_dispatch_call(self, frame, t):
        if self.cur and frame.f_back is not self.cur[-2]:
            # The open call returned without telling us (it was the frame
            # that turned the profiler on, or an exception unwound it).
            rpt, rit, ret, rfn, rframe, rcur = self.cur
            if not isinstance(rframe, Profile.fake_frame):
                assert rframe.f_back is frame.f_back, ("Bad call", rfn,
                                                       rframe, rframe.f_back,
                                                       frame, frame.f_back)
                self.trace_dispatch_return(rframe, 0)
                assert (self.cur is None or
                        frame.f_back is self.cur[-2]), ("Bad call",
                                                        self.cur[-3])
        code = frame.f_code
        self._open_call((code.co_filename, code.co_firstlineno, code.co_name),
                        frame, t)
        return 1

    def trace_dispatch_c_call(self, frame, t):
        self._open_call(("", 0, self.c_func_name), frame, t)
        return 1

    def _open_call(self, fn, frame, t):
        self.cur = (t, 0, 0, fn, frame, self.cur)
        timings = self.timings
        if fn in timings:
            cc, ns, tt, ct, callers = timings[fn]
            timings[fn] = cc, ns + 1, tt, ct, callers
        else:
            timings[fn] = 0, 0, 0, 0, {}

    def trace_dispatch_return(self, frame, t):
        if frame is not self.cur[-2]:
            # Calls deeper than frame ended without a return event.
            assert frame is self.cur[-2].f_back, ("Bad return", self.cur[-3])
            self.trace_dispatch_return(self.cur[-2], 0)

        # "r" names belong to the returning call, "p" ones to its parent.
        rpt, rit, ret, rfn, frame, rcur = self.cur
        rit = rit + t
        frame_total = rit + ret
        ppt, pit, pet, pfn, pframe, pcur = rcur
        self.cur = ppt, pit + rpt, pet + frame_total, pfn, pframe, pcur

        timings = self.timings
        cc, ns, tt, ct, callers = timings[rfn]
        if not ns:
            # The outermost of recursive calls: count it, take its total.
            ct = ct + frame_total
            cc = cc + 1
        callers[pfn] = callers.get(pfn, 0) + 1
        timings[rfn] = cc, ns - 1, tt + rit, ct, callers
        return 1

    dispatch = {
        "call": trace_dispatch_call,
        "exception": trace_dispatch_exception,
        "return": trace_dispatch_return,
        "c_call": trace_dispatch_c_call,
        "c_exception": trace_dispatch_return,  # the C function ended
        "c_return": trace_dispatch_return,
    }

    # The made-up calls that every session and command hang under.

    def set_cmd(self, cmd):
        if self.cur[-1]:
            return   # already inside a command
        self.cmd = cmd
        self.simulate_call(cmd)

    class fake_code:
        def __init__(self, filename, line, name):
            self.co_filename = filename
            self.co_line = line
            self.co_name = name
            self.co_firstlineno = 0

        def __repr__(self):
            return repr((self.co_filename, self.co_line, self.co_name))

    class fake_frame:
        def __init__(self, code, prior):
            self.f_code = code
            self.f_back = prior

    def simulate_call(self, name):
        code = self.fake_code('profile', 0, name)
        parent_frame = self.cur[-2] if self.cur else None
        frame = self.fake_frame(code, parent_frame)
        self.dispatch['call'](self, frame, 0)

    def simulate_cmd_complete(self):
        """Close every open call, as if they all returned now."""
        get_time = self.get_time
        t = get_time() - self.t
        while self.cur[-1]:
            self.dispatch['return'](self, self.cur[-2], t)
            t = 0
        self.t = get_time() - t

    # Statistics and reports.

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        import pickle
        with open(file, 'wb') as f:
            self.create_stats()
            pickle.dump(self.stats, f)

    def create_stats(self):
        self.simulate_cmd_complete()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = {}
        for func, (cc, ns, tt, ct, callers) in self.timings.items():
            callers = callers.copy()
            total_calls = sum(callers.values())
            self.stats[func] = cc, total_calls, tt, ct, callers

    # Running code under the profiler.

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.set_cmd(cmd)
        sys.setprofile(self.dispatcher)
        try:
            exec(cmd, globals, locals)
        finally:
            sys.setprofile(None)
        return self

    def runcall(self, func, /, *args, **kw):
        self.set_cmd(repr(func))
        sys.setprofile(self.dispatcher)
        try:
            return func(*args, **kw)
        finally:
            sys.setprofile(None)
