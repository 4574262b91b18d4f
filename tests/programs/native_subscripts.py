# array.array and collections.deque item access, and subclasses that
# override it; classes with __getitem__/__setitem__ changed at run time.
from array import array
from collections import deque

a = array("d", [0.0]) * 5
for i in range(5):
    a[i] = i * 1.5
a[-1] += 10
print(a[0], a[4], a[-2], a[1:3], list(a))
for bad in (5, -6):
    try:
        a[bad]
    except IndexError as exc:
        print("IndexError:", exc)
try:
    a[0] = "x"
except TypeError as exc:
    print("TypeError:", exc)
try:
    a["k"]
except TypeError as exc:
    print("TypeError:", exc)
a[1:3] = array("d", [7.0, 8.0])
print(a)

ints = array("i", range(4))
ints[2] = 2**20
try:
    ints[0] = 2**40
except OverflowError as exc:
    print("OverflowError:", exc)
print(ints, ints[True])


class Logged(array):
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)


la = Logged("i", [1, 2, 3])
print(la[1], la[-1])
la[0] = 9
print(list(la))

d = deque([1, 2, 3])
d[0] = "first"
d[-1] *= 5
print(d[0], d[-1], d)
try:
    d[3]
except IndexError as exc:
    print("IndexError:", exc)


class Stack(deque):
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)


s = Stack([0, 0])
s[1] = 4
print(s)


class Grid:
    def __init__(self, w):
        self.w, self.data = w, [0] * (w * w)

    def __getitem__(self, xy):
        x, y = xy
        return self.data[y * self.w + x]

    def __setitem__(self, xy, v):
        x, y = xy
        self.data[y * self.w + x] = v


g = Grid(3)
for y in range(3):
    for x in range(3):
        g[x, y] = x * 10 + y
print(g[2, 1], sum(g[x, x] for x in range(3)))
Grid.__getitem__ = lambda self, xy: "replaced"
print(g[0, 0])
del Grid.__getitem__
try:
    g[0, 0]
except TypeError as exc:
    print("TypeError:", exc)
del Grid.__setitem__
try:
    g[0, 0] = 1
except TypeError as exc:
    print("TypeError:", exc)
