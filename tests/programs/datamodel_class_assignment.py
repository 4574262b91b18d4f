# Assigning __class__: the object takes the new class's methods, slots
# and dunders at once; CPython's checks on what may be assigned.


class Idle:
    def step(self):
        self.__class__ = Running
        return "start"

    def __repr__(self):
        return f"Idle({self.n})"


class Running:
    def step(self):
        self.n += 1
        if self.n >= 3:
            self.__class__ = Idle
            return "stop"
        return "run"

    def __repr__(self):
        return f"Running({self.n})"

    def __len__(self):
        return self.n


m = Idle()
m.n = 0
for _ in range(6):
    print(m.step(), m, type(m).__name__, isinstance(m, Running))
m.__class__ = Running
print(len(m), m.__class__.__name__, m.__dict__)


class A:
    pass


class B:
    pass


class S(list):
    pass


class T(list):
    def total(self):
        return sum(self)


class X:
    __slots__ = ("a",)


class Y:
    __slots__ = ("a",)


a = A()
a.x = 1
for value in [5, B, S, A, "A"]:
    try:
        a.__class__ = value
        print("ok", type(a).__name__, a.x)
    except TypeError as e:
        print("TypeError", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError", e)
s = S([1, 2, 3])
s.__class__ = T
print(type(s).__name__, s.total(), s)
try:
    s.__class__ = A
except TypeError as e:
    print("TypeError", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError", e)
x = X()
x.a = 5
x.__class__ = Y
print(type(x).__name__, x.a)
try:
    x.__class__ = A
except TypeError as e:
    print("TypeError", e)


class WithSetattr:
    def __setattr__(self, name, value):
        print("setattr", name)
        object.__setattr__(self, name, value)


w = WithSetattr()
w.__class__ = WithSetattr
w.y = 2
print(type(w).__name__, w.y)
# many objects switching back and forth
objs = [Idle() for _ in range(1000)]
for o in objs:
    o.n = 0
    o.__class__ = Running
print(sum(isinstance(o, Running) for o in objs))

# Slots declared as a list or a tuple are the same layout.
class SA:
    __slots__ = ["a"]
class SB:
    __slots__ = ("a",)
class SC:
    __slots__ = ("a", "__weakref__")
class SD:
    __slots__ = ("b",)
x = SA()
x.a = 1
for cls in [SB, SC, SD]:
    try:
        x.__class__ = cls
        print("ok", type(x).__name__, x.a)
    except TypeError as e:
        print("TypeError", e)
