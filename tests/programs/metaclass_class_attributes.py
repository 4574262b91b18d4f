# Class attributes read on classes with a metaclass (cached sites), as
# the metaclass gains and loses attributes; enum members.
class Meta(type):
    pass
class WithDesc(type):
    @property
    def x(cls):
        return "meta property"
class A(metaclass=Meta):
    x = 1
    y = 2
class B(metaclass=WithDesc):
    x = 1
def rd(c):
    return c.x, getattr(c, "y", None)
for _ in range(3):
    print(rd(A), rd(B))
Meta.x = property(lambda cls: "added later")
print(rd(A))
del Meta.x
print(rd(A))


A.x = 5
print(rd(A))
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def red():
    return Color.RED
for _ in range(3):
    print(red(), Color(2), Color["GREEN"])
