# decimal contexts (copies, setcontext, localcontext, flags and traps as
# mappings), Context methods, comparisons with ints, floats and Fractions,
# hashing in dicts and sets, formatting, a Decimal subclass with its own
# __new__, and the strings Decimal() accepts and rejects.
import copy
from decimal import *
from fractions import Fraction
import numbers, math
ctx = Context(prec=5, rounding=ROUND_HALF_UP, traps=[DivisionByZero])
print(ctx, ctx.Etiny(), ctx.Etop())
print(ctx.create_decimal('3.14159265'), ctx.create_decimal(12345678), ctx.create_decimal_from_float(0.1))
print(ctx.add(1, 2), ctx.divide(1, 3), ctx.power(2, 10), ctx.sqrt(2), ctx.divmod(7, 2), ctx.quantize(Decimal('1.23456'), Decimal('0.01')))
print(ctx.flags[Inexact], ctx.flags[Rounded], sorted(k.__name__ for k, v in ctx.flags.items() if v))
ctx.clear_flags()
print(ctx.flags == {s: False for s in ctx.flags}, len(ctx.traps), DivisionByZero in ctx.traps, list(ctx.traps.values()).count(True))
try:
    ctx.divide(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', type(e).__name__, isinstance(e, ArithmeticError), isinstance(e, DecimalException))
ctx.traps[DivisionByZero] = False
print(ctx.divide(1, 0), ctx.divide(-1, 0), ctx.flags[DivisionByZero])
try:
    ctx.prec = 0
except ValueError as e:
    print('ValueError', e)
try:
    ctx.rounding = 'bogus'
except TypeError as e:
    print('TypeError', e.args[0].splitlines()[0])
try:
    ctx.traps['x'] = True
except KeyError as e:
    print('KeyError', e)
c2 = ctx.copy(); c2.prec = 50
print(ctx.prec, c2.prec)
old = getcontext()
setcontext(c2)
print(getcontext().prec, Decimal(1) / 7)
setcontext(old)
print(getcontext().prec, Decimal(1) / 7)
setcontext(DefaultContext)
print(getcontext() is DefaultContext, getcontext().prec)
with localcontext(Context(prec=3)) as lc:
    print(lc.prec, +Decimal('1.23456'), Decimal(2) ** Decimal('0.5'))
print(getcontext().prec)
try:
    with localcontext() as lc:
        lc.prec = 4
        raise KeyError('inner')
except KeyError:
    pass
print(getcontext().prec)
d = Decimal('3.14')
print(copy.copy(d) is d, copy.deepcopy(d) == d, d.__reduce__())
print(Decimal('0.5') == Fraction(1, 2), Decimal('0.3') < Fraction(1, 3), Decimal(1) > Fraction(2, 3), Decimal(2) == 2.0, Decimal('0.1') == 0.1)
print(isinstance(Decimal(1), numbers.Number), isinstance(Decimal(1), numbers.Real), issubclass(Decimal, object))
print({Decimal('1.0'): 'a'}[1], Decimal(5) in {5}, len({Decimal('1'), Decimal('1.00'), 1, 1.0}))
print(sum(Decimal(i) / 10 for i in range(10)), sorted([Decimal('1.1'), Decimal('-2'), Decimal('0.5')]), max(Decimal(3), 2.5))
print(f'{Decimal("1234.5678"):,.2f} {Decimal("0.125"):.1%} {Decimal("12"):e} {Decimal("-0.0001"):g} {Decimal("1e-7"):f}')
print(math.isclose(float(Decimal(2).sqrt()), math.sqrt(2)), complex(Decimal('1.5')), Decimal(3).as_integer_ratio())
print(Decimal('123.4500').quantize(Decimal('1.0')), Decimal('-123.45').quantize(Decimal('1'), rounding=ROUND_CEILING), Decimal('1e5').quantize(Decimal('1e2')))
print(Decimal(12).compare(Decimal('12.0')), Decimal('12').compare_total(Decimal('12.0')), Decimal(7).same_quantum(Decimal(8)))
print(Decimal(1) / Decimal(3) * 3, Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), 0.1 + 0.2 == 0.3)
print(Decimal(-7) % 3, -7 % 3, Decimal(-7) // 3, -7 // 3, Decimal('7.5') % Decimal('2'), pow(Decimal(3), 4, 5), pow(Decimal(-3), 3, 7))
print(Decimal('NaN').is_nan(), Decimal('sNaN').is_snan(), Decimal('-Inf').is_infinite(), Decimal('1.0').is_finite(), Decimal('nan') != Decimal('nan'))
print(int(Decimal('1e20')), int(Decimal('-1.5e-3')), float(Decimal('-inf')), str(float(Decimal('nan'))), round(Decimal('-0.5')), round(Decimal('0.5')), round(Decimal('1.5')))
print(Decimal(10).ln(Context(prec=50)), Decimal(2).exp(Context(prec=40)), Decimal('0.001').log10(), Decimal(-1).sqrt(ExtendedContext), Decimal(0).ln(), Decimal(-1).ln(ExtendedContext))
print(Decimal('9.99').to_integral_exact(), Decimal('-9.5').to_integral_value(ROUND_HALF_DOWN), Decimal('2.5').to_integral(), Decimal('123E-2').to_eng_string(), Decimal('123E+4').to_eng_string())
class Money(Decimal):
    def __new__(cls, value='0'):
        return super().__new__(cls, value)
    def __repr__(self):
        return f'Money({str(self)!r})'
    def cents(self):
        return int(self * 100)
m = Money('19.99')
print(repr(m), m.cents(), type(m + 1).__name__, isinstance(m, Decimal), m == Decimal('19.99'), Money.from_float(0.5), type(Money.from_float(0.5)).__name__)
print(Decimal.__name__, Decimal.__module__, Context.__name__, type(getcontext().flags).__name__, DecimalTuple(0, (1,), 0))
print(Decimal(' 12_345.6 '), Decimal('\u0661\u0662'), Decimal('-nan7'), Decimal('Inf'), Decimal('+1.e3') if False else Decimal('1.'), Decimal('.5'))
for bad in ['1__0', '_1', '1e', 'e5', '1.2.3', '', '--1', 'infinit', '0x10']:
    try:
        Decimal(bad)
        print('accepted', repr(bad))
    except InvalidOperation as e:
        print('rejected', repr(bad), e.args[0][0].__name__)
try:
    Decimal(1.5 + 2j)
except TypeError as e:
    print('TypeError', e)
print(ExtendedContext.divide(1, 0), ExtendedContext.sqrt(-1), ExtendedContext.create_decimal('abc'))
