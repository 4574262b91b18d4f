# Instance attributes read and written at cached positions stay right as
# instances, classes and their layouts change under the same code.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, y, x):
        self.y = y
        self.x = x


def read(obj):
    return obj.x, obj.y


def bump(obj):
    obj.x = obj.x + 1


points = [Point(1, 2), Other(3, 4), Point(5, 6), Other(7, 8)]
for _ in range(3):
    for p in points:
        bump(p)
print([read(p) for p in points])

# Different orders of first assignment on one class.
swapped = Point.__new__(Point)
swapped.y = 10
swapped.x = 20
print(read(swapped), read(Point(1, 2)))

# Deleting an attribute, then setting it again.
p = Point(1, 2)
print(read(p))
del p.x
try:
    read(p)
except AttributeError as e:
    print("AttributeError:", e)
p.x = 99
print(read(p))

# A property added to the class afterwards takes over reads and writes.
q = Point(3, 4)
print(read(q))
Point.x = property(lambda self: "property x", lambda self, v: print("set via property", v))
print(read(q))
bump_result = q.x
q.x = 5
print(bump_result, vars(q))
del Point.x
print(read(q))

# __getattribute__ defined later sees every read.
class Watched:
    def __init__(self):
        self.a = 1


w = Watched()
def read_a(obj):
    return obj.a
print(read_a(w), read_a(w))
Watched.__getattribute__ = lambda self, name: f"intercepted {name}"
print(read_a(w))
del Watched.__getattribute__
print(read_a(w))

# Changing an instance's class.
class A:
    def __init__(self):
        self.v = "a"


class B:
    def __init__(self):
        self.w = "b"
        self.v = "b's v"


a = A()
print(read_v := (lambda o: o.v)(a))
def get_v(o):
    return o.v
print(get_v(a), get_v(B()))
a.__class__ = B
print(get_v(a), vars(a))

# Many attributes (the instance moves to a dict) under a cached read.
class Wide:
    pass


wide = Wide()
wide.first = 0
def first(o):
    return o.first
print(first(wide))
for k in range(50):
    setattr(wide, f"f{k}", k)
wide.first = "still here"
print(first(wide), wide.f49)

# __setattr__ defined later sees every write.
class Logged:
    def __init__(self):
        self.n = 0


def incr(o):
    o.n = o.n + 1


log = Logged()
incr(log)
incr(log)
Logged.__setattr__ = lambda self, name, value: print("setattr", name, value)
incr(log)
del Logged.__setattr__
incr(log)
print(log.n)


# A class whose instances have no attributes at all: a method call site
# that has seen several of them still finds an instance attribute that
# later hides the method, and the method again once it is deleted.
class Bare:
    def greet(self):
        return "method"


def call_greet(obj):
    return obj.greet()


bare = [Bare() for _ in range(3)]
print([call_greet(b) for b in bare])
bare[1].greet = lambda: "instance attribute"
print([call_greet(b) for b in bare])
del bare[1].greet
print([call_greet(b) for b in bare])
late = Bare()
late.greet = lambda: "set before the first call"
print(call_greet(late), call_greet(Bare()))
