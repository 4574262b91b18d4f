# One call site seeing many classes in turn (`shape.area()` over several
# subclasses): the method found must always be the one the instance's class
# has now, through class changes, instance attributes that hide a method,
# and classes made and dropped while the site runs.


class Shape:
    def area(self):
        return 0

    def name(self):
        return type(self).__name__


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Blob(Shape):
    pass


def total(shapes):
    return [shape.area() for shape in shapes]


shapes = [Square(2), Rect(2, 3), Circle(1), Blob(), Square(3)]
print(total(shapes))
print([s.name() for s in shapes])

# A method replaced on a class: the next call finds the new one.
Circle.area = lambda self: 100 + self.r
print(total(shapes))

# A method removed from a subclass: the base class's is found.
del Rect.area
print(total(shapes))

# An instance attribute hides the class's method for that instance only.
shapes[0].area = lambda: "own"
print(total(shapes))
del shapes[0].area
print(total(shapes))

# A method added to the base class reaches a subclass without its own.
Shape.area = lambda self: -1
print(total(shapes))

# Classes made and dropped in a loop, each through the same site.
for n in range(5):
    Temp = type("Temp%d" % n, (Shape,), {"area": lambda self, n=n: n * 10})
    print(total([Temp(), shapes[1]]), end=" ")
    del Temp
print()

# A class whose instances keep their attributes in a dict, beside ones that
# keep them in shared keys.
class Many(Shape):
    def __init__(self):
        for i in range(40):
            setattr(self, "a%d" % i, i)

    def area(self):
        return self.a39


print(total([Many(), Square(4), Many()]))

# More classes through one site than it keeps entries for, in turn, many
# times: each call finds its own class's method.
kinds = [type("K%d" % n, (Shape,), {"area": lambda self, n=n: n}) for n in range(7)]
objs = [k() for k in kinds] * 3
print(total(objs))
print(total(objs[::-1]))

# An attribute set on one instance of a class the site already saw (not its
# first class) hides the method for that instance only, also when the
# attribute is one of the class's shared keys set later.
class Late(Shape):
    def __init__(self):
        self.size = 1

    def area(self):
        return "method"


first, second = Late(), Late()
mixed = [Square(1), Circle(2), first, Rect(1, 1), second]
print(total(mixed))
second.area = lambda: "attribute"
print(total(mixed))
first.__dict__["area"] = lambda: "via dict"
print(total(mixed))
del second.area
print(total(mixed))

# A method changed on a class the site saw second: found anew.
Late.area = lambda self: "replaced"
print(total(mixed))
