# Calls bound in place (*args, **kwargs, keyword-only defaults, methods),
# math.gcd on small and big ints, super() lookups along the MRO.
import math
def f(a, b=2, *args, **kw): return (a, b, args, kw)
def g(a, **kw): return (a, kw)
def h(*args): return args
def k(a, *args, c=1, **kw): return (a, args, c, kw)
class C:
    def m(self, *a, **k): return (a, k)
c = C()
for _ in range(3):
    print(f(1), f(1, 3), f(1, 3, 4, 5), g(1), h(), h(1, 2), k(1, 2), c.m(), c.m(1), c.m(x=1))
def cap(a, **kw):
    return lambda: (a, kw)
print(cap(5)())
try:
    g(1, 2)
except TypeError as e:
    print(e)
try:
    g()
except TypeError as e:
    print(e)
try:
    c.m.__func__()
except TypeError as e:
    print(e)
def kwmut(**kw):
    kw["x"] = 1
    return kw
print(kwmut(), kwmut())
print(math.gcd(), math.gcd(0), math.gcd(-12, 18), math.gcd(12, -18, 27), math.gcd(-2**63, 0), math.gcd(-2**63, -2**63), math.gcd(2**63-1, 7), math.gcd(0, 0), math.gcd(10**30, 10), math.gcd(5, True))
class B(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
class A:
    def f(self): return "A"
class C(A):
    def f(self): return "C" + super().f()
class D(C):
    def f(self): return "D" + super().f()
print(B(a=1)["a"], D().f(), super(C, D()).f())
try:
    super(D, D()).g
except AttributeError as e:
    print(e)
def a(x, *, k=1): return (x, k)
def b(x, *args, k=2, **kw): return (x, args, k, kw)
def c(x, y=5, *, k, m=3): return (x, y, k, m)
def d(*, k=[]):
    k.append(1); return len(k)
def e(x, *, k=10):
    return lambda: x + k
def f(*args, k=0): return (args, k)
for _ in range(3):
    print(a(1), b(1), b(1, 2, 3), d(), e(5)(), f(), f(1, 2), c(1, k=2), c(1, 2, k=3))
try:
    c(1)
except TypeError as ex:
    print(ex)
try:
    a(1, 2)
except TypeError as ex:
    print(ex)
a.__kwdefaults__ = {"k": 99}
print(a(1))
a.__kwdefaults__ = None
try:
    a(1)
except TypeError as ex:
    print(ex)
class C:
    def m(self, x=1, *, flag=False): return (x, flag)
print(C().m(), C().m(2), C().m(flag=True))
