# Reading a module's attributes in loops (the sites remember where each
# global of the module is): rebinding, deleting and adding globals, a
# module __getattr__, a module whose class was changed, a name used both as
# a global and as an attribute, and methods called through a module.
import math
import sys
import types

def roots(n):
    return [math.sqrt(i) for i in range(n)]

print(roots(4))
saved = math.sqrt
math.sqrt = lambda x: -x
print(roots(4))
math.sqrt = saved
print(roots(3))

m = types.ModuleType("m")
m.value = 1
def read(module, times):
    out = []
    for _ in range(times):
        out.append(module.value)
    return out

print(read(m, 3))
m.value = 2
print(read(m, 2))
for k in range(40):
    setattr(m, "filler%d" % k, k)
print(read(m, 2))
del m.value
try:
    read(m, 1)
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: "computed " + name
print(read(m, 2))
m.value = 3
print(read(m, 2))

class Loud(types.ModuleType):
    def __getattribute__(self, name):
        if name == "value":
            return "intercepted"
        return super().__getattribute__(name)

print(read(m, 1))
m.__class__ = Loud
print(read(m, 2))
m.__class__ = types.ModuleType
print(read(m, 1))

# The same name as a global of this module and an attribute of another.
value = "global value"
def both(module):
    return [value, module.value, value, module.value]
print(both(m))
print(both(sys.modules[__name__]))

# A module function called as a method, and one replaced in between.
def lengths(words):
    return [math.floor(len(w) / 2) for w in words]
print(lengths(["a", "bb", "ccc"]))
math.floor = lambda x: "floor"
print(lengths(["a", "bb"]))

# Two modules through one site.
n = types.ModuleType("n")
n.value = "n's"
print([read(x, 1)[0] for x in (m, n, m, n)])
