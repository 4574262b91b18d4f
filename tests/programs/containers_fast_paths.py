# Membership, subscripts of builtin-container subclasses and small bytes
# objects: what CPython's semantics demand of the fast paths.
import collections

# `x in list` while __eq__ changes the list: items as they are then.
class Shrinker:
    def __init__(self, target, name):
        self.target, self.name = target, name

    def __eq__(self, other):
        print("compare", self.name, other)
        if self.target:
            self.target.pop()
        return False


items = [1, 2, 3, 4, 5]
print(Shrinker(items, "a") in items, items)
items = [Shrinker(None, "x"), 7, Shrinker(None, "y")]
print(7 in items, 8 in items, "s" in ["s"], 2.0 in [1, 2], None in [0, None])
print([1, [2, 3]].__contains__([2, 3]), (1, 2) in [(1, 2)])
nan = float("nan")
print(nan in [nan], nan in (nan,))


# Subclasses of dict and list: their own methods where defined, the
# builtin's otherwise, even once a method is added or removed later.
class Defaulting(dict):
    def __missing__(self, key):
        return f"missing {key!r}"


d = Defaulting(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d)
Defaulting.__getitem__ = lambda self, key: f"getitem {key!r}"
print(d["a"], d["b"])
del Defaulting.__getitem__
print(d["a"], d["b"])


class Logged(list):
    pass


lst = Logged([10, 20, 30])
lst[1] = 21
print(lst[1], lst[-1], lst[0:2])
Logged.__setitem__ = lambda self, i, v: print("setitem", i, v)
lst[0] = 5
del Logged.__setitem__
lst[0] = 6
print(lst)
Logged.__delitem__ = lambda self, i: print("delitem", i)
del lst[0]
print(lst)

stats = collections.Counter()
for pair in zip("abcab", "bcabc"):
    stats[pair] += 1
print(sorted(stats.items()), stats[("z", "z")], len(stats))

# Bytes of length 0 and 1 are shared objects, as in CPython.
parts = [bytes([b]) for b in b"hello"]
empty, one = b"", b"b"
print(parts, parts[2] is parts[3], bytes([104]) is parts[0], b"ab"[1:] is one, empty is bytes())
print(one + empty is one, (one * 1) == one, bytes(1), bytearray(b"ab")[0:1])
pieces = [b"a", b"b"]
merged = pieces[0] + pieces[1]
print(merged, merged == b"ab", {bytes([c]) for c in b"abcab"} == {b"a", b"b", b"c"})
acc = b""
for c in b"xyz":
    acc += bytes([c])
print(acc, bytes([120]), one is not acc)

# Tuples of bytes and strings as dict keys; comparisons of str and bytes.
ranks = {(b"a", b"b"): 1, ("a", "b"): 2}
print(ranks[(bytes([97]), bytes([98]))], ranks[("a", "b")], (b"a", b"b") < (b"a", b"c"))
print("abc" < "abd", b"abc" >= b"ab", "é" > "z", "a" == "a", b"a" != b"a")
try:
    print("a" < b"a")
except TypeError as exc:
    print("TypeError:", exc)
