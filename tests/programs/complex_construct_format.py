# complex(): from numbers, strings, keywords, __complex__/__float__/__index__,
# subclasses; repr, str, format() and f-strings as CPython 3.11 does.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


print(complex(), complex(1), complex(2.5), complex(True), complex(1, 2), complex(1.5, -2.5))
print(complex(real=1), complex(imag=2), complex(real=1, imag=2), complex(1, imag=3))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, 1j), complex(1j, 2))
print(complex(-0.0), complex(0, -0.0), complex(-0.0, 0), complex(10 ** 20, 2 ** 70))
z = 1 + 2j
print(complex(z) is z, complex(z, 0) is z, complex(real=z) is z)
for s in ["1+2j", " (1-2j) ", "j", "-j", "+j", "1e3j", "inf", "nanj", "-infj", "2", "-2.5",
          "1_000+2_0j", "(3)", "1.5e-3-2.5E+2J", "  4j  ", "Infinity-InfinityJ", "1-j", "1+J",
          ".5+.5j", "5.+5.j", "\t(\n1+1j\n)\t", "-nan+nanj", "0x10", "1e400", "-1e400j", "１２+３j"]:
    show("complex(%r)" % s, lambda: complex(s))
for s in ["", " ", "(", "()", "1+2", "1+2jj", "j1", "1 + 2j", "(1+2j", "1+2j)", "1+2i", "abc",
          "1__0", "_1", "1_", "1_j", "1._5", "1+-2j", "--1", "1e", "jj", "(j", "nan1", "\x001"]:
    show("complex(%r)" % s, lambda: complex(s))
show("complex('1', 2)", lambda: complex("1", 2))
show("complex(1, '2')", lambda: complex(1, "2"))
show("complex(imag='2')", lambda: complex(imag="2"))
show("complex([1])", lambda: complex([1]))
show("complex(1, [1])", lambda: complex(1, [1]))
show("complex(None)", lambda: complex(None))
show("complex(b'1')", lambda: complex(b"1"))
show("complex(1, 2, 3)", lambda: complex(1, 2, 3))
show("complex(x=1)", lambda: complex(x=1))
show("complex(1, real=2)", lambda: complex(1, real=2))
show("complex(10 ** 400)", lambda: complex(10 ** 400))
show("complex(1, 10 ** 400)", lambda: complex(1, 10 ** 400))
show("complex(real='1+2j')", lambda: complex(real="1+2j"))


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 7


class BadComplex:
    def __complex__(self):
        return 1.5


class Both:
    def __complex__(self):
        return 1j

    def __float__(self):
        return 9.0


print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()), complex(Both()))
print(complex(WithFloat(), WithIndex()), complex(WithComplex(), 1))
show("complex(1, WithComplex())", lambda: complex(1, WithComplex()))
show("complex(BadComplex())", lambda: complex(BadComplex()))
show("complex(object())", lambda: complex(object()))
show("complex(1, object())", lambda: complex(1, object()))


class MyComplex(complex):
    def norm2(self):
        return self.real ** 2 + self.imag ** 2

    def __repr__(self):
        return "MyComplex(%r, %r)" % (self.real, self.imag)


m = MyComplex(3, 4)
print(m, repr(m), str(m), m.norm2(), m.real, m.imag, type(m).__name__, isinstance(m, complex))
print(m + 1, type(m + 1).__name__, m * m, type(-m).__name__, abs(m), m == 3 + 4j, hash(m) == hash(3 + 4j))
print(complex(m), type(complex(m)).__name__, m.conjugate(), type(m.conjugate()).__name__)
print(MyComplex("1+1j"), MyComplex(), MyComplex(real=2), format(m, ".1f"), f"{m}", f"{m!s}")
print(1 + m, type(1 + m).__name__, 2.0 * m, m / 2, m ** 2, bool(MyComplex()), m.__getnewargs__())


class Plain(complex):
    pass


p = Plain(1, -1)
print(p, repr(p), str(p), f"{p}", f"{p:.2f}", type(p.__complex__()).__name__, p == 1 - 1j)


