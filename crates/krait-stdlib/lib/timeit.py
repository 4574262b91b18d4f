"""Measure how long small pieces of code take.

Timer(stmt, setup) compiles a function that runs `setup` once and then
`stmt` in a loop, read around with `timer` (time.perf_counter by default).
Statements given as text are pasted into that function, so the loop makes
no call per run; callables are passed in as default arguments. timeit(),
repeat() and autorange() run it; main() is `python -m timeit`. The
garbage collector is paused while timing.
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

_globals = globals

# Source of the timing function (its layout shows in tracebacks).
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
    """`src` with every line after the first indented by `indent` spaces."""
    return ("\n" + indent * " ").join(src.split("\n"))


def _piece(code, role, depth, prefix):
    """(text for the template, extra parameters, namespace entries) for
    one of the statements; a string is compiled first on its own, so
    that its errors name <timeit-src> with the user's line numbers."""
    if isinstance(code, str):
        compile(prefix + code, dummy_src_name, "exec")
        return reindent(code, depth), "", {}
    if callable(code):
        local = "_" + role
        return local + "()", ", %s=%s" % (local, local), {local: code}
    raise ValueError("%s is neither a string nor callable" % role)


class Timer:
    """Times `stmt` (Python text or a callable) after `setup` (likewise)
    with the clock `timer`; text runs in the namespace `globals` (this
    module's when None)."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        setup_text, setup_init, names = _piece(setup, "setup", 4, "")
        # The statement is checked after the setup text, so that names
        # the setup declares global are seen together with it.
        lead = setup + "\n" if isinstance(setup, str) else ""
        stmt_text, stmt_init, more = _piece(stmt, "stmt", 8, lead)
        names.update(more)
        self.src = template.format(stmt=stmt_text, setup=setup_text,
                                   init=setup_init + stmt_init)
        namespace = _globals() if globals is None else globals
        exec(compile(self.src, dummy_src_name, "exec"), namespace, names)
        self.inner = names["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled, with the
        generated source's lines where it was raised; use it in an
        `except` clause around timeit() or repeat()."""
        import linecache
        import traceback
        if self.src is not None:
            lines = self.src.split("\n")
            linecache.cache[dummy_src_name] = (len(self.src), None, lines,
                                               dummy_src_name)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Run the setup once and the statement `number` times; the seconds
        that took, as a float."""
        runs = itertools.repeat(None, number)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self.inner(runs, self.timer)
        finally:
            if collecting:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number). Look at the
        smallest: the others mostly measure interference."""
        results = []
        for _ in range(repeat):
            results.append(self.timeit(number))
        return results

    def autorange(self, callback=None):
        """Try 1, 2, 5, 10, 20, 50... loops until a run takes 0.2 seconds
        or more; return (loops, seconds). `callback(loops, seconds)` is
        told about each try."""
        base = 1
        while True:
            for factor in (1, 2, 5):
                loops = base * factor
                taken = self.timeit(loops)
                if callback:
                    callback(loops, taken)
                if taken >= 0.2:
                    return (loops, taken)
            base *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_HELP = """\
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

# Units, largest first: a time is shown in the first one it reaches.
_UNITS = (("sec", 1.0), ("msec", 1e-3), ("usec", 1e-6), ("nsec", 1e-9))


def _plural(count):
    return "" if count == 1 else "s"


def main(args=None, *, _wrap_timer=None):
    """`python -m timeit`: `args` are the command's arguments
    (sys.argv[1:] when None). Prints the best time per loop; returns 2
    for bad arguments, 1 if the statement raised (after printing the
    traceback), else None. `_wrap_timer` wraps the clock, for tests."""
    import getopt
    argv = sys.argv[1:] if args is None else args
    try:
        options, words = getopt.getopt(
            argv, "hvpctr:s:u:n:",
            ["help", "verbose", "process", "clock", "time", "repeat=",
             "setup=", "unit=", "number="])
    except getopt.error as problem:
        print(problem)
        print("use -h/--help for command line help")
        return 2

    clock = default_timer
    loops = 0                   # 0: found by autorange()
    setups = []
    rounds = default_repeat
    verbosity = 0
    unit = None
    digits = 3
    scales = dict(_UNITS)
    for flag, value in options:
        if flag in ("-h", "--help"):
            print(_HELP, end=" ")
            return 0
        if flag in ("-n", "--number"):
            loops = int(value)
        elif flag in ("-r", "--repeat"):
            rounds = int(value)
            if rounds <= 0:
                rounds = 1
        elif flag in ("-s", "--setup"):
            setups.append(value)
        elif flag in ("-u", "--unit"):
            if value not in scales:
                print("Unrecognized unit. Please select nsec, usec, msec, "
                      "or sec.", file=sys.stderr)
                return 2
            unit = value
        elif flag in ("-p", "--process"):
            clock = time.process_time
        elif flag in ("-v", "--verbose"):
            if verbosity:
                digits += 1
            verbosity += 1
        # -t/--time and -c/--clock: accepted, without effect.

    # Statements may import modules of the current folder.
    import os
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        clock = _wrap_timer(clock)
    timer = Timer("\n".join(words) or "pass", "\n".join(setups) or "pass",
                  clock)

    def shown(seconds):
        name = unit
        if name is None:
            name = "nsec"
            for candidate, scale in _UNITS:
                if seconds >= scale:
                    name = candidate
                    break
        return "%.*g %s" % (digits, seconds / scales[name], name)

    if not loops:
        report = None
        if verbosity:
            def report(count, seconds):
                print("%d loop%s -> %.*g secs"
                      % (count, _plural(count), digits, seconds))
        try:
            loops, _ = timer.autorange(report)
        except:
            timer.print_exc()
            return 1
        if verbosity:
            print()
    try:
        timings = timer.repeat(rounds, loops)
    except:
        timer.print_exc()
        return 1

    if verbosity:
        print("raw times: " + ", ".join([shown(t) for t in timings]))
        print()
    each = [t / loops for t in timings]
    fastest = min(each)
    slowest = max(each)
    print("%d loop%s, best of %d: %s per loop"
          % (loops, _plural(loops), rounds, shown(fastest)))
    if slowest >= fastest * 4:
        import warnings
        warnings.warn_explicit(
            "The test results are likely unreliable. The worst time (%s) "
            "was more than four times slower than the best time (%s)."
            % (shown(slowest), shown(fastest)), UserWarning, "", 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
