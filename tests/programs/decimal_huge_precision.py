# decimal: exact divisions at huge precisions (MAX_PREC) answer at once, as libmpdec; integer division and remainders at MAX_PREC.
import decimal
from decimal import Decimal as D
decimal.getcontext().prec = decimal.MAX_PREC
print(D(10) // 2, D(10) / D(4), D(1) / D(8), D(3) / D(1.5), D("1.000") / D("0.25"), D(7) % 3, divmod(D(100), D(7)))
print(D(2) ** 10, D(123456789) * D(987654321), D(10) / D(-2), D("1E+10") / D(2), D("120") / D("1.2E-5"))
decimal.getcontext().prec = 100
print(D(10) / D(4), D(1) / D(3), D(22) / D(7), D("1.0") / D("0.5000"), D(6) / D(2), D("6.00") / D("2"))
def factorial(n, m):
    if n > m + 1:
        mid = (n + m) // 2
        return factorial(mid, m) * factorial(n, mid + 1)
    elif n > m:
        return n * m
    return n
ctx = decimal.getcontext(); ctx.prec = decimal.MAX_PREC; ctx.Emax = decimal.MAX_EMAX
print(len(str(factorial(D(2000), D(0)))))
