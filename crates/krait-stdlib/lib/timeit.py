"""Timing small pieces of code (CPython's `timeit`).

`Timer(stmt, setup)` builds a function that runs `setup` once and then
`stmt` in a loop, timed with `timer` (time.perf_counter by default);
statements given as strings are compiled into that function's body, so
the loop costs no call per iteration. `timeit()`, `repeat()` and
`autorange()` run it; `main()` is the `python -m timeit` command line.
Garbage collection is off while timing.
"""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_module_globals = globals

# The timing function's source. String statements are pasted in (indented
# to fit); callables are passed in as default arguments instead, which
# makes them fast local names.
template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """Indent every line of `src` but the first by `indent` spaces."""
    return src.replace("\n", "\n" + " " * indent)


class Timer:
    """Times the execution of `stmt` (a string of Python or a callable)
    after `setup` (likewise), with the clock `timer`. String code runs in
    the namespace `globals` (by default this module's)."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _module_globals() if globals is None else globals
        init = ""
        if isinstance(setup, str):
            # Compile on its own first: a `return` or a syntax error must
            # be reported against the setup text, not the template.
            compile(setup, dummy_src_name, "exec")
            stmt_prefix = setup + "\n"
            setup = reindent(setup, 4)
        elif callable(setup):
            local_ns["_setup"] = setup
            init += ", _setup=_setup"
            stmt_prefix = ""
            setup = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            # With the setup in front, so that names bound there (e.g. by
            # a `global` in setup) are checked together.
            compile(stmt_prefix + stmt, dummy_src_name, "exec")
            stmt = reindent(stmt, 8)
        elif callable(stmt):
            local_ns["_stmt"] = stmt
            init += ", _stmt=_stmt"
            stmt = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = template.format(stmt=stmt, setup=setup, init=init)
        self.src = src  # for print_exc's traceback
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled, showing the
        lines of the generated source where it was raised:

            t = Timer(...)
            try:
                t.timeit(...)
            except Exception:
                t.print_exc()
        """
        import linecache
        import traceback
        if self.src is not None:
            linecache.cache[dummy_src_name] = (len(self.src), None,
                                               self.src.split("\n"),
                                               dummy_src_name)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Run setup once and stmt `number` times; return the seconds
        taken (as a float, from `timer`)."""
        loop = itertools.repeat(None, number)
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self.inner(loop, self.timer)
        finally:
            if gc_was_enabled:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """Call timeit(number) `repeat` times; return the list of times.
        The minimum is the figure to look at: higher ones come from other
        processes getting in the way, not from the code."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Find how many loops take at least 0.2 seconds, trying 1, 2, 5,
        10, 20, 50, ... loops; return (number of loops, time taken).
        `callback(number, time_taken)` is called after each try."""
        scale = 1
        while True:
            for step in (1, 2, 5):
                number = scale * step
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            scale *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_USAGE = """\
Time small pieces of Python code.

Usage: python -m timeit [-n N] [-r N] [-s S] [-p] [-v] [-u U] [-h] [--]
                        [statement ...]

Options:
  -n/--number N: how many times to run 'statement' (default: the first of
                 1, 2, 5, 10, 20, 50, ... loops that takes 0.2 s or more)
  -r/--repeat N: how many times to repeat the timing (default 5)
  -s/--setup S: statement run once before timing (default 'pass');
                several -s options make several lines
  -p/--process: time with time.process_time() (default time.perf_counter())
  -v/--verbose: print the raw timings; repeat for more digits
  -u/--unit U: the unit of the results (nsec, usec, msec or sec)
  -h/--help: print this message and exit
  --: end of options, for a statement that starts with '-'
  statement: the statement to time (default 'pass'); each argument is
             one line, so indented lines can be given in quotes
"""

_units = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


def main(args=None, *, _wrap_timer=None):
    """The command line: `args` are the arguments (default sys.argv[1:]).
    Prints the best time per loop; returns 2 for bad arguments, 1 when
    the statement raised (after printing the traceback), else None.
    `_wrap_timer` wraps the timer (for tests)."""
    import getopt
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = getopt.getopt(
            args, "n:u:s:r:tcpvh",
            ["number=", "setup=", "repeat=", "time", "clock", "process",
             "verbose", "unit=", "help"])
    except getopt.error as err:
        print(err)
        print("use -h/--help for command line help")
        return 2

    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0  # 0: let autorange choose
    setup_lines = []
    repeat_count = default_repeat
    verbose = 0
    time_unit = None
    precision = 3
    for option, value in opts:
        if option in ("-n", "--number"):
            number = int(value)
        elif option in ("-s", "--setup"):
            setup_lines.append(value)
        elif option in ("-u", "--unit"):
            if value not in _units:
                print("Unrecognized unit. Please select nsec, usec, msec, "
                      "or sec.", file=sys.stderr)
                return 2
            time_unit = value
        elif option in ("-r", "--repeat"):
            repeat_count = max(int(value), 1)
        elif option in ("-p", "--process"):
            timer = time.process_time
        elif option in ("-v", "--verbose"):
            if verbose:
                precision += 1
            verbose += 1
        elif option in ("-h", "--help"):
            print(_USAGE, end=" ")
            return 0
        # -t/--time and -c/--clock are accepted for compatibility only.
    setup = "\n".join(setup_lines) or "pass"

    # Let the statements import modules from the current directory.
    import os
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    timer_obj = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                print("{num} loop{s} -> {secs:.{prec}g} secs".format(
                    num=number, s="s" if number != 1 else "",
                    secs=time_taken, prec=precision))
        try:
            number, _ = timer_obj.autorange(callback)
        except:
            timer_obj.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw_timings = timer_obj.repeat(repeat_count, number)
    except:
        timer_obj.print_exc()
        return 1

    def format_time(seconds):
        unit = time_unit
        if unit is None:
            # The largest unit the time is at least one of.
            for unit, scale in sorted(_units.items(), key=lambda u: -u[1]):
                if seconds >= scale:
                    break
        return "%.*g %s" % (precision, seconds / _units[unit], unit)

    if verbose:
        print("raw times: %s" % ", ".join(map(format_time, raw_timings)))
        print()
    per_loop = [seconds / number for seconds in raw_timings]
    best = min(per_loop)
    worst = max(per_loop)
    print("%d loop%s, best of %d: %s per loop"
          % (number, "s" if number != 1 else "", repeat_count,
             format_time(best)))
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit(
            "The test results are likely unreliable. The worst time (%s) "
            "was more than four times slower than the best time (%s)."
            % (format_time(worst), format_time(best)),
            UserWarning, "", 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
