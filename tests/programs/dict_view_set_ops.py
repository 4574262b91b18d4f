# dict_keys and dict_items are set-like: comparisons with sets, frozensets
# and other views, set operators, isdisjoint; dict_values is not.
d = {1: "a", 2: "b"}
e = {2: "b", 1: "a", 3: "c"}
print(d.keys() == {1, 2}, d.keys() != {1}, {1, 2} == d.keys(), frozenset({1, 2}) == d.keys())
print(d.keys() <= e.keys(), d.keys() < e.keys(), e.keys() > d.keys(), e.keys() >= e.keys())
print(d.keys() < d.keys(), {1} < d.keys(), {1, 2, 3} > d.keys(), d.keys() >= {1, 2, 3})
print(d.items() <= e.items(), d.items() == {(1, "a"), (2, "b")}, {(1, "a")} < d.items())
print(d.items() == {(1, "x"), (2, "b")}, d.items() < e.items(), e.items() > d.items())
print(d.keys() & {1, 9}, d.keys() | {9}, d.keys() - {1}, d.keys() ^ {1, 7})
print(d.keys().isdisjoint({5}), d.keys().isdisjoint([2]), d.items().isdisjoint([(1, "b")]))
print(d.items().isdisjoint(iter([(2, "b")])), d.items() & {(1, "a"), (1, "b")})
print(d.values() == d.values(), d.values() == ["a", "b"], [1, 2] == d.keys(), d.keys() == [1, 2])
print(d.keys() == e.keys(), d.items() == dict(d).items(), d.keys() == d.items())

# Items with unhashable values compare through `in`, without hashing.
f = {1: [1, 2], 2: {"x": 1}}
g = {1: [1, 2], 2: {"x": 1}, 3: []}
print(f.items() <= g.items(), f.items() == g.items(), f.items() < g.items())


# Keys that compare through a user __eq__.
class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return f"K({self.v})"


h = {K(1): 1, K(2): 2}
print(h.keys() == {K(1), K(2)}, h.keys() <= {K(1), K(2), K(3)}, h.keys() > {K(1)})

for bad in (lambda: d.keys() < [1, 2, 3], lambda: d.values() < d.values(), lambda: d.keys() <= 5):
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)

# The other operand of a view operator may be any iterable.
d = {1: 2, 3: 4}
for op in ("|", "&", "-", "^"):
    for other in ([7, 1], (1,), {1: 0}.keys(), iter([3]), "ab", range(3)):
        print(op, sorted(eval("d.keys() " + op + " other"), key=repr), sorted(eval("other " + op + " d.keys()"), key=repr))
print(sorted(d.items() | [(1, 2), (5, 6)]), sorted(d.items() - [(1, 2)]), sorted([(9, 9)] ^ d.items()))
for bad in ("d.keys() | 5", "d.values() | [1]", "d.keys() - None"):
    try:
        eval(bad)
    except TypeError as err:
        print("TypeError:", err)
