# float() asks __float__ once, subclasses of builtins first, and checks the
# result's type; deleting a function's __doc__ leaves None.
import warnings

calls = []


class F:
    def __float__(self):
        calls.append('F')
        return 1.5


print(float(F()), calls)


class I:
    def __index__(self):
        calls.append('I')
        return 7


print(float(I()), calls)


class Both:
    def __float__(self):
        calls.append('Both.__float__')
        return 2.5

    def __index__(self):
        calls.append('Both.__index__')
        return 3


print(float(Both()), calls)


class S(str):
    def __float__(self):
        calls.append('S')
        return 9.0


print(float(S('1.25')), calls)


class IntSub(int):
    def __float__(self):
        calls.append('IntSub')
        return 4.5


print(float(IntSub(3)), calls)


class FloatSub(float):
    pass


class ReturnsSub:
    def __float__(self):
        return FloatSub(6.5)


with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    r = float(ReturnsSub())
print(r, type(r).__name__)


class Bad:
    def __float__(self):
        return 'x'


class BadSub(int):
    def __float__(self):
        return 1


for obj in (Bad(), BadSub(2), object()):
    try:
        float(obj)
    except TypeError as e:
        print('TypeError', e)


def f():
    "doc"


del f.__doc__
print(f.__doc__)
f.__doc__ = 'again'
print(f.__doc__)
