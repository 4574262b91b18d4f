# Data model: binary, reflected, in-place and unary operators.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return "V(%r)" % (self.v,)
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __sub__(self, o): return V(self.v - (o.v if isinstance(o, V) else o))
    def __mul__(self, o): return "mul(%r,%r)" % (self.v, o)
    def __truediv__(self, o): return "truediv"
    def __floordiv__(self, o): return "floordiv"
    def __mod__(self, o): return "mod"
    def __pow__(self, o, m=None): return "pow(%r,%r,%r)" % (self.v, o, m)
    def __matmul__(self, o): return "matmul"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __divmod__(self, o): return ("dm", self.v, o)
    def __radd__(self, o): return "radd(%r)" % (o,)
    def __rsub__(self, o): return "rsub(%r)" % (o,)
    def __rmul__(self, o): return "rmul"
    def __rtruediv__(self, o): return "rtruediv"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __rmod__(self, o): return "rmod"
    def __rpow__(self, o): return "rpow(%r)" % (o,)
    def __rmatmul__(self, o): return "rmatmul"
    def __rlshift__(self, o): return "rlshift"
    def __rrshift__(self, o): return "rrshift"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
    def __rdivmod__(self, o): return ("rdm", o)
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "invert"
    def __abs__(self): return "abs"

