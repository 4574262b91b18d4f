# functools.lru_cache / cache: keys, order of eviction, statistics, and
# the wrapper as function, method and attribute holder.
import copy
import functools

calls = []


@functools.lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    square(x)
print(calls, square.cache_info())
square.cache_clear()
print(square.cache_info(), square.cache_parameters())


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.cache
def ident(*args, **kwargs):
    calls.append((args, kwargs))
    return (args, kwargs)


calls.clear()
ident(1)
ident(1.0)
ident(True)
ident(1, a=2)
ident(1, a=2)
ident(a=1, b=2)
ident(b=2, a=1)
ident((1, 2))
ident([1, 2][0])
print(calls, ident.cache_info())


@functools.lru_cache(typed=True)
def typed(x):
    calls.append(("typed", x))
    return x


calls.clear()
typed(1)
typed(1.0)
typed(True)
typed(1)
print(calls, typed.cache_info(), typed.cache_parameters())


@functools.lru_cache(maxsize=0)
def never(x):
    return x


never(1)
never(1)
print(never.cache_info())


@functools.lru_cache(-5)
def negative(x):
    return x


negative(1)
negative(1)
print(negative.cache_info())

# Unhashable arguments and exceptions from the function.
try:
    square([1, 2])
except TypeError as err:
    print("TypeError:", err)


@functools.lru_cache
def fails(x):
    calls.append(("fails", x))
    raise ValueError(x)


calls.clear()
for _ in range(2):
    try:
        fails(7)
    except ValueError as err:
        print("ValueError:", err)
print(calls, fails.cache_info())


# Keys compared with user __eq__/__hash__.
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 10)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v % 10 == other.v % 10


@functools.lru_cache(maxsize=2)
def by_key(k):
    return k.v


print(by_key(Key(3)), by_key(Key(13)), by_key(Key(4)), by_key.cache_info())


# As a method: bound per instance; the cache is shared by the class.
class Circle:
    def __init__(self, r):
        self.r = r

    @functools.lru_cache(maxsize=8)
    def area(self, scale=1):
        calls.append(("area", self.r, scale))
        return 3 * self.r * self.r * scale

    def __hash__(self):
        return hash(self.r)

    def __eq__(self, other):
        return self.r == other.r


calls.clear()
a, b = Circle(2), Circle(2)
print(a.area(), b.area(), a.area(scale=2), a.area(2), Circle.area(a))
print(calls, Circle.area.cache_info())

# The wrapper carries the function's attributes.
print(square.__name__, square.__qualname__, square.__doc__, square.__wrapped__(6))
print(fib.__module__, callable(fib), copy.copy(fib) is fib, copy.deepcopy(fib) is fib)
print(type(fib).__name__, isinstance(fib, functools._lru_cache_wrapper))
try:
    functools.lru_cache(maxsize="3")
except TypeError as err:
    print("TypeError:", err)
try:
    functools.lru_cache(None)(5)
except TypeError as err:
    print("TypeError:", err)
