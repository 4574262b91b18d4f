import collections.abc as abc
from collections.abc import (Mapping, MutableMapping, Sequence, MutableSequence,
                             Set, MutableSet, Iterable, Iterator, Sized, Container,
                             Hashable, Callable, Collection, Reversible, Generator,
                             KeysView, ItemsView, ValuesView, MappingView)


def err(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


class M(Mapping):
    def __init__(self, d):
        self._d = dict(d)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)


m = M({"a": 1, "b": 2, "c": 3})
print(m.get("a"), m.get("z"), m.get("z", 9), "a" in m, "z" in m)
print(list(m.keys()), list(m.items()), list(m.values()))
print(len(m.keys()), ("a", 1) in m.items(), ("a", 2) in m.items(), ("q", 1) in m.items())
print(2 in m.values(), 7 in m.values())
print(m == {"a": 1, "b": 2, "c": 3}, m != {"a": 1}, m == M({"a": 1, "b": 2, "c": 3}), m == [1])
print(repr(m.keys())[:9], type(m.items()).__name__, type(m.values()).__name__)
print(sorted(m.keys() & {"a", "z"}), sorted(m.keys() | {"z"}), sorted(m.keys() - {"a"}), sorted(m.keys() ^ {"a", "q"}))
print(m.keys() <= {"a", "b", "c", "d"}, m.keys() < {"a", "b", "c"}, m.keys() == {"a", "b", "c"})
print(sorted(m.items() & {("a", 1), ("b", 5)}))
print(m.keys().isdisjoint(["x"]), m.keys().isdisjoint(["a"]))
print(M.__reversed__, Mapping.__hash__)
err(reversed, m)
err(hash, m)
print(sorted(M.__abstractmethods__), sorted(Mapping.__abstractmethods__))
for meth in ("get", "keys", "items", "values", "__contains__", "__eq__", "pop", "__getitem__"):
    print(meth, hasattr(M, meth))


class MM(MutableMapping):
    def __init__(self, *a, **k):
        self._d = {}
        self.update(*a, **k)
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __repr__(self):
        return "MM(%r)" % self._d


mm = MM({"x": 1}, y=2)
mm.update([("z", 3)], w=4)
mm.update(M({"q": 5}))
class HasKeys:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
mm.update(HasKeys())
print(mm)
print(mm.pop("x"), mm.pop("nope", "dflt"))
err(mm.pop, "nope")
print(mm.setdefault("y", 100), mm.setdefault("new", 100), mm.setdefault("none"))
print(mm.popitem(), mm)
mm.clear()
print(mm, len(mm))
err(mm.popitem)
try:
    mm.popitem()
except KeyError as e:
    print("suppress", e.__suppress_context__, e.__cause__, e.args)
err(mm.update, 5)
err(mm.update, [(1, 2, 3)])
err(mm.update, {}, {})
err(MM)
print(MM(a=1) == {"a": 1})
err(lambda: MutableMapping())
err(lambda: M())


class S(Sequence):
    def __init__(self, *items):
        self._items = list(items)
    def __getitem__(self, i):
        return self._items[i]
    def __len__(self):
        return len(self._items)


s = S(1, 2, 3, 2, 1)
print(list(s), list(reversed(s)), 2 in s, 9 in s, s.index(2), s.index(2, 2), s.index(1, -1), s.count(2), s.count(9))
err(s.index, 9)
err(s.index, 2, 0, 1)
err(s.index, 3, -10, -2)
print(s.index(3, -10), s.index(1, 1, None))
nan = float("nan")
sn = S(nan, 1)
print(nan in sn, sn.count(nan), sn.index(nan))
print(isinstance(s, Reversible), isinstance(s, Collection), isinstance(s, Hashable), isinstance(s, Iterable))
print(hasattr(S, "__iter__"), hasattr(S, "__reversed__"), hasattr(S, "index"), hasattr(S, "append"))


class MS(MutableSequence):
    def __init__(self, items=()):
        self._items = list(items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
    def __len__(self):
        return len(self._items)
    def insert(self, i, v):
        self._items.insert(i, v)
    def __repr__(self):
        return "MS(%r)" % self._items


ms = MS([3, 1, 2])
ms.append(4)
ms.extend([5, 6])
ms.extend(ms)
print(ms)
ms.reverse()
print(ms, ms.pop(), ms.pop(0), ms)
ms.remove(3)
print(ms)
err(ms.remove, 99)
ms += [7, 8]
print(ms)
ms.clear()
print(ms, len(ms))
err(ms.pop)
for n in range(6):
    x = MS(range(n))
    x.reverse()
    print(x, end=" ")
print()
print(sorted(MutableSequence.__abstractmethods__), sorted(Sequence.__abstractmethods__))


class ST(Set):
    def __init__(self, it=()):
        self._e = []
        for x in it:
            if x not in self._e:
                self._e.append(x)
    def __contains__(self, x):
        return x in self._e
    def __iter__(self):
        return iter(self._e)
    def __len__(self):
        return len(self._e)
    def __repr__(self):
        return "ST(%r)" % sorted(self._e)


a, b = ST([1, 2, 3]), ST([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, b - a)
print(a & [3, 9], a | [9], a - [1], a ^ [1, 9])
print([0, 1] - a if False else "skip", ST([1]) <= a, a >= ST([1]), a < a, a <= a, a > ST([1, 2]), a == ST([3, 2, 1]), a != b)
print(a == {1, 2, 3}, a <= {1, 2, 3, 4}, {1, 2, 3} == a)
print(a.__and__(5), a.__or__(5), a.__sub__(5), a.__xor__(5), a.__le__([1]), a.__eq__([1]))
print(a.__rsub__([1, 2, 7]), a.__rand__([1]), a.__rxor__([1, 7]), a.__ror__([8]))
err(lambda: a & 5)
err(lambda: a < [1])
print(a.isdisjoint([7, 8]), a.isdisjoint([3]))
print(ST._hash(ST([1, 2])) == hash(frozenset([1, 2])), ST.__hash__)
err(hash, a)


class MSet(MutableSet):
    def __init__(self, it=()):
        self._s = []
        for x in it:
            self.add(x)
    def __contains__(self, x):
        return x in self._s
    def __iter__(self):
        return iter(list(self._s))
    def __len__(self):
        return len(self._s)
    def add(self, x):
        if x not in self._s:
            self._s.append(x)
    def discard(self, x):
        if x in self._s:
            self._s.remove(x)
    def __repr__(self):
        return "MSet(%r)" % sorted(self._s)


ms2 = MSet([1, 2, 3])
ms2.remove(1)
err(ms2.remove, 1)
print(ms2, ms2.pop(), ms2)
ms2 |= [5, 6]
print(ms2)
ms2 &= [5, 6, 7]
print(ms2)
ms2 ^= [6, 8]
print(ms2)
ms2 -= [8]
print(ms2)
ms2 ^= ms2
print(ms2)
ms2 |= [1, 2]
ms2 -= ms2
print(ms2)
ms2.add(4)
ms2.clear()
print(ms2)
err(ms2.pop)
print(sorted(MutableSet.__abstractmethods__))
err(lambda: MutableSet())
