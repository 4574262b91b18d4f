"""Rational numbers (CPython's `fractions`): the Fraction class, exact
arithmetic on a numerator and a positive denominator in lowest terms.

A Fraction is made from an int, another Rational, a float or a Decimal
(exactly, by its integer ratio), a string such as '3/4', '-1.5e3' or
' 2 ', or two Rationals. Arithmetic with ints and Fractions is exact; with floats the
Fraction is converted and the result is a float. The hash agrees with
equal ints and floats (the numeric hash: numerator times the modular
inverse of the denominator, modulo sys.hash_info.modulus).
"""

from decimal import Decimal
import math
import numbers
import operator
import re
import sys

__all__ = ["Fraction"]

# The numeric hash's modulus and the hash of infinity, as sys.hash_info
# gives them on 64-bit CPython (krait's sys has no hash_info yet; its
# int and float hashes use the same numbers).
_hash_info = getattr(sys, "hash_info", None)
_HASH_MODULUS = _hash_info.modulus if _hash_info is not None else 2 ** 61 - 1
_HASH_INF = _hash_info.inf if _hash_info is not None else 314159
del _hash_info

# A string Fraction() accepts: optional sign, then either a ratio of two
# digit runs or a decimal number with an optional exponent, spaces around
# the whole. Digit runs may hold single underscores between digits; \d
# takes any Unicode decimal digit, as int() does.
_DIGITS = r"\d+(?:_\d+)*"
_LITERAL = re.compile(r"""
    \s*
    (?P<sign>[-+]?)
    (?=\.?\d)                                   # a digit, or a point and one
    (?:
        (?P<numerator>{d})/(?P<denominator>{d})     # 3/4
    |
        (?P<whole>(?:{d})?)                         # 1.5e-3, .5, 5.
        (?:\.(?P<fraction>(?:{d})?))?
        (?:[eE](?P<exponent>[-+]?{d}))?
    )
    \s*
""".replace("{d}", _DIGITS), re.VERBOSE)

# The complex type when there is one; an empty tuple matches nothing in
# isinstance (krait has no complex yet).
import builtins as _builtins
_COMPLEX_TYPES = (_builtins.complex,) if hasattr(_builtins, "complex") else ()
del _builtins


def _parse(text):
    """The (numerator, denominator) a string stands for, not yet in
    lowest terms; ValueError when it is not a Fraction literal."""
    match = _LITERAL.fullmatch(text)
    if match is None:
        raise ValueError("Invalid literal for Fraction: %r" % text)
    if match.group("numerator") is not None:
        numerator = int(match.group("numerator"))
        denominator = int(match.group("denominator"))
    else:
        numerator = int(match.group("whole") or "0")
        denominator = 1
        fraction = match.group("fraction")
        if fraction:
            fraction = fraction.replace("_", "")
            scale = 10 ** len(fraction)
            numerator = numerator * scale + int(fraction)
            denominator *= scale
        exponent = match.group("exponent")
        if exponent:
            exponent = int(exponent)
            if exponent >= 0:
                numerator *= 10 ** exponent
            else:
                denominator *= 10 ** -exponent
    if match.group("sign") == "-":
        numerator = -numerator
    return numerator, denominator


