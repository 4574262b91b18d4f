# The decimal module as programs use it: construction from strings, ints,
# floats and tuples; arithmetic, rounding, quantize, exp/ln/log10/sqrt and
# powers; str/repr/format; hashes equal to int and float hashes; contexts,
# localcontext, flags, traps and the signals raised; a Decimal subclass.
from decimal import *
import decimal
print(Decimal('1.20') + Decimal('2.3'), Decimal('-0') + 0, -Decimal('0'), abs(Decimal('-0.00')))
print(Decimal(5) % Decimal(-3), Decimal(-7) // 2, divmod(Decimal(-7), 2), Decimal(7)/Decimal(0.5))
print(Decimal(1)/Decimal(3), Decimal(2).sqrt(), Decimal(10)**-2, Decimal('1.0')**2, Decimal(2)**100)
print(Decimal('2.5')**Decimal('0.5'), Decimal(4)**Decimal('0.5'), Decimal(3)**-3)
print(Decimal(1).exp(), Decimal(10).ln(), Decimal(1000).log10(), Decimal(2).log10(), Decimal('0.5').ln())
print(repr(Decimal(1.1)), Decimal.from_float(0.1), Decimal(2**70), Decimal(-3))
for s in ['1e5', '1E-7', '0.000001', '-0.0000001', '123.456e3', '1_000', 'inf', '-Infinity', 'nan', 'sNaN12', '-0E+3', '0.00', '1e-400']:
    d = Decimal(s)
    print(s, str(d), repr(d), d.to_eng_string(), d.as_tuple())
print(hash(Decimal('1.5')) == hash(1.5), hash(Decimal(10)) == hash(10), hash(Decimal('123.456')), hash(Decimal('-1')), hash(Decimal('1e100')))
print(Decimal('1.5') == 1.5, Decimal(2) == 2, Decimal(2) < 3, Decimal('2.5') > 2, sorted([Decimal(3), 1, Decimal('2.5')]))
print(round(Decimal('2.5')), round(Decimal('1.2345'), 2), round(Decimal('123'), -1), int(Decimal('-3.9')), float(Decimal('1.25')))
import math
print(math.floor(Decimal('-2.5')), math.ceil(Decimal('2.1')), math.trunc(Decimal('-2.7')))
print(Decimal('3.14159').quantize(Decimal('0.01')), Decimal('2.675').quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), Decimal('2.675').quantize(Decimal('1e-2'), ROUND_DOWN))
print(Decimal('100').normalize(), Decimal('1.2300').normalize(), Decimal('-0.00').normalize())
print(Decimal('1.23E+5').to_integral_value(), Decimal('12.5').to_integral_value(), Decimal('13.5').to_integral(ROUND_HALF_UP))
c = getcontext()
print(c)
c.prec = 6
print(Decimal(1)/Decimal(7), Decimal('123456789') + 0, +Decimal('123456789'))
c.prec = 28
print(c.flags[Inexact], c.flags[Rounded])
c.clear_flags()
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(2).sqrt(), ctx.prec)
print(Decimal(2).sqrt(), getcontext().prec)
with localcontext(prec=3, rounding=ROUND_UP):
    print(Decimal(1)/3)
for f in [lambda: Decimal(1)/0, lambda: Decimal('abc'), lambda: Decimal(0)/0, lambda: Decimal('1e999999')*Decimal('1e999999'), lambda: Decimal(1).quantize(Decimal('1e-30')), lambda: Decimal(10)//Decimal('0.0000000000000000000000000001'), lambda: Decimal('sNaN')+1, lambda: Decimal('nan') < 1, lambda: Decimal(1) + 1.5, lambda: int(Decimal('nan')), lambda: hash(Decimal('snan'))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(getcontext())
print(repr(getcontext().flags))
print(format(Decimal('1234567.891'), ',.2f'), format(Decimal('0.000012345'), 'e'), format(Decimal('12.5'), '%'), format(Decimal('-0'), '+.3g'), f'{Decimal("1.5e10")}', format(Decimal('123.456'), '10.1f'))
print(f'{Decimal("3.14159"):.3}', f'{Decimal("-42.5"):>10}', f'{Decimal("42.5"):*^12.2f}', f'{Decimal("1234.5"):012,.2f}', f'{Decimal("inf"):f}', f'{Decimal("0.1"):.0%}')
print(Decimal('7.5').compare(7), Decimal('NaN').compare(1), Decimal(3).max(Decimal('3.0')), Decimal(-3).copy_abs(), Decimal(3).copy_sign(Decimal(-1)))
print(Decimal('0.1').is_normal(), Decimal('1e-999999').is_subnormal(), Decimal(0).is_zero(), Decimal('nan').is_nan(), Decimal(-1).is_signed())
print(Decimal('1.41421356').fma(2, 3), Decimal(10).remainder_near(3), Decimal(11).remainder_near(3), Decimal(1).next_plus(), Decimal(1).next_minus(), Decimal(1).next_toward(2))
print(Decimal(1).scaleb(3), Decimal(12345).logb(), Decimal('12.3').number_class(), Decimal('-0').number_class(), Decimal(1).as_integer_ratio(), Decimal('-2.5').as_integer_ratio())
print(isinstance(Decimal(1), Decimal), type(Decimal(1)), Decimal, Context, DecimalException.__mro__)
class M(Decimal):
    pass
m = M('1.5')
print(type(m), m + 1, repr(m), type(m + 1), isinstance(m, Decimal))
print(BasicContext, ExtendedContext)
print(Decimal((0, (1, 2, 3), -2)), Decimal([1, [4, 5], 3]), Decimal((1, (), 'F')))
print(sum([Decimal('0.1')] * 10), Decimal('0.1') * 3 == Decimal('0.3'), str(Decimal('1') / Decimal('8')))
print(max(Decimal(1), Decimal(2)), Decimal(10) ** 20, Decimal('1.1') ** 10, Decimal(2) ** Decimal('1.5'))
