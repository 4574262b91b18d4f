# weakref.ref: calling, sharing, callbacks and their order, hash,
# equality, repr, __callback__, getweakrefcount/getweakrefs.
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "C(%s)" % self.name


o = C("a")
r = weakref.ref(o)
print("alive:", r() is o, r() is not None)
print("shared:", r is weakref.ref(o), r is weakref.ref(o, None))
print("count:", weakref.getweakrefcount(o))
log = []
r2 = weakref.ref(o, lambda ref: log.append(("r2", ref is r2, ref() is None)))
r3 = weakref.ref(o, lambda ref: log.append(("r3", ref is r3)))
print("callback refs are new:", r2 is not r3, r2 is not r)
print("count:", weakref.getweakrefcount(o))
print("getweakrefs order:", [x is y for x, y in zip(weakref.getweakrefs(o), [r, r3, r2])])
print("__callback__:", r.__callback__, r2.__callback__ is not None)
print("equal while alive:", r == r2, r2 == r3, r != r3)
h = hash(r)
print("hash is the referent's:", h == hash(o))
del o
print("after death:", r(), r2(), log)
print("equal after death is identity:", r == r2, r == r, r != r2)
print("hash kept:", hash(r) == h)
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)
print("__callback__ after death:", r2.__callback__)
print("count of dead:", weakref.getweakrefcount(C("x")), weakref.getweakrefs(C("y")))

# Equality compares the referents' own ==.
class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


a, b = Eq(1), Eq(1)
print("refs to equal objects:", weakref.ref(a) == weakref.ref(b), weakref.ref(a) is weakref.ref(b))
print("ref vs other:", weakref.ref(a) == a, weakref.ref(a) != 1)

# repr, without the addresses.
o = C("b")
r = weakref.ref(o)
text = repr(r)
print(text.startswith("<weakref at 0x"), "; to 'C' at 0x" in text, text.endswith(">"))
def fn():
    pass
rf = weakref.ref(fn)
print("named referent:", repr(rf).endswith(" (fn)>"), "; to 'function' at " in repr(rf))
print("class referent:", repr(weakref.ref(C)).endswith(" (C)>"))
del o
print("dead repr:", repr(r).startswith("<weakref at 0x"), repr(r).endswith("; dead>"))

# Types.
print(type(r), weakref.ref, weakref.ReferenceType is weakref.ref)
print(weakref.ProxyType, weakref.CallableProxyType, weakref.ProxyTypes)
print(callable(r), isinstance(r, weakref.ref))

# Argument errors.
o = C("c")
for call in [lambda: weakref.ref(), lambda: weakref.ref(o, None, 1),
             lambda: weakref.ref(o)(1), lambda: weakref.ref(o, callback=None),
             lambda: weakref.getweakrefcount()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
# A callback need not be callable until it is called.
weakref.ref(o, 42)
print("end")
