class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = A("a")
del a
print("after del a")

def f():
    x = A("local")
    print("in f")
f()
print("after f")

b = A("b")
b = None
print("after rebinding b")

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")

for x in gen():
    break
print("after break")

g = gen()
next(g)
del g
print("after del g")

class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("ctx exit", a[0].__name__ if a[0] else None)

def gen2():
    with Ctx():
        yield 1

g = gen2()
next(g)
g = None
print("after gen2")


class Res:
    saved = []
    def __del__(self):
        print("resurrect")
        Res.saved.append(self)
r = Res()
del r
print("saved", len(Res.saved))
Res.saved.clear()
print("cleared")

class Varargs:
    # An __init__ the fast path does not take: one instance, one __del__.
    def __init__(self, *args, **kwargs):
        self.args = args
    def __del__(self):
        print("del Varargs", self.args)
Varargs(1, 2)
class Arity:
    def __init__(self, a):
        pass
    def __del__(self):
        print("del Arity")
try:
    Arity()
except TypeError as e:
    print(e)

def nofinal():
    yield 1
    yield 2
g = nofinal()
next(g)
del g
print("end")
keep = A("module-level keep")
_private = A("private")
other = A("other")
