# for loops over itertools.chain of generators: the items, the order of
# the generators' side effects, errors raised inside them, breaking out
# and going on, re-entrance, and generators that return values.
import sys
import traceback
from itertools import chain


def numbers(label, n, log):
    log.append("start " + label)
    try:
        for i in range(n):
            log.append("%s yields %d" % (label, i))
            yield (label, i)
        return "done " + label
    finally:
        log.append("end " + label)


log = []
for item in chain(numbers("a", 2, log), [("list", 0)], numbers("b", 3, log), (), numbers("c", 0, log)):
    log.append("got %r" % (item,))
print("\n".join(log))

# Breaking out leaves the generator suspended; the chain goes on later.
log = []
c = chain(numbers("x", 3, log), numbers("y", 2, log))
for item in c:
    log.append("got %r" % (item,))
    if item == ("x", 1):
        break
log.append("after break")
print(next(c))
for item in c:
    log.append("got %r" % (item,))
print("\n".join(log))


# An exception inside the generator comes out of the loop.
def failing():
    yield 1
    raise KeyError("inside")


try:
    for value in chain(failing(), [2]):
        print("value", value)
except KeyError as err:
    print("KeyError", err)
    last = traceback.extract_tb(err.__traceback__)[-1]
    print(last.lineno, last.name)


# StopIteration raised in a generator is a RuntimeError (PEP 479).
def stopping():
    yield "s"
    raise StopIteration


try:
    print(list(chain(stopping())))
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    for v in chain(stopping(), ["after"]):
        print("v", v)
except RuntimeError as err:
    print("RuntimeError:", err)


# The generator running sees its own state and its caller.
def introspect():
    frame = sys._getframe()
    yield gen.gi_running, frame.f_back.f_code.co_name


def consumer():
    return [state for state in chain(gen)]


gen = introspect()
print(consumer())


# Re-entering the chain from inside the generator it is taking from.
def reenter():
    yield 1
    try:
        next(outer)
    except ValueError as err:
        yield "ValueError: %s" % err


outer = chain(reenter(), [3])
print([v for v in outer])
outer = chain(reenter(), [3])
for v in outer:
    print("loop", v)

# chain.from_iterable over a generator of generators.
print(list(chain.from_iterable(numbers(str(k), k, []) for k in range(4))))
for pair in chain.from_iterable(numbers(str(k), k, []) for k in range(3)):
    print(pair)

# Nested chains and a generator exhausted before the loop.
spent = numbers("spent", 1, [])
list(spent)
for item in chain(chain(numbers("n", 2, []), spent), chain(spent, numbers("m", 1, []))):
    print(item)


# A generator closed while the chain is suspended in it.
def closable(log):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        log.append("closed")
        raise


log = []
inner = closable(log)
c = chain(inner, [9])
for item in c:
    inner.close()
    print("item", item)
print(log, list(c))

# Unpacking the items in the loop target, with enumerate on top.
for index, (label, i) in enumerate(chain(numbers("e", 2, []), numbers("f", 1, []))):
    print(index, label, i)
for label, i in chain(numbers("g", 2, [])):
    print(label, i)
