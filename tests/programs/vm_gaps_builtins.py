# Builtin gaps found by another implementation's test suite: format specs
# (zero padding with grouping, nan/inf with %), set reprs of subclasses
# and cycles, struct.Struct subclasses and re-initialisation.

# --- format: zero padding takes the grouping, nan% and inf%
cases = [(123, "04_"), (123.456, "08,"), (1234, "012,d"), (1234.5, "012,.2f"), (1234.5, "015,e"),
         (1234.5, "012,g"), (-1234.5, "012,.1f"), (1234, "06,"), (1234, "07,"), (1234, "05,"),
         (123, "05_"), (1, "09,.3f"), (12345678.9, "020_.2f"), (float("nan"), "%"), (float("inf"), "%"),
         (float("-inf"), ".2%"), (float("nan"), "010%"), (0.5, "010,%"), (1234567, "0=15,"),
         (255, "012_x"), (255, "#012_x"), (255, "#012_b"), (1e20, "030,f"), (123.456, "08,"),
         (123456, "09,"), (1.5e-7, "020,"), (1234.0, "010,"), (-0.0, "08,"), (12, "0=+8,"),
         (1234, "+08,"), (1234.5, " 012,.1f"), (1234, "0>10,"), (1234, "x<10,"), (float("nan"), "08,"), (float("nan"), "=8")]
