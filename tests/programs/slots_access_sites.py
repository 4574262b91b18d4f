# `__slots__` members read and written at one site by instances of
# several classes, with the classes changing under the site.


class A:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class B(A):
    __slots__ = ("z",)


class WithDict:
    __slots__ = ("x", "__dict__")


class Plain:
    def __init__(self, x):
        self.x = x


class Logged:
    __slots__ = ("x",)

    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)

    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        print("getattribute", name, value)
        return value


def read_x(obj):
    return obj.x


def write_x(obj, value):
    obj.x = value


objects = [A(1), B(2), Plain(3), A(4)]
w = WithDict()
w.x = 5
w.other = 6
objects.append(w)
for _ in range(3):
    print([read_x(o) for o in objects])
    for o in objects:
        write_x(o, read_x(o) + 10)
print(w.x, w.other)

logged = Logged()
write_x(logged, 1)
write_x(logged, 2)
print(read_x(logged), read_x(logged))

# Reading a slot never set, and after deleting it.
a = A(1)
for attempt in range(3):
    try:
        print(a.y)
    except AttributeError as err:
        print("AttributeError:", err)
    a.y = attempt
    print(a.y)
    del a.y

# The class changes: the member is replaced by a property, then restored.
member = A.__dict__["x"]
A.x = property(lambda self: "property")
print(read_x(A.__new__(A)), read_x(B.__new__(B)))
A.x = member
a = A(7)
print(read_x(a))
write_x(a, 8)
print(read_x(a), A.x, type(A.__dict__["y"]).__name__)


# Name mangling of private slots.
class Private:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = "hidden"

    def reveal(self):
        return self.__secret


p = Private()
print(p.reveal(), p._Private__secret, Private.__slots__)


# One site, instances of one class whose slots were set in other orders,
# some deleted and set again: each read finds its own instance's value.
class Pair:
    __slots__ = ("first", "second")


def make(order, values):
    p = Pair()
    for name in order:
        setattr(p, name, values[name])
    return p


def show(p):
    try:
        first = p.first
    except AttributeError:
        first = "-"
    try:
        second = p.second
    except AttributeError:
        second = "-"
    return first, second


def set_both(p, a, b):
    p.first = a
    p.second = b


pairs = [
    make(("first", "second"), {"first": 1, "second": 2}),
    make(("second", "first"), {"first": 3, "second": 4}),
    make(("second",), {"second": 5}),
    make((), {}),
]
for round in range(3):
    print(round, [show(p) for p in pairs])
    for i, p in enumerate(pairs):
        set_both(p, i * 10 + round, -i)
    del pairs[round].first
print([show(p) for p in pairs])
