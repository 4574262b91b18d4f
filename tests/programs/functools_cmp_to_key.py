# functools.cmp_to_key: keys that compare through an old-style comparison
# function (its result compared with 0), CPython's errors and messages.
import functools
from functools import cmp_to_key
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(K).__name__, type(K(1)).__name__, K(1).obj)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(K(1) < K(2), K(1) > K(2), K(1) == K(1), K(1) != K(1), K(2) <= K(2), K(3) >= K(4))
try: K(1) < 5
except TypeError as e: print(e)
try: hash(K(1))
except TypeError as e: print(e)
try: K()
except TypeError as e: print(e)
try: K(1, 2)
except TypeError as e: print(e)
print(K(obj=5).obj)
try: cmp_to_key()
except TypeError as e: print(e)
class R:
    def __lt__(self, o): return "yes"
K2 = cmp_to_key(lambda a, b: R())
print(K2(1) < K2(2))
print(max([1, 5, 3], key=cmp_to_key(lambda a, b: a - b)))
x = sorted(range(60000, 0, -1), key=cmp_to_key(lambda a, b: a - b))
print(x[:3])
