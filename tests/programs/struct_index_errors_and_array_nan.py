# struct.pack lets an __index__'s own exception through; array comparisons
# compare items as fresh numbers (a NaN item is unequal to itself).
import struct
from array import array
class Boom:
    def __index__(self): raise KeyError("boom")
class Big:
    def __index__(self): return 2**70
class Seven:
    def __index__(self): return 7
for v in (Boom(), Big(), Seven(), "x", 1.5):
    try: print(struct.pack("<H", v))
    except Exception as e: print(type(e).__name__, e)
nan = float("nan")
a = array("d", [nan])
print(a == a, a != a, a <= a, a < a, a >= a)
b = array("d", [1.0, nan]); c = array("d", [1.0, 2.0])
print(b == c, b < c, b > c, array("i", [1, 2]) < array("i", [1, 2, 0]), array("i", [1, 2]) == array("i", [1, 2]))
