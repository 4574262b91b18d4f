# list.count / index / remove re-read the list after every comparison,
# since an __eq__ may change it; immutable sequences give themselves back
# where CPython does.


class Shrinks:
    def __init__(self, items):
        self.items = items

    def __eq__(self, other):
        self.items.pop()
        return False


items = [1, 2, 3]
s = Shrinks(items)
items[:0] = [s]
print(items.count(99), len(items))

items = [1, 2, 3, 4, 5]
s = Shrinks(items)
items.insert(0, s)
try:
    items.index(5)
except ValueError as e:
    print("ValueError:", e)
print(len(items))


class Equal:
    def __eq__(self, other):
        return other == 4


m = Equal()
lst = [1, 2, m, 4]
print(lst.count(4), lst.index(4), lst.index(m))
lst.remove(4)
print(len(lst))

s = "abc" + str(1)
b = b"abc" + bytes(1)
t = (1, 2) + (3,)
print(s * 1 is s, 1 * s is s, b * 1 is b, t * 1 is t)
print(s[:] is s, b[:] is b, t[:] is t, s[::1] is s, t[0:] is t)
print(s[1:] is s, t[::-1] is t, s * 2, t * 0)


class S(str):
    pass


sub = S("xyz")
print(type(sub[:]).__name__, type(sub * 1).__name__)

whole = b"a45b"
print(whole.partition(bytearray(b"45")))
print(type(whole.rpartition(memoryview(b"45"))[1]).__name__)
print(whole.partition(b"z")[0] is whole, whole.rpartition(b"z")[2] is whole)
ba = bytearray(b"a45b")
sep = bytearray(b"45")
parts = ba.partition(sep)
print(parts, parts[1] is sep)


class BigIndex:
    def __index__(self):
        return -(2**100)


try:
    "a" * BigIndex()
except OverflowError as e:
    print("OverflowError:", e)
try:
    BigIndex() * [1]
except OverflowError as e:
    print("OverflowError:", e)