for v, spec in cases:
    try:
        print(repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
import hashlib
vals = [0, 1, 12, 123, 1234, 12345, 123456, -1, -1234, 0.5, 1.25, 1234.5, -1234.5, 1e10, float("inf"), float("-inf"), float("nan"), 255]
specs = []
for sign in ["", "+", " "]:
    for w in ["1", "4", "5", "6", "7", "8", "9", "12"]:
        for g in [",", "_"]:
            for t in ["", "d", "f", ".2f", "e", "g", "%", "x", "b"]:
                specs.append(f"{sign}0{w}{g}{t}")
out = []
for v in vals:
    for s in specs:
        try:
            out.append(format(v, s))
        except Exception as e:
            out.append(type(e).__name__ + str(e))
for v in vals[:3]:
    print([format(v, s) if not isinstance(v, int) or "f" not in s else "" for s in ["08,", "+09_", " 07,"]])
# Every spec agrees with CPython's: a digest of all of them, and a sample.
print(hashlib.md5("\n".join(out).encode()).hexdigest(), len(out), out[::97])
print("{:%}".format(float("nan")), "{:%}".format(float("inf")), "{:E}".format(float("nan")), "{:%}".format(float("-inf")))
print(f"{123:04_}", f"{123.456:08,}", f"{1234:012,d}")

# --- set reprs
class S(set): pass
class F(frozenset): pass
print(repr(S([1])), repr(S()), repr(F([1])), repr(F()), repr(set()), repr(frozenset()))
class R:
    def __init__(self): self.s = None
    def __repr__(self): return repr(self.s)
    def __hash__(self): return 1
r = R(); s = {r}; r.s = s
print(repr(s))
fs = frozenset([r]); r.s = fs
print(repr(fs))
s2 = S([r]); r.s = s2
print(repr(s2))
class S3(set):
    def __repr__(self): return "S3!"
print(repr(S3([1])), str(S([2])))
class R:
    def __repr__(self): return "R!"
class L(list): pass
class S(set): pass  # (again)
class D(dict): pass
print(repr(L([R()])), repr(S([R()])), repr(D({1: R()})))
print(str(L([R()])), str(S([R()])), str(D({1: R()})))
class T(tuple): pass
print(repr(T((R(),))), str(T((1,))))
l = L(); l.append(l); print(l)
d = D(); d[1] = d; print(d)

# --- struct.Struct
import struct
class MyS(struct.Struct):
    def __init__(self):
        super().__init__(">h")
m = MyS()
print(m.format, m.size, m.pack(5), type(m).__name__, isinstance(m, struct.Struct))
s = struct.Struct(">h"); s.__init__(">hh")
print((s.format, s.size) == ('>hh', 4), s.unpack(b"\x00\x01\x00\x02"))
class S2(struct.Struct):
    pass
s2 = S2("<i"); print(s2.size, s2.unpack(b"\x01\x00\x00\x00"))
class S3(struct.Struct):
    def __init__(self, fmt, extra):
        super().__init__(fmt); self.extra = extra
s3 = S3("b", 9); print(s3.size, s3.extra)
for a in [(), ("h", 1), (5,), ("q",)]:
    try: s = struct.Struct(*a); print(s.format, s.size)
    except Exception as e: print(type(e).__name__, e)
try: struct.Struct(format="<h").size and print("kw ok")
except Exception as e: print(type(e).__name__, e)
s = struct.Struct("i")

# --- super: unbound (one argument), in a metaclass method
s = super(int)
print(repr(s))
print(s.__thisclass__, s.__self__, s.__self_class__)
class M(type):
    def f(cls):
        return super().mro()
class C(metaclass=M): pass
print(C.f())
try:
    print(str(super(type, None)))
except Exception as e: print(type(e).__name__, e)
class A:
    def m(self): return "A"
class B(A):
    def m(self): return "B" + super().m()
print(repr(super(B, B())).split(" object")[0])
print(super(B, B()).m())
try:
    super(int).real
except AttributeError as e: print(e)
try:
    super(1, 2, 3)
except TypeError as e: print(e)
print(super(A, A()).__self_class__, super(A, A).__self_class__, super(B, B()).__thisclass__)

# --- eval/exec: a dict subclass as locals answers name loads through __getitem__
class L(dict):
    __getitem__ = lambda s, k: len(k)
print(eval("a + word", L()))
ns = L()
exec("x = a + bb", {}, ns)
print(dict.items(ns))
class M(dict):
    def __missing__(self, k): return k.upper()
print(eval("abc", {}, M()))
class N(dict):
    def __getitem__(self, k):
        if k == "q": return 42
        raise KeyError(k)
print(eval("q + len([1])", {}, N()))
try:
    eval("zz", {}, N())
except NameError as e: print("NameError", e)
import collections.abc
class Map(collections.abc.Mapping):
    def __getitem__(self, k):
        if k == "v": return 7
        raise KeyError(k)
    def __len__(self): return 1
    def __iter__(self): return iter(["v"])
print(eval("v * 2", {}, Map()))

# --- itertools: r arguments, a chain over a non-iterable is over
import itertools, pickle
for f in [lambda: itertools.combinations([1, 2], None), lambda: itertools.permutations([1,2], "a"),
          lambda: itertools.combinations_with_replacement([1], None), lambda: itertools.combinations([1,2], -1)]:
    try: print(list(f()))
    except Exception as e: print(type(e).__name__, e)
print(list(itertools.permutations([1,2], None)))
x = itertools.chain(1, [2])
try: next(x)
except TypeError as e: print("TypeError", e)
print(list(x))
x = itertools.chain([1], 5, [3])
print(next(x))
try: next(x)
except TypeError as e: print("TypeError", e)
print(list(x))
y = itertools.chain.from_iterable([[1], 5, [3]])
print(next(y))
try: next(y)
except TypeError as e: print("TypeError", e)
print(list(y))

# --- int digit limit in %-formatting and format specs
import sys
sys.set_int_max_str_digits(4000)
n = 10**4001
for f in [lambda: "%d" % n, lambda: b"%d" % n, lambda: format(n, ""), lambda: format(n, "d"), lambda: format(n, ",d"),
          lambda: "%i" % n, lambda: "%u" % n, lambda: "{}".format(n), lambda: f"{n}", lambda: f"{n:_}", lambda: str(n), lambda: repr(n),
          lambda: "%s" % n, lambda: "%r" % n, lambda: format(n, "x")[:3], lambda: "%x" % n and 1, lambda: format(n, "n"), lambda: b"%i" % n]:
    try: print(len(str(f())))
    except ValueError as e: print("ValueError", e)
print(len("%d" % 10**3999), len(format(-10**3998, ",")))
sys.set_int_max_str_digits(0)
print(len("%d" % n))

# --- dict.__ior__, property.__get__/__set__/__delete__ and __doc__, range.__reduce__,
# type.__prepare__, BaseException.args as a class-level descriptor
d = {1: 2}
print(d.__ior__({3: 4}), d, dict.__ior__(d, [(5, 6)]))
def f(self): return "got"
p = property(f)
class O: pass
o = O()
print(p.__get__(o), p.__get__(None, O) is p)
def setter(self, v): self.v = v
p2 = property(f, setter)
p2.__set__(o, 5); print(o.v)
def deleter(self): print("deleted")
p3 = property(f, None, deleter); p3.__delete__(o)
try: p.__set__(o, 1)
except AttributeError as e: print("AttributeError", e)
try: p.__delete__(o)
except AttributeError as e: print("AttributeError", e)
print(range(1, 10, 2).__reduce__())
print(type.__prepare__("x", ()), type(type.__prepare__()), type.__prepare__(1, 2, a=3))
class M(type): pass
print(M.__prepare__("a", ()))
e = ValueError(1, 2)
print(BaseException.args.__get__(e), hasattr(BaseException, 'args'), type(BaseException.args).__name__)
p.__doc__ = "changed"; print(p.__doc__)
pp = property(doc="a"); print(pp.__doc__)
print(property("a").getter(None).fget)
print(property(lambda s: 1, doc="d").getter(f).__doc__)
print(hasattr(ValueError, "args"), hasattr(int, "args"), repr(ValueError.args))
BaseException.args.__set__(e, [3]); print(e.args)
try:
    BaseException.args.__get__(5)
except TypeError as x: print(x)
print(hasattr(type, "__prepare__"), hasattr(int, "__prepare__"))
e = ValueError(1)
e.args = [3]
print(e.args)
e.args = "ab"
print(e.args)
try:
    e.args = 5
except TypeError as x: print(x)

# --- introspection and messages: method reprs, __new__ qualnames, repeat counts, fromhex
print(repr(str.replace), repr(list.append), repr(dict.get))
print(Exception.__new__.__qualname__, object.__new__.__qualname__, int.__new__.__qualname__)
print(str.replace.__qualname__, str.replace.__name__)
try: bytearray(b"a") * 2**100
except OverflowError as e: print("OverflowError", e)
try: list.append([], 1, x=1)
except TypeError as e: print("TypeError", e)
try: [].append(1, x=1)
except TypeError as e: print("TypeError", e)
print(float.fromhex("\x0b1.0"), float.fromhex(" 0x1p1\x0c\n"), float.fromhex("\t\r 1.8 \x1f" if False else "\t\r 1.8 "))
try: float.fromhex("\x1c1.0")
except ValueError as e: print("ValueError", e)
for e in ["[1] * -2**100", "bytearray(b'a') * -2**100", "b'a' * -2**100", "'a' * -2**100", "(1,) * -2**100", "x = [1]; x *= -2**100", "x = bytearray(b'a'); x *= 2**100"]:
    try: exec(e); print("ok", e)
    except Exception as x: print(type(x).__name__, x)
class C: pass
print(C.__new__.__qualname__, ValueError.__new__.__qualname__, repr(int.bit_length))
for a in ["ValueError.__new__(KeyError)", "ValueError.__new__(int)", "OSError.__new__(OSError, 2, \"x\")", "BaseException.__new__(ValueError, 1).args"]:
  try: print(repr(eval(a)))
  except Exception as e: print(type(e).__name__, e)
