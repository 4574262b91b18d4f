import numbers
from numbers import Number, Complex, Real, Rational, Integral
from fractions import Fraction
from decimal import Decimal

print(numbers.__all__)
for cls in (Number, Complex, Real, Rational, Integral):
    print(cls.__name__, cls.__module__, [b.__name__ for b in cls.__bases__], sorted(cls.__abstractmethods__))
for v in (1, True, 1.5, 2j, Fraction(1, 3), Decimal("1.1"), "1", None, [1]):
    print(repr(v), [c.__name__ for c in (Number, Complex, Real, Rational, Integral) if isinstance(v, c)])
print(Number.__hash__, Complex.__hash__)
print(Complex.__add__.__name__, Complex.__add__.__qualname__, Integral.__lshift__.__qualname__, Real.__lt__.__name__)
import inspect
for name in ("__add__", "__neg__", "__pow__", "__rpow__", "conjugate"):
    print(name, inspect.signature(getattr(Complex, name)))
print(inspect.signature(Integral.__pow__), inspect.signature(Real.__round__))


class MyInt(Integral):
    def __init__(self, v):
        self.v = v
    def __int__(self): return self.v
    def __pow__(self, e, m=None): return MyInt(pow(self.v, int(e), m))
    def __lshift__(self, o): return MyInt(self.v << int(o))
    def __rlshift__(self, o): return MyInt(int(o) << self.v)
    def __rshift__(self, o): return MyInt(self.v >> int(o))
    def __rrshift__(self, o): return MyInt(int(o) >> self.v)
    def __and__(self, o): return MyInt(self.v & int(o))
    def __rand__(self, o): return MyInt(int(o) & self.v)
    def __xor__(self, o): return MyInt(self.v ^ int(o))
    def __rxor__(self, o): return MyInt(int(o) ^ self.v)
    def __or__(self, o): return MyInt(self.v | int(o))
    def __ror__(self, o): return MyInt(int(o) | self.v)
    def __invert__(self): return MyInt(~self.v)
    def __add__(self, o): return MyInt(self.v + int(o))
    def __radd__(self, o): return MyInt(int(o) + self.v)
    def __neg__(self): return MyInt(-self.v)
    def __pos__(self): return MyInt(self.v)
    def __mul__(self, o): return MyInt(self.v * int(o))
    def __rmul__(self, o): return MyInt(int(o) * self.v)
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __rpow__(self, b): return int(b) ** self.v
    def __abs__(self): return MyInt(abs(self.v))
    def __eq__(self, o): return self.v == int(o)
    def __trunc__(self): return self.v
    def __floor__(self): return self.v
    def __ceil__(self): return self.v
    def __round__(self, n=None): return self.v
    def __floordiv__(self, o): return MyInt(self.v // int(o))
    def __rfloordiv__(self, o): return MyInt(int(o) // self.v)
    def __mod__(self, o): return MyInt(self.v % int(o))
    def __rmod__(self, o): return MyInt(int(o) % self.v)
    def __lt__(self, o): return self.v < int(o)
    def __le__(self, o): return self.v <= int(o)
    def __repr__(self): return "MyInt(%d)" % self.v


x = MyInt(7)
print(x - 2, 10 - x, divmod(x, 2), divmod(20, x), float(x), complex(x), x.real, x.imag, x.conjugate(), x.numerator, x.denominator)
print(bool(x), bool(MyInt(0)), [1, 2, 3, 4, 5, 6, 7, 8][x], x.__index__(), isinstance(x, Real))


class Partial(Real):
    pass


try:
    Partial()
except TypeError as e:
    print("TypeError", e)


class Ratio(Rational):
    def __init__(self, n, d): self.n, self.d = n, d
    numerator = property(lambda s: s.n)
    denominator = property(lambda s: s.d)


print(sorted(Ratio.__abstractmethods__))
class Plain:
    numerator = 10**400
    denominator = 3 * 10**399
print(Rational.__float__(Plain()))
for meth in ("__add__", "__float__", "real"):
    try:
        attr = getattr(Complex, meth)
        if isinstance(attr, property):
            attr.fget(None)
        else:
            attr(None, 1) if meth != "__float__" else attr(None)
    except NotImplementedError as e:
        print("NotImplementedError", meth, e.args)
    except Exception as e:
        print(type(e).__name__, meth)
Number.register(type("Weird", (), {}))
print(issubclass(bool, Integral), issubclass(float, Integral), issubclass(complex, Real))
