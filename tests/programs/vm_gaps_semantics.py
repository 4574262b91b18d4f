# Semantics gaps found by running another implementation's test suite:
# each section is one fix, checked against CPython 3.11.

# --- yield from: close() and throw() reach the delegate as PEP 380 says
def leaf():
    try: yield 1
    except GeneratorExit: return
def outer():
    try:
        print((yield from leaf())); yield 10
    finally:
        print("outer finally")
g = outer(); next(g); g.close(); print("closed ok")
g = outer(); next(g)
try: g.throw(GeneratorExit)
except GeneratorExit as e: print("GE", type(e))
class It:
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, *a):
        print("throw got", a)
        return 5
def o2():
    r = yield from It()
    print("r", r)
g = o2(); next(g)
print(g.throw(ZeroDivisionError))
print(g.throw(123))
print(g.throw(ValueError, "x"))
print(g.throw(ValueError("y")))
def o3():
    try:
        yield from leaf()
    except TypeError as e:
        print("caught in o3", e)
        yield 99
g = o3(); next(g)
print(g.throw(123))
def stubborn():
    try: yield 1
    except GeneratorExit: yield 2
def outer():
    try:
        yield from stubborn()
    except RuntimeError as e:
        print("outer saw", e)
        raise
g = outer(); next(g)
try: g.close()
except RuntimeError as e: print("close:", e)
class It:
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, *a): raise StopIteration(42)
    def close(self): print("It.close")
def o2():
    r = yield from It()
    print("r", r)
    yield r
g = o2(); next(g)
print(g.throw(KeyError))
g.close()
g = o2(); next(g); g.close()
import types
@types.coroutine
def waiter():
    try:
        yield "w"
    except GeneratorExit:
        print("waiter exits")
        return
async def main():
    try:
        await waiter()
    finally:
        print("main finally")
co = main(); co.send(None); co.close(); print("coro closed")

# --- struct.pack_into writes into read-write buffers
import struct, array
b = bytearray(6); struct.pack_into('<h', b, 0, 7); print(b)
m = memoryview(b); struct.pack_into('<h', m, 2, 9); print(b)
s = struct.Struct('<h'); s.pack_into(b, -2, 3); print(b)
struct.pack_into('<h', m[2:], 2, 0x0102); print(b)
for call in [lambda: struct.pack_into('<h', b'xx', 0, 1), lambda: struct.pack_into('<h', b, 5, 1),
             lambda: struct.pack_into('<h', b, -1, 1), lambda: struct.pack_into('<h', b, -9, 1),
             lambda: struct.pack_into('<h', b, 0), lambda: struct.pack_into('<h', b), lambda: struct.pack_into(),
             lambda: struct.pack_into('<h', memoryview(b).toreadonly(), 0, 1),
             lambda: struct.pack_into('<h', memoryview(b)[::2], 0, 1), lambda: s.pack_into(b, 0, 1, 2),
             lambda: s.pack_into(b), lambda: struct.pack_into('<h', b, 0, 'x')]:
    try: call()
    except Exception as e: print(type(e).__name__, e)
a = array.array('h', [0, 0]); struct.pack_into('<h', a, 2, 5); print(a)

# --- dict.__getitem__ on a dict subclass calls __missing__
class D(dict):
    def __missing__(self, k): return k * 2
class D2(D):
    def __getitem__(self, k): return super().__getitem__(k)
print(D2()[7], dict.__getitem__(D(), 7), D({1: 'a'})[1], D2({1: 'a'})[1])
try: dict.__getitem__({}, 7)
except KeyError as e: print("KeyError", e)
class E(dict): pass
try: E().__getitem__(3)
except KeyError as e: print("KeyError", e)

# --- the builtin iterator types are subclassable (range is not)
class R(reversed): pass
print(type(R([1])).__name__, type(R((1,2))).__name__, list(R('abc')))
class M(map):
    def __init__(self, *a): self.tag = len(a)
