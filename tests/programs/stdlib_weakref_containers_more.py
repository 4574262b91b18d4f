import gc
import weakref
import copy

def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        msg = str(e)
        print(label, "!", type(e).__name__, "<address>" if "0x" in msg else msg)

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"
    def method(self):
        return "called " + self.name

# WeakValueDictionary
a, b, c = Obj("a"), Obj("b"), Obj("c")
wvd = weakref.WeakValueDictionary({"a": a, "b": b}, c=c)
print(len(wvd), sorted(wvd), wvd["a"], wvd.get("b"), wvd.get("zz", "dflt"), "c" in wvd, "zz" in wvd)
print(sorted(wvd.keys()), sorted(v.name for v in wvd.values()), sorted((k, v.name) for k, v in wvd.items()))
del b; gc.collect()
print(len(wvd), sorted(wvd), "b" in wvd, wvd.get("b"))
attempt("missing", lambda: wvd["b"])
print(len(wvd.valuerefs()), all(isinstance(r, weakref.ref) for r in wvd.itervaluerefs()), [r.key for r in sorted(wvd.valuerefs(), key=lambda r: r.key)])
print(wvd.setdefault("a", Obj("x")), wvd.pop("c"), len(wvd), wvd.pop("nope", None))
attempt("pop missing", lambda: wvd.pop("nope"))
d = Obj("d")
wvd["d"] = d
del wvd["d"]
attempt("del missing", lambda: wvd.__delitem__("d"))
print(wvd.popitem(), len(wvd))
attempt("popitem empty", lambda: wvd.popitem())
e = Obj("e")
kept = wvd.setdefault("e", e)
print(kept is e, wvd["e"])
cp = wvd.copy(); print(type(cp).__name__, sorted(cp), copy.copy(wvd)["e"], sorted(copy.deepcopy(wvd)))
wvd.update({"f": e}); wvd.update([("g", e)]); wvd.update(h=e)
print(sorted(wvd))
merged = wvd | {"i": e}; print(type(merged).__name__, sorted(merged))
rmerged = {"j": e} | wvd; print(type(rmerged).__name__, sorted(rmerged))
wvd |= {"k": e}; print(sorted(wvd))
attempt("or list", lambda: wvd | [1])
del e, kept, merged, rmerged, cp; gc.collect()
print(len(wvd), sorted(wvd))
# death during iteration
objs = [Obj(str(i)) for i in range(5)]
w2 = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
it = iter(w2.items())
first = next(it)
del objs[:], first
gc.collect()
rest = list(it)
print("during", len(rest) <= 4)
del it, rest; gc.collect()
print("after", len(w2), list(w2))
print(repr(weakref.WeakValueDictionary()).startswith("<WeakValueDictionary at 0x"))

# WeakKeyDictionary
k1, k2 = Obj("k1"), Obj("k2")
wkd = weakref.WeakKeyDictionary({k1: 1})
wkd[k2] = 2
print(len(wkd), wkd[k1], wkd.get(k2), wkd.get(Obj("zz"), "none"), k1 in wkd, Obj("q") in wkd, 5 in wkd)
print(sorted(o.name for o in wkd), sorted(o.name for o in wkd.keys()), sorted(wkd.values()), sorted((k.name, v) for k, v in wkd.items()))
attempt("missing key", lambda: wkd[Obj("missing")])
attempt("bad key", lambda: wkd[5])
del k2; gc.collect()
print(len(wkd), [o.name for o in wkd], len(wkd.keyrefs()))
k3 = Obj("k3")
print(wkd.setdefault(k3, 30), wkd.setdefault(k3, 99), wkd.pop(k3), wkd.pop(k3, "gone"))
attempt("pop missing", lambda: wkd.pop(k3))
wkd[k3] = 3
del wkd[k3]
attempt("del missing", lambda: wkd.__delitem__(k3))
print(wkd.popitem()[1], len(wkd))
attempt("popitem empty", lambda: wkd.popitem())
wkd.update({k3: 33}); wkd.update([(k1, 11)])
print(sorted((k.name, v) for k, v in wkd.items()), type(wkd.copy()).__name__, len(copy.deepcopy(wkd)))
m = wkd | {k1: 0}; print(type(m).__name__, sorted(m.values()))
rm = {k1: 0} | wkd; print(type(rm).__name__, sorted(rm.values()))
wkd |= {k1: 100}; print(sorted(wkd.values()))
del m, rm
print(repr(weakref.WeakKeyDictionary()).startswith("<WeakKeyDictionary at 0x"))

