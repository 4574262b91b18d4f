# inspect.getgeneratorstate / getcoroutinestate / getgeneratorlocals
import inspect


def counter(limit):
    total = 0
    states.append(inspect.getgeneratorstate(g))
    for i in range(limit):
        total += i
        yield total


states = []
g = counter(3)
states.append(inspect.getgeneratorstate(g))
print(inspect.getgeneratorlocals(g))
next(g)
states.append(inspect.getgeneratorstate(g))
print(sorted(inspect.getgeneratorlocals(g).items()))
g.close()
states.append(inspect.getgeneratorstate(g))
print(states, inspect.getgeneratorlocals(g))

g = counter(2)
print(list(g), inspect.getgeneratorstate(g))


def failing():
    yield 1
    raise KeyError('k')


f = failing()
next(f)
try:
    next(f)
except KeyError:
    pass
print(inspect.getgeneratorstate(f))
try:
    inspect.getgeneratorlocals(5)
except TypeError as e:
    print(type(e).__name__, e)


async def job(n):
    return n


c = job(1)
print(inspect.getcoroutinestate(c), sorted(inspect.getcoroutinelocals(c)))
try:
    c.send(None)
except StopIteration as stop:
    print('result', stop.value)
print(inspect.getcoroutinestate(c), inspect.getcoroutinelocals(c))


class Awaitable:
    def __await__(self):
        yield


async def waiter():
    seen.append(inspect.getcoroutinestate(w))
    await Awaitable()


seen = []
w = waiter()
w.send(None)
seen.append(inspect.getcoroutinestate(w))
w.close()
seen.append(inspect.getcoroutinestate(w))
print(seen)
