# Instances stored as class attributes (enum members, sentinels) read
# through the class and through instances, and `==` between instances of
# classes without __eq__, while the classes change underneath.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


def pick(flag):
    return Color.RED if flag else Color.GREEN


hits = 0
for i in range(50):
    if pick(i % 3) == Color.RED:
        hits += 1
    if pick(i % 3) != Color.GREEN:
        hits += 100
print(hits, Color.RED is Color(1), Color.GREEN.name)


class Marker:
    pass


class Holder:
    DEFAULT = Marker()


def read_default(obj):
    return obj.DEFAULT


h = Holder()
first = [read_default(Holder) is Holder.DEFAULT for _ in range(5)]
first += [read_default(h) is Holder.DEFAULT for _ in range(5)]
print(all(first))

# The marker's class gains __get__: reads through the class and instances
# now call it.
Marker.__get__ = lambda self, instance, owner: ("got", instance is None, owner.__name__)
print(read_default(Holder), read_default(h))
del Marker.__get__
print(read_default(Holder) is Holder.DEFAULT, read_default(h) is Holder.DEFAULT)

# The instance shadows the class attribute, then stops shadowing it.
h.DEFAULT = "own"
print(read_default(h))
del h.DEFAULT
print(read_default(h) is Holder.DEFAULT)

# The class attribute is replaced by another instance, then by a function.
Holder.DEFAULT = Marker()
print(read_default(Holder) is Holder.DEFAULT)
Holder.DEFAULT = lambda self: "method"
print(read_default(h)(), read_default(Holder)(None))


# A metaclass that later defines the name: it takes part in class lookups
# only as a data descriptor.
class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    VALUE = Marker()


def read_value():
    return WithMeta.VALUE


print([read_value() is WithMeta.__dict__["VALUE"] for _ in range(3)])
Meta.VALUE = property(lambda cls: "from the metaclass")
print(read_value())
del Meta.VALUE
print(read_value() is WithMeta.__dict__["VALUE"])


# `==` of instances without __eq__ is identity, until a class defines one.
class Plain:
    pass


class Child(Plain):
    pass


a, b = Plain(), Plain()


def compare(x, y):
    return (x == y, x != y, x == x, x != x, x == None, x != 3, None == x, 3 != x)


print(compare(a, b))
Plain.__eq__ = lambda self, other: "eq called"
print(compare(a, b))
del Plain.__eq__
Child.__ne__ = lambda self, other: "ne called"
c = Child()
print(compare(a, c), compare(c, a))
del Child.__ne__
print(compare(c, Child()))


class IntLike(int):
    pass


print(IntLike(3) == 3, IntLike(3) != IntLike(3), a == IntLike(3))
