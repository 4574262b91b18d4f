# Data model: __bool__, __len__, __hash__, __index__, __int__, __float__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class Tr:
    def __init__(self, b): self.b = b
    def __bool__(self): return self.b
    def __repr__(self): return "Tr(%r)" % (self.b,)
class Ln:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __repr__(self): return "Ln(%r)" % (self.n,)
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
class Plain: pass

print("1 bool()", bool(Tr(True)), bool(Tr(False)), bool(Ln(0)), bool(Ln(2)), bool(Both()), bool(Plain()))
print("1 not", not Tr(False), not Ln(3), not Plain())
print("1 if", "yes" if Tr(False) else "no", "yes" if Ln(1) else "no")
print("1 and/or", Tr(False) or "alt", Tr(True) and "second", Ln(0) and "x", Ln(0) or Ln(5))
print("1 filter", list(filter(None, [Tr(True), Tr(False), Ln(0), Ln(1), 0, 1])))
print("1 any/all", any([Tr(False), Ln(0)]), any([Ln(0), Tr(True)]), all([Tr(True), Ln(1)]), all([Ln(1), Ln(0)]))
class Countdown:
    def __init__(self, n): self.n = n
    def __bool__(self):
        self.n -= 1
        return self.n >= 0
c = Countdown(3); loops = 0
while c:
    loops += 1
print("1 while", loops)
c = Countdown(2); out = []
while not (not c):
    out.append(c.n)
print("1 while not not", out)
print("1 assert ok", end=" ")
assert Tr(True), "never"
print("passed")
try:
    assert Ln(0), "len zero"
except AssertionError as e:
    print("1 assert", type(e).__name__, e)
print("1 ternary chain", [x for x in [Tr(True), Tr(False), Ln(4)] if x])

show("2 bool returns int", lambda: bool(type("BI", (), {"__bool__": lambda s: 1})()))
show("2 not with bad bool", lambda: not type("BS", (), {"__bool__": lambda s: "s"})())
show("2 len negative", lambda: len(Ln(-1)))
show("2 bool len negative", lambda: bool(Ln(-1)))
show("2 len str", lambda: len(Ln("3")))
show("2 len float", lambda: len(Ln(2.0)))
show("2 len bool", lambda: len(Ln(True)))
show("2 len huge", lambda: len(Ln(2 ** 70)))
show("2 len no __len__", lambda: len(Plain()))
show("2 len int", lambda: len(5))
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
show("2 len returns __index__", lambda: len(Ln(Idx(4))))
show("2 bool None", lambda: bool(type("BN", (), {"__bool__": lambda s: None})()))

# builtin subclasses
class LenList(list):
    def __len__(self): return 42
class FalseList(list):
    def __bool__(self): return False
class EmptyStr(str):
    def __len__(self): return 0
class ZInt(int):
    def __bool__(self): return True
class LenDict(dict):
    def __len__(self): return 0
class LenTuple(tuple):
    def __len__(self): return 7
class LenSet(set):
    def __bool__(self): return False
print("3 list sub", len(LenList([1])), bool(LenList()), bool(FalseList([1])), not FalseList([1]))
print("3 list sub iter unaffected", list(LenList([1, 2])), LenList([1, 2]) == [1, 2])
print("3 str sub", len(EmptyStr("abc")), bool(EmptyStr("abc")), "abc" == EmptyStr("abc"))
print("3 int sub", bool(ZInt(0)), not ZInt(0), "t" if ZInt(0) else "f", ZInt(0) == 0)
print("3 dict sub", len(LenDict(a=1)), bool(LenDict(a=1)), "x" if LenDict(a=1) else "y")
print("3 tuple sub", len(LenTuple((1,))), bool(LenTuple()), list(LenTuple((1, 2))))
print("3 set sub", bool(LenSet({1})), len(LenSet({1})), any([LenSet({1})]))
print("3 filter subs", len(list(filter(None, [FalseList([1]), ZInt(0), LenDict(a=1), EmptyStr("q")]))))

# late assignment / replacement / deletion
class D: pass
print("4 before", bool(D()))
D.__len__ = lambda s: 0
print("4 len assigned", bool(D()), len(D()))
D.__bool__ = lambda s: True
print("4 bool assigned", bool(D()), len(D()))
D.__len__ = lambda s: 3
print("4 len replaced", len(D()))
del D.__bool__
print("4 bool deleted", bool(D()))
del D.__len__
print("4 len deleted", bool(D()))
show("4 len() after delete", lambda: len(D()))
class DL(list): pass
DL.__len__ = lambda s: 99
print("4 list sub late", len(DL()), bool(DL()))
del DL.__len__
print("4 list sub del", len(DL()), bool(DL()))

# __hash__
class H:
    def __init__(self, k): self.k = k
    def __hash__(self): return self.k
    def __eq__(self, o): return isinstance(o, H) and self.k == o.k
    def __repr__(self): return "H(%r)" % (self.k,)
print("5 hash", hash(H(7)), hash(H(-1)), hash(H(2 ** 70)) == hash(2 ** 70))
d = {H(1): "a", H(2): "b"}
print("5 dict lookup", d[H(1)], H(2) in d, H(3) in d)
print("5 set dedup", len({H(1), H(1), H(2)}), sorted(h.k for h in {H(5), H(5)}))
class EqOnly:
    def __eq__(self, o): return True
show("5 eq only unhashable", lambda: hash(EqOnly()))
show("5 eq only in set", lambda: {EqOnly()})
show("5 eq only dict key", lambda: {EqOnly(): 1})
print("5 EqOnly.__hash__", EqOnly.__hash__)
class NoHash:
    __hash__ = None