class Fraction(numbers.Rational):
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75),
    Fraction(other_rational), Fraction() is 0."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                # Already in lowest terms.
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, (float, Decimal)):
                # Exact: floats and Decimals are ratios of integers.
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                numerator, denominator = _parse(numerator)
            else:
                raise TypeError("argument should be a string "
                                "or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, numbers.Rational)
                and isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            divisor = math.gcd(numerator, denominator)
            if denominator < 0:
                divisor = -divisor
            numerator //= divisor
            denominator //= divisor
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The Fraction equal to the float f (an int is taken too)."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The Fraction equal to the Decimal dec (an int is taken too)."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if isinstance(dec, Decimal):
            return cls(*dec.as_integer_ratio())
        raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                        % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        """(numerator, denominator), the denominator positive."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self whose denominator is at most
        max_denominator (of two equally close, the one found as a
        convergent of the continued fraction)."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction of self: (p0/q0, p1/q1) are the last
        # two convergents, n/d what is left to expand.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        # The best semiconvergent within the bound, against the last
        # convergent: keep whichever is nearer, the convergent on a tie.
        k = (max_denominator - q0) // q1
        semiconvergent = Fraction(p0 + k * p1, q0 + k * q1)
        convergent = Fraction(p1, q1)
        if abs(convergent - self) <= abs(semiconvergent - self):
            return convergent
        return semiconvergent

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -- Arithmetic -------------------------------------------------------
    #
    # Each operator comes as a forward and a reflected method built from
    # one exact function on (numerator, denominator) pairs: an int or a
    # Fraction operand goes through it, a float turns the Fraction into a
    # float, anything else is NotImplemented (so another Rational type
    # gets its say). Results are Fractions, never a subclass.

    def _operator_fallbacks(exact, inexact):
        def forward(a, b):
            if isinstance(b, (int, Fraction)):
                return exact(a, b)
            if isinstance(b, float):
                return inexact(float(a), b)
            if isinstance(b, _COMPLEX_TYPES):
                return inexact(complex(a), b)
            return NotImplemented
        forward.__name__ = "__" + inexact.__name__ + "__"
        forward.__doc__ = exact.__doc__

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return exact(a, b)
            if isinstance(a, numbers.Real):
                return inexact(float(a), float(b))
            if isinstance(a, numbers.Complex):
                return inexact(complex(a), complex(b))
            return NotImplemented
        reverse.__name__ = "__r" + inexact.__name__ + "__"
        reverse.__doc__ = exact.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        shared = math.gcd(da, db)
        if shared == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        # Over the least common denominator; only its factor `shared`
        # can still divide the new numerator.
        numerator = na * (db // shared) + nb * (da // shared)
        common = math.gcd(numerator, shared)
        return Fraction(numerator // common,
                        (da // shared) * (db // common), _normalize=False)

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        shared = math.gcd(da, db)
        if shared == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        numerator = na * (db // shared) - nb * (da // shared)
        common = math.gcd(numerator, shared)
        return Fraction(numerator // common,
                        (da // shared) * (db // common), _normalize=False)

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        # Cancel across before multiplying: the product is then in lowest
        # terms.
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        numerator, denominator = na * db, nb * da
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        # A zero b fails here, naming the reduced numerator as CPython's
        # message does: Fraction(1, 0), Fraction(-1, 0), Fraction(0, 0).
        return Fraction(numerator, denominator, _normalize=False)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv,
                                                      operator.floordiv)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a.denominator, b.denominator
        quotient, remainder = divmod(a.numerator * db, da * b.numerator)
        return quotient, Fraction(remainder, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod)

    def _mod(a, b):
        """a % b"""
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod)

    del _operator_fallbacks, _add, _sub, _mul, _div, _floordiv, _divmod, _mod

    def __pow__(a, b):
        """a ** b: a Fraction for an integral exponent, else a float."""
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power,
                                    a._denominator ** power, _normalize=False)
                # A negative power inverts; the sign moves to the top.
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power,
                                    a._numerator ** -power, _normalize=False)
                return Fraction((-a._denominator) ** -power,
                                (-a._numerator) ** -power, _normalize=False)
            # A fractional power is irrational in general.
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # An int base stays an int.
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: a Fraction (not a subclass) of the same value."""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a, _index=operator.index):
        """int(a): truncated towards zero."""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self): the nearest int, half to even. round(self,
        ndigits): the nearest multiple of 10**-ndigits, a Fraction."""
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            twice = remainder * 2
            if twice < self._denominator:
                return floor
            if twice > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        """The numeric hash: equal to the hash of an equal int or float."""
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            # The denominator is a multiple of the modulus: no inverse.
            result = _HASH_INF
        else:
            result = hash(hash(abs(self._numerator)) * inverse)
        if self._numerator < 0:
            result = -result
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator
                    and a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # A finite a compares with inf or nan as 0.0 would.
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """Compare with a Rational exactly, with a float through its exact
        value; NotImplemented for anything else."""
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    # -- Copying and pickling ---------------------------------------------

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            # Immutable: a Fraction is its own copy.
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
