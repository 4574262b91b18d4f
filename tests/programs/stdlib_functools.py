# functools: reduce, partial, partialmethod, wraps, lru_cache, cache,
# cmp_to_key, total_ordering, cached_property, singledispatch.
import functools
from functools import (
    cache, cached_property, cmp_to_key, lru_cache, partial, partialmethod, reduce,
    singledispatch, singledispatchmethod, total_ordering, update_wrapper, wraps)


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda a, b: a + b, [], "init"), reduce(lambda a, b: a + b, ["only"]))
print(reduce(lambda a, b: b + a, "abc", ""), reduce(max, iter([3, 9, 2])))
attempt("empty", lambda: reduce(lambda a, b: a, []))
attempt("not iterable", lambda: reduce(lambda a, b: a, 5))
attempt("no args", lambda: reduce())
attempt("one arg", lambda: reduce(len))
attempt("four args", lambda: reduce(len, [], 1, 2))
attempt("keyword", lambda: reduce(lambda a, b: a, [1], initial=0))
attempt("not callable", lambda: reduce(1, [1, 2]))


# partial
def show(a, b=0, *rest, **named):
    return f"a={a} b={b} rest={rest} named={named}"


p = partial(show, 1, key="v")
print(p(), p(2, 3), p(key="other", extra=1))
print(p.func is show, p.args, p.keywords)
q = partial(p, 5, more=True)
print(q.func is show, q.args, q.keywords, q())
print(repr(partial(len)), repr(partial(max, 1, key=abs)), repr(partial(partial(len))))
attempt("set func", lambda: setattr(p, "func", len))
attempt("set args", lambda: setattr(p, "args", ()))
attempt("not callable", lambda: partial(3))
attempt("no args", lambda: partial())
p.note = "noted"
print(p.note, partial(p).func is p, partial(p).args)
attempt("call error", lambda: partial(len)())
print(list(map(partial(int, base=2), ["101", "11"])))


class MyPartial(partial):
    pass


mp = MyPartial(show, 1)
print(type(mp).__name__, mp(2), repr(mp) == f"MyPartial({show!r}, 1)", isinstance(mp, partial))
print(MyPartial(p).args, type(MyPartial(partial(show, 9))).__name__)
recursive = partial(show)
print(repr(partial(show, 1, 2)) == f"functools.partial({show!r}, 1, 2)")


# partialmethod
class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, state, note=""):
        self.state = (state, note)
        return self

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="gone")

    @classmethod
    def make(cls, kind, size):
        return (cls.__name__, kind, size)

    big = partialmethod(make, "big")

    @staticmethod
    def pair(a, b):
        return (a, b)

    first_one = partialmethod(pair, 1)


c = Cell()
print(c.set_alive().state, c.set_dead().state, c.set_alive(note="again").state)
print(Cell.big(3), c.big(4), c.first_one(2), Cell.first_one(5))
print(Cell.set_alive(c).state)
attempt("bad partialmethod", lambda: partialmethod(5))
print(repr(Cell.__dict__["set_dead"]) == f"functools.partialmethod({Cell.set_state!r}, False, note='gone')")


# wraps and update_wrapper
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return ("logged", func(*args, **kwargs))
    return wrapper


@logged
def compute(x: int) -> int:
    """Compute things."""
    return x * 2


compute.tag = "t"
print(compute(4), compute.__name__, compute.__qualname__, compute.__doc__)
print(compute.__annotations__, compute.__wrapped__(5), compute.__module__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


def original():
    pass


original.attr = 1
original.__wrapped__ = "old"


def target():
    pass


print(update_wrapper(target, original) is target, target.__name__, target.attr,
      target.__wrapped__ is original)


def target2():
    pass


update_wrapper(target2, original, assigned=("__doc__",), updated=())
print(target2.__name__, hasattr(target2, "attr"))


class Obj:
    pass


update_wrapper(Obj(), object())
print("update_wrapper ignores missing attributes")


# lru_cache
calls = []


@lru_cache(maxsize=2)
def square(n):
    calls.append(n)
    return n * n


print([square(n) for n in (1, 2, 1, 3, 2, 1)], calls)
print(square.cache_info(), square.cache_parameters())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info))
print(type(info).__name__, isinstance(info, tuple), info._fields)
square.cache_clear()
print(square.cache_info(), square.__name__, square.__wrapped__(3))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info(), fib.cache_parameters())


@lru_cache(maxsize=None)
def unbounded(*args, **kwargs):
    return (args, sorted(kwargs.items()))


unbounded(1)
unbounded(1.0)
unbounded(1, x=2)
unbounded(1, x=2)
unbounded(x=2)
print(unbounded.cache_info())


@lru_cache(typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info())


@lru_cache(maxsize=0)
def never(x):
    return x


never(1)
never(1)
print(never.cache_info())
print(lru_cache(-3)(len).cache_parameters(), lru_cache(None)(len).cache_parameters())
attempt("lru str", lambda: lru_cache("x"))
attempt("unhashable", lambda: square([1]))


@cache
def counted(x):
    calls.append(("counted", x))
    return x


counted(1)
counted(1)
print(counted.cache_info(), counted.cache_parameters())


class Repo:
    @lru_cache
    def fetch(self, key):
        return (id(self) > 0, key)