m = M(abs, [-1, -2])
print(type(m).__name__, m.tag, iter(m) is m, next(m), list(m), isinstance(m, map))
class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v
print(list(E('ab', 1)))
for i, v in E('xy'): print(i, v)
class Z(zip): pass
print(list(Z([1,2],[3,4])), list(Z([1],[2], strict=True)))
class F(filter): pass
print(list(F(None, [0,1,2])), sorted(F(None, [3, 0, 1])), [x for x in F(None, [5])])
print(map.__new__(M, abs, [-3]).__class__.__name__)
try: M(abs)
except TypeError as e: print(e)
print(type(map(abs, [])).__name__, map.__iter__ is not None)

# --- annotations: a bare annotated name is local; complex targets are evaluated
x = 1
def f():
    x: int
    print(x)
try: f()
except UnboundLocalError as e: print("UnboundLocalError", e)
def g():
    (x): int
    return x
print(g())
try:
    undefined_q.y: int
except NameError as e: print("NameError", e)
def h():
    undefined_r.y: int
try: h()
except NameError as e: print("NameError", e)
order = []
def note(v):
    order.append(v)
    return v
class A:
    def __repr__(self): return "A()"
d = {}
note(A()).y: note("ann1")
note(d)[note(1):note(2)]: note("ann2")
note(d)[note(3), note(4)]: note("ann3")
(x): note("ann4")
print(order)
def k():
    note(d)[note(5)]: note("not evaluated")
k()
print(order, "__annotations__" in dir(), __annotations__)
class C:
    a: int
    (b): note("classann")
    note(d)[note(6)]: int
print(C.__annotations__, order[-3:])
srcs = ["def f():\n    x: int\n    global x\n", "def f():\n    global x\n    x: int\n", "def f():\n    x = 1\n    print(x)\n    global x\n",
        "def f():\n    print(x)\n    x = 1\n    global x\n", "def f():\n    def g():\n        nonlocal x\n        x: int\n    x = 1\n",
        "def f():\n    x: int\n    nonlocal x\n", "global x\nx: int = 1\n"]
for src in srcs:
    try:
        compile(src, "<s>", "exec"); print("ok")
    except SyntaxError as e: print(e.msg, e.lineno, e.offset)

# --- float(): one sign only; float ** with CPython special cases
import math
for s in ["++1", "+-1", "-+1", "--1", " +1 ", "+inf", "-nan", "+ 1", "1_0", "_1", "1__0", "+1e+5", "1e++5", "infinity", "+Infinity", "- inf", "0x10", "1.5e", ".", "+.5", "-.e1", "nan(1)", "1,5", "١٢"]:
    try: print(repr(s), float(s))
    except ValueError as e: print(repr(s), "ValueError", e)
inf, nan = float('inf'), float('nan')
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, inf, -inf, nan, 2.5, -2.5]
for a in vals:
    row = []
    for b in vals:
        try: r = repr(a ** b)
        except Exception as e: r = type(e).__name__
        row.append(r)
    print(repr(a), " ".join(row))
for a, b in [(0, -inf), (0, inf), (-1, inf), (1, nan), (nan, 0), (10.0, 400), (-10.0, 401), (1e300, 2), (-1e300, 3), (2.0, -1100), (-2.0, 0.5), (0.0, -1), (-0.0, -3), (0.0, -2.5)]:
    try: print(a, b, repr(float(a) ** b), repr(pow(float(a), b)))
    except Exception as e: print(a, b, type(e).__name__, e)

# --- numeric dunders as methods; slot wrappers answer NotImplemented as CPython's
def t(label, f):
    try: r = f()
    except Exception as e: r = f"{type(e).__name__}: {e}"
    print(label, repr(r))
