# math: every function of CPython 3.11's module, its edge cases (inf,
# nan, -0.0, huge ints, subnormals), its error messages, and objects
# taking part through __float__, __index__, __floor__, __ceil__, __trunc__.
import math

inf, nan = math.inf, math.nan


def show(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))


print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-300, 5e-324, -5e-324, 1e300,
           inf, -inf, nan, 3, -7, True, 10**20, 0.1, 0.7, 1.5, 710.0, -710.0,
           1e-8, 123.456, -45.25, 2.2250738585072014e-308]
UNARY = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos",
         "cosh", "erf", "erfc", "exp", "exp2", "expm1", "fabs", "log1p", "sin",
         "sinh", "sqrt", "tan", "tanh", "degrees", "radians", "gamma", "lgamma",
         "log", "log2", "log10", "ulp", "isfinite", "isinf", "isnan", "frexp",
         "modf", "ceil", "floor", "trunc"]
for name in UNARY:
    f = getattr(math, name)
    for x in SPECIAL:
        show(name, f, x)

# Many ordinary arguments: the floats must be the C library's, bit for bit.
values = [i / 7.0 - 3.0 for i in range(43)] + [1.0001 ** k for k in range(0, 4000, 97)]
for name in ["acos", "asin", "atan", "asinh", "acosh", "atanh", "cos", "sin", "tan",
             "cosh", "sinh", "tanh", "exp", "exp2", "expm1", "log1p", "cbrt", "erf",
             "erfc", "sqrt", "log", "log2", "log10", "gamma", "lgamma"]:
    f = getattr(math, name)
    out = []
    for x in values:
        try:
            out.append(f(x).__repr__())
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

# gamma and lgamma over their range (CPython's own Lanczos sums).
print([math.gamma(x / 3.0).__repr__() for x in range(-600, 510) if x % 3] + [math.gamma(0.5 + k) for k in range(30)])
print([math.lgamma(x / 3.0).__repr__() for x in range(-600, 900) if x % 3])
print(math.gamma(171.5), math.gamma(-171.5), math.gamma(-200.5), math.gamma(-250.5), math.gamma(1e-30), math.gamma(-1e-30))
for x in [0, -0.0, -1, -2, -1e10, 171.7, 200, 1e-310, -inf, inf, nan, 23, 24]:
    show("gamma", math.gamma, x)
for x in [0, -1, -2, 1, 2, inf, -inf, nan, 1e-30, -1e-30, 2.5e305, -2.5]:
    show("lgamma", math.lgamma, x)

# Domain and range errors.
for label, f, args in [
    ("exp", math.exp, (1000,)), ("exp", math.exp, (-1000,)), ("sqrt", math.sqrt, (-1,)),
    ("log", math.log, (0,)), ("log", math.log, (-1,)), ("log", math.log, (0.0,)),
    ("pow", math.pow, (0.0, -1.0)), ("pow", math.pow, (-0.0, -3.0)), ("pow", math.pow, (10.0, 400.0)),
    ("pow", math.pow, (-8.0, 1 / 3)), ("acosh", math.acosh, (0.5,)), ("fmod", math.fmod, (inf, 1)),
    ("fmod", math.fmod, (1, 0)), ("atanh", math.atanh, (1,)), ("atanh", math.atanh, (-1.0,)),
    ("asin", math.asin, (2,)), ("cosh", math.cosh, (1000,)), ("sinh", math.sinh, (-1000,)),
    ("expm1", math.expm1, (1000,)), ("exp2", math.exp2, (1025,)), ("log1p", math.log1p, (-1,)),
    ("log1p", math.log1p, (-2,)), ("cos", math.cos, (inf,)), ("tan", math.tan, (-inf,)),
    ("remainder", math.remainder, (1, 0)), ("remainder", math.remainder, (inf, 1)),
    ("copysign", math.copysign, (1e308, -1)), ("atan2", math.atan2, (inf, -inf)),
    ("ldexp", math.ldexp, (1.0, 1024)), ("ldexp", math.ldexp, (1e300, 10000)),
    ("ldexp", math.ldexp, (1.0, 10**30)), ("ldexp", math.ldexp, (1.0, -10**30)),
    ("ldexp", math.ldexp, (-1.0, -10**30)), ("ldexp", math.ldexp, (1.0, 2.5)),
    ("ldexp", math.ldexp, (inf, -5)), ("ldexp", math.ldexp, (0.0, 10**30)),
    ("ldexp", math.ldexp, (3.0, -1074)), ("ldexp", math.ldexp, (3.0, -1075)),
    ("ldexp", math.ldexp, (1.5, -1074)), ("ldexp", math.ldexp, (5e-324, 1074)),
    ("ldexp", math.ldexp, (1.0, True)), ("ldexp", math.ldexp, (7, 3)),
]:
    show(label, f, *args)

