# Sets, dicts and views with keys whose __eq__/__hash__ are Python code;
# super() reaching the dunders of builtin bases and of object; metaclass
# attribute hooks; data descriptors added to a base later; __class__ claims.


class Mod10:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Mod10) and self.v % 10 == other.v % 10

    def __hash__(self):
        return hash(self.v % 10)

    def __repr__(self):
        return f"M({self.v})"


a, b, c = Mod10(1), Mod10(11), Mod10(2)
print("set()", sorted(set([a, b, c]), key=lambda m: m.v))
print("literal", len({a, b, c}), len({*[a, b], c}))
print("frozenset", len(frozenset([a, b])))
print("fromkeys", dict.fromkeys([a, b]))
print("dict update", len(dict([(a, 1), (b, 2)])), dict([(a, 1), (b, 2)])[a])
print("kwargs-free merge", {a: 1} | {b: 2})
print("values eq", {1: a} == {1: b}, {1: a} != {1: c})
print("keys eq", {a: 0} == {b: 0}, {a: 0}.keys() == {b: 0}.keys())
print("items contain", (b, 0) in {a: 0}.items(), b in {a: 0}.values() or "no")
print("values contain", b in list({0: a}.values()), b in {0: a}.values())
print("set eq/subset", {a} == {b}, {a} <= {b, c}, {a, c} > {b}, {a} < {b})
print("set algebra", len({a} | {b}), len({a, c} & {b}), len({a, c} - {b}), len({a} ^ {b, c}))
print("methods", len({a}.union([b])), {a}.isdisjoint([b]), {a}.issubset([b]), {a, c}.issuperset([b]))
s = {a, c}
s -= {b}
print("isub", s)
s = {a}
s |= {b, c}
print("ior", len(s))
print("in", b in {a}, b in {a: 1}, b in frozenset([a]))


class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2

    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)

    def __contains__(self, k):
        return super().__contains__(k) or k == "any"

    def __len__(self):
        return super().__len__() + 100

    def __repr__(self):
        return "D" + super().__repr__()


d = D(a=1)
d["b"] = 10
print(d["a"], d["b"], "any" in d, "a" in d, "zz" in d, len(d), repr(d))


class L(list):
    def __getitem__(self, i):
        return super().__getitem__(i) + 1

    def __iter__(self):
        return super().__iter__()

    def __add__(self, other):
        return L(super().__add__(other))

    def __eq__(self, other):
        return super().__eq__(other)


l = L([1, 2])
print(l[0], list(l), type(l + [3]).__name__, l == [1, 2], l != [1, 2])


class S(str):
    def __add__(self, o):
        return S(super().__add__(o).upper())

    def __mod__(self, o):
        return "fmt:" + super().__mod__(o)

    def __hash__(self):
        return super().__hash__()


print(S("a") + "b", S("%s-%s") % (1, 2), hash(S("x")) == hash("x"))


class I(int):
    def __add__(self, o):
        return I(super().__add__(o) * 2)

    def __radd__(self, o):
        return "I.radd"

    def __lt__(self, o):
        return super().__lt__(o)


print(I(3) + 4, I(1) < 2, 1.5 + I(2), 1 + I(2), I(1).__lt__("x"))


class F(float):
    def __radd__(self, o):
        return "F.radd"


print(1 + F(2), 1.0 + F(2))
print((5).__radd__(3), (5).__add__("x"), (5).__lt__("x"), int.__add__(3, 4))
print(float.__rsub__(1.0, 3), str.__mod__("%d", 5), list.__mul__([1], 2))
print((5).__neg__(), (-5).__abs__(), (5).__invert__(), (2).__pow__(10), (7).__rfloordiv__(100))


class Plain:
    def __repr__(self):
        return "Plain!"


p = Plain()
print(p.__str__(), object.__str__(p), p.__eq__(p), p.__eq__(1), p.__ne__(1), p.__lt__(p))
print(p.__format__(""), format(p), p.__hash__() == hash(p), object.__eq__(p, p), object.__ne__(p, p))
try:
    format(p, "x")
except TypeError as e:
    print("TypeError", e)


class EqOnly:
    def __eq__(self, o):
        return True


print(EqOnly().__ne__(1), EqOnly() != 1)


class Meta(type):
    def __getattr__(cls, name):
        return "meta-" + name

    def __setattr__(cls, name, value):
        print("meta set", name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("meta del", name)
        super().__delattr__(name)


class C(metaclass=Meta):
    pass


print(C.foo)
C.x = 1
print(C.x)
del C.x
print(C.x)


class Base:
    pass


class Child(Base):
    pass


child = Child()
child.x = 5
Base.x = property(lambda self: 42)
print("late property", child.x)


class Impostor:
    @property
    def __class__(self):
        return int


print(isinstance(Impostor(), int), type(Impostor()).__name__, Impostor().__class__)

for name in ["__dict__", "__mro__"]:
    try:
        setattr(Base, name, {})
    except AttributeError as e:
        print("AttributeError", e)
try:
    int.x = 1
except TypeError as e:
    print("TypeError", e)
