# Closures, nonlocal/global, default arguments, generators, yield from.
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]


print([m(10) for m in make_multipliers()])


def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


print(late_binding())


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    def get():
        return n

    return inc, get


inc, get = counter()
inc()
inc()
print(get(), inc(), get())


def append_to(item, target=[]):
    target.append(item)
    return target


append_to(1)
print(append_to(2))

level = "global"


def outer():
    level = "enclosing"

    def inner():
        return level

    return inner()


def set_global():
    global level
    level = "changed"


print(outer(), level)
set_global()
print(level)


def fib_gen(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


print(list(fib_gen(100)))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(3))))


def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received


gen = echo()
print(next(gen), gen.send("a"), gen.send("b"))
try:
    gen.send(None)
except StopIteration as stop:
    print("returned", stop.value)

squares = (n * n for n in range(5))
print(sum(squares), sum(squares))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))


def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x

    return composed


inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapper


@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(80))


def kwargs_only(*, key="k", **rest):
    return key, sorted(rest)


print(kwargs_only(), kwargs_only(key=1, z=2, a=3))
