# An ABC's __subclasshook__ that defers to object's with super(), and
# object.__subclasshook__ itself (no opinion).
from abc import ABC


class HasLength(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLength and any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return super().__subclasshook__(C)


class Foo:
    def __len__(self):
        return 0


class Bar(Foo):
    pass


class Child(HasLength):
    pass


print(isinstance(Foo(), HasLength), isinstance(1, HasLength), issubclass(Bar, HasLength))
print(issubclass(Child, HasLength), isinstance(Foo(), Child), issubclass(Foo, Child))
print(object.__subclasshook__(int), Foo.__subclasshook__(int), HasLength.__subclasshook__(Foo))
