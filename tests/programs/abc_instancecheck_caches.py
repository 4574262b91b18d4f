# isinstance with abstract classes: the answers the caches give (positive,
# negative, invalidated by register), what an object claims through
# __class__ or __getattribute__, metaclasses above ABCMeta, and hooks.
import abc
import collections.abc as cabc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...


class Square(Shape):
    def area(self):
        return 4


class Plain:
    pass


# The same question asked many times: the first answer fills a cache.
for _ in range(3):
    print(isinstance(Square(), Shape), isinstance(Plain(), Shape))

# register() makes the negative cache stale.
token = abc.get_cache_token()
Shape.register(Plain)
print(abc.get_cache_token() != token)
print(isinstance(Plain(), Shape), issubclass(Plain, Shape))


class Other:
    pass


print(isinstance(Other(), Shape))


# An object claiming another class through a __class__ property.
class Mock:
    @property
    def __class__(self):
        return dict


print(isinstance(Mock(), cabc.Mapping), isinstance(Mock(), cabc.Sequence))
print(isinstance(Mock(), Shape))


# Through __getattribute__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)

    def __getattribute__(self, name):
        if name == "__class__":
            return type(object.__getattribute__(self, "target"))
        return object.__getattribute__(self, name)


print(isinstance(Proxy([1]), cabc.MutableSequence), isinstance(Proxy(3), cabc.Sized))


# A __subclasshook__ deciding, and one deferring.
class HasLen(abc.ABC):
    @classmethod
    def __subclasshook__(cls, other):
        if hasattr(other, "__len__"):
            return True
        return NotImplemented


print(isinstance([], HasLen), isinstance(3, HasLen), isinstance("", HasLen))
print(isinstance(3, HasLen))


# A metaclass overriding ABCMeta's check.
class Everything(abc.ABCMeta):
    def __instancecheck__(cls, instance):
        return instance is not None


class Anything(metaclass=Everything):
    pass


print(isinstance(3, Anything), isinstance(None, Anything))


# A metaclass calling ABCMeta's own check through super().
class Counting(abc.ABCMeta):
    calls = 0

    def __instancecheck__(cls, instance):
        Counting.calls += 1
        return super().__instancecheck__(instance)


class Counted(metaclass=Counting):
    pass


class Sub(Counted):
    pass


print(isinstance(Sub(), Counted), isinstance(3, Counted), Counting.calls)
print(abc.ABCMeta.__instancecheck__(Shape, Square()))
print(Shape.__instancecheck__(Plain()))

# Tuples and unions of abstract classes.
print(isinstance({}, (cabc.Sequence, cabc.Mapping)), isinstance(3, cabc.Sized | cabc.Hashable))

# A __subclasscheck__ that raises: the error comes out of isinstance.
class Broken(abc.ABCMeta):
    def __subclasscheck__(cls, subclass):
        raise ValueError("no answer for " + subclass.__name__)


class Fragile(metaclass=Broken):
    pass


try:
    isinstance(3, Fragile)
except ValueError as err:
    print("ValueError:", err)