r = Repo()
print(r.fetch("k"), r.fetch("k"), Repo.fetch.cache_info().hits)


# cmp_to_key
def by_length_then_text(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


key = cmp_to_key(by_length_then_text)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=key), type(key).__name__)
k1, k2 = key("a"), key("bb")
print(k1 < k2, k1 > k2, k1 == key("b"), k1 <= k2, k2 >= k1, k1.obj, type(k1).__name__)
attempt("compare with other", lambda: k1 < "a")
attempt("call without obj", lambda: key())
print(cmp_to_key(mycmp=by_length_then_text)("x").obj, min(["bb", "a"], key=key))


# total_ordering
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return isinstance(other, Version) and self.n == other.n

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.n < other.n


v1, v2 = Version(1), Version(2)
print(v1 < v2, v1 > v2, v1 <= v2, v1 >= v2, v2 >= v2, v2 <= v2)
print(Version.__gt__.__name__, Version.__le__.__name__, "__lt__" in Version.__dict__)
attempt("mixed", lambda: v1 > 3)


@total_ordering
class Desc:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n >= other.n


print(Desc(1) < Desc(2), Desc(2) > Desc(1), Desc(1) <= Desc(1), Desc(3) > Desc(3))


@total_ordering
class Both:
    def __init__(self, n):
        self.n = n

    def __le__(self, other):
        return self.n <= other.n

    def __gt__(self, other):
        return self.n > other.n


print(Both(1) < Both(2), Both(2) >= Both(2), sorted([Both(3), Both(1)], key=lambda b: b)[0].n)


class Unordered:
    pass


attempt("no ordering", lambda: total_ordering(Unordered))


# cached_property
class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0

    @cached_property
    def total(self):
        """The sum of the values."""
        self.computed += 1
        return sum(self.values)


ds = Dataset([1, 2, 3])
print(ds.total, ds.total, ds.computed, ds.__dict__["total"])
ds.total = 100
print(ds.total)
del ds.total
print(ds.total, ds.computed)
print(Dataset.total.attrname, Dataset.total.__doc__, type(Dataset.total).__name__)


class Slotted:
    __slots__ = ("a",)

    @cached_property
    def value(self):
        return 1


attempt("slots", lambda: Slotted().value)
loose = cached_property(lambda self: 1)
attempt("no set_name", lambda: loose.__get__(ds, Dataset))
prop = cached_property(lambda self: 1)
prop.__set_name__(Dataset, "one")
attempt("second name", lambda: prop.__set_name__(Dataset, "two"))
prop.__set_name__(Dataset, "one")
print("same name is fine")


# singledispatch
@singledispatch
def describe(obj, verbose=False):
    return f"object {obj!r}"


@describe.register
def _(obj: int, verbose=False):
    return f"int {obj}" + (" (verbose)" if verbose else "")


@describe.register(list)
def _(obj, verbose=False):
    return f"list of {len(obj)}"


def describe_float(obj, verbose=False):
    return f"float {obj}"


print(describe.register(float, describe_float) is describe_float)
print(describe(1), describe(True), describe(1, verbose=True), describe([1, 2]),
      describe(2.5), describe("s"), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(str) is describe.__wrapped__)
print(sorted(cls.__name__ for cls in describe.registry), describe.registry[list](()))
print(describe.__name__, describe.__doc__)
attempt("no args", lambda: describe())
try:
    describe.register(lambda obj: 1)
except TypeError as e:
    message = str(e)
    print("plain register", message[:message.index(" at 0x")], message[message.index(">."):])
attempt("register non-class", lambda: describe.register(3, lambda obj: 1))


def bad_annotation(obj: 5):
    pass


attempt("bad annotation", lambda: describe.register(bad_annotation))


class Animal:
    pass


class Dog(Animal):
    pass


class Puppy(Dog):
    pass


@singledispatch
def sound(animal):
    return "..."


@sound.register
def _(animal: Animal):
    return "generic animal"


@sound.register
def _(animal: Dog):
    return "woof"


print(sound(Animal()), sound(Dog()), sound(Puppy()), sound(1))

import collections.abc


@singledispatch
def shape(obj):
    return "scalar"


@shape.register
def _(obj: collections.abc.Sequence):
    return "sequence"


@shape.register
def _(obj: collections.abc.Mapping):
    return "mapping"


@shape.register(str)
def _(obj):
    return "text"


print(shape(1), shape([1]), shape((1,)), shape({}), shape("x"), shape(range(2)))


class Later:
    pass


print(shape(Later()))
collections.abc.Sequence.register(Later)
print(shape(Later()))


# singledispatchmethod
class Formatter:
    @singledispatchmethod
    def format(self, arg):
        return f"default {arg!r}"

    @format.register
    def _(self, arg: int):
        return f"int {arg}"

    @format.register(list)
    def _(self, arg):
        return f"list {len(arg)}"

    @singledispatchmethod
    @classmethod
    def build(cls, arg):
        return (cls.__name__, "default")

    @build.register
    @classmethod
    def _(cls, arg: str):
        return (cls.__name__, "str")


f = Formatter()
print(f.format(1), f.format([1, 2]), f.format("x"), Formatter.format(f, 3))
print(Formatter.build("s"), Formatter.build(1), f.build("t"), Formatter.format.__name__)
attempt("bad singledispatchmethod", lambda: singledispatchmethod(1))
