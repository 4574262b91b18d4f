# Builtin methods declared with what they take: CPython's messages for a
# wrong count or a receiver of another type; classes as dict keys; the
# types declared outside the VM's kinds (GenericAlias, mappingproxy,
# member descriptors).

def show(label, f):
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "->", type(e).__name__, e)

show("append none", lambda: [].append())
show("append two", lambda: [].append(1, 2))
show("append keyword", lambda: [].append(x=1))
show("clear one", lambda: [].clear(1))
show("count none", lambda: [].count())
show("keys one", lambda: {}.keys(1))
show("set add none", lambda: set().add())
show("unbound wrong receiver", lambda: list.append((), 1))
show("unbound str method", lambda: str.lower(5))
show("unbound no receiver", lambda: list.append())
L = [3]
list.append(L, 4)
show("unbound right receiver", lambda: L)
class MyList(list):
    pass
m = MyList()
list.append(m, 1)
show("unbound on subclass", lambda: (m, type(m).__name__))

# Classes as dict keys, however the class value was obtained.
class A: pass
class Meta(type): pass
class B(metaclass=Meta): pass
d = {A: "a", int: "int", B: "b"}
print("class keys", d[type(A())], d[type(5)], d[type(B())], B in d, type(B) is Meta)

# Tuples of objects with __eq__/__hash__ as keys.
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
    def __hash__(self): return hash(self.x)
memo = {(P(1), "k"): 1}
print("tuple keys", memo.get((P(1), "k")), (P(2), "k") in memo, hash((P(7),)) == hash((7,)))

# GenericAlias.
print("alias", list[int], dict[str, list[int]], tuple[int, ...], list[int]([1, 2]))
print("alias parts", list[int].__origin__ is list, list[int].__args__, type(list[int]).__name__)
print("alias eq", list[int] == list[int], list[int] == list[str], len({list[int], list[int]}))

# mappingproxy.
class K:
    x = 1
    def f(self): return 2
ns = K.__dict__
print("proxy", type(ns).__name__, ns["x"], "f" in ns, "nope" in ns, ns.get("nope", "dflt"))
K.y = 5
print("proxy live", ns["y"], sorted(k for k in ns if not k.startswith("__")))
try:
    ns["z"] = 1
except TypeError as e:
    print("proxy read-only", e)

# Member descriptors of __slots__.
class S:
    __slots__ = ("a", "b")
s = S()
s.a = 1
print("member", type(S.a).__name__, S.a.__name__, S.__dict__["a"].__get__(s, S))
S.b.__set__(s, 9)
print("member set", s.b)
try:
    s.c = 3
except AttributeError as e:
    print("member missing", e)

# Functions are descriptors; bound methods compare by receiver and function.
class F:
    def m(self): return 1
def free(self, x=0): return ("free", type(self).__name__, x)
f = F()
print("bound eq", f.m == f.m, f.m is f.m, f.m == F().m, hash(f.m) == hash(f.m), {f.m: 1}[f.m])
bm = free.__get__(f)
print("function __get__", bm(1), type(bm).__name__, bm.__self__ is f, bm.__func__ is free)
print("function __get__ None", free.__get__(None, F) is free)

# Exceptions show their arguments through the arguments' own __str__/__repr__.
class C:
    def __repr__(self): return "C!"
    def __str__(self): return "c-str"
e = ValueError(C())
print("exception text", str(e), repr(e), [e], str(ValueError(C(), 2)), KeyError(C()))
class MyErr(Exception): pass
print("user exception text", MyErr(C()), repr(MyErr(C(), "x")))
# Flags that must be ints.
print("int flags", sorted([1, 2], reverse=2), "a\nb".splitlines(2))
for flag in (C(), 1.5):
    try:
        sorted([1], reverse=flag)
    except TypeError as err:
        print("flag", err)
