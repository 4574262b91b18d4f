from collections import namedtuple
import copy, pickle

def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), isinstance(p, tuple))
print(Point._fields, Point._field_defaults, Point.__match_args__, Point.__slots__)
print(Point.__doc__, Point.x.__doc__, Point.__new__.__doc__)
print(Point._make.__doc__, Point._replace.__doc__, Point._asdict.__doc__)
print(Point.__repr__.__doc__, Point.__getnewargs__.__doc__)
print(Point._make([3, 4]), Point._make(iter((5, 6))), p._replace(x=10), p._asdict(), p.__getnewargs__())
print(Point.__name__, Point.__qualname__, Point.__module__, Point._make.__qualname__, Point._asdict.__qualname__)
print(Point.__new__.__qualname__, Point.__getnewargs__.__qualname__)
attempt("missing", lambda: Point(1))
attempt("extra", lambda: Point(1, 2, 3))
attempt("kw", lambda: Point(1, 2, z=3))
attempt("dup", lambda: Point(1, x=2))
attempt("make short", lambda: Point._make([1]))
attempt("make long", lambda: Point._make([1, 2, 3]))
attempt("replace bad", lambda: p._replace(z=1))
attempt("replace bad2", lambda: p._replace(x=1, q=2, r=3))
attempt("setattr", lambda: setattr(p, "x", 5))
attempt("newattr", lambda: setattr(p, "zz", 5))

P3 = namedtuple("P3", ["a", "b", "c"], defaults=[20, 30])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3.__new__.__defaults__)
P4 = namedtuple("P4", "a, b,c", defaults=iter([9]))
print(P4(1, 2), P4._field_defaults)
P5 = namedtuple("P5", "a b", defaults=())
print(P5._field_defaults, P5(1, 2))
attempt("defaults too many", lambda: namedtuple("Q", "a", defaults=(1, 2)))
print(namedtuple("R", "abc def class _x 1y abc ok", rename=True)._fields)
print(namedtuple("R", ["a", "a", "a"], rename=True)._fields)
for bad in ["x 1y", "x def", "x _y", "x x", "x y-z"]:
    attempt("bad " + bad, lambda: namedtuple("Q", bad))
attempt("bad type", lambda: namedtuple("for", "x"))
attempt("bad type2", lambda: namedtuple("a b", "x"))
attempt("nonstr", lambda: namedtuple("Q", ["x", 1]))
attempt("typename int", lambda: namedtuple(3, "x"))
print(namedtuple("M", "a", module="some.where").__module__)
Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields, Empty._make([]), Empty()._asdict())
Single = namedtuple("Single", "only")
print(Single(1), Single._make([2]), Single(only=3))
print(copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p)) == p)

class Sub(Point):
    __slots__ = ()
    @property
    def norm(self):
        return self.x ** 2 + self.y ** 2
    def __str__(self):
        return f"<{self.x},{self.y}>"
s = Sub(3, 4)
print(s, repr(s), s.norm, s._replace(x=0), type(s._replace(x=0)).__name__, Sub._make([1, 1]))

match Point(5, 6):
    case Point(a, b):
        print("matched", a, b)
match Point(5, 6):
    case Point(x=5, y=yy):
        print("kw matched", yy)

Big = namedtuple("Big", [f"f{i}" for i in range(30)])
b = Big(*range(30))
print(b.f29, b[-1], len(Big._fields))
print(Point(1, [2, 3]), Point("a", None), repr(Point(Point(1, 2), 3)))
print(hash(Point(1, 2)) == hash((1, 2)), Point(1, 2) < Point(1, 3), Point(1, 2) + (3,))
print(sorted(vars(Point)))
