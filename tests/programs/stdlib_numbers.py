# numbers: the numeric tower's ABCs, registrations and mixin methods.
import math
import numbers
from numbers import Number, Complex, Real, Rational, Integral

print(numbers.__all__)
for cls in (Number, Complex, Real, Rational, Integral):
    print(cls.__name__, cls.__module__, [b.__name__ for b in cls.__bases__],
          sorted(cls.__abstractmethods__), cls.__hash__)
for value in (0, 7, -3, True, False, 1.5, float("inf"), float("nan"), "1", None, [1],
              10 ** 30):
    print(repr(value), [cls.__name__ for cls in (Number, Complex, Real, Rational, Integral)
                        if isinstance(value, cls)])
for t in (int, bool, float, str, object):
    print(t.__name__, [issubclass(t, cls) for cls in (Number, Complex, Real, Rational, Integral)])

for cls in (Number, Complex, Real, Rational, Integral):
    try:
        cls()
        print(cls.__name__, "instantiated")
    except TypeError as e:
        print(type(e).__name__, e)


class Incomplete(Real):
    def __float__(self):
        return 1.0


try:
    Incomplete()
except TypeError as e:
    print(type(e).__name__, e)


# A complete Integral written in Python: the mixins fill in the rest.
class Int(Integral):
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = int(v)

    def __repr__(self):
        return f"Int({self.v})"

    def _wrap(op):
        def method(self, other=None, *rest):
            if other is None:
                return Int(op(self.v))
            if isinstance(other, Int):
                other = other.v
            if not isinstance(other, int):
                return NotImplemented
            return Int(op(self.v, other, *rest))
        return method

    __add__ = _wrap(lambda a, b: a + b)
    __radd__ = _wrap(lambda a, b: b + a)
    __mul__ = _wrap(lambda a, b: a * b)
    __rmul__ = _wrap(lambda a, b: b * a)
    __floordiv__ = _wrap(lambda a, b: a // b)
    __rfloordiv__ = _wrap(lambda a, b: b // a)
    __mod__ = _wrap(lambda a, b: a % b)
    __rmod__ = _wrap(lambda a, b: b % a)
    __lshift__ = _wrap(lambda a, b: a << b)
    __rlshift__ = _wrap(lambda a, b: b << a)
    __rshift__ = _wrap(lambda a, b: a >> b)
    __rrshift__ = _wrap(lambda a, b: b >> a)
    __and__ = _wrap(lambda a, b: a & b)
    __rand__ = _wrap(lambda a, b: b & a)
    __xor__ = _wrap(lambda a, b: a ^ b)
    __rxor__ = _wrap(lambda a, b: b ^ a)
    __or__ = _wrap(lambda a, b: a | b)
    __ror__ = _wrap(lambda a, b: b | a)
    __neg__ = _wrap(lambda a: -a)
    __pos__ = _wrap(lambda a: +a)
    __abs__ = _wrap(abs)
    __invert__ = _wrap(lambda a: ~a)
    __trunc__ = __floor__ = __ceil__ = _wrap(lambda a: a)

    def __pow__(self, exponent, modulus=None):
        if modulus is None:
            return Int(self.v ** int(exponent))
        return Int(pow(self.v, int(exponent), int(modulus)))

    def __rpow__(self, base):
        return Int(base ** self.v)

    def __truediv__(self, other):
        return self.v / int(other)

    def __rtruediv__(self, other):
        return int(other) / self.v

    def __round__(self, ndigits=None):
        return Int(round(self.v, ndigits)) if ndigits is not None else self

    def __int__(self):
        return self.v

    def __eq__(self, other):
        return self.v == (other.v if isinstance(other, Int) else other)

    def __lt__(self, other):
        return self.v < int(other)

    def __le__(self, other):
        return self.v <= int(other)

    def __hash__(self):
        return hash(self.v)

    del _wrap


a, b = Int(7), Int(3)
print(sorted(Int.__abstractmethods__), isinstance(a, Rational), issubclass(Int, Number))
print(a - b, a - 2, 10 - a, divmod(a, b), divmod(20, a), a.__rdivmod__(b))
print(float(a), a.numerator, a.denominator, a.real, a.imag, a.conjugate(), bool(a), bool(Int(0)))
print(a.__index__(), [10, 20, 30, 40, 50, 60, 70, 80][a], hex(a), bin(b), range(10)[b])
print(math.floor(a), math.ceil(a), math.trunc(a), round(a), round(a, -1), pow(a, 2, 5), a ** 2)
print(a & b, a | b, a ^ b, ~a, a << 1, a >> 1, 1 << b, abs(Int(-4)), -a, +a)
print(Int(2) == 2, Int(2) != 3, Int(2) < 3, Int(5) <= 4, hash(Int(5)) == hash(5))
print(Real.__float__ is Complex.__dict__.get("__float__"), Rational.__float__ is Integral.__float__)


# A Rational from numerator/denominator: float() is derived.
class Half(Rational):
    numerator = 1
    denominator = 2
    __add__ = __radd__ = __neg__ = __pos__ = __mul__ = __rmul__ = None
    __truediv__ = __rtruediv__ = __pow__ = __rpow__ = __abs__ = None
    __eq__ = __lt__ = __le__ = __trunc__ = __floor__ = __ceil__ = __round__ = None
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = None


h = Half()
print(float(h), Half.__abstractmethods__, isinstance(h, Real), isinstance(h, Integral))
print(Rational.__float__(Int(10 ** 30)), Integral.numerator.fget(Int(5)))


# Registering a class as a virtual subclass.
class Meters:
    pass


print(isinstance(Meters(), Real))
Real.register(Meters)
print(isinstance(Meters(), Real), isinstance(Meters(), Number), isinstance(Meters(), Rational),
      issubclass(Meters, Complex))


class SubMeters(Meters):
    pass


print(issubclass(SubMeters, Real), issubclass(SubMeters, Integral))
print(Integral.register(int) is int, Number.register(Meters) is Meters)
try:
    Integral.register(5)
except TypeError as e:
    print(type(e).__name__, e)


class MyFloat(float):
    pass


class MyInt(int):
    pass


print(isinstance(MyFloat(1), Real), isinstance(MyFloat(1), Rational),
      isinstance(MyInt(1), Integral), isinstance(MyInt(1), Number))
try:
    hash(Half())
except TypeError as e:
    print(type(e).__name__, e)
print(Number.__slots__, Integral.__slots__)
