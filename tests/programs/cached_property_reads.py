# LOAD_ATTR of a property with a Python getter runs the getter in a frame
# of the dispatch loop: replaced, removed, raising, recursive, shadowed,
# with __getattr__ and with getters that are not plain functions.
import sys
class Base:
    def __init__(self, v):
        self._v = v
    @property
    def v(self):
        return self._v * 2

class Sub(Base):
    pass

class Other:
    @property
    def v(self):
        return "other"

def read(o):
    return o.v

objs = [Base(1), Sub(2), Other(), Base(3)]
print([read(o) for o in objs for _ in range(2)])

# property replaced / removed
out = []
b = Base(5)
for i in range(6):
    out.append(read(b))
    if i == 1:
        Base.v = property(lambda self: "lambda")
    if i == 3:
        Base.v = 42
print(out)

# getter raising: traceback through the property
class Bad:
    @property
    def boom(self):
        raise ValueError("boom inside getter")
def get_boom(o):
    return o.boom
for _ in range(2):
    try:
        get_boom(Bad())
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("caught", e)

# getter with defaults and getter that is a builtin
class Odd:
    def g(self, extra=1):
        return extra
    p = property(g)
    q = property(len.__call__ if False else (lambda self: 7))
    r = property(repr)
o = Odd()
print([o.p for _ in range(3)], [o.q for _ in range(3)], o.r.startswith("<"))

# AttributeError inside getter falls to __getattr__
class WithGetattr:
    @property
    def x(self):
        raise AttributeError("nope")
    def __getattr__(self, name):
        return "fallback " + name
w = WithGetattr()
print([w.x for _ in range(3)])

# instance dict cannot shadow a property
class Shadow:
    @property
    def y(self):
        return "prop"
s = Shadow()
s.__dict__["y"] = "inst"
print([s.y for _ in range(3)])

# recursion through a property
class Rec:
    @property
    def deep(self):
        return self.deep
try:
    Rec().deep
except RecursionError as e:
    print("RecursionError", str(e)[:40])

# property in generator and in comprehension
class G:
    def __init__(self): self.n = 3
    @property
    def items(self):
        return list(range(self.n))
g = G()
print(sum(x for x in g.items), [g.items for _ in range(2)])

# setattr on class during getter
class Mut:
    count = 0
    @property
    def bump(self):
        Mut.count += 1
        return Mut.count
m = Mut()
print([m.bump for _ in range(4)])
