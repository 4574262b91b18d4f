"""Exact rational arithmetic: the Fraction type (krait's implementation).

A Fraction keeps a numerator and a positive denominator with no common
factor. Operations with ints and other Fractions stay exact; mixing in a
float or complex converts the Fraction and gives an inexact result.
"""

from decimal import Decimal
import math
import numbers
import operator
import re
import sys

__all__ = ["Fraction"]

_MODULUS = sys.hash_info.modulus
_INF_HASH = sys.hash_info.inf

# Accepted text: optional blanks, a sign, then either "p/q" or a decimal
# number with optional point and exponent, then optional blanks. Digit
# groups may be split by single underscores. After the point CPython also
# lets a run of the letter d through (which int() then rejects); that quirk
# is kept so the error raised is the same.
_RUN = r"\d+(?:_\d+)*"
_TEXT_FORM = re.compile(
    r"\s*(?P<sg>[-+]?)(?=\.?\d)"
    r"(?:(?P<top>" + _RUN + r")/(?P<bottom>" + _RUN + r")"
    r"|(?P<ip>(?:" + _RUN + r")?)"
    r"(?:\.(?P<fp>[dD]+|(?:" + _RUN + r")?))?"
    r"(?:[eE](?P<ex>[-+]?" + _RUN + r"))?)\s*")

_make = object.__new__
_Rational = numbers.Rational


def _inexact_forward(fr, other, op):
    # fr is a Fraction, other the right operand that is not exact.
    if isinstance(other, float):
        return op(float(fr), other)
    if isinstance(other, complex):
        return op(complex(fr), other)
    return NotImplemented


def _inexact_reverse(other, fr, op):
    # other is the left operand, fr the Fraction on the right.
    if isinstance(other, numbers.Real):
        return op(float(other), float(fr))
    if isinstance(other, numbers.Complex):
        return op(complex(other), complex(fr))
    return NotImplemented


def _from_text(text):
    found = _TEXT_FORM.fullmatch(text)
    if found is None:
        raise ValueError("Invalid literal for Fraction: %r" % (text,))
    top, bottom, ip, fp, ex = found.group("top", "bottom", "ip", "fp", "ex")
    if top is not None:
        num = int(top)
        den = int(bottom)
    else:
        num = int(ip) if ip else 0
        den = 1
        if fp:
            fp = fp.replace("_", "")
            den = 10 ** len(fp)
            num = num * den + int(fp)
        if ex:
            power = int(ex)
            if power < 0:
                den = den * 10 ** (-power)
            else:
                num = num * 10 ** power
    if found.group("sg") == "-":
        num = -num
    return num, den


