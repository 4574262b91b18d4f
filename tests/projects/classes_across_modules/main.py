# Classes, functions and exceptions defined in an imported module carry
# that module's name: __module__, reprs, and the traceback's last line.
import shapes
from shapes import Circle, make
c = make(2)
print(type(c), Circle.__module__, make.__module__, c.area())
print(repr(c).startswith("<shapes.Circle object at 0x"), shapes.ShapeError)
print(Circle.__qualname__, Circle.__name__, type(shapes.ShapeError("x")).__module__)
class Local:
    pass
print(Local, Local.__module__, list[Circle])
try:
    make(-1)
except shapes.ShapeError as e:
    print(repr(e), type(e))
make(-2)