# WeakSet
s1, s2, s3 = Obj("s1"), Obj("s2"), Obj("s3")
ws = weakref.WeakSet([s1, s2])
print(len(ws), s1 in ws, s3 in ws, 5 in ws, sorted(o.name for o in ws))
ws.add(s3); ws.discard(s1); ws.discard(Obj("never"))
attempt("remove missing", lambda: ws.remove(Obj("never")))
print(sorted(o.name for o in ws))
del s3; gc.collect(); print(len(ws), sorted(o.name for o in ws))
other = weakref.WeakSet([s1, s2])
print(ws == other, ws == weakref.WeakSet([s2]), ws == {s2}, ws <= other, ws < other, other >= ws, other > ws, ws.issubset([s2, s1]), other.issuperset([s1]))
print(sorted(o.name for o in ws | other), sorted(o.name for o in other - ws), sorted(o.name for o in other & ws), sorted(o.name for o in other ^ ws))
print(sorted(o.name for o in ws.union([s1])), sorted(o.name for o in other.difference([s1])), sorted(o.name for o in other.intersection([s1])), sorted(o.name for o in other.symmetric_difference([s1])))
print(ws.isdisjoint([s1]), other.isdisjoint(ws))
cp = other.copy(); cp.difference_update([s1]); print(sorted(o.name for o in cp))
cp.update([s1]); cp.intersection_update([s1]); print(sorted(o.name for o in cp))
cp.symmetric_difference_update([s1, s2]); print(sorted(o.name for o in cp))
cp |= [s1]; cp -= [s2]; print(sorted(o.name for o in cp)); cp &= [s1]; cp ^= [s2]; print(sorted(o.name for o in cp))
cp -= cp; print(len(cp)); cp.update([s1]); cp ^= cp; print(len(cp))
print(other.pop() in (s1, s2), len(other)); other.clear(); print(len(other))
attempt("pop empty", lambda: weakref.WeakSet().pop())
attempt("add unweakable", lambda: weakref.WeakSet().add(5))
print(weakref.WeakSet[int], type(copy.copy(ws)).__name__, len(copy.deepcopy(ws)) >= 0)
print(isinstance(ws, __import__("collections.abc").abc.MutableSet))

# WeakMethod
o = Obj("m")
wm = weakref.WeakMethod(o.method)
print(wm()(), wm() == o.method, wm == weakref.WeakMethod(o.method), wm != weakref.WeakMethod(o.method), hash(wm) == hash(weakref.WeakMethod(o.method)))
attempt("not bound", lambda: weakref.WeakMethod(len))
attempt("not bound2", lambda: weakref.WeakMethod(Obj.method))
events = []
wm2 = weakref.WeakMethod(o.method, lambda r: events.append(r is wm2))
del o; gc.collect()
print(wm(), wm2(), events, wm == wm2, wm == wm)
print(isinstance(wm, weakref.ref), weakref.WeakMethod.__mro__[1] is weakref.ref)

# finalize
log = []
def report(*args, **kwargs):
    log.append((args, kwargs))
    return "result"
t = Obj("t")
f = weakref.finalize(t, report, 1, 2, key="v")
print(f.alive, f.atexit, f.peek()[1:] == (report, (1, 2), {"key": "v"}), f.peek()[0] is t)
f.atexit = False; print(f.atexit); f.atexit = True
print(f(), f(), f.alive, f.peek(), f.detach(), log)
g = weakref.finalize(t, report, "g")
print(g.detach()[1:] == (report, ("g",), {}), g.alive, g(), g.detach())
h = weakref.finalize(t, report, "h")
del t; gc.collect()
print(h.alive, log[-1])
u = Obj("u")
k = weakref.finalize(u, report)
print(repr(k).startswith("<finalize object at 0x"), "; for 'Obj' at 0x" in repr(k))
k()
print(repr(k).endswith("; dead>"), k.atexit)
attempt("finalize kw func", lambda: weakref.finalize(u, func=report))
z = weakref.finalize(u, print, "finalizer at exit ran")
z2 = weakref.finalize(u, print, "second registered runs first")
z3 = weakref.finalize(u, print, "never at exit")
z3.atexit = False

print(weakref.getweakrefcount(u), len(weakref.getweakrefs(u)))
p = weakref.proxy(u)
print(p.name, type(p) is weakref.ProxyType, weakref.ProxyTypes, weakref.CallableProxyType.__name__, weakref.ReferenceType is weakref.ref)
print(sorted(weakref.__all__))
print(weakref.KeyedRef(u, None, "kk").key, weakref.KeyedRef.__mro__[1] is weakref.ref)
print("end of program")
