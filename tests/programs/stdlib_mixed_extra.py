# More enum, dataclasses and typing cases: mixins with __new__, zero flags, slots inheritance, protocols with properties, forward references.
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
from dataclasses import dataclass, field, fields, replace
from typing import Protocol, runtime_checkable, Union, List, Optional, Callable, TypeVar, Generic, get_type_hints, Dict

class Coin(int, Enum):
    def __new__(cls, value, label):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj
    PENNY = (1, 'penny')
    NICKEL = (5, 'nickel')
print(Coin.PENNY, Coin(5), Coin.NICKEL.label, Coin.PENNY + Coin.NICKEL, repr(Coin.NICKEL), type(Coin.PENNY) is Coin)

class Perm(Flag):
    NONE = 0
    R = 4
    W = 2
    X = 1
print(list(Perm), repr(Perm(0)), Perm(0) is Perm.NONE, repr(Perm.R & Perm.W), len(Perm), repr(~(Perm.R | Perm.W | Perm.X)))
flags = Perm.R | Perm.X
if flags & Perm.R:
    print('readable', bool(flags & Perm.W))

class Up(StrEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.upper() + '!'
    A = auto()
    B = auto()
print(list(Up), Up.A)

class Hooked(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
class HookedChild(Hooked):
    ONE = 1
print(list(HookedChild))

class Truthy(Enum):
    NO = 0
    YES = 1
    def __bool__(self):
        return bool(self.value)
print(bool(Truthy.NO), bool(Truthy.YES))

class Listy(Enum):
    A = [1, 2]
    B = [3]
print(Listy([3]), Listy.A.value)

try:
    @dataclass
    class Base:
        x: int = 0
    @dataclass
    class Child(Base):
        z: int
except TypeError as e:
    print(type(e).__name__, e)

@dataclass(slots=True)
class SlotBase:
    a: int
    def __post_init__(self):
        self.a *= 2
@dataclass(slots=True)
class SlotChild(SlotBase):
    b: int = 1
sc = SlotChild(3)
print(sc, SlotChild.__slots__, replace(sc, b=5))

@dataclass
class Meta:
    x: int = field(default=0, metadata={'doc': 'the x'})
print(fields(Meta())[0].metadata.get('doc'), fields(Meta())[0].metadata.get('nope'))

@runtime_checkable
class HasArea(Protocol):
    @property
    def area(self) -> float: ...
class Sq:
    def __init__(self, s): self.s = s
    @property
    def area(self): return self.s ** 2
print(isinstance(Sq(2), HasArea), isinstance(object(), HasArea))

T = TypeVar('T')
def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None
print(first([3, 4]), first([]), get_type_hints(first))
try:
    isinstance(1, Union[int, List[int]])
except TypeError as e:
    print(type(e).__name__, e)

class Tree(Generic[T]):
    def __init__(self, value: T, children: 'Optional[List[Tree[T]]]' = None):
        self.value = value
        self.children = children or []
    def walk(self) -> 'List[T]':
        out = [self.value]
        for c in self.children:
            out.extend(c.walk())
        return out
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(t.walk(), get_type_hints(Tree.__init__, localns={'Tree': Tree}))
Handler = Callable[[str], Dict[str, int]]
def register(h: Handler) -> None: pass
print(get_type_hints(register), Handler)
