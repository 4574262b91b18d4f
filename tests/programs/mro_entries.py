import types
class Entry:
    def __init__(self, *bases): self.bases = bases
    def __mro_entries__(self, bases):
        print("mro_entries got", len(bases))
        return self.bases
class A: pass
class B: pass
class C(Entry(A, B)): pass
print(C.__bases__, C.__mro__[1:])
print(C.__orig_bases__[0].__class__.__name__)
print('__orig_bases__' in A.__dict__)
class L(list[int]): pass
print(L.__bases__, L.__orig_bases__, L([1,2]))
class Empty:
    def __mro_entries__(self, bases): return ()
class D(Empty()): pass
print(D.__bases__)
class Bad:
    def __mro_entries__(self, bases): return [A]
try:
    class E(Bad()): pass
except Exception as e: print(type(e).__name__, e)
print(types.resolve_bases((A, Entry(B), list[int])))
X = types.new_class("X", (list[int],))
print(X.__bases__, X.__orig_bases__)
class Meta(type):
    def __new__(m, name, bases, ns):
        print("meta", name, bases, sorted(k for k in ns if k.startswith('__orig')))
        return super().__new__(m, name, bases, ns)
class M0(metaclass=Meta): pass
class F(Entry(M0)): pass
print(type(F).__name__)
