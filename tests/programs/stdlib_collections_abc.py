# collections.abc: isinstance tests for builtins and user classes, and the
# mixin methods a subclass defining only the abstract methods gets.
import collections.abc as cabc
from collections.abc import (
    ByteString, Callable, Collection, Container, Generator, Hashable, ItemsView,
    Iterable, Iterator, KeysView, Mapping, MappingView, MutableMapping, MutableSequence,
    MutableSet, Reversible, Sequence, Set, Sized, ValuesView, Awaitable, Coroutine,
    AsyncIterable, AsyncIterator, AsyncGenerator)


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(cabc.__all__))
for name in sorted(cabc.__all__):
    abc_class = getattr(cabc, name)
    print(name, abc_class.__module__, sorted(abc_class.__abstractmethods__),
          [b.__name__ for b in abc_class.__bases__])


def gen():
    yield 1


samples = [
    ("int", 1), ("bool", True), ("float", 1.5), ("str", "ab"), ("bytes", b"ab"),
    ("tuple", (1,)), ("list", [1]), ("dict", {1: 2}), ("set", {1}),
    ("frozenset", frozenset({1})), ("range", range(3)), ("None", None),
    ("keys", {}.keys()), ("values", {}.values()), ("items", {}.items()),
    ("list_iter", iter([])), ("tuple_iter", iter(())), ("str_iter", iter("")),
    ("dict_iter", iter({})), ("set_iter", iter(set())), ("range_iter", iter(range(2))),
    ("reversed_list", reversed([])), ("zip", zip()), ("map", map(len, [])),
    ("enumerate", enumerate([])), ("generator", gen()), ("function", gen),
    ("builtin", len), ("type", int), ("lambda", lambda: 0), ("slice", slice(1)),
    ("object", object()),
]
abcs = [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container,
        Collection, Callable, Set, MutableSet, Mapping, MutableMapping, MappingView,
        KeysView, ItemsView, ValuesView, Sequence, MutableSequence, ByteString,
        Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator]
for label, value in samples:
    print(label, "".join("1" if isinstance(value, a) else "." for a in abcs))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, Hashable),
      issubclass(list, Hashable), issubclass(tuple, Reversible), issubclass(set, Set))


# One-method structural checks on user classes.
class Nothing:
    pass


class Unhashable:
    __hash__ = None


class EqOnly:
    def __eq__(self, other):
        return True


class CallMe:
    def __call__(self):
        return 1


class IterOnly:
    def __iter__(self):
        return iter([1, 2])


class NoIter(IterOnly):
    __iter__ = None


class LenOnly:
    def __len__(self):
        return 0


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class AwaitMe:
    def __await__(self):
        yield


class SubList(list):
    pass


class SubDict(dict):
    pass


for cls in [Nothing, Unhashable, EqOnly, CallMe, IterOnly, NoIter, LenOnly, Countdown,
            AwaitMe, SubList, SubDict]:
    print(cls.__name__, "".join("1" if issubclass(cls, a) else "." for a in abcs))
print(list(Countdown(3)), isinstance(Countdown(1), Iterator))


# A user Sequence defining only __getitem__ and __len__.
class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, index):
        if not 0 <= index < self.n:
            raise IndexError(index)
        return index * index

    def __len__(self):
        return self.n


sq = Squares(5)
print(list(sq), 9 in sq, 10 in sq, list(reversed(sq)), sq.index(4), sq.count(16))
print(sq.index(9, 1), sq.index(16, -2), len(sq), isinstance(sq, Reversible))
attempt("index missing", lambda: sq.index(5))
attempt("index out of range", lambda: sq.index(0, 1, 3))
attempt("Sequence()", lambda: Sequence())


class Half(Sequence):
    def __len__(self):
        return 0


attempt("Half()", lambda: Half())


# A user MutableSequence.
class Stack(MutableSequence):
    def __init__(self, items=()):
        self.items = list(items)

    def __getitem__(self, index):
        return self.items[index]

    def __setitem__(self, index, value):
        self.items[index] = value

    def __delitem__(self, index):
        del self.items[index]

    def __len__(self):
        return len(self.items)

    def insert(self, index, value):
        self.items.insert(index, value)

    def __repr__(self):
        return f"Stack({self.items})"


st = Stack([1, 2])
st.append(3)
st.extend([4, 5])
print(st, st.pop(), st.pop(0), st)
st.reverse()
print(st)
st.remove(3)
st += [9, 9]
print(st, st.count(9))
st.extend(st)
print(st)
st.clear()
print(st, len(st))
attempt("pop empty", lambda: Stack().pop())
attempt("remove missing", lambda: Stack([1]).remove(2))


# A user Mapping and MutableMapping.
class Frozen(Mapping):
    def __init__(self, **items):
        self._items = dict(items)

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)


