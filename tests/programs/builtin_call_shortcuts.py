# Calls answered without the general call layers: dict.get on an exact
# dict, str(s) of an exact str, f(*args, **kwargs) with empty keywords,
# getattr/hasattr with __getattr__, and str searches.
d = {1: "a", "x": 2, (1, 2): "t"}
print(d.get(1), d.get(2), d.get(2, "default"), d.get((1, 2)), dict.get(d, "x"), dict.get(d, "y", 5))
for call in (lambda: d.get([1]), lambda: d.get(), lambda: d.get(1, 2, 3), lambda: dict.get([], 1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

class AnyKey:
    def __hash__(self):
        return hash(1)
    def __eq__(self, other):
        return True

print(d.get(AnyKey()))

class D(dict):
    def get(self, key, default=None):
        return "overridden"

print(D().get(1), dict.get(D(a=1), "a"))
get = d.get
print(get(1), get(3, 4))

class S(str):
    pass

s = "text"
print(str(s) is s, type(str(S("x"))).__name__, str(S("x")) == "x", str(), str(b"x", "ascii"))

def f(a, b=2, *rest, k=3, **kw):
    return a, b, rest, k, kw

class C:
    def m(self, x, y=10):
        return type(self).__name__, x, y
    def forward(self, *args, **kwargs):
        return self.m(*args, **kwargs)

c = C()
print(f(*(1,)), f(*(1, 2, 3, 4)), f(*[1, 2], **{}), f(*(1,), **{"k": 5, "z": 6}))
print(c.m(*(1,)), c.forward(1), c.forward(1, y=3), c.forward(*(4, 5)))
for call in (lambda: c.forward(), lambda: c.forward(1, 2, 3), lambda: c.forward(1, z=1), lambda: f(*1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

def countdown(n, *args, **kwargs):
    return n if n == 0 else countdown(*(n - 1,), **kwargs)

print(countdown(100))

class Lazy:
    def __getattr__(self, name):
        return "lazy " + name

class Sub(Lazy):
    pass

print(getattr(Sub(), "missing", None), hasattr(Sub(), "x"), getattr(object(), "missing", 1))

text = "héllo wörld/path/to.file.txt"
for sub in ["", "l", "ö", "/", ".", "wör", "xyz", "txt", "é"]:
    print(repr(sub), text.find(sub), text.rfind(sub), text.find(sub, 3), text.rfind(sub, 0, 10), sub in text)
long = "ab" * 100 + "needle" + "ab" * 100
print(long.find("needle"), long.rfind("ab"), "needle" in long, long.rfind("needle", 0, 150))
