# operator: functions for the operators, in-place forms, getters, callers.
import operator
from operator import attrgetter, itemgetter, methodcaller


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


pairs = [(7, 3), (-7, 2), (2.5, 0.5), (6, 4)]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lt", "le",
             "eq", "ne", "ge", "gt", "is_", "is_not"]:
    function = getattr(operator, name)
    print(name, [function(a, b) for a, b in pairs])
for name in ["and_", "or_", "xor", "lshift", "rshift"]:
    function = getattr(operator, name)
    print(name, [function(a, b) for a, b in [(12, 10), (5, 1), (-8, 2)]])
for name in ["neg", "pos", "abs", "inv", "invert", "not_", "truth", "index"]:
    function = getattr(operator, name)
    print(name, [function(x) for x in [0, 5, -3, True]])
print(operator.neg(2.5), operator.abs(-1.5), operator.truth([]), operator.not_("x"))
attempt("index('a')", lambda: operator.index("a"))


class Idx:
    def __index__(self):
        return 4


class BadIdx:
    def __index__(self):
        return "no"


print(operator.index(Idx()), [10, 20, 30, 40, 50][Idx()])
attempt("bad __index__", lambda: operator.index(BadIdx()))


class Matrix:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, other):
        return Matrix(self.v * other.v)

    def __imatmul__(self, other):
        self.v += other.v
        return self


print(operator.matmul(Matrix(3), Matrix(4)).v)
m = Matrix(1)
print(operator.imatmul(m, Matrix(5)) is m, m.v)
attempt("matmul ints", lambda: operator.matmul(1, 2))

# Sequences.
print(operator.concat([1], [2]), operator.concat("a", "b"), operator.concat((1,), (2,)))
attempt("concat ints", lambda: operator.concat(1, 2))
attempt("concat list tuple", lambda: operator.concat([1], (2,)))
print(operator.contains([1, 2], 2), operator.contains("abc", "d"))
print(operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("hello", "l"))
attempt("indexOf missing", lambda: operator.indexOf([1, 2], 3))
data = [1, 2, 3, 4]
operator.setitem(data, 0, "x")
operator.delitem(data, 1)
print(data, operator.getitem(data, -1), operator.getitem(data, slice(0, 2)))
operator.setitem(data, slice(0, 1), [7, 8])
print(data)
attempt("getitem str index", lambda: operator.getitem([1], "a"))
attempt("getitem missing key", lambda: operator.getitem({}, "k"))
attempt("pos str", lambda: operator.pos("a"))
attempt("neg str", lambda: operator.neg("a"))
attempt("inv float", lambda: operator.inv(1.5))
attempt("add mixed", lambda: operator.add(1, "a"))
attempt("lt mixed", lambda: operator.lt(1, "a"))
attempt("truediv zero", lambda: operator.truediv(1, 0))

# In-place forms mutate mutable objects and rebind immutable ones.
items = [1]
print(operator.iadd(items, [2]) is items, items)
print(operator.iconcat(items, (3,)) is items, items)
attempt("iconcat int", lambda: operator.iconcat(1, 2))
print(operator.iadd(1, 2), operator.isub(5, 3), operator.imul("ab", 2),
      operator.itruediv(7, 2), operator.ifloordiv(7, 2), operator.imod(7, 2),
      operator.ipow(2, 10), operator.iand(6, 3), operator.ior(6, 3),
      operator.ixor(6, 3), operator.ilshift(1, 4), operator.irshift(32, 2))
s = {1, 2}
print(operator.ior(s, {3}) is s, s, operator.iand(s, {1, 3}) is s, s)

# length_hint.
print(operator.length_hint([1, 2, 3]), operator.length_hint(5), operator.length_hint(5, 9))


class Hinted:
    def __init__(self, hint):
        self.hint = hint

    def __length_hint__(self):
        return self.hint


print(operator.length_hint(Hinted(12)), operator.length_hint(Hinted(NotImplemented), 3))
attempt("hint str", lambda: operator.length_hint(Hinted("x")))
attempt("hint negative", lambda: operator.length_hint(Hinted(-1)))
attempt("default str", lambda: operator.length_hint([], "x"))

# call.
print(operator.call(max, 3, 9, key=lambda v: -v), operator.call(len, "abcd"))

# itemgetter / attrgetter / methodcaller.
record = {"name": "ada", "age": 36, 0: "zero"}
print(itemgetter("name")(record), itemgetter("name", "age")(record), itemgetter(0)(record))
print(itemgetter(1)("abc"), itemgetter(slice(1, None))([1, 2, 3]), itemgetter(-1, 0)([4, 5, 6]))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(itemgetter(slice(1, 2))))
attempt("itemgetter()", lambda: itemgetter())
attempt("call no args", lambda: itemgetter(1)())
attempt("call two args", lambda: itemgetter(1)([1], [2]))
attempt("itemgetter missing", lambda: itemgetter(5)([1]))
print(sorted([(1, "b"), (0, "z"), (1, "a")], key=itemgetter(0, 1)))


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


tree = Node("root", Node("kid", Node("grandkid")))
print(attrgetter("name")(tree), attrgetter("child.name")(tree),
      attrgetter("child.child.name", "name")(tree))
print(repr(attrgetter("a")), repr(attrgetter("a.b", "c")))
attempt("attrgetter()", lambda: attrgetter())
attempt("attrgetter(1)", lambda: attrgetter(1))
attempt("missing attr", lambda: attrgetter("nope")(tree))
attempt("missing dotted", lambda: attrgetter("child.nope")(tree))
print(sorted([Node("b"), Node("a")], key=attrgetter("name"))[0].name)

print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"),
      methodcaller("split", sep="-", maxsplit=1)("a-b-c"))
print(repr(methodcaller("f")), repr(methodcaller("f", 1, "x", key=[2])))
attempt("methodcaller()", lambda: methodcaller())
attempt("methodcaller(1)", lambda: methodcaller(1))
attempt("missing method", lambda: methodcaller("nope")("a"))

# Dunder spellings are the same functions.
print(operator.__add__ is operator.add, operator.__inv__ is operator.inv,
      operator.__iadd__ is operator.iadd, operator.__call__ is operator.call,
      operator.invert is operator.inv, operator.__not__ is operator.not_)
print(operator.__add__(2, 3), operator.__getitem__("xyz", 2), operator.__concat__([1], [2]))
print(sorted(name for name in operator.__all__)[:6], len(operator.__all__))
print(operator.add.__name__, operator.itemgetter.__name__)
