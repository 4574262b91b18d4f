import contextlib
import cProfile
import os
import pstats
import re
import tempfile
from io import StringIO


def normalized(text):
    """The report without times, line numbers of cProfile.py or padding."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"in \d+\.\d+ seconds", "in T seconds", line)
        line = re.sub(r"(?:<frozen cProfile>|cProfile\.py):\d+", "cProfile.py:N", line)
        match = re.match(r"\s*(\d+(?:/\d+)?)\s+[\d.]+\s+(?:[\d.]+)?\s+[\d.]+\s+(?:[\d.]+)?\s+(\S.*)$", line)
        if match and not line.lstrip().startswith("ncalls"):
            line = "%s %s" % match.groups()
        # callers/callees rows: "ncalls tottime cumtime name"
        line = re.sub(r"(\d+(?:/\d+)?)\s+\d+\.\d{3}\s+\d+\.\d{3}\s+", r"\1 ", line)
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def report(stats, method, *args):
    stats.stream = StringIO()
    getattr(stats, method)(*args)
    print(normalized(stats.stream.getvalue()))


def captured(action):
    stream = StringIO()
    with contextlib.redirect_stdout(stream):
        action()
    return normalized(stream.getvalue())


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Box:
    def __init__(self, items):
        self.items = list(items)

    def total(self):
        return sum(self.items) + len(self.items)


def failing():
    raise KeyError("k")


def work(n):
    box = Box(range(n))
    values = [fib(n), box.total()]
    values.append(max(values))
    try:
        failing()
    except KeyError:
        values.append(-1)
    return sorted(values)


print(captured(lambda: cProfile.run("work(5)", sort="stdname")))
print(captured(lambda: cProfile.runctx("fib(x)", {"fib": fib}, {"x": 6}, sort=pstats.SortKey.NFL)))

# enable/disable around the code.
profiler = cProfile.Profile()
profiler.enable()
result = work(4)
profiler.disable()
print(result)
stats = pstats.Stats(profiler).strip_dirs().sort_stats("stdname")
report(stats, "print_stats")
report(stats, "print_callers")
report(stats, "print_callees", "work|fib")
for func, (cc, nc, tt, ct, callers) in sorted(stats.stats.items()):
    print(func, cc, nc, sorted((caller, value[:2]) for caller, value in callers.items()))

# As a context manager; create_stats and the raw getstats() entries.
with cProfile.Profile() as profiler:
    fib(4)
entries = sorted((entry.code if isinstance(entry.code, str) else entry.code.co_name,
                  entry.callcount, entry.reccallcount,
                  sorted((sub.code if isinstance(sub.code, str) else sub.code.co_name,
                          sub.callcount, sub.reccallcount) for sub in entry.calls or ()))
                 for entry in profiler.getstats())
for entry in entries:
    print(entry)
print(captured(lambda: profiler.print_stats("calls")))

# runcall, builtins=False, subcalls=False, clear().
profiler = cProfile.Profile(builtins=False)
print(profiler.runcall(work, 3))
print(sorted((key[2], value[:2]) for key, value in pstats.Stats(profiler).stats.items()))
profiler = cProfile.Profile(subcalls=False)
profiler.runcall(fib, 3)
print([entry.calls for entry in profiler.getstats()])
profiler.clear()
print(profiler.getstats())
print(profiler.runctx("fib(2)", globals(), {}) is profiler)

# A custom timer counting ticks.
ticks = iter(range(0, 10000000, 10))
profiler = cProfile.Profile(lambda: next(ticks), 0.001)
profiler.runcall(fib, 2)
print(sorted((key[2], value[:2]) for key, value in pstats.Stats(profiler).stats.items()))

# dump_stats and pstats.Stats(file)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "out.prof")
    cProfile.run("fib(4)", path)
    loaded = pstats.Stats(path)
    print(sorted((os.path.basename(key[0]), key[2], value[:2]) for key, value in loaded.stats.items()))
