# super() method lookups and class lookups of static/class methods and
# properties, remembered and then invalidated when classes change.
class A:
    def f(self): return "A"
    def g(self): return "gA"
class B(A):
    def f(self): return "B" + super().f()
class C(A):
    def f(self): return "C" + super().f()
class D(B, C):
    def f(self): return "D" + super().f()
    def g(self): return "gD" + super().g()
d = D()
for _ in range(3):
    print(d.f(), B().f(), C().f(), d.g())
A.f = lambda self: "A2"
print(d.f(), B().f())
del C.f
print(d.f())
C.f = lambda self: "C3" + super(C, self).f()
print(d.f())
class E(D):
    pass
print(E().f(), E().g())
A.g = staticmethod(lambda: "static")
print(d.g())
class F:
    @classmethod
    def make(cls): return cls.__name__
    @staticmethod
    def s(): return "s"
    @property
    def p(self): return 1
class G(F):
    @classmethod
    def make(cls): return "G" + super().make()
for _ in range(2):
    print(G.make(), G().make(), G.s(), G().p)
F.make = classmethod(lambda cls: "new" + cls.__name__)
F.s = staticmethod(lambda: "s2")
F.p = property(lambda self: 2)
print(G.make(), G.s(), G().p)

# A class whose method a super() lookup remembered is still freed by a
# full collection.
import gc
import weakref
def make():
    class A:
        def f(self): return 1
    class B(A):
        def f(self): return super().f()
    class C(B):
        def f(self): return super().f()
    for _ in range(3): C().f()
    return weakref.ref(B), weakref.ref(C)
rb, rc = make()
gc.collect()
print(rb() is None, rc() is None)
