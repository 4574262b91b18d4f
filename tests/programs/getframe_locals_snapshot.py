# sys._getframe: frame objects over the whole stack; f_locals gives the
# frame's locals (the dict locals() refreshes), f_back the caller.
import sys

def inner(depth):
    return sys._getframe(depth)

def outer(a, b=2):
    c = a + b
    print(sorted(sys._getframe().f_locals), sys._getframe().f_locals["c"])
    print(sys._getframe().f_locals is locals())
    def nested():
        return c
    print(sorted(sys._getframe().f_locals))
    return inner(1)

f = outer(1)
print(f.f_code.co_name, sorted(f.f_locals), f.f_locals["c"], f.f_back.f_code.co_name)
print(type(f.f_code.co_filename).__name__, f.f_code.co_filename is f.f_code.co_filename, f.f_lineno)
g = inner(0)
print(g.f_code.co_name, g.f_locals, g.f_back.f_code.co_name)

def walk():
    names = []
    frame = sys._getframe()
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names

def a():
    return b()

def b():
    return walk()

print(a())

def cells(x):
    def use():
        return x
    y = [x]
    return sys._getframe()

h = cells(5)
print(sorted(h.f_locals), h.f_locals["x"], h.f_locals["y"])
