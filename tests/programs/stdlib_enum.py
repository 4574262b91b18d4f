# enum: members, lookups, reprs, aliases, flags, errors and the functional API.
from enum import (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
                  EnumMeta, EnumType, ReprEnum, STRICT, CONFORM, EJECT, KEEP,
                  FlagBoundary, nonmember, member, verify, UNIQUE, CONTINUOUS)
import enum


def attempt(label, action):
    try:
        print(label, action())
    except Exception as e:
        print(label, type(e).__name__, e)


def define(source):
    namespace = dict(vars(enum))
    try:
        exec(source, namespace)
        print('defined')
    except Exception as e:
        print(type(e).__name__, e)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

print('--- basics')
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(format(Color.RED), f"{Color.RED:>12}|", f"{Color.GREEN!r}")
print(list(Color), len(Color))
print(list(reversed(Color)))
print(Color(1), Color['GREEN'], Color.CRIMSON is Color.RED, Color(3) is Color.BLUE)
print(Color.__members__)
print(list(Color.__members__), list(Color.__members__.items())[-1])
print('RED' in Color.__members__, len(Color.__members__))
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED))
print(Color, repr(Color), type(Color), EnumMeta is EnumType, Color.__name__)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, Color.RED is Color.CRIMSON)
print(hash(Color.RED) == hash(Color.CRIMSON), {Color.RED: 'r', Color.GREEN: 'g'}[Color.CRIMSON])
print(sorted({Color.BLUE, Color.RED, Color.GREEN}, key=lambda c: c.value))
print(getattr(Color, 'BLUE'), bool(Color.RED), bool(Color))
print(Color.RED.__class__.__name__, isinstance(Color.RED, Enum), issubclass(Color, Enum))
print([c.name for c in Color], [c.value for c in Color])

print('--- errors')
attempt('value', lambda: Color(4))
attempt('value str', lambda: Color('RED'))
attempt('key', lambda: Color['PURPLE'])
attempt('lt', lambda: Color.RED < Color.GREEN)
attempt('in int', lambda: 1 in Color)
def reassign():
    Color.RED = 5
attempt('reassign', reassign)
def delete():
    del Color.GREEN
attempt('delete', delete)
def set_name():
    Color.RED.name = 'x'
attempt('set name', lambda: set_name())
define("class Sub(Color):\n    PINK = 4")
define("class X(Enum):\n    A = 1\n    A = 2")
define("class X(Enum):\n    A = 1\n    def A(self): pass")
define("class X(Enum):\n    mro = 1")
define("class X(Enum):\n    _sunder_ = 1")
define("class X(Enum):\n    _order_ = 'B A'\n    A = 1\n    B = 2")
define("class X(Enum):\n    _order_ = 'A B'\n    A = 1\n    B = 2")
define("X = Enum('X', 'A A')")
define("class X(StrEnum):\n    A = 1")
define("class X(IntEnum):\n    A = 'a'")

print('--- unique')
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(type(e).__name__, e)

@unique
class Fine(Enum):
    A = 1
    B = 2
print(list(Fine))

print('--- auto and _generate_next_value_')
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), repr(auto()))

class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    NORTH = auto()
    SOUTH = auto()
print(list(Lower), Lower('north'))

class Pair(Enum):
    ONE = auto(), 'one'
    TWO = auto(), 'two'
print(Pair.ONE.value, Pair.TWO.value)

print('--- methods and properties')
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)

    def describe(self):
        return '%s weighs %s' % (self.name.title(), self.mass)

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)

print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.surface_gravity)
print(Planet.MERCURY.describe(), Planet.heaviest(), Planet((3.303e+23, 2.4397e6)))

class Coordinate(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, 'P.X')
    PY = (1, 'P.Y')
print(Coordinate.PY.label, Coordinate(1).name, Coordinate.PX.value, Coordinate.PY == b"\x01")

class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    def __str__(self):
        return 'my custom str! {0}'.format(self.value)

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY
print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY))

class Base(Enum):
    def shout(self):
        return self.name.upper() + '!'
class Animal(Base):
    cat = 1
    dog = 2
print(Animal.cat.shout(), list(Animal), issubclass(Animal, Base))

class Named(Enum):
    name = 1
    value = 2
print(Named.name, Named.value, Named.name.name, Named.value.value, Named.value.name)

class Ignoring(Enum):
    _ignore_ = 'helper'
    helper = 5
    A = 1
    B = nonmember(3)
    C = member(lambda: 4)
print(list(Ignoring.__members__), Ignoring.B, Ignoring.C.value())

print('--- _missing_')
class Case(Enum):
    ALPHA = 'alpha'
    BETA = 'beta'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Case('ALPHA'), Case('Beta'))
attempt('missing', lambda: Case(1))
class BadMissing(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 5
try:
    BadMissing(7)
except TypeError as e:
    print(type(e).__name__, e, repr(e.__context__))

print('--- mixed types')
class Num(int, Enum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.ONE), format(Num.ONE), Num.ONE + 1, Num.ONE == 1, Num(2))