t("float.__round__(2.5)", lambda: float.__round__(2.5))
t("(2.5).__round__(1)", lambda: (2.5).__round__(1))
t("(2.5).__floor__()", lambda: (2.5).__floor__())
t("(2.5).__ceil__()", lambda: (2.5).__ceil__())
t("(-2.5).__trunc__()", lambda: (-2.5).__trunc__())
t("(2.5).__int__()", lambda: (2.5).__int__())
t("(2.5).__float__()", lambda: (2.5).__float__())
t("(7.5).__divmod__(2)", lambda: (7.5).__divmod__(2))
t("(7.5).__rdivmod__(2)", lambda: (7.5).__rdivmod__(2))
t("(7.5).__getnewargs__()", lambda: (7.5).__getnewargs__())
t("(7).__getnewargs__()", lambda: (7).__getnewargs__())
t("int.__index__(5)", lambda: int.__index__(5))
t("int.__round__(1234, -2)", lambda: int.__round__(1234, -2))
t("(1234).__round__()", lambda: (1234).__round__())
t("(7).__floor__()", lambda: (7).__floor__())
t("(7).__ceil__()", lambda: (7).__ceil__())
t("(7).__trunc__()", lambda: (7).__trunc__())
t("(7).__int__()", lambda: (7).__int__())
t("(7).__float__()", lambda: (7).__float__())
t("(7).__divmod__(2)", lambda: (7).__divmod__(2))
t("(7).__rdivmod__(2)", lambda: (7).__rdivmod__(2))
t("(7).__divmod__(2.0)", lambda: (7).__divmod__(2.0))
t("(7).as_integer_ratio()", lambda: (7).as_integer_ratio())
t("True.as_integer_ratio()", lambda: True.as_integer_ratio())
t("(2.5).as_integer_ratio()", lambda: (2.5).as_integer_ratio())
t("True.__round__()", lambda: True.__round__())
t("True.__index__()", lambda: True.__index__())
t("True.__floor__()", lambda: True.__floor__())
t("True.__int__()", lambda: True.__int__())
t("True.__float__()", lambda: True.__float__())
t("True.__getnewargs__()", lambda: True.__getnewargs__())
t("float.__floor__(-0.5)", lambda: float.__floor__(-0.5))
t("float.__round__(float('inf'))", lambda: float.__round__(float('inf')))
t("float.__round__(float('nan'), 2)", lambda: float.__round__(float('nan'), 2))
t("int.__add__(1, 2.0)", lambda: int.__add__(1, 2.0))
t("int.__add__(1, 2)", lambda: int.__add__(1, 2))
t("float.__add__(1.0, 2)", lambda: float.__add__(1.0, 2))
t("float.__add__(1.0, 'x')", lambda: float.__add__(1.0, 'x'))
t("int.__mul__(2, [1])", lambda: int.__mul__(2, [1]))
t("int.__sub__(True, 1)", lambda: int.__sub__(True, 1))
t("int.__lt__(1, 2.0)", lambda: int.__lt__(1, 2.0))
t("int.__eq__(1, 1.0)", lambda: int.__eq__(1, 1.0))
t("float.__eq__(1.0, 1)", lambda: float.__eq__(1.0, 1))
t("[].__eq__(1)", lambda: [].__eq__(1))
t("[].__eq__([])", lambda: [].__eq__([]))
t("[].__lt__(1)", lambda: [].__lt__(1))
t("().__eq__(1)", lambda: ().__eq__(1))
t("{}.__eq__(1)", lambda: {}.__eq__(1))
t("'a'.__eq__(1)", lambda: 'a'.__eq__(1))
t("'a'.__add__(1)", lambda: 'a'.__add__(1))
t("[].__add__(())", lambda: [].__add__(()))
t("set().__eq__(1)", lambda: set().__eq__(1))
t("(1).__truediv__(0)", lambda: (1).__truediv__(0))
t("(1).__pow__(2, 5)", lambda: (1).__pow__(2, 5))
t("(3).__rpow__(2)", lambda: (3).__rpow__(2))
t("(3).__radd__(2.0)", lambda: (3).__radd__(2.0))
t("(3.0).__radd__(2)", lambda: (3.0).__radd__(2))
t("(3).__neg__()", lambda: (3).__neg__())
t("(3).__bool__()", lambda: (3).__bool__())
t("(3).__abs__()", lambda: (-3).__abs__())
print(object.__repr__(1).startswith('<int object at 0x'), object.__repr__('s').startswith('<str object at 0x'), object.__repr__([]).startswith('<list object at 0x'))
print(object.__str__(1))
class A: pass
a = A()
print(object.__repr__(a) == repr(a), object.__repr__(A).startswith('<type object at 0x'))
import sys
print(object.__repr__(sys)[:18])
class I(int):
    def __eq__(self, o): return super().__eq__(o)
    __hash__ = int.__hash__
print(I(3) == 3, I(3) == 3.0, I(3) != 3.0, 3.0 == I(3))
class F(float):
    def __add__(self, o): return super().__add__(o)
