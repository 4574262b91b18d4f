class A: pass
class B:
    def __len__(self): return 0
class C(A): pass
class D(list): pass
class E:
    pass
e = E()
print(bool(A()), bool(B()), bool(C()), bool(D()), bool(D([1])), bool(e))
E.__bool__ = lambda self: False
print(bool(e), not e)
del E.__bool__
print(bool(e))
E.__len__ = lambda self: 0
print(bool(e))
C.__bool__ = lambda self: False
print(bool(C()), bool(A()))
class M(type):
    def __bool__(cls): return False
class F(metaclass=M): pass
print(bool(F), bool(F()))
import collections
class Q(collections.deque): pass
print(bool(Q()), bool(Q([1])))
x = A()
if x: print("yes")
