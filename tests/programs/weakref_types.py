# Which objects can be weakly referenced (CPython's rules for the common
# types), `__weakref__`, and subclasses of weakref.ref.
import weakref
import collections
import array
import re
import sys


class Plain:
    def method(self):
        pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class SubSlotted(Slotted):
    pass


class SubSlottedEmpty(Slotted):
    __slots__ = ()


class IntSub(int):
    pass


class StrSub(str):
    pass


class TupleSub(tuple):
    pass


class ListSub(list):
    pass


class DictSub(dict):
    pass


class SetSub(set):
    __slots__ = ()


class MyError(Exception):
    pass


def function():
    pass


def generator():
    yield 1


candidates = [
    ("int", 1), ("big int", 10 ** 30), ("float", 1.5), ("complex", 1j),
    ("bool", True), ("None", None), ("str", "s"), ("bytes", b"b"),
    ("bytearray", bytearray()), ("tuple", ()), ("list", []), ("dict", {}),
    ("set", set()), ("frozenset", frozenset()), ("range", range(2)),
    ("slice", slice(1)), ("object()", object()), ("Plain()", Plain()),
    ("Slotted()", Slotted()), ("SlottedWeak()", SlottedWeak()),
    ("SubSlotted()", SubSlotted()), ("SubSlottedEmpty()", SubSlottedEmpty()),
    ("IntSub", IntSub(1)), ("StrSub", StrSub("s")), ("TupleSub", TupleSub()),
    ("ListSub", ListSub()), ("DictSub", DictSub()), ("SetSub", SetSub()),
    ("Exception()", Exception()), ("MyError()", MyError()),
    ("function", function), ("lambda", lambda: 0), ("class", Plain),
    ("builtin type", int), ("bound method", Plain().method),
    ("generator", generator()), ("module", sys), ("property", property()),
    ("staticmethod", staticmethod(function)), ("iterator", iter([])),
    ("deque", collections.deque()), ("array", array.array("i")),
    ("pattern", re.compile("x")), ("ref", weakref.ref(Plain)),
    ("Ellipsis", ...),
]
for label, value in candidates:
    try:
        r = weakref.ref(value)
        print(label, "ok", r() is value or r() is None)
    except TypeError as e:
        print(label, "TypeError:", e)

print("--- __weakref__")
p = Plain()
print(p.__weakref__)
r = weakref.ref(p)
print(p.__weakref__ is r)
cb = weakref.ref(p, print)
print(p.__weakref__ is r)
s = SlottedWeak()
print(s.__weakref__)
try:
    Slotted().__weakref__
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Twice(Plain):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)

print("--- classes and functions die too")


def make():
    def inner():
        pass
    return weakref.ref(inner)


# (A class is in a reference cycle in CPython: it would live until the
# cycle collector runs, so none dies here.)
print(make()())
print(weakref.ref(Plain)() is Plain, weakref.ref(Plain) is weakref.ref(Plain))
s = {1, 2}
sr = weakref.ref(s, lambda r: print("set died"))
del s
g = generator()
gr = weakref.ref(g, lambda r: print("generator died"))
del g

print("--- subclasses of ref")


class Named(weakref.ref):
    def __init__(self, ob, callback=None, name="?"):
        super().__init__(ob, callback)
        self.name = name


o = Plain()
n = Named(o, name="first")
print(type(n).__name__, isinstance(n, weakref.ref), n() is o, n.name)
print("never shared:", Named(o) is not Named(o), weakref.ref(o) is not n)
print("equal:", n == weakref.ref(o), hash(n) == hash(o))
print("count:", weakref.getweakrefcount(o), weakref.getweakrefs(o)[0] is weakref.ref(o))
got = []
n2 = Named(o, lambda r: got.append((type(r).__name__, r.name)), name="second")
del o
print("callback got the subclass instance:", got, n(), n2())
print(repr(n).startswith("<__main__.Named object at 0x") or repr(n).startswith("<weakref at "))


class Counting(weakref.ref):
    __slots__ = ("hits",)

    def __new__(cls, ob, callback=None):
        self = super().__new__(cls, ob, callback)
        self.hits = 0
        return self

    def __call__(self):
        self.hits += 1
        return super().__call__()


o = Plain()
c = Counting(o)
c()
c()
print("overridden __call__:", c.hits, c() is o, c.hits)
print("--- copies of references are the references")
import copy
o = Plain()
r = weakref.ref(o)
print(copy.copy(r) is r, copy.deepcopy([r])[0] is r)
print("end")