fr = Frozen(a=1, b=2)
print(fr.get("a"), fr.get("z"), fr.get("z", 0), "a" in fr, "z" in fr)
print(list(fr.keys()), list(fr.values()), list(fr.items()))
print(fr == {"a": 1, "b": 2}, fr == {"a": 1}, fr != Frozen(a=1, b=2), fr == [1])
print(repr(fr.keys()).startswith("KeysView("), type(fr.items()).__name__, len(fr.values()))
print(fr.keys() & {"a", "q"}, fr.keys() | {"c"} == {"a", "b", "c"}, fr.keys() - {"a"})
print(("a", 1) in fr.items(), ("a", 2) in fr.items(), ("q", 1) in fr.items(), 2 in fr.values())
print(fr.keys() == {"a", "b"}, fr.keys() < {"a", "b", "c"}, fr.items() >= {("a", 1)})
print(isinstance(fr.keys(), Set), isinstance(fr.values(), Set), fr.__reversed__)
attempt("reversed mapping", lambda: reversed(fr))
attempt("hash mapping", lambda: hash(fr))


class Registry(MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


reg = Registry()
reg.update({"x": 1}, y=2)
reg.update([("z", 3)])
reg.update(Frozen(w=0))
print(sorted(reg.items()), reg.setdefault("x", 9), reg.setdefault("n", 7), len(reg))
print(reg.pop("x"), reg.pop("missing", "dflt"), reg.popitem(), len(reg))
attempt("pop missing", lambda: reg.pop("missing"))
reg.clear()
print(len(reg), dict(reg))
attempt("popitem empty", lambda: reg.popitem())
print(isinstance(reg, Mapping), isinstance(reg, dict), isinstance({}, MutableMapping))


# A user MutableSet.
class ListSet(MutableSet):
    def __init__(self, items=()):
        self.items = []
        for item in items:
            self.add(item)

    def __contains__(self, item):
        return item in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, item):
        if item not in self.items:
            self.items.append(item)

    def discard(self, item):
        if item in self.items:
            self.items.remove(item)

    def __repr__(self):
        return f"ListSet({self.items})"


a = ListSet([1, 2, 3])
b = ListSet([3, 4])
print(a & b, a | b, a - b, a ^ b, b - a)
print(a & [2, 3, 9], [2, 9] & a, a | [7], a - [1], [1, 5] - a, a ^ [3, 8])
print(a <= ListSet([1, 2, 3, 4]), a < a, a <= a, a == ListSet([3, 2, 1]), a != b,
      a >= ListSet([1]), a > ListSet([1]), a == {1, 2, 3}, a == [1, 2, 3])
print(a.isdisjoint(b), a.isdisjoint([7, 8]))
attempt("a & 1", lambda: a & 1)
attempt("a < [1]", lambda: a < [1])
c = ListSet([1, 2])
c |= [5]
c &= [1, 5, 9]
c ^= [1, 3]
c -= [3]
print(c)
c.remove(5)
attempt("remove missing", lambda: c.remove(5))
c.add(6)
print(c, c.pop(), c)
attempt("pop empty", lambda: ListSet().pop())
d = ListSet([1, 2])
d ^= d
print(d)
d = ListSet([1, 2])
d -= d
d.clear()
print(d)


class HashableSet(Set):
    def __init__(self, items):
        self.items = frozenset(items)

    def __contains__(self, item):
        return item in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    __hash__ = Set._hash


print(hash(HashableSet([1, 2])) == hash(HashableSet([2, 1])), isinstance(HashableSet([]), Hashable))
print(sorted(HashableSet([1, 2]) | HashableSet([3])), type(HashableSet([1]) & [1]).__name__)


# Generator and Iterator mixins.
class Echo(Generator):
    def __init__(self):
        self.last = None

    def send(self, value):
        if value == "stop":
            raise StopIteration
        self.last = value
        return value

    def throw(self, typ, val=None, tb=None):
        raise StopIteration


e = Echo()
print(next(e), e.send(5), iter(e) is e)
e.close()
print("closed")


class Stubborn(Generator):
    def send(self, value):
        return 1

    def throw(self, typ, val=None, tb=None):
        return 2


attempt("stubborn close", lambda: Stubborn().close())


class Numbers(Iterator):
    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


print(list(Numbers()), iter(Numbers()).__class__.__name__)
attempt("Iterator()", lambda: Iterator())
attempt("Hashable abstract", lambda: Hashable())


# Registration.
class Bag:
    pass


Sized.register(Bag)
print(issubclass(Bag, Sized), issubclass(Bag, Collection), isinstance(Bag(), Sized))
Sequence.register(Bag)
print(issubclass(Bag, Sequence), issubclass(Bag, Iterable), issubclass(Bag, Reversible))
print(MappingView({"a": 1}), len(MappingView([1, 2])), repr(ValuesView({"k": 1})))
print(Iterable[int] is not None, Mapping["a", int] is not None)
