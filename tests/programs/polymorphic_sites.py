# One attribute or method site seeing instances of several classes in turn
# (a base class's method run on subclasses): each read, store and call must
# answer for the instance's own class, whatever the site saw before.

class Base:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b

    def bump(self):
        self.b = self.b + 1
        return self.b

    def kind(self):
        return "base"

    def describe(self):
        return self.kind() + ":" + str(self.total())


class Left(Base):
    def kind(self):
        return "left"


class Right(Base):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.c = 100

    def kind(self):
        return "right"


class WithProperty(Base):
    # `b` is a property here: the instance's own `b` (set at the same
    # position as in the other classes) must not be read.
    def __init__(self, a, b):
        self.a = a
        self.__dict__["b"] = b * 1000
        self._b = b

    @property
    def b(self):
        return self._b * 10

    @b.setter
    def b(self, value):
        self._b = value


class Reordered(Base):
    def __init__(self, a, b):
        self.b = b
        self.a = a


class Shadowing(Base):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.kind = lambda: "own"


class Logged(Base):
    def __getattribute__(self, name):
        if name == "a":
            return -1
        return object.__getattribute__(self, name)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    total = Base.total
    bump = Base.bump
    describe = Base.describe

    def kind(self):
        return "slotted"


objects = [Base(1, 2), Left(3, 4), Right(5, 6), WithProperty(7, 8), Reordered(9, 10),
           Shadowing(11, 12), Logged(13, 14), Slotted(15, 16)]
for round in range(3):
    for o in objects:
        print(type(o).__name__, o.total(), o.bump(), o.describe(), o.a, o.b)

# A site that moves from one class to another for good keeps answering.
def call_kind(xs):
    return [x.kind() for x in xs]

print(call_kind([Left(0, 0)] * 3 + [Right(0, 0)] * 3 + [Left(0, 0)]))

# Methods replaced on the class while a site alternates.
left, right = Left(1, 1), Right(2, 2)
for step in range(4):
    if step == 2:
        Right.kind = lambda self: "patched"
    print([o.describe() for o in (left, right)])

# An attribute deleted from one instance of a shared layout.
x, y = Left(1, 2), Right(3, 4)
del y.a
for o in (x, y, x):
    try:
        print(o.a)
    except AttributeError as e:
        print("AttributeError", e)