# pow's special values.
P = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, inf, -inf, nan]
show("pow", math.pow, 2, 0.5)
show("pow", math.pow, 1.0000001, 1e10)

# Two-argument functions over special values.
for name in ["atan2", "copysign", "fmod", "remainder", "nextafter", "hypot", "pow"]:
    f = getattr(math, name)
    out = []
    for x in P + [5.5, -7.25, 1e308]:
        for y in P + [5.5, -7.25, 1e-308]:
            try:
                out.append(repr(f(x, y)))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__)
    print(name, " ".join(out))
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(10, -3), math.fmod(-0.0, 1), math.fmod(5.5, inf))
print(math.remainder(10, 3), math.remainder(11, 2), math.remainder(9, 2), math.remainder(-9, 2), math.remainder(3, inf))
print(math.copysign(1, -0.0), math.copysign(-2, 0.0), math.copysign(inf, -1), math.copysign(nan, -1.0))
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), math.atan2(1, -inf), math.atan2(inf, inf))

# Logarithms of huge ints (by the bit length) and with a base.
for n in [10**400, 2**2000, 2**1024, 2**1024 - 1, 3**1000, 10**308, 10**309, 7**5000, 2**53 + 1]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 10), math.log(n, 2))
print(math.log2(2**2000) == 2000.0, math.log10(10**400), math.log(10**400, 10**200))
print(math.log(8, 2), math.log(100, 10), math.log(2, 0.5), math.log(1, 10), math.log(10, 2.5))
for args in [(1, 1), (10, 1), (10, 1.0), (0, 10), (10, 0), (10, -1), (-(10**400),), (10**400, -3),
             (True,), (False,), ("a",), (10, "b"), (inf,), (-inf,), (nan,), (inf, inf)]:
    show("log", math.log, *args)
for f in (math.log2, math.log10):
    for x in [0, -1, -(10**500), 10**500, False, 0.0, -0.0, inf, -inf, nan, 5e-324]:
        show(f.__name__, f, x)

# floor, ceil, trunc: big floats to big ints, NaN and infinities, objects.
for x in [1.5, -1.5, -0.5, 0.5, 1e300, -1e300, 2.0**63, -(2.0**63), 4503599627370495.5, 7, -7,
          10**30, True, False, 5e-324, -5e-324]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x))
for f in (math.floor, math.ceil, math.trunc):
    for x in [nan, inf, -inf, "x", None, [1]]:
        show(f.__name__, f, x)


class WithFloat:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return self.v


class WithIndex:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Rounding:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


class MyFloat(float):
    pass


class MyInt(int):
    pass


class FloorFloat(float):
    def __floor__(self):
        return 42


print(math.sqrt(WithFloat(2.0)), math.floor(WithFloat(2.5)), math.ceil(WithFloat(-2.5)))
print(math.sqrt(WithIndex(16)), math.factorial(WithIndex(5)), math.gcd(WithIndex(12), 18), math.isqrt(WithIndex(99)))
print(math.floor(Rounding()), math.ceil(Rounding()), math.trunc(Rounding()))
print(math.floor(MyFloat(2.5)), math.sqrt(MyFloat(4.0)), math.floor(MyInt(7)), math.factorial(MyInt(4)))
print(math.floor(FloorFloat(2.5)), math.ceil(FloorFloat(2.5)), math.log(MyInt(100), 10))
print(math.comb(WithIndex(5), WithIndex(2)), math.perm(WithIndex(5)), math.lcm(WithIndex(4), 6))
show("sqrt", math.sqrt, WithFloat(3))
show("sqrt", math.sqrt, WithFloat("x"))
show("sqrt", math.sqrt, WithIndex(2.5))
show("sqrt", math.sqrt, WithIndex(10**400))
show("trunc", math.trunc, WithFloat(2.5))
show("factorial", math.factorial, WithFloat(2.0))
show("factorial", math.factorial, WithIndex("x"))
show("sqrt", math.sqrt, 10**400)
show("exp", math.exp, 2**1024)
show("sqrt", math.sqrt, "4")
show("sqrt", math.sqrt, None)
show("hypot", math.hypot, 10**400, 1)

# Integer functions.
print([math.factorial(n) for n in range(25)], math.factorial(True))
print(math.factorial(100), len(str(math.factorial(1000))), math.factorial(2000) % (10**30 + 57))
for n in [-1, -(10**30), 2**63, 10**30, 1.0, 2.5, "3", None]:
    show("factorial", math.factorial, n)