class Fraction(numbers.Rational):
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75)."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        obj = _make(cls)
        if denominator is None:
            kind = type(numerator)
            if kind is int:
                obj._numerator = numerator
                obj._denominator = 1
                return obj
            if isinstance(numerator, numbers.Rational):
                obj._numerator = numerator.numerator
                obj._denominator = numerator.denominator
                return obj
            if isinstance(numerator, (float, Decimal)):
                pair = numerator.as_integer_ratio()
                obj._numerator = pair[0]
                obj._denominator = pair[1]
                return obj
            if not isinstance(numerator, str):
                raise TypeError("argument should be a string "
                                "or a Rational instance")
            numerator, denominator = _from_text(numerator)
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif isinstance(numerator, numbers.Rational) and \
                isinstance(denominator, numbers.Rational):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")
        if not denominator:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            common = math.gcd(numerator, denominator)
            if denominator < 0:
                common = -common
            if common != 1:
                numerator //= common
                denominator //= common
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @classmethod
    def from_float(cls, f):
        """Convert a float (or an int) to an equal Fraction."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if isinstance(f, float):
            return cls(*f.as_integer_ratio())
        raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                        % (cls.__name__, f, type(f).__name__))

    @classmethod
    def from_decimal(cls, dec):
        """Convert a Decimal (or an int) to an equal Fraction."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if isinstance(dec, Decimal):
            return cls(*dec.as_integer_ratio())
        raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                        % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        """The pair (numerator, denominator)."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The Fraction nearest to self with denominator <= max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        top, bottom = self._numerator, self._denominator
        if bottom <= max_denominator:
            return Fraction(self)
        # Expand top/bottom as a continued fraction; (h_prev/k_prev,
        # h_cur/k_cur) are the two latest convergents.
        h_prev, k_prev, h_cur, k_cur = 0, 1, 1, 0
        x, y = top, bottom
        while True:
            term = x // y
            k_next = k_prev + term * k_cur
            if k_next > max_denominator:
                break
            h_prev, h_cur = h_cur, h_prev + term * h_cur
            k_prev, k_cur = k_cur, k_next
            x, y = y, x - term * y
        steps = (max_denominator - k_prev) // k_cur
        semi_h = h_prev + steps * h_cur
        semi_k = k_prev + steps * k_cur
        # |h_cur/k_cur - self| <= |semi - self|, compared exactly.
        err_conv = abs(h_cur * bottom - top * k_cur) * semi_k
        err_semi = abs(semi_h * bottom - top * semi_k) * k_cur
        if err_conv <= err_semi:
            return Fraction(h_cur, k_cur, _normalize=False)
        return Fraction(semi_h, semi_k, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator,
                               self._denominator)

    def __str__(self):
        if self._denominator != 1:
            return "%s/%s" % (self._numerator, self._denominator)
        return str(self._numerator)

    # ---- arithmetic --------------------------------------------------
    # Forward operators take a Fraction or an int exactly, a float or a
    # complex by converting self; reflected ones take any Rational
    # exactly, any Real as floats and any Complex as complexes. Results
    # are always plain Fractions.

    def __add__(a, b):
        kind = type(b)
        if kind is Fraction:
            pn, pd, qn, qd = a._numerator, a._denominator, b._numerator, b._denominator
        elif kind is int or isinstance(b, (int, Fraction)):
            pn, pd, qn, qd = a._numerator, a._denominator, b.numerator, b.denominator
        else:
            return _inexact_forward(a, b, operator.add)
        return _plus(pn, pd, qn, qd)

    def __radd__(b, a):
        if type(a) is int:
            return _plus(a, 1, b._numerator, b._denominator)
        if isinstance(a, _Rational):
            return _plus(a.numerator, a.denominator, b._numerator, b._denominator)
        return _inexact_reverse(a, b, operator.add)

    def __sub__(a, b):
        kind = type(b)
        if kind is Fraction:
            pn, pd, qn, qd = a._numerator, a._denominator, b._numerator, b._denominator
        elif kind is int or isinstance(b, (int, Fraction)):
            pn, pd, qn, qd = a._numerator, a._denominator, b.numerator, b.denominator
        else:
            return _inexact_forward(a, b, operator.sub)
        return _plus(pn, pd, -qn, qd)

    def __rsub__(b, a):
        if type(a) is int:
            return _plus(a, 1, -b._numerator, b._denominator)
        if isinstance(a, _Rational):
            return _plus(a.numerator, a.denominator, -b._numerator, b._denominator)
        return _inexact_reverse(a, b, operator.sub)

    def __mul__(a, b):
        kind = type(b)
        if kind is Fraction:
            pn, pd, qn, qd = a._numerator, a._denominator, b._numerator, b._denominator
        elif kind is int or isinstance(b, (int, Fraction)):
            pn, pd, qn, qd = a._numerator, a._denominator, b.numerator, b.denominator
        else:
            return _inexact_forward(a, b, operator.mul)
        return _times(pn, pd, qn, qd)

    def __rmul__(b, a):
        if type(a) is int:
            return _times(a, 1, b._numerator, b._denominator)
        if isinstance(a, _Rational):
            return _times(a.numerator, a.denominator, b._numerator, b._denominator)
        return _inexact_reverse(a, b, operator.mul)

    def __truediv__(a, b):
        kind = type(b)
        if kind is Fraction:
            pn, pd, qn, qd = a._numerator, a._denominator, b._numerator, b._denominator
        elif kind is int or isinstance(b, (int, Fraction)):
            pn, pd, qn, qd = a._numerator, a._denominator, b.numerator, b.denominator
        else:
            return _inexact_forward(a, b, operator.truediv)
        return _over(pn, pd, qn, qd)

    def __rtruediv__(b, a):
        if type(a) is int:
            return _over(a, 1, b._numerator, b._denominator)
        if isinstance(a, _Rational):
            return _over(a.numerator, a.denominator, b._numerator, b._denominator)
        return _inexact_reverse(a, b, operator.truediv)

    def __floordiv__(a, b):
        if isinstance(b, (int, Fraction)):
            return (a._numerator * b.denominator) // (a._denominator * b.numerator)
        return _inexact_forward(a, b, operator.floordiv)

    def __rfloordiv__(b, a):
        if isinstance(a, _Rational):
            return (a.numerator * b._denominator) // (a.denominator * b._numerator)
        return _inexact_reverse(a, b, operator.floordiv)

    def __mod__(a, b):
        if isinstance(b, (int, Fraction)):
            return _remainder(a._numerator, a._denominator, b.numerator, b.denominator)
        return _inexact_forward(a, b, operator.mod)

    def __rmod__(b, a):
        if isinstance(a, _Rational):
            return _remainder(a.numerator, a.denominator, b._numerator, b._denominator)
        return _inexact_reverse(a, b, operator.mod)

    def __divmod__(a, b):
        if isinstance(b, (int, Fraction)):
            return _quot_rem(a._numerator, a._denominator, b.numerator, b.denominator)
        return _inexact_forward(a, b, divmod)

    def __rdivmod__(b, a):
        if isinstance(a, _Rational):
            return _quot_rem(a.numerator, a.denominator, b._numerator, b._denominator)
        return _inexact_reverse(a, b, divmod)

    def __pow__(a, b):
        """a ** b; exact for an integral Rational exponent."""
        if not isinstance(b, numbers.Rational):
            return float(a) ** b
        if b.denominator != 1:
            return float(a) ** float(b)
        e = b.numerator
        top, bottom = a._numerator, a._denominator
        if e < 0:
            e = -e
            top, bottom = bottom, top
            if bottom < 0:
                top, bottom = -top, -bottom
        return Fraction(top ** e, bottom ** e, _normalize=False)

    def __rpow__(b, a):
        """a ** b"""
        whole = b._denominator == 1
        if whole and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, _Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if whole:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        r = _make(Fraction)
        r._numerator = a._numerator
        r._denominator = a._denominator
        return r

    def __neg__(a):
        r = _make(Fraction)
        r._numerator = -a._numerator
        r._denominator = a._denominator
        return r

    def __abs__(a):
        r = _make(Fraction)
        r._numerator = abs(a._numerator)
        r._denominator = a._denominator
        return r

    def __int__(a, _index=operator.index):
        n, d = a._numerator, a._denominator
        if n >= 0:
            return _index(n // d)
        return _index(-(-n // d))

    def __trunc__(a):
        n, d = a._numerator, a._denominator
        return n // d if n >= 0 else -(-n // d)

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """Round half to even; with ndigits, a Fraction."""
        if ndigits is not None:
            scale = 10 ** abs(ndigits)
            if ndigits > 0:
                return Fraction(round(self * scale), scale)
            return Fraction(round(self / scale) * scale)
        d = self._denominator
        q, r = divmod(self._numerator, d)
        twice = r + r
        if twice > d or (twice == d and q & 1):
            return q + 1
        return q

    def __hash__(self):
        n = self._numerator
        try:
            inv = pow(self._denominator, -1, _MODULUS)
        except ValueError:
            h = _INF_HASH
        else:
            h = hash(hash(-n if n < 0 else n) * inv)
        if n < 0:
            h = -h
        return -2 if h == -1 else h

    # ---- comparisons -------------------------------------------------

    def __eq__(a, b):
        kind = type(b)
        if kind is Fraction:
            return a._numerator == b._numerator and a._denominator == b._denominator
        if kind is int:
            return a._denominator == 1 and a._numerator == b
        if isinstance(b, numbers.Rational):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if not isinstance(b, float):
            return NotImplemented
        if b != b or b in (math.inf, -math.inf):
            return 0.0 == b
        return a == a.from_float(b)

    def _richcmp(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if not isinstance(other, float):
            return NotImplemented
        if other != other or other in (math.inf, -math.inf):
            return op(0.0, other)
        return op(self, self.from_float(other))

    def __lt__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator < a._denominator * b._numerator
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator > a._denominator * b._numerator
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator <= a._denominator * b._numerator
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator >= a._denominator * b._numerator
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        # The numerator's own truth (a registered Rational may define it).
        return bool(a._numerator)

    # ---- copying and pickling ----------------------------------------

    def __reduce__(self):
        return (type(self), (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)


# Exact kernels on (numerator, denominator) pairs in lowest terms.

def _plus(pn, pd, qn, qd, gcd=math.gcd, make=_make):
    r = make(Fraction)
    if pd == qd:
        top = pn + qn
        if pd == 1:
            r._numerator = top
            r._denominator = 1
            return r
        g = gcd(top, pd)
        r._numerator = top // g
        r._denominator = pd // g
        return r
    g = gcd(pd, qd)
    if g == 1:
        r._numerator = pn * qd + qn * pd
        r._denominator = pd * qd
        return r
    pd_g = pd // g
    top = pn * (qd // g) + qn * pd_g
    h = gcd(top, g)
    r._numerator = top // h
    r._denominator = pd_g * (qd // h)
    return r


def _times(pn, pd, qn, qd, gcd=math.gcd, make=_make):
    if pd != 1 or qd != 1:
        g = gcd(pn, qd)
        if g != 1:
            pn //= g
            qd //= g
        g = gcd(qn, pd)
        if g != 1:
            qn //= g
            pd //= g
    r = make(Fraction)
    r._numerator = pn * qn
    r._denominator = pd * qd
    return r


def _over(pn, pd, qn, qd, gcd=math.gcd, make=_make):
    g = gcd(pn, qn)
    if g > 1:
        pn //= g
        qn //= g
    g = gcd(pd, qd)
    if g > 1:
        pd //= g
        qd //= g
    top = pn * qd
    bottom = qn * pd
    if bottom <= 0:
        if not bottom:
            raise ZeroDivisionError("Fraction(%s, 0)" % top)
        top = -top
        bottom = -bottom
    r = make(Fraction)
    r._numerator = top
    r._denominator = bottom
    return r


def _remainder(pn, pd, qn, qd):
    return Fraction((pn * qd) % (qn * pd), pd * qd)


def _quot_rem(pn, pd, qn, qd):
    q, rest = divmod(pn * qd, pd * qn)
    return q, Fraction(rest, pd * qd)
