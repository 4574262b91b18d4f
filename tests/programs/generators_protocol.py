# Generators: send, throw, close, yield from with return values.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as stop:
    print("returned", stop.value)


def delegate():
    result = yield from accumulator()
    yield f"inner returned {result}"


d = delegate()
print(next(d), d.send(1), d.send(2), d.send(None))


def careful():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("cleanup")


c = careful()
print(next(c), c.throw(ValueError("boom")))
c.close()
c2 = careful()
print(next(c2))
c2.close()
print(list(careful()))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


print(list(take(10, fib())), sum(x for x in take(20, fib()) if x % 2 == 0))
gen = (x * x for x in range(5))
print(next(gen), list(gen), list(gen))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", [1, 2], range(3))), dict(zip(chain("xy"), fib())))


def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            print("refusing to close")
            yield


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
