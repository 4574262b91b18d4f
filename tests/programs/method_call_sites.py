# One call site seeing methods through classes and instances of builtin
# subclasses, while the classes change under it.


class P:
    def m(self, x):
        return ("P.m", x)


class Q(P):
    pass


def call_on_class(cls, obj, x):
    return cls.m(obj, x)


p = P()
results = []
for step in range(6):
    if step == 2:
        P.m = lambda self, x: ("replaced", x)
    if step == 4:
        Q.m = lambda self, x: ("Q.m", x)
    results.append(call_on_class(P, p, step))
    results.append(call_on_class(Q, p, step))
print(results)


def call_get(cls, d, k):
    return cls.get(d, k, "default")


class D(dict):
    pass


d = D(a=1)
print(call_get(dict, d, "a"), call_get(D, d, "a"), call_get(dict, {}, "a"))
D.get = lambda self, k, default=None: ("D.get", k, default)
print(call_get(D, d, "a"), call_get(dict, d, "a"), d.get("a"))
del D.get
print(call_get(D, d, "a"), d.get("a"), d.get("zz", 0))


# Builtin methods on instances of builtin subclasses, the same site
# seeing a plain dict, a subclass, and a subclass instance with its own
# attribute of the method's name.
def site(obj):
    return obj.get("a", "none")


class E(dict):
    pass


e = E(a=5)
print(site({"a": 1}), site(d), site(e))
e.get = lambda k, default=None: ("instance attr", k)
print(site(e), site(E(a=6)))


# A metaclass whose attribute supplies the name when the class lacks it.
class Meta(type):
    def helper(cls, x):
        return ("Meta.helper", cls.__name__, x)


class WithMeta(metaclass=Meta):
    pass


def call_helper(cls):
    return cls.helper(1)


print(call_helper(WithMeta), call_helper(WithMeta))
WithMeta.helper = staticmethod(lambda x: ("static", x))
print(call_helper(WithMeta))


# classmethod and staticmethod through the class at one site.
class K:
    @classmethod
    def make(cls, x):
        return (cls.__name__, x)

    @staticmethod
    def plain(x):
        return ("plain", x)


class L(K):
    pass


def make(cls):
    return cls.make(1), cls.plain(2)


print(make(K), make(L), make(K))


# Wrong receivers raise the same errors.
class A:
    get = dict.get


for thing in (A(), A):
    try:
        print(dict.get(thing, 1))
    except TypeError as err:
        print("TypeError:", err)
try:
    A().get(1)
except TypeError as err:
    print("TypeError:", err)
