# `nonlocal __class__` in a method binds the class statement's implicit
# __class__ cell, which zero-argument super() and __class__ read.
class T:
    def swap(self):
        nonlocal __class__
        old = __class__
        __class__ = int
        return old
    def get(self):
        return __class__
t = T()
print(t.get() is T, t.swap() is T, t.get() is int)
class A:
    def f(self):
        return 'A'
class B(A):
    def f(self):
        return 'B' + super().f()
    def fix(self):
        nonlocal __class__
        __class__ = B
print(B().f())
