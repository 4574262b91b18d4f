# enumerate() refills its last pair when nothing else holds it (as CPython
# does): pairs kept by the program must stay distinct and unchanged.
l = ["a", "b", "c"]
print(list(enumerate(l)))
print([p for p in enumerate(l, 5)])
it = enumerate(l)
a = next(it); b = next(it)
print(a, b, a is b)
for i, x in enumerate(l):
    print(i, x)
keep = []
for p in enumerate(l):
    keep.append(p)
print(keep)
for p in enumerate(l):
    pass
print(p)
d = dict(enumerate(l))
print(d)
ids = set()
for p in enumerate(range(5)):
    ids.add(id(p))
print(len(ids) <= 5)
held = next(enumerate(["x"]))
it = enumerate("pq")
first = next(it)
second = next(it)
print(held, first, second)
nested = [(i, j) for i, row in enumerate([[1, 2], [3]]) for j, _ in enumerate(row)]
print(nested)
