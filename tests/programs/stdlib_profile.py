import contextlib
import os
import profile
import pstats
import re
import tempfile
from io import StringIO


def normalized(text):
    """The report without times, addresses or column padding."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r" at 0x[0-9a-f]+", "", line)
        line = re.sub(r"in \d+\.\d+ seconds", "in T seconds", line)
        # Table rows: ncalls, four time columns, name.
        match = re.match(r"\s*(\d+(?:/\d+)?)\s+[\d.]+\s+(?:[\d.]+)?\s+[\d.]+\s+(?:[\d.]+)?\s+(\S.*)$", line)
        if match and not line.lstrip().startswith("ncalls"):
            line = "%s %s" % match.groups()
        line = re.sub(r"\)\s+\d+\.\d{3}", ")", line)   # callers' cumulative times
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def captured(action):
    stream = StringIO()
    with contextlib.redirect_stdout(stream):
        action()
    return normalized(stream.getvalue())


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def describe(self):
        return "%d sides" % len(range(self.sides))


def failing():
    raise ValueError("no")


def catcher():
    try:
        failing()
    except ValueError:
        return "caught"


def numbers():
    yield 1
    yield 2


def work(n):
    total = fib(n)
    shapes = [Shape(s) for s in range(3, 6)]
    names = [shape.describe() for shape in shapes]
    names.append(catcher())
    total += sum(numbers())
    return total, sorted(names)


# Module-level run() prints the report sorted as asked.
print(captured(lambda: profile.run("work(6)", sort="stdname")))
print(captured(lambda: profile.runctx("result = fib(x)", {"fib": fib}, {"x": 4}, sort="nfl")))

# Profile.runcall returns the function's result.
prof = profile.Profile()
print(prof.runcall(work, 4))
stats = pstats.Stats(prof).strip_dirs().sort_stats("stdname")
for func, (cc, nc, tt, ct, callers) in sorted(stats.stats.items()):
    print(re.sub(r" at 0x[0-9a-f]+", "", repr((func, cc, nc, sorted(callers.items())))))
stats.stream = StringIO()
stats.print_callers("fib|describe|catcher")
stats.print_callees("work")
print(normalized(stats.stream.getvalue()))
print(stats.total_calls, stats.prim_calls)

# runctx and run return the Profile; statistics accumulate over runs.
prof = profile.Profile()
print(prof.runctx("fib(3)", globals(), {}) is prof)
prof.runctx("fib(3)", globals(), {})
prof.create_stats()
print(sorted((key[2], value[:2]) for key, value in prof.stats.items()))

# print_stats on the Profile itself, and a custom timer.
ticks = iter(range(1000000))
prof = profile.Profile(timer=lambda: next(ticks))
prof.runcall(fib, 3)
print(captured(lambda: prof.print_stats("name")))

# dump_stats and pstats.Stats(file)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "out.prof")
    profile.run("fib(5)", path)
    loaded = pstats.Stats(path)
    print(sorted((os.path.basename(key[0]), key[2], value[:2]) for key, value in loaded.stats.items()))

# The profiler is off again afterwards.
import sys
print(sys.getprofile())
