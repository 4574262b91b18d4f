# Calling a class with neither __init__ nor __new__ (and the cases that
# must not take that shortcut: arguments, native bases, metaclasses,
# abstract methods, a __new__ or __init__ added later).
import abc
import collections


class Plain:
    pass


class Child(Plain):
    label = "child"


p = Plain()
print(type(p).__name__, vars(p), Child().label, isinstance(Child(), Plain))
for attempt in (lambda: Plain(1), lambda: Plain(x=1), lambda: Child(1, 2)):
    try:
        attempt()
    except TypeError as e:
        print("TypeError", e)


class Slotted:
    __slots__ = ("a",)


s = Slotted()
s.a = 5
print(s.a, hasattr(s, "__dict__"))


class Queue(collections.deque):
    pass


q = Queue()
q.append(1)
print(type(q).__name__, list(q), len(q))


class Meta(type):
    def __call__(cls, *args):
        return ("made by the metaclass", cls.__name__, args)


class WithMeta(metaclass=Meta):
    pass


print(WithMeta())


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        pass


try:
    Base()
except TypeError as e:
    print("TypeError", e)


class Concrete(Base):
    def run(self):
        return "ran"


print(Concrete().run())


class Late:
    pass


print(type(Late()).__name__)
Late.__init__ = lambda self: setattr(self, "made", "by a late __init__")
print(Late().made)


class LateNew:
    pass


LateNew()
LateNew.__new__ = lambda cls: "from a late __new__"
print(LateNew())


class Counted:
    instances = 0

    def __del__(self):
        Counted.instances += 1


class Sub(Counted):
    pass


for _ in range(3):
    Sub()
print(Counted.instances)


class Tracked:
    pass


import weakref
t = Tracked()
r = weakref.ref(t)
del t
print(r())
