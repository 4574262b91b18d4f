# dataclasses: generated methods, field options, helpers and error messages.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, InitVar, KW_ONLY, FrozenInstanceError,
                         make_dataclass, MISSING, Field)
import dataclasses
from typing import ClassVar, List, Optional


def attempt(label, action):
    try:
        print(label, action())
    except Exception as e:
        print(label, type(e).__name__, e)


def define(source):
    namespace = {'dataclass': dataclass, 'field': field, 'KW_ONLY': KW_ONLY,
                 'InitVar': InitVar, 'ClassVar': ClassVar}
    try:
        exec(source, namespace)
        print('defined')
    except Exception as e:
        print(type(e).__name__, e)


print('--- basics')
@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(p), p.x, p.y, Point(5), Point(y=3, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__match_args__, Point.__doc__, Point.y, hasattr(Point, 'x'))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__hash__)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(1), is_dataclass(int))
print([f.name for f in fields(Point)], [f.type for f in fields(Point)], fields(p)[1].default)
print(Point.__dataclass_params__)
attempt('missing arg', lambda: Point())
attempt('too many', lambda: Point(1, 2, 3))
attempt('bad kw', lambda: Point(1, z=2))
attempt('hash', lambda: hash(p))
attempt('lt', lambda: p < Point(2, 2))

# (krait has no match statement yet: __match_args__ is checked above)

print('--- defaults and factories')
@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    derived: int = field(init=False, default=42)

a = Inventory('a')
b = Inventory('a')
a.items.append(1)
print(a, b, a.items is not b.items, a.count, a.derived)
print(Inventory('x', secret='1') == Inventory('x', secret='2'))
print(Inventory.__doc__)
f_items = fields(Inventory)[1]
print(f_items.default is MISSING, f_items.default_factory is list, f_items.init, f_items.repr)
print(isinstance(f_items, Field), fields(Inventory)[3].repr, fields(Inventory)[5].init)

@dataclass
class WithMeta:
    x: int = field(default=1, metadata={'unit': 'cm'})
m = fields(WithMeta)[0].metadata
print(m['unit'], len(m), dict(m), list(m))

print('--- post_init and InitVar')
@dataclass
class Rect:
    width: float
    height: float
    area: float = field(init=False)
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.width *= scale
        self.height *= scale
        self.area = self.width * self.height

print(Rect(2, 3), Rect(2, 3, 10), [f.name for f in fields(Rect)])
print(Rect.__match_args__, repr(InitVar[int]), Rect.__doc__)

@dataclass
class Counter:
    total: int = 0
    def __post_init__(self):
        self.total += 100
print(Counter(), Counter(5))

print('--- ClassVar')
@dataclass
class Registry:
    instances: ClassVar[int] = 0
    name: str = 'r'
    def __post_init__(self):
        Registry.instances += 1
Registry(); Registry('b')
print(Registry.instances, [f.name for f in fields(Registry)], Registry())

print('--- frozen and hash')
@dataclass(frozen=True)
class Frozen:
    x: int
    y: tuple = ()
fz = Frozen(1, (2,))
print(fz, hash(fz) == hash((1, (2,))), {fz: 'ok'}[Frozen(1, (2,))])
def assign():
    fz.x = 5
attempt('assign', assign)
def add_attr():
    fz.z = 5
attempt('new attr', add_attr)
def delete():
    del fz.x
attempt('delete', delete)
try:
    fz.x = 3
except AttributeError as e:
    print('is AttributeError', isinstance(e, FrozenInstanceError), type(e).__mro__[1].__name__)

@dataclass(unsafe_hash=True)
class Hashable:
    x: int
    y: int = field(hash=False)
print(hash(Hashable(1, 2)) == hash((1,)), Hashable(1, 2) == Hashable(1, 3))

@dataclass(eq=False)
class NoEq:
    x: int
n1 = NoEq(1)
print(n1 == NoEq(1), n1 == n1, hash(n1) == hash(n1))

@dataclass
class OwnHash:
    x: int
    def __hash__(self):
        return 7
print(hash(OwnHash(1)))

print('--- order')
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)
vs = [Version(1, 2), Version(0, 9), Version(1, 0, 'x')]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5), max(vs))
attempt('lt other', lambda: Version(1) < (1, 0))

print('--- inheritance')
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10
print(Derived(), Derived(3, 4, 5), [f.name for f in fields(Derived)], Derived.__match_args__)

@dataclass
class Animal:
    name: str
    def speak(self):
        return '%s makes a sound' % self.name
@dataclass
class Dog(Animal):
    breed: str = 'mutt'
    def speak(self):
        return '%s barks' % self.name
d = Dog('Rex')
print(d, d.speak(), isinstance(d, Animal), Dog('a', 'b') == Dog('a', 'b'), Dog('a') == Animal('a'))

class Plain:
    def hello(self):
        return 'hi'
@dataclass
class Mixed(Plain):
    v: int = 3
print(Mixed(), Mixed().hello())

print('--- kw_only')
@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int
print(Options(level=3), Options.__match_args__)
attempt('positional', lambda: Options(1, 2))

