# Set and frozenset order, as CPython's hash table gives it, after every
# way of building a set and every operation on one. Only ints, tuples,
# floats and bools: their hashes are the same in every run (str hashes
# are randomized, None's depends on its address).

# Displays of three or more constants are a frozenset constant merged into
# a new set: not the order of adding the items one by one.
print({1000, 8, 16, 24, 2048, 3, 5})
print({-8, 320, 33, 68, 36, 10, 46, -17, 16, 47, (1, 0), -11, 28})
print({-1, -2, 7, 8}, {3, 1}, {1, 9, 17, 25}, {0.5, 1.5, -2.25, 2.0, 8})
print({2**61 - 1, 2**61, 10**20, -(2**63), 1, 0, -1})
print({(1, 2), (2, 1), (0, 0), (-1, 3), (3, -1), 7})
x = 1000
print({x, 8, 16, 24, 2048, 3, 5})  # not constant: one by one
print({*[1000, 8, 16, 24, 2048, 3, 5]}, {*(1000, 8, 16), 24, *{2048, 3, 5}})

# Iterating a display of constants iterates the frozenset itself.
for v in {1000, 8, 16, 24, 2048, 3, 5}:
    print(v, end=" ")
print()
print([v for v in {-8, 320, 33, 68, 36, 10, 46, -17, 16, 47, (1, 0), -11, 28}])
print(5 in {1000, 8, 16, 24, 2048, 3, 5}, 6 not in {1, 2, 3})

# Comprehensions add one by one.
print({v for v in [1000, 8, 16, 24, 2048, 3, 5]})
print({v * 64 for v in range(-6, 7)}, {v % 7 for v in range(100)})

# set() and frozenset() of other iterables add one by one; of a set,
# they merge its slots; of a dict, they use its hashes after one resize;
# of a keys view, they add one by one again.
items = [1000, 8, 16, 24, 2048, 3, 5]
d = dict.fromkeys(items, 0)
print(set(items), set(tuple(items)), set(iter(items)), set(range(40, 0, -3)))
print(set(d), set(d.keys()), set(d.items()), frozenset(d))
print(set({1000, 8, 16, 24, 2048, 3, 5}), frozenset(set(items)))
s = set(items)
print(s, set(s), s.copy(), frozenset(s), set(frozenset(s)))
big = set(range(0, 640, 16))
print(big, big.copy() == big, list(big.copy()) == list(big))

# Adds after removals: an add reuses the last dummy its probe passed;
# removals never shrink the table.
s = set()
for v in (1, 9, 17, 25):
    s.add(v)
print(s)
s.discard(1)
s.discard(17)
s.add(33)
print(s)
s = set(range(50))
for v in range(0, 50, 2):
    s.remove(v)
print(s)
for v in range(100, 140):
    s.add(v)
print(s)
s = set(range(100))
for v in range(100):
    s.discard(v)
s.add(5)
s.add(-5)
print(s, len(s))

# pop() starts where the last one stopped.
s = set(range(0, 200, 8)) | {1, 3, 1024}
print([s.pop() for _ in range(10)], s)
s.add(0)
s.add(2)
print(s.pop(), s.pop(), s)
s = {1000, 8, 16, 24, 2048, 3, 5}
while s:
    print(s.pop(), end=" ")
print()

# clear() keeps nothing of the old table.
s = set(range(100))
s.clear()
s.update([64, 0, 32, 96])
print(s)

# Union: a copy, updated.
a = {1000, 8, 16, 24, 2048, 3, 5}
b = {-1, -2, 7, 8, 64, 128, 1024}
print(a | b, b | a, a.union(b, [9, 17], (33,)), a.union())
f = frozenset(b)
print(f | a, a | f, f.union(range(5)))
s = set(a)
s |= b
print(s)
s.update({100, 200}, {(1, 2): 0}, range(3))
print(s)

