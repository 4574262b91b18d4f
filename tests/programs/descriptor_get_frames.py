# Data descriptors whose __get__ is Python code, read through a warmed-up
# site (run in a frame of the dispatch loop): results, errors, and the
# class changing under the site.
import enum


class Field:
    def __init__(self, default):
        self.default = default
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__.get(self.name, self.default)

    def __set__(self, instance, value):
        instance.__dict__[self.name] = value


class Record:
    a = Field(1)
    b = Field("b")


def read(r):
    return r.a, r.b


r = Record()
for _ in range(3):
    print(read(r))
r.a = 10
print(read(r), Record.a.name, type(Record.__dict__["a"]).__name__)


class Loud(Field):
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        raise LookupError("no " + self.name + " on " + owner.__name__)


class Other:
    a = Loud(0)
    b = Field(2)


o = Other()
for _ in range(2):
    try:
        read(o)
    except LookupError as e:
        print("LookupError:", e)

# __get__ replaced on the descriptor's class; the descriptor replaced on
# the class; the descriptor losing __set__ (then the instance's own value
# wins).
Field.__get__ = lambda self, instance, owner=None: ("new get", self.name)
print(read(r))
del Field.__get__
print(type(read(r)[0]).__name__)
Field.__get__ = lambda self, instance, owner=None: instance.__dict__.get(self.name, self.default)
Record.a = Field(5)
Record.__dict__["a"].__set_name__(Record, "a")
print(read(r), read(Record()))
r.__dict__["b"] = "own"
del Field.__set__
print(read(r))


class Counted:
    calls = 0

    def __get__(self, instance, owner):
        Counted.calls += 1
        return owner.__name__, instance is not None

    def __set__(self, instance, value):
        raise AttributeError("read-only")


class Holder:
    c = Counted()


h = Holder()
print([h.c for _ in range(4)], Counted.calls, Holder.c)
try:
    h.c = 1
except AttributeError as e:
    print("AttributeError:", e)


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def values(members):
    return [(m.name, m.value) for m in members]


for _ in range(2):
    print(values(Color), Color.RED.value + Color.GREEN.value)
