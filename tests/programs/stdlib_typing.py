# typing: annotations import, subscript and print as in CPython; runtime
# helpers (Generic, Protocol, NamedTuple, TypedDict, get_type_hints, ...).
from typing import (Any, Union, Optional, List, Dict, Set, FrozenSet, Tuple,
                    Type, Callable, Iterable, Iterator, Generator, Sequence,
                    Mapping, MutableMapping, Deque, DefaultDict, Counter,
                    OrderedDict, ChainMap, Awaitable, Coroutine, AsyncIterator,
                    TypeVar, Generic, Protocol, runtime_checkable, NamedTuple,
                    TypedDict, Literal, Final, ClassVar, Annotated, cast,
                    overload, no_type_check, get_type_hints, get_origin,
                    get_args, TYPE_CHECKING, NoReturn, Never, Self,
                    LiteralString, TypeAlias, ParamSpec, Concatenate, AnyStr,
                    Text, SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs,
                    NewType, Hashable, Sized, Container, Collection, Reversible,
                    AbstractSet, MutableSequence, MutableSet, final, TypeGuard,
                    Required, NotRequired, get_overloads, assert_never,
                    is_typeddict, IO, TextIO, BinaryIO, ForwardRef)
import typing


def attempt(label, action):
    try:
        print(label, action())
    except Exception as e:
        print(label, type(e).__name__, e)


print('--- reprs')
print(Any, NoReturn, Never, Self, LiteralString, TypeAlias, TYPE_CHECKING, Text)
print(List, Dict, Set, FrozenSet, Tuple, Type, Callable, Iterable, Iterator)
print(Generator, Sequence, Mapping, MutableMapping, Deque, DefaultDict, Counter)
print(OrderedDict, ChainMap, Awaitable, Coroutine, AsyncIterator, Hashable, Sized)
print(List[int], Dict[str, int], Set[bytes], FrozenSet[str], Tuple[int, str])
print(Tuple[int, ...], Tuple[()], Type[int], List[List[int]], Dict[str, List[Tuple[int, float]]])
print(Optional[int], Union[int, str], Union[int, None], Union[None, int], Union[int, str, None])
print(Union[int], Union[int, int], Union[int, Union[str, float]], Optional[Optional[int]])
print(Callable[[int, str], bool], Callable[[], None], Callable[..., int], Callable[[List[int]], Dict[str, Any]])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float], Mapping[str, int])
print(MutableMapping[str, List[int]], Deque[int], DefaultDict[str, int], Counter[str])
print(OrderedDict[str, int], ChainMap[str, int], Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[bytes])
print(Literal[1, 'a', True, None], Literal['x'], Final[int], Final, ClassVar[List[int]], ClassVar)
print(Annotated[int, 'meta'], Annotated[List[int], 'a', 3], TypeGuard[int], Required[int], NotRequired[str])
print(List['Forward'], Optional['Node'], ForwardRef('X'))

print('--- TypeVar and ParamSpec')
T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
Num = TypeVar('Num', int, float)
Bounded = TypeVar('Bounded', bound=str)
P = ParamSpec('P')
print(T, T_co, T_contra, Num, Bounded, P, P.args, P.kwargs, AnyStr)
print(T.__name__, Num.__constraints__, Bounded.__bound__, T.__bound__, T_co.__covariant__, T.__covariant__)
print(List[T], Dict[K, V], Dict[str, T][int], Dict[K, List[V]][str, int], Callable[P, int], Concatenate[int, P])
print(Callable[Concatenate[int, P], str], List[T].__parameters__, Dict[K, V].__parameters__)
attempt('bivariant', lambda: TypeVar('X', covariant=True, contravariant=True))
attempt('one constraint', lambda: TypeVar('X', int))
attempt('too many', lambda: List[int, str])
attempt('too few', lambda: Dict[int])
attempt('not generic', lambda: List[int][str])

print('--- Generic')
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def __repr__(self):
        return 'Box(%r)' % (self.item,)

b = Box(3)
print(b, b.get(), Box[int], Box[int]('x'), Box[int](5).__orig_class__)
print(Box.__parameters__, Box.__orig_bases__, Box.__mro__, isinstance(Box[int](1), Box))
print(Box[List[int]], Box[int] == Box[int], Box[int] == Box[str])
attempt('isinstance alias', lambda: isinstance(b, Box[int]))
attempt('generic int', lambda: Generic[int])
attempt('box two', lambda: Box[int, str])
attempt('generic dup', lambda: Generic[T, T])

