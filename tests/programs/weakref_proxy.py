# weakref.proxy: every operation goes to the referent; ReferenceError
# once it died.
import weakref


class Num:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Num(%d)" % self.n

    def __str__(self):
        return "num %d" % self.n

    def double(self):
        return self.n * 2

    def __add__(self, other):
        return Num(self.n + (other.n if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.n + 100)

    def __iadd__(self, other):
        self.n += other
        return self

    def __sub__(self, other):
        return self.n - other

    def __mul__(self, other):
        return self.n * other

    def __neg__(self):
        return -self.n

    def __abs__(self):
        return abs(self.n)

    def __int__(self):
        return self.n

    def __float__(self):
        return float(self.n)

    def __index__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, Num) and other.n == self.n

    def __lt__(self, other):
        return self.n < other.n

    def __hash__(self):
        return hash(self.n)

    def __bool__(self):
        return self.n != 0


class Box:
    def __init__(self):
        self.items = [1, 2, 3]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items

    def __call__(self, *args, **kwargs):
        return ("called", args, kwargs)


n = Num(3)
p = weakref.proxy(n)
print(type(p), isinstance(p, weakref.ProxyType), isinstance(p, Num))
print(p.n, p.double(), getattr(p, "n"), hasattr(p, "missing"))
print(p + 1, 1 + p, p + p, p - 1, p * 2, -p, abs(p), int(p), float(p))
print(p == Num(3), p != Num(3), p < Num(4), bool(p), [10, 20, 30, 40][p])
print(str(p), "%s" % p, f"{p}", p.__class__.__name__)
p.n = 10
print("set through the proxy:", n.n)
p.extra = "x"
print("new attribute:", n.extra)
del p.extra
print("deleted:", hasattr(n, "extra"))
q = p
q += 5
print("in place:", type(q).__name__, n.n, q is n)
print("repr:", repr(p).startswith("<weakproxy at 0x"), " to Num at 0x" in repr(p))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)

b = Box()
bp = weakref.proxy(b)
print(type(bp), len(bp), bp[0], list(bp), 2 in bp, 9 in bp)
bp[0] = 7
del bp[1]
print(b.items, bp(1, k=2))
print("shared proxies:", weakref.proxy(b) is bp, weakref.proxy(n) is p)
print("count:", weakref.getweakrefcount(b))

log = []
cp = weakref.proxy(b, lambda x: log.append(type(x).__name__))
print("proxy with callback is new:", cp is not bp)
del b
print("callback got the proxy:", log)
for what, attempt in [("attribute", lambda: bp.items), ("len", lambda: len(bp)),
                      ("str", lambda: str(bp)), ("call", lambda: bp()),
                      ("bool", lambda: bool(bp)), ("compare", lambda: bp == 1),
                      ("set", lambda: setattr(bp, "x", 1))]:
    try:
        attempt()
        print(what, "worked?")
    except ReferenceError as e:
        print(what, "ReferenceError:", e)
print("dead repr:", repr(bp).startswith("<weakproxy at 0x"), " to NoneType at " in repr(bp))

try:
    class Sub(weakref.ProxyType):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.proxy(n, callback=None)
except TypeError as e:
    print("TypeError:", e)


def function(x):
    return x * 3


fp = weakref.proxy(function)
print(type(fp).__name__, fp(2), fp.__name__)
print("end")
