# math.gcd and math.lcm of big ints (Lehmer's algorithm), and Fractions,
# which reduce by gcd, as CPython computes them.
import math
from fractions import Fraction
print(math.gcd(2**200 * 3**50, 2**150 * 3**70 * 5), math.gcd(-(2**100), 2**64 * 7), math.gcd(0, -5), math.gcd(), math.gcd(-3))
print(math.gcd(10**40, 10**30 + 10**20, 5 * 10**25), math.lcm(2**70, 3 * 2**65, 10**20))
print(math.gcd(2**64, 2**64 + 2), math.gcd(-(2**63), 2**63), math.lcm(0, 2**80), math.lcm(-(2**70), 6))
a, b = 3**500 * 2**7, 3**300 * 5**10
print(math.gcd(a, b) == 3**300, math.gcd(a, b, 3**100 * 11) == 3**100)
f = Fraction(0)
for i in range(1, 60):
    f += Fraction(i ** 3, 2 ** i * 3 ** (i % 7) + 1)
print(f.numerator % 10**20, f.denominator % 10**20, f.denominator.bit_length())
try:
    math.gcd(1.5, 2**70)
except TypeError as e:
    print("TypeError", e)
