# Data model: rich comparisons.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

log = []
class P:
    def __init__(self, v): self.v = v
    def __repr__(self): return "P(%r)" % (self.v,)
    def __eq__(self, o):
        log.append("eq")
        return isinstance(o, P) and self.v == o.v
    def __lt__(self, o):
        log.append("lt")
        if not isinstance(o, P): return NotImplemented
        return self.v < o.v
    def __le__(self, o): return "le(%r,%r)" % (self.v, o.v if isinstance(o, P) else o)
    def __gt__(self, o):
        if not isinstance(o, P): return NotImplemented
        return self.v > o.v
    def __ge__(self, o): return NotImplemented

print("1 eq", P(1) == P(1), P(1) == P(2), P(1) == 1)
print("1 ne default inverts eq", P(1) != P(1), P(1) != P(2))
print("1 lt", P(1) < P(2), P(2) < P(1))
print("1 le", P(1) <= P(2))
print("1 gt", P(3) > P(2))
show("1 ge NotImpl both -> reflect le", lambda: P(1) >= P(2))
show("1 P < 1", lambda: P(1) < 1)
show("1 1 < P reflect gt", lambda: 1 < P(2))
show("1 1 > P reflect lt", lambda: 1 > P(2))
show("1 1 >= P reflect le", lambda: 1 >= P(2))
show("1 P <= 1", lambda: P(1) <= 1)
log.clear()
print("1 ne calls eq", P(1) != P(2), log)

class A: pass
class B: pass
show("2 A<B", lambda: A() < B())
show("2 A<=B", lambda: A() <= B())
show("2 A>B", lambda: A() > B())
show("2 A>=A", lambda: A() >= A())
show("2 int<str", lambda: 1 < "x")
show("2 str>=None", lambda: "x" >= None)
show("2 list<tuple", lambda: [1] < (1,))
show("2 P<A", lambda: P(1) < A())
a = A()
print("2 identity eq", a == a, a == A(), a != a, a != A())
print("2 A == int", A() == 1, 1 == A(), A() != 1)

# reflection rules
class L:
    def __eq__(self, o): return "L.eq"
    def __lt__(self, o): return "L.lt"
    def __gt__(self, o): return "L.gt"
class LSub(L):
    def __eq__(self, o): return "LSub.eq"
    def __gt__(self, o): return "LSub.gt"
    def __lt__(self, o): return "LSub.lt"
class LSub2(L):
    pass
print("3 L == LSub", L() == LSub())
print("3 L < LSub (reflected gt first)", L() < LSub())
print("3 L > LSub", L() > LSub())
print("3 LSub < L", LSub() < L())
print("3 L < LSub2", L() < LSub2())
print("3 1 == L", 1 == L(), "x" < L(), None == L())
print("3 1 != L", 1 != L())

class OnlyNe:
    def __ne__(self, o): return "custom ne"
print("3 ne only", OnlyNe() != 1, OnlyNe() == OnlyNe(), 1 != OnlyNe())

class EqStr:
    def __eq__(self, o): return "truthy"
print("3 ne from non-bool eq", EqStr() != 1)
class EqEmpty:
    def __eq__(self, o): return ""
print("3 ne from falsy eq", EqEmpty() != 1)

# comparisons in tuples / lists
class K:
    def __init__(self, v): self.v = v
    def __repr__(self): return "K(%r)" % (self.v,)
    def __eq__(self, o): return isinstance(o, K) and self.v % 10 == o.v % 10
    def __lt__(self, o): return self.v % 10 < o.v % 10
    __hash__ = None
print("4 tuple eq", (1, K(3)) == (1, K(13)), (1, K(3)) == (1, K(4)))
print("4 list eq", [K(1), K(2)] == [K(11), K(22)], [K(1)] != [K(11)])
print("4 tuple lt", (1, K(5)) < (1, K(13)), (1, K(5)) < (1, K(16)))
print("4 list lt", [K(1), K(9)] < [K(1), K(2)], [K(3)] < [K(13), 0])
print("4 in list", K(21) in [K(1)], K(22) in [K(1)])
print("4 list.index", [K(5), K(7)].index(K(17)), [K(5), K(7), K(17)].count(K(7)))
nan = float("nan")
print("4 nan identity", [nan] == [nan], nan == nan, nan in [nan])
show("4 tuple lt error", lambda: (1, A()) < (1, A()))
show("4 tuple lt short", lambda: (1, A()) < (2, A()))

