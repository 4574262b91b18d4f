class A:
    x = 1
    def m(self): pass
class B(A):
    def n(self): pass
b = B()
b.y = 2
print(dir(b) == dir(b), [n for n in dir(b) if not n.startswith("_")], [n for n in dir(B) if not n.startswith("__")])
print(dir(b) == sorted(dir(b)), set(dir(object())) <= set(dir(b)), "__dict__" in dir(b))
print(sorted(set(dir(b)) - set(dir(object()))))
def f():
    a = 1
    bb = 2
    return dir()
print(f())
print([n for n in dir([]) if not n.startswith("_")])
