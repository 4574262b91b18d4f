# gen.send(x), coro.send(x) and next(gen) called from Python code: yields,
# returns (StopIteration values), errors and their tracebacks, PEP 479,
# re-entrance, frames and exception state seen from inside.
import sys
import traceback


def echo():
    received = []
    while True:
        x = yield len(received)
        if x == "stop":
            return received
        received.append(x)


g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value, e.args)
try:
    g.send("again")
except StopIteration as e:
    print("finished generator:", e.args)
try:
    next(g)
except StopIteration as e:
    print("next on finished:", e.args)
print(next(g, "default"))


def returns_none():
    yield 1


g = returns_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print("None return:", e.args, e.value)

g = echo()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))


# The value of a generator's return is StopIteration's, for falsy values too.
def returns(v):
    yield
    return v


for v in (0, "", (), [1, 2], (None,), False):
    g = returns(v)
    next(g)
    try:
        g.send(None)
    except StopIteration as e:
        print(repr(e.value), e.args)


# An exception raised inside goes to the caller of send/next.
def fails():
    x = yield 1
    raise ValueError(f"bad {x}")


g = fails()
next(g)
try:
    g.send(42)
except ValueError as e:
    print("caught", e)
    tb = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.line) for f in tb])
print(g.gi_frame, g.gi_running)


# PEP 479: StopIteration raised in the body becomes RuntimeError.
def leaks_stop():
    yield 1
    raise StopIteration("inner")


g = leaks_stop()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def leaks_next():
    it = iter([])
    yield 1
    next(it)


g = leaks_next()
next(g)
try:
    g.send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# A generator sending to itself is already executing.
def reentrant():
    yield me.send(None)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


# Frames: f_back inside is the caller of send/next; gi_running while it runs.
def looks_around():
    while True:
        f = sys._getframe()
        yield (f.f_code.co_name, f.f_back.f_code.co_name, me2.gi_running)


me2 = looks_around()


def caller_one():
    return next(me2)


def caller_two():
    return me2.send(None)


print(caller_one(), caller_two(), me2.gi_running)


# The exception being handled is the generator's own inside it, the
# caller's again after the yield.
def exc_state():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


g = exc_state()
try:
    raise IndexError("outside")
except IndexError:
    print(next(g), sys.exc_info()[0].__name__)
    print(g.send(None), sys.exc_info()[0].__name__)
print(next(g), sys.exc_info())


# Nested: a generator that sends to another while being sent to.
def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def pipe(target):
    try:
        while True:
            x = yield
            target.send(x * 3 + 1)
    except GeneratorExit:
        print("pipe closed")
        raise


acc = accumulate()
next(acc)
p = pipe(acc)
next(p)
for i in range(1000):
    p.send(i)
try:
    acc.send(None)
except StopIteration as e:
    print("total", e.value)
p.close()


# The error of an inner send escapes through the outer generator.
def stops_after(n):
    for i in range(n):
        yield i


def relay(inner):
    while True:
        yield next(inner)


r = relay(stops_after(2))
print(next(r), next(r))
try:
    next(r)
except RuntimeError as e:
    print("relay:", e)


# yield from chains driven by send: the innermost gets the value.
def inner_echo():
    got = []
    while len(got) < 3:
        got.append((yield len(got)))
    return got


def middle():
    result = yield from inner_echo()
    return ("middle", result)


def outer():
    result = yield from middle()
    yield result
    return "outer done"


o = outer()
print(next(o), o.send("x"), o.send("y"))
print(o.send("z"))
try:
    o.send(None)
except StopIteration as e:
    print(e.value)


# Coroutines: send drives them; their return is StopIteration's value.
class Suspend:
    def __await__(self):
        return (yield "suspended")


async def leaf(x):
    got = await Suspend()
    return x + got


async def chain(depth, x):
    if depth == 0:
        return await leaf(x)
    return await chain(depth - 1, x) * 2


c = chain(3, 1)
print(c.send(None))
try:
    c.send(10)
except StopIteration as e:
    print("coroutine returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def coro_leaks_stop():
    await Suspend()
    raise StopIteration


c = coro_leaks_stop()
c.send(None)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

never_run = chain(0, 1)
try:
    next(never_run)
except TypeError as e:
    print("TypeError:", e)
never_run.close()

c = chain(0, 1)
try:
    c.send(1)
except TypeError as e:
    print("TypeError:", e)
c.close()

# The methods as objects and through the type: the same behaviour.
g = echo()
send = g.send
print(send(None), send(1), type(g).send(g, 2), getattr(g, "send")(3))
never_run = chain(0, 1)
try:
    type(g).send(never_run, None)
except TypeError as e:
    print("TypeError:", e)
never_run.close()
print(list(map(g.send, ["p", "q"])))


# Deep recursion through send is a RecursionError, not a crash.
def recurse():
    yield next(recurse())


try:
    next(recurse())
except RecursionError as e:
    print("RecursionError:", e)


# Tracebacks through send show the caller's line, then the generator's.
def deep_fail():
    yield
    1 / 0


def drive():
    g = deep_fail()
    next(g)
    g.send(None)


try:
    drive()
except ZeroDivisionError:
    lines = traceback.format_exc().splitlines()
    print("\n".join(l for l in lines if not l.strip().startswith("File")))
    print([l.strip().split(",")[-1] for l in lines if l.strip().startswith("File")])
for f in [lambda: list.append((), 1), lambda: dict.get([], 1), lambda: str.upper(b"x"), lambda: type((x for x in [])).send(iter([]), None), lambda: set.add(frozenset(), 1)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
import types
async def c(): pass
co = c()
for f in [lambda: type(co).throw((x for x in []), ValueError), lambda: type(co).close(iter([])), lambda: type((x for x in [])).close(co), lambda: type((x for x in [])).__next__(co)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
co.close()
