"""The numeric tower of PEP 3141 as abstract base classes:
Number > Complex > Real > Rational > Integral.

Each level lists the operations a concrete class must supply (abstract)
and derives a few others from them. The builtin int, float and complex
are registered at their levels."""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


# Most abstract operations only raise NotImplementedError; they are made
# here from the owner's name ("Class.method") and a docstring.

def _named(func, qualname, doc):
    func.__qualname__ = qualname
    func.__name__ = qualname.rpartition(".")[2]
    func.__doc__ = doc
    func.__isabstractmethod__ = True
    return func


def _unary(qualname, doc):
    def operation(self):
        raise NotImplementedError
    return _named(operation, qualname, doc)


def _binary(qualname, doc):
    def operation(self, other):
        raise NotImplementedError
    return _named(operation, qualname, doc)


def _abstract_property(qualname, doc):
    def value(self):
        raise NotImplementedError
    return property(_named(value, qualname, doc))


class Number(metaclass=ABCMeta):
    """The root of the tower: isinstance(x, Number) tells whether x is a
    number of any kind."""

    __slots__ = ()

    # Numbers compare by value; a subclass wanting hashes defines a
    # __hash__ consistent with the equal numbers of other types.
    __hash__ = None


class Complex(Number):
    """Complex numbers: +, -, *, /, **, abs(), conjugate(), real, imag,
    complex() and ==. Subtraction and bool() come for free."""

    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """complex(self): the value as a builtin complex."""

    def __bool__(self):
        """bool(self): whether self differs from 0."""
        return self != 0

    real = _abstract_property("Complex.real", "The real part.")
    imag = _abstract_property("Complex.imag", "The imaginary part.")

    __add__ = _binary("Complex.__add__", "self + other")
    __radd__ = _binary("Complex.__radd__", "other + self")
    __neg__ = _unary("Complex.__neg__", "-self")
    __pos__ = _unary("Complex.__pos__", "+self")

    def __sub__(self, other):
        """self - other"""
        return self + -other

    def __rsub__(self, other):
        """other - self"""
        return -self + other

    __mul__ = _binary("Complex.__mul__", "self * other")
    __rmul__ = _binary("Complex.__rmul__", "other * self")
    __truediv__ = _binary("Complex.__truediv__", "self / other")
    __rtruediv__ = _binary("Complex.__rtruediv__", "other / self")

    @abstractmethod
    def __pow__(self, exponent):
        """self ** exponent (a float or complex result when needed)."""
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
        """base ** self"""
        raise NotImplementedError

    __abs__ = _unary("Complex.__abs__", "abs(self): the distance from 0, a Real.")
    conjugate = _unary("Complex.conjugate", "The complex conjugate: x+yi gives x-yi.")
    __eq__ = _binary("Complex.__eq__", "self == other")


Complex.register(complex)


class Real(Complex):
    """Real numbers: Complex plus <, <=, float(), math.trunc(),
    math.floor(), math.ceil(), round(), // and %. divmod(), complex(),
    real, imag and conjugate() are derived."""

    __slots__ = ()

    __float__ = _unary("Real.__float__", "float(self): the value as a builtin float.")
    __trunc__ = _unary("Real.__trunc__", "math.trunc(self): the Integral towards zero.")
    __floor__ = _unary("Real.__floor__", "math.floor(self): the largest Integral not above self.")
    __ceil__ = _unary("Real.__ceil__", "math.ceil(self): the smallest Integral not below self.")

    @abstractmethod
    def __round__(self, ndigits=None):
        """round(self, ndigits): an Integral when ndigits is None, else a
        Real with that many decimals; ties go to the even neighbour."""
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other), from // and %."""
        quotient = self // other
        return quotient, self % other

    def __rdivmod__(self, other):
        """divmod(other, self), from // and %."""
        quotient = other // self
        return quotient, other % self

    __floordiv__ = _binary("Real.__floordiv__", "self // other, rounded towards minus infinity.")
    __rfloordiv__ = _binary("Real.__rfloordiv__", "other // self, rounded towards minus infinity.")
    __mod__ = _binary("Real.__mod__", "self % other")
    __rmod__ = _binary("Real.__rmod__", "other % self")
    __lt__ = _binary("Real.__lt__", "self < other (a total order, NaNs apart).")
    __le__ = _binary("Real.__le__", "self <= other")

    def __complex__(self):
        """complex(self), from float(self)."""
        as_float = float(self)
        return complex(as_float)

    @property
    def real(self):
        """A real number is its own real part."""
        return +self

    @property
    def imag(self):
        """A real number's imaginary part: 0."""
        return 0

    def conjugate(self):
        """A real number is its own conjugate."""
        return +self


Real.register(float)


class Rational(Real):
    """Rational numbers: Real plus numerator and denominator (lowest
    terms, positive denominator); float() is derived."""

    __slots__ = ()

    numerator = _abstract_property("Rational.numerator", None)
    denominator = _abstract_property("Rational.denominator", None)

    def __float__(self):
        """float(self): numerator / denominator as ints, so that the
        quotient is rounded once, even for huge terms."""
        top, bottom = int(self.numerator), int(self.denominator)
        return top / bottom


class Integral(Rational):
    """Integers: Rational plus int(), three-argument pow() and the bit
    operations <<, >>, &, ^, |, ~. index(), float(), numerator and
    denominator are derived."""

    __slots__ = ()

    __int__ = _unary("Integral.__int__", "int(self)")

    def __index__(self):
        """operator.index(self), from int(self)."""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """pow(self, exponent, modulus): the modulus is optional; a
        negative exponent or a non-Integral argument is a TypeError."""
        raise NotImplementedError

    __lshift__ = _binary("Integral.__lshift__", "self << other")
    __rlshift__ = _binary("Integral.__rlshift__", "other << self")
    __rshift__ = _binary("Integral.__rshift__", "self >> other")
    __rrshift__ = _binary("Integral.__rrshift__", "other >> self")
    __and__ = _binary("Integral.__and__", "self & other")
    __rand__ = _binary("Integral.__rand__", "other & self")
    __xor__ = _binary("Integral.__xor__", "self ^ other")
    __rxor__ = _binary("Integral.__rxor__", "other ^ self")
    __or__ = _binary("Integral.__or__", "self | other")
    __ror__ = _binary("Integral.__ror__", "other | self")
    __invert__ = _unary("Integral.__invert__", "~self")

    def __float__(self):
        """float(self), from int(self)."""
        whole = int(self)
        return float(whole)

    @property
    def numerator(self):
        """An integer is its own numerator."""
        return +self

    @property
    def denominator(self):
        """An integer's denominator: 1."""
        return 1


Integral.register(int)
