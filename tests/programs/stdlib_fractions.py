# fractions: construction, arithmetic, comparisons, hashing, rounding.
import copy
import math
import numbers
from fractions import Fraction as F
import fractions


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


print(fractions.__all__, F.__name__, F.__module__)

# Construction.
for args in [(), (7,), (-7,), (3, 4), (6, -8), (-6, -8), (0, 5), (0, -5), (10 ** 20, 10 ** 18),
             (True,), (True, 2), (False, 3), (F(3, 4),), (F(1, 2), F(1, 3)), (F(1, 2), 3),
             (3, F(1, 2)), (1.5,), (-0.1,), (0.0,), (-0.0,), (1e300,), (5e-324,),
             (float("inf"),), (float("nan"),), (1.5, 2), ("1", 2), (2, "1"), (None,), ([],),
             (1, 0), (0, 0), (-5, 0), (F(1, 2), 0), (F(3, 2), F(0)), (2.0, 1)]:
    show(args, F, *args)
for text in ["3/4", "-1.5e3", " 2 ", "+7", "-0", ".5", "5.", "1e-3", "1E+3", "1_000",
             "1__0", "_1", "1_", "3/-4", "3/+4", "", " ", "1/2/3", "0x10", "inf", "nan",
             "1.5/2", "\u0661\u0662", "\t3/4\n", "1.2_3", "1e1_0", "5.e3", ".e3", "1/0",
             "-3/6", "1.5E-2", " -.5 ", "1 / 2", "1/ 2", "- 1", "1 e3", "1\u3000",
             "\u30001/2", "\u00b2", "1.5.", "e3", "3/4.0", "0/5", "000012/0003",
             "1_000.000_1e-0_2", "-.0e-5", "123456789012345678901234567890/3"]:
    show(repr(text), F, text)

# Normalisation, properties, conversions.
x = F(-6, 4)
print(x, repr(x), x.numerator, x.denominator, x.as_integer_ratio(), str(F(5, 1)), str(F(-5)))
for attr in ("numerator", "denominator", "_numerator"):
    try:
        setattr(x, attr, 5)
        print("set", attr, x)
    except AttributeError:
        print("AttributeError", attr)
try:
    x.other = 1
except AttributeError:
    print("AttributeError other")
print(float(F(1, 3)), float(F(10 ** 400, 10 ** 399)), float(F(1, 10 ** 400)), int(F(-7, 2)),
      int(F(7, 2)), bool(F(0)), bool(F(1, 9)))
print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), math.floor(F(7, 2)),
      math.ceil(F(7, 2)), math.trunc(F(7, 2)), type(math.floor(F(7, 2))).__name__)
print([10, 20, 30][int(F(5, 2))], F(1, 3).real, F(1, 3).imag, F(1, 3).conjugate())
print(F.from_float(0.1), F.from_float(5), F.from_float(True), F.from_decimal(3))
show("from_float", F.from_float, "1.5")
show("from_float", F.from_float, F(1, 2))
show("from_decimal", F.from_decimal, 1.5)

