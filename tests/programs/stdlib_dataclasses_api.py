import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         make_dataclass, is_dataclass, KW_ONLY, InitVar,
                         FrozenInstanceError, MISSING, Field)
from typing import ClassVar, List
import collections


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print(Point.__doc__)
print(Point.__match_args__)
print(Point.__hash__)
show("args", lambda: Point())
show("args2", lambda: Point(1, 2, 3))
show("kw", lambda: Point(1, z=3))
print([f.name for f in fields(Point)], [f.type for f in fields(p)])
f0 = fields(Point)[1]
print(f0.default, f0.default_factory is MISSING, f0.init, f0.repr, f0.hash, f0.compare, f0.kw_only, dict(f0.metadata))
print(repr(MISSING)[:9] == '<dataclas')


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default="", compare=False)

a, b = Version(1, 2), Version(1, 3, "x")
print(a < b, a <= b, a > b, a >= b, sorted([b, a]))
print(hash(a) == hash(Version(1, 2, "zz")), a == Version(1, 2, "q"))
show("frozen set", lambda: setattr(a, "major", 5))
show("frozen del", lambda: delattr(a, "major"))
show("frozen new", lambda: setattr(a, "other", 5))
show("lt other", lambda: a < 3)
print(isinstance(FrozenInstanceError(), AttributeError))


@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    count: int = field(default=0, init=False)
    meta: int = field(default=1, metadata={"unit": "m"})

i1 = Inv("a"); i2 = Inv("b")
i1.items.append(1)
print(i1, i2, i1.items is not i2.items)
print(fields(Inv)[4].metadata["unit"], len(fields(Inv)[4].metadata))
show("meta set", lambda: fields(Inv)[4].metadata.update({}))
try:
    fields(Inv)[4].metadata["x"] = 1
except TypeError as e:
    print("meta setitem", e)
print(Inv.__doc__)


@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    cv: ClassVar[int] = 10

    def __post_init__(self, scale):
        self.b = self.a * scale

w = WithPost(3)
print(w, WithPost(3, 5), [f.name for f in fields(w)], WithPost.cv)
print(WithPost.__dataclass_fields__["scale"]._field_type, WithPost.__dataclass_fields__["cv"]._field_type)
print(repr(WithPost.__dataclass_fields__["scale"].type))
print(replace(w, a=10))
show("replace initfalse", lambda: replace(w, b=3))
print(repr(InitVar[int]), repr(InitVar[List[int]]))


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2

print(KW(1, b=3), KW.__match_args__)
show("kw pos", lambda: KW(1, 2))
print(KW.__doc__)


@dataclass(kw_only=True)
class KW2:
    a: int = 0
    b: int
print(KW2(b=2), KW2.__match_args__)


@dataclass
class KW3:
    a: int = field(kw_only=True, default=5)
    b: int = 0
print(KW3(1), KW3(2, a=3))


@dataclass
class Base:
    x: int = 0
    y: int = 1

@dataclass
class Derived(Base):
    z: int = 5
    x: int = 10

print(Derived(), [f.name for f in fields(Derived)], Derived.__match_args__)


@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(hash=False, default_factory=list)
print(hash(UH(1)) == hash(UH(1, [2])))


@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass(init=False, repr=False)
class NoInit:
    a: int = 3
n = NoInit()
print(n.a, "dataclass" not in repr(n).lower() or True)


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)

root = Node(1)
root.children.append(root)
print(root)


@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
show("slots newattr", lambda: setattr(s, "c", 1))


@dataclass(frozen=True, slots=True)
class FS:
    a: int
print(FS(1), hash(FS(1)) == hash(FS(1)))
show("fs set", lambda: setattr(FS(1), "a", 2))

# errors
def mk(body):
    def run():
        ns = {"dataclass": dataclass, "field": field, "KW_ONLY": KW_ONLY, "ClassVar": ClassVar, "InitVar": InitVar}
        exec(body, ns)
        return ns.get("R")
    return run

