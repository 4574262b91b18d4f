# super() in a metaclass: in its __new__ and classmethods (class mode)
# type's mro/__subclasses__ come unbound, as method descriptors; in its
# instance methods they are bound to the class. Their names are type's.
class A(type):
    def __new__(mcls, *args):
        print(type(super().mro).__name__, type(super().__subclasses__).__name__)
        try:
            super().mro()
        except TypeError as e:
            print('TypeError', e)
        return super().__new__(mcls, *args)
    def x(self):
        print(type(super().mro).__name__, [c.__name__ for c in super().mro()], super().__subclasses__())
    @classmethod
    def cm(cls):
        print(type(super().mro).__name__, [c.__name__ for c in super().mro(cls)])
class M(metaclass=A): pass
M.x()
A.cm()
print(type.mro.__qualname__, type.__subclasses__.__qualname__, repr(type.mro))
print(type(type.mro).__name__, type(A.mro).__name__, type(M.mro).__name__)
