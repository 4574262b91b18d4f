"""A deterministic profiler in pure Python (the interface of CPython's
`profile`, krait's own code).

Profile installs itself with sys.setprofile and records, per function,
the number of calls (all of them and the non-recursive "primitive" ones),
the time spent in the function itself, the cumulative time including its
callees, and how often each caller called it. Python functions are keyed
(file, first line, name), built-in functions ("", 0, name). Every session
hangs under a made-up "profile:0(profiler)" entry and the profiled command
under "profile:0(COMMAND)", as in CPython. Reports go through pstats.

`python -m profile [-o FILE] [-s SORT] [-m MODULE | SCRIPT] [ARGS...]`
profiles a script or module run as __main__ and prints the report
(or saves it to FILE), as CPython's command line does.

Differences from CPython: dump_stats writes with pickle (which krait's
pstats reads) instead of marshal; calibrate() is not provided (set
`bias` by hand if wanted).
"""

import sys
import time

__all__ = [
    "run", "runctx", "Profile",
]


class _Utils:
    """Profile a statement with a profiler class, then report."""

    def __init__(self, factory):
        self.profiler = factory

    def _session(self, execute, filename, sort):
        prof = self.profiler()
        try:
            execute(prof)
        except SystemExit:
            pass
        finally:
            if filename is None:
                prof.print_stats(sort)
            else:
                prof.dump_stats(filename)

    def run(self, code, filename, sort):
        self._session(lambda prof: prof.run(code), filename, sort)

    def runctx(self, code, globs, locs, filename, sort):
        self._session(lambda prof: prof.runctx(code, globs, locs),
                      filename, sort)


