# getattr(obj, name, default) and hasattr(obj, name) on every kind of
# owner: a miss gives the default, other exceptions propagate.
import sys
import types


class P:
    @property
    def bad(self):
        raise AttributeError("inner")

    @property
    def boom(self):
        raise ValueError("boom")


class G:
    def __getattr__(self, name):
        if name == "dyn":
            return 42
        raise AttributeError(name)


class GA:
    def __getattribute__(self, name):
        if name == "x":
            return 1
        return object.__getattribute__(self, name)


class S:
    __slots__ = ("a",)


p, g, ga, s = P(), G(), GA(), S()
print(getattr(p, "bad", "dflt"), hasattr(p, "bad"))
for probe in (lambda: getattr(p, "boom", 1), lambda: hasattr(p, "boom")):
    try:
        probe()
    except ValueError as e:
        print("ValueError", e)
print(getattr(g, "dyn", 0), getattr(g, "nope", 0), hasattr(g, "dyn"), hasattr(g, "nope"))
print(getattr(ga, "x", 0), getattr(ga, "y", 0), hasattr(ga, "__class__"))
print(getattr(s, "a", "unset"), hasattr(s, "a"))
s.a = 3
print(getattr(s, "a", "unset"))
m = types.ModuleType("m")


def module_getattr(name):
    if name.startswith("x"):
        return name.upper()
    raise AttributeError(name)


m.__getattr__ = module_getattr
print(getattr(m, "xyz", 0), getattr(m, "abc", 0), hasattr(m, "abc"), hasattr(m, "xa"))
print(getattr(sys, "frozen", False), hasattr(sys, "path"))
for owner in (p, sys, m):
    try:
        getattr(owner, "missing")
    except AttributeError as e:
        print("AttributeError:", e)
e = ValueError(1)
print(getattr(e, "args", None), getattr(e, "nope", "d"), hasattr(e, "__traceback__"))
print(getattr(StopIteration(5), "value", 0))
print(getattr(5, "real", 0), getattr(5, "nope", 0), getattr(int, "nope", 0), hasattr(int, "from_bytes"))
print(getattr(p, "__dict__", "nodict"), getattr(s, "__dict__", "nodict"), getattr(p, "__class__", 0))


class I(int):
    pass


print(getattr(I(3), "real", 0), getattr(I(3), "__add__", None) is not None)
print(getattr(I(3), "__init__", None) is not None, getattr(I(3), "nope", "d"))


# On classes: a miss without an exception, and the attributes a class
# answers for itself (its metaclass's too).
class Meta(type):
    extra = 5

    def __getattr__(cls, name):
        if name == "virtual":
            return "v"
        raise AttributeError(name)


class WithMeta(metaclass=Meta):
    pass


print(getattr(WithMeta, "extra", 0), getattr(WithMeta, "virtual", 0), getattr(WithMeta, "nope", 0))
print(hasattr(WithMeta, "virtual"), hasattr(P, "__copy__"), getattr(P, "__copy__", "none"))
print(getattr(P, "mro", None) is not None, getattr(P, "__name__", 0), getattr(P, "__doc__", 0))
print(getattr(dict, "fromkeys", None) is not None, getattr(str, "maketrans", None) is not None)
print(getattr(P, "__init__", None) is not None, getattr(P, "__eq__", None) is not None)
print(getattr(int, "__add__", None) is not None, getattr(type, "nope", 1))
