# Keyword arguments named in the parameters' order are bound where the
# call left them; gaps get defaults, cells see the bound values, and any
# other order or target still binds (and fails) as CPython does.

def f(a, b=2, c=3, *, d=4, e=5):
    return (a, b, c, d, e)

print(f(1, b=9))
print(f(1, c=9))
print(f(1, e=9))
print(f(1, d=8, e=9))
print(f(1, e=9, d=8))
print(f(1, 2, e=7))
print(f(a=1))
print(f(c=1, a=2))
print(f(1, b=2, c=3, d=4, e=5))
print(f(1, c=[3], e={5}))


def g(a, b, c):
    return (a, b, c)

print(g(1, c=3, b=2), g(1, b=2, c=3), g(c=3, b=2, a=1), g(1, 2, c=3))


def locals_after(a, b=1, c=2):
    x = a + b + c
    y = [a, b, c]
    return x, y

print(locals_after(10, c=5), locals_after(10, b=5))


def captured(a, b=1, c=2):
    def inner():
        return a, b, c
    return inner()

print(captured(1, c=9), captured(1, b=8), captured(c=7, a=0))


def closure_maker():
    k = "k"

    def inner(a, b=2, c=3):
        return (k, a, b, c)
    return inner

inner = closure_maker()
print(inner(1, c=5), inner(1, b=5), inner(a=0, c=1))


def gen(a, b=1, c=2):
    yield a
    yield b
    yield c

print(list(gen(1, c=9)), list(gen(0, b=3)))


def with_varargs(a, *rest, k=1, **kw):
    return (a, rest, k, kw)

print(with_varargs(1, 2, 3, k=4, z=5), with_varargs(1, z=5, k=4), with_varargs(a=1))


class Point:
    def __init__(self, x=0, y=0, z=0):
        self.x, self.y, self.z = x, y, z

    def moved(self, dx=0, dy=0, dz=0):
        return Point(self.x + dx, self.y + dy, z=self.z + dz)

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.z})"

p = Point(1, z=3)
print(p, p.moved(dz=1), p.moved(1, dz=2), p.moved(dy=1, dx=2))


def many(a, b=0, c=0, d=0, e=0, f=0, g=0, h=0):
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h

print(sum(many(i, c=i, f=i, h=1) for i in range(100)))

for bad in ["g(1, b=2)", "g(1, 2, 3, b=2)", "f(1, q=2)", "f(1, 2, b=3)",
            "f(b=2)", "captured(1, a=2)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)
