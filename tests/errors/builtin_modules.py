import math
import sys
from math import sqrt, pi as PI
print(math.sqrt(16), sqrt(2), PI, math.floor(-2.5), math.ceil(2.1), math.floor(1e20), math.trunc(-3.7))
print(math.gcd(12, 18), math.gcd(2**70, 2**65 * 3), math.factorial(25), math.comb(10, 3), math.prod([1, 2, 3, 4]))
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.exp(0), math.pow(2, 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan), math.hypot(3, 4), math.fsum([0.1] * 10))
print(math.sin(0), math.cos(0), round(math.atan2(1, 1), 6), math.degrees(math.pi), math.fabs(-2), math.copysign(3, -0.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    from math import nothing
except ImportError as e:
    print("ImportError")
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(type(sys.maxsize), sys.version_info[0], sys.version_info[:2] >= (3, 8), sys.getrecursionlimit())
sys.setrecursionlimit(5000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(3000), sys.getrecursionlimit())
print(repr(math)[:14])
sys.exit(4)
