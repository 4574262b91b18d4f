# The order of __del__ calls when several objects die at once, as
# CPython's deallocation orders them: list and tuple items last to first,
# dict entries and attributes first to last, and what an object's death
# frees right after its own __del__ (before objects that were waiting).


class A:
    def __init__(self, n, kids=()):
        self.n = n
        self.kids = kids

    def __del__(self):
        print("del", self.n)


print("--- list")
objs = [A(i) for i in range(3)]
del objs
print("--- dict")
d = {i: A(i) for i in range(3)}
del d
print("--- attributes")


class B:
    pass


b = B()
b.x = A("x")
b.y = A("y")
del b
print("--- tuple")
t = (A(1), A(2))
del t
print("--- a __del__ object holding others")
h = A(0, (A(1, (A(2),)), A(3)))
del h
print("--- a __del__ that drops more objects")


class Dropper:
    def __init__(self):
        self.held = [A("held 1"), A("held 2")]

    def __del__(self):
        print("Dropper del")
        self.held = None
        print("Dropper del done")


waiting = [A("waiting"), Dropper()]
del waiting
print("--- seen by a property right after a del")


class Counter:
    count = 0

    @property
    def value(self):
        return Counter.count


class Counted:
    def __del__(self):
        Counter.count += 1


c = Counted()
counter = Counter()
del c
print(counter.value)
c = Counted()
c = None
print(counter.value)
print("end")