print(F(1.5) + 1, F(1.5) + True)
try: F(1.5) + 'x'
except TypeError as e: print(e)
class L(list):
    def __eq__(self, o): return super().__eq__(o)
print(L([1]) == [1], L([1]) == (1,), L() == 1)
print(round(I(15), -1), round(F(2.675), 2), divmod(F(7.5), 2), int(F(2.9)), float(I(2)))
import math
print(math.floor(F(2.5)), math.ceil(F(2.5)), math.trunc(F(-2.5)))

# --- exception args assignment; sys.exit arguments
e = Exception(1); e.args = (5,); print(e, repr(e), e.args)
e.args = [1, 2]; print(e, repr(e), e.args)
e.args = "ab"; print(e, repr(e), e.args)
k = KeyError('k'); k.args = ('z',); print(k, repr(k))
o = OSError(2, 'nf'); o.args = (3, 'x'); print(o, repr(o), o.errno)
try: e.args = 5
except TypeError as x: print("TypeError", x)
import sys
for v in [None, 0, 3, "msg", (1, 2)]:
    try: sys.exit(v)
    except SystemExit as s: print(repr(v), s.args, repr(s.code))
try: sys.exit()
except SystemExit as s: print("no arg", s.args, repr(s.code))
s = SystemExit(); print(s.args, repr(s.code))
s = SystemExit(1, 2); print(s.args, s.code)
class MyE(Exception):
    def __init__(self, a): super().__init__(a, 'extra')
m = MyE(1); m.args = ('only',); print(m, repr(m))
s = StopIteration(4); s.args = (9,); print(s.value, s)
for e in [OSError(2, 'nf', 'f.txt'), OSError(2, 'nf', 'a', None, 'b'), OSError('x'), OSError(1, 2, 3, 4, 5, 6), FileNotFoundError(2, 'No such file or directory', 'x')]:
    print(str(e), repr(e))
e = OSError(5, 'io'); e.errno = 7; print(e)
e.filename = 'q'; print(e)
try: open('/nonexistent/zz')
except OSError as x: print(x)

# --- dict views: identity hash of values, .mapping, reverse iterator names
d = {'a': 1, 'b': 2}
for v in (d.keys(), d.values(), d.items()):
    try: print(type(v).__name__, type(hash(v)).__name__)
    except TypeError as e: print(type(v).__name__, "TypeError", e)
m = d.keys().mapping
print(type(m).__name__, m, m['a'], d.values().mapping == d, d.items().mapping['b'])
try: m['c'] = 3
except TypeError as e: print("TypeError", e)
d['z'] = 26; print(len(m), 'z' in m)
for v in (d.keys(), d.values(), d.items(), d):
    r = reversed(v)
    print(type(r).__name__, list(r))
print(type(iter(d.values())).__name__, type(iter(d.items())).__name__, type(iter(d)).__name__)

# --- float formatting: no-type precision, #, zero padding of inf/nan, fill/align with 0
inf, nan = float('inf'), float('nan')
vals = [0.0, -0.0, 1e16, 1.5, 123456.789, 1e-5, inf, -inf, nan, 100.0, 1e22, 0.1]
specs = ['.1', '.0', '#', '#.1', '.3', '#g', '#.3g', 'g', '06e', '06', '06f', '06g', '+06e', '<06e', '=+08', '#e', '#.0e', '#.0f', '#x' if False else '#.0%', 'n', '.2n', '010n', ' .3', ',.2f', '_g', 'e', 'E', 'G', '#G', '010.1', '-010', '.1%', '%', '#.1g']
for v in vals:
    row = []
    for s in specs:
        try: row.append(format(v, s))
        except Exception as e: row.append(type(e).__name__)
    print(repr(v), row)
for v in vals:
    row = []
    for s in ['%06e', '%06f', '%06g', '%+06e', '%-06e', '%#g', '%#.0e', '%#.0f', '%.1g', '%r', '%s', '%010.3e', '% f', '%#x' if False else '%#.3g']:
        try: row.append(s % v)
        except Exception as e: row.append(type(e).__name__)
    print(repr(v), row)