class Pair(Generic[K, V]):
    def __init__(self, key: K, value: V):
        self.key, self.value = key, value
print(Pair[str, int], Pair('a', 1).value, Pair.__parameters__, Pair[str, V][int])

class IntBox(Box[int]):
    pass
print(IntBox(4), IntBox.__mro__, IntBox.__orig_bases__, IntBox.__parameters__)

class Stack(List[T]):
    def peek(self) -> T:
        return self[-1]
s = Stack()
s.append(1)
s.append(2)
print(s, s.peek(), Stack.__mro__, Stack[int])

class Base:
    pass
class Mixed(Base, Generic[T]):
    pass
print(Mixed.__mro__, Mixed[str])

class MyMap(Dict[str, int]):
    pass
print(MyMap.__mro__, MyMap(a=1))

print('--- Protocol')
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...

class Resource:
    def close(self):
        return 'closed'

class NotResource:
    pass

print(isinstance(Resource(), Closable), isinstance(NotResource(), Closable), issubclass(Resource, Closable))

class SizedThing(Protocol):
    def __len__(self) -> int:
        ...
attempt('not runtime', lambda: isinstance([], SizedThing))
attempt('instantiate', lambda: Closable())

class Explicit(Closable):
    pass
print(isinstance(Explicit(), Closable), Explicit().close())

@runtime_checkable
class HasName(Protocol):
    name: str
class Named:
    def __init__(self):
        self.name = 'n'
print(isinstance(Named(), HasName), isinstance(1, HasName))

class GenericProto(Protocol[T]):
    def get(self) -> T:
        ...
print(GenericProto[int], GenericProto.__parameters__)
attempt('runtime on class', lambda: runtime_checkable(Resource))

print(isinstance(3, SupportsInt), isinstance('3', SupportsInt), isinstance(3.5, SupportsFloat))
print(isinstance(3, SupportsIndex), isinstance(3.0, SupportsIndex), isinstance(-2, SupportsAbs))

print('--- abstract collection checks')
print(isinstance([1], Iterable), isinstance(5, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance({}, Mapping), isinstance([], Mapping), isinstance({}, MutableMapping), isinstance([], Sequence))
print(isinstance('abc', Sequence), isinstance({1}, AbstractSet), isinstance({1}, MutableSet), isinstance(frozenset(), MutableSet))
print(isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance(len, Callable), isinstance(3, Callable))
print(isinstance([], Sized), isinstance(3, Hashable), isinstance([], Hashable), isinstance([], Container))
print(isinstance([], Collection), isinstance([], Reversible), isinstance({}, Reversible) or True)
def gen():
    yield 1
print(isinstance(gen(), Generator), isinstance(gen(), Iterator), isinstance([], Generator))
print(isinstance([], List), isinstance({}, Dict), isinstance((), Tuple), isinstance(set(), Set), issubclass(list, List))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(isinstance(Countdown(2), Iterable), isinstance(Countdown(2), Iterator), list(Countdown(3)))
attempt('isinstance List[int]', lambda: isinstance([], List[int]))
attempt('isinstance Any', lambda: isinstance(1, Any))
attempt('isinstance Union', lambda: isinstance(1, Union[int, str]))
attempt('isinstance Optional', lambda: isinstance(None, Optional[int]))
attempt('isinstance Literal', lambda: isinstance(1, Literal[1]))
attempt('instantiate List', lambda: List())
attempt('instantiate List[int]', lambda: List[int]())
attempt('Union()', lambda: Union())
attempt('Union[()]', lambda: Union[()])

print('--- NamedTuple')
class Point(NamedTuple):
    x: int
    y: int = 0

    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, p.x, p[1], p.norm2(), Point(1), Point(x=5, y=6), p == (3, 4), len(p))
print(Point._fields, Point._field_defaults, p._asdict(), p._replace(y=10), Point._make([7, 8]))
print(Point.__annotations__, isinstance(p, tuple), type(p).__name__, Point.__mro__)
x, y = p
print(x, y, tuple(p), list(p), hash(p) == hash((3, 4)), Point.__match_args__)
attempt('replace bad', lambda: p._replace(z=1))
attempt('make bad', lambda: Point._make([1, 2, 3]))
attempt('missing', lambda: Point())
def set_field():
    p.x = 10
attempt('set field', set_field)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)
Employee = NamedTuple('Employee', [('name', str), ('id', int)])
e = Employee('Guido', 3)
print(e, e.name, Employee._fields, Employee.__annotations__)
Kw = NamedTuple('Kw', a=int, b=str)
print(Kw(1, 'x'), Kw._fields)

