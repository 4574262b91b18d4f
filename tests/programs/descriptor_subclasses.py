class P(property):
    def __get__(self, obj, typ=None):
        v = super().__get__(obj, typ)
        return v if obj is None else f"<{v}>"
class A:
    @P
    def x(self): return 1
print(A().x, type(A.x).__name__)

class CM(classmethod): pass
class B:
    @CM
    def c(cls): return cls.__name__
print(B.c(), B().c())

class SM(staticmethod):
    def __init__(self, f):
        super().__init__(f)
        self.tag = "tagged"
class C:
    @SM
    def s(a, b): return a + b
print(C.s(1, 2), C().s(3, 4), C.__dict__["s"].tag, isinstance(C.__dict__["s"], staticmethod))

class Plain(property):
    pass
class D:
    def __init__(self): self._v = 0
    @Plain
    def v(self): return self._v
    @v.setter
    def v(self, value): self._v = value * 2
d = D()
d.v = 5
print(d.v, type(D.__dict__["v"]).__name__, D.v.fget.__name__)
try:
    del d.v
except AttributeError as e:
    print("AttributeError", e)

class classproperty(property):
    def __get__(self, obj, cls):
        return self.fget(cls)
class E:
    @classproperty
    def name(cls): return cls.__name__.lower()
print(E.name, E().name)

class Doc(property):
    def __init__(self, fget, doc_extra):
        super().__init__(fget, doc=doc_extra)
class F:
    y = Doc(lambda self: 42, "the answer")
print(F().y, F.__dict__["y"].__doc__, isinstance(F.__dict__["y"], property))

import abc
class G(abc.ABC):
    @property
    @abc.abstractmethod
    def area(self): ...
class H(G):
    @property
    def area(self): return 3
print(H().area)
try:
    G()
except TypeError as e:
    print(e)

class Counted(property):
    count = 0
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        Counted.count += 1
        return super().__get__(obj, cls)
    def __set__(self, obj, value):
        print("setting", value)
        super().__set__(obj, value)
class K:
    def __init__(self): self._z = 1
    @Counted
    def z(self): return self._z
    @z.setter
    def z(self, v): self._z = v
k = K()
k.z = 7
print(k.z, k.z, Counted.count, type(K.__dict__["z"]).__name__, [c.__name__ for c in Counted.__mro__])

class WithSetName(property):
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class L:
    w = WithSetName(lambda self: "w")
print(L().w)
try:
    class MV(memoryview): pass
except TypeError as e:
    print(e)
class Cached(classmethod):
    def __get__(self, obj, cls=None):
        print("Cached.__get__", cls.__name__)
        return super().__get__(obj, cls)
class M:
    @Cached
    def make(cls, n): return [cls.__name__] * n
print(M.make(2), M().make(1))
class A:
    _n = "A-name"
    @classmethod
    @property
    def name(cls):
        return cls._n + "!"
class B(A):
    _n = "B-name"
print(A.name, B.name, A().name, B().name)
class Meta:
    @classmethod
    def plain(cls): return cls
print(Meta.plain() is Meta)