def run(statement, filename=None, sort=-1):
    """Profile statement in __main__'s namespace; print (or save to
    filename) the statistics."""
    _Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Like run(), with explicit globals and locals."""
    _Utils(Profile).runctx(statement, globals, locals, filename, sort)


class _OpenCall:
    """One entry of the stack of calls being timed."""
    __slots__ = ("before", "own", "inner", "key", "frame", "parent")

    def __init__(self, before, key, frame, parent):
        self.before = before   # time the parent spent just before the call
        self.own = 0           # time spent in this call itself
        self.inner = 0         # time spent in its callees
        self.key = key
        self.frame = frame
        self.parent = parent


class Profile:
    """The profiler. Statistics accumulate in `timings`, which maps a
    function key to (primitive calls, nesting counter, own time,
    cumulative time, {caller key: calls})."""

    bias = 0   # per-event overhead subtracted from every measurement

    def __init__(self, timer=None, bias=None):
        self.timings = {}
        self.cur = None
        self.cmd = ""
        self.c_func_name = ""
        self.bias = self.bias if bias is None else bias
        if timer:
            self.timer = timer
            self._choose_dispatcher(timer)
        else:
            self.timer = time.process_time
            self.get_time = self.timer
            self.dispatcher = self.trace_dispatch_i
        self.t = self.get_time()
        self.simulate_call("profiler")

    def _choose_dispatcher(self, timer):
        try:
            width = len(timer())
        except TypeError:
            width = None        # a plain number
        if width is None:
            self.get_time, hook = timer, self.trace_dispatch_i
        else:
            # A sequence of numbers (as os.times() gives): use the sum.
            self.get_time = lambda: sum(timer())
            hook = self.trace_dispatch if width == 2 else \
                self.trace_dispatch_l
        self.dispatcher = hook

    # -- the hooks given to sys.setprofile ----------------------------------

    def _on_event(self, frame, event, arg, clock):
        # Charge the time since the previous event (less the bias), then
        # restart the clock after the bookkeeping so it is not counted.
        elapsed = clock() - self.t - self.bias
        if event == "c_call":
            self.c_func_name = arg.__name__
        handled = self.dispatch[event](self, frame, elapsed)
        self.t = clock() if handled else clock() - elapsed

    def _pair_clock(self):
        first, second = self.timer()[:2]
        return first + second

    def _mac_clock(self):
        return self.timer() / 60.0

    def trace_dispatch(self, frame, event, arg):
        self._on_event(frame, event, arg, self._pair_clock)

    def trace_dispatch_i(self, frame, event, arg):
        self._on_event(frame, event, arg, self.timer)

    def trace_dispatch_mac(self, frame, event, arg):
        self._on_event(frame, event, arg, self._mac_clock)

    def trace_dispatch_l(self, frame, event, arg):
        self._on_event(frame, event, arg, self.get_time)

    # -- event handlers: each gets the elapsed time and returns true ------------

    def _push(self, key, frame, elapsed):
        self.cur = _OpenCall(elapsed, key, frame, self.cur)
        record = self.timings.get(key)
        if record is None:
            self.timings[key] = (0, 0, 0, 0, {})
        else:
            prim, nesting, own, total, callers = record
            self.timings[key] = (prim, nesting + 1, own, total, callers)

    def trace_dispatch_exception(self, frame, t):
        top = self.cur
        if top.frame is not frame and top.parent is not None:
            # The exception came out of a call that did not report its end.
            return self.trace_dispatch_return(top.frame, t)
        top.own += t
        return 1

    def trace_dispatch_call(self, frame, t):
        top = self.cur
        if top is not None and frame.f_back is not top.frame:
            # The open call ended silently (the frame that switched the
            # profiler on, or one unwound by an exception).
            if not isinstance(top.frame, Profile.fake_frame):
                assert top.frame.f_back is frame.f_back, (
                    "Bad call", top.key, top.frame, top.frame.f_back,
                    frame, frame.f_back)
                self.trace_dispatch_return(top.frame, 0)
                assert self.cur is None or frame.f_back is self.cur.frame, (
                    "Bad call", self.cur.key)
        code = frame.f_code
        self._push((code.co_filename, code.co_firstlineno, code.co_name),
                   frame, t)
        return 1

    def trace_dispatch_c_call(self, frame, t):
        self._push(("", 0, self.c_func_name), frame, t)
        return 1

    def trace_dispatch_return(self, frame, t):
        if frame is not self.cur.frame:
            # Deeper calls finished without return events of their own.
            assert frame is self.cur.frame.f_back, ("Bad return",
                                                    self.cur.key)
            self.trace_dispatch_return(self.cur.frame, 0)
        done = self.cur
        done.own += t
        spent = done.own + done.inner
        caller = done.parent
        caller.own += done.before
        caller.inner += spent
        self.cur = caller

        prim, nesting, own, total, callers = self.timings[done.key]
        if nesting == 0:
            # Not inside another call of the same function: count it as
            # primitive and add its time to the cumulative total.
            prim += 1
            total += spent
        callers[caller.key] = callers.get(caller.key, 0) + 1
        self.timings[done.key] = (prim, nesting - 1, own + done.own, total,
                                  callers)
        return 1

    dispatch = dict(call=trace_dispatch_call,
                    exception=trace_dispatch_exception,
                    c_call=trace_dispatch_c_call)
    for _ending in ("return", "c_return", "c_exception"):
        dispatch[_ending] = trace_dispatch_return
    del _ending

    # -- made-up calls for the session and the command ------------------------

    class fake_code:
        def __init__(self, filename, line, name):
            self.co_filename, self.co_line = filename, line
            self.co_name, self.co_firstlineno = name, 0

        def __repr__(self):
            return "(%r, %r, %r)" % (self.co_filename, self.co_line,
                                     self.co_name)

    class fake_frame:
        def __init__(self, code, prior):
            self.f_code, self.f_back = code, prior

    def set_cmd(self, cmd):
        if self.cur.parent is not None:
            return          # a command is already being profiled
        self.cmd = cmd
        self.simulate_call(cmd)

    def simulate_call(self, name):
        outer = None if self.cur is None else self.cur.frame
        frame = self.fake_frame(self.fake_code("profile", 0, name), outer)
        self.dispatch["call"](self, frame, 0)

    def simulate_cmd_complete(self):
        """End every open call (all but the session's root) now."""
        clock = self.get_time
        pending = clock() - self.t
        while self.cur.parent is not None:
            self.dispatch["return"](self, self.cur.frame, pending)
            pending = 0
        self.t = clock() - pending

    # -- results --------------------------------------------------------------

    def print_stats(self, sort=-1):
        import pstats
        report = pstats.Stats(self).strip_dirs()
        report.sort_stats(sort).print_stats()

    def dump_stats(self, file):
        import pickle
        self.create_stats()
        with open(file, "wb") as out:
            pickle.dump(self.stats, out)

    def create_stats(self):
        self.simulate_cmd_complete()
        self.snapshot_stats()

    def snapshot_stats(self):
        snapshot = {}
        for key, (prim, _, own, total, callers) in self.timings.items():
            copied = dict(callers)
            snapshot[key] = (prim, sum(copied.values()), own, total, copied)
        self.stats = snapshot

    # -- profiling code ---------------------------------------------------------

    def run(self, cmd):
        import __main__
        space = __main__.__dict__
        return self.runctx(cmd, space, space)

    # No helper may run between switching the hook on and off: it would
    # show up in the statistics.

    def runctx(self, cmd, globals, locals):
        self.set_cmd(cmd)
        setprofile = sys.setprofile
        setprofile(self.dispatcher)
        try:
            exec(cmd, globals, locals)
        finally:
            setprofile(None)
        return self

    def runcall(self, func, /, *args, **kw):
        self.set_cmd(repr(func))
        setprofile = sys.setprofile
        setprofile(self.dispatcher)
        try:
            return func(*args, **kw)
        finally:
            setprofile(None)


def _command_line(factory, program, sort=-1, sort_choices=None):
    """The command line of `python -m profile` and `python -m cProfile`
    (`factory` makes the profiler): profiles a script, or with -m a
    module, run as __main__ with the arguments after it. The report is
    sorted by `sort` unless -s says otherwise (cProfile's default is
    cumulative time, and it accepts only pstats' sort keys)."""
    import argparse
    import os

    usage = (f"{program} [-o output_file_path] [-s sort] "
             "[-m module | scriptfile] [arg] ...")
    parser = argparse.ArgumentParser(prog=program, usage=usage)
    parser.add_argument("-o", "--outfile", default=None,
                        help="Save stats to <outfile>")
    parser.add_argument("-m", dest="module", action="store_true",
                        default=False, help="Profile a library module.")
    parser.add_argument("-s", "--sort", default=sort, choices=sort_choices,
                        help="Sort order when printing to stdout, based "
                             "on pstats.Stats class")
    parser.add_argument("target", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs=argparse.REMAINDER,
                        help=argparse.SUPPRESS)
    if not sys.argv[1:]:
        parser.print_usage()
        sys.exit(2)
    options = parser.parse_args()
    if options.target is None:
        parser.print_usage()
        return parser
    sys.argv[:] = [options.target] + options.args
    outfile = options.outfile
    if outfile is not None:
        outfile = os.path.abspath(outfile)
    if options.module:
        import runpy
        code = "run_module(modname, run_name='__main__')"
        globs = {"run_module": runpy.run_module,
                 "modname": options.target}
    else:
        path = options.target
        sys.path.insert(0, os.path.dirname(path))
        with open(path, "rb") as source:
            code = compile(source.read(), path, "exec")
        globs = {"__file__": path, "__name__": "__main__",
                 "__package__": None, "__cached__": None,
                 "__builtins__": __builtins__}
    try:
        _Utils(factory).runctx(code, globs, None, outfile, options.sort)
    except BrokenPipeError as exc:
        sys.stdout = None
        sys.exit(exc.errno)
    return parser


if __name__ == "__main__":
    _command_line(Profile, "profile.py")