show("5 __hash__ None", lambda: hash(NoHash()))
show("5 list key", lambda: {[1]: 2})
show("5 dict in set", lambda: {1, {}})
show("5 hash(list)", lambda: hash([]))
show("5 set in set", lambda: {frozenset([1]), {2}})
show("5 tuple with list", lambda: hash((1, [2])))
show("5 dict.get list", lambda: {}.get([]))
show("5 in dict list", lambda: [] in {})
show("5 hash returns str", lambda: hash(type("HS", (), {"__hash__": lambda s: "x"})()))
show("5 hash returns float", lambda: hash(type("HF", (), {"__hash__": lambda s: 1.5})()))
class BoolHash:
    def __hash__(self): return True
print("5 hash returns bool", hash(BoolHash()))
class EqAndHashBase:
    def __eq__(self, o): return True
    def __hash__(self): return 5
class Inherits(EqAndHashBase):
    pass
class ReEq(EqAndHashBase):
    def __eq__(self, o): return False
print("5 inherited hash", hash(Inherits()))
show("5 redefined eq kills hash", lambda: hash(ReEq()))
print("5 plain hashable", type(hash(Plain())).__name__, (lambda p: hash(p) == hash(p))(Plain()))
class HStr(str):
    def __hash__(self): return 12345
    def __eq__(self, o): return str.__eq__(self, o)
print("5 str sub hash", hash(HStr("a")), {HStr("a"): 1}[HStr("a")], {HStr("a"): 1}.get("a"), HStr("b") in {HStr("b"): 0})
class EqStr(str):
    def __eq__(self, o): return True
show("5 str sub eq only unhashable", lambda: hash(EqStr("a")))
class HInt(int):
    def __hash__(self): return 99
print("5 int sub hash", hash(HInt(1)), {HInt(1): "x"}.get(1), 99 in {HInt(1)}, HInt(1) in {HInt(5): 0})
class HTuple(tuple):
    def __hash__(self): return 3
print("5 tuple sub hash", hash(HTuple((1, 2))), hash((HInt(1),)) == hash((99,)))
class HList(list):
    def __hash__(self): return 8
print("5 list sub hashable", hash(HList()), {HList([1]): 1}[HList([1])])
class HashLate: pass
h1 = HashLate()
HashLate.__hash__ = lambda s: 77
print("5 hash late", hash(h1), hash(HashLate()))
HashLate.__hash__ = None
show("5 hash set None late", lambda: hash(h1))
del HashLate.__hash__
print("5 hash deleted restores object hash", hash(h1) == hash(h1))
HashLate.__eq__ = lambda s, o: True
print("5 eq assigned late keeps hash", hash(h1) == hash(h1))

# __index__
class X:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
L = [10, 20, 30, 40, 50]
print("6 index", L[X(1)], L[X(-1)], "abcdef"[X(2)], (1, 2, 3)[X(0)])
print("6 slice", L[X(1):X(3)], L[:X(2)], L[::X(2)], "abcdef"[X(1):X(5):X(2)])
print("6 range", list(range(X(3))), list(range(X(1), X(7), X(2))), range(10)[X(4)])
print("6 hex/bin/oct", hex(X(255)), bin(X(5)), oct(X(8)))
print("6 repeat", [0] * X(3), "ab" * X(2), X(2) * (1,))
print("6 int()", int(X(9)))
m = [1, 2, 3]; m[X(0)] = 9; del m[X(1)]
print("6 setitem/delitem", m)
print("6 list.insert/pop", (lambda a: (a.insert(X(0), 0), a.pop(X(1)), a)[2])([5, 6]))
print("6 bool index", L[True], L[False])
show("6 index returns str", lambda: L[X("1")])
show("6 index float", lambda: L[1.0])
show("6 no index", lambda: L[Plain()])
sk = "a"
show("6 str index", lambda: "abc"[sk])
show("6 hex float", lambda: hex(1.5))
show("6 range float", lambda: range(2.5))
show("6 out of range", lambda: L[X(10)])
class IdxInt(int):
    def __index__(self): return 2
print("6 int sub index", L[IdxInt(0)], hex(IdxInt(10)), list(range(IdxInt(1))))

# __int__ / __float__
class N:
    def __int__(self): return 42
    def __float__(self): return 2.5
print("7 int/float", int(N()), float(N()))
class OnlyIndex:
    def __index__(self): return 7
print("7 int via index", int(OnlyIndex()), float(OnlyIndex()))
show("7 int returns str", lambda: int(type("IS", (), {"__int__": lambda s: "3"})()))
show("7 float returns int", lambda: float(type("FI", (), {"__float__": lambda s: 3})()))
show("7 int(Plain)", lambda: int(Plain()))
show("7 float(Plain)", lambda: float(Plain()))
show("7 int('x')", lambda: int("x"))
show("7 float('x')", lambda: float("x"))
class FS(float):
    def __int__(self): return 1000
print("7 float sub", int(FS(2.5)), float(FS(2.5)), type(float(FS(2.5))).__name__)
class IS(int):
    def __float__(self): return 0.5
print("7 int sub", float(IS(3)), int(IS(3)), type(int(IS(3))).__name__)
class NLate: pass
NLate.__int__ = lambda s: 5
NLate.__index__ = lambda s: 1
print("7 late", int(NLate()), [7, 8][NLate()])
del NLate.__index__
show("7 index deleted", lambda: [7, 8][NLate()])
