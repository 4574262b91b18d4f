# `x.__class__` and `type(x)` give the class itself (identity holds, the
# same object each time), and a warmed-up `obj.__class__` site keeps up
# with classes that define `__class__`, `__getattribute__`, or change.


class A:
    pass


class B(A):
    pass


a, b = A(), B()


def cls(o):
    return o.__class__


for _ in range(5):
    cls(a)
print(cls(a) is A, cls(b) is B, type(a) is A, type(b) is cls(b))
print(id(type(a)) == id(A), id(cls(a)) == id(cls(a)), type(A) is type)
print(type(1) is int, (1).__class__ is int, [].__class__ is list, type(None).__name__)

a.__class__ = B
print(cls(a) is B, type(a).__name__)
a.__class__ = A



class C:
    __class__ = property(lambda self: "overridden")


class D(C):
    pass


print(cls(C()), cls(D()), type(C()) is C)
print(cls(a) is A, cls(b) is B)
A.__getattribute__ = lambda self, name: "from getattribute"
print(cls(a), cls(b))
del A.__getattribute__
print(cls(a) is A, cls(b) is B)


class Masked:
    def __getattribute__(self, name):
        if name == "__class__":
            return int
        return object.__getattribute__(self, name)


m = Masked()
print(cls(m) is int, type(m) is Masked, isinstance(m, int), isinstance(m, Masked))


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


w = WithMeta()
print(cls(w) is WithMeta, cls(WithMeta) is Meta, type(WithMeta) is Meta)
d = {A: 1, type(b): 2}
print(d[cls(a)], d[B], len({type(x) for x in [a, A(), b, B()]}))