print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(2**200, 6**100, 10**50))
print(math.gcd(12, 18, 27), math.gcd(True, 4), math.gcd(-(3**300), 9**100))
print(math.lcm(), math.lcm(0), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 0, 6), math.lcm(-4, 6), math.lcm(2**100, 3**50, 6**10), math.lcm(3, 5, 7, 11))
for args in [(1.5,), (1, 2.0), ("a",), (1, None)]:
    show("gcd", math.gcd, *args)
    show("lcm", math.lcm, *args)
show("lcm", math.lcm, 0, 1.5)
print([math.isqrt(n) for n in range(30)], math.isqrt(10**100), math.isqrt(10**101), math.isqrt(2**1000 - 1), math.isqrt(True))
for n in [-1, -(10**50), 4.0, "4"]:
    show("isqrt", math.isqrt, n)
print([math.comb(10, k) for k in range(12)], math.comb(100, 50), math.comb(10**20, 3), math.comb(10**30, 10**30 - 2))
print([math.perm(6, k) for k in range(8)], math.perm(7), math.perm(0), math.perm(10**20, 3), math.perm(30, None))
print(math.comb(3000, 1500) % 1000000007, math.perm(3000, 1500) % 1000000007, math.comb(0, 0), math.comb(True, True))
for args in [(-1, 2), (1, -2), (-1, -2), (5, 10), (10**30, 10**20), (10**30, -1), (5, 1.0), (5.0, 1), ("5", 1), (1,), (1, 2, 3)]:
    show("comb", math.comb, *args)
for args in [(-1,), (-1, 2), (1, -2), (5, 10), (10**30, 10**20), (10**30, 5), (5, 1.0), (), (1, 2, 3), (2**63,), (-(10**30), 1)]:
    show("perm", math.perm, *args)

# fsum: exact, and its special rules.
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0]))
print(math.fsum(range(10)), math.fsum(iter([1, 2.5, True])), math.fsum([-0.0]), math.fsum([-0.0, -0.0]), math.fsum([5e-324, 5e-324]))
print(math.fsum([inf, 1.0]), math.fsum([-inf, -inf]), math.fsum([nan, 1.0]), math.fsum([inf, nan]), math.fsum([1e308, 1e308, -1e308]) if False else 0)
print(math.fsum([0.1, 0.2, 0.3, -0.6]), math.fsum([1, 1e-16] * 1000), math.fsum(x / 3 for x in range(1000)))
import random
rng = random.Random(7)
for _ in range(30):
    data = [rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20) for _ in range(rng.randint(1, 60))]
    print(math.fsum(data).__repr__(), end=" ")
print()
for data in [[inf, -inf], [1e308, 1e308], [1e308, 1e308, -1e308], [-inf, 1e308, 1e308, inf], [1, "x"], 5, [WithFloat(0.5), WithIndex(3)]]:
    show("fsum", math.fsum, data)

# hypot and dist: CPython's scaled, compensated sums to the last digit.
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324))
print(math.hypot(inf, nan), math.hypot(nan, -inf), math.hypot(nan, 1), math.hypot(1e-320, 3e-320, 2e-321), math.hypot(True, 2, 2.0))
print(math.hypot(1.7976931348623157e308, 1.7976931348623157e308 / 2) if False else math.hypot(1e200, 1e-200))
rng = random.Random(11)
out = []
for _ in range(600):
    n = rng.randint(2, 7)
    scale = 10 ** rng.randint(-300, 300)
    coords = [rng.uniform(-1, 1) * scale for _ in range(n)]
    out.append(math.hypot(*coords).__repr__())
    p = [rng.uniform(-100, 100) for _ in range(n)]
    q = [rng.gauss(0, 10) for _ in range(n)]
    out.append(math.dist(p, q).__repr__())
print(" ".join(out))
print([math.hypot(a, b) for a in range(1, 12) for b in range(1, 12)])
print([math.hypot(a / 10, b / 7, c / 3) for a in range(1, 9) for b in range(1, 9) for c in range(1, 5)])
print(math.dist((1, 2), (4, 6)), math.dist([0.0], [-3.5]), math.dist((), ()), math.dist(range(3), (1, 1, 1)), math.dist((inf, 1), (1, nan)))
for args in [((1,), (1, 2)), (1, 2), ((1,), ["a"]), ((1, 2),)]:
    show("dist", math.dist, *args)

