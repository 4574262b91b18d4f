# __new__ on user classes and immutable builtin subclasses.
trace = []

class A:
    def __new__(cls, *args):
        trace.append(("A.__new__", cls.__name__, args))
        return object.__new__(cls)

    def __init__(self, v):
        trace.append(("A.__init__", v))
        self.v = v

a = A(1)
print("1 A:", a.v, type(a).__name__, trace)
trace.clear()

class B(A):
    def __new__(cls, *args):
        trace.append(("B.__new__", cls.__name__))
        inst = super().__new__(cls, *args)
        inst.from_b = True
        return inst

b = B(2)
print("2 B:", b.v, b.from_b, type(b).__name__, isinstance(b, A), trace)
trace.clear()

class Other:
    def __init__(self):
        trace.append("Other.__init__")
        self.kind = "other"

class Redirect:
    def __new__(cls, flag):
        if flag:
            return Other()
        return super().__new__(cls)

    def __init__(self, flag):
        trace.append("Redirect.__init__")
        self.kind = "redirect"

r1 = Redirect(True)
print("3 redirect:", type(r1).__name__, r1.kind, trace)
trace.clear()
r2 = Redirect(False)
print("4 no redirect:", type(r2).__name__, r2.kind, trace)
trace.clear()

class NotInst:
    def __new__(cls):
        return 99

    def __init__(self):
        trace.append("never")

print("5 non-instance:", NotInst(), trace)

class Single:
    _inst = None
    count = 0

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self):
        Single.count += 1

s1, s2 = Single(), Single()
print("6 singleton:", s1 is s2, Single.count)

class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))

p = Pos(-7)
print("7 Pos:", p, p + 1, type(p).__name__, type(p + 1).__name__)
print("8 Pos isinstance:", isinstance(p, int), isinstance(p, Pos), p == 7, str(p), repr(p))
print("9 Pos ops:", p * 2, -p, p // 2, hash(p) == hash(7), [0] * 10 == [0] * Pos(10))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())

u = Upper("hello")
print("10 Upper:", u, len(u), type(u).__name__, isinstance(u, str), u + "!", u.lower())
print("11 Upper eq:", u == "HELLO", repr(u), f"<{u}>", "%s" % u)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def total(self):
        return self[0] + self[1]

pr = Pair(3, 4)
print("12 Pair:", pr, pr.total(), len(pr), type(pr).__name__, isinstance(pr, tuple))
x, y = pr
print("13 Pair unpack:", x, y, pr + (5,), type(pr + (5,)).__name__, pr == (3, 4))

class FloatHalf(float):
    def __new__(cls, v):
        return super().__new__(cls, v / 2)

print("14 FloatHalf:", FloatHalf(5), FloatHalf(5) + 1, type(FloatHalf(3)).__name__)

class Plain:
    pass

for label, fn in [
    ("object.__new__(Plain, 1)", lambda: object.__new__(Plain, 1)),
    ("Plain(1)", lambda: Plain(1)),
    ("Plain(k=1)", lambda: Plain(k=1)),
    ("object.__new__(Plain)", lambda: type(object.__new__(Plain)).__name__),
    ("object.__new__(1)", lambda: object.__new__(1)),
    ("Pos()", lambda: Pos()),
    ("Pos('x')", lambda: Pos("x")),
]:
    try:
        print("15", label, "->", fn())
    except TypeError as e:
        print("15", label, "->", type(e).__name__, e)
    except ValueError as e:
        print("15", label, "->", type(e).__name__, e)

class OnlyInit:
    def __init__(self, a):
        self.a = a

print("16 object.__new__ with init:", type(object.__new__(OnlyInit)).__name__)
try:
    object.__new__(OnlyInit, 1)
    print("17 ok")
except TypeError as e:
    print("17", type(e).__name__, e)
