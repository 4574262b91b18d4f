# WeakValueDictionary, WeakKeyDictionary, WeakSet: entries vanish when
# their referent dies, also while the container is being iterated.
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


print("--- WeakValueDictionary")
d = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
d["a"] = a
d["b"] = b
d[3] = c
print(len(d), sorted(map(str, d.keys())), d["a"], "b" in d, "z" in d)
print(sorted(map(str, d)), sorted(repr(v) for v in d.values()))
del b
print("after b died:", len(d), "b" in d, sorted(map(str, d)))
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e)
print(d.get("b"), d.get("b", "default"), d.get("a"))
d["a"] = c
print("a replaced:", d["a"])
del a
print("old a died, entry kept:", len(d), d["a"])
print("pop:", d.pop(3), len(d), d.pop("missing", "none"))
print("setdefault:", d.setdefault("a", Obj("x")), d.setdefault("n", c), len(d))
print("items:", sorted((k, repr(v)) for k, v in d.items()))
refs = d.valuerefs()
print("valuerefs:", len(refs), all(isinstance(r, weakref.ref) for r in refs))
print("repr:", repr(d).startswith("<WeakValueDictionary at 0x"))
cp = d.copy()
print("copy:", type(cp).__name__, len(cp), sorted(cp))
del c
print("all died:", len(d), list(d), len(cp))

print("--- dying while iterating")
objs = [Obj(i) for i in range(5)]
d = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
seen = []
for key, value in d.items():
    seen.append(key)
    if key == 1:
        del objs[2:]
        value = None
print("seen:", seen, "left:", len(d), sorted(d))

print("--- update, |, popitem, clear")
x, y = Obj("x"), Obj("y")
d = weakref.WeakValueDictionary({"x": x}, y=y)
print(sorted(d))
e = d | {"z": x}
print(type(e).__name__, sorted(e))
k, v = d.popitem()
print("popitem:", k in ("x", "y"), len(d))
d.clear()
print("cleared:", len(d))

print("--- WeakKeyDictionary")
k1, k2, k3 = Obj("k1"), Obj("k2"), Obj("k3")
w = weakref.WeakKeyDictionary()
w[k1] = 1
w[k2] = 2
w[k3] = 3
print(len(w), w[k1], k2 in w, 5 in w, w.get(k3), sorted(w.values()))
del k2
print("after k2 died:", len(w), sorted(w.values()), sorted(repr(k) for k in w))
w[k1] = 10
print("updated:", w[k1], len(w))
del w[k1]
print("deleted:", len(w), k1 in w)
try:
    w[Obj("other")]
except KeyError:
    print("KeyError for a missing key")
print("setdefault:", w.setdefault(k1, 7), w.setdefault(k1, 8))
print("pop:", w.pop(k3), len(w))
print("keyrefs:", len(w.keyrefs()))
print("items:", [(repr(k), v) for k, v in w.items()])
cp = w.copy()
del k1
print("after k1 died:", len(w), len(cp))
del cp
keys = [Obj(i) for i in range(4)]
w = weakref.WeakKeyDictionary({k: k.name for k in keys})
total = 0
for key in w:
    total += key.name
    if key.name == 0:
        keys.pop()
print("iterated:", total, "left:", len(w))
try:
    w[1] = 2
except TypeError as e:
    print("TypeError:", e)

print("--- WeakSet")
s1, s2, s3 = Obj(1), Obj(2), Obj(3)
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, Obj(9) in ws, 5 in ws, sorted(o.name for o in ws))
del s2
print("after s2 died:", len(ws), sorted(o.name for o in ws))
ws.discard(s1)
print("discarded:", len(ws))
try:
    ws.remove(s1)
except KeyError:
    print("KeyError on remove")
other = weakref.WeakSet([s1, s3])
print("union:", sorted(o.name for o in ws | other))
print("intersection:", sorted(o.name for o in ws & other))
print("difference:", sorted(o.name for o in other - ws))
print("subset:", ws <= other, ws < other, other >= ws, ws == weakref.WeakSet([s3]))
print("pop:", ws.pop().name, len(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError:", e)
print("copy:", len(other.copy()), type(other.copy()).__name__)
members = [Obj(i) for i in range(5)]
ws = weakref.WeakSet(members)
count = 0
for m in ws:
    count += 1
    if count == 1:
        del members[:]
        m = None
print("iterated:", count >= 1, "left:", len(ws))
import collections.abc
print(isinstance(ws, collections.abc.MutableSet))
print("end")
