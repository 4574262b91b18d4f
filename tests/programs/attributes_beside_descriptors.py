# Instance attributes of classes that also hold data descriptors
# (properties, __slots__ members, user descriptors): reads and writes of
# plain attributes in loops (cached by krait) must still see every
# descriptor that comes, goes or changes kind.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


def walk(p, n):
    total = 0
    for i in range(n):
        p.x = i
        total += p.x + p.y + p.norm1
    return total


p = Point(1, 2)
print(walk(p, 10), p.x, p.y, p.norm1)


# A plain class value replaced by a property of the same name, after the
# instance attribute was read and written many times.
class Box:
    size = 3

    def __init__(self):
        self.size = 5
        self.tag = "t"

    @property
    def other(self):
        return 0


def read_size(b, n):
    return [b.size for _ in range(n)]


def size_property(self):
    return "from property"


b = Box()
print(read_size(b, 3))
Box.size = property(size_property)
print(read_size(b, 3))
try:
    b.size = 7
except AttributeError:
    print("AttributeError: no setter")
del Box.size
print(read_size(b, 2))
b.size = 9
print(read_size(b, 2), vars(b))


# A descriptor class without __set__ (instance attribute wins) that later
# gains one (the descriptor wins).
class Desc:
    def __get__(self, obj, cls):
        return "descriptor"


class Holder:
    d = Desc()

    @property
    def p(self):
        return 1

    def __init__(self):
        self.__dict__["d"] = "instance"


def read_d(h, n):
    return [h.d for _ in range(n)]


h = Holder()
print(read_d(h, 3))
Desc.__set__ = lambda self, obj, value: print("Desc.__set__", value)
print(read_d(h, 3))
h.d = 42
print(read_d(h, 1), h.__dict__)
del Desc.__set__
print(read_d(h, 2))


# __getattribute__ added to a class with a property, after cached reads.
class Watched:
    def __init__(self):
        self.a = 1

    @property
    def b(self):
        return 2


def read_a(w, n):
    return [w.a for _ in range(n)]


w = Watched()
print(read_a(w, 3))
Watched.__getattribute__ = lambda self, name: "intercepted " + name
print(read_a(w, 2))
del Watched.__getattribute__
print(read_a(w, 2))


# __setattr__ added after cached writes.
def write_a(w, n):
    for i in range(n):
        w.a = i
    return object.__getattribute__(w, "a")


print(write_a(w, 5))
Watched.__setattr__ = lambda self, name, value: print("setattr", name, value)
print(write_a(w, 2))
del Watched.__setattr__
print(write_a(w, 3))


# __slots__ with and without a __dict__.
class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


class SlottedWithDict:
    __slots__ = ("a", "__dict__")

    def __init__(self):
        self.a = 1
        self.extra = 2


def write_extra(o, n):
    for i in range(n):
        o.extra = i
    return o.extra


print(write_extra(SlottedWithDict(), 4))
for attempt in range(3):
    try:
        write_extra(Slotted(), 2)
    except AttributeError as e:
        print("AttributeError:", e)

s = SlottedWithDict()
print(write_extra(s, 3), s.a, s.extra)


# A subclass adds a property shadowing the base's instance attribute.
class Base:
    def __init__(self):
        self.v = "own"

    @property
    def q(self):
        return "q"


class Shadowing(Base):
    @property
    def v(self):
        return "property"

    @v.setter
    def v(self, value):
        print("setter got", value)


def read_v(o):
    return o.v


objs = [Base(), Shadowing(), Base(), Shadowing()]
print([read_v(o) for o in objs])
print([read_v(o) for o in objs])


# The same site sees instances of many classes.
class A1:
    p = property(lambda self: "A1.p")

    def __init__(self):
        self.k = "A1"


class A2:
    def __init__(self):
        self.k = "A2"


class A3(A1):
    k = property(lambda self: "A3.k")


def read_k(o):
    return o.k


print([read_k(o) for o in [A1(), A2(), A1(), A2()] * 2])
try:
    print([read_k(o) for o in [A1(), A3()]])
except AttributeError as e:
    print("AttributeError:", e)
