# __slots__ members next to an instance __dict__: CPython keeps slot
# values in the object, apart from the dict, so __dict__ and vars() never
# show them and the dict cannot shadow them.
import copy
import pickle


class Point:
    __slots__ = ("x", "y", "__dict__")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.label = "a"
print(p.__dict__, vars(p))
print(p.x, p.y, p.label)
print(sorted(k for k in dir(p) if not k.startswith("__")))

# The dict cannot shadow a slot: the member is a data descriptor.
p.__dict__["x"] = 99
print(p.x, p.__dict__)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(p, "x", "missing"), hasattr(p, "y"))
p.x = 5
print(p.x, sorted(p.__dict__))


class Base:
    __slots__ = ("a",)


class Child(Base):
    pass


c = Child()
c.a = 1
c.b = 2
print(c.__dict__, c.a, c.b)
c.a += 10
print(c.a, vars(c))

# Copies and pickles carry both the dict and the slots.
d = copy.copy(c)
print(d.a, d.b, d.__dict__)
e = copy.deepcopy(p)
print(e.x, e.y, e.__dict__)
f = pickle.loads(pickle.dumps(p))
print(f.x, f.y, f.__dict__)
print(type(c).__getstate__(c) if hasattr(type(c), "__getstate__") else None)
print(p.__getstate__())


# __class__ assignment between classes with the same layout keeps both.
class Child2(Base):
    pass


c.__class__ = Child2
print(type(c).__name__, c.a, c.__dict__)

# Many instances setting the same names in order.
points = [Point(i, -i) for i in range(5)]
for q in points:
    q.extra = q.x * 2
print([(q.x, q.y, q.__dict__) for q in points])


# A slot and a class attribute of the same name elsewhere in the MRO.
class Tagged(Child):
    __slots__ = ("tag",)


t = Tagged()
t.tag = "t"
t.a = 3
t.other = 4
print(t.__dict__, t.tag, t.a)
print(sorted(vars(t).items()))
