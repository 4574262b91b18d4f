# Data model: item access, membership, iteration, unpacking, __missing__, __reversed__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class Box:
    def __init__(self): self.d = {}; self.log = []
    def __getitem__(self, k): self.log.append(("get", k)); return self.d[repr(k)]
    def __setitem__(self, k, v): self.log.append(("set", k)); self.d[repr(k)] = v
    def __delitem__(self, k): self.log.append(("del", k)); del self.d[repr(k)]
b = Box()
b["a"] = 1; b[1, 2] = "t"; b[1:3] = "s"
print("1 get", b["a"], b[1, 2], b[1:3])
del b["a"]
print("1 log", b.log)
show("1 missing key", lambda: b["zz"])
b2 = Box(); b2[0] = 5; b2[0] += 10
print("1 augmented item", b2.d, b2.log)
class RO:
    def __getitem__(self, k): return k
show("1 setitem unsupported", lambda: RO().__class__.__setitem__)
def set_ro(): RO()[0] = 1
def del_ro(): del RO()[0]
show("1 setitem err", set_ro)
show("1 delitem err", del_ro)
show("1 getitem err", lambda: object()[0])
five = 5; none = None
show("1 int subscript", lambda: five[0])
show("1 None subscript", lambda: none[0])
print("1 slice obj", RO()[1:2], RO()[::2], RO()[1:2, 3], RO()[...])

# __contains__ and fallbacks
class Cont:
    def __contains__(self, x): return x == 3
class ContTruthy:
    def __contains__(self, x): return "yes"
class IterOnly:
    def __init__(self): self.seen = []
    def __iter__(self):
        for i in range(5):
            self.seen.append(i)
            yield i
class GetItemOnly:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * 10
print("2 contains", 3 in Cont(), 4 in Cont(), 4 not in Cont())
print("2 contains truthy->bool", 1 in ContTruthy())
it = IterOnly()
print("2 via iter", 2 in it, it.seen, 9 in IterOnly())
print("2 via getitem", 20 in GetItemOnly(), 25 in GetItemOnly(), 30 not in GetItemOnly())
show("2 no container", lambda: 1 in object())
show("2 in int", lambda: 1 in 5)
show("2 str in str", lambda: 1 in "abc")
class ContList(list):
    def __contains__(self, x): return x == "magic"
class ContDict(dict):
    def __contains__(self, k): return k == "virtual"
class ContStr(str):
    def __contains__(self, x): return True
class ContSet(set):
    def __contains__(self, x): return not set.__contains__(self, x)
print("2 list sub", "magic" in ContList(), 1 in ContList([1]))
print("2 dict sub", "virtual" in ContDict(), "a" in ContDict(a=1), list(ContDict(a=1)))
print("2 str sub", "zz" in ContStr("a"), 5 in ContStr(""))
print("2 set sub", 1 in ContSet({1}), 2 in ContSet({1}))
Late = type("Late", (), {})
show("2 late before", lambda: 1 in Late())
Late.__contains__ = lambda s, x: x > 0
show("2 late", lambda: 1 in Late())
Late.__iter__ = lambda s: iter([-5])
del Late.__contains__
show("2 late fallback iter", lambda: -5 in Late())

# iterators
class Count:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print("3 for", [x for x in Count(3)], list(Count(4)), tuple(Count(2)), sum(Count(4)))
print("3 sorted/min/max", sorted(Count(3), reverse=True), min(Count(3)), max(Count(3)))
print("3 enumerate/zip", list(enumerate(Count(2))), list(zip(Count(3), "ab")))
print("3 set/dict", sorted(set(Count(3))), dict.fromkeys(Count(2)), "-".join(map(str, Count(3))))
c = Count(5); print("3 next", next(c), next(c), list(c), next(c, "done"))
show("3 next exhausted", lambda: next(Count(0)))
g = iter(GetItemOnly())
print("3 iter getitem", type(g).__name__, next(g), list(g))
li = iter([1, 2])
print("3 builtin iters", li.__next__(), next(li), next(li, "end"), type(li).__name__)
print("3 iter names", type(iter(())).__name__, type(iter({})).__name__,
      type(iter(set())).__name__, type(iter(range(1))).__name__, type(iter({}.items())).__name__)
print("3 iter(iter) is same", iter(li) is li, iter(c) is c)
show("3 iter(int)", lambda: iter(5))
show("3 iter(Plain)", lambda: iter(object()))
show("3 next(list)", lambda: next([1]))
class BadIter:
    def __iter__(self): return 5
show("3 iter non-iterator", lambda: iter(BadIter()))
show("3 for non-iterator", lambda: [x for x in BadIter()])
class NoNext:
    def __iter__(self): return self
show("3 iter no next", lambda: iter(NoNext()))
class IterNone:
    __iter__ = None
    def __getitem__(self, i): return i
show("3 __iter__ None", lambda: iter(IterNone()))
def callable_iter():
    n = [0]
    def f():
        n[0] += 1
        return n[0]
    return list(iter(f, 4))
print("3 iter(callable, sentinel)", callable_iter())

# subclasses overriding __iter__
class RevList(list):
    def __iter__(self): return iter(list.__getitem__(self, slice(None, None, -1)))
