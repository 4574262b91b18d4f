# __class__ of values, and dunders assigned to a class after creation.
def func():
    return 1


class C:
    def method(self):
        return "m"


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


values = [
    ("int", 5), ("bool", True), ("float", 1.5), ("None", None), ("str", "s"),
    ("tuple", (1,)), ("list", [1]), ("dict", {1: 2}), ("set", {1}),
    ("frozenset", frozenset()), ("bytes", b"x"), ("range", range(3)),
    ("func", func), ("lambda", lambda: 0), ("inst", C()), ("class", C),
    ("metaclass inst", WithMeta), ("type", type), ("object", object()),
]
for label, v in values:
    print("1", label, v.__class__.__name__, type(v) is v.__class__)
print("2 int/bool:", (5).__class__ is int, True.__class__ is bool, False.__class__ is not int)
print("3 None:", None.__class__.__name__, type(None) is None.__class__)
print("4 class of class:", C.__class__ is type, WithMeta.__class__ is Meta, Meta.__class__ is type)
print("5 type of type:", type.__class__ is type, object.__class__ is type, int.__class__ is type)
print("6 method class:", C().method.__class__.__name__, func.__class__ is (lambda: 0).__class__)
print("7 isinstance via class:", isinstance(C(), C().__class__), C().__class__() .method())
print("8 nested:", (1).__class__.__class__.__name__, C().__class__.__class__.__name__)


class Box:
    def __init__(self, *items):
        self.items = list(items)


class SubBox(Box):
    pass


b, sb = Box(1, 2, 3), SubBox(4, 5)
try:
    len(b)
except TypeError as e:
    print("9 before", type(e).__name__, e)
Box.__len__ = lambda self: 3
print("10 len assigned:", len(b), len(sb), bool(Box()))
Box.__len__ = lambda self: len(self.items)
print("11 len replaced:", len(b), len(sb), bool(Box()), bool(sb))
del Box.__len__
try:
    len(sb)
except TypeError as e:
    print("12 after del", type(e).__name__, e)
print("13 bool after del:", bool(Box()))


def box_iter(self):
    return iter(self.items)


try:
    list(b)
except TypeError as e:
    print("14 before iter", type(e).__name__, e)
Box.__iter__ = box_iter
print("15 iter assigned:", list(b), list(sb), [x * 2 for x in sb], sum(b))
x, y, z = b
p, *q = sb
print("16 unpack:", x, y, z, p, q, [*b, *sb], max(sb))
print("17 in via iter:", 2 in b, 5 in sb, 9 in sb)
Box.__contains__ = lambda self, v: v == "only"
print("18 contains assigned:", 2 in b, "only" in b, "only" in sb, 4 in sb)
Box.__iter__ = lambda self: iter(reversed(self.items))
print("19 iter replaced:", list(b), tuple(sb), sorted(b))
del Box.__contains__
print("20 contains deleted:", 2 in b, "only" in b, 5 in sb)
del Box.__iter__
for obj in (b, sb):
    try:
        list(obj)
    except TypeError as e:
        print("21 iter deleted", type(e).__name__, e)
try:
    u, v = sb
except TypeError as e:
    print("22 unpack deleted", type(e).__name__, e)
try:
    1 in sb
except TypeError as e:
    print("23 in deleted", type(e).__name__, e)

SubBox.__len__ = lambda self: 100
print("24 sub-only len:", len(sb), hasattr(b, "__len__"))
try:
    len(b)
except TypeError as e:
    print("25 base len", type(e).__name__, e)
Box.__len__ = lambda self: 1
print("26 sub overrides base:", len(b), len(sb))
del SubBox.__len__
print("27 sub inherits again:", len(sb))
Box.__getitem__ = lambda self, i: self.items[i]
print("28 getitem assigned:", list(sb), b[0], 5 in sb)
Box.__eq__ = lambda self, other: True
print("29 eq assigned:", b == 1, sb == "x", b != 2)
Box.__repr__ = lambda self: "Box" + repr(self.items)
print("30 repr assigned:", repr(b), str(sb), [b])
Box.__add__ = lambda self, o: Box(*(self.items + [o]))
print("31 add assigned:", b + 4, sb + 6, type(sb + 6).__name__)
Box.__call__ = lambda self, k: k * len(self.items)
print("32 call assigned:", b(2), sb("ab"))
print("33 class attrs:", b.__class__ is Box, sb.__class__.__bases__[0] is Box)
