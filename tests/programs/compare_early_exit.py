# Comparisons of lists, tuples and sets stop at the first item that
# decides, calling `__eq__`/`__lt__` of the items reached and no others,
# in CPython's order; set methods given a list read it as it is now.

log = []


class Item:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        log.append(("eq", self.v, getattr(other, "v", other)))
        return isinstance(other, Item) and self.v == other.v

    def __lt__(self, other):
        log.append(("lt", self.v, other.v))
        return self.v < other.v

    def __hash__(self):
        return hash(self.v)

    def __repr__(self):
        return f"Item({self.v})"


def show(label, result):
    print(label, result, log[:])
    log.clear()


a = [Item(1), Item(2), Item(3)]
b = [Item(1), Item(5), Item(3)]
show("list ==", a == b)
show("list !=", a != b)
show("list <", a < b)
show("list > reflected", b > a)
show("list == other length", a == b[:2])
show("list < shorter", a[:2] < a)
show("tuple == other length", tuple(a) == tuple(b[:2]))
show("tuple <", tuple(a) < tuple(b))
show("tuple <= prefix", tuple(a[:2]) <= tuple(a))
show("same objects", a == list(a))
show("nested", [[Item(1)], 2] == [[Item(1)], 3])
show("tuple in list", [(1, Item(2))] < [(1, Item(3))])
show("mixed plain first", [1, 2, Item(3)] == [1, 3, Item(3)])
show("ints then instance", (0, 1, 2, Item(7)) > (0, 1, 2, Item(6)))

# Lists of builtins: decided at the first difference, any length.
big = list(range(100000))
other = [-1] + big[1:]
print(big == other, big != other, big < other, big > other, big == big[:], big[:5] < big)
print((1, 2, [3, 4]) < (1, 2, [3, 5]), ([1, [2, [3]]] == [1, [2, [3]]]), [1.0, 2] == [1, 2.0])
x = float("nan")
print((x,) == (x,), [x] == [x], [None] < [None, 0])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError", e)
try:
    (Item(1),) < (Item(1), Item(2), 3) < (Item(1), "x")
except Exception as e:
    print(type(e).__name__, e)
log.clear()


class Shrinker:
    """An __eq__ that empties the list being compared."""

    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return True


victim = [0, 1, 2]
xs = [Shrinker(victim), 1, 2]
print(xs == [0, 1, 2] and "eq", victim, xs == victim)
victim2 = [0, 5, 6]
print([Shrinker(victim2), 9] == victim2[:2], victim2)

# Dicts: sizes first, then entry by entry to the first difference.
da = {"a": Item(1), "b": Item(2), "c": Item(3)}
db = {"a": Item(1), "b": Item(9), "c": Item(3)}
show("dict ==", da == db)
show("dict !=", da != db)
show("dict other size", da == {"a": Item(1)})
show("dict same", da == dict(da))
show("dict other key", {"x": Item(1), "b": Item(2)} == {"y": Item(1), "b": Item(2)})
big_d = dict.fromkeys(range(100000), 0)
print(big_d == dict.fromkeys(range(1, 100001), 0), big_d == dict(big_d), big_d != {}, {1: 1.0} == {1.0: 1})
try:
    da < db
except TypeError as e:
    print("TypeError", e)

# Sets: subset order stops at the first missing key.
s1 = {Item(1), Item(2)}
s2 = {Item(1), Item(2), Item(3)}
r = s1 <= s2, s1 < s2, s2 <= s1, s1 == s2, s1 != s2, s2 > s1, s1 >= s1
print(r, len(log) > 0)
log.clear()
ints = set(range(1000))
print(ints <= set(range(1, 1001)), ints == set(range(1000)), ints < set(range(1001)))
print(frozenset({1, 2}) <= {1, 2, 3}, {1, 2} == frozenset({2, 1}), {1.0, 2} == {1, 2.0})
print({"a", "b"} >= {"a"}, {(1, 2)} <= {(1, 2), (3,)}, set() < {0}, set() <= set())


# isdisjoint and friends with a list: stop early; see the list as it is now.
class Appender:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 12345

    def __eq__(self, other):
        self.target.append(Item(99))
        return False


big_set = set(range(1000))
print(big_set.isdisjoint([5] + list(range(2000, 3000))), big_set.isdisjoint(range(2000, 2010)))
print(big_set.isdisjoint([-1, -2]), big_set.issubset(list(range(1000))), big_set.issuperset([1, 2]))
items = []
watch = {Appender(items)}
probe = [Item(0), Item(1)]
print(watch.isdisjoint(probe), len(probe))
data = [Item(1), Item(2)]
grown = []
weird = {Appender(grown)}
print(weird.intersection([Appender(grown)]), len(grown))
log.clear()
print(sorted(big_set.intersection([3, 1, 2, 3, 5000])), sorted(big_set.difference(list(range(3, 1000)))))

# Dicts with int keys of every stride; float and bool keys equal to ints.
for step in (1, 2, 8, 1024, 1 << 20, 1 << 40):
    d = dict.fromkeys(range(0, 3000 * step, step), step)
    hits = sum(1 for k in range(0, 3000 * step, step // 2 or 1) if k in d)
    print(step, len(d), hits, (2999 * step) in d, -step in d, d.get(step * 1.0), d.get(True if step == 1 else 0))
neg = {-1: "minus one", -2: "minus two", 2**64: "big", -(2**64): "neg big", 0.5: "half"}
print(neg[-1], neg[-2], neg[2**64], neg[-(2**64)], neg[0.5], hash(-1) == hash(-2), len(neg))
churn = {}
for i in range(20000):
    churn[i * 7] = i
    if i >= 100:
        del churn[(i - 100) * 7]
print(len(churn), min(churn), max(churn), list(churn)[:3], (19999 * 7) in churn, 7 in churn)
