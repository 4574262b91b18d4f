# Subclasses of list, tuple, dict and str that iterate differently, seen
# by every consumer of iterables and mappings; user mappings with keys().

class L(list):
    def __iter__(self): return iter(["x", "y"])
    def __len__(self): return 7
    def __getitem__(self, i): return "item%s" % (i,)
    def __contains__(self, v): return v == "magic"
l = L([1, 2])
out = []
out.append(list(l)); out.append(tuple(l)); out.append(set(l) == {"x", "y"})
a = []; a.extend(l); out.append(a)
out.append(sum(1 for _ in l)); out.append(min(l)); out.append(max(l))
out.append(dict.fromkeys(l)); out.append(sorted(l)); out.append(list(reversed(l)))
out.append(len(l)); out.append(l[0]); out.append("magic" in l); out.append(1 in l)
out.append(list(enumerate(l))); out.append(list(zip(l, l))); out.append(list(map(str, l)))
out.append(any(l)); out.append(",".join(l)); out.append([*l]); out.append((lambda *a: a)(*l))
s = set(); s.update(l); out.append(sorted(s))
d = {}; d.update(zip(l, l)); out.append(d)
out.append(bool(l)); out.append(l == [1, 2]); out.append(repr(l)); out.append(str(l))
out.append(list(l.__iter__())); out.append(list.__len__(l)); out.append(list(iter(l)))
class T(tuple):
    def __iter__(self): return iter("ab")
t = T((1, 2))
out.append(list(t)); out.append(t + (3,)); out.append(len(t)); out.append([*t]); out.append(tuple(t))
x, y = t; out.append((x, y))
class D(dict):
    def __iter__(self): return iter(["k"])
    def keys(self): return ["k"]
    def __getitem__(self, k): return "v" + k
dd = D(a=1)
e = {}; e.update(dd); out.append(e)
class S(str):
    def __iter__(self): return iter("XY")
ss = S("ab")
out.append(list(ss)); out.append("".join(ss)); out.append(set(ss) == {"X", "Y"}); out.append(ss.upper())
for o in out: print(o)

class M:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k * 2
def f(**kw): return kw
print({**M()}, f(**M()), dict(M()), dict(M(), c=1))
d = {}; d.update(M()); print(d)
try:
    {**5}
except TypeError as e: print(e)
try:
    f(**5)
except TypeError as e: print(e)

def f(*a, **k): pass
try:
    f(1, *[2], **5)
except TypeError as e: print(e)
try:
    f(**{"a": 1}, **5)
except TypeError as e: print(e)
