import reprlib
from collections import deque
from array import array
from reprlib import Repr, recursive_repr

r = Repr()
print(sorted(vars(r).items()))
samples = [
    (), (1,), (1, 2), tuple(range(10)), [], [1], list(range(10)), set(), {3, 1, 2}, set(range(20)),
    frozenset(), frozenset({5, 4}), frozenset(range(10)), deque(), deque(range(3)), deque(range(10)),
    {}, {"a": 1}, {i: str(i) for i in range(10)}, "short", "x" * 50, "a'b\"c" * 10, "\n" * 40,
    10, 10 ** 50, -(10 ** 60), 1.5, 3.141592653589793e100, None, True, b"bytes" * 20,
    [[[[[[[[1]]]]]]]], [[1, [2, [3, [4]]]]], {1: {2: {3: {4: {5: {6: {7: 8}}}}}}},
    array("i"), array("i", [1, 2]), array("d", range(10)), {"b": 1, 1: 2},
    range(5), (x for x in ()).__class__,
]
for s in samples:
    print(reprlib.repr(s))


class Long:
    def __repr__(self):
        return "L" * 100


class Broken:
    def __repr__(self):
        raise ValueError("no")


print(reprlib.repr(Long()))
print(reprlib.repr(Broken()).split(" at ")[0])
r2 = Repr()
r2.maxlevel, r2.maxlist, r2.maxstring, r2.maxlong, r2.maxother, r2.maxdict = 2, 3, 10, 8, 7, 1
r2.fillvalue = "~"
for s in ([1, [2, [3, [4]]]], list(range(10)), "abcdefghijklmnop", 123456789012, Long(), {1: 2, 3: 4}, (1, (2, (3,))), {1, 2, 3, 4}):
    print(r2.repr(s))
r3 = Repr()
r3.maxstring = 2
r3.maxother = 0
print(r3.repr("abcdef"), r3.repr(Long()), r3.repr([]), r3.repr1([1], 0), r3.repr1([], 0), r3.repr1((1,), 0), r3.repr1({}, 0), r3.repr1({1: 1}, 0))


class Sub(Repr):
    def repr_int(self, x, level):
        return "INT"

    def repr_my_type(self, x, level):
        return "custom"


print(Sub().repr([1, 2, (3, "x")]))
MyT = type("my type", (), {})
print(Sub().repr(MyT()))
print(Repr.repr_list.__name__, Repr.repr_tuple.__qualname__)


class Node:
    def __init__(self):
        self.children = []

    @recursive_repr()
    def __repr__(self):
        """node repr"""
        return "Node(%r)" % self.children


n = Node()
n.children.append(n)
n.children.append(Node())
print(repr(n), Node.__repr__.__name__, Node.__repr__.__doc__, Node.__repr__.__qualname__)


class Other:
    @recursive_repr("<again>")
    def __repr__(self):
        return "Other[%r]" % (self.me,)


o = Other()
o.me = [o]
print(repr(o))
print(reprlib.__all__, reprlib.aRepr.maxlist, reprlib.repr.__self__ is reprlib.aRepr)