@dataclass
class Partly:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int
print(Partly(1, c=3), Partly(1, b=2, c=4), Partly.__match_args__, Partly.__doc__)

@dataclass
class FieldKw:
    a: int = field(kw_only=True, default=5)
    b: int = 1
print(FieldKw(2), FieldKw(b=3, a=4))

print('--- slots')
@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
def slot_extra():
    s.z = 1
attempt('slot extra', slot_extra)

print('--- repr options and recursion')
@dataclass(repr=False)
class NoRepr:
    x: int
print(type(repr(NoRepr(1))).__name__, repr(NoRepr(1)).startswith('<'))

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: Optional['Node'] = field(default=None, repr=False)
root = Node(1)
root.children.append(Node(2, parent=root))
print(root)
@dataclass
class Loop:
    other: object = None
loop = Loop()
loop.other = loop
print(loop)

@dataclass(init=False)
class NoInit:
    x: int = 4
ni = NoInit()
print(ni, ni.x)

@dataclass
class Custom:
    x: int
    def __repr__(self):
        return 'Custom!'
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == 5, Custom.__hash__)

print('--- asdict / astuple')
@dataclass
class Inner:
    a: int
    b: list
@dataclass
class Outer:
    name: str
    inner: Inner
    inners: list
    mapping: dict
    pair: tuple

inner = Inner(1, [1, 2])
outer = Outer('o', inner, [Inner(2, []), 3], {'k': Inner(3, [4])}, (Inner(4, []), 5))
d = asdict(outer)
print(d)
print(d['inner']['b'] is not inner.b, d['inner']['b'] == inner.b, type(d['pair']).__name__)
print(astuple(outer))
print(asdict(Point(1, 2), dict_factory=lambda items: sorted(items, reverse=True)))
print(astuple(Point(1, 2), tuple_factory=list))
attempt('asdict class', lambda: asdict(Point))
attempt('asdict int', lambda: asdict(1))
attempt('astuple int', lambda: astuple(1))
attempt('fields int', lambda: fields(1))

class PointTuple(tuple):
    _fields = ('a', 'b')
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))
@dataclass
class HoldsNamed:
    pt: PointTuple
held = asdict(HoldsNamed(PointTuple(Inner(1, []), 2)))
print(held, type(held['pt']).__name__)

print('--- replace')
p2 = replace(p, y=20)
print(p2, p, p2 is not p)
print(replace(fz, x=9), replace(Rect(1, 2), scale=3), replace(Options(level=1), verbose=True))
attempt('replace bad', lambda: replace(p, z=1))
attempt('replace init false', lambda: replace(Inventory('q'), derived=1))
attempt('replace plain', lambda: replace(1))
@dataclass
class NeedsInit:
    x: int
    k: InitVar[int]
    def __post_init__(self, k):
        self.x += k
attempt('replace initvar', lambda: replace(NeedsInit(1, 2)))
print(replace(NeedsInit(1, 2), k=5))

print('--- make_dataclass')
C = make_dataclass('C', ['a', ('b', int), ('c', int, field(default=3))])
print(C(1, 2), C.__name__, [f.name for f in fields(C)], C.__annotations__)
D = make_dataclass('D', [('z', int, field(default=0))], bases=(Base,), namespace={'double': lambda self: self.x * 2})
print(D(1, 2, 3), D(4).double())
E = make_dataclass('E', [('v', int, field(default=0))], order=True, frozen=True)
print(E(1) < E(2), hash(E(3)) == hash((3,)))
attempt('make bad', lambda: make_dataclass('X', [('a', int, 1, 2)]))
attempt('make dup', lambda: make_dataclass('X', ['a', 'a']))
attempt('make kw', lambda: make_dataclass('X', ['class']))
attempt('make ident', lambda: make_dataclass('X', ['a b']))

print('--- errors')
define("@dataclass\nclass Q:\n    x: int = 0\n    y: int")
define("@dataclass\nclass Q:\n    x: list = []")
define("@dataclass\nclass Q:\n    x: dict = {}")
define("@dataclass\nclass Q:\n    x: set = set()")
define("@dataclass\nclass Q:\n    x = field()")
define("@dataclass(order=True)\nclass Q:\n    x: int\n    def __lt__(self, o): pass")
define("@dataclass(order=True, eq=False)\nclass Q:\n    x: int")
define("@dataclass(unsafe_hash=True)\nclass Q:\n    x: int\n    def __hash__(self): pass")
define("@dataclass(frozen=True)\nclass F:\n    x: int\n@dataclass\nclass G(F):\n    y: int")
define("@dataclass\nclass F:\n    x: int\n@dataclass(frozen=True)\nclass G(F):\n    y: int = 1")
define("@dataclass\nclass Q:\n    a: KW_ONLY\n    b: KW_ONLY")
define("@dataclass\nclass Q:\n    x: ClassVar[list] = field(default_factory=list)")
define("@dataclass(frozen=True)\nclass Q:\n    x: int\n    def __setattr__(self, n, v): pass")
define("@dataclass\nclass Q:\n    x: tuple = ()\n    y: frozenset = frozenset()")
attempt('field both', lambda: field(default=1, default_factory=list))
