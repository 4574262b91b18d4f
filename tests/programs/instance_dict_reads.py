# `obj.__dict__` read at one site again and again (the site remembers that
# the name reads the instance's dict): the dict is the instance's own, live,
# and the answer follows the class when it changes.


class Plain:
    def __init__(self, x):
        self.x = x


def dicts(objs):
    return [o.__dict__ for o in objs]


a, b = Plain(1), Plain(2)
for _ in range(3):
    print(dicts([a, b]))
d = a.__dict__
d["y"] = 5
print(a.y, dicts([a]), d is a.__dict__)
a.z = 7
print(sorted(d), dicts([a, b]))

# A dict set wholesale replaces the one read.
b.__dict__ = {"w": 1}
print(dicts([a, b]), b.w)


# Instances of a subclass and of another class through the same site.
class Sub(Plain):
    pass


class Other:
    pass


o = Other()
o.k = "v"
print(dicts([Sub(3), o, a]))


# A class without instance dicts: AttributeError at the site.
class Slotted:
    __slots__ = ("s",)


def dict_or_error(obj):
    try:
        return obj.__dict__
    except AttributeError as e:
        return "AttributeError: " + str(e)


for obj in [Plain(4), Slotted(), Plain(5)]:
    print(dict_or_error(obj))


# __getattribute__ added to the class later: it sees the read.
class Watched:
    def __init__(self):
        self.v = 1


w = Watched()
print(dicts([w]))
Watched.__getattribute__ = lambda self, name: "intercepted " + name
print(dicts([w]))
del Watched.__getattribute__
print(dicts([w]))


# __getattr__ is not consulted: the dict exists.
class Fallback:
    def __getattr__(self, name):
        return "fallback " + name


f = Fallback()
f.q = 1
print(dicts([f, f]))

# vars() and __dict__ agree, and a deleted attribute leaves both.
p = Plain(9)
p.extra = 10
del p.x
print(dicts([p]), vars(p), vars(p) is p.__dict__)


# A `__dict__` of the class statement's own (a property) wins over the
# instance's dict, as any data descriptor of the class would.
class Shadowed:
    @property
    def __dict__(self):
        return "the property"


print(dicts([Shadowed(), Plain(6), Shadowed()]))


# Subclasses of builtin types with instance dicts.
class E(Exception):
    pass


class L(list):
    pass


e = E("m")
e.note = 1
lst = L([1])
lst.tag = "t"
print(dicts([e, lst, E()]))
