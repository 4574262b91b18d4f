# object's implicit class methods, read from a class, are bound to it:
# C.__subclasshook__() and C.__init_subclass__() take no argument.
print(object.__subclasshook__(), object.__subclasshook__(int))
class A0: pass
print(A0.__subclasshook__())
class A:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class B(A, x=1): pass
class C: pass
print(C.__init_subclass__(), object.__init_subclass__())
import abc
class D(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "go") else super().__subclasshook__(C)
class E:
    def go(self): pass
print(issubclass(E, D), issubclass(int, D))
