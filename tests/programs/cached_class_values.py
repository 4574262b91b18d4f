# LOAD_ATTR of a plain class value (through instances and classes) is
# re-read where it lies: values replaced, shadowed, deleted, descriptors,
# __getattribute__, metaclass properties, __slots__, __class__ assignment.
class Base:
    K = 1
    NAME = "base"
    T = (1, 2)

class A(Base):
    L = [1]
    def __init__(self):
        self.x = 0

class WithProp(Base):
    @property
    def p(self):
        return 5

def read(o):
    return o.K

def read_name(o):
    return o.NAME

a = A()
out = []
for i in range(5):
    out.append(read(a))
    if i == 1:
        Base.K = 10          # value replaced: non-method to non-method
    if i == 2:
        a.K = 99             # instance attribute shadows
    if i == 3:
        del a.K
print(out)

# class reads through the class
def cls_read(c):
    return c.K
out = []
for i in range(4):
    out.append(cls_read(A))
    if i == 1:
        A.K = 7              # new key on the subclass hides the base's
print(out, Base.K)

# data descriptors on the class, plain value read through instance
w = WithProp()
out = []
for i in range(4):
    out.append((w.K, w.p))
    if i == 1:
        Base.K = 3
print(out)

# value replaced by a descriptor
class C:
    V = 1
def readv(o):
    return o.V
c = C()
out = [readv(c), readv(c)]
C.V = property(lambda self: "prop")
out.append(readv(c))
C.V = staticmethod(lambda: 1)
out.append(type(readv(c)).__name__)
print(out)

# instance dict (non-shared) shadowing
class D:
    X = "class"
d1 = D()
d2 = D()
d2.__dict__["X"] = "inst"
def rx(o): return o.X
print([rx(d1), rx(d2), rx(d1), rx(d2)])

# many attributes -> dict mode
class E:
    Z = 0
e = E()
for k in range(40):
    setattr(e, "a%d" % k, k)
print([rx2 for rx2 in (e.Z, e.Z)])
e.Z = 5
print(e.Z, E.Z)

# __getattribute__ override
class G:
    Y = 1
    def __getattribute__(self, n):
        return "intercepted " + n
g = G()
print([g.Y for _ in range(3)])

# metaclass with a property named like the attribute
class Meta(type):
    @property
    def W(cls):
        return "meta"
class M(metaclass=Meta):
    W = "own"
print([M.W for _ in range(3)], [M().W for _ in range(3)])

# class attribute deleted
class F:
    Q = 1
f = F()
def rq(o): return o.Q
print(rq(f), rq(f))
del F.Q
try:
    rq(f)
except AttributeError as ex:
    print("AttributeError", ex)

# __slots__ class
class S:
    __slots__ = ("a",)
    CONST = 4
s = S()
s.a = 1
print([s.CONST for _ in range(3)], s.a)

# __class__ assignment
class P1:
    V = "p1"
class P2:
    V = "p2"
p = P1()
vals = []
for i in range(4):
    vals.append(p.V)
    if i == 1:
        p.__class__ = P2
print(vals)

# a __dict__-less builtin subclass
class MyList(list):
    TAG = "t"
ml = MyList()
print([ml.TAG for _ in range(3)])
MyList.TAG = "u"
print(ml.TAG)
