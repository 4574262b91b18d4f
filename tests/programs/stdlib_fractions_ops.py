# Fraction arithmetic, comparisons, hashing and rounding against CPython.
import math
import operator
from decimal import Decimal
from fractions import Fraction as F


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(r).__name__, repr(r))


vals = [F(0), F(1), F(-1), F(3, 4), F(-7, 3), F(22, 7), F(10**20 + 1, 3), 0, 5, -3, True,
        2.5, -0.75, float("inf"), float("nan"), 1 + 2j, 0.0]
ops = [("+", operator.add), ("-", operator.sub), ("*", operator.mul),
       ("/", operator.truediv), ("//", operator.floordiv), ("%", operator.mod),
       ("divmod", divmod)]
for x in vals:
    for y in vals:
        if not (isinstance(x, F) or isinstance(y, F)):
            continue
        for name, op in ops:
            show("%r %s %r" % (x, name, y), lambda: op(x, y))

for base in [F(2, 3), F(-2, 3), F(0), F(4, 9), F(-8, 27), F(1)]:
    for e in [0, 1, 2, 3, -1, -2, -3, F(1, 2), F(-1, 2), F(2), 0.5, 2.0, 1j, F(3, 1)]:
        show("%r ** %r" % (base, e), lambda: base ** e)
for b in [2, -2, 0, 2.0, -8.0, 1j, Decimal(2)]:
    for e in [F(2), F(-2), F(1, 2), F(1, 3), F(0)]:
        show("%r ** %r" % (b, e), lambda: b ** e)

cmps = [("<", operator.lt), ("<=", operator.le), (">", operator.gt),
        (">=", operator.ge), ("==", operator.eq), ("!=", operator.ne)]
others = [F(1, 2), 0.5, 0.25, 1, 0, float("inf"), float("-inf"), float("nan"),
          0.5 + 0j, 0.5 + 1j, Decimal("0.5"), "x", None]
for o in others:
    for name, op in cmps:
        show("F(1,2) %s %r" % (name, o), lambda: op(F(1, 2), o))
        show("%r %s F(1,2)" % (o, name), lambda: op(o, F(1, 2)))

for v in [F(1, 2), F(-1, 2), F(5), F(-5), F(1, 3), F(10**30, 7), F(-1, 2**61 - 1),
          F(2**61 - 1, 3), F(1, 2**61 - 1), F(-1, 2 ** 62), F(0)]:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 10**20 else "")
print(hash(F(1, 2)) == hash(0.5), hash(F(-3)) == hash(-3), hash(F(-1)))

for v in [F(5, 2), F(7, 2), F(-5, 2), F(-7, 2), F(1, 3), F(-1, 3), F(2, 3), F(12345, 100)]:
    print(v, round(v), math.floor(v), math.ceil(v), math.trunc(v), int(v), float(v),
          round(v, 0), round(v, 1), round(v, -1), round(v, 2), bool(v), +v, -v, abs(v))
print(type(round(F(5, 2))), type(round(F(5, 2), 0)))

for s in ["3/4", "-1.25e2", "0.1", "7"]:
    f = F(s)
    print(repr(f), str(f), f.numerator, f.denominator, f.as_integer_ratio())
print(F(7, 3) == F(7, 3), F(7, 3) == 7 / 3, F(4, 2) == 2, F(1, 2) != 0.5)
print(sum([F(1, n) for n in range(1, 30)]))
print(math.fsum([F(1, 3), F(2, 3)]), float(F(1, 3)), complex(F(1, 4)))
try:
    format(F(1, 3), ".2f")
except Exception as e:
    print(type(e).__name__, e)
print(F(1, 3).__format__(""), "%s" % F(1, 3), "{}".format(F(-2, 6)))
print(max(F(1, 3), 0.3, F(2, 7)), sorted([F(1, 3), 0.3, F(2, 7), 1]))
