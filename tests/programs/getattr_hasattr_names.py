# getattr(o, name, default) and hasattr(o, name) with names given as str
# objects, str subclasses, computed strings; over instances, classes,
# modules, properties that raise, __getattr__ and __slots__.
import math


class Name(str):
    pass


class Plain:
    kind = "class value"

    def __init__(self):
        self.a = 1

    @property
    def broken(self):
        raise AttributeError("inside the property")

    @property
    def other_error(self):
        raise ValueError("not an AttributeError")


class Fallback:
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(name)


class Slotted:
    __slots__ = ("x",)


p, f, s = Plain(), Fallback(), Slotted()
for name in ["a", "kind", "missing", "broken", Name("a"), Name("missing"), "__class__", "__dict__"]:
    print(repr(name), hasattr(p, name), getattr(p, name, "default") if name != "__dict__" else "-")
try:
    hasattr(p, "other_error")
except ValueError as e:
    print("ValueError:", e)
print(getattr(f, "dyn_value", None), hasattr(f, "dyn_x"), hasattr(f, "plain"), getattr(f, "plain", 0))
print(hasattr(s, "x"), getattr(s, "x", "unset"))
s.x = 5
print(hasattr(s, "x"), getattr(s, "x", "unset"), hasattr(s, "y"))
print(hasattr(math, "pi"), getattr(math, "tau", None) > 6, getattr(math, "nope", "no"))
print(hasattr(Plain, "kind"), hasattr(Plain, "a"), getattr(Plain, "broken").__class__.__name__)
names = ["a" + str(i) for i in range(3)]
for i, n in enumerate(names):
    setattr(p, n, i)
print([getattr(p, n, None) for n in names + ["a9"]], [hasattr(p, "a" + str(i)) for i in range(5)])
try:
    getattr(p, 3, None)
except TypeError as e:
    print("TypeError:", e)
try:
    hasattr(p, None)
except TypeError as e:
    print("TypeError:", e)
print(sum(1 for i in range(1000) if hasattr(p, "a1")), sum(1 for i in range(1000) if getattr(p, "zz", None) is None))
