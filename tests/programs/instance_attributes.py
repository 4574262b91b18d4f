# Instance attributes: kept as values in the order of keys shared by the
# class's instances, or in a real dict once that order no longer holds.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


a = P(1, 2)
b = P(3, 4)
print(a.x, a.y, b.total(), vars(a), b.__dict__)
b.z = 5
print(vars(b), vars(a), hasattr(a, "z"), getattr(a, "z", "none"))
c = P(0, 0)
c.y = 9
c.w = 7
print(vars(c))


class Q:
    pass


q1 = Q()
q1.b = 1
q1.a = 2
q2 = Q()
q2.a = 3
q2.b = 4
print(vars(q1), vars(q2), list(q2.__dict__))
del q1.b
print(vars(q1), hasattr(q1, "b"))
try:
    del q1.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(q2.c)
except AttributeError as e:
    print("AttributeError:", e)
d = q2.__dict__
d["c"] = 10
print(q2.c, vars(q2))
q2.d = 11
print(d)
q3 = Q()
for i in range(40):
    setattr(q3, "attr%d" % i, i)
print(len(vars(q3)), q3.attr39, list(vars(q3))[:3])
q4 = Q()
q4.attr0 = "again"
print(vars(q4))


class M:
    def method(self):
        return "method"


m = M()
print(m.method())
m.method = lambda: "instance"
print(m.method())
del m.method
print(m.method())


class S:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


s = S()
s.v = 21
print(s.v, vars(s))


class Prop:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value + 100


p = Prop()
p.v = 5
print(p.v, vars(p))


class Base:
    def __init__(self):
        self.base = "b"


class Child(Base):
    def __init__(self):
        self.child = "c"
        super().__init__()


ch = Child()
print(vars(ch), sorted(k for k in dir(ch) if not k.startswith("__")))
print(Base().__dict__)


class L(list):
    pass


lst = L([1, 2])
lst.tag = "t"
print(lst, len(lst), lst.tag, vars(lst))
objs = [P(i, i) for i in range(5)]
print([o.total() for o in objs], all(vars(o) == {"x": o.x, "y": o.y} for o in objs))
