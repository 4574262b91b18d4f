# f.__kwdefaults__ is one dict the function keeps: writing into it changes
# what later calls bind (networkx's decorators rely on it), assigning a dict
# keeps that very dict, deleting it leaves None.
def func(*args, __wrapper=None, **kwargs):
    return __wrapper


print(func.__kwdefaults__, func.__kwdefaults__ is func.__kwdefaults__)
func.__kwdefaults__["__wrapper"] = "set"
print(func(), func(1, 2, x=3))


class Wrapper:
    def method(self, *, __hidden=1, shown=2):
        return __hidden, shown


kw = Wrapper.method.__kwdefaults__
print(sorted(kw.items()))
kw["_Wrapper__hidden"] = 10
kw["shown"] = 20
print(Wrapper().method(), Wrapper().method(shown=0))
del kw["shown"]
try:
    Wrapper().method()
except TypeError as err:
    print("TypeError:", err)
kw["shown"] = 5
print(Wrapper().method())


def plain(a, *, b=1, c=2):
    return a, b, c


mine = {"b": 100, "c": 200}
plain.__kwdefaults__ = mine
print(plain.__kwdefaults__ is mine, plain(0))
mine["b"] = -1
print(plain(0), plain(0, c=3))
mine.clear()
try:
    plain(0)
except TypeError as err:
    print("TypeError:", err)
plain.__kwdefaults__ = None
print(plain.__kwdefaults__)
plain.__kwdefaults__ = {"b": 1, "c": 1}
del plain.__kwdefaults__
print(plain.__kwdefaults__)
try:
    plain.__kwdefaults__ = [("b", 1)]
except TypeError as err:
    print("TypeError:", err)


def nothing(a):
    return a


print(nothing.__kwdefaults__)


# A keyword given in the call wins over the dict's value; a default for a
# name that is no parameter is ignored.
def g(*, x=1):
    return x


g.__kwdefaults__["y"] = 2
g.__kwdefaults__["x"] = 3
print(g(), g(x=4), sorted(g.__kwdefaults__))
