# copy.copy/deepcopy through the pickle protocol: copyreg dispatch_table first, then __reduce_ex__(4) (object's: __newobj__, state, slots), __reduce__, __getnewargs__/__getnewargs_ex__, __setstate__, a string reduction.
import copy
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
class G:
    def __init__(self): self.a = 1; self.b = 2
    def __getstate__(self): return {'a': self.a}
class N(int):
    def __new__(cls, v, extra): o = int.__new__(cls, v); o.extra = extra; return o
    def __getnewargs__(self): return (int(self), self.extra)
class NE:
    def __new__(cls, *, k): o = object.__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})
class S:
    __slots__ = ('a', '__b')
    def __init__(self): self.a = [1]; self.__b = 2
class BA(bytearray): pass
class SS:
    def __init__(self): self.x = 1
    def __setstate__(self, st): self.x = st['x'] + 100
print(hasattr(object(), '__setstate__'))
print(R(3).__reduce_ex__(4)[1])
for o in [R(3), G(), N(5, 'e'), NE(k=3), S(), BA(b'ab'), SS()]:
    for f in (copy.copy, copy.deepcopy):
        c = f(o)
        print(type(c).__name__, {k: getattr(c, k, None) for k in ('v', 'a', 'b', 'extra', 'k', 'x')}, c == o if isinstance(o, (int, bytearray)) else '')
s = copy.deepcopy(S()); print(s.a, s._S__b)
class Weird:
    def __reduce_ex__(self, proto): return "Weird"
print(copy.copy(Weird()).__class__.__name__)
import copyreg
class P: pass
copyreg.pickle(P, lambda p: (P, (), {'via': 'dispatch'}))
print(copy.copy(P()).__dict__, copy.deepcopy(P()).__dict__)