print('{:06e}'.format(inf), '{:06}'.format(nan), '{:=06}'.format(-inf), '{:06.2f}'.format(-inf), '{:x<6}'.format(inf))
for v in [3, -3, 12345, 2.5, -0.0]:
    print([format(v, s) for s in ['<05', '^07', '=06', '>06', '05', '0<5', 'x<05', '<05,', '010,', '+08_', '#06x' if isinstance(v, int) else '#08.2f']])
    print(['%-05d' % v, '%05d' % v, '%-*d' % (-6, v), '%*d' % (-6, v), '%0*d' % (-6, v), '%-08.2f' % v, '%+-6d' % v])
print(b'%-05d|%05d|%-6.1f' % (3, 4, 2.5))
print(format(float('inf'), '010,'), format(float('nan'), '<+07'), format(float('-inf'), '^09'), format(1234.5, '0=12,.1f'))
for v in [0, 1, 12, 123, 1234, 12345, 123456, -1234, 2.5, 1234567.25]:
    print([format(v, s) for s in ['07,', '08,', '09,', '010,', '011,', '012_', '06_', '05,', '0=8,', '09_x' if isinstance(v, int) else '09_.1f']])

# --- ranges beyond 64 bits (a separate big kind), enumerate from a big start
def t(label, f):
    try: r = f()
    except Exception as e: r = f"{type(e).__name__}: {e}"
    print(label, repr(r))
big = range(10**20)
t("big[-1]", lambda: big[-1])
t("big[5]", lambda: big[5])
t("big[10**19]", lambda: big[10**19])
t("big[10**20]", lambda: big[10**20])
t("len(big)", lambda: len(big))
t("big.__len__()", lambda: big.__len__())
t("bool(big)", lambda: bool(big))
t("type(big)", lambda: type(big) is range)
t("repr", lambda: repr(range(-10**20, 10**20, 3)))
t("in", lambda: (10**19 in big, -1 in big, 10**20 in big, 3.0 in range(0, 10**20, 3), 'x' in range(2**64, 2**64 + 3)))
t("count", lambda: (big.count(7), big.count(-7), range(0, 2**65, 2).count(2**64)))
t("index", lambda: (big.index(12345678901234567890), range(2**64, 0, -2).index(2**63)))
t("index missing", lambda: big.index(-1))
t("iter", lambda: list(range(2**64, 2**64 + 3)))
t("iter2", lambda: list(range(2**63 - 2, 2**63 + 2)))
t("iter neg", lambda: list(range(-2**63 + 1, -2**63 - 3, -1)))
t("reversed", lambda: list(reversed(range(2**64, 2**64 + 7, 3))))
t("slice", lambda: big[10**19::10**18])
t("slice2", lambda: big[::-1][:3])
t("slice3", lambda: range(0, 10, 2**62)[::4])
t("slice small", lambda: big[:5])
t("eq", lambda: (range(0, 10**20, 10**20) == range(0, 1), range(10**20) == range(10**20), big != range(5), hash(range(0, 10**20, 10**20)) == hash(range(0, 1))))
t("start/stop/step", lambda: (big.start, big.stop, big.step))
t("zero step", lambda: range(0, 10**20, 0))
t("big step", lambda: list(range(0, 10**20, 3 * 10**19)))
t("enumerate", lambda: list(enumerate('ab', 1 << 70)))
t("enumerate type", lambda: next(enumerate('xy', 2**64)))
t("sum", lambda: sum(range(2**64, 2**64 + 4)))
t("len ok", lambda: len(range(2**64, 2**64 + 4)))
t("iter next", lambda: next(iter(big)))
t("float arg", lambda: range(1.5))
t("max", lambda: max(range(2**70, 2**70+3)))
t("sorted", lambda: sorted(range(2**70+2, 2**70-1, -1)))
t("small len", lambda: range(3).__len__())
t("small getitem", lambda: (range(10).__getitem__(3), range(10).__getitem__(slice(2, 5))))
t("small reversed", lambda: list(range(3).__reversed__()))
t("small contains", lambda: range(5).__contains__(3))
t("unpack", lambda: [*range(2**64, 2**64 + 2)])
t("min huge len", lambda: len(range(-2**63, 2**63 - 1)))
