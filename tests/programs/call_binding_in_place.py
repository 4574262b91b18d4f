# Calls bound where their arguments lie: keyword arguments, bound method
# objects, callable instances, __init__ with keywords, and the errors each
# leaves to the general binding.
import sys


def f(a, b=1, c=2):
    return (a, b, c)


def kwonly(a, *, k, m=5):
    return (a, k, m)


def posonly(a, b=2, /, c=3):
    return (a, b, c)


def captured(a, b=10):
    def inner():
        return a + b
    return inner


def gen(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


def many(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r):
    return a + r


for call in [
    lambda: f(1, c=3),
    lambda: f(1, b=5),
    lambda: f(a=1),
    lambda: f(c=0, a=1, b=2),
    lambda: f(1, 2, c=9),
    lambda: kwonly(1, k=2),
    lambda: kwonly(1, m=0, k=2),
    lambda: posonly(1, c=4),
    lambda: captured(1, b=2)(),
    lambda: captured(a=3)(),
    lambda: list(gen(7, step=2)),
    lambda: list(gen(n=3)),
    lambda: many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, q=0, r=17),
    lambda: many(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12,
                 m=13, n=14, o=15, p=16, q=17, r=18),
]:
    print(call())

for call in [
    lambda: f(1, a=2),
    lambda: f(b=2),
    lambda: f(1, d=4),
    lambda: kwonly(1),
    lambda: kwonly(1, 2, k=3),
    lambda: posonly(1, b=2),
    lambda: posonly(a=1),
    lambda: gen(step=2),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Point:
    def __init__(self, x, y=0, *, label="p"):
        self.x = x
        self.y = y
        self.label = label

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy, label=self.label + "'")

    def __repr__(self):
        return f"{self.label}({self.x}, {self.y})"


print(Point(1), Point(1, y=2), Point(x=3, label="q"), Point(1, 2, label="r"))
p = Point(4, 5)
move = p.moved
print(move(1), move(1, dy=2), move(dx=0, dy=-1))
for call in [
    lambda: Point(),
    lambda: Point(1, z=2),
    lambda: Point(1, x=2),
    lambda: move(),
    lambda: move(1, dx=2),
    lambda: Point(1, 2, 3),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, scale=1):
        return (self.n + x) * scale


add = Adder(10)
print(add(1), add(2, scale=3), add(x=3), [add(i) for i in range(3)])
try:
    add()
except TypeError as e:
    print("TypeError:", e)


class Counter:
    calls = 0

    def tick(self, by=1):
        self.calls += by
        return self.calls


c = Counter()
tick = c.tick
for _ in range(5):
    tick()
tick(by=10)
print(c.calls, tick.__self__ is c)


class Recurse:
    def down(self, n):
        return 0 if n == 0 else 1 + self.down(n - 1)


down = Recurse().down
print(down(50))
sys.setrecursionlimit(60)
try:
    down(100)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)


def frame_names(n=0):
    frame = sys._getframe()
    names = []
    while frame is not None and len(names) < 3:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


class Introspect:
    def method(self, flag=False):
        return frame_names()

    def __call__(self, *, flag=False):
        return self.method(flag=flag)


print(Introspect().method(flag=True), Introspect()(flag=True))


# Attributes set in __init__ in different orders and numbers.
class Shape:
    def __init__(self, a, b, swap=False):
        if swap:
            self.b = b
            self.a = a
        else:
            self.a = a
            self.b = b
        if a > 2:
            self.extra = a


shapes = [Shape(i, i * 2, swap=i % 2 == 1) for i in range(5)]
print([(s.a, s.b, getattr(s, "extra", None)) for s in shapes])
print([sorted(vars(s)) for s in shapes[:4]])


# Errors raised inside a callee bound in place keep their traceback frames.
def fails(x, *, why="bad"):
    raise ValueError(why + str(x))


try:
    fails(1, why="worse")
except ValueError as e:
    print("ValueError:", e)


# The class's __init__ and attributes change between instantiations.
class Mutable:
    def __init__(self, v):
        self.v = v


first = [Mutable(i).v for i in range(3)]


def other_init(self, v, w=1):
    self.v = v * 10
    self.w = w


Mutable.__init__ = other_init
second = [(m.v, m.w) for m in (Mutable(1), Mutable(2, w=5))]
Mutable.v = property(lambda self: "property", lambda self, value: None)
try:
    third = Mutable(3)
    print(first, second, third.v, third.w)
except AttributeError as e:
    print("AttributeError:", e)
del Mutable.__init__
try:
    Mutable(4)
except TypeError as e:
    print("TypeError:", e)


class Watched:
    def __init__(self, a, b):
        self.a = a
        self.b = b


ws = [Watched(i, -i) for i in range(3)]
Watched.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 2)
ws.append(Watched(5, 6))
print([(w.a, w.b) for w in ws])