print('--- TypedDict')
class Movie(TypedDict):
    title: str
    year: int

class PartialMovie(TypedDict, total=False):
    rating: float

class FullMovie(Movie, PartialMovie):
    director: str

m = Movie(title='Blade Runner', year=1982)
print(m, type(m), m['title'], Movie.__total__, PartialMovie.__total__)
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), sorted(PartialMovie.__optional_keys__))
print(sorted(FullMovie.__required_keys__), sorted(FullMovie.__optional_keys__), list(FullMovie.__annotations__))
print(Movie.__annotations__, is_typeddict(Movie), is_typeddict(dict))
attempt('isinstance TypedDict', lambda: isinstance(m, Movie))
Alt = TypedDict('Alt', {'a': int, 'b': str})
print(Alt(a=1, b='x'), sorted(Alt.__required_keys__), Alt.__annotations__)
class WithReq(TypedDict, total=False):
    must: Required[int]
    may: str
print(sorted(WithReq.__required_keys__), sorted(WithReq.__optional_keys__))

print('--- get_origin / get_args')
print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Union[int, str]), get_origin(int))
print(get_origin(Literal[1]), get_origin(Annotated[int, 'x']), get_origin(Generic), get_origin(Box[int]))
print(get_origin(list[int]), get_origin(Tuple[int, ...]), get_origin(Callable[[int], str]), get_origin(ClassVar[int]))
print(get_args(List[int]), get_args(Dict[str, int]), get_args(Union[int, str]), get_args(int))
print(get_args(Callable[[int, str], bool]), get_args(Callable[..., int]), get_args(Tuple[int, ...]))
print(get_args(Annotated[int, 'x', 2]), get_args(Literal[1, 2]), get_args(list[int]), get_args(Optional[int]))
print(get_args(List), get_origin(List), get_args(Box[int]), get_origin(P.args))

print('--- get_type_hints')
class Node:
    value: int
    next: Optional['Node'] = None
    label: 'str' = ''
    counter: ClassVar[int] = 0

def func(a: int, b: 'List[int]', c: Annotated[str, 'meta'] = '') -> Dict[str, int]:
    return {}

print(get_type_hints(Node))
print(get_type_hints(func))
print(get_type_hints(func, include_extras=True)['c'])
class Child(Node):
    extra: float
print(list(get_type_hints(Child)))
def no_hints(a, b):
    pass
print(get_type_hints(no_hints), func.__annotations__['b'])

print('--- cast, overload, decorators, NewType')
print(cast(int, 'not an int'), cast('List[int]', [1]), cast(List[int], None))

@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2
print(double(2), double('ab'), len(get_overloads(double)))
attempt('call overload', lambda: overload(lambda x: x)(1))

@no_type_check
def untyped(a: 'nonsense') -> 'also nonsense':
    return a
print(untyped(1), untyped.__no_type_check__, get_type_hints(untyped))

@final
class Leaf:
    @final
    def method(self):
        return 'leaf'
print(Leaf().method(), Leaf.__final__)

UserId = NewType('UserId', int)
uid = UserId(5)
print(uid, type(uid), UserId.__name__, UserId.__supertype__, UserId)
attempt('assert_never', lambda: assert_never(3))

Vector: TypeAlias = List[float]
def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]
print(scale(2.0, [1.0, 2.5]), Vector)

print('--- equality and hashing of aliases')
print(List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int])
print(Optional[int] == Union[int, None], Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True])
print(Union[int, str] | None, Optional[int] | str, List[int] | None)
print(Annotated[int, 'a'] == Annotated[int, 'a'], Annotated[Annotated[int, 'a'], 'b'])
print(Dict[str, int].__origin__, Dict[str, int].__args__, Union[int, str].__args__)
print(IO, TextIO, BinaryIO, IO[str], issubclass(TextIO, IO))

print('--- annotations in user code')
def process(items: List[int], mapping: Dict[str, Optional[int]] = None,
            callback: Callable[[int], None] = print) -> Tuple[int, ...]:
    return tuple(items)
print(process([1, 2]), process.__annotations__['items'], process.__annotations__['return'])

class Config:
    name: str
    values: List[int]
    options: Dict[str, Any]
    maybe: Optional[float] = None
    def __init__(self, name: str) -> None:
        self.name = name
print(Config('c').name, Config.__annotations__['values'], Config.maybe)
