# When callbacks run: after the referent is unreachable, newest first for
# one object, after __del__ for an object that has one (which sees its
# references alive), before the contents of the object go.
import weakref


class C:
    def __init__(self, n):
        self.n = n


class WithDel:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__", self.n, "ref alive inside:", refs[self.n]() is self)


refs = {}
d = WithDel(1)
refs[1] = weakref.ref(d, lambda r: print("callback 1, ref dead:", r() is None))
del d
print("--- several callbacks")
o = C(0)
keep = [weakref.ref(o, lambda r, i=i: print("callback", i)) for i in range(3)]
del o
print("--- a list of referents dies last item first")
objs = [C(i) for i in range(3)]
keep = [weakref.ref(x, lambda r, i=i: print("died", i)) for i, x in enumerate(objs)]
del objs
print("--- a dict of referents dies in key order")
objs = {i: C(i) for i in range(3)}
keep = [weakref.ref(x, lambda r, i=i: print("died", i)) for i, x in objs.items()]
del objs
print("--- a tuple too")
objs = (C(0), C(1))
keep = [weakref.ref(x, lambda r, i=i: print("died", i)) for i, x in enumerate(objs)]
del objs
print("--- an object's callback before its attributes' __del__")


class Holder:
    pass


h = Holder()
h.child = WithDel(2)
refs[2] = weakref.ref(h.child)
hr = weakref.ref(h, lambda r: print("holder callback"))
del h
print("--- a reference an object holds to itself")
o = C(5)
o.me = weakref.ref(o, lambda r: print("self callback, dead:", r() is None))
del o
print("--- a reference that dies first never calls back")
o = C(6)
r = weakref.ref(o, lambda r: print("never"))
del r
del o
print("--- resurrection by __del__ keeps the references")


class Phoenix:
    saved = []

    def __del__(self):
        print("Phoenix __del__, ref sees it:", pr() is self)
        Phoenix.saved.append(self)


p = Phoenix()
pr = weakref.ref(p, lambda r: print("Phoenix callback"))
del p
print("saved, ref alive:", pr() is Phoenix.saved[0])
Phoenix.saved.clear()
print("cleared, ref dead:", pr() is None)
print("--- a generator's callback runs before its close()")


def gen():
    try:
        yield 1
    finally:
        print("generator finally, ref dead:", gr() is None)


g = gen()
next(g)
gr = weakref.ref(g, lambda r: print("generator callback"))
del g
print("--- callbacks see the world after the death")
registry = {}


class Tracked:
    def __init__(self, key):
        registry[key] = weakref.ref(self, lambda r, key=key: registry.pop(key))


items = [Tracked(k) for k in "abc"]
print(sorted(registry))
del items[1]
print(sorted(registry))
items.clear()
print(sorted(registry))
print("end")
