from __future__ import annotations
import dataclasses
import typing
from dataclasses import dataclass, field, fields, KW_ONLY, InitVar, asdict
from typing import ClassVar
import copy, pickle, weakref


@dataclass
class A:
    x: int
    cv: ClassVar[int] = 5
    cv2: typing.ClassVar[str] = "s"
    iv: InitVar[int] = 3
    iv2: dataclasses.InitVar[int] = 4
    _: KW_ONLY
    k: int = 9

    def __post_init__(self, iv, iv2):
        self.total = self.x + iv + iv2

a = A(1)
print(a, a.total, [f.name for f in fields(A)], A.__match_args__)
print(sorted(A.__dataclass_fields__), A.__dataclass_fields__["cv"]._field_type)
print(A.__doc__)


@dataclass(frozen=True, slots=True)
class FS:
    a: int
    b: str = "x"

fs = FS(1)
print(pickle.loads(pickle.dumps(fs)), copy.copy(fs), copy.deepcopy(fs))


@dataclass(slots=True, weakref_slot=True)
class WS:
    a: int
w = WS(1)
r = weakref.ref(w)
print(r() is w, WS.__slots__)


class Plain:
    __slots__ = ("p",)

@dataclass
class FromSlots(Plain):
    q: int = 1
print(FromSlots(), FromSlots.__doc__)


@dataclass
class Base:
    a: int
    b: list = field(default_factory=list)

    def __post_init__(self):
        self.b.append("post")

@dataclass
class Child(Base):
    c: int = 3
    a: int = 7

ch = Child()
print(ch, [f.name for f in fields(ch)])


@dataclass(eq=True)
class Mixed:
    a: int
    b: float = field(default=1.5, compare=False, repr=False)
    c: str = field(default="c", hash=True, compare=False)
print(Mixed(1) == Mixed(1, 2.0), Mixed(1), Mixed.__hash__)


@dataclass(frozen=True, eq=True)
class FH:
    a: int
    b: int = field(default=0, hash=False)
print(hash(FH(1, 2)) == hash(FH(1, 3)), FH(1, 2) == FH(1, 3))


class Explicit:
    pass

@dataclass
class KeepHash:
    a: int
    def __hash__(self):
        return 99
print(hash(KeepHash(1)))

@dataclass(frozen=True)
class KeepHash2:
    a: int
    def __hash__(self):
        return 98
print(hash(KeepHash2(1)))

@dataclass
class EqNoneHash:
    a: int
    __hash__ = None
print(EqNoneHash.__hash__)


@dataclass
class Rec:
    name: str
    kids: list = field(default_factory=list)

r1 = Rec("a")
r2 = Rec("b", [r1])
r1.kids.append(r2)
print(repr(r1))

# deep nested asdict with dict_factory
@dataclass
class L:
    v: int
    inner: Rec | None = None
print(asdict(L(1, Rec("z", [1, (2, 3), {"k": [L(5)]}]))))
print(dataclasses.astuple(L(1, Rec("z", [L(2)]))))

# fields on instance vs class, field attr access
print(fields(L(1))[1].default, fields(L)[1].type)

# inheritance from non-dataclass with __init__
class Pre:
    def __init__(self):
        self.pre = True

@dataclass
class AfterPre(Pre):
    v: int = 0
print(AfterPre(), hasattr(AfterPre(), "pre"))

# class-level default visible
@dataclass
class DefAttr:
    a: int = 4
    b: list = field(default_factory=list)
print(DefAttr.a, hasattr(DefAttr, "b"))

# match_args False, repr False
@dataclass(match_args=False, repr=False)
class NoMatch:
    a: int
print(hasattr(NoMatch, "__match_args__"), "NoMatch object" in repr(NoMatch(1)))

# own __match_args__ kept
@dataclass
class OwnMatch:
    a: int
    __match_args__ = ("zz",)
print(OwnMatch.__match_args__)

# replace keeps init=False fields recomputed
@dataclass
class Derived:
    a: int
    d: int = field(init=False)
    def __post_init__(self):
        self.d = self.a * 2
print(dataclasses.replace(Derived(2), a=5))

# is_dataclass on subclasses
class Sub(Derived):
    pass
print(dataclasses.is_dataclass(Sub), dataclasses.is_dataclass(Sub(1)), Sub(1))

# order comparisons among subclasses -> NotImplemented
@dataclass(order=True)
class O1:
    a: int
@dataclass(order=True)
class O2(O1):
    pass
try:
    O1(1) < O2(2)
except TypeError as e:
    print("TypeError", e)
print(O1(1) == O2(1))

# ordering with tuples of multiple fields
@dataclass(order=True)
class Card:
    rank: int
    suit: str
print(sorted([Card(2, "h"), Card(1, "s"), Card(2, "c")]))
print(max(Card(3, "a"), Card(3, "b")))

# KW_ONLY inheritance ordering
@dataclass
class KB:
    a: int
    _: KW_ONLY
    b: int = 0
@dataclass
class KC(KB):
    c: int = 1
    _: KW_ONLY
    d: int = 2
print(KC(1, 5), KC.__match_args__, KC.__doc__)