# Arithmetic with ints, Fractions and floats.
a, b = F(3, 4), F(5, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, -a, +a, abs(-a))
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, a // 2, 2 // a, a % 2, 2 % a)
print(a + 0.5, 0.5 + a, a * 0.1, 1.5 / a, a // 0.1, 2.5 % a, divmod(a, 0.25), divmod(2.5, a))
print(divmod(F(-7, 2), 2), divmod(7, F(-2, 3)), F(-7, 2) // 2, F(-7, 2) % 2, F(7, 2) % -2)
print(a + True, a * False, F(1, 6) + F(1, 3), F(1, 6) + F(5, 6), F(5, 12) - F(1, 4))
print(F(10 ** 20, 3) * F(3, 10 ** 20), F(1, 2 ** 70) + F(1, 2 ** 70), sum(F(1, n) for n in range(1, 11)))
print(type(a + 1).__name__, type(a + 0.5).__name__, type(a // b).__name__, type(a // 0.5).__name__)

# Powers.
for base, power in [(F(2, 3), 3), (F(2, 3), -3), (F(-2, 3), 3), (F(-2, 3), -3), (F(-2, 3), 0),
                    (F(4), F(1, 2)), (F(1, 4), 0.5), (F(2, 3), F(2)), (F(2, 3), F(-2)),
                    (F(0), -1), (F(0), F(-1)), (F(0), 0), (2, F(3)), (2, F(-3)), (2, F(1, 2)),
                    (2.5, F(2)), (2.5, F(1, 2)), (F(9, 4), F(3, 2)), (4, F(1, 2)),
                    (F(1, 2), True), (-8, F(1, 1)), (F(-8), F(1))]:
    show(f"{base!r} ** {power!r}", pow, base, power)

# Division by zero.
for num, den in [(F(3, 4), 0), (F(-3, 4), 0), (F(0), 0), (F(6, 4), F(0)), (F(-10, 3), 0),
                 (5, F(0)), (-5, F(0)), (F(1, 2), 0.0)]:
    show(f"{num!r} / {den!r}", lambda: num / den)
    show(f"{num!r} // {den!r}", lambda: num // den)
    show(f"{num!r} % {den!r}", lambda: num % den)
    show(f"divmod({num!r}, {den!r})", divmod, num, den)

# Comparisons.
print(F(1, 2) == 0.5, F(1, 2) == F(2, 4), F(2) == 2, F(2, 1) == 2.0, F(1, 3) == 1 / 3,
      F(1, 2) != 0.5, 0.5 == F(1, 2), 2 == F(2), F(1, 2) == "1/2", F(1, 2) == None)
print(F(1, 3) < 0.34, F(1, 3) > 1 / 3, F(1, 3) < 1 / 3, F(1, 2) <= F(1, 2), F(1, 2) >= 1,
      1 < F(3, 2), 0.2 > F(1, 5), F(1, 5) < 0.2, F(1, 5) > 0.2)
inf, nan = float("inf"), float("nan")
print(F(10 ** 30) < inf, F(-10 ** 30) > -inf, F(1) == inf, F(1) == nan, F(1) < nan, F(1) >= nan,
      inf > F(5), nan != F(5))
print(sorted([F(1, 2), 0.25, 1, F(-3, 7), 0, -1.5, F(2, 3)]), max(F(1, 3), 0.3), min(2, F(5, 2)))
for op in ("<", "<=", ">", ">="):
    show(op, eval, f"F(1, 2) {op} 'x'", {"F": F})
show("==", eval, "F(1, 2) == [1]", {"F": F})

# Hashes agree with equal ints and floats.
M = 2 ** 61 - 1
for value in [F(1, 2), F(-1, 2), F(3), F(-1), F(0), F(1, 3), F(-1, 3), F(10 ** 30), F(1, 2 ** 70),
              F(1, M), F(3, M), F(-1, M), F(M, 1), F(M + 1, 2), F(2 ** 100, 3 ** 50)]:
    print(repr(value), hash(value))
print(hash(F(1, 2)) == hash(0.5), hash(F(-3, 4)) == hash(-0.75), hash(F(5)) == hash(5),
      hash(F(-1)) == hash(-1), hash(F(1, 2 ** 70)) == hash(2.0 ** -70),
      hash(F(10 ** 30)) == hash(10 ** 30), hash(F(1, M)) == hash(float("inf")))
table = {0.5: "half", 2: "two", F(3, 4): "three quarters"}
print(table[F(1, 2)], table[F(2)], table[F(6, 8)], len({F(1, 2), F(2, 4), F(1)}))

# round().
for value in [F(5, 2), F(7, 2), F(-5, 2), F(-7, 2), F(1, 3), F(2, 3), F(-2, 3), F(0)]:
    print(repr(value), round(value), type(round(value)).__name__)
for value, nd in [(F(12345, 1000), 2), (F(12345, 1000), 0), (F(12355, 1000), 2),
                  (F(-12345, 1000), 2), (F(12345, 10), -1), (F(12345, 10), -2), (F(125), -1),
                  (F(135), -1), (F(1, 3), 5), (F(2, 3), 0)]:
    print(repr(value), nd, repr(round(value, nd)))

# limit_denominator.
pi = F(math.pi)
print(pi)
for limit in [1, 2, 7, 10, 100, 113, 1000, 10 ** 6, 10 ** 20]:
    print(limit, pi.limit_denominator(limit))
print(F("3.1415926535897932").limit_denominator(1000), F(1, 3).limit_denominator(),
      F(-1, 3).limit_denominator(2), F(3, 8).limit_denominator(3), F(5, 8).limit_denominator(3),
      F(1, 2).limit_denominator(1), F(-5, 8).limit_denominator(3), F(0.1).limit_denominator(),
      F(3, 2).limit_denominator(1))
show("limit", F(1, 3).limit_denominator, 0)
print(type(F(1, 3).limit_denominator(10)).__name__)

# The numeric tower.
print(isinstance(F(1, 2), numbers.Rational), isinstance(F(1, 2), numbers.Integral),
      issubclass(F, numbers.Real), isinstance(F(1, 2), numbers.Number))

# Copies and pickling support.
c = F(2, 3)
print(copy.copy(c) is c, copy.deepcopy(c) is c, c.__reduce__())


# A subclass: construction keeps the subclass, arithmetic gives Fractions.
class Money(F):
    def __repr__(self):
        return f"Money({self})"

    def __str__(self):
        return f"${float(self):.2f}"


m = Money(7, 4)
print(repr(m), str(m), type(m).__name__, m.numerator, m.denominator, isinstance(m, F))
print(repr(m + 1), repr(m * m), repr(-m), repr(+m), repr(abs(m)), repr(m ** 2), repr(1 - m))
print(repr(Money("1.25")), repr(Money(m)), repr(F(m)), repr(copy.copy(m)), copy.copy(m) is m,
      repr(Money.from_float(0.5)), m == F(7, 4), hash(m) == hash(1.75))
print(repr(m.limit_denominator(2)), repr(round(m, 1)), round(m))


class Scaled(F):
    """Overrides an operator: its reflected method wins over Fraction's."""
    def __radd__(self, other):
        return "Scaled.__radd__"

    def __add__(self, other):
        return "Scaled.__add__"


print(F(1, 2) + Scaled(1, 3), Scaled(1, 3) + F(1, 2), 1 + Scaled(1))


# A Rational of another kind: Fraction accepts it, mixed arithmetic works.
class Ratio(numbers.Rational):
    def __init__(self, n, d):
        self.n, self.d = n, d

    numerator = property(lambda self: self.n)
    denominator = property(lambda self: self.d)

    def __repr__(self):
        return f"Ratio({self.n}, {self.d})"

    def _unsupported(self, *args):
        return NotImplemented

    __add__ = __mul__ = __truediv__ = __pow__ = __floordiv__ = __mod__ = _unsupported
    __radd__ = __rmul__ = __rtruediv__ = __rpow__ = __rfloordiv__ = __rmod__ = _unsupported
    __neg__ = __pos__ = __abs__ = __trunc__ = __floor__ = __ceil__ = __round__ = _unsupported
    __eq__ = __lt__ = __le__ = _unsupported


r = Ratio(1, 3)
print(repr(F(r)), repr(F(r, r)), repr(F(1, r)), F(1, 3) == r, F(1, 4) < r, float(r))
print(repr(r + F(1, 6)), repr(r * F(3)), repr(r / F(2)), repr(r - F(1)), repr(r // F(1, 7)),
      repr(r % F(1, 7)), repr(2 ** F(2)), repr(r ** F(1, 2)))
show("Ratio ** F(2)", lambda: r ** F(2))
show("F + Ratio", lambda: F(1, 6) + r)
show("F * Ratio", lambda: F(1, 6) * r)

# Errors from other types.
for expr in ["F(1, 2) + 'x'", "'x' * F(2)", "F(1, 2) < None", "F(1,2) @ F(1,2)", "~F(1)",
             "F(1, 2) << 1", "[1, 2][F(1)]", "format(F(1, 3), '.2f')"]:
    show(expr, eval, expr, {"F": F})
print(format(F(1, 3)), format(F(1, 3), ""))

# Bigger computations stay exact.
total = F(0)
for n in range(1, 30):
    total += F(1, n * (n + 1))
print(total, F(1, 3) * 3 == 1, sum([F(1, 10)] * 10) == 1, sum([0.1] * 10) == 1)
h = F(0)
for k in range(1, 60):
    h += F((-1) ** (k + 1), k)
print(h.numerator % 1000, h.denominator % 1000, float(h))