# sorted/min/max/sort using __lt__
ks = [K(13), K(1), K(25), K(9), K(12)]
print("5 sorted", sorted(ks))
print("5 sorted rev", sorted(ks, reverse=True))
print("5 min max", min(ks), max(ks))
ks2 = list(ks); ks2.sort(); print("5 sort", ks2)
print("5 sorted key", sorted([3, 1, 2], key=lambda v: K(10 - v)))
class OnlyGt:
    def __init__(self, v): self.v = v
    def __repr__(self): return "G%d" % self.v
    def __gt__(self, o): return self.v > o.v
print("5 sorted via reflected gt", sorted([OnlyGt(3), OnlyGt(1), OnlyGt(2)]))
print("5 max via gt", max([OnlyGt(3), OnlyGt(5), OnlyGt(2)]), min([OnlyGt(3), OnlyGt(5), OnlyGt(2)]))
show("5 sorted unorderable", lambda: sorted([A(), A()]))
show("5 min unorderable", lambda: min(A(), A()))
show("5 sorted mixed", lambda: sorted([1, "a"]))
calls = []
class Counted:
    def __init__(self, v): self.v = v
    def __lt__(self, o): calls.append("lt"); return self.v < o.v
print("5 sort uses lt only", [c.v for c in sorted([Counted(2), Counted(1)])], set(calls))

# builtin subclasses overriding comparisons
class CI(str):
    def __eq__(self, o): return str.lower(self) == str.lower(o)
    def __lt__(self, o): return str.lower(self) < str.lower(o)
    def __hash__(self): return hash(str.lower(self))
print("6 CI eq", CI("AbC") == "abc", "abc" == CI("ABC"), CI("a") != "A")
print("6 CI in list", "ABC" in [CI("abc")], CI("ABC") in ["abc"])
print("6 CI dict key", {CI("Key"): 1}.get(CI("KEY")), CI("KEY") in {CI("key")})
print("6 CI sorted", sorted([CI("b"), CI("A"), CI("c")]))
class RevInt(int):
    def __lt__(self, o): return int(self) > int(o)
    def __gt__(self, o): return int(self) < int(o)
print("6 RevInt", RevInt(1) < RevInt(2), RevInt(1) < 2, 1 < RevInt(2), sorted([RevInt(1), RevInt(3), RevInt(2)]))
print("6 RevInt max", max(RevInt(1), RevInt(3)), min([RevInt(1), RevInt(3)]))
class AlwaysEqList(list):
    def __eq__(self, o): return True
    def __ne__(self, o): return False
print("6 list sub eq", AlwaysEqList([1]) == [2], [2] == AlwaysEqList([1]), [2] != AlwaysEqList([1]))
class TupLt(tuple):
    def __lt__(self, o): return "TupLt.lt"
    def __gt__(self, o): return "TupLt.gt"
print("6 tuple sub", TupLt((1,)) < (0,), (0,) < TupLt((1,)), (0,) > TupLt((1,)))
class FEq(float):
    def __eq__(self, o): return "FEq.eq"
    def __le__(self, o): return "FEq.le"
print("6 float sub", FEq(1) == 1.0, 1.0 == FEq(1), 1 >= FEq(1), FEq(1) < 2)
class DEq(dict):
    def __eq__(self, o): return "DEq.eq"
print("6 dict sub", DEq() == {}, {} == DEq(), {} != DEq())
class SLe(set):
    def __le__(self, o): return "SLe.le"
    def __ge__(self, o): return "SLe.ge"
print("6 set sub", SLe() <= {1}, {1} <= SLe(), {1} >= SLe())

# chained comparisons
clog = []
class T:
    def __init__(self, v): self.v = v
    def __lt__(self, o): clog.append((self.v, o.v)); return self.v < o.v
print("7 chain", T(1) < T(2) < T(3), clog)
clog.clear()
print("7 chain short", T(3) < T(2) < T(1), clog)

# assigned after creation / replaced / deleted
class M:
    pass
show("8 before", lambda: M() < M())
M.__lt__ = lambda s, o: "late lt"
show("8 assigned", lambda: M() < M())
show("8 reflected", lambda: M() > M())
M.__lt__ = lambda s, o: "replaced lt"
show("8 replaced", lambda: M() < M())
del M.__lt__
show("8 deleted", lambda: M() < M())
m = M()
print("8 eq before", m == m, M() == M())
M.__eq__ = lambda s, o: "late eq"
print("8 eq assigned", M() == M(), M() != M())
del M.__eq__
print("8 eq deleted", M() == M(), m == m)
class MI(int): pass
print("8 int before", MI(1) < 2)
MI.__lt__ = lambda s, o: "MI.lt"
print("8 int assigned", MI(1) < 2, 2 > MI(1))
del MI.__lt__
print("8 int deleted", MI(1) < 2)
show("8 del again", lambda: delattr(MI, "__lt__"))
