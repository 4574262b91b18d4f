# Native callables (operator.attrgetter/itemgetter/methodcaller,
# functools.partial) called from bytecode and as key functions, and named
# tuple fields read through a warmed-up site whose class changes.
from collections import namedtuple
from functools import partial
from operator import attrgetter, itemgetter, methodcaller


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = None


pts = [Point((i * 37) % 11, i) for i in range(12)]
for p in pts:
    p.inner = Point(-p.x, p.y * 2)

by_x = attrgetter("x")
print([by_x(p) for p in pts])
print([(p.x, p.y) for p in sorted(pts, key=attrgetter("x", "y"))][:5])
print([attrgetter("inner.x")(p) for p in pts[:4]])
print(sorted(pts, key=attrgetter("inner.y"), reverse=True)[0].y)
try:
    attrgetter("z")(pts[0])
except AttributeError as e:
    print("AttributeError:", e)
try:
    by_x()
except TypeError as e:
    print("TypeError:", e)
try:
    by_x(pts[0], pts[1])
except TypeError as e:
    print("TypeError:", e)
try:
    by_x(pts[0], key=1)
except TypeError as e:
    print("TypeError:", e)


class Dyn:
    def __getattr__(self, name):
        return name.upper()


print(attrgetter("abc", "x")(Dyn()))

rows = [(i % 3, -i, str(i)) for i in range(9)]
print(sorted(rows, key=itemgetter(0, 1)))
print(list(map(itemgetter(2), rows)))
print(itemgetter("a")({"a": 1}))
try:
    itemgetter(5)(rows[0])
except IndexError as e:
    print("IndexError:", e)

upper = methodcaller("upper")
print(upper("abc"), methodcaller("split", ",")("a,b,c"))
print(sorted(["b", "A", "c"], key=methodcaller("lower")))

add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), [add3(i) for i in range(3)], add3(c=10))


print(callable(by_x), type(by_x).__name__, repr(attrgetter("a", "b.c")))

# Named tuple fields: a site that read `o.x` as a field keeps up with the
# class's namespace.
P = namedtuple("P", "x y z")
p = P(1, 2, 3)


def get(o):
    return o.x


for _ in range(5):
    r = get(p)
print(r)
P.x = P.z
print(get(p))
P.x = property(lambda s: 42)
print(get(p))
del P.x
try:
    print(get(p))
except AttributeError as e:
    print("AttributeError:", e)


class Q(P):
    x = 7


print(get(Q(4, 5, 6)), Q(4, 5, 6).y)