r = RevList([1, 2, 3])
print("4 for", [x for x in r])
print("4 list()", list(r), tuple(r), sorted(r, key=lambda v: 0), sum(r * 1))
a, b, c_ = r
print("4 unpack", a, b, c_)
a, *rest = r
print("4 star unpack", a, rest)
print("4 call star", (lambda *args: args)(*r), [*r], (*r,), {*r} == {1, 2, 3})
print("4 in", 2 in r, "contains is list's")
print("4 enumerate", list(enumerate(r)), list(map(str, r)), list(zip(r, r)))
print("4 str.join", "".join(RevListS for RevListS in map(str, r)), ",".join(type("SL", (list,), {"__iter__": lambda s: iter(["x", "y"])})(["a"])))
print("4 min/max/any", min(r), max(r), list(filter(None, r)))
print("4 repr/len/index unaffected", r, len(r), r[0], r == [1, 2, 3])
print("4 list.extend", (lambda t: (t.extend(r), t)[1])([0]), [0] + list(r))
class RevTuple(tuple):
    def __iter__(self): return iter(("t1", "t2"))
t = RevTuple((1, 2))
x, y = t
print("4 tuple sub", x, y, list(t), [*t], (lambda *a: a)(*t), t, t[0])
class KeysDict(dict):
    def __iter__(self): return iter(["fake"])
kd = KeysDict(a=1)
print("4 dict sub iter", list(kd), [k for k in kd], list(kd.keys()), dict(kd), {**kd})
class SIter(str):
    def __iter__(self): return iter(["S"])
print("4 str sub iter", list(SIter("ab")), [*SIter("ab")], "".join(SIter("ab")))
class SetIter(set):
    def __iter__(self): return iter([3, 1])
print("4 set sub iter", list(SetIter({1})), sorted(SetIter({1})))

# unpacking user iterables and errors
class Two:
    def __iter__(self): return iter(["p", "q"])
p, q = Two()
print("5 unpack", p, q, [*Two(), *Two()], {k: 0 for k in Two()})
f, *m, l = Count(5)
print("5 star middle", f, m, l)
def unp2(): a, b = Count(3); return a
def unp3(): a, b, c = Count(2); return a
def unp4(): a, *b, c = Count(1); return a
def unp5(): a, b = 5; return a
show("5 too many", unp2)
show("5 too few", unp3)
show("5 star too few", unp4)
show("5 non iterable", unp5)
show("5 star call non-iterable", lambda: print(*5))
show("5 star call Plain", lambda: print(*object()))
show("5 list display", lambda: [*None])
for (i, j) in [Two()]: print("5 for-target unpack", i, j)

# __missing__
class DefaultD(dict):
    def __missing__(self, k): return "missing:" + str(k)
dd = DefaultD(a=1)
print("6 missing", dd["a"], dd["b"], dd.get("b"), "b" in dd, len(dd))
class Counter(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
cn = Counter()
for ch in "abcab": cn[ch] += 1
print("6 counter", sorted(cn.items()))
class RaiseMissing(dict):
    def __missing__(self, k): raise KeyError("custom " + k)
show("6 missing raises", lambda: RaiseMissing()["x"])
class NotDict:
    def __missing__(self, k): return 1
show("6 missing on non-dict ignored", lambda: NotDict()["x"])
DM = type("DM", (dict,), {})
DM.__missing__ = lambda s, k: k * 2
print("6 late missing", DM()[21])
del DM.__missing__
show("6 missing deleted", lambda: DM()[21])

# dict subclass overriding getitem / setitem / len
class UpperDict(dict):
    def __getitem__(self, k): return dict.__getitem__(self, k.upper())
    def __setitem__(self, k, v): dict.__setitem__(self, k.upper(), v)
    def __len__(self): return 100
ud = UpperDict()
ud["a"] = 1
print("7 dict sub", ud["a"], ud["A"], dict(ud), len(ud), ud.get("a"), list(ud))
ud2 = UpperDict(b=2)
print("7 init bypasses setitem", list(ud2), ud2.get("b"))
ud2.update(c=3); ud2.setdefault("d", 4)
print("7 update bypasses setitem", sorted(ud2))

# __reversed__ and reversed() via __len__/__getitem__
class Rv:
    def __reversed__(self): return iter("zyx")
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return "s%d" % i
print("8 reversed", list(reversed(Rv())), list(reversed(Seq())), list(reversed([1, 2])))
print("8 reversed names", type(reversed(Seq())).__name__, type(reversed([])).__name__, type(reversed(range(2))).__name__)
show("8 reversed no len", lambda: reversed(GetItemOnly()))
show("8 reversed Plain", lambda: reversed(object()))
show("8 reversed set", lambda: reversed({1}))
class RvList(list):
    def __reversed__(self): return iter(["R"])
print("8 list sub reversed", list(reversed(RvList([1, 2]))))
class LenList(list):
    def __len__(self): return 1
print("8 list sub len not used by reversed", list(reversed(LenList([1, 2]))))
class RvNone:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
show("8 __reversed__ None", lambda: reversed(RvNone()))