class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.CIRCLE, str(Shape.CIRCLE), repr(Shape.CIRCLE), format(Shape.SQUARE), f"{Shape.CIRCLE:>3}|")
print(Shape.CIRCLE < Shape.SQUARE, Shape.CIRCLE == 1, sorted([Shape.SQUARE, Shape.CIRCLE]))
print(Shape.SQUARE * 3, int(Shape.SQUARE), {Shape.CIRCLE: 'x'}[1], Shape(2), isinstance(Shape.CIRCLE, int))
print([m for m in Shape], Shape.__mro__)
print(['a', 'b', 'c'][Shape.CIRCLE], hash(Shape.CIRCLE) == hash(1))

class Http(StrEnum):
    GET = auto()
    POST = 'post'
print(Http.GET, str(Http.GET), repr(Http.GET), format(Http.POST), Http.GET + '!', Http.GET == 'get', Http('post'))
print(Http.GET.upper(), isinstance(Http.GET, str), '%s' % Http.POST, '{}'.format(Http.GET))

class Letter(str, Enum):
    A = 'a'
print(Letter.A, repr(Letter.A), Letter.A == 'a', Letter('a'), Letter.A.upper())

print('--- flags')
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
RW = Perm.R | Perm.W
print(repr(RW), str(RW), RW.name, RW.value, list(RW), len(RW))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.R))
print(repr(~Perm.R), repr(~RW), repr(~Perm.RWX), repr(Perm(7)), Perm(7) is Perm.RWX)
print(list(Perm), len(Perm), Perm.__members__)
print(Perm.R in RW, Perm.X in RW, repr(RW & Perm.R), repr(RW ^ Perm.R), repr(Perm.R | Perm.W | Perm.X))
print(Perm.R | Perm.R is Perm.R, Perm(6) is RW)
attempt('strict', lambda: Perm(9))
attempt('flag str', lambda: Perm('r'))
attempt('flag in', lambda: 1 in RW)
attempt('flag or', lambda: Perm.R | 1)

class Color2(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Color2), [m.value for m in Color2], repr(Color2.WHITE), list(Color2.WHITE))
print(repr(Color2(3)), repr(Color2(7)), repr(~Color2.RED))

class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(repr(Conform(7)), repr(Conform(4)))
class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2
print(repr(Eject(7)), repr(Eject(3)))
class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2
print(repr(Keep(7)), str(Keep(7)))

class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(IPerm.R | IPerm.W), str(IPerm.R | IPerm.W), format(IPerm.R), repr(IPerm(0)), str(IPerm(0)))
print(repr(~IPerm.R), repr(IPerm.R | 8), repr(IPerm(9)), IPerm.R | IPerm.W == 6, IPerm.R + 1)
print(repr(IPerm.R & 4), repr(2 | IPerm.X), list(IPerm(7)), IPerm.R in IPerm(5), isinstance(IPerm.R, int))
print(IPerm.W < IPerm.R, sorted(IPerm))
print(list(FlagBoundary), STRICT, KEEP is FlagBoundary.KEEP)

print('--- functional API')
Animal2 = Enum('Animal2', 'ANT BEE CAT DOG')
print(list(Animal2), Animal2.BEE.value, Animal2.__name__, Animal2.__module__)
Comma = Enum('Comma', 'A, B,C')
print(list(Comma))
Pairs = Enum('Pairs', [('X', 10), ('Y', 20)])
print(list(Pairs))
Listed = Enum('Listed', ['P', 'Q'])
print(list(Listed))
Mapped = Enum('Mapped', {'LOW': 'l', 'HIGH': 'h'})
print(list(Mapped), Mapped('h'))
Started = IntEnum('Started', 'A B', start=5)
print(list(Started), Started.B + 0)
Typed = Enum('Typed', 'ONE TWO', type=int)
print(list(Typed), Typed.ONE + 10, Typed.__mro__[1])
Flags = Flag('Flags', 'A B C')
print(list(Flags), repr(Flags.A | Flags.C))
attempt('functional missing', lambda: Animal2(9))

print('--- base classes')
print(list(Enum), len(Enum), repr(Enum), repr(IntEnum), repr(Flag), repr(IntFlag))
print(type(Enum), type(IntEnum), type(Flag), issubclass(IntFlag, Flag), issubclass(IntEnum, ReprEnum))
print(repr(auto), Enum.__name__, EnumMeta.__name__)

print('--- verify')
try:
    @verify(CONTINUOUS)
    class Gap(Enum):
        A = 1
        C = 3
        D = 5
except ValueError as e:
    print(type(e).__name__, e)
@verify(UNIQUE, CONTINUOUS)
class NoGap(IntEnum):
    A = 1
    B = 2
print(list(NoGap))

print('--- ordered enum from docs')
class OrderedEnum(Enum):
    def __ge__(self, other):
        if self.__class__ is other.__class__:
            return self.value >= other.value
        return NotImplemented
    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented
class Grade(OrderedEnum):
    A = 5
    B = 4
    C = 3
print(Grade.C < Grade.A, Grade.A >= Grade.B, sorted(Grade), max(Grade))
