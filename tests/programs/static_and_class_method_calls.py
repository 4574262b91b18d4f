# staticmethod and classmethod called through instances and classes in
# loops (the call sites remember the function): subclasses, an instance
# attribute hiding the name, the class attribute replaced, wrapped
# callables that are not functions, __getattribute__.
class Shape:
    sides = 0
    @staticmethod
    def double(x):
        return 2 * x
    @classmethod
    def describe(cls, suffix=""):
        return cls.__name__ + ":" + str(cls.sides) + suffix
    def run(self, n):
        return [(self.double(i), self.describe("!")) for i in range(n)]

class Square(Shape):
    sides = 4

print(Shape().run(2))
print(Square().run(2))
shapes = [Shape(), Square(), Shape(), Square()]
print([s.describe() for s in shapes])
print([s.double(3) for s in shapes])
print([Shape.double(i) for i in range(3)], [Square.describe() for _ in range(2)])

s = Square()
print(s.run(1))
s.double = lambda x: "instance " + str(x)
print(s.run(2))
del s.double
print(s.run(1))
Square.double = staticmethod(lambda x: x - 1)
print(s.run(2), Shape().run(1))
Square.describe = classmethod(lambda cls, suffix="": "replaced " + cls.__name__ + suffix)
print(s.run(2))

class Wrapped:
    plain_static = staticmethod(len)
    plain_class = classmethod(type.__repr__.__get__(None, type) if False else repr)
    def go(self):
        return [self.plain_static("abc"), self.plain_class()]
w = Wrapped()
print(w.go(), w.go())

class Watching:
    @staticmethod
    def helper():
        return "helper"
    def __getattribute__(self, name):
        if name == "helper":
            return lambda: "intercepted"
        return object.__getattribute__(self, name)
    def go(self):
        return [self.helper() for _ in range(2)]
print(Watching().go())

def call_all(objs):
    return [o.describe() for o in objs]
print(call_all([Shape(), Square(), Shape()]))

class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    @classmethod
    def who(cls):
        return cls.__name__
class Child(WithMeta):
    pass
print([x.who() for x in (WithMeta(), Child(), WithMeta())])