a = V(3)
print("1 add", a + V(4), a + 1)
print("1 sub", a - 1)
print("1 ops", a * 2, a / 2, a // 2, a % 2, a ** 2, a @ 2)
print("1 bits", a << 1, a >> 1, a & 1, a | 1, a ^ 1)
print("1 refl", 1 + a, 1 - a, 2 * a, 2 / a, 2 // a, 2 % a, 2 ** a, 2 @ a)
print("1 rbits", 1 << a, 1 >> a, 1 & a, 1 | a, 1 ^ a)
print("1 unary", -a, +a, ~a, abs(a))
print("1 divmod", divmod(a, 5), divmod(5, a))
print("1 pow3", pow(a, 2, 7), pow(a, 2))

# NotImplemented and error messages
class A:
    def __add__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
class B:
    def __radd__(self, o): return NotImplemented
class C:
    def __radd__(self, o): return "C.radd got " + type(o).__name__
show("2 A+B", lambda: A() + B())
show("2 A+C", lambda: A() + C())
show("2 A-1", lambda: A() - 1)
show("2 1-A", lambda: 1 - A())
show("2 A*'x'", lambda: A() * 'x')
show("2 A@A", lambda: A() @ A())
show("2 A**A", lambda: A() ** A())
show("2 pow3", lambda: pow(A(), 2, 3))
show("2 neg", lambda: -A())
show("2 inv", lambda: ~A())
show("2 abs", lambda: abs(A()))
show("2 divmod", lambda: divmod(A(), 1))
show("2 str+A", lambda: "s" + A())
show("2 list+A", lambda: [1] + A())
show("2 int+str", lambda: 1 + "a")
show("2 <<", lambda: A() << 1)
show("2 &", lambda: A() & 1)

# subclass reflected method tried first
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __mul__(self, o): return "Base.mul"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
class Sub2(Base):
    pass
print("3 Base+Sub", Base() + Sub())
print("3 Sub+Base", Sub() + Base())
print("3 Base+Sub2", Base() + Sub2())   # Sub2 does not override radd
print("3 Base*Sub", Base() * Sub())

class MyInt(int):
    def __radd__(self, o): return "MyInt.radd(%r)" % (o,)
    def __rsub__(self, o): return "MyInt.rsub"
    def __add__(self, o): return "MyInt.add"
print("3 int+MyInt", 5 + MyInt(2))
print("3 int-MyInt", 5 - MyInt(2))
print("3 MyInt+int", MyInt(2) + 5)
print("3 MyInt*int", MyInt(2) * 5, type(MyInt(2) * 5).__name__)
class MyFloat(float):
    def __rmul__(self, o): return "MyFloat.rmul"
    def __truediv__(self, o): return "MyFloat.truediv"
print("3 float*MyFloat", 2.0 * MyFloat(3), 2 * MyFloat(3))
print("3 MyFloat/2", MyFloat(3) / 2, MyFloat(3) + 1)
class MyStr(str):
    def __radd__(self, o): return "MyStr.radd(" + o + ")"
    def __mod__(self, o): return "MyStr.mod"
    def __mul__(self, o): return "MyStr.mul"
print("3 str+MyStr", "a" + MyStr("b"))
print("3 MyStr%", MyStr("%s") % 1, MyStr("x") * 3)
class MyList(list):
    def __add__(self, o): return "MyList.add"
    def __radd__(self, o): return "MyList.radd"
    def __iadd__(self, o): return "MyList.iadd"
    def __mul__(self, o): return "MyList.mul"
    def __rmul__(self, o): return "MyList.rmul"
print("3 list", MyList([1]) + [2], [2] + MyList([1]), MyList() * 2, 2 * MyList())
m = MyList([1]); m += [3]; print("3 list iadd", m)
class MyTuple(tuple):
    def __add__(self, o): return "MyTuple.add"
    def __contains__(self, x): return True
print("3 tuple", MyTuple((1,)) + (2,), (2,) + MyTuple((1,)), 99 in MyTuple())
class MySet(set):
    def __or__(self, o): return "MySet.or"
    def __ror__(self, o): return "MySet.ror"
    def __and__(self, o): return "MySet.and"
    def __sub__(self, o): return "MySet.sub"
print("3 set", MySet() | {1}, {1} | MySet(), MySet() & {1}, MySet() - {1})
class MyDict(dict):
    def __or__(self, o): return "MyDict.or"
    def __ror__(self, o): return "MyDict.ror"
print("3 dict", MyDict() | {1: 2}, {1: 2} | MyDict())

# in-place operators
class I:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __isub__(self, o): return "isub-result"
    def __imul__(self, o): return NotImplemented
    def __mul__(self, o): return "mul-fallback"
    def __add__(self, o): return "add-not-used"
x = I(1); y = x; x += 5
print("4 iadd", x is y, x.v)
x = I(1); x -= 1; print("4 isub", x)
x = I(1); x *= 2; print("4 imul NotImpl ->", x)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
    def __pow__(self, o): return "pow"
    def __floordiv__(self, o): return "fdiv"
x = OnlyAdd(1); y = x; x += 2
print("4 fallback add", x is y, x.v)
x = OnlyAdd(1); x **= 2; print("4 ipow fallback", x)
x = OnlyAdd(1); x //= 2; print("4 ifloordiv fallback", x)
x = 10
class R:
    def __rsub__(self, o): return "R.rsub(%r)" % (o,)
    def __ror__(self, o): return "R.ror"
x -= R(); print("4 int -= R", x)
x = 1; x |= R(); print("4 int |= R", x)
def iadd_err():
    z = A(); z += 1
show("4 iadd err", iadd_err)
def ixor_err():
    z = 1; z ^= "s"
show("4 ixor err", ixor_err)
def imatmul_err():
    z = A(); z @= A()
show("4 imatmul err", imatmul_err)
def ilist():
    z = [1]; w = z; z += (2, 3); return (z, z is w)
show("4 list += tuple", ilist)
def ituple():
    z = (1,); w = z; z += (2,); return (z, z is w)
show("4 tuple += tuple", ituple)

# dunders assigned after class creation, replaced, deleted
class D:
    pass
show("5 before", lambda: D() + 1)
D.__add__ = lambda self, o: "late add %r" % (o,)
show("5 assigned", lambda: D() + 1)
D.__add__ = lambda self, o: "replaced add"
show("5 replaced", lambda: D() + 1)
D.__neg__ = lambda self: "late neg"
show("5 neg", lambda: -D())
D.__radd__ = lambda self, o: "late radd"
show("5 radd", lambda: 1 + D())
del D.__add__
show("5 deleted", lambda: D() + 1)
del D.__neg__
show("5 neg deleted", lambda: -D())
def iadd_late():
    z = D(); z += 1; return z
D.__iadd__ = lambda self, o: "late iadd"
show("5 iadd", iadd_late)
del D.__iadd__
D.__add__ = lambda self, o: "add after iadd removal"
show("5 iadd fallback", iadd_late)

class E(D):
    pass
D.__sub__ = lambda self, o: "inherited late sub"
show("5 subclass sees base late", lambda: E() - 1)
E.__sub__ = lambda self, o: "E own sub"
show("5 subclass override", lambda: E() - 1)
del E.__sub__
show("5 subclass del -> base", lambda: E() - 1)

class LateInt(int):
    pass
print("5 int sub before", LateInt(3) + 4)
LateInt.__add__ = lambda self, o: "LateInt add"
print("5 int sub after", LateInt(3) + 4)
del LateInt.__add__
print("5 int sub deleted", LateInt(3) + 4, type(LateInt(3) + 4).__name__)
LateInt.__neg__ = lambda self: "LateInt neg"
print("5 int neg", -LateInt(3))
del LateInt.__neg__
print("5 int neg deleted", -LateInt(3))

# unary on builtin subclasses
class NInt(int):
    def __neg__(self): return "NInt.neg"
    def __invert__(self): return "NInt.inv"
    def __abs__(self): return "NInt.abs"
print("6 NInt", -NInt(2), ~NInt(2), abs(NInt(-2)), +NInt(2), type(+NInt(2)).__name__)
class NFloat(float):
    def __abs__(self): return "NFloat.abs"
    def __pow__(self, o, m=None): return "NFloat.pow"
print("6 NFloat", abs(NFloat(-1)), NFloat(2) ** 2, pow(NFloat(2), 3), -NFloat(1.5))
class DM(int):
    def __divmod__(self, o): return "DM.divmod"
    def __rdivmod__(self, o): return "DM.rdivmod"
print("6 divmod", divmod(DM(7), 2), divmod(7, DM(2)), divmod(7, 2))
print("6 pow3 int", pow(3, 4, 5), pow(-2, 3, 5))
show("6 pow3 float", lambda: pow(2.0, 3, 5))
show("6 int / 0", lambda: 1 / 0)
show("6 int // 0", lambda: 1 // 0)
show("6 int % 0", lambda: 1 % 0)
show("6 float / 0", lambda: 1.0 / 0)
show("6 bool+bool", lambda: True + True)
show("6 str*int", lambda: "ab" * 3)
show("6 int*list", lambda: 2 * [1])
show("6 str-str", lambda: "a" - "b")
show("6 -str", lambda: -"a")
show("6 ~float", lambda: ~1.5)
show("6 abs(str)", lambda: abs("a"))
show("6 None+1", lambda: None + 1)
