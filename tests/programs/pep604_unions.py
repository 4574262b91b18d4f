import types
class C: pass
class Meta(type):
    def __or__(self, other): return "meta-or"
    def __ror__(self, other): return "meta-ror"
class D(metaclass=Meta): pass
tests = [
 lambda: int | str, lambda: int | None, lambda: None | int, lambda: list[int] | None,
 lambda: type | list[int], lambda: int | C, lambda: C | int, lambda: int | int, lambda: (int | str) | (str | float),
 lambda: D | int, lambda: int | D, lambda: int | 3, lambda: 3 | int, lambda: int | "str", lambda: (int|str).__args__,
 lambda: (int | str) == (str | int), lambda: hash(int | str) == hash(str | int), lambda: (int|str) == (int|float),
 lambda: type(int | str), lambda: type(int|str) is types.UnionType, lambda: isinstance(1, int | str),
 lambda: isinstance("a", int | None), lambda: isinstance(None, int | None), lambda: issubclass(bool, int | str),
 lambda: isinstance(1, list[int] | None), lambda: isinstance(1, list[int]), lambda: issubclass(int, list[int] | None),
 lambda: isinstance(1, int | list[int]), lambda: isinstance(1, (str, int | None)), lambda: (int | str).__parameters__,
 lambda: (int|str) | None, lambda: None | (int|str), lambda: list[int] | dict[str, int], lambda: int | list[int] | list[int],
 lambda: (int | None).__args__, lambda: repr(types.UnionType), lambda: (int|str) == 3, lambda: {int|str: 1}[str|int],
 lambda: int | types.FunctionType, lambda: None | None, lambda: isinstance(C(), C | None),
]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
def f(x: int | None = None) -> list[str] | None:
    return x
print(f(), f.__annotations__)
import abc, collections.abc, typing
class Base(abc.ABC): pass
print(Base | None, collections.abc.Iterable | int)
print(isinstance([], collections.abc.Iterable | int), isinstance(3.0, collections.abc.Iterable | int))
def f(x: "int | None" = None, *, y: dict[str, int] | None = None) -> list[str] | None: return [str(x)]
print(f(3), typing.get_type_hints(f) if hasattr(typing, 'get_type_hints') else None)
print(int | typing.Any if False else 'skip')
import enum
class Color(enum.Enum):
    R = 1
print(Color | None)
from dataclasses import dataclass
@dataclass
class P:
    x: int | None = None
    y: list[int] | None = None
print(P(), P(1, [2]))
