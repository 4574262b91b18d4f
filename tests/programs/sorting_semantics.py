# Semantics of list.sort() and sorted(): stability, reverse, keys of every
# kind (fast native paths and the __lt__ slow path), errors.


def show(label, *values):
    print(label, *values)


def error(thunk):
    try:
        thunk()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return "no error"


# Stability with keys, and reverse keeping equal items in original order.
words = ["pear", "fig", "apple", "kiwi", "plum", "date", "banana", "lime"]
show("len", sorted(words, key=len))
show("len reverse", sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "c"), (2, "z"), (1, "c")]
show("first", sorted(pairs, key=lambda t: t[0]))
show("first reverse", sorted(pairs, key=lambda t: t[0], reverse=True))
show("tuples reverse", sorted(pairs, reverse=True))
nums = [5, -3, 0, -3, 7, 2, -10, 5, 2, 0]
show("ints", sorted(nums))
show("ints reverse", sorted(nums, reverse=True))
show("abs", sorted(nums, key=abs))
show("abs reverse", sorted(nums, key=abs, reverse=True))
show("neg", sorted(nums, key=lambda x: -x))
show("bools", sorted([True, 0, False, 1, -1, True]))
show("big", sorted([2**70, -(2**65), 3, 2**64, -1]))

# Keys are computed once per item, in the original order, even reversed.
seen = []
sorted([3, 1, 2], key=lambda x: seen.append(x) or x, reverse=True)
show("key order", seen)

# Tuples: mixed lengths, int/str positions, differences at later positions.
tups = [(1, "b", 3), (1, "b"), (1,), (), (1, "a", 9), (0, "z"), (1, "b", 2), (1, "a")]
show("tuples", sorted(tups))
show("tuples reverse", sorted(tups, reverse=True))
rows = [("x", 2, 1.5), ("x", 2, -0.5), ("a", 10, 0.0), ("x", 1, 9.0), ("a", 10, -0.0)]
show("rows", sorted(rows))
show("rows by tail", sorted(rows, key=lambda r: (r[2], r[1])))
show("mod key", sorted(range(20), key=lambda x: (x % 3, -x)))
show("nested", sorted([(1, (2, 3)), (1, (2,)), (0, (5,))]))
show("tuple lists", sorted([(1, [2]), (0, [1]), (1, [1])]))

# Floats: negatives, zeros, infinities.
fl = [2.5, -1.0, 0.0, -0.0, float("inf"), -2.5, float("-inf"), 1e-300, 0.0]
show("floats", sorted(fl))
show("floats reverse", sorted(fl, reverse=True))
show("mixed numbers", sorted([3, 1.5, True, -2, 2.0, 0, 2]))
# NaN: the result depends on the algorithm; only check what does not.
nan = float("nan")
with_nan = [3.0, nan, 1.0, 2.0, nan, -1.0]
got = sorted(with_nan)
show("nan count", len(got))
show("nan multiset", sorted(x for x in got if x == x), sum(1 for x in got if x != x))
show("nan tuples", len(sorted([(1.0, nan), (0.0, 1.0), (1.0, 2.0)])))
show("nan key", len(sorted(range(10), key=lambda x: nan if x % 3 == 0 else x)))

# Strings: code-point order.
strs = ["z", "é", "a", "\U0001F600", "Z", "ab", "", "a\x00", "ÿ", "\u20ac", "aa"]
show("strs", [ord(s[0]) if s else -1 for s in sorted(strs)])
show("strs reverse", [len(s) for s in sorted(strs, reverse=True)])
show("strs key", sorted(["b", "A", "a", "B"], key=str.lower))


# User class with __lt__.
class Box:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "Box(%r)" % self.v


show("boxes", sorted([Box(3), Box(1), Box(2), Box(1)]))
show("boxes reverse", sorted([Box(3), Box(1), Box(2)], reverse=True))
show("box keys", sorted([3, 1, 2], key=Box))


# Subclasses of int/str with a reversed __lt__: must not use native order.
class RevInt(int):
    def __lt__(self, other):
        return int(self) > int(other)


class RevStr(str):
    def __lt__(self, other):
        return self + "" > other + ""


show("revint", [int(x) for x in sorted([RevInt(1), RevInt(3), RevInt(2)])])
show("revint key", sorted([1, 3, 2], key=RevInt))
show("revstr", [str(x) for x in sorted(map(RevStr, "bca"))])
show("revint tuples", sorted([(RevInt(1),), (RevInt(3),), (RevInt(2),)]))


