# `with` looks __enter__ and __exit__ up on the class (an instance
# attribute of those names takes no part), binds __exit__, and runs
# __enter__ with the manager as self.
class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return self.swallow

with Manager("a") as got:
    print("body", got)

m = Manager("b")
m.__enter__ = lambda: "instance enter"
m.__exit__ = lambda *a: print("instance exit")
with m as got:
    print("body", got)

with Manager("c", swallow=True):
    raise ValueError("swallowed")
print("after c")

try:
    with Manager("d"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", e)

class Gen:
    def __enter__(self):
        yield 1
    def __exit__(self, *a):
        return False
with Gen() as g:
    print(type(g).__name__, next(g))

class Raising:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with Raising():
        print("never")
except RuntimeError as e:
    print("RuntimeError", e)

class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)

class Base:
    def __enter__(self):
        return "base " + type(self).__name__
    def __exit__(self, *a):
        print("base exit", a[0])
class Derived(Base):
    pass
with Derived() as got:
    print(got)

class Swapped(Manager):
    pass
s = Swapped("e")
Swapped.__enter__ = lambda self: "replaced on the class"
with s as got:
    print(got)

def deep(n):
    with Manager("deep%d" % n) as got:
        if n:
            return deep(n - 1)
        return got
print(deep(2))

class Counter:
    count = 0
    def __enter__(self):
        Counter.count += 1
    def __exit__(self, *a):
        pass
for i in range(1000):
    with Counter():
        pass
print(Counter.count)
