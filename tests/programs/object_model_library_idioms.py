# Idioms of real libraries (markup strings, named-tuple keys, factories
# in __new__, attribute hooks, multiple dispatch, cached class methods,
# generated long formulas), each compared with python3.
import functools


class Markup(str):
    """A str whose repr differs from its text (markupsafe, genshi)."""

    def __repr__(self):
        return f"Markup({str.__repr__(self)})"


m = Markup("<b>hi</b>")
print(str(m), "%s" % m, f"{m}", "{}".format(m), str(m) == m, repr(m))
print(m.__str__(), str.__str__(m), [m], type(str(m)).__name__)


class Number(int):
    def __repr__(self):
        return "Number!"


n = Number(3)
print(str(n), f"{n}", "%s" % n, n.__str__(), repr(n), "%d" % n)


class Blob(bytes):
    def __repr__(self):
        return "Blob!"


print(str(Blob(b"x")), repr(Blob(b"x")))


class Key(tuple):
    pass


class Name(str):
    pass


d = {}
d[Key((1, 2))] = "k"
d[Name("n")] = "n"
d[Number(5)] = "5"
print(sorted(type(k).__name__ for k in d), d[(1, 2)], d["n"], d[5])
del d[Name("n")]
print(len(d), "n" in d)


class Shape:
    def __new__(cls, sides=0):
        if cls is Shape and sides == 4:
            return object.__new__(Square)
        return object.__new__(cls)

    def __init__(self, sides=0):
        self.kind = "shape"


class Square(Shape):
    def __init__(self, sides=4):
        self.kind = "square"


print(type(Shape(4)).__name__, Shape(4).kind, Shape(3).kind)


class Options:
    """Every assignment goes through __setattr__, even over a property."""

    def __setattr__(self, name, value):
        object.__setattr__(self, "_" + name, value)

    size = property(lambda self: 42)


o = Options()
o.size = 7
print(o.size, sorted(vars(o).items()))


class Frozen:
    size = property(lambda self: 1)


try:
    object.__setattr__(Frozen(), "size", 2)
except AttributeError as err:
    print("AttributeError", err)
try:
    del Frozen().size
except AttributeError as err:
    print("AttributeError", err)


class Base:
    pass


class Meta(type):
    pass


class Derived(Base, metaclass=Meta):
    pass


print([c.__name__ for c in type.mro(Derived)], [c.__name__ for c in Derived.mro()])
print([c.__name__ for c in Meta.mro(Meta)])


class Registry:
    @classmethod
    @functools.lru_cache(maxsize=None)
    def lookup(cls, name):
        return name.upper()


print(Registry.lookup("a"), Registry.lookup("a"), Registry.lookup.cache_info().hits)
Registry.lookup.cache_clear()
print(Registry.lookup.cache_info().currsize)

p = q = 2
# Many operators, shallow tree: 120 products of 7 factors summed.
total = eval(" + ".join(["3*p**2*q*p*q*p*q"] * 120))
print(total)
