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
