# How operators reach Decimal arithmetic: Decimal and int operands on
# either side, in-place forms, subclasses whose reflected methods come
# first, operands Decimal refuses (float, str, list), comparisons with
# ints, floats, Fractions and complex numbers, NaN signals, and
# gc.is_tracked (a Decimal is not tracked, as in CPython).
import decimal
import gc
from decimal import Decimal as D
from fractions import Fraction


def attempt(label, f):
    decimal.getcontext().clear_flags()
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    fl = sorted(k.__name__ for k, v in decimal.getcontext().flags.items() if v)
    print(label, "->", repr(r), fl)


class MyD(D):
    def __radd__(self, other):
        return "MyD.__radd__"

    def __lt__(self, other):
        return "MyD.__lt__"

    def __gt__(self, other):
        return "MyD.__gt__"


class Plain(D):
    pass


attempt("D + D", lambda: D("1.5") + D("2.25"))
attempt("D + int", lambda: D("1.5") + 2)
attempt("int + D", lambda: 2 + D("1.5"))
attempt("True + D", lambda: True + D(1))
attempt("D - bigint", lambda: D(1) - 10**30)
attempt("bigint * D", lambda: 10**30 * D("1.5"))
attempt("negint / D", lambda: -7 / D(2))
attempt("7 // D(-2)", lambda: 7 // D(-2))
attempt("7 % D(-2)", lambda: 7 % D(-2))
attempt("D(-7) % 2", lambda: D(-7) % 2)
attempt("2 ** D(3)", lambda: 2 ** D(3))
attempt("D(2) ** 10", lambda: D(2) ** 10)
attempt("D(2) ** D('0.5')", lambda: D(2) ** D("0.5"))
attempt("pow(D(2), 10, 7)", lambda: pow(D(2), 10, 7))
attempt("D + float", lambda: D(1) + 1.5)
attempt("float * D", lambda: 1.5 * D(1))
attempt("D + str", lambda: D(1) + "a")
attempt("str * D", lambda: "ab" * D(2))
attempt("list * D", lambda: [1] * D(2))
attempt("D & int", lambda: D(1) & 1)
attempt("D @ D", lambda: D(1) @ D(1))
attempt("D + MyD", lambda: D(1) + MyD(2))
attempt("MyD + D", lambda: MyD(2) + D(1))
attempt("D < MyD", lambda: D(1) < MyD(2))
attempt("D + Plain", lambda: D(1) + Plain(2))
attempt("Plain * 3", lambda: Plain(2) * 3)
attempt("type(Plain + D)", lambda: type(Plain(2) + D(1)).__name__)
attempt("D / 0", lambda: D(1) / 0)
attempt("0 / D(0)", lambda: 0 / D(0))


def inplace():
    x = D(1)
    x += 2
    x *= D("1.5")
    x -= 1
    x /= 4
    x //= D("0.1")
    x %= 3
    x **= 2
    return x


attempt("in place", inplace)

for a, b in [(D(5), 5), (5, D(5)), (D("5.0"), 5), (D(5), 6), (6, D(5)),
             (10**30, D(10**30 + 1)), (D(10**30), 10**30), (D("0.5"), 0.5),
             (0.5, D("0.5")), (D(1), Fraction(1, 2)), (Fraction(3, 2), D("1.5")),
             (D(1), complex(1, 0)), (D(1), complex(1, 1)), (D(1), "1"),
             (D("NaN"), D("NaN")), (D("NaN"), 1), (D("-0"), 0),
             (D("Infinity"), 10**400), (-(10**400), D("-Infinity"))]:
    attempt("%r == %r" % (a, b), lambda: a == b)
    attempt("%r != %r" % (a, b), lambda: a != b)
    attempt("%r < %r" % (a, b), lambda: a < b)
    attempt("%r >= %r" % (a, b), lambda: a >= b)
attempt("sNaN == 1", lambda: D("sNaN") == 1)
attempt("1 != sNaN", lambda: 1 != D("sNaN"))
attempt("NaN < 1", lambda: D("NaN") < 1)
attempt("1 > NaN", lambda: 1 > D("NaN"))
with decimal.localcontext() as c:
    c.traps[decimal.InvalidOperation] = False
    attempt("NaN <= 1 untrapped", lambda: D("NaN") <= 1)
    c.traps[decimal.FloatOperation] = True
    attempt("D < float trapped", lambda: D(1) < 1.5)
    attempt("D == float trapped", lambda: D(1) == 1.5)
print(sorted([D(3), 1, D("2.5"), 2, D("-1")]))
print(max(D(1), 2, D("1.5")), min(3, D("2.9")))
print(sum([D("0.1")] * 10), sum([D("0.1")] * 10) == 1)
print(gc.is_tracked(D(1)), gc.is_tracked(D(1) + D(2)), gc.is_tracked(Plain(1)) in (True, False))
