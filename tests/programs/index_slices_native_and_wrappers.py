# Slice bounds and indices with __index__ work for bytearray, array and
# memoryview, and through list.__getitem__/__setitem__/__delitem__ called
# by name; a dict's keys stay as they are.
import array
class I:
    def __index__(self): return 1
class K:
    def __index__(self): return 0
    def __hash__(self): return 7
    def __eq__(self, o): return isinstance(o, K)
def show(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
show(lambda: bytearray(b"abc")[I():])
def setslice():
    b = bytearray(b"abc"); b[I():2] = b"Z"; return b
show(setslice)
def delslice():
    b = bytearray(b"abcd"); del b[I():3]; return b
show(delslice)
show(lambda: array.array("b", [1, 2, 3])[I():])
show(lambda: memoryview(b"abc")[I():].tobytes())
show(lambda: list.__getitem__([1, 2, 3], slice(I(), None)))
def lset():
    l = [1, 2, 3]; list.__setitem__(l, slice(I(), None), [9]); list.__setitem__(l, I(), 5); return l
show(lset)
def ldel():
    l = [1, 2, 3]; list.__delitem__(l, I()); return l
show(ldel)
def dset():
    d = {}; dict.__setitem__(d, K(), 1); return [type(k).__name__ for k in d]
show(dset)
show(lambda: dict.__getitem__({K(): 5}, K()))
