# classmethod and staticmethod objects bound by hand through __get__, as
# decorator libraries and singledispatchmethod do.
import functools


class A:
    @classmethod
    def c(cls, x=0):
        return cls.__name__, x

    @staticmethod
    def s(x):
        return x * 2


class B(A):
    pass


cm = A.__dict__["c"]
sm = A.__dict__["s"]
print(hasattr(cm, "__get__"), hasattr(sm, "__get__"), hasattr(classmethod(len), "__get__"))
print(cm.__get__(None, B)(), cm.__get__(B())(5), cm.__get__(A(), B)(), sm.__get__(None, A)(4), sm.__get__(A())(5))
print(type(cm.__get__(None, A)).__name__, sm.__get__(1) is sm.__func__)
try:
    cm.__get__(None, None)
except TypeError as e:
    print("TypeError:", e)
try:
    cm.__get__()
except TypeError as e:
    print("TypeError:", type(e).__name__)


class Dispatch:
    @functools.singledispatchmethod
    def handle(self, arg):
        return "default"

    @handle.register
    @classmethod
    def _(cls, arg: int):
        return f"int for {cls.__name__}"

    @handle.register
    @staticmethod
    def _(arg: str):
        return "str"


print(Dispatch().handle(1), Dispatch().handle("x"), Dispatch().handle(1.5))
print(A.c(), B.c(1), B().s(3), A.s(4))
