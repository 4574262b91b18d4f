# A named tuple's fields are `_collections._tuplegetter` descriptors whose
# `__doc__` may be set (the documented way to document a field).
from collections import namedtuple
from _collections import _tuplegetter

Point = namedtuple("Point", "x y")
print(type(Point.x) is _tuplegetter, repr(Point.x), Point.y.__doc__)
Point.x.__doc__ = "The x-coordinate"
Point.y.__doc__ = None
print(Point.x.__doc__, repr(Point.x), Point.y.__doc__, Point(1, 2).x)
try:
    Point.x.other = 1
except AttributeError as error:
    print("AttributeError:", error)
try:
    Point(1, 2).x = 5
except AttributeError as error:
    print("AttributeError:", error)
third = _tuplegetter(1, "second item")
print(third.__get__((7, 8, 9)), third.__doc__, third.__get__(None, tuple) is third)
