# Classes: attributes, inheritance with C3 MRO, super(), descriptors.
class Shape:
    """Base of all shapes."""
    sides = 0
    registry = []

    def __init__(self, name):
        self.name = name
        Shape.registry.append(name)

    def describe(self):
        return f"{self.name} with {self.sides} sides, area {self.area():.2f}"

    def area(self):
        raise NotImplementedError("subclasses compute the area")


class Rectangle(Shape):
    sides = 4

    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    @perimeter.setter
    def perimeter(self, value):
        scale = value / self.perimeter
        self.w *= scale
        self.h *= scale

    @classmethod
    def square(cls, side):
        return cls(side, side)

    @staticmethod
    def unit():
        return "m"


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


r = Rectangle(3, 4)
print(r.describe(), r.perimeter, Rectangle.unit(), r.unit())
r.perimeter = 28
print(r.w, r.h, r.area())
s = Square(5)
sq = Rectangle.square(2)
print(type(s).__name__, s.describe(), type(sq).__name__, sq.area(), isinstance(s, Shape), issubclass(Square, Rectangle))
print([c.__name__ for c in Square.__mro__], Shape.__doc__, Square.__doc__)
try:
    Shape("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Shape.registry, hasattr(r, "w"), getattr(r, "missing", "default"))


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print("TypeError:", e)

Dynamic = type("Dynamic", (A,), {"x": 1, "double": lambda self: self.x * 2})
d = Dynamic()
print(Dynamic.__name__, d.x, d.double(), d.who(), isinstance(d, A))
d.y = 5
print(vars(d), sorted(k for k in vars(Rectangle) if not k.startswith("__")))
del d.y
print(hasattr(d, "y"))
