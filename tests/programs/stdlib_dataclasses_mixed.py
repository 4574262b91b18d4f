# dataclasses, enum and typing used together, as programs' annotations do.
from dataclasses import dataclass, field, InitVar, KW_ONLY, fields, asdict
from typing import ClassVar, Optional, List, get_type_hints, NamedTuple, Generic, TypeVar
from enum import Enum, auto

class Color(Enum):
    RED = auto()
    GREEN = auto()

@dataclass(order=True)
class Item:
    name: str
    color: Color = Color.RED
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    scale: InitVar[int] = 1
    _: KW_ONLY
    weight: float = 1.0
    def __post_init__(self, scale):
        self.weight *= scale
        Item.count += 1

i = Item('a', Color.GREEN, ['x'], 3, weight=2.0)
print(i, [f.name for f in fields(i)], Item.count, list(Item.__annotations__))
print(asdict(i))
print({k: v for k, v in get_type_hints(Item).items() if k != '_'})
@dataclass
class Tree:
    value: int
    children: list = field(default_factory=list)
    parent: Optional["Tree"] = None
t = Tree(1, [Tree(2)])
print(t, asdict(t))
print(sorted([Item('b'), Item('a')]))
@dataclass(frozen=True, slots=True)
class FS:
    a: int
    b: str = 'x'
fs = FS(1)
print(fs, hash(fs) == hash((1, 'x')), FS.__slots__)
try: fs.a = 2
except Exception as e: print(type(e).__name__, e)
class Shape(Enum):
    CIRCLE = 'circle'
    def __str__(self): return self.value
    @property
    def upper(self): return self.value.upper()
print(f"{Shape.CIRCLE}", Shape.CIRCLE.upper, format(Shape.CIRCLE, '>8'))
print({c: c.value for c in Color})
print(Color.RED.name.lower(), Color['GREEN'].value, Color.__members__.keys())
E = Enum('E', 'A B', module=__name__, qualname='Q.E')
print(E.__qualname__, E.__module__, repr(E.A))
class P(NamedTuple):
    x: int
    def __repr__(self):
        return 'P!' + tuple.__repr__(self)
print(P(1))
class P3(P):
    def total(self): return self.x * 3
print(P3(2).total(), P3(2))
T = TypeVar('T')
class A(Generic[T]):
    def __init_subclass__(cls, flag=None, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
class B(A[int], flag=1): pass
print(B.flag, B.__mro__)
