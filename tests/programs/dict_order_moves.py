# OrderedDict moves to either end, reversed() of dicts and their views, and
# frozenset hashes (kept once worked out): order, errors and hashes as CPython's.
from collections import OrderedDict
od = OrderedDict((i, str(i)) for i in range(20))
od.move_to_end(3)
od.move_to_end(5, last=False)
od.move_to_end(5, last=False)
od.move_to_end(19, last=False)
od.move_to_end(0)
print(list(od))
print(od.popitem(), od.popitem(last=False), list(od.items())[:3])
try:
    od.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)
d = {i: i for i in range(30)}
for i in range(0, 30, 3):
    del d[i]
print(list(reversed(d)), list(reversed(d.values()))[:5], list(reversed(d.items()))[:3])
r = reversed(d)
print(r.__length_hint__(), next(r), r.__length_hint__(), type(r).__name__)
d[100] = 1
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError again", e)
r = reversed({})
print(list(r), list(r))
e = {}
r = reversed(e)
e[1] = 2
try:
    print(next(r))
except RuntimeError as x:
    print("RuntimeError", x)
r = reversed({1: 2})
print(list(r))
big = OrderedDict((i, i) for i in range(10000))
for i in range(20000):
    big.move_to_end(i % 10000, last=(i % 3 == 0))
for i in range(2000):
    k, v = big.popitem(last=i % 2 == 0)
    big[k] = v
print(len(big), list(big)[:5], list(big)[-5:], sum(big))
small = OrderedDict.fromkeys("abcdef")
small.move_to_end("d", last=False); small.move_to_end("a")
print("".join(small), "".join(reversed(small)))
# Keys whose equality runs Python code.
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return self.n % 3
    def __eq__(self, o): return isinstance(o, K) and o.n == self.n
    def __repr__(self): return "K%d" % self.n
kd = OrderedDict((K(i), i) for i in range(12))
kd.move_to_end(K(4), last=False)
kd.move_to_end(K(0))
print(list(kd))

a = frozenset(range(100))
b = frozenset(range(100))
print(hash(a) == hash(b), hash(a) == hash(frozenset(list(range(99, -1, -1)))), a == b)
d = {a: 1}
print(d[b], b in d, frozenset(range(101)) in d)
for i in range(1000):
    f = frozenset(range(i, i + 20))
    d[f] = i
print(len(d), d[frozenset(range(500, 520))], hash(frozenset()) == hash(frozenset([])))
del d
s = {frozenset("abc"), frozenset("abc" * 20), frozenset(range(50))}
print(len(s), frozenset(range(50)) in s, hash(frozenset(range(50))) == hash(frozenset(set(range(50)))))
class F(frozenset): pass
print(hash(F(range(30))) == hash(frozenset(range(30))), {F(range(30)): 2}[frozenset(range(30))])
# A frozenset made where a hashed one was freed has its own hash.
hashes = set()
for i in range(300):
    f = frozenset(range(i, i + 40))
    hashes.add(hash(f) == hash(frozenset(list(range(i, i + 40)))))
    del f
print(hashes)
# popitem from either end, down to empty, and on a subclass.
od = OrderedDict.fromkeys("abcdefghij", 0)
od.move_to_end("e", last=False)
print([od.popitem(last=i % 3 == 0) for i in range(10)])
try:
    od.popitem(last=False)
except KeyError as e:
    print("KeyError", e)
class Tracked(OrderedDict):
    pass
t = Tracked((i, i * i) for i in range(40))
print(t.popitem(), t.popitem(False), t.popitem(last=False), len(t), next(iter(t)), next(reversed(t)))
for i in range(30):
    t.popitem(last=False)
print(list(t.items()), t)