show("mutable", mk("@dataclass\nclass R:\n  a: list = []\n"))
show("mutable dict", mk("@dataclass\nclass R:\n  a: dict = {}\n"))
show("mutable set", mk("@dataclass\nclass R:\n  a: set = set()\n"))
show("nondefault", mk("@dataclass\nclass R:\n  a: int = 1\n  b: int\n"))
show("both", lambda: field(default=1, default_factory=list))
show("order eq", mk("@dataclass(order=True, eq=False)\nclass R:\n  a: int\n"))
show("noanno", mk("@dataclass\nclass R:\n  a = field(default=1)\n"))
show("two kwonly", mk("@dataclass\nclass R:\n  _: KW_ONLY\n  __: KW_ONLY\n"))
show("classvar kw", mk("@dataclass\nclass R:\n  a: ClassVar[int] = field(kw_only=True, default=1)\n"))
show("classvar factory", mk("@dataclass\nclass R:\n  a: ClassVar[int] = field(default_factory=list)\n"))
show("overwrite lt", mk("@dataclass(order=True)\nclass R:\n  a: int\n  def __lt__(self, o): return 1\n"))
show("overwrite setattr", mk("@dataclass(frozen=True)\nclass R:\n  a: int\n  def __setattr__(self, k, v): pass\n"))
show("unsafe explicit", mk("@dataclass(unsafe_hash=True)\nclass R:\n  a: int\n  def __hash__(self): return 1\n"))
show("weakref", mk("@dataclass(weakref_slot=True)\nclass R:\n  a: int\n"))
show("frozen from nonfrozen", mk("@dataclass\nclass B:\n  a: int\n@dataclass(frozen=True)\nclass R(B):\n  b: int\n"))
show("nonfrozen from frozen", mk("@dataclass(frozen=True)\nclass B:\n  a: int\n@dataclass\nclass R(B):\n  b: int\n"))
show("fields bad", lambda: fields(3))
show("asdict bad", lambda: asdict(Point))
show("astuple bad", lambda: astuple(3))
show("replace bad", lambda: replace(3))
show("replace badkw", lambda: replace(p, z=3))

# asdict / astuple
NT = collections.namedtuple("NT", "a b")
@dataclass
class Outer:
    p: Point
    lst: list
    d: dict
    nt: NT
    t: tuple

o = Outer(Point(1, 2), [Point(3, 4), 5], {"k": Point(5, 6)}, NT(Point(0, 0), 1), (Point(7, 8),))
print(asdict(o))
print(astuple(o))
print(asdict(p, dict_factory=lambda kv: sorted(kv, reverse=True)))
print(astuple(p, tuple_factory=list))
lst = [1]
d2 = asdict(Outer(p, lst, {}, NT(1, 2), ()))
print(d2["lst"] is lst, d2["lst"] == lst)

# is_dataclass
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3), is_dataclass(int))

# make_dataclass
C = make_dataclass("C", ["a", ("b", int), ("c", int, field(default=5))], namespace={"add": lambda self: self.a + self.b})
c = C(1, 2)
print(c, c.add(), C.__module__, [f.type for f in fields(C)])
C2 = make_dataclass("C2", [("z", int, field(default=0))], bases=(Point,), frozen=False, order=True)
print(C2(1, 2, 3), C2(1) < C2(2))
show("mk dup", lambda: make_dataclass("Z", ["a", "a"]))
show("mk kw", lambda: make_dataclass("Z", ["def"]))
show("mk ident", lambda: make_dataclass("Z", ["a b"]))
show("mk nonstr", lambda: make_dataclass("Z", [(3, int)]))
show("mk invalid", lambda: make_dataclass("Z", [("a", int, 1, 2)]))

# post_init and inheritance with InitVar
@dataclass
class PB:
    a: int
    def __post_init__(self):
        self.seen = True

@dataclass
class PD(PB):
    b: int = 0
x = PD(1)
print(x, x.seen)

# field repr
print(repr(field(default=3)).startswith("Field(name=None,type=None,default=3,default_factory="))
import re; print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(fields(Point)[0])))

# user __repr__/__eq__ kept
@dataclass
class Own:
    a: int
    def __repr__(self): return "OWN"
    def __eq__(self, o): return True
print(Own(1), Own(1) == 5, Own.__hash__)

# descriptor default with __set_name__
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, typ=None):
        return 42 if obj is None else obj.__dict__.get("_v", 42)
    def __set__(self, obj, v):
        obj.__dict__["_v"] = v

@dataclass
class UsesDesc:
    d: int = Desc()
print(UsesDesc(), UsesDesc(7))

# match
match Point(1, 2):
    case Point(1, y):
        print("matched", y)

# self as field name
@dataclass
class SelfField:
    self: int
    other: int = 0
print(SelfField(1, 2))

# params
print(Point.__dataclass_params__)
print(Version.__dataclass_params__)
# default_factory repr in signature
print(inspect_sig := Inv.__init__.__defaults__ is not None)
# nested qualname repr
class Outer2:
    @dataclass
    class Inner:
        v: int
print(Outer2.Inner(1))
# empty dataclass
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty(), astuple(Empty()), asdict(Empty()), Empty.__match_args__)
# replace with InitVar missing
@dataclass
class IV:
    a: int
    iv: InitVar[int]
    def __post_init__(self, iv):
        self.a += iv
show("replace initvar", lambda: replace(IV(1, 2), a=3))
print(replace(IV(1, 2), a=3, iv=10))
# string annotations
@dataclass
class SA:
    a: "int"
    cv: "ClassVar[int]" = 3
    kw: "dataclasses.InitVar[int]" = 2
    def __post_init__(self, kw):
        self.k = kw
print([f.name for f in fields(SA)], SA(1).k)
