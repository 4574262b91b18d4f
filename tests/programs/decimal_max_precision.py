# decimal at MAX_PREC: exact results as usual; an inexact division or square root is MemoryError (CPython's libmpdec cannot allocate the digits) rather than a computation without end.
import decimal
from decimal import Decimal as D
c = decimal.getcontext()
c.prec = decimal.MAX_PREC
for f in [lambda: D(1)/D(3), lambda: D(2).sqrt(), lambda: D(2) ** 3, lambda: D(2)+D(3), lambda: D(2)*D(3), lambda: D(1)/D(4), lambda: D(0).exp(), lambda: D(1).ln(), lambda: D(100).log10()]:
    try: print(str(f())[:20])
    except Exception as e: print(type(e).__name__, e)
c.prec = 28
print(D(2).sqrt(), D(2).ln(), D(1)/D(7), D(2) ** D("0.5"), D(3).exp(), c.flags[decimal.Inexact])
