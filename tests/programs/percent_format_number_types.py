# printf-style % formatting converts numbers of other types as CPython does:
# %d by int() (Decimal, Fraction, __int__), %x/%o/%c by __index__, %f/%e/%g
# by __float__ (or __index__); the same errors when none applies.
from decimal import Decimal
from fractions import Fraction
class I:
    def __index__(self): return 65
class F:
    def __float__(self): return 7.5
class N:
    def __int__(self): return 9
class Nothing: pass
for fmt, v in [("%.2f", Fraction(1, 3)), ("%f", Decimal("1.5")), ("%d", Decimal("3.7")), ("%i", Fraction(7, 2)),
               ("%x", I()), ("%o", I()), ("%f", F()), ("%e", I()), ("%d", N()), ("%d", F()), ("%c", I()), ("%5.1f", Decimal("2.25")),
               ("%x", Decimal(5)), ("%d", Nothing()), ("%f", Nothing()), ("%x", N()), ("%g", Fraction(1, 8))]:
    try:
        print(repr(fmt % v))
    except Exception as e:
        print(type(e).__name__, e)
for fmt, v in [(b"%d", Decimal("3.7")), (b"%x", I()), (b"%.1f", Fraction(1, 4))]:
    try:
        print(fmt % v)
    except Exception as e:
        print(type(e).__name__, e)