class Radd(complex):
    def __radd__(self, other):
        return "Radd.__radd__"

    def __eq__(self, other):
        return "Radd.__eq__"

    __hash__ = complex.__hash__


print(1 + Radd(1), 1.5 + Radd(2), 1j + Radd(3), Radd(1) + 1, 1 == Radd(1), 1j == Radd(1))


class ComplexFloat(float):
    def __complex__(self):
        return 5j


print(complex(ComplexFloat(1.5)), complex(ComplexFloat(1.5), 1))

# repr and str.
for v in [1j, -1j, 0j, -0j, complex(0, -0.0), complex(-0.0, 0), 1 + 0j, -1 - 0j, complex(1e16, 1e-5),
          complex(1e22, 123456789012345678), complex(float("inf"), float("-inf")),
          complex(float("nan"), float("nan")), complex(-float("nan"), 1), complex(0, float("nan")),
          complex(2 ** -25, 2 ** -24), complex(0.1, 0.30000000000000004), complex(5e-324, -5e-324),
          complex(100, -100), complex(1.5, 0), complex(-2.5e-7, 123.456)]:
    print(repr(v), str(v), [v], (v,), {"k": v})

# format() and f-strings.
values = [1 + 2j, complex(-0.0, -1234567.5), complex(0, float("inf")), complex(1e16, -0.0),
          3j, complex(-1.5, float("nan")), complex(2.5, 0), complex(0.000012345, 98765.4321)]
specs = ["", "10", "<12", "^14", ">16", ".3", ".3f", "e", "+.2f", " g", ",.2f", "#", "#.0f", "#g",
         "n", "G", "E", "F", ".0", "-.1e", "z.1f", "*^24.2f", "_", "+", " ", "12.3", "_.3f", ".10g",
         "#.3", "z", "z.0f", "20", ",", ".2e"]
for v in values:
    for spec in specs:
        show("format(%r, %r)" % (v, spec), lambda: format(v, spec))
for spec in ["010", "0<10", "=10", "x=10", "d", "%", "s", "x<010", ".3r", "c", "b", "_,", "+#z020.3f"]:
    show("format(1+2j, %r)" % spec, lambda: format(1 + 2j, spec))
x = 1.25 - 3j
print(f"{x}", f"{x!r}", f"{x:.1f}", f"{x:>20}", f"{x:*<20.3e}", f"{x=}", "{}|{:g}|{:^15}".format(x, x, x))
print("%s %r" % (x, x), "%s" % (1j,), "[%10s]" % 1j)
show("'%d' % 1j", lambda: "%d" % 1j)
show("'%f' % 1j", lambda: "%f" % 1j)
show("'%x' % 1j", lambda: "%x" % 1j)
show("'%c' % 1j", lambda: "%c" % 1j)
show("'%e' % (1j,)", lambda: "%e" % (1j,))

# Conversions that refuse complex.
show("int(1j)", lambda: int(1j))
show("float(1j)", lambda: float(1j))
show("round(1j)", lambda: round(1j))
show("round(1j, 2)", lambda: round(1j, 2))
show("int(MyComplex())", lambda: int(m))
show("float(m)", lambda: float(m))
show("range(1j)", lambda: range(1j))
index = 1j
show("[1][index]", lambda: [1][index])
show("hex(1j)", lambda: hex(1j))
show("1j.foo", lambda: (1j).foo)
show("1j.real = 2", lambda: setattr(1j, "real", 2))
show("complex.conjugate(1)", lambda: complex.conjugate(1))
show("(1j).conjugate(1)", lambda: (1j).conjugate(1))
print(complex.__name__, complex.__qualname__, complex.__module__, complex.__mro__, type(complex))
print(issubclass(complex, object), issubclass(bool, complex), isinstance(1, complex), isinstance(1.0, complex))

import json
import numbers

show("json.dumps(1j)", lambda: json.dumps(1j))
show("json.dumps([1j])", lambda: json.dumps([1, {"a": 1j}]))
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real), isinstance(1j, numbers.Number))
print(issubclass(complex, numbers.Complex), isinstance(m, numbers.Complex), isinstance(1.5, numbers.Complex))
