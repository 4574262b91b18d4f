# abc: ABCMeta, ABC, abstract decorators, registration and caches.
import abc
from abc import ABC, ABCMeta, abstractmethod


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


class Shape(ABC):
    @abstractmethod
    def area(self):
        """The area."""

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return f"{type(self).__name__} area={self.area()}"


print(sorted(Shape.__abstractmethods__))
attempt("Shape()", lambda: Shape())


class HalfSquare(Shape):
    def area(self):
        return 4


print(sorted(HalfSquare.__abstractmethods__))
attempt("HalfSquare()", lambda: HalfSquare())


class Square(HalfSquare):
    def __init__(self, side):
        self.side = side

    def perimeter(self):
        return 4 * self.side


print(Square.__abstractmethods__)
sq = Square(3)
print(sq.describe(), sq.perimeter())
print(isinstance(sq, Shape), issubclass(Square, Shape), issubclass(Square, ABC))
print(type(Shape) is ABCMeta, Shape.area.__isabstractmethod__)


class WithMeta(metaclass=ABCMeta):
    @classmethod
    @abstractmethod
    def make(cls):
        pass

    @staticmethod
    @abstractmethod
    def helper():
        pass

    @property
    @abstractmethod
    def size(self):
        pass


print(sorted(WithMeta.__abstractmethods__))
attempt("WithMeta()", lambda: WithMeta())


class Concrete(WithMeta):
    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "help"

    @property
    def size(self):
        return 10


c = Concrete.make()
print(type(c).__name__, c.helper(), c.size, Concrete.__abstractmethods__)


class Old(ABC):
    @abc.abstractclassmethod
    def cm(cls):
        return cls.__name__

    @abc.abstractstaticmethod
    def sm():
        return "static"

    @abc.abstractproperty
    def prop(self):
        return "p"


print(sorted(Old.__abstractmethods__))
attempt("Old()", lambda: Old())
print(Old.cm(), Old.sm())


class OldImpl(Old):
    prop = 5

    @classmethod
    def cm(cls):
        return "impl " + cls.__name__

    @staticmethod
    def sm():
        return "impl static"


print(OldImpl.__abstractmethods__, OldImpl.cm(), OldImpl.sm(), OldImpl().prop)


# Virtual subclasses.
class Drawable(ABC):
    pass


class Circle:
    pass


print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
token = abc.get_cache_token()
print(Drawable.register(Circle) is Circle)
print(abc.get_cache_token() > token)
print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
print(Circle in Drawable.__mro__, Drawable.register(Circle) is Circle)


@Drawable.register
class Text:
    pass


print(isinstance(Text(), Drawable))


class BigCircle(Circle):
    pass


print(issubclass(BigCircle, Drawable))
Drawable.register(int)
print(isinstance(3, Drawable), isinstance(True, Drawable), isinstance("s", Drawable))
attempt("register(3)", lambda: Drawable.register(3))


class Sub(Drawable):
    pass


attempt("cycle", lambda: Sub.register(Drawable))
attempt("issubclass(3, ABC)", lambda: issubclass(3, Drawable))


# __subclasshook__
class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class Box:
    def __len__(self):
        return 1


class Empty:
    pass


print(issubclass(Box, HasLen), issubclass(Empty, HasLen), isinstance(Box(), HasLen))


class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


attempt("bad hook", lambda: issubclass(int, Bad))


# Registration through a subclass of an ABC makes it a subclass of the parent.
class Base(ABC):
    pass


class Child(Base):
    pass


class Stranger:
    pass


Child.register(Stranger)
print(issubclass(Stranger, Child), issubclass(Stranger, Base))


# update_abstractmethods
class Todo(ABC):
    @abstractmethod
    def run(self):
        pass


class Done(Todo):
    pass


print(sorted(Done.__abstractmethods__))
Done.run = lambda self: "ran"
print(abc.update_abstractmethods(Done) is Done, Done.__abstractmethods__, Done().run())


class Plain:
    pass


print(abc.update_abstractmethods(Plain) is Plain, hasattr(Plain, "__abstractmethods__"))


# Keyword arguments reach __init_subclass__.
class Plugin(ABC):
    kinds = []

    def __init_subclass__(cls, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.kinds.append((cls.__name__, kind))


class CsvPlugin(Plugin, kind="csv"):
    pass


print(Plugin.kinds)
attempt("abstractmethod(len)", lambda: abstractmethod(len))
