# The cmath module: every function on ordinary, tiny, huge, signed-zero,
# infinite and NaN arguments, with CPython 3.11's results to the last bit
# and its errors.
import cmath
import math

INF = float("inf")
NAN = float("nan")

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(type(cmath.infj).__name__, type(cmath.nan).__name__, cmath.pi == math.pi)

parts = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-320, 3e-310, 1e300, -1e300, 1.7e308, 0.71, 1.2,
         0.999999999, 1e-8, 2.0, 710.0, -710.0, INF, -INF, NAN]
values = []
for re in parts:
    for im in parts:
        values.append(complex(re, im))

names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "asin", "acos", "atan", "asinh", "acosh", "atanh"]


def run(name, *args):
    try:
        return repr(getattr(cmath, name)(*args))
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


for name in names:
    print("==", name)
    row = []
    for v in values:
        row.append(run(name, v))
        if len(row) == 7:
            print(" ".join(row))
            row = []
    print(" ".join(row))

print("== phase, polar, abs")
for v in values[::3]:
    print(run("phase", v), run("polar", v), end=" | ")
print()
print("== rect")
for r in [0.0, -0.0, 1.0, -2.0, 1e308, INF, -INF, NAN]:
    for phi in [0.0, -0.0, 1.0, -2.5, math.pi, math.pi / 2, INF, -INF, NAN]:
        print(run("rect", r, phi), end=" ")
    print()
print("== log with base")
for z in [1j, 2 + 3j, 10, 0.5, -1, 1e-300j]:
    for base in [2, 10, 1j, 0.5 + 0.5j, math.e, -3]:
        print(run("log", z, base), end=" ")
    print()
print(run("log", 0), run("log", 0j, 2), run("log", 1, 1), run("log", 2, 0), run("log", 2, 1), run("log10", 0))

print("== predicates")
for v in [1j, complex(INF, 0), complex(0, -INF), complex(NAN, 1), complex(1, NAN), 0j, 5, 2.5]:
    print(cmath.isfinite(v), cmath.isinf(v), cmath.isnan(v), end=" | ")
print()
print(cmath.isclose(1 + 1j, 1 + 1j), cmath.isclose(1 + 1j, 1 + 1.000000001j), cmath.isclose(1, 1.1))
print(cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.isclose(complex(INF, 0), complex(INF, 0)), cmath.isclose(complex(INF, 0), complex(-INF, 0)),
      cmath.isclose(NAN, NAN), cmath.isclose(1j, 1j, rel_tol=0), cmath.isclose(1e300j, 1e300j * 1.0000000001))


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


show("isclose(1, 2, rel_tol=-1)", lambda: cmath.isclose(1, 2, rel_tol=-1))
show("isclose(1, 2, abs_tol=-1)", lambda: cmath.isclose(1, 2, abs_tol=-1))
show("isclose(1, 2, 3)", lambda: cmath.isclose(1, 2, 3))
show("isclose(1)", lambda: cmath.isclose(1))
show("sqrt('x')", lambda: cmath.sqrt("x"))
show("sqrt()", lambda: cmath.sqrt())
show("sqrt(1, 2)", lambda: cmath.sqrt(1, 2))
show("exp(None)", lambda: cmath.exp(None))
show("rect(1j, 0)", lambda: cmath.rect(1j, 0))
show("rect(1, 'a')", lambda: cmath.rect(1, "a"))
show("phase('a')", lambda: cmath.phase("a"))
show("sqrt(10 ** 400)", lambda: cmath.sqrt(10 ** 400))
show("sqrt(-4)", lambda: cmath.sqrt(-4))
show("sqrt(-4.0)", lambda: cmath.sqrt(-4.0))
show("sqrt(True)", lambda: cmath.sqrt(True))
show("log(-1)", lambda: cmath.log(-1))
show("exp(1000)", lambda: cmath.exp(1000))
show("cosh(1000j + 1000)", lambda: cmath.cosh(complex(1000, 1)))
show("polar(1e308+1e308j)", lambda: cmath.polar(complex(1e308, 1e308)))
show("atanh(1)", lambda: cmath.atanh(1))
show("atanh(-1)", lambda: cmath.atanh(-1))
show("acosh(0)", lambda: cmath.acosh(0))
show("asin(2)", lambda: cmath.asin(2))
show("acos(-2)", lambda: cmath.acos(-2))


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 0.25


class I:
    def __index__(self):
        return 4


class Sub(complex):
    def __complex__(self):
        return 100j


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(Sub(4)), cmath.polar(C()), cmath.phase(-1))
print(cmath.log(C(), F()), cmath.rect(F(), I()), cmath.isnan(C()), cmath.exp(Sub(0, 1)))

# The math module refuses complex arguments.
for name in ["sqrt", "floor", "ceil", "sin", "exp", "log", "fabs", "trunc", "isnan", "isfinite", "degrees"]:
    show("math.%s(1j)" % name, lambda: getattr(math, name)(1j))
show("math.pow(1j, 2)", lambda: math.pow(1j, 2))
show("math.atan2(1, 1j)", lambda: math.atan2(1, 1j))
show("math.hypot(1j)", lambda: math.hypot(1j))
show("math.fsum([1j])", lambda: math.fsum([1j]))
show("math.isclose(1j, 1)", lambda: math.isclose(1j, 1))
show("math.log(1, 1j)", lambda: math.log(1, 1j))
show("math.copysign(1j, 1)", lambda: math.copysign(1j, 1))
import math, cmath
for f in [lambda: math.pow(1), lambda: math.pow(x=1), lambda: cmath.rect(1), lambda: cmath.rect(x=1), lambda: cmath.sqrt(z=1)]:
    try: f()
    except TypeError as e: print(e)