# prod is generic over `*`.
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 30)), math.prod([1.5, 2, 4]), math.prod([2, 3], start=10))
print(math.prod(["ab", 3]), math.prod([3], start="xy"), math.prod([], start=True), math.prod([True, True]), math.prod(iter([2.0, 10**300])))
show("prod", math.prod, [2.0, 10**400])
print(math.prod([[1], 2], start=1), math.prod(x for x in [0.5, 0.25]), math.prod([10**20, 10**20, -1]))
for args, kw in [((1,), {}), (([1], 2), {}), (([1],), {"begin": 2}), ((), {}), ((["a", "b"],), {})]:
    show("prod", math.prod, *args, **kw)

# isclose.
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.1), math.isclose(0.0, 1e-10))
print(math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(inf, -inf), math.isclose(nan, nan), math.isclose(inf, 1e308, rel_tol=1))
print(math.isclose(a=1, b=1.0000000001), math.isclose(1, 2, abs_tol=1), math.isclose(10**20, 10**20 + 1), math.isclose(1, 1, rel_tol=0, abs_tol=0))
for args, kw in [((1, 1), {"rel_tol": -1}), ((1, 1), {"abs_tol": -0.1}), ((1, 2, 3), {}), ((1,), {}), ((), {}),
                 ((1, 2), {"foo": 1}), ((1, "a"), {}), ((1, 1), {"rel_tol": "a"})]:
    show("isclose", math.isclose, *args, **kw)

# nextafter, ulp, frexp, modf over special values and subnormals.
for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (-0.0, 1.0), (5e-324, 0), (1.7976931348623157e308, inf),
             (inf, 0), (-inf, 0), (1.0, 1.0), (nan, 1), (1, nan), (0.0, -0.0), (-0.0, 0.0), (2**1023, inf)]:
    print("nextafter", x, y, repr(math.nextafter(x, y)))
print([math.ulp(x) for x in [1.0, -1.0, 0.0, 5e-324, 1e300, 1.7976931348623157e308, inf, -inf, 2**52, 2.0**-1022, 1e-310]], math.ulp(nan))
print([math.frexp(x) for x in [1.0, -3.5, 0.0, -0.0, 5e-324, 1e-310, 2.2250738585072014e-308, 1.7976931348623157e308, inf, -inf, 7, True, 10**300]])
print(math.frexp(nan), [math.modf(x) for x in [1.5, -1.5, 0.0, -0.0, 2.0, -2.0, 1e300, inf, -inf, 5e-324, 7, 0.1]], math.modf(nan))

# Wrong argument counts and keywords: CPython's wording.
for label, f, args, kw in [
    ("sqrt", math.sqrt, (), {}), ("sqrt", math.sqrt, (1, 2), {}), ("sqrt", math.sqrt, (), {"x": 1}),
    ("floor", math.floor, (), {}), ("pow", math.pow, (1,), {}), ("pow", math.pow, (), {"x": 1, "y": 2}),
    ("atan2", math.atan2, (1,), {}), ("copysign", math.copysign, (1, 2, 3), {}), ("log", math.log, (), {}),
    ("log", math.log, (1, 2, 3), {}), ("log", math.log, (), {"x": 1}), ("perm", math.perm, (), {}),
    ("comb", math.comb, (1,), {}), ("gcd", math.gcd, (), {"x": 1}), ("hypot", math.hypot, (), {"x": 1}),
    ("fsum", math.fsum, (), {}), ("nextafter", math.nextafter, (1,), {}), ("ldexp", math.ldexp, (1,), {}),
    ("frexp", math.frexp, (1, 2), {}), ("degrees", math.degrees, (), {}), ("comb", math.comb, (), {"n": 1, "k": 1}),
    ("remainder", math.remainder, (1,), {}), ("fmod", math.fmod, (1, 2, 3), {}), ("isnan", math.isnan, ("x",), {}),
    ("perm", math.perm, (1, 2, 3), {}), ("dist", math.dist, (1,), {}), ("lgamma", math.lgamma, ("x",), {}),
]:
    show(label, f, *args, **kw)

print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1), math.degrees(-0.0), math.radians(inf))
print([math.degrees(x / 10) for x in range(-40, 40, 3)])
print([math.radians(x * 7.5) for x in range(-30, 30, 4)])
print(sorted(name for name in dir(math) if not name.startswith("_")))


# An int subclass's own __float__ is used by the float functions, but not
# by the logarithms (they take an int by its value); a float subclass's
# value is used as it is.
class IntWithFloat(int):
    def __float__(self):
        return 0.25


class FloatWithFloat(float):
    def __float__(self):
        return 0.25


print(math.sqrt(IntWithFloat(4)), math.log(IntWithFloat(8), 2), math.log2(IntWithFloat(8)), math.sqrt(FloatWithFloat(4.0)))
print(math.floor(IntWithFloat(4)), math.hypot(IntWithFloat(4)), math.fsum([IntWithFloat(4), 1]), math.isqrt(IntWithFloat(17)))
