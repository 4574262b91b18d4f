# timeit (only deterministic facts: loop counts, fake clocks) and errno.
import errno
import io
import os
import timeit

print("== timeit with counting statements")
calls = []


def counted():
    calls.append(1)


t = timeit.Timer(counted)
print(type(t.timeit(7)).__name__, len(calls))
calls.clear()
print(len(t.repeat(3, 4)), len(calls))
calls.clear()
timeit.timeit(counted, number=0)
print(len(calls))

counter = {"n": 0}
g = {"counter": counter}
timeit.timeit("counter['n'] += 1", number=25, globals=g)
print(counter["n"])
timeit.repeat("counter['n'] += 1", setup="counter['n'] = 100", repeat=2,
              number=5, globals=g)
print(counter["n"])

# setup runs once per timeit() call, and its names are locals of the loop.
log = []
g = {"log": log}
timeit.Timer("log.append(x)", setup="x = len(log); log.append('setup')",
             globals=g).timeit(3)
print(log)
log.clear()
timeit.Timer(lambda: log.append("s"), setup=lambda: log.append("setup")).repeat(2, 2)
print(log)

# multi-line statements and setup
g = {"out": []}
timeit.timeit("for i in range(3):\n    out.append(i)", "out.append('s')",
              number=2, globals=g)
print(g["out"])

print("== fake timer")


class FakeClock:
    """A clock that only moves when the timed statement calls tick()."""

    def __init__(self, step):
        self.now = 0.0
        self.step = step
        self.reads = 0

    def tick(self):
        self.now += self.step

    def __call__(self):
        self.reads += 1
        return self.now


clock = FakeClock(0.5)
print(timeit.timeit("clock.tick()", timer=clock, number=10,
                    globals={"clock": clock}), clock.reads)
clock = FakeClock(0.25)
print(timeit.repeat(clock.tick, timer=clock, repeat=3, number=2))
clock = FakeClock(0.03)
print(timeit.Timer(clock.tick, timer=clock).autorange())
tries = []
clock = FakeClock(0.001)
print(timeit.Timer(clock.tick, timer=clock).autorange(
    lambda n, taken: tries.append(n)), tries)

print("== errors")
for stmt, setup in [("return 1", "pass"), ("x = (", "pass"), ("pass", "yield"),
                    (5, "pass"), ("pass", None), ("  indented", "pass"),
                    ("break", "pass")]:
    try:
        timeit.Timer(stmt, setup)
        print("ok", repr(stmt))
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, getattr(e, "msg", e))
t = timeit.Timer("1/0")
try:
    t.timeit(1)
except ZeroDivisionError:
    buffer = io.StringIO()
    t.print_exc(buffer)
    text = buffer.getvalue()
    print(text.splitlines()[-1], "<timeit-src>" in text)
print("inner" in t.src, t.src.count("1/0"))
print(timeit.default_timer is __import__("time").perf_counter,
      timeit.default_number, timeit.default_repeat, sorted(timeit.__all__))

print("== main")
# main() compiles its statements in timeit's namespace: they reach this
# module's clock through __main__.
import __main__


def fake(step):
    def wrap(real_timer):
        __main__.clock = FakeClock(step)
        return __main__.clock
    return wrap


def run_main(args, step):
    print(args)
    code = timeit.main(["-s", "import __main__ as m"] + args +
                       ["m.clock.tick()"], _wrap_timer=fake(step))
    if code is not None:
        print("exit", code)


run_main(["-n", "4", "-r", "2"], 0.001)
run_main(["-n", "1000", "-r", "3", "-s", "x = 1"], 2e-6)
run_main(["-u", "msec", "-n", "2"], 0.5)
run_main(["-n", "5", "-v", "-u", "sec"], 3e-9)
run_main(["-n", "1", "-u", "nsec"], 0.0)
run_main([], 0.07)
run_main(["-v"], 1e-5)
run_main(["-v", "-v", "-r", "2"], 0.004)
run_main(["-r", "0", "-n", "1", "--number=3"], 1.5)
run_main(["--unit", "years"], 1.0)
print(timeit.main(["-x"]))
print(timeit.main(["--number"]))
print(timeit.main(["-n", "2", "--", "-1"], _wrap_timer=fake(1.0)))

print("== errno")
names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names), len(errno.errorcode))
print(errno.EPERM, errno.ENOENT, errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK,
      errno.ENOTSUP, errno.EOPNOTSUPP, errno.EDEADLK, errno.EDEADLOCK,
      errno.ECONNREFUSED, errno.ETIMEDOUT, errno.ERFKILL)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35],
      errno.errorcode[95], errno.errorcode[110])
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
print(all(getattr(errno, n) in errno.errorcode for n in names))
print(sorted((getattr(errno, n), n) for n in names)[:6])
print(sorted(set(names) - set(errno.errorcode.values())))
for code in (errno.EPERM, errno.ENOENT, errno.EACCES, errno.EEXIST,
             errno.ENOTDIR, errno.EISDIR, errno.ENOTEMPTY):
    print(code, errno.errorcode[code], os.strerror(code))
try:
    open("/nonexistent/dir/file")
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, errno.errorcode[e.errno])
print(FileNotFoundError(errno.ENOENT, "gone").errno,
      isinstance(OSError(errno.EEXIST, "x"), FileExistsError))
