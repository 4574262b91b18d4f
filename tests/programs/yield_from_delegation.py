# `yield from` a generator: values, sent values, return values, errors,
# throw() and close() pass through every level of a delegation chain.


def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def middle(n):
    result = yield from leaf(n)
    yield ("leaf returned", result)
    return result * 2


def outer(n):
    result = yield from middle(n)
    return ("middle returned", result)


print(list(outer(3)))

# Values sent to the outermost generator reach the innermost one.
g = outer(4)
print(next(g))
print(g.send(10), g.send(20), g.send(30))
print(g.send(None))
try:
    g.send(None)
except StopIteration as stop:
    print("stop", stop.value)


# A deep chain: each level adds itself to what the one below yields.
def level(depth):
    if depth == 0:
        yield 0
        yield 1
        return "bottom"
    result = yield from level(depth - 1)
    yield depth
    return result


print(sum(level(200)), list(level(3)))


# An exception in the delegate is caught around the `yield from`.
def failing():
    yield 1
    raise KeyError("inner")


def catching():
    try:
        yield from failing()
    except KeyError as e:
        yield ("caught", e.args[0])
    yield "after"


print(list(catching()))


# StopIteration raised inside a generator becomes RuntimeError (PEP 479),
# also when that generator is being delegated to.
def raises_stop():
    yield 1
    raise StopIteration("early")


def delegating():
    try:
        yield from raises_stop()
    except RuntimeError as e:
        yield (type(e).__name__, str(e), type(e.__cause__).__name__)


print(list(delegating()))


# throw() goes to the innermost generator first.
def handles(log):
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            log.append(("inner handled", str(e)))
            yield "recovered"


def passes_on(log):
    try:
        yield from handles(log)
    except TypeError as e:
        log.append(("outer handled", str(e)))
        yield "outer recovered"


log = []
g = passes_on(log)
print(next(g))
print(g.throw(ValueError("one")))
print(next(g))
print(g.throw(TypeError("two")))
print(log)


# close() runs the finally blocks of every level, innermost first.
def closing(name, log, inner=None):
    try:
        if inner is None:
            while True:
                yield name
        else:
            yield from inner
    finally:
        log.append("closed " + name)


log = []
g = closing("a", log, closing("b", log, closing("c", log)))
print(next(g), next(g))
g.close()
print(log)


# A delegate cannot resume the generator that is delegating to it.
def reenter():
    yield next(outer_gen)


def delegator():
    yield from reenter()


outer_gen = delegator()
try:
    next(outer_gen)
except ValueError as e:
    print("ValueError", e)


# Delegation inside a for loop and a comprehension.
def numbers(n):
    yield from range(n)
    yield from (x * 10 for x in range(n))
    yield from leaf(n)


print([x for x in numbers(3)])
print(max(numbers(4)), sorted(set(numbers(2))))


# A chain deeper than the recursion limit raises RecursionError, not a crash.
print(sum(level(900)))
try:
    sum(level(100000))
except RecursionError as e:
    print("RecursionError", e)
