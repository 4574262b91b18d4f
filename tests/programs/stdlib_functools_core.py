import functools
from functools import (partial, partialmethod, wraps, update_wrapper, total_ordering,
                       lru_cache, cache, cached_property, reduce, cmp_to_key)


def err(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)


def f(a, b=2, *rest, **kw):
    return (a, b, rest, sorted(kw.items()))


p = partial(f, 1, x=5)
print(p(), p(3, 4, x=6, y=7), p.func is f, p.args, p.keywords)
print(repr(partial(f, 1, b=3)).replace(hex(id(f)), "ADDR").split(" at ")[0])
pp = partial(p, 9, z=1)
print(pp.func is f, pp.args, sorted(pp.keywords.items()))
p.attr = 1
pq = partial(p, 2)
print(pq.func is p, pq.args)
err(partial)
err(partial, 5)
for attr in ("func", "args", "keywords"):
    try:
        setattr(p, attr, 1)
    except AttributeError as e:
        print("AttributeError", e)
print(partial.func.__doc__, partial.args.__doc__, partial.keywords.__doc__, sep=" | ")
print(type(partial(f)).__name__, partial.__module__, partial.__name__)


class MyPartial(partial):
    pass


mp = MyPartial(f, 1)
print(type(mp).__name__, mp(), repr(mp).startswith("MyPartial(<function f"))
print(p.__reduce__()[0] is partial, p.__reduce__()[1][0] is f, p.__reduce__()[2][1:])
print(partial(f).__reduce__()[2][1:], MyPartial(f, 2, k=1).__reduce__()[2][1:])
q = partial(f)
q.__setstate__((f, (1, 2), {"k": 3}, None))
print(q(), q.args, q.keywords)
err(q.__setstate__, [1])
err(q.__setstate__, (1, 2))
err(q.__setstate__, (5, (), None, None))
print(partial[int])
rp = partial(f)
rp2 = partial(rp, rp)
print(partial(max, key=len)(["a", "bbb", "cc"]))
# keyword override
print(partial(f, b=1)(0, b=2))


class Cell:
    def __init__(self):
        self.v = None
    def set(self, value, scale=1):
        self.v = value * scale
        return self.v
    set5 = partialmethod(set, 5)
    set_scaled = partialmethod(set, scale=10)
    @classmethod
    def kind(cls, tag):
        return (cls.__name__, tag)
    ck = partialmethod(kind, "T")
    @staticmethod
    def st(a, b):
        return a + b
    sp = partialmethod(st, 100)


c = Cell()
print(c.set5(), c.set_scaled(3), Cell.ck(), c.ck(), c.sp(1), Cell.sp(2))
print(repr(Cell.__dict__["set5"]).split(" at ")[0], Cell.__dict__["set5"].args)
nested = partialmethod(Cell.__dict__["set5"], scale=2)
print(nested.func is Cell.set, nested.args, nested.keywords)
err(partialmethod, 5)
print(Cell.set5.__name__ if hasattr(Cell.set5, "__name__") else "no name", Cell.set5._partialmethod is Cell.__dict__["set5"])


# wraps / update_wrapper
def original(x: int) -> int:
    """orig doc"""
    return x


original.custom = "c"


@wraps(original)
def wrapper(*a):
    return original(*a)


print(wrapper.__name__, wrapper.__doc__, wrapper.__annotations__, wrapper.custom, wrapper.__wrapped__ is original, wrapper.__qualname__)
w2 = update_wrapper(lambda: 0, original, assigned=("__doc__",), updated=())
print(w2.__name__, w2.__doc__, hasattr(w2, "custom"))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


class NoName:
    def __call__(self):
        return 1


w3 = update_wrapper(lambda: 0, NoName())
print(w3.__name__)
err(update_wrapper, lambda: 0, original, updated=("nope",))


# total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v


a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, a <= V(1), a >= V(1), V.__gt__.__name__)
err(lambda: a < 1)
err(lambda: a >= 1)
for root in ("__le__", "__gt__", "__ge__"):
    ns = {"__init__": lambda s, v: setattr(s, "v", v), "__eq__": lambda s, o: s.v == o.v,
          root: (lambda op: lambda s, o: op(s.v, o.v))({"__le__": lambda x, y: x <= y,
                                                         "__gt__": lambda x, y: x > y,
                                                         "__ge__": lambda x, y: x >= y}[root])}
    K = total_ordering(type("K" + root, (), ns))
    x, y = K(1), K(2)
    print(root, x < y, x > y, x <= y, x >= y, x <= K(1), x >= K(1), x < K(1), x > K(1))
err(total_ordering, type("Empty", (), {}))


@total_ordering
class Both:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
    def __lt__(self, o): return self.v < o.v
print(Both(1) <= Both(2), Both.__le__.__name__, "__ge__" in Both.__dict__)


@total_ordering
class IntSub(int):
    pass
print(IntSub(1) < IntSub(2), "__gt__" in IntSub.__dict__)

# lru_cache
calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


print([sq(i) for i in (1, 2, 1, 3, 1, 2)], calls, sq.cache_info())
print(sq.cache_parameters(), sq.__name__, sq.__wrapped__.__name__)
sq.cache_clear()
print(sq.cache_info(), sq.cache_info().hits, sq.cache_info()._asdict())


@lru_cache
def bare(x, y=0):
    return x + y


print(bare(1), bare(1), bare(1, y=0), bare(1, 0), bare.cache_info(), bare.cache_parameters())


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info(), typed.cache_parameters())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info(), fib.cache_parameters())
err(lru_cache, "x")
err(lru_cache(3), 5)
print(lru_cache(maxsize=-5)(lambda: 1).cache_parameters())
err(sq, [1])


class Meth:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=None)
    def m(self, x):
        return self.k * x


print(Meth(2).m(3), Meth(3).m(3), Meth.m.cache_info().misses)
ci = functools._CacheInfo(1, 2, 3, 4)
print(ci, ci.hits, ci.currsize, tuple(ci), functools._CacheInfo._fields, type(ci).__name__)
import copy
print(copy.copy(sq) is sq, copy.deepcopy(sq) is sq)


# cached_property
class CP:
    count = 0
    @cached_property
    def value(self):
        """cached doc"""
        CP.count += 1
        return CP.count


o = CP()
print(o.value, o.value, CP.count, o.__dict__, CP.value.__doc__, CP.value.attrname, type(CP.value).__name__)
del o.value
print(o.value)


class Slotted:
    __slots__ = ("a",)
    @cached_property
    def p(self):
        return 1


err(lambda: Slotted().p)
cp = cached_property(lambda self: 1)
err(cp.__get__, CP())
try:
    class Twice:
        x = cached_property(lambda s: 1)
        y = x
except Exception as e:
    print(type(e).__name__, str(e).split(" in ")[0], e.__cause__)
print(cached_property[int] is not None)

# reduce, cmp_to_key
import operator
print(reduce(operator.add, [1, 2, 3]), reduce(operator.add, [], 10), reduce(lambda a, b: a * b, range(1, 6), 1))
err(reduce, operator.add, [])
err(reduce, operator.add, 5)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(functools.__all__))
