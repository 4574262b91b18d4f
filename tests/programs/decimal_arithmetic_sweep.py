# Random operations of the decimal module under random contexts (precision,
# rounding, exponent limits, clamping), each result printed with the flags it
# raised: the arithmetic, rounding and signalling of every operation must
# match CPython's (libmpdec's) digit for digit.
import random
from decimal import (
    Context, Decimal, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
    ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP,
    Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded, Subnormal,
    Overflow, Underflow,
)

rng = random.Random(5)
ROUNDINGS = [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN, ROUND_HALF_UP,
             ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
SIGNALS = (Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded,
           Subnormal, Overflow, Underflow)


def operand():
    k = rng.random()
    if k < 0.03:
        return rng.choice(['NaN', '-NaN', 'sNaN', 'Inf', '-Inf', 'NaN123'])
    if k < 0.1:
        return rng.choice(['0', '-0', '0.000', '0E+5', '-0E-3'])
    digits = ''.join(rng.choice('0123456789') for _ in range(rng.randint(1, 40)))
    e = rng.randint(-40, 40) if rng.random() < 0.9 else rng.randint(-1000010, 1000010)
    return ('-' if rng.random() < 0.4 else '') + digits + 'E' + str(e)


BINARY = ['add', 'subtract', 'multiply', 'divide', 'divide_int', 'remainder',
          'remainder_near', 'compare', 'max', 'min', 'max_mag', 'min_mag',
          'quantize', 'power', 'next_toward', 'scaleb', 'divmod',
          'compare_total', 'same_quantum']
UNARY = ['sqrt', 'exp', 'ln', 'log10', 'plus', 'minus', 'abs', 'normalize',
         'to_integral_exact', 'next_plus', 'next_minus', 'logb',
         'to_sci_string', 'to_eng_string', 'number_class', 'is_normal']

for i in range(2500):
    ctx = Context(prec=rng.choice([1, 2, 3, 5, 9, 16, 28, 40]),
                  rounding=rng.choice(ROUNDINGS),
                  Emin=rng.choice([-999999, -99, -10]),
                  Emax=rng.choice([999999, 99, 10]),
                  clamp=rng.choice([0, 0, 1]), traps=[])
    op = rng.choice(BINARY + UNARY + ['fma'])
    a, b = Decimal(operand()), Decimal(operand())
    if op == 'power':
        if rng.random() < 0.6:
            b = Decimal(rng.randint(0, 12))
        if rng.random() < 0.5:
            a = Decimal(str(rng.randint(-30, 30)) + '.' + str(rng.randint(0, 99)))
    if op in ('exp', 'ln', 'log10') and rng.random() < 0.7:
        a = Decimal(str(rng.randint(-30, 30)) + '.' + str(rng.randint(0, 999)))
    if op == 'scaleb':
        b = Decimal(rng.randint(-50, 50))
    if op == 'quantize' and rng.random() < 0.7:
        b = Decimal('1E' + str(rng.randint(-30, 10)))
    method = getattr(ctx, op)
    try:
        if op in UNARY:
            result = method(a)
        elif op == 'fma':
            result = method(a, b, Decimal(operand()))
        else:
            result = method(a, b)
    except Exception as e:
        result = 'raised ' + type(e).__name__
    flags = [s.__name__ for s in SIGNALS if ctx.flags[s]]
    print(i, op, ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.clamp, a, b, '->', result, flags)
