import contextlib
import io
import profile
import pstats
import re
import sys


def normalized(text):
    out = []
    for line in text.splitlines():
        line = re.sub(r" at 0x[0-9a-f]+", "", line)
        line = re.sub(r"in \d+\.\d+ seconds", "in T seconds", line)
        m = re.match(r"\s*(\d+(?:/\d+)?)\s+[\d.]+\s+(?:[\d.]+)?\s+[\d.]+\s+(?:[\d.]+)?\s+(\S.*)$", line)
        if m and not line.lstrip().startswith("ncalls"):
            line = "%s %s" % m.groups()
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            out.append(line)
    return "\n".join(out)


def captured(action):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        result = action()
    return result, normalized(buf.getvalue())


def leaf(x):
    return x * 2


def middle(n):
    return [leaf(i) for i in range(n)]


def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)


def mutual_b(n):
    return mutual_a(n - 1)


def raiser():
    raise KeyError("k")


def handles():
    try:
        raiser()
    except KeyError:
        pass
    try:
        {}["missing"]
    except KeyError:
        pass
    return len("abc")


def gen():
    for i in range(3):
        yield leaf(i)


def top():
    middle(3)
    recurse(4)
    mutual_a(5)
    handles()
    return sum(gen())


def clean(name):
    return re.sub(r" at 0x[0-9a-f]+", "", name)


def counts(prof):
    prof.create_stats()
    rows = []
    for (fname, line, name), (cc, nc, tt, ct, callers) in prof.stats.items():
        short = fname.rsplit("/", 1)[-1]
        rows.append((short, clean(name), cc, nc,
                     sorted((c[0].rsplit("/", 1)[-1], clean(c[2]), n) for c, n in callers.items())))
    return sorted(rows)


prof = profile.Profile()
print(prof.runcall(top))
for row in counts(prof):
    print(row)

# keyword arguments pass through runcall
prof = profile.Profile()
print(prof.runcall(middle, n=2))
print(sorted(clean(k[2]) for k in prof.timings))

# runctx returns the profiler; exceptions propagate and stats stay usable
prof = profile.Profile()
print(prof.runctx("value = recurse(k)", {"recurse": recurse}, {"k": 3}) is prof)
try:
    prof.runctx("raiser()", {"raiser": raiser}, {})
except KeyError as e:
    print("propagated", repr(e))
print(sys.getprofile())
for row in counts(prof):
    print(row)

# print_stats with various sort keys
for key in ("name", "stdname", "nfl", -1):
    prof = profile.Profile()
    prof.runcall(recurse, 2)
    print("--- sort", key)
    print(captured(lambda: prof.print_stats(key))[1])

# module-level run/runctx print a report and return None
def exits():
    raise SystemExit(3)
res, text = captured(lambda: profile.runctx("exits()", {"exits": exits}, {}))
print("runctx SystemExit ->", res)
print(text)
import __main__
__main__.recurse = recurse
res, text = captured(lambda: profile.run("recurse(1)", sort="name"))
print("run ->", res)
print(text)

# custom timers: a number, a pair, a triple
ticks = iter(range(10 ** 6))
prof = profile.Profile(timer=lambda: next(ticks))
prof.runcall(recurse, 3)
print(prof.dispatcher.__name__, counts(prof)[0][:4])
pairs = iter(range(10 ** 6))
prof = profile.Profile(lambda: (next(pairs), 0))
prof.runcall(leaf, 1)
print(prof.dispatcher.__name__, prof.get_time() >= 0)
triples = iter(range(10 ** 6))
prof = profile.Profile(lambda: (next(triples), 0, 1))
prof.runcall(leaf, 1)
print(prof.dispatcher.__name__)
print(profile.Profile().dispatcher.__name__, profile.Profile.bias, profile.Profile(bias=0.5).bias)

# a deterministic clock: own and cumulative times follow the tick counts
clock = [0]
def fake_time():
    clock[0] += 1
    return clock[0]
prof = profile.Profile(fake_time)
prof.runcall(middle, 2)
prof.create_stats()
for key in sorted(prof.stats, key=lambda k: k[2]):
    cc, nc, tt, ct, callers = prof.stats[key]
    print(clean(key[2]), cc, nc, tt >= 0, ct >= tt)

# the made-up entries
prof = profile.Profile()
print(prof.cmd == "", prof.cur is not None)
prof.set_cmd("first")
prof.set_cmd("second")
print(prof.cmd)
code = profile.Profile.fake_code("file.py", 7, "func")
print(repr(code), code.co_firstlineno, code.co_line)
frame = profile.Profile.fake_frame(code, None)
print(frame.f_code is code, frame.f_back)
print(sorted(profile.Profile.dispatch))
print(profile.__all__)
stats = pstats.Stats(profile.Profile().runcall.__self__ if False else prof)
print(sorted(k[2] for k in stats.stats))
