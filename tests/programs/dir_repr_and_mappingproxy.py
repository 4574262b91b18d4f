# dir() with no argument lists the keys of the running scope, which eval
# and exec may give as any mapping; repr() and ascii() keep what a
# __repr__ returned; a mappingproxy of a mapping compares as it does.
from types import MappingProxyType


class Keys(dict):
    def keys(self):
        return iter(["zeta", "alpha"])


print(eval("dir()", {}, Keys()))
print(eval("dir()", {}, {"b": 1, "a": 2}))


class Scope:
    def __getitem__(self, key):
        raise KeyError(key)

    def keys(self):
        return ["y", "x"]


print(eval("dir()", {}, Scope()))


def local_names():
    first = 1
    second = 2
    return dir()


print(local_names())


class MyStr(str):
    pass


class Shown:
    def __repr__(self):
        return MyStr("shown")


class Accented:
    def __repr__(self):
        return MyStr("café")


print(type(repr(Shown())).__name__, repr(Shown()))
print(type(ascii(Shown())).__name__, ascii(Shown()))
print(type(ascii(Accented())).__name__, ascii(Accented()))


class Bad:
    def __repr__(self):
        return 5


try:
    repr(Bad())
except TypeError as e:
    print("TypeError:", e)


class Loud(dict):
    def __eq__(self, other):
        return "custom"


print(MappingProxyType(Loud()) == {})
print(MappingProxyType({"a": 1}) == {"a": 1}, MappingProxyType({"a": 1}) == {"a": 2})


class K:
    x = 1

    def method(self):
        pass


print("x" in K.__dict__, K.__dict__["x"], K.__dict__.get("missing", "none"))
print("method" in K.__dict__, "nothing" in K.__dict__, 5 in K.__dict__)
