# Deleting from big dicts and sets: order of the rest, iteration over the
# holes left behind, re-insertion at the end, and set order as CPython's
# table keeps it while elements are removed.

d = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del d[i]
print(len(d), list(d)[:6], list(d)[-4:], sum(d.values()))
d[0] = "back"
d[999] = "kept place"
print(list(d.items())[:3], list(d.items())[-2:])

# Iterators and views step over the holes.
d = dict.fromkeys("abcdefghijklmnopqrstuvwxyz", 0)
for k in "aeiou":
    d.pop(k)
print("".join(d), "".join(reversed(list(d))), len(d.keys()))
print([k for k, _ in d.items()][5:10])

# popitem takes from the end, across removed keys.
d = {i: str(i) for i in range(30)}
for i in range(20, 29):
    del d[i]
print(d.popitem(), d.popitem(), len(d))

# Many deletions then many insertions: the order stays insertion order.
d = {}
for round_ in range(5):
    for i in range(200):
        d[(round_, i)] = i
    for i in range(0, 200, 2):
        del d[(round_, i)]
print(len(d), list(d)[:3], list(d)[-3:])

# Removing every key but one, then adding.
d = {i: None for i in range(500)}
for i in range(499):
    del d[i]
d["new"] = 1
print(d)

# Changing size during iteration is still caught.
d = {i: i for i in range(20)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)

# Module globals deleted and re-bound (the LOAD_GLOBAL cache follows).
g = globals()
for i in range(40):
    g["v%d" % i] = i
for i in range(0, 40, 2):
    del g["v%d" % i]


def read_globals():
    return v1 + v39


print(read_globals())
v1 = 100
print(read_globals())
del v39
try:
    read_globals()
except NameError as e:
    print("NameError:", e)

# Sets: discard and pop keep the others where CPython's table keeps them.
s = set(range(-20, 400, 7))
for x in range(0, 400, 3):
    s.discard(x)
print(list(s)[:10], len(s))
print([s.pop() for _ in range(5)], len(s))
s = set()
for x in (1000, 8, 16, 24, 2048, 3, 5):
    s.add(x)
s.discard(8)
print(s, s.pop(), s)
s = set(range(10000))
while len(s) > 3:
    s.pop()
print(s)
fs = frozenset(range(50)) - {1, 2, 3}
print(sorted(fs)[:4], len(fs))
