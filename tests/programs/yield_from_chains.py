# Values, return values and exceptions passing through chains of
# `yield from` (krait resumes the innermost generator of a chain directly).
import re
import sys
import traceback


class Tree:
    def __init__(self, left, value, right):
        self.left, self.value, self.right = left, value, right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


tree = build(0, 200)
print(sum(tree), list(tree)[:5], list(tree)[-3:])
print([x for x in tree if x % 37 == 0])


# Return values of delegates become the results of `yield from`.
def leaf(n):
    for i in range(n):
        yield i
    return n * 10


def middle(n):
    total = 0
    for k in range(1, n + 1):
        total += yield from leaf(k)
    yield ("middle-total", total)
    return total


def top():
    result = yield from middle(3)
    yield ("top-got", result)
    result = yield from middle(2)
    return result


print(list(top()))
g = top()
out = []
try:
    while True:
        out.append(next(g))
except StopIteration as stop:
    print(out[-2:], "returned", stop.value)


# An exception raised deep in a chain: traceback through every level.
def deep(n):
    if n == 0:
        yield "bottom"
        raise KeyError("deep failure")
    yield from deep(n - 1)


try:
    for item in deep(4):
        print("got", item)
except KeyError:
    for line in traceback.format_exc().splitlines():
        print(re.sub(r'File "[^"]*"', 'File "FILE"', line))


# An intermediate level catches the exception of the one below it.
def catcher():
    try:
        yield from deep(3)
    except KeyError as exc:
        yield f"caught {exc}"
    yield "after"


def outer_catcher():
    yield from catcher()
    yield "outer done"


print(list(outer_catcher()))


# StopIteration raised inside a delegate becomes RuntimeError there.
def bad_inner():
    yield 1
    raise StopIteration("oops")


def wraps_bad():
    try:
        yield from bad_inner()
    except RuntimeError as exc:
        yield f"runtime: {exc} / cause {exc.__cause__!r}"


def wraps_wraps():
    yield from wraps_bad()


print(list(wraps_wraps()))


# Every generator of a running chain is running; re-entering one fails.
chain = {}


def probe_inner():
    yield [g.gi_running for g in (chain["a"], chain["b"], chain["c"])]
    try:
        next(chain["a"])
    except ValueError as exc:
        yield f"ValueError: {exc}"
    yield chain["b"].gi_yieldfrom is chain["c"]


def probe_mid():
    chain["c"] = probe_inner()
    yield from chain["c"]


def probe_top():
    chain["b"] = probe_mid()
    yield from chain["b"]


chain["a"] = probe_top()
for item in chain["a"]:
    print("probe", item, [g.gi_running for g in (chain["a"], chain["b"], chain["c"])])
print("after", chain["b"].gi_yieldfrom, chain["a"].gi_frame)


# The exception an intermediate level handles is what the delegate sees.
def shows_exc_info():
    yield repr(sys.exc_info()[1])


def handles_while_delegating():
    try:
        raise ValueError("being handled")
    except ValueError:
        yield from shows_exc_info()


def plain_top():
    yield from handles_while_delegating()


print(list(plain_top()))


# A delegate advanced or exhausted by someone else meanwhile.
def counter(n):
    for i in range(n):
        yield i
    return "counter done"


shared = counter(5)


def uses_shared():
    result = yield from shared
    yield f"shared returned {result!r}"


def top_shared():
    yield from uses_shared()


it = top_shared()
print(next(it), next(shared), next(it), list(shared), list(it))


# close() and throw() into the outer generator of a paused chain.
def noisy(name, inner=None):
    try:
        if inner is None:
            while True:
                yield name
        else:
            yield from inner
    except GeneratorExit:
        print("closing", name)
        raise
    except ZeroDivisionError as exc:
        print(name, "handles", exc)
        yield name + " recovered"
    finally:
        print("finally", name)


g = noisy("a", noisy("b", noisy("c")))
print(next(g), next(g))
g.close()
g = noisy("a", noisy("b", noisy("c")))
print(next(g))
print(g.throw(ZeroDivisionError("zero")))
print(next(g, "exhausted"))
g.close()


# Sending values down a chain: the innermost generator receives them.
def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            return received
        received.append(value)


def relay():
    got = yield from echo()
    yield got


def relay2():
    yield from relay()


r = relay2()
print(next(r), r.send("x"), r.send("y"), r.send(None))


# Coroutines awaiting coroutines, driven by hand.
import types


@types.coroutine
def suspend(value):
    sent = yield value
    return sent


async def level(n):
    if n == 0:
        first = await suspend("leaf-1")
        second = await suspend("leaf-2")
        return first + second
    return await level(n - 1) * 2


coro = level(5)
print(coro.send(None), coro.send(3), end=" ")
try:
    coro.send(4)
except StopIteration as stop:
    print("result", stop.value)


# The chain grows, shrinks and grows again while it is iterated.
def zigzag(depth):
    yield ("enter", depth)
    if depth:
        got = yield from zigzag(depth - 1)
        yield ("back", depth, got)
        got = yield from zigzag(depth - 1)
        yield ("again", depth, got)
    return depth


items = list(zigzag(3))
print(len(items), items[:6], items[-4:])
