# Cases a review of the object-model change found: lazy reversed(), `in`
# on subclasses of builtins that iterate differently, object() without a
# __dict__, `__new__ = object.__new__`, deeply nested isinstance tuples,
# the mappingproxy as a mapping, exception text through __str__/__repr__.

class R:
    def __len__(self): return 10**18
    def __getitem__(self, i): return i
print("reversed huge", next(reversed(R())))
class Q:
    def __len__(self): return 3
    def __getitem__(self, i): return "q%d" % i
print("reversed seq", list(reversed(Q())), type(reversed(Q())).__name__)

class L(list):
    def __iter__(self): return iter([])
class S(str):
    def __getitem__(self, i): return str.__getitem__(self, i)
class D(dict):
    def __iter__(self): return iter([])
print("in subclasses", 1 in L([1]), "ab" in S("abc"), "k" in D(k=1), 2 in L([1]))
class C(list):
    def __contains__(self, x): return x == "m"
print("own contains", "m" in C(), 1 in C([1]))

o = object()
try:
    o.x = 1
except AttributeError as e:
    print("object attr", e)

class A:
    __new__ = object.__new__
    def __init__(self, x): self.x = x
print("object.__new__ in body", A(1).x)

t = str
for _ in range(500):
    t = (t,)
print("nested isinstance", isinstance("a", t), isinstance(1, t), issubclass(bool, (str, (int,))))

class K:
    x = 1
    def f(self): pass
ns = K.__dict__
print("proxy eq", ns == dict(ns), sorted(k for k in ns.keys() if not k.startswith("__")))
print("proxy copy/or", type(ns.copy()).__name__, sorted(k for k in (ns | {"z": 1}) if not k.startswith("__")))
print("proxy reversed", list(reversed(ns))[-1] == list(ns)[0], len(ns.items()) == len(ns))
try:
    hash(ns)
except TypeError as e:
    print("proxy hash", e)

class O:
    def __repr__(self): return "O!"
class E(Exception):
    def __str__(self): return "custom"
try:
    raise E(1)
except E as e:
    print("own __str__", e, repr(e))
print("key error text", str(KeyError(O())), repr(KeyError(O())))

# Methods of set, float and int called on instances of their subclasses.
class St(set): pass
class F(float): pass
class I(int): pass
s = St(); s.add(1); s.discard(2)
print("subclass methods", sorted(s), F(1.0).is_integer(), I(5).bit_length(), F(2.5).as_integer_ratio())