# Counting comparisons.
class Counted:
    count = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Counted.count += 1
        return self.v < other.v


for n in (10, 1000):
    for label, data in (("sorted", range(n)), ("reversed", range(n, 0, -1))):
        Counted.count = 0
        out = sorted(map(Counted, data))
        ok = all(out[i].v <= out[i + 1].v for i in range(n - 1))
        show("compares %s %d" % (label, n), ok, Counted.count)
big = list(range(1000))
show("sorted 1000", sorted(big) == big, sorted(big, reverse=True) == big[::-1])
rev = big[::-1]
rev.sort()
show("reversed 1000", rev == big)
shuffled = [(i * 7919) % 1000 for i in range(1000)]
show("shuffled 1000", sorted(shuffled) == big, sorted(map(Counted, shuffled))[500].v)
stab = sorted([(x % 7, i) for i, x in enumerate(shuffled)], key=lambda t: t[0])
show("stable 1000", all(stab[i][1] < stab[i + 1][1] for i in range(999) if stab[i][0] == stab[i + 1][0]))
show("stable reverse 1000", [t[1] for t in sorted([(i % 3, i) for i in range(30)], key=lambda t: t[0], reverse=True)])



# An inconsistent __lt__ must not crash the sort nor lose items.
class Liar:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return (self.v * 31 + other.v * 17) % 5 < 2


for n in (20, 300):
    out = sorted(map(Liar, shuffled[:n]))
    show("liar %d" % n, sorted(x.v for x in out) == sorted(shuffled[:n]))
keyed = sorted(shuffled[:300], key=Liar, reverse=True)
show("liar key", sorted(keyed) == sorted(shuffled[:300]))

# Errors.
show("err int str", error(lambda: sorted([1, "a"])))
show("err str int", error(lambda: sorted(["a", 1])))
show("err none", error(lambda: sorted([1, None])))
show("err three", error(lambda: sorted([2, 1.0, 3.0, 4, "a"])))
show("err tuple", error(lambda: sorted([(1, "a"), ("b", 2)])))
show("err tuple later", error(lambda: sorted([(1, "a"), (1, 2)])))
show("err list tuple", error(lambda: sorted([[1], (1,)])))
show("err key", error(lambda: [3, 1, 2].sort(key=lambda x: 1 / 0)))
show("err box int", error(lambda: sorted([Box(1), 2])))
show("err args", error(lambda: [1].sort(lambda x: x)))
show("err big", error(lambda: sorted(list(range(100)) + ["x"] + list(range(50)))))
lst = list(map(Box, shuffled[:200])) + [None] + list(map(Box, shuffled[200:300]))
show("err keeps items", error(lst.sort), sorted(b.v for b in lst if b is not None) == sorted(shuffled[:300]))
lst = [3, 1, 2]
show("err key keeps list", error(lambda: lst.sort(key=lambda x: 1 / (x - 2))), lst)
lst = [3, 1, 2, "a", 0]
show("err partial", error(lst.sort), lst)
lst = [3, 1, 2, "a", 0]
show("err partial reverse", error(lambda: lst.sort(reverse=True)), lst)
lst = [5, 4, 3, 2, 1]
show("modified", error(lambda: lst.sort(key=lambda x: lst.append(x) or x)), lst)
lst = [5, 4, 3]
show("modified clear", error(lambda: lst.sort(key=lambda x: lst.clear() or x)), lst)
show("one item key", error(lambda: [1].sort(key=lambda x: 1 / 0)))
show("empty", sorted([]), sorted([], reverse=True), sorted([7]))
# Key sorts move every item to its key's place (long permutation cycles),
# keep equal keys in order, and keep every item when a comparison fails.
words = ["w%d" % ((k * 7919) % 1000) for k in range(1000)]
by_last = sorted(words, key=lambda w: w[-1])
show("key cycles", by_last[:5], by_last[-5:], len(set(by_last)) == len(set(words)))
show("key reverse stable", sorted(words, key=len, reverse=True)[:4], sorted(words, key=len)[:4])
ranked = list(range(500))
ranked.sort(key=lambda k: (k * 37) % 500)
show("key permutation", ranked[:6], sorted(ranked) == list(range(500)))
boxes = list(map(Box, shuffled[:150]))
keys_failing = boxes[:]
show("err key compare keeps items", error(lambda: keys_failing.sort(key=lambda b: b if b.v != shuffled[90] else None)),
     sorted(b.v for b in keys_failing) == sorted(shuffled[:150]))
