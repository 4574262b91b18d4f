# `in` on sets, frozensets and dicts, and `==`/`!=` of strs: keys whose
# hash equals a str's or an int's still have their own __eq__ asked;
# str subclasses, equal-valued numbers and non-ASCII strs compare as
# CPython compares them.
class K(str):
    def __eq__(self, other):
        print("K.__eq__", other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class H:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return hash(self.target)

    def __eq__(self, other):
        print("H.__eq__", other)
        return other == self.target


s = {H("a"), 1, 2**70, H(7)}
print("a" in s, 1 in s, 2**70 in s, "b" in s, 3 in s, 7 in s, 8 not in s)
f = frozenset(s)
print("a" in f, "zz" in f, 7 in f)
d = {H("a"): 1, "z": 2, 5: 3, H(9): 4}
print("a" in d, "z" in d, 5 in d, 5.0 in d, 9 in d, "q" in d, 10 not in d)
print(True in {1: 2}, 1 in {True}, 1.0 in {1}, "é" in {"é"}, "e" in {"é"})
print(-1 in {-1}, -2 in {-2}, -1 in {-2}, 2**62 in {2**62}, 2**63 in {2**63})
print(K("a") == "a", "a" != K("b"), "x" == "x", "ab" != "ab", "é" == "é", "é" == "e")
text = "abc\\def\"ghi" * 3
count = 0
for ch in text:
    if ch == '"':
        count += 1
    if ch != "a":
        count += 10
    if ch in {"\\", "g"}:
        count += 100
print(count)
long_a = "x" * 40 + "y"
long_b = "x" * 40 + "z"
print(long_a == long_b, long_a != long_b, long_a == "x" * 40 + "y")


# A stored key that is a str subclass with its own __eq__ is asked, even
# when the key looked up is a plain str equal to its value.
class Picky(str):
    def __eq__(self, other):
        print("Picky.__eq__", other)
        return False

    __hash__ = str.__hash__


stored = {Picky("p"): 1, "q": 2}
try:
    print(stored["p"])
except KeyError as err:
    print("KeyError", err)
print("p" in stored, stored.get("p"), "q" in stored, stored["q"])
key = next(iter(stored))
print(stored[key], key in stored)
print("k" in {K("k"): 1}, {"k": 1}.get(K("k")), K("k") in {"k"})
