# timeit: Timer with strings and callables, globals, fake clocks, errors,
# and main() with a fake clock (deterministic output).
import io
import sys
import timeit
import warnings


class Clock:
    def __init__(self, step=0.25):
        self.now = 0.0
        self.step = step

    def __call__(self):
        self.now += self.step
        return self.now


for stmt, setup in [("return", "pass"), ("1 +", "pass"), ("pass", "return"),
                    ("pass", "x = ("), ("yield 1", "pass"), ("x=1", "global x"),
                    ("  x = 1", "pass"), ("break", "pass"), ("pass", "break"),
                    ("x = 1\n  y = 2", "pass"), (1, "pass"), ("pass", None),
                    ("   ", "pass"), ("", ""), ("pass", "\n\n"),
                    ("return", "a = 1\nb = 2"), ("pass", 3.5)]:
    try:
        t = timeit.Timer(stmt, setup, timer=Clock())
        print(repr(stmt), repr(setup), "ok", t.timeit(2))
    except Exception as e:
        print(repr(stmt), repr(setup), type(e).__name__, e)

t = timeit.Timer("a + b", "a = 1; b = 2")
print(t.src)
print(sorted(t.inner.__code__.co_varnames))
t = timeit.Timer(len, print)
print(t.src)
print(timeit.template)
print(repr(timeit.reindent("a\nb\n c", 3)))
print(timeit.dummy_src_name, timeit.default_number, timeit.default_repeat)

g = {"hits": []}
print(timeit.timeit("hits.append(n)", "n = len(hits)", number=3, globals=g, timer=Clock(1)))
print(g["hits"])
print(timeit.repeat("hits.append(0)", repeat=3, number=2, globals=g, timer=Clock(0.5)))
print(len(g["hits"]))
calls = []
print(timeit.Timer(lambda: calls.append(1), lambda: calls.append("s"), Clock(2)).repeat(2, 3))
print(calls)

class Ticker:
    def __init__(self, per_loop):
        self.loops = 0
        self.per_loop = per_loop

    def __call__(self):
        return self.loops * self.per_loop


tick = Ticker(0.01)
print(timeit.Timer("tick.loops += 1", timer=tick, globals={"tick": tick}).autorange())
seen = []
tick = Ticker(0.0003)
print(timeit.Timer("tick.loops += 1", timer=tick, globals={"tick": tick}).autorange(lambda n, s: seen.append(n)))
print(seen)
print(type(timeit.timeit(number=10)).__name__, timeit.timeit("pass", number=0, timer=Clock(0)))

marker = 5
try:
    timeit.timeit("marker", number=1)
except NameError as e:
    print("NameError", e)
print(timeit.timeit("marker", number=1, globals=globals(), timer=Clock(1)))

t = timeit.Timer("1/0")
try:
    t.timeit(1)
except ZeroDivisionError:
    buf = io.StringIO()
    t.print_exc(buf)
    text = buf.getvalue()
    print(text.splitlines()[-1], "<timeit-src>" in text)


def fake(step):
    def wrap(real):
        return Clock(step)
    return wrap


def run_main(args, step=0.5):
    out = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            code = timeit.main(args, _wrap_timer=fake(step))
    finally:
        sys.stdout, sys.stderr = saved
    print(args, "->", code)
    for line in out.getvalue().splitlines():
        print("   |", line)
    for w in caught:
        print("   W", w.category.__name__, w.message)


run_main(["-n", "4", "pass"])
run_main(["-n", "4", "-r", "2", "-u", "msec", "pass"])
run_main(["-n", "3", "-v", "pass"])
run_main(["-vv", "pass"], 0.25)
run_main(["-v", "pass"], 0.375)
run_main(["--number=2", "--repeat=0", "--unit=nsec", "pass"])
run_main(["-u", "bad", "pass"])
run_main(["-x"])
run_main(["--number"])
run_main(["--nu", "2", "-p", "-t", "-c", "x = 1", "y = x"], 3.0)
run_main(["-s", "a = 1", "-s", "b = 2", "-n", "1", "a + b"], 1e-7)
run_main(["-n", "1", "--", "-1"], 2e-4)
run_main(["-n", "1", "-u", "usec", "pass"], 100.0)
