class A: pass
class B(A): pass
class D(dict): pass
class E(Exception): pass
class I(int): pass
class T(tuple): pass
class S: __slots__=('x',)
class SD: __slots__=('x','__dict__')
class SW: __slots__=('__weakref__',)
class SS(S): pass
class F(float): pass
class M(type): pass
class L(list): pass
class Doc:
    "docstring"
    def f(self): pass
for c in [A,B,D,E,I,T,S,SD,SW,SS,F,M,L,Doc]:
    print(c.__name__, list(c.__dict__))
print(A.__dict__['__dict__'].__objclass__, A.__dict__['__weakref__'].__doc__)
a=A(); a.x=1
d=A.__dict__['__dict__']
print(d.__get__(a), d.__get__(None, A) is d, repr(d))
d.__set__(a, {'y': 2}); print(a.y)
try: d.__get__(1)
except TypeError as e: print(e)
try: d.__set__(a, 5)
except TypeError as e: print(e)
w = A.__dict__['__weakref__']; print(w.__get__(a), repr(w))
import weakref; r = weakref.ref(a); print(w.__get__(a) is r)
print(type(d).__name__, d.__name__, d.__qualname__)
print('__dict__' in A.__dict__, '__dict__' in B.__dict__, A.__dict__.get('__weakref__') is not None, len(A.__dict__))
print(sorted(k for k in vars(D)))
print(A.__dict__['__dict__'] is A.__dict__['__dict__'], A.__dict__ == dict(A.__dict__))
del a
import gc; gc.collect()
print(d.__objclass__ is A, d.__qualname__)
