# Decimal results around the machine-word boundaries of the coefficient
# (10**18, 2**64, 10**19, 2**128, 10**38) at precisions from 1 to 39:
# every operation's value and the flags it raised, every rounding mode at
# ties, negative zero, exponent limits, exact and inexact division, the
# signs of remainders, comparisons across exponents and hashes.
import decimal
from decimal import Decimal as D, Context, localcontext

FLAG_NAMES = ["Clamped", "DivisionByZero", "FloatOperation", "Inexact",
              "InvalidOperation", "Overflow", "Rounded", "Subnormal",
              "Underflow"]


def flags(ctx):
    return sorted(n for n in FLAG_NAMES if ctx.flags[getattr(decimal, n)])


def show(ctx, label, f):
    ctx.clear_flags()
    try:
        r = f()
    except Exception as e:
        r = "%s" % type(e).__name__
    print(label, "=", r, flags(ctx))


BOUNDS = [10**18 - 1, 10**18, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**64 + 1,
          10**19 - 1, 10**19, 10**19 + 1, 2**127, 2**128 - 1, 2**128,
          2**128 + 1, 10**38 - 1, 10**38, 10**38 + 1, 10**39 - 1, 10**39]
SMALL = [7, 10]

for prec in [1, 9, 18, 19, 20, 28, 38, 39]:
    ctx = Context(prec=prec, traps=[])
    decimal.setcontext(ctx)
    print("--- prec", prec)
    for i, c in enumerate(BOUNDS):
        a = D(c) if i % 2 else D(c).scaleb(-5)
        show(ctx, "a%d" % i, lambda: (a, +a))
        for s in SMALL:
            b = D(s)
            show(ctx, "a%d+%s" % (i, s), lambda: a + b)
            show(ctx, "a%d-%s" % (i, s), lambda: a - b)
            show(ctx, "a%d*%s" % (i, s), lambda: a * b)
            show(ctx, "a%d/%s" % (i, s), lambda: a / b)
            show(ctx, "%s/a%d" % (s, i), lambda: b / a)
            show(ctx, "a%d//%s" % (i, s), lambda: a // b)
            show(ctx, "a%d%%%s" % (i, s), lambda: a % b)
        for j, c2 in enumerate(BOUNDS[::8]):
            b = -D(c2)
            show(ctx, "a%d+b%d" % (i, j), lambda: a + b)
            show(ctx, "a%d-b%d" % (i, j), lambda: a - b)
            show(ctx, "a%d*b%d" % (i, j), lambda: a * b)
            show(ctx, "a%d/b%d" % (i, j), lambda: a / b)
            show(ctx, "a%d<>b%d" % (i, j), lambda: (a < b, a == -b, a > -b))
            show(ctx, "a%d+int%d" % (i, j), lambda: a + c2)
            show(ctx, "int%d*a%d" % (j, i), lambda: c2 * a)
        show(ctx, "a%d.quantize" % i, lambda: a.quantize(D("0.01")))
        show(ctx, "str(-a%d)" % i, lambda: str(-a))

print("--- rounding modes at ties")
for prec in [1, 9, 18, 19, 20, 28, 38]:
    for mode in [decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_UP,
                 decimal.ROUND_DOWN, decimal.ROUND_HALF_UP,
                 decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN,
                 decimal.ROUND_05UP]:
        ctx = Context(prec=prec, rounding=mode, traps=[])
        decimal.setcontext(ctx)
        for head in ["2", "5", "-4", "-9"]:
            digits = head + "9" * (prec - 1) if prec > 1 else head
            for tail in ["5", "51", "49", "500000000000000000001"]:
                x = D(digits + tail)
                show(ctx, "%s %s %s%s" % (prec, mode, head, tail), lambda: +x)
            t = D(5 if head[0] != "-" else -5)
            show(ctx, "%s %s %s*10+5" % (prec, mode, head), lambda: D(digits) * 10 + t)
        show(ctx, "%s %s 1/3" % (prec, mode), lambda: D(1) / 3)
        show(ctx, "%s %s -2/3" % (prec, mode), lambda: D(-2) / 3)
        show(ctx, "%s %s 1/8" % (prec, mode), lambda: D(1) / 8)

print("--- zeros, signs, exponent limits")
ctx = Context(prec=9, Emin=-20, Emax=20, traps=[])
decimal.setcontext(ctx)
nz = D("-0")
for x in [D("0"), nz, D("-0.00"), D("0E+5")]:
    for y in [D("0"), nz, D("1"), D("-1")]:
        show(ctx, "%s + %s" % (x, y), lambda: x + y)
        show(ctx, "%s - %s" % (x, y), lambda: x - y)
        show(ctx, "%s * %s" % (x, y), lambda: x * y)
        show(ctx, "%s / %s" % (x, y), lambda: x / y)
ctx.rounding = decimal.ROUND_FLOOR
show(ctx, "floor 1 - 1", lambda: D(1) - D(1))
show(ctx, "floor -0 + 0", lambda: nz + D(0))
ctx.rounding = decimal.ROUND_HALF_EVEN
for x in ["9.99999999E+20", "1E+20", "123456789E+12", "1E-20", "1E-28",
          "1.5E-28", "123456789E-30", "5E-29", "4E-29"]:
    a = D(x)
    show(ctx, "plus %s" % x, lambda: +a)
    show(ctx, "%s * 10" % x, lambda: a * 10)
    show(ctx, "%s / 10" % x, lambda: a / 10)
    show(ctx, "%s * %s" % (x, x), lambda: a * a)
    show(ctx, "%s + 1E-28" % x, lambda: a + D("1E-28"))
ctx.clamp = 1
show(ctx, "clamp 1E+20", lambda: +D("1E+20"))
show(ctx, "clamp 1E+15 * 1", lambda: D("1E+15") * 1)
ctx.clamp = 0
for mode in [decimal.ROUND_DOWN, decimal.ROUND_UP, decimal.ROUND_CEILING,
             decimal.ROUND_FLOOR]:
    ctx.rounding = mode
    show(ctx, "overflow %s" % mode, lambda: D("9E+20") * 10)
    show(ctx, "neg overflow %s" % mode, lambda: D("-9E+20") * 10)

print("--- division")
ctx = Context(prec=19, traps=[])
decimal.setcontext(ctx)
for a, b in [(1, 4), (10, 4), (1, 3), (2, 3), (100, 7), (10**18, 7),
             (10**19, 2**64), (2**64, 10**19), (6, 2), (600, D("2E+2")),
             (D("1.00"), D("0.5")), (1, 0), (0, 0), (-7, 2), (7, -2),
             (-7, -2), (D("7.5"), D("-2")), (10**38, 3), (2**128, 2**64)]:
    a, b = D(a), D(b)
    show(ctx, "%s / %s" % (a, b), lambda: a / b)
    show(ctx, "%s // %s" % (a, b), lambda: a // b)
    show(ctx, "%s %% %s" % (a, b), lambda: a % b)
    show(ctx, "divmod %s %s" % (a, b), lambda: divmod(a, b))
    show(ctx, "rem_near %s %s" % (a, b), lambda: a.remainder_near(b))
ctx.prec = 5
show(ctx, "impossible", lambda: D(10**9) // 3)
show(ctx, "impossible divmod", lambda: divmod(D(10**9), 3))

print("--- comparisons and hashes")
ctx = Context(prec=28)
decimal.setcontext(ctx)
pairs = [("1.0", "1.00"), ("1", "1.0"), ("0", "-0"), ("0E+5", "0.000"),
         ("100", "1E+2"), ("1E+19", "10000000000000000000"),
         ("18446744073709551616", "1.8446744073709551616E+19"),
         ("1.5", "1.50000000000000000000000000"), ("-1", "1"),
         ("123456789012345678901234567890", "1.2345678901234567890123456789E+29")]
for x, y in pairs:
    a, b = D(x), D(y)
    print(x, y, a == b, a != b, a < b, a <= b, a > b, a >= b,
          hash(a) == hash(b))
for v in [0, 1, -1, 7, 2**61 - 1, 2**61, 2**64, 10**19, -(10**38), 2**128]:
    print("hash int", v, hash(D(v)) == hash(v), D(v) == v, v == D(v),
          D(v) < v + 1, v - 1 < D(v))
for f in [0.5, -0.25, 1.5, 2.0**70, 1e-5]:
    d = D(f)
    print("hash float", f, hash(d) == hash(f), d == f)
print(hash(D("1.0")) == hash(D("1.00")) == hash(1))
print(hash(D("0.5")) == hash(0.5))
print(hash(D("-0")) == hash(0))

print("--- context at work")
with localcontext() as c:
    c.prec = 9
    c.traps[decimal.Inexact] = True
    try:
        D(1) / 3
    except decimal.Inexact as e:
        print("trapped", type(e).__name__)
    print(D(1) / 4)
    c.traps[decimal.Inexact] = False
    c.traps[decimal.DivisionByZero] = True
    try:
        D(1) / 0
    except ZeroDivisionError as e:
        print("trapped", type(e).__name__)
print(decimal.getcontext().prec)