# Intersection iterates the smaller set (the other one on a tie) and adds
# what the larger holds.
a = set(range(0, 100, 3))
b = set(range(0, 100, 5)) | {1000, 2048}
print(a & b, b & a, a.intersection(b), a.intersection([30, 60, 3, 5, 90]))
print(a.intersection(b, range(50)), a.intersection(), a & a)
s = set(a)
s &= {3, 6, 9, 99, 1000}
print(s)
s = set(b)
s.intersection_update(range(0, 200, 2), [0, 10, 20, 30, 40])
print(s)
s = {5, 6, 7}
s.intersection_update()
print(s)

# Difference: built by iteration, or a copy with removals when the left
# side is much larger or the right one is no set or dict.
a = set(range(0, 60, 2))
b = {0, 4, 8, 70}
print(a - b, b - a, a.difference(b), a.difference([0, 4, 8]), a - a)
print(a.difference({0: 1, 4: 2}), a.difference(b, {10, 12}), a.difference())
big = set(range(1000))
print(len(big - set(range(10, 990))), (big - set(range(10, 990))))
small = {5, 500, 999}
print(small - big, small - set(range(0, 1000, 5)))
s = set(range(40))
s -= set(range(0, 40, 3))
print(s)
s = set(range(40))
s.difference_update(range(10), [20, 21], {30, 31})
print(s)
s = set(range(200))
s.difference_update(range(0, 200, 2))
s.add(1000)
print(s)

# Symmetric difference: a set of the other operand, updated with this one.
a = {1000, 8, 16, 24, 2048, 3, 5}
b = {8, 16, 7, -1, 4096}
print(a ^ b, b ^ a, a.symmetric_difference(b), a.symmetric_difference([1, 2, 8]))
s = set(a)
s ^= b
print(s)
s.symmetric_difference_update({1: 0, 8: 0, 5000: 0})
print(s)
s.symmetric_difference_update(range(10))
print(s, a ^ a)

# Comparisons and the like give the same answers whatever the order.
print(a <= a | b, a < a, a.issubset(range(5000)), a.issuperset([8, 16]))
print(a.isdisjoint(b), a.isdisjoint({1, 2}), frozenset(a) == a, a != set(a))

# Dict views act as sets: their results are sets, built from the dict.
d = dict.fromkeys([1000, 8, 16, 24, 2048, 3, 5], 0)
e = dict.fromkeys([8, 16, 4096, -1], 0)
print(d.keys() | e.keys(), d.keys() & e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() | {7}, {7} | d.keys(), {3, 7} & d.keys(), d.keys() & {3, 7})
print({3, 5, 7} - d.keys(), d.keys() - {3}, frozenset({3, 7}) ^ d.keys())
e = {1000: 0, 8: 1, 99: 2}
print(d.items() ^ e.items(), d.items() & e.items(), d.items() - e.items())

# set.__init__ starts again from an empty table.
s = set(range(30))
s.__init__([1000, 8, 16, 24, 2048, 3, 5])
print(s)

# Sets in sets: frozensets as elements, and a set looked for as one.
fs = {frozenset({1, 2}), frozenset({3}), frozenset(), frozenset(range(10))}
print(len(fs), {1, 2} in fs, frozenset({3}) in fs)
fs.discard({3})
fs.remove(set())
print(len(fs), sorted(len(x) for x in fs))

# frozenset hashes do not depend on the layout.
print(hash(frozenset(range(10))) == hash(frozenset(range(9, -1, -1))))
print(hash(frozenset({1000, 8, 16, 24, 2048, 3, 5})), hash(frozenset()))

# Iterators walk the slots; a change of size is an error.
s = {1000, 8, 16, 24, 2048, 3, 5}
it = iter(s)
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
it = iter(s)
next(it)
s.add(7)
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError", exc)

# Large sets go past the table's growth rule (x4 up to 50000, then x2).
s = set()
for v in range(60000):
    s.add(v * 7919 % 100003)
print(len(s), list(s)[:8], list(s)[-8:])
t = set(s)
print(list(t)[:8] == list(s)[:8], list(t.copy())[-4:])
