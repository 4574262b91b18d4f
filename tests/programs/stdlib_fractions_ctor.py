# Fraction constructors, parsing, limit_denominator, subclasses, pickling.
import copy
import math
import numbers
import pickle
from decimal import Decimal
from fractions import Fraction as F


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, repr(r))


texts = ["1/2", " 1/2 ", "1 /2", "1/ 2", "-1/2", "+1/2", "1.", ".5", "1e5", "1E-5", "1e+5",
         "1_0/3", "1__0", "_1", "1_", "1.5/2", "1/-2", "1/+2", "inf", "nan", "\u0661\u0662",
         "1/0", "0/0", "-0/3", "", " ", "1e", "e5", "1.e5", ".e5", "-.5", "1_000.000_1e1_0",
         "1.d", "1.DD", "1/2\n", "\t-3\n", "--1", "1/2/3", "0x10", "1_/2", "1/2_", "1._5",
         "1.5e_1", "3.14159265358979323846264338327950288", "00012", "1 2", "1.2.3",
         "5e-3", "-5E3", "1/2e3", "+", ".", "1/", "/2", "1.0e-0", "12/18", "-12/-18"]
for t in texts:
    show("F(%r)" % t, lambda: F(t))

args = [(), (7,), (-7,), (True,), (6, 4), (6, -4), (-6, -4), (0, 5), (0, -5), (3, 0), (0, 0),
        (F(1, 2), F(3, 4)), (F(1, 2), 3), (3, F(1, 2)), (F(2, 3), 0), (F(5, 7),),
        (0.5,), (-0.1,), (1e300,), (float("inf"),), (float("nan"),), (Decimal("1.25"),),
        (Decimal("-0.001"),), (Decimal("nan"),), (Decimal("inf"),), (1.5, 2), (2, 1.5),
        ([],), (None,), ("1/2", 3), (Decimal(1), 2), (10**40, 10**38), (True, True)]
for a in args:
    show("F%r" % (a,), lambda: F(*a))
show("F(6, 4, _normalize=False)", lambda: F(6, 4, _normalize=False).as_integer_ratio())
show("F(numerator=3, denominator=9)", lambda: F(numerator=3, denominator=9))

for v in [0.1, -2.5, 3, True, 1e-300, float("inf"), float("nan"), Decimal("1.1"), "x", F(1, 3)]:
    show("from_float(%r)" % (v,), lambda: F.from_float(v))
for v in [Decimal("0.1"), Decimal("-2.50"), Decimal("1e-3"), 3, Decimal("nan"),
          Decimal("-inf"), 0.5, "x", F(1, 3)]:
    show("from_decimal(%r)" % (v,), lambda: F.from_decimal(v))

pi = F(math.pi)
for m in [1, 2, 7, 10, 100, 113, 1000, 10**6, 10**20]:
    print(m, pi.limit_denominator(m), F(-math.pi).limit_denominator(m))
for v, m in [(F(1, 3), 2), (F(3, 8), 4), (F(5, 8), 4), (F(-5, 8), 4), (F(7, 16), 3),
             (F(1, 2), 1), (F(3, 2), 1), (F(10**30 + 7, 10**30), 10**10)]:
    print(v, m, v.limit_denominator(m))
show("limit 0", lambda: F(1, 3).limit_denominator(0))
show("limit -1", lambda: F(1, 3).limit_denominator(-1))


class MyF(F):
    def extra(self):
        return "extra %s" % self


m = MyF(3, 6)
print(type(m).__name__, repr(m), str(m), m.extra(), isinstance(m, F))
for r in [m + 1, 1 + m, m * m, m / 2, -m, +m, abs(m), m ** 2, round(m, 1), m - F(1, 2),
          m.limit_denominator(10), MyF.from_float(0.25), MyF.from_decimal(Decimal("0.5")),
          MyF("2/8"), copy.copy(m), copy.deepcopy(m), pickle.loads(pickle.dumps(m))]:
    print(type(r).__name__, repr(r))
f = F(5, 9)
print(copy.copy(f) is f, copy.deepcopy(f) is f, pickle.loads(pickle.dumps(f)) == f)
print(f.__reduce__())
print(isinstance(f, numbers.Rational), isinstance(f, numbers.Real), issubclass(F, numbers.Number))
print(f.real, f.imag, f.conjugate(), f.numerator, f.denominator)
try:
    f.numerator = 3
except AttributeError as e:
    print("AttributeError")
try:
    f.foo = 3
except AttributeError as e:
    print("AttributeError", "foo")


class R(numbers.Rational):
    # A minimal foreign Rational.
    def __init__(self, n, d):
        self.n, self.d = n, d
    numerator = property(lambda s: s.n)
    denominator = property(lambda s: s.d)
    for _name in ["__abs__", "__add__", "__ceil__", "__eq__", "__floor__", "__floordiv__",
                  "__le__", "__lt__", "__mod__", "__mul__", "__neg__", "__pos__", "__pow__",
                  "__radd__", "__rfloordiv__", "__rmod__", "__rmul__", "__round__", "__rpow__",
                  "__rtruediv__", "__truediv__", "__trunc__"]:
        locals()[_name] = lambda *a: NotImplemented
    del _name


r = R(3, 4)
print(F(r), F(r, r), F(1, 2) == r, F(3, 4) == r, F(1, 2) < r, F(1) > r, F(1, 2) >= r)
for name, fn in [("+", lambda: F(1, 2) + r), ("*", lambda: F(1, 2) * r), ("-", lambda: F(1, 2) - r),
                 ("/", lambda: F(1, 2) / r), ("//", lambda: F(1, 2) // r), ("%", lambda: F(1, 2) % r),
                 ("**", lambda: F(1, 2) ** r), ("r+", lambda: r + F(1, 2)), ("r/", lambda: r / F(1, 2))]:
    show(name, fn)
